/*
 * src/cli/demo_people.c: the plan played through the data layer: homes
 * and their rents, then week by week from the founding to today, members
 * admitted and ceasing, tenancies starting and ending, the rent run and
 * the payments of that week (see demo_gen.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/rent.h"
#include "coopdesk/shares.h"
#include "coopdesk/tenancies.h"
#include "demo_data.h"
#include "demo_gen.h"

static void home_notes(const struct demo_home *h, int64_t i, char *buf, size_t n)
{
	buf[0] = '\0';
	if (h->kind == KIND_BUNGALOW && i % 3 == 0)
		snprintf(buf, n, "Level access; grab rails in the bathroom.");
	else if (h->kind == KIND_HOUSE && i % 7 == 2)
		snprintf(buf, n, "Combi boiler fitted 2019. Loft insulated to 270 mm.");
	else if (h->kind == KIND_FLAT && i % 5 == 1)
		snprintf(buf, n, "Second floor; no lift. Shared bin store at the back.");
}

int demo_homes(struct demo *d)
{
	struct home h;
	char day[DATE_BUFSZ];
	for (int64_t i = 0; i < d->nhomes; i++) {
		struct demo_home *p = &d->homes[i];
		memset(&h, 0, sizeof h);
		demo_home_ref(d, (int32_t)i, h.ref, sizeof h.ref);
		demo_home_address(d, (int32_t)i, h.address, sizeof h.address, h.postcode,
				  sizeof h.postcode);
		demo_home_street(d, (int32_t)i, h.street, sizeof h.street);
		snprintf(h.kind, sizeof h.kind, "%s", demo_kinds[p->kind]);
		h.bedrooms = p->bedrooms;
		home_notes(p, i, h.notes, sizeof h.notes);
		int rc = home_create(d->db, &d->who, &h);
		if (rc)
			return demo_fail(d, rc, "adding the home %s", h.ref);
		p->id = h.id;
		/* The rent from the start of the rent history, then each April. */
		demo_iso(d->rent_from, day);
		rc = rent_rate_set(d->db, &d->who, p->id, day, RENT_WEEKLY,
				   demo_rent_on(d, p, d->rent_from));
		int y0 = date_from_days(d->rent_from).y, y1 = date_from_days(d->today).y;
		for (int y = y0; !rc && y <= y1; y++) {
			int32_t a = date_to_days((struct date){ y, 4, 1 });
			int wd = date_weekday(date_from_days(a));
			a += wd == 0 ? 0 : 7 - wd;
			if (a <= d->rent_from || a > d->today)
				continue;
			demo_iso(a, day);
			rc = rent_rate_set(d->db, &d->who, p->id, day, RENT_WEEKLY, demo_rent_on(d, p, a));
		}
		if (rc)
			return demo_fail(d, rc, "setting the rent of %s from %s", h.ref, day);
		if (i > 0 && i % 5000 == 0)
			demo_progress(d, "%lld homes", (long long)i);
	}
	return DB_OK;
}

/* ---- members ------------------------------------------------------------------ */

static int admit(struct demo *d, int64_t i)
{
	struct demo_member *p = &d->members[i];
	static struct member m;
	char day[DATE_BUFSZ];
	memset(&m, 0, sizeof m);
	demo_member_name(p, m.name, sizeof m.name);
	demo_home_address(d, p->home, m.address, sizeof m.address, m.postcode, sizeof m.postcode);
	if (p->email) {
		const char *dom = demo_email_domains[p->email - 1];
		if (p->whole >= 0)
			snprintf(m.email, sizeof m.email, "%s@%s", demo_whole_ascii[p->whole], dom);
		else if (i % 5 == 3)
			snprintf(m.email, sizeof m.email, "%s%s%02d@%s", demo_given_ascii[p->given],
				 demo_family_ascii[p->family], (int)(i % 97), dom);
		else
			snprintf(m.email, sizeof m.email, "%s.%s@%s", demo_given_ascii[p->given],
				 demo_family_ascii[p->family], dom);
		snprintf(m.email_purpose, sizeof m.email_purpose, "%s",
			 demo_email_purposes[i % DEMO_COUNT(demo_email_purposes)]);
	}
	if (p->phone == 1)
		snprintf(m.phone, sizeof m.phone, "07700 900%03d", (int)(i % 1000));
	else if (p->phone == 2)
		snprintf(m.phone, sizeof m.phone, "01632 960%03d", (int)((i * 7 + 100) % 1000));
	if (p->born != NO_DAY)
		demo_iso(p->born, m.date_of_birth);
	if (i % 23 == 5)
		snprintf(m.notes, sizeof m.notes, "Prefers letters to email.");
	else if (i % 31 == 7)
		snprintf(m.notes, sizeof m.notes, "Large print for notices, please.");
	demo_iso(p->entered, day);
	int rc = share_admit(d->db, &d->who, &m, day);
	if (rc)
		return demo_fail(d, rc, "admitting %s on %s", m.name, day);
	p->id = m.id;
	return DB_OK;
}

