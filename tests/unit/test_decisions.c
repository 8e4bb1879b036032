/* tests/unit/test_decisions.c: board decisions, actions, participation
 * (src/db/decisions.c). */
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

#include "coopdesk/decisions.h"
#include "coopdesk/meetings.h"
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

static struct decision decide(struct db *db, const char *on, const char *title)
{
	struct actor board = test_board();
	struct decision d = { 0 };
	strcpy(d.decided_on, on);
	snprintf(d.title, sizeof d.title, "%s", title);
	strcpy(d.text, "Agreed by the board.");
	assert_int_equal(decision_add(db, &board, &d), DB_OK);
	return d;
}

static int64_t add_action(struct db *db, int64_t decision, const char *what, const char *due,
			  int64_t owner)
{
	struct actor board = test_board();
	struct decision_action a = { 0 };
	a.decision_id = decision;
	snprintf(a.description, sizeof a.description, "%s", what);
	strcpy(a.due_on, due);
	a.owner_member = owner;
	assert_int_equal(decision_action_add(db, &board, &a), DB_OK);
	return a.id;
}

static void set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	assert_int_equal(setting_set(db, &board, key, value, s.version), DB_OK);
}

static void decisions_are_numbered_per_year(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct decision a = decide(db, "2026-01-05", "Adopt the repairs policy");
	struct decision b = decide(db, "2026-03-01", "Appoint the auditor");
	struct decision c = decide(db, "2025-12-31", "Set the rents for 2026");
	struct decision d = decide(db, "2026-06-01", "Buy a new mower");
	assert_int_equal(a.year, 2026);
	assert_int_equal(a.number, 1);
	assert_int_equal(b.number, 2);
	assert_int_equal(c.year, 2025);
	assert_int_equal(c.number, 1);
	assert_int_equal(d.number, 3);
	assert_int_equal(strlen(d.uuid), 36);
	char ref[16];
	decision_ref(d.year, d.number, ref, sizeof ref);
	assert_string_equal(ref, "2026/3");
	struct decision got;
	assert_int_equal(decision_get(db, &board, b.id, &got), DB_OK);
	assert_string_equal(got.title, "Appoint the auditor");
	assert_string_equal(got.decided_on, "2026-03-01");
	assert_int_equal(got.number, 2);
	assert_int_equal(got.version, 1);
	assert_int_equal(decision_get(db, &board, 999, &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such decision");
}

static void bad_input_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct decision d = { 0 };
	strcpy(d.title, "Leap day");
	strcpy(d.decided_on, "2026-02-29");
	assert_int_equal(decision_add(db, &board, &d), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a decision's date is a real date");
	assert_int_equal(d.id, 0);
	strcpy(d.decided_on, "29/02/2026");
	assert_int_equal(decision_add(db, &board, &d), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a decision's date is a real date");
	strcpy(d.decided_on, "2026-12-01");   /* after today, 2026-11-22 */
	assert_int_equal(decision_add(db, &board, &d), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a decision cannot be dated in the future");
	strcpy(d.decided_on, "2026-02-28");
	memset(d.title, 'x', 101);
	d.title[101] = '\0';
	assert_int_equal(decision_add(db, &board, &d), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a decision's title is 1 to 100 characters");
	strcpy(d.title, "Fine");
	d.meeting_id = 77;
	assert_int_equal(decision_add(db, &board, &d), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "refers to a record that does not exist"));
	/* The refusals used no numbers. */
	d.meeting_id = 0;
	assert_int_equal(decision_add(db, &board, &d), DB_OK);
	assert_int_equal(d.number, 1);

	struct decision_action a = { 0 };
	a.decision_id = d.id;
	strcpy(a.description, "Tell the members");
	strcpy(a.due_on, "2026-02-30");
	assert_int_equal(decision_action_add(db, &board, &a), DB_INVALID);
	assert_string_equal(db_errmsg(db), "an action's due date must be a real date (2026-02-30: February 2026 has 28 days)");
	a.due_on[0] = '\0';
	a.description[0] = '\0';
	assert_int_equal(decision_action_add(db, &board, &a), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an action is 1 to 200 characters");
}

static void update_keeps_number_and_names_who(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct decision d = decide(db, "2026-04-01", "Fence repairs");
	struct decision a, b;
	assert_int_equal(decision_get(db, &board, d.id, &a), DB_OK);
	assert_int_equal(decision_get(db, &board, d.id, &b), DB_OK);
	strcpy(a.text, "Agreed: replace the fence on Birch Row, up to £2,000.");
	strcpy(a.decided_on, "2025-01-01");   /* not changed by an update */
	assert_int_equal(decision_update(db, &board, &a), DB_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.text, "Something else");
	assert_int_equal(decision_update(db, &board, &b), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "this decision was changed by test board"));
	assert_int_equal(decision_get(db, &board, d.id, &b), DB_OK);
	assert_string_equal(b.text, "Agreed: replace the fence on Birch Row, up to £2,000.");
	assert_string_equal(b.decided_on, "2026-04-01");
	assert_int_equal(b.year, 2026);
	assert_int_equal(b.number, 1);
	b.id = 999;
	assert_int_equal(decision_update(db, &board, &b), DB_NOTFOUND);
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char day[32], title[32];
	for (int i = 0; i < 15; i++) {
		snprintf(day, sizeof day, "2026-%02d-%02d", 1 + i / 2, 1 + (i % 2) * 10);
		snprintf(title, sizeof title, "Decision %02d", i);
		decide(db, day, title);
	}
	struct decision_row rows[6];
	struct page_key key;
	int n;
	assert_int_equal(decision_page(db, &board, DECISIONS_NEWEST_FIRST, PAGE_FIRST, NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].title, "Decision 14");
	assert_int_equal(rows[0].number, 15);
	decision_row_key(&rows[5], &key);
	assert_int_equal(decision_page(db, &board, DECISIONS_NEWEST_FIRST, PAGE_AFTER, &key, rows, 6, &n), DB_OK);
	assert_string_equal(rows[0].title, "Decision 08");
	decision_row_key(&rows[0], &key);
	assert_int_equal(decision_page(db, &board, DECISIONS_NEWEST_FIRST, PAGE_BEFORE, &key, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].title, "Decision 14");
	assert_string_equal(rows[5].title, "Decision 09");
	assert_int_equal(decision_page(db, &board, DECISIONS_OLDEST_FIRST, PAGE_LAST, NULL, rows, 6, &n), DB_OK);
	assert_string_equal(rows[5].title, "Decision 14");
	assert_string_equal(rows[0].title, "Decision 09");
	decision_row_key(&rows[0], &key);
	assert_int_equal(decision_page(db, &board, DECISIONS_OLDEST_FIRST, PAGE_BEFORE, &key, rows, 6, &n), DB_OK);
	assert_string_equal(rows[0].title, "Decision 03");
	assert_int_equal(decision_page(db, &board, DECISIONS_OLDEST_FIRST, PAGE_FIRST, NULL, rows, 6, &n), DB_OK);
	assert_string_equal(rows[0].title, "Decision 00");
	assert_int_equal(rows[0].open_actions, 0);
}

static void actions_open_by_due_date(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t owner = add_member(db, "Olu Owner");
	struct decision d = decide(db, "2026-05-01", "Garden day");
	struct decision e = decide(db, "2026-06-01", "New noticeboard");
	int64_t a1 = add_action(db, d.id, "Book the skip", "2026-06-10", owner);
	int64_t a2 = add_action(db, d.id, "Tell the members", "2026-05-20", 0);
	int64_t a3 = add_action(db, e.id, "Get three quotes", "", owner);
	int64_t a4 = add_action(db, e.id, "Order the board", "2026-07-01", 0);
	int64_t a5 = add_action(db, e.id, "Put it up", "2026-07-01", 0);

	struct action_row rows[6];
	struct page_key key;
	int n;
	assert_int_equal(decision_action_page_open(db, &board, PAGE_FIRST, NULL, rows, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].id, a3);          /* no due date comes first */
	assert_string_equal(rows[0].due_on, "");
	assert_string_equal(rows[0].owner_name, "Olu Owner");
	assert_int_equal(rows[1].id, a2);
	assert_int_equal(rows[1].year, 2026);
	assert_int_equal(rows[1].number, 1);
	assert_int_equal(rows[2].id, a1);
	action_row_key(&rows[2], &key);
	assert_int_equal(decision_action_page_open(db, &board, PAGE_AFTER, &key, rows, 3, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, a4);
	assert_int_equal(rows[1].id, a5);
	action_row_key(&rows[0], &key);
	assert_int_equal(decision_action_page_open(db, &board, PAGE_BEFORE, &key, rows, 2, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, a2);
	assert_int_equal(rows[1].id, a1);
	action_row_key(&rows[0], &key);
	assert_int_equal(decision_action_page_open(db, &board, PAGE_BEFORE, &key, rows, 2, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, a3);

	/* Done: off the open list. */
	assert_int_equal(decision_action_complete(db, &board, a2, "2026-04-30", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "an action cannot be done before its decision was made (01/05/2026)");
	assert_int_equal(decision_action_complete(db, &board, a2, "2026-11-23", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "an action cannot be done in the future");
	assert_int_equal(decision_action_complete(db, &board, a2, "2026-05-32", 1), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "the date an action was done must be a real date"));
	assert_int_equal(decision_action_complete(db, &board, a2, "2026-05-18", 2), DB_CONFLICT);
	assert_int_equal(decision_action_complete(db, &board, a2, "2026-05-18", 1), DB_OK);
	assert_int_equal(decision_action_complete(db, &board, a2, "2026-05-19", 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this action is already done");
	assert_int_equal(decision_action_complete(db, &board, 999, "2026-05-19", 1), DB_NOTFOUND);
	assert_int_equal(decision_action_page_open(db, &board, PAGE_LAST, NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(rows[3].id, a5);
	assert_int_equal(decision_action_list(db, &board, d.id, rows, 6, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[1].done_on, "2026-05-18");
	struct decision_row drows[4];
	assert_int_equal(decision_page(db, &board, DECISIONS_OLDEST_FIRST, PAGE_FIRST, NULL, drows, 4, &n), DB_OK);
	assert_int_equal(drows[0].open_actions, 1);
	assert_int_equal(drows[1].open_actions, 3);
}

static int64_t general_meeting(struct db *db, const char *day, enum meeting_kind kind,
			       const int64_t *present, int n)
{
	struct actor board = test_board();
	struct meeting m = { 0 };
	m.kind = kind;
	strcpy(m.title, "A meeting");
	strcpy(m.held_on, day);
	assert_int_equal(meeting_create(db, &board, &m), DB_OK);
	for (int i = 0; i < n; i++)
		assert_int_equal(attendance_record(db, &board, m.id, present[i], ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(meeting_open(db, &board, m.id, NULL), DB_OK);
	return m.id;
}

static void participation_and_the_year(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Active");
	int64_t ben = add_member(db, "Ben Busy");
	struct actor ann_self = test_member(ann);
	struct actor ben_vol = test_volunteer(ben);
	int64_t both[] = { ann, ben };
	int64_t agm = general_meeting(db, "2026-03-16", MEETING_AGM, both, 2);
	int64_t gm = general_meeting(db, "2026-06-16", MEETING_GENERAL, &ben, 1);
	general_meeting(db, "2026-07-01", MEETING_BOARD, &ann, 1);
	general_meeting(db, "2025-09-01", MEETING_GENERAL, &ann, 1);

	struct participation p = { 0 };
	p.member_id = ann;
	p.kind = PARTICIPATION_MEETING;
	p.meeting_id = gm;         /* Ann was there, though not on the register */
	assert_int_equal(participation_add(db, &board, &p), DB_OK);
	assert_string_equal(p.on_date, "2026-06-16");
	memset(&p, 0, sizeof p);
	p.member_id = ann;
	p.kind = PARTICIPATION_VOLUNTEERING;
	strcpy(p.on_date, "2026-05-02");
	p.minutes = 150;
	strcpy(p.note, "Garden day");
	assert_int_equal(participation_add(db, &board, &p), DB_OK);
	p.minutes = 1441;
	assert_int_equal(participation_add(db, &board, &p), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "time given is between 0 and 24 hours a record");
	p.minutes = 60;
	strcpy(p.on_date, "2026-11-30");
	assert_int_equal(participation_add(db, &board, &p), DB_INVALID);
	assert_string_equal(db_errmsg(db), "participation cannot be recorded in the future");
	strcpy(p.on_date, "2026-02-29");
	assert_int_equal(participation_add(db, &board, &p), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date of participation must be a real date (2026-02-29: February 2026 has 28 days)");
	strcpy(p.on_date, "2019-12-31");
	assert_int_equal(participation_add(db, &board, &p), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date of participation is before they were entered"
			    " on the register (01/01/2020)");
	strcpy(p.on_date, "2025-10-10");
	p.kind = (enum participation_kind)9;
	assert_int_equal(participation_add(db, &board, &p), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "participation is a meeting, volunteering"));
	assert_string_equal(participation_kind_name(p.kind), "?");
	assert_string_equal(participation_kind_name(PARTICIPATION_COMMITTEE), "committee");
	p.kind = PARTICIPATION_TRAINING;
	assert_int_equal(participation_add(db, &board, &p), DB_OK);
	assert_int_equal(participation_add(db, &ann_self, &p), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change participation records");
	/* A volunteer records their own hours, and nobody else's. */
	assert_int_equal(participation_add(db, &ben_vol, &p), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may record only their own participation");
	struct participation mine = { 0 };
	mine.member_id = ben;
	mine.kind = PARTICIPATION_VOLUNTEERING;
	strcpy(mine.on_date, "2026-05-09");
	mine.minutes = 90;
	assert_int_equal(participation_add(db, &ben_vol, &mine), DB_OK);

	struct participation_year y;
	assert_int_equal(participation_year(db, &board, ann, 2026, &y), DB_OK);
	assert_int_equal(y.meetings_attended, 2);    /* the AGM and the GM; not the board */
	assert_int_equal(y.meetings_expected, 0);
	assert_int_equal(y.minutes_expected, 0);
	assert_int_equal(y.meetings_met, 1);         /* nothing expected: met */
	assert_int_equal(y.hours_met, 1);
	assert_int_equal(y.meets_expectation, 1);
	assert_int_equal(y.minutes_given, 150);
	set(db, "meetings_expected_per_year", "3");
	assert_int_equal(participation_year(db, &ann_self, ann, 2026, &y), DB_OK);
	assert_int_equal(y.meetings_expected, 3);
	assert_int_equal(y.meetings_met, 0);
	assert_int_equal(y.hours_met, 1);
	assert_int_equal(y.meets_expectation, 0);
	/* Ann's 2 meetings and 2.5 hours: the meetings met but not 3 hours... */
	set(db, "meetings_expected_per_year", "2");
	set(db, "hours_expected_per_year", "3");
	assert_int_equal(participation_year(db, &board, ann, 2026, &y), DB_OK);
	assert_int_equal(y.meetings_expected, 2);
	assert_int_equal(y.minutes_expected, 180);
	assert_int_equal(y.meetings_met, 1);
	assert_int_equal(y.hours_met, 0);
	assert_int_equal(y.meets_expectation, 0);
	/* ...2 hours but not 3 meetings... */
	set(db, "meetings_expected_per_year", "3");
	set(db, "hours_expected_per_year", "2");
	assert_int_equal(participation_year(db, &board, ann, 2026, &y), DB_OK);
	assert_int_equal(y.minutes_expected, 120);
	assert_int_equal(y.meetings_met, 0);
	assert_int_equal(y.hours_met, 1);
	assert_int_equal(y.meets_expectation, 0);
	/* ...and both, the meetings exactly. */
	set(db, "meetings_expected_per_year", "2");
	assert_int_equal(participation_year(db, &board, ann, 2026, &y), DB_OK);
	assert_int_equal(y.meetings_met, 1);
	assert_int_equal(y.hours_met, 1);
	assert_int_equal(y.meets_expectation, 1);
	/* Hours only: Ben's 2 meetings meet nothing asked, his 1.5 hours fall short. */
	set(db, "meetings_expected_per_year", "0");
	assert_int_equal(participation_year(db, &board, ben, 2026, &y), DB_OK);
	assert_int_equal(y.meetings_met, 1);
	assert_int_equal(y.minutes_given, 90);
	assert_int_equal(y.hours_met, 0);
	assert_int_equal(y.meets_expectation, 0);
	set(db, "hours_expected_per_year", "0");
	assert_int_equal(participation_year(db, &board, ann, 2025, &y), DB_OK);
	assert_int_equal(y.meetings_attended, 1);
	assert_int_equal(y.minutes_given, 60);
	assert_int_equal(participation_year(db, &board, ben, 2026, &y), DB_OK);
	assert_int_equal(y.meetings_attended, 2);
	assert_int_equal(participation_year(db, &board, ann, 1800, &y), DB_INVALID);
	/* A member sees their own only; another's is not there. */
	assert_int_equal(participation_year(db, &ben_vol, ann, 2026, &y), DB_NOTFOUND);
	assert_int_equal(participation_year(db, NULL, ann, 2026, &y), DB_DENIED);
	(void)agm;

	struct participation rows[5];
	struct page_key key;
	int n;
	assert_int_equal(participation_page(db, &ann_self, ann, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].on_date, "2026-06-16");
	assert_int_equal(rows[0].kind, PARTICIPATION_MEETING);
	assert_string_equal(rows[1].note, "Garden day");
	participation_row_key(&rows[1], &key);
	assert_int_equal(participation_page(db, &board, ann, PAGE_AFTER, &key, rows, 2, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].kind, PARTICIPATION_TRAINING);
	assert_int_equal(participation_page(db, &board, ann, PAGE_LAST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[2].on_date, "2025-10-10");
	assert_int_equal(participation_page(db, &ann_self, ben, PAGE_FIRST, NULL, rows, 5, &n), DB_NOTFOUND);
	assert_int_equal(participation_page(db, &ben_vol, ben, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);   /* the hours Ben recorded himself */
	assert_int_equal(rows[0].minutes, 90);
}

static void decisions_are_the_boards_alone(void **state)
{
	struct db *db = *state;
	int64_t ann = add_member(db, "Ann Active");
	struct actor member = test_member(ann);
	struct actor volunteer = test_volunteer(ann);
	struct decision d = decide(db, "2026-04-01", "Confidential arrears policy");
	int64_t a = add_action(db, d.id, "Write to tenants", "2026-05-01", 0);
	struct decision got = d;
	struct decision_row rows[2];
	struct action_row arows[2];
	int n;
	assert_int_equal(decision_get(db, &member, d.id, &got), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see board decisions");
	assert_int_equal(decision_get(db, &volunteer, d.id, &got), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not see board decisions");
	assert_int_equal(decision_get(db, NULL, d.id, &got), DB_DENIED);
	assert_int_equal(decision_add(db, &member, &got), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change board decisions");
	assert_int_equal(decision_update(db, &volunteer, &got), DB_DENIED);
	assert_int_equal(decision_page(db, &member, DECISIONS_NEWEST_FIRST, PAGE_FIRST, NULL, rows, 2, &n), DB_DENIED);
	assert_int_equal(decision_action_list(db, &volunteer, d.id, arows, 2, &n), DB_DENIED);
	assert_int_equal(decision_action_page_open(db, NULL, PAGE_FIRST, NULL, arows, 2, &n), DB_DENIED);
	assert_int_equal(decision_action_complete(db, &member, a, "2026-04-02", 1), DB_DENIED);
	struct decision_action act = { 0 };
	act.decision_id = d.id;
	strcpy(act.description, "x");
	assert_int_equal(decision_action_add(db, &volunteer, &act), DB_DENIED);
	struct actor sys = actor_system("cli");
	assert_int_equal(decision_get(db, &sys, d.id, &got), DB_OK);
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
	struct decision d = decide(db, "2026-04-01", "Audited");
	assert_int_equal(audit_rows(path, "decisions", "test board"), 1);
	int64_t a = add_action(db, d.id, "Do it", "2026-05-01", 0);
	assert_int_equal(decision_action_complete(db, &board, a, "2026-04-20", 1), DB_OK);
	assert_int_equal(audit_rows(path, "decision_actions", "test board"), 2);
	assert_int_equal(decision_action_complete(db, &board, a, "2026-04-21", 2), DB_INVALID);
	assert_int_equal(audit_rows(path, "decision_actions", "test board"), 2);
	db_close(db);
	test_db_unlink(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(decisions_are_numbered_per_year, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(update_keeps_number_and_names_who, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(actions_open_by_due_date, setup, teardown),
		cmocka_unit_test_setup_teardown(participation_and_the_year, setup, teardown),
		cmocka_unit_test_setup_teardown(decisions_are_the_boards_alone, setup, teardown),
		cmocka_unit_test(writes_leave_audit_rows_naming_the_user),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
