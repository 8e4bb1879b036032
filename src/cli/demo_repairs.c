/*
 * src/cli/demo_repairs.c: the demo co-op's contractors and repairs. Each
 * repair is reported at a time in the past and then moved through its
 * life with times of their own, as far as today allows: old ones are
 * mostly closed, new ones still open, a few stall and run late, some are
 * cancelled or reopened. One repair is in memory at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopdesk/contractors.h"
#include "coopdesk/repair_bulk.h"
#include "coopdesk/repairs.h"
#include "coopdesk/zone.h"
#include "demo_data.h"
#include "demo_gen.h"

#define MIN 60
#define HOUR 3600
#define DAY 86400

static int contractors(struct demo *d)
{
	for (int i = 0; i < DEMO_COUNT(demo_contractors); i++) {
		struct contractor c;
		memset(&c, 0, sizeof c);
		snprintf(c.name, sizeof c.name, "%s", demo_contractors[i].name);
		snprintf(c.trade, sizeof c.trade, "%s", demo_contractors[i].trade);
		snprintf(c.phone, sizeof c.phone, "%s", demo_contractors[i].phone);
		snprintf(c.email, sizeof c.email, "%s", demo_contractors[i].email);
		int rc = contractor_create(d->db, &d->who, &c);
		if (rc)
			return demo_fail(d, rc, "adding the contractor %s", c.name);
		d->contractor_ids[i] = c.id;
	}
	return DB_OK;
}

/* Delays, in seconds, from one move to the next, by priority. */
struct pace {
	int64_t triage[2], assign[2], start[2], late[2], work[2];
};
static const struct pace paces[] = {
	[REPAIR_EMERGENCY] = { { 5 * MIN, 45 * MIN }, { 5 * MIN, 30 * MIN }, { HOUR, 6 * HOUR },
			       { 20 * HOUR, 40 * HOUR }, { 30 * MIN, 3 * HOUR } },
	[REPAIR_URGENT] = { { 30 * MIN, DAY }, { HOUR, DAY }, { DAY, 5 * DAY },
			    { 6 * DAY, 15 * DAY }, { HOUR, DAY } },
	[REPAIR_ROUTINE] = { { HOUR, 2 * DAY }, { 2 * HOUR, 3 * DAY }, { 3 * DAY, 25 * DAY },
			     { 30 * DAY, 60 * DAY }, { HOUR, 3 * DAY } },
	[REPAIR_PLANNED] = { { DAY, 5 * DAY }, { 2 * DAY, 10 * DAY }, { 20 * DAY, 80 * DAY },
			     { 100 * DAY, 160 * DAY }, { DAY, 10 * DAY } },
};

static int64_t between(struct demo *d, const int64_t range[2])
{
	return rng_range(&d->repairs, range[0], range[1]);
}

static const char *pick(struct demo *d, const char *const *notes, int n)
{
	return notes[rng_below(&d->repairs, n)];
}
#define PICK(d, a) pick(d, a, DEMO_COUNT(a))
/* Adds a move, drawing its status, time and note from the generator in
 * that order: as arguments of one call their order would be the
 * compiler's, and a clang demo would differ from a gcc one. */
#define STEP(l, to_expr, at_expr, note_expr) do { \
		enum repair_status to_ = (to_expr); \
		int64_t at_ = (at_expr); \
		const char *note_ = (note_expr); \
		add((l), to_, at_, note_); \
	} while (0)

/* A repair's life to come: the moves, each at a time. */
#define MAX_MOVES 16
struct life {
	int n;
	struct { enum repair_status to; int64_t at; const char *note; } move[MAX_MOVES];
};

static void add(struct life *l, enum repair_status to, int64_t at, const char *note)
{
	if (l->n < MAX_MOVES) {
		l->move[l->n].to = to;
		l->move[l->n].at = at;
		l->move[l->n].note = note;
		l->n++;
	}
}

/* Office hours, 08:00 to 18:00: the time itself, or the next morning's. */
static int64_t office(struct demo *d, int64_t t)
{
	int64_t s = t % DAY, day = t - s;
	if (s < 8 * HOUR)
		return day + 8 * HOUR + rng_below(&d->repairs, 2 * HOUR);
	if (s >= 18 * HOUR)
		return day + DAY + 8 * HOUR + rng_below(&d->repairs, 2 * HOUR);
	return t;
}

