/*
 * coopdesk/report.h: the co-op's documents (src/report/), written once and
 * shared by the screens, which show them, and the command line, which
 * prints and exports them (coopdesk report, coopdesk export).
 *
 * Each writes one document to `out` in one of three formats:
 *  - REPORT_TEXT: for a person or a printer: a heading (the co-op's name,
 *    what the document is, when it was produced, in local time), then
 *    aligned columns that fit `width` (long names and addresses wrap at
 *    spaces; a word longer than its column is cut to the next line). Dates
 *    dd/mm/yyyy, money £1,234.56.
 *  - REPORT_MD: the same as Markdown: headings and a table (| in text
 *    escaped), for a wiki or a document.
 *  - REPORT_CSV: for spreadsheets and programs (coopdesk/csv.h): a header
 *    row of lower_snake_case names, then the rows, no heading; ISO dates,
 *    amounts in pounds with two decimals ("1234.56"); the UTF-8
 *    byte-order mark first unless no_bom.
 * Text from the database is made inert (text_inert) in every format.
 *
 * Every function returns a db status and leaves db_errmsg's words on
 * anything else (coopdesk/db.h); a refusal (DB_DENIED, DB_INVALID,
 * DB_NOTFOUND) is found before anything is written, so `out` is left
 * untouched. DB_IO when `out` could not be written. Who may have what is
 * the data layer's rule (coopdesk/access.h); the documents add none of
 * their own beyond what each says.
 */
#ifndef COOPDESK_REPORT_H
#define COOPDESK_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "coopdesk/db.h"
#include "coopdesk/rent_calc.h"

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_CSV };

struct report_opts {
	enum report_format format;
	int no_bom;        /* CSV: leave out the byte-order mark */
	int width;         /* text: columns to fit, 0 for 80; at least 40 is used,
			    * and a table is never narrower than its columns
			    * need: 59 for the board's register, 78 for the
			    * share register */
};

/* "text", "md" (or "markdown"), "csv" into *out: 0, or -1 for anything else. */
int report_format_parse(const char *s, enum report_format *out);

/* The register of members (the Act s.30(2)) as it stood at the end of
 * `as_at` (ISO or anything date_parse reads; "" or NULL for today): every
 * entry on the register that day, former members with the date they
 * ceased: member number, name, postal address, email address and what it
 * was given for, date entered, date ceased; and, in the board's copy,
 * shares held, amount paid and other property held (loans, deposits). With
 * `inspection` it is the inspection copy (s.103), which says so and has no
 * share or property entries; anyone but the board (a member, a volunteer)
 * always gets the inspection copy, whatever `inspection` says. The heading
 * counts the entries, the members on that day and the former members.
 * DB_INVALID: `as_at` is not a date or is after today. */
int report_register(struct db *db, const struct actor *who, const char *as_at, int inspection,
		    const struct report_opts *o, FILE *out);

/* The share register: every share operation in sequence (issue, forfeit,
 * reversal naming the operation it reverses) with its number, the
 * member's number and name, date, shares (+1/-1), amount, and the
 * register's running totals after it: shares held and paid-up capital
 * (shares.h). Board only: DB_DENIED for anyone who sees only their own. */
int report_share_register(struct db *db, const struct actor *who,
			  const struct report_opts *o, FILE *out);

/* The register of officers (s.30(3)): name, address, office, date they
 * became an officer, date they ceased; with `current_only` only those in
 * office (the current board at a glance). Anyone logged in. */
int report_officers(struct db *db, const struct actor *who, int current_only,
		    const struct report_opts *o, FILE *out);

/* Participation in calendar year `year` (0 for this year): each member on
 * the register at the year's end (today, while it runs) with the general
 * meetings they attended and the time they gave (hours), each against the
 * co-op's expectation (the settings meetings_expected_per_year and
 * hours_expected_per_year; none when 0) and whether it was met, and in
 * Markdown and CSV whether both were. Board only. DB_INVALID: a year
 * before 1900 or after this one. */
int report_participation(struct db *db, const struct actor *who, int year,
			 const struct report_opts *o, FILE *out);

/* One member's own shareholding ("My shareholding"): membership status
 * (member since, or ceased on and why), shares held and amount paid, each
 * share operation (number, date, what it was, amount), and other property
 * they hold in the society. A member or volunteer may ask only for their
 * own: anyone else's answers DB_NOTFOUND, as if there were no such member
 * (s.103, s.104); the board may ask for anyone's. */
