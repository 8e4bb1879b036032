/*
 * src/db/audit_json.c: a row's JSON for the audit trail, written in C as
 * SQLite's json_object writes it (dbint.h, struct db_json): the bulk path
 * of repairs makes its steps' audit rows so, rather than by a trigger
 * firing on a copy of the row (repair_bulk.c says why).
 *
 * The form is SQLite's: no spaces; keys and text in double quotes, with
 * '"' and '\' escaped by a backslash, \b \t \n \f \r for those controls
 * and \u00xx (lower-case hex) for the other bytes below 0x20; every other
 * byte as it is (UTF-8 is not re-encoded); integers in decimal; real
 * numbers by SQLite's own printf, as json_object prints them; null.
 * test_audit_json compares it with SQLite's own, byte by byte, over every
 * byte.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dbint.h"

/* Room for N more bytes; 0, or -1 (and failed set) when out of memory. */
static int room(struct db_json *j, size_t n)
{
	if (j->failed)
		return -1;
	if (j->len + n + 1 <= j->cap)
		return 0;
	size_t cap = j->cap ? j->cap : 256;
	while (cap < j->len + n + 1)
		cap *= 2;
	char *s = realloc(j->s, cap);
	if (!s) {
		j->failed = 1;
		return -1;
	}
	j->s = s;
	j->cap = cap;
	return 0;
}

static void put(struct db_json *j, const char *s, size_t n)
{
	if (room(j, n))
		return;
	memcpy(j->s + j->len, s, n);
	j->len += n;
	j->s[j->len] = '\0';
}

/* S as a JSON string: at most 6 bytes for each of S's. */
static void put_string(struct db_json *j, const char *s)
{
	size_t n = strlen(s);
	if (room(j, n * 6 + 2))
		return;
	char *o = j->s + j->len;
	*o++ = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		unsigned char c = *p;
		if (c == '"' || c == '\\') {
			*o++ = '\\';
			*o++ = (char)c;
		} else if (c < 0x20) {
			static const char special[32] = { ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n',
							   ['\f'] = 'f', ['\r'] = 'r' };
			*o++ = '\\';
			if (special[c]) {
				*o++ = special[c];
			} else {
				memcpy(o, "u00", 3);
				o += 3;
				*o++ = "0123456789abcdef"[c >> 4];
				*o++ = "0123456789abcdef"[c & 0xf];
			}
		} else {
			*o++ = (char)c;
		}
	}
	*o++ = '"';
	*o = '\0';
	j->len = (size_t)(o - j->s);
}

void db_json_open(struct db_json *j)
{
	j->len = 0;
	j->keys = 0;
	put(j, "{", 1);
}

/* The key, after a comma unless it is the first. */
static void put_key(struct db_json *j, const char *key)
{
	if (j->keys++)
		put(j, ",", 1);
	put_string(j, key);
	put(j, ":", 1);
}

void db_json_value(struct db_json *j, const char *key, const struct db_value *v)
{
	put_key(j, key);
	if (v->type == SQLITE_INTEGER) {
		/* In decimal, from the last digit back (snprintf costs more than
		 * the rest of a row's JSON). */
		char num[24], *o = num + sizeof num;
		uint64_t u = v->i < 0 ? 0 - (uint64_t)v->i : (uint64_t)v->i;
		do
			*--o = (char)('0' + u % 10);
		while (u /= 10);
		if (v->i < 0)
			*--o = '-';
		put(j, o, (size_t)(num + sizeof num - o));
	} else if (v->type == SQLITE_FLOAT) {
		char num[40];
		sqlite3_snprintf(sizeof num, num, "%!0.15g", v->d);
		put(j, num, strlen(num));
	} else if (v->type == SQLITE_TEXT && v->s) {
		put_string(j, v->s);
	} else {
		put(j, "null", 4);
	}
}

const char *db_json_close(struct db_json *j)
{
	put(j, "}", 1);
	return j->failed ? NULL : j->s;
}

void db_json_free(struct db_json *j)
{
	free(j->s);
	memset(j, 0, sizeof *j);
}

int db_json_row(struct db_json *j, sqlite3_stmt *st)
{
	db_json_open(j);
	int n = sqlite3_column_count(st);
	for (int i = 0; i < n; i++) {
		const char *name = sqlite3_column_name(st, i);
		struct db_value v = { .type = sqlite3_column_type(st, i) };
		if (!name || strcmp(name, "password_hash") == 0)
			return -1;
		if (v.type == SQLITE_INTEGER)
			v.i = sqlite3_column_int64(st, i);
		else if (v.type == SQLITE_FLOAT)
			v.d = sqlite3_column_double(st, i);
		else if (v.type == SQLITE_TEXT && !(v.s = (const char *)sqlite3_column_text(st, i)))
			return -1;
		else if (v.type == SQLITE_BLOB)
			return -1;
		db_json_value(j, name, &v);
	}
	return j->failed ? -1 : 0;
}

int db_value_same(const struct db_value *a, const struct db_value *b)
{
	if (a->type != b->type)
		return 0;
	if (a->type == SQLITE_INTEGER)
		return a->i == b->i;
	if (a->type == SQLITE_FLOAT)
		return a->d == b->d;
	if (a->type == SQLITE_TEXT)
		return strcmp(a->s, b->s) == 0;
	return 1;
}
