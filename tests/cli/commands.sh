#!/bin/sh
# The command line: help, version, usage errors, init, check, and the
# refusals of a database that is not ours or is newer than we are.
. "$(dirname "$0")/lib.sh"

expect "--help exits 0" 0 "$BIN" --help
contains "--help goes to stdout and lists the commands" "$TMP/out" "check"
expect "--version exits 0" 0 "$BIN" --version
contains "--version names coopdesk" "$TMP/out" "coopdesk "
expect "an unknown option is a usage error" 2 "$BIN" --frobnicate
contains "usage goes to stderr" "$TMP/err" "usage: coopdesk"
expect "an unknown command is a usage error" 2 "$BIN" frobnicate
contains "the unknown command is named" "$TMP/err" "no command 'frobnicate'"
expect "init --help exits 0" 0 "$BIN" init --help
expect "check with a stray argument is a usage error" 2 "$BIN" check stray

DB="$TMP/sub/dir/coop.db"
printf 'board-pass-1\n' > "$TMP/pw"
expect "init makes a new database, and its folders" 0 "$BIN" --db "$DB" init --name "Ælfric's Co-op" < "$TMP/pw"
contains "init says where" "$TMP/out" "$DB"
mode=$(stat -c %a "$DB")
[ "$mode" = 600 ] && ok "the database file is private (0600)" || not_ok "database mode is $mode"
mode=$(stat -c %a "$TMP/sub/dir")
[ "$mode" = 700 ] && ok "its folder is private (0700)" || not_ok "folder mode is $mode"
expect "init refuses to overwrite" 1 "$BIN" --db "$DB" init
contains "and says so" "$TMP/err" "already exists"

SQL_DIR="$(dirname "$0")/../../sql"
latest=$(ls "$SQL_DIR"/[0-9]*.sql | tail -1 | xargs basename | sed 's/_.*//; s/^0*//')
out=$(sqlite3 "$DB" 'PRAGMA application_id; PRAGMA user_version; PRAGMA journal_mode' | tr '\n' ' ')
newest=$(ls "$(dirname "$0")"/../../sql/[0-9]*.sql | tail -1 | xargs basename | sed 's/_.*//; s/^0*//')
[ "$out" = "1131376496 $newest wal " ] && ok "application_id, user_version, WAL" || not_ok "pragmas: $out"
name=$(sqlite3 "$DB" "SELECT value FROM settings WHERE key = 'coop_name'")
[ "$name" = "Ælfric's Co-op" ] && ok "the co-op's name is kept" || not_ok "name: $name"
who=$(sqlite3 "$DB" "SELECT actor FROM audit WHERE table_name = 'settings'")
[ "$who" = "coopdesk init" ] && ok "the name change is audited" || not_ok "audit actor: $who"

expect "check passes on a new database" 0 "$BIN" --db "$DB" check
contains "check warns that a co-op needs 3 members" "$TMP/out" "WARNING"

