/*
 * coopdesk/decisions.h: board decisions, numbered per year (2026/7), their
 * actions (owner, due date, done date), and members' participation
 * (meetings attended, volunteer hours) (domain.md "General meetings,
 * motions, decisions").
 *
 * Who may do what: decisions and actions are the board's alone, to read
 * and to write. Participation: the board writes and reads all; a member or
 * volunteer reads only their own.
 */
#ifndef COOPDESK_DECISIONS_H
#define COOPDESK_DECISIONS_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/members.h"   /* ISO_DATE_LEN */

#define DECISION_TITLE_MAX 100  /* characters; the schema holds the same limits */
#define DECISION_TEXT_MAX 10000
#define ACTION_TEXT_MAX 200
#define PARTICIPATION_NOTE_MAX 200

struct decision {
	int64_t id;
	char uuid[37];
	int year;                                /* set by decision_add from decided_on */
	int64_t number;                          /* the next in that year */
	int64_t meeting_id;                      /* 0: not taken at a recorded meeting */
	char decided_on[ISO_DATE_LEN];
	char title[DECISION_TITLE_MAX * 4 + 1];
	char text[DECISION_TEXT_MAX * 4 + 1];
	int64_t version;
};

struct decision_row {
	int64_t id;
	int year;
	int64_t number;
	char decided_on[ISO_DATE_LEN];
	char title[DECISION_TITLE_MAX * 4 + 1];
	int64_t open_actions;
};

enum decision_order { DECISIONS_NEWEST_FIRST, DECISIONS_OLDEST_FIRST };

/* Records a decision. Its number is the next within the year of
 * decided_on (required); year, number, id, uuid and version are filled in.
 * Board only. */
int decision_add(struct db *db, const struct actor *who, struct decision *d);

/* Reads one decision. DB_NOTFOUND if none. Board only. */
int decision_get(struct db *db, const struct actor *who, int64_t id, struct decision *d);

/* Saves a decision's title, text and meeting (its date and number stay:
 * a number belongs to its year). d->version as read; DB_CONFLICT says who
 * saved since. Board only. */
int decision_update(struct db *db, const struct actor *who, struct decision *d);

/* One page of decisions by date. Board only. */
int decision_page(struct db *db, const struct actor *who, enum decision_order order,
		  enum page_dir dir, const struct page_key *key, struct decision_row *rows,
		  int max, int *n);
void decision_row_key(const struct decision_row *r, struct page_key *key);

/* "2026/7" into buf. */
void decision_ref(int year, int64_t number, char *buf, size_t n);

struct decision_action {
	int64_t id;
	int64_t decision_id;
	char description[ACTION_TEXT_MAX * 4 + 1];
	int64_t owner_member;                    /* 0: nobody named */
	char due_on[ISO_DATE_LEN];               /* "" for none */
	char done_on[ISO_DATE_LEN];              /* "" while open */
	int64_t version;
};

/* A row of the open-actions list, with its decision's reference. */
struct action_row {
	int64_t id;
	int64_t decision_id;
	int year;
	int64_t number;
	char description[ACTION_TEXT_MAX * 4 + 1];
	int64_t owner_member;
	char owner_name[MEMBER_NAME_MAX * 4 + 1];
	char due_on[ISO_DATE_LEN];
	char done_on[ISO_DATE_LEN];
};

/* Adds an action to a decision (done_on is ignored: an action starts
 * open). Fills a->id and version. Board only. */
int decision_action_add(struct db *db, const struct actor *who, struct decision_action *a);

/* Marks an action done on `done_on` (ISO; not before the decision, not
 * after today). `version` as read. Board only. */
int decision_action_complete(struct db *db, const struct actor *who, int64_t id,
			     const char *done_on, int64_t version);

/* The actions of one decision, in the order added. Board only. */
int decision_action_list(struct db *db, const struct actor *who, int64_t decision_id,
			 struct action_row *rows, int max, int *n);

/* One page of open actions by due date, soonest first (those with no due
 * date come first). Board only. */
int decision_action_page_open(struct db *db, const struct actor *who, enum page_dir dir,
			      const struct page_key *key, struct action_row *rows, int max,
			      int *n);
