/* Unit tests for src/core/date.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopdesk/date.h"

static struct date D(int y, int m, int d)
{
	struct date r = {y, m, d};
	return r;
}

#define assert_date(got, y_, m_, d_)                                                               \
	do {                                                                                       \
		struct date g_ = (got);                                                            \
		if (g_.y != (y_) || g_.m != (m_) || g_.d != (d_))                                  \
			fail_msg("got %04d-%02d-%02d, expected %04d-%02d-%02d", g_.y, g_.m, g_.d,  \
			         (y_), (m_), (d_));                                                \
	} while (0)

/* England and Wales bank holidays 2026, and New Year's Day 2027.  Boxing
 * Day 2026 is a Saturday, so the substitute day is Monday 28 December. */
static int32_t bank_holidays[10];
static struct holidays hols = {bank_holidays, 0};

static int setup_holidays(void **state)
{
	static const struct date list[] = {
		{2026, 1, 1}, {2026, 4, 3},   {2026, 4, 6},   {2026, 5, 4}, {2026, 5, 25},
		{2026, 8, 31}, {2026, 12, 25}, {2026, 12, 28}, {2027, 1, 1},
	};
	(void)state;
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		bank_holidays[i] = date_to_days(list[i]);
	hols.n = sizeof list / sizeof list[0];
	return 0;
}

static void test_leap(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_false(date_is_leap(2026));
	assert_false(date_is_leap(1900)); /* divisible by 100, not by 400 */
	assert_true(date_is_leap(2000));  /* divisible by 400 */
	assert_false(date_is_leap(2100));
	assert_true(date_is_leap(2400));
	assert_true(date_is_leap(1996));
}

static void test_days_in_month(void **state)
{
	static const int dim2026[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	(void)state;
	for (int m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2026, m), dim2026[m - 1]);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(2100, 2), 28);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(date_valid(D(2026, 11, 22)));
	assert_true(date_valid(D(2024, 2, 29)));
	assert_false(date_valid(D(2026, 2, 29)));
	assert_false(date_valid(D(1900, 2, 29)));
	assert_true(date_valid(D(2000, 2, 29)));
	assert_false(date_valid(D(2026, 4, 31)));
	assert_false(date_valid(D(2026, 0, 1)));
	assert_false(date_valid(D(2026, 13, 1)));
	assert_false(date_valid(D(2026, 1, 0)));
	assert_false(date_valid(D(2026, 1, -1)));
	assert_true(date_valid(D(1900, 1, 1)));
	assert_true(date_valid(D(2999, 12, 31)));
	assert_false(date_valid(D(1899, 12, 31)));
	assert_false(date_valid(D(3000, 1, 1)));
	assert_false(date_valid(D(INT_MIN, INT_MIN, INT_MIN)));
}

struct good {
	const char *in;
	int y, m, d;
};

struct bad {
	const char *in;
	int err;
};

static void test_parse_good(void **state)
{
	static const struct good cases[] = {
		{"2026-02-28", 2026, 2, 28}, {"28/02/2026", 2026, 2, 28}, {"1/2/2026", 2026, 2, 1},
		{"01/02/2026", 2026, 2, 1},  {" 2026-11-22 ", 2026, 11, 22}, {"\t22/11/2026\n", 2026, 11, 22},
		{"2024-02-29", 2024, 2, 29}, {"29/02/2000", 2000, 2, 29},  {"28-02-2026", 2026, 2, 28},
		{"28.02.2026", 2026, 2, 28}, {"2026-2-3", 2026, 2, 3},     {"31/12/2999", 2999, 12, 31},
		{"1900-01-01", 1900, 1, 1},  {"30/04/2026", 2026, 4, 30},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date d = {0, 0, 0};
		int rc = date_parse(cases[i].in, &d);
		if (rc != DATE_OK || d.y != cases[i].y || d.m != cases[i].m || d.d != cases[i].d)
			fail_msg("date_parse(\"%s\") gave %d, %d-%d-%d", cases[i].in, rc, d.y, d.m, d.d);
	}
}

