/*
 * src/ui/screen_repairs_docs.c: what the Repairs list offers beside its
 * rows: narrowing it to one contractor's repairs, the overdue report and
 * RP02 as documents (src/report/repairs.c, the same text the command line
 * prints), and the contractors.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/report.h"
#include "coopdesk/text.h"
#include "repairs_ui.h"

int repairs_office(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_REPAIRS, OP_READ) == ACCESS_ALL;
}

void repairs_title(struct lscreen *ls, char *buf, size_t n)
{
	const struct repairs_state *st = ls->priv;
	const struct ldesc *d = ls->d;
	if (st->contractor_id)
		snprintf(buf, n, "%s: %s of %s, by %s", d->name, d->filters[ls->filter],
			 st->contractor, d->sorts[ls->sort]);
	else
		snprintf(buf, n, "%s: %s, by %s", d->name, d->filters[ls->filter],
			 d->sorts[ls->sort]);
}

/* ---- one contractor's repairs ---------------------------------------------- */

void repairs_ask_contractor(const struct lscreen *ls, const void *row, char *label, size_t ln,
			    char *text, size_t tn)
{
	const struct repairs_state *st = ls->priv;
	(void)row;
	snprintf(label, ln, "Contractor (part of the name; empty for all): ");
	snprintf(text, tn, "%s", st->contractor);
}

/* The contractor whose name or trade has the words typed: one found, or
 * one whose name is exactly what was typed among several. */
void repairs_by_contractor(struct lscreen *ls, const void *row)
{
	struct repairs_state *st = ls->priv;
	struct contractor_row rows[6];
	const char *typed = ls_answer(ls);
	int n = 0, pick = -1;
	(void)row;
	if (!typed[0]) {
		st->contractor_id = 0;
		st->contractor[0] = '\0';
		ls_reload_first(ls);
		return;
	}
	if (contractor_page(ls->app->db, &ls->app->who, 0, typed, PAGE_FIRST, NULL, rows, 6, &n)) {
		ls_ask_again(ls, db_errmsg(ls->app->db));
		return;
	}
	for (int i = 0; i < n; i++)
		if (strcasecmp(rows[i].name, typed) == 0)
			pick = i;
	if (n == 1)
		pick = 0;
	if (pick < 0) {
		char why[1024];
		if (n == 0)
			snprintf(why, sizeof why, "No contractor's name or trade has those words");
		else
			snprintf(why, sizeof why, "%s%d contractors match (%s, %s%s): type more of"
				 " the name", n > 5 ? "More than " : "", n > 5 ? 5 : n,
				 rows[0].name, rows[1].name, n > 2 ? ", ..." : "");
		ls_ask_again(ls, why);
		return;
	}
	st->contractor_id = rows[pick].id;
	snprintf(st->contractor, sizeof st->contractor, "%s", rows[pick].name);
	ls_reload_first(ls);
}

/* ---- the documents ------------------------------------------------------------ */

static int write_overdue(struct app *app, const void *ctx, const struct report_opts *o,
			 FILE *out)
{
	(void)ctx;
	return report_overdue(app->db, &app->who, o, out);
}

void repairs_overdue_report(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_document_new(ls->app, "Overdue repairs", write_overdue, NULL, 0));
}

struct period {
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
};

static int write_rp02(struct app *app, const void *ctx, const struct report_opts *o, FILE *out)
{
	const struct period *p = ctx;
	return report_rp02(app->db, &app->who, p->from, p->to, o, out);
}

/* The period, typed "01/04/2026 to 31/03/2027"; this financial year so far
 * stands typed first. */
void repairs_ask_period(const struct lscreen *ls, const void *row, char *label, size_t ln,
			char *text, size_t tn)
{
	char first[DATE_BUFSZ], last[DATE_BUFSZ], a[DATE_BUFSZ], b[DATE_BUFSZ];
	struct date d1, d2;
	(void)ls;
	(void)row;
	report_rp02_period(NULL, NULL, first, last, sizeof first);
	date_parse(first, &d1);
	date_parse(last, &d2);
	snprintf(label, ln, "RP02 for repairs completed from (dd/mm/yyyy to dd/mm/yyyy): ");
	snprintf(text, tn, "%s to %s", date_format_uk(d1, a, sizeof a),
		 date_format_uk(d2, b, sizeof b));
}

void repairs_rp02(struct lscreen *ls, const void *row)
{
	char typed[128], why[200], title[80], a[DATE_BUFSZ], b[DATE_BUFSZ];
	struct period p;
	struct date d1, d2;
	(void)row;
	snprintf(typed, sizeof typed, "%s", ls_answer(ls));
	char *sep = strstr(typed, " to ");
	if (!sep) {
		ls_ask_again(ls, "Give the first and the last day, like 01/04/2026 to 31/03/2027");
		return;
	}
	*sep = '\0';
	const char *from = typed, *to = sep + 4;
	if (date_explain(from, why, sizeof why) != DATE_OK ||
	    date_explain(to, why, sizeof why) != DATE_OK) {
		ls_ask_again(ls, why);
		return;
	}
	date_parse(from, &d1);
	date_parse(to, &d2);
	if (date_cmp(d1, d2) > 0) {
		ls_ask_again(ls, "The period ends before it starts");
		return;
	}
	date_format_iso(d1, p.from, sizeof p.from);
	date_format_iso(d2, p.to, sizeof p.to);
	snprintf(title, sizeof title, "RP02, %s to %s", date_format_uk(d1, a, sizeof a),
		 date_format_uk(d2, b, sizeof b));
	app_push(ls->app, screen_document_new(ls->app, title, write_rp02, &p, sizeof p));
}

void repairs_contractors(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_contractors_new(ls->app));
}
