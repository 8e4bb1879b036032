/* keys.c: key names both ways, and the key bindings file.  UTF-8 is
 * decoded by hand so that nothing depends on the locale. */
#include "coopdesk/keys.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Names in <>.  The first entry for a key is its canonical name. */
static const struct {
	const char *name;
	int32_t key;
} named[] = {
	{ "Up", CDK_UP },
	{ "Down", CDK_DOWN },
	{ "Left", CDK_LEFT },
	{ "Right", CDK_RIGHT },
	{ "PgUp", CDK_PGUP },
	{ "PgDn", CDK_PGDN },
	{ "Home", CDK_HOME },
	{ "End", CDK_END },
	{ "Enter", CDK_ENTER },
	{ "Esc", CDK_ESC },
	{ "Tab", CDK_TAB },
	{ "BackTab", CDK_BACKTAB },
	{ "Backspace", CDK_BACKSPACE },
	{ "Del", CDK_DELETE },
	{ "Ins", CDK_INSERT },
	{ "Space", ' ' },
	{ "lt", '<' },
	{ "Caret", '^' },
	/* Other spellings, read but never written. */
	{ "PageUp", CDK_PGUP },
	{ "PageDown", CDK_PGDN },
	{ "Return", CDK_ENTER },
	{ "Escape", CDK_ESC },
	{ "S-Tab", CDK_BACKTAB },
	{ "BS", CDK_BACKSPACE },
	{ "Delete", CDK_DELETE },
	{ "Insert", CDK_INSERT },
	{ "Hash", '#' },  /* for a script line that starts with # */
	{ "Colon", ':' }, /* or with : */
};

#define NNAMED (sizeof named / sizeof named[0])

/* The longest thing that may stand between < and >. */
#define NAME_MAX_LEN 12

/* How much of the caller's text an error message quotes, in characters. */
#define QUOTE_CHARS 24

static char lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* 1 if the len bytes at a equal the NUL-terminated b, ignoring ASCII case. */
static int same_name(const char *a, size_t len, const char *b)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (b[i] == '\0' || lower(a[i]) != lower(b[i]))
			return 0;
	return b[len] == '\0';
}

/* The control code that ^c or <C-c> stands for, or 0. */
static int32_t control_of(char c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return lower(c) - 'a' + 1;
	switch (c) {
	case '[': return 27;
	case '\\': return 28;
	case ']': return 29;
	case '^': return 30;
	case '_': return 31;
	default: return 0;
	}
}

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Decodes the UTF-8 sequence at s (len > 0 bytes available) into *cp and
 * returns its length, or 0 if it is malformed or cut short. */
static size_t utf8_decode(const char *s, size_t len, int32_t *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char c = p[0];
	size_t need, i;
	int32_t v, min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2;
		v = c & 0x1F;
		min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3;
		v = c & 0x0F;
		min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		return 0;
	}
	if (len < need)
		return 0;
	for (i = 1; i < need; i++) {
		if (!is_cont(p[i]))
			return 0;
		v = (v << 6) | (p[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return need;
}

static int is_c1(int32_t cp)
{
	return cp >= 0x80 && cp <= 0x9F;
}

int key_valid(int32_t key)
{
	if (key >= 1 && key <= 0x7E)
		return 1;
	if (key >= 0xA0 && key <= 0x10FFFF)
		return key < 0xD800 || key > 0xDFFF;
	return key >= CDK_UP && key <= CDK_F12;
}

/* The key named by the len bytes between < and >, or -1. */
static int32_t lookup(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < NNAMED; i++)
		if (same_name(s, len, named[i].name))
			return named[i].key;
	if (len == 3 && lower(s[0]) == 'c' && s[1] == '-' && control_of(s[2]) != 0)
		return control_of(s[2]);
	if ((len == 2 || len == 3) && lower(s[0]) == 'f' && s[1] >= '1' && s[1] <= '9') {
		int f = s[1] - '0';
		if (len == 3) {
			if (s[1] != '1' || s[2] < '0' || s[2] > '2')
				return -1;
			f = 10 + (s[2] - '0');
		}
		return CDK_F1 + f - 1;
	}
	return -1;
}

/* Where the closing > of a name that starts at s[0] == '<' is, or NULL. */
static const char *closing(const char *s, size_t len)
{
	size_t i, lim = len < NAME_MAX_LEN + 2 ? len : NAME_MAX_LEN + 2;

	for (i = 1; i < lim; i++)
		if (s[i] == '>')
			return s + i;
	return NULL;
}

int key_parse_len(const char *s, size_t len, int32_t *key, const char **end)
{
	const char *e = s;
	int32_t k = -1, cp;
	size_t used;

	if (s == NULL || key == NULL || len == 0)
		goto done;
	if (s[0] == '<') {
		const char *gt = closing(s, len);
		if (gt == NULL) {
			e = s + 1;
			goto done;
		}
		e = gt + 1;
		k = lookup(s + 1, (size_t)(gt - s - 1));
	} else if (s[0] == '^') {
		if (len < 2) {
			e = s + 1;
			goto done;
		}
		k = control_of(s[1]);
		/* Quote the next character only if it is plain ASCII. */
		e = s + ((unsigned char)s[1] > 0x20 && (unsigned char)s[1] < 0x7F ? 2 : 1);
		if (k == 0)
			k = -1;
	} else if ((used = utf8_decode(s, len, &cp)) == 0) {
		e = s + 1;
	} else {
		e = s + used;
		if (cp >= 0x20 && cp != 0x7F && !is_c1(cp))
			k = cp;
	}
done:
	if (end != NULL)
		*end = e;
	if (k < 0)
		return -1;
	*key = k;
	return 0;
}

int key_parse(const char *s, int32_t *key, const char **end)
{
	return key_parse_len(s, s == NULL ? 0 : strlen(s), key, end);
}

/* Writes the bytes s[0..len) to out (n > 0 bytes, NUL-terminated) for an
 * error message: at most QUOTE_CHARS characters then "…", with anything
 * that is not printable UTF-8 shown as '?'. */
static void quote(const char *s, size_t len, char *out, size_t n)
{
	size_t i = 0, o = 0, chars = 0, k;
	int32_t cp;

	while (i < len && chars < QUOTE_CHARS) {
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0 || cp < 0x20 || cp == 0x7F || is_c1(cp)) {
			if (o + 1 >= n)
				break;
			out[o++] = '?';
			i += k == 0 ? 1 : k;
		} else {
			if (o + k >= n)
				break;
			memcpy(out + o, s + i, k);
			o += k;
			i += k;
		}
		chars++;
	}
	if (i < len && o + 3 < n) {
		memcpy(out + o, "\xE2\x80\xA6", 3); /* … */
		o += 3;
	}
	out[o] = '\0';
}

