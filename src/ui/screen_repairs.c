/*
 * src/ui/screen_repairs.c: the Repairs list (read-only for now): a virtual
 * list over repair_page, sortable, filterable, with incremental search.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/ref.h"
#include "coopdesk/repair_rules.h"
#include "coopdesk/repairs.h"
#include "coopdesk/text.h"
#include "list.h"

#define SEARCH_MAX 120

struct repairs {
	struct app *app;
	struct list list;
	struct repair_filter filter;
	enum repair_sort sort;
	int filter_mode;            /* 0 open, 1 overdue, 2 all */
	int searching;              /* typing a search */
	char search[SEARCH_MAX * 4 + 1];
	char query[SEARCH_MAX * 4 + 1];  /* what is searched for: see search_query */
	int width;
};

static const char *const sort_names[] = {
	[REPAIR_NEWEST] = "newest first",
	[REPAIR_BY_TARGET] = "target date",
	[REPAIR_BY_PRIORITY] = "priority",
	[REPAIR_BY_STATUS] = "status",
	[REPAIR_BY_HOME] = "home",
};
static const char *const filter_names[] = { "open repairs", "overdue repairs", "all repairs" };

/* ---- the list's source ------------------------------------------------- */

static int fetch(void *ctx, enum page_dir dir, const struct page_key *key,
		 void *rows, int max, int *n)
{
	struct repairs *r = ctx;
	return repair_page(r->app->db, &r->app->who, &r->filter, r->sort, dir, key, rows, max, n);
}

static void key_of(void *ctx, const void *row, struct page_key *key)
{
	struct repairs *r = ctx;
	repair_row_key(row, r->sort, key);
}

static int64_t count(void *ctx)
{
	struct repairs *r = ctx;
	int64_t all, open;
	if (r->filter.search || r->filter.overdue)
		return -1;
	/* The kept counts are the whole co-op's: not for a list of one's own. */
	if (access_level(&r->app->who, AREA_REPAIRS, OP_READ) != ACCESS_ALL)
		return -1;
	if (repair_count(r->app->db, &all, &open) != DB_OK)
		return -1;
	return r->filter.which == REPAIRS_ALL ? all : open;
}

/* Column layout: fixed columns, then the title takes what is left. */
enum { COL_REF = 9, COL_HOME = 11, COL_PRIO = 10, COL_STATUS = 12, COL_TARGET = 11,
       COL_WHO = 24 };
/* From this width the list also shows who reported each repair. */
#define WIDE_FROM 100

static void draw_row(void *ctx, WINDOW *w, int y, int width, const void *row, int selected)
{
	const struct repair_row *rr = row;
	(void)ctx;
	char ref[REF_BUFSZ], target[DATE_BUFSZ];
	ref_format('R', rr->id, ref, sizeof ref);
	/* "2026-11-22T15:04:05Z" -> 22/11/2026 */
	struct date d;
	char day[11];
	snprintf(day, sizeof day, "%.10s", rr->target_at);
	if (date_parse(day, &d) == DATE_OK)
		date_format_uk(d, target, sizeof target);
	else
		snprintf(target, sizeof target, "%s", day);
	int closed = rr->status == REPAIR_CLOSED || rr->status == REPAIR_CANCELLED ||
		     rr->status == REPAIR_COMPLETED;
	int x = 1;
	if (!selected && closed)
		style_on(w, STYLE_DIM);
	draw_text(w, y, x, COL_REF - 1, ref);
	x += COL_REF;
	draw_text(w, y, x, COL_HOME - 1, rr->home_ref);
	x += COL_HOME;
	if (!selected && rr->priority == REPAIR_EMERGENCY)
		style_on(w, STYLE_EMERGENCY);
	draw_text(w, y, x, COL_PRIO - 1, repair_priority_name(rr->priority));
	if (!selected && rr->priority == REPAIR_EMERGENCY)
		style_off(w, STYLE_EMERGENCY);
	if (!selected && closed)
		style_on(w, STYLE_DIM);
	x += COL_PRIO;
	draw_text(w, y, x, COL_STATUS - 1, repair_status_label(rr->status));
	x += COL_STATUS;
	if (!selected && rr->overdue)
		style_on(w, STYLE_OVERDUE);
	draw_text(w, y, x, COL_TARGET - 1, target);
	if (!selected && rr->overdue)
		style_off(w, STYLE_OVERDUE);
	if (!selected && closed)
		style_on(w, STYLE_DIM);
	x += COL_TARGET;
	if (width >= WIDE_FROM) {
		draw_text(w, y, x, COL_WHO - 1, rr->reported_by);
		x += COL_WHO;
	}
	char title[REPAIR_TITLE_MAX * 4 + 16];
	snprintf(title, sizeof title, "%s%s", rr->overdue ? "! " : "", rr->title);
	draw_text(w, y, x, width - x - 1, title);
	if (!selected)
		style_off(w, STYLE_NORMAL);
}

