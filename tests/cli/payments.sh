#!/bin/sh
# coopdesk import payments on the demo co-op (seed 1): a UK bank's export
# with lines matched by reference and by name, not matched, ambiguous,
# paid out; a dry run writes nothing; without --yes and no terminal
# nothing is posted; two overlapping statements post no line twice (the
# ledger's sums compared with the sqlite3 shell); identical lines of one
# day count by occurrence; a bad line is named and nothing is posted;
# --assign; a saved profile reads another bank's shape.
. "$(dirname "$0")/lib.sh"
export TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

q() { sqlite3 "$DB" "$1"; }
same() {
	if [ "$2" = "$3" ]; then ok "$1 ($2)"; else not_ok "$1 (got '$2', wanted '$3')"; fi
}
paid() { q "SELECT coalesce(-sum(amount_pence), 0) FROM rent_ledger WHERE kind = 'payment'"; }
paid_to() { q "SELECT coalesce(-sum(amount_pence), 0) FROM rent_ledger WHERE kind = 'payment'
	AND tenancy_id = $1 AND id > $base"; }

DB="$TMP/demo.db"
"$BIN" demo "$DB" --seed 1 > /dev/null 2>&1 || not_ok "the demo co-op was not made"
# What the statements below rely on, from the demo.
same "the demo's homes and tenants" "$(q "SELECT group_concat(h.ref || ':' || t.id, ' ')
	FROM tenancies t JOIN homes h ON h.id = t.home_id WHERE t.id IN (1, 2, 3, 5, 10)
	ORDER BY t.id")" "ALD-01:1 ALD-02:2 ALD-03:3 ALD-05:5 ALD-10:10"
base=$(q "SELECT max(id) FROM rent_ledger")
before=$(paid)

expect "import payments --help exits 0" 0 "$BIN" import payments --help
contains "and names --assign" "$TMP/out" "--assign LINE=HOME"
# The manual describes every option the command's --help lists.
PAGE="$(dirname "$0")/../../doc/coopdesk.1"
for opt in $(grep -o -- '--[a-z][a-z-]*' "$TMP/out" | sort -u); do
	grep -qF -- "$(echo "$opt" | sed 's/-/\\-/g')" "$PAGE" \
		&& ok "the manual describes import payments $opt" \
		|| not_ok "the manual lacks import payments $opt"
done
expect "no file is a usage error" 2 "$BIN" --db "$DB" import payments
contains "saying what is missing" "$TMP/err" "which file? give the bank's CSV export"
expect "--amount-column with --credit-column is a usage error" 2 "$BIN" --db "$DB" \
	import payments --amount-column A --credit-column B x.csv

# ---- statement A: 1 to 15 November -----------------------------------------------
printf '%s\r\n' 'Date,Type,Description,Paid out,Paid in,Balance' \
	'02/11/2026,BGC,RENT ALD-01,,"£450.00","1,450.00"' \
	'02/11/2026,SO,H KACZMAREK RENT,,450.00,"1,900.00"' \
	'03/11/2026,DD,BRITISH GAS,120.50,,"1,779.50"' \
	'04/11/2026,FPI,CASH DEPOSIT,,20.00,"1,799.50"' \
	'05/11/2026,FPI,KAMINSKA,,100.00,"1,899.50"' \
	'12/11/2026,FPI,rent ald 3,,10.00,"1,909.50"' \
	'12/11/2026,FPI,rent ald 3,,10.00,"1,919.50"' \
	'14/11/2026,BGC,"RENT, ALD-01",,"£450.00","2,369.50"' > "$TMP/a.csv"
audits=$(q "SELECT count(*) FROM audit")
expect "a dry run exits 0" 0 "$BIN" --db "$DB" import payments "$TMP/a.csv" --dry-run
contains "it counts the lines" "$TMP/out" \
	"8 lines: 5 to post (£1,370.00), 0 posted before, 1 not matched, 1 ambiguous, 1 paid out"
contains "a match by reference" "$TMP/out" \
	'line 2    02/11/2026   £450.00  "RENT ALD-01": ALD-01, tenancy 1, 李小龍; by the reference ALD-01'
contains "a match by name" "$TMP/out" "ALD-02, tenancy 2, Hannah Kaczmarek; by the name HANNAH KACZMAREK"
contains "a line not matched, with why" "$TMP/out" \
	'"CASH DEPOSIT": no home'"'"'s reference and no tenant'"'"'s name is in it'
contains "an ambiguous name, not posted" "$TMP/out" \
	'"KAMINSKA": the name KAMINSKA fits 2 tenancies: ALD-05 (tenancy 5) and ALD-10 (tenancy 10)'
contains "a debit, left alone" "$TMP/out" '"BRITISH GAS": paid out'
contains "what to do with the rest, in words" "$TMP/out" "--assign LINE=HOME"
contains "and that it was a dry run" "$TMP/out" "Dry run: nothing was posted."
same "the dry run wrote nothing" "$(q "SELECT count(*) FROM audit")" "$audits"
same "no bank line recorded" "$(q "SELECT count(*) FROM bank_lines")" 0

expect "without --yes, and no terminal, nothing is posted" 1 "$BIN" --db "$DB" \
	import payments "$TMP/a.csv" < /dev/null
contains "saying how to post" "$TMP/err" "say --yes to post without being asked"
same "the ledger is as it was" "$(paid)" "$before"

expect "statement A posted with --yes" 0 "$BIN" --db "$DB" import payments "$TMP/a.csv" --yes
contains "saying what it posted" "$TMP/out" "Posted 5 payments, £1,370.00 in all."
same "the payments in the ledger grew by the matched lines" "$(paid)" "$((before + 137000))"
same "ALD-01 got its two" "$(paid_to 1)" 90000
same "ALD-03 got both identical lines of 12/11" "$(paid_to 3)" 2000
same "nothing went to the ambiguous tenancies" "$(paid_to 5)$(paid_to 10)" 00
same "five bank lines recorded, by occurrence" "$(q "SELECT group_concat(occurrence, '') FROM
	bank_lines ORDER BY id")" 11121
same "each a bank transfer" "$(q "SELECT count(*) FROM rent_entry_details d JOIN bank_lines b
	ON b.entry_id = d.entry_id WHERE d.method = 'bank transfer'")" 5
same "the rows' reference is the bank's" "$(q "SELECT reference FROM rent_ledger
	WHERE id = (SELECT entry_id FROM bank_lines WHERE file_line = 9)")" "RENT, ALD-01"
same "the bank lines are audited, by the command" "$(q "SELECT count(*) FROM audit
	WHERE table_name = 'bank_lines' AND actor LIKE '%import payments%'")" 5
expect "check passes" 0 "$BIN" --db "$DB" check

# ---- statement B: 10 to 30 November, overlapping A -------------------------------
printf '%s\n' 'Date,Type,Description,Paid out,Paid in,Balance' \
	'12/11/2026,FPI,rent ald 3,,10.00,"1,909.50"' \
	'12/11/2026,FPI,rent ald 3,,10.00,"1,919.50"' \
	'12/11/2026,FPI,rent ald 3,,10.00,"1,929.50"' \
	'14/11/2026,BGC,"RENT, ALD-01",,"£450.00","2,379.50"' \
	'16/11/2026,BGC,RENT ALD-01,,"£450.00","2,829.50"' \
	'17/11/2026,FPI,KAMINSKA,,100.00,"2,929.50"' > "$TMP/b.csv"
expect "statement B, overlapping, posted with --yes" 0 "$BIN" --db "$DB" \
	import payments "$TMP/b.csv" --yes --assign 7=ALD-10
contains "the overlap is shown as posted before" "$TMP/out" \
	"6 lines: 3 to post (£560.00), 3 posted before"
contains "naming the ledger row" "$TMP/out" '"RENT, ALD-01": rent account row'
contains "the assigned line" "$TMP/out" "ALD-10, tenancy 10, Fatima Kamińska; as --assign says"
same "only the new lines were posted" "$(paid)" "$((before + 137000 + 56000))"
same "ALD-03 got the third identical line only" "$(paid_to 3)" 3000
same "ALD-10 got the assigned line" "$(paid_to 10)" 10000
expect "statement A again posts nothing" 0 "$BIN" --db "$DB" import payments "$TMP/a.csv" --yes
contains "saying so" "$TMP/out" "Nothing to post."
expect "statement B again posts nothing" 0 "$BIN" --db "$DB" import payments "$TMP/b.csv" --yes
same "the ledger is unchanged" "$(paid)" "$((before + 137000 + 56000))"
same "one bank line per payment" "$(q "SELECT count(*) FROM bank_lines")" 8
expect "--assign of a line posted before is refused" 1 "$BIN" --db "$DB" \
	import payments "$TMP/b.csv" --yes --assign 2=ALD-01
contains "in words" "$TMP/err" "--assign 2=ALD-01: line 2 was posted by an earlier import"
expect "--assign to no such home is refused" 1 "$BIN" --db "$DB" \
	import payments "$TMP/a.csv" --dry-run --assign 5=ZZZ-99
contains "in words" "$TMP/err" "there is no home (or tenancy) ZZZ-99"
expect "check passes" 0 "$BIN" --db "$DB" check

# ---- bad lines: each named, nothing posted ----------------------------------------
printf '%s\n' 'Date,Type,Description,Paid out,Paid in,Balance' \
	'18/11/2026,BGC,RENT ALD-02,,450.00,1' \
	'31/11/2026,BGC,RENT ALD-02,,450.00,1' \
	'19/11/2026,BGC,RENT ALD-02,,4.5.0,1' \
	'19/11/2026,BGC,RENT ALD-02,5.00,450.00,1' \
	'25/11/2026,BGC,RENT ALD-02,,450.00,1' > "$TMP/bad.csv"
expect "a file with bad lines is refused" 1 "$BIN" --db "$DB" import payments "$TMP/bad.csv" --yes
contains "the bad date, by its line" "$TMP/err" "bad.csv:3: Date: "
contains "the bad amount, by its line" "$TMP/err" "bad.csv:4: Paid in: "
contains "both paid in and out" "$TMP/err" "bad.csv:5: Paid in: an amount both paid in and paid out on one line"
contains "a payment after today" "$TMP/err" "bad.csv:6: Date: money paid in after today cannot be posted yet"
contains "and that nothing was posted" "$TMP/err" "has 4 problems (listed above): nothing was posted"
same "nothing was posted" "$(paid)" "$((before + 137000 + 56000))"

# ---- another bank's shape, saved as a profile --------------------------------------
printf '%s\n' 'Transaction Date,Info,Amount,CR/DR' \
	'2026-11-19,TFR FROM B NOWAK,475.00,CR' \
	'2026-11-19,CARD PAYMENT,12.00,DR' > "$TMP/other.csv"
expect "without the columns named, it says which is missing" 1 "$BIN" --db "$DB" \
	import payments "$TMP/other.csv" --dry-run
contains "naming the option" "$TMP/err" "which column holds the reference? name it with --reference-column"
contains "and the file's columns" "$TMP/err" 'its columns are: "Transaction Date", "Info", "Amount", "CR/DR"'
expect "the columns named and saved" 0 "$BIN" --db "$DB" import payments "$TMP/other.csv" --yes \
	--date-column "Transaction Date" --date-format yyyy-mm-dd --reference-column info \
	--amount-column Amount --cr-dr-column CR/DR --save-profile "Other Bank"
contains "a CR line matched by name" "$TMP/out" "BIR-03, tenancy 13, Bernadette Nowak; by the name BERNADETTE NOWAK"
contains "a DR line left alone" "$TMP/out" '"CARD PAYMENT": paid out'
same "the profile is saved, audited" "$(q "SELECT p.reference_column || '/' || p.crdr_column
	|| '/' || count(a.id) FROM bank_profiles p JOIN audit a ON a.table_name = 'bank_profiles'
	WHERE p.name = 'Other Bank'")" "Info/CR/DR/1"
printf '%s\n' 'Transaction Date,Info,Amount,CR/DR' '2026-11-20,RENT ALD-06,475.00,C' > "$TMP/o2.csv"
expect "the profile reads the next statement" 0 "$BIN" --db "$DB" import payments "$TMP/o2.csv" \
	--profile "Other Bank" --yes
same "and it was posted" "$(paid_to 6)" 47500
expect "an unknown profile is refused" 1 "$BIN" --db "$DB" import payments "$TMP/o2.csv" \
	--profile "No Bank" --dry-run
contains "in words" "$TMP/err" "there is no bank profile called 'No Bank'"
expect "check passes at the end" 0 "$BIN" --db "$DB" check

# ---- the example co-op's bank export (contrib/examples/) ---------------------------
EX="$(cd "$(dirname "$0")/../../contrib/examples" && pwd)"
DB="$TMP/example.db"
printf 'payments-test-pass-1\n' | "$BIN" --db "$DB" init --name "Rowan & Alder" > /dev/null 2>&1
for kind in members homes tenancies rent; do
	"$BIN" --db "$DB" import "$kind" "$EX/$kind.csv" > /dev/null 2>&1 || not_ok "example $kind import"
done
base=$(q "SELECT max(id) FROM rent_ledger")
before=$(paid)
expect "the example statement is posted" 0 "$BIN" --db "$DB" import payments "$EX/bank-statement.csv" --yes
contains "its counts" "$TMP/out" \
	"14 lines: 9 to post (£912.50), 0 posted before, 1 not matched, 1 ambiguous, 3 paid out"
same "the ledger gained its nine payments" "$(paid) $(q "SELECT count(*) FROM rent_ledger WHERE id > $base")" \
	"$((before + 91250)) 9"
same "one to each of nine tenancies" "$(q "SELECT count(DISTINCT tenancy_id) FROM rent_ledger WHERE id > $base")" 9
expect "the example co-op passes check" 0 "$BIN" --db "$DB" check
finish
