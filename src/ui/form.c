/*
 * src/ui/form.c: the form widget (see form.h): a field's text and its
 * editing, the FORM itself (rebuilt by form_layout, drawn off screen and
 * copied into the body), keys and drawing. The text by character, its
 * wrapping and the checks in words are in form_text.c.
 *
 * Why off screen: a window derived from the app's body would stop the app
 * from deleting the body on a resize (curses refuses to delete a window
 * that has children), so the form lives in a window of its own, placed
 * where the body is, and form_draw copies it into the body it is given.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include <ncursesw/form.h>

#include "coopdesk/money.h"
#include "coopdesk/text.h"
#include "form.h"
#include "form_text.h"

#include "form_int.h"

/* ---- a field's text ------------------------------------------------------ */

static int check(struct form_view *f, int i, char *why, size_t n)
{
	return ftext_check(&f->spec[i], form_text(f, i), why, n);
}

static int reserve(struct fstate *st, size_t need)
{
	if (need <= st->cap)
		return 0;
	size_t cap = st->cap ? st->cap : 64;
	while (cap < need)
		cap *= 2;
	char *t = realloc(st->text, cap), *o, *c;
	if (!t)
		return -1;
	st->text = t;
	if (!(o = realloc(st->orig, cap)))
		return -1;
	st->orig = o;
	if (!(c = realloc(st->out, cap)))
		return -1;
	st->out = c;
	st->cap = cap;
	return 0;
}

void set_text(struct fstate *st, const char *s, int cursor_at_end)
{
	size_t n = strlen(s ? s : "");
	if (reserve(st, n + 1) != 0)
		return;
	memcpy(st->text, s ? s : "", n + 1);
	st->cur = cursor_at_end ? n : 0;
	st->hscroll = 0;
	st->vscroll = 0;
	st->want_col = -1;
}

/* The value without the white space around it. */
const char *form_text(struct form_view *f, int i)
{
	struct fstate *st = &f->st[i];
	memcpy(st->out, st->text, strlen(st->text) + 1);
	text_trim(st->out);
	return st->out;
}

/* ---- what the library shows ------------------------------------------------ */

/* Keeps the cursor in view (scrolling) and gives the library what the
 * field shows now. */
void show_field(struct form_view *f, int i)
{
	struct fstate *st = &f->st[i];
	const struct form_spec *sp = &f->spec[i];
	char buf[FIELD_MAX_COLS * 4 + 16];
	int w = st->width > 0 ? st->width : 1;
	if (sp->kind == FORM_MULTILINE) {
		int n;
		struct ftext_line *l = ftext_wrap(st->text, w, &n);
		if (!l)
			return;
		int cl = ftext_line_of(l, n, st->cur);
		if (st->height > 0) {
			if (cl < st->vscroll)
				st->vscroll = cl;
			if (cl >= st->vscroll + st->height)
				st->vscroll = cl - st->height + 1;
			if (st->vscroll > 0 && n - st->vscroll < st->height)
				st->vscroll = n - st->height > 0 ? n - st->height : 0;
		}
		for (int r = 0; f->form && r < st->height; r++) {
			int li = st->vscroll + r;
			buf[0] = '\0';
			if (li < n)
				ftext_visible(st->text, l[li].start, l[li].end, w, buf, sizeof buf);
			set_field_buffer(f->fields[st->first + r], 0, buf);
		}
		free(l);
		return;
	}
	if (sp->kind == FORM_CHOICE) {
		st->hscroll = 0;
	} else {
		size_t len = strlen(st->text);
		if (st->cur < st->hscroll)
			st->hscroll = st->cur;
		while (st->hscroll < st->cur && ftext_width(st->text, st->hscroll, st->cur) > w - 1)
			st->hscroll = ftext_next(st->text, st->hscroll);
		while (st->hscroll > 0) {
			size_t p = ftext_prev(st->text, st->hscroll);
			if (ftext_width(st->text, p, len) > w - 1)
				break;
			st->hscroll = p;
		}
	}
	if (f->form) {
		ftext_visible(st->text, st->hscroll, strlen(st->text), w, buf, sizeof buf);
		set_field_buffer(f->fields[st->first], 0, buf);
	}
}

