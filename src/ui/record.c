/*
 * src/ui/record.c: the one record screen (record.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/text.h"
#include "form_text.h"
#include "record.h"

#define LABEL_MAX_COLS 24
#define SUB_MIN_ROWS 5       /* a sub-list shows at least this many rows */

/* ---- the details, wrapped ---------------------------------------------------- */

static void free_lines(struct rscreen *rs)
{
	for (int i = 0; i < rs->nlines; i++)
		free(rs->lines[i].text);
	for (int i = 0; i < rs->nlabels; i++)
		free(rs->labels[i]);
	free(rs->lines);
	free(rs->labels);
	rs->lines = NULL;
	rs->labels = NULL;
	rs->nlines = rs->cap = rs->nlabels = 0;
}

static void add_line(struct rscreen *rs, const char *label, const char *text, size_t len,
		     int style)
{
	if (rs->nlines == rs->cap) {
		int cap = rs->cap ? rs->cap * 2 : 32;
		struct rline *grown = realloc(rs->lines, (size_t)cap * sizeof *grown);
		if (!grown)
			return;
		rs->lines = grown;
		rs->cap = cap;
	}
	char *copy = malloc(len + 1);
	if (!copy)
		return;
	memcpy(copy, text, len);
	copy[len] = '\0';
	rs->lines[rs->nlines++] = (struct rline){ label, copy, style };
}

/* The width of the label column: the widest label, within reason. */
static int label_cols(const struct rscreen *rs)
{
	int w = 0;
	for (int i = 0; i < rs->nlabels; i++)
		if (text_width(rs->labels[i]) > w)
			w = text_width(rs->labels[i]);
	return w > LABEL_MAX_COLS ? LABEL_MAX_COLS : w;
}

void record_row(struct rscreen *rs, const char *label, const char *value, int style)
{
	char **grown = realloc(rs->labels, (size_t)(rs->nlabels + 1) * sizeof *grown);
	if (!grown)
		return;
	rs->labels = grown;
	char *copy = malloc(strlen(label) + 1);
	if (!copy)
		return;
	strcpy(copy, label);
	rs->labels[rs->nlabels++] = copy;
	/* Wrapped later, once every label is known (build_lines). */
	add_line(rs, copy, value && value[0] ? value : "-", strlen(value && value[0] ? value : "-"),
		 style);
}

/* The rows as the descriptor gives them, then each value wrapped into
 * lines of the value column's width. */
static void build_lines(struct rscreen *rs)
{
	free_lines(rs);
	if (!rs->ok)
		return;
	rs->d->rows(rs);
	int n = rs->nlines;
	struct rline *given = rs->lines;
	rs->lines = NULL;
	rs->nlines = rs->cap = 0;
	int vw = rs->width - 2 - label_cols(rs) - 3;
	if (vw < 10)
		vw = 10;
	for (int i = 0; i < n; i++) {
		int k;
		struct ftext_line *l = ftext_wrap(given[i].text, vw, &k);
		for (int j = 0; l && j < k; j++) {
			size_t end = l[j].end;
			if (end > l[j].start && (given[i].text[end - 1] == '\n' ||
						 (given[i].text[end - 1] == ' ' && j + 1 < k)))
				end--;
			if (j == k - 1 && j > 0 && l[j].start == end)
				break; /* the empty line a full last line leaves */
			add_line(rs, j == 0 ? given[i].label : "", given[i].text + l[j].start,
				 end - l[j].start, given[i].style);
		}
		free(l);
		free(given[i].text);
	}
	free(given);
}

/* ---- the sub-lists' sources ------------------------------------------------------ */

static int sub_fetch(void *ctx, enum page_dir dir, const struct page_key *key, void *rows,
		     int max, int *n)
{
	struct rsubstate *ss = ctx;
	return ss->sub->fetch(ss->rs, dir, key, rows, max, n);
}

