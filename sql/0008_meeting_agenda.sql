-- coopdesk schema 8: a meeting's agenda and how its votes are taken, and
-- two settings on what members may read.
--
--   meetings.agenda   the items of business, one a line, as the notice
--              lists them (at most 5000 characters; '' for none yet).
--   meetings.vote_by  how the meeting's votes are recorded: 'count' (a
--              show of hands counted: for, against, abstain) or
--              'roll_call' (each member present named with their vote).
--              Chosen per meeting; counts by default.
--   publish_board_meetings  members may read the board's meetings (with
--              published minutes) as they read general meetings; off by
--              default: the board's own business.
--   publish_roll_calls  members may read how each member voted at a roll
--              call; off by default (each member sees their own vote).
--
-- New settings are the schema's defaults, not a change anyone made: like
-- schema 2's, they go in unaudited. The generated audit triggers are made
-- again straight after this file (src/db/migrate.c), so the new columns
-- are audited from the start.
ALTER TABLE meetings ADD COLUMN agenda TEXT NOT NULL DEFAULT ''
	CONSTRAINT "an agenda is at most 5000 characters" CHECK (length(agenda) <= 5000);
ALTER TABLE meetings ADD COLUMN vote_by TEXT NOT NULL DEFAULT 'count'
	CONSTRAINT "votes are taken by count or by roll call" CHECK (vote_by IN ('count', 'roll_call'));
DROP TRIGGER IF EXISTS audit_settings_insert;
INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('publish_board_meetings', '0', 'boolean', 0, 1,
	 'Members may read the board''s meetings and their outcomes once the minutes are published', ''),
	('publish_roll_calls', '0', 'boolean', 0, 1,
	 'Members may read how each member voted at a roll call', '');
