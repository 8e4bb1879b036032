/*
 * src/db/db.c: opening the database, the statement cache, transactions.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "coopdesk/uuid.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* 'Coop' in ASCII: marks the file as coopdesk's (PRAGMA application_id). */

struct actor actor_system(const char *name)
{
	struct actor a = { 0, ROLE_SYSTEM, 0, name ? name : "command line" };
	return a;
}

/* mkdir -p with mode 0700 for the parents of `path`. */
static int make_parents(const char *path)
{
	char buf[PATH_MAX];
	if (strlen(path) >= sizeof buf)
		return -1;
	strcpy(buf, path);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return 0;
}

int db_default_path(char *buf, size_t n)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	int len;
	if (xdg && *xdg == '/')
		len = snprintf(buf, n, "%s/coopdesk/coop.db", xdg);
	else if (home && *home)
		len = snprintf(buf, n, "%s/.local/share/coopdesk/coop.db", home);
	else
		return -1;
	return (len < 0 || (size_t)len >= n) ? -1 : 0;
}

/* How long a write waits for another terminal's to finish before it says
 * "another terminal is saving; try again in a moment". */
#define DB_BUSY_WAIT_MS 30000

/* The busy handler: SQLite's own (sqlite3_busy_timeout) polls at a growing
 * interval of up to 100 ms, so with many terminals writing one of them can
 * keep missing the lock and give up after its timeout although each other
 * write was short: a refusal that simply waiting would have cleared
 * (tests/torture/terminals.sh saw it with 16 writers and a 5 s timeout).
 * This one polls every 1 to 8 ms, with a little randomness so that waiters
 * do not move in step, for up to DB_BUSY_WAIT_MS in all. */
static int busy_wait(void *arg, int count)
{
	struct db *db = arg;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		db->busy_since = now;
	long long waited = (now.tv_sec - db->busy_since.tv_sec) * 1000LL
			   + (now.tv_nsec - db->busy_since.tv_nsec) / 1000000;
	if (waited >= DB_BUSY_WAIT_MS)
		return 0;
	db->busy_rand = db->busy_rand * 1103515245u + 12345u;
	long ms = 1 + (long)((db->busy_rand >> 16) % (count < 3 ? 2u : 8u));
	struct timespec pause = { 0, ms * 1000000L };
	nanosleep(&pause, NULL);
	return 1;
}

