/*
 * src/ui/list_screen.c: the one list screen (list_screen.h).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/text.h"
#include "list_screen.h"

#define TITLE_ROWS 1     /* the title and the position */
#define FOOT_ROWS 2      /* a note or a prompt's reason, and the prompt */
#define FLEX_MIN 8       /* the least a flexible column is given */
#define COLS_MAX 32      /* columns a descriptor may have; more are not drawn */

/* ---- the list's source: the descriptor's functions -------------------- */

static int src_fetch(void *ctx, enum page_dir dir, const struct page_key *key, void *rows,
		     int max, int *n)
{
	struct lscreen *ls = ctx;
	return ls->d->fetch(ls, dir, key, rows, max, n);
}

static void src_key_of(void *ctx, const void *row, struct page_key *key)
{
	struct lscreen *ls = ctx;
	ls->d->key_of(ls, row, key);
}

static int64_t src_count(void *ctx)
{
	struct lscreen *ls = ctx;
	return ls->d->count ? ls->d->count(ls) : -1;
}

/* The columns shown at this width, and where: x and width of each (0 for
 * a hidden one). */
static void place_columns(const struct lscreen *ls, int width, int *xs, int *ws)
{
	const struct ldesc *d = ls->d;
	int fixed = 0, flex = 0, ncols = d->ncols < COLS_MAX ? d->ncols : COLS_MAX;
	for (int i = 0; i < ncols; i++) {
		ws[i] = 0;
		if (d->cols[i].min_cols > width)
			continue;
		if (d->cols[i].width > 0)
			fixed += d->cols[i].width;
		else
			flex++;
	}
	int left = width - 2 - fixed; /* the marker column and a margin */
	int x = 1;
	for (int i = 0; i < ncols; i++) {
		if (d->cols[i].min_cols > width)
			continue;
		int w = d->cols[i].width;
		if (w == 0) {
			w = left / flex;
			if (w < FLEX_MIN)
				w = FLEX_MIN;
			left -= w;
			flex--;
		}
		if (x + w > width)
			w = width - x;
		xs[i] = x;
		ws[i] = w > 0 ? w : 0;
		x += ws[i];
	}
}

static void draw_cell(WINDOW *w, int y, int x, int width, const char *text, int right)
{
	int cw = width - 1;
	if (cw <= 0)
		return;
	int tw = text_width(text);
	if (right && tw < cw)
		draw_text(w, y, x + cw - tw, tw, text);
	else
		draw_text(w, y, x, cw, text);
}

static void src_draw_row(void *ctx, WINDOW *w, int y, int width, const void *row, int selected)
{
	struct lscreen *ls = ctx;
	const struct ldesc *d = ls->d;
	int xs[COLS_MAX], ws[COLS_MAX];
	char buf[1024];
	place_columns(ls, width, xs, ws);
	int base = d->row_style ? d->row_style(row) : STYLE_NORMAL;
	for (int i = 0; i < d->ncols && i < COLS_MAX; i++) {
		if (!ws[i])
			continue;
		buf[0] = '\0';
		int style = d->cols[i].cell(ls, row, buf, sizeof buf);
		if (style < 0)
			style = base;
		if (!selected && style != STYLE_NORMAL)
			style_on(w, (enum ui_style)style);
		draw_cell(w, y, xs[i], ws[i], buf, d->cols[i].right);
		if (!selected && style != STYLE_NORMAL)
			style_off(w, (enum ui_style)style);
		if (selected)
			style_on(w, STYLE_SELECTED);
	}
}

static const struct list_source source = {
	.fetch = src_fetch,
	.key_of = src_key_of,
	.draw_row = src_draw_row,
	.count = src_count,
};

/* ---- searching ----------------------------------------------------------- */

/* What a search looks for while it is typed: nothing until it has the
 * descriptor's least number of characters, and a last word of one letter
 * waits for the next ("s" or "quince s" would ask the index for every word
 * starting with s, which on a million repairs costs time and memory for
 * no use). */
static void search_query(const struct lscreen *ls, const char *typed, char *out, size_t n)
{
	text_copy(out, n, typed);
	text_trim(out);
	char *last = strrchr(out, ' ');
	if (last && text_chars(last + 1) < 2)
		*last = '\0';
	text_trim(out);
	if ((int)text_chars(out) < (ls->d->search_min > 0 ? ls->d->search_min : 1))
		out[0] = '\0';
}

