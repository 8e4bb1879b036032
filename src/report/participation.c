/*
 * src/report/participation.c: a year's participation, member by member,
 * against the co-op's expectation (report_participation).
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/decisions.h"
#include "coopdesk/settings.h"
#include "table.h"

#define PAGE 64
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static const struct table_col text_cols[] = {
	{ "No.", "", 5, TABLE_RIGHT },
	{ "Member", "", 0, TABLE_LEFT },
	{ "Meetings", "", 8, TABLE_RIGHT },
	{ "Expected", "", 8, TABLE_RIGHT },
	{ "Met", "", 3, TABLE_LEFT },
	{ "Hours", "", 7, TABLE_RIGHT },
};

static const struct table_col flat_cols[] = {
	{ "No.", "member_no", 0, TABLE_RIGHT },
	{ "Name", "name", 0, TABLE_LEFT },
	{ "Meetings attended", "meetings_attended", 0, TABLE_RIGHT },
	{ "Expected", "meetings_expected", 0, TABLE_RIGHT },
	{ "Met", "meets_expectation", 0, TABLE_LEFT },
	{ "Hours", "hours_given", 0, TABLE_RIGHT },
	{ "Minutes", "minutes_given", 0, TABLE_RIGHT },
};

/* Minutes as hours with two decimals, rounded half up: 150 is "2.50". */
static void hours(int64_t minutes, char *buf, size_t n)
{
	int64_t hundredths = (minutes * 100 + 30) / 60;
	snprintf(buf, n, "%lld.%02lld", (long long)(hundredths / 100), (long long)(hundredths % 100));
}

struct tally {
	int64_t members, met, minutes;
};

static void row(struct table *t, const struct participation_summary_row *r, int64_t expected,
		int csv, struct tally *tally)
{
	char h[32];
	int met = r->meetings_attended >= expected;
	table_int(t, r->member_no);
	table_text(t, r->name);
	table_int(t, r->meetings_attended);
	if (expected || csv)
		table_int(t, expected);
	else
		table_word(t, "");
	table_word(t, expected ? (met ? "yes" : "no") : "");
	hours(r->minutes_given, h, sizeof h);
	table_word(t, h);
	if (csv)
		table_int(t, r->minutes_given);
	table_end_row(t);
	tally->members++;
	tally->met += met;
	tally->minutes += r->minutes_given;
}

int report_participation(struct db *db, const struct actor *who, int year,
			 const struct report_opts *o, FILE *out)
{
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	if (year == 0)
		year = date_today().y;
	struct participation_summary_row *rows = malloc(PAGE * sizeof *rows);
	int64_t expected = 0;
	int n = 0;
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the participation summary");
	if ((rc = participation_summary_page(db, who, year, PAGE_FIRST, NULL, rows, PAGE, &n)) ||
	    (rc = setting_int(db, "meetings_expected_per_year", &expected))) {
		free(rows);
		return rc;
	}

	char coop[REPORT_COOP_MAX], title[80], who_line[120], expect[200], produced[64];
	char day[ISO_DATE_LEN], shown[DATE_BUFSZ];
	struct date d;
	const char *lines[] = { who_line, expect, produced };
	participation_summary_day(year, day);
	date_parse(day, &d);
	date_format_uk(d, shown, sizeof shown);
	report_coop_name(db, coop, sizeof coop);
	snprintf(title, sizeof title, "Participation in %d", year);
	snprintf(who_line, sizeof who_line,
		 "The members on the register on %s: general meetings held in %d that each"
		 " attended, and the hours each gave.", shown, year);
	if (expected)
		snprintf(expect, sizeof expect,
			 "The co-op expects each member at %lld general %s a year.",
			 (long long)expected, expected == 1 ? "meeting" : "meetings");
	else
		snprintf(expect, sizeof expect,
			 "The co-op sets no number of general meetings a member is expected at"
			 " (the setting meetings_expected_per_year is 0).");
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, title, lines, COUNT(lines));

	struct table t;
	struct tally tally = { 0 };
	int text = o->format == REPORT_TEXT, csv = o->format == REPORT_CSV;
	table_begin(&t, out, o, text ? text_cols : flat_cols,
		    text ? COUNT(text_cols) : csv ? COUNT(flat_cols) : COUNT(flat_cols) - 1);
	while (n > 0) {
		for (int i = 0; i < n; i++)
			row(&t, &rows[i], expected, csv, &tally);
		if (n < PAGE)
			break;
		struct page_key key;
		participation_summary_row_key(&rows[n - 1], &key);
		if ((rc = participation_summary_page(db, who, year, PAGE_AFTER, &key, rows, PAGE, &n)))
			break;
	}
	int failed = table_end(&t);
	free(rows);
	if (rc)
		return rc;
	char h[32], line[240];
	hours(tally.minutes, h, sizeof h);
	if (expected)
		snprintf(line, sizeof line, "%lld of %lld members attended at least %lld; %s hours"
			 " given in all.", (long long)tally.met, (long long)tally.members,
			 (long long)expected, h);
	else
		snprintf(line, sizeof line, "%lld members; %s hours given in all.",
			 (long long)tally.members, h);
	report_note(out, o, line);
	return report_finish(db, out, failed);
}
