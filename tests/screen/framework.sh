#!/bin/sh
# The screen framework, driven through the real program with scripts on a
# small co-op made here: pasted text is only ever text; the mouse selects,
# opens and scrolls when it is asked for and does nothing when it is not;
# the go-to key opens a record by its reference within the role's limits;
# times are local (a summer and a winter instant); a 2,000-character
# description reads whole at 80x24; wide terminals use their width; a
# saved edit shows in the list below at once; every list marks its
# selected row with more than colour.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! printf 'board-pass-1\n' | "$BIN" --db "$BASE" init --name "Alder Street Housing Co-operative" \
		> "$TMP/out" 2>&1; then
	not_ok "init a database for the framework tests"
	sed 's/^/#   /' "$TMP/out"
	finish
fi
# A description of 2,000 characters: numbered words, so that every one of
# them can be looked for on the screen.
long=$(awk 'BEGIN { s = ""; for (i = 1; length(s) < 1990; i++) s = s "w" i " "; print substr(s, 1, 2000) }')
long=$(printf '%s' "$long" | sed 's/ *$//')
sqlite3 "$BASE" "
INSERT INTO homes (uuid, ref, address) VALUES
 ('00000000-0000-4000-8000-000000000001', 'WEA-10', '10 Weavers Court'),
 ('00000000-0000-4000-8000-000000000002', 'WEA-11', '11 Weavers Court');
INSERT INTO members (uuid, member_no, name, sort_name, address, entered_on) VALUES
 ('00000000-0000-4000-8000-000000000021', 42, 'Hannah Okafor', 'okafor, hannah', '10 Weavers Court', '2025-01-10');
INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at, description, location) VALUES
 ('00000000-0000-4000-8000-000000000011', 1, '2026-07-01T23:30:00Z',
  'Reported on a summer night', 'routine', '2026-08-12', 'Short.', 'kitchen'),
 ('00000000-0000-4000-8000-000000000012', 2, '2026-01-15T23:30:00Z',
  'Reported on a winter night', 'routine', '2026-02-24', '$long', 'hall'),
 ('00000000-0000-4000-8000-000000000013', 2, '2026-11-20T10:00:00Z',
  'Third repair', 'routine', '2026-12-30', 'Third.', 'loft');"

