/* Unit tests for src/core/money.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "coopdesk/money.h"

#define SENTINEL INT64_C(-424242)

struct good {
	const char *in;
	int64_t pence;
};

struct bad {
	const char *in;
	int err;
};

static void test_parse_good(void **state)
{
	static const struct good cases[] = {
		{"£1,234.56", 123456},
		{"1234.56", 123456},
		{"1234.5", 123450},
		{"1234", 123400},
		{"1,234", 123400},
		{"1,234,567.89", 123456789},
		{"12,345", 1234500},
		{"123,456", 12345600},
		{"-3", -300},
		{"-£3.00", -300},
		{"£-3", -300},
		{"+3", 300},
		{"+£3.10", 310},
		{" 12.00 ", 1200},
		{"\t£12.00\n", 1200},
		{"0", 0},
		{"0.00", 0},
		{"-0.00", 0},
		{"0.01", 1},
		{"-0.01", -1},
		{".5", 50},
		{"£.05", 5},
		{"12.", 1200},
		{"007.10", 710},
		{"£0.99", 99},
		{"999999999999.99", MONEY_MAX},
		{"£999,999,999,999.99", MONEY_MAX},
		{"-999999999999.99", -MONEY_MAX},
		{"999999999999", MONEY_MAX - 99},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = SENTINEL;
		int rc = money_parse(cases[i].in, &v);
		if (rc != MONEY_OK || v != cases[i].pence)
			fail_msg("money_parse(\"%s\") gave rc %d, %lld; expected %lld", cases[i].in, rc,
			         (long long)v, (long long)cases[i].pence);
	}
}

static void test_parse_bad(void **state)
{
	static const struct bad cases[] = {
		{"", MONEY_EMPTY},
		{"   ", MONEY_EMPTY},
		{"\t\n", MONEY_EMPTY},
		{"abc", MONEY_SYNTAX},
		{"1,23,4", MONEY_SYNTAX},
		{"1,2345", MONEY_SYNTAX},
		{"1234,567", MONEY_SYNTAX},
		{",123", MONEY_SYNTAX},
		{"1,", MONEY_SYNTAX},
		{"1,,234", MONEY_SYNTAX},
		{"1,234,56", MONEY_SYNTAX},
		{"1,234.5,6", MONEY_SYNTAX},
		{"12..5", MONEY_SYNTAX},
		{"1.2.3", MONEY_SYNTAX},
		{"--3", MONEY_SYNTAX},
		{"-£-3", MONEY_SYNTAX},
		{"££3", MONEY_SYNTAX},
		{"+-3", MONEY_SYNTAX},
		{"£", MONEY_SYNTAX},
		{"-", MONEY_SYNTAX},
		{".", MONEY_SYNTAX},
		{"-£", MONEY_SYNTAX},
		{"1 234", MONEY_SYNTAX},
		{"£ 12", MONEY_SYNTAX},
		{"12£", MONEY_SYNTAX},
		{"12p", MONEY_SYNTAX},
		{"1e5", MONEY_SYNTAX},
		{"0x10", MONEY_SYNTAX},
		{"$12", MONEY_SYNTAX},
		{"\xA3" "12", MONEY_SYNTAX}, /* a Latin-1 pound sign is not UTF-8 */
		{"1.23x", MONEY_SYNTAX},
		{"1.234x", MONEY_SYNTAX}, /* junk wins over too many decimals */
		{"1.234", MONEY_TOO_MANY_DECIMALS},
		{"0.001", MONEY_TOO_MANY_DECIMALS},
		{"1.230", MONEY_TOO_MANY_DECIMALS},
		{"£1,234.567", MONEY_TOO_MANY_DECIMALS},
		{"1000000000000", MONEY_OVERFLOW},
		{"1000000000000.00", MONEY_OVERFLOW},
		{"-1000000000000", MONEY_OVERFLOW},
		{"1,000,000,000,000.00", MONEY_OVERFLOW},
		{"99999999999999999999", MONEY_OVERFLOW},
		{"9223372036854775807", MONEY_OVERFLOW},
		{"92233720368547758.08", MONEY_OVERFLOW},
		{"99999999999999999999999999999999999999.99", MONEY_OVERFLOW},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = SENTINEL;
		int rc = money_parse(cases[i].in, &v);
		if (rc != cases[i].err)
			fail_msg("money_parse(\"%s\") gave %d; expected %d", cases[i].in, rc, cases[i].err);
		if (v != SENTINEL)
			fail_msg("money_parse(\"%s\") wrote %lld on error", cases[i].in, (long long)v);
	}
}

