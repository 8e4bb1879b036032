/*
 * coopdesk/shares.h: the share register and members' other property (the
 * Act s.30(2); domain.md "Shares in a fully mutual co-op").
 *
 * Each member holds one share (the setting 'share_value', default £1),
 * issued on admission, neither withdrawable nor transferable, cancelled and
 * forfeited when membership ends (the money stays with the co-op). Holdings
 * are derived from share operations, which are numbered in sequence and
 * never edited: a mistake is corrected by a reversal, a new operation that
 * undoes the one it names.
 *
 * Who sees what: the board sees every holding, operation and item of
 * property; a member (and a volunteer, who is a member too) sees only their
 * own, and asking for anyone else's answers DB_NOTFOUND, as if it did not
 * exist (s.103, s.104). Only the board writes.
 *
 * The register as it stood on a date is member_register_as_at (members.h).
 */
#ifndef COOPDESK_SHARES_H
#define COOPDESK_SHARES_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/members.h"

#define SHARE_NOTE_MAX 200          /* characters; the schema holds the same */
#define PROPERTY_DESCRIPTION_MAX 200
#define SHARE_INSTANT_LEN 21        /* "2026-11-22T14:05:00Z" and its NUL */

enum share_op_kind { SHARE_ISSUE, SHARE_FORFEIT, SHARE_REVERSAL };

/* One share operation, whole. */
struct share_op {
	int64_t id;
	char uuid[37];
	int64_t op_no;                 /* 1, 2, 3 ... in the order recorded */
	int64_t member_id;
	enum share_op_kind kind;
	int64_t shares;                /* +1 issued (or a forfeit undone), -1 cancelled */
	int64_t amount_pence;
	char op_date[ISO_DATE_LEN];
	int64_t reverses_id;           /* a reversal: the operation it undoes; else 0 */
	int64_t reverses_op_no;
	int64_t reversed_by_id;        /* the reversal that undid this one; else 0 */
	int64_t reversed_by_op_no;
	char note[SHARE_NOTE_MAX * 4 + 1];
	char recorded_at[SHARE_INSTANT_LEN];
};

/* A row of the list of operations. */
struct share_op_row {
	int64_t id;
	int64_t op_no;
	int64_t member_id;
	int64_t member_no;
	char member_name[MEMBER_NAME_MAX * 4 + 1];
	enum share_op_kind kind;
	int64_t shares;
	int64_t amount_pence;
	char op_date[ISO_DATE_LEN];
	int64_t reverses_op_no;        /* 0 unless a reversal */
	char note[SHARE_NOTE_MAX * 4 + 1];   /* why, as recorded; "" if none */
	/* The whole register's running totals just after this operation, as
	 * share_holding defines them for one member: shares held by all
	 * members, and paid-up capital (paid in on issued shares; a forfeit
	 * leaves it, since the money stays with the co-op; a reversal of an
	 * issue takes it back out). Filled by share_op_page for the board
	 * whatever the member filter; 0 for an actor who sees only their own
	 * operations (the totals are the board's). */
	int64_t total_shares;
	int64_t total_paid_pence;
};

/* "issue", "forfeit", "reversal". */
const char *share_op_kind_name(enum share_op_kind kind);

/* Admits a member: in one transaction, enters them on the register
 * (member_create) and issues their one share, worth the setting
 * 'share_value', dated `on` (ISO, or anything date_parse reads). An empty
 * m->entered_on becomes `on`; any other must equal it. On success m is
 * filled in as member_create does. Board only.
 * DB_INVALID, with words: `on` is not a date or is in the future
 * (date_today), m->entered_on differs from it, or the member is younger than
 * the setting 'min_member_age' on that day (checked when date_of_birth is
 * given). DB_CONSTRAINT: the register refused the member (its sentence).
 * Nothing is saved on any error. */
int share_admit(struct db *db, const struct actor *who, struct member *m, const char *on);

/* Issues a share to an existing, current member dated `on`: for correcting
 * an issue that was reversed. `note` (NULL or "" for none) says why.
 * On success *op_id (may be NULL) is the new operation. Board only.
 * DB_NOTFOUND: no such member. DB_INVALID: a bad or future date, a date
 * before the member was entered on the register, a former member, or one
 * under age. DB_CONSTRAINT "a member holds exactly one share while a member
 * and none after": they already hold one. */
int share_issue(struct db *db, const struct actor *who, int64_t member_id, const char *on,
		const char *note, int64_t *op_id);

/* Ends a membership: in one transaction, member_cease (`on`, `reason`,
 * `version` as there) and a forfeit of the member's share, cancelled and
 * forfeited to the co-op. Board only. DB_NOTFOUND: no such member.
 * DB_INVALID: a bad or future date, the member holds no share, or they
 * hold a tenancy that runs past that day (member_cease).
 * DB_CONFLICT: the member was changed since `version` was read. */
int share_cease(struct db *db, const struct actor *who, int64_t member_id, const char *on,
		const char *reason, int64_t version);

