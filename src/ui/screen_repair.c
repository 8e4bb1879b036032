/*
 * src/ui/screen_repair.c: one repair: its details and its history (the
 * first screenfuls of events; Up/Down scroll). e opens the edit form
 * (screen_repair_edit.c); coming back, the view reads the repair again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/repair_rules.h"
#include "coopdesk/repairs.h"
#include "ui.h"

#define EVENTS_SHOWN 50

struct repair_view {
	struct repair r;
	struct repair_event events[EVENTS_SHOWN];
	int nevents;
	int scroll;
	int ok;
	int64_t id;
	int stale;    /* an edit form went on top: read again when back */
	char hint[96];
};

static int load(struct app *app, struct repair_view *v, int64_t id)
{
	v->ok = repair_get(app->db, &app->who, id, &v->r) == DB_OK &&
		repair_events_page(app->db, &app->who, id, PAGE_FIRST, NULL, v->events,
				   EVENTS_SHOWN, &v->nevents) == DB_OK;
	if (!v->ok)
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
	if (v->scroll >= v->nevents)
		v->scroll = v->nevents > 0 ? v->nevents - 1 : 0;
	return v->ok;
}

/* Called when the view is shown again (and on a resize): after an edit,
 * what is shown is read again, so it is what was saved. */
static void layout(struct screen *s, int rows, int cols)
{
	struct repair_view *v = s->priv;
	(void)rows;
	(void)cols;
	if (v->stale && app_top(s->app) == s) {
		v->stale = 0;
		load(s->app, v, v->id);
	}
}

/* "2026-11-22T15:04:05Z" -> "22/11/2026 15:04" */
static void when(const char *iso, char *buf, size_t n)
{
	if (strlen(iso) >= 16)
		snprintf(buf, n, "%.2s/%.2s/%.4s %.5s", iso + 8, iso + 5, iso, iso + 11);
	else if (strlen(iso) == 10)
		snprintf(buf, n, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(buf, n, "%s", iso[0] ? iso : "-");
}

static void field(WINDOW *w, int y, const char *label, const char *value)
{
	draw_text(w, y, 2, 16, label);
	draw_text(w, y, 19, getmaxx(w) - 21, value && value[0] ? value : "-");
}

static void draw(struct screen *s, WINDOW *w)
{
	struct repair_view *v = s->priv;
	const struct repair *r = &v->r;
	int cols = getmaxx(w), rows = getmaxy(w);
	char buf[1024], a[32], b[32];
	if (!v->ok) {
		draw_text(w, 1, 2, cols - 4, "This repair could not be read. Esc goes back.");
		return;
	}
	snprintf(buf, sizeof buf, "%s  %s", r->ref, r->title);
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, cols - 2, buf);
	style_off(w, STYLE_TITLE);
	int y = 2;
	snprintf(buf, sizeof buf, "%s%s", r->home_ref, r->location[0] ? "" : "");
	field(w, y++, "Home", r->home_ref);
	field(w, y++, "Where", r->location);
	snprintf(buf, sizeof buf, "%s%s%s", repair_priority_name(r->priority),
		 r->rtr_days ? ", Right to Repair" : "",
		 r->damp_hazard ? ", damp and mould" : "");
	field(w, y++, "Priority", buf);
	field(w, y++, "Status", repair_status_label(r->status));
	when(r->reported_at, a, sizeof a);
	snprintf(buf, sizeof buf, "%s%s%s", a, r->reported_by_name[0] ? " by " : "",
		 r->reported_by_name);
	field(w, y++, "Reported", buf);
	when(r->target_at, b, sizeof b);
	snprintf(buf, sizeof buf, "%s%s", b, r->overdue ? "  (past its target)" : "");
	if (r->overdue)
		style_on(w, STYLE_OVERDUE);
	field(w, y++, "Target", buf);
	if (r->overdue)
		style_off(w, STYLE_OVERDUE);
	field(w, y++, "Contractor", r->contractor_name);
	if (r->reopened) {
		snprintf(buf, sizeof buf, "%d time%s", r->reopened, r->reopened == 1 ? "" : "s");
		field(w, y++, "Reopened", buf);
	}
	/* One line here: a description's line breaks show as spaces. */
	char desc[sizeof r->description];
	snprintf(desc, sizeof desc, "%s", r->description);
	for (char *p = strchr(desc, '\n'); p; p = strchr(p, '\n'))
		*p = ' ';
	field(w, y++, "Description", desc);
	y++;
	style_on(w, STYLE_COLUMN);
	draw_fill(w, y, 0, cols);
	draw_text(w, y, 2, cols - 4, "History");
	style_off(w, STYLE_COLUMN);
	y++;
	for (int i = v->scroll; i < v->nevents && y < rows; i++, y++) {
		const struct repair_event *e = &v->events[i];
		when(e->at, a, sizeof a);
		if (e->from_status == e->to_status)
			snprintf(buf, sizeof buf, "%s  %s: note: %s", a, e->actor, e->note);
		else
			snprintf(buf, sizeof buf, "%s  %s: %s%s%s", a, e->actor,
				 repair_status_label(e->to_status), e->note[0] ? ": " : "", e->note);
		draw_text(w, y, 2, cols - 4, buf);
	}
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct repair_view *v = s->priv;
	(void)key;
	if (a == ACT_EDIT) {
		if (!v->ok)
			return 0;
		if (access_level(&s->app->who, AREA_REPAIRS, OP_WRITE) != ACCESS_ALL) {
			app_message(s->app, STYLE_ERROR, "Only the board and volunteers edit repairs");
			return 1;
		}
		struct screen *edit = screen_repair_edit_new(s->app, v->id);
		if (edit) {
			v->stale = 1;
			app_push(s->app, edit);
		}
		return 1;
	}
	if (a == ACT_DOWN && v->scroll + 1 < v->nevents)
		v->scroll++;
	else if (a == ACT_UP && v->scroll > 0)
		v->scroll--;
	else
		return 0;
	s->dirty = 1;
	return 1;
}

static const char *hint(struct screen *s)
{
	struct repair_view *v = s->priv;
	char keys[32];
	bindings_keys(ACT_EDIT, keys, sizeof keys);
	char *sp = strchr(keys, ' ');
	if (sp)
		*sp = '\0';
	snprintf(v->hint, sizeof v->hint, "Up/Down history  %s%s%sEsc back", keys,
		 keys[0] ? " edit" : "", keys[0] ? "  " : "");
	return v->hint;
}

static void destroy(struct screen *s)
{
	free(s->priv);
	free(s);
}

static const struct screen_ops ops = {
	.name = "A repair",
	.scope = 'L',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.hint = hint,
	.destroy = destroy,
};

struct screen *screen_repair_new(struct app *app, int64_t id)
{
	struct screen *s = calloc(1, sizeof *s);
	struct repair_view *v = calloc(1, sizeof *v);
	if (!s || !v) {
		free(s);
		free(v);
		return NULL;
	}
	s->ops = &ops;
	s->app = app;
	s->area = 3;
	s->priv = v;
	v->id = id;
	load(app, v, id);
	return s;
}
