/*
 * src/db/audit.c: reading the audit trail. The trail is written only by
 * the triggers of audit_triggers.c and refuses UPDATE and DELETE itself
 * (sql/0001_schema.sql); this file has no statement that writes it.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/clock.h"
#include "coopdesk/date.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

#define ROW_COLS "id, at, coalesce(user_id, 0), actor, table_name, row_id, action"

/* A password hash never leaves the data layer, not even through the
 * trail: the field is shown as hidden, and whether an update changed it. */
#define HIDE_HASH(col, other) \
	" CASE WHEN json_type(" col ", '$.password_hash') IS NULL THEN coalesce(" col ", '')" \
	" ELSE json_set(" col ", '$.password_hash'," \
	"   CASE WHEN " other " IS NOT NULL AND json_extract(before, '$.password_hash')" \
	"             IS NOT json_extract(after, '$.password_hash')" \
	"        THEN '(hidden, changed)' ELSE '(hidden)' END) END"

static const char SQL_GET[] =
	"SELECT " ROW_COLS "," HIDE_HASH("before", "after") "," HIDE_HASH("after", "before")
	" FROM audit WHERE id = ?1";

static const char SQL_COUNT[] =
	"SELECT count(*) FROM audit WHERE table_name = ?1 AND (?2 = 0 OR row_id = ?2)";

/* A date range narrowed to ids by the time index, so that the page itself
 * walks ids (the trail's order) and never sorts. Ids follow time as long as
 * the system clock does not go back across the day boundary asked for. */
static const char SQL_FIRST_ID_FROM[] =
	"SELECT id FROM audit WHERE at >= ?1 ORDER BY at, id LIMIT 1";
static const char SQL_LAST_ID_BEFORE[] =
	"SELECT id FROM audit WHERE at < ?1 ORDER BY at DESC, id DESC LIMIT 1";

/* The page: ?1 user, ?2 table, ?3 row, ?4 from, ?5 to (exclusive), each NULL
 * for any; ?6..?7 the ids to look between; ?8 the page size. The driving
 * term comes first, so each kind of filter walks the index made for it:
 * a record by audit_by_record, a user by audit_by_user, else the ids. */
#define PAGE_SQL(drive, order) \
	"SELECT " ROW_COLS " FROM audit WHERE " drive \
	" (?1 IS NULL OR user_id = ?1) AND (?2 IS NULL OR table_name = ?2)" \
	" AND (?3 IS NULL OR row_id = ?3) AND (?4 IS NULL OR at >= ?4)" \
	" AND (?5 IS NULL OR at < ?5) AND id BETWEEN ?6 AND ?7" \
	" ORDER BY id " order " LIMIT ?8"

enum drive { DRIVE_RECORD, DRIVE_USER, DRIVE_ID };

/* [drive][0 newest first, 1 oldest first] */
static const char *const SQL_PAGE[3][2] = {
	[DRIVE_RECORD] = {
		PAGE_SQL("table_name = ?2 AND row_id = ?3 AND", "DESC"),
		PAGE_SQL("table_name = ?2 AND row_id = ?3 AND", "ASC"),
	},
	[DRIVE_USER] = {
		PAGE_SQL("user_id = ?1 AND", "DESC"),
		PAGE_SQL("user_id = ?1 AND", "ASC"),
	},
	[DRIVE_ID] = {
		PAGE_SQL("", "DESC"),
		PAGE_SQL("", "ASC"),
	},
};

static int need_board(struct db *db, const struct actor *who)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_AUDIT, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the board may see the audit trail");
	return DB_OK;
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct audit_row *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, r->at, sizeof r->at);
	r->user_id = sqlite3_column_int64(st, 2);
	db_col_text(st, 3, r->actor, sizeof r->actor);
	db_col_text(st, 4, r->table_name, sizeof r->table_name);
	r->row_id = sqlite3_column_int64(st, 5);
	db_col_text(st, 6, r->action, sizeof r->action);
}

void audit_row_key(const struct audit_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	key->num = r->id;
}

/* Reads a filter's day, a local date, into the UTC instant its local day
 * starts at, moved by `shift` days (the end of a range is the start of the
 * day after), in the trail's own form ("2099-02-28T23:00:00.000Z" for 1
 * March in summer time), so that it compares with `at` as text. "" stays "". */
