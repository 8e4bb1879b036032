#!/bin/sh
# The repair form, driven through the real program with scripts: what a bad
# date or amount says and that nothing else is lost, asking before Esc
# throws changes away, saving (the row and its one audit row), a change
# made meanwhile by another program, and values kept across a resize.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-01-10 COOPDESK_NOW=2026-01-10T12:00:00Z

BASE="$TMP/base.db"
if ! printf 'board-pass-1\n' | "$BIN" --db "$BASE" init --name "Form Co-op" > "$TMP/out" 2>&1; then
	not_ok "init a database for the form tests"
	sed 's/^/#   /' "$TMP/out"
	finish
fi
sqlite3 "$BASE" "
INSERT INTO homes (uuid, ref, address) VALUES
 ('00000000-0000-4000-8000-000000000001', 'H-01', '1 Mill Lane');
INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at, description, location)
VALUES
 ('00000000-0000-4000-8000-000000000011', 1, '2026-01-05T09:00:00Z',
  'Boiler makes a banging noise', 'routine', '2026-02-02', 'It bangs when the heating comes on.', 'kitchen'),
 ('00000000-0000-4000-8000-000000000012', 1, '2026-01-06T09:00:00Z',
  'Damp in the bedroom', 'urgent', '2026-01-13', '', 'back bedroom');"

# play NAME: a fresh copy of the database, then $TMP/NAME.script played
# headless at 80x24; its dumps land in $TMP.
play() {
	cp "$BASE" "$TMP/$1.db"
	rm -f "$TMP/$1.db-wal" "$TMP/$1.db-shm"
	if ! "$BIN" --db "$TMP/$1.db" --script "$TMP/$1.script" --headless --size 80x24 \
		> "$TMP/$1.out" 2>&1; then
		not_ok "$1: the script ran to its end"
		sed 's/^/#   /' "$TMP/$1.out" | head -10
	fi
}

# flat FILE: the dump on one line, runs of spaces as one, so that a sentence
# wrapped over two lines can be found whole.
flat() { tr '\n' ' ' < "$1" | tr -s ' ' > "$1.flat"; }

# sql NAME QUERY: the answer from that test's database.
sql() { sqlite3 "$TMP/$1.db" "$2"; }

# The list is newest first: R-000002 on the first row, R-000001 below it.
OPEN1='board<Enter>board-pass-1<Enter>
4
<Down><Enter>
e'

# ---- a bad date ---------------------------------------------------------------
cat > "$TMP/date.script" <<EOF
$OPEN1
<End> now fixed
<Tab><Tab><Tab><Tab><Tab>29/02/2026<Tab>
:dump $TMP/date1.txt
^S
:dump $TMP/date2.txt
EOF
play date
contains "a bad date says why, next to it" "$TMP/date1.txt" "29/02/2026: February 2026 has 28 days"
contains "the bad date stays as typed" "$TMP/date1.txt" "Damp: investigated on  29/02/2026"
contains "the other fields keep what was typed" "$TMP/date1.txt" "Boiler makes a banging noise now fixed"
contains "and what was there" "$TMP/date1.txt" "Location               kitchen"
contains "saving with a bad date says why, on the status line" "$TMP/date2.txt" \
	"Not saved: Damp: investigated on: 29/02/2026: February 2026 has 28 days"
contains "and nothing typed is lost" "$TMP/date2.txt" "Boiler makes a banging noise now fixed"
got=$(sql date "SELECT title || '|' || version FROM repairs WHERE id = 1")
[ "$got" = "Boiler makes a banging noise|1" ] && ok "a form with a bad field saves nothing" \
	|| not_ok "a form with a bad field saved: $got"

