/*
 * src/db/tenancies.c: tenancies, their signatories and occupants. The
 * schema's triggers hold the rules that span rows (no overlap, signatories
 * are members); this file checks what they cannot say well in words.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/tenancies.h"
#include "coopdesk/rent_calc.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* A whole tenancy: the columns it shares with a list row first
 * (SHARED_FIELDS), then its own (FULL_FIELDS), as the readers take them. */
#define SHARED_COLS \
	"t.id, t.home_id, h.ref, h.address, t.kind, t.start_date, coalesce(t.end_date, '')"
#define SHARED_FIELDS(X) \
	X(INT64, id) X(INT64, home_id) X(TEXT, home_ref) X(TEXT, home_address) X(TEXT, kind) \
	X(TEXT, start_date) X(TEXT, end_date)
#define FULL_FIELDS(X) X(TEXT, uuid) X(TEXT, end_reason) X(TEXT, notes) X(INT64, version)
#define FULL_COLS \
	"SELECT " SHARED_COLS ", t.uuid, coalesce(t.end_reason, ''), t.notes, t.version" \
	" FROM tenancies t JOIN homes h ON h.id = t.home_id"
#define NO_TENANCY "there is no such tenancy"

static const char SQL_GET[] = FULL_COLS " WHERE t.id = ?1";
static const char SQL_SIGNATORIES[] =
	"SELECT m.id, m.member_no, m.name, coalesce(m.ceased_on, '')"
	" FROM tenancy_signatories s JOIN members m ON m.id = s.member_id"
	" WHERE s.tenancy_id = ?1 ORDER BY s.id";
#define OCC_COLS \
	"id, tenancy_id, name, relationship, coalesce(date_of_birth, ''), from_date," \
	" coalesce(to_date, ''), version"
static const char SQL_OCCUPANTS[] =
	"SELECT " OCC_COLS " FROM tenancy_occupants WHERE tenancy_id = ?1 ORDER BY id LIMIT ?2";
static const char SQL_OCCUPANTS_COUNT[] =
	"SELECT count(*) FROM tenancy_occupants WHERE tenancy_id = ?1";
static const char SQL_CURRENT_FOR_HOME[] =
	"SELECT id FROM tenancies WHERE home_id = ?1 AND end_date IS NULL";
static const char SQL_FOR_MEMBER[] =
	"SELECT t.id FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id"
	" WHERE s.member_id = ?1 AND t.end_date IS NULL ORDER BY t.start_date DESC, t.id DESC LIMIT 1";
static const char SQL_OWN[] =
	"SELECT 1 FROM tenancy_signatories WHERE tenancy_id = ?1 AND member_id = ?2";
static const char SQL_HOME_IN_USE[] = "SELECT in_use FROM homes WHERE id = ?1";
static const char SQL_MEMBER_STATE[] =
	"SELECT member_no, name, entered_on, coalesce(ceased_on, '') FROM members WHERE id = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO tenancies (uuid, home_id, kind, start_date, notes) VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_ADD_SIGNATORY[] =
	"INSERT INTO tenancy_signatories (tenancy_id, member_id) VALUES (?1, ?2)";
static const char SQL_STATE[] =
	"SELECT version, coalesce(end_date, ''), start_date FROM tenancies WHERE id = ?1";
static const char SQL_END[] =
	"UPDATE tenancies SET end_date = ?3, end_reason = ?4, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_END_OCCUPANTS[] =
	"UPDATE tenancy_occupants SET to_date = ?2, version = version + 1"
	" WHERE tenancy_id = ?1 AND to_date IS NULL AND from_date <= ?2";
static const char SQL_OCC_INSERT[] =
	"INSERT INTO tenancy_occupants (tenancy_id, name, relationship, date_of_birth, from_date, to_date)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_OCC_STATE[] =
	"SELECT version, coalesce(to_date, '') FROM tenancy_occupants WHERE id = ?1";
static const char SQL_OCC_END[] =
	"UPDATE tenancy_occupants SET to_date = ?3, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_COUNT_CURRENT[] =
	"SELECT n FROM row_counts WHERE name = 'tenancies_current'";

/* The list: ?1 which (0 all, 1 current, 2 former), ?2 home (0 all), ?3 the
 * key's start date, ?4 the key's id, ?5 the page size, ?6 the member whose
 * tenancies only (0: all), ?7 the key's home id. */
