#!/bin/sh
# contrib/bench-payments.sh: coopdesk import payments of a bank statement
# at scale. On a copy of a rent co-op made by contrib/bench-rent-run.sh
# (one home H00001... and a current tenancy each, a year of weekly
# charges), a statement with a payment a week for every tenancy, from the
# week after the tenancies started to today (20,000 tenancies: about a
# million lines), each matched by its home's reference; timed against the
# sqlite3 shell's .import of the same file into a plain table.
# Prints "import payments LINES COOPDESK_MS PLAIN_MS POSTED".
# Usage: bench-payments.sh RENT_DB
set -eu
cd "$(dirname "$0")/.."
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
src=$1
dir=$(dirname "$src")
db=$dir/payments.db
plain=$dir/payments-plain.db
csv=$dir/payments.csv
export LANG=C.UTF-8 TZ=UTC
now_ns() { date +%s%N; }

n=$(sqlite3 "$src" 'SELECT count(*) FROM tenancies')
first=$(sqlite3 "$src" "SELECT date(min(start_date), '+7 days') FROM tenancies")
today=$(date -u +%Y-%m-%d)
# The weeks' days as the bank prints them, then a line per tenancy each.
d=$first
: > "$csv.days"
while [ "$(date -u -d "$d" +%s)" -le "$(date -u -d "$today" +%s)" ]; do
	date -u -d "$d" +%d/%m/%Y >> "$csv.days"
	d=$(date -u -d "$d +7 days" +%Y-%m-%d)
done
awk -v n="$n" 'BEGIN { printf "Date,Description,Paid in,Paid out\r\n" }
	{ for (i = 1; i <= n; i++) printf "%s,RENT H%05d,100.00,\r\n", $1, i }' "$csv.days" > "$csv"
rm -f "$csv.days"
lines=$(( $(wc -l < "$csv") - 1 ))

rm -f "$db" "$db-wal" "$db-shm" "$plain"
cp "$src" "$db"
t0=$(now_ns)
"$BIN" --db "$db" import payments "$csv" --yes > "$dir/payments.log"
t1=$(now_ns)
coopdesk_ms=$(( (t1 - t0) / 1000000 ))
posted=$(sqlite3 "$db" "SELECT count(*) FROM rent_ledger WHERE kind = 'payment'")
[ "$posted" -eq "$lines" ] || { echo "bench-payments: $posted of $lines lines posted" >&2; exit 1; }
audited=$(sqlite3 "$db" "SELECT count(*) FROM audit a JOIN rent_ledger l ON l.id = a.row_id
  WHERE a.table_name = 'rent_ledger' AND a.action = 'insert' AND l.kind = 'payment'")
[ "$audited" -eq "$lines" ] || { echo "bench-payments: $audited audit rows for $lines payments" >&2; exit 1; }

t0=$(now_ns)
sqlite3 "$plain" '.mode csv' ".import $csv payments"
t1=$(now_ns)
plain_ms=$(( (t1 - t0) / 1000000 ))
echo "import payments $lines $coopdesk_ms $plain_ms $posted"