/* Where the cursor is drawn, in the sub window. */
static void cursor_at(struct form_view *f, int i, int *y, int *x)
{
	struct fstate *st = &f->st[i];
	int w = st->width > 0 ? st->width : 1;
	*y = st->row;
	*x = 0;
	if (f->spec[i].kind == FORM_CHOICE)
		return;
	if (f->spec[i].kind == FORM_MULTILINE) {
		int n;
		struct ftext_line *l = ftext_wrap(st->text, w, &n);
		if (!l)
			return;
		int cl = ftext_line_of(l, n, st->cur);
		*y += cl - st->vscroll;
		*x = ftext_width(st->text, l[cl].start, st->cur);
		free(l);
	} else {
		*x = ftext_width(st->text, st->hscroll, st->cur);
	}
	if (*x > w - 1)
		*x = w - 1;
}

static void highlight(struct form_view *f, int i, int on)
{
	if (!f->form)
		return;
	chtype attr = on ? (chtype)style_attr(STYLE_SELECTED) : A_UNDERLINE;
	for (int r = 0; r < f->st[i].height; r++) {
		set_field_fore(f->fields[f->st[i].first + r], attr);
		set_field_back(f->fields[f->st[i].first + r], attr);
	}
}

/* ---- leaving and entering fields ------------------------------------------- */

/* A field is checked as the person leaves it; a good date or amount is
 * written the one way the form shows them. */
static void leave_field(struct form_view *f, int i)
{
	struct fstate *st = &f->st[i];
	const struct form_spec *sp = &f->spec[i];
	if (check(f, i, st->err, sizeof st->err) == 0 && st->text[0]) {
		char buf[MONEY_BUFSZ + DATE_BUFSZ];
		const char *v = form_text(f, i);
		struct date d;
		int64_t p;
		if (sp->kind == FORM_DATE && date_parse(v, &d) == DATE_OK)
			set_text(st, date_format_uk(d, buf, sizeof buf), 1);
		else if (sp->kind == FORM_MONEY && money_parse(v, &p) == MONEY_OK)
			set_text(st, money_format(p, buf, sizeof buf), 1);
		else if (sp->kind == FORM_HOURS && ftext_hours(v, &p) == 0)
			set_text(st, ftext_hours_format(p, buf, sizeof buf), 1);
	}
	highlight(f, i, 0);
	show_field(f, i);
}

static void enter_field(struct form_view *f, int i)
{
	f->cur = i;
	f->st[i].want_col = -1;
	highlight(f, i, 1);
	show_field(f, i);
}

static int field_of(struct form_view *f, FORM *form)
{
	FIELD *c = current_field(form);
	int k = c ? field_index(c) : -1;
	return k >= 0 && k < f->nfields ? f->owner[k] : -1;
}

/* The library's field hooks: it calls them whenever the current field
 * changes, whichever way (a move, a page, set_current_field). */
static void hook_leave(FORM *form)
{
	struct form_view *f = form_userptr(form);
	int i = field_of(f, form);
	if (i >= 0)
		leave_field(f, i);
}

static void hook_enter(FORM *form)
{
	struct form_view *f = form_userptr(form);
	int i = field_of(f, form);
	if (i >= 0)
		enter_field(f, i);
}

void go_to(struct form_view *f, int i)
{
	if (i == f->cur)
		return;
	if (f->form) {
		set_current_field(f->form, f->fields[f->st[i].first]);
	} else {
		leave_field(f, f->cur);
		enter_field(f, i);
	}
}

/* To the next (dir 1) or previous (-1) field, round the ends. */
void step_field(struct form_view *f, int dir)
{
	int to = (f->cur + dir + f->n) % f->n;
	if (f->form && f->st[to].page == f->st[f->cur].page && f->n > 1)
		form_driver(f->form, dir > 0 ? REQ_NEXT_FIELD : REQ_PREV_FIELD);
	else
		go_to(f, to);
}

/* ---- layout ---------------------------------------------------------------- */

