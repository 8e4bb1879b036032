/*
 * src/ui/screen_property_forms.c: other property a member holds in the
 * society (the Act s.30(2): loans, deposits), for the board, each a
 * descriptor for the form screen: recording it (what, how much, from
 * when: property_add) and recording that it ended, repaid or returned
 * (property_end). Nobody but the board and the member sees it (s.104).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/shares.h"
#include "coopdesk/zone.h"
#include "form.h"

static const char *const kinds[] = { "loan", "deposit", "other", NULL };

enum { P_KIND, P_WHAT, P_AMOUNT, P_FROM, P_COUNT };

static const struct form_spec add_fields[P_COUNT] = {
	[P_KIND] = {
		.label = "Kind", .kind = FORM_CHOICE, .required = 1, .choices = kinds,
		FORM_AT(struct member_property, kind),
		.help = "A loan to the co-op, a deposit it holds, or other property.",
	},
	[P_WHAT] = {
		.label = "What", .kind = FORM_TEXT, .required = 1,
		.max_chars = PROPERTY_DESCRIPTION_MAX, FORM_AT(struct member_property, description),
		.help = "What it is: \"loan stock, 3% a year\", \"key deposit\".",
	},
	[P_AMOUNT] = {
		.label = "Amount", .kind = FORM_MONEY, .required = 1, .min = 1, .max = MONEY_MAX,
		FORM_AT(struct member_property, amount_pence),
	},
	[P_FROM] = {
		.label = "From", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct member_property, from_date),
		.help = "The day the member began to hold it, dd/mm/yyyy.",
	},
};

static const struct ferr add_errs[] = {
	{ "amount", P_AMOUNT }, { "description", P_WHAT }, { "date", P_FROM },
};

static int add_save(struct fscreen *fs)
{
	struct member_property *p = fs->rec;
	char money[MONEY_BUFSZ];
	p->id = 0;
	int rc = property_add(fs->app->db, &fs->app->who, p);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Recorded a %s of %s", property_kind_name(p->kind),
			 money_format(p->amount_pence, money, sizeof money));
	return rc;
}

static const struct fdesc add_form = {
	.name = "Other property",
	.area = 2,
	.spec = add_fields,
	.n = P_COUNT,
	.rec_size = sizeof(struct member_property),
	.save = add_save,
	.errs = add_errs,
	.nerrs = (int)(sizeof add_errs / sizeof add_errs[0]),
};

struct screen *screen_property_new(struct app *app, const struct member *m)
{
	struct member_property p = { .member_id = m->id, .kind = PROPERTY_LOAN };
	char title[MEMBER_NAME_MAX * 4 + 64];
	date_format_iso(date_today(), p.from_date, sizeof p.from_date);
	snprintf(title, sizeof title, "Property held by no. %lld %s", (long long)m->member_no,
		 m->name);
	return form_screen_new(app, &add_form, title, &p, NULL, 0);
}

/* ---- ended -------------------------------------------------------------------- */

static const struct form_spec end_fields[] = {
	{
		.label = "Ended on", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct member_property, to_date),
		.help = "The day it was repaid or returned, dd/mm/yyyy.",
	},
};

/* Every refusal here is about the day: "" is in every message. */
static const struct ferr end_errs[] = { { "", 0 } };

static int end_save(struct fscreen *fs)
{
	struct member_property *p = fs->rec;
	int rc = property_end(fs->app->db, &fs->app->who, p->id, p->to_date, p->version);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Recorded that the %s ended",
			 property_kind_name(p->kind));
	return rc;
}

static const struct fdesc end_form = {
	.name = "Property ends",
	.area = 2,
	.spec = end_fields,
	.n = 1,
	.rec_size = sizeof(struct member_property),
	.save = end_save,
	.errs = end_errs,
	.nerrs = 1,
};

struct screen *screen_property_end_new(struct app *app, const struct member_property *p)
{
	struct member_property q = *p;
	char title[PROPERTY_DESCRIPTION_MAX * 4 + 96], money[MONEY_BUFSZ], day[ZONE_TIME_BUFSZ];
	date_format_iso(date_today(), q.to_date, sizeof q.to_date);
	snprintf(title, sizeof title, "The %s of %s from %s ends: %s", property_kind_name(p->kind),
		 money_format(p->amount_pence, money, sizeof money),
		 zone_format(p->from_date, day, sizeof day), p->description);
	return form_screen_new(app, &end_form, title, &q, NULL, 0);
}
