/*
 * src/cli/demo_plan.c: the plan of the demo co-op (see demo_gen.h): homes,
 * members and tenancies drawn from seeded generators, and who holds which
 * office; nothing is written yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "demo_data.h"
#include "demo_gen.h"

/* ---- the plan --------------------------------------------------------------- */

static int plan_homes(struct demo *d)
{
	int64_t H = d->cfg.homes;
	int32_t max_streets = DEMO_COUNT(demo_streets6) +
			      DEMO_COUNT(demo_more_streets) * DEMO_COUNT(demo_towns);
	int64_t ns = H <= 360 ? 6 : (H + 59) / 60;
	if (ns > max_streets)
		ns = max_streets;
	d->nstreets = (int32_t)ns;
	d->per_street = (int32_t)((H + ns - 1) / ns);
	d->homes = calloc((size_t)H, sizeof *d->homes);
	if (!d->homes)
		return -1;
	d->nhomes = H;
	for (int64_t i = 0; i < H; i++) {
		struct demo_home *h = &d->homes[i];
		h->street = (int32_t)(i / d->per_street);
		h->number = (int32_t)(i % d->per_street) + 1;
		h->ten[0] = h->ten[1] = -1;
		const char *kind = "house";
		if (h->street < DEMO_COUNT(demo_streets6))
			kind = demo_streets6[h->street].kind;
		else
			kind = demo_kinds[(h->street * 7) % 4];
		for (int k = 0; k < DEMO_COUNT(demo_kinds); k++)
			if (strcmp(kind, demo_kinds[k]) == 0)
				h->kind = (uint8_t)k;
		/* Some variety within a street. */
		if (h->kind == KIND_HOUSE && rng_chance(&d->people, 120))
			h->kind = KIND_BUNGALOW;
		else if (h->kind == KIND_BUNGALOW && rng_chance(&d->people, 250))
			h->kind = KIND_HOUSE;
		else if (h->kind == KIND_FLAT && h->number == 1)
			h->kind = KIND_BEDSIT;
		int beds;
		switch (h->kind) {
		case KIND_HOUSE: beds = (int)rng_range(&d->people, 2, 4); break;
		case KIND_FLAT: beds = (int)rng_range(&d->people, 1, 2); break;
		case KIND_MAISONETTE: beds = (int)rng_range(&d->people, 2, 3); break;
		case KIND_BUNGALOW: beds = (int)rng_range(&d->people, 1, 2); break;
		default: beds = 0; break;
		}
		if (h->kind == KIND_HOUSE && beds == 4 && rng_chance(&d->people, 200))
			beds = 5;
		h->bedrooms = (uint8_t)beds;
		static const int adj[] = { 800, 0, 400, 600, 0 };
		int64_t rent = 8500 + beds * 800 + adj[h->kind] + rng_range(&d->people, 0, 8) * 100;
		h->rent0 = (int32_t)(rent > 13500 ? 13500 : rent);
	}
	return 0;
}

/* Is this name taken already? Only looked for in a co-op of the usual
 * size: a big one has namesakes, as big places do. */
static int name_taken(const struct demo *d, const struct demo_member *m, int64_t upto)
{
	if (upto > 2000)
		return 0;
	for (int64_t i = 0; i < upto; i++) {
		const struct demo_member *o = &d->members[i];
		if (o != m && o->whole == m->whole &&
		    (m->whole >= 0 || (o->given == m->given && o->family == m->family)))
			return 1;
	}
	return 0;
}

/* A fresh name: sometimes a whole name in another script, each used once
 * before any is used again. */
static void random_name(struct demo *d, struct demo_member *m, int64_t upto)
{
	m->whole = -1;
	if (rng_chance(&d->people, 40)) {
		m->whole = (int16_t)(d->next_whole++ % DEMO_COUNT(demo_whole_names));
		return;
	}
	for (int tries = 0; tries < 8; tries++) {
		m->given = (int16_t)rng_below(&d->people, DEMO_COUNT(demo_given));
		m->family = (int16_t)rng_below(&d->people, DEMO_COUNT(demo_family));
		if (!name_taken(d, m, upto))
			return;
	}
}

/* A relative's name: the same family name, most of the time. */
static void family_name(struct demo *d, struct demo_member *m, const struct demo_member *of,
			int per_mille, int64_t upto)
{
	random_name(d, m, upto);
	if (of && of->whole < 0 && m->whole < 0 && rng_chance(&d->people, per_mille)) {
		m->family = of->family;
		for (int tries = 0; tries < 8 && name_taken(d, m, upto); tries++)
			m->given = (int16_t)rng_below(&d->people, DEMO_COUNT(demo_given));
	}
}

