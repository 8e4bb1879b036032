#!/bin/sh
# make bench: coopdesk on a very large co-op, against the sqlite3 shell
# running the equivalent queries (the floor).
#
# Makes (once, then reuses while the binary's version and the sizes are the
# same) a co-op of 20,000 homes, 40,000 members and 1,000,000 repairs, and
# one of 10,000 repairs for the memory comparison. Then, each a median of
# RUNS runs:
#   - start to the first Repairs screen, whole process, and the floor: the
#     sqlite3 shell reading the same first page;
#   - jump to the last row: the work of the G key (COOPDESK_TIMINGS);
#   - a phrase search matching one repair near the end: the work of the
#     last key of the search;
#   - peak RSS of a session doing all three, on both co-ops.
# Sizes can be changed: HOMES=… MEMBERS=… REPAIRS=… RUNS=… make bench
set -eu
cd "$(dirname "$0")/.."
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
DIR=${BENCH_DIR:-build/bench}
# BENCH_QUICK=1: a developer's check in under two minutes, at a tenth of
# the homes and a fiftieth of the repairs.
if [ "${BENCH_QUICK:-0}" = 1 ]; then
	HOMES=${HOMES:-2000}
	MEMBERS=${MEMBERS:-4000}
	REPAIRS=${REPAIRS:-20000}
	RUNS=${RUNS:-3}
	RENT_SIZES=${RENT_SIZES:-"500 2000"}
	IMPORT_SIZES=${IMPORT_SIZES:-"2000 10000"}
	DIR=${BENCH_DIR:-build/bench-quick}
else
	HOMES=${HOMES:-20000}
	MEMBERS=${MEMBERS:-40000}
	REPAIRS=${REPAIRS:-1000000}
	RUNS=${RUNS:-7}
	RENT_SIZES=${RENT_SIZES:-"2000 20000"}
	IMPORT_SIZES=${IMPORT_SIZES:-"20000 100000"}
fi
PHRASE="quince skirting"
export LANG=C.UTF-8 TZ=UTC
# The interface is timed, not the automatic daily backup (a big co-op's
# copy and its check would land in the first start and in $HOME).
export COOPDESK_DAILY_BACKUP=off
mkdir -p "$DIR"

now_ns() { date +%s%N; }

# make_coop FILE HOMES MEMBERS REPAIRS: generates unless an up-to-date copy exists.
make_coop() {
	file=$1 stamp="$1.stamp"
	want="$("$BIN" --version) $2 $3 $4"
	if [ -f "$file" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
		return 0
	fi
	rm -f "$file" "$file-wal" "$file-shm" "$stamp"
	echo "making $file: $2 homes, $3 members, $4 repairs (once; it is kept)" >&2
	t0=$(now_ns)
	"$BIN" demo "$file" --homes "$2" --members "$3" --repairs "$4" --progress > "$file.log" \
		2> "$file.err" ||
		{ cat "$file.err" >&2; exit 1; }
	# One repair near the end carries the phrase the search looks for.
	sqlite3 "$file" "UPDATE repairs SET title = 'Quince-coloured skirting board rattles'
	                  WHERE id = (SELECT max(id) - 5 FROM repairs)"
	sqlite3 "$file" 'PRAGMA wal_checkpoint(TRUNCATE)' > /dev/null
	t1=$(now_ns)
	echo "  made in $(( (t1 - t0) / 1000000 )) ms, $(du -m "$file" | cut -f1) MiB" >&2
	echo "$want" > "$stamp"
	# The whole time, and the people's part (the demo says it on the way).
	echo "$(( (t1 - t0) / 1000000 )) $(sed -n 's/.*people, rent and meetings done (\([0-9.]*\) s).*/\1/p' \
		"$file.err" | tail -1)" > "$file.made"
}

# median of the numbers on stdin
median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else print a[int((NR + 1) / 2)] }'; }

# time_ms COMMAND...: wall time of one run, in ms.
time_ms() {
	t0=$(now_ns)
	"$@" > /dev/null 2>&1
	t1=$(now_ns)
	echo "$(( (t1 - t0) / 1000 ))" | awk '{ printf "%.3f\n", $1 / 1000 }'
}

