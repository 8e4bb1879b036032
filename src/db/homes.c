/*
 * src/db/homes.c: the co-op's homes and their effective-dated rent rates.
 * Shaped like members.c: static statements, bound values, one transaction a
 * write, keyset pages.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/homes.h"
#include "coopdesk/rent.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* A whole home: the columns it shares with a list row first (SHARED_FIELDS),
 * then its own (FULL_FIELDS); the readers below take them in this order. */
#define FULL_COLS \
	"id, ref, address, street, postcode, kind, bedrooms, in_use, uuid, notes, version"
#define SHARED_FIELDS(X) \
	X(INT64, id) X(TEXT, ref) X(TEXT, address) X(TEXT, street) X(TEXT, postcode) \
	X(TEXT, kind) X(INT, bedrooms) X(INT, in_use)
#define FULL_FIELDS(X) X(TEXT, uuid) X(TEXT, notes) X(INT64, version)
#define NO_HOME "there is no such home"

static const char SQL_GET[] = "SELECT " FULL_COLS " FROM homes WHERE id = ?1";
static const char SQL_GET_BY_REF[] = "SELECT " FULL_COLS " FROM homes WHERE ref = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO homes (uuid, ref, address, street, postcode, kind, bedrooms, in_use, notes)"
	" VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?10)";
static const char SQL_UPDATE[] =
	"UPDATE homes SET ref = ?3, address = ?4, street = ?5, postcode = ?6, kind = ?7,"
	" bedrooms = ?8, in_use = ?9, notes = ?10, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_EXISTS[] = "SELECT version FROM homes WHERE id = ?1";
static const char SQL_LET[] = "SELECT 1 FROM tenancies WHERE home_id = ?1 AND end_date IS NULL";
static const char SQL_COUNT[] = "SELECT n FROM row_counts WHERE name = 'homes'";
static const char SQL_COUNT_OWN[] =
	"SELECT count(DISTINCT t.home_id) FROM tenancy_signatories s"
	" JOIN tenancies t ON t.id = s.tenancy_id WHERE s.member_id = ?1";
/* A member's own home: one of a tenancy they hold or held. */
static const char SQL_OWN_HOME[] =
	"SELECT 1 FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id"
	" WHERE s.member_id = ?1 AND t.home_id = ?2 LIMIT 1";

/* The list: ?1 which (0 all, 1 occupied, 2 vacant, 3 unavailable), ?2 FTS
 * query or NULL, ?3 the key's ref, ?4 the key's id, ?5 the page size, ?6
 * today, ?7 the member whose homes only (0: all), ?8 the same query for a
 * current signatory's name (members_fts, name column only). SHARED_FIELDS
 * first, then the row's. The open repairs are counted through the partial
 * index repairs_open_by_home, so a home with a long history costs no more. */
#define ROW_COLS \
	"SELECT h.id, h.ref, h.address, h.street, h.postcode, h.kind, h.bedrooms, h.in_use," \
	" coalesce(c.id, 0)," \
	" coalesce((SELECT group_concat(name, ', ') FROM" \
	"   (SELECT m.name FROM tenancy_signatories s JOIN members m ON m.id = s.member_id" \
	"     WHERE s.tenancy_id = c.id ORDER BY s.id)), '')," \
	" (SELECT r.period FROM rent_rates r WHERE r.home_id = h.id AND r.effective_from <= ?6" \
	"   ORDER BY r.effective_from DESC LIMIT 1)," \
	" (SELECT r.amount_pence FROM rent_rates r WHERE r.home_id = h.id AND r.effective_from <= ?6" \
	"   ORDER BY r.effective_from DESC LIMIT 1)," \
	" (SELECT count(*) FROM repairs p WHERE p.home_id = h.id AND p.is_open)" \
	" FROM homes h LEFT JOIN tenancies c ON c.home_id = h.id AND c.end_date IS NULL"