static void teardown(struct form_view *f)
{
	if (f->form) {
		set_field_term(f->form, NULL);
		set_field_init(f->form, NULL);
		unpost_form(f->form);
		free_form(f->form);
		f->form = NULL;
	}
	for (int k = 0; k < f->nfields; k++)
		free_field(f->fields[k]);
	free(f->fields);
	free(f->owner);
	f->fields = NULL;
	f->owner = NULL;
	f->nfields = 0;
	if (f->sub)
		delwin(f->sub);
	if (f->win)
		delwin(f->win);
	f->sub = f->win = NULL;
}

static int natural_width(const struct form_spec *sp)
{
	int w = 0;
	if (sp->width > 0)
		return sp->width;
	switch (sp->kind) {
	case FORM_DATE: return 12;
	case FORM_MONEY: return 16;
	case FORM_INTEGER: return 12;
	case FORM_HOURS: return 8;
	case FORM_REF: return 24;
	case FORM_CHOICE:
		for (int k = 0; sp->choices && sp->choices[k]; k++)
			if (text_width(sp->choices[k]) > w)
				w = text_width(sp->choices[k]);
		return w + 2;
	default: return FIELD_MAX_COLS;
	}
}

/* Places the fields (page, row, height, width) in a sub window of sh x sw. */
static void place(struct form_view *f)
{
	int page = 0, row = 0, extra;
	for (int i = 0; i < f->n; i++) {
		struct fstate *st = &f->st[i];
		const struct form_spec *sp = &f->spec[i];
		st->width = natural_width(sp);
		if (st->width > f->sw)
			st->width = f->sw;
		if (st->width > FIELD_MAX_COLS)
			st->width = FIELD_MAX_COLS;
		st->height = sp->kind == FORM_MULTILINE ? (sp->rows > 0 ? sp->rows : 3) : 1;
		if (st->height > f->sh - 1)
			st->height = f->sh - 1 > 0 ? f->sh - 1 : 1;
		if (row > 0 && row + st->height + 1 > f->sh) {
			page++;
			row = 0;
		}
		st->page = page;
		st->row = row;
		row += st->height + 1; /* and the line for its message */
	}
	f->pages = page + 1;
	if (f->pages > 1)
		return;
	/* One page: multi-line fields share the room left over. */
	int multi = 0;
	for (int i = 0; i < f->n; i++)
		multi += f->spec[i].kind == FORM_MULTILINE;
	extra = f->sh - row;
	row = 0;
	for (int i = 0; i < f->n; i++) {
		struct fstate *st = &f->st[i];
		if (multi && f->spec[i].kind == FORM_MULTILINE) {
			int more = extra / multi--;
			if (st->height + more > MULTILINE_MAX_ROWS)
				more = st->height < MULTILINE_MAX_ROWS
				       ? MULTILINE_MAX_ROWS - st->height : 0;
			st->height += more;
			extra -= more;
		}
		st->row = row;
		row += st->height + 1;
	}
}

void form_layout(struct form_view *f, int rows, int cols)
{
	teardown(f);
	f->rows = rows;
	f->cols = cols;
	int labels = 0;
	for (int i = 0; i < f->n; i++)
		if (text_width(f->spec[i].label) > labels)
			labels = text_width(f->spec[i].label);
	if (labels > cols / 3)
		labels = cols / 3;
	f->fx = 2 + labels + 2;
	f->sw = cols - f->fx - 1;
	f->sh = rows - 4; /* title and a blank line above, two lines of help below */
	if (f->sw < 8 || f->sh < 2)
		return; /* too small: form_draw says so */
	place(f);

	for (int i = 0; i < f->n; i++)
		f->nfields += f->st[i].height;
	f->fields = calloc((size_t)f->nfields + 1, sizeof *f->fields);
	f->owner = calloc((size_t)f->nfields, sizeof *f->owner);
	if (!f->fields || !f->owner) {
		f->nfields = 0;
		teardown(f);
		return;
	}
	int k = 0;
	for (int i = 0; i < f->n; i++) {
		struct fstate *st = &f->st[i];
		st->first = k;
		for (int r = 0; r < st->height; r++, k++) {
			FIELD *fl = new_field(1, st->width, st->row + r, 0, 0, 0);
			if (!fl) {
				f->nfields = k;
				teardown(f);
				return;
			}
			/* The library places and moves; the text is edited here. */
			field_opts_off(fl, O_EDIT | O_AUTOSKIP | O_BLANK | O_WRAP);
			if (r > 0)
				field_opts_off(fl, O_ACTIVE);
			if (r == 0 && i > 0 && st->page != f->st[i - 1].page)
				set_new_page(fl, TRUE);
			f->fields[k] = fl;
			f->owner[k] = i;
		}
	}
	f->form = new_form(f->fields);
	f->win = newwin(rows, cols, getbegy(f->app->body), getbegx(f->app->body));
	f->sub = f->win ? derwin(f->win, f->sh, f->sw, 2, f->fx) : NULL;
	if (!f->form || !f->sub) {
		teardown(f);
		return;
	}
	set_form_userptr(f->form, f);
	set_form_win(f->form, f->win);
	set_form_sub(f->form, f->sub);
	if (post_form(f->form) != E_OK) {
		teardown(f);
		return;
	}
	set_current_field(f->form, f->fields[f->st[f->cur].first]);
	for (int i = 0; i < f->n; i++) {
		highlight(f, i, i == f->cur);
		show_field(f, i);
	}
	set_field_term(f->form, hook_leave);
	set_field_init(f->form, hook_enter);
}

