/*
 * src/ui/screen_meeting_forms.c: the board's forms on meetings, each a
 * descriptor for the form screen:
 *
 *   arrange   kind, date and time, place, the day notice was given, how
 *             votes are taken, the agenda (meeting_create, meeting_update).
 *             The clear days are worked out on saving: short notice is
 *             warned in words beside the notice field first, and a second
 *             save arranges the meeting all the same
 *   motion    a motion tabled: title, text, resolution type, proposer and
 *             seconder, both present (motion_add refuses otherwise)
 *
 * Attendance has its own forms (screen_attendance_forms.c).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "meetings_area.h"
#include "refs.h"

/* ---- arrange ------------------------------------------------------------------- */

static const char *const kinds[] = { "annual general meeting", "general meeting",
				     "special general meeting", "board meeting", NULL };
static const char *const vote_ways[] = { "by count", "by roll call", NULL };

enum { A_KIND, A_TITLE, A_DATE, A_TIME, A_PLACE, A_NOTICE, A_VOTES, A_AGENDA, A_COUNT };

static const struct form_spec arrange_fields[A_COUNT] = {
	[A_KIND] = { .label = "Kind", .kind = FORM_CHOICE, .required = 1, .choices = kinds,
		     FORM_AT(struct meeting, kind),
		     .help = "An AGM, a general or special general meeting, or the board's own." },
	[A_TITLE] = { .label = "Title", .kind = FORM_TEXT, .required = 1,
		      .max_chars = MEETING_TITLE_MAX, FORM_AT(struct meeting, title),
		      .help = "As the notice names it: \"Annual general meeting 2026\"." },
	[A_DATE] = { .label = "Date", .kind = FORM_DATE, .required = 1,
		     FORM_AT(struct meeting, held_on), .help = "The day of the meeting, dd/mm/yyyy." },
	[A_TIME] = { .label = "Time", .kind = FORM_TEXT, .max_chars = 5, .width = 6,
		     FORM_AT(struct meeting, starts_at),
		     .help = "When it starts, local time, like 19:00 (empty: 19:00)." },
	[A_PLACE] = { .label = "Place", .kind = FORM_TEXT, .max_chars = MEETING_PLACE_MAX,
		      FORM_AT(struct meeting, place), .help = "Where: \"the community room\"." },
	[A_NOTICE] = { .label = "Notice given", .kind = FORM_DATE,
		       FORM_AT(struct meeting, notice_given_on),
		       .help = "The day notice went to the members, dd/mm/yyyy. General meetings"
			       " need clear days of notice: neither that day nor the meeting's counts." },
	[A_VOTES] = { .label = "Votes taken", .kind = FORM_CHOICE, .required = 1,
		      .choices = vote_ways, FORM_AT(struct meeting, roll_call),
		      .help = "By count (for, against, abstained) or a roll call naming each"
			      " member present with their vote." },
	[A_AGENDA] = { .label = "Agenda", .kind = FORM_MULTILINE, .max_chars = MEETING_AGENDA_MAX,
		       FORM_AT(struct meeting, agenda), .help = "The items of business, one a line." },
};

static const struct ferr arrange_errs[] = {
	{ "notice", A_NOTICE }, { "start time", A_TIME }, { "title", A_TITLE },
	{ "date", A_DATE }, { "place", A_PLACE }, { "agenda", A_AGENDA }, { "kind", A_KIND },
};

/* What was warned of: the meeting's day and the notice day, so that a
 * second save of the same dates goes ahead (fs->ctx). */
struct warned {
	char held_on[ISO_DATE_LEN];
	char notice[ISO_DATE_LEN];
	int yes;
};

