/* tests/unit/test_homes.c: homes and rent rates (src/db/homes.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/repairs.h"
#include "coopdesk/tenancies.h"
#include "testutil.h"

static int setup(void **state)
{
	*state = test_db_new();
	return 0;
}

static int teardown(void **state)
{
	db_close(*state);
	return 0;
}

static int64_t add_member(struct db *db, const char *name, const char *entered)
{
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, name);
	strcpy(m.address, "Co-op office, Rochdale");
	strcpy(m.entered_on, entered);
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

static int64_t add_home(struct db *db, const char *ref, const char *street, const char *address)
{
	struct actor board = test_board();
	struct home h = { 0 };
	strcpy(h.ref, ref);
	strcpy(h.street, street);
	strcpy(h.address, address);
	strcpy(h.postcode, "OL16 1AA");
	h.bedrooms = 2;
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	return h.id;
}

static int64_t let(struct db *db, int64_t home, const char *start, int64_t m1, int64_t m2)
{
	struct actor board = test_board();
	struct tenancy *t = calloc(1, sizeof *t);
	int64_t ids[2] = { m1, m2 };
	t->home_id = home;
	strcpy(t->start_date, start);
	assert_int_equal(tenancy_create(db, &board, t, ids, m2 ? 2 : 1), DB_OK);
	int64_t id = t->id;
	free(t);
	return id;
}

static void create_and_read_back(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct home h = { 0 }, got;
	strcpy(h.ref, "H-001");
	strcpy(h.address, "1 Ŵyre Street, Rochdale OL16 1AA");
	strcpy(h.street, "Ŵyre Street");
	strcpy(h.postcode, "OL16 1AA");
	strcpy(h.notes, "ground floor, level access");
	h.bedrooms = 0;
	h.in_use = 0;  /* ignored: a new home is in use */
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	assert_true(h.id > 0);
	assert_int_equal(strlen(h.uuid), 36);
	assert_string_equal(h.kind, "house");
	assert_int_equal(h.in_use, 1);
	assert_int_equal(h.version, 1);
	assert_int_equal(home_get(db, &board, h.id, &got), DB_OK);
	assert_string_equal(got.address, "1 Ŵyre Street, Rochdale OL16 1AA");
	assert_string_equal(got.kind, "house");
	assert_string_equal(got.notes, "ground floor, level access");
	assert_int_equal(got.bedrooms, 0);
	assert_int_equal(got.in_use, 1);
	assert_string_equal(got.uuid, h.uuid);
	assert_int_equal(home_get_by_ref(db, &board, "H-001", &got), DB_OK);
	assert_int_equal(got.id, h.id);
	assert_int_equal(home_get_by_ref(db, &board, "H-999", &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such home");
	assert_int_equal(home_get(db, &board, 999, &got), DB_NOTFOUND);
	int64_t n = -1;
	assert_int_equal(home_count(db, &board, &n), DB_OK);
	assert_int_equal(n, 1);
}

static void bad_input_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	add_home(db, "H-001", "Alder Street", "1 Alder Street");
	struct home h = { 0 };
	strcpy(h.ref, "H-001");
	strcpy(h.address, "2 Alder Street");
	assert_int_equal(home_create(db, &board, &h), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "another home already has that reference");

	strcpy(h.ref, "H-0000000000000000002");  /* 21 characters */
	assert_int_equal(home_create(db, &board, &h), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a home's reference is 1 to 20 characters");

	strcpy(h.ref, "H-002");
	strcpy(h.kind, "castle");
	assert_int_equal(home_create(db, &board, &h), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "a home is a house, flat, maisonette"));

	strcpy(h.kind, "flat");
	h.bedrooms = 13;
	assert_int_equal(home_create(db, &board, &h), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "bedrooms are between 0 and 12");

	h.bedrooms = 1;
	strcpy(h.address, "   ");
	assert_int_equal(home_create(db, &board, &h), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a home's address is 1 to 300 characters");

	strcpy(h.address, "2 Alder Street");
	strcpy(h.postcode, "OL16 1AA XYZ");
	assert_int_equal(home_create(db, &board, &h), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a postcode is at most 10 characters");

	/* Nothing half-saved. */
	int64_t n;
	assert_int_equal(home_count(db, &board, &n), DB_OK);
	assert_int_equal(n, 1);
}

static void update_conflict_names_who(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor other = { 9, ROLE_BOARD, 0, "Second Director" };
	int64_t id = add_home(db, "H-001", "Alder Street", "1 Alder Street");
	struct home a, b;
	assert_int_equal(home_get(db, &board, id, &a), DB_OK);
	assert_int_equal(home_get(db, &board, id, &b), DB_OK);
	a.bedrooms = 3;
	a.in_use = 0;
	assert_int_equal(home_update(db, &other, &a), DB_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.notes, "new boiler 2026");
	assert_int_equal(home_update(db, &board, &b), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "this home was changed by Second Director"));
	assert_int_equal(home_get(db, &board, id, &b), DB_OK);
	assert_int_equal(b.bedrooms, 3);
	assert_int_equal(b.in_use, 0);
	assert_string_equal(b.notes, "");
	b.id = 999;
	assert_int_equal(home_update(db, &board, &b), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such home");
	/* The database's rule still holds on update. */
	assert_int_equal(home_get(db, &board, id, &b), DB_OK);
	b.bedrooms = -1;
	assert_int_equal(home_update(db, &board, &b), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "bedrooms are between 0 and 12");
}

static void every_role_gets_what_it_may(void **state)
{
	struct db *db = *state;
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t bob = add_member(db, "Bob Other", "2020-01-01");
	int64_t mine = add_home(db, "H-001", "Alder Street", "1 Alder Street");
	int64_t theirs = add_home(db, "H-002", "Alder Street", "2 Alder Street");
	let(db, mine, "2021-04-05", ann, 0);
	let(db, theirs, "2021-04-05", bob, 0);
	struct actor volunteer = test_volunteer(0);
	struct actor member = test_member(ann);
	struct actor unlinked = test_member(0);
	struct home h;

	assert_int_equal(home_get(db, &volunteer, theirs, &h), DB_OK);
	assert_string_equal(h.ref, "H-002");
	assert_int_equal(home_get(db, &member, mine, &h), DB_OK);
	assert_string_equal(h.ref, "H-001");
	assert_int_equal(home_get(db, &member, theirs, &h), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such home");
	assert_int_equal(home_get_by_ref(db, &member, "H-002", &h), DB_NOTFOUND);
	assert_int_equal(home_get(db, NULL, mine, &h), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see homes");
	assert_int_equal(home_get(db, &unlinked, mine, &h), DB_DENIED);

	assert_int_equal(home_get(db, &member, mine, &h), DB_OK);
	assert_int_equal(home_update(db, &member, &h), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change homes");
	assert_int_equal(home_update(db, &volunteer, &h), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change homes");
	struct home n = { 0 };
	strcpy(n.ref, "H-003");
	strcpy(n.address, "3 Alder Street");
	assert_int_equal(home_create(db, &volunteer, &n), DB_DENIED);
	assert_int_equal(home_create(db, NULL, &n), DB_DENIED);

	int64_t count;
	assert_int_equal(home_count(db, &volunteer, &count), DB_OK);
	assert_int_equal(count, 2);
	assert_int_equal(home_count(db, &member, &count), DB_OK);
	assert_int_equal(count, 1);
	assert_int_equal(home_count(db, NULL, &count), DB_DENIED);

	struct home_row rows[5];
	int k;
	assert_int_equal(home_page(db, &member, HOMES_ALL, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 5, &k), DB_OK);
	assert_int_equal(k, 1);
	assert_string_equal(rows[0].ref, "H-001");
	assert_string_equal(rows[0].tenants, "Ann Tenant");
	assert_int_equal(home_page(db, &volunteer, HOMES_ALL, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 5, &k), DB_OK);
	assert_int_equal(k, 2);
	assert_int_equal(home_page(db, NULL, HOMES_ALL, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 5, &k), DB_DENIED);
	assert_int_equal(k, 0);
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char ref[16], street[32], addr[64];
	for (int i = 0; i < 25; i++) {
		snprintf(ref, sizeof ref, "H-%03d", i);
		/* Streets in the opposite order to the references. */
		snprintf(street, sizeof street, "Street %02d", (24 - i) / 5);
		snprintf(addr, sizeof addr, "%d %s", 10 + i, street);
		add_home(db, ref, street, addr);
	}
	struct home_row rows[10];
	struct page_key key;
	int n;
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].ref, "H-000");
	home_row_key(&rows[9], HOME_BY_REF, &key);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, NULL, PAGE_AFTER, &key,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].ref, "H-010");
	home_row_key(&rows[0], HOME_BY_REF, &key);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, NULL, PAGE_BEFORE, &key,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].ref, "H-000");
	assert_string_equal(rows[9].ref, "H-009");
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, NULL, PAGE_LAST, NULL,
				   rows, 10, &n), DB_OK);
	assert_string_equal(rows[0].ref, "H-015");
	assert_string_equal(rows[9].ref, "H-024");

	/* By street, then address: "Street 00" holds H-020..H-024. */
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_STREET, NULL, PAGE_FIRST, NULL,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].address, "30 Street 00");
	assert_string_equal(rows[4].address, "34 Street 00");
	assert_string_equal(rows[5].address, "25 Street 01");
	home_row_key(&rows[9], HOME_BY_STREET, &key);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_STREET, NULL, PAGE_AFTER, &key,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].address, "20 Street 02");
	home_row_key(&rows[0], HOME_BY_STREET, &key);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_STREET, NULL, PAGE_BEFORE, &key,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].address, "29 Street 01");
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_STREET, NULL, PAGE_LAST, NULL,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].address, "14 Street 04");

	/* Search: by reference, by address words, quotes harmless. */
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "h-017", PAGE_FIRST, NULL,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].ref, "H-017");
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "stre 03", PAGE_FIRST, NULL,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 5);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "\"x OR", PAGE_FIRST, NULL,
				   rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);
	/* Bad arguments. */
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, NULL, PAGE_AFTER, NULL,
				   rows, 10, &n), DB_INVALID);
}

