/*
 * src/report/contractors.c: the contractors as CSV (report_contractors_export),
 * in name order as the list pages them, each read whole for the email the
 * list row leaves out: a co-op has tens of contractors.
 */
#include <stdlib.h>

#include "coopdesk/contractors.h"
#include "table.h"

#define PAGE 32

static const struct table_col cols[] = {
	{ "", "contractor_id", 0, TABLE_LEFT }, { "", "name", 0, TABLE_LEFT },
	{ "", "trade", 0, TABLE_LEFT }, { "", "phone", 0, TABLE_LEFT },
	{ "", "email", 0, TABLE_LEFT }, { "", "in_use", 0, TABLE_LEFT },
};

int report_contractors_export(struct db *db, const struct actor *who,
			      const struct report_opts *o, FILE *out)
{
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	if (o->format != REPORT_CSV)
		return db_note_error(db, DB_INVALID, "the contractors export is CSV");
	struct contractor_row *rows = malloc(PAGE * sizeof *rows);
	struct contractor *c = malloc(sizeof *c);
	struct page_key key;
	int n = 0;
	if (!rows || !c) {
		free(rows);
		free(c);
		return db_note_error(db, DB_ERROR, "out of memory");
	}
	/* The first page before anything is written: a refusal writes nothing. */
	rc = contractor_page(db, who, 0, NULL, PAGE_FIRST, NULL, rows, PAGE, &n);
	struct table t;
	if (!rc)
		table_begin(&t, out, o, cols, (int)(sizeof cols / sizeof cols[0]));
	int begun = !rc;
	while (!rc && n > 0) {
		for (int i = 0; i < n && !rc; i++) {
			if ((rc = contractor_get(db, who, rows[i].id, c)))
				break;
			table_int(&t, c->id);
			table_text(&t, c->name);
			table_text(&t, c->trade);
			table_text(&t, c->phone);
			table_text(&t, c->email);
			table_word(&t, c->in_use ? "yes" : "no");
			table_end_row(&t);
		}
		if (rc || n < PAGE)
			break;
		contractor_row_key(&rows[n - 1], &key);
		rc = contractor_page(db, who, 0, NULL, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	free(rows);
	free(c);
	if (rc == DB_NOTFOUND)
		rc = DB_OK;
	int failed = begun ? table_end(&t) : 0;
	return rc ? rc : report_finish(db, out, failed);
}
