/*
 * src/report/repair_schemes.c: the reports of the schemes that may bind
 * repairs (domain.md "Repairs"), each saying which schemes were on:
 *
 *   report_right_to_repair  the repairs reported in the period under a
 *       defect of the Right to Repair schedule: the defect, its days, the
 *       due day (or that the cost took it out), when done, whether the
 *       target was met, the second contractor asked for, compensation due
 *       and settled; totals in the heading.
 *   report_awaab  the damp and mould repairs reported in the period, one
 *       row per clock of Awaab's Law (investigate or make safe, written
 *       summary, safety work): its due day, when done, and whether it is
 *       running, met, late or breached; totals in the heading.
 *
 * Each repair is read whole (repair_get works out its due days): a
 * period's scheme repairs are tens, not millions, and they are found
 * through their own indexes (repair_scheme_page).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/money.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/repairs.h"
#include "coopdesk/zone.h"
#include "table.h"

#define PAGE 64
#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

/* Walks the scheme's repairs of the period, calling row (when not NULL)
 * for each, read whole; `acc` adds each up. */
struct walk {
	struct db *db;
	const struct actor *who;
	int damp;
	const char *from, *to;
	void (*row)(struct walk *w, const struct repair *r);
	struct table *t;
	int csv;                /* CSV: each row ends with the schemes in force */
	char schemes[64];
	int64_t n, met, missed, open, second, due, paid, rent;
	int64_t running, late, breached;
};

static int walk(struct walk *w)
{
	int64_t ids[PAGE];
	char at[PAGE][REPAIR_INSTANT_LEN], last_at[REPAIR_INSTANT_LEN] = "";
	int64_t last_id = 0;
	int n, rc;
	struct repair *r = malloc(sizeof *r);
	if (!r)
		return db_note_error(w->db, DB_ERROR, "out of memory");
	do {
		rc = repair_scheme_page(w->db, w->who, w->damp, w->from, w->to, last_at, last_id, ids,
					at, PAGE, &n);
		for (int i = 0; rc == DB_OK && i < n; i++) {
			if ((rc = repair_get(w->db, w->who, ids[i], r)))
				break;
			if (w->row)
				w->row(w, r);
		}
		if (n > 0) {
			last_id = ids[n - 1];
			memcpy(last_at, at[n - 1], sizeof last_at);
		}
	} while (rc == DB_OK && n == PAGE);
	free(r);
	return rc;
}

/* "Schemes in force: Right to Repair on, Awaab's Law off." */
static int schemes_line(struct db *db, char *buf, size_t n, int *rtr_on, int *awaab_on,
			char *short_words)
{
	struct repair_rules rules;
	int rc = repair_rules_load(db, &rules);
	if (rc)
		return rc;
	*rtr_on = !rules.rtr_off;
	*awaab_on = !rules.awaab_off;
	if (short_words)
		snprintf(short_words, 64, "right_to_repair=%s awaab=%s", *rtr_on ? "on" : "off",
			 *awaab_on ? "on" : "off");
	snprintf(buf, n, "Schemes in force: Right to Repair %s, Awaab's Law %s (the settings"
		 " scheme_right_to_repair and scheme_awaab).", *rtr_on ? "on" : "off",
		 *awaab_on ? "on" : "off");
	return DB_OK;
}

/* A scheme that is off: in CSV, one row that says so (the schemes in
 * force, the other cells empty); nothing in text and Markdown, whose
 * heading said it. Returns table_end's. */
static int scheme_off_csv(FILE *out, const struct report_opts *o, const struct table_col *cols,
			  int ncols, const char *schemes)
{
	struct table t;
	if (o->format != REPORT_CSV)
		return 0;
	table_begin(&t, out, o, cols, ncols);
	for (int i = 0; i < ncols - 1; i++)
		table_text(&t, "");
	table_word(&t, schemes);
	table_end_row(&t);
	return table_end(&t);
}

