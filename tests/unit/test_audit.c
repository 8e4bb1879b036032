/* tests/unit/test_audit.c: the audit trail (src/db/audit.c and the triggers
 * of src/db/audit_triggers.c).
 *
 * This one test file also speaks SQL directly (sqlite3.h), on a temporary
 * file database, to show that the database itself refuses to change or
 * delete the trail: the public API has no way to try. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopdesk/audit.h"
#include "coopdesk/zone.h"
#include "coopdesk/members.h"
#include "coopdesk/settings.h"
#include "testutil.h"

static int setup(void **state)
{
	*state = test_db_new();
	return 0;
}

static int teardown(void **state)
{
	db_close(*state);
	return 0;
}

static int64_t add(struct db *db, const struct actor *who, const char *name)
{
	struct member m = { 0 };
	strcpy(m.name, name);
	strcpy(m.address, "1 Alder Street, Rochdale");
	strcpy(m.entered_on, "2024-01-01");
	assert_int_equal(member_create(db, who, &m), DB_OK);
	return m.id;
}

/* All rows of the trail, newest first (at most max). */
static int whole_trail(struct db *db, struct audit_row *rows, int max)
{
	struct actor sys = actor_system(NULL);
	int n;
	assert_int_equal(audit_page(db, &sys, NULL, PAGE_FIRST, NULL, rows, max, &n), DB_OK);
	return n;
}

static void each_member_write_leaves_one_row(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct audit_row rows[10];
	struct audit_entry *e = malloc(sizeof *e);
	assert_non_null(e);

	int64_t id = add(db, &board, "Zoë Ó Súilleabháin");
	assert_int_equal(audit_count_for(db, "members", id), 1);
	assert_int_equal(whole_trail(db, rows, 10), 1);   /* nothing else: no counters, no index */
	assert_string_equal(rows[0].action, "insert");
	assert_string_equal(rows[0].table_name, "members");
	assert_int_equal(rows[0].row_id, id);
	assert_string_equal(rows[0].actor, "test board");
	assert_int_equal(rows[0].user_id, board.user_id);
	assert_int_equal(strlen(rows[0].at), 24);          /* 2026-03-01T10:00:00.123Z */
	assert_int_equal(audit_get(db, &board, rows[0].id, e), DB_OK);
	assert_string_equal(e->before, "");
	assert_non_null(strstr(e->after, "\"name\":\"Zoë Ó Súilleabháin\""));
	assert_int_equal(e->before_cut, 0);
	assert_int_equal(e->after_cut, 0);

	struct member m;
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	strcpy(m.phone, "01706 000000");
	assert_int_equal(member_update(db, &board, &m), DB_OK);
	assert_int_equal(audit_count_for(db, "members", id), 2);
	assert_int_equal(whole_trail(db, rows, 10), 2);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].actor, "test board");
	assert_int_equal(audit_get(db, &board, rows[0].id, e), DB_OK);
	assert_non_null(strstr(e->before, "\"phone\":null"));
	assert_non_null(strstr(e->after, "\"phone\":\"01706 000000\""));
	assert_non_null(strstr(e->before, "\"version\":1"));
	assert_non_null(strstr(e->after, "\"version\":2"));

	struct actor sys = actor_system("coopdesk import");
	assert_int_equal(member_cease(db, &sys, id, "2025-06-30", "moved away", 2), DB_OK);
	assert_int_equal(audit_count_for(db, "members", id), 3);
	assert_int_equal(whole_trail(db, rows, 10), 3);
	assert_string_equal(rows[0].actor, "coopdesk import");
	assert_int_equal(rows[0].user_id, 0);
	assert_int_equal(audit_get(db, &board, rows[0].id, e), DB_OK);
	assert_non_null(strstr(e->after, "\"ceased_on\":\"2025-06-30\""));

	/* Refused writes leave nothing: by role, by the schema, by a conflict. */
	struct actor volunteer = test_volunteer(0);
	struct member bad = { 0 };
	strcpy(bad.name, "Val Unteer");
	strcpy(bad.address, "x");
	strcpy(bad.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &volunteer, &bad), DB_DENIED);
	strcpy(bad.entered_on, "2026-02-30");
	assert_int_equal(member_create(db, &board, &bad), DB_CONSTRAINT);
	m.version = 1;
	assert_int_equal(member_update(db, &board, &m), DB_CONFLICT);
	assert_int_equal(whole_trail(db, rows, 10), 3);
	assert_int_equal(audit_count_for(db, "members", 0), 3);
	free(e);
}

