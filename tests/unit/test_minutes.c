/* tests/unit/test_minutes.c: the minutes and the notice of a meeting
 * (src/report/minutes.c, meeting_notice.c) made from a meeting recorded
 * through the data layer here: they list exactly what was recorded, each
 * outcome with its arithmetic, an erratum beside the result it corrects,
 * and a member reads only what is published to them. Today is 2026-11-22
 * (COOPDESK_TODAY). */
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
#include "coopdesk/meeting_docs.h"
#include "coopdesk/members.h"
#include "coopdesk/report.h"
#include "coopdesk/settings.h"
#include "testutil.h"

#define MEMBERS 12

struct fixture {
	struct db *db;
	int64_t m[MEMBERS], no[MEMBERS];
	int64_t meeting, special, ordinary, board_meeting;
};

static void set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	assert_int_equal(setting_set(db, &board, key, value, s.version), DB_OK);
}

static int64_t motion(struct fixture *f, enum resolution_type type, const char *title,
		      const char *text)
{
	struct actor board = test_board();
	struct motion mo = { 0 };
	mo.meeting_id = f->meeting;
	snprintf(mo.title, sizeof mo.title, "%s", title);
	snprintf(mo.text, sizeof mo.text, "%s", text);
	mo.resolution = type;
	mo.proposer_id = f->m[0];
	mo.seconder_id = f->m[1];
	assert_int_equal(motion_add(f->db, &board, &mo), DB_OK);
	return mo.id;
}

/* A general meeting on 16/03/2026, notice given 01/03/2026 (14 clear
 * days): members 0-7 there at the start, member 8 arriving at 19:20,
 * member 7 leaving at 20:30 before the votes. A special resolution by a
 * show of hands, 5-2-1 among the 8 recorded present at its vote; an
 * ordinary one by roll call, 4-2-1, then an erratum making it 3-3-1
 * carried on the chair's casting vote. */
static int setup(void **state)
{
	static struct fixture f;
	struct actor board = test_board(), sys = actor_system("setup");
	memset(&f, 0, sizeof f);
	f.db = test_db_new();
	assert_int_equal(db_begin(f.db, &sys), DB_OK);
	for (int i = 0; i < MEMBERS; i++) {
		struct member m = { 0 };
		snprintf(m.name, sizeof m.name, "Member %02d", i);
		strcpy(m.address, "1 Alder Street, Rochdale");
		strcpy(m.entered_on, "2020-01-01");
		assert_int_equal(member_create(f.db, &board, &m), DB_OK);
		f.m[i] = m.id;
		f.no[i] = m.member_no;
	}
	assert_int_equal(db_commit(f.db), DB_OK);

	struct meeting g = { 0 };
	g.kind = MEETING_GENERAL;
	strcpy(g.title, "Spring general meeting");
	strcpy(g.held_on, "2026-03-16");
	strcpy(g.notice_given_on, "2026-03-01");
	strcpy(g.place, "Community room");
	assert_int_equal(meeting_create(f.db, &board, &g), DB_OK);
	f.meeting = g.id;
	for (int i = 0; i < 8; i++)
		assert_int_equal(attendance_record(f.db, &board, g.id, f.m[i], ATTENDANCE_AT_START, NULL),
				 DB_OK);
	assert_int_equal(meeting_open(f.db, &board, g.id, NULL), DB_OK);
	assert_int_equal(attendance_record(f.db, &board, g.id, f.m[8], ATTENDANCE_ARRIVED, "19:20"),
			 DB_OK);
	assert_int_equal(attendance_record(f.db, &board, g.id, f.m[7], ATTENDANCE_LEFT, "20:30"),
			 DB_OK);

	f.special = motion(&f, RESOLUTION_SPECIAL, "Change rule 12", "That rule 12 is changed.");
	f.ordinary = motion(&f, RESOLUTION_ORDINARY, "Paint the stairs", "That the stairs are painted.");
	int64_t added = 0;
	assert_int_equal(motion_presence_from_attendance(f.db, &board, f.special, &added), DB_OK);
	assert_int_equal(added, 8);
	struct motion_result_input in = { 0 };
	in.tally = (struct vote_tally){ 5, 2, 1 };
	assert_int_equal(motion_record_result(f.db, &board, f.special, &in, NULL), DB_OK);

	assert_int_equal(motion_presence_from_attendance(f.db, &board, f.ordinary, &added), DB_OK);
	static const enum vote_choice votes[] = { VOTE_FOR, VOTE_FOR, VOTE_FOR, VOTE_FOR,
						  VOTE_AGAINST, VOTE_AGAINST, VOTE_ABSTAIN };
	for (int i = 0; i < 7; i++)
		assert_int_equal(motion_vote(f.db, &board, f.ordinary, f.m[i], votes[i], 0), DB_OK);
	struct motion_result_input roll = { .count_recorded_votes = 1 };
	struct motion_result first;
	assert_int_equal(motion_record_result(f.db, &board, f.ordinary, &roll, &first), DB_OK);
	struct motion_result_input fix = { .tally = { 3, 3, 1 }, .casting = CASTING_FOR,
					   .corrects_id = first.id,
					   .note = "Member 03 voted against, not for." };
	assert_int_equal(motion_record_result(f.db, &board, f.ordinary, &fix, NULL), DB_OK);

	struct meeting b = { 0 };
	b.kind = MEETING_BOARD;
	strcpy(b.title, "Board meeting");
	strcpy(b.held_on, "2026-04-06");
	assert_int_equal(meeting_create(f.db, &board, &b), DB_OK);
	assert_int_equal(attendance_record(f.db, &board, b.id, f.m[0], ATTENDANCE_AT_START, NULL),
			 DB_OK);
	assert_int_equal(meeting_open(f.db, &board, b.id, NULL), DB_OK);
	f.board_meeting = b.id;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(f->db);
	return 0;
}

