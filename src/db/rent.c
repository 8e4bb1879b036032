/*
 * src/db/rent.c: the rent ledger, the rent run and the arrears list.
 * Rows are only ever appended; each carries the running balance, worked
 * out inside the transaction that writes it.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"
#include "rent_int.h"

static const char *const kind_names[] = {
	[RENT_CHARGE] = "charge",
	[RENT_PAYMENT] = "payment",
	[RENT_ADJUSTMENT] = "adjustment",
	[RENT_REFUND] = "refund",
};

const char *const rent_methods[] = {
	"cash", "cheque", "bank transfer", "standing order", "direct debit", "card",
	"Universal Credit", "housing benefit", "other", NULL,
};

static const char SQL_TENANCY[] =
	"SELECT home_id, start_date, coalesce(end_date, '') FROM tenancies WHERE id = ?1";
static const char SQL_OWN[] =
	"SELECT 1 FROM tenancy_signatories WHERE tenancy_id = ?1 AND member_id = ?2";
static const char SQL_LAST_BALANCE[] =
	"SELECT balance_pence FROM rent_ledger WHERE tenancy_id = ?1 ORDER BY id DESC LIMIT 1";
static const char SQL_INSERT[] =
	"INSERT INTO rent_ledger (tenancy_id, entry_date, kind, amount_pence, balance_pence,"
	" description, reference) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_RATE_ON[] =
	"SELECT period, amount_pence FROM rent_rates WHERE home_id = ?1 AND effective_from <= ?2"
	" ORDER BY effective_from DESC LIMIT 1";

static const char *const SQL_PAGE[4] = {
	[PAGE_FIRST] = RENT_ENTRY_SELECT " WHERE l.tenancy_id = ?1"
		" ORDER BY l.id LIMIT ?3",
	[PAGE_LAST] = RENT_ENTRY_SELECT " WHERE l.tenancy_id = ?1"
		" ORDER BY l.id DESC LIMIT ?3",
	[PAGE_AFTER] = RENT_ENTRY_SELECT " WHERE l.tenancy_id = ?1 AND l.id > ?2"
		" ORDER BY l.id LIMIT ?3",
	[PAGE_BEFORE] = RENT_ENTRY_SELECT " WHERE l.tenancy_id = ?1 AND l.id < ?2"
		" ORDER BY l.id DESC LIMIT ?3",
};
static const char SQL_ENTRY_GET[] = RENT_ENTRY_SELECT " WHERE l.id = ?1";
static const char SQL_DETAILS[] =
	"INSERT INTO rent_entry_details (entry_id, method, reverses_id) VALUES (?1, ?2, ?3)";

/* The rent run. ?1 up to, ?2 after this tenancy id, ?3 the run's
 * reference, ?4 batch size. Each tenancy with its last charge by the run
 * and its balance: the run then keeps the balance itself, row by row. */
static const char SQL_RUN_TENANCIES[] =
	"SELECT t.id, t.home_id, t.start_date, coalesce(t.end_date, '')," \
	" coalesce((SELECT l.entry_date FROM rent_ledger l WHERE l.tenancy_id = t.id"
	"            AND l.kind = 'charge' AND l.reference = ?3 ORDER BY l.id DESC LIMIT 1), ''),"
	" coalesce((SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id"
	"           ORDER BY l.id DESC LIMIT 1), 0)"
	" FROM tenancies t WHERE t.start_date <= ?1 AND t.id > ?2 ORDER BY t.id LIMIT ?4";
/* The rates of a home that matter from ?2 to ?3: the one in force on ?2
 * and those that start after it, up to ?3. */
#define RUN_SPANS_MAX 32
static const char SQL_RUN_SPANS[] =
	"SELECT effective_from, period, amount_pence FROM rent_rates"
	" WHERE home_id = ?1 AND effective_from <= ?3"
	" AND effective_from >= coalesce((SELECT max(effective_from) FROM rent_rates"
	"                                  WHERE home_id = ?1 AND effective_from <= ?2), '')"
	" ORDER BY effective_from LIMIT 33";