static void contact_details(struct demo *d, struct demo_member *m, int young)
{
	m->email = rng_chance(&d->people, young ? 700 : 450)
		   ? (uint8_t)(1 + rng_below(&d->people, DEMO_COUNT(demo_email_domains))) : 0;
	m->phone = rng_chance(&d->people, 600) ? (uint8_t)(1 + rng_below(&d->people, 2)) : 0;
	m->born = NO_DAY;
	if (rng_chance(&d->people, 750)) {
		int span = young ? 12 * 365 : 55 * 365;
		m->born = m->entered - 18 * 366 - (int32_t)rng_range(&d->people, 1, span);
	}
}

/* The pay plan of a tenancy (see enum pay_habit). */
static void plan_pay(struct demo *d, struct demo_tenancy *t)
{
	struct demo_rng *r = &d->rent;
	int64_t u = rng_below(r, 1000);
	t->how = u < 740 ? PAY_WEEKLY : u < 880 ? PAY_FOUR_WEEKLY : PAY_UC;
	t->payday = rng_chance(r, 700) ? 0 : (uint8_t)rng_range(r, 1, 4);
	t->how_word = (uint8_t)rng_below(r, DEMO_COUNT(demo_pay_weekly));
	t->habit = HABIT_GOOD;
	t->adjust_day = NO_DAY;
	if (t->end != NO_DAY) {
		u = rng_below(r, 1000);
		if (u < 250) {
			t->habit = HABIT_LEAVES_ARREARS;
			t->miss_mask = (uint16_t)rng_range(r, 2, 6);
		} else if (u < 400) {
			t->habit = HABIT_CREDIT;
			t->delta = (int16_t)rng_range(r, 100, 500);
		}
		return;
	}
	if (rng_chance(r, 30))
		t->adjust_day = demo_monday_on_or_before(d->today - (int32_t)rng_range(r, 14, 140));
	if (t->how == PAY_UC)
		return;
	u = rng_below(r, 1000);
	if (u < 140) {
		t->habit = HABIT_MISSES;
		int k = (int)rng_range(r, 2, 4);
		while (k > 0) {
			int bit = (int)rng_range(r, 1, 11);
			if (!(t->miss_mask & (1u << bit))) {
				t->miss_mask |= (uint16_t)(1u << bit);
				k--;
			}
		}
	} else if (u < 190) {
		t->habit = HABIT_SHORT;
		t->delta = (int16_t)-rng_range(r, 500, 1500);
	} else if (u < 270) {
		t->habit = HABIT_CREDIT;
		t->delta = (int16_t)rng_range(r, 100, 500);
	}
}

static int plan_tenancies(struct demo *d)
{
	int64_t H = d->nhomes;
	int64_t nvacant = (H * 4 + 30) / 60, nrelet = (H * 4 + 30) / 60;
	if (nvacant + nrelet > H)
		nvacant = nrelet = 0;
	int32_t *perm = malloc((size_t)H * sizeof *perm);
	d->tens = calloc((size_t)(H + nrelet), sizeof *d->tens);
	if (!perm || !d->tens) {
		free(perm);
		return -1;
	}
	for (int64_t i = 0; i < H; i++)
		perm[i] = (int32_t)i;
	for (int64_t i = H - 1; i > 0; i--) {
		int64_t j = rng_below(&d->people, i + 1);
		int32_t x = perm[i];
		perm[i] = perm[j];
		perm[j] = x;
	}
	/* Category of each home: 0 let since the founding, 1 empty now, 2 relet. */
	uint8_t *cat = calloc((size_t)H, 1);
	if (!cat) {
		free(perm);
		return -1;
	}
	for (int64_t i = 0; i < nvacant + nrelet; i++)
		cat[perm[i]] = i < nvacant ? 1 : 2;
	free(perm);

	int32_t span = d->today - d->founded;
	int64_t nt = 0;
	for (int64_t h = 0; h < H; h++) {
		struct demo_tenancy *t = &d->tens[nt];
		t->home = (int32_t)h;
		t->start = d->founded;
		t->end = NO_DAY;
		t->nsig = rng_chance(&d->people, 333) ? 2 : 1;
		t->kind = rng_chance(&d->people, 40);
		if (cat[h] == 1)
			t->end = demo_monday_on_or_before(d->today - 7 * (int32_t)rng_range(&d->people, 2, 20));
		else if (cat[h] == 2)
			t->end = demo_monday_on_or_before(d->founded + (int32_t)rng_range(&d->people, 84,
											 span - 70));
		d->homes[h].ten[0] = (int32_t)nt++;
	}
	for (int64_t h = 0; h < H; h++) {
		if (cat[h] != 2)
			continue;
		const struct demo_tenancy *old = &d->tens[d->homes[h].ten[0]];
		struct demo_tenancy *t = &d->tens[nt];
		t->home = (int32_t)h;
		t->start = old->end + 7 * (int32_t)rng_range(&d->people, 0, 4);
		if (t->start > d->today - 14)
			t->start = old->end;
		t->end = NO_DAY;
		t->nsig = rng_chance(&d->people, 333) ? 2 : 1;
		d->homes[h].ten[1] = (int32_t)nt++;
	}
	free(cat);
	d->ntens = nt;
	for (int64_t i = 0; i < nt; i++)
		plan_pay(d, &d->tens[i]);
	return 0;
}

