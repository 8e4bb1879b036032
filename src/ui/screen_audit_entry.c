/*
 * src/ui/screen_audit_entry.c: one entry of the audit trail: who, when,
 * which record, what was done, and the record itself: for a change, each
 * field that changed as "field: old → new"; for a record added or
 * removed, every field it had. The lines are wrapped to the screen's
 * width and scroll with the list keys. Read-only, like the trail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/date.h"
#include "coopdesk/json_flat.h"
#include "coopdesk/money.h"
#include "coopdesk/text.h"
#include "ui.h"

/* Also declared in screen_audit.c, which opens it. */
struct screen *screen_audit_entry_new(struct app *app, int64_t id, const char *what);

#define HEAD_ROWS 7   /* title, four fields, a gap, the section heading */
#define ARROW " \xe2\x86\x92 "   /* " → " */

struct line {
	char *text;
	int indent;
	enum ui_style style;
};

struct entry_view {
	struct audit_entry *e;
	int ok;
	char error[256];
	char what[160];
	struct json_flat before, after;
	int before_rc, after_rc;
	struct line *lines;
	int nlines, cap;
	int width;      /* what the lines were wrapped for */
	int height;     /* rows for the lines */
	int scroll;
};

/* ---- values in words --------------------------------------------------- */

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "2026-11-22" -> "22/11/2026", "2026-11-22T15:04:05Z" (or with
 * milliseconds) -> "22/11/2026 15:04:05"; 0 if it is neither. */
static int uk_instant(const char *s, char *buf, size_t n)
{
	size_t len = strlen(s);
	if (len < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
	    !digits(s + 8, 2))
		return 0;
	if (len == 10) {
		snprintf(buf, n, "%.2s/%.2s/%.4s", s + 8, s + 5, s);
		return 1;
	}
	if (len >= 20 && s[10] == 'T' && digits(s + 11, 2) && s[13] == ':' && digits(s + 14, 2) &&
	    s[16] == ':' && digits(s + 17, 2) && s[len - 1] == 'Z') {
		snprintf(buf, n, "%.2s/%.2s/%.4s %.8s", s + 8, s + 5, s, s + 11);
		return 1;
	}
	return 0;
}

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcmp(s + a - b, tail) == 0;
}

/* A field's name in words: "reported_at" -> "reported at"; "amount_pence"
 * -> "amount" (its value is shown as money). */
static void label_of(const char *name, char *buf, size_t n)
{
	snprintf(buf, n, "%s", name);
	if (ends_with(buf, "_pence") && strlen(buf) > 6)
		buf[strlen(buf) - 6] = '\0';
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
}

/* A field's value in words, into buf. */
static void value_of(const struct json_flat_field *f, char *buf, size_t n)
{
	if (!f) {
		snprintf(buf, n, "(not recorded)");
		return;
	}
	switch (f->type) {
	case JSON_FLAT_NULL:
		snprintf(buf, n, "(none)");
		return;
	case JSON_FLAT_STRING:
		if (!f->value[0])
			snprintf(buf, n, "(blank)");
		else if (!uk_instant(f->value, buf, n))
			snprintf(buf, n, "%s", f->value);
		return;
	case JSON_FLAT_NUMBER:
		if (ends_with(f->name, "_pence") && strspn(f->value, "-0123456789") == strlen(f->value) &&
		    strlen(f->value) < 19) {
			money_format(atoll(f->value), buf, n);
			return;
		}
		snprintf(buf, n, "%s", f->value);
		return;
	default:
		snprintf(buf, n, "%s", f->value);
		return;
	}
}

static int same(const struct json_flat_field *a, const struct json_flat_field *b)
{
	return a && b && a->type == b->type && strcmp(a->value, b->value) == 0;
}

/* ---- lines, wrapped ---------------------------------------------------- */

static void free_lines(struct entry_view *v)
{
	for (int i = 0; i < v->nlines; i++)
		free(v->lines[i].text);
	free(v->lines);
	v->lines = NULL;
	v->nlines = v->cap = 0;
}

