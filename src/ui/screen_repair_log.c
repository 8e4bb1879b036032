/*
 * src/ui/screen_repair_log.c: logging a repair, a form from a descriptor
 * (form.h). The estate office (board, volunteers) names the home by the
 * reference field (its reference, part of its address or its tenant's
 * name), who reported it and how, a category, a title, a priority, and
 * optionally a defect of the Right to Repair schedule (another reference
 * field), the damp or mould hazard, a cost estimate and where in the home.
 * While the form is filled in, its foot says the target that saving would
 * give (repair_preview: working days from the local reporting day), what
 * the schedule makes of it (an estimate over the limit takes it out of the
 * scheme, said so) and the Awaab's Law clock it starts. A member logs one
 * for their own home only: their form has no home to choose. The fields of
 * a scheme the co-op is not bound by are left out (variants of one table).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/repairs.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "refs.h"

/* ---- the schedule as a reference field ------------------------------------------ */

static void defect_match(const struct rtr_defect *d, struct ref_match *out)
{
	out->id = d->id;
	text_copy(out->shown, sizeof out->shown, d->defect);
	if (d->summer_days)
		snprintf(out->label, sizeof out->label, "%.200s (%d working day%s; %d from 1 May to 31"
			 " October)", d->defect, d->days, d->days == 1 ? "" : "s", d->summer_days);
	else
		snprintf(out->label, sizeof out->label, "%.200s (%d working day%s)", d->defect, d->days,
			 d->days == 1 ? "" : "s");
}

static int defect_find(struct app *app, const char *typed, struct ref_match *out, int max,
		       int *n, char *why, size_t whylen)
{
	struct rtr_defect rows[REF_MATCHES_MAX];
	int got = 0;
	*n = 0;
	snprintf(why, whylen, "no defect of the Right to Repair schedule has '%.40s'", typed);
	int rc = rtr_defect_page(app->db, &app->who, 1, typed, PAGE_FIRST, NULL, rows,
				 max < REF_MATCHES_MAX ? max : REF_MATCHES_MAX, &got);
	for (int i = 0; rc == DB_OK && i < got; i++)
		defect_match(&rows[i], &out[(*n)++]);
	return rc;
}

static int defect_get(struct app *app, int64_t id, struct ref_match *out)
{
	struct rtr_defect d;
	int rc = rtr_defect_get(app->db, &app->who, id, &d);
	if (rc == DB_OK)
		defect_match(&d, out);
	return rc;
}

static const struct ref_kind ref_defect = {
	"defect", "part of a defect of the Right to Repair schedule (heating, leak, toilet)",
	defect_find, defect_get,
};

/* ---- the form ------------------------------------------------------------------- */

static const char *const hows[] = { "phone", "in person", "email", "inspection", NULL };
static const int how_values[] = { REPAIR_BY_PHONE, REPAIR_IN_PERSON, REPAIR_BY_EMAIL,
				  REPAIR_AT_INSPECTION };
static const char *const categories[] = {
	"plumbing", "heating", "electrical", "damp and mould", "doors and windows", "roof",
	"drains", "structure", "other", NULL,
};
static const int category_values[] = {
	REPAIR_PLUMBING, REPAIR_HEATING, REPAIR_ELECTRICAL, REPAIR_DAMP_MOULD, REPAIR_DOORS_WINDOWS,
	REPAIR_ROOF, REPAIR_DRAINS, REPAIR_STRUCTURE, REPAIR_OTHER,
};
static const char *const priorities[] = { "emergency", "urgent", "routine", "planned", NULL };
static const int priority_values[] = { REPAIR_EMERGENCY, REPAIR_URGENT, REPAIR_ROUTINE,
				       REPAIR_PLANNED };
static const char *const hazards[] = { "none", "significant", "emergency", NULL };
static const int hazard_values[] = { REPAIR_DAMP_NONE, REPAIR_DAMP_SIGNIFICANT,
				     REPAIR_DAMP_EMERGENCY };

_Static_assert(sizeof(enum repair_how) == sizeof(int), "a choice is bound to an int");
_Static_assert(sizeof(enum repair_category) == sizeof(int), "a choice is bound to an int");

/* Every field any variant has, in order; a variant leaves some out. */
enum { F_HOME, F_BY, F_HOW, F_CATEGORY, F_TITLE, F_PRIORITY, F_DESCRIPTION, F_DEFECT, F_DAMP,
       F_COST, F_LOCATION, F_ALL };

