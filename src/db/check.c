/*
 * src/db/check.c: `coopdesk check`. Each check is a query that returns one
 * row per problem, as a sentence; no rows means the rule holds. Dates in
 * the sentences are shown as people read them, dd/mm/yyyy.
 */
#include <stdio.h>

#include "coopdesk/check.h"
#include "dbint.h"

#define MAX_PER_CHECK 50

struct check {
	const char *name;
	const char *sql;
	int warning;
};

static const struct check SQL_CHECKS[] = {
	{ "current members each hold exactly one share",
	  "SELECT printf('member no. %d (%s) is a current member but holds %d shares',"
	  "              m.member_no, m.name, h.shares)"
	  "  FROM members m JOIN share_holdings h ON h.member_id = m.id"
	  " WHERE m.ceased_on IS NULL AND h.shares <> 1", 0 },
	{ "former members hold no shares (cancelled and forfeited)",
	  "SELECT printf('member no. %d (%s) ceased on %s but still holds %d shares',"
	  "              m.member_no, m.name, strftime('%d/%m/%Y', m.ceased_on), h.shares)"
	  "  FROM members m JOIN share_holdings h ON h.member_id = m.id"
	  " WHERE m.ceased_on IS NOT NULL AND h.shares <> 0", 0 },
	{ "share operations are numbered 1, 2, 3... with no gaps",
	  "SELECT printf('share operations run to no. %d but there are %d of them',"
	  "              max(op_no), count(*))"
	  "  FROM share_ops HAVING count(*) > 0 AND max(op_no) <> count(*)", 0 },
	{ "no share operation is dated in the future",
	  "SELECT printf('share operation no. %d is dated %s, in the future', op_no,"
	  "              strftime('%d/%m/%Y', op_date))"
	  "  FROM share_ops WHERE op_date > date('now', 'localtime')", 0 },
	{ "every tenancy signatory is a member for the whole tenancy",
	  "SELECT printf('tenancy of %s from %s: signatory member no. %d (%s) %s',"
	  "              h.ref, strftime('%d/%m/%Y', t.start_date), m.member_no, m.name,"
	  "              CASE WHEN m.entered_on > t.start_date"
	  "                   THEN 'was not yet a member when it began'"
	  "                   ELSE 'ceased to be a member on ' || strftime('%d/%m/%Y', m.ceased_on) END)"
	  "  FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id"
	  "  JOIN members m ON m.id = s.member_id JOIN homes h ON h.id = t.home_id"
	  " WHERE m.entered_on > t.start_date"
	  "    OR (m.ceased_on IS NOT NULL AND m.ceased_on < coalesce(t.end_date, '9999-12-31'))", 0 },
	{ "every tenancy has at least one signatory",
	  "SELECT printf('tenancy of %s from %s has no signatory', h.ref,"
	  "              strftime('%d/%m/%Y', t.start_date))"
	  "  FROM tenancies t JOIN homes h ON h.id = t.home_id"
	  " WHERE NOT EXISTS (SELECT 1 FROM tenancy_signatories s WHERE s.tenancy_id = t.id)", 0 },
	{ "no two tenancies of a home overlap",
	  "SELECT printf('%s: the tenancy from %s overlaps the one from %s',"
	  "              h.ref, strftime('%d/%m/%Y', a.start_date), strftime('%d/%m/%Y', b.start_date))"
	  "  FROM tenancies a JOIN tenancies b ON b.home_id = a.home_id AND b.id > a.id"
	  "  JOIN homes h ON h.id = a.home_id"
	  " WHERE a.start_date < coalesce(b.end_date, '9999-12-31')"
	  "   AND b.start_date < coalesce(a.end_date, '9999-12-31')", 0 },
	{ "every rent ledger balance adds up",
	  "SELECT printf('rent ledger entry %d (tenancy %d, %s): balance says %d pence,"
	  "               the entries add up to %d', id, tenancy_id,"
	  "               strftime('%d/%m/%Y', entry_date), balance_pence, running)"
	  "  FROM (SELECT id, tenancy_id, entry_date, balance_pence,"
	  "               sum(amount_pence) OVER (PARTITION BY tenancy_id ORDER BY id) AS running"
	  "          FROM rent_ledger)"
	  " WHERE running <> balance_pence", 0 },
	{ "every rent ledger reversal undoes the entry it names",
	  "SELECT printf('rent ledger entry %d (tenancy %d) reverses entry %d, but is not an"
	  "               adjustment of the same account for its amount the other way',"
	  "               l.id, l.tenancy_id, d.reverses_id)"
	  "  FROM rent_entry_details d JOIN rent_ledger l ON l.id = d.entry_id"
	  "  LEFT JOIN rent_ledger r ON r.id = d.reverses_id"
	  " WHERE d.reverses_id IS NOT NULL AND (r.id IS NULL OR l.kind <> 'adjustment'"
	  "   OR l.tenancy_id <> r.tenancy_id OR l.amount_pence <> -r.amount_pence)", 0 },
	{ "the audit trail refuses changes",
	  "SELECT printf('the trigger %s that protects the audit trail is missing', name)"
	  "  FROM (SELECT 'audit_trail_no_update' AS name UNION ALL SELECT 'audit_trail_no_delete')"
	  " WHERE name NOT IN (SELECT name FROM sqlite_schema WHERE type = 'trigger')", 0 },
	{ "the audit trail has no gaps",
	  "SELECT printf('the audit trail has %d rows but its numbers run to %d:"
	  "               rows have been deleted', count(*), "
	  "               max(coalesce(max(id), 0), coalesce((SELECT seq FROM sqlite_sequence"
	  "                                                    WHERE name = 'audit'), 0)))"
	  "  FROM audit"
	  " HAVING count(*) <> max(coalesce(max(id), 0), coalesce((SELECT seq FROM sqlite_sequence"
	  "                                                    WHERE name = 'audit'), 0))", 0 },
	{ "the co-op has at least 3 current members (the Act s.2)",
	  "SELECT printf('the co-op has %d current members; a society needs at least %d',"
	  "              (SELECT count(*) FROM members WHERE ceased_on IS NULL),"
	  "              (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'min_members'))"
	  " WHERE (SELECT count(*) FROM members WHERE ceased_on IS NULL)"
	  "     < (SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'min_members')", 1 },
	{ "the kept counts match the tables",
	  "SELECT printf('the kept count of %s says %d but there are %d', name, n, actual)"
	  "  FROM (SELECT name, n, CASE name"
	  "          WHEN 'members' THEN (SELECT count(*) FROM members)"
	  "          WHEN 'members_current' THEN (SELECT count(*) FROM members WHERE ceased_on IS NULL)"
	  "          WHEN 'homes' THEN (SELECT count(*) FROM homes)"
	  "          WHEN 'tenancies_current' THEN (SELECT count(*) FROM tenancies WHERE end_date IS NULL)"
	  "          WHEN 'repairs' THEN (SELECT count(*) FROM repairs)"
	  "          WHEN 'repairs_open' THEN (SELECT count(*) FROM repairs WHERE is_open)"
	  "          WHEN 'share_ops_shares' THEN (SELECT coalesce(sum(shares), 0) FROM share_ops)"
	  "          WHEN 'share_ops_paid' THEN (SELECT coalesce(sum(CASE WHEN kind = 'issue'"
	  "            THEN amount_pence WHEN kind = 'reversal' AND shares = -1"
	  "            THEN -amount_pence ELSE 0 END), 0) FROM share_ops)"
	  "        END AS actual FROM row_counts)"
	  " WHERE actual IS NOT NULL AND actual <> n", 0 },
};