static void test_parse_boundary(void **state)
{
	int64_t v = 0;
	(void)state;
	/* MONEY_MAX itself is accepted, one penny more is not. */
	assert_int_equal(money_parse("999999999999.99", &v), MONEY_OK);
	assert_true(v == MONEY_MAX);
	assert_int_equal(money_parse("1000000000000.00", &v), MONEY_OVERFLOW);
	assert_true(v == MONEY_MAX);
	assert_int_equal(money_parse("-999999999999.99", &v), MONEY_OK);
	assert_true(v == -MONEY_MAX);
	assert_int_equal(money_parse("-1000000000000.00", &v), MONEY_OVERFLOW);
	assert_true(v == -MONEY_MAX);
	assert_true(MONEY_MAX == INT64_C(99999999999999));
}

static void test_parse_null(void **state)
{
	int64_t v = SENTINEL;
	(void)state;
	assert_int_equal(money_parse(NULL, &v), MONEY_EMPTY);
	assert_int_equal(money_parse("12", NULL), MONEY_BAD_ARG);
	assert_true(v == SENTINEL);
}

static void expect_mentions(int err, const char *word)
{
	const char *msg = money_strerror(err);
	assert_non_null(msg);
	assert_true(strlen(msg) > 0);
	if (strstr(msg, word) == NULL)
		fail_msg("money_strerror(%d) = \"%s\" does not mention \"%s\"", err, msg, word);
}

static void test_strerror(void **state)
{
	(void)state;
	expect_mentions(MONEY_EMPTY, "amount");
	expect_mentions(MONEY_EMPTY, "12.50");
	expect_mentions(MONEY_SYNTAX, "12.50");
	expect_mentions(MONEY_SYNTAX, "£1,234.56");
	expect_mentions(MONEY_TOO_MANY_DECIMALS, "two decimal places");
	expect_mentions(MONEY_TOO_MANY_DECIMALS, "pence");
	expect_mentions(MONEY_OVERFLOW, "too large");
	expect_mentions(MONEY_BAD_ARG, "division");
	expect_mentions(MONEY_OK, "fine");
	expect_mentions(-1, "unknown");
	expect_mentions(99, "unknown");
	/* Every code has its own message. */
	for (int a = MONEY_OK; a <= MONEY_BAD_ARG; a++)
		for (int b = a + 1; b <= MONEY_BAD_ARG; b++)
			assert_string_not_equal(money_strerror(a), money_strerror(b));
}

static void expect_format(int64_t pence, const char *human, const char *plain)
{
	char buf[MONEY_BUFSZ];
	assert_ptr_equal(money_format(pence, buf, sizeof buf), buf);
	assert_string_equal(buf, human);
	assert_ptr_equal(money_format_plain(pence, buf, sizeof buf), buf);
	assert_string_equal(buf, plain);
}

static void test_format(void **state)
{
	(void)state;
	expect_format(123456, "£1,234.56", "1234.56");
	expect_format(-300, "-£3.00", "-3.00");
	expect_format(0, "£0.00", "0.00");
	expect_format(5, "£0.05", "0.05");
	expect_format(-5, "-£0.05", "-0.05");
	expect_format(50, "£0.50", "0.50");
	expect_format(99999, "£999.99", "999.99");
	expect_format(100000, "£1,000.00", "1000.00");
	expect_format(-100000, "-£1,000.00", "-1000.00");
	expect_format(12345678, "£123,456.78", "123456.78");
	expect_format(100000000, "£1,000,000.00", "1000000.00");
	expect_format(MONEY_MAX, "£999,999,999,999.99", "999999999999.99");
	expect_format(-MONEY_MAX, "-£999,999,999,999.99", "-999999999999.99");
	expect_format(INT64_MAX, "£92,233,720,368,547,758.07", "92233720368547758.07");
	expect_format(INT64_MIN, "-£92,233,720,368,547,758.08", "-92233720368547758.08");
}

