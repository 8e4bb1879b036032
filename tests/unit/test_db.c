/* tests/unit/test_db.c: the connection and the helpers every aggregate
 * shares (src/db/db.c, src/db/util.c): the statement cache, ... */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "../../src/db/dbint.h"
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

/* Far more distinct statements than the cache's first table holds: each is
 * prepared once, and asking again gives the same statement back. */
#define MANY_STATEMENTS (DB_STMT_SLOTS_FIRST * 6)
static char many_sql[MANY_STATEMENTS][32];

static void the_statement_cache_grows(void **state)
{
	struct db *db = *state;
	static sqlite3_stmt *first[MANY_STATEMENTS];
	size_t before = db->nstmts;   /* opening the database prepared a few */
	for (int i = 0; i < MANY_STATEMENTS; i++) {
		snprintf(many_sql[i], sizeof many_sql[i], "SELECT %d", i);
		first[i] = db_prep(db, many_sql[i]);
		if (!first[i])
			fail_msg("statement %d: %s", i, db_errmsg(db));
	}
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS);
	assert_true(db->nslots >= 2 * db->nstmts);
	for (int i = MANY_STATEMENTS - 1; i >= 0; i--) {
		sqlite3_stmt *st = db_prep(db, many_sql[i]);
		assert_ptr_equal(st, first[i]);
		assert_int_equal(db_step_row(db, st), DB_OK);
		assert_int_equal(sqlite3_column_int(st, 0), i);
		db_reset(st);
	}
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS);
	/* The same text at another address is another statement. */
	static char again[32];
	memcpy(again, many_sql[7], sizeof again);
	assert_ptr_not_equal(db_prep(db, again), first[7]);
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS + 1);
	/* A wrong statement is refused in words and takes no slot. */
	static const char wrong[] = "SELEC 1";
	assert_null(db_prep(db, wrong));
	assert_int_equal(db_status(db), DB_ERROR);
	assert_non_null(strstr(db_errmsg(db), "syntax error"));
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS + 1);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_statement_cache_grows, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