#define ROW_COLS \
	"SELECT " SHARED_COLS "," \
	" coalesce((SELECT group_concat(name, ', ') FROM" \
	"   (SELECT m.name FROM tenancy_signatories s JOIN members m ON m.id = s.member_id" \
	"     WHERE s.tenancy_id = t.id ORDER BY s.id)), '')" \
	" FROM tenancies t JOIN homes h ON h.id = t.home_id"
#define FILTER \
	" WHERE (?1 = 0 OR (?1 = 1) = (t.end_date IS NULL))" \
	" AND (?2 = 0 OR t.home_id = ?2)" \
	" AND (?6 = 0 OR t.id IN (SELECT s.tenancy_id FROM tenancy_signatories s WHERE s.member_id = ?6))"

static const char *const SQL_PAGE[2][4] = {
	[TENANCY_BY_START] = {
		[PAGE_FIRST] = ROW_COLS FILTER " ORDER BY t.start_date, t.id LIMIT ?5",
		[PAGE_LAST] = ROW_COLS FILTER " ORDER BY t.start_date DESC, t.id DESC LIMIT ?5",
		[PAGE_AFTER] = ROW_COLS FILTER " AND (t.start_date, t.id) > (?3, ?4)"
			" ORDER BY t.start_date, t.id LIMIT ?5",
		[PAGE_BEFORE] = ROW_COLS FILTER " AND (t.start_date, t.id) < (?3, ?4)"
			" ORDER BY t.start_date DESC, t.id DESC LIMIT ?5",
	},
	[TENANCY_BY_HOME] = {
		[PAGE_FIRST] = ROW_COLS FILTER " ORDER BY t.home_id, t.start_date, t.id LIMIT ?5",
		[PAGE_LAST] = ROW_COLS FILTER
			" ORDER BY t.home_id DESC, t.start_date DESC, t.id DESC LIMIT ?5",
		[PAGE_AFTER] = ROW_COLS FILTER " AND (t.home_id, t.start_date, t.id) > (?7, ?3, ?4)"
			" ORDER BY t.home_id, t.start_date, t.id LIMIT ?5",
		[PAGE_BEFORE] = ROW_COLS FILTER " AND (t.home_id, t.start_date, t.id) < (?7, ?3, ?4)"
			" ORDER BY t.home_id DESC, t.start_date DESC, t.id DESC LIMIT ?5",
	},
};

static int no_tenancy(struct db *db)
{
	return db_set_error(db, DB_NOTFOUND, NO_TENANCY);
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct tenancy *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct tenancy_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	DB_COL(TEXT, tenants)
}

static void read_signatory(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct tenancy_signatory *s = row;
	memset(s, 0, sizeof *s);
	s->member_id = sqlite3_column_int64(st, 0);
	s->member_no = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, s->name, sizeof s->name);
	db_col_text(st, 3, s->ceased_on, sizeof s->ceased_on);
}

static void read_occupant(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct tenancy_occupant *o = row;
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(st, 0);
	o->tenancy_id = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, o->name, sizeof o->name);
	db_col_text(st, 3, o->relationship, sizeof o->relationship);
	db_col_text(st, 4, o->date_of_birth, sizeof o->date_of_birth);
	db_col_text(st, 5, o->from_date, sizeof o->from_date);
	db_col_text(st, 6, o->to_date, sizeof o->to_date);
	o->version = sqlite3_column_int64(st, 7);
}

/* 1 if the actor is (or was) a signatory of the tenancy, 0 if not, or a
 * negative status on failure. */
static int is_signatory(struct db *db, const struct actor *who, int64_t tenancy_id)
{
	if (!who || who->member_id <= 0)
		return 0;
	sqlite3_stmt *st = db_prep(db, SQL_OWN);
	if (!st)
		return -db_status(db);
	sqlite3_bind_int64(st, 1, tenancy_id);
	sqlite3_bind_int64(st, 2, who->member_id);
	int rc = db_step_row(db, st);
	db_reset(st);
	return rc == DB_OK ? 1 : rc == DB_NOTFOUND ? 0 : -rc;
}