static int arrange_save(struct fscreen *fs)
{
	struct meeting *m = fs->rec;
	struct app *app = fs->app;
	struct warned *w = (struct warned *)fs->ctx;
	struct meeting_notice nc;
	char key[KEY_NAME_MAX], day[ZONE_TIME_BUFSZ];
	int rc = meeting_notice_check(app->db, &app->who, m, &nc);
	if (rc)
		return rc;
	int same = w->yes && !strcmp(w->held_on, m->held_on) && !strcmp(w->notice, m->notice_given_on);
	if (nc.is_short && !same) {
		char beside[120];
		if (m->notice_given_on[0])
			snprintf(beside, sizeof beside, "%d clear day%s; the rules ask for %d",
				 nc.clear_days, nc.clear_days == 1 ? "" : "s", nc.required);
		else
			snprintf(beside, sizeof beside, "no notice recorded; the rules ask for %d clear days",
				 nc.required);
		form_set_error(fs->form, A_NOTICE, beside);
		form_message(fs->form, STYLE_ERROR, "Short notice. To arrange the meeting all the"
			     " same, save again (%s).", ui_key(app, NULL, ACT_SAVE, key, sizeof key));
		memcpy(w->held_on, m->held_on, sizeof w->held_on);
		memcpy(w->notice, m->notice_given_on, sizeof w->notice);
		w->yes = 1;
		return FORM_STAY;
	}
	rc = m->id ? meeting_update(app->db, &app->who, m) : meeting_create(app->db, &app->who, m);
	if (rc)
		return rc;
	int n = snprintf(fs->done, sizeof fs->done, "%s %s on %s at %s", m->version > 1 ? "Saved" : "Arranged",
			 m->title, zone_format(m->held_on, day, sizeof day), m->starts_at);
	if (nc.applies && n > 0 && (size_t)n < sizeof fs->done)
		snprintf(fs->done + n, sizeof fs->done - (size_t)n, nc.is_short
			 ? ": short notice, %d clear days (the rules ask for %d)"
			 : ": %d clear days of notice (the rules ask for %d)", nc.clear_days, nc.required);
	return DB_OK;
}

static struct screen *arranged(struct fscreen *fs)
{
	const struct meeting *m = fs->rec;
	return m->version == 1 ? screen_meeting_new(fs->app, m->id) : NULL;
}

static const struct fdesc arrange_form = {
	.name = "Arrange a meeting", .area = 4, .spec = arrange_fields, .n = A_COUNT,
	.rec_size = sizeof(struct meeting), .save = arrange_save, .errs = arrange_errs,
	.nerrs = (int)(sizeof arrange_errs / sizeof arrange_errs[0]), .then = arranged,
};

struct screen *screen_meeting_form_new(struct app *app, const struct meeting *m)
{
	struct meeting fresh = { 0 };
	char title[MEETING_TITLE_MAX * 4 + 40];
	if (!m) {
		fresh.kind = MEETING_GENERAL;
		strcpy(fresh.starts_at, "19:00");
		date_format_iso(date_today(), fresh.notice_given_on, sizeof fresh.notice_given_on);
		m = &fresh;
		snprintf(title, sizeof title, "Arrange a meeting");
		return form_screen_new(app, &arrange_form, title, m, NULL, 0);
	}
	/* The notice as it stands was warned of when it was saved: changing
	 * something else does not warn again. */
	struct warned w = { .yes = 1 };
	memcpy(w.held_on, m->held_on, sizeof w.held_on);
	memcpy(w.notice, m->notice_given_on, sizeof w.notice);
	snprintf(title, sizeof title, "Change %s", m->title);
	return form_screen_new(app, &arrange_form, title, m, &w, sizeof w);
}

/* ---- motion -------------------------------------------------------------------- */

static const char *const resolutions[] = { "ordinary", "special",
					   "s.111 amalgamation or transfer", NULL };

/* A motion and the reference of the one it confirms, as typed. */
struct mform {
	struct motion mo;
	char confirms[40];
};

enum { M_TITLE, M_TEXT, M_TYPE, M_PROPOSER, M_SECONDER, M_CONFIRMS, M_COUNT };