static int run_sentences(struct db *db, const char *name, const char *sql, int warning,
			 check_report_fn report, void *arg, int *failures)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	int found = 0, rc;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		if (found++ < MAX_PER_CHECK)
			report(name, (const char *)sqlite3_column_text(st, 0), warning, arg);
	}
	if (rc != DB_NOTFOUND)
		return rc;
	if (found > MAX_PER_CHECK) {
		char more[96];
		snprintf(more, sizeof more, "... and %d more like these", found - MAX_PER_CHECK);
		report(name, more, warning, arg);
	}
	if (!found)
		report(name, NULL, warning, arg);
	else if (!warning)
		*failures += found;
	return DB_OK;
}

/* SQLite's own checks report rows in their own shapes; turn them into
 * sentences here. */
static const char SQL_INTEGRITY[] = "SELECT * FROM pragma_integrity_check";
static const char SQL_FOREIGN_KEYS[] =
	"SELECT printf('%s row %d refers to a missing %s record', \"table\", rowid, parent)"
	"  FROM pragma_foreign_key_check";
static const char SQL_TABLES[] =
	"SELECT t.name FROM sqlite_schema t"
	" WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
	"   AND t.name NOT IN ('audit', 'audit_context', 'row_counts')"
	"   AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
	"   AND NOT EXISTS (SELECT 1 FROM sqlite_schema v"
	"                    WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'"
	"                      AND t.name LIKE v.name || '\\_%' ESCAPE '\\')";