static void sub_key_of(void *ctx, const void *row, struct page_key *key)
{
	struct rsubstate *ss = ctx;
	ss->sub->key_of(row, key);
}

static int64_t sub_count(void *ctx)
{
	struct rsubstate *ss = ctx;
	return ss->sub->count ? ss->sub->count(ss->rs) : -1;
}

static void sub_draw_row(void *ctx, WINDOW *w, int y, int width, const void *row, int selected)
{
	struct rsubstate *ss = ctx;
	char buf[1024];
	buf[0] = '\0';
	int style = ss->sub->line(ss->rs, row, buf, sizeof buf);
	if (!selected && style >= 0)
		style_on(w, (enum ui_style)style);
	draw_text(w, y, 2, width - 3, buf);
	if (!selected && style >= 0)
		style_off(w, (enum ui_style)style);
	if (selected)
		style_on(w, STYLE_SELECTED);
}

/* ---- layout and drawing ----------------------------------------------------- */

static int detail_overflows(const struct rscreen *rs)
{
	return rs->nlines > rs->detail_h;
}

static void clamp_scroll(struct rscreen *rs)
{
	if (rs->scroll > rs->nlines - rs->detail_h)
		rs->scroll = rs->nlines - rs->detail_h;
	if (rs->scroll < 0)
		rs->scroll = 0;
}

/* The parts Tab goes through: the details when they scroll, each sub-list
 * this person may see. */
static int part_ok(const struct rscreen *rs, int f)
{
	return f == 0 ? detail_overflows(rs) : !rs->subs[f - 1].hidden;
}

static int parts(const struct rscreen *rs)
{
	int n = 0;
	for (int f = 0; f <= rs->d->nsubs; f++)
		n += part_ok(rs, f);
	return n;
}

static int next_part(const struct rscreen *rs)
{
	int f = rs->focus;
	for (int i = 0; i <= rs->d->nsubs; i++) {
		f = (f + 1) % (rs->d->nsubs + 1);
		if (part_ok(rs, f))
			return f;
	}
	return rs->focus;
}

/* The title on line 0, the details below it, then each sub-list: its
 * heading and its rows. The details take what they need, leaving a
 * sub-list SUB_MIN_ROWS at least (two each when there are several), and
 * one hidden from this person the one line that says so; the sub-lists
 * shown share what is left. */
static void place(struct rscreen *rs)
{
	int avail = rs->rows - 1;
	int nsubs = rs->d->nsubs, shown = 0, need = 0;
	for (int i = 0; i < nsubs; i++)
		shown += !rs->subs[i].hidden;
	/* One sub-list keeps SUB_MIN_ROWS; several, two rows each. */
	int min_rows = shown > 1 ? 2 : SUB_MIN_ROWS;
	for (int i = 0; i < nsubs; i++)
		need += rs->subs[i].hidden ? 2 : min_rows + 1;
	int most = shown ? avail - need : avail - need - 1; /* a gap before hidden ones only */
	rs->detail_h = nsubs == 0 ? avail : rs->nlines < most ? rs->nlines : most;
	if (rs->detail_h < 2)
		rs->detail_h = 2;
	int left = avail - rs->detail_h - (nsubs - shown) * 2, y = 1 + rs->detail_h;
	if (!shown)
		y++;
	for (int i = 0; i < nsubs; i++) {
		int h = rs->subs[i].hidden ? 2 : left / shown--;
		if (!rs->subs[i].hidden)
			left -= h;
		rs->subs[i].y = y;
		rs->subs[i].height = h - 1 > 1 ? h - 1 : 1;
		list_resize(&rs->subs[i].list, rs->subs[i].height);
		y += h;
	}
	clamp_scroll(rs);
	if (!part_ok(rs, rs->focus))
		rs->focus = next_part(rs);
}

static void layout(struct screen *s, int rows, int cols)
{
	struct rscreen *rs = s->priv;
	int rewrap = cols != rs->width;
	rs->width = cols;
	rs->rows = rows;
	if (rewrap)
		build_lines(rs);
	place(rs);
}

