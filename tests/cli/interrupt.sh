#!/bin/sh
# A co-op is made whole or not at all: init and demo killed (SIGKILL, no
# chance to tidy up) at 50 random moments each leave at their FILE either
# nothing or a co-op that passes check with its user accounts; an empty
# file is refused by every command, never adopted; a file made is private.
. "$(dirname "$0")/lib.sh"

# A moment from 0 to $1 milliseconds, from /dev/urandom.
moment() { od -An -N2 -tu2 /dev/urandom | awk -v most="$1" '{ printf "%.3f", ($1 % most) / 1000 }'; }

# judge NAME FILE: nothing there, or a whole co-op.
judge() {
	if [ ! -e "$2" ]; then
		nothing=$((nothing + 1))
	elif "$BIN" --db "$2" check > "$TMP/check.out" 2>&1 &&
	     [ "$(sqlite3 "$2" "SELECT count(*) > 0 FROM users")" = 1 ]; then
		whole=$((whole + 1))
	else
		not_ok "$1: a half-made co-op was left at $(basename "$2")"
		sed 's/^/#   /' "$TMP/check.out" | tail -5
		broken=$((broken + 1))
	fi
}

# 50 kills of each in make check; 15 in its sanitizers' second pass
# (COOPDESK_TEST_SHORTER, tests/run.sh), the 50 having been made already.
KILLS=50
[ -n "${COOPDESK_TEST_SHORTER:-}" ] && KILLS=15
for cmd in init demo; do
	nothing=0 whole=0 broken=0
	i=0
	while [ $i -lt $KILLS ]; do
		i=$((i + 1))
		f="$TMP/$cmd-$i.db"
		if [ $cmd = init ]; then
			printf 'secret-pass-123\n' | "$BIN" --db "$f" init > /dev/null 2>&1 &
			most=400
		else
			"$BIN" demo "$f" --seed "$i" > /dev/null 2>&1 &
			most=1500
		fi
		pid=$!
		sleep "$(moment $most)"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		judge "$cmd killed (run $i)" "$f"
	done
	[ $broken = 0 ] && ok "$cmd killed $KILLS times: $nothing left nothing, $whole a whole co-op" \
		|| not_ok "$cmd killed $KILLS times: $broken half-made"
done

: > "$TMP/empty.db"
chmod 644 "$TMP/empty.db"
expect "an empty file is not adopted by check" 1 "$BIN" --db "$TMP/empty.db" check
contains "saying so" "$TMP/err" "that file is empty, not a co-op (make one with 'coopdesk init')"
[ ! -s "$TMP/empty.db" ] && ok "and it is still empty" || not_ok "the schema was written into it"
expect "init refuses the empty file too" 1 sh -c \
	"printf 'secret-pass-123\n' | '$BIN' --db '$TMP/empty.db' init"
contains "as a file that exists" "$TMP/err" "already exists; nothing was changed"
printf 'secret-pass-123\n' | "$BIN" --db "$TMP/made.db" init > /dev/null 2>&1
mode=$(stat -c %a "$TMP/made.db")
[ "$mode" = 600 ] && ok "a co-op made is private (0600)" || not_ok "its mode is $mode"
[ -z "$(ls "$TMP" | grep made.db.making)" ] && ok "no file is left building beside it" \
	|| not_ok "left: $(ls "$TMP" | grep made.db.making | head -3)"
# A killed run's files (its process gone) go when the next run starts there.
stray=$(ls "$TMP" | grep '\.making-[0-9]*$' | head -1)
if [ -n "$stray" ]; then
	target="$TMP/${stray%.making-*}"
	rm -f "$target"
	printf 'secret-pass-123\n' | "$BIN" --db "$target" init > /dev/null 2>&1
	[ ! -e "$TMP/$stray" ] && [ ! -e "$TMP/$stray-wal" ] \
		&& ok "a killed run's files are cleared by the next one ($stray)" \
		|| not_ok "$stray is still there"
else
	ok "no killed run left a file to clear"
fi
finish
