/* date.c: Gregorian dates as day numbers since 1970-01-01, UK and ISO
 * parsing, notice periods and working days.  Arithmetic is done in int64_t
 * so no int32_t input can overflow. */
#if !defined(_POSIX_C_SOURCE) && !defined(_XOPEN_SOURCE)
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#endif
#include "coopdesk/date.h"
#include "coopdesk/clock.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const month_names[12] = {
	"January", "February", "March",     "April",   "May",      "June",
	"July",    "August",   "September", "October", "November", "December",
};

/* Days in the months before month m (1..12) of a common year. */
static const int days_before_month[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;
	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int date_days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : dim[m - 1];
}

int date_valid(struct date d)
{
	return d.y >= DATE_MIN_YEAR && d.y <= DATE_MAX_YEAR && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	       d.d <= date_days_in_month(d.y, d.m);
}

/* Day number of 1 January of year y, for any y. */
static int64_t year_start(int64_t y)
{
	int64_t p = y - 1;
	int64_t leaps = floor_div(p, 4) - floor_div(p, 100) + floor_div(p, 400);
	const int64_t leaps_before_1970 = 477; /* 1969/4 - 1969/100 + 1969/400 */

	return 365 * (y - 1970) + (leaps - leaps_before_1970);
}

/* Day number of a date whose month and day are in range; year unchecked. */
static int64_t ymd_days(int64_t y, int m, int d)
{
	int64_t n = year_start(y) + days_before_month[m - 1] + d - 1;

	if (m > 2 && date_is_leap((int)(y % 400)))
		n++;
	return n;
}

int32_t date_to_days(struct date d)
{
	if (!date_valid(d))
		return DATE_NO_DAY;
	return (int32_t)ymd_days(d.y, d.m, d.d);
}

struct date date_from_days(int32_t days)
{
	int64_t n = days, y = 1970 + floor_div(n * 400, 146097);
	struct date r;
	int doy, m = 1;

	/* The estimate is off by at most one year either way. */
	while (year_start(y) > n)
		y--;
	while (year_start(y + 1) <= n)
		y++;
	doy = (int)(n - year_start(y));
	r.y = (int)y;
	while (m < 12 && doy >= date_days_in_month(r.y, m)) {
		doy -= date_days_in_month(r.y, m);
		m++;
	}
	r.m = m;
	r.d = doy + 1;
	return r;
}

static int weekday_of(int64_t day)
{
	return (int)((day % 7 + 7 + 3) % 7); /* 1970-01-01 was a Thursday */
}

int date_weekday(struct date d)
{
	if (!date_valid(d))
		return -1;
	return weekday_of(date_to_days(d));
}

int date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}

static const struct date no_date = {0, 0, 0};

static int64_t first_day(void)
{
	return ymd_days(DATE_MIN_YEAR, 1, 1);
}

static int64_t last_day(void)
{
	return ymd_days(DATE_MAX_YEAR, 12, 31);
}

static struct date date_of(int64_t n)
{
	if (n < first_day() || n > last_day())
		return no_date;
	return date_from_days((int32_t)n);
}