# A database of each older schema is brought up to date when opened, and
# check passes on it. Each is made from the migrations up to its version
# with the sqlite3 shell (so without the generated audit triggers, which
# every upgrade makes again).
for f in "$SQL_DIR"/[0-9]*.sql; do
	v=$(basename "$f" | sed 's/_.*//; s/^0*//')
	[ "$v" -lt "$latest" ] || continue
	old="$TMP/schema$v.db"
	sqlite3 "$old" "PRAGMA application_id = 1131376496"
	for g in "$SQL_DIR"/[0-9]*.sql; do
		w=$(basename "$g" | sed 's/_.*//; s/^0*//')
		[ "$w" -le "$v" ] && sqlite3 "$old" ".read $g"
	done
	sqlite3 "$old" "PRAGMA user_version = $v"
	expect "check upgrades a schema $v database and passes" 0 "$BIN" --db "$old" check
	# Schema 13: the reports' indexes, and search triggers that fire only
	# when the words change.
	out=$(sqlite3 "$old" "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN
		('members_by_entered', 'repairs_completed_cover', 'member_property_by_kind');
		SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name IN ('repairs_fts_update',
		'members_fts_update', 'homes_fts_update') AND sql LIKE '%WHEN OLD.%IS NOT NEW.%'" | tr '\n' ' ')
	[ "$out" = "3 3 " ] && ok "schema $v gained schema 13's indexes and search triggers" \
		|| not_ok "schema 13 after schema $v: $out"
	out=$(sqlite3 "$old" "PRAGMA user_version")
	[ "$out" = "$latest" ] && ok "schema $v is now schema $latest" || not_ok "schema $v became $out"
	out=$(sqlite3 "$old" "SELECT value || kind || min_value || '-' || max_value FROM settings
		WHERE key = 'hours_expected_per_year'")
	[ "$out" = "0integer0-2000" ] && ok "schema $v gained hours_expected_per_year" \
		|| not_ok "hours_expected_per_year after schema $v: $out"
	out=$(sqlite3 "$old" "SELECT group_concat(key || '=' || value || kind, ' ') FROM settings
		WHERE key IN ('scheme_awaab', 'scheme_right_to_repair');
		SELECT count(*) || ' ' || sum(days) || ' ' || count(summer_days) FROM rtr_defects;
		SELECT count(*) FROM pragma_table_info('repairs') WHERE name IN ('reported_how',
		'category', 'safety_done_on', 'rtr_second_on', 'rtr_second_contractor_id',
		'rtr_comp_pence', 'rtr_comp_settled', 'rtr_comp_on', 'satisfaction')" | tr '\n' ' ')
	[ "$out" = "scheme_awaab=1boolean scheme_right_to_repair=1boolean 19 49 1 9 " ] \
		&& ok "schema $v gained the schemes, the Right to Repair schedule and the repair columns" \
		|| not_ok "schema 4 after schema $v: $out"
	out=$(sqlite3 "$old" "SELECT kind || '/' || value FROM settings WHERE key = 'coop_address';
		SELECT count(*) FROM sqlite_schema WHERE name = 'audit_rent_entry_details_insert'")
	[ "$out" = "text/
1" ] && ok "schema $v gained coop_address and the audited rent_entry_details" \
		|| not_ok "coop_address, rent_entry_details after schema $v: $out"
	out=$(sqlite3 "$old" "SELECT count(*) FROM settings WHERE key IN ('publish_board_meetings',
		'publish_roll_calls') AND value = '0'; SELECT agenda || vote_by FROM meetings LIMIT 0;
		SELECT count(*) FROM pragma_table_info('meetings') WHERE name IN ('agenda', 'vote_by')" |
		tr '\n' ' ')
	[ "$out" = "2 2 " ] && ok "schema $v gained a meeting's agenda and vote, and two settings" \
		|| not_ok "schema 8's changes after schema $v: $out"
	out=$(sqlite3 "$old" "SELECT count(*) FROM imports; SELECT count(*) FROM sqlite_schema
		WHERE name IN ('audit_imports_insert', 'imports_never_edited', 'imports_never_deleted')" |
		tr '\n' ' ')
	[ "$out" = "0 3 " ] && ok "schema $v gained the record of imports, audited" \
		|| not_ok "schema 9's imports after schema $v: $out"
	out=$(sqlite3 "$old" "SELECT count(*) FROM sqlite_schema WHERE name IN ('bank_lines',
		'bank_profiles', 'audit_bank_lines_insert', 'audit_bank_profiles_update',
		'bank_lines_no_update')")
	[ "$out" = 5 ] && ok "schema $v gained the bank lines and profiles, audited" \
		|| not_ok "schema 10's tables after schema $v: $out"
	out=$(sqlite3 "$old" "SELECT value || kind || min_value || '-' || max_value FROM settings
		WHERE key = 'backup_days'")
	[ "$out" = "14integer1-365" ] && ok "schema $v gained backup_days (schema 11)" \
		|| not_ok "backup_days after schema $v: $out"
	out=$(sqlite3 "$old" "SELECT group_concat(key || '=' || coalesce(default_value, 'none'), ' ')
		FROM settings WHERE key IN ('quorum_percent', 'coop_name', 'notice_clear_days',
		'publish_roll_calls') ORDER BY key; SELECT count(*) FROM settings WHERE source = ''
		" | tr '\n' ' ')
	[ "$out" = "coop_name=none notice_clear_days=14 publish_roll_calls=0 quorum_percent=10 0 " ] \
		&& ok "schema $v gained each setting's default and every rule's source" \
		|| not_ok "schema 12's defaults after schema $v: $out"
done

# A schema 2 database as coopdesk left it (audit triggers, a trail, the
# co-op's name): schema 3 undone by hand, its trigger dropped first as the
# migration drops it, and schema 7's indexes as schema 1 made them.
# Opening it adds the setting without an audit row.
cp "$DB" "$TMP/schema2-used.db"
sqlite3 "$TMP/schema2-used.db" "DROP TRIGGER audit_settings_delete;
	DROP TRIGGER audit_meetings_insert; DROP TRIGGER audit_meetings_update;
	DROP TRIGGER audit_meetings_delete; ALTER TABLE meetings DROP COLUMN agenda;
	ALTER TABLE meetings DROP COLUMN vote_by;
	DROP TRIGGER audit_repairs_insert; DROP TRIGGER audit_repairs_update;
	DROP TRIGGER audit_repairs_delete; DROP TRIGGER audit_rtr_defects_insert;
	DROP TRIGGER audit_rtr_defects_update; DROP TRIGGER audit_rtr_defects_delete;
	ALTER TABLE repairs DROP COLUMN reported_how; ALTER TABLE repairs DROP COLUMN category;
	ALTER TABLE repairs DROP COLUMN safety_done_on; ALTER TABLE repairs DROP COLUMN rtr_second_on;
	ALTER TABLE repairs DROP COLUMN rtr_second_contractor_id;
	ALTER TABLE repairs DROP COLUMN rtr_comp_pence; ALTER TABLE repairs DROP COLUMN rtr_comp_settled;
	ALTER TABLE repairs DROP COLUMN rtr_comp_on; ALTER TABLE repairs DROP COLUMN satisfaction;
	DROP TABLE rtr_defects; DROP INDEX repairs_rtr_by_reported; DROP INDEX repairs_damp_by_reported;
	DELETE FROM settings WHERE key IN ('hours_expected_per_year', 'scheme_right_to_repair',
	'scheme_awaab', 'coop_address', 'publish_board_meetings', 'publish_roll_calls',
	'backup_days');
	DROP TABLE rent_entry_details; DROP INDEX rent_ledger_by_tenancy_date;
	DROP TABLE bank_lines; DROP TABLE bank_profiles;
	DROP INDEX repairs_by_status_target; DROP INDEX repairs_open_by_target;
	DROP TRIGGER audit_imports_insert; DROP TRIGGER audit_imports_update;
	DROP TRIGGER audit_imports_delete; DROP TABLE imports;
	DROP TRIGGER audit_settings_insert; DROP TRIGGER audit_settings_update;
	ALTER TABLE settings DROP COLUMN default_value;
	CREATE INDEX repairs_open_by_target ON repairs (target_at, id) WHERE is_open;
	DROP INDEX members_by_entered; DROP INDEX repairs_completed_cover;
	DROP INDEX member_property_by_kind;
	PRAGMA user_version = 2"
# Schema 14's column, which every audit trigger reads: the triggers go first
# (the upgrade makes them all again).
sqlite3 "$TMP/schema2-used.db" "SELECT 'DROP TRIGGER \"' || name || '\";' FROM sqlite_schema
	WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\'
	AND name NOT LIKE 'audit\\_trail\\_%' ESCAPE '\\'" | sqlite3 "$TMP/schema2-used.db"
sqlite3 "$TMP/schema2-used.db" "ALTER TABLE audit_context DROP COLUMN unaudited"
before=$(sqlite3 "$TMP/schema2-used.db" "SELECT count(*) FROM audit")
# The whole trail, to see that schema 16, which makes the table again, keeps
# every row, its number and the next number.
trail="SELECT id, at, user_id, actor, table_name, row_id, action, before, after FROM audit
	ORDER BY id; SELECT seq FROM sqlite_sequence WHERE name = 'audit'"
sqlite3 "$TMP/schema2-used.db" "$trail" > "$TMP/trail-before"
# A copy whose last row of the trail was deleted by hand: the evidence (the
# next number) must live through schema 16 too.
cp "$TMP/schema2-used.db" "$TMP/schema2-cut.db"
sqlite3 "$TMP/schema2-cut.db" "DROP TRIGGER audit_trail_no_delete;
	DELETE FROM audit WHERE id = (SELECT max(id) FROM audit);
	CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be deleted'); END"
expect "a cut trail is upgraded, and check fails" 1 "$BIN" --db "$TMP/schema2-cut.db" check
contains "check still sees the rows deleted before the upgrade" "$TMP/out" "rows have been deleted"
expect "check upgrades a used schema 2 database and passes" 0 "$BIN" --db "$TMP/schema2-used.db" check
sqlite3 "$TMP/schema2-used.db" "$trail" > "$TMP/trail-after"
[ "$before" -gt 1 ] && cmp -s "$TMP/trail-before" "$TMP/trail-after" \
	&& ok "the upgrade kept all $before rows of the trail, their numbers and the next" \
	|| not_ok "the trail changed in the upgrade: $(diff "$TMP/trail-before" "$TMP/trail-after" | head -5)"
out=$(sqlite3 "$TMP/schema2-used.db" "SELECT count(*) FROM sqlite_schema WHERE name = 'audit'
	AND sql LIKE '%CHECK (action = ''insert'' OR action = ''update'' OR action = ''delete'')%';
	SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'audit' AND name IN ('audit_by_user',
	'audit_by_record', 'audit_by_time', 'audit_trail_no_update', 'audit_trail_no_delete');
	SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%audit_old%'" | tr '\n' ' ')
[ "$out" = "1 5 0 " ] && ok "schema 16's trail: its check, indexes and guards, nothing of the old" \
	|| not_ok "schema 16's trail: $out"
for change in "UPDATE audit SET actor = 'x'" "DELETE FROM audit"; do
	if sqlite3 "$TMP/schema2-used.db" "$change" 2> "$TMP/err"; then
		not_ok "after the upgrade, the trail takes $change"
	else
		contains "after the upgrade, the trail refuses $change" "$TMP/err" "cannot be"
	fi
done
out=$(sqlite3 "$TMP/schema2-used.db" "PRAGMA user_version; SELECT count(*) FROM audit;
	SELECT value FROM settings WHERE key IN ('coop_name', 'hours_expected_per_year') ORDER BY key;
	SELECT count(*) FROM sqlite_schema WHERE name = 'audit_settings_delete'" | tr '\n' ' ')
[ "$out" = "$newest $before Ælfric's Co-op 0 1 " ] \
	&& ok "schema $newest, the setting unaudited, the name kept, the triggers made again" \
	|| not_ok "after the upgrade: $out (audit rows before: $before)"

expect "a missing database is reported" 1 "$BIN" --db "$TMP/none.db" check
contains "in words" "$TMP/err" "coopdesk init"

sqlite3 "$TMP/other.db" 'CREATE TABLE t (x)'
expect "another program's SQLite file is refused" 1 "$BIN" --db "$TMP/other.db" check
contains "in words" "$TMP/err" "not a coopdesk one"

cp "$DB" "$TMP/newer.db"
sqlite3 "$TMP/newer.db" 'PRAGMA user_version = 999'
expect "a database from a newer coopdesk is refused" 1 "$BIN" --db "$TMP/newer.db" check
contains "in words" "$TMP/err" "newer coopdesk"

# The database refuses what the rules forbid, even from the sqlite3 shell.
if sqlite3 "$DB" "UPDATE audit SET actor = 'x'" 2> "$TMP/err"; then
	not_ok "an audit row can be updated by hand"
else
	contains "an audit row cannot be updated by hand" "$TMP/err" "cannot be changed"
fi
if sqlite3 "$DB" "DELETE FROM audit" 2> "$TMP/err"; then
	not_ok "audit rows can be deleted by hand"
else
	contains "audit rows cannot be deleted by hand" "$TMP/err" "cannot be deleted"
fi

# Rules the database holds itself refuse a hand-made breach in the shell.
cp "$DB" "$TMP/rules.db"
sqlite3 "$TMP/rules.db" "
INSERT INTO homes (uuid, ref, address) VALUES ('00000000-0000-4000-8000-000000000001', 'H-01', '1 Mill Lane');
INSERT INTO members (uuid, member_no, name, sort_name, address, entered_on)
  VALUES ('00000000-0000-4000-8000-000000000002', 1, 'Ann Example', 'example, ann', '1 Mill Lane', '2020-01-01');
INSERT INTO tenancies (uuid, home_id, start_date, end_date)
  VALUES ('00000000-0000-4000-8000-000000000003', 1, '2020-01-01', '2024-01-01');"
if sqlite3 "$TMP/rules.db" "INSERT INTO tenancies (uuid, home_id, start_date)
	VALUES ('00000000-0000-4000-8000-000000000004', 1, '2023-06-01')" 2> "$TMP/err"; then
	not_ok "an overlapping tenancy can be made by hand"
else
	contains "an overlapping tenancy is refused by the database, in words" "$TMP/err" \
		"already has a tenancy for part of that period"
fi
if sqlite3 "$TMP/rules.db" "INSERT INTO share_ops (uuid, op_no, member_id, kind, shares, amount_pence, op_date)
	VALUES ('00000000-0000-4000-8000-000000000005', 1, 1, 'issue', 1, 0, '2020-01-01')" 2> "$TMP/err"; then
	not_ok "a share of £0.00 can be made by hand"
else
	contains "a share's amount must be positive" "$TMP/err" "a share's amount must be more than £0.00"
fi
# A rule only check can see: a current member with no share.
expect "check names a current member who holds no share" 1 "$BIN" --db "$TMP/rules.db" check
contains "by number and name" "$TMP/out" "member no. 1 (Ann Example) is a current member but holds 0 shares"
contains "and a tenancy with no signatory" "$TMP/out" "has no signatory"

# Every table's writes are audited by generated triggers; check notices one gone.
cp "$DB" "$TMP/untrailed.db"
sqlite3 "$TMP/untrailed.db" "DROP TRIGGER audit_members_update"
expect "check fails when a table's changes are no longer audited" 1 "$BIN" --db "$TMP/untrailed.db" check
contains "and names the table and the change" "$TMP/out" "changes to members are not audited: its update trigger is missing"
n=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit\_%\_insert' ESCAPE '\\'")
t=$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'
	AND name NOT IN ('audit', 'audit_context', 'row_counts') AND sql NOT LIKE 'CREATE VIRTUAL%'
	AND name NOT LIKE '%fts%'")
[ "$n" -eq "$t" ] && [ "$t" -gt 20 ] && ok "every one of the $t tables has its audit triggers" \
	|| not_ok "$n audit insert triggers for $t tables"

# With its protections dropped, check names what was done.
sqlite3 "$DB" "DROP TRIGGER audit_trail_no_delete; DELETE FROM audit;"
expect "check fails after the trail was tampered with" 1 "$BIN" --db "$DB" check
contains "check names the missing protection" "$TMP/out" "audit_trail_no_delete"
contains "check names the deleted rows" "$TMP/out" "rows have been deleted"
finish
