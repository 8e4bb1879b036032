/*
 * src/db/audit_triggers.c: the audit trail is written by triggers, one set
 * per table, generated from the schema itself so that no table and no
 * column can be forgotten. Each trigger copies the row before and after the
 * change into `audit` as JSON (an update keeps only the columns that
 * changed), with the actor that db_begin() put in
 * `audit_context`. A change made by another program (the sqlite3 shell)
 * finds no actor there and is recorded as "another program".
 *
 * The generated SQL names tables and columns only (quoted with %w and %q);
 * no value from outside is ever formatted into it.
 */
#include <string.h>

#include "dbint.h"

/* Tables not audited: the trail itself, its context, the row counters (kept
 * by triggers from audited changes), and the full-text
 * indexes with their shadow tables (copies of audited rows). */
static const char SQL_AUDITED_TABLES[] =
	"SELECT t.name FROM sqlite_schema t"
	" WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	"   AND t.name NOT IN ('audit', 'audit_context', 'row_counts')"
	"   AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
	"   AND NOT EXISTS (SELECT 1 FROM sqlite_schema v"
	"                    WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'"
	"                      AND t.name LIKE v.name || '\\_%' ESCAPE '\\')"
	" ORDER BY t.name";

static const char SQL_OLD_TRIGGERS[] =
	"SELECT name FROM sqlite_schema WHERE type = 'trigger'"
	" AND name LIKE 'audit\\_%' ESCAPE '\\' AND name NOT LIKE 'audit\\_trail\\_%' ESCAPE '\\'";

/* Room for the schema's tables (30 now); more is an error, never a silent
 * gap in the trail. */
#define MAX_TABLES 256

static const char SQL_COLUMNS[] = "SELECT name FROM pragma_table_info(?1) ORDER BY cid";

/* The value of column `col` of row REF as the trail keeps it. A password
 * hash is never copied: only its "$y$params$salt$" head, which changes with
 * every new password and proves nothing about it. */
static void append_value(sqlite3_str *s, const char *ref, const char *col)
{
	if (strcmp(col, "password_hash") == 0)
		sqlite3_str_appendf(s, "rtrim(%s.\"%w\", replace(%s.\"%w\", '$', ''))",
				    ref, col, ref, col);
	else
		sqlite3_str_appendf(s, "%s.\"%w\"", ref, col);
}

/* Appends the JSON of row REF (OLD or NEW). Whole rows for an insert or a
 * delete (changed_only 0): json_object('col', REF."col", ...). For an
 * update, only the columns that changed (changed_only 1), so a repair
 * moving on records its status, not its whole description again:
 * (SELECT json_group_object(k, v) FROM (SELECT 'col' AS k, REF."col" AS v
 *  WHERE OLD."col" IS NOT NEW."col" UNION ALL ...)). */
static int append_json(struct db *db, sqlite3_str *s, const char *table, const char *ref,
		       int changed_only)
{
	sqlite3_stmt *st = db_prep(db, SQL_COLUMNS);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	sqlite3_str_appendall(s, changed_only ? "(SELECT json_group_object(k, v) FROM ("
					      : "json_object(");
	int first = 1, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		if (changed_only) {
			sqlite3_str_appendf(s, "%sSELECT '%q' AS k, ", first ? "" : " UNION ALL ", col);
			append_value(s, ref, col);
			sqlite3_str_appendf(s, " AS v WHERE OLD.\"%w\" IS NOT NEW.\"%w\"", col, col);
		} else {
			sqlite3_str_appendf(s, "%s'%q', ", first ? "" : ", ", col);
			append_value(s, ref, col);
		}
		first = 0;
	}
	db_reset(st);
	sqlite3_str_appendall(s, changed_only ? "))" : ")");
	return rc == SQLITE_DONE ? DB_OK : db_fail(db, rc, "reading the schema");
}

/* The trigger that audits EVENT on TABLE.
 * SKIPPABLE: the schema has audit_context.unaudited (schema 14), and the
 * trigger writes nothing while it names TABLE. */