/* Corrects a mistaken issue or forfeit with a reversal dated `on` that
 * undoes it; the original is never edited. Reversing a forfeit also
 * reinstates the member (clears the date ceased), since a forfeit and the
 * end of membership are one event: to fix a forfeit's date, reverse it and
 * call share_cease again. On success *rev_id (may be NULL) is the reversal.
 * Board only. DB_NOTFOUND: no such operation. DB_INVALID: a bad or future
 * date, a date before the operation's, a reversal named (a reversal cannot
 * be reversed: record the issue or forfeit again), or an operation already
 * reversed. DB_CONSTRAINT: the holding would not be 0 or 1 (reverse the
 * later operation first). */
int share_reverse(struct db *db, const struct actor *who, int64_t op_id, const char *on,
		  const char *note, int64_t *rev_id);

/* Corrects a mistaken issue (its date, say) as one event: in one
 * transaction, a reversal of issue `op_id` dated `on` (as share_reverse)
 * and a new issue to the same member dated `issue_on` (as share_issue), so
 * that a current member never stands without their share. `note` goes on
 * both. A member entered on the register the day of the issue corrected
 * was admitted by it, so their entry moves to `issue_on` too (as
 * member_update, which may refuse it). On success *rev_id and *issue_id
 * (either may be NULL) are the new operations. Board only. DB_INVALID: `op_id` is not an issue (reverse a
 * forfeit with share_reverse), or either call's refusal; nothing is saved
 * on any error. */
int share_reissue(struct db *db, const struct actor *who, int64_t op_id, const char *on,
		  const char *issue_on, const char *note, int64_t *rev_id, int64_t *issue_id);

/* The member's holding now: shares held (0 or 1) and the amount paid in on
 * their shares (which stays with the co-op after a forfeit). DB_NOTFOUND for
 * no such member, or another member's when the actor sees only their own. */
int share_holding(struct db *db, const struct actor *who, int64_t member_id,
		  int64_t *shares, int64_t *paid_pence);

/* Reads one operation. DB_NOTFOUND if none, or another member's when the
 * actor sees only their own. */
int share_op_get(struct db *db, const struct actor *who, int64_t op_id, struct share_op *out);

/* One page of operations in op_no order, of one member (member_id > 0) or
 * of all (0), after/before `key` (NULL for PAGE_FIRST/PAGE_LAST). Rows come
 * back in display order; *n is how many (at most `max`). For an actor who
 * sees only their own, 0 means their own and another member's id gives
 * DB_NOTFOUND. Each row carries the register's running totals after it
 * (total_shares, total_paid_pence: see struct share_op_row), summed by the
 * op_no index from the totals this connection last worked out (else from
 * the first operation): scrolling on, forwards or back, costs a page's
 * worth; a jump costs the operations jumped over. On 50,000 operations a
 * page of 50 takes 0.4 ms scrolling, and 5 ms jumping from the first page
 * to the middle, 9 ms to the end (make bench-shares; doc/bench.md). */
int share_op_page(struct db *db, const struct actor *who, int64_t member_id,
		  enum page_dir dir, const struct page_key *key,
		  struct share_op_row *rows, int max, int *n);

/* The paging key of a row. */
void share_op_row_key(const struct share_op_row *r, struct page_key *key);

/* ---- Other property held in the society: loans, deposits (s.30(2)) ---- */

enum property_kind { PROPERTY_LOAN, PROPERTY_DEPOSIT, PROPERTY_OTHER };

struct member_property {
	int64_t id;
	char uuid[37];
	int64_t member_id;
	enum property_kind kind;
	char description[PROPERTY_DESCRIPTION_MAX * 4 + 1];
	int64_t amount_pence;          /* more than 0 */
	char from_date[ISO_DATE_LEN];
	char to_date[ISO_DATE_LEN];    /* "" while held */
	int64_t version;
};

/* "loan", "deposit", "other". */
const char *property_kind_name(enum property_kind kind);

/* Records property a member holds in the society from p->from_date. On
 * success p->id, uuid, version (and the dates, as ISO) are filled in.
 * Board only. DB_NOTFOUND: no such member. DB_INVALID: a bad date or kind.
 * DB_CONSTRAINT: the schema's sentence (amount, description). */
int property_add(struct db *db, const struct actor *who, struct member_property *p);

/* Reads one item. DB_NOTFOUND if none, or not the actor's own when they see
 * only their own (s.104). */
int property_get(struct db *db, const struct actor *who, int64_t id,
		 struct member_property *out);

/* Records that the property ended (was repaid, returned) on `to_date`.
 * `version` is the version read: DB_CONFLICT says who changed it since.
 * Board only. DB_NOTFOUND, DB_INVALID (a bad date), DB_CONSTRAINT "property
 * cannot end before it began". */
int property_end(struct db *db, const struct actor *who, int64_t id, const char *to_date,
		 int64_t version);

/* One page of property in id order (the order recorded), of one member
 * (member_id > 0) or, for the board, of all (0); for an actor who sees only
 * their own, 0 means their own and another member's id gives DB_NOTFOUND.
 * key->id is the row's id. */
int property_page(struct db *db, const struct actor *who, int64_t member_id,
		  enum page_dir dir, const struct page_key *key,
		  struct member_property *rows, int max, int *n);

#endif
