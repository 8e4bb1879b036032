/*
 * src/db/summary.c: the Home screen's figures.
 */
#include <string.h>

#include "coopdesk/summary.h"
#include "dbint.h"
#include "repair_sql.h"

static const char SQL_COUNTS[] =
	"SELECT (SELECT n FROM row_counts WHERE name = 'members_current'),"
	"       (SELECT n FROM row_counts WHERE name = 'members'),"
	"       (SELECT n FROM row_counts WHERE name = 'homes'),"
	"       (SELECT n FROM row_counts WHERE name = 'tenancies_current'),"
	"       (SELECT n FROM row_counts WHERE name = 'repairs'),"
	"       (SELECT n FROM row_counts WHERE name = 'repairs_open')";
/* Overdue as the repairs list has it (repair_sql.h): ?1 now, ?2 today.
 * Every overdue target is below the greater of the two, and every target
 * below the lesser is overdue (a date before today's, an instant before
 * now), so only the band between them, less than a day's targets, needs
 * the rule itself; the partial index repairs_open_by_target serves both
 * ranges. */
static const char SQL_OVERDUE[] =
	"SELECT (SELECT count(*) FROM repairs r WHERE r.is_open AND r.target_at < min(?1, ?2))"
	"     + (SELECT count(*) FROM repairs r WHERE r.is_open AND r.target_at >= min(?1, ?2)"
	"        AND r.target_at < max(?1, ?2) AND " REPAIR_OVERDUE_SQL("r", "?1", "?2") ")";
static const char SQL_ARREARS[] =
	"SELECT count(*), coalesce(sum(b), 0) FROM ("
	"  SELECT (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id"
	"           ORDER BY l.id DESC LIMIT 1) AS b"
	"    FROM tenancies t WHERE t.end_date IS NULL) WHERE b > 0";
static const char SQL_NEXT_MEETING[] =
	"SELECT title, held_on FROM meetings WHERE held_on >= ?1 AND status = 'planned'"
	" AND (?2 OR kind <> 'board') ORDER BY held_on, id LIMIT 1";
static const char SQL_ACTIONS_OVERDUE[] =
	"SELECT count(*) FROM decision_actions WHERE done_on IS NULL AND due_on < ?1";

/* The actor's own account: share, current tenancy and its balance, open
 * repairs of that home or reported by them. */
static const char SQL_OWN[] =
	"SELECT m.member_no,"
	"       coalesce((SELECT sum(o.shares) FROM share_ops o WHERE o.member_id = m.id), 0),"
	"       coalesce((SELECT sum(CASE WHEN o.kind = 'issue' THEN o.amount_pence"
	"                                 WHEN o.kind = 'reversal' AND o.shares = -1 THEN -o.amount_pence"
	"                                 ELSE 0 END) FROM share_ops o WHERE o.member_id = m.id), 0),"
	"       t.id, h.ref,"
	"       (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id"
	"         ORDER BY l.id DESC LIMIT 1),"
	"       (SELECT count(*) FROM repairs r WHERE r.is_open"
	"         AND (r.reported_by_member = m.id"
	"              OR (r.home_id = t.home_id"
	"                  AND date(r.reported_at, 'localtime') >= t.start_date)))"
	"  FROM members m"
	"  LEFT JOIN tenancy_signatories s ON s.member_id = m.id"
	"       AND s.tenancy_id IN (SELECT id FROM tenancies WHERE end_date IS NULL)"
	"  LEFT JOIN tenancies t ON t.id = s.tenancy_id"
	"  LEFT JOIN homes h ON h.id = t.home_id"
	" WHERE m.id = ?1 LIMIT 1";

static int own_account(struct db *db, const struct actor *who, struct summary *out)
{
	sqlite3_stmt *st = db_prep(db, SQL_OWN);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, who->member_id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK; /* a linked member that is gone: nothing to show */
	if (rc)
		return rc;
	out->own = 1;
	out->own_member_no = sqlite3_column_int64(st, 0);
	if (access_level(who, AREA_SHARES, OP_READ) != ACCESS_NONE) {
		out->own_shares = sqlite3_column_int64(st, 1);
		out->own_paid_pence = sqlite3_column_int64(st, 2);
	}
	db_col_text(st, 4, out->own_home_ref, sizeof out->own_home_ref);
	if (sqlite3_column_type(st, 3) != SQLITE_NULL &&
	    access_level(who, AREA_RENT, OP_READ) != ACCESS_NONE) {
		out->has_own_rent = 1;
		out->own_tenancy_id = sqlite3_column_int64(st, 3);
		out->own_balance_pence = sqlite3_column_int64(st, 5);
	}
	out->own_repairs_open = sqlite3_column_int64(st, 6);
	db_reset(st);
	return DB_OK;
}

static int one_int(struct db *db, const char *sql, const char *arg, int64_t *out)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*out = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

int summary_get(struct db *db, const struct actor *who, const char *now,
		const char *today, struct summary *out)
{
	memset(out, 0, sizeof *out);
	int rc;
	sqlite3_stmt *st = db_prep(db, SQL_COUNTS);
	if (!st)
		return db_status(db);
	if ((rc = db_step_row(db, st)))
		return rc;
	out->members_current = sqlite3_column_int64(st, 0);
	out->members_all = sqlite3_column_int64(st, 1);
	out->homes = sqlite3_column_int64(st, 2);
	out->tenancies_current = sqlite3_column_int64(st, 3);
	out->repairs_all = sqlite3_column_int64(st, 4);
	out->repairs_open = sqlite3_column_int64(st, 5);
	db_reset(st);

	if (access_level(who, AREA_REPAIRS, OP_READ) == ACCESS_ALL) {
		if (!(st = db_prep(db, SQL_OVERDUE)))
			return db_status(db);
		sqlite3_bind_text(st, 1, now, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, today, -1, SQLITE_TRANSIENT);
		if ((rc = db_step_row(db, st)))
			return rc;
		out->repairs_overdue = sqlite3_column_int64(st, 0);
		db_reset(st);
	}
	if (who && who->member_id > 0 && access_level(who, AREA_RENT, OP_READ) == ACCESS_OWN &&
	    (rc = own_account(db, who, out)))
		return rc;
	if (access_level(who, AREA_RENT, OP_READ) == ACCESS_ALL) {
		out->has_rent = 1;
		if (!(st = db_prep(db, SQL_ARREARS)))
			return db_status(db);
		if ((rc = db_step_row(db, st)))
			return rc;
		out->arrears_tenancies = sqlite3_column_int64(st, 0);
		out->arrears_pence = sqlite3_column_int64(st, 1);
		db_reset(st);
	}
	if (access_level(who, AREA_DECISIONS, OP_READ) == ACCESS_ALL &&
	    (rc = one_int(db, SQL_ACTIONS_OVERDUE, today, &out->actions_overdue)))
		return rc;
	if (access_level(who, AREA_MEETINGS, OP_READ) != ACCESS_NONE) {
		if (!(st = db_prep(db, SQL_NEXT_MEETING)))
			return db_status(db);
		sqlite3_bind_text(st, 1, today, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 2, access_level(who, AREA_MEETINGS, OP_READ) == ACCESS_ALL);
		rc = db_step_row(db, st);
		if (rc == DB_OK) {
			db_col_text(st, 0, out->next_meeting_title, sizeof out->next_meeting_title);
			db_col_text(st, 1, out->next_meeting_on, sizeof out->next_meeting_on);
			db_reset(st);
		} else if (rc != DB_NOTFOUND) {
			return rc;
		}
	}
	return DB_OK;
}
