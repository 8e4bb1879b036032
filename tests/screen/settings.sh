#!/bin/sh
# The settings screen, driven through the real program on the demo co-op:
# the board opens it from Home and sees every rule with its value, default,
# range and source; a value out of range is refused beside the field in
# words with the range, and what was typed stays; one in range is saved
# and audited under the board member's name; r puts it back to its
# default, asked first, audited too; a change another terminal made while
# the form was open is refused naming who and when. A volunteer and a
# member cannot reach it. `coopdesk check` passes afterwards.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the settings tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi

play() { # NAME [SIZE]: a fresh copy of the demo, $TMP/NAME.script played headless
	cp "$BASE" "$TMP/$1.db"
	if ! "$BIN" --db "$TMP/$1.db" --script "$TMP/$1.script" --headless \
		--size "${2:-80x24}" > "$TMP/$1.out" 2>&1; then
		not_ok "$1: the script ran to its end"
		sed 's/^/#   /' "$TMP/$1.out" | head -10
	fi
}
sql() { sqlite3 "$TMP/$1.db" "$2"; }
checked() {
	if "$BIN" --db "$TMP/$1.db" check > "$TMP/$1.check" 2>&1; then
		ok "$1: coopdesk check passes afterwards"
	else
		not_ok "$1: coopdesk check fails afterwards"
		sed 's/^/#   /' "$TMP/$1.check" | head -10
	fi
}
# beside NAME FILE LABEL WORDS: WORDS on the line under the field LABEL.
beside() {
	if grep -A1 "^  $3  " "$2" | tail -n 1 | grep -qF "$4"; then ok "$1"; else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}

BOARD='board<Enter>board-demo-1<Enter>'
# The rows down to quorum_percent (the list is in key order).
n=$(sqlite3 "$BASE" "SELECT count(*) FROM settings WHERE key < 'quorum_percent'")
DOWN=$(printf 'j%.0s' $(seq 1 "$n"))
all=$(sqlite3 "$BASE" "SELECT count(*) FROM settings")

# ---- every setting, then an edit: out of range, in range; a reset ------------------
cat > "$TMP/edit.script" <<EOF
$BOARD
s
:dump $TMP/edit0.txt
$DOWN
:dump $TMP/edit1.txt
<Enter>
:dump $TMP/edit2.txt
<BS><BS>250
^S
:dump $TMP/edit3.txt
<BS><BS><BS>25
^S
:dump $TMP/edit4.txt
r
:dump $TMP/edit5.txt
y
:dump $TMP/edit6.txt
EOF
play edit 140x40
contains "the board opens the settings from Home" "$TMP/edit0.txt" "Settings: the co-op's rules"
contains "all $all of them" "$TMP/edit0.txt" "row 1 of $all"
if grep -q "^ Setting  *Value  *Default  *Allowed  *Source$" "$TMP/edit0.txt"; then
	ok "columns for the value, the default, the range and the source"
else
	not_ok "the headings"
fi
if grep -q "^>quorum_percent  *10  *10  *0 to 100  *model rules" "$TMP/edit1.txt"; then
	ok "quorum_percent: 10, default 10, 0 to 100, from the model rules"
else
	not_ok "the quorum_percent row"
	sed 's/^/#   /' "$TMP/edit1.txt"
fi
contains "the line under the title says what it is for" "$TMP/edit1.txt" \
	"Quorum: at least this percentage of members."
contains "Enter opens the form, naming the range and default" "$TMP/edit2.txt" \
	"Change quorum_percent: 0 to 100; default 10"
beside "250 is refused beside the field, with the range" "$TMP/edit3.txt" "Value" \
	"that setting is outside the range the rules allow (allowed: 0 to 100)"
contains "what was typed stays" "$TMP/edit3.txt" "Value  250"
contains "25 is saved" "$TMP/edit4.txt" "quorum_percent was 10; now 25"
if grep -q "^>quorum_percent  *25  *10 " "$TMP/edit4.txt"; then
	ok "the list shows 25 against the default 10"