static void test_parse_bad(void **state)
{
	static const struct bad cases[] = {
		{"", DATE_EMPTY},
		{"   ", DATE_EMPTY},
		{"2026-02-29", DATE_BAD_DAY}, /* 2026 is not a leap year */
		{"29/02/2026", DATE_BAD_DAY},
		{"29/02/1900", DATE_BAD_DAY}, /* nor was 1900 */
		{"2024-02-30", DATE_BAD_DAY},
		{"31/04/2026", DATE_BAD_DAY},
		{"31/06/2026", DATE_BAD_DAY},
		{"2026-01-32", DATE_BAD_DAY},
		{"00/01/2026", DATE_BAD_DAY},
		{"2026-01-00", DATE_BAD_DAY},
		{"2026-13-01", DATE_BAD_MONTH},
		{"2026-00-10", DATE_BAD_MONTH},
		{"12/31/2026", DATE_BAD_MONTH}, /* American order */
		{"01/13/2026", DATE_BAD_MONTH},
		{"1899-12-31", DATE_RANGE},
		{"01/01/3000", DATE_RANGE},
		{"0000-01-01", DATE_RANGE},
		{"2026-02-28x", DATE_SYNTAX},
		{"2026-02-28 10:00", DATE_SYNTAX},
		{"28/02/26", DATE_SYNTAX},
		{"28/02/02026", DATE_SYNTAX},
		{"28/02-2026", DATE_SYNTAX},
		{"2026/02/28", DATE_SYNTAX},
		{"2026.02.28", DATE_SYNTAX},
		{"20260228", DATE_SYNTAX},
		{"2026-02", DATE_SYNTAX},
		{"2026--02", DATE_SYNTAX},
		{"28//2026", DATE_SYNTAX},
		{"2026-002-01", DATE_SYNTAX},
		{"2026-02-001", DATE_SYNTAX},
		{"123/02/2026", DATE_SYNTAX},
		{"-2026-01-01", DATE_SYNTAX},
		{"+1/1/2026", DATE_SYNTAX},
		{"1/1/20266", DATE_SYNTAX},
		{"1 / 1 / 2026", DATE_SYNTAX},
		{"today", DATE_SYNTAX},
		{"２０２６-01-01", DATE_SYNTAX}, /* full-width digits */
		{"99999999999999-01-01", DATE_SYNTAX},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct date d = {1, 2, 3};
		int rc = date_parse(cases[i].in, &d);
		if (rc != cases[i].err)
			fail_msg("date_parse(\"%s\") gave %d, expected %d", cases[i].in, rc, cases[i].err);
		if (d.y != 1 || d.m != 2 || d.d != 3)
			fail_msg("date_parse(\"%s\") wrote its output on error", cases[i].in);
	}
}

static void test_parse_null(void **state)
{
	struct date d = {1, 2, 3};
	(void)state;
	assert_int_equal(date_parse(NULL, &d), DATE_EMPTY);
	assert_int_equal(date_parse("2026-01-01", NULL), DATE_SYNTAX);
	assert_date(d, 1, 2, 3);
}

static void expect_mentions(const char *msg, const char *word)
{
	assert_non_null(msg);
	assert_true(strlen(msg) > 0);
	if (strstr(msg, word) == NULL)
		fail_msg("\"%s\" does not mention \"%s\"", msg, word);
}

static void test_strerror(void **state)
{
	(void)state;
	expect_mentions(date_strerror(DATE_OK), "fine");
	expect_mentions(date_strerror(DATE_EMPTY), "31/12/2026");
	expect_mentions(date_strerror(DATE_SYNTAX), "31/12/2026");
	expect_mentions(date_strerror(DATE_SYNTAX), "not a date");
	expect_mentions(date_strerror(DATE_BAD_MONTH), "month");
	expect_mentions(date_strerror(DATE_BAD_MONTH), "1 to 12");
	expect_mentions(date_strerror(DATE_BAD_DAY), "no such day in that month");
	expect_mentions(date_strerror(DATE_RANGE), "1900");
	expect_mentions(date_strerror(DATE_RANGE), "2999");
	expect_mentions(date_strerror(-1), "unknown");
	expect_mentions(date_strerror(42), "unknown");
	for (int a = DATE_OK; a <= DATE_RANGE; a++)
		for (int b = a + 1; b <= DATE_RANGE; b++)
			assert_string_not_equal(date_strerror(a), date_strerror(b));
}