/* The arrears list: ?1 key balance, ?2 key id, ?3 page size, ?4 today,
 * ?5 which (0 all, 1 current, 2 former). The balance is the latest row's. */
#define ARREARS_FROM \
	" FROM (SELECT t.id AS tid, t.home_id AS home_id, t.start_date AS start_date," \
	"        t.end_date AS end_date," \
	"        (SELECT l.balance_pence FROM rent_ledger l WHERE l.tenancy_id = t.id" \
	"          ORDER BY l.id DESC LIMIT 1) AS bal" \
	"       FROM tenancies t WHERE ?5 = 0 OR (?5 = 1) = (t.end_date IS NULL)) b" \
	" WHERE b.bal > 0"
#define ARREARS_COLS \
	"SELECT b.tid, b.home_id, (SELECT h.ref FROM homes h WHERE h.id = b.home_id)," \
	" coalesce((SELECT group_concat(name, ', ') FROM" \
	"   (SELECT m.name FROM tenancy_signatories s JOIN members m ON m.id = s.member_id" \
	"     WHERE s.tenancy_id = b.tid ORDER BY s.id)), '')," \
	" b.start_date, coalesce(b.end_date, ''), b.bal," \
	" (SELECT r.period FROM rent_rates r WHERE r.home_id = b.home_id" \
	"   AND r.effective_from <= coalesce(date(b.end_date, '-1 day'), ?4)" \
	"   ORDER BY r.effective_from DESC LIMIT 1)," \
	" (SELECT r.amount_pence FROM rent_rates r WHERE r.home_id = b.home_id" \
	"   AND r.effective_from <= coalesce(date(b.end_date, '-1 day'), ?4)" \
	"   ORDER BY r.effective_from DESC LIMIT 1)" \
	ARREARS_FROM

static const char *const SQL_ARREARS[4] = {
	[PAGE_FIRST] = ARREARS_COLS " ORDER BY b.bal DESC, b.tid DESC LIMIT ?3",
	[PAGE_LAST] = ARREARS_COLS " ORDER BY b.bal, b.tid LIMIT ?3",
	[PAGE_AFTER] = ARREARS_COLS " AND (b.bal, b.tid) < (?1, ?2)"
		" ORDER BY b.bal DESC, b.tid DESC LIMIT ?3",
	[PAGE_BEFORE] = ARREARS_COLS " AND (b.bal, b.tid) > (?1, ?2)"
		" ORDER BY b.bal, b.tid LIMIT ?3",
};
static const char SQL_ARREARS_TOTAL[] =
	"SELECT count(*), coalesce(sum(b.bal), 0)" ARREARS_FROM;

const char *rent_entry_kind_name(enum rent_entry_kind k)
{
	return (unsigned)k <= RENT_REFUND ? kind_names[k] : NULL;
}

static int no_tenancy(struct db *db)
{
	return db_set_error(db, DB_NOTFOUND, "there is no such tenancy");
}

int rent_tenancy_facts(struct db *db, const struct actor *who, enum access_level level,
			 int64_t id, struct tenancy_facts *f)
{
	sqlite3_stmt *st;
	int rc;
	if (level != ACCESS_ALL) {
		if (!(st = db_prep(db, SQL_OWN)))
			return db_status(db);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, who->member_id);
		rc = db_step_row(db, st);
		db_reset(st);
		if (rc)
			return rc == DB_NOTFOUND ? no_tenancy(db) : rc;
	}
	if (!(st = db_prep(db, SQL_TENANCY)))
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_step_row(db, st)))
		return rc == DB_NOTFOUND ? no_tenancy(db) : rc;
	f->home_id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, f->start, sizeof f->start);
	db_col_text(st, 2, f->end, sizeof f->end);
	db_reset(st);
	return DB_OK;
}

