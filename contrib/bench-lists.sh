#!/bin/sh
# The registers' lists at scale (doc/bench.md): on the big co-op, for the
# members (key 3) and the homes (key 2), the work of each key
# (COOPDESK_TIMINGS), medians of RUNS sessions: the first screen (the key
# that opens the list), G (its last row) and a search (the last key of a
# name typed after /), beside the sqlite3 shell reading the same first
# page (the floor, the whole process), and the session's peak RSS.
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

# one NAME KEY WORD ROWS_SQL FIRST_SQL
one() {
	name=$1 key=$2 word=$3 rows_sql=$4 sql=$5
	printf '%s\n%s\nG\n/%s\n<Enter>\n:quit\n' "$LOGIN" "$key" "$word" > "$S/list-$name.txt"
	: > "$DIR/l.first" ; : > "$DIR/l.floor" ; : > "$DIR/l.g" ; : > "$DIR/l.search" ; : > "$DIR/l.rss"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		COOPDESK_TIMINGS="$DIR/t-list" "$BIN" --db "$big" --script "$S/list-$name.txt" --headless \
			--size 80x24 > /dev/null
		awk -v k="$key" '$1 == "key" && $2 == k && !done { print $3; done = 1 }' "$DIR/t-list" >> "$DIR/l.first"
		awk '$1 == "key" && $2 == "G" { print $3; exit }' "$DIR/t-list" >> "$DIR/l.g"
		awk '$1 == "key" && $2 == "/" { on = 1; next } on && $1 == "key" && $2 != "<Enter>" { v = $3 }
		     on && $1 == "key" && $2 == "<Enter>" { print v; exit }' "$DIR/t-list" >> "$DIR/l.search"
		awk '$1 == "peak_rss_kib" { print $2 }' "$DIR/t-list" >> "$DIR/l.rss"
		ms sqlite3 "$big" "$sql" >> "$DIR/l.floor"
		i=$((i + 1))
	done
	echo "list $name $(sqlite3 "$big" "$rows_sql") $(median < "$DIR/l.first") $(median < "$DIR/l.floor")" \
	     "$(median < "$DIR/l.g") $(median < "$DIR/l.search") $(median < "$DIR/l.rss")"
}

member=$(sqlite3 "$big" "SELECT substr(name, 1, instr(name || ' ', ' ') - 1) FROM members ORDER BY member_no DESC LIMIT 1")
street=$(sqlite3 "$big" "SELECT ref FROM homes ORDER BY id DESC LIMIT 1")
one members 3 "$member" "SELECT count(*) FROM members" \
	"SELECT member_no, name, address, postcode, entered_on FROM members ORDER BY member_no LIMIT 60;"
one homes 2 "$street" "SELECT count(*) FROM homes" \
	"SELECT h.ref, h.address, t.start_date FROM homes h LEFT JOIN tenancies t ON t.home_id = h.id
	  AND t.end_date IS NULL ORDER BY h.ref LIMIT 60;"
