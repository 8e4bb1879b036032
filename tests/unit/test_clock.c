/* tests/unit/test_clock.c: instants as ISO text (src/core/clock.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>

#include "coopdesk/clock.h"

static void round_trip(void **state)
{
	(void)state;
	time_t t;
	char buf[CLOCK_ISO_LEN];
	assert_int_equal(clock_parse_iso("2026-11-22T15:04:05Z", &t), 0);
	assert_int_equal((long long)t, 1795359845LL);
	assert_string_equal(clock_format_iso(t, buf, sizeof buf), "2026-11-22T15:04:05Z");
	assert_int_equal(clock_parse_iso("1969-12-31T23:59:59Z", &t), 0);
	assert_int_equal((long long)t, -1LL);
	assert_string_equal(clock_format_iso(t, buf, sizeof buf), "1969-12-31T23:59:59Z");
	assert_int_equal(clock_parse_iso("2026-11-22 15:04:05.123Z", &t), 0);
	assert_string_equal(clock_format_iso(t, buf, sizeof buf), "2026-11-22T15:04:05Z");
}

static void bad_instants(void **state)
{
	(void)state;
	time_t t;
	assert_int_equal(clock_parse_iso(NULL, &t), -1);
	assert_int_equal(clock_parse_iso("", &t), -1);
	assert_int_equal(clock_parse_iso("2026-02-29T10:00:00Z", &t), -1);
	assert_int_equal(clock_parse_iso("2026-11-22T24:00:00Z", &t), -1);
	assert_int_equal(clock_parse_iso("2026-11-22T10:00:00", &t), -1);
	assert_int_equal(clock_parse_iso("2026-11-22T10:00:00Zjunk", &t), -1);
}

static void the_clock_can_be_fixed(void **state)
{
	(void)state;
	char buf[CLOCK_ISO_LEN];
	setenv("COOPDESK_NOW", "2030-01-02T03:04:05Z", 1);
	assert_string_equal(clock_now_iso(buf, sizeof buf), "2030-01-02T03:04:05Z");
	setenv("COOPDESK_NOW", "not a time", 1);
	assert_true(clock_now() > 1700000000);
	unsetenv("COOPDESK_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(round_trip),
		cmocka_unit_test(bad_instants),
		cmocka_unit_test(the_clock_can_be_fixed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
