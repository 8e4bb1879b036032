/*
 * src/ui/colors.c: one table of meanings to colours, with a monochrome
 * column used when there is no colour (NO_COLOR, --color=never, or a
 * terminal without it).
 */
#include <stdlib.h>

#include "ui.h"

struct style_def {
	short fg, bg;   /* -1: the terminal's default */
	attr_t color_attr;
	attr_t mono_attr;
};

static const struct style_def defs[STYLE_COUNT] = {
	[STYLE_NORMAL]     = { -1, -1, A_NORMAL, A_NORMAL },
	[STYLE_HEADER]     = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
	[STYLE_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_BOLD | A_UNDERLINE },
	[STYLE_STATUS]     = { COLOR_WHITE, COLOR_BLUE, A_NORMAL, A_REVERSE },
	[STYLE_TITLE]      = { -1, -1, A_BOLD, A_BOLD },
	[STYLE_COLUMN]     = { COLOR_CYAN, -1, A_BOLD, A_UNDERLINE },
	[STYLE_SELECTED]   = { COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE },
	[STYLE_OVERDUE]    = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[STYLE_EMERGENCY]  = { COLOR_MAGENTA, -1, A_BOLD, A_BOLD },
	[STYLE_DIM]        = { -1, -1, A_DIM, A_DIM },
	[STYLE_ERROR]      = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[STYLE_OK]         = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[STYLE_KEY]        = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
};

static attr_t attrs[STYLE_COUNT];

void style_init(struct app *app)
{
	int want = app->opt->color == UI_COLOR_ALWAYS ||
		   (app->opt->color == UI_COLOR_AUTO && !getenv("NO_COLOR"));
	app->use_color = want && has_colors() && start_color() == OK;
	if (app->use_color)
		use_default_colors();
	for (int i = 0; i < STYLE_COUNT; i++) {
		if (app->use_color && init_pair((short)(i + 1), defs[i].fg, defs[i].bg) == OK)
			attrs[i] = COLOR_PAIR(i + 1) | defs[i].color_attr;
		else
			attrs[i] = defs[i].mono_attr;
	}
}

attr_t style_attr(enum ui_style s)
{
	return (unsigned)s < STYLE_COUNT ? attrs[s] : A_NORMAL;
}

void style_on(WINDOW *w, enum ui_style s)
{
	wattr_set(w, style_attr(s) & ~A_COLOR, (short)PAIR_NUMBER(style_attr(s)), NULL);
}

void style_off(WINDOW *w, enum ui_style s)
{
	(void)s;
	wattr_set(w, A_NORMAL, 0, NULL);
}
