/*
 * src/db/rent_dated.c: a rent account read by the dates of its rows rather
 * than the order they were written: the opening balance and rows of a
 * statement, the oldest unpaid charge, and the arrears list as at a day.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/money.h"
#include "coopdesk/zone.h"
#include "rent_int.h"

static const char SQL_BEFORE[] =
	"SELECT coalesce(sum(amount_pence), 0) FROM rent_ledger"
	" WHERE tenancy_id = ?1 AND entry_date < ?2";

/* ?1 tenancy, ?2 key id, ?3 page size, ?4 from, ?5 to, ?6 key date. */
#define DATED RENT_ENTRY_SELECT " WHERE l.tenancy_id = ?1 AND l.entry_date BETWEEN ?4 AND ?5"
static const char *const SQL_DATED[4] = {
	[PAGE_FIRST] = DATED " ORDER BY l.entry_date, l.id LIMIT ?3",
	[PAGE_LAST] = DATED " ORDER BY l.entry_date DESC, l.id DESC LIMIT ?3",
	[PAGE_AFTER] = DATED " AND (l.entry_date, l.id) > (?6, ?2)"
		" ORDER BY l.entry_date, l.id LIMIT ?3",
	[PAGE_BEFORE] = DATED " AND (l.entry_date, l.id) < (?6, ?2)"
		" ORDER BY l.entry_date DESC, l.id DESC LIMIT ?3",
};

/* Every account's rows: ?2 key id, ?3 page size, ?4 from, ?5 to, ?6 key
 * date (the index by date serves it). */
#define EXPORT RENT_ENTRY_COLS ", h.ref," \
	" coalesce((SELECT group_concat(name, ', ') FROM" \
	"   (SELECT m.name FROM tenancy_signatories s JOIN members m ON m.id = s.member_id" \
	"     WHERE s.tenancy_id = l.tenancy_id ORDER BY s.id)), '')" \
	RENT_ENTRY_FROM " JOIN tenancies t ON t.id = l.tenancy_id JOIN homes h ON h.id = t.home_id" \
	" WHERE l.entry_date BETWEEN ?4 AND ?5"
static const char *const SQL_EXPORT[4] = {
	[PAGE_FIRST] = EXPORT " ORDER BY l.entry_date, l.id LIMIT ?3",
	[PAGE_LAST] = EXPORT " ORDER BY l.entry_date DESC, l.id DESC LIMIT ?3",
	[PAGE_AFTER] = EXPORT " AND (l.entry_date, l.id) > (?6, ?2)"
		" ORDER BY l.entry_date, l.id LIMIT ?3",
	[PAGE_BEFORE] = EXPORT " AND (l.entry_date, l.id) < (?6, ?2)"
		" ORDER BY l.entry_date DESC, l.id DESC LIMIT ?3",
};

/* The rows that add to what is owed, newest first, leaving out a row and
 * its reversal (they cancel): the unpaid ones are the newest. */
static const char SQL_OWED_ROWS[] =
	"SELECT l.entry_date, l.amount_pence FROM rent_ledger l"
	" WHERE l.tenancy_id = ?1 AND l.entry_date <= ?2 AND l.amount_pence > 0"
	"   AND NOT EXISTS (SELECT 1 FROM rent_entry_details x WHERE x.reverses_id = l.id)"
	"   AND NOT EXISTS (SELECT 1 FROM rent_entry_details d WHERE d.entry_id = l.id"
	"                    AND d.reverses_id IS NOT NULL)"
	" ORDER BY l.entry_date DESC, l.id DESC";

/* The arrears as at ?4: the latest running balance less the rows dated
 * after ?4 (few or none for a recent day, through the index by tenancy and
 * date). ?5 which: 0 all, 1 current that day, 2 former by then. ?1 key
 * number, ?2 key id, ?3 page size, ?6 key text. */