static int last_balance(struct db *db, int64_t tenancy_id, int64_t *balance)
{
	sqlite3_stmt *st = db_prep(db, SQL_LAST_BALANCE);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, tenancy_id);
	int rc = db_step_row(db, st);
	*balance = rc == DB_OK ? sqlite3_column_int64(st, 0) : 0;
	db_reset(st);
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

static int insert_row(struct db *db, int64_t tenancy_id, const char *entry_date,
		      const char *kind, int64_t amount, int64_t balance, const char *description,
		      const char *reference);

/* Appends a row inside the caller's transaction: no access check. */
static int append(struct db *db, int64_t tenancy_id, const char *entry_date, const char *kind,
		  int64_t amount, const char *description, const char *reference)
{
	int64_t balance;
	int rc = last_balance(db, tenancy_id, &balance);
	if (rc)
		return rc;
	/* rent_post and the run keep amounts below £1,000,000: no overflow. */
	return insert_row(db, tenancy_id, entry_date, kind, amount, balance + amount, description,
			  reference);
}

/* The row itself, its balance worked out by the caller. */
static int insert_row(struct db *db, int64_t tenancy_id, const char *entry_date,
		      const char *kind, int64_t amount, int64_t balance, const char *description,
		      const char *reference)
{
	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, tenancy_id);
	db_bind_text(st, 2, entry_date);
	sqlite3_bind_text(st, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, amount);
	sqlite3_bind_int64(st, 5, balance);
	db_bind_text(st, 6, description);
	db_bind_text(st, 7, reference);
	return db_step_done(db, st);
}

/* The refusals every row a person posts shares (rent_post, rent_record,
 * rent_reverse): kind, amount, the run's reference, a date to come. */
static int entry_checks(struct db *db, const char *kname, int64_t amount_pence,
			const char *entry_date, const char *reference)
{
	if (!kname)
		return db_set_error(db, DB_INVALID,
				    "a ledger entry is a charge, payment, adjustment or refund");
	/* The schema's CHECK says the same, but SQLite's abs() fails on the
	 * smallest int64_t before the CHECK can speak. */
	if (amount_pence <= -100000000 || amount_pence >= 100000000)
		return db_set_error(db, DB_INVALID, "a ledger amount is not zero, and below"
				    " £1,000,000");
	if (reference && strcmp(reference, RENT_RUN_REFERENCE) == 0)
		return db_set_error(db, DB_INVALID, "the reference '%s' is kept for the rent run's"
				    " own charges", RENT_RUN_REFERENCE);
	char today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	char shown[ZONE_TIME_BUFSZ];
	if (rent_iso_date(entry_date, NULL) == 0 && strcmp(entry_date, today) > 0)
		return db_set_error(db, DB_INVALID, "a ledger entry cannot be dated in the future"
				    " (%s is after today)", zone_format(entry_date, shown, sizeof shown));
	return DB_OK;
}

/* The row's details (schema 6), when it has any, inside the caller's
 * transaction: the schema's triggers hold the rules. */
static int details(struct db *db, int64_t entry_id, const char *method, int64_t reverses_id)
{
	if ((!method || !method[0]) && !reverses_id)
		return DB_OK;
	sqlite3_stmt *st = db_prep(db, SQL_DETAILS);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, entry_id);
	sqlite3_bind_text(st, 2, method ? method : "", -1, SQLITE_TRANSIENT);
	if (reverses_id)
		sqlite3_bind_int64(st, 3, reverses_id);
	else
		sqlite3_bind_null(st, 3);
	return db_step_done(db, st);
}