struct doc {
	char *text;
	size_t len;
	int rc;
};

static struct doc write_doc(struct db *db, const struct actor *who, int minutes, int64_t id,
			    enum report_format format)
{
	struct doc d = { NULL, 0, 0 };
	struct report_opts o = { format, 0, 1000 };
	FILE *out = open_memstream(&d.text, &d.len);
	assert_non_null(out);
	d.rc = minutes ? report_minutes(db, who, id, &o, out) : report_notice(db, who, id, &o, out);
	fclose(out);
	return d;
}

#define has(d, s) \
	do { \
		if (!strstr((d).text, (s))) \
			fprintf(stderr, "---- wanted: %s\n%s\n----\n", (s), (d).text); \
		assert_non_null(strstr((d).text, (s))); \
	} while (0)
#define hasnt(d, s) assert_null(strstr((d).text, (s)))

static int occurrences(const char *text, const char *s)
{
	int n = 0;
	for (const char *p = text; (p = strstr(p, s)); p += strlen(s))
		n++;
	return n;
}

static void minutes_list_what_was_recorded(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct doc d = write_doc(f->db, &board, 1, f->meeting, REPORT_TEXT);
	char s[300];
	assert_int_equal(d.rc, DB_OK);
	has(d, "Minutes of the general meeting of Monday 16/03/2026");
	has(d, "Held on Monday 16/03/2026 at 19:00, at Community room.");
	has(d, "Notice of the meeting was given on Sunday 01/03/2026.");
	/* Attendance: 8 at the start, 1 later, 1 left; quorum max(5, 10% of 12). */
	has(d, "8 members were present at the start; the quorum was 5: quorate.");
	has(d, "9 recorded in the attendance register: 8 present at the start, 1 arrived later,"
	       " 1 left before the end.");
	for (int i = 0; i < 9; i++) {
		snprintf(s, sizeof s, "Member %02d", i);
		assert_int_equal(occurrences(d.text, s) >= 1, 1);
	}
	hasnt(d, "Member 09");
	has(d, "19:20");
	has(d, "20:30");
	/* Each motion once, in order, with proposer and seconder. */
	assert_int_equal(occurrences(d.text, "Motion 1: Change rule 12"), 1);
	assert_int_equal(occurrences(d.text, "Motion 2: Paint the stairs"), 1);
	assert_int_equal(occurrences(d.text, "Motion 3"), 0);
	snprintf(s, sizeof s, "Proposed by Member 00 (member no. %lld), seconded by Member 01"
		 " (member no. %lld).", (long long)f->no[0], (long long)f->no[1]);
	assert_int_equal(occurrences(d.text, s), 2);
	has(d, "Put as a special resolution.");
	has(d, "That rule 12 is changed.");
	/* Quorum at each vote: 8 recorded present (member 7 left, 8 came). */
	assert_int_equal(occurrences(d.text, "Present at the vote: 8; the quorum was 5: quorate."), 2);
	/* The arithmetic: 5 of 7 cast is 71.4%, at least 2/3. */
	has(d, "Result: 5 for, 2 against, 1 abstained: 5 of 7 votes cast is 71.4%, at least two"
	       " thirds: carried.");
	has(d, "Result: 4 for, 2 against, 1 abstained: more for than against: carried.");
	/* The roll call, by name. */
	has(d, "Voted by roll call, 7 votes recorded:");
	snprintf(s, sizeof s, "Against: Member 04 (%lld), Member 05 (%lld).", (long long)f->no[4],
		 (long long)f->no[5]);
	has(d, s);
	snprintf(s, sizeof s, "Abstained: Member 06 (%lld).", (long long)f->no[6]);
	has(d, s);
	/* The erratum beside the result it corrects, after it and before the end. */
	const char *result = strstr(d.text, "Result: 4 for");
	const char *erratum = strstr(d.text, "correcting the result above: Member 03 voted against,"
					     " not for.");
	const char *fixed = strstr(d.text, "Corrected result: 3 for, 3 against, 1 abstained: a tie,"
					   " decided by the chair's casting vote for: carried.");
	assert_non_null(result);
	assert_non_null(erratum);
	assert_non_null(fixed);
	assert_true(result < erratum && erratum < fixed);
	assert_int_equal(occurrences(d.text, "Erratum recorded"), 1);
	assert_int_equal(occurrences(d.text, "Result:"), 2);
	free(d.text);

	/* Markdown: the same, headings and escaping. */
	d = write_doc(f->db, &board, 1, f->meeting, REPORT_MD);
	assert_int_equal(d.rc, DB_OK);
	has(d, "### Motion 1: Change rule 12");
	has(d, "| No. | Member | At start | Arrived | Left | Proxy for |");
	free(d.text);
	/* Not CSV; not a meeting not yet held. */
	d = write_doc(f->db, &board, 1, f->meeting, REPORT_CSV);
	assert_int_equal(d.rc, DB_INVALID);
	assert_int_equal(d.len, 0);
	free(d.text);
}

