#!/bin/sh
# contrib/bench-payments.sh: coopdesk import payments of a bank statement
# at scale. On a copy of a rent co-op made by contrib/bench-rent-run.sh
# (one home H00001... and a current tenancy each, a year of weekly
# charges), a statement with a payment a week for every tenancy, from the
# week after the tenancies started to today (20,000 tenancies: about a
# million lines), each matched by its home's reference; timed against the
# sqlite3 shell's .import of the same file into a plain table, and the
# anchor: the same payments put set-based into a copy of the co-op (the
# ledger rows with their running balances, how each was paid, the bank
# lines that keep them from being posted twice), every trigger firing,
# each line's tenancy found by a join on the reference.
# Prints "import payments LINES COOPDESK_MS PLAIN_MS ANCHOR_MS".
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
anchor=$dir/payments-anchor.db
rm -f "$anchor" "$anchor-wal" "$anchor-shm"
cp "$src" "$anchor"
name=$(basename "$csv")
t0=$(now_ns)
sqlite3 "$anchor" > /dev/null <<SQL
CREATE TEMP TABLE raw (d, text, paid_in, paid_out);
.import --csv --skip 1 $csv raw
BEGIN;
INSERT OR REPLACE INTO audit_context (id, user_id, actor) VALUES (1, NULL, 'bench');
CREATE TEMP TABLE pay AS
  SELECT r.rowid AS line, t.id AS tid, r.text AS text,
         substr(r.d, 7, 4) || '-' || substr(r.d, 4, 2) || '-' || substr(r.d, 1, 2) AS day,
         CAST(round(r.paid_in * 100) AS INTEGER) AS pence,
         (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id ORDER BY l.id DESC LIMIT 1)
           - sum(CAST(round(r.paid_in * 100) AS INTEGER)) OVER (PARTITION BY t.id ORDER BY r.rowid) AS bal,
         (SELECT max(id) FROM rent_ledger) + row_number() OVER (ORDER BY r.rowid) AS entry
    FROM raw r JOIN homes h ON h.ref = substr(r.text, 6) JOIN tenancies t ON t.home_id = h.id
   ORDER BY r.rowid;
INSERT INTO rent_ledger (id, tenancy_id, entry_date, kind, amount_pence, balance_pence, description, reference)
  SELECT entry, tid, day, 'payment', -pence, bal,
         'Bank statement $name, line ' || (line + 1) || ': ' || text, substr(text, 1, 40)
    FROM pay ORDER BY line;
INSERT INTO rent_entry_details (entry_id, method) SELECT entry, 'bank transfer' FROM pay ORDER BY line;
INSERT INTO bank_lines (line_date, amount_pence, description, occurrence, entry_id, file_name, file_line)
  SELECT day, pence, text, row_number() OVER (PARTITION BY day, pence, text ORDER BY line), entry,
         '$name', line + 1 FROM pay ORDER BY line;
COMMIT;
SQL
t1=$(now_ns)
anchor_ms=$(( (t1 - t0) / 1000000 ))
got=$(sqlite3 "$anchor" "SELECT count(*) FROM bank_lines")
[ "$got" -eq "$lines" ] || { echo "bench-payments: the anchor posted $got of $lines lines" >&2; exit 1; }
echo "import payments $lines $coopdesk_ms $plain_ms $anchor_ms"