/* Fewer members than the tenancies need: fewer joint tenancies first, then
 * homes left empty (the latest tenancies are dropped: nsig 0). */
static void fit_members(struct demo *d)
{
	int64_t need = 0;
	for (int64_t i = 0; i < d->ntens; i++)
		need += d->tens[i].nsig;
	for (int64_t i = d->ntens - 1; i >= 0 && need > d->cfg.members; i--)
		if (d->tens[i].nsig == 2) {
			d->tens[i].nsig = 1;
			need--;
		}
	for (int64_t i = d->ntens - 1; i >= 0 && need > d->cfg.members; i--) {
		struct demo_tenancy *t = &d->tens[i];
		need -= t->nsig;
		t->nsig = 0;
		struct demo_home *h = &d->homes[t->home];
		if (h->ten[1] == i)
			h->ten[1] = -1;
		else if (h->ten[0] == i) {
			h->ten[0] = -1;
			if (h->ten[1] >= 0) {   /* its relet goes too */
				need -= d->tens[h->ten[1]].nsig;
				d->tens[h->ten[1]].nsig = 0;
				h->ten[1] = -1;
			}
		}
	}
}

int32_t demo_tenancy_on(const struct demo *d, int32_t home, int32_t day)
{
	const struct demo_home *h = &d->homes[home];
	for (int k = 1; k >= 0; k--) {
		int32_t ti = h->ten[k];
		if (ti < 0)
			continue;
		const struct demo_tenancy *t = &d->tens[ti];
		if (t->start <= day && (t->end == NO_DAY || day < t->end))
			return ti;
	}
	return -1;
}

static int plan_members(struct demo *d)
{
	fit_members(d);
	d->members = calloc((size_t)d->cfg.members, sizeof *d->members);
	if (!d->members)
		return -1;
	int64_t n = 0;
	for (int64_t ti = 0; ti < d->ntens; ti++) {
		struct demo_tenancy *t = &d->tens[ti];
		for (int s = 0; s < t->nsig; s++) {
			struct demo_member *m = &d->members[n];
			m->entered = t->start;
			m->ceased = t->end;
			m->home = t->home;
			m->tenancy = (int32_t)ti;
			m->former_tenant = t->end != NO_DAY;
			if (s == 0)
				random_name(d, m, n);
			else
				family_name(d, m, &d->members[t->sig[0]], 600, n);
			contact_details(d, m, 0);
			t->sig[s] = (int32_t)n++;
		}
		if (t->nsig == 2)
			d->n.joint++;
		t->noccupants = rng_chance(&d->people, 180) ? (uint8_t)rng_range(&d->people, 1, 2) : 0;
	}
	/* The rest: adults of members' households who joined themselves. */
	int32_t span = d->today - d->founded;
	for (; n < d->cfg.members; n++) {
		struct demo_member *m = &d->members[n];
		m->home = (int32_t)rng_below(&d->people, d->nhomes);
		m->tenancy = -1;
		m->entered = rng_chance(&d->people, 300) ? d->founded
			     : d->founded + (int32_t)rng_range(&d->people, 1, span);
		m->ceased = NO_DAY;
		int32_t ti = demo_tenancy_on(d, m->home, m->entered);
		family_name(d, m, ti >= 0 ? &d->members[d->tens[ti].sig[0]] : NULL, 700, n);
		contact_details(d, m, 1);
		if (d->today - m->entered > 90 && rng_chance(&d->people, 80))
			m->ceased = m->entered + (int32_t)rng_range(&d->people, 30, d->today - m->entered - 1);
	}
	d->nmembers = n;
	return 0;
}

