/*
 * src/ui/list.c: the virtual list (see list.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "list.h"

#define ROW(l, i) ((l)->rows + (size_t)(i) * (l)->src->row_size)

static int fail(struct list *l, int rc)
{
	app_message(l->app, STYLE_ERROR, "%s", db_errmsg(l->app->db));
	return rc;
}

int list_init(struct list *l, struct app *app, const struct list_source *src, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->app = app;
	l->src = src;
	l->ctx = ctx;
	l->pos = -1;
	l->total = -1;
	list_resize(l, 10);
	return l->rows ? 0 : -1;
}

void list_free(struct list *l)
{
	free(l->rows);
	l->rows = NULL;
	l->n = 0;
}

void list_resize(struct list *l, int height)
{
	if (height < 1)
		height = 1;
	int cap = height * 3;
	l->height = height;
	if (cap == l->cap && l->rows)
		return;
	unsigned char *rows = calloc((size_t)cap, l->src->row_size);
	if (!rows)
		return;
	/* Keep what we can of the selection's neighbourhood. */
	int keep_from = 0, keep = l->n;
	if (keep > cap) {
		keep_from = l->sel - cap / 2;
		if (keep_from < 0)
			keep_from = 0;
		if (keep_from + cap > l->n)
			keep_from = l->n - cap;
		keep = cap;
	}
	if (l->rows && keep > 0)
		memcpy(rows, ROW(l, keep_from), (size_t)keep * l->src->row_size);
	if (keep_from > 0) {
		l->at_start = 0;
		if (l->pos >= 0)
			l->pos += keep_from;
	}
	if (keep < l->n - keep_from)
		l->at_end = 0;
	free(l->rows);
	l->rows = rows;
	l->cap = cap;
	l->sel -= keep_from;
	l->top -= keep_from;
	l->n = keep;
	if (l->sel >= l->n)
		l->sel = l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	if (l->top < 0 || l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + l->height)
		l->top = l->sel - l->height + 1;
}

int list_reload(struct list *l)
{
	int n = 0;
	int rc = l->src->fetch(l->ctx, PAGE_FIRST, NULL, l->rows, l->cap, &n);
	l->total = l->src->count ? l->src->count(l->ctx) : -1;
	if (rc) {
		l->n = 0;
		return fail(l, rc);
	}
	l->n = n;
	l->top = l->sel = 0;
	l->pos = 0;
	l->at_start = 1;
	l->at_end = n < l->cap;
	return 0;
}

static int load_last(struct list *l)
{
	int n = 0;
	int rc = l->src->fetch(l->ctx, PAGE_LAST, NULL, l->rows, l->cap, &n);
	if (rc)
		return fail(l, rc);
	l->n = n;
	l->at_end = 1;
	l->at_start = n < l->cap;
	l->pos = l->at_start ? 0 : (l->total >= 0 ? l->total - n : -1);
	l->sel = n > 0 ? n - 1 : 0;
	l->top = l->sel - l->height + 1;
	if (l->top < 0)
		l->top = 0;
	return 0;
}

/* Reads `want` more rows after the last held, dropping from the front. */
static int more_after(struct list *l, int want)
{
	if (l->at_end || l->n == 0)
		return 0;
	struct page_key key;
	l->src->key_of(l->ctx, ROW(l, l->n - 1), &key);
	if (want > l->cap)
		want = l->cap;
	int room = l->cap - l->n;
	if (room < want) {
		int drop = want - room;
		memmove(l->rows, ROW(l, drop), (size_t)(l->n - drop) * l->src->row_size);
		l->n -= drop;
		l->sel -= drop;
		l->top -= drop;
		l->at_start = 0;
		if (l->pos >= 0)
			l->pos += drop;
	}
	int got = 0;
	int rc = l->src->fetch(l->ctx, PAGE_AFTER, &key, ROW(l, l->n), want, &got);
	if (rc)
		return fail(l, rc);
	l->n += got;
	if (got < want)
		l->at_end = 1;
	return 0;
}

/* Reads `want` more rows before the first held, dropping from the back. */
static int more_before(struct list *l, int want)
{
	if (l->at_start || l->n == 0)
		return 0;
	struct page_key key;
	l->src->key_of(l->ctx, ROW(l, 0), &key);
	if (want > l->cap)
		want = l->cap;
	unsigned char *tmp = malloc((size_t)want * l->src->row_size);
	if (!tmp)
		return -1;
	int got = 0;
	int rc = l->src->fetch(l->ctx, PAGE_BEFORE, &key, tmp, want, &got);
	if (rc) {
		free(tmp);
		return fail(l, rc);
	}
	if (got < want)
		l->at_start = 1;
	int keep = l->n;
	if (keep + got > l->cap) {
		keep = l->cap - got;
		l->at_end = 0;
	}
	memmove(ROW(l, got), l->rows, (size_t)keep * l->src->row_size);
	memcpy(l->rows, tmp, (size_t)got * l->src->row_size);
	free(tmp);
	l->n = keep + got;
	l->sel += got;
	l->top += got;
	if (l->pos >= 0)
		l->pos -= got;
	if (l->at_start)
		l->pos = 0;
	return 0;
}

