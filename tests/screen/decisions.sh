#!/bin/sh
# The board's decisions and actions, and the deadlines on Home, driven
# through the real program on the demo co-op (headless, 80x24): Home's
# deadline lines on worked dates; d opens the decisions; a decision
# recorded with a bad date is refused beside the field with the rest kept,
# then saved with the next number in its year; an action added with its
# owner and due day; d records it done; the open actions list marks the
# overdue and counts them as sqlite3 does. A member sees none of it.
# `coopdesk check` passes after each change.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the decisions tests"
	finish
fi

play() {
	cp "$BASE" "$TMP/$1.db"
	[ -n "${3:-}" ] && sqlite3 "$TMP/$1.db" "$3"
	if ! (cd "$TMP" && "$BIN" --db "$TMP/$1.db" --script "$TMP/$1.script" --headless \
		--size "${2:-80x24}") > "$TMP/$1.out" 2>&1; then
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
beside() {
	if grep -A1 "^  $3  " "$2" | tail -n 1 | grep -qF "$4"; then ok "$1"; else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}

BOARD='board<Enter>board-demo-1<Enter>'
MEMBER='member<Enter>member-demo-1<Enter>'

# ---- Home's deadlines ------------------------------------------------------------
# The demo's year end is 31/03/2026 and its AGM was held since: the next AGM
# is a year on, not shown; the annual return was due by 31/10/2026 (7
# months), 22 days before 22/11/2026: overdue.
printf '%s\n:dump %s\n' "$BOARD" "$TMP/home0.txt" > "$TMP/home0.script"
play home0
contains "the annual return, past due, with the days" "$TMP/home0.txt" \
	"Annual return (s.89)          was due by 31/10/2026: 22 days overdue"
lacks "no AGM line: one was held since the year end" "$TMP/home0.txt" "Next AGM"
overdue=$(sqlite3 "$BASE" "SELECT count(*) FROM decision_actions WHERE done_on IS NULL AND due_on < '2026-11-22'")
contains "actions past due, as sqlite3 counts them" "$TMP/home0.txt" "Board actions past due        $overdue"
# A year end of 31/10/2026 with the AGM due a month after: 8 days left; the
# return (7 months) is not yet within 60 days.
printf '%s\n:dump %s\n' "$BOARD" "$TMP/home1.txt" > "$TMP/home1.script"
play home1 80x24 "UPDATE settings SET value = '2026-10-31' WHERE key = 'financial_year_end';
	UPDATE settings SET value = '1' WHERE key = 'agm_months'"
contains "the next AGM within 60 days, with the days left" "$TMP/home1.txt" \
	"Next AGM                      due by 30/11/2026: 8 days left"
lacks "the return not yet" "$TMP/home1.txt" "Annual return"
printf '%s\n:dump %s\nd\n:dump %s\n' "$MEMBER" "$TMP/home2.txt" "$TMP/home3.txt" > "$TMP/home2.script"
play home2
lacks "a member sees no deadlines" "$TMP/home2.txt" "Annual return"
lacks "nor the decisions key in the hints" "$TMP/home2.txt" "decisions"
lacks "and d opens nothing for them" "$TMP/home3.txt" "Board decisions"

# ---- a decision: a bad date refused beside the field, then saved -------------------
next=$(sqlite3 "$BASE" "SELECT coalesce(max(number), 0) + 1 FROM decisions WHERE year = 2026")
cat > "$TMP/decide.script" <<EOF
$BOARD
d
:dump $TMP/decide0.txt
n
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>31/02/2026<Tab>Repaint the hall<Tab><Tab>Two coats, before spring.
^S
:dump $TMP/decide1.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>20/11/2026
^S
:dump $TMP/decide2.txt
n
Get three quotes<Tab>Kwame<Enter>01/11/2026
^S
:dump $TMP/decide3.txt
n
Book the painter<Tab><Tab>01/12/2026
^S
:dump $TMP/decide4.txt
<Esc>
:dump $TMP/decide5.txt
EOF
play decide 80x24
contains "d on Home opens the decisions, newest first" "$TMP/decide0.txt" "Board decisions, by newest first"
beside "a date that is not a date is refused beside it" "$TMP/decide1.txt" "Decided on" "February 2026 has 28 days"
contains "the title is kept" "$TMP/decide1.txt" "Repaint the hall"
contains "saved, with the next number in its year" "$TMP/decide2.txt" "Decision 2026/$next  Repaint the hall"
contains "and its text" "$TMP/decide2.txt" "Two coats, before spring."
got=$(sql decide "SELECT year || '/' || number || '|' || decided_on || '|' || text FROM decisions WHERE title = 'Repaint the hall'")
[ "$got" = "2026/$next|2026-11-20|Two coats, before spring." ] && ok "in the database as typed ($got)" \
	|| not_ok "in the database: '$got'"
contains "an action with its owner, due before today: overdue" "$TMP/decide3.txt" \
	"! Get three quotes  for Kwame Clegg  due 01/11/2026  open"
contains "an action with nobody named" "$TMP/decide4.txt" "Book the painter  nobody named  due 01/12/2026  open"
contains "the list shows its open actions" "$TMP/decide5.txt" "2026/$next"
got=$(sql decide "SELECT count(*) || '|' || sum(owner_member IS NULL) FROM decision_actions a
	JOIN decisions d ON d.id = a.decision_id WHERE d.title = 'Repaint the hall'")
[ "$got" = "2|1" ] && ok "two actions recorded, one with nobody named" || not_ok "actions: '$got'"
checked decide

# ---- the open actions: overdue marked; d records one done ---------------------------
first=$(sqlite3 "$BASE" "SELECT a.description FROM decision_actions a WHERE done_on IS NULL
	ORDER BY coalesce(due_on, ''), id LIMIT 1")
cat > "$TMP/done.script" <<EOF
$BOARD
o
:dump $TMP/done0.txt
d
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>23/11/2026
^S
:dump $TMP/done1.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>21/11/2026
^S
:dump $TMP/done2.txt
EOF
play done
contains "o opens the open actions, the overdue counted" "$TMP/done0.txt" "$overdue past the day due."
contains "the first, soonest due, marked overdue" "$TMP/done0.txt" "overdue"
contains "the first is the soonest due" "$TMP/done0.txt" "$(echo "$first" | cut -c1-12)"
beside "a day after today is refused beside the field" "$TMP/done1.txt" "Done on" "an action cannot be done in the future"
got=$(sql done "SELECT done_on FROM decision_actions WHERE description = '$first'")
[ "$got" = 2026-11-21 ] && ok "recorded done on the day given" || not_ok "done_on '$got'"
contains "and it leaves the open list" "$TMP/done2.txt" "$((overdue - 1)) past the day due."
checked done

# ---- p on a decision taken at a meeting: that meeting's minutes ----------------------
mref=$(sqlite3 "$BASE" "SELECT year || '/' || number || '|' || meeting_id FROM decisions
	WHERE meeting_id IS NOT NULL ORDER BY decided_on LIMIT 1")
mday=$(sqlite3 "$BASE" "SELECT strftime('%d/%m/%Y', held_on) FROM meetings WHERE id = ${mref#*|}")
# Its row from the end of the list (newest first): k as many times as older ones.
pos=$(sqlite3 "$BASE" "SELECT count(*) FROM decisions WHERE (decided_on, id) < (SELECT decided_on, id
	FROM decisions WHERE year || '/' || number = '${mref%|*}')")
ups=""
i=0
while [ "$i" -lt "$pos" ]; do ups="${ups}k"; i=$((i + 1)); done
cat > "$TMP/mins.script" <<EOF
$BOARD
d
G${ups}<Enter>
:dump $TMP/mins0.txt
p
:dump $TMP/mins1.txt
G
:dump $TMP/mins2.txt
EOF
play mins
contains "the decision taken at a meeting is open" "$TMP/mins0.txt" "Decision ${mref%|*}"
contains "p shows the minutes of its meeting" "$TMP/mins1.txt" "Minutes of the board meeting of"
contains "on the meeting's day" "$TMP/mins1.txt" "$mday"
contains "with the decision at its end" "$TMP/mins2.txt" "Decision ${mref%|*}:"
finish