# run_script DB SCRIPT TIMINGS: coopdesk headless on a script, timings kept.
run_script() {
	COOPDESK_TIMINGS=$3 "$BIN" --db "$1" --script "$2" --headless --size 80x24
}

BENCH_T0=$(now_ns)
# phase NAME: the seconds since the last phase, kept for the end.
PHASE_T=$BENCH_T0
: > "$DIR/phases.txt"
phase() {
	t=$(now_ns)
	echo "$1 $(( (t - PHASE_T) / 1000000000 ))" >> "$DIR/phases.txt"
	PHASE_T=$t
}
make_coop "$DIR/big.db" "$HOMES" "$MEMBERS" "$REPAIRS"
make_coop "$DIR/small.db" 100 200 10000
phase "the co-ops made (or kept)"

S="$DIR/scripts"
mkdir -p "$S"
# Every session starts by logging in as the demo's board user.
LOGIN='board<Enter>board-demo-1<Enter>'
printf '%s\n4\n:quit\n' "$LOGIN" > "$S/first.txt"
printf '%s\n4\nG\n:quit\n' "$LOGIN" > "$S/last.txt"
printf '%s\n4\n/%s\n<Enter>\n:quit\n' "$LOGIN" "$PHRASE" > "$S/search.txt"
printf '%s\n4\nG\n/%s\n<Enter>\n:dump %s\n:quit\n' "$LOGIN" "$PHRASE" "$S/screen.txt" > "$S/all.txt"

# The first page the Repairs screen shows: open repairs, newest first.
FIRST_SQL="SELECT r.id, h.ref, r.priority, r.status, r.target_at, r.title
  FROM repairs r JOIN homes h ON h.id = r.home_id WHERE r.is_open ORDER BY r.id DESC LIMIT 60;"
LAST_SQL="SELECT r.id, h.ref, r.priority, r.status, r.target_at, r.title
  FROM repairs r JOIN homes h ON h.id = r.home_id WHERE r.is_open ORDER BY r.id LIMIT 60;"
SEARCH_SQL="SELECT r.id, h.ref, r.title FROM repairs_fts f JOIN repairs r ON r.id = f.rowid
  JOIN homes h ON h.id = r.home_id WHERE repairs_fts MATCH '\"quince\"* \"skirting\"*'
  ORDER BY r.id DESC LIMIT 60;"

big="$DIR/big.db"
# Warm the page cache the same way for both.
cat "$big" > /dev/null

i=0 ; : > "$DIR/start.txt" ; : > "$DIR/floor.txt" ; : > "$DIR/login.txt"
: > "$DIR/last.txt" ; : > "$DIR/lastfloor.txt" ; : > "$DIR/search.txt" ; : > "$DIR/searchfloor.txt"
while [ "$i" -lt "$RUNS" ]; do
	time_ms run_script "$big" "$S/first.txt" "$DIR/t-first" >> "$DIR/start.txt"
	# The second Enter logs in: yescrypt's deliberate cost, measured apart.
	awk '$1 == "key" && $2 == "<Enter>" { n++; if (n == 2) print $3 }' "$DIR/t-first" >> "$DIR/login.txt"
	time_ms sqlite3 "$big" "$FIRST_SQL" >> "$DIR/floor.txt"
	run_script "$big" "$S/last.txt" "$DIR/t-last"
	awk '$1 == "key" && $2 == "G" { print $3 }' "$DIR/t-last" >> "$DIR/last.txt"
	time_ms sqlite3 "$big" "$LAST_SQL" >> "$DIR/lastfloor.txt"
	run_script "$big" "$S/search.txt" "$DIR/t-search"
	# The key that completes the phrase is the last before Enter.
	awk '$1 == "key" && $2 == "4" { seen = 1; next }
	     seen && $1 == "key" && $2 != "<Enter>" { v = $3 } END { print v }' \
		"$DIR/t-search" >> "$DIR/search.txt"
	time_ms sqlite3 "$big" "$SEARCH_SQL" >> "$DIR/searchfloor.txt"
	i=$((i + 1))
