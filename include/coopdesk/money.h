/* money.h: amounts of money as whole pence in an int64_t, never floating
 * point.  Parsing, formatting for people ("£1,234.56") and for files
 * ("1234.56"), and the little arithmetic rent needs. */
#ifndef COOPDESK_MONEY_H
#define COOPDESK_MONEY_H

#include <stddef.h>
#include <stdint.h>

/* The largest amount the program accepts: £999,999,999,999.99 in pence.
 * Far above anything a co-op handles, far below INT64_MAX, so sums of a
 * few thousand such amounts cannot overflow. */
#define MONEY_MAX INT64_C(99999999999999)

/* Enough for any int64_t, INT64_MIN included ("-£92,233,720,368,547,758.08"). */
#define MONEY_BUFSZ 32

enum money_err {
	MONEY_OK = 0,
	MONEY_EMPTY,             /* nothing but spaces */
	MONEY_SYNTAX,            /* not an amount at all */
	MONEY_TOO_MANY_DECIMALS, /* "1.234" */
	MONEY_OVERFLOW,          /* magnitude above MONEY_MAX */
	MONEY_BAD_ARG            /* NULL pointer or division by zero */
};

/* Parses an amount typed by a person into pence.  Accepts, around optional
 * leading and trailing spaces: an optional sign and an optional "£" in
 * either order ("-£3", "£-3", "+3"), digits with optional thousands commas
 * (groups of exactly three after the first: "1,234,567"), and an optional
 * point with at most two decimals ("1234.5" is 123450 pence; ".5" and "12."
 * are accepted too).  On success stores the value in *pence and returns
 * MONEY_OK; otherwise returns a money_err and leaves *pence alone.
 * A NULL s counts as empty; a NULL pence gives MONEY_BAD_ARG. */
int money_parse(const char *s, int64_t *pence);

/* A plain-English message for a money_err, fit for a status line.  The
 * string is static; never NULL, even for an unknown code. */
const char *money_strerror(int err);

/* Writes pence as "£1,234.56", "-£3.00" or "£0.00" into buf (n bytes,
 * MONEY_BUFSZ is always enough; any int64_t is handled, INT64_MIN too).
 * Returns buf.  If n is too small buf gets "" rather than a misleading
 * partial amount; a NULL buf or n == 0 writes nothing. */
char *money_format(int64_t pence, char *buf, size_t n);

/* As money_format, without the pound sign and commas: "1234.56", "-3.00".
 * For CSV files and reports read by other programs. */
char *money_format_plain(int64_t pence, char *buf, size_t n);

/* Computes amount * mul / div exactly (the product may exceed 64 bits),
 * rounded half away from zero, into *out.  Used for the Universal Credit
 * monthly equivalent: weekly * 52 / 12.  Returns MONEY_OK; MONEY_OVERFLOW
 * if the result's magnitude exceeds MONEY_MAX; MONEY_BAD_ARG if div is 0
 * or out is NULL.  *out is only written on success. */
int money_mul_div(int64_t amount, int64_t mul, int64_t div, int64_t *out);

/* Arrears in hundredths of weeks of rent: balance * 100 / weekly_rent,
 * rounded half away from zero (an arrears of £250.00 on a £100.00 rent
 * gives 250, i.e. 2.50 weeks).  The sign follows balance.  Returns 0 when
 * weekly_rent <= 0; saturates at INT64_MIN/INT64_MAX rather than overflow. */
int64_t money_weeks_x100(int64_t balance, int64_t weekly_rent);

#endif
