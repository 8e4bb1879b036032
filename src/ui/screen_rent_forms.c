/*
 * src/ui/screen_rent_forms.c: the board's forms on a rent account, each a
 * descriptor for the form screen (form.h):
 *
 *   entry    a payment (how, reference), an adjustment either way (why), or
 *            a refund (how): rent_record
 *   reverse  a row put right by a reversal that names it: rent_reverse
 *   post     the rent charges due up to a day: rent_charge_run_summary,
 *            which says what it posted
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "rent_forms.h"

static void today(char iso[ISO_DATE_LEN])
{
	date_format_iso(date_today(), iso, ISO_DATE_LEN);
}

/* ---- a payment, adjustment or refund ---------------------------------------- */

static const char *const kinds[] = {
	"payment", "adjustment: less owed", "adjustment: more owed", "refund", NULL
};
enum { K_PAYMENT, K_LESS, K_MORE, K_REFUND };

/* "none", then rent_methods. */
static const char *const methods[] = {
	"none", "cash", "cheque", "bank transfer", "standing order", "direct debit", "card",
	"Universal Credit", "housing benefit", "other", NULL
};

struct entry {
	int64_t tenancy_id;
	char who[200];
	int kind, method;
	char on[ISO_DATE_LEN];
	int64_t amount;
	char reference[RENT_REFERENCE_MAX * 4 + 1];
	char note[RENT_DESCRIPTION_MAX * 4 + 1];
};

enum { E_KIND, E_ON, E_AMOUNT, E_METHOD, E_REFERENCE, E_NOTE, E_COUNT };

static const struct form_spec entry_fields[E_COUNT] = {
	[E_KIND] = {
		.label = "What", .kind = FORM_CHOICE, .required = 1, .choices = kinds,
		FORM_AT(struct entry, kind),
		.help = "A payment; an adjustment that takes off what is owed or adds to it; or"
			" a refund of money in credit.",
	},
	[E_ON] = {
		.label = "Date", .kind = FORM_DATE, .required = 1, FORM_AT(struct entry, on),
		.help = "The day it was paid or made, dd/mm/yyyy; not a day still to come.",
	},
	[E_AMOUNT] = {
		.label = "Amount", .kind = FORM_MONEY, .required = 1, .min = 1, .max = 99999999,
		FORM_AT(struct entry, amount),
		.help = "In pounds and pence: 92.31 or £1,250.00.",
	},
	[E_METHOD] = {
		.label = "How", .kind = FORM_CHOICE, .required = 1, .choices = methods,
		FORM_AT(struct entry, method),
		.help = "How a payment or refund was made; none for an adjustment.",
	},
	[E_REFERENCE] = {
		.label = "Reference", .kind = FORM_TEXT, .max_chars = RENT_REFERENCE_MAX,
		FORM_AT(struct entry, reference),
		.help = "Optional: the bank's reference, a cheque number, a receipt number.",
	},
	[E_NOTE] = {
		.label = "Note", .kind = FORM_TEXT, .max_chars = RENT_DESCRIPTION_MAX,
		FORM_AT(struct entry, note),
		.help = "What it is, on the statement; needed for an adjustment: why.",
	},
};

static const struct ferr entry_errs[] = {
	{ "future", E_ON }, { "date", E_ON }, { "amount", E_AMOUNT }, { "method", E_METHOD },
	{ "made by", E_METHOD }, { "reference", E_REFERENCE }, { "description", E_NOTE },
};

static int entry_save(struct fscreen *fs)
{
	struct entry *e = fs->rec;
	struct rent_new n = { .tenancy_id = e->tenancy_id };
	char money[MONEY_BUFSZ], now[MONEY_BUFSZ];
	int adjustment = e->kind == K_LESS || e->kind == K_MORE;
	if (adjustment && e->method != 0) {
		form_set_error(fs->form, E_METHOD, "an adjustment is not paid: choose none");
		return FORM_STAY;
	}
	if (!adjustment && e->method == 0) {
		form_set_error(fs->form, E_METHOD, e->kind == K_PAYMENT ? "say how it was paid"
					  : "say how it was refunded");
		return FORM_STAY;
	}
	if (adjustment && !e->note[0]) {
		form_set_error(fs->form, E_NOTE, "say why the account is adjusted");
		return FORM_STAY;
	}
	n.kind = e->kind == K_PAYMENT ? RENT_PAYMENT : e->kind == K_REFUND ? RENT_REFUND
		 : RENT_ADJUSTMENT;
	n.amount_pence = e->kind == K_PAYMENT || e->kind == K_LESS ? -e->amount : e->amount;
	snprintf(n.entry_date, sizeof n.entry_date, "%s", e->on);
	snprintf(n.method, sizeof n.method, "%s", e->method > 0 ? methods[e->method] : "");
	snprintf(n.reference, sizeof n.reference, "%s", e->reference);
	snprintf(n.description, sizeof n.description, "%s", e->note);
	int64_t id = 0, balance = 0;
	int rc = rent_record(fs->app->db, &fs->app->who, &n, &id);
	if (rc == DB_OK) {
		rent_balance(fs->app->db, &fs->app->who, e->tenancy_id, &balance, NULL);
		snprintf(fs->done, sizeof fs->done, "Row %lld: %s of %s recorded for %s; the balance"
			 " is now %s", (long long)id, kinds[e->kind],
			 money_format(e->amount, money, sizeof money), e->who,
			 money_format(balance, now, sizeof now));
	}
	return rc;
}

