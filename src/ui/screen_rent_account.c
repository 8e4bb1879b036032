/*
 * src/ui/screen_rent_account.c: a tenancy's rent account, described for
 * the record screen (record.h): the tenancy, its rent, balance and
 * arrears (money and weeks of rent, the oldest unpaid charge), and the
 * ledger as a sub-list, newest first, each row with the balance after it.
 *
 *   n  record a payment, an adjustment or a refund (board)
 *   r  reverse the row selected with a row that names it (board): rows
 *      are never edited
 *   P  post the rent charges due (board): the rent run
 *   p  the rent statement (the rent book), as a document
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/zone.h"
#include "record.h"
#include "rent_forms.h"
#include "rent_ui.h"

struct account {
	struct tenancy t;
	int64_t balance, weekly, arrears;
	char oldest[ISO_DATE_LEN];
};

static int load(struct rscreen *rs)
{
	struct account *a = rs->rec;
	struct app *app = rs->app;
	char tomorrow[DATE_BUFSZ], today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	date_format_iso(date_add_days(date_today(), 1), tomorrow, sizeof tomorrow);
	int rc = rent_balance(app->db, &app->who, rs->id, &a->balance, &a->weekly);
	if (rc || (rc = tenancy_get(app->db, &app->who, rs->id, &a->t)) ||
	    (rc = rent_balance_before(app->db, &app->who, rs->id, tomorrow, &a->arrears)))
		return rc;
	return rent_oldest_unpaid(app->db, &app->who, rs->id, today, a->arrears, a->oldest);
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct account *a = rs->rec;
	snprintf(buf, n, "Rent account  %s, tenancy %lld%s", a->t.home_ref, (long long)a->t.id,
		 a->t.end_date[0] ? "  (former tenancy)" : "");
}

static void rows(struct rscreen *rs)
{
	const struct account *a = rs->rec;
	char buf[1024], d1[ZONE_TIME_BUFSZ], d2[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	char weeks[24];
	size_t used = 0;
	record_row(rs, "Home", a->t.home_address, -1);
	buf[0] = '\0';
	for (int i = 0; i < a->t.nsignatories && used < sizeof buf; i++)
		used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s (no. %lld)",
					 i ? ", " : "", a->t.signatories[i].name,
					 (long long)a->t.signatories[i].member_no);
	record_row(rs, "Tenants", buf, -1);
	zone_format(a->t.start_date, d1, sizeof d1);
	if (a->t.end_date[0])
		snprintf(buf, sizeof buf, "from %s to %s%s%s", d1,
			 zone_format(a->t.end_date, d2, sizeof d2), a->t.end_reason[0] ? ": " : "",
			 a->t.end_reason);
	else
		snprintf(buf, sizeof buf, "from %s", d1);
	record_row(rs, "Tenancy", buf, a->t.end_date[0] ? STYLE_DIM : -1);
	if (a->weekly)
		snprintf(buf, sizeof buf, "%s a week", money_format(a->weekly, money, sizeof money));
	else
		snprintf(buf, sizeof buf, "no rent is set");
	record_row(rs, "Rent", buf, -1);
	money_format(a->balance < 0 ? -a->balance : a->balance, money, sizeof money);
	snprintf(buf, sizeof buf, "%s %s", money, a->balance > 0 ? "owed" : a->balance < 0
		 ? "in credit" : "(nothing owed)");
	if (a->balance != a->arrears)
		strncat(buf, ", with the charges posted ahead", sizeof buf - strlen(buf) - 1);
	record_row(rs, "Balance", buf, a->balance > 0 ? STYLE_OVERDUE : -1);
	if (a->arrears > 0) {
		money_format(a->arrears, money, sizeof money);
		if (a->weekly)
			snprintf(buf, sizeof buf, "%s today, %s weeks of rent; oldest unpaid charge %s",
				 money, rent_weeks_format(money_weeks_x100(a->arrears, a->weekly),
							  weeks, sizeof weeks),
				 a->oldest[0] ? zone_format(a->oldest, d1, sizeof d1) : "-");
		else
			snprintf(buf, sizeof buf, "%s today", money);
		record_row(rs, "Arrears", buf, STYLE_OVERDUE);
	} else {
		record_row(rs, "Arrears", "none today", -1);
	}
}

/* ---- the ledger, newest first --------------------------------------------- */

static void reverse_rows(struct rent_entry *rows, int n)
{
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		struct rent_entry tmp = rows[i];
		rows[i] = rows[j];
		rows[j] = tmp;
	}
}

static int ledger_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		       void *r, int max, int *n)
{
	static const enum page_dir flip[] = {
		[PAGE_FIRST] = PAGE_LAST, [PAGE_LAST] = PAGE_FIRST,
		[PAGE_AFTER] = PAGE_BEFORE, [PAGE_BEFORE] = PAGE_AFTER,
	};
	int rc = rent_page(rs->app->db, &rs->app->who, rs->id, flip[dir], key, r, max, n);
	if (rc == DB_OK)
		reverse_rows(r, *n);
	return rc;
}

