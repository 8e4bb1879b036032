/*
 * src/ui/document.c: a document on screen (the register as at a
 * date, the share register, the officers, a shareholding...), as
 * src/report/ writes it for paper: the same text the command line prints,
 * laid out for the screen's width, scrolled with the list keys, and saved
 * to a file (text, Markdown or CSV by the name's ending) for printing,
 * private to whoever saved it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopdesk/text.h"
#include "prompt.h"
#include "ui.h"

struct document {
	char title[160];
	doc_writer *write;
	unsigned char ctx[DOC_CTX_MAX];
	char **lines;
	int nlines;
	int width, height, scroll;
	int ok;
	char error[300];
	struct prompt save;
	char note[512];
	int note_style;
	char hint[160];
	/* A document that asks to be acted on (a preview): the action, its
	 * hint's word and help, and what it does (document_confirm). */
	enum action confirm;
	const char *confirm_label, *confirm_help;
	doc_confirm *on_confirm;
};

static void free_lines(struct document *d)
{
	for (int i = 0; i < d->nlines; i++)
		free(d->lines[i]);
	free(d->lines);
	d->lines = NULL;
	d->nlines = 0;
}

/* Writes the document again for this width and splits it into lines. */
static void render(struct screen *s)
{
	struct document *d = s->priv;
	char *buf = NULL;
	size_t len = 0;
	free_lines(d);
	FILE *mem = open_memstream(&buf, &len);
	if (!mem) {
		d->ok = 0;
		snprintf(d->error, sizeof d->error, "Out of memory: the document cannot be shown");
		return;
	}
	struct report_opts o = { REPORT_TEXT, 1, d->width - 2 };
	int rc = d->write(s->app, d->ctx, &o, mem);
	fclose(mem);
	d->ok = rc == DB_OK;
	if (!d->ok) {
		text_copy(d->error, sizeof d->error, db_errmsg(s->app->db));
		if (d->error[0] >= 'a' && d->error[0] <= 'z')
			d->error[0] = (char)(d->error[0] - 'a' + 'A');
		free(buf);
		return;
	}
	for (char *p = buf; p && *p;) {
		char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char **grown = realloc(d->lines, (size_t)(d->nlines + 1) * sizeof *grown);
		char *line = malloc(n + 1);
		if (!grown || !line) {
			free(grown ? NULL : line);
			if (grown)
				d->lines = grown;
			free(line);
			break;
		}
		d->lines = grown;
		memcpy(line, p, n);
		line[n] = '\0';
		d->lines[d->nlines++] = line;
		p = nl ? nl + 1 : p + n;
	}
	free(buf);
}

static void clamp(struct document *d)
{
	if (d->scroll > d->nlines - d->height)
		d->scroll = d->nlines - d->height;
	if (d->scroll < 0)
		d->scroll = 0;
}

static void layout(struct screen *s, int rows, int cols)
{
	struct document *d = s->priv;
	int rewrite = cols != d->width;
	d->width = cols;
	d->height = rows - 3; /* the title; a note and a prompt below */
	if (rewrite)
		render(s);
	clamp(d);
}

static void draw(struct screen *s, WINDOW *w)
{
	struct document *d = s->priv;
	int rows = getmaxy(w);
	char more[64] = "";
	if (d->nlines > d->height)
		snprintf(more, sizeof more, "lines %d-%d of %d", d->scroll + 1,
			 d->scroll + d->height < d->nlines ? d->scroll + d->height : d->nlines,
			 d->nlines);
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, d->width - text_width(more) - 3, d->title);
	style_off(w, STYLE_TITLE);
	draw_text(w, 0, d->width - text_width(more) - 1, text_width(more), more);
	if (!d->ok) {
		draw_text(w, 2, 2, d->width - 4, d->error);
		wmove(w, 2, 2);
		return;
	}
	for (int i = 0; i < d->height && d->scroll + i < d->nlines; i++)
		draw_text(w, 1 + i, 1, d->width - 2, d->lines[d->scroll + i]);
	if (d->note[0]) {
		style_on(w, (enum ui_style)d->note_style);
		draw_text(w, rows - 2, 1, d->width - 2, d->note);
		style_off(w, (enum ui_style)d->note_style);
	}
	if (d->save.active)
		prompt_draw(&d->save, w, rows - 1, d->width);
	else
		wmove(w, 1, 1);
}

/* The format a name's ending asks for: .txt, .md, .csv; -1 for another. */
static int format_of(const char *path)
{
	static const struct { const char *end; enum report_format f; } ends[] = {
		{ ".txt", REPORT_TEXT }, { ".md", REPORT_MD }, { ".csv", REPORT_CSV },
	};
	size_t n = strlen(path);
	for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
		size_t k = strlen(ends[i].end);
		if (n > k && strcmp(path + n - k, ends[i].end) == 0)
			return (int)ends[i].f;
	}
	return -1;
}

/* Written private (0600, as the command line's -o), never over a file
 * that is there; the note says where it went, whole. */
static void save(struct screen *s, const char *path)
{
	struct document *d = s->priv;
	int format = format_of(path);
	if (format < 0) {
		prompt_error(&d->save, "end the name with .txt, .md or .csv: the ending says the format");
		return;
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			remove(path);
		}
		if (e == EEXIST)
			prompt_error(&d->save, "%s is there already: give another name", path);
		else
			prompt_error(&d->save, "cannot write %s: %s", path, strerror(e));
		return;
	}
	struct report_opts o = { (enum report_format)format, 0, 80 };
	int rc = d->write(s->app, d->ctx, &o, f);
	int closed = fclose(f);
	prompt_stop(&d->save);
	if (rc != DB_OK || closed != 0) {
		remove(path);
		d->note_style = STYLE_ERROR;
		snprintf(d->note, sizeof d->note, "Not saved: %.400s",
			 rc != DB_OK ? db_errmsg(s->app->db) : strerror(errno));
		return;
	}
	char *where = realpath(path, NULL);
	d->note_style = STYLE_OK;
	snprintf(d->note, sizeof d->note, "Saved to %.400s, ready to print", where ? where : path);
	free(where);
}

