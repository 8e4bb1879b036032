/*
 * coopdesk/contractors.h: the firms and trades repairs are assigned to.
 *
 * Part of the repairs area: the board and volunteers read and change them;
 * a member may not (they see the contractor's name on their own repairs,
 * repairs.h). A contractor is never deleted, only marked not in use, so
 * that old repairs still name who did them.
 */
#ifndef COOPDESK_CONTRACTORS_H
#define COOPDESK_CONTRACTORS_H

#include <stdint.h>

#include "coopdesk/db.h"

#define CONTRACTOR_NAME_MAX 100    /* characters; the schema holds the same limits */
#define CONTRACTOR_TRADE_MAX 60
#define CONTRACTOR_PHONE_MAX 30
#define CONTRACTOR_EMAIL_MAX 254

struct contractor {
	int64_t id;
	char uuid[37];
	char name[CONTRACTOR_NAME_MAX * 4 + 1];
	char trade[CONTRACTOR_TRADE_MAX * 4 + 1];
	char phone[CONTRACTOR_PHONE_MAX * 4 + 1];
	char email[CONTRACTOR_EMAIL_MAX * 4 + 1];
	int in_use;                /* 1 while repairs may be assigned to them */
	int64_t version;
};

/* A row of the contractors list. */
struct contractor_row {
	int64_t id;
	char name[CONTRACTOR_NAME_MAX * 4 + 1];
	char trade[CONTRACTOR_TRADE_MAX * 4 + 1];
	char phone[CONTRACTOR_PHONE_MAX * 4 + 1];
	int in_use;
};

/* Adds a contractor, in use. On success c->id, uuid, in_use and version are
 * filled in. The schema's limits refuse (DB_CONSTRAINT) an empty or long
 * name and so on, in words. Board and volunteers; DB_DENIED for others. */
int contractor_create(struct db *db, const struct actor *who, struct contractor *c);

/* Reads one contractor. DB_NOTFOUND if none. Board and volunteers. */
int contractor_get(struct db *db, const struct actor *who, int64_t id, struct contractor *c);

/* Saves name, trade, phone and email. c->version must be the version read:
 * if someone saved since, DB_CONFLICT names who and when, and nothing is
 * saved; on success c->version is the new one. in_use is not changed here
 * (contractor_set_in_use). */
int contractor_update(struct db *db, const struct actor *who, struct contractor *c);

/* Marks a contractor not in use (in_use 0: no new repairs are assigned to
 * them) or in use again (1). `version` as for contractor_update. */
int contractor_set_in_use(struct db *db, const struct actor *who, int64_t id,
			  int64_t version, int in_use);

/* One page of contractors by name (then id), after/before `key` (NULL for
 * PAGE_FIRST/PAGE_LAST), in display order; *n rows (at most max).
 * `in_use_only` leaves out those not in use. `search` (NULL or "" for none)
 * keeps those whose name or trade has, for each word typed, a word that
 * starts with it ("pen plu" finds "Pennine Plumbing"; case is ignored for
 * ASCII letters; words part at spaces and - / ( & ,; the first four words
 * typed count). What is typed is bound, never read as a pattern: % and _
 * are themselves. */
int contractor_page(struct db *db, const struct actor *who, int in_use_only,
		    const char *search, enum page_dir dir, const struct page_key *key,
		    struct contractor_row *rows, int max, int *n);

/* The paging key of a row. */
void contractor_row_key(const struct contractor_row *r, struct page_key *key);

#endif
