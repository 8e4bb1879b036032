/*
 * src/core/repair_rules.c: the rules of repairs, pure: status moves,
 * targets, Right to Repair, instants. Numbers come from the caller.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/repair_rules.h"
#include "coopdesk/zone.h"

#define DAY_SECS 86400

static const char *const status_names[REPAIR_STATUS_COUNT] = {
	"reported", "triaged", "assigned", "in_progress", "completed", "closed", "cancelled",
};
static const char *const status_labels[REPAIR_STATUS_COUNT] = {
	"reported", "triaged", "assigned", "in progress", "completed", "closed", "cancelled",
};
static const char *const priority_names[] = { "", "emergency", "urgent", "routine", "planned" };
static const char *const damp_names[] = { "", "emergency", "significant" };

/* What comes next for a repair in each status, said when a move is refused. */
static const char *const next_moves[REPAIR_STATUS_COUNT] = {
	"a reported repair is triaged next (or cancelled)",
	"a triaged repair is assigned to a contractor next (or cancelled)",
	("an assigned repair is started (in progress) next, given to another contractor,"
	 " or cancelled"),
	"a repair in progress is completed next (or cancelled)",
	"a completed repair is closed next, or reopened (to reported or triaged)",
	"a closed repair can only be reopened (to reported or triaged)",
	"a cancelled repair cannot be moved on: report it again as a new repair",
};

const char *repair_status_name(enum repair_status s)
{
	return (unsigned)s < REPAIR_STATUS_COUNT ? status_names[s] : "";
}

const char *repair_status_label(enum repair_status s)
{
	return (unsigned)s < REPAIR_STATUS_COUNT ? status_labels[s] : "";
}

const char *repair_priority_name(enum repair_priority p)
{
	return (p >= REPAIR_EMERGENCY && p <= REPAIR_PLANNED) ? priority_names[p] : "";
}

const char *repair_damp_name(enum repair_damp d)
{
	return (d >= REPAIR_DAMP_NONE && d <= REPAIR_DAMP_SIGNIFICANT) ? damp_names[d] : "";
}

enum repair_status repair_status_parse(const char *s)
{
	for (int i = 0; s && i < REPAIR_STATUS_COUNT; i++)
		if (strcmp(s, status_names[i]) == 0 || strcmp(s, status_labels[i]) == 0)
			return (enum repair_status)i;
	return REPAIR_NO_STATUS;
}

enum repair_priority repair_priority_parse(const char *s)
{
	for (int i = REPAIR_EMERGENCY; s && i <= REPAIR_PLANNED; i++)
		if (strcmp(s, priority_names[i]) == 0)
			return (enum repair_priority)i;
	return REPAIR_PRIORITY_NONE;
}

int repair_damp_parse(const char *s)
{
	if (!s || !*s)
		return REPAIR_DAMP_NONE;
	for (int i = REPAIR_DAMP_EMERGENCY; i <= REPAIR_DAMP_SIGNIFICANT; i++)
		if (strcmp(s, damp_names[i]) == 0)
			return i;
	return -1;
}

int repair_status_is_open(enum repair_status s)
{
	return s == REPAIR_REPORTED || s == REPAIR_TRIAGED || s == REPAIR_ASSIGNED ||
	       s == REPAIR_IN_PROGRESS;
}

int repair_move_reopens(enum repair_status from, enum repair_status to)
{
	return (from == REPAIR_COMPLETED || from == REPAIR_CLOSED) &&
	       (to == REPAIR_REPORTED || to == REPAIR_TRIAGED);
}

const char *repair_move_refusal(enum repair_status from, enum repair_status to)
{
	if ((unsigned)from >= REPAIR_STATUS_COUNT || (unsigned)to >= REPAIR_STATUS_COUNT)
		return "that is not a status a repair can have";
	if (repair_move_reopens(from, to))
		return NULL;
	if (to == REPAIR_CANCELLED && repair_status_is_open(from))
		return NULL;
	if (from == REPAIR_ASSIGNED && to == REPAIR_ASSIGNED)
		return NULL;
	if (from != REPAIR_CANCELLED && from != REPAIR_CLOSED && to == from + 1)
		return NULL;
	return next_moves[from];
}

int repair_rtr_qualifies(const struct repair_rules *rules, int rtr_days, int has_cost,
			 int64_t cost_pence)
{
	if (rules->rtr_off)
		return 0;
	if (rtr_days != 1 && rtr_days != 3 && rtr_days != 7)
		return 0;
	return !has_cost || cost_pence <= rules->rtr_max_cost;
}

int64_t repair_rtr_compensation(const struct repair_rules *rules, int days_late)
{
	if (days_late <= 0)
		return 0;
	int64_t due = rules->rtr_comp_base + rules->rtr_comp_per_day * (int64_t)days_late;
	return due < rules->rtr_comp_cap ? due : rules->rtr_comp_cap;
}

/* Reads exactly `n` digits at *p into *out, advancing *p. */
static int digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return -1;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

