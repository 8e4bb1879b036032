/* Unit tests for src/core/ref.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "coopdesk/ref.h"

#define SENTINEL INT64_C(-7)

static void expect_format(char prefix, int64_t n, const char *want)
{
	char buf[REF_BUFSZ];
	memset(buf, 'x', sizeof buf);
	assert_ptr_equal(ref_format(prefix, n, buf, sizeof buf), buf);
	assert_string_equal(buf, want);
}

static void test_format(void **state)
{
	(void)state;
	expect_format('R', 123, "R-000123");
	expect_format('r', 123, "R-000123");
	expect_format('R', 1, "R-000001");
	expect_format('C', 999999, "C-999999");
	expect_format('R', 1000000, "R-1000000");
	expect_format('R', INT64_MAX, "R-9223372036854775807");
	/* Nothing that would mislead: no reference for 0, negatives or non-letters. */
	expect_format('R', 0, "");
	expect_format('R', -5, "");
	expect_format('R', INT64_MIN, "");
	expect_format('1', 5, "");
	expect_format('-', 5, "");
	expect_format('\0', 5, "");
}

static void test_format_small_buffer(void **state)
{
	char buf[REF_BUFSZ];
	(void)state;
	/* "R-000123" is 8 bytes, plus the NUL. */
	memset(buf, 'x', sizeof buf);
	ref_format('R', 123, buf, 9);
	assert_string_equal(buf, "R-000123");
	memset(buf, 'x', sizeof buf);
	ref_format('R', 123, buf, 8);
	assert_string_equal(buf, "");
	buf[0] = 'x';
	assert_ptr_equal(ref_format('R', 123, buf, 0), buf);
	assert_int_equal(buf[0], 'x');
	assert_null(ref_format('R', 123, NULL, 10));
}

struct good {
	const char *in;
	int64_t n;
};

struct bad {
	const char *in;
	int err;
};

static void test_parse_good(void **state)
{
	static const struct good cases[] = {
		{"R-000123", 123}, {"r123", 123},       {"R123", 123},      {"123", 123},
		{"r-000123", 123}, {" R-000123 ", 123}, {"\t42\n", 42},     {"R-1", 1},
		{"000001", 1},     {"R-1000000", 1000000},
		{"9223372036854775807", INT64_MAX},     {"R-9223372036854775807", INT64_MAX},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t n = SENTINEL;
		int rc = ref_parse(cases[i].in, 'R', &n);
		if (rc != REF_OK || n != cases[i].n)
			fail_msg("ref_parse(\"%s\") gave %d, %lld", cases[i].in, rc, (long long)n);
	}
}

static void test_parse_bad(void **state)
{
	static const struct bad cases[] = {
		{"", REF_EMPTY},
		{"   ", REF_EMPTY},
		{"X-000123", REF_PREFIX},
		{"x12", REF_PREFIX},
		{"C123", REF_PREFIX},
		{"R-", REF_SYNTAX},
		{"R", REF_SYNTAX},
		{"R--1", REF_SYNTAX},
		{"-123", REF_SYNTAX},
		{"R-12a", REF_SYNTAX},
		{"R 12", REF_SYNTAX},
		{"12.0", REF_SYNTAX},
		{"12 3", REF_SYNTAX},
		{"+5", REF_SYNTAX},
		{"RR-1", REF_SYNTAX},
		{"1R", REF_SYNTAX},
		{"X-abc", REF_SYNTAX},
		{"R-0", REF_RANGE},
		{"0", REF_RANGE},
		{"R-000000", REF_RANGE},
		{"9223372036854775808", REF_RANGE},
		{"R-99999999999999999999999", REF_RANGE},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t n = SENTINEL;
		int rc = ref_parse(cases[i].in, 'R', &n);
		if (rc != cases[i].err)
			fail_msg("ref_parse(\"%s\") gave %d, expected %d", cases[i].in, rc, cases[i].err);
		if (n != SENTINEL)
			fail_msg("ref_parse(\"%s\") wrote its output on error", cases[i].in);
	}
}

