-- coopdesk schema 1: the whole domain of shared/domain.md.
--
-- Conventions
--   * Every table is STRICT. Every record has an integer key (`id`) for
--     joins; records people refer to carry a UUID as their public identity
--     and a readable reference (member no. 42, R-000123).
--   * Dates are ISO text 'YYYY-MM-DD', checked with date(x, '+0 days') IS x:
--     date(x) alone echoes '2026-02-30', but with a modifier it normalises
--     it to '2026-03-02', so the check refuses days that do not exist.
--     Instants are ISO text in UTC with a 'Z'.
--   * Money is integer pence.
--   * A CHECK constraint is named with the sentence a person should read
--     when it refuses a change; a trigger RAISEs with one. The data layer
--     passes those sentences to the status bar unchanged.
--   * Records that people edit carry `version`, raised by every update, for
--     optimistic concurrency: a save names the version it started from.
--   * Ledgers and registers that are "never edited" (share operations, rent
--     ledger, repair events, motion results, the audit trail) refuse UPDATE
--     and DELETE in triggers: a mistake is corrected by a new row.
--   * The audit triggers (audit_<table>_<event>) are not written here: the
--     program generates them from this schema after every migration
--     (src/db/audit_triggers.c), so no column goes unaudited.

------------------------------------------------------------------------
-- Settings: every rule number of domain.md, as defaults the board may
-- change to match the co-op's registered rules.
------------------------------------------------------------------------
CREATE TABLE settings (
	key          TEXT PRIMARY KEY,
	value        TEXT NOT NULL,
	kind         TEXT NOT NULL
		CONSTRAINT "a setting's kind is integer, money, text, boolean or date"
		CHECK (kind IN ('integer', 'money', 'text', 'boolean', 'date')),
	min_value    INTEGER,
	max_value    INTEGER,
	description  TEXT NOT NULL,
	source       TEXT NOT NULL DEFAULT '',
	version      INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "that setting must be a whole number"
		CHECK (kind NOT IN ('integer', 'money', 'boolean') OR value GLOB '[0-9]*' OR value GLOB '-[0-9]*'),
	CONSTRAINT "that setting is outside the range the rules allow"
		CHECK (kind NOT IN ('integer', 'money', 'boolean')
		       OR ((min_value IS NULL OR CAST(value AS INTEGER) >= min_value)
		           AND (max_value IS NULL OR CAST(value AS INTEGER) <= max_value))),
	CONSTRAINT "a yes/no setting is 0 or 1"
		CHECK (kind <> 'boolean' OR value IN ('0', '1')),
	CONSTRAINT "that setting must be a date like 2026-03-31"
		CHECK (kind <> 'date' OR date(value, '+0 days') IS value)
) STRICT;

INSERT INTO settings (key, value, kind, min_value, max_value, description, source) VALUES
	('coop_name', 'Our Housing Co-operative', 'text', NULL, NULL, 'The co-op''s registered name', ''),
	('society_number', '', 'text', NULL, NULL, 'Registration number with the FCA', 'the Act'),
	('financial_year_end', '2026-03-31', 'date', NULL, NULL, 'The end of the current financial year', ''),
	('min_members', '3', 'integer', 3, NULL, 'Smallest number of members a society may have', 'the Act s.2'),
	('annual_return_months', '7', 'integer', 1, 12, 'Months after the year end by which the annual return is due', 'the Act s.89'),
	('agm_months', '6', 'integer', 1, 15, 'Months after the year end by which the AGM is usually held', 'model rules'),
	('share_value', '100', 'money', 1, NULL, 'Value of the one share each member holds, in pence', 'model rules (CCH, NHF, Radical Routes)'),
	('min_member_age', '18', 'integer', 16, 25, 'Minimum age to hold a share', 'NHF model rules'),
	('rent_period', 'weekly', 'text', NULL, NULL, 'How rent is charged: weekly, four_weekly or monthly', ''),
	('rent_free_weeks', '0', 'integer', 0, 4, 'Rent-free weeks a year', ''),
	('idle_lock_minutes', '5', 'integer', 1, 120, 'Minutes without a key before the screen locks', 'kiosk'),
	('login_max_failures', '5', 'integer', 1, 20, 'Failed logins before an account is locked', 'kiosk'),
	('lockout_minutes', '15', 'integer', 1, 1440, 'Minutes an account stays locked', 'kiosk'),
	('repair_emergency_hours', '24', 'integer', 1, 72, 'Emergency repairs: make safe within this many hours', 'sector practice'),
	('repair_urgent_days', '5', 'integer', 1, 30, 'Urgent repairs: working days to complete', 'sector practice'),
	('repair_routine_days', '28', 'integer', 1, 120, 'Routine repairs: working days to complete', 'sector practice'),
	('repair_planned_days', '90', 'integer', 1, 365, 'Planned repairs: working days to complete', 'sector practice'),
	('rtr_max_cost', '25000', 'money', 0, NULL, 'Right to Repair: repairs over this cost do not qualify (pence)', 'SI 1994/133'),
	('rtr_comp_base', '1000', 'money', 0, NULL, 'Right to Repair compensation when missed: base (pence)', 'SI 1994/133'),
	('rtr_comp_per_day', '200', 'money', 0, NULL, 'Right to Repair compensation: each further day (pence)', 'SI 1994/133'),
	('rtr_comp_cap', '5000', 'money', 0, NULL, 'Right to Repair compensation: cap (pence)', 'SI 1994/133'),
	('damp_emergency_hours', '24', 'integer', 1, 72, 'Damp and mould emergency hazard: investigate and make safe within hours', 'Awaab''s Law'),
	('damp_investigate_days', '10', 'integer', 1, 30, 'Damp and mould significant hazard: working days to investigate', 'Awaab''s Law'),
	('damp_summary_days', '3', 'integer', 1, 10, 'Working days after the investigation to send the tenant a written summary', 'Awaab''s Law'),
	('damp_safety_days', '5', 'integer', 1, 30, 'Working days to start safety work on a significant hazard', 'Awaab''s Law'),
	('notice_clear_days', '14', 'integer', 0, 60, 'Clear days of notice for a general meeting', 'model rules'),
	('quorum_min_members', '5', 'integer', 1, NULL, 'Quorum: at least this many members', 'model rules'),
	('quorum_percent', '10', 'integer', 0, 100, 'Quorum: at least this percentage of members', 'model rules'),
	('proxies_allowed', '0', 'boolean', 0, 1, 'Members may vote by proxy', 'model rules'),
	('special_majority_num', '2', 'integer', 1, 99, 'Special resolution: votes for at least num/den of votes cast (numerator)', 'model rules'),
	('special_majority_den', '3', 'integer', 1, 100, 'Special resolution: denominator (3 for 2/3, 4 for 3/4)', 'model rules'),
	('amalgamation_confirm_min_days', '14', 'integer', 1, 60, 'Amalgamation or transfer: days after the first meeting before confirmation', 'the Act s.111'),
	('amalgamation_confirm_max_months', '1', 'integer', 1, 3, 'Amalgamation or transfer: months after the first meeting by which to confirm', 'the Act s.111'),
	('chair_casting_vote', '1', 'boolean', 0, 1, 'The chair has a casting vote on a tied ordinary resolution', 'model rules'),
	('meetings_expected_per_year', '0', 'integer', 0, 12, 'General meetings a member is expected to attend each year (0: none)', ''),
	('complaint_ack_days', '5', 'integer', 1, 30, 'Complaints: working days to acknowledge', 'Housing Ombudsman code'),
	('complaint_stage1_days', '10', 'integer', 1, 60, 'Complaints: working days for a stage 1 reply', 'Housing Ombudsman code'),
	('complaint_stage2_days', '20', 'integer', 1, 60, 'Complaints: working days for a stage 2 reply', 'Housing Ombudsman code'),
	('subject_access_months', '1', 'integer', 1, 3, 'Months to answer a subject access request', 'UK GDPR art. 12');

