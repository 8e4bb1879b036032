#!/bin/sh
# coopdesk report and coopdesk export on the demo co-op: the register as
# it stood on a day against counts made here with the sqlite3 shell, the
# inspection copy, CSV's byte-order mark, quoting and formula cells, bad
# dates refused in words, the exports' header rows, and -o FILE.
. "$(dirname "$0")/lib.sh"

# q SQL: one value from the demo's database.
q() { sqlite3 "$DB" "$1"; }

# same NAME GOT WANT
same() {
	if [ "$2" = "$3" ]; then ok "$1 ($2)"; else not_ok "$1 (got '$2', wanted '$3')"; fi
}

# n COUNT ONE MANY: "1 entry", "2 entries".
n() { if [ "$1" = 1 ]; then echo "1 $2"; else echo "$1 $3"; fi; }

# uk ISO: dd/mm/yyyy, as the report shows a date.
uk() { echo "$1" | awk -F- '{ print $3 "/" $2 "/" $1 }'; }

DB="$TMP/demo.db"
"$BIN" demo "$DB" --seed 1 > /dev/null 2>&1 || not_ok "the demo co-op was not made"

expect "report --help exits 0" 0 "$BIN" report --help
contains "and names the documents" "$TMP/out" "shareholding MEMBER_NO"
expect "export --help exits 0" 0 "$BIN" export --help
contains "and says exports are CSV" "$TMP/out" "RFC 4180"
expect "coopdesk --help lists report and export" 0 "$BIN" --help
contains "report" "$TMP/out" "report register|shares|officers|participation|shareholding"
contains "export" "$TMP/out" "export members|shares|officers|participation"

# ---- the register as it stood on a day, against sqlite3's count ----------
# A member is on the register from the day entered; at the end of the day
# they ceased they are a former member (their share forfeited that day).
# A share operation counts if it stands: neither a reversal nor reversed.
STANDS="kind <> 'reversal' AND id NOT IN (SELECT reverses_id FROM share_ops
	WHERE reverses_id IS NOT NULL)"
first_ceased=$(q "SELECT min(ceased_on) FROM members")
day_before=$(q "SELECT date('$first_ceased', '-1 day')")
middle=$(q "SELECT entered_on FROM members ORDER BY entered_on DESC LIMIT 1 OFFSET 3")
last_ceased=$(q "SELECT max(ceased_on) FROM members")
today=$(date +%F)
for day in "$day_before" "$first_ceased" "$middle" "$last_ceased" "$today"; do
	shown=$(uk "$day")
	entries=$(q "SELECT count(*) FROM members WHERE entered_on <= '$day'")
	members=$(q "SELECT count(*) FROM members WHERE entered_on <= '$day'
	                AND (ceased_on IS NULL OR ceased_on > '$day')")
	shares=$(q "SELECT coalesce(sum(shares), 0) FROM share_ops WHERE op_date <= '$day'
		AND $STANDS")
	expect "report register --as-at $shown" 0 "$BIN" --db "$DB" report register --as-at "$shown"
	contains "$day: the heading counts as sqlite3 does" "$TMP/out" \
		"$(n "$entries" entry entries): $(n "$members" member members) on $shown, $(n $((entries - members)) "former member" "former members")."
	contains "$day: the shares held then" "$TMP/out" "Totals: $shares shares held"
	[ "$members" = "$shares" ] && ok "$day: every member then held one share ($shares)" ||
		not_ok "$day: $members members but $shares shares"

	# The same register as CSV, member by member, against sqlite3.
	expect "report register --as-at $day --format csv" 0 \
		"$BIN" --db "$DB" report register --as-at "$day" --format csv --no-bom
	same "$day: a row an entry" "$(($(wc -l < "$TMP/out") - 1))" "$entries"
	python3 - "$TMP/out" > "$TMP/got" <<-'EOF' || not_ok "$day: python3 could not read the CSV"
	import csv, sys
	with open(sys.argv[1], newline='', encoding='utf-8') as f:
	    for row in csv.DictReader(f):
	        print(row['member_no'], row['shares'], row['ceased_on'])
	EOF
	q "SELECT m.member_no, coalesce((SELECT sum(o.shares) FROM share_ops o
	          WHERE o.member_id = m.id AND o.op_date <= '$day' AND o.$STANDS), 0),
	          CASE WHEN m.ceased_on <= '$day' THEN m.ceased_on ELSE '' END
	     FROM members m WHERE m.entered_on <= '$day' ORDER BY m.member_no" | tr '|' ' ' > "$TMP/want"
	cmp -s "$TMP/got" "$TMP/want" && ok "$day: each member's shares and ceasing as sqlite3 has them" ||
		{ not_ok "$day: the CSV differs from sqlite3"; diff "$TMP/got" "$TMP/want" | head -5 | sed 's/^/#   /'; }
