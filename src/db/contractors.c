/*
 * src/db/contractors.c: the contractors repairs are assigned to. Shaped
 * like members.c: static statements, one transaction per write, keyset
 * pages by name.
 */
#include <string.h>

#include "coopdesk/contractors.h"
#include "coopdesk/text.h"
#include "dbint.h"

/* A whole contractor: the list row's columns first (ROW_FIELDS), then the
 * rest (FULL_FIELDS); the readers below take them in this order. */
static const char SQL_GET[] =
	"SELECT id, name, trade, phone, in_use, uuid, email, version FROM contractors WHERE id = ?1";
#define ROW_FIELDS(X) X(INT64, id) X(TEXT, name) X(TEXT, trade) X(TEXT, phone) X(INT, in_use)
#define FULL_FIELDS(X) X(TEXT, uuid) X(TEXT, email) X(INT64, version)
#define NO_CONTRACTOR "there is no such contractor"
static const char SQL_INSERT[] =
	"INSERT INTO contractors (uuid, name, trade, phone, email) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_UPDATE[] =
	"UPDATE contractors SET name = ?3, trade = ?4, phone = ?5, email = ?6,"
	" version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_IN_USE[] =
	"UPDATE contractors SET in_use = ?3, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_EXISTS[] = "SELECT version FROM contractors WHERE id = ?1";

/* ?1 in use only, ?2 key name, ?3 key id, ?4 page size, ?5..?8 the words
 * searched for (SEARCH_WORDS), each a LIKE pattern "% word%" or NULL: a
 * word of the name or trade, split at spaces and SEPARATORS, starts with
 * it. Contractors are few: the search reads them all. ROW_FIELDS. */
#define SEARCH_WORDS 4
#define SEPARATORS "-/(&,"
#define WORDS \
	"(' ' || replace(replace(replace(replace(replace(name || ' ' || trade," \
	" '-', ' '), '/', ' '), '(', ' '), '&', ' '), ',', ' '))"
#define HAS(P) " AND (" P " IS NULL OR " WORDS " LIKE " P " ESCAPE '\\')"
#define ROW_COLS \
	"SELECT id, name, trade, phone, in_use FROM contractors WHERE (?1 = 0 OR in_use)" \
	HAS("?5") HAS("?6") HAS("?7") HAS("?8")
static const char *const SQL_PAGE[4] = {
	[PAGE_FIRST] = ROW_COLS " ORDER BY name, id LIMIT ?4",
	[PAGE_LAST] = ROW_COLS " ORDER BY name DESC, id DESC LIMIT ?4",
	[PAGE_AFTER] = ROW_COLS " AND (name, id) > (?2, ?3) ORDER BY name, id LIMIT ?4",
	[PAGE_BEFORE] = ROW_COLS " AND (name, id) < (?2, ?3) ORDER BY name DESC, id DESC LIMIT ?4",
};

/* Contractors are the estate office's business: a member's "own" access to
 * repairs does not reach them. */
static int check(struct db *db, const struct actor *who, enum access_op op)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REPAIRS, op, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "a %s may not %s contractors",
				    access_role_name(who->role),
				    op == OP_READ ? "look through" : "change");
	return DB_OK;
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct contractor_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct contractor *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

int contractor_get(struct db *db, const struct actor *who, int64_t id, struct contractor *c)
{
	int rc = check(db, who, OP_READ);
	return rc ? rc : db_get(db, SQL_GET, id, read_full, c, NULL, NO_CONTRACTOR);
}

/* A contractor's details are one line each. */
static int check_text(struct db *db, const struct contractor *c)
{
	int rc;
	if ((rc = db_check_line(db, "a contractor's name", c->name)) ||
	    (rc = db_check_line(db, "a trade", c->trade)) ||
	    (rc = db_check_line(db, "a phone number", c->phone)) ||
	    (rc = db_check_line(db, "an email address", c->email)))
		return rc;
	return DB_OK;
}

int contractor_create(struct db *db, const struct actor *who, struct contractor *c)
{
	int rc = check(db, who, OP_WRITE);
	if (rc || (rc = check_text(db, c)) || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	db_new_uuid(c->uuid);
	sqlite3_bind_text(st, 1, c->uuid, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, c->name);
	db_bind_text(st, 3, c->trade);
	db_bind_text(st, 4, c->phone);
	db_bind_text(st, 5, c->email);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	c->id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	c->in_use = 1;
	c->version = 1;
	return DB_OK;
}

int contractor_update(struct db *db, const struct actor *who, struct contractor *c)
{
	int rc = check(db, who, OP_WRITE);
	if (rc || (rc = check_text(db, c)) || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_UPDATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int64(st, 2, c->version);
	db_bind_text(st, 3, c->name);
	db_bind_text(st, 4, c->trade);
	db_bind_text(st, 5, c->phone);
	db_bind_text(st, 6, c->email);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "contractors", c->id, "this contractor", NO_CONTRACTOR)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	c->version++;
	return DB_OK;
}

int contractor_set_in_use(struct db *db, const struct actor *who, int64_t id,
			  int64_t version, int in_use)
{
	int rc = check(db, who, OP_WRITE);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_IN_USE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	sqlite3_bind_int(st, 3, in_use ? 1 : 0);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "contractors", id, "this contractor", NO_CONTRACTOR)))
		return db_abort(db, rc);
	return db_commit(db);
}

void contractor_row_key(const struct contractor_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->name);
}

static int separator(char c)
{
	return c == ' ' || c == '\t' || (c && strchr(SEPARATORS, c));
}

/* Binds ?5.. to a LIKE pattern for each word typed (the first
 * SEARCH_WORDS of them): "% word%", with % _ and \ escaped. */
static void bind_search(sqlite3_stmt *st, const char *typed)
{
	char pattern[CONTRACTOR_NAME_MAX * 8 + 8];
	const char *p = typed ? typed : "";
	for (int words = 0; words < SEARCH_WORDS; words++) {
		while (separator(*p))
			p++;
		if (!*p)
			break;
		size_t o = 2, last = 2;  /* last: where the last character written starts */
		int cut = 0;
		pattern[0] = '%';
		pattern[1] = ' ';
		for (; *p && !separator(*p); p++) {
			if (o + 4 > sizeof pattern) {
				cut = 1;   /* longer than any name: the rest cannot matter */
				continue;
			}
			if (((unsigned char)*p & 0xC0) != 0x80)
				last = o;
			if (*p == '%' || *p == '_' || *p == '\\')
				pattern[o++] = '\\';
			pattern[o++] = *p;
		}
		if (cut)
			o = last;  /* never half a character */
		pattern[o++] = '%';
		pattern[o] = '\0';
		sqlite3_bind_text(st, 5 + words, pattern, -1, SQLITE_TRANSIENT);
	}
}

int contractor_page(struct db *db, const struct actor *who, int in_use_only,
		    const char *search, enum page_dir dir, const struct page_key *key,
		    struct contractor_row *rows, int max, int *n)
{
	*n = 0;
	int rc = check(db, who, OP_READ);
	if (rc || (rc = db_page_args(db, "contractor_page", 0, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, in_use_only ? 1 : 0);
	if (key) {
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, key->id);
	}
	sqlite3_bind_int(st, 4, max);
	bind_search(st, search);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}