static void period_words(const char *from, const char *to, char *buf, size_t n)
{
	char a[DATE_BUFSZ] = "", b[DATE_BUFSZ] = "";
	struct date d;
	if (from && *from && date_parse(from, &d) == DATE_OK)
		date_format_uk(d, a, sizeof a);
	if (to && *to && date_parse(to, &d) == DATE_OK)
		date_format_uk(d, b, sizeof b);
	else
		date_format_uk(date_today(), b, sizeof b);
	snprintf(buf, n, "Repairs reported %s%s to %s.", a[0] ? "from " : "up", a[0] ? a : "", b);
}

/* ---- Right to Repair ------------------------------------------------------------ */

/* Text: the home under the repair, the settlement in place of the amount. */
static const struct table_col rtr_text_cols[] = {
	{ "Repair", "", 8, TABLE_LEFT },
	{ "Defect", "", 0, TABLE_LEFT },
	{ "Days", "", 4, TABLE_RIGHT },
	{ "Due", "", 10, TABLE_LEFT },
	{ "Done", "", 10, TABLE_LEFT },
	{ "Met", "", 4, TABLE_LEFT },
	{ "2nd asked", "", 10, TABLE_LEFT },
	{ "Owed", "", 6, TABLE_RIGHT },
};

static const struct table_col rtr_cols[] = {
	{ "Repair", "repair", 8, TABLE_LEFT },
	{ "Home", "home", 8, TABLE_LEFT },
	{ "Defect", "defect", 0, TABLE_LEFT },
	{ "Days", "days", 4, TABLE_RIGHT },
	{ "Due", "due_on", 10, TABLE_LEFT },
	{ "Done", "completed_on", 10, TABLE_LEFT },
	{ "Met", "met", 4, TABLE_LEFT },
	{ "2nd asked", "second_asked_on", 10, TABLE_LEFT },
	{ "Owed", "compensation_due", 7, TABLE_RIGHT },
	{ "Settled", "compensation_settled", 7, TABLE_LEFT },
	{ "Schemes", "schemes_in_force", 0, TABLE_LEFT },   /* CSV only */
};

/* The local date of an instant (repairs are stamped in UTC). */
static void local_day(const char *instant, char out[REPAIR_DATE_LEN])
{
	struct date d;
	if (strlen(instant) > 10 && zone_date(instant, &d) == 0)
		date_format_iso(d, out, REPAIR_DATE_LEN);
	else
		snprintf(out, REPAIR_DATE_LEN, "%.10s", instant);   /* "" or a date already */
}

/* Whether a repair met its Right to Repair target: "yes", "no", or
 * "open" while it is still to be done and not yet past it. */
static const char *met(const struct repair *r, char done[REPAIR_DATE_LEN])
{
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	repair_now(now, today);
	done[0] = '\0';
	if (r->completed_at[0])
		local_day(r->completed_at, done);
	if (!r->rtr_due[0])
		return "-";
	if (done[0])
		return strcmp(done, r->rtr_due) <= 0 ? "yes" : "no";
	if (r->status == REPAIR_CANCELLED)
		return "-";
	return strcmp(today, r->rtr_due) > 0 ? "no" : "open";
}

static void rtr_row(struct walk *w, const struct repair *r)
{
	char done[REPAIR_DATE_LEN];
	const char *m = met(r, done);
	w->n++;
	w->met += strcmp(m, "yes") == 0;
	w->missed += strcmp(m, "no") == 0;
	w->open += strcmp(m, "open") == 0;
	w->second += r->rtr_second_on[0] != '\0';
	if (r->rtr_comp_settled[0]) {
		if (strcmp(r->rtr_comp_settled, "rent") == 0)
			w->rent += r->rtr_comp_paid_pence;
		else
			w->paid += r->rtr_comp_paid_pence;
	} else {
		w->due += r->rtr_compensation_pence;
	}
	if (!w->t)
		return;
	struct table *t = w->t;
	int text = t->format == REPORT_TEXT;
	table_word(t, r->ref);
	if (text)
		table_line(t, r->home_ref, 1);
	else
		table_text(t, r->home_ref);
	table_text(t, r->rtr_defect[0] ? r->rtr_defect : "(not named)");
	table_int(t, r->rtr_days);
	if (r->rtr_due[0])
		table_date(t, r->rtr_due);
	else
		table_word(t, "over cost");
	table_date(t, done);
	table_word(t, m);
	table_date(t, r->rtr_second_on);
	const char *settled = !r->rtr_comp_settled[0] ? ""
		: strcmp(r->rtr_comp_settled, "rent") == 0 ? "rent" : "paid";
	if (text && settled[0]) {
		table_word(t, settled);
	} else {
		table_amount(t, settled[0] ? 0 : r->rtr_compensation_pence);
		if (!text)
			table_word(t, settled);
	}
	if (w->csv)
		table_word(t, w->schemes);
	table_end_row(t);
}

