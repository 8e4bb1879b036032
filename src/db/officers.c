/*
 * src/db/officers.c: the register of officers (the Act s.30(3)). A plain
 * register with versions; the list is keyed by office, then the date they
 * became an officer, then id (the index officers_by_office).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/officers.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* A whole officer: the list row's columns first (ROW_FIELDS), then the
 * rest (FULL_FIELDS); the readers below take them in this order. */
#define FULL_COLS \
	"SELECT id, coalesce(member_id, 0), name, office, became_on, coalesce(ceased_on, '')," \
	" uuid, address, version FROM officers"
#define ROW_FIELDS(X) \
	X(INT64, id) X(INT64, member_id) X(TEXT, name) X(OFFICE, office) X(TEXT, became_on) \
	X(TEXT, ceased_on)
#define FULL_FIELDS(X) X(TEXT, uuid) X(TEXT, address) X(INT64, version)
#define DB_COL_OFFICE(field) r->field = office_of(st, col++);
#define NO_OFFICER "there is no such officer"

static const char SQL_GET[] = FULL_COLS " WHERE id = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO officers (uuid, member_id, name, address, office, became_on, ceased_on)"
	" VALUES (?1, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_UPDATE[] =
	"UPDATE officers SET member_id = ?3, name = ?4, address = ?5, office = ?6,"
	" became_on = ?7, ceased_on = ?8, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_CEASE[] =
	"UPDATE officers SET ceased_on = ?3, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_EXISTS[] = "SELECT version FROM officers WHERE id = ?1";
static const char SQL_MEMBER[] =
	"SELECT name, address, coalesce(ceased_on, '') FROM members WHERE id = ?1";

/* ?1 which (0 all, 1 current, 2 former), ?2 ?3 ?4 the key's office, date
 * and id, ?5 the page size. The columns are ROW_FIELDS. */
#define ROW_COLS \
	"SELECT id, coalesce(member_id, 0), name, office, became_on, coalesce(ceased_on, '')" \
	" FROM officers WHERE (?1 = 0 OR (?1 = 1) = (ceased_on IS NULL))"
#define ASC " ORDER BY office, became_on, id LIMIT ?5"
#define DESC " ORDER BY office DESC, became_on DESC, id DESC LIMIT ?5"

static const char *const SQL_PAGE[4] = {
	[PAGE_FIRST] = ROW_COLS ASC,
	[PAGE_LAST] = ROW_COLS DESC,
	[PAGE_AFTER] = ROW_COLS " AND (office, became_on, id) > (?2, ?3, ?4)" ASC,
	[PAGE_BEFORE] = ROW_COLS " AND (office, became_on, id) < (?2, ?3, ?4)" DESC,
};

/* As stored, in the schema's sort order, and as shown. */
static const char *const codes[OFFICE_COUNT] = {
	[OFFICE_CHAIR] = "chair", [OFFICE_DIRECTOR] = "director", [OFFICE_OTHER] = "other",
	[OFFICE_SECRETARY] = "secretary", [OFFICE_TREASURER] = "treasurer",
	[OFFICE_VICE_CHAIR] = "vice_chair",
};
static const char *const names[OFFICE_COUNT] = {
	[OFFICE_CHAIR] = "chair", [OFFICE_DIRECTOR] = "director", [OFFICE_OTHER] = "other",
	[OFFICE_SECRETARY] = "secretary", [OFFICE_TREASURER] = "treasurer",
	[OFFICE_VICE_CHAIR] = "vice-chair",
};

const char *officer_office_name(enum officer_office office)
{
	return (unsigned)office < OFFICE_COUNT ? names[office] : "?";
}

