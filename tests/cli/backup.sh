#!/bin/sh
# coopdesk backup and restore: a backup taken while another program writes
# in a loop restores to a co-op that passes check; restore refuses a file
# that is not SQLite, another program's database, a newer coopdesk's, a
# damaged one, and a co-op open elsewhere, changing nothing; the co-op it
# replaces is kept aside, whole.
. "$(dirname "$0")/lib.sh"

DB="$TMP/coop.db"
"$BIN" demo "$DB" --seed 1 > /dev/null 2>&1 || not_ok "the demo co-op was not made"
q() { sqlite3 "$1" "$2"; }

expect "backup --help exits 0" 0 "$BIN" backup --help
contains "and says it is safe while in use" "$TMP/out" "safely while others use it"
expect "backup without a file is a usage error" 2 "$BIN" --db "$DB" backup
contains "saying what is missing" "$TMP/err" "which file? give the backup's name"

# ---- a backup while another program writes in a loop ---------------------
# The writer touches $TMP/started once its first update is in, and stops
# when $TMP/stop appears: the backup runs in the middle of its writes.
(
	i=0
	while [ ! -e "$TMP/stop" ]; do
		i=$((i + 1))
		echo "UPDATE members SET notes = 'write $i' WHERE member_no = 1;"
		[ "$i" = 1 ] && echo ".system touch $TMP/started"
	done
	echo "SELECT 'writes: ' || substr(notes, 7) FROM members WHERE member_no = 1;"
) | sqlite3 "$DB" > "$TMP/writer.out" 2>&1 &
writer=$!
while [ ! -e "$TMP/started" ]; do
	kill -0 "$writer" 2>/dev/null || { not_ok "the writer did not start"; break; }
	sleep 0.01
done
expect "backup while another program writes" 0 "$BIN" --db "$DB" backup "$TMP/mid.db"
contains "says where, and that it was checked" "$TMP/out" "to $TMP/mid.db"
touch "$TMP/stop"
wait "$writer"
total=$(sed -n 's/^writes: //p' "$TMP/writer.out")
[ -n "$total" ] && [ "$total" -gt 1 ] && ok "the writer went on writing ($total updates)" \
	|| not_ok "the writer wrote: $(cat "$TMP/writer.out")"
mode=$(stat -c %a "$TMP/mid.db")
[ "$mode" = 600 ] && ok "the backup is private (0600)" || not_ok "the backup's mode is $mode"
[ ! -e "$TMP/mid.db-wal" ] && [ -z "$(ls "$TMP" | grep 'partial')" ] \
	&& ok "one file, nothing left beside it" || not_ok "files beside the backup: $(ls "$TMP")"
moment=$(q "$TMP/mid.db" "SELECT substr(notes, 7) FROM members WHERE member_no = 1")
[ -n "$moment" ] && [ "$moment" -le "$total" ] \
	&& ok "the backup holds a moment of the writing (write $moment of $total)" \
	|| not_ok "the backup's note: '$moment' of $total"

expect "a backup over an existing file is refused" 1 "$BIN" --db "$DB" backup "$TMP/mid.db"
contains "in words" "$TMP/err" "mid.db already exists: back up to a new name"

expect "the mid-write backup restores to a new place" 0 \
	"$BIN" --db "$TMP/restored.db" restore "$TMP/mid.db"
contains "saying so" "$TMP/out" "Restored $TMP/restored.db from $TMP/mid.db"
lacks "with nothing set aside (there was nothing there)" "$TMP/out" "kept as"
expect "and passes every check" 0 "$BIN" --db "$TMP/restored.db" check
same_members=$(q "$TMP/restored.db" "SELECT count(*) FROM members")
[ "$same_members" = "$(q "$DB" "SELECT count(*) FROM members")" ] \
	&& ok "with every member ($same_members)" || not_ok "members restored: $same_members"

# ---- refusals: nothing changed ------------------------------------------
before=$(q "$TMP/restored.db" "SELECT notes FROM members WHERE member_no = 1")
refused() { # NAME FILE WORDS
	expect "$1 is refused" 1 "$BIN" --db "$TMP/restored.db" restore "$2"
	contains "$1: in words" "$TMP/err" "$3"
	contains "$1: and nothing changed" "$TMP/err" "nothing was changed"
}
echo "a letter, not a database" > "$TMP/letter.txt"
refused "a file that is not SQLite" "$TMP/letter.txt" \
	"letter.txt is not a coopdesk backup: it is not an SQLite database"