#define AS_AT_FROM \
	" FROM (SELECT t.id AS tid, t.home_id AS home_id, t.start_date AS start_date," \
	"        t.end_date AS end_date, (SELECT h.ref FROM homes h WHERE h.id = t.home_id) AS ref," \
	"        coalesce((SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id" \
	"                  ORDER BY l.id DESC LIMIT 1), 0)" \
	"        - coalesce((SELECT sum(l.amount_pence) FROM rent_ledger l" \
	"                    WHERE l.tenancy_id = t.id AND l.entry_date > ?4), 0) AS bal" \
	"       FROM tenancies t WHERE t.start_date <= ?4" \
	"        AND (?5 = 0 OR (?5 = 1) = (t.end_date IS NULL OR t.end_date > ?4))) b" \
	" WHERE b.bal > 0"
#define AS_AT_COLS \
	"SELECT b.tid, b.home_id, b.ref," \
	" coalesce((SELECT group_concat(name, ', ') FROM" \
	"   (SELECT m.name FROM tenancy_signatories s JOIN members m ON m.id = s.member_id" \
	"     WHERE s.tenancy_id = b.tid ORDER BY s.id)), '')," \
	" b.start_date, coalesce(b.end_date, ''), b.bal," \
	" (SELECT r.period FROM rent_rates r WHERE r.home_id = b.home_id" \
	"   AND r.effective_from <= min(coalesce(date(b.end_date, '-1 day'), ?4), ?4)" \
	"   ORDER BY r.effective_from DESC LIMIT 1)," \
	" (SELECT r.amount_pence FROM rent_rates r WHERE r.home_id = b.home_id" \
	"   AND r.effective_from <= min(coalesce(date(b.end_date, '-1 day'), ?4), ?4)" \
	"   ORDER BY r.effective_from DESC LIMIT 1)" \
	AS_AT_FROM

/* The list's pages read the balances from a temp table (made with the
 * connection, src/db/db.c) filled once for a day, a choice of tenancies
 * and a sort: AS_AT_FROM reads every tenancy's balance, 30 ms at 2,000
 * tenancies and 400 ms at 20,000, which every key of the list would
 * otherwise pay. One table a sort, keyed by it (WITHOUT ROWID: the rows
 * are the index, 20,000 of them some 300 KiB), and only the one in use
 * filled. Temp: the connection's own, writable on a read-only file, and
 * nothing of the registers (no audit). */
static const char *const SQL_SNAP_CLEAR[2] = {
	[RENT_ARREARS_BY_AMOUNT] = "DELETE FROM temp.arrears_by_bal",
	[RENT_ARREARS_BY_HOME] = "DELETE FROM temp.arrears_by_ref",
};
static const char *const SQL_SNAP_FILL[2] = {
	[RENT_ARREARS_BY_AMOUNT] =
		"INSERT INTO temp.arrears_by_bal (bal, tid) SELECT b.bal, b.tid" AS_AT_FROM,
	[RENT_ARREARS_BY_HOME] =
		"INSERT INTO temp.arrears_by_ref (ref, tid, bal) SELECT b.ref, b.tid, b.bal" AS_AT_FROM,
};
#define SNAP_COLS(table) \
	"SELECT b.tid, t.home_id, h.ref," \
	" coalesce((SELECT group_concat(name, ', ') FROM" \
	"   (SELECT m.name FROM tenancy_signatories s JOIN members m ON m.id = s.member_id" \
	"     WHERE s.tenancy_id = b.tid ORDER BY s.id)), '')," \
	" t.start_date, coalesce(t.end_date, ''), b.bal," \
	" (SELECT r.period FROM rent_rates r WHERE r.home_id = t.home_id" \
	"   AND r.effective_from <= min(coalesce(date(t.end_date, '-1 day'), ?4), ?4)" \
	"   ORDER BY r.effective_from DESC LIMIT 1)," \
	" (SELECT r.amount_pence FROM rent_rates r WHERE r.home_id = t.home_id" \
	"   AND r.effective_from <= min(coalesce(date(t.end_date, '-1 day'), ?4), ?4)" \
	"   ORDER BY r.effective_from DESC LIMIT 1)" \
	" FROM temp." table " b CROSS JOIN tenancies t ON t.id = b.tid" \
	" JOIN homes h ON h.id = t.home_id WHERE 1"
