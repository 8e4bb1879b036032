/*
 * coopdesk/repair_rules.h: the rules of repairs (domain.md "Repairs"), with
 * no I/O: which status moves are allowed, the target a repair must meet,
 * Right to Repair qualification and compensation, and the instants
 * ("2026-11-22T09:30:00Z") repairs are stamped with.
 *
 * Every number comes in through struct repair_rules, which the data layer
 * fills from the settings table (repairs.c); nothing here holds a default.
 */
#ifndef COOPDESK_REPAIR_RULES_H
#define COOPDESK_REPAIR_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/date.h"

/* "2026-11-22T09:30:00Z" and its NUL. */
#define REPAIR_INSTANT_LEN 21
/* "2026-11-22" and its NUL. */
#define REPAIR_DATE_LEN 11

/* Priority bands; the numbers are the schema's priority_rank (1 first).
 * Zero is "not given", which every function refuses. */
enum repair_priority {
	REPAIR_PRIORITY_NONE = 0,
	REPAIR_EMERGENCY = 1,
	REPAIR_URGENT = 2,
	REPAIR_ROUTINE = 3,
	REPAIR_PLANNED = 4
};

/* The life of a repair. REPAIR_NO_STATUS stands for "none" (the from-status
 * of the event that reports a repair). */
enum repair_status {
	REPAIR_NO_STATUS = -1,
	REPAIR_REPORTED = 0,
	REPAIR_TRIAGED,
	REPAIR_ASSIGNED,
	REPAIR_IN_PROGRESS,
	REPAIR_COMPLETED,
	REPAIR_CLOSED,
	REPAIR_CANCELLED,
	REPAIR_STATUS_COUNT
};

/* How a repair was reported; 0 not said. */
enum repair_how {
	REPAIR_HOW_NONE = 0, REPAIR_BY_PHONE, REPAIR_IN_PERSON, REPAIR_BY_EMAIL,
	REPAIR_AT_INSPECTION, REPAIR_HOW_COUNT
};

/* What kind of repair; 0 not said. REPAIR_DAMP_MOULD starts Awaab's Law's
 * clocks (a significant hazard unless said to be an emergency). */
enum repair_category {
	REPAIR_CATEGORY_NONE = 0, REPAIR_PLUMBING, REPAIR_HEATING, REPAIR_ELECTRICAL,
	REPAIR_DAMP_MOULD, REPAIR_DOORS_WINDOWS, REPAIR_ROOF, REPAIR_DRAINS, REPAIR_STRUCTURE,
	REPAIR_OTHER, REPAIR_CATEGORY_COUNT
};

/* Damp and mould hazard class (Awaab's Law). */
enum repair_damp { REPAIR_DAMP_NONE = 0, REPAIR_DAMP_EMERGENCY, REPAIR_DAMP_SIGNIFICANT };

/* The co-op's numbers for repairs, as the settings table holds them. */
struct repair_rules {
	int emergency_hours;        /* repair_emergency_hours */
	int urgent_days;            /* repair_urgent_days (working days) */
	int routine_days;           /* repair_routine_days */
	int planned_days;           /* repair_planned_days */
	int damp_emergency_hours;   /* damp_emergency_hours */
	int damp_investigate_days;  /* damp_investigate_days (working days) */
	int damp_summary_days;      /* damp_summary_days, after the investigation */
	int damp_safety_days;       /* damp_safety_days, after the investigation */
	int64_t rtr_max_cost;       /* rtr_max_cost: above it, no Right to Repair (pence) */
	int64_t rtr_comp_base;      /* rtr_comp_base (pence) */
	int64_t rtr_comp_per_day;   /* rtr_comp_per_day (pence) */
	int64_t rtr_comp_cap;       /* rtr_comp_cap (pence) */
	/* The schemes the co-op is bound by (scheme_right_to_repair and
	 * scheme_awaab, read the other way so that zeroed rules have both
	 * on): when one is off its targets stand aside. */
	int rtr_off;
	int awaab_off;
};

/* Names as the schema stores them ("in_progress") and as people read them
 * ("in progress"). Static strings; "" for a value out of range. */
const char *repair_status_name(enum repair_status s);
const char *repair_status_label(enum repair_status s);
const char *repair_priority_name(enum repair_priority p);
const char *repair_damp_name(enum repair_damp d);   /* "" for none */
/* "in_person" / "in person", "damp_mould" / "damp and mould"; "" for none
 * or out of range; the parse functions give 0 for "" or NULL, -1 for text
 * that is none of them. */
const char *repair_how_name(enum repair_how h);
const char *repair_how_label(enum repair_how h);
int repair_how_parse(const char *s);
const char *repair_category_name(enum repair_category c);
const char *repair_category_label(enum repair_category c);
int repair_category_parse(const char *s);

/* The reverse of the _name functions: the value, or REPAIR_NO_STATUS /
 * REPAIR_PRIORITY_NONE / -1 for text that is none of them. NULL or ""
 * gives REPAIR_DAMP_NONE for damp. */
enum repair_status repair_status_parse(const char *s);
enum repair_priority repair_priority_parse(const char *s);
int repair_damp_parse(const char *s);

/* 1 for the statuses of a repair still to be done (reported, triaged,
 * assigned, in progress), else 0. */
