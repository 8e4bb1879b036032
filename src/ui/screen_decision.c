/*
 * src/ui/screen_decision.c: one board decision, described for the record
 * screen (record.h): its number (2026/14), date, meeting, title and text,
 * and its actions as a sub-list, each with who, when due and when done,
 * the overdue marked. The board: e edits the decision, n adds an action,
 * d (on an action) records that it was done, p shows the minutes of the
 * meeting it was taken at.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/meetings.h"
#include "coopdesk/zone.h"
#include "decision_forms.h"
#include "record.h"

static int load(struct rscreen *rs)
{
	return decision_get(rs->app->db, &rs->app->who, rs->id, rs->rec);
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct decision *d = rs->rec;
	char ref[32];
	decision_ref(d->year, d->number, ref, sizeof ref);
	snprintf(buf, n, "Decision %s  %s", ref, d->title);
}

static void rows(struct rscreen *rs)
{
	const struct decision *d = rs->rec;
	char buf[MEETING_TITLE_MAX * 4 + 64], day[ZONE_TIME_BUFSZ];
	struct meeting m;
	record_row(rs, "Decided on", zone_format(d->decided_on, day, sizeof day), -1);
	if (d->meeting_id &&
	    meeting_get(rs->app->db, &rs->app->who, d->meeting_id, &m) == DB_OK)
		snprintf(buf, sizeof buf, "no. %lld, %s, %s", (long long)m.id,
			 zone_format(m.held_on, day, sizeof day), m.title);
	else
		snprintf(buf, sizeof buf, "%s", d->meeting_id ? "(not found)" : "not at a meeting recorded");
	record_row(rs, "Meeting", buf, -1);
	record_row(rs, "Text", d->text, -1);
}

/* ---- its actions -------------------------------------------------------- */

#define ACTIONS_MAX 200

/* A decision's actions are a handful: read whole, once, from the first. */
static int actions(struct rscreen *rs, enum page_dir dir, const struct page_key *key, void *rows_,
		   int max, int *n)
{
	(void)key;
	*n = 0;
	if (dir != PAGE_FIRST && dir != PAGE_LAST)
		return DB_OK;
	return decision_action_list(rs->app->db, &rs->app->who, rs->id, rows_,
				    max < ACTIONS_MAX ? max : ACTIONS_MAX, n);
}

static void action_key(const void *row, struct page_key *key)
{
	action_row_key(row, key);
}

int action_overdue(const struct action_row *a)
{
	char today[ISO_DATE_LEN];
	date_format_iso(date_today(), today, sizeof today);
	return !a->done_on[0] && a->due_on[0] && strcmp(a->due_on, today) < 0;
}

static int action_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct action_row *a = row;
	char due[ZONE_TIME_BUFSZ], done[ZONE_TIME_BUFSZ];
	(void)rs;
	zone_format(a->due_on, due, sizeof due);
	zone_format(a->done_on, done, sizeof done);
	snprintf(buf, n, "%s%s  %s%s  %s%s  %s", action_overdue(a) ? "! " : "", a->description,
		 a->owner_name[0] ? "for " : "nobody named", a->owner_name,
		 a->due_on[0] ? "due " : "no date", due, a->done_on[0] ? "done " : "open");
	if (a->done_on[0]) {
		size_t used = strlen(buf);
		snprintf(buf + used, n - used, "%s", done);
	}
	return action_overdue(a) ? STYLE_OVERDUE : a->done_on[0] ? STYLE_DIM : -1;
}

static const struct rsub subs[] = {
	{
		.title = "Actions",
		.row_size = sizeof(struct action_row),
		.fetch = actions,
		.key_of = action_key,
		.line = action_line,
		.empty = "No actions.",
	},
};

/* ---- actions on it -------------------------------------------------------- */

static int board(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_DECISIONS, OP_WRITE) == ACCESS_ALL;
}

static void edit(struct rscreen *rs)
{
	app_push(rs->app, screen_decision_edit_new(rs->app, rs->rec));
}

static void add_action(struct rscreen *rs)
{
	app_push(rs->app, screen_action_add_new(rs->app, rs->rec));
}

static void done(struct rscreen *rs)
{
	const struct action_row *a = record_sub_selected(rs, 0);
	char key[KEY_NAME_MAX];
	if (!a) {
		app_message(rs->app, STYLE_ERROR, "Choose an action first: %s moves to the actions",
			    ui_key(rs->app, rs->self, ACT_NEXT_PANE, key, sizeof key));
		return;
	}
	app_push(rs->app, screen_action_done_new(rs->app, a->id));
}

static int has_meeting(const struct rscreen *rs)
{
	return board(rs) && ((const struct decision *)rs->rec)->meeting_id > 0;
}

static void minutes(struct rscreen *rs)
{
	app_push(rs->app, screen_minutes_new(rs->app, ((const struct decision *)rs->rec)->meeting_id));
}

static const struct ract acts[] = {
	{ .action = ACT_EDIT, .help = "Edit this decision's title, meeting and text",
	  .allowed = board, .run = edit, .refused = "Only the board edits decisions" },
	{ .action = ACT_NEW, .label = "add action", .help = "Add an action to this decision",
	  .allowed = board, .run = add_action, .refused = "Only the board adds actions" },
	{ .action = ACT_DONE, .help = "Record that the selected action was done",
	  .allowed = board, .run = done, .refused = "Only the board records actions done" },
	{ .action = ACT_PRINT, .label = "minutes", .help = "The minutes of the meeting it was taken at",
	  .allowed = has_meeting, .run = minutes,
	  .refused = "It was not taken at a meeting recorded: there are no minutes to show" },
};

static const struct rdesc decision_record = {
	.name = "A board decision",
	.area = 4,
	.rec_size = sizeof(struct decision),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = subs,
	.nsubs = 1,
	.acts = acts,
	.nacts = (int)(sizeof acts / sizeof acts[0]),
};

struct screen *screen_decision_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &decision_record, id);
}
