/* tests/unit/test_rent_calc.c: rent arithmetic (src/core/rent_calc.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/rent_calc.h"

static struct date D(int y, int m, int d)
{
	struct date x = { y, m, d };
	return x;
}

static void assert_date(struct date got, int y, int m, int d)
{
	char a[DATE_BUFSZ], b[DATE_BUFSZ];
	date_format_iso(got, a, sizeof a);
	date_format_iso(D(y, m, d), b, sizeof b);
	assert_string_equal(a, b);
}

static void periods_have_names(void **state)
{
	enum rent_period p = RENT_MONTHLY;
	assert_string_equal(rent_period_name(RENT_FOUR_WEEKLY), "four_weekly");
	assert_string_equal(rent_period_label(RENT_FOUR_WEEKLY), "four-weekly");
	assert_null(rent_period_name((enum rent_period)7));
	assert_string_equal(rent_period_label((enum rent_period)7), "?");
	assert_int_equal(rent_period_parse("four-weekly", &p), 0);
	assert_int_equal(p, RENT_FOUR_WEEKLY);
	assert_int_equal(rent_period_parse("weekly", &p), 0);
	assert_int_equal(p, RENT_WEEKLY);
	assert_int_equal(rent_period_parse("fortnightly", &p), -1);
	assert_int_equal(p, RENT_WEEKLY);
	assert_int_equal(rent_period_parse(NULL, &p), -1);
}

static void iso_dates_are_strict(void **state)
{
	struct date d;
	assert_int_equal(rent_iso_date("2028-02-29", &d), 0);
	assert_date(d, 2028, 2, 29);
	assert_int_equal(rent_iso_date("2026-02-29", &d), -1);
	assert_int_equal(rent_iso_date("2026-2-28", &d), -1);
	assert_int_equal(rent_iso_date("28/02/2026", &d), -1);
	assert_int_equal(rent_iso_date("2026-02-28 ", &d), -1);
	assert_int_equal(rent_iso_date("", &d), -1);
	assert_int_equal(rent_iso_date(NULL, &d), -1);
	assert_int_equal(rent_iso_date("2026-11-22", NULL), 0);
}

static void universal_credit_monthly_equivalent(void **state)
{
	int64_t m = -1;
	/* Weekly £100: × 52 ÷ 12 = £433.33. */
	assert_int_equal(rent_uc_monthly(RENT_WEEKLY, 10000, 0, &m), 0);
	assert_int_equal(m, 43333);
	/* Four-weekly £400: × 13 ÷ 12 = £433.33. */
	assert_int_equal(rent_uc_monthly(RENT_FOUR_WEEKLY, 40000, 0, &m), 0);
	assert_int_equal(m, 43333);
	/* Two rent-free weeks: × 50 ÷ 12 = £416.666… → £416.67. */
	assert_int_equal(rent_uc_monthly(RENT_WEEKLY, 10000, 2, &m), 0);
	assert_int_equal(m, 41667);
	/* Four rent-free weeks: one whole four-week period less, × 12 ÷ 12. */
	assert_int_equal(rent_uc_monthly(RENT_FOUR_WEEKLY, 40000, 4, &m), 0);
	assert_int_equal(m, 40000);
	assert_int_equal(rent_uc_monthly(RENT_FOUR_WEEKLY, 40000, 3, &m), 0);
	assert_int_equal(m, 43333);
	/* Monthly is itself. */
	assert_int_equal(rent_uc_monthly(RENT_MONTHLY, 52500, 2, &m), 0);
	assert_int_equal(m, 52500);
	/* An odd penny rounds half away from zero: 1p × 52 / 12 = 4.33p. */
	assert_int_equal(rent_uc_monthly(RENT_WEEKLY, 1, 0, &m), 0);
	assert_int_equal(m, 4);
	/* Bad input leaves *m alone. */
	m = 7;
	assert_int_equal(rent_uc_monthly(RENT_WEEKLY, 10000, 5, &m), -1);
	assert_int_equal(rent_uc_monthly(RENT_WEEKLY, 10000, -1, &m), -1);
	assert_int_equal(rent_uc_monthly(RENT_WEEKLY, -1, 0, &m), -1);
	assert_int_equal(rent_uc_monthly((enum rent_period)9, 100, 0, &m), -1);
	assert_int_equal(rent_uc_monthly(RENT_WEEKLY, INT64_MAX, 0, &m), -1);
	assert_int_equal(m, 7);
}