static const struct fdesc entry_form = {
	.name = "A payment, adjustment or refund",
	.area = 1,
	.spec = entry_fields,
	.n = E_COUNT,
	.rec_size = sizeof(struct entry),
	.save = entry_save,
	.errs = entry_errs,
	.nerrs = (int)(sizeof entry_errs / sizeof entry_errs[0]),
};

struct screen *screen_rent_entry_new(struct app *app, int64_t tenancy_id, const struct tenancy *t)
{
	struct entry e = { .tenancy_id = tenancy_id, .kind = K_PAYMENT, .method = 3 };
	char title[300];
	snprintf(e.who, sizeof e.who, "%s, tenancy %lld", t->home_ref, (long long)tenancy_id);
	today(e.on);
	snprintf(title, sizeof title, "A payment, adjustment or refund: %s", e.who);
	return form_screen_new(app, &entry_form, title, &e, NULL, 0);
}

/* ---- a reversal ---------------------------------------------------------------- */

struct reversal {
	int64_t entry_id;
	char on[ISO_DATE_LEN];
	char why[RENT_DESCRIPTION_MAX * 4 + 1];
};

enum { R_ON, R_WHY, R_COUNT };

static const struct form_spec reverse_fields[R_COUNT] = {
	[R_ON] = {
		.label = "Dated", .kind = FORM_DATE, .required = 1, FORM_AT(struct reversal, on),
		.help = "The day of the correction, dd/mm/yyyy: on or after the row's, not to come.",
	},
	[R_WHY] = {
		.label = "Why", .kind = FORM_TEXT, .required = 1, .max_chars = 150,
		FORM_AT(struct reversal, why),
		.help = "What was wrong with the row (\"cheque bounced\", \"keyed twice\"): the"
			" statement shows it.",
	},
};

static const struct ferr reverse_errs[] = {
	{ "dated", R_ON }, { "future", R_ON }, { "date", R_ON }, { "why", R_WHY },
};

static int reverse_save(struct fscreen *fs)
{
	struct reversal *r = fs->rec;
	int64_t id = 0;
	int rc = rent_reverse(fs->app->db, &fs->app->who, r->entry_id, r->on, r->why, &id);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Row %lld reverses row %lld", (long long)id,
			 (long long)r->entry_id);
	return rc;
}

static const struct fdesc reverse_form = {
	.name = "Reverse a rent account row",
	.area = 1,
	.spec = reverse_fields,
	.n = R_COUNT,
	.rec_size = sizeof(struct reversal),
	.save = reverse_save,
	.errs = reverse_errs,
	.nerrs = (int)(sizeof reverse_errs / sizeof reverse_errs[0]),
};

struct screen *screen_rent_reverse_new(struct app *app, const struct rent_entry *e)
{
	struct reversal r = { .entry_id = e->id };
	char title[160], day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ], back[MONEY_BUFSZ];
	today(r.on);
	snprintf(title, sizeof title, "Reverse row %lld (%s, %s, %s) with a row of %s naming it",
		 (long long)e->id, rent_entry_kind_name(e->kind),
		 money_format(e->amount_pence, money, sizeof money),
		 zone_format(e->entry_date, day, sizeof day),
		 money_format(-e->amount_pence, back, sizeof back));
	return form_screen_new(app, &reverse_form, title, &r, NULL, 0);
}

/* ---- posting the charges ------------------------------------------------------- */

struct post {
	char through[ISO_DATE_LEN];
};

static const struct form_spec post_fields[1] = {
	{
		.label = "Up to", .kind = FORM_DATE, .required = 1, FORM_AT(struct post, through),
		.help = "Every charge falling due up to this day is posted (rent is due in advance:"
			" at most 31 days ahead). Charges posted already are never posted again.",
	},
};

static const struct ferr post_errs[] = { { "", 0 } };

static int post_save(struct fscreen *fs)
{
	struct post *p = fs->rec;
	struct rent_run_result r;
	int rc = rent_charge_run_summary(fs->app->db, &fs->app->who, p->through, &r);
	if (rc == DB_OK)
		rent_run_words(&r, p->through, fs->done, sizeof fs->done);
	return rc;
}

static const struct fdesc post_form = {
	.name = "Post the rent charges",
	.area = 1,
	.spec = post_fields,
	.n = 1,
	.rec_size = sizeof(struct post),
	.save = post_save,
	.errs = post_errs,
	.nerrs = 1,
};

struct screen *screen_rent_post_new(struct app *app)
{
	struct post p;
	today(p.through);
	return form_screen_new(app, &post_form, "Post the rent charges due, for every tenancy", &p,
			       NULL, 0);
}
