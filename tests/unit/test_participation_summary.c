/* tests/unit/test_participation_summary.c: a year's participation member
 * by member (src/db/participation_summary.c), checked against
 * participation_year for each member. Today is 2026-11-22. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
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

static int64_t add_member(struct db *db, const char *name, const char *entered,
			  const char *ceased)
{
	struct actor board = test_board();
	struct member m = { 0 };
	snprintf(m.name, sizeof m.name, "%s", name);
	strcpy(m.address, "1 Alder Street, Rochdale");
	strcpy(m.entered_on, entered);
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	if (ceased)
		assert_int_equal(member_cease(db, &board, m.id, ceased, "left", m.version), DB_OK);
	return m.id;
}

static int64_t meeting(struct db *db, const char *day, enum meeting_kind kind,
		       const int64_t *present, int n)
{
	struct actor board = test_board();
	struct meeting m = { 0 };
	m.kind = kind;
	strcpy(m.title, "A meeting");
	strcpy(m.held_on, day);
	assert_int_equal(meeting_create(db, &board, &m), DB_OK);
	for (int i = 0; i < n; i++)
		assert_int_equal(attendance_record(db, &board, m.id, present[i], ATTENDANCE_AT_START,
						   NULL), DB_OK);
	assert_int_equal(meeting_open(db, &board, m.id, NULL), DB_OK);
	return m.id;
}

static void give(struct db *db, int64_t member, const char *day, int64_t minutes,
		 int64_t meeting_id)
{
	struct actor board = test_board();
	struct participation p = { 0 };
	p.member_id = member;
	p.kind = meeting_id ? PARTICIPATION_MEETING : PARTICIPATION_VOLUNTEERING;
	p.meeting_id = meeting_id;
	if (!meeting_id)
		strcpy(p.on_date, day);
	p.minutes = minutes;
	assert_int_equal(participation_add(db, &board, &p), DB_OK);
}

/* Ann and Ben since 2020; Cat from March 2026; Dan left in June 2025; Eve
 * left in May 2026. */
struct people {
	int64_t ann, ben, cat, dan, eve;
};

static struct people make_people(struct db *db)
{
	struct people p;
	p.ann = add_member(db, "Ann Active", "2020-01-01", NULL);
	p.ben = add_member(db, "Ben Busy", "2020-01-01", NULL);
	p.cat = add_member(db, "Cat New", "2026-03-01", NULL);
	p.dan = add_member(db, "Dan Gone", "2020-01-01", "2025-06-30");
	p.eve = add_member(db, "Eve Left", "2020-01-01", "2026-05-01");
	int64_t agm_people[] = { p.ann, p.ben, p.eve };
	meeting(db, "2026-03-16", MEETING_AGM, agm_people, 3);
	int64_t gm = meeting(db, "2026-06-16", MEETING_GENERAL, &p.ben, 1);
	give(db, p.ann, NULL, 0, gm);             /* there, though not on the register */
	meeting(db, "2026-07-01", MEETING_BOARD, &p.ann, 1); /* not a general meeting */
	int64_t old_people[] = { p.ann, p.dan, p.eve };
	meeting(db, "2025-03-01", MEETING_GENERAL, old_people, 3);
	give(db, p.ann, "2026-05-02", 150, 0);
	give(db, p.cat, "2026-04-04", 45, 0);
	give(db, p.eve, "2025-10-10", 60, 0);
	give(db, p.ann, "2025-12-31", 30, 0);
	return p;
}

/* Reads a year's whole summary and checks every row against
 * participation_year; returns how many rows. */