static void apply_search(struct lscreen *ls, const char *typed)
{
	char q[sizeof ls->query];
	search_query(ls, typed, q, sizeof q);
	if (strcmp(q, ls->query) == 0)
		return;
	memcpy(ls->query, q, sizeof q);
	list_reload(&ls->list);
}

/* ---- the screen ------------------------------------------------------------ */

static int list_rows(const struct lscreen *ls)
{
	return ls->rows - TITLE_ROWS - ls->d->extra_lines - 1 - FOOT_ROWS;
}

static void layout(struct screen *s, int rows, int cols)
{
	struct lscreen *ls = s->priv;
	ls->width = cols;
	ls->rows = rows;
	list_resize(&ls->list, list_rows(ls));
}

static void default_title(struct lscreen *ls, char *buf, size_t n)
{
	const struct ldesc *d = ls->d;
	size_t used = (size_t)snprintf(buf, n, "%s", d->name);
	if (d->nfilters > 0 && used < n)
		used += (size_t)snprintf(buf + used, n - used, ": %s", d->filters[ls->filter]);
	if (d->nsorts > 1 && used < n)
		used += (size_t)snprintf(buf + used, n - used, ", by %s", d->sorts[ls->sort]);
	(void)used;
}

static void draw(struct screen *s, WINDOW *w)
{
	struct lscreen *ls = s->priv;
	const struct ldesc *d = ls->d;
	int width = ls->width;
	if (ls->denied) {
		draw_text(w, 1, 2, width - 4, ls->denied_msg);
		wmove(w, 1, 2);
		return;
	}
	char title[1024], pos[64];
	if (d->title)
		d->title(ls, title, sizeof title);
	else
		default_title(ls, title, sizeof title);
	if (ls->query[0]) {
		size_t used = strlen(title);
		snprintf(title + used, sizeof title - used, ", matching \"%s\"", ls->query);
	}
	list_position(&ls->list, pos, sizeof pos);
	int pw = text_width(pos);
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, width - pw - 3, title);
	style_off(w, STYLE_TITLE);
	draw_text(w, 0, width - pw - 1, pw, pos);
	if (d->draw_extra)
		d->draw_extra(ls, w, TITLE_ROWS, width);

	int head = TITLE_ROWS + d->extra_lines;
	int xs[COLS_MAX], ws[COLS_MAX];
	place_columns(ls, width, xs, ws);
	style_on(w, STYLE_COLUMN);
	draw_fill(w, head, 0, width);
	for (int i = 0; i < d->ncols && i < COLS_MAX; i++)
		if (ws[i])
			draw_cell(w, head, xs[i], ws[i], d->cols[i].title, d->cols[i].right);
	style_off(w, STYLE_COLUMN);

	int rows = getmaxy(w);
	wmove(w, head, 0);
	list_draw(&ls->list, w, head + 1, 0, width);
	int cy, cx;
	getyx(w, cy, cx);
	if (ls->list.n == 0) {
		char key[KEY_NAME_MAX], msg[sizeof ls->query + 64];
		if (ls->query[0]) {
			ui_key(ls->app, s, ACT_BACK, key, sizeof key);
			ui_join(msg, sizeof msg, "Nothing matches \"", ls->query, "\".", key[0] ? " " : "",
				key, key[0] ? " clears the search." : "", NULL);
		} else {
			snprintf(msg, sizeof msg, "%s", d->empty ? d->empty(ls) : "Nothing here.");
		}
		draw_text(w, head + 2, 2, width - 4, msg);
		cy = head + 2;
		cx = 2;
	}
	if (ls->note[0]) {
		/* Two lines when no prompt needs the bottom one. */
		int busy = ls->search.active || ls->ask.active || ls->query[0] ||
			   pwask_active(ls->pw) || (d->hint && d->hint(ls));
		style_on(w, (enum ui_style)ls->note_style);
		draw_wrapped(w, rows - 2, 1, width - 2, busy ? 1 : 2, ls->note);
		style_off(w, (enum ui_style)ls->note_style);
	}
	/* The prompt last: the cursor ends where its text is typed. */
	if (d->draw_foot && d->draw_foot(ls, w, rows, width))
		return;
	if (pwask_active(ls->pw)) {
		pwask_draw(ls->pw, w, rows, width);
		return;
	}
	if (ls->search.active) {
		prompt_draw(&ls->search, w, rows - 1, width);
		return;
	}
	if (ls->ask.active) {
		prompt_draw(&ls->ask, w, rows - 1, width);
		return;
	}
	if (ls->query[0]) {
		char line[PROMPT_CHARS * 4 + 32];
		snprintf(line, sizeof line, "Search: %s", ls->query);
		draw_text(w, rows - 1, 1, width - 2, line);
	}
	wmove(w, cy, cx);
}

