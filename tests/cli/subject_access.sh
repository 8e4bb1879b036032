#!/bin/sh
# coopdesk export member NO: a member's whole record for a subject access
# request (UK GDPR), as JSON that parses and as text; their shares, rent
# account, repairs and audit entries all there, in the numbers sqlite3
# counts; no other member's details; never a password hash. The request
# logged, due a calendar month on, shown on Home's deadlines until
# --answered records it answered. And coopdesk export all DIR: every
# register a file (the contractors too), each with as many rows as sqlite3 counts, the BOM
# unless --no-bom, nothing overwritten without --force.
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

DB="$TMP/demo.db"
if ! "$BIN" demo "$DB" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi
sql() { sqlite3 "$DB" "$1"; }

# The member with the member login (a user account whose password is set),
# a tenancy and repairs on their home.
no=$(sql "SELECT m.member_no FROM users u JOIN members m ON m.id = u.member_id
	WHERE u.username = 'member'")
id=$(sql "SELECT id FROM members WHERE member_no = $no")
# A repair on their home that nobody reported as a member (the office
# logged it): theirs too, while the tenancy is theirs; and one on another
# home, which is not.
sql "INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at)
	SELECT '00000000-0000-4000-8000-00000000aaa1', t.home_id, '2026-11-01T10:00:00Z',
	'Logged by the office', 'routine', '2026-12-09' FROM tenancies t
	JOIN tenancy_signatories s ON s.tenancy_id = t.id
	WHERE s.member_id = $id AND t.end_date IS NULL;
	INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at)
	SELECT '00000000-0000-4000-8000-00000000aaa2', h.id, '2026-11-01T10:00:00Z',
	'Someone else''s home', 'routine', '2026-12-09' FROM homes h WHERE h.id NOT IN
	(SELECT t.home_id FROM tenancies t JOIN tenancy_signatories s ON s.tenancy_id = t.id
	 WHERE s.member_id = $id) LIMIT 1"

expect "export member $no as JSON" 0 "$BIN" --db "$DB" export member "$no" --format json
cp "$TMP/out" "$TMP/m.json"
if python3 -m json.tool "$TMP/m.json" > /dev/null 2> "$TMP/err"; then
	ok "the JSON parses"
else
	not_ok "the JSON parses"
	sed 's/^/#   /' "$TMP/err" | head -5
fi

# count SECTION: how many rows the JSON's section holds.
count() { python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[sys.argv[2]]))" \
	"$TMP/m.json" "$1"; }
same() { # NAME SECTION SQL
	got=$(count "$2") want=$(sql "$3")
	if [ "$got" = "$want" ] && [ "$want" -gt 0 ]; then ok "$1 ($got)"
	else not_ok "$1: the JSON has $got, sqlite3 counts $want"; fi
}
same "every share operation of theirs" shares \
	"SELECT count(*) FROM share_ops WHERE member_id = $id"
same "every row of their rent accounts" rent \
	"SELECT count(*) FROM rent_ledger WHERE tenancy_id IN
	 (SELECT tenancy_id FROM tenancy_signatories WHERE member_id = $id)"
same "every repair they reported or on their home while they held it" repairs \
	"SELECT count(*) FROM repairs r WHERE r.reported_by_member = $id OR EXISTS (
	 SELECT 1 FROM tenancies t JOIN tenancy_signatories s ON s.tenancy_id = t.id
	 WHERE s.member_id = $id AND t.home_id = r.home_id
	 AND substr(r.reported_at, 1, 10) BETWEEN t.start_date AND coalesce(t.end_date, '9999'))"
same "their user account" user_account "SELECT count(*) FROM users WHERE member_id = $id"
same "the audit trail's entries on their entry, shares and account" audit \
	"SELECT count(*) FROM audit WHERE (table_name = 'members' AND row_id = $id)
	 OR (table_name = 'share_ops' AND row_id IN (SELECT id FROM share_ops WHERE member_id = $id))
	 OR (table_name = 'users' AND row_id IN (SELECT id FROM users WHERE member_id = $id))
	 OR (table_name = 'tenancies' AND row_id IN
	     (SELECT tenancy_id FROM tenancy_signatories WHERE member_id = $id))
	 OR (table_name = 'tenancy_signatories' AND row_id IN
	     (SELECT id FROM tenancy_signatories WHERE member_id = $id))
	 OR (table_name = 'rent_ledger' AND row_id IN (SELECT id FROM rent_ledger WHERE tenancy_id IN
	     (SELECT tenancy_id FROM tenancy_signatories WHERE member_id = $id)))
	 OR (table_name = 'repairs' AND row_id IN (SELECT r.id FROM repairs r WHERE
	     r.reported_by_member = $id OR EXISTS (SELECT 1 FROM tenancies t
	     JOIN tenancy_signatories s ON s.tenancy_id = t.id WHERE s.member_id = $id
	     AND t.home_id = r.home_id
	     AND substr(r.reported_at, 1, 10) BETWEEN t.start_date AND coalesce(t.end_date, '9999'))))
	 OR (table_name = 'tenancy_occupants' AND row_id IN (SELECT id FROM tenancy_occupants
	     WHERE tenancy_id IN (SELECT tenancy_id FROM tenancy_signatories WHERE member_id = $id)))
	 OR (table_name = 'member_property' AND row_id IN
	     (SELECT id FROM member_property WHERE member_id = $id))
	 OR (table_name = 'officers' AND row_id IN (SELECT id FROM officers WHERE member_id = $id))
	 OR (table_name = 'attendance' AND row_id IN (SELECT id FROM attendance WHERE member_id = $id))
	 OR (table_name = 'votes' AND row_id IN (SELECT id FROM votes WHERE member_id = $id))
	 OR (table_name = 'vote_presence' AND row_id IN
	     (SELECT id FROM vote_presence WHERE member_id = $id))
	 OR (table_name = 'participation' AND row_id IN
	     (SELECT id FROM participation WHERE member_id = $id))
	 OR (table_name = 'complaints' AND row_id IN (SELECT id FROM complaints WHERE member_id = $id))
	 OR (table_name = 'subject_access_requests' AND row_id IN
	     (SELECT id FROM subject_access_requests WHERE member_id = $id))"