/* Reads a tenancy whole, with no access check (the callers do that). */
static int read_whole(struct db *db, int64_t id, struct tenancy *t)
{
	int rc = db_get(db, SQL_GET, id, read_full, t, NULL, NO_TENANCY);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_SIGNATORIES);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_page_read(db, st, PAGE_FIRST, t->signatories, TENANCY_MAX_SIGNATORIES,
			       sizeof t->signatories[0], read_signatory, NULL, &t->nsignatories)))
		return rc;
	if (!(st = db_prep(db, SQL_OCCUPANTS)))
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, TENANCY_MAX_OCCUPANTS);
	if ((rc = db_page_read(db, st, PAGE_FIRST, t->occupants, TENANCY_MAX_OCCUPANTS,
			       sizeof t->occupants[0], read_occupant, NULL, &t->noccupants)))
		return rc;
	if (!(st = db_prep(db, SQL_OCCUPANTS_COUNT)))
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_step_row(db, st)))
		return rc;
	t->occupants_total = sqlite3_column_int(st, 0);
	db_reset(st);
	return DB_OK;
}

/* Reads a tenancy for an actor: a member only their own (else
 * DB_NOTFOUND); a volunteer without the notes, reason and dates of birth. */
static int read_for(struct db *db, const struct actor *who, enum access_level level,
		    int64_t id, struct tenancy *t)
{
	int own = is_signatory(db, who, id);
	if (own < 0)
		return -own;
	if (level != ACCESS_ALL && !own)
		return no_tenancy(db);
	int rc = read_whole(db, id, t);
	if (rc)
		return rc;
	if (!own && access_level(who, AREA_TENANCIES, OP_WRITE) != ACCESS_ALL) {
		t->notes[0] = '\0';
		t->end_reason[0] = '\0';
		for (int i = 0; i < t->noccupants; i++)
			t->occupants[i].date_of_birth[0] = '\0';
	}
	return DB_OK;
}

int tenancy_get(struct db *db, const struct actor *who, int64_t id, struct tenancy *t)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_READ, &level);
	if (rc)
		return rc;
	return read_for(db, who, level, id, t);
}

/* Runs a one-column id query keyed by `key`; DB_NOTFOUND with `none`. */
static int find_id(struct db *db, const char *sql, int64_t key, const char *none, int64_t *id)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, key);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "%s", none);
	if (rc)
		return rc;
	*id = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

int tenancy_current_for_home(struct db *db, const struct actor *who, int64_t home_id,
			     struct tenancy *t)
{
	enum access_level level;
	int64_t id;
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_READ, &level);
	if (rc || (rc = find_id(db, SQL_CURRENT_FOR_HOME, home_id,
				"that home has no current tenancy", &id)))
		return rc;
	rc = read_for(db, who, level, id, t);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "that home has no current tenancy");
	return rc;
}

int tenancy_for_member(struct db *db, const struct actor *who, int64_t member_id,
		       struct tenancy *t)
{
	enum access_level level;
	int64_t id;
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL && member_id != who->member_id)
		return db_set_error(db, DB_NOTFOUND, "that member holds no current tenancy");
	if ((rc = find_id(db, SQL_FOR_MEMBER, member_id,
			  "that member holds no current tenancy", &id)))
		return rc;
	return read_for(db, who, level, id, t);
}

/* Checks the signatories: 1 to the maximum, each a member, each once. */
/* Each signatory must be a member for the whole tenancy (from `start`,
 * open-ended): the schema's trigger holds the rule, and this says which
 * person fails it and why, in words. */
static int check_signatories(struct db *db, const int64_t *ids, int n, const char *start)
{
	if (!ids || n < 1)
		return db_set_error(db, DB_INVALID, "a tenancy needs at least one signatory, a member");
	if (n > TENANCY_MAX_SIGNATORIES)
		return db_set_error(db, DB_INVALID, "a tenancy has at most %d signatories",
				    TENANCY_MAX_SIGNATORIES);
	for (int i = 0; i < n; i++) {
		for (int j = 0; j < i; j++)
			if (ids[j] == ids[i])
				return db_set_error(db, DB_INVALID,
						    "the same member is named twice as a signatory");
		sqlite3_stmt *st = db_prep(db, SQL_MEMBER_STATE);
		if (!st)
			return db_status(db);
		sqlite3_bind_int64(st, 1, ids[i]);
		int rc = db_step_row(db, st);
		char name[MEMBER_NAME_MAX * 4 + 1], entered[ISO_DATE_LEN], ceased[ISO_DATE_LEN];
		char day[ZONE_TIME_BUFSZ], from[ZONE_TIME_BUFSZ];
		long long no = 0;
		if (rc == DB_OK) {
			no = sqlite3_column_int64(st, 0);
			db_col_text(st, 1, name, sizeof name);
			db_col_text(st, 2, entered, sizeof entered);
			db_col_text(st, 3, ceased, sizeof ceased);
		}
		db_reset(st);
		if (rc == DB_NOTFOUND)
			return db_set_error(db, DB_INVALID,
					    "only a member may hold a tenancy: a signatory is not"
					    " on the register of members");
		if (rc)
			return rc;
		if (ceased[0])
			return db_set_error(db, DB_INVALID,
				"%s (no. %lld) ceased to be a member on %s: only a member may"
				" hold a tenancy", name, no,
				zone_format(ceased, day, sizeof day));
		if (start && rent_iso_date(start, NULL) == 0 && strcmp(entered, start) > 0)
			return db_set_error(db, DB_INVALID,
				"%s (no. %lld) was admitted on %s, after the tenancy starts"
				" (%s): a signatory is a member for the whole tenancy", name, no,
				zone_format(entered, day, sizeof day), zone_format(start, from, sizeof from));
	}
	return DB_OK;
}