/* ---- editing ----------------------------------------------------------- */

void changed_field(struct form_view *f, int i)
{
	struct fstate *st = &f->st[i];
	char why[FORM_ERR_MAX];
	f->msg[0] = '\0';
	/* A message goes as soon as the field is good; a new one waits until
	 * the person leaves the field, so half-typed dates are not told off. */
	if (st->err[0] && check(f, i, why, sizeof why) == 0)
		st->err[0] = '\0';
	if (f->spec[i].kind == FORM_REF) {
		st->ref_id = 0; /* typed anew: which record it names is not known */
		st->ref_label[0] = '\0';
	}
	st->want_col = -1;
	show_field(f, i);
}

static void insert(struct form_view *f, uint32_t cp)
{
	struct fstate *st = &f->st[f->cur];
	const struct form_spec *sp = &f->spec[f->cur];
	char enc[4];
	if (text_chars(st->text) >= (size_t)ftext_limit(sp)) {
		snprintf(st->err, sizeof st->err, "at most %d characters", ftext_limit(sp));
		return;
	}
	int k = ftext_encode(cp, enc);
	size_t len = strlen(st->text);
	if (reserve(st, len + (size_t)k + 1) != 0)
		return;
	memmove(st->text + st->cur + k, st->text + st->cur, len - st->cur + 1);
	memcpy(st->text + st->cur, enc, (size_t)k);
	st->cur += (size_t)k;
	changed_field(f, f->cur);
}

static void delete_span(struct form_view *f, size_t from, size_t to)
{
	struct fstate *st = &f->st[f->cur];
	if (from >= to)
		return;
	memmove(st->text + from, st->text + to, strlen(st->text + to) + 1);
	st->cur = from;
	changed_field(f, f->cur);
}

/* A choice field: Right/Space the next word, Left the one before, a letter
 * the next word starting with it; an optional field has "" among them. */
static void choose(struct form_view *f, int dir, uint32_t letter)
{
	struct fstate *st = &f->st[f->cur];
	const struct form_spec *sp = &f->spec[f->cur];
	int n = 0;
	while (sp->choices && sp->choices[n])
		n++;
	if (n == 0)
		return;
	int lo = sp->required ? 0 : -1, span = n - lo;
	int at = ftext_choice_index(sp, form_text(f, f->cur));
	if (at < lo)
		at = dir > 0 ? lo - 1 : n;
	for (int step = 1; step <= span; step++) {
		int k = ((at - lo + dir * step) % span + span) % span + lo;
		const char *word = k < 0 ? "" : sp->choices[k];
		if (letter && (!word[0] || towlower((wint_t)(unsigned char)word[0]) !=
						   towlower((wint_t)letter)))
			continue;
		set_text(st, word, 0);
		changed_field(f, f->cur);
		return;
	}
}