static int cease(struct demo *d, int64_t i)
{
	struct demo_member *p = &d->members[i];
	static struct member m;
	char day[DATE_BUFSZ];
	demo_iso(p->ceased, day);
	int rc = member_get(d->db, &d->who, p->id, &m);
	if (!rc)
		rc = share_cease(d->db, &d->who, p->id, day,
				 p->former_tenant ? "Left when the tenancy ended" : "Moved away", m.version);
	if (rc)
		return demo_fail(d, rc, "ending the membership of member no. %lld on %s",
				 (long long)m.member_no, day);
	return DB_OK;
}

/* ---- tenancies -------------------------------------------------------------------- */

static int add_occupants(struct demo *d, int64_t ti, const struct tenancy *t)
{
	const struct demo_tenancy *p = &d->tens[ti];
	struct demo_rng r;
	rng_seed(&r, d->cfg.seed, 0x0CC0000 + (uint64_t)ti);
	int32_t last = p->end == NO_DAY ? d->today : p->end - 1;
	for (int k = 0; k < p->noccupants; k++) {
		struct tenancy_occupant o;
		memset(&o, 0, sizeof o);
		o.tenancy_id = t->id;
		const struct demo_relation *rel = &demo_relations[rng_below(&r, DEMO_COUNT(demo_relations))];
		const struct demo_member *first = &d->members[p->sig[0]];
		const char *family = first->whole < 0 ? demo_family[first->family]
						      : demo_family[rng_below(&r, DEMO_COUNT(demo_family))];
		if (strcmp(rel->word, "lodger") == 0 || strcmp(rel->word, "carer") == 0)
			family = demo_family[rng_below(&r, DEMO_COUNT(demo_family))];
		const char *given = rel->child
			? demo_occupant_given[rng_below(&r, DEMO_COUNT(demo_occupant_given))]
			: demo_given[rng_below(&r, DEMO_COUNT(demo_given))];
		snprintf(o.name, sizeof o.name, "%s %s", given, family);
		snprintf(o.relationship, sizeof o.relationship, "%s", rel->word);
		int32_t from = p->start + (int32_t)rng_below(&r, (last - p->start) / 2 + 1);
		if (rel->child) {
			int32_t born = d->today - (int32_t)rng_range(&r, 60, 17 * 365);
			demo_iso(born, o.date_of_birth);
			if (born > from)
				from = born;
		}
		if (from > last)
			continue;
		demo_iso(from, o.from_date);
		if (last - from > 120 && rng_chance(&r, 150))
			demo_iso(from + (int32_t)rng_range(&r, 60, last - from), o.to_date);
		int rc = tenancy_occupant_add(d->db, &d->who, &o);
		if (rc)
			return demo_fail(d, rc, "adding %s to the tenancy of %s", o.name, t->home_ref);
		d->n.occupants++;
	}
	return DB_OK;
}