int rent_post(struct db *db, const struct actor *who, int64_t tenancy_id,
	      const char *entry_date, enum rent_entry_kind kind, int64_t amount_pence,
	      const char *description, const char *reference)
{
	int rc = db_access_check(db, who, AREA_RENT, OP_WRITE, NULL);
	if (rc)
		return rc;
	const char *kname = rent_entry_kind_name(kind);
	if ((rc = entry_checks(db, kname, amount_pence, entry_date, reference)))
		return rc;
	if ((rc = db_begin(db, who)))
		return rc;
	struct tenancy_facts f;
	if ((rc = rent_tenancy_facts(db, who, ACCESS_ALL, tenancy_id, &f)) ||
	    (rc = append(db, tenancy_id, entry_date, kname, amount_pence, description, reference)))
		return db_abort(db, rc);
	return db_commit(db);
}

int rent_method_valid(const char *s)
{
	for (int i = 0; s && rent_methods[i]; i++)
		if (strcmp(s, rent_methods[i]) == 0)
			return 1;
	return 0;
}

int rent_record(struct db *db, const struct actor *who, const struct rent_new *e, int64_t *id)
{
	int rc = db_access_check(db, who, AREA_RENT, OP_WRITE, NULL);
	if (rc)
		return rc;
	const char *kname = rent_entry_kind_name(e->kind);
	if (e->kind == RENT_CHARGE)
		return db_set_error(db, DB_INVALID, "rent is charged by the rent run; correct a charge"
				    " with an adjustment or a reversal");
	if ((rc = entry_checks(db, kname, e->amount_pence, e->entry_date, e->reference)))
		return rc;
	if (e->method[0] && !rent_method_valid(e->method))
		return db_set_error(db, DB_INVALID, "a payment is made by cash, cheque, bank transfer,"
				    " standing order, direct debit, card, Universal Credit, housing"
				    " benefit or other");
	if (e->method[0] && e->kind == RENT_ADJUSTMENT)
		return db_set_error(db, DB_INVALID, "only a payment or a refund is made by a method");
	if ((rc = db_begin(db, who)))
		return rc;
	struct tenancy_facts f;
	if ((rc = rent_tenancy_facts(db, who, ACCESS_ALL, e->tenancy_id, &f)) ||
	    (rc = append(db, e->tenancy_id, e->entry_date, kname, e->amount_pence, e->description,
			 e->reference)))
		return db_abort(db, rc);
	int64_t new_id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = details(db, new_id, e->method, 0)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	if (id)
		*id = new_id;
	return DB_OK;
}

int rent_entry_get(struct db *db, const struct actor *who, int64_t entry_id,
		   struct rent_entry *e)
{
	enum access_level level;
	struct tenancy_facts f;
	int rc = db_access_check(db, who, AREA_RENT, OP_READ, &level);
	if (rc)
		return rc;
	rc = db_get(db, SQL_ENTRY_GET, entry_id, rent_read_entry, e, NULL, NULL);
	if (rc == DB_NOTFOUND ||
	    (rc == DB_OK && rent_tenancy_facts(db, who, level, e->tenancy_id, &f) == DB_NOTFOUND))
		return db_set_error(db, DB_NOTFOUND, "there is no such rent account entry");
	return rc;
}

