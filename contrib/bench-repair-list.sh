#!/bin/sh
# make bench, second part: the open repairs by target date on the big
# co-op that contrib/bench.sh made (BENCH_DIR, build/bench by default):
# the work of each key (COOPDESK_TIMINGS), medians of RUNS sessions:
#   - s: the list sorted by target date, its first page;
#   - G: its last page;
#   - a search typed in it (the last key of the phrase, then a common word);
#   - each filter f cycles through, its first page (f) and last page (G);
#   - one contractor's repairs (w, the name, Enter) and their last page.
# Target: every key under 10 ms, a search under 50 ms (doc/bench.md).
set -eu
cd "$(dirname "$0")/.."
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
DIR=${BENCH_DIR:-build/bench}
RUNS=${RUNS:-7}
export LANG=C.UTF-8 TZ=UTC
# The interface is timed, not the automatic daily backup (a big co-op's
# copy and its check would land in the first start and in $HOME).
export COOPDESK_DAILY_BACKUP=off
big="$DIR/big.db"
S="$DIR/scripts"
mkdir -p "$S"
[ -f "$big" ] || { echo "no $big: run make bench (contrib/bench.sh) first" >&2; exit 1; }

FILTERS="overdue all reported triaged assigned in-progress completed closed cancelled
emergency urgent routine planned right-to-repair damp-and-mould open"
# The session: each key on a line of its own; labels.txt names the keys
# measured, in the order they come.
{
	printf 'board<Enter>board-demo-1<Enter>\n4\ns\nG\ng\n'
	printf '/quince skirting\n<Enter>\n/\n<Esc>\n/mould\n<Enter>\n/\n<Esc>\n'
	for f in $FILTERS; do printf 'f\nG\ng\n'; done
	printf 'w\npennine\n<Enter>\nG\n:quit\n'
} > "$S/target.txt"
{
	echo "first page (s)"; echo "last page (G)"
	echo "search \"quince skirting\" (last key)"; echo "search \"mould\" (last key)"
	for f in $FILTERS; do echo "filter $f: first page"; echo "filter $f: last page"; done
	echo "one contractor's (Enter)"; echo "  their last page (G)"
} > "$S/target-labels.txt"

# The keys measured, from one session's timings, one a line.
measured() {
	awk '$1 == "key" && $2 == "4" { on = 1; next }
	     !on || $1 != "key" { next }
	     { k = $2; v = $3 }
	     k == "s" && !s { s = 1; print v; next }
	     k == "G" && !gdone { gdone = 1; print v; next }
	     k == "<Enter>" && inq { print last; inq = 0; next }
	     k == "<Esc>" && inq { inq = 0; next }
	     k == "/" { inq = 1; next }
	     inq { last = v; next }
	     k == "f" { print v; next }
	     k == "G" { print v; next }
	     k == "<Enter>" { print v; next }' "$1"
}

i=0
: > "$DIR/target-all.txt"
while [ "$i" -lt "$RUNS" ]; do
	COOPDESK_TIMINGS="$DIR/t-target" "$BIN" --db "$big" --script "$S/target.txt" --headless \
		--size 80x24 > /dev/null
	measured "$DIR/t-target" | awk -v run="$i" '{ print NR, $1 }' >> "$DIR/target-all.txt"
	i=$((i + 1))
done
echo
echo "the open repairs by target date, $(sqlite3 "$big" 'SELECT count(*) FROM repairs WHERE is_open')" \
     "open of $(sqlite3 "$big" 'SELECT count(*) FROM repairs'); work of the key, medians of $RUNS"
sort -k1,1n -k2,2g "$DIR/target-all.txt" | awk -v runs="$RUNS" '
	{ v[$1, ++n[$1]] = $2; if ($1 > max) max = $1 }
	END { for (k = 1; k <= max; k++) print k, v[k, int((n[k] + 1) / 2)], v[k, n[k]] }' |
	paste -d'|' "$S/target-labels.txt" - | awk -F'|' '{
		split($2, a, " ");
		lim = ($1 ~ /^search/) ? 50 : 10;
		printf "  %-42s %8.2f ms  (slowest %6.2f)  < %d ms: %s\n", $1, a[2], a[3], lim,
			(a[2] < lim ? "met" : "MISSED");
	}'