int report_right_to_repair(struct db *db, const struct actor *who, const char *from,
			   const char *to, const struct report_opts *o, FILE *out)
{
	int rtr_on, awaab_on;
	char coop[REPORT_COOP_MAX], schemes[160], period[80], counts[200], money_line[200];
	char produced[64], a[MONEY_BUFSZ], b[MONEY_BUFSZ], c[MONEY_BUFSZ];
	struct walk w = { .db = db, .who = who, .damp = 0, .from = from, .to = to, .row = rtr_row };
	int rc = report_check_opts(db, o);
	if (rc || (rc = schemes_line(db, schemes, sizeof schemes, &rtr_on, &awaab_on, w.schemes)))
		return rc;
	if (rtr_on && (rc = walk(&w)))   /* counts, and any refusal, before writing */
		return rc;
	period_words(from, to, period, sizeof period);
	snprintf(counts, sizeof counts, "%lld qualifying %s: %lld met the target, %lld missed it,"
		 " %lld still within it; %lld second %s asked for.", (long long)w.n,
		 w.n == 1 ? "repair" : "repairs", (long long)w.met, (long long)w.missed,
		 (long long)w.open, (long long)w.second, w.second == 1 ? "contractor" : "contractors");
	snprintf(money_line, sizeof money_line, "Compensation due %s; paid %s; set against rent"
		 " arrears %s.", money_format(w.due, a, sizeof a), money_format(w.paid, b, sizeof b),
		 money_format(w.rent, c, sizeof c));
	report_produced(produced, sizeof produced);
	const char *lines[] = { schemes, period, counts, money_line, produced };
	const char *off[] = { schemes, "Right to Repair does not bind the co-op: there is nothing"
			      " to report.", produced };
	report_coop_name(db, coop, sizeof coop);
	if (!rtr_on) {
		report_heading(out, o, coop, "Right to Repair", off, COUNT(off));
		return report_finish(db, out, scheme_off_csv(out, o, rtr_cols, COUNT(rtr_cols),
							     w.schemes));
	}
	report_heading(out, o, coop, "Right to Repair", lines, COUNT(lines));
	struct table t;
	w.csv = o->format == REPORT_CSV;
	if (o->format == REPORT_TEXT)
		table_begin(&t, out, o, rtr_text_cols, COUNT(rtr_text_cols));
	else
		table_begin(&t, out, o, rtr_cols, COUNT(rtr_cols) - !w.csv);
	memset(&w.n, 0, sizeof w - offsetof(struct walk, n));
	w.t = &t;
	rc = walk(&w);
	int failed = table_end(&t);
	return rc ? rc : report_finish(db, out, failed);
}

/* ---- Awaab's Law ---------------------------------------------------------------------- */

static const struct table_col awaab_text_cols[] = {
	{ "Repair", "", 8, TABLE_LEFT },
	{ "Hazard", "", 11, TABLE_LEFT },
	{ "Clock", "", 0, TABLE_LEFT },
	{ "Due", "", 16, TABLE_LEFT },
	{ "Done", "", 10, TABLE_LEFT },
	{ "State", "", 8, TABLE_LEFT },
};

static const struct table_col awaab_cols[] = {
	{ "Repair", "repair", 8, TABLE_LEFT },
	{ "Home", "home", 8, TABLE_LEFT },
	{ "Hazard", "hazard", 11, TABLE_LEFT },
	{ "Clock", "clock", 0, TABLE_LEFT },
	{ "Due", "due", 16, TABLE_LEFT },
	{ "Done", "done_on", 10, TABLE_LEFT },
	{ "State", "state", 8, TABLE_LEFT },
	{ "Schemes", "schemes_in_force", 0, TABLE_LEFT },   /* CSV only */
};

