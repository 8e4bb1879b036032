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

enum step { ASK_NONE, ASK_CHOOSE, ASK_USER, ASK_RECORD, ASK_FROM, ASK_TO };

struct audit_state {
	struct audit_filters fl;
	enum step step;
	char from_typed[AUDIT_TYPED_MAX];
};

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

/* ---- the filters, asked on the bottom line ------------------------------------------ */

static void ask(struct lscreen *ls, enum step step)
{
	struct audit_state *st = ls->priv;
	char typed[AUDIT_TYPED_MAX], label[AUDIT_TYPED_MAX + 64];
	st->step = step;
	switch (step) {
	case ASK_USER:
		audit_typed(&st->fl, 'u', typed, sizeof typed);
		prompt_start(&ls->ask, PROMPT_TEXT, "User (Tab: the next username): ", typed);
		break;
	case ASK_RECORD:
		audit_typed(&st->fl, 'r', typed, sizeof typed);
		prompt_start(&ls->ask, PROMPT_TEXT, "Record (R-000123, member no. 42, repair 123): ",
			     typed);
		break;
	case ASK_FROM:
		audit_typed(&st->fl, 'f', typed, sizeof typed);
		prompt_start(&ls->ask, PROMPT_TEXT, "From (dd/mm/yyyy; empty: from the start): ", typed);
		break;
	case ASK_TO:
		audit_typed(&st->fl, 't', typed, sizeof typed);
		snprintf(label, sizeof label, "From %s  to (dd/mm/yyyy; empty: up to now): ",
			 st->from_typed[0] ? st->from_typed : "the start");
		prompt_start(&ls->ask, PROMPT_TEXT, label, typed);
		break;
	default:
		prompt_stop(&ls->ask);
		break;
	}
}

/* Enter at a prompt: take what was typed, or say why not and keep it. */
static void enter(struct lscreen *ls)
{
	struct audit_state *st = ls->priv;
	char typed[sizeof ls->ask.text], why[512];
	text_copy(typed, sizeof typed, ls->ask.text);
	text_trim(typed);
	int taken = 0;
	switch (st->step) {
	case ASK_USER:
		taken = audit_take_user(ls->app, &st->fl, typed, why, sizeof why);
		break;
	case ASK_RECORD:
		taken = audit_take_record(ls->app, &st->fl, typed, why, sizeof why);
		break;
	case ASK_FROM:
		if (!audit_check_day(typed, "From", why, sizeof why))
			break;
		text_copy(st->from_typed, sizeof st->from_typed, typed);
		ask(ls, ASK_TO);
		return;
	case ASK_TO:
		taken = audit_take_dates(&st->fl, st->from_typed, typed, why, sizeof why);
		break;
	default:
		return;
	}
	if (!taken) {
		prompt_error(&ls->ask, "%s", why);
		return;
	}
	ask(ls, ASK_NONE);
	ls_reload_first(ls);
}

static int own_keys(struct lscreen *ls, enum action a, int32_t key)
{
	struct audit_state *st = ls->priv;
	if (st->step == ASK_NONE)
		return 0;
	if (a == ACT_LOCK || a == ACT_HELP || a == ACT_REDRAW || a == ACT_LOGOUT)
		return 0;
	ls->app->status_dirty = 1;
	if (st->step == ASK_CHOOSE) {
		st->step = ASK_NONE;
		switch (key) {
		case 'u': case 'U': ask(ls, ASK_USER); break;
		case 'r': case 'R': ask(ls, ASK_RECORD); break;
		case 'd': case 'D': ask(ls, ASK_FROM); break;
		default: break; /* Esc or anything else: no filter */
		}
		return 1;
	}
	if (key == CDK_TAB && st->step == ASK_USER) {
		char next[USER_NAME_MAX * 4 + 1] = "";
		audit_next_user(ls->app, ls->ask.text, next, sizeof next);
		if (next[0])
			text_copy(ls->ask.text, sizeof ls->ask.text, next);
		return 1;
	}
	switch (prompt_key(&ls->ask, ls->app, key)) {
	case PROMPT_DONE:
		enter(ls);
		break;
	case PROMPT_CANCEL:
		st->step = ASK_NONE;
		break;
	default:
		break;
	}
	return 1;
}

static const char *own_hint(struct lscreen *ls)
{
	struct audit_state *st = ls->priv;
	switch (st->step) {
	case ASK_NONE:
		return NULL;
	case ASK_CHOOSE:
		return "u user  r record  d dates  Esc none";
	case ASK_USER:
		return "type a username  Tab next  Enter apply  Esc cancel";
	default:
		return "type  Enter apply (empty: no filter)  Esc cancel";
	}
}

static int own_typing(struct lscreen *ls)
{
	struct audit_state *st = ls->priv;
	return st->step != ASK_NONE && st->step != ASK_CHOOSE;
}

static int draw_foot(struct lscreen *ls, WINDOW *w, int rows, int width)
{
	struct audit_state *st = ls->priv;
	if (st->step != ASK_CHOOSE)
		return 0;
	draw_fill(w, rows - 1, 0, width);
	draw_text(w, rows - 1, 1, width - 2, "Filter by:  u user   r record   d dates   (Esc: none)");
	wmove(w, rows - 1, 1);
	return 1;
}

/* ---- actions ------------------------------------------------------------------------- */

static void choose_filter(struct lscreen *ls, const void *row)
{
	struct audit_state *st = ls->priv;
	(void)row;
	st->step = ASK_CHOOSE;
}

static void record(struct lscreen *ls, const void *row)
{
	(void)row;
	ask(ls, ASK_RECORD);
}

/* Esc takes the filters off, the last one set first, before it goes back. */
static int any_filter(const struct lscreen *ls)
{
	const struct audit_state *st = ls->priv;
	return st->fl.norder > 0;
}

static void take_off(struct lscreen *ls, const void *row)
{
	struct audit_state *st = ls->priv;
	(void)row;
	audit_take_off_last(&st->fl);
	ls_reload(ls);
}

static const struct lact actions[] = {
	{ .action = ACT_FILTER, .help = "Filter the trail: by user, by one record, or by dates",
	  .run = choose_filter },
	{ .action = ACT_SEARCH, .label = "record",
	  .help = "Follow one record: R-000123, member no. 42, repair 123", .run = record },
	{ .action = ACT_BACK, .label = "clear a filter",
	  .help = "Take off the filter set last (and, with none, go back)", .allowed = any_filter,
	  .run = take_off },
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

static void *init(struct lscreen *ls)
{
	(void)ls;
	return calloc(1, sizeof(struct audit_state));
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
	.draw_foot = draw_foot,
	.handle = own_keys,
	.hint = own_hint,
	.typing = own_typing,
	.why_not = why_not,
	.init = init,
	.fini = free,
};

struct screen *screen_audit_new(struct app *app)
{
	return list_screen_new(app, &audit_list);
}
