/*
 * src/db/health.c: a quick look for damage in the file as it is opened, so
 * that the board hears of it before anyone saves into a damaged co-op.
 *
 * A whole check (PRAGMA quick_check) reads every page: fine for a small
 * co-op, far too slow for a big one. So a small file (at most
 * DB_QUICK_LOOK_PAGES pages) is checked whole, and a big one is looked at
 * where damage does most harm and shows first: the first and last rows of
 * the main tables (their root pages and the pages down to either end),
 * read with SQLite's cell checks on. (A file cut short, shorter than its
 * header says, SQLite refuses to open at all, as damaged.) `coopdesk
 * check` is the whole check for any size.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dbint.h"

#define HEALTH_ROWS "16"

static const char SQL_QUICK_CHECK[] = "PRAGMA quick_check(1)";
static const char SQL_PAGES[] = "PRAGMA page_count";
static const char SQL_CELLS_ON[] = "PRAGMA cell_size_check = ON";
static const char SQL_CELLS_OFF[] = "PRAGMA cell_size_check = OFF";
#define ENDS(t) \
	"SELECT * FROM " t " ORDER BY rowid LIMIT " HEALTH_ROWS, \
	"SELECT * FROM " t " ORDER BY rowid DESC LIMIT " HEALTH_ROWS
static const char *const SQL_ENDS[] = {
	ENDS("settings"), ENDS("users"), ENDS("members"), ENDS("share_ops"),
	ENDS("homes"), ENDS("tenancies"), ENDS("rent_ledger"), ENDS("repairs"),
	ENDS("repair_events"), ENDS("meetings"), ENDS("decisions"), ENDS("audit"),
};

/* Steps `sql` through every row, reading each column: DB_OK, or the status
 * of the failure (DB_CORRUPT for damage). */
static int read_through(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int i = 0; i < sqlite3_column_count(st); i++)
			(void)sqlite3_column_bytes(st, i);
	int status = rc == SQLITE_DONE ? DB_OK : db_fail(db, rc, NULL);
	db_reset(st);
	return status;
}

/* The whole quick check: DB_OK when it says "ok". */
static int quick_check(struct db *db)
{
	sqlite3_stmt *st = db_prep(db, SQL_QUICK_CHECK);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc == DB_NOTFOUND ? DB_CORRUPT : rc;
	const unsigned char *said = sqlite3_column_text(st, 0);
	int ok = said && strcmp((const char *)said, "ok") == 0;
	db_reset(st);
	return ok ? DB_OK : DB_CORRUPT;
}

int db_quick_look(struct db *db, int64_t full_up_to)
{
	char keep[DB_ERRMSG_MAX];
	int keep_status = db->status;
	snprintf(keep, sizeof keep, "%s", db->errmsg);
	db->damaged = 0;
	int rc = DB_OK;
	int64_t pages = 0;
	sqlite3_stmt *st = db_prep(db, SQL_PAGES);
	if (st && (rc = db_step_row(db, st)) == DB_OK) {
		pages = sqlite3_column_int64(st, 0);
		db_reset(st);
	}
	if (rc == DB_OK && pages <= full_up_to) {
		rc = quick_check(db);
	} else if (rc == DB_OK) {
		rc = db_exec(db, SQL_CELLS_ON);
		for (size_t i = 0; !rc && i < sizeof SQL_ENDS / sizeof SQL_ENDS[0]; i++)
			rc = read_through(db, SQL_ENDS[i]);
		db_exec(db, SQL_CELLS_OFF);
	}
	db->damaged = rc == DB_CORRUPT;
	/* Anything else (busy, say) is no sign of damage, and no failure of
	 * the open: the words of what went before stay. */
	snprintf(db->errmsg, sizeof db->errmsg, "%s", keep);
	db->status = keep_status;
	return db->damaged;
}

const char *db_damaged(const struct db *db)
{
	return db->damaged ? "the database file is damaged: run 'coopdesk check' and restore"
			     " from a backup (coopdesk restore) before saving anything more"
			   : NULL;
}