/* Up (-1) or Down (1) a line in a multi-line field; 0 at its edge. */
static int line_move(struct form_view *f, int dir)
{
	struct fstate *st = &f->st[f->cur];
	int n;
	struct ftext_line *l = ftext_wrap(st->text, st->width > 0 ? st->width : 1, &n);
	if (!l)
		return 0;
	int cl = ftext_line_of(l, n, st->cur), to = cl + dir;
	if (to < 0 || to >= n) {
		free(l);
		return 0;
	}
	if (st->want_col < 0)
		st->want_col = ftext_width(st->text, l[cl].start, st->cur);
	size_t p = l[to].start, last = ftext_line_last(st->text, l, n, to);
	while (p < last) {
		size_t q = ftext_next(st->text, p);
		if (q > last || ftext_width(st->text, l[to].start, q) > st->want_col)
			break;
		p = q;
	}
	st->cur = p;
	free(l);
	int keep = st->want_col;
	show_field(f, f->cur);
	st->want_col = keep;
	return 1;
}

static void home_end(struct form_view *f, int end)
{
	struct fstate *st = &f->st[f->cur];
	if (f->spec[f->cur].kind == FORM_MULTILINE) {
		int n;
		struct ftext_line *l = ftext_wrap(st->text, st->width > 0 ? st->width : 1, &n);
		if (!l)
			return;
		int cl = ftext_line_of(l, n, st->cur);
		st->cur = end ? ftext_line_last(st->text, l, n, cl) : l[cl].start;
		free(l);
	} else {
		st->cur = end ? strlen(st->text) : 0;
	}
	st->want_col = -1;
	show_field(f, f->cur);
}

static int edit_key(struct form_view *f, int32_t key)
{
	struct fstate *st = &f->st[f->cur];
	enum form_kind kind = f->spec[f->cur].kind;
	if (kind == FORM_CHOICE) {
		switch (key) {
		case CDK_RIGHT: choose(f, 1, 0); return 1;
		case CDK_LEFT: choose(f, -1, 0); return 1;
		case CDK_BACKSPACE: case CDK_DELETE:
			if (!f->spec[f->cur].required) { /* an optional choice may be left empty */
				set_text(st, "", 0);
				changed_field(f, f->cur);
			}
			return 1;
		case CDK_HOME: case CDK_END: return 1;
		default: return 0;
		}
	}
	switch (key) {
	case CDK_LEFT:
		st->cur = ftext_prev(st->text, st->cur);
		break;
	case CDK_RIGHT:
		st->cur = ftext_next(st->text, st->cur);
		break;
	case CDK_HOME:
	case CDK_END:
		home_end(f, key == CDK_END);
		return 1;
	case CDK_BACKSPACE:
		delete_span(f, ftext_prev(st->text, st->cur), st->cur);
		return 1;
	case CDK_DELETE:
		delete_span(f, st->cur, ftext_next(st->text, st->cur));
		return 1;
	default:
		return 0;
	}
	st->want_col = -1;
	show_field(f, f->cur);
	return 1;
}

static int typeable(int32_t key)
{
	return key >= ' ' && key < KEY_CD_BASE && key != 0x7F && !(key >= 0x80 && key < 0xA0) &&
	       !(key >= 0xD800 && key < 0xE000) && iswprint((wint_t)key);
}

int form_validate(struct form_view *f)
{
	int bad = -1;
	for (int i = 0; i < f->n; i++)
		if (check(f, i, f->st[i].err, sizeof f->st[i].err) != 0 && bad < 0)
			bad = i;
	/* A reference must name one record, chosen. */
	for (int i = 0; i < f->n && bad < 0; i++)
		if (f->spec[i].kind == FORM_REF && ref_resolve(f, i) != 0)
			bad = i;
	if (bad >= 0)
		go_to(f, bad);
	return bad;
}

static void ask_leave(struct form_view *f)
{
	f->confirming = 1;
	app_message(f->app, STYLE_ERROR, "Leave without saving your changes? y/n");
}