int rent_reverse(struct db *db, const struct actor *who, int64_t entry_id, const char *on,
		 const char *why, int64_t *id)
{
	struct rent_entry e;
	char shown[ZONE_TIME_BUFSZ], text[RENT_DESCRIPTION_MAX * 4 + 1];
	int rc = db_access_check(db, who, AREA_RENT, OP_WRITE, NULL);
	if (rc || (rc = rent_entry_get(db, who, entry_id, &e)))
		return rc;
	if (e.reversed_by)
		return db_set_error(db, DB_INVALID, "entry %lld was reversed already, by entry %lld",
				    (long long)e.id, (long long)e.reversed_by);
	if (e.reverses_id)
		return db_set_error(db, DB_INVALID, "entry %lld is itself a reversal (of entry %lld):"
				    " make the entry again instead", (long long)e.id,
				    (long long)e.reverses_id);
	if (!why || !why[0])
		return db_set_error(db, DB_INVALID, "say why the entry is reversed: what was wrong");
	if (rent_iso_date(on, NULL) != 0)
		return db_set_error(db, DB_INVALID, "a reversal's date is a real date, like 22/11/2026");
	if (strcmp(on, e.entry_date) < 0)
		return db_set_error(db, DB_INVALID, "a reversal is dated on or after the entry it"
				    " reverses (%s)", zone_format(e.entry_date, shown, sizeof shown));
	if ((rc = entry_checks(db, "adjustment", -e.amount_pence, on, NULL)))
		return rc;
	snprintf(text, sizeof text, "Reverses entry %lld: %s", (long long)e.id, why);
	if ((rc = db_begin(db, who)))
		return rc;
	if ((rc = append(db, e.tenancy_id, on, "adjustment", -e.amount_pence, text, "")))
		return db_abort(db, rc);
	int64_t new_id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = details(db, new_id, "", e.id)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	if (id)
		*id = new_id;
	return DB_OK;
}

/* The weekly equivalent of the rate in force for a home on `on`; 0 if none. */
static int weekly_rent_on(struct db *db, int64_t home_id, const char *on, int64_t *weekly)
{
	*weekly = 0;
	sqlite3_stmt *st = db_prep(db, SQL_RATE_ON);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	db_bind_text(st, 2, on);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	enum rent_period p;
	if (rent_period_parse((const char *)sqlite3_column_text(st, 0), &p) == 0 &&
	    rent_weekly_equivalent(p, sqlite3_column_int64(st, 1), weekly) != 0)
		*weekly = 0;
	db_reset(st);
	return DB_OK;
}

int rent_balance(struct db *db, const struct actor *who, int64_t tenancy_id,
		 int64_t *balance, int64_t *weekly_rent)
{
	enum access_level level;
	struct tenancy_facts f;
	int rc = db_access_check(db, who, AREA_RENT, OP_READ, &level);
	if (rc || (rc = rent_tenancy_facts(db, who, level, tenancy_id, &f)))
		return rc;
	if ((rc = last_balance(db, tenancy_id, balance)) || !weekly_rent)
		return rc;
	char on[DATE_BUFSZ];
	struct date d;
	if (f.end[0] && rent_iso_date(f.end, &d) == 0)
		date_format_iso(date_add_days(d, -1), on, sizeof on);
	else
		date_format_iso(date_today(), on, sizeof on);
	return weekly_rent_on(db, f.home_id, on, weekly_rent);
}

void rent_read_entry(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct rent_entry *e = row;
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->tenancy_id = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, e->entry_date, sizeof e->entry_date);
	const char *k = (const char *)sqlite3_column_text(st, 3);
	for (int i = RENT_CHARGE; i <= RENT_REFUND; i++)
		if (k && strcmp(k, kind_names[i]) == 0)
			e->kind = (enum rent_entry_kind)i;
	e->amount_pence = sqlite3_column_int64(st, 4);
	e->balance_pence = sqlite3_column_int64(st, 5);
	db_col_text(st, 6, e->description, sizeof e->description);
	db_col_text(st, 7, e->reference, sizeof e->reference);
	db_col_text(st, 8, e->recorded_at, sizeof e->recorded_at);
	db_col_text(st, 9, e->method, sizeof e->method);
	e->reverses_id = sqlite3_column_int64(st, 10);
	e->reversed_by = sqlite3_column_int64(st, 11);
}

void rent_entry_key(const struct rent_entry *e, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = e->id;
}

int rent_page(struct db *db, const struct actor *who, int64_t tenancy_id,
	      enum page_dir dir, const struct page_key *key,
	      struct rent_entry *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	struct tenancy_facts f;
	int rc = db_access_check(db, who, AREA_RENT, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "rent_page", 0, dir, key, max)) ||
	    (rc = rent_tenancy_facts(db, who, level, tenancy_id, &f)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, tenancy_id);
	if (key)
		sqlite3_bind_int64(st, 2, key->id);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, rent_read_entry, NULL, n);
}