# play NAME [SIZE] [OPTIONS...]: a fresh copy of the database, then
# $TMP/NAME.script played headless (80x24 unless SIZE); dumps land in $TMP.
play() {
	name=$1 size=${2:-80x24}
	shift
	[ $# -gt 0 ] && shift
	cp "$BASE" "$TMP/$name.db"
	if ! "$BIN" --db "$TMP/$name.db" --script "$TMP/$name.script" --headless --size "$size" \
		"$@" > "$TMP/$name.out" 2>&1; then
		not_ok "$name: the script ran to its end"
		sed 's/^/#   /' "$TMP/$name.out" | head -10
	fi
}
sql() { sqlite3 "$TMP/$1.db" "$2"; }
LOGIN='board<Enter>board-pass-1<Enter>'

# ---- pasted text is text --------------------------------------------------------
cat > "$TMP/paste.script" <<EOF
$LOGIN
4
:paste q
:dump $TMP/paste1.txt
<Enter>e
<End>
:paste <Esc> fixed<Enter>y
:dump $TMP/paste2.txt
<Esc>
:dump $TMP/paste3.txt
:paste y
:dump $TMP/paste4.txt
n^S
:dump $TMP/paste5.txt
EOF
play paste
contains "a q pasted into a list does not log out" "$TMP/paste1.txt" "Repairs: open repairs"
contains "a pasted Esc does not leave the form: the text is typed" "$TMP/paste2.txt" \
	"Third repair fixed y"
contains "Esc typed asks before throwing the change away" "$TMP/paste3.txt" \
	"Leave without saving your changes? y/n"
contains "a pasted y does not answer it" "$TMP/paste4.txt" "Leave without saving your changes? y/n"
got=$(sql paste "SELECT title FROM repairs WHERE id = 3")
[ "$got" = "Third repair fixed y" ] && ok "what was pasted is saved as text" \
	|| not_ok "the title saved: $got"

# ---- the mouse, when asked for, and not otherwise -----------------------------------
# The rows start on the screen's fourth line (row 3): R-000003 newest.
# Where "Tenancies" is on the top bar, for a click on it.
printf '%s\n:dump %s/bar.txt\n' "$LOGIN" "$TMP" > "$TMP/bar.script"
play bar
col=$(head -1 "$TMP/bar.txt" | awk '{ print index($0, "Tenancies") }')
cat > "$TMP/mouse.script" <<EOF
$LOGIN
4
:click 4 20
:dump $TMP/mouse1.txt
:wheel down
:dump $TMP/mouse4.txt
:dblclick 3 20
:dump $TMP/mouse2.txt
<Esc>
:click 0 $col
:dump $TMP/mouse3.txt
EOF
play mouse 80x24 --mouse
contains "a click selects a row" "$TMP/mouse1.txt" ">R-000002"
contains "the wheel moves down" "$TMP/mouse4.txt" ">R-000001"
contains "a double click opens one" "$TMP/mouse2.txt" "Repair R-000003  Third repair"
contains "a click on an area's name goes there" "$TMP/mouse3.txt" "Homes: all homes"
sed "s|$TMP/mouse|$TMP/nomouse|g" "$TMP/mouse.script" > "$TMP/nomouse.script"
play nomouse
contains "without --mouse a click selects nothing" "$TMP/nomouse1.txt" ">R-000003"
contains "and opens nothing" "$TMP/nomouse2.txt" "Repairs: open repairs"
# The co-op's mouse setting takes the mouse as --mouse does.
sed "s|$TMP/mouse|$TMP/setmouse|g" "$TMP/mouse.script" > "$TMP/setmouse.script"
cp "$BASE" "$TMP/setmouse.db"
sqlite3 "$TMP/setmouse.db" "UPDATE settings SET value = '1' WHERE key = 'mouse'"
"$BIN" --db "$TMP/setmouse.db" --script "$TMP/setmouse.script" --headless --size 80x24 \
	> "$TMP/setmouse.out" 2>&1 || not_ok "setmouse: the script ran"
contains "with the mouse setting on, a click selects" "$TMP/setmouse1.txt" ">R-000002"

# ---- go to a record by its reference ----------------------------------------------
cat > "$TMP/goto.script" <<EOF
$LOGIN
^GR-000002<Enter>
:dump $TMP/goto1.txt
^Gwea-10<Enter>
:dump $TMP/goto2.txt
^Gmember no. 42<Enter>
:dump $TMP/goto3.txt
^GR-000099<Enter>
:dump $TMP/goto4.txt
<BS><BS>01<Enter>
:dump $TMP/goto5.txt
EOF
play goto
contains "R-000002 opens that repair" "$TMP/goto1.txt" "Repair R-000002  Reported on a winter night"
contains "a home's reference, in any case, opens the home" "$TMP/goto2.txt" \
	"Home WEA-10  10 Weavers Court"
contains "with its repairs as a list" "$TMP/goto2.txt" "R-000001"
contains "member no. 42 opens the member" "$TMP/goto3.txt" "Member no. 42  Hannah Okafor"
contains "a reference that names nothing is said so" "$TMP/goto4.txt" \
	"No repair R-000099 that you may see. Go to: R-000099"
contains "and what was typed stays to be mended" "$TMP/goto5.txt" "Repair R-000001"

# ---- local time: a summer and a winter instant ----------------------------------------
cat > "$TMP/time.script" <<EOF
$LOGIN
^GR-000001<Enter>
:dump $TMP/time1.txt
^GR-000002<Enter>
:dump $TMP/time2.txt
EOF
play time
flat() { tr -s ' ' < "$1" > "$1.flat"; }
flat "$TMP/time1.txt"
flat "$TMP/time2.txt"
contains "23:30 UTC on 1 July is 00:30 on 2 July in London" "$TMP/time1.txt.flat" \
	"Reported 02/07/2026 00:30"
contains "23:30 UTC on 15 January is 23:30 in London" "$TMP/time2.txt.flat" \
	"Reported 15/01/2026 23:30"

# ---- 2,000 characters read whole at 80x24 ----------------------------------------------
{
	printf '%s\n^GR-000002<Enter>\n' "$LOGIN"
	for i in 1 2 3 4 5 6 7 8; do
		printf ':dump %s/long%d.txt\n<PgDn>\n' "$TMP" "$i"
	done
} > "$TMP/long.script"
play long
contains "the details scroll, and say how far" "$TMP/long1.txt" "lines 1-"
missing=""
for w in $long; do
	cat "$TMP"/long[1-8].txt | grep -qw -- "$w" || missing="$missing $w"
done
[ -z "$missing" ] && ok "every word of a 2,000-character description is on a screen" \
	|| not_ok "words never shown:$(echo "$missing" | cut -c1-80)"

# ---- wide terminals -------------------------------------------------------------------
cat > "$TMP/wide.script" <<EOF
$LOGIN
:dump $TMP/wide1.txt
EOF
play wide 100x30
contains "at 100 columns the co-op's name is whole" "$TMP/wide1.txt" \
	"Alder Street Housing Co-operative"

# ---- a saved edit shows in the list below at once ----------------------------------------
cat > "$TMP/resume.script" <<EOF
$LOGIN
4<Enter>e
<End><BS><BS><BS><BS><BS><BS>ROOF^S
:dump $TMP/resume1.txt
<Esc>
:dump $TMP/resume2.txt
EOF
play resume 120x30
contains "the repair's own screen shows the saved title" "$TMP/resume1.txt" "Third ROOF"
contains "and the list below it, at once" "$TMP/resume2.txt" "Third ROOF"
contains "with the same row still selected" "$TMP/resume2.txt" ">R-000003"
# ---- a long history is a list: its 60th event can be seen -------------------------
hist=$(awk 'BEGIN { for (i = 1; i <= 60; i++) printf "%s(3, \x272026-11-2%dT10:%02d:00Z\x27, \x27Board\x27, \x27reported\x27, \x27reported\x27, \x27note number %d\x27)", (i > 1 ? "," : ""), i % 2, i % 60, i }')
cat > "$TMP/history.script" <<EOF
$LOGIN
^GR-000003<Enter>
:dump $TMP/history1.txt
G
:dump $TMP/history2.txt
EOF
cp "$BASE" "$TMP/history.db"
sqlite3 "$TMP/history.db" "INSERT INTO repair_events (repair_id, at, actor, from_status, to_status, note)
 VALUES $hist" || not_ok "history: the events were made"
"$BIN" --db "$TMP/history.db" --script "$TMP/history.script" --headless --size 80x24 \
	> "$TMP/history.out" 2>&1 || not_ok "history: the script ran"
contains "a record's history is a list with a count" "$TMP/history1.txt" "row 1 of 60"
contains "the last key goes to its 60th event" "$TMP/history2.txt" "note: note number 60"
contains "which is selected" "$TMP/history2.txt" "row 60 of 60"

# ---- a repair's cost and damp dates are on its screen -----------------------------------
sqlite3 "$BASE" "UPDATE repairs SET cost_pence = 12345, damp_hazard = 'significant',
 investigated_on = '2026-11-21' WHERE id = 3"
cat > "$TMP/damp.script" <<EOF
$LOGIN
^GR-000003<Enter>
:dump $TMP/damp1.txt
EOF
play damp
tr -s ' ' < "$TMP/damp1.txt" > "$TMP/damp1.flat"
contains "the record shows the cost" "$TMP/damp1.flat" "Cost £123.45"
contains "the damp hazard" "$TMP/damp1.flat" "Damp and mould significant"
contains "the day it was investigated, against its clock" "$TMP/damp1.flat" \
	"Investigate due 04/12/2026: done 21/11/2026, in time"
contains "and when the summary is due" "$TMP/damp1.flat" "Written summary due 25/11/2026: running"

# ---- Esc (or Left) at an area's first screen goes Home ------------------------------------
cat > "$TMP/home.script" <<EOF
$LOGIN
4<Esc>
:dump $TMP/home1.txt
4<Left>
:dump $TMP/home2.txt
EOF
play home
contains "Esc from Repairs goes Home" "$TMP/home1.txt" "Repairs past their target"
contains "and so does Left" "$TMP/home2.txt" "Repairs past their target"

# ---- one's own password, from Home ---------------------------------------------------------
cat > "$TMP/ownpw.script" <<EOF
$LOGIN
p
:dump $TMP/ownpw1.txt
wrong-password<Enter>brand-new-pass-1<Enter>brand-new-pass-1<Enter>
:dump $TMP/ownpw2.txt
board-pass-1<Enter>brand-new-pass-1<Enter>brand-new-pass-1<Enter>
:dump $TMP/ownpw3.txt
q
board<Enter>brand-new-pass-1<Enter>
:dump $TMP/ownpw4.txt
EOF
play ownpw
contains "p asks for one's current password first" "$TMP/ownpw1.txt" "Your current password (not shown):"
contains "a wrong one is refused, and asked again" "$TMP/ownpw2.txt" "Your current password is not right"
contains "the right one changes it" "$TMP/ownpw3.txt" "Your password is changed"
contains "and the new one logs in" "$TMP/ownpw4.txt" "Repairs past their target"
for pw in brand-new-pass-1 wrong-password; do
	grep -lF -- "$pw" "$TMP"/ownpw*.txt > /dev/null && not_ok "the password $pw is on a screen" \
		|| ok "no screen shows $pw"
done
finish