/* ---- actions --------------------------------------------------------------- */

/* The list's own action a, when the person logged in may use it now: the
 * first entry for a that allows them (a key may do one thing for the board
 * and another for everyone else). */
static const struct lact *own(const struct lscreen *ls, enum action a)
{
	for (int i = 0; i < ls->d->nacts; i++) {
		const struct lact *o = &ls->d->acts[i];
		if (o->action == a && (!o->allowed || o->allowed(ls)))
			return o;
	}
	return NULL;
}

static int question_up(const struct lscreen *ls)
{
	return ls->search.active || ls->ask.active || pwask_active(ls->pw) ||
	       (ls->d->typing && ls->d->typing((struct lscreen *)ls)) ||
	       (ls->d->hint && ls->d->hint((struct lscreen *)ls));
}

static int acts(struct screen *s, enum action a)
{
	struct lscreen *ls = s->priv;
	const struct ldesc *d = ls->d;
	if (action_table[a].scope == 'G')
		return !question_up(ls) || a == ACT_HELP || a == ACT_LOCK || a == ACT_REDRAW ||
		       a == ACT_LOGOUT;
	if (ls->denied || question_up(ls))
		return 0;
	if (own(ls, a))
		return 1;
	switch (a) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		return 1;
	case ACT_OPEN:
		return d->open != NULL;
	case ACT_SEARCH:
		return d->search_help != NULL;
	case ACT_SORT:
		return d->nsorts > 1;
	case ACT_FILTER:
		return d->nfilters > 1;
	default:
		return 0;
	}
}

static int typing(struct screen *s)
{
	struct lscreen *ls = s->priv;
	return ls->search.active ||
	       (ls->ask.active && ls->ask.kind != PROMPT_YESNO) || pwask_active(ls->pw) ||
	       (ls->d->typing && ls->d->typing(ls));
}

static const char *describe(struct screen *s, enum action a)
{
	struct lscreen *ls = s->priv;
	const struct lact *o = own(ls, a);
	if (o && o->help)
		return o->help;
	if (a == ACT_SEARCH && ls->d->search_help) {
		char back[KEY_NAME_MAX];
		ui_key(ls->app, s, ACT_BACK, back, sizeof back);
		snprintf(ls->said, sizeof ls->said, "Search %s; Enter keeps it%s%s%s",
			 ls->d->search_help, back[0] ? ", " : "", back, back[0] ? " clears it" : "");
		return ls->said;
	}
	if (a == ACT_FILTER && ls->d->filter_help)
		return ls->d->filter_help;
	if (a == ACT_FILTER && ls->d->nfilters > 1) {
		size_t used = (size_t)snprintf(ls->said, sizeof ls->said, "Show");
		for (int i = 0; i < ls->d->nfilters && used < sizeof ls->said; i++)
			used += (size_t)snprintf(ls->said + used, sizeof ls->said - used, "%s%s",
						 i == 0 ? " " : i == ls->d->nfilters - 1 ? " or " : ", ",
						 ls->d->filters[i]);
		if (used < sizeof ls->said)
			snprintf(ls->said + used, sizeof ls->said - used, ", in turn");
		return ls->said;
	}
	if (a == ACT_SORT && ls->d->nsorts > 1) {
		size_t used = (size_t)snprintf(ls->said, sizeof ls->said, "Sort by");
		for (int i = 0; i < ls->d->nsorts && used < sizeof ls->said; i++)
			used += (size_t)snprintf(ls->said + used, sizeof ls->said - used, "%s%s",
						 i == 0 ? " " : i == ls->d->nsorts - 1 ? " or " : ", ",
						 ls->d->sorts[i]);
		if (used < sizeof ls->said)
			snprintf(ls->said + used, sizeof ls->said - used, ", in turn");
		return ls->said;
	}
	return NULL;
}