-- England & Wales bank holidays (Scotland and Northern Ireland differ: the
-- board edits this table to match).
CREATE TABLE bank_holidays (
	day   TEXT PRIMARY KEY
		CONSTRAINT "a bank holiday is a date like 2026-12-25" CHECK (date(day, '+0 days') IS day),
	name  TEXT NOT NULL
		CONSTRAINT "a bank holiday's name is 1 to 60 characters"
		CHECK (length(name) BETWEEN 1 AND 60)
) STRICT;

INSERT INTO bank_holidays (day, name) VALUES
	('2020-01-01', 'New Year''s Day'), ('2020-04-10', 'Good Friday'), ('2020-04-13', 'Easter Monday'),
	('2020-05-08', 'Early May bank holiday (VE Day)'), ('2020-05-25', 'Spring bank holiday'),
	('2020-08-31', 'Summer bank holiday'), ('2020-12-25', 'Christmas Day'), ('2020-12-28', 'Boxing Day (substitute day)'),
	('2021-01-01', 'New Year''s Day'), ('2021-04-02', 'Good Friday'), ('2021-04-05', 'Easter Monday'),
	('2021-05-03', 'Early May bank holiday'), ('2021-05-31', 'Spring bank holiday'),
	('2021-08-30', 'Summer bank holiday'), ('2021-12-27', 'Christmas Day (substitute day)'), ('2021-12-28', 'Boxing Day (substitute day)'),
	('2022-01-03', 'New Year''s Day (substitute day)'), ('2022-04-15', 'Good Friday'), ('2022-04-18', 'Easter Monday'),
	('2022-05-02', 'Early May bank holiday'), ('2022-06-02', 'Spring bank holiday'), ('2022-06-03', 'Platinum Jubilee bank holiday'),
	('2022-08-29', 'Summer bank holiday'), ('2022-09-19', 'State Funeral of Queen Elizabeth II'),
	('2022-12-26', 'Boxing Day'), ('2022-12-27', 'Christmas Day (substitute day)'),
	('2023-01-02', 'New Year''s Day (substitute day)'), ('2023-04-07', 'Good Friday'), ('2023-04-10', 'Easter Monday'),
	('2023-05-01', 'Early May bank holiday'), ('2023-05-08', 'Bank holiday for the coronation of King Charles III'),
	('2023-05-29', 'Spring bank holiday'), ('2023-08-28', 'Summer bank holiday'), ('2023-12-25', 'Christmas Day'), ('2023-12-26', 'Boxing Day'),
	('2024-01-01', 'New Year''s Day'), ('2024-03-29', 'Good Friday'), ('2024-04-01', 'Easter Monday'),
	('2024-05-06', 'Early May bank holiday'), ('2024-05-27', 'Spring bank holiday'),
	('2024-08-26', 'Summer bank holiday'), ('2024-12-25', 'Christmas Day'), ('2024-12-26', 'Boxing Day'),
	('2025-01-01', 'New Year''s Day'), ('2025-04-18', 'Good Friday'), ('2025-04-21', 'Easter Monday'),
	('2025-05-05', 'Early May bank holiday'), ('2025-05-26', 'Spring bank holiday'),
	('2025-08-25', 'Summer bank holiday'), ('2025-12-25', 'Christmas Day'), ('2025-12-26', 'Boxing Day'),
	('2026-01-01', 'New Year''s Day'), ('2026-04-03', 'Good Friday'), ('2026-04-06', 'Easter Monday'),
	('2026-05-04', 'Early May bank holiday'), ('2026-05-25', 'Spring bank holiday'),
	('2026-08-31', 'Summer bank holiday'), ('2026-12-25', 'Christmas Day'), ('2026-12-28', 'Boxing Day (substitute day)'),
	('2027-01-01', 'New Year''s Day'), ('2027-03-26', 'Good Friday'), ('2027-03-29', 'Easter Monday'),
	('2027-05-03', 'Early May bank holiday'), ('2027-05-31', 'Spring bank holiday'),
	('2027-08-30', 'Summer bank holiday'), ('2027-12-27', 'Christmas Day (substitute day)'), ('2027-12-28', 'Boxing Day (substitute day)'),
	('2028-01-03', 'New Year''s Day (substitute day)'), ('2028-04-14', 'Good Friday'), ('2028-04-17', 'Easter Monday'),
	('2028-05-01', 'Early May bank holiday'), ('2028-05-29', 'Spring bank holiday'),
	('2028-08-28', 'Summer bank holiday'), ('2028-12-25', 'Christmas Day'), ('2028-12-26', 'Boxing Day'),
	('2029-01-01', 'New Year''s Day'), ('2029-03-30', 'Good Friday'), ('2029-04-02', 'Easter Monday'),
	('2029-05-07', 'Early May bank holiday'), ('2029-05-28', 'Spring bank holiday'),
	('2029-08-27', 'Summer bank holiday'), ('2029-12-25', 'Christmas Day'), ('2029-12-26', 'Boxing Day'),
	('2030-01-01', 'New Year''s Day'), ('2030-04-19', 'Good Friday'), ('2030-04-22', 'Easter Monday'),
	('2030-05-06', 'Early May bank holiday'), ('2030-05-27', 'Spring bank holiday'),
	('2030-08-26', 'Summer bank holiday'), ('2030-12-25', 'Christmas Day'), ('2030-12-26', 'Boxing Day');

------------------------------------------------------------------------
-- Users and the audit trail
------------------------------------------------------------------------
CREATE TABLE users (
	id             INTEGER PRIMARY KEY,
	uuid           TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	username       TEXT NOT NULL UNIQUE COLLATE NOCASE
		CONSTRAINT "a username is 2 to 32 letters, digits, dots, dashes or underscores"
		CHECK (length(username) BETWEEN 2 AND 32 AND username NOT GLOB '*[^A-Za-z0-9._-]*'),
	display_name   TEXT NOT NULL
		CONSTRAINT "a display name is 1 to 80 characters"
		CHECK (length(display_name) BETWEEN 1 AND 80),
	role           TEXT NOT NULL
		CONSTRAINT "a role is board, volunteer or member"
		CHECK (role IN ('board', 'volunteer', 'member')),
	member_id      INTEGER REFERENCES members (id),
	-- A yescrypt hash ("$y$..."), or '' for no password (cannot log in).
	password_hash  TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a password is stored only as a hash, never as typed"
		CHECK (password_hash = '' OR password_hash GLOB '$*$*'),
	failed_logins  INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
	locked_until   TEXT,
	disabled       INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
	last_login_at  TEXT,
	created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	version        INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "a member's account must be linked to their entry in the register"
		CHECK (role <> 'member' OR member_id IS NOT NULL)
) STRICT;

CREATE TRIGGER users_never_deleted BEFORE DELETE ON users BEGIN
	SELECT RAISE(ABORT, 'user accounts are disabled, never deleted: the audit trail names them');