static void add_line(struct entry_view *v, const char *s, size_t len, int indent,
		     enum ui_style style)
{
	if (v->nlines == v->cap) {
		int cap = v->cap ? v->cap * 2 : 64;
		struct line *grown = realloc(v->lines, (size_t)cap * sizeof *grown);
		if (!grown)
			return;
		v->lines = grown;
		v->cap = cap;
	}
	char *text = malloc(len + 1);
	if (!text)
		return;
	memcpy(text, s, len);
	text[len] = '\0';
	v->lines[v->nlines++] = (struct line){ text, indent, style };
}

/* Bytes in the UTF-8 character at s (1 for a stray byte). */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
		 : (c & 0xF8) == 0xF0 ? 4 : 1;
	for (size_t i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Adds `s` as lines of at most `width` columns, breaking at spaces where
 * it can and at each line break in the text; the first line at `indent`,
 * the rest at `indent` + 4. */
static void add_wrapped(struct entry_view *v, const char *s, int indent, enum ui_style style)
{
	int width = v->width - 3 - indent; /* a column each side, and room for the margin */
	int ind = indent;
	if (width < 10)
		width = 10;
	do {
		const char *p = s, *brk = NULL;
		int cols = 0;
		while (*p && *p != '\n') {
			size_t n = char_len(p);
			char one[8];
			memcpy(one, p, n);
			one[n] = '\0';
			int w = text_width(one);
			if (cols + w > width && p > s)
				break;
			if (*p == ' ')
				brk = p;
			cols += w;
			p += n;
		}
		const char *end = p, *next = p;
		if (*p == '\n') {
			next = p + 1;
		} else if (*p && brk && brk > s) {
			end = brk;
			next = brk + 1;
		}
		add_line(v, s, (size_t)(end - s), ind, style);
		s = next;
		if (ind == indent) {
			ind = indent + 4;
			width -= 4;
			if (width < 10)
				width = 10;
		}
	} while (*s);
}

static void add_field_line(struct entry_view *v, const char *label, const char *a, const char *b)
{
	size_t n = strlen(label) + strlen(a) + (b ? strlen(b) : 0) + 16;
	char *s = malloc(n);
	if (!s)
		return;
	if (b)
		snprintf(s, n, "%s: %s" ARROW "%s", label, a, b);
	else
		snprintf(s, n, "%s: %s", label, a);
	add_wrapped(v, s, 0, STYLE_NORMAL);
	free(s);
}

/* A value can be as long as the entry's JSON; these buffers take any. */
#define VALUE_BUF (AUDIT_JSON_MAX + 64)

static void add_all_fields(struct entry_view *v, const struct json_flat *j)
{
	char label[256];
	char *value = malloc(VALUE_BUF);
	if (!value)
		return;
	for (size_t i = 0; i < j->n; i++) {
		label_of(j->fields[i].name, label, sizeof label);
		value_of(&j->fields[i], value, VALUE_BUF);
		add_field_line(v, label, value, NULL);
	}
	free(value);
}

static void add_changes(struct entry_view *v)
{
	const struct json_flat *b = &v->before, *a = &v->after;
	char label[256];
	char *old = malloc(VALUE_BUF), *now = malloc(VALUE_BUF);
	int changed = 0, unchanged = 0;
	if (!old || !now) {
		free(old);
		free(now);
		return;
	}
	for (size_t i = 0; i < a->n; i++) {
		const struct json_flat_field *was = json_flat_get(b, a->fields[i].name);
		if (same(was, &a->fields[i])) {
			unchanged++;
			continue;
		}
		/* A field in the record before that was cut off is not known. */
		if (!was && v->before_rc != JSON_FLAT_OK)
			continue;
		label_of(a->fields[i].name, label, sizeof label);
		value_of(was, old, VALUE_BUF);
		value_of(&a->fields[i], now, VALUE_BUF);
		add_field_line(v, label, old, now);
		changed++;
	}
	for (size_t i = 0; i < b->n; i++) {
		if (json_flat_get(a, b->fields[i].name) || v->after_rc != JSON_FLAT_OK)
			continue;
		label_of(b->fields[i].name, label, sizeof label);
		value_of(&b->fields[i], old, VALUE_BUF);
		value_of(NULL, now, VALUE_BUF);
		add_field_line(v, label, old, now);
		changed++;
	}
	free(old);
	free(now);
	char note[128];
	if (!changed)
		add_wrapped(v, "No field changed: the record was saved as it was.", 0, STYLE_DIM);
	else if (unchanged) {
		snprintf(note, sizeof note, "%d other field%s did not change.", unchanged,
			 unchanged == 1 ? "" : "s");
		add_wrapped(v, note, 0, STYLE_DIM);
	}
}

/* Says what could not be read of one side, and shows its text as it is. */
static void add_trouble(struct entry_view *v, const char *side, int rc, int cut, const char *raw)
{
	char note[256];
	if (rc == JSON_FLAT_OK && !cut)
		return;
	if (rc == JSON_FLAT_CUT || cut) {
		snprintf(note, sizeof note, "The record %s was too long to keep whole here: "
			 "only its first fields are shown.", side);
		add_wrapped(v, note, 0, STYLE_DIM);
		return;
	}
	snprintf(note, sizeof note, "The record %s could not be read (%s); as it was kept:", side,
		 json_flat_strerror(rc));
	add_wrapped(v, note, 0, STYLE_ERROR);
	add_wrapped(v, raw, 2, STYLE_DIM);
}

static void build_lines(struct entry_view *v)
{
	free_lines(v);
	const char *action = v->e->row.action;
	if (strcmp(action, "update") == 0) {
		add_changes(v);
		add_trouble(v, "before", v->before_rc, v->e->before_cut, v->e->before);
		add_trouble(v, "after", v->after_rc, v->e->after_cut, v->e->after);
	} else if (strcmp(action, "insert") == 0) {
		add_all_fields(v, &v->after);
		add_trouble(v, "as added", v->after_rc, v->e->after_cut, v->e->after);
	} else {
		add_all_fields(v, &v->before);
		add_trouble(v, "as removed", v->before_rc, v->e->before_cut, v->e->before);
	}
}

/* ---- the screen -------------------------------------------------------- */

static void clamp_scroll(struct entry_view *v)
{
	int most = v->nlines - v->height;
	if (v->scroll > most)
		v->scroll = most;
	if (v->scroll < 0)
		v->scroll = 0;
}

static void layout(struct screen *s, int rows, int cols)
{
	struct entry_view *v = s->priv;
	v->height = rows - HEAD_ROWS;
	if (v->height < 1)
		v->height = 1;
	if (v->ok && cols != v->width) {
		v->width = cols;
		build_lines(v);
	}
	clamp_scroll(v);
}

static void field(WINDOW *w, int y, const char *label, const char *value)
{
	draw_text(w, y, 2, 10, label);
	draw_text(w, y, 13, getmaxx(w) - 15, value);
}

static void draw(struct screen *s, WINDOW *w)
{
	struct entry_view *v = s->priv;
	int cols = getmaxx(w);
	if (!v->ok) {
		draw_text(w, 1, 2, cols - 4, v->error);
		return;
	}
	const struct audit_row *r = &v->e->row;
	char buf[512], when[64];
	const char *done = strcmp(r->action, "insert") == 0 ? "added"
			 : strcmp(r->action, "update") == 0 ? "changed" : "removed";
	snprintf(buf, sizeof buf, "Audit trail entry %lld: %s %s", (long long)r->id, v->what, done);
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, cols - 2, buf);
	style_off(w, STYLE_TITLE);
	if (!uk_instant(r->at, when, sizeof when))
		snprintf(when, sizeof when, "%s", r->at);
	snprintf(buf, sizeof buf, "%s (UTC)", when);
	field(w, 1, "When", buf);
	field(w, 2, "Who", r->actor);
	field(w, 3, "What", v->what);
	field(w, 4, "Action", done);

	const char *heading = strcmp(r->action, "insert") == 0 ? "The record as it was added"
			    : strcmp(r->action, "update") == 0 ? "What changed"
			    : "The record as it was removed";
	char more[64] = "";
	if (v->nlines > v->height)
		snprintf(more, sizeof more, "lines %d-%d of %d", v->scroll + 1,
			 v->scroll + v->height < v->nlines ? v->scroll + v->height : v->nlines,
			 v->nlines);
	style_on(w, STYLE_COLUMN);
	draw_fill(w, HEAD_ROWS - 1, 0, cols);
	draw_text(w, HEAD_ROWS - 1, 2, cols - 4, heading);
	if (more[0])
		draw_text(w, HEAD_ROWS - 1, cols - text_width(more) - 2, text_width(more), more);
	style_off(w, STYLE_COLUMN);
	for (int i = 0; i < v->height && v->scroll + i < v->nlines; i++) {
		const struct line *l = &v->lines[v->scroll + i];
		if (l->style != STYLE_NORMAL)
			style_on(w, l->style);
		draw_text(w, HEAD_ROWS + i, 2 + l->indent, cols - 3 - l->indent, l->text);
		if (l->style != STYLE_NORMAL)
			style_off(w, l->style);
	}
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct entry_view *v = s->priv;
	(void)key;
	if (!v->ok)
		return 0;
	switch (a) {
	case ACT_UP: v->scroll--; break;
	case ACT_DOWN: v->scroll++; break;
	case ACT_PAGE_UP: v->scroll -= v->height; break;
	case ACT_PAGE_DOWN: v->scroll += v->height; break;
	case ACT_FIRST: v->scroll = 0; break;
	case ACT_LAST: v->scroll = v->nlines; break;
	case ACT_EDIT:
		app_message(s->app, STYLE_ERROR,
			    "The audit trail cannot be changed: it is the record of what was done");
		return 1;
	default:
		return 0;
	}
	clamp_scroll(v);
	s->dirty = 1;
	return 1;
}

