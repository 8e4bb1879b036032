/* tests/unit/test_motions.c: motions, presence at votes, votes, results
 * and errata (src/db/motions.c). */
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
#include "coopdesk/motions.h"
#include "coopdesk/settings.h"
#include "testutil.h"

#define MEMBERS 40

/* A co-op of 40 members (quorum: the greater of 5 and 10% of 40, so 5). */
struct fixture {
	struct db *db;
	int64_t m[MEMBERS];
};

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

static int setup_db(struct fixture *f, struct db *db)
{
	f->db = db;
	struct actor sys = actor_system("setup");
	char name[40];
	assert_int_equal(db_begin(f->db, &sys), DB_OK);
	for (int i = 0; i < MEMBERS; i++) {
		snprintf(name, sizeof name, "Member %02d", i);
		f->m[i] = add_member(f->db, name, "2020-01-01");
	}
	assert_int_equal(db_commit(f->db), DB_OK);
	return 0;
}

static int setup(void **state)
{
	static struct fixture f;
	setup_db(&f, test_db_new());
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(f->db);
	return 0;
}

static void set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	assert_int_equal(setting_set(db, &board, key, value, s.version), DB_OK);
}

/* A general meeting on `day` with the first `present` members there, opened. */
static int64_t held_meeting(struct fixture *f, enum meeting_kind kind, const char *day, int present)
{
	struct actor board = test_board();
	struct meeting m = { 0 };
	m.kind = kind;
	snprintf(m.title, sizeof m.title, "Meeting of %s", day);
	strcpy(m.held_on, day);
	assert_int_equal(meeting_create(f->db, &board, &m), DB_OK);
	for (int i = 0; i < present; i++)
		assert_int_equal(attendance_record(f->db, &board, m.id, f->m[i], ATTENDANCE_AT_START, NULL),
				 DB_OK);
	assert_int_equal(meeting_open(f->db, &board, m.id, NULL), DB_OK);
	return m.id;
}

static int64_t add_motion(struct fixture *f, int64_t meeting, enum resolution_type type,
			  int64_t confirms)
{
	struct actor board = test_board();
	struct motion mo = { 0 };
	mo.meeting_id = meeting;
	strcpy(mo.title, "Paint the community room");
	strcpy(mo.text, "That the co-op paints the community room before the AGM.");
	mo.resolution = type;
	mo.proposer_id = f->m[0];
	mo.seconder_id = f->m[1];
	mo.confirms_id = confirms;
	assert_int_equal(motion_add(f->db, &board, &mo), DB_OK);
	return mo.id;
}

/* Records a show of hands; returns the status, *o the outcome. */
static int hands(struct fixture *f, int64_t motion, int64_t fr, int64_t ag, int64_t ab,
		 enum casting_vote c, enum motion_outcome *o)
{
	struct actor board = test_board();
	struct motion_result_input in = { 0 };
	struct motion_result r;
	in.tally.votes_for = fr;
	in.tally.votes_against = ag;
	in.tally.abstentions = ab;
	in.casting = c;
	int rc = motion_record_result(f->db, &board, motion, &in, &r);
	if (o)
		*o = rc ? OUTCOME_NONE : r.outcome;
	return rc;
}

