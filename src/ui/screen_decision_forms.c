/*
 * src/ui/screen_decision_forms.c: the board's forms for decisions, each a
 * descriptor for the form screen: record a decision (its number is the
 * next in the year of its date: decision_add), edit one's title, text and
 * meeting (its date and number stay: decision_update), add an action to
 * it (what, who, by when: decision_action_add), and record that an action
 * was done (decision_action_complete: not before the decision, not after
 * today). A refusal in the data layer's words stands beside its field.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/decisions.h"
#include "coopdesk/meeting_docs.h"
#include "decision_forms.h"
#include "form.h"
#include "refs.h"

#define MEETING_HELP "The number of the meeting it was taken at (the Meetings list's No.);" \
	" empty or 0 for none."

enum { D_DATE, D_TITLE, D_MEETING, D_TEXT, D_COUNT };

/* The fields a new decision and an edit share. */
#define TITLE_FIELD { \
		.label = "Title", .kind = FORM_TEXT, .required = 1, .max_chars = DECISION_TITLE_MAX, \
		FORM_AT(struct decision, title), \
	}
#define MEETING_FIELD { \
		.label = "Meeting no.", .kind = FORM_INTEGER, .min = 0, .max = 999999999, \
		FORM_AT(struct decision, meeting_id), .help = MEETING_HELP, \
	}
#define TEXT_FIELD { \
		.label = "Text", .kind = FORM_MULTILINE, .max_chars = DECISION_TEXT_MAX, \
		FORM_AT(struct decision, text), .help = "What the board decided, in full.", \
	}

static const struct form_spec new_fields[D_COUNT] = {
	[D_DATE] = {
		.label = "Decided on", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct decision, decided_on),
		.help = "The day it was decided, dd/mm/yyyy: its number is the next in that year.",
	},
	[D_TITLE] = TITLE_FIELD,
	[D_MEETING] = MEETING_FIELD,
	[D_TEXT] = TEXT_FIELD,
};

/* Editing: the date stays (the number belongs to its year). */
static const struct form_spec edit_fields[] = { TITLE_FIELD, MEETING_FIELD, TEXT_FIELD };

static const struct ferr new_errs[] = {
	{ "date", D_DATE }, { "year", D_DATE }, { "title", D_TITLE }, { "meeting", D_MEETING },
	{ "text", D_TEXT },
};
static const struct ferr edit_errs[] = {
	{ "title", 0 }, { "meeting", 1 }, { "text", 2 },
};

/* A meeting named must exist: said beside the field, in words. */
static int meeting_ok(struct fscreen *fs, const struct decision *d, int field)
{
	struct meeting m;
	if (!d->meeting_id)
		return 1;
	if (meeting_get(fs->app->db, &fs->app->who, d->meeting_id, &m) == DB_OK)
		return 1;
	char why[80];
	snprintf(why, sizeof why, "there is no meeting number %lld", (long long)d->meeting_id);
	form_set_error(fs->form, field, why);
	return 0;
}

static int new_save(struct fscreen *fs)
{
	struct decision *d = fs->rec;
	char ref[32];
	if (!meeting_ok(fs, d, D_MEETING))
		return FORM_STAY;
	int rc = decision_add(fs->app->db, &fs->app->who, d);
	if (rc == DB_OK) {
		decision_ref(d->year, d->number, ref, sizeof ref);
		snprintf(fs->done, sizeof fs->done, "Recorded decision %s", ref);
	}
	return rc;
}

static struct screen *new_then(struct fscreen *fs)
{
	const struct decision *d = fs->rec;
	return screen_decision_new(fs->app, d->id);
}

static const struct fdesc new_form = {
	.name = "Record a decision",
	.area = 4,
	.spec = new_fields,
	.n = D_COUNT,
	.rec_size = sizeof(struct decision),
	.save = new_save,
	.errs = new_errs,
	.nerrs = (int)(sizeof new_errs / sizeof new_errs[0]),
	.then = new_then,
};

struct screen *screen_decision_add_new(struct app *app)
{
	static struct decision d;   /* large: not on the stack; the form copies it */
	memset(&d, 0, sizeof d);
	date_format_iso(date_today(), d.decided_on, sizeof d.decided_on);
	return form_screen_new(app, &new_form, "Record a board decision", &d, NULL, 0);
}