static void test_explain(void **state)
{
	char buf[160];
	(void)state;
	assert_int_equal(date_explain("29/02/2026", buf, sizeof buf), DATE_BAD_DAY);
	assert_string_equal(buf, "29/02/2026: February 2026 has 28 days");
	assert_int_equal(date_explain(" 2026-02-29 ", buf, sizeof buf), DATE_BAD_DAY);
	assert_string_equal(buf, "2026-02-29: February 2026 has 28 days");
	assert_int_equal(date_explain("31/04/2026", buf, sizeof buf), DATE_BAD_DAY);
	assert_string_equal(buf, "31/04/2026: April 2026 has 30 days");
	assert_int_equal(date_explain("30/02/2024", buf, sizeof buf), DATE_BAD_DAY);
	assert_string_equal(buf, "30/02/2024: February 2024 has 29 days");
	assert_int_equal(date_explain("00/03/2026", buf, sizeof buf), DATE_BAD_DAY);
	expect_mentions(buf, "00/03/2026");
	expect_mentions(buf, "start at 1");
	assert_int_equal(date_explain("2026-13-01", buf, sizeof buf), DATE_BAD_MONTH);
	expect_mentions(buf, "2026-13-01");
	expect_mentions(buf, "no month 13");
	assert_int_equal(date_explain("01/01/1850", buf, sizeof buf), DATE_RANGE);
	expect_mentions(buf, "01/01/1850");
	expect_mentions(buf, "1900");
	expect_mentions(buf, "2999");
	assert_int_equal(date_explain("next tuesday", buf, sizeof buf), DATE_SYNTAX);
	expect_mentions(buf, "next tuesday");
	expect_mentions(buf, "31/12/2026");
	assert_int_equal(date_explain("  ", buf, sizeof buf), DATE_EMPTY);
	expect_mentions(buf, "31/12/2026");
	assert_int_equal(date_explain(NULL, buf, sizeof buf), DATE_EMPTY);
	expect_mentions(buf, "31/12/2026");
	assert_int_equal(date_explain("2026-11-22", buf, sizeof buf), DATE_OK);
	assert_string_equal(buf, "");
}

static void test_explain_limits(void **state)
{
	char buf[160], small[8];
	char long_in[200];
	(void)state;
	/* A long input is clipped in the message, with an ellipsis. */
	memset(long_in, 'z', sizeof long_in - 1);
	long_in[sizeof long_in - 1] = '\0';
	assert_int_equal(date_explain(long_in, buf, sizeof buf), DATE_SYNTAX);
	expect_mentions(buf, "zzz…:");
	assert_true(strlen(buf) < 120);
	/* A small buffer is cut but terminated. */
	memset(small, 'x', sizeof small);
	assert_int_equal(date_explain("29/02/2026", small, sizeof small), DATE_BAD_DAY);
	assert_int_equal(strlen(small), sizeof small - 1);
	assert_string_equal(small, "29/02/2");
	/* No buffer at all still reports the error. */
	assert_int_equal(date_explain("29/02/2026", NULL, 0), DATE_BAD_DAY);
}

static void test_day_numbers(void **state)
{
	(void)state;
	assert_int_equal(date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(date_to_days(D(1970, 1, 2)), 1);
	assert_int_equal(date_to_days(D(1969, 12, 31)), -1);
	assert_int_equal(date_to_days(D(2000, 3, 1)), 11017);
	assert_int_equal(date_to_days(D(2024, 2, 29)), 19782);
	assert_int_equal(date_to_days(D(2026, 11, 22)), 20779);
	assert_int_equal(date_to_days(D(1900, 1, 1)), -25567);
	assert_int_equal(date_to_days(D(2999, 12, 31)), 376199);
	assert_int_equal(date_to_days(D(2026, 2, 29)), DATE_NO_DAY);
	assert_int_equal(date_to_days(D(1899, 12, 31)), DATE_NO_DAY);
	assert_date(date_from_days(0), 1970, 1, 1);
	assert_date(date_from_days(-1), 1969, 12, 31);
	assert_date(date_from_days(11017), 2000, 3, 1);
	assert_date(date_from_days(20779), 2026, 11, 22);
	assert_date(date_from_days(-25567), 1900, 1, 1);
	assert_date(date_from_days(376199), 2999, 12, 31);
	/* Extreme day numbers give dates, just not valid ones. */
	assert_false(date_valid(date_from_days(INT32_MAX)));
	assert_false(date_valid(date_from_days(INT32_MIN)));
}

/* Every day from 1900 to 2999: day numbers are consecutive and round-trip. */
static void test_day_numbers_exhaustive(void **state)
{
	struct date d = {1900, 1, 1};
	int32_t n = date_to_days(d);
	(void)state;
	while (d.y <= 2999) {
		struct date back = date_from_days(n);
		if (date_to_days(d) != n || date_cmp(back, d) != 0)
			fail_msg("day %d does not round-trip as %04d-%02d-%02d", (int)n, d.y, d.m, d.d);
		n++;
		if (++d.d > date_days_in_month(d.y, d.m)) {
			d.d = 1;
			if (++d.m > 12) {
				d.m = 1;
				d.y++;
			}
		}
	}
	assert_int_equal(n, 376200);
}

static void test_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(D(1970, 1, 1)), 3);   /* Thursday */
	assert_int_equal(date_weekday(D(2026, 11, 22)), 6); /* Sunday */
	assert_int_equal(date_weekday(D(2026, 11, 23)), 0); /* Monday */
	assert_int_equal(date_weekday(D(2026, 12, 25)), 4); /* Friday */
	assert_int_equal(date_weekday(D(2000, 1, 1)), 5);   /* Saturday */
	assert_int_equal(date_weekday(D(1900, 1, 1)), 0);   /* Monday */
	assert_int_equal(date_weekday(D(1969, 12, 31)), 2); /* Wednesday */
	assert_int_equal(date_weekday(D(2999, 12, 31)), 1); /* Tuesday */
	assert_int_equal(date_weekday(D(2026, 2, 30)), -1);
}

