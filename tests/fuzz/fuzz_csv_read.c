/* libFuzzer target for the CSV reader (src/core/csv_read.c) and the cell
 * parsers beside it.
 *
 * Beyond not crashing: the same bytes read from a buffer and from a FILE *
 * give the same records; a good record's fields are valid UTF-8 with no
 * NUL and the lengths given; lines never go back and a problem is never
 * before its record; and a file read without a problem, written back out
 * with every field quoted, reads again as exactly the same records. Money
 * read from any field is within the program's range. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/csv_read.h"
#include "coopdesk/money.h"
#include "coopdesk/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
			        #cond);                                              \
			abort();                                                     \
		}                                                                    \
	} while (0)

/* Every record as one string: "line|status|f1\x01f2\x01...\x02". */
struct out {
	char *buf;
	size_t len, cap;
	int bad;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->buf = realloc(o->buf, o->cap);
		CHECK(o->buf != NULL);
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
	o->buf[o->len] = '\0';
}

/* Small limits, so the fuzzer reaches them. */
static const struct csv_limits lim = { 64, 16, 256 };

static void read_all(struct csv_reader *r, struct out *o, size_t size)
{
	struct csv_record rec;
	long last = 0;
	int rc;
	char head[64];
	CHECK(r != NULL);
	while ((rc = csv_read(r, &rec)) != CSV_EOF) {
		CHECK(rc == CSV_RECORD || rc == CSV_BAD);
		CHECK(rec.line >= last && rec.line >= 1 && (size_t)rec.line <= size + 1);
		last = rec.line;
		snprintf(head, sizeof head, "%ld|%d|", rec.line, rc);
		put(o, head, strlen(head));
		if (rc == CSV_BAD) {
			o->bad = 1;
			CHECK(rec.err[0] != '\0');
			CHECK(rec.err_line >= rec.line);
			put(o, rec.err, strlen(rec.err));
		} else {
			CHECK(rec.nfields >= 1 && rec.nfields <= lim.max_fields);
			for (size_t i = 0; i < rec.nfields; i++) {
				int64_t pence;
				char norm[64];
				CHECK(strlen(rec.field[i]) == rec.len[i]);
				CHECK(rec.len[i] <= lim.max_field);
				CHECK(text_valid_utf8(rec.field[i]));
				CHECK(strchr(rec.field[i], '\r') == NULL);
				if (csv_parse_money(rec.field[i], &pence) == MONEY_OK)
					CHECK(pence >= -MONEY_MAX && pence <= MONEY_MAX);
				struct date d;
				if (csv_parse_date(rec.field[i], &d) == DATE_OK)
					CHECK(date_valid(d));
				csv_header_norm(rec.field[i], norm, sizeof norm);
				CHECK(strlen(norm) < sizeof norm);
				put(o, rec.field[i], rec.len[i]);
				put(o, "\x01", 1);
			}
		}
		put(o, "\x02", 1);
	}
}

/* Fields only, without lines (which change when the file is rewritten). */
static void fields_only(const char *text, size_t n, struct out *o)
{
	struct csv_reader *r = csv_reader_buf(text, n, NULL);
	struct csv_record rec;
	CHECK(r != NULL);
	while (csv_read(r, &rec) == CSV_RECORD) {
		for (size_t i = 0; i < rec.nfields; i++) {
			put(o, rec.field[i], rec.len[i]);
			put(o, "\x01", 1);
		}
		put(o, "\x02", 1);
	}
	csv_reader_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct out a = { 0 }, b = { 0 };
	struct csv_reader *r = csv_reader_buf((const char *)data, size, &lim);
	read_all(r, &a, size);
	csv_reader_free(r);

	FILE *fp = fmemopen((void *)data, size ? size : 1, "rb");
	CHECK(fp != NULL);
	if (size == 0) {
		/* fmemopen wants a size above 0: read an empty file another way. */
		fclose(fp);
		fp = tmpfile();
		CHECK(fp != NULL);
	}
	r = csv_reader_file(fp, &lim);
	read_all(r, &b, size);
	csv_reader_free(r);
	fclose(fp);
	CHECK(a.len == b.len && (a.len == 0 || memcmp(a.buf, b.buf, a.len) == 0));

	if (!a.bad) {
		/* Write the records back, every field quoted, and read again. */
		struct out w = { 0 }, x = { 0 }, y = { 0 };
		struct csv_record rec;
		r = csv_reader_buf((const char *)data, size, &lim);
		while (csv_read(r, &rec) == CSV_RECORD) {
			for (size_t i = 0; i < rec.nfields; i++) {
				put(&w, i ? ",\"" : "\"", i ? 2 : 1);
				for (const char *p = rec.field[i]; *p; p++) {
					put(&w, p, 1);
					if (*p == '"')
						put(&w, "\"", 1);
				}
				put(&w, "\"", 1);
			}
			put(&w, "\r\n", 2);
		}
		csv_reader_free(r);
		fields_only((const char *)data, size, &x);
		fields_only(w.buf ? w.buf : "", w.len, &y);
		CHECK(x.len == y.len && (x.len == 0 || memcmp(x.buf, y.buf, x.len) == 0));
		free(w.buf);
		free(x.buf);
		free(y.buf);
	}
	free(a.buf);
	free(b.buf);
	return 0;
}