static int acts(struct screen *s, enum action a)
{
	struct document *d = s->priv;
	if (d->save.active)
		return action_table[a].scope == 'G' &&
		       (a == ACT_HELP || a == ACT_LOCK || a == ACT_REDRAW || a == ACT_LOGOUT);
	switch (a) {
	case ACT_UP: case ACT_DOWN: case ACT_PAGE_UP: case ACT_PAGE_DOWN:
	case ACT_FIRST: case ACT_LAST:
		return d->ok && d->nlines > d->height;
	case ACT_SAVE:
		return d->ok;
	default:
		if (d->confirm && a == d->confirm)
			return d->ok;
		return action_table[a].scope == 'G';
	}
}

static int typing(struct screen *s)
{
	struct document *d = s->priv;
	return d->save.active;
}

static const char *describe(struct screen *s, enum action a)
{
	struct document *d = s->priv;
	if (d->confirm && a == d->confirm)
		return d->confirm_help;
	return a == ACT_SAVE ? "Save this document to a file for printing: a name ending .txt,"
			       " .md (Markdown) or .csv (a spreadsheet)" : NULL;
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct document *d = s->priv;
	s->dirty = 1;
	if (d->save.active) {
		if (a == ACT_LOCK || a == ACT_HELP || a == ACT_REDRAW || a == ACT_LOGOUT)
			return 0;
		s->app->status_dirty = 1;
		if (prompt_key(&d->save, s->app, key) == PROMPT_DONE) {
			char path[sizeof d->save.text];
			text_copy(path, sizeof path, d->save.text);
			text_trim(path);
			if (!path[0])
				prompt_error(&d->save, "type a file name, such as register.txt");
			else
				save(s, path);
		}
		return 1;
	}
	d->note[0] = '\0';
	if (!acts(s, a) || action_table[a].scope == 'G')
		return 0;
	switch (a) {
	case ACT_UP: d->scroll--; break;
	case ACT_DOWN: d->scroll++; break;
	case ACT_PAGE_UP: d->scroll -= d->height; break;
	case ACT_PAGE_DOWN: d->scroll += d->height; break;
	case ACT_FIRST: d->scroll = 0; break;
	case ACT_LAST: d->scroll = d->nlines; break;
	case ACT_SAVE:
		prompt_start(&d->save, PROMPT_TEXT, "Save as (.txt, .md or .csv): ", NULL);
		s->app->status_dirty = 1;
		return 1;
	default:
		/* It may close this screen: nothing of it is touched after. */
		if (d->confirm && a == d->confirm) {
			d->on_confirm(s->app, d->ctx);
			return 1;
		}
		return 0;
	}
	clamp(d);
	return 1;
}

static const char *hint(struct screen *s)
{
	struct document *d = s->priv;
	if (d->save.active)
		return prompt_hint(&d->save);
	static const enum action mine[] = { ACT_SAVE, ACT_PAGE_DOWN, ACT_BACK, ACT_NONE };
	if (!d->confirm)
		return ui_hints(s->app, s, d->hint, sizeof d->hint, mine);
	d->hint[0] = '\0';
	ui_hint_add(s->app, s, d->hint, sizeof d->hint, d->confirm, d->confirm_label);
	for (int i = 0; mine[i] != ACT_NONE; i++)
		ui_hint_add(s->app, s, d->hint, sizeof d->hint, mine[i], NULL);
	return d->hint;
}

static void resume(struct screen *s)
{
	render(s);
	clamp(s->priv);
}

static void destroy(struct screen *s)
{
	struct document *d = s->priv;
	free_lines(d);
	prompt_stop(&d->save);
	free(d);
	free(s);
}

static const struct screen_ops ops = {
	.name = "A document",
	.scope = 'L',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.acts = acts,
	.typing = typing,
	.resume = resume,
	.hint = hint,
	.describe = describe,
	.destroy = destroy,
};

struct screen *screen_document_new(struct app *app, const char *title, doc_writer *write,
				   const void *ctx, size_t ctx_size)
{
	struct screen *s = calloc(1, sizeof *s);
	struct document *d = calloc(1, sizeof *d);
	if (!s || !d || ctx_size > sizeof d->ctx) {
		free(s);
		free(d);
		app_message(app, STYLE_ERROR, "out of memory: the document could not be shown");
		return NULL;
	}
	text_copy(d->title, sizeof d->title, title);
	d->write = write;
	if (ctx_size)
		memcpy(d->ctx, ctx, ctx_size);
	s->ops = &ops;
	s->app = app;
	s->area = app_top(app) ? app_top(app)->area : 0;
	s->priv = d;
	int rows, cols;
	getmaxyx(app->body, rows, cols);
	layout(s, rows, cols);
	return s;
}

void document_confirm(struct screen *s, enum action a, const char *label, const char *help,
		      doc_confirm *run)
{
	struct document *d = s ? s->priv : NULL;
	if (!d)
		return;
	d->confirm = a;
	d->confirm_label = label;
	d->confirm_help = help;
	d->on_confirm = run;
}
