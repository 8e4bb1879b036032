#!/bin/sh
# coopdesk demo: the demo co-op is made whole, through the data layer, the
# same for the same seed, never over an existing file, and passes check.
. "$(dirname "$0")/lib.sh"

# q DB SQL: one value from the sqlite3 shell.
q() { sqlite3 "$1" "$2"; }

# at_least NAME GOT MIN [MAX]: a count within bounds.
at_least() {
	if [ "$2" -ge "$3" ] && { [ -z "${4:-}" ] || [ "$2" -le "$4" ]; }; then ok "$1 ($2)"; else
		not_ok "$1 (got $2, wanted ${3}..${4:-})"
	fi
}

expect "demo --help exits 0" 0 "$BIN" demo --help
contains "demo --help goes to stdout" "$TMP/out" "usage: coopdesk"
contains "demo --help tells of --scale" "$TMP/out" "--scale"
expect "--scale 0 is a usage error" 2 "$BIN" demo "$TMP/x.db" --scale 0
contains "and says what --scale takes" "$TMP/err" "--scale takes"
expect "--seed must be a number" 2 "$BIN" demo "$TMP/x.db" --seed twelve
expect "two files are a usage error" 2 "$BIN" demo "$TMP/x.db" "$TMP/y.db"
expect "an unknown option is a usage error" 2 "$BIN" demo --frobnicate
[ ! -e "$TMP/x.db" ] && ok "a usage error makes no file" || not_ok "a usage error left $TMP/x.db"

DB="$TMP/demo.db"
expect "demo makes a co-op" 0 "$BIN" demo "$DB"
[ -f "$DB" ] && ok "the file is there" || not_ok "no $DB"
for want in "board-demo-1" "volunteer-demo-1" "member-demo-1" "Alder Street Housing Co-operative"; do
	contains "the summary shows $want" "$TMP/out" "$want"
done
cp "$TMP/out" "$TMP/first.out"
size=$(stat -c %s "$DB")

expect "demo refuses to overwrite" 1 "$BIN" demo "$DB"
contains "and says so" "$TMP/err" "already exists"
expect "--db FILE demo refuses to overwrite too" 1 "$BIN" --db "$DB" demo
[ "$(stat -c %s "$DB")" = "$size" ] && ok "the file was left alone" || not_ok "the file changed"

expect "check passes on the demo" 0 "$BIN" --db "$DB" check
# Built with its journal in memory (coopdesk demo's new file), it is put in
# place in WAL mode, as every co-op is, and whole: no WAL beside it.
[ "$(q "$DB" "PRAGMA journal_mode")" = wal ] && ok "the co-op is in WAL mode" ||
	not_ok "journal mode $(q "$DB" "PRAGMA journal_mode")"
[ ! -s "$DB-wal" ] && ok "and nothing of it is left in a WAL" || not_ok "a WAL is left beside it"
lacks "check finds no warning" "$TMP/out" "WARNING"

# What was made.
[ "$(q "$DB" "SELECT value FROM settings WHERE key = 'coop_name'")" = "Alder Street Housing Co-operative" ] &&
	ok "the co-op is named" || not_ok "coop_name is not set"
[ "$(q "$DB" "SELECT count(*) FROM homes")" = 60 ] && ok "60 homes" || not_ok "homes: $(q "$DB" "SELECT count(*) FROM homes")"
at_least "homes on six streets" "$(q "$DB" "SELECT count(DISTINCT street) FROM homes")" 6 6
at_least "kinds of home" "$(q "$DB" "SELECT count(DISTINCT kind) FROM homes")" 4
at_least "refs like ALD-01" "$(q "$DB" "SELECT count(*) FROM homes WHERE ref GLOB '[A-Z][A-Z][A-Z]-[0-9][0-9]'")" 60 60
at_least "weekly rents from £85 to £135 at the founding" \
	"$(q "$DB" "SELECT count(*) FROM rent_rates r WHERE effective_from = (SELECT min(effective_from) FROM rent_rates) AND amount_pence BETWEEN 8500 AND 13500")" 60 60