mname=$(sql "SELECT name FROM members WHERE id = $id")
contains "the member's own name is in it" "$TMP/m.json" "\"name\": \"$mname\""
contains "the repair the office logged on their home" "$TMP/m.json" "Logged by the office"
lacks "not a repair on another home" "$TMP/m.json" "Someone else's home"
lacks "never a password hash" "$TMP/m.json" '$y$'
lacks "nor its column" "$TMP/m.json" "password_hash"
# Nobody else's identity: no other member's UUID or full name.
sql "SELECT uuid FROM members WHERE id <> $id" > "$TMP/others"
sql "SELECT name FROM members WHERE id <> $id AND name LIKE '% %'" >> "$TMP/others"
if grep -qFf "$TMP/others" "$TMP/m.json"; then
	not_ok "no other member's details ($(grep -oFf "$TMP/others" "$TMP/m.json" | head -3 | tr '\n' ' '))"
else
	ok "no other member's details ($(wc -l < "$TMP/others") names and UUIDs looked for)"
fi

expect "export member $no as text" 0 "$BIN" --db "$DB" export member "$no" --width 80
cp "$TMP/out" "$TMP/m.txt"
contains "the text names the member" "$TMP/m.txt" "Subject access: member no. $no, $mname"
contains "with the share operations" "$TMP/m.txt" "Share operations"
contains "dates as a person reads them" "$TMP/m.txt" \
	"$(sql "SELECT strftime('%d/%m/%Y', entered_on) FROM members WHERE id = $id")"
lacks "the text has no password hash either" "$TMP/m.txt" '$y$'
long=$(awk 'length > 80' "$TMP/m.txt" | wc -l)
[ "$long" -eq 0 ] && ok "the text fits 80 columns, for paper" || not_ok "$long lines over 80 columns"

expect "no such member is refused" 1 "$BIN" --db "$DB" export member 99999
contains "in words" "$TMP/err" "there is no member number 99999"
expect "json or text only" 2 "$BIN" --db "$DB" export member "$no" --format csv

