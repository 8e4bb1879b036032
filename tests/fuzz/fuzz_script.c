/* libFuzzer target for script_parse (src/core/script.c): keys, :dump,
 * :resize, :sleep, :quit, :paste, :click, :dblclick, :wheel and :wait.
 *
 * Beyond not crashing: a refused script leaves nothing behind and says
 * why in printable UTF-8 naming the line; an accepted one has only steps
 * that make sense, and writing those steps back out as a script and
 * parsing that gives the same steps again. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/keys.h"
#include "coopdesk/script.h"
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

/* A message fit for the screen: not empty, UTF-8, no control characters. */
static void check_message(const char *msg, size_t cap)
{
	size_t len = strnlen(msg, cap);

	CHECK(len > 0 && len < cap);
	CHECK(text_valid_utf8(msg));
	for (size_t i = 0; i < len; i++)
		CHECK((unsigned char)msg[i] >= 0x20 && msg[i] != 0x7F);
}

/* Appends the formatted text to the growing buffer. */
struct out {
	char *buf;
	size_t len, cap;
};

static void put(struct out *o, const char *s)
{
	size_t n = strlen(s);

	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		o->buf = realloc(o->buf, o->cap);
		CHECK(o->buf != NULL);
	}
	memcpy(o->buf + o->len, s, n + 1);
	o->len += n;
}

/* Writes the steps back out as a script. */
static void rewrite(const struct script_step *s, size_t n, struct out *o)
{
	char tmp[300];
	int line_start = 1;

	for (size_t i = 0; i < n; i++) {
		if (s[i].kind == STEP_KEY && s[i].key == CDK_PASTE_BEGIN) {
			/* ":paste KEYS" on a line of its own (a space is <Space>). */
			if (!line_start)
				put(o, "\n");
			put(o, ":paste ");
			for (i++; i < n && s[i].key != CDK_PASTE_END; i++) {
				const char *name = key_format(s[i].key, tmp, sizeof tmp);
				CHECK(name != NULL);
				put(o, name);
			}
			put(o, "\n");
			line_start = 1;
			continue;
		}
		if (s[i].kind == STEP_KEY) {
			const char *name = key_format(s[i].key, tmp, sizeof tmp);
			CHECK(name != NULL);
			if (line_start && strcmp(name, "#") == 0)
				name = "<Hash>";
			else if (line_start && strcmp(name, ":") == 0)
				name = "<Colon>";
			put(o, name);
			line_start = 0;
			continue;
		}
		if (!line_start)
			put(o, "\n");
		switch (s[i].kind) {
		case STEP_DUMP:
			snprintf(tmp, sizeof tmp, ":dump %s\n", s[i].path);
			break;
		case STEP_RESIZE:
			snprintf(tmp, sizeof tmp, ":resize %dx%d\n", s[i].cols, s[i].rows);
			break;
		case STEP_SLEEP:
			snprintf(tmp, sizeof tmp, ":sleep %d\n", s[i].ms);
			break;
		case STEP_WAIT:
			snprintf(tmp, sizeof tmp, ":wait %s\n", s[i].path);
			break;
		case STEP_MOUSE:
			if (s[i].mouse >= 3)
				snprintf(tmp, sizeof tmp, ":wheel %s\n", s[i].mouse == 3 ? "up" : "down");
			else
				snprintf(tmp, sizeof tmp, ":%s %d %d\n", s[i].mouse == 1 ? "click" : "dblclick",
					 s[i].rows, s[i].cols);
			break;
		default:
			snprintf(tmp, sizeof tmp, ":quit\n");
			break;
		}
		put(o, tmp);
		line_start = 1;
	}
}

