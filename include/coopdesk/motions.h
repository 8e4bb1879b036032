/*
 * coopdesk/motions.h: motions at general meetings, who was present at each
 * vote, individual votes, and results (domain.md "General meetings,
 * motions, decisions").
 *
 * One member, one vote: a vote is recorded only for a member present at
 * that vote, once; by proxy only when the setting proxies_allowed is on.
 * A result, once recorded, is never edited: a correction is an erratum, a
 * new result that names the one it corrects, with a note.
 *
 * Who may do what: the board writes everything. Members and volunteers see
 * the motions and recorded results of meetings whose minutes are
 * published, and of the individual votes only their own (everyone's when
 * the setting publish_roll_calls is on); everything else answers
 * DB_NOTFOUND.
 */
#ifndef COOPDESK_MOTIONS_H
#define COOPDESK_MOTIONS_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/meeting_rules.h"
#include "coopdesk/members.h"   /* MEMBER_NAME_MAX */

#define MOTION_TITLE_MAX 100    /* characters; the schema holds the same limits */
#define MOTION_TEXT_MAX 10000
#define RESULT_NOTE_MAX 2000

struct motion {
	int64_t id;
	char uuid[37];
	int64_t meeting_id;
	int64_t motion_no;                      /* 0 on add: the next at the meeting */
	char title[MOTION_TITLE_MAX * 4 + 1];
	char text[MOTION_TEXT_MAX * 4 + 1];
	enum resolution_type resolution;
	int64_t proposer_id;                    /* members present at the meeting */
	int64_t seconder_id;
	int64_t confirms_id;                    /* 0, or the amalgamation motion this confirms */
	int64_t version;
};

/* A row of a meeting's motions, with the outcome now on record. */
struct motion_row {
	int64_t id;
	int64_t motion_no;
	char title[MOTION_TITLE_MAX * 4 + 1];
	enum resolution_type resolution;
	int64_t confirms_id;
	enum motion_outcome outcome;            /* OUTCOME_NONE: no result yet */
};

/* Adds a motion to a general meeting (not a board meeting: the board
 * records decisions). motion_no 0 takes the next number at the meeting.
 * Proposer and seconder are required, must be two different members, and
 * both present at the meeting. A confirmation (confirms_id set) must be an
 * amalgamation/transfer naming an amalgamation motion carried at an earlier
 * meeting, and its meeting must fall from amalgamation_confirm_min_days to
 * amalgamation_confirm_max_months after that one (settings). On success
 * m->id, uuid, motion_no and version are filled in. Board only. */
int motion_add(struct db *db, const struct actor *who, struct motion *m);

/* Reads one motion. DB_NOTFOUND for none, or (members, volunteers) when
 * its meeting's minutes are not published. */
int motion_get(struct db *db, const struct actor *who, int64_t id, struct motion *m);

/* The motions of a meeting in number order (at most max, *n of them).
 * Members and volunteers: published meetings only (else DB_NOTFOUND). */
int motion_list(struct db *db, const struct actor *who, int64_t meeting_id,
		struct motion_row *rows, int max, int *n);

/* The same a page at a time, by number (keyset on motion_row_key), for a
 * screen's list. */
int motion_page(struct db *db, const struct actor *who, int64_t meeting_id, enum page_dir dir,
		const struct page_key *key, struct motion_row *rows, int max, int *n);
void motion_row_key(const struct motion_row *r, struct page_key *key);

/* The motion numbered `motion_no` at the meeting of `kind` in `year` (as
 * the screens name it: AGM-2026/3) into *id; with amalgamation_only, only
 * an amalgamation or transfer (the one a confirmation names). DB_NOTFOUND when none
 * (members, volunteers: none published); DB_INVALID, in words, when more
 * than one meeting of that kind that year has such a motion. */
int motion_find_by_ref(struct db *db, const struct actor *who, enum meeting_kind kind, int year,
		       int64_t motion_no, int amalgamation_only, int64_t *id);

/* Presence at a vote. A member must be present at the meeting (and not
 * have left) to be present at a vote. _from_attendance adds everyone
 * present at the meeting and not recorded as having left; *added (may be
 * NULL) gets how many were added. Refused once the result is recorded.
 * Board only. */
int motion_presence_add(struct db *db, const struct actor *who, int64_t motion_id,
			int64_t member_id);
int motion_presence_from_attendance(struct db *db, const struct actor *who,
				    int64_t motion_id, int64_t *added);

/* How many were recorded present at the vote. Board only. */
int motion_presence_count(struct db *db, const struct actor *who, int64_t motion_id,
			  int64_t *count);