static void weekly_equivalents_and_arrears_in_weeks(void **state)
{
	int64_t w;
	assert_int_equal(rent_weekly_equivalent(RENT_WEEKLY, 9550, &w), 0);
	assert_int_equal(w, 9550);
	assert_int_equal(rent_weekly_equivalent(RENT_FOUR_WEEKLY, 40000, &w), 0);
	assert_int_equal(w, 10000);
	/* £433.33 a month × 12 ÷ 52 = £99.9992 → £100.00. */
	assert_int_equal(rent_weekly_equivalent(RENT_MONTHLY, 43333, &w), 0);
	assert_int_equal(w, 10000);
	assert_int_equal(rent_weekly_equivalent((enum rent_period)3, 100, &w), -1);

	/* £250 owed on £100 a week: 2.50 weeks. */
	assert_int_equal(rent_arrears_weeks_x100(25000, RENT_WEEKLY, 10000), 250);
	assert_int_equal(rent_arrears_weeks_x100(25000, RENT_MONTHLY, 43333), 250);
	assert_int_equal(rent_arrears_weeks_x100(25000, RENT_FOUR_WEEKLY, 40000), 250);
	assert_int_equal(rent_arrears_weeks_x100(-7500, RENT_WEEKLY, 10000), -75);
	assert_int_equal(rent_arrears_weeks_x100(25000, RENT_WEEKLY, 0), 0);
	/* A third of a week: 0.333… → 0.33. */
	assert_int_equal(rent_arrears_weeks_x100(3000, RENT_WEEKLY, 9000), 33);

	char buf[32];
	assert_string_equal(rent_weeks_format(250, buf, sizeof buf), "2.50");
	assert_string_equal(rent_weeks_format(-75, buf, sizeof buf), "-0.75");
	assert_string_equal(rent_weeks_format(0, buf, sizeof buf), "0.00");
	assert_string_equal(rent_weeks_format(1205, buf, sizeof buf), "12.05");
	assert_string_equal(rent_weeks_format(INT64_MIN, buf, sizeof buf),
			    "-92233720368547758.08");
}

static void due_dates_count_from_the_start(void **state)
{
	struct date monday = D(2026, 11, 2);
	assert_date(rent_next_due(RENT_WEEKLY, monday, D(2026, 11, 3)), 2026, 11, 9);
	assert_date(rent_next_due(RENT_WEEKLY, monday, D(2026, 11, 9)), 2026, 11, 9);
	assert_date(rent_next_due(RENT_WEEKLY, monday, D(2026, 10, 1)), 2026, 11, 2);
	assert_date(rent_next_due(RENT_FOUR_WEEKLY, D(2026, 1, 5), D(2026, 1, 6)), 2026, 2, 2);
	/* Monthly from the 31st: the month's last day when it is shorter, and
	 * back to the 31st after. */
	struct date jan31 = D(2026, 1, 31);
	assert_date(rent_next_due(RENT_MONTHLY, jan31, D(2026, 2, 1)), 2026, 2, 28);
	assert_date(rent_next_due(RENT_MONTHLY, jan31, D(2026, 3, 1)), 2026, 3, 31);
	assert_date(rent_next_due(RENT_MONTHLY, jan31, D(2026, 4, 1)), 2026, 4, 30);
	assert_date(rent_next_due(RENT_MONTHLY, D(2028, 1, 31), D(2028, 2, 2)), 2028, 2, 29);
	assert_date(rent_next_due(RENT_MONTHLY, D(2026, 11, 15), D(2026, 12, 16)), 2027, 1, 15);
	/* Bad input. */
	assert_false(date_valid(rent_next_due(RENT_WEEKLY, D(2026, 2, 29), D(2026, 3, 1))));
	assert_false(date_valid(rent_next_due((enum rent_period)5, monday, monday)));
}