static int setup_connection(struct db *db)
{
	static const char *const pragmas =
		"PRAGMA foreign_keys = ON;"
		"PRAGMA synchronous = FULL;"
		/* A small page cache: memory stays flat however big the co-op,
		 * and the OS caches the file anyway. */
		"PRAGMA cache_size = -1024;"
		/* Savepoint journals and sorts in memory, not in temp files:
		 * halves the time of a big load's nested writes. */
		"PRAGMA temp_store = MEMORY;"
		/* The arrears list's balances as at a day (rent_dated.c). */
		"CREATE TEMP TABLE arrears_by_bal (bal INTEGER, tid INTEGER,"
		" PRIMARY KEY (bal, tid)) WITHOUT ROWID;"
		"CREATE TEMP TABLE arrears_by_ref (ref TEXT, tid INTEGER, bal INTEGER,"
		" PRIMARY KEY (ref, tid)) WITHOUT ROWID;"
		"";
	int on = 1;
	sqlite3_extended_result_codes(db->conn, 1);
	db->busy_rand = (unsigned)getpid() ^ (unsigned)(uintptr_t)db;
	sqlite3_busy_handler(db->conn, busy_wait, db);
	sqlite3_db_config(db->conn, SQLITE_DBCONFIG_DEFENSIVE, 1, &on);
	sqlite3_db_config(db->conn, SQLITE_DBCONFIG_ENABLE_FKEY, 1, &on);
	sqlite3_db_config(db->conn, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	sqlite3_db_config(db->conn, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	return db_exec(db, pragmas);
}

static const char SQL_APPLICATION_ID[] = "PRAGMA application_id";
static const char SQL_SCHEMA_OBJECTS[] = "SELECT count(*) FROM sqlite_schema";
static const char SQL_USER_VERSION[] = "PRAGMA user_version";
static const char SQL_DATA_VERSION[] = "PRAGMA data_version";

/* Refuses a file that is some other program's, and sets a new file up:
 * only when asked to make one (DB_OPEN_CREATE), made private whatever mode
 * it had. Without that flag an empty file is refused, never adopted: a
 * co-op is made whole by init or demo, or not at all. */
static int check_identity(struct db *db, const char *path, int flags)
{
	sqlite3_stmt *st = db_prep(db, SQL_APPLICATION_ID);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	int64_t id = sqlite3_column_int64(st, 0);
	db_reset(st);
	if (id == COOPDESK_APPLICATION_ID)
		return DB_OK;
	if (id != 0)
		return db_set_error(db, DB_NOTOURS,
				    "that file is not a coopdesk database");
	/* application_id 0: a new file, or another program's SQLite file. */
	st = db_prep(db, SQL_SCHEMA_OBJECTS);
	if (!st)
		return db_status(db);
	if ((rc = db_step_row(db, st)))
		return rc;
	int64_t objects = sqlite3_column_int64(st, 0);
	db_reset(st);
	if (objects != 0)
		return db_set_error(db, DB_NOTOURS,
				    "that file is an SQLite database, but not a coopdesk one");
	if (!(flags & DB_OPEN_CREATE))
		return db_set_error(db, DB_NOTOURS, "that file is empty, not a co-op (make one with"
				    " 'coopdesk init')");
	if (strcmp(path, ":memory:") != 0 && chmod(path, 0600) != 0)
		return db_set_error(db, DB_IO, "cannot make the file private: %s", strerror(errno));
	if ((rc = db_exec(db, "PRAGMA application_id = 1131376496")))
		return rc;
	return db_exec(db, "PRAGMA journal_mode = WAL");
}

/* Writable for saving: the permission is there (access) and the mode
 * grants some write bit, so that a file or folder made read-only with
 * chmod is read-only for root too, who passes every access check. */
static int writable(const char *path)
{
	struct stat st;
	return access(path, W_OK) == 0 && stat(path, &st) == 0 && (st.st_mode & 0222) != 0;
}

/* Why the co-op at `path` cannot be saved into, in words, into db->readonly
 * ("" when it can): asked (--read-only), the file, or its folder (where
 * SQLite makes the journal that every save needs). Returns 1 when nothing can be created in the
 * folder and no journal is there: the file is then opened immutable, the
 * only way SQLite reads a WAL database with no journal it can make. */
static int readonly_reason(struct db *db, const char *path, int flags)
{
	char dir[PATH_MAX], wal[PATH_MAX + 8];
	db->readonly[0] = '\0';
	if (strcmp(path, ":memory:") == 0 || (flags & DB_OPEN_CREATE))
		return 0;
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	char real[PATH_MAX];
	if (realpath(dir, real))
		snprintf(dir, sizeof dir, "%s", real);
	int dir_ok = writable(dir);
	if (!writable(path))
		snprintf(db->readonly, sizeof db->readonly, "the file %s is read-only", path);
	else if (!dir_ok)
		snprintf(db->readonly, sizeof db->readonly, "the folder %s is read-only", dir);
	else if (flags & DB_OPEN_READONLY)
		snprintf(db->readonly, sizeof db->readonly, "it was opened with --read-only");
	snprintf(wal, sizeof wal, "%s-wal", path);
	return !dir_ok && access(wal, F_OK) != 0;
}

/* "file:PATH?immutable=1" with PATH's '%', '?' and '#' escaped. */
static int immutable_uri(const char *path, char *buf, size_t n)
{
	size_t used = (size_t)snprintf(buf, n, "file:");
	for (const char *p = path; *p; p++) {
		if (used + 4 >= n)
			return -1;
		if (*p == '%' || *p == '?' || *p == '#')
			used += (size_t)snprintf(buf + used, n - used, "%%%02X", (unsigned char)*p);
		else
			buf[used++] = *p;
	}
	buf[used] = '\0';
	return (size_t)snprintf(buf + used, n - used, "?immutable=1") >= n - used ? -1 : 0;
}

/* A read-only co-op is read as it is: one from an older coopdesk would need
 * upgrading first, which is a write. */
static int readonly_version(struct db *db)
{
	int have = db_schema_version(db), known = db_schema_version_known();
	if (have < 0)
		return db_status(db);
	if (have > known)
		return db_migrate(db); /* says DB_NEWER in its words */
	if (have < known)
		return db_set_error(db, DB_IO,
				    "this co-op was made by an older coopdesk and must be upgraded"
				    " before it can be opened, which cannot be done while %s",
				    db->readonly);
	return DB_OK;
}

/* Once, before SQLite starts: coopdesk has one thread, so SQLite's mutexes
 * and its count of memory in use (a mutex and a barrier on every
 * allocation) are work for nothing. Should SQLite have been started
 * already, the calls are refused (SQLITE_MISUSE) and change nothing. */
static void library_once(void)
{
	static int done;
	if (done)
		return;
	done = 1;
	sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

int db_open(const char *path, int flags, struct db **out, char *err, size_t errlen)
{
	*out = NULL;
	library_once();
	struct db *db = calloc(1, sizeof *db);
	if (!db) {
		snprintf(err, errlen, "out of memory");
		return DB_ERROR;
	}
	int oflags = (flags & DB_OPEN_READONLY) ? SQLITE_OPEN_READONLY
						: SQLITE_OPEN_READWRITE;
	int is_memory = strcmp(path, ":memory:") == 0;
	if (!is_memory && (flags & DB_OPEN_CREATE) && !(flags & DB_OPEN_READONLY)) {
		oflags |= SQLITE_OPEN_CREATE;
		if (make_parents(path) != 0) {
			snprintf(err, errlen, "cannot create the folder for %s: %s",
				 path, strerror(errno));
			free(db);
			return DB_IO;
		}
		/* Create the file ourselves so that it is private from birth. */
		int fd = open(path, O_RDWR | O_CREAT, 0600);
		if (fd < 0) {
			snprintf(err, errlen, "cannot create %s: %s", path, strerror(errno));
			free(db);
			return DB_IO;
		}
		close(fd);
	} else if (!is_memory && access(path, F_OK) != 0) {
		snprintf(err, errlen, "there is no database at %s (make one with 'coopdesk init')",
			 path);
		free(db);
		return DB_NOTFOUND;
	}
	int immutable = readonly_reason(db, path, flags);
	char uri[PATH_MAX * 3 + 32];
	const char *name = path;
	if (db->readonly[0]) {
		oflags = SQLITE_OPEN_READONLY;
		if (immutable && immutable_uri(path, uri, sizeof uri) == 0) {
			oflags |= SQLITE_OPEN_URI;
			name = uri;
		}
	}
	int rc = sqlite3_open_v2(name, &db->conn, oflags | SQLITE_OPEN_NOFOLLOW, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open %s: %s", path,
			 db->conn ? sqlite3_errmsg(db->conn) : sqlite3_errstr(rc));
		sqlite3_close(db->conn);
		free(db);
		return DB_IO;
	}
	int status = setup_connection(db);
	if (!status)
		status = check_identity(db, path, flags);
	if (!status && !(flags & DB_OPEN_CREATE) && !is_memory)
		db_quick_look(db, DB_QUICK_LOOK_PAGES);
	if (!status)
		status = db->readonly[0] ? readonly_version(db)
		       : (flags & DB_OPEN_READONLY) ? DB_OK : db_migrate(db);
	if (status) {
		/* A file being made is a temporary one: its name says nothing. */
		if (flags & DB_OPEN_CREATE)
			snprintf(err, errlen, "%s", db->errmsg);
		else
			snprintf(err, errlen, "%s: %s", path, db->errmsg);
		db_close(db);
		return status;
	}
	*out = db;
	return DB_OK;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	if (!sqlite3_get_autocommit(db->conn))
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
	for (size_t i = 0; i < db->nslots; i++)
		sqlite3_finalize(db->slots[i].st);
	free(db->slots);
	free(db->log_buf);
	sqlite3_close(db->conn);
	free(db);
}

const char *db_read_only(const struct db *db)
{
	return db->readonly[0] ? db->readonly : NULL;
}

const char *db_errmsg(const struct db *db)
{
	return db->errmsg[0] ? db->errmsg : "no error";
}

int db_status(const struct db *db)
{
	return db->status ? db->status : DB_ERROR;
}

void db_interrupt(struct db *db)
{
	if (db && db->conn)
		sqlite3_interrupt(db->conn);
}

/* The slot for `sql` in a table of `n` slots (a power of two): its own, or
 * the empty one where it would go. The table is never full. The address is
 * spread by Fibonacci hashing: the top bits of its product with 2^64/phi. */
static struct db_stmt_slot *stmt_slot(struct db_stmt_slot *slots, size_t n, const char *sql)
{
	uint64_t h = (uint64_t)(uintptr_t)sql * 0x9E3779B97F4A7C15u;
	size_t mask = n - 1;
	for (size_t i = (size_t)(h >> 40) & mask;; i = (i + 1) & mask)
		if (slots[i].sql == sql || !slots[i].sql)
			return &slots[i];
}

/* Doubles the statement cache (or makes its first table). */
static int stmt_cache_grow(struct db *db)
{
	size_t n = db->nslots ? db->nslots * 2 : DB_STMT_SLOTS_FIRST;
	struct db_stmt_slot *slots = calloc(n, sizeof *slots);
	if (!slots)
		return db_set_error(db, DB_ERROR, "out of memory for the statement cache");
	for (size_t i = 0; i < db->nslots; i++)
		if (db->slots[i].sql)
			*stmt_slot(slots, n, db->slots[i].sql) = db->slots[i];
	free(db->slots);
	db->slots = slots;
	db->nslots = n;
	return DB_OK;
}

sqlite3_stmt *db_prep(struct db *db, const char *sql)
{
	if (db->nslots) {
		struct db_stmt_slot *s = stmt_slot(db->slots, db->nslots, sql);
		if (s->sql)
			return s->st;
	}
	/* A new statement: keep the table at most half full, so a probe
	 * stays short. */
	if ((db->nstmts + 1) * 2 > db->nslots && stmt_cache_grow(db))
		return NULL;
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v3(db->conn, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL);
	if (rc != SQLITE_OK) {
		db_fail(db, rc, "preparing a query");
		return NULL;
	}
	struct db_stmt_slot *s = stmt_slot(db->slots, db->nslots, sql);
	s->sql = sql;
	s->st = st;
	db->nstmts++;
	return st;
}

/* The statement whose text could not be bound, and SQLite's code. */
static sqlite3_stmt *bind_failed_st;
static int bind_failed_rc;

int db_bind_text_checked(sqlite3_stmt *st, int idx, const char *s, int n,
			 void (*destructor)(void *))
{
	int rc = (sqlite3_bind_text)(st, idx, s, n, destructor);
	/* Only what the machine ran out of: a misnumbered parameter is a bug
	 * the tests find, and a statement may skip parameters it does not use. */
	if ((rc == SQLITE_NOMEM || rc == SQLITE_TOOBIG) && !bind_failed_st) {
		bind_failed_st = st;
		bind_failed_rc = rc;
	}
	return rc;
}

/* The code of a failed bind of `st`'s (forgotten once told), or 0. */
static int bind_failure(sqlite3_stmt *st)
{
	if (!bind_failed_st || bind_failed_st != st)
		return 0;
	bind_failed_st = NULL;
	return bind_failed_rc;
}

void db_reset(sqlite3_stmt *st)
{
	if (!st)
		return;
	if (st == bind_failed_st)
		bind_failed_st = NULL;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
}

int db_step_done(struct db *db, sqlite3_stmt *st)
{
	int rc = bind_failure(st);
	if (!rc)
		rc = sqlite3_step(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW) {
		db_reset(st);
		return DB_OK;
	}
	int status = db_fail(db, rc, NULL);
	db_reset(st);
	return status;
}

int db_step_row(struct db *db, sqlite3_stmt *st)
{
	int rc = bind_failure(st);
	if (!rc)
		rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return DB_OK;
	if (rc == SQLITE_DONE) {
		db_reset(st);
		return DB_NOTFOUND;
	}
	int status = db_fail(db, rc, NULL);
	db_reset(st);
	return status;
}

int db_exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db->conn, sql, NULL, NULL, &msg);
	sqlite3_free(msg);
	return rc == SQLITE_OK ? DB_OK : db_fail(db, rc, NULL);
}