static void test_cmp(void **state)
{
	(void)state;
	assert_int_equal(date_cmp(D(2026, 1, 1), D(2026, 1, 1)), 0);
	assert_int_equal(date_cmp(D(2026, 1, 1), D(2026, 1, 2)), -1);
	assert_int_equal(date_cmp(D(2026, 1, 2), D(2026, 1, 1)), 1);
	assert_int_equal(date_cmp(D(2025, 12, 31), D(2026, 1, 1)), -1);
	assert_int_equal(date_cmp(D(2026, 2, 1), D(2026, 1, 31)), 1);
}

static void test_add_days(void **state)
{
	(void)state;
	assert_date(date_add_days(D(2026, 2, 28), 1), 2026, 3, 1);
	assert_date(date_add_days(D(2024, 2, 28), 1), 2024, 2, 29);
	assert_date(date_add_days(D(2024, 2, 29), 365), 2025, 2, 28);
	assert_date(date_add_days(D(2026, 12, 31), 1), 2027, 1, 1);
	assert_date(date_add_days(D(2026, 1, 1), -1), 2025, 12, 31);
	assert_date(date_add_days(D(2026, 3, 1), 0), 2026, 3, 1);
	assert_date(date_add_days(D(1900, 2, 28), 1), 1900, 3, 1);
	assert_date(date_add_days(D(2000, 2, 28), 1), 2000, 2, 29);
	assert_date(date_add_days(D(2999, 12, 31), 1), 0, 0, 0);
	assert_date(date_add_days(D(1900, 1, 1), -1), 0, 0, 0);
	assert_date(date_add_days(D(2026, 1, 1), INT32_MAX), 0, 0, 0);
	assert_date(date_add_days(D(2026, 1, 1), INT32_MIN), 0, 0, 0);
	assert_date(date_add_days(D(2026, 2, 30), 1), 0, 0, 0);
}

static void test_format(void **state)
{
	char buf[DATE_BUFSZ];
	(void)state;
	assert_ptr_equal(date_format_iso(D(2026, 11, 22), buf, sizeof buf), buf);
	assert_string_equal(buf, "2026-11-22");
	assert_ptr_equal(date_format_uk(D(2026, 11, 22), buf, sizeof buf), buf);
	assert_string_equal(buf, "22/11/2026");
	date_format_iso(D(1900, 1, 2), buf, sizeof buf);
	assert_string_equal(buf, "1900-01-02");
	date_format_uk(D(2026, 2, 1), buf, sizeof buf);
	assert_string_equal(buf, "01/02/2026");
	/* Too small: cut short, still terminated. */
	date_format_iso(D(2026, 11, 22), buf, 5);
	assert_string_equal(buf, "2026");
	/* Even a nonsense date stays inside the buffer. */
	date_format_iso(D(INT_MIN, INT_MIN, INT_MIN), buf, sizeof buf);
	assert_true(strlen(buf) < sizeof buf);
	buf[0] = 'x';
	date_format_uk(D(2026, 1, 1), buf, 0);
	assert_int_equal(buf[0], 'x');
	assert_null(date_format_uk(D(2026, 1, 1), NULL, 10));
}

