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
	assert_int_equal(contractor_page(db, &board, 0, NULL, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(contractor_page(db, &board, 0, NULL, PAGE_AFTER, NULL, rows, 4, &n), DB_INVALID);
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
	assert_int_equal(contractor_page(db, &board, 1, NULL, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].name, "Birch Builders");
	assert_int_equal(contractor_page(db, &board, 0, NULL, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].in_use, 0);
	assert_int_equal(contractor_set_in_use(db, &board, a, 2, 1), DB_OK);
	assert_int_equal(contractor_page(db, &board, 1, NULL, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
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
	assert_int_equal(contractor_page(db, &board, 0, NULL, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	while (n > 0) {
		for (int i = 0; i < n; i++, seen++) {
			assert_true(strcmp(last, rows[i].name) <= 0);
			snprintf(last, sizeof last, "%s", rows[i].name);
		}
		contractor_row_key(&rows[n - 1], &key);
		assert_int_equal(contractor_page(db, &board, 0, NULL, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	}
	assert_int_equal(seen, 24);
	assert_int_equal(contractor_page(db, &board, 0, NULL, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].name, "Firm 22");
	assert_string_equal(rows[0].name, "Firm 13");
	contractor_row_key(&rows[0], &key);
	assert_int_equal(contractor_page(db, &board, 0, NULL, PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].name, "Firm 12");
	assert_string_equal(rows[0].name, "Firm 04");
	assert_string_equal(rows[1].name, "Firm 05");
	assert_string_equal(rows[2].name, "Firm 05");
	assert_true(rows[1].id < rows[2].id);
}

/* The names found by a search, in order, joined by "|". */
static const char *found(struct db *db, int in_use_only, const char *search)
{
	static char out[512];
	struct actor board = test_board();
	struct contractor_row rows[20];
	int n;
	assert_int_equal(contractor_page(db, &board, in_use_only, search, PAGE_FIRST, NULL, rows,
					 20, &n), DB_OK);
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%s", i ? "|" : "",
			 rows[i].name);
	return out;
}

static void search_by_the_start_of_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	add(db, "Pennine Plumbing Ltd", "plumbing and heating");
	int64_t roof = add(db, "Rochdale Roofing Ltd", "roofing");
	add(db, "Calder 100% Glazing", "glazing");
	add(db, "A_B Electrical", "electrical");
	add(db, "Axb Tiling", "tiling");
	add(db, "Smith-Jones Joinery", "joinery/carpentry");
	add(db, "\xc5\x81ukasz Builders", "building (general)");
	add(db, "Back\\Slash", "odd jobs");
	const char *all = "A_B Electrical|Axb Tiling|Back\\Slash|Calder 100% Glazing|"
			  "Pennine Plumbing Ltd|Rochdale Roofing Ltd|Smith-Jones Joinery|"
			  "\xc5\x81ukasz Builders";
	assert_string_equal(found(db, 0, NULL), all);
	assert_string_equal(found(db, 0, ""), all);
	assert_string_equal(found(db, 0, "  \t "), all);
	assert_string_equal(found(db, 0, "pen"), "Pennine Plumbing Ltd");
	assert_string_equal(found(db, 0, "PEN plu"), "Pennine Plumbing Ltd");
	assert_string_equal(found(db, 0, "heat"), "Pennine Plumbing Ltd");       /* the trade */
	assert_string_equal(found(db, 0, "ltd"), "Pennine Plumbing Ltd|Rochdale Roofing Ltd");
	assert_string_equal(found(db, 0, "plu roof"), "");                       /* every word */
	assert_string_equal(found(db, 0, "lumb"), "");                           /* a word's start */
	assert_string_equal(found(db, 0, "jones"), "Smith-Jones Joinery");       /* - parts words */
	assert_string_equal(found(db, 0, "carp"), "Smith-Jones Joinery");        /* so does / */
	assert_string_equal(found(db, 0, "gen"), "\xc5\x81ukasz Builders");       /* and ( */
	assert_string_equal(found(db, 0, "smith-jo"), "Smith-Jones Joinery");
	assert_string_equal(found(db, 0, "\xc5\x81uk"), "\xc5\x81ukasz Builders");
	/* What is typed is text, not a pattern. */
	assert_string_equal(found(db, 0, "%"), "");
	assert_string_equal(found(db, 0, "100%"), "Calder 100% Glazing");
	assert_string_equal(found(db, 0, "a_b"), "A_B Electrical");
	assert_string_equal(found(db, 0, "_"), "");
	assert_string_equal(found(db, 0, "back\\"), "Back\\Slash");
	assert_string_equal(found(db, 0, "'; DROP TABLE contractors; --"), "");
	/* The first four words count. */
	assert_string_equal(found(db, 0, "pennine plumbing ltd and nothing"), "Pennine Plumbing Ltd");
	assert_string_equal(found(db, 0, "pennine plumbing ltd nothing"), "");
	/* A word longer than any name finds nothing, and harms nothing. */
	char longer[2000];
	memset(longer, 'a', sizeof longer - 1);
	longer[sizeof longer - 1] = '\0';
	assert_string_equal(found(db, 0, longer), "");
	for (size_t i = 0; i + 2 < sizeof longer; i += 2)
		memcpy(longer + i, "\xc3\xa9", 2);
	assert_string_equal(found(db, 0, longer), "");
	/* With the in-use filter, and paged both ways. */
	assert_int_equal(contractor_set_in_use(db, &board, roof, 1, 0), DB_OK);
	assert_string_equal(found(db, 1, "ltd"), "Pennine Plumbing Ltd");
	assert_string_equal(found(db, 0, "ltd"), "Pennine Plumbing Ltd|Rochdale Roofing Ltd");
	struct contractor_row row;
	struct page_key key;
	int n;
	assert_int_equal(contractor_page(db, &board, 0, "l", PAGE_FIRST, NULL, &row, 1, &n), DB_OK);
	assert_string_equal(row.name, "Pennine Plumbing Ltd");
	contractor_row_key(&row, &key);
	assert_int_equal(contractor_page(db, &board, 0, "l", PAGE_AFTER, &key, &row, 1, &n), DB_OK);
	assert_string_equal(row.name, "Rochdale Roofing Ltd");
	contractor_row_key(&row, &key);
	assert_int_equal(contractor_page(db, &board, 0, "l", PAGE_AFTER, &key, &row, 1, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(contractor_page(db, &board, 0, "l", PAGE_BEFORE, &key, &row, 1, &n), DB_OK);
	assert_string_equal(row.name, "Pennine Plumbing Ltd");
	assert_int_equal(contractor_page(db, &board, 0, "l", PAGE_LAST, NULL, &row, 1, &n), DB_OK);
	assert_string_equal(row.name, "Rochdale Roofing Ltd");
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
	assert_int_equal(contractor_page(db, &member, 0, NULL, PAGE_FIRST, NULL, rows, 2, &n), DB_DENIED);
	assert_int_equal(contractor_set_in_use(db, &member, id, 1, 0), DB_DENIED);
	assert_int_equal(contractor_get(db, &nobody, id, &c), DB_DENIED);
	assert_int_equal(contractor_create(db, &nobody, &c), DB_DENIED);
	assert_int_equal(contractor_get(db, &volunteer, id, &c), DB_OK);
	assert_int_equal(contractor_set_in_use(db, &volunteer, id, 1, 0), DB_OK);
	strcpy(c.trade, "joinery and carpentry");
	c.version = 2;
	assert_int_equal(contractor_update(db, &volunteer, &c), DB_OK);
	assert_int_equal(contractor_page(db, &volunteer, 0, NULL, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
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
		cmocka_unit_test_setup_teardown(search_by_the_start_of_words, setup, teardown),
		cmocka_unit_test_setup_teardown(roles_allowed_and_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
