/* tests/unit/test_meetings.c: meetings, attendance, notice and quorum
 * (src/db/meetings.c). */
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

static int64_t add_member(struct db *db, const char *name, const char *entered)
{
	struct actor board = test_board();
	struct member m = { 0 };
	snprintf(m.name, sizeof m.name, "%s", name);
	strcpy(m.address, "1 Alder Street, Rochdale");
	strcpy(m.entered_on, entered);
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

static int64_t add_meeting(struct db *db, enum meeting_kind kind, const char *held_on,
			   const char *notice)
{
	struct actor board = test_board();
	struct meeting m = { 0 };
	m.kind = kind;
	snprintf(m.title, sizeof m.title, "Meeting on %s", held_on);
	strcpy(m.held_on, held_on);
	strcpy(m.notice_given_on, notice ? notice : "");
	assert_int_equal(meeting_create(db, &board, &m), DB_OK);
	return m.id;
}

static void set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	assert_int_equal(setting_set(db, &board, key, value, s.version), DB_OK);
}

static void create_and_read_back(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct meeting m = { 0 }, got;
	m.kind = MEETING_AGM;
	strcpy(m.title, "Annual general meeting 2026 — Zoë's year");
	strcpy(m.held_on, "2026-09-17");
	strcpy(m.place, "Community room, 2 Birch Row");
	strcpy(m.notice_given_on, "2026-08-20");
	assert_int_equal(meeting_create(db, &board, &m), DB_OK);
	assert_true(m.id > 0);
	assert_int_equal(strlen(m.uuid), 36);
	assert_string_equal(m.starts_at, "19:00");
	assert_int_equal(m.version, 1);
	assert_int_equal(meeting_get(db, &board, m.id, &got), DB_OK);
	assert_int_equal(got.kind, MEETING_AGM);
	assert_string_equal(got.title, "Annual general meeting 2026 — Zoë's year");
	assert_string_equal(got.held_on, "2026-09-17");
	assert_string_equal(got.starts_at, "19:00");
	assert_string_equal(got.place, "Community room, 2 Birch Row");
	assert_string_equal(got.notice_given_on, "2026-08-20");
	assert_int_equal(got.status, MEETING_PLANNED);
	assert_int_equal(got.present_at_start, -1);
	assert_int_equal(got.quorum_needed, 0);
	assert_int_equal(got.minutes_published, 0);
	assert_string_equal(meeting_status_name(got.status), "planned");
	assert_int_equal(meeting_get(db, &board, m.id + 99, &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such meeting");
}

static void bad_input_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct meeting m = { 0 };
	m.kind = MEETING_GENERAL;
	strcpy(m.title, "General meeting");
	strcpy(m.held_on, "2026-02-29");   /* not a leap year */
	assert_int_equal(meeting_create(db, &board, &m), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a meeting's date is a real date");

	strcpy(m.held_on, "2026-03-16");
	memset(m.title, 'x', 101);
	m.title[101] = '\0';
	assert_int_equal(meeting_create(db, &board, &m), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a meeting's title is 1 to 100 characters");
	strcpy(m.title, "   ");
	assert_int_equal(meeting_create(db, &board, &m), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a meeting's title is 1 to 100 characters");

	strcpy(m.title, "General meeting");
	strcpy(m.notice_given_on, "2026-03-17");
	assert_int_equal(meeting_create(db, &board, &m), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "notice is given on a real date, on or before the meeting");

	m.notice_given_on[0] = '\0';
	strcpy(m.starts_at, "7pm");
	assert_int_equal(meeting_create(db, &board, &m), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a start time is like 19:00");

	m.starts_at[0] = '\0';
	m.kind = (enum meeting_kind)7;
	assert_int_equal(meeting_create(db, &board, &m), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "a meeting is an AGM, a general meeting"));

	/* Nothing half-saved. */
	struct meeting_row rows[4];
	int n = -1;
	assert_int_equal(meeting_page(db, &board, MEETINGS_NEWEST_FIRST, PAGE_FIRST, NULL, rows, 4, &n),
			 DB_OK);
	assert_int_equal(n, 0);
}

static void notice_is_checked_in_clear_days(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor member = test_member(1);
	struct meeting m = { 0 };
	struct meeting_notice nc;
	m.kind = MEETING_GENERAL;
	strcpy(m.held_on, "2026-03-16");
	strcpy(m.notice_given_on, "2026-03-01");
	assert_int_equal(meeting_notice_check(db, &board, &m, &nc), DB_OK);
	assert_int_equal(nc.applies, 1);
	assert_int_equal(nc.required, 14);
	assert_int_equal(nc.clear_days, 14);
	assert_int_equal(nc.is_short, 0);
	assert_string_equal(nc.warning, "");

	strcpy(m.notice_given_on, "2026-03-02");
	assert_int_equal(meeting_notice_check(db, &board, &m, &nc), DB_OK);
	assert_int_equal(nc.clear_days, 13);
	assert_int_equal(nc.is_short, 1);
	assert_string_equal(nc.warning,
			    "short notice: only 13 clear days between the notice (2 March 2026)"
			    " and the meeting (16 March 2026); the rules ask for 14");
	/* Short notice is a warning, not a refusal. */
	strcpy(m.title, "Short-notice general meeting");
	assert_int_equal(meeting_create(db, &board, &m), DB_OK);

	m.notice_given_on[0] = '\0';
	assert_int_equal(meeting_notice_check(db, &board, &m, &nc), DB_OK);
	assert_int_equal(nc.is_short, 1);
	assert_string_equal(nc.warning,
			    "no notice of this meeting is recorded; the rules ask for 14 clear days");

	/* Board meetings are exempt. */
	m.kind = MEETING_BOARD;
	assert_int_equal(meeting_notice_check(db, &board, &m, &nc), DB_OK);
	assert_int_equal(nc.applies, 0);
	assert_int_equal(nc.is_short, 0);
	assert_string_equal(nc.warning, "");

	/* The number is the co-op's setting. */
	set(db, "notice_clear_days", "10");
	m.kind = MEETING_SPECIAL;
	strcpy(m.notice_given_on, "2026-03-02");
	assert_int_equal(meeting_notice_check(db, &board, &m, &nc), DB_OK);
	assert_int_equal(nc.required, 10);
	assert_int_equal(nc.is_short, 0);

	strcpy(m.notice_given_on, "2026-02-30");
	assert_int_equal(meeting_notice_check(db, &board, &m, &nc), DB_INVALID);
	assert_string_equal(db_errmsg(db), "notice is given on a real date, on or before the meeting");
	strcpy(m.held_on, "2026-02-29");
	assert_int_equal(meeting_notice_check(db, &board, &m, &nc), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a meeting's date is a real date");

	assert_int_equal(meeting_notice_check(db, &member, &m, &nc), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change meetings");
}

static void update_conflict_names_who(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = add_meeting(db, MEETING_GENERAL, "2026-05-20", "2026-05-01");
	struct meeting a, b;
	assert_int_equal(meeting_get(db, &board, id, &a), DB_OK);
	assert_int_equal(meeting_get(db, &board, id, &b), DB_OK);
	strcpy(a.place, "The Old School");
	strcpy(a.starts_at, "18:30");
	assert_int_equal(meeting_update(db, &board, &a), DB_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.place, "The Library");
	assert_int_equal(meeting_update(db, &board, &b), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "this meeting was changed by test board"));
	assert_int_equal(meeting_get(db, &board, id, &b), DB_OK);
	assert_string_equal(b.place, "The Old School");
	assert_string_equal(b.starts_at, "18:30");

	/* A cancelled meeting stays as it was. */
	assert_int_equal(meeting_cancel(db, &board, id, b.version), DB_OK);
	assert_int_equal(meeting_get(db, &board, id, &b), DB_OK);
	assert_int_equal(b.status, MEETING_CANCELLED);
	strcpy(b.place, "Elsewhere");
	assert_int_equal(meeting_update(db, &board, &b), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this meeting was cancelled; arrange a new meeting instead");
	assert_int_equal(meeting_cancel(db, &board, id, b.version), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this meeting is already cancelled");
	a.id = id + 50;
	assert_int_equal(meeting_update(db, &board, &a), DB_NOTFOUND);
}

static void cancel_only_what_was_not_held(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t alice = add_member(db, "Alice Archer", "2020-01-01");
	int64_t id = add_meeting(db, MEETING_BOARD, "2026-04-01", NULL);
	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(meeting_open(db, &board, id, NULL), DB_OK);
	struct meeting m;
	assert_int_equal(meeting_get(db, &board, id, &m), DB_OK);
	assert_int_equal(meeting_cancel(db, &board, id, m.version), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this meeting has been held and cannot be cancelled");
	assert_int_equal(meeting_cancel(db, &board, id, m.version - 1), DB_CONFLICT);
	int64_t later = add_meeting(db, MEETING_GENERAL, "2026-12-10", "2026-11-20");
	assert_int_equal(meeting_cancel(db, &board, later, 1), DB_OK);
	assert_int_equal(attendance_record(db, &board, later, alice, ATTENDANCE_AT_START, NULL),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "this meeting was cancelled; nobody attended it");
	assert_int_equal(meeting_open(db, &board, later, NULL), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this meeting was cancelled and cannot be opened");
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char day[32];
	for (int i = 0; i < 25; i++) {
		snprintf(day, sizeof day, "2025-%02d-%02d", 1 + i / 3, 1 + (i % 3) * 7);
		add_meeting(db, i % 5 ? MEETING_GENERAL : MEETING_BOARD, day, NULL);
	}
	/* Two on the same day: the id breaks the tie. */
	add_meeting(db, MEETING_GENERAL, "2025-01-01", NULL);
	struct meeting_row rows[10];
	struct page_key key;
	int n;
	assert_int_equal(meeting_page(db, &board, MEETINGS_NEWEST_FIRST, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].held_on, "2025-09-01");
	assert_string_equal(rows[9].held_on, "2025-06-01");
	meeting_row_key(&rows[9], &key);
	assert_int_equal(meeting_page(db, &board, MEETINGS_NEWEST_FIRST, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].held_on, "2025-05-15");
	meeting_row_key(&rows[9], &key);
	assert_int_equal(meeting_page(db, &board, MEETINGS_NEWEST_FIRST, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[4].held_on, "2025-01-01");
	assert_string_equal(rows[5].held_on, "2025-01-01");
	assert_true(rows[4].id > rows[5].id);
	meeting_row_key(&rows[0], &key);
	assert_int_equal(meeting_page(db, &board, MEETINGS_NEWEST_FIRST, PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].held_on, "2025-05-15");
	assert_string_equal(rows[9].held_on, "2025-02-15");

	assert_int_equal(meeting_page(db, &board, MEETINGS_OLDEST_FIRST, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_string_equal(rows[0].held_on, "2025-01-01");
	assert_string_equal(rows[1].held_on, "2025-01-01");
	assert_true(rows[0].id < rows[1].id);
	assert_int_equal(meeting_page(db, &board, MEETINGS_OLDEST_FIRST, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].held_on, "2025-09-01");
	assert_string_equal(rows[0].held_on, "2025-06-01");
	meeting_row_key(&rows[0], &key);
	assert_int_equal(meeting_page(db, &board, MEETINGS_OLDEST_FIRST, PAGE_BEFORE, &key, rows, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[2].held_on, "2025-05-15");
	assert_int_equal(meeting_page(db, &board, MEETINGS_OLDEST_FIRST, PAGE_AFTER, NULL, rows, 3, &n), DB_INVALID);
}

static void attendance_is_for_members_on_the_day(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t alice = add_member(db, "Alice Archer", "2020-01-01");
	int64_t bob = add_member(db, "Bob Baker", "2020-01-01");
	int64_t late = add_member(db, "Carys Late", "2026-04-01");
	int64_t gone = add_member(db, "Dev Gone", "2020-01-01");
	assert_int_equal(member_cease(db, &board, gone, "2026-03-16", "moved", 1), DB_OK);
	int64_t id = add_meeting(db, MEETING_GENERAL, "2026-03-16", "2026-03-01");

	assert_int_equal(attendance_record(db, &board, id, late, ATTENDANCE_AT_START, NULL), DB_INVALID);
	assert_string_equal(db_errmsg(db), "Carys Late was not a member on 16/03/2026, the day of the meeting");
	assert_int_equal(attendance_record(db, &board, id, gone, ATTENDANCE_AT_START, NULL), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "Dev Gone was not a member"));
	assert_int_equal(attendance_record(db, &board, id, 999, ATTENDANCE_AT_START, NULL), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such member");
	assert_int_equal(attendance_record(db, &board, id + 9, alice, ATTENDANCE_AT_START, NULL), DB_NOTFOUND);

	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_ARRIVED, "19:10"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member is already recorded as present at this meeting");
	assert_int_equal(attendance_record(db, &board, id, bob, ATTENDANCE_LEFT, "20:00"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member is not recorded as present, so cannot have left");
	assert_int_equal(attendance_record(db, &board, id, bob, ATTENDANCE_ARRIVED, "25:00"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a time is like 19:40");
	assert_int_equal(attendance_record(db, &board, id, bob, ATTENDANCE_ARRIVED, "19:40"), DB_OK);
	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_LEFT, "20:45"), DB_OK);
	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_LEFT, "20:50"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member is already recorded as having left");

	struct attendance_row rows[5];
	int n;
	assert_int_equal(attendance_list(db, &board, id, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].name, "Alice Archer");
	assert_int_equal(rows[0].present_at_start, 1);
	assert_string_equal(rows[0].left_at, "20:45");
	assert_string_equal(rows[1].name, "Bob Baker");
	assert_int_equal(rows[1].present_at_start, 0);
	assert_string_equal(rows[1].arrived_at, "19:40");
	assert_string_equal(rows[1].left_at, "");
}

static void quorum_from_the_register_on_the_day(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor sys = actor_system("setup");
	int64_t ids[120];
	char name[40];
	assert_int_equal(db_begin(db, &sys), DB_OK);
	for (int i = 0; i < 120; i++) {
		snprintf(name, sizeof name, "Member %03d", i);
		ids[i] = add_member(db, name, "2020-01-01");
	}
	int64_t ceased = add_member(db, "Former Member", "2019-01-01");
	add_member(db, "Joined Later", "2026-06-01");
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(member_cease(db, &board, ceased, "2025-12-31", "left", 1), DB_OK);

	int64_t agm = add_meeting(db, MEETING_AGM, "2026-03-16", "2026-03-01");
	for (int i = 0; i < 11; i++)
		assert_int_equal(attendance_record(db, &board, agm, ids[i], ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(attendance_record(db, &board, agm, ids[11], ATTENDANCE_ARRIVED, "19:30"), DB_OK);
	struct meeting_quorum q;
	assert_int_equal(meeting_open(db, &board, agm, &q), DB_OK);
	assert_int_equal(q.applies, 1);
	assert_int_equal(q.members, 120);
	assert_int_equal(q.needed, 12);      /* 10% of 120 beats 5 */
	assert_int_equal(q.present, 11);     /* the late arrival does not count at the start */
	assert_int_equal(q.quorate, 0);
	struct meeting m;
	assert_int_equal(meeting_get(db, &board, agm, &m), DB_OK);
	assert_int_equal(m.status, MEETING_HELD);
	assert_int_equal(m.quorum_needed, 12);
	assert_int_equal(m.present_at_start, 11);

	/* One more at the start, opened again: quorate. */
	assert_int_equal(attendance_record(db, &board, agm, ids[12], ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(meeting_open(db, &board, agm, &q), DB_OK);
	assert_int_equal(q.present, 12);
	assert_int_equal(q.quorate, 1);

	/* The setting's numbers, not literals: 20 members or 5%. */
	set(db, "quorum_min_members", "20");
	set(db, "quorum_percent", "5");
	assert_int_equal(meeting_open(db, &board, agm, &q), DB_OK);
	assert_int_equal(q.needed, 20);
	assert_int_equal(q.quorate, 0);

	/* A board meeting has no member quorum. */
	int64_t bm = add_meeting(db, MEETING_BOARD, "2026-03-20", NULL);
	assert_int_equal(attendance_record(db, &board, bm, ids[0], ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(meeting_open(db, &board, bm, &q), DB_OK);
	assert_int_equal(q.applies, 0);
	assert_int_equal(q.needed, 0);
	assert_int_equal(q.present, 1);
	assert_int_equal(q.quorate, 1);

	/* Not before the day (today is 2026-11-22 in these tests). */
	int64_t future = add_meeting(db, MEETING_GENERAL, "2026-12-01", "2026-11-16");
	assert_int_equal(meeting_open(db, &board, future, &q), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this meeting is on 01/12/2026; it cannot be opened before that day");
}

static void minutes_hidden_until_published(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t alice = add_member(db, "Alice Archer", "2020-01-01");
	int64_t bob = add_member(db, "Bob Baker", "2020-01-01");
	struct actor member = test_member(alice);
	struct actor volunteer = test_volunteer(bob);
	int64_t id = add_meeting(db, MEETING_GENERAL, "2026-06-10", "2026-05-20");
	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(attendance_record(db, &board, id, bob, ATTENDANCE_AT_START, NULL), DB_OK);
	char buf[200];
	struct meeting m;
	assert_int_equal(meeting_publish_minutes(db, &board, id, 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "only the minutes of a meeting that was held can be published");
	assert_int_equal(meeting_open(db, &board, id, NULL), DB_OK);
	assert_int_equal(meeting_publish_minutes(db, &board, id, 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "there are no minutes to publish; write them first");
	assert_int_equal(meeting_minutes_set(db, &board, id, "Present: 2. The chair opened the meeting.", 1),
			 DB_CONFLICT);
	assert_int_equal(meeting_minutes_set(db, &board, id, "Present: 2. The chair opened the meeting.", 2),
			 DB_OK);

	/* Unpublished: members and volunteers see nothing, not even that it exists. */
	assert_int_equal(meeting_get(db, &member, id, &m), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such meeting");
	assert_int_equal(meeting_minutes_get(db, &member, id, buf, sizeof buf), DB_NOTFOUND);
	assert_int_equal(meeting_minutes_get(db, &volunteer, id, buf, sizeof buf), DB_NOTFOUND);
	struct meeting_row rows[4];
	int n;
	assert_int_equal(meeting_page(db, &member, MEETINGS_NEWEST_FIRST, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 0);
	struct attendance_row att[4];
	assert_int_equal(attendance_list(db, &member, id, att, 4, &n), DB_NOTFOUND);
	assert_int_equal(meeting_minutes_get(db, &board, id, buf, sizeof buf), DB_OK);
	assert_string_equal(buf, "Present: 2. The chair opened the meeting.");
	assert_int_equal(meeting_minutes_get(db, &board, id, buf, 8), DB_INVALID);

	assert_int_equal(meeting_publish_minutes(db, &member, id, 3), DB_DENIED);
	assert_int_equal(meeting_publish_minutes(db, &board, id, 3), DB_OK);
	assert_int_equal(meeting_get(db, &member, id, &m), DB_OK);
	assert_int_equal(m.minutes_published, 1);
	assert_int_equal(meeting_minutes_get(db, &member, id, buf, sizeof buf), DB_OK);
	assert_string_equal(buf, "Present: 2. The chair opened the meeting.");
	assert_int_equal(meeting_minutes_get(db, &volunteer, id, buf, sizeof buf), DB_OK);
	assert_int_equal(meeting_page(db, &volunteer, MEETINGS_OLDEST_FIRST, PAGE_FIRST, NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	/* Of the attendance, a member sees their own line only. */
	assert_int_equal(attendance_list(db, &member, id, att, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(att[0].member_id, alice);
	assert_int_equal(attendance_list(db, &board, id, att, 4, &n), DB_OK);
	assert_int_equal(n, 2);

	/* Published minutes are not changed. */
	assert_int_equal(meeting_minutes_set(db, &board, id, "Rewritten", 4), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "the minutes are published and are not changed"));
	assert_int_equal(meeting_publish_minutes(db, &board, id, 4), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the minutes are already published");
	/* Nor are the figures they record. */
	int64_t cara = add_member(db, "Cara Cole", "2020-01-01");
	assert_int_equal(attendance_record(db, &board, id, cara, ATTENDANCE_ARRIVED, "19:50"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the minutes of this meeting are published; its attendance is not changed");
	assert_int_equal(meeting_open(db, &board, id, NULL), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "its quorum is not worked out again"));
}

static void proxies_only_when_the_rules_allow(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t alice = add_member(db, "Alice Archer", "2020-01-01");
	int64_t bob = add_member(db, "Bob Baker", "2020-01-01");
	int64_t cara = add_member(db, "Cara Cole", "2020-01-01");
	int64_t dan = add_member(db, "Dan Dale", "2020-01-01");
	int64_t id = add_meeting(db, MEETING_GENERAL, "2026-06-10", "2026-05-20");
	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(attendance_record(db, &board, id, bob, ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(attendance_set_proxy(db, &board, id, alice, cara), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the co-op's rules do not allow voting by proxy");
	set(db, "proxies_allowed", "1");
	assert_int_equal(attendance_set_proxy(db, &board, id, alice, bob), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member attended this meeting, so votes in person");
	assert_int_equal(attendance_set_proxy(db, &board, id, alice, alice), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a member cannot hold their own proxy");
	assert_int_equal(attendance_set_proxy(db, &board, id, dan, cara), DB_INVALID);
	assert_string_equal(db_errmsg(db), "only a member present at the meeting may hold a proxy");
	assert_int_equal(attendance_set_proxy(db, &board, id, alice, cara), DB_OK);
	assert_int_equal(attendance_set_proxy(db, &board, id, bob, cara), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member's proxy is already held by someone else");
	assert_int_equal(attendance_set_proxy(db, &board, id, bob, dan), DB_OK);
	struct attendance_row rows[4];
	int n;
	assert_int_equal(attendance_list(db, &board, id, rows, 4, &n), DB_OK);
	assert_int_equal(rows[0].proxy_for, cara);
	assert_int_equal(rows[1].proxy_for, dan);
	assert_int_equal(attendance_set_proxy(db, &board, id, bob, 0), DB_OK);
	assert_int_equal(attendance_list(db, &board, id, rows, 4, &n), DB_OK);
	assert_int_equal(rows[1].proxy_for, 0);
}

static void every_role_allowed_or_refused(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t alice = add_member(db, "Alice Archer", "2020-01-01");
	struct actor member = test_member(alice);
	struct actor volunteer = test_volunteer(alice);
	struct actor unlinked = test_member(0);
	int64_t id = add_meeting(db, MEETING_GENERAL, "2026-06-10", "2026-05-20");
	struct meeting m = { 0 };
	m.kind = MEETING_GENERAL;
	strcpy(m.title, "Members' own meeting");
	strcpy(m.held_on, "2026-07-01");
	assert_int_equal(meeting_create(db, &member, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change meetings");
	assert_int_equal(meeting_create(db, &volunteer, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change meetings");
	assert_int_equal(meeting_create(db, NULL, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not change meetings");
	assert_int_equal(meeting_get(db, NULL, id, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see meetings");
	assert_int_equal(meeting_get(db, &unlinked, id, &m), DB_DENIED);
	struct meeting_row rows[2];
	int n;
	assert_int_equal(meeting_page(db, NULL, MEETINGS_NEWEST_FIRST, PAGE_FIRST, NULL, rows, 2, &n), DB_DENIED);
	assert_int_equal(meeting_get(db, &member, id, &m), DB_NOTFOUND);
	assert_int_equal(meeting_get(db, &board, id, &m), DB_OK);
	assert_int_equal(meeting_update(db, &volunteer, &m), DB_DENIED);
	assert_int_equal(meeting_cancel(db, &member, id, 1), DB_DENIED);
	assert_int_equal(attendance_record(db, &member, id, alice, ATTENDANCE_AT_START, NULL), DB_DENIED);
	assert_int_equal(attendance_record(db, &volunteer, id, alice, ATTENDANCE_AT_START, NULL), DB_DENIED);
	assert_int_equal(attendance_set_proxy(db, NULL, id, alice, 0), DB_DENIED);
	assert_int_equal(meeting_open(db, &volunteer, id, NULL), DB_DENIED);
	assert_int_equal(meeting_minutes_set(db, &member, id, "x", 1), DB_DENIED);
	char buf[8];
	assert_int_equal(meeting_minutes_get(db, NULL, id, buf, sizeof buf), DB_DENIED);
	struct attendance_row att[2];
	assert_int_equal(attendance_list(db, NULL, id, att, 2, &n), DB_DENIED);
	/* The command line may do everything. */
	struct actor sys = actor_system("cli");
	assert_int_equal(attendance_record(db, &sys, id, alice, ATTENDANCE_AT_START, NULL), DB_OK);
}

/* Audit rows for `table` naming `actor`, read from the file directly. */
static int audit_rows(const char *path, const char *table, const char *action, const char *actor)
{
	sqlite3 *c = NULL;
	sqlite3_stmt *st = NULL;
	int n = -1;
	if (sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(c, "SELECT count(*) FROM audit WHERE table_name = ?1 AND action = ?2"
			       " AND actor = ?3", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, actor, -1, SQLITE_STATIC);
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
	int64_t alice = add_member(db, "Alice Archer", "2020-01-01");
	int64_t id = add_meeting(db, MEETING_GENERAL, "2026-06-10", "2026-05-20");
	assert_int_equal(audit_rows(path, "meetings", "insert", "test board"), 1);
	assert_int_equal(attendance_record(db, &board, id, alice, ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(audit_rows(path, "attendance", "insert", "test board"), 1);
	assert_int_equal(meeting_open(db, &board, id, NULL), DB_OK);
	assert_int_equal(audit_rows(path, "meetings", "update", "test board"), 1);
	/* A refused write leaves nothing. */
	struct actor member = test_member(alice);
	assert_int_equal(meeting_cancel(db, &member, id, 2), DB_DENIED);
	assert_int_equal(meeting_cancel(db, &board, id, 2), DB_INVALID);
	assert_int_equal(audit_rows(path, "meetings", "update", "test board"), 1);
	db_close(db);
	test_db_unlink(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(notice_is_checked_in_clear_days, setup, teardown),
		cmocka_unit_test_setup_teardown(update_conflict_names_who, setup, teardown),
		cmocka_unit_test_setup_teardown(cancel_only_what_was_not_held, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(attendance_is_for_members_on_the_day, setup, teardown),
		cmocka_unit_test_setup_teardown(quorum_from_the_register_on_the_day, setup, teardown),
		cmocka_unit_test_setup_teardown(minutes_hidden_until_published, setup, teardown),
		cmocka_unit_test_setup_teardown(proxies_only_when_the_rules_allow, setup, teardown),
		cmocka_unit_test_setup_teardown(every_role_allowed_or_refused, setup, teardown),
		cmocka_unit_test(writes_leave_audit_rows_naming_the_user),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
