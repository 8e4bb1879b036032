#!/bin/sh
# The Tenancies area, driven through the real program on the demo co-op:
# the homes list (filters, a tenant's name searched, what each role sees),
# starting a tenancy of a void home (a former member named first is
# refused beside their field, naming them and why; then a member, with
# other occupants), ending one (the rent account kept), a rent change
# dated before the current rent (refused beside the day, the rest kept;
# then saved), and the rent review (a bad change refused, the preview, then
# every new rent at once, checked against sqlite3 to the penny).
# `coopdesk check` passes after each change.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the Tenancies tests"
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
# beside NAME FILE LABEL WORDS: WORDS on the line under the field LABEL.
beside() {
	if grep -A1 "^  $3  " "$2" | tail -n 1 | grep -qF "$4"; then
		ok "$1"
	else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}
same() {
	[ "$2" = "$3" ] && ok "$1" || not_ok "$1: got '$2', expected '$3'"
}

BOARD='board<Enter>board-demo-1<Enter>'
VOLUNTEER='volunteer<Enter>volunteer-demo-1<Enter>'
MEMBER='member<Enter>member-demo-1<Enter>'
BS10='<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>'

void=$(sqlite3 "$BASE" "SELECT h.ref FROM homes h WHERE h.in_use = 1 AND NOT EXISTS
	(SELECT 1 FROM tenancies t WHERE t.home_id = h.id AND t.end_date IS NULL) ORDER BY h.ref LIMIT 1")
voids=$(sqlite3 "$BASE" "SELECT count(*) FROM homes h WHERE h.in_use = 1 AND NOT EXISTS
	(SELECT 1 FROM tenancies t WHERE t.home_id = h.id AND t.end_date IS NULL)")
gone_no=$(sqlite3 "$BASE" "SELECT member_no FROM members WHERE ceased_on IS NOT NULL ORDER BY member_no LIMIT 1")
gone_name=$(sqlite3 "$BASE" "SELECT name FROM members WHERE member_no = $gone_no")
gone_day=$(sqlite3 "$BASE" "SELECT strftime('%d/%m/%Y', ceased_on) FROM members WHERE member_no = $gone_no")
free_no=$(sqlite3 "$BASE" "SELECT m.member_no FROM members m WHERE m.ceased_on IS NULL AND NOT EXISTS
	(SELECT 1 FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id
	 WHERE s.member_id = m.id AND t.end_date IS NULL) ORDER BY m.member_no LIMIT 1")
if [ -z "$void" ] || [ -z "$gone_no" ] || [ -z "$free_no" ]; then
	not_ok "the demo has a void home, a former member and a member without a home"
	finish
fi

# ---- the list: filters and a search by a tenant's name --------------------------------
cat > "$TMP/list.script" <<EOF
$BOARD
2
:dump $TMP/list1.txt
ff
:dump $TMP/list2.txt
ff
/Kaczmarek Hannah<Enter>
:dump $TMP/list3.txt
EOF
play list 120x30
contains "the homes list has the rent and its Universal Credit equivalent" "$TMP/list1.txt" \
	"Rent/wk  UC/month Status"
contains "and the board's rent review key" "$TMP/list1.txt" "v rent review"
contains "the void homes, counted" "$TMP/list2.txt" "Homes: void, by reference"
contains "as many as sqlite3 finds" "$TMP/list2.txt" "row 1 of $voids"
contains "a current tenant's name finds their home" "$TMP/list3.txt" "Hannah Kaczmarek"
contains "only theirs" "$TMP/list3.txt" "row 1 of 1"

# ---- start a tenancy: a former member refused, then a member -------------------------------
cat > "$TMP/start.script" <<EOF
$BOARD
2ff<Enter>n
:dump $TMP/start0.txt
<Tab><Tab>$gone_no<Enter>
<Tab><Tab>Sam Tenant, son<Enter>Jo Lodger
^S
:dump $TMP/start1.txt
<BS><BS><BS><BS>$free_no<Enter>
^S
:dump $TMP/start2.txt
EOF
play start 100x30
contains "a void home offers to start a tenancy" "$TMP/start0.txt" "Start a tenancy of $void"
beside "a former member is refused beside their field, naming them and why" "$TMP/start1.txt" \
	"Signatory 1" "$gone_name (no. $gone_no) ceased to be a member on $gone_day"
contains "the occupants typed are kept" "$TMP/start1.txt" "Sam Tenant, son"
grep -Eq "^  Status +let" "$TMP/start2.txt" && ok "a member starts it; the home is let" \
	|| not_ok "a member starts it; the home is let"
contains "with the other occupants" "$TMP/start2.txt" "Sam Tenant (son); Jo Lodger"
got=$(sql start "SELECT t.start_date || '|' || m.member_no || '|' ||
	(SELECT count(*) FROM tenancy_occupants o WHERE o.tenancy_id = t.id)
	FROM tenancies t JOIN homes h ON h.id = t.home_id
	JOIN tenancy_signatories s ON s.tenancy_id = t.id JOIN members m ON m.id = s.member_id
	WHERE h.ref = '$void' AND t.end_date IS NULL")
same "one tenancy from today, its signatory and two occupants saved" "$got" "2026-11-22|$free_no|2"
checked start

# ---- a tenancy overlapping the home's last one is refused beside its day ----------------
early=$(sqlite3 "$BASE" "SELECT strftime('%d/%m/%Y', max(t.end_date), '-30 days') FROM tenancies t
	JOIN homes h ON h.id = t.home_id WHERE h.ref = '$void'")
cat > "$TMP/overlap.script" <<EOF
$BOARD
^G$void<Enter>
n
<End>${BS10}$early<Tab><Tab>$free_no<Enter>
^S
:dump $TMP/overlap1.txt
EOF
play overlap 100x30
beside "a start inside the home's last tenancy is refused beside the day" "$TMP/overlap1.txt" \
	"Starts on" "that home already has a tenancy for part of that period"
same "and nothing is saved" "$(sql overlap "SELECT count(*) FROM tenancies t JOIN homes h
	ON h.id = t.home_id WHERE h.ref = '$void' AND t.end_date IS NULL")" "0"

# ---- end a tenancy: the day and the reason; the account stays ---------------------------
let_ref=$(sqlite3 "$BASE" "SELECT h.ref FROM homes h JOIN tenancies t ON t.home_id = h.id
	AND t.end_date IS NULL ORDER BY h.ref LIMIT 1")
rows_before=$(sqlite3 "$BASE" "SELECT count(*) || '|' || coalesce(sum(amount_pence), 0) FROM rent_ledger l
	JOIN tenancies t ON t.id = l.tenancy_id JOIN homes h ON h.id = t.home_id
	WHERE h.ref = '$let_ref' AND t.end_date IS NULL")
cat > "$TMP/end.script" <<EOF
$BOARD
^G$let_ref<Enter>
c
:dump $TMP/end1.txt
<End>${BS10}21/11/2026<Tab>moved away
^S
:dump $TMP/end2.txt
EOF
play end 100x30
contains "the end form names the tenancy" "$TMP/end1.txt" "End the tenancy of $let_ref"
arrears=$(sqlite3 "$BASE" "SELECT printf('£%.2f', sum(amount_pence) / 100.0) FROM rent_ledger l
	JOIN tenancies t ON t.id = l.tenancy_id JOIN homes h ON h.id = t.home_id
	WHERE h.ref = '$let_ref' AND t.end_date IS NULL")
contains "ended: said, with the arrears that stay on the account (sqlite3's sum)" "$TMP/end2.txt" \
	"The tenancy ended on 21/11/2026; arrears of $arrears stay on their rent account"
grep -Eq "^  Status +void" "$TMP/end2.txt" && ok "the home is void" || not_ok "the home is void"
got=$(sql end "SELECT t.end_date || '|' || t.end_reason FROM tenancies t JOIN homes h ON h.id = t.home_id
	WHERE h.ref = '$let_ref' ORDER BY t.start_date DESC LIMIT 1")
same "the end day and reason saved" "$got" "2026-11-21|moved away"
got=$(sql end "SELECT count(*) || '|' || coalesce(sum(amount_pence), 0) FROM rent_ledger l
	JOIN tenancies t ON t.id = l.tenancy_id JOIN homes h ON h.id = t.home_id
	WHERE h.ref = '$let_ref' AND t.end_date = '2026-11-21'")
same "the former tenant's rent account is kept as it was ($rows_before)" "$got" "$rows_before"
case "$rows_before" in 0\|*) not_ok "the tenancy ended had rent account rows to keep" ;; esac
checked end

# ---- a rent change: a day before the current rent refused, the rest kept ----------------
cat > "$TMP/rent.script" <<EOF
$BOARD
^G$let_ref<Enter>
R
<End>${BS10}01/01/2026<Tab><Tab><End>${BS10}95.00
^S
:dump $TMP/rent1.txt
<End>${BS10}04/01/2027
^S
:dump $TMP/rent2.txt
EOF
play rent 100x30
beside "a rent dated before the current one's start is refused beside the day" "$TMP/rent1.txt" \
	"From" "the current rent began on 06/04/2026: a new rent cannot start before it"
contains "the rent typed is kept" "$TMP/rent1.txt" "£95.00"
contains "a later day is saved, with its Universal Credit equivalent" "$TMP/rent2.txt" \
	"New rent £95.00 weekly from 04/01/2027 (Universal Credit £411.67 a month)"
got=$(sql rent "SELECT count(*) || '|' || max(effective_from) FROM rent_rates r JOIN homes h ON h.id = r.home_id
	WHERE h.ref = '$let_ref'")
before=$(sqlite3 "$BASE" "SELECT count(*) + 1 FROM rent_rates r JOIN homes h ON h.id = r.home_id
	WHERE h.ref = '$let_ref'")
same "a new rate is added, the old ones kept" "$got" "$before|2027-01-04"
checked rent

# ---- the rent review: a bad change, the preview, then all at once ----------------------
cat > "$TMP/review.script" <<EOF
$BOARD
2v
06/04/2027<Tab>3.555%
^S
:dump $TMP/review1.txt
<BS><BS><BS><BS>5%
^S
:dump $TMP/review2.txt
v
:dump $TMP/review3.txt
EOF
play review 100x30
homes_rent=$(sqlite3 "$BASE" "SELECT count(DISTINCT home_id) FROM rent_rates")
beside "a change with three decimals is refused beside it" "$TMP/review1.txt" "Change" \
	"A percentage has at most two decimals (3.25%)"
contains "the date typed is kept" "$TMP/review1.txt" "06/04/2027"
contains "the preview" "$TMP/review2.txt" "Rent review from 06/04/2027 (preview)"
contains "counts the homes" "$TMP/review2.txt" "$homes_rent homes get a new rent from 06/04/2027"
contains "and its key saves them" "$TMP/review2.txt" "v save these rents"
contains "saved, said" "$TMP/review3.txt" "Rent review saved: $homes_rent homes have a new rent from 06/04/2027"
# Every new rent is the latest old one + 3.5%, to the penny, half a penny up.
got=$(sql review "SELECT count(*), sum(n.amount_pence = (o.amount_pence * 10350 + 5000) / 10000)
	FROM rent_rates n JOIN rent_rates o ON o.home_id = n.home_id AND o.effective_from =
	(SELECT max(x.effective_from) FROM rent_rates x WHERE x.home_id = n.home_id AND x.effective_from < n.effective_from)
	WHERE n.effective_from = '2027-04-06'")
same "every home with a rent has its new rent, each to the penny (sqlite3)" "$got" "$homes_rent|$homes_rent"
got=$(sql review "SELECT count(*) FROM rent_rates")
all=$(sqlite3 "$BASE" "SELECT count(*) + $homes_rent FROM rent_rates")
same "the old rents are all kept" "$got" "$all"
checked review

# ---- a void home out of use, and not let while so --------------------------------------
cat > "$TMP/use.script" <<EOF
$BOARD
^G$void<Enter>
e
<Right><Tab>New roof, back in use by March
^S
:dump $TMP/use1.txt
n
:dump $TMP/use2.txt
<Esc>2fff
:dump $TMP/use3.txt
EOF
play use 100x30
contains "a void home goes out of use, said" "$TMP/use1.txt" "$void is unavailable: out of use"
grep -Eq "^  Status +unavailable" "$TMP/use1.txt" && ok "its status says unavailable" \
	|| not_ok "its status says unavailable"
contains "it is not let while so, and the way back is named" "$TMP/use2.txt" \
	"This home is unavailable (out of use): put it back in use (e)"
contains "it is in the unavailable filter" "$TMP/use3.txt" "$void"
same "saved with the reason" "$(sql use "SELECT in_use || '|' || notes FROM homes WHERE ref = '$void'")" \
	"0|New roof, back in use by March"
checked use

# ---- what a volunteer and a member see ----------------------------------------------------
cat > "$TMP/roles.script" <<EOF
$VOLUNTEER
2
:dump $TMP/roles1.txt
<Enter>
:dump $TMP/roles2.txt
q
$MEMBER
2
:dump $TMP/roles3.txt
EOF
play roles 100x30
lacks "a volunteer has no rent review" "$TMP/roles1.txt" "rent review"
lacks "nor the board's keys on a home" "$TMP/roles2.txt" "start tenancy"
lacks "nor a rent change" "$TMP/roles2.txt" "rent change"
own=$(sqlite3 "$BASE" "SELECT count(DISTINCT t.home_id) FROM tenancy_signatories s JOIN tenancies t
	ON t.id = s.tenancy_id JOIN users u ON u.member_id = s.member_id WHERE u.username = 'member'")
contains "a member sees only their own home" "$TMP/roles3.txt" "row 1 of $own"
lacks "and no rent review" "$TMP/roles3.txt" "rent review"

finish