at_least "an April increase each year" "$(q "$DB" "SELECT count(DISTINCT effective_from) FROM rent_rates WHERE effective_from LIKE '%-04-%'")" 2 3
at_least "members" "$(q "$DB" "SELECT count(*) FROM members")" 85 95
at_least "former members" "$(q "$DB" "SELECT count(*) FROM members WHERE ceased_on IS NOT NULL")" 3 20
at_least "members with an email and what it is for" \
	"$(q "$DB" "SELECT count(*) FROM members WHERE email IS NOT NULL AND email_purpose <> ''")" 20
at_least "members with accents or other scripts in their names" \
	"$(q "$DB" "SELECT count(*) FROM members WHERE name GLOB '*[^ -~]*'")" 10
at_least "a name in another script altogether" \
	"$(q "$DB" "SELECT count(*) FROM members WHERE name NOT GLOB '*[A-Za-z]*'")" 1
at_least "nobody joined under 18" \
	"$(q "$DB" "SELECT count(*) FROM members WHERE date_of_birth > date(entered_on, '-18 years')")" 0 0
at_least "current tenancies" "$(q "$DB" "SELECT count(*) FROM tenancies WHERE end_date IS NULL")" 50 60
at_least "empty homes" "$(q "$DB" "SELECT count(*) FROM homes h WHERE NOT EXISTS (SELECT 1 FROM tenancies t WHERE t.home_id = h.id AND t.end_date IS NULL)")" 2 8
at_least "joint tenancies" "$(q "$DB" "SELECT count(*) FROM (SELECT tenancy_id FROM tenancy_signatories GROUP BY 1 HAVING count(*) = 2)")" 12 30
at_least "tenancies that ended" "$(q "$DB" "SELECT count(*) FROM tenancies WHERE end_date IS NOT NULL")" 3 12
at_least "occupants" "$(q "$DB" "SELECT count(*) FROM tenancy_occupants")" 3
at_least "rent charges" "$(q "$DB" "SELECT count(*) FROM rent_ledger WHERE kind = 'charge'")" 5000
at_least "rent payments" "$(q "$DB" "SELECT count(*) FROM rent_ledger WHERE kind = 'payment'")" 4000
at_least "tenants in arrears" "$(q "$DB" "SELECT count(*) FROM tenancies t WHERE t.end_date IS NULL AND (SELECT balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id ORDER BY id DESC LIMIT 1) > 0")" 3
at_least "former tenants who left arrears" "$(q "$DB" "SELECT count(*) FROM tenancies t WHERE t.end_date IS NOT NULL AND (SELECT balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id ORDER BY id DESC LIMIT 1) > 0")" 1
[ "$(q "$DB" "SELECT count(*) FROM repairs")" = 300 ] && ok "300 repairs" || not_ok "repairs: $(q "$DB" "SELECT count(*) FROM repairs")"
for s in reported triaged assigned in_progress completed closed cancelled; do
	at_least "repairs $s" "$(q "$DB" "SELECT count(*) FROM repairs WHERE status = '$s'")" 1
done
at_least "repairs closed" "$(q "$DB" "SELECT count(*) FROM repairs WHERE status = 'closed'")" 200
at_least "reopened repairs" "$(q "$DB" "SELECT count(*) FROM repairs WHERE reopened > 0")" 1
at_least "emergencies" "$(q "$DB" "SELECT count(*) FROM repairs WHERE priority = 'emergency'")" 5
at_least "Right to Repair" "$(q "$DB" "SELECT count(*) FROM repairs WHERE rtr_days IS NOT NULL")" 20
at_least "damp and mould" "$(q "$DB" "SELECT count(*) FROM repairs WHERE damp_hazard IS NOT NULL")" 5
at_least "open repairs past their target" \
	"$(q "$DB" "SELECT count(*) FROM repairs WHERE is_open AND target_at < date('now')")" 1
