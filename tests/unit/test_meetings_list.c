/* tests/unit/test_meetings_list.c: what the Meetings screens ask of the
 * data layer beyond test_meetings.c and test_motions.c: the agenda and
 * how votes are taken (schema 8), the list upcoming first with its notice,
 * quorum and outcomes, the quorum as it stands, a roll call in one
 * transaction, and what members may read of board meetings and roll
 * calls. */
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
#include "coopdesk/meetings.h"
#include "coopdesk/members.h"
#include "coopdesk/motions.h"
#include "coopdesk/settings.h"
#include "testutil.h"

#define MEMBERS 12

struct fixture {
	struct db *db;
	int64_t m[MEMBERS];
};

static int setup(void **state)
{
	static struct fixture f;
	struct actor board = test_board();
	f.db = test_db_new();
	for (int i = 0; i < MEMBERS; i++) {
		struct member m = { 0 };
		snprintf(m.name, sizeof m.name, "Member %02d", i);
		strcpy(m.address, "1 Alder Street, Rochdale");
		strcpy(m.entered_on, "2020-01-01");
		assert_int_equal(member_create(f.db, &board, &m), DB_OK);
		f.m[i] = m.id;
	}
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

static int64_t meeting(struct fixture *f, enum meeting_kind kind, const char *day, int present)
{
	struct actor board = test_board();
	struct meeting m = { 0 };
	m.kind = kind;
	snprintf(m.title, sizeof m.title, "Meeting on %s", day);
	strcpy(m.held_on, day);
	assert_int_equal(meeting_create(f->db, &board, &m), DB_OK);
	for (int i = 0; i < present; i++)
		assert_int_equal(attendance_record(f->db, &board, m.id, f->m[i], ATTENDANCE_AT_START,
						   NULL), DB_OK);
	return m.id;
}

static int64_t motion(struct fixture *f, int64_t meeting_id, enum resolution_type type)
{
	struct actor board = test_board();
	struct motion mo = { 0 };
	mo.meeting_id = meeting_id;
	strcpy(mo.title, "Paint the community room");
	strcpy(mo.text, "That the co-op paints the community room.");
	mo.resolution = type;
	mo.proposer_id = f->m[0];
	mo.seconder_id = f->m[1];
	assert_int_equal(motion_add(f->db, &board, &mo), DB_OK);
	return mo.id;
}

static int hands(struct fixture *f, int64_t motion_id, int64_t fr, int64_t ag, int64_t ab,
		 int64_t corrects)
{
	struct actor board = test_board();
	struct motion_result_input in = { 0 };
	in.tally.votes_for = fr;
	in.tally.votes_against = ag;
	in.tally.abstentions = ab;
	in.corrects_id = corrects;
	in.note = corrects ? "the tellers miscounted" : NULL;
	return motion_record_result(f->db, &board, motion_id, &in, NULL);
}

/* Schema 8: the agenda and the roll call are kept; the two settings came
 * in off and unaudited. */
static void agenda_and_roll_call_are_kept(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct meeting m = { 0 }, back;
	m.kind = MEETING_AGM;
	strcpy(m.title, "Annual general meeting 2026");
	strcpy(m.held_on, "2026-12-10");
	strcpy(m.agenda, "1. Apologies\n2. Accounts\n3. Election of the board");
	m.roll_call = 1;
	assert_int_equal(meeting_create(f->db, &board, &m), DB_OK);
	assert_int_equal(meeting_get(f->db, &board, m.id, &back), DB_OK);
	assert_string_equal(back.agenda, "1. Apologies\n2. Accounts\n3. Election of the board");
	assert_int_equal(back.roll_call, 1);
	back.roll_call = 0;
	strcpy(back.agenda, "");
	assert_int_equal(meeting_update(f->db, &board, &back), DB_OK);
	assert_int_equal(meeting_get(f->db, &board, m.id, &back), DB_OK);
	assert_int_equal(back.roll_call, 0);
	assert_string_equal(back.agenda, "");
	for (int i = 0; i < MEETING_AGENDA_MAX + 1; i++)
		back.agenda[i] = 'a';
	back.agenda[MEETING_AGENDA_MAX + 1] = '\0';
	assert_int_equal(meeting_update(f->db, &board, &back), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "an agenda is at most 5000 characters");

	int64_t v = -1;
	assert_int_equal(setting_int(f->db, "publish_board_meetings", &v), DB_OK);
	assert_int_equal(v, 0);
	assert_int_equal(setting_int(f->db, "publish_roll_calls", &v), DB_OK);
	assert_int_equal(v, 0);
	assert_int_equal(audit_count_for(f->db, "settings", 0), 0);
}

static void expect_order(struct fixture *f, const char *const *want, int nwant)
{
	struct actor board = test_board();
	struct meeting_row rows[2];
	struct page_key key;
	int n, seen = 0;
	/* Forwards two at a time. */
	int rc = meeting_page(f->db, &board, MEETINGS_UPCOMING_FIRST, PAGE_FIRST, NULL, rows, 2, &n);
	while (rc == DB_OK && n > 0) {
		for (int i = 0; i < n; i++, seen++) {
			assert_true(seen < nwant);
			assert_string_equal(rows[i].held_on, want[seen]);
		}
		meeting_row_key(&rows[n - 1], &key);
		rc = meeting_page(f->db, &board, MEETINGS_UPCOMING_FIRST, PAGE_AFTER, &key, rows, 2, &n);
	}
	assert_int_equal(rc, DB_OK);
	assert_int_equal(seen, nwant);
	/* Backwards from the end. */
	rc = meeting_page(f->db, &board, MEETINGS_UPCOMING_FIRST, PAGE_LAST, NULL, rows, 2, &n);
	while (rc == DB_OK && n > 0) {
		for (int i = n - 1; i >= 0; i--)
			assert_string_equal(rows[i].held_on, want[--seen]);
		meeting_row_key(&rows[0], &key);
		rc = meeting_page(f->db, &board, MEETINGS_UPCOMING_FIRST, PAGE_BEFORE, &key, rows, 2, &n);
	}
	assert_int_equal(rc, DB_OK);
	assert_int_equal(seen, 0);
}

/* Today is 22/11/2026: today's and later meetings soonest first, then the
 * past newest first, paged both ways. */
static void upcoming_first_then_past(void **state)
{
	struct fixture *f = *state;
	const char *days[] = { "2026-06-01", "2026-12-10", "2025-12-01", "2026-11-22",
			       "2026-10-01", "2026-11-30", "2026-11-21" };
	for (int i = 0; i < 7; i++)
		meeting(f, MEETING_GENERAL, days[i], 0);
	const char *const want[] = { "2026-11-22", "2026-11-30", "2026-12-10", "2026-11-21",
				     "2026-10-01", "2026-06-01", "2025-12-01" };
	expect_order(f, want, 7);
}

/* A row carries the notice, the quorum and how its motions ended; an
 * erratum's outcome stands for the result it corrects. */
static void rows_say_notice_quorum_and_outcomes(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	int64_t g = meeting(f, MEETING_GENERAL, "2026-11-01", 6);
	int64_t a = motion(f, g, RESOLUTION_ORDINARY);
	int64_t b = motion(f, g, RESOLUTION_SPECIAL);
	int64_t c = motion(f, g, RESOLUTION_ORDINARY);
	motion(f, g, RESOLUTION_ORDINARY);
	assert_int_equal(meeting_open(f->db, &board, g, NULL), DB_OK);
	assert_int_equal(hands(f, a, 4, 1, 1, 0), DB_OK);           /* carried */
	assert_int_equal(hands(f, b, 3, 2, 0, 0), DB_OK);           /* 3 of 5: lost */
	assert_int_equal(hands(f, c, 1, 4, 0, 0), DB_OK);           /* lost, then */
	struct motion_result r;
	assert_int_equal(motion_result_get(f->db, &board, c, &r), DB_OK);
	assert_int_equal(hands(f, c, 4, 1, 0, r.id), DB_OK);        /* corrected: carried */
	struct meeting_row rows[4];
	int n;
	assert_int_equal(meeting_page(f->db, &board, MEETINGS_UPCOMING_FIRST, PAGE_FIRST, NULL, rows,
				      4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].motions, 4);
	assert_int_equal(rows[0].carried, 2);
	assert_int_equal(rows[0].lost, 1);
	assert_int_equal(rows[0].withdrawn + rows[0].not_quorate, 0);
	assert_int_equal(rows[0].quorum_needed, 5);
	assert_int_equal(rows[0].present_at_start, 6);
	assert_string_equal(rows[0].notice_given_on, "");
}

/* The quorum as attendance is taken: 12 members (5 needed), those present
 * now, less any who left. */
static void quorum_as_it_stands(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	int64_t g = meeting(f, MEETING_GENERAL, "2026-11-20", 4);
	struct meeting_quorum q;
	assert_int_equal(meeting_quorum_now(f->db, &board, g, &q), DB_OK);
	assert_int_equal(q.members, MEMBERS);
	assert_int_equal(q.needed, 5);
	assert_int_equal(q.present, 4);
	assert_false(q.quorate);
	assert_int_equal(attendance_record(f->db, &board, g, f->m[4], ATTENDANCE_ARRIVED, "19:20"),
			 DB_OK);
	assert_int_equal(meeting_quorum_now(f->db, &board, g, &q), DB_OK);
	assert_int_equal(q.present, 5);
	assert_true(q.quorate);
	assert_int_equal(attendance_record(f->db, &board, g, f->m[2], ATTENDANCE_LEFT, "20:05"),
			 DB_OK);
	assert_int_equal(meeting_quorum_now(f->db, &board, g, &q), DB_OK);
	assert_int_equal(q.present, 4);
	assert_false(q.quorate);
	set(f->db, "quorum_min_members", "3");
	assert_int_equal(meeting_quorum_now(f->db, &board, g, &q), DB_OK);
	assert_int_equal(q.needed, 3);
	assert_true(q.quorate);
	/* A board meeting has no member quorum. */
	int64_t b = meeting(f, MEETING_BOARD, "2026-11-20", 1);
	assert_int_equal(meeting_quorum_now(f->db, &board, b, &q), DB_OK);
	assert_false(q.applies);
	assert_int_equal(q.needed, 0);
	/* Nothing was written. */
	struct meeting m;
	assert_int_equal(meeting_get(f->db, &board, g, &m), DB_OK);
	assert_int_equal(m.status, MEETING_PLANNED);
}

/* A roll call records each vote and the result from them at once; one bad
 * name refuses the whole and keeps nothing. */
static void roll_call_in_one_go(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	int64_t g = meeting(f, MEETING_GENERAL, "2026-11-15", 6);
	int64_t mo = motion(f, g, RESOLUTION_ORDINARY);
	assert_int_equal(meeting_open(f->db, &board, g, NULL), DB_OK);
	struct roll_vote v[6] = { 0 };
	for (int i = 0; i < 6; i++) {
		v[i].member_id = f->m[i];
		v[i].vote = i < 3 ? VOTE_FOR : VOTE_AGAINST;
	}
	v[5].member_id = f->m[7];   /* not at the meeting */
	struct motion_result r;
	assert_int_equal(motion_roll_call(f->db, &board, mo, v, 6, CASTING_NONE, &r), DB_INVALID);
	struct vote_row votes[8];
	int n = -1;
	assert_int_equal(motion_votes_list(f->db, &board, mo, votes, 8, &n), DB_OK);
	assert_int_equal(n, 0);
	int64_t present = -1;
	assert_int_equal(motion_presence_count(f->db, &board, mo, &present), DB_OK);
	assert_int_equal(present, 0);
	assert_int_equal(motion_result_get(f->db, &board, mo, &r), DB_NOTFOUND);

	/* 3 for, 2 against, 1 abstaining: carried, from the votes named. */
	v[5].member_id = f->m[5];
	v[5].vote = VOTE_ABSTAIN;
	v[3].vote = VOTE_AGAINST;
	assert_int_equal(motion_roll_call(f->db, &board, mo, v, 6, CASTING_NONE, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_CARRIED);
	assert_int_equal(r.tally.votes_for, 3);
	assert_int_equal(r.tally.votes_against, 2);
	assert_int_equal(r.tally.abstentions, 1);
	assert_int_equal(motion_votes_list(f->db, &board, mo, votes, 8, &n), DB_OK);
	assert_int_equal(n, 6);
	/* Once recorded, a second roll call is refused: an erratum instead. */
	assert_int_equal(motion_roll_call(f->db, &board, mo, v, 6, CASTING_NONE, &r), DB_INVALID);

	/* A tie with the chair's casting vote. */
	int64_t tie = motion(f, g, RESOLUTION_ORDINARY);
	v[5].vote = VOTE_AGAINST;   /* 3 for, 3 against */
	assert_int_equal(motion_roll_call(f->db, &board, tie, v, 6, CASTING_AGAINST, &r), DB_OK);
	assert_int_equal(r.outcome, OUTCOME_LOST);
	assert_int_equal(r.casting, CASTING_AGAINST);

	/* Where the rules allow proxies, an absent member's vote is cast by
	 * the member present who holds it. */
	set(f->db, "proxies_allowed", "1");
	assert_int_equal(attendance_set_proxy(f->db, &board, g, f->m[0], f->m[9]), DB_OK);
	int64_t prox = motion(f, g, RESOLUTION_ORDINARY);
	struct roll_vote pv[7];
	memcpy(pv, v, sizeof v);
	pv[6] = (struct roll_vote){ .member_id = f->m[9], .vote = VOTE_FOR, .by_proxy_id = f->m[0] };
	assert_int_equal(motion_roll_call(f->db, &board, prox, pv, 7, CASTING_NONE, &r), DB_OK);
	assert_int_equal(r.tally.votes_for, 4);
	assert_int_equal(r.outcome, OUTCOME_CARRIED);
	assert_int_equal(motion_votes_list(f->db, &board, prox, votes, 8, &n), DB_OK);
	assert_int_equal(n, 7);
	int by_proxy = 0;
	for (int i = 0; i < n; i++)
		if (votes[i].member_id == f->m[9] && votes[i].by_proxy_id == f->m[0])
			by_proxy++;
	assert_int_equal(by_proxy, 1);
	/* Not held by that member: refused, nothing kept. */
	int64_t wrong = motion(f, g, RESOLUTION_ORDINARY);
	pv[6].by_proxy_id = f->m[1];
	assert_int_equal(motion_roll_call(f->db, &board, wrong, pv, 7, CASTING_NONE, &r), DB_INVALID);
	assert_int_equal(motion_votes_list(f->db, &board, wrong, votes, 8, &n), DB_OK);
	assert_int_equal(n, 0);

	/* Members and volunteers record nothing. */
	struct actor member = test_member(f->m[0]);
	int64_t other = motion(f, g, RESOLUTION_ORDINARY);
	assert_int_equal(motion_roll_call(f->db, &member, other, v, 6, CASTING_NONE, &r), DB_DENIED);
}

/* Members read published general meetings; the board's only when the
 * setting publishes them; of a roll call their own vote, or everyone's
 * when that is published. */
static void what_members_read(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct actor member = test_member(f->m[3]);
	int64_t g = meeting(f, MEETING_GENERAL, "2026-11-10", 6);
	int64_t b = meeting(f, MEETING_BOARD, "2026-11-11", 2);
	int64_t mo = motion(f, g, RESOLUTION_ORDINARY);
	struct meeting m;
	for (int k = 0; k < 2; k++) {
		int64_t id = k ? b : g;
		assert_int_equal(meeting_open(f->db, &board, id, NULL), DB_OK);
		assert_int_equal(meeting_get(f->db, &board, id, &m), DB_OK);
		assert_int_equal(meeting_minutes_set(f->db, &board, id, "Minutes.", m.version), DB_OK);
	}
	struct roll_vote v[6] = { 0 };
	for (int i = 0; i < 6; i++) {
		v[i].member_id = f->m[i];
		v[i].vote = VOTE_FOR;
	}
	assert_int_equal(motion_roll_call(f->db, &board, mo, v, 6, CASTING_NONE, NULL), DB_OK);
	for (int k = 0; k < 2; k++) {
		int64_t id = k ? b : g;
		assert_int_equal(meeting_get(f->db, &board, id, &m), DB_OK);
		assert_int_equal(meeting_publish_minutes(f->db, &board, id, m.version), DB_OK);
	}
	struct meeting_row rows[4];
	int n;
	assert_int_equal(meeting_get(f->db, &member, g, &m), DB_OK);
	assert_int_equal(meeting_get(f->db, &member, b, &m), DB_NOTFOUND);
	assert_int_equal(meeting_page(f->db, &member, MEETINGS_UPCOMING_FIRST, PAGE_FIRST, NULL, rows,
				      4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, g);
	struct vote_row votes[8];
	assert_int_equal(motion_votes_list(f->db, &member, mo, votes, 8, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(votes[0].member_id, f->m[3]);
	assert_int_equal(motion_votes_page(f->db, &member, mo, PAGE_FIRST, NULL, votes, 8, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(votes[0].member_id, f->m[3]);
	/* The board pages them both ways by member number. */
	struct page_key vkey;
	assert_int_equal(motion_votes_page(f->db, &board, mo, PAGE_FIRST, NULL, votes, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	vote_row_key(&votes[3], &vkey);
	assert_int_equal(motion_votes_page(f->db, &board, mo, PAGE_AFTER, &vkey, votes, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(votes[1].member_id, f->m[5]);
	vote_row_key(&votes[0], &vkey);
	assert_int_equal(motion_votes_page(f->db, &board, mo, PAGE_BEFORE, &vkey, votes, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(votes[2].member_id, f->m[3]);
	assert_int_equal(motion_votes_page(f->db, &board, mo, PAGE_LAST, NULL, votes, 2, &n), DB_OK);
	assert_int_equal(votes[1].member_id, f->m[5]);

	set(f->db, "publish_board_meetings", "1");
	set(f->db, "publish_roll_calls", "1");
	assert_int_equal(meeting_get(f->db, &member, b, &m), DB_OK);
	assert_int_equal(meeting_page(f->db, &member, MEETINGS_UPCOMING_FIRST, PAGE_FIRST, NULL, rows,
				      4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(motion_votes_list(f->db, &member, mo, votes, 8, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_int_equal(motion_votes_page(f->db, &member, mo, PAGE_FIRST, NULL, votes, 8, &n), DB_OK);
	assert_int_equal(n, 6);
	/* The outcome rules are read by anyone who reads meetings. */
	struct outcome_rules r;
	assert_int_equal(motion_outcome_rules(f->db, &member, &r), DB_OK);
	assert_int_equal(r.special_num, 2);
	assert_int_equal(r.special_den, 3);
	assert_true(r.chair_casting_vote);
}

/* Attendance and motions a page at a time, both ways; a member sees their
 * own line only. */
static void attendance_and_motions_page_both_ways(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	int64_t g = meeting(f, MEETING_GENERAL, "2026-11-12", 7);
	for (int i = 0; i < 5; i++)
		motion(f, g, RESOLUTION_ORDINARY);
	struct attendance_row a[3];
	struct motion_row mr[3];
	struct page_key key;
	int n, seen = 0;
	int64_t last = 0;
	int rc = attendance_page(f->db, &board, g, PAGE_FIRST, NULL, a, 3, &n);
	while (rc == DB_OK && n > 0) {
		for (int i = 0; i < n; i++, seen++) {
			assert_true(a[i].member_no > last);
			last = a[i].member_no;
		}
		attendance_row_key(&a[n - 1], &key);
		rc = attendance_page(f->db, &board, g, PAGE_AFTER, &key, a, 3, &n);
	}
	assert_int_equal(seen, 7);
	assert_int_equal(attendance_page(f->db, &board, g, PAGE_LAST, NULL, a, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(a[2].member_no, last);
	attendance_row_key(&a[0], &key);
	assert_int_equal(attendance_page(f->db, &board, g, PAGE_BEFORE, &key, a, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_true(a[2].member_no < key.num);

	assert_int_equal(motion_page(f->db, &board, g, PAGE_FIRST, NULL, mr, 3, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(mr[0].motion_no, 1);
	motion_row_key(&mr[2], &key);
	assert_int_equal(motion_page(f->db, &board, g, PAGE_AFTER, &key, mr, 3, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(mr[1].motion_no, 5);
	assert_int_equal(motion_page(f->db, &board, g, PAGE_LAST, NULL, mr, 3, &n), DB_OK);
	assert_int_equal(mr[0].motion_no, 3);
	motion_row_key(&mr[0], &key);
	assert_int_equal(motion_page(f->db, &board, g, PAGE_BEFORE, &key, mr, 3, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(mr[0].motion_no, 1);
	/* Not published: a member sees nothing of it. */
	struct actor member = test_member(f->m[2]);
	assert_int_equal(attendance_page(f->db, &member, g, PAGE_FIRST, NULL, a, 3, &n), DB_NOTFOUND);
	assert_int_equal(motion_page(f->db, &member, g, PAGE_FIRST, NULL, mr, 3, &n), DB_NOTFOUND);
}

/* A motion named as the screens name it: kind, year, number. */
static void motions_found_by_reference(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	int64_t s1 = meeting(f, MEETING_SPECIAL, "2026-10-01", 3);
	int64_t a = motion(f, s1, RESOLUTION_AMALGAMATION);
	int64_t id = -1;
	assert_int_equal(motion_find_by_ref(f->db, &board, MEETING_SPECIAL, 2026, 1, 0, &id), DB_OK);
	assert_int_equal(id, a);
	assert_int_equal(motion_find_by_ref(f->db, &board, MEETING_SPECIAL, 2025, 1, 0, &id), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no motion 1 at a special general meeting in 2025");
	assert_int_equal(motion_find_by_ref(f->db, &board, MEETING_AGM, 2026, 1, 0, &id), DB_NOTFOUND);
	assert_int_equal(motion_find_by_ref(f->db, &board, MEETING_SPECIAL, 2026, 2, 0, &id), DB_NOTFOUND);
	/* A second special general meeting that year with a motion 1. */
	int64_t s2 = meeting(f, MEETING_SPECIAL, "2026-10-20", 3);
	motion(f, s2, RESOLUTION_ORDINARY);
	assert_int_equal(motion_find_by_ref(f->db, &board, MEETING_SPECIAL, 2026, 1, 0, &id), DB_INVALID);
	assert_int_equal(id, 0);
	assert_string_equal(db_errmsg(f->db), "more than one special general meeting in 2026 has a"
			    " motion 1; open the motion from its meeting instead");
	/* A confirmation names an amalgamation: that one alone. */
	assert_int_equal(motion_find_by_ref(f->db, &board, MEETING_SPECIAL, 2026, 1, 1, &id), DB_OK);
	assert_int_equal(id, a);
	assert_int_equal(motion_find_by_ref(f->db, &board, MEETING_SPECIAL, 2026, 2, 1, &id),
			 DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no amalgamation or transfer motion 2 at a"
			    " special general meeting in 2026");
	/* Members find only what is published. */
	struct actor member = test_member(f->m[0]);
	assert_int_equal(motion_find_by_ref(f->db, &member, MEETING_SPECIAL, 2026, 1, 0, &id), DB_NOTFOUND);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(agenda_and_roll_call_are_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(upcoming_first_then_past, setup, teardown),
		cmocka_unit_test_setup_teardown(rows_say_notice_quorum_and_outcomes, setup, teardown),
		cmocka_unit_test_setup_teardown(quorum_as_it_stands, setup, teardown),
		cmocka_unit_test_setup_teardown(roll_call_in_one_go, setup, teardown),
		cmocka_unit_test_setup_teardown(what_members_read, setup, teardown),
		cmocka_unit_test_setup_teardown(attendance_and_motions_page_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(motions_found_by_reference, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