static int start_tenancy(struct demo *d, int64_t ti)
{
	struct demo_tenancy *p = &d->tens[ti];
	static struct tenancy t;
	int64_t ids[2];
	memset(&t, 0, sizeof t);
	t.home_id = d->homes[p->home].id;
	demo_iso(p->start, t.start_date);
	snprintf(t.kind, sizeof t.kind, "%s", p->kind ? "licence" : "assured");
	if (p->kind)
		snprintf(t.notes, sizeof t.notes, "Temporary licence while the member's own home is "
			 "repaired.");
	else if (p->start != d->founded)
		snprintf(t.notes, sizeof t.notes, "Let from the waiting list.");
	for (int s = 0; s < p->nsig; s++)
		ids[s] = d->members[p->sig[s]].id;
	int rc = tenancy_create(d->db, &d->who, &t, ids, p->nsig);
	if (rc) {
		char ref[64];
		demo_home_ref(d, p->home, ref, sizeof ref);
		return demo_fail(d, rc, "starting a tenancy of %s on %s", ref, t.start_date);
	}
	p->id = t.id;
	return add_occupants(d, ti, &t);
}

static int end_tenancy(struct demo *d, int64_t ti)
{
	struct demo_tenancy *p = &d->tens[ti];
	static struct tenancy t;
	char day[DATE_BUFSZ];
	demo_iso(p->end, day);
	int rc = tenancy_get(d->db, &d->who, p->id, &t);
	if (!rc)
		rc = tenancy_end(d->db, &d->who, p->id, day,
				 demo_end_reasons[ti % DEMO_COUNT(demo_end_reasons)], t.version);
	if (rc)
		return demo_fail(d, rc, "ending the tenancy of %s on %s", t.home_ref, day);
	return DB_OK;
}

static int play(struct demo *d, const struct demo_event *e)
{
	switch (e->kind) {
	case EV_ADMIT: return admit(d, e->index);
	case EV_CEASE: return cease(d, e->index);
	case EV_START: return start_tenancy(d, e->index);
	case EV_END: return end_tenancy(d, e->index);
	}
	return DB_OK;
}

/* ---- rent ------------------------------------------------------------------------- */

static int pay(struct demo *d, const struct demo_tenancy *t, int32_t day, int64_t amount,
	       const char *what)
{
	char iso[DATE_BUFSZ], ref[64];
	if (amount <= 0 || day > d->today)
		return DB_OK;
	demo_iso(day, iso);
	demo_home_ref(d, t->home, ref, sizeof ref);
	if (strncmp(what, "Cash", 4) == 0)
		snprintf(ref, sizeof ref, "receipt %lld", (long long)(d->n.payments + 1001));
	int rc = rent_post(d->db, &d->who, t->id, iso, RENT_PAYMENT, -amount, what, ref);
	if (rc)
		return demo_fail(d, rc, "posting a payment of %lld pence for %s on %s",
				 (long long)amount, ref, iso);
	d->n.payments++;
	return DB_OK;
}

/* What a tenancy pays in the week from Monday w (see enum pay_habit). */
static int pay_week(struct demo *d, struct demo_tenancy *t, int32_t w)
{
	const struct demo_home *h = &d->homes[t->home];
	int32_t this_monday = demo_monday_on_or_before(d->today);
	int age = (this_monday - w) / 7;
	if (t->habit == HABIT_MISSES && age < 16 && (t->miss_mask & (1u << age)))
		return DB_OK;
	if (t->habit == HABIT_LEAVES_ARREARS && t->end != NO_DAY && (t->end - w) / 7 <= t->miss_mask)
		return DB_OK;
	int64_t delta = t->habit == HABIT_CREDIT || (t->habit == HABIT_SHORT && age < 26) ? t->delta : 0;
	switch (t->how) {
	case PAY_WEEKLY:
		return pay(d, t, w + t->payday, demo_rent_on(d, h, w) + delta,
			   demo_pay_weekly[t->how_word]);
	case PAY_FOUR_WEEKLY:
		if ((w - t->start) / 7 % 4 != 0)
			return DB_OK;
		return pay(d, t, w + t->payday, 4 * (demo_rent_on(d, h, w) + delta),
			   "Standing order (every four weeks)");
	case PAY_UC:
		for (int32_t day = w; day < w + 7; day++) {
			if (date_from_days(day).d != 15 || (t->end != NO_DAY && day >= t->end))
				continue;
			int64_t monthly;
			if (rent_uc_monthly(RENT_WEEKLY, demo_rent_on(d, h, day), 0, &monthly))
				return DB_OK;
			return pay(d, t, day, monthly, "Universal Credit: housing costs");
		}
		return DB_OK;
	}
	return DB_OK;
}

