/*
 * src/db/rent_int.h: private to src/db/: what rent.c and rent_dated.c
 * share.
 */
#ifndef COOPDESK_DB_RENT_INT_H
#define COOPDESK_DB_RENT_INT_H

#include "coopdesk/rent.h"
#include "dbint.h"

/* A ledger row's columns, with its details (schema 6) and the reversal
 * that names it, read by rent_read_entry. */
#define RENT_ENTRY_COLS \
	"SELECT l.id, l.tenancy_id, l.entry_date, l.kind, l.amount_pence, l.balance_pence," \
	" l.description, l.reference, l.recorded_at, coalesce(d.method, '')," \
	" coalesce(d.reverses_id, 0)," \
	" coalesce((SELECT x.entry_id FROM rent_entry_details x WHERE x.reverses_id = l.id), 0)"
#define RENT_ENTRY_FROM " FROM rent_ledger l LEFT JOIN rent_entry_details d ON d.entry_id = l.id"
#define RENT_ENTRY_SELECT RENT_ENTRY_COLS RENT_ENTRY_FROM

void rent_read_entry(sqlite3_stmt *st, void *row, const void *ctx);

/* The tenancy's home, start and end ("" while current); DB_NOTFOUND when
 * there is none, or the actor may see only their own (level not
 * ACCESS_ALL) and it is not. */
struct tenancy_facts {
	int64_t home_id;
	char start[ISO_DATE_LEN];
	char end[ISO_DATE_LEN];
};
int rent_tenancy_facts(struct db *db, const struct actor *who, enum access_level level,
		       int64_t id, struct tenancy_facts *f);

#endif
