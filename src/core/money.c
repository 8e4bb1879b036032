/* money.c: pence in int64_t; parsing and formatting without floating point
 * and without signed overflow anywhere, even for INT64_MIN. */
#include "coopdesk/money.h"

#include <string.h>

/* The pound sign in UTF-8. */
#define POUND_0 0xC2
#define POUND_1 0xA3

/* Whole pounds above this cannot be followed by any pence within MONEY_MAX. */
#define POUNDS_MAX (MONEY_MAX / 100)

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int is_pound(const char *p, const char *end)
{
	return end - p >= 2 && (unsigned char)p[0] == POUND_0 && (unsigned char)p[1] == POUND_1;
}

/* Reads the whole-pounds part, with optional thousands commas, from *pp.
 * Sets *over when the value exceeds POUNDS_MAX but keeps reading, so that a
 * syntax error later on still wins over "too large". */
static int parse_pounds(const char **pp, const char *end, int64_t *pounds, int *ndigits, int *over)
{
	const char *p = *pp;
	int group = 0, commas = 0;

	*pounds = 0;
	*ndigits = 0;
	*over = 0;
	for (; p < end; p++) {
		if (is_digit(*p)) {
			int d = *p - '0';
			if (!*over && *pounds > (POUNDS_MAX - d) / 10)
				*over = 1;
			else if (!*over)
				*pounds = *pounds * 10 + d;
			(*ndigits)++;
			group++;
		} else if (*p == ',') {
			/* The first group has 1 to 3 digits, every later one exactly 3. */
			if (commas == 0 ? (group < 1 || group > 3) : group != 3)
				return MONEY_SYNTAX;
			commas++;
			group = 0;
		} else {
			break;
		}
	}
	if (commas > 0 && group != 3)
		return MONEY_SYNTAX;
	*pp = p;
	return MONEY_OK;
}

int money_parse(const char *s, int64_t *pence)
{
	const char *p, *end;
	int neg = 0, have_sign = 0, have_pound = 0;
	int64_t pounds;
	int ndigits, over, nfrac = 0, frac = 0, rc;

	if (pence == NULL)
		return MONEY_BAD_ARG;
	if (s == NULL)
		return MONEY_EMPTY;
	p = s;
	while (is_space(*p))
		p++;
	end = p + strlen(p);
	while (end > p && is_space(end[-1]))
		end--;
	if (p == end)
		return MONEY_EMPTY;

	/* A sign and a pound sign, each at most once, in either order. */
	for (;;) {
		if (!have_sign && p < end && (*p == '-' || *p == '+')) {
			neg = *p == '-';
			have_sign = 1;
			p++;
		} else if (!have_pound && is_pound(p, end)) {
			have_pound = 1;
			p += 2;
		} else {
			break;
		}
	}

	rc = parse_pounds(&p, end, &pounds, &ndigits, &over);
	if (rc != MONEY_OK)
		return rc;
	if (p < end && *p == '.') {
		for (p++; p < end && is_digit(*p); p++) {
			if (nfrac < 2)
				frac = frac * 10 + (*p - '0');
			nfrac++;
		}
	}
	if (p != end || (ndigits == 0 && nfrac == 0))
		return MONEY_SYNTAX;
	if (nfrac > 2)
		return MONEY_TOO_MANY_DECIMALS;
	if (nfrac == 1)
		frac *= 10;
	if (over)
		return MONEY_OVERFLOW;
	/* pounds <= POUNDS_MAX, so this cannot overflow and stays <= MONEY_MAX. */
	*pence = pounds * 100 + frac;
	if (neg)
		*pence = -*pence;
	return MONEY_OK;
}

const char *money_strerror(int err)
{
	switch (err) {
	case MONEY_OK:
		return "the amount is fine";
	case MONEY_EMPTY:
		return "no amount given: enter an amount like 12.50 or £1,234.56";
	case MONEY_SYNTAX:
		return "that is not an amount: enter an amount like 12.50 or £1,234.56";
	case MONEY_TOO_MANY_DECIMALS:
		return "an amount has at most two decimal places (pence)";
	case MONEY_OVERFLOW:
		return "that amount is too large";
	case MONEY_BAD_ARG:
		return "that sum cannot be worked out (missing value or division by zero)";
	default:
		return "unknown problem with an amount";
	}
}

/* Builds the text right to left in a local buffer, then copies it whole or
 * not at all: a clipped amount would be worse than none. */