#define FILTER \
	" WHERE (?1 = 0 OR (?1 = 1 AND c.id IS NOT NULL) OR (?1 = 2 AND c.id IS NULL AND h.in_use = 1)" \
	"   OR (?1 = 3 AND c.id IS NULL AND h.in_use = 0))" \
	" AND (?2 IS NULL OR h.id IN (SELECT rowid FROM homes_fts WHERE homes_fts MATCH ?2)" \
	"   OR h.id IN (SELECT t.home_id FROM tenancies t" \
	"     JOIN tenancy_signatories s ON s.tenancy_id = t.id WHERE t.end_date IS NULL" \
	"     AND s.member_id IN (SELECT rowid FROM members_fts WHERE members_fts MATCH ?8)))" \
	" AND (?7 = 0 OR h.id IN (SELECT t.home_id FROM tenancy_signatories s" \
	"      JOIN tenancies t ON t.id = s.tenancy_id WHERE s.member_id = ?7))"
#define STREET_KEY "(SELECT k.street, k.address, k.id FROM homes k WHERE k.id = ?4)"

static const char *const SQL_PAGE[2][4] = {
	[HOME_BY_REF] = {
		[PAGE_FIRST] = ROW_COLS FILTER " ORDER BY h.ref LIMIT ?5",
		[PAGE_LAST] = ROW_COLS FILTER " ORDER BY h.ref DESC LIMIT ?5",
		[PAGE_AFTER] = ROW_COLS FILTER " AND h.ref > ?3 ORDER BY h.ref LIMIT ?5",
		[PAGE_BEFORE] = ROW_COLS FILTER " AND h.ref < ?3 ORDER BY h.ref DESC LIMIT ?5",
	},
	[HOME_BY_STREET] = {
		[PAGE_FIRST] = ROW_COLS FILTER " ORDER BY h.street, h.address, h.id LIMIT ?5",
		[PAGE_LAST] = ROW_COLS FILTER
			" ORDER BY h.street DESC, h.address DESC, h.id DESC LIMIT ?5",
		[PAGE_AFTER] = ROW_COLS FILTER " AND (h.street, h.address, h.id) > " STREET_KEY
			" ORDER BY h.street, h.address, h.id LIMIT ?5",
		[PAGE_BEFORE] = ROW_COLS FILTER " AND (h.street, h.address, h.id) < " STREET_KEY
			" ORDER BY h.street DESC, h.address DESC, h.id DESC LIMIT ?5",
	},
};

/* Rent rates. */
#define RATE_COLS "id, home_id, effective_from, period, amount_pence, recorded_at"
static const char SQL_RATE_INSERT[] =
	"INSERT INTO rent_rates (home_id, effective_from, period, amount_pence)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char SQL_RATE_ON[] =
	"SELECT " RATE_COLS " FROM rent_rates WHERE home_id = ?1 AND effective_from <= ?2"
	" ORDER BY effective_from DESC LIMIT 1";
static const char SQL_RATE_LIST[] =
	"SELECT " RATE_COLS " FROM rent_rates WHERE home_id = ?1"
	" ORDER BY effective_from DESC LIMIT ?2";
static const char SQL_RATE_LATEST[] =
	"SELECT max(effective_from) FROM rent_rates WHERE home_id = ?1";
/* A home's rates a page at a time, newest first, keyed by the date: ?1 the
 * home, ?2 the key's date, ?3 the page size. UNIQUE (home_id,
 * effective_from) serves every direction. */
static const char *const SQL_RATE_PAGE[4] = {
	[PAGE_FIRST] = "SELECT " RATE_COLS " FROM rent_rates WHERE home_id = ?1"
		" ORDER BY effective_from DESC LIMIT ?3",
	[PAGE_LAST] = "SELECT " RATE_COLS " FROM rent_rates WHERE home_id = ?1"
		" ORDER BY effective_from LIMIT ?3",
	[PAGE_AFTER] = "SELECT " RATE_COLS " FROM rent_rates WHERE home_id = ?1"
		" AND effective_from < ?2 ORDER BY effective_from DESC LIMIT ?3",
	[PAGE_BEFORE] = "SELECT " RATE_COLS " FROM rent_rates WHERE home_id = ?1"
		" AND effective_from > ?2 ORDER BY effective_from LIMIT ?3",
};
/* The last charge the rent run posted for any tenancy of a home. */
static const char SQL_LAST_RUN_CHARGE[] =
	"SELECT max((SELECT l.entry_date FROM rent_ledger l"
	"             WHERE l.tenancy_id = t.id AND l.kind = 'charge' AND l.reference = ?2"
	"             ORDER BY l.id DESC LIMIT 1))"
	" FROM tenancies t WHERE t.home_id = ?1";

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct home *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct home_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	DB_COL(INT64, tenancy_id)
	DB_COL(TEXT, tenants)
	if (sqlite3_column_type(st, col) != SQLITE_NULL &&
	    rent_period_parse((const char *)sqlite3_column_text(st, col), &r->rent_period) == 0) {
		r->has_rent = 1;
		r->rent_pence = sqlite3_column_int64(st, col + 1);
		if (rent_weekly_equivalent(r->rent_period, r->rent_pence, &r->weekly_rent))
			r->weekly_rent = 0;
		if (rent_uc_monthly(r->rent_period, r->rent_pence, ctx ? *(const int *)ctx : 0,
				    &r->uc_monthly))
			r->uc_monthly = 0;
	}
	r->open_repairs = sqlite3_column_int64(st, col + 2);
}