int tenancy_create(struct db *db, const struct actor *who, struct tenancy *t,
		   const int64_t *signatories, int nsignatories)
{
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = check_signatories(db, signatories, nsignatories, t->start_date)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_HOME_IN_USE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, t->home_id);
	rc = db_step_row(db, st);
	int in_use = rc == DB_OK ? sqlite3_column_int(st, 0) : 0;
	db_reset(st);
	if (rc == DB_NOTFOUND)
		return db_abort(db, db_set_error(db, DB_INVALID, "there is no such home"));
	if (rc)
		return db_abort(db, rc);
	if (!in_use)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"that home is out of use: put it back in use before letting it"));
	char uuid[37];
	db_new_uuid(uuid);
	if (!(st = db_prep(db, SQL_INSERT)))
		return db_abort(db, db_status(db));
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, t->home_id);
	db_bind_text(st, 3, t->kind[0] ? t->kind : "assured");
	db_bind_text(st, 4, t->start_date);
	db_bind_text(st, 5, t->notes);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t id = sqlite3_last_insert_rowid(db->conn);
	for (int i = 0; i < nsignatories; i++) {
		if (!(st = db_prep(db, SQL_ADD_SIGNATORY)))
			return db_abort(db, db_status(db));
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, signatories[i]);
		if ((rc = db_step_done(db, st)))
			return db_abort(db, rc);
	}
	if ((rc = read_whole(db, id, t)))
		return db_abort(db, rc);
	return db_commit(db);
}

int tenancy_start(struct db *db, const struct actor *who, struct tenancy *t,
		  const int64_t *signatories, int nsignatories,
		  const struct tenancy_occupant *occupants, int noccupants)
{
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_WRITE, NULL);
	if (rc)
		return rc;
	if (noccupants < 0 || (noccupants > 0 && !occupants))
		return db_set_error(db, DB_INVALID, "tenancy_start: bad occupants");
	if ((rc = db_begin(db, who)))
		return rc;
	if ((rc = tenancy_create(db, who, t, signatories, nsignatories)))
		return db_abort(db, rc);
	for (int i = 0; i < noccupants; i++) {
		struct tenancy_occupant o = occupants[i];
		o.tenancy_id = t->id;
		if (!o.from_date[0])
			text_copy(o.from_date, sizeof o.from_date, t->start_date);
		if ((rc = tenancy_occupant_add(db, who, &o)))
			return db_abort(db, rc);
	}
	if ((rc = read_whole(db, t->id, t)))
		return db_abort(db, rc);
	return db_commit(db);
}

/* Today as ISO text. */
static void today_iso(char *buf, size_t n)
{
	date_format_iso(date_today(), buf, n);
}

