/*
 * src/cli/demo_meetings.c: the demo co-op's officers and its meetings:
 * general meetings with attendance, motions, votes and results, board
 * meetings, minutes published, and one meeting still to come with its
 * notice given. Decisions and participation are in demo_decisions.c.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/meeting_rules.h"
#include "coopdesk/meetings.h"
#include "coopdesk/motions.h"
#include "coopdesk/officers.h"
#include "coopdesk/settings.h"
#include "demo_data.h"
#include "demo_gen.h"

/* The meetings, by how long before today they were (negative: to come). */
static const struct {
	int days_ago;
	enum meeting_kind kind;
} meeting_plan[MT_COUNT] = {
	{ 760, MEETING_GENERAL }, { 700, MEETING_BOARD }, { 430, MEETING_AGM },
	{ 300, MEETING_SPECIAL }, { 120, MEETING_BOARD }, { 65, MEETING_AGM },
	{ -19, MEETING_GENERAL },
};

static const char *const month_names[] = {
	"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December",
};

/* The day of meeting k: a Tuesday for general meetings, a Monday for the
 * board, never in the co-op's first five weeks. */
int32_t demo_meeting_day(const struct demo *d, int k)
{
	int32_t day = d->today - meeting_plan[k].days_ago;
	if (day < d->founded + 35)
		day = d->founded + 35 + 2 * k;
	int32_t monday = demo_monday_on_or_before(day);
	return meeting_plan[k].kind == MEETING_BOARD ? monday : monday + 1;
}

/* ---- officers ----------------------------------------------------------- */

static int add_officer(struct demo *d, int32_t member, enum officer_office office,
		       int32_t from, int32_t to)
{
	if (member < 0)
		return DB_OK;
	struct officer o;
	memset(&o, 0, sizeof o);
	o.member_id = d->members[member].id;
	o.office = office;
	demo_iso(from, o.became_on);
	if (to != NO_DAY)
		demo_iso(to, o.ceased_on);
	int rc = officer_create(d->db, &d->who, &o);
	if (rc)
		return demo_fail(d, rc, "entering the %s on the register of officers",
				 officer_office_name(office));
	d->n.officers++;
	return DB_OK;
}

int demo_officers(struct demo *d)
{
	int32_t agm1 = demo_meeting_day(d, MT_AGM1), agm2 = demo_meeting_day(d, MT_AGM2);
	int rc = add_officer(d, d->chair, OFFICE_CHAIR, d->founded, NO_DAY);
	if (!rc)
		rc = add_officer(d, d->secretary, OFFICE_SECRETARY, d->founded, NO_DAY);
	if (!rc)
		rc = add_officer(d, d->treasurer, OFFICE_TREASURER, d->founded,
				 d->treasurer_new >= 0 ? agm2 : NO_DAY);
	for (int i = 0; !rc && i < d->ndirectors; i++)
		rc = add_officer(d, d->directors[i], OFFICE_DIRECTOR, d->founded,
				 d->directors[i] == d->director_left && d->director_new >= 0 ? agm1 : NO_DAY);
	if (!rc)
		rc = add_officer(d, d->director_new, OFFICE_DIRECTOR, agm1, NO_DAY);
	if (!rc)
		rc = add_officer(d, d->treasurer_new, OFFICE_TREASURER, agm2, NO_DAY);
	return rc;
}

int demo_on_board(const struct demo *d, int32_t i, int32_t day)
{
	if (i < 0)
		return 0;
	int32_t agm1 = demo_meeting_day(d, MT_AGM1), agm2 = demo_meeting_day(d, MT_AGM2);
	if (i == d->chair || i == d->secretary)
		return 1;
	if (i == d->treasurer)
		return d->treasurer_new < 0 || day < agm2;
	if (i == d->treasurer_new)
		return day >= agm2;
	if (i == d->director_new)
		return day >= agm1;
	for (int k = 0; k < d->ndirectors; k++)
		if (d->directors[k] == i)
			return i != d->director_left || d->director_new < 0 || day < agm1;
	return 0;
}

/* ---- one meeting ---------------------------------------------------------- */

struct attendee {
	int32_t member;
	uint8_t late, left;
};

struct held {
	int64_t id;
	int32_t day;
	int kind;
	struct attendee *who;
	int64_t n, at_start;                /* attending; of them, there at the start */
	int64_t quorum;
	char *minutes;
	size_t mlen, mcap;
};

