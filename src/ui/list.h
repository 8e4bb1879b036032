/*
 * src/ui/list.h: the virtual list. It holds only a window of rows around
 * what is on screen (three screenfuls at most) and asks its source for the
 * page after or before the rows it holds, by key; so memory and the time a
 * key takes do not grow with the table.
 */
#ifndef COOPDESK_UI_LIST_H
#define COOPDESK_UI_LIST_H

#include "ui.h"

struct list_source {
	size_t row_size;
	/* Fetch up to `max` rows in display order: first, last, after or before
	 * `key`. Returns a db status; the list shows db_errmsg on failure. */
	int (*fetch)(void *ctx, enum page_dir dir, const struct page_key *key,
		     void *rows, int max, int *n);
	void (*key_of)(void *ctx, const void *row, struct page_key *key);
	/* Draws one row in `width` columns at line y. */
	void (*draw_row)(void *ctx, WINDOW *w, int y, int width, const void *row, int selected);
	/* How many rows in all, or -1 when it would cost a scan. */
	int64_t (*count)(void *ctx);
};

struct list {
	const struct list_source *src;
	void *ctx;
	unsigned char *rows;  /* cap rows of src->row_size */
	int cap, n;
	int top;              /* index (in rows) of the first row on screen */
	int sel;              /* index (in rows) of the selected row */
	int height;           /* rows on screen */
	int64_t pos;          /* overall position of rows[0], or -1 unknown */
	int at_start, at_end; /* rows[0] is the very first / rows[n-1] the last */
	int64_t total;        /* from src->count at the last reload */
	struct app *app;
};

int list_init(struct list *l, struct app *app, const struct list_source *src, void *ctx);
void list_free(struct list *l);
/* The list's height changed: re-size the window of rows (keeps the selection). */
void list_resize(struct list *l, int height);
/* Reads the first page again. */
int list_reload(struct list *l);
/* Reads the list again around the selected record, and selects it again:
 * after a save, another terminal's change, or a new sort or filter (the
 * row's key is taken in the source's new order). When it is gone, or
 * left out now, the row that took its place is selected. */
int list_reload_keep(struct list *l);
/* Selects the row at screen line `line` (0 the first shown); 0 when there
 * is none there. */
int list_select_line(struct list *l, int line);
/* Handles a movement action; returns 1 if it was one. */
int list_handle(struct list *l, enum action a);
/* Draws the rows from line y; the selected row has a marker in column x
 * as well as its colour, and the terminal's cursor is left on it. */
void list_draw(struct list *l, WINDOW *w, int y, int x, int width);
/* The selected row, or NULL when the list is empty. */
const void *list_selected(struct list *l);
/* "row 12 of 345", or "row 12 of many" when counting would cost a scan
 * (the whole list held: its count is known), into buf. */
const char *list_position(struct list *l, char *buf, size_t n);

#endif