done

# ---- the inspection copy --------------------------------------------------
expect "report register --inspection" 0 "$BIN" --db "$DB" report register --inspection
contains "it says it is the inspection copy" "$TMP/out" "Inspection copy (the Act s.103)"
lacks "it has no share column" "$TMP/out" "Shares"
lacks "nor paid" "$TMP/out" "Paid"
lacks "nor property" "$TMP/out" "Other property"
lacks "nor totals" "$TMP/out" "Totals"
expect "the inspection copy as CSV" 0 "$BIN" --db "$DB" report register --inspection --format csv
head -1 "$TMP/out" > "$TMP/header"
lacks "its header has no shares column" "$TMP/header" "shares"
contains "and ends with ceased_on" "$TMP/header" "email_purpose,entered_on,ceased_on"
expect "the board's copy has them" 0 "$BIN" --db "$DB" report register
contains "the share column" "$TMP/out" "Shares"
contains "other property (the demo's loan)" "$TMP/out" "Other property: loan"

# ---- CSV: the byte-order mark, quoting, formula cells ---------------------
expect "export members" 0 "$BIN" --db "$DB" export members
same "a byte-order mark by default" "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" "efbbbf"
same "the header row" "$(head -1 "$TMP/out" | tail -c +4 | tr -d '\r')" \
	"member_no,name,address,postcode,email,email_purpose,entered_on,ceased_on,shares,paid,loans,deposits,other_property"
same "rows end CR LF" "$(grep -c "$(printf '\r')\$" "$TMP/out")" "$(wc -l < "$TMP/out")"
addr=$(q "SELECT address FROM members WHERE member_no = 1")
contains "an address holding a comma is quoted" "$TMP/out" "\"$addr\""
contains "amounts in pounds, two decimals" "$TMP/out" ",1,1.00,"
contains "dates ISO" "$TMP/out" ",$(q "SELECT entered_on FROM members WHERE member_no = 1"),"
expect "export members --no-bom" 0 "$BIN" --db "$DB" export members --no-bom
same "no byte-order mark with --no-bom" "$(head -c 9 "$TMP/out")" "member_no"

cp "$DB" "$TMP/evil.db"
sqlite3 "$TMP/evil.db" "UPDATE members SET name = '=cmd|'' /C calc''!A0' WHERE member_no = 2"
expect "a member named like a formula" 0 "$BIN" --db "$TMP/evil.db" export members --no-bom
contains "is written as text with a quote mark first" "$TMP/out" "2,'=cmd|' /C calc'!A0,"
lacks "never as a live formula" "$TMP/out" ",=cmd"
python3 - "$TMP/out" > "$TMP/name" <<'EOF'
import csv, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f))
print(rows[0][1], len({len(r) for r in rows}), rows[1][1], sep='|')
EOF
same "a CSV reader reads it back whole" "$(cat "$TMP/name")" "name|1|$(q "SELECT name FROM members WHERE member_no = 1")"

# ---- dates refused in words -------------------------------------------------
expect "a day that does not exist is refused" 2 "$BIN" --db "$DB" report register --as-at 31/02/2026
contains "in words, naming it" "$TMP/err" "--as-at 31/02/2026: February 2026 has 28 days"
expect "a word is not a date" 2 "$BIN" --db "$DB" report register --as-at yesterday
contains "in words" "$TMP/err" "--as-at yesterday: not a date"
[ ! -s "$TMP/out" ] && ok "nothing written" || not_ok "something was written"
# Two days on: past today in the co-op's zone too, whatever the hour.
tomorrow=$(date -d '2 days' +%d/%m/%Y)
expect "a day after today is refused" 1 "$BIN" --db "$DB" report register --as-at "$tomorrow"
contains "in words" "$TMP/err" "as it stood on a day up to today"
[ ! -s "$TMP/out" ] && ok "and nothing written" || not_ok "something was written"

# ---- the other documents and the exports' header rows -----------------------
expect "report shares" 0 "$BIN" --db "$DB" report shares
contains "the share register" "$TMP/out" "$(q "SELECT count(*) FROM share_ops") share operations"
contains "ends with its totals" "$TMP/out" \
	"$(q "SELECT coalesce(sum(shares), 0) FROM share_ops") shares held, paid-up capital"
