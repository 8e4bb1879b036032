/*
 * coopdesk/db.h: the connection, transactions, errors and the acting user.
 *
 * The data layer (src/db/) is the only code that speaks SQL. Everything
 * above it holds a `struct db *` and calls the per-aggregate functions in
 * coopdesk/members.h, coopdesk/repairs.h and so on. Every one of those calls
 * takes the acting user (`struct actor`), refuses what that user's role may
 * not do, and returns an `enum db_status`; on anything but DB_OK,
 * db_errmsg() holds a message in plain words, fit for the status bar.
 */
#ifndef COOPDESK_DB_H
#define COOPDESK_DB_H

#include <stddef.h>
#include <stdint.h>

struct db;

/* What a data-layer call can return. Zero is success. */
enum db_status {
	DB_OK = 0,
	DB_NOTFOUND,    /* no such record (or not one this user may see) */
	DB_INVALID,     /* the input breaks a rule of the domain */
	DB_CONSTRAINT,  /* the database itself refused it (a rule it holds) */
	DB_CONFLICT,    /* changed meanwhile by someone else; message says who */
	DB_DENIED,      /* the acting user's role may not do this */
	DB_BUSY,        /* another terminal held the database too long */
	DB_INTERRUPTED, /* stopped by a signal (db_interrupt) */
	DB_NEWER,       /* the file was made by a newer coopdesk */
	DB_NOTOURS,     /* the file is not a coopdesk database */
	DB_CORRUPT,     /* the file is damaged */
	DB_IO,          /* the file could not be read, written or created */
	DB_ERROR        /* anything else: a bug; the message has SQLite's words */
};

/* Roles, in rising order of what they may do (domain.md "People and roles").
 * ROLE_SYSTEM is the person at the command line who holds the database file
 * (coopdesk init, demo, user, check): file permissions are their boundary. */
enum role { ROLE_NONE = 0, ROLE_MEMBER, ROLE_VOLUNTEER, ROLE_BOARD, ROLE_SYSTEM };

/* Who is acting. user_id 0 means no user row (the command line). member_id
 * is the linked member for a tenant-member (0 when none). name is copied
 * into every audit row the actor causes. */
struct actor {
	int64_t user_id;
	enum role role;
	int64_t member_id;
	const char *name;
};

/* The command line's actor: full access, recorded in the trail as `name`. */
struct actor actor_system(const char *name);

/* Opens (creating if need be) the database at `path`, sets the connection up
 * (WAL, synchronous=FULL, foreign keys, busy timeout, defensive mode) and
 * brings the schema up to date. Parent directories are created 0700 and a
 * new file 0600. On success *out is the handle (close it with db_close).
 * On failure *out is NULL and `err` holds the message. */
enum db_open_flags { DB_OPEN_CREATE = 1, DB_OPEN_READONLY = 2 };
int db_open(const char *path, int flags, struct db **out, char *err, size_t errlen);

/* A co-op opens for viewing only (read-only) when asked (DB_OPEN_READONLY,
 * `--read-only`), when its file is read-only, or when its folder is (SQLite
 * makes a journal beside the file for every save). Then every write is
 * refused in words by db_begin ("not saved: the folder /x is read-only, so
 * changes cannot be saved"), and a file from an older coopdesk is refused
 * at open (upgrading it would be a write). db_read_only gives the cause in
 * words ("the folder /x is read-only", "the file /x is read-only", "it was
 * opened with --read-only"), or NULL when the co-op can be saved into. */
const char *db_read_only(const struct db *db);

/* Opening looks quickly for damage in the file (db_quick_look with
 * DB_QUICK_LOOK_PAGES): db_damaged gives the warning in words for the
 * board ("the database file is damaged: run 'coopdesk check' and restore
 * from a backup ..."), or NULL when none was seen. The co-op still opens:
 * the board decides, and `coopdesk check` looks at every page. */
const char *db_damaged(const struct db *db);

/* The look itself: a file of at most `full_up_to` pages is checked whole
 * (PRAGMA quick_check); a bigger one by the first and last rows of the
 * main tables. Returns 1 when damage was
 * seen (and db_damaged says so from then on), else 0; leaves db_errmsg as
 * it was. Fast: a few milliseconds on a co-op of a million repairs. */