/* The setting rent_free_weeks, 0 when it cannot be read. */
static int rent_free_weeks(struct db *db)
{
	int64_t n = 0;
	if (setting_int(db, "rent_free_weeks", &n) != DB_OK || n < 0 || n > RENT_FREE_WEEKS_MAX)
		n = 0;
	return (int)n;
}

enum home_status home_row_status(const struct home_row *r)
{
	return r->tenancy_id ? HOME_LET : r->in_use ? HOME_VOID : HOME_UNAVAILABLE;
}

const char *home_status_label(enum home_status s)
{
	switch (s) {
	case HOME_LET: return "let";
	case HOME_VOID: return "void";
	case HOME_UNAVAILABLE: return "unavailable";
	}
	return "?";
}

static void read_rate(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct rent_rate *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->home_id = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, r->effective_from, sizeof r->effective_from);
	if (rent_period_parse((const char *)sqlite3_column_text(st, 3), &r->period))
		r->period = RENT_WEEKLY;  /* the schema's CHECK allows no other */
	r->amount_pence = sqlite3_column_int64(st, 4);
	db_col_text(st, 5, r->recorded_at, sizeof r->recorded_at);
}

static int no_home(struct db *db)
{
	return db_set_error(db, DB_NOTFOUND, NO_HOME);
}

/* For ACCESS_OWN: DB_OK if the actor holds or held a tenancy of the home,
 * else DB_NOTFOUND as if there were no such home. */
static int check_own(struct db *db, const struct actor *who, enum access_level level,
		     int64_t home_id)
{
	if (level == ACCESS_ALL)
		return DB_OK;
	sqlite3_stmt *st = db_prep(db, SQL_OWN_HOME);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, who->member_id);
	sqlite3_bind_int64(st, 2, home_id);
	int rc = db_step_row(db, st);
	db_reset(st);
	return rc == DB_NOTFOUND ? no_home(db) : rc;
}

static int get_by(struct db *db, const struct actor *who, const char *sql, int64_t id,
		  const char *ref, struct home *h)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_HOMES, OP_READ, &level);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	if (ref)
		db_bind_text(st, 1, ref);
	else
		sqlite3_bind_int64(st, 1, id);
	struct home got;
	if ((rc = db_read_one(db, st, read_full, &got, NULL, NO_HOME)) ||
	    (rc = check_own(db, who, level, got.id)))
		return rc;
	*h = got;
	return DB_OK;
}

int home_get(struct db *db, const struct actor *who, int64_t id, struct home *h)
{
	return get_by(db, who, SQL_GET, id, NULL, h);
}

int home_get_by_ref(struct db *db, const struct actor *who, const char *ref, struct home *h)
{
	return get_by(db, who, SQL_GET_BY_REF, 0, ref ? ref : "", h);
}

/* Binds ?3..?10, the fields create and update share. */
static void bind_fields(sqlite3_stmt *st, const struct home *h)
{
	db_bind_text(st, 3, h->ref);
	db_bind_text(st, 4, h->address);
	db_bind_text(st, 5, h->street);
	db_bind_text(st, 6, h->postcode);
	db_bind_text(st, 7, h->kind[0] ? h->kind : "house");
	sqlite3_bind_int(st, 8, h->bedrooms);
	sqlite3_bind_int(st, 9, h->in_use);
	db_bind_text(st, 10, h->notes);
}