static const struct list_source source = {
	.row_size = sizeof(struct repair_row),
	.fetch = fetch,
	.key_of = key_of,
	.draw_row = draw_row,
	.count = count,
};

/* ---- the screen -------------------------------------------------------- */

/* What a search looks for while it is typed: nothing until there are 3
 * characters, and a last word of one letter waits for the next. "s" or
 * "quince s" would otherwise ask the index for every word starting with s,
 * which on a million repairs costs time and memory for no use. */
#define SEARCH_MIN_CHARS 3
static void search_query(const char *typed, char *out, size_t n)
{
	snprintf(out, n, "%s", typed);
	text_trim(out);
	char *last = strrchr(out, ' ');
	char *word = last ? last + 1 : out;
	if (last && text_chars(word) < 2)
		*last = '\0';
	text_trim(out);
	if (text_chars(out) < SEARCH_MIN_CHARS)
		out[0] = '\0';
}

static void apply_filter(struct repairs *r)
{
	memset(&r->filter, 0, sizeof r->filter);
	r->filter.which = r->filter_mode == 2 ? REPAIRS_ALL : REPAIRS_OPEN;
	r->filter.overdue = r->filter_mode == 1;
	search_query(r->search, r->query, sizeof r->query);
	r->filter.search = r->query[0] ? r->query : NULL;
	list_reload(&r->list);
}

static void layout(struct screen *s, int rows, int cols)
{
	struct repairs *r = s->priv;
	r->width = cols;
	/* Title, column headings above; the search line below. */
	list_resize(&r->list, rows - 4);
}

static void draw(struct screen *s, WINDOW *w)
{
	struct repairs *r = s->priv;
	char title[256], pos[64];
	list_position(&r->list, pos, sizeof pos);
	snprintf(title, sizeof title, "Repairs: %s, by %s", filter_names[r->filter_mode],
		 sort_names[r->sort]);
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, r->width - 24, title);
	style_off(w, STYLE_TITLE);
	int pw = text_width(pos);
	draw_text(w, 0, r->width - pw - 1, pw, pos);

	style_on(w, STYLE_COLUMN);
	draw_fill(w, 1, 0, r->width);
	int x = 1;
	draw_text(w, 1, x, COL_REF - 1, "Ref");
	x += COL_REF;
	draw_text(w, 1, x, COL_HOME - 1, "Home");
	x += COL_HOME;
	draw_text(w, 1, x, COL_PRIO - 1, "Priority");
	x += COL_PRIO;
	draw_text(w, 1, x, COL_STATUS - 1, "Status");
	x += COL_STATUS;
	draw_text(w, 1, x, COL_TARGET - 1, "Target");
	x += COL_TARGET;
	if (r->width >= WIDE_FROM) {
		draw_text(w, 1, x, COL_WHO - 1, "Reported by");
		x += COL_WHO;
	}
	draw_text(w, 1, x, r->width - x - 1, "Summary");
	style_off(w, STYLE_COLUMN);

	list_draw(&r->list, w, 2, 0, r->width);
	if (r->list.n == 0)
		draw_text(w, 3, 2, r->width - 4, r->query[0]
			  ? "No repair has those words. Esc clears the search."
			  : "No repairs here. f shows open, overdue or all repairs.");
	int rows = getmaxy(w);
	if (r->searching || r->search[0]) {
		char line[SEARCH_MAX * 4 + 64];
		snprintf(line, sizeof line, "Search: %s%s%s", r->search, r->searching ? "_" : "",
			 r->searching && !r->query[0] ? "   (type at least 3 letters)" : "");
		draw_text(w, rows - 1, 1, r->width - 2, line);
	}
}

