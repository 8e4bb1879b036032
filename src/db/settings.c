/*
 * src/db/settings.c: the co-op's rule numbers and its bank holidays.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

static const char SQL_GET[] =
	"SELECT key, value, kind, min_value, max_value, description, source, version,"
	" default_value FROM settings WHERE key = ?1";
static const char SQL_SET[] =
	"UPDATE settings SET value = ?2, version = version + 1 WHERE key = ?1 AND version = ?3";
/* The rowid: the audit trail names a setting by it. */
static const char SQL_EXISTS[] = "SELECT rowid FROM settings WHERE key = ?1";
/* ?1 the key's key, ?2 the page size. */
#define PAGE_COLS \
	"SELECT key, value, kind, min_value, max_value, description, source, version," \
	" default_value FROM settings"
static const char *const SQL_PAGE[4] = {
	[PAGE_FIRST] = PAGE_COLS " ORDER BY key LIMIT ?2",
	[PAGE_LAST] = PAGE_COLS " ORDER BY key DESC LIMIT ?2",
	[PAGE_AFTER] = PAGE_COLS " WHERE key > ?1 ORDER BY key LIMIT ?2",
	[PAGE_BEFORE] = PAGE_COLS " WHERE key < ?1 ORDER BY key DESC LIMIT ?2",
};
static const char SQL_HOLIDAYS[] =
	"SELECT day FROM bank_holidays WHERE day BETWEEN ?1 AND ?2 ORDER BY day";
static const char SQL_HOLIDAY_ADD[] = "INSERT INTO bank_holidays (day, name) VALUES (?1, ?2)";
static const char SQL_HOLIDAY_DEL[] = "DELETE FROM bank_holidays WHERE day = ?1";

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct setting *s = row;
	memset(s, 0, sizeof *s);
	db_col_text(st, 0, s->key, sizeof s->key);
	db_col_text(st, 1, s->value, sizeof s->value);
	db_col_text(st, 2, s->kind, sizeof s->kind);
	s->has_min = sqlite3_column_type(st, 3) != SQLITE_NULL;
	s->min_value = sqlite3_column_int64(st, 3);
	s->has_max = sqlite3_column_type(st, 4) != SQLITE_NULL;
	s->max_value = sqlite3_column_int64(st, 4);
	db_col_text(st, 5, s->description, sizeof s->description);
	db_col_text(st, 6, s->source, sizeof s->source);
	s->version = sqlite3_column_int64(st, 7);
	s->has_default = sqlite3_column_type(st, 8) != SQLITE_NULL;
	db_col_text(st, 8, s->default_value, sizeof s->default_value);
}

int setting_get(struct db *db, const char *key, struct setting *out)
{
	sqlite3_stmt *st = db_prep(db, SQL_GET);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	int rc = db_read_one(db, st, read_row, out, NULL, NULL);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no setting '%s'", key);
	return rc;
}

int setting_text(struct db *db, const char *key, char *buf, size_t n)
{
	struct setting s;
	int rc = setting_get(db, key, &s);
	if (rc)
		return rc;
	size_t len = strlen(s.value);
	if (len >= n)
		return db_set_error(db, DB_INVALID, "the setting '%s' is too long to show", key);
	memcpy(buf, s.value, len + 1);
	return DB_OK;
}

int setting_int(struct db *db, const char *key, int64_t *out)
{
	struct setting s;
	int rc = setting_get(db, key, &s);
	if (rc)
		return rc;
	char *end = NULL;
	long long v = strtoll(s.value, &end, 10);
	if (!*s.value || *end)
		return db_set_error(db, DB_INVALID, "the setting '%s' is not a whole number", key);
	*out = v;
	return DB_OK;
}

/* 1 when s is a whole number as setting_int reads it: an optional minus
 * sign, then digits and nothing else. */
