#!/bin/sh
# The Members area, driven through the real program on the demo co-op:
# admitting a member (a bad date of birth refused beside its field with the
# rest of the form kept, then a good one: the entry and the share, with the
# next operation number), ceasing (the share forfeited; refused while a
# tenancy runs), correcting a share operation by a reversal (never an
# edit), the share register's new rows and running totals, and what a
# member sees: their own shareholding, the inspection copy, nobody else's
# shares. `coopdesk check` passes after each change.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the Members tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi

# play NAME [SIZE]: a fresh copy of the demo, then $TMP/NAME.script played
# headless (80x24 unless SIZE); its dumps land in $TMP.
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

# beside NAME FILE LABEL WORDS: WORDS on the line under the field LABEL.
beside() {
	if grep -A1 "^  $3  " "$2" | tail -n 1 | grep -qF "$4"; then
		ok "$1"
	else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}

BOARD='board<Enter>board-demo-1<Enter>'
MEMBER='member<Enter>member-demo-1<Enter>'
ops_before=$(sqlite3 "$BASE" "SELECT max(op_no) FROM share_ops")
rev_no=$(sqlite3 "$BASE" "SELECT m.member_no FROM share_ops o JOIN members m ON m.id = o.member_id
	WHERE o.op_no = $ops_before")
next_no=$(sqlite3 "$BASE" "SELECT max(member_no) + 1 FROM members")

# ---- admit: a bad date of birth, then a good one -----------------------------------
cat > "$TMP/admit.script" <<EOF
$BOARD
3n
:dump $TMP/admit0.txt
<Tab>Zoë Ó Briain<Tab>11 Elm Road, Rochdale<Tab>OL11 9ZZ<Tab>zoe@example.org<Tab>notices of meetings<Tab><Tab>01/01/2015<Tab>
^S
:dump $TMP/admit1.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>21/11/1990
^S
:dump $TMP/admit2.txt
EOF
play admit 100x30
contains "the admission form offers the next member number" "$TMP/admit0.txt" "Member no.     $next_no"
contains "and says the minimum age and the share" "$TMP/admit0.txt" \
	"Admit a member (18 or over): their £1.00 share is issued the same day"
beside "a member under age is refused beside the date of birth" "$TMP/admit1.txt" \
	"Date of birth" \
	"a member must be 18 or over: born 01/01/2015, they are 11 on 22/11/2026"
contains "the rest of the form is kept" "$TMP/admit1.txt" "Email          zoe@example.org"
contains "the name too" "$TMP/admit1.txt" "Name           Zoë Ó Briain"
contains "a good date of birth admits them, their entry opened" "$TMP/admit2.txt" \
	"Member no. $next_no  Zoë Ó Briain"
contains "saying so" "$TMP/admit2.txt" \
	"Admitted Zoë Ó Briain as member no. $next_no, and issued their £1.00 share"
got=$(sql admit "SELECT o.op_no || '|' || o.kind || '|' || o.amount_pence || '|' || o.op_date
		 FROM share_ops o JOIN members m ON m.id = o.member_id WHERE m.member_no = $next_no")
[ "$got" = "$((ops_before + 1))|issue|100|2026-11-22" ] \
	&& ok "the share was issued with the next operation number, the day admitted" \
	|| not_ok "the share issued: $got"
checked admit

# ---- a day to come, an email without @, a number taken: one by one -----------------
# Each refusal is beside its field and leaves the cursor there; the rest stays.
cat > "$TMP/refused.script" <<EOF
$BOARD
3n
<BS><BS><BS>5<Tab>Ann Other<Tab>1 Elm Road<Tab><Tab>ann.example.org<Tab>notices<Tab><Tab><Tab><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>23/11/2026
^S
:dump $TMP/refused1.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>22/11/2026
^S
:dump $TMP/refused2.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>ann@example.org
^S
:dump $TMP/refused3.txt
<BS>$next_no
^S
:dump $TMP/refused4.txt
EOF
play refused 100x30
beside "an admission dated to come is refused beside its date" "$TMP/refused1.txt" \
	"Admitted on" \
	"the date of admission cannot be in the future (today is 22/11/2026)"
beside "an email without @ is refused beside it" "$TMP/refused2.txt" "Email" \
	"an email address looks like name@example.org"
holder=$(sqlite3 "$BASE" "SELECT name FROM members WHERE member_no = 5")
beside "a number taken is refused beside it, naming its holder and the next free" \
	"$TMP/refused3.txt" "Member no." \
	"member number 5 is already $holder's; the next free number is $next_no"
contains "with the rest of the form as typed" "$TMP/refused3.txt" "Email          ann@example.org"
contains "put right, the member is admitted" "$TMP/refused4.txt" "Member no. $next_no  Ann Other"
checked refused

# ---- cease: refused while a tenancy runs; then a member without one -------------------
cat > "$TMP/cease.script" <<EOF
$BOARD
^Gmember no. 1<Enter>
c
:dump $TMP/cease1.txt
^Gmember no. 82<Enter>
c
:dump $TMP/cease2.txt
<Tab><Right><Right><Right><Tab>moved abroad
^S
:dump $TMP/cease3.txt
EOF
play cease 100x30
contains "a tenant cannot cease: the message says why and the way to the home" \
	"$TMP/cease1.txt" "Their tenancy of ALD-01 ends first, then membership (t: the home)"
contains "the cessation form" "$TMP/cease2.txt" \
	"no. 82 Bernadette Rahman ceases to be a member: their share is forfeited"
contains "ceased, with the reason" "$TMP/cease3.txt" "Ceased       22/11/2026: moved abroad"
contains "the share forfeited" "$TMP/cease3.txt" "forfeit, -1 share, £1.00"
got=$(sql cease "SELECT m.ceased_on || '|' || o.kind || '|' || o.op_no FROM members m
		 JOIN share_ops o ON o.member_id = m.id WHERE m.member_no = 82 ORDER BY o.op_no DESC LIMIT 1")
[ "$got" = "2026-11-22|forfeit|$((ops_before + 1))" ] \
	&& ok "ceased and forfeited in one, with the next number" || not_ok "ceasing left: $got"
got=$(sql cease "SELECT ceased_on IS NULL FROM members WHERE member_no = 1")
[ "$got" = 1 ] && ok "the tenant is still a member" || not_ok "the tenant ceased"
checked cease

# ---- correct: operations are never edited; a reversal names the one it undoes ----------
cat > "$TMP/reverse.script" <<EOF
$BOARD
3w<End>
e
:dump $TMP/reverse1.txt
r
:dump $TMP/reverse3.txt
<Tab>the admission was dated wrongly<Tab><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>20/10/2026
^S
:dump $TMP/reverse4.txt
<End>
:dump $TMP/reverse5.txt
<Up>r
:dump $TMP/reverse6.txt
^Gmember no. $rev_no<Enter>
<Down>r
:dump $TMP/reverse7.txt
EOF
play reverse 100x30
contains "e on an operation says it is never edited, and how to correct it" "$TMP/reverse1.txt" \
	"A share operation is never edited: a mistake is corrected by a reversal that names it (r)"
contains "the reversal form names the operation" "$TMP/reverse3.txt" \
	"Correct share operation no. $((ops_before))"
got=$(sql reverse "SELECT kind || '|' || op_date || '|' || coalesce((SELECT op_no FROM share_ops r WHERE r.id = o.reverses_id), '')
		   FROM share_ops o WHERE op_no > $ops_before ORDER BY op_no")
want="reversal|2026-11-22|$ops_before
issue|2026-10-20|"
[ "$got" = "$want" ] && ok "a reversal names the issue it undoes, and the share is issued again" \
	|| not_ok "the correction left: $got"
contains "the share register's new rows" "$TMP/reverse5.txt" "reverses $ops_before"
for n in 6 7; do
	contains "r on a reversal says why not, on the register and the member's record ($n)" \
		"$TMP/reverse$n.txt" "A reversal is not reversed itself: record the issue or the"
done
OPS="SELECT op_no, member_id, kind, shares, amount_pence, op_date, note FROM share_ops
     WHERE op_no <= $ops_before ORDER BY op_no"
[ "$(sql reverse "$OPS")" = "$(sqlite3 "$BASE" "$OPS")" ] \
	&& ok "the operations before are as they were: none edited" \
	|| not_ok "an operation was edited"
checked reverse

# ---- what a member sees: their own, and nobody else's shares or property ----------------
cat > "$TMP/mine.script" <<EOF
$MEMBER
3
:dump $TMP/mine1.txt
w
:dump $TMP/mine2.txt
^Gmember no. 1<Enter>
:dump $TMP/mine3.txt
r
:dump $TMP/mine4.txt
<Esc>^Gmember no. 2<Enter>
:dump $TMP/mine5.txt
EOF
play mine 100x30
contains "a member's own row shows their share" "$TMP/mine1.txt" \
	"2 Hannah Kaczmarek         2 Alder Street, Rochdal… 19/08/2024                   1 ALD-02"
grep -qE '^>? +1 李小龍 +1 Alder Street.* 19/08/2024 *$' "$TMP/mine1.txt" \
	&& ok "another's row shows no share and no home" \
	|| not_ok "another's row shows a share or a home: $(grep '李小龍' "$TMP/mine1.txt")"
lacks "the board's keys are not offered" "$TMP/mine1.txt" "admit"
contains "the share register is the board's, and says so" "$TMP/mine2.txt" \
	"Only the board sees the share register"
contains "another member's entry hides their share operations" "$TMP/mine3.txt" \
	"Not shown to your role."
lacks "and their holding" "$TMP/mine3.txt" "Shares held"
lacks "and their home" "$TMP/mine3.txt" "ALD-01"
contains "a member corrects no share operation" "$TMP/mine4.txt" \
	"Only the board ends memberships and corrects share operations"
contains "their own entry shows their holding" "$TMP/mine5.txt" "Shares held    1 (£1.00 paid)"
contains "and their share operations" "$TMP/mine5.txt" "no. 2     19/08/2024  issue, +1 share, £1.00"

# Their shareholding and the inspection copy, on screen and saved for printing.
cat > "$TMP/mydocs.script" <<EOF
$MEMBER
3m
:dump $TMP/mydocs1.txt
^Smine.pdf<Enter>
:dump $TMP/mydocs0.txt
<BS><BS><BS>txt<Enter>
:dump $TMP/mydocs2.txt
<Esc>p
:dump $TMP/mydocs3.txt
^Sregister.csv<Enter>
<Esc>i
:dump $TMP/mydocs4.txt
EOF
play mydocs 100x30
contains "My shareholding: whose" "$TMP/mydocs1.txt" "Shareholding of Hannah Kaczmarek, member no. 2"
contains "what they hold and paid" "$TMP/mydocs1.txt" "Shares held: 1. Amount paid: £1.00."
contains "the operation, numbered and dated" "$TMP/mydocs1.txt" "2  19/08/2024  issue"
contains "a name with another ending is refused, saying which" "$TMP/mydocs0.txt" \
	"end the name with .txt, .md or .csv: the ending says the format"
contains "saved for printing, saying where, whole" "$TMP/mydocs2.txt" \
	"Saved to $(cd "$TMP" && pwd -P)/mine.txt, ready to print"
[ "$(stat -c %a "$TMP/mine.txt")" = 600 ] && ok "private to whoever saved it (0600)" \
	|| not_ok "saved with mode $(stat -c %a "$TMP/mine.txt")"
[ ! -e "$TMP/mine.pdf" ] && ok "nothing written under the refused name" || not_ok "mine.pdf written"
contains "the file is the document" "$TMP/mine.txt" "Shareholding of Hannah Kaczmarek, member no. 2"
contains "p gives a member the inspection copy" "$TMP/mydocs3.txt" \
	"Inspection copy (the Act s.103): without the entries of shares and other property."
lacks "with no share column" "$TMP/mydocs3.txt" "Shares"
contains "others are on it, as s.103 allows" "$TMP/mydocs3.txt" "Stanisław Akhtar"
contains "saved as CSV: a byte-order mark and the register's columns" "$TMP/register.csv" \
	"$(printf '\357\273\277')member_no,name,address,postcode,email,email_purpose,entered_on,ceased_on"
lacks "and no share or property column" "$TMP/register.csv" "shares"
contains "i gives the same copy" "$TMP/mydocs4.txt" "Inspection copy (the Act s.103)"

# ---- the board: the register as at a past day, counted by hand from the share register ----
cat > "$TMP/asat.script" <<EOF
$BOARD
3p<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>31/02/2026<Enter>
:dump $TMP/asat1.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>23/11/2026<Enter>
:dump $TMP/asat0.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>31/12/2025<Enter>
:dump $TMP/asat2.txt
^Sasat.csv<Enter>
EOF
play asat 100x30
contains "a day that is not one is refused in words, the prompt kept" "$TMP/asat1.txt" \
	"February 2026 has 28 days"
contains "a day to come is refused in the prompt, not printed" "$TMP/asat0.txt" \
	"the register stands as at today (22/11/2026) or a day before"
lacks "and no document opened for it" "$TMP/asat0.txt" "Register of members as at"
members=$(sqlite3 "$BASE" "SELECT count(*) FROM members WHERE entered_on <= '2025-12-31'
	AND (ceased_on IS NULL OR ceased_on > '2025-12-31')")
# A reversal and what it reverses were a mistake put right: neither counts.
held=$(sqlite3 "$BASE" "SELECT sum(shares) FROM share_ops o WHERE op_date <= '2025-12-31'
	AND kind <> 'reversal' AND id NOT IN (SELECT reverses_id FROM share_ops
	WHERE reverses_id IS NOT NULL)")
entries=$(sqlite3 "$BASE" "SELECT count(*) FROM members WHERE entered_on <= '2025-12-31'")
[ "$members" = "$held" ] && ok "by hand: $members members on 31/12/2025, $held shares held" \
	|| not_ok "by hand: $members members but $held shares held"
contains "the register as at that day" "$TMP/asat2.txt" "Register of members as at 31/12/2025"
contains "counts what the share register counts" "$TMP/asat2.txt" \
	"$entries entries: $members members on 31/12/2025"
rows=$(tail -n +2 "$TMP/asat.csv" | grep -c ',1,1\.00,')
[ "$rows" = "$held" ] && ok "its CSV has a row with a share for each of the $held" \
	|| not_ok "its CSV has $rows rows with a share, the share register $held"

# ---- the board: participation in a year it gives ------------------------------------------
cat > "$TMP/year.script" <<EOF
$BOARD
3y
:dump $TMP/year0.txt
<BS><BS><BS><BS>2027<Enter>
:dump $TMP/year1.txt
<BS><BS><BS><BS>2025<Enter>
<End>
:dump $TMP/year2.txt
EOF
play year 100x30
contains "y asks which year, offering this one" "$TMP/year0.txt" \
	"Participation in the year (yyyy): 2026"
contains "a year to come is asked again, in words" "$TMP/year1.txt" \
	"a year is four digits, from 1900 to 2026"
contains "the year given" "$TMP/year2.txt" "Participation in 2025"
contains "everyone on the register at its end, as counted by hand" "$TMP/year2.txt" \
	"$members members;"

# ---- time given: a volunteer their own, and nobody else's ---------------------------------
VOLUNTEER='volunteer<Enter>volunteer-demo-1<Enter>'
cat > "$TMP/hours.script" <<EOF
$VOLUNTEER
^Gmember no. 5<Enter>
h
:dump $TMP/hours1.txt
^Gmember no. 51<Enter>
h<Tab><Tab>an afternoon<Tab>gardening on the estate
^S
:dump $TMP/hours2.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>2.5
^S
:dump $TMP/hours3.txt
EOF
play hours 100x30
contains "a volunteer records no one else's time" "$TMP/hours1.txt" "h does nothing here"
beside "hours that are not hours are refused beside the field" "$TMP/hours2.txt" "Hours" \
	"hours, like 2, 1.5 or 1:30"
contains "their own, recorded" "$TMP/hours3.txt" \
	"Recorded 2:30 hours of volunteering for no. 51 Aisling Ní Bhriain"
got=$(sql hours "SELECT p.kind || '|' || p.minutes || '|' || p.on_date || '|' || p.note FROM participation p
		 JOIN members m ON m.id = p.member_id WHERE m.member_no = 51 ORDER BY p.id DESC LIMIT 1")
[ "$got" = "volunteering|150|2026-11-22|gardening on the estate" ] && ok "as minutes, today" \
	|| not_ok "time given saved as: $got"
checked hours

# ---- other property: recorded and ended (board) -----------------------------------------
cat > "$TMP/property.script" <<EOF
$BOARD
^Gmember no. 3<Enter>
n<Tab>loan stock, 3% a year<Tab>500<Tab>
^S
:dump $TMP/property1.txt
<Tab><Tab>c
^S
:dump $TMP/property2.txt
EOF
play property 100x30
contains "a loan recorded on their entry" "$TMP/property1.txt" "loan £500.00 from 22/11/2026: loan stock, 3% a year"
contains "and ended" "$TMP/property2.txt" "loan £500.00 from 22/11/2026 to 22/11/2026"
checked property

# ---- officers: appoint, end, print ------------------------------------------------------
cat > "$TMP/officers.script" <<EOF
$BOARD
3o
:dump $TMP/officers1.txt
n82<Enter><Tab><Tab><Left><Left>
^S
:dump $TMP/officers2.txt
<Home>c<Enter>
:dump $TMP/officers3.txt
p
:dump $TMP/officers4.txt
EOF
play officers 100x30
contains "the current officers, by office" "$TMP/officers1.txt" "chair       Kwame Clegg"
contains "a member appointed by number, their name from the register" "$TMP/officers2.txt" \
	"Entered Bernadette Rahman as secretary on the register of officers"
contains "an officer's office ends on the day given" "$TMP/officers3.txt" "Kwame Clegg ceased to be chair"
lacks "and they leave the current officers" "$TMP/officers3.txt" "chair       Kwame Clegg"
contains "the officers as a document" "$TMP/officers4.txt" "Bernadette Rahman"
got=$(sql officers "SELECT o.office || '|' || o.became_on || '|' || o.address FROM officers o
		    JOIN members m ON m.id = o.member_id WHERE m.member_no = 82")
[ "$got" = "secretary|2026-11-22|10 Cotton Lane, Rochdale" ] && ok "entered with their address" \
	|| not_ok "the officer entered: $got"
checked officers

finish