static enum form_result key_in(struct form_view *f, enum action a, int32_t key)
{
	if (f->confirming) {
		if (f->app->pasting) {
			ask_leave(f); /* pasted text answers no question: it stands */
			return FORM_HANDLED;
		}
		if (key == 'y' || key == 'Y') {
			f->confirming = 0;
			return FORM_LEAVE;
		}
		if (key == 'n' || key == 'N' || key == CDK_ESC) {
			f->confirming = 0;
			app_message(f->app, STYLE_STATUS, "Nothing was lost: carry on editing");
			return FORM_HANDLED;
		}
		ask_leave(f); /* any other key: the question stands */
		return FORM_HANDLED;
	}
	enum form_kind kind = f->spec[f->cur].kind;
	if (ref_pick_key(f, a, key))
		return FORM_HANDLED;
	/* Leaving a reference field finds the record its text names first. */
	if (kind == FORM_REF && !f->app->pasting &&
	    (key == CDK_ENTER || a == ACT_NEXT_FIELD || a == ACT_PREV_FIELD) &&
	    ref_resolve(f, f->cur) != 0)
		return FORM_HANDLED;
	if (edit_key(f, key))
		return FORM_HANDLED;
	if (kind == FORM_MULTILINE && (key == CDK_UP || key == CDK_DOWN)) {
		if (!line_move(f, key == CDK_UP ? -1 : 1))
			step_field(f, key == CDK_UP ? -1 : 1);
		return FORM_HANDLED;
	}
	if (key == CDK_ENTER) {
		if (kind == FORM_MULTILINE)
			insert(f, '\n');
		else
			step_field(f, 1);
		return FORM_HANDLED;
	}
	if ((key == CDK_PGDN || key == CDK_PGUP) && f->pages > 1) {
		int page = (f->st[f->cur].page + (key == CDK_PGDN ? 1 : f->pages - 1)) % f->pages;
		for (int i = 0; i < f->n; i++)
			if (f->st[i].page == page) {
				go_to(f, i);
				break;
			}
		return FORM_HANDLED;
	}
	switch (a) {
	case ACT_NEXT_FIELD:
		step_field(f, 1);
		return FORM_HANDLED;
	case ACT_PREV_FIELD:
		step_field(f, -1);
		return FORM_HANDLED;
	case ACT_SAVE: {
		int bad = form_validate(f);
		if (bad >= 0) {
			app_message(f->app, STYLE_ERROR, "Not saved: %s: %s", f->spec[bad].label,
				    f->st[bad].err);
			return FORM_HANDLED;
		}
		f->msg[0] = '\0';
		return FORM_SAVE;
	}
	case ACT_CANCEL:
		if (!form_changed(f))
			return FORM_LEAVE;
		ask_leave(f);
		return FORM_HANDLED;
	default:
		break;
	}
	if (typeable(key)) {
		if (kind == FORM_CHOICE)
			choose(f, 1, key == ' ' ? 0 : (uint32_t)key);
		else
			insert(f, (uint32_t)key);
		return FORM_HANDLED;
	}
	return FORM_UNHANDLED;
}

enum form_result form_key(struct form_view *f, enum action a, int32_t key)
{
	char was[sizeof f->hint];
	snprintf(was, sizeof was, "%s", form_hint(f));
	enum form_result r = key_in(f, a, key);
	/* The status line's hint follows the field; redrawing it only when it
	 * changes keeps the cursor in the field the rest of the time. */
	if (r != FORM_LEAVE && r != FORM_SAVE && strcmp(was, form_hint(f)) != 0)
		f->app->status_dirty = 1;
	return r;
}

/* ---- drawing ----------------------------------------------------------- */

static void draw_choices(struct form_view *f, int i, int y, int x, int room)
{
	const struct form_spec *sp = &f->spec[i];
	const char *now = form_text(f, i);
	int need = 0;
	for (int k = 0; sp->choices[k]; k++)
		need += text_width(sp->choices[k]) + 2;
	if (need > room)
		return;
	for (int k = 0; sp->choices[k]; k++) {
		int on = strcmp(sp->choices[k], now) == 0;
		style_on(f->win, on ? STYLE_KEY : STYLE_DIM);
		draw_text(f->win, y, x, text_width(sp->choices[k]), sp->choices[k]);
		style_off(f->win, STYLE_DIM);
		x += text_width(sp->choices[k]) + 2;
	}
}