at_least "repairs costed" "$(q "$DB" "SELECT count(*) FROM repairs WHERE cost_pence > 0")" 100
at_least "a repair's life in events" "$(q "$DB" "SELECT count(*) FROM repair_events")" 1500
at_least "meetings" "$(q "$DB" "SELECT count(*) FROM meetings")" 6 8
at_least "meetings of every kind" "$(q "$DB" "SELECT count(DISTINCT kind) FROM meetings")" 4 4
at_least "minutes published" "$(q "$DB" "SELECT count(*) FROM meetings WHERE minutes_published")" 5
at_least "a meeting to come, with notice given" \
	"$(q "$DB" "SELECT count(*) FROM meetings WHERE status = 'planned' AND held_on > date('now') AND notice_given_on IS NOT NULL")" 1 1
at_least "attendance" "$(q "$DB" "SELECT count(*) FROM attendance")" 50
for o in carried lost withdrawn not_quorate; do
	at_least "a motion $o" "$(q "$DB" "SELECT count(*) FROM motion_results WHERE outcome = '$o'")" 1
done
at_least "a special resolution" "$(q "$DB" "SELECT count(*) FROM motions WHERE resolution = 'special'")" 1
at_least "votes recorded one by one" "$(q "$DB" "SELECT count(*) FROM votes")" 20
at_least "an erratum" "$(q "$DB" "SELECT count(*) FROM motion_results WHERE corrects_id IS NOT NULL")" 1
at_least "board decisions" "$(q "$DB" "SELECT count(*) FROM decisions")" 10
at_least "decisions numbered from 1 each year" \
	"$(q "$DB" "SELECT count(*) FROM decisions WHERE number = 1")" 2 4
at_least "actions done" "$(q "$DB" "SELECT count(*) FROM decision_actions WHERE done_on IS NOT NULL")" 5
at_least "actions overdue" "$(q "$DB" "SELECT count(*) FROM decision_actions WHERE done_on IS NULL AND due_on < date('now')")" 1
at_least "officers" "$(q "$DB" "SELECT count(*) FROM officers WHERE ceased_on IS NULL")" 5
for o in chair secretary treasurer director; do
	at_least "a $o in office" "$(q "$DB" "SELECT count(*) FROM officers WHERE office = '$o' AND ceased_on IS NULL")" 1
done
at_least "participation" "$(q "$DB" "SELECT count(*) FROM participation")" 10
at_least "complaints" "$(q "$DB" "SELECT count(*) FROM complaints")" 3
at_least "contractors" "$(q "$DB" "SELECT count(*) FROM contractors")" 6 6

# Nothing dated after today.
today=$(date +%F)
at_least "no share operation after today" "$(q "$DB" "SELECT count(*) FROM share_ops WHERE op_date > '$today'")" 0 0
at_least "no rent entry after today" "$(q "$DB" "SELECT count(*) FROM rent_ledger WHERE entry_date > '$today'")" 0 0
at_least "no repair event in the future" \
	"$(q "$DB" "SELECT count(*) FROM repair_events WHERE at > strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")" 0 0
at_least "founded about two years and three months ago" \
	"$(q "$DB" "SELECT count(*) FROM share_ops WHERE op_no = 1 AND op_date BETWEEN date('now', '-28 months') AND date('now', '-26 months')")" 1 1

# Made through the API in one go, and all of it in the trail.
[ "$(q "$DB" "SELECT group_concat(DISTINCT actor) FROM audit")" = "coopdesk demo" ] &&
	ok "every audit row names coopdesk demo" || not_ok "audit actors: $(q "$DB" "SELECT group_concat(DISTINCT actor) FROM audit")"

# The users: one of each role; the member's is a current tenant's.
[ "$(q "$DB" "SELECT group_concat(username || ':' || role, ' ') FROM (SELECT * FROM users ORDER BY id)")" = \
	"board:board volunteer:volunteer member:member" ] && ok "one user of each role" ||
	not_ok "users: $(q "$DB" "SELECT group_concat(username || ':' || role, ' ') FROM users")"
at_least "the member user is a current tenant" \
	"$(q "$DB" "SELECT count(*) FROM users u JOIN tenancy_signatories s ON s.member_id = u.member_id JOIN tenancies t ON t.id = s.tenancy_id WHERE u.username = 'member' AND t.end_date IS NULL")" 1 1
