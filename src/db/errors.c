/*
 * src/db/errors.c: the one error funnel. Every SQLite failure passes through
 * db_fail(), which turns it into a status and a sentence a volunteer at the
 * estate office can act on.
 *
 * The schema names its CHECK constraints with the sentence itself
 * (CONSTRAINT "a share's amount must be more than £0.00" CHECK (...)), and
 * its triggers RAISE with a sentence, so most messages come straight from
 * the rule that refused the change. UNIQUE and NOT NULL failures name a
 * table and column; the table below gives those their words.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "dbint.h"

int db_set_error(struct db *db, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(db->errmsg, sizeof db->errmsg, fmt, ap);
	va_end(ap);
	db->status = status;
	return status;
}

static const struct {
	const char *column;   /* as SQLite names it: table.column[, ...] */
	const char *words;
} unique_words[] = {
	{ "members.member_no", "another member already has that member number" },
	{ "homes.ref", "another home already has that reference" },
	{ "users.username", "that username is taken" },
	{ "share_ops.op_no", "that share operation number is already used" },
	{ "decisions.year, decisions.number", "that decision number is already used this year" },
	{ "motions.meeting_id, motions.motion_no", "that motion number is already used at this meeting" },
	{ "rent_rates.home_id, rent_rates.effective_from", "that home already has a rent rate from that date" },
	{ "tenancies.home_id", "that home already has a current tenancy" },
	{ "bank_holidays.day", "that day is already a bank holiday" },
};

/* "members.given_name" -> "given name" into buf. */
static void column_words(const char *qualified, char *buf, size_t n)
{
	const char *dot = strrchr(qualified, '.');
	const char *col = dot ? dot + 1 : qualified;
	size_t i = 0;
	for (; col[i] && i + 1 < n; i++)
		buf[i] = col[i] == '_' ? ' ' : col[i];
	buf[i] = '\0';
}

static int constraint_message(struct db *db, int rc, const char *raw)
{
	static const char check[] = "CHECK constraint failed: ";
	static const char unique[] = "UNIQUE constraint failed: ";
	static const char notnull[] = "NOT NULL constraint failed: ";
	char col[128];

	switch (rc) {
	case SQLITE_CONSTRAINT_CHECK:
		if (strncmp(raw, check, sizeof check - 1) == 0)
			raw += sizeof check - 1;
		/* The audit trail's rows hold JSON its triggers make; SQLite's
		 * json_valid() says no to that only when it ran out of memory
		 * reading it (tests/unit/test_faults.c finds this). */
		if (strstr(raw, "json_valid("))
			return db_set_error(db, DB_IO,
					    "the computer ran out of memory; nothing was saved");
		return db_set_error(db, DB_CONSTRAINT, "%s", raw);
	case SQLITE_CONSTRAINT_TRIGGER:
		return db_set_error(db, DB_CONSTRAINT, "%s", raw);
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		if (strncmp(raw, unique, sizeof unique - 1) == 0)
			raw += sizeof unique - 1;
		for (size_t i = 0; i < sizeof unique_words / sizeof unique_words[0]; i++)
			if (strcmp(raw, unique_words[i].column) == 0)
				return db_set_error(db, DB_CONSTRAINT, "%s",
						    unique_words[i].words);
		column_words(raw, col, sizeof col);
		return db_set_error(db, DB_CONSTRAINT,
				    "that %s is already used by another record", col);
	case SQLITE_CONSTRAINT_NOTNULL:
		if (strncmp(raw, notnull, sizeof notnull - 1) == 0)
			raw += sizeof notnull - 1;
		column_words(raw, col, sizeof col);
		return db_set_error(db, DB_CONSTRAINT, "the %s is required", col);
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return db_set_error(db, DB_CONSTRAINT,
				    "that refers to a record that does not exist,"
				    " or other records still refer to this one");
	default:
		return db_set_error(db, DB_CONSTRAINT, "the database refused the change: %s",
				    raw);
	}
}

int db_fail(struct db *db, int rc, const char *doing)
{
	const char *raw = db->conn ? sqlite3_errmsg(db->conn) : sqlite3_errstr(rc);
	char copy[DB_ERRMSG_MAX];
	/* The message may be overwritten by a later call: copy it now. */
	snprintf(copy, sizeof copy, "%s", raw ? raw : sqlite3_errstr(rc));
	const char *prefix = doing ? doing : "";
	const char *sep = doing ? ": " : "";

	/* A full disk that SQLite met as an I/O error (making or growing its
	 * shared-memory file, a journal being made): the system's own code
	 * says which. */
	int sys = db->conn ? sqlite3_system_errno(db->conn) : 0;
	if (((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN) &&
	    (sys == ENOSPC || sys == EDQUOT))
		rc = SQLITE_FULL;
	/* Memory, however SQLite reports it (an I/O layer short of memory too). */
	if ((rc & 0xff) == SQLITE_NOMEM || rc == SQLITE_IOERR_NOMEM)
		return db_set_error(db, DB_IO, "the computer ran out of memory; nothing was saved");
	switch (rc & 0xff) {
	case SQLITE_CONSTRAINT:
		return constraint_message(db, rc, copy);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return db_set_error(db, DB_BUSY,
				    "another terminal is saving; try again in a moment");
	case SQLITE_INTERRUPT:
		return db_set_error(db, DB_INTERRUPTED, "stopped before it finished; nothing was saved");
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return db_set_error(db, DB_CORRUPT,
				    "the database file is damaged or not a database"
				    " (run 'coopdesk check', restore a backup)");
	case SQLITE_FULL:
		return db_set_error(db, DB_IO, "the disk is full; nothing was saved");
	case SQLITE_READONLY:
		if (db->readonly[0])
			return db_set_error(db, DB_IO, "not saved: %s, so changes cannot be saved",
					    db->readonly);
		return db_set_error(db, DB_IO, "not saved: the database file or its folder is"
				    " read-only here, so changes cannot be saved");
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return db_set_error(db, DB_IO, "could not read or write the database file;"
				    " nothing was saved (%s)", copy);
	case SQLITE_TOOBIG:
		return db_set_error(db, DB_INVALID, "that text is too long");
	default:
		return db_set_error(db, DB_ERROR, "%s%s%s", prefix, sep, copy);
	}
}

int db_note_error(struct db *db, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(db->errmsg, sizeof db->errmsg, fmt, ap);
	va_end(ap);
	db->status = status;
	return status;
}
