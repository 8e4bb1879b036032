/*
 * src/db/repair_sql.h: private to the data layer: what the repairs'
 * files (repairs.c, repair_list.c, summary.c) share. What "overdue" means,
 * in SQL, for every statement that asks: the repairs list and its OVERDUE
 * column and filter (repair_list.c) and Home's count (summary.c). It is the
 * rule of repair_target_passed (coopdesk/repair_rules.h): an open repair
 * whose target is past. A date target ("2026-12-01", working days) is met
 * if done by the end of that local day, so it is past only once TODAY (the
 * local date) is after it: a repair due today is not overdue. An instant
 * target (hours) is past once NOW is later.
 *
 * R is the repairs table's alias; NOW and TODAY are the SQL parameters
 * holding now (an instant) and today (a local date).
 */
#ifndef COOPDESK_REPAIR_SQL_H
#define COOPDESK_REPAIR_SQL_H

#include <sqlite3.h>

#include "coopdesk/repairs.h"

#define REPAIR_OVERDUE_SQL(R, NOW, TODAY) \
	"(" R ".is_open AND " R ".target_at < CASE WHEN length(" R ".target_at) = 10" \
	" THEN " TODAY " ELSE " NOW " END)"

/* A list row's columns, first in a whole repair's too (struct repair_row
 * and struct repair share them), and how the odd kinds are read. */
#define SHARED_FIELDS(X) \
	X(INT64, id) X(INT64, home_id) X(TEXT, home_ref) X(TEXT, title) X(PRIORITY, priority) \
	X(STATUS, status) X(TEXT, target_at)
/* priority_rank is enum repair_priority's value. */
#define DB_COL_PRIORITY(field) r->field = (enum repair_priority)sqlite3_column_int(st, col++);
#define DB_COL_STATUS(field) \
	r->field = repair_status_parse((const char *)sqlite3_column_text(st, col++));
#define DB_COL_DAMP(field) \
	r->field = (enum repair_damp)repair_damp_parse((const char *)sqlite3_column_text(st, col++));
#define DB_COL_HOW(field) \
	r->field = (enum repair_how)repair_how_parse((const char *)sqlite3_column_text(st, col++));
#define DB_COL_CATEGORY(field) \
	r->field = (enum repair_category)repair_category_parse( \
		(const char *)sqlite3_column_text(st, col++));
/* A cost may be not known (NULL). */
#define DB_COL_COST(field) \
	{ \
		r->has_cost = sqlite3_column_type(st, col) != SQLITE_NULL; \
		r->field = sqlite3_column_int64(st, col++); \
	}

/* The repairs a member may see: their current home's since their tenancy
 * began (reported on its first local day or later: not an earlier
 * tenant's), and those they reported. P is the parameter holding the
 * member's id. SQLite's 'localtime' is the zone in force (zone_set). */
#define MEMBER_SEES(P) \
	"(r.reported_by_member = " P " OR EXISTS (SELECT 1" \
	" FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id" \
	" WHERE s.member_id = " P " AND t.end_date IS NULL AND t.home_id = r.home_id" \
	" AND date(r.reported_at, 'localtime') >= t.start_date))"

/* The level for a read, and the member to restrict to (0 for all): a
 * member sees only their own. A db status. */
int repair_read_scope(struct db *db, const struct actor *who, int64_t *member);

/* Fills in what the schemes in force make of a repair being reported
 * (repair_schemes.c): loads the rules into *rules; a defect of the
 * schedule (r->rtr_defect_id) gives rtr_defect and, by the season of the
 * local reporting day, rtr_days; with Right to Repair off, none; the
 * category damp and mould is a significant hazard unless said to be an
 * emergency. DB_NOTFOUND for a defect not in use in the schedule. */
struct repair;
struct repair_rules;
int repair_apply_schemes(struct db *db, struct repair *r, struct repair_rules *rules);

/* The local date of an instant ("" stays ""; a date stays that date). */
void repair_local_date(const char *instant, char out[11]);

/* repairs.c's writes. The bulk path (repair_bulk.c) inserts a repair into
 * its copy by the same columns and arguments, and writes its events, moves
 * and edit with the values these statements bind, the audit rows as the
 * tables' triggers write them (tests/cli/demo.sh compares the two ways). */
#define REPAIR_SQL_INSERT_COLS \
	"uuid, home_id, reported_by_member, reported_at, title, description, location," \
	" priority, rtr_defect, rtr_days, damp_hazard, cost_pence, target_at, reported_how," \
	" category"
#define REPAIR_SQL_INSERT_ARGS \
	"?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15"
/* The user id is kept only when that user exists (the command line has none). */
#define REPAIR_SQL_EVENT_COLS "repair_id, at, user_id, actor, from_status, to_status, note"
#define REPAIR_SQL_EVENT_ARGS "?1, ?2, (SELECT id FROM users WHERE id = ?3), ?4, ?5, ?6, ?7"
#define REPAIR_SQL_MOVE_SET \
	"SET status = ?3, contractor_id = ?4, completed_at = ?5, closed_at = ?6," \
	" reopened = ?7, version = version + 1 WHERE id = ?1 AND version = ?2"
#define REPAIR_SQL_UPDATE_SET \
	"SET title = ?3, description = ?4, location = ?5, priority = ?6," \
	" rtr_defect = ?7, rtr_days = ?8, damp_hazard = ?9, investigated_on = ?10," \
	" summary_sent_on = ?11, cost_pence = ?12, target_at = ?13, safety_done_on = ?14," \
	" version = version + 1 WHERE id = ?1 AND version = ?2"
/* The same edit when none of the columns the indexes hold changed (the
 * priority, the Right to Repair days, the damp hazard, the target): the
 * row is written and none of its sixteen indexes (test_sql checks). */
#define REPAIR_SQL_UPDATE_WORDS_SET \
	"SET title = ?3, description = ?4, location = ?5, rtr_defect = ?7," \
	" investigated_on = ?10, summary_sent_on = ?11, cost_pence = ?12," \
	" safety_done_on = ?14, version = version + 1 WHERE id = ?1 AND version = ?2"
extern const char repair_sql_insert[], repair_sql_event[], repair_sql_move[],
	repair_sql_update[], repair_sql_update_words[];
int repair_check_fields(struct db *db, const struct repair *r);
int repair_clean_date(struct db *db, char *field, const char *what);
int repair_check_damp_dates(struct db *db, const char *reported_at, const struct repair *r);
int repair_add_event(struct db *db, const struct actor *who, int64_t id, const char *at,
		     enum repair_status from, enum repair_status to, const char *note);
#endif
