/* tests/unit/test_register.c: the register of members as it stood on a
 * day (src/db/register.c). Today is 2026-11-22 (COOPDESK_TODAY, set in
 * main). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/members.h"
#include "coopdesk/shares.h"
#include "testutil.h"

#define assert_words(db, words) assert_non_null(strstr(db_errmsg(db), (words)))

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

static int64_t admit(struct db *db, const char *name, const char *email, const char *on)
{
	struct actor board = test_board();
	struct member m;
	memset(&m, 0, sizeof m);
	snprintf(m.name, sizeof m.name, "%s", name);
	snprintf(m.address, sizeof m.address, "%s's house, 1 Alder Street, Rochdale", name);
	strcpy(m.postcode, "OL11 1AA");
	if (email) {
		snprintf(m.email, sizeof m.email, "%s", email);
		strcpy(m.email_purpose, "notices of general meetings");
	}
	assert_int_equal(share_admit(db, &board, &m, on), DB_OK);
	return m.id;
}

static int64_t version_of(struct db *db, int64_t id)
{
	struct actor board = test_board();
	struct member m;
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	return m.version;
}

static void property(struct db *db, int64_t member, enum property_kind kind, int64_t pence,
		     const char *from, const char *to)
{
	struct actor board = test_board();
	struct member_property p;
	memset(&p, 0, sizeof p);
	p.member_id = member;
	p.kind = kind;
	strcpy(p.description, "held in the society");
	p.amount_pence = pence;
	strcpy(p.from_date, from);
	strcpy(p.to_date, to);
	assert_int_equal(property_add(db, &board, &p), DB_OK);
}

/* Ann 2020 with a loan for 2021-06-01 to 2023-01-01; Ben 2021, ceased
 * 2022-06-30; Cat 2022-03-01 with a deposit from 2022-04-01, her issue
 * reversed on 2022-03-05 and issued again on 2022-03-06. */
struct coop {
	int64_t ann, ben, cat;
};

static struct coop make_coop(struct db *db)
{
	struct actor board = test_board();
	struct coop c;
	c.ann = admit(db, "Ann Alder", "ann@example.org", "2020-01-01");
	c.ben = admit(db, "Ben Birch", NULL, "2021-01-01");
	c.cat = admit(db, "Cat Cedar", NULL, "2022-03-01");
	property(db, c.ann, PROPERTY_LOAN, 50000, "2021-06-01", "2023-01-01");
	property(db, c.cat, PROPERTY_DEPOSIT, 2000, "2022-04-01", "");
	struct share_op_row ops[4];
	int n;
	assert_int_equal(share_op_page(db, &board, c.cat, PAGE_FIRST, NULL, ops, 4, &n), DB_OK);
	assert_int_equal(share_reverse(db, &board, ops[0].id, "2022-03-05", "in error", NULL), DB_OK);
	assert_int_equal(share_issue(db, &board, c.cat, "2022-03-06", "again", NULL), DB_OK);
	assert_int_equal(share_cease(db, &board, c.ben, "2022-06-30", "left",
				     version_of(db, c.ben)), DB_OK);
	return c;
}

/* The whole register on `on`, first page, as `who` asks for it. */
static int read_all(struct db *db, const struct actor *who, const char *on, int inspection,
		    struct register_row *rows, int max)
{
	int n = -1;
	assert_int_equal(register_as_at_page(db, who, on, inspection, PAGE_FIRST, NULL, rows, max,
					     &n), DB_OK);
	return n;
}

struct expect {
	const char *on;
	int entries, members;
	/* per entry, in member-number order: ceased, shares, paid, loan, deposit */
	struct {
		const char *ceased;
		int64_t shares, paid, loan, deposit;
	} e[3];
};

