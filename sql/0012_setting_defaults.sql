-- coopdesk schema 12: each setting's lawful default, and the sources the
-- earlier schemas left blank.
--
--   settings.default_value  the value domain.md gives the rule (the model
--              rules, the Act, sector practice) before the co-op's own
--              registered rules change it: the settings screen shows it
--              beside the value in force and offers to put it back. NULL
--              for what has no default because it is the co-op's own
--              (its name, society number, address). A setting a later
--              schema adds names its default as it is added; one added by
--              a schema before this one that is not named below (such as
--              backup_days) takes its value as it stands now, which is
--              the default it was added with unless the board changed it
--              since.
--
-- Filling the column is the schema's doing, not a change anyone made: the
-- generated audit trigger on settings is dropped here and made again
-- straight after this file (src/db/migrate.c), as schemas 2 to 8 do for
-- the settings they add.
DROP TRIGGER IF EXISTS audit_settings_update;
ALTER TABLE settings ADD COLUMN default_value TEXT;

WITH d(k, v) AS (VALUES
	('financial_year_end', '2026-03-31'), ('min_members', '3'),
	('annual_return_months', '7'), ('agm_months', '6'), ('share_value', '100'),
	('min_member_age', '18'), ('rent_period', 'weekly'), ('rent_free_weeks', '0'),
	('idle_lock_minutes', '5'), ('login_max_failures', '5'), ('lockout_minutes', '15'),
	('repair_emergency_hours', '24'), ('repair_urgent_days', '5'),
	('repair_routine_days', '28'), ('repair_planned_days', '90'),
	('rtr_max_cost', '25000'), ('rtr_comp_base', '1000'), ('rtr_comp_per_day', '200'),
	('rtr_comp_cap', '5000'), ('damp_emergency_hours', '24'),
	('damp_investigate_days', '10'), ('damp_summary_days', '3'), ('damp_safety_days', '5'),
	('notice_clear_days', '14'), ('quorum_min_members', '5'), ('quorum_percent', '10'),
	('proxies_allowed', '0'), ('special_majority_num', '2'), ('special_majority_den', '3'),
	('amalgamation_confirm_min_days', '14'), ('amalgamation_confirm_max_months', '1'),
	('chair_casting_vote', '1'), ('meetings_expected_per_year', '0'),
	('complaint_ack_days', '5'), ('complaint_stage1_days', '10'),
	('complaint_stage2_days', '20'), ('subject_access_months', '1'),
	('time_zone', 'Europe/London'), ('mouse', '0'), ('hours_expected_per_year', '0'),
	('scheme_right_to_repair', '1'), ('scheme_awaab', '1'),
	('publish_board_meetings', '0'), ('publish_roll_calls', '0')
	)
UPDATE settings SET default_value = coalesce((SELECT d.v FROM d WHERE d.k = settings.key), value)
WHERE key NOT IN ('coop_name', 'society_number', 'coop_address');

-- Where each rule comes from, for those schemas 1 to 8 left blank or
-- named only loosely.
UPDATE settings SET source = CASE key
	WHEN 'coop_name' THEN 'the Act s.2 (the registered name)'
	WHEN 'financial_year_end' THEN 'the co-op''s registered rules; the Act s.89'
	WHEN 'rent_period' THEN 'the tenancy agreement; Landlord and Tenant Act 1985 s.4'
	WHEN 'rent_free_weeks' THEN 'the tenancy agreement (0 to 4 a year; Universal Credit counts charging weeks)'
	WHEN 'idle_lock_minutes' THEN 'estate-office kiosk policy'
	WHEN 'login_max_failures' THEN 'estate-office kiosk policy'
	WHEN 'lockout_minutes' THEN 'estate-office kiosk policy'
	WHEN 'meetings_expected_per_year' THEN 'the co-op''s own rules'
	WHEN 'hours_expected_per_year' THEN 'the co-op''s own rules'
	WHEN 'mouse' THEN 'this terminal''s use'
	WHEN 'publish_board_meetings' THEN 'the co-op''s own policy'
	WHEN 'publish_roll_calls' THEN 'the co-op''s own policy'
	ELSE source END
WHERE source = '' OR key IN ('idle_lock_minutes', 'login_max_failures', 'lockout_minutes');
