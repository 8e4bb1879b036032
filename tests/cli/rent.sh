#!/bin/sh
# coopdesk rent post, report arrears, report rent-statement and export
# homes|tenancies|rent on the demo co-op, each against sums made here with
# the sqlite3 shell: the rent run posts what falls due and, run again,
# nothing; the arrears as at a day add up as the ledger does; a statement's
# opening and closing balances are the ledger's; the accountant's export
# has every row.
. "$(dirname "$0")/lib.sh"
export TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

q() { sqlite3 "$DB" "$1"; }
same() {
	if [ "$2" = "$3" ]; then ok "$1 ($2)"; else not_ok "$1 (got '$2', wanted '$3')"; fi
}
# pounds PENCE: 123456 -> £1,234.56, as the documents show money.
pounds() {
	echo "$1" | awk '{ p = $1; s = ""; if (p < 0) { s = "-"; p = -p }
		i = int(p / 100); d = p % 100; t = sprintf("%d", i); o = "";
		while (length(t) > 3) { o = "," substr(t, length(t) - 2) o; t = substr(t, 1, length(t) - 3) }
		printf "%s£%s%s.%02d\n", s, t, o, d }'
}

DB="$TMP/demo.db"
"$BIN" demo "$DB" --seed 1 > /dev/null 2>&1 || not_ok "the demo co-op was not made"
"$BIN" --db "$DB" check > /dev/null 2>&1 && ok "check passes on the demo" || not_ok "check on the demo"

expect "rent --help exits 0" 0 "$BIN" rent --help
contains "and says what it does" "$TMP/out" "never posted again"
expect "rent post without --through is a usage error" 2 "$BIN" --db "$DB" rent post
contains "saying what is missing" "$TMP/err" "up to which day? give --through DATE"
expect "a day that is not a day is a usage error" 2 "$BIN" --db "$DB" rent post --through 31/02/2026
contains "in words" "$TMP/err" "February 2026 has 28 days"
expect "more than 31 days ahead is refused" 1 "$BIN" --db "$DB" rent post --through 2027-01-31
contains "in words" "$TMP/err" "the rent run charges at most 31 days ahead: 31/01/2027 is too far"

# ---- the run, twice ---------------------------------------------------------------
last=$(q "SELECT max(id) FROM rent_ledger")
expect "rent post --through 13/12/2026" 0 "$BIN" --db "$DB" rent post --through 13/12/2026
charges=$(q "SELECT count(*) FROM rent_ledger WHERE id > $last")
tenancies=$(q "SELECT count(DISTINCT tenancy_id) FROM rent_ledger WHERE id > $last")
total=$(q "SELECT sum(amount_pence) FROM rent_ledger WHERE id > $last")
kinds=$(q "SELECT group_concat(DISTINCT kind || '/' || reference) FROM rent_ledger WHERE id > $last")
[ "$charges" -gt 0 ] && ok "it posted charges ($charges)" || not_ok "it posted nothing"
same "only the run's own charges" "$kinds" "charge/rent run"
contains "it says what it posted, as sqlite3 counts" "$TMP/out" \
	"Posted $charges charges to $tenancies tenancies, $(pounds "$total") in all, up to 13/12/2026."
