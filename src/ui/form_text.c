/*
 * src/ui/form_text.c: the form's text, with no curses in it: UTF-8 read
 * and written by character (a combining mark goes with its base, a wide
 * character such as 李 takes two columns), word-wrapping for multi-line
 * fields, and checking a value against its field's spec, in words.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "coopdesk/date.h"
#include "coopdesk/money.h"
#include "coopdesk/text.h"
#include "form_text.h"

#define DEFAULT_TEXT_MAX 200
#define DEFAULT_MULTILINE_MAX 2000
#define DEFAULT_OTHER_MAX 40

/* ---- characters -------------------------------------------------------- */

uint32_t ftext_decode(const char *s, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	int n = u[0] < 0x80 ? 1 : u[0] < 0xC2 ? 0 : u[0] < 0xE0 ? 2
	      : u[0] < 0xF0 ? 3 : u[0] < 0xF5 ? 4 : 0;
	uint32_t cp = n == 1 ? u[0] : n == 2 ? u[0] & 0x1Fu : n == 3 ? u[0] & 0x0Fu : u[0] & 0x07u;
	for (int k = 1; k < n; k++) {
		if ((u[k] & 0xC0) != 0x80) {
			n = 0;
			break;
		}
		cp = cp << 6 | (u[k] & 0x3Fu);
	}
	if (n == 0) {
		*len = 1;
		return 0xFFFD;
	}
	*len = (size_t)n;
	return cp;
}

int ftext_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Columns a code point takes; what cannot be printed shows as one '?'. */
static int cp_width(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

static int zero_width(uint32_t cp)
{
	return cp != '\n' && cp != 0xFFFD && wcwidth((wchar_t)cp) == 0;
}

size_t ftext_next(const char *t, size_t at)
{
	size_t len;
	if (!t[at])
		return at;
	ftext_decode(t + at, &len);
	at += len;
	while (t[at] && zero_width(ftext_decode(t + at, &len)))
		at += len;
	return at;
}

static size_t back_one(const char *t, size_t at)
{
	while (at > 0 && ((unsigned char)t[--at] & 0xC0) == 0x80)
		;
	return at;
}

size_t ftext_prev(const char *t, size_t at)
{
	size_t len;
	if (at == 0)
		return 0;
	at = back_one(t, at);
	while (at > 0 && zero_width(ftext_decode(t + at, &len)))
		at = back_one(t, at);
	return at;
}

int ftext_width(const char *t, size_t from, size_t to)
{
	int w = 0;
	size_t len;
	while (from < to && t[from]) {
		uint32_t cp = ftext_decode(t + from, &len);
		if (cp != '\n')
			w += cp_width(cp);
		from += len;
	}
	return w;
}

void ftext_visible(const char *t, size_t from, size_t to, int cols, char *out, size_t n)
{
	size_t o = 0, len;
	int col = 0;
	while (from < to && t[from] && o + 8 < n) {
		uint32_t cp = ftext_decode(t + from, &len);
		if (cp == '\n')
			break;
		int w = cp_width(cp);
		if (col + w > cols)
			break;
		if (wcwidth((wchar_t)cp) < 0 || cp == 0xFFFD) {
			out[o++] = '?';
		} else {
			memcpy(out + o, t + from, len);
			o += len;
		}
		col += w;
		from += len;
	}
	out[o] = '\0';
}

int ftext_limit(const struct form_spec *sp)
{
	if (sp->max_chars > 0)
		return sp->max_chars;
	return sp->kind == FORM_TEXT || sp->kind == FORM_REF ? DEFAULT_TEXT_MAX
	       : sp->kind == FORM_MULTILINE ? DEFAULT_MULTILINE_MAX : DEFAULT_OTHER_MAX;
}

/* ---- checking ------------------------------------------------------------ */

int ftext_choice_index(const struct form_spec *sp, const char *word)
{
	for (int k = 0; sp->choices && sp->choices[k]; k++)
		if (strcmp(sp->choices[k], word) == 0)
			return k;
	return -1;
}

static void choices_words(const struct form_spec *sp, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int k = 0; sp->choices && sp->choices[k] && used < n; k++) {
		int w = snprintf(buf + used, n - used, "%s%s", k ? ", " : "", sp->choices[k]);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

int ftext_integer(const char *s, int64_t *v)
{
	const char *p = s;
	int neg = *p == '-';
	if (*p == '-' || *p == '+')
		p++;
	if (!*p)
		return -1;
	int64_t x = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || x > (INT64_MAX - 9) / 10)
			return -1;
		x = x * 10 + (*p - '0');
	}
	*v = neg ? -x : x;
	return 0;
}

/* Digits only, at least one, at most `max` of them: their value, or -1. */
static int64_t digits(const char *s, size_t len, size_t max)
{
	int64_t x = 0;
	if (len == 0 || len > max)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		x = x * 10 + (s[i] - '0');
	}
	return x;
}