static void minute(struct held *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void minute(struct held *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(m->minutes + m->mlen, m->mcap - m->mlen, fmt, ap);
	va_end(ap);
	if (len > 0)
		m->mlen += (size_t)len < m->mcap - m->mlen ? (size_t)len : m->mcap - m->mlen - 1;
}

static int in_list(const struct held *m, int32_t member)
{
	for (int64_t i = 0; i < m->n; i++)
		if (m->who[i].member == member)
			return 1;
	return 0;
}

/* Who comes: the board, the demo's users, and enough others for a quorum. */
static int choose_attendees(struct demo *d, struct held *m, int64_t quorum)
{
	int64_t current = 0;
	for (int64_t i = 0; i < d->nmembers; i++)
		current += demo_member_on(d, i, m->day);
	int64_t target = m->kind == MEETING_BOARD ? 0
			 : quorum + 3 + quorum / 10 + (current > 200 ? 0 : current / 5);
	if (target > current)
		target = current;
	m->who = calloc((size_t)(target + 16), sizeof *m->who);
	if (!m->who)
		return -1;
	int32_t specials[16];
	int nspecial = 0;
	specials[nspecial++] = d->chair;
	specials[nspecial++] = d->secretary;
	specials[nspecial++] = d->treasurer;
	specials[nspecial++] = d->treasurer_new;
	specials[nspecial++] = d->director_new;
	for (int k = 0; k < d->ndirectors; k++)
		specials[nspecial++] = d->directors[k];
	specials[nspecial++] = d->user_member;
	specials[nspecial++] = d->user_volunteer;
	for (int k = 0; k < nspecial; k++) {
		int32_t i = specials[k];
		if (i < 0 || !demo_member_on(d, i, m->day))
			continue;
		if (m->kind == MEETING_BOARD && !demo_on_board(d, i, m->day))
			continue;
		if (!in_list(m, i))
			m->who[m->n++] = (struct attendee){ i, 0, 0 };
	}
	for (int64_t i = 0; i < d->nmembers && m->n < target; i++) {
		if (!demo_member_on(d, i, m->day))
			continue;
		if (rng_below(&d->meetings, current) < target && !in_list(m, (int32_t)i))
			m->who[m->n++] = (struct attendee){ (int32_t)i, 0, 0 };
	}
	for (int64_t i = 0; i < d->nmembers && m->n < target; i++)
		if (demo_member_on(d, i, m->day) && !in_list(m, (int32_t)i))
			m->who[m->n++] = (struct attendee){ (int32_t)i, 0, 0 };
	return 0;
}

static int record_attendance(struct demo *d, struct held *m)
{
	int64_t late_ok = m->n - m->quorum - 2;   /* late arrivals never cost the quorum */
	for (int64_t i = 0; i < m->n; i++) {
		struct attendee *a = &m->who[i];
		int late = i > 8 && late_ok > 0 && rng_chance(&d->meetings, 100);
		char at[8];
		snprintf(at, sizeof at, "19:%02d", (int)rng_range(&d->meetings, 10, 40));
		int rc = attendance_record(d->db, &d->who, m->id, d->members[a->member].id,
					   late ? ATTENDANCE_ARRIVED : ATTENDANCE_AT_START, late ? at : NULL);
		if (rc)
			return demo_fail(d, rc, "recording attendance at a meeting on its day");
		a->late = (uint8_t)late;
		late_ok -= late;
		m->at_start += !late;
	}
	return DB_OK;
}

static void member_name(const struct demo *d, int32_t i, char *buf, size_t n)
{
	demo_member_name(&d->members[i], buf, n);
}

/* ---- motions ---------------------------------------------------------------- */

enum want { W_CARRIED, W_LOST, W_TIE, W_WITHDRAWN, W_NOT_QUORATE, W_ERRATUM };

struct motion_spec {
	int meeting;
	const char *title;
	const char *text;
	enum resolution_type res;
	enum want want;
	int ballot;            /* 1: individual votes recorded */
};

static const struct motion_spec motion_specs[] = {
	{ MT_GM, "Adopt the repairs policy",
	  "That the co-op adopts the repairs policy circulated with the notice of this meeting.",
	  RESOLUTION_ORDINARY, W_CARRIED, 0 },
	{ MT_GM, "Adopt the house rules",
	  "That the house rules on rubbish, parking and shared gardens are adopted.",
	  RESOLUTION_ORDINARY, W_CARRIED, 1 },
	{ MT_GM, "Allow dogs in the flats",
	  "That members living in flats may keep a dog with the board's permission.",
	  RESOLUTION_ORDINARY, W_LOST, 0 },
	{ MT_AGM1, "Receive the annual accounts",
	  "That the accounts for the last financial year are received.",
	  RESOLUTION_ORDINARY, W_ERRATUM, 0 },
	{ MT_AGM1, "Appoint the independent examiner",
	  "That Heywood & Co are appointed to examine the accounts for the coming year.",
	  RESOLUTION_ORDINARY, W_CARRIED, 0 },
	{ MT_AGM1, "A community garden on the Spindle Walk green",
	  "That the green behind Spindle Walk becomes a community garden, looked after by "
	  "volunteers, with a budget of £500.",
	  RESOLUTION_ORDINARY, W_TIE, 1 },
	{ MT_SGM, "Rule change: co-opted directors",
	  "That rule 47 is amended so that the board may co-opt up to two members between "
	  "annual general meetings.",
	  RESOLUTION_SPECIAL, W_CARRIED, 1 },
	{ MT_SGM, "Rule change: meetings online as well",
	  "That rule 22 is amended so that general meetings may be held in person and online "
	  "at the same time.",
	  RESOLUTION_SPECIAL, W_LOST, 0 },
	{ MT_SGM, "Rule change: minimum age of 21",
	  "That rule 9 is amended to raise the minimum age for membership to 21.",
	  RESOLUTION_SPECIAL, W_WITHDRAWN, 0 },
	{ MT_AGM2, "Receive the annual accounts",
	  "That the accounts for the last financial year are received.",
	  RESOLUTION_ORDINARY, W_CARRIED, 0 },
	{ MT_AGM2, "Re-appoint the independent examiner",
	  "That Heywood & Co are re-appointed to examine the accounts.",
	  RESOLUTION_ORDINARY, W_CARRIED, 0 },
	{ MT_AGM2, "Rents to rise by CPI + 1% from April",
	  "That the board sets rents from April at the social rent cap of CPI + 1%.",
	  RESOLUTION_ORDINARY, W_CARRIED, 1 },
	{ MT_AGM2, "Paint the Weavers Court stairwell",
	  "That the stairwell at Weavers Court is painted in the co-op's colours.",
	  RESOLUTION_ORDINARY, W_NOT_QUORATE, 0 },
};

/* Counts that give the outcome wanted from `p` members voting. */
static struct vote_tally tally_for(struct demo *d, const struct motion_spec *s, int64_t p)
{
	struct vote_tally t = { 0, 0, 0 };
	t.abstentions = p * rng_range(&d->meetings, 0, 15) / 100;
	int64_t cast = p - t.abstentions;
	int special = s->res == RESOLUTION_SPECIAL;
	switch (s->want) {
	case W_TIE:
		t.votes_for = t.votes_against = cast / 2;
		t.abstentions = p - 2 * t.votes_for;
		break;
	case W_LOST:   /* special: a majority, but short of two thirds */
		t.votes_for = cast * (special ? rng_range(&d->meetings, 52, 62)
					      : rng_range(&d->meetings, 15, 45)) / 100;
		t.votes_against = cast - t.votes_for;
		break;
	default:
		t.votes_for = (cast * (special ? rng_range(&d->meetings, 75, 95)
					       : rng_range(&d->meetings, 60, 95)) + 99) / 100;
		t.votes_against = cast - t.votes_for;
		break;
	}
	return t;
}

static int present_voters(const struct held *m, int32_t *out)
{
	int n = 0;
	for (int64_t i = 0; i < m->n; i++)
		if (!m->who[i].left)
			out[n++] = m->who[i].member;
	return n;
}

static int ballot(struct demo *d, struct held *m, int64_t motion_id, struct vote_tally t)
{
	int64_t added = 0;
	int rc = motion_presence_from_attendance(d->db, &d->who, motion_id, &added);
	if (rc)
		return demo_fail(d, rc, "recording who was present at a vote");
	int64_t k = 0, start = rng_below(&d->meetings, m->n);
	for (int64_t j = 0; j < m->n; j++) {
		const struct attendee *a = &m->who[(start + j) % m->n];
		if (a->left)
			continue;
		enum vote_choice v = k < t.votes_for ? VOTE_FOR
				     : k < t.votes_for + t.votes_against ? VOTE_AGAINST : VOTE_ABSTAIN;
		k++;
		if ((rc = motion_vote(d->db, &d->who, motion_id, d->members[a->member].id, v, 0)))
			return demo_fail(d, rc, "recording a vote");
		d->n.votes++;
	}
	return DB_OK;
}

/* Most go home before the last motion: those left are not a quorum. */
static int go_home(struct demo *d, struct held *m)
{
	int64_t stay = m->quorum > 2 ? m->quorum - 2 : 1;
	for (int64_t i = stay; i < m->n; i++) {
		int rc = attendance_record(d->db, &d->who, m->id, d->members[m->who[i].member].id,
					   ATTENDANCE_LEFT, "20:50");
		if (rc)
			return demo_fail(d, rc, "recording that a member left a meeting");
		m->who[i].left = 1;
	}
	minute(m, "\nMost members left at 20:50; %lld stayed.\n", (long long)stay);
	return DB_OK;
}

static int run_motion(struct demo *d, struct held *m, const struct motion_spec *s, int no)
{
	int rc;
	if (s->want == W_NOT_QUORATE && m->n > 3 && (rc = go_home(d, m)))
		return rc;
	int32_t *voters = malloc((size_t)m->n * sizeof *voters);
	if (!voters)
		return demo_fail(d, DB_ERROR, "out of memory");
	int nv = present_voters(m, voters);
	struct motion mo;
	memset(&mo, 0, sizeof mo);
	mo.meeting_id = m->id;
	snprintf(mo.title, sizeof mo.title, "%s", s->title);
	snprintf(mo.text, sizeof mo.text, "%s", s->text);
	mo.resolution = s->res;
	int32_t proposer = voters[(no * 3) % nv], seconder = voters[(no * 3 + 1) % nv];
	mo.proposer_id = d->members[proposer].id;
	mo.seconder_id = d->members[seconder].id;
	free(voters);
	if ((rc = motion_add(d->db, &d->who, &mo)))
		return demo_fail(d, rc, "adding the motion \"%s\"", s->title);
	d->n.motions++;
	struct motion_result_input in;
	memset(&in, 0, sizeof in);
	in.tally = tally_for(d, s, nv);
	if (s->want == W_TIE)
		in.casting = CASTING_FOR;
	if (s->want == W_WITHDRAWN)
		in.withdrawn = 1;
	else if (s->ballot && m->n <= 400) {
		if ((rc = ballot(d, m, mo.id, in.tally)))
			return rc;
		in.count_recorded_votes = 1;
	}
	struct motion_result r;
	if ((rc = motion_record_result(d->db, &d->who, mo.id, &in, &r)))
		return demo_fail(d, rc, "recording the result of \"%s\"", s->title);
	if (s->want == W_ERRATUM) {
		struct motion_result_input fix = in;
		fix.tally.votes_for -= 1;
		fix.tally.abstentions += 1;
		fix.corrects_id = r.id;
		fix.note = "One vote for was counted twice; corrected when the minutes were approved.";
		if ((rc = motion_record_result(d->db, &d->who, mo.id, &fix, &r)))
			return demo_fail(d, rc, "recording an erratum for \"%s\"", s->title);
	}
	char pn[MEMBER_NAME_MAX * 4 + 1], sn[MEMBER_NAME_MAX * 4 + 1];
	member_name(d, proposer, pn, sizeof pn);
	member_name(d, seconder, sn, sizeof sn);
	minute(m, "\n%d. %s (%s resolution). Proposed by %s, seconded by %s. ", no, s->title,
	       rule_resolution_word(s->res), pn, sn);
	char said[40];
	snprintf(said, sizeof said, "%s", rule_outcome_name(r.outcome));
	said[0] = (char)toupper((unsigned char)said[0]);
	if (r.outcome == OUTCOME_WITHDRAWN)
		minute(m, "Withdrawn by the proposer before the vote.\n");
	else
		minute(m, "%s: %lld for, %lld against, %lld abstentions%s.\n", said,
		       (long long)r.tally.votes_for, (long long)r.tally.votes_against,
		       (long long)r.tally.abstentions,
		       r.casting == CASTING_FOR ? "; carried on the chair's casting vote" : "");
	return DB_OK;
}

/* ---- meetings --------------------------------------------------------------- */

static int publish(struct demo *d, struct held *m)
{
	struct meeting g;
	int rc = meeting_get(d->db, &d->who, m->id, &g);
	if (!rc)
		rc = meeting_minutes_set(d->db, &d->who, m->id, m->minutes, g.version);
	if (!rc)
		rc = meeting_get(d->db, &d->who, m->id, &g);
	if (!rc)
		rc = meeting_publish_minutes(d->db, &d->who, m->id, g.version);
	if (rc)
		return demo_fail(d, rc, "publishing the minutes of \"%s\"", g.title);
	return DB_OK;
}

static void meeting_title(int k, int32_t day, char *buf, size_t n)
{
	struct date t = date_from_days(day);
	switch (k) {
	case MT_GM: snprintf(buf, n, "General meeting: repairs policy and house rules"); break;
	case MT_SGM: snprintf(buf, n, "Special general meeting: changes to the rules"); break;
	case MT_AGM1: case MT_AGM2: snprintf(buf, n, "Annual general meeting %d", t.y); break;
	case MT_NEXT:
		snprintf(buf, n, "General meeting: rents from April %d", t.m >= 4 ? t.y + 1 : t.y);
		break;
	default: snprintf(buf, n, "Board meeting, %s %d", month_names[t.m - 1], t.y); break;
	}
}

static int hold(struct demo *d, int k)
{
	struct meeting g;
	struct held m;
	memset(&g, 0, sizeof g);
	memset(&m, 0, sizeof m);
	m.day = demo_meeting_day(d, k);
	m.kind = meeting_plan[k].kind;
	g.kind = meeting_plan[k].kind;
	meeting_title(k, m.day, g.title, sizeof g.title);
	demo_iso(m.day, g.held_on);
	int board = g.kind == MEETING_BOARD;
	snprintf(g.starts_at, sizeof g.starts_at, "%s", board ? "18:30" : "19:00");
	snprintf(g.place, sizeof g.place, "%s", board ? "Estate office, 1 Alder Street"
						      : "Community room, Weavers Court");
	if (!board) {
		int32_t notice = k == MT_NEXT ? d->today - 1 : m.day - (int32_t)rng_range(&d->meetings, 17, 24);
		demo_iso(notice, g.notice_given_on);
	}
	if (d->chair >= 0)
		g.chair_member_id = d->members[d->chair].id;
	int rc = meeting_create(d->db, &d->who, &g);
	if (rc)
		return demo_fail(d, rc, "arranging \"%s\"", g.title);
	d->meeting_ids[k] = m.id = g.id;
	d->n.meetings++;
	if (m.day > d->today)
		return DB_OK;

	int64_t qmin = 5, qpct = 10, current = 0;
	setting_int(d->db, "quorum_min_members", &qmin);
	setting_int(d->db, "quorum_percent", &qpct);
	for (int64_t i = 0; i < d->nmembers; i++)
		current += demo_member_on(d, i, m.day);
	m.quorum = board ? 0 : rule_quorum(current, qmin, qpct);
	m.mcap = 16384;
	m.minutes = malloc(m.mcap);
	if (!m.minutes || choose_attendees(d, &m, m.quorum)) {
		free(m.minutes);
		return demo_fail(d, DB_ERROR, "out of memory");
	}
	m.minutes[0] = '\0';
	struct meeting_quorum q;
	if (!(rc = record_attendance(d, &m)) && (rc = meeting_open(d->db, &d->who, m.id, &q)))
		rc = demo_fail(d, rc, "opening \"%s\"", g.title);
	if (!rc) {
		if (!board)
			m.quorum = q.needed;
		char chair[MEMBER_NAME_MAX * 4 + 1] = "the chair";
		if (d->chair >= 0)
			member_name(d, d->chair, chair, sizeof chair);
		minute(&m, "%s, held on %s at %s in the %s.\n\nIn the chair: %s.\n", g.title,
		       g.held_on, g.starts_at, g.place, chair);
		if (board)
			minute(&m, "Present: %lld directors and officers.\n", (long long)m.n);
		else
			minute(&m, "Present at the start: %lld members (%lld on the register; quorum "
			       "%lld). %lld arrived later.\n", (long long)q.present,
			       (long long)q.members, (long long)q.needed, (long long)(m.n - m.at_start));
		if (!board)
			minute(&m, "\nThe minutes of the last general meeting were approved.\n");
		int no = 0;
		for (size_t i = 0; !rc && i < sizeof motion_specs / sizeof motion_specs[0]; i++)
			if (motion_specs[i].meeting == k)
				rc = run_motion(d, &m, &motion_specs[i], ++no);
		if (!rc && board)
			minute(&m, "\nThe board's decisions of this meeting are in the decisions "
			       "register.\n");
		if (!rc)
			minute(&m, "\nThe meeting closed at %s.\n", board ? "20:15" : "21:10");
		if (!rc)
			rc = publish(d, &m);
		d->n.meetings_held += !rc;
	}
	free(m.who);
	free(m.minutes);
	return rc;
}

int demo_meetings(struct demo *d)
{
	for (int k = 0; k < MT_COUNT; k++) {
		int rc = hold(d, k);
		if (rc)
			return rc;
	}
	return DB_OK;
}
