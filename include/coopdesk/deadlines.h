/*
 * coopdesk/deadlines.h: the co-op's yearly deadlines counted from the end
 * of its financial year (domain.md; the settings financial_year_end,
 * agm_months, annual_return_months): the AGM, usually within 6 months of
 * the year end, and the annual return to the FCA, within 7 months (the
 * Act s.89). Pure: no I/O, no SQL.
 */
#ifndef COOPDESK_DEADLINES_H
#define COOPDESK_DEADLINES_H

#include <stdint.h>

#include "coopdesk/date.h"

/* The year end a deadline now runs from: the latest anniversary of
 * `year_end` (its day and month; 29 February is 28 February in a year
 * without one) on or before `today`. {0,0,0} for an invalid date. */
struct date deadline_year_end(struct date year_end, struct date today);

struct deadline {
	struct date year_end;    /* the year end it follows */
	struct date due;         /* `months` after it (rule_add_months) */
	int32_t days_left;       /* due - today: 0 on the day, negative when past */
	int shown;               /* 1 from `warn_days` before the due day, and when past */
	int overdue;             /* 1 when the due day has passed */
};

/* The deadline `months` after `year_end` as it stands on `today`, shown
 * from `warn_days` days before. -1 for an invalid date, else 0. */
int deadline_after(struct date year_end, int months, struct date today, int warn_days,
		   struct deadline *out);

/* "due by 30/09/2026: 12 days left", "due today (30/09/2026)", "was due by
 * 31/10/2026: 33 days overdue" into buf. */
void deadline_words(const struct deadline *d, char *buf, size_t n);

#endif
