/*
 * src/ui/screen_repair.c: one repair, described for the record screen
 * (record.h): every detail, the description whole, and its history as a
 * virtual list. e opens the edit form (screen_repair_edit.c); coming back,
 * the record is read again.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/repair_rules.h"
#include "coopdesk/repairs.h"
#include "coopdesk/zone.h"
#include "record.h"
#include "repair_record.h"

static int load(struct rscreen *rs)
{
	return repair_get(rs->app->db, &rs->app->who, rs->id, rs->rec);
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct repair *r = rs->rec;
	snprintf(buf, n, "Repair %s  %s", r->ref, r->title);
}

static const char *local(const char *iso, char *buf, size_t n)
{
	return zone_format(iso, buf, n);
}

/* One clock of Awaab's Law: its due date or time, and where it stands. */
static void clock_row(struct rscreen *rs, const char *label, const char *due, const char *done)
{
	char buf[200], a[ZONE_TIME_BUFSZ], b[ZONE_TIME_BUFSZ], now[REPAIR_INSTANT_LEN];
	char today[REPAIR_DATE_LEN], done_day[REPAIR_DATE_LEN];
	int style = -1;
	repair_now(now, today);
	if (!due[0]) {
		snprintf(buf, sizeof buf, "starts when the investigation is recorded");
	} else if (done[0]) {
		snprintf(done_day, sizeof done_day, "%.10s", due);
		snprintf(buf, sizeof buf, "due %s: done %s%s", zone_format(due, a, sizeof a),
			 zone_format(done, b, sizeof b),
			 strcmp(done, done_day) > 0 ? ", late" : ", in time");
	} else if (repair_target_passed(due, now, today)) {
		snprintf(buf, sizeof buf, "due %s: MISSED, not done yet", zone_format(due, a, sizeof a));
		style = STYLE_OVERDUE;
	} else {
		snprintf(buf, sizeof buf, "due %s: running", zone_format(due, a, sizeof a));
	}
	record_row(rs, label, buf, style);
}

