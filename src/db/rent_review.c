/*
 * src/db/rent_review.c: the annual rent review (coopdesk/homes.h): one
 * change (a percentage or an amount, coopdesk/rent_calc.h) for every home
 * of a list, each a new rate from one day, previewed a page at a time and
 * saved in one transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/homes.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* ?1 which (as home_page), ?2 the key's ref ('' for the first page), ?3
 * the page size. Each home with its latest rate (the one a new rate
 * follows), by reference: the UNIQUE index on homes.ref serves the order
 * and the (home_id, effective_from) one the latest rate. */
static const char SQL_REVIEW_PAGE[] =
	"SELECT h.id, h.ref, h.address, coalesce(r.effective_from, ''), r.period,"
	" coalesce(r.amount_pence, 0)"
	" FROM homes h LEFT JOIN tenancies c ON c.home_id = h.id AND c.end_date IS NULL"
	" LEFT JOIN rent_rates r ON r.id = (SELECT x.id FROM rent_rates x WHERE x.home_id = h.id"
	"   ORDER BY x.effective_from DESC LIMIT 1)"
	" WHERE (?1 = 0 OR (?1 = 1 AND c.id IS NOT NULL) OR (?1 = 2 AND c.id IS NULL AND h.in_use = 1)"
	"   OR (?1 = 3 AND c.id IS NULL AND h.in_use = 0))"
	" AND h.ref > ?2 ORDER BY h.ref LIMIT ?3";

struct review_ctx {
	const char *from;
	const struct rent_change *change;
};

static void read_review(sqlite3_stmt *st, void *row, const void *ctx)
{
	const struct review_ctx *x = ctx;
	struct rent_review_row *r = row;
	char day[ZONE_TIME_BUFSZ];
	memset(r, 0, sizeof *r);
	r->home_id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, r->ref, sizeof r->ref);
	db_col_text(st, 2, r->address, sizeof r->address);
	db_col_text(st, 3, r->old_from, sizeof r->old_from);
	if (!r->old_from[0] ||
	    rent_period_parse((const char *)sqlite3_column_text(st, 4), &r->period)) {
		snprintf(r->problem, sizeof r->problem, "no rent set: left as it is");
		return;
	}
	r->has_rent = 1;
	r->old_pence = sqlite3_column_int64(st, 5);
	if (rent_change_apply(r->old_pence, x->change, &r->new_pence)) {
		snprintf(r->problem, sizeof r->problem, "the new rent would be below £0.00");
		return;
	}
	if (r->new_pence > 999999) {
		snprintf(r->problem, sizeof r->problem, "the new rent would be £10,000 or more");
		return;
	}
	if (strcmp(x->from, r->old_from) <= 0) {
		snprintf(r->problem, sizeof r->problem, "its rent from %s is set already: a new one"
			 " must start after it", zone_format(r->old_from, day, sizeof day));
		return;
	}
	r->ok = 1;
}

/* The checks both functions make; board only, as setting a rent is. */
static int review_args(struct db *db, const struct actor *who, enum home_which which,
		       const char *from, const struct rent_change *c)
{
	int rc = db_access_check(db, who, AREA_HOMES, OP_WRITE, NULL);
	if (rc)
		return rc;
	if ((unsigned)which > HOMES_UNAVAILABLE || !c)
		return db_set_error(db, DB_INVALID, "rent review: bad arguments");
	if (!from || rent_iso_date(from, NULL))
		return db_set_error(db, DB_INVALID, "the new rents' first day is not a real date");
	return DB_OK;
}

int rent_review_page(struct db *db, const struct actor *who, enum home_which which,
		     const char *from, const struct rent_change *c, const char *after_ref,
		     struct rent_review_row *rows, int max, int *n)
{
	*n = 0;
	int rc = review_args(db, who, which, from, c);
	if (rc || (rc = db_page_args(db, "rent_review_page", 0, PAGE_FIRST, NULL, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_REVIEW_PAGE);
	if (!st)
		return db_status(db);
	struct review_ctx x = { from, c };
	sqlite3_bind_int(st, 1, (int)which);
	db_bind_text(st, 2, after_ref ? after_ref : "");
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_review, &x, n);
}

#define REVIEW_PAGE 64

int rent_review_apply(struct db *db, const struct actor *who, enum home_which which,
		      const char *from, const struct rent_change *c, int64_t *count)
{
	int64_t done = 0;
	int rc = review_args(db, who, which, from, c);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	struct rent_review_row *rows = calloc(REVIEW_PAGE, sizeof *rows);
	if (!rows)
		return db_abort(db, db_set_error(db, DB_ERROR, "out of memory"));
	char after[sizeof rows[0].ref] = "";
	int n;
	rc = DB_OK;
	do {
		if ((rc = rent_review_page(db, who, which, from, c, after, rows, REVIEW_PAGE, &n)))
			break;
		for (int i = 0; i < n; i++) {
			const struct rent_review_row *r = &rows[i];
			if (!r->has_rent)
				continue;
			if (!r->ok) {
				rc = db_set_error(db, DB_INVALID, "%s: %s", r->ref, r->problem);
				break;
			}
			if ((rc = rent_rate_set(db, who, r->home_id, from, r->period, r->new_pence))) {
				char why[sizeof db->errmsg];
				text_copy(why, sizeof why, db_errmsg(db));
				rc = db_set_error(db, rc, "%s: %s", r->ref, why);
				break;
			}
			done++;
		}
		if (n)
			text_copy(after, sizeof after, rows[n - 1].ref);
	} while (!rc && n == REVIEW_PAGE);
	free(rows);
	if (rc)
		return db_abort(db, rc);
	if (!done)
		return db_abort(db, db_set_error(db, DB_INVALID,
						 "no home in that list has a rent to review"));
	if ((rc = db_commit(db)))
		return rc;
	if (count)
		*count = done;
	return DB_OK;
}