static int check_year(struct db *db, int year, struct participation_summary_row *rows, int max)
{
	struct actor board = test_board();
	int n = -1;
	assert_int_equal(participation_summary_page(db, &board, year, PAGE_FIRST, NULL, rows, max,
						    &n), DB_OK);
	for (int i = 0; i < n; i++) {
		struct participation_year y;
		assert_int_equal(participation_year(db, &board, rows[i].member_id, year, &y), DB_OK);
		assert_int_equal(rows[i].meetings_attended, y.meetings_attended);
		assert_int_equal(rows[i].minutes_given, y.minutes_given);
		assert_int_equal(rows[i].meetings_expected, y.meetings_expected);
		assert_int_equal(rows[i].minutes_expected, y.minutes_expected);
		assert_int_equal(rows[i].meetings_met, y.meetings_met);
		assert_int_equal(rows[i].hours_met, y.hours_met);
		assert_int_equal(rows[i].meets_expectation, y.meets_expectation);
		if (i)
			assert_true(rows[i].member_no > rows[i - 1].member_no);
	}
	return n;
}

static void each_member_of_the_year_as_participation_year_counts(void **state)
{
	struct db *db = *state;
	struct people p = make_people(db);
	struct participation_summary_row rows[8];

	/* 2026, still running: today's members (Eve left in May). */
	assert_int_equal(check_year(db, 2026, rows, 8), 3);
	assert_int_equal(rows[0].member_id, p.ann);
	assert_int_equal(rows[0].meetings_attended, 2);   /* the AGM, the GM by a record */
	assert_int_equal(rows[0].minutes_given, 150);
	assert_string_equal(rows[0].name, "Ann Active");
	assert_int_equal(rows[1].member_id, p.ben);
	assert_int_equal(rows[1].meetings_attended, 2);
	assert_int_equal(rows[1].minutes_given, 0);
	assert_int_equal(rows[2].member_id, p.cat);
	assert_int_equal(rows[2].meetings_attended, 0);
	assert_int_equal(rows[2].minutes_given, 45);
	assert_string_equal(rows[2].entered_on, "2026-03-01");

	/* 2025: the members at its end (Dan had left; Cat had not come). */
	assert_int_equal(check_year(db, 2025, rows, 8), 3);
	assert_int_equal(rows[0].member_id, p.ann);
	assert_int_equal(rows[0].meetings_attended, 1);
	assert_int_equal(rows[0].minutes_given, 30);
	assert_int_equal(rows[2].member_id, p.eve);
	assert_int_equal(rows[2].meetings_attended, 1);
	assert_int_equal(rows[2].minutes_given, 60);

	char day[ISO_DATE_LEN];
	assert_int_equal(participation_summary_day(2026, day), 0);
	assert_string_equal(day, "2026-11-22");
	assert_int_equal(participation_summary_day(2025, day), 0);
	assert_string_equal(day, "2025-12-31");
	assert_int_equal(participation_summary_day(2027, day), -1);
	assert_string_equal(day, "");
	(void)p.dan;
}

/* Expects `meetings` general meetings and `hours` hours a year. */
static void expect(struct db *db, const char *meetings, const char *hours)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, "meetings_expected_per_year", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, s.key, meetings, s.version), DB_OK);
	assert_int_equal(setting_get(db, "hours_expected_per_year", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, s.key, hours, s.version), DB_OK);
}

/* In 2026 Ann went to 2 general meetings and gave 2.5 hours, Ben went to 2
 * and gave none, Cat went to none and gave 45 minutes. */