static void test_clear_days(void **state)
{
	(void)state;
	/* Notice given on the 1st, meeting on the 16th: 14 clear days. */
	assert_int_equal(date_clear_days(D(2026, 3, 1), D(2026, 3, 16)), 14);
	assert_int_equal(date_clear_days(D(2026, 3, 1), D(2026, 3, 15)), 13); /* short */
	assert_int_equal(date_clear_days(D(2026, 3, 1), D(2026, 3, 2)), 0);
	assert_int_equal(date_clear_days(D(2026, 3, 1), D(2026, 3, 1)), -1);
	assert_true(date_clear_days(D(2026, 3, 16), D(2026, 3, 1)) < 0);
	assert_int_equal(date_clear_days(D(2026, 12, 20), D(2027, 1, 4)), 14);
	assert_int_equal(date_clear_days(D(2024, 2, 14), D(2024, 2, 29)), 14); /* leap */
	assert_int_equal(date_clear_days(D(2026, 2, 14), D(2026, 3, 1)), 14);
	assert_int_equal(date_clear_days(D(2026, 2, 30), D(2026, 3, 16)), INT_MIN);
}

static void test_working_day(void **state)
{
	(void)state;
	assert_true(date_is_working_day(D(2026, 11, 20), NULL));  /* Friday */
	assert_false(date_is_working_day(D(2026, 11, 21), NULL)); /* Saturday */
	assert_false(date_is_working_day(D(2026, 11, 22), NULL)); /* Sunday */
	assert_true(date_is_working_day(D(2026, 11, 23), &hols));
	assert_true(date_is_working_day(D(2026, 12, 25), NULL));
	assert_false(date_is_working_day(D(2026, 12, 25), &hols)); /* Christmas */
	assert_false(date_is_working_day(D(2026, 12, 28), &hols)); /* Boxing Day substitute */
	assert_true(date_is_working_day(D(2026, 12, 24), &hols));
	assert_true(date_is_working_day(D(2026, 12, 29), &hols));
	/* Every listed holiday is found by the binary search, first and last too. */
	for (size_t i = 0; i < hols.n; i++)
		assert_false(date_is_working_day(date_from_days(bank_holidays[i]), &hols));
	assert_true(date_is_working_day(D(2026, 4, 2), &hols));
	assert_true(date_is_working_day(D(2026, 4, 7), &hols));
	assert_true(date_is_working_day(D(2025, 12, 31), &hols));
	assert_true(date_is_working_day(D(2027, 1, 4), &hols));
	assert_false(date_is_working_day(D(2026, 2, 30), NULL));
}

static void test_add_working_days(void **state)
{
	(void)state;
	/* Across a weekend: Friday + 1 is Monday. */
	assert_date(date_add_working_days(D(2026, 11, 20), 1, NULL), 2026, 11, 23);
	assert_date(date_add_working_days(D(2026, 11, 20), 5, NULL), 2026, 11, 27);
	assert_date(date_add_working_days(D(2026, 11, 21), 1, NULL), 2026, 11, 23);
	assert_date(date_add_working_days(D(2026, 11, 23), 28, NULL), 2026, 12, 31);
	/* Across Christmas: Thursday 24 + 1 skips Fri 25, the weekend and Mon 28. */
	assert_date(date_add_working_days(D(2026, 12, 24), 1, &hols), 2026, 12, 29);
	assert_date(date_add_working_days(D(2026, 12, 24), 1, NULL), 2026, 12, 25);
	assert_date(date_add_working_days(D(2026, 12, 23), 5, &hols), 2027, 1, 4);
	assert_date(date_add_working_days(D(2026, 12, 25), 1, &hols), 2026, 12, 29);
	/* Easter 2026: Thursday 2 April + 1 is Tuesday 7 April. */
	assert_date(date_add_working_days(D(2026, 4, 2), 1, &hols), 2026, 4, 7);
	/* n = 0: the start if it is a working day, else the next one. */
	assert_date(date_add_working_days(D(2026, 11, 23), 0, &hols), 2026, 11, 23);
	assert_date(date_add_working_days(D(2026, 11, 21), 0, &hols), 2026, 11, 23);
	assert_date(date_add_working_days(D(2026, 12, 25), 0, &hols), 2026, 12, 29);
	/* Backwards. */
	assert_date(date_add_working_days(D(2026, 12, 29), -1, &hols), 2026, 12, 24);
	assert_date(date_add_working_days(D(2026, 11, 23), -1, NULL), 2026, 11, 20);
	/* Off the end of the supported years, or from nonsense: no date. */
	assert_date(date_add_working_days(D(2999, 12, 31), 1, NULL), 0, 0, 0);
	assert_date(date_add_working_days(D(1900, 1, 1), -1, NULL), 0, 0, 0);
	assert_date(date_add_working_days(D(2026, 1, 1), INT_MAX, NULL), 0, 0, 0);
	assert_date(date_add_working_days(D(2026, 1, 1), INT_MIN, NULL), 0, 0, 0);
	assert_date(date_add_working_days(D(2999, 12, 31), 0, NULL), 2999, 12, 31);
	assert_date(date_add_working_days(D(2026, 2, 29), 1, NULL), 0, 0, 0);
}

