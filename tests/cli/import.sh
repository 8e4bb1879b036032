#!/bin/sh
# coopdesk import: the example sheets (contrib/examples/) import into a new
# co-op, which then passes check, with as many rows as the sqlite3 shell
# reads from each file; the faulty file imports nothing and lists each of
# its ten faults with its line; the same file twice is refused; a dry run
# writes nothing; references are checked against the database and the file.
. "$(dirname "$0")/lib.sh"
EX="$(cd "$(dirname "$0")/../../contrib/examples" && pwd)"
DB="$TMP/coop.db"
printf 'import-test-pass-1\n' | "$BIN" --db "$DB" init --name "Rowan & Alder" > /dev/null 2>&1 \
	|| not_ok "init"
q() { sqlite3 "$DB" "$1"; }
# Rows of a CSV file as the sqlite3 shell counts them (the header is not one).
rows_of() { sqlite3 :memory: '.mode csv' ".import $1 t" 'SELECT count(*) FROM t'; }

# A dry run says what it would import and writes nothing.
expect "dry run of members passes" 0 "$BIN" --db "$DB" import members "$EX/members.csv" --dry-run
contains "dry run says what it would import" "$TMP/out" "would import 20 members (a dry run: nothing was written)"
[ "$(q 'SELECT count(*) FROM members') $(q 'SELECT count(*) FROM imports') $(q 'SELECT count(*) FROM share_ops')" = "0 0 0" ] \
	&& ok "dry run wrote no member, share or import record" || not_ok "dry run wrote something"

# Tenancies before their members and homes: each row refused, nothing written.
expect "tenancies before members are refused" 1 "$BIN" --db "$DB" import tenancies "$EX/tenancies.csv"
contains "a tenancy's home must exist" "$TMP/err" "tenancies.csv:2: Home: there is no home H-01 (import the homes first)"
contains "a tenancy's member must exist" "$TMP/err" "tenancies.csv:2: Tenants: there is no member no. 1 on the register (import the members first)"
contains "the summary says nothing was imported" "$TMP/err" "problems in 11 rows; nothing was imported"

for kind in members homes tenancies rent repairs contractors; do
	expect "the example $kind import" 0 "$BIN" --db "$DB" import "$kind" "$EX/$kind.csv"
