/*
 * src/db/repair_measures.c: repairs counted and measured: the kept counts,
 * and the regulator's RP02 (repairs completed within target).
 */
#include <string.h>

#include "coopdesk/clock.h"
#include "coopdesk/date.h"
#include "coopdesk/repairs.h"
#include "coopdesk/zone.h"
#include "dbint.h"

static const char SQL_COUNTS[] =
	"SELECT (SELECT n FROM row_counts WHERE name = 'repairs'),"
	"       (SELECT n FROM row_counts WHERE name = 'repairs_open')";
/* RP02: ?1 the instant the first local day begins, ?2 the instant the day
 * after the last begins (instants compare as text). A date target is met
 * when the repair was completed by the end of that local day ('localtime'
 * is the zone in force, zone_set). */
static const char SQL_RP02[] =
	"SELECT priority = 'emergency', count(*),"
	" sum(CASE WHEN length(target_at) = 10 THEN date(completed_at, 'localtime') <= target_at"
	"          ELSE completed_at <= target_at END)"
	" FROM repairs WHERE completed_at >= ?1 AND completed_at < ?2 GROUP BY 1";

int repair_count(struct db *db, int64_t *all, int64_t *open)
{
	sqlite3_stmt *st = db_prep(db, SQL_COUNTS);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*all = sqlite3_column_int64(st, 0);
	*open = sqlite3_column_int64(st, 1);
	db_reset(st);
	return DB_OK;
}

/* ---- RP02 ------------------------------------------------------------------- */

int repair_rp02(struct db *db, const struct actor *who, const char *from, const char *to,
		struct rp02 *out)
{
	memset(out, 0, sizeof *out);
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "a %s may not see the co-op's repair measures",
				    access_role_name(who->role));
	struct date a, b;
	char why[128], first[CLOCK_ISO_LEN], after[CLOCK_ISO_LEN];
	if (date_explain(from, why, sizeof why) != DATE_OK ||
	    date_explain(to, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "%s", why);
	date_parse(from, &a);
	date_parse(to, &b);
	if (date_cmp(a, b) > 0)
		return db_set_error(db, DB_INVALID, "the period ends before it starts");
	clock_format_iso(zone_day_start(a), first, sizeof first);
	clock_format_iso(zone_day_start(date_add_days(b, 1)), after, sizeof after);
	sqlite3_stmt *st = db_prep(db, SQL_RP02);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, first, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, after, -1, SQLITE_TRANSIENT);
	while ((rc = db_step_row(db, st)) == DB_OK) {
		int64_t done = sqlite3_column_int64(st, 1), in_target = sqlite3_column_int64(st, 2);
		if (sqlite3_column_int(st, 0)) {
			out->emergency_completed = done;
			out->emergency_in_target = in_target;
		} else {
			out->other_completed = done;
			out->other_in_target = in_target;
		}
	}
	return rc == DB_NOTFOUND ? DB_OK : rc;
}
