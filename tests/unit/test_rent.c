/* tests/unit/test_rent.c: the rent ledger, the rent run and arrears
 * (src/db/rent.c). Today is 2026-11-22 (a Sunday) throughout. */
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

#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/rent.h"
#include "coopdesk/settings.h"
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

static int64_t add_member(struct db *db, const char *name)
{
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, name);
	strcpy(m.address, "Co-op office, Rochdale");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

/* A home with a weekly rent from `from`, let to `member` from `from`. */
static int64_t let(struct db *db, const char *ref, int64_t member, const char *from,
		   int64_t weekly)
{
	struct actor board = test_board();
	struct home h = { 0 };
	strcpy(h.ref, ref);
	snprintf(h.address, sizeof h.address, "%s Alder Street", ref);
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	if (weekly > 0)
		assert_int_equal(rent_rate_set(db, &board, h.id, from, RENT_WEEKLY, weekly), DB_OK);
	struct tenancy *t = calloc(1, sizeof *t);
	t->home_id = h.id;
	strcpy(t->start_date, from);
	assert_int_equal(tenancy_create(db, &board, t, &member, 1), DB_OK);
	int64_t id = t->id;
	free(t);
	return id;
}

static int64_t balance_of(struct db *db, int64_t tenancy)
{
	struct actor board = test_board();
	int64_t b = -1;
	assert_int_equal(rent_balance(db, &board, tenancy, &b, NULL), DB_OK);
	return b;
}

