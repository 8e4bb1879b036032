/*
 * coopdesk/meeting_docs.h: what the meeting documents (the notice, the
 * minutes) and the exports read beyond meetings.h and motions.h: a meeting
 * found by the number a list shows or by its date, a motion's proposer,
 * seconder and presence at its vote, the named votes of a roll call, and
 * pages of every attendance, motion, vote and action for CSV.
 *
 * Who may read what follows meetings.h and motions.h: the board all;
 * members and volunteers only meetings whose minutes are published, and of
 * those the minutes of a board meeting only when the setting
 * publish_board_meetings is 1 (schema 8), the names in a roll call only
 * when publish_roll_calls is 1. The exports are the board's.
 */
#ifndef COOPDESK_MEETING_DOCS_H
#define COOPDESK_MEETING_DOCS_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/decisions.h"
#include "coopdesk/meetings.h"
#include "coopdesk/motions.h"

/* The meeting `spec` names: its number (the id a meetings list shows) or
 * its date (31/12/2026 or 2026-12-31). DB_NOTFOUND in words when there is
 * none the actor may see; DB_INVALID when `spec` is neither, or when
 * several meetings were held that day (naming their numbers). */
int meeting_find(struct db *db, const struct actor *who, const char *spec, int64_t *id);

/* Whether the actor may read the minutes of meeting `m` (read with
 * meeting_get): the board always; anyone else a general meeting's, and a
 * board meeting's only where publish_board_meetings is 1. */
int meeting_minutes_readable(struct db *db, const struct actor *who, const struct meeting *m);

/* A motion as the minutes tell it. */
struct motion_minutes {
	int64_t proposer_no, seconder_no;          /* member numbers, 0 for none */
	char proposer[MEMBER_NAME_MAX * 4 + 1];
	char seconder[MEMBER_NAME_MAX * 4 + 1];
	int64_t present_at_vote;   /* recorded present at the vote, or else present at the
				    * meeting and not recorded as having left */
	int presence_recorded;     /* 1: present_at_vote counts vote_presence rows */
	int64_t votes_recorded;    /* individual votes (a roll call), 0 for a show of hands */
	int64_t confirms_meeting;  /* a confirmation: the meeting of the motion it confirms */
	int64_t confirms_no;       /* ...and that motion's number */
};

/* Same visibility as motion_get. */
int motion_minutes_get(struct db *db, const struct actor *who, int64_t motion_id,
		       struct motion_minutes *out);

/* Whether the actor may see who voted how (the board, or anyone while
 * publish_roll_calls is 1). */
int meeting_roll_calls_shown(struct db *db, const struct actor *who);

/* The named votes on a motion by member number, after member number
 * `after_no` (0 from the start), at most `max`. DB_DENIED unless
 * meeting_roll_calls_shown; else as motion_votes_list. */
int motion_roll_call_page(struct db *db, const struct actor *who, int64_t motion_id,
			  int64_t after_no, struct vote_row *rows, int max, int *n);

/* The decisions taken at meeting `meeting_id`, by number, after decision
 * id `after` (0 from the start). Board only (decisions are the board's). */
int decision_meeting_page(struct db *db, const struct actor *who, int64_t meeting_id,
			  int64_t after, struct decision_row *rows, int max, int *n);

/* The chair of a meeting as the minutes name them: member number and name
 * (0 and "" when none is recorded). Same visibility as meeting_get. */
int meeting_chair(struct db *db, const struct actor *who, int64_t meeting_id, int64_t *no,
		  char *name, size_t n);

/* Export rows, each page after id `after` (0 from the start), by id.
 * Board only. */
struct attendance_export {
	int64_t id, meeting_id;
	char held_on[ISO_DATE_LEN];
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	int present_at_start;
	char arrived_at[MEETING_TIME_LEN], left_at[MEETING_TIME_LEN];
	int64_t proxy_for_no;      /* member number whose proxy is held, 0 none */
};
int attendance_export_page(struct db *db, const struct actor *who, int64_t after,
			   struct attendance_export *rows, int max, int *n);

struct motion_export {
	int64_t id, meeting_id;
	char held_on[ISO_DATE_LEN];
	int64_t motion_no;
	char title[MOTION_TITLE_MAX * 4 + 1];
	enum resolution_type resolution;
	int64_t proposer_no, seconder_no, confirms_id;
	int has_result;
	struct vote_tally tally;   /* the result on record (an erratum stands in) */
	enum casting_vote casting;
	enum motion_outcome outcome;
	int64_t errata;            /* results recorded after the first */
};
int motion_export_page(struct db *db, const struct actor *who, int64_t after,
		       struct motion_export *rows, int max, int *n);

struct vote_export {
	int64_t id, motion_id, meeting_id, motion_no, member_no, by_proxy_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	enum vote_choice vote;
};
int vote_export_page(struct db *db, const struct actor *who, int64_t after,
		     struct vote_export *rows, int max, int *n);

/* Every action, done or open, by id (decisions.h's rows). */
int action_export_page(struct db *db, const struct actor *who, int64_t after,
		       struct action_row *rows, int max, int *n);

/* One action of a decision, with its version, for marking it done.
 * DB_NOTFOUND if none. Board only. */
int decision_action_read(struct db *db, const struct actor *who, int64_t id,
			 struct decision_action *a);

/* The board's count of open actions due before today. */
int action_overdue_count(struct db *db, const struct actor *who, int64_t *count);

/* The date of the first annual general meeting held after the ISO date
 * `after` (status held), "" if none. Board only. */
int meeting_agm_held_after(struct db *db, const struct actor *who, const char *after,
			   char on[ISO_DATE_LEN]);

#endif
