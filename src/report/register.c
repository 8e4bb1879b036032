/*
 * src/report/register.c: the register of members as it stood on a day
 * (report_register), the board's copy or the inspection copy.
 *
 * Text puts a member's name, postal address, email and other property
 * under one another in one wide column, beside the dates and shares, so
 * that the register fits 80 columns; Markdown and CSV give each its own
 * column.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "table.h"

#define PAGE 64

static const struct table_col text_cols[] = {
	{ "No.", "", 4, TABLE_RIGHT },
	{ "Member, postal address, email", "", 0, TABLE_LEFT },
	{ "Entered", "", 10, TABLE_LEFT },
	{ "Ceased", "", 10, TABLE_LEFT },
	{ "Shares", "", 6, TABLE_RIGHT },
	{ "Paid", "", 7, TABLE_RIGHT },
};
#define TEXT_INSPECTION_COLS 4

/* Markdown and CSV: one column each; the inspection copy stops at ceased. */
static const struct table_col flat_cols[] = {
	{ "No.", "member_no", 0, TABLE_RIGHT },
	{ "Name", "name", 0, TABLE_LEFT },
	{ "Postal address", "address", 0, TABLE_LEFT },
	{ "Postcode", "postcode", 0, TABLE_LEFT },
	{ "Email", "email", 0, TABLE_LEFT },
	{ "Email given for", "email_purpose", 0, TABLE_LEFT },
	{ "Entered", "entered_on", 0, TABLE_LEFT },
	{ "Ceased", "ceased_on", 0, TABLE_LEFT },
	{ "Shares", "shares", 0, TABLE_RIGHT },
	{ "Paid", "paid", 0, TABLE_RIGHT },
	{ "Loans", "loans", 0, TABLE_RIGHT },
	{ "Deposits", "deposits", 0, TABLE_RIGHT },
	{ "Other property", "other_property", 0, TABLE_RIGHT },
};
#define FLAT_INSPECTION_COLS 8

/* "loan £500.00, deposit £20.00" into buf: the property a row holds. */
static void property_words(const struct register_row *r, char *buf, size_t n)
{
	const struct {
		const char *what;
		int64_t pence;
	} kinds[] = { { "loan", r->loan_pence }, { "deposit", r->deposit_pence },
		      { "other", r->other_pence } };
	size_t len = 0;
	buf[0] = '\0';
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		char money[MONEY_BUFSZ];
		if (!kinds[i].pence)
			continue;
		len += (size_t)snprintf(buf + len, len < n ? n - len : 0, "%s%s %s", len ? ", " : "",
					kinds[i].what, money_format(kinds[i].pence, money, sizeof money));
	}
}

static void text_entry(struct table *t, const struct register_row *r, int inspection)
{
	char line[sizeof r->address + sizeof r->postcode + 2];
	table_int(t, r->member_no);
	table_text(t, r->name);
	/* The postcode and what the email is for go on lines of their own
	 * when they would otherwise be broken across two. */
	snprintf(line, sizeof line, "%s%s%s", r->address, r->postcode[0] ? " " : "", r->postcode);
	if (table_fits(t, line)) {
		table_line(t, line, 1);
	} else {
		table_line(t, r->address, 1);
		table_line(t, r->postcode, 1);
	}
	if (r->email[0]) {
		char email[sizeof r->email + sizeof r->email_purpose + 8];
		snprintf(email, sizeof email, "%s (for %s)", r->email, r->email_purpose);
		if (table_fits(t, email)) {
			table_line(t, email, 1);
		} else {
			snprintf(email, sizeof email, "(for %s)", r->email_purpose);
			table_line(t, r->email, 1);
			table_line(t, email, 1);
		}
	}
	if (!inspection) {
		char held[160], words[200];
		property_words(r, held, sizeof held);
		if (held[0]) {
			snprintf(words, sizeof words, "Other property: %s", held);
			table_line(t, words, 0);
		}
	}
	table_date(t, r->entered_on);
	table_date(t, r->ceased_on);
	if (!inspection) {
		table_int(t, r->shares);
		table_amount(t, r->paid_pence);
	}
	table_end_row(t);
}