/* ---- transactions ------------------------------------------------------ */

static const char SQL_SET_ACTOR[] =
	"UPDATE audit_context SET user_id = ?1, actor = ?2 WHERE id = 1";
static const char SQL_CLEAR_ACTOR[] =
	"UPDATE audit_context SET user_id = NULL, actor = NULL WHERE id = 1";

/* The transaction statements, prepared once for the connection: a repair
 * or a ledger row opens and closes a level each, and re-parsing these was
 * a measurable part of a bulk load. */
static const char SQL_BEGIN[] = "BEGIN IMMEDIATE";
static const char SQL_COMMIT[] = "COMMIT";
static const char SQL_ROLLBACK[] = "ROLLBACK";
static const char SQL_SAVEPOINT[] = "SAVEPOINT nested";
static const char SQL_RELEASE[] = "RELEASE nested";
static const char SQL_ROLLBACK_TO[] = "ROLLBACK TO nested";

static int run_stmt(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_prep(db, sql);
	return st ? db_step_done(db, st) : db_status(db);
}

/* Ends a level quietly (the rollbacks): no error recorded, the first
 * failure's message is kept. */
static void run_quiet(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (st) {
		sqlite3_step(st);
		sqlite3_reset(st);
	} else {
		sqlite3_exec(db->conn, sql, NULL, NULL, NULL);
	}
}

