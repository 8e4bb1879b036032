/*
 * src/cli/demo_office.c: the demo co-op's paperwork: board decisions and
 * their actions, members' participation, complaints at both stages,
 * subject access requests, and members' other property (a loan, a
 * deposit).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/complaints.h"
#include "coopdesk/decisions.h"
#include "coopdesk/shares.h"
#include "demo_data.h"
#include "demo_gen.h"

/* ---- decisions ---------------------------------------------------------- */

/* Someone on the board that day to own an action, taking turns. */
static int32_t action_owner(const struct demo *d, int32_t day, int turn)
{
	int32_t who[12];
	int n = 0;
	int32_t all[] = { d->chair, d->secretary, d->treasurer, d->treasurer_new, d->director_new,
			  d->directors[0], d->directors[1], d->directors[2], d->directors[3] };
	for (int k = 0; k < 9; k++) {
		if (k >= 5 && k - 5 >= d->ndirectors)
			break;
		if (demo_on_board(d, all[k], day))
			who[n++] = all[k];
	}
	return n ? who[turn % n] : -1;
}

static int add_actions(struct demo *d, const struct demo_decision *spec, int64_t decision_id,
		       int32_t day, int turn)
{
	for (int a = 0; a < 2 && spec->action[a]; a++) {
		struct decision_action act;
		memset(&act, 0, sizeof act);
		act.decision_id = decision_id;
		snprintf(act.description, sizeof act.description, "%s", spec->action[a]);
		int32_t owner = action_owner(d, day, turn + a);
		act.owner_member = owner >= 0 ? d->members[owner].id : 0;
		int32_t due = day + (int32_t)rng_range(&d->meetings, 14, 60);
		demo_iso(due, act.due_on);
		int rc = decision_action_add(d->db, &d->who, &act);
		if (rc)
			return demo_fail(d, rc, "adding the action \"%s\"", act.description);
		d->n.actions++;
		if (due <= d->today - 7 && rng_chance(&d->meetings, 850)) {
			int32_t done = due - (int32_t)rng_range(&d->meetings, 0, 10);
			if (done < day)
				done = day;
			char on[DATE_BUFSZ];
			demo_iso(done, on);
			if ((rc = decision_action_complete(d->db, &d->who, act.id, on, act.version)))
				return demo_fail(d, rc, "marking the action \"%s\" done", act.description);
		} else if (due < d->today) {
			d->n.actions_overdue++;
		}
	}
	return DB_OK;
}

int demo_decisions(struct demo *d)
{
	int nd = DEMO_COUNT(demo_decision_list);
	int32_t first = d->founded + 10, last = d->today - 3;
	int board_at[2] = { -1, -1 };
	int32_t board_day[2] = { demo_meeting_day(d, MT_BOARD1), demo_meeting_day(d, MT_BOARD2) };
	for (int b = 0; b < 2; b++) {
		int i = (int)((int64_t)(board_day[b] - first) * (nd - 1) / (last - first));
		board_at[b] = i < 0 ? 0 : i >= nd ? nd - 1 : i;
	}
	if (board_at[1] == board_at[0])
		board_at[1] = board_at[0] + 1 < nd ? board_at[0] + 1 : -1;
	for (int i = 0; i < nd; i++) {
		struct decision dec;
		memset(&dec, 0, sizeof dec);
		/* Decided at board meetings, on Mondays. */
		int32_t day = demo_monday_on_or_before(first + (int32_t)((int64_t)(last - first) * i /
									 (nd - 1)));
		for (int b = 0; b < 2; b++)
			if (board_at[b] == i && board_day[b] <= d->today) {
				day = board_day[b];
				dec.meeting_id = d->meeting_ids[b == 0 ? MT_BOARD1 : MT_BOARD2];
			}
		demo_iso(day, dec.decided_on);
		snprintf(dec.title, sizeof dec.title, "%s", demo_decision_list[i].title);
		snprintf(dec.text, sizeof dec.text, "%s", demo_decision_list[i].text);
		int rc = decision_add(d->db, &d->who, &dec);
		if (rc)
			return demo_fail(d, rc, "recording the decision \"%s\"", dec.title);
		d->n.decisions++;
		if ((rc = add_actions(d, &demo_decision_list[i], dec.id, day, i)))
			return rc;
	}
	return DB_OK;
}

/* ---- participation -------------------------------------------------------- */

