/* text.c: UTF-8 validity and copying by hand (they must not depend on the
 * locale); display widths through mbrtowc() and wcwidth() (they must). */
#if !defined(_XOPEN_SOURCE)
#define _XOPEN_SOURCE 700 /* wcwidth */
#endif
#include "coopdesk/text.h"

#include <limits.h>
#include <string.h>
#include <wctype.h>
#include <wchar.h>

/* Shown in place of bytes that do not decode and of unprintable characters. */
static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
static const char ellipsis[] = "\xE2\x80\xA6";    /* U+2026 */

static int in_range(unsigned char c, unsigned char lo, unsigned char hi)
{
	return c >= lo && c <= hi;
}

static int is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* Length of the well-formed UTF-8 sequence at p, or 0 if it is malformed.
 * Stops at the first bad byte, so it never reads past a NUL. */
static size_t utf8_len(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char c = p[0];

	if (c < 0x80)
		return 1;
	if (c < 0xC2) /* a continuation byte, or an overlong two-byte form */
		return 0;
	if (c < 0xE0)
		return is_cont(p[1]) ? 2 : 0;
	if (c < 0xF0) {
		unsigned char lo = c == 0xE0 ? 0xA0 : 0x80; /* overlong */
		unsigned char hi = c == 0xED ? 0x9F : 0xBF; /* surrogates */
		return in_range(p[1], lo, hi) && is_cont(p[2]) ? 3 : 0;
	}
	if (c < 0xF5) {
		unsigned char lo = c == 0xF0 ? 0x90 : 0x80; /* overlong */
		unsigned char hi = c == 0xF4 ? 0x8F : 0xBF; /* above U+10FFFF */
		return in_range(p[1], lo, hi) && is_cont(p[2]) && is_cont(p[3]) ? 4 : 0;
	}
	return 0;
}

int text_valid_utf8(const char *s)
{
	size_t n;

	if (s == NULL)
		return 1;
	for (; *s != '\0'; s += n)
		if ((n = utf8_len(s)) == 0)
			return 0;
	return 1;
}

size_t text_chars(const char *s)
{
	size_t count = 0, n;

	if (s == NULL)
		return 0;
	for (; *s != '\0'; s += n, count++)
		if ((n = utf8_len(s)) == 0)
			n = 1;
	return count;
}

