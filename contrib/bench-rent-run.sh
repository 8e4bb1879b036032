#!/bin/sh
# The rent run at scale (doc/bench.md): for N tenancies (default 2,000 and
# 20,000), made with the sqlite3 shell in a co-op made by `coopdesk init`
# (one home, one weekly rent and one current tenancy each), times
#   - a week of charges: `coopdesk rent post` for one week of rent, the
#     tenancies having been charged up to the week before;
#   - a year of charges: the same co-op's tenancies from a year ago, never
#     charged, posted in one run;
# and checks that each run wrote one audit row per charge, and that
# `coopdesk check` finds the result sound.
# Prints lines "rent-run N week|year MS CHARGES" for contrib/bench.sh, and
# keeps the co-ops (rent-N-year.db: a year of charges, for the reports).
set -eu
cd "$(dirname "$0")/.."
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
DIR=${BENCH_DIR:-build/bench}
SIZES=${RENT_SIZES:-2000 20000}
export LANG=C.UTF-8 TZ=UTC
mkdir -p "$DIR"
now_ns() { date +%s%N; }
today=$(date -u +%Y-%m-%d)
# The Monday on or before today: a week's rent falls due on it.
dow=$(date -u +%u)
monday=$(date -u -d "$today -$((dow - 1)) days" +%Y-%m-%d)
year_ago=$(date -u -d "$monday -364 days" +%Y-%m-%d)
week_ago=$(date -u -d "$monday -7 days" +%Y-%m-%d)

# make DB N START: N homes at £95 to £144 a week, each let from START.
make_db() {
	rm -f "$1" "$1-wal" "$1-shm"
	printf 'bench-pass-1\n' | "$BIN" --db "$1" init --name "Bench Co-op" > /dev/null
	sqlite3 "$1" > /dev/null <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO homes (uuid, ref, address, street)
SELECT lower(printf('%08x-0000-4000-8000-%012x', i, i)), printf('H%05d', i),
       printf('%d Bench Street', i), 'Bench Street' FROM n;
INSERT INTO rent_rates (home_id, effective_from, period, amount_pence)
SELECT id, '2020-01-06', 'weekly', 9500 + (id % 50) * 100 FROM homes;
INSERT INTO tenancies (uuid, home_id, start_date)
SELECT lower(printf('%08x-0000-4000-9000-%012x', id, id)), id, '$3' FROM homes;
INSERT INTO members (uuid, member_no, name, sort_name, address, entered_on)
SELECT lower(printf('%08x-0000-4000-a000-%012x', id, id)), id, printf('Tenant %d', id),
       printf('tenant %d', id), address, '2019-01-07' FROM homes;
INSERT INTO share_ops (uuid, op_no, member_id, kind, shares, amount_pence, op_date)
SELECT lower(printf('%08x-0000-4000-b000-%012x', id, id)), id, id, 'issue', 1, 100, '2019-01-07'
  FROM members ORDER BY id;
INSERT INTO tenancy_signatories (tenancy_id, member_id) SELECT id, home_id FROM tenancies;
COMMIT;
SQL
}

for n in $SIZES; do
	for what in year week; do
		db="$DIR/rent-$n-$what.db"
		if [ "$what" = year ]; then
			make_db "$db" "$n" "$year_ago"
		else
			make_db "$db" "$n" "$week_ago"
			# Charged up to the week before: the run then posts one week.
			"$BIN" --db "$db" rent post --through "$week_ago" > /dev/null
		fi
		a0=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE table_name = 'rent_ledger'")
		c0=$(sqlite3 "$db" "SELECT count(*) FROM rent_ledger")
		t0=$(now_ns)
		"$BIN" --db "$db" rent post --through "$monday" > "$DIR/rent-$n-$what.log"
		t1=$(now_ns)
		a1=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE table_name = 'rent_ledger'")
		c1=$(sqlite3 "$db" "SELECT count(*) FROM rent_ledger")
		if [ $((a1 - a0)) -ne $((c1 - c0)) ]; then
			echo "rent run: $((c1 - c0)) charges but $((a1 - a0)) audit rows" >&2
			exit 1
		fi
		echo "rent-run $n $what $(( (t1 - t0) / 1000000 )) $((c1 - c0))"
		"$BIN" --db "$db" check > "$DIR/rent-$n-$what-check.log" 2>&1 || {
			echo "rent run: coopdesk check found faults in $db" >&2; exit 1; }
	done
done