/* Triaged, assigned, in progress, completed, closed: from time t. An
 * emergency is dealt with at any hour; the rest in office hours. */
static int64_t work_through(struct demo *d, struct life *l, const struct pace *p, int64_t t,
			    int emergency)
{
	int late = rng_chance(&d->repairs, 110);
#define NEXT(delay) (t = emergency ? t + (delay) : office(d, t + (delay)))
	STEP(l, REPAIR_TRIAGED, NEXT(between(d, p->triage)), PICK(d, demo_note_triage));
	STEP(l, REPAIR_ASSIGNED, NEXT(between(d, p->assign)), "");
	STEP(l, REPAIR_IN_PROGRESS, NEXT(between(d, late ? p->late : p->start)),
	    emergency ? "Made safe on the first visit" : PICK(d, demo_note_start));
	STEP(l, REPAIR_COMPLETED, NEXT(between(d, p->work)), PICK(d, demo_note_done));
#undef NEXT
	int64_t done = t;
	/* Closed after a check: most within the week, some wait for an invoice. */
	int64_t lag = rng_chance(&d->repairs, 700) ? rng_range(&d->repairs, DAY, 7 * DAY)
						   : rng_range(&d->repairs, 7 * DAY, 35 * DAY);
	STEP(l, REPAIR_CLOSED, office(d, t + lag), PICK(d, demo_note_close));
	return done;
}

/* `plain`: none of the mishaps (cancelled, stalled, reopened). */
static void plan_life(struct demo *d, struct life *l, enum repair_priority prio, int64_t t0,
		      int plain)
{
	const struct pace *p = &paces[prio];
	l->n = 0;
	int64_t done = work_through(d, l, p, t0, prio == REPAIR_EMERGENCY);
	int64_t u = plain ? 1000 : rng_below(&d->repairs, 1000);
	if (u < 50) {
		/* Cancelled instead of one of the first three moves. */
		int at = (int)rng_range(&d->repairs, 0, 2);
		int64_t when = (at ? l->move[at - 1].at : t0) + rng_range(&d->repairs, HOUR, 3 * DAY);
		l->n = at;
		STEP(l, REPAIR_CANCELLED, office(d, when), PICK(d, demo_note_cancel));
	} else if (u < 80) {
		/* Stalled: waiting for parts, or for a contractor who never came. */
		l->n = (int)rng_range(&d->repairs, 0, 3);
	} else if (u < 120) {
		/* Reopened after it was completed (or closed), and done again. */
		int closed = rng_chance(&d->repairs, 500);
		if (!closed)
			l->n--;
		int64_t t = office(d, (closed ? l->move[l->n - 1].at : done) +
				      rng_range(&d->repairs, 2 * DAY, 20 * DAY));
		STEP(l, rng_chance(&d->repairs, 300) ? REPAIR_REPORTED : REPAIR_TRIAGED, t,
		    PICK(d, demo_note_reopen));
		if (l->move[l->n - 1].to == REPAIR_REPORTED)
			STEP(l, REPAIR_TRIAGED, t = office(d, t + rng_range(&d->repairs, HOUR, DAY)),
			    "Triaged again");
		STEP(l, REPAIR_ASSIGNED, t = office(d, t + rng_range(&d->repairs, HOUR, DAY)),
		    "Same contractor to go back");
		STEP(l, REPAIR_IN_PROGRESS, t = office(d, t + rng_range(&d->repairs, HOUR, 4 * DAY)),
		    PICK(d, demo_note_start));
		STEP(l, REPAIR_COMPLETED, t = office(d, t + between(d, p->work)), PICK(d, demo_note_done));
		STEP(l, REPAIR_CLOSED, office(d, t + rng_range(&d->repairs, DAY, 7 * DAY)),
		    PICK(d, demo_note_close));
	}
}

static int job_pick(struct demo *d, int total)
{
	int64_t w = rng_below(&d->repairs, total);
	for (int j = 0; j < DEMO_COUNT(demo_jobs); j++) {
		w -= demo_jobs[j].weight;
		if (w < 0)
			return j;
	}
	return 0;
}

/* Right to Repair covers loss of heating only from 31 October to 1 May. */
static int heating_season(int32_t day)
{
	struct date t = date_from_days(day);
	return t.m >= 11 || t.m <= 4 || (t.m == 10 && t.d == 31) || (t.m == 5 && t.d == 1);
}

