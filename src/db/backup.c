/*
 * src/db/backup.c: backup and restore (coopdesk/backup.h). A file is only
 * ever renamed into place once it is whole and checked; the temporary
 * files beside it are removed on every failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "coopdesk/backup.h"
#include "coopdesk/check.h"
#include "coopdesk/migrations.h"
#include "dbint.h"

/* In SQLite's unix VFS every connection to a database in WAL mode holds a
 * read lock on this byte of the "-shm" file for as long as it is open
 * (the "dead man switch", after the eight WAL locks that start at 120). */
#define SHM_DMS_BYTE 128
#define BACKUP_BUSY_TRIES 250   /* 20 ms apart: five seconds */

static int fail(char *err, size_t n, int status, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static int fail(char *err, size_t n, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return status;
}

/* Removes a temporary copy and anything SQLite left beside it. */
static void remove_temp(const char *tmp)
{
	char side[PATH_MAX + 16];
	static const char *const tails[] = { "-journal", "-wal", "-shm" };
	unlink(tmp);
	for (size_t i = 0; i < sizeof tails / sizeof tails[0]; i++) {
		snprintf(side, sizeof side, "%s%s", tmp, tails[i]);
		unlink(side);
	}
}

/* Makes a private temporary file beside `path`: `path`.`what`-XXXXXX. */
static int make_temp(const char *path, const char *what, char *tmp, size_t n, char *err,
		     size_t errlen)
{
	if ((size_t)snprintf(tmp, n, "%s.%s-XXXXXX", path, what) >= n)
		return fail(err, errlen, DB_IO, "the name %s is too long", path);
	int fd = mkstemp(tmp);
	if (fd < 0)
		return fail(err, errlen, DB_IO, "cannot write beside %s: %s", path, strerror(errno));
	close(fd);
	return DB_OK;
}

/* The folder of `path` flushed, so a rename into it survives a power cut. */
static void sync_folder(const char *path)
{
	char copy[PATH_MAX];
	snprintf(copy, sizeof copy, "%s", path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int sync_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* One row's first column of `sql` on `conn` into out ("" if none). */
static int pragma_text(sqlite3 *conn, const char *sql, char *out, size_t n)
{
	sqlite3_stmt *st;
	out[0] = '\0';
	int rc = sqlite3_prepare_v2(conn, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *t = sqlite3_column_text(st, 0);
		snprintf(out, n, "%s", t ? (const char *)t : "");
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE) {
		rc = SQLITE_OK;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Copies database `from` into the empty file `tmp` as one self-contained,
 * checked file (journal_mode DELETE). */
static int copy_into(sqlite3 *from, const char *tmp, char *err, size_t errlen)
{
	sqlite3 *to = NULL;
	char said[256];
	int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK) {
		rc = fail(err, errlen, DB_IO, "cannot write the copy: %s", sqlite3_errstr(rc));
		sqlite3_close(to);
		return rc;
	}
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b) {
		rc = fail(err, errlen, DB_IO, "cannot start the copy: %s", sqlite3_errmsg(to));
		sqlite3_close(to);
		return rc;
	}
	/* All pages in one step: one read transaction, so the copy is the
	 * co-op as it stood at one moment, whatever others write meanwhile
	 * (in WAL mode they are not held up by it). */
	int tries = 0;
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (++tries > BACKUP_BUSY_TRIES)
			break;
		sqlite3_sleep(20);
	}
	int finish = sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE || finish != SQLITE_OK) {
		int why = rc != SQLITE_DONE ? rc : finish;
		rc = fail(err, errlen, DB_IO, "the copy failed: %s", (why & 0xff) == SQLITE_FULL
			  ? "the disk is full" : sqlite3_errstr(why));
		sqlite3_close(to);
		return rc;
	}
	if ((rc = pragma_text(to, "PRAGMA journal_mode = DELETE", said, sizeof said)) ||
	    (rc = pragma_text(to, "PRAGMA integrity_check", said, sizeof said))) {
		rc = fail(err, errlen, DB_IO, "the copy could not be checked: %s",
			  sqlite3_errmsg(to));
		sqlite3_close(to);
		return rc;
	}
	sqlite3_close(to);
	if (strcmp(said, "ok") != 0)
		return fail(err, errlen, DB_IO, "the copy is not whole: SQLite says %s", said);
	if (sync_file(tmp) != 0)
		return fail(err, errlen, DB_IO, "the copy could not be written out: %s",
			    strerror(errno));
	return DB_OK;
}

int db_backup(struct db *db, const char *dest, int64_t *bytes, char *err, size_t errlen)
{
	char tmp[PATH_MAX];
	struct stat sb;
	if (bytes)
		*bytes = 0;
	if (lstat(dest, &sb) == 0)
		return fail(err, errlen, DB_INVALID, "%s already exists: back up to a new name",
			    dest);
	int rc = make_temp(dest, "partial", tmp, sizeof tmp, err, errlen);
	if (rc)
		return rc;
	if ((rc = copy_into(db->conn, tmp, err, errlen))) {
		remove_temp(tmp);
		return rc;
	}
	/* link, not rename: a file that appeared at dest meanwhile is kept. */
	if (link(tmp, dest) != 0) {
		rc = fail(err, errlen, DB_IO, "cannot make %s: %s", dest, strerror(errno));
		remove_temp(tmp);
		return rc;
	}
	unlink(tmp);
	sync_folder(dest);
	if (bytes && stat(dest, &sb) == 0)
		*bytes = (int64_t)sb.st_size;
	return DB_OK;
}

int db_in_use(const char *path, char *err, size_t errlen)
{
	char shm[PATH_MAX + 8];
	snprintf(shm, sizeof shm, "%s-shm", path);
	int fd = open(shm, O_RDONLY | O_NOFOLLOW);
	if (fd < 0) {
		if (errno == ENOENT)
			return 0;   /* no connection in WAL mode has it open */
		return fail(err, errlen, -1, "cannot tell whether %s is in use: %s", path,
			    strerror(errno));
	}
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = SHM_DMS_BYTE,
			    .l_len = 1 };
	int rc = fcntl(fd, F_GETLK, &fl);
	int saved = errno;
	close(fd);
	if (rc != 0)
		return fail(err, errlen, -1, "cannot tell whether %s is in use: %s", path,
			    strerror(saved));
	return fl.l_type != F_UNLCK;
}