else
	not_ok "the list after the save"
	sed 's/^/#   /' "$TMP/edit4.txt"
fi
contains "r asks before putting it back" "$TMP/edit5.txt" \
	"Put quorum_percent back to its default, 10? y/n"
contains "y puts it back" "$TMP/edit6.txt" "quorum_percent is back to its default, 10"
out=$(sql edit "SELECT a.actor || ':' || json_extract(a.before, '$.value') || '>'
	|| json_extract(a.after, '$.value') FROM audit a JOIN settings s ON s.rowid = a.row_id
	WHERE a.table_name = 'settings' AND s.key = 'quorum_percent' ORDER BY a.id" | tr '\n' ' ')
board_name=$(sqlite3 "$BASE" "SELECT display_name FROM users WHERE username = 'board'")
[ "$out" = "$board_name:10>25 $board_name:25>10 " ] \
	&& ok "both changes audited under the board member's name, nothing for the refusal" \
	|| not_ok "audit rows: $out"
out=$(sql edit "SELECT value FROM settings WHERE key = 'quorum_percent'")
[ "$out" = 10 ] && ok "the value is the default again" || not_ok "quorum_percent is $out"
checked edit

# ---- a setting the co-op owns has no default to go back to -------------------------
m=$(sqlite3 "$BASE" "SELECT count(*) FROM settings WHERE key < 'coop_name'")
cat > "$TMP/own.script" <<EOF
$BOARD
s
$(printf 'j%.0s' $(seq 1 "$m"))
r
:dump $TMP/own1.txt
EOF
play own
contains "the co-op's name has no default to reset to" "$TMP/own1.txt" \
	"This setting has no default: it is the co-op's own"

# ---- a change made meanwhile at another terminal -------------------------------------
cat > "$TMP/race.script" <<EOF
$BOARD
s
$DOWN
<Enter>
<BS><BS>30
:dump $TMP/race1.txt
:wait $TMP/race-changed
^S
:dump $TMP/race2.txt
EOF
cp "$BASE" "$TMP/race.db"
# The other terminal changes the setting once the form is open (the dump
# is the sign), and the script saves once it has (race-changed is the
# sign back): a handshake both ways, no fixed wait (a wait of 1.5 s was
# too short for the other terminal under valgrind).
(
	i=0
	while [ ! -s "$TMP/race1.txt" ] && [ $i -lt 600 ]; do sleep 0.05; i=$((i + 1)); done
	"$BIN" --db "$TMP/race.db" settings set quorum_percent 15 > "$TMP/race-set.out" 2>&1
	: > "$TMP/race-changed"
) &
"$BIN" --db "$TMP/race.db" --script "$TMP/race.script" --headless --size 80x24 \
	> "$TMP/race.out" 2>&1
wait
contains "the other terminal's change was made" "$TMP/race-set.out" "quorum_percent was 10; now 15"
contains "saving over it is refused, naming who and when" "$TMP/race2.txt" \
	"that setting was changed by coopdesk settings at"
contains "what was typed stays" "$TMP/race2.txt" "Value  30"
out=$(sql race "SELECT value FROM settings WHERE key = 'quorum_percent'")
[ "$out" = 15 ] && ok "the other change stands" || not_ok "quorum_percent is $out"

# ---- nobody else reaches it ----------------------------------------------------------
for who in volunteer member; do
	cat > "$TMP/$who.script" <<EOF
$who<Enter>$who-demo-1<Enter>
s
:dump $TMP/${who}1.txt
EOF
	play "$who"
	lacks "a $who's s does not open the settings" "$TMP/${who}1.txt" "Settings:"
	contains "a $who is told whose they are" "$TMP/${who}1.txt" \
		"Only the board may open the co-op's settings"
	lacks "a $who's Home does not offer them" "$TMP/${who}1.txt" "settings (the rules)"
done
finish
