#!/bin/sh
# The Meetings area, driven through the real program on the demo co-op: a
# board user arranges an AGM (a date that is not one refused beside its
# field with the rest kept; short notice warned in words, then saved on a
# second save), marks members present (the quorum said as it stands),
# tables a special resolution (a proposer who is not present and a
# seconder who is the proposer refused beside their fields), records its
# vote by counts (a count above those present refused) with the outcome's
# arithmetic, changes the meeting to roll calls and records an ordinary
# resolution by roll call, is refused an edit of a recorded result and
# records an erratum; a member reads the meetings published and can change
# nothing. `coopdesk check` passes after each change.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

DB="$TMP/meet.db"
if ! "$BIN" demo "$DB" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the Meetings tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi

# play NAME [SIZE]: $TMP/NAME.script played headless on the one database
# (each step goes on from the last), 80x24 unless SIZE; dumps land in $TMP.
play() {
	if ! (cd "$TMP" && "$BIN" --db "$DB" --script "$TMP/$1.script" --headless \
		--size "${2:-80x24}") > "$TMP/$1.out" 2>&1; then
		not_ok "$1: the script ran to its end"
		sed 's/^/#   /' "$TMP/$1.out" | head -10
	fi
}
sql() { sqlite3 "$DB" "$1"; }
checked() {
	if "$BIN" --db "$DB" check > "$TMP/$1.check" 2>&1; then
		ok "$1: coopdesk check passes afterwards"
	else
		not_ok "$1: coopdesk check fails afterwards"
		sed 's/^/#   /' "$TMP/$1.check" | head -10
	fi
}
# beside NAME FILE LABEL WORDS: WORDS on the line under the field LABEL.
beside() {
	if grep -A1 "^  $3 " "$2" | tail -n 1 | grep -qF "$4"; then
		ok "$1"
	else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}
same() { [ "$2" = "$3" ] && ok "$1" || not_ok "$1: got '$2', wanted '$3'"; }

