/*
 * src/report/repairs.c: the repairs' documents: the overdue list
 * (report_overdue), the regulator's RP02 (report_rp02) and the export of
 * every repair or every event (report_repairs_export). Each says which
 * schemes (Right to Repair, Awaab's Law) were on when it was produced.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/clock.h"
#include "coopdesk/date.h"
#include "coopdesk/repair_export.h"
#include "coopdesk/repairs.h"
#include "coopdesk/zone.h"
#include "table.h"

#define PAGE 64
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

/* "on", "off", or "not set" for a co-op whose schema has no such setting
 * yet (the settings arrive with the Right to Repair and Awaab's Law work). */
static const char *scheme_state(struct db *db, const char *key)
{
	int64_t v;
	if (setting_int(db, key, &v) != DB_OK)
		return "not set";
	return v ? "on" : "off";
}

void report_schemes(struct db *db, char *buf, size_t n)
{
	snprintf(buf, n, "Schemes: Right to Repair %s; Awaab's Law %s.",
		 scheme_state(db, "scheme_right_to_repair"), scheme_state(db, "scheme_awaab"));
}

/* A target as a person reads it: a date, or an emergency's local time. */
static void target_cell(struct table *t, const char *target_at)
{
	char local[ZONE_TIME_BUFSZ];
	if (strlen(target_at) == 10 || t->format == REPORT_CSV) {
		if (strlen(target_at) == 10)
			table_date(t, target_at);
		else
			table_word(t, target_at);
		return;
	}
	table_word(t, zone_format(target_at, local, sizeof local));
}

/* ---- overdue ------------------------------------------------------------- */

static const struct table_col overdue_text_cols[] = {
	{ "Repair", "", 9, TABLE_LEFT },
	{ "Home", "", 9, TABLE_LEFT },
	{ "Priority", "", 10, TABLE_LEFT },
	{ "Target", "", 11, TABLE_LEFT },
	{ "Days late", "", 9, TABLE_RIGHT },
	{ "Summary", "", 0, TABLE_LEFT },
};

static const struct table_col overdue_flat_cols[] = {
	{ "Repair", "repair", 0, TABLE_LEFT },
	{ "Home", "home", 0, TABLE_LEFT },
	{ "Priority", "priority", 0, TABLE_LEFT },
	{ "Status", "status", 0, TABLE_LEFT },
	{ "Target", "target", 0, TABLE_LEFT },
	{ "Working days late", "working_days_late", 0, TABLE_RIGHT },
	{ "Right to Repair", "right_to_repair_days", 0, TABLE_RIGHT },
	{ "Damp and mould", "damp_hazard", 0, TABLE_LEFT },
	{ "Summary", "summary", 0, TABLE_LEFT },
};

/* Walks the open repairs past their target, by target (the most overdue
 * first), counting each priority into counts[], and writing each when t. */
static int overdue_walk(struct db *db, const struct actor *who, struct table *t,
			int64_t counts[5])
{
	struct repair_filter f = { .which = REPAIRS_OPEN, .overdue = 1 };
	struct repair_row rows[PAGE];
	struct page_key key;
	char ref[REF_BUFSZ];
	int n, rc = repair_page(db, who, &f, REPAIR_BY_TARGET, PAGE_FIRST, NULL, rows, PAGE, &n);
	memset(counts, 0, 5 * sizeof counts[0]);
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			const struct repair_row *r = &rows[i];
			counts[0]++;
			if (r->priority >= REPAIR_EMERGENCY && r->priority <= REPAIR_PLANNED)
				counts[r->priority]++;
			if (!t)
				continue;
			table_word(t, ref_format('R', r->id, ref, sizeof ref));
			table_text(t, r->home_ref);
			table_word(t, repair_priority_name(r->priority));
			if (t->format != REPORT_TEXT)
				table_word(t, repair_status_label(r->status));
			target_cell(t, r->target_at);
			table_int(t, r->days_late);
			if (t->format != REPORT_TEXT) {
				if (r->rtr_days)
					table_int(t, r->rtr_days);
				else
					table_word(t, "");
				table_word(t, repair_damp_name(r->damp_hazard));
				table_text(t, r->title);
			} else {
				table_text(t, r->title);
				char line[96];
				snprintf(line, sizeof line, "%s%s%s", repair_status_label(r->status),
					 r->rtr_days ? "; Right to Repair" : "",
					 r->damp_hazard ? "; damp and mould" : "");
				table_line(t, line, 0);
			}
			table_end_row(t);
		}
		if (n < PAGE)
			break;
		repair_row_key(&rows[n - 1], REPAIR_BY_TARGET, &key);
		rc = repair_page(db, who, &f, REPAIR_BY_TARGET, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	return rc;
}

