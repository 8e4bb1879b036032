/* tests/unit/test_settings.c: the settings the schema cannot check alone
 * (src/db/settings.c): the co-op's time zone, its name, the mouse, numbers
 * that are all digits, the hours expected of a member (schema 3), and the
 * days the daily backups are kept (schema 11, with its upgrade). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/settings.h"
#include "coopdesk/zone.h"
#include "testutil.h"

static int setup(void **state)
{
	*state = test_db_new();
	return 0;
}

static int teardown(void **state)
{
	db_close(*state);
	assert_int_equal(zone_set("Europe/London"), 0);
	return 0;
}

/* Sets a setting from the version it has now. */
static int set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	return setting_set(db, &board, key, value, s.version);
}

static void time_zone_defaults_to_london_and_refuses_unknown_zones(void **state)
{
	struct db *db = *state;
	char buf[80];
	struct setting s;
	assert_int_equal(setting_text(db, "time_zone", buf, sizeof buf), DB_OK);
	assert_string_equal(buf, "Europe/London");
	assert_int_equal(setting_get(db, "time_zone", &s), DB_OK);
	assert_string_equal(s.kind, "text");
	int64_t audits = audit_count_for(db, "settings", 0);

	assert_int_equal(set(db, "time_zone", "Atlantis/Lost"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "Atlantis/Lost is not a time zone this machine knows"
			    " (see /usr/share/zoneinfo)");
	assert_int_equal(set(db, "time_zone", "../../etc/passwd"), DB_INVALID);
	assert_int_equal(set(db, "time_zone", ""), DB_INVALID);
	/* What is refused is shown inert. */
	assert_int_equal(set(db, "time_zone", "Europe/\x1b[2J"), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "cannot contain control characters"));
	assert_int_equal(audit_count_for(db, "settings", 0), audits);
	assert_int_equal(setting_text(db, "time_zone", buf, sizeof buf), DB_OK);
	assert_string_equal(buf, "Europe/London");

	/* A known zone is saved, audited, and put in force when applied. */
	assert_int_equal(set(db, "time_zone", "America/New_York"), DB_OK);
	assert_int_equal(audit_count_for(db, "settings", 0), audits + 1);
	assert_int_equal(zone_set("Europe/London"), 0);
	assert_int_equal(setting_zone_apply(db), DB_OK);
	assert_string_equal(zone_name(), "America/New_York");
	char shown[ZONE_TIME_BUFSZ];
	assert_string_equal(zone_format("2026-07-01T03:30:00Z", shown, sizeof shown),
			    "30/06/2026 23:30");
}

static void a_zone_this_machine_lacks_is_said_in_words(void **state)
{
	struct db *db = *state;
	assert_int_equal(zone_set("Europe/London"), 0);
	/* As if the database came from a machine with more zones than this. */
	setenv("TZDIR", "/nonexistent", 1);
	assert_int_equal(setting_zone_apply(db), DB_INVALID);
	unsetenv("TZDIR");
	assert_string_equal(db_errmsg(db), "the co-op's time zone, Europe/London, is not one this"
			    " machine knows (install tzdata, or change the time_zone setting)");
	assert_string_equal(zone_name(), "Europe/London");
	assert_int_equal(setting_zone_apply(db), DB_OK);
}