int tenancy_end(struct db *db, const struct actor *who, int64_t id, const char *end_date,
		const char *reason, int64_t version)
{
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_STATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_step_row(db, st)))
		return db_abort(db, rc == DB_NOTFOUND ? no_tenancy(db) : rc);
	int64_t now_version = sqlite3_column_int64(st, 0);
	char ended[ISO_DATE_LEN], today[DATE_BUFSZ];
	db_col_text(st, 1, ended, sizeof ended);
	db_reset(st);
	if (now_version != version)
		return db_abort(db, db_conflict(db, "tenancies", id, "this tenancy"));
	if (ended[0])
		return db_abort(db, db_set_error(db, DB_INVALID,
						 "this tenancy already ended on %s", ended));
	today_iso(today, sizeof today);
	if (rent_iso_date(end_date, NULL) == 0 && strcmp(end_date, today) > 0)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"a tenancy cannot be ended on a day still to come (%s):"
			" record the end on or after the day", end_date));
	if (!(st = db_prep(db, SQL_END)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, end_date);
	db_bind_text_or_null(st, 4, reason);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	if (!(st = db_prep(db, SQL_END_OCCUPANTS)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, end_date);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

int tenancy_occupant_add(struct db *db, const struct actor *who, struct tenancy_occupant *o)
{
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_STATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, o->tenancy_id);
	if ((rc = db_step_row(db, st)))
		return db_abort(db, rc == DB_NOTFOUND ? db_set_error(db, DB_INVALID,
						"there is no such tenancy") : rc);
	char ended[ISO_DATE_LEN], start[ISO_DATE_LEN];
	db_col_text(st, 1, ended, sizeof ended);
	db_col_text(st, 2, start, sizeof start);
	db_reset(st);
	if (rent_iso_date(o->from_date, NULL) == 0) {
		if (strcmp(o->from_date, start) < 0)
			return db_abort(db, db_set_error(db, DB_INVALID,
				"an occupant cannot move in before the tenancy starts (%s)", start));
		if (ended[0] && strcmp(o->from_date, ended) >= 0)
			return db_abort(db, db_set_error(db, DB_INVALID,
				"an occupant cannot move in after the tenancy ended (%s)", ended));
	}
	if (!(st = db_prep(db, SQL_OCC_INSERT)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, o->tenancy_id);
	db_bind_text(st, 2, o->name);
	db_bind_text(st, 3, o->relationship);
	db_bind_text_or_null(st, 4, o->date_of_birth);
	db_bind_text(st, 5, o->from_date);
	db_bind_text_or_null(st, 6, o->to_date);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	o->id = id;
	o->version = 1;
	return DB_OK;
}

int tenancy_occupant_end(struct db *db, const struct actor *who, int64_t occupant_id,
			 const char *to_date, int64_t version)
{
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_OCC_STATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, occupant_id);
	if ((rc = db_step_row(db, st)))
		return db_abort(db, rc == DB_NOTFOUND ? db_set_error(db, DB_NOTFOUND,
						"there is no such occupant") : rc);
	int64_t now_version = sqlite3_column_int64(st, 0);
	char left[ISO_DATE_LEN];
	db_col_text(st, 1, left, sizeof left);
	db_reset(st);
	if (now_version != version)
		return db_abort(db, db_conflict(db, "tenancy_occupants", occupant_id,
						"this occupant"));
	if (left[0])
		return db_abort(db, db_set_error(db, DB_INVALID,
						 "this occupant already left on %s", left));
	if (!(st = db_prep(db, SQL_OCC_END)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, occupant_id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, to_date);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

void tenancy_row_key(const struct tenancy_row *r, enum tenancy_sort sort, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	key->num = sort == TENANCY_BY_HOME ? r->home_id : 0;
	text_copy(key->text, sizeof key->text, r->start_date);
}

int tenancy_page(struct db *db, const struct actor *who, enum tenancy_which which,
		 int64_t home_id, enum tenancy_sort sort, enum page_dir dir,
		 const struct page_key *key, struct tenancy_row *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "tenancy_page", (unsigned)sort > TENANCY_BY_HOME ||
				     (unsigned)which > TENANCIES_FORMER, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[sort][dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, (int)which);
	sqlite3_bind_int64(st, 2, home_id > 0 ? home_id : 0);
	if (key) {
		sqlite3_bind_text(st, 3, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, key->id);
		sqlite3_bind_int64(st, 7, key->num);
	}
	sqlite3_bind_int(st, 5, max);
	sqlite3_bind_int64(st, 6, level == ACCESS_ALL ? 0 : who->member_id);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}

int tenancy_count_current(struct db *db, const struct actor *who, int64_t *n)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_TENANCIES, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "a member may not count everyone's tenancies");
	sqlite3_stmt *st = db_prep(db, SQL_COUNT_CURRENT);
	if (!st)
		return db_status(db);
	if ((rc = db_step_row(db, st)))
		return rc;
	*n = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}
