/*
 * src/ui/help.c: the help screen, drawn from the ACTIONS table and the
 * bindings in force, so it always shows the keys that really work here.
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"

/* The actions shown for the screen on top: its scope's, then the global ones. */
static int help_lines(struct app *app, enum action *out, int max)
{
	struct screen *top = app_top(app);
	char scope = top ? top->ops->scope : 'G';
	char extra = top ? top->ops->extra_scope : 0;
	int n = 0;
	for (int a = 1; extra && a < ACT_COUNT && n < max; a++)
		if (action_table[a].scope == extra)
			out[n++] = (enum action)a;
	for (int pass = 0; pass < 2; pass++)
		for (int a = 1; a < ACT_COUNT && n < max; a++) {
			char s = action_table[a].scope;
			/* In a form, letters and digits are typed, so only the
			 * global actions on named keys apply there. */
			int typed_key = scope == 'F' && (a == ACT_QUIT || a == ACT_BACK ||
				(a >= ACT_AREA_HOME && a <= ACT_AREA_MEETINGS));
			if ((pass == 0 && s == scope && s != 'G') || (pass == 1 && s == 'G' && !typed_key))
				out[n++] = (enum action)a;
		}
	return n;
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

	enum action lines[ACT_COUNT];
	int n = help_lines(app, lines, ACT_COUNT);
	int room = h - 3;
	if (app->help_scroll > n - room)
		app->help_scroll = n - room > 0 ? n - room : 0;
	for (int i = 0; i < room && i + app->help_scroll < n; i++) {
		enum action a = lines[i + app->help_scroll];
		char keys[64];
		bindings_keys(a, keys, sizeof keys);
		style_on(win, STYLE_KEY);
		draw_text(win, i + 1, 2, 18, keys[0] ? keys : "(no key)");
		style_off(win, STYLE_KEY);
		draw_text(win, i + 1, 21, w - 23, action_table[a].help);
	}
	draw_text(win, h - 2, 2, w - 4, n > room ? "Up/Down scroll   Esc, ? or q close"
						 : "Esc, ? or q close this help");
	top_panel(app->help_panel);
	update_panels();
}

int help_handle(struct app *app, enum action a)
{
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