static int64_t cost_of(struct demo *d, enum repair_priority prio, int rtr)
{
	static const int64_t range[][2] = {
		[REPAIR_EMERGENCY] = { 8000, 45000 }, [REPAIR_URGENT] = { 4500, 30000 },
		[REPAIR_ROUTINE] = { 3500, 40000 }, [REPAIR_PLANNED] = { 80000, 650000 },
	};
	int64_t c = rng_range(&d->repairs, range[prio][0], range[prio][1]);
	if (rtr && c > 24000 && rng_chance(&d->repairs, 800))
		c = rng_range(&d->repairs, 4500, 24000);
	return c / 5 * 5;
}

static struct repair r;   /* one at a time: large, so not on the stack */

static int one_repair(struct demo *d, int64_t i, int32_t home, int64_t t0, int job_total,
		      const char *now_iso, int max_moves)
{
	const struct demo_job *job = &demo_jobs[job_pick(d, job_total)];
	int32_t day = date_to_days(zone_date_of((time_t)t0));   /* the local day */
	memset(&r, 0, sizeof r);
	r.home_id = d->homes[home].id;
	int32_t ti = demo_tenancy_on(d, home, day);
	const struct demo_member *user = d->user_member >= 0 ? &d->members[d->user_member] : NULL;
	if (user && ti >= 0 && user->tenancy == ti)
		r.reported_by_member = user->id;
	else if (ti >= 0 && rng_chance(&d->repairs, 880))
		r.reported_by_member = d->members[d->tens[ti].sig[rng_below(&d->repairs,
									      d->tens[ti].nsig)]].id;
	demo_instant(t0, r.reported_at);
	snprintf(r.title, sizeof r.title, "%s", job->title);
	if (ti < 0)
		snprintf(r.description, sizeof r.description, "Found at the void inspection. %s",
			 job->detail);
	else
		snprintf(r.description, sizeof r.description, "%s", job->detail);
	snprintf(r.location, sizeof r.location, "%s", job->location);
	r.priority = repair_priority_parse(job->priority);
	if (job->rtr_days && (!job->heating || heating_season(day))) {
		r.rtr_days = job->rtr_days;
		snprintf(r.rtr_defect, sizeof r.rtr_defect, "%s", job->defect);
		d->n.rtr++;
	}
	r.damp_hazard = (enum repair_damp)repair_damp_parse(job->damp);
	d->n.damp += r.damp_hazard != REPAIR_DAMP_NONE;
	d->n.emergencies += r.priority == REPAIR_EMERGENCY;
	struct life l;
	int rc;
	if (d->cfg.through_api) {
		if ((rc = repair_report(d->db, &d->who, &r)))
			return demo_fail(d, rc, "reporting repair %lld (%s)", (long long)i + 1,
					 job->title);
	}
	plan_life(d, &l, r.priority, t0, max_moves >= 0);
	if (max_moves >= 0 && l.n > max_moves)
		l.n = max_moves;
	/* The moves that have happened by now. */
	struct repair_bulk_move moves[MAX_MOVES];
	enum repair_status status = REPAIR_REPORTED;
	int64_t investigated = 0;
	int n = 0;
	for (int k = 0; k < l.n && l.move[k].at <= d->now; k++, n++) {
		enum repair_status to = l.move[k].to;
		moves[n].to = to;
		moves[n].contractor_id = to == REPAIR_ASSIGNED ? d->contractor_ids[job->trade] : 0;
		moves[n].note = l.move[k].note;
		demo_instant(l.move[k].at, moves[n].at);
		if (to == REPAIR_IN_PROGRESS && !investigated)
			investigated = l.move[k].at;
		d->n.reopened += repair_move_reopens(status, to);
		status = to;
	}
	/* What the estate office records afterwards: the cost, the damp milestones. */
	static struct repair after;
	after = r;
	int update = 0;
	if (status == REPAIR_COMPLETED || status == REPAIR_CLOSED) {
		after.has_cost = 1;
		after.cost_pence = cost_of(d, r.priority, r.rtr_days);
		update = 1;
	}
	if (r.damp_hazard != REPAIR_DAMP_NONE && investigated) {
		int32_t inv = date_to_days(zone_date_of((time_t)investigated));
		demo_iso(inv, after.investigated_on);
		int32_t sent = inv + (int32_t)rng_range(&d->repairs, 1, 5);
		if (sent <= d->today && rng_chance(&d->repairs, 850))
			demo_iso(sent, after.summary_sent_on);
		update = 1;
	}
	if (!d->cfg.through_api) {
		if ((rc = repair_bulk_add(d->bulk, &r, moves, n, update ? &after : NULL)))
			return demo_fail(d, rc, "writing repair %lld (%s)", (long long)i + 1, job->title);
	} else {
		int64_t version = r.version;
		for (int k = 0; k < n; k++, version++)
			if ((rc = repair_move_at(d->db, &d->who, r.id, version, moves[k].to,
						 moves[k].note, moves[k].contractor_id, moves[k].at)))
				return demo_fail(d, rc, "moving repair %s to %s at %s", r.ref,
						 repair_status_label(moves[k].to), moves[k].at);
		if (update) {
			after.id = r.id;
			after.version = version;
			if ((rc = repair_update(d->db, &d->who, &after)))
				return demo_fail(d, rc, "recording the cost of repair %s", r.ref);
			r = after;
		}
	}
	d->n.repairs_by_status[status]++;
	if (repair_status_is_open(status) && repair_target_passed(r.target_at, now_iso, d->today_iso))
		d->n.overdue++;
	return DB_OK;
}