static const char *hint(struct screen *s)
{
	struct entry_view *v = s->priv;
	return v->ok && v->nlines > v->height ? "Up/Down PgUp/PgDn scroll  Esc back" : "Esc back";
}

static void destroy(struct screen *s)
{
	struct entry_view *v = s->priv;
	free_lines(v);
	json_flat_free(&v->before);
	json_flat_free(&v->after);
	free(v->e);
	free(v);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Audit trail entry",
	.scope = 'L',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.hint = hint,
	.destroy = destroy,
};

/* For a member, their number; for a home, its reference: what people
 * call the record, when the entry holds it. */
static void add_known_name(struct entry_view *v)
{
	const struct json_flat *j = v->after.n ? &v->after : &v->before;
	const struct json_flat_field *f = NULL;
	const char *before = "";
	if (strcmp(v->e->row.table_name, "members") == 0) {
		f = json_flat_get(j, "member_no");
		before = "member no. ";
	} else if (strcmp(v->e->row.table_name, "homes") == 0) {
		f = json_flat_get(j, "ref");
	}
	if (f && f->type != JSON_FLAT_NULL) {
		size_t used = strlen(v->what);
		snprintf(v->what + used, sizeof v->what - used, " (%s%s)", before, f->value);
	}
}

struct screen *screen_audit_entry_new(struct app *app, int64_t id, const char *what)
{
	struct screen *s = calloc(1, sizeof *s);
	struct entry_view *v = calloc(1, sizeof *v);
	struct audit_entry *e = malloc(sizeof *e);
	if (!s || !v || !e) {
		free(s);
		free(v);
		free(e);
		return NULL;
	}
	v->e = e;
	s->ops = &ops;
	s->app = app;
	s->area = app_top(app) ? app_top(app)->area : 0;
	s->priv = v;
	snprintf(v->what, sizeof v->what, "%s", what ? what : "");
	if (audit_get(app->db, &app->who, id, e) != DB_OK) {
		snprintf(v->error, sizeof v->error, "%s", db_errmsg(app->db));
		if (v->error[0] >= 'a' && v->error[0] <= 'z')
			v->error[0] = (char)(v->error[0] - 'a' + 'A');
		return s;
	}
	v->ok = 1;
	v->before_rc = e->before[0] ? json_flat_parse(e->before, strlen(e->before), &v->before, NULL)
				    : JSON_FLAT_OK;
	v->after_rc = e->after[0] ? json_flat_parse(e->after, strlen(e->after), &v->after, NULL)
				  : JSON_FLAT_OK;
	add_known_name(v);
	return s;
}
