/*
 * src/report/shares.c: the share register (report_share_register) and one
 * member's shareholding (report_shareholding).
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/shares.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "table.h"

#define PAGE 64

/* ---- the share register -------------------------------------------------- */

static const struct table_col register_text_cols[] = {
	{ "No.", "", 5, TABLE_RIGHT },
	{ "Date", "", 10, TABLE_LEFT },
	{ "Operation", "", 9, TABLE_LEFT },
	{ "Member", "", 0, TABLE_LEFT },
	{ "Shares", "", 6, TABLE_RIGHT },
	{ "Amount", "", 7, TABLE_RIGHT },
	{ "Held", "", 5, TABLE_RIGHT },
	{ "Capital", "", 10, TABLE_RIGHT },
};

static const struct table_col register_flat_cols[] = {
	{ "No.", "op_no", 0, TABLE_RIGHT },
	{ "Date", "op_date", 0, TABLE_LEFT },
	{ "Operation", "kind", 0, TABLE_LEFT },
	{ "Reverses", "reverses_op_no", 0, TABLE_RIGHT },
	{ "Member no.", "member_no", 0, TABLE_RIGHT },
	{ "Name", "name", 0, TABLE_LEFT },
	{ "Shares", "shares", 0, TABLE_RIGHT },
	{ "Amount", "amount", 0, TABLE_RIGHT },
	{ "Shares held", "total_shares", 0, TABLE_RIGHT },
	{ "Paid-up capital", "total_paid", 0, TABLE_RIGHT },
	{ "Note", "note", 0, TABLE_LEFT },
};

#define COUNT(a) ((int)(sizeof a / sizeof a[0]))

static void register_row(struct table *t, const struct share_op_row *r, int text)
{
	char line[sizeof r->member_name + 24];
	table_int(t, r->op_no);
	table_date(t, r->op_date);
	table_word(t, share_op_kind_name(r->kind));
	if (text) {
		if (r->reverses_op_no) {
			snprintf(line, sizeof line, "of no. %lld", (long long)r->reverses_op_no);
			table_line(t, line, 0);
		}
		snprintf(line, sizeof line, "%lld %s", (long long)r->member_no, r->member_name);
		table_text(t, line);
		if (r->note[0])
			table_line(t, r->note, 1);
	} else {
		if (r->reverses_op_no)
			table_int(t, r->reverses_op_no);
		else
			table_word(t, "");
		table_int(t, r->member_no);
		table_text(t, r->member_name);
	}
	table_signed(t, r->shares);
	table_amount(t, r->amount_pence);
	table_int(t, r->total_shares);
	table_amount(t, r->total_paid_pence);
	if (!text)
		table_text(t, r->note);
	table_end_row(t);
}

int report_share_register(struct db *db, const struct actor *who, const struct report_opts *o,
			  FILE *out)
{
	int rc = report_check_opts(db, o);
	if (rc || (rc = db_may(db, who, AREA_SHARES, OP_READ)))
		return rc;
	if (access_level(who, AREA_SHARES, OP_READ) != ACCESS_ALL)
		return db_note_error(db, DB_DENIED, "only the board may see the whole share register;"
				     " a member may see their own shareholding");
	struct share_op_row *rows = malloc(PAGE * sizeof *rows);
	struct share_op_row last;
	int n = 0, nlast = 0;
	if (!rows)
		return db_note_error(db, DB_ERROR, "out of memory for the share register");
	if ((rc = share_op_page(db, who, 0, PAGE_LAST, NULL, &last, 1, &nlast)) ||
	    (rc = share_op_page(db, who, 0, PAGE_FIRST, NULL, rows, PAGE, &n))) {
		free(rows);
		return rc;
	}
	char coop[REPORT_COOP_MAX], count[120], produced[64];
	const char *lines[] = { count, produced };
	report_coop_name(db, coop, sizeof coop);
	/* Operations are numbered from 1 with no gaps: the last is the count. */
	int64_t ops = nlast ? last.op_no : 0;
	snprintf(count, sizeof count, "%lld share %s, in the order recorded.", (long long)ops,
		 ops == 1 ? "operation" : "operations");
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, "Share register", lines, 2);

	int text = o->format == REPORT_TEXT;
	struct table t;
	table_begin(&t, out, o, text ? register_text_cols : register_flat_cols,
		    text ? COUNT(register_text_cols) : COUNT(register_flat_cols));
	struct share_op_row end = { 0 };
	while (n > 0) {
		for (int i = 0; i < n; i++)
			register_row(&t, &rows[i], text);
		end = rows[n - 1];
		if (n < PAGE)
			break;
		struct page_key key;
		share_op_row_key(&rows[n - 1], &key);
		if ((rc = share_op_page(db, who, 0, PAGE_AFTER, &key, rows, PAGE, &n)))
			break;
	}
	int failed = table_end(&t);
	free(rows);
	if (rc)
		return rc;
	char money[MONEY_BUFSZ], line[200];
	snprintf(line, sizeof line,
		 "After operation %lld: %lld %s held, paid-up capital %s (a forfeited share's"
		 " money stays with the co-op).",
		 (long long)end.op_no, (long long)end.total_shares,
		 end.total_shares == 1 ? "share" : "shares",
		 money_format(end.total_paid_pence, money, sizeof money));
	if (end.op_no)
		report_note(out, o, line);
	return report_finish(db, out, failed);
}

