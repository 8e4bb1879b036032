/*
 * src/db/util.c: small helpers shared by the aggregates.
 */
#include <string.h>

#include "coopdesk/text.h"
#include "dbint.h"

int db_fts_query(const char *typed, char *out, size_t n)
{
	size_t o = 0;
	int words = 0;
	const char *p = typed ? typed : "";
	if (n == 0)
		return -1;
	while (*p) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		/* Room for: space, quote, the word doubled at worst, quote, star. */
		const char *w = p;
		size_t need = 4;
		while (*p && *p != ' ' && *p != '\t')
			need += (*p++ == '"') ? 2 : 1;
		if (o + need + 1 > n)
			break;
		if (words++)
			out[o++] = ' ';
		out[o++] = '"';
		for (; w < p; w++) {
			if (*w == '"')
				out[o++] = '"';
			out[o++] = *w;
		}
		out[o++] = '"';
		out[o++] = '*';
	}
	out[o] = '\0';
	return words ? 0 : -1;
}

void db_reverse_rows(void *rows, int n, size_t size)
{
	unsigned char *a = rows, tmp[1024];
	for (int i = 0, j = n - 1; i < j; i++, j--) {
		unsigned char *x = a + (size_t)i * size, *y = a + (size_t)j * size;
		/* Swap in chunks: rows can be larger than the buffer. */
		for (size_t off = 0; off < size; off += sizeof tmp) {
			size_t len = size - off < sizeof tmp ? size - off : sizeof tmp;
			memcpy(tmp, x + off, len);
			memcpy(x + off, y + off, len);
			memcpy(y + off, tmp, len);
		}
	}
}

int db_page_args(struct db *db, const char *fn, int bad, enum page_dir dir,
		 const struct page_key *key, int max)
{
	if (bad || (unsigned)dir > PAGE_BEFORE || max < 0 ||
	    ((dir == PAGE_AFTER || dir == PAGE_BEFORE) && !key))
		return db_set_error(db, DB_INVALID, "%s: bad sort, filter, direction, size or key",
				    fn);
	return DB_OK;
}

int db_page_read(struct db *db, sqlite3_stmt *st, enum page_dir dir, void *rows, int max,
		 size_t size, db_row_reader *read, const void *ctx, int *n)
{
	int rc = DB_NOTFOUND;
	*n = 0;
	while (*n < max && (rc = db_step_row(db, st)) == DB_OK)
		read(st, (unsigned char *)rows + (size_t)(*n)++ * size, ctx);
	db_reset(st);
	if (rc != DB_OK && rc != DB_NOTFOUND)
		return rc;
	if (dir == PAGE_LAST || dir == PAGE_BEFORE)
		db_reverse_rows(rows, *n, size);
	return DB_OK;
}

int db_read_one(struct db *db, sqlite3_stmt *st, db_row_reader *read, void *row,
		const void *ctx, const char *none)
{
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return none ? db_set_error(db, DB_NOTFOUND, "%s", none) : DB_NOTFOUND;
	if (rc)
		return rc;
	read(st, row, ctx);
	db_reset(st);
	return DB_OK;
}

int db_get(struct db *db, const char *sql, int64_t id, db_row_reader *read, void *row,
	   const void *ctx, const char *none)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	return db_read_one(db, st, read, row, ctx, none);
}

/* The lost-update check for a record found by `id`, or by `key` when that
 * is not NULL (then exists_sql selects its rowid, the trail's row id). */
static int updated(struct db *db, const char *exists_sql, const char *table, int64_t id,
		   const char *key, const char *what, const char *none)
{
	if (sqlite3_changes(db->conn) > 0)
		return DB_OK;
	sqlite3_stmt *st = db_prep(db, exists_sql);
	if (!st)
		return db_status(db);
	if (key)
		db_bind_text(st, 1, key);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return none ? db_set_error(db, DB_NOTFOUND, "%s", none) : DB_NOTFOUND;
	if (rc)
		return rc;
	if (key)
		id = sqlite3_column_int64(st, 0);
	db_reset(st);
	return db_conflict(db, table, id, what);
}

int db_updated(struct db *db, const char *exists_sql, const char *table, int64_t id,
	       const char *what, const char *none)
{
	return updated(db, exists_sql, table, id, NULL, what, none);
}

int db_updated_key(struct db *db, const char *exists_sql, const char *table, const char *key,
		   const char *what, const char *none)
{
	return updated(db, exists_sql, table, 0, key ? key : "", what, none);
}

int db_check_line(struct db *db, const char *field, const char *s)
{
	const char *problem = text_name_problem(s);
	return problem ? db_set_error(db, DB_INVALID, "%s %s", field, problem) : DB_OK;
}

int db_check_lines(struct db *db, const char *field, const char *s)
{
	const char *problem = text_lines_problem(s);
	return problem ? db_set_error(db, DB_INVALID, "%s %s", field, problem) : DB_OK;
}
