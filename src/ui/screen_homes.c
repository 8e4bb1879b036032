/*
 * src/ui/screen_homes.c: the Tenancies area, the co-op's homes described
 * for the generic list screen: reference, address, type, bedrooms, the
 * rent now (a week) and its Universal Credit monthly equivalent, status
 * (let, void, unavailable), the current tenants and the open repairs,
 * paged from the database; let, void, unavailable or all; by reference or
 * by street; searched by reference, address, postcode or a current
 * tenant's name. A member sees only their own home. Enter opens the home.
 *
 *   v  the annual rent review (board): one new rent for the homes of the
 *      filter shown, previewed as a document before anything is saved
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/homes.h"
#include "coopdesk/money.h"
#include "list_screen.h"

#define ROW(r) ((const struct home_row *)(r))

static int cell_ref(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->ref);
	return -1;
}

static int cell_address(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	ui_join(buf, n, ROW(row)->address, ROW(row)->postcode[0] ? ", " : "", ROW(row)->postcode,
		NULL);
	return -1;
}

static int cell_kind(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->kind);
	return -1;
}

static int cell_beds(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%d", ROW(row)->bedrooms);
	return -1;
}

static int cell_rent(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->has_rent)
		money_format(ROW(row)->weekly_rent, buf, n);
	return -1;
}

static int cell_uc(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->has_rent)
		money_format(ROW(row)->uc_monthly, buf, n);
	return -1;
}

static int cell_status(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	enum home_status s = home_row_status(row);
	snprintf(buf, n, "%s", home_status_label(s));
	return s == HOME_LET ? -1 : s == HOME_VOID ? -1 : STYLE_DIM;
}

static int cell_tenants(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->tenants);
	return -1;
}

static int cell_repairs(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->open_repairs)
		snprintf(buf, n, "%lld", (long long)ROW(row)->open_repairs);
	return -1;
}

static const struct lcol columns[] = {
	{ "Ref", 8, 0, 0, cell_ref },
	{ "Address", 0, 0, 0, cell_address },
	{ "Type", 11, 110, 0, cell_kind },
	{ "Beds", 5, 100, 1, cell_beds },
	{ "Rent/wk", 9, 0, 1, cell_rent },
	{ "UC/month", 10, 0, 1, cell_uc },
	{ "Status", 12, 0, 0, cell_status },
	{ "Tenants", 0, 0, 0, cell_tenants },
	{ "Repairs", 8, 120, 1, cell_repairs },
};

static const char *const sorts[] = { "reference", "street" };
static const char *const filters[] = { "all homes", "let", "void", "unavailable" };
static const enum home_which which[] = { HOMES_ALL, HOMES_OCCUPIED, HOMES_VACANT,
					 HOMES_UNAVAILABLE };

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return home_page(ls->app->db, &ls->app->who, which[ls->filter], (enum home_sort)ls->sort,
			 ls->query, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	home_row_key(row, (enum home_sort)ls->sort, key);
}

static int64_t count(struct lscreen *ls)
{
	int64_t all;
	if (ls->query[0] || which[ls->filter] != HOMES_ALL ||
	    home_count(ls->app->db, &ls->app->who, &all) != DB_OK)
		return -1;
	return all;
}

static int row_style(const void *row)
{
	return home_row_status(row) == HOME_UNAVAILABLE ? STYLE_DIM : STYLE_NORMAL;
}

static struct screen *open(struct lscreen *ls, const void *row)
{
	return screen_home_record_new(ls->app, ROW(row)->id);
}

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_HOMES, OP_WRITE) == ACCESS_ALL;
}

static void review(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_rent_review_new(ls->app, which[ls->filter], filters[ls->filter]));
}

static const struct lact actions[] = {
	{ .action = ACT_RENT_REVIEW, .allowed = board, .run = review,
	  .refused = "Only the board sets the rent" },
};

static const char *empty(struct lscreen *ls)
{
	if (ls->query[0])
		return "No home matches that search.";
	if (access_level(&ls->app->who, AREA_HOMES, OP_READ) == ACCESS_OWN)
		return "You hold no tenancy of a home of the co-op.";
	return which[ls->filter] == HOMES_ALL ? "No homes yet." : "No homes in this list.";
}

static const struct ldesc homes_list = {
	.name = "Homes",
	.area = 1,
	.access = AREA_HOMES,
	.row_size = sizeof(struct home_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.sorts = sorts,
	.nsorts = 2,
	.filters = filters,
	.nfilters = 4,
	.search_help = "a reference, an address, a postcode or a tenant's name",
	.search_min = 1,
	.fetch = fetch,
	.key_of = key_of,
	.count = count,
	.row_style = row_style,
	.open = open,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.empty = empty,
};

struct screen *screen_homes_new(struct app *app)
{
	return list_screen_new(app, &homes_list);
}