q "$TMP/other.db" "CREATE TABLE t (x)"
refused "another program's database" "$TMP/other.db" \
	"other.db is an SQLite database, but not a coopdesk one"
cp "$TMP/mid.db" "$TMP/newer.db"
q "$TMP/newer.db" "PRAGMA user_version = 99"
refused "a newer coopdesk's" "$TMP/newer.db" "newer.db is from a newer coopdesk (its schema is 99"
cp "$TMP/mid.db" "$TMP/damaged.db"
# Garbage over the middle of a table's pages (page 5 onwards).
printf '%0512d' 0 | tr 0 'X' | dd of="$TMP/damaged.db" bs=1 seek=16400 conv=notrunc 2>/dev/null
refused "a damaged copy" "$TMP/damaged.db" "damaged.db is damaged"
cp "$TMP/mid.db" "$TMP/broken.db"
trigger=$(q "$TMP/broken.db" "SELECT name FROM sqlite_schema WHERE type = 'trigger'
	AND name LIKE 'audit%members%' LIMIT 1")
q "$TMP/broken.db" "DROP TRIGGER \"$trigger\""
refused "a copy that fails the co-op's checks" "$TMP/broken.db" "broken.db fails the co-op's checks"
after=$(q "$TMP/restored.db" "SELECT notes FROM members WHERE member_no = 1")
[ "$before" = "$after" ] && ok "the co-op is as it was after all five" || not_ok "it changed"
[ -z "$(ls "$TMP" | grep -e restoring -e before-restore)" ] && ok "and no file left beside it" \
	|| not_ok "left: $(ls "$TMP")"

# ---- open at another terminal: refused; closed: done, the old kept aside ----
rm -f "$TMP/fifo"
mkfifo "$TMP/fifo"
sqlite3 "$TMP/restored.db" < "$TMP/fifo" > "$TMP/holder.out" 2>&1 &
holder=$!
exec 3> "$TMP/fifo"
# A read: the connection is now in the file's shared memory, as an idle
# coopdesk is once it has shown its first screen.
echo "SELECT 'open', count(*) FROM members;" >&3
while ! grep -q open "$TMP/holder.out"; do
	kill -0 "$holder" 2>/dev/null || { not_ok "the other program did not open it"; break; }
	sleep 0.01
done
expect "a backup that is not there is refused" 1 \
	"$BIN" --db "$TMP/restored.db" restore "$DB.missing"
contains "a missing backup first says so" "$TMP/err" "cannot read $DB.missing"
expect "a co-op open elsewhere (idle) is refused" 1 \
	"$BIN" --db "$TMP/restored.db" restore "$TMP/mid.db"
contains "naming why" "$TMP/err" "is open in another program (coopdesk at another terminal?): close it there first"
exec 3>&-
wait "$holder"
q "$TMP/restored.db" "UPDATE members SET notes = 'after the backup' WHERE member_no = 1"
expect "once closed, the restore is done" 0 "$BIN" --db "$TMP/restored.db" restore "$TMP/mid.db"
aside=$(sed -n 's/^The co-op as it was is kept as //p' "$TMP/out")
[ -n "$aside" ] && [ -f "$aside" ] && ok "the co-op replaced is kept aside ($(basename "$aside"))" \
	|| not_ok "nothing kept aside: $(cat "$TMP/out")"
case "$aside" in
*restored.db.before-restore-[0-9]*T[0-9]*Z) ok "named with the time (UTC)" ;;
*) not_ok "its name: $aside" ;;
esac
[ "$(q "$aside" "SELECT notes FROM members WHERE member_no = 1")" = "after the backup" ] \
	&& ok "the copy kept aside has the last write" || not_ok "the copy aside lost a write"
[ "$(q "$TMP/restored.db" "SELECT notes FROM members WHERE member_no = 1")" = "write $moment" ] \
	&& ok "the co-op is the backup again" \
	|| not_ok "the co-op is not the backup: $(q "$TMP/restored.db" "SELECT notes FROM members WHERE member_no = 1")"
expect "the restored co-op passes every check" 0 "$BIN" --db "$TMP/restored.db" check
finish
