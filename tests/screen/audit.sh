#!/bin/sh
# The audit trail screen (board only), driven through the real program with
# scripts: the list newest first; the filters by user, by record and by
# dates narrow it and are shown under the title; a bad date or an unknown
# user says why and keeps what was typed; Esc takes the filters off one by
# one; an entry shows a change as "field: old → new" and an added record
# whole; and nothing on these screens changes the trail or anything else.
#
# The screen is opened with "a" on Home (board members only).
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22
unset NO_COLOR

BASE="$TMP/base.db"
PASS=board-pass-1
# init asks for the first board user's password (from stdin when it is not
# a terminal); an older init that asks nothing leaves stdin unread.
if ! printf '%s\n' "$PASS" | "$BIN" --db "$BASE" init --name "Audit Co-op" > "$TMP/out" 2>&1; then
	not_ok "init a database for the audit tests"
	sed 's/^/#   /' "$TMP/out"
	finish
fi
# Accounts: the board user init made (or one made here if it made none) and
# a volunteer, vic. A yescrypt hash from the system's crypt(3), via perl.
hash() { perl -e 'print crypt($ARGV[0], q{$y$j9T$} . $ARGV[1] . q{$})' "$1" "$2"; }
BOARD=$(sqlite3 "$BASE" "SELECT username FROM users WHERE role = 'board' AND password_hash <> '' ORDER BY id LIMIT 1")
if [ -z "$BOARD" ]; then
	BOARD=board
	sqlite3 "$BASE" "INSERT INTO users (uuid, username, display_name, role, password_hash)
		VALUES ('00000000-0000-4000-8000-0000000000b1', 'board', 'Board',
		'board', '$(hash "$PASS" F5Jx5fExrKuPp53xLKQ..1)')"
fi
VIC_HASH=$(hash vic-pass-12345 Qx7Jx5fExrKuPp53xLKQ..2)
# Changes made with the sqlite3 shell: the trail names them "another program".
sqlite3 "$BASE" "
INSERT INTO users (uuid, username, display_name, role, password_hash)
 VALUES ('00000000-0000-4000-8000-0000000000b2', 'vic', 'Vic Volunteer', 'volunteer', '$VIC_HASH');
INSERT INTO homes (uuid, ref, address) VALUES
 ('00000000-0000-4000-8000-000000000001', 'H-01', '1 Mill Lane'),
 ('00000000-0000-4000-8000-000000000002', 'H-02', '2 Mill Lane');
INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at, description, location)
 VALUES ('00000000-0000-4000-8000-000000000011', 1, '2026-01-05T09:00:00Z',
  'Boiler makes a banging noise', 'routine', '2026-02-02', 'It bangs when the heating comes on.', 'kitchen');
UPDATE repairs SET title = 'Boiler fixed', location = 'utility room', version = version + 1 WHERE id = 1;
INSERT INTO members (id, uuid, member_no, name, sort_name, address, entered_on)
 VALUES (7, '00000000-0000-4000-8000-000000000021', 42, 'Zoë Ó Súilleabháin',
  'ó súilleabháin, zoë', '1 Mill Lane', '2026-01-10');
UPDATE members SET address = '2 Mill Lane', version = version + 1 WHERE id = 7;"
# The trail's times come from the real clock, so every change above is
# today's. To have changes on other days, and by a user, three are added
# to the trail as another program could (the trail refuses only changes to
# its rows, never new ones), dated after everything else so that ids still
# follow time, as the trail expects.
VIC=$(sqlite3 "$BASE" "SELECT id FROM users WHERE username = 'vic'")
BOARD_ID=$(sqlite3 "$BASE" "SELECT id FROM users WHERE username = '$BOARD'")
sqlite3 "$BASE" "
INSERT INTO audit (at, user_id, actor, table_name, row_id, action, before, after) VALUES
 ('2099-01-05T10:00:00.000Z', $VIC, 'Vic Volunteer', 'homes', 2, 'update',
  '{\"id\":2,\"ref\":\"H-02\",\"address\":\"2 Mill Lane\"}', '{\"id\":2,\"ref\":\"H-02\",\"address\":\"2a Mill Lane\"}'),
 ('2099-02-10T11:30:00.000Z', $BOARD_ID, 'Board', 'members', 7, 'update',
  '{\"id\":7,\"member_no\":42,\"phone\":null}', '{\"id\":7,\"member_no\":42,\"phone\":\"01632 960000\"}'),
 ('2099-03-15T09:15:00.000Z', $VIC, 'Vic Volunteer', 'homes', 1, 'update',
  '{\"id\":1,\"ref\":\"H-01\",\"address\":\"1 Mill Lane\"}', '{\"id\":1,\"ref\":\"H-01\",\"address\":\"1a Mill Lane\"}');"