static void clock_row(struct walk *w, const struct repair *r, const char *name, const char *due,
		  const char *done)
{
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN], day[REPAIR_DATE_LEN];
	const char *state;
	repair_now(now, today);
	if (!due[0]) {
		state = "waiting";
	} else if (done[0]) {
		local_day(due, day);
		state = strcmp(done, day) <= 0 ? "met" : "late";
		w->late += state[0] == 'l';
	} else if (repair_target_passed(due, now, today) && r->status != REPAIR_CANCELLED) {
		state = "breached";
		w->breached++;
	} else {
		state = r->status == REPAIR_CANCELLED ? "stopped" : "running";
		w->running += state[0] == 'r';
	}
	if (!w->t)
		return;
	struct table *t = w->t;
	table_word(t, r->ref);
	if (t->format == REPORT_TEXT)
		table_line(t, r->home_ref, 1);
	else
		table_text(t, r->home_ref);
	table_word(t, repair_damp_name(r->damp_hazard));
	table_word(t, name);
	if (strlen(due) == 10) {
		table_date(t, due);
	} else {
		char shown[32];
		table_text(t, due[0] ? zone_format(due, shown, sizeof shown) : "");
	}
	table_date(t, done);
	table_word(t, state);
	if (w->csv)
		table_word(t, w->schemes);
	table_end_row(t);
}

static void awaab_row(struct walk *w, const struct repair *r)
{
	w->n++;
	int emergency = r->damp_hazard == REPAIR_DAMP_EMERGENCY;
	clock_row(w, r, emergency ? "make safe" : "investigate", r->damp_investigate_due,
	      r->investigated_on);
	if (!emergency) {
		clock_row(w, r, "written summary", r->damp_summary_due, r->summary_sent_on);
		clock_row(w, r, "safety work", r->damp_safety_due, r->safety_done_on);
	}
}

int report_awaab(struct db *db, const struct actor *who, const char *from, const char *to,
		 const struct report_opts *o, FILE *out)
{
	int rtr_on, awaab_on;
	char coop[REPORT_COOP_MAX], schemes[160], period[80], counts[240], produced[64];
	struct walk w = { .db = db, .who = who, .damp = 1, .from = from, .to = to, .row = awaab_row };
	int rc = report_check_opts(db, o);
	if (rc || (rc = schemes_line(db, schemes, sizeof schemes, &rtr_on, &awaab_on, w.schemes)))
		return rc;
	if (awaab_on && (rc = walk(&w)))
		return rc;
	period_words(from, to, period, sizeof period);
	snprintf(counts, sizeof counts, "%lld damp and mould %s: %lld %s running, %lld breached,"
		 " %lld met late.", (long long)w.n, w.n == 1 ? "repair" : "repairs",
		 (long long)w.running, w.running == 1 ? "clock" : "clocks", (long long)w.breached,
		 (long long)w.late);
	report_produced(produced, sizeof produced);
	const char *lines[] = { schemes, period, counts, produced };
	const char *off[] = { schemes, "Awaab's Law does not bind the co-op: there is nothing"
			      " to report.", produced };
	report_coop_name(db, coop, sizeof coop);
	if (!awaab_on) {
		report_heading(out, o, coop, "Awaab's Law: damp and mould", off, COUNT(off));
		return report_finish(db, out, scheme_off_csv(out, o, awaab_cols, COUNT(awaab_cols),
							     w.schemes));
	}
	report_heading(out, o, coop, "Awaab's Law: damp and mould", lines, COUNT(lines));
	struct table t;
	w.csv = o->format == REPORT_CSV;
	if (o->format == REPORT_TEXT)
		table_begin(&t, out, o, awaab_text_cols, COUNT(awaab_text_cols));
	else
		table_begin(&t, out, o, awaab_cols, COUNT(awaab_cols) - !w.csv);
	memset(&w.n, 0, sizeof w - offsetof(struct walk, n));
	w.t = &t;
	rc = walk(&w);
	int failed = table_end(&t);
	return rc ? rc : report_finish(db, out, failed);
}
