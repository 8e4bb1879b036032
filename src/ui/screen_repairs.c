/*
 * src/ui/screen_repairs.c: the Repairs list, described for the generic
 * list screen (list_screen.h): columns, sorts, filters and the search over
 * repair_page.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/repairs.h"
#include "coopdesk/zone.h"
#include "list_screen.h"
#include "repairs_ui.h"

static const char *const sort_names[] = {
	[REPAIR_NEWEST] = "newest first",
	[REPAIR_BY_TARGET] = "target date",
	[REPAIR_BY_PRIORITY] = "priority",
	[REPAIR_BY_STATUS] = "status",
	[REPAIR_BY_HOME] = "home",
};
/* f cycles these: the three sets, each status, then the open repairs of a
 * priority, of Right to Repair and of damp and mould. */
enum {
	SHOW_OPEN, SHOW_OVERDUE, SHOW_ALL, SHOW_STATUS, /* + each status */
	SHOW_PRIORITY = SHOW_STATUS + REPAIR_STATUS_COUNT, /* + emergency .. planned */
	SHOW_RTR = SHOW_PRIORITY + REPAIR_PLANNED, SHOW_DAMP, SHOW_COUNT
};
static const char *const filter_names[SHOW_COUNT] = {
	[SHOW_OPEN] = "open repairs", [SHOW_OVERDUE] = "overdue repairs", [SHOW_ALL] = "all repairs",
	[SHOW_STATUS + REPAIR_REPORTED] = "reported", [SHOW_STATUS + REPAIR_TRIAGED] = "triaged",
	[SHOW_STATUS + REPAIR_ASSIGNED] = "assigned",
	[SHOW_STATUS + REPAIR_IN_PROGRESS] = "in progress",
	[SHOW_STATUS + REPAIR_COMPLETED] = "completed", [SHOW_STATUS + REPAIR_CLOSED] = "closed",
	[SHOW_STATUS + REPAIR_CANCELLED] = "cancelled",
	[SHOW_PRIORITY] = "open emergencies", [SHOW_PRIORITY + 1] = "open urgent repairs",
	[SHOW_PRIORITY + 2] = "open routine repairs", [SHOW_PRIORITY + 3] = "open planned repairs",
	[SHOW_RTR] = "open Right to Repair", [SHOW_DAMP] = "open damp and mould",
};

static int is_closed(const struct repair_row *r)
{
	return r->status == REPAIR_CLOSED || r->status == REPAIR_CANCELLED ||
	       r->status == REPAIR_COMPLETED;
}

/* ---- cells --------------------------------------------------------------- */

static int cell_ref(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	ref_format('R', ((const struct repair_row *)row)->id, buf, n);
	return -1;
}

static int cell_home(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ((const struct repair_row *)row)->home_ref);
	return -1;
}

static int cell_priority(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct repair_row *r = row;
	(void)ls;
	snprintf(buf, n, "%s", repair_priority_name(r->priority));
	return r->priority == REPAIR_EMERGENCY ? STYLE_EMERGENCY : -1;
}

static int cell_status(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", repair_status_label(((const struct repair_row *)row)->status));
	return -1;
}

/* A target in working days is a date; an emergency's is an instant, shown
 * as the local day and time it falls due. */
static int cell_target(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct repair_row *r = row;
	char local[ZONE_TIME_BUFSZ];
	(void)ls;
	zone_format(r->target_at, local, sizeof local);
	if (strlen(local) > 10) /* "dd/mm/yyyy HH:MM" -> "dd/mm HH:MM" */
		snprintf(buf, n, "%.5s %.5s", local, local + 11);
	else
		snprintf(buf, n, "%s", local);
	return r->overdue ? STYLE_OVERDUE : -1;
}

static int cell_reporter(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ((const struct repair_row *)row)->reported_by);
	return -1;
}

/* "! " marks a repair past its target, in words as well as colour; the
 * schemes a repair falls under are named before its summary. */
static int cell_title(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct repair_row *r = row;
	(void)ls;
	snprintf(buf, n, "%s%s%s%s", r->overdue ? "! " : "", r->rtr_days ? "[RtR] " : "",
		 r->damp_hazard ? "[damp] " : "", r->title);
	return -1;
}

/* Working days past the target ("<1": past, but no working day yet). */
static int cell_late(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct repair_row *r = row;
	(void)ls;
	if (!r->overdue)
		buf[0] = '\0';
	else if (r->days_late < 1)
		snprintf(buf, n, "<1");
	else
		snprintf(buf, n, "%d", r->days_late);
	return r->overdue ? STYLE_OVERDUE : -1;
}

static const struct lcol columns[] = {
	{ "Ref", 9, 0, 0, cell_ref },
	{ "Home", 9, 0, 0, cell_home },
	{ "Priority", 10, 0, 0, cell_priority },
	{ "Status", 12, 0, 0, cell_status },
	{ "Target", 12, 0, 0, cell_target },
	{ "Late(wd)", 9, 0, 1, cell_late },
	{ "Reported by", 24, 100, 0, cell_reporter },
	{ "Summary", 0, 0, 0, cell_title },
};

/* ---- rows ------------------------------------------------------------------ */