void key_parse_error(const char *s, size_t len, char *buf, size_t n)
{
	char q[4 * QUOTE_CHARS + 4];
	const char *end;
	int32_t k, cp;
	unsigned char c;

	if (buf == NULL || n == 0)
		return;
	buf[0] = '\0';
	if (s == NULL || len == 0) {
		snprintf(buf, n, "a key name is missing");
		return;
	}
	if (key_parse_len(s, len, &k, &end) == 0)
		return;
	c = (unsigned char)s[0];
	quote(s, (size_t)(end - s), q, sizeof q);
	if (c == '<' && closing(s, len) == NULL) {
		quote(s, len, q, sizeof q);
		snprintf(buf, n, "%s has no closing > (write <lt> for a < key)", q);
	} else if (c == '<') {
		snprintf(buf, n, "%s is not a key name (write <lt> for a < key)", q);
	} else if (c == '^' && len == 1) {
		snprintf(buf, n, "^ on its own is not a key name (write <Caret> for a ^ key)");
	} else if (c == '^') {
		size_t k2 = utf8_decode(s + 1, len - 1, &cp);
		quote(s, 1 + (k2 == 0 ? 1 : k2), q, sizeof q);
		snprintf(buf, n, "%s is not a control key: ^ takes a letter or one of [ \\ ] ^ _ "
		         "(write <Caret> for a ^ key)", q);
	} else if (c == '\0') {
		snprintf(buf, n, "a NUL byte is not a key name");
	} else if (c == '\t') {
		snprintf(buf, n, "a tab character cannot be typed as it is: write <Tab>");
	} else if (c == '\r' || c == '\n') {
		snprintf(buf, n, "a %s cannot be typed as it is: write <Enter>",
		         c == '\r' ? "carriage return" : "line feed");
	} else if (c == 0x1B) {
		snprintf(buf, n, "an escape character cannot be typed as it is: write <Esc>");
	} else if (c < 0x20) {
		snprintf(buf, n, "control character 0x%02X cannot be typed as it is: write ^%c",
		         c, (char)(c | 0x40));
	} else if (c == 0x7F) {
		snprintf(buf, n, "the DEL character (0x7F) is not a key: write <Backspace> or <Del>");
	} else if (utf8_decode(s, len, &cp) == 0) {
		snprintf(buf, n, "byte 0x%02X is not valid UTF-8", c);
	} else {
		snprintf(buf, n, "U+%04X is a control character, not a key", (unsigned)cp);
	}
}

