/*
 * src/ui/screen_audit.c: the audit trail, for the board: every change,
 * newest first, described for the generic list screen. The filter key
 * narrows it by who made the change, by one record, or by a range of
 * dates, each typed on the bottom line (audit_filter.c); the line under
 * the title says which filters are on, and Esc takes them off one at a
 * time, the last one set first. Enter opens an entry
 * (screen_audit_entry.c). Nothing here changes anything: the trail is the
 * record of what was done.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "audit_filter.h"
#include "list_screen.h"

/* ---- cells ------------------------------------------------------------------- */

static int cell_when(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	zone_format(((const struct audit_row *)row)->at, buf, n);
	return -1;
}

static int cell_who(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ((const struct audit_row *)row)->actor);
	return -1;
}

static int cell_what(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct audit_row *r = row;
	(void)ls;
	audit_what(r->table_name, r->row_id, buf, n);
	return -1;
}

static int cell_action(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", audit_action_words(((const struct audit_row *)row)->action));
	return -1;
}

static const struct lcol columns[] = {
	{ "When", 18, 0, 0, cell_when },
	{ "Who", 22, 0, 0, cell_who },
	{ "What", 0, 0, 0, cell_what },
	{ "Action", 9, 0, 0, cell_action },
};

/* ---- rows ------------------------------------------------------------------------ */

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	struct audit_state *st = ls->priv;
	return audit_page(ls->app->db, &ls->app->who, &st->fl.filter, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	audit_row_key(row, key);
}

static int64_t id_of(const void *row)
{
	return ((const struct audit_row *)row)->id;
}

static void title(struct lscreen *ls, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "Audit trail: newest first");
}

static void draw_extra(struct lscreen *ls, WINDOW *w, int y, int width)
{
	struct audit_state *st = ls->priv;
	char line[1024], key[KEY_NAME_MAX];
	ui_key(ls->app, ls->self, ACT_FILTER, key, sizeof key);
	audit_describe(&st->fl, key, line, sizeof line);
	draw_text(w, y, 1, width - 2, line);
}

static const char *empty(struct lscreen *ls)
{
	struct audit_state *st = ls->priv;
	return st->fl.norder ? "No change matches these filters. Esc takes the last one off."
			     : "Nothing has been changed yet.";
}

static struct screen *open_entry(struct lscreen *ls, const void *row)
{
	return screen_audit_entry_new(ls->app, id_of(row));
}

/* ---- actions ------------------------------------------------------------------------- */

static const struct lact actions[] = {
	{ .action = ACT_FILTER, .help = "Filter the trail: by user, by one record, or by dates",
	  .run = audit_choose_filter },
	{ .action = ACT_SEARCH, .label = "record",
	  .help = "Follow one record: R-000123, member no. 42, repair 123", .run = audit_ask_record },
	{ .action = ACT_BACK, .label = "clear a filter",
	  .help = "Take off the filter set last (and, with none, go back)", .allowed = audit_any_filter,
	  .run = audit_take_off },
};

static const char *why_not(struct lscreen *ls, enum action a)
{
	(void)ls;
	if (a == ACT_EDIT || a == ACT_NEW)
		return "The audit trail cannot be changed: it is the record of what was done";
	if (a == ACT_SORT)
		return "The audit trail is always newest first";
	return NULL;
}

static const struct ldesc audit_list = {
	.name = "Audit trail",
	.area = 0,
	.access = AREA_AUDIT,
	.whole = 1,
	.row_size = sizeof(struct audit_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.extra_lines = 1,
	.fetch = fetch,
	.key_of = key_of,
	.open = open_entry,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.title = title,
	.empty = empty,
	.draw_extra = draw_extra,
	.draw_foot = audit_prompt_draw,
	.handle = audit_prompt_key,
	.hint = audit_prompt_hint,
	.typing = audit_prompt_typing,
	.why_not = why_not,
	.priv_size = sizeof(struct audit_state),
};

struct screen *screen_audit_new(struct app *app)
{
	return list_screen_new(app, &audit_list);
}
