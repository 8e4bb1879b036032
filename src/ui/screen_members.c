/*
 * src/ui/screen_members.c: the Members area, the register of members
 * (the Act s.30(2)) described for the generic list screen: number, name,
 * address, entered, ceased, shares held and home, paged from the
 * database; current, former or all; by number or by name; searched by
 * name, address, postcode or number. The shares and home columns show
 * what the data layer lets this person see: the board all, a member their
 * own. Enter opens the member's entry.
 *
 *   n  admit a member (board)
 *   p  the register as a document: the board's as at a date it asks;
 *      anyone else's is the inspection copy
 *   i  the inspection copy (s.103): no share or property columns
 *   m  your own shareholding;  o  officers;  w  the share register (board);
 *   y  participation in a year it asks (board)
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/zone.h"
#include "list_screen.h"
#include "members_area.h"

/* ---- cells ------------------------------------------------------------------ */

#define ROW(r) ((const struct member_row *)(r))

static int cell_no(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%lld", (long long)ROW(row)->member_no);
	return -1;
}

static int cell_name(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->name);
	return -1;
}

static int cell_address(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	ui_join(buf, n, ROW(row)->address, ROW(row)->postcode[0] ? ", " : "", ROW(row)->postcode,
		NULL);
	return -1;
}

static int cell_entered(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	zone_format(ROW(row)->entered_on, buf, n);
	return -1;
}

static int cell_ceased(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->ceased_on[0])
		zone_format(ROW(row)->ceased_on, buf, n);
	return -1;
}

static int cell_shares(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->shares_held >= 0)
		snprintf(buf, n, "%lld", (long long)ROW(row)->shares_held);
	return -1;
}

static int cell_home(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->home_ref);
	return -1;
}

static const struct lcol columns[] = {
	{ "No.", 7, 0, 1, cell_no },
	{ "Name", 0, 0, 0, cell_name },
	{ "Address", 0, 0, 0, cell_address },
	{ "Entered", 12, 0, 0, cell_entered },
	{ "Ceased", 12, 100, 0, cell_ceased },
	{ "Shares", 7, 70, 1, cell_shares },
	{ "Home", 10, 80, 0, cell_home },
};

/* ---- rows -------------------------------------------------------------------- */

static const char *const sorts[] = { "number", "name" };
static const char *const filters[] = { "current members", "former members", "all members" };
static const enum member_which which[] = { MEMBERS_CURRENT, MEMBERS_FORMER, MEMBERS_ALL };

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return member_page(ls->app->db, &ls->app->who, which[ls->filter], (enum member_sort)ls->sort,
			   ls->query, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	member_row_key(row, (enum member_sort)ls->sort, key);
}

static int64_t count(struct lscreen *ls)
{
	int64_t all, current;
	if (ls->query[0] || member_count(ls->app->db, &all, &current) != DB_OK)
		return -1;
	return which[ls->filter] == MEMBERS_CURRENT ? current
	     : which[ls->filter] == MEMBERS_FORMER ? all - current : all;
}

static int row_style(const void *row)
{
	return ROW(row)->ceased_on[0] ? STYLE_DIM : STYLE_NORMAL;
}

static struct screen *open(struct lscreen *ls, const void *row)
{
	return screen_member_new(ls->app, ROW(row)->id);
}

/* ---- the documents and the other registers ---------------------------------------- */


static void admit(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_member_admit_new(ls->app));
}

static void officers(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_officers_new(ls->app));
}

static void share_register(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_shares_new(ls->app));
}

static const struct lact actions[] = {
	{ .action = ACT_NEW, .label = "admit", .allowed = members_board, .run = admit,
	  .help = "Admit a member: their entry and their share, in one step",
	  .refused = "Only the board admits members" },
	{ .action = ACT_PRINT, .label = "register", .allowed = members_board, .run = members_print_at,
	  .ask = members_ask_day,
	  .help = "The register as it stood on a day you give, to read or print" },
	{ .action = ACT_PRINT, .label = "register", .allowed = members_not_board,
	  .run = members_inspection_today,
	  .help = "The register for inspection, as it stands today, to read or print" },
	{ .action = ACT_INSPECTION, .allowed = members_board, .run = members_print_at,
	  .ask = members_ask_day, .unhinted = 1 },
	{ .action = ACT_INSPECTION, .allowed = members_not_board,
	  .run = members_inspection_today, .unhinted = 1 },
	{ .action = ACT_MINE, .allowed = members_has_member, .run = members_mine },
	{ .action = ACT_OFFICERS, .run = officers },
	{ .action = ACT_SHARE_REGISTER, .allowed = members_board, .run = share_register,
	  .refused = "Only the board sees the share register; your own shares are on your entry" },
	{ .action = ACT_PARTICIPATION, .allowed = members_board, .run = members_participation,
	  .ask = members_ask_year, .unhinted = 1,
	  .refused = "Only the board sees everyone's participation; yours is on your entry" },
};

static const struct ldesc members_list = {
	.name = "Members",
	.area = 2,
	.access = AREA_REGISTER,
	.row_size = sizeof(struct member_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.sorts = sorts,
	.nsorts = 2,
	.filters = filters,
	.nfilters = 3,
	.search_help = "a name, an address, a postcode or a member number",
	.search_min = 1,
	.fetch = fetch,
	.key_of = key_of,
	.count = count,
	.row_style = row_style,
	.open = open,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
};

struct screen *screen_members_new(struct app *app)
{
	return list_screen_new(app, &members_list);
}
