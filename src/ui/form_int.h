/*
 * src/ui/form_int.h: private to the form widget (form.c, form_bind.c):
 * its state, and the few functions its files share.
 */
#ifndef COOPDESK_UI_FORM_INT_H
#define COOPDESK_UI_FORM_INT_H

#include <ncursesw/form.h>

#include "form.h"
#include "form_text.h"
#include "refs.h"

#define FIELD_MAX_COLS 200   /* no field is drawn wider than this */
#define MULTILINE_MAX_ROWS 30 /* a multi-line field grows into spare room up to this */

struct fstate {
	char *text, *orig, *out; /* the value, as marked clean, trimmed for form_text */
	size_t cap;              /* bytes in each of the three */
	size_t cur;              /* the cursor, a byte offset into text */
	size_t hscroll;          /* one line: the first byte shown */
	int vscroll;             /* multi-line: the first line shown */
	int want_col;            /* multi-line: the column Up/Down aim for, -1 none */
	char err[FORM_ERR_MAX];  /* shown under the field; "" when good */
	/* A reference field: the record chosen (0 none yet) and its name. */
	int64_t ref_id;
	char ref_label[320];
	/* Layout, in the form's sub window. */
	int page, row, height, width, first;
};

struct form_view {
	struct app *app;
	const struct form_spec *spec;
	int n;
	struct fstate *st;
	int cur;                 /* the current field */
	char title[256];
	char msg[512];
	int msg_style;
	int confirming;          /* asked "Leave without saving?" */
	/* A reference field's matches, offered to choose from. */
	struct ref_match *pick;
	int npick, pick_sel;

	FORM *form;
	FIELD **fields;          /* NULL-terminated; a multi-line field has one per row */
	int *owner;              /* FIELD index -> field */
	int nfields;
	WINDOW *win, *sub;
	int rows, cols, fx, sw, sh, pages;
	char hint[160];
};

/* form.c */
void set_text(struct fstate *st, const char *s, int cursor_at_end);
void show_field(struct form_view *f, int i);
void go_to(struct form_view *f, int i);
void step_field(struct form_view *f, int dir);
void changed_field(struct form_view *f, int i);

/* form_bind.c: reference fields. */
/* Finds which record field i's text names: 0 when it is chosen (or the
 * field is empty), 1 when matches are offered to choose from, -1 with the
 * field's message set when nothing matches. */
int ref_resolve(struct form_view *f, int i);
/* A key while matches are offered: 1 if it was theirs. */
int ref_pick_key(struct form_view *f, enum action a, int32_t key);
/* Draws the offered matches under the current field, cursor on the one
 * selected. */
void ref_pick_draw(struct form_view *f, WINDOW *w);

#endif
