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
#include "coopdesk/contractors.h"
#include "coopdesk/date.h"
#include "coopdesk/money.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/repairs.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "record.h"
#include "refs.h"
#include "repair_record.h"

struct move {
	int64_t id, version;
	int to;                                  /* enum repair_status */
	int64_t contractor;
	char note[REPAIR_NOTE_MAX * 4 + 1];
	char on[DATE_BUFSZ];                     /* second contractor, compensation */
	int how;                                 /* compensation: 0 paid, 1 rent */
	char ref[REF_BUFSZ];
};

enum { M_NOTE, M_COUNT };
enum { A_CONTRACTOR, A_NOTE, A_COUNT };
enum { S_ON, S_CONTRACTOR, S_COUNT };
enum { C_HOW, C_ON, C_COUNT };

#define NOTE_FIELD(req, words) { \
	.label = "Note", .kind = FORM_TEXT, .required = (req), .max_chars = 200, \
	FORM_AT(struct move, note), .help = words }

static const struct form_spec note_fields[M_COUNT] = {
	[M_NOTE] = NOTE_FIELD(0, "A few words for the history (may be empty; to cancel or reopen,"
			      " say why)."),
};
static const struct form_spec assign_fields[A_COUNT] = {
	[A_CONTRACTOR] = {
		.label = "Contractor", .kind = FORM_REF, .required = 1, .ref = &ref_contractor,
		FORM_AT(struct move, contractor),
		.help = "Part of the contractor's name or trade; Enter finds it.",
	},
	[A_NOTE] = NOTE_FIELD(0, "A few words for the history, such as the job number (may be"
			      " empty)."),
};
static const struct form_spec second_fields[S_COUNT] = {
	[S_ON] = {
		.label = "Tenant asked on", .kind = FORM_DATE, .required = 1, FORM_AT(struct move, on),
		.help = "The day the tenant asked for a second contractor, dd/mm/yyyy: the second"
			" period runs from that day.",
	},
	[S_CONTRACTOR] = {
		.label = "Second contractor", .kind = FORM_REF, .required = 1,
		.ref = &ref_contractor, FORM_AT(struct move, contractor),
		.help = "Another contractor than the first: part of a name or trade.",
	},
};
static const char *const settle_words[] = { "paid", "set against rent arrears", NULL };
static const struct form_spec settle_fields[C_COUNT] = {
	[C_HOW] = {
		.label = "Compensation", .kind = FORM_CHOICE, .required = 1, .choices = settle_words,
		FORM_AT(struct move, how),
		.help = "Paid to the tenant, or set against their rent arrears (an adjustment on"
			" the rent account).",
	},
	[C_ON] = {
		.label = "On", .kind = FORM_DATE, .required = 1, FORM_AT(struct move, on),
		.help = "The day, dd/mm/yyyy: not one still to come.",
	},
};

static int move_save(struct fscreen *fs)
{
	struct move *m = fs->rec;
	struct app *app = fs->app;
	struct contractor c;
	char note[sizeof m->note + sizeof c.name + 8];
	snprintf(note, sizeof note, "%s", m->note);
	/* The history names who it went to. */
	if (m->to == REPAIR_ASSIGNED &&
	    contractor_get(app->db, &app->who, m->contractor, &c) == DB_OK)
		snprintf(note, sizeof note, "to %s%s%s", c.name, m->note[0] ? ": " : "", m->note);
	int rc = repair_move(app->db, &app->who, m->id, m->version, (enum repair_status)m->to,
			     note, m->contractor);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "%s is %s", m->ref,
			 repair_status_label((enum repair_status)m->to));
	return rc;
}

static int second_save(struct fscreen *fs)
{
	struct move *m = fs->rec;
	struct app *app = fs->app;
	int rc = repair_rtr_second(app->db, &app->who, m->id, m->version, m->on, m->contractor);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "%s: the second contractor is assigned; the"
			 " second period runs from the day the tenant asked", m->ref);
	return rc;
}

