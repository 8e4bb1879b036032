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

/* 'Coop' in ASCII: marks a file as coopdesk's (PRAGMA application_id). */
#define COOPDESK_APPLICATION_ID 0x436F6F70

#include <limits.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <time.h>

#include "coopdesk/access.h"
#include "coopdesk/db.h"
#include "coopdesk/repair_rules.h"

/* Binding text copies it, and the copy can fail for want of memory; the
 * parameter is then left NULL and the statement would run on without it
 * (a lookup finding nothing, a column saved empty). Every text bound in
 * this folder goes through this check instead: a failed bind is kept, and
 * the statement's next step (db_step_done, db_step_row) fails with it
 * rather than running. */
int db_bind_text_checked(sqlite3_stmt *st, int idx, const char *s, int n,
			 void (*destructor)(void *));
#define sqlite3_bind_text(st, idx, s, n, d) db_bind_text_checked(st, idx, s, n, d)

#define DB_STMT_SLOTS_FIRST 512  /* the cache's first size; it doubles as it fills */
#define DB_ERRMSG_MAX 512

struct db_stmt_slot {
	const char *sql;   /* the string literal's address is the key */
	sqlite3_stmt *st;
};

struct db {
	sqlite3 *conn;
	int depth;                 /* open db_begin calls */
	/* Bit d-1 set: level d was opened by db_begin_flat inside another,
	 * with no savepoint of its own. */
	uint64_t flat;
	/* Nonzero (the failure's status) when a flat level rolled back: the
	 * work it did cannot be undone alone, so the next level that commits
	 * is rolled back instead, and the first that rolls back clears it. */
	int doomed;
	int status;                /* status of the last failure */
	char errmsg[DB_ERRMSG_MAX];
	/* Why nothing can be saved ("the folder /x is read-only, so ..."), or
	 * "" when the co-op was opened for saving (db_read_only). */
	char readonly[PATH_MAX + 96];
	int damaged;               /* db_quick_look found damage (db_damaged) */
	/* The statement cache: open addressing on the string's address,
	 * linear probing, a power of two slots kept at most half full. */
	struct db_stmt_slot *slots;
	size_t nslots;             /* 0 until the first statement */
	size_t nstmts;             /* slots in use */
	/* The share register's running totals just after operation op_no
	 * (shares.c), last worked out outside a transaction: committed
	 * operations are never edited or deleted, so they stay true, and the
	 * next page's totals are summed from here rather than from the first
	 * operation. op_no 0: none yet. */
	struct {
		int64_t op_no, shares, paid_pence;
	} share_totals;
	/* The repair rules as last read from the settings (repairs.c), true
	 * while the file's data version (another connection's commit) and
	 * settings_gen are what they were then. settings_gen counts this
	 * connection's writes to the settings and its rollbacks (either may
	 * have changed what the settings say). */
	int64_t settings_gen;
	struct {
		int ok;
		int64_t data_version, settings_gen;
		struct repair_rules rules;
	} rules_cache;
	/* The arrears list's balances (rent_dated.c), worked out into a temp
	 * table for a day, a choice of tenancies and a sort, and paged from while no
	 * connection can have changed the ledger since: the file's data
	 * version (another's commit) and this connection's count of changed
	 * rows (sqlite3_total_changes64) are what they were just after. */
	struct {
		int ok, which, sort;
		char day[16];
		int64_t data_version, changes;
	} arrears_snap;
	/* The committed-writes log (commit_log.c): the last audit id before
	 * the transaction (-1: not logging) and the lines for its commit. */
	int64_t log_from;
	char *log_buf;
	size_t log_len;
	/* The busy handler's (db.c): when this wait began, and its jitter. */
	struct timespec busy_since;
	unsigned busy_rand;
};

/* The statement for `sql`, prepared once (persistent) and reused. `sql` must
 * be a string with static storage: its address is the cache key. The cache
 * grows as needed, so there is no limit to the distinct statements. Returns
 * NULL with the error set (the SQL is wrong, or out of memory). The caller
 * resets it (db_step_done, db_reset). */
sqlite3_stmt *db_prep(struct db *db, const char *sql);

/* Opens a level like db_begin, but inside an open transaction takes no
 * savepoint: for a bulk write (the rent run) whose thousands of
 * statements made SQLite's in-memory savepoint journal grow with each
 * one, and each statement slower than the last. Its work is still all or
 * nothing: should it fail (db_rollback, db_abort), the level around it is
 * rolled back too when it comes to commit, with the failure's status. At
 * the outermost level it is db_begin. */
int db_begin_flat(struct db *db, const struct actor *who);