/* A home's details are one line each, its notes several. */
static int check_text(struct db *db, const struct home *h)
{
	int rc;
	if ((rc = db_check_line(db, "a home's reference", h->ref)) ||
	    (rc = db_check_line(db, "a home's address", h->address)) ||
	    (rc = db_check_line(db, "a street", h->street)) ||
	    (rc = db_check_line(db, "a postcode", h->postcode)) ||
	    (rc = db_check_lines(db, "notes", h->notes)))
		return rc;
	return DB_OK;
}

int home_create(struct db *db, const struct actor *who, struct home *h)
{
	int rc = db_access_check(db, who, AREA_HOMES, OP_WRITE, NULL);
	if (rc || (rc = check_text(db, h)) || (rc = db_begin(db, who)))
		return rc;
	char uuid[37];
	db_new_uuid(uuid);
	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	bind_fields(st, h);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	h->id = id;
	memcpy(h->uuid, uuid, sizeof h->uuid);
	if (!h->kind[0])
		text_copy(h->kind, sizeof h->kind, "house");
	h->in_use = 1;
	h->version = 1;
	return DB_OK;
}

int home_update(struct db *db, const struct actor *who, struct home *h)
{
	int rc = db_access_check(db, who, AREA_HOMES, OP_WRITE, NULL);
	if (rc || (rc = check_text(db, h)) || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st;
	if (!h->in_use) {
		/* Unavailable is for a home nobody holds: a tenancy ends first. */
		if (!(st = db_prep(db, SQL_LET)))
			return db_abort(db, db_status(db));
		sqlite3_bind_int64(st, 1, h->id);
		rc = db_step_row(db, st);
		db_reset(st);
		if (rc == DB_OK)
			return db_abort(db, db_set_error(db, DB_INVALID, "that home is let: its tenancy"
							 " must end before it goes out of use"));
		if (rc != DB_NOTFOUND)
			return db_abort(db, rc);
	}
	if (!(st = db_prep(db, SQL_UPDATE)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, h->id);
	sqlite3_bind_int64(st, 2, h->version);
	bind_fields(st, h);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "homes", h->id, "this home", NO_HOME)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	h->version++;
	return DB_OK;
}

void home_row_key(const struct home_row *r, enum home_sort sort, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, sort == HOME_BY_REF ? r->ref : r->street);
}

int home_page(struct db *db, const struct actor *who, enum home_which which,
	      enum home_sort sort, const char *search, enum page_dir dir,
	      const struct page_key *key, struct home_row *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_HOMES, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "home_page",
				     (unsigned)sort > HOME_BY_STREET || (unsigned)which > HOMES_UNAVAILABLE,
				     dir, key, max)))
		return rc;
	char fts[512], names[530], today[DATE_BUFSZ];
	int has_search = search && *search && db_fts_query(search, fts, sizeof fts) == 0 && fts[0];
	if (has_search)
		snprintf(names, sizeof names, "name : (%s)", fts);
	date_format_iso(date_today(), today, sizeof today);
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[sort][dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, (int)which);
	if (has_search) {
		sqlite3_bind_text(st, 2, fts, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 8, names, -1, SQLITE_TRANSIENT);
	}
	if (key) {
		sqlite3_bind_text(st, 3, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, key->id);
	}
	sqlite3_bind_int(st, 5, max);
	sqlite3_bind_text(st, 6, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 7, level == ACCESS_ALL ? 0 : who->member_id);
	int free_weeks = rent_free_weeks(db);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, &free_weeks, n);
}

int home_count(struct db *db, const struct actor *who, int64_t *n)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_HOMES, OP_READ, &level);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, level == ACCESS_ALL ? SQL_COUNT : SQL_COUNT_OWN);
	if (!st)
		return db_status(db);
	if (level != ACCESS_ALL)
		sqlite3_bind_int64(st, 1, who->member_id);
	if ((rc = db_step_row(db, st)))
		return rc;
	*n = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

/* ---- rent rates --------------------------------------------------------- */

/* A rate is never put in before the latest one: that would rewrite the
 * rent of days already under another. The same day is left to the
 * schema's UNIQUE, whose sentence says so. */