static void only_the_board_reads_the_trail(void **state)
{
	struct db *db = *state;
	struct actor board = test_board(), sys = actor_system(NULL);
	struct actor volunteer = test_volunteer(0), member = test_member(1);
	add(db, &board, "Ann Example");
	struct audit_row rows[5];
	struct audit_entry *e = malloc(sizeof *e);
	int n = 99;
	assert_int_equal(audit_page(db, &volunteer, NULL, PAGE_FIRST, NULL, rows, 5, &n),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not see the audit trail");
	assert_int_equal(n, 0);
	assert_int_equal(audit_page(db, &member, NULL, PAGE_FIRST, NULL, rows, 5, &n), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see the audit trail");
	assert_int_equal(audit_page(db, NULL, NULL, PAGE_FIRST, NULL, rows, 5, &n), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see the audit trail");
	assert_int_equal(audit_get(db, &volunteer, 1, e), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not see the audit trail");
	assert_int_equal(audit_get(db, &member, 1, e), DB_DENIED);
	assert_int_equal(audit_page(db, &board, NULL, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(audit_get(db, &sys, rows[0].id, e), DB_OK);
	assert_int_equal(audit_get(db, &sys, rows[0].id + 1, e), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such entry in the audit trail");
	free(e);
}

static void filters(void **state)
{
	struct db *db = *state;
	struct actor board = test_board(), sys = actor_system("command line");
	struct actor other = { 7, ROLE_BOARD, 0, "Bea Board" };
	int64_t a = add(db, &board, "First Member");
	int64_t b = add(db, &other, "Second Member");
	add(db, &sys, "Third Member");
	struct member m;
	assert_int_equal(member_get(db, &board, a, &m), DB_OK);
	strcpy(m.notes, "moved in");
	assert_int_equal(member_update(db, &other, &m), DB_OK);

	struct audit_filter f = { 0 };
	struct audit_row rows[10];
	int n;
	f.user_id = other.user_id;
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].row_id, a);     /* the update, newest first */
	assert_string_equal(rows[0].action, "update");
	assert_int_equal(rows[1].row_id, b);
	assert_string_equal(rows[1].actor, "Bea Board");

	memset(&f, 0, sizeof f);
	strcpy(f.table_name, "members");
	f.row_id = a;
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].actor, "Bea Board");
	assert_string_equal(rows[1].actor, "test board");
	f.user_id = board.user_id;                /* both: this record, by this user */
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].action, "insert");

	memset(&f, 0, sizeof f);
	strcpy(f.table_name, "members");
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 4);
	strcpy(f.table_name, "homes");
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);

	/* Dates: the trail is stamped by the database's clock, in UTC. */
	char today[16], tomorrow[16], yesterday[16];
	time_t now = time(NULL);
	struct tm tm;
	strftime(today, sizeof today, "%Y-%m-%d", gmtime_r(&now, &tm));
	time_t t = now + 86400;
	strftime(tomorrow, sizeof tomorrow, "%Y-%m-%d", gmtime_r(&t, &tm));
	t = now - 86400;
	strftime(yesterday, sizeof yesterday, "%Y-%m-%d", gmtime_r(&t, &tm));
	memset(&f, 0, sizeof f);
	strcpy(f.from, today);
	strcpy(f.to, today);
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 4);
	strcpy(f.from, tomorrow);
	strcpy(f.to, "");
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);
	strcpy(f.from, "");
	strcpy(f.to, yesterday);
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);
	strcpy(f.from, yesterday);
	strcpy(f.to, tomorrow);
	f.user_id = other.user_id;
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 2);

	/* Bad filters are refused in words. */
	memset(&f, 0, sizeof f);
	strcpy(f.from, "2026-02-30");
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "2026-02-30"));
	memset(&f, 0, sizeof f);
	f.row_id = a;
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "to follow one record through the trail, name its table too");
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32];
	for (int i = 0; i < 25; i++) {
		snprintf(name, sizeof name, "Person %02d", i);
		add(db, &board, name);
	}
	struct audit_row rows[10];
	struct page_key key;
	int n;
	assert_int_equal(audit_page(db, &board, NULL, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	int64_t newest = rows[0].id;
	for (int i = 1; i < n; i++)
		assert_int_equal(rows[i].id, rows[i - 1].id - 1);
	audit_row_key(&rows[9], &key);
	assert_int_equal(audit_page(db, &board, NULL, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].id, newest - 10);
	audit_row_key(&rows[9], &key);
	assert_int_equal(audit_page(db, &board, NULL, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 5);
	assert_int_equal(rows[4].id, newest - 24);
	audit_row_key(&rows[0], &key);
	assert_int_equal(audit_page(db, &board, NULL, PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].id, newest - 10);
	assert_int_equal(rows[9].id, newest - 19);
	assert_int_equal(audit_page(db, &board, NULL, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].id, newest - 15);
	assert_int_equal(rows[9].id, newest - 24);
	assert_int_equal(audit_page(db, &board, NULL, PAGE_BEFORE, NULL, rows, 10, &n),
			 DB_INVALID);
}

static void long_records_are_cut_safely(void **state)
{
	struct db *db = *state;
	struct actor sys = actor_system(NULL);
	struct setting s;
	/* 6000 three-byte characters: 18000 bytes, more than a buffer holds. */
	size_t len = 6000 * 3;
	char *value = malloc(len + 1);
	assert_non_null(value);
	for (size_t i = 0; i < len; i += 3)
		memcpy(value + i, "\xe2\x82\xac", 3);   /* € */
	value[len] = '\0';
	assert_int_equal(setting_get(db, "coop_name", &s), DB_OK);
	assert_int_equal(setting_set(db, &sys, "coop_name", value, s.version), DB_OK);
	free(value);
	struct audit_row rows[1];
	int n;
	assert_int_equal(audit_page(db, &sys, NULL, PAGE_FIRST, NULL, rows, 1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].table_name, "settings");
	struct audit_entry *e = malloc(sizeof *e);
	assert_non_null(e);
	assert_int_equal(audit_get(db, &sys, rows[0].id, e), DB_OK);
	assert_int_equal(e->before_cut, 0);
	assert_non_null(strstr(e->before, "Our Housing Co-operative"));
	assert_int_equal(e->after_cut, 1);
	size_t got = strlen(e->after);
	assert_true(got < AUDIT_JSON_MAX);
	assert_true(got > AUDIT_JSON_MAX - 4);
	/* Cut between characters, never inside one. */
	assert_memory_equal(e->after + got - 3, "\xe2\x82\xac", 3);
	free(e);
}

/* Straight SQL on the file, as another program (the sqlite3 shell) would. */
static int raw(sqlite3 *conn, const char *sql, char *msg, size_t n)
{
	char *err = NULL;
	int rc = sqlite3_exec(conn, sql, NULL, NULL, &err);
	snprintf(msg, n, "%s", err ? err : "");
	sqlite3_free(err);
	return rc;
}

static void the_database_refuses_to_change_the_trail(void **state)
{
	(void)state;
	char path[64], msg[200], err[600];
	struct db *db = test_db_file(path);
	struct actor board = test_board();
	int64_t id = add(db, &board, "Ann Example");
	db_close(db);

	sqlite3 *conn = NULL;
	assert_int_equal(sqlite3_open(path, &conn), SQLITE_OK);
	assert_int_equal(raw(conn, "UPDATE audit SET actor = 'nobody'", msg, sizeof msg),
			 SQLITE_CONSTRAINT);
	assert_string_equal(msg, "the audit trail cannot be changed");
	assert_int_equal(raw(conn, "DELETE FROM audit", msg, sizeof msg), SQLITE_CONSTRAINT);
	assert_string_equal(msg, "the audit trail cannot be deleted");
	/* A change made outside coopdesk is still recorded, as such. */
	assert_int_equal(raw(conn, "UPDATE members SET phone = '0161 000 0000'", msg, sizeof msg),
			 SQLITE_OK);
	sqlite3_close(conn);

	assert_int_equal(db_open(path, 0, &db, err, sizeof err), DB_OK);
	assert_int_equal(audit_count_for(db, "members", id), 2);
	struct audit_row rows[5];
	int n;
	assert_int_equal(audit_page(db, &board, NULL, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].actor, "another program");
	assert_int_equal(rows[0].user_id, 0);
	assert_string_equal(rows[1].actor, "test board");
	db_close(db);
	test_db_unlink(path);
}

/* A filter's days are local days: in summer, 1 July in London runs from
 * 23:00 UTC on 30 June to 23:00 UTC on 1 July. */
static void dates_are_local_days(void **state)
{
	(void)state;
	char path[64], msg[200], err[600];
	struct db *db = test_db_file(path);
	struct actor board = test_board();
	db_close(db);
	sqlite3 *conn = NULL;
	assert_int_equal(sqlite3_open(path, &conn), SQLITE_OK);
	assert_int_equal(raw(conn, "INSERT INTO audit (at, user_id, actor, table_name, row_id,"
			 " action, before, after) VALUES"
			 " ('2026-06-30T22:59:59.999Z', NULL, 'x', 'homes', 1, 'update', '{}', '{}'),"
			 " ('2026-06-30T23:00:00.000Z', NULL, 'x', 'homes', 2, 'update', '{}', '{}'),"
			 " ('2026-07-01T22:30:00.000Z', NULL, 'x', 'homes', 3, 'update', '{}', '{}'),"
			 " ('2026-07-01T23:00:00.000Z', NULL, 'x', 'homes', 4, 'update', '{}', '{}')",
			 msg, sizeof msg), SQLITE_OK);
	sqlite3_close(conn);
	assert_int_equal(db_open(path, 0, &db, err, sizeof err), DB_OK);
	assert_int_equal(zone_set("Europe/London"), 0);
	struct audit_filter f;
	struct audit_row rows[5];
	int n;
	memset(&f, 0, sizeof f);
	strcpy(f.from, "2026-07-01");
	strcpy(f.to, "2026-07-01");
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].row_id, 3);
	assert_int_equal(rows[1].row_id, 2);
	/* In winter London is on UTC: the same rows by UTC days. */
	assert_int_equal(zone_set("UTC"), 0);
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].row_id, 4);
	assert_int_equal(rows[1].row_id, 3);
	db_close(db);
	test_db_unlink(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(each_member_write_leaves_one_row, setup, teardown),
		cmocka_unit_test_setup_teardown(only_the_board_reads_the_trail, setup, teardown),
		cmocka_unit_test_setup_teardown(filters, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(long_records_are_cut_safely, setup, teardown),
		cmocka_unit_test(the_database_refuses_to_change_the_trail),
		cmocka_unit_test(dates_are_local_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