# ---- bad money, too many characters, a required field ------------------------
cat > "$TMP/money.script" <<EOF
$OPEN1
<Tab><Tab><Tab><Tab>12.3.4<Tab>
:dump $TMP/money1.txt
<BackTab><End><BS><BS><BS><BS><BS><BS>12.345<Tab>
:dump $TMP/money2.txt
<BackTab><BackTab><BackTab><BackTab><BackTab><End><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><Tab>
:dump $TMP/money4.txt
EOF
play money
contains "an amount that is not one says so" "$TMP/money1.txt" \
	"that is not an amount: enter an amount like 12.50 or £1,234.56"
contains "and keeps what was typed" "$TMP/money1.txt" "Cost                   12.3.4"
contains "three decimals are refused in words" "$TMP/money2.txt" \
	"an amount has at most two decimal places (pence)"
lacks "the earlier message went once the field was typed again" "$TMP/money2.txt" \
	"that is not an amount"
contains "an emptied required field says it is required" "$TMP/money4.txt" "required"
grep -A1 '^  Title' "$TMP/money4.txt" | grep -q 'required' \
	&& ok "next to that field" || not_ok "'required' is not under the title"

# ---- typing past a field's limit ---------------------------------------------
cat > "$TMP/limit.script" <<EOF
$OPEN1
<Tab><End>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
:dump $TMP/limit1.txt
^S
EOF
play limit
contains "typing past a field's limit says the limit" "$TMP/limit1.txt" "at most 60 characters"
got=$(sql limit "SELECT length(location) || '|' || substr(location, 1, 8) FROM repairs WHERE id = 1")
[ "$got" = "60|kitchenx" ] && ok "and the field stops at 60 characters, which save" \
	|| not_ok "the location saved: $got"

# ---- leaving: asks only when something changed; n keeps the edits ----------
cat > "$TMP/leave.script" <<EOF
$OPEN1
<Esc>
:dump $TMP/leave1.txt
e
<End> (again)
<Esc>
:dump $TMP/leave2.txt
n
:dump $TMP/leave3.txt
<Esc>y
:dump $TMP/leave4.txt
EOF
play leave
contains "Esc on an unchanged form goes straight back" "$TMP/leave1.txt" "History"
contains "Esc on a changed form asks first" "$TMP/leave2.txt" "Leave without saving your changes? y/n"
contains "n keeps the form" "$TMP/leave3.txt" "Edit repair R-000001"
contains "with everything typed" "$TMP/leave3.txt" "Boiler makes a banging noise (again)"
contains "y leaves" "$TMP/leave4.txt" "History"
lacks "without saving" "$TMP/leave4.txt" "(again)"
got=$(sql leave "SELECT version FROM repairs WHERE id = 1")
[ "$got" = 1 ] && ok "leaving saves nothing" || not_ok "leaving changed the version to $got"

# ---- saving -------------------------------------------------------------------
before=$(sqlite3 "$BASE" "SELECT count(*) FROM audit WHERE table_name <> 'users'")
cat > "$TMP/save.script" <<EOF
$OPEN1
<End><BS><BS><BS><BS><BS>mended 李小龍
<Tab><Tab><Tab><Tab>£1,234.56<Tab>6/1/2026<Tab>2026-01-09<Tab>
<End><Enter>Second line.
:dump $TMP/save1.txt
^S
:dump $TMP/save2.txt
EOF
play save
contains "a good amount is shown the one way" "$TMP/save1.txt" "£1,234.56"
contains "a date typed d/m/yyyy is shown dd/mm/yyyy" "$TMP/save1.txt" "06/01/2026"
contains "an ISO date is shown dd/mm/yyyy" "$TMP/save1.txt" "09/01/2026"
contains "saving says so on the status line" "$TMP/save2.txt" "Saved R-000001"
contains "and goes back to the repair, read again" "$TMP/save2.txt" \
	"R-000001  Boiler makes a banging mended 李小龍"