static int all_repairs(struct demo *d);

int demo_repairs(struct demo *d)
{
	int rc = contractors(d);
	if (rc)
		return rc;
	if (!d->cfg.through_api) {
		char founded[DATE_BUFSZ];
		demo_iso(d->founded - 1, founded);
		if ((rc = repair_bulk_begin(d->db, &d->who, founded, &d->bulk)))
			return demo_fail(d, rc, "starting the repairs");
		/* The tests' way to cross the batches' edges in a small co-op. */
		const char *batch = getenv("COOPDESK_BULK_BATCH");
		if (batch && *batch)
			repair_bulk_batch(d->bulk, atoi(batch));
	}
	rc = all_repairs(d);
	if (!rc && d->bulk && (rc = repair_bulk_finish(d->bulk)))
		rc = demo_fail(d, rc, "writing the last repairs");
	repair_bulk_end(d->bulk);
	d->bulk = NULL;
	return rc;
}

static int all_repairs(struct demo *d)
{
	int rc;
	int job_total = 0;
	for (int j = 0; j < DEMO_COUNT(demo_jobs); j++)
		job_total += demo_jobs[j].weight;
	int64_t R = d->cfg.repairs;
	int64_t start = (int64_t)d->founded * DAY + 8 * HOUR, span = d->now - start;
	char now_iso[21];
	demo_instant(d->now, now_iso);
	int32_t member_home = d->user_member >= 0 ? d->members[d->user_member].home : -1;
	double t_last = demo_seconds();
	for (int64_t i = 0; i < R; i++) {
		/* Spread evenly from the founding to now, at plausible hours. */
		int64_t slot = start + span * i / R;
		int64_t day = slot / DAY;
		int emergency_hour = rng_chance(&d->repairs, 150);
		int64_t secs = emergency_hour ? rng_below(&d->repairs, DAY)
				: rng_range(&d->repairs, 8 * HOUR, 18 * HOUR);
		int64_t t0 = day * DAY + secs;
		if (t0 > d->now)
			t0 = d->now - rng_range(&d->repairs, MIN, 3 * HOUR);
		if (t0 < start)
			t0 = start;
		int32_t home = (int32_t)rng_below(&d->repairs, d->nhomes);
		if (member_home >= 0 && R >= 12 && i % (R / 6) == R / 12)
			home = member_home;
		/* So that every state is seen: the newest is only just reported, and
		 * a few recent ones stop at triaged, assigned, in progress and
		 * completed (waiting for the post-inspection). */
		int max_moves = i == R - 1 ? 0 : -1;
		static const int64_t days_ago[] = { 0, 3, 8, 20, 40 };
		for (int k = 1; k <= 4 && R >= 20; k++)
			if (i == R - 2 - R * days_ago[k] * DAY / span)
				max_moves = k;
		if (max_moves == 3 && member_home >= 0)
			home = member_home;   /* the member user has a repair under way */
		if ((rc = one_repair(d, i, home, t0, job_total, now_iso, max_moves)))
			return rc;
		if ((i + 1) % 100000 == 0) {
			double t = demo_seconds();
			demo_progress(d, "%lld of %lld repairs (%.1f s for the last 100,000)",
				      (long long)(i + 1), (long long)R, t - t_last);
			t_last = t;
		}
	}
	return DB_OK;
}