BOARD='board<Enter>board-demo-1<Enter>'
MEMBER='member<Enter>member-demo-1<Enter>'
BS10='<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>'
# Members on the register today, by number: the first 36 attend.
set -- $(sql "SELECT member_no FROM members WHERE ceased_on IS NULL AND entered_on <= '2026-11-22'
	      ORDER BY member_no LIMIT 37")
ATTEND=""
i=0
for no in "$@"; do
	i=$((i + 1))
	[ $i -le 36 ] && ATTEND="$ATTEND $no"
done
ABSENT=$(eval echo "\${37}")
P1=$1 P2=$2

# ---- arrange an AGM: a bad date, then short notice warned, then saved ----------------
ARRANGE="n<Left><Tab>Annual general meeting 2026 (reconvened)<Tab>31/02/2026<Tab><Tab>Community room<Tab>${BS10}08/11/2026<Tab><Tab>1. Apologies<Enter>2. Rule change"
cat > "$TMP/warned.script" <<EOF
$BOARD
5
:dump $TMP/arrange0.txt
$ARRANGE
^S
:dump $TMP/arrange1.txt
${BS10}22/11/2026
^S
:dump $TMP/arrange2.txt
EOF
play warned
same "nothing is saved while short notice is warned" \
	"$(sql "SELECT count(*) FROM meetings WHERE title LIKE '%reconvened%'")" "0"
cat > "$TMP/arrange.script" <<EOF
$BOARD
5$ARRANGE
^S
${BS10}22/11/2026
^S
^S
:dump $TMP/arrange3.txt
EOF
play arrange
contains "the Meetings area lists the meetings, upcoming first" "$TMP/arrange0.txt" \
	"Meetings: upcoming first, then past"
beside "a meeting date that is not a date is refused beside the field" "$TMP/arrange1.txt" \
	"Date" "February 2026 has 28 days"
contains "and the rest of the form is kept" "$TMP/arrange1.txt" "Place         Community room"
beside "short notice is warned in words beside the notice" "$TMP/arrange2.txt" "Notice given" \
	"13 clear days; the rules ask for 14"
contains "and it can still be saved" "$TMP/arrange2.txt" "To arrange the meeting all the same, save again"
contains "saved on the second save, its record open" "$TMP/arrange3.txt" \
	"AGM 22/11/2026  Annual general meeting 2026 (reconvened)"
contains "with the clear days shown" "$TMP/arrange3.txt" "short notice: only 13 clear days"
MID=$(sql "SELECT id FROM meetings WHERE title LIKE '%reconvened%'")
same "the meeting is saved as typed" \
	"$(sql "SELECT kind || '|' || held_on || '|' || notice_given_on || '|' || vote_by || '|' || agenda
		FROM meetings WHERE id = $MID")" "agm|2026-11-22|2026-11-08|count|1. Apologies
2. Rule change"
checked arrange

# participation NO: member NO's general meetings attended in 2026.
participation() {
	"$BIN" --db "$DB" report participation --year 2026 --format csv --no-bom |
		awk -F, -v no="$1" '$1 == no { print $3 }'
}
attended_before=$(participation "$P1")

# ---- attendance: 36 present, the quorum as it stands --------------------------------
{
	echo "$BOARD"
	echo "5<Enter>"
	echo "n"
	for no in $ATTEND; do echo "$no^S"; done
	echo ":dump $TMP/attend1.txt"
	echo "<Esc>"
	echo ":dump $TMP/attend2.txt"
} > "$TMP/attend.script"
play attend
contains "each saved member is said, with the quorum as it stands" "$TMP/attend1.txt" \
	"36 present now; 8 needed: quorate"
contains "the record shows the quorum live" "$TMP/attend2.txt" \
	"Quorum   36 present now; 8 needed (of 80 members on the register that day):"
same "36 attendance rows" "$(sql "SELECT count(*) FROM attendance WHERE meeting_id = $MID")" "36"
checked attend

# ---- a special resolution by counts ------------------------------------------------
cat > "$TMP/special.script" <<EOF
$BOARD
5<Enter><Tab>n
Change the rules on guests<Tab>That rule 12 is replaced by the text circulated.<Tab><Right><Tab>$ABSENT<Tab>$P2
^S
:dump $TMP/special1.txt
${BS10}$P1<Tab>${BS10}$P1
^S
:dump $TMP/special2.txt
${BS10}$P2
^S
:dump $TMP/special3.txt
v
:dump $TMP/special4.txt
<Tab><BS>40<Tab><BS>10<Tab><BS>5
^S
:dump $TMP/special5.txt
${BS10}20
^S
:dump $TMP/special6.txt
<Enter>
:dump $TMP/special7.txt
EOF
play special 120x40
beside "a proposer who is not present is refused beside the field" "$TMP/special1.txt" \
	"Proposer" "the proposer must be present at the meeting"
beside "a seconder who is the proposer is refused beside the field" "$TMP/special2.txt" \
	"Seconder" "the seconder must be someone other than the proposer"
contains "the motion is tabled with its number" "$TMP/special3.txt" "Motion AGM-2026/1 tabled"
contains "the vote form says who is present" "$TMP/special4.txt" "36 present, quorate"
beside "a count above those present is refused beside the field" "$TMP/special5.txt" "For" \
	"55 votes were counted but only 36 members were present at the vote"
contains "saved, the outcome is said" "$TMP/special6.txt" "Motion AGM-2026/1 carried. 20 for, 10 against"
contains "and the motion shows it with its arithmetic" "$TMP/special7.txt" \
	"20 for, 10 against, 5 abstained: 20 of 30 votes cast is 66.7%, at least two thirds: carried"
MO1=$(sql "SELECT id FROM motions WHERE meeting_id = $MID AND motion_no = 1")
same "the result is recorded as counted" \
	"$(sql "SELECT votes_for || '/' || votes_against || '/' || abstentions || '|' || outcome
		FROM motion_results WHERE motion_id = $MO1")" "20/10/5|carried"
same "the meeting was opened for the vote, its quorum at the start kept" \
	"$(sql "SELECT status || '|' || quorum_needed || '|' || present_at_start FROM meetings WHERE id = $MID")" \
	"held|8|36"
same "attendance feeds the member's participation once the meeting is held" \
	"$(participation "$P1")" "$((attended_before + 1))"
checked special

# ---- an s.111 amalgamation, and its confirming meeting 14 days to a month later ------
cat > "$TMP/s111.script" <<EOF
$BOARD
5<Enter><Tab>n
Transfer of engagements<Tab>That the co-op transfers its engagements to Weavers Homes.<Tab><Right><Right><Tab>$P1<Tab>$P2
^S
<End>v
<Tab><BS>30<Tab><BS>5<Tab><BS>1
^S
<Enter>
:dump $TMP/s111a.txt
<Esc><Esc>
n<Tab>Confirming meeting<Tab>${BS10}30/11/2026<Tab><Tab>Hall<Tab>${BS10}10/11/2026
^S
n$P1^S
$P2^S
<Esc><Tab>n
Confirm the transfer<Tab>That the transfer agreed on 22 November is confirmed.<Tab><Right><Right><Tab>$P1<Tab>$P2<Tab>agm-2026/2
^S
:dump $TMP/s111b.txt
EOF
play s111 120x40
contains "an s.111 resolution needs two thirds of votes cast" "$TMP/s111a.txt" \
	"30 for, 5 against, 1 abstained: 30 of 35 votes cast is 85.7%, at least two thirds: carried"
contains "and shows the window for its confirming meeting" "$TMP/s111a.txt" \
	"then confirmed at a second meeting from"
contains "from 14 days to a month later" "$TMP/s111a.txt" "06/12/2026 to 22/12/2026"
beside "a confirming meeting too soon is refused beside the field" "$TMP/s111b.txt" "Confirms" \
	"must be confirmed at a meeting from 6 December 2026 to 22 Dec"
same "so nothing is tabled there" \
	"$(sql "SELECT count(*) FROM motions m JOIN meetings g ON g.id = m.meeting_id
		WHERE g.title = 'Confirming meeting'")" "0"
checked s111

# ---- votes by roll call: an ordinary resolution --------------------------------------
{
	echo "$BOARD"
	echo "5<Enter><Tab>e"
	echo "<Tab><Tab><Tab><Tab><Tab><Tab><Right>"
	echo "^S"
	echo "n"
	echo "Paint the community room<Tab>That the co-op paints the community room.<Tab><Tab>$P1<Tab>$P2"
	echo "^S"
	echo "<End>v"
	echo ":dump $TMP/roll1.txt"
	# 20 for, 12 against, 4 abstain, in member number order.
	i=0
	for no in $ATTEND; do
		i=$((i + 1))
		if [ $i -le 20 ]; then echo "f<Tab>"; elif [ $i -le 32 ]; then echo "a<Tab>"
		else echo "aa<Tab>"; fi
	done
	echo "^S"
	echo ":dump $TMP/roll2.txt"
	echo "<Enter>"
	echo ":dump $TMP/roll3.txt"
} > "$TMP/roll.script"
play roll 120x40
contains "the roll call names those present" "$TMP/roll1.txt" "The vote on motion AGM-2026/3"
contains "and records the outcome" "$TMP/roll2.txt" "Roll call recorded: carried. 20 for, 12 against"
contains "the motion shows it with its arithmetic" "$TMP/roll3.txt" \
	"20 for, 12 against, 4 abstained: more for than against: carried"
MO2=$(sql "SELECT id FROM motions WHERE meeting_id = $MID AND motion_no = 3")
same "the meeting takes its votes by roll call" "$(sql "SELECT vote_by FROM meetings WHERE id = $MID")" \
	"roll_call"
same "each member's vote is recorded" \
	"$(sql "SELECT group_concat(n, '/') FROM (SELECT count(*) n FROM votes WHERE motion_id = $MO2
		GROUP BY vote ORDER BY vote)")" "4/12/20"
same "and the result counted from them" \
	"$(sql "SELECT votes_for || '/' || votes_against || '/' || abstentions || '|' || outcome
		FROM motion_results WHERE motion_id = $MO2")" "20/12/4|carried"
checked roll

# ---- a recorded result is never edited; an erratum names it -------------------------
cat > "$TMP/erratum.script" <<EOF
$BOARD
5<Enter><Tab>v
:dump $TMP/erratum1.txt
x
:dump $TMP/erratum2.txt
<Tab><BS><BS>19<Tab><Tab><Tab><Tab>the tellers counted one vote twice
^S
:dump $TMP/erratum3.txt
<Enter>
:dump $TMP/erratum4.txt
EOF
play erratum 120x40
contains "recording the vote again is refused in words" "$TMP/erratum1.txt" \
	"This motion's result is recorded and is never edited: record an erratum"
contains "the erratum starts from the result it corrects" "$TMP/erratum2.txt" "Erratum on motion AGM-2026/1"
contains "the erratum's outcome with its arithmetic" "$TMP/erratum4.txt" \
	"19 for, 10 against, 5 abstained: 19 of 29 votes cast is 65.5%, less than two thirds: lost"
contains "the motion shows the erratum beside the result it corrects" "$TMP/erratum4.txt" \
	"corrects result"
same "the first result stands, the erratum names it" \
	"$(sql "SELECT group_concat(votes_for || ':' || outcome || ':' || (corrects_id IS NOT NULL), ' ')
		FROM (SELECT * FROM motion_results WHERE motion_id = $MO1 ORDER BY id)")" \
	"20:carried:0 19:lost:1"
checked erratum

# ---- a member reads and changes nothing ------------------------------------------------
cat > "$TMP/member.script" <<EOF
$MEMBER
5
:dump $TMP/member1.txt
n
:dump $TMP/member0.txt
<Enter>
:dump $TMP/member2.txt
e
:dump $TMP/member3.txt
n
:dump $TMP/member4.txt
EOF
AUDITED="SELECT count(*) FROM audit WHERE table_name <> 'users'"
before=$(sql "$AUDITED")
play member 100x30
lacks "a member does not see the meeting not yet published" "$TMP/member1.txt" "reconvened"
lacks "nor the board's meetings" "$TMP/member1.txt" "Board meeting"
contains "but reads the general meetings published" "$TMP/member1.txt" "15/09/2026  AGM    Annual general meeting"
agm=$(sql "SELECT id FROM meetings WHERE held_on = '2026-09-15'")
contains "each with the number coopdesk report minutes takes" "$TMP/member1.txt" \
	"$(printf '%-5s15/09/2026' "$agm")"
contains "arranging a meeting is refused in words" "$TMP/member0.txt" "Only the board arranges meetings"
lacks "and not offered" "$TMP/member1.txt" "n arrange"
contains "the outcomes with the arithmetic" "$TMP/member2.txt" \
	"AGM-2026/1   ordinary Receive the annual accounts: 15 for, 8 against, 4 abstained"
lacks "no key to change anything is offered" "$TMP/member2.txt" "n motion"
contains "and a key to change it is refused in words" "$TMP/member3.txt" \
	"Only the board changes meetings: you may read this one"
same "the member changed nothing (their login aside)" "$(sql "$AUDITED")" "$before"
checked member

# ---- a volunteer reads too, and changes nothing ------------------------------------
cat > "$TMP/volunteer.script" <<EOF
volunteer<Enter>volunteer-demo-1<Enter>
5n
:dump $TMP/volunteer1.txt
<Enter><Tab>v
:dump $TMP/volunteer2.txt
EOF
play volunteer 100x30
contains "a volunteer reads the published meetings" "$TMP/volunteer1.txt" "15/09/2026  AGM    Annual general meeting"
contains "and is refused arranging one" "$TMP/volunteer1.txt" "Only the board arranges meetings"
contains "or recording a vote" "$TMP/volunteer2.txt" "Only the board changes meetings: you may read this one"
same "the volunteer changed nothing (their login aside)" "$(sql "$AUDITED")" "$before"

finish