END;

-- Who is acting in the open transaction; set by the data layer at BEGIN and
-- cleared before COMMIT. Exactly one row.
CREATE TABLE audit_context (
	id       INTEGER PRIMARY KEY CHECK (id = 1),
	user_id  INTEGER,
	actor    TEXT
) STRICT;
INSERT INTO audit_context (id) VALUES (1);
CREATE TRIGGER audit_trail_context_kept BEFORE DELETE ON audit_context BEGIN
	SELECT RAISE(ABORT, 'the audit context row cannot be deleted');
END;

-- The audit trail: who, when, what, before and after (as JSON objects of
-- the whole row). Append-only: nobody can edit or delete it.
CREATE TABLE audit (
	id          INTEGER PRIMARY KEY AUTOINCREMENT,
	at          TEXT NOT NULL,
	user_id     INTEGER,
	actor       TEXT NOT NULL,
	table_name  TEXT NOT NULL,
	row_id      INTEGER NOT NULL,
	action      TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
	before      TEXT CHECK (before IS NULL OR json_valid(before)),
	after       TEXT CHECK (after IS NULL OR json_valid(after))
) STRICT;
CREATE INDEX audit_by_user ON audit (user_id, id);
CREATE INDEX audit_by_record ON audit (table_name, row_id, id);
CREATE INDEX audit_by_time ON audit (at, id);

CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be changed');
END;
CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit BEGIN
	SELECT RAISE(ABORT, 'the audit trail cannot be deleted');
END;

------------------------------------------------------------------------
-- Register of members (the Act s.30(2)) and of officers (s.30(3))
------------------------------------------------------------------------
CREATE TABLE members (
	id              INTEGER PRIMARY KEY,
	uuid            TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	member_no       INTEGER NOT NULL UNIQUE
		CONSTRAINT "a member number is a whole number above 0" CHECK (member_no > 0),
	name            TEXT NOT NULL
		CONSTRAINT "a member's name is 1 to 100 characters"
		CHECK (length(trim(name)) BETWEEN 1 AND 100),
	-- How the register sorts the name ("Ó Súilleabháin, Zoë"), lower-cased.
	sort_name       TEXT NOT NULL
		CONSTRAINT "a sort name is 1 to 100 characters"
		CHECK (length(sort_name) BETWEEN 1 AND 100),
	address         TEXT NOT NULL
		CONSTRAINT "a postal address is 1 to 300 characters"
		CHECK (length(trim(address)) BETWEEN 1 AND 300),
	postcode        TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a postcode is at most 10 characters" CHECK (length(postcode) <= 10),
	email           TEXT
		CONSTRAINT "an email address looks like name@example.org (at most 254 characters)"
		CHECK (email IS NULL OR (length(email) <= 254 AND email GLOB '?*@?*.?*')),
	email_purpose   TEXT
		CONSTRAINT "say what the email address was given for (at most 200 characters)"
		CHECK ((email IS NULL AND email_purpose IS NULL)
		       OR (email IS NOT NULL AND length(email_purpose) BETWEEN 1 AND 200)),
	phone           TEXT
		CONSTRAINT "a phone number is at most 30 characters" CHECK (phone IS NULL OR length(phone) <= 30),
	date_of_birth   TEXT
		CONSTRAINT "a date of birth is a real date" CHECK (date_of_birth IS NULL OR date(date_of_birth, '+0 days') IS date_of_birth),
	entered_on      TEXT NOT NULL
		CONSTRAINT "the date entered on the register is a real date" CHECK (date(entered_on, '+0 days') IS entered_on),
	ceased_on       TEXT
		CONSTRAINT "the date ceased is a real date" CHECK (ceased_on IS NULL OR date(ceased_on, '+0 days') IS ceased_on),
	ceased_reason   TEXT
		CONSTRAINT "a reason for ceasing is at most 200 characters" CHECK (ceased_reason IS NULL OR length(ceased_reason) <= 200),
	notes           TEXT NOT NULL DEFAULT ''
		CONSTRAINT "notes are at most 2000 characters" CHECK (length(notes) <= 2000),
	version         INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "a member cannot cease before they were entered on the register"
		CHECK (ceased_on IS NULL OR ceased_on >= entered_on),
	CONSTRAINT "a member cannot be entered on the register before they were born"
		CHECK (date_of_birth IS NULL OR date_of_birth <= entered_on)
) STRICT;
-- Keyset orders for the register list: by number (the UNIQUE index), by name.
CREATE INDEX members_by_name ON members (sort_name, id);
CREATE INDEX members_current ON members (member_no) WHERE ceased_on IS NULL;

CREATE TRIGGER members_never_deleted BEFORE DELETE ON members BEGIN
	SELECT RAISE(ABORT, 'former members stay on the register with their cessation date: set the date ceased instead');
END;

