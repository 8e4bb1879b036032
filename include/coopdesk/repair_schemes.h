/*
 * coopdesk/repair_schemes.h: the schemes that may bind a co-op's repairs
 * (domain.md "Repairs"): the Right to Repair schedule of defects, the
 * tenant's request for a second contractor and the compensation that
 * follows when the second misses too. Whether each scheme is on is a
 * setting (scheme_right_to_repair, scheme_awaab); when one is off, these
 * refuse, saying so, and the repair's own fields and clocks stand aside
 * (repair_get fills rtr_on and awaab_on).
 *
 * Who: everyone may read the schedule (a member's form offers nothing from
 * it, as a member's report is triaged by the office); the board edits it,
 * records the second contractor and settles compensation.
 */
#ifndef COOPDESK_REPAIR_SCHEMES_H
#define COOPDESK_REPAIR_SCHEMES_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/repairs.h"

/* One defect of the schedule. */
struct rtr_defect {
	int64_t id;
	char defect[REPAIR_RTR_DEFECT_MAX * 4 + 1];
	int days;           /* 1, 3 or 7 */
	int summer_days;    /* 0: the same all year; else its target 1 May to 31 October */
	int in_use;
	int64_t version;
};

/* One page of the schedule by defect (then id), after/before `key`; only
 * those in use when in_use_only; `search` (NULL or "") keeps the defects
 * with a word starting with each word typed. Board and volunteers. */
int rtr_defect_page(struct db *db, const struct actor *who, int in_use_only, const char *search,
		    enum page_dir dir, const struct page_key *key, struct rtr_defect *rows,
		    int max, int *n);
void rtr_defect_key(const struct rtr_defect *d, struct page_key *key);

/* One defect. DB_NOTFOUND if none. */
int rtr_defect_get(struct db *db, const struct actor *who, int64_t id, struct rtr_defect *d);

/* Adds (d->id 0) or saves a defect: its words, days, summer days and
 * whether it is in use; d->version must be the version read. Board only
 * (DB_DENIED). DB_CONSTRAINT in the schema's words for days not 1, 3 or 7
 * or words too long; DB_CONFLICT naming who saved since. */
int rtr_defect_save(struct db *db, const struct actor *who, struct rtr_defect *d);

/* Records, on `on` (ISO, a local day: not before the first target was
 * missed's day after, nor in the future), that the tenant asked for a
 * second contractor, who is `contractor_id` (in use, not the first); the
 * repair is assigned to them with an event, and the second period runs
 * from that day. Only for a repair that qualifies for Right to Repair,
 * still open, whose first target has passed, and only once. Board only.
 * DB_INVALID in words otherwise; DB_CONFLICT if `version` is not the
 * repair's. */
int repair_rtr_second(struct db *db, const struct actor *who, int64_t id, int64_t version,
		      const char *on, int64_t contractor_id);

/* Settles the compensation due (repair_get's rtr_compensation_pence, which
 * must be more than 0): `how` "paid" (paid to the tenant) or "rent" (set
 * against rent arrears: an adjustment of minus that amount on the current
 * tenancy of the home, in the same transaction), on `on` (ISO, not in the
 * future). Once only; only when the repair is completed or closed (the
 * amount is final then). Board only. */
int repair_rtr_settle(struct db *db, const struct actor *who, int64_t id, int64_t version,
		      const char *how, const char *on);

/* The repairs of a scheme reported on the local days `from` to `to` (ISO,
 * inclusive; "" or NULL: from the first, to today): Right to Repair
 * (`damp` 0: a defect of the schedule was given) or Awaab's Law (`damp`
 * 1: a damp or mould hazard), by the time reported, then number: the ids
 * of the next page after `after_id` reported at `after_at` ("" and 0 for
 * the first page), at most max into ids (*n). Board and volunteers;
 * DB_INVALID for a bad date. */
int repair_scheme_page(struct db *db, const struct actor *who, int damp, const char *from,
		       const char *to, const char *after_at, int64_t after_id, int64_t *ids,
		       char (*at)[REPAIR_INSTANT_LEN], int max, int *n);

#endif
