/*
 * coopdesk/repairs.h: repairs, their events and the RP02 measure
 * (domain.md "Repairs"). The rules themselves (moves, targets, Right to
 * Repair) are in coopdesk/repair_rules.h; contractors in contractors.h.
 *
 * Who may do what: the board and volunteers read and change every repair.
 * A member sees the repairs of the home where they hold the current tenancy
 * and those they reported, and may report a repair for that home only;
 * they cannot move, edit or annotate repairs. Another's repair answers
 * DB_NOTFOUND, as if it did not exist.
 *
 * Times: reported_at, completed_at, closed_at and event times are UTC
 * instants ("2026-11-22T09:30:00Z"). target_at is an instant for a target
 * in hours (emergencies) and a date ("2026-12-01", due by the end of that
 * day) for a target in working days. "Now" is repair_now()'s.
 *
 * Buffers are sized for UTF-8: a limit of N characters needs up to 4N bytes.
 */
#ifndef COOPDESK_REPAIRS_H
#define COOPDESK_REPAIRS_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/ref.h"
#include "coopdesk/repair_rules.h"

#define REPAIR_TITLE_MAX 80          /* characters; the schema holds the same limits */
#define REPAIR_DESCRIPTION_MAX 2000
#define REPAIR_LOCATION_MAX 60
#define REPAIR_RTR_DEFECT_MAX 80
#define REPAIR_NOTE_MAX 2000
#define REPAIR_HOME_REF_MAX 20
#define REPAIR_NAME_MAX 100          /* member, contractor and actor names shown */

/* One whole repair. Fields marked "in" are what repair_report and
 * repair_update read; the rest are filled in by reading. */
struct repair {
	int64_t id;
	char uuid[37];
	char ref[REF_BUFSZ];                                /* "R-000123" */
	int64_t home_id;                                    /* in (report) */
	char home_ref[REPAIR_HOME_REF_MAX * 4 + 1];
	int64_t reported_by_member;                         /* in (report): 0 none */
	char reported_by_name[REPAIR_NAME_MAX * 4 + 1];
	char reported_at[REPAIR_INSTANT_LEN];               /* in (report): "" now */
	char title[REPAIR_TITLE_MAX * 4 + 1];               /* in */
	char description[REPAIR_DESCRIPTION_MAX * 4 + 1];   /* in */
	char location[REPAIR_LOCATION_MAX * 4 + 1];         /* in: "kitchen" */
	enum repair_priority priority;                      /* in */
	char rtr_defect[REPAIR_RTR_DEFECT_MAX * 4 + 1];     /* in: Right to Repair defect */
	int rtr_days;                                       /* in: 0 none, 1, 3 or 7 */
	enum repair_damp damp_hazard;                       /* in */
	char investigated_on[REPAIR_DATE_LEN];              /* in (update): damp, "" none */
	char summary_sent_on[REPAIR_DATE_LEN];              /* in (update): damp, "" none */
	enum repair_status status;
	int64_t contractor_id;                              /* 0 none */
	char contractor_name[REPAIR_NAME_MAX * 4 + 1];
	int has_cost;                                       /* in: 0 cost not known */
	int64_t cost_pence;                                 /* in */
	char target_at[REPAIR_INSTANT_LEN];
	char completed_at[REPAIR_INSTANT_LEN];
	char closed_at[REPAIR_INSTANT_LEN];                 /* closed or cancelled */
	int reopened;                                       /* times reopened */
	int64_t version;                                    /* in (update) */
	/* Worked out on reading, at repair_now(): */
	int overdue;                                        /* open and past target */
	char rtr_due[REPAIR_DATE_LEN];                      /* "" when not Right to Repair */
	int64_t rtr_compensation_pence;                     /* due if rtr_due was missed */
	char damp_summary_due[REPAIR_DATE_LEN];             /* after investigated_on */
	char damp_safety_due[REPAIR_DATE_LEN];
	/* Schema 4 (issue 10): */
	int64_t rtr_defect_id;                              /* in (report): a defect of the
	                                                     * schedule (0 none): sets rtr_defect
	                                                     * and rtr_days, by the season */
	enum repair_how reported_how;                       /* in (report) */
	enum repair_category category;                      /* in (report) */
	char safety_done_on[REPAIR_DATE_LEN];               /* in (update): Awaab's safety work */
	char rtr_second_on[REPAIR_DATE_LEN];                /* the tenant asked for a second
	                                                     * contractor ("" not asked) */
	int64_t rtr_second_contractor_id;
	char rtr_second_contractor_name[REPAIR_NAME_MAX * 4 + 1];
	char rtr_comp_settled[8];                           /* "paid", "rent" or "" */
	int64_t rtr_comp_paid_pence;                        /* what was settled */
	char rtr_comp_on[REPAIR_DATE_LEN];
	char satisfaction[16];                              /* "satisfied", "dissatisfied" or
	                                                     * "" (not asked): set on closing */
	/* Worked out on reading: */
	int rtr_on, awaab_on;                               /* the schemes, now */
	char rtr_second_due[REPAIR_DATE_LEN];               /* the second period's end */
	char damp_investigate_due[REPAIR_INSTANT_LEN];      /* Awaab: investigate (and for an
	                                                     * emergency make safe) by */
};

