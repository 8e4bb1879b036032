/* tests/unit/test_deadlines.c: the AGM and the annual return after the
 * financial year end (src/core/deadlines.c), on worked dates. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "coopdesk/deadlines.h"

static struct date D(int y, int m, int d)
{
	struct date x = { y, m, d };
	return x;
}

static void same(struct date a, struct date b)
{
	assert_int_equal(a.y, b.y);
	assert_int_equal(a.m, b.m);
	assert_int_equal(a.d, b.d);
}

static void year_end_is_the_last_anniversary(void **state)
{
	(void)state;
	/* The setting says 31/03/2026; on 03/12/2026 that year end is the one. */
	same(deadline_year_end(D(2026, 3, 31), D(2026, 12, 3)), D(2026, 3, 31));
	/* Before it comes round, the year before. */
	same(deadline_year_end(D(2026, 3, 31), D(2026, 3, 30)), D(2025, 3, 31));
	same(deadline_year_end(D(2026, 3, 31), D(2026, 3, 31)), D(2026, 3, 31));
	/* A setting left years behind still gives this year's. */
	same(deadline_year_end(D(2020, 3, 31), D(2026, 12, 3)), D(2026, 3, 31));
	/* 29 February in a year without one is 28 February. */
	same(deadline_year_end(D(2028, 2, 29), D(2029, 6, 1)), D(2029, 2, 28));
	assert_int_equal(deadline_year_end(D(2026, 2, 30), D(2026, 12, 3)).y, 0);
}

static void agm_six_months_after(void **state)
{
	(void)state;
	struct deadline d;
	char w[120];
	/* 31 March + 6 months is 30 September (September has 30 days). */
	assert_int_equal(deadline_after(D(2026, 3, 31), 6, D(2026, 8, 1), 60, &d), 0);
	same(d.due, D(2026, 9, 30));
	assert_int_equal(d.days_left, 60);     /* 30 days of August and 30 of September */
	assert_true(d.shown);
	assert_false(d.overdue);
	deadline_words(&d, w, sizeof w);
	assert_string_equal(w, "due by 30/09/2026: 60 days left");
	/* A day earlier it is 61 days away: not shown yet. */
	assert_int_equal(deadline_after(D(2026, 3, 31), 6, D(2026, 7, 31), 60, &d), 0);
	assert_int_equal(d.days_left, 61);
	assert_false(d.shown);
	assert_int_equal(deadline_after(D(2026, 3, 31), 6, D(2026, 9, 30), 60, &d), 0);
	deadline_words(&d, w, sizeof w);
	assert_string_equal(w, "due today (30/09/2026)");
	assert_false(d.overdue);
	assert_int_equal(deadline_after(D(2026, 3, 31), 6, D(2026, 10, 1), 60, &d), 0);
	assert_true(d.overdue && d.shown);
	deadline_words(&d, w, sizeof w);
	assert_string_equal(w, "was due by 30/09/2026: 1 day overdue");
}

static void annual_return_seven_months_after(void **state)
{
	(void)state;
	struct deadline d;
	char w[120];
	/* The Act s.89: 31 March + 7 months is 31 October. On 3 December, 33
	 * days past (the 30 of November and 3 of December). */
	assert_int_equal(deadline_after(D(2026, 3, 31), 7, D(2026, 12, 3), 60, &d), 0);
	same(d.due, D(2026, 10, 31));
	assert_int_equal(d.days_left, -33);
	assert_true(d.overdue);
	deadline_words(&d, w, sizeof w);
	assert_string_equal(w, "was due by 31/10/2026: 33 days overdue");
	/* A year end of 31 December: due 31 July; on 1 July, 30 days left. */
	assert_int_equal(deadline_after(D(2025, 12, 31), 7, D(2026, 7, 1), 60, &d), 0);
	same(d.due, D(2026, 7, 31));
	assert_int_equal(d.days_left, 30);
	assert_true(d.shown && !d.overdue);
	deadline_words(&d, w, sizeof w);
	assert_string_equal(w, "due by 31/07/2026: 30 days left");
	assert_int_equal(deadline_after(D(2025, 2, 29), 7, D(2026, 7, 1), 60, &d), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(year_end_is_the_last_anniversary),
		cmocka_unit_test(agm_six_months_after),
		cmocka_unit_test(annual_return_seven_months_after),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
