/*
 * src/ui/screen_repair_edit.c: editing a repair's details in a form bound
 * to struct repair by a table. Save is one repair_update (one transaction)
 * with the version read when the form opened, so a change someone made
 * meanwhile is refused, said in words, and the person's typing stays on
 * screen.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/money.h"
#include "coopdesk/repair_rules.h"
#include "coopdesk/repairs.h"
#include "coopdesk/text.h"
#include "form.h"

enum {
	F_TITLE, F_LOCATION, F_PRIORITY, F_RTR, F_COST, F_INVESTIGATED, F_SUMMARY,
	F_DESCRIPTION, F_SAFETY, F_COUNT
};

static const char *const priorities[] = { "emergency", "urgent", "routine", "planned", NULL };
static const int priority_values[] = {
	REPAIR_EMERGENCY, REPAIR_URGENT, REPAIR_ROUTINE, REPAIR_PLANNED,
};
static const char *const rtr_choices[] = { "none", "1", "3", "7", NULL };
static const int rtr_values[] = { 0, 1, 3, 7 };

_Static_assert(sizeof(enum repair_priority) == sizeof(int), "a choice is bound to an int");

static const struct form_spec fields[F_COUNT] = {
	[F_TITLE] = {
		.label = "Title", .kind = FORM_TEXT, .required = 1,
		.max_chars = REPAIR_TITLE_MAX, FORM_AT(struct repair, title),
		.help = "What is wrong, in a few words: the repairs list shows this.",
	},
	[F_LOCATION] = {
		.label = "Location", .kind = FORM_TEXT, .max_chars = REPAIR_LOCATION_MAX,
		FORM_AT(struct repair, location),
		.help = "Where in the home: kitchen, bathroom ceiling, back door. May be left empty.",
	},
	[F_PRIORITY] = {
		.label = "Priority", .kind = FORM_CHOICE, .required = 1, .choices = priorities,
		.values = priority_values, FORM_AT(struct repair, priority),
		.help = "Left/Right or Space to choose. A new priority works the target out"
			" again from the day the repair was reported.",
	},
	[F_RTR] = {
		.label = "Right to Repair days", .kind = FORM_CHOICE, .required = 1,
		.choices = rtr_choices, .values = rtr_values, FORM_AT(struct repair, rtr_days),
		.help = "For a qualifying defect under the Right to Repair: its target in"
			" working days (1, 3 or 7), or none.",
	},
	[F_COST] = {
		.label = "Cost", .kind = FORM_MONEY, .min = 0, .max = MONEY_MAX,
		FORM_AT(struct repair, cost_pence), FORM_HAS(struct repair, has_cost),
		.help = "What the repair cost or is quoted at, like 120.00 or £1,234.56."
			" Empty when not known.",
	},
	[F_INVESTIGATED] = {
		.label = "Damp: investigated on", .kind = FORM_DATE,
		FORM_AT(struct repair, investigated_on),
		.help = "Damp and mould: the day it was investigated, as dd/mm/yyyy: not before"
			" the repair was reported, nor after today. Empty until then.",
	},
	[F_SUMMARY] = {
		.label = "Damp: summary sent on", .kind = FORM_DATE,
		FORM_AT(struct repair, summary_sent_on),
		.help = "Damp and mould: the day the written summary of the investigation"
			" went to the household, as dd/mm/yyyy.",
	},
	[F_SAFETY] = {
		.label = "Damp: safety work on", .kind = FORM_DATE,
		FORM_AT(struct repair, safety_done_on),
		.help = "Damp and mould: the day the safety work was done, as dd/mm/yyyy: not"
			" before the investigation, nor after today.",
	},
	[F_DESCRIPTION] = {
		.label = "Description", .kind = FORM_MULTILINE,
		.max_chars = REPAIR_DESCRIPTION_MAX, .rows = 3,
		FORM_AT(struct repair, description),
		.help = "The details. Enter starts a new line; Tab goes on to the next field.",
	},
};

struct repair_edit {
	struct form_view *form;
	struct repair *was;   /* as read when the form opened: its version, and
	                       * the fields this form does not show */
};

/* Rules between fields, which no single field can know. */
static int cross_check(struct form_view *f)
{
	char inv[DATE_BUFSZ], sent[DATE_BUFSZ];
	if (form_date(f, F_INVESTIGATED, inv) != 0 || form_date(f, F_SUMMARY, sent) != 0)
		return 0;
	if (sent[0] && !inv[0]) {
		form_set_error(f, F_SUMMARY, "give the day it was investigated first");
		return -1;
	}
	if (sent[0] && strcmp(sent, inv) < 0) {
		form_set_error(f, F_SUMMARY, "the summary cannot go before the investigation");
		return -1;
	}
	return 0;
}

static void save(struct screen *s)
{
	struct repair_edit *e = s->priv;
	struct form_view *f = e->form;
	struct app *app = s->app;
	if (cross_check(f) != 0) {
		app_message(app, STYLE_ERROR, "Not saved: see the message under the field");
		return;
	}
	struct repair *r = malloc(sizeof *r);
	if (!r) {
		form_message(f, STYLE_ERROR, "Not saved: out of memory");
		return;
	}
	*r = *e->was;
	form_store(f, r);
	int rc = repair_update(app->db, &app->who, r);
	if (rc == DB_OK) {
		char ref[REF_BUFSZ];
		text_copy(ref, sizeof ref, r->ref);
		free(r);
		app_pop(app); /* frees s; the screen below reads the repair again */
		app_message(app, STYLE_OK, "Saved %s", ref);
		return;
	}
	free(r);
	/* Conflict, refusal or a rule broken: say so, keep every keystroke. */
	form_message(f, STYLE_ERROR, "%s", db_errmsg(app->db));
	app_message(app, STYLE_ERROR, "Not saved: nothing you typed was lost");
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	return form_screen_handle(s, a, key, save);
}

static void destroy(struct screen *s)
{
	struct repair_edit *e = s->priv;
	form_free(e->form);
	free(e->was);
	free(e);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Edit a repair",
	.scope = 'F',
	.layout = form_screen_layout,
	.draw = form_screen_draw,
	.handle = handle,
	.hint = form_screen_hint,
	.destroy = destroy,
};

struct screen *screen_repair_edit_new(struct app *app, int64_t id)
{
	struct screen *s = calloc(1, sizeof *s);
	struct repair_edit *e = calloc(1, sizeof *e);
	struct repair *r = calloc(1, sizeof *r);
	struct form_view *f = form_new(app, fields, F_COUNT);
	if (!s || !e || !r || !f) {
		free(s);
		free(e);
		free(r);
		form_free(f);
		app_message(app, STYLE_ERROR, "out of memory: the form could not be opened");
		return NULL;
	}
	if (repair_get(app->db, &app->who, id, r) != DB_OK) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		free(s);
		free(e);
		free(r);
		form_free(f);
		return NULL;
	}
	char title[REF_BUFSZ + REPAIR_HOME_REF_MAX * 4 + 64];
	snprintf(title, sizeof title, "Edit repair %s at %s", r->ref, r->home_ref);
	form_set_title(f, title);
	form_load(f, r);
	e->form = f;
	e->was = r;
	s->ops = &ops;
	s->app = app;
	s->area = 3;
	s->priv = e;
	return s;
}
