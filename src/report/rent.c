/*
 * src/report/rent.c: the rent statement of a tenancy (the rent book the
 * Landlord and Tenant Act 1985 s.4 requires, with the landlord's name and
 * address as s.5 does) and the arrears list.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "table.h"

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))
#define PAGE 64

/* Text from the database, made inert, into buf. */
static char *inert_into(const char *s, char *buf, size_t n)
{
	text_inert(s, buf, n);
	return buf;
}

/* "£185.00 owed", "£12.00 in credit", "nothing owed". */
static char *owed_words(int64_t balance, char *buf, size_t n)
{
	char money[MONEY_BUFSZ];
	if (balance == 0)
		snprintf(buf, n, "nothing owed");
	else
		snprintf(buf, n, "%s %s", money_format(balance < 0 ? -balance : balance, money,
						       sizeof money),
			 balance > 0 ? "owed" : "in credit");
	return buf;
}

/* The landlord's name and address (settings coop_name, coop_address). */
static void landlord_line(struct db *db, char *buf, size_t n)
{
	char name[REPORT_COOP_MAX], raw[REPORT_COOP_MAX], address[REPORT_COOP_MAX];
	report_coop_name(db, name, sizeof name);
	char *shown = malloc(3 * strlen(name) + 1);
	if (shown)
		text_inert(name, shown, 3 * strlen(name) + 1);
	if (setting_text(db, "coop_address", raw, sizeof raw) != DB_OK)
		raw[0] = '\0';
	inert_into(raw, address, sizeof address);
	if (address[0])
		snprintf(buf, n, "Landlord: %s, %s (Landlord and Tenant Act 1985 s.5).",
			 shown ? shown : "", address);
	else
		snprintf(buf, n, "Landlord: %s (the co-op's address is not recorded: the board"
			 " sets it in the setting coop_address).", shown ? shown : "");
	free(shown);
}

/* ---- the rent statement ----------------------------------------------------- */

static const struct table_col statement_cols[] = {
	{ "No.", "entry_no", 6, TABLE_RIGHT },
	{ "Date", "entry_date", 10, TABLE_LEFT },
	{ "Entry", "entry", 0, TABLE_LEFT },
	{ "Owed", "owed", 10, TABLE_RIGHT },
	{ "Paid", "paid", 10, TABLE_RIGHT },
	{ "Balance", "balance", 11, TABLE_RIGHT },
};

/* What the row says beyond its description: "by cash, ref. S/O 1",
 * "reversed by entry 12"; "" when nothing (the run's own charges). */
static void entry_detail(const struct rent_entry *e, char *buf, size_t n)
{
	size_t k = 0;
	buf[0] = '\0';
	if (e->method[0])
		k += (size_t)snprintf(buf + k, n - k, "by %s", e->method);
	if (k < n && e->reference[0] && strcmp(e->reference, RENT_RUN_REFERENCE) != 0)
		k += (size_t)snprintf(buf + k, n - k, "%sref. %s", k ? ", " : "", e->reference);
	if (k < n && e->reversed_by)
		snprintf(buf + k, n - k, "%sreversed by entry %lld", k ? ", " : "",
			 (long long)e->reversed_by);
}

static void statement_row(struct table *t, const struct rent_entry *e, int64_t balance)
{
	char detail[sizeof e->reference + 96], kind[32];
	table_int(t, e->id);
	table_date(t, e->entry_date);
	entry_detail(e, detail, sizeof detail);
	snprintf(kind, sizeof kind, "%s", rent_entry_kind_name(e->kind));
	kind[0] = (char)(kind[0] - 'a' + 'A');
	if (e->description[0])
		table_text(t, e->description);
	else
		table_word(t, kind);
	if (detail[0])
		table_line(t, detail, 1);
	if (e->amount_pence > 0)
		table_amount(t, e->amount_pence);
	else
		table_word(t, "");
	if (e->amount_pence < 0)
		table_amount(t, -e->amount_pence);
	else
		table_word(t, "");
	table_amount(t, balance);
	table_end_row(t);
}

