/* rent_calc.c: periods, Universal Credit equivalents, arrears in weeks and
 * the charge schedule (see rent_calc.h for the rules). No I/O, no SQL. */
#include "coopdesk/rent_calc.h"

#include <stdio.h>
#include <string.h>

#include "coopdesk/money.h"

static const char *const period_names[] = {
	[RENT_WEEKLY] = "weekly",
	[RENT_FOUR_WEEKLY] = "four_weekly",
	[RENT_MONTHLY] = "monthly",
};

static const char *const period_labels[] = {
	[RENT_WEEKLY] = "weekly",
	[RENT_FOUR_WEEKLY] = "four-weekly",
	[RENT_MONTHLY] = "monthly",
};

static int period_ok(enum rent_period p)
{
	return (unsigned)p <= RENT_MONTHLY;
}

const char *rent_period_name(enum rent_period p)
{
	return period_ok(p) ? period_names[p] : NULL;
}

const char *rent_period_label(enum rent_period p)
{
	return period_ok(p) ? period_labels[p] : "?";
}

int rent_period_parse(const char *s, enum rent_period *out)
{
	if (!s || !out)
		return -1;
	for (int p = RENT_WEEKLY; p <= RENT_MONTHLY; p++) {
		if (strcmp(s, period_names[p]) == 0 || strcmp(s, period_labels[p]) == 0) {
			*out = (enum rent_period)p;
			return 0;
		}
	}
	return -1;
}

int rent_iso_date(const char *s, struct date *out)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	struct date d;
	if (date_parse(s, &d) != DATE_OK)
		return -1;
	if (out)
		*out = d;
	return 0;
}

int rent_uc_monthly(enum rent_period p, int64_t amount, int rent_free_weeks, int64_t *monthly)
{
	if (!period_ok(p) || amount < 0 || rent_free_weeks < 0 ||
	    rent_free_weeks > RENT_FREE_WEEKS_MAX || !monthly)
		return -1;
	int64_t mul, div = 12;
	switch (p) {
	case RENT_WEEKLY:
		mul = 52 - rent_free_weeks;
		break;
	case RENT_FOUR_WEEKLY:
		mul = 13 - rent_free_weeks / 4;  /* whole four-week periods only */
		break;
	default:
		mul = 1;
		div = 1;
		break;
	}
	return money_mul_div(amount, mul, div, monthly) == MONEY_OK ? 0 : -1;
}

int rent_weekly_equivalent(enum rent_period p, int64_t amount, int64_t *weekly)
{
	if (!period_ok(p) || amount < 0 || !weekly)
		return -1;
	int64_t mul = 1, div = 1;
	if (p == RENT_FOUR_WEEKLY)
		div = 4;
	else if (p == RENT_MONTHLY)
		mul = 12, div = 52;
	return money_mul_div(amount, mul, div, weekly) == MONEY_OK ? 0 : -1;
}

int64_t rent_arrears_weeks_x100(int64_t balance, enum rent_period p, int64_t amount)
{
	int64_t weekly;
	if (rent_weekly_equivalent(p, amount, &weekly) != 0)
		return 0;
	return money_weeks_x100(balance, weekly);
}

char *rent_weeks_format(int64_t weeks_x100, char *buf, size_t n)
{
	if (!buf || n == 0)
		return buf;
	uint64_t mag = weeks_x100 < 0 ? (uint64_t)0 - (uint64_t)weeks_x100 : (uint64_t)weeks_x100;
	snprintf(buf, n, "%s%llu.%02llu", weeks_x100 < 0 ? "-" : "",
		 (unsigned long long)(mag / 100), (unsigned long long)(mag % 100));
	return buf;
}

/* The anchor moved on by k months, on its day or the month's last. */
static struct date add_months(struct date a, int32_t k)
{
	int32_t m0 = (int32_t)(a.m - 1) + k;
	struct date r;
	r.y = a.y + (int)(m0 / 12);
	r.m = (int)(m0 % 12) + 1;
	int dim = date_days_in_month(r.y, r.m);
	r.d = a.d < dim ? a.d : dim;
	return r;
}

struct date rent_next_due(enum rent_period p, struct date anchor, struct date on)
{
	static const struct date none = { 0, 0, 0 };
	int32_t da = date_to_days(anchor), dd = date_to_days(on);
	if (!period_ok(p) || da == DATE_NO_DAY || dd == DATE_NO_DAY)
		return none;
	if (dd <= da)
		return anchor;
	if (p != RENT_MONTHLY) {
		int32_t step = p == RENT_WEEKLY ? 7 : 28;
		int32_t k = (dd - da + step - 1) / step;
		return date_from_days(da + k * step);
	}
	int32_t k = (int32_t)(on.y - anchor.y) * 12 + (on.m - anchor.m);
	if (k < 0)
		k = 0;
	struct date r = add_months(anchor, k);
	if (date_cmp(r, on) < 0)
		r = add_months(anchor, k + 1);
	return date_valid(r) ? r : none;
}

int rent_is_free(enum rent_period p, struct date due, int rent_free_weeks)
{
	int days;
	if (p == RENT_WEEKLY)
		days = 7 * rent_free_weeks;
	else if (p == RENT_FOUR_WEEKLY)
		days = 28 * (rent_free_weeks / 4);
	else
		return 0;
	if (days <= 0 || !date_valid(due))
		return 0;
	struct date last = { due.y, 12, 31 };
	return date_to_days(last) - date_to_days(due) < days;
}

