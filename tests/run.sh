#!/bin/sh
# Runs every test (each line says its seconds, to watch CI's time) and ends
# with one line: "N passed, N failed".
#  - each cmocka binary named on the command line, in TAP mode: one count per
#    test case; a binary that dies (crash, sanitizer) counts one failure more;
#  - each tests/cli/*.sh, tests/screen/*.sh and tests/e2e/*.sh script, and
#    tests/fuzz/run.sh (which replays the fuzz corpora), each of which
#    prints "ok - name" or "not ok - name" per check and exits non-zero on
#    any failure.
set -u
passed=0
failed=0
log=${BUILD:-build/out}/tests/last-run.log
mkdir -p "$(dirname "$log")"
: > "$log"
export LANG=C.UTF-8 TZ=UTC CMOCKA_MESSAGE_OUTPUT=TAP
# For SANITIZE=1: what LeakSanitizer should not blame on us (see the file).
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export COOPDESK_BIN="${COOPDESK_BIN:-$(pwd)/coopdesk}"
# make check SANITIZE=1, the second pass after the plain one, and
# VALGRIND=1, forty times slower: the kill and fault loops take fewer
# steps (tests/cli/crash.sh, interrupt.sh, test_faults), every other check
# is the same.
[ "${SANITIZE:-0}" = 1 ] && export COOPDESK_TEST_SHORTER=1
[ "${VALGRIND:-0}" = 1 ] && export COOPDESK_TEST_SHORTER=1

count() { # $1: name, $2: file with TAP-ish output, $3: exit status, $4: seconds
	p=$(grep -c '^ok ' "$2")
	f=$(grep -c '^not ok ' "$2")
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $1 exited with status $3" >> "$2"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		echo "FAIL $1 ($p passed, $f failed; ${4}s)"
		grep -v '^ok ' "$2" | sed 's/^/    /' | head -40
	else
		echo "ok   $1 ($p; ${4}s)"
	fi
	cat "$2" >> "$log"
}

# VALGRIND=1 (make check VALGRIND=1): every binary of ours under valgrind's
# memcheck, the unit tests and the coopdesk the shell tests run (through
# a wrapper); an error or a definite leak is exit status 99, a failure.
# The fault loops step wider (tests/unit/test_faults.c), or they would
# take an hour. The fuzz targets are clang's ASan builds: not under it.
VG=
if [ "${VALGRIND:-0}" = 1 ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
	    --errors-for-leak-kinds=definite --suppressions=$(pwd)/tests/valgrind.supp"
	wrap=$(pwd)/${BUILD:-build/out}/tests/valgrind-coopdesk
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$(echo $VG)" "$COOPDESK_BIN" > "$wrap"
	chmod +x "$wrap"
	export COOPDESK_BIN="$wrap" FAULTS_STRIDE=${FAULTS_STRIDE:-400}
fi

out=$(mktemp)
trap 'rm -f "$out"' EXIT
for t in "$@"; do
	t0=$(date +%s)
	# shellcheck disable=SC2086
	$VG "$t" > "$out" 2>&1
	rc=$?
	count "$(basename "$t")" "$out" $rc $(($(date +%s) - t0))
done
for t in tests/cli/*.sh tests/screen/*.sh tests/e2e/*.sh tests/fuzz/run.sh; do
	[ -f "$t" ] || continue
	case "$t" in */lib.sh) continue ;; esac
	t0=$(date +%s)
	sh "$t" > "$out" 2>&1
	rc=$?
	count "$t" "$out" $rc $(($(date +%s) - t0))
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