static void test_working_days_between(void **state)
{
	struct holidays none = {NULL, 5};
	(void)state;
	assert_int_equal(date_working_days_between(D(2026, 11, 20), D(2026, 11, 23), NULL), 1);
	assert_int_equal(date_working_days_between(D(2026, 11, 20), D(2026, 11, 20), NULL), 0);
	assert_int_equal(date_working_days_between(D(2026, 11, 20), D(2026, 11, 22), NULL), 0);
	assert_int_equal(date_working_days_between(D(2026, 11, 23), D(2026, 11, 27), NULL), 4);
	assert_int_equal(date_working_days_between(D(2026, 11, 22), D(2026, 11, 29), NULL), 5);
	assert_int_equal(date_working_days_between(D(2026, 11, 23), D(2026, 11, 23), &hols), 0);
	assert_int_equal(date_working_days_between(D(2026, 12, 24), D(2026, 12, 29), NULL), 3);
	assert_int_equal(date_working_days_between(D(2026, 12, 24), D(2026, 12, 29), &hols), 1);
	assert_int_equal(date_working_days_between(D(2026, 12, 23), D(2027, 1, 4), &hols), 5);
	assert_int_equal(date_working_days_between(D(2026, 12, 29), D(2026, 12, 24), &hols), -1);
	assert_int_equal(date_working_days_between(D(2026, 1, 1), D(2026, 12, 31), NULL), 260);
	assert_int_equal(date_working_days_between(D(2025, 12, 31), D(2026, 12, 31), NULL), 261);
	assert_int_equal(date_working_days_between(D(2025, 12, 31), D(2026, 12, 31), &hols), 261 - 8);
	assert_int_equal(date_working_days_between(D(2026, 12, 24), D(2026, 12, 29), &none), 3);
	assert_int_equal(date_working_days_between(D(2026, 2, 30), D(2026, 12, 29), NULL), 0);
}

static void test_working_days_odd_lists(void **state)
{
	/* A holiday on a Saturday does not take a working day away twice, and
	 * a duplicated entry counts once. */
	int32_t odd[5];
	struct holidays h = {odd, 5};
	(void)state;
	odd[0] = date_to_days(D(2026, 12, 25));
	odd[1] = date_to_days(D(2026, 12, 26)); /* Saturday */
	odd[2] = date_to_days(D(2026, 12, 28));
	odd[3] = date_to_days(D(2026, 12, 28));
	odd[4] = date_to_days(D(2026, 12, 28));
	assert_int_equal(date_working_days_between(D(2026, 12, 24), D(2026, 12, 29), &h), 1);
	assert_int_equal(date_working_days_between(D(2026, 12, 28), D(2026, 12, 29), &h), 1);
	assert_int_equal(date_working_days_between(D(2026, 12, 27), D(2026, 12, 28), &h), 0);
	assert_date(date_add_working_days(D(2026, 12, 24), 2, &h), 2026, 12, 30);
}

