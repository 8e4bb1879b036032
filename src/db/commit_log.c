/*
 * src/db/commit_log.c: the committed-writes log, for the reliability tests
 * (doc/reliability.md). When COOPDESK_COMMIT_LOG names a file, every
 * outermost transaction that committed appends to it, AFTER its COMMIT
 * returned, one JSON line per audit row the transaction wrote
 *
 *	{"pid":P,"tx":N,"id":AUDIT_ID,"t":TABLE,"r":ROW_ID,"a":ACTION,"after":{...}}
 *
 * and then {"pid":P,"tx":N,"end":ROWS}: the program's machine-readable word
 * that the write is saved, whichever screen or command made it. A test that
 * kills the program at a random moment checks that every write logged here
 * is in the database, whole. Without the variable nothing is done.
 *
 * The lines are made from the audit rows inside the transaction (so they
 * say exactly what is being committed) and written with one write() after
 * the commit; a kill between the two leaves a write saved but not
 * reported, never one reported but not saved.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dbint.h"

static const char SQL_LAST_AUDIT[] = "SELECT coalesce(max(id), 0) FROM audit";
static const char SQL_NEW_AUDIT[] =
	"SELECT json_object('pid', ?2, 'tx', ?3, 'id', id, 't', table_name, 'r', row_id,"
	" 'a', action, 'after', json(after)) FROM audit WHERE id > ?1 ORDER BY id";

static const char *log_path(void)
{
	const char *p = getenv("COOPDESK_COMMIT_LOG");
	return p && *p ? p : NULL;
}

void db_commit_log_begin(struct db *db)
{
	free(db->log_buf);
	db->log_buf = NULL;
	db->log_len = 0;
	db->log_from = -1;
	if (!log_path())
		return;
	sqlite3_stmt *st = db_prep(db, SQL_LAST_AUDIT);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		db->log_from = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
}

/* Appends s (n bytes) to the pending lines; 0, or -1 out of memory. */
static int append(struct db *db, const char *s, size_t n)
{
	char *p = realloc(db->log_buf, db->log_len + n + 1);
	if (!p)
		return -1;
	memcpy(p + db->log_len, s, n);
	db->log_len += n;
	p[db->log_len] = '\0';
	db->log_buf = p;
	return 0;
}

void db_commit_log_prepare(struct db *db)
{
	static long long tx;
	if (db->log_from < 0)
		return;
	sqlite3_stmt *st = db_prep(db, SQL_NEW_AUDIT);
	if (!st)
		return;
	long long pid = (long long)getpid(), rows = 0;
	tx++;
	sqlite3_bind_int64(st, 1, db->log_from);
	sqlite3_bind_int64(st, 2, pid);
	sqlite3_bind_int64(st, 3, tx);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (!line || append(db, line, strlen(line)) || append(db, "\n", 1))
			break;
		rows++;
	}
	sqlite3_reset(st);
	char end[96];
	int n = snprintf(end, sizeof end, "{\"pid\":%lld,\"tx\":%lld,\"end\":%lld}\n", pid, tx, rows);
	if (rows == 0 || n < 0 || (size_t)n >= sizeof end || append(db, end, (size_t)n)) {
		free(db->log_buf); /* nothing audited (or no memory): nothing to report */
		db->log_buf = NULL;
		db->log_len = 0;
	}
}

void db_commit_log_write(struct db *db)
{
	const char *path = log_path();
	if (path && db->log_buf && db->log_len) {
		int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
		if (fd >= 0) {
			const char *p = db->log_buf;
			size_t left = db->log_len;
			while (left > 0) {
				ssize_t w = write(fd, p, left);
				if (w <= 0)
					break;
				p += w;
				left -= (size_t)w;
			}
			close(fd);
		}
	}
	free(db->log_buf);
	db->log_buf = NULL;
	db->log_len = 0;
	db->log_from = -1;
}