late=$(q "SELECT count(*) FROM rent_ledger WHERE id > $last AND entry_date > '2026-12-13'")
same "none falls due after the day" "$late" "0"
ended=$(q "SELECT count(*) FROM rent_ledger l JOIN tenancies t ON t.id = l.tenancy_id
	WHERE l.id > $last AND t.end_date IS NOT NULL AND l.entry_date >= t.end_date")
same "none after a tenancy ended" "$ended" "0"
"$BIN" --db "$DB" check > /dev/null 2>&1 && ok "check passes after the run" || not_ok "check after the run"

rows=$(q "SELECT count(*) FROM rent_ledger")
expect "the same run again" 0 "$BIN" --db "$DB" rent post --through 13/12/2026
contains "posts nothing, and says so" "$TMP/out" "Nothing to post: every tenancy is charged up to 13/12/2026."
same "the ledger did not grow" "$(q "SELECT count(*) FROM rent_ledger")" "$rows"
expect "an earlier day" 0 "$BIN" --db "$DB" rent post --through 2026-11-01
contains "posts nothing either" "$TMP/out" "Nothing to post"
same "the ledger still did not grow" "$(q "SELECT count(*) FROM rent_ledger")" "$rows"

# ---- arrears as at a day, against sqlite3 -----------------------------------------
for day in 2026-11-22 2026-10-01 2025-12-31; do
	# Each account's balance is the sum of its rows dated on or before the day.
	bal="SELECT t.id AS id, t.end_date AS end_date, sum(l.amount_pence) AS b FROM tenancies t
		JOIN rent_ledger l ON l.tenancy_id = t.id AND l.entry_date <= '$day'
		WHERE t.start_date <= '$day' GROUP BY t.id HAVING b > 0"
	cur="end_date IS NULL OR end_date > '$day'"
	n_cur=$(q "SELECT count(*) FROM ($bal) WHERE $cur")
	s_cur=$(q "SELECT coalesce(sum(b), 0) FROM ($bal) WHERE $cur")
	n_all=$(q "SELECT count(*) FROM ($bal)")
	s_all=$(q "SELECT coalesce(sum(b), 0) FROM ($bal)")
	uk=$(echo "$day" | awk -F- '{ print $3 "/" $2 "/" $1 }')
	expect "report arrears --as-at $uk" 0 "$BIN" --db "$DB" report arrears --as-at "$uk"
	contains "$day: the totals are sqlite3's" "$TMP/out" \
		"$n_cur current tenanc"
	contains "$day: the current tenancies' sum is sqlite3's" "$TMP/out" "owing $(pounds "$s_cur");"
	contains "$day: the whole sum is sqlite3's" "$TMP/out" "in all $n_all owing $(pounds "$s_all")."
	expect "$day: as CSV" 0 "$BIN" --db "$DB" report arrears --as-at "$day" --format csv --no-bom
	got=$(awk -F, 'NR > 1 { n++ } END { print n + 0 }' "$TMP/out")
	same "$day: a CSV row an account in arrears" "$got" "$n_all"
	got=$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(round(sum(float(r["owed"]) for r in rows) * 100))' "$TMP/out")
	same "$day: the CSV's amounts add up to sqlite3's" "$got" "$s_all"
done
expect "arrears as at a day to come are refused" 1 "$BIN" --db "$DB" report arrears --as-at 2026-11-23
contains "in words" "$TMP/err" "arrears are as at today or a day before"

# ---- a rent statement ----------------------------------------------------------------
t=$(q "SELECT tenancy_id FROM rent_ledger GROUP BY tenancy_id ORDER BY count(*) DESC LIMIT 1")
home=$(q "SELECT h.ref FROM tenancies t JOIN homes h ON h.id = t.home_id WHERE t.id = $t")
open=$(q "SELECT coalesce(sum(amount_pence), 0) FROM rent_ledger WHERE tenancy_id = $t AND entry_date < '2026-01-01'")
close=$(q "SELECT coalesce(sum(amount_pence), 0) FROM rent_ledger WHERE tenancy_id = $t AND entry_date <= '2026-06-30'")
inside=$(q "SELECT count(*) FROM rent_ledger WHERE tenancy_id = $t AND entry_date BETWEEN '2026-01-01' AND '2026-06-30'")
words() { if [ "$1" -gt 0 ]; then echo "$(pounds "$1") owed"; elif [ "$1" -lt 0 ]; then echo "$(pounds $((-$1))) in credit"; else echo "nothing owed"; fi; }
expect "report rent-statement $t (a tenancy)" 0 "$BIN" --db "$DB" report rent-statement "$t" \
	--from 01/01/2026 --to 30/06/2026
contains "the opening balance is sqlite3's" "$TMP/out" "Opening balance on 01/01/2026: $(words "$open")."
contains "the closing balance is sqlite3's" "$TMP/out" "Closing balance on 30/06/2026: $(words "$close")."
contains "the landlord's name is on it (s.5)" "$TMP/out" "Landlord: Alder Street Housing Co-operative"
got=$(grep -cE '^ *[0-9]+  [0-9]{2}/[0-9]{2}/[0-9]{4}  ' "$TMP/out")
same "every row of the period is on it" "$got" "$inside"
cp "$TMP/out" "$TMP/by_tenancy"
expect "report rent-statement $home (the home's tenancy)" 0 "$BIN" --db "$DB" report rent-statement \
	"$home" --from 01/01/2026 --to 30/06/2026
grep -v '^Produced' "$TMP/out" > "$TMP/a"; grep -v '^Produced' "$TMP/by_tenancy" > "$TMP/b"
cmp -s "$TMP/a" "$TMP/b" && ok "the home's reference gives the same statement" ||
	not_ok "by home and by tenancy differ"
sqlite3 "$DB" "UPDATE settings SET value = '1 Alder Street, Rochdale OL11 1AA' WHERE key = 'coop_address'"
expect "the statement as Markdown" 0 "$BIN" --db "$DB" report rent-statement "$t" --format md
contains "the landlord's address, once set" "$TMP/out" \
	"Landlord: Alder Street Housing Co-operative, 1 Alder Street, Rochdale OL11 1AA (Landlord and Tenant Act 1985 s.5)."
expect "no such tenancy" 1 "$BIN" --db "$DB" report rent-statement 99999
contains "in words" "$TMP/err" "there is no tenancy 99999"
expect "no such home" 1 "$BIN" --db "$DB" report rent-statement NOPE-1
contains "in words" "$TMP/err" "there is no home or tenancy 'NOPE-1'"
expect "from after to is refused" 1 "$BIN" --db "$DB" report rent-statement "$t" --from 2026-06-01 --to 2026-05-01
contains "in words" "$TMP/err" "the statement's first day (01/06/2026) is after its last (01/05/2026)"
expect "a statement needs whose" 2 "$BIN" --db "$DB" report rent-statement
expect "--from is for rent only" 2 "$BIN" --db "$DB" report register --from 2026-01-01

# ---- the accountant's exports -----------------------------------------------------------
expect "export rent --from --to" 0 "$BIN" --db "$DB" export rent --from 2026-10-01 --to 31/10/2026 --no-bom
head -1 "$TMP/out" | grep -q '^entry_no,entry_date,home,tenancy,signatories,kind,amount,method,reference,description,reverses_entry_no,account_balance,recorded_at' \
	&& ok "its header row" || not_ok "header: $(head -1 "$TMP/out")"
want=$(q "SELECT count(*) || ' ' || sum(amount_pence) FROM rent_ledger WHERE entry_date BETWEEN '2026-10-01' AND '2026-10-31'")
got=$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(len(rows), round(sum(float(r["amount"]) for r in rows) * 100))' "$TMP/out")
same "every row of October, adding up as sqlite3's" "$got" "$want"
expect "export homes" 0 "$BIN" --db "$DB" export homes --no-bom
same "a row a home" "$(($(wc -l < "$TMP/out") - 1))" "$(q "SELECT count(*) FROM homes")"
expect "export tenancies" 0 "$BIN" --db "$DB" export tenancies --no-bom
got=$(python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
print(len(rows), round(sum(float(r["balance"]) for r in rows) * 100))' "$TMP/out")
same "a row a tenancy, balances adding up" "$got" "$(q "SELECT count(*) FROM tenancies") $(q "SELECT sum(amount_pence) FROM rent_ledger")"
expect "an export is CSV" 2 "$BIN" --db "$DB" export rent --format text
"$BIN" --db "$DB" check > /dev/null 2>&1 && ok "check passes at the end" || not_ok "check at the end"
finish
