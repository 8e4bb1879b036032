/*
 * src/ui/form_bind.c: the form bound to a record by its table (FORM_AT:
 * offsetof and size), both ways, and the reference field: the record a
 * typed number, reference or name stands for, found through refs.h, with
 * a pick list when several match.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/money.h"
#include "coopdesk/text.h"
#include "form_int.h"

#define PICK_SHOWN 8   /* matches offered at once */

/* ---- the record, both ways ---------------------------------------------------- */

static void *at(void *rec, size_t off)
{
	return (char *)rec + off;
}

static int choice_of(const struct form_spec *sp, int value)
{
	if (!sp->values)
		return value;
	for (int k = 0; sp->choices && sp->choices[k]; k++)
		if (sp->values[k] == value)
			return k;
	return -1;
}

void form_load(struct form_view *f, const void *rec)
{
	void *r = (void *)rec;
	for (int i = 0; i < f->n; i++) {
		const struct form_spec *sp = &f->spec[i];
		if (!sp->bound)
			continue;
		switch (sp->kind) {
		case FORM_TEXT:
		case FORM_MULTILINE:
			form_set(f, i, at(r, sp->off));
			break;
		case FORM_DATE:
			form_set_date(f, i, at(r, sp->off));
			break;
		case FORM_MONEY: {
			int64_t v;
			int has = 1;
			memcpy(&v, at(r, sp->off), sizeof v);
			if (sp->has_bound)
				memcpy(&has, at(r, sp->has_off), sizeof has);
			else if (v == 0 && sp->min > 0)
				has = 0; /* a new record: typed, not an amount it cannot have */
			form_set_money(f, i, has, v);
			break;
		}
		case FORM_INTEGER: {
			int64_t v;
			char buf[32];
			memcpy(&v, at(r, sp->off), sizeof v);
			snprintf(buf, sizeof buf, "%lld", (long long)v);
			form_set(f, i, buf);
			break;
		}
		case FORM_HOURS: {
			int64_t v;
			char buf[32];
			memcpy(&v, at(r, sp->off), sizeof v);
			form_set(f, i, v > 0 ? ftext_hours_format(v, buf, sizeof buf) : "");
			break;
		}
		case FORM_CHOICE: {
			int v;
			memcpy(&v, at(r, sp->off), sizeof v);
			form_set_choice(f, i, choice_of(sp, v));
			break;
		}
		case FORM_REF: {
			int64_t id;
			memcpy(&id, at(r, sp->off), sizeof id);
			form_set_ref(f, i, id);
			break;
		}
		}
	}
	form_mark_clean(f);
}

void form_store(struct form_view *f, void *rec)
{
	for (int i = 0; i < f->n; i++) {
		const struct form_spec *sp = &f->spec[i];
		if (!sp->bound)
			continue;
		switch (sp->kind) {
		case FORM_TEXT:
		case FORM_MULTILINE:
			text_copy(at(rec, sp->off), sp->size, form_text(f, i));
			break;
		case FORM_DATE: {
			char iso[DATE_BUFSZ];
			if (form_date(f, i, iso) != 0)
				iso[0] = '\0';
			text_copy(at(rec, sp->off), sp->size, iso);
			break;
		}
		case FORM_MONEY: {
			int64_t v = 0;
			int has = form_money(f, i, &v) == 1;
			if (!has)
				v = 0;
			memcpy(at(rec, sp->off), &v, sizeof v);
			if (sp->has_bound)
				memcpy(at(rec, sp->has_off), &has, sizeof has);
			break;
		}
		case FORM_INTEGER: {
			int64_t v = 0;
			if (form_integer(f, i, &v) != 1)
				v = 0;
			memcpy(at(rec, sp->off), &v, sizeof v);
			break;
		}
		case FORM_HOURS: {
			int64_t v = 0;
			if (ftext_hours(form_text(f, i), &v) != 0)
				v = 0;
			memcpy(at(rec, sp->off), &v, sizeof v);
			break;
		}
		case FORM_CHOICE: {
			int k = form_choice(f, i);
			int v = sp->values ? (k >= 0 ? sp->values[k] : 0) : k;
			memcpy(at(rec, sp->off), &v, sizeof v);
			break;
		}
		case FORM_REF: {
			int64_t id = form_ref(f, i);
			memcpy(at(rec, sp->off), &id, sizeof id);
			break;
		}
		}
	}
}

/* ---- reference fields ------------------------------------------------------------ */

static void choose(struct form_view *f, int i, const struct ref_match *m)
{
	struct fstate *st = &f->st[i];
	set_text(st, m->shown, 1);
	st->ref_id = m->id;
	text_copy(st->ref_label, sizeof st->ref_label, m->label);
	st->err[0] = '\0';
	show_field(f, i);
}