/* ---- one member's shareholding ------------------------------------------- */

static const struct table_col ops_cols[] = {
	{ "No.", "op_no", 6, TABLE_RIGHT },
	{ "Date", "op_date", 10, TABLE_LEFT },
	{ "Operation", "kind", 0, TABLE_LEFT },
	{ "Shares", "shares", 6, TABLE_RIGHT },
	{ "Amount", "amount", 9, TABLE_RIGHT },
};

/* CSV: one row an operation, each with whose and their status. */
static const struct table_col ops_csv_cols[] = {
	{ "", "member_no", 0, TABLE_RIGHT },
	{ "", "name", 0, TABLE_LEFT },
	{ "", "status", 0, TABLE_LEFT },
	{ "", "entered_on", 0, TABLE_LEFT },
	{ "", "ceased_on", 0, TABLE_LEFT },
	{ "", "op_no", 0, TABLE_RIGHT },
	{ "", "op_date", 0, TABLE_LEFT },
	{ "", "kind", 0, TABLE_LEFT },
	{ "", "reverses_op_no", 0, TABLE_RIGHT },
	{ "", "shares", 0, TABLE_RIGHT },
	{ "", "amount", 0, TABLE_RIGHT },
};

static const struct table_col property_cols[] = {
	{ "Held", "", 8, TABLE_LEFT },
	{ "What", "", 0, TABLE_LEFT },
	{ "From", "", 10, TABLE_LEFT },
	{ "Until", "", 10, TABLE_LEFT },
	{ "Amount", "", 11, TABLE_RIGHT },
};

/* "what it was": "issue", "reversal of no. 12". */
static void op_words(const struct share_op_row *r, char *buf, size_t n)
{
	if (r->reverses_op_no)
		snprintf(buf, n, "reversal of no. %lld", (long long)r->reverses_op_no);
	else
		snprintf(buf, n, "%s", share_op_kind_name(r->kind));
}

/* A heading for a part of the document (text, Markdown); after another
 * part, a blank line first. */
static void part(FILE *out, const struct report_opts *o, const char *title, int after)
{
	if (o->format == REPORT_CSV)
		return;
	fprintf(out, "%s%s%s\n\n", after ? "\n" : "", o->format == REPORT_MD ? "### " : "", title);
}

/* The member's operations, page by page. */
static int holding_ops(struct db *db, const struct actor *who, const struct member *m,
		       const char *status, const struct report_opts *o, FILE *out, int *failed)
{
	struct share_op_row rows[16];
	struct page_key key;
	struct table t;
	int n, rc, csv = o->format == REPORT_CSV;
	char words[40];
	part(out, o, "Share operations", 0);
	table_begin(&t, out, o, csv ? ops_csv_cols : ops_cols, csv ? COUNT(ops_csv_cols)
								  : COUNT(ops_cols));
	rc = share_op_page(db, who, m->id, PAGE_FIRST, NULL, rows, COUNT(rows), &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			const struct share_op_row *r = &rows[i];
			if (csv) {
				table_int(&t, m->member_no);
				table_text(&t, m->name);
				table_word(&t, status);
				table_date(&t, m->entered_on);
				table_date(&t, m->ceased_on);
			}
			table_int(&t, r->op_no);
			table_date(&t, r->op_date);
			if (csv) {
				table_word(&t, share_op_kind_name(r->kind));
				if (r->reverses_op_no)
					table_int(&t, r->reverses_op_no);
				else
					table_word(&t, "");
			} else {
				op_words(r, words, sizeof words);
				table_word(&t, words);
			}
			table_signed(&t, r->shares);
			table_amount(&t, r->amount_pence);
			table_end_row(&t);
		}
		if (n < COUNT(rows))
			break;
		share_op_row_key(&rows[n - 1], &key);
		rc = share_op_page(db, who, m->id, PAGE_AFTER, &key, rows, COUNT(rows), &n);
	}
	*failed |= table_end(&t);
	return rc;
}