int ftext_hours(const char *s, int64_t *minutes)
{
	const char *sep = strpbrk(s, ".:");
	size_t whole = sep ? (size_t)(sep - s) : strlen(s);
	int64_t h = whole ? digits(s, whole, 6) : 0, part = 0;
	if (h < 0 || (!whole && !sep))
		return -1;
	if (sep && *sep == ':') {
		part = digits(sep + 1, strlen(sep + 1), 2);
		if (part < 0 || part > 59 || strlen(sep + 1) != 2 || !whole)
			return -1;
	} else if (sep) {
		size_t k = strlen(sep + 1);
		int64_t frac = digits(sep + 1, k, 2);
		if (frac < 0)
			return -1;
		int64_t den = k == 1 ? 10 : 100;
		part = (frac * 60 + den / 2) / den; /* to the nearest minute */
	}
	*minutes = h * 60 + part;
	return 0;
}

const char *ftext_hours_format(int64_t minutes, char *buf, size_t n)
{
	snprintf(buf, n, "%lld:%02lld", (long long)(minutes / 60), (long long)(minutes % 60));
	return buf;
}

int ftext_check(const struct form_spec *sp, const char *v, char *why, size_t n)
{
	char words[FORM_ERR_MAX - 32], a[MONEY_BUFSZ], b[MONEY_BUFSZ];
	int64_t x;
	why[0] = '\0';
	if (!*v) {
		if (!sp->required)
			return 0;
		if (sp->kind == FORM_CHOICE) {
			choices_words(sp, words, sizeof words);
			snprintf(why, n, "required: choose one of: %s", words);
		} else {
			snprintf(why, n, "required");
		}
		return -1;
	}
	switch (sp->kind) {
	case FORM_TEXT:
	case FORM_REF: /* which record it names is the form's to find out */
	case FORM_MULTILINE: {
		size_t chars = text_chars(v);
		if (chars > (size_t)ftext_limit(sp)) {
			snprintf(why, n, "at most %d characters; this has %zu", ftext_limit(sp), chars);
			return -1;
		}
		return 0;
	}
	case FORM_DATE:
		return date_explain(v, why, n) == DATE_OK ? 0 : -1;
	case FORM_MONEY: {
		int rc = money_parse(v, &x);
		if (rc != MONEY_OK) {
			snprintf(why, n, "%s", money_strerror(rc));
			return -1;
		}
		if (sp->min < sp->max && (x < sp->min || x > sp->max)) {
			money_format(sp->min, a, sizeof a);
			money_format(sp->max, b, sizeof b);
			if (x < sp->min)
				snprintf(why, n, "an amount of %s or more", a);
			else
				snprintf(why, n, "an amount of at most %s", b);
			return -1;
		}
		return 0;
	}
	case FORM_INTEGER:
		if (ftext_integer(v, &x) != 0) {
			snprintf(why, n, "a whole number, like 3");
			return -1;
		}
		if (sp->min < sp->max && (x < sp->min || x > sp->max)) {
			snprintf(why, n, "a whole number from %lld to %lld", (long long)sp->min,
				 (long long)sp->max);
			return -1;
		}
		return 0;
	case FORM_HOURS:
		if (ftext_hours(v, &x) != 0) {
			snprintf(why, n, "hours, like 2, 1.5 or 1:30");
			return -1;
		}
		if (sp->min < sp->max && (x < sp->min || x > sp->max)) {
			ftext_hours_format(sp->min, a, sizeof a);
			ftext_hours_format(sp->max, b, sizeof b);
			snprintf(why, n, "from %s to %s hours", a, b);
			return -1;
		}
		return 0;
	case FORM_CHOICE:
		if (ftext_choice_index(sp, v) >= 0)
			return 0;
		choices_words(sp, words, sizeof words);
		snprintf(why, n, "choose one of: %s", words);
		return -1;
	}
	return 0;
}

/* ---- wrapping -------------------------------------------------------------- */

struct ftext_line *ftext_wrap(const char *t, int cols, int *n)
{
	size_t len = strlen(t), pos = 0, k, space = 0;
	struct ftext_line *l = malloc((len + 2) * sizeof *l);
	int nl = 0, col = 0;
	if (!l)
		return NULL;
	if (cols < 1)
		cols = 1;
	l[0] = (struct ftext_line){ 0, 0, 0 };
	while (pos < len) {
		uint32_t cp = ftext_decode(t + pos, &k);
		if (cp == '\n') {
			l[nl].end = pos + 1;
			l[nl++].hard = 1;
			l[nl] = (struct ftext_line){ pos + 1, 0, 0 };
			pos++;
			col = 0;
			space = 0;
			continue;
		}
		int w = cp_width(cp);
		if (col > 0 && col + w > cols) {
			size_t brk = space > l[nl].start ? space : pos;
			l[nl++].end = brk;
			l[nl] = (struct ftext_line){ brk, 0, 0 };
			col = ftext_width(t, brk, pos);
			space = 0;
			continue;
		}
		if (cp == ' ')
			space = pos + k;
		col += w;
		pos += k;
	}
	l[nl].end = len;
	nl++;
	if (col >= cols) {
		l[nl] = (struct ftext_line){ len, len, 0 };
		nl++;
	}
	*n = nl;
	return l;
}

int ftext_line_of(const struct ftext_line *l, int n, size_t cur)
{
	int i = 0;
	while (i + 1 < n && l[i + 1].start <= cur)
		i++;
	return i;
}

size_t ftext_line_last(const char *t, const struct ftext_line *l, int n, int i)
{
	if (l[i].hard)
		return l[i].end - 1;
	if (i == n - 1)
		return l[i].end;
	size_t p = ftext_prev(t, l[i].end);
	return p < l[i].start ? l[i].start : p;
}
