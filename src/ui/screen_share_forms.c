/*
 * src/ui/screen_share_forms.c: the forms that change a member's share or
 * record their participation, each a descriptor for the form screen:
 *
 *   cease    (board) the date and reason membership ended; the share is
 *            cancelled and forfeited in the same transaction (share_cease)
 *   reverse  (board) a reversal that names the operation it corrects; the
 *            operation itself is never edited (share_reverse). An issue is
 *            corrected with its new date in the same step (share_reissue),
 *            so that a current member never stands without their share
 *   hours    (board, and a volunteer for themselves) time given: what, on
 *            which day, how long (participation_add)
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/decisions.h"
#include "coopdesk/members.h"
#include "coopdesk/shares.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "form_text.h"

/* Who a form is about, shown in its title and its last word. */
#define WHO_MAX (MEMBER_NAME_MAX * 4 + 32)

static void who_words(const struct member *m, char *buf, size_t n)
{
	snprintf(buf, n, "no. %lld %s", (long long)m->member_no, m->name);
}

static void today(char iso[ISO_DATE_LEN])
{
	date_format_iso(date_today(), iso, ISO_DATE_LEN);
}

#define F_DATE(type, what, words) { \
	.label = what, .kind = FORM_DATE, .required = 1, FORM_AT(type, on), \
	.help = words " dd/mm/yyyy; not a day still to come." }
#define F_NOTE(type, what, words, req) { \
	.label = what, .kind = FORM_TEXT, .required = req, .max_chars = SHARE_NOTE_MAX, \
	FORM_AT(type, note), .help = words }

/* ---- cease ------------------------------------------------------------------- */

static const char *const reasons[] = { "left", "expelled", "deceased", "other", NULL };

struct cease {
	int64_t member_id, version;
	char who[WHO_MAX];
	char on[ISO_DATE_LEN];
	int reason;
	char note[MEMBER_PURPOSE_MAX * 4 + 1];
};

enum { X_ON, X_REASON, X_NOTE, X_COUNT };

static const struct form_spec cease_fields[X_COUNT] = {
	[X_ON] = F_DATE(struct cease, "Ceased on", "The day membership ended:"),
	[X_REASON] = {
		.label = "Reason", .kind = FORM_CHOICE, .required = 1, .choices = reasons,
		FORM_AT(struct cease, reason),
		.help = "Why membership ended: left, expelled, deceased or other (say what below).",
	},
	[X_NOTE] = F_NOTE(struct cease, "Details", "Optional, but needed for \"other\": a few"
			  " words the register keeps with the date.", 0),
};

static const struct ferr cease_errs[] = {
	{ "tenancy", X_ON }, { "date", X_ON }, { "reason", X_NOTE },
};

static int cease_save(struct fscreen *fs)
{
	struct cease *c = fs->rec;
	char reason[sizeof c->note + 16];
	if (c->reason == 3 && !c->note[0]) {
		form_set_error(fs->form, X_NOTE, "say what the other reason is");
		return FORM_STAY;
	}
	if (c->reason == 3) /* other: the words given are the reason */
		snprintf(reason, sizeof reason, "%s", c->note);
	else
		snprintf(reason, sizeof reason, "%s%s%s", reasons[c->reason],
			 c->note[0] ? ": " : "", c->note);
	int rc = share_cease(fs->app->db, &fs->app->who, c->member_id, c->on, reason, c->version);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Recorded that %s ceased to be a member;"
			 " their share is cancelled and forfeited", c->who);
	return rc;
}

static const struct fdesc cease_form = {
	.name = "A membership ends",
	.area = 2,
	.spec = cease_fields,
	.n = X_COUNT,
	.rec_size = sizeof(struct cease),
	.save = cease_save,
	.errs = cease_errs,
	.nerrs = (int)(sizeof cease_errs / sizeof cease_errs[0]),
};

struct screen *screen_member_cease_new(struct app *app, const struct member *m)
{
	struct cease c = { .member_id = m->id, .version = m->version };
	char title[WHO_MAX + 64];
	who_words(m, c.who, sizeof c.who);
	today(c.on);
	snprintf(title, sizeof title, "%s ceases to be a member: their share is forfeited", c.who);
	return form_screen_new(app, &cease_form, title, &c, NULL, 0);
}

/* ---- reverse ------------------------------------------------------------------ */

struct reversal {
	int64_t op_id, op_no;
	char on[ISO_DATE_LEN];
	char note[SHARE_NOTE_MAX * 4 + 1];
	char again[ISO_DATE_LEN];     /* an issue: the right day */
};

enum { R_ON, R_NOTE, R_AGAIN, R_COUNT };

static const struct form_spec reverse_fields[R_COUNT] = {
	[R_ON] = F_DATE(struct reversal, "Dated", "The day of the correction:"),
	[R_NOTE] = F_NOTE(struct reversal, "Why", "What was wrong with the operation: the"
			  " register keeps it with the reversal.", 1),
	[R_AGAIN] = {
		.label = "Issue again on", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct reversal, again),
		.help = "The day the share should have been issued (not before they were entered"
			" on the register: correct the entry first if that was wrong too).",
	},
};

static const struct ferr reverse_errs[] = {
	{ "entered on the register", R_AGAIN }, { "share issue", R_AGAIN }, { "old", R_AGAIN },
	{ "date", R_ON }, { "dated", R_ON },
};