static void flat_entry(struct table *t, const struct register_row *r, int inspection)
{
	table_int(t, r->member_no);
	table_text(t, r->name);
	table_text(t, r->address);
	table_text(t, r->postcode);
	table_text(t, r->email);
	table_text(t, r->email_purpose);
	table_date(t, r->entered_on);
	table_date(t, r->ceased_on);
	if (!inspection) {
		table_int(t, r->shares);
		table_amount(t, r->paid_pence);
		/* Most members hold no other property: Markdown leaves it blank. */
		const int64_t held[] = { r->loan_pence, r->deposit_pence, r->other_pence };
		for (int i = 0; i < 3; i++) {
			if (held[i] || t->format == REPORT_CSV)
				table_amount(t, held[i]);
			else
				table_word(t, "");
		}
	}
	table_end_row(t);
}

static void heading(struct db *db, const struct report_opts *o, FILE *out, const char *day,
		    int inspection, const struct register_totals *tot)
{
	char coop[REPORT_COOP_MAX], title[80], shown[DATE_BUFSZ], count[200], produced[64];
	const char *lines[3];
	int n = 0;
	struct date d;
	date_parse(day, &d);
	date_format_uk(d, shown, sizeof shown);
	report_coop_name(db, coop, sizeof coop);
	snprintf(title, sizeof title, "Register of members as at %s", shown);
	if (inspection)
		lines[n++] = "Inspection copy (the Act s.103): without the entries of shares"
			     " and other property.";
	snprintf(count, sizeof count, "%lld %s: %lld %s on %s, %lld former %s.",
		 (long long)tot->entries, tot->entries == 1 ? "entry" : "entries",
		 (long long)tot->members, tot->members == 1 ? "member" : "members", shown,
		 (long long)tot->former, tot->former == 1 ? "member" : "members");
	lines[n++] = count;
	report_produced(produced, sizeof produced);
	lines[n++] = produced;
	report_heading(out, o, coop, title, lines, n);
}

static void footer(const struct report_opts *o, FILE *out, const struct register_totals *tot)
{
	char line[300], paid[MONEY_BUFSZ], loans[MONEY_BUFSZ], deposits[MONEY_BUFSZ],
		other[MONEY_BUFSZ];
	snprintf(line, sizeof line,
		 "Totals: %lld %s held, %s paid; other property held: loans %s, deposits %s,"
		 " other %s.",
		 (long long)tot->shares, tot->shares == 1 ? "share" : "shares",
		 money_format(tot->paid_pence, paid, sizeof paid),
		 money_format(tot->loan_pence, loans, sizeof loans),
		 money_format(tot->deposit_pence, deposits, sizeof deposits),
		 money_format(tot->other_pence, other, sizeof other));
	report_note(out, o, line);
}

int report_register(struct db *db, const struct actor *who, const char *as_at, int inspection,
		    const struct report_opts *o, FILE *out)
{
	char today[DATE_BUFSZ], day[DATE_BUFSZ];
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	if (access_level(who, AREA_SHARES, OP_READ) != ACCESS_ALL)
		inspection = 1;
	const char *on = as_at && *as_at ? as_at : date_format_iso(date_today(), today, sizeof today);

	struct register_totals tot;
	struct register_row *rows = malloc(PAGE * sizeof *rows);
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the register");
	int n = 0;
	if ((rc = register_as_at_totals(db, who, on, inspection, &tot)) ||
	    (rc = register_as_at_page(db, who, on, inspection, PAGE_FIRST, NULL, rows, PAGE, &n))) {
		free(rows);
		return rc;
	}
	/* The day as the data layer read it, as ISO, whatever was typed. */
	struct date d;
	date_parse(on, &d);
	date_format_iso(d, day, sizeof day);

	heading(db, o, out, day, inspection, &tot);
	struct table t;
	int text = o->format == REPORT_TEXT;
	const struct table_col *cols = text ? text_cols : flat_cols;
	int ncols = text ? (inspection ? TEXT_INSPECTION_COLS : (int)(sizeof text_cols / sizeof text_cols[0]))
			 : (inspection ? FLAT_INSPECTION_COLS : (int)(sizeof flat_cols / sizeof flat_cols[0]));
	table_begin(&t, out, o, cols, ncols);
	while (n > 0) {
		for (int i = 0; i < n; i++) {
			if (text)
				text_entry(&t, &rows[i], inspection);
			else
				flat_entry(&t, &rows[i], inspection);
		}
		if (n < PAGE)
			break;
		struct page_key key;
		register_row_key(&rows[n - 1], &key);
		if ((rc = register_as_at_page(db, who, day, inspection, PAGE_AFTER, &key, rows, PAGE,
					      &n)))
			break;
	}
	int failed = table_end(&t);
	free(rows);
	if (rc)
		return rc;
	if (!inspection)
		footer(o, out, &tot);
	return report_finish(db, out, failed);
}