/* ---- the rent run ------------------------------------------------------- */

struct run_tenancy {
	int64_t id, home_id;
	struct date start, end;     /* end {0,0,0} while current */
	struct date last;           /* the run's last charge; {0,0,0} if none */
	int64_t balance;            /* the account's balance, kept as charges are added */
};

/* Loads the spans that matter from `from` to *to; when more rates start in
 * that time than fit, *to is brought back to the day before the first
 * that does not. */
static int load_spans(struct db *db, int64_t home_id, struct date from, struct date *to,
		      struct rent_span *spans, int *n)
{
	char f[DATE_BUFSZ], t[DATE_BUFSZ];
	*n = 0;
	date_format_iso(from, f, sizeof f);
	date_format_iso(*to, t, sizeof t);
	sqlite3_stmt *st = db_prep(db, SQL_RUN_SPANS);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	sqlite3_bind_text(st, 2, f, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, t, -1, SQLITE_TRANSIENT);
	int rc;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		struct rent_span s;
		if (rent_iso_date((const char *)sqlite3_column_text(st, 0), &s.from) ||
		    rent_period_parse((const char *)sqlite3_column_text(st, 1), &s.period))
			continue;  /* the schema's CHECKs make this impossible */
		s.amount = sqlite3_column_int64(st, 2);
		if (*n == RUN_SPANS_MAX) {
			*to = date_add_days(s.from, -1);
			break;
		}
		spans[(*n)++] = s;
	}
	db_reset(st);
	return rc == DB_OK || rc == DB_NOTFOUND ? DB_OK : rc;
}

static void charge_text(const struct rent_due *d, char *buf, size_t n)
{
	char day[DATE_BUFSZ];
	date_format_iso(d->due, day, sizeof day);
	snprintf(buf, n, "Rent, %s from %s",
		 d->period == RENT_WEEKLY ? "week" : d->period == RENT_FOUR_WEEKLY ? "4 weeks"
		 : "month", day);
}

/* Charges one tenancy up to `up_to`; adds to *r. */
static int run_one(struct db *db, struct run_tenancy *t, struct date up_to,
		   int rent_free_weeks, struct rent_run_result *r)
{
	int64_t before = r->charges;
	struct date from = date_valid(t->last) ? date_add_days(t->last, 1) : t->start;
	struct date to = up_to;
	if (date_valid(t->end) && date_cmp(date_add_days(t->end, -1), to) < 0)
		to = date_add_days(t->end, -1);
	struct rent_span spans[RUN_SPANS_MAX];
	struct rent_due due[64];
	while (date_valid(from) && date_cmp(from, to) <= 0) {
		/* At most a year at a time, so that `due` always has room. */
		struct date wto = date_add_days(from, 365);
		if (!date_valid(wto) || date_cmp(wto, to) > 0)
			wto = to;
		int ns = 0, rc = load_spans(db, t->home_id, from, &wto, spans, &ns);
		if (rc)
			return rc;
		int nd = rent_charges_due(spans, ns, t->start, from, wto, rent_free_weeks,
					  due, (int)(sizeof due / sizeof due[0]));
		if (nd < 0)
			return db_set_error(db, DB_ERROR, "the rent run could not work out the"
					    " charges of tenancy %lld", (long long)t->id);
		for (int i = 0; i < nd; i++) {
			char day[DATE_BUFSZ], text[80];
			date_format_iso(due[i].due, day, sizeof day);
			charge_text(&due[i], text, sizeof text);
			t->balance += due[i].amount;
			if ((rc = insert_row(db, t->id, day, "charge", due[i].amount, t->balance, text,
					     RENT_RUN_REFERENCE)))
				return rc;
			r->charges++;
			r->total_pence += due[i].amount;
		}
		if (nd == (int)(sizeof due / sizeof due[0]))
			wto = due[nd - 1].due;
		from = date_add_days(wto, 1);
	}
	if (r->charges > before)
		r->tenancies++;
	return DB_OK;
}

