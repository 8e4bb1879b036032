/*
 * src/db/import.c: the record of imports (schema 9) and the look-ups the
 * import commands check rows with. The rows themselves are written by the
 * registers' own functions (coopdesk/import.h).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/import.h"
#include "dbint.h"

static const char SQL_FIND[] =
	"SELECT id, kind, file_name, rows, actor, login, imported_at FROM imports"
	" WHERE kind = ?1 AND sha256 = ?2";
static const char SQL_NOTE[] =
	"INSERT INTO imports (kind, file_name, sha256, rows, actor, login)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_MEMBER[] = "SELECT id FROM members WHERE member_no = ?1";
static const char SQL_HOME[] = "SELECT id FROM homes WHERE ref = ?1";
static const char SQL_CONTRACTOR[] =
	"SELECT id FROM contractors WHERE lower(trim(name)) = lower(trim(?1)) ORDER BY id LIMIT 1";
static const char SQL_TENANCY_ON[] =
	"SELECT id FROM tenancies WHERE home_id = ?1 AND start_date <= ?2"
	" AND (end_date IS NULL OR end_date >= ?2) ORDER BY start_date DESC LIMIT 1";

static int board_only(struct db *db, const struct actor *who)
{
	if (!who || (who->role != ROLE_BOARD && who->role != ROLE_SYSTEM))
		return db_set_error(db, DB_DENIED, "only the board may import registers");
	return DB_OK;
}

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t n)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	snprintf(out, n, "%s", s ? (const char *)s : "");
}

int import_find(struct db *db, const struct actor *who, const char *kind, const char *sha256,
		struct import_done *out)
{
	int rc = board_only(db, who);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_FIND);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, sha256);
	rc = db_step_row(db, st);
	if (rc == DB_OK) {
		memset(out, 0, sizeof *out);
		out->id = sqlite3_column_int64(st, 0);
		copy_col(st, 1, out->kind, sizeof out->kind);
		copy_col(st, 2, out->file_name, sizeof out->file_name);
		out->rows = sqlite3_column_int64(st, 3);
		copy_col(st, 4, out->actor, sizeof out->actor);
		copy_col(st, 5, out->login, sizeof out->login);
		copy_col(st, 6, out->imported_at, sizeof out->imported_at);
	}
	db_reset(st);
	return rc;
}

int import_note(struct db *db, const struct actor *who, const char *kind, const char *file_name,
		const char *sha256, int64_t rows, const char *login)
{
	int rc = board_only(db, who);
	if (rc)
		return rc;
	if ((rc = db_begin(db, who)) != DB_OK)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_NOTE);
	if (!st)
		return db_abort(db, db_status(db));
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, file_name);
	db_bind_text(st, 3, sha256);
	sqlite3_bind_int64(st, 4, rows);
	db_bind_text(st, 5, who->name ? who->name : "");
	db_bind_text(st, 6, login ? login : "");
	rc = db_step_done(db, st);
	if (rc)
		return db_abort(db, rc);
	return db_commit(db);
}

static int one_id(struct db *db, sqlite3_stmt *st, int64_t *id)
{
	int rc = db_step_row(db, st);
	if (rc == DB_OK)
		*id = sqlite3_column_int64(st, 0);
	db_reset(st);
	return rc;
}

int import_member_id(struct db *db, int64_t member_no, int64_t *id)
{
	sqlite3_stmt *st = db_prep(db, SQL_MEMBER);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_no);
	return one_id(db, st, id);
}

int import_home_id(struct db *db, const char *ref, int64_t *id)
{
	sqlite3_stmt *st = db_prep(db, SQL_HOME);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, ref);
	return one_id(db, st, id);
}

int import_contractor_id(struct db *db, const char *name, int64_t *id)
{
	sqlite3_stmt *st = db_prep(db, SQL_CONTRACTOR);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, name);
	return one_id(db, st, id);
}

int import_tenancy_on(struct db *db, int64_t home_id, const char *date, int64_t *id)
{
	sqlite3_stmt *st = db_prep(db, SQL_TENANCY_ON);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	db_bind_text(st, 2, date);
	return one_id(db, st, id);
}