static int settle_save(struct fscreen *fs)
{
	struct move *m = fs->rec;
	struct app *app = fs->app;
	int rc = repair_rtr_settle(app->db, &app->who, m->id, m->version,
				   m->how ? "rent" : "paid", m->on);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "%s: compensation recorded as %s", m->ref,
			 settle_words[m->how ? 1 : 0]);
	return rc;
}

static const struct ferr move_errs[] = {
	{ "contractor", A_CONTRACTOR }, { "say why", A_NOTE }, { "note", A_NOTE },
};
static const struct ferr note_errs[] = { { "say why", M_NOTE }, { "note", M_NOTE } };
static const struct ferr second_errs[] = {
	{ "contractor", S_CONTRACTOR }, { "day", S_ON }, { "first", S_ON },
};
static const struct ferr settle_errs[] = { { "day", C_ON }, { "tenancy", C_HOW } };

#define ERRS(e) .errs = (e), .nerrs = (int)(sizeof(e) / sizeof((e)[0]))

static const struct fdesc move_form = {
	.name = "Move a repair on", .area = 3, .spec = note_fields, .n = M_COUNT,
	.rec_size = sizeof(struct move), .save = move_save, ERRS(note_errs),
};
static const struct fdesc assign_form = {
	.name = "Assign a repair", .area = 3, .spec = assign_fields, .n = A_COUNT,
	.rec_size = sizeof(struct move), .save = move_save, ERRS(move_errs),
};
static const struct fdesc second_form = {
	.name = "A second contractor (Right to Repair)", .area = 3, .spec = second_fields,
	.n = S_COUNT, .rec_size = sizeof(struct move), .save = second_save, ERRS(second_errs),
};
static const struct fdesc settle_form = {
	.name = "Right to Repair compensation", .area = 3, .spec = settle_fields, .n = C_COUNT,
	.rec_size = sizeof(struct move), .save = settle_save, ERRS(settle_errs),
};

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

static void open_form(struct rscreen *rs, const struct fdesc *d, enum repair_status to,
		      const char *what)
{
	const struct repair *r = rec(rs);
	struct move m = { .id = r->id, .version = r->version, .to = (int)to };
	char title[REF_BUFSZ + 300];
	memcpy(m.ref, r->ref, sizeof m.ref);
	date_format_iso(date_today(), m.on, sizeof m.on);
	if (to != REPAIR_NO_STATUS)
		snprintf(title, sizeof title, "%s: %s to %s", r->ref, repair_status_label(r->status),
			 repair_status_label(to));
	else
		snprintf(title, sizeof title, "%s: %s", r->ref, what);
	app_push(rs->app, form_screen_new(rs->app, d, title, &m, NULL, 0));
}

static void run_move(struct rscreen *rs, enum action a)
{
	open_form(rs, a == ACT_ASSIGN ? &assign_form : &move_form, target_of(a), NULL);
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
	open_form(rs, &move_form, r->status, "a note");
}

static void do_second(struct rscreen *rs)
{
	open_form(rs, &second_form, REPAIR_NO_STATUS, "the tenant asks for a second contractor");
}

static void do_settle(struct rscreen *rs)
{
	char title[80], money[MONEY_BUFSZ];
	snprintf(title, sizeof title, "compensation of %s",
		 money_format(rec(rs)->rtr_compensation_pence, money, sizeof money));
	open_form(rs, &settle_form, REPAIR_NO_STATUS, title);
}

static int rtr_on(const struct rscreen *rs)
{
	return office(rs) && rec(rs)->rtr_on;
}

static void do_schedule(struct rscreen *rs)
{
	app_push(rs->app, screen_rtr_schedule_new(rs->app));
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
	{ .action = ACT_SCHEDULE, .allowed = rtr_on, .run = do_schedule },
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
