/*
 * src/ui/screen_attendance_forms.c: the board's forms on a meeting's
 * attendance, each a descriptor for the form screen:
 *
 *   present   a member present, at the start or arriving later; it opens
 *             again for the next member, saying the quorum as it stands
 *   left      a member present left, or holds an absent member's proxy
 *             (refused in words unless the rules allow proxies)
 */
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "meetings_area.h"
#include "refs.h"

/* ---- present ----------------------------------------------------------------- */

struct presence {
	int64_t meeting_id;
	int64_t member_id;
	int when;                      /* 0 at the start, 1 arrived later */
	char at[MEETING_TIME_LEN + 8];
};

static const char *const whens[] = { "at the start", "arrived later", NULL };

enum { P_MEMBER, P_WHEN, P_AT, P_COUNT };

static const struct form_spec present_fields[P_COUNT] = {
	[P_MEMBER] = { .label = "Member", .kind = FORM_REF, .required = 1, .ref = &ref_member,
		       FORM_AT(struct presence, member_id),
		       .help = "Their member no. or part of their name; Enter finds them." },
	[P_WHEN] = { .label = "Present", .kind = FORM_CHOICE, .required = 1, .choices = whens,
		     FORM_AT(struct presence, when),
		     .help = "At the start (counted for the quorum when the meeting opens), or"
			     " arrived later." },
	[P_AT] = { .label = "Arrived at", .kind = FORM_TEXT, .max_chars = 5, .width = 6,
		   FORM_AT(struct presence, at),
		   .help = "For a late arrival, the time, like 19:40 (may be left empty)." },
};

static const struct ferr present_errs[] = {
	{ "time", P_AT }, { "member", P_MEMBER }, { "present", P_MEMBER },
};

/* "6 present now; 5 needed: quorate". */
static void quorum_words(struct app *app, int64_t meeting_id, char *buf, size_t n)
{
	struct meeting_quorum q;
	buf[0] = '\0';
	if (meeting_quorum_now(app->db, &app->who, meeting_id, &q) != DB_OK)
		return;
	if (q.applies)
		snprintf(buf, n, "%lld present now; %lld needed: %s", (long long)q.present,
			 (long long)q.needed, q.quorate ? "quorate" : "not quorate yet");
	else
		snprintf(buf, n, "%lld present now", (long long)q.present);
}

static int present_save(struct fscreen *fs)
{
	struct presence *p = fs->rec;
	struct app *app = fs->app;
	int rc = attendance_record(app->db, &app->who, p->meeting_id, p->member_id,
				   p->when ? ATTENDANCE_ARRIVED : ATTENDANCE_AT_START, p->at);
	if (rc)
		return rc;
	char q[160];
	struct ref_match who;
	quorum_words(app, p->meeting_id, q, sizeof q);
	if (ref_member.get(app, p->member_id, &who) != DB_OK)
		snprintf(who.shown, sizeof who.shown, "?");
	snprintf(fs->done, sizeof fs->done, "Member no. %s is present. %s", who.shown, q);
	return DB_OK;
}

static struct screen *present_next(struct fscreen *fs)
{
	struct meeting m = { 0 };
	if (meeting_get(fs->app->db, &fs->app->who, ((struct presence *)fs->rec)->meeting_id, &m))
		return NULL;
	return screen_attendance_new(fs->app, &m);
}

static const struct fdesc present_form = {
	.name = "Mark a member present", .area = 4, .spec = present_fields, .n = P_COUNT,
	.rec_size = sizeof(struct presence), .save = present_save, .errs = present_errs,
	.nerrs = (int)(sizeof present_errs / sizeof present_errs[0]), .then = present_next,
};

struct screen *screen_attendance_new(struct app *app, const struct meeting *m)
{
	struct presence p = { .meeting_id = m->id };
	char title[MEETING_TITLE_MAX * 4 + 200], q[160];
	quorum_words(app, m->id, q, sizeof q);
	snprintf(title, sizeof title, "Present at %s (%s)", m->title, q);
	return form_screen_new(app, &present_form, title, &p, NULL, 0);
}

/* ---- left, or a proxy ----------------------------------------------------------- */

struct leaving {
	int64_t meeting_id;
	int64_t member_id;
	int what;                      /* 0 left, 1 holds a proxy */
	char at[MEETING_TIME_LEN + 8];
	int64_t proxy_for;
};

static const char *const leave_whats[] = { "left the meeting", "holds a proxy", NULL };

enum { L_WHAT, L_AT, L_PROXY, L_COUNT };

static const struct form_spec leave_fields[L_COUNT] = {
	[L_WHAT] = { .label = "Record that", .kind = FORM_CHOICE, .required = 1,
		     .choices = leave_whats, FORM_AT(struct leaving, what),
		     .help = "They left (they are not counted at later votes), or they hold an"
			     " absent member's proxy (only where the co-op's rules allow proxies)." },
	[L_AT] = { .label = "Left at", .kind = FORM_TEXT, .max_chars = 5, .width = 6,
		   FORM_AT(struct leaving, at), .help = "The time they left, like 20:15 (may be empty)." },
	[L_PROXY] = { .label = "Proxy of", .kind = FORM_REF, .ref = &ref_member,
		      FORM_AT(struct leaving, proxy_for),
		      .help = "The absent member whose proxy they hold: a member no. or part of a"
			      " name; empty to clear it." },
};

static const struct ferr leave_errs[] = {
	{ "proxy", L_PROXY }, { "time", L_AT }, { "left", L_AT }, { "member", L_PROXY },
};

static int leave_save(struct fscreen *fs)
{
	struct leaving *l = fs->rec;
	struct app *app = fs->app;
	int rc;
	if (l->what == 0) {
		if ((rc = attendance_record(app->db, &app->who, l->meeting_id, l->member_id,
					    ATTENDANCE_LEFT, l->at)))
			return rc;
		char q[160];
		quorum_words(app, l->meeting_id, q, sizeof q);
		snprintf(fs->done, sizeof fs->done, "Recorded that they left. %s", q);
		return DB_OK;
	}
	if ((rc = attendance_set_proxy(app->db, &app->who, l->meeting_id, l->member_id,
				       l->proxy_for)))
		return rc;
	snprintf(fs->done, sizeof fs->done, l->proxy_for ? "Recorded the proxy they hold"
							  : "Their proxy is cleared");
	return DB_OK;
}

static const struct fdesc leave_form = {
	.name = "A member left, or holds a proxy", .area = 4, .spec = leave_fields, .n = L_COUNT,
	.rec_size = sizeof(struct leaving), .save = leave_save, .errs = leave_errs,
	.nerrs = (int)(sizeof leave_errs / sizeof leave_errs[0]),
};

struct screen *screen_attendance_edit_new(struct app *app, const struct meeting *m,
					  const struct attendance_row *a)
{
	struct leaving l = { .meeting_id = m->id, .member_id = a->member_id,
			     .proxy_for = a->proxy_for };
	char title[MEMBER_NAME_MAX * 4 + MEETING_TITLE_MAX * 4 + 40];
	snprintf(title, sizeof title, "No. %lld %s at %s", (long long)a->member_no, a->name, m->title);
	return form_screen_new(app, &leave_form, title, &l, NULL, 0);
}
