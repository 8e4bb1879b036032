/* tests/unit/test_bank.c: rent paid by bank (src/db/bank.c, schema 10):
 * the tenancies a line may pay, posting through the rent ledger in one
 * transaction, each line's fingerprint posted once, and the saved
 * profiles, audited. Today is 2026-11-22 throughout. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/bank.h"
#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/rent.h"
#include "coopdesk/tenancies.h"
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

static int64_t member_id_of;

/* Home `ref` let from `from` to a new member called `name`. */
static int64_t let(struct db *db, const char *ref, const char *name, const char *from)
{
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, name);
	strcpy(m.address, "Co-op office, Rochdale");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	member_id_of = m.id;
	struct home h = { 0 };
	strcpy(h.ref, ref);
	snprintf(h.address, sizeof h.address, "%s Alder Street", ref);
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	struct tenancy *t = calloc(1, sizeof *t);
	t->home_id = h.id;
	strcpy(t->start_date, from);
	assert_int_equal(tenancy_create(db, &board, t, &m.id, 1), DB_OK);
	int64_t id = t->id;
	free(t);
	return id;
}

static struct bank_posting line(int64_t tenancy, const char *date, int64_t pence, const char *text,
				int occurrence)
{
	struct bank_posting p = { .tenancy_id = tenancy, .file_line = 7 };
	snprintf(p.f.date, sizeof p.f.date, "%s", date);
	p.f.amount_pence = pence;
	p.f.text = text;
	p.f.occurrence = occurrence;
	return p;
}

static void candidates_are_every_tenancy_with_its_names(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t1 = let(db, "12A", "Ann Smith", "2021-01-04");
	int64_t t2 = let(db, "H-003", "Bob Jones", "2022-02-07");
	struct bank_candidate *c;
	int n;
	assert_int_equal(bank_candidates(db, &board, &c, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(c[0].tenancy_id, t1);
	assert_string_equal(c[0].ref, "12A");
	assert_string_equal(c[0].names, "Ann Smith");
	assert_string_equal(c[0].start_date, "2021-01-04");
	assert_string_equal(c[0].end_date, "");
	assert_int_equal(c[1].tenancy_id, t2);
	assert_string_equal(c[1].ref, "H-003");
	free(c);
	struct actor member = test_member(member_id_of);
	assert_int_equal(bank_candidates(db, &member, &c, &n), DB_DENIED);
	assert_null(c);
}

/* The connection's page cache, in SQLite's words (negative: KiB). */
static int64_t cache_size(struct db *db)
{
	int64_t saved;
	assert_int_equal(db_cache_enlarge(db, 1, &saved), DB_OK);
	return saved;
}

static void lines_post_once_as_bank_transfers(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "12A", "Ann Smith", "2021-01-04");
	struct bank_posting p[2] = { line(t, "2026-11-02", 45000, "RENT 12A SMITH", 1),
				     line(t, "2026-11-02", 45000, "RENT 12A SMITH", 2) };
	int failed = 5;
	int64_t entry = 0, balance = 0;
	assert_int_equal(bank_line_posted(db, &board, &p[0].f, &entry), DB_NOTFOUND);
	int64_t cache = cache_size(db);
	assert_int_equal(bank_post(db, &board, "/tmp/x/statement.csv", p, 2, &failed), DB_OK);
	assert_int_equal(failed, -1);
	/* A big cache for the posting, the small one again after it. */
	assert_true(cache_size(db) == cache);
	assert_int_equal(rent_balance(db, &board, t, &balance, NULL), DB_OK);
	assert_int_equal(balance, -90000);
	assert_int_equal(bank_line_posted(db, &board, &p[1].f, &entry), DB_OK);
	struct rent_entry e;
	assert_int_equal(rent_entry_get(db, &board, entry, &e), DB_OK);
	assert_int_equal(e.kind, RENT_PAYMENT);
	assert_int_equal(e.amount_pence, -45000);
	assert_string_equal(e.method, "bank transfer");
	assert_string_equal(e.reference, "RENT 12A SMITH");
	assert_string_equal(e.description, "Bank statement statement.csv, line 7: RENT 12A SMITH");
	assert_int_equal(audit_count_for(db, "bank_lines", 0), 2);

	/* The same line again, with a new one: nothing at all is posted. */
	struct bank_posting again[2] = { line(t, "2026-11-09", 45000, "RENT 12A SMITH", 1), p[1] };
	assert_int_equal(bank_post(db, &board, "b.csv", again, 2, &failed), DB_CONSTRAINT);
	assert_int_equal(failed, 1);
	assert_string_equal(db_errmsg(db), "that bank line was posted already");
	assert_true(cache_size(db) == cache);            /* after a refusal too */
	assert_int_equal(rent_balance(db, &board, t, &balance, NULL), DB_OK);
	assert_int_equal(balance, -90000);
	assert_int_equal(audit_count_for(db, "bank_lines", 0), 2);
}

static void a_refused_line_posts_nothing(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "12A", "Ann Smith", "2021-01-04");
	int64_t balance = 1;
	int failed;
	/* The third is dated after today (2026-11-22). */
	struct bank_posting p[3] = { line(t, "2026-11-02", 100, "A", 1), line(t, "2026-11-03", 200, "B", 1),
				     line(t, "2026-12-25", 300, "C", 1) };
	assert_int_equal(bank_post(db, &board, "s.csv", p, 3, &failed), DB_INVALID);
	assert_int_equal(failed, 2);
	assert_string_equal(db_errmsg(db), "a ledger entry cannot be dated in the future (25/12/2026 is"
			    " after today)");
	assert_int_equal(rent_balance(db, &board, t, &balance, NULL), DB_OK);
	assert_int_equal(balance, 0);
	p[2] = line(t + 100, "2026-11-04", 300, "C", 1);
	assert_int_equal(bank_post(db, &board, "s.csv", p, 3, &failed), DB_NOTFOUND);
	assert_int_equal(failed, 2);
	p[2] = line(t, "2026-11-04", -300, "C", 1);
	assert_int_equal(bank_post(db, &board, "s.csv", p, 3, &failed), DB_INVALID);
	assert_int_equal(rent_balance(db, &board, t, &balance, NULL), DB_OK);
	assert_int_equal(balance, 0);
	assert_int_equal(audit_count_for(db, "bank_lines", 0), 0);
	assert_int_equal(audit_count_for(db, "rent_ledger", 0), 0);
	/* Only the board posts. */
	struct actor member = test_member(member_id_of);
	assert_int_equal(bank_post(db, &member, "s.csv", p, 2, &failed), DB_DENIED);
	int64_t entry;
	assert_int_equal(bank_line_posted(db, &member, &p[0].f, &entry), DB_DENIED);
}