at_least "the member user has repairs" \
	"$(q "$DB" "SELECT count(*) FROM users u JOIN repairs r ON r.reported_by_member = u.member_id WHERE u.username = 'member'")" 1

# The same seed makes the same co-op; another seed another.
q "$DB" "SELECT name FROM members ORDER BY member_no" > "$TMP/names1"
expect "demo again with the same seed" 0 "$BIN" demo "$TMP/again.db" --seed 1
q "$TMP/again.db" "SELECT name FROM members ORDER BY member_no" > "$TMP/names2"
cmp -s "$TMP/names1" "$TMP/names2" && ok "the same seed gives the same members" || not_ok "the members differ"
# The repairs' times come from the clock: two runs at one instant.
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
COOPDESK_NOW=$now "$BIN" demo "$TMP/at1.db" --seed 1 > /dev/null 2>&1
COOPDESK_NOW=$now "$BIN" demo "$TMP/at2.db" --seed 1 > /dev/null 2>&1
q "$TMP/at1.db" "SELECT title || status || reported_at FROM repairs ORDER BY id" > "$TMP/rep1"
q "$TMP/at2.db" "SELECT title || status || reported_at FROM repairs ORDER BY id" > "$TMP/rep2"
cmp -s "$TMP/rep1" "$TMP/rep2" && ok "and the same repairs" || not_ok "the repairs differ"
expect "demo with another seed, by --db" 0 "$BIN" --db "$TMP/other.db" demo --seed 7
q "$TMP/other.db" "SELECT name FROM members ORDER BY member_no" > "$TMP/names3"
cmp -s "$TMP/names1" "$TMP/names3" && not_ok "another seed gave the same members" || ok "another seed, other members"

# The bulk path (src/db/repair_bulk.c: each repair's life walked on a copy,
# then put in once) leaves what the API leaves, step by step: the repairs,
# their events, their audit rows in their order among all the trail's
# (only the clock times and the random uuids differ; the JSON is compared
# as text, byte for byte), the kept counts, the
# search index. 2,500 repairs: three of the bulk path's batches, at 1,024
# a batch (COOPDESK_BULK_BATCH; a large load takes 16,384).
same() {
	q "$1" "SELECT id, home_id, reported_by_member, reported_at, title, description, location,
		priority, rtr_defect, rtr_days, damp_hazard, investigated_on, summary_sent_on, status,
		contractor_id, cost_pence, target_at, completed_at, closed_at, reopened, version,
		reported_how, category, safety_done_on, satisfaction FROM repairs ORDER BY id;
	SELECT * FROM repair_events ORDER BY id;
	SELECT id, user_id, actor, table_name, row_id, action,
		replace(before, coalesce(json_extract(before, '\$.uuid'), '-'), 'UUID'),
		replace(after, coalesce(json_extract(after, '\$.uuid'), '-'), 'UUID') FROM audit
		WHERE table_name IN ('repairs', 'repair_events') ORDER BY id;
	SELECT * FROM row_counts ORDER BY name;
	SELECT * FROM sqlite_sequence ORDER BY name;
	SELECT rowid FROM repairs_fts WHERE repairs_fts MATCH 'leak OR boiler OR mould OR door' ORDER BY rowid;
	INSERT INTO repairs_fts (repairs_fts) VALUES ('integrity-check');"
}
now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
COOPDESK_NOW=$now COOPDESK_BULK_BATCH=1024 "$BIN" demo "$TMP/bulk.db" --homes 12 --members 20 \
	--repairs 2500 --seed 5 > /dev/null 2>&1 &&
	COOPDESK_NOW=$now "$BIN" demo "$TMP/api.db" --homes 12 --members 20 --repairs 2500 --seed 5 \
		--through-api > /dev/null 2>&1 ||
	not_ok "the same small co-op in bulk and through the API"
