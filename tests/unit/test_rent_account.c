/* tests/unit/test_rent_account.c: what a rent account adds to the ledger
 * (src/db/rent.c, rent_dated.c, schema 6): payments with a method,
 * reversals that name the row they put right, the run's summary, balances
 * by date and the arrears list as at a day. Today is 2026-11-22 (a
 * Sunday) throughout. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/check.h"
#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/report.h"
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

static int64_t home_id_of;

/* A home with a weekly rent from `from`, let to a new member from `from`. */
static int64_t let(struct db *db, const char *ref, const char *name, const char *from,
		   int64_t weekly)
{
	struct actor board = test_board();
	int64_t member = add_member(db, name);
	struct home h = { 0 };
	strcpy(h.ref, ref);
	snprintf(h.address, sizeof h.address, "%s Alder Street", ref);
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	home_id_of = h.id;
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

static int64_t pay(struct db *db, int64_t t, const char *on, int64_t pence, const char *method)
{
	struct actor board = test_board();
	struct rent_new e = { .tenancy_id = t, .kind = RENT_PAYMENT, .amount_pence = -pence };
	strcpy(e.entry_date, on);
	strcpy(e.method, method);
	int64_t id = 0;
	assert_int_equal(rent_record(db, &board, &e, &id), DB_OK);
	assert_true(id > 0);
	return id;
}

static int64_t balance_of(struct db *db, int64_t tenancy)
{
	struct actor board = test_board();
	int64_t b = -1;
	assert_int_equal(rent_balance(db, &board, tenancy, &b, NULL), DB_OK);
	return b;
}

/* The checks of the rent ledger (the members made here hold no share, a
 * check of its own that these tests leave aside). */
static void rent_problems(const char *name, const char *problem, int warning, void *arg)
{
	if (problem && !warning && strstr(name, "rent ledger")) {
		print_message("check: %s: %s\n", name, problem);
		(*(int *)arg)++;
	}
}

static void checks_pass(struct db *db)
{
	int failures = -1, rent = 0;
	assert_int_equal(db_check(db, rent_problems, &rent, &failures), DB_OK);
	assert_int_equal(rent, 0);
}

/* The run across a rent change and a rent-free week, twice. */
static void posting_is_idempotent_across_a_change_and_a_free_week(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, "rent_free_weeks", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, "rent_free_weeks", "1", s.version), DB_OK);
	/* Monday 1 December 2025 at £90.00; £95.00 from Monday 5 January 2026.
	 * Charged: 1, 8, 15, 22 December (4 x £90.00); 29 December is the one
	 * rent-free week; then 5 January to 16 November 2026: 46 x £95.00. */
	int64_t t = let(db, "H-001", "Ann Tenant", "2025-12-01", 9000);
	assert_int_equal(rent_rate_set(db, &board, home_id_of, "2026-01-05", RENT_WEEKLY, 9500),
			 DB_OK);
	int64_t t2 = let(db, "H-002", "Bob Tenant", "2026-11-02", 10000);
	struct rent_run_result r;
	assert_int_equal(rent_charge_run_summary(db, &board, "2026-11-22", &r), DB_OK);
	assert_int_equal(r.tenancies, 2);
	assert_int_equal(r.charges, 4 + 46 + 3);
	assert_int_equal(r.total_pence, 4 * 9000 + 46 * 9500 + 3 * 10000);
	assert_int_equal(balance_of(db, t), 4 * 9000 + 46 * 9500);
	assert_int_equal(balance_of(db, t2), 3 * 10000);
	/* No charge on 29 December 2025. */
	struct rent_entry rows[8];
	int n;
	assert_int_equal(rent_dated_page(db, &board, t, "2025-12-23", "2026-01-04", PAGE_FIRST, NULL,
					 rows, 8, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(rent_dated_page(db, &board, t, "2025-12-22", "2026-01-05", PAGE_FIRST, NULL,
					 rows, 8, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].amount_pence, 9000);
	assert_int_equal(rows[1].amount_pence, 9500);
	/* Again: nothing twice. */
	assert_int_equal(rent_charge_run_summary(db, &board, "2026-11-22", &r), DB_OK);
	assert_int_equal(r.tenancies, 0);
	assert_int_equal(r.charges, 0);
	assert_int_equal(r.total_pence, 0);
	assert_int_equal(balance_of(db, t), 4 * 9000 + 46 * 9500);
	/* A week on: one charge each. */
	assert_int_equal(rent_charge_run_summary(db, &board, "2026-11-29", &r), DB_OK);
	assert_int_equal(r.tenancies, 2);
	assert_int_equal(r.charges, 2);
	assert_int_equal(r.total_pence, 9500 + 10000);
	checks_pass(db);
}

/* Worked examples: £95.00 a week, charged 2, 9, 16 November (£285.00),
 * £100.00 paid on 10 November: £185.00 owed, 1.95 weeks, the oldest
 * unpaid charge the one of 9 November (£5.00 of it still owed). */
static void balance_and_weeks_in_arrears(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "H-001", "Ann Tenant", "2026-11-02", 9500);
	int64_t paid = let(db, "H-002", "Bob Paid", "2026-11-02", 10000);
	int64_t former = let(db, "H-003", "Cat Former", "2026-10-05", 8000);
	assert_int_equal(tenancy_end(db, &board, former, "2026-11-11", "moved", 1), DB_OK);
	struct rent_run_result r;
	assert_int_equal(rent_charge_run_summary(db, &board, "2026-11-22", &r), DB_OK);
	pay(db, t, "2026-11-10", 10000, "cash");
	pay(db, paid, "2026-11-03", 30000, "standing order");
	int64_t b, w;
	assert_int_equal(rent_balance(db, &board, t, &b, &w), DB_OK);
	assert_int_equal(b, 18500);
	assert_int_equal(w, 9500);
	char weeks[16];
	assert_string_equal(rent_weeks_format(money_weeks_x100(b, w), weeks, sizeof weeks), "1.95");
	char day[ISO_DATE_LEN];
	assert_int_equal(rent_oldest_unpaid(db, &board, t, "2026-11-22", b, day), DB_OK);
	assert_string_equal(day, "2026-11-09");

	/* The list: Ann £185.00, the former tenant 6 weeks of £80.00 (5, 12,
	 * 19, 26 October, 2, 9 November) = £480.00, Bob in credit £0.00. */
	struct rent_arrears_query q = { .which = TENANCIES_ALL, .sort = RENT_ARREARS_BY_AMOUNT };
	struct rent_arrears_item it[4];
	int n;
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(it[0].r.tenancy_id, former);
	assert_int_equal(it[0].r.balance_pence, 48000);
	assert_int_equal(it[0].r.weeks_x100, 600);
	assert_string_equal(it[0].oldest_unpaid, "2026-10-05");
	assert_string_equal(it[0].r.end_date, "2026-11-11");
	assert_int_equal(it[1].r.tenancy_id, t);
	assert_int_equal(it[1].r.weeks_x100, 195);
	assert_string_equal(it[1].oldest_unpaid, "2026-11-09");
	/* Former tenants apart. */
	q.which = TENANCIES_CURRENT;
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(it[0].r.tenancy_id, t);
	q.which = TENANCIES_FORMER;
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(it[0].r.tenancy_id, former);
	/* By home, paged one at a time, forwards. */
	q.which = TENANCIES_ALL;
	q.sort = RENT_ARREARS_BY_HOME;
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 1, &n), DB_OK);
	assert_string_equal(it[0].r.home_ref, "H-001");
	struct page_key key;
	rent_arrears_item_key(&q, &it[0], &key);
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_AFTER, &key, it, 1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(it[0].r.home_ref, "H-003");
	rent_arrears_item_key(&q, &it[0], &key);
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_AFTER, &key, it, 1, &n), DB_OK);
	assert_int_equal(n, 0);
	/* As at 9 November: Ann owed 2 x £95.00 (no payment yet), Bob's
	 * £300.00 paid on the 3rd covers his two weeks, the former tenant
	 * was current then (£480.00). */
	strcpy(q.as_at, "2026-11-09");
	q.which = TENANCIES_CURRENT;
	q.sort = RENT_ARREARS_BY_AMOUNT;
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(it[0].r.balance_pence, 48000);
	assert_int_equal(it[1].r.balance_pence, 19000);
	assert_string_equal(it[1].oldest_unpaid, "2026-11-02");
	/* Opening balance of a statement from 10 November is the same. */
	assert_int_equal(rent_balance_before(db, &board, t, "2026-11-10", &b), DB_OK);
	assert_int_equal(b, 19000);
	/* A member: not the list. */
	struct actor member = test_member(1);
	assert_int_equal(rent_arrears_list(db, &member, &q, PAGE_FIRST, NULL, it, 4, &n), DB_DENIED);
	strcpy(q.as_at, "2026-02-30");
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the day of the arrears is not a real date, like 2026-11-22");
}