static void test_format_small_buffer(void **state)
{
	char buf[MONEY_BUFSZ];
	(void)state;
	/* "£0.00" is 6 bytes, plus the NUL. */
	memset(buf, 'x', sizeof buf);
	assert_ptr_equal(money_format(0, buf, 7), buf);
	assert_string_equal(buf, "£0.00");
	memset(buf, 'x', sizeof buf);
	money_format(0, buf, 6);
	assert_string_equal(buf, "");
	memset(buf, 'x', sizeof buf);
	money_format_plain(-300, buf, 5);
	assert_string_equal(buf, "");
	money_format_plain(-300, buf, 6);
	assert_string_equal(buf, "-3.00");
	/* The longest possible text fits MONEY_BUFSZ. */
	money_format(INT64_MIN, buf, MONEY_BUFSZ);
	assert_true(strlen(buf) < MONEY_BUFSZ);
	assert_true(strlen(buf) > 0);
	/* Nothing is written with no room at all. */
	buf[0] = 'x';
	assert_ptr_equal(money_format(1, buf, 0), buf);
	assert_int_equal(buf[0], 'x');
	assert_null(money_format(1, NULL, 10));
}

static void test_round_trip(void **state)
{
	static const int64_t values[] = {0, 1, -1, 99, 100, 101, 123456, -123456, 100000, 999999,
	                                 1000000, MONEY_MAX, -MONEY_MAX, MONEY_MAX - 1};
	char buf[MONEY_BUFSZ];
	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		int64_t back = SENTINEL;
		assert_int_equal(money_parse(money_format(values[i], buf, sizeof buf), &back), MONEY_OK);
		assert_true(back == values[i]);
		back = SENTINEL;
		assert_int_equal(money_parse(money_format_plain(values[i], buf, sizeof buf), &back), MONEY_OK);
		assert_true(back == values[i]);
	}
}

static void expect_mul_div(int64_t a, int64_t m, int64_t d, int64_t want)
{
	int64_t out = SENTINEL;
	int rc = money_mul_div(a, m, d, &out);
	if (rc != MONEY_OK || out != want)
		fail_msg("money_mul_div(%lld, %lld, %lld) gave rc %d, %lld; expected %lld", (long long)a,
		         (long long)m, (long long)d, rc, (long long)out, (long long)want);
}

static void test_mul_div(void **state)
{
	(void)state;
	/* Universal Credit: weekly * 52 / 12 and four-weekly * 13 / 12. */
	expect_mul_div(10000, 52, 12, 43333);  /* 43333.33 */
	expect_mul_div(10001, 52, 12, 43338);  /* 43337.67 */
	expect_mul_div(9550, 52, 12, 41383);   /* 41383.33 */
	expect_mul_div(40000, 13, 12, 43333);  /* 43333.33 */
	expect_mul_div(10000, 50, 12, 41667);  /* two rent-free weeks: 41666.67 */
	/* Half away from zero, whatever the signs. */
	expect_mul_div(5, 1, 2, 3);
	expect_mul_div(-5, 1, 2, -3);
	expect_mul_div(5, -1, 2, -3);
	expect_mul_div(5, 1, -2, -3);
	expect_mul_div(-5, -1, 2, 3);
	expect_mul_div(-5, 1, -2, 3);
	expect_mul_div(7, 1, 2, 4);
	expect_mul_div(1, 1, 3, 0);
	expect_mul_div(2, 1, 3, 1);
	expect_mul_div(-1, 1, 3, 0);
	expect_mul_div(-2, 1, 3, -1);
	expect_mul_div(0, 52, 12, 0);
	/* The product may exceed 64 bits when the quotient does not. */
	expect_mul_div(INT64_MAX, 1000, INT64_C(1000000000000000), 9223372);
	expect_mul_div(INT64_MIN, 1, INT64_MIN, 1);
	expect_mul_div(MONEY_MAX, INT64_MAX, INT64_MAX, MONEY_MAX);
	expect_mul_div(-MONEY_MAX, INT64_MIN, INT64_MIN, -MONEY_MAX);
}