same "$TMP/bulk.db" > "$TMP/bulk.txt" 2>&1
same "$TMP/api.db" > "$TMP/api.txt" 2>&1
at_least "audit rows compared" "$(grep -c '^[0-9]*|[0-9]*|coopdesk demo|repairs|' "$TMP/bulk.txt")" 12000
# The bulk path's rows are dated as they are put in the trail: times as
# the API writes them, never going back as the ids go on.
[ "$(q "$TMP/bulk.db" "SELECT count(*) FROM audit WHERE at NOT GLOB
	'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'
	OR at < (SELECT max(p.at) FROM audit p WHERE p.id < audit.id AND p.id > audit.id - 2)")" = 0 ] &&
	ok "the bulk trail's times are whole and in the order of its rows" ||
	not_ok "a bulk trail time malformed or out of order"
# Each batch's rows are dated as it is put: three batches, three times.
at_least "batches put (one time each)" "$(q "$TMP/bulk.db" "SELECT count(DISTINCT at) FROM audit
	WHERE table_name IN ('repairs', 'repair_events')")" 3
if cmp -s "$TMP/bulk.txt" "$TMP/api.txt"; then
	ok "the bulk path leaves what the API leaves, audit trail and search included"
else
	not_ok "the bulk path differs from the API"
	diff "$TMP/api.txt" "$TMP/bulk.txt" | head -8 | sed 's/^/#   /'
fi
expect "check passes on the bulk one" 0 "$BIN" --db "$TMP/bulk.db" check
[ "$(q "$TMP/bulk.db" "SELECT count(*) FROM audit_context WHERE unaudited IS NULL")" = 1 ] &&
	ok "and its trail is switched on" || not_ok "audit_context.unaudited left set"
# The switch left on is a fault check names.
sqlite3 "$TMP/bulk.db" "UPDATE audit_context SET unaudited = 'repairs'"
expect "check fails with the audit of repairs switched off" 1 "$BIN" --db "$TMP/bulk.db" check
contains "naming it" "$TMP/out" "changes to repairs are not audited: audit_context.unaudited names it"

# FILE beats --db.
expect "FILE beats --db" 0 "$BIN" --db "$TMP/not.db" demo "$TMP/file.db" --repairs 10
[ -f "$TMP/file.db" ] && [ ! -e "$TMP/not.db" ] && ok "the file named was made" || not_ok "FILE did not beat --db"

# A small co-op of exact counts.
SMALL="$TMP/small.db"
expect "a small co-op with --homes --members --repairs" 0 "$BIN" demo "$SMALL" --homes 20 --members 30 --repairs 500
[ "$(q "$SMALL" "SELECT count(*) || ' ' || (SELECT count(*) FROM members) || ' ' || (SELECT count(*) FROM repairs) FROM homes")" = "20 30 500" ] &&
	ok "20 homes, 30 members, 500 repairs" ||
	not_ok "small: $(q "$SMALL" "SELECT count(*) || ' ' || (SELECT count(*) FROM members) || ' ' || (SELECT count(*) FROM repairs) FROM homes")"
expect "check passes on the small co-op" 0 "$BIN" --db "$SMALL" check

# Too few members for every home: the rest stand empty, and it still holds.
expect "more homes than members can fill" 0 "$BIN" demo "$TMP/few.db" --homes 40 --members 12 --repairs 50
expect "check passes on it" 0 "$BIN" --db "$TMP/few.db" check

# COOPDESK_TODAY: a demo as it stood on an earlier day.
expect "demo as of an earlier day" 0 env COOPDESK_TODAY=2025-06-30 "$BIN" demo "$TMP/past.db" --repairs 200
at_least "nothing after that day" \
	"$(q "$TMP/past.db" "SELECT (SELECT count(*) FROM share_ops WHERE op_date > '2025-06-30') + (SELECT count(*) FROM rent_ledger WHERE entry_date > '2025-06-30') + (SELECT count(*) FROM repair_events WHERE at > '2025-06-30T23:59:59Z') + (SELECT count(*) FROM decisions WHERE decided_on > '2025-06-30')")" 0 0
expect "check passes on it" 0 "$BIN" --db "$TMP/past.db" check
finish