static void rent_free_weeks_fall_at_the_end_of_the_year(void **state)
{
	assert_true(rent_is_free(RENT_WEEKLY, D(2026, 12, 18), 2));
	assert_true(rent_is_free(RENT_WEEKLY, D(2026, 12, 31), 2));
	assert_false(rent_is_free(RENT_WEEKLY, D(2026, 12, 17), 2));
	assert_false(rent_is_free(RENT_WEEKLY, D(2026, 12, 31), 0));
	assert_true(rent_is_free(RENT_WEEKLY, D(2026, 12, 4), 4));
	assert_false(rent_is_free(RENT_FOUR_WEEKLY, D(2026, 12, 30), 3));
	assert_true(rent_is_free(RENT_FOUR_WEEKLY, D(2026, 12, 4), 4));
	assert_false(rent_is_free(RENT_FOUR_WEEKLY, D(2026, 12, 3), 4));
	assert_false(rent_is_free(RENT_MONTHLY, D(2026, 12, 31), 4));
}

static int64_t sum(const struct rent_due *d, int n)
{
	int64_t s = 0;
	for (int i = 0; i < n; i++)
		s += d[i].amount;
	return s;
}

static void charges_due_over_a_year(void **state)
{
	struct rent_span one = { D(2026, 1, 5), RENT_WEEKLY, 10000 };
	struct rent_due out[64];
	/* Mondays from 5 January to 28 December 2026: 52. */
	int n = rent_charges_due(&one, 1, D(2026, 1, 5), D(2026, 1, 1), D(2026, 12, 31), 0, out, 64);
	assert_int_equal(n, 52);
	assert_date(out[0].due, 2026, 1, 5);
	assert_date(out[51].due, 2026, 12, 28);
	assert_int_equal(sum(out, n), 520000);
	/* Two rent-free weeks: 21 and 28 December are not charged. */
	n = rent_charges_due(&one, 1, D(2026, 1, 5), D(2026, 1, 1), D(2026, 12, 31), 2, out, 64);
	assert_int_equal(n, 50);
	assert_date(out[49].due, 2026, 12, 14);
	/* Every year has exactly N rent-free weeks: 2027 has 52 Mondays. */
	n = rent_charges_due(&one, 1, D(2026, 1, 5), D(2027, 1, 1), D(2027, 12, 31), 2, out, 64);
	assert_int_equal(n, 50);
	n = rent_charges_due(&one, 1, D(2026, 1, 5), D(2027, 1, 1), D(2027, 12, 31), 4, out, 64);
	assert_int_equal(n, 48);
	/* Four-weekly: 13 charges a year, one fewer with 4 rent-free weeks. */
	struct rent_span four = { D(2026, 1, 5), RENT_FOUR_WEEKLY, 40000 };
	n = rent_charges_due(&four, 1, D(2026, 1, 5), D(2026, 1, 5), D(2027, 1, 3), 0, out, 64);
	assert_int_equal(n, 13);
	n = rent_charges_due(&four, 1, D(2026, 1, 5), D(2026, 1, 5), D(2027, 1, 3), 4, out, 64);
	assert_int_equal(n, 12);
	/* Monthly: 12 a year, rent-free weeks do not apply. */
	struct rent_span month = { D(2026, 1, 31), RENT_MONTHLY, 43333 };
	n = rent_charges_due(&month, 1, D(2026, 1, 31), D(2026, 1, 1), D(2026, 12, 31), 2, out, 64);
	assert_int_equal(n, 12);
	assert_date(out[1].due, 2026, 2, 28);
	assert_date(out[11].due, 2026, 12, 31);
}

