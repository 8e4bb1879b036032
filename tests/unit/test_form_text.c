/* tests/unit/test_form_text.c: the form widget's value checks
 * (src/ui/form_text.c): time given as hours, read, refused in words, and
 * written back the one way. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>

#include "../../src/ui/form_text.h"

static void hours_are_read_to_the_minute(void **state)
{
	(void)state;
	static const struct { const char *in; int64_t minutes; } good[] = {
		{ "2", 120 }, { "0", 0 }, { "1.5", 90 }, { "1.25", 75 }, { ".5", 30 },
		{ "0.1", 6 }, { "0.33", 20 }, { "1:30", 90 }, { "0:05", 5 }, { "24", 1440 },
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		int64_t m = -1;
		assert_int_equal(ftext_hours(good[i].in, &m), 0);
		assert_int_equal(m, good[i].minutes);
	}
	static const char *const bad[] = { "", ".", "1.", "1:5", "1:60", ":30", "1.234",
					   "two", "1h", "-1", "1:30:00", "1.5.2" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int64_t m = -1;
		assert_int_equal(ftext_hours(bad[i], &m), -1);
	}
	char buf[16];
	assert_string_equal(ftext_hours_format(90, buf, sizeof buf), "1:30");
	assert_string_equal(ftext_hours_format(5, buf, sizeof buf), "0:05");
	assert_string_equal(ftext_hours_format(1440, buf, sizeof buf), "24:00");
}

static void an_hours_field_says_what_is_wrong(void **state)
{
	(void)state;
	struct form_spec sp = { .label = "Hours", .kind = FORM_HOURS, .required = 1,
				.min = 1, .max = 1440 };
	char why[FORM_ERR_MAX];
	assert_int_equal(ftext_check(&sp, "1:30", why, sizeof why), 0);
	assert_string_equal(why, "");
	assert_int_equal(ftext_check(&sp, "an afternoon", why, sizeof why), -1);
	assert_string_equal(why, "hours, like 2, 1.5 or 1:30");
	assert_int_equal(ftext_check(&sp, "25", why, sizeof why), -1);
	assert_string_equal(why, "from 0:01 to 24:00 hours");
	assert_int_equal(ftext_check(&sp, "", why, sizeof why), -1);
	assert_string_equal(why, "required");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hours_are_read_to_the_minute),
		cmocka_unit_test(an_hours_field_says_what_is_wrong),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
