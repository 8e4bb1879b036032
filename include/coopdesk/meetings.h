/*
 * coopdesk/meetings.h: general meetings and board meetings, who attended,
 * the notice given and the quorum (domain.md "General meetings, motions,
 * decisions"). Motions and their results are in coopdesk/motions.h.
 *
 * Who may do what: the board writes everything here. Members and
 * volunteers see only meetings whose minutes are published (others answer
 * DB_NOTFOUND, as if there were none), and board meetings only when the
 * setting publish_board_meetings is on; of the attendance only their own
 * line. Every rule number (notice, quorum) comes from the settings.
 */
#ifndef COOPDESK_MEETINGS_H
#define COOPDESK_MEETINGS_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/meeting_rules.h"
#include "coopdesk/members.h"   /* ISO_DATE_LEN, MEMBER_NAME_MAX */

#define MEETING_TITLE_MAX 100       /* characters; the schema holds the same limits */
#define MEETING_PLACE_MAX 100
#define MEETING_MINUTES_MAX 100000
#define MEETING_TIME_LEN 6          /* "19:00" and its NUL */
#define MEETING_AGENDA_MAX 5000

enum meeting_status { MEETING_PLANNED, MEETING_HELD, MEETING_CANCELLED };

struct meeting {
	int64_t id;
	char uuid[37];
	enum meeting_kind kind;
	char title[MEETING_TITLE_MAX * 4 + 1];
	char held_on[ISO_DATE_LEN];
	char starts_at[MEETING_TIME_LEN];        /* "" on create: the default, 19:00 */
	char place[MEETING_PLACE_MAX * 4 + 1];
	char notice_given_on[ISO_DATE_LEN];      /* "" when no notice is recorded */
	enum meeting_status status;              /* set by open and cancel, not by update */
	int64_t chair_member_id;                 /* 0: none recorded */
	int64_t quorum_needed;                   /* 0 until meeting_open (and for board meetings) */
	int64_t present_at_start;                /* -1 until meeting_open */
	int minutes_published;
	char agenda[MEETING_AGENDA_MAX * 4 + 1]; /* the items of business, one a line */
	int roll_call;                           /* 1: votes by roll call; 0: by count */
	int64_t version;
};

/* A row of the meetings list. */
struct meeting_row {
	int64_t id;
	enum meeting_kind kind;
	char title[MEETING_TITLE_MAX * 4 + 1];
	char held_on[ISO_DATE_LEN];
	char starts_at[MEETING_TIME_LEN];
	enum meeting_status status;
	int minutes_published;
	char notice_given_on[ISO_DATE_LEN];      /* "" when none is recorded */
	int64_t quorum_needed;                   /* 0 until opened */
	int64_t present_at_start;                /* -1 until opened */
	int64_t motions;                         /* motions tabled */
	int64_t carried, lost, withdrawn, not_quorate; /* their outcomes on record */
};

/* UPCOMING_FIRST: meetings from today on, soonest first, then those
 * before today, newest first (the Meetings area's order). */
enum meeting_order { MEETINGS_NEWEST_FIRST, MEETINGS_OLDEST_FIRST, MEETINGS_UPCOMING_FIRST };

/* Adds a meeting (status planned). On success m->id, uuid, starts_at,
 * status and version are filled in. The database refuses a bad kind, a
 * date that does not exist, a title past 100 characters, notice given
 * after the meeting. Short notice is not refused: ask meeting_notice_check
 * and show its warning. Board only. */
int meeting_create(struct db *db, const struct actor *who, struct meeting *m);

/* Reads one meeting. DB_NOTFOUND when there is none, or when the actor is
 * not on the board and its minutes are not published. */
int meeting_get(struct db *db, const struct actor *who, int64_t id, struct meeting *m);

/* Saves kind, title, date, time, place, notice date and chair. m->version
 * must be the version read: DB_CONFLICT says who saved since. A cancelled
 * meeting cannot be changed. Board only. */
int meeting_update(struct db *db, const struct actor *who, struct meeting *m);

/* Cancels a planned meeting (one already held cannot be). `version` as
 * read. Board only. */
int meeting_cancel(struct db *db, const struct actor *who, int64_t id, int64_t version);

/* One page of meetings by date, newest or oldest first, after/before `key`
 * (NULL for PAGE_FIRST/PAGE_LAST). Members and volunteers see only
 * meetings with published minutes. */
int meeting_page(struct db *db, const struct actor *who, enum meeting_order order,
		 enum page_dir dir, const struct page_key *key, struct meeting_row *rows,
		 int max, int *n);

/* The paging key of a row (for every order). */
void meeting_row_key(const struct meeting_row *r, struct page_key *key);