static void rate_changes_apply_from_their_date(void **state)
{
	struct rent_span spans[] = {
		{ D(2026, 1, 5), RENT_WEEKLY, 10000 },
		{ D(2026, 4, 6), RENT_WEEKLY, 11000 },
	};
	struct rent_due out[64];
	int n = rent_charges_due(spans, 2, D(2026, 1, 5), D(2026, 1, 5), D(2026, 4, 12), 0, out, 64);
	assert_int_equal(n, 14);
	assert_int_equal(out[12].amount, 10000);  /* 30 March */
	assert_date(out[13].due, 2026, 4, 6);
	assert_int_equal(out[13].amount, 11000);
	assert_int_equal(sum(out, n), 13 * 10000 + 11000);

	/* A change in the middle of a week takes effect at the next due date. */
	spans[1].from = D(2026, 4, 8);
	n = rent_charges_due(spans, 2, D(2026, 1, 5), D(2026, 4, 6), D(2026, 4, 13), 0, out, 64);
	assert_int_equal(n, 2);
	assert_int_equal(out[0].amount, 10000);
	assert_int_equal(out[1].amount, 11000);

	/* From weekly to monthly: the monthly schedule (from the same anchor,
	 * the 5th) takes over from the change. */
	struct rent_span change[] = {
		{ D(2026, 1, 5), RENT_WEEKLY, 10000 },
		{ D(2026, 3, 1), RENT_MONTHLY, 43333 },
	};
	n = rent_charges_due(change, 2, D(2026, 1, 5), D(2026, 1, 5), D(2026, 4, 30), 0, out, 64);
	assert_int_equal(n, 10);
	assert_date(out[7].due, 2026, 2, 23);
	assert_date(out[8].due, 2026, 3, 5);
	assert_int_equal(out[8].period, RENT_MONTHLY);
	assert_date(out[9].due, 2026, 4, 5);

	/* No rent before the first rate; £0.00 rates charge nothing. */
	struct rent_span late[] = {
		{ D(2026, 2, 2), RENT_WEEKLY, 0 },
		{ D(2026, 3, 2), RENT_WEEKLY, 5000 },
	};
	n = rent_charges_due(late, 2, D(2026, 1, 5), D(2026, 1, 5), D(2026, 3, 15), 0, out, 64);
	assert_int_equal(n, 2);
	assert_date(out[0].due, 2026, 3, 2);
}

static void a_full_array_continues_from_the_next_day(void **state)
{
	struct rent_span one = { D(2026, 1, 5), RENT_WEEKLY, 10000 };
	struct rent_due out[3];
	int n = rent_charges_due(&one, 1, D(2026, 1, 5), D(2026, 1, 1), D(2026, 3, 1), 0, out, 3);
	assert_int_equal(n, 3);
	assert_date(out[2].due, 2026, 1, 19);
	n = rent_charges_due(&one, 1, D(2026, 1, 5), date_add_days(out[2].due, 1), D(2026, 3, 1),
			     0, out, 3);
	assert_int_equal(n, 3);
	assert_date(out[0].due, 2026, 1, 26);
	/* Nothing due in the range. */
	n = rent_charges_due(&one, 1, D(2026, 1, 5), D(2026, 1, 6), D(2026, 1, 11), 0, out, 3);
	assert_int_equal(n, 0);
}

static void bad_input_is_refused(void **state)
{
	struct rent_span spans[] = {
		{ D(2026, 4, 6), RENT_WEEKLY, 10000 },
		{ D(2026, 1, 5), RENT_WEEKLY, 11000 },
	};
	struct rent_due out[8];
	assert_int_equal(rent_charges_due(spans, 2, D(2026, 1, 5), D(2026, 1, 5),
					  D(2026, 2, 1), 0, out, 8), -1);
	assert_int_equal(rent_charges_due(spans, 1, D(2026, 2, 29), D(2026, 1, 5),
					  D(2026, 2, 1), 0, out, 8), -1);
	assert_int_equal(rent_charges_due(spans, 1, D(2026, 1, 5), D(2026, 1, 5),
					  D(2026, 2, 1), 5, out, 8), -1);
	spans[0].amount = -1;
	assert_int_equal(rent_charges_due(spans, 1, D(2026, 1, 5), D(2026, 1, 5),
					  D(2026, 2, 1), 0, out, 8), -1);
	/* No spans: no rent, not an error. */
	assert_int_equal(rent_charges_due(NULL, 0, D(2026, 1, 5), D(2026, 1, 5),
					  D(2026, 2, 1), 0, out, 8), 0);
}

/* The rent review's rule: exact integers, to the nearest penny, a half
 * penny up; an amount added as it is; what a person types read strictly. */
