/*
 * src/ui/screen_placeholder.c: the areas still to come (Tenancies,
 * Members & shares, Meetings), which say so and name the keys of the
 * areas that work.
 */
#include <stdio.h>
#include <stdlib.h>

#include "coopdesk/text.h"
#include "ui.h"

struct placeholder {
	char what[128];
};

static void placeholder_draw(struct screen *s, WINDOW *w)
{
	struct placeholder *p = s->priv;
	char text[256], home[KEY_NAME_MAX], repairs[KEY_NAME_MAX];
	int cols = getmaxx(w);
	snprintf(text, sizeof text, "The screens for %s are being built.", p->what);
	draw_text(w, 2, 4, cols - 6, text);
	ui_key(s->app, s, ACT_AREA_HOME, home, sizeof home);
	ui_key(s->app, s, ACT_AREA_REPAIRS, repairs, sizeof repairs);
	snprintf(text, sizeof text, "Home (%s) and Repairs (%s) work now.", home, repairs);
	draw_text(w, 4, 4, cols - 6, text);
	wmove(w, 2, 4);
}

static int placeholder_handle(struct screen *s, enum action a, int32_t key)
{
	(void)s; (void)a; (void)key;
	return 0;
}

static void placeholder_destroy(struct screen *s)
{
	free(s->priv);
	free(s);
}

static const struct screen_ops placeholder_ops = {
	.name = "Coming soon",
	.scope = 'G',
	.draw = placeholder_draw,
	.handle = placeholder_handle,
	.destroy = placeholder_destroy,
};

struct screen *screen_placeholder_new(struct app *app, int area, const char *what)
{
	struct screen *s = calloc(1, sizeof *s);
	struct placeholder *p = calloc(1, sizeof *p);
	if (!s || !p) {
		free(s);
		free(p);
		return NULL;
	}
	text_copy(p->what, sizeof p->what, what);
	s->ops = &placeholder_ops;
	s->app = app;
	s->area = area;
	s->priv = p;
	return s;
}