enum vote_choice { VOTE_FOR, VOTE_AGAINST, VOTE_ABSTAIN };

/* Records `member_id`'s vote. In person: the member must be recorded
 * present at this vote. By proxy (by_proxy_id > 0): only when the setting
 * proxies_allowed is on, cast by the member present at the vote who holds
 * the absent member's proxy at this meeting. Each member votes once;
 * refused once the result is recorded. Board only. */
int motion_vote(struct db *db, const struct actor *who, int64_t motion_id, int64_t member_id,
		enum vote_choice v, int64_t by_proxy_id);

struct vote_row {
	int64_t member_id;
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	enum vote_choice vote;
	int64_t by_proxy_id;     /* 0: in person */
};

/* The individual votes on a motion by member number. The board sees all;
 * a member or volunteer only their own, once the minutes are published. */
int motion_votes_list(struct db *db, const struct actor *who, int64_t motion_id,
		      struct vote_row *rows, int max, int *n);

/* The same a page at a time by member number (keyset on vote_row_key). */
int motion_votes_page(struct db *db, const struct actor *who, int64_t motion_id,
		      enum page_dir dir, const struct page_key *key, struct vote_row *rows, int max,
		      int *n);
void vote_row_key(const struct vote_row *r, struct page_key *key);

/* The individual votes counted. Board only. */
int motion_vote_count(struct db *db, const struct actor *who, int64_t motion_id,
		      struct vote_tally *t);

/* What the person recording a result says happened. */
struct motion_result_input {
	int withdrawn;              /* 1: withdrawn before the vote; counts not used */
	int count_recorded_votes;   /* 1: count the individual votes recorded;
				       0: use `tally` (a show of hands) */
	struct vote_tally tally;
	enum casting_vote casting;  /* the chair's, on a tied ordinary resolution */
	int64_t corrects_id;        /* an erratum: the result it corrects; else 0 */
	const char *note;           /* required for an erratum */
};

struct motion_result {
	int64_t id;
	int64_t motion_id;
	struct vote_tally tally;
	enum casting_vote casting;
	enum motion_outcome outcome;
	int64_t corrects_id;
	char note[RESULT_NOTE_MAX * 4 + 1];
	char recorded_at[24];       /* "2026-11-22T19:45:00Z" */
};

/* Records the result of a motion. The outcome is worked out by
 * meeting_rules from the counts, the resolution type and the settings
 * (special_majority_num/den, chair_casting_vote); a vote with fewer members
 * present than the meeting's quorum is not quorate. Presence at the vote
 * is the members recorded present at it, or if none were, those present at
 * the meeting and not recorded as having left. A show of hands cannot
 * count more votes than members present (and proxies held). The meeting
 * must have been opened (meeting_open). A motion has one result: a second
 * is refused unless it is an erratum naming the newest result, with a
 * note. *out (may be NULL) gets what was recorded. Board only. */
int motion_record_result(struct db *db, const struct actor *who, int64_t motion_id,
			 const struct motion_result_input *in, struct motion_result *out);

/* A roll call: every member present at the vote named with their vote,
 * in one transaction: presence at the vote from the attendance, each
 * vote (motion_vote's rules: present, once), then the result from those
 * votes (motion_record_result's rules), with the chair's casting vote on
 * a tie where allowed. A proxy's vote names who cast it (motion_vote's
 * rules: only where the settings allow proxies). Nothing is kept if any part is refused. Board only. */
struct roll_vote {
	int64_t member_id;
	enum vote_choice vote;
	int64_t by_proxy_id;     /* 0 in person; else the member present holding the proxy */
};
int motion_roll_call(struct db *db, const struct actor *who, int64_t motion_id,
		     const struct roll_vote *votes, int n, enum casting_vote casting,
		     struct motion_result *out);

/* The settings' numbers that decide outcomes (for rule_outcome_explain).
 * Anyone who reads meetings. */
int motion_outcome_rules(struct db *db, const struct actor *who, struct outcome_rules *rules);

/* The result now on record (the newest: an erratum stands in for what it
 * corrects). DB_NOTFOUND when none is recorded, or (members, volunteers)
 * while the minutes are not published. */
int motion_result_get(struct db *db, const struct actor *who, int64_t motion_id,
		      struct motion_result *out);

/* Every result recorded for a motion, oldest first: the first result and
 * its errata. Same visibility as motion_result_get. */
int motion_result_history(struct db *db, const struct actor *who, int64_t motion_id,
			  struct motion_result *rows, int max, int *n);

#endif