static const struct form_spec motion_fields[M_COUNT] = {
	[M_TITLE] = { .label = "Title", .kind = FORM_TEXT, .required = 1,
		      .max_chars = MOTION_TITLE_MAX, FORM_AT(struct mform, mo.title),
		      .help = "A few words: \"Change the rules on guests\"." },
	[M_TEXT] = { .label = "Motion", .kind = FORM_MULTILINE, .required = 1,
		     .max_chars = MOTION_TEXT_MAX, FORM_AT(struct mform, mo.text),
		     .help = "The words put to the meeting: \"That the co-op ...\"." },
	[M_TYPE] = { .label = "Resolution", .kind = FORM_CHOICE, .required = 1,
		     .choices = resolutions, FORM_AT(struct mform, mo.resolution),
		     .help = "Ordinary (more for than against), special (the rules' majority of votes"
			     " cast), or s.111 (two thirds, then confirmed 14 days to a month later)." },
	[M_PROPOSER] = { .label = "Proposer", .kind = FORM_REF, .required = 1, .ref = &ref_member,
			 FORM_AT(struct mform, mo.proposer_id),
			 .help = "A member present: their member no. or part of their name." },
	[M_SECONDER] = { .label = "Seconder", .kind = FORM_REF, .required = 1, .ref = &ref_member,
			 FORM_AT(struct mform, mo.seconder_id),
			 .help = "Another member present: not the proposer." },
	[M_CONFIRMS] = { .label = "Confirms", .kind = FORM_TEXT, .max_chars = 20, .width = 14,
			 FORM_AT(struct mform, confirms),
			 .help = "For an s.111 confirmation only: the motion first passed, like"
				 " SGM-2026/1 (its meeting 14 days to a month before this one)." },
};

static const struct ferr motion_errs[] = {
	{ "seconder", M_SECONDER }, { "proposer", M_PROPOSER }, { "title", M_TITLE },
	{ "text", M_TEXT }, { "confirm", M_CONFIRMS }, { "motion", M_CONFIRMS },
	{ "resolution", M_TYPE }, { "amalgamation", M_TYPE },
};

static int motion_save(struct fscreen *fs)
{
	struct mform *f = fs->rec;
	struct motion *mo = &f->mo;
	struct app *app = fs->app;
	enum meeting_kind kind;
	int year;
	int64_t no;
	mo->confirms_id = 0;
	if (f->confirms[0]) {
		if (meeting_motion_ref_parse(f->confirms, &kind, &year, &no)) {
			form_set_error(fs->form, M_CONFIRMS, "a motion is named like SGM-2026/1");
			return FORM_STAY;
		}
		int rc = motion_find_by_ref(app->db, &app->who, kind, year, no, 1, &mo->confirms_id);
		if (rc)
			return rc;
	}
	int rc = motion_add(app->db, &app->who, mo);
	if (rc)
		return rc;
	struct meeting m;
	char ref[40] = "";
	if (meeting_get(app->db, &app->who, mo->meeting_id, &m) == DB_OK)
		meeting_motion_ref(m.kind, m.held_on, mo->motion_no, ref, sizeof ref);
	snprintf(fs->done, sizeof fs->done, "Motion %s tabled: %s", ref, mo->title);
	return DB_OK;
}

static const struct fdesc motion_form = {
	.name = "Table a motion", .area = 4, .spec = motion_fields, .n = M_COUNT,
	.rec_size = sizeof(struct mform), .save = motion_save, .errs = motion_errs,
	.nerrs = (int)(sizeof motion_errs / sizeof motion_errs[0]),
};

struct screen *screen_motion_form_new(struct app *app, const struct meeting *m)
{
	static struct mform f;   /* large (the motion's text): not on the stack */
	memset(&f, 0, sizeof f);
	f.mo.meeting_id = m->id;
	f.mo.resolution = RESOLUTION_ORDINARY;
	char title[MEETING_TITLE_MAX * 4 + 40];
	snprintf(title, sizeof title, "A motion at %s", m->title);
	return form_screen_new(app, &motion_form, title, &f, NULL, 0);
}
