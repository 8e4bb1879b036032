/*
 * src/ui/screen_contractors.c: the contractors, described for the generic
 * list screen over contractor_page: by name, those in use or all, searched
 * by name or trade; Enter opens one (screen_contractor.c), n adds one,
 * e edits the selected one, u sets it out of use or in use again. Reached
 * from the Repairs list.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/contractors.h"
#include "contractors_ui.h"

#define ROW(r) ((const struct contractor_row *)(r))

enum { SHOW_IN_USE, SHOW_ALL };
static const char *const filter_names[] = {
	[SHOW_IN_USE] = "in use", [SHOW_ALL] = "all, out of use too",
};

static int cell_name(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->name);
	return -1;
}

static int cell_trade(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->trade);
	return -1;
}

static int cell_phone(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->phone);
	return -1;
}

static int cell_use(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->in_use ? "in use" : "out of use");
	return -1;
}

static const struct lcol columns[] = {
	{ "Name", 0, 0, 0, cell_name },
	{ "Trade", 22, 0, 0, cell_trade },
	{ "Phone", 17, 70, 0, cell_phone },
	{ "Use", 11, 0, 0, cell_use },
};

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return contractor_page(ls->app->db, &ls->app->who, ls->filter == SHOW_IN_USE,
			       ls->query[0] ? ls->query : NULL, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	contractor_row_key(row, key);
}

static int row_style(const void *row)
{
	return ROW(row)->in_use ? STYLE_NORMAL : STYLE_DIM;
}

static struct screen *open(struct lscreen *ls, const void *row)
{
	return screen_contractor_new(ls->app, ROW(row)->id);
}

static int office(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_REPAIRS, OP_WRITE) == ACCESS_ALL;
}

static void add(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_contractor_add_new(ls->app));
}

static void edit(struct lscreen *ls, const void *row)
{
	struct contractor c;
	if (contractor_get(ls->app->db, &ls->app->who, ROW(row)->id, &c)) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(ls->app->db));
		return;
	}
	app_push(ls->app, screen_contractor_edit_new(ls->app, &c));
}

static const char *use_word(const struct lscreen *ls, const void *row)
{
	(void)ls;
	return row && !ROW(row)->in_use ? "in use" : "out of use";
}

static void ask_use(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->in_use)
		snprintf(buf, n, "Set %s out of use? No new repair can be assigned to them. y/n ",
			 ROW(row)->name);
	else
		snprintf(buf, n, "Set %s in use again? y/n ", ROW(row)->name);
}

static void toggle(struct lscreen *ls, const void *row)
{
	int64_t id = ROW(row)->id;
	int rc = contractor_toggle(ls->app, id);
	if (rc)
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(ls->app->db));
	else
		ls_note(ls, STYLE_OK, "%s is now %s", ROW(row)->name,
			ROW(row)->in_use ? "out of use" : "in use");
	ls_reload(ls);
}

static const struct lact actions[] = {
	{ .action = ACT_NEW, .help = "Add a contractor", .allowed = office, .run = add,
	  .refused = "Only the board and volunteers add contractors" },
	{ .action = ACT_EDIT, .help = "Edit the selected contractor's name, trade, phone and email",
	  .allowed = office, .run = edit, .needs_row = 1,
	  .refused = "Only the board and volunteers edit contractors" },
	{ .action = ACT_IN_USE, .label_of = use_word, .allowed = office, .run = toggle,
	  .needs_row = 1, .confirm = ask_use,
	  .refused = "Only the board and volunteers set a contractor in or out of use" },
};

static const char *empty(struct lscreen *ls)
{
	(void)ls;
	return "No contractors here.";
}

static const struct ldesc contractors_list = {
	.name = "Contractors",
	.area = 3,
	.access = AREA_REPAIRS,
	.whole = 1,
	.row_size = sizeof(struct contractor_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.filters = filter_names,
	.nfilters = (int)(sizeof filter_names / sizeof filter_names[0]),
	.search_help = "a contractor's name or trade (the start of each word)",
	.search_min = 1,
	.fetch = fetch,
	.key_of = key_of,
	.row_style = row_style,
	.open = open,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.empty = empty,
};

struct screen *screen_contractors_new(struct app *app)
{
	return list_screen_new(app, &contractors_list);
}
