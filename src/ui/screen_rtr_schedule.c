/*
 * src/ui/screen_rtr_schedule.c: the Right to Repair schedule (SI 1994/133)
 * as the co-op keeps it (repair_schemes.h): each defect and its target in
 * working days, and for heating its summer target (1 May to 31 October). A
 * list descriptor and one form; the board adds (n) and corrects (e, or
 * Enter) defects, or marks one not in use; anyone in the estate office
 * reads it, and p shows this year's Right to Repair report. A defect is
 * never deleted: repairs logged under it keep its words. Reached from a
 * repair's record (r).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/report.h"
#include "form.h"
#include "list_screen.h"

/* ---- the form ------------------------------------------------------------------- */

static const char *const day_words[] = { "1", "3", "7", NULL };
static const int day_values[] = { 1, 3, 7 };
static const char *const summer_words[] = { "the same", "1", "3", "7", NULL };
static const int summer_values[] = { 0, 1, 3, 7 };
static const char *const use_words[] = { "no", "yes", NULL };

enum { D_DEFECT, D_DAYS, D_SUMMER, D_IN_USE, D_COUNT };

static const struct form_spec defect_fields[D_COUNT] = {
	[D_DEFECT] = {
		.label = "Defect", .kind = FORM_TEXT, .required = 1,
		.max_chars = REPAIR_RTR_DEFECT_MAX, FORM_AT(struct rtr_defect, defect),
		.help = "The defect as the schedule words it, in at most 80 characters.",
	},
	[D_DAYS] = {
		.label = "Working days", .kind = FORM_CHOICE, .required = 1, .choices = day_words,
		.values = day_values, FORM_AT(struct rtr_defect, days),
		.help = "Its target: 1, 3 or 7 working days (from 1 November to 30 April when the"
			" summer differs).",
	},
	[D_SUMMER] = {
		.label = "1 May to 31 October", .kind = FORM_CHOICE, .required = 1,
		.choices = summer_words, .values = summer_values,
		FORM_AT(struct rtr_defect, summer_days),
		.help = "Its target in summer, when it differs (heating: 3), else the same.",
	},
	[D_IN_USE] = {
		.label = "In use", .kind = FORM_CHOICE, .required = 1, .choices = use_words,
		FORM_AT(struct rtr_defect, in_use),
		.help = "No: it is no longer offered when a repair is logged (repairs logged under"
			" it keep it).",
	},
};

static const struct ferr defect_errs[] = {
	{ "summer", D_SUMMER }, { "working days", D_DAYS }, { "defect", D_DEFECT },
	{ "UNIQUE", D_DEFECT },
};

static int defect_save(struct fscreen *fs)
{
	struct rtr_defect *d = fs->rec;
	int rc = rtr_defect_save(fs->app->db, &fs->app->who, d);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Saved in the Right to Repair schedule: %.200s,"
			 " %d working day%s", d->defect, d->days, d->days == 1 ? "" : "s");
	return rc;
}

static const struct fdesc defect_form = {
	.name = "A defect of the Right to Repair schedule", .area = 3, .spec = defect_fields,
	.n = D_COUNT, .rec_size = sizeof(struct rtr_defect), .save = defect_save,
	.errs = defect_errs, .nerrs = (int)(sizeof defect_errs / sizeof defect_errs[0]),
};

/* ---- the list --------------------------------------------------------------------- */

#define ROW(r) ((const struct rtr_defect *)(r))

static int cell_defect(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->defect);
	return -1;
}

static int cell_days(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%d", ROW(row)->days);
	return -1;
}

static int cell_summer(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->summer_days)
		snprintf(buf, n, "%d", ROW(row)->summer_days);
	else
		snprintf(buf, n, "same");
	return -1;
}

static int cell_use(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->in_use ? "yes" : "no");
	return -1;
}

static const struct lcol columns[] = {
	{ "Defect", 0, 0, 0, cell_defect },
	{ "Days", 6, 0, 1, cell_days },
	{ "May-Oct", 9, 0, 1, cell_summer },
	{ "In use", 8, 0, 0, cell_use },
};

static const char *const filters[] = { "in use", "all, and those not in use" };

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return rtr_defect_page(ls->app->db, &ls->app->who, ls->filter == 0, ls->query, dir, key,
			       rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	rtr_defect_key(row, key);
}

static int row_style(const void *row)
{
	return ROW(row)->in_use ? STYLE_NORMAL : STYLE_DIM;
}

static int board(const struct lscreen *ls)
{
	return ls->app->who.role == ROLE_BOARD;
}

static void add(struct lscreen *ls, const void *row)
{
	struct rtr_defect d = { .days = 7, .in_use = 1 };
	(void)row;
	app_push(ls->app, form_screen_new(ls->app, &defect_form, "Add a defect to the Right to"
					  " Repair schedule", &d, NULL, 0));
}

static void edit(struct lscreen *ls, const void *row)
{
	struct rtr_defect d;
	if (rtr_defect_get(ls->app->db, &ls->app->who, ROW(row)->id, &d) != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(ls->app->db));
		return;
	}
	app_push(ls->app, form_screen_new(ls->app, &defect_form, "A defect of the Right to Repair"
					  " schedule", &d, NULL, 0));
}

static struct screen *open_row(struct lscreen *ls, const void *row)
{
	if (!board(ls))
		return NULL;
	edit(ls, row);
	return NULL;
}

/* The Right to Repair report for this calendar year, as the command line's
 * `coopdesk report right-to-repair --from 1 January`. */
static int write_rtr(struct app *app, const void *ctx, const struct report_opts *o, FILE *out)
{
	(void)ctx;
	char from[DATE_BUFSZ];
	struct date d = date_today();
	d.m = 1;
	d.d = 1;
	date_format_iso(d, from, sizeof from);
	return report_right_to_repair(app->db, &app->who, from, NULL, o, out);
}

static void print(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_document_new(ls->app, "Right to Repair this year", write_rtr,
					      NULL, 0));
}

static const struct lact actions[] = {
	{ .action = ACT_PRINT, .label = "report", .run = print,
	  .help = "The Right to Repair report for this year: targets met, second contractors,"
		  " compensation" },
	{ .action = ACT_NEW, .label = "add", .allowed = board, .run = add,
	  .help = "Add a defect to the schedule (the board)",
	  .refused = "Only the board changes the Right to Repair schedule" },
	{ .action = ACT_EDIT, .label = "correct", .allowed = board, .run = edit, .needs_row = 1,
	  .help = "Correct the selected defect, or mark it not in use (the board)",
	  .refused = "Only the board changes the Right to Repair schedule" },
};

static const struct ldesc schedule_list = {
	.name = "Right to Repair schedule",
	.area = 3,
	.access = AREA_REPAIRS,
	.whole = 1,
	.row_size = sizeof(struct rtr_defect),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.filters = filters,
	.nfilters = 2,
	.search_help = "part of a defect's words",
	.search_min = 1,
	.fetch = fetch,
	.key_of = key_of,
	.row_style = row_style,
	.open = open_row,
	.open_label = "correct",
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
};

struct screen *screen_rtr_schedule_new(struct app *app)
{
	return list_screen_new(app, &schedule_list);
}