static void rows_show_tenants_rent_and_vacancy(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t zoe = add_member(db, "Zoë Joint", "2020-01-01");
	int64_t h1 = add_home(db, "H-001", "Alder Street", "1 Alder Street");
	int64_t h2 = add_home(db, "H-002", "Alder Street", "2 Alder Street");
	int64_t h3 = add_home(db, "H-003", "Alder Street", "3 Alder Street");
	int64_t t1 = let(db, h1, "2021-04-05", zoe, ann);
	assert_int_equal(rent_rate_set(db, &board, h1, "2021-04-05", RENT_WEEKLY, 9000), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-04-06", RENT_WEEKLY, 9550), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, h1, "2027-04-05", RENT_WEEKLY, 9900), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, h2, "2026-01-01", RENT_MONTHLY, 43333), DB_OK);
	/* H-003 out of use: neither vacant nor occupied. */
	struct home h;
	assert_int_equal(home_get(db, &board, h3, &h), DB_OK);
	h.in_use = 0;
	assert_int_equal(home_update(db, &board, &h), DB_OK);

	struct home_row rows[5];
	int n;
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].tenancy_id, t1);
	assert_string_equal(rows[0].tenants, "Zoë Joint, Ann Tenant");
	assert_true(rows[0].has_rent);
	assert_int_equal(rows[0].rent_pence, 9550);  /* today is 2026-11-22 */
	assert_int_equal(rows[0].weekly_rent, 9550);
	assert_int_equal(rows[1].tenancy_id, 0);
	assert_string_equal(rows[1].tenants, "");
	assert_int_equal(rows[1].rent_period, RENT_MONTHLY);
	assert_int_equal(rows[1].weekly_rent, 10000);
	assert_int_equal(rows[0].uc_monthly, 41383);   /* 95.50 x 52 / 12 = 413.8333 */
	assert_int_equal(rows[1].uc_monthly, 43333);   /* monthly as it is */
	assert_false(rows[2].has_rent);
	assert_int_equal(rows[2].in_use, 0);

	assert_int_equal(home_page(db, &board, HOMES_OCCUPIED, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, h1);
	assert_int_equal(home_page(db, &board, HOMES_VACANT, HOME_BY_STREET, NULL, PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, h2);
}

static void rent_rates_are_effective_dated(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor volunteer = test_volunteer(0);
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t h1 = add_home(db, "H-001", "Alder Street", "1 Alder Street");
	int64_t h2 = add_home(db, "H-002", "Alder Street", "2 Alder Street");
	let(db, h1, "2021-04-05", ann, 0);
	struct actor member = test_member(ann);
	assert_int_equal(rent_rate_set(db, &board, h1, "2025-04-07", RENT_WEEKLY, 9000), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-04-06", RENT_FOUR_WEEKLY, 38200), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, h2, "2026-04-06", RENT_WEEKLY, 0), DB_OK);

	struct rent_rate r;
	assert_int_equal(rent_rate_on(db, &board, h1, "2026-04-05", &r), DB_OK);
	assert_int_equal(r.amount_pence, 9000);
	assert_int_equal(r.period, RENT_WEEKLY);
	assert_string_equal(r.effective_from, "2025-04-07");
	assert_int_equal(rent_rate_on(db, &volunteer, h1, "2026-04-06", &r), DB_OK);
	assert_int_equal(r.amount_pence, 38200);
	assert_int_equal(r.period, RENT_FOUR_WEEKLY);
	assert_int_equal(r.home_id, h1);
	assert_int_equal(strlen(r.recorded_at), 20);
	assert_int_equal(rent_rate_on(db, &member, h1, "2030-01-01", &r), DB_OK);
	assert_int_equal(r.amount_pence, 38200);
	assert_int_equal(rent_rate_on(db, &board, h1, "2025-04-06", &r), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "no rent was set for that home by 06/04/2025");
	assert_int_equal(rent_rate_on(db, &member, h2, "2026-11-22", &r), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such home");
	assert_int_equal(rent_rate_on(db, NULL, h1, "2026-11-22", &r), DB_DENIED);

	struct rent_rate list[4];
	int n;
	assert_int_equal(rent_rate_list(db, &board, h1, list, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].effective_from, "2025-04-07");
	assert_string_equal(list[1].effective_from, "2026-04-06");
	assert_int_equal(rent_rate_list(db, &board, h1, list, 1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(list[0].effective_from, "2026-04-06");  /* the newest fits */
	assert_int_equal(rent_rate_list(db, &member, h2, list, 4, &n), DB_NOTFOUND);
	assert_int_equal(rent_rate_list(db, &board, 999, list, 4, &n), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such home");

	/* Refusals, in words. */
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-04-06", RENT_WEEKLY, 9100), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that home already has a rent rate from that date");
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-02-29", RENT_WEEKLY, 9100), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a rent's effective date is a real date");
	assert_int_equal(rent_rate_set(db, &board, h1, "2027-04-05", RENT_WEEKLY, -1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a rent is £0.00 or more, and less than £10,000 a period");
	assert_int_equal(rent_rate_set(db, &board, h1, "2027-04-05", RENT_WEEKLY, 1000000), DB_CONSTRAINT);
	assert_int_equal(rent_rate_set(db, &board, h1, "2027-04-05", (enum rent_period)4, 100),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "rent is weekly, four-weekly or monthly");
	assert_int_equal(rent_rate_set(db, &board, 999, "2027-04-05", RENT_WEEKLY, 100), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such home");
	assert_int_equal(rent_rate_set(db, &volunteer, h1, "2027-04-05", RENT_WEEKLY, 100), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change homes");
	assert_int_equal(rent_rate_set(db, &member, h1, "2027-04-05", RENT_WEEKLY, 100), DB_DENIED);
	assert_int_equal(rent_rate_set(db, NULL, h1, "2027-04-05", RENT_WEEKLY, 100), DB_DENIED);
	assert_int_equal(rent_rate_list(db, &board, h1, list, 4, &n), DB_OK);
	assert_int_equal(n, 2);
}

/* Status, the unavailable filter, open repairs, and a search that finds a
 * home by its current tenant's name (not a former tenant's). */
static void list_status_repairs_and_tenant_search(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t bob = add_member(db, "Bob Former", "2020-01-01");
	int64_t h1 = add_home(db, "H-001", "Alder Street", "1 Alder Street");
	int64_t h2 = add_home(db, "H-002", "Birch Road", "2 Birch Road");
	int64_t h3 = add_home(db, "H-003", "Cedar Lane", "3 Cedar Lane");
	let(db, h1, "2021-04-05", ann, 0);
	int64_t old = let(db, h2, "2021-04-05", bob, 0);
	assert_int_equal(tenancy_end(db, &board, old, "2022-04-05", "moved", 1), DB_OK);
	struct home h;
	assert_int_equal(home_get(db, &board, h3, &h), DB_OK);
	h.in_use = 0;
	assert_int_equal(home_update(db, &board, &h), DB_OK);
	for (int i = 0; i < 3; i++) {
		struct repair r = { 0 };
		r.home_id = i < 2 ? h1 : h2;
		snprintf(r.title, sizeof r.title, "leak %d", i);
		r.priority = REPAIR_ROUTINE;
		assert_int_equal(repair_report(db, &board, &r), DB_OK);
	}

	struct home_row rows[5];
	int n;
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_string_equal(home_status_label(home_row_status(&rows[0])), "let");
	assert_string_equal(home_status_label(home_row_status(&rows[1])), "void");
	assert_string_equal(home_status_label(home_row_status(&rows[2])), "unavailable");
	assert_int_equal(rows[0].open_repairs, 2);
	assert_int_equal(rows[1].open_repairs, 1);
	assert_int_equal(rows[2].open_repairs, 0);

	assert_int_equal(home_page(db, &board, HOMES_UNAVAILABLE, HOME_BY_REF, NULL, PAGE_FIRST,
				   NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, h3);
	assert_int_equal(home_page(db, &board, HOMES_VACANT, HOME_BY_REF, NULL, PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, h2);
	assert_int_equal(home_page(db, &board, (enum home_which)4, HOME_BY_REF, NULL, PAGE_FIRST,
				   NULL, rows, 5, &n), DB_INVALID);
	/* A let home is not put out of use; a void one is, and back. */
	assert_int_equal(home_get(db, &board, h1, &h), DB_OK);
	h.in_use = 0;
	assert_int_equal(home_update(db, &board, &h), DB_INVALID);
	assert_string_equal(db_errmsg(db), "that home is let: its tenancy must end before it goes"
			    " out of use");
	assert_int_equal(home_get(db, &board, h3, &h), DB_OK);
	h.in_use = 1;
	assert_int_equal(home_update(db, &board, &h), DB_OK);
	assert_int_equal(home_page(db, &board, HOMES_UNAVAILABLE, HOME_BY_REF, NULL, PAGE_FIRST,
				   NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 0);
	h.in_use = 0;
	assert_int_equal(home_update(db, &board, &h), DB_OK);

	/* By the current tenant's first name, part of it, or both names. */
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "ann", PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, h1);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_STREET, "ten an", PAGE_FIRST,
				   NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, h1);
	/* A former tenant's name finds nothing; nor does a name and a street. */
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "bob", PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "ann birch", PAGE_FIRST,
				   NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 0);
	/* The address still finds its home; spaces alone search nothing. */
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "cedar", PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, h3);
	assert_int_equal(home_page(db, &board, HOMES_ALL, HOME_BY_REF, "  ", PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 3);
	/* A member searching another's name finds nothing of theirs. */
	struct actor member = test_member(bob);
	assert_int_equal(home_page(db, &member, HOMES_ALL, HOME_BY_REF, "ann", PAGE_FIRST, NULL,
				   rows, 5, &n), DB_OK);
	assert_int_equal(n, 0);
}

/* A new rent never goes in before the latest one: the refusal gives that
 * rent's start as a person reads it, and nothing is saved. */
static void rent_change_before_current_is_refused(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t h1 = add_home(db, "H-001", "Alder Street", "1 Alder Street");
	assert_int_equal(rent_rate_set(db, &board, h1, "2025-04-07", RENT_WEEKLY, 9000), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-04-06", RENT_WEEKLY, 9231), DB_OK);
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-04-05", RENT_WEEKLY, 9500), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the current rent began on 06/04/2026: a new rent cannot"
			    " start before it");
	assert_int_equal(rent_rate_set(db, &board, h1, "2025-05-01", RENT_WEEKLY, 9500), DB_INVALID);
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-04-06", RENT_WEEKLY, 9500),
			 DB_CONSTRAINT);
	assert_int_equal(rent_rate_set(db, &board, h1, "2026-04-07", RENT_WEEKLY, 9500), DB_OK);

	/* The history, newest first, a page at a time both ways. */
	struct rent_rate rows[2];
	int n;
	struct page_key key;
	assert_int_equal(rent_rate_page(db, &board, h1, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].effective_from, "2026-04-07");
	assert_string_equal(rows[1].effective_from, "2026-04-06");
	rent_rate_key(&rows[1], &key);
	assert_int_equal(rent_rate_page(db, &board, h1, PAGE_AFTER, &key, rows, 2, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].effective_from, "2025-04-07");
	assert_int_equal(rows[0].amount_pence, 9000);
	rent_rate_key(&rows[0], &key);
	assert_int_equal(rent_rate_page(db, &board, h1, PAGE_BEFORE, &key, rows, 2, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].effective_from, "2026-04-07");
	assert_string_equal(rows[1].effective_from, "2026-04-06");
	assert_int_equal(rent_rate_page(db, &board, h1, PAGE_LAST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].effective_from, "2026-04-06");
	assert_string_equal(rows[1].effective_from, "2025-04-07");
	struct actor member = test_member(add_member(db, "Ann Other", "2020-01-01"));
	assert_int_equal(rent_rate_page(db, &member, h1, PAGE_FIRST, NULL, rows, 2, &n),
			 DB_NOTFOUND);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(update_conflict_names_who, setup, teardown),
		cmocka_unit_test_setup_teardown(every_role_gets_what_it_may, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(rows_show_tenants_rent_and_vacancy, setup, teardown),
		cmocka_unit_test_setup_teardown(rent_rates_are_effective_dated, setup, teardown),
		cmocka_unit_test_setup_teardown(list_status_repairs_and_tenant_search, setup, teardown),
		cmocka_unit_test_setup_teardown(rent_change_before_current_is_refused, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
