/*
 * coopdesk/audit.h: reading the audit trail (domain.md "Other duties").
 *
 * Every change to an audited table leaves one row in the trail: when, who
 * (the acting user's id and name), which table and record, insert, update
 * or delete, and the whole record before and after as JSON objects. The
 * rows are written by triggers in the same transaction as the change
 * (src/db/audit_triggers.c); nothing here writes them, and the database
 * itself refuses to change or delete them. Reading is for the board (and
 * the command line) only.
 *
 * Password hashes are never shown: in a user account's before/after the
 * password_hash field reads "(hidden)" or "(hidden, changed)".
 */
#ifndef COOPDESK_AUDIT_H
#define COOPDESK_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/db.h"

#define AUDIT_ACTOR_MAX 80        /* characters of the actor's name kept */
#define AUDIT_TABLE_LEN 64
#define AUDIT_AT_LEN 32           /* "2026-03-01T10:00:00.123Z" and its NUL */
#define AUDIT_JSON_MAX 16384      /* bytes of before/after kept by audit_get */

/* What to list; zeroed means everything. Filters combine (all must hold). */
struct audit_filter {
	int64_t user_id;                  /* changes by this user; 0: anyone */
	char table_name[AUDIT_TABLE_LEN]; /* "" any table */
	int64_t row_id;                   /* with table_name: one record; 0: all */
	char from[16];                    /* first day (local), "2026-03-01"; "" open */
	char to[16];                      /* last local day, inclusive; "" open */
};

/* One row of the list (no before/after: see audit_get). */
struct audit_row {
	int64_t id;
	char at[AUDIT_AT_LEN];            /* UTC instant of the change */
	int64_t user_id;                  /* 0 when no user (command line, another program) */
	char actor[AUDIT_ACTOR_MAX * 4 + 1];
	char table_name[AUDIT_TABLE_LEN];
	int64_t row_id;
	char action[8];                   /* insert, update, delete */
};

/* One row with its record before and after: JSON text, "" for none (an
 * insert has no before, a delete no after). Cut at AUDIT_JSON_MAX - 1
 * bytes on a character boundary when longer, with the flag set (the
 * text is then not whole JSON). About 33 KiB: allocate it, not on a small
 * stack. */
struct audit_entry {
	struct audit_row row;
	char before[AUDIT_JSON_MAX];
	char after[AUDIT_JSON_MAX];
	int before_cut, after_cut;
};

/* One page of the trail, newest first (by id, descending). PAGE_FIRST is
 * the newest page, PAGE_LAST the oldest; PAGE_AFTER goes on to older rows
 * than `key`, PAGE_BEFORE back to newer ones (audit_row_key makes a key).
 * Rows come back in display order (newest first); *n is how many (at most
 * max). Board only (DB_DENIED for others). A date that is not a date is
 * DB_INVALID; so is a row_id without a table. */
int audit_page(struct db *db, const struct actor *who, const struct audit_filter *f,
	       enum page_dir dir, const struct page_key *key, struct audit_row *rows,
	       int max, int *n);

/* The paging key of a row. */
void audit_row_key(const struct audit_row *r, struct page_key *key);

/* One row of the trail with before and after. Board only; DB_NOTFOUND if
 * there is no such row. */
int audit_get(struct db *db, const struct actor *who, int64_t id, struct audit_entry *e);

/* How many rows of the trail describe `table` (row `row_id`; 0 for every
 * row of the table), or -1 on a database error. No access check: for
 * tests and consistency checks, never for showing to a person. */
int64_t audit_count_for(struct db *db, const char *table, int64_t row_id);

#endif
