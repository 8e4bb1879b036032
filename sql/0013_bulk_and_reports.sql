-- coopdesk schema 13: work at scale (issue 13).
--
-- The search indexes are kept up to date by triggers that ran on every
-- UPDATE naming one of their columns, changed or not: an edit of a
-- repair's cost rewrote its title, description and location in the
-- search index (a delete and an insert of every word). Now only a change
-- of the words themselves does.
DROP TRIGGER repairs_fts_update;
CREATE TRIGGER repairs_fts_update AFTER UPDATE OF title, description, location ON repairs
	WHEN OLD.title IS NOT NEW.title OR OLD.description IS NOT NEW.description
	     OR OLD.location IS NOT NEW.location
BEGIN
	INSERT INTO repairs_fts (repairs_fts, rowid, title, description, location) VALUES ('delete', OLD.id, OLD.title, OLD.description, OLD.location);
	INSERT INTO repairs_fts (rowid, title, description, location) VALUES (NEW.id, NEW.title, NEW.description, NEW.location);
END;
DROP TRIGGER members_fts_update;
CREATE TRIGGER members_fts_update AFTER UPDATE OF name, address, postcode ON members
	WHEN OLD.name IS NOT NEW.name OR OLD.address IS NOT NEW.address
	     OR OLD.postcode IS NOT NEW.postcode
BEGIN
	INSERT INTO members_fts (members_fts, rowid, name, address, postcode) VALUES ('delete', OLD.id, OLD.name, OLD.address, OLD.postcode);
	INSERT INTO members_fts (rowid, name, address, postcode) VALUES (NEW.id, NEW.name, NEW.address, NEW.postcode);
END;
DROP TRIGGER homes_fts_update;
CREATE TRIGGER homes_fts_update AFTER UPDATE OF ref, address, postcode ON homes
	WHEN OLD.ref IS NOT NEW.ref OR OLD.address IS NOT NEW.address
	     OR OLD.postcode IS NOT NEW.postcode
BEGIN
	INSERT INTO homes_fts (homes_fts, rowid, ref, address, postcode) VALUES ('delete', OLD.id, OLD.ref, OLD.address, OLD.postcode);
	INSERT INTO homes_fts (rowid, ref, address, postcode) VALUES (NEW.id, NEW.ref, NEW.address, NEW.postcode);
END;

-- The register as at a day counts the members entered by then and those
-- not ceased by then: from this index alone, not the members' rows.
CREATE INDEX members_by_entered ON members (entered_on, ceased_on);

-- RP02 reads the repairs completed in a period with their priority and
-- target: from this index alone, not a million repairs' rows.
CREATE INDEX repairs_completed_cover ON repairs (completed_at, priority, target_at)
	WHERE completed_at IS NOT NULL;

-- The register's totals of loans, deposits and other property held on a
-- day: by kind and date, not every member's property.
CREATE INDEX member_property_by_kind ON member_property (kind, from_date);