static void posts_add_up_over_many_rows(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "H-001", add_member(db, "Ann Tenant"), "2020-01-06", 0);
	int64_t expect = 0;
	/* 300 rows of every kind, in one outer transaction like a bulk load. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	for (int i = 0; i < 300; i++) {
		enum rent_entry_kind k = (enum rent_entry_kind)(i % 4);
		int64_t amount = k == RENT_PAYMENT ? -(9000 + i) : k == RENT_ADJUSTMENT ? -(i % 7) - 1
			       : 9500 + i;
		char day[16];
		snprintf(day, sizeof day, "2021-%02d-%02d", 1 + i % 12, 1 + i % 28);
		assert_int_equal(rent_post(db, &board, t, day, k, amount, "x", ""), DB_OK);
		expect += amount;
	}
	assert_int_equal(db_commit(db), DB_OK);
	int64_t weekly = -1;
	int64_t balance = -1;
	assert_int_equal(rent_balance(db, &board, t, &balance, &weekly), DB_OK);
	assert_int_equal(balance, expect);
	assert_int_equal(weekly, 0);  /* no rate set */

	/* Walk the statement forwards: every row's balance is the running sum. */
	struct rent_entry rows[64];
	struct page_key key;
	int n, seen = 0;
	int64_t running = 0;
	assert_int_equal(rent_page(db, &board, t, PAGE_FIRST, NULL, rows, 64, &n), DB_OK);
	while (n > 0) {
		for (int i = 0; i < n; i++) {
			running += rows[i].amount_pence;
			assert_int_equal(rows[i].balance_pence, running);
			assert_int_equal(rows[i].kind, (enum rent_entry_kind)(seen % 4));
			seen++;
		}
		rent_entry_key(&rows[n - 1], &key);
		assert_int_equal(rent_page(db, &board, t, PAGE_AFTER, &key, rows, 64, &n), DB_OK);
	}
	assert_int_equal(seen, 300);
	assert_int_equal(running, expect);
	/* The last page has the newest row last; before it, the rows before. */
	assert_int_equal(rent_page(db, &board, t, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[9].balance_pence, expect);
	assert_true(rows[0].id < rows[9].id);
	int64_t first_of_last = rows[0].id;
	rent_entry_key(&rows[0], &key);
	assert_int_equal(rent_page(db, &board, t, PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_true(rows[9].id < first_of_last);
	assert_string_equal(rows[9].description, "x");
	assert_int_equal(strlen(rows[9].recorded_at), 20);
}

static void bad_posts_are_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "H-001", add_member(db, "Ann Tenant"), "2026-01-05", 0);

	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_PAYMENT, 0, "", ""),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a ledger amount is not zero, and below £1,000,000");
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_PAYMENT, 5000, "", ""),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db),
			    "charges and refunds add to what is owed; payments reduce it");
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_CHARGE, -5000, "", ""),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db),
			    "charges and refunds add to what is owed; payments reduce it");
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_CHARGE, 99999999, "", ""),
			 DB_OK);
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_ADJUSTMENT, -99999999, "", ""),
			 DB_OK);
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_CHARGE, 100000000, "", ""),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "a ledger amount is not zero, and below £1,000,000");
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_CHARGE, INT64_MAX, "", ""),
			 DB_INVALID);
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_ADJUSTMENT, INT64_MIN, "", ""),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "a ledger amount is not zero, and below £1,000,000");
	assert_int_equal(rent_post(db, &board, t, "2026-02-29", RENT_PAYMENT, -5000, "", ""),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a ledger entry's date is a real date");
	assert_int_equal(rent_post(db, &board, t, "2026-11-23", RENT_PAYMENT, -5000, "", ""),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a ledger entry cannot be dated in the future (23/11/2026 is after today)");
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_CHARGE, 5000, "",
				   RENT_RUN_REFERENCE), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "the reference 'rent run' is kept for the rent run's own charges");
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", (enum rent_entry_kind)9, 5000, "", ""),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a ledger entry is a charge, payment, adjustment or refund");
	assert_int_equal(rent_post(db, &board, 999, "2026-11-20", RENT_CHARGE, 5000, "", ""),
			 DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such tenancy");
	char longtext[260];
	memset(longtext, 'a', 201);
	longtext[201] = '\0';
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_CHARGE, 5000, longtext, ""),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a description is at most 200 characters");
	longtext[41] = '\0';
	assert_int_equal(rent_post(db, &board, t, "2026-11-20", RENT_CHARGE, 5000, "", longtext),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a reference is at most 40 characters");
	/* Nothing refused was saved (the two largest amounts cancel out). */
	assert_int_equal(balance_of(db, t), 0);
	/* Today is fine, and so is a negative adjustment or a refund. */
	assert_int_equal(rent_post(db, &board, t, "2026-11-22", RENT_PAYMENT, -5000, NULL, NULL), DB_OK);
	assert_int_equal(rent_post(db, &board, t, "2026-11-22", RENT_REFUND, 2000, "", ""), DB_OK);
	assert_int_equal(rent_post(db, &board, t, "2026-11-22", RENT_ADJUSTMENT, -100, "", ""), DB_OK);
	assert_int_equal(balance_of(db, t), -3100);
}