static void rtr_rows(struct rscreen *rs, const struct repair *r)
{
	char buf[600], a[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	if (!r->rtr_days)
		return;
	snprintf(buf, sizeof buf, "%.320s: %d working day%s", r->rtr_defect[0] ? r->rtr_defect
		 : "a qualifying defect", r->rtr_days, r->rtr_days == 1 ? "" : "s");
	if (r->rtr_due[0]) {
		size_t used = strlen(buf);
		snprintf(buf + used, sizeof buf - used, "; due %s", zone_format(r->rtr_due, a, sizeof a));
	} else {
		size_t used = strlen(buf);
		snprintf(buf + used, sizeof buf - used, "; not Right to Repair: the cost is over the"
			 " limit");
	}
	record_row(rs, "Right to Repair", buf, -1);
	if (r->rtr_second_on[0]) {
		char due[ZONE_TIME_BUFSZ];
		snprintf(buf, sizeof buf, "asked for on %s: %.200s, due %s", zone_format(r->rtr_second_on,
			 a, sizeof a), r->rtr_second_contractor_name,
			 zone_format(r->rtr_second_due, due, sizeof due));
		record_row(rs, "Second contractor", buf, -1);
	}
	if (r->rtr_comp_settled[0]) {
		snprintf(buf, sizeof buf, "%s %s on %s",
			 money_format(r->rtr_comp_paid_pence, money, sizeof money),
			 strcmp(r->rtr_comp_settled, "rent") == 0 ? "set against rent arrears" : "paid",
			 zone_format(r->rtr_comp_on, a, sizeof a));
		record_row(rs, "Compensation", buf, -1);
	} else if (r->rtr_compensation_pence > 0) {
		snprintf(buf, sizeof buf, "%s due (the second contractor missed too)",
			 money_format(r->rtr_compensation_pence, money, sizeof money));
		record_row(rs, "Compensation", buf, STYLE_OVERDUE);
	}
}

static void damp_rows(struct rscreen *rs, const struct repair *r)
{
	char buf[200];
	if (r->damp_hazard == REPAIR_DAMP_NONE)
		return;
	snprintf(buf, sizeof buf, "%s hazard%s", repair_damp_name(r->damp_hazard),
		 r->awaab_on ? " (Awaab's Law)" : " (Awaab's Law is off: no clocks)");
	record_row(rs, "Damp and mould", buf, -1);
	if (!r->awaab_on)
		return;
	clock_row(rs, r->damp_hazard == REPAIR_DAMP_EMERGENCY ? "Make safe" : "Investigate",
		  r->damp_investigate_due, r->investigated_on);
	if (r->damp_hazard == REPAIR_DAMP_SIGNIFICANT) {
		clock_row(rs, "Written summary", r->damp_summary_due, r->summary_sent_on);
		clock_row(rs, "Safety work", r->damp_safety_due, r->safety_done_on);
	}
}

static void rows(struct rscreen *rs)
{
	const struct repair *r = rs->rec;
	char buf[512], a[ZONE_TIME_BUFSZ], b[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	record_row(rs, "Home", r->home_ref, -1);
	record_row(rs, "Where", r->location, -1);
	record_row(rs, "Category", repair_category_label(r->category), -1);
	record_row(rs, "Priority", repair_priority_name(r->priority),
		   r->priority == REPAIR_EMERGENCY ? STYLE_EMERGENCY : -1);
	record_row(rs, "Status", repair_status_label(r->status), -1);
	static const char *const how[] = { "", ", by phone", ", in person", ", by email",
					   ", at an inspection" };
	snprintf(buf, sizeof buf, "%s%s%.400s%s", local(r->reported_at, a, sizeof a),
		 r->reported_by_name[0] ? " by " : "", r->reported_by_name,
		 r->reported_how > 0 && r->reported_how < REPAIR_HOW_COUNT ? how[r->reported_how] : "");
	record_row(rs, "Reported", buf, -1);
	snprintf(buf, sizeof buf, "%s%s", local(r->target_at, b, sizeof b),
		 r->overdue ? "  ! past its target" : "");
	record_row(rs, "Target", buf, r->overdue ? STYLE_OVERDUE : -1);
	record_row(rs, "Contractor", r->contractor_name, -1);
	if (r->has_cost)
		money_format(r->cost_pence, money, sizeof money);
	record_row(rs, "Cost", r->has_cost ? money : "not known", -1);
	if (r->rtr_on)
		rtr_rows(rs, r);
	damp_rows(rs, r);
	if (r->completed_at[0])
		record_row(rs, "Completed", local(r->completed_at, a, sizeof a), -1);
	if (r->closed_at[0])
		record_row(rs, r->status == REPAIR_CANCELLED ? "Cancelled" : "Closed",
			   local(r->closed_at, a, sizeof a), -1);
	if (r->satisfaction[0] || r->status == REPAIR_CLOSED)
		record_row(rs, "Tenant", !r->satisfaction[0] ? "not asked if satisfied"
			   : strcmp(r->satisfaction, "satisfied") == 0 ? "satisfied" : "not satisfied",
			   -1);
	if (r->reopened) {
		snprintf(buf, sizeof buf, "%d time%s", r->reopened, r->reopened == 1 ? "" : "s");
		record_row(rs, "Reopened", buf, -1);
	}
	record_row(rs, "Description", r->description, -1);
}

/* ---- its history ---------------------------------------------------------- */

static int events(struct rscreen *rs, enum page_dir dir, const struct page_key *key, void *rows,
		  int max, int *n)
{
	return repair_events_page(rs->app->db, &rs->app->who, rs->id, dir, key, rows, max, n);
}

static void event_key(const void *row, struct page_key *key)
{
	repair_event_key(row, key);
}

static int64_t event_count(struct rscreen *rs)
{
	int64_t n;
	return repair_event_count(rs->app->db, &rs->app->who, rs->id, &n) == DB_OK ? n : -1;
}

static int event_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct repair_event *e = row;
	char when[ZONE_TIME_BUFSZ];
	(void)rs;
	zone_format(e->at, when, sizeof when);
	if (e->from_status == e->to_status)
		snprintf(buf, n, "%s  %s: note: %s", when, e->actor, e->note);
	else if (repair_move_reopens(e->from_status, e->to_status))
		snprintf(buf, n, "%s  %s: reopened (%s)%s%s", when, e->actor,
			 repair_status_label(e->to_status), e->note[0] ? ": " : "", e->note);
	else
		snprintf(buf, n, "%s  %s: %s%s%s", when, e->actor, repair_status_label(e->to_status),
			 e->note[0] ? ": " : "", e->note);
	return -1;
}

static const struct rsub subs[] = {
	{
		.title = "History",
		.row_size = sizeof(struct repair_event),
		.fetch = events,
		.key_of = event_key,
		.count = event_count,
		.line = event_line,
		.empty = "No events yet.",
	},
};

static const struct rdesc repair_record = {
	.name = "A repair",
	.area = 3,
	.rec_size = sizeof(struct repair),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = subs,
	.nsubs = 1,
	.acts = repair_record_acts,
	.nacts = REPAIR_RECORD_NACTS,
	.why_not = repair_record_why_not,
};

struct screen *screen_repair_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &repair_record, id);
}