int rent_charges_due(const struct rent_span *spans, int nspans, struct date anchor,
		     struct date from, struct date to, int rent_free_weeks,
		     struct rent_due *out, int max)
{
	int32_t a = date_to_days(anchor), f = date_to_days(from), t = date_to_days(to);
	if (a == DATE_NO_DAY || f == DATE_NO_DAY || t == DATE_NO_DAY || nspans < 0 ||
	    (nspans > 0 && !spans) || max < 0 || (max > 0 && !out) ||
	    rent_free_weeks < 0 || rent_free_weeks > RENT_FREE_WEEKS_MAX)
		return -1;
	for (int i = 0; i < nspans; i++) {
		if (!period_ok(spans[i].period) || spans[i].amount < 0 ||
		    date_to_days(spans[i].from) == DATE_NO_DAY)
			return -1;
		if (i > 0 && date_to_days(spans[i].from) <= date_to_days(spans[i - 1].from))
			return -1;
	}
	int n = 0;
	for (int i = 0; i < nspans; i++) {
		int32_t s_from = date_to_days(spans[i].from);
		int32_t s_to = i + 1 < nspans ? date_to_days(spans[i + 1].from) - 1 : t;
		if (s_from < f)
			s_from = f;
		if (s_to > t)
			s_to = t;
		if (s_from > s_to)
			continue;
		struct date d = rent_next_due(spans[i].period, anchor, date_from_days(s_from));
		while (date_valid(d) && date_to_days(d) <= s_to) {
			if (spans[i].amount > 0 && !rent_is_free(spans[i].period, d, rent_free_weeks)) {
				if (n == max)
					return n;
				out[n].due = d;
				out[n].period = spans[i].period;
				out[n].amount = spans[i].amount;
				n++;
			}
			d = rent_next_due(spans[i].period, anchor, date_add_days(d, 1));
		}
	}
	return n;
}

/* ---- the rent review ------------------------------------------------------------ */

int rent_change_parse(const char *s, struct rent_change *c, char *why, size_t n)
{
	const char *p = s ? s : "";
	while (*p == ' ')
		p++;
	size_t len = strlen(p);
	while (len && p[len - 1] == ' ')
		len--;
	if (!len) {
		snprintf(why, n, "Give a percentage (3.5%%) or an amount (£2.50)");
		return -1;
	}
	if (p[len - 1] != '%') {
		char buf[64];
		int64_t pence;
		if (len >= sizeof buf || (snprintf(buf, sizeof buf, "%.*s", (int)len, p),
					  money_parse(buf, &pence) != MONEY_OK)) {
			snprintf(why, n, "Not a percentage or an amount: write 3.5%% or £2.50");
			return -1;
		}
		if (pence <= -1000000 || pence >= 1000000) {
			snprintf(why, n, "A change of a rent is less than £10,000 either way");
			return -1;
		}
		*c = (struct rent_change){ .by_percent = 0, .amount = pence };
		return 0;
	}
	len--;
	while (len && p[len - 1] == ' ')
		len--;
	size_t i = 0;
	int neg = 0;
	if (i < len && (p[i] == '+' || p[i] == '-'))
		neg = p[i++] == '-';
	int64_t whole = 0, frac = 0;
	int ndigits = 0, nfrac = 0;
	while (i < len && p[i] >= '0' && p[i] <= '9' && ndigits < 6) {
		whole = whole * 10 + (p[i++] - '0');
		ndigits++;
	}
	if (i < len && p[i] == '.') {
		i++;
		while (i < len && p[i] >= '0' && p[i] <= '9' && nfrac < 3) {
			frac = frac * 10 + (p[i++] - '0');
			nfrac++;
		}
	}
	if (i != len || (ndigits == 0 && nfrac == 0) || nfrac > 2) {
		snprintf(why, n, nfrac > 2 ? "A percentage has at most two decimals (3.25%%)"
					   : "Not a percentage: write it as 3.5%% or -2%%");
		return -1;
	}
	int64_t x100 = whole * 100 + (nfrac == 1 ? frac * 10 : frac);
	if (neg)
		x100 = -x100;
	if (x100 <= -10000 || x100 > 10000) {
		snprintf(why, n, "A rent review changes a rent by more than -100%% and at most +100%%");
		return -1;
	}
	*c = (struct rent_change){ .by_percent = 1, .percent_x100 = x100 };
	return 0;
}

int rent_change_apply(int64_t old, const struct rent_change *c, int64_t *out)
{
	int64_t v;
	if (old < 0 || !c || !out)
		return -1;
	if (c->by_percent) {
		if (money_mul_div(old, 10000 + c->percent_x100, 10000, &v) != MONEY_OK)
			return -1;
	} else {
		if (c->amount > MONEY_MAX - old)
			return -1;
		v = old + c->amount;
	}
	if (v < 0)
		return -1;
	*out = v;
	return 0;
}

char *rent_change_format(const struct rent_change *c, char *buf, size_t n)
{
	if (c->by_percent) {
		int64_t a = c->percent_x100 < 0 ? -c->percent_x100 : c->percent_x100;
		if (a % 100 == 0)
			snprintf(buf, n, "%c%lld%%", c->percent_x100 < 0 ? '-' : '+', (long long)(a / 100));
		else if (a % 10 == 0)
			snprintf(buf, n, "%c%lld.%lld%%", c->percent_x100 < 0 ? '-' : '+',
				 (long long)(a / 100), (long long)(a % 100 / 10));
		else
			snprintf(buf, n, "%c%lld.%02lld%%", c->percent_x100 < 0 ? '-' : '+',
				 (long long)(a / 100), (long long)(a % 100));
	} else {
		char m[MONEY_BUFSZ];
		money_format(c->amount < 0 ? -c->amount : c->amount, m, sizeof m);
		snprintf(buf, n, "%c%s a period", c->amount < 0 ? '-' : '+', m);
	}
	return buf;
}