#define DB_QUICK_LOOK_PAGES 1024
int db_quick_look(struct db *db, int64_t full_up_to);

/* Closes the handle, rolling back anything left open. NULL is fine. */
void db_close(struct db *db);

/* The message for the last failed call on this handle, in plain words. */
const char *db_errmsg(const struct db *db);

/* The default database path: $XDG_DATA_HOME/coopdesk/coop.db, else
 * ~/.local/share/coopdesk/coop.db. Returns 0, or -1 when neither HOME nor
 * XDG_DATA_HOME is set or the path does not fit. */
int db_default_path(char *buf, size_t n);

/* Transactions. db_begin opens BEGIN IMMEDIATE, or a savepoint when one is
 * already open, and records `who` as the actor for the audit trail. Every
 * db_begin is matched by exactly one db_commit or db_rollback. db_commit
 * returns a status (the commit itself can fail, then everything is rolled
 * back). db_abort rolls back and passes `status` through, for
 * `return db_abort(db, rc);`. */
int db_begin(struct db *db, const struct actor *who);
int db_commit(struct db *db);
void db_rollback(struct db *db);
int db_abort(struct db *db, int status);

/* For a bulk load (the demo, an import): a page cache of `mib` MiB for
 * this connection, so one big transaction is not spilled to the WAL page by
 * page. The interface keeps its small default. */
int db_bulk_cache(struct db *db, int mib);

/* For a new file that one connection builds under a name of its own and
 * puts in place only when it is whole (coopdesk demo): db_build_journal(db,
 * 1) keeps the rollback journal in memory instead of the WAL, so that each
 * page of a big first transaction is written to the file once, not to the
 * WAL and then again by the checkpoint (a new file's pages need no journal;
 * a build that is killed leaves a file that is never used). The commit
 * still syncs the file. db_build_journal(db, 0), outside a transaction,
 * puts the file back in WAL mode, as every co-op is. DB_ERROR, in words,
 * when SQLite would not change it. */
int db_build_journal(struct db *db, int in_memory);

/* Copies everything saved so far from the journal (the WAL) into the
 * database file itself and empties the journal, so that the file alone is
 * the whole co-op: init and demo call it before the file they built is put
 * in place. DB_OK, or DB_IO ("the disk is full; nothing was saved"), DB_BUSY
 * when another connection is reading. */
int db_checkpoint(struct db *db);

/* Nonzero while a transaction is open on this handle. */
int db_in_transaction(struct db *db);

/* Safe to call from a signal handler: makes the running statement stop with
 * DB_INTERRUPTED. */
void db_interrupt(struct db *db);

/* The schema version this program knows, and the file's. */
int db_schema_version_known(void);
int db_schema_version(struct db *db);

/* This connection's PRAGMA data_version, into *version: a number that
 * changes when another connection (another terminal, another program)
 * commits a change to the file, and not for this connection's own. A
 * screen polls it while it waits for a key and re-reads what it shows when
 * it moves. Cheap: it reads no table. DB_OK, or a failure (message in
 * db_errmsg). */
int db_data_version(struct db *db, int64_t *version);

/* Keyset paging, shared by every list. A list asks for the first or last
 * page, or the page after or before the key of a row it holds. Rows always
 * come back in display order. */
enum page_dir { PAGE_FIRST, PAGE_LAST, PAGE_AFTER, PAGE_BEFORE };
#define PAGE_KEY_TEXT 256
struct page_key {
	int64_t id;                 /* the row's integer key: the tie-breaker */
	int64_t num;                /* a numeric sort value, when sorting by one */
	char text[PAGE_KEY_TEXT];   /* a text sort value, when sorting by one */
};

/* For the layers above this one that refuse something themselves (a
 * document asked for in a format it does not know, a file that could not
 * be written): records `status` and the message on the handle, so that
 * their callers read it from db_errmsg like any refusal of the data
 * layer's. Returns `status`, for `return db_note_error(db, DB_IO, ...)`. */
int db_note_error(struct db *db, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