/* For one bulk write inside the program (the rent run): a page cache of
 * at least `mib` MiB until db_cache_restore(db, *saved) puts back what
 * there was (the pages above it are then freed; quietly, never changing
 * the outcome or the message of the write it follows). */
int db_cache_enlarge(struct db *db, int mib, int64_t *saved);
void db_cache_restore(struct db *db, int64_t saved);
/* The committed-writes log (commit_log.c, COOPDESK_COMMIT_LOG): begin at
 * the outermost db_begin, prepare just before COMMIT, write just after. */
void db_commit_log_begin(struct db *db);
void db_commit_log_prepare(struct db *db);
void db_commit_log_write(struct db *db);

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
/* members.c: refuses (DB_INVALID, in words) a member younger than the
 * setting 'min_member_age' on `on`; no date of birth, or one that is not a
 * date, passes (the register refuses the latter). */
int db_member_age_check(struct db *db, const char *born, const char *on);
/* SQL: the share operation aliased `o` stands as the register's record:
 * it is not a reversal, nor reversed. A reversal corrects a mistake, so a
 * register as at any day counts neither it nor what it corrects. */
#define SHARE_OP_STANDS(o) \
	"(" o ".kind <> 'reversal' AND NOT EXISTS (SELECT 1 FROM share_ops v" \
	" WHERE v.member_id = " o ".member_id AND v.reverses_id = " o ".id))"
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

/* A row reader: copies the current row of `st` into `row`, one of the
 * aggregate's structs (clearing it first). `ctx` is whatever else the
 * reader needs (the clock of a deadline), NULL for most. Each aggregate has
 * one reader per struct, shared by its get and its page. */
typedef void db_row_reader(sqlite3_stmt *st, void *row, const void *ctx);

/* Row readers list their columns once, in select order, as an X-macro of
 * DB_COL(KIND, field): in a reader with the statement `st`, the next
 * column's index `col` and the record `r`, it reads column col++ into
 * r->field. So a get and a page whose statements select the same columns
 * first share one list. Kinds: INT64, INT, TEXT (db_col_text, bounded by
 * the field's size); a file may define DB_COL_<KIND>(field) of its own. */
#define DB_COL(kind, field) DB_COL_##kind(field)
#define DB_COL_INT64(field) r->field = sqlite3_column_int64(st, col++);
#define DB_COL_INT(field) r->field = sqlite3_column_int(st, col++);
#define DB_COL_TEXT(field) db_col_text(st, col++, r->field, sizeof r->field);

/* The checks every page read starts with: `dir` one of enum page_dir, a
 * key for PAGE_AFTER and PAGE_BEFORE, `max` not negative, and `bad` (the
 * caller's own: a sort or filter out of range) false. DB_INVALID naming
 * `fn` otherwise: a caller's bug, not a person's mistake. Call it before
 * choosing the statement by `dir`. */
int db_page_args(struct db *db, const char *fn, int bad, enum page_dir dir,
		 const struct page_key *key, int max);

/* The rest of every page read: steps `st` (prepared and bound) for up to
 * `max` rows of `size` bytes into `rows`, each through `read` with `ctx`;
 * *n is how many. Then resets the statement, passes on a failure of the
 * last step, and turns a page read backwards (PAGE_LAST, PAGE_BEFORE) into
 * display order. A list that is not paged reads with PAGE_FIRST. */
int db_page_read(struct db *db, sqlite3_stmt *st, enum page_dir dir, void *rows, int max,
		 size_t size, db_row_reader *read, const void *ctx, int *n);

/* One record: steps `st` (prepared and bound) once. DB_OK with the row
 * read into `row` through `read` with `ctx`; DB_NOTFOUND with the sentence
 * `none` ("there is no such repair"; NULL sets no message) when there is
 * no row; or the failure. The statement is reset in every case. */
int db_read_one(struct db *db, sqlite3_stmt *st, db_row_reader *read, void *row,
		const void *ctx, const char *none);

/* db_read_one of the statement `sql` with ?1 bound to `id`: a get by id. */
int db_get(struct db *db, const char *sql, int64_t id, db_row_reader *read, void *row,
	   const void *ctx, const char *none);

/* The lost-update check, after an UPDATE ... WHERE id = ?1 AND version = ?2
 * has been stepped: DB_OK when it changed a row. When it changed none,
 * `exists_sql` (?1 the id; any row means the record is there) tells why:
 * the record is still there, so someone saved it since it was read:
 * db_conflict(db, table, id, what), DB_CONFLICT naming who and when; or it
 * is gone: DB_NOTFOUND with the sentence `none` (NULL sets no message).
 * Call it inside the write's transaction, and db_abort on anything but
 * DB_OK. */
int db_updated(struct db *db, const char *exists_sql, const char *table, int64_t id,
	       const char *what, const char *none);