static void members_read_what_is_published(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board(), member = test_member(f->m[2]);
	struct meeting g;
	struct doc d = write_doc(f->db, &member, 1, f->meeting, REPORT_TEXT);
	assert_int_equal(d.rc, DB_NOTFOUND);
	assert_int_equal(d.len, 0);
	free(d.text);
	assert_int_equal(meeting_get(f->db, &board, f->meeting, &g), DB_OK);
	assert_int_equal(meeting_minutes_set(f->db, &board, f->meeting, "The meeting closed at 21:00.",
					     g.version), DB_OK);
	assert_int_equal(meeting_get(f->db, &board, f->meeting, &g), DB_OK);
	assert_int_equal(meeting_publish_minutes(f->db, &board, f->meeting, g.version), DB_OK);

	d = write_doc(f->db, &member, 1, f->meeting, REPORT_TEXT);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Members' copy.");
	has(d, "You were present at the start.");
	has(d, "Result: 4 for, 2 against, 1 abstained: more for than against: carried.");
	has(d, "Corrected result: 3 for, 3 against");
	has(d, "Voted by roll call (7 votes recorded); how each member voted is not published.");
	has(d, "The meeting closed at 21:00.");
	hasnt(d, "Member 05");     /* neither in attendance nor in a roll call */
	free(d.text);
	/* Roll calls published by the setting: the names are shown. */
	set(f->db, "publish_roll_calls", "1");
	d = write_doc(f->db, &member, 1, f->meeting, REPORT_TEXT);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Against: Member 04");
	free(d.text);
	set(f->db, "publish_roll_calls", "0");

	/* A board meeting, even published, only where the setting says so. */
	assert_int_equal(meeting_get(f->db, &board, f->board_meeting, &g), DB_OK);
	assert_int_equal(meeting_minutes_set(f->db, &board, g.id, "Board business.", g.version), DB_OK);
	assert_int_equal(meeting_get(f->db, &board, f->board_meeting, &g), DB_OK);
	assert_int_equal(meeting_publish_minutes(f->db, &board, g.id, g.version), DB_OK);
	d = write_doc(f->db, &member, 1, f->board_meeting, REPORT_TEXT);
	assert_int_equal(d.rc, DB_NOTFOUND);
	free(d.text);
	set(f->db, "publish_board_meetings", "1");
	d = write_doc(f->db, &member, 1, f->board_meeting, REPORT_TEXT);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Minutes of the board meeting of Monday 06/04/2026");
	free(d.text);
	set(f->db, "publish_board_meetings", "0");
}

