/*
 * src/cli/demo_util.c: what the demo's files share (see demo_gen.h): the
 * seeded generator, failures and progress, days, names and addresses of
 * the plan, and the rent a home had on a day.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/repair_rules.h"
#include "coopdesk/zone.h"
#include "demo_data.h"
#include "demo_gen.h"

/* ---- the generator ---------------------------------------------------- */

static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

void rng_seed(struct demo_rng *r, uint64_t seed, uint64_t stream)
{
	uint64_t x = seed ^ (stream * UINT64_C(0xD1B54A32D192ED03));
	r->s = splitmix(&x);
	if (!r->s)
		r->s = UINT64_C(0x2545F4914F6CDD1D);
}

uint64_t rng_next(struct demo_rng *r)
{
	uint64_t x = r->s;
	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	r->s = x;
	return x * UINT64_C(0x2545F4914F6CDD1D);
}

int64_t rng_below(struct demo_rng *r, int64_t n)
{
	return n <= 1 ? 0 : (int64_t)((rng_next(r) >> 11) % (uint64_t)n);
}

int64_t rng_range(struct demo_rng *r, int64_t lo, int64_t hi)
{
	return hi <= lo ? lo : lo + rng_below(r, hi - lo + 1);
}

int rng_chance(struct demo_rng *r, int per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

/* ---- failures and progress ------------------------------------------------ */

static int digits_at(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The message with each ISO date ("2026-11-22") or instant
 * ("2026-11-22T09:30:00Z") the demo's steps name shown as people read it,
 * dd/mm/yyyy (HH:MM, local), into out. */
static void uk_dates(const char *msg, char *out, size_t n)
{
	size_t o = 0;
	while (*msg && o + 1 < n) {
		if (digits_at(msg, 4) && msg[4] == '-' && digits_at(msg + 5, 2) && msg[7] == '-' &&
		    digits_at(msg + 8, 2)) {
			char iso[32], shown[ZONE_TIME_BUFSZ];
			size_t len = 10;
			if (msg[10] == 'T' && strlen(msg) >= 20 && msg[19] == 'Z')
				len = 20;
			snprintf(iso, sizeof iso, "%.*s", (int)len, msg);
			zone_format(iso, shown, sizeof shown);
			o += (size_t)snprintf(out + o, n - o, "%s", shown);
			if (o >= n)
				o = n - 1;
			msg += len;
			continue;
		}
		out[o++] = *msg++;
	}
	out[o] = '\0';
}

int demo_fail(struct demo *d, int rc, const char *fmt, ...)
{
	if (d->errbuf[0])
		return rc;
	char what[600], shown[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	uk_dates(what, shown, sizeof shown);
	snprintf(d->errbuf, sizeof d->errbuf, "%s: %s", shown, db_errmsg(d->db));
	return rc;
}

void demo_progress(struct demo *d, const char *fmt, ...)
{
	if (!d->cfg.progress)
		return;
	char what[600], shown[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	uk_dates(what, shown, sizeof shown);
	fprintf(d->err, "coopdesk demo: %s\n", shown);
	fflush(d->err);
}

/* ---- days ------------------------------------------------------------------ */

void demo_iso(int32_t day, char out[11])
{
	date_format_iso(date_from_days(day), out, 11);
}

int32_t demo_monday_on_or_before(int32_t day)
{
	return day - date_weekday(date_from_days(day));
}

int32_t demo_years_before(int32_t day, int years, int days)
{
	struct date t = date_from_days(day);
	t.y -= years;
	if (t.m == 2 && t.d == 29 && !date_is_leap(t.y))
		t.d = 28;
	return date_to_days(t) - days;
}

void demo_instant(int64_t secs, char out[21])
{
	int64_t day = secs / 86400, s = secs % 86400;
	repair_instant_format(date_from_days((int32_t)day), (int)s, out);
}

int demo_member_on(const struct demo *d, int64_t i, int32_t day)
{
	const struct demo_member *m = &d->members[i];
	return m->entered <= day && (m->ceased == NO_DAY || m->ceased > day);
}

/* The first Monday on or after 1 April of `year`: when rents change. */
static int32_t april_monday(int year)
{
	int32_t first = date_to_days((struct date){ year, 4, 1 });
	int wd = date_weekday(date_from_days(first));
	return first + (wd == 0 ? 0 : 7 - wd);
}

static int increase_tenths(int year)
{
	for (int i = 0; i < DEMO_COUNT(demo_increases); i++)
		if (demo_increases[i].year == year)
			return demo_increases[i].tenths;
	return DEMO_DEFAULT_INCREASE;
}

int64_t demo_rent_on(const struct demo *d, const struct demo_home *h, int32_t day)
{
	int64_t rent = h->rent0;
	int from = date_from_days(d->founded).y, to = date_from_days(day).y;
	for (int y = from; y <= to; y++) {
		int32_t a = april_monday(y);
		if (a > d->founded && a <= day)
			rent = (rent * (1000 + increase_tenths(y)) + 500) / 1000;
	}
	return rent;
}

/* ---- names and addresses ------------------------------------------------- */

void demo_member_name(const struct demo_member *m, char *buf, size_t n)
{
	if (m->whole >= 0)
		snprintf(buf, n, "%s", demo_whole_names[m->whole]);
	else
		snprintf(buf, n, "%s %s", demo_given[m->given], demo_family[m->family]);
}

/* A generated street's parts: its name, code and town. */
static void street_parts(int32_t street, const char **name, const char **code, int *town)
{
	if (street < DEMO_COUNT(demo_streets6)) {
		*name = demo_streets6[street].name;
		*code = demo_streets6[street].code;
		*town = -1;
		return;
	}
	int k = street - DEMO_COUNT(demo_streets6);
	*name = demo_more_streets[k % DEMO_COUNT(demo_more_streets)][0];
	*code = demo_more_streets[k % DEMO_COUNT(demo_more_streets)][1];
	*town = (k / DEMO_COUNT(demo_more_streets)) % DEMO_COUNT(demo_towns);
}

const char *demo_home_street(const struct demo *d, int32_t home, char *buf, size_t n)
{
	const char *name, *code;
	int town;
	street_parts(d->homes[home].street, &name, &code, &town);
	snprintf(buf, n, "%s", name);
	return buf;
}

void demo_home_ref(const struct demo *d, int32_t home, char *buf, size_t n)
{
	const struct demo_home *h = &d->homes[home];
	const char *name, *code;
	int town;
	street_parts(h->street, &name, &code, &town);
	if (town < 0)
		snprintf(buf, n, "%s-%02d", code, (int)h->number);
	else
		snprintf(buf, n, "%s%c-%02d", code, 'A' + town, (int)h->number);
}

void demo_home_address(const struct demo *d, int32_t home, char *buf, size_t n,
		       char *postcode, size_t pn)
{
	const struct demo_home *h = &d->homes[home];
	const char *name, *code;
	int town;
	street_parts(h->street, &name, &code, &town);
	const char *town_name = town < 0 ? "Rochdale" : demo_towns[town][0];
	if (h->kind == KIND_FLAT || h->kind == KIND_BEDSIT)
		snprintf(buf, n, "Flat %d, %s, %s", (int)h->number, name, town_name);
	else
		snprintf(buf, n, "%d %s, %s", (int)h->number, name, town_name);
	if (town < 0) {
		snprintf(postcode, pn, "%s", demo_streets6[h->street].postcode);
	} else {
		int k = h->street;
		const char *L = demo_postcode_letters;
		int nl = (int)sizeof demo_postcode_letters - 1;
		snprintf(postcode, pn, "%s %d%c%c", demo_towns[town][1], 1 + k % 9,
			 L[(k * 7) % nl], L[(k * 13 + 3) % nl]);
	}
}
