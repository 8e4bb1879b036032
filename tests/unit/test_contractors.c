/* tests/unit/test_contractors.c: contractors (src/db/contractors.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/contractors.h"
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

static int64_t add(struct db *db, const char *name, const char *trade)
{
	struct actor board = test_board();
	struct contractor c = { 0 };
	snprintf(c.name, sizeof c.name, "%s", name);
	snprintf(c.trade, sizeof c.trade, "%s", trade);
	assert_int_equal(contractor_create(db, &board, &c), DB_OK);
	return c.id;
}

static void create_and_read_back(void **state)
{
	struct db *db = *state;
	struct actor volunteer = test_volunteer(0);
	struct contractor c = { 0 }, got;
	strcpy(c.name, "Pennine Plumbing Ltd");
	strcpy(c.trade, "plumbing");
	strcpy(c.phone, "01706 123456");
	strcpy(c.email, "jobs@pennine.example");
	assert_int_equal(contractor_create(db, &volunteer, &c), DB_OK);
	assert_true(c.id > 0);
	assert_int_equal(strlen(c.uuid), 36);
	assert_int_equal(c.in_use, 1);
	assert_int_equal(contractor_get(db, &volunteer, c.id, &got), DB_OK);
	assert_string_equal(got.name, "Pennine Plumbing Ltd");
	assert_string_equal(got.trade, "plumbing");
	assert_string_equal(got.phone, "01706 123456");
	assert_string_equal(got.email, "jobs@pennine.example");
	assert_int_equal(got.in_use, 1);
	assert_int_equal(got.version, 1);
	assert_int_equal(contractor_get(db, &volunteer, c.id + 100, &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such contractor");
}

static void bad_input_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct contractor c = { 0 };
	strcpy(c.name, "   ");
	assert_int_equal(contractor_create(db, &board, &c), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a contractor's name is 1 to 100 characters");
	memset(c.name, 'x', 101);
	c.name[101] = '\0';
	assert_int_equal(contractor_create(db, &board, &c), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a contractor's name is 1 to 100 characters");
	strcpy(c.name, "Ok Name");
	memset(c.phone, '1', 31);
	assert_int_equal(contractor_create(db, &board, &c), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a phone number is at most 30 characters");
	struct contractor_row rows[4];
	int n;
	assert_int_equal(contractor_page(db, &board, 0, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(contractor_page(db, &board, 0, PAGE_AFTER, NULL, rows, 4, &n), DB_INVALID);
}

static void update_conflict_names_who(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor volunteer = test_volunteer(0);
	int64_t id = add(db, "Rochdale Roofing", "roofing");
	struct contractor a, b;
	assert_int_equal(contractor_get(db, &board, id, &a), DB_OK);
	assert_int_equal(contractor_get(db, &board, id, &b), DB_OK);
	strcpy(a.phone, "01706 000001");
	assert_int_equal(contractor_update(db, &volunteer, &a), DB_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.phone, "01706 999999");
	assert_int_equal(contractor_update(db, &board, &b), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "this contractor was changed by test volunteer"));
	assert_int_equal(contractor_get(db, &board, id, &b), DB_OK);
	assert_string_equal(b.phone, "01706 000001");
	b.id = id + 50;
	assert_int_equal(contractor_update(db, &board, &b), DB_NOTFOUND);
}

static void not_in_use_and_back(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = add(db, "Alder Electrical", "electrical");
	add(db, "Birch Builders", "building");
	assert_int_equal(contractor_set_in_use(db, &board, a, 1, 0), DB_OK);
	assert_int_equal(contractor_set_in_use(db, &board, a, 1, 1), DB_CONFLICT);
	struct contractor c;
	assert_int_equal(contractor_get(db, &board, a, &c), DB_OK);
	assert_int_equal(c.in_use, 0);
	assert_int_equal(c.version, 2);
	struct contractor_row rows[4];
	int n;
	assert_int_equal(contractor_page(db, &board, 1, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].name, "Birch Builders");
	assert_int_equal(contractor_page(db, &board, 0, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].in_use, 0);
	assert_int_equal(contractor_set_in_use(db, &board, a, 2, 1), DB_OK);
	assert_int_equal(contractor_page(db, &board, 1, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 2);
}

static void pages_walk_both_ways_by_name(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32];
	for (int i = 0; i < 23; i++) {
		snprintf(name, sizeof name, "Firm %02d", (i * 7) % 23);
		add(db, name, "");
	}
	add(db, "Firm 05", "second of that name");
	struct contractor_row rows[10];
	struct page_key key;
	int n, seen = 0;
	char last[64] = "";
	assert_int_equal(contractor_page(db, &board, 0, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	while (n > 0) {
		for (int i = 0; i < n; i++, seen++) {
			assert_true(strcmp(last, rows[i].name) <= 0);
			snprintf(last, sizeof last, "%s", rows[i].name);
		}
		contractor_row_key(&rows[n - 1], &key);
		assert_int_equal(contractor_page(db, &board, 0, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	}
	assert_int_equal(seen, 24);
	assert_int_equal(contractor_page(db, &board, 0, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].name, "Firm 22");
	assert_string_equal(rows[0].name, "Firm 13");
	contractor_row_key(&rows[0], &key);
	assert_int_equal(contractor_page(db, &board, 0, PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].name, "Firm 12");
	assert_string_equal(rows[0].name, "Firm 04");
	assert_string_equal(rows[1].name, "Firm 05");
	assert_string_equal(rows[2].name, "Firm 05");
	assert_true(rows[1].id < rows[2].id);
}

static void roles_allowed_and_refused(void **state)
{
	struct db *db = *state;
	struct actor member = test_member(1);
	struct actor nobody = { 9, ROLE_NONE, 0, "nobody" };
	struct actor volunteer = test_volunteer(0);
	int64_t id = add(db, "Cedar Carpentry", "joinery");
	struct contractor c = { 0 };
	struct contractor_row rows[2];
	int n;
	strcpy(c.name, "Member's Mate");
	assert_int_equal(contractor_create(db, &member, &c), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change contractors");
	assert_int_equal(contractor_get(db, &member, id, &c), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not look through contractors");
	assert_int_equal(contractor_page(db, &member, 0, PAGE_FIRST, NULL, rows, 2, &n), DB_DENIED);
	assert_int_equal(contractor_set_in_use(db, &member, id, 1, 0), DB_DENIED);
	assert_int_equal(contractor_get(db, &nobody, id, &c), DB_DENIED);
	assert_int_equal(contractor_create(db, &nobody, &c), DB_DENIED);
	assert_int_equal(contractor_get(db, &volunteer, id, &c), DB_OK);
	assert_int_equal(contractor_set_in_use(db, &volunteer, id, 1, 0), DB_OK);
	strcpy(c.trade, "joinery and carpentry");
	c.version = 2;
	assert_int_equal(contractor_update(db, &volunteer, &c), DB_OK);
	assert_int_equal(contractor_page(db, &volunteer, 0, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(n, 1);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(update_conflict_names_who, setup, teardown),
		cmocka_unit_test_setup_teardown(not_in_use_and_back, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways_by_name, setup, teardown),
		cmocka_unit_test_setup_teardown(roles_allowed_and_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