/* The tenancy's facts for the heading. */
static void tenancy_lines(const struct tenancy *t, char *tenants, size_t tn, char *home,
			  size_t hn)
{
	char name[sizeof t->signatories[0].name * 3 + 1];
	size_t used = 0;
	tenants[0] = '\0';
	for (int i = 0; i < t->nsignatories && used < tn; i++) {
		inert_into(t->signatories[i].name, name, sizeof name);
		int w = snprintf(tenants + used, tn - used, "%s%s", i ? ", " : "Tenant: ", name);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	if (used < tn)
		snprintf(tenants + used, tn - used, ".");
	char ref[sizeof t->home_ref * 3], address[sizeof t->home_address * 3];
	char from[ZONE_TIME_BUFSZ], to[ZONE_TIME_BUFSZ];
	inert_into(t->home_ref, ref, sizeof ref);
	inert_into(t->home_address, address, sizeof address);
	zone_format(t->start_date, from, sizeof from);
	if (t->end_date[0])
		snprintf(home, hn, "Home: %s, %s. Tenancy %lld, from %s to %s.", ref, address,
			 (long long)t->id, from, zone_format(t->end_date, to, sizeof to));
	else
		snprintf(home, hn, "Home: %s, %s. Tenancy %lld, from %s.", ref, address,
			 (long long)t->id, from);
}

int report_rent_statement(struct db *db, const struct actor *who, int64_t tenancy_id,
			  const char *from, const char *to, const struct report_opts *o, FILE *out)
{
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	char day_from[DATE_BUFSZ], day_to[DATE_BUFSZ];
	struct date d;
	if (to && to[0]) {
		if (date_parse(to, &d) != DATE_OK)
			return db_note_error(db, DB_INVALID, "the statement's last day is not a date");
		date_format_iso(d, day_to, sizeof day_to);
	} else {
		date_format_iso(date_today(), day_to, sizeof day_to);
	}
	int64_t opening = 0, weekly = 0, now = 0;
	/* The access check first: another's account is "no such tenancy". */
	if ((rc = rent_balance(db, who, tenancy_id, &now, &weekly)))
		return rc;
	struct tenancy *t = malloc(sizeof *t);
	if (!t)
		return db_note_error(db, DB_ERROR, "out of memory for the rent statement");
	if ((rc = tenancy_get(db, who, tenancy_id, t))) {
		free(t);
		return rc;
	}
	if (from && from[0]) {
		if (date_parse(from, &d) != DATE_OK) {
			free(t);
			return db_note_error(db, DB_INVALID, "the statement's first day is not a date");
		}
		date_format_iso(d, day_from, sizeof day_from);
	} else {
		snprintf(day_from, sizeof day_from, "%s", t->start_date);
	}
	char shown_from[ZONE_TIME_BUFSZ], shown_to[ZONE_TIME_BUFSZ];
	zone_format(day_from, shown_from, sizeof shown_from);
	zone_format(day_to, shown_to, sizeof shown_to);
	if (strcmp(day_from, day_to) > 0) {
		free(t);
		return db_note_error(db, DB_INVALID, "the statement's first day (%s) is after its last"
				     " (%s)", shown_from, shown_to);
	}
	if ((rc = rent_balance_before(db, who, tenancy_id, day_from, &opening))) {
		free(t);
		return rc;
	}
	char coop[REPORT_COOP_MAX], landlord[3 * REPORT_COOP_MAX + 160];
	char tenants[TENANCY_MAX_SIGNATORIES * (MEMBER_NAME_MAX * 12 + 4) + 16];
	char home[3 * (sizeof t->home_ref + sizeof t->home_address) + 160];
	char period[200], open_line[200], rent[160], produced[64], words[64], money[MONEY_BUFSZ];
	report_coop_name(db, coop, sizeof coop);
	landlord_line(db, landlord, sizeof landlord);
	tenancy_lines(t, tenants, sizeof tenants, home, sizeof home);
	free(t);
	snprintf(period, sizeof period, "From %s to %s.", shown_from, shown_to);
	if (weekly)
		snprintf(rent, sizeof rent, "Rent: %s a week.", money_format(weekly, money,
									    sizeof money));
	else
		snprintf(rent, sizeof rent, "Rent: no rent is set.");
	snprintf(open_line, sizeof open_line, "Opening balance on %s: %s.", shown_from,
		 owed_words(opening, words, sizeof words));
	report_produced(produced, sizeof produced);
	const char *lines[] = { landlord, tenants, home, rent, period, open_line, produced };
	report_heading(out, o, coop, "Rent statement (rent book)", lines, COUNT(lines));

	struct rent_entry *rows = malloc(PAGE * sizeof *rows);
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the rent statement");
	struct table tb;
	struct page_key key;
	int n = 0;
	int64_t balance = opening, owed = 0, paid = 0;
	table_begin(&tb, out, o, statement_cols, COUNT(statement_cols));
	rc = rent_dated_page(db, who, tenancy_id, day_from, day_to, PAGE_FIRST, NULL, rows, PAGE, &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			balance += rows[i].amount_pence;
			if (rows[i].amount_pence > 0)
				owed += rows[i].amount_pence;
			else
				paid -= rows[i].amount_pence;
			statement_row(&tb, &rows[i], balance);
		}
		if (n < PAGE)
			break;
		rent_dated_key(&rows[n - 1], &key);
		rc = rent_dated_page(db, who, tenancy_id, day_from, day_to, PAGE_AFTER, &key, rows,
				     PAGE, &n);
	}
	int failed = table_end(&tb);
	free(rows);
	if (rc)
		return rc;
	char line[400], o1[MONEY_BUFSZ], p1[MONEY_BUFSZ];
	snprintf(line, sizeof line, "Closing balance on %s: %s. In the period: %s added to what"
		 " is owed, %s paid or taken off. A balance below zero is money in credit.",
		 shown_to, owed_words(balance, words, sizeof words),
		 money_format(owed, o1, sizeof o1), money_format(paid, p1, sizeof p1));
	report_note(out, o, line);
	return report_finish(db, out, failed);
}