static int check_after_latest(struct db *db, int64_t home_id, const char *from)
{
	sqlite3_stmt *st = db_prep(db, SQL_RATE_LATEST);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	int rc = db_step_row(db, st);
	char latest[ISO_DATE_LEN], shown[ZONE_TIME_BUFSZ];
	if (rc == DB_OK)
		db_col_text(st, 0, latest, sizeof latest);
	db_reset(st);
	if (rc)
		return rc;
	if (latest[0] && from && rent_iso_date(from, NULL) == 0 && strcmp(from, latest) < 0)
		return db_set_error(db, DB_INVALID,
			"the current rent began on %s: a new rent cannot start before it",
			zone_format(latest, shown, sizeof shown));
	return DB_OK;
}

int rent_rate_set(struct db *db, const struct actor *who, int64_t home_id,
		  const char *effective_from, enum rent_period period, int64_t amount_pence)
{
	int rc = db_access_check(db, who, AREA_HOMES, OP_WRITE, NULL);
	if (rc)
		return rc;
	const char *pname = rent_period_name(period);
	if (!pname)
		return db_set_error(db, DB_INVALID, "rent is weekly, four-weekly or monthly");
	if ((rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_EXISTS);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, home_id);
	rc = db_step_row(db, st);
	db_reset(st);
	if (rc)
		return db_abort(db, rc == DB_NOTFOUND ? no_home(db) : rc);
	if ((rc = check_after_latest(db, home_id, effective_from)))
		return db_abort(db, rc);
	if (!(st = db_prep(db, SQL_LAST_RUN_CHARGE)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, home_id);
	sqlite3_bind_text(st, 2, RENT_RUN_REFERENCE, -1, SQLITE_STATIC);
	if ((rc = db_step_row(db, st)))
		return db_abort(db, rc);
	char last[ISO_DATE_LEN];
	db_col_text(st, 0, last, sizeof last);
	db_reset(st);
	char shown[ZONE_TIME_BUFSZ];
	if (last[0] && effective_from && rent_iso_date(effective_from, NULL) == 0 &&
	    strcmp(effective_from, last) <= 0)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"rent is charged up to %s: a new rent starts after that (an adjustment"
			" corrects earlier charges)", zone_format(last, shown, sizeof shown)));
	if (!(st = db_prep(db, SQL_RATE_INSERT)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, home_id);
	db_bind_text(st, 2, effective_from);
	sqlite3_bind_text(st, 3, pname, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, amount_pence);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

int rent_rate_on(struct db *db, const struct actor *who, int64_t home_id,
		 const char *date, struct rent_rate *r)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_HOMES, OP_READ, &level);
	if (rc || (rc = check_own(db, who, level, home_id)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_RATE_ON);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	db_bind_text(st, 2, date);
	rc = db_read_one(db, st, read_rate, r, NULL, NULL);
	char shown[ZONE_TIME_BUFSZ];
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "no rent was set for that home by %s",
				    date ? zone_format(date, shown, sizeof shown) : "then");
	return rc;
}

int rent_rate_list(struct db *db, const struct actor *who, int64_t home_id,
		   struct rent_rate *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_HOMES, OP_READ, &level);
	if (rc || (rc = check_own(db, who, level, home_id)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_EXISTS);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	rc = db_step_row(db, st);
	db_reset(st);
	if (rc)
		return rc == DB_NOTFOUND ? no_home(db) : rc;
	if (!(st = db_prep(db, SQL_RATE_LIST)))
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	sqlite3_bind_int(st, 2, max);
	/* Read newest first, shown oldest first: as a last page is. */
	return db_page_read(db, st, PAGE_LAST, rows, max, sizeof *rows, read_rate, NULL, n);
}

void rent_rate_key(const struct rent_rate *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->effective_from);
}

int rent_rate_page(struct db *db, const struct actor *who, int64_t home_id, enum page_dir dir,
		   const struct page_key *key, struct rent_rate *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_HOMES, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "rent_rate_page", 0, dir, key, max)) ||
	    (rc = check_own(db, who, level, home_id)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_RATE_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, home_id);
	if (key)
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_rate, NULL, n);
}

int home_uc_monthly(struct db *db, enum rent_period period, int64_t amount, int64_t *monthly)
{
	return rent_uc_monthly(period, amount, rent_free_weeks(db), monthly);
}