static void check_steps(const struct script_step *s, size_t n, size_t size)
{
	int last_line = 1;
	char name[KEY_NAME_MAX];
	const char *end;
	int32_t k;

	int pasting = 0;
	CHECK(n <= SCRIPT_MAX_STEPS);
	CHECK(n <= size); /* every step takes a byte at least */
	for (size_t i = 0; i < n; i++) {
		CHECK(s[i].line >= last_line);
		last_line = s[i].line;
		/* A :paste is its keys between a begin and an end, on one line. */
		if (pasting)
			CHECK(s[i].kind == STEP_KEY && s[i].line == pasting);
		switch (s[i].kind) {
		case STEP_KEY:
			if (s[i].key == CDK_PASTE_BEGIN) {
				CHECK(!pasting);
				pasting = s[i].line;
				/* :paste needs keys to paste. */
				CHECK(i + 1 < n && s[i + 1].kind == STEP_KEY &&
				      s[i + 1].key != CDK_PASTE_END);
				break;
			}
			if (s[i].key == CDK_PASTE_END) {
				CHECK(pasting);
				pasting = 0;
				break;
			}
			CHECK(key_valid(s[i].key));
			CHECK(key_format(s[i].key, name, sizeof name) != NULL);
			CHECK(key_parse(name, &k, &end) == 0 && k == s[i].key && *end == '\0');
			break;
		case STEP_MOUSE:
			CHECK(s[i].mouse >= 1 && s[i].mouse <= 4);
			CHECK(s[i].rows >= 0 && s[i].rows < SCRIPT_MAX_SIZE);
			CHECK(s[i].cols >= 0 && s[i].cols < SCRIPT_MAX_SIZE);
			if (s[i].mouse >= 3)
				CHECK(s[i].rows == 0 && s[i].cols == 0);
			break;
		case STEP_WAIT:
		case STEP_DUMP: {
			size_t len = strnlen(s[i].path, sizeof s[i].path);
			CHECK(len > 0 && len < sizeof s[i].path);
			CHECK(text_valid_utf8(s[i].path));
			CHECK(s[i].path[0] != ' ' && s[i].path[len - 1] != ' ');
			for (size_t j = 0; j < len; j++)
				CHECK((unsigned char)s[i].path[j] >= 0x20 && s[i].path[j] != 0x7F);
			break;
		}
		case STEP_RESIZE:
			CHECK(s[i].cols >= 1 && s[i].cols <= SCRIPT_MAX_SIZE);
			CHECK(s[i].rows >= 1 && s[i].rows <= SCRIPT_MAX_SIZE);
			break;
		case STEP_SLEEP:
			CHECK(s[i].ms >= 0 && s[i].ms <= SCRIPT_MAX_SLEEP);
			break;
		case STEP_QUIT:
			break;
		default:
			CHECK(!"a step of no known kind");
		}
	}
	CHECK(!pasting);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct script_step *steps = (struct script_step *)&size, *again = NULL;
	struct out o = { 0 };
	size_t n = 12345, m = 0;
	char err[256];

	if (script_parse((const char *)data, size, &steps, &n, err, sizeof err) != 0) {
		CHECK(steps == NULL && n == 0);
		check_message(err, sizeof err);
		CHECK(strncmp(err, "line ", 5) == 0);
		return 0;
	}
	CHECK(steps != NULL);
	CHECK(err[0] == '\0');
	check_steps(steps, n, size);

	rewrite(steps, n, &o);
	CHECK(script_parse(o.buf ? o.buf : "", o.len, &again, &m, err, sizeof err) == 0);
	CHECK(m == n);
	for (size_t i = 0; i < n; i++) {
		CHECK(again[i].kind == steps[i].kind);
		CHECK(again[i].key == steps[i].key);
		CHECK(again[i].cols == steps[i].cols && again[i].rows == steps[i].rows);
		CHECK(again[i].ms == steps[i].ms);
		CHECK(again[i].mouse == steps[i].mouse);
		CHECK(strcmp(again[i].path, steps[i].path) == 0);
	}
	free(again);
	free(o.buf);
	free(steps);
	return 0;
}