done
search_max=$(awk '$1 == "key" && $2 == "4" { seen = 1; next }
	seen && $1 == "key" { if ($3 > m) m = $3 } END { print m + 0 }' "$DIR/t-search")

run_script "$big" "$S/all.txt" "$DIR/t-all-big"
run_script "$DIR/small.db" "$S/all.txt" "$DIR/t-all-small"
# The session's peak after logging in (the timings reset the high-water
# mark then), and the whole process's, password check included.
rss_big=$(awk '$1 == "peak_rss_kib" { print $2 }' "$DIR/t-all-big")
rss_small=$(awk '$1 == "peak_rss_kib" { print $2 }' "$DIR/t-all-small")
rss_login=$(awk '$1 == "login_peak_rss_kib" { print $2 }' "$DIR/t-all-big")
found=$(grep -c 'Quince' "$S/screen.txt" || true)

start=$(median < "$DIR/start.txt")
login=$(median < "$DIR/login.txt")
floor=$(median < "$DIR/floor.txt")
last=$(median < "$DIR/last.txt")
lastfloor=$(median < "$DIR/lastfloor.txt")
search=$(median < "$DIR/search.txt")
searchfloor=$(median < "$DIR/searchfloor.txt")

T="$DIR/table.txt"
: > "$T"
# row LABEL VALUE UNIT FLOOR RATIO TARGET: one line of the table.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >> "$T"; }
awk -v start="$start" -v login="$login" -v floor="$floor" -v last="$last" -v lastfloor="$lastfloor" \
    -v search="$search" -v searchfloor="$searchfloor" -v smax="$search_max" \
    -v rb="$rss_big" -v rs="$rss_small" -v rl="$rss_login" -v found="$found" 'BEGIN {
	OFS = "\t";
	print "Repairs: start to first screen (process)", sprintf("%.1f ms", start), "", "", "with the login";
	print "  of which checking the password", sprintf("%.1f ms", login), "", "", "yescrypt: slow on purpose";
	print "  the rest: start, Home, Repairs", sprintf("%.1f ms", start - login), sprintf("%.1f ms", floor),
		sprintf("%.2fx", (start - login) / floor),
		(start - login <= 1.5 * floor ? "<= 1.5x floor: met" : "<= 1.5x floor: MISSED");
	print "Repairs: G (work of the key)", sprintf("%.2f ms", last), sprintf("%.1f ms", lastfloor), "",
		(last < 5 ? "< 5 ms: met" : "< 5 ms: MISSED");
	print "Repairs: phrase search (last key)", sprintf("%.2f ms", search), sprintf("%.1f ms", searchfloor), "",
		(search < 10 ? "< 10 ms: met" : "< 10 ms: MISSED");
	print "  slowest key while typing it", sprintf("%.2f ms", smax), "", "", "";
	print "  the search found the repair", (found > 0 ? "yes" : "NO"), "", "", "";
	print "peak RSS while checking the password", sprintf("%.1f MiB", rl / 1024), "", "", "yescrypt scratch, freed after";
	print "peak RSS of the session, big co-op", sprintf("%.1f MiB", rb / 1024), "", "",
		(rb < 10240 ? "< 10 MiB: met" : "< 10 MiB: MISSED");
	print "peak RSS of the session, small co-op", sprintf("%.1f MiB", rs / 1024), "", sprintf("%.2fx", rb / rs),
		(rb <= rs * 1.10 ? "within 10%: met" : "within 10%: MISSED");
}' >> "$T"

phase "the Repairs list's sessions"
# Making the co-op, and the set-based anchor: the same repairs and events,
# and the audit rows of their moves, inserted by INSERT ... SELECT into a
# new co-op's schema with every trigger firing (audit, search, counts);
# the shell leaves foreign keys off, so homes and members need not be there.
# Its journal is in memory, as coopdesk demo's is while it builds a new file.
read made people < "$big.made" 2>/dev/null || { made=0; people=0; }
nrep=$(sqlite3 "$big" 'SELECT count(*) FROM repairs')
anchor="$DIR/anchor.db"
rm -f "$anchor" "$anchor-wal" "$anchor-shm"
printf 'anchor-pass-1\n' | "$BIN" --db "$anchor" init --name "Anchor" > /dev/null
cols=$(sqlite3 "$big" "SELECT group_concat(name, ', ') FROM pragma_table_info('repairs')")
t0=$(now_ns)
sqlite3 "$anchor" "ATTACH '$big' AS src; PRAGMA cache_size = -65536;
	PRAGMA main.journal_mode = MEMORY; BEGIN;
	INSERT INTO repairs ($cols) SELECT $cols FROM src.repairs ORDER BY id;
	INSERT INTO repair_events SELECT * FROM src.repair_events ORDER BY id;
	INSERT INTO audit (at, user_id, actor, table_name, row_id, action, before, after)
	  SELECT at, user_id, actor, table_name, row_id, action, before, after FROM src.audit
	   WHERE table_name = 'repairs' AND action = 'update' ORDER BY id;
	COMMIT;" > /dev/null
