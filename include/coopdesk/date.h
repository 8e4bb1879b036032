/* date.h: calendar dates, day numbers, notice periods and working days.
 * Proleptic Gregorian calendar; the program accepts years 1900 to 2999.
 * A day number is the count of days since 1970-01-01 (negative before). */
#ifndef COOPDESK_DATE_H
#define COOPDESK_DATE_H

#include <stddef.h>
#include <stdint.h>

#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2999

/* Room for "2026-11-22" or "22/11/2026" and its NUL, with some to spare. */
#define DATE_BUFSZ 16

/* What date_to_days returns for a date that is not valid. */
#define DATE_NO_DAY INT32_MIN

struct date {
	int y, m, d;
};

enum date_err {
	DATE_OK = 0,
	DATE_EMPTY,     /* nothing but spaces */
	DATE_SYNTAX,    /* not shaped like a date */
	DATE_BAD_MONTH, /* month outside 1..12 */
	DATE_BAD_DAY,   /* no such day in that month */
	DATE_RANGE      /* year outside DATE_MIN_YEAR..DATE_MAX_YEAR */
};

/* A sorted (ascending) array of day numbers that are not working days,
 * bank holidays for instance.  The caller owns the array, loads it from
 * the database and keeps it alive while it is in use.  Duplicates are
 * harmless; days == NULL means none. */
struct holidays {
	const int32_t *days;
	size_t n;
};

/* Parses "2026-02-28" (ISO, year first) or "28/02/2026" (UK, day first;
 * "1/2/2026", "28-02-2026" and "28.02.2026" too), with optional spaces
 * around.  Years must have four digits.  Stores the date in *out and
 * returns DATE_OK, or returns a date_err and leaves *out alone.  A NULL s
 * counts as empty; a NULL out gives DATE_SYNTAX. */
int date_parse(const char *s, struct date *out);

/* A plain-English message for a date_err; static, never NULL. */
const char *date_strerror(int err);

/* Parses s like date_parse and, when it is not a date, writes into buf
 * (n bytes, always NUL-terminated when n > 0) a message that names the
 * input and the problem, e.g. "29/02/2026: February 2026 has 28 days".
 * For a good date buf gets "".  Returns date_parse's code. */
int date_explain(const char *s, char *buf, size_t n);

/* 1 if y is a leap year (Gregorian rules: 1900 no, 2000 yes), else 0. */
int date_is_leap(int y);

/* Days in month m of year y (28..31), or 0 if m is not 1..12. */
int date_days_in_month(int y, int m);

/* 1 if d is a real day between the years 1900 and 2999, else 0. */
int date_valid(struct date d);

/* The day number of d, or DATE_NO_DAY if d is not valid. */
int32_t date_to_days(struct date d);

/* The date of a day number.  Any int32_t works; the result may fall
 * outside 1900..2999, in which case date_valid says no. */
struct date date_from_days(int32_t days);

/* Day of the week: 0 = Monday .. 6 = Sunday; -1 if d is not valid. */
int date_weekday(struct date d);

/* -1, 0 or 1 as a is before, the same as or after b (by year, month, day;
 * validity is not checked). */
int date_cmp(struct date a, struct date b);

/* d moved by n days (n may be negative).  An invalid d, or a result outside
 * the supported years, gives {0, 0, 0}, which date_valid rejects. */
struct date date_add_days(struct date d, int32_t n);

/* Write d as "2026-11-22" / "22/11/2026" into buf (n bytes, DATE_BUFSZ is
 * enough).  Return buf; truncated but NUL-terminated if n is too small;
 * nothing written when buf is NULL or n is 0. */
char *date_format_iso(struct date d, char *buf, size_t n);
char *date_format_uk(struct date d, char *buf, size_t n);

/* Clear days between notice given and a meeting: days strictly between
 * the two, excluding both ends.  Given the 1st, meeting the 16th: 14.
 * Zero or negative when the meeting is not after the notice day (meeting
 * the next day: 0; the same day: -1).  Either date invalid: INT_MIN. */
int date_clear_days(struct date given, struct date meeting);

/* 1 if d is Monday..Friday and not in h (h may be NULL), else 0. */
int date_is_working_day(struct date d, const struct holidays *h);

/* The date n working days after start; start itself never counts, so a
 * 1-working-day target on a Friday falls on Monday.  n = 0 gives start if
 * it is a working day, else the next working day (the first day work could
 * be done).  A negative n counts back: the date -n working days before
 * start.  An invalid start, or a result outside the supported years,
 * gives {0, 0, 0}. */
struct date date_add_working_days(struct date start, int n, const struct holidays *h);

/* Working days after a, up to and including b; so a Friday to the next
 * Monday is 1, and a day to itself is 0.  When b is before a the count is
 * negative: -(working days after b up to and including a).  Invalid dates
 * give 0.  Holidays are looked up by binary search. */
int date_working_days_between(struct date a, struct date b, const struct holidays *h);

/* Age in full years on the day `on` of someone born on `born`.  Someone
 * born on 29 February turns a year older on 1 March in common years.
 * Returns -1 if either date is invalid or `on` is before `born`. */
int date_age_on(struct date born, struct date on);

/* Today's local date: the local date (localtime_r, in the zone in force:
 * coopdesk/zone.h) of now (clock_now(), which honours COOPDESK_NOW).  If
 * the environment variable COOPDESK_TODAY holds a valid date
 * ("2026-11-22"; anything date_parse accepts), that date instead, so that
 * tests and demonstrations are repeatable; a value that is not a date is
 * ignored. */
struct date date_today(void);

#endif