static int level_is_flat(const struct db *db)
{
	return db->depth >= 1 && db->depth <= 64 && (db->flat >> (db->depth - 1) & 1);
}

static int begin_level(struct db *db, const struct actor *who, int flat)
{
	int rc;
	if (db->readonly[0])
		return db_set_error(db, DB_IO, "not saved: %s, so changes cannot be saved",
				    db->readonly);
	if (db->depth > 0) {
		if (flat && db->depth < 64) {
			db->depth++;
			db->flat |= UINT64_C(1) << (db->depth - 1);
			return DB_OK;
		}
		if ((rc = run_stmt(db, SQL_SAVEPOINT)))
			return rc;
		db->depth++;
		if (db->depth <= 64)
			db->flat &= ~(UINT64_C(1) << (db->depth - 1));
		return DB_OK;
	}
	if ((rc = run_stmt(db, SQL_BEGIN)))
		return rc;
	db->depth = 1;
	db->flat = 0;
	db->doomed = 0;
	db_commit_log_begin(db);
	sqlite3_stmt *st = db_prep(db, SQL_SET_ACTOR);
	if (!st)
		return db_abort(db, db_status(db));
	db_bind_id_or_null(st, 1, who ? who->user_id : 0);
	sqlite3_bind_text(st, 2, who && who->name ? who->name : "unknown", -1,
			  SQLITE_TRANSIENT);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return DB_OK;
}