/* The same for a record found by a text key (a setting): `exists_sql` binds
 * ?1 to `key` and selects the record's rowid, which the audit trail names
 * it by. */
int db_updated_key(struct db *db, const char *exists_sql, const char *table, const char *key,
		   const char *what, const char *none);

/* Whether a member attended a meeting (meetings.c; motions use it too):
 * DB_OK with *left (they have left) and *proxy (whom they hold a proxy
 * for, 0 none), either may be NULL; DB_NOTFOUND if they did not attend. */
int db_attendance_find(struct db *db, int64_t meeting_id, int64_t member_id, int *left,
		       int64_t *proxy);

/* What the co-op expects of each member in a year (decisions.c; the
 * participation summary judges by it too): the settings
 * meetings_expected_per_year and hours_expected_per_year, the hours as
 * minutes so that they compare with the minutes given. 0: none. */
struct db_expectation {
	int64_t meetings, minutes;
};

/* Reads the expectation into *out: DB_OK, or the settings' failure (a
 * setting missing or not a number). */
int db_participation_expectation(struct db *db, struct db_expectation *out);

/* Judges a year against `e`: *meetings_met when `meetings` attended reach
 * e->meetings, *hours_met when `minutes` given reach e->minutes (an
 * expectation of 0 is always met). Returns 1 when both are met. */
int db_participation_met(const struct db_expectation *e, int64_t meetings, int64_t minutes,
			 int *meetings_met, int *hours_met);

/* Migrations and the audit triggers (migrate.c, audit_triggers.c). */
int db_migrate(struct db *db);
int db_audit_triggers_refresh(struct db *db);
/* A TEMP table COPY, made if missing, for rows of TABLE on their way in:
 * TABLE's columns (not the generated ones), in its order, with its
 * defaults, and no constraints, indexes or triggers. Rows are then put
 * into TABLE by INSERT ... SELECT * with TABLE's audit triggers skipped
 * (audit_context.unaudited): the bulk path of repairs (repair_bulk.c)
 * writes a repair's whole life so, and the audit rows of its steps itself
 * (db_audit_copy_row), as TABLE's triggers would write them.
 * The audit rows wait in temp.audit_bulk, in the order made, until
 * db_audit_copy_flush puts them in the trail; making a copy empties it (a
 * bulk path makes its copies as it starts). */
int db_audit_copy_make(struct db *db, const char *table, const char *copy);
/* An audit row of a step on a copy, as TABLE's trigger makes it (the
 * actor from audit_context), waiting with the others: ACTION "insert",
 * "update" or "delete"; BEFORE and AFTER the JSON, or NULL. */
int db_audit_copy_row(struct db *db, const char *table, int64_t row_id, const char *action,
		      const char *before, const char *after);
/* Where each of NAMES (N of them) stands among TABLE's columns, in the
 * order the audit triggers write them (the statement they are generated
 * from): ORDER[k] is the index in NAMES of the k-th. With ALL, TABLE may
 * have no other column (a writer of whole rows would leave it out). */
int db_audit_column_order(struct db *db, const char *table, const char *const *names, int n,
			  int all, int *order);
/* Puts the copies' waiting audit rows into the trail, in the order they
 * were made, by one statement; the bulk path does so before it puts the
 * rows themselves, and nothing else may write to the trail in between. */
int db_audit_copy_flush(struct db *db);

/* A value as a column holds it: SQLITE_NULL, SQLITE_INTEGER (i),
 * SQLITE_FLOAT (d) or SQLITE_TEXT (s, never NULL). */
struct db_value {
	int type;
	int64_t i;
	const char *s;
	double d;   /* SQLITE_FLOAT */
};
/* Are A and B the same value (SQL's IS)? */
int db_value_same(const struct db_value *a, const struct db_value *b);
/* A JSON object of a row's columns written as SQLite's json_object writes
 * it, byte for byte (audit_json.c): open, a value a column, close. The
 * buffer is kept from one object to the next; zero it to start, free it
 * with db_json_free. */
struct db_json {
	char *s;
	size_t len, cap;
	int keys, failed;
};
void db_json_open(struct db_json *j);
void db_json_value(struct db_json *j, const char *key, const struct db_value *v);
/* Opens J and writes the columns of ST's row, under their names (a whole
 * row, as a trigger's json_object of every column); -1 for a value the
 * trail cannot hold (a BLOB, as json_object refuses one; a password hash,
 * which the trail keeps only the head of), or memory that ran out. */
int db_json_row(struct db_json *j, sqlite3_stmt *st);
/* The object's text, or NULL when memory ran out on the way. */
const char *db_json_close(struct db_json *j);
void db_json_free(struct db_json *j);

#endif