static void motions_are_numbered_and_checked(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 10);
	struct motion mo = { 0 }, got;
	mo.meeting_id = g;
	strcpy(mo.title, "Accounts");
	strcpy(mo.text, "That the accounts for 2025/26 are received.");
	mo.proposer_id = f->m[2];
	mo.seconder_id = f->m[3];
	assert_int_equal(motion_add(db, &board, &mo), DB_OK);
	assert_int_equal(mo.motion_no, 1);
	assert_int_equal(strlen(mo.uuid), 36);
	assert_int_equal(mo.version, 1);
	assert_int_equal(motion_get(db, &board, mo.id, &got), DB_OK);
	assert_string_equal(got.text, "That the accounts for 2025/26 are received.");
	assert_int_equal(got.resolution, RESOLUTION_ORDINARY);
	assert_int_equal(got.proposer_id, f->m[2]);

	struct motion bad = mo;
	bad.motion_no = 0;
	bad.seconder_id = bad.proposer_id;
	assert_int_equal(motion_add(db, &board, &bad), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "the seconder must be someone other than the proposer");
	assert_int_equal(bad.id, 0);
	assert_int_equal(bad.motion_no, 0);
	bad.seconder_id = 0;
	assert_int_equal(motion_add(db, &board, &bad), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a motion needs a proposer and a seconder");
	bad.seconder_id = f->m[3];
	bad.proposer_id = f->m[20];   /* not at the meeting */
	assert_int_equal(motion_add(db, &board, &bad), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the proposer must be present at the meeting");
	bad.proposer_id = f->m[2];
	bad.seconder_id = f->m[21];
	assert_int_equal(motion_add(db, &board, &bad), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the seconder must be present at the meeting");
	bad.seconder_id = f->m[3];
	memset(bad.title, 'x', 101);
	bad.title[101] = '\0';
	assert_int_equal(motion_add(db, &board, &bad), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a motion's title is 1 to 100 characters");
	strcpy(bad.title, "Empty");
	bad.text[0] = '\0';
	assert_int_equal(motion_add(db, &board, &bad), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a motion's text is 1 to 10000 characters");
	strcpy(bad.text, "Taken twice");
	bad.motion_no = 1;
	assert_int_equal(motion_add(db, &board, &bad), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that motion number is already used at this meeting");
	bad.motion_no = 0;
	bad.meeting_id = g + 100;
	assert_int_equal(motion_add(db, &board, &bad), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such meeting");

	/* The refusals used no numbers. */
	bad.meeting_id = g;
	assert_int_equal(motion_add(db, &board, &bad), DB_OK);
	assert_int_equal(bad.motion_no, 2);

	/* A board meeting records decisions, not motions. */
	int64_t bm = held_meeting(f, MEETING_BOARD, "2026-03-20", 3);
	bad.meeting_id = bm;
	bad.motion_no = 0;
	assert_int_equal(motion_add(db, &board, &bad), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "record the board's own decisions as board decisions"));

	struct motion_row rows[5];
	int n;
	assert_int_equal(motion_list(db, &board, g, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].motion_no, 1);
	assert_int_equal(rows[1].motion_no, 2);
	assert_int_equal(rows[0].outcome, OUTCOME_NONE);
}

static void votes_only_by_members_present(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 8);
	assert_int_equal(attendance_record(db, &board, g, f->m[7], ATTENDANCE_LEFT, "20:10"), DB_OK);
	int64_t mo = add_motion(f, g, RESOLUTION_ORDINARY, 0);

	assert_int_equal(motion_vote(db, &board, mo, f->m[0], VOTE_FOR, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "only members present at the vote may vote; record them as present at it first");
	assert_int_equal(motion_presence_add(db, &board, mo, f->m[30]), DB_INVALID);
	assert_string_equal(db_errmsg(db), "only a member present at the meeting can be present at a vote");
	assert_int_equal(motion_presence_add(db, &board, mo, f->m[7]), DB_INVALID);   /* left */
	assert_int_equal(motion_presence_add(db, &board, mo, f->m[0]), DB_OK);
	assert_int_equal(motion_presence_add(db, &board, mo, f->m[0]), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member is already recorded present at this vote");
	int64_t added = -1, count = -1;
	assert_int_equal(motion_presence_from_attendance(db, &board, mo, &added), DB_OK);
	assert_int_equal(added, 6);      /* 8 at the meeting, one already, one left */
	assert_int_equal(motion_presence_count(db, &board, mo, &count), DB_OK);
	assert_int_equal(count, 7);

	assert_int_equal(motion_vote(db, &board, mo, f->m[0], VOTE_FOR, 0), DB_OK);
	assert_int_equal(motion_vote(db, &board, mo, f->m[0], VOTE_AGAINST, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member has already voted on this motion: one member, one vote");
	assert_int_equal(motion_vote(db, &board, mo, f->m[7], VOTE_FOR, 0), DB_INVALID);
	assert_int_equal(motion_vote(db, &board, mo, f->m[1], (enum vote_choice)5, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a vote is for, against or abstain");
	assert_int_equal(motion_vote(db, &board, mo, f->m[1], VOTE_FOR, 0), DB_OK);
	assert_int_equal(motion_vote(db, &board, mo, f->m[2], VOTE_AGAINST, 0), DB_OK);
	assert_int_equal(motion_vote(db, &board, mo, f->m[3], VOTE_ABSTAIN, 0), DB_OK);
	struct vote_tally t;
	assert_int_equal(motion_vote_count(db, &board, mo, &t), DB_OK);
	assert_int_equal(t.votes_for, 2);
	assert_int_equal(t.votes_against, 1);
	assert_int_equal(t.abstentions, 1);

	/* Counted from the recorded votes: 2 for, 1 against, carried. */
	struct motion_result_input in = { .count_recorded_votes = 1 };
	struct motion_result r;
	assert_int_equal(motion_record_result(db, &board, mo, &in, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_CARRIED);
	assert_int_equal(r.tally.votes_for, 2);
	assert_int_equal(r.tally.abstentions, 1);
	/* And after the result, the vote is closed. */
	assert_int_equal(motion_vote(db, &board, mo, f->m[4], VOTE_AGAINST, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the result of motion 1 is recorded; nothing more can be added to the vote");
	assert_int_equal(motion_presence_add(db, &board, mo, f->m[5]), DB_INVALID);

	struct vote_row rows[10];
	int n;
	assert_int_equal(motion_votes_list(db, &board, mo, rows, 10, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_string_equal(rows[0].name, "Member 00");
	assert_int_equal(rows[2].vote, VOTE_AGAINST);

	/* Counting recorded votes when none were recorded. */
	int64_t mo2 = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(motion_record_result(db, &board, mo2, &in, &r), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "no individual votes are recorded"));
}

static void ordinary_ties_and_the_casting_vote(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 12);
	enum motion_outcome o;
	int64_t a = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(hands(f, a, 5, 5, 2, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_LOST);
	int64_t b = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(hands(f, b, 5, 5, 2, CASTING_FOR, &o), DB_OK);
	assert_int_equal(o, OUTCOME_CARRIED);
	struct motion_result r;
	assert_int_equal(motion_result_get(db, &board, b, &r), DB_OK);
	assert_int_equal(r.casting, CASTING_FOR);
	int64_t c = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(hands(f, c, 6, 5, 0, CASTING_FOR, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the chair's casting vote is used only when the votes are tied");
	set(db, "chair_casting_vote", "0");
	assert_int_equal(hands(f, c, 5, 5, 0, CASTING_FOR, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the co-op's rules give the chair no casting vote");
	assert_int_equal(hands(f, c, 5, 5, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_LOST);
	int64_t d = add_motion(f, g, RESOLUTION_SPECIAL, 0);
	set(db, "chair_casting_vote", "1");
	assert_int_equal(hands(f, d, 4, 4, 0, CASTING_FOR, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the chair's casting vote applies only to an ordinary resolution");
	/* A show of hands cannot count more than were there. */
	assert_int_equal(hands(f, d, 10, 2, 1, CASTING_NONE, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db), "13 votes were counted but only 12 members were present at the vote");
}

static void special_resolutions_at_the_boundary(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	int64_t g = held_meeting(f, MEETING_SPECIAL, "2026-04-20", 35);
	enum motion_outcome o;
	int64_t a = add_motion(f, g, RESOLUTION_SPECIAL, 0);
	assert_int_equal(hands(f, a, 20, 10, 5, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_CARRIED);   /* exactly 2/3; abstentions not counted */
	int64_t b = add_motion(f, g, RESOLUTION_SPECIAL, 0);
	assert_int_equal(hands(f, b, 19, 10, 6, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_LOST);
	/* 3/4 when the board sets the co-op's rule so. */
	set(db, "special_majority_num", "3");
	set(db, "special_majority_den", "4");
	int64_t c = add_motion(f, g, RESOLUTION_SPECIAL, 0);
	assert_int_equal(hands(f, c, 20, 10, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_LOST);
	int64_t d = add_motion(f, g, RESOLUTION_SPECIAL, 0);
	assert_int_equal(hands(f, d, 24, 8, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_CARRIED);
	struct motion_row rows[5];
	int n;
	struct actor board = test_board();
	assert_int_equal(motion_list(db, &board, g, rows, 5, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].outcome, OUTCOME_CARRIED);
	assert_int_equal(rows[1].outcome, OUTCOME_LOST);
	assert_int_equal(rows[2].outcome, OUTCOME_LOST);
	assert_int_equal(rows[3].outcome, OUTCOME_CARRIED);
}

static void not_quorate_at_the_vote(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 6);
	int64_t mo = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	/* Only four stayed for this vote: fewer than the quorum of 5. */
	for (int i = 0; i < 4; i++)
		assert_int_equal(motion_presence_add(db, &board, mo, f->m[i]), DB_OK);
	enum motion_outcome o;
	assert_int_equal(hands(f, mo, 4, 0, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_NOT_QUORATE);
	/* With no presence recorded, those at the meeting and not gone count. */
	int64_t mo2 = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(hands(f, mo2, 4, 1, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_CARRIED);
	assert_int_equal(attendance_record(db, &board, g, f->m[4], ATTENDANCE_LEFT, NULL), DB_OK);
	assert_int_equal(attendance_record(db, &board, g, f->m[5], ATTENDANCE_LEFT, NULL), DB_OK);
	int64_t mo3 = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(hands(f, mo3, 3, 1, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_NOT_QUORATE);

	/* A meeting not yet opened has no quorum to judge by. */
	struct meeting m = { 0 };
	m.kind = MEETING_GENERAL;
	strcpy(m.title, "Not yet opened");
	strcpy(m.held_on, "2026-05-01");
	assert_int_equal(meeting_create(db, &board, &m), DB_OK);
	for (int i = 0; i < 2; i++)
		assert_int_equal(attendance_record(db, &board, m.id, f->m[i], ATTENDANCE_AT_START, NULL), DB_OK);
	int64_t early = add_motion(f, m.id, RESOLUTION_ORDINARY, 0);
	assert_int_equal(hands(f, early, 2, 0, 0, CASTING_NONE, &o), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "open the meeting first"));
}

static void results_are_never_edited_only_corrected(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 10);
	int64_t mo = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	enum motion_outcome o;
	assert_int_equal(hands(f, mo, 4, 5, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_LOST);
	struct motion_result first;
	assert_int_equal(motion_result_get(db, &board, mo, &first), DB_OK);
	assert_int_equal(hands(f, mo, 5, 4, 0, CASTING_NONE, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "the result of motion 1 is already recorded and is never edited;"
			    " record an erratum that names it instead");

	struct motion_result_input in = { 0 };
	struct motion_result r;
	in.tally.votes_for = 5;
	in.tally.votes_against = 4;
	in.corrects_id = first.id;
	assert_int_equal(motion_record_result(db, &board, mo, &in, &r), DB_INVALID);
	assert_string_equal(db_errmsg(db), "an erratum needs a note saying what was wrong");
	in.note = "the tellers swapped the counts for and against";
	in.corrects_id = first.id + 100;
	assert_int_equal(motion_record_result(db, &board, mo, &in, &r), DB_INVALID);
	assert_string_equal(db_errmsg(db), "an erratum corrects the newest result of this motion");
	in.corrects_id = first.id;
	assert_int_equal(motion_record_result(db, &board, mo, &in, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_CARRIED);
	assert_int_equal(r.corrects_id, first.id);

	/* The erratum stands; the first stays on record beneath it. */
	struct motion_result now, hist[4];
	int n;
	assert_int_equal(motion_result_get(db, &board, mo, &now), DB_OK);
	assert_int_equal(now.id, r.id);
	assert_string_equal(now.note, "the tellers swapped the counts for and against");
	assert_int_equal(motion_result_history(db, &board, mo, hist, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(hist[0].outcome, OUTCOME_LOST);
	assert_int_equal(hist[1].outcome, OUTCOME_CARRIED);
	/* Only the newest can be corrected. */
	in.corrects_id = first.id;
	assert_int_equal(motion_record_result(db, &board, mo, &in, &r), DB_INVALID);

	/* An erratum for a motion with no result. */
	int64_t mo2 = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	in.corrects_id = first.id;
	assert_int_equal(motion_record_result(db, &board, mo2, &in, &r), DB_INVALID);
	assert_string_equal(db_errmsg(db), "there is no result of this motion to correct");
	assert_int_equal(motion_result_get(db, &board, mo2, &now), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "no result of this motion is recorded yet");
}

static void withdrawn_motions(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 2);   /* not quorate */
	int64_t mo = add_motion(f, g, RESOLUTION_SPECIAL, 0);
	struct motion_result_input in = { .withdrawn = 1, .note = "withdrawn by the proposer" };
	struct motion_result r;
	assert_int_equal(motion_record_result(db, &board, mo, &in, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_WITHDRAWN);
	assert_int_equal(r.tally.votes_for, 0);
	assert_int_equal(motion_result_get(db, &board, mo, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_WITHDRAWN);
	assert_string_equal(rule_outcome_name(r.outcome), "withdrawn");
}

static void amalgamation_confirmed_at_a_second_meeting(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	enum motion_outcome o;
	int64_t first = held_meeting(f, MEETING_SPECIAL, "2026-01-10", 30);
	int64_t amal = add_motion(f, first, RESOLUTION_AMALGAMATION, 0);
	int64_t lost = add_motion(f, first, RESOLUTION_AMALGAMATION, 0);
	assert_int_equal(hands(f, amal, 20, 10, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_CARRIED);
	assert_int_equal(hands(f, lost, 19, 10, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_LOST);

	int64_t too_soon = held_meeting(f, MEETING_SPECIAL, "2026-01-23", 30);
	int64_t in_time = held_meeting(f, MEETING_SPECIAL, "2026-01-24", 30);
	int64_t too_late = held_meeting(f, MEETING_SPECIAL, "2026-02-11", 30);
	struct motion c = { 0 };
	strcpy(c.title, "Confirm the transfer of engagements");
	strcpy(c.text, "That the special resolution of 10 January 2026 is confirmed.");
	c.resolution = RESOLUTION_AMALGAMATION;
	c.proposer_id = f->m[3];
	c.seconder_id = f->m[4];
	c.confirms_id = amal;
	c.meeting_id = too_soon;
	assert_int_equal(motion_add(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "an amalgamation or transfer passed on 10 January 2026 must be confirmed at a"
			    " meeting from 24 January 2026 to 10 February 2026 (14 days to 1 month later)");
	c.meeting_id = too_late;
	assert_int_equal(motion_add(db, &board, &c), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "must be confirmed at a meeting from 24 January 2026"));
	c.meeting_id = in_time;
	c.confirms_id = lost;
	assert_int_equal(motion_add(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db), "motion 2 has not been carried, so there is nothing to confirm");
	c.confirms_id = amal;
	c.resolution = RESOLUTION_ORDINARY;
	assert_int_equal(motion_add(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a confirmation is itself an amalgamation or transfer resolution");
	c.resolution = RESOLUTION_AMALGAMATION;
	assert_int_equal(motion_add(db, &board, &c), DB_OK);
	assert_int_equal(c.motion_no, 1);
	/* A simple majority confirms: 16 to 14 would fail 2/3 but carries here. */
	assert_int_equal(hands(f, c.id, 16, 14, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_CARRIED);

	/* The window is the settings': widen it to 2 months and too_late fits. */
	set(db, "amalgamation_confirm_max_months", "2");
	c.meeting_id = too_late;
	c.motion_no = 0;
	assert_int_equal(motion_add(db, &board, &c), DB_OK);
}

static void proxies_vote_only_when_allowed(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 6);
	set(db, "proxies_allowed", "1");
	assert_int_equal(attendance_set_proxy(db, &board, g, f->m[0], f->m[30]), DB_OK);
	int64_t mo = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(motion_presence_from_attendance(db, &board, mo, NULL), DB_OK);
	assert_int_equal(motion_vote(db, &board, mo, f->m[30], VOTE_FOR, f->m[1]), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that member does not hold this member's proxy at this meeting");
	assert_int_equal(motion_vote(db, &board, mo, f->m[31], VOTE_FOR, f->m[0]), DB_INVALID);
	assert_int_equal(motion_vote(db, &board, mo, f->m[30], VOTE_FOR, f->m[0]), DB_OK);
	assert_int_equal(motion_vote(db, &board, mo, f->m[0], VOTE_AGAINST, 0), DB_OK);
	assert_int_equal(motion_vote(db, &board, mo, f->m[30], VOTE_AGAINST, f->m[0]), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "one member, one vote"));
	struct vote_row rows[4];
	int n;
	assert_int_equal(motion_votes_list(db, &board, mo, rows, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[1].member_id, f->m[30]);
	assert_int_equal(rows[1].by_proxy_id, f->m[0]);
	/* 6 present and one proxy: 7 votes may be counted, not 8. */
	enum motion_outcome o;
	int64_t mo2 = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(hands(f, mo2, 5, 3, 0, CASTING_NONE, &o), DB_INVALID);
	assert_int_equal(hands(f, mo2, 5, 2, 0, CASTING_NONE, &o), DB_OK);
	/* Switched off again, no proxy votes. */
	set(db, "proxies_allowed", "0");
	int64_t mo3 = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(motion_presence_from_attendance(db, &board, mo3, NULL), DB_OK);
	assert_int_equal(motion_vote(db, &board, mo3, f->m[30], VOTE_FOR, f->m[0]), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the co-op's rules do not allow voting by proxy");
}

static void every_role_allowed_or_refused(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	struct actor member = test_member(f->m[2]);
	struct actor volunteer = test_volunteer(f->m[3]);
	int64_t g = held_meeting(f, MEETING_GENERAL, "2026-03-16", 8);
	int64_t mo = add_motion(f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(motion_presence_from_attendance(db, &board, mo, NULL), DB_OK);
	for (int i = 0; i < 6; i++)
		assert_int_equal(motion_vote(db, &board, mo, f->m[i], i < 4 ? VOTE_FOR : VOTE_AGAINST, 0), DB_OK);
	struct motion_result_input in = { .count_recorded_votes = 1 };
	assert_int_equal(motion_record_result(db, &board, mo, &in, NULL), DB_OK);

	/* Writes: the board's alone. */
	struct motion m = { 0 };
	m.meeting_id = g;
	strcpy(m.title, "t");
	strcpy(m.text, "t");
	m.proposer_id = f->m[0];
	m.seconder_id = f->m[1];
	assert_int_equal(motion_add(db, &member, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change meetings");
	assert_int_equal(motion_add(db, &volunteer, &m), DB_DENIED);
	assert_int_equal(motion_add(db, NULL, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not change meetings");
	assert_int_equal(motion_vote(db, &member, mo, f->m[2], VOTE_FOR, 0), DB_DENIED);
	assert_int_equal(motion_presence_add(db, &volunteer, mo, f->m[3]), DB_DENIED);
	assert_int_equal(motion_presence_from_attendance(db, NULL, mo, NULL), DB_DENIED);
	assert_int_equal(motion_record_result(db, &member, mo, &in, NULL), DB_DENIED);
	struct vote_tally t;
	int64_t count;
	assert_int_equal(motion_vote_count(db, &member, mo, &t), DB_DENIED);
	assert_int_equal(motion_presence_count(db, &volunteer, mo, &count), DB_DENIED);

	/* Reads: nothing of an unpublished meeting. */
	struct motion got;
	struct motion_row rows[4];
	struct motion_result r;
	struct vote_row votes[8];
	int n;
	assert_int_equal(motion_get(db, &member, mo, &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such motion");
	assert_int_equal(motion_list(db, &volunteer, g, rows, 4, &n), DB_NOTFOUND);
	assert_int_equal(motion_result_get(db, &member, mo, &r), DB_NOTFOUND);
	assert_int_equal(motion_votes_list(db, &member, mo, votes, 8, &n), DB_NOTFOUND);
	assert_int_equal(motion_get(db, NULL, mo, &got), DB_DENIED);
	assert_int_equal(motion_result_get(db, NULL, mo, &r), DB_DENIED);

	/* Published: the motions and outcomes, and of the votes one's own. */
	assert_int_equal(meeting_minutes_set(db, &board, g, "Motion 1 carried.", 2), DB_OK);
	assert_int_equal(meeting_publish_minutes(db, &board, g, 3), DB_OK);
	assert_int_equal(motion_get(db, &member, mo, &got), DB_OK);
	assert_int_equal(motion_list(db, &volunteer, g, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].outcome, OUTCOME_CARRIED);
	assert_int_equal(motion_result_get(db, &member, mo, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_CARRIED);
	assert_int_equal(r.tally.votes_for, 4);
	assert_int_equal(r.tally.votes_against, 2);
	assert_int_equal(motion_votes_list(db, &member, mo, votes, 8, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(votes[0].member_id, f->m[2]);
	assert_int_equal(motion_votes_list(db, &board, mo, votes, 8, &n), DB_OK);
	assert_int_equal(n, 6);
	struct actor outsider = test_member(f->m[39]);
	assert_int_equal(motion_votes_list(db, &outsider, mo, votes, 8, &n), DB_OK);
	assert_int_equal(n, 0);
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

static void writes_leave_audit_rows_and_results_stay(void **state)
{
	(void)state;
	char path[64];
	struct fixture f;
	setup_db(&f, test_db_file(path));
	struct actor board = test_board();
	int64_t g = held_meeting(&f, MEETING_GENERAL, "2026-03-16", 6);
	int64_t mo = add_motion(&f, g, RESOLUTION_ORDINARY, 0);
	assert_int_equal(audit_rows(path, "motions", "test board"), 1);
	assert_int_equal(motion_presence_add(f.db, &board, mo, f.m[0]), DB_OK);
	assert_int_equal(motion_vote(f.db, &board, mo, f.m[0], VOTE_FOR, 0), DB_OK);
	assert_int_equal(audit_rows(path, "vote_presence", "test board"), 1);
	assert_int_equal(audit_rows(path, "votes", "test board"), 1);
	enum motion_outcome o;
	assert_int_equal(hands(&f, mo, 1, 0, 0, CASTING_NONE, &o), DB_OK);
	assert_int_equal(o, OUTCOME_NOT_QUORATE);
	assert_int_equal(audit_rows(path, "motion_results", "test board"), 1);
	/* Even another program cannot edit or delete a result. */
	sqlite3 *c = NULL;
	assert_int_equal(sqlite3_open(path, &c), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(c, "UPDATE motion_results SET outcome = 'carried'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_string_equal(sqlite3_errmsg(c), "a recorded result is never edited: record an erratum instead");
	assert_int_not_equal(sqlite3_exec(c, "DELETE FROM motion_results", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(c);
	struct motion_result r;
	assert_int_equal(motion_result_get(f.db, &board, mo, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_NOT_QUORATE);
	db_close(f.db);
	test_db_unlink(path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(motions_are_numbered_and_checked, setup, teardown),
		cmocka_unit_test_setup_teardown(votes_only_by_members_present, setup, teardown),
		cmocka_unit_test_setup_teardown(ordinary_ties_and_the_casting_vote, setup, teardown),
		cmocka_unit_test_setup_teardown(special_resolutions_at_the_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(not_quorate_at_the_vote, setup, teardown),
		cmocka_unit_test_setup_teardown(results_are_never_edited_only_corrected, setup, teardown),
		cmocka_unit_test_setup_teardown(withdrawn_motions, setup, teardown),
		cmocka_unit_test_setup_teardown(amalgamation_confirmed_at_a_second_meeting, setup, teardown),
		cmocka_unit_test_setup_teardown(proxies_vote_only_when_allowed, setup, teardown),
		cmocka_unit_test_setup_teardown(every_role_allowed_or_refused, setup, teardown),
		cmocka_unit_test(writes_leave_audit_rows_and_results_stay),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