int db_begin(struct db *db, const struct actor *who)
{
	return begin_level(db, who, 0);
}

int db_begin_flat(struct db *db, const struct actor *who)
{
	return begin_level(db, who, 1);
}

int db_commit(struct db *db)
{
	int rc;
	if (db->depth <= 0)
		return db_set_error(db, DB_ERROR, "commit without a transaction");
	if (db->doomed) {
		/* A flat level inside this one failed and could not be undone
		 * by itself: this level is rolled back instead of kept. */
		rc = db->doomed;
		db_rollback(db);
		return rc;
	}
	if (db->depth > 1) {
		if (level_is_flat(db)) {
			db->depth--;
			return DB_OK;
		}
		if ((rc = run_stmt(db, SQL_RELEASE))) {
			db_rollback(db); /* undoes this level and leaves the depth right */
			return rc;
		}
		db->depth--;
		return DB_OK;
	}
	/* Leave no actor behind: a later change by another program is then
	 * recorded as such, not as this person's. */
	sqlite3_stmt *st = db_prep(db, SQL_CLEAR_ACTOR);
	if (!st)
		return db_abort(db, db_status(db));
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	db_commit_log_prepare(db);
	if ((rc = run_stmt(db, SQL_COMMIT))) {
		/* A failed COMMIT may leave the transaction open: end it. */
		db_rollback(db);
		return rc;
	}
	db->depth = 0;
	db_commit_log_write(db); /* only now is the write reported as saved */
	return DB_OK;
}