/* ---- an action's question or password ------------------------------------ */

static void stop_asking(struct lscreen *ls)
{
	prompt_stop(&ls->ask);
	if (ls->pw)
		pwask_stop(ls->pw);
	ls->asking = NULL;
}

static void start_asking(struct lscreen *ls, const struct lact *o, const void *row)
{
	char words[512];
	/* An action that needs no row may be asked on an empty list. */
	if (row)
		memcpy(ls->asked_row, row, ls->d->row_size);
	else
		memset(ls->asked_row, 0, ls->d->row_size);
	ls->asking = o;
	if (o->confirm) {
		o->confirm(ls, row, words, sizeof words);
		prompt_start(&ls->ask, PROMPT_YESNO, words, NULL);
		return;
	}
	if (o->ask) {
		char text[sizeof ls->ask.text] = "";
		o->ask(ls, row, words, sizeof words, text, sizeof text);
		prompt_start(&ls->ask, PROMPT_TEXT, words, text);
		return;
	}
	if (!ls->pw && !(ls->pw = pwask_new())) {
		ls->asking = NULL;
		ls_note(ls, STYLE_ERROR, "Out of memory: the password cannot be asked");
		return;
	}
	int current = o->password(ls, row, words, sizeof words);
	pwask_start(ls->pw, words, current);
}

static int asking_key(struct lscreen *ls, int32_t key)
{
	const struct lact *o = ls->asking;
	ls->app->status_dirty = 1;
	if (ls->ask.active && ls->ask.kind == PROMPT_TEXT) {
		switch (prompt_key(&ls->ask, ls->app, key)) {
		case PROMPT_DONE:
			ls->ask.error[0] = '\0';
			o->run(ls, ls->asked_row); /* may push a screen, or ask again */
			if (!ls->ask.error[0])
				stop_asking(ls);
			break;
		case PROMPT_CANCEL:
			ls->asking = NULL;
			break;
		default:
			break;
		}
		return 1;
	}
	if (ls->ask.active) {
		if (prompt_key(&ls->ask, ls->app, key) == PROMPT_TYPING)
			return 1;
		int yes = ls->ask.answer;
		ls->asking = NULL;
		if (yes)
			o->run(ls, ls->asked_row); /* may log out, freeing this screen */
		else
			ls_note(ls, STYLE_STATUS, "Nothing was changed");
		return 1;
	}
	switch (pwask_key(ls->pw, ls->app, key)) {
	case PWASK_DONE:
		o->run(ls, ls->asked_row); /* takes it, or asks again */
		break;
	case PWASK_CANCELLED:
		ls->asking = NULL;
		ls_note(ls, STYLE_STATUS, "The password was not changed");
		break;
	default:
		break;
	}
	return 1;
}

const char *ls_password_current(struct lscreen *ls)
{
	return pwask_current(ls->pw);
}

const char *ls_password_new(struct lscreen *ls)
{
	return pwask_password(ls->pw);
}

void ls_password_retry(struct lscreen *ls, const char *why, int from_current)
{
	pwask_retry(ls->pw, why, from_current);
}

void ls_password_done(struct lscreen *ls)
{
	stop_asking(ls);
}

