/*
 * src/db/migrate.c: brings a database's schema up to the version this
 * program knows. Each migration runs in its own transaction; the audit
 * triggers are rebuilt in the same transaction, so a new column is audited
 * from the moment it exists.
 */
#include <stdio.h>

#include "coopdesk/migrations.h"
#include "dbint.h"

int db_schema_version_known(void)
{
	return migration_count > 0 ? migrations[migration_count - 1].version : 0;
}

static int run_one(struct db *db, const struct migration *m, int fresh)
{
	char pragma[64];
	int rc;
	if ((rc = db_exec(db, "BEGIN IMMEDIATE")))
		return rc;
	if ((rc = db_exec(db, m->sql)) || (rc = db_audit_triggers_refresh(db)))
		goto fail;
	snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", m->version);
	if ((rc = db_exec(db, pragma)) || (rc = db_exec(db, "COMMIT")))
		goto fail;
	return DB_OK;
fail:
	/* SQLite may have rolled back already (a full disk does): a ROLLBACK
	 * then would fail and its words ("no transaction is active") would
	 * hide the cause. */
	if (!sqlite3_get_autocommit(db->conn))
		sqlite3_exec(db->conn, "ROLLBACK", NULL, NULL, NULL);
	/* A new file being made: the cause alone ("the disk is full"). */
	if (fresh)
		return rc;
	/* Say which step failed, keeping SQLite's words for the developer. */
	char why[DB_ERRMSG_MAX];
	snprintf(why, sizeof why, "%s", db->errmsg);
	return db_set_error(db, rc, "upgrading the database to schema %d (%s) failed: %s",
			    m->version, m->name, why);
}

int db_migrate(struct db *db)
{
	int have = db_schema_version(db);
	int known = db_schema_version_known();
	if (have < 0)
		return db_status(db);
	if (have > known)
		return db_set_error(db, DB_NEWER,
				    "this database was written by a newer coopdesk"
				    " (schema %d; this program knows up to %d):"
				    " install the newer coopdesk to open it",
				    have, known);
	for (int i = 0; i < migration_count; i++) {
		if (migrations[i].version <= have)
			continue;
		int rc = run_one(db, &migrations[i], have == 0);
		if (rc)
			return rc;
	}
	return DB_OK;
}
