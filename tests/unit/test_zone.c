/* tests/unit/test_zone.c: the co-op's local time (src/core/zone.c), summer
 * and winter, whatever the machine's TZ says (tests run with TZ=UTC). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/clock.h"
#include "coopdesk/zone.h"

static void london_in_summer_and_winter(void **state)
{
	(void)state;
	char buf[ZONE_TIME_BUFSZ];
	assert_int_equal(zone_set("Europe/London"), 0);
	assert_string_equal(zone_name(), "Europe/London");
	/* British Summer Time: an hour ahead of UTC. */
	assert_string_equal(zone_format("2026-07-01T23:30:00Z", buf, sizeof buf), "02/07/2026 00:30");
	/* Winter: London is on UTC. */
	assert_string_equal(zone_format("2026-01-15T23:30:00Z", buf, sizeof buf), "15/01/2026 23:30");
	/* The clocks go forward at 01:00 UTC on the last Sunday of March. */
	assert_string_equal(zone_format("2026-03-29T00:59:00Z", buf, sizeof buf), "29/03/2026 00:59");
	assert_string_equal(zone_format("2026-03-29T01:00:00Z", buf, sizeof buf), "29/03/2026 02:00");
	assert_string_equal(zone_format("2026-07-01T10:00:00.250Z", buf, sizeof buf), "01/07/2026 11:00");
}

static void local_dates(void **state)
{
	(void)state;
	struct date d;
	assert_int_equal(zone_set("Europe/London"), 0);
	/* 00:30 on a summer night is that local day, not the UTC day before. */
	assert_int_equal(zone_date("2026-06-30T23:30:00Z", &d), 0);
	assert_int_equal(d.y, 2026);
	assert_int_equal(d.m, 7);
	assert_int_equal(d.d, 1);
	assert_int_equal(zone_date("2026-12-31T23:30:00Z", &d), 0);
	assert_int_equal(d.m, 12);
	assert_int_equal(d.d, 31);
	assert_int_equal(zone_date("2026-05-04", &d), 0);
	assert_int_equal(d.d, 4);
	assert_int_equal(zone_date("04/05/2026", &d), -1);
	assert_int_equal(zone_date("soon", &d), -1);
}

static void local_days_begin_at_local_midnight(void **state)
{
	(void)state;
	char iso[CLOCK_ISO_LEN];
	assert_int_equal(zone_set("Europe/London"), 0);
	/* Summer: a London day begins at 23:00 UTC the day before. */
	struct date july = { 2026, 7, 1 };
	assert_string_equal(clock_format_iso(zone_day_start(july), iso, sizeof iso),
			    "2026-06-30T23:00:00Z");
	struct date jan = { 2026, 1, 15 };
	assert_string_equal(clock_format_iso(zone_day_start(jan), iso, sizeof iso),
			    "2026-01-15T00:00:00Z");
	/* The day the clocks go forward is 23 hours long. */
	struct date a = { 2026, 3, 29 }, b = { 2026, 3, 30 };
	assert_int_equal((long)(zone_day_start(b) - zone_day_start(a)), 23 * 3600);
	assert_int_equal(zone_set("UTC"), 0);
	assert_string_equal(clock_format_iso(zone_day_start(july), iso, sizeof iso),
			    "2026-07-01T00:00:00Z");
	assert_int_equal(zone_set("Europe/London"), 0);
}

static void other_zones_and_plain_text(void **state)
{
	(void)state;
	char buf[ZONE_TIME_BUFSZ];
	assert_int_equal(zone_set("UTC"), 0);
	assert_string_equal(zone_format("2026-07-01T23:30:00Z", buf, sizeof buf), "01/07/2026 23:30");
	assert_string_equal(zone_format("2026-07-01", buf, sizeof buf), "01/07/2026");
	assert_string_equal(zone_format("", buf, sizeof buf), "");
	assert_string_equal(zone_format("never", buf, sizeof buf), "never");
	assert_int_equal(zone_set("Europe/London"), 0);
}

static void unknown_zones_are_refused(void **state)
{
	(void)state;
	assert_int_equal(zone_set("Europe/London"), 0);
	assert_int_equal(zone_known("Europe/London"), 1);
	assert_int_equal(zone_set("Atlantis/Lost_City"), -1);
	assert_int_equal(zone_set("../../etc/passwd"), -1);
	assert_int_equal(zone_set("/etc/localtime"), -1);
	assert_int_equal(zone_set(""), -1);
	assert_int_equal(zone_set(NULL), -1);
	/* Nothing changed: still London. */
	assert_string_equal(zone_name(), "Europe/London");
	assert_string_equal(getenv("TZ"), ":Europe/London");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(london_in_summer_and_winter),
		cmocka_unit_test(local_dates),
		cmocka_unit_test(local_days_begin_at_local_midnight),
		cmocka_unit_test(other_zones_and_plain_text),
		cmocka_unit_test(unknown_zones_are_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
