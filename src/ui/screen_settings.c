/*
 * src/ui/screen_settings.c: the co-op's settings, every rule number of
 * domain.md and the co-op's own details, for the board: each with its
 * value, its lawful default, the values it may take and where the rule
 * comes from (the line under the title says the selected one in full).
 * Enter or e edits one (screen_settings_form.c); r puts it back to its
 * default, asked first. Reached from Home; nobody else sees it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/zone.h"
#include "list_screen.h"
#include "settings_ui.h"

#define ROW(r) ((const struct setting *)(r))

void setting_range_words(const struct setting *s, char *buf, size_t n)
{
	char lo[MONEY_BUFSZ], hi[MONEY_BUFSZ];
	int money = strcmp(s->kind, "money") == 0;
	if (strcmp(s->kind, "boolean") == 0) {
		snprintf(buf, n, "yes (1) or no (0)");
		return;
	}
	if (strcmp(s->kind, "date") == 0) {
		snprintf(buf, n, "a date");
		return;
	}
	if (money) {
		money_format(s->min_value, lo, sizeof lo);
		money_format(s->max_value, hi, sizeof hi);
	} else {
		snprintf(lo, sizeof lo, "%lld", (long long)s->min_value);
		snprintf(hi, sizeof hi, "%lld", (long long)s->max_value);
	}
	if (s->has_min && s->has_max)
		snprintf(buf, n, "%s to %s%s", lo, hi, money ? " (in pence)" : "");
	else if (s->has_min)
		snprintf(buf, n, "at least %s%s", lo, money ? " (in pence)" : "");
	else if (s->has_max)
		snprintf(buf, n, "at most %s%s", hi, money ? " (in pence)" : "");
	else
		snprintf(buf, n, "any %s", strcmp(s->kind, "integer") == 0 ? "whole number" : "text");
}

void setting_value_words(const struct setting *s, const char *value, char *buf, size_t n)
{
	if (strcmp(s->kind, "money") == 0 && value[0]) {
		char *end;
		long long p = strtoll(value, &end, 10);
		if (!*end) {
			money_format(p, buf, n);
			return;
		}
	}
	if (strcmp(s->kind, "boolean") == 0 && (!strcmp(value, "0") || !strcmp(value, "1"))) {
		snprintf(buf, n, "%s", value[0] == '1' ? "yes" : "no");
		return;
	}
	if (strcmp(s->kind, "date") == 0) {
		zone_format(value, buf, n);
		return;
	}
	snprintf(buf, n, "%s", value);
}

static int cell_key(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->key);
	return -1;
}

static int cell_value(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	setting_value_words(ROW(row), ROW(row)->value, buf, n);
	return -1;
}

/* The default, marked when the value in force differs from it. */
static int cell_default(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	const struct setting *s = ROW(row);
	if (!s->has_default) {
		snprintf(buf, n, "(the co-op's own)");
		return STYLE_DIM;
	}
	char v[SETTING_VALUE_MAX * 4 + 1];
	setting_value_words(s, s->default_value, v, sizeof v);
	snprintf(buf, n, "%s", v);
	return strcmp(s->value, s->default_value) ? STYLE_OVERDUE : -1;
}

static int cell_range(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	setting_range_words(ROW(row), buf, n);
	return -1;
}

static int cell_source(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->source);
	return -1;
}

static const struct lcol columns[] = {
	{ "Setting", 0, 0, 0, cell_key },
	{ "Value", 18, 0, 0, cell_value },
	{ "Default", 18, 0, 0, cell_default },
	{ "Allowed", 20, 110, 0, cell_range },
	{ "Source", 34, 140, 0, cell_source },
};

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return setting_page(ls->app->db, &ls->app->who, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	memset(key, 0, sizeof *key);
	snprintf(key->text, sizeof key->text, "%s", ROW(row)->key);
}

/* The selected setting in full: what it is for, where it comes from,
 * the values it may take and its default. */
static void draw_extra(struct lscreen *ls, WINDOW *w, int y, int width)
{
	const struct setting *s = ls_selected(ls);
	char line[1400], range[96], dflt[SETTING_VALUE_MAX * 4 + 1];
	if (!s)
		return;
	snprintf(line, sizeof line, "%s.", s->description);
	draw_text(w, y, 1, width - 2, line);
	setting_range_words(s, range, sizeof range);
	if (s->has_default)
		setting_value_words(s, s->default_value, dflt, sizeof dflt);
	snprintf(line, sizeof line, "Source: %s. Allowed: %s; default %s.",
		 s->source[0] ? s->source : "none named", range,
		 s->has_default ? dflt : "none (the co-op's own)");
	draw_text(w, y + 1, 1, width - 2, line);
}

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_SETTINGS, OP_WRITE) == ACCESS_ALL;
}

static struct screen *open(struct lscreen *ls, const void *row)
{
	if (!board(ls))
		return NULL;
	return screen_setting_edit_new(ls->app, ROW(row));
}

static void edit(struct lscreen *ls, const void *row)
{
	struct screen *s = open(ls, row);
	if (s)
		app_push(ls->app, s);
}

static int resettable(const struct lscreen *ls)
{
	const struct setting *s = ls_selected((struct lscreen *)ls);
	return board(ls) && s && s->has_default;
}

static void ask_reset(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	char v[SETTING_VALUE_MAX * 4 + 1];
	setting_value_words(ROW(row), ROW(row)->default_value, v, sizeof v);
	snprintf(buf, n, "Put %s back to its default, %s? y/n ", ROW(row)->key, v);
}

static void reset(struct lscreen *ls, const void *row)
{
	const struct setting *s = row;
	char v[SETTING_VALUE_MAX * 4 + 1];
	if (setting_reset(ls->app->db, &ls->app->who, s->key, s->version) != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(ls->app->db));
	} else {
		setting_value_words(s, s->default_value, v, sizeof v);
		ls_note(ls, STYLE_OK, "%s is back to its default, %s", s->key, v);
	}
	ls_reload(ls);
}

static const struct lact actions[] = {
	{ .action = ACT_EDIT, .help = "Change the selected setting's value (its range is checked)",
	  .allowed = board, .run = edit, .needs_row = 1, .unhinted = 1,
	  .refused = "Only the board changes the co-op's settings" },
	{ .action = ACT_REVERSE, .label = "reset to default",
	  .help = "Put the selected setting back to its lawful default (asked first)",
	  .allowed = resettable, .run = reset, .needs_row = 1, .confirm = ask_reset,
	  .refused = "This setting has no default: it is the co-op's own" },
};

static void title(struct lscreen *ls, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "Settings: the co-op's rules");
}

static const struct ldesc settings_list = {
	.name = "Settings",
	.area = 0,
	.access = AREA_SETTINGS,
	.whole = 1,
	.row_size = sizeof(struct setting),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.extra_lines = 2,
	.fetch = fetch,
	.key_of = key_of,
	.open = open,
	.open_label = "edit",
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.title = title,
	.draw_extra = draw_extra,
};

struct screen *screen_settings_new(struct app *app)
{
	/* Board only: the rules are read by everyone's screens, but only the
	 * board sees and changes them here. */
	if (access_level(&app->who, AREA_SETTINGS, OP_WRITE) != ACCESS_ALL)
		return NULL;
	return list_screen_new(app, &settings_list);
}
