# tests/cli/lib.sh: a tiny harness for the command-line tests. Each check
# prints "ok - name" or "not ok - name" (tests/run.sh counts them).
set -u
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
TMP=$(mktemp -d)
trap '[ -n "${KEEP_TMP:-}" ] || rm -rf "$TMP"' EXIT
# Nothing of a test's lands in the real home (the default co-op, the daily
# backups), and the daily backup is off unless a test turns it on
# (tests/cli/safety.sh): every start of the interface on a new copy of a
# co-op would otherwise make one.
export XDG_DATA_HOME="$TMP/data" COOPDESK_DAILY_BACKUP=off
failures=0

ok() { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }

# expect NAME STATUS COMMAND...: runs COMMAND, keeping its output in
# $TMP/out and $TMP/err, and checks its exit status.
expect() {
	name=$1 want=$2
	shift 2
	"$@" > "$TMP/out" 2> "$TMP/err"
	got=$?
	if [ "$got" -eq "$want" ]; then ok "$name"; else
		not_ok "$name (exit $got, wanted $want)"
		sed 's/^/#   /' "$TMP/out" "$TMP/err" | head -20
	fi
}

# contains NAME FILE TEXT: FILE has TEXT (a fixed string).
contains() {
	if grep -qF -- "$3" "$2"; then ok "$1"; else
		not_ok "$1 (no '$3' in $(basename "$2"))"
		sed 's/^/#   /' "$2" | head -20
	fi
}

# lacks NAME FILE TEXT: FILE does not have TEXT (a missing FILE is a
# failure, not a pass: nothing was shown, so nothing was proved).
lacks() {
	if [ ! -f "$2" ]; then not_ok "$1 ($(basename "$2") was not written)"
	elif grep -qF -- "$3" "$2"; then not_ok "$1 (found '$3')"; else ok "$1"; fi
}

finish() { [ "$failures" -eq 0 ]; exit $?; }
