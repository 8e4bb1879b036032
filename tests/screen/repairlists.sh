#!/bin/sh
# The Repairs list and the contractors, driven through the real program on
# the demo co-op: open repairs by target date with the working days each
# is late (against a count made here from the bank holidays table), the
# filters (a priority, damp and mould, one contractor's), the overdue and
# RP02 documents, and the contractors: added (an empty name refused beside
# its field, the rest kept), edited, set out of use; a member offered none
# of it. `coopdesk check` passes after each change.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the repairs list tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi
play() {
	cp "$BASE" "$TMP/$1.db"
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
	if grep -A1 -E "^  $3( |\$)" "$2" | tail -n 1 | grep -qF "$4"; then
		ok "$1"
	else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}
# rows FILE: the list's rows on a dump (lines starting with a repair number).
rows() { grep -cE '^[> ]R-[0-9]{6} ' "$1"; }
# every NAME FILE TEXT: every row of the list has TEXT, and there is one.
every() {
	n=$(rows "$2")
	m=$(grep -E '^[> ]R-[0-9]{6} ' "$2" | grep -cF -- "$3")
	if [ "$n" -gt 0 ] && [ "$n" = "$m" ]; then ok "$1 ($n rows)"; else
		not_ok "$1 ($m of $n rows have '$3')"
		sed 's/^/#   /' "$2"
	fi
}
BOARD='board<Enter>board-demo-1<Enter>'
MEMBER='member<Enter>member-demo-1<Enter>'
OPEN="status IN ('reported', 'triaged', 'assigned', 'in_progress')"


