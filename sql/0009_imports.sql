-- coopdesk schema 9: the spreadsheets imported (coopdesk import), so that
-- the same file is never imported twice.
--
--   imports  one row per import that was written: what kind of register
--            it filled ('members', 'homes', 'tenancies', 'rent', 'repairs',
--            'contractors'; 'payments' for bank statements), the file's name as given, the SHA-256 of its
--            bytes (64 hex digits), how many rows it added, who ran it
--            (the audit actor and the login of the person at the command
--            line) and when (UTC). A file with the same bytes and kind is
--            refused: rows are never doubled. A dry run writes nothing here.
--
-- Its audit triggers are generated with the others (src/db/audit_triggers.c),
-- so each import also leaves a row in the trail.
CREATE TABLE imports (
	id           INTEGER PRIMARY KEY,
	kind         TEXT NOT NULL
		CONSTRAINT "an import is of members, homes, tenancies, rent, repairs, contractors or payments"
		CHECK (kind IN ('members', 'homes', 'tenancies', 'rent', 'repairs', 'contractors', 'payments')),
	file_name    TEXT NOT NULL
		CONSTRAINT "a file name is 1 to 4096 characters" CHECK (length(file_name) BETWEEN 1 AND 4096),
	sha256       TEXT NOT NULL
		CONSTRAINT "a file's SHA-256 is 64 hexadecimal digits"
		CHECK (length(sha256) = 64 AND NOT sha256 GLOB '*[^0-9a-f]*'),
	rows         INTEGER NOT NULL CHECK (rows >= 0),
	actor        TEXT NOT NULL,
	login        TEXT NOT NULL DEFAULT '',
	imported_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (sha256, kind)
) STRICT;
CREATE TRIGGER imports_never_edited BEFORE UPDATE ON imports BEGIN
	SELECT RAISE(ABORT, 'the record of an import is never edited');
END;
CREATE TRIGGER imports_never_deleted BEFORE DELETE ON imports BEGIN
	SELECT RAISE(ABORT, 'the record of an import is never deleted');
END;
