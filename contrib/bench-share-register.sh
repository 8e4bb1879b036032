#!/bin/sh
# The share register's page, running totals included, on a big register:
# makes (once, kept in build/bench/) a co-op of 40,000 members and 50,000
# share operations (40,000 issues, 10,000 forfeits) straight into the
# schema with the sqlite3 shell, which is quicker than the demo for this
# one table, then times contrib/bench_share_page.c on it.
#   sh contrib/bench-share-register.sh     (or: make bench-shares)
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build/out}
DIR=${BENCH_DIR:-build/bench}
DB="$DIR/shares50k.db"
export LANG=C.UTF-8 TZ=UTC
mkdir -p "$DIR"
make --no-print-directory coopdesk "$BUILD/contrib/bench_share_page" > /dev/null
if [ ! -f "$DB" ]; then
	echo "making $DB (once; it is kept)" >&2
	printf 'bench-board-pass-1\n' | ./coopdesk --db "$DB.tmp" init --name "Big Share Register" > /dev/null
	sqlite3 "$DB.tmp" "
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
INSERT INTO members (uuid, member_no, name, sort_name, address, entered_on, ceased_on)
SELECT printf('00000000-0000-4000-8000-%012d', i), i, 'Member ' || i, 'member ' || i,
       i || ' Long Street, Rochdale', date('2000-01-01', '+' || (i / 10) || ' days'),
       CASE WHEN i % 4 = 0 THEN date('2000-01-01', '+' || (i / 10 + 100) || ' days') END
  FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40000)
INSERT INTO share_ops (uuid, op_no, member_id, kind, shares, amount_pence, op_date)
SELECT printf('10000000-0000-4000-8000-%012d', i), i, i, 'issue', 1, 100,
       date('2000-01-01', '+' || (i / 10) || ' days') FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO share_ops (uuid, op_no, member_id, kind, shares, amount_pence, op_date)
SELECT printf('20000000-0000-4000-8000-%012d', i), 40000 + i, i * 4, 'forfeit', -1, 100,
       date('2000-01-01', '+' || (i * 4 / 10 + 100) || ' days') FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
	mv "$DB.tmp" "$DB"
	rm -f "$DB.tmp-wal" "$DB.tmp-shm"
fi
cat "$DB" > /dev/null
"$BUILD/contrib/bench_share_page" "$DB" "${PAGE:-50}"
