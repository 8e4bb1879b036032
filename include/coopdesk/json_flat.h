/* json_flat.h: reading a flat JSON object, one level of "name": value
 * pairs whose values are strings, numbers, true, false or null. The audit
 * trail keeps each record before and after a change as such an object
 * (coopdesk/audit.h); this turns one into fields a screen can show.
 *
 * The reader follows RFC 8259 for everything it accepts, with two
 * leniencies that suit showing text to a person: bytes from 0x80 up are
 * copied as they are (not checked as UTF-8: the screen shows a bad byte
 * as a replacement character), and the escapes \u0000 and a lone
 * surrogate become U+FFFD, so that every name and value is a plain
 * NUL-terminated string. An object or array as a value is refused
 * (JSON_FLAT_NESTED): this reader is for flat objects only.
 *
 * Names keep the order of the text, duplicates included. */
#ifndef COOPDESK_JSON_FLAT_H
#define COOPDESK_JSON_FLAT_H

#include <stddef.h>

enum json_flat_type {
	JSON_FLAT_STRING,
	JSON_FLAT_NUMBER,
	JSON_FLAT_TRUE,
	JSON_FLAT_FALSE,
	JSON_FLAT_NULL
};

struct json_flat_field {
	const char *name;   /* unescaped */
	const char *value;  /* a string unescaped; a number as written
			     * ("-1.5e3"); "true", "false" or "null" */
	enum json_flat_type type;
};

/* What json_flat_parse fills in. Zero it (or use JSON_FLAT_INIT) before
 * the first parse; json_flat_free releases it and leaves it empty. */
struct json_flat {
	struct json_flat_field *fields;
	size_t n;
	/* private */
	size_t cap;
	char *text;
};

#define JSON_FLAT_INIT { NULL, 0, 0, NULL }

enum json_flat_err {
	JSON_FLAT_OK = 0,
	JSON_FLAT_EMPTY,      /* nothing but white space */
	JSON_FLAT_NOT_OBJECT, /* does not start with '{' */
	JSON_FLAT_SYNTAX,     /* not JSON where *at says */
	JSON_FLAT_NESTED,     /* a value is an object or an array */
	JSON_FLAT_CUT,        /* the text ends before the object does */
	JSON_FLAT_NOMEM       /* out of memory */
};

/* Reads `len` bytes of `text` (a NUL inside is a syntax error) into *out,
 * replacing whatever it held. Returns JSON_FLAT_OK, or an error with
 * *at (when at is not NULL) the byte offset where the text went wrong,
 * and *out holding the fields read whole before that point: so a text
 * cut short still shows what it had. On JSON_FLAT_NOMEM *out is empty.
 * out owns its strings until the next parse or json_flat_free. */
int json_flat_parse(const char *text, size_t len, struct json_flat *out, size_t *at);

/* The first field called `name`, or NULL. */
const struct json_flat_field *json_flat_get(const struct json_flat *j, const char *name);

/* A plain-English message for a json_flat_err; static, never NULL. */
const char *json_flat_strerror(int err);

/* Frees what a parse allocated; the struct is empty again. NULL is fine. */
void json_flat_free(struct json_flat *j);

#endif