void db_rollback(struct db *db)
{
	db->settings_gen++;   /* a setting changed in what is undone is changed back */
	if (db->depth > 1) {
		if (level_is_flat(db)) {
			/* Nothing to roll back to: the enclosing level must go. */
			if (!db->doomed)
				db->doomed = db->status ? db->status : DB_ERROR;
			db->depth--;
			return;
		}
		run_quiet(db, SQL_ROLLBACK_TO);
		run_quiet(db, SQL_RELEASE);
		db->depth--;
		db->doomed = 0;  /* whatever failed inside is undone with this level */
		return;
	}
	if (!sqlite3_get_autocommit(db->conn))
		run_quiet(db, SQL_ROLLBACK);
	db->depth = 0;
	db->flat = 0;
	db->doomed = 0;
}

int db_abort(struct db *db, int status)
{
	/* Keep the first error's message: the rollback must not overwrite it. */
	db_rollback(db);
	return status;
}

int db_bulk_cache(struct db *db, int mib)
{
	char sql[64];
	if (mib < 1 || mib > 4096)
		return db_set_error(db, DB_INVALID, "a cache of %d MiB is out of range", mib);
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", mib * 1024);
	return db_exec(db, sql);
}

static const char SQL_JOURNAL_MEMORY[] = "PRAGMA main.journal_mode = MEMORY";
static const char SQL_JOURNAL_WAL[] = "PRAGMA main.journal_mode = WAL";

int db_build_journal(struct db *db, int in_memory)
{
	const char *want = in_memory ? "memory" : "wal";
	sqlite3_stmt *st = db_prep(db, in_memory ? SQL_JOURNAL_MEMORY : SQL_JOURNAL_WAL);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	/* The pragma answers with the mode it left the file in. */
	int same = rc == DB_OK && sqlite3_column_text(st, 0) &&
		   strcmp((const char *)sqlite3_column_text(st, 0), want) == 0;
	db_reset(st);
	if (rc == DB_NOTFOUND || (!rc && !same))
		return db_set_error(db, DB_ERROR, "the file could not be put in %s journal mode",
				    in_memory ? "the in-memory" : "the WAL");
	return rc;
}

/* main alone: only it has a WAL (a checkpoint of every schema fails on the
 * TEMP one after a change of main's journal mode, SQLite 3.40). */
static const char SQL_CHECKPOINT[] = "PRAGMA main.wal_checkpoint(TRUNCATE)";

