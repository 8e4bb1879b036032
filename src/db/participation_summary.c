/*
 * src/db/participation_summary.c: a year's participation, member by
 * member, for the board's summary (decisions.h: participation_summary_page).
 * Each row counts what participation_year (decisions.c) counts for one
 * member, with the same subqueries, and is judged against the co-op's
 * expectation by the same rule (db_participation_met);
 * tests/unit/test_participation_summary.c checks that the two agree.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/decisions.h"
#include "dbint.h"

/* ?1 the day whose members are listed, ?2 and ?3 the year's first and
 * last days, ?4 the key's member number, ?5 the page size. Members on
 * ?1: entered by the end of it and not ceased by then. The meetings are
 * general meetings held (not board meetings, not cancelled) in the year
 * that the member attended, by the attendance register or a participation
 * record naming the meeting; the minutes are every participation record
 * of theirs in the year. A member's records are found by the indexes
 * attendance_by_member and participation_by_member; the year's meetings
 * by meetings_by_date. */
#define SUMMARY_COLS \
	"SELECT m.id, m.member_no, m.name, m.entered_on," \
	" (SELECT count(*) FROM meetings g" \
	"   WHERE g.kind <> 'board' AND g.status = 'held' AND g.held_on BETWEEN ?2 AND ?3" \
	"     AND (EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = g.id AND a.member_id = m.id)" \
	"       OR EXISTS (SELECT 1 FROM participation p WHERE p.meeting_id = g.id" \
	"                  AND p.member_id = m.id)))," \
	" (SELECT coalesce(sum(minutes), 0) FROM participation" \
	"   WHERE member_id = m.id AND on_date BETWEEN ?2 AND ?3)" \
	" FROM members m WHERE m.entered_on <= ?1 AND (m.ceased_on IS NULL OR m.ceased_on > ?1)"
#define S_ASC " ORDER BY m.member_no LIMIT ?5"
#define S_DESC " ORDER BY m.member_no DESC LIMIT ?5"
static const char *const SQL_SUMMARY_PAGE[4] = {
	[PAGE_FIRST] = SUMMARY_COLS S_ASC,
	[PAGE_LAST] = SUMMARY_COLS S_DESC,
	[PAGE_AFTER] = SUMMARY_COLS " AND m.member_no > ?4" S_ASC,
	[PAGE_BEFORE] = SUMMARY_COLS " AND m.member_no < ?4" S_DESC,
};

#define SUMMARY_FIELDS(X) \
	X(INT64, member_id) X(INT64, member_no) X(TEXT, name) X(TEXT, entered_on) \
	X(INT64, meetings_attended) X(INT64, minutes_given)

/* A row, judged against the co-op's expectation `ctx` (struct
 * db_expectation) as participation_year judges one member's year. */
static void read_summary(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct participation_summary_row *r = row;
	const struct db_expectation *e = ctx;
	int col = 0;
	memset(r, 0, sizeof *r);
	SUMMARY_FIELDS(DB_COL)
	r->meetings_expected = e->meetings;
	r->minutes_expected = e->minutes;
	r->meets_expectation = db_participation_met(e, r->meetings_attended, r->minutes_given,
						    &r->meetings_met, &r->hours_met);
}

int participation_summary_day(int year, char day[ISO_DATE_LEN])
{
	struct date today = date_today();
	day[0] = '\0';
	if (year < DATE_MIN_YEAR || year > today.y)
		return -1;
	struct date end = { year, 12, 31 };
	date_format_iso(year == today.y ? today : end, day, ISO_DATE_LEN);
	return 0;
}

void participation_summary_row_key(const struct participation_summary_row *r,
				   struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->member_id;
	key->num = r->member_no;
}

int participation_summary_page(struct db *db, const struct actor *who, int year,
			       enum page_dir dir, const struct page_key *key,
			       struct participation_summary_row *rows, int max, int *n)
{
	enum access_level level;
	*n = 0;
	int rc = db_access_check(db, who, AREA_PARTICIPATION, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED,
				    "only the board may see everyone's participation");
	if ((rc = db_page_args(db, "participation_summary_page", 0, dir, key, max)))
		return rc;
	char day[ISO_DATE_LEN], from[16], to[16];
	if (participation_summary_day(year, day) != 0)
		return db_set_error(db, DB_INVALID,
				    "participation is summarised for a year from %d to this one (%d)",
				    DATE_MIN_YEAR, date_today().y);
	struct db_expectation e;
	if ((rc = db_participation_expectation(db, &e)))
		return rc;
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	sqlite3_stmt *st = db_prep(db, SQL_SUMMARY_PAGE[dir]);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, day);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	if (key)
		sqlite3_bind_int64(st, 4, key->num);
	sqlite3_bind_int(st, 5, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_summary, &e, n);
}
