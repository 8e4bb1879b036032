/*
 * src/ui/screen_home_record.c: one home, described for the record screen:
 * its details, who holds it now and its rent, and its repairs as a
 * sub-list (Enter opens one). The Tenancies area (a later issue) opens it
 * from the homes list; the go-to key opens it by reference now.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/homes.h"
#include "coopdesk/money.h"
#include "coopdesk/rent_calc.h"
#include "coopdesk/repairs.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/zone.h"
#include "record.h"

struct home_extra {
	char tenants[HOME_TENANTS_LEN + 64];
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
	x->tenants[0] = '\0';
	struct tenancy *t = malloc(sizeof *t);
	if (t && tenancy_current_for_home(rs->app->db, &rs->app->who, h->id, t) == DB_OK) {
		size_t used = 0;
		for (int i = 0; i < t->nsignatories && used < sizeof x->tenants; i++)
			used += (size_t)snprintf(x->tenants + used, sizeof x->tenants - used, "%s%s",
						 i ? ", " : "", t->signatories[i].name);
		char day[ZONE_TIME_BUFSZ];
		if (used < sizeof x->tenants)
			snprintf(x->tenants + used, sizeof x->tenants - used, " (since %s)",
				 zone_format(t->start_date, day, sizeof day));
	}
	free(t);
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

static void rows(struct rscreen *rs)
{
	const struct home *h = rs->rec;
	const struct home_extra *x = rs->priv;
	char buf[512], money[MONEY_BUFSZ], uc[MONEY_BUFSZ];
	record_row(rs, "Reference", h->ref, -1);
	char address[sizeof h->address + sizeof h->postcode + 4];
	ui_join(address, sizeof address, h->address, h->postcode[0] ? ", " : "", h->postcode, NULL);
	record_row(rs, "Address", address, -1);
	snprintf(buf, sizeof buf, "%s, %d bedroom%s", h->kind, h->bedrooms,
		 h->bedrooms == 1 ? "" : "s");
	record_row(rs, "Type", buf, -1);
	record_row(rs, "Status", !h->in_use ? "out of use" : x->tenants[0] ? "let" : "void", -1);
	record_row(rs, "Tenants", x->tenants[0] ? x->tenants : "none", -1);
	if (x->has_rent) {
		int64_t monthly;
		money_format(x->rate.amount_pence, money, sizeof money);
		snprintf(buf, sizeof buf, "%s %s", money, rent_period_label(x->rate.period));
		if (rent_uc_monthly(x->rate.period, x->rate.amount_pence, 0, &monthly) == 0) {
			size_t used = strlen(buf);
			money_format(monthly, uc, sizeof uc);
			snprintf(buf + used, sizeof buf - used, " (Universal Credit monthly %s)", uc);
		}
		record_row(rs, "Rent", buf, -1);
	}
	if (h->notes[0])
		record_row(rs, "Notes", h->notes, -1);
}

static int repairs_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
			void *rows, int max, int *n)
{
	struct repair_filter f;
	memset(&f, 0, sizeof f);
	f.which = REPAIRS_ALL;
	f.home_id = rs->id;
	return repair_page(rs->app->db, &rs->app->who, &f, REPAIR_NEWEST, dir, key, rows, max, n);
}

static void repair_key(const void *row, struct page_key *key)
{
	repair_row_key(row, REPAIR_NEWEST, key);
}

static int64_t repair_id(const void *row)
{
	return ((const struct repair_row *)row)->id;
}

static int repair_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct repair_row *r = row;
	char ref[REF_BUFSZ];
	(void)rs;
	snprintf(buf, n, "%s  %-11s %s%s", ref_format('R', r->id, ref, sizeof ref),
		 repair_status_label(r->status), r->overdue ? "! " : "", r->title);
	return r->overdue ? STYLE_OVERDUE : r->status == REPAIR_CLOSED || r->status == REPAIR_CANCELLED
		? STYLE_DIM : -1;
}

static struct screen *open_repair(struct rscreen *rs, const void *row)
{
	return screen_repair_new(rs->app, repair_id(row));
}

static int sees_repairs(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_REPAIRS, OP_READ) != ACCESS_NONE;
}

static const struct rsub subs[] = {
	{
		.title = "Repairs",
		.row_size = sizeof(struct repair_row),
		.fetch = repairs_page,
		.key_of = repair_key,
		.line = repair_line,
		.open = open_repair,
		.empty = "No repairs.",
		.allowed = sees_repairs,
	},
};

static const struct rdesc home_record = {
	.name = "A home",
	.area = 1,
	.rec_size = sizeof(struct home),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = subs,
	.nsubs = 1,
	.priv_size = sizeof(struct home_extra),
};

struct screen *screen_home_record_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &home_record, id);
}