int report_shareholding(struct db *db, const struct actor *who, int64_t member_id,
			const struct report_opts *o, FILE *out);

/* Right to Repair (report_right_to_repair): the repairs reported on the
 * local days `from` to `to` (ISO or dd/mm/yyyy; "" or NULL: from the
 * first, to today) under a defect of the schedule: defect, days, due day
 * (or "over cost" when the estimate took it out), when done, whether the
 * target was met, the day a second contractor was asked for, compensation
 * owed and how it was settled; the heading says which schemes were on,
 * the counts (met, missed, still within) and the money (due, paid, set
 * against rent). With the scheme off it says so and lists nothing. CSV
 * rows end with the schemes in force. Board and volunteers. DB_INVALID
 * for a bad date or a period that ends before it begins. */
int report_right_to_repair(struct db *db, const struct actor *who, const char *from,
			   const char *to, const struct report_opts *o, FILE *out);

/* Awaab's Law (report_awaab): the damp and mould repairs reported in the
 * period, a row for each clock (investigate, or make safe for an
 * emergency; written summary; safety work) with its due day or time, when
 * done and its state: running, met, late, breached, waiting (for the
 * investigation) or stopped (cancelled); the heading says which schemes
 * were on and counts the clocks running and breached. With the scheme off
 * it says so and lists nothing. As report_right_to_repair otherwise. */
int report_awaab(struct db *db, const struct actor *who, const char *from, const char *to,
		 const struct report_opts *o, FILE *out);
/* Overdue repairs: every open repair past its target, the most overdue
 * first: its number, home, priority, status, target and how many working
 * days late (weekends and bank holidays not counted), with the count of
 * each priority in the heading. Board and volunteers (DB_DENIED for a
 * member). */
int report_overdue(struct db *db, const struct actor *who, const struct report_opts *o,
		   FILE *out);

/* RP02: of the repairs completed from `from` to `to` (local days, ISO or
 * dd/mm/yyyy; NULL or "" for the start of this financial year, 1 April,
 * and today), the share of emergency and of non-emergency ones completed
 * within their target, with the counts behind each figure
 * (repair_rp02). Board and volunteers. DB_INVALID for a bad period. */
int report_rp02(struct db *db, const struct actor *who, const char *from, const char *to,
		const struct report_opts *o, FILE *out);
/* The period report_rp02 uses for from/to (ISO dates into first, last). */
void report_rp02_period(const char *from, const char *to, char *first, char *last, size_t n);

/* The repairs reported from `from` to `to` (NULL or "" for no bound), one
 * CSV row each; with `events`, every event recorded in the period, one row
 * each (doc/reports.md names the columns). CSV only (DB_INVALID
 * otherwise). Board and volunteers. */
int report_repairs_export(struct db *db, const struct actor *who, const char *from,
			  const char *to, int events, const struct report_opts *o, FILE *out);

/* "Schemes: Right to Repair on; Awaab's Law off." from the settings
 * scheme_right_to_repair and scheme_awaab ("not set" for one the co-op's
 * database does not have). Every repairs document says it. */
void report_schemes(struct db *db, char *buf, size_t n);
/* The preview of a rent review (coopdesk/homes.h rent_review_page): the
 * homes of `which` (an enum home_which; `what` names it: "let"), each with
 * its latest rent, the new rent from `from` (ISO) under `change`, and the
 * new rent's Universal Credit monthly equivalent; then the homes left out
 * and why. The heading states the change and the rounding rule. Board
 * only. Small enough to be a document screen's context. */
struct rent_review_ask {
	int which;
	char from[11];           /* ISO */
	struct rent_change change;
	char what[16];
};
int report_rent_review(struct db *db, const struct actor *who, const struct rent_review_ask *a,
		       const struct report_opts *o, FILE *out);
/* The rent statement of a tenancy (the rent book: Landlord and Tenant Act
 * 1985 s.4), from `from` to `to` (ISO or as date_parse reads; "" or NULL:
 * from the tenancy's start, to today): the landlord's name and address
 * (s.5; the settings coop_name and coop_address), the tenants, the home,
 * the rent, the opening balance (every row dated before `from`), every
 * row in the period in date order with what it added or took off and the
 * balance after it, and the closing balance. A member (or a volunteer)
 * may have only their own: anyone else's answers DB_NOTFOUND ("there is
 * no such tenancy"). DB_INVALID: a day that is not a date, or from after
 * to. */