static void each_row_judged_against_meetings_and_hours(void **state)
{
	struct db *db = *state;
	struct people p = make_people(db);
	struct participation_summary_row rows[8];

	/* Nothing expected: everyone meets it. */
	assert_int_equal(check_year(db, 2026, rows, 8), 3);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(rows[i].meetings_expected, 0);
		assert_int_equal(rows[i].minutes_expected, 0);
		assert_int_equal(rows[i].meets_expectation, 1);
	}

	/* 2 meetings and 2 hours: Ann both; Ben the meetings, not the hours. */
	expect(db, "2", "2");
	assert_int_equal(check_year(db, 2026, rows, 8), 3);
	assert_int_equal(rows[0].member_id, p.ann);
	assert_int_equal(rows[0].meetings_expected, 2);
	assert_int_equal(rows[0].minutes_expected, 120);
	assert_int_equal(rows[0].meetings_met, 1);
	assert_int_equal(rows[0].hours_met, 1);
	assert_int_equal(rows[0].meets_expectation, 1);
	assert_int_equal(rows[1].member_id, p.ben);
	assert_int_equal(rows[1].meetings_met, 1);
	assert_int_equal(rows[1].hours_met, 0);
	assert_int_equal(rows[1].meets_expectation, 0);
	assert_int_equal(rows[2].member_id, p.cat);
	assert_int_equal(rows[2].meetings_met, 0);
	assert_int_equal(rows[2].hours_met, 0);
	assert_int_equal(rows[2].meets_expectation, 0);

	/* 3 meetings and 2 hours: Ann the hours, not the meetings. */
	expect(db, "3", "2");
	assert_int_equal(check_year(db, 2026, rows, 8), 3);
	assert_int_equal(rows[0].meetings_met, 0);
	assert_int_equal(rows[0].hours_met, 1);
	assert_int_equal(rows[0].meets_expectation, 0);

	/* Hours only (1 hour): the meetings are not asked for; Cat falls short. */
	expect(db, "0", "1");
	assert_int_equal(check_year(db, 2026, rows, 8), 3);
	assert_int_equal(rows[0].meets_expectation, 1);
	assert_int_equal(rows[1].meetings_met, 1);
	assert_int_equal(rows[1].hours_met, 0);
	assert_int_equal(rows[2].meetings_met, 1);
	assert_int_equal(rows[2].minutes_given, 45);
	assert_int_equal(rows[2].hours_met, 0);
	assert_int_equal(rows[2].meets_expectation, 0);
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32];
	for (int i = 0; i < 7; i++) {
		snprintf(name, sizeof name, "Person %d", i + 1);
		add_member(db, name, "2024-01-01", NULL);
	}
	struct participation_summary_row rows[3];
	struct page_key key;
	int n;
	assert_int_equal(participation_summary_page(db, &board, 2026, PAGE_FIRST, NULL, rows, 3, &n),
			 DB_OK);
	assert_int_equal(n, 3);
	participation_summary_row_key(&rows[2], &key);
	assert_int_equal(participation_summary_page(db, &board, 2026, PAGE_AFTER, &key, rows, 3, &n),
			 DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].member_no, 4);
	assert_int_equal(participation_summary_page(db, &board, 2026, PAGE_LAST, NULL, rows, 3, &n),
			 DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].member_no, 5);
	assert_int_equal(rows[2].member_no, 7);
	participation_summary_row_key(&rows[0], &key);
	assert_int_equal(participation_summary_page(db, &board, 2026, PAGE_BEFORE, &key, rows, 3,
						    &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].member_no, 2);
	assert_int_equal(rows[2].member_no, 4);
}

static void the_board_only_and_a_real_year(void **state)
{
	struct db *db = *state;
	struct people p = make_people(db);
	struct actor member = test_member(p.ann);
	struct actor volunteer = test_volunteer(p.ben);
	struct actor board = test_board();
	struct participation_summary_row rows[2];
	int n;
	assert_int_equal(participation_summary_page(db, &member, 2026, PAGE_FIRST, NULL, rows, 2, &n),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may see everyone's participation");
	assert_int_equal(participation_summary_page(db, &volunteer, 2026, PAGE_FIRST, NULL, rows, 2,
						    &n), DB_DENIED);
	assert_int_equal(participation_summary_page(db, NULL, 2026, PAGE_FIRST, NULL, rows, 2, &n),
			 DB_DENIED);
	assert_int_equal(participation_summary_page(db, &board, 2027, PAGE_FIRST, NULL, rows, 2, &n),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "participation is summarised for a year from 1900 to this one (2026)");
	assert_int_equal(participation_summary_page(db, &board, 1899, PAGE_FIRST, NULL, rows, 2, &n),
			 DB_INVALID);
	assert_int_equal(participation_summary_page(db, &board, 2026, PAGE_BEFORE, NULL, rows, 2, &n),
			 DB_INVALID);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(each_member_of_the_year_as_participation_year_counts,
						setup, teardown),
		cmocka_unit_test_setup_teardown(each_row_judged_against_meetings_and_hours, setup,
						teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(the_board_only_and_a_real_year, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