done
for pair in members:members homes:homes tenancies:tenancies rent:rent_ledger repairs:repairs contractors:contractors; do
	kind=${pair%%:*} table=${pair#*:}
	want=$(rows_of "$EX/$kind.csv") got=$(q "SELECT count(*) FROM $table")
	[ "$want" -gt 0 ] && [ "$got" = "$want" ] && ok "$kind: $got rows, as the file has" \
		|| not_ok "$kind: $got in $table, the file has $want rows"
done
expect "the imported co-op passes check" 0 "$BIN" --db "$DB" check
[ "$(q "SELECT count(*) FROM share_ops WHERE kind = 'issue'")" = 20 ] \
	&& ok "each member was issued a share" || not_ok "shares: $(q 'SELECT count(*) FROM share_ops')"
[ "$(q "SELECT count(*) FROM audit WHERE table_name = 'members' AND actor = 'coopdesk import members'")" = 20 ] \
	&& ok "each member's entry is audited as the import's" || not_ok "member audit rows"
[ "$(q "SELECT count(*) FROM audit WHERE table_name = 'imports'")" = 6 ] \
	&& ok "each import is recorded and audited" || not_ok "imports audit rows"
# What the cells said: a name beyond ASCII, a note over two lines (a quoted
# newline), a date written day first, money in brackets and with commas.
[ "$(q 'SELECT name FROM members WHERE member_no = 6')" = "Łukasz Wróbel" ] \
	&& ok "Łukasz Wróbel kept as written" || not_ok "member 6: $(q 'SELECT name FROM members WHERE member_no = 6')"
[ "$(q "SELECT instr(notes, char(10)) > 0 FROM members WHERE member_no = 16")" = 1 ] \
	&& ok "a note over two lines kept its line break" || not_ok "note of member 16"
[ "$(q 'SELECT entered_on FROM members WHERE member_no = 20')" = 2022-05-20 ] \
	&& ok "20/05/2022 read day first" || not_ok "date joined of member 20"
[ "$(q 'SELECT sum(amount_pence) FROM rent_ledger')" = -170800 ] \
	&& ok "rent entries add up to -£1,708.00 (adjustments, payments, refund)" \
	|| not_ok "rent sum $(q 'SELECT sum(amount_pence) FROM rent_ledger')"
[ "$(q "SELECT count(*) FROM tenancy_signatories")" = 19 ] \
	&& ok "joint tenants: 19 signatories of 11 tenancies" || not_ok "signatories"
[ "$(q "SELECT amount_pence FROM rent_rates r JOIN homes h ON h.id = r.home_id WHERE h.ref = 'H-09'")" = 10500 ] \
	&& ok "a home's rent of £105.00 set" || not_ok "rent of H-09"

# The same file again: refused in words, nothing doubled.
expect "the same members file twice is refused" 1 "$BIN" --db "$DB" import members "$EX/members.csv"
contains "it says when it was imported" "$TMP/err" "was imported as members already, on "
[ "$(q 'SELECT count(*) FROM members')" = 20 ] && ok "still 20 members" || not_ok "members doubled"
# The same rows in a changed file: each member number refused with its line.
sed 's/Founder member/Founder member!/' "$EX/members.csv" > "$TMP/members2.csv"
expect "the same members in a changed file are refused" 1 "$BIN" --db "$DB" import members "$TMP/members2.csv"
contains "a member number already on the register, with its line" "$TMP/err" "members2.csv:2: Member No: member no. 1 is already on the register (Margaret Okafor)"
contains "and the last one, its line counted past a two-line cell" "$TMP/err" "members2.csv:22: Member No: member no. 20 is already on the register"

# The faulty file: nothing imported, each of the ten faults with its line.
audit=$(q 'SELECT count(*) FROM audit')
expect "the faulty file is refused" 1 "$BIN" --db "$DB" import members "$EX/members-faulty.csv"
F="members-faulty.csv"
contains "fault 1: a number that is not" "$TMP/err" "$F:3: Member No: \"22a\" is not a whole number"
contains "fault 2: an empty name" "$TMP/err" "$F:4: Name: is empty; it is needed"
contains "fault 3: no such day" "$TMP/err" "$F:5: Date Joined: 31/02/2024: February 2024 has 29 days"
contains "fault 4: a member number twice in the file" "$TMP/err" "$F:6: Member No: member no. 21 is also on line 2"
contains "fault 5: not an email address" "$TMP/err" "$F:7: Email: \"edward.clarke at example.org\" is not an email address"
contains "fault 6: a date after today" "$TMP/err" "$F:8: Date Joined: the date joined 01/01/2099 is after today"
contains "fault 7: an empty address" "$TMP/err" "$F:9: Address: is empty; it is needed"
contains "fault 8: text after a closing quote" "$TMP/err" "$F:10: Address: field 3 has text after its closing quote"
contains "fault 9: under age (the register's own check)" "$TMP/err" "$F:11: Date of Birth: a member must be 18 or over"
contains "fault 10: not UTF-8" "$TMP/err" "$F:12: Name: field 2 is not valid UTF-8 (byte 0xE9)"
contains "ten problems, nothing imported" "$TMP/err" "10 problems in 11 rows; nothing was imported"
[ "$(grep -c "$F:[0-9]*: " "$TMP/err")" = 10 ] && ok "exactly ten faults listed" || not_ok "$(grep -c "$F:" "$TMP/err") faults listed"
[ "$(q 'SELECT count(*) FROM members') $(q 'SELECT count(*) FROM audit')" = "20 $audit" ] \
	&& ok "the faulty file wrote nothing (not even its good line 2)" || not_ok "the faulty file wrote something"

# Rows referring to each other within the file and to the database.
printf 'Home,Tenants,Start\nH-12,20,01/06/2023\nH-12,20,01/06/2024\nH-13,99,01/06/2024\n' > "$TMP/t.csv"
expect "overlapping tenancies in one file are refused" 1 "$BIN" --db "$DB" import tenancies "$TMP/t.csv"
contains "the second of two tenancies of a home" "$TMP/err" "t.csv:3: Start: that home already has a tenancy for part of that period"
contains "an unknown home" "$TMP/err" "t.csv:4: Home: there is no home H-13"
contains "an unknown member" "$TMP/err" "t.csv:4: Tenants: there is no member no. 99"
[ "$(q "SELECT count(*) FROM tenancies t JOIN homes h ON h.id = t.home_id WHERE h.ref = 'H-12'")" = 0 ] \
	&& ok "the good first row was not kept either" || not_ok "a tenancy of H-12 was written"
printf 'Home Ref,Address\nH-20,"20 Alder Street"\nh-21,x\nH-20,"again"\nH-01,"taken"\n' > "$TMP/h.csv"
expect "duplicate home references are refused" 1 "$BIN" --db "$DB" import homes "$TMP/h.csv"
contains "a reference twice in the file" "$TMP/err" "h.csv:4: Home Ref: home H-20 is also on line 2"
contains "a reference already in the co-op" "$TMP/err" "h.csv:5: Home Ref: home H-01 is already in the co-op's homes"
printf 'Name,Address\nAnn Lee,1 Rd\n' > "$TMP/m.csv"
expect "a file without a required column is refused" 1 "$BIN" --db "$DB" import members "$TMP/m.csv"
contains "the missing column is named" "$TMP/err" "m.csv:1: Joined: the column is missing"
printf 'Home,Date,Type,Amount\nH-12,01/11/2026,payment,£10.00\nH-01,01/11/2026,payment,12.345\n' > "$TMP/r.csv"
expect "rent for a home with no tenancy is refused" 1 "$BIN" --db "$DB" import rent "$TMP/r.csv"
contains "no tenancy that day" "$TMP/err" "r.csv:2: Home: home H-12 had no tenancy on 01/11/2026"
contains "money with three decimals" "$TMP/err" "r.csv:3: Amount: \"12.345\" is not an amount of money"
expect "an unknown kind is a usage error" 2 "$BIN" --db "$DB" import shares "$EX/members.csv"
expect "a missing file is refused" 1 "$BIN" --db "$DB" import members "$TMP/none.csv"
finish