#define BY_BAL SNAP_COLS("arrears_by_bal")
#define BY_REF SNAP_COLS("arrears_by_ref")
static const char *const SQL_SNAP_PAGE[2][4] = {
	[RENT_ARREARS_BY_AMOUNT] = {
		[PAGE_FIRST] = BY_BAL " ORDER BY b.bal DESC, b.tid DESC LIMIT ?3",
		[PAGE_LAST] = BY_BAL " ORDER BY b.bal, b.tid LIMIT ?3",
		[PAGE_AFTER] = BY_BAL " AND (b.bal, b.tid) < (?1, ?2)"
			" ORDER BY b.bal DESC, b.tid DESC LIMIT ?3",
		[PAGE_BEFORE] = BY_BAL " AND (b.bal, b.tid) > (?1, ?2)"
			" ORDER BY b.bal, b.tid LIMIT ?3",
	},
	[RENT_ARREARS_BY_HOME] = {
		[PAGE_FIRST] = BY_REF " ORDER BY b.ref, b.tid LIMIT ?3",
		[PAGE_LAST] = BY_REF " ORDER BY b.ref DESC, b.tid DESC LIMIT ?3",
		[PAGE_AFTER] = BY_REF " AND (b.ref, b.tid) > (?6, ?2)"
			" ORDER BY b.ref, b.tid LIMIT ?3",
		[PAGE_BEFORE] = BY_REF " AND (b.ref, b.tid) < (?6, ?2)"
			" ORDER BY b.ref DESC, b.tid DESC LIMIT ?3",
	},
};

/* The whole list in one pass, for the document (rent_arrears_each). */
static const char *const SQL_AS_AT[2] = {
	[RENT_ARREARS_BY_AMOUNT] = AS_AT_COLS " ORDER BY b.bal DESC, b.tid DESC LIMIT ?3",
	[RENT_ARREARS_BY_HOME] = AS_AT_COLS " ORDER BY b.ref, b.tid LIMIT ?3",
};

static int tenancy_readable(struct db *db, const struct actor *who, int64_t tenancy_id)
{
	enum access_level level;
	struct tenancy_facts f;
	int rc = db_access_check(db, who, AREA_RENT, OP_READ, &level);
	return rc ? rc : rent_tenancy_facts(db, who, level, tenancy_id, &f);
}

static int bad_date(struct db *db, const char *what)
{
	return db_set_error(db, DB_INVALID, "%s is not a real date, like 2026-11-22", what);
}

int rent_balance_before(struct db *db, const struct actor *who, int64_t tenancy_id,
			const char *before, int64_t *balance)
{
	*balance = 0;
	int rc = tenancy_readable(db, who, tenancy_id);
	if (rc)
		return rc;
	if (rent_iso_date(before, NULL))
		return bad_date(db, "the day of the opening balance");
	sqlite3_stmt *st = db_prep(db, SQL_BEFORE);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, tenancy_id);
	db_bind_text(st, 2, before);
	if ((rc = db_step_row(db, st)))
		return rc;
	*balance = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

void rent_dated_key(const struct rent_entry *e, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = e->id;
	snprintf(key->text, sizeof key->text, "%s", e->entry_date);
}

int rent_dated_page(struct db *db, const struct actor *who, int64_t tenancy_id,
		    const char *from, const char *to, enum page_dir dir,
		    const struct page_key *key, struct rent_entry *rows, int max, int *n)
{
	*n = 0;
	int rc = tenancy_readable(db, who, tenancy_id);
	if (rc || (rc = db_page_args(db, "rent_dated_page", 0, dir, key, max)))
		return rc;
	if (from && from[0] && rent_iso_date(from, NULL))
		return bad_date(db, "the statement's first day");
	if (to && to[0] && rent_iso_date(to, NULL))
		return bad_date(db, "the statement's last day");
	sqlite3_stmt *st = db_prep(db, SQL_DATED[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, tenancy_id);
	sqlite3_bind_int(st, 3, max);
	sqlite3_bind_text(st, 4, from && from[0] ? from : "0000-01-01", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, to && to[0] ? to : "9999-12-31", -1, SQLITE_TRANSIENT);
	if (key) {
		sqlite3_bind_int64(st, 2, key->id);
		sqlite3_bind_text(st, 6, key->text, -1, SQLITE_TRANSIENT);
	}
	return db_page_read(db, st, dir, rows, max, sizeof *rows, rent_read_entry, NULL, n);
}

static void read_export(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct rent_export_row *r = row;
	rent_read_entry(st, &r->e, ctx);
	db_col_text(st, 12, r->home_ref, sizeof r->home_ref);
	db_col_text(st, 13, r->tenants, sizeof r->tenants);
}

int rent_export_page(struct db *db, const struct actor *who, const char *from, const char *to,
		     enum page_dir dir, const struct page_key *key,
		     struct rent_export_row *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_RENT, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "rent_export_page", 0, dir, key, max)))
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the board may see every rent account");
	if (from && from[0] && rent_iso_date(from, NULL))
		return bad_date(db, "the first day");
	if (to && to[0] && rent_iso_date(to, NULL))
		return bad_date(db, "the last day");
	sqlite3_stmt *st = db_prep(db, SQL_EXPORT[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 3, max);
	sqlite3_bind_text(st, 4, from && from[0] ? from : "0000-01-01", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, to && to[0] ? to : "9999-12-31", -1, SQLITE_TRANSIENT);
	if (key) {
		sqlite3_bind_int64(st, 2, key->id);
		sqlite3_bind_text(st, 6, key->text, -1, SQLITE_TRANSIENT);
	}
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_export, NULL, n);
}

