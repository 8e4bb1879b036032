/*
 * src/ui/screen_officers.c: the register of officers (the Act s.30(3)):
 * office, name, the date they became an officer and the date they ceased,
 * by office; the current board first (the filter cycles to former officers
 * and to all). Everyone may read it; the board keeps it:
 *
 *   n  appoint: a member (their name and address come from their entry) or
 *      anyone by name and address, an office, the date
 *   e  correct an entry (a wrong date, a name)
 *   c  the selected officer ceases to hold office, on a day asked
 *   p  the register as a document, to read or print
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/officers.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "list_screen.h"
#include "refs.h"

/* ---- the forms ---------------------------------------------------------------- */

static const char *const offices[] = { "chair", "vice-chair", "secretary", "treasurer",
				       "director", "other", NULL };
static const int office_values[] = { OFFICE_CHAIR, OFFICE_VICE_CHAIR, OFFICE_SECRETARY,
				     OFFICE_TREASURER, OFFICE_DIRECTOR, OFFICE_OTHER };

enum { O_MEMBER, O_NAME, O_ADDRESS, O_OFFICE, O_BECAME, O_CEASED, O_COUNT };

static const struct form_spec officer_fields[O_COUNT] = {
	[O_MEMBER] = {
		.label = "Member", .kind = FORM_REF, .ref = &ref_member,
		FORM_AT(struct officer, member_id),
		.help = "Their member no. or part of their name; empty for an officer who is"
			" not a member.",
	},
	[O_NAME] = {
		.label = "Name", .kind = FORM_TEXT, .max_chars = OFFICER_NAME_MAX,
		FORM_AT(struct officer, name),
		.help = "Empty for a member: their name on the register is used.",
	},
	[O_ADDRESS] = {
		.label = "Address", .kind = FORM_TEXT, .max_chars = OFFICER_ADDRESS_MAX,
		FORM_AT(struct officer, address),
		.help = "Empty for a member: their address on the register is used.",
	},
	[O_OFFICE] = {
		.label = "Office", .kind = FORM_CHOICE, .required = 1, .choices = offices,
		.values = office_values, FORM_AT(struct officer, office),
	},
	[O_BECAME] = {
		.label = "Became", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct officer, became_on),
		.help = "The day they became an officer, dd/mm/yyyy.",
	},
	[O_CEASED] = {
		.label = "Ceased", .kind = FORM_DATE, FORM_AT(struct officer, ceased_on),
		.help = "The day they ceased to hold the office; empty while they hold it.",
	},
};

static const struct ferr officer_errs[] = {
	{ "no such member", O_MEMBER }, { "cease before", O_CEASED }, { "ceased", O_CEASED },
	{ "became", O_BECAME }, { "address", O_ADDRESS }, { "name", O_NAME },
};

static int officer_save(struct fscreen *fs)
{
	struct officer *o = fs->rec;
	struct app *app = fs->app;
	int rc = o->id ? officer_update(app->db, &app->who, o) : officer_create(app->db, &app->who, o);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "%s %s as %s on the register of officers",
			 fs->d->n == O_COUNT ? "Saved" : "Entered", o->name,
			 officer_office_name(o->office));
	return rc;
}

#define OFFICER_FORM(count) \
	.area = 2, .spec = officer_fields, .n = (count), .rec_size = sizeof(struct officer), \
	.save = officer_save, .errs = officer_errs, \
	.nerrs = (int)(sizeof officer_errs / sizeof officer_errs[0])

/* Appointing leaves out the date ceased; correcting has every field. */
static const struct fdesc appoint_form = { .name = "Appoint an officer", OFFICER_FORM(O_CEASED) };
static const struct fdesc correct_form = { .name = "An officer's entry", OFFICER_FORM(O_COUNT) };

/* ---- cells -------------------------------------------------------------------------- */

#define ROW(r) ((const struct officer_row *)(r))

static int cell_office(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", officer_office_name(ROW(row)->office));
	return -1;
}

static int cell_name(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->name);
	return -1;
}

static int cell_became(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	zone_format(ROW(row)->became_on, buf, n);
	return -1;
}

static int cell_ceased(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->ceased_on[0])
		zone_format(ROW(row)->ceased_on, buf, n);
	return -1;
}

static const struct lcol columns[] = {
	{ "Office", 12, 0, 0, cell_office },
	{ "Name", 0, 0, 0, cell_name },
	{ "Became", 12, 0, 0, cell_became },
	{ "Ceased", 12, 0, 0, cell_ceased },
};

