/* script.c: the scripted mode's file, parsed into steps (see script.h). */
#include "coopdesk/script.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/keys.h"
#include "coopdesk/text.h"

#define COMMANDS "the commands are :dump, :resize, :sleep, :wait, :paste, :click, :dblclick," \
	" :wheel and :quit"

struct parser {
	struct script_step *steps;
	size_t n, cap;
	size_t line;
	char *err;
	size_t errlen;
};

/* Writes "line N: " and the formatted sentence to the error; returns -1. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static int fail(struct parser *p, const char *fmt, ...)
{
	va_list ap;
	int w;

	if (p->err == NULL || p->errlen == 0)
		return -1;
	w = snprintf(p->err, p->errlen, "line %zu: ", p->line);
	if (w >= 0 && (size_t)w < p->errlen) {
		va_start(ap, fmt);
		vsnprintf(p->err + w, p->errlen - (size_t)w, fmt, ap);
		va_end(ap);
	}
	return -1;
}

/* A new step of the given kind at the end of the array, or NULL (with the
 * error written) when there are too many or memory runs out. */
static struct script_step *add(struct parser *p, int kind)
{
	struct script_step *s;

	if (p->n >= SCRIPT_MAX_STEPS) {
		fail(p, "the script has more than %d steps, the most it may have",
		     SCRIPT_MAX_STEPS);
		return NULL;
	}
	if (p->n == p->cap) {
		size_t cap = p->cap == 0 ? 64 : p->cap * 2;
		if (cap > SCRIPT_MAX_STEPS)
			cap = SCRIPT_MAX_STEPS;
		s = realloc(p->steps, cap * sizeof *s);
		if (s == NULL) {
			fail(p, "there is not enough memory for the script's steps");
			return NULL;
		}
		p->steps = s;
		p->cap = cap;
	}
	s = &p->steps[p->n++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->line = (int)p->line;
	return s;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Reads a whole number from [*s, end) into *v, as 1000000 if it is
 * larger.  Returns 0, or -1 if there is no digit. */
static int number(const char **s, const char *end, int *v)
{
	const char *p = *s;
	int x = 0;

	if (p == end || *p < '0' || *p > '9')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9'; p++)
		x = x >= 100000 ? 1000000 : x * 10 + (*p - '0');
	*v = x;
	*s = p;
	return 0;
}

/* :dump FILE and :wait FILE. */
static int cmd_file(struct parser *p, int kind, const char *cmd, const char *arg, size_t len)
{
	struct script_step *s;
	size_t i;

	if (len == 0)
		return fail(p, ":%s needs a file name, such as :%s screen.txt", cmd, cmd);
	if (len >= sizeof s->path)
		return fail(p, "the file name after :%s is longer than %zu bytes", cmd,
		            sizeof s->path - 1);
	for (i = 0; i < len; i++)
		if ((unsigned char)arg[i] < 0x20 || arg[i] == 0x7F)
			return fail(p, "the file name after :%s has a control character in it", cmd);
	if ((s = add(p, kind)) == NULL)
		return -1;
	memcpy(s->path, arg, len);
	s->path[len] = '\0';
	if (!text_valid_utf8(s->path)) {
		p->n--;
		return fail(p, "the file name after :%s is not valid UTF-8", cmd);
	}
	return 0;
}

static int cmd_resize(struct parser *p, const char *arg, size_t len)
{
	const char *s = arg, *end = arg + len;
	struct script_step *st;
	int cols, rows;

	if (number(&s, end, &cols) != 0 || s == end || *s++ != 'x'
	    || number(&s, end, &rows) != 0 || s != end)
		return fail(p, ":resize needs a size as COLSxROWS, such as :resize 80x24");
	if (cols < 1 || rows < 1 || cols > SCRIPT_MAX_SIZE || rows > SCRIPT_MAX_SIZE)
		return fail(p, "the size after :resize must be from 1x1 to %dx%d",
		            SCRIPT_MAX_SIZE, SCRIPT_MAX_SIZE);
	if ((st = add(p, STEP_RESIZE)) == NULL)
		return -1;
	st->cols = cols;
	st->rows = rows;
	return 0;
}

static int cmd_sleep(struct parser *p, const char *arg, size_t len)
{
	const char *s = arg, *end = arg + len;
	struct script_step *st;
	int ms;

	if (number(&s, end, &ms) != 0 || s != end)
		return fail(p, ":sleep needs a number of milliseconds, such as :sleep 100");
	if (ms > SCRIPT_MAX_SLEEP)
		return fail(p, ":sleep is at most %d milliseconds", SCRIPT_MAX_SLEEP);
	if ((st = add(p, STEP_SLEEP)) == NULL)
		return -1;
	st->ms = ms;
	return 0;
}

/* Copies up to 16 bytes of a command's name for a message, with anything
 * but printable ASCII shown as '?'. */
static void quote_name(const char *s, size_t len, char *out, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < len && i < 16 && o + 1 < n; i++)
		out[o++] = (s[i] > 0x20 && s[i] < 0x7F) ? s[i] : '?';
	if (i < len && o + 3 < n) {
		memcpy(out + o, "\xE2\x80\xA6", 3); /* … */
		o += 3;
	}
	out[o] = '\0';
}

static int cmd_paste(struct parser *p, const char *arg, size_t len);
static int cmd_mouse(struct parser *p, int kind, const char *arg, size_t len);

/* A line that starts with ':'. */
static int command(struct parser *p, const char *s, size_t len)
{
	const char *end = s + len, *name = s + 1, *arg;
	size_t nlen, alen;
	char q[32];

	for (arg = name; arg < end && !is_blank(*arg); arg++)
		;
	nlen = (size_t)(arg - name);
	while (arg < end && is_blank(*arg))
		arg++;
	while (end > arg && is_blank(end[-1]))
		end--;
	alen = (size_t)(end - arg);
	if (nlen == 4 && memcmp(name, "dump", 4) == 0)
		return cmd_file(p, STEP_DUMP, "dump", arg, alen);
	if (nlen == 4 && memcmp(name, "wait", 4) == 0)
		return cmd_file(p, STEP_WAIT, "wait", arg, alen);
	if (nlen == 6 && memcmp(name, "resize", 6) == 0)
		return cmd_resize(p, arg, alen);
	if (nlen == 5 && memcmp(name, "sleep", 5) == 0)
		return cmd_sleep(p, arg, alen);
	if (nlen == 5 && memcmp(name, "paste", 5) == 0)
		return cmd_paste(p, arg, alen);
	if (nlen == 5 && memcmp(name, "click", 5) == 0)
		return cmd_mouse(p, 1, arg, alen);
	if (nlen == 8 && memcmp(name, "dblclick", 8) == 0)
		return cmd_mouse(p, 2, arg, alen);
	if (nlen == 5 && memcmp(name, "wheel", 5) == 0)
		return cmd_mouse(p, 3, arg, alen);
	if (nlen == 4 && memcmp(name, "quit", 4) == 0) {
		if (alen != 0)
			return fail(p, ":quit takes nothing after it");
		return add(p, STEP_QUIT) == NULL ? -1 : 0;
	}
	if (nlen == 0)
		return fail(p, "a : on its own is not a command (" COMMANDS ")");
	quote_name(name, nlen, q, sizeof q);
	return fail(p, "unknown command :%s (" COMMANDS ")", q);
}

static int keys(struct parser *p, const char *s, size_t len);

static int add_key(struct parser *p, int32_t key)
{
	struct script_step *st = add(p, STEP_KEY);
	if (st == NULL)
		return -1;
	st->key = key;
	return 0;
}

static int cmd_paste(struct parser *p, const char *arg, size_t len)
{
	if (len == 0)
		return fail(p, ":paste needs the keys that are pasted, such as :paste Ann<Esc>y");
	if (add_key(p, CDK_PASTE_BEGIN) != 0 || keys(p, arg, len) != 0)
		return -1;
	return add_key(p, CDK_PASTE_END);
}

static int cmd_mouse(struct parser *p, int kind, const char *arg, size_t len)
{
	const char *s = arg, *end = arg + len;
	struct script_step *st;
	int row = 0, col = 0;

	if (kind >= 3) {
		if (len == 4 && memcmp(arg, "down", 4) == 0)
			kind = 4;
		else if (!(len == 2 && memcmp(arg, "up", 2) == 0))
			return fail(p, ":wheel takes up or down");
	} else {
		if (number(&s, end, &row) != 0 || s == end || !is_blank(*s))
			return fail(p, "a click needs the row and column, such as :click 5 10");
		while (s < end && is_blank(*s))
			s++;
		if (number(&s, end, &col) != 0 || s != end)
			return fail(p, "a click needs the row and column, such as :click 5 10");
		if (row >= SCRIPT_MAX_SIZE || col >= SCRIPT_MAX_SIZE)
			return fail(p, "a click is at most at row and column %d", SCRIPT_MAX_SIZE - 1);
	}
	if ((st = add(p, STEP_MOUSE)) == NULL)
		return -1;
	st->rows = row;
	st->cols = col;
	st->mouse = kind;
	return 0;
}

/* Any other line: keys. */
static int keys(struct parser *p, const char *s, size_t len)
{
	const char *end = s + len, *next;
	struct script_step *st;
	char why[200];
	int32_t key;

	while (s < end) {
		if (key_parse_len(s, (size_t)(end - s), &key, &next) != 0) {
			key_parse_error(s, (size_t)(end - s), why, sizeof why);
			return fail(p, "%s", why);
		}
		if ((st = add(p, STEP_KEY)) == NULL)
			return -1;
		st->key = key;
		s = next;
	}
	return 0;
}

int script_parse(const char *text, size_t len, struct script_step **steps, size_t *n,
                 char *err, size_t errlen)
{
	struct parser p = { .err = err, .errlen = errlen };
	size_t start = 0;
	int rc = 0;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if (steps == NULL || n == NULL)
		return -1;
	*steps = NULL;
	*n = 0;
	if (text == NULL && len > 0) {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "there is no script text");
		return -1;
	}
	if (len > SCRIPT_MAX_BYTES) {
		if (err != NULL && errlen > 0)
			snprintf(err, errlen, "the script is larger than 16 MiB, the most it may be");
		return -1;
	}
	while (rc == 0 && start < len) {
		const char *line = text + start;
		const char *nl = memchr(line, '\n', len - start);
		size_t l = nl != NULL ? (size_t)(nl - line) : len - start;

		start += l + (nl != NULL);
		p.line++;
		if (l > 0 && line[l - 1] == '\r')
			l--;
		if (l == 0 || line[0] == '#')
			continue;
		rc = line[0] == ':' ? command(&p, line, l) : keys(&p, line, l);
	}
	if (rc == 0 && p.steps == NULL && (p.steps = malloc(sizeof *p.steps)) == NULL)
		rc = fail(&p, "there is not enough memory for the script's steps");
	if (rc != 0) {
		free(p.steps);
		return -1;
	}
	*steps = p.steps;
	*n = p.n;
	return 0;
}