static void notice_and_finding_a_meeting(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct doc d = write_doc(f->db, &board, 0, f->meeting, REPORT_TEXT);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Notice of a general meeting");
	has(d, "The general meeting will be held on Monday 16/03/2026 at 19:00, at Community room.");
	has(d, "1. Change rule 12 (a special resolution)");
	has(d, "2. Paint the stairs (an ordinary resolution)");
	has(d, "Put as a special resolution: carried when at least 2/3 of the votes cast are for it.");
	has(d, "That the stairs are painted.");
	has(d, "This notice was given on Sunday 01/03/2026: 14 clear days before the meeting (the"
	       " rules ask for 14).");
	free(d.text);

	int64_t id = 0;
	char spec[24];
	snprintf(spec, sizeof spec, "%lld", (long long)f->meeting);
	assert_int_equal(meeting_find(f->db, &board, spec, &id), DB_OK);
	assert_int_equal(id, f->meeting);
	id = 0;
	assert_int_equal(meeting_find(f->db, &board, "16/03/2026", &id), DB_OK);
	assert_int_equal(id, f->meeting);
	assert_int_equal(meeting_find(f->db, &board, "2026-04-06", &id), DB_OK);
	assert_int_equal(id, f->board_meeting);
	assert_int_equal(meeting_find(f->db, &board, "17/03/2026", &id), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no meeting on 17/03/2026");
	assert_int_equal(meeting_find(f->db, &board, "999", &id), DB_NOTFOUND);
	assert_int_equal(meeting_find(f->db, &board, "spring", &id), DB_INVALID);
}

/* Schema 9's settings: off by default, put in without an audit row. */
static void schema_9_settings(void **state)
{
	struct fixture *f = *state;
	struct db *db = test_db_new();
	struct setting s;
	(void)f;
	assert_int_equal(setting_get(db, "publish_board_meetings", &s), DB_OK);
	assert_string_equal(s.kind, "boolean");
	assert_string_equal(s.value, "0");
	assert_int_equal(setting_get(db, "publish_roll_calls", &s), DB_OK);
	assert_string_equal(s.value, "0");
	assert_int_equal(audit_count_for(db, "settings", 0), 0);
	db_close(db);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	setenv("COOPDESK_NOW", "2026-11-22T14:05:00Z", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(minutes_list_what_was_recorded),
		cmocka_unit_test(notice_and_finding_a_meeting),
		cmocka_unit_test(members_read_what_is_published),
		cmocka_unit_test(schema_9_settings),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
