#!/bin/sh
# The rent screens, driven through the real program on the demo co-op: the
# board's arrears list agrees with sqlite3; on a rent account a payment of
# £12.345 or abc is refused beside the amount with the rest of the form
# kept, a good one changes the balance; a row is put right by a reversal
# that names it; the charges are posted and the screen says what; the
# statement's closing balance is the ledger's. A member sees their own
# statement only. `coopdesk check` passes after each change.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the rent tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi

# play NAME [SIZE]: $TMP/NAME.script played headless on $TMP/rent.db (one
# database, changed by each script in turn); dumps land in $TMP.
cp "$BASE" "$TMP/rent.db"
play() {
	if ! (cd "$TMP" && "$BIN" --db "$TMP/rent.db" --script "$TMP/$1.script" --headless \
		--size "${2:-80x24}") > "$TMP/$1.out" 2>&1; then
		not_ok "$1: the script ran to its end"
		sed 's/^/#   /' "$TMP/$1.out" | head -10
	fi
}
sql() { sqlite3 "$TMP/rent.db" "$1"; }
checked() {
	if "$BIN" --db "$TMP/rent.db" check > "$TMP/$1.check" 2>&1; then
		ok "$1: coopdesk check passes afterwards"
	else
		not_ok "$1: coopdesk check fails afterwards"
		sed 's/^/#   /' "$TMP/$1.check" | head -10
	fi
}
beside() {
	if grep -A1 "^  $3  " "$2" | tail -n 1 | grep -qF "$4"; then
		ok "$1"
	else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}
# pounds PENCE: £1,234.56
pounds() {
	echo "$1" | awk '{ p = $1; s = ""; if (p < 0) { s = "-"; p = -p }
		i = int(p / 100); d = p % 100; t = sprintf("%d", i); o = "";
		while (length(t) > 3) { o = "," substr(t, length(t) - 2) o; t = substr(t, 1, length(t) - 3) }
		printf "%s£%s%s.%02d\n", s, t, o, d }'
}

BOARD='board<Enter>board-demo-1<Enter>'
MEMBER='member<Enter>member-demo-1<Enter>'
# The balances today, as sqlite3 adds them: the largest arrears first.
BAL="SELECT t.id AS id, h.ref AS ref, sum(l.amount_pence) AS b FROM tenancies t
	JOIN homes h ON h.id = t.home_id JOIN rent_ledger l ON l.tenancy_id = t.id
	WHERE l.entry_date <= '2026-11-22' AND t.end_date IS NULL GROUP BY t.id HAVING b > 0"
top=$(sql "SELECT id FROM ($BAL) ORDER BY b DESC, id DESC LIMIT 1")
top_ref=$(sql "SELECT ref FROM ($BAL) ORDER BY b DESC, id DESC LIMIT 1")
top_bal=$(sql "SELECT b FROM ($BAL) ORDER BY b DESC, id DESC LIMIT 1")
count=$(sql "SELECT count(*) FROM ($BAL)")

# ---- the arrears list, then a payment refused twice and then taken ------------------
cat > "$TMP/pay.script" <<EOF
$BOARD
R
:dump $TMP/pay0.txt
s
:dump $TMP/pay0s.txt
s
<Enter>
:dump $TMP/pay1.txt
n
<Tab><Tab>£12.345<Tab><Tab>S/O 77<Tab>November rent
^S
:dump $TMP/pay2.txt
<BS><BS><BS><BS><BS><BS><BS>abc
^S
:dump $TMP/pay3.txt
<BS><BS><BS>100.00
^S
:dump $TMP/pay4.txt
EOF
play pay
contains "R on Home opens the board's arrears list, counted as sqlite3 counts" "$TMP/pay0.txt" \
	"Rent arrears: current tenancies, by largest first                  row 1 of $count"
first=$(grep '^>' "$TMP/pay0.txt" | head -1)
case "$first" in
">$top_ref "*"$(pounds "$top_bal")"*) ok "the largest arrears first, as sqlite3 sums them ($first)" ;;
*) not_ok "first row '$first', wanted $top_ref $(pounds "$top_bal")" ;;
esac
contains "s sorts it by home" "$TMP/pay0s.txt" \
	"Rent arrears: current tenancies, by home                           row "