t1=$(now_ns)
anchor_ms=$(( (t1 - t0) / 1000000 ))
rm -f "$anchor" "$anchor-wal" "$anchor-shm"
phase "the co-op's set-based anchor"
awk -v made="$made" -v people="$people" -v n="$nrep" -v anchor="$anchor_ms" 'BEGIN {
	OFS = "\t"; rep = made / 1000 - people;
	if (made == 0) { print "making the co-op", "(kept from before)", "", "", ""; exit }
	print "making the co-op (coopdesk demo)", sprintf("%.0f s", made / 1000), "", "", "< 3 min";
	print "  people, rent and meetings", sprintf("%.0f s", people), "", "", "";
	print "  the repairs, their events and audit", sprintf("%.0f s", rep),
		sprintf("%.1f s", anchor / 1000), sprintf("%.1fx", rep / (anchor / 1000)),
		(rep <= 3 * anchor / 1000 ? "<= 3x anchor: met" : "<= 3x anchor: MISSED");
	print "  repairs a second", sprintf("%.0f", n / rep), sprintf("%.0f", n / (anchor / 1000)), "", "anchor: set-based";
}' >> "$T"

# The rent run at two sizes: linear when the charges of the larger take
# the same time each as the smaller's.
BENCH_DIR="$DIR" COOPDESK_BIN="$BIN" RENT_SIZES="$RENT_SIZES" sh contrib/bench-rent-run.sh > "$DIR/rent.txt"
phase "the rent co-ops and runs"
awk '{ OFS = "\t"; us = $4 * 1000 / $5; if (!base[$3]) base[$3] = us;
	print sprintf("rent run: a %s for %d tenancies", $3, $2), sprintf("%.2f s", $4 / 1000),
		sprintf("%d charges", $5), sprintf("%.1f us each", us),
		sprintf("%.2fx the smaller per charge: %s", us / base[$3],
			(us <= 1.5 * base[$3] ? "linear" : "NOT linear")) }' "$DIR/rent.txt" >> "$T"

# The reports, against hand-written queries; the arrears on the largest
# rent co-op, a year of charges.
largest=$(echo "$RENT_SIZES" | tr ' ' '\n' | tail -1)
RUNS="$RUNS" COOPDESK_BIN="$BIN" sh contrib/bench-reports.sh "$big" "$DIR/rent-$largest-year.db" > "$DIR/reports.txt"
phase "the reports and their queries"
awk '{ OFS = "\t"; what = "arrears as at today, ledger rows";
	if ($2 == "register") what = "register as at a day, members";
	if ($2 == "rp02") what = "RP02, a year, of repairs";
	if ($2 == "balances") {
		print "  beside the balances alone", "", sprintf("%.0f ms", $5), sprintf("%.2fx", $4 / $5),
			"no oldest unpaid charge: not the same work";
		next
	}
	print sprintf("report: %s %d", what, $3), sprintf("%.0f ms", $4), sprintf("%.0f ms", $5),
		sprintf("%.2fx", $4 / $5), ($4 <= 2 * $5 ? "<= 2x query: met" : "<= 2x query: MISSED") }' \
	"$DIR/reports.txt" >> "$T"