static void draw_field_frame(struct form_view *f, int i)
{
	struct fstate *st = &f->st[i];
	const struct form_spec *sp = &f->spec[i];
	WINDOW *w = f->win;
	int y = 2 + st->row, right = f->fx + st->width + 2, room = f->cols - right - 1;
	draw_text(w, y, 2, f->fx - 4, sp->label);
	for (int r = 0; r < st->height; r++)
		draw_fill(w, y + r, f->fx + st->width, f->sw - st->width);
	if (sp->kind == FORM_REF && st->ref_label[0]) {
		draw_text(w, y, right, room, st->ref_label);
	} else if (sp->kind == FORM_CHOICE && sp->choices) {
		draw_choices(f, i, y, right, room);
	} else if (sp->kind == FORM_DATE && room >= 10) {
		style_on(w, STYLE_DIM);
		draw_text(w, y, right, 10, "dd/mm/yyyy");
		style_off(w, STYLE_DIM);
	} else if (sp->kind == FORM_MULTILINE && st->height > 1) {
		char count[48];
		snprintf(count, sizeof count, "%zu of %d", text_chars(st->text), ftext_limit(sp));
		style_on(w, STYLE_DIM);
		draw_text(w, y + 1, 2, f->fx - 4, count);
		style_off(w, STYLE_DIM);
	}
	int note = y + st->height;
	draw_fill(w, note, 0, f->cols);
	if (st->err[0]) {
		/* Under the field; a long sentence moves left, under the label. */
		int width = text_width(st->err), x = f->fx;
		if (x + width > f->cols - 1)
			x = f->cols - 1 - width > 2 ? f->cols - 1 - width : 2;
		if (width > f->cols - 1 - x)
			width = f->cols - 1 - x;
		style_on(w, STYLE_ERROR);
		draw_text(w, note, x, width, st->err);
		style_off(w, STYLE_ERROR);
	}
}

void form_draw(struct form_view *f, WINDOW *w)
{
	if (!f->form) {
		draw_text(w, 1, 2, getmaxx(w) - 4, "This form needs a bigger window.");
		return;
	}
	WINDOW *x = f->win;
	int page = form_page(f->form);
	char title[400];
	if (f->pages > 1)
		snprintf(title, sizeof title, "%s  (page %d of %d: PgDn, PgUp)", f->title, page + 1,
			 f->pages);
	else
		snprintf(title, sizeof title, "%s", f->title);
	draw_fill(x, 0, 0, f->cols);
	draw_fill(x, 1, 0, f->cols);
	style_on(x, STYLE_TITLE);
	draw_text(x, 0, 1, f->cols - 2, title);
	style_off(x, STYLE_TITLE);
	/* Everything but the fields themselves is drawn afresh. */
	int used = 0;
	for (int y = 2; y < 2 + f->sh; y++)
		draw_fill(x, y, 0, f->fx);
	for (int i = 0; i < f->n; i++)
		if (f->st[i].page == page) {
			draw_field_frame(f, i);
			used = f->st[i].row + f->st[i].height + 1;
		}
	for (int y = 2 + used; y < 2 + f->sh; y++)
		draw_fill(x, y, 0, f->cols);
	draw_fill(x, f->rows - 2, 0, f->cols);
	draw_fill(x, f->rows - 1, 0, f->cols);
	if (f->msg[0]) {
		style_on(x, (enum ui_style)f->msg_style);
		draw_wrapped(x, f->rows - 2, 2, f->cols - 4, 2, f->msg);
		style_off(x, (enum ui_style)f->msg_style);
	} else if (f->spec[f->cur].help) {
		style_on(x, STYLE_DIM);
		draw_wrapped(x, f->rows - 2, 2, f->cols - 4, 2, f->spec[f->cur].help);
		style_off(x, STYLE_DIM);
	}
	copywin(x, w, 0, 0, 0, 0, f->rows - 1, f->cols - 1, FALSE);
	int cy, cx;
	cursor_at(f, f->cur, &cy, &cx);
	wmove(w, 2 + cy, f->fx + cx);
	ref_pick_draw(f, w);
}

const char *form_hint(struct form_view *f)
{
	if (f->confirming)
		return "y leave without saving  n keep editing";
	if (f->pick)
		return "Up/Down choose  Enter take it  Esc type more";
	struct screen *s = app_top(f->app);
	enum form_kind kind = f->spec[f->cur].kind;
	snprintf(f->hint, sizeof f->hint, "%s", kind == FORM_CHOICE ? "Left/Right choose"
		 : kind == FORM_MULTILINE ? "Enter new line"
		 : kind == FORM_REF ? "Enter find" : "");
	ui_hint_add(f->app, s, f->hint, sizeof f->hint, ACT_NEXT_FIELD, NULL);
	ui_hint_add(f->app, s, f->hint, sizeof f->hint, ACT_SAVE, NULL);
	ui_hint_add(f->app, s, f->hint, sizeof f->hint, ACT_CANCEL, NULL);
	return f->hint;
}

