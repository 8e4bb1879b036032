-- coopdesk schema 9: two settings for what members may read of the
-- minutes (domain.md "General meetings, motions, decisions").
--
--   board_minutes_to_members  1: members and volunteers may read the
--              published minutes of board meetings too. 0, the default:
--              only general meetings' minutes (AGMs, general and special
--              general meetings) are theirs to read.
--   roll_calls_to_members     1: published minutes show members and
--              volunteers how each member voted in a roll call. 0, the
--              default: they see the counts, and their own vote only.
--
-- The financial year end, the months to the AGM and to the annual return,
-- which the board's deadlines on Home are worked out from, are schema 1's
-- (financial_year_end, agm_months, annual_return_months).
--
-- New settings are the schema's defaults, not a change anyone made: like
-- schema 3's, they go in unaudited. The generated audit trigger is dropped
-- here and made again straight after this file (src/db/migrate.c).
DROP TRIGGER IF EXISTS audit_settings_insert;
INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('board_minutes_to_members', '0', 'boolean', 0, 1,
	 'Members may read the published minutes of board meetings', 'model rules'),
	('roll_calls_to_members', '0', 'boolean', 0, 1,
	 'Published minutes show members how each member voted in a roll call', '');
