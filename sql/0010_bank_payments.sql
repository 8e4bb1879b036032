-- coopdesk schema 10: rent paid by bank, brought in from the bank's
-- statement (`coopdesk import payments`, issue 12).
--
--   bank_lines     each statement line posted to a rent account, known by
--              its fingerprint: its date, amount (pence, + paid in), its
--              reference/description as the bank wrote it (spaces
--              squeezed), and which of the identical lines of one
--              statement it is (occurrence, from 1). Importing a statement
--              that overlaps one imported before finds its lines here and
--              posts none of them again. entry_id is the payment posted.
--   bank_profiles  how a bank's export is read, saved under a name: the
--              columns holding the date, the amount (one signed column,
--              or paid in / paid out columns, or an amount with a CR/DR
--              column) and the reference, and how its dates are written.
--
-- Both tables are audited by the generated triggers (src/db/migrate.c
-- makes them again straight after this file).
CREATE TABLE bank_lines (
	id            INTEGER PRIMARY KEY,
	line_date     TEXT NOT NULL
		CONSTRAINT "a bank line's date is a real date" CHECK (date(line_date, '+0 days') IS line_date),
	amount_pence  INTEGER NOT NULL
		CONSTRAINT "a bank line posted is money paid in, below £1,000,000"
		CHECK (amount_pence > 0 AND amount_pence < 100000000),
	description   TEXT NOT NULL
		CONSTRAINT "a bank line's text is at most 500 characters" CHECK (length(description) <= 500),
	occurrence    INTEGER NOT NULL
		CONSTRAINT "a bank line's occurrence counts from 1" CHECK (occurrence >= 1),
	entry_id      INTEGER NOT NULL UNIQUE REFERENCES rent_ledger (id),
	file_name     TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a statement's file name is at most 255 characters" CHECK (length(file_name) <= 255),
	file_line     INTEGER NOT NULL DEFAULT 0,
	imported_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CONSTRAINT "that bank line was posted already"
		UNIQUE (line_date, amount_pence, description, occurrence)
) STRICT;

CREATE TRIGGER bank_lines_no_update BEFORE UPDATE ON bank_lines BEGIN
	SELECT RAISE(ABORT, 'a posted bank line is never edited: reverse its payment instead');
END;

CREATE TABLE bank_profiles (
	id                INTEGER PRIMARY KEY,
	name              TEXT NOT NULL UNIQUE
		CONSTRAINT "a profile's name is 1 to 40 characters" CHECK (length(trim(name)) BETWEEN 1 AND 40),
	date_column       TEXT NOT NULL
		CONSTRAINT "a profile names its date column (1 to 100 characters)"
		CHECK (length(date_column) BETWEEN 1 AND 100),
	date_format       TEXT NOT NULL DEFAULT 'dd/mm/yyyy'
		CONSTRAINT "dates are written dd/mm/yyyy, yyyy-mm-dd or mm/dd/yyyy"
		CHECK (date_format IN ('dd/mm/yyyy', 'yyyy-mm-dd', 'mm/dd/yyyy')),
	amount_column     TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a column name is at most 100 characters" CHECK (length(amount_column) <= 100),
	credit_column     TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a column name is at most 100 characters" CHECK (length(credit_column) <= 100),
	debit_column      TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a column name is at most 100 characters" CHECK (length(debit_column) <= 100),
	crdr_column       TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a column name is at most 100 characters" CHECK (length(crdr_column) <= 100),
	reference_column  TEXT NOT NULL
		CONSTRAINT "a profile names its reference column (1 to 100 characters)"
		CHECK (length(reference_column) BETWEEN 1 AND 100),
	version           INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "a profile reads the amount from one column, or paid in and paid out columns"
		CHECK ((amount_column <> '' AND credit_column = '' AND debit_column = '')
		       OR (amount_column = '' AND credit_column <> '' AND crdr_column = ''))
) STRICT;