int repair_status_is_open(enum repair_status s);

/* Whether a repair may move from `from` to `to`:
 *   reported -> triaged -> assigned -> in progress -> completed -> closed;
 *   assigned -> assigned (another contractor);
 *   any open status -> cancelled;
 *   completed or closed -> reported or triaged (reopened).
 * Returns NULL when allowed, else a sentence saying why not and what to do
 * ("a repair that is reported must be triaged before it is assigned").
 * The sentence is static. */
const char *repair_move_refusal(enum repair_status from, enum repair_status to);

/* 1 when the move reopens a finished repair (the data layer counts them). */
int repair_move_reopens(enum repair_status from, enum repair_status to);

/* Whether a Right to Repair target applies: rtr_days is 1, 3 or 7 and the
 * cost, when known (has_cost), is not above rules->rtr_max_cost. */
int repair_rtr_qualifies(const struct repair_rules *rules, int rtr_days, int has_cost,
			 int64_t cost_pence);

/* A schedule defect's target in working days on the local day `reported_on`
 * (ISO): `summer_days` (when not 0) from 1 May to 31 October, `days` from
 * 1 November to 30 April (heating: 1 in winter, 3 in summer). 0 for a bad
 * date. */
int repair_rtr_season_days(int days, int summer_days, const char *reported_on);

/* The second contractor's deadline: `rtr_days` working days from the local
 * day the tenant asked (`requested_on`, ISO, which itself never counts).
 * Returns 0, or -1 (and "") for bad input. */
int repair_rtr_second_due(const struct holidays *h, int rtr_days, const char *requested_on,
			  char out[REPAIR_DATE_LEN]);

/* Compensation for a Right to Repair target missed by `days_late` calendar
 * days: rtr_comp_base + rtr_comp_per_day for each day, capped at
 * rtr_comp_cap (£10 + £2 a day, at most £50, by default). 0 when
 * days_late <= 0. */
int64_t repair_rtr_compensation(const struct repair_rules *rules, int days_late);

/* What the target of a repair depends on. */
struct repair_target_in {
	const char *reported_at;        /* an instant (repair_instant_parse) */
	enum repair_priority priority;
	int rtr_days;                   /* 0 none, else 1, 3 or 7 */
	int has_cost;
	int64_t cost_pence;
	enum repair_damp damp;
};

/* The deadline of a repair: the tightest of its priority's target, its
 * Right to Repair target (when it qualifies) and its damp and mould target
 * (emergency: hours; significant: working days to investigate). Targets in
 * hours are instants ("2026-11-23T09:30:00Z"); targets in working days are
 * local dates ("2026-12-01"), due by the end of that local day, counted
 * from the LOCAL day of the reported instant (coopdesk/zone.h: a report at
 * 23:30 UTC on a summer night is made the next day in London), which
 * itself never counts, skipping weekends and the holidays `h` (may be
 * NULL). Writes `out` and returns 0; -1 (and "" in out) for a bad
 * reported_at, priority, rtr_days or damp. */
int repair_target(const struct repair_rules *rules, const struct holidays *h,
		  const struct repair_target_in *in, char out[REPAIR_INSTANT_LEN]);

/* The Right to Repair deadline alone (a date, "" when it does not
 * qualify), for compensation. Returns 0, or -1 for bad input. */
int repair_rtr_due(const struct repair_rules *rules, const struct holidays *h,
		   const struct repair_target_in *in, char out[REPAIR_DATE_LEN]);

/* Whether a target is past at `now` (an instant) on the local day `today`
 * (a date): a date target is met if done by the end of that day, so it is
 * past only once `today` is after it (a repair due today is not yet past
 * its target); an instant target is past once now is later. 0 for an empty
 * or malformed target. The data layer's lists and counts use the same
 * rule (repairs.c, REPAIR_OVERDUE). */
int repair_target_passed(const char *target_at, const char *now, const char *today);

/* How many working days a target is behind on the local day `today` (a
 * date): the working days after the target's local day up to and including
 * today, skipping weekends and the holidays `h` (may be NULL). A Friday
 * target is 1 working day late on Monday, and 0 on the Saturday between,
 * though past (repair_target_passed). 0 for an empty or malformed target,
 * or one not yet reached. */
int repair_working_days_late(const char *target_at, const char *today,
			     const struct holidays *h);

/* Parses an instant: "2026-11-22T09:30:00Z", with the seconds, a fraction
 * of a second and the Z each optional (read as UTC). Fills *day and *secs
 * (seconds into the day) and returns 0, or -1 when it is not one. Either
 * pointer may be NULL. */
int repair_instant_parse(const char *s, struct date *day, int *secs);

/* Writes the canonical "2026-11-22T09:30:00Z" for a day and second. */
void repair_instant_format(struct date day, int secs, char out[REPAIR_INSTANT_LEN]);

/* Damp and mould milestones after an investigation on `investigated_on`
 * (ISO date): the written summary is due `damp_summary_days` working days
 * after it, safety work `damp_safety_days` after it. Returns 0, or -1 for
 * a bad date (both outputs ""). */
int repair_damp_due(const struct repair_rules *rules, const struct holidays *h,
		    const char *investigated_on, char summary_due[REPAIR_DATE_LEN],
		    char safety_due[REPAIR_DATE_LEN]);

#endif
