/* tests/unit/test_shares.c: the share register and other property
 * (src/db/shares.c). Today is 2026-11-22 (COOPDESK_TODAY, set in main). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/db/dbint.h"
#include "coopdesk/audit.h"
#include "coopdesk/check.h"
#include "coopdesk/members.h"
#include "coopdesk/settings.h"
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

static void fill(struct member *m, const char *name, const char *born)
{
	memset(m, 0, sizeof *m);
	snprintf(m->name, sizeof m->name, "%s", name);
	strcpy(m->address, "1 Alder Street, Rochdale");
	if (born)
		strcpy(m->date_of_birth, born);
}

/* Admits a member (entered and share issued on `on`); returns their id. */
static int64_t admit(struct db *db, const char *name, const char *on)
{
	struct actor board = test_board();
	struct member m;
	fill(&m, name, NULL);
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

static void holding_is(struct db *db, int64_t id, int64_t shares, int64_t paid)
{
	struct actor board = test_board();
	int64_t s = -9, p = -9;
	assert_int_equal(share_holding(db, &board, id, &s, &p), DB_OK);
	assert_int_equal(s, shares);
	assert_int_equal(p, paid);
}

/* The operations of one member (0: all), first page, as the board sees. */
static int ops(struct db *db, int64_t member_id, struct share_op_row *rows, int max)
{
	struct actor board = test_board();
	int n = -1;
	assert_int_equal(share_op_page(db, &board, member_id, PAGE_FIRST, NULL, rows, max, &n),
			 DB_OK);
	return n;
}

static int64_t op_id_no(struct db *db, int64_t op_no)
{
	struct share_op_row rows[50];
	int n = ops(db, 0, rows, 50);
	for (int i = 0; i < n; i++)
		if (rows[i].op_no == op_no)
			return rows[i].id;
	fail_msg("no operation %lld", (long long)op_no);
	return 0;
}

/* ---- admission ---------------------------------------------------------- */

static void admit_enters_member_and_issues_one_share(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member m, got;
	fill(&m, "Ann Example", "1980-03-04");
	assert_int_equal(share_admit(db, &board, &m, "2024-05-01"), DB_OK);
	assert_true(m.id > 0);
	assert_int_equal(m.member_no, 1);
	assert_int_equal(member_get(db, &board, m.id, &got), DB_OK);
	assert_string_equal(got.entered_on, "2024-05-01");
	holding_is(db, m.id, 1, 100);

	struct share_op_row rows[5];
	assert_int_equal(ops(db, 0, rows, 5), 1);
	assert_int_equal(rows[0].op_no, 1);
	assert_int_equal(rows[0].kind, SHARE_ISSUE);
	assert_int_equal(rows[0].shares, 1);
	assert_int_equal(rows[0].amount_pence, 100);
	assert_string_equal(rows[0].op_date, "2024-05-01");
	assert_int_equal(rows[0].member_no, 1);
	assert_string_equal(rows[0].member_name, "Ann Example");
	assert_int_equal(rows[0].reverses_op_no, 0);

	struct share_op o;
	assert_int_equal(share_op_get(db, &board, rows[0].id, &o), DB_OK);
	assert_int_equal(strlen(o.uuid), 36);
	assert_int_equal(o.member_id, m.id);
	assert_int_equal(o.reverses_id, 0);
	assert_int_equal(o.reversed_by_id, 0);
	assert_int_equal(strlen(o.recorded_at), 20);
	assert_string_equal(share_op_kind_name(o.kind), "issue");

	/* A UK date is read and stored as ISO. (No test is dated today: the
	 * schema's own trigger reads the real clock, not COOPDESK_TODAY.) */
	fill(&m, "Bea Example", NULL);
	assert_int_equal(share_admit(db, &board, &m, "22/11/2025"), DB_OK);
	assert_string_equal(m.entered_on, "2025-11-22");
	assert_int_equal(m.member_no, 2);
}

static void admit_refuses_a_future_or_bad_date(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member m;
	fill(&m, "Ann Example", NULL);
	assert_int_equal(share_admit(db, &board, &m, "2026-11-23"), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "the date of admission cannot be in the future (today is 22/11/2026)");
	assert_int_equal(share_admit(db, &board, &m, "2026-02-29"), DB_INVALID);
	assert_words(db, "February 2026 has 28 days");
	assert_int_equal(share_admit(db, &board, &m, ""), DB_INVALID);
	assert_words(db, "no date given");
	assert_int_equal(share_admit(db, &board, &m, NULL), DB_INVALID);

	/* entered_on, when given, must be the day of admission. */
	strcpy(m.entered_on, "2024-01-01");
	assert_int_equal(share_admit(db, &board, &m, "2024-01-02"), DB_INVALID);
	assert_words(db, "on the day their share is issued");

	int64_t all, current;
	assert_int_equal(member_count(db, &all, &current), DB_OK);
	assert_int_equal(all, 0);
}

static void admit_refuses_a_minor(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member m;
	fill(&m, "Young Person", "2010-01-01");
	assert_int_equal(share_admit(db, &board, &m, "2026-11-22"), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a member must be 18 or over: born 01/01/2010, they are 16 on 22/11/2026");
	assert_int_equal(m.id, 0);
	assert_int_equal(m.member_no, 0);
	assert_string_equal(m.entered_on, "");

	/* The day before the 18th birthday, and the birthday itself. */
	fill(&m, "Nearly Eighteen", "2007-06-02");
	assert_int_equal(share_admit(db, &board, &m, "2025-06-01"), DB_INVALID);
	assert_words(db, "they are 17 on 01/06/2025");
	fill(&m, "Just Eighteen", "2007-06-01");
	assert_int_equal(share_admit(db, &board, &m, "2025-06-01"), DB_OK);

	/* Born after admission: the register's own rule says so. */
	fill(&m, "Not Born Yet", "2025-01-01");
	assert_int_equal(share_admit(db, &board, &m, "2024-01-01"), DB_CONSTRAINT);
	assert_words(db, "before they were born");

	/* The age is a setting (NHF model rules; the co-op's rules may differ). */
	struct setting s;
	assert_int_equal(setting_get(db, "min_member_age", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, "min_member_age", "16", s.version), DB_OK);
	fill(&m, "Young Person", "2010-01-01");
	assert_int_equal(share_admit(db, &board, &m, "2026-01-02"), DB_OK);
	struct share_op_row rows[5];
	assert_int_equal(ops(db, 0, rows, 5), 2);
}

static void admit_is_one_transaction(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member m;
	fill(&m, "", NULL);  /* the register refuses an empty name */
	assert_int_equal(share_admit(db, &board, &m, "2024-01-01"), DB_CONSTRAINT);
	assert_words(db, "1 to 100 characters");
	assert_int_equal(m.id, 0);
	assert_string_equal(m.sort_name, "");
	struct share_op_row rows[5];
	assert_int_equal(ops(db, 0, rows, 5), 0);
	/* Inside an outer transaction (a bulk loader), a failure leaves the
	 * outer one open and whole. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	admit(db, "Outer One", "2024-01-01");
	assert_int_equal(share_admit(db, &board, &m, "2024-01-01"), DB_CONSTRAINT);
	assert_true(db_in_transaction(db));
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(ops(db, 0, rows, 5), 1);
}

static void share_value_is_a_setting_and_never_zero(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, "share_value", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, "share_value", "0", s.version), DB_CONSTRAINT);
	assert_words(db, "outside the range");
	assert_int_equal(setting_set(db, &board, "share_value", "500", s.version), DB_OK);
	int64_t id = admit(db, "Five Pound", "2025-01-01");
	holding_is(db, id, 1, 500);
	/* A forfeit cancels what was paid, even after the value changes. */
	assert_int_equal(setting_get(db, "share_value", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, "share_value", "100", s.version), DB_OK);
	assert_int_equal(share_cease(db, &board, id, "2025-06-01", "moved", 1), DB_OK);
	struct share_op_row rows[5];
	assert_int_equal(ops(db, id, rows, 5), 2);
	assert_int_equal(rows[1].kind, SHARE_FORFEIT);
	assert_int_equal(rows[1].amount_pence, 500);
}

/* ---- issue, cease, reverse ---------------------------------------------- */

static void operations_are_numbered_in_sequence(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = admit(db, "Ann One", "2020-01-01");
	admit(db, "Bob Two", "2020-02-01");
	int64_t c = admit(db, "Cat Three", "2020-03-01");
	assert_int_equal(share_cease(db, &board, a, "2021-01-01", "moved away", 1), DB_OK);
	int64_t rev = 0;
	assert_int_equal(share_reverse(db, &board, op_id_no(db, 3), "2020-03-02", "typed twice",
				       &rev), DB_OK);
	assert_true(rev > 0);
	struct share_op_row rows[10];
	int n = ops(db, 0, rows, 10);
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++)
		assert_int_equal(rows[i].op_no, i + 1);
	assert_int_equal(rows[3].kind, SHARE_FORFEIT);
	assert_int_equal(rows[4].kind, SHARE_REVERSAL);
	assert_int_equal(rows[4].id, rev);
	assert_int_equal(rows[4].member_id, c);
	assert_int_equal(rows[4].reverses_op_no, 3);
	assert_int_equal(rows[4].shares, -1);
}

static void a_second_share_is_refused(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = admit(db, "Ann Example", "2020-01-01");
	assert_int_equal(share_issue(db, &board, id, "2021-01-01", "", NULL), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db),
			    "a member holds exactly one share while a member and none after");
	assert_int_equal(share_issue(db, &board, 999, "2021-01-01", "", NULL), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such member");
	assert_int_equal(share_issue(db, &board, id, "2030-01-01", "", NULL), DB_INVALID);
	assert_words(db, "cannot be in the future");

	/* A wrong issue is reversed, then issued again. */
	int64_t first = op_id_no(db, 1), again = 0;
	assert_int_equal(share_reverse(db, &board, first, "2020-01-01", "wrong amount", NULL), DB_OK);
	holding_is(db, id, 0, 0);
	assert_int_equal(share_issue(db, &board, id, "2019-12-31", "", NULL), DB_INVALID);
	assert_words(db, "before the member was entered on the register (01/01/2020)");
	assert_int_equal(share_issue(db, &board, id, "2020-01-02", "reissued", &again), DB_OK);
	holding_is(db, id, 1, 100);
	struct share_op o;
	assert_int_equal(share_op_get(db, &board, again, &o), DB_OK);
	assert_int_equal(o.op_no, 3);
	assert_string_equal(o.note, "reissued");

	/* Not to a former member. */
	assert_int_equal(share_cease(db, &board, id, "2022-01-01", "left", version_of(db, id)),
			 DB_OK);
	assert_int_equal(share_issue(db, &board, id, "2022-02-01", "", NULL), DB_INVALID);
	assert_words(db, "a former member (ceased 01/01/2022)");
}

static void cease_forfeits_the_share(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = admit(db, "Ann Example", "2020-01-01");
	assert_int_equal(share_cease(db, &board, id, "2027-01-01", "moved", 1), DB_INVALID);
	assert_words(db, "the date membership ended cannot be in the future");
	assert_int_equal(share_cease(db, &board, 999, "2021-01-01", "moved", 1), DB_NOTFOUND);
	/* Refused by the register: nothing forfeited either. */
	assert_int_equal(share_cease(db, &board, id, "2019-01-01", "moved", 1), DB_CONSTRAINT);
	assert_words(db, "cannot cease before");
	assert_int_equal(share_cease(db, &board, id, "2021-01-01", "moved", 7), DB_CONFLICT);
	holding_is(db, id, 1, 100);

	assert_int_equal(share_cease(db, &board, id, "2021-06-30", "moved away", 1), DB_OK);
	struct member m;
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	assert_string_equal(m.ceased_on, "2021-06-30");
	assert_string_equal(m.ceased_reason, "moved away");
	/* Cancelled; what was paid stays with the co-op. */
	holding_is(db, id, 0, 100);
	struct share_op_row rows[5];
	assert_int_equal(ops(db, id, rows, 5), 2);
	assert_int_equal(rows[1].kind, SHARE_FORFEIT);
	assert_int_equal(rows[1].shares, -1);
	assert_int_equal(rows[1].amount_pence, 100);
	assert_string_equal(rows[1].op_date, "2021-06-30");
	struct share_op o;
	assert_int_equal(share_op_get(db, &board, rows[1].id, &o), DB_OK);
	assert_string_equal(o.note, "moved away");

	assert_int_equal(share_cease(db, &board, id, "2021-07-01", "again", m.version), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this member holds no share to forfeit");
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	assert_string_equal(m.ceased_on, "2021-06-30");
}

static void reversals_are_the_only_correction(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = admit(db, "Ann Example", "2020-01-01");
	int64_t issue = op_id_no(db, 1), rev = 0;
	struct share_op before, after;
	assert_int_equal(share_op_get(db, &board, issue, &before), DB_OK);

	assert_int_equal(share_reverse(db, &board, 999, "2020-01-01", "", NULL), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such share operation");
	assert_int_equal(share_reverse(db, &board, issue, "2019-12-31", "", NULL), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a reversal cannot be dated before the operation it corrects (01/01/2020)");
	assert_int_equal(share_reverse(db, &board, issue, "2026-11-23", "", NULL), DB_INVALID);
	assert_words(db, "the date of the reversal cannot be in the future");

	assert_int_equal(share_reverse(db, &board, issue, "2020-02-01", "entered in error", &rev),
			 DB_OK);
	holding_is(db, id, 0, 0);
	/* The original is untouched; it only learns who reversed it. */
	assert_int_equal(share_op_get(db, &board, issue, &after), DB_OK);
	assert_int_equal(after.op_no, before.op_no);
	assert_int_equal(after.kind, SHARE_ISSUE);
	assert_int_equal(after.amount_pence, before.amount_pence);
	assert_string_equal(after.op_date, before.op_date);
	assert_string_equal(after.recorded_at, before.recorded_at);
	assert_int_equal(after.reversed_by_id, rev);
	assert_int_equal(after.reversed_by_op_no, 2);
	struct share_op r;
	assert_int_equal(share_op_get(db, &board, rev, &r), DB_OK);
	assert_int_equal(r.kind, SHARE_REVERSAL);
	assert_int_equal(r.shares, -1);
	assert_int_equal(r.amount_pence, 100);
	assert_int_equal(r.reverses_id, issue);
	assert_int_equal(r.reverses_op_no, 1);
	assert_string_equal(r.note, "entered in error");

	assert_int_equal(share_reverse(db, &board, rev, "2020-02-02", "", NULL), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a reversal cannot itself be reversed: record the issue or forfeit again instead");
	assert_int_equal(share_reverse(db, &board, issue, "2020-02-02", "", NULL), DB_INVALID);
	assert_string_equal(db_errmsg(db), "share operation 1 was already reversed by operation 2");
	struct share_op_row rows[5];
	assert_int_equal(ops(db, 0, rows, 5), 2);
}

/* A wrong issue date put right as one event: the member holds their share
 * throughout; a refusal by either half leaves nothing behind. */
static void an_issue_is_corrected_by_a_reversal_and_a_new_issue(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = admit(db, "Ann Example", "2020-01-01");
	int64_t issue = op_id_no(db, 1), rev = 0, again = 0;
	struct share_op_row rows[5];
	/* The new issue refused (a day to come): the reversal is undone too. */
	assert_int_equal(share_reissue(db, &board, issue, "2026-11-01", "2026-11-23", "wrong day",
				       &rev, &again), DB_INVALID);
	assert_words(db, "the date of the share issue");
	assert_int_equal(ops(db, id, rows, 5), 1);
	holding_is(db, id, 1, 100);
	/* Nor a day they were under age: the entry would move with it. */
	struct member m;
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	strcpy(m.date_of_birth, "2001-06-01");
	assert_int_equal(member_update(db, &board, &m), DB_OK);
	assert_int_equal(share_reissue(db, &board, issue, "2026-11-01", "2019-05-31", "wrong day",
				       &rev, &again), DB_INVALID);
	assert_words(db, "a member must be 18 or over");
	assert_int_equal(ops(db, id, rows, 5), 1);
	assert_int_equal(share_reissue(db, &board, issue, "2026-11-01", "2020-01-05", "wrong day",
				       &rev, &again), DB_OK);
	holding_is(db, id, 1, 100);
	/* The issue admitted them: their entry is the new issue's day. */
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	assert_string_equal(m.entered_on, "2020-01-05");
	assert_int_equal(ops(db, id, rows, 5), 3);
	assert_int_equal(rows[1].kind, SHARE_REVERSAL);
	assert_int_equal(rows[1].reverses_op_no, 1);
	assert_int_equal(rows[1].id, rev);
	assert_int_equal(rows[2].kind, SHARE_ISSUE);
	assert_int_equal(rows[2].id, again);
	assert_string_equal(rows[2].op_date, "2020-01-05");
	/* A forfeit is reversed on its own; a reversal never. */
	assert_int_equal(share_reissue(db, &board, rev, "2026-11-01", "2020-01-05", "", NULL, NULL),
			 DB_INVALID);
	assert_words(db, "share operation 2 is a reversal, not an issue");
	struct actor member = { 5, ROLE_MEMBER, id, "Ann Example" };
	assert_int_equal(share_reissue(db, &member, again, "2026-11-01", "2020-01-06", "", NULL,
				       NULL), DB_DENIED);
	assert_int_equal(ops(db, id, rows, 5), 3);
}

/* An edit of the entry cannot date it after the share it holds, to come,
 * or to a day the member was under age; nor a date of birth that makes
 * them under age on the day they were entered. */
static void the_entry_date_stays_true_to_the_share(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = admit(db, "Ann Example", "2020-01-01");
	struct member m;
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	strcpy(m.entered_on, "2026-11-23");
	assert_int_equal(member_update(db, &board, &m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date entered on the register cannot be in the"
			    " future (today is 22/11/2026)");
	strcpy(m.entered_on, "2020-01-02");
	assert_int_equal(member_update(db, &board, &m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "their share was issued on 01/01/2020: they were"
			    " entered on the register that day or before");
	strcpy(m.entered_on, "2019-12-31");
	strcpy(m.date_of_birth, "2005-01-01");
	assert_int_equal(member_update(db, &board, &m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a member must be 18 or over: born 01/01/2005, they"
			    " are 14 on 31/12/2019");
	strcpy(m.date_of_birth, "1990-01-01");
	assert_int_equal(member_update(db, &board, &m), DB_OK);
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	assert_string_equal(m.entered_on, "2019-12-31");
}

static void reversing_a_forfeit_reinstates_the_member(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = admit(db, "Ann Example", "2020-01-01");
	assert_int_equal(share_cease(db, &board, id, "2021-06-30", "thought to have left", 1), DB_OK);
	int64_t all, current;
	assert_int_equal(member_count(db, &all, &current), DB_OK);
	assert_int_equal(current, 0);

	/* The issue cannot be reversed while the forfeit stands: -1 share. */
	assert_int_equal(share_reverse(db, &board, op_id_no(db, 1), "2021-07-01", "", NULL),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db),
			    "a member holds exactly one share while a member and none after");

	assert_int_equal(share_reverse(db, &board, op_id_no(db, 2), "2021-07-01", "still here",
				       NULL), DB_OK);
	holding_is(db, id, 1, 100);
	struct member m;
	assert_int_equal(member_get(db, &board, id, &m), DB_OK);
	assert_string_equal(m.ceased_on, "");
	assert_string_equal(m.ceased_reason, "");
	assert_int_equal(member_count(db, &all, &current), DB_OK);
	assert_int_equal(current, 1);
	struct share_op_row rows[5];
	assert_int_equal(ops(db, id, rows, 5), 3);
	assert_int_equal(rows[2].shares, 1);

	/* ...and may then cease on the right day. */
	assert_int_equal(share_cease(db, &board, id, "2021-09-30", "left", m.version), DB_OK);
	holding_is(db, id, 0, 100);
}

/* ---- the register as at a date ------------------------------------------ */

struct seen {
	int n;
	struct register_row e[10];
};

static struct seen as_at(struct db *db, const char *on)
{
	struct actor board = test_board();
	struct seen s = { 0 };
	assert_int_equal(register_as_at_page(db, &board, on, 0, PAGE_FIRST, NULL, s.e, 10, &s.n),
			 DB_OK);
	return s;
}

static void holdings_as_at_a_date(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = admit(db, "First Member", "2020-01-01");
	int64_t b = admit(db, "Second Member", "2021-01-01");
	assert_int_equal(share_cease(db, &board, b, "2022-06-30", "left", 1), DB_OK);

	struct seen s = as_at(db, "2019-12-31");
	assert_int_equal(s.n, 0);
	s = as_at(db, "2021-06-01");
	assert_int_equal(s.n, 2);
	assert_int_equal(s.e[0].id, a);
	assert_int_equal(s.e[0].shares, 1);
	assert_int_equal(s.e[0].paid_pence, 100);
	assert_int_equal(s.e[1].shares, 1);
	assert_string_equal(s.e[1].ceased_on, "");
	s = as_at(db, "2022-06-30");
	assert_int_equal(s.e[1].shares, 0);
	assert_int_equal(s.e[1].paid_pence, 100);
	assert_string_equal(s.e[1].ceased_on, "2022-06-30");

	/* A reversal corrects a mistake: on no day does the register count
	 * the operation reversed, nor the reversal. The first member's issue
	 * was never so, from the day it was dated. */
	assert_int_equal(share_reverse(db, &board, op_id_no(db, 1), "2023-01-01", "error", NULL),
			 DB_OK);
	const char *days[] = { "2020-01-01", "2022-12-31", "2023-01-01" };
	for (int i = 0; i < 3; i++) {
		s = as_at(db, days[i]);
		assert_int_equal(s.e[0].shares, 0);
		assert_int_equal(s.e[0].paid_pence, 0);
	}
	/* The forfeit reversed: the second member held the share throughout,
	 * and ceased on no day. */
	assert_int_equal(share_reverse(db, &board, op_id_no(db, 3), "2023-02-01", "error", NULL),
			 DB_OK);
	const char *later[] = { "2022-06-30", "2023-01-31", "2023-02-01" };
	for (int i = 0; i < 3; i++) {
		s = as_at(db, later[i]);
		assert_int_equal(s.e[1].shares, 1);
		assert_int_equal(s.e[1].paid_pence, 100);
		assert_string_equal(s.e[1].ceased_on, "");
	}
	struct register_totals t;
	assert_int_equal(register_as_at_totals(db, &board, "2023-01-31", 0, &t), DB_OK);
	assert_int_equal(t.shares, 1);
	assert_int_equal(t.paid_pence, 100);
	assert_int_equal(t.members, 2);
}

/* ---- who may do what ------------------------------------------------------ */

static void only_the_board_writes(void **state)
{
	struct db *db = *state;
	int64_t id = admit(db, "Ann Example", "2020-01-01");
	int64_t op = op_id_no(db, 1);
	struct actor vol = test_volunteer(id), mem = test_member(id);
	const struct actor *nobody = NULL;
	const struct { const struct actor *who; const char *msg; } cases[] = {
		{ &vol, "a volunteer may not change the share register" },
		{ &mem, "a member may not change the share register" },
		{ nobody, "someone not logged in may not change the share register" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct member m;
		fill(&m, "Val Unteer", NULL);
		assert_int_equal(share_admit(db, cases[i].who, &m, "2024-01-01"), DB_DENIED);
		assert_string_equal(db_errmsg(db), cases[i].msg);
		assert_int_equal(share_issue(db, cases[i].who, id, "2024-01-01", "", NULL), DB_DENIED);
		assert_string_equal(db_errmsg(db), cases[i].msg);
		assert_int_equal(share_cease(db, cases[i].who, id, "2024-01-01", "x", 1), DB_DENIED);
		assert_string_equal(db_errmsg(db), cases[i].msg);
		assert_int_equal(share_reverse(db, cases[i].who, op, "2024-01-01", "", NULL),
				 DB_DENIED);
		assert_string_equal(db_errmsg(db), cases[i].msg);
		struct member_property p = { .member_id = id, .kind = PROPERTY_LOAN,
					     .amount_pence = 5000 };
		strcpy(p.description, "loan");
		strcpy(p.from_date, "2024-01-01");
		assert_int_equal(property_add(db, cases[i].who, &p), DB_DENIED);
		assert_string_equal(db_errmsg(db), cases[i].msg);
		assert_int_equal(property_end(db, cases[i].who, 1, "2024-01-01", 1), DB_DENIED);
		assert_string_equal(db_errmsg(db), cases[i].msg);
	}
	struct share_op_row rows[5];
	assert_int_equal(ops(db, 0, rows, 5), 1);
}

static void members_see_only_their_own_shares(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = admit(db, "Ann Example", "2020-01-01");
	int64_t b = admit(db, "Bob Example", "2020-02-01");
	int64_t op_a = op_id_no(db, 1), op_b = op_id_no(db, 2);
	struct actor mem_a = test_member(a), vol_b = test_volunteer(b);
	struct actor vol_none = test_volunteer(0), mem_none = test_member(0);
	int64_t s, p;
	struct share_op o;
	struct share_op_row rows[5];
	int n;

	/* Board: anyone's. */
	assert_int_equal(share_holding(db, &board, b, &s, &p), DB_OK);
	assert_int_equal(share_holding(db, &board, 999, &s, &p), DB_NOTFOUND);
	assert_int_equal(share_op_get(db, &board, op_b, &o), DB_OK);

	/* Member and volunteer: their own... */
	assert_int_equal(share_holding(db, &mem_a, a, &s, &p), DB_OK);
	assert_int_equal(s, 1);
	assert_int_equal(share_holding(db, &vol_b, b, &s, &p), DB_OK);
	assert_int_equal(share_op_get(db, &mem_a, op_a, &o), DB_OK);
	assert_int_equal(share_op_get(db, &vol_b, op_b, &o), DB_OK);
	assert_int_equal(share_op_page(db, &mem_a, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].member_id, a);
	assert_int_equal(share_op_page(db, &vol_b, b, PAGE_LAST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].member_id, b);

	/* ...and nobody else's, as if it did not exist. */
	assert_int_equal(share_holding(db, &mem_a, b, &s, &p), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such member");
	assert_int_equal(share_holding(db, &vol_b, a, &s, &p), DB_NOTFOUND);
	assert_int_equal(share_holding(db, &vol_none, a, &s, &p), DB_NOTFOUND);
	assert_int_equal(share_op_get(db, &mem_a, op_b, &o), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such share operation");
	assert_int_equal(o.id, 0);
	assert_int_equal(share_op_get(db, &vol_b, op_a, &o), DB_NOTFOUND);
	assert_int_equal(share_op_page(db, &mem_a, b, PAGE_FIRST, NULL, rows, 5, &n), DB_NOTFOUND);
	assert_int_equal(n, 0);
	assert_int_equal(share_op_page(db, &vol_none, 0, PAGE_FIRST, NULL, rows, 5, &n),
			 DB_NOTFOUND);

	/* No link, no login: nothing at all. */
	assert_int_equal(share_holding(db, &mem_none, a, &s, &p), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see the share register");
	assert_int_equal(share_holding(db, NULL, a, &s, &p), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see the share register");
	assert_int_equal(share_op_get(db, NULL, op_a, &o), DB_DENIED);
	assert_int_equal(share_op_page(db, NULL, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_DENIED);

	/* The whole register as at a date is the board's. */
	struct register_row whole[3];
	assert_int_equal(register_as_at_page(db, &vol_b, "2024-01-01", 0, PAGE_FIRST, NULL, whole, 3,
					     &n), DB_DENIED);
	assert_int_equal(register_as_at_page(db, &mem_a, "2024-01-01", 0, PAGE_FIRST, NULL, whole, 3,
					     &n), DB_DENIED);
	assert_int_equal(n, 0);
}

static void operations_page_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32], day[16];
	int64_t ids[25];
	for (int i = 0; i < 25; i++) {
		snprintf(name, sizeof name, "Person %02d", i);
		snprintf(day, sizeof day, "2020-01-%02d", i + 1);
		ids[i] = admit(db, name, day);
	}
	assert_int_equal(share_cease(db, &board, ids[3], "2021-01-01", "left", 1), DB_OK);
	struct share_op_row rows[10];
	struct page_key key;
	int n;
	assert_int_equal(share_op_page(db, &board, 0, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].op_no, 1);
	share_op_row_key(&rows[9], &key);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].op_no, 11);
	assert_int_equal(rows[9].op_no, 20);
	share_op_row_key(&rows[0], &key);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].op_no, 1);
	assert_int_equal(rows[9].op_no, 10);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_int_equal(rows[0].op_no, 17);
	assert_int_equal(rows[9].op_no, 26);
	assert_int_equal(rows[9].kind, SHARE_FORFEIT);
	share_op_row_key(&rows[9], &key);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);

	/* One member's, both ways. */
	assert_int_equal(share_op_page(db, &board, ids[3], PAGE_FIRST, NULL, rows, 1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].op_no, 4);
	share_op_row_key(&rows[0], &key);
	assert_int_equal(share_op_page(db, &board, ids[3], PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].op_no, 26);
	share_op_row_key(&rows[0], &key);
	assert_int_equal(share_op_page(db, &board, ids[3], PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].op_no, 4);

	assert_int_equal(share_op_page(db, &board, 0, PAGE_AFTER, NULL, rows, 10, &n), DB_INVALID);
	assert_int_equal(share_op_page(db, &board, 0, (enum page_dir)9, NULL, rows, 10, &n),
			 DB_INVALID);
}

/* The register's running totals after each operation, worked out here
 * from the whole register read in one page: shares as they come, capital
 * by share_holding's rule (an issue pays in, a reversal of an issue takes
 * it back, forfeits leave it). */
struct totals {
	int64_t shares[64], paid[64];
};

static void oracle_totals(struct db *db, struct totals *t)
{
	struct share_op_row all[64];
	int n = ops(db, 0, all, 64);
	int64_t s = 0, p = 0;
	assert_true(n < 64);
	for (int i = 0; i < n; i++) {
		assert_int_equal(all[i].op_no, i + 1);
		s += all[i].shares;
		if (all[i].kind == SHARE_ISSUE)
			p += all[i].amount_pence;
		else if (all[i].kind == SHARE_REVERSAL && all[i].shares == -1)
			p -= all[i].amount_pence;
		t->shares[i + 1] = s;
		t->paid[i + 1] = p;
	}
}

static void rows_match(const struct totals *t, const struct share_op_row *rows, int n)
{
	for (int i = 0; i < n; i++) {
		assert_int_equal(rows[i].total_shares, t->shares[rows[i].op_no]);
		assert_int_equal(rows[i].total_paid_pence, t->paid[rows[i].op_no]);
	}
}

/* check's reporter, silent. */
static void quiet(const char *name, const char *problem, int warning, void *arg)
{
	(void)name;
	(void)problem;
	(void)warning;
	(void)arg;
}

static void running_totals_of_the_whole_register(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32], day[16];
	int64_t ids[12];
	for (int i = 0; i < 12; i++) {
		snprintf(name, sizeof name, "Person %02d", i);
		snprintf(day, sizeof day, "2020-02-%02d", i + 1);
		ids[i] = admit(db, name, day);
	}
	/* A forfeit (capital stays), a reversal of an issue (capital goes back
	 * out), a forfeit reversed (shares back, capital as it was), a new
	 * issue at another share value. */
	assert_int_equal(share_cease(db, &board, ids[2], "2021-01-01", "left", 1), DB_OK);
	assert_int_equal(share_reverse(db, &board, op_id_no(db, 5), "2021-02-01", "in error", NULL),
			 DB_OK);
	assert_int_equal(share_cease(db, &board, ids[7], "2021-03-01", "left",
				     version_of(db, ids[7])), DB_OK);
	assert_int_equal(share_reverse(db, &board, op_id_no(db, 15), "2021-03-02", "wrong member",
				       NULL), DB_OK);
	struct setting st;
	assert_int_equal(setting_get(db, "share_value", &st), DB_OK);
	assert_int_equal(setting_set(db, &board, "share_value", "500", st.version), DB_OK);
	assert_int_equal(share_issue(db, &board, ids[4], "2021-04-01", "re-issued", NULL), DB_OK);

	struct totals t;
	oracle_totals(db, &t);
	/* 12 issued, one forfeited, one issue reversed, another forfeited and
	 * that undone, one re-issued: 11 held; £12 - £1 + £5 paid in. */
	assert_int_equal(t.shares[17], 11);
	assert_int_equal(t.paid[17], 1600);
	assert_int_equal(t.shares[13], 11);
	assert_int_equal(t.paid[13], 1200);
	assert_int_equal(t.paid[14], 1100);
	int64_t held = 0, paid = 0;
	for (int i = 0; i < 12; i++) {
		int64_t s, p;
		assert_int_equal(share_holding(db, &board, ids[i], &s, &p), DB_OK);
		held += s;
		paid += p;
	}
	assert_int_equal(held, t.shares[17]);
	assert_int_equal(paid, t.paid[17]);

	/* Pages read from the middle, backwards and from the end. */
	struct share_op_row rows[5];
	struct page_key key = { 0 };
	int n;
	key.num = 9;
	assert_int_equal(share_op_page(db, &board, 0, PAGE_AFTER, &key, rows, 5, &n), DB_OK);
	assert_int_equal(n, 5);
	assert_int_equal(rows[0].op_no, 10);
	rows_match(&t, rows, n);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_BEFORE, &key, rows, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].op_no, 6);
	rows_match(&t, rows, n);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_LAST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(rows[3].op_no, 17);
	rows_match(&t, rows, n);

	/* One member's operations carry the whole register's totals. */
	assert_int_equal(share_op_page(db, &board, ids[4], PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 3); /* issue 5, its reversal 14, the new issue 17 */
	assert_int_equal(rows[1].op_no, 14);
	assert_int_equal(rows[1].total_shares, 10);
	rows_match(&t, rows, n);
	key.num = 5;
	assert_int_equal(share_op_page(db, &board, ids[4], PAGE_AFTER, &key, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	rows_match(&t, rows, n);

	/* A member sees their own operations, not the register's totals. */
	struct actor member = test_member(ids[4]);
	assert_int_equal(share_op_page(db, &member, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 3);
	for (int i = 0; i < n; i++) {
		assert_int_equal(rows[i].total_shares, 0);
		assert_int_equal(rows[i].total_paid_pence, 0);
	}

	/* Totals seen inside a transaction that is rolled back are not kept:
	 * operation 18 is first a forfeit that never was, then an issue. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	assert_int_equal(share_cease(db, &board, ids[5], "2021-05-01", "left",
				     version_of(db, ids[5])), DB_OK);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_LAST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(rows[1].op_no, 18);
	assert_int_equal(rows[1].total_shares, 10);
	db_rollback(db);
	admit(db, "Person 12", "2021-05-02");
	assert_int_equal(share_op_page(db, &board, 0, PAGE_LAST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(rows[1].op_no, 18);
	assert_int_equal(rows[1].total_shares, 12);
	assert_int_equal(rows[1].total_paid_pence, 2100); /* the share now £5 */
	oracle_totals(db, &t);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	rows_match(&t, rows, n);
	key.num = 12;
	assert_int_equal(share_op_page(db, &board, 0, PAGE_AFTER, &key, rows, 5, &n), DB_OK);
	rows_match(&t, rows, n);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_BEFORE, &key, rows, 5, &n), DB_OK);
	rows_match(&t, rows, n);

	/* A jump from the start to the end (G) sums back from the register's
	 * end, whose totals a trigger keeps (schema 15), not forwards over
	 * every operation: the same totals. That it is the end they come from
	 * shows when the kept totals are wrong, which check names. */
	assert_int_equal(share_op_page(db, &board, 0, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_LAST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(rows[1].op_no, 18);
	rows_match(&t, rows, n);
	int failures = -1, sound;
	assert_int_equal(db_check(db, quiet, NULL, &sound), DB_OK);
	assert_int_equal(sqlite3_exec(db->conn, "UPDATE row_counts SET n = n + 1000"
				      " WHERE name = 'share_ops_shares'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_check(db, quiet, NULL, &failures), DB_OK);
	assert_int_equal(failures, sound + 1);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_LAST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(rows[1].total_shares, t.shares[18] + 1000);
	assert_int_equal(sqlite3_exec(db->conn, "UPDATE row_counts SET n = n - 1000"
				      " WHERE name = 'share_ops_shares'", NULL, NULL, NULL), SQLITE_OK);
	/* Kept up by the trigger: an operation more, and the end's totals. */
	admit(db, "Person 13", "2021-05-03");
	oracle_totals(db, &t);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(share_op_page(db, &board, 0, PAGE_LAST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(rows[1].op_no, 19);
	rows_match(&t, rows, n);
	assert_int_equal(db_check(db, quiet, NULL, &failures), DB_OK);
	assert_int_equal(failures, sound);
	assert_int_equal(sqlite3_exec(db->conn, "UPDATE row_counts SET n = n + 1"
				      " WHERE name = 'share_ops_paid'", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_check(db, quiet, NULL, &failures), DB_OK);
	assert_int_equal(failures, sound + 1);
}

/* ---- other property -------------------------------------------------------- */

static int64_t add_property(struct db *db, int64_t member_id, enum property_kind kind,
			    int64_t pence, const char *from)
{
	struct actor board = test_board();
	struct member_property p = { .member_id = member_id, .kind = kind, .amount_pence = pence };
	snprintf(p.description, sizeof p.description, "%s of %lld pence",
		 property_kind_name(kind), (long long)pence);
	strcpy(p.from_date, from);
	assert_int_equal(property_add(db, &board, &p), DB_OK);
	return p.id;
}

static void property_is_recorded_and_ended(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = admit(db, "Ann Example", "2020-01-01");
	struct member_property p = { .member_id = a, .kind = PROPERTY_LOAN, .amount_pence = 250000 };
	strcpy(p.description, "  Loan stock, 2% a year  ");
	strcpy(p.from_date, "01/04/2024");
	assert_int_equal(property_add(db, &board, &p), DB_OK);
	assert_true(p.id > 0);
	assert_int_equal(strlen(p.uuid), 36);
	assert_int_equal(p.version, 1);
	assert_string_equal(p.from_date, "2024-04-01");

	struct member_property got, stale;
	assert_int_equal(property_get(db, &board, p.id, &got), DB_OK);
	assert_string_equal(got.description, "Loan stock, 2% a year");
	assert_int_equal(got.amount_pence, 250000);
	assert_int_equal(got.kind, PROPERTY_LOAN);
	assert_string_equal(property_kind_name(got.kind), "loan");
	assert_string_equal(got.to_date, "");
	stale = got;

	assert_int_equal(property_end(db, &board, p.id, "2024-03-31", 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "property cannot end before it began");
	assert_int_equal(property_end(db, &board, p.id, "2024-02-30", 1), DB_INVALID);
	assert_words(db, "February 2024 has 29 days");
	assert_int_equal(property_end(db, &board, 999, "2025-03-31", 1), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such record of property");
	assert_int_equal(property_end(db, &board, p.id, "2025-03-31", 1), DB_OK);
	assert_int_equal(property_get(db, &board, p.id, &got), DB_OK);
	assert_string_equal(got.to_date, "2025-03-31");
	assert_int_equal(got.version, 2);
	assert_int_equal(property_end(db, &board, p.id, "2025-04-30", stale.version), DB_CONFLICT);
	assert_words(db, "test board");
}

static void property_bad_input_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = admit(db, "Ann Example", "2020-01-01");
	struct member_property p = { .member_id = a, .kind = PROPERTY_DEPOSIT, .amount_pence = 0 };
	strcpy(p.description, "Key deposit");
	strcpy(p.from_date, "2024-01-01");
	assert_int_equal(property_add(db, &board, &p), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an amount of property must be more than £0.00");
	p.amount_pence = 2000;
	strcpy(p.description, "   ");
	assert_int_equal(property_add(db, &board, &p), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a description is 1 to 200 characters");
	strcpy(p.description, "Key deposit");
	strcpy(p.from_date, "2024-13-01");
	assert_int_equal(property_add(db, &board, &p), DB_INVALID);
	assert_words(db, "there is no month 13");
	strcpy(p.from_date, "2024-01-01");
	strcpy(p.to_date, "2023-01-01");
	assert_int_equal(property_add(db, &board, &p), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "property cannot end before it began");
	strcpy(p.to_date, "2026-11-23");
	assert_int_equal(property_add(db, &board, &p), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date the property ended cannot be in the future"
			    " (today is 22/11/2026)");
	p.to_date[0] = '\0';
	strcpy(p.from_date, "2026-11-23");
	assert_int_equal(property_add(db, &board, &p), DB_INVALID);
	assert_words(db, "the date the property was taken in cannot be in the future");
	strcpy(p.from_date, "2024-01-01");
	p.kind = (enum property_kind)7;
	assert_int_equal(property_add(db, &board, &p), DB_INVALID);
	assert_string_equal(db_errmsg(db), "other property is a loan, a deposit or other");
	p.kind = PROPERTY_OTHER;
	p.member_id = 999;
	assert_int_equal(property_add(db, &board, &p), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such member");
	struct member_property rows[5];
	int n;
	assert_int_equal(property_page(db, &board, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 0);
}

static void nobody_sees_another_members_property(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = admit(db, "Ann Example", "2020-01-01");
	int64_t b = admit(db, "Bob Example", "2020-01-01");
	int64_t pa = add_property(db, a, PROPERTY_LOAN, 100000, "2024-01-01");
	int64_t pb = add_property(db, b, PROPERTY_DEPOSIT, 5000, "2024-01-01");
	add_property(db, a, PROPERTY_OTHER, 700, "2024-02-01");
	struct actor mem_a = test_member(a), vol_b = test_volunteer(b), mem_none = test_member(0);
	struct member_property got, rows[5];
	int n;

	assert_int_equal(property_get(db, &board, pb, &got), DB_OK);
	assert_int_equal(property_page(db, &board, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(property_page(db, &board, b, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].amount_pence, 5000);

	assert_int_equal(property_get(db, &mem_a, pa, &got), DB_OK);
	assert_int_equal(property_get(db, &vol_b, pb, &got), DB_OK);
	assert_int_equal(property_page(db, &mem_a, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, pa);
	assert_int_equal(rows[1].kind, PROPERTY_OTHER);

	assert_int_equal(property_get(db, &mem_a, pb, &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such record of property");
	assert_int_equal(got.amount_pence, 0);
	assert_int_equal(property_get(db, &vol_b, pa, &got), DB_NOTFOUND);
	assert_int_equal(property_page(db, &mem_a, b, PAGE_FIRST, NULL, rows, 5, &n), DB_NOTFOUND);
	assert_int_equal(n, 0);
	assert_int_equal(property_page(db, &vol_b, a, PAGE_FIRST, NULL, rows, 5, &n), DB_NOTFOUND);
	assert_int_equal(property_get(db, &mem_none, pa, &got), DB_DENIED);
	assert_int_equal(property_get(db, NULL, pa, &got), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see the share register");
	assert_int_equal(property_page(db, NULL, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_DENIED);
}

static void property_pages_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t a = admit(db, "Ann Example", "2020-01-01");
	int64_t b = admit(db, "Bob Example", "2020-01-01");
	int64_t ids[12];
	for (int i = 0; i < 12; i++)
		ids[i] = add_property(db, i % 3 ? a : b, PROPERTY_LOAN, 100 + i, "2024-01-01");
	struct member_property rows[4];
	struct page_key key = { 0 };
	int n;
	/* a holds items 1, 2, 4, 5, 7, 8, 10, 11. */
	assert_int_equal(property_page(db, &board, a, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(rows[3].id, ids[5]);
	key.id = rows[3].id;
	assert_int_equal(property_page(db, &board, a, PAGE_AFTER, &key, rows, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].id, ids[7]);
	assert_int_equal(rows[3].id, ids[11]);
	key.id = rows[0].id;
	assert_int_equal(property_page(db, &board, a, PAGE_BEFORE, &key, rows, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].id, ids[1]);
	assert_int_equal(property_page(db, &board, 0, PAGE_LAST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(rows[0].id, ids[8]);
	assert_int_equal(rows[3].id, ids[11]);
}

/* ---- the audit trail ------------------------------------------------------- */

/* The trail of one table (one record when row_id > 0), newest first. */
static int trail(struct db *db, const char *table, int64_t row_id, struct audit_row *rows, int max)
{
	struct actor board = test_board();
	struct audit_filter f = { .row_id = row_id };
	snprintf(f.table_name, sizeof f.table_name, "%s", table);
	int n = -1;
	assert_int_equal(audit_page(db, &board, &f, PAGE_FIRST, NULL, rows, max, &n), DB_OK);
	return n;
}

static void writes_leave_audit_rows_naming_the_actor(void **state)
{
	struct db *db = *state;
	struct actor bea = { 7, ROLE_BOARD, 0, "Bea Board" };
	struct actor cal = { 8, ROLE_BOARD, 0, "Cal Chair" };
	struct audit_row rows[10];
	struct member m;
	fill(&m, "Ann Example", NULL);
	assert_int_equal(share_admit(db, &bea, &m, "2020-01-01"), DB_OK);
	assert_int_equal(trail(db, "share_ops", 0, rows, 10), 1);
	assert_string_equal(rows[0].action, "insert");
	assert_string_equal(rows[0].actor, "Bea Board");
	assert_int_equal(rows[0].user_id, 7);
	assert_int_equal(trail(db, "members", m.id, rows, 10), 1);
	assert_string_equal(rows[0].actor, "Bea Board");

	/* Refused writes leave nothing. */
	assert_int_equal(share_issue(db, &cal, m.id, "2020-02-01", "", NULL), DB_CONSTRAINT);
	assert_int_equal(share_cease(db, &cal, m.id, "2020-03-01", "left", 9), DB_CONFLICT);
	assert_int_equal(share_admit(db, &cal, &m, "2030-01-01"), DB_INVALID);
	assert_int_equal(trail(db, "share_ops", 0, rows, 10), 1);
	assert_int_equal(trail(db, "members", 0, rows, 10), 1);

	/* Cease: the member updated and a forfeit inserted, both Cal's. */
	assert_int_equal(share_cease(db, &cal, m.id, "2020-03-01", "left", 1), DB_OK);
	assert_int_equal(trail(db, "members", m.id, rows, 10), 2);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].actor, "Cal Chair");
	assert_int_equal(trail(db, "share_ops", 0, rows, 10), 2);
	assert_string_equal(rows[0].actor, "Cal Chair");

	/* Reversing the forfeit: a reversal inserted, the member reinstated. */
	assert_int_equal(share_reverse(db, &bea, op_id_no(db, 2), "2020-03-02", "", NULL), DB_OK);
	assert_int_equal(trail(db, "share_ops", 0, rows, 10), 3);
	assert_string_equal(rows[0].action, "insert");
	assert_string_equal(rows[0].actor, "Bea Board");
	assert_int_equal(trail(db, "members", m.id, rows, 10), 3);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].actor, "Bea Board");

	/* Property: added by one, ended by another. */
	struct member_property p = { .member_id = m.id, .kind = PROPERTY_DEPOSIT, .amount_pence = 900 };
	strcpy(p.description, "Key deposit");
	strcpy(p.from_date, "2020-01-01");
	assert_int_equal(property_add(db, &bea, &p), DB_OK);
	assert_int_equal(property_end(db, &cal, p.id, "2020-01-01", 1), DB_OK);
	assert_int_equal(trail(db, "member_property", p.id, rows, 10), 2);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].actor, "Cal Chair");
	assert_string_equal(rows[1].action, "insert");
	assert_string_equal(rows[1].actor, "Bea Board");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(admit_enters_member_and_issues_one_share, setup, teardown),
		cmocka_unit_test_setup_teardown(admit_refuses_a_future_or_bad_date, setup, teardown),
		cmocka_unit_test_setup_teardown(admit_refuses_a_minor, setup, teardown),
		cmocka_unit_test_setup_teardown(admit_is_one_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(share_value_is_a_setting_and_never_zero, setup, teardown),
		cmocka_unit_test_setup_teardown(operations_are_numbered_in_sequence, setup, teardown),
		cmocka_unit_test_setup_teardown(a_second_share_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(cease_forfeits_the_share, setup, teardown),
		cmocka_unit_test_setup_teardown(reversals_are_the_only_correction, setup, teardown),
		cmocka_unit_test_setup_teardown(an_issue_is_corrected_by_a_reversal_and_a_new_issue,
						setup, teardown),
		cmocka_unit_test_setup_teardown(the_entry_date_stays_true_to_the_share, setup, teardown),
		cmocka_unit_test_setup_teardown(reversing_a_forfeit_reinstates_the_member, setup, teardown),
		cmocka_unit_test_setup_teardown(holdings_as_at_a_date, setup, teardown),
		cmocka_unit_test_setup_teardown(only_the_board_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(members_see_only_their_own_shares, setup, teardown),
		cmocka_unit_test_setup_teardown(operations_page_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(running_totals_of_the_whole_register, setup, teardown),
		cmocka_unit_test_setup_teardown(property_is_recorded_and_ended, setup, teardown),
		cmocka_unit_test_setup_teardown(property_bad_input_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(nobody_sees_another_members_property, setup, teardown),
		cmocka_unit_test_setup_teardown(property_pages_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(writes_leave_audit_rows_naming_the_actor, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