static int took_part(struct demo *d, int32_t member, enum participation_kind kind, int32_t day,
		     int minutes, const char *note)
{
	if (member < 0 || day > d->today || !demo_member_on(d, member, day))
		return DB_OK;
	struct participation p;
	memset(&p, 0, sizeof p);
	p.member_id = d->members[member].id;
	p.kind = kind;
	demo_iso(day, p.on_date);
	p.minutes = minutes;
	snprintf(p.note, sizeof p.note, "%s", note);
	int rc = participation_add(d->db, &d->who, &p);
	if (rc)
		return demo_fail(d, rc, "recording participation on %s", p.on_date);
	d->n.participation++;
	return DB_OK;
}

static int participation(struct demo *d)
{
	int rc = DB_OK;
	/* The volunteer at the estate office, every other Tuesday for a year. */
	int32_t tuesday = demo_monday_on_or_before(d->today - 2) + 1;
	for (int k = 25; !rc && k >= 0; k--)
		rc = took_part(d, d->user_volunteer, PARTICIPATION_VOLUNTEERING, tuesday - 14 * k,
			       (int)rng_range(&d->meetings, 8, 12) * 15, "Estate office, Tuesday morning");
	/* The maintenance committee, monthly. */
	int32_t committee[3] = { d->directors[0], d->user_volunteer, d->treasurer };
	for (int k = 7; !rc && k >= 0; k--)
		for (int j = 0; !rc && j < 3; j++)
			if (j == 0 ? d->ndirectors > 0 : 1)
				rc = took_part(d, committee[j], PARTICIPATION_COMMITTEE,
					       demo_monday_on_or_before(d->today - 3 - 30 * k), 90,
					       "Maintenance committee");
	/* Training for the board. */
	int32_t board[3] = { d->chair, d->secretary, d->treasurer };
	for (int j = 0; !rc && j < 3; j++) {
		rc = took_part(d, board[j], PARTICIPATION_TRAINING, d->founded + 60, 180,
			       "Safeguarding training");
		if (!rc)
			rc = took_part(d, board[j], PARTICIPATION_TRAINING, d->today - 150, 150,
				       "Damp and mould awareness (Awaab's Law)");
	}
	/* A planting day in the community garden: a Saturday. */
	int32_t saturday = demo_monday_on_or_before(d->today - 200) + 5;
	for (int64_t i = 0, n = 0; !rc && i < d->nmembers && n < 8; i++) {
		int64_t j = (i * 7 + 3) % d->nmembers;
		if (!demo_member_on(d, j, saturday))
			continue;
		rc = took_part(d, (int32_t)j, PARTICIPATION_VOLUNTEERING, saturday, 240,
			       "Community garden planting day");
		n++;
	}
	return rc;
}

/* ---- complaints and subject access ------------------------------------------- */

/* A tenant on `day`: member index and home index. */
static void tenant_on(const struct demo *d, int32_t day, int64_t from, int32_t *member,
		      int32_t *home)
{
	*member = *home = -1;
	for (int64_t k = 0; k < d->ntens; k++) {
		const struct demo_tenancy *t = &d->tens[(from + k) % d->ntens];
		if (t->nsig && t->start <= day && (t->end == NO_DAY || t->end > day)) {
			*member = t->sig[0];
			*home = t->home;
			return;
		}
	}
}

/* The steps of each complaint, in days after it was received; 0: not taken. */
static const struct {
	int received_ago;
	int ack, stage1, escalate, stage2, close;
} complaint_plan[] = {
	{ 300, 3, 11, 0, 0, 14 },
	{ 200, 2, 12, 19, 45, 47 },
	{ 40, 4, 0, 0, 0, 0 },
	{ 2, 0, 0, 0, 0, 0 },
	{ 70, 1, 12, 40, 0, 0 },
	{ 120, 3, 13, 0, 0, 30 },
};

typedef int (*step_fn)(struct db *, const struct actor *, int64_t, const char *, int64_t);

static int complaint_step(struct demo *d, int64_t id, step_fn fn, int32_t day, const char *what)
{
	struct complaint c;
	char on[DATE_BUFSZ];
	demo_iso(day, on);
	int rc = complaint_get(d->db, &d->who, id, &c);
	if (!rc)
		rc = fn(d->db, &d->who, id, on, c.version);
	if (rc)
		return demo_fail(d, rc, "%s a complaint on %s", what, on);
	return DB_OK;
}

