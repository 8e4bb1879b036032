/* libFuzzer target for json_flat_parse (src/core/json_flat.c).
 *
 * Beyond not crashing: the reader never runs out of its own buffer (so no
 * JSON_FLAT_NOMEM), says where it stopped within the text, and what it
 * read (all of it, or the fields before an error) written back out as
 * JSON reads again as exactly the same fields. A number it accepts is one
 * on its own too, and true, false and null read as themselves. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/json_flat.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
			        #cond);                                              \
			abort();                                                     \
		}                                                                    \
	} while (0)

struct out {
	char *buf;
	size_t len, cap;
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

/* A string as JSON: quotes, backslashes and control characters escaped,
 * every other byte as it is (the reader passes them through). */
static void put_string(struct out *o, const char *s)
{
	put(o, "\"", 1);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char esc[8];
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			put(o, esc, 2);
		} else if (c < 0x20) {
			snprintf(esc, sizeof esc, "\\u%04x", c);
			put(o, esc, 6);
		} else {
			put(o, s, 1);
		}
	}
	put(o, "\"", 1);
}

static void write_object(const struct json_flat *j, struct out *o)
{
	put(o, "{", 1);
	for (size_t i = 0; i < j->n; i++) {
		const struct json_flat_field *f = &j->fields[i];
		if (i)
			put(o, ",", 1);
		put_string(o, f->name);
		put(o, ":", 1);
		if (f->type == JSON_FLAT_STRING)
			put_string(o, f->value);
		else
			put(o, f->value, strlen(f->value));
	}
	put(o, "}", 1);
}

static void check_fields(const struct json_flat *j)
{
	for (size_t i = 0; i < j->n; i++) {
		const struct json_flat_field *f = &j->fields[i];
		CHECK(f->name != NULL && f->value != NULL);
		switch (f->type) {
		case JSON_FLAT_STRING:
			break;
		case JSON_FLAT_NUMBER: {
			/* Alone in an object of its own, it reads the same. */
			struct json_flat one = JSON_FLAT_INIT;
			struct out o = { 0 };
			put(&o, "{\"n\":", 5);
			put(&o, f->value, strlen(f->value));
			put(&o, "}", 1);
			CHECK(json_flat_parse(o.buf, o.len, &one, NULL) == JSON_FLAT_OK);
			CHECK(one.n == 1 && one.fields[0].type == JSON_FLAT_NUMBER);
			CHECK(strcmp(one.fields[0].value, f->value) == 0);
			CHECK(strspn(f->value, "-0123456789.eE+") == strlen(f->value));
			json_flat_free(&one);
			free(o.buf);
			break;
		}
		case JSON_FLAT_TRUE:
			CHECK(strcmp(f->value, "true") == 0);
			break;
		case JSON_FLAT_FALSE:
			CHECK(strcmp(f->value, "false") == 0);
			break;
		case JSON_FLAT_NULL:
			CHECK(strcmp(f->value, "null") == 0);
			break;
		default:
			CHECK(!"a field of no known type");
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct json_flat j = JSON_FLAT_INIT, again = JSON_FLAT_INIT;
	struct out o = { 0 };
	size_t at = (size_t)-1, at2;

	int rc = json_flat_parse((const char *)data, size, &j, &at);
	CHECK(rc >= JSON_FLAT_OK && rc < JSON_FLAT_NOMEM);
	CHECK(at <= size);
	CHECK(strlen(json_flat_strerror(rc)) > 0);
	if (rc == JSON_FLAT_OK)
		CHECK(at == size);
	if (rc == JSON_FLAT_CUT)
		CHECK(at == size);
	if (rc == JSON_FLAT_EMPTY || rc == JSON_FLAT_NOT_OBJECT)
		CHECK(j.n == 0);
	check_fields(&j);

	/* What was read, written out, reads again the same. */
	write_object(&j, &o);
	CHECK(json_flat_parse(o.buf, o.len, &again, &at2) == JSON_FLAT_OK);
	CHECK(at2 == o.len);
	CHECK(again.n == j.n);
	for (size_t i = 0; i < j.n; i++) {
		CHECK(again.fields[i].type == j.fields[i].type);
		CHECK(strcmp(again.fields[i].name, j.fields[i].name) == 0);
		CHECK(strcmp(again.fields[i].value, j.fields[i].value) == 0);
	}
	json_flat_free(&again);
	json_flat_free(&j);
	free(o.buf);
	return 0;
}