static void test_parse_args(void **state)
{
	int64_t n = SENTINEL;
	(void)state;
	assert_int_equal(ref_parse(NULL, 'R', &n), REF_EMPTY);
	assert_int_equal(ref_parse("R-1", 'R', NULL), REF_SYNTAX);
	assert_int_equal(ref_parse("1", '1', &n), REF_SYNTAX);
	assert_true(n == SENTINEL);
	/* The expected letter's case does not matter either. */
	assert_int_equal(ref_parse("R-000007", 'r', &n), REF_OK);
	assert_true(n == 7);
}

static void test_round_trip(void **state)
{
	static const int64_t values[] = {1, 9, 123, 999999, 1000000, 123456789, INT64_MAX};
	char buf[REF_BUFSZ];
	(void)state;
	for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
		int64_t n = SENTINEL;
		assert_int_equal(ref_parse(ref_format('M', values[i], buf, sizeof buf), 'M', &n), REF_OK);
		assert_true(n == values[i]);
	}
}

/* As the go-to prompt and a member field read what is typed. */
static void test_typed(void **state)
{
	(void)state;
	static const struct { const char *typed; int64_t no; } members[] = {
		{ "42", 42 }, { " no. 42 ", 42 }, { "#42", 42 }, { "member 42", 42 },
		{ "Member No. 42", 42 }, { "MEMBER NUMBER 7", 7 }, { "no42", 42 },
		{ "", 0 }, { "0", 0 }, { "no.", 0 }, { "42a", 0 }, { "member -4", 0 },
		{ "R-000042", 0 }, { "99999999999999999999", 0 }, { "members 4", 0 },
	};
	for (size_t i = 0; i < sizeof members / sizeof members[0]; i++) {
		int64_t no = -1;
		int got = ref_member_number(members[i].typed, &no);
		if (got != (members[i].no > 0) || (got && no != members[i].no) || (!got && no != -1))
			fail_msg("'%s': %d, %lld", members[i].typed, got, (long long)no);
	}
	static const struct { const char *typed; int64_t id; } repairs[] = {
		{ "R-000123", 123 }, { "r123", 123 }, { " R-42", 42 }, { "r-1", 1 }, { "R 123", 0 },
		{ "123", 0 }, { "R", 0 }, { "R-", 0 }, { "RX1", 0 }, { "R-0", 0 }, { "W-000123", 0 },
	};
	for (size_t i = 0; i < sizeof repairs / sizeof repairs[0]; i++) {
		int64_t id = -1;
		int got = ref_repair_typed(repairs[i].typed, &id);
		if (got != (repairs[i].id > 0) || (got && id != repairs[i].id) || (!got && id != -1))
			fail_msg("'%s': %d, %lld", repairs[i].typed, got, (long long)id);
	}
	int64_t x = -1;
	assert_false(ref_member_number(NULL, &x));
	assert_false(ref_repair_typed(NULL, &x));
	assert_int_equal(x, -1);
}

static void expect_mentions(int err, const char *word)
{
	const char *msg = ref_strerror(err);
	assert_non_null(msg);
	assert_true(strlen(msg) > 0);
	if (strstr(msg, word) == NULL)
		fail_msg("ref_strerror(%d) = \"%s\" does not mention \"%s\"", err, msg, word);
}

static void test_strerror(void **state)
{
	(void)state;
	expect_mentions(REF_OK, "fine");
	expect_mentions(REF_EMPTY, "R-000123");
	expect_mentions(REF_SYNTAX, "not a reference");
	expect_mentions(REF_PREFIX, "wrong letter");
	expect_mentions(REF_RANGE, "number");
	expect_mentions(-1, "unknown");
	for (int a = REF_OK; a <= REF_RANGE; a++)
		for (int b = a + 1; b <= REF_RANGE; b++)
			assert_string_not_equal(ref_strerror(a), ref_strerror(b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_format_small_buffer),
		cmocka_unit_test(test_parse_good),
		cmocka_unit_test(test_parse_bad),
		cmocka_unit_test(test_parse_args),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_strerror),
		cmocka_unit_test(test_typed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
