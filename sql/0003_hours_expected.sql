-- coopdesk schema 3: one setting.
--
--   hours_expected_per_year  the hours of volunteering, committee work,
--              training or other time a member is expected to give in a
--              calendar year, beside meetings_expected_per_year (schema 1):
--              the year's participation is read against both
--              (participation_year, report_participation). 0, the default,
--              expects none, so a co-op that has not chosen a number sees
--              its members as before.
--
-- A new setting is the schema's default, not a change anyone made: like
-- schema 2's, it goes in unaudited. The generated audit trigger is dropped
-- here and made again straight after this file (src/db/migrate.c).
DROP TRIGGER IF EXISTS audit_settings_insert;
INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('hours_expected_per_year', '0', 'integer', 0, 2000,
	 'Hours of volunteering or other time a member is expected to give each year (0: none)', '');