# ---- open repairs by target date, overdue marked in working days ------------------------
cat > "$TMP/list.script" <<EOF
$BOARD
4s
:dump $TMP/list1.txt
fffffffff
f
:dump $TMP/list2.txt
fffff
:dump $TMP/list3.txt
w
pennine
<Enter>
:dump $TMP/list4.txt
w
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>zzz
<Enter>
:dump $TMP/list5.txt
EOF
play list 100x40
contains "the list by target date" "$TMP/list1.txt" "Repairs: open repairs, by target date"
# The most overdue repair, and its working days late counted here: the
# days after its target up to today, not Saturday or Sunday, not a bank
# holiday in the table.
first=$(sql list "SELECT printf('R-%06d', id) || ' ' || target_at FROM repairs WHERE $OPEN
	ORDER BY target_at, id LIMIT 1")
ref=${first% *} target=${first#* }
late=$(sqlite3 "$BASE" "SELECT day FROM bank_holidays" | python3 -c "
import sys, datetime as d
hol = set(l.strip() for l in sys.stdin)
t = d.date.fromisoformat('$target'[:10]); today = d.date(2026, 11, 22); n = 0
while t < today:
    t += d.timedelta(days=1)
    if t.weekday() < 5 and t.isoformat() not in hol: n += 1
print(n)")
line=$(grep -E "^[> ]$ref " "$TMP/list1.txt" | tr -s ' ')
case "$line" in
*" $late "*" ! "*) ok "the most overdue repair, $ref, is marked $late working days late" ;;
*) not_ok "$ref should be $late working days late: '$line'"; sed 's/^/#   /' "$TMP/list1.txt" ;;
esac
contains "the column says the days are working days" "$TMP/list1.txt" "Late(wd)"
# A repair not yet due has no mark.
due=$(sql list "SELECT printf('R-%06d', id) FROM repairs WHERE $OPEN AND target_at >= '2026-11-22'
	ORDER BY target_at, id LIMIT 1")
if grep -E "^[> ]$due " "$TMP/list1.txt" | grep -q ' ! '; then not_ok "$due is not overdue but marked"
elif grep -qE "^[> ]$due " "$TMP/list1.txt"; then ok "$due, not yet due, is not marked"
else not_ok "$due is not on the first page"; fi
contains "ten filters on: the open emergencies" "$TMP/list2.txt" \
	"Repairs: open emergencies, by target date"
n=$(sql list "SELECT count(*) FROM repairs WHERE $OPEN AND priority = 'emergency'")
if [ "$n" -gt 0 ]; then every "only emergencies" "$TMP/list2.txt" "emergency"
else contains "none open" "$TMP/list2.txt" "No repairs here."; fi
[ "$(rows "$TMP/list2.txt")" = "$n" ] && ok "as many as sqlite3 counts ($n)" \
	|| not_ok "$(rows "$TMP/list2.txt") emergencies shown, sqlite3 counts $n"
contains "five more: damp and mould" "$TMP/list3.txt" "Repairs: open damp and mould, by target date"
n=$(sql list "SELECT count(*) FROM repairs WHERE $OPEN AND damp_hazard IS NOT NULL")
every "each marked damp" "$TMP/list3.txt" "[damp]"
[ "$(rows "$TMP/list3.txt")" = "$n" ] && ok "as many as sqlite3 counts ($n)" \
	|| not_ok "$(rows "$TMP/list3.txt") damp repairs shown, sqlite3 counts $n"
contains "one contractor's open repairs" "$TMP/list4.txt" \
	"Repairs: open damp and mould of Pennine Plumbing & Heating, by target"
n=$(sql list "SELECT count(*) FROM repairs r JOIN contractors c ON c.id = r.contractor_id
	WHERE $OPEN AND damp_hazard IS NOT NULL AND c.name LIKE 'Pennine%'")
[ "$(rows "$TMP/list4.txt")" = "$n" ] && ok "as many as sqlite3 counts ($n)" \
	|| not_ok "$(rows "$TMP/list4.txt") shown, sqlite3 counts $n"
contains "no contractor by that name: asked again, in words" "$TMP/list5.txt" \
	"No contractor's name or trade has those words"

# ---- the documents ------------------------------------------------------------------
cat > "$TMP/docs.script" <<EOF
$BOARD
4p
:dump $TMP/docs1.txt
<Esc>m
:dump $TMP/docs2.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>01/11/2026 to 30/11/2026
<Enter>
:dump $TMP/docs3.txt
EOF
play docs 100x40
overdue=$(sql docs "SELECT count(*) FROM repairs WHERE $OPEN AND target_at < CASE
	WHEN length(target_at) = 10 THEN '2026-11-22' ELSE '2026-11-22T12:00:00Z' END")
contains "p: the overdue report, counted as sqlite3 does" "$TMP/docs1.txt" \
	"$overdue open repairs past the target"
contains "m asks the period, this financial year so far first" "$TMP/docs2.txt" \
	"01/04/2026 to 22/11/2026"
done_n=$(TZ=Europe/London sqlite3 "$TMP/docs.db" "SELECT count(*) FROM repairs WHERE priority <> 'emergency'
	AND date(completed_at, 'localtime') BETWEEN '2026-11-01' AND '2026-11-30'")
grep -E "non-emergency +$done_n " "$TMP/docs3.txt" > /dev/null \
	&& ok "RP02 for November on screen: $done_n non-emergency completed, as sqlite3 counts" \
	|| { not_ok "RP02 for November: not $done_n"; sed 's/^/#   /' "$TMP/docs3.txt"; }

# ---- contractors: add (an empty name refused), edit, out of use -----------------------------
cat > "$TMP/contr.script" <<EOF
$BOARD
4C
:dump $TMP/contr1.txt
n
<Tab>glazing<Tab>0161 555 0101<Tab>hyde@example.org
^S
:dump $TMP/contr2.txt
=Hyde Glazing
^S
:dump $TMP/contr3.txt
/glaz
<Enter>e
<Tab><End> and glass
^S
:dump $TMP/contr4.txt
u
:dump $TMP/contr5.txt
y
:dump $TMP/contr6.txt
EOF
play contr 100x30
contains "C opens the contractors" "$TMP/contr1.txt" "Contractors: in use"
contains "listing them" "$TMP/contr1.txt" "Pennine Plumbing & Heating"
beside "an empty name is refused beside it" "$TMP/contr2.txt" "Name" "required"
contains "the rest of the form is kept" "$TMP/contr2.txt" "hyde@example.org"
contains "with the name it is added" "$TMP/contr3.txt" "Added =Hyde Glazing"
got=$(sql contr "SELECT name || '|' || trade || '|' || phone || '|' || email || '|' || in_use
	FROM contractors WHERE email = 'hyde@example.org'")
[ "$got" = "=Hyde Glazing|glazing and glass|0161 555 0101|hyde@example.org|0" ] \
	&& ok "added, edited and set out of use in the database ($got)" \
	|| not_ok "the contractor in the database: $got"
contains "the edit is saved" "$TMP/contr4.txt" "Saved =Hyde Glazing"
contains "u asks first" "$TMP/contr5.txt" "Set =Hyde Glazing out of use? No new repair can be"
lacks "out of use, it leaves the list of those in use" "$TMP/contr6.txt" "=Hyde Glazing  "
n=$(sql contr "SELECT count(*) FROM audit WHERE table_name = 'contractors'" 2>/dev/null || echo 0)
[ "$n" -ge 3 ] && ok "each change left an audit record ($n)" || not_ok "audit rows: $n"
checked contr

# ---- a member: none of it ------------------------------------------------------------------
cat > "$TMP/mem.script" <<EOF
$MEMBER
4
:dump $TMP/mem1.txt
C
:dump $TMP/mem2.txt
m
:dump $TMP/mem3.txt
EOF
play mem 100x30
lacks "a member is not offered the contractors" "$TMP/mem1.txt" "contractors"
lacks "nor RP02" "$TMP/mem1.txt" "RP02"
contains "C says why not" "$TMP/mem2.txt" "Only the board and volunteers see the contractors"
contains "m says why not" "$TMP/mem3.txt" "Only the board and volunteers see the co-op's repair measures"
finish
