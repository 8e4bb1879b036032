/*
 * src/ui/home_warnings.c: what Home says first when something is wrong
 * with the co-op's file: open for viewing only (to everyone), damage seen
 * as it opened, and a daily backup that failed (to the board, who can act
 * on them).
 */
#include <stdio.h>
#include <stdlib.h>

#include "coopdesk/ui.h"
#include "form_text.h"
#include "meetings_ui.h"
#include "ui.h"

/* One warning from row *y, wrapped in at most 3 lines, then a blank. */
static void warn(WINDOW *w, int *y, const char *text)
{
	int cols = getmaxx(w) - 6, n = 1;
	struct ftext_line *l = ftext_wrap(text, cols, &n);
	free(l);
	if (n > 3)
		n = 3;
	style_on(w, STYLE_ERROR);
	draw_wrapped(w, *y, 4, cols, n, text);
	style_off(w, STYLE_ERROR);
	*y += n + 1;
}

void home_warnings(struct app *app, WINDOW *w, int *y)
{
	char v[1200];
	const char *why = db_read_only(app->db);
	if (why) {
		snprintf(v, sizeof v, "Read-only: %s, so changes cannot be saved. You can look,"
			 " print and export; nothing you change is kept.", why);
		warn(w, y, v);
	}
	if (app->who.role != ROLE_BOARD)
		return;
	if (db_damaged(app->db)) {
		snprintf(v, sizeof v, "Warning: %s.", db_damaged(app->db));
		warn(w, y, v);
	}
	if (app->opt && app->opt->backup_failed) {
		snprintf(v, sizeof v, "Today's automatic backup failed: %s.",
			 app->opt->backup_failed);
		warn(w, y, v);
	}
}