/* Officers and the demo's users, from members who were there from the
 * founding and still are. */
static void plan_people(struct demo *d)
{
	int32_t pick[16];
	int np = 0;
	d->chair = d->secretary = d->treasurer = -1;
	d->director_new = d->director_left = d->treasurer_new = -1;
	d->user_board = d->user_volunteer = d->user_member = -1;
	/* Sixteen of them, spread evenly over the register. */
	int64_t eligible = 0, seen = 0;
	for (int pass = 0; pass < 2; pass++) {
		int64_t want = eligible < 16 ? eligible : 16;
		for (int64_t j = 0; j < d->nmembers; j++) {
			const struct demo_member *m = &d->members[j];
			if (m->entered != d->founded || m->ceased != NO_DAY || m->tenancy < 0 ||
			    m->whole >= 0)
				continue;
			if (pass == 0) {
				eligible++;
				continue;
			}
			if (np < want && seen == np * eligible / want)
				pick[np++] = (int32_t)j;
			seen++;
		}
	}
	int k = 0;
	/* The member user first, on a home near the top of the list. */
	if (np > 0)
		d->user_member = pick[k++];
	if (k < np)
		d->chair = pick[k++];
	if (k < np)
		d->secretary = pick[k++];
	if (k < np)
		d->treasurer = pick[k++];
	d->ndirectors = 0;
	while (k < np && d->ndirectors < 4)
		d->directors[d->ndirectors++] = pick[k++];
	if (k < np)
		d->director_new = pick[k++];
	if (k < np)
		d->treasurer_new = pick[k++];
	if (k < np)
		d->user_volunteer = pick[k++];
	if (d->ndirectors > 0)
		d->director_left = d->directors[d->ndirectors - 1];
	/* A co-op too small for all that: any current tenant, else any member. */
	for (int64_t j = 0; j < d->nmembers && d->user_member < 0; j++)
		if (d->members[j].tenancy >= 0 && d->members[j].ceased == NO_DAY)
			d->user_member = (int32_t)j;
	for (int64_t j = 0; j < d->nmembers && d->user_member < 0; j++)
		if (d->members[j].ceased == NO_DAY)
			d->user_member = (int32_t)j;
	d->user_board = d->secretary >= 0 ? d->secretary : d->chair;
	if (d->user_volunteer < 0)
		d->user_volunteer = d->user_member;
	/* The member user's account is a tidy one: paid weekly, on time. */
	if (d->user_member >= 0 && d->members[d->user_member].tenancy >= 0) {
		struct demo_tenancy *t = &d->tens[d->members[d->user_member].tenancy];
		t->how = PAY_WEEKLY;
		t->habit = HABIT_GOOD;
		t->payday = 0;
		t->delta = 0;
		t->how_word = 0;
	}
}

static int cmp_event(const void *a, const void *b)
{
	const struct demo_event *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

static int plan_events(struct demo *d)
{
	int64_t max = 2 * d->nmembers + 2 * d->ntens;
	d->events = malloc((size_t)max * sizeof *d->events);
	if (!d->events)
		return -1;
	int64_t n = 0;
	for (int64_t i = 0; i < d->nmembers; i++) {
		d->events[n++] = (struct demo_event){ d->members[i].entered, (int32_t)i, EV_ADMIT };
		if (d->members[i].ceased != NO_DAY)
			d->events[n++] = (struct demo_event){ d->members[i].ceased, (int32_t)i, EV_CEASE };
	}
	for (int64_t i = 0; i < d->ntens; i++) {
		if (!d->tens[i].nsig)
			continue;
		d->events[n++] = (struct demo_event){ d->tens[i].start, (int32_t)i, EV_START };
		if (d->tens[i].end != NO_DAY)
			d->events[n++] = (struct demo_event){ d->tens[i].end, (int32_t)i, EV_END };
	}
	qsort(d->events, (size_t)n, sizeof *d->events, cmp_event);
	d->nevents = n;
	return 0;
}

int demo_plan(struct demo *d)
{
	if (plan_homes(d) || plan_tenancies(d) || plan_members(d) || plan_events(d)) {
		snprintf(d->errbuf, sizeof d->errbuf, "out of memory while planning the demo co-op");
		return DB_ERROR;
	}
	plan_people(d);
	return DB_OK;
}

void demo_plan_free(struct demo *d)
{
	free(d->homes);
	free(d->members);
	free(d->tens);
	free(d->events);
	d->homes = NULL;
	d->members = NULL;
	d->tens = NULL;
	d->events = NULL;
}