/* The backup `src` looked at before anything is done with it: SQLite's,
 * coopdesk's, not newer than this coopdesk, whole. */
static int judge_backup(sqlite3 *conn, const char *src, char *err, size_t errlen)
{
	char id[32], version[32], said[256];
	int rc = pragma_text(conn, "PRAGMA application_id", id, sizeof id);
	if (rc == SQLITE_NOTADB)
		return fail(err, errlen, DB_NOTOURS, "%s is not a coopdesk backup: it is not an"
			    " SQLite database", src);
	if (rc != SQLITE_OK)
		return fail(err, errlen, DB_INVALID, "%s is damaged: %s", src, sqlite3_errstr(rc));
	if (strtoll(id, NULL, 10) != COOPDESK_APPLICATION_ID)
		return fail(err, errlen, DB_NOTOURS, "%s is an SQLite database, but not a coopdesk"
			    " one", src);
	if ((rc = pragma_text(conn, "PRAGMA user_version", version, sizeof version)))
		return fail(err, errlen, DB_INVALID, "%s is damaged: %s", src, sqlite3_errstr(rc));
	int newest = migration_count ? migrations[migration_count - 1].version : 0;
	if (atoi(version) > newest)
		return fail(err, errlen, DB_INVALID, "%s is from a newer coopdesk (its schema is %s;"
			    " this one knows up to %d): restore it with that version", src, version,
			    newest);
	rc = pragma_text(conn, "PRAGMA integrity_check", said, sizeof said);
	for (char *nl = said; (nl = strchr(nl, '\n'));)
		*nl = ' ';   /* its report runs over lines: one sentence here */
	if (rc != SQLITE_OK || strcmp(said, "ok") != 0)
		return fail(err, errlen, DB_INVALID, "%s is damaged: SQLite says %s", src,
			    rc != SQLITE_OK ? sqlite3_errstr(rc) : said);
	return DB_OK;
}

static void count_failure(const char *name, const char *problem, int warning, void *arg)
{
	(void)name;
	(void)problem;
	(void)warning;
	(void)arg;
}

/* The checked copy at `tmp` brought up to this schema and run through the
 * co-op's own checks, then set to WAL as every co-op is. */
static int ready_copy(const char *tmp, const char *src, char *err, size_t errlen)
{
	struct db *db;
	char why[512];
	int failures = 0;
	int rc = db_open(tmp, 0, &db, why, sizeof why);
	if (rc)
		return fail(err, errlen, DB_INVALID, "%s could not be opened as a co-op: %s", src,
			    why);
	rc = db_check(db, count_failure, NULL, &failures);
	if (!rc && failures)
		rc = fail(err, errlen, DB_INVALID, "%s fails the co-op's checks (%d problem%s;"
			  " 'coopdesk --db %s check' names them)", src, failures,
			  failures == 1 ? "" : "s", src);
	else if (rc)
		rc = fail(err, errlen, rc, "%s could not be checked: %s", src, db_errmsg(db));
	else if ((rc = db_exec(db, "PRAGMA journal_mode = WAL")))
		rc = fail(err, errlen, rc, "cannot ready the copy: %s", db_errmsg(db));
	db_close(db);
	return rc;
}