/* ---- arrears ------------------------------------------------------------------ */

static const struct table_col arrears_text_cols[] = {
	{ "Home", "", 8, TABLE_LEFT },
	{ "Tenants", "", 0, TABLE_LEFT },
	{ "Owed", "", 11, TABLE_RIGHT },
	{ "Weeks", "", 6, TABLE_RIGHT },
	{ "Oldest", "", 10, TABLE_LEFT },
	{ "Ended", "", 10, TABLE_LEFT },
};

static const struct table_col arrears_flat_cols[] = {
	{ "Tenancy", "tenancy", 0, TABLE_RIGHT },
	{ "Home", "home", 0, TABLE_LEFT },
	{ "Tenants", "tenants", 0, TABLE_LEFT },
	{ "Started", "start_date", 0, TABLE_LEFT },
	{ "Ended", "end_date", 0, TABLE_LEFT },
	{ "Owed", "owed", 0, TABLE_RIGHT },
	{ "Weekly rent", "weekly_rent", 0, TABLE_RIGHT },
	{ "Weeks of rent", "weeks", 0, TABLE_RIGHT },
	{ "Oldest unpaid", "oldest_unpaid", 0, TABLE_LEFT },
};

struct arrears_ctx {
	struct table t;
	int text;
	int64_t *count, *total;
};

static int arrears_row(const struct rent_arrears_item *it, void *ctx)
{
	struct arrears_ctx *a = ctx;
	struct table *t = &a->t;
	const struct rent_arrears_row *r = &it->r;
	char weeks[24];
	if (!a->text)
		table_int(t, r->tenancy_id);
	table_text(t, r->home_ref);
	table_text(t, r->tenants);
	if (!a->text)
		table_date(t, r->start_date);
	if (!a->text)
		table_date(t, r->end_date);
	table_amount(t, r->balance_pence);
	if (!a->text)
		table_amount(t, r->weekly_rent);
	if (r->weekly_rent)
		table_word(t, rent_weeks_format(r->weeks_x100, weeks, sizeof weeks));
	else
		table_word(t, "");
	table_date(t, it->oldest_unpaid);
	if (a->text)
		table_date(t, r->end_date);
	table_end_row(t);
	(*a->count)++;
	*a->total += r->balance_pence;
	return 0;
}

