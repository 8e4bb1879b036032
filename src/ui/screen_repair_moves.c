/*
 * src/ui/screen_repair_moves.c: what the estate office does on a repair's
 * record (screen_repair.c): one key per move (triage, assign, work
 * started, done, close, cancel, reopen), each offered only when the move
 * is allowed from where the repair stands, and each a short form: the note
 * the history keeps (required to cancel or reopen), and for assigning the
 * contractor, chosen by the reference field. The move itself is one
 * repair_move: its event names who and when. A key for a move not allowed
 * says why (closing a repair never completed, reopening a cancelled one).
 * The board also records the tenant's request for a second contractor and
 * settles Right to Repair compensation (repair_schemes.h).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/repairs.h"
#include "coopdesk/report.h"
#include "coopdesk/date.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "record.h"
#include "refs.h"
#include "repair_record.h"

/* ---- the keys --------------------------------------------------------------------- */

static const struct { enum action a; enum repair_status to; } moves[] = {
	{ ACT_TRIAGE, REPAIR_TRIAGED }, { ACT_ASSIGN, REPAIR_ASSIGNED },
	{ ACT_START_WORK, REPAIR_IN_PROGRESS }, { ACT_COMPLETE, REPAIR_COMPLETED },
	{ ACT_CLOSE_REPAIR, REPAIR_CLOSED }, { ACT_CANCEL_REPAIR, REPAIR_CANCELLED },
	{ ACT_REOPEN, REPAIR_REPORTED },
};
#define NMOVES (sizeof moves / sizeof moves[0])

static enum repair_status target_of(enum action a)
{
	for (size_t i = 0; i < NMOVES; i++)
		if (moves[i].a == a)
			return moves[i].to;
	return REPAIR_NO_STATUS;
}

static int office(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_REPAIRS, OP_WRITE) == ACCESS_ALL;
}

static int board(const struct rscreen *rs)
{
	return rs->app->who.role == ROLE_BOARD;
}

static const struct repair *rec(const struct rscreen *rs)
{
	return rs->rec;
}

/* Why a move key does nothing now, or NULL when it may be made. */
static const char *move_refusal(const struct rscreen *rs, enum action a)
{
	const struct repair *r = rec(rs);
	enum repair_status to = target_of(a);
	if (to == REPAIR_NO_STATUS)
		return NULL;
	if (!office(rs))
		return "Only the board and volunteers move repairs on";
	if (a == ACT_REOPEN && r->status == REPAIR_CANCELLED)
		return "a cancelled repair is not reopened: log it again if it still needs doing";
	if (a == ACT_REOPEN && r->status != REPAIR_COMPLETED && r->status != REPAIR_CLOSED)
		return "only a completed or closed repair is reopened";
	return repair_move_refusal(r->status, to);
}

static int move_allowed(const struct rscreen *rs, enum action a)
{
	return move_refusal(rs, a) == NULL;
}

#define ALLOWED(name, act) \
	static int name(const struct rscreen *rs) { return move_allowed(rs, act); }
ALLOWED(may_triage, ACT_TRIAGE)
ALLOWED(may_assign, ACT_ASSIGN)
ALLOWED(may_start, ACT_START_WORK)
ALLOWED(may_complete, ACT_COMPLETE)
ALLOWED(may_close, ACT_CLOSE_REPAIR)
ALLOWED(may_cancel, ACT_CANCEL_REPAIR)
ALLOWED(may_reopen, ACT_REOPEN)

static const char *second_refusal(const struct rscreen *rs)
{
	const struct repair *r = rec(rs);
	if (!board(rs))
		return "Only the board records a request for a second contractor";
	if (!r->rtr_on)
		return "Right to Repair does not bind the co-op (the setting scheme_right_to_repair"
		       " is off)";
	if (!r->rtr_due[0])
		return "this repair does not qualify for Right to Repair";
	if (r->rtr_second_on[0])
		return "a second contractor was already asked for";
	if (!repair_status_is_open(r->status))
		return "a second contractor is for a repair still to be done";
	return NULL;
}

static const char *settle_refusal(const struct rscreen *rs)
{
	const struct repair *r = rec(rs);
	if (!board(rs))
		return "Only the board records compensation";
	if (!r->rtr_on)
		return "Right to Repair does not bind the co-op (the setting scheme_right_to_repair"
		       " is off)";
	if (r->rtr_comp_settled[0])
		return "the compensation was already recorded";
	if (r->rtr_compensation_pence <= 0)
		return "no compensation is due: only when a second contractor misses too";
	return NULL;
}

static int may_second(const struct rscreen *rs) { return second_refusal(rs) == NULL; }
static int may_settle(const struct rscreen *rs) { return settle_refusal(rs) == NULL; }

static void open_form(struct rscreen *rs, enum repair_form kind, enum repair_status to,
		      const char *what)
{
	app_push(rs->app, repair_move_form_new(rs->app, rec(rs), kind, to, what));
}