static void draw(struct screen *s, WINDOW *w)
{
	struct rscreen *rs = s->priv;
	int width = rs->width;
	if (!rs->ok) {
		draw_text(w, 1, 2, width - 4, rs->error);
		wmove(w, 1, 2);
		return;
	}
	char title[1024];
	rs->d->title(rs, title, sizeof title);
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, width - 2, title);
	style_off(w, STYLE_TITLE);
	if (detail_overflows(rs)) {
		char more[64];
		int last = rs->scroll + rs->detail_h < rs->nlines ? rs->scroll + rs->detail_h
								  : rs->nlines;
		snprintf(more, sizeof more, "lines %d-%d of %d", rs->scroll + 1, last, rs->nlines);
		int mw = text_width(more);
		style_on(w, STYLE_DIM);
		draw_text(w, 0, width - mw - 1, mw, more);
		style_off(w, STYLE_DIM);
	}
	int lw = label_cols(rs);
	for (int i = 0; i < rs->detail_h && rs->scroll + i < rs->nlines; i++) {
		const struct rline *l = &rs->lines[rs->scroll + i];
		draw_text(w, 1 + i, 2, lw, l->label);
		if (l->style >= 0)
			style_on(w, (enum ui_style)l->style);
		draw_text(w, 1 + i, 2 + lw + 2, width - lw - 5, l->text);
		if (l->style >= 0)
			style_off(w, (enum ui_style)l->style);
	}
	int cy = 1, cx = 1;
	if (rs->focus == 0)
		mvwaddch(w, 1, 0, detail_overflows(rs) ? '>' : ' ');
	for (int k = 0; k < rs->d->nsubs; k++) {
		struct rsubstate *ss = &rs->subs[k];
		char pos[64] = "", head[128];
		if (!ss->hidden)
			list_position(&ss->list, pos, sizeof pos);
		snprintf(head, sizeof head, "%s%s", rs->focus == k + 1 && !ss->hidden ? "> " : "  ",
			 ss->sub->title);
		style_on(w, STYLE_COLUMN);
		draw_fill(w, ss->y, 0, width);
		draw_text(w, ss->y, 0, width - text_width(pos) - 3, head);
		draw_text(w, ss->y, width - text_width(pos) - 1, text_width(pos), pos);
		style_off(w, STYLE_COLUMN);
		if (ss->hidden || ss->list.n == 0) {
			draw_text(w, ss->y + 1, 2, width - 4, ss->hidden ? "Not shown to your role."
				  : ss->sub->empty ? ss->sub->empty : "None.");
			continue;
		}
		if (rs->focus == k + 1) {
			list_draw(&ss->list, w, ss->y + 1, 0, width);
			getyx(w, cy, cx);
		} else {
			/* Not the part with the cursor: its selection is not shown. */
			int sel = ss->list.sel;
			ss->list.sel = -1;
			list_draw(&ss->list, w, ss->y + 1, 0, width);
			ss->list.sel = sel;
		}
	}
	wmove(w, rs->focus == 0 ? 1 : cy, rs->focus == 0 ? 0 : cx);
}

/* ---- keys --------------------------------------------------------------------- */

static const struct ract *own(const struct rscreen *rs, enum action a)
{
	for (int i = 0; i < rs->d->nacts; i++)
		if (rs->d->acts[i].action == a)
			return &rs->d->acts[i];
	return NULL;
}

/* The parts Tab goes through: the details when they scroll, each sub-list. */
static int acts(struct screen *s, enum action a)
{
	struct rscreen *rs = s->priv;
	if (action_table[a].scope == 'G')
		return 1;
	if (!rs->ok)
		return 0;
	const struct ract *o = own(rs, a);
	if (o)
		return !o->allowed || o->allowed(rs);
	switch (a) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		return rs->focus > 0 || detail_overflows(rs);
	case ACT_NEXT_PANE:
		return parts(rs) > 1;
	case ACT_OPEN:
		return rs->focus > 0 && rs->subs[rs->focus - 1].sub->open != NULL;
	default:
		return 0;
	}
}

