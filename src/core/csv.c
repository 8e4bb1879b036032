/*
 * src/core/csv.c: RFC 4180 cells and rows (the rules are in csv.h).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/csv.h"
#include "coopdesk/date.h"
#include "coopdesk/money.h"

int csv_needs_quotes(const char *s)
{
	return s && strpbrk(s, ",\"\r\n") != NULL;
}

int csv_is_formula(const char *s)
{
	return s && *s && strchr("=+-@\t\r", *s) != NULL;
}

/* Puts the cell s through `put`: the prefix, the quotes, the doubled
 * quotes. Shared by csv_cell (into a buffer) and the writer. */
static void put_cell(csv_put_fn *put, void *arg, const char *s)
{
	if (!s)
		s = "";
	int quote = csv_needs_quotes(s);
	if (quote)
		put("\"", 1, arg);
	if (csv_is_formula(s))
		put("'", 1, arg);
	if (!quote) {
		put(s, strlen(s), arg);
		return;
	}
	for (const char *p = s; *p;) {
		const char *q = strchr(p, '"');
		size_t n = q ? (size_t)(q - p) + 1 : strlen(p);
		put(p, n, arg);       /* up to and including a quote */
		if (q)
			put("\"", 1, arg); /* which is doubled */
		p += n;
	}
	put("\"", 1, arg);
}

void csv_buf_init(struct csv_buf *b, char *buf, size_t size)
{
	b->buf = buf;
	b->size = size;
	b->len = 0;
	b->overflow = 0;
	if (buf && size)
		buf[0] = '\0';
}

void csv_put_buf(const char *bytes, size_t n, void *arg)
{
	struct csv_buf *b = arg;
	if (b->overflow || !b->buf || b->len + n >= b->size) {
		b->overflow = 1;
		return;
	}
	memcpy(b->buf + b->len, bytes, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

/* Counts bytes, for csv_cell's length. */
static void put_count(const char *bytes, size_t n, void *arg)
{
	(void)bytes;
	*(size_t *)arg += n;
}

size_t csv_cell(const char *s, char *out, size_t n)
{
	size_t need = 0;
	put_cell(put_count, &need, s);
	if (!out || n == 0)
		return need;
	struct csv_buf b;
	csv_buf_init(&b, out, n);
	if (need < n)
		put_cell(csv_put_buf, &b, s);
	else
		out[0] = '\0';
	return need;
}

void csv_writer_init(struct csv_writer *w, csv_put_fn *put, void *arg)
{
	w->put = put;
	w->arg = arg;
	w->cells = 0;
}

void csv_bom(struct csv_writer *w)
{
	w->put(CSV_BOM, sizeof CSV_BOM - 1, w->arg);
}

/* The comma before every cell but a row's first. */
static void next_cell(struct csv_writer *w)
{
	if (w->cells++)
		w->put(",", 1, w->arg);
}

void csv_text(struct csv_writer *w, const char *s)
{
	next_cell(w);
	put_cell(w->put, w->arg, s);
}

void csv_int(struct csv_writer *w, int64_t v)
{
	char buf[24];
	int len = snprintf(buf, sizeof buf, "%" PRId64, v);
	next_cell(w);
	w->put(buf, (size_t)len, w->arg);
}

void csv_amount(struct csv_writer *w, int64_t pence)
{
	char buf[MONEY_BUFSZ];
	money_format_plain(pence, buf, sizeof buf);
	next_cell(w);
	w->put(buf, strlen(buf), w->arg);
}

void csv_date(struct csv_writer *w, const char *date)
{
	struct date d;
	char buf[DATE_BUFSZ];
	if (!date || !*date) {
		next_cell(w);
		return;
	}
	if (date_parse(date, &d) != DATE_OK) {
		csv_text(w, date);
		return;
	}
	date_format_iso(d, buf, sizeof buf);
	next_cell(w);
	w->put(buf, strlen(buf), w->arg);
}

void csv_end_row(struct csv_writer *w)
{
	w->put(CSV_EOL, 2, w->arg);
	w->cells = 0;
}
