/*
 * src/report/participation.c: a year's participation, member by member,
 * against the co-op's expectations of meetings and hours
 * (report_participation).
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/decisions.h"
#include "coopdesk/settings.h"
#include "table.h"

#define PAGE 64
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

/* Each expectation's columns follow what they judge: the meetings
 * attended, then the hours given, each with what is expected and whether
 * it was met. */
static const struct table_col text_cols[] = {
	{ "No.", "", 5, TABLE_RIGHT },
	{ "Member", "", 0, TABLE_LEFT },
	{ "Meetings", "", 8, TABLE_RIGHT },
	{ "Expected", "", 8, TABLE_RIGHT },
	{ "Met", "", 3, TABLE_LEFT },
	{ "Hours", "", 7, TABLE_RIGHT },
	{ "Expected", "", 8, TABLE_RIGHT },
	{ "Met", "", 3, TABLE_LEFT },
};

/* Markdown takes all but the last (the minutes, for programs). */
static const struct table_col flat_cols[] = {
	{ "No.", "member_no", 0, TABLE_RIGHT },
	{ "Name", "name", 0, TABLE_LEFT },
	{ "Meetings attended", "meetings_attended", 0, TABLE_RIGHT },
	{ "Meetings expected", "meetings_expected", 0, TABLE_RIGHT },
	{ "Meetings met", "meetings_met", 0, TABLE_LEFT },
	{ "Hours given", "hours_given", 0, TABLE_RIGHT },
	{ "Hours expected", "hours_expected", 0, TABLE_RIGHT },
	{ "Hours met", "hours_met", 0, TABLE_LEFT },
	{ "Both met", "meets_expectation", 0, TABLE_LEFT },
	{ "Minutes", "minutes_given", 0, TABLE_RIGHT },
};

/* Minutes as hours with two decimals, rounded half up: 150 is "2.50". */
static void hours(int64_t minutes, char *buf, size_t n)
{
	int64_t hundredths = (minutes * 100 + 30) / 60;
	snprintf(buf, n, "%lld.%02lld", (long long)(hundredths / 100), (long long)(hundredths % 100));
}

struct tally {
	int64_t members, met, meetings_met, hours_met, minutes;
};

/* "yes" or "no" when something is expected; nothing when not. */
static const char *met_word(int64_t expected, int met)
{
	return expected ? (met ? "yes" : "no") : "";
}

/* A member's row. The expected cells are empty in text and Markdown when
 * the co-op expects none (CSV always has the number), and so are the met
 * cells. Text leaves out "both met": the two met columns say it. */
static void row(struct table *t, const struct participation_summary_row *r, int text, int csv,
		struct tally *tally)
{
	char given[32], expected[32];
	table_int(t, r->member_no);
	table_text(t, r->name);
	table_int(t, r->meetings_attended);
	if (r->meetings_expected || csv)
		table_int(t, r->meetings_expected);
	else
		table_word(t, "");
	table_word(t, met_word(r->meetings_expected, r->meetings_met));
	hours(r->minutes_given, given, sizeof given);
	hours(r->minutes_expected, expected, sizeof expected);
	table_word(t, given);
	table_word(t, r->minutes_expected || csv ? expected : "");
	table_word(t, met_word(r->minutes_expected, r->hours_met));
	if (!text)
		table_word(t, met_word(r->meetings_expected || r->minutes_expected,
				       r->meets_expectation));
	if (csv)
		table_int(t, r->minutes_given);
	table_end_row(t);
	tally->members++;
	tally->met += r->meets_expectation;
	tally->meetings_met += r->meetings_met;
	tally->hours_met += r->hours_met;
	tally->minutes += r->minutes_given;
}

/* What the co-op expects, in a sentence for the heading: both settings,
 * either, or neither. */
static void expect_sentence(char *buf, size_t n, int64_t meetings, int64_t hrs)
{
	char attend[64], give[64];
	snprintf(attend, sizeof attend, "to attend %lld general %s", (long long)meetings,
		 meetings == 1 ? "meeting" : "meetings");
	snprintf(give, sizeof give, "to give %lld %s of their time", (long long)hrs,
		 hrs == 1 ? "hour" : "hours");
	if (meetings && hrs)
		snprintf(buf, n, "The co-op expects each member %s and %s a year.", attend, give);
	else if (meetings)
		snprintf(buf, n, "The co-op expects each member %s a year, and sets no hours"
			 " (the setting hours_expected_per_year is 0).", attend);
	else if (hrs)
		snprintf(buf, n, "The co-op expects each member %s a year, and sets no number of"
			 " general meetings (the setting meetings_expected_per_year is 0).", give);
	else
		snprintf(buf, n, "The co-op sets no expectation: the settings"
			 " meetings_expected_per_year and hours_expected_per_year are both 0.");
}

/* How many met what was expected, and the hours given in all, in a
 * sentence for after the table. */
static void tally_sentence(char *buf, size_t n, const struct tally *t, int64_t meetings,
			   int64_t hrs)
{
	char all[32];
	hours(t->minutes, all, sizeof all);
	if (meetings && hrs)
		snprintf(buf, n, "%lld of %lld members met both: %lld attended at least %lld, %lld"
			 " gave at least %lld %s; %s hours given in all.", (long long)t->met,
			 (long long)t->members, (long long)t->meetings_met, (long long)meetings,
			 (long long)t->hours_met, (long long)hrs, hrs == 1 ? "hour" : "hours", all);
	else if (meetings)
		snprintf(buf, n, "%lld of %lld members attended at least %lld; %s hours given in"
			 " all.", (long long)t->met, (long long)t->members, (long long)meetings, all);
	else if (hrs)
		snprintf(buf, n, "%lld of %lld members gave at least %lld %s; %s hours given in"
			 " all.", (long long)t->met, (long long)t->members, (long long)hrs,
			 hrs == 1 ? "hour" : "hours", all);
	else
		snprintf(buf, n, "%lld members; %s hours given in all.", (long long)t->members, all);
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
	int64_t meetings = 0, hrs = 0;
	int n = 0;
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the participation summary");
	if ((rc = participation_summary_page(db, who, year, PAGE_FIRST, NULL, rows, PAGE, &n)) ||
	    (rc = setting_int(db, "meetings_expected_per_year", &meetings)) ||
	    (rc = setting_int(db, "hours_expected_per_year", &hrs))) {
		free(rows);
		return rc;
	}

	char coop[REPORT_COOP_MAX], title[80], who_line[120], expect[320], produced[64];
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
	expect_sentence(expect, sizeof expect, meetings, hrs);
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, title, lines, COUNT(lines));

	struct table t;
	struct tally tally = { 0 };
	int text = o->format == REPORT_TEXT, csv = o->format == REPORT_CSV;
	table_begin(&t, out, o, text ? text_cols : flat_cols,
		    text ? COUNT(text_cols) : csv ? COUNT(flat_cols) : COUNT(flat_cols) - 1);
	while (n > 0) {
		for (int i = 0; i < n; i++)
			row(&t, &rows[i], text, csv, &tally);
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
	char line[320];
	tally_sentence(line, sizeof line, &tally, meetings, hrs);
	report_note(out, o, line);
	return report_finish(db, out, failed);
}