-- Other property a member holds in the society (s.30(2)(b)): loans,
-- deposits. Visible to the board and to the member themselves (s.104).
CREATE TABLE member_property (
	id            INTEGER PRIMARY KEY,
	uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	member_id     INTEGER NOT NULL REFERENCES members (id),
	kind          TEXT NOT NULL
		CONSTRAINT "other property is a loan, a deposit or other"
		CHECK (kind IN ('loan', 'deposit', 'other')),
	description   TEXT NOT NULL
		CONSTRAINT "a description is 1 to 200 characters" CHECK (length(description) BETWEEN 1 AND 200),
	amount_pence  INTEGER NOT NULL
		CONSTRAINT "an amount of property must be more than £0.00" CHECK (amount_pence > 0),
	from_date     TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
	to_date       TEXT CHECK (to_date IS NULL OR date(to_date, '+0 days') IS to_date),
	version       INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "property cannot end before it began" CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX member_property_by_member ON member_property (member_id, id);

CREATE TABLE officers (
	id           INTEGER PRIMARY KEY,
	uuid         TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	member_id    INTEGER REFERENCES members (id),
	name         TEXT NOT NULL
		CONSTRAINT "an officer's name is 1 to 100 characters" CHECK (length(trim(name)) BETWEEN 1 AND 100),
	address      TEXT NOT NULL
		CONSTRAINT "an officer's address is 1 to 300 characters" CHECK (length(trim(address)) BETWEEN 1 AND 300),
	office       TEXT NOT NULL
		CONSTRAINT "an office is chair, vice-chair, secretary, treasurer, director or other"
		CHECK (office IN ('chair', 'vice_chair', 'secretary', 'treasurer', 'director', 'other')),
	became_on    TEXT NOT NULL CHECK (date(became_on, '+0 days') IS became_on),
	ceased_on    TEXT CHECK (ceased_on IS NULL OR date(ceased_on, '+0 days') IS ceased_on),
	version      INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "an officer cannot cease before they became one"
		CHECK (ceased_on IS NULL OR ceased_on >= became_on)
) STRICT;
CREATE INDEX officers_by_office ON officers (office, became_on, id);

------------------------------------------------------------------------
-- The share register. One £1 share per member, issued on admission, not
-- withdrawable or transferable, cancelled and forfeited when membership
-- ends. Holdings are derived from the operations, which are numbered in
-- sequence and never edited: a mistake is corrected by a reversal.
------------------------------------------------------------------------
CREATE TABLE share_ops (
	id            INTEGER PRIMARY KEY,
	uuid          TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	op_no         INTEGER NOT NULL UNIQUE
		CONSTRAINT "share operations are numbered from 1" CHECK (op_no > 0),
	member_id     INTEGER NOT NULL REFERENCES members (id),
	kind          TEXT NOT NULL
		CONSTRAINT "a share operation is an issue, a forfeit or a reversal"
		CHECK (kind IN ('issue', 'forfeit', 'reversal')),
	-- +1 share issued, -1 cancelled; a reversal undoes the operation it names.
	shares        INTEGER NOT NULL CHECK (shares IN (-1, 1)),
	amount_pence  INTEGER NOT NULL
		CONSTRAINT "a share's amount must be more than £0.00" CHECK (amount_pence > 0),
	op_date       TEXT NOT NULL
		CONSTRAINT "a share operation's date is a real date" CHECK (date(op_date, '+0 days') IS op_date),
	reverses_id   INTEGER REFERENCES share_ops (id),
	note          TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a note is at most 200 characters" CHECK (length(note) <= 200),
	recorded_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CONSTRAINT "an issue adds a share and a forfeit removes one"
		CHECK ((kind = 'issue' AND shares = 1 AND reverses_id IS NULL)
		       OR (kind = 'forfeit' AND shares = -1 AND reverses_id IS NULL)
		       OR (kind = 'reversal' AND reverses_id IS NOT NULL))
) STRICT;
CREATE INDEX share_ops_by_member ON share_ops (member_id, op_date, op_no);
CREATE INDEX share_ops_by_date ON share_ops (op_date, op_no);

CREATE TRIGGER share_ops_no_update BEFORE UPDATE ON share_ops BEGIN
	SELECT RAISE(ABORT, 'share operations are never edited: record a reversal instead');
END;
CREATE TRIGGER share_ops_no_delete BEFORE DELETE ON share_ops BEGIN
	SELECT RAISE(ABORT, 'share operations are never deleted: record a reversal instead');
END;
CREATE TRIGGER share_ops_in_sequence BEFORE INSERT ON share_ops
	WHEN NEW.op_no <> coalesce((SELECT max(op_no) FROM share_ops), 0) + 1
BEGIN
	SELECT RAISE(ABORT, 'share operations are numbered in sequence with no gaps');
END;
CREATE TRIGGER share_ops_not_future BEFORE INSERT ON share_ops
	WHEN NEW.op_date > date('now', 'localtime')
BEGIN
	SELECT RAISE(ABORT, 'a share operation cannot be dated in the future');
END;
CREATE TRIGGER share_ops_reversal_matches BEFORE INSERT ON share_ops
	WHEN NEW.kind = 'reversal' AND NOT EXISTS (
		SELECT 1 FROM share_ops o WHERE o.id = NEW.reverses_id
		   AND o.member_id = NEW.member_id AND o.shares = -NEW.shares
		   AND o.amount_pence = NEW.amount_pence AND o.kind <> 'reversal')
BEGIN
	SELECT RAISE(ABORT, 'a reversal must undo an issue or forfeit of the same member, share and amount');
END;
CREATE TRIGGER share_ops_holding_in_range BEFORE INSERT ON share_ops
	WHEN coalesce((SELECT sum(shares) FROM share_ops WHERE member_id = NEW.member_id), 0) + NEW.shares NOT IN (0, 1)
BEGIN
	SELECT RAISE(ABORT, 'a member holds exactly one share while a member and none after');
END;

-- Holdings now, derived: shares held and amount paid per member.
CREATE VIEW share_holdings AS
	SELECT m.id AS member_id,
	       coalesce(sum(o.shares), 0) AS shares,
	       coalesce(sum(CASE WHEN o.kind = 'issue' THEN o.amount_pence
	                         WHEN o.kind = 'reversal' AND o.shares = -1 THEN -o.amount_pence
	                         ELSE 0 END), 0) AS paid_pence
	  FROM members m LEFT JOIN share_ops o ON o.member_id = m.id
	 GROUP BY m.id;

------------------------------------------------------------------------
-- Homes, rent rates, tenancies, the rent ledger
------------------------------------------------------------------------
CREATE TABLE homes (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	ref         TEXT NOT NULL UNIQUE
		CONSTRAINT "a home's reference is 1 to 20 characters" CHECK (length(ref) BETWEEN 1 AND 20),
	address     TEXT NOT NULL
		CONSTRAINT "a home's address is 1 to 300 characters" CHECK (length(trim(address)) BETWEEN 1 AND 300),
	street      TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a street is at most 100 characters" CHECK (length(street) <= 100),
	postcode    TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a postcode is at most 10 characters" CHECK (length(postcode) <= 10),
	kind        TEXT NOT NULL DEFAULT 'house'
		CONSTRAINT "a home is a house, flat, maisonette, bungalow or bedsit"
		CHECK (kind IN ('house', 'flat', 'maisonette', 'bungalow', 'bedsit')),
	bedrooms    INTEGER NOT NULL DEFAULT 1
		CONSTRAINT "bedrooms are between 0 and 12" CHECK (bedrooms BETWEEN 0 AND 12),
	in_use      INTEGER NOT NULL DEFAULT 1 CHECK (in_use IN (0, 1)),
	notes       TEXT NOT NULL DEFAULT ''
		CONSTRAINT "notes are at most 2000 characters" CHECK (length(notes) <= 2000),
	version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX homes_by_address ON homes (street, address, id);

-- Rent set per home with effective-dated changes; a change is a new row.
CREATE TABLE rent_rates (
	id              INTEGER PRIMARY KEY,
	home_id         INTEGER NOT NULL REFERENCES homes (id),
	effective_from  TEXT NOT NULL
		CONSTRAINT "a rent's effective date is a real date" CHECK (date(effective_from, '+0 days') IS effective_from),
	period          TEXT NOT NULL DEFAULT 'weekly'
		CONSTRAINT "rent is weekly, four-weekly or monthly"
		CHECK (period IN ('weekly', 'four_weekly', 'monthly')),
	amount_pence    INTEGER NOT NULL
		CONSTRAINT "a rent is £0.00 or more, and less than £10,000 a period"
		CHECK (amount_pence BETWEEN 0 AND 999999),
	recorded_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	UNIQUE (home_id, effective_from)
) STRICT;
CREATE TRIGGER rent_rates_no_update BEFORE UPDATE ON rent_rates BEGIN
	SELECT RAISE(ABORT, 'a rent rate is never edited: add a new rate from a later date');
END;

CREATE TABLE tenancies (
	id           INTEGER PRIMARY KEY,
	uuid         TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	home_id      INTEGER NOT NULL REFERENCES homes (id),
	kind         TEXT NOT NULL DEFAULT 'assured'
		CONSTRAINT "a tenancy is assured, secure, a licence or other"
		CHECK (kind IN ('assured', 'secure', 'licence', 'other')),
	start_date   TEXT NOT NULL
		CONSTRAINT "a tenancy's start is a real date" CHECK (date(start_date, '+0 days') IS start_date),
	end_date     TEXT
		CONSTRAINT "a tenancy's end is a real date" CHECK (end_date IS NULL OR date(end_date, '+0 days') IS end_date),
	end_reason   TEXT
		CONSTRAINT "a reason for ending is at most 200 characters" CHECK (end_reason IS NULL OR length(end_reason) <= 200),
	notes        TEXT NOT NULL DEFAULT ''
		CONSTRAINT "notes are at most 2000 characters" CHECK (length(notes) <= 2000),
	version      INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "a tenancy must end after it starts" CHECK (end_date IS NULL OR end_date > start_date)
) STRICT;
-- At most one current tenancy per home.
CREATE UNIQUE INDEX tenancies_one_current ON tenancies (home_id) WHERE end_date IS NULL;
CREATE INDEX tenancies_by_home ON tenancies (home_id, start_date, id);
CREATE INDEX tenancies_by_start ON tenancies (start_date, id);

CREATE TRIGGER tenancies_no_overlap_insert BEFORE INSERT ON tenancies
	WHEN EXISTS (SELECT 1 FROM tenancies t WHERE t.home_id = NEW.home_id
	              AND t.start_date < coalesce(NEW.end_date, '9999-12-31')
	              AND NEW.start_date < coalesce(t.end_date, '9999-12-31'))
BEGIN
	SELECT RAISE(ABORT, 'that home already has a tenancy for part of that period');
END;
CREATE TRIGGER tenancies_no_overlap_update BEFORE UPDATE OF home_id, start_date, end_date ON tenancies
	WHEN EXISTS (SELECT 1 FROM tenancies t WHERE t.home_id = NEW.home_id AND t.id <> NEW.id
	              AND t.start_date < coalesce(NEW.end_date, '9999-12-31')
	              AND NEW.start_date < coalesce(t.end_date, '9999-12-31'))
BEGIN
	SELECT RAISE(ABORT, 'that home already has a tenancy for part of that period');
END;

-- Only members may hold a tenancy (Housing Act 1985 s.5(2)).
CREATE TABLE tenancy_signatories (
	id          INTEGER PRIMARY KEY,
	tenancy_id  INTEGER NOT NULL REFERENCES tenancies (id),
	member_id   INTEGER NOT NULL REFERENCES members (id),
	UNIQUE (tenancy_id, member_id)
) STRICT;
CREATE INDEX tenancy_signatories_by_member ON tenancy_signatories (member_id, tenancy_id);

CREATE TRIGGER tenancy_signatory_is_member BEFORE INSERT ON tenancy_signatories
	WHEN EXISTS (SELECT 1 FROM members m, tenancies t
	              WHERE m.id = NEW.member_id AND t.id = NEW.tenancy_id
	                AND (m.entered_on > t.start_date
	                     OR (m.ceased_on IS NOT NULL AND m.ceased_on < coalesce(t.end_date, '9999-12-31'))))
BEGIN
	SELECT RAISE(ABORT, 'only a member may hold a tenancy, for the whole of it (Housing Act 1985 s.5(2))');
END;

CREATE TABLE tenancy_occupants (
	id             INTEGER PRIMARY KEY,
	tenancy_id     INTEGER NOT NULL REFERENCES tenancies (id),
	name           TEXT NOT NULL
		CONSTRAINT "an occupant's name is 1 to 100 characters" CHECK (length(trim(name)) BETWEEN 1 AND 100),
	relationship   TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a relationship is at most 40 characters" CHECK (length(relationship) <= 40),
	date_of_birth  TEXT CHECK (date_of_birth IS NULL OR date(date_of_birth, '+0 days') IS date_of_birth),
	from_date      TEXT NOT NULL CHECK (date(from_date, '+0 days') IS from_date),
	to_date        TEXT CHECK (to_date IS NULL OR date(to_date, '+0 days') IS to_date),
	version        INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "an occupant cannot leave before they arrived" CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX tenancy_occupants_by_tenancy ON tenancy_occupants (tenancy_id, id);

-- The rent account: a ledger of charges, payments, adjustments and refunds.
-- Positive amounts are owed by the tenant, negative ones are paid. Rows are
-- appended, never edited; `balance_pence` is the running balance after the
-- row, written by the data layer and checked by `coopdesk check`.
CREATE TABLE rent_ledger (
	id             INTEGER PRIMARY KEY,
	tenancy_id     INTEGER NOT NULL REFERENCES tenancies (id),
	entry_date     TEXT NOT NULL
		CONSTRAINT "a ledger entry's date is a real date" CHECK (date(entry_date, '+0 days') IS entry_date),
	kind           TEXT NOT NULL
		CONSTRAINT "a ledger entry is a charge, payment, adjustment or refund"
		CHECK (kind IN ('charge', 'payment', 'adjustment', 'refund')),
	amount_pence   INTEGER NOT NULL
		CONSTRAINT "a ledger amount is not zero, and below £1,000,000"
		CHECK (amount_pence <> 0 AND abs(amount_pence) < 100000000),
	balance_pence  INTEGER NOT NULL,
	description    TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a description is at most 200 characters" CHECK (length(description) <= 200),
	reference      TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a reference is at most 40 characters" CHECK (length(reference) <= 40),
	recorded_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	CONSTRAINT "charges and refunds add to what is owed; payments reduce it"
		CHECK ((kind IN ('charge', 'refund') AND amount_pence > 0)
		       OR (kind = 'payment' AND amount_pence < 0)
		       OR kind = 'adjustment')
) STRICT;
CREATE INDEX rent_ledger_by_tenancy ON rent_ledger (tenancy_id, id);
CREATE INDEX rent_ledger_by_date ON rent_ledger (entry_date, id);

CREATE TRIGGER rent_ledger_no_update BEFORE UPDATE ON rent_ledger BEGIN
	SELECT RAISE(ABORT, 'rent ledger entries are never edited: add an adjustment instead');
END;
CREATE TRIGGER rent_ledger_no_delete BEFORE DELETE ON rent_ledger BEGIN
	SELECT RAISE(ABORT, 'rent ledger entries are never deleted: add an adjustment instead');
END;

------------------------------------------------------------------------
-- Repairs
------------------------------------------------------------------------
CREATE TABLE contractors (
	id        INTEGER PRIMARY KEY,
	uuid      TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	name      TEXT NOT NULL
		CONSTRAINT "a contractor's name is 1 to 100 characters" CHECK (length(trim(name)) BETWEEN 1 AND 100),
	trade     TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a trade is at most 60 characters" CHECK (length(trade) <= 60),
	phone     TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a phone number is at most 30 characters" CHECK (length(phone) <= 30),
	email     TEXT NOT NULL DEFAULT ''
		CONSTRAINT "an email address is at most 254 characters" CHECK (length(email) <= 254),
	in_use    INTEGER NOT NULL DEFAULT 1 CHECK (in_use IN (0, 1)),
	version   INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX contractors_by_name ON contractors (name, id);

-- A repair's number is its id, shown as R-000123; AUTOINCREMENT so that a
-- number is never used twice.
CREATE TABLE repairs (
	id                  INTEGER PRIMARY KEY AUTOINCREMENT,
	uuid                TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	home_id             INTEGER NOT NULL REFERENCES homes (id),
	reported_by_member  INTEGER REFERENCES members (id),
	reported_at         TEXT NOT NULL,
	title               TEXT NOT NULL
		CONSTRAINT "a repair's summary is 1 to 80 characters" CHECK (length(trim(title)) BETWEEN 1 AND 80),
	description         TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a repair's description is at most 2000 characters" CHECK (length(description) <= 2000),
	location            TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a location is at most 60 characters" CHECK (length(location) <= 60),
	priority            TEXT NOT NULL
		CONSTRAINT "a priority is emergency, urgent, routine or planned"
		CHECK (priority IN ('emergency', 'urgent', 'routine', 'planned')),
	-- 1 emergency .. 4 planned: the order the list sorts by.
	priority_rank       INTEGER GENERATED ALWAYS AS
		(CASE priority WHEN 'emergency' THEN 1 WHEN 'urgent' THEN 2 WHEN 'routine' THEN 3 ELSE 4 END) VIRTUAL,
	-- Right to Repair qualifying defect (SI 1994/133): its target in working days.
	rtr_defect          TEXT
		CONSTRAINT "a Right to Repair defect is at most 80 characters" CHECK (rtr_defect IS NULL OR length(rtr_defect) <= 80),
	rtr_days            INTEGER
		CONSTRAINT "a Right to Repair target is 1, 3 or 7 working days" CHECK (rtr_days IS NULL OR rtr_days IN (1, 3, 7)),
	-- Damp and mould (Awaab's Law): the hazard's class, and its milestones.
	damp_hazard         TEXT
		CONSTRAINT "a damp or mould hazard is emergency or significant"
		CHECK (damp_hazard IS NULL OR damp_hazard IN ('emergency', 'significant')),
	investigated_on     TEXT CHECK (investigated_on IS NULL OR date(investigated_on, '+0 days') IS investigated_on),
	summary_sent_on     TEXT CHECK (summary_sent_on IS NULL OR date(summary_sent_on, '+0 days') IS summary_sent_on),
	status              TEXT NOT NULL DEFAULT 'reported'
		CONSTRAINT "a repair's status is reported, triaged, assigned, in progress, completed, closed or cancelled"
		CHECK (status IN ('reported', 'triaged', 'assigned', 'in_progress', 'completed', 'closed', 'cancelled')),
	is_open             INTEGER GENERATED ALWAYS AS
		(status IN ('reported', 'triaged', 'assigned', 'in_progress')) VIRTUAL,
	contractor_id       INTEGER REFERENCES contractors (id),
	cost_pence          INTEGER
		CONSTRAINT "a repair's cost is £0.00 or more" CHECK (cost_pence IS NULL OR cost_pence >= 0),
	-- The deadline: a date for working-day targets, with the hour for an
	-- emergency (make safe within 24 hours).
	target_at           TEXT NOT NULL,
	completed_at        TEXT,
	closed_at           TEXT,
	reopened            INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0),
	version             INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "an assigned repair names its contractor"
		CHECK (status NOT IN ('assigned', 'in_progress') OR contractor_id IS NOT NULL),
	CONSTRAINT "a completed repair has its completion time"
		CHECK (status NOT IN ('completed', 'closed') OR completed_at IS NOT NULL)
) STRICT;
-- Keyset orders for the repairs list.
CREATE INDEX repairs_by_status ON repairs (status, id);
CREATE INDEX repairs_by_target ON repairs (target_at, id);
CREATE INDEX repairs_by_home ON repairs (home_id, id);
CREATE INDEX repairs_by_priority ON repairs (priority_rank, id);
CREATE INDEX repairs_open_by_target ON repairs (target_at, id) WHERE is_open;
-- The open repairs are few on a big co-op: the "open" list reads only them.
CREATE INDEX repairs_open_by_id ON repairs (id) WHERE is_open;
CREATE INDEX repairs_open_by_priority ON repairs (priority_rank, id) WHERE is_open;
CREATE INDEX repairs_open_by_status ON repairs (status, id) WHERE is_open;
CREATE INDEX repairs_open_by_home ON repairs (home_id, id) WHERE is_open;
-- RP02 reads the repairs completed in a period.
CREATE INDEX repairs_by_completed ON repairs (completed_at) WHERE completed_at IS NOT NULL;
CREATE INDEX repairs_by_member ON repairs (reported_by_member, id);
CREATE INDEX repairs_by_contractor ON repairs (contractor_id, id);

CREATE TRIGGER repairs_never_deleted BEFORE DELETE ON repairs BEGIN
	SELECT RAISE(ABORT, 'a repair is never deleted: cancel it instead');
END;

-- Every move of a repair is an event: who, when, from what to what, a note.
CREATE TABLE repair_events (
	id           INTEGER PRIMARY KEY,
	repair_id    INTEGER NOT NULL REFERENCES repairs (id),
	at           TEXT NOT NULL,
	user_id      INTEGER REFERENCES users (id),
	actor        TEXT NOT NULL,
	from_status  TEXT,
	to_status    TEXT NOT NULL,
	note         TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a note is at most 2000 characters" CHECK (length(note) <= 2000)
) STRICT;
CREATE INDEX repair_events_by_repair ON repair_events (repair_id, id);
CREATE TRIGGER repair_events_no_update BEFORE UPDATE ON repair_events BEGIN
	SELECT RAISE(ABORT, 'repair events are never edited: add a note instead');
END;
CREATE TRIGGER repair_events_no_delete BEFORE DELETE ON repair_events BEGIN
	SELECT RAISE(ABORT, 'repair events are never deleted');
END;

------------------------------------------------------------------------
-- General meetings, attendance, motions, votes, results; board decisions
------------------------------------------------------------------------
CREATE TABLE meetings (
	id               INTEGER PRIMARY KEY,
	uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	kind             TEXT NOT NULL
		CONSTRAINT "a meeting is an AGM, a general meeting, a special general meeting or a board meeting"
		CHECK (kind IN ('agm', 'general', 'special', 'board')),
	title            TEXT NOT NULL
		CONSTRAINT "a meeting's title is 1 to 100 characters" CHECK (length(trim(title)) BETWEEN 1 AND 100),
	held_on          TEXT NOT NULL
		CONSTRAINT "a meeting's date is a real date" CHECK (date(held_on, '+0 days') IS held_on),
	starts_at        TEXT NOT NULL DEFAULT '19:00'
		CONSTRAINT "a start time is like 19:00" CHECK (starts_at GLOB '[0-2][0-9]:[0-5][0-9]'),
	place            TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a place is at most 100 characters" CHECK (length(place) <= 100),
	notice_given_on  TEXT
		CONSTRAINT "notice is given on a real date, on or before the meeting"
		CHECK (notice_given_on IS NULL OR (date(notice_given_on, '+0 days') IS notice_given_on AND notice_given_on <= held_on)),
	status           TEXT NOT NULL DEFAULT 'planned'
		CONSTRAINT "a meeting is planned, held or cancelled" CHECK (status IN ('planned', 'held', 'cancelled')),
	chair_member_id  INTEGER REFERENCES members (id),
	-- Quorum as worked out at the start: members needed, members present.
	quorum_needed    INTEGER CHECK (quorum_needed IS NULL OR quorum_needed >= 1),
	present_at_start INTEGER CHECK (present_at_start IS NULL OR present_at_start >= 0),
	minutes          TEXT NOT NULL DEFAULT ''
		CONSTRAINT "minutes are at most 100000 characters" CHECK (length(minutes) <= 100000),
	minutes_published INTEGER NOT NULL DEFAULT 0 CHECK (minutes_published IN (0, 1)),
	version          INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX meetings_by_date ON meetings (held_on, id);

-- Who was present: at the start, and arriving or leaving later.
CREATE TABLE attendance (
	id                INTEGER PRIMARY KEY,
	meeting_id        INTEGER NOT NULL REFERENCES meetings (id),
	member_id         INTEGER NOT NULL REFERENCES members (id),
	present_at_start  INTEGER NOT NULL DEFAULT 1 CHECK (present_at_start IN (0, 1)),
	arrived_at        TEXT,
	left_at           TEXT,
	-- A proxy held for another member, where the rules allow proxies.
	proxy_for         INTEGER REFERENCES members (id),
	UNIQUE (meeting_id, member_id)
) STRICT;
CREATE INDEX attendance_by_member ON attendance (member_id, meeting_id);

CREATE TABLE motions (
	id               INTEGER PRIMARY KEY,
	uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	meeting_id       INTEGER NOT NULL REFERENCES meetings (id),
	motion_no        INTEGER NOT NULL
		CONSTRAINT "motions are numbered from 1" CHECK (motion_no > 0),
	title            TEXT NOT NULL
		CONSTRAINT "a motion's title is 1 to 100 characters" CHECK (length(trim(title)) BETWEEN 1 AND 100),
	text             TEXT NOT NULL
		CONSTRAINT "a motion's text is 1 to 10000 characters" CHECK (length(trim(text)) BETWEEN 1 AND 10000),
	resolution       TEXT NOT NULL DEFAULT 'ordinary'
		CONSTRAINT "a resolution is ordinary, special or amalgamation/transfer"
		CHECK (resolution IN ('ordinary', 'special', 'amalgamation')),
	proposer_id      INTEGER REFERENCES members (id),
	seconder_id      INTEGER REFERENCES members (id),
	-- An amalgamation or transfer passed at a first meeting is confirmed by
	-- a motion at a second meeting that names it.
	confirms_id      INTEGER REFERENCES motions (id),
	version          INTEGER NOT NULL DEFAULT 1,
	UNIQUE (meeting_id, motion_no),
	CONSTRAINT "the seconder must be someone other than the proposer"
		CHECK (seconder_id IS NULL OR proposer_id IS NULL OR seconder_id <> proposer_id)
) STRICT;

-- Who was present at each vote (may differ from the start).
CREATE TABLE vote_presence (
	id         INTEGER PRIMARY KEY,
	motion_id  INTEGER NOT NULL REFERENCES motions (id),
	member_id  INTEGER NOT NULL REFERENCES members (id),
	UNIQUE (motion_id, member_id)
) STRICT;

-- Individual votes, when recorded (a ballot or a named show of hands).
-- One member, one vote.
CREATE TABLE votes (
	id          INTEGER PRIMARY KEY,
	motion_id   INTEGER NOT NULL REFERENCES motions (id),
	member_id   INTEGER NOT NULL REFERENCES members (id),
	vote        TEXT NOT NULL
		CONSTRAINT "a vote is for, against or abstain" CHECK (vote IN ('for', 'against', 'abstain')),
	by_proxy_id INTEGER REFERENCES members (id),
	UNIQUE (motion_id, member_id)
) STRICT;

-- The result of a motion. Once recorded it is never edited; an erratum is
-- a new row that names the one it corrects.
CREATE TABLE motion_results (
	id             INTEGER PRIMARY KEY,
	motion_id      INTEGER NOT NULL REFERENCES motions (id),
	votes_for      INTEGER NOT NULL CHECK (votes_for >= 0),
	votes_against  INTEGER NOT NULL CHECK (votes_against >= 0),
	abstentions    INTEGER NOT NULL CHECK (abstentions >= 0),
	casting_vote   TEXT CHECK (casting_vote IS NULL OR casting_vote IN ('for', 'against')),
	outcome        TEXT NOT NULL
		CONSTRAINT "an outcome is carried, lost, withdrawn or not quorate"
		CHECK (outcome IN ('carried', 'lost', 'withdrawn', 'not_quorate')),
	corrects_id    INTEGER REFERENCES motion_results (id),
	note           TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a note is at most 2000 characters" CHECK (length(note) <= 2000),
	recorded_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
) STRICT;
CREATE INDEX motion_results_by_motion ON motion_results (motion_id, id);
CREATE TRIGGER motion_results_no_update BEFORE UPDATE ON motion_results BEGIN
	SELECT RAISE(ABORT, 'a recorded result is never edited: record an erratum instead');
END;
CREATE TRIGGER motion_results_no_delete BEFORE DELETE ON motion_results BEGIN
	SELECT RAISE(ABORT, 'a recorded result is never deleted: record an erratum instead');
END;

-- Board decisions, numbered per year (2026/7).
CREATE TABLE decisions (
	id          INTEGER PRIMARY KEY,
	uuid        TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	year        INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2999),
	number      INTEGER NOT NULL CHECK (number > 0),
	meeting_id  INTEGER REFERENCES meetings (id),
	decided_on  TEXT NOT NULL
		CONSTRAINT "a decision's date is a real date" CHECK (date(decided_on, '+0 days') IS decided_on),
	title       TEXT NOT NULL
		CONSTRAINT "a decision's title is 1 to 100 characters" CHECK (length(trim(title)) BETWEEN 1 AND 100),
	text        TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a decision's text is at most 10000 characters" CHECK (length(text) <= 10000),
	version     INTEGER NOT NULL DEFAULT 1,
	UNIQUE (year, number),
	CONSTRAINT "a decision's number belongs to the year it was made"
		CHECK (year = CAST(substr(decided_on, 1, 4) AS INTEGER))
) STRICT;
CREATE INDEX decisions_by_date ON decisions (decided_on, id);

CREATE TABLE decision_actions (
	id            INTEGER PRIMARY KEY,
	decision_id   INTEGER NOT NULL REFERENCES decisions (id),
	description   TEXT NOT NULL
		CONSTRAINT "an action is 1 to 200 characters" CHECK (length(trim(description)) BETWEEN 1 AND 200),
	owner_member  INTEGER REFERENCES members (id),
	due_on        TEXT CHECK (due_on IS NULL OR date(due_on, '+0 days') IS due_on),
	done_on       TEXT CHECK (done_on IS NULL OR date(done_on, '+0 days') IS done_on),
	version       INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX decision_actions_by_decision ON decision_actions (decision_id, id);
CREATE INDEX decision_actions_open ON decision_actions (due_on, id) WHERE done_on IS NULL;

-- Members' participation: meetings attended, volunteer hours.
CREATE TABLE participation (
	id          INTEGER PRIMARY KEY,
	member_id   INTEGER NOT NULL REFERENCES members (id),
	kind        TEXT NOT NULL
		CONSTRAINT "participation is a meeting, volunteering, a committee, training or other"
		CHECK (kind IN ('meeting', 'volunteering', 'committee', 'training', 'other')),
	on_date     TEXT NOT NULL CHECK (date(on_date, '+0 days') IS on_date),
	minutes     INTEGER NOT NULL DEFAULT 0
		CONSTRAINT "time given is between 0 and 24 hours a record" CHECK (minutes BETWEEN 0 AND 1440),
	meeting_id  INTEGER REFERENCES meetings (id),
	note        TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a note is at most 200 characters" CHECK (length(note) <= 200)
) STRICT;
CREATE INDEX participation_by_member ON participation (member_id, on_date, id);

------------------------------------------------------------------------
-- Other duties: complaints (Housing Ombudsman code), subject access.
------------------------------------------------------------------------
CREATE TABLE complaints (
	id               INTEGER PRIMARY KEY,
	uuid             TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
	member_id        INTEGER REFERENCES members (id),
	home_id          INTEGER REFERENCES homes (id),
	received_on      TEXT NOT NULL CHECK (date(received_on, '+0 days') IS received_on),
	subject          TEXT NOT NULL
		CONSTRAINT "a complaint's subject is 1 to 100 characters" CHECK (length(trim(subject)) BETWEEN 1 AND 100),
	details          TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a complaint's details are at most 10000 characters" CHECK (length(details) <= 10000),
	stage            INTEGER NOT NULL DEFAULT 1
		CONSTRAINT "a complaint has exactly two stages" CHECK (stage IN (1, 2)),
	acknowledged_on  TEXT CHECK (acknowledged_on IS NULL OR date(acknowledged_on, '+0 days') IS acknowledged_on),
	stage1_reply_on  TEXT CHECK (stage1_reply_on IS NULL OR date(stage1_reply_on, '+0 days') IS stage1_reply_on),
	escalated_on     TEXT CHECK (escalated_on IS NULL OR date(escalated_on, '+0 days') IS escalated_on),
	stage2_reply_on  TEXT CHECK (stage2_reply_on IS NULL OR date(stage2_reply_on, '+0 days') IS stage2_reply_on),
	closed_on        TEXT CHECK (closed_on IS NULL OR date(closed_on, '+0 days') IS closed_on),
	version          INTEGER NOT NULL DEFAULT 1,
	CONSTRAINT "a complaint reaches stage 2 only when escalated"
		CHECK (stage = 1 OR escalated_on IS NOT NULL)
) STRICT;
CREATE INDEX complaints_by_date ON complaints (received_on, id);

CREATE TABLE subject_access_requests (
	id            INTEGER PRIMARY KEY,
	member_id     INTEGER NOT NULL REFERENCES members (id),
	received_on   TEXT NOT NULL CHECK (date(received_on, '+0 days') IS received_on),
	completed_on  TEXT CHECK (completed_on IS NULL OR date(completed_on, '+0 days') IS completed_on),
	note          TEXT NOT NULL DEFAULT ''
		CONSTRAINT "a note is at most 200 characters" CHECK (length(note) <= 200),
	version       INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX subject_access_by_date ON subject_access_requests (received_on, id);

------------------------------------------------------------------------
-- Full-text search (FTS5, external content: the index holds no copy of
-- the text, only the words), kept in step by triggers.
------------------------------------------------------------------------
CREATE VIRTUAL TABLE members_fts USING fts5 (
	name, address, postcode, content = 'members', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN
	INSERT INTO members_fts (rowid, name, address, postcode) VALUES (NEW.id, NEW.name, NEW.address, NEW.postcode);
END;
CREATE TRIGGER members_fts_update AFTER UPDATE OF name, address, postcode ON members BEGIN
	INSERT INTO members_fts (members_fts, rowid, name, address, postcode) VALUES ('delete', OLD.id, OLD.name, OLD.address, OLD.postcode);
	INSERT INTO members_fts (rowid, name, address, postcode) VALUES (NEW.id, NEW.name, NEW.address, NEW.postcode);
END;

CREATE VIRTUAL TABLE homes_fts USING fts5 (
	ref, address, postcode, content = 'homes', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER homes_fts_insert AFTER INSERT ON homes BEGIN
	INSERT INTO homes_fts (rowid, ref, address, postcode) VALUES (NEW.id, NEW.ref, NEW.address, NEW.postcode);
END;
CREATE TRIGGER homes_fts_update AFTER UPDATE OF ref, address, postcode ON homes BEGIN
	INSERT INTO homes_fts (homes_fts, rowid, ref, address, postcode) VALUES ('delete', OLD.id, OLD.ref, OLD.address, OLD.postcode);
	INSERT INTO homes_fts (rowid, ref, address, postcode) VALUES (NEW.id, NEW.ref, NEW.address, NEW.postcode);
END;
CREATE TRIGGER homes_fts_delete AFTER DELETE ON homes BEGIN
	INSERT INTO homes_fts (homes_fts, rowid, ref, address, postcode) VALUES ('delete', OLD.id, OLD.ref, OLD.address, OLD.postcode);
END;

CREATE VIRTUAL TABLE repairs_fts USING fts5 (
	title, description, location, content = 'repairs', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 2');
CREATE TRIGGER repairs_fts_insert AFTER INSERT ON repairs BEGIN
	INSERT INTO repairs_fts (rowid, title, description, location) VALUES (NEW.id, NEW.title, NEW.description, NEW.location);
END;
CREATE TRIGGER repairs_fts_update AFTER UPDATE OF title, description, location ON repairs BEGIN
	INSERT INTO repairs_fts (repairs_fts, rowid, title, description, location) VALUES ('delete', OLD.id, OLD.title, OLD.description, OLD.location);
	INSERT INTO repairs_fts (rowid, title, description, location) VALUES (NEW.id, NEW.title, NEW.description, NEW.location);
END;

------------------------------------------------------------------------
-- Row counts kept by triggers, so that "row 12 of 345" and the Home
-- summary never count a large table.
------------------------------------------------------------------------
CREATE TABLE row_counts (
	name  TEXT PRIMARY KEY,
	n     INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO row_counts (name) VALUES ('members'), ('members_current'), ('homes'), ('tenancies_current'),
	('repairs'), ('repairs_open');

CREATE TRIGGER row_counts_members_insert AFTER INSERT ON members BEGIN
	UPDATE row_counts SET n = n + 1 WHERE name = 'members';
	UPDATE row_counts SET n = n + 1 WHERE name = 'members_current' AND NEW.ceased_on IS NULL;
END;
CREATE TRIGGER row_counts_members_update AFTER UPDATE OF ceased_on ON members
	WHEN (OLD.ceased_on IS NULL) <> (NEW.ceased_on IS NULL)
BEGIN
	UPDATE row_counts SET n = n + (CASE WHEN NEW.ceased_on IS NULL THEN 1 ELSE -1 END) WHERE name = 'members_current';
END;
CREATE TRIGGER row_counts_homes_insert AFTER INSERT ON homes BEGIN
	UPDATE row_counts SET n = n + 1 WHERE name = 'homes';
END;
CREATE TRIGGER row_counts_homes_delete AFTER DELETE ON homes BEGIN
	UPDATE row_counts SET n = n - 1 WHERE name = 'homes';
END;
CREATE TRIGGER row_counts_tenancies_insert AFTER INSERT ON tenancies WHEN NEW.end_date IS NULL BEGIN
	UPDATE row_counts SET n = n + 1 WHERE name = 'tenancies_current';
END;
CREATE TRIGGER row_counts_tenancies_update AFTER UPDATE OF end_date ON tenancies
	WHEN (OLD.end_date IS NULL) <> (NEW.end_date IS NULL)
BEGIN
	UPDATE row_counts SET n = n + (CASE WHEN NEW.end_date IS NULL THEN 1 ELSE -1 END) WHERE name = 'tenancies_current';
END;
CREATE TRIGGER row_counts_repairs_insert AFTER INSERT ON repairs BEGIN
	UPDATE row_counts SET n = n + 1 WHERE name = 'repairs';
	UPDATE row_counts SET n = n + 1 WHERE name = 'repairs_open' AND NEW.is_open;
END;
CREATE TRIGGER row_counts_repairs_update AFTER UPDATE OF status ON repairs
	WHEN OLD.is_open <> NEW.is_open
BEGIN
	UPDATE row_counts SET n = n + (CASE WHEN NEW.is_open THEN 1 ELSE -1 END) WHERE name = 'repairs_open';
END;