static int rent_week(struct demo *d, int32_t w)
{
	char day[DATE_BUFSZ];
	int64_t posted = 0;
	demo_iso(w, day);
	int rc = rent_charge_run(d->db, &d->who, day, &posted);
	if (rc)
		return demo_fail(d, rc, "running the rent run up to %s", day);
	d->n.charges += posted;
	for (int64_t i = 0; i < d->ntens; i++) {
		struct demo_tenancy *t = &d->tens[i];
		if (!t->nsig || t->start > w || (t->end != NO_DAY && t->end <= w))
			continue;
		if ((rc = pay_week(d, t, w)))
			return rc;
		if (t->adjust_day == w) {
			struct demo_rng r;
			rng_seed(&r, d->cfg.seed, 0xAD0000 + (uint64_t)i);
			rc = rent_post(d->db, &d->who, t->id, day, RENT_ADJUSTMENT,
				       -rng_range(&r, 15, 50) * 100,
				       "Goodwill credit: no heating for three days", "board decision");
			if (rc)
				return demo_fail(d, rc, "posting a goodwill credit on %s", day);
			d->n.adjustments++;
		}
	}
	return DB_OK;
}

/* Former tenants settle up after they leave: those in credit get it back,
 * those who owe a little pay it, save the ones who left owing. */
static int settle(struct demo *d)
{
	for (int64_t i = 0; i < d->ntens; i++) {
		const struct demo_tenancy *t = &d->tens[i];
		int32_t day = t->end + 14;
		if (!t->nsig || t->end == NO_DAY || t->habit == HABIT_LEAVES_ARREARS || day > d->today ||
		    t->end <= d->rent_from)
			continue;
		int64_t balance;
		int rc = rent_balance(d->db, &d->who, t->id, &balance, NULL);
		if (rc)
			return demo_fail(d, rc, "reading a former tenant's balance");
		if (balance == 0)
			continue;
		char iso[DATE_BUFSZ];
		demo_iso(day, iso);
		if (balance < 0)
			rc = rent_post(d->db, &d->who, t->id, iso, RENT_REFUND, -balance,
				       "Refund of credit after the tenancy ended", "BACS");
		else
			rc = rent_post(d->db, &d->who, t->id, iso, RENT_PAYMENT, -balance,
				       t->how == PAY_UC ? "Universal Credit: final payment"
						    : "Final payment on leaving", "final");
		if (rc)
			return demo_fail(d, rc, "settling a former tenant's account on %s", iso);
		if (balance < 0)
			d->n.refunds++;
		else
			d->n.payments++;
	}
	return DB_OK;
}

int demo_timeline(struct demo *d)
{
	int64_t e = 0;
	int rc;
	for (int32_t w = d->founded; w <= d->today; w += 7) {
		while (e < d->nevents && d->events[e].day < w + 7)
			if ((rc = play(d, &d->events[e++])))
				return rc;
		if (w >= d->rent_from && (rc = rent_week(d, w)))
			return rc;
		if ((w - d->founded) / 7 % 26 == 25) {
			char day[DATE_BUFSZ];
			demo_iso(w, day);
			demo_progress(d, "members, tenancies and rent up to %s", day);
		}
	}
	while (e < d->nevents)
		if ((rc = play(d, &d->events[e++])))
			return rc;
	/* The run up to today itself (rent is due on Mondays: nothing more is
	 * due, but this is the run the estate office would do today). */
	char day[DATE_BUFSZ];
	int64_t posted = 0;
	demo_iso(d->today, day);
	if ((rc = rent_charge_run(d->db, &d->who, day, &posted)))
		return demo_fail(d, rc, "running the rent run up to %s", day);
	d->n.charges += posted;
	return settle(d);
}