#define RUN_BATCH 64
/* The page cache while the run writes: a year of charges for 20,000
 * tenancies adds to the index by date all over it, and with the
 * interface's 1 MiB each row read its pages back. Freed after. */
#define RUN_CACHE_MIB 32

static int run_all(struct db *db, const struct actor *who, struct date until, const char *up_to,
		   int free_weeks, struct rent_run_result *count);

int rent_charge_run(struct db *db, const struct actor *who, const char *up_to,
		    int64_t *posted)
{
	struct rent_run_result r;
	int rc = rent_charge_run_summary(db, who, up_to, &r);
	if (posted)
		*posted = rc ? 0 : r.charges;
	return rc;
}

int rent_charge_run_summary(struct db *db, const struct actor *who, const char *up_to,
			    struct rent_run_result *out)
{
	struct rent_run_result count = { 0 };
	int64_t free_weeks = 0;
	memset(out, 0, sizeof *out);
	int rc = db_access_check(db, who, AREA_RENT, OP_WRITE, NULL);
	if (rc)
		return rc;
	struct date until;
	if (rent_iso_date(up_to, &until))
		return db_set_error(db, DB_INVALID, "the rent run needs a real date to charge up to,"
				    " like 2026-11-29");
	struct date limit = date_add_days(date_today(), RENT_RUN_MAX_AHEAD_DAYS);
	char shown[ZONE_TIME_BUFSZ];
	if (date_cmp(until, limit) > 0)
		return db_set_error(db, DB_INVALID, "the rent run charges at most %d days ahead:"
				    " %s is too far", RENT_RUN_MAX_AHEAD_DAYS,
				    date_format_uk(until, shown, sizeof shown));
	if ((rc = setting_int(db, "rent_free_weeks", &free_weeks)))
		return rc;
	if (free_weeks < 0 || free_weeks > RENT_FREE_WEEKS_MAX)
		return db_set_error(db, DB_INVALID, "the setting rent_free_weeks must be 0 to %d",
				    RENT_FREE_WEEKS_MAX);
	/* One transaction, all or nothing; inside a caller's (the demo's) it
	 * takes no savepoint, which would make each charge slower than the
	 * last (db_begin_flat). */
	int64_t cache;
	if ((rc = db_cache_enlarge(db, RUN_CACHE_MIB, &cache)))
		return rc;
	rc = run_all(db, who, until, up_to, (int)free_weeks, &count);
	db_cache_restore(db, cache);
	if (rc)
		return rc;
	*out = count;
	return DB_OK;
}

static int run_all(struct db *db, const struct actor *who, struct date until, const char *up_to,
		   int free_weeks, struct rent_run_result *count)
{
	int rc;
	if ((rc = db_begin_flat(db, who)))
		return rc;
	int64_t after = 0;
	for (;;) {
		struct run_tenancy batch[RUN_BATCH];
		int nb = 0;
		sqlite3_stmt *st = db_prep(db, SQL_RUN_TENANCIES);
		if (!st)
			return db_abort(db, db_status(db));
		db_bind_text(st, 1, up_to);
		sqlite3_bind_int64(st, 2, after);
		sqlite3_bind_text(st, 3, RENT_RUN_REFERENCE, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, RUN_BATCH);
		while (nb < RUN_BATCH && (rc = db_step_row(db, st)) == DB_OK) {
			struct run_tenancy *t = &batch[nb++];
			memset(t, 0, sizeof *t);
			t->id = sqlite3_column_int64(st, 0);
			t->home_id = sqlite3_column_int64(st, 1);
			rent_iso_date((const char *)sqlite3_column_text(st, 2), &t->start);
			rent_iso_date((const char *)sqlite3_column_text(st, 3), &t->end);
			rent_iso_date((const char *)sqlite3_column_text(st, 4), &t->last);
			t->balance = sqlite3_column_int64(st, 5);
		}
		db_reset(st);
		if (rc != DB_OK && rc != DB_NOTFOUND)
			return db_abort(db, rc);
		for (int i = 0; i < nb; i++)
			if ((rc = run_one(db, &batch[i], until, free_weeks, count)))
				return db_abort(db, rc);
		if (nb < RUN_BATCH)
			break;
		after = batch[nb - 1].id;
	}
	return db_commit(db);
}