/* Moves the selection by `delta` rows, fetching as it goes. */
static void move_by(struct list *l, int delta)
{
	int target = l->sel + delta;
	if (target >= l->n - 1 && !l->at_end)
		more_after(l, target - (l->n - 1) + l->height);
	target = l->sel + delta; /* sel may have shifted */
	if (target < 0 && !l->at_start)
		more_before(l, -target + l->height);
	target = l->sel + delta;
	if (target >= l->n)
		target = l->n - 1;
	if (target < 0)
		target = 0;
	l->sel = target;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + l->height)
		l->top = l->sel - l->height + 1;
	if (l->top < 0)
		l->top = 0;
}

int list_handle(struct list *l, enum action a)
{
	switch (a) {
	case ACT_UP: move_by(l, -1); return 1;
	case ACT_DOWN: move_by(l, 1); return 1;
	case ACT_PAGE_UP: {
		int off = l->sel - l->top;
		move_by(l, -l->height);
		l->top = l->sel - off;
		if (l->top < 0)
			l->top = 0;
		return 1;
	}
	case ACT_PAGE_DOWN: {
		int off = l->sel - l->top;
		move_by(l, l->height);
		l->top = l->sel - off;
		if (l->top + l->height > l->n)
			l->top = l->n - l->height;
		if (l->top < 0)
			l->top = 0;
		return 1;
	}
	case ACT_FIRST: list_reload(l); return 1;
	case ACT_LAST: load_last(l); return 1;
	default: return 0;
	}
}

void list_draw(struct list *l, WINDOW *w, int y, int x, int width)
{
	int cursor = -1;
	for (int i = 0; i < l->height; i++) {
		int r = l->top + i;
		if (r >= l->n)
			break;
		int selected = r == l->sel;
		if (selected)
			style_on(w, STYLE_SELECTED);
		draw_fill(w, y + i, x, width);
		l->src->draw_row(l->ctx, w, y + i, width, ROW(l, r), selected);
		if (selected) {
			/* Not by colour alone: a marker too, where the cursor sits. */
			style_on(w, STYLE_SELECTED);
			mvwaddch(w, y + i, x, '>');
			style_off(w, STYLE_SELECTED);
			cursor = y + i;
		}
	}
	if (cursor >= 0)
		wmove(w, cursor, x);
}

int list_select_line(struct list *l, int line)
{
	int r = l->top + line;
	if (line < 0 || line >= l->height || r >= l->n)
		return 0;
	l->sel = r;
	return 1;
}

int list_reload_keep(struct list *l)
{
	const void *was = list_selected(l);
	if (!was)
		return list_reload(l);
	struct page_key key;
	int offset = l->sel - l->top; /* where it was on screen */
	l->src->key_of(l->ctx, was, &key);
	l->total = l->src->count ? l->src->count(l->ctx) : -1;
	/* The rows before it (a screenful), then from there on: its row is
	 * the first after those, if it is still in the list. */
	int before = 0, rc = l->src->fetch(l->ctx, PAGE_BEFORE, &key, l->rows, l->height, &before);
	if (rc) {
		l->n = 0;
		return fail(l, rc);
	}
	int got = 0;
	if (before > 0) {
		struct page_key last;
		l->src->key_of(l->ctx, ROW(l, before - 1), &last);
		rc = l->src->fetch(l->ctx, PAGE_AFTER, &last, ROW(l, before), l->cap - before, &got);
	} else {
		rc = l->src->fetch(l->ctx, PAGE_FIRST, NULL, l->rows, l->cap, &got);
	}
	if (rc) {
		l->n = 0;
		return fail(l, rc);
	}
	l->n = before + got;
	l->at_start = before < l->height;
	l->at_end = got < l->cap - before;
	l->pos = l->at_start ? 0 : -1;
	/* Its own row, or the one that took its place. */
	l->sel = before < l->n ? before : l->n - 1;
	if (l->sel < 0)
		l->sel = 0;
	l->top = l->sel - offset;
	if (l->top < 0)
		l->top = 0;
	if (l->top + l->height > l->n)
		l->top = l->n - l->height > 0 ? l->n - l->height : 0;
	if (l->top > l->sel)
		l->top = l->sel;
	return 0;
}

const void *list_selected(struct list *l)
{
	return l->n > 0 ? ROW(l, l->sel) : NULL;
}

/* 1234567 -> "1,234,567" */
static void with_commas(int64_t v, char *buf, size_t n)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", (long long)v);
	size_t len = strlen(digits), o = 0;
	for (size_t i = 0; i < len && o + 2 < n; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
}

const char *list_position(struct list *l, char *buf, size_t n)
{
	char at[32], of[32];
	if (l->n == 0) {
		snprintf(buf, n, "no rows");
		return buf;
	}
	int64_t total = l->total;
	if (l->at_start && l->at_end)
		total = l->n; /* all of it is held: counted for nothing */
	if (l->pos < 0 && l->at_end && total >= 0)
		l->pos = total - l->n;
	if (l->pos < 0) {
		with_commas(total, of, sizeof of);
		snprintf(buf, n, total >= 0 ? "%s rows" : "many rows", of);
		return buf;
	}
	with_commas(l->pos + l->sel + 1, at, sizeof at);
	if (total >= 0) {
		with_commas(total, of, sizeof of);
		snprintf(buf, n, "row %s of %s", at, of);
	} else {
		snprintf(buf, n, "row %s of many", at);
	}
	return buf;
}