static void the_register_on_days_before_between_and_after(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	make_coop(db);
	static const struct expect days[] = {
		{ "2019-12-31", 0, 0, { { "", 0, 0, 0, 0 } } },
		{ "2020-01-01", 1, 1, { { "", 1, 100, 0, 0 } } },
		{ "2021-06-01", 2, 2, { { "", 1, 100, 50000, 0 }, { "", 1, 100, 0, 0 } } },
		/* Cat's issue reversed: on the register, holding nothing. */
		{ "2022-03-05", 3, 3, { { "", 1, 100, 50000, 0 }, { "", 1, 100, 0, 0 },
					{ "", 0, 0, 0, 0 } } },
		{ "2022-04-01", 3, 3, { { "", 1, 100, 50000, 0 }, { "", 1, 100, 0, 0 },
					{ "", 1, 100, 0, 2000 } } },
		/* Ben ceased that day: a former member at its end, his £1 kept. */
		{ "2022-06-30", 3, 2, { { "", 1, 100, 50000, 0 }, { "2022-06-30", 0, 100, 0, 0 },
					{ "", 1, 100, 0, 2000 } } },
		/* The loan was repaid on 2023-01-01. */
		{ "2023-01-01", 3, 2, { { "", 1, 100, 0, 0 }, { "2022-06-30", 0, 100, 0, 0 },
					{ "", 1, 100, 0, 2000 } } },
		{ "22/11/2026", 3, 2, { { "", 1, 100, 0, 0 }, { "2022-06-30", 0, 100, 0, 0 },
					{ "", 1, 100, 0, 2000 } } },
	};
	for (size_t d = 0; d < sizeof days / sizeof days[0]; d++) {
		struct register_row rows[5];
		struct register_totals t;
		int n = read_all(db, &board, days[d].on, 0, rows, 5);
		assert_int_equal(n, days[d].entries);
		assert_int_equal(register_as_at_totals(db, &board, days[d].on, 0, &t), DB_OK);
		assert_int_equal(t.entries, days[d].entries);
		assert_int_equal(t.members, days[d].members);
		assert_int_equal(t.former, days[d].entries - days[d].members);
		int64_t shares = 0, paid = 0, loans = 0, deposits = 0;
		for (int i = 0; i < n; i++) {
			assert_int_equal(rows[i].member_no, i + 1);
			assert_string_equal(rows[i].ceased_on, days[d].e[i].ceased);
			assert_int_equal(rows[i].shares, days[d].e[i].shares);
			assert_int_equal(rows[i].paid_pence, days[d].e[i].paid);
			assert_int_equal(rows[i].loan_pence, days[d].e[i].loan);
			assert_int_equal(rows[i].deposit_pence, days[d].e[i].deposit);
			assert_int_equal(rows[i].other_pence, 0);
			shares += rows[i].shares;
			paid += rows[i].paid_pence;
			loans += rows[i].loan_pence;
			deposits += rows[i].deposit_pence;
		}
		assert_int_equal(t.shares, shares);
		assert_int_equal(t.paid_pence, paid);
		assert_int_equal(t.loan_pence, loans);
		assert_int_equal(t.deposit_pence, deposits);
	}
	/* Every s.30(2) field is there. */
	struct register_row rows[3];
	assert_int_equal(read_all(db, &board, "2026-11-22", 0, rows, 3), 3);
	assert_string_equal(rows[0].name, "Ann Alder");
	assert_string_equal(rows[0].address, "Ann Alder's house, 1 Alder Street, Rochdale");
	assert_string_equal(rows[0].postcode, "OL11 1AA");
	assert_string_equal(rows[0].email, "ann@example.org");
	assert_string_equal(rows[0].email_purpose, "notices of general meetings");
	assert_string_equal(rows[0].entered_on, "2020-01-01");
	assert_string_equal(rows[1].email, "");
}