static int filter_day(struct db *db, const char *in, int shift, char *out, size_t n)
{
	struct date d;
	char iso[CLOCK_ISO_LEN];
	out[0] = '\0';
	if (!in[0])
		return DB_OK;
	int err = date_parse(in, &d);
	time_t start = err == DATE_OK ? zone_day_start(date_add_days(d, shift)) : (time_t)-1;
	if (err != DATE_OK || start == (time_t)-1)
		return db_set_error(db, DB_INVALID, "the audit trail's dates: %s: %s", in,
				    err != DATE_OK ? date_strerror(err) : "not a day this machine can place");
	clock_format_iso(start, iso, sizeof iso);
	snprintf(out, n, "%.19s.000Z", iso);
	return DB_OK;
}

/* One id from a bound query, or `none` when no row is in range. */
static int bound_id(struct db *db, const char *sql, const char *day, int64_t none,
		    int64_t *id)
{
	*id = none;
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	*id = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

int audit_page(struct db *db, const struct actor *who, const struct audit_filter *f,
	       enum page_dir dir, const struct page_key *key, struct audit_row *rows,
	       int max, int *n)
{
	static const struct audit_filter everything;
	char from[32], to[32];
	*n = 0;
	int rc = need_board(db, who);
	if (rc)
		return rc;
	if (!f)
		f = &everything;
	if ((rc = db_page_args(db, "audit_page", 0, dir, key, max)))
		return rc;
	if (f->row_id && !f->table_name[0])
		return db_set_error(db, DB_INVALID,
				    "to follow one record through the trail, name its table too");
	if ((rc = filter_day(db, f->from, 0, from, sizeof from)) ||
	    (rc = filter_day(db, f->to, 1, to, sizeof to)))
		return rc;

	int64_t lo = 0, hi = INT64_MAX;
	if (from[0] && (rc = bound_id(db, SQL_FIRST_ID_FROM, from, INT64_MAX, &lo)))
		return rc;
	if (to[0] && (rc = bound_id(db, SQL_LAST_ID_BEFORE, to, 0, &hi)))
		return rc;
	if (dir == PAGE_AFTER && key->id - 1 < hi)
		hi = key->id - 1;   /* older than the key */
	if (dir == PAGE_BEFORE && key->id + 1 > lo)
		lo = key->id + 1;   /* newer than the key */
	if (lo > hi || max == 0)
		return DB_OK;

	enum drive drive = f->table_name[0] && f->row_id ? DRIVE_RECORD
			 : f->user_id ? DRIVE_USER : DRIVE_ID;
	int oldest_first = dir == PAGE_LAST || dir == PAGE_BEFORE;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[drive][oldest_first]);
	if (!st)
		return db_status(db);
	db_bind_id_or_null(st, 1, f->user_id);
	db_bind_text_or_null(st, 2, f->table_name);
	db_bind_id_or_null(st, 3, f->row_id);
	db_bind_text_or_null(st, 4, from);
	db_bind_text_or_null(st, 5, to);
	sqlite3_bind_int64(st, 6, lo);
	sqlite3_bind_int64(st, 7, hi);
	sqlite3_bind_int(st, 8, max);
	/* Read oldest first (PAGE_LAST, PAGE_BEFORE): reversed for display. */
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}

/* Copies JSON text; 1 if it had to be cut. */
static int read_json(sqlite3_stmt *st, int col, char *buf, size_t n)
{
	db_col_text(st, col, buf, n);
	return (size_t)sqlite3_column_bytes(st, col) >= n;
}

static void read_entry(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct audit_entry *e = row;
	read_row(st, &e->row, NULL);
	e->before_cut = read_json(st, 7, e->before, sizeof e->before);
	e->after_cut = read_json(st, 8, e->after, sizeof e->after);
}

int audit_get(struct db *db, const struct actor *who, int64_t id, struct audit_entry *e)
{
	int rc = need_board(db, who);
	return rc ? rc : db_get(db, SQL_GET, id, read_entry, e, NULL,
				"there is no such entry in the audit trail");
}

int64_t audit_count_for(struct db *db, const char *table, int64_t row_id)
{
	sqlite3_stmt *st = db_prep(db, SQL_COUNT);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table ? table : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, row_id);
	if (db_step_row(db, st) != DB_OK)
		return -1;
	int64_t count = sqlite3_column_int64(st, 0);
	db_reset(st);
	return count;
}
