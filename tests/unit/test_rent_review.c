/* tests/unit/test_rent_review.c: the rent review (src/db/rent_review.c):
 * its preview rows, one transaction for all homes, the homes a filter
 * keeps, homes without a rent left out, and who may run it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/report.h"
#include "coopdesk/tenancies.h"
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

static int64_t add_home(struct db *db, const char *ref)
{
	struct actor board = test_board();
	struct home h = { 0 };
	snprintf(h.ref, sizeof h.ref, "%s", ref);
	snprintf(h.address, sizeof h.address, "%s Alder Street", ref);
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	return h.id;
}

static int64_t rent_on(struct db *db, int64_t home, const char *day)
{
	struct actor board = test_board();
	struct rent_rate r;
	assert_int_equal(rent_rate_on(db, &board, home, day, &r), DB_OK);
	return r.amount_pence;
}

/* How many rates homes 1 to 3 have in all. */
static int64_t rates(struct db *db)
{
	struct actor board = test_board();
	struct rent_rate list[8];
	int64_t all = 0;
	for (int64_t home = 1; home <= 3; home++) {
		int n;
		assert_int_equal(rent_rate_list(db, &board, home, list, 8, &n), DB_OK);
		all += n;
	}
	return all;
}

/* Three homes: H-1 let (£92.31 weekly), H-2 void (£400.00 four-weekly),
 * H-3 void with no rent. */
static void homes(struct db *db, int64_t id[3])
{
	struct actor board = test_board();
	id[0] = add_home(db, "H-1");
	id[1] = add_home(db, "H-2");
	id[2] = add_home(db, "H-3");
	struct member m = { 0 };
	strcpy(m.name, "Ann Tenant");
	strcpy(m.address, "1 Alder Street");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	struct tenancy *t = calloc(1, sizeof *t);
	t->home_id = id[0];
	strcpy(t->start_date, "2021-04-05");
	assert_int_equal(tenancy_create(db, &board, t, &m.id, 1), DB_OK);
	free(t);
	assert_int_equal(rent_rate_set(db, &board, id[0], "2025-04-07", RENT_WEEKLY, 9231), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, id[1], "2025-04-07", RENT_FOUR_WEEKLY, 40000),
			 DB_OK);
}

static void preview_then_save_all_at_once(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id[3];
	homes(db, id);
	struct rent_change c = { .by_percent = 1, .percent_x100 = 350 };
	struct rent_review_row rows[4];
	int n;
	assert_int_equal(rent_review_page(db, &board, HOMES_ALL, "2026-04-06", &c, NULL, rows, 4,
					  &n), DB_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].ref, "H-1");
	assert_true(rows[0].ok);
	assert_int_equal(rows[0].old_pence, 9231);
	assert_int_equal(rows[0].new_pence, 9554);
	assert_int_equal(rows[0].period, RENT_WEEKLY);
	assert_string_equal(rows[0].old_from, "2025-04-07");
	assert_true(rows[1].ok);
	assert_int_equal(rows[1].new_pence, 41400);
	assert_int_equal(rows[1].period, RENT_FOUR_WEEKLY);
	assert_false(rows[2].has_rent);
	assert_false(rows[2].ok);
	assert_string_equal(rows[2].problem, "no rent set: left as it is");
	/* Paged by reference. */
	assert_int_equal(rent_review_page(db, &board, HOMES_ALL, "2026-04-06", &c, "H-1", rows, 1,
					  &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].ref, "H-2");
	assert_int_equal(rates(db), 2);   /* the preview saved nothing */

	int64_t count = 0;
	assert_int_equal(rent_review_apply(db, &board, HOMES_ALL, "2026-04-06", &c, &count), DB_OK);
	assert_int_equal(count, 2);
	assert_int_equal(rates(db), 4);
	assert_int_equal(rent_on(db, id[0], "2026-04-05"), 9231);   /* history kept */
	assert_int_equal(rent_on(db, id[0], "2026-04-06"), 9554);
	assert_int_equal(rent_on(db, id[1], "2026-04-06"), 41400);
}

