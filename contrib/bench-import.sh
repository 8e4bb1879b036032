#!/bin/sh
# contrib/bench-import.sh: coopdesk import members of a large spreadsheet
# (ROWS members, default 100,000), against the floor: the sqlite3 shell's
# .import of the same file into a plain table with no checks, no audit
# and no shares. Prints both times (doc/bench.md).
#   sh contrib/bench-import.sh            ROWS=20000 sh contrib/bench-import.sh
set -eu
cd "$(dirname "$0")/.."
BIN=${COOPDESK_BIN:-$(pwd)/coopdesk}
DIR=${BENCH_DIR:-build/bench}
ROWS=${ROWS:-100000}
export LANG=C.UTF-8 TZ=UTC
mkdir -p "$DIR"
csv=$DIR/import-members.csv
db=$DIR/import.db
plain=$DIR/import-plain.db

now_ns() { date +%s%N; }

# A register as a spreadsheet saves it: a BOM, CR LF, quoted addresses with
# commas, dd/mm/yyyy dates, an email for every other member.
awk -v n="$ROWS" 'BEGIN {
	printf "\357\273\277Member No,Name,Address,Postcode,Email,Phone,Date of Birth,Date Joined\r\n"
	split("Ann Bola Ceri Dafydd Efe Ffion Gita Hamza Iwan Jola Kofi Lena", first, " ")
	split("Okafor Jones Wróbel Patel Murphy Hassan Evans Price Mensah Doyle", last, " ")
	for (i = 1; i <= n; i++) {
		name = first[i % 12 + 1] " " last[int(i / 12) % 10 + 1]
		email = (i % 2) ? sprintf("member%d@example.org", i) : ""
		printf "%d,%s,\"%d Long Street, Leeds\",LS%d %dAB,%s,07700 %06d,%02d/%02d/%d,%02d/%02d/%d\r\n",
			i, name, i, i % 30 + 1, i % 9 + 1, email, i % 1000000,
			i % 28 + 1, i % 12 + 1, 1940 + i % 40, i % 28 + 1, i % 12 + 1, 2006 + i % 19
	}
}' > "$csv"
echo "$ROWS members in $csv ($(du -k "$csv" | cut -f1) KiB)"

rm -f "$db" "$db-wal" "$db-shm" "$plain"
printf 'bench-import-pass-1\n' | "$BIN" --db "$db" init --name "Bench Co-op" > /dev/null
t0=$(now_ns)
"$BIN" --db "$db" import members "$csv"
t1=$(now_ns)
got=$(sqlite3 "$db" 'SELECT count(*) FROM members')
shares=$(sqlite3 "$db" 'SELECT count(*) FROM share_ops')
audit=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE table_name = 'members'")
echo "coopdesk import members: $(( (t1 - t0) / 1000000 )) ms ($got members, $shares shares, $audit audit rows of members)"
[ "$got" -eq "$ROWS" ] || { echo "expected $ROWS members" >&2; exit 1; }

t0=$(now_ns)
sqlite3 "$plain" '.mode csv' ".import $csv members"
t1=$(now_ns)
echo "sqlite3 .import (plain table): $(( (t1 - t0) / 1000000 )) ms ($(sqlite3 "$plain" 'SELECT count(*) FROM members') rows)"

t0=$(now_ns)
"$BIN" --db "$db" check > /dev/null
t1=$(now_ns)
echo "coopdesk check afterwards: $(( (t1 - t0) / 1000000 )) ms"