struct date date_add_days(struct date d, int32_t n)
{
	if (!date_valid(d))
		return no_date;
	return date_of((int64_t)date_to_days(d) + n);
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads a run of digits; returns how many.  Only the first few count
 * towards *val, which keeps it far from overflow; callers reject long runs. */
static int read_number(const char **pp, const char *end, int *val)
{
	const char *p = *pp;
	int n = 0;

	*val = 0;
	for (; p < end && is_digit(*p); p++, n++)
		if (n < 6)
			*val = *val * 10 + (*p - '0');
	*pp = p;
	return n;
}

/* The shared parser: trims s, reports the trimmed span, and fills the
 * fields it read even when they turn out not to make a date. */
static int parse_fields(const char *s, const char **start, size_t *len, struct date *f)
{
	const char *p, *end;
	int first, nd, nm, ny;
	char sep;

	*start = "";
	*len = 0;
	f->y = f->m = f->d = 0;
	if (s == NULL)
		return DATE_EMPTY;
	while (is_space(*s))
		s++;
	end = s + strlen(s);
	while (end > s && is_space(end[-1]))
		end--;
	*start = s;
	*len = (size_t)(end - s);
	if (s == end)
		return DATE_EMPTY;

	p = s;
	nd = read_number(&p, end, &first);
	if (nd == 4 && p < end && *p == '-') { /* ISO: year-month-day */
		f->y = first;
		ny = nd;
		p++;
		nm = read_number(&p, end, &f->m);
		if (p >= end || *p != '-')
			return DATE_SYNTAX;
		p++;
		nd = read_number(&p, end, &f->d);
	} else if (p < end && strchr("/-.", *p) != NULL) { /* UK: day/month/year */
		f->d = first;
		sep = *p++;
		nm = read_number(&p, end, &f->m);
		if (p >= end || *p != sep)
			return DATE_SYNTAX;
		p++;
		ny = read_number(&p, end, &f->y);
	} else {
		return DATE_SYNTAX;
	}
	if (p != end || nd < 1 || nd > 2 || nm < 1 || nm > 2 || ny != 4)
		return DATE_SYNTAX;
	if (f->m < 1 || f->m > 12)
		return DATE_BAD_MONTH;
	if (f->y < DATE_MIN_YEAR || f->y > DATE_MAX_YEAR)
		return DATE_RANGE;
	if (f->d < 1 || f->d > date_days_in_month(f->y, f->m))
		return DATE_BAD_DAY;
	return DATE_OK;
}

int date_parse(const char *s, struct date *out)
{
	const char *start;
	size_t len;
	struct date f;
	int rc;

	if (out == NULL)
		return DATE_SYNTAX;
	rc = parse_fields(s, &start, &len, &f);
	if (rc == DATE_OK)
		*out = f;
	return rc;
}

const char *date_strerror(int err)
{
	switch (err) {
	case DATE_OK:
		return "the date is fine";
	case DATE_EMPTY:
		return "no date given: enter a date like 31/12/2026";
	case DATE_SYNTAX:
		return "that is not a date: enter a date like 31/12/2026 or 2026-12-31";
	case DATE_BAD_MONTH:
		return "there is no such month: months run from 1 to 12";
	case DATE_BAD_DAY:
		return "there is no such day in that month";
	case DATE_RANGE:
		return "the year must be between 1900 and 2999";
	default:
		return "unknown problem with a date";
	}
}

/* How many bytes of s (len bytes) to echo in a message: at most max, and
 * never ending inside a UTF-8 sequence. */
static int echo_len(const char *s, size_t len, size_t max)
{
	if (len > max) {
		len = max;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	return (int)len;
}

int date_explain(const char *s, char *buf, size_t n)
{
	const char *in;
	size_t len;
	struct date f;
	int rc = parse_fields(s, &in, &len, &f);
	int el = echo_len(in, len, 40);
	const char *more = (size_t)el < len ? "…" : "";

	if (buf == NULL || n == 0)
		return rc;
	switch (rc) {
	case DATE_OK:
		buf[0] = '\0';
		break;
	case DATE_EMPTY:
		snprintf(buf, n, "%s", date_strerror(rc));
		break;
	case DATE_SYNTAX:
		snprintf(buf, n, "%.*s%s: not a date; enter one like 31/12/2026 or 2026-12-31", el, in, more);
		break;
	case DATE_BAD_MONTH:
		snprintf(buf, n, "%.*s%s: there is no month %d; months run from 1 to 12", el, in, more, f.m);
		break;
	case DATE_RANGE:
		snprintf(buf, n, "%.*s%s: the year must be between %d and %d", el, in, more, DATE_MIN_YEAR,
		         DATE_MAX_YEAR);
		break;
	case DATE_BAD_DAY:
		if (f.d < 1)
			snprintf(buf, n, "%.*s%s: days of the month start at 1", el, in, more);
		else
			snprintf(buf, n, "%.*s%s: %s %d has %d days", el, in, more, month_names[f.m - 1], f.y,
			         date_days_in_month(f.y, f.m));
		break;
	default:
		snprintf(buf, n, "%s", date_strerror(rc));
		break;
	}
	return rc;
}

char *date_format_iso(struct date d, char *buf, size_t n)
{
	if (buf != NULL && n > 0)
		snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
	return buf;
}

char *date_format_uk(struct date d, char *buf, size_t n)
{
	if (buf != NULL && n > 0)
		snprintf(buf, n, "%02d/%02d/%04d", d.d, d.m, d.y);
	return buf;
}

int date_clear_days(struct date given, struct date meeting)
{
	if (!date_valid(given) || !date_valid(meeting))
		return INT_MIN;
	return (int)(date_to_days(meeting) - date_to_days(given) - 1);
}

/* 1 if day is in h: binary search over the sorted array. */
static int is_holiday(int64_t day, const struct holidays *h)
{
	size_t lo = 0, hi;

	if (h == NULL || h->days == NULL)
		return 0;
	hi = h->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->days[mid] < day)
			lo = mid + 1;
		else if (h->days[mid] > day)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/* Index of the first holiday after day (h->n if none). */
static size_t first_holiday_after(int64_t day, const struct holidays *h)
{
	size_t lo = 0, hi = h->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h->days[mid] <= day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int is_working(int64_t day, const struct holidays *h)
{
	return weekday_of(day) < 5 && !is_holiday(day, h);
}

int date_is_working_day(struct date d, const struct holidays *h)
{
	return date_valid(d) && is_working(date_to_days(d), h);
}

struct date date_add_working_days(struct date start, int n, const struct holidays *h)
{
	int64_t day, left, step = n < 0 ? -1 : 1, lo = first_day(), hi = last_day();

	if (!date_valid(start))
		return no_date;
	day = date_to_days(start);
	if (n == 0) {
		while (day <= hi && !is_working(day, h))
			day++;
		return date_of(day);
	}
	/* Each step leaves the range or finds a working day within a few
	 * weeks at most, so this ends; holidays are a finite list. */
	for (left = n < 0 ? -(int64_t)n : n; left > 0;) {
		day += step;
		if (day < lo || day > hi)
			return no_date;
		if (is_working(day, h))
			left--;
	}
	return date_of(day);
}

/* Monday-to-Friday days from a fixed Monday (day 4, 1970-01-05) up to and
 * including day; negative before it.  Only differences are meaningful. */
static int64_t weekdays_upto(int64_t day)
{
	int64_t k = day - 3, weeks = floor_div(k, 7), rem = k - 7 * weeks;

	return 5 * weeks + (rem < 5 ? rem : 5);
}

/* Working days in (a, b], with a <= b. */
static int64_t working_between(int64_t a, int64_t b, const struct holidays *h)
{
	int64_t count = weekdays_upto(b) - weekdays_upto(a);
	size_t i;

	if (h == NULL || h->days == NULL)
		return count;
	for (i = first_holiday_after(a, h); i < h->n && h->days[i] <= b; i++) {
		if (i > 0 && h->days[i] == h->days[i - 1] && h->days[i - 1] > a)
			continue; /* a duplicate already counted */
		if (weekday_of(h->days[i]) < 5)
			count--;
	}
	return count;
}

int date_working_days_between(struct date a, struct date b, const struct holidays *h)
{
	int64_t da, db;

	if (!date_valid(a) || !date_valid(b))
		return 0;
	da = date_to_days(a);
	db = date_to_days(b);
	if (da <= db)
		return (int)working_between(da, db, h);
	return (int)-working_between(db, da, h);
}

int date_age_on(struct date born, struct date on)
{
	int years;

	if (!date_valid(born) || !date_valid(on) || date_cmp(on, born) < 0)
		return -1;
	years = on.y - born.y;
	if (on.m < born.m || (on.m == born.m && on.d < born.d))
		years--;
	return years;
}

struct date date_today(void)
{
	const char *env = getenv("COOPDESK_TODAY");
	struct date d;
	struct tm tm;
	time_t now;

	if (env != NULL && date_parse(env, &d) == DATE_OK)
		return d;
	now = clock_now();
	if (localtime_r(&now, &tm) == NULL)
		return no_date;
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}
