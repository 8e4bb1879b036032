/*
 * src/ui/help.c: the help screen, drawn from the ACTIONS table and the
 * bindings in force, so it always shows the keys that really work here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form_text.h"
#include "prompt.h"
#include "ui.h"

/* The actions shown for the screen on top: those that work there for the
 * person logged in, the screen's own first, then the global ones. */
static int help_lines(struct app *app, enum action *out, int max)
{
	struct screen *top = app_top(app);
	int n = 0;
	for (int pass = 0; pass < 2; pass++)
		for (int a = 1; a < ACT_COUNT && n < max; a++) {
			int global = action_table[a].scope == 'G';
			if (global == (pass == 1) && ui_acts(app, top, (enum action)a))
				out[n++] = (enum action)a;
		}
	return n;
}

/* The keys that do `a` here, as text: those a form would type are left
 * out while it types. */
static const char *keys_here(struct app *app, struct screen *s, enum action a, char *buf,
			     size_t n)
{
	int32_t keys[16];
	int k = bindings_of(a, keys, 16), typing = ui_typing(app, s);
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < k; i++) {
		char name[KEY_NAME_MAX];
		if ((typing && ui_typeable(keys[i])) || bindings_lookup(app, s, keys[i]) != a)
			continue;
		key_format(keys[i], name, sizeof name);
		int w = snprintf(buf + used, n - used, "%s%s", used ? " " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
	return buf;
}

void help_toggle(struct app *app)
{
	app->help_open = !app->help_open;
	app->help_scroll = 0;
	if (!app->help_open) {
		if (app->help_panel) {
			del_panel(app->help_panel);
			app->help_panel = NULL;
		}
		if (app->help_win) {
			delwin(app->help_win);
			app->help_win = NULL;
		}
		app->all_dirty = 1;
	}
}

void help_draw(struct app *app)
{
	int h = app->rows - 4, w = app->cols - 8;
	if (h < 5 || w < 40)
		return;
	if (app->help_win) {
		int oh, ow;
		getmaxyx(app->help_win, oh, ow);
		if (oh != h || ow != w) {
			del_panel(app->help_panel);
			delwin(app->help_win);
			app->help_win = NULL;
		}
	}
	if (!app->help_win) {
		app->help_win = newwin(h, w, 2, 4);
		app->help_panel = new_panel(app->help_win);
	}
	WINDOW *win = app->help_win;
	werase(win);
	box(win, 0, 0);
	struct screen *top = app_top(app);
	char title[96];
	snprintf(title, sizeof title, " Keys: %s ", top ? top->ops->name : "coopdesk");
	style_on(win, STYLE_TITLE);
	draw_text(win, 0, 2, w - 4, title);
	style_off(win, STYLE_TITLE);

	/* The lines, wrapped to the box: what was wrong in the keys file
	 * first, every line of it; then each action's keys and words. */
	struct hline { char keys[64]; char text[160]; int style; } *out = NULL;
	int nout = 0, cap = 0, tw = w - 23;
	enum action acts[ACT_COUNT];
	int n = help_lines(app, acts, ACT_COUNT);
	int extra = app->nkeys_problems ? app->nkeys_problems + 1 : 0;
	for (int k = 0; k < extra + n; k++) {
		char keys[64] = "", text[400];
		int style = STYLE_NORMAL;
		if (k < extra) {
			style = STYLE_ERROR;
			if (k == 0 && app->keys_problems[0].line == 0)
				snprintf(text, sizeof text, "The keys file could not be read: the usual"
					 " keys apply.");
			else if (k == 0)
				snprintf(text, sizeof text, "The keys file has %d bad line%s, left out:",
					 app->nkeys_problems, app->nkeys_problems == 1 ? "" : "s");
			else if (app->keys_problems[k - 1].line == 0)
				snprintf(text, sizeof text, "  %s: %s", app->opt->keys_file ? app->opt->keys_file
					 : "the keys file", app->keys_problems[k - 1].text);
			else
				snprintf(text, sizeof text, "  line %d: %s", app->keys_problems[k - 1].line,
					 app->keys_problems[k - 1].text);
		} else {
			enum action a = acts[k - extra];
			const char *say = top && top->ops->describe ? top->ops->describe(top, a) : NULL;
			keys_here(app, top, a, keys, sizeof keys);
			if (!keys[0])
				snprintf(keys, sizeof keys, "(no key)");
			snprintf(text, sizeof text, "%s", say ? say : action_table[a].help);
		}
		int nl;
		struct ftext_line *l = ftext_wrap(text, k < extra ? w - 4 : tw, &nl);
		for (int j = 0; l && j < nl; j++) {
			if (j > 0 && l[j].start >= strlen(text))
				break;
			if (nout == cap) {
				struct hline *g = realloc(out, (size_t)(cap = cap ? cap * 2 : 64) * sizeof *g);
				if (!g)
					break;
				out = g;
			}
			struct hline *h1 = &out[nout++];
			snprintf(h1->keys, sizeof h1->keys, "%s", j == 0 ? keys : "");
			ftext_visible(text, l[j].start, l[j].end, k < extra ? w - 4 : tw, h1->text,
				      sizeof h1->text);
			h1->style = style;
		}
		free(l);
	}
	int room = h - 3;
	if (app->help_scroll > nout - room)
		app->help_scroll = nout - room > 0 ? nout - room : 0;
	for (int i = 0; i < room && i + app->help_scroll < nout; i++) {
		const struct hline *hl = &out[i + app->help_scroll];
		if (hl->style == STYLE_ERROR) {
			style_on(win, STYLE_ERROR);
			draw_text(win, i + 1, 2, w - 4, hl->text);
			style_off(win, STYLE_ERROR);
			continue;
		}
		style_on(win, STYLE_KEY);
		draw_text(win, i + 1, 2, 18, hl->keys);
		style_off(win, STYLE_KEY);
		draw_text(win, i + 1, 21, tw, hl->text);
	}
	free(out);
	char foot[128];
	help_footer(foot, sizeof foot, nout > room);
	draw_text(win, h - 2, 2, w - 4, foot);
	wmove(win, 1, 2);
	top_panel(app->help_panel);
	update_panels();
}

/* The first key bound to a, whatever the screen below says. */
static const char *first_key(enum action a, char *buf, size_t n)
{
	int32_t keys[4];
	buf[0] = '\0';
	if (bindings_of(a, keys, 4) > 0)
		ui_key_name(keys[0], buf, n);
	return buf;
}

void help_footer(char *buf, size_t n, int scrolls)
{
	char up[KEY_NAME_MAX], down[KEY_NAME_MAX], back[KEY_NAME_MAX], help[KEY_NAME_MAX];
	first_key(ACT_UP, up, sizeof up);
	first_key(ACT_DOWN, down, sizeof down);
	first_key(ACT_BACK, back, sizeof back);
	first_key(ACT_HELP, help, sizeof help);
	if (scrolls)
		snprintf(buf, n, "%s/%s scroll   %s or %s close", up, down, back, help);
	else
		snprintf(buf, n, "%s or %s closes this help", back, help);
}

/* While the help is open a key is read as the help's own: scrolling and
 * closing, on whichever keys those actions have; Esc always closes. */
int help_key(struct app *app, int32_t key)
{
	static const enum action mine[] = {
		ACT_DOWN, ACT_NEXT_FIELD, ACT_PAGE_DOWN, ACT_UP, ACT_PREV_FIELD, ACT_PAGE_UP,
		ACT_HELP, ACT_BACK, ACT_QUIT, ACT_CANCEL,
	};
	enum action a = key == CDK_ESC ? ACT_BACK : ACT_NONE;
	for (size_t i = 0; a == ACT_NONE && i < sizeof mine / sizeof mine[0]; i++) {
		int32_t keys[16];
		int k = bindings_of(mine[i], keys, 16);
		for (int j = 0; j < k; j++)
			if (keys[j] == key)
				a = mine[i];
	}
	switch (a) {
	case ACT_DOWN: case ACT_NEXT_FIELD: case ACT_PAGE_DOWN:
		app->help_scroll++;
		return 1;
	case ACT_UP: case ACT_PREV_FIELD: case ACT_PAGE_UP:
		if (app->help_scroll > 0)
			app->help_scroll--;
		return 1;
	case ACT_HELP: case ACT_BACK: case ACT_QUIT: case ACT_CANCEL:
		help_toggle(app);
		return 1;
	default:
		return 1; /* other keys do nothing while help is open */
	}
}
