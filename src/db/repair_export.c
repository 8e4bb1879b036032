/*
 * src/db/repair_export.c: repairs and their events read whole, a page at a
 * time by number, for the export (coopdesk export repairs) and the
 * reports. A period is compared as instants: the start of its first local
 * day, and the start of the day after its last.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/clock.h"
#include "coopdesk/date.h"
#include "coopdesk/repair_export.h"
#include "coopdesk/zone.h"
#include "dbint.h"
#include "repair_sql.h"

/* ?1 the period's first instant or NULL, ?2 the instant after it or NULL,
 * ?3 the last number read, ?4 the page size. Whether a completed repair
 * met its target is RP02's rule (repair_measures.c). Walks the rowid. */
static const char SQL_EXPORT[] =
	"SELECT r.id, h.ref, r.reported_at, coalesce(m.name, ''), r.title, r.location,"
	" r.description, r.priority_rank, r.status, coalesce(r.rtr_days, 0),"
	" coalesce(r.damp_hazard, ''), coalesce(c.name, ''), r.cost_pence, r.target_at,"
	" coalesce(r.completed_at, ''), coalesce(r.closed_at, ''), r.reopened,"
	" CASE WHEN r.completed_at IS NULL THEN -1"
	"      WHEN length(r.target_at) = 10 THEN date(r.completed_at, 'localtime') <= r.target_at"
	"      ELSE r.completed_at <= r.target_at END"
	" FROM repairs r JOIN homes h ON h.id = r.home_id"
	" LEFT JOIN members m ON m.id = r.reported_by_member"
	" LEFT JOIN contractors c ON c.id = r.contractor_id"
	" WHERE r.id > ?3 AND (?1 IS NULL OR r.reported_at >= ?1)"
	" AND (?2 IS NULL OR r.reported_at < ?2) ORDER BY r.id LIMIT ?4";
static const char SQL_EVENTS[] =
	"SELECT e.id, e.repair_id, h.ref, e.at, e.actor, coalesce(e.from_status, ''),"
	" e.to_status, e.note"
	" FROM repair_events e JOIN repairs r ON r.id = e.repair_id JOIN homes h ON h.id = r.home_id"
	" WHERE e.id > ?3 AND (?1 IS NULL OR e.at >= ?1) AND (?2 IS NULL OR e.at < ?2)"
	" ORDER BY e.id LIMIT ?4";

static void read_repair(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct repair_export_row *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id)
	DB_COL(TEXT, home_ref)
	DB_COL(TEXT, reported_at)
	DB_COL(TEXT, reported_by)
	DB_COL(TEXT, title)
	DB_COL(TEXT, location)
	DB_COL(TEXT, description)
	DB_COL(PRIORITY, priority)
	DB_COL(STATUS, status)
	DB_COL(INT, rtr_days)
	DB_COL(DAMP, damp_hazard)
	DB_COL(TEXT, contractor)
	DB_COL(COST, cost_pence)
	DB_COL(TEXT, target_at)
	DB_COL(TEXT, completed_at)
	DB_COL(TEXT, closed_at)
	DB_COL(INT, reopened)
	DB_COL(INT, within_target)
}

static void read_event(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct repair_export_event *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id)
	DB_COL(INT64, repair_id)
	DB_COL(TEXT, home_ref)
	DB_COL(TEXT, at)
	DB_COL(TEXT, actor)
	DB_COL(STATUS, from_status)
	DB_COL(STATUS, to_status)
	DB_COL(TEXT, note)
}

int repair_period(struct db *db, const char *from, const char *to, char *first, char *after,
		  size_t n)
{
	struct date a = { 0 }, b = { 0 };
	char why[128];
	int has_a = from && *from, has_b = to && *to;
	first[0] = after[0] = '\0';
	if (has_a && date_explain(from, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "the period's start: %s", why);
	if (has_b && date_explain(to, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "the period's end: %s", why);
	if (has_a)
		date_parse(from, &a);
	if (has_b)
		date_parse(to, &b);
	if (has_a && has_b && date_cmp(a, b) > 0)
		return db_set_error(db, DB_INVALID, "the period ends before it starts");
	if (has_a)
		clock_format_iso(zone_day_start(a), first, n);
	if (has_b)
		clock_format_iso(zone_day_start(date_add_days(b, 1)), after, n);
	return DB_OK;
}

/* The board's and volunteers' (a member sees only their own). */
static int whole_read(struct db *db, const struct actor *who)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "a %s may not see every repair",
				    access_role_name(who->role));
	return DB_OK;
}

static int page(struct db *db, const struct actor *who, const char *sql, const char *from,
		const char *to, int64_t after, void *rows, int max, size_t size,
		db_row_reader *reader, int *n)
{
	char first[CLOCK_ISO_LEN], end[CLOCK_ISO_LEN];
	*n = 0;
	int rc = whole_read(db, who);
	if (rc || (rc = repair_period(db, from, to, first, end, sizeof first)))
		return rc;
	if (max < 1)
		return db_set_error(db, DB_INVALID, "a page holds at least one row");
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	db_bind_text_or_null(st, 1, first[0] ? first : NULL);
	db_bind_text_or_null(st, 2, end[0] ? end : NULL);
	sqlite3_bind_int64(st, 3, after);
	sqlite3_bind_int(st, 4, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, size, reader, NULL, n);
}

int repair_export_page(struct db *db, const struct actor *who, const char *from, const char *to,
		       int64_t after, struct repair_export_row *rows, int max, int *n)
{
	return page(db, who, SQL_EXPORT, from, to, after, rows, max, sizeof *rows, read_repair, n);
}

int repair_export_events(struct db *db, const struct actor *who, const char *from,
			 const char *to, int64_t after, struct repair_export_event *rows, int max,
			 int *n)
{
	return page(db, who, SQL_EVENTS, from, to, after, rows, max, sizeof *rows, read_event, n);
}