static void filter_of(const struct lscreen *ls, struct repair_filter *f)
{
	const struct repairs_state *st = ls->priv;
	memset(f, 0, sizeof *f);
	f->which = ls->filter == SHOW_ALL ? REPAIRS_ALL : REPAIRS_OPEN;
	f->overdue = ls->filter == SHOW_OVERDUE;
	if (ls->filter >= SHOW_STATUS && ls->filter < SHOW_PRIORITY) {
		f->which = REPAIRS_STATUS;
		f->status = (enum repair_status)(ls->filter - SHOW_STATUS);
	} else if (ls->filter >= SHOW_PRIORITY && ls->filter < SHOW_RTR) {
		f->priority = (enum repair_priority)(ls->filter - SHOW_PRIORITY + REPAIR_EMERGENCY);
	}
	f->rtr_only = ls->filter == SHOW_RTR;
	f->damp_only = ls->filter == SHOW_DAMP;
	f->contractor_id = st->contractor_id;
	f->search = ls->query[0] ? ls->query : NULL;
}

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	struct repair_filter f;
	filter_of(ls, &f);
	return repair_page(ls->app->db, &ls->app->who, &f, (enum repair_sort)ls->sort, dir, key,
			   rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	repair_row_key(row, (enum repair_sort)ls->sort, key);
}

static int64_t id_of(const void *row)
{
	return ((const struct repair_row *)row)->id;
}

/* The co-op's kept counts: open and all, for the board and volunteers. */
static int64_t count(struct lscreen *ls)
{
	int64_t all, open;
	const struct repairs_state *st = ls->priv;
	if (ls->query[0] || (ls->filter != SHOW_OPEN && ls->filter != SHOW_ALL) ||
	    st->contractor_id)
		return -1;
	if (access_level(&ls->app->who, AREA_REPAIRS, OP_READ) != ACCESS_ALL)
		return -1;
	if (repair_count(ls->app->db, &all, &open) != DB_OK)
		return -1;
	return ls->filter == SHOW_ALL ? all : open;
}

static int row_style(const void *row)
{
	return is_closed(row) ? STYLE_DIM : STYLE_NORMAL;
}

static const char *empty(struct lscreen *ls)
{
	char key[KEY_NAME_MAX];
	ui_key(ls->app, ls->self, ACT_FILTER, key, sizeof key);
	if (!key[0])
		return "No repairs here.";
	snprintf(ls->scratch, sizeof ls->scratch,
		 "No repairs here. %s shows open, overdue or all repairs, each status,"
		 " each priority, Right to Repair, damp and mould.", key);
	return ls->scratch;
}

/* ---- actions ------------------------------------------------------------------ */

static struct screen *open_repair(struct lscreen *ls, const void *row)
{
	return screen_repair_new(ls->app, id_of(row));
}

static int office(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_REPAIRS, OP_WRITE) == ACCESS_ALL;
}

static void edit(struct lscreen *ls, const void *row)
{
	app_push(ls->app, screen_repair_edit_new(ls->app, id_of(row)));
}

static void log_repair(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_repair_log_new(ls->app));
}

/* The status line keeps to the keys of the list itself (open, edit,
 * search, sort, filter); these are in the help (?) and doc/keys.md. */
static const struct lact actions[] = {
	{ .action = ACT_NEW, .run = log_repair,
	  .help = "Log a repair (board, volunteers; a tenant for their own home)" },
	{ .action = ACT_EDIT, .help = "Edit the selected repair (board and volunteers)",
	  .allowed = office, .run = edit, .needs_row = 1,
	  .refused = "Only the board and volunteers edit repairs" },
	{ .action = ACT_BY_CONTRACTOR, .allowed = repairs_office, .run = repairs_by_contractor,
	  .ask = repairs_ask_contractor, .unhinted = 1,
	  .refused = "Only the board and volunteers see repairs by contractor" },
	{ .action = ACT_PRINT, .label = "overdue report", .allowed = repairs_office,
	  .run = repairs_overdue_report, .unhinted = 1,
	  .help = "The overdue repairs as a document, with working days late, to read or print",
	  .refused = "Only the board and volunteers see the overdue report" },
	{ .action = ACT_RP02, .allowed = repairs_office, .run = repairs_rp02,
	  .ask = repairs_ask_period, .unhinted = 1,
	  .refused = "Only the board and volunteers see the co-op's repair measures" },
	{ .action = ACT_CONTRACTORS, .allowed = repairs_office, .run = repairs_contractors,
	  .unhinted = 1,
	  .refused = "Only the board and volunteers see the contractors" },
};

static const struct ldesc repairs_list = {
	.name = "Repairs",
	.area = 3,
	.access = AREA_REPAIRS,
	.row_size = sizeof(struct repair_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.sorts = sort_names,
	.nsorts = (int)(sizeof sort_names / sizeof sort_names[0]),
	.filters = filter_names,
	.nfilters = (int)(sizeof filter_names / sizeof filter_names[0]),
	.filter_help = "Show open, overdue or all repairs, each status, the open ones of each"
		       " priority, Right to Repair, damp and mould, in turn",
	.search_help = "a repair's words, its number (R-000123), its home (WEA-10), or a"
		       " tenant's name or address",
	.search_min = 3,
	.fetch = fetch,
	.key_of = key_of,
	.count = count,
	.row_style = row_style,
	.open = open_repair,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.empty = empty,
	.title = repairs_title,
	.priv_size = sizeof(struct repairs_state),
};

struct screen *screen_repairs_new(struct app *app)
{
	return list_screen_new(app, &repairs_list);
}