int db_checkpoint(struct db *db)
{
	sqlite3_stmt *st = db_prep(db, SQL_CHECKPOINT);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc == DB_NOTFOUND ? db_set_error(db, DB_ERROR, "no checkpoint") : rc;
	int busy = sqlite3_column_int(st, 0);
	db_reset(st);
	if (busy)
		return db_set_error(db, DB_BUSY, "another program is reading the database;"
				    " try again in a moment");
	return DB_OK;
}

static const char SQL_CACHE_SIZE[] = "PRAGMA cache_size";

int db_cache_enlarge(struct db *db, int mib, int64_t *saved)
{
	sqlite3_stmt *st = db_prep(db, SQL_CACHE_SIZE);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc == DB_NOTFOUND ? db_set_error(db, DB_ERROR, "no cache size") : rc;
	*saved = sqlite3_column_int64(st, 0);
	db_reset(st);
	/* Negative: KiB; positive: pages. Either way, only ever made larger. */
	int64_t kib = *saved < 0 ? -*saved : *saved * 4;
	if (kib >= (int64_t)mib * 1024)
		return DB_OK;
	return db_bulk_cache(db, mib);
}

void db_cache_restore(struct db *db, int64_t saved)
{
	/* Quietly: the write it follows has committed or failed already, and
	 * its outcome and message stand; a cache left larger is only memory. */
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", (long long)saved);
	sqlite3_exec(db->conn, sql, NULL, NULL, NULL);
}

int db_in_transaction(struct db *db)
{
	return !sqlite3_get_autocommit(db->conn);
}

/* ---- binding and reading ---------------------------------------------- */

int db_bind_text(sqlite3_stmt *st, int idx, const char *s)
{
	return sqlite3_bind_text(st, idx, s ? s : "", -1, SQLITE_TRANSIENT);
}

int db_bind_text_or_null(sqlite3_stmt *st, int idx, const char *s)
{
	if (!s || !*s)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_text(st, idx, s, -1, SQLITE_TRANSIENT);
}

int db_bind_id_or_null(sqlite3_stmt *st, int idx, int64_t id)
{
	if (id <= 0)
		return sqlite3_bind_null(st, idx);
	return sqlite3_bind_int64(st, idx, id);
}

void db_col_text(sqlite3_stmt *st, int col, char *buf, size_t n)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	text_copy(buf, n, t ? (const char *)t : "");
}

void db_new_uuid(char out[37])
{
	cd_uuid_new(out);
}

static const char SQL_LAST_CHANGE[] =
	"SELECT coalesce(actor, 'another program'), at FROM audit"
	" WHERE table_name = ?1 AND row_id = ?2 ORDER BY id DESC LIMIT 1";

int db_conflict(struct db *db, const char *table, int64_t id, const char *what)
{
	sqlite3_stmt *st = db_prep(db, SQL_LAST_CHANGE);
	if (st) {
		sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		if (db_step_row(db, st) == DB_OK) {
			char when[ZONE_TIME_BUFSZ];
			zone_format((const char *)sqlite3_column_text(st, 1), when, sizeof when);
			db_set_error(db, DB_CONFLICT,
				     "%s was changed by %s at %s since you opened it;"
				     " your changes are still on screen",
				     what, (const char *)sqlite3_column_text(st, 0), when);
			db_reset(st);
			return DB_CONFLICT;
		}
	}
	return db_set_error(db, DB_CONFLICT,
			    "%s was changed or removed by someone else since you opened it",
			    what);
}

int db_schema_version(struct db *db)
{
	sqlite3_stmt *st = db_prep(db, SQL_USER_VERSION);
	if (!st || db_step_row(db, st) != DB_OK)
		return -1;
	int v = sqlite3_column_int(st, 0);
	db_reset(st);
	return v;
}

int db_data_version(struct db *db, int64_t *version)
{
	sqlite3_stmt *st = db_prep(db, SQL_DATA_VERSION);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc == DB_NOTFOUND ? db_set_error(db, DB_ERROR, "no data version") : rc;
	*version = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}