int report_rent_statement(struct db *db, const struct actor *who, int64_t tenancy_id,
			  const char *from, const char *to, const struct report_opts *o,
			  FILE *out);

/* The arrears list as at `as_at` (as report_register's; "" or NULL today):
 * every account whose balance that day is above zero, largest first, with
 * its home, tenants, the amount, the weeks of rent it makes and the day
 * of the oldest charge still unpaid; current tenancies, then former
 * tenants apart, each with a total. CSV: one table, with the tenancy's
 * start and end. Board only (DB_DENIED). DB_INVALID: a day to come. */
int report_arrears(struct db *db, const struct actor *who, const char *as_at,
		   const struct report_opts *o, FILE *out);

/* The accountant's CSV (the board's; DB_DENIED for anyone else): every
 * home (reference, address, kind, bedrooms, current tenancy and tenants,
 * rent now); every tenancy (home, dates, signatories, balance now); and
 * every rent account row dated from..to ("" or NULL: no bound), in date
 * order, with its home, tenancy and signatories, kind, amount (+ owed, -
 * paid), method, reference, description, the entry a reversal reverses,
 * and the account's running balance after it (in the order written).
 * Any format may be asked for; the command line asks for CSV. */
int export_homes(struct db *db, const struct actor *who, const struct report_opts *o, FILE *out);
int export_tenancies(struct db *db, const struct actor *who, const struct report_opts *o,
		     FILE *out);
int export_rent(struct db *db, const struct actor *who, const char *from, const char *to,
		const struct report_opts *o, FILE *out);
/* The notice of meeting `meeting_id` (the number a meetings list shows):
 * the co-op's name, the kind of meeting, its day, time and place, the
 * agenda (its motions in number order), each motion's text with its
 * resolution type, what carries it, its proposer and seconder, and the day
 * notice was given with its clear days against the setting
 * notice_clear_days. Text or md only (DB_INVALID for csv). Visibility as
 * meeting_get, and a board meeting's only as meeting_minutes_readable. */
int report_notice(struct db *db, const struct actor *who, int64_t meeting_id,
		  const struct report_opts *o, FILE *out);

/* The minutes of meeting `meeting_id`: when and where it was held, the
 * chair, the notice given; attendance (the board's copy names everyone,
 * at the start, arriving, leaving, proxies; anyone else's gives the
 * counts) and the quorum at the start; each motion with its text,
 * proposer, seconder, presence and quorum at its vote, the result with
 * its arithmetic (rule_outcome_sentence), the roll call where one was
 * taken and may be shown (meeting_roll_calls_shown), each erratum beside
 * the result it corrects; the minutes as written; and the decisions taken
 * at it with their actions (the board's). DB_INVALID for a meeting not
 * held. Text or md only. A member or volunteer: the published minutes of
 * a general meeting, a board meeting's only where the setting
 * publish_board_meetings is 1; others answer DB_NOTFOUND. */
int report_minutes(struct db *db, const struct actor *who, int64_t meeting_id,
		   const struct report_opts *o, FILE *out);

/* The CSV export of meetings, attendance, motions, votes, decisions or
 * actions (`what`), every row by id: see doc/reports.md for the columns.
 * Board only. DB_INVALID for another `what` or a format other than csv. */
int report_meeting_export(struct db *db, const struct actor *who, const char *what,
			  const struct report_opts *o, FILE *out);

/* The contractors as CSV: contractor_id, name, trade, phone, email,
 * in_use (yes/no), in name order, those out of use too. Board and
 * volunteers (who hold the contractors). DB_INVALID for text or md. */
int report_contractors_export(struct db *db, const struct actor *who,
			      const struct report_opts *o, FILE *out);

/* A member's whole record for a subject access request (UK GDPR;
 * coopdesk/subject_access.h names the sections): with `json`, one JSON
 * object (document, coop, produced_at, member_no, then each section's
 * name with an array of its rows as objects; pence as whole numbers,
 * dates and times ISO); else a document to read or print (o->width, text
 * only), each section a heading and each row its fields one a line.
 * Never a password hash; never another member's details. Board only
 * (DB_DENIED); DB_NOTFOUND for no such member. */
int report_subject_access(struct db *db, const struct actor *who, int64_t member_id, int json,
			  const struct report_opts *o, FILE *out);

#endif