static void a_long_reference_is_cut_to_the_ledgers_40_characters(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t t = let(db, "12A", "Ann Smith", "2021-01-04");
	const char *text = "ZOË'S RENT FOR 12A, NOVEMBER AND DECEMBER, THANK YOU";
	struct bank_posting p = line(t, "2026-11-02", 100, text, 1);
	int64_t entry;
	assert_int_equal(bank_post(db, &board, "s.csv", &p, 1, NULL), DB_OK);
	assert_int_equal(bank_line_posted(db, &board, &p.f, &entry), DB_OK);
	struct rent_entry e;
	assert_int_equal(rent_entry_get(db, &board, entry, &e), DB_OK);
	assert_string_equal(e.reference, "ZOË'S RENT FOR 12A, NOVEMBER AND DECEMBE");
	p = line(t, "2026-11-02", 100, "rent run", 1);
	assert_int_equal(bank_post(db, &board, "s.csv", &p, 1, NULL), DB_OK);
	assert_int_equal(bank_line_posted(db, &board, &p.f, &entry), DB_OK);
	assert_int_equal(rent_entry_get(db, &board, entry, &e), DB_OK);
	assert_string_equal(e.reference, "bank: rent run");
}

static void profiles_are_saved_changed_and_audited(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct bank_profile p = { .name = "Co-op Bank", .date_column = "Date",
				  .date_format = "dd/mm/yyyy", .credit_column = "Paid in",
				  .debit_column = "Paid out", .reference_column = "Description" };
	struct bank_profile got;
	assert_int_equal(bank_profile_get(db, &board, "Co-op Bank", &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no bank profile called 'Co-op Bank': save one"
			    " with --save-profile");
	assert_int_equal(bank_profile_save(db, &board, &p), DB_OK);
	assert_int_equal(bank_profile_get(db, &board, "Co-op Bank", &got), DB_OK);
	assert_string_equal(got.credit_column, "Paid in");
	assert_string_equal(got.reference_column, "Description");
	strcpy(p.reference_column, "Reference");
	assert_int_equal(bank_profile_save(db, &board, &p), DB_OK);
	assert_int_equal(bank_profile_get(db, &board, "Co-op Bank", &got), DB_OK);
	assert_string_equal(got.reference_column, "Reference");
	assert_int_equal(audit_count_for(db, "bank_profiles", 0), 2);
	/* Both ways of giving the amount at once; a date format nobody writes. */
	strcpy(p.amount_column, "Amount");
	assert_int_equal(bank_profile_save(db, &board, &p), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a profile reads the amount from one column, or paid in"
			    " and paid out columns");
	p.amount_column[0] = '\0';
	strcpy(p.date_format, "yyyy/dd/mm");
	assert_int_equal(bank_profile_save(db, &board, &p), DB_CONSTRAINT);
	strcpy(p.date_format, "yyyy-mm-dd");
	strcpy(p.name, "Bad\x1b[2J");
	assert_int_equal(bank_profile_save(db, &board, &p), DB_INVALID);
	assert_int_equal(audit_count_for(db, "bank_profiles", 0), 2);
	struct actor member = test_member(1);
	assert_int_equal(bank_profile_get(db, &member, "Co-op Bank", &got), DB_DENIED);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(candidates_are_every_tenancy_with_its_names, setup,
						teardown),
		cmocka_unit_test_setup_teardown(lines_post_once_as_bank_transfers, setup, teardown),
		cmocka_unit_test_setup_teardown(a_refused_line_posts_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(a_long_reference_is_cut_to_the_ledgers_40_characters,
						setup, teardown),
		cmocka_unit_test_setup_teardown(profiles_are_saved_changed_and_audited, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