static int search_key(struct lscreen *ls, int32_t key)
{
	switch (prompt_key(&ls->search, ls->app, key)) {
	case PROMPT_CANCEL:
		ls->query[0] = '\0';
		list_reload_keep(&ls->list);
		break;
	case PROMPT_DONE: {
		char typed[sizeof ls->search.text];
		text_copy(typed, sizeof typed, ls->search.text);
		text_trim(typed);
		prompt_stop(&ls->search);
		apply_search(ls, typed);
		/* Too short to run: say so, rather than look applied. */
		if (typed[0] && !ls->query[0])
			ls_note(ls, STYLE_ERROR, "Not searched: a search needs at least %d letters",
				ls->d->search_min);
		break;
	}
	default:
		apply_search(ls, ls->search.text);
		if (ls->search.text[0] && !ls->query[0] && ls->d->search_min > 1)
			prompt_error(&ls->search, "type at least %d letters", ls->d->search_min);
		break;
	}
	ls->app->status_dirty = 1;
	return 1;
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct lscreen *ls = s->priv;
	const struct ldesc *d = ls->d;
	struct app *app = ls->app;
	if (ls->denied)
		return 0;
	s->dirty = 1;
	if (ls->search.active && a != ACT_LOCK && a != ACT_HELP && a != ACT_REDRAW &&
	    a != ACT_LOGOUT)
		return search_key(ls, key);
	if (ls->asking && (ls->ask.active || pwask_active(ls->pw)) && a != ACT_LOCK &&
	    a != ACT_HELP && a != ACT_REDRAW && a != ACT_LOGOUT)
		return asking_key(ls, key);
	if (ls->asking && (a == ACT_LOCK || a == ACT_LOGOUT))
		stop_asking(ls); /* nothing typed is kept behind a lock */
	if (d->handle && d->handle(ls, a, key))
		return 1;
	if (question_up(ls))
		return 0;
	ls->note[0] = '\0';
	if (list_handle(&ls->list, a))
		return 1;
	const struct lact *o = ls->denied ? NULL : own(ls, a);
	if (o) {
		const void *row = list_selected(&ls->list);
		if (o->needs_row && !row) {
			ls_note(ls, STYLE_STATUS, "There is no row to %s here", o->label ? o->label
				: action_table[a].hint);
			return 1;
		}
		app->status_dirty = 1;
		if (o->confirm || o->password || o->ask)
			start_asking(ls, o, row);
		else
			o->run(ls, row); /* may open a screen above this one */
		return 1;
	}
	switch (a) {
	case ACT_OPEN: {
		const void *row = list_selected(&ls->list);
		if (row && d->open)
			app_push(app, d->open(ls, row));
		return 1;
	}
	case ACT_SEARCH:
		if (!d->search_help)
			return 0;
		prompt_start(&ls->search, PROMPT_TEXT, "Search: ", ls->query);
		app->status_dirty = 1;
		return 1;
	case ACT_SORT:
		if (d->nsorts < 2)
			return 0;
		ls->sort = (ls->sort + 1) % d->nsorts;
		list_reload_keep(&ls->list);
		return 1;
	case ACT_FILTER:
		if (d->nfilters < 2)
			return 0;
		ls->filter = (ls->filter + 1) % d->nfilters;
		list_reload_keep(&ls->list);
		return 1;
	case ACT_BACK:
		if (!ls->query[0])
			return 0;
		ls->query[0] = '\0';
		list_reload_keep(&ls->list);
		return 1;
	default:
		return 0;
	}
}

static const char *hint(struct screen *s)
{
	struct lscreen *ls = s->priv;
	const struct ldesc *d = ls->d;
	if (ls->search.active)
		return prompt_hint(&ls->search);
	if (pwask_active(ls->pw))
		return pwask_hint(ls->pw);
	if (ls->ask.active)
		return prompt_hint(&ls->ask);
	if (d->hint) {
		const char *own_hint = d->hint(ls);
		if (own_hint)
			return own_hint;
	}
	ls->hint[0] = '\0';
	if (ls->denied) {
		ui_hint_add(ls->app, s, ls->hint, sizeof ls->hint, ACT_BACK, NULL);
		return ls->hint;
	}
	ui_hint_add(ls->app, s, ls->hint, sizeof ls->hint, ACT_OPEN, d->open_label);
	for (int i = 0; i < d->nacts; i++)
		if (!d->acts[i].unhinted && own(ls, d->acts[i].action) == &d->acts[i])
			ui_hint_add(ls->app, s, ls->hint, sizeof ls->hint, d->acts[i].action,
				    d->acts[i].label_of ? d->acts[i].label_of(ls, list_selected(&ls->list))
							: d->acts[i].label);
	static const enum action rest[] = { ACT_SEARCH, ACT_SORT, ACT_FILTER, ACT_NONE };
	for (const enum action *a = rest; *a != ACT_NONE; a++)
		if (!own(ls, *a))
			ui_hint_add(ls->app, s, ls->hint, sizeof ls->hint, *a, NULL);
	if (ls->query[0] && !own(ls, ACT_BACK))
		ui_hint_add(ls->app, s, ls->hint, sizeof ls->hint, ACT_BACK, "clear the search");
	return ls->hint;
}

static const char *why_not(struct screen *s, enum action a)
{
	struct lscreen *ls = s->priv;
	if (ls->denied || question_up(ls))
		return NULL;
	for (int i = 0; i < ls->d->nacts; i++)
		if (ls->d->acts[i].action == a && !own(ls, a) && ls->d->acts[i].refused)
			return ls->d->acts[i].refused;
	return ls->d->why_not ? ls->d->why_not(ls, a) : NULL;
}