int report_overdue(struct db *db, const struct actor *who, const struct report_opts *o,
		   FILE *out)
{
	int64_t counts[5];
	int rc = report_check_opts(db, o);
	if (rc || (rc = overdue_walk(db, who, NULL, counts)))
		return rc;
	char coop[REPORT_COOP_MAX], count[200], produced[64], schemes[128];
	const char *lines[] = { count, "Days late are working days: weekends and bank holidays"
			       " are not counted.", schemes, produced };
	report_coop_name(db, coop, sizeof coop);
	if (counts[0])
		snprintf(count, sizeof count, "%lld open %s past the target: %lld emergency,"
			 " %lld urgent, %lld routine, %lld planned.", (long long)counts[0],
			 counts[0] == 1 ? "repair" : "repairs", (long long)counts[1],
			 (long long)counts[2], (long long)counts[3], (long long)counts[4]);
	else
		snprintf(count, sizeof count, "No open repair is past its target.");
	report_schemes(db, schemes, sizeof schemes);
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, "Overdue repairs", lines, COUNT(lines));
	struct table t;
	int text = o->format == REPORT_TEXT;
	table_begin(&t, out, o, text ? overdue_text_cols : overdue_flat_cols,
		    text ? COUNT(overdue_text_cols) : COUNT(overdue_flat_cols));
	rc = overdue_walk(db, who, &t, counts);
	int failed = table_end(&t);
	return rc ? rc : report_finish(db, out, failed);
}

/* ---- RP02 ---------------------------------------------------------------- */

static const struct table_col rp02_cols[] = {
	{ "Repairs", "repairs", 0, TABLE_LEFT },
	{ "Completed", "completed", 10, TABLE_RIGHT },
	{ "Within target", "within_target", 14, TABLE_RIGHT },
	{ "Share", "share_percent", 8, TABLE_RIGHT },
};

/* "83.3%" (or "83.3" in CSV), rounded half up; "" when none were done. */
static void share_cell(struct table *t, int64_t done, int64_t in)
{
	char buf[32];
	if (done <= 0) {
		table_word(t, "");
		return;
	}
	int64_t tenths = (in * 1000 + done / 2) / done;
	snprintf(buf, sizeof buf, "%lld.%lld%s", (long long)(tenths / 10), (long long)(tenths % 10),
		 t->format == REPORT_CSV ? "" : "%");
	table_word(t, buf);
}

void report_rp02_period(const char *from, const char *to, char *first, char *last, size_t n)
{
	struct date today = date_today(), start = { today.m >= 4 ? today.y : today.y - 1, 4, 1 };
	char iso[DATE_BUFSZ];
	struct date d;
	if (from && *from && date_parse(from, &d) == DATE_OK)
		start = d;
	snprintf(first, n, "%s", date_format_iso(start, iso, sizeof iso));
	d = today;
	if (to && *to && date_parse(to, &d) != DATE_OK)
		d = today;
	snprintf(last, n, "%s", date_format_iso(d, iso, sizeof iso));
}

