#!/bin/sh
# The automatic daily backup: the first start of the interface on a day
# (the co-op's zone) copies the co-op into $XDG_DATA_HOME/coopdesk/backups
# (a copy that passes check), once a day however often it starts; copies
# older than backup_days are removed, other co-ops' never; none for a co-op
# open for viewing; a backup that fails is said to the board on Home, in
# words, and to nobody else; silent otherwise.
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 TZ=UTC
unset COOPDESK_DAILY_BACKUP COOPDESK_TODAY
FOLDER="$XDG_DATA_HOME/coopdesk/backups"

DB="$TMP/coop.db"
printf 'secret-pass-123\n' | "$BIN" --db "$DB" init --name "Elm Court Co-op" > /dev/null 2>&1 ||
	{ not_ok "a co-op for the backup tests"; finish; }
printf ':quit\n' > "$TMP/quit.script"
printf 'board<Enter>secret-pass-123<Enter>\n:dump %s\n' "$TMP/home.txt" > "$TMP/home.script"

# start INSTANT [SCRIPT]: the interface started at INSTANT on $DB.
start() {
	COOPDESK_NOW=$1 "$BIN" ${3:-} --db "$DB" --script "$TMP/${2:-quit}.script" --headless \
		> "$TMP/start.out" 2>&1 ||
		{ not_ok "started at $1"; sed 's/^/#   /' "$TMP/start.out" | head; }
}
made() { ls "$FOLDER" 2>/dev/null | sed -n 's/^coop-[0-9a-f]\{8\}-\(.*\)\.db$/\1/p' | tr '\n' ' '; }

[ ! -e "$FOLDER" ] && ok "no backup before the interface starts" || not_ok "a backup before any start"
start 2026-11-01T09:00:00Z home
[ "$(made)" = "2026-11-01 " ] && ok "the first start of the day makes one, named by the day" ||
	not_ok "after the first start: $(made)"
copy=$(ls "$FOLDER"/coop-*-2026-11-01.db)
expect "the copy is a whole co-op: check passes" 0 "$BIN" --db "$copy" check
[ "$(sqlite3 "$copy" "SELECT value FROM settings WHERE key = 'coop_name'")" = "Elm Court Co-op" ] &&
	ok "and it is this co-op" || not_ok "the copy is not this co-op"
[ "$(stat -c %a "$copy")" = 600 ] && ok "private (0600)" || not_ok "its mode is $(stat -c %a "$copy")"
lacks "silent: nothing on Home" "$TMP/home.txt" "backup"
[ ! -s "$TMP/start.out" ] && ok "nor on the terminal" || not_ok "it said: $(head -3 "$TMP/start.out")"
stamp=$(stat -c %i.%y "$copy")
rm "$TMP/home.txt"
start 2026-11-01T17:00:00Z home
[ "$(made)" = "2026-11-01 " ] && [ "$(stat -c %i.%y "$copy")" = "$stamp" ] &&
	ok "a second start the same day makes none" || not_ok "the second start: $(made)"
lacks "and says nothing" "$TMP/home.txt" "backup"
# 23:30 UTC on 1 July is 00:30 on 2 July in London (BST): the co-op's day.
start 2026-07-01T23:30:00Z
case "$(made)" in *2026-07-02*) ok "the day is the co-op's (London), not UTC's" ;;
	*) not_ok "a start at 00:30 BST made: $(made)" ;; esac
rm -f "$FOLDER"/coop-*-2026-07-02.db

# backup_days 3: a start each day keeps the last three.
"$BIN" --db "$DB" settings set backup_days 3 > /dev/null
: > "$FOLDER/other-0123abcd-2026-10-01.db" # another co-op's: never touched
for d in 02 03 04 05; do start 2026-11-${d}T09:00:00Z; done
[ "$(made)" = "2026-11-03 2026-11-04 2026-11-05 " ] &&
	ok "kept backup_days (3): older ones removed" || not_ok "after five days: $(made)"
[ -e "$FOLDER/other-0123abcd-2026-10-01.db" ] && ok "another co-op's copy is left alone" ||
	not_ok "another co-op's copy was removed"

# Open for viewing: no backup.
start 2026-11-06T09:00:00Z quit --read-only
case "$(made)" in *2026-11-06*) not_ok "a backup was made with --read-only" ;;
	*) ok "none with --read-only" ;; esac

# A folder it cannot use: said to the board on Home, and why.
rm -rf "$FOLDER"
mkdir -p "$XDG_DATA_HOME/coopdesk"
: > "$FOLDER" # a file where the folder should be
start 2026-11-07T09:00:00Z home
contains "a backup that fails: the board reads it on Home" "$TMP/home.txt" \
	"Today's automatic backup failed: cannot make the folder"
contains "and why" "$TMP/home.txt" "data/coopdesk/backups: Not a directory."
printf 'tess-pass-1234\n' | "$BIN" --db "$DB" user add tess --role volunteer > "$TMP/add.out" 2>&1 ||
	{ not_ok "a volunteer's account"; sed 's/^/#   /' "$TMP/add.out"; }
printf 'tess<Enter>tess-pass-1234<Enter>\n:dump %s\n' "$TMP/vol.txt" > "$TMP/vol.script"
start 2026-11-07T10:00:00Z vol
contains "(a volunteer logs in)" "$TMP/vol.txt" "Home"
lacks "a volunteer is not told: it is the board's to act on" "$TMP/vol.txt" "backup failed"
finish