void action_row_key(const struct action_row *r, struct page_key *key);

/* Participation. */
enum participation_kind {
	PARTICIPATION_MEETING,
	PARTICIPATION_VOLUNTEERING,
	PARTICIPATION_COMMITTEE,
	PARTICIPATION_TRAINING,
	PARTICIPATION_OTHER
};

struct participation {
	int64_t id;
	int64_t member_id;
	enum participation_kind kind;
	char on_date[ISO_DATE_LEN];              /* "" with a meeting_id: the meeting's date */
	int64_t minutes;                         /* time given, 0 to 1440 */
	int64_t meeting_id;                      /* 0: none */
	char note[PARTICIPATION_NOTE_MAX * 4 + 1];
};

/* "meeting", "volunteering", "committee", "training", "other" ("?" if unknown). */
const char *participation_kind_name(enum participation_kind kind);

/* Records participation (not in the future). Fills p->id, and on_date
 * from the meeting when left empty. The board for anyone; a volunteer for
 * themselves (their linked member) only, DB_DENIED otherwise. */
int participation_add(struct db *db, const struct actor *who, struct participation *p);

/* One page of a member's records, newest first. A member or volunteer may
 * ask only for their own (others' answer DB_NOTFOUND). */
int participation_page(struct db *db, const struct actor *who, int64_t member_id,
		       enum page_dir dir, const struct page_key *key,
		       struct participation *rows, int max, int *n);
void participation_row_key(const struct participation *r, struct page_key *key);

/* A member's year (calendar year `year`): general meetings (AGMs, general
 * and special general meetings held, not cancelled) attended, by the
 * attendance register or a participation record naming the meeting,
 * against the setting meetings_expected_per_year; and time given, against
 * the setting hours_expected_per_year. An expectation of 0 is always met.
 * Same visibility as participation_page. */
struct participation_year {
	int64_t meetings_attended;
	int64_t meetings_expected;               /* 0: the co-op expects none */
	int meetings_met;                        /* attended at least meetings_expected */
	int64_t minutes_given;                   /* all participation records in the year */
	int64_t minutes_expected;                /* hours_expected_per_year in minutes; 0: none */
	int hours_met;                           /* gave at least minutes_expected */
	int meets_expectation;                   /* meetings_met and hours_met */
};
int participation_year(struct db *db, const struct actor *who, int64_t member_id, int year,
		       struct participation_year *out);

/* A year's participation, member by member, for the board's summary
 * (src/db/participation_summary.c): each member on the register on the
 * year's last day (today, while the year runs: participation_summary_day),
 * with what participation_year counts for them and the same judgement
 * against the settings meetings_expected_per_year and
 * hours_expected_per_year. */
struct participation_summary_row {
	int64_t member_id;
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	char entered_on[ISO_DATE_LEN];
	int64_t meetings_attended;               /* general meetings held in the year */
	int64_t meetings_expected;               /* 0: the co-op expects none */
	int meetings_met;                        /* attended at least meetings_expected */
	int64_t minutes_given;                   /* all participation records in the year */
	int64_t minutes_expected;                /* hours_expected_per_year in minutes; 0: none */
	int hours_met;                           /* gave at least minutes_expected */
	int meets_expectation;                   /* meetings_met and hours_met */
};

/* The day whose members the summary of `year` lists into day (ISO): 31
 * December, or today while the year runs. Returns 0, or -1 (day "") for
 * a year before DATE_MIN_YEAR or after this one. */
int participation_summary_day(int year, char day[ISO_DATE_LEN]);

/* One page of the summary of calendar year `year`, by member number,
 * after or before `key` (NULL for PAGE_FIRST/PAGE_LAST). Rows come back in
 * display order; *n is how many (at most `max`). Board only (DB_DENIED in
 * words for others, who may see only their own: participation_year).
 * DB_INVALID: a year before 1900 or after this one. */
int participation_summary_page(struct db *db, const struct actor *who, int year,
			       enum page_dir dir, const struct page_key *key,
			       struct participation_summary_row *rows, int max, int *n);
void participation_summary_row_key(const struct participation_summary_row *r,
				   struct page_key *key);

#endif
