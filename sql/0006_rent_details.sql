-- coopdesk schema 6: what a rent account row needs beyond schema 1's
-- ledger, and the landlord's address for the rent book.
--
--   rent_entry_details  one row beside a ledger row that has more to say:
--              how a payment or refund was made (method), and which row a
--              reversal puts right (reverses_id). A mistake on the ledger
--              is corrected by a new row of the opposite amount that names
--              the row it reverses; the row itself is never edited. A row
--              is reversed at most once, by a row of the same tenancy,
--              dated on or after it, for exactly its amount the other way;
--              a reversal is not itself reversed (the entry is made again
--              instead). The triggers below refuse anything else, in words.
--              A reversal is an adjustment on the ledger (schema 1's sign
--              rule allows an adjustment either way).
--
--   coop_address  the co-op's postal address: as the landlord, its name
--              (coop_name) and address go on every rent statement
--              (Landlord and Tenant Act 1985 s.5).
--
-- A new setting is the schema's default, not a change anyone made: like
-- schema 3's, it goes in unaudited (the generated trigger is dropped here
-- and made again straight after this file, src/db/migrate.c).
CREATE TABLE rent_entry_details (
	entry_id     INTEGER PRIMARY KEY REFERENCES rent_ledger (id),
	method       TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a payment is made by cash, cheque, bank transfer, standing order, direct debit, card, Universal Credit, housing benefit or other"
		CHECK (method IN ('', 'cash', 'cheque', 'bank transfer', 'standing order', 'direct debit',
		                  'card', 'Universal Credit', 'housing benefit', 'other')),
	reverses_id  INTEGER UNIQUE REFERENCES rent_ledger (id)
) STRICT;

CREATE TRIGGER rent_entry_details_no_update BEFORE UPDATE ON rent_entry_details BEGIN
	SELECT RAISE(ABORT, 'rent ledger entries are never edited: reverse the entry instead');
END;
CREATE TRIGGER rent_entry_details_no_delete BEFORE DELETE ON rent_entry_details BEGIN
	SELECT RAISE(ABORT, 'rent ledger entries are never deleted: reverse the entry instead');
END;
CREATE TRIGGER rent_entry_details_method BEFORE INSERT ON rent_entry_details
	WHEN NEW.method <> '' AND NOT EXISTS (SELECT 1 FROM rent_ledger l WHERE l.id = NEW.entry_id
	                                       AND l.kind IN ('payment', 'refund'))
BEGIN
	SELECT RAISE(ABORT, 'only a payment or a refund is made by a method');
END;
CREATE TRIGGER rent_entry_details_reversal BEFORE INSERT ON rent_entry_details
	WHEN NEW.reverses_id IS NOT NULL AND NOT EXISTS (
		SELECT 1 FROM rent_ledger l, rent_ledger r
		 WHERE l.id = NEW.entry_id AND r.id = NEW.reverses_id AND r.id < l.id
		   AND l.kind = 'adjustment' AND l.tenancy_id = r.tenancy_id
		   AND l.amount_pence = -r.amount_pence AND l.entry_date >= r.entry_date
		   AND NOT EXISTS (SELECT 1 FROM rent_entry_details d
		                    WHERE d.entry_id = r.id AND d.reverses_id IS NOT NULL))
BEGIN
	SELECT RAISE(ABORT, 'a reversal is an adjustment of the same account, dated on or after the entry it reverses, for its amount the other way; a reversal is not itself reversed');
END;

-- The rent statement reads a tenancy's rows in date order.
CREATE INDEX rent_ledger_by_tenancy_date ON rent_ledger (tenancy_id, entry_date, id);

DROP TRIGGER IF EXISTS audit_settings_insert;
INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('coop_address', '', 'text', NULL, NULL,
	 'The co-op''s postal address: as the landlord, its name and address go on every rent statement',
	 'Landlord and Tenant Act 1985 s.5');
