-- coopdesk schema 16: the audit trail's check on its action, written so
-- that SQLite tests it with two comparisons, not a table (issue 13).
--
-- Schema 1 wrote it `action IN ('insert', 'update', 'delete')`. SQLite 3.40
-- tests an IN list of three or more values by building a small table of
-- them, once each time a statement runs, and once each time a trigger
-- fires: every audited write built it again for every row of the trail it
-- left, some 32,000 machine instructions a row (callgrind), a fifth of the
-- cost of an audited one-row write. `action = 'insert' OR ...` allows the
-- same three words and builds nothing.
--
-- A check cannot be changed in place, so the table is made again with the
-- same columns, rows, numbers, indexes and triggers. The rename points the
-- generated audit triggers at audit_old for a moment; the migration then
-- makes them again for the new table (src/db/migrate.c), in this same
-- transaction. The next number the trail gives (sqlite_sequence) is kept.
ALTER TABLE audit RENAME TO audit_old;
CREATE TABLE audit (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	at          TEXT NOT NULL,
	user_id     INTEGER,
	actor       TEXT NOT NULL,
	table_name  TEXT NOT NULL,
	row_id      INTEGER NOT NULL,
	action      TEXT NOT NULL
		CHECK (action = 'insert' OR action = 'update' OR action = 'delete'),
	before      TEXT CHECK (before IS NULL OR json_valid(before)),
	after       TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
INSERT INTO audit (id, at, user_id, actor, table_name, row_id, action, before, after)
	SELECT id, at, user_id, actor, table_name, row_id, action, before, after
	  FROM audit_old ORDER BY id;
DELETE FROM sqlite_sequence WHERE name = 'audit';
INSERT INTO sqlite_sequence (name, seq)
	SELECT 'audit', seq FROM sqlite_sequence WHERE name = 'audit_old';
DROP TABLE audit_old;
CREATE INDEX audit_by_user ON audit (user_id, id);
CREATE INDEX audit_by_record ON audit (table_name, row_id, id);
CREATE INDEX audit_by_time ON audit (at, id);
CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be deleted');
END;
