/*
 * src/ui/screen_home_subs.c: a home's sub-lists, each a virtual list paged
 * from the database: its rents (each from its effective date, the one in
 * force today marked), its tenancies (who held it, from when to when) and
 * its repairs (Enter opens the repair's record).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/homes.h"
#include "coopdesk/money.h"
#include "coopdesk/repairs.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/zone.h"
#include "home_record.h"

/* ---- rents -------------------------------------------------------------------- */

static int rents_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		      void *rows, int max, int *n)
{
	return rent_rate_page(rs->app->db, &rs->app->who, rs->id, dir, key, rows, max, n);
}

static void rent_key(const void *row, struct page_key *key)
{
	rent_rate_key(row, key);
}

static int rent_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct rent_rate *r = row;
	char day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ], uc[MONEY_BUFSZ], today[DATE_BUFSZ];
	int64_t monthly;
	date_format_iso(date_today(), today, sizeof today);
	money_format(r->amount_pence, money, sizeof money);
	if (home_uc_monthly(rs->app->db, r->period, r->amount_pence, &monthly))
		snprintf(uc, sizeof uc, "?");
	else
		money_format(monthly, uc, sizeof uc);
	int future = strcmp(r->effective_from, today) > 0;
	snprintf(buf, n, "from %s  %s %s  (Universal Credit %s a month)%s",
		 zone_format(r->effective_from, day, sizeof day), money,
		 rent_period_label(r->period), uc, future ? "  to come" : "");
	return future ? STYLE_OK : -1;
}

/* ---- tenancies ------------------------------------------------------------------ */

static int tenancies_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
			  void *rows, int max, int *n)
{
	return tenancy_page(rs->app->db, &rs->app->who, TENANCIES_ALL, rs->id, TENANCY_BY_HOME,
			    dir, key, rows, max, n);
}

static void tenancy_key(const void *row, struct page_key *key)
{
	tenancy_row_key(row, TENANCY_BY_HOME, key);
}

static int tenancy_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct tenancy_row *t = row;
	char from[ZONE_TIME_BUFSZ], to[ZONE_TIME_BUFSZ];
	(void)rs;
	zone_format(t->start_date, from, sizeof from);
	if (t->end_date[0])
		zone_format(t->end_date, to, sizeof to);
	else
		snprintf(to, sizeof to, "now");
	snprintf(buf, n, "%s to %-10s  %s  (%s)", from, to, t->tenants, t->kind);
	return t->end_date[0] ? STYLE_DIM : -1;
}

/* ---- repairs -------------------------------------------------------------------- */

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
	return screen_repair_new(rs->app, ((const struct repair_row *)row)->id);
}

static int sees_repairs(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_REPAIRS, OP_READ) != ACCESS_NONE;
}

static int sees_tenancies(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_TENANCIES, OP_READ) != ACCESS_NONE;
}

const struct rsub home_subs[HOME_SUBS] = {
	[SUB_RENTS] = {
		.title = "Rent history",
		.row_size = sizeof(struct rent_rate),
		.fetch = rents_page,
		.key_of = rent_key,
		.line = rent_line,
		.empty = "No rent set yet.",
	},
	[SUB_TENANCIES] = {
		.title = "Tenancies",
		.row_size = sizeof(struct tenancy_row),
		.fetch = tenancies_page,
		.key_of = tenancy_key,
		.line = tenancy_line,
		.empty = "Never let.",
		.allowed = sees_tenancies,
	},
	[SUB_REPAIRS] = {
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
