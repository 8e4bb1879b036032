/*
 * src/core/json_flat.c: a reader for flat JSON objects (json_flat.h).
 *
 * One pass over the text. Unescaped names and values go into one buffer
 * of len + 1 bytes: an unescaped string never needs more than its quoted
 * form less one byte (the NUL takes a quote's place; \uXXXX, 6 bytes,
 * gives at most 3), and a number is followed by at least one byte of the
 * object (',' or '}') before the text can end whole. true, false and null
 * point at constant strings.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/json_flat.h"

struct parser {
	const char *s;
	size_t len, pos;
	char *buf;          /* the strings */
	size_t used, cap;
	struct json_flat *out;
};

static void skip_space(struct parser *p)
{
	while (p->pos < p->len) {
		char c = p->s[p->pos];
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
		p->pos++;
	}
}

/* Appends bytes to the string buffer; 0, or -1 if it would overflow (it
 * cannot, by the sizing above: a broken invariant, treated as no memory). */
static int put(struct parser *p, const char *b, size_t n)
{
	if (n > p->cap - p->used)
		return -1;
	memcpy(p->buf + p->used, b, n);
	p->used += n;
	return 0;
}

static int put_utf8(struct parser *p, uint32_t cp)
{
	char b[4];
	size_t n;
	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xC0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xE0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		b[0] = (char)(0xF0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		b[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return put(p, b, n);
}

/* Four hex digits at pos; -1 if they are not there (*cut when the text
 * ends first). */
static long hex4(struct parser *p, int *cut)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		if (p->pos >= p->len) {
			*cut = 1;
			return -1;
		}
		char c = p->s[p->pos];
		int d = c >= '0' && c <= '9' ? c - '0'
		      : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
		p->pos++;
	}
	return v;
}

/* Reads a string starting at its opening quote; *str is where it went. */
static int read_string(struct parser *p, const char **str)
{
	p->pos++; /* the quote */
	size_t start = p->used;
	for (;;) {
		if (p->pos >= p->len)
			return JSON_FLAT_CUT;
		unsigned char c = (unsigned char)p->s[p->pos];
		if (c == '"') {
			p->pos++;
			if (put(p, "", 1))
				return JSON_FLAT_NOMEM;
			*str = p->buf + start;
			return JSON_FLAT_OK;
		}
		if (c < 0x20)
			return JSON_FLAT_SYNTAX; /* a raw control character, NUL too */
		if (c != '\\') {
			if (put(p, (const char *)&p->s[p->pos], 1))
				return JSON_FLAT_NOMEM;
			p->pos++;
			continue;
		}
		size_t esc = p->pos;
		if (++p->pos >= p->len)
			return JSON_FLAT_CUT;
		char e = p->s[p->pos++];
		const char *simple = NULL;
		switch (e) {
		case '"': simple = "\""; break;
		case '\\': simple = "\\"; break;
		case '/': simple = "/"; break;
		case 'b': simple = "\b"; break;
		case 'f': simple = "\f"; break;
		case 'n': simple = "\n"; break;
		case 'r': simple = "\r"; break;
		case 't': simple = "\t"; break;
		case 'u': break;
		default:
			p->pos = esc;
			return JSON_FLAT_SYNTAX;
		}
		if (simple) {
			if (put(p, simple, 1))
				return JSON_FLAT_NOMEM;
			continue;
		}
		int cut = 0;
		long u = hex4(p, &cut);
		if (u < 0) {
			if (!cut)
				p->pos = esc;
			return cut ? JSON_FLAT_CUT : JSON_FLAT_SYNTAX;
		}
		uint32_t cp = (uint32_t)u;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			/* A high surrogate: a low one must follow to make a pair. */
			if (p->pos + 1 < p->len && p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u') {
				size_t back = p->pos;
				p->pos += 2;
				long lo = hex4(p, &cut);
				if (lo < 0) {
					if (!cut)
						p->pos = back;
					return cut ? JSON_FLAT_CUT : JSON_FLAT_SYNTAX;
				}
				if (lo >= 0xDC00 && lo <= 0xDFFF)
					cp = 0x10000 + ((cp - 0xD800) << 10) + (uint32_t)(lo - 0xDC00);
				else
					p->pos = back; /* not a pair: read that escape on its own */
			}
		}
		if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		if (put_utf8(p, cp))
			return JSON_FLAT_NOMEM;
	}
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a number (RFC 8259's grammar) and the byte after it, which must
 * be there for the number to be known whole. */
static int read_number(struct parser *p, const char **str)
{
	size_t start = p->pos;
	const char *s = p->s;
	size_t n = p->len;
#define NEED_MORE() do { if (p->pos >= n) return JSON_FLAT_CUT; } while (0)
	if (s[p->pos] == '-') {
		p->pos++;
		NEED_MORE();
	}
	if (s[p->pos] == '0') {
		p->pos++;
	} else if (s[p->pos] >= '1' && s[p->pos] <= '9') {
		while (p->pos < n && is_digit(s[p->pos]))
			p->pos++;
	} else {
		return JSON_FLAT_SYNTAX;
	}
	NEED_MORE();
	if (s[p->pos] == '.') {
		p->pos++;
		NEED_MORE();
		if (!is_digit(s[p->pos]))
			return JSON_FLAT_SYNTAX;
		while (p->pos < n && is_digit(s[p->pos]))
			p->pos++;
		NEED_MORE();
	}
	if (s[p->pos] == 'e' || s[p->pos] == 'E') {
		p->pos++;
		NEED_MORE();
		if (s[p->pos] == '+' || s[p->pos] == '-')
			p->pos++;
		NEED_MORE();
		if (!is_digit(s[p->pos]))
			return JSON_FLAT_SYNTAX;
		while (p->pos < n && is_digit(s[p->pos]))
			p->pos++;
		NEED_MORE();
	}
#undef NEED_MORE
	size_t start_out = p->used;
	if (put(p, s + start, p->pos - start) || put(p, "", 1))
		return JSON_FLAT_NOMEM;
	*str = p->buf + start_out;
	return JSON_FLAT_OK;
}

/* true, false or null; `word` is what should be at pos. */
static int read_word(struct parser *p, const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 0; i < n; i++, p->pos++) {
		if (p->pos >= p->len)
			return JSON_FLAT_CUT;
		if (p->s[p->pos] != word[i])
			return JSON_FLAT_SYNTAX;
	}
	return JSON_FLAT_OK;
}