int report_rp02(struct db *db, const struct actor *who, const char *from, const char *to,
		const struct report_opts *o, FILE *out)
{
	char first[DATE_BUFSZ], last[DATE_BUFSZ];
	struct rp02 m;
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	char i1[CLOCK_ISO_LEN], i2[CLOCK_ISO_LEN];
	if ((rc = repair_period(db, from, to, i1, i2, sizeof i1)))
		return rc;
	report_rp02_period(from, to, first, last, sizeof first);
	if ((rc = repair_rp02(db, who, first, last, &m)))
		return rc;

	char coop[REPORT_COOP_MAX], period[160], produced[64], schemes[128], a[DATE_BUFSZ],
		b[DATE_BUFSZ];
	struct date da, db_;
	date_parse(first, &da);
	date_parse(last, &db_);
	snprintf(period, sizeof period, "Repairs completed from %s to %s, each against its"
		 " target: emergencies make safe in hours, the rest by working days.",
		 date_format_uk(da, a, sizeof a), date_format_uk(db_, b, sizeof b));
	const char *lines[] = { period, schemes, produced };
	report_coop_name(db, coop, sizeof coop);
	report_schemes(db, schemes, sizeof schemes);
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, "RP02: repairs completed within target", lines,
		       COUNT(lines));
	struct table t;
	table_begin(&t, out, o, rp02_cols, COUNT(rp02_cols));
	table_word(&t, "emergency");
	table_int(&t, m.emergency_completed);
	table_int(&t, m.emergency_in_target);
	share_cell(&t, m.emergency_completed, m.emergency_in_target);
	table_end_row(&t);
	table_word(&t, "non-emergency");
	table_int(&t, m.other_completed);
	table_int(&t, m.other_in_target);
	share_cell(&t, m.other_completed, m.other_in_target);
	table_end_row(&t);
	int failed = table_end(&t);
	if (!m.emergency_completed && !m.other_completed)
		report_note(out, o, "No repair was completed in the period.");
	return report_finish(db, out, failed);
}

/* ---- the export ---------------------------------------------------------- */

static const struct table_col export_cols[] = {
	{ "Repair", "repair", 0, TABLE_LEFT },
	{ "Home", "home", 0, TABLE_LEFT },
	{ "Reported at", "reported_at", 0, TABLE_LEFT },
	{ "Reported by", "reported_by", 0, TABLE_LEFT },
	{ "Summary", "summary", 0, TABLE_LEFT },
	{ "Location", "location", 0, TABLE_LEFT },
	{ "Description", "description", 0, TABLE_LEFT },
	{ "Priority", "priority", 0, TABLE_LEFT },
	{ "Status", "status", 0, TABLE_LEFT },
	{ "Right to Repair", "right_to_repair_days", 0, TABLE_RIGHT },
	{ "Damp and mould", "damp_hazard", 0, TABLE_LEFT },
	{ "Contractor", "contractor", 0, TABLE_LEFT },
	{ "Cost", "cost", 0, TABLE_RIGHT },
	{ "Target", "target", 0, TABLE_LEFT },
	{ "Completed at", "completed_at", 0, TABLE_LEFT },
	{ "Closed at", "closed_at", 0, TABLE_LEFT },
	{ "Reopened", "reopened", 0, TABLE_RIGHT },
	{ "Within target", "within_target", 0, TABLE_LEFT },
};

static const struct table_col event_cols[] = {
	{ "Event", "event", 0, TABLE_RIGHT },
	{ "Repair", "repair", 0, TABLE_LEFT },
	{ "Home", "home", 0, TABLE_LEFT },
	{ "At", "at", 0, TABLE_LEFT },
	{ "By", "by", 0, TABLE_LEFT },
	{ "From", "from_status", 0, TABLE_LEFT },
	{ "To", "to_status", 0, TABLE_LEFT },
	{ "Note", "note", 0, TABLE_LEFT },
};

/* Text from the database that may hold line breaks (a description, a
 * note): each line kept as a line of the cell, the rest made inert. */