/* ---- values -------------------------------------------------------------- */

struct form_view *form_new(struct app *app, const struct form_spec *spec, int n)
{
	struct form_view *f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->st = calloc((size_t)n, sizeof *f->st);
	if (!f->st) {
		free(f);
		return NULL;
	}
	f->app = app;
	f->spec = spec;
	f->n = n;
	for (int i = 0; i < n; i++) {
		if (reserve(&f->st[i], (size_t)ftext_limit(&spec[i]) * 4 + 1) != 0) {
			form_free(f);
			return NULL;
		}
		f->st[i].text[0] = f->st[i].orig[0] = '\0';
		f->st[i].want_col = -1;
	}
	return f;
}

void form_free(struct form_view *f)
{
	if (!f)
		return;
	free(f->pick);
	teardown(f);
	for (int i = 0; i < f->n; i++) {
		free(f->st[i].text);
		free(f->st[i].orig);
		free(f->st[i].out);
	}
	free(f->st);
	free(f);
}

void form_set_title(struct form_view *f, const char *title)
{
	text_copy(f->title, sizeof f->title, title);
}

void form_set(struct form_view *f, int i, const char *text)
{
	set_text(&f->st[i], text, f->spec[i].kind != FORM_CHOICE);
	f->st[i].err[0] = '\0';
	show_field(f, i);
}

void form_set_date(struct form_view *f, int i, const char *iso)
{
	struct date d;
	char buf[DATE_BUFSZ];
	if (iso && *iso && date_parse(iso, &d) == DATE_OK)
		form_set(f, i, date_format_uk(d, buf, sizeof buf));
	else
		form_set(f, i, iso);
}

void form_set_money(struct form_view *f, int i, int has, int64_t pence)
{
	char buf[MONEY_BUFSZ];
	form_set(f, i, has ? money_format(pence, buf, sizeof buf) : "");
}

void form_set_choice(struct form_view *f, int i, int index)
{
	const struct form_spec *sp = &f->spec[i];
	int n = 0;
	while (sp->choices && sp->choices[n])
		n++;
	form_set(f, i, index >= 0 && index < n ? sp->choices[index] : "");
}

void form_mark_clean(struct form_view *f)
{
	for (int i = 0; i < f->n; i++)
		memcpy(f->st[i].orig, f->st[i].text, strlen(f->st[i].text) + 1);
}

int form_changed(const struct form_view *f)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->st[i].orig, f->st[i].text) != 0)
			return 1;
	return 0;
}

int form_date(struct form_view *f, int i, char iso[DATE_BUFSZ])
{
	struct date d;
	const char *v = form_text(f, i);
	iso[0] = '\0';
	if (!*v)
		return 0;
	if (date_parse(v, &d) != DATE_OK)
		return -1;
	date_format_iso(d, iso, DATE_BUFSZ);
	return 0;
}

int form_money(struct form_view *f, int i, int64_t *pence)
{
	const char *v = form_text(f, i);
	if (!*v)
		return 0;
	return money_parse(v, pence) == MONEY_OK ? 1 : -1;
}

int form_integer(struct form_view *f, int i, int64_t *v)
{
	const char *s = form_text(f, i);
	if (!*s)
		return 0;
	return ftext_integer(s, v) == 0 ? 1 : -1;
}

int form_choice(struct form_view *f, int i)
{
	return ftext_choice_index(&f->spec[i], form_text(f, i));
}

void form_set_error(struct form_view *f, int i, const char *msg)
{
	text_copy(f->st[i].err, sizeof f->st[i].err, msg ? msg : "");
	if (msg && *msg)
		go_to(f, i);
}

void form_message(struct form_view *f, int style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->msg, sizeof f->msg, fmt, ap);
	va_end(ap);
	f->msg_style = style;
}