/* Deletes the last UTF-8 character of s. */
static void chop(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

static int search_key(struct repairs *r, int32_t key)
{
	if (key == CDK_ENTER) {
		r->searching = 0;
		return 1;
	}
	if (key == CDK_ESC) {
		r->searching = 0;
		r->search[0] = '\0';
		apply_filter(r);
		return 1;
	}
	if (key == CDK_BACKSPACE) {
		chop(r->search);
	} else if (key >= ' ' && key < KEY_CD_BASE && text_chars(r->search) < SEARCH_MAX) {
		char ch[8];
		key_format(key, ch, sizeof ch);
		if (key == ' ')
			snprintf(ch, sizeof ch, " ");
		if (strlen(r->search) + strlen(ch) < sizeof r->search)
			strcat(r->search, ch);
	} else {
		return 1; /* other keys do nothing while typing */
	}
	apply_filter(r);
	return 1;
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct repairs *r = s->priv;
	if (r->searching) {
		s->dirty = 1;
		return search_key(r, key);
	}
	if (list_handle(&r->list, a)) {
		s->dirty = 1;
		return 1;
	}
	switch (a) {
	case ACT_SORT:
		r->sort = (enum repair_sort)((r->sort + 1) % 5);
		apply_filter(r);
		break;
	case ACT_FILTER:
		r->filter_mode = (r->filter_mode + 1) % 3;
		apply_filter(r);
		break;
	case ACT_SEARCH:
		r->searching = 1;
		break;
	case ACT_BACK:
		if (!r->search[0])
			return 0;
		r->search[0] = '\0';
		apply_filter(r);
		break;
	case ACT_OPEN: case ACT_EDIT: {
		const struct repair_row *row = list_selected(&r->list);
		if (!row)
			break;
		app_push(s->app, screen_repair_new(s->app, row->id));
		if (a == ACT_EDIT) {
			/* The record's own screen decides whether this person may edit. */
			struct screen *view = app_top(s->app);
			if (view && view != s)
				view->ops->handle(view, ACT_EDIT, 'e');
		}
		break;
	}
	case ACT_REDRAW:
		apply_filter(r);
		return 0;
	default:
		return 0;
	}
	s->dirty = 1;
	return 1;
}

static const char *hint(struct screen *s)
{
	struct repairs *r = s->priv;
	return r->searching ? "type words  Enter keep  Esc clear"
			    : "Enter open  e edit  / search  s sort  f filter";
}

static void destroy(struct screen *s)
{
	struct repairs *r = s->priv;
	list_free(&r->list);
	free(r);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Repairs",
	.scope = 'L',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.hint = hint,
	.destroy = destroy,
};

struct screen *screen_repairs_new(struct app *app)
{
	struct screen *s = calloc(1, sizeof *s);
	struct repairs *r = calloc(1, sizeof *r);
	if (!s || !r || list_init(&r->list, app, &source, r) != 0) {
		free(s);
		free(r);
		return NULL;
	}
	r->app = app;
	r->sort = REPAIR_NEWEST;
	s->ops = &ops;
	s->app = app;
	s->area = 3;
	s->priv = r;
	int rows, cols;
	getmaxyx(app->body, rows, cols);
	layout(s, rows, cols);
	apply_filter(r);
	return s;
}