int repair_instant_parse(const char *s, struct date *day, int *secs)
{
	struct date d;
	int hh, mm, ss = 0;
	const char *p = s;
	if (!p || digits(&p, 4, &d.y) || *p++ != '-' || digits(&p, 2, &d.m) || *p++ != '-' ||
	    digits(&p, 2, &d.d) || (*p != 'T' && *p != ' '))
		return -1;
	p++;
	if (digits(&p, 2, &hh) || *p++ != ':' || digits(&p, 2, &mm))
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &ss))
			return -1;
		if (*p == '.') {
			p++;
			if (*p < '0' || *p > '9')
				return -1;
			while (*p >= '0' && *p <= '9')
				p++;
		}
	}
	if (*p == 'Z')
		p++;
	if (*p || !date_valid(d) || hh > 23 || mm > 59 || ss > 59)
		return -1;
	if (day)
		*day = d;
	if (secs)
		*secs = hh * 3600 + mm * 60 + ss;
	return 0;
}

void repair_instant_format(struct date day, int secs, char out[REPAIR_INSTANT_LEN])
{
	char iso[DATE_BUFSZ];
	unsigned s = secs < 0 ? 0u : secs >= DAY_SECS ? DAY_SECS - 1u : (unsigned)secs;
	date_format_iso(day, iso, sizeof iso);
	snprintf(out, REPAIR_INSTANT_LEN, "%.10sT%02u:%02u:%02uZ", iso, s / 3600 % 24,
		 s / 60 % 60, s % 60);
}

/* A candidate deadline as seconds since 1970 (a date: the end of its
 * local day), and how to write it: an instant, or its local date. */
struct deadline {
	int64_t at;
	int timed;
	struct date day;
};

static struct deadline in_hours(struct date d, int secs, int hours)
{
	struct deadline x = { (int64_t)date_to_days(d) * DAY_SECS + secs + (int64_t)hours * 3600, 1,
			      { 0, 0, 0 } };
	return x;
}

/* The working-day count starts from `local`, the local day of the report. */
static struct deadline in_working_days(struct date local, int days, const struct holidays *h)
{
	struct date due = date_add_working_days(local, days, h);
	struct deadline x = { INT64_MAX, 0, due };
	time_t next = date_valid(due) ? zone_day_start(date_add_days(due, 1)) : (time_t)-1;
	if (next != (time_t)-1)
		x.at = (int64_t)next - 1;
	return x;
}

/* The local day of the instant day + secs (UTC). */
static struct date local_day(struct date d, int secs)
{
	return zone_date_of((time_t)((int64_t)date_to_days(d) * DAY_SECS + secs));
}

static int priority_days(const struct repair_rules *r, enum repair_priority p)
{
	return p == REPAIR_URGENT ? r->urgent_days : p == REPAIR_ROUTINE ? r->routine_days
							   : r->planned_days;
}

static int valid_input(const struct repair_target_in *in, struct date *d, int *secs)
{
	return in && repair_instant_parse(in->reported_at, d, secs) == 0 &&
	       in->priority >= REPAIR_EMERGENCY && in->priority <= REPAIR_PLANNED &&
	       (in->rtr_days == 0 || in->rtr_days == 1 || in->rtr_days == 3 || in->rtr_days == 7) &&
	       in->damp >= REPAIR_DAMP_NONE && in->damp <= REPAIR_DAMP_SIGNIFICANT;
}

int repair_target(const struct repair_rules *rules, const struct holidays *h,
		  const struct repair_target_in *in, char out[REPAIR_INSTANT_LEN])
{
	struct date d;
	int secs;
	out[0] = '\0';
	if (!valid_input(in, &d, &secs))
		return -1;
	struct date local = local_day(d, secs);
	struct deadline best = in->priority == REPAIR_EMERGENCY
		? in_hours(d, secs, rules->emergency_hours)
		: in_working_days(local, priority_days(rules, in->priority), h);
	struct deadline c;
	if (repair_rtr_qualifies(rules, in->rtr_days, in->has_cost, in->cost_pence)) {
		c = in_working_days(local, in->rtr_days, h);
		if (c.at < best.at)
			best = c;
	}
	if (in->damp != REPAIR_DAMP_NONE && !rules->awaab_off) {
		c = in->damp == REPAIR_DAMP_EMERGENCY
			? in_hours(d, secs, rules->damp_emergency_hours)
			: in_working_days(local, rules->damp_investigate_days, h);
		if (c.at < best.at)
			best = c;
	}
	if (best.at == INT64_MAX)
		return -1;
	if (best.timed) {
		struct date due = date_from_days((int32_t)(best.at / DAY_SECS));
		repair_instant_format(due, (int)(best.at % DAY_SECS), out);
	} else {
		char iso[DATE_BUFSZ];
		snprintf(out, REPAIR_INSTANT_LEN, "%s", date_format_iso(best.day, iso, sizeof iso));
	}
	return 0;
}

