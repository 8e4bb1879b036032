/*
 * src/core/deadlines.c: the AGM and the annual return counted from the
 * financial year end: pure date arithmetic on the settings' numbers.
 */
#include <stdio.h>

#include "coopdesk/deadlines.h"
#include "coopdesk/meeting_rules.h"

struct date deadline_year_end(struct date year_end, struct date today)
{
	struct date none = { 0, 0, 0 };
	if (!date_valid(year_end) || !date_valid(today))
		return none;
	struct date e = rule_add_months(year_end, 12 * (today.y - year_end.y));
	if (date_valid(e) && date_cmp(e, today) > 0)
		e = rule_add_months(year_end, 12 * (today.y - year_end.y - 1));
	return date_valid(e) ? e : none;
}

int deadline_after(struct date year_end, int months, struct date today, int warn_days,
		   struct deadline *out)
{
	struct date due = rule_add_months(year_end, months);
	if (!date_valid(year_end) || !date_valid(today) || !date_valid(due))
		return -1;
	out->year_end = year_end;
	out->due = due;
	out->days_left = date_to_days(due) - date_to_days(today);
	out->overdue = out->days_left < 0;
	out->shown = out->days_left <= warn_days;
	return 0;
}

void deadline_words(const struct deadline *d, char *buf, size_t n)
{
	char due[DATE_BUFSZ];
	date_format_uk(d->due, due, sizeof due);
	if (d->days_left > 0)
		snprintf(buf, n, "due by %s: %ld day%s left", due, (long)d->days_left,
			 d->days_left == 1 ? "" : "s");
	else if (d->days_left == 0)
		snprintf(buf, n, "due today (%s)", due);
	else
		snprintf(buf, n, "was due by %s: %ld day%s overdue", due, (long)-d->days_left,
			 d->days_left == -1 ? "" : "s");
}