got=$(sql save "SELECT title || '|' || cost_pence || '|' || investigated_on || '|' ||
	summary_sent_on || '|' || version FROM repairs WHERE id = 1")
[ "$got" = "Boiler makes a banging mended 李小龍|123456|2026-01-06|2026-01-09|2" ] \
	&& ok "the repair is saved: title, pence, ISO dates, a new version" \
	|| not_ok "the saved repair: $got"
got=$(sql save "SELECT description FROM repairs WHERE id = 1")
want=$(printf 'It bangs when the heating comes on.\nSecond line.')
[ "$got" = "$want" ] && ok "a multi-line description keeps its line break" \
	|| not_ok "the description: $got"
after=$(sql save "SELECT count(*) FROM audit WHERE table_name <> 'users'")
[ $((after - before)) -eq 1 ] && ok "saving writes one audit row (besides the login's)" \
	|| not_ok "saving wrote $((after - before)) audit rows"
got=$(sql save "SELECT table_name || '|' || row_id || '|' || action || '|' || actor
	FROM audit ORDER BY id DESC LIMIT 1")
[ "$got" = "repairs|1|update|Board" ] && ok "the audit row names the repair and who" \
	|| not_ok "the audit row: $got"

# ---- a conflict: another program saves while the form is open ----------------
# The script opens the form, types, dumps (the sign that the form is open)
# and waits for this shell's sign that it has changed the repair, as
# another program: a handshake both ways, no fixed wait.
cat > "$TMP/conflict.script" <<EOF
board<Enter>board-pass-1<Enter>
4
<Enter>e
<Tab><End> upstairs
:dump $TMP/conflict-open.txt
:wait $TMP/conflict-changed
^S
:dump $TMP/conflict1.txt
EOF
cp "$BASE" "$TMP/conflict.db"
(
	i=0
	while [ ! -s "$TMP/conflict-open.txt" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sqlite3 "$TMP/conflict.db" ".timeout 5000" \
		"UPDATE repairs SET location = 'loft', version = version + 1 WHERE id = 2"
	: > "$TMP/conflict-changed"
) &
shell=$!
"$BIN" --db "$TMP/conflict.db" --script "$TMP/conflict.script" --headless --size 80x24 \
	> "$TMP/conflict.out" 2>&1 || not_ok "conflict: the script ran to its end"
wait $shell
flat "$TMP/conflict1.txt"
contains "a conflict names who saved meanwhile" "$TMP/conflict1.txt.flat" \
	"this repair was changed by another program at"
contains "and says the changes are still on screen" "$TMP/conflict1.txt.flat" \
	"your changes are still on screen"
contains "the form stays open" "$TMP/conflict1.txt" "Edit repair R-000002"
contains "with what was typed" "$TMP/conflict1.txt" "back bedroom upstairs"
got=$(sqlite3 "$TMP/conflict.db" "SELECT location || '|' || version FROM repairs WHERE id = 2")
[ "$got" = "loft|2" ] && ok "the other program's change stands" || not_ok "after the conflict: $got"

# ---- a resize keeps what was typed -------------------------------------------
cat > "$TMP/resize.script" <<EOF
$OPEN1
<Home>李小龍:<Space>
<Tab><Tab><Space>
<Tab><Tab>9.99
:resize 100x30
:dump $TMP/resize1.txt
:resize 80x24
:dump $TMP/resize2.txt
:resize 60x20
:resize 80x24
<Tab>
:dump $TMP/resize3.txt
EOF
play resize
for d in resize1 resize2 resize3; do
	contains "$d: the title typed keeps its wide characters" "$TMP/$d.txt" \
		"李小龍: Boiler makes a banging noise"
	grep -q 'Priority  *planned' "$TMP/$d.txt" && ok "$d: the choice made is kept" \
		|| not_ok "$d: the priority chosen (planned) is gone"
done
contains "a half-typed amount survives a resize" "$TMP/resize1.txt" "Cost                   9.99"
contains "and another, back to 80x24" "$TMP/resize2.txt" "Cost                   9.99"
contains "after a resize, the field is still checked on leaving" "$TMP/resize3.txt" "£9.99"
finish
