/* tests/unit/test_complaints.c: complaints in two stages, deadlines in
 * working days, subject access requests (src/db/complaints.c). */
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

#include "coopdesk/complaints.h"
#include "coopdesk/members.h"
#include "coopdesk/settings.h"
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
	snprintf(m.name, sizeof m.name, "%s", name);
	strcpy(m.address, "1 Alder Street, Rochdale");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

static struct complaint complain(struct db *db, int64_t member, const char *received,
				 const char *subject)
{
	struct actor board = test_board();
	struct complaint c;
	memset(&c, 0, sizeof c);
	c.member_id = member;
	strcpy(c.received_on, received);
	snprintf(c.subject, sizeof c.subject, "%s", subject);
	strcpy(c.details, "The repair was not done when promised.");
	assert_int_equal(complaint_create(db, &board, &c), DB_OK);
	return c;
}

static void set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	assert_int_equal(setting_set(db, &board, key, value, s.version), DB_OK);
}

static void two_stages_with_deadlines_in_working_days(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Able");
	struct complaint c = complain(db, ann, "2026-11-02", "Late repair");   /* a Monday */
	struct complaint got;
	assert_true(c.id > 0);
	assert_int_equal(strlen(c.uuid), 36);
	assert_int_equal(c.stage, 1);
	assert_int_equal(c.version, 1);
	assert_string_equal(c.ack_due, "2026-11-09");        /* 5 working days */
	assert_string_equal(c.stage1_due, "2026-11-23");     /* 10 after the ack was due */
	assert_string_equal(c.stage2_due, "");
	assert_int_equal(c.next, COMPLAINT_NEXT_ACK);
	assert_string_equal(c.next_due, "2026-11-09");
	assert_int_equal(c.overdue, 1);                      /* today is 2026-11-22 */

	/* Out of order, in words. */
	assert_int_equal(complaint_stage1_reply(db, &board, c.id, "2026-11-05", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "acknowledge the complaint before replying at stage 1");
	assert_int_equal(complaint_escalate(db, &board, c.id, "2026-11-05", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a complaint is escalated to stage 2 only after the stage 1 reply");
	assert_int_equal(complaint_stage2_reply(db, &board, c.id, "2026-11-05", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "escalate the complaint to stage 2 before replying at stage 2");
	assert_int_equal(complaint_acknowledge(db, &board, c.id, "2026-11-01", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "01/11/2026 is before 02/11/2026, the complaint's previous step");
	assert_int_equal(complaint_acknowledge(db, &board, c.id, "2026-11-30", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that date cannot be in the future");
	assert_int_equal(complaint_acknowledge(db, &board, c.id, "2026-02-30", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that date must be a real date (2026-02-30: February 2026 has 28 days)");

	assert_int_equal(complaint_acknowledge(db, &board, c.id, "06/11/2026", 1), DB_OK);   /* a Friday */
	assert_int_equal(complaint_get(db, &board, c.id, &got), DB_OK);
	assert_string_equal(got.acknowledged_on, "2026-11-06");
	assert_string_equal(got.stage1_due, "2026-11-20");   /* 10 working days after the ack */
	assert_int_equal(got.next, COMPLAINT_NEXT_STAGE1);
	assert_int_equal(got.overdue, 1);
	assert_int_equal(complaint_acknowledge(db, &board, c.id, "2026-11-06", 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this complaint has already been acknowledged");
	assert_int_equal(complaint_stage1_reply(db, &board, c.id, "2026-11-19", 1), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "this complaint was changed by test board"));
	assert_int_equal(complaint_stage1_reply(db, &board, c.id, "2026-11-19", 2), DB_OK);
	assert_int_equal(complaint_get(db, &board, c.id, &got), DB_OK);
	assert_int_equal(got.next, COMPLAINT_NEXT_DECIDE);
	assert_string_equal(got.next_due, "");
	assert_int_equal(got.overdue, 0);

	assert_int_equal(complaint_escalate(db, &board, c.id, "2026-11-20", 3), DB_OK);
	assert_int_equal(complaint_get(db, &board, c.id, &got), DB_OK);
	assert_int_equal(got.stage, 2);
	assert_string_equal(got.stage2_due, "2026-12-18");   /* 20 working days */
	assert_int_equal(got.next, COMPLAINT_NEXT_STAGE2);
	assert_int_equal(got.overdue, 0);
	assert_int_equal(complaint_escalate(db, &board, c.id, "2026-11-21", 4), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "a complaint has exactly two stages"));
	assert_non_null(strstr(db_errmsg(db), "Housing Ombudsman"));
	assert_int_equal(complaint_stage2_reply(db, &board, c.id, "2026-11-19", 4), DB_INVALID);
	assert_string_equal(db_errmsg(db), "19/11/2026 is before 20/11/2026, the complaint's previous step");
	assert_int_equal(complaint_stage2_reply(db, &board, c.id, "2026-11-21", 4), DB_OK);
	assert_int_equal(complaint_get(db, &board, c.id, &got), DB_OK);
	assert_int_equal(got.next, COMPLAINT_NEXT_CLOSE);
	assert_int_equal(complaint_close(db, &board, c.id, "2026-11-20", 5), DB_INVALID);
	assert_int_equal(complaint_close(db, &board, c.id, NULL, 5), DB_OK);   /* today */
	assert_int_equal(complaint_get(db, &board, c.id, &got), DB_OK);
	assert_string_equal(got.closed_on, "2026-11-22");
	assert_int_equal(got.next, COMPLAINT_NEXT_NONE);
	assert_string_equal(complaint_next_name(got.next), "closed");
	assert_int_equal(complaint_close(db, &board, c.id, NULL, 6), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this complaint is closed");
	assert_int_equal(complaint_acknowledge(db, &board, c.id + 9, NULL, 1), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such complaint");
}

static void deadlines_skip_bank_holidays_and_follow_settings(void **state)
{
	struct db *db = *state;
	struct complaint c = complain(db, 0, "2025-12-22", "Heating at Christmas");
	/* 23, 24, (25, 26 bank holidays), 29, 30, 31. */
	assert_string_equal(c.ack_due, "2025-12-31");
	/* (1 January), 2, 5-9, 12-15. */
	assert_string_equal(c.stage1_due, "2026-01-15");
	assert_int_equal(c.member_id, 0);
	set(db, "complaint_ack_days", "3");
	set(db, "complaint_stage1_days", "20");
	struct actor board = test_board();
	struct complaint got;
	assert_int_equal(complaint_get(db, &board, c.id, &got), DB_OK);
	assert_string_equal(got.ack_due, "2025-12-29");
	assert_string_equal(got.stage1_due, "2026-01-27");
}

static void bad_input_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct complaint c;
	memset(&c, 0, sizeof c);
	strcpy(c.received_on, "2026-02-29");
	strcpy(c.subject, "Leap");
	assert_int_equal(complaint_create(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "the date it was received must be a real date (2026-02-29: February 2026 has 28 days)");
	strcpy(c.received_on, "2026-12-01");
	assert_int_equal(complaint_create(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date it was received cannot be in the future");
	strcpy(c.received_on, "2026-11-01");
	memset(c.subject, 'x', 101);
	c.subject[101] = '\0';
	assert_int_equal(complaint_create(db, &board, &c), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a complaint's subject is 1 to 100 characters");
	strcpy(c.subject, "Noise");
	c.home_id = 55;
	assert_int_equal(complaint_create(db, &board, &c), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "refers to a record that does not exist"));
	c.home_id = 0;
	c.received_on[0] = '\0';
	assert_int_equal(complaint_create(db, &board, &c), DB_OK);
	assert_string_equal(c.received_on, "2026-11-22");
	struct complaint a = c, b = c;
	strcpy(a.details, "More details.");
	assert_int_equal(complaint_update(db, &board, &a), DB_OK);
	assert_int_equal(a.version, 2);
	assert_int_equal(complaint_update(db, &board, &b), DB_CONFLICT);
	b.id = 999;
	assert_int_equal(complaint_update(db, &board, &b), DB_NOTFOUND);
}

static void members_see_and_make_their_own(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Able");
	int64_t bob = add_member(db, "Bob Bold");
	struct actor ann_self = test_member(ann);
	struct actor bob_vol = test_volunteer(bob);
	struct actor unlinked = test_volunteer(0);
	struct complaint theirs = complain(db, bob, "2026-10-01", "Bob's complaint");
	struct complaint mine;
	memset(&mine, 0, sizeof mine);
	mine.member_id = bob;              /* not hers to give */
	mine.home_id = 42;                 /* left for the board */
	strcpy(mine.received_on, "2026-01-01");
	strcpy(mine.subject, "Damp in the bathroom");
	assert_int_equal(complaint_create(db, &ann_self, &mine), DB_OK);
	assert_int_equal(mine.member_id, ann);
	assert_int_equal(mine.home_id, 0);
	assert_string_equal(mine.received_on, "2026-11-22");
	assert_string_equal(mine.ack_due, "2026-11-27");

	struct complaint got;
	assert_int_equal(complaint_get(db, &ann_self, mine.id, &got), DB_OK);
	assert_int_equal(complaint_get(db, &ann_self, theirs.id, &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such complaint");
	assert_int_equal(complaint_get(db, &bob_vol, theirs.id, &got), DB_OK);
	assert_int_equal(complaint_get(db, NULL, theirs.id, &got), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see complaints");
	assert_int_equal(complaint_create(db, &unlinked, &got), DB_DENIED);
	assert_string_equal(db_errmsg(db), "this account is not linked to a member of the register");
	assert_int_equal(complaint_acknowledge(db, &ann_self, mine.id, NULL, 1), DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may handle complaints");
	assert_int_equal(complaint_close(db, &bob_vol, theirs.id, NULL, 1), DB_DENIED);
	assert_int_equal(complaint_update(db, &ann_self, &mine), DB_DENIED);

	struct complaint_row rows[5];
	int n;
	assert_int_equal(complaint_page(db, &ann_self, COMPLAINTS_NEWEST_FIRST, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].subject, "Damp in the bathroom");
	assert_int_equal(complaint_page(db, &board, COMPLAINTS_NEWEST_FIRST, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, mine.id);
	assert_int_equal(rows[1].next, COMPLAINT_NEXT_ACK);
	assert_int_equal(rows[1].overdue, 1);
	assert_int_equal(complaint_page(db, NULL, COMPLAINTS_NEWEST_FIRST, 0, PAGE_FIRST, NULL, rows, 5, &n), DB_DENIED);
}

static void pages_and_the_open_filter(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char day[32], subject[32];
	int64_t ids[12];
	for (int i = 0; i < 12; i++) {
		snprintf(day, sizeof day, "2026-%02d-10", i + 1 > 11 ? 11 : i + 1);
		snprintf(subject, sizeof subject, "Complaint %02d", i);
		ids[i] = complain(db, 0, day, subject).id;
	}
	for (int i = 0; i < 12; i += 3)
		assert_int_equal(complaint_close(db, &board, ids[i], "2026-11-20", 1), DB_OK);
	struct complaint_row rows[5];
	struct page_key key;
	int n;
	assert_int_equal(complaint_page(db, &board, COMPLAINTS_OLDEST_FIRST, 1, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 5);
	assert_string_equal(rows[0].subject, "Complaint 01");
	assert_string_equal(rows[4].subject, "Complaint 07");
	complaint_row_key(&rows[4], &key);
	assert_int_equal(complaint_page(db, &board, COMPLAINTS_OLDEST_FIRST, 1, PAGE_AFTER, &key, rows, 5, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[0].subject, "Complaint 08");
	assert_string_equal(rows[2].subject, "Complaint 11");
	assert_int_equal(complaint_page(db, &board, COMPLAINTS_NEWEST_FIRST, 0, PAGE_FIRST, NULL, rows, 3, &n), DB_OK);
	assert_string_equal(rows[0].subject, "Complaint 11");   /* same day as 10: higher id first */
	assert_string_equal(rows[1].subject, "Complaint 10");
	assert_int_equal(rows[1].next, COMPLAINT_NEXT_ACK);
	assert_int_equal(complaint_page(db, &board, COMPLAINTS_NEWEST_FIRST, 0, PAGE_LAST, NULL, rows, 3, &n), DB_OK);
	assert_string_equal(rows[2].subject, "Complaint 00");
	assert_int_equal(rows[2].next, COMPLAINT_NEXT_NONE);
	complaint_row_key(&rows[0], &key);
	assert_int_equal(complaint_page(db, &board, COMPLAINTS_NEWEST_FIRST, 0, PAGE_BEFORE, &key, rows, 3, &n), DB_OK);
	assert_string_equal(rows[0].subject, "Complaint 05");
	assert_string_equal(rows[2].subject, "Complaint 03");
}

static void subject_access_due_in_a_month(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Able");
	int64_t bob = add_member(db, "Bob Bold");
	struct actor ann_self = test_member(ann);
	struct subject_access s = { 0 };
	s.member_id = bob;
	strcpy(s.received_on, "2026-01-31");
	strcpy(s.note, "by letter");
	assert_int_equal(sar_add(db, &board, &s), DB_OK);
	assert_string_equal(s.due_on, "2026-02-28");     /* no 31 February */
	assert_int_equal(s.overdue, 1);
	assert_int_equal(s.version, 1);
	struct subject_access t = { 0 };
	t.member_id = bob;
	strcpy(t.received_on, "2026-10-31");
	assert_int_equal(sar_add(db, &board, &t), DB_OK);
	assert_string_equal(t.due_on, "2026-11-30");
	assert_int_equal(t.overdue, 0);
	t.member_id = 0;
	assert_int_equal(sar_add(db, &board, &t), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "the member id is required");
	strcpy(t.received_on, "2026-11-31");
	t.member_id = bob;
	assert_int_equal(sar_add(db, &board, &t), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "the date it was received must be a real date"));

	assert_int_equal(sar_complete(db, &board, s.id, "2026-01-30", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a request cannot be answered before it was received (31/01/2026)");
	assert_int_equal(sar_complete(db, &board, s.id, "2026-02-20", 1), DB_OK);
	assert_int_equal(sar_complete(db, &board, s.id, "2026-02-21", 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this request was already answered on 20/02/2026");
	assert_int_equal(sar_complete(db, &board, t.id, "2026-11-21", 7), DB_CONFLICT);
	assert_int_equal(sar_get(db, &board, s.id, &s), DB_OK);
	assert_string_equal(s.completed_on, "2026-02-20");
	assert_int_equal(s.overdue, 0);

	/* A member asks for their own record: received today. */
	struct subject_access mine = { 0 };
	mine.member_id = bob;
	strcpy(mine.received_on, "2020-01-01");
	assert_int_equal(sar_add(db, &ann_self, &mine), DB_OK);
	assert_int_equal(mine.member_id, ann);
	assert_string_equal(mine.received_on, "2026-11-22");
	assert_string_equal(mine.due_on, "2026-12-22");
	assert_int_equal(sar_get(db, &ann_self, s.id, &s), DB_NOTFOUND);
	assert_int_equal(sar_complete(db, &ann_self, mine.id, NULL, 1), DB_DENIED);
	set(db, "subject_access_months", "3");
	assert_int_equal(sar_get(db, &ann_self, mine.id, &mine), DB_OK);
	assert_string_equal(mine.due_on, "2027-02-22");

	struct subject_access rows[4];
	int n;
	assert_int_equal(sar_page(db, &board, COMPLAINTS_OLDEST_FIRST, 1, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].received_on, "2026-10-31");
	assert_int_equal(sar_page(db, &board, COMPLAINTS_NEWEST_FIRST, 0, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].id, mine.id);
	assert_int_equal(sar_page(db, &ann_self, COMPLAINTS_NEWEST_FIRST, 0, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(sar_page(db, NULL, COMPLAINTS_NEWEST_FIRST, 0, PAGE_FIRST, NULL, rows, 4, &n), DB_DENIED);
}

static int audit_rows(const char *path, const char *table, const char *actor)
{
	sqlite3 *c = NULL;
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(c, "SELECT count(*) FROM audit WHERE table_name = ?1 AND actor = ?2",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, actor, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	sqlite3_close(c);
	return n;
}

static void writes_leave_audit_rows_naming_the_user(void **state)
{
	(void)state;
	char path[64];
	struct db *db = test_db_file(path);
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Able");
	struct actor ann_self = test_member(ann);
	struct complaint c;
	memset(&c, 0, sizeof c);
	strcpy(c.subject, "From the kiosk");
	assert_int_equal(complaint_create(db, &ann_self, &c), DB_OK);
	assert_int_equal(audit_rows(path, "complaints", "test member"), 1);
	assert_int_equal(complaint_acknowledge(db, &board, c.id, NULL, 1), DB_OK);
	assert_int_equal(audit_rows(path, "complaints", "test board"), 1);
	assert_int_equal(complaint_acknowledge(db, &board, c.id, NULL, 2), DB_INVALID);
	assert_int_equal(audit_rows(path, "complaints", "test board"), 1);
	struct subject_access s = { 0 };
	assert_int_equal(sar_add(db, &ann_self, &s), DB_OK);
	assert_int_equal(audit_rows(path, "subject_access_requests", "test member"), 1);
	db_close(db);
	test_db_unlink(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(two_stages_with_deadlines_in_working_days, setup, teardown),
		cmocka_unit_test_setup_teardown(deadlines_skip_bank_holidays_and_follow_settings, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(members_see_and_make_their_own, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_and_the_open_filter, setup, teardown),
		cmocka_unit_test_setup_teardown(subject_access_due_in_a_month, setup, teardown),
		cmocka_unit_test(writes_leave_audit_rows_naming_the_user),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
