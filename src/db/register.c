/*
 * src/db/register.c: the register of members as it stood at the end of a
 * day, every entry whole (the Act s.30(2)), for the documents that print
 * it and the screen that shows it: register_as_at_page and
 * register_as_at_totals (members.h).
 *
 * The inspection copy (s.103) is a statement of its own that never reads
 * the share register or other property, rather than the board's with
 * columns blanked: what it cannot select it cannot show.
 */
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "dbint.h"

/* ?1 the day (ISO), ?2 the key's member number, ?3 the page size. A
 * member's shares and what was paid on them are the share register's
 * operations that stand (SHARE_OP_STANDS: a reversal and what it reversed
 * are a mistake put right, never so) dated on or before the day; an issue
 * pays in, a forfeit leaves what was paid; property is held from its from_date until the day
 * before its to_date. Every subquery is one member's, by the indexes
 * share_ops_by_member and member_property_by_member; the page walks
 * members by member_no's own index. */
#define ENTRY_COLS \
	"SELECT m.id, m.member_no, m.name, m.address, m.postcode, coalesce(m.email, '')," \
	" coalesce(m.email_purpose, ''), m.entered_on," \
	" CASE WHEN m.ceased_on <= ?1 THEN m.ceased_on ELSE '' END"
#define HELD(kind) \
	", coalesce((SELECT sum(p.amount_pence) FROM member_property p" \
	"            WHERE p.member_id = m.id AND p.kind = '" kind "' AND p.from_date <= ?1" \
	"              AND (p.to_date IS NULL OR p.to_date > ?1)), 0)"
#define STANDING_BY(day) " AND o.op_date <= " day " AND " SHARE_OP_STANDS("o")
#define BOARD_COLS \
	", coalesce((SELECT sum(o.shares) FROM share_ops o" \
	"            WHERE o.member_id = m.id" STANDING_BY("?1") "), 0)" \
	", coalesce((SELECT sum(CASE WHEN o.kind = 'issue' THEN o.amount_pence ELSE 0 END)" \
	"            FROM share_ops o WHERE o.member_id = m.id" STANDING_BY("?1") "), 0)" \
	HELD("loan") HELD("deposit") HELD("other")
#define INSPECTION_COLS ", 0, 0, 0, 0, 0"
#define ON_REGISTER " FROM members m WHERE m.entered_on <= ?1"
#define ASC " ORDER BY m.member_no LIMIT ?3"
#define DESC " ORDER BY m.member_no DESC LIMIT ?3"

#define PAGES(COLS) { \
	[PAGE_FIRST] = ENTRY_COLS COLS ON_REGISTER ASC, \
	[PAGE_LAST] = ENTRY_COLS COLS ON_REGISTER DESC, \
	[PAGE_AFTER] = ENTRY_COLS COLS ON_REGISTER " AND m.member_no > ?2" ASC, \
	[PAGE_BEFORE] = ENTRY_COLS COLS ON_REGISTER " AND m.member_no < ?2" DESC, \
}
/* [0] the inspection copy, [1] the board's. */
static const char *const SQL_REGISTER_PAGE[2][4] = { PAGES(INSPECTION_COLS), PAGES(BOARD_COLS) };

#define ROW_FIELDS(X) \
	X(INT64, id) X(INT64, member_no) X(TEXT, name) X(TEXT, address) X(TEXT, postcode) \
	X(TEXT, email) X(TEXT, email_purpose) X(TEXT, entered_on) X(TEXT, ceased_on) \
	X(INT64, shares) X(INT64, paid_pence) X(INT64, loan_pence) X(INT64, deposit_pence) \
	X(INT64, other_pence)

/* ?1 the day. Members on it: entered by the end of it and not ceased by
 * then (one who ceased that day is a former member at its end). */
static const char SQL_REGISTER_COUNTS[] =
	"SELECT count(*), coalesce(sum(ceased_on IS NULL OR ceased_on > ?1), 0)"
	" FROM members WHERE entered_on <= ?1";
#define HELD_ALL(kind) \
	", (SELECT coalesce(sum(amount_pence), 0) FROM member_property" \
	"   WHERE kind = '" kind "' AND from_date <= ?1 AND (to_date IS NULL OR to_date > ?1))"
static const char SQL_REGISTER_HOLDINGS[] =
	"SELECT coalesce(sum(o.shares), 0),"
	" coalesce(sum(CASE WHEN o.kind = 'issue' THEN o.amount_pence ELSE 0 END), 0)"
	HELD_ALL("loan") HELD_ALL("deposit") HELD_ALL("other")
	" FROM share_ops o WHERE 1" STANDING_BY("?1");

static void read_entry(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct register_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
}

/* The checks both calls start with: the actor may read the register, and
 * the board's copy only if they see the whole share register; `on` is a
 * day, not after today, copied into `day` as ISO. */
static int register_args(struct db *db, const struct actor *who, const char *on,
			 int inspection, char day[ISO_DATE_LEN])
{
	int rc = db_access_check(db, who, AREA_REGISTER, OP_READ, NULL);
	if (rc)
		return rc;
	if (!inspection && access_level(who, AREA_SHARES, OP_READ) != ACCESS_ALL)
		return db_set_error(db, DB_DENIED,
				    "only the board may see the register's share and property"
				    " entries; anyone may see the inspection copy, without them");
	char why[160], shown[DATE_BUFSZ];
	struct date d, today = date_today();
	if (date_explain(on, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "the date of the register: %s", why);
	date_parse(on, &d);
	if (date_cmp(d, today) > 0)
		return db_set_error(db, DB_INVALID,
				    "the register can be shown as it stood on a day up to today"
				    " (%s), not after", date_format_uk(today, shown, sizeof shown));
	date_format_iso(d, day, ISO_DATE_LEN);
	return DB_OK;
}

int register_as_at_totals(struct db *db, const struct actor *who, const char *on,
			  int inspection, struct register_totals *out)
{
	char day[ISO_DATE_LEN];
	memset(out, 0, sizeof *out);
	int rc = register_args(db, who, on, inspection, day);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_REGISTER_COUNTS);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, day);
	if ((rc = db_step_row(db, st)))
		return rc;
	out->entries = sqlite3_column_int64(st, 0);
	out->members = sqlite3_column_int64(st, 1);
	out->former = out->entries - out->members;
	db_reset(st);
	if (inspection)
		return DB_OK;
	if (!(st = db_prep(db, SQL_REGISTER_HOLDINGS)))
		return db_status(db);
	db_bind_text(st, 1, day);
	if ((rc = db_step_row(db, st)))
		return rc;
	out->shares = sqlite3_column_int64(st, 0);
	out->paid_pence = sqlite3_column_int64(st, 1);
	out->loan_pence = sqlite3_column_int64(st, 2);
	out->deposit_pence = sqlite3_column_int64(st, 3);
	out->other_pence = sqlite3_column_int64(st, 4);
	db_reset(st);
	return DB_OK;
}

void register_row_key(const struct register_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	key->num = r->member_no;
}

int register_as_at_page(struct db *db, const struct actor *who, const char *on,
			int inspection, enum page_dir dir, const struct page_key *key,
			struct register_row *rows, int max, int *n)
{
	char day[ISO_DATE_LEN];
	*n = 0;
	int rc = register_args(db, who, on, inspection, day);
	if (rc || (rc = db_page_args(db, "register_as_at_page", 0, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_REGISTER_PAGE[!inspection][dir]);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, day);
	if (key)
		sqlite3_bind_int64(st, 2, key->num);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_entry, NULL, n);
}