void form_set_ref(struct form_view *f, int i, int64_t id)
{
	struct fstate *st = &f->st[i];
	struct ref_match m;
	if (id <= 0 || !f->spec[i].ref) {
		form_set(f, i, "");
		st->ref_id = 0;
		st->ref_label[0] = '\0';
		return;
	}
	if (f->spec[i].ref->get(f->app, id, &m) != DB_OK) {
		/* Not one this person may see, or gone: say so, keep the id. */
		char shown[32];
		snprintf(shown, sizeof shown, "#%lld", (long long)id);
		form_set(f, i, shown);
		st->ref_id = id;
		text_copy(st->ref_label, sizeof st->ref_label, db_errmsg(f->app->db));
		return;
	}
	choose(f, i, &m);
}

int64_t form_ref(struct form_view *f, int i)
{
	return f->spec[i].kind == FORM_REF && form_text(f, i)[0] ? f->st[i].ref_id : 0;
}

static void close_pick(struct form_view *f)
{
	free(f->pick);
	f->pick = NULL;
	f->npick = f->pick_sel = 0;
}

int ref_resolve(struct form_view *f, int i)
{
	struct fstate *st = &f->st[i];
	const struct form_spec *sp = &f->spec[i];
	const char *typed = form_text(f, i);
	if (sp->kind != FORM_REF || !typed[0] || st->ref_id > 0 || !sp->ref)
		return 0;
	struct ref_match *m = calloc(REF_MATCHES_MAX, sizeof *m);
	int n = 0;
	if (!m) {
		snprintf(st->err, sizeof st->err, "out of memory");
		return -1;
	}
	if (sp->ref->find(f->app, typed, m, REF_MATCHES_MAX, &n, st->err, sizeof st->err) != DB_OK) {
		text_copy(st->err, sizeof st->err, db_errmsg(f->app->db));
		free(m);
		return -1;
	}
	if (n == 0) {
		free(m); /* st->err says why, in the kind's words */
		return -1;
	}
	if (n == 1) {
		choose(f, i, &m[0]);
		free(m);
		return 0;
	}
	close_pick(f);
	f->pick = m;
	f->npick = n;
	snprintf(st->err, sizeof st->err, "%s%d %ss match: choose one (Up/Down, Enter), or type more",
		 n == REF_MATCHES_MAX ? "at least " : "", n, sp->ref->what);
	return 1;
}

int ref_pick_key(struct form_view *f, enum action a, int32_t key)
{
	if (!f->pick)
		return 0;
	if (f->app->pasting) {
		close_pick(f); /* pasted text is typed, never a choice */
		return 0;
	}
	if (key == CDK_DOWN || a == ACT_NEXT_FIELD) {
		f->pick_sel = (f->pick_sel + 1) % f->npick;
		return 1;
	}
	if (key == CDK_UP || a == ACT_PREV_FIELD) {
		f->pick_sel = (f->pick_sel + f->npick - 1) % f->npick;
		return 1;
	}
	if (key == CDK_ENTER) {
		struct ref_match m = f->pick[f->pick_sel];
		close_pick(f);
		choose(f, f->cur, &m);
		step_field(f, 1);
		return 1;
	}
	if (key == CDK_ESC) {
		close_pick(f);
		snprintf(f->st[f->cur].err, sizeof f->st[f->cur].err,
			 "not chosen: type more of the %s's name, or its number",
			 f->spec[f->cur].ref->what);
		return 1;
	}
	close_pick(f); /* typing on: the field takes the key */
	return 0;
}

void ref_pick_draw(struct form_view *f, WINDOW *w)
{
	if (!f->pick)
		return;
	struct fstate *st = &f->st[f->cur];
	int shown = f->npick < PICK_SHOWN ? f->npick : PICK_SHOWN;
	int first = f->pick_sel >= shown ? f->pick_sel - shown + 1 : 0;
	int y = 2 + st->row + 1, x = f->fx, width = f->cols - x - 1;
	if (y + shown + 2 > f->rows)
		y = 2 + st->row - shown - 2 >= 2 ? 2 + st->row - shown - 2 : 2;
	/* A box over what lies below the field. */
	for (int r = 0; r < shown + 2; r++)
		draw_fill(w, y + r, x, width);
	mvwhline(w, y, x, ACS_HLINE, width);
	mvwhline(w, y + shown + 1, x, ACS_HLINE, width);
	int cy = y + 1;
	for (int r = 0; r < shown; r++) {
		const struct ref_match *m = &f->pick[first + r];
		char line[400];
		int on = first + r == f->pick_sel;
		snprintf(line, sizeof line, "%s %-8s %s", on ? ">" : " ", m->shown, m->label);
		if (on) {
			style_on(w, STYLE_SELECTED);
			draw_fill(w, y + 1 + r, x, width);
			cy = y + 1 + r;
		}
		draw_text(w, y + 1 + r, x, width, line);
		if (on)
			style_off(w, STYLE_SELECTED);
	}
	wmove(w, cy, x);
}
