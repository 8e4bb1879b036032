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

int db_page_end(sqlite3_stmt *st, int rc, enum page_dir dir, void *rows, int n, size_t size)
{
	db_reset(st);
	if (rc != DB_OK && rc != DB_NOTFOUND)
		return rc;
	if (dir == PAGE_LAST || dir == PAGE_BEFORE)
		db_reverse_rows(rows, n, size);
	return DB_OK;
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