/* The quorum as it stands now, for a screen to show while attendance is
 * taken: members on the register on the meeting's day, the quorum those
 * make (the settings' numbers; none for a board meeting), and the members
 * present now (recorded and not left). Writes nothing. Same visibility as
 * meeting_get. */
struct meeting_quorum;
int meeting_quorum_now(struct db *db, const struct actor *who, int64_t id,
		       struct meeting_quorum *q);

/* Whether the notice of `m` (saved or not) is enough: clear days between
 * notice_given_on and held_on against the setting notice_clear_days, for
 * AGMs, general and special general meetings; board meetings are exempt.
 * `warning` is "" when all is well, else a sentence to show (short notice,
 * or no notice recorded). Dates that are not real give DB_INVALID. Board
 * only (notice is checked while arranging a meeting). */
struct meeting_notice {
	int applies;        /* 0 for a board meeting */
	int required;       /* clear days the rules ask for */
	int clear_days;     /* clear days given (0 when no notice is recorded) */
	int is_short;       /* 1 when fewer than required, or none recorded */
	char warning[300];
};
int meeting_notice_check(struct db *db, const struct actor *who, const struct meeting *m,
			 struct meeting_notice *out);

/* Attendance. AT_START records a member present when the meeting opened;
 * ARRIVED one who came later (at "HH:MM", NULL or "" if not noted); LEFT
 * that a member recorded as present left (at "HH:MM" or NULL). Only
 * someone who was a member on the day may attend; each member once. Not
 * for a cancelled meeting, nor once its minutes are published. Board only. */
enum attendance_event { ATTENDANCE_AT_START, ATTENDANCE_ARRIVED, ATTENDANCE_LEFT };
int attendance_record(struct db *db, const struct actor *who, int64_t meeting_id,
		      int64_t member_id, enum attendance_event ev, const char *at);

/* Records that `member_id`, present, holds the proxy of `proxy_for` (0 to
 * clear it). Refused unless the setting proxies_allowed is on, and when
 * the absent member's proxy is already held by someone else. Board only. */
int attendance_set_proxy(struct db *db, const struct actor *who, int64_t meeting_id,
			 int64_t member_id, int64_t proxy_for);

struct attendance_row {
	int64_t member_id;
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	int present_at_start;
	char arrived_at[MEETING_TIME_LEN];
	char left_at[MEETING_TIME_LEN];
	int64_t proxy_for;       /* 0: holds no proxy */
};

/* Who attended `meeting_id`, by member number (at most `max`, *n of them).
 * A member or volunteer sees only their own line, and only once the
 * minutes are published. */
int attendance_list(struct db *db, const struct actor *who, int64_t meeting_id,
		    struct attendance_row *rows, int max, int *n);

/* The same a page at a time by member number (keyset on
 * attendance_row_key), for a screen's list. */
int attendance_page(struct db *db, const struct actor *who, int64_t meeting_id,
		    enum page_dir dir, const struct page_key *key, struct attendance_row *rows,
		    int max, int *n);
void attendance_row_key(const struct attendance_row *r, struct page_key *key);

/* Opens a meeting: records it as held, counts the members present at the
 * start, and for a general meeting works out the quorum, the greater of
 * the settings quorum_min_members and quorum_percent% of the members on
 * the register on the meeting's date. May be run again (after late
 * arrivals at the start are entered) to count afresh. Refused for a
 * cancelled meeting, one dated after today, or one whose minutes are
 * published. *q (may be NULL) gets the
 * figures. Board only. */
struct meeting_quorum {
	int applies;           /* 0 for a board meeting: no member quorum */
	int64_t members;       /* members on the register that day */
	int64_t needed;
	int64_t present;       /* present at the start */
	int quorate;
};
int meeting_open(struct db *db, const struct actor *who, int64_t id, struct meeting_quorum *q);

/* The minutes, copied into buf (n bytes; MEETING_MINUTES_MAX * 4 + 1 holds
 * any). Members and volunteers only once they are published (else
 * DB_NOTFOUND). DB_INVALID when buf is too small. */
int meeting_minutes_get(struct db *db, const struct actor *who, int64_t id, char *buf, size_t n);

/* Saves the minutes (`version` as read). Once published they are not
 * changed: refused with a sentence. Board only. */
int meeting_minutes_set(struct db *db, const struct actor *who, int64_t id,
			const char *minutes, int64_t version);

/* Publishes the minutes of a meeting that was held and has minutes, so
 * members may read them and the results of its motions. Board only. */
int meeting_publish_minutes(struct db *db, const struct actor *who, int64_t id, int64_t version);

/* Words for the status bar. */
const char *meeting_status_name(enum meeting_status s);

#endif
