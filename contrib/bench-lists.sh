#!/bin/sh
# The registers' lists at scale (doc/bench.md): on the big co-op, the work
# of each key (COOPDESK_TIMINGS), medians of RUNS sessions: the first
# screen (the last key of those that open the list), G (its last row) and,
# where the list has one, a search (the last key of a name typed after /;
# "-" where it has none), beside the sqlite3 shell reading the same first
# page (the floor, the whole process), and the session's peak RSS. The
# lists: members (3), homes (2), the share register (3 w), meetings (5),
# the arrears list (1 R) and one tenancy's rent account, the largest
# arrears (1 R Enter; G in its rows after Tab).
# Prints lines "list NAME ROWS FIRST_MS FLOOR_MS G_MS SEARCH_MS RSS_KIB".
# Usage: bench-lists.sh BIG_DB
set -eu
cd "$(dirname "$0")/.."
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
RUNS=${RUNS:-7}
DIR=${BENCH_DIR:-build/bench}
big=$1
export LANG=C.UTF-8 TZ=UTC
now_ns() { date +%s%N; }
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else print a[int((NR + 1) / 2)] }'; }
ms() { t0=$(now_ns); "$@" > /dev/null 2>&1; t1=$(now_ns); echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.1f\n", $1 / 1000 }'; }
LOGIN='board<Enter>board-demo-1<Enter>'
S="$DIR/scripts"
mkdir -p "$S"

# one NAME "KEYS" WORD ROWS_SQL FIRST_SQL: KEYS open the list (the last
# one is timed), then Tab when the list is a record's rows (KEYS ending in
# <Enter>), then G; WORD is searched for unless it is "-".
one() {
	name=$1 keys=$2 word=$3 rows_sql=$4 sql=$5
	{
		printf '%s\n' "$LOGIN"
		for k in $keys; do printf '%s\n' "$k"; done
		case "$keys" in *"<Enter>") printf '<Tab>\n' ;; esac
		printf 'G\n'
		[ "$word" = - ] || printf '/%s\n<Enter>\n' "$word"
		printf ':quit\n'
	} > "$S/list-$name.txt"
	last=${keys##* }
	nkeys=$(echo "$keys" | wc -w)
	: > "$DIR/l.first" ; : > "$DIR/l.floor" ; : > "$DIR/l.g" ; : > "$DIR/l.search" ; : > "$DIR/l.rss"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		COOPDESK_TIMINGS="$DIR/t-list" "$BIN" --db "$big" --script "$S/list-$name.txt" --headless \
			--size 80x24 > /dev/null
		# The login's keys come first: the opening keys are the ones
		# after its second <Enter>.
		awk -v n="$nkeys" -v k="$last" '$1 != "key" { next }
		     !in_ && $2 == "<Enter>" && ++e == 2 { in_ = 1; next }
		     in_ && ++c == n { if ($2 == k) print $3; exit }' "$DIR/t-list" >> "$DIR/l.first"
		awk '$1 == "key" && $2 == "G" { print $3; exit }' "$DIR/t-list" >> "$DIR/l.g"
		if [ "$word" = - ]; then
			echo nan >> "$DIR/l.search"
		else
			awk '$1 == "key" && $2 == "/" { on = 1; next }
			     on && $1 == "key" && $2 != "<Enter>" { v = $3 }
			     on && $1 == "key" && $2 == "<Enter>" { print v; exit }' "$DIR/t-list" >> "$DIR/l.search"
		fi
		awk '$1 == "peak_rss_kib" { print $2 }' "$DIR/t-list" >> "$DIR/l.rss"
		ms sqlite3 "$big" "$sql" >> "$DIR/l.floor"
		i=$((i + 1))
	done
	search=$(median < "$DIR/l.search")
	[ "$word" = - ] && search=-
	echo "list $name $(sqlite3 "$big" "$rows_sql") $(median < "$DIR/l.first") $(median < "$DIR/l.floor")" \
	     "$(median < "$DIR/l.g") $search $(median < "$DIR/l.rss")"
}

member=$(sqlite3 "$big" "SELECT substr(name, 1, instr(name || ' ', ' ') - 1) FROM members ORDER BY member_no DESC LIMIT 1")
street=$(sqlite3 "$big" "SELECT ref FROM homes ORDER BY id DESC LIMIT 1")
one members "3" "$member" "SELECT count(*) FROM members" \
	"SELECT member_no, name, address, postcode, entered_on FROM members ORDER BY member_no LIMIT 60;"
one homes "2" "$street" "SELECT count(*) FROM homes" \
	"SELECT h.ref, h.address, t.start_date FROM homes h LEFT JOIN tenancies t ON t.home_id = h.id
	  AND t.end_date IS NULL ORDER BY h.ref LIMIT 60;"
# The share register has no search (a member's operations are on their
# entry); its floor is the first page with the running totals before it.
one shares "3 w" - "SELECT count(*) FROM share_ops" \
	"SELECT o.op_no, o.op_date, m.member_no, m.name, o.kind, o.shares, o.amount_pence,
	  sum(o.shares) OVER (ORDER BY o.op_no)
	  FROM share_ops o JOIN members m ON m.id = o.member_id ORDER BY o.op_no LIMIT 60;"
one meetings "5" - "SELECT count(*) FROM meetings" \
	"SELECT id, held_on, kind, title, notice_given_on, status FROM meetings
	  ORDER BY held_on DESC, id DESC LIMIT 60;"
# The arrears list sorts every current tenancy by what it owes today: its
# floor reads each one's balance (as contrib/bench-reports.sh's arrears).
one arrears "1 R" - "SELECT count(*) FROM tenancies WHERE end_date IS NULL" \
	"SELECT t.id, h.ref, b.bal FROM (SELECT t.id AS tid,
	  (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id ORDER BY l.id DESC LIMIT 1) AS bal
	  FROM tenancies t WHERE t.end_date IS NULL) b JOIN tenancies t ON t.id = b.tid
	  JOIN homes h ON h.id = t.home_id WHERE b.bal > 0 ORDER BY b.bal DESC LIMIT 60;"
# One rent account, the largest arrears (the first of that list): its
# record and first rows, then G in its rows.
top=$(sqlite3 "$big" "SELECT t.id FROM tenancies t WHERE t.end_date IS NULL
  ORDER BY (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id
            ORDER BY l.id DESC LIMIT 1) DESC, t.id DESC LIMIT 1")
one ledger "1 R <Enter>" - "SELECT count(*) FROM rent_ledger WHERE tenancy_id = ${top:-0}" \
	"SELECT id, entry_date, kind, amount_pence, balance_pence, description FROM rent_ledger
	  WHERE tenancy_id = ${top:-0} ORDER BY id DESC LIMIT 60;"
