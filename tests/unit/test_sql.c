/* tests/unit/test_sql.c: every statement of the data layer prepares on a
 * freshly migrated database, so a typo in any of them fails `make check`
 * whether or not another test happens to run it.
 *
 * The statements are found by tools/sql-list.sh, which the Makefile runs on
 * every C file of src/db: each is compiled again for this test with the
 * list of its statements appended, and those objects stand in for the
 * library's own (see sql_list.h). A new statement in any of the forms the data layer
 * uses is listed without anyone remembering to; any other form stops the
 * build. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "../../src/db/dbint.h"
#include "../../src/db/repair_sql.h"
#include "coopdesk/repair_bulk.h"
#include "coopdesk/users.h"
#include "sql_list.h"
#include "testutil.h"

/* Prepares one statement; 0, or 1 after saying what is wrong with it. */
static int check_one(struct db *db, const char *file, const char *name, size_t i,
		     size_t count, const char *sql)
{
	char where[160];
	if (count > 1)
		snprintf(where, sizeof where, "%s: %s[%zu]", file, name, i);
	else
		snprintf(where, sizeof where, "%s: %s", file, name);
	if (!sql) {
		print_error("%s is missing: a hole in the table\n", where);
		return 1;
	}
	sqlite3_stmt *st = NULL;
	const char *tail = NULL;
	int rc = sqlite3_prepare_v3(db->conn, sql, -1, 0, &st, &tail);
	int bad = 0;
	if (rc != SQLITE_OK) {
		print_error("%s does not prepare: %s\n    %.120s\n", where,
			    sqlite3_errmsg(db->conn), sql);
		bad = 1;
	} else if (!st) {
		print_error("%s is empty\n", where);
		bad = 1;
	} else {
		while (tail && (isspace((unsigned char)*tail) || *tail == ';'))
			tail++;
		if (tail && *tail) {
			/* db_prep would run only the first and ignore the rest. */
			print_error("%s holds more than one statement: \"%.60s\"\n", where, tail);
			bad = 1;
		}
	}
	sqlite3_finalize(st);
	return bad;
}

static void every_statement_prepares(void **state)
{
	struct db *db = test_db_new();
	/* A few statements use the connection's TEMP table of refused logins,
	 * made on the first attempt: make one. */
	struct actor who;
	char display[8];
	assert_int_equal(user_login(db, "nobody", "not a password", &who, display, sizeof display),
			 DB_DENIED);
	/* And the bulk path's copies of repairs and their events, made when it
	 * starts, inside a transaction: kept once it is committed. */
	struct actor board = test_board();
	struct repair_bulk *bulk = NULL;
	assert_int_equal(db_begin(db, &board), DB_OK);
	assert_int_equal(repair_bulk_begin(db, &board, "2026-01-01", &bulk), DB_OK);
	repair_bulk_end(bulk);
	assert_int_equal(db_commit(db), DB_OK);
	int files = 0, statements = 0, bad = 0;
	size_t repair_pages = 0;
	for (const struct sql_list *const *l = sql_lists; *l; l++, files++) {
		for (const struct sql_entry *e = (*l)->entries; e->name; e++) {
			for (size_t i = 0; i < e->count; i++) {
				const char *const *p = (const char *const *)(const void *)
					((const char *)e->first + i * e->stride);
				bad += check_one(db, (*l)->file, e->name, i, e->count, *p);
				statements++;
			}
			if (strcmp((*l)->file, "src/db/repair_list.c") == 0 &&
			    strcmp(e->name, "SQL_PAGE") == 0)
				repair_pages = e->count;
		}
	}
	print_message("%d statements from %d files of src/db\n", statements, files);
	db_close(db);
	assert_int_equal(bad, 0);
	/* The lists are really there: every file, and a whole table of pages
	 * (scope x sort x direction). */
	assert_true(files >= 20);
	assert_true(statements >= 300);
	assert_int_equal(repair_pages, 8 * 5 * 4);
}

/* The reports at scale (issue 13) and the statements they are made of:
 * none reads a whole large table row by row. A plain "SCAN x" (no index)
 * is refused, save those named: the arrears must visit every tenancy
 * (`t`, 20,000 on the largest co-op) and read the list they make (`b`),
 * and a subquery made once for a row is read whole (its few rows);
 * and an aggregate over a period (a count, RP02) takes no SCAN at all,
 * not even of an index. */
