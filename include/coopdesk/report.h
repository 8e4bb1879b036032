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
 * board_minutes_to_members is 1; others answer DB_NOTFOUND. */
int report_minutes(struct db *db, const struct actor *who, int64_t meeting_id,
		   const struct report_opts *o, FILE *out);

/* The CSV export of meetings, attendance, motions, votes, decisions or
 * actions (`what`), every row by id: see doc/reports.md for the columns.
 * Board only. DB_INVALID for another `what` or a format other than csv. */
int report_meeting_export(struct db *db, const struct actor *who, const char *what,
			  const struct report_opts *o, FILE *out);

#endif
