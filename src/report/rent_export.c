/*
 * src/report/rent_export.c: the co-op's homes, tenancies and rent
 * accounts as CSV for its accountant (coopdesk export homes|tenancies|
 * rent): every ledger row with its home, tenancy and signatories.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/homes.h"
#include "coopdesk/rent.h"
#include "coopdesk/tenancies.h"
#include "table.h"

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))
#define PAGE 64

/* The board's: checked before anything is written. */
static int board_only(struct db *db, const struct actor *who, const struct report_opts *o)
{
	int rc = report_check_opts(db, o);
	if (rc || (rc = db_may(db, who, AREA_RENT, OP_READ)))
		return rc;
	if (access_level(who, AREA_RENT, OP_READ) != ACCESS_ALL)
		return db_note_error(db, DB_DENIED, "only the board may export every home, tenancy"
				     " and rent account");
	return DB_OK;
}

static const struct table_col home_cols[] = {
	{ "Home", "home", 0, TABLE_LEFT },
	{ "Address", "address", 0, TABLE_LEFT },
	{ "Street", "street", 0, TABLE_LEFT },
	{ "Postcode", "postcode", 0, TABLE_LEFT },
	{ "Kind", "kind", 0, TABLE_LEFT },
	{ "Bedrooms", "bedrooms", 0, TABLE_RIGHT },
	{ "In use", "in_use", 0, TABLE_LEFT },
	{ "Tenancy", "current_tenancy", 0, TABLE_RIGHT },
	{ "Tenants", "tenants", 0, TABLE_LEFT },
	{ "Rent period", "rent_period", 0, TABLE_LEFT },
	{ "Rent", "rent", 0, TABLE_RIGHT },
	{ "Weekly rent", "weekly_rent", 0, TABLE_RIGHT },
};

int export_homes(struct db *db, const struct actor *who, const struct report_opts *o, FILE *out)
{
	int rc = board_only(db, who, o), n = 0;
	if (rc)
		return rc;
	struct home_row *rows = malloc(PAGE * sizeof *rows);
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the homes");
	struct table t;
	struct page_key key;
	table_begin(&t, out, o, home_cols, COUNT(home_cols));
	rc = home_page(db, who, HOMES_ALL, HOME_BY_REF, NULL, PAGE_FIRST, NULL, rows, PAGE, &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			const struct home_row *h = &rows[i];
			table_text(&t, h->ref);
			table_text(&t, h->address);
			table_text(&t, h->street);
			table_text(&t, h->postcode);
			table_text(&t, h->kind);
			table_int(&t, h->bedrooms);
			table_word(&t, h->in_use ? "yes" : "no");
			if (h->tenancy_id)
				table_int(&t, h->tenancy_id);
			else
				table_word(&t, "");
			table_text(&t, h->tenants);
			table_word(&t, h->has_rent ? rent_period_name(h->rent_period) : "");
			if (h->has_rent) {
				table_amount(&t, h->rent_pence);
				table_amount(&t, h->weekly_rent);
			} else {
				table_word(&t, "");
				table_word(&t, "");
			}
			table_end_row(&t);
		}
		if (n < PAGE)
			break;
		home_row_key(&rows[n - 1], HOME_BY_REF, &key);
		rc = home_page(db, who, HOMES_ALL, HOME_BY_REF, NULL, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	int failed = table_end(&t);
	free(rows);
	return rc ? rc : report_finish(db, out, failed);
}

static const struct table_col tenancy_cols[] = {
	{ "Tenancy", "tenancy", 0, TABLE_RIGHT },
	{ "Home", "home", 0, TABLE_LEFT },
	{ "Address", "address", 0, TABLE_LEFT },
	{ "Kind", "kind", 0, TABLE_LEFT },
	{ "Started", "start_date", 0, TABLE_LEFT },
	{ "Ended", "end_date", 0, TABLE_LEFT },
	{ "Signatories", "signatories", 0, TABLE_LEFT },
	{ "Balance", "balance", 0, TABLE_RIGHT },
};

int export_tenancies(struct db *db, const struct actor *who, const struct report_opts *o,
		     FILE *out)
{
	int rc = board_only(db, who, o), n = 0;
	if (rc)
		return rc;
	struct tenancy_row *rows = malloc(PAGE * sizeof *rows);
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the tenancies");
	struct table t;
	struct page_key key;
	table_begin(&t, out, o, tenancy_cols, COUNT(tenancy_cols));
	rc = tenancy_page(db, who, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_FIRST, NULL, rows, PAGE,
			  &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n && !rc; i++) {
			const struct tenancy_row *r = &rows[i];
			int64_t balance = 0;
			rc = rent_balance(db, who, r->id, &balance, NULL);
			table_int(&t, r->id);
			table_text(&t, r->home_ref);
			table_text(&t, r->home_address);
			table_text(&t, r->kind);
			table_date(&t, r->start_date);
			table_date(&t, r->end_date);
			table_text(&t, r->tenants);
			table_amount(&t, balance);
			table_end_row(&t);
		}
		if (rc || n < PAGE)
			break;
		tenancy_row_key(&rows[n - 1], TENANCY_BY_START, &key);
		rc = tenancy_page(db, who, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_AFTER, &key, rows,
				  PAGE, &n);
	}
	int failed = table_end(&t);
	free(rows);
	return rc ? rc : report_finish(db, out, failed);
}

