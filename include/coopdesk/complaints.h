/*
 * coopdesk/complaints.h: complaints under the Housing Ombudsman's code
 * (exactly two stages) and UK GDPR subject access requests (domain.md
 * "Other duties").
 *
 * Deadlines are worked out, never stored: in working days (weekends and the
 * bank_holidays table excluded) from the settings complaint_ack_days,
 * complaint_stage1_days and complaint_stage2_days:
 *   acknowledge   ack_days after the complaint was received;
 *   stage 1 reply stage1_days after it was acknowledged (or, while it is
 *                 not, after the day it should have been);
 *   stage 2 reply stage2_days after it was escalated.
 * A subject access request is due subject_access_months calendar months
 * after it was received (the same day of the month, or the month's last).
 *
 * Who may do what: the board does everything. A member or volunteer may
 * make a complaint or a request of their own (received today) and see
 * their own; others' answer DB_NOTFOUND.
 */
#ifndef COOPDESK_COMPLAINTS_H
#define COOPDESK_COMPLAINTS_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/members.h"   /* ISO_DATE_LEN */

#define COMPLAINT_SUBJECT_MAX 100   /* characters; the schema holds the same limits */
#define COMPLAINT_DETAILS_MAX 10000
#define SAR_NOTE_MAX 200

/* What the complaint waits for next. */
enum complaint_next {
	COMPLAINT_NEXT_ACK,          /* acknowledge it */
	COMPLAINT_NEXT_STAGE1,       /* reply at stage 1 */
	COMPLAINT_NEXT_DECIDE,       /* replied at stage 1: escalate or close */
	COMPLAINT_NEXT_STAGE2,       /* reply at stage 2 */
	COMPLAINT_NEXT_CLOSE,        /* replied at stage 2: close */
	COMPLAINT_NEXT_NONE          /* closed */
};

struct complaint {
	int64_t id;
	char uuid[37];
	int64_t member_id;                       /* 0: not from a member */
	int64_t home_id;                         /* 0: about no one home */
	char received_on[ISO_DATE_LEN];          /* "" on create: today */
	char subject[COMPLAINT_SUBJECT_MAX * 4 + 1];
	char details[COMPLAINT_DETAILS_MAX * 4 + 1];
	int stage;                               /* 1 or 2 */
	char acknowledged_on[ISO_DATE_LEN];
	char stage1_reply_on[ISO_DATE_LEN];
	char escalated_on[ISO_DATE_LEN];
	char stage2_reply_on[ISO_DATE_LEN];
	char closed_on[ISO_DATE_LEN];
	int64_t version;
	/* Worked out on reading: */
	char ack_due[ISO_DATE_LEN];
	char stage1_due[ISO_DATE_LEN];
	char stage2_due[ISO_DATE_LEN];           /* "" until escalated */
	enum complaint_next next;
	char next_due[ISO_DATE_LEN];             /* "" when the next step has no deadline */
	int overdue;                             /* next_due is before today */
};

struct complaint_row {
	int64_t id;
	int64_t member_id;
	char received_on[ISO_DATE_LEN];
	char subject[COMPLAINT_SUBJECT_MAX * 4 + 1];
	int stage;
	enum complaint_next next;
	char next_due[ISO_DATE_LEN];
	int overdue;
};

enum complaint_order { COMPLAINTS_NEWEST_FIRST, COMPLAINTS_OLDEST_FIRST };

/* Records a complaint received on c->received_on ("" for today; never in
 * the future). A member or volunteer makes one of their own: member_id is
 * theirs, home_id is left for the board, and it is received today. Fills
 * id, uuid, stage, version and the deadlines. */
int complaint_create(struct db *db, const struct actor *who, struct complaint *c);

/* Reads one complaint with its deadlines. */
int complaint_get(struct db *db, const struct actor *who, int64_t id, struct complaint *c);

/* Saves subject, details, member and home (`c->version` as read). Board only. */
int complaint_update(struct db *db, const struct actor *who, struct complaint *c);

/* The steps, each on a date `on` (ISO; "" or NULL for today; not in the
 * future, not before the step it follows), with `version` as read. Each
 * says in words why it is refused: acknowledging twice, replying at stage
 * 1 before acknowledging, escalating before the stage 1 reply or a second
 * time (there are exactly two stages), replying at stage 2 before
 * escalation, anything after closing. Board only. */
int complaint_acknowledge(struct db *db, const struct actor *who, int64_t id, const char *on,
			  int64_t version);
int complaint_stage1_reply(struct db *db, const struct actor *who, int64_t id, const char *on,
			   int64_t version);
int complaint_escalate(struct db *db, const struct actor *who, int64_t id, const char *on,
		       int64_t version);
int complaint_stage2_reply(struct db *db, const struct actor *who, int64_t id, const char *on,
			   int64_t version);
int complaint_close(struct db *db, const struct actor *who, int64_t id, const char *on,
		    int64_t version);

/* One page of complaints by date received; `open_only` leaves out the
 * closed. Members and volunteers see their own only. */
int complaint_page(struct db *db, const struct actor *who, enum complaint_order order,
		   int open_only, enum page_dir dir, const struct page_key *key,
		   struct complaint_row *rows, int max, int *n);
void complaint_row_key(const struct complaint_row *r, struct page_key *key);

/* Subject access requests. */
struct subject_access {
	int64_t id;
	int64_t member_id;
	char received_on[ISO_DATE_LEN];          /* "" on add: today */
	char completed_on[ISO_DATE_LEN];         /* "" while open */
	char note[SAR_NOTE_MAX * 4 + 1];
	int64_t version;
	char due_on[ISO_DATE_LEN];               /* worked out */
	int overdue;                             /* open and due before today */
};

/* Records a request (not in the future); a member or volunteer may make
 * one for themselves only, received today. Fills id, version, due_on. */
int sar_add(struct db *db, const struct actor *who, struct subject_access *s);

/* Marks a request answered on `completed_on` ("" or NULL for today; not
 * before it was received, not in the future). Board only. */
int sar_complete(struct db *db, const struct actor *who, int64_t id, const char *completed_on,
		 int64_t version);

/* Reads one request with its due date. DB_NOTFOUND for none, or for a
 * member's or volunteer's request that is not their own. */
int sar_get(struct db *db, const struct actor *who, int64_t id, struct subject_access *s);

/* One page of requests by date received; members see their own only. */
int sar_page(struct db *db, const struct actor *who, enum complaint_order order, int open_only,
	     enum page_dir dir, const struct page_key *key, struct subject_access *rows,
	     int max, int *n);
void sar_row_key(const struct subject_access *r, struct page_key *key);

/* Words for the next step: "acknowledge", "reply at stage 1", ... */
const char *complaint_next_name(enum complaint_next n);

#endif
