#!/bin/sh
# Reports at scale (doc/bench.md): each document made by `coopdesk report`
# (the whole process, text to /dev/null) against the sqlite3 shell running
# the hand-written query that reads the same rows (the floor), on the same
# file, medians of RUNS, run back to back:
#   - the register as at a day, on the big co-op's members;
#   - RP02 over the big co-op's repairs, a whole year;
#   - the arrears list as at today, over a rent ledger of a year (made
#     by contrib/bench-rent-run.sh), against the query that finds what it
#     prints (the oldest unpaid charge too), and against the balances alone.
# Prints lines "report NAME ROWS COOPDESK_MS FLOOR_MS" for contrib/bench.sh.
# Usage: bench-reports.sh BIG_DB LEDGER_DB
set -eu
cd "$(dirname "$0")/.."
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
RUNS=${RUNS:-7}
big=$1 ledger=$2
export LANG=C.UTF-8 TZ=UTC
now_ns() { date +%s%N; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else print a[int((NR + 1) / 2)] }'; }
ms() { t0=$(now_ns); "$@" > /dev/null 2>&1; t1=$(now_ns); echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.1f\n", $1 / 1000 }'; }

today=$(date -u +%Y-%m-%d)
year_start=$(date -u -d "$today -1 year" +%Y-%m-%d)
as_at=$(date -u -d "$today -30 days" +%Y-%m-%d)

# The register's equivalent: what the board's copy prints for each entry
# (src/db/register.c): the operations that stand on the day (a reversal
# and what it reversed left out), what was paid on them, the loans,
# deposits and other property held that day; and its totals.
STANDS="o.op_date <= '$as_at' AND o.kind <> 'reversal'
  AND NOT EXISTS (SELECT 1 FROM share_ops v WHERE v.member_id = o.member_id AND v.reverses_id = o.id)"
held() {
	echo "(SELECT coalesce(sum(p.amount_pence), 0) FROM member_property p WHERE p.member_id = m.id
  AND p.kind = '$1' AND p.from_date <= '$as_at' AND (p.to_date IS NULL OR p.to_date > '$as_at'))"
}
REGISTER_SQL="SELECT m.member_no, m.name, m.address, m.postcode, m.email, m.email_purpose, m.entered_on,
  CASE WHEN m.ceased_on <= '$as_at' THEN m.ceased_on ELSE '' END,
  (SELECT coalesce(sum(o.shares), 0) FROM share_ops o WHERE o.member_id = m.id AND $STANDS),
  (SELECT coalesce(sum(CASE WHEN o.kind = 'issue' THEN o.amount_pence ELSE 0 END), 0)
     FROM share_ops o WHERE o.member_id = m.id AND $STANDS),
  $(held loan), $(held deposit), $(held other)
  FROM members m WHERE m.entered_on <= '$as_at' ORDER BY m.member_no;
SELECT count(*), sum(ceased_on IS NULL OR ceased_on > '$as_at') FROM members WHERE entered_on <= '$as_at';
SELECT coalesce(sum(o.shares), 0), coalesce(sum(CASE WHEN o.kind = 'issue' THEN o.amount_pence ELSE 0 END), 0)
  FROM share_ops o WHERE $STANDS;"
RP02_SQL="SELECT priority = 'emergency', count(*),
  sum(CASE WHEN length(target_at) = 10 THEN date(completed_at) <= target_at ELSE completed_at <= target_at END)
  FROM repairs WHERE completed_at >= '${year_start}T00:00:00Z' AND completed_at < '${today}T00:00:00Z' GROUP BY 1;"
# The arrears document's equivalent: what it prints for each current
# tenancy in arrears today (home, tenants, start, balance, the rent in
# force) and the oldest charge not yet paid: the newest charges that add
# up to the balance, a charge and its reversal left out (as
# src/db/rent_dated.c reads them), by a window sum over each account's rows.
ARREARS_SQL="WITH b AS (
  SELECT t.id AS tid, t.home_id AS home_id, t.start_date AS start_date,
    (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id ORDER BY l.id DESC LIMIT 1) AS bal
  FROM tenancies t WHERE t.start_date <= '$today' AND t.end_date IS NULL),
owed AS (
  SELECT b.tid AS tid, l.entry_date AS d, l.amount_pence AS amt, b.bal AS bal,
    sum(l.amount_pence) OVER (PARTITION BY b.tid ORDER BY l.entry_date DESC, l.id DESC) AS cum
  FROM b JOIN rent_ledger l ON l.tenancy_id = b.tid
  WHERE b.bal > 0 AND l.entry_date <= '$today' AND l.amount_pence > 0
    AND NOT EXISTS (SELECT 1 FROM rent_entry_details x WHERE x.reverses_id = l.id)
    AND NOT EXISTS (SELECT 1 FROM rent_entry_details d WHERE d.entry_id = l.id AND d.reverses_id IS NOT NULL)),
oldest AS (SELECT tid, min(d) AS d FROM owed WHERE cum - amt < bal GROUP BY tid)
SELECT b.tid, h.ref,
  coalesce((SELECT group_concat(name, ', ') FROM (SELECT m.name FROM tenancy_signatories s
     JOIN members m ON m.id = s.member_id WHERE s.tenancy_id = b.tid ORDER BY s.id)), ''),
  b.start_date, b.bal,
  (SELECT r.period || ' ' || r.amount_pence FROM rent_rates r WHERE r.home_id = b.home_id
     AND r.effective_from <= '$today' ORDER BY r.effective_from DESC LIMIT 1),
  o.d
FROM b JOIN homes h ON h.id = b.home_id LEFT JOIN oldest o ON o.tid = b.tid
WHERE b.bal > 0 ORDER BY b.bal DESC, b.tid DESC;"
# And, to show what the oldest unpaid charge costs, the balances alone.
BALANCES_SQL="SELECT t.id, h.ref, b.bal FROM (SELECT t.id AS tid,
  (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id ORDER BY l.id DESC LIMIT 1) AS bal
  FROM tenancies t) b JOIN tenancies t ON t.id = b.tid JOIN homes h ON h.id = t.home_id
  WHERE b.bal > 0 ORDER BY b.bal DESC;"

# one NAME DB ROWS_SQL SQL COOPDESK-ARGS...
one() {
	name=$1 db=$2 rows_sql=$3 sql=$4
	shift 4
	cat "$db" > /dev/null
	: > "/tmp/bench-rep.$$.c" ; : > "/tmp/bench-rep.$$.f"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		ms "$BIN" --db "$db" report "$@" >> "/tmp/bench-rep.$$.c"
		ms sqlite3 "$db" "$sql" >> "/tmp/bench-rep.$$.f"
		i=$((i + 1))
	done
	echo "report $name $(sqlite3 "$db" "$rows_sql") $(median < "/tmp/bench-rep.$$.c") $(median < "/tmp/bench-rep.$$.f")"
	rm -f "/tmp/bench-rep.$$.c" "/tmp/bench-rep.$$.f"
}

one register "$big" "SELECT count(*) FROM members WHERE entered_on <= '$as_at'" "$REGISTER_SQL" \
	register --as-at "$as_at"
one rp02 "$big" "SELECT count(*) FROM repairs" "$RP02_SQL" rp02 --from "$year_start" --to "$today"
one arrears "$ledger" "SELECT count(*) FROM rent_ledger" "$ARREARS_SQL" arrears
one balances "$ledger" "SELECT count(*) FROM rent_ledger" "$BALANCES_SQL" arrears