static void every_role_gets_what_it_may(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant");
	int64_t bob = add_member(db, "Bob Other");
	int64_t mine = let(db, "H-001", ann, "2026-01-05", 9000);
	int64_t theirs = let(db, "H-002", bob, "2026-01-05", 9000);
	assert_int_equal(rent_post(db, &board, mine, "2026-11-01", RENT_CHARGE, 9000, "", ""), DB_OK);
	assert_int_equal(rent_post(db, &board, theirs, "2026-11-01", RENT_CHARGE, 9000, "", ""), DB_OK);
	struct actor member = test_member(ann);
	struct actor volunteer = test_volunteer(0);
	struct actor tenant_volunteer = test_volunteer(bob);
	struct rent_entry rows[4];
	struct rent_arrears_row arrears[4];
	int64_t b, w;
	int n;

	/* A member: their own account, nobody else's. */
	assert_int_equal(rent_balance(db, &member, mine, &b, &w), DB_OK);
	assert_int_equal(b, 9000);
	assert_int_equal(w, 9000);
	assert_int_equal(rent_page(db, &member, mine, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rent_balance(db, &member, theirs, &b, &w), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such tenancy");
	assert_int_equal(rent_page(db, &member, theirs, PAGE_FIRST, NULL, rows, 4, &n), DB_NOTFOUND);
	assert_int_equal(n, 0);
	assert_int_equal(rent_post(db, &member, mine, "2026-11-20", RENT_PAYMENT, -100, "", ""),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change rent accounts");
	assert_int_equal(rent_arrears_page(db, &member, TENANCIES_ALL, PAGE_FIRST, NULL,
					   arrears, 4, &n), DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may see everyone's arrears");

	/* A volunteer sees no one's rent but their own as a tenant. */
	assert_int_equal(rent_balance(db, &volunteer, mine, &b, &w), DB_NOTFOUND);
	assert_int_equal(rent_page(db, &volunteer, theirs, PAGE_FIRST, NULL, rows, 4, &n), DB_NOTFOUND);
	assert_int_equal(rent_balance(db, &tenant_volunteer, theirs, &b, &w), DB_OK);
	assert_int_equal(rent_balance(db, &tenant_volunteer, mine, &b, &w), DB_NOTFOUND);
	assert_int_equal(rent_post(db, &volunteer, mine, "2026-11-20", RENT_PAYMENT, -100, "", ""),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change rent accounts");
	assert_int_equal(rent_charge_run(db, &volunteer, "2026-11-22", NULL), DB_DENIED);
	assert_int_equal(rent_arrears_page(db, &volunteer, TENANCIES_ALL, PAGE_FIRST, NULL,
					   arrears, 4, &n), DB_DENIED);
	int64_t count, total;
	assert_int_equal(rent_arrears_total(db, &tenant_volunteer, &count, &total), DB_DENIED);

	/* Nobody logged in: nothing. */
	assert_int_equal(rent_balance(db, NULL, mine, &b, &w), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see rent accounts");
	assert_int_equal(rent_page(db, NULL, mine, PAGE_FIRST, NULL, rows, 4, &n), DB_DENIED);
	assert_int_equal(rent_post(db, NULL, mine, "2026-11-20", RENT_PAYMENT, -100, "", ""), DB_DENIED);
	assert_int_equal(rent_charge_run(db, NULL, "2026-11-22", NULL), DB_DENIED);
	assert_int_equal(rent_arrears_page(db, NULL, TENANCIES_ALL, PAGE_FIRST, NULL, arrears, 4, &n),
			 DB_DENIED);
	assert_int_equal(rent_charge_run(db, &member, "2026-11-22", NULL), DB_DENIED);

	/* The board: everything. */
	assert_int_equal(rent_balance(db, &board, theirs, &b, &w), DB_OK);
	assert_int_equal(rent_arrears_total(db, &board, &count, &total), DB_OK);
	assert_int_equal(count, 2);
	assert_int_equal(total, 18000);
}

static void the_charge_run_is_idempotent(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	/* 5 October 2026 is a Monday. */
	int64_t t = let(db, "H-001", add_member(db, "Ann Tenant"), "2026-10-05", 10000);
	int64_t posted = -1;
	assert_int_equal(rent_charge_run(db, &board, "2026-11-22", &posted), DB_OK);
	/* 5, 12, 19, 26 October; 2, 9, 16 November. */
	assert_int_equal(posted, 7);
	assert_int_equal(balance_of(db, t), 70000);
	assert_int_equal(rent_charge_run(db, &board, "2026-11-22", &posted), DB_OK);
	assert_int_equal(posted, 0);
	assert_int_equal(balance_of(db, t), 70000);
	/* An earlier date posts nothing either. */
	assert_int_equal(rent_charge_run(db, &board, "2026-11-01", &posted), DB_OK);
	assert_int_equal(posted, 0);
	/* A week on (in advance): 23 November. */
	assert_int_equal(rent_charge_run(db, &board, "2026-11-29", &posted), DB_OK);
	assert_int_equal(posted, 1);
	assert_int_equal(rent_charge_run(db, &board, "2026-11-29", &posted), DB_OK);
	assert_int_equal(posted, 0);
	assert_int_equal(balance_of(db, t), 80000);

	struct rent_entry rows[10];
	int n;
	assert_int_equal(rent_page(db, &board, t, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 8);
	assert_string_equal(rows[0].entry_date, "2026-10-05");
	assert_string_equal(rows[7].entry_date, "2026-11-23");
	assert_int_equal(rows[7].kind, RENT_CHARGE);
	assert_string_equal(rows[7].reference, RENT_RUN_REFERENCE);
	assert_string_equal(rows[7].description, "Rent, week from 2026-11-23");
	assert_int_equal(rows[7].balance_pence, 80000);

	/* Payments in between do not upset the run. */
	assert_int_equal(rent_post(db, &board, t, "2026-11-22", RENT_PAYMENT, -80000, "BACS", "S/O 1"),
			 DB_OK);
	assert_int_equal(rent_charge_run(db, &board, "2026-11-29", &posted), DB_OK);
	assert_int_equal(posted, 0);
	assert_int_equal(balance_of(db, t), 0);

	/* A rate may not be changed under charges already posted. */
	int64_t home = 1;
	assert_int_equal(rent_rate_set(db, &board, home, "2026-11-23", RENT_WEEKLY, 11000),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "rent is charged up to 23/11/2026: a new rent starts"
			    " after that (an adjustment corrects earlier charges)");
	assert_int_equal(rent_rate_set(db, &board, home, "2026-11-30", RENT_WEEKLY, 11000), DB_OK);
	assert_int_equal(rent_charge_run(db, &board, "2026-12-06", &posted), DB_OK);
	assert_int_equal(posted, 1);
	assert_int_equal(balance_of(db, t), 11000);

	/* Bad dates. */
	assert_int_equal(rent_charge_run(db, &board, "2026-02-29", &posted), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "the rent run needs a real date to charge up to, like 2026-11-29");
	assert_int_equal(rent_charge_run(db, &board, "2026-12-24", &posted), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "the rent run charges at most 31 days ahead: 24/12/2026 is too far");
	assert_int_equal(rent_charge_run(db, &board, "2026-12-23", &posted), DB_OK);
}

static void the_run_honours_ends_rates_and_rent_free_weeks(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, "rent_free_weeks", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, "rent_free_weeks", "2", s.version), DB_OK);

	/* From Monday 1 December 2025: 1, 8, 15 December charged, 22 and 29
	 * December rent-free, then every Monday of 2026 to 16 November. */
	int64_t long_one = let(db, "H-001", add_member(db, "Ann Long"), "2025-12-01", 10000);
	/* Ended on Wednesday 11 November: last charge Monday 9 November. */
	int64_t ended = let(db, "H-002", add_member(db, "Bob Ended"), "2026-10-05", 10000);
	assert_int_equal(tenancy_end(db, &board, ended, "2026-11-11", "moved", 1), DB_OK);
	/* No rent set until 2 November. */
	int64_t late_rate = let(db, "H-003", add_member(db, "Cat Late"), "2026-10-05", 0);
	assert_int_equal(rent_rate_set(db, &board, 3, "2026-11-02", RENT_WEEKLY, 8000), DB_OK);
	/* Monthly, from 15 September. */
	int64_t monthly = let(db, "H-004", add_member(db, "Dee Monthly"), "2026-09-15", 0);
	assert_int_equal(rent_rate_set(db, &board, 4, "2026-09-15", RENT_MONTHLY, 43333), DB_OK);

	int64_t posted = 0;
	assert_int_equal(rent_charge_run(db, &board, "2026-11-22", &posted), DB_OK);
	assert_int_equal(balance_of(db, long_one), 49 * 10000);
	assert_int_equal(balance_of(db, ended), 6 * 10000);
	assert_int_equal(balance_of(db, late_rate), 3 * 8000);
	assert_int_equal(balance_of(db, monthly), 3 * 43333);
	assert_int_equal(posted, 49 + 6 + 3 + 3);

	/* Up to 23 December: 23 and 30 November, 7 and 14 December; 21
	 * December is rent-free; the ended tenancy gets nothing more; the
	 * monthly one gets 15 December. */
	assert_int_equal(rent_charge_run(db, &board, "2026-12-23", &posted), DB_OK);
	assert_int_equal(posted, 4 + 0 + 4 + 1);
	assert_int_equal(balance_of(db, long_one), 53 * 10000);
	assert_int_equal(balance_of(db, ended), 6 * 10000);
	assert_int_equal(rent_charge_run(db, &board, "2026-12-23", &posted), DB_OK);
	assert_int_equal(posted, 0);

	/* Weekly rent of a former tenancy: the rate on its last day. */
	int64_t b, w;
	assert_int_equal(rent_balance(db, &board, ended, &b, &w), DB_OK);
	assert_int_equal(w, 10000);
	assert_int_equal(rent_balance(db, &board, monthly, &b, &w), DB_OK);
	assert_int_equal(w, 10000);  /* £433.33 a month */
}

static void arrears_largest_first_with_former_tenants(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = let(db, "H-001", add_member(db, "Ann Most"), "2026-01-05", 10000);
	int64_t b = let(db, "H-002", add_member(db, "Bob Less"), "2026-01-05", 10000);
	int64_t c = let(db, "H-003", add_member(db, "Cat Credit"), "2026-01-05", 10000);
	int64_t d = let(db, "H-004", add_member(db, "Dee Former"), "2026-01-05", 10000);
	int64_t e = let(db, "H-005", add_member(db, "Eve Same"), "2026-01-05", 10000);
	assert_int_equal(rent_post(db, &board, a, "2026-11-01", RENT_CHARGE, 35000, "", ""), DB_OK);
	assert_int_equal(rent_post(db, &board, b, "2026-11-01", RENT_CHARGE, 10000, "", ""), DB_OK);
	assert_int_equal(rent_post(db, &board, c, "2026-11-01", RENT_PAYMENT, -5000, "", ""), DB_OK);
	assert_int_equal(rent_post(db, &board, d, "2026-11-01", RENT_CHARGE, 20000, "", ""), DB_OK);
	assert_int_equal(rent_post(db, &board, e, "2026-11-01", RENT_CHARGE, 10000, "", ""), DB_OK);
	assert_int_equal(tenancy_end(db, &board, d, "2026-11-08", "evicted", 1), DB_OK);

	struct rent_arrears_row rows[4];
	struct page_key key;
	int n;
	assert_int_equal(rent_arrears_page(db, &board, TENANCIES_ALL, PAGE_FIRST, NULL, rows, 2, &n),
			 DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].tenancy_id, a);
	assert_int_equal(rows[0].balance_pence, 35000);
	assert_int_equal(rows[0].weekly_rent, 10000);
	assert_int_equal(rows[0].weeks_x100, 350);
	assert_string_equal(rows[0].tenants, "Ann Most");
	assert_string_equal(rows[0].home_ref, "H-001");
	assert_int_equal(rows[1].tenancy_id, d);
	assert_string_equal(rows[1].end_date, "2026-11-08");
	assert_int_equal(rows[1].weeks_x100, 200);
	rent_arrears_key(&rows[1], &key);
	assert_int_equal(rent_arrears_page(db, &board, TENANCIES_ALL, PAGE_AFTER, &key, rows, 4, &n),
			 DB_OK);
	/* Two of £100.00: the newer tenancy first; the one in credit is not listed. */
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].tenancy_id, e);
	assert_int_equal(rows[1].tenancy_id, b);
	rent_arrears_key(&rows[0], &key);
	assert_int_equal(rent_arrears_page(db, &board, TENANCIES_ALL, PAGE_BEFORE, &key, rows, 4, &n),
			 DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].tenancy_id, a);
	assert_int_equal(rows[1].tenancy_id, d);
	assert_int_equal(rent_arrears_page(db, &board, TENANCIES_ALL, PAGE_LAST, NULL, rows, 3, &n),
			 DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].tenancy_id, d);
	assert_int_equal(rows[2].tenancy_id, b);
	assert_int_equal(rent_arrears_page(db, &board, TENANCIES_FORMER, PAGE_FIRST, NULL, rows, 4, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].tenancy_id, d);
	assert_int_equal(rent_arrears_page(db, &board, TENANCIES_CURRENT, PAGE_FIRST, NULL, rows, 4,
					   &n), DB_OK);
	assert_int_equal(n, 3);
	int64_t count, total;
	assert_int_equal(rent_arrears_total(db, &board, &count, &total), DB_OK);
	assert_int_equal(count, 4);
	assert_int_equal(total, 75000);
	/* Paid off: off the list. */
	assert_int_equal(rent_post(db, &board, a, "2026-11-22", RENT_PAYMENT, -35000, "", ""), DB_OK);
	assert_int_equal(rent_arrears_total(db, &board, &count, &total), DB_OK);
	assert_int_equal(count, 3);
	assert_int_equal(total, 40000);
}