int text_is_direction_mark(unsigned long cp)
{
	/* LRE, RLE, PDF, LRO, RLO; LRI, RLI, FSI, PDI. */
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* The code point of the well-formed sequence of n bytes at s. */
static unsigned long decode(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	if (n == 1)
		return p[0];
	if (n == 2)
		return (p[0] & 0x1Fu) << 6 | (p[1] & 0x3Fu);
	if (n == 3)
		return (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
	return (p[0] & 0x07ul) << 18 | (p[1] & 0x3Ful) << 12 | (p[2] & 0x3Ful) << 6 | (p[3] & 0x3Fu);
}

/* C0 controls, DEL and C1 controls. */
static int is_control(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* Decodes the character at s (len > 0 bytes left) in the locale's
 * encoding.  Returns its length in bytes (>= 1) and sets *cols to its
 * width and *bad when it does not decode or cannot be printed; such a
 * thing is always one byte or one character wide and one column. */
static size_t next_char(const char *s, size_t len, mbstate_t *st, int *cols, int *bad)
{
	wchar_t wc;
	size_t r;
	int w;

	*bad = 0;
	*cols = 1;
	/* Printable ASCII, most of any register: one byte, one column, in
	 * every locale (a long document spent a third of its time here). */
	if (text_plain_ascii(*s))
		return 1;
	r = mbrtowc(&wc, s, len, st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		memset(st, 0, sizeof *st);
		*bad = 1;
		return 1;
	}
	w = wcwidth(wc);
	if (w < 0 || text_is_direction_mark((unsigned long)wc))
		*bad = 1;
	else
		*cols = w;
	return r;
}

int text_width(const char *s)
{
	mbstate_t st;
	size_t len, i = 0;
	int cols, bad, total = 0;

	if (s == NULL)
		return 0;
	memset(&st, 0, sizeof st);
	len = strlen(s);
	while (i < len) {
		i += next_char(s + i, len - i, &st, &cols, &bad);
		total += cols;
	}
	return total;
}

/* Appends n bytes to out at *o if they fit with a NUL after them. */
static int put(char *out, size_t outlen, size_t *o, const char *bytes, size_t n)
{
	if (*o + n >= outlen)
		return 0;
	memcpy(out + *o, bytes, n);
	*o += n;
	return 1;
}

int text_fit(const char *s, int cols, char *out, size_t outlen)
{
	mbstate_t st;
	size_t len, i = 0, o = 0;
	int used = 0, limit, clipped, w, bad;

	if (out == NULL || outlen == 0)
		return 0;
	out[0] = '\0';
	if (cols <= 0)
		return 0;
	if (s == NULL)
		s = "";
	clipped = text_width(s) > cols;
	limit = clipped ? cols - 1 : cols; /* leave a column for the ellipsis */
	memset(&st, 0, sizeof st);
	len = strlen(s);
	while (i < len) {
		size_t n = next_char(s + i, len - i, &st, &w, &bad);
		if (used + w > limit)
			break;
		if (!(bad ? put(out, outlen, &o, replacement, sizeof replacement - 1)
		          : put(out, outlen, &o, s + i, n)))
			goto short_buffer;
		used += w;
		i += n;
	}
	if (clipped) {
		if (!put(out, outlen, &o, ellipsis, sizeof ellipsis - 1))
			goto short_buffer;
		used++;
	}
	while (used < cols) {
		if (!put(out, outlen, &o, " ", 1))
			goto short_buffer;
		used++;
	}
short_buffer:
	out[o] = '\0';
	return used;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

void text_trim(char *s)
{
	size_t start = 0, end;

	if (s == NULL)
		return;
	end = strlen(s);
	while (end > 0 && is_space(s[end - 1]))
		end--;
	while (start < end && is_space(s[start]))
		start++;
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
}

int text_copy(char *dst, size_t n, const char *src)
{
	size_t o = 0, k;

	if (dst == NULL || n == 0)
		return -1;
	if (src == NULL)
		src = "";
	while (src[o] != '\0') {
		if ((k = utf8_len(src + o)) == 0)
			k = 1; /* a stray byte is copied alone; nothing to split */
		if (o + k >= n) {
			dst[o] = '\0';
			return -1;
		}
		memcpy(dst + o, src + o, k);
		o += k;
	}
	dst[o] = '\0';
	return 0;
}

void text_lower(char *s)
{
	mbstate_t in, out;
	char buf[MB_LEN_MAX];
	size_t len = s ? strlen(s) : 0;
	memset(&in, 0, sizeof in);
	memset(&out, 0, sizeof out);
	while (len > 0) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s, len, &in);
		if (k == (size_t)-1 || k == (size_t)-2 || k == 0) {
			/* Not a character here: lower an ASCII byte, skip the rest. */
			if ((unsigned char)*s < 0x80 && *s >= 'A' && *s <= 'Z')
				*s = (char)(*s - 'A' + 'a');
			memset(&in, 0, sizeof in);
			s++;
			len--;
			continue;
		}
		size_t m = wcrtomb(buf, (wchar_t)towlower((wint_t)wc), &out);
		if (m == k)
			memcpy(s, buf, m);
		s += k;
		len -= k;
	}
}

void text_inert(const char *s, char *out, size_t n)
{
	size_t o = 0, k;

	if (out == NULL || n == 0)
		return;
	if (s == NULL)
		s = "";
	for (; *s != '\0'; s += k) {
		/* Printable ASCII stands as it is. */
		if (text_plain_ascii(*s)) {
			if (o + 1 >= n)
				break;
			out[o++] = *s;
			k = 1;
			continue;
		}
		const char *bytes = s;
		size_t len = k = utf8_len(s);
		if (k == 0 || is_control(decode(s, k)) || text_is_direction_mark(decode(s, k))) {
			if (k == 0)
				k = 1;
			bytes = replacement;
			len = sizeof replacement - 1;
		}
		if (!put(out, n, &o, bytes, len))
			break;
	}
	out[o] = '\0';
}

/* What text_name_problem and text_lines_problem share: `lines` allows
 * new lines and tabs. */
static const char *problem(const char *s, int lines)
{
	size_t k;

	if (s == NULL)
		return NULL;
	for (; *s != '\0'; s += k) {
		if ((k = utf8_len(s)) == 0)
			return "is not valid UTF-8 text";
		unsigned long cp = decode(s, k);
		if (lines && (cp == '\n' || cp == '\t'))
			continue;
		if (is_control(cp) || text_is_direction_mark(cp))
			return lines ? "cannot contain control characters (such as escape) other than"
				       " new lines and tabs, or direction-changing marks"
				     : "cannot contain control characters (such as escape, tab or a"
				       " new line) or direction-changing marks";
	}
	return NULL;
}

const char *text_name_problem(const char *s)
{
	return problem(s, 0);
}

const char *text_lines_problem(const char *s)
{
	return problem(s, 1);
}
