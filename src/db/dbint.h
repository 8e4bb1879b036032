/*
 * src/db/dbint.h: private to the data layer. Nothing outside src/db/ may
 * include this file; it is what lets the rest of the program never see a
 * sqlite3_stmt.
 *
 * The pattern of every write (see members.c for a model):
 *
 *	int rc = db_access_check(db, who, AREA_X, OP_WRITE, &level);
 *	if (rc) return rc;
 *	if ((rc = db_begin(db, who))) return rc;
 *	sqlite3_stmt *st = db_prep(db, SQL_INSERT_X);
 *	if (!st) return db_abort(db, db_status(db));
 *	... bind ...
 *	rc = db_step_done(db, st);       // steps, resets, funnels the error
 *	if (rc) return db_abort(db, rc);
 *	return db_commit(db);
 *
 * The audit row is written by triggers in the same transaction (see
 * audit_triggers.c), naming the actor that db_begin recorded.
 */
#ifndef COOPDESK_DBINT_H
#define COOPDESK_DBINT_H

#include <sqlite3.h>
#include <stdarg.h>

#include "coopdesk/access.h"
#include "coopdesk/db.h"

#define DB_STMT_SLOTS 512
#define DB_ERRMSG_MAX 512

struct db_stmt_slot {
	const char *sql;   /* the string literal's address is the key */
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *conn;
	int depth;                 /* open db_begin calls */
	int status;                /* status of the last failure */
	char errmsg[DB_ERRMSG_MAX];
	struct db_stmt_slot slots[DB_STMT_SLOTS];
};

/* The statement for `sql`, prepared once (persistent) and reused. `sql` must
 * be a string with static storage: its address is the cache key. Returns
 * NULL with the error set. The caller resets it (db_step_done, db_reset). */
sqlite3_stmt *db_prep(struct db *db, const char *sql);

/* Resets a statement and clears its bindings; NULL is fine. */
void db_reset(sqlite3_stmt *st);

/* Steps a statement that returns no row, resets it, and funnels an error. */
int db_step_done(struct db *db, sqlite3_stmt *st);

/* Steps once: DB_OK with a row (caller reads, then resets), DB_NOTFOUND when
 * done (statement reset), or an error (statement reset, error set). */
int db_step_row(struct db *db, sqlite3_stmt *st);

/* Runs SQL with no parameters and no rows (schema, pragmas). */
int db_exec(struct db *db, const char *sql);

/* The error funnel: turns an SQLite result code (and the connection's
 * message) into a status and a message in words, and records both on the
 * handle. `doing` says what was being done ("saving the member"). */
int db_fail(struct db *db, int sqlite_rc, const char *doing);

/* Records a status and a message of the caller's own. Returns `status`. */
int db_set_error(struct db *db, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The status of the last failure (for db_prep's NULL). */
int db_status(const struct db *db);

/* Checks the actor's access to an area; on ACCESS_NONE sets DB_DENIED with a
 * message naming the role and the area. *level (may be NULL) gets the level. */
int db_access_check(struct db *db, const struct actor *who, enum area a,
		    enum access_op op, enum access_level *level);

/* Binding helpers: text NULL or "" binds SQL NULL when `empty_null`. */
int db_bind_text(sqlite3_stmt *st, int idx, const char *s);
int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s);
int db_bind_id_or_null(sqlite3_stmt *st, int idx, int64_t id);

/* Copies column `col` as text into buf (empty for NULL), never splitting a
 * UTF-8 sequence. */
void db_col_text(sqlite3_stmt *st, int col, char *buf, size_t n);

/* Fills a fresh lower-case UUID. */
void db_new_uuid(char out[37]);

/* Text that people type is checked on save (text.h): a one-line field
 * (a name, an address, a title) holds no control characters or
 * direction-changing marks, a field of several lines (a description,
 * notes) only new lines and tabs of those. DB_OK, or DB_INVALID with
 * "<field> cannot contain control characters ..." ("a member's name"). */
int db_check_line(struct db *db, const char *field, const char *s);
int db_check_lines(struct db *db, const char *field, const char *s);

/* Version conflict: a save found the record's version moved on. Builds
 * "<what> was changed by NAME at TIME since you opened it" from the newest
 * audit row of `table`/`id` and returns DB_CONFLICT. Call it inside the
 * failed write's transaction, before db_abort. */
int db_conflict(struct db *db, const char *table, int64_t id, const char *what);

/* Turns what a person typed into an FTS5 query that matches rows having
 * words that start with each typed word: `ali wr` -> `"ali"* "wr"*`.
 * Quotes are doubled, so no typed text is read as FTS5 syntax. Returns 0,
 * or -1 when nothing searchable was typed (then search for nothing). */
int db_fts_query(const char *typed, char *out, size_t n);

/* Reverses `n` rows of `size` bytes in place: pages read backwards (before
 * a key, or the last page) come back in display order. */
void db_reverse_rows(void *rows, int n, size_t size);

/* The end of every page read: resets the statement, passes on a failure
 * of the last step (rc other than DB_OK or DB_NOTFOUND), and turns a page
 * read backwards (PAGE_LAST, PAGE_BEFORE) into display order. */
int db_page_end(sqlite3_stmt *st, int rc, enum page_dir dir, void *rows, int n, size_t size);

/* Whether a member attended a meeting (meetings.c; motions use it too):
 * DB_OK with *left (they have left) and *proxy (whom they hold a proxy
 * for, 0 none), either may be NULL; DB_NOTFOUND if they did not attend. */
int db_attendance_find(struct db *db, int64_t meeting_id, int64_t member_id, int *left,
		       int64_t *proxy);

/* Migrations and the audit triggers (migrate.c, audit_triggers.c). */
int db_migrate(struct db *db);
int db_audit_triggers_refresh(struct db *db);

#endif