static void resume(struct screen *s)
{
	struct lscreen *ls = s->priv;
	if (!ls->denied)
		list_reload_keep(&ls->list);
}

static void click(struct screen *s, int y, int x, int twice)
{
	struct lscreen *ls = s->priv;
	(void)x;
	if (ls->denied || question_up(ls))
		return;
	int first = TITLE_ROWS + ls->d->extra_lines + 1;
	if (!list_select_line(&ls->list, y - first))
		return;
	if (twice && ls->d->open)
		app_push(ls->app, ls->d->open(ls, list_selected(&ls->list)));
}

static void destroy(struct screen *s)
{
	struct lscreen *ls = s->priv;
	prompt_stop(&ls->search);
	prompt_stop(&ls->ask);
	pwask_free(ls->pw);
	free(ls->asked_row);
	free(ls->priv);
	list_free(&ls->list);
	free(ls);
	free(s);
}

static const struct screen_ops ops = {
	.scope = 'L',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.acts = acts,
	.typing = typing,
	.resume = resume,
	.hint = hint,
	.describe = describe,
	.why_not = why_not,
	.click = click,
	.destroy = destroy,
};

struct screen *list_screen_new(struct app *app, const struct ldesc *d)
{
	struct screen *s = calloc(1, sizeof *s);
	struct lscreen *ls = calloc(1, sizeof *ls);
	if (!s || !ls) {
		free(s);
		free(ls);
		app_message(app, STYLE_ERROR, "out of memory: %s could not be shown", d->name);
		return NULL;
	}
	ls->app = app;
	ls->self = s;
	ls->d = d;
	ls->ops = ops;
	ls->ops.name = d->name;
	ls->src = source;
	ls->src.row_size = d->row_size;
	s->ops = &ls->ops;
	s->app = app;
	s->area = d->area;
	s->priv = ls;
	if (!(ls->asked_row = calloc(1, d->row_size)) || list_init(&ls->list, app, &ls->src, ls) != 0) {
		free(ls->asked_row);
		free(ls);
		free(s);
		app_message(app, STYLE_ERROR, "out of memory: %s could not be shown", d->name);
		return NULL;
	}
	/* The data layer says, in its words, when this person may not look. */
	if (db_may(app->db, &app->who, d->access, OP_READ) != DB_OK) {
		ls->denied = 1;
		text_copy(ls->denied_msg, sizeof ls->denied_msg, db_errmsg(app->db));
		ls->denied_msg[0] = (char)toupper((unsigned char)ls->denied_msg[0]);
	} else if (d->whole && access_level(&app->who, d->access, OP_READ) != ACCESS_ALL) {
		ls->denied = 1;
		snprintf(ls->denied_msg, sizeof ls->denied_msg, "A %s may not open %s",
			 access_role_name(app->who.role), d->name);
	}
	if (d->priv_size && !(ls->priv = calloc(1, d->priv_size))) {
		list_free(&ls->list);
		free(ls->asked_row);
		free(ls);
		free(s);
		app_message(app, STYLE_ERROR, "out of memory: %s could not be shown", d->name);
		return NULL;
	}
	int rows, cols;
	getmaxyx(app->body, rows, cols);
	layout(s, rows, cols);
	if (!ls->denied)
		list_reload(&ls->list);
	return s;
}

void ls_reload(struct lscreen *ls)
{
	if (!ls->denied)
		list_reload_keep(&ls->list);
	ls->self->dirty = 1;
}

void ls_reload_first(struct lscreen *ls)
{
	if (!ls->denied)
		list_reload(&ls->list);
	ls->self->dirty = 1;
}

const void *ls_selected(struct lscreen *ls)
{
	return list_selected(&ls->list);
}

void ls_note(struct lscreen *ls, int style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ls->note, sizeof ls->note, fmt, ap);
	va_end(ap);
	ls->note_style = style;
	ls->self->dirty = 1;
}

const char *ls_answer(struct lscreen *ls)
{
	text_trim(ls->ask.text);
	return ls->ask.text;
}

void ls_ask_again(struct lscreen *ls, const char *why)
{
	prompt_error(&ls->ask, "%s", why && *why ? why : "try again");
}