static void rent_review_rounds_to_the_penny(void **state)
{
	(void)state;
	struct rent_change c;
	char why[160], buf[64];
	int64_t out;
	assert_int_equal(rent_change_parse("3.5%", &c, why, sizeof why), 0);
	assert_int_equal(c.by_percent, 1);
	assert_int_equal(c.percent_x100, 350);
	assert_int_equal(rent_change_apply(9231, &c, &out), 0);
	assert_int_equal(out, 9554);          /* 95.54085 */
	assert_int_equal(rent_change_apply(9500, &c, &out), 0);
	assert_int_equal(out, 9833);          /* 98.325: the half penny goes up */
	assert_int_equal(rent_change_apply(0, &c, &out), 0);
	assert_int_equal(out, 0);
	assert_string_equal(rent_change_format(&c, buf, sizeof buf), "+3.5%");
	assert_int_equal(rent_change_parse(" +0.25 % ", &c, why, sizeof why), 0);
	assert_int_equal(c.percent_x100, 25);
	assert_int_equal(rent_change_apply(200, &c, &out), 0);
	assert_int_equal(out, 201);           /* 2.005 */
	assert_int_equal(rent_change_apply(199, &c, &out), 0);
	assert_int_equal(out, 199);           /* 1.994975 */
	assert_string_equal(rent_change_format(&c, buf, sizeof buf), "+0.25%");
	assert_int_equal(rent_change_parse("-2%", &c, why, sizeof why), 0);
	assert_int_equal(c.percent_x100, -200);
	assert_int_equal(rent_change_apply(10025, &c, &out), 0);
	assert_int_equal(out, 9825);          /* 98.245: half away from zero */
	assert_string_equal(rent_change_format(&c, buf, sizeof buf), "-2%");
	assert_int_equal(rent_change_parse("£2.50", &c, why, sizeof why), 0);
	assert_int_equal(c.by_percent, 0);
	assert_int_equal(c.amount, 250);
	assert_int_equal(rent_change_apply(9231, &c, &out), 0);
	assert_int_equal(out, 9481);
	assert_string_equal(rent_change_format(&c, buf, sizeof buf), "+£2.50 a period");
	assert_int_equal(rent_change_parse("-1", &c, why, sizeof why), 0);
	assert_int_equal(c.amount, -100);
	assert_int_equal(rent_change_apply(50, &c, &out), -1);   /* below £0.00 */
	assert_int_equal(rent_change_parse("100%", &c, why, sizeof why), 0);
	assert_int_equal(rent_change_apply(9231, &c, &out), 0);
	assert_int_equal(out, 18462);

	/* Refused, in words. */
	assert_int_equal(rent_change_parse("3.555%", &c, why, sizeof why), -1);
	assert_string_equal(why, "A percentage has at most two decimals (3.25%)");
	assert_int_equal(rent_change_parse("abc%", &c, why, sizeof why), -1);
	assert_string_equal(why, "Not a percentage: write it as 3.5% or -2%");
	assert_int_equal(rent_change_parse("101%", &c, why, sizeof why), -1);
	assert_int_equal(rent_change_parse("-100%", &c, why, sizeof why), -1);
	assert_int_equal(rent_change_parse("%", &c, why, sizeof why), -1);
	assert_int_equal(rent_change_parse("£12.345", &c, why, sizeof why), -1);
	assert_string_equal(why, "Not a percentage or an amount: write 3.5% or £2.50");
	assert_int_equal(rent_change_parse("£10,000", &c, why, sizeof why), -1);
	assert_int_equal(rent_change_parse("  ", &c, why, sizeof why), -1);
	assert_string_equal(why, "Give a percentage (3.5%) or an amount (£2.50)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(periods_have_names),
		cmocka_unit_test(rent_review_rounds_to_the_penny),
		cmocka_unit_test(iso_dates_are_strict),
		cmocka_unit_test(universal_credit_monthly_equivalent),
		cmocka_unit_test(weekly_equivalents_and_arrears_in_weeks),
		cmocka_unit_test(due_dates_count_from_the_start),
		cmocka_unit_test(rent_free_weeks_fall_at_the_end_of_the_year),
		cmocka_unit_test(charges_due_over_a_year),
		cmocka_unit_test(rate_changes_apply_from_their_date),
		cmocka_unit_test(a_full_array_continues_from_the_next_day),
		cmocka_unit_test(bad_input_is_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
