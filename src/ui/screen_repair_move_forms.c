/*
 * src/ui/screen_repair_move_forms.c: the short forms the moves of a
 * repair's record open (screen_repair_moves.c): a note for the history
 * (required to cancel or reopen: the data layer says so beside it); the
 * contractor, by the reference field, to assign; whether the tenant was
 * satisfied, to close; the day the tenant asked and the second contractor
 * (Right to Repair); how compensation was settled and when. Each saves
 * with one call to the data layer (one transaction).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/contractors.h"
#include "coopdesk/date.h"
#include "coopdesk/money.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/repairs.h"
#include "form.h"
#include "refs.h"
#include "repair_record.h"

struct move {
	int64_t id, version;
	int to;                                  /* enum repair_status */
	int64_t contractor;
	char note[REPAIR_NOTE_MAX * 4 + 1];
	char on[DATE_BUFSZ];                     /* second contractor, compensation */
	int how;                                 /* compensation: 0 paid, 1 rent */
	int satisfied;                           /* closing: 0 not asked, 1 yes, 2 no */
	char ref[REF_BUFSZ];
};

enum { M_NOTE, M_COUNT };
enum { A_CONTRACTOR, A_NOTE, A_COUNT };
enum { S_ON, S_CONTRACTOR, S_COUNT };
enum { C_HOW, C_ON, C_COUNT };
enum { L_SATISFIED, L_NOTE, L_COUNT };

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
static const char *const satisfied_words[] = { "not asked", "satisfied", "not satisfied", NULL };
static const struct form_spec close_fields[L_COUNT] = {
	[L_SATISFIED] = {
		.label = "Tenant", .kind = FORM_CHOICE, .required = 1, .choices = satisfied_words,
		FORM_AT(struct move, satisfied),
		.help = "Was the tenant satisfied with the repair? Left/Right or Space to choose.",
	},
	[L_NOTE] = NOTE_FIELD(0, "A few words for the history (may be empty)."),
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

static int close_save(struct fscreen *fs)
{
	struct move *m = fs->rec;
	struct app *app = fs->app;
	static const char *const words[] = { "", "satisfied", "dissatisfied" };
	int rc = repair_close(app->db, &app->who, m->id, m->version, m->note,
			      words[m->satisfied >= 0 && m->satisfied <= 2 ? m->satisfied : 0]);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "%s is closed", m->ref);
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
static const struct ferr close_errs[] = { { "note", L_NOTE } };
static const struct fdesc close_form = {
	.name = "Close a repair", .area = 3, .spec = close_fields, .n = L_COUNT,
	.rec_size = sizeof(struct move), .save = close_save, ERRS(close_errs),
};
static const struct fdesc second_form = {
	.name = "A second contractor (Right to Repair)", .area = 3, .spec = second_fields,
	.n = S_COUNT, .rec_size = sizeof(struct move), .save = second_save, ERRS(second_errs),
};
static const struct fdesc settle_form = {
	.name = "Right to Repair compensation", .area = 3, .spec = settle_fields, .n = C_COUNT,
	.rec_size = sizeof(struct move), .save = settle_save, ERRS(settle_errs),
};


struct screen *repair_move_form_new(struct app *app, const struct repair *r,
				    enum repair_form kind, enum repair_status to, const char *what)
{
	static const struct fdesc *const forms[] = {
		[REPAIR_FORM_MOVE] = &move_form, [REPAIR_FORM_ASSIGN] = &assign_form,
		[REPAIR_FORM_CLOSE] = &close_form, [REPAIR_FORM_SECOND] = &second_form,
		[REPAIR_FORM_SETTLE] = &settle_form,
	};
	struct move m = { .id = r->id, .version = r->version, .to = (int)to };
	char title[REF_BUFSZ + 300];
	memcpy(m.ref, r->ref, sizeof m.ref);
	date_format_iso(date_today(), m.on, sizeof m.on);
	title[0] = '\0';
	if (to != REPAIR_NO_STATUS)
		snprintf(title, sizeof title, "%s: %s to %s", r->ref, repair_status_label(r->status),
			 repair_status_label(to));
	if (what)
		snprintf(title, sizeof title, "%s: %s", r->ref, what);
	return form_screen_new(app, forms[kind], title, &m, NULL, 0);
}
