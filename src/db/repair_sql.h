/*
 * src/db/repair_sql.h: private to the data layer. What "overdue" means,
 * in SQL, for every statement that asks: the repairs list and its OVERDUE
 * column and filter (repairs.c) and Home's count (summary.c). It is the
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

#define REPAIR_OVERDUE_SQL(R, NOW, TODAY) \
	"(" R ".is_open AND " R ".target_at < CASE WHEN length(" R ".target_at) = 10" \
	" THEN " TODAY " ELSE " NOW " END)"

#endif