char *rent_run_words(const struct rent_run_result *r, const char *up_to, char *buf, size_t n)
{
	char day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	zone_format(up_to, day, sizeof day);
	if (!r->charges)
		snprintf(buf, n, "Nothing to post: every tenancy is charged up to %s.", day);
	else
		snprintf(buf, n, "Posted %lld %s to %lld %s, %s in all, up to %s.",
			 (long long)r->charges, r->charges == 1 ? "charge" : "charges",
			 (long long)r->tenancies, r->tenancies == 1 ? "tenancy" : "tenancies",
			 money_format(r->total_pence, money, sizeof money), day);
	return buf;
}

/* ---- arrears ------------------------------------------------------------ */

void rent_arrears_key(const struct rent_arrears_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->tenancy_id;
	key->num = r->balance_pence;
}

static int board_only(struct db *db, const struct actor *who)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_RENT, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the board may see everyone's arrears");
	return DB_OK;
}

static void read_arrears(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct rent_arrears_row *r = row;
	memset(r, 0, sizeof *r);
	r->tenancy_id = sqlite3_column_int64(st, 0);
	r->home_id = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, r->home_ref, sizeof r->home_ref);
	db_col_text(st, 3, r->tenants, sizeof r->tenants);
	db_col_text(st, 4, r->start_date, sizeof r->start_date);
	db_col_text(st, 5, r->end_date, sizeof r->end_date);
	r->balance_pence = sqlite3_column_int64(st, 6);
	enum rent_period p;
	if (sqlite3_column_type(st, 7) != SQLITE_NULL &&
	    rent_period_parse((const char *)sqlite3_column_text(st, 7), &p) == 0 &&
	    rent_weekly_equivalent(p, sqlite3_column_int64(st, 8), &r->weekly_rent) == 0)
		r->weeks_x100 = money_weeks_x100(r->balance_pence, r->weekly_rent);
	else
		r->weekly_rent = 0;
}

int rent_arrears_page(struct db *db, const struct actor *who, enum tenancy_which which,
		      enum page_dir dir, const struct page_key *key,
		      struct rent_arrears_row *rows, int max, int *n)
{
	*n = 0;
	int rc = board_only(db, who);
	if (rc || (rc = db_page_args(db, "rent_arrears_page", (unsigned)which > TENANCIES_FORMER,
				     dir, key, max)))
		return rc;
	char today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	sqlite3_stmt *st = db_prep(db, SQL_ARREARS[dir]);
	if (!st)
		return db_status(db);
	if (key) {
		sqlite3_bind_int64(st, 1, key->num);
		sqlite3_bind_int64(st, 2, key->id);
	}
	sqlite3_bind_int(st, 3, max);
	sqlite3_bind_text(st, 4, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 5, (int)which);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_arrears, NULL, n);
}

int rent_arrears_total(struct db *db, const struct actor *who, int64_t *count,
		       int64_t *total_pence)
{
	int rc = board_only(db, who);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_ARREARS_TOTAL);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 5, TENANCIES_ALL);
	if ((rc = db_step_row(db, st)))
		return rc;
	*count = sqlite3_column_int64(st, 0);
	*total_pence = sqlite3_column_int64(st, 1);
	db_reset(st);
	return DB_OK;
}