/* One part of the list: current tenancies, or former ones, read in one
 * pass (rent_arrears_each). */
static int arrears_part(struct db *db, const struct actor *who, struct rent_arrears_query *q,
			const struct report_opts *o, FILE *out, int *failed, int64_t *count,
			int64_t *total)
{
	struct arrears_ctx a = { .text = o->format == REPORT_TEXT, .count = count, .total = total };
	table_begin(&a.t, out, o, a.text ? arrears_text_cols : arrears_flat_cols,
		    a.text ? COUNT(arrears_text_cols) : COUNT(arrears_flat_cols));
	int rc = rent_arrears_each(db, who, q, arrears_row, &a);
	*failed |= table_end(&a.t);
	return rc;
}

int report_arrears(struct db *db, const struct actor *who, const char *as_at,
		   const struct report_opts *o, FILE *out)
{
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	struct rent_arrears_query q = { .which = TENANCIES_CURRENT, .sort = RENT_ARREARS_BY_AMOUNT };
	struct date d;
	if (as_at && as_at[0]) {
		if (date_parse(as_at, &d) != DATE_OK)
			return db_note_error(db, DB_INVALID, "the day of the arrears is not a date");
		if (date_cmp(d, date_today()) > 0)
			return db_note_error(db, DB_INVALID, "arrears are as at today or a day before");
	} else {
		d = date_today();
	}
	date_format_iso(d, q.as_at, sizeof q.as_at);
	/* Refused before anything is written: the board's alone. */
	struct rent_arrears_item probe;
	int n;
	if ((rc = rent_arrears_list(db, who, &q, PAGE_FIRST, NULL, &probe, 1, &n)))
		return rc;
	char coop[REPORT_COOP_MAX], day[ZONE_TIME_BUFSZ], head[160], produced[64];
	report_coop_name(db, coop, sizeof coop);
	zone_format(q.as_at, day, sizeof day);
	snprintf(head, sizeof head, "Rent arrears as at %s: the balance of every account on that"
		 " day, largest first; weeks are weeks of the rent in force.", day);
	report_produced(produced, sizeof produced);
	const char *lines[] = { head, produced };
	char title[80];
	snprintf(title, sizeof title, "Rent arrears as at %s", day);
	report_heading(out, o, coop, title, lines, COUNT(lines));
	int failed = 0;
	int64_t count[2] = { 0, 0 }, total[2] = { 0, 0 };
	int csv = o->format == REPORT_CSV;
	if (csv) {
		/* One table: current and former together, Ended telling them apart. */
		q.which = TENANCIES_ALL;
		rc = arrears_part(db, who, &q, o, out, &failed, &count[0], &total[0]);
		return rc ? rc : report_finish(db, out, failed);
	}
	fprintf(out, "%sCurrent tenancies\n\n", o->format == REPORT_MD ? "### " : "");
	rc = arrears_part(db, who, &q, o, out, &failed, &count[0], &total[0]);
	if (!rc) {
		fprintf(out, "\n%sFormer tenants\n\n", o->format == REPORT_MD ? "### " : "");
		q.which = TENANCIES_FORMER;
		rc = arrears_part(db, who, &q, o, out, &failed, &count[1], &total[1]);
	}
	if (rc)
		return rc;
	char line[400], m0[MONEY_BUFSZ], m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
	snprintf(line, sizeof line, "In arrears: %lld current %s owing %s; %lld former %s owing"
		 " %s; in all %lld owing %s.", (long long)count[0],
		 count[0] == 1 ? "tenancy" : "tenancies", money_format(total[0], m0, sizeof m0),
		 (long long)count[1], count[1] == 1 ? "tenancy" : "tenancies",
		 money_format(total[1], m1, sizeof m1), (long long)(count[0] + count[1]),
		 money_format(total[0] + total[1], m2, sizeof m2));
	report_note(out, o, line);
	return report_finish(db, out, failed);
}
