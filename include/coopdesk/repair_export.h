/*
 * coopdesk/repair_export.h: repairs read whole, a page at a time, for the
 * export and the reports (src/report/repairs.c): every repair reported in
 * a period, and every event (move, note, report) recorded in one.
 *
 * The board and volunteers only: a member, who sees only their own
 * repairs, gets DB_DENIED (they see theirs on screen). Periods are local
 * days (coopdesk/zone.h), ISO dates, both ends inclusive; a bad date or an
 * end before the start is DB_INVALID, in words.
 */
#ifndef COOPDESK_REPAIR_EXPORT_H
#define COOPDESK_REPAIR_EXPORT_H

#include <stdint.h>

#include "coopdesk/repairs.h"

/* One repair as the export writes it. Instants are UTC ("...Z"). */
struct repair_export_row {
	int64_t id;
	char home_ref[REPAIR_HOME_REF_MAX * 4 + 1];
	char reported_at[REPAIR_INSTANT_LEN];
	char reported_by[REPAIR_NAME_MAX * 4 + 1];
	char title[REPAIR_TITLE_MAX * 4 + 1];
	char location[REPAIR_LOCATION_MAX * 4 + 1];
	char description[REPAIR_DESCRIPTION_MAX * 4 + 1];
	enum repair_priority priority;
	enum repair_status status;
	int rtr_days;                        /* 0: not a Right to Repair defect */
	enum repair_damp damp_hazard;
	char contractor[REPAIR_NAME_MAX * 4 + 1];
	int has_cost;
	int64_t cost_pence;
	char target_at[REPAIR_INSTANT_LEN];  /* a date (working days) or an instant */
	char completed_at[REPAIR_INSTANT_LEN];
	char closed_at[REPAIR_INSTANT_LEN];
	int reopened;
	int within_target;                   /* completed: 1 within target, 0 not;
					      * -1 not completed (RP02's rule) */
};

/* One event as the export writes it. */
struct repair_export_event {
	int64_t id;
	int64_t repair_id;
	char home_ref[REPAIR_HOME_REF_MAX * 4 + 1];
	char at[REPAIR_INSTANT_LEN];
	char actor[REPAIR_NAME_MAX * 4 + 1];
	enum repair_status from_status;      /* REPAIR_NO_STATUS: the report itself */
	enum repair_status to_status;
	char note[REPAIR_NOTE_MAX * 4 + 1];
};

/* The repairs reported from `from` to `to` (NULL or "" for no bound), by
 * number, after repair number `after` (0 for the first page): up to max
 * rows into rows, *n of them; fewer than max means the last page. */
int repair_export_page(struct db *db, const struct actor *who, const char *from, const char *to,
		       int64_t after, struct repair_export_row *rows, int max, int *n);

/* The events recorded from `from` to `to`, in the order recorded, after
 * event `after` (0 first); as repair_export_page. */
int repair_export_events(struct db *db, const struct actor *who, const char *from,
			 const char *to, int64_t after, struct repair_export_event *rows, int max,
			 int *n);

/* The period's bounds as instants: the start of `from`'s local day and
 * the start of the day after `to` (NULL or "" for none: "" and ""). A db
 * status: DB_INVALID, in words, for a bad date or an end before the start. */
int repair_period(struct db *db, const char *from, const char *to, char *first, char *after,
		  size_t n);

#endif
