/*
 * src/db/contractors.c: the contractors repairs are assigned to. Shaped
 * like members.c: static statements, one transaction per write, keyset
 * pages by name.
 */
#include <string.h>

#include "coopdesk/contractors.h"
#include "coopdesk/text.h"
#include "dbint.h"

static const char SQL_GET[] =
	"SELECT id, uuid, name, trade, phone, email, in_use, version FROM contractors WHERE id = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO contractors (uuid, name, trade, phone, email) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_UPDATE[] =
	"UPDATE contractors SET name = ?3, trade = ?4, phone = ?5, email = ?6,"
	" version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_IN_USE[] =
	"UPDATE contractors SET in_use = ?3, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_EXISTS[] = "SELECT version FROM contractors WHERE id = ?1";

/* ?1 in use only, ?2 key name, ?3 key id, ?4 page size. */
#define ROW_COLS "SELECT id, name, trade, phone, in_use FROM contractors WHERE (?1 = 0 OR in_use)"
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

static void read_full(sqlite3_stmt *st, struct contractor *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, c->uuid, sizeof c->uuid);
	db_col_text(st, 2, c->name, sizeof c->name);
	db_col_text(st, 3, c->trade, sizeof c->trade);
	db_col_text(st, 4, c->phone, sizeof c->phone);
	db_col_text(st, 5, c->email, sizeof c->email);
	c->in_use = sqlite3_column_int(st, 6);
	c->version = sqlite3_column_int64(st, 7);
}

int contractor_get(struct db *db, const struct actor *who, int64_t id, struct contractor *c)
{
	int rc = check(db, who, OP_READ);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_GET);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such contractor");
	if (rc)
		return rc;
	read_full(st, c);
	db_reset(st);
	return DB_OK;
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

/* After an UPDATE ... AND version = ? that changed nothing. */
static int lost_update(struct db *db, int64_t id)
{
	sqlite3_stmt *st = db_prep(db, SQL_EXISTS);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st);
	db_reset(st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such contractor");
	if (rc)
		return rc;
	return db_conflict(db, "contractors", id, "this contractor");
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
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	if (sqlite3_changes(db->conn) == 0)
		return db_abort(db, lost_update(db, c->id));
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
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	if (sqlite3_changes(db->conn) == 0)
		return db_abort(db, lost_update(db, id));
	return db_commit(db);
}

void contractor_row_key(const struct contractor_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->name);
}

int contractor_page(struct db *db, const struct actor *who, int in_use_only,
		    enum page_dir dir, const struct page_key *key,
		    struct contractor_row *rows, int max, int *n)
{
	*n = 0;
	int rc = check(db, who, OP_READ);
	if (rc)
		return rc;
	if ((unsigned)dir > PAGE_BEFORE || ((dir == PAGE_AFTER || dir == PAGE_BEFORE) && !key))
		return db_set_error(db, DB_INVALID, "contractor_page: bad direction or key");
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, in_use_only ? 1 : 0);
	if (key) {
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, key->id);
	}
	sqlite3_bind_int(st, 4, max);
	while (*n < max && (rc = db_step_row(db, st)) == DB_OK) {
		struct contractor_row *r = &rows[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, r->name, sizeof r->name);
		db_col_text(st, 2, r->trade, sizeof r->trade);
		db_col_text(st, 3, r->phone, sizeof r->phone);
		r->in_use = sqlite3_column_int(st, 4);
	}
	return db_page_end(st, rc, dir, rows, *n, sizeof *rows);
}
