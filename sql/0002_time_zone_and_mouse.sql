-- coopdesk schema 2: two settings.
--
--   time_zone  the zone every time and date a person sees is in, "today",
--              and the day a repair counts from (domain.md "Time"): a name
--              from the tz database. The data layer refuses a name this
--              machine's tz database does not know (src/db/settings.c),
--              and puts the co-op's zone in force when a command or the
--              interface opens the co-op.
--   mouse      whether the terminal interface takes the mouse (clicks
--              select, the wheel scrolls); off by default, so that a
--              terminal's own selection and scrolling keep working.
--
-- New settings are the schema's defaults, not a change anyone made: like
-- schema 1's, they go in unaudited. The generated audit trigger is dropped
-- here and made again straight after this file (src/db/migrate.c).
DROP TRIGGER IF EXISTS audit_settings_insert;
INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('time_zone', 'Europe/London', 'text', NULL, NULL,
	 'The time zone every date and time is shown in (a tz database name, such as Europe/London)',
	 'domain.md "Time"'),
	('mouse', '0', 'boolean', 0, 1, 'The terminal interface takes the mouse: a click selects, the wheel scrolls', '');