/* Writes the UTF-8 form of the code point cp to out (4 bytes or more). */
static size_t utf8_encode(int32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

const char *key_format(int32_t key, char *buf, size_t n)
{
	char tmp[KEY_NAME_MAX];
	size_t i, len = 0;

	if (buf == NULL || n == 0)
		return NULL;
	buf[0] = '\0';
	if (!key_valid(key))
		return NULL;
	for (i = 0; i < NNAMED && len == 0; i++)
		if (named[i].key == key)
			len = (size_t)snprintf(tmp, sizeof tmp, "<%s>", named[i].name);
	if (len > 0) {
		/* found above */
	} else if (key >= CDK_F1 && key <= CDK_F12) {
		len = (size_t)snprintf(tmp, sizeof tmp, "<F%d>", (int)(key - CDK_F1 + 1));
	} else if (key < 0x20) {
		tmp[0] = '^';
		tmp[1] = (char)(key | 0x40);
		len = 2;
	} else {
		len = utf8_encode(key, tmp);
	}
	if (len >= n)
		return NULL;
	memcpy(buf, tmp, len);
	buf[len] = '\0';
	return buf;
}

/* The key bindings file. */

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int action_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* Sets *w and *wlen to the next word in [*p, end) and moves *p past it.
 * Returns 0 when there is none. */
static int next_word(const char **p, const char *end, const char **w, size_t *wlen)
{
	const char *s = *p;

	while (s < end && is_blank(*s))
		s++;
	if (s == end)
		return 0;
	*w = s;
	while (s < end && !is_blank(*s))
		s++;
	*wlen = (size_t)(s - *w);
	*p = s;
	return 1;
}

/* Checks one key word; on error writes the reason to msg. */
static int key_word(const char *w, size_t wlen, int32_t *key, char *msg, size_t n)
{
	const char *e, *rest;
	int32_t k;
	char q[4 * QUOTE_CHARS + 4];

	if (key_parse_len(w, wlen, key, &e) != 0) {
		key_parse_error(w, wlen, msg, n);
		return -1;
	}
	if (e == w + wlen)
		return 0;
	/* More after the key: say what is wrong with it, if anything is. */
	for (rest = e; rest < w + wlen; rest = e) {
		if (key_parse_len(rest, (size_t)(w + wlen - rest), &k, &e) != 0) {
			key_parse_error(rest, (size_t)(w + wlen - rest), msg, n);
			return -1;
		}
	}
	quote(w, wlen, q, sizeof q);
	snprintf(msg, n, "%s is more than one key: write each key as a word of its own", q);
	return -1;
}

/* Parses the line [s, end); returns 0 and adds its bindings to out, or
 * -1 with the reason in msg. */
static int conf_line(const char *s, const char *end, int line, struct key_binding *out,
                     int max, int *n, char *msg, size_t msglen)
{
	const char *w, *action;
	size_t wlen, alen, i;
	char q[4 * QUOTE_CHARS + 4];
	int count = 0, room = 1, hash = 0;
	int32_t key;

	if (!next_word(&s, end, &w, &wlen) || w[0] == '#')
		return 0; /* blank or a comment */
	if (wlen != 4 || memcmp(w, "bind", 4) != 0) {
		quote(w, wlen, q, sizeof q);
		snprintf(msg, msglen, "unknown keyword %s: a line reads bind ACTION KEY..., "
		         "such as bind quit q", q);
		return -1;
	}
	if (!next_word(&s, end, &action, &alen)) {
		snprintf(msg, msglen, "bind needs an action and a key, such as bind quit q");
		return -1;
	}
	quote(action, alen, q, sizeof q);
	for (i = 0; i < alen; i++) {
		if (!action_char(action[i])) {
			snprintf(msg, msglen, "%s is not an action name: use lower-case letters, "
			         "digits and -", q);
			return -1;
		}
	}
	if (alen > KEY_ACTION_MAX) {
		snprintf(msg, msglen, "the action name %s is longer than %d characters",
		         q, KEY_ACTION_MAX);
		return -1;
	}
	while (next_word(&s, end, &w, &wlen)) {
		if (key_word(w, wlen, &key, msg, msglen) != 0) {
			size_t used = strlen(msg);
			if (hash && used < msglen)
				snprintf(msg + used, msglen - used,
				         " (a # comment goes on a line of its own)");
			return -1;
		}
		hash |= wlen == 1 && w[0] == '#';
		if (count >= max - *n) {
			room = 0;
			continue;
		}
		memcpy(out[*n + count].action, action, alen);
		out[*n + count].action[alen] = '\0';
		out[*n + count].key = key;
		out[*n + count].line = line;
		count++;
	}
	if (count == 0 && room) {
		snprintf(msg, msglen, "bind %s needs at least one key", q);
		return -1;
	}
	if (!room) {
		snprintf(msg, msglen, "too many key bindings: there can be %d at most", max);
		return -1;
	}
	*n += count;
	return 0;
}

int keyconf_parse(const char *text, struct key_binding *out, int max, int *n,
                  void (*report)(int line, const char *message, void *arg), void *arg)
{
	const char *p = text, *nl;
	char msg[256];
	int line = 0, bad = 0;

	if (n == NULL)
		return -1;
	*n = 0;
	if (out == NULL || max < 0)
		max = 0;
	while (p != NULL && *p != '\0') {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		if (line < INT_MAX)
			line++;
		msg[0] = '\0';
		if (conf_line(p, nl, line, out, max, n, msg, sizeof msg) != 0) {
			bad++;
			if (report != NULL)
				report(line, msg, arg);
		}
		p = *nl == '\n' ? nl + 1 : nl;
	}
	return bad;
}