static const char SQL_MISSING_AUDIT[] =
	"SELECT printf('changes to %s are not audited: its %s trigger is missing', ?1, ev)"
	"  FROM (SELECT 'insert' AS ev UNION ALL SELECT 'update' UNION ALL SELECT 'delete')"
	" WHERE 'audit_' || ?1 || '_' || ev NOT IN (SELECT name FROM sqlite_schema WHERE type = 'trigger')"
	/* The bulk path's switch (schema 14) is set for two statements and
	 * cleared after them, inside one transaction: never committed. */
	" UNION ALL SELECT printf('changes to %s are not audited: audit_context.unaudited names it',"
	"  ?1) FROM audit_context WHERE unaudited = ?1";

static int check_integrity(struct db *db, check_report_fn report, void *arg, int *failures)
{
	const char *name = "the database file is sound (integrity_check)";
	sqlite3_stmt *st = db_prep(db, SQL_INTEGRITY);
	if (!st)
		return db_status(db);
	int bad = 0, rc;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && sqlite3_stricmp(line, "ok") != 0) {
			report(name, line, 0, arg);
			bad++;
		}
	}
	if (rc != DB_NOTFOUND)
		return rc;
	if (!bad)
		report(name, NULL, 0, arg);
	*failures += bad;
	return run_sentences(db, "every reference points at a record (foreign_key_check)",
			     SQL_FOREIGN_KEYS, 0, report, arg, failures);
}

static int check_audit_triggers(struct db *db, check_report_fn report, void *arg, int *failures)
{
	const char *name = "every table's changes are audited";
	sqlite3_stmt *tables = db_prep(db, SQL_TABLES);
	if (!tables)
		return db_status(db);
	static char list[256][64];
	int nt = 0, rc, bad = 0;
	while ((rc = db_step_row(db, tables)) == DB_OK && nt < 256)
		db_col_text(tables, 0, list[nt++], sizeof list[0]);
	db_reset(tables);
	if (rc == DB_OK)
		return db_set_error(db, DB_ERROR, "more than 256 tables to check: raise the limit");
	if (rc != DB_NOTFOUND)
		return rc;
	for (int i = 0; i < nt; i++) {
		sqlite3_stmt *st = db_prep(db, SQL_MISSING_AUDIT);
		if (!st)
			return db_status(db);
		sqlite3_bind_text(st, 1, list[i], -1, SQLITE_TRANSIENT);
		while ((rc = db_step_row(db, st)) == DB_OK) {
			report(name, (const char *)sqlite3_column_text(st, 0), 0, arg);
			bad++;
		}
		if (rc != DB_NOTFOUND)
			return rc;
	}
	if (!bad)
		report(name, NULL, 0, arg);
	*failures += bad;
	return DB_OK;
}

int db_check(struct db *db, check_report_fn report, void *arg, int *failures)
{
	*failures = 0;
	/* One read transaction, so every check sees the same state. */
	int rc = db_exec(db, "BEGIN");
	if (rc)
		return rc;
	rc = check_integrity(db, report, arg, failures);
	for (size_t i = 0; !rc && i < sizeof SQL_CHECKS / sizeof SQL_CHECKS[0]; i++) {
		rc = run_sentences(db, SQL_CHECKS[i].name, SQL_CHECKS[i].sql, SQL_CHECKS[i].warning,
				   report, arg, failures);
	}
	if (!rc)
		rc = check_audit_triggers(db, report, arg, failures);
	db_exec(db, "ROLLBACK");
	return rc;
}