# ---- the request: logged, on Home, answered ---------------------------------------
open_before=$(sql "SELECT count(*) FROM subject_access_requests WHERE completed_on IS NULL")
# Answer every request already open, so that Home shows this one.
for r in $(sql "SELECT DISTINCT m.member_no FROM subject_access_requests q
		JOIN members m ON m.id = q.member_id WHERE q.completed_on IS NULL"); do
	"$BIN" --db "$DB" export member "$r" --answered -o "$TMP/answer-$r.txt" 2> /dev/null
done
left=$(sql "SELECT count(*) FROM subject_access_requests WHERE completed_on IS NULL")
[ "$left" -eq 0 ] && ok "--answered answered the $open_before requests open" \
	|| not_ok "$left requests still open after answering each"
expect "--answered with none open is refused" 1 "$BIN" --db "$DB" export member "$no" --answered
contains "in words" "$TMP/err" "has no open subject access request"

expect "a request is logged" 0 "$BIN" --db "$DB" export member "$no" --request --received 05/11/2026
contains "due a calendar month after it was received" "$TMP/out" \
	"received 05/11/2026: due by 05/12/2026"
out=$(sql "SELECT received_on || ' ' || coalesce(completed_on, 'open') FROM subject_access_requests
	WHERE member_id = $id ORDER BY id DESC LIMIT 1")
[ "$out" = "2026-11-05 open" ] && ok "the request is in the table, open" || not_ok "request: $out"
out=$(sql "SELECT actor FROM audit WHERE table_name = 'subject_access_requests' ORDER BY id DESC LIMIT 1")
[ "$out" = "coopdesk export" ] && ok "and audited" || not_ok "audit actor: $out"

home() { # NAME: Home as the board sees it, into $TMP/NAME.txt
	printf 'board<Enter>board-demo-1<Enter>\n:dump %s\n' "$TMP/$1.txt" > "$TMP/$1.script"
	"$BIN" --db "$DB" --script "$TMP/$1.script" --headless --size 80x24 > /dev/null 2>&1
}
home home1
if grep -q "Subject access, no. $no  *due by 05/12/2026: 13 days left" "$TMP/home1.txt"; then
	ok "Home shows the request under the deadlines, with the days left"
else
	not_ok "Home shows the request under the deadlines"
	sed 's/^/#   /' "$TMP/home1.txt"
fi

expect "--answered writes the record and answers the request" 0 "$BIN" --db "$DB" \
	export member "$no" --answered=21/11/2026 --format json -o "$TMP/answer.json"
python3 -m json.tool "$TMP/answer.json" > /dev/null && ok "the record written is JSON" \
	|| not_ok "the record written is not JSON"
out=$(stat -c %a "$TMP/answer.json")
[ "$out" = 600 ] && ok "and private (0600)" || not_ok "mode $out"
out=$(sql "SELECT completed_on FROM subject_access_requests WHERE member_id = $id
	ORDER BY id DESC LIMIT 1")
[ "$out" = "2026-11-21" ] && ok "the request is answered on the day given" || not_ok "answered: $out"
home home2
lacks "Home no longer shows it" "$TMP/home2.txt" "Subject access"

# ---- export all ---------------------------------------------------------------
expect "export all into a new folder" 0 "$BIN" --db "$DB" export all "$TMP/all/sub"
cp "$TMP/out" "$TMP/all.out"
rows() { # FILE: records after the header (a quoted new line is inside a record)
	python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline=''))) - 1)" "$1"
}
check_rows() { # NAME SQL
	f="$TMP/all/sub/$1.csv"
	if [ ! -f "$f" ]; then not_ok "$1.csv written"; return; fi
	got=$(rows "$f") want=$(sql "$2")
	if [ "$got" = "$want" ]; then ok "$1.csv: $got rows, as sqlite3 counts"
	else not_ok "$1.csv: $got rows, sqlite3 counts $want"; fi
	grep -qF "$f: $want rows" "$TMP/all.out" && ok "and it says so" \
		|| not_ok "no '$f: $want rows' in what it said"
}
check_rows members "SELECT count(*) FROM members"
check_rows shares "SELECT count(*) FROM share_ops"
check_rows officers "SELECT count(*) FROM officers"
check_rows participation "SELECT count(*) FROM members WHERE ceased_on IS NULL"
check_rows homes "SELECT count(*) FROM homes"
check_rows tenancies "SELECT count(*) FROM tenancies"
check_rows rent "SELECT count(*) FROM rent_ledger"
check_rows repairs "SELECT count(*) FROM repairs"
check_rows repair_events "SELECT count(*) FROM repair_events"
check_rows contractors "SELECT count(*) FROM contractors"
check_rows meetings "SELECT count(*) FROM meetings"
check_rows attendance "SELECT count(*) FROM attendance"
check_rows motions "SELECT count(*) FROM motions"
check_rows votes "SELECT count(*) FROM votes"
check_rows decisions "SELECT count(*) FROM decisions"
check_rows actions "SELECT count(*) FROM decision_actions"
n=$(ls "$TMP/all/sub" | wc -l)
[ "$n" -eq 16 ] && ok "16 files, nothing else" || not_ok "$n files: $(ls "$TMP/all/sub")"
head -c 3 "$TMP/all/sub/members.csv" | od -An -tx1 | grep -q "ef bb bf" \
	&& ok "with the byte-order mark" || not_ok "no byte-order mark"
"$BIN" --db "$DB" export members -o "$TMP/members-alone.csv"
cmp -s "$TMP/all/sub/members.csv" "$TMP/members-alone.csv" \
	&& ok "members.csv is what coopdesk export members writes" || not_ok "members.csv differs"

cp "$TMP/all/sub/rent.csv" "$TMP/rent-before.csv"
expect "export all refuses to overwrite" 1 "$BIN" --db "$DB" export all "$TMP/all/sub" --no-bom
contains "saying which file" "$TMP/err" "rent.csv is there already (--force replaces it)"
cmp -s "$TMP/all/sub/rent.csv" "$TMP/rent-before.csv" && ok "and leaves it as it was" \
	|| not_ok "rent.csv changed though refused"
expect "--force replaces them" 0 "$BIN" --db "$DB" export all "$TMP/all/sub" --no-bom --force
head -c 3 "$TMP/all/sub/members.csv" | od -An -tx1 | grep -q "ef bb bf" \
	&& not_ok "--no-bom still wrote the mark" || ok "--no-bom: no byte-order mark"
: > "$TMP/afile"
expect "a file is not a folder" 1 "$BIN" --db "$DB" export all "$TMP/afile"

expect "check passes afterwards" 0 "$BIN" --db "$DB" check
finish
