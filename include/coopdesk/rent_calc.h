/* rent_calc.h: the arithmetic of rent, with no database: periods, the
 * Universal Credit monthly equivalent, arrears in weeks, and which charges
 * fall due between two dates (domain.md "Homes, tenancies and rent").
 *
 * Money is int64_t pence throughout; nothing here uses floating point.
 *
 * The charge schedule
 *   A tenancy's charges fall due in advance, on dates counted from its start
 *   (the anchor):
 *     weekly       the start, then every 7 days;
 *     four-weekly  the start, then every 28 days;
 *     monthly      the same day of each month as the start, or the month's
 *                  last day when it is shorter (start 31 Jan: 28 Feb, 31 Mar).
 *   Each charge is a whole period; there is no part-period (pro rata)
 *   charge at either end: an adjustment on the ledger corrects one.
 *   The rate that applies to a due date is the one in force on that date.
 *   When the period changes, the new schedule (counted from the same
 *   anchor) takes over from the change's effective date.
 *
 * Rent-free weeks (setting rent_free_weeks, 0 to 4)
 *   They are the last weeks of each calendar year: a weekly charge due in
 *   the last 7 x N days of a year (N = 2: 18 to 31 December) is not made.
 *   Weekly dates are 7 days apart, so exactly N charges fall in that window
 *   every year. A four-weekly charge is rent-free only when N is 4 (one
 *   whole period, due 4 to 31 December). Monthly rent has no rent-free
 *   weeks. The Universal Credit equivalent follows the same rule:
 *   weekly x (52 - N) / 12; four-weekly x (13 - N/4) / 12 in whole periods.
 */
#ifndef COOPDESK_RENT_CALC_H
#define COOPDESK_RENT_CALC_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/date.h"

#define RENT_FREE_WEEKS_MAX 4

enum rent_period { RENT_WEEKLY, RENT_FOUR_WEEKLY, RENT_MONTHLY };

/* The schema's word for a period ("weekly", "four_weekly", "monthly"), or
 * NULL for a value outside the enum. */
const char *rent_period_name(enum rent_period p);

/* Words for people: "weekly", "four-weekly", "monthly"; "?" if unknown. */
const char *rent_period_label(enum rent_period p);

/* Parses the schema's word (or the label) into *out; returns 0, or -1 and
 * leaves *out alone. */
int rent_period_parse(const char *s, enum rent_period *out);

/* Strict ISO date "2026-11-22": exactly that shape and a real day (1900 to
 * 2999). Returns 0 and fills *out (may be NULL), else -1. The data layer's
 * dates are all of this form. */
int rent_iso_date(const char *s, struct date *out);

/* The Universal Credit monthly equivalent of a rent of `amount` pence a
 * period, with `rent_free_weeks` (0..4) a year; see above. Rounded to the
 * nearest penny (half away from zero). Returns 0, or -1 for a bad period,
 * a rent-free count outside 0..4, a negative amount, or overflow; *monthly
 * is written only on success. */
int rent_uc_monthly(enum rent_period p, int64_t amount, int rent_free_weeks, int64_t *monthly);

/* The rent a week of a rate: weekly as it is, four-weekly / 4, monthly
 * x 12 / 52, to the nearest penny. Returns 0, or -1 as rent_uc_monthly. */
int rent_weekly_equivalent(enum rent_period p, int64_t amount, int64_t *weekly);

/* Arrears in hundredths of weeks of rent: a balance of £250.00 on a weekly
 * £100.00 gives 250 (2.50 weeks); on a monthly £433.33 it gives about 250
 * too. The sign follows the balance (negative: in credit). 0 when the rent
 * is 0 or the period unknown. */
int64_t rent_arrears_weeks_x100(int64_t balance, enum rent_period p, int64_t amount);

/* Writes weeks x 100 as "2.50" (or "-0.75") into buf; returns buf. */
char *rent_weeks_format(int64_t weeks_x100, char *buf, size_t n);

/* The first due date on or after `on` of the schedule anchored at `anchor`
 * (never before the anchor). {0,0,0} for a bad period or date. */
struct date rent_next_due(enum rent_period p, struct date anchor, struct date on);

/* 1 if a charge of period p due on `due` is rent-free with N rent-free
 * weeks, else 0. */
int rent_is_free(enum rent_period p, struct date due, int rent_free_weeks);

/* A rate in force from `from` until the next span's `from`. */
struct rent_span {
	struct date from;
	enum rent_period period;
	int64_t amount;
};

/* A charge that falls due. */
struct rent_due {
	struct date due;
	enum rent_period period;
	int64_t amount;
};

/* The charges that fall due on the days from..to (both included) of the
 * schedule anchored at `anchor`, with the rates `spans` (sorted by `from`,
 * strictly rising; days before the first span have no rent), leaving out
 * rent-free ones and charges of £0.00. Writes at most `max` into `out`, in
 * date order, and returns how many; when it returns `max` there may be
 * more: call again from the day after the last. Returns -1 for bad input
 * (invalid dates, unsorted spans, a bad period, N outside 0..4). */
int rent_charges_due(const struct rent_span *spans, int nspans, struct date anchor,
		     struct date from, struct date to, int rent_free_weeks,
		     struct rent_due *out, int max);

/* The rent review: one change applied to many rents, as a percentage or
 * as an amount a period (a minus for a decrease).
 *
 * Rounding rule: a percentage's new rent is old x (10000 + p) / 10000, p
 * in hundredths of a percent, worked out exactly in integers and rounded
 * to the nearest penny, a half penny away from zero (upward for a rent):
 * £92.31 + 3.5% = £95.54085 -> £95.54; £2.00 + 0.25% = £2.005 -> £2.01.
 * An amount is added as it is. */
struct rent_change {
	int by_percent;     /* 1: percent_x100 applies; 0: amount does */
	int64_t percent_x100;   /* 350 is 3.5%; -10000 < it <= 10000 */
	int64_t amount;         /* pence a period, + or - */
};

/* Reads what a person typed: "3.5%", "+3.5 %", "-2%" (at most two
 * decimals, more than -100% and at most +100%) or an amount as
 * money_parse reads it ("£2.50", "2.50", "-£1"). Returns 0 and fills *c,
 * or -1 with the reason in words into why (n bytes). */
int rent_change_parse(const char *s, struct rent_change *c, char *why, size_t n);

/* The new rent of `old` pence under c, rounded as above, into *out.
 * Returns 0, or -1 when it would be below £0.00 or overflow (or old < 0). */
int rent_change_apply(int64_t old, const struct rent_change *c, int64_t *out);

/* The change in words: "+3.5%", "-2%", "+£2.50 a period". Returns buf. */
char *rent_change_format(const struct rent_change *c, char *buf, size_t n);

#endif