static void scroll_details(struct rscreen *rs, enum action a)
{
	switch (a) {
	case ACT_UP: rs->scroll--; break;
	case ACT_DOWN: rs->scroll++; break;
	case ACT_PAGE_UP: rs->scroll -= rs->detail_h; break;
	case ACT_PAGE_DOWN: rs->scroll += rs->detail_h; break;
	case ACT_FIRST: rs->scroll = 0; break;
	case ACT_LAST: rs->scroll = rs->nlines; break;
	default: break;
	}
	clamp_scroll(rs);
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct rscreen *rs = s->priv;
	(void)key;
	if (!rs->ok || !acts(s, a) || action_table[a].scope == 'G')
		return 0;
	s->dirty = 1;
	const struct ract *o = own(rs, a);
	if (o) {
		rs->app->status_dirty = 1;
		o->run(rs); /* may open a screen above this one */
		return 1;
	}
	if (a == ACT_NEXT_PANE) {
		rs->focus = next_part(rs);
		rs->app->status_dirty = 1;
		return 1;
	}
	if (rs->focus == 0) {
		scroll_details(rs, a);
		return 1;
	}
	struct rsubstate *ss = &rs->subs[rs->focus - 1];
	if (a == ACT_OPEN) {
		const void *row = list_selected(&ss->list);
		if (row)
			app_push(rs->app, ss->sub->open(rs, row));
		return 1;
	}
	return list_handle(&ss->list, a);
}

static const char *hint(struct screen *s)
{
	struct rscreen *rs = s->priv;
	char label[64];
	rs->hint[0] = '\0';
	if (rs->ok) {
		for (int i = 0; i < rs->d->nacts; i++) {
			const struct ract *o = &rs->d->acts[i];
			if (o->unhinted)
				continue;
			ui_hint_add(rs->app, s, rs->hint, sizeof rs->hint, o->action,
				    o->label_of ? o->label_of(rs) : o->label);
		}
		ui_hint_add(rs->app, s, rs->hint, sizeof rs->hint, ACT_OPEN, NULL);
		int to = next_part(rs);
		snprintf(label, sizeof label, "%s", to == 0 ? "details" : rs->subs[to - 1].sub->title);
		label[0] = (char)tolower((unsigned char)label[0]);
		ui_hint_add(rs->app, s, rs->hint, sizeof rs->hint, ACT_NEXT_PANE, label);
	}
	ui_hint_add(rs->app, s, rs->hint, sizeof rs->hint, ACT_BACK, NULL);
	return rs->hint;
}

static const char *describe(struct screen *s, enum action a)
{
	struct rscreen *rs = s->priv;
	const struct ract *o = own(rs, a);
	return o ? o->help : NULL;
}

static const char *why_not(struct screen *s, enum action a)
{
	struct rscreen *rs = s->priv;
	const struct ract *o = own(rs, a);
	if (o && o->allowed && !o->allowed(rs) && o->refused)
		return o->refused;
	return rs->d->why_not ? rs->d->why_not(rs, a) : NULL;
}

static void click(struct screen *s, int y, int x, int twice)
{
	struct rscreen *rs = s->priv;
	(void)x;
	for (int k = 0; k < rs->d->nsubs; k++) {
		struct rsubstate *ss = &rs->subs[k];
		if (y > ss->y && y <= ss->y + ss->height && list_select_line(&ss->list, y - ss->y - 1)) {
			rs->focus = k + 1;
			if (twice && ss->sub->open)
				app_push(rs->app, ss->sub->open(rs, list_selected(&ss->list)));
			return;
		}
	}
	if (y >= 1 && y <= rs->detail_h && detail_overflows(rs))
		rs->focus = 0;
}