/* rent_oldest_unpaid without the access check. */
static int oldest_unpaid(struct db *db, int64_t tenancy_id, const char *as_at, int64_t balance,
			 char out[ISO_DATE_LEN])
{
	out[0] = '\0';
	if (balance <= 0)
		return DB_OK;
	sqlite3_stmt *st = db_prep(db, SQL_OWED_ROWS);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, tenancy_id);
	db_bind_text(st, 2, as_at);
	int64_t sum = 0;
	int rc;
	while (sum < balance && (rc = db_step_row(db, st)) == DB_OK) {
		db_col_text(st, 0, out, ISO_DATE_LEN);
		sum += sqlite3_column_int64(st, 1);
	}
	db_reset(st);
	return sum >= balance || rc == DB_NOTFOUND ? DB_OK : rc;
}

int rent_oldest_unpaid(struct db *db, const struct actor *who, int64_t tenancy_id,
		       const char *as_at, int64_t balance, char out[ISO_DATE_LEN])
{
	out[0] = '\0';
	int rc = tenancy_readable(db, who, tenancy_id);
	if (rc)
		return rc;
	if (rent_iso_date(as_at, NULL))
		return bad_date(db, "the day of the arrears");
	return oldest_unpaid(db, tenancy_id, as_at, balance, out);
}

void rent_arrears_item_key(const struct rent_arrears_query *q, const struct rent_arrears_item *r,
			   struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->r.tenancy_id;
	key->num = r->r.balance_pence;
	if (q->sort == RENT_ARREARS_BY_HOME)
		snprintf(key->text, sizeof key->text, "%s", r->r.home_ref);
}

static void read_item(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct rent_arrears_item *it = row;
	struct rent_arrears_row *r = &it->r;
	(void)ctx;
	memset(it, 0, sizeof *it);
	r->tenancy_id = sqlite3_column_int64(st, 0);
	r->home_id = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, r->home_ref, sizeof r->home_ref);
	db_col_text(st, 3, r->tenants, sizeof r->tenants);
	db_col_text(st, 4, r->start_date, sizeof r->start_date);
	db_col_text(st, 5, r->end_date, sizeof r->end_date);
	r->balance_pence = sqlite3_column_int64(st, 6);
	enum rent_period p;
	if (sqlite3_column_type(st, 7) != SQLITE_NULL &&
	    rent_period_parse((const char *)sqlite3_column_text(st, 7), &p) == 0 &&
	    rent_weekly_equivalent(p, sqlite3_column_int64(st, 8), &r->weekly_rent) == 0)
		r->weeks_x100 = money_weeks_x100(r->balance_pence, r->weekly_rent);
	else
		r->weekly_rent = 0;
}

static int arrears_args(struct db *db, const struct actor *who, const struct rent_arrears_query *q,
			enum page_dir dir, const struct page_key *key, int max, char day[DATE_BUFSZ])
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_RENT, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the board may see everyone's arrears");
	if ((rc = db_page_args(db, "rent_arrears_list",
			       (unsigned)q->which > TENANCIES_FORMER ||
			       (unsigned)q->sort > RENT_ARREARS_BY_HOME, dir, key, max)))
		return rc;
	if (q->as_at[0] && rent_iso_date(q->as_at, NULL))
		return bad_date(db, "the day of the arrears");
	if (q->as_at[0])
		snprintf(day, DATE_BUFSZ, "%s", q->as_at);
	else
		date_format_iso(date_today(), day, DATE_BUFSZ);
	return DB_OK;
}