int repair_rtr_due(const struct repair_rules *rules, const struct holidays *h,
		   const struct repair_target_in *in, char out[REPAIR_DATE_LEN])
{
	struct date d;
	int secs;
	char iso[DATE_BUFSZ];
	out[0] = '\0';
	if (!valid_input(in, &d, &secs))
		return -1;
	if (!repair_rtr_qualifies(rules, in->rtr_days, in->has_cost, in->cost_pence))
		return 0;
	struct date due = date_add_working_days(local_day(d, secs), in->rtr_days, h);
	if (!date_valid(due))
		return -1;
	snprintf(out, REPAIR_DATE_LEN, "%s", date_format_iso(due, iso, sizeof iso));
	return 0;
}

int repair_target_passed(const char *target_at, const char *now, const char *today)
{
	if (!target_at || !now || !today)
		return 0;
	size_t n = strlen(target_at);
	if (n == 10)
		return strcmp(target_at, today) < 0;
	if (n == REPAIR_INSTANT_LEN - 1)
		return strcmp(target_at, now) < 0;
	return 0;
}

int repair_damp_due(const struct repair_rules *rules, const struct holidays *h,
		    const char *investigated_on, char summary_due[REPAIR_DATE_LEN],
		    char safety_due[REPAIR_DATE_LEN])
{
	struct date d;
	char iso[DATE_BUFSZ];
	summary_due[0] = safety_due[0] = '\0';
	if (!investigated_on || date_parse(investigated_on, &d) != DATE_OK)
		return -1;
	struct date a = date_add_working_days(d, rules->damp_summary_days, h);
	struct date b = date_add_working_days(d, rules->damp_safety_days, h);
	if (!date_valid(a) || !date_valid(b))
		return -1;
	snprintf(summary_due, REPAIR_DATE_LEN, "%s", date_format_iso(a, iso, sizeof iso));
	snprintf(safety_due, REPAIR_DATE_LEN, "%s", date_format_iso(b, iso, sizeof iso));
	return 0;
}

int repair_rtr_season_days(int days, int summer_days, const char *reported_on)
{
	struct date d;
	if (!reported_on || date_parse(reported_on, &d) != DATE_OK)
		return 0;
	if (summer_days && d.m >= 5 && d.m <= 10)
		return summer_days;
	return days;
}

int repair_rtr_second_due(const struct holidays *h, int rtr_days, const char *requested_on,
			  char out[REPAIR_DATE_LEN])
{
	struct date d;
	char iso[DATE_BUFSZ];
	out[0] = '\0';
	if ((rtr_days != 1 && rtr_days != 3 && rtr_days != 7) || !requested_on ||
	    date_parse(requested_on, &d) != DATE_OK)
		return -1;
	struct date due = date_add_working_days(d, rtr_days, h);
	if (!date_valid(due))
		return -1;
	snprintf(out, REPAIR_DATE_LEN, "%s", date_format_iso(due, iso, sizeof iso));
	return 0;
}

static const char *const how_names[] = { "", "phone", "in_person", "email", "inspection" };
static const char *const how_labels[] = { "", "phone", "in person", "email", "inspection" };
static const char *const category_names[] = {
	"", "plumbing", "heating", "electrical", "damp_mould", "doors_windows", "roof", "drains",
	"structure", "other",
};
static const char *const category_labels[] = {
	"", "plumbing", "heating", "electrical", "damp and mould", "doors and windows", "roof",
	"drains", "structure", "other",
};
_Static_assert(sizeof how_names / sizeof how_names[0] == REPAIR_HOW_COUNT, "how names");
_Static_assert(sizeof category_names / sizeof category_names[0] == REPAIR_CATEGORY_COUNT,
	       "category names");

static const char *pick(const char *const *t, int n, int i)
{
	return i >= 0 && i < n ? t[i] : "";
}

static int find(const char *const *t, int n, const char *s)
{
	if (!s || !*s)
		return 0;
	for (int i = 1; i < n; i++)
		if (strcmp(s, t[i]) == 0)
			return i;
	return -1;
}

const char *repair_how_name(enum repair_how h)
{
	return pick(how_names, REPAIR_HOW_COUNT, (int)h);
}

const char *repair_how_label(enum repair_how h)
{
	return pick(how_labels, REPAIR_HOW_COUNT, (int)h);
}

int repair_how_parse(const char *s)
{
	return find(how_names, REPAIR_HOW_COUNT, s);
}

const char *repair_category_name(enum repair_category c)
{
	return pick(category_names, REPAIR_CATEGORY_COUNT, (int)c);
}

const char *repair_category_label(enum repair_category c)
{
	return pick(category_labels, REPAIR_CATEGORY_COUNT, (int)c);
}

int repair_category_parse(const char *s)
{
	return find(category_names, REPAIR_CATEGORY_COUNT, s);
}

int repair_working_days_late(const char *target_at, const char *today, const struct holidays *h)
{
	struct date due, d;
	if (!target_at || !today || zone_date(target_at, &due) != 0 ||
	    date_parse(today, &d) != DATE_OK)
		return 0;
	int n = date_working_days_between(due, d, h);
	return n > 0 ? n : 0;
}