int officer_office_parse(const char *s)
{
	for (int i = 0; s && i < OFFICE_COUNT; i++)
		if (strcmp(s, codes[i]) == 0 || strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static enum officer_office office_of(sqlite3_stmt *st, int col)
{
	char code[16];
	db_col_text(st, col, code, sizeof code);
	int i = officer_office_parse(code);
	return i < 0 ? OFFICE_OTHER : (enum officer_office)i;
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct officer_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct officer *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

/* A date for the register, as ISO into out; "" allowed when !required.
 * The register records what happened: not a day to come. */
static int day_arg(struct db *db, const char *s, const char *what, int required,
		   char out[ISO_DATE_LEN])
{
	char why[160], today[DATE_BUFSZ];
	struct date d;
	out[0] = '\0';
	if (!required && (!s || !*s))
		return DB_OK;
	if (date_explain(s, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "%s: %s", what, why);
	date_parse(s, &d);
	if (date_cmp(d, date_today()) > 0)
		return db_set_error(db, DB_INVALID, "%s cannot be in the future (today is %s)", what,
				    date_format_uk(date_today(), today, sizeof today));
	date_format_iso(d, out, ISO_DATE_LEN);
	return DB_OK;
}

/* Checks what the schema cannot say well, normalises the dates, and fills
 * an empty name or address from the member's entry. Inside a transaction. */
static int prepare(struct db *db, struct officer *o, char became[ISO_DATE_LEN],
		   char ceased[ISO_DATE_LEN])
{
	int rc;
	if ((unsigned)o->office >= OFFICE_COUNT)
		return db_set_error(db, DB_INVALID,
				    "an office is chair, vice-chair, secretary, treasurer, director or other");
	if ((rc = day_arg(db, o->became_on, "the date they became an officer", 1, became)) ||
	    (rc = day_arg(db, o->ceased_on, "the date they ceased to be an officer", 0, ceased)))
		return rc;
	if (o->member_id <= 0)
		return DB_OK;
	sqlite3_stmt *st = db_prep(db, SQL_MEMBER);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, o->member_id);
	if ((rc = db_step_row(db, st)) == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such member");
	if (rc)
		return rc;
	char gone[ISO_DATE_LEN], shown[ZONE_TIME_BUFSZ];
	db_col_text(st, 2, gone, sizeof gone);
	if (!o->name[0])
		db_col_text(st, 0, o->name, sizeof o->name);
	if (!o->address[0])
		db_col_text(st, 1, o->address, sizeof o->address);
	db_reset(st);
	/* A member's office ends with their membership (member_cease). */
	if (gone[0] && strcmp(gone, became) <= 0)
		return db_set_error(db, DB_INVALID, "they ceased to be a member on %s: a member's"
				    " office ends with their membership",
				    zone_format(gone, shown, sizeof shown));
	return DB_OK;
}

/* Binds ?3..?8, the fields create and update share. */
static void bind_fields(sqlite3_stmt *st, const struct officer *o, const char *became,
			const char *ceased)
{
	db_bind_id_or_null(st, 3, o->member_id);
	db_bind_text(st, 4, o->name);
	db_bind_text(st, 5, o->address);
	sqlite3_bind_text(st, 6, codes[o->office], -1, SQLITE_STATIC);
	db_bind_text(st, 7, became);
	db_bind_text_or_null(st, 8, ceased);
}

int officer_create(struct db *db, const struct actor *who, struct officer *o)
{
	char became[ISO_DATE_LEN], ceased[ISO_DATE_LEN], uuid[37];
	int rc = db_access_check(db, who, AREA_OFFICERS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = prepare(db, o, became, ceased)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	db_new_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	bind_fields(st, o, became, ceased);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	o->id = id;
	memcpy(o->uuid, uuid, sizeof o->uuid);
	memcpy(o->became_on, became, sizeof o->became_on);
	memcpy(o->ceased_on, ceased, sizeof o->ceased_on);
	o->version = 1;
	return DB_OK;
}

int officer_get(struct db *db, const struct actor *who, int64_t id, struct officer *o)
{
	int rc = db_access_check(db, who, AREA_OFFICERS, OP_READ, NULL);
	return rc ? rc : db_get(db, SQL_GET, id, read_full, o, NULL, NO_OFFICER);
}

int officer_update(struct db *db, const struct actor *who, struct officer *o)
{
	char became[ISO_DATE_LEN], ceased[ISO_DATE_LEN];
	int rc = db_access_check(db, who, AREA_OFFICERS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = prepare(db, o, became, ceased)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_UPDATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, o->id);
	sqlite3_bind_int64(st, 2, o->version);
	bind_fields(st, o, became, ceased);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "officers", o->id, "this officer", NO_OFFICER)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	o->version++;
	memcpy(o->became_on, became, sizeof o->became_on);
	memcpy(o->ceased_on, ceased, sizeof o->ceased_on);
	return DB_OK;
}

int officer_cease(struct db *db, const struct actor *who, int64_t id, const char *ceased_on,
		  int64_t version)
{
	char ceased[ISO_DATE_LEN];
	int rc = db_access_check(db, who, AREA_OFFICERS, OP_WRITE, NULL);
	if (rc || (rc = day_arg(db, ceased_on, "the date they ceased to be an officer", 1, ceased)) ||
	    (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_CEASE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, ceased);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "officers", id, "this officer", NO_OFFICER)))
		return db_abort(db, rc);
	return db_commit(db);
}

void officer_row_key(const struct officer_row *r, struct page_key *key)
{
	struct date d = { 0, 0, 0 };
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, codes[(unsigned)r->office < OFFICE_COUNT ?
							r->office : OFFICE_OTHER]);
	if (date_parse(r->became_on, &d) == DATE_OK)
		key->num = (int64_t)d.y * 10000 + d.m * 100 + d.d;
}

int officer_page(struct db *db, const struct actor *who, enum officer_which which,
		 enum page_dir dir, const struct page_key *key,
		 struct officer_row *rows, int max, int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_OFFICERS, OP_READ, NULL);
	if (rc || (rc = db_page_args(db, "officer_page", (unsigned)which > OFFICERS_FORMER, dir,
				     key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, (int)which);
	if (key) {
		char day[DATE_BUFSZ];
		struct date d = { (int)(key->num / 10000), (int)(key->num / 100 % 100),
				  (int)(key->num % 100) };
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, date_format_iso(d, day, sizeof day), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, key->id);
	}
	sqlite3_bind_int(st, 5, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}
