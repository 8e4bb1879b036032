/*
 * src/ui/screen_home_record.c: one home, described for the record screen:
 * its details (status, who holds it now and since when, the other
 * occupants, its rent and the Universal Credit equivalent) and its
 * sub-lists (screen_home_subs.c): rent history, tenancies, repairs. The
 * Tenancies area opens it from the homes list; the go-to key by reference.
 *
 * The board's keys here: start a tenancy (a void home), end the current
 * tenancy, set a new rent from a day, take a void home out of use
 * (unavailable) or put it back. Volunteers read; a member sees only
 * their own home (the data layer answers "no such home" for any other).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/homes.h"
#include "coopdesk/money.h"
#include "coopdesk/rent_calc.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/zone.h"
#include "home_record.h"
#include "rent_ui.h"

struct home_extra {
	int let;                     /* t is the current tenancy */
	struct tenancy t;
	int has_rent;
	struct rent_rate rate;
};

static int load(struct rscreen *rs)
{
	struct home *h = rs->rec;
	struct home_extra *x = rs->priv;
	int rc = home_get(rs->app->db, &rs->app->who, rs->id, h);
	if (rc)
		return rc;
	x->let = tenancy_current_for_home(rs->app->db, &rs->app->who, h->id, &x->t) == DB_OK;
	char today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	x->has_rent = rent_rate_on(rs->app->db, &rs->app->who, h->id, today, &x->rate) == DB_OK;
	return DB_OK;
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct home *h = rs->rec;
	snprintf(buf, n, "Home %s  %s", h->ref, h->address);
}

static void tenants_row(struct rscreen *rs, const struct tenancy *t)
{
	char buf[HOME_TENANTS_LEN + 96], day[ZONE_TIME_BUFSZ];
	size_t used = 0;
	for (int i = 0; i < t->nsignatories && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s (no. %lld)",
					 i ? ", " : "", t->signatories[i].name,
					 (long long)t->signatories[i].member_no);
	if (used < sizeof buf)
		snprintf(buf + used, sizeof buf - used, ", since %s (%s)",
			 zone_format(t->start_date, day, sizeof day), t->kind);
	record_row(rs, "Tenants", buf, -1);
	char occ[TENANCY_MAX_OCCUPANTS * (OCCUPANT_NAME_MAX * 4 + OCCUPANT_RELATIONSHIP_MAX * 4 + 8)];
	used = 0;
	occ[0] = '\0';
	for (int i = 0; i < t->noccupants && used < sizeof occ; i++) {
		const struct tenancy_occupant *o = &t->occupants[i];
		if (o->to_date[0])
			continue;
		used += (size_t)snprintf(occ + used, sizeof occ - used, "%s%s%s%s%s", used ? "; " : "",
					 o->name, o->relationship[0] ? " (" : "", o->relationship,
					 o->relationship[0] ? ")" : "");
	}
	record_row(rs, "Other occupants", occ[0] ? occ : "none", -1);
}

static void rows(struct rscreen *rs)
{
	const struct home *h = rs->rec;
	const struct home_extra *x = rs->priv;
	char buf[512], money[MONEY_BUFSZ], uc[MONEY_BUFSZ], day[ZONE_TIME_BUFSZ];
	record_row(rs, "Reference", h->ref, -1);
	char address[sizeof h->address + sizeof h->postcode + 4];
	ui_join(address, sizeof address, h->address, h->postcode[0] ? ", " : "", h->postcode, NULL);
	record_row(rs, "Address", address, -1);
	snprintf(buf, sizeof buf, "%s, %d bedroom%s", h->kind, h->bedrooms,
		 h->bedrooms == 1 ? "" : "s");
	record_row(rs, "Type", buf, -1);
	record_row(rs, "Status", x->let ? "let" : h->in_use ? "void" : "unavailable (out of use)",
		   x->let ? -1 : STYLE_DIM);
	if (x->let)
		tenants_row(rs, &x->t);
	else
		record_row(rs, "Tenants", "none", -1);
	if (x->has_rent) {
		int64_t monthly, weekly;
		money_format(x->rate.amount_pence, money, sizeof money);
		size_t used = (size_t)snprintf(buf, sizeof buf, "%s %s from %s", money,
					       rent_period_label(x->rate.period),
					       zone_format(x->rate.effective_from, day, sizeof day));
		if (x->rate.period != RENT_WEEKLY &&
		    rent_weekly_equivalent(x->rate.period, x->rate.amount_pence, &weekly) == 0)
			used += (size_t)snprintf(buf + used, sizeof buf - used, " (%s a week)",
						 money_format(weekly, uc, sizeof uc));
		if (used < sizeof buf &&
		    home_uc_monthly(rs->app->db, x->rate.period, x->rate.amount_pence, &monthly) == 0)
			snprintf(buf + used, sizeof buf - used, "; Universal Credit monthly %s",
				 money_format(monthly, uc, sizeof uc));
		record_row(rs, "Rent", buf, -1);
	} else {
		record_row(rs, "Rent", "none set", STYLE_DIM);
	}
	/* The tenancy's balance and ledger are on its rent account (a). */
	if (h->notes[0])
		record_row(rs, "Notes", h->notes, -1);
}

