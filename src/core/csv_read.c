/* csv_read.c: a streaming RFC 4180 reader (see coopdesk/csv_read.h), and
 * the header, date and money helpers for imported cells. */
#include "coopdesk/csv_read.h"
#include "coopdesk/money.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 65536

struct csv_reader {
	FILE *fp;                 /* NULL when reading a buffer */
	const unsigned char *src; /* the buffer, or chunk */
	size_t srclen, pos;
	unsigned char *chunk;
	int at_end;               /* no more input */
	int started, bom;
	struct csv_limits lim;
	long line;                /* physical line of the next byte */
	/* The record being read: its fields' bytes, each NUL-terminated. */
	char *buf;
	size_t cap, blen;
	size_t *off, *lens;
	char **fields;
	size_t fcap, nf;
	/* The first problem of the record being read. */
	int bad;
	long err_line;
	size_t err_field;
	char err[256];
	/* UTF-8 state inside the current field. */
	int u8need;
	unsigned char u8lo, u8hi, u8lead;
	int dropping;             /* a limit was passed: read on, keep nothing */
	int nomem;
};

static struct csv_reader *reader_new(const struct csv_limits *lim)
{
	struct csv_reader *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->lim.max_field = lim && lim->max_field ? lim->max_field : CSV_DEFAULT_MAX_FIELD;
	r->lim.max_fields = lim && lim->max_fields ? lim->max_fields : CSV_DEFAULT_MAX_FIELDS;
	r->lim.max_record = lim && lim->max_record ? lim->max_record : CSV_DEFAULT_MAX_RECORD;
	r->line = 1;
	return r;
}

struct csv_reader *csv_reader_file(FILE *fp, const struct csv_limits *lim)
{
	struct csv_reader *r = reader_new(lim);
	if (!r)
		return NULL;
	r->chunk = malloc(CHUNK);
	if (!r->chunk) {
		free(r);
		return NULL;
	}
	r->fp = fp;
	r->src = r->chunk;
	return r;
}

struct csv_reader *csv_reader_buf(const char *buf, size_t n, const struct csv_limits *lim)
{
	struct csv_reader *r = reader_new(lim);
	if (!r)
		return NULL;
	r->src = (const unsigned char *)buf;
	r->srclen = buf ? n : 0;
	return r;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->chunk);
	free(r->buf);
	free(r->off);
	free(r->lens);
	free(r->fields);
	free(r);
}

int csv_reader_had_bom(const struct csv_reader *r)
{
	return r ? r->bom : 0;
}

static void problem(struct csv_reader *r, long line, size_t field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void problem(struct csv_reader *r, long line, size_t field, const char *fmt, ...)
{
	va_list ap;
	if (r->bad)
		return; /* the first problem of a record is the one reported */
	r->bad = 1;
	r->err_line = line;
	r->err_field = field;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof r->err, fmt, ap);
	va_end(ap);
}

/* Makes sure there is a byte to look at; 0 at the end of the input. */
static int fill(struct csv_reader *r)
{
	if (r->pos < r->srclen)
		return 1;
	if (!r->fp || r->at_end)
		return 0;
	r->srclen = fread(r->chunk, 1, CHUNK, r->fp);
	r->pos = 0;
	if (r->srclen == 0) {
		r->at_end = 1;
		if (ferror(r->fp))
			problem(r, r->line, 0, "the file could not be read to its end (a read error)");
		return 0;
	}
	return 1;
}

static int peek(struct csv_reader *r)
{
	return fill(r) ? r->src[r->pos] : -1;
}

static int next(struct csv_reader *r)
{
	return fill(r) ? r->src[r->pos++] : -1;
}

static int grow(void **p, size_t *cap, size_t want, size_t size)
{
	size_t n = *cap ? *cap : 16;
	void *q;
	if (want <= *cap)
		return 1;
	while (n < want)
		n *= 2;
	q = realloc(*p, n * size);
	if (!q)
		return 0;
	*p = q;
	*cap = n;
	return 1;
}

/* Starts field number nf (0-based) at the end of the buffer. */
static void field_begin(struct csv_reader *r)
{
	r->u8need = 0;
	r->dropping = 0;
	if (r->nf >= r->lim.max_fields) {
		problem(r, r->line, r->nf + 1, "more than %zu fields in one record (the limit)",
		        r->lim.max_fields);
		r->dropping = 1;
		return;
	}
	if (!grow((void **)&r->off, &r->fcap, r->nf + 1, sizeof *r->off)) {
		r->nomem = 1;
		return;
	}
	r->off[r->nf] = r->blen;
}