static int create_trigger(struct db *db, const char *table, const char *event, int skippable)
{
	sqlite3_str *s = sqlite3_str_new(db->conn);
	const char *lower = strcmp(event, "INSERT") == 0 ? "insert"
			  : strcmp(event, "UPDATE") == 0 ? "update" : "delete";
	const char *ref = strcmp(event, "DELETE") == 0 ? "OLD" : "NEW";
	sqlite3_str_appendf(s, "CREATE TRIGGER \"audit_%w_%w\" AFTER %s ON \"%w\" BEGIN"
			    " INSERT INTO audit (at, user_id, actor, table_name, row_id,"
			    " action, before, after) SELECT strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ',"
			    " 'now'),", table, lower, event, table);
	sqlite3_str_appendf(s, " c.user_id, coalesce(c.actor, 'another program'), '%q', %s.rowid,"
			    " '%s', ", table, ref, lower);
	int rc = DB_OK;
	int update = strcmp(event, "UPDATE") == 0;
	if (strcmp(event, "INSERT") == 0)
		sqlite3_str_appendall(s, "NULL");
	else
		rc = append_json(db, s, table, "OLD", update);
	sqlite3_str_appendall(s, ", ");
	if (!rc) {
		if (strcmp(event, "DELETE") == 0)
			sqlite3_str_appendall(s, "NULL");
		else
			rc = append_json(db, s, table, "NEW", update);
	}
	sqlite3_str_appendall(s, " FROM audit_context c WHERE c.id = 1");
	if (skippable)
		sqlite3_str_appendf(s, " AND c.unaudited IS NOT '%q'", table);
	sqlite3_str_appendall(s, "; END");
	char *sql = sqlite3_str_finish(s);
	if (!sql)
		return db_set_error(db, DB_ERROR, "out of memory");
	if (!rc)
		rc = db_exec(db, sql);
	sqlite3_free(sql);
	return rc;
}

static const char SQL_HAS_UNAUDITED[] =
	"SELECT count(*) FROM pragma_table_info('audit_context') WHERE name = 'unaudited'";

/* Does the schema have audit_context.unaudited (schema 14 on)? 1, 0, or
 * -1 after an error. */
static int has_unaudited(struct db *db)
{
	sqlite3_stmt *st = db_prep(db, SQL_HAS_UNAUDITED);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int n = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	db_reset(st);
	if (n < 0)
		db_fail(db, rc, "reading the schema");
	return n;
}

/* The audit rows of the steps on copies (db_audit_copy_row), in the order
 * they were made (seq), on their way to the trail: no constraint, index or
 * AUTOINCREMENT. A step on a copy then writes nothing in the main file,
 * and the trail's indexes and checks are written and run once a batch, in
 * one statement. The rows are dated as they are put in the trail, one
 * time for the batch. */
static const char SQL_BULK_TRAIL[] =
	"CREATE TEMP TABLE IF NOT EXISTS audit_bulk (seq INTEGER PRIMARY KEY, user_id,"
	" actor, table_name, row_id, action, before, after)";
static const char SQL_BULK_TRAIL_PUT[] =
	"INSERT INTO main.audit (at, user_id, actor, table_name, row_id, action, before, after)"
	" SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), user_id, actor, table_name, row_id,"
	" action, before, after FROM temp.audit_bulk ORDER BY seq";
static const char SQL_BULK_TRAIL_CLEAR[] = "DELETE FROM temp.audit_bulk";

int db_audit_copy_flush(struct db *db)
{
	sqlite3_stmt *st = db_prep(db, SQL_BULK_TRAIL_PUT);
	int rc = st ? db_step_done(db, st) : db_status(db);
	if (rc || !(st = db_prep(db, SQL_BULK_TRAIL_CLEAR)))
		return rc ? rc : db_status(db);
	return db_step_done(db, st);
}

/* A lone INTEGER PRIMARY KEY stays one in the copy: its rows are then
 * read back in the order of their ids with no sort. */
static const char SQL_COPY_COLUMNS[] =
	"SELECT name, dflt_value, pk = 1 AND type = 'INTEGER'"
	"   AND (SELECT count(*) FROM pragma_table_xinfo(?1) WHERE pk > 0) = 1"
	"  FROM pragma_table_xinfo(?1) WHERE hidden = 0 ORDER BY cid";

int db_audit_copy_make(struct db *db, const char *table, const char *copy)
{
	int rc = db_exec(db, SQL_BULK_TRAIL);
	sqlite3_stmt *st = rc ? NULL : db_prep(db, SQL_BULK_TRAIL_CLEAR);
	if (rc || !st || (rc = db_step_done(db, st)))
		return rc ? rc : db_status(db);
	if (!(st = db_prep(db, SQL_COPY_COLUMNS)))
		return db_status(db);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_TRANSIENT);
	sqlite3_str *s = sqlite3_str_new(db->conn);
	sqlite3_str_appendf(s, "CREATE TEMP TABLE IF NOT EXISTS \"%w\" (", copy);
	int n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		const char *dflt = (const char *)sqlite3_column_text(st, 1);
		/* The default is the schema's own text (as the table has it). */
		sqlite3_str_appendf(s, "%s\"%w\"%s%s%s", n++ ? ", " : "", col,
				    sqlite3_column_int(st, 2) ? " INTEGER PRIMARY KEY" : "",
				    dflt ? " DEFAULT " : "", dflt ? dflt : "");
	}
	db_reset(st);
	sqlite3_str_appendall(s, ")");
	char *sql = sqlite3_str_finish(s);
	if (rc != SQLITE_DONE || !n || !sql) {
		sqlite3_free(sql);
		return rc != SQLITE_DONE ? db_fail(db, rc, "reading the schema")
		     : !n ? db_set_error(db, DB_ERROR, "no table %s to copy", table)
			  : db_set_error(db, DB_ERROR, "out of memory");
	}
	rc = db_exec(db, sql);
	sqlite3_free(sql);
	return rc;
}

