/*
 * src/report/officers.c: the register of officers (report_officers), by
 * office and then the date each became an officer, as officer_page lists
 * them. The register's list rows carry no address, so each officer's
 * record is read for it: a register of officers is tens of rows.
 */
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/officers.h"
#include "table.h"

#define PAGE 32
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static const struct table_col text_cols[] = {
	{ "Officer, address", "", 0, TABLE_LEFT },
	{ "Office", "", 10, TABLE_LEFT },
	{ "Became", "", 10, TABLE_LEFT },
	{ "Ceased", "", 10, TABLE_LEFT },
};

static const struct table_col flat_cols[] = {
	{ "Name", "name", 0, TABLE_LEFT },
	{ "Address", "address", 0, TABLE_LEFT },
	{ "Office", "office", 0, TABLE_LEFT },
	{ "Became", "became_on", 0, TABLE_LEFT },
	{ "Ceased", "ceased_on", 0, TABLE_LEFT },
};

/* Walks the register (`which`), calling `row` for each officer read whole
 * (when `row` is not NULL) and counting them into *all and *current. */
static int walk(struct db *db, const struct actor *who, enum officer_which which,
		void (*row)(struct table *t, const struct officer *o), struct table *t,
		int64_t *all, int64_t *current)
{
	struct officer_row rows[PAGE];
	struct officer rec;
	struct page_key key;
	int n, rc = officer_page(db, who, which, PAGE_FIRST, NULL, rows, PAGE, &n);
	*all = *current = 0;
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			++*all;
			if (!rows[i].ceased_on[0])
				++*current;
			if (!row)
				continue;
			if ((rc = officer_get(db, who, rows[i].id, &rec)))
				return rc;
			row(t, &rec);
		}
		if (n < PAGE)
			break;
		officer_row_key(&rows[n - 1], &key);
		rc = officer_page(db, who, which, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	return rc;
}

static void text_row(struct table *t, const struct officer *o)
{
	table_text(t, o->name);
	table_line(t, o->address, 1);
	table_word(t, officer_office_name(o->office));
	table_date(t, o->became_on);
	table_date(t, o->ceased_on);
	table_end_row(t);
}

static void flat_row(struct table *t, const struct officer *o)
{
	table_text(t, o->name);
	table_text(t, o->address);
	table_word(t, officer_office_name(o->office));
	table_date(t, o->became_on);
	table_date(t, o->ceased_on);
	table_end_row(t);
}

int report_officers(struct db *db, const struct actor *who, int current_only,
		    const struct report_opts *o, FILE *out)
{
	enum officer_which which = current_only ? OFFICERS_CURRENT : OFFICERS_ALL;
	int64_t all, current;
	int rc = report_check_opts(db, o);
	/* A first walk counts, for the heading, and finds any refusal before
	 * anything is written. */
	if (rc || (rc = walk(db, who, which, NULL, NULL, &all, &current)))
		return rc;

	char coop[REPORT_COOP_MAX], title[80], count[160], produced[64], today[DATE_BUFSZ];
	const char *lines[] = { count, produced };
	report_coop_name(db, coop, sizeof coop);
	date_format_uk(date_today(), today, sizeof today);
	if (current_only) {
		snprintf(title, sizeof title, "Officers in office on %s", today);
		snprintf(count, sizeof count, "%lld %s in office.", (long long)current,
			 current == 1 ? "officer" : "officers");
	} else {
		snprintf(title, sizeof title, "Register of officers");
		snprintf(count, sizeof count, "%lld %s: %lld in office, %lld former.",
			 (long long)all, all == 1 ? "entry" : "entries", (long long)current,
			 (long long)(all - current));
	}
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, title, lines, COUNT(lines));

	struct table t;
	int text = o->format == REPORT_TEXT;
	table_begin(&t, out, o, text ? text_cols : flat_cols, text ? COUNT(text_cols)
								  : COUNT(flat_cols));
	rc = walk(db, who, which, text ? text_row : flat_row, &t, &all, &current);
	int failed = table_end(&t);
	return rc ? rc : report_finish(db, out, failed);
}