static void one_refusal_saves_nothing(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id[3];
	homes(db, id);
	/* H-2 already has a rent from a later day than the review's. */
	assert_int_equal(rent_rate_set(db, &board, id[1], "2026-05-01", RENT_FOUR_WEEKLY, 41000),
			 DB_OK);
	struct rent_change c = { .by_percent = 0, .amount = 250 };
	struct rent_review_row rows[4];
	int n;
	assert_int_equal(rent_review_page(db, &board, HOMES_ALL, "2026-04-06", &c, NULL, rows, 4,
					  &n), DB_OK);
	assert_true(rows[0].ok);
	assert_false(rows[1].ok);
	assert_string_equal(rows[1].problem, "its rent from 01/05/2026 is set already: a new one"
			    " must start after it");
	int64_t before = rates(db), count = -1;
	assert_int_equal(rent_review_apply(db, &board, HOMES_ALL, "2026-04-06", &c, &count),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "H-2: its rent from 01/05/2026 is set already: a new one"
			    " must start after it");
	assert_int_equal(count, -1);
	assert_int_equal(rates(db), before);
	assert_int_equal(rent_on(db, id[0], "2026-04-06"), 9231);   /* H-1 untouched too */

	/* The let homes only: H-2 is void, so the review goes through. */
	assert_int_equal(rent_review_apply(db, &board, HOMES_OCCUPIED, "2026-04-06", &c, &count),
			 DB_OK);
	assert_int_equal(count, 1);
	assert_int_equal(rent_on(db, id[0], "2026-04-06"), 9481);
	assert_int_equal(rent_on(db, id[1], "2026-04-06"), 40000);
	/* A decrease below nothing is refused for the home it would hit. */
	c.amount = -50000;
	assert_int_equal(rent_review_apply(db, &board, HOMES_OCCUPIED, "2026-06-01", &c, &count),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "H-1: the new rent would be below £0.00");
	/* No home is unavailable: nothing to review. */
	assert_int_equal(rent_review_apply(db, &board, HOMES_UNAVAILABLE, "2026-06-01", &c, &count),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "no home in that list has a rent to review");
}

static void board_only_and_a_real_day(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor volunteer = test_volunteer(0);
	int64_t id[3];
	homes(db, id);
	struct actor member = test_member(1);
	struct rent_change c = { .by_percent = 1, .percent_x100 = 100 };
	struct rent_review_row rows[4];
	int n;
	int64_t count;
	assert_int_equal(rent_review_page(db, &volunteer, HOMES_ALL, "2026-04-06", &c, NULL, rows,
					  4, &n), DB_DENIED);
	assert_int_equal(rent_review_apply(db, &member, HOMES_ALL, "2026-04-06", &c, &count),
			 DB_DENIED);
	assert_int_equal(rent_review_apply(db, &board, HOMES_ALL, "2026-02-30", &c, &count),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "the new rents' first day is not a real date");
	assert_int_equal(rates(db), 2);
}

/* The preview document: the figures as the page gives them, the rule said. */
static void preview_document(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id[3];
	homes(db, id);
	struct rent_review_ask a = { .which = HOMES_ALL, .from = "2026-04-06",
				     .change = { .by_percent = 1, .percent_x100 = 350 },
				     .what = "all homes" };
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct report_opts o = { REPORT_TEXT, 0, 80 };
	assert_int_equal(report_rent_review(db, &board, &a, &o, out), DB_OK);
	fclose(out);
	assert_non_null(strstr(buf, "Rent review from 06/04/2026 (preview)"));
	assert_non_null(strstr(buf, "Change: +3.5%"));
	assert_non_null(strstr(buf, "2 homes get a new rent from 06/04/2026; 1 left out"));
	assert_non_null(strstr(buf, "a half penny up"));
	assert_non_null(strstr(buf, "£92.31"));
	assert_non_null(strstr(buf, "£95.54"));
	assert_non_null(strstr(buf, "£414.01"));   /* 95.54 x 52 / 12 */
	assert_non_null(strstr(buf, "H-3: no rent set: left as it is."));
	free(buf);
	assert_int_equal(rates(db), 2);
	struct actor volunteer = test_volunteer(0);
	out = open_memstream(&buf, &len);
	assert_int_equal(report_rent_review(db, &volunteer, &a, &o, out), DB_DENIED);
	fclose(out);
	assert_int_equal(len, 0);
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(preview_then_save_all_at_once, setup, teardown),
		cmocka_unit_test_setup_teardown(one_refusal_saves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(board_only_and_a_real_day, setup, teardown),
		cmocka_unit_test_setup_teardown(preview_document, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