/* The list's balances are worked out once and paged from (a temp table):
 * a payment at this terminal, a charge at another, a payment at another
 * read in a transaction that rolls back, and a read-only viewing each
 * show at once. */
static void the_arrears_list_follows_every_change(void **state)
{
	(void)state;
	char path[64];
	struct db *db = test_db_file(path);
	struct actor board = test_board();
	int64_t ann = let(db, "H-001", "Ann Tenant", "2026-11-02", 9500);
	int64_t bob = let(db, "H-002", "Bob Tenant", "2026-11-02", 10000);
	struct rent_run_result r;
	assert_int_equal(rent_charge_run_summary(db, &board, "2026-11-15", &r), DB_OK);
	struct rent_arrears_query q = { .which = TENANCIES_CURRENT, .sort = RENT_ARREARS_BY_AMOUNT };
	struct rent_arrears_item it[4];
	int n;
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(it[0].r.tenancy_id, bob);
	assert_int_equal(it[0].r.balance_pence, 20000);     /* 2 and 9 November */
	assert_int_equal(it[1].r.balance_pence, 19000);
	/* Bob pays at this terminal: he owes nothing, and is gone from the list. */
	pay(db, bob, "2026-11-14", 20000, "cash");
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(it[0].r.tenancy_id, ann);
	/* Another terminal posts the week of the 16th: both owe again. */
	struct db *other = NULL;
	char err[600];
	assert_int_equal(db_open(path, 0, &other, err, sizeof err), DB_OK);
	assert_int_equal(rent_charge_run_summary(other, &board, "2026-11-22", &r), DB_OK);
	assert_int_equal(r.charges, 2);
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_LAST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(it[0].r.tenancy_id, ann);           /* largest first */
	assert_int_equal(it[0].r.balance_pence, 28500);
	assert_int_equal(it[1].r.tenancy_id, bob);
	assert_int_equal(it[1].r.balance_pence, 10000);
	/* Read inside a transaction that rolls back, after another terminal's
	 * payment: the balances worked out in it go with it, and the next read
	 * still has the payment. */
	pay(other, ann, "2026-11-21", 28500, "cash");
	assert_int_equal(db_begin(db, &board), DB_OK);
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	db_rollback(db);
	assert_int_equal(rent_arrears_list(db, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(it[0].r.tenancy_id, bob);
	db_close(other);
	/* Opened read-only, the list is still there (a temp table is the
	 * connection's own). */
	assert_int_equal(db_open(path, DB_OPEN_READONLY, &other, err, sizeof err), DB_OK);
	assert_int_equal(rent_arrears_list(other, &board, &q, PAGE_FIRST, NULL, it, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(it[0].r.tenancy_id, bob);
	db_close(other);
	db_close(db);
	test_db_unlink(path);
}

static void a_reversal_names_the_row_and_keeps_it(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "H-001", "Ann Tenant", "2026-11-02", 9500);
	int64_t other = let(db, "H-002", "Bob Other", "2026-11-02", 9500);
	int64_t p = pay(db, t, "2026-11-10", 1000, "cheque");
	int64_t rev = 0;
	/* Refused: no reason, before the row, to come, a row not there. */
	assert_int_equal(rent_reverse(db, &board, p, "2026-11-12", "", &rev), DB_INVALID);
	assert_string_equal(db_errmsg(db), "say why the entry is reversed: what was wrong");
	assert_int_equal(rent_reverse(db, &board, p, "2026-11-09", "bounced", &rev), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a reversal is dated on or after the entry it reverses (10/11/2026)");
	assert_int_equal(rent_reverse(db, &board, p, "2026-11-23", "bounced", &rev), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a ledger entry cannot be dated in the future (23/11/2026 is after today)");
	assert_int_equal(rent_reverse(db, &board, 999, "2026-11-12", "bounced", &rev), DB_NOTFOUND);
	assert_int_equal(balance_of(db, t), -1000);
	/* Done: the cheque bounced. */
	assert_int_equal(rent_reverse(db, &board, p, "2026-11-12", "cheque bounced", &rev), DB_OK);
	assert_int_equal(balance_of(db, t), 0);
	struct rent_entry e;
	assert_int_equal(rent_entry_get(db, &board, rev, &e), DB_OK);
	assert_int_equal(e.kind, RENT_ADJUSTMENT);
	assert_int_equal(e.amount_pence, 1000);
	assert_int_equal(e.reverses_id, p);
	char words[80];
	snprintf(words, sizeof words, "Reverses entry %lld: cheque bounced", (long long)p);
	assert_string_equal(e.description, words);
	assert_int_equal(rent_entry_get(db, &board, p, &e), DB_OK);
	assert_int_equal(e.reversed_by, rev);
	assert_int_equal(e.amount_pence, -1000);   /* kept as it was */
	assert_string_equal(e.method, "cheque");
	/* Not twice, and not a reversal of a reversal. */
	assert_int_equal(rent_reverse(db, &board, p, "2026-11-12", "again", NULL), DB_INVALID);
	snprintf(words, sizeof words, "entry %lld was reversed already, by entry %lld",
		 (long long)p, (long long)rev);
	assert_string_equal(db_errmsg(db), words);
	assert_int_equal(rent_reverse(db, &board, rev, "2026-11-12", "undo", NULL), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "is itself a reversal"));
	/* The schema holds the rules too: a row of another account, or of
	 * the wrong amount, is no reversal. */
	assert_int_equal(rent_post(db, &board, other, "2026-11-12", RENT_ADJUSTMENT, 1000, "", ""),
			 DB_OK);
	/* A member and a volunteer may not reverse. */
	struct actor member = test_member(1);
	int64_t p2 = pay(db, t, "2026-11-13", 500, "cash");
	assert_int_equal(rent_reverse(db, &member, p2, "2026-11-13", "mine", NULL), DB_DENIED);
	assert_int_equal(balance_of(db, t), -500);
	checks_pass(db);
}

static void methods_and_kinds_are_checked(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "H-001", "Ann Tenant", "2026-11-02", 9500);
	struct rent_new e = { .tenancy_id = t, .kind = RENT_PAYMENT, .amount_pence = -500 };
	strcpy(e.entry_date, "2026-11-20");
	strcpy(e.method, "bitcoin");
	assert_int_equal(rent_record(db, &board, &e, NULL), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "a payment is made by cash, cheque"));
	e.kind = RENT_ADJUSTMENT;
	strcpy(e.method, "cash");
	assert_int_equal(rent_record(db, &board, &e, NULL), DB_INVALID);
	assert_string_equal(db_errmsg(db), "only a payment or a refund is made by a method");
	e.kind = RENT_CHARGE;
	e.amount_pence = 500;
	assert_int_equal(rent_record(db, &board, &e, NULL), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "rent is charged by the rent run"));
	e.kind = RENT_REFUND;
	strcpy(e.method, "bank transfer");
	int64_t id;
	assert_int_equal(rent_record(db, &board, &e, &id), DB_OK);
	struct rent_entry got;
	assert_int_equal(rent_entry_get(db, &board, id, &got), DB_OK);
	assert_string_equal(got.method, "bank transfer");
	assert_int_equal(got.kind, RENT_REFUND);
	e.kind = RENT_ADJUSTMENT;
	e.method[0] = '\0';
	e.amount_pence = -200;
	assert_int_equal(rent_record(db, &board, &e, &id), DB_OK);
	assert_int_equal(balance_of(db, t), 300);
	/* A member sees their own rows, not another's. */
	struct actor member = test_member(1);
	assert_int_equal(rent_entry_get(db, &member, id, &got), DB_OK);
	struct actor stranger = test_member(99);
	assert_int_equal(rent_entry_get(db, &stranger, id, &got), DB_NOTFOUND);
	checks_pass(db);
}

/* The statement of a worked example: £95.00 a week charged 2, 9, 16
 * November, £100.00 paid on the 10th, the payment of the 13th reversed on
 * the 14th. From 9 to 16 November: opening £95.00 (the charge of the
 * 2nd), rows 9th (+95.00), 10th (-100.00), 13th (-50.00), 14th (+50.00),
 * 16th (+95.00), closing £185.00. */
static void a_statement_opens_and_closes_on_the_ledger(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "H-001", "Ann Tenant", "2026-11-02", 9500);
	struct rent_run_result r;
	assert_int_equal(rent_charge_run_summary(db, &board, "2026-11-22", &r), DB_OK);
	pay(db, t, "2026-11-10", 10000, "cash");
	int64_t p = pay(db, t, "2026-11-13", 5000, "cheque");
	assert_int_equal(rent_reverse(db, &board, p, "2026-11-14", "bounced", NULL), DB_OK);
	struct setting s;
	assert_int_equal(setting_get(db, "coop_address", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, "coop_address", "1 Mill Lane, Rochdale", s.version),
			 DB_OK);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct report_opts o = { .format = REPORT_TEXT, .width = 200 };
	assert_int_equal(report_rent_statement(db, &board, t, "09/11/2026", "2026-11-16", &o, out),
			 DB_OK);
	fclose(out);
	assert_non_null(strstr(text, ", 1 Mill Lane, Rochdale (Landlord and Tenant Act 1985 s.5)."));
	assert_non_null(strstr(text, "Tenant: Ann Tenant."));
	assert_non_null(strstr(text, "Opening balance on 09/11/2026: £95.00 owed."));
	assert_non_null(strstr(text, "Closing balance on 16/11/2026: £185.00 owed. In the period:"
			       " £240.00 added to what is owed, £150.00 paid or taken off."));
	/* The rows, in date order, with the balance after each. */
	const char *want[] = { "£190.00", "£90.00", "£40.00", "£90.00", "£185.00" };
	const char *at = strstr(text, "----");
	for (int i = 0; i < 5; i++) {
		at = strstr(at, want[i]);
		assert_non_null(at);
	}
	assert_non_null(strstr(text, "Reverses entry"));
	assert_non_null(strstr(text, "by cheque, reversed by entry"));
	/* The charge of 2 November is before the period: not a row. */
	assert_null(strstr(text, "02/11/2026  "));
	free(text);
	/* A member: their own only; the order of days checked. */
	struct actor member = test_member(1), other = test_member(99);
	text = NULL;
	out = open_memstream(&text, &len);
	assert_int_equal(report_rent_statement(db, &other, t, NULL, NULL, &o, out), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such tenancy");
	assert_int_equal(report_rent_statement(db, &member, t, "2026-11-20", "2026-11-10", &o, out),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "the statement's first day (20/11/2026) is after its last"
			    " (10/11/2026)");
	fflush(out);
	assert_int_equal(len, 0);   /* nothing written for a refusal */
	assert_int_equal(report_rent_statement(db, &member, t, NULL, NULL, &o, out), DB_OK);
	fclose(out);
	assert_non_null(strstr(text, "Opening balance on 02/11/2026: nothing owed."));
	assert_non_null(strstr(text, "Closing balance on 22/11/2026: £185.00 owed."));
	free(text);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(posting_is_idempotent_across_a_change_and_a_free_week,
						setup, teardown),
		cmocka_unit_test_setup_teardown(balance_and_weeks_in_arrears, setup, teardown),
		cmocka_unit_test(the_arrears_list_follows_every_change),
		cmocka_unit_test_setup_teardown(a_reversal_names_the_row_and_keeps_it, setup,
						teardown),
		cmocka_unit_test_setup_teardown(methods_and_kinds_are_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(a_statement_opens_and_closes_on_the_ledger, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