static void run_move(struct rscreen *rs, enum action a)
{
	open_form(rs, a == ACT_ASSIGN ? REPAIR_FORM_ASSIGN : a == ACT_CLOSE_REPAIR ?
		  REPAIR_FORM_CLOSE : REPAIR_FORM_MOVE, target_of(a), NULL);
}

#define RUN(name, act) static void name(struct rscreen *rs) { run_move(rs, act); }
RUN(do_triage, ACT_TRIAGE)
RUN(do_assign, ACT_ASSIGN)
RUN(do_start, ACT_START_WORK)
RUN(do_complete, ACT_COMPLETE)
RUN(do_close, ACT_CLOSE_REPAIR)
RUN(do_cancel, ACT_CANCEL_REPAIR)
RUN(do_reopen, ACT_REOPEN)

static void do_note(struct rscreen *rs)
{
	const struct repair *r = rec(rs);
	open_form(rs, REPAIR_FORM_MOVE, r->status, "a note");
}

static void do_second(struct rscreen *rs)
{
	open_form(rs, REPAIR_FORM_SECOND, REPAIR_NO_STATUS, "the tenant asks for a second contractor");
}

static void do_settle(struct rscreen *rs)
{
	char title[80], money[MONEY_BUFSZ];
	snprintf(title, sizeof title, "compensation of %s",
		 money_format(rec(rs)->rtr_compensation_pence, money, sizeof money));
	open_form(rs, REPAIR_FORM_SETTLE, REPAIR_NO_STATUS, title);
}

static int rtr_on(const struct rscreen *rs)
{
	return office(rs) && rec(rs)->rtr_on;
}

static void do_schedule(struct rscreen *rs)
{
	app_push(rs->app, screen_rtr_schedule_new(rs->app));
}

/* The Awaab's Law report for this calendar year, from a damp repair. */
static int write_awaab(struct app *app, const void *ctx, const struct report_opts *o, FILE *out)
{
	(void)ctx;
	char from[DATE_BUFSZ];
	struct date d = date_today();
	d.m = 1;
	d.d = 1;
	date_format_iso(d, from, sizeof from);
	return report_awaab(app->db, &app->who, from, NULL, o, out);
}

static int damp_report(const struct rscreen *rs)
{
	return office(rs) && rec(rs)->awaab_on && rec(rs)->damp_hazard != REPAIR_DAMP_NONE;
}

static void do_awaab(struct rscreen *rs)
{
	app_push(rs->app, screen_document_new(rs->app, "Awaab's Law this year", write_awaab, NULL,
					      0));
}

static void edit(struct rscreen *rs)
{
	app_push(rs->app, screen_repair_edit_new(rs->app, rs->id));
}

static int note_allowed(const struct rscreen *rs)
{
	return office(rs);
}

/* The move whose note form is open reads a NOTE as the status it is in. */
const struct ract repair_record_acts[REPAIR_RECORD_NACTS] = {
	{ .action = ACT_EDIT, .help = "Edit this repair's details (board and volunteers)",
	  .allowed = office, .run = edit,
	  .refused = "Only the board and volunteers edit repairs" },
	{ .action = ACT_TRIAGE, .allowed = may_triage, .run = do_triage },
	{ .action = ACT_ASSIGN, .allowed = may_assign, .run = do_assign },
	{ .action = ACT_START_WORK, .allowed = may_start, .run = do_start },
	{ .action = ACT_COMPLETE, .allowed = may_complete, .run = do_complete },
	{ .action = ACT_CLOSE_REPAIR, .allowed = may_close, .run = do_close },
	{ .action = ACT_CANCEL_REPAIR, .allowed = may_cancel, .run = do_cancel },
	{ .action = ACT_REOPEN, .allowed = may_reopen, .run = do_reopen },
	{ .action = ACT_NOTE, .allowed = note_allowed, .run = do_note,
	  .refused = "Only the board and volunteers add notes to a repair" },
	{ .action = ACT_SECOND_CONTRACTOR, .allowed = may_second, .run = do_second },
	{ .action = ACT_COMPENSATION, .allowed = may_settle, .run = do_settle },
	{ .action = ACT_SCHEDULE, .allowed = rtr_on, .run = do_schedule, .unhinted = 1 },
	{ .action = ACT_PRINT, .label = "Awaab report", .allowed = damp_report, .run = do_awaab,
	  .unhinted = 1,
	  .help = "This year's Awaab's Law report: every damp and mould clock, running, met or"
		  " breached" },
};
_Static_assert(sizeof repair_record_acts / sizeof repair_record_acts[0] == REPAIR_RECORD_NACTS,
	       "the record counts its actions");

const char *repair_record_why_not(struct rscreen *rs, enum action a)
{
	if (!rs->ok)
		return NULL;
	if (a == ACT_SECOND_CONTRACTOR)
		return second_refusal(rs);
	if (a == ACT_COMPENSATION)
		return settle_refusal(rs);
	return move_refusal(rs, a);
}