static void lines_cell(struct table *t, const char *s)
{
	char line[REPAIR_DESCRIPTION_MAX * 4 + 1];
	int first = 1;
	do {
		size_t n = strcspn(s, "\n");
		if (n >= sizeof line)
			n = sizeof line - 1;
		memcpy(line, s, n);
		line[n] = '\0';
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		if (first)
			table_text(t, line);
		else
			table_line(t, line, 1);
		first = 0;
		s += n;
	} while (*s && *s++ == '\n');
}

static void repair_csv_row(struct table *t, const struct repair_export_row *r)
{
	char ref[REF_BUFSZ];
	table_word(t, ref_format('R', r->id, ref, sizeof ref));
	table_text(t, r->home_ref);
	table_word(t, r->reported_at);
	table_text(t, r->reported_by);
	table_text(t, r->title);
	table_text(t, r->location);
	lines_cell(t, r->description);
	table_word(t, repair_priority_name(r->priority));
	table_word(t, repair_status_name(r->status));
	if (r->rtr_days)
		table_int(t, r->rtr_days);
	else
		table_word(t, "");
	table_word(t, repair_damp_name(r->damp_hazard));
	table_text(t, r->contractor);
	if (r->has_cost)
		table_amount(t, r->cost_pence);
	else
		table_word(t, "");
	target_cell(t, r->target_at);
	table_word(t, r->completed_at);
	table_word(t, r->closed_at);
	table_int(t, r->reopened);
	table_word(t, r->within_target < 0 ? "" : r->within_target ? "yes" : "no");
	table_end_row(t);
}

static void event_csv_row(struct table *t, const struct repair_export_event *e)
{
	char ref[REF_BUFSZ];
	table_int(t, e->id);
	table_word(t, ref_format('R', e->repair_id, ref, sizeof ref));
	table_text(t, e->home_ref);
	table_word(t, e->at);
	table_text(t, e->actor);
	table_word(t, e->from_status == REPAIR_NO_STATUS ? "" : repair_status_name(e->from_status));
	table_word(t, repair_status_name(e->to_status));
	lines_cell(t, e->note);
	table_end_row(t);
}

int report_repairs_export(struct db *db, const struct actor *who, const char *from,
			  const char *to, int events, const struct report_opts *o, FILE *out)
{
	int n, rc = report_check_opts(db, o);
	if (rc)
		return rc;
	if (o->format != REPORT_CSV)
		return db_note_error(db, DB_INVALID, "the repairs are exported as CSV");
	struct repair_export_row *rows = NULL;
	struct repair_export_event *evs = NULL;
	/* The first page finds any refusal before anything is written. */
	if (events) {
		if (!(evs = calloc(PAGE, sizeof *evs)))
			return db_note_error(db, DB_ERROR, "out of memory");
		rc = repair_export_events(db, who, from, to, 0, evs, PAGE, &n);
	} else {
		if (!(rows = calloc(PAGE, sizeof *rows)))
			return db_note_error(db, DB_ERROR, "out of memory");
		rc = repair_export_page(db, who, from, to, 0, rows, PAGE, &n);
	}
	struct table t;
	int begun = !rc;
	if (begun)
		table_begin(&t, out, o, events ? event_cols : export_cols,
			    events ? COUNT(event_cols) : COUNT(export_cols));
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			if (events)
				event_csv_row(&t, &evs[i]);
			else
				repair_csv_row(&t, &rows[i]);
		}
		if (n < PAGE)
			break;
		if (events)
			rc = repair_export_events(db, who, from, to, evs[n - 1].id, evs, PAGE, &n);
		else
			rc = repair_export_page(db, who, from, to, rows[n - 1].id, rows, PAGE, &n);
	}
	free(rows);
	free(evs);
	int failed = begun ? table_end(&t) : 0;
	return rc ? rc : report_finish(db, out, failed);
}