static void load(struct rscreen *rs)
{
	rs->ok = rs->d->load(rs) == DB_OK;
	if (!rs->ok) {
		text_copy(rs->error, sizeof rs->error, db_errmsg(rs->app->db));
		rs->error[0] = (char)toupper((unsigned char)rs->error[0]);
		return;
	}
	for (int k = 0; k < rs->d->nsubs; k++)
		rs->subs[k].hidden = rs->subs[k].sub->allowed && !rs->subs[k].sub->allowed(rs);
}

void record_reload(struct rscreen *rs)
{
	load(rs);
	build_lines(rs);
	place(rs);
	for (int k = 0; rs->ok && k < rs->d->nsubs; k++)
		if (!rs->subs[k].hidden)
			list_reload_keep(&rs->subs[k].list);
	rs->self->dirty = 1;
}

static void resume(struct screen *s)
{
	record_reload(s->priv);
}

static void destroy(struct screen *s)
{
	struct rscreen *rs = s->priv;
	for (int k = 0; k < rs->d->nsubs; k++)
		list_free(&rs->subs[k].list);
	free_lines(rs);
	if (rs->d->fini)
		rs->d->fini(rs->priv);
	free(rs->priv);
	free(rs->rec);
	free(rs);
	free(s);
}

static const struct screen_ops ops = {
	.scope = 'L',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.acts = acts,
	.resume = resume,
	.hint = hint,
	.describe = describe,
	.why_not = why_not,
	.click = click,
	.destroy = destroy,
};

struct screen *record_screen_new(struct app *app, const struct rdesc *d, int64_t id)
{
	struct screen *s = calloc(1, sizeof *s);
	struct rscreen *rs = calloc(1, sizeof *rs);
	void *rec = calloc(1, d->rec_size);
	if (!s || !rs || !rec || d->nsubs > RECORD_SUBS_MAX) {
		free(s);
		free(rs);
		free(rec);
		app_message(app, STYLE_ERROR, "out of memory: the record could not be shown");
		return NULL;
	}
	rs->app = app;
	rs->self = s;
	rs->d = d;
	rs->id = id;
	rs->rec = rec;
	rs->ops = ops;
	rs->ops.name = d->name;
	s->ops = &rs->ops;
	s->app = app;
	s->area = d->area;
	s->priv = rs;
	for (int k = 0; k < d->nsubs; k++) {
		struct rsubstate *ss = &rs->subs[k];
		ss->rs = rs;
		ss->sub = &d->subs[k];
		ss->src = (struct list_source){
			.row_size = d->subs[k].row_size,
			.fetch = sub_fetch,
			.key_of = sub_key_of,
			.draw_row = sub_draw_row,
			.count = sub_count,
		};
		if (list_init(&ss->list, app, &ss->src, ss) != 0) {
			for (int j = 0; j < k; j++)
				list_free(&rs->subs[j].list);
			free(rec);
			free(rs);
			free(s);
			app_message(app, STYLE_ERROR, "out of memory: the record could not be shown");
			return NULL;
		}
	}
	if (d->priv_size && !(rs->priv = calloc(1, d->priv_size))) {
		for (int k = 0; k < d->nsubs; k++)
			list_free(&rs->subs[k].list);
		free(rec);
		free(rs);
		free(s);
		app_message(app, STYLE_ERROR, "out of memory: the record could not be shown");
		return NULL;
	}
	load(rs);
	int rows, cols;
	getmaxyx(app->body, rows, cols);
	rs->width = cols;
	rs->rows = rows;
	build_lines(rs);
	place(rs);
	for (int k = 0; rs->ok && k < d->nsubs; k++)
		if (!rs->subs[k].hidden)
			list_reload(&rs->subs[k].list);
	return s;
}

const void *record_sub_selected(struct rscreen *rs, int k)
{
	if (k < 0 || k >= rs->d->nsubs || rs->focus != k + 1 || rs->subs[k].hidden)
		return NULL;
	return list_selected(&rs->subs[k].list);
}