static const struct table_col rent_cols[] = {
	{ "Entry", "entry_no", 0, TABLE_RIGHT },
	{ "Date", "entry_date", 0, TABLE_LEFT },
	{ "Home", "home", 0, TABLE_LEFT },
	{ "Tenancy", "tenancy", 0, TABLE_RIGHT },
	{ "Signatories", "signatories", 0, TABLE_LEFT },
	{ "Kind", "kind", 0, TABLE_LEFT },
	{ "Amount", "amount", 0, TABLE_RIGHT },
	{ "Method", "method", 0, TABLE_LEFT },
	{ "Reference", "reference", 0, TABLE_LEFT },
	{ "Description", "description", 0, TABLE_LEFT },
	{ "Reverses", "reverses_entry_no", 0, TABLE_RIGHT },
	{ "Balance", "account_balance", 0, TABLE_RIGHT },
	{ "Recorded", "recorded_at", 0, TABLE_LEFT },
};

int export_rent(struct db *db, const struct actor *who, const char *from, const char *to,
		const struct report_opts *o, FILE *out)
{
	char f[DATE_BUFSZ] = "", tt[DATE_BUFSZ] = "";
	struct date d;
	int rc = board_only(db, who, o), n = 0;
	if (rc)
		return rc;
	if (from && from[0]) {
		if (date_parse(from, &d) != DATE_OK)
			return db_note_error(db, DB_INVALID, "the first day is not a date");
		date_format_iso(d, f, sizeof f);
	}
	if (to && to[0]) {
		if (date_parse(to, &d) != DATE_OK)
			return db_note_error(db, DB_INVALID, "the last day is not a date");
		date_format_iso(d, tt, sizeof tt);
	}
	if (f[0] && tt[0] && strcmp(f, tt) > 0)
		return db_note_error(db, DB_INVALID, "the first day is after the last");
	struct rent_export_row *rows = malloc(PAGE * sizeof *rows);
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the rent accounts");
	struct table t;
	struct page_key key;
	table_begin(&t, out, o, rent_cols, COUNT(rent_cols));
	rc = rent_export_page(db, who, f, tt, PAGE_FIRST, NULL, rows, PAGE, &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			const struct rent_entry *e = &rows[i].e;
			table_int(&t, e->id);
			table_date(&t, e->entry_date);
			table_text(&t, rows[i].home_ref);
			table_int(&t, e->tenancy_id);
			table_text(&t, rows[i].tenants);
			table_word(&t, e->reverses_id ? "reversal" : rent_entry_kind_name(e->kind));
			table_amount(&t, e->amount_pence);
			table_word(&t, e->method);
			table_text(&t, e->reference);
			table_text(&t, e->description);
			if (e->reverses_id)
				table_int(&t, e->reverses_id);
			else
				table_word(&t, "");
			table_amount(&t, e->balance_pence);
			table_word(&t, e->recorded_at);
			table_end_row(&t);
		}
		if (n < PAGE)
			break;
		rent_dated_key(&rows[n - 1].e, &key);
		rc = rent_export_page(db, who, f, tt, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	int failed = table_end(&t);
	free(rows);
	return rc ? rc : report_finish(db, out, failed);
}