static const struct form_spec all_fields[F_ALL] = {
	[F_HOME] = {
		.label = "Home", .kind = FORM_REF, .required = 1, .ref = &ref_home,
		FORM_AT(struct repair, home_id),
		.help = "The home: its reference (WEA-10), part of its address, or its tenant's"
			" name; Enter finds it.",
	},
	[F_BY] = {
		.label = "Reported by", .kind = FORM_REF, .ref = &ref_member,
		FORM_AT(struct repair, reported_by_member),
		.help = "The member who reported it (number or part of a name); empty when it was"
			" not a member: say who in the description.",
	},
	[F_HOW] = {
		.label = "How", .kind = FORM_CHOICE, .required = 1, .choices = hows,
		.values = how_values, FORM_AT(struct repair, reported_how),
		.help = "How it was reported: Left/Right or Space, or the first letter.",
	},
	[F_CATEGORY] = {
		.label = "Category", .kind = FORM_CHOICE, .required = 1, .choices = categories,
		.values = category_values, FORM_AT(struct repair, category),
		.help = "What kind of repair: a letter jumps (p plumbing, h heating, d damp and"
			" mould). Damp and mould starts Awaab's Law's clock.",
	},
	[F_TITLE] = {
		.label = "Title", .kind = FORM_TEXT, .required = 1, .max_chars = REPAIR_TITLE_MAX,
		FORM_AT(struct repair, title),
		.help = "What is wrong, in a few words: the repairs list shows this.",
	},
	[F_PRIORITY] = {
		.label = "Priority", .kind = FORM_CHOICE, .required = 1, .choices = priorities,
		.values = priority_values, FORM_AT(struct repair, priority),
		.help = "e emergency (24 hours), u urgent, r routine, p planned: the target below"
			" follows.",
	},
	[F_DESCRIPTION] = {
		.label = "Description", .kind = FORM_MULTILINE, .max_chars = REPAIR_DESCRIPTION_MAX,
		.rows = 2, FORM_AT(struct repair, description),
		.help = "The details. Enter starts a new line; Tab goes on to the next field.",
	},
	[F_DEFECT] = {
		.label = "Right to Repair", .kind = FORM_REF, .ref = &ref_defect,
		FORM_AT(struct repair, rtr_defect_id),
		.help = "A defect of the schedule, if it is one (heating, leak, toilet...): its 1, 3"
			" or 7 working days become the target. Empty if none.",
	},
	[F_DAMP] = {
		.label = "Damp/mould hazard", .kind = FORM_CHOICE, .choices = hazards,
		.values = hazard_values, FORM_AT(struct repair, damp_hazard),
		.help = "Awaab's Law: a significant hazard is investigated within 10 working days,"
			" an emergency made safe within 24 hours.",
	},
	[F_COST] = {
		.label = "Cost estimate", .kind = FORM_MONEY, .min = 0, .max = MONEY_MAX,
		FORM_AT(struct repair, cost_pence), FORM_HAS(struct repair, has_cost),
		.help = "What it is quoted at, like 120.00 or £1,234.56; empty when not known. Over"
			" the Right to Repair limit, the schedule's target does not apply.",
	},
	[F_LOCATION] = {
		.label = "Where in the home", .kind = FORM_TEXT, .max_chars = REPAIR_LOCATION_MAX,
		FORM_AT(struct repair, location),
		.help = "Kitchen, bathroom ceiling, back door. May be left empty.",
	},
};

/* The member's form: what they may say about their own home. */
static const int member_fields[] = { F_CATEGORY, F_TITLE, F_DESCRIPTION, F_LOCATION };

struct variant {
	struct form_spec spec[F_ALL];
	struct ferr errs[6];
	struct fdesc d;
	int made;
};

static int save(struct fscreen *fs);
static void changed(struct fscreen *fs);
static struct screen *then(struct fscreen *fs);
/* Variant v: 0..3 for the office (bit 0 Right to Repair on, bit 1
 * Awaab's Law on), 4 for a member. */
static const struct fdesc *variant(int v)
{
	static struct variant made[5];
	struct variant *x = &made[v];
	if (x->made)
		return &x->d;
	int map[F_ALL], n = 0;
	for (int i = 0; i < F_ALL; i++) {
		int keep = v == 4 ? 0 : 1;
		if (v == 4)
			for (size_t k = 0; k < sizeof member_fields / sizeof member_fields[0]; k++)
				keep |= member_fields[k] == i;
		if ((i == F_DEFECT && !(v & 1)) || (i == F_DAMP && !(v & 2) && v != 4))
			keep = 0;
		map[i] = keep ? n : -1;
		if (keep)
			x->spec[n++] = all_fields[i];
	}
	static const struct ferr words[] = {
		{ "home", F_HOME }, { "summary", F_TITLE }, { "defect", F_DEFECT },
		{ "cost", F_COST }, { "priority", F_PRIORITY }, { "location", F_LOCATION },
	};
	int ne = 0;
	for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
		if (map[words[k].field] >= 0)
			x->errs[ne++] = (struct ferr){ words[k].words, map[words[k].field] };
	x->d = (struct fdesc){
		.name = "Log a repair", .area = 3, .spec = x->spec, .n = n,
		.rec_size = sizeof(struct repair), .save = save, .errs = x->errs, .nerrs = ne,
		.then = then, .changed = changed,
	};
	x->made = 1;
	return &x->d;
}