int rent_arrears_each(struct db *db, const struct actor *who, const struct rent_arrears_query *q,
		      int (*each)(const struct rent_arrears_item *it, void *ctx), void *ctx)
{
	char day[DATE_BUFSZ];
	int rc = arrears_args(db, who, q, PAGE_FIRST, NULL, 1, day);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_AS_AT[q->sort]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 3, -1);   /* no limit: the whole list in one pass */
	sqlite3_bind_text(st, 4, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, (int)q->which);
	struct rent_arrears_item it;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		read_item(st, &it, NULL);
		if ((rc = oldest_unpaid(db, it.r.tenancy_id, day, it.r.balance_pence,
					it.oldest_unpaid)) ||
		    (rc = each(&it, ctx))) {
			db_reset(st);
			return rc;
		}
	}
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

/* Fills the list's temp table for `day`, `which` and `sort` unless it
 * holds them and nothing can have changed since. Filled inside a
 * transaction (the rows go with it should it roll back), it serves only
 * that call. */
static int arrears_snapshot(struct db *db, const char *day, enum tenancy_which which,
			    enum rent_arrears_sort sort)
{
	int64_t dv;
	int rc = db_data_version(db, &dv);
	if (rc)
		return rc;
	if (db->arrears_snap.ok && db->arrears_snap.which == (int)which &&
	    db->arrears_snap.sort == (int)sort &&
	    db->arrears_snap.data_version == dv &&
	    db->arrears_snap.changes == sqlite3_total_changes64(db->conn) &&
	    strcmp(db->arrears_snap.day, day) == 0)
		return DB_OK;
	db->arrears_snap.ok = 0;
	sqlite3_stmt *st;
	if (!(st = db_prep(db, SQL_SNAP_CLEAR[sort])))
		return db_status(db);
	if ((rc = db_step_done(db, st)))
		return rc;
	if (!(st = db_prep(db, SQL_SNAP_FILL[sort])))
		return db_status(db);
	sqlite3_bind_text(st, 4, day, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, (int)which);
	if ((rc = db_step_done(db, st)))
		return rc;
	db->arrears_snap.ok = sqlite3_get_autocommit(db->conn) != 0;
	db->arrears_snap.which = (int)which;
	db->arrears_snap.sort = (int)sort;
	db->arrears_snap.data_version = dv;
	db->arrears_snap.changes = sqlite3_total_changes64(db->conn);
	snprintf(db->arrears_snap.day, sizeof db->arrears_snap.day, "%s", day);
	return DB_OK;
}

int rent_arrears_list(struct db *db, const struct actor *who, const struct rent_arrears_query *q,
		      enum page_dir dir, const struct page_key *key,
		      struct rent_arrears_item *rows, int max, int *n)
{
	*n = 0;
	char day[DATE_BUFSZ];
	int rc = arrears_args(db, who, q, dir, key, max, day);
	if (rc)
		return rc;
	if ((rc = arrears_snapshot(db, day, q->which, q->sort)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_SNAP_PAGE[q->sort][dir]);
	if (!st)
		return db_status(db);
	if (key) {
		sqlite3_bind_int64(st, 1, key->num);
		sqlite3_bind_int64(st, 2, key->id);
		sqlite3_bind_text(st, 6, key->text, -1, SQLITE_TRANSIENT);
	}
	sqlite3_bind_int(st, 3, max);
	sqlite3_bind_text(st, 4, day, -1, SQLITE_TRANSIENT);
	if ((rc = db_page_read(db, st, dir, rows, max, sizeof *rows, read_item, NULL, n)))
		return rc;
	for (int i = 0; i < *n; i++)
		if ((rc = oldest_unpaid(db, rows[i].r.tenancy_id, day, rows[i].r.balance_pence,
					rows[i].oldest_unpaid)))
			return rc;
	return DB_OK;
}

