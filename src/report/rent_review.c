/*
 * src/report/rent_review.c: the preview of a rent review
 * (report_rent_review): every home of the list with its rent now, the new
 * rent from the day given and the new rent's Universal Credit monthly
 * equivalent, as rent_review_page works them out; then the homes left out
 * and why. The board reads it before the one transaction that saves it
 * all, and may print it.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/homes.h"
#include "coopdesk/money.h"
#include "coopdesk/text.h"
#include "table.h"

#define PAGE 64
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static const struct table_col cols[] = {
	{ "Home", "home", 8, TABLE_LEFT },
	{ "Address", "address", 0, TABLE_LEFT },
	{ "Period", "period", 11, TABLE_LEFT },
	{ "Rent now", "rent_now", 10, TABLE_RIGHT },
	{ "New rent", "new_rent", 10, TABLE_RIGHT },
	{ "UC a month", "uc_monthly", 10, TABLE_RIGHT },
};

/* Walks the list: counts the homes that change and those left out, and
 * writes each row when t is not NULL (the homes with a problem once more,
 * as notes, when `notes`). */
static int walk(struct db *db, const struct actor *who, const struct rent_review_ask *a,
		struct rent_review_row *rows, struct table *t, FILE *notes,
		const struct report_opts *o, int64_t *changed, int64_t *left)
{
	char after[sizeof rows[0].ref] = "";
	int n, rc;
	*changed = *left = 0;
	do {
		if ((rc = rent_review_page(db, who, a->which, a->from, &a->change, after, rows, PAGE,
					   &n)))
			return rc;
		for (int i = 0; i < n; i++) {
			const struct rent_review_row *r = &rows[i];
			int64_t uc;
			if (r->ok)
				++*changed;
			else
				++*left;
			if (notes && !r->ok) {
				char line[sizeof r->ref + sizeof r->problem + 8];
				char safe[sizeof r->ref];
				text_inert(r->ref, safe, sizeof safe);
				snprintf(line, sizeof line, "%s: %s.", safe, r->problem);
				report_note(notes, o, line);
			}
			if (!t)
				continue;
			table_text(t, r->ref);
			table_text(t, r->address);
			table_word(t, r->has_rent ? rent_period_label(r->period) : "");
			if (r->has_rent)
				table_amount(t, r->old_pence);
			else
				table_word(t, "");
			if (r->ok) {
				table_amount(t, r->new_pence);
				if (home_uc_monthly(db, r->period, r->new_pence, &uc) == 0)
					table_amount(t, uc);
			} else {
				table_word(t, "-");
			}
			table_end_row(t);
		}
		if (n)
			text_copy(after, sizeof after, rows[n - 1].ref);
	} while (n == PAGE);
	return DB_OK;
}

int report_rent_review(struct db *db, const struct actor *who, const struct rent_review_ask *a,
		       const struct report_opts *o, FILE *out)
{
	int64_t changed, left;
	int rc = report_check_opts(db, o);
	struct rent_review_row *rows = calloc(PAGE, sizeof *rows);
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory");
	/* A first walk counts, and finds any refusal before anything is written. */
	if (rc || (rc = walk(db, who, a, rows, NULL, NULL, o, &changed, &left))) {
		free(rows);
		return rc;
	}
	char coop[REPORT_COOP_MAX], title[96], what[200], count[200], rule[200], produced[64];
	char day[DATE_BUFSZ], change[64];
	struct date d;
	const char *lines[] = { what, count, rule, produced };
	report_coop_name(db, coop, sizeof coop);
	rent_iso_date(a->from, &d);
	date_format_uk(d, day, sizeof day);
	snprintf(title, sizeof title, "Rent review from %s (preview)", day);
	snprintf(what, sizeof what, "Homes: %s. Change: %s to each home's latest rent, which keeps"
		 " its period.", a->what, rent_change_format(&a->change, change, sizeof change));
	snprintf(count, sizeof count, "%lld %s a new rent from %s; %lld left out (below).",
		 (long long)changed, changed == 1 ? "home gets" : "homes get", day, (long long)left);
	snprintf(rule, sizeof rule, "Rounded to the nearest penny, a half penny up. Nothing is"
		 " saved until the board saves the review: then every new rent at once, or none.");
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, title, lines, COUNT(lines));
	struct table t;
	table_begin(&t, out, o, cols, COUNT(cols));
	rc = walk(db, who, a, rows, &t, NULL, o, &changed, &left);
	int failed = table_end(&t);
	if (!rc && left)
		rc = walk(db, who, a, rows, NULL, out, o, &changed, &left);
	free(rows);
	return rc ? rc : report_finish(db, out, failed);
}