static void changed(struct fscreen *fs)
{
	struct app *app = fs->app;
	struct repair *r = fs->rec;   /* the form's values, stored over the record opened */
	struct repair_preview p;
	char due[ZONE_TIME_BUFSZ], day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ], more[400] = "";
	form_store(fs->form, r);
	if (repair_preview(app->db, &app->who, r, &p) != DB_OK) {
		form_message(fs->form, STYLE_STATUS, "Target: %s", db_errmsg(app->db));
		return;
	}
	if (p.rtr_out_by_cost)
		snprintf(more, sizeof more, "; the estimate is over %s, so not Right to Repair",
			 money_format(p.rtr_max_cost, money, sizeof money));
	else if (p.rtr_days)
		snprintf(more, sizeof more, "; Right to Repair: %d working day%s", p.rtr_days,
			 p.rtr_days == 1 ? "" : "s");
	if (p.damp != REPAIR_DAMP_NONE) {
		size_t used = strlen(more);
		snprintf(more + used, sizeof more - used, "; Awaab's Law: %s by %s",
			 p.damp == REPAIR_DAMP_EMERGENCY ? "make safe" : "investigate",
			 zone_format(p.damp_due, day, sizeof day));
	}
	zone_format(p.target_at, due, sizeof due);
	form_message(fs->form, STYLE_STATUS, "Target: %s%s", due, more);
}

static int save(struct fscreen *fs)
{
	struct app *app = fs->app;
	struct repair *r = fs->rec;
	r->reported_at[0] = '\0';   /* now */
	int rc = repair_report(app->db, &app->who, r);
	if (rc == DB_OK) {
		char due[ZONE_TIME_BUFSZ];
		int64_t id = r->id;
		repair_get(app->db, &app->who, id, r);   /* the home's reference, for the message */
		r->id = id;
		snprintf(fs->done, sizeof fs->done, "Logged %s at %.40s: target %s", r->ref,
			 r->home_ref, zone_format(r->target_at, due, sizeof due));
	}
	return rc;
}

static struct screen *then(struct fscreen *fs)
{
	const struct repair *r = fs->rec;
	return screen_repair_new(fs->app, r->id);
}

struct screen *screen_repair_log_new(struct app *app)
{
	struct repair *r = calloc(1, sizeof *r);
	struct tenancy *t = NULL;
	char title[200];
	struct screen *s = NULL;
	if (!r) {
		app_message(app, STYLE_ERROR, "out of memory: the form could not be opened");
		return NULL;
	}
	enum access_level level = access_level(&app->who, AREA_REPAIRS, OP_WRITE);
	if (level == ACCESS_OWN) {
		/* A member: the home where they hold the tenancy, and no other. */
		t = malloc(sizeof *t);
		if (!t || tenancy_for_member(app->db, &app->who, app->who.member_id, t) != DB_OK) {
			app_message(app, STYLE_ERROR, "You hold no tenancy: a member logs a repair"
				    " for their own home only");
		} else {
			r->home_id = t->home_id;
			r->reported_how = REPAIR_IN_PERSON;
			snprintf(title, sizeof title, "Report a repair at your home, %.40s %.100s",
				 t->home_ref, t->home_address);
			s = form_screen_new(app, variant(4), title, r, NULL, 0);
		}
	} else if (level == ACCESS_ALL) {
		struct repair_preview p;
		repair_preview(app->db, &app->who, r, &p);   /* no priority yet: the schemes only */
		int v = (p.rtr_on ? 1 : 0) | (p.awaab_on ? 2 : 0);
		r->reported_how = REPAIR_BY_PHONE;
		r->damp_hazard = REPAIR_DAMP_NONE;
		s = form_screen_new(app, variant(v), "Log a repair", r, NULL, 0);
	} else {
		app_message(app, STYLE_ERROR, "Only the board, volunteers and tenants log repairs");
	}
	free(t);
	free(r);
	return s;
}
