/*
 * src/ui/screen_rent_review_forms.c: the board sets the rent, each a descriptor
 * for the form screen.
 *
 * A rent change: a home's new rent from a day (rent_rate_set): a new rate,
 * the ones before kept; a day before the current rent's start is refused
 * beside the day, the rest of the form kept.
 *
 * The rent review: one change (3.5% or £2.50, rent_calc.h) for every home
 * of the list's filter from one day. Saving the form shows the preview
 * (report_rent_review: old, new, Universal Credit equivalent), ready to
 * print; its key saves every new rent in one transaction
 * (rent_review_apply), or none; Esc goes back to the form to change it.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/homes.h"
#include "coopdesk/money.h"
#include "coopdesk/rent_calc.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "form.h"

static const char *const periods[] = { "weekly", "four-weekly", "monthly", NULL };
static const int period_values[] = { RENT_WEEKLY, RENT_FOUR_WEEKLY, RENT_MONTHLY };

struct rate_rec {
	char from[ISO_DATE_LEN];
	int period;
	int64_t amount;
};

enum { R_FROM, R_PERIOD, R_AMOUNT, R_COUNT };

static const struct form_spec rate_fields[R_COUNT] = {
	[R_FROM] = {
		.label = "From", .kind = FORM_DATE, .required = 1, FORM_AT(struct rate_rec, from),
		.help = "The first day of the new rent, dd/mm/yyyy: after the current rent's start.",
	},
	[R_PERIOD] = {
		.label = "Period", .kind = FORM_CHOICE, .required = 1, .choices = periods,
		.values = period_values, FORM_AT(struct rate_rec, period),
		.help = "How often the rent falls due.",
	},
	[R_AMOUNT] = {
		.label = "Rent", .kind = FORM_MONEY, .required = 1, .min = 0, .max = 999999,
		FORM_AT(struct rate_rec, amount),
		.help = "The rent a period, £0.00 to £9,999.99.",
	},
};

static const struct ferr rate_errs[] = {
	{ "£", R_AMOUNT }, { "four-weekly", R_PERIOD }, { "", R_FROM },
};

static int rate_save(struct fscreen *fs)
{
	struct rate_rec *r = fs->rec;
	int64_t home_id, monthly;
	memcpy(&home_id, fs->ctx, sizeof home_id);
	int rc = rent_rate_set(fs->app->db, &fs->app->who, home_id, r->from,
			       (enum rent_period)r->period, r->amount);
	if (rc)
		return rc;
	char day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ], uc[MONEY_BUFSZ];
	size_t used = (size_t)snprintf(fs->done, sizeof fs->done, "New rent %s %s from %s",
				       money_format(r->amount, money, sizeof money),
				       rent_period_label((enum rent_period)r->period),
				       zone_format(r->from, day, sizeof day));
	if (home_uc_monthly(fs->app->db, (enum rent_period)r->period, r->amount, &monthly) == 0 &&
	    used < sizeof fs->done)
		snprintf(fs->done + used, sizeof fs->done - used, " (Universal Credit %s a month);"
			 " the rents before it are kept", money_format(monthly, uc, sizeof uc));
	return DB_OK;
}

static const struct fdesc rate_form = {
	.name = "Rent change",
	.area = 1,
	.spec = rate_fields,
	.n = R_COUNT,
	.rec_size = sizeof(struct rate_rec),
	.save = rate_save,
	.errs = rate_errs,
	.nerrs = (int)(sizeof rate_errs / sizeof rate_errs[0]),
};

struct screen *screen_rent_change_new(struct app *app, const struct home *h)
{
	struct rate_rec r = { .period = RENT_WEEKLY };
	struct rent_rate now;
	char title[HOME_REF_MAX * 4 + HOME_ADDRESS_MAX * 4 + 32], today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	text_copy(r.from, sizeof r.from, today);
	if (rent_rate_on(app->db, &app->who, h->id, "2999-12-31", &now) == DB_OK) {
		r.period = (int)now.period;
		r.amount = now.amount_pence;
	}
	snprintf(title, sizeof title, "New rent for %s, %s", h->ref, h->address);
	return form_screen_new(app, &rate_form, title, &r, &h->id, sizeof h->id);
}

/* ---- the rent review ---------------------------------------------------------------- */

struct review_rec {
	char from[ISO_DATE_LEN];
	char change[64];
};

enum { V_FROM, V_CHANGE, V_COUNT };

static const struct form_spec review_fields[V_COUNT] = {
	[V_FROM] = {
		.label = "New rents from", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct review_rec, from),
		.help = "The first day of every new rent, dd/mm/yyyy.",
	},
	[V_CHANGE] = {
		.label = "Change", .kind = FORM_TEXT, .required = 1, .max_chars = 20,
		FORM_AT(struct review_rec, change),
		.help = "A percentage (3.5%) or an amount a period (£2.50); a minus lowers the rent."
			" Rounded to the nearest penny, a half penny up.",
	},
};

static const struct ferr review_errs[] = { { "", V_FROM } };

static int write_preview(struct app *app, const void *ctx, const struct report_opts *o,
			 FILE *out)
{
	return report_rent_review(app->db, &app->who, ctx, o, out);
}

/* The preview's key: every new rent in one transaction, or none. */
static void apply(struct app *app, const void *ctx)
{
	struct rent_review_ask a;
	int64_t count = 0;
	char day[ZONE_TIME_BUFSZ];
	memcpy(&a, ctx, sizeof a);   /* the document that holds ctx may close below */
	if (rent_review_apply(app->db, &app->who, (enum home_which)a.which, a.from, &a.change,
			      &count) != DB_OK) {
		app_message(app, STYLE_ERROR, "Nothing saved: %s", db_errmsg(app->db));
		return;
	}
	app_pop(app);   /* the preview */
	app_pop(app);   /* the form */
	app_message(app, STYLE_OK, "Rent review saved: %lld %s a new rent from %s",
		    (long long)count, count == 1 ? "home has" : "homes have",
		    zone_format(a.from, day, sizeof day));
}

static int review_save(struct fscreen *fs)
{
	struct review_rec *r = fs->rec;
	struct rent_review_ask a;
	char why[160], day[ZONE_TIME_BUFSZ], title[96];
	memcpy(&a, fs->ctx, sizeof a);
	if (rent_change_parse(r->change, &a.change, why, sizeof why)) {
		form_set_error(fs->form, V_CHANGE, why);
		return FORM_STAY;
	}
	text_copy(a.from, sizeof a.from, r->from);
	snprintf(title, sizeof title, "Rent review from %s (%s)",
		 zone_format(a.from, day, sizeof day), a.what);
	struct screen *doc = screen_document_new(fs->app, title, write_preview, &a, sizeof a);
	document_confirm(doc, ACT_RENT_REVIEW, "save these rents",
			 "Save every new rent shown, in one step: all of them or none", apply);
	if (!doc)
		return FORM_STAY;
	app_push(fs->app, doc);
	return FORM_QUIET;
}

static const struct fdesc review_form = {
	.name = "Rent review",
	.area = 1,
	.spec = review_fields,
	.n = V_COUNT,
	.rec_size = sizeof(struct review_rec),
	.save = review_save,
	.errs = review_errs,
	.nerrs = 1,
};

struct screen *screen_rent_review_new(struct app *app, int which, const char *what)
{
	struct review_rec r = { "", "" };
	struct rent_review_ask a = { .which = which };
	char title[96];
	text_copy(a.what, sizeof a.what, what);
	snprintf(title, sizeof title, "Rent review: one new rent for every home listed (%s)", what);
	return form_screen_new(app, &review_form, title, &r, &a, sizeof a);
}