static void ledger_key(const void *row, struct page_key *key) { rent_entry_key(row, key); }

static int ledger_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct rent_entry *e = row;
	char day[ZONE_TIME_BUFSZ], amount[MONEY_BUFSZ], bal[MONEY_BUFSZ], what[80];
	(void)rs;
	if (e->reverses_id)
		snprintf(what, sizeof what, "reversal of %lld", (long long)e->reverses_id);
	else if (e->method[0])
		snprintf(what, sizeof what, "%s by %s", rent_entry_kind_name(e->kind), e->method);
	else
		snprintf(what, sizeof what, "%s", rent_entry_kind_name(e->kind));
	money_format(e->amount_pence, amount, sizeof amount);
	snprintf(buf, n, "%6lld %s  %-20.20s %10s %10s  %s", (long long)e->id,
		 zone_format(e->entry_date, day, sizeof day), what, amount,
		 money_format(e->balance_pence, bal, sizeof bal),
		 e->reversed_by ? "(reversed)" : e->description);
	return e->reversed_by || e->reverses_id ? STYLE_DIM : -1;
}

static const struct rsub subs[] = {
	{ .title = "Rows, newest first (+ owed, - paid; the balance after)", .row_size = sizeof(struct rent_entry),
	  .fetch = ledger_page, .key_of = ledger_key, .line = ledger_line,
	  .empty = "Nothing on the account yet." },
};

/* ---- actions ----------------------------------------------------------------- */

static int board(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_RENT, OP_WRITE) == ACCESS_ALL;
}

static void record_entry(struct rscreen *rs)
{
	app_push(rs->app, screen_rent_entry_new(rs->app, rs->id, &((struct account *)rs->rec)->t));
}

static const struct rent_entry *selected(const struct rscreen *rs)
{
	return record_sub_selected((struct rscreen *)rs, 0);
}

static int may_reverse(const struct rscreen *rs)
{
	const struct rent_entry *e = selected(rs);
	return board(rs) && e && !e->reversed_by && !e->reverses_id;
}

static void reverse(struct rscreen *rs) { app_push(rs->app, screen_rent_reverse_new(rs->app, selected(rs))); }

static void post(struct rscreen *rs) { app_push(rs->app, screen_rent_post_new(rs->app)); }

static void statement(struct rscreen *rs) { app_push(rs->app, screen_rent_statement_new(rs->app, rs->id)); }

static const struct ract acts[] = {
	{ .action = ACT_NEW, .label = "payment", .allowed = board, .run = record_entry,
	  .help = "Record a payment, an adjustment or a refund on this account (the board)",
	  .refused = "Only the board records payments" },
	{ .action = ACT_REVERSE, .allowed = may_reverse, .run = reverse,
	  .help = "Put the selected row right with a reversal that names it: a row is never"
		  " edited (the board)" },
	{ .action = ACT_POST_RENT, .allowed = board, .run = post,
	  .refused = "Only the board posts the rent charges" },
	{ .action = ACT_PRINT, .label = "statement", .run = statement,
	  .help = "The rent statement (the rent book): to read, or save for printing" },
};

static const char *why_not(struct rscreen *rs, enum action a)
{
	char key[KEY_NAME_MAX];
	const struct rent_entry *e = selected(rs);
	if (a != ACT_REVERSE)
		return NULL;
	if (!board(rs))
		return "Only the board corrects a rent account";
	if (e && e->reversed_by) {
		snprintf(rs->scratch, sizeof rs->scratch, "Row %lld was reversed already, by row %lld",
			 (long long)e->id, (long long)e->reversed_by);
		return rs->scratch;
	}
	if (e && e->reverses_id)
		return "That row is a reversal: record the entry again instead";
	snprintf(rs->scratch, sizeof rs->scratch, "Go to the rows (%s) and select the one to"
		 " correct first", ui_key(rs->app, rs->self, ACT_NEXT_PANE, key, sizeof key));
	return rs->scratch;
}

static const struct rdesc account_record = {
	.name = "A rent account",
	.area = 1,
	.rec_size = sizeof(struct account),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = subs,
	.nsubs = 1,
	.acts = acts,
	.nacts = (int)(sizeof acts / sizeof acts[0]),
	.why_not = why_not,
};

struct screen *screen_rent_account_new(struct app *app, int64_t tenancy_id)
{
	return record_screen_new(app, &account_record, tenancy_id);
}

/* ---- the statement ----------------------------------------------------------- */

static int write_statement(struct app *app, const void *ctx, const struct report_opts *o,
			   FILE *out)
{
	int64_t id;
	memcpy(&id, ctx, sizeof id);
	return report_rent_statement(app->db, &app->who, id, NULL, NULL, o, out);
}

struct screen *screen_rent_statement_new(struct app *app, int64_t tenancy_id)
{
	char title[80];
	snprintf(title, sizeof title, "Rent statement, tenancy %lld", (long long)tenancy_id);
	return screen_document_new(app, title, write_statement, &tenancy_id, sizeof tenancy_id);
}