static const struct {
	const char *file, *name;
	int aggregate;           /* 1: no SCAN of any kind; 2: no sort of its rows */
	const char *allowed;     /* plain SCANs allowed: " t b " */
} report_sql[] = {
	{ "src/db/register.c", "SQL_REGISTER_PAGE", 0, "" },
	{ "src/db/register.c", "SQL_REGISTER_COUNTS", 1, "" },
	{ "src/db/register.c", "SQL_REGISTER_HOLDINGS", 1, "" },
	{ "src/db/repair_measures.c", "SQL_RP02", 1, "" },
	{ "src/db/rent_dated.c", "SQL_AS_AT", 0, " t b " },
	{ "src/db/rent_dated.c", "SQL_SNAP_FILL", 0, " t b " },
	/* The arrears list's pages read a table keyed by their order. */
	{ "src/db/rent_dated.c", "SQL_SNAP_PAGE", 2, " b " },
	{ "src/db/rent_dated.c", "SQL_OWED_ROWS", 1, "" },
};

/* SQL prepared behind HOW ("EXPLAIN" or "EXPLAIN QUERY PLAN"), to read. */
static sqlite3_stmt *explained(struct db *db, const char *how, const char *sql)
{
	char *q = sqlite3_mprintf("%s %s", how, sql);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db->conn, q, -1, &st, NULL), SQLITE_OK);
	sqlite3_free(q);
	return st;
}

/* 0, or 1 after printing the plan that scans. */
static int plan_scans(struct db *db, const char *where, const char *sql, int aggregate,
		      const char *allowed)
{
	sqlite3_stmt *st = explained(db, "EXPLAIN QUERY PLAN", sql);
	int bad = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 3);
		/* A sort of the statement's own rows (its top level: parent 0),
		 * not of a subquery's few. */
		if (aggregate == 2 && sqlite3_column_int(st, 1) == 0 && strstr(d, "USE TEMP B-TREE")) {
			print_error("%s sorts: %s\n", where, d);
			bad = 1;
		}
		if (strncmp(d, "SCAN ", 5) != 0)
			continue;
		char name[64] = " ";
		size_t n = strcspn(d + 5, " ");
		if (n > sizeof name - 3)
			n = sizeof name - 3;
		memcpy(name + 1, d + 5, n);
		name[n + 1] = ' ';
		name[n + 2] = '\0';
		int plain = strstr(d, " USING ") == NULL;
		/* A subquery's own few rows, made once (the tenants' names). */
		int made = strncmp(d + 5, "(subquery-", 10) == 0;
		if ((aggregate == 1 || plain) && !made && !strstr(allowed, name)) {
			print_error("%s: %s\n", where, d);
			bad = 1;
		}
	}
	sqlite3_finalize(st);
	return bad;
}

static void no_report_scans_a_large_table(void **state)
{
	struct db *db = test_db_new();
	int bad = 0, seen = 0;
	for (size_t k = 0; k < sizeof report_sql / sizeof report_sql[0]; k++)
		for (const struct sql_list *const *l = sql_lists; *l; l++) {
			if (strcmp((*l)->file, report_sql[k].file) != 0)
				continue;
			for (const struct sql_entry *e = (*l)->entries; e->name; e++) {
				if (strcmp(e->name, report_sql[k].name) != 0)
					continue;
				for (size_t i = 0; i < e->count; i++) {
					const char *const *p = (const char *const *)(const void *)
						((const char *)e->first + i * e->stride);
					char where[160];
					snprintf(where, sizeof where, "%s: %s[%zu]", (*l)->file, e->name, i);
					bad += plan_scans(db, where, *p, report_sql[k].aggregate,
							  report_sql[k].allowed);
					seen++;
				}
			}
		}
	db_close(db);
	assert_int_equal(bad, 0);
	/* Every statement named was found: 2 x 4 register pages, the arrears
	 * in one pass for each of 2 sorts, the arrears list's balances for
	 * each sort and its 2 sorts x 4 pages read from them, and the four
	 * single ones. */
	assert_int_equal(seen, 8 + 2 + 2 + 8 + 4);
}

