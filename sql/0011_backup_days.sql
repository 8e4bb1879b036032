-- coopdesk schema 11: how long the automatic daily backups are kept.
--
--   backup_days  coopdesk copies the co-op once a day, on the first start
--              of the day, into $XDG_DATA_HOME/coopdesk/backups/ (see
--              coopdesk(1)), and removes this co-op's copies older than
--              this many days. 14 by default: two weeks to notice a
--              mistake and go back to before it; 1 to 365.
--
-- A new setting is the schema's default, not a change anyone made: like
-- schema 2's, it goes in unaudited. The generated audit triggers are made
-- again straight after this file (src/db/migrate.c).
DROP TRIGGER IF EXISTS audit_settings_insert;
INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('backup_days', '14', 'integer', 1, 365,
	 'Days the automatic daily backups of the co-op are kept before the oldest is removed',
	 'UK GDPR art. 32(1)(c): restore personal data in a timely manner');