static int read_value(struct parser *p, struct json_flat_field *f)
{
	if (p->pos >= p->len)
		return JSON_FLAT_CUT;
	char c = p->s[p->pos];
	switch (c) {
	case '"':
		f->type = JSON_FLAT_STRING;
		return read_string(p, &f->value);
	case 't':
		f->type = JSON_FLAT_TRUE;
		f->value = "true";
		return read_word(p, "true");
	case 'f':
		f->type = JSON_FLAT_FALSE;
		f->value = "false";
		return read_word(p, "false");
	case 'n':
		f->type = JSON_FLAT_NULL;
		f->value = "null";
		return read_word(p, "null");
	case '{': case '[':
		return JSON_FLAT_NESTED;
	default:
		if (c == '-' || is_digit(c)) {
			f->type = JSON_FLAT_NUMBER;
			return read_number(p, &f->value);
		}
		return JSON_FLAT_SYNTAX;
	}
}

static int add_field(struct parser *p, const struct json_flat_field *f)
{
	struct json_flat *o = p->out;
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 16;
		struct json_flat_field *grown = realloc(o->fields, cap * sizeof *grown);
		if (!grown)
			return JSON_FLAT_NOMEM;
		o->fields = grown;
		o->cap = cap;
	}
	o->fields[o->n++] = *f;
	return JSON_FLAT_OK;
}

static int parse_object(struct parser *p)
{
	skip_space(p);
	if (p->pos >= p->len)
		return JSON_FLAT_EMPTY;
	if (p->s[p->pos] != '{')
		return JSON_FLAT_NOT_OBJECT;
	p->pos++;
	skip_space(p);
	if (p->pos < p->len && p->s[p->pos] == '}') {
		p->pos++;
	} else {
		for (;;) {
			struct json_flat_field f;
			int rc;
			skip_space(p);
			if (p->pos >= p->len)
				return JSON_FLAT_CUT;
			if (p->s[p->pos] != '"')
				return JSON_FLAT_SYNTAX;
			if ((rc = read_string(p, &f.name)))
				return rc;
			skip_space(p);
			if (p->pos >= p->len)
				return JSON_FLAT_CUT;
			if (p->s[p->pos] != ':')
				return JSON_FLAT_SYNTAX;
			p->pos++;
			skip_space(p);
			if ((rc = read_value(p, &f)))
				return rc;
			skip_space(p);
			if (p->pos >= p->len)
				return JSON_FLAT_CUT;
			char c = p->s[p->pos];
			if (c != ',' && c != '}')
				return JSON_FLAT_SYNTAX;
			/* Only now is the value known whole. */
			if ((rc = add_field(p, &f)))
				return rc;
			p->pos++;
			if (c == '}')
				break;
		}
	}
	skip_space(p);
	return p->pos < p->len ? JSON_FLAT_SYNTAX : JSON_FLAT_OK;
}

int json_flat_parse(const char *text, size_t len, struct json_flat *out, size_t *at)
{
	json_flat_free(out);
	if (at)
		*at = 0;
	if (!text)
		len = 0;
	struct parser p = { .s = text, .len = len, .out = out, .cap = len + 1 };
	p.buf = malloc(p.cap);
	if (!p.buf)
		return JSON_FLAT_NOMEM;
	out->text = p.buf;
	int rc = parse_object(&p);
	if (rc == JSON_FLAT_NOMEM)
		json_flat_free(out);
	if (at)
		*at = p.pos;
	return rc;
}

const struct json_flat_field *json_flat_get(const struct json_flat *j, const char *name)
{
	for (size_t i = 0; j && name && i < j->n; i++)
		if (strcmp(j->fields[i].name, name) == 0)
			return &j->fields[i];
	return NULL;
}

const char *json_flat_strerror(int err)
{
	switch (err) {
	case JSON_FLAT_OK: return "no error";
	case JSON_FLAT_EMPTY: return "there is nothing there";
	case JSON_FLAT_NOT_OBJECT: return "it is not a JSON object";
	case JSON_FLAT_SYNTAX: return "it is not well-formed JSON";
	case JSON_FLAT_NESTED: return "it has an object or list inside, which is not read here";
	case JSON_FLAT_CUT: return "it was cut short before its end";
	case JSON_FLAT_NOMEM: return "there was not enough memory to read it";
	default: return "unknown error";
	}
}

void json_flat_free(struct json_flat *j)
{
	if (!j)
		return;
	free(j->fields);
	free(j->text);
	j->fields = NULL;
	j->text = NULL;
	j->n = j->cap = 0;
}
