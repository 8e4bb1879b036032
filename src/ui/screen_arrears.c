/*
 * src/ui/screen_arrears.c: the board's arrears list: every tenancy whose
 * balance today is above zero, with the amount, the weeks of rent it
 * makes and the day of the oldest charge still unpaid; current tenancies,
 * former tenants (apart, so that their arrears stay in view) or all (f);
 * largest first or by home (s). Enter opens the rent account.
 *
 *   P  post the rent charges due (the rent run)
 *   p  the arrears as a document, to read or print
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/zone.h"
#include "list_screen.h"
#include "rent_forms.h"
#include "rent_ui.h"

#define ROW(r) ((const struct rent_arrears_item *)(r))

static int cell_home(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->r.home_ref);
	return -1;
}

static int cell_tenants(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->r.tenants);
	return -1;
}

static int cell_owed(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	money_format(ROW(row)->r.balance_pence, buf, n);
	return STYLE_OVERDUE;
}

static int cell_weeks(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->r.weekly_rent)
		rent_weeks_format(ROW(row)->r.weeks_x100, buf, n);
	else
		snprintf(buf, n, "-");
	return -1;
}

static int cell_oldest(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	zone_format(ROW(row)->oldest_unpaid, buf, n);
	return -1;
}

static int cell_ended(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->r.end_date[0])
		zone_format(ROW(row)->r.end_date, buf, n);
	else
		snprintf(buf, n, "current");
	return ROW(row)->r.end_date[0] ? STYLE_DIM : -1;
}

static const struct lcol columns[] = {
	{ "Home", 10, 0, 0, cell_home },
	{ "Tenants", 0, 0, 0, cell_tenants },
	{ "Owed", 12, 0, 1, cell_owed },
	{ "Weeks", 7, 0, 1, cell_weeks },
	{ "Oldest unpaid", 15, 0, 0, cell_oldest },
	{ "Ended", 11, 70, 0, cell_ended },
};

static const char *const sorts[] = { "largest first", "home" };
static const char *const filters[] = { "current tenancies", "former tenants", "all tenancies" };
static const enum tenancy_which which_of[] = { TENANCIES_CURRENT, TENANCIES_FORMER,
					       TENANCIES_ALL };

static void query(const struct lscreen *ls, struct rent_arrears_query *q)
{
	memset(q, 0, sizeof *q);
	q->which = which_of[ls->filter];
	q->sort = ls->sort == 1 ? RENT_ARREARS_BY_HOME : RENT_ARREARS_BY_AMOUNT;
}

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	struct rent_arrears_query q;
	query(ls, &q);
	return rent_arrears_list(ls->app->db, &ls->app->who, &q, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	struct rent_arrears_query q;
	query(ls, &q);
	rent_arrears_item_key(&q, row, key);
}

static struct screen *open(struct lscreen *ls, const void *row)
{
	return screen_rent_account_new(ls->app, ROW(row)->r.tenancy_id);
}

static void draw_extra(struct lscreen *ls, WINDOW *w, int y, int width)
{
	(void)ls;
	draw_text(w, y, 1, width - 2, "Balances today; weeks of the rent in force; the oldest"
		  " charge not yet paid.");
}

static const char *empty(struct lscreen *ls)
{
	return ls->filter == 1 ? "No former tenant owes rent." : "No one is in arrears.";
}

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_RENT, OP_WRITE) == ACCESS_ALL;
}

static void post(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_rent_post_new(ls->app));
}

static int write_arrears(struct app *app, const void *ctx, const struct report_opts *o,
			 FILE *out)
{
	(void)ctx;
	return report_arrears(app->db, &app->who, NULL, o, out);
}

static void print(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_document_new(ls->app, "Rent arrears", write_arrears, NULL, 0));
}

static const struct lact actions[] = {
	{ .action = ACT_POST_RENT, .allowed = board, .run = post,
	  .refused = "Only the board posts the rent charges" },
	{ .action = ACT_PRINT, .run = print,
	  .help = "The arrears as a document (current tenancies, then former tenants)" },
};

static const struct ldesc arrears_list = {
	.name = "Rent arrears",
	.area = 1,
	.access = AREA_RENT,
	.whole = 1,
	.row_size = sizeof(struct rent_arrears_item),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.sorts = sorts,
	.nsorts = 2,
	.filters = filters,
	.nfilters = 3,
	.extra_lines = 1,
	.fetch = fetch,
	.key_of = key_of,
	.open = open,
	.open_label = "rent account",
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.draw_extra = draw_extra,
	.empty = empty,
};

struct screen *screen_arrears_new(struct app *app)
{
	return list_screen_new(app, &arrears_list);
}