static int complaints(struct demo *d)
{
	for (int i = 0; i < DEMO_COUNT(complaint_plan) && i < DEMO_COUNT(demo_complaints); i++) {
		int32_t got = d->today - complaint_plan[i].received_ago;
		if (got < d->founded)
			continue;
		int32_t member, home;
		tenant_on(d, got, (int64_t)i * 11 + 5, &member, &home);
		struct complaint c;
		memset(&c, 0, sizeof c);
		c.member_id = member >= 0 ? d->members[member].id : 0;
		c.home_id = home >= 0 ? d->homes[home].id : 0;
		demo_iso(got, c.received_on);
		snprintf(c.subject, sizeof c.subject, "%s", demo_complaints[i].subject);
		snprintf(c.details, sizeof c.details, "%s", demo_complaints[i].details);
		int rc = complaint_create(d->db, &d->who, &c);
		if (rc)
			return demo_fail(d, rc, "recording the complaint \"%s\"", c.subject);
		d->n.complaints++;
		if (complaint_plan[i].ack &&
		    (rc = complaint_step(d, c.id, complaint_acknowledge, got + complaint_plan[i].ack,
					 "acknowledging")))
			return rc;
		if (complaint_plan[i].stage1 &&
		    (rc = complaint_step(d, c.id, complaint_stage1_reply, got + complaint_plan[i].stage1,
					 "replying at stage 1 to")))
			return rc;
		if (complaint_plan[i].escalate &&
		    (rc = complaint_step(d, c.id, complaint_escalate, got + complaint_plan[i].escalate,
					 "escalating")))
			return rc;
		if (complaint_plan[i].stage2 &&
		    (rc = complaint_step(d, c.id, complaint_stage2_reply, got + complaint_plan[i].stage2,
					 "replying at stage 2 to")))
			return rc;
		if (complaint_plan[i].close &&
		    (rc = complaint_step(d, c.id, complaint_close, got + complaint_plan[i].close,
					 "closing")))
			return rc;
	}
	return DB_OK;
}

static int subject_access(struct demo *d)
{
	static const struct { int ago, answered_after; const char *note; } plan[] = {
		{ 95, 21, "Asked for their rent account and repairs history" },
		{ 9, 0, "Asked for everything the co-op holds about them" },
	};
	for (int i = 0; i < 2; i++) {
		int32_t got = d->today - plan[i].ago;
		int32_t member, home;
		tenant_on(d, got, (int64_t)i * 17 + 3, &member, &home);
		if (member < 0 || got < d->founded)
			continue;
		struct subject_access s;
		memset(&s, 0, sizeof s);
		s.member_id = d->members[member].id;
		demo_iso(got, s.received_on);
		snprintf(s.note, sizeof s.note, "%s", plan[i].note);
		int rc = sar_add(d->db, &d->who, &s);
		if (!rc && plan[i].answered_after) {
			char on[DATE_BUFSZ];
			demo_iso(got + plan[i].answered_after, on);
			rc = sar_complete(d->db, &d->who, s.id, on, s.version);
		}
		if (rc)
			return demo_fail(d, rc, "recording a subject access request");
		d->n.sars++;
	}
	return DB_OK;
}

/* ---- other property: a loan and a deposit ---------------------------------------- */

static int property(struct demo *d)
{
	int32_t who[2] = { d->treasurer, d->chair };
	for (int i = 0; i < 2; i++) {
		if (who[i] < 0)
			continue;
		struct member_property p;
		memset(&p, 0, sizeof p);
		p.member_id = d->members[who[i]].id;
		p.kind = i == 0 ? PROPERTY_LOAN : PROPERTY_DEPOSIT;
		snprintf(p.description, sizeof p.description, "%s",
			 i == 0 ? "Loan to the co-op towards the solar panels on Cotton Lane"
				: "Deposit for the community room keys");
		p.amount_pence = i == 0 ? 50000 : 2000;
		demo_iso(d->founded + (i == 0 ? 100 : 30), p.from_date);
		if (i == 1)
			demo_iso(d->today - 40, p.to_date);
		int rc = property_add(d->db, &d->who, &p);
		if (rc)
			return demo_fail(d, rc, "recording a member's %s", property_kind_name(p.kind));
		d->n.properties++;
	}
	return DB_OK;
}

int demo_office(struct demo *d)
{
	int rc = participation(d);
	if (!rc)
		rc = complaints(d);
	if (!rc)
		rc = subject_access(d);
	if (!rc)
		rc = property(d);
	return rc;
}