static void the_inspection_copy_has_no_share_or_property_entries(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct coop c = make_coop(db);
	struct actor member = test_member(c.ann);
	struct actor volunteer = test_volunteer(c.cat);
	struct register_row rows[5];
	struct register_totals t;
	int n;
	const struct actor *everyone[] = { &board, &member, &volunteer };
	for (int a = 0; a < 3; a++) {
		n = read_all(db, everyone[a], "2022-06-30", 1, rows, 5);
		assert_int_equal(n, 3);
		for (int i = 0; i < n; i++) {
			assert_int_equal(rows[i].shares, 0);
			assert_int_equal(rows[i].paid_pence, 0);
			assert_int_equal(rows[i].loan_pence + rows[i].deposit_pence + rows[i].other_pence,
					 0);
		}
		assert_string_equal(rows[1].ceased_on, "2022-06-30");
		assert_string_equal(rows[0].email, "ann@example.org");
		assert_int_equal(register_as_at_totals(db, everyone[a], "2022-06-30", 1, &t), DB_OK);
		assert_int_equal(t.entries, 3);
		assert_int_equal(t.members, 2);
		assert_int_equal(t.shares + t.paid_pence + t.loan_pence + t.deposit_pence, 0);
	}
	/* Members and volunteers may not have the board's copy, not even of
	 * their own holding. */
	const struct actor *not_board[] = { &member, &volunteer };
	for (int a = 0; a < 2; a++) {
		assert_int_equal(register_as_at_page(db, not_board[a], "2022-06-30", 0, PAGE_FIRST,
						     NULL, rows, 5, &n), DB_DENIED);
		assert_int_equal(n, 0);
		assert_words(db, "only the board may see the register's share and property entries");
		assert_int_equal(register_as_at_totals(db, not_board[a], "2022-06-30", 0, &t),
				 DB_DENIED);
	}
	assert_int_equal(register_as_at_page(db, NULL, "2022-06-30", 1, PAGE_FIRST, NULL, rows, 5,
					     &n), DB_DENIED);
	struct actor sys = actor_system("cli");
	assert_int_equal(read_all(db, &sys, "2022-06-30", 0, rows, 5), 3);
	assert_int_equal(rows[0].loan_pence, 50000);
}

static void a_bad_or_future_day_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	make_coop(db);
	struct register_row rows[2];
	struct register_totals t;
	int n;
	assert_int_equal(register_as_at_page(db, &board, "31/02/2026", 0, PAGE_FIRST, NULL, rows, 2,
					     &n), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date of the register: 31/02/2026: February 2026 has"
			    " 28 days");
	assert_int_equal(register_as_at_totals(db, &board, "yesterday", 1, &t), DB_INVALID);
	assert_words(db, "yesterday: not a date");
	assert_int_equal(register_as_at_totals(db, &board, "2026-11-23", 1, &t), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the register can be shown as it stood on a day up to"
			    " today (22/11/2026), not after");
	assert_int_equal(register_as_at_totals(db, &board, "", 1, &t), DB_INVALID);
	assert_int_equal(register_as_at_page(db, &board, "2026-11-22", 0, PAGE_AFTER, NULL, rows, 2,
					     &n), DB_INVALID);
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32], day[32];
	for (int i = 0; i < 7; i++) {
		snprintf(name, sizeof name, "Person %d", i + 1);
		snprintf(day, sizeof day, "2021-%02d-01", i % 9 + 1);
		admit(db, name, NULL, day);
	}
	struct register_row rows[3];
	struct page_key key;
	int n;
	/* On 2021-06-15 six had been entered: pages of 3, forwards and back. */
	assert_int_equal(register_as_at_page(db, &board, "2021-06-15", 0, PAGE_FIRST, NULL, rows, 3,
					     &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[2].member_no, 3);
	register_row_key(&rows[2], &key);
	assert_int_equal(register_as_at_page(db, &board, "2021-06-15", 0, PAGE_AFTER, &key, rows, 3,
					     &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].member_no, 4);
	assert_int_equal(rows[2].member_no, 6);
	register_row_key(&rows[2], &key);
	assert_int_equal(register_as_at_page(db, &board, "2021-06-15", 0, PAGE_AFTER, &key, rows, 3,
					     &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(register_as_at_page(db, &board, "2021-06-15", 1, PAGE_LAST, NULL, rows, 3,
					     &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].member_no, 4);
	assert_int_equal(rows[2].member_no, 6);
	register_row_key(&rows[0], &key);
	assert_int_equal(register_as_at_page(db, &board, "2021-06-15", 1, PAGE_BEFORE, &key, rows, 3,
					     &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].member_no, 1);
	assert_int_equal(rows[2].member_no, 3);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_register_on_days_before_between_and_after, setup,
						teardown),
		cmocka_unit_test_setup_teardown(the_inspection_copy_has_no_share_or_property_entries,
						setup, teardown),
		cmocka_unit_test_setup_teardown(a_bad_or_future_day_is_refused_in_words, setup,
						teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
