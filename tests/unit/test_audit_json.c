/* tests/unit/test_audit_json.c: the JSON the bulk path writes into the
 * audit trail (src/db/audit_json.c) is SQLite's json_object's, byte for
 * byte: every byte in text, keys, integers at their ends, real numbers,
 * null, and a whole row read back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "../../src/db/dbint.h"

static int setup(void **state)
{
	sqlite3 *conn = NULL;
	if (sqlite3_open(":memory:", &conn) != SQLITE_OK)
		return -1;
	*state = conn;
	return 0;
}

static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

/* SQLite's json_object(KEY, V) for V bound as it is. */
static void sqlite_json(sqlite3 *conn, const char *key, const struct db_value *v, char *out,
			size_t n)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(conn, "SELECT json_object(?1, ?2)", -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (v->type == SQLITE_INTEGER)
		sqlite3_bind_int64(st, 2, v->i);
	else if (v->type == SQLITE_FLOAT)
		sqlite3_bind_double(st, 2, v->d);
	else if (v->type == SQLITE_TEXT)
		sqlite3_bind_text(st, 2, v->s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 2);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Ours for the same: the same text, or the test fails naming both. */
static void same_as_sqlite(sqlite3 *conn, struct db_json *j, const char *key,
			   const struct db_value *v)
{
	char want[4096];
	sqlite_json(conn, key, v, want, sizeof want);
	db_json_open(j);
	db_json_value(j, key, v);
	const char *got = db_json_close(j);
	assert_non_null(got);
	assert_string_equal(got, want);
}

static void every_byte_is_written_as_sqlite_writes_it(void **state)
{
	struct db_json j = { 0 };
	char one[2] = { 0 }, all[256];
	for (int c = 1; c < 256; c++) {
		one[0] = (char)c;
		all[c - 1] = (char)c;
		struct db_value v = { .type = SQLITE_TEXT, .s = one };
		same_as_sqlite(*state, &j, "k", &v);
		/* and in a key */
		struct db_value n = { .type = SQLITE_NULL };
		same_as_sqlite(*state, &j, one, &n);
	}
	all[255] = '\0';
	struct db_value v = { .type = SQLITE_TEXT, .s = all };
	same_as_sqlite(*state, &j, "all", &v);
	static const char awkward[] = "He said \"it's \\ broken\"\r\n\tŁukasz: 50% €9 😀 <b>\x7f";
	v.s = awkward;
	same_as_sqlite(*state, &j, "description", &v);
	v.s = "";
	same_as_sqlite(*state, &j, "", &v);
	db_json_free(&j);
}

static void numbers_and_null_are_sqlites(void **state)
{
	struct db_json j = { 0 };
	static const int64_t ints[] = { 0, 1, -1, 9, 10, -10, 4200, 1234567890123LL,
					INT64_MAX, INT64_MIN, INT64_MIN + 1 };
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
		struct db_value v = { .type = SQLITE_INTEGER, .i = ints[i] };
		same_as_sqlite(*state, &j, "cost_pence", &v);
	}
	static const double reals[] = { 0.0, 3.0, -2.5, 0.1, 1.0 / 3, 1e300, -1e-300, 123456789.125 };
	for (size_t i = 0; i < sizeof reals / sizeof reals[0]; i++) {
		struct db_value v = { .type = SQLITE_FLOAT, .d = reals[i] };
		same_as_sqlite(*state, &j, "r", &v);
	}
	struct db_value v = { .type = SQLITE_NULL };
	same_as_sqlite(*state, &j, "closed_at", &v);
	/* More than one key, and the buffer kept between objects. */
	db_json_open(&j);
	struct db_value a = { .type = SQLITE_INTEGER, .i = 7 }, b = { .type = SQLITE_TEXT, .s = "x" };
	db_json_value(&j, "version", &a);
	db_json_value(&j, "status", &b);
	db_json_value(&j, "note", &v);
	assert_string_equal(db_json_close(&j), "{\"version\":7,\"status\":\"x\",\"note\":null}");
	db_json_open(&j);
	assert_string_equal(db_json_close(&j), "{}");
	db_json_free(&j);
}

/* A row read back is json_object of its every column; a BLOB (which
 * json_object refuses) and a password hash (which the trail keeps only the
 * head of) are refused. */
static void a_row_is_json_object_of_its_columns(void **state)
{
	sqlite3 *conn = *state;
	assert_int_equal(sqlite3_exec(conn, "CREATE TABLE t (id INTEGER PRIMARY KEY, title, cost,"
				      " rate, gone, note DEFAULT 'a \"b\"');"
				      " INSERT INTO t (id, title, cost, rate, gone) VALUES"
				      " (1, 'Łukasz''s \\ tap', 4200, 2.5, NULL)", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_stmt *st = NULL, *want = NULL;
	assert_int_equal(sqlite3_prepare_v2(conn, "SELECT * FROM t WHERE id = 1", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(conn, "SELECT json_object('id', id, 'title', title,"
					    " 'cost', cost, 'rate', rate, 'gone', gone, 'note',"
					    " note) FROM t WHERE id = 1", -1, &want, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_step(want), SQLITE_ROW);
	struct db_json j = { 0 };
	assert_int_equal(db_json_row(&j, st), 0);
	assert_string_equal(db_json_close(&j), (const char *)sqlite3_column_text(want, 0));
	sqlite3_finalize(st);
	sqlite3_finalize(want);

	assert_int_equal(sqlite3_prepare_v2(conn, "SELECT id, x'00ff' AS b FROM t", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(db_json_row(&j, st), -1);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(conn, "SELECT id, '$y$j9T$salt$hash' AS password_hash"
					    " FROM t", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(db_json_row(&j, st), -1);
	sqlite3_finalize(st);
	db_json_free(&j);
}

/* IS: the same type and value; NULL is NULL. */
static void values_compare_as_sql_is(void **state)
{
	(void)state;
	struct db_value null = { .type = SQLITE_NULL }, zero = { .type = SQLITE_INTEGER, .i = 0 },
			empty = { .type = SQLITE_TEXT, .s = "" }, a = { .type = SQLITE_TEXT, .s = "a" },
			a2 = { .type = SQLITE_TEXT, .s = "a" }, one = { .type = SQLITE_INTEGER, .i = 1 };
	assert_true(db_value_same(&null, &null));
	assert_true(db_value_same(&a, &a2));
	assert_false(db_value_same(&null, &zero));
	assert_false(db_value_same(&null, &empty));
	assert_false(db_value_same(&zero, &empty));
	assert_false(db_value_same(&zero, &one));
	assert_false(db_value_same(&a, &empty));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(every_byte_is_written_as_sqlite_writes_it, setup,
						teardown),
		cmocka_unit_test_setup_teardown(numbers_and_null_are_sqlites, setup, teardown),
		cmocka_unit_test_setup_teardown(a_row_is_json_object_of_its_columns, setup, teardown),
		cmocka_unit_test(values_compare_as_sql_is),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