static int reverse_save(struct fscreen *fs)
{
	struct reversal *r = fs->rec;
	struct app *app = fs->app;
	struct share_op op;
	int64_t id = 0, again = 0;
	int issue = fs->d->n == R_COUNT;
	int rc = issue ? share_reissue(app->db, &app->who, r->op_id, r->on, r->again, r->note, &id,
				       &again)
		       : share_reverse(app->db, &app->who, r->op_id, r->on, r->note, &id);
	if (rc != DB_OK || share_op_get(app->db, &app->who, id, &op) != DB_OK)
		return rc;
	int n = snprintf(fs->done, sizeof fs->done, "Operation no. %lld reverses no. %lld",
			 (long long)op.op_no, (long long)r->op_no);
	if (issue && share_op_get(app->db, &app->who, again, &op) == DB_OK)
		snprintf(fs->done + n, sizeof fs->done - (size_t)n, "; no. %lld issues the share"
			 " again", (long long)op.op_no);
	return DB_OK;
}

#define REVERSE_FORM(count) \
	.area = 2, .spec = reverse_fields, .n = (count), .rec_size = sizeof(struct reversal), \
	.save = reverse_save, .errs = reverse_errs, \
	.nerrs = (int)(sizeof reverse_errs / sizeof reverse_errs[0])

/* A forfeit is reversed on its own; an issue with the share issued again. */
static const struct fdesc reverse_form = { .name = "Correct a share operation",
					   REVERSE_FORM(R_AGAIN) };
static const struct fdesc reissue_form = { .name = "Correct a share issue",
					   REVERSE_FORM(R_COUNT) };

const char share_reversal_stands[] =
	"A reversal is not reversed itself: record the issue or the forfeit again instead";

struct screen *screen_share_reverse_new(struct app *app, const struct share_op_row *o)
{
	struct reversal r = { .op_id = o->id, .op_no = o->op_no };
	char title[MEMBER_NAME_MAX * 4 + 160], day[ZONE_TIME_BUFSZ];
	int issue = o->kind == SHARE_ISSUE;
	today(r.on);
	memcpy(r.again, o->op_date, sizeof r.again);
	zone_format(o->op_date, day, sizeof day);
	if (issue)
		snprintf(title, sizeof title, "Correct share operation no. %lld (no. %lld %s, %s): a reversal,"
			 " and the share issued again", (long long)o->op_no, (long long)o->member_no,
			 o->member_name, day);
	else
		snprintf(title, sizeof title, "Reverse %s no. %lld (no. %lld %s, %s)%s",
			 share_op_kind_name(o->kind), (long long)o->op_no, (long long)o->member_no,
			 o->member_name, day, o->kind == SHARE_FORFEIT ? ": they are a member again" : "");
	return form_screen_new(app, issue ? &reissue_form : &reverse_form, title, &r, NULL, 0);
}

/* ---- hours ---------------------------------------------------------------------- */

static const char *const kinds[] = { "volunteering", "committee", "training", "other", NULL };
static const int kind_values[] = { PARTICIPATION_VOLUNTEERING, PARTICIPATION_COMMITTEE,
				   PARTICIPATION_TRAINING, PARTICIPATION_OTHER };

struct hours {
	struct participation p;
	char who[WHO_MAX];
};

enum { H_KIND, H_ON, H_TIME, H_NOTE, H_COUNT };

static const struct form_spec hours_fields[H_COUNT] = {
	[H_KIND] = {
		.label = "What", .kind = FORM_CHOICE, .required = 1, .choices = kinds,
		.values = kind_values, FORM_AT(struct hours, p.kind),
		.help = "Volunteering, a committee, training or other. Meetings attended come"
			" from the meetings' attendance.",
	},
	[H_ON] = {
		.label = "On", .kind = FORM_DATE, .required = 1, FORM_AT(struct hours, p.on_date),
		.help = "The day, dd/mm/yyyy; not a day still to come.",
	},
	[H_TIME] = {
		.label = "Hours", .kind = FORM_HOURS, .required = 1, .min = 1, .max = 1440,
		FORM_AT(struct hours, p.minutes),
		.help = "How long: 2, 1.5 or 1:30 (hours and minutes); at most 24 hours a record.",
	},
	[H_NOTE] = {
		.label = "Note", .kind = FORM_TEXT, .required = 1, .max_chars = PARTICIPATION_NOTE_MAX,
		FORM_AT(struct hours, p.note),
		.help = "What was done: \"gardening on the estate\", \"repairs committee\".",
	},
};

static const struct ferr hours_errs[] = {
	{ "date", H_ON }, { "future", H_ON }, { "time given", H_TIME }, { "note", H_NOTE },
};

static int hours_save(struct fscreen *fs)
{
	struct hours *h = fs->rec;
	char t[16];
	h->p.id = 0;
	int rc = participation_add(fs->app->db, &fs->app->who, &h->p);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Recorded %s hours of %s for %s",
			 ftext_hours_format(h->p.minutes, t, sizeof t),
			 participation_kind_name(h->p.kind), h->who);
	return rc;
}

static const struct fdesc hours_form = {
	.name = "Participation",
	.area = 2,
	.spec = hours_fields,
	.n = H_COUNT,
	.rec_size = sizeof(struct hours),
	.save = hours_save,
	.errs = hours_errs,
	.nerrs = (int)(sizeof hours_errs / sizeof hours_errs[0]),
};

struct screen *screen_participation_new(struct app *app, const struct member *m)
{
	struct hours h = { .p = { .member_id = m->id, .kind = PARTICIPATION_VOLUNTEERING } };
	char title[WHO_MAX + 64];
	who_words(m, h.who, sizeof h.who);
	today(h.p.on_date);
	snprintf(title, sizeof title, "Time given by %s", h.who);
	return form_screen_new(app, &hours_form, title, &h, NULL, 0);
}