/* As a copy's trigger writes its row (create_trigger), with the JSON made
 * by the caller. */
static const char SQL_BULK_TRAIL_ROW[] =
	"INSERT INTO temp.audit_bulk (user_id, actor, table_name, row_id, action, before, after)"
	" SELECT c.user_id, coalesce(c.actor, 'another program'), ?1, ?2, ?3, ?4, ?5"
	" FROM audit_context c WHERE c.id = 1";

int db_audit_copy_row(struct db *db, const char *table, int64_t row_id, const char *action,
		      const char *before, const char *after)
{
	sqlite3_stmt *st = db_prep(db, SQL_BULK_TRAIL_ROW);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, row_id);
	sqlite3_bind_text(st, 3, action, -1, SQLITE_STATIC);
	if (before)
		sqlite3_bind_text(st, 4, before, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 4);
	if (after)
		sqlite3_bind_text(st, 5, after, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 5);
	int rc = db_step_done(db, st);
	if (!rc && sqlite3_changes(db->conn) != 1)
		rc = db_set_error(db, DB_ERROR, "no actor in audit_context for the trail");
	return rc;
}

int db_audit_column_order(struct db *db, const char *table, const char *const *names, int n,
			  int all, int *order)
{
	sqlite3_stmt *st = db_prep(db, SQL_COLUMNS);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int k = 0, rc, unknown = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		int i = 0;
		while (i < n && strcmp(names[i], col) != 0)
			i++;
		if (i < n && k < n)
			order[k++] = i;
		else if (i == n && all && !unknown)
			unknown = db_set_error(db, DB_ERROR, "the bulk path does not write %s.%s",
					       table, col);
	}
	db_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the schema");
	if (unknown)
		return unknown;
	if (k != n)
		return db_set_error(db, DB_ERROR, "%s has not the columns the bulk path writes", table);
	return DB_OK;
}

int db_audit_triggers_refresh(struct db *db)
{
	/* Drop the generated triggers first (their names, then the drops:
	 * a statement cannot drop while it reads sqlite_schema). */
	enum { MAX_TRIGGERS = 3 * MAX_TABLES };
	static char names[MAX_TRIGGERS][96];
	static char tables[MAX_TABLES][64];
	int n = 0, rc;
	sqlite3_stmt *st = db_prep(db, SQL_OLD_TRIGGERS);
	if (!st)
		return db_status(db);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX_TRIGGERS)
		db_col_text(st, 0, names[n++], sizeof names[0]);
	db_reset(st);
	if (rc == SQLITE_ROW)
		return db_set_error(db, DB_ERROR, "more than %d audit triggers: raise MAX_TABLES",
				    MAX_TRIGGERS);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the schema");
	for (int i = 0; i < n; i++) {
		sqlite3_str *s = sqlite3_str_new(db->conn);
		sqlite3_str_appendf(s, "DROP TRIGGER \"%w\"", names[i]);
		char *sql = sqlite3_str_finish(s);
		rc = sql ? db_exec(db, sql) : db_set_error(db, DB_ERROR, "out of memory");
		sqlite3_free(sql);
		if (rc)
			return rc;
	}

	int nt = 0;
	if (!(st = db_prep(db, SQL_AUDITED_TABLES)))
		return db_status(db);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && nt < MAX_TABLES)
		db_col_text(st, 0, tables[nt++], sizeof tables[0]);
	db_reset(st);
	if (rc == SQLITE_ROW)
		return db_set_error(db, DB_ERROR, "more than %d tables to audit: raise MAX_TABLES",
				    MAX_TABLES);
	if (rc != SQLITE_DONE)
		return db_fail(db, rc, "reading the schema");
	int skippable = has_unaudited(db);
	if (skippable < 0)
		return db_status(db);
	for (int i = 0; i < nt; i++) {
		if ((rc = create_trigger(db, tables[i], "INSERT", skippable)) ||
		    (rc = create_trigger(db, tables[i], "UPDATE", skippable)) ||
		    (rc = create_trigger(db, tables[i], "DELETE", skippable)))
			return rc;
	}
	return DB_OK;
}