/* What logging a repair would give, before it is saved (repair_preview). */
struct repair_preview {
	char target_at[REPAIR_INSTANT_LEN];
	int rtr_days;               /* the Right to Repair days that apply (0 none) */
	int rtr_out_by_cost;        /* a defect of the schedule, but the estimate is over the limit */
	int64_t rtr_max_cost;
	char rtr_defect[REPAIR_RTR_DEFECT_MAX * 4 + 1];
	enum repair_damp damp;      /* the Awaab's Law clock started (NONE: none) */
	char damp_due[REPAIR_INSTANT_LEN];
	int rtr_on, awaab_on;
};

/* A row of the repairs list: small, so that a page costs little. */
struct repair_row {
	int64_t id;
	int64_t home_id;
	char home_ref[REPAIR_HOME_REF_MAX * 4 + 1];
	char title[REPAIR_TITLE_MAX * 4 + 1];
	enum repair_priority priority;
	enum repair_status status;
	char target_at[REPAIR_INSTANT_LEN];
	int overdue;
	int reopened;
	char reported_by[REPAIR_NAME_MAX * 4 + 1];   /* the member who reported it, or "" */
	int rtr_days;                                /* 0: not a Right to Repair defect */
	enum repair_damp damp_hazard;
	int days_late;     /* overdue: working days past the target (bank holidays
	                    * skipped; repair_working_days_late), else 0 */
};

/* An event: a move, the report itself (from REPAIR_NO_STATUS), or a note
 * (from and to the same status). */
struct repair_event {
	int64_t id;
	int64_t repair_id;
	char at[REPAIR_INSTANT_LEN];
	char actor[REPAIR_NAME_MAX * 4 + 1];
	enum repair_status from_status;
	enum repair_status to_status;
	char note[REPAIR_NOTE_MAX * 4 + 1];
};

/* The list's sorts. Ties (and REPAIR_NEWEST) go by repair number. */
enum repair_sort {
	REPAIR_NEWEST,        /* repair number, newest first */
	REPAIR_BY_TARGET,     /* target, soonest first */
	REPAIR_BY_PRIORITY,   /* emergency first */
	REPAIR_BY_STATUS,     /* status name, alphabetical */
	REPAIR_BY_HOME        /* home (by its number), then repair number */
};

enum repair_which { REPAIRS_OPEN, REPAIRS_ALL, REPAIRS_STATUS };

/* What the list shows. A zeroed filter (or NULL) is "open repairs". */
struct repair_filter {
	enum repair_which which;
	enum repair_status status;   /* with REPAIRS_STATUS */
	int overdue;                 /* only open repairs past their target */
	int64_t home_id;             /* 0: any home */
	enum repair_priority priority; /* REPAIR_PRIORITY_NONE: any */
	int64_t contractor_id;       /* 0: any (or none) */
	int rtr_only;                /* 1: only Right to Repair defects (rtr_days set) */
	int damp_only;               /* 1: only damp and mould (a damp hazard set) */
	int64_t member_id;           /* 0: anyone's; else that member's (their home, or
	                              * reported by them); a member always gets their own */
	const char *search;          /* NULL or "": no search. A repair's reference
	                              * ("R-000300", "r300", "R-300") finds that
	                              * repair; a home's ("WEA-10", any case) that
	                              * home's repairs; other text finds repairs
	                              * with words of the title, description or
	                              * location starting as typed, the repairs of
	                              * the homes whose reference, address or
	                              * postcode match, and of the homes where a
	                              * member whose name matches holds the current
	                              * tenancy, and the repairs that member
	                              * reported (each way on its own: all the
	                              * words in one of them) */
};

/* Reports a repair. Reads the "in" fields; priority is required, rtr_days
 * and damp_hazard are optional, reported_at "" means now (an earlier
 * instant records a report taken by phone; never a later one). Works out
 * target_at (repair_target, with the settings and bank holidays) and writes
 * the repair and its "reported" event (dated reported_at) in one
 * transaction. On success r->id, uuid, ref, reported_at, status, target_at
 * and version are filled in. A member reports only for the home where they
 * hold the current tenancy (DB_DENIED otherwise), now, and is recorded as
 * the reporter. DB_NOTFOUND for no such home; DB_INVALID or DB_CONSTRAINT,
 * in words, for bad input. */
int repair_report(struct db *db, const struct actor *who, struct repair *r);

/* What repair_report would make of r now (the defect's days by the
 * season, the schemes in force, the target): nothing is written. Board,
 * volunteers and members (for whom, as on reporting, priority is
 * routine). DB_NOTFOUND for a defect not in the schedule; DB_INVALID when
 * no target can be worked out (no priority yet). */