refs=$(sed -n '5,$p' "$TMP/pay0s.txt" | grep -E '^[ >][A-Z]+-[0-9]+ ' | cut -c2- | cut -d' ' -f1)
[ "$(echo "$refs" | wc -l)" -gt 3 ] && [ "$refs" = "$(echo "$refs" | LC_ALL=C sort)" ] \
	&& ok "the homes in order of reference ($(echo $refs | cut -c1-40)...)" \
	|| not_ok "not in order of reference: $(echo $refs)"
contains "Enter opens its rent account" "$TMP/pay1.txt" "Rent account  $top_ref, tenancy $top"
contains "with its balance" "$TMP/pay1.txt" "Balance  $(pounds "$top_bal") owed"
beside "£12.345 is refused beside the amount" "$TMP/pay2.txt" "Amount" \
	"an amount has at most two decimal places (pence)"
contains "the reference typed is kept" "$TMP/pay2.txt" "Reference  S/O 77"
contains "and the note" "$TMP/pay2.txt" "Note       November rent"
beside "abc is refused beside the amount" "$TMP/pay3.txt" "Amount" "that is not an amount"
contains "the reference still kept" "$TMP/pay3.txt" "Reference  S/O 77"
same_rows=$(sql "SELECT count(*) FROM rent_ledger WHERE reference = 'S/O 77'")
[ "$same_rows" = 1 ] && ok "only the good one was saved, once" || not_ok "$same_rows rows saved"
got=$(sql "SELECT l.kind || '|' || l.amount_pence || '|' || d.method || '|' || l.description
	|| '|' || l.entry_date FROM rent_ledger l JOIN rent_entry_details d ON d.entry_id = l.id
	WHERE l.reference = 'S/O 77'")
[ "$got" = "payment|-10000|bank transfer|November rent|2026-11-22" ] \
	&& ok "£100.00 is recorded as a payment by bank transfer ($got)" || not_ok "recorded: $got"
after=$((top_bal - 10000))
contains "the balance on screen changes by it" "$TMP/pay4.txt" "Balance  $(pounds "$after") owed"
contains "and the screen says so" "$TMP/pay4.txt" "payment of £100.00 recorded for $top_ref"
got=$(sql "SELECT sum(amount_pence) FROM rent_ledger WHERE tenancy_id = $top")
[ "$got" = "$after" ] && ok "sqlite3's sum is the balance shown ($got)" || not_ok "sum $got, shown $after"
checked pay

# ---- a reversal names the row it puts right ----------------------------------------------
pay_id=$(sql "SELECT id FROM rent_ledger WHERE reference = 'S/O 77'")
# Its place in the arrears list now, largest first.
above=$(sql "SELECT count(*) FROM ($BAL) WHERE b > $after OR (b = $after AND id > $top)")
downs=$(awk -v n="$above" 'BEGIN { for (i = 0; i < n; i++) printf "<Down>" }')
cat > "$TMP/reverse.script" <<EOF
$BOARD
R$downs<Enter><Tab>g
:dump $TMP/rev0.txt
r
:dump $TMP/rev1.txt
<Tab>keyed against the wrong account
^S
:dump $TMP/rev2.txt
r
:dump $TMP/rev3.txt
EOF
play reverse
contains "the newest row first on the account" "$TMP/rev0.txt" ">$(printf '%7s' "$pay_id") 22/11/2026"
contains "r opens the reversal of the row selected" "$TMP/rev1.txt" "Reverse row $pay_id (payment, -£100.00, 22/11/2026)"
got=$(sql "SELECT l.kind || '|' || l.amount_pence || '|' || d.reverses_id || '|' || l.description
	FROM rent_ledger l JOIN rent_entry_details d ON d.entry_id = l.id WHERE d.reverses_id IS NOT NULL")
[ "$got" = "adjustment|10000|$pay_id|Reverses entry $pay_id: keyed against the wrong account" ] \
	&& ok "the reversal is an adjustment naming the row ($got)" || not_ok "reversal: $got"
got=$(sql "SELECT amount_pence FROM rent_ledger WHERE id = $pay_id")
[ "$got" = "-10000" ] && ok "the row itself is kept as it was" || not_ok "row now $got"
contains "the balance is back" "$TMP/rev2.txt" "Balance  $(pounds "$top_bal") owed"
contains "on the account reached from the list" "$TMP/rev0.txt" "Rent account  $top_ref, tenancy $top"
contains "the reversed row says so" "$TMP/rev2.txt" "(reversed)"
contains "a reversed row is not reversed twice: r says why" "$TMP/rev3.txt" \
	"Row $pay_id was reversed already, by row"
checked reverse

# ---- posting the charges, and the statement ---------------------------------------------
last=$(sql "SELECT max(id) FROM rent_ledger")
above=$(sql "SELECT count(*) FROM ($BAL) WHERE b > $top_bal OR (b = $top_bal AND id > $top)")
downs=$(awk -v n="$above" 'BEGIN { for (i = 0; i < n; i++) printf "<Down>" }')
cat > "$TMP/post.script" <<EOF
$BOARD
R$downs<Enter>P
:dump $TMP/post0.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>06/12/2026
^S
:dump $TMP/post1.txt
P<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>06/12/2026
^S
:dump $TMP/post2.txt
p
<End>
:dump $TMP/post3.txt
EOF
play post 120x30
contains "P opens the posting, from today" "$TMP/post0.txt" "Up to  22/11/2026"
n=$(sql "SELECT count(*) FROM rent_ledger WHERE id > $last")
t=$(sql "SELECT count(DISTINCT tenancy_id) FROM rent_ledger WHERE id > $last")
s=$(sql "SELECT coalesce(sum(amount_pence), 0) FROM rent_ledger WHERE id > $last")
[ "$n" -gt 0 ] && ok "charges were posted ($n)" || not_ok "nothing posted"
contains "the screen says what it posted, as sqlite3 counts" "$TMP/post1.txt" \
	"Posted $n charges to $t tenancies, $(pounds "$s") in all, up to 06/12/2026."
contains "the same again posts nothing" "$TMP/post2.txt" "Nothing to post: every tenancy is charged up to 06/12/2026."
[ "$(sql "SELECT count(*) FROM rent_ledger WHERE id > $last")" = "$n" ] \
	&& ok "and the ledger did not grow" || not_ok "the ledger grew"
close=$(sql "SELECT sum(amount_pence) FROM rent_ledger WHERE tenancy_id = $top AND entry_date <= '2026-11-22'")
contains "the statement's closing balance is sqlite3's sum" "$TMP/post3.txt" \
	"Closing balance on 22/11/2026: $(pounds "$close") owed."
checked post

# ---- a member: their own statement, nobody else's ---------------------------------------
mine=$(sql "SELECT s.tenancy_id FROM tenancy_signatories s JOIN members m ON m.id = s.member_id
	JOIN users u ON u.member_id = m.id JOIN tenancies t ON t.id = s.tenancy_id
	WHERE u.username = 'member' AND t.end_date IS NULL")
name=$(sql "SELECT m.name FROM members m JOIN users u ON u.member_id = m.id WHERE u.username = 'member'")
cat > "$TMP/member.script" <<EOF
$MEMBER
:dump $TMP/mem0.txt
R
:dump $TMP/mem1.txt
<Esc>n
:dump $TMP/mem2.txt
EOF
play member
contains "a member's Home offers their rent statement" "$TMP/mem0.txt" "R rent"
contains "R shows their own statement" "$TMP/mem1.txt" "Rent statement, tenancy $mine"
contains "in their name" "$TMP/mem1.txt" "Tenant: $name."
lacks "not the arrears list" "$TMP/mem1.txt" "Rent arrears"
others=$(sql "SELECT count(*) FROM members m WHERE m.name <> '$name' AND instr('$(cat "$TMP/mem1.txt" | tr "'" ' ')', m.name) > 0")
[ "$others" = 0 ] && ok "no other tenant's name on it" || not_ok "$others other names on it"
checked member
finish