LOGIN="$BOARD<Tab>$PASS<Enter>
a"

# play NAME: a fresh copy of the database, then $TMP/NAME.script (which logs
# in and opens the trail first) played headless at 80x24.
play() {
	cp "$BASE" "$TMP/$1.db"
	{ printf '%s\n' "$LOGIN"; cat "$TMP/$1.keys"; } > "$TMP/$1.script"
	if ! "$BIN" --db "$TMP/$1.db" --script "$TMP/$1.script" --headless --size 80x24 \
		> "$TMP/$1.out" 2>&1; then
		not_ok "$1: the script ran to its end"
		sed 's/^/#   /' "$TMP/$1.out" | head -10
	fi
}

sql() { sqlite3 "$TMP/$1.db" "$2"; }

# rows DUMP: the list's rows as "when|who|what|action", in screen order
# (the rows start on the fifth line; the columns are at fixed places).
rows() {
	sed -n '5,$p' "$1" | while IFS= read -r line; do
		case "$line" in [" >"][0-9][0-9]/*) ;; *) continue ;; esac
		printf '%s|%s|%s|%s\n' \
			"$(printf '%s' "$line" | cut -c2-17 | sed 's/ *$//')" \
			"$(printf '%s' "$line" | cut -c20-40 | sed 's/ *$//')" \
			"$(printf '%s' "$line" | cut -c42-69 | sed 's/ *$//')" \
			"$(printf '%s' "$line" | cut -c71- | sed 's/ *$//')"
	done
}

# want NAME WHERE: the same from the database, newest first.
WANT_SQL="SELECT strftime('%d/%m/%Y %H:%M', at) || '|' || actor || '|' ||
  CASE table_name WHEN 'repairs' THEN 'repair R-' || printf('%06d', row_id)
                  WHEN 'members' THEN 'member ' || row_id
                  WHEN 'homes' THEN 'home ' || row_id
                  WHEN 'users' THEN 'user account ' || row_id
                  WHEN 'settings' THEN 'setting ' || row_id
                  ELSE table_name || ' ' || row_id END || '|' ||
  CASE action WHEN 'insert' THEN 'added' WHEN 'update' THEN 'changed' ELSE 'removed' END
  FROM audit"
want() { sql "$1" "$WANT_SQL WHERE $2 ORDER BY id DESC"; }

# same_rows NAME DUMP WHERE: the list shows exactly the trail's rows that
# match WHERE, newest first.
same_rows() {
	rows "$TMP/$2" > "$TMP/$2.rows"
	want "$1" "$3" > "$TMP/$2.want"
	if [ -s "$TMP/$2.want" ] && diff "$TMP/$2.want" "$TMP/$2.rows" > "$TMP/diff"; then
		ok "$4"
	else
		not_ok "$4"
		sed 's/^/#   /' "$TMP/diff" | head -20
	fi
}

# ---- the whole trail, newest first ------------------------------------------
cat > "$TMP/list.keys" <<EOF
:dump $TMP/list1.txt
EOF
play list
contains "the trail has a title" "$TMP/list1.txt" "Audit trail: newest first"
contains "the line under it says no filter is on" "$TMP/list1.txt" \
	"Nothing here can be changed. f filters by user, record or dates."
contains "columns: when, who, what, action" "$TMP/list1.txt" \
	"When              Who                   What                         Action"
same_rows list list1.txt "1" "every change is listed, newest first, with when, who, what and action"
contains "a change by the sqlite3 shell is another program's" "$TMP/list1.txt" \
	"another program       repair R-000001              changed"
contains "tables are named in words" "$TMP/list1.txt" "member 7"
lacks "not as tables" "$TMP/list1.txt" "members 7"
contains "dates are dd/mm/yyyy hh:mm" "$TMP/list1.txt" " 15/03/2099 09:15  Vic Volunteer"
first=$(rows "$TMP/list1.txt" | head -1)
newest=$(want list 1 | head -1)
[ "$first" = "$newest" ] && ok "the newest change is on the first row" \
	|| not_ok "the first row is '$first', the newest change '$newest'"

# ---- by user: typed, Tab through the names, an unknown name --------------------
cat > "$TMP/user.keys" <<EOF
fu<Tab>
:dump $TMP/user1.txt
<Tab>
:dump $TMP/user2.txt
<Esc>fu
nobody<Enter>
:dump $TMP/user3.txt
<Esc>fu
vic<Enter>
:dump $TMP/user4.txt
EOF
play user
contains "u asks for a username on the bottom line; Tab fills in the first" "$TMP/user1.txt" \
	"User (Tab: the next username): $BOARD"
contains "Tab again, the next" "$TMP/user2.txt" "User (Tab: the next username): vic"
contains "an unknown user is named, in words" "$TMP/user3.txt" "There is no user called 'nobody'"
contains "and what was typed stays" "$TMP/user3.txt" "User (Tab: the next username): nobody"
contains "and no filter is applied" "$TMP/user3.txt" "Nothing here can be changed."
contains "a user's filter is said under the title" "$TMP/user4.txt" "Only changes by vic."
same_rows user user4.txt "user_id = $VIC" "by user: only vic's changes"

# ---- by record: a repair's reference, a member's number, a table and id -------
cat > "$TMP/record.keys" <<EOF
fr
R-000001<Enter>
:dump $TMP/record1.txt
fr
<BS><BS><BS><BS><BS><BS><BS><BS>member no. 42<Enter>
:dump $TMP/record2.txt
<Esc>fr
homes   1<Enter>
:dump $TMP/record3.txt
<Esc>fr
gizmo 5<Enter>
:dump $TMP/record4.txt
EOF
play record
contains "a repair's reference picks its changes" "$TMP/record1.txt" "Only changes to repair R-000001."
same_rows record record1.txt "table_name = 'repairs' AND row_id = 1" "by record: R-000001"
contains "a member's number finds the member" "$TMP/record2.txt" "Only changes to member no. 42."
same_rows record record2.txt "table_name = 'members' AND row_id = 7" "by record: member no. 42 is member 7"
same_rows record record3.txt "table_name = 'homes' AND row_id = 1" "by record: a table and an id"
contains "a kind of record not known says what to type" "$TMP/record4.txt" \
	"'gizmo' is not a kind of record here: type R-000123, member no. 42"
contains "and keeps what was typed" "$TMP/record4.txt" "): gizmo 5"

# ---- by dates: a bad date, the wrong way round, a good range -------------------
cat > "$TMP/dates.keys" <<EOF
fd
31/02/2099<Enter>
:dump $TMP/dates1.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>01/03/2099<Enter>01/01/2099<Enter>
:dump $TMP/dates2.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>31/03/2099<Enter>
:dump $TMP/dates3.txt
fd
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>01/02/2099<Enter><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><Enter>
:dump $TMP/dates4.txt
EOF
play dates
contains "a bad date says why, in words" "$TMP/dates1.txt" "31/02/2099: February 2099 has 28 days"
contains "and keeps what was typed" "$TMP/dates1.txt" "From (dd/mm/yyyy; empty: from the start): 31/02/2099"
contains "and does not apply a filter" "$TMP/dates1.txt" "Nothing here can be changed."
contains "an end before the start says so" "$TMP/dates2.txt" "The to date comes before the from date"
contains "and keeps the typed end" "$TMP/dates2.txt" "to (dd/mm/yyyy; empty: up to now): 01/01/2099"
contains "a range is said under the title" "$TMP/dates3.txt" \
	"Only changes from 01/03/2099 to 31/03/2099."
same_rows dates dates3.txt "at >= '2099-03-01' AND at < '2099-04-01'" "by dates: March 2099"
contains "an open end" "$TMP/dates4.txt" "Only changes from 01/02/2099 on."
same_rows dates dates4.txt "at >= '2099-02-01'" "by dates: from 1 February 2099"

# ---- filters together, and Esc taking them off one by one ---------------------
cat > "$TMP/esc.keys" <<EOF
fr
home 1<Enter>
:dump $TMP/esc0.txt
<Esc>fu
vic<Enter>
fd
01/03/2099<Enter>31/03/2099<Enter>
:dump $TMP/esc1.txt
fr
homes 2<Enter>
:dump $TMP/esc5.txt
<Esc>
<Esc>
:dump $TMP/esc2.txt
<Esc>
:dump $TMP/esc3.txt
<Esc>
:dump $TMP/esc4.txt
EOF
play esc
contains "two filters are said together" "$TMP/esc1.txt" \
	"Only changes by vic and from 01/03/2099 to 31/03/2099."
contains "and the bottom line says Esc takes one off" "$TMP/esc1.txt" "Esc clear a filter"
same_rows esc esc1.txt "user_id = $VIC AND at >= '2099-03-01'" "the filters combine"
contains "three filters fit on the line" "$TMP/esc5.txt" \
	"Only changes by vic, from 01/03/2099 to 31/03/2099 and to home 2."
contains "and may match nothing, which is said" "$TMP/esc5.txt" \
	"No change matches these filters. Esc takes the last one off."
same_rows esc esc0.txt "table_name = 'homes' AND row_id = 1" "a kind of record in words and an id"
contains "Esc takes off the last filter set" "$TMP/esc2.txt" "Only changes by vic."
same_rows esc esc2.txt "user_id = $VIC" "and the rows widen again"
contains "Esc again, the next" "$TMP/esc3.txt" "Nothing here can be changed."
same_rows esc esc3.txt "1" "every change again"
contains "Esc with no filter goes back to Home" "$TMP/esc4.txt" "Repairs past their target"

# ---- an entry: a change as old → new; an added record whole -------------------
cat > "$TMP/entry.keys" <<EOF
fr
R-000001<Enter>
<Enter>
:dump $TMP/entry1.txt
<Esc><Down><Enter>
:dump $TMP/entry2.txt
<Esc><Esc>fr
member no. 42<Enter>
<Enter>
:dump $TMP/entry3.txt
EOF
play entry
# An entry's rows are a label and its value; runs of spaces count as one.
for d in entry1 entry2 entry3; do tr -s ' ' < "$TMP/$d.txt" > "$TMP/$d.flat"; done
contains "an entry says what was done to which record" "$TMP/entry1.txt" \
	"repair R-000001 changed"
contains "and who did it" "$TMP/entry1.flat" "Who another program"
contains "a change shows the old value and the new" "$TMP/entry1.flat" \
	"title Boiler makes a banging noise → Boiler fixed"
contains "for each field changed" "$TMP/entry1.flat" "location kitchen → utility room"
lacks "and lists only the fields that changed" "$TMP/entry1.flat" "priority"
contains "an added record is shown whole" "$TMP/entry2.txt" "The record as it was added"
contains "with its fields" "$TMP/entry2.flat" "title Boiler makes a banging noise"
contains "instants read as the local dd/mm/yyyy hh:mm" "$TMP/entry2.flat" "reported at 05/01/2026 09:00"
contains "a member's entry names the member's number" "$TMP/entry3.txt" "member 7 (member no. 42)"
contains "a value that was none shows as none" "$TMP/entry3.flat" "phone (none) → 01632 960000"

# ---- nothing here changes anything --------------------------------------------
# Logging in writes a row (the account's last login); nothing else may.
cat > "$TMP/noedit.keys" <<EOF
e
:dump $TMP/noedit1.txt
d<Del>
:dump $TMP/noedit2.txt
<Enter>e
:dump $TMP/noedit3.txt
d<Del><BS>
<Esc>
:dump $TMP/noedit4.txt
EOF
trail="SELECT count(*), max(id) FROM audit WHERE actor <> 'login'"
data="SELECT (SELECT sum(version) FROM repairs), (SELECT sum(version) FROM members),
	(SELECT count(*) FROM homes), (SELECT count(*) FROM users)"
before_trail=$(sqlite3 "$BASE" "$trail")
before_data=$(sqlite3 "$BASE" "$data")
play noedit
contains "e says the trail cannot be changed" "$TMP/noedit1.txt" \
	"The audit trail cannot be changed: it is the record of what was done"
contains "d does nothing" "$TMP/noedit2.txt" "does nothing here"
contains "nor does e on an entry" "$TMP/noedit3.txt" "The audit trail cannot be changed"
contains "the list is still all there" "$TMP/noedit4.txt" "Nothing here can be changed."
[ "$(sql noedit "$trail")" = "$before_trail" ] \
	&& ok "e, d and Delete added nothing to the trail but the login" \
	|| not_ok "the trail changed: $before_trail, then $(sql noedit "$trail")"
[ "$(sql noedit "$data")" = "$before_data" ] && ok "and changed no record" \
	|| not_ok "records changed: $before_data, then $(sql noedit "$data")"
got=$(sql noedit "SELECT count(*) FROM audit WHERE actor = 'login'")
[ "$got" = 1 ] && ok "the one new row is the login's" || not_ok "$got login rows"
finish