expect "report officers --current" 0 "$BIN" --db "$DB" report officers --current
contains "the board at a glance" "$TMP/out" \
	"$(q "SELECT count(*) FROM officers WHERE ceased_on IS NULL") officers in office."
expect "report participation --year" 0 "$BIN" --db "$DB" report participation --year "$(date +%Y)" --format md
contains "in Markdown" "$TMP/out" "## Participation in $(date +%Y)"
no=$(q "SELECT member_no FROM members WHERE ceased_on IS NOT NULL LIMIT 1")
expect "report shareholding" 0 "$BIN" --db "$DB" report shareholding "$no"
contains "a former member's shareholding" "$TMP/out" "Membership: a former member"
expect "no such member" 1 "$BIN" --db "$DB" report shareholding 9999
contains "in words" "$TMP/err" "there is no member number 9999 in the register"
expect "shareholding wants a number" 2 "$BIN" --db "$DB" report shareholding
expect "export shares" 0 "$BIN" --db "$DB" export shares --no-bom
same "its header row" "$(head -1 "$TMP/out" | tr -d '\r')" \
	"op_no,op_date,kind,reverses_op_no,member_no,name,shares,amount,total_shares,total_paid,note"
same "a row an operation" "$(($(wc -l < "$TMP/out") - 1))" "$(q "SELECT count(*) FROM share_ops")"
expect "export officers" 0 "$BIN" --db "$DB" export officers --no-bom
same "its header row" "$(head -1 "$TMP/out" | tr -d '\r')" "name,address,office,became_on,ceased_on"
same "a row an officer" "$(($(wc -l < "$TMP/out") - 1))" "$(q "SELECT count(*) FROM officers")"
expect "export participation" 0 "$BIN" --db "$DB" export participation --format csv --no-bom
same "its header row" "$(head -1 "$TMP/out" | tr -d '\r')" \
	"member_no,name,meetings_attended,meetings_expected,meetings_met,hours_given,hours_expected,hours_met,meets_expectation,minutes_given"
same "a row a current member" "$(($(wc -l < "$TMP/out") - 1))" \
	"$(q "SELECT count(*) FROM members WHERE ceased_on IS NULL")"

# ---- usage -------------------------------------------------------------------
expect "an export is CSV" 2 "$BIN" --db "$DB" export members --format md
contains "and says so" "$TMP/err" "an export is CSV"
expect "an unknown document" 2 "$BIN" --db "$DB" report agenda
contains "is named" "$TMP/err" "there is no document 'agenda'"
expect "--current is for officers" 2 "$BIN" --db "$DB" report register --current
expect "a bad format" 2 "$BIN" --db "$DB" report register --format pdf
contains "in words" "$TMP/err" "--format takes text, md or csv, not 'pdf'"
expect "a bad year" 2 "$BIN" --db "$DB" report participation --year 26
expect "a year to come is refused" 1 "$BIN" --db "$DB" report participation --year 2999
expect "export needs what" 2 "$BIN" --db "$DB" export

# ---- -o FILE -------------------------------------------------------------------
expect "-o writes a file" 0 "$BIN" --db "$DB" report register --format csv -o "$TMP/reg.csv"
[ ! -s "$TMP/out" ] && ok "and nothing to standard output" || not_ok "standard output was written"
same "the file is private" "$(stat -c %a "$TMP/reg.csv")" 600
"$BIN" --db "$DB" report register --format csv > "$TMP/stdout.csv"
cmp -s "$TMP/reg.csv" "$TMP/stdout.csv" && ok "and holds what standard output would" ||
	not_ok "the file differs from standard output"
expect "a refusal with -o" 1 "$BIN" --db "$DB" report register --as-at "$tomorrow" -o "$TMP/reg.csv"
cmp -s "$TMP/reg.csv" "$TMP/stdout.csv" && ok "leaves the old file as it was" || not_ok "the old file changed"
expect "a refusal with -o to a new file" 1 "$BIN" --db "$DB" report register --as-at "$tomorrow" -o "$TMP/new.csv"
[ ! -e "$TMP/new.csv" ] && ok "makes no file" || not_ok "a file was made"
same "and leaves nothing beside it" "$(ls "$TMP" | grep -c 'csv\.')" 0
expect "a folder that is not there" 1 "$BIN" --db "$DB" report officers -o "$TMP/none/x.txt"
contains "is named in words" "$TMP/err" "cannot write $TMP/none/x.txt"
finish