static void add_byte(struct csv_reader *r, unsigned char c)
{
	size_t flen;
	if (r->dropping || r->nomem)
		return;
	flen = r->blen - r->off[r->nf];
	if (flen + 1 > r->lim.max_field) {
		problem(r, r->line, r->nf + 1, "field %zu is longer than %zu bytes (the limit)",
		        r->nf + 1, r->lim.max_field);
		r->dropping = 1;
		return;
	}
	if (r->blen + 1 > r->lim.max_record) {
		problem(r, r->line, r->nf + 1, "the record is longer than %zu bytes (the limit)",
		        r->lim.max_record);
		r->dropping = 1;
		return;
	}
	if (c == 0) {
		problem(r, r->line, r->nf + 1,
		        "a NUL byte (a zero byte, never found in text) in field %zu", r->nf + 1);
		return;
	}
	/* UTF-8, checked strictly: no overlong forms, no surrogates, nothing
	 * above U+10FFFF. */
	if (r->u8need) {
		if (c < r->u8lo || c > r->u8hi) {
			problem(r, r->line, r->nf + 1,
			        "field %zu is not valid UTF-8 (byte 0x%02X); save the sheet as \"CSV UTF-8\"",
			        r->nf + 1, r->u8lead);
			r->u8need = 0;
		} else {
			r->u8need--;
			r->u8lo = 0x80;
			r->u8hi = 0xBF;
		}
	} else if (c >= 0x80) {
		int ok = 1;
		r->u8lead = c;
		r->u8lo = 0x80;
		r->u8hi = 0xBF;
		if (c >= 0xC2 && c <= 0xDF)
			r->u8need = 1;
		else if (c >= 0xE0 && c <= 0xEF) {
			r->u8need = 2;
			if (c == 0xE0)
				r->u8lo = 0xA0;
			else if (c == 0xED)
				r->u8hi = 0x9F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			r->u8need = 3;
			if (c == 0xF0)
				r->u8lo = 0x90;
			else if (c == 0xF4)
				r->u8hi = 0x8F;
		} else
			ok = 0;
		if (!ok)
			problem(r, r->line, r->nf + 1,
			        "field %zu is not valid UTF-8 (byte 0x%02X); save the sheet as \"CSV UTF-8\"",
			        r->nf + 1, c);
	}
	if (!grow((void **)&r->buf, &r->cap, r->blen + 2, 1)) {
		r->nomem = 1;
		return;
	}
	r->buf[r->blen++] = (char)c;
}

static void field_end(struct csv_reader *r)
{
	if (r->u8need)
		problem(r, r->line, r->nf + 1,
		        "field %zu is not valid UTF-8 (byte 0x%02X); save the sheet as \"CSV UTF-8\"",
		        r->nf + 1, r->u8lead);
	r->u8need = 0;
	if (r->nomem || r->nf >= r->lim.max_fields)
		return;
	if (!grow((void **)&r->buf, &r->cap, r->blen + 1, 1)) {
		r->nomem = 1;
		return;
	}
	r->buf[r->blen++] = '\0';
	r->nf++;
}

/* Consumes a line end (CR LF, LF or CR) if one is next. */
static void eat_eol(struct csv_reader *r)
{
	int c = peek(r);
	if (c == '\r') {
		next(r);
		if (peek(r) == '\n')
			next(r);
		r->line++;
	} else if (c == '\n') {
		next(r);
		r->line++;
	}
}

/* Reads one quoted field, the opening quote already taken. Returns 0 when
 * the file ended inside it. */
static int quoted_field(struct csv_reader *r)
{
	long opened = r->line;
	for (;;) {
		int c = next(r);
		if (c < 0) {
			problem(r, opened, r->nf + 1,
			        "field %zu opens a quote on line %ld that is never closed (the file ends inside it)",
			        r->nf + 1, opened);
			return 0;
		}
		if (c == '"') {
			if (peek(r) != '"')
				break;
			next(r);
			add_byte(r, '"');
		} else if (c == '\r') {
			if (peek(r) == '\n')
				next(r);
			add_byte(r, '\n');
			r->line++;
		} else {
			if (c == '\n')
				r->line++;
			add_byte(r, (unsigned char)c);
		}
	}
	/* After the closing quote only a comma or the record's end may come. */
	for (;;) {
		int c = peek(r);
		if (c < 0 || c == ',' || c == '\r' || c == '\n')
			return 1;
		problem(r, r->line, r->nf + 1,
		        "field %zu has text after its closing quote (a quote inside a quoted field is written twice: \"\")",
		        r->nf + 1);
		next(r);
		add_byte(r, (unsigned char)c);
	}
}