/* Other property the member holds or held (text and Markdown). */
static int holding_property(struct db *db, const struct actor *who, int64_t member_id,
			    const struct report_opts *o, FILE *out, int *failed)
{
	struct member_property rows[8];
	struct page_key key = { 0 };
	struct table t;
	int n, rc = property_page(db, who, member_id, PAGE_FIRST, NULL, rows, COUNT(rows), &n);
	if (rc || n == 0 || o->format == REPORT_CSV)
		return rc;
	part(out, o, "Other property held in the co-op", 1);
	table_begin(&t, out, o, property_cols, COUNT(property_cols));
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			table_word(&t, property_kind_name(rows[i].kind));
			table_text(&t, rows[i].description);
			table_date(&t, rows[i].from_date);
			table_date(&t, rows[i].to_date);
			table_amount(&t, rows[i].amount_pence);
			table_end_row(&t);
		}
		if (n < COUNT(rows))
			break;
		key.id = rows[n - 1].id;
		rc = property_page(db, who, member_id, PAGE_AFTER, &key, rows, COUNT(rows), &n);
	}
	*failed |= table_end(&t);
	return rc;
}

int report_shareholding(struct db *db, const struct actor *who, int64_t member_id,
			const struct report_opts *o, FILE *out)
{
	int64_t shares, paid;
	int rc = report_check_opts(db, o);
	/* share_holding answers DB_NOTFOUND for anyone but a member's own. */
	if (rc || (rc = share_holding(db, who, member_id, &shares, &paid)))
		return rc;
	struct member *m = malloc(sizeof *m);
	if (!m)
		return db_note_error(db, DB_ERROR, "out of memory for the shareholding");
	if ((rc = member_get(db, who, member_id, m))) {
		free(m);
		return rc;
	}
	char coop[REPORT_COOP_MAX], title[sizeof m->name + 40], *name = NULL;
	char since[ZONE_TIME_BUFSZ], until[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	char membership[3 * sizeof m->ceased_reason + 160], holding[120], produced[64];
	const char *lines[] = {
		membership, holding,
		"A share is neither withdrawable nor transferable and earns no interest;"
		" it is cancelled when membership ends, and its money stays with the co-op.",
		produced,
	};
	report_coop_name(db, coop, sizeof coop);
	size_t room = 3 * strlen(m->name) + 1;
	if ((name = malloc(room)))
		text_inert(m->name, name, room);
	snprintf(title, sizeof title, "Shareholding of %s, member no. %lld", name ? name : "",
		 (long long)m->member_no);
	free(name);
	zone_format(m->entered_on, since, sizeof since);
	if (m->ceased_on[0]) {
		char reason[3 * sizeof m->ceased_reason + 1];
		text_inert(m->ceased_reason, reason, sizeof reason);
		snprintf(membership, sizeof membership,
			 "Membership: a former member, entered on the register on %s, ceased on %s%s%s%s.",
			 since, zone_format(m->ceased_on, until, sizeof until),
			 reason[0] ? " (" : "", reason, reason[0] ? ")" : "");
	} else {
		snprintf(membership, sizeof membership,
			 "Membership: a member, entered on the register on %s.", since);
	}
	snprintf(holding, sizeof holding, "Shares held: %lld. Amount paid: %s.", (long long)shares,
		 money_format(paid, money, sizeof money));
	report_produced(produced, sizeof produced);
	report_heading(out, o, coop, title, lines, COUNT(lines));

	int failed = 0;
	const char *status = m->ceased_on[0] ? "former member" : "member";
	if (!(rc = holding_ops(db, who, m, status, o, out, &failed)))
		rc = holding_property(db, who, member_id, o, out, &failed);
	free(m);
	return rc ? rc : report_finish(db, out, failed);
}