static void mouse_is_off_by_default_and_yes_or_no(void **state)
{
	struct db *db = *state;
	int64_t v = -1;
	assert_int_equal(setting_int(db, "mouse", &v), DB_OK);
	assert_int_equal(v, 0);
	assert_int_equal(set(db, "mouse", "2"), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that setting is outside the range the rules allow");
	assert_int_equal(set(db, "mouse", "yes"), DB_CONSTRAINT);
	assert_int_equal(set(db, "mouse", "1"), DB_OK);
	assert_int_equal(setting_int(db, "mouse", &v), DB_OK);
	assert_int_equal(v, 1);
}

/* A number setting holds digits and nothing else: the schema's check sees
 * only the first character, so "12.5" and "7 members" are refused here,
 * in the schema's words, rather than stored for setting_int to fail on. */
static void a_number_setting_is_all_digits(void **state)
{
	struct db *db = *state;
	int64_t audits = audit_count_for(db, "settings", 0);
	int64_t v = -1;
	assert_int_equal(set(db, "quorum_percent", "12.5"), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that setting must be a whole number");
	assert_int_equal(set(db, "quorum_min_members", "7 members"), DB_CONSTRAINT);
	assert_int_equal(set(db, "share_value", "1e3"), DB_CONSTRAINT);
	assert_int_equal(set(db, "quorum_percent", "-"), DB_CONSTRAINT);
	assert_int_equal(set(db, "quorum_percent", ""), DB_CONSTRAINT);
	assert_int_equal(audit_count_for(db, "settings", 0), audits);
	assert_int_equal(set(db, "quorum_percent", "12"), DB_OK);
	assert_int_equal(setting_int(db, "quorum_percent", &v), DB_OK);
	assert_int_equal(v, 12);
	/* Text settings are not numbers. */
	assert_int_equal(set(db, "society_number", "31742R"), DB_OK);
	struct actor board = test_board();
	assert_int_equal(setting_set(db, &board, "no_such_setting", "1", 1), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no setting 'no_such_setting'");
}

/* Schema 3: the hours a member is expected to give, none by default, put
 * in by the migration without an audit row (a default, not a change). */
static void hours_expected_is_0_to_2000_and_came_unaudited(void **state)
{
	struct db *db = *state;
	struct setting s;
	int64_t v = -1;
	assert_int_equal(setting_get(db, "hours_expected_per_year", &s), DB_OK);
	assert_string_equal(s.kind, "integer");
	assert_string_equal(s.value, "0");
	assert_true(s.has_min && s.has_max);
	assert_int_equal(s.min_value, 0);
	assert_int_equal(s.max_value, 2000);
	assert_string_equal(s.description, "Hours of volunteering or other time a member is"
			    " expected to give each year (0: none)");
	assert_int_equal(audit_count_for(db, "settings", 0), 0);
	assert_int_equal(set(db, "hours_expected_per_year", "2001"), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that setting is outside the range the rules allow");
	assert_int_equal(set(db, "hours_expected_per_year", "-1"), DB_CONSTRAINT);
	assert_int_equal(set(db, "hours_expected_per_year", "2.5"), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that setting must be a whole number");
	assert_int_equal(set(db, "hours_expected_per_year", "2000"), DB_OK);
	assert_int_equal(setting_int(db, "hours_expected_per_year", &v), DB_OK);
	assert_int_equal(v, 2000);
	assert_int_equal(audit_count_for(db, "settings", 0), 1);
}

/* Schema 11: the days the daily backups are kept, 14 by default, 1 to
 * 365, with its source; in unaudited, like every default. */
static void backup_days_is_1_to_365_and_came_unaudited(void **state)
{
	struct db *db = *state;
	struct setting s;
	assert_int_equal(setting_get(db, "backup_days", &s), DB_OK);
	assert_string_equal(s.kind, "integer");
	assert_string_equal(s.value, "14");
	assert_true(s.has_min && s.has_max);
	assert_int_equal(s.min_value, 1);
	assert_int_equal(s.max_value, 365);
	assert_string_equal(s.description, "Days the automatic daily backups of the co-op are"
			    " kept before the oldest is removed");
	assert_string_equal(s.source, "UK GDPR art. 32(1)(c): restore personal data in a timely manner");
	assert_int_equal(audit_count_for(db, "settings", 0), 0);
	assert_int_equal(set(db, "backup_days", "0"), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that setting is outside the range the rules allow");
	assert_int_equal(set(db, "backup_days", "366"), DB_CONSTRAINT);
	assert_int_equal(set(db, "backup_days", "365"), DB_OK);
	assert_int_equal(audit_count_for(db, "settings", 0), 1);
}

/* A co-op of schema 10 (the one before) is brought up to this one: the
 * setting appears with its default, unaudited, and what was there stays. */
static void a_schema_10_coop_gets_backup_days_on_upgrade(void **state)
{
	(void)state;
	char path[64];
	struct db *db = test_db_file(path);
	assert_int_equal(set(db, "quorum_percent", "30"), DB_OK);
	db_close(db);
	sqlite3 *raw;
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, "DROP TRIGGER audit_settings_delete;"
				      "DELETE FROM settings WHERE key = 'backup_days';"
				      /* what the schemas after 11 add, so they apply again */
				      "DROP INDEX members_by_entered; DROP INDEX repairs_completed_cover;"
				      "DROP INDEX member_property_by_kind;"
				      "DROP TRIGGER audit_settings_insert; DROP TRIGGER audit_settings_update;"
				      "ALTER TABLE settings DROP COLUMN default_value;"
				      "PRAGMA user_version = 10", NULL, NULL, NULL), SQLITE_OK);
	/* Schema 14's column, which every audit trigger reads: the triggers
	 * go first (the upgrade makes them all again). */
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT group_concat('DROP TRIGGER \"' || name"
					    " || '\";', '') FROM sqlite_schema WHERE type = 'trigger'"
					    " AND name LIKE 'audit\\_%' ESCAPE '\\'"
					    " AND name NOT LIKE 'audit\\_trail\\_%' ESCAPE '\\'",
					    -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_exec(raw, (const char *)sqlite3_column_text(st, 0), NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_exec(raw, "ALTER TABLE audit_context DROP COLUMN unaudited", NULL,
				      NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	char err[600];
	assert_int_equal(db_open(path, 0, &db, err, sizeof err), DB_OK);
	assert_int_equal(db_schema_version(db), db_schema_version_known());
	int64_t v = 0;
	assert_int_equal(setting_int(db, "backup_days", &v), DB_OK);
	assert_int_equal(v, 14);
	assert_int_equal(setting_int(db, "quorum_percent", &v), DB_OK);
	assert_int_equal(v, 30);
	assert_int_equal(audit_count_for(db, "settings", 0), 1); /* the quorum only */
	db_close(db);
	test_db_unlink(path);
}

static void coop_name_is_one_line_and_not_empty(void **state)
{
	struct db *db = *state;
	char buf[200];
	int64_t audits = audit_count_for(db, "settings", 0);
	assert_int_equal(set(db, "coop_name", "   "), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the co-op's name cannot be empty");
	assert_int_equal(set(db, "coop_name", ""), DB_INVALID);
	assert_int_equal(set(db, "coop_name", "Alder\x1b[31m Street"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that setting cannot contain control characters (such as"
			    " escape, tab or a new line) or direction-changing marks");
	assert_int_equal(set(db, "coop_name", "Alder \xE2\x80\xAE" "Street"), DB_INVALID);
	assert_int_equal(set(db, "coop_name", "Alder\nStreet"), DB_INVALID);
	assert_int_equal(set(db, "society_number", "31742\tR"), DB_INVALID);
	assert_int_equal(audit_count_for(db, "settings", 0), audits);
	assert_int_equal(set(db, "coop_name", "Zoë's Co-op, Łódź"), DB_OK);
	assert_int_equal(setting_text(db, "coop_name", buf, sizeof buf), DB_OK);
	assert_string_equal(buf, "Zoë's Co-op, Łódź");
}

/* Schema 12: every rule carries its lawful default; the co-op's own name
 * has none. Reset puts the default back (audited, the version checked);
 * only the board may. */
static void reset_puts_the_lawful_default_back(void **state)
{
	struct db *db = *state;
	struct actor board = test_board(), volunteer = test_volunteer(0);
	struct setting s;
	assert_int_equal(setting_get(db, "notice_clear_days", &s), DB_OK);
	assert_true(s.has_default);
	assert_string_equal(s.default_value, "14");
	assert_string_equal(s.source, "model rules");
	assert_int_equal(setting_get(db, "rent_free_weeks", &s), DB_OK);
	assert_string_equal(s.default_value, "0");
	assert_true(s.source[0] != '\0');
	assert_int_equal(setting_get(db, "coop_name", &s), DB_OK);
	assert_false(s.has_default);
	assert_int_equal(setting_reset(db, &board, "coop_name", s.version), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this setting has no default: it is the co-op's own");

	assert_int_equal(set(db, "notice_clear_days", "21"), DB_OK);
	int64_t audits = audit_count_for(db, "settings", 0);
	assert_int_equal(setting_get(db, "notice_clear_days", &s), DB_OK);
	assert_int_equal(setting_reset(db, &volunteer, "notice_clear_days", s.version), DB_DENIED);
	assert_int_equal(setting_reset(db, &board, "notice_clear_days", s.version - 1), DB_CONFLICT);
	assert_int_equal(audit_count_for(db, "settings", 0), audits);
	assert_int_equal(setting_reset(db, &board, "notice_clear_days", s.version), DB_OK);
	assert_int_equal(setting_get(db, "notice_clear_days", &s), DB_OK);
	assert_string_equal(s.value, "14");
	assert_int_equal(audit_count_for(db, "settings", 0), audits + 1);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(time_zone_defaults_to_london_and_refuses_unknown_zones,
						setup, teardown),
		cmocka_unit_test_setup_teardown(a_zone_this_machine_lacks_is_said_in_words, setup,
						teardown),
		cmocka_unit_test_setup_teardown(mouse_is_off_by_default_and_yes_or_no, setup, teardown),
		cmocka_unit_test_setup_teardown(a_number_setting_is_all_digits, setup, teardown),
		cmocka_unit_test_setup_teardown(hours_expected_is_0_to_2000_and_came_unaudited, setup,
						teardown),
		cmocka_unit_test_setup_teardown(backup_days_is_1_to_365_and_came_unaudited, setup,
						teardown),
		cmocka_unit_test_setup_teardown(a_schema_10_coop_gets_backup_days_on_upgrade, setup,
						teardown),
		cmocka_unit_test_setup_teardown(coop_name_is_one_line_and_not_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(reset_puts_the_lawful_default_back, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