/* Folds a left-over write-ahead log into the co-op at `path` before it is
 * moved aside, so the file kept holds everything committed. */
static int fold_wal(const char *path, char *err, size_t errlen)
{
	char wal[PATH_MAX + 8], said[64];
	struct stat sb;
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (stat(wal, &sb) != 0)
		return DB_OK;
	sqlite3 *conn = NULL;
	int rc = sqlite3_open_v2(path, &conn, SQLITE_OPEN_READWRITE, NULL);
	if (rc == SQLITE_OK)
		rc = pragma_text(conn, "PRAGMA wal_checkpoint(TRUNCATE)", said, sizeof said);
	sqlite3_close(conn);
	if (rc != SQLITE_OK)
		return fail(err, errlen, DB_IO, "cannot fold %s's log into it: %s", path,
			    sqlite3_errstr(rc));
	return DB_OK;
}

int db_restore(const char *src, const char *path, char *aside, size_t asidelen, char *err,
	       size_t errlen)
{
	char tmp[PATH_MAX];
	struct stat sb;
	aside[0] = '\0';
	if (stat(src, &sb) != 0)
		return fail(err, errlen, DB_IO, "cannot read %s: %s", src, strerror(errno));
	sqlite3 *from = NULL;
	int rc = sqlite3_open_v2(src, &from, SQLITE_OPEN_READONLY, NULL);
	if (rc != SQLITE_OK) {
		rc = fail(err, errlen, DB_IO, "cannot read %s: %s", src, sqlite3_errstr(rc));
		sqlite3_close(from);
		return rc;
	}
	if ((rc = judge_backup(from, src, err, errlen)) ||
	    (rc = make_temp(path, "restoring", tmp, sizeof tmp, err, errlen))) {
		sqlite3_close(from);
		return rc;
	}
	rc = copy_into(from, tmp, err, errlen);
	sqlite3_close(from);
	if (rc || (rc = ready_copy(tmp, src, err, errlen))) {
		remove_temp(tmp);
		return rc;
	}
	int busy = db_in_use(path, err, errlen);
	if (busy == 0 && lstat(path, &sb) == 0 && !(rc = fold_wal(path, err, errlen)))
		busy = db_in_use(path, err, errlen);
	if (rc || busy) {
		remove_temp(tmp);
		if (rc)
			return rc;
		return busy < 0 ? DB_IO : fail(err, errlen, DB_BUSY, "the co-op at %s is open in"
					       " another program (coopdesk at another terminal?):"
					       " close it there first", path);
	}
	if (lstat(path, &sb) == 0) {
		char stamp[32];
		time_t now = time(NULL);
		struct tm utc;
		gmtime_r(&now, &utc);
		strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &utc);
		/* The co-op is kept aside by a second name (a hard link), and the
		 * copy then renamed over it: at every moment there is a whole co-op
		 * at `path`, however the program is stopped (a rename aside first
		 * left none between the two renames). A name already taken (two
		 * restores in one second) gets -2, -3...: no kept copy is replaced. */
		int linked = -1;
		for (int n = 1; n < 100 && linked != 0; n++) {
			if (n == 1)
				snprintf(aside, asidelen, "%s.before-restore-%s", path, stamp);
			else
				snprintf(aside, asidelen, "%s.before-restore-%s-%d", path, stamp, n);
			linked = link(path, aside);
			if (linked != 0 && errno != EEXIST) {
				/* A file system without hard links: moved aside, as
				 * before (a stop between the renames leaves the co-op
				 * only in the copy kept aside). */
				linked = rename(path, aside);
				break;
			}
		}
		if (linked != 0) {
			rc = fail(err, errlen, DB_IO, "cannot keep %s aside: %s", path,
				  strerror(errno));
			aside[0] = '\0';
			remove_temp(tmp);
			return rc;
		}
	}
	if (rename(tmp, path) != 0) {
		rc = fail(err, errlen, DB_IO, "cannot put the backup in place: %s", strerror(errno));
		if (aside[0] && unlink(aside) == 0) /* the co-op never left `path` */
			aside[0] = '\0';
		remove_temp(tmp);
		return rc;
	}
	sync_folder(path);
	return DB_OK;
}