/* Counting agrees with stepping, and with a day-by-day count, over two years. */
static void test_working_days_agree(void **state)
{
	int32_t start = date_to_days(D(2025, 12, 1));
	(void)state;
	for (int32_t a = start; a < start + 400; a += 3) {
		int brute = 0;
		for (int32_t b = a + 1; b < a + 90; b++) {
			if (date_is_working_day(date_from_days(b), &hols))
				brute++;
			if (date_working_days_between(date_from_days(a), date_from_days(b), &hols) != brute)
				fail_msg("between day %d and %d: expected %d", (int)a, (int)b, brute);
			if (date_working_days_between(date_from_days(b), date_from_days(a), &hols) != -brute)
				fail_msg("between day %d and %d backwards: expected %d", (int)b, (int)a, -brute);
		}
		for (int n = 1; n <= 40; n++) {
			struct date due = date_add_working_days(date_from_days(a), n, &hols);
			assert_true(date_is_working_day(due, &hols));
			assert_int_equal(date_working_days_between(date_from_days(a), due, &hols), n);
			/* Back again: a itself, or the last working day before it. */
			struct date back = date_add_working_days(due, -n, &hols);
			if (date_is_working_day(date_from_days(a), &hols)) {
				assert_int_equal(date_to_days(back), a);
			} else {
				assert_true(date_to_days(back) < a);
				assert_true(date_is_working_day(back, &hols));
				assert_int_equal(date_working_days_between(back, date_from_days(a), &hols), 0);
			}
		}
	}
}

static void test_age(void **state)
{
	(void)state;
	assert_int_equal(date_age_on(D(2008, 11, 22), D(2026, 11, 21)), 17);
	assert_int_equal(date_age_on(D(2008, 11, 22), D(2026, 11, 22)), 18);
	assert_int_equal(date_age_on(D(2008, 11, 22), D(2026, 12, 1)), 18);
	assert_int_equal(date_age_on(D(2008, 12, 1), D(2026, 11, 30)), 17);
	/* Born on 29 February: a year older on 1 March in common years. */
	assert_int_equal(date_age_on(D(2008, 2, 29), D(2026, 2, 28)), 17);
	assert_int_equal(date_age_on(D(2008, 2, 29), D(2026, 3, 1)), 18);
	assert_int_equal(date_age_on(D(2008, 2, 29), D(2028, 2, 29)), 20);
	assert_int_equal(date_age_on(D(2008, 2, 29), D(2028, 2, 28)), 19);
	assert_int_equal(date_age_on(D(2026, 5, 5), D(2026, 5, 5)), 0);
	assert_int_equal(date_age_on(D(2026, 5, 5), D(2026, 5, 4)), -1);
	assert_int_equal(date_age_on(D(2026, 2, 30), D(2027, 1, 1)), -1);
	assert_int_equal(date_age_on(D(1900, 1, 1), D(2999, 12, 31)), 1099);
}

static void test_today(void **state)
{
	struct date d;
	(void)state;
	assert_int_equal(setenv("COOPDESK_TODAY", "2026-11-22", 1), 0);
	assert_date(date_today(), 2026, 11, 22);
	assert_int_equal(setenv("COOPDESK_TODAY", "2024-02-29", 1), 0);
	assert_date(date_today(), 2024, 2, 29);
	/* Not a date: ignored, the clock is used. */
	assert_int_equal(setenv("COOPDESK_TODAY", "2026-02-29", 1), 0);
	d = date_today();
	assert_true(date_valid(d));
	assert_true(d.y >= 2025);
	assert_int_equal(unsetenv("COOPDESK_TODAY"), 0);
	d = date_today();
	assert_true(date_valid(d));
	assert_true(d.y >= 2025);
	/* A fixed clock fixes today too: the local date of that instant, here
	 * in the zone of the machine (UTC in the tests; see test_zone.c for
	 * the co-op's). */
	assert_int_equal(setenv("COOPDESK_NOW", "2026-06-30T23:30:00Z", 1), 0);
	assert_date(date_today(), 2026, 6, 30);
	assert_int_equal(setenv("TZ", ":Europe/London", 1), 0);
	tzset();
	assert_date(date_today(), 2026, 7, 1);
	assert_int_equal(setenv("TZ", "UTC", 1), 0);
	tzset();
	assert_int_equal(unsetenv("COOPDESK_NOW"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_leap),
		cmocka_unit_test(test_days_in_month),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_null),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_explain),
		cmocka_unit_test(test_explain_limits),
		cmocka_unit_test(test_day_numbers),
		cmocka_unit_test(test_day_numbers_exhaustive),
		cmocka_unit_test(test_weekday),
		cmocka_unit_test(test_cmp),
		cmocka_unit_test(test_add_days),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_clear_days),
		cmocka_unit_test(test_working_day),
		cmocka_unit_test(test_add_working_days),
		cmocka_unit_test(test_working_days_between),
		cmocka_unit_test(test_working_days_odd_lists),
		cmocka_unit_test(test_working_days_agree),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_today),
	};
	return cmocka_run_group_tests(tests, setup_holidays, NULL);
}
