/* ref.c: readable references such as R-000123. */
#include "coopdesk/ref.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/text.h"

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The upper-case form of an ASCII letter, or 0 if c is not one.  Written
 * out rather than toupper() so that the locale cannot change it. */
static char upper_letter(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c;
	if (c >= 'a' && c <= 'z')
		return (char)(c - 'a' + 'A');
	return 0;
}

char *ref_format(char prefix, int64_t n, char *buf, size_t len)
{
	char p = upper_letter(prefix);
	int w;

	if (buf == NULL || len == 0)
		return buf;
	if (p == 0 || n <= 0) {
		buf[0] = '\0';
		return buf;
	}
	w = snprintf(buf, len, "%c-%06" PRId64, p, n);
	if (w < 0 || (size_t)w >= len)
		buf[0] = '\0';
	return buf;
}

int ref_parse(const char *s, char prefix, int64_t *n)
{
	const char *end;
	char want = upper_letter(prefix), got;
	int64_t v = 0;
	int over = 0;

	if (n == NULL || want == 0)
		return REF_SYNTAX;
	if (s == NULL)
		return REF_EMPTY;
	while (is_space(*s))
		s++;
	end = s + strlen(s);
	while (end > s && is_space(end[-1]))
		end--;
	if (s == end)
		return REF_EMPTY;

	got = upper_letter(*s);
	if (got != 0) {
		s++;
		if (s < end && *s == '-')
			s++;
	}
	if (s == end || !is_digit(*s))
		return REF_SYNTAX;
	for (; s < end && is_digit(*s); s++) {
		int d = *s - '0';
		if (v > (INT64_MAX - d) / 10)
			over = 1;
		else if (!over)
			v = v * 10 + d;
	}
	if (s != end)
		return REF_SYNTAX;
	if (got != 0 && got != want)
		return REF_PREFIX;
	if (over || v == 0)
		return REF_RANGE;
	*n = v;
	return REF_OK;
}

const char *ref_strerror(int err)
{
	switch (err) {
	case REF_OK:
		return "the reference is fine";
	case REF_EMPTY:
		return "no reference given: enter one like R-000123 or just 123";
	case REF_SYNTAX:
		return "that is not a reference: enter one like R-000123 or just 123";
	case REF_PREFIX:
		return "that reference starts with the wrong letter for this list";
	case REF_RANGE:
		return "there is no reference with that number";
	default:
		return "unknown problem with a reference";
	}
}

int ref_member_number(const char *typed, int64_t *no)
{
	char s[64];
	if (!typed || !no || text_copy(s, sizeof s, typed) != 0)
		return 0;
	text_lower(s);
	const char *p = s;
	static const char *const words[] = { "member", "number", "no.", "no", "#" };
	for (int again = 1; again;) {
		again = 0;
		while (*p == ' ')
			p++;
		for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
			size_t k = strlen(words[i]);
			if (strncmp(p, words[i], k) == 0 && (p[k] == ' ' || p[k] == '.' ||
							     isdigit((unsigned char)p[k]) || i >= 2)) {
				p += k;
				while (*p == '.')
					p++;
				again = 1;
				break;
			}
		}
	}
	if (!isdigit((unsigned char)*p))
		return 0;
	int64_t v = 0;
	for (; isdigit((unsigned char)*p); p++) {
		if (v > (INT64_MAX - 9) / 10)
			return 0;
		v = v * 10 + (*p - '0');
	}
	while (*p == ' ')
		p++;
	if (*p || v <= 0)
		return 0;
	*no = v;
	return 1;
}

int ref_repair_typed(const char *typed, int64_t *id)
{
	if (!typed || !id)
		return 0;
	while (*typed == ' ')
		typed++;
	if (*typed != 'r' && *typed != 'R')
		return 0;
	const char *p = typed + 1;
	while (*p == '-' || *p == ' ')
		p++;
	return isdigit((unsigned char)*p) && ref_parse(typed, 'R', id) == REF_OK;
}