/* ---- the board's actions ------------------------------------------------------ */

static int board(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_TENANCIES, OP_WRITE) == ACCESS_ALL;
}

static const struct home_extra *extra(const struct rscreen *rs)
{
	return rs->priv;
}

static int may_start(const struct rscreen *rs)
{
	return rs->ok && board(rs) && !extra(rs)->let && ((const struct home *)rs->rec)->in_use;
}

static int may_end(const struct rscreen *rs)
{
	return rs->ok && board(rs) && extra(rs)->let;
}

static int may_rent(const struct rscreen *rs)
{
	return rs->ok && access_level(&rs->app->who, AREA_HOMES, OP_WRITE) == ACCESS_ALL;
}

/* Out of use or back in use: a home without a current tenancy. */
static int may_use(const struct rscreen *rs)
{
	return rs->ok && access_level(&rs->app->who, AREA_HOMES, OP_WRITE) == ACCESS_ALL &&
	       !extra(rs)->let;
}

static const char *use_word(const struct rscreen *rs)
{
	return ((const struct home *)rs->rec)->in_use ? "unavailable" : "back in use";
}

static void use(struct rscreen *rs)
{
	app_push(rs->app, screen_home_use_new(rs->app, rs->rec));
}

static void start(struct rscreen *rs)
{
	app_push(rs->app, screen_tenancy_start_new(rs->app, rs->rec));
}

static void end(struct rscreen *rs)
{
	app_push(rs->app, screen_tenancy_end_new(rs->app, &extra(rs)->t));
}

static void rent(struct rscreen *rs)
{
	app_push(rs->app, screen_rent_change_new(rs->app, rs->rec));
}

/* The current tenancy's rent account: the board's, or a tenant's own
 * (the data layer refuses anyone else's). */
static int may_account(const struct rscreen *rs)
{
	return rs->ok && extra(rs)->let &&
	       access_level(&rs->app->who, AREA_RENT, OP_READ) != ACCESS_NONE;
}

static void account(struct rscreen *rs)
{
	app_push(rs->app, screen_rent_account_new(rs->app, extra(rs)->t.id));
}

static const struct ract acts[] = {
	{ .action = ACT_NEW, .label = "start tenancy", .allowed = may_start, .run = start,
	  .help = "Start a tenancy of this void home: its signatories (members) and other occupants" },
	{ .action = ACT_CEASE, .label = "end tenancy", .allowed = may_end, .run = end,
	  .help = "End the current tenancy on a day, with the reason; its rent account stays" },
	{ .action = ACT_RENT_CHANGE, .allowed = may_rent, .run = rent },
	{ .action = ACT_EDIT, .label_of = use_word, .allowed = may_use, .run = use,
	  .help = "Record that this void home is out of use (unavailable), or back in use" },
	{ .action = ACT_RENT_ACCOUNT, .allowed = may_account, .run = account },
};

static const char *why_not(struct rscreen *rs, enum action a)
{
	if ((a == ACT_NEW || a == ACT_CEASE || a == ACT_RENT_CHANGE || a == ACT_EDIT) && !board(rs))
		return "Only the board starts and ends tenancies, sets the rent and takes a home out"
		       " of use";
	if (a == ACT_EDIT)
		return "This home is let: it goes out of use only once its tenancy has ended";
	if (a == ACT_NEW && extra(rs)->let)
		return "This home is let: end its tenancy before starting another";
	if (a == ACT_NEW) {
		char key[KEY_NAME_MAX];
		snprintf(rs->scratch, sizeof rs->scratch, "This home is unavailable (out of use):"
			 " put it back in use (%s) before letting it",
			 ui_key(rs->app, rs->self, ACT_EDIT, key, sizeof key));
		return rs->scratch;
	}
	if (a == ACT_CEASE)
		return "This home has no current tenancy to end";
	return NULL;
}

static const struct rdesc home_record = {
	.name = "A home",
	.area = 1,
	.rec_size = sizeof(struct home),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = home_subs,
	.nsubs = HOME_SUBS,
	.acts = acts,
	.nacts = (int)(sizeof acts / sizeof acts[0]),
	.why_not = why_not,
	.priv_size = sizeof(struct home_extra),
};

struct screen *screen_home_record_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &home_record, id);
}
