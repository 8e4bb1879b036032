-- coopdesk schema 4: repairs logged and driven to the end (issue 10).
--
--   scheme_right_to_repair, scheme_awaab  whether each scheme binds the
--              co-op (domain.md "Repairs"): a fully mutual co-op's tenants
--              are neither secure nor assured, so Right to Repair binds it
--              only as its own policy; Awaab's Law binds a registered
--              provider of social housing. Both default on, the safer
--              reading. When one is off, its fields, clocks and reports
--              stand aside.
--   rtr_defects  the Right to Repair schedule (SI 1994/133) as a table the
--              board edits: each defect and its target in working days;
--              summer_days, when set, is the target from 1 May to 31
--              October (heating), days the rest of the year.
--   repairs    how a repair was reported and its category; the day
--              Awaab's safety work was done; the tenant's request for a
--              second contractor (the day, and who); compensation settled
--              (paid, or set against rent arrears), how much and when;
--              whether the tenant was satisfied, asked when it is closed.
--
-- New settings and the seeded schedule are the schema's defaults, not a
-- change anyone made: they go in unaudited (the generated audit triggers
-- are made again straight after this file, src/db/migrate.c).
DROP TRIGGER IF EXISTS audit_settings_insert;
INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('scheme_right_to_repair', '1', 'boolean', 0, 1,
	 'Right to Repair binds the co-op: its schedule of defects, 1/3/7-day targets, a second contractor and compensation (a fully mutual co-op is bound only as its own policy)',
	 'SI 1994/133; Housing Act 1985 Sch.1'),
	('scheme_awaab', '1', 'boolean', 0, 1,
	 'Awaab''s Law binds the co-op: damp and mould clocks (it binds a registered provider of social housing)', 'Awaab''s Law (in force 27 Oct 2025)');

CREATE TABLE rtr_defects (
	id           INTEGER PRIMARY KEY,
	defect       TEXT NOT NULL UNIQUE
		CONSTRAINT "a defect is 1 to 80 characters" CHECK (length(trim(defect)) BETWEEN 1 AND 80),
	days         INTEGER NOT NULL
		CONSTRAINT "a Right to Repair target is 1, 3 or 7 working days" CHECK (days IN (1, 3, 7)),
	summer_days  INTEGER
		CONSTRAINT "a summer target is 1, 3 or 7 working days, or none"
		CHECK (summer_days IS NULL OR summer_days IN (1, 3, 7)),
	in_use       INTEGER NOT NULL DEFAULT 1 CHECK (in_use IN (0, 1)),
	version      INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX rtr_defects_by_name ON rtr_defects (defect, id);
CREATE TRIGGER rtr_defects_never_deleted BEFORE DELETE ON rtr_defects BEGIN
	SELECT RAISE(ABORT, 'a defect is never deleted from the schedule: mark it not in use');
END;

INSERT INTO rtr_defects (defect, days, summer_days) VALUES
	('total loss of electric power', 1, NULL),
	('unsafe power or lighting socket or fitting', 1, NULL),
	('total loss of water supply', 1, NULL),
	('total or partial loss of gas supply', 1, NULL),
	('blocked flue to open fire or boiler', 1, NULL),
	('leak from water or heating pipe, tank or cistern', 1, NULL),
	('insecure external window, door or lock', 1, NULL),
	('total or partial loss of space or water heating', 1, 3),
	('blocked or leaking foul drain or soil stack (no other working toilet)', 1, NULL),
	('toilet pan blocked or leaking, or not flushing (no other working toilet)', 1, NULL),
	('partial loss of electric power', 3, NULL),
	('partial loss of water supply', 3, NULL),
	('blocked sink, bath or basin', 3, NULL),
	('tap which cannot be turned', 3, NULL),
	('loose or detached banister or handrail', 3, NULL),
	('rotten timber flooring or stair tread', 3, NULL),
	('leaking roof', 7, NULL),
	('door entry phone not working', 7, NULL),
	('mechanical extractor fan in an internal kitchen or bathroom not working', 7, NULL);

ALTER TABLE repairs ADD COLUMN reported_how TEXT
	CONSTRAINT "a repair is reported by phone, in person, by email or at an inspection"
	CHECK (reported_how IS NULL OR reported_how IN ('phone', 'in_person', 'email', 'inspection'));
ALTER TABLE repairs ADD COLUMN category TEXT
	CONSTRAINT "a repair's category is one of the list"
	CHECK (category IS NULL OR category IN ('plumbing', 'heating', 'electrical', 'damp_mould',
		'doors_windows', 'roof', 'drains', 'structure', 'other'));
ALTER TABLE repairs ADD COLUMN safety_done_on TEXT
	CHECK (safety_done_on IS NULL OR date(safety_done_on, '+0 days') IS safety_done_on);
ALTER TABLE repairs ADD COLUMN rtr_second_on TEXT
	CHECK (rtr_second_on IS NULL OR date(rtr_second_on, '+0 days') IS rtr_second_on);
ALTER TABLE repairs ADD COLUMN rtr_second_contractor_id INTEGER REFERENCES contractors (id);
ALTER TABLE repairs ADD COLUMN rtr_comp_pence INTEGER
	CONSTRAINT "compensation is £0.00 or more" CHECK (rtr_comp_pence IS NULL OR rtr_comp_pence >= 0);
ALTER TABLE repairs ADD COLUMN rtr_comp_settled TEXT
	CONSTRAINT "compensation is paid or set against rent arrears"
	CHECK (rtr_comp_settled IS NULL OR rtr_comp_settled IN ('paid', 'rent'));
ALTER TABLE repairs ADD COLUMN rtr_comp_on TEXT
	CHECK (rtr_comp_on IS NULL OR date(rtr_comp_on, '+0 days') IS rtr_comp_on);
ALTER TABLE repairs ADD COLUMN satisfaction TEXT
	CONSTRAINT "the tenant was satisfied or not satisfied"
	CHECK (satisfaction IS NULL OR satisfaction IN ('satisfied', 'dissatisfied'));
-- The right-to-repair and awaab reports read the repairs of each scheme
-- reported in a period: few, even on a co-op with a million repairs.
CREATE INDEX repairs_rtr_by_reported ON repairs (reported_at, id) WHERE rtr_days IS NOT NULL;
CREATE INDEX repairs_damp_by_reported ON repairs (reported_at, id) WHERE damp_hazard IS NOT NULL;