/* Counts audit rows of a table naming an actor, reading the file directly. */
static int audit_rows(const char *path, const char *table, const char *actor)
{
	sqlite3 *conn;
	sqlite3_stmt *st;
	int n = -1;
	assert_int_equal(sqlite3_open_v2(path, &conn, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(conn, "SELECT count(*) FROM audit WHERE table_name = ?1"
					    " AND actor = ?2", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, actor, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(conn);
	return n;
}

static void writes_leave_audit_rows_naming_the_user(void **state)
{
	(void)state;
	char path[64];
	struct db *db = test_db_file(path);
	struct actor treasurer = { 5, ROLE_BOARD, 0, "Tess Treasurer" };
	int64_t t = let(db, "H-001", add_member(db, "Ann Tenant"), "2026-11-02", 10000);
	assert_int_equal(audit_rows(path, "tenancies", "test board"), 1);
	assert_int_equal(audit_rows(path, "tenancy_signatories", "test board"), 1);
	assert_int_equal(audit_rows(path, "rent_rates", "test board"), 1);
	assert_int_equal(audit_rows(path, "homes", "test board"), 1);
	int64_t posted;
	assert_int_equal(rent_charge_run(db, &treasurer, "2026-11-22", &posted), DB_OK);
	assert_int_equal(posted, 3);
	assert_int_equal(rent_post(db, &treasurer, t, "2026-11-22", RENT_PAYMENT, -100, "", ""), DB_OK);
	assert_int_equal(audit_rows(path, "rent_ledger", "Tess Treasurer"), 4);
	/* A refused write leaves none. */
	assert_int_equal(rent_post(db, &treasurer, t, "2026-11-22", RENT_PAYMENT, 100, "", ""),
			 DB_CONSTRAINT);
	assert_int_equal(audit_rows(path, "rent_ledger", "Tess Treasurer"), 4);
	assert_int_equal(tenancy_end(db, &treasurer, t, "2026-11-22", "", 1), DB_OK);
	assert_int_equal(audit_rows(path, "tenancies", "Tess Treasurer"), 1);
	db_close(db);
	test_db_unlink(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(posts_add_up_over_many_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_posts_are_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(every_role_gets_what_it_may, setup, teardown),
		cmocka_unit_test_setup_teardown(the_charge_run_is_idempotent, setup, teardown),
		cmocka_unit_test_setup_teardown(the_run_honours_ends_rates_and_rent_free_weeks,
						setup, teardown),
		cmocka_unit_test_setup_teardown(arrears_largest_first_with_former_tenants,
						setup, teardown),
		cmocka_unit_test(writes_leave_audit_rows_naming_the_user),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