/* Statement I of NAME in FILE, as the program prepares it. */
static const char *find_sql(const char *file, const char *name, size_t i)
{
	for (const struct sql_list *const *l = sql_lists; *l; l++)
		for (const struct sql_entry *e = (*l)->entries; strcmp((*l)->file, file) == 0 && e->name;
		     e++)
			if (strcmp(e->name, name) == 0 && i < e->count)
				return *(const char *const *)(const void *)
					((const char *)e->first + i * e->stride);
	return NULL;
}

/* The register as at a day (the board's pages, [1][*]) reads each member's
 * share operations, and whether a later one reversed them, from indexes
 * alone (schema 15): every search of share_ops in its plans is covering. */
static void the_register_reads_share_ops_from_indexes(void **state)
{
	(void)state;
	struct db *db = test_db_new();
	for (size_t i = 4; i < 8; i++) {
		const char *sql = find_sql("src/db/register.c", "SQL_REGISTER_PAGE", i);
		assert_non_null(sql);
		sqlite3_stmt *st = explained(db, "EXPLAIN QUERY PLAN", sql);
		int searches = 0;
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 3);
			if (strncmp(d, "SEARCH o ", 9) != 0 && strncmp(d, "SEARCH v ", 9) != 0)
				continue;
			searches++;
			if (!strstr(d, "COVERING INDEX"))
				fail_msg("SQL_REGISTER_PAGE[%zu] reads share_ops: %s", i, d);
		}
		sqlite3_finalize(st);
		assert_int_equal(searches, 4); /* two sums, each with its reversals */
	}
	db_close(db);
}

/* How many of TABLE's indexes a statement's program opens to write
 * (OP_OpenWrite on an index's root page), its triggers' programs included. */
static int indexes_written(struct db *db, const char *sql, const char *table)
{
	sqlite3_stmt *st = explained(db, "EXPLAIN", sql);
	int roots[512], n = 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (strcmp((const char *)sqlite3_column_text(st, 1), "OpenWrite") == 0 && n < 512)
			roots[n++] = sqlite3_column_int(st, 3);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db->conn, "SELECT rootpage FROM sqlite_schema"
					    " WHERE type = 'index' AND tbl_name = ?1", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int found = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int root = sqlite3_column_int(st, 0);
		for (int i = 0; i < n; i++)
			if (roots[i] == root) {
				found++;
				break;
			}
	}
	sqlite3_finalize(st);
	return found;
}

/* Write paths that do only what changed (issue 13): an edit of a repair's
 * words, dates or cost writes the row and none of its sixteen indexes; the
 * full edit (a new priority or target) writes those that hold them. */
static void an_edit_of_the_words_writes_no_index(void **state)
{
	(void)state;
	struct db *db = test_db_new();
	assert_int_equal(indexes_written(db, repair_sql_update_words, "repairs"), 0);
	assert_true(indexes_written(db, repair_sql_update, "repairs") >= 8);
	db_close(db);
}

/* The trail's check on its action is two comparisons (schema 16), not an
 * IN list of three, which SQLite tests by building a table of the values
 * (OP_OpenEphemeral) each time an audit trigger fires. */
static void a_row_of_the_trail_builds_no_table(void **state)
{
	(void)state;
	struct db *db = test_db_new();
	sqlite3_stmt *st = explained(db, "EXPLAIN", "INSERT INTO audit (at, actor, table_name,"
				     " row_id, action) VALUES ('x', 'x', 'x', 1, 'insert')");
	int built = 0, ops = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		ops++;
		built += strcmp((const char *)sqlite3_column_text(st, 1), "OpenEphemeral") == 0;
	}
	sqlite3_finalize(st);
	assert_true(ops > 10);
	assert_int_equal(built, 0);
	db_close(db);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_statement_prepares),
		cmocka_unit_test(no_report_scans_a_large_table),
		cmocka_unit_test(an_edit_of_the_words_writes_no_index),
		cmocka_unit_test(the_register_reads_share_ops_from_indexes),
		cmocka_unit_test(a_row_of_the_trail_builds_no_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
