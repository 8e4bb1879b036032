/*
 * src/ui/screen_meeting_minutes.c: the board writes the minutes of a
 * meeting held (meeting_minutes_set) and, when they are ready, publishes
 * them (meeting_publish_minutes): from then members and volunteers read
 * the meeting, its outcomes and the minutes, and nothing in it changes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/meetings.h"
#include "form.h"
#include "meetings_area.h"
#include "meetings_ui.h"
#include "record.h"

struct minutes_rec {
	int64_t id, version;
	int publish;
	char text[MEETING_MINUTES_MAX * 4 + 1];
};

static const char *const answers[] = { "not yet", "publish now", NULL };
static const int answer_values[] = { 0, 1 };

enum { M_TEXT, M_PUBLISH, M_COUNT };

static const struct form_spec fields[M_COUNT] = {
	[M_TEXT] = {
		.label = "Minutes", .kind = FORM_MULTILINE, .required = 1, .rows = 10,
		.max_chars = MEETING_MINUTES_MAX, FORM_AT(struct minutes_rec, text),
		.help = "What the secretary records beyond the attendance, votes and outcomes,"
			" which the minutes' document lists by itself.",
	},
	[M_PUBLISH] = {
		.label = "Publish", .kind = FORM_CHOICE, .required = 1, .choices = answers,
		.values = answer_values, FORM_AT(struct minutes_rec, publish),
		.help = "Published minutes are read by the members; nothing in the meeting is"
			" changed after.",
	},
};

static const struct ferr errs[] = { { "minutes", M_TEXT }, { "publish", M_PUBLISH } };

static int save(struct fscreen *fs)
{
	struct minutes_rec *r = fs->rec;
	int rc = meeting_minutes_set(fs->app->db, &fs->app->who, r->id, r->text, r->version);
	if (rc)
		return rc;
	r->version++;
	if (r->publish && (rc = meeting_publish_minutes(fs->app->db, &fs->app->who, r->id,
							r->version)))
		return rc;
	snprintf(fs->done, sizeof fs->done, r->publish ? "The minutes are saved and published"
		 : "The minutes are saved; publish them when they are agreed");
	return DB_OK;
}

static const struct fdesc minutes_form = {
	.name = "Minutes",
	.area = 4,
	.spec = fields,
	.n = M_COUNT,
	.rec_size = sizeof(struct minutes_rec),
	.save = save,
	.errs = errs,
	.nerrs = (int)(sizeof errs / sizeof errs[0]),
};

struct screen *screen_meeting_minutes_new(struct app *app, const struct meeting *m)
{
	struct minutes_rec *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->id = m->id;
	r->version = m->version;
	meeting_minutes_get(app->db, &app->who, m->id, r->text, sizeof r->text);
	char title[sizeof m->title + 64];
	snprintf(title, sizeof title, "The minutes of %s", m->title);
	struct screen *s = form_screen_new(app, &minutes_form, title, r, NULL, 0);
	free(r);
	return s;
}

/* ---- the meeting record's keys for its documents -------------------------- */

#define MEETING(rs) ((const struct meeting *)(rs)->rec)

const char *meeting_print_word(const struct rscreen *rs)
{
	return MEETING(rs)->status == MEETING_HELD ? "minutes" : "notice";
}

void meeting_print(struct rscreen *rs)
{
	int64_t id = MEETING(rs)->id;
	app_push(rs->app, MEETING(rs)->status == MEETING_HELD ? screen_minutes_new(rs->app, id)
							       : screen_notice_new(rs->app, id));
}

void meeting_notice(struct rscreen *rs)
{
	app_push(rs->app, screen_notice_new(rs->app, MEETING(rs)->id));
}

int meeting_may_write_minutes(const struct rscreen *rs)
{
	return rs->ok && meetings_board(rs->app) && MEETING(rs)->status == MEETING_HELD &&
	       !MEETING(rs)->minutes_published;
}

void meeting_write_minutes(struct rscreen *rs)
{
	app_push(rs->app, screen_meeting_minutes_new(rs->app, MEETING(rs)));
}
