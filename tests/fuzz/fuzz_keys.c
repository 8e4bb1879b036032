/* libFuzzer target for key names and the key bindings file
 * (src/core/keys.c).
 *
 * The input is read three ways: as a key bindings file (each report has
 * a line in range and a sentence fit for the screen; each binding is
 * sound and, written back as a file, reads back the same), as a run of
 * key names (every key read has a name that reads back as it; every
 * failure moves on and is explained), and its first four bytes as a key
 * code for key_format. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/keys.h"
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

#define MAX_BIND 64

static void check_message(const char *msg)
{
	size_t len = strlen(msg);

	CHECK(len > 0 && len < 256);
	CHECK(text_valid_utf8(msg));
	for (size_t i = 0; i < len; i++)
		CHECK((unsigned char)msg[i] >= 0x20 && msg[i] != 0x7F);
}

struct seen {
	int lines; /* lines in the text */
	int last;  /* the last line reported */
	int reports;
};

static void report(int line, const char *message, void *arg)
{
	struct seen *s = arg;

	CHECK(line > s->last && line <= s->lines);
	s->last = line;
	s->reports++;
	check_message(message);
}

/* The same key read back from its name. */
static void check_name(int32_t key)
{
	char name[KEY_NAME_MAX];
	const char *end;
	int32_t k = -1;

	CHECK(key_format(key, name, sizeof name) != NULL);
	CHECK(key_parse(name, &k, &end) == 0 && k == key && *end == '\0');
}

static void check_conf(const char *text)
{
	struct key_binding b[MAX_BIND], again[MAX_BIND];
	struct seen s = { 0 };
	int n = -1, m = -1, bad;
	size_t cap = 1, len = 0;
	char *out, name[KEY_NAME_MAX];

	for (const char *p = text; *p != '\0'; p++)
		s.lines += *p == '\n';
	if (*text != '\0' && text[strlen(text) - 1] != '\n')
		s.lines++;
	bad = keyconf_parse(text, b, MAX_BIND, &n, report, &s);
	CHECK(bad == s.reports);
	CHECK(n >= 0 && n <= MAX_BIND);
	for (int i = 0; i < n; i++) {
		size_t alen = strnlen(b[i].action, sizeof b[i].action);
		CHECK(alen > 0 && alen <= KEY_ACTION_MAX);
		CHECK(strspn(b[i].action, "abcdefghijklmnopqrstuvwxyz0123456789-") == alen);
		CHECK(b[i].line >= 1 && b[i].line <= s.lines);
		CHECK(i == 0 || b[i].line >= b[i - 1].line);
		check_name(b[i].key);
		cap += alen + KEY_NAME_MAX + 8;
	}
	/* Written back one binding a line, it reads back the same. */
	out = malloc(cap);
	CHECK(out != NULL);
	out[0] = '\0';
	for (int i = 0; i < n; i++) {
		key_format(b[i].key, name, sizeof name);
		len += (size_t)snprintf(out + len, cap - len, "bind %s %s\n", b[i].action, name);
	}
	CHECK(keyconf_parse(out, again, MAX_BIND, &m, NULL, NULL) == 0);
	CHECK(m == n);
	for (int i = 0; i < n; i++) {
		CHECK(strcmp(again[i].action, b[i].action) == 0);
		CHECK(again[i].key == b[i].key);
		CHECK(again[i].line == i + 1);
	}
	free(out);
}

static void check_names(const char *s, size_t len)
{
	const char *p = s, *end = s + len, *next;
	char why[200];
	int32_t key;

	while (p < end) {
		next = NULL;
		if (key_parse_len(p, (size_t)(end - p), &key, &next) == 0) {
			CHECK(key_valid(key));
			check_name(key);
		} else {
			key_parse_error(p, (size_t)(end - p), why, sizeof why);
			check_message(why);
		}
		CHECK(next > p && next <= end);
		p = next;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	int32_t key;
	char name[KEY_NAME_MAX];

	CHECK(text != NULL);
	memcpy(text, data, size);
	text[size] = '\0';
	check_conf(text);
	check_names(text, size);
	if (size >= 4) {
		memcpy(&key, data, sizeof key);
		if (key_format(key, name, sizeof name) != NULL)
			check_name(key);
		else
			CHECK(!key_valid(key) && name[0] == '\0');
	}
	free(text);
	return 0;
}
