/*
 * src/ui/screen_decisions.c: the board's decisions and its open actions,
 * each a list descriptor (list_screen.h), paged from the database.
 *
 *  - Decisions, newest first (s: oldest first): number (2026/14), date,
 *    title, open actions. Enter opens one with its actions; n records a
 *    new one.
 *  - Open actions, soonest due first (those with no date first): the
 *    decision, the action, who, the day due, the overdue marked in the
 *    warning style and counted above the list. Enter opens the decision;
 *    d records that the selected action was done.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/meeting_docs.h"
#include "coopdesk/zone.h"
#include "decision_forms.h"
#include "list_screen.h"

#define DEC(r) ((const struct decision_row *)(r))
#define ACT(r) ((const struct action_row *)(r))

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_DECISIONS, OP_WRITE) == ACCESS_ALL;
}

static int cell_ref(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	decision_ref(DEC(row)->year, DEC(row)->number, buf, n);
	return -1;
}

static int cell_date(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	zone_format(DEC(row)->decided_on, buf, n);
	return -1;
}

static int cell_title(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", DEC(row)->title);
	return -1;
}

static int cell_open(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%lld", (long long)DEC(row)->open_actions);
	return -1;
}

static const struct lcol decision_cols[] = {
	{ "No.", 10, 0, 0, cell_ref },
	{ "Decided", 12, 0, 0, cell_date },
	{ "Title", 0, 0, 0, cell_title },
	{ "Open actions", 13, 0, 1, cell_open },
};

static const char *const decision_sorts[] = { "newest first", "oldest first" };

static int decision_fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key,
			  void *rows, int max, int *n)
{
	return decision_page(ls->app->db, &ls->app->who, (enum decision_order)ls->sort, dir, key,
			     rows, max, n);
}

static void decision_key(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	decision_row_key(row, key);
}

static struct screen *decision_open(struct lscreen *ls, const void *row)
{
	return screen_decision_new(ls->app, DEC(row)->id);
}

static void decision_new(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_decision_add_new(ls->app));
}

static const struct lact decision_acts[] = {
	{ .action = ACT_NEW, .label = "new decision", .help = "Record a new board decision",
	  .allowed = board, .run = decision_new, .refused = "Only the board records decisions" },
};

static const char *decision_empty(struct lscreen *ls)
{
	(void)ls;
	return "No decisions are recorded yet.";
}

static const struct ldesc decisions_list = {
	.name = "Board decisions",
	.area = 4,
	.access = AREA_DECISIONS,
	.whole = 1,
	.row_size = sizeof(struct decision_row),
	.cols = decision_cols,
	.ncols = (int)(sizeof decision_cols / sizeof decision_cols[0]),
	.sorts = decision_sorts,
	.nsorts = 2,
	.fetch = decision_fetch,
	.key_of = decision_key,
	.open = decision_open,
	.acts = decision_acts,
	.nacts = (int)(sizeof decision_acts / sizeof decision_acts[0]),
	.empty = decision_empty,
};

struct screen *screen_decisions_new(struct app *app)
{
	return list_screen_new(app, &decisions_list);
}

/* ---- open actions ------------------------------------------------------- */

static int cell_aref(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	decision_ref(ACT(row)->year, ACT(row)->number, buf, n);
	return -1;
}

static int cell_what(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ACT(row)->description);
	return -1;
}

static int cell_who(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ACT(row)->owner_name[0] ? ACT(row)->owner_name : "nobody named");
	return -1;
}

static int cell_due(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	char day[ZONE_TIME_BUFSZ];
	(void)ls;
	if (!ACT(row)->due_on[0]) {
		snprintf(buf, n, "no date");
		return -1;
	}
	snprintf(buf, n, "%s%s", zone_format(ACT(row)->due_on, day, sizeof day),
		 action_overdue(ACT(row)) ? " overdue" : "");
	return action_overdue(ACT(row)) ? STYLE_OVERDUE : -1;
}

static const struct lcol action_cols[] = {
	{ "Decision", 10, 0, 0, cell_aref },
	{ "Action", 0, 0, 0, cell_what },
	{ "Who", 24, 60, 0, cell_who },
	{ "Due", 20, 0, 0, cell_due },
};

static int action_fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key,
			void *rows, int max, int *n)
{
	return decision_action_page_open(ls->app->db, &ls->app->who, dir, key, rows, max, n);
}

static void action_key(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	action_row_key(row, key);
}

static struct screen *action_open(struct lscreen *ls, const void *row)
{
	return screen_decision_new(ls->app, ACT(row)->decision_id);
}

static void action_done(struct lscreen *ls, const void *row)
{
	app_push(ls->app, screen_action_done_new(ls->app, ACT(row)->id));
}

static const struct lact action_acts[] = {
	{ .action = ACT_DONE, .help = "Record that the selected action was done",
	  .allowed = board, .run = action_done, .needs_row = 1,
	  .refused = "Only the board records actions done" },
};

static void action_extra(struct lscreen *ls, WINDOW *w, int y, int width)
{
	int64_t overdue = 0;
	char line[120];
	if (action_overdue_count(ls->app->db, &ls->app->who, &overdue) != DB_OK)
		return;
	snprintf(line, sizeof line, "%lld past the day due.", (long long)overdue);
	if (overdue)
		style_on(w, STYLE_OVERDUE);
	draw_text(w, y, 1, width - 2, line);
	if (overdue)
		style_off(w, STYLE_OVERDUE);
}

static const char *action_empty(struct lscreen *ls)
{
	(void)ls;
	return "No open actions.";
}

static const struct ldesc actions_list = {
	.name = "Open actions",
	.area = 4,
	.access = AREA_DECISIONS,
	.whole = 1,
	.row_size = sizeof(struct action_row),
	.cols = action_cols,
	.ncols = (int)(sizeof action_cols / sizeof action_cols[0]),
	.extra_lines = 1,
	.fetch = action_fetch,
	.key_of = action_key,
	.open = action_open,
	.open_label = "decision",
	.acts = action_acts,
	.nacts = (int)(sizeof action_acts / sizeof action_acts[0]),
	.draw_extra = action_extra,
	.empty = action_empty,
};

struct screen *screen_actions_new(struct app *app)
{
	return list_screen_new(app, &actions_list);
}