static int edit_save(struct fscreen *fs)
{
	struct decision *d = fs->rec;
	char ref[32];
	if (!meeting_ok(fs, d, 1))
		return FORM_STAY;
	int rc = decision_update(fs->app->db, &fs->app->who, d);
	if (rc == DB_OK) {
		decision_ref(d->year, d->number, ref, sizeof ref);
		snprintf(fs->done, sizeof fs->done, "Saved decision %s", ref);
	}
	return rc;
}

static const struct fdesc edit_form = {
	.name = "Edit a decision",
	.area = 4,
	.spec = edit_fields,
	.n = (int)(sizeof edit_fields / sizeof edit_fields[0]),
	.rec_size = sizeof(struct decision),
	.save = edit_save,
	.errs = edit_errs,
	.nerrs = (int)(sizeof edit_errs / sizeof edit_errs[0]),
};

struct screen *screen_decision_edit_new(struct app *app, const struct decision *d)
{
	char ref[32], title[64];
	decision_ref(d->year, d->number, ref, sizeof ref);
	snprintf(title, sizeof title, "Decision %s", ref);
	return form_screen_new(app, &edit_form, title, d, NULL, 0);
}

/* ---- actions ------------------------------------------------------------ */

enum { A_WHAT, A_OWNER, A_DUE, A_COUNT };

static const struct form_spec action_fields[A_COUNT] = {
	[A_WHAT] = {
		.label = "Action", .kind = FORM_TEXT, .required = 1, .max_chars = ACTION_TEXT_MAX,
		FORM_AT(struct decision_action, description),
		.help = "What is to be done: \"get three quotes for the roof\".",
	},
	[A_OWNER] = {
		.label = "Who", .kind = FORM_REF, .ref = &ref_member,
		FORM_AT(struct decision_action, owner_member),
		.help = "The member who will do it: their number or part of their name; empty for"
			" nobody named yet.",
	},
	[A_DUE] = {
		.label = "Due by", .kind = FORM_DATE, FORM_AT(struct decision_action, due_on),
		.help = "The day it is due, dd/mm/yyyy; empty for no date.",
	},
};

static const struct ferr action_errs[] = {
	{ "action", A_WHAT }, { "member", A_OWNER }, { "due", A_DUE }, { "date", A_DUE },
};

static int action_save(struct fscreen *fs)
{
	struct decision_action *a = fs->rec;
	int rc = decision_action_add(fs->app->db, &fs->app->who, a);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Added the action");
	return rc;
}

static const struct fdesc action_form = {
	.name = "Add an action",
	.area = 4,
	.spec = action_fields,
	.n = A_COUNT,
	.rec_size = sizeof(struct decision_action),
	.save = action_save,
	.errs = action_errs,
	.nerrs = (int)(sizeof action_errs / sizeof action_errs[0]),
};

struct screen *screen_action_add_new(struct app *app, const struct decision *d)
{
	struct decision_action a = { .decision_id = d->id };
	char ref[32], title[64];
	decision_ref(d->year, d->number, ref, sizeof ref);
	snprintf(title, sizeof title, "A new action on decision %s", ref);
	return form_screen_new(app, &action_form, title, &a, NULL, 0);
}

static const struct form_spec done_fields[] = {
	{
		.label = "Done on", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct decision_action, done_on),
		.help = "The day it was done, dd/mm/yyyy: not before the decision, not after today.",
	},
};

/* Every refusal here is about the day. */
static const struct ferr done_errs[] = { { "", 0 } };

static int done_save(struct fscreen *fs)
{
	struct decision_action *a = fs->rec;
	int rc = decision_action_complete(fs->app->db, &fs->app->who, a->id, a->done_on, a->version);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Recorded that the action was done");
	return rc;
}

static const struct fdesc done_form = {
	.name = "An action done",
	.area = 4,
	.spec = done_fields,
	.n = 1,
	.rec_size = sizeof(struct decision_action),
	.save = done_save,
	.errs = done_errs,
	.nerrs = 1,
};

struct screen *screen_action_done_new(struct app *app, int64_t action_id)
{
	struct decision_action a;
	if (decision_action_read(app->db, &app->who, action_id, &a) != DB_OK) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		return NULL;
	}
	if (a.done_on[0]) {
		app_message(app, STYLE_ERROR, "That action is already recorded as done");
		return NULL;
	}
	char title[ACTION_TEXT_MAX * 4 + 32];
	date_format_iso(date_today(), a.done_on, sizeof a.done_on);
	snprintf(title, sizeof title, "Done: %s", a.description);
	return form_screen_new(app, &done_form, title, &a, NULL, 0);
}