static int whole_number(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

/* What the schema cannot check: no setting holds control characters or
 * direction-changing marks, a number is all digits (the schema's CHECK
 * looks only at the first character, so "2.5" would pass it and then
 * fail every setting_int: refused here as the schema would, in its
 * words), the co-op has a name, and its zone is one the tz database
 * knows. */
static int check_value(struct db *db, const struct setting *s, const char *value)
{
	const char *key = s->key;
	const char *problem = text_name_problem(value);
	if (problem)
		return db_set_error(db, DB_INVALID, "that setting %s", problem);
	if ((strcmp(s->kind, "integer") == 0 || strcmp(s->kind, "money") == 0 ||
	     strcmp(s->kind, "boolean") == 0) && !whole_number(value ? value : ""))
		return db_set_error(db, DB_CONSTRAINT, "that setting must be a whole number");
	if (strcmp(key, "coop_name") == 0) {
		const char *p = value ? value : "";
		while (*p == ' ')
			p++;
		if (!*p)
			return db_set_error(db, DB_INVALID, "the co-op's name cannot be empty");
	}
	if (strcmp(key, "time_zone") == 0 && !zone_known(value)) {
		char shown[ZONE_NAME_MAX * 3 + 1];
		text_inert(value, shown, sizeof shown);
		return db_set_error(db, DB_INVALID, "%s is not a time zone this machine knows"
				    " (see /usr/share/zoneinfo)", shown);
	}
	return DB_OK;
}

int setting_set(struct db *db, const struct actor *who, const char *key,
		const char *value, int64_t version)
{
	struct setting s;
	int rc = db_access_check(db, who, AREA_SETTINGS, OP_WRITE, NULL);
	if (rc || (rc = setting_get(db, key, &s)) || (rc = check_value(db, &s, value)) ||
	    (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_SET);
	if (!st)
		return db_abort(db, db_status(db));
	db->settings_gen++;   /* what was read from the settings may no longer hold */
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, version);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated_key(db, SQL_EXISTS, "settings", key, "that setting", NULL))) {
		if (rc == DB_NOTFOUND)
			db_set_error(db, DB_NOTFOUND, "there is no setting '%s'", key);
		return db_abort(db, rc);
	}
	return db_commit(db);
}

int setting_reset(struct db *db, const struct actor *who, const char *key, int64_t version)
{
	struct setting s;
	int rc = db_access_check(db, who, AREA_SETTINGS, OP_WRITE, NULL);
	if (rc || (rc = setting_get(db, key, &s)))
		return rc;
	if (!s.has_default)
		return db_set_error(db, DB_INVALID, "this setting has no default: it is the"
				    " co-op's own");
	return setting_set(db, who, key, s.default_value, version);
}

int setting_set_now(struct db *db, const struct actor *who, const char *key,
		    const char *value, struct setting *was)
{
	int rc = db_begin(db, who);
	if (rc)
		return rc;
	if ((rc = setting_get(db, key, was)) ||
	    (rc = setting_set(db, who, key, value, was->version)))
		return db_abort(db, rc);
	return db_commit(db);
}

int setting_zone_apply(struct db *db)
{
	char name[SETTING_VALUE_MAX * 4 + 1];
	int rc = setting_text(db, "time_zone", name, sizeof name);
	if (rc)
		return rc;
	if (zone_set(name) != 0) {
		char shown[ZONE_NAME_MAX * 3 + 1];
		text_inert(name, shown, sizeof shown);
		return db_set_error(db, DB_INVALID, "the co-op's time zone, %s, is not one this"
				    " machine knows (install tzdata, or change the time_zone"
				    " setting)", shown);
	}
	return DB_OK;
}

int setting_page(struct db *db, const struct actor *who, enum page_dir dir,
		 const struct page_key *key, struct setting *rows, int max, int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_SETTINGS, OP_READ, NULL);
	if (rc || (rc = db_page_args(db, "setting_page", 0, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[dir]);
	if (!st)
		return db_status(db);
	if (key)
		sqlite3_bind_text(st, 1, key->text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}

int holidays_load(struct db *db, const char *from, const char *to, struct holidays *h)
{
	h->days = NULL;
	h->n = 0;
	sqlite3_stmt *st = db_prep(db, SQL_HOLIDAYS);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int32_t *days = NULL;
	int rc;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		struct date d;
		if (date_parse((const char *)sqlite3_column_text(st, 0), &d) != DATE_OK)
			continue; /* the table's CHECK makes this impossible */
		if (h->n == cap) {
			cap = cap ? cap * 2 : 64;
			int32_t *grown = realloc(days, cap * sizeof *days);
			if (!grown) {
				db_reset(st);
				free(days);
				return db_set_error(db, DB_ERROR, "out of memory");
			}
			days = grown;
		}
		days[h->n++] = date_to_days(d);
	}
	if (rc != DB_NOTFOUND) {
		free(days);
		h->n = 0;
		return rc;
	}
	h->days = days;
	return DB_OK;
}

static int holiday_write(struct db *db, const struct actor *who, const char *sql,
			 const char *day, const char *name)
{
	int rc = db_access_check(db, who, AREA_SETTINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_text(st, 1, day, -1, SQLITE_TRANSIENT);
	if (name)
		sqlite3_bind_text(st, 2, name, -1, SQLITE_TRANSIENT);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	char shown[ZONE_TIME_BUFSZ];
	if (sqlite3_changes(db->conn) == 0)
		return db_abort(db, db_set_error(db, DB_NOTFOUND, "%s is not a bank holiday",
						 zone_format(day, shown, sizeof shown)));
	return db_commit(db);
}

int holiday_add(struct db *db, const struct actor *who, const char *day, const char *name)
{
	return holiday_write(db, who, SQL_HOLIDAY_ADD, day, name);
}

int holiday_remove(struct db *db, const struct actor *who, const char *day)
{
	return holiday_write(db, who, SQL_HOLIDAY_DEL, day, NULL);
}