int repair_preview(struct db *db, const struct actor *who, const struct repair *r,
		   struct repair_preview *out);

/* Reads one repair, with the contractor's and reporter's names and the
 * worked-out fields. DB_NOTFOUND if none, or not one the member may see. */
int repair_get(struct db *db, const struct actor *who, int64_t id, struct repair *r);

/* Moves a repair to `to` (repair_move_refusal says which moves are
 * allowed; DB_INVALID with its sentence otherwise), recording an event
 * (who, now, from, to, `note`) in the same transaction. Moving to assigned
 * needs `contractor_id`, a contractor in use; it is ignored for other
 * moves. Cancelling and reopening need a note saying why. Completing sets
 * completed_at, closing or cancelling closed_at; reopening (completed or
 * closed back to reported or triaged) clears them and counts one more in
 * `reopened`; the target stays. `version` is the version read: DB_CONFLICT
 * names who changed it since. Board and volunteers (DB_DENIED for a
 * member). */
int repair_move(struct db *db, const struct actor *who, int64_t id, int64_t version,
		enum repair_status to, const char *note, int64_t contractor_id);

/* The same, dated `at` (an instant; NULL or "" for now), for a move
 * recorded after the fact. `at` may not be before the repair was reported. */
int repair_move_at(struct db *db, const struct actor *who, int64_t id, int64_t version,
		   enum repair_status to, const char *note, int64_t contractor_id,
		   const char *at);

/* Closes a completed repair (repair_move to REPAIR_CLOSED) and records in
 * the same transaction whether the tenant was satisfied: `satisfaction`
 * "satisfied", "dissatisfied", or NULL or "" for not asked. DB_INVALID in
 * words for another word; otherwise as repair_move. */
int repair_close(struct db *db, const struct actor *who, int64_t id, int64_t version,
		 const char *note, const char *satisfaction);

/* Saves title, description, location, priority, rtr_defect, rtr_days,
 * damp_hazard, investigated_on, summary_sent_on and the cost. The damp and
 * mould dates may not be before the local day the repair was reported nor
 * after today, and the summary is sent on or after the investigation (and
 * not without one): DB_INVALID, in words, otherwise. When the
 * priority, Right to Repair days, damp hazard or cost change, the target is
 * worked out again from reported_at (a cost over the Right to Repair limit
 * loses that target); a change of priority is also noted as an event.
 * r->version must be the version read (DB_CONFLICT names who saved since);
 * on success r->version and r->target_at are the new ones. Board and
 * volunteers. */
int repair_update(struct db *db, const struct actor *who, struct repair *r);

/* Adds a note to a repair's history without moving it (board and
 * volunteers). The repair's version is not changed. */
int repair_note(struct db *db, const struct actor *who, int64_t id, const char *note);

/* One page of the repairs list (see struct repair_filter; f may be NULL),
 * in `sort` order, after/before `key` (NULL for PAGE_FIRST/PAGE_LAST).
 * Rows come back in display order; *n is how many (at most max). A member
 * sees only their own, whatever the filter says. */
int repair_page(struct db *db, const struct actor *who, const struct repair_filter *f,
		enum repair_sort sort, enum page_dir dir, const struct page_key *key,
		struct repair_row *rows, int max, int *n);

/* The paging key of a row in the given sort. */
void repair_row_key(const struct repair_row *r, enum repair_sort sort, struct page_key *key);

/* One page of a repair's events, oldest first, after/before `key` (from
 * repair_event_key). DB_NOTFOUND if the repair is not one the actor may
 * see. */
int repair_events_page(struct db *db, const struct actor *who, int64_t repair_id,
		       enum page_dir dir, const struct page_key *key,
		       struct repair_event *rows, int max, int *n);
void repair_event_key(const struct repair_event *e, struct page_key *key);

/* How many events a repair has (its index counts them: cheap, as a
 * repair has few). DB_NOTFOUND as repair_events_page. */
int repair_event_count(struct db *db, const struct actor *who, int64_t repair_id, int64_t *n);

/* Repairs counted cheaply (kept by triggers): all, and open. */
int repair_count(struct db *db, int64_t *all, int64_t *open);

/* The regulator's RP02: repairs completed from `from` to `to` (ISO dates,
 * inclusive), emergency and not, and how many of each met their target.
 * Board and volunteers; DB_INVALID for bad dates. */
struct rp02 {
	int64_t emergency_completed, emergency_in_target;
	int64_t other_completed, other_in_target;
};
int repair_rp02(struct db *db, const struct actor *who, const char *from, const char *to,
		struct rp02 *out);

/* The loaded rule numbers (from the settings table). */
int repair_rules_load(struct db *db, struct repair_rules *rules);

/* The instant now (clock_now_iso: COOPDESK_NOW when set) and today's date
 * (date_today: COOPDESK_TODAY when set), as repairs use them. */
void repair_now(char now[REPAIR_INSTANT_LEN], char today[REPAIR_DATE_LEN]);

#endif
