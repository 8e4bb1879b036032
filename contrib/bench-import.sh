#!/bin/sh
# contrib/bench-import.sh: coopdesk import members of a large spreadsheet
# (ROWS members, default 100,000), against the floor: the sqlite3 shell's
# .import of the same file into a plain table with no checks, no audit
# and no shares; and the anchor: the same rows inserted set-based into a
# new co-op's schema with its triggers. Prints the times (doc/bench.md),
# then a line "import members ROWS COOPDESK_MS PLAIN_MS ANCHOR_MS" for
# contrib/bench.sh.
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
coopdesk_ms=$(( (t1 - t0) / 1000000 ))
got=$(sqlite3 "$db" 'SELECT count(*) FROM members')
shares=$(sqlite3 "$db" 'SELECT count(*) FROM share_ops')
audit=$(sqlite3 "$db" "SELECT count(*) FROM audit WHERE table_name = 'members'")
echo "coopdesk import members: $coopdesk_ms ms ($got members, $shares shares, $audit audit rows of members)"
[ "$got" -eq "$ROWS" ] || { echo "expected $ROWS members" >&2; exit 1; }

t0=$(now_ns)
sqlite3 "$plain" '.mode csv' ".import $csv members"
t1=$(now_ns)
plain_ms=$(( (t1 - t0) / 1000000 ))
echo "sqlite3 .import (plain table): $plain_ms ms ($(sqlite3 "$plain" 'SELECT count(*) FROM members') rows)"

# The anchor: the same rows put set-based into a new co-op's own schema,
# every trigger firing (the audit trail, the search index, the counts, the
# share numbering), from the same file loaded by .import into a scratch
# table: what coopdesk's import costs at the least, with its rows.
anchor=$DIR/import-anchor.db
rm -f "$anchor" "$anchor-wal" "$anchor-shm"
printf 'bench-import-pass-1\n' | "$BIN" --db "$anchor" init --name "Bench Co-op" > /dev/null
UUID="lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)
  || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"
ISO() { echo "substr($1, 7, 4) || '-' || substr($1, 4, 2) || '-' || substr($1, 1, 2)"; }
t0=$(now_ns)
sqlite3 "$anchor" > /dev/null <<SQL
CREATE TEMP TABLE raw (no, name, address, postcode, email, phone, dob, joined);
.import --csv --skip 1 $csv raw
BEGIN;
INSERT OR REPLACE INTO audit_context (id, user_id, actor) VALUES (1, NULL, 'bench');
INSERT INTO members (uuid, member_no, name, sort_name, address, postcode, email, email_purpose,
                     phone, date_of_birth, entered_on)
  SELECT $UUID, CAST(no AS INTEGER), name,
         lower(substr(name, instr(name, ' ') + 1) || ', ' || substr(name, 1, instr(name, ' ') - 1)),
         address, postcode, nullif(email, ''),
         CASE WHEN email <> '' THEN 'co-op business (imported)' END, phone, $(ISO dob), $(ISO joined) FROM raw;
INSERT INTO share_ops (uuid, op_no, member_id, kind, shares, amount_pence, op_date)
  SELECT $UUID, m.member_no, m.id, 'issue', 1,
         (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'share_value'), m.entered_on
    FROM members m ORDER BY m.member_no;
COMMIT;
SQL
t1=$(now_ns)
anchor_ms=$(( (t1 - t0) / 1000000 ))
echo "anchor, set-based with the schema's triggers: $anchor_ms ms" \
     "($(sqlite3 "$anchor" 'SELECT count(*) FROM members') members," \
     "$(sqlite3 "$anchor" "SELECT count(*) FROM audit WHERE table_name = 'members'") audit rows of members)"

t0=$(now_ns)
"$BIN" --db "$db" check > /dev/null
t1=$(now_ns)
echo "coopdesk check afterwards: $(( (t1 - t0) / 1000000 )) ms"
echo "import members $ROWS $coopdesk_ms $plain_ms $anchor_ms"