static char *format_pence(int64_t pence, char *buf, size_t n, int human)
{
	char tmp[MONEY_BUFSZ];
	char *q = tmp + sizeof tmp;
	uint64_t mag = pence < 0 ? 0u - (uint64_t)pence : (uint64_t)pence;
	uint64_t pounds = mag / 100;
	unsigned pp = (unsigned)(mag % 100);
	int digits = 0;
	size_t len;

	if (buf == NULL || n == 0)
		return buf;
	*--q = '\0';
	*--q = (char)('0' + pp % 10);
	*--q = (char)('0' + pp / 10);
	*--q = '.';
	do {
		if (human && digits > 0 && digits % 3 == 0)
			*--q = ',';
		*--q = (char)('0' + pounds % 10);
		pounds /= 10;
		digits++;
	} while (pounds > 0);
	if (human) {
		*--q = (char)POUND_1;
		*--q = (char)POUND_0;
	}
	if (pence < 0)
		*--q = '-';
	len = (size_t)(tmp + sizeof tmp - q);
	if (len > n)
		buf[0] = '\0';
	else
		memcpy(buf, q, len);
	return buf;
}

char *money_format(int64_t pence, char *buf, size_t n)
{
	return format_pence(pence, buf, n, 1);
}

char *money_format_plain(int64_t pence, char *buf, size_t n)
{
	return format_pence(pence, buf, n, 0);
}

/* Full 64x64 -> 128-bit unsigned product, from 32-bit halves. */
static void mul_64x64(uint64_t a, uint64_t b, uint64_t *hi, uint64_t *lo)
{
	const uint64_t m32 = 0xFFFFFFFFu;
	uint64_t a0 = a & m32, a1 = a >> 32, b0 = b & m32, b1 = b >> 32;
	uint64_t p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	uint64_t mid = (p00 >> 32) + (p01 & m32) + (p10 & m32);

	*lo = (mid << 32) | (p00 & m32);
	*hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32);
}

/* (hi:lo) / d by shift and subtract; needs hi < d so the quotient fits. */
static uint64_t div_128x64(uint64_t hi, uint64_t lo, uint64_t d, uint64_t *rem)
{
	uint64_t q = 0, r = hi;

	for (int i = 63; i >= 0; i--) {
		int carry = (r >> 63) != 0;
		r = (r << 1) | ((lo >> i) & 1u);
		q <<= 1;
		if (carry || r >= d) {
			r -= d; /* wraps to the right value when carry is set */
			q |= 1u;
		}
	}
	*rem = r;
	return q;
}

static uint64_t magnitude(int64_t v)
{
	return v < 0 ? 0u - (uint64_t)v : (uint64_t)v;
}

/* |a * m / d| rounded half away from zero, and the sign of the result.
 * Returns 0, or -1 when the magnitude does not fit in 64 bits.  d != 0. */
static int mul_div_mag(int64_t a, int64_t m, int64_t d, int *neg, uint64_t *mag)
{
	uint64_t hi, lo, q, r, ud = magnitude(d);

	mul_64x64(magnitude(a), magnitude(m), &hi, &lo);
	if (hi >= ud)
		return -1;
	q = div_128x64(hi, lo, ud, &r);
	if (r >= ud - r) { /* 2r >= d, written so it cannot overflow */
		if (q == UINT64_MAX)
			return -1;
		q++;
	}
	*neg = (a < 0) != (m < 0) ? (d > 0) : (d < 0);
	*mag = q;
	return 0;
}

int money_mul_div(int64_t amount, int64_t mul, int64_t div, int64_t *out)
{
	int neg;
	uint64_t mag;

	if (out == NULL || div == 0)
		return MONEY_BAD_ARG;
	if (mul_div_mag(amount, mul, div, &neg, &mag) != 0 || mag > (uint64_t)MONEY_MAX)
		return MONEY_OVERFLOW;
	*out = neg ? -(int64_t)mag : (int64_t)mag;
	return MONEY_OK;
}

int64_t money_weeks_x100(int64_t balance, int64_t weekly_rent)
{
	int neg;
	uint64_t mag;

	if (weekly_rent <= 0)
		return 0;
	if (mul_div_mag(balance, 100, weekly_rent, &neg, &mag) != 0)
		return balance < 0 ? INT64_MIN : INT64_MAX;
	if (neg)
		return mag > (uint64_t)INT64_MAX ? INT64_MIN : -(int64_t)mag;
	return mag > (uint64_t)INT64_MAX ? INT64_MAX : (int64_t)mag;
}