# The lists (members, homes, shares, meetings, arrears, a rent account):
# first screen, G, a search where there is one, peak RSS.
BENCH_DIR="$DIR" RUNS="$RUNS" COOPDESK_BIN="$BIN" sh contrib/bench-lists.sh "$big" > "$DIR/lists.txt"
phase "the other lists"
awk '{ OFS = "\t";
	print sprintf("%s (%d): first screen (the key)", $2, $3), sprintf("%.2f ms", $4),
		sprintf("%.1f ms", $5), "", ($4 <= 1.5 * $5 ? "<= 1.5x floor: met" : "<= 1.5x floor: MISSED");
	print sprintf("%s: G", $2), sprintf("%.2f ms", $6), "", "", ($6 < 5 ? "< 5 ms: met" : "< 5 ms: MISSED");
	if ($7 == "-")
		print sprintf("%s: a search", $2), "none", "", "", "the list has no search";
	else
		print sprintf("%s: a search (last key)", $2), sprintf("%.2f ms", $7), "", "",
			($7 < 10 ? "< 10 ms: met" : "< 10 ms: MISSED");
	print sprintf("%s: peak RSS of the session", $2), sprintf("%.1f MiB", $8 / 1024), "", "",
		($8 < 10240 ? "< 10 MiB: met" : "< 10 MiB: MISSED") }' "$DIR/lists.txt" >> "$T"
row "lists: the whole ledger" "no such list" "" "" "coopdesk export all writes it"
# Importing a members spreadsheet at two sizes: against the sqlite3
# shell's .import into a plain table and the set-based anchor with the
# schema's triggers (contrib/bench-import.sh); linear when the larger
# costs what the smaller does a row.
: > "$DIR/import.txt"
for n in $IMPORT_SIZES; do
	BENCH_DIR="$DIR/import-$n" ROWS="$n" COOPDESK_BIN="$BIN" sh contrib/bench-import.sh |
		grep '^import ' >> "$DIR/import.txt"
done
phase "the members imports and anchors"
# A bank statement's payments on the rent co-ops (a year of a payment a
# week for every tenancy: a million lines at 20,000), against the
# set-based anchor with the schema's triggers and .import.
: > "$DIR/payments.txt"
for n in $RENT_SIZES; do
	COOPDESK_BIN="$BIN" sh contrib/bench-payments.sh "$DIR/rent-$n-year.db" >> "$DIR/payments.txt"
done
phase "the bank statements and anchors"
# Both imports: lines "import KIND ROWS COOPDESK_MS PLAIN_MS ANCHOR_MS".
awk '{ OFS = "\t"; us = $4 * 1000 / $3; if (!base[$2]) base[$2] = us;
	what = $2 == "members" ? "members (coopdesk import)" : "bank payments, each matched";
	print sprintf("import: %d %s", $3, what), sprintf("%.2f s", $4 / 1000),
		sprintf("%.2f s", $6 / 1000), sprintf("%.2fx", $4 / $6),
		($4 <= 3 * $6 ? "<= 3x anchor: met" : "<= 3x anchor: MISSED");
	print "  sqlite3 .import into a plain table", sprintf("%.2f s", $5 / 1000), "", "", "";
	print "  a row", sprintf("%.1f us", us), "", "", sprintf("%.2fx the smaller: %s", us / base[$2],
		(us <= 1.5 * base[$2] ? "linear" : "NOT linear")) }' \
	"$DIR/import.txt" "$DIR/payments.txt" >> "$T"

BENCH_T1=$(now_ns)
echo
echo "coopdesk bench: $(sqlite3 "$big" 'SELECT count(*) FROM homes') homes," \
     "$(sqlite3 "$big" 'SELECT count(*) FROM members') members," \
     "$(sqlite3 "$big" 'SELECT count(*) FROM repairs') repairs," \
     "$(sqlite3 "$big" 'SELECT count(*) FROM repair_events') repair events;" \
     "rent runs at $RENT_SIZES tenancies; medians of $RUNS runs; $(nproc) cores," \
     "load $(cut -d' ' -f1 /proc/loadavg)"
awk -F'\t' 'BEGIN { printf "%-46s %16s %16s %20s  %s\n", "measure", "coopdesk", "floor/anchor", "ratio", "target" }
	{ printf "%-46s %16s %16s %20s  %s\n", $1, $2, $3, $4, $5 }' "$T"
echo "the bench took $(( (BENCH_T1 - BENCH_T0) / 1000000000 )) s (the co-op included when made):"
awk '{ s = $NF; $NF = ""; printf "  %-44s %5d s\n", $0, s }' "$DIR/phases.txt"

# The open repairs by target date: filters, search, first and last pages
# (the full bench only).
[ "${BENCH_QUICK:-0}" = 1 ] ||
	BENCH_DIR="$DIR" COOPDESK_BIN="$BIN" RUNS="$RUNS" sh contrib/bench-repair-list.sh
