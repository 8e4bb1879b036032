/*
 * src/ui/screen_members_docs.c: the documents the Members area opens, each
 * written by src/report/ and shown in the document viewer: the register
 * as at a day the board gives (anyone else: the inspection copy today),
 * a member's own shareholding, and participation in a year asked.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/report.h"
#include "coopdesk/zone.h"
#include "list_screen.h"
#include "member_record.h"
#include "members_area.h"

int members_board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_SHARES, OP_WRITE) == ACCESS_ALL;
}

struct register_ask {
	char inspection;
	char on[ISO_DATE_LEN];
};

static int write_register(struct app *app, const void *ctx, const struct report_opts *o,
			  FILE *out)
{
	const struct register_ask *r = ctx;
	return report_register(app->db, &app->who, r->on, r->inspection, o, out);
}

static void show_register(struct lscreen *ls, struct register_ask r)
{
	char title[96], day[ZONE_TIME_BUFSZ];
	snprintf(title, sizeof title, "%s as at %s", r.inspection ? "Register of members"
		 " (inspection copy)" : "Register of members", zone_format(r.on, day, sizeof day));
	app_push(ls->app, screen_document_new(ls->app, title, write_register, &r, sizeof r));
}

/* The board is asked the day; anyone else sees today's inspection copy. */
void members_ask_day(const struct lscreen *ls, const void *row, char *label, size_t ln,
		    char *text, size_t tn)
{
	char day[DATE_BUFSZ];
	(void)row;
	snprintf(label, ln, "%s as at (dd/mm/yyyy): ", ls->asking &&
		 ls->asking->action == ACT_INSPECTION ? "Inspection copy" : "Register");
	snprintf(text, tn, "%s", date_format_uk(date_today(), day, sizeof day));
}

void members_print_at(struct lscreen *ls, const void *row)
{
	struct register_ask r = { .inspection = ls->asking->action == ACT_INSPECTION };
	char why[160];
	struct date d;
	(void)row;
	if (date_explain(ls_answer(ls), why, sizeof why) != DATE_OK) {
		ls_ask_again(ls, why);
		return;
	}
	date_parse(ls_answer(ls), &d);
	if (date_cmp(d, date_today()) > 0) {
		char today[DATE_BUFSZ];
		snprintf(why, sizeof why, "the register stands as at today (%s) or a day before",
			 date_format_uk(date_today(), today, sizeof today));
		ls_ask_again(ls, why);
		return;
	}
	date_format_iso(d, r.on, sizeof r.on);
	show_register(ls, r);
}

void members_inspection_today(struct lscreen *ls, const void *row)
{
	struct register_ask r = { .inspection = 1 };
	(void)row;
	date_format_iso(date_today(), r.on, sizeof r.on);
	show_register(ls, r);
}

int members_not_board(const struct lscreen *ls) { return !members_board(ls); }

static int write_mine(struct app *app, const void *ctx, const struct report_opts *o, FILE *out)
{
	(void)ctx;
	return report_shareholding(app->db, &app->who, app->who.member_id, o, out);
}

int members_has_member(const struct lscreen *ls) { return ls->app->who.member_id > 0; }

void members_mine(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_document_new(ls->app, "My shareholding", write_mine, NULL, 0));
}

static int write_participation(struct app *app, const void *ctx, const struct report_opts *o,
			       FILE *out)
{
	int year;
	memcpy(&year, ctx, sizeof year);
	return report_participation(app->db, &app->who, year, o, out);
}

/* The year asked, this one offered: a year the co-op could have records
 * of, up to this one. */
void members_ask_year(const struct lscreen *ls, const void *row, char *label, size_t ln,
		      char *text, size_t tn)
{
	(void)ls;
	(void)row;
	snprintf(label, ln, "Participation in the year (yyyy): ");
	snprintf(text, tn, "%d", date_today().y);
}

void members_participation(struct lscreen *ls, const void *row)
{
	int now = date_today().y, year = 0, used = 0;
	char title[64];
	(void)row;
	if (sscanf(ls_answer(ls), " %4d %n", &year, &used) != 1 || ls_answer(ls)[used] ||
	    year < 1900 || year > now) {
		char why[96];
		snprintf(why, sizeof why, "a year is four digits, from 1900 to %d", now);
		ls_ask_again(ls, why);
		return;
	}
	snprintf(title, sizeof title, "Participation in %d", year);
	app_push(ls->app, screen_document_new(ls->app, title, write_participation, &year,
					      sizeof year));
}

/* ---- a subject access request ---------------------------------------------- */

int member_may_subject_access(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_AUDIT, OP_READ) == ACCESS_ALL;
}

static int write_subject_access(struct app *app, const void *ctx, const struct report_opts *o,
				FILE *out)
{
	int64_t id;
	memcpy(&id, ctx, sizeof id);
	if (o->format == REPORT_CSV)
		return db_note_error(app->db, DB_INVALID, "a subject access record is a document:"
				     " save it as .txt (coopdesk export member NO --format json"
				     " gives it for a program)");
	return report_subject_access(app->db, &app->who, id, 0, o, out);
}

void member_subject_access(struct rscreen *rs)
{
	const struct member *m = rs->rec;
	char title[MEMBER_NAME_MAX * 4 + 64];
	snprintf(title, sizeof title, "Subject access: member no. %lld, %s",
		 (long long)m->member_no, m->name);
	app_push(rs->app, screen_document_new(rs->app, title, write_subject_access, &m->id,
					      sizeof m->id));
}