static const char *const filters[] = { "current officers", "former officers", "all officers" };
static const enum officer_which which[] = { OFFICERS_CURRENT, OFFICERS_FORMER, OFFICERS_ALL };

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return officer_page(ls->app->db, &ls->app->who, which[ls->filter], dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	officer_row_key(row, key);
}

static int row_style(const void *row)
{
	return ROW(row)->ceased_on[0] ? STYLE_DIM : STYLE_NORMAL;
}

/* ---- actions ------------------------------------------------------------------------- */

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_OFFICERS, OP_WRITE) == ACCESS_ALL;
}

static void appoint(struct lscreen *ls, const void *row)
{
	struct officer o = { .office = OFFICE_DIRECTOR };
	(void)row;
	date_format_iso(date_today(), o.became_on, sizeof o.became_on);
	app_push(ls->app, form_screen_new(ls->app, &appoint_form, "Appoint an officer", &o, NULL, 0));
}

static void edit(struct lscreen *ls, const void *row)
{
	struct officer o;
	if (officer_get(ls->app->db, &ls->app->who, ROW(row)->id, &o) != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(ls->app->db));
		return;
	}
	app_push(ls->app, form_screen_new(ls->app, &correct_form, "Correct an officer's entry", &o,
					  NULL, 0));
}

static int current_row(const struct lscreen *ls)
{
	const struct officer_row *r = ls_selected((struct lscreen *)ls);
	return board(ls) && r && !r->ceased_on[0];
}

static void ask_ceased(const struct lscreen *ls, const void *row, char *label, size_t ln,
		       char *text, size_t tn)
{
	char day[DATE_BUFSZ];
	(void)ls;
	snprintf(label, ln, "%s ceased to be %s on (dd/mm/yyyy): ", ROW(row)->name,
		 officer_office_name(ROW(row)->office));
	snprintf(text, tn, "%s", date_format_uk(date_today(), day, sizeof day));
}

static void cease(struct lscreen *ls, const void *row)
{
	struct officer o;
	struct app *app = ls->app;
	int rc = officer_get(app->db, &app->who, ROW(row)->id, &o);
	if (rc == DB_OK)
		rc = officer_cease(app->db, &app->who, o.id, ls_answer(ls), o.version);
	if (rc == DB_INVALID || rc == DB_CONSTRAINT) {
		ls_ask_again(ls, db_errmsg(app->db));
		return;
	}
	if (rc != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(app->db));
		return;
	}
	ls_note(ls, STYLE_OK, "%s ceased to be %s", o.name, officer_office_name(o.office));
	ls_reload(ls);
}

static int write_officers(struct app *app, const void *ctx, const struct report_opts *o,
			  FILE *out)
{
	return report_officers(app->db, &app->who, *(const int *)ctx, o, out);
}

static void print(struct lscreen *ls, const void *row)
{
	int current_only = which[ls->filter] == OFFICERS_CURRENT;
	(void)row;
	app_push(ls->app, screen_document_new(ls->app, current_only ? "The officers now"
					      : "Register of officers", write_officers,
					      &current_only, sizeof current_only));
}

static const struct lact actions[] = {
	{ .action = ACT_NEW, .label = "appoint", .allowed = board, .run = appoint,
	  .help = "Enter an officer on the register: a member, or anyone by name",
	  .refused = "Only the board keeps the register of officers" },
	{ .action = ACT_EDIT, .label = "correct", .allowed = board, .run = edit, .needs_row = 1,
	  .help = "Correct the selected entry: a wrong date, a name", .refused = "Only the board keeps the register of officers" },
	{ .action = ACT_CEASE, .label = "end office", .allowed = current_row, .run = cease,
	  .needs_row = 1, .ask = ask_ceased,
	  .help = "Record the day the selected officer ceased to hold office" },
	{ .action = ACT_PRINT, .run = print },
};

static const struct ldesc officers_list = {
	.name = "Register of officers",
	.area = 2,
	.access = AREA_OFFICERS,
	.row_size = sizeof(struct officer_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.filters = filters,
	.nfilters = 3,
	.fetch = fetch,
	.key_of = key_of,
	.row_style = row_style,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
};

struct screen *screen_officers_new(struct app *app)
{
	return list_screen_new(app, &officers_list);
}