static void test_mul_div_errors(void **state)
{
	int64_t out = SENTINEL;
	(void)state;
	assert_int_equal(money_mul_div(100, 52, 0, &out), MONEY_BAD_ARG);
	assert_int_equal(money_mul_div(100, 52, 12, NULL), MONEY_BAD_ARG);
	assert_int_equal(money_mul_div(MONEY_MAX, 2, 1, &out), MONEY_OVERFLOW);
	assert_int_equal(money_mul_div(MONEY_MAX + 1, 1, 1, &out), MONEY_OVERFLOW);
	assert_int_equal(money_mul_div(-MONEY_MAX - 1, 1, 1, &out), MONEY_OVERFLOW);
	assert_int_equal(money_mul_div(INT64_MAX, INT64_MAX, 1, &out), MONEY_OVERFLOW);
	assert_int_equal(money_mul_div(INT64_MIN, -1, 1, &out), MONEY_OVERFLOW);
	assert_int_equal(money_mul_div(INT64_MIN, INT64_MIN, 1, &out), MONEY_OVERFLOW);
	assert_int_equal(money_mul_div(INT64_MAX, INT64_MAX, INT64_MAX, &out), MONEY_OVERFLOW);
	/* A quotient of exactly 2^64 must not wrap round to 0. */
	assert_int_equal(money_mul_div(INT64_C(1) << 62, 8, 2, &out), MONEY_OVERFLOW);
	assert_int_equal(money_mul_div(INT64_C(1) << 62, 8, -2, &out), MONEY_OVERFLOW);
	assert_true(out == SENTINEL);
	/* MONEY_MAX itself is a result like any other. */
	assert_int_equal(money_mul_div(MONEY_MAX, 1, 1, &out), MONEY_OK);
	assert_true(out == MONEY_MAX);
	assert_int_equal(money_mul_div(MONEY_MAX, -2, 2, &out), MONEY_OK);
	assert_true(out == -MONEY_MAX);
}

static void test_weeks(void **state)
{
	(void)state;
	assert_true(money_weeks_x100(25000, 10000) == 250);
	assert_true(money_weeks_x100(10000, 10000) == 100);
	assert_true(money_weeks_x100(0, 10000) == 0);
	assert_true(money_weeks_x100(-15000, 10000) == -150);
	assert_true(money_weeks_x100(1, 3) == 33);  /* 33.3 */
	assert_true(money_weeks_x100(2, 3) == 67);  /* 66.7 */
	assert_true(money_weeks_x100(1, 200) == 1); /* 0.5 rounds up */
	assert_true(money_weeks_x100(-1, 200) == -1);
	assert_true(money_weeks_x100(5000, 0) == 0);
	assert_true(money_weeks_x100(5000, -100) == 0);
	assert_true(money_weeks_x100(INT64_MAX, 1) == INT64_MAX);
	assert_true(money_weeks_x100(INT64_MIN, 1) == INT64_MIN);
	assert_true(money_weeks_x100(INT64_MIN, INT64_MAX) == -100);
	assert_true(money_weeks_x100(INT64_C(1) << 62, 25) == INT64_MAX); /* quotient 2^64 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_boundary),
		cmocka_unit_test(test_parse_null),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_small_buffer),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_mul_div),
		cmocka_unit_test(test_mul_div_errors),
		cmocka_unit_test(test_weeks),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