int csv_read(struct csv_reader *r, struct csv_record *rec)
{
	if (!r || !rec || r->nomem)
		return r && r->nomem ? CSV_NOMEM : CSV_EOF;
	if (!r->started) {
		r->started = 1;
		if (peek(r) == 0xEF && r->srclen - r->pos >= 3 &&
		    memcmp(r->src + r->pos, "\xEF\xBB\xBF", 3) == 0) {
			r->pos += 3;
			r->bom = 1;
		}
		/* fread fills the first chunk unless the file is shorter, so
		 * three bytes of a mark are always there to see. */
	}
	r->bad = 0;
	r->err[0] = '\0';
	r->err_line = 0;
	r->err_field = 0;
	r->blen = 0;
	r->nf = 0;
	if (peek(r) < 0) {
		if (!r->bad)
			return CSV_EOF;
		/* a read error just now */
		rec->nfields = 0;
		rec->line = r->line;
		rec->err = r->err;
		rec->err_line = r->err_line;
		rec->err_field = 0;
		return CSV_BAD;
	}
	rec->line = r->line;
	for (;;) {
		int c;
		field_begin(r);
		if (peek(r) == '"') {
			next(r);
			quoted_field(r);
		} else {
			for (;;) {
				c = peek(r);
				if (c < 0 || c == ',' || c == '\r' || c == '\n')
					break;
				next(r);
				add_byte(r, (unsigned char)c);
			}
		}
		field_end(r);
		if (r->nomem)
			return CSV_NOMEM;
		c = peek(r);
		if (c == ',') {
			next(r);
			continue;
		}
		eat_eol(r);
		break;
	}
	{
		size_t need = r->nf ? r->nf : 1;
		char **f = realloc(r->fields, need * sizeof *f);
		size_t *l;
		if (!f)
			return r->nomem = 1, CSV_NOMEM;
		r->fields = f;
		l = realloc(r->lens, need * sizeof *l);
		if (!l)
			return r->nomem = 1, CSV_NOMEM;
		r->lens = l;
		for (size_t i = 0; i < r->nf; i++) {
			r->fields[i] = r->buf + r->off[i];
			r->lens[i] = strlen(r->fields[i]);
		}
	}
	rec->nfields = r->nf;
	rec->field = r->fields;
	rec->len = r->lens;
	rec->err = r->err;
	rec->err_line = r->bad ? r->err_line : 0;
	rec->err_field = r->bad ? r->err_field : 0;
	return r->bad ? CSV_BAD : CSV_RECORD;
}

int csv_record_blank(const struct csv_record *rec)
{
	for (size_t i = 0; rec && i < rec->nfields; i++)
		for (const char *p = rec->field[i]; *p; p++)
			if (*p != ' ' && *p != '\t')
				return 0;
	return 1;
}

void csv_header_norm(const char *name, char *out, size_t n)
{
	size_t k = 0;
	if (!out || n == 0)
		return;
	for (const unsigned char *p = (const unsigned char *)(name ? name : ""); *p && k + 1 < n; p++) {
		if (*p >= 0x80)
			out[k++] = (char)*p;
		else if (isalnum(*p))
			out[k++] = (char)tolower(*p);
	}
	out[k] = '\0';
}

int csv_header_is(const char *name, const char *aliases)
{
	char want[128], got[128], one[128];
	const char *p = aliases ? aliases : "";
	csv_header_norm(name, got, sizeof got);
	if (!got[0])
		return 0;
	while (*p) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		if (len >= sizeof one)
			len = sizeof one - 1;
		memcpy(one, p, len);
		one[len] = '\0';
		csv_header_norm(one, want, sizeof want);
		if (want[0] && strcmp(want, got) == 0)
			return 1;
		if (!bar)
			break;
		p = bar + 1;
	}
	return 0;
}

/* Copies s, less spaces around, into out (n bytes); 0 if it did not fit. */
static int trimmed(const char *s, char *out, size_t n)
{
	size_t len;
	while (*s == ' ' || *s == '\t')
		s++;
	len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r' ||
	               s[len - 1] == '\n'))
		len--;
	if (len >= n)
		return 0;
	memcpy(out, s, len);
	out[len] = '\0';
	return 1;
}

int csv_parse_date(const char *s, struct date *out)
{
	char b[64];
	size_t len;
	if (!s)
		return DATE_EMPTY;
	if (!trimmed(s, b, sizeof b))
		return DATE_SYNTAX;
	/* A midnight time after the date, as spreadsheets write a date cell. */
	len = strlen(b);
	if (len > 9 && strcmp(b + len - 9, " 00:00:00") == 0)
		b[len - 9] = '\0';
	else if (len > 6 && strcmp(b + len - 6, " 00:00") == 0)
		b[len - 6] = '\0';
	else if (len > 9 && strcmp(b + len - 9, "T00:00:00") == 0)
		b[len - 9] = '\0';
	return date_parse(b, out);
}

int csv_parse_money(const char *s, int64_t *pence)
{
	char b[64];
	size_t len;
	int64_t v;
	int rc;
	if (!pence)
		return MONEY_BAD_ARG;
	if (!s)
		return MONEY_EMPTY;
	if (!trimmed(s, b, sizeof b))
		return MONEY_SYNTAX;
	len = strlen(b);
	if (len >= 2 && b[0] == '(' && b[len - 1] == ')') {
		b[len - 1] = '\0';
		/* "(-3)" is not a way anyone writes money. */
		if (strchr(b + 1, '-') || strchr(b + 1, '+') || strchr(b + 1, '('))
			return MONEY_SYNTAX;
		rc = money_parse(b + 1, &v);
		if (rc == MONEY_EMPTY)
			return MONEY_SYNTAX;
		if (rc != MONEY_OK)
			return rc;
		*pence = -v;
		return MONEY_OK;
	}
	if (strchr(b, '(') || strchr(b, ')'))
		return MONEY_SYNTAX;
	rc = money_parse(b, &v);
	if (rc == MONEY_OK)
		*pence = v;
	return rc;
}
