/* tests/unit/test_tenancies.c: tenancies, signatories and occupants
 * (src/db/tenancies.c). */
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
#include "coopdesk/tenancies.h"
#include "testutil.h"

/* Each test gets a database and a tenancy record on the heap (it is big). */
struct fixture {
	struct db *db;
	struct tenancy *t;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	f->db = test_db_new();
	f->t = calloc(1, sizeof *f->t);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(f->db);
	free(f->t);
	free(f);
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

static int64_t add_home(struct db *db, const char *ref)
{
	struct actor board = test_board();
	struct home h = { 0 };
	strcpy(h.ref, ref);
	snprintf(h.address, sizeof h.address, "%s Alder Street", ref);
	strcpy(h.street, "Alder Street");
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	return h.id;
}

/* Starts a tenancy; returns the status, with t filled in on success. */
static int start(struct db *db, struct tenancy *t, int64_t home, const char *on,
		 const int64_t *ids, int n)
{
	struct actor board = test_board();
	memset(t, 0, sizeof *t);
	t->home_id = home;
	strcpy(t->start_date, on);
	return tenancy_create(db, &board, t, ids, n);
}

static void create_with_signatories_and_read_back(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t zoe = add_member(db, "Zoë Ó Súilleabháin", "2020-01-01");
	int64_t home = add_home(db, "H-001");
	int64_t ids[] = { zoe, ann };
	struct tenancy *t = f->t;
	memset(t, 0, sizeof *t);
	t->home_id = home;
	strcpy(t->start_date, "2021-04-05");
	strcpy(t->kind, "secure");
	strcpy(t->notes, "transferred from the council");
	assert_int_equal(tenancy_create(db, &board, t, ids, 2), DB_OK);
	assert_true(t->id > 0);
	assert_int_equal(strlen(t->uuid), 36);
	assert_int_equal(t->version, 1);
	assert_int_equal(t->nsignatories, 2);
	assert_string_equal(t->signatories[0].name, "Zoë Ó Súilleabháin");
	assert_string_equal(t->signatories[1].name, "Ann Tenant");
	assert_int_equal(t->signatories[1].member_id, ann);
	assert_int_equal(t->signatories[1].member_no, 1);
	assert_string_equal(t->home_ref, "H-001");
	assert_string_equal(t->end_date, "");
	int64_t id = t->id;

	memset(t, 0, sizeof *t);
	assert_int_equal(tenancy_get(db, &board, id, t), DB_OK);
	assert_string_equal(t->kind, "secure");
	assert_string_equal(t->start_date, "2021-04-05");
	assert_string_equal(t->notes, "transferred from the council");
	assert_string_equal(t->home_address, "H-001 Alder Street");
	assert_int_equal(t->noccupants, 0);
	assert_int_equal(tenancy_current_for_home(db, &board, home, t), DB_OK);
	assert_int_equal(t->id, id);
	assert_int_equal(tenancy_for_member(db, &board, ann, t), DB_OK);
	assert_int_equal(t->id, id);
	int64_t n;
	assert_int_equal(tenancy_count_current(db, &board, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(tenancy_get(db, &board, 999, t), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such tenancy");

	/* A default kind. */
	int64_t h2 = add_home(db, "H-002");
	int64_t bob = add_member(db, "Bob Single", "2020-01-01");
	assert_int_equal(start(db, t, h2, "2022-01-10", &bob, 1), DB_OK);
	assert_string_equal(t->kind, "assured");
}

static void overlapping_tenancies_are_refused(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t bob = add_member(db, "Bob Next", "2020-01-01");
	int64_t home = add_home(db, "H-001");
	assert_int_equal(start(db, f->t, home, "2021-04-05", &ann, 1), DB_OK);
	int64_t first = f->t->id;

	/* A second current tenancy of the same home. */
	assert_int_equal(start(db, f->t, home, "2023-01-02", &bob, 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that home already has a tenancy for part of that period");
	/* Nothing half-saved: Bob holds nothing. */
	assert_int_equal(tenancy_for_member(db, &board, bob, f->t), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "that member holds no current tenancy");

	assert_int_equal(tenancy_end(db, &board, first, "2025-06-30", "moved away", 1), DB_OK);
	/* Starting before the first ended overlaps; on its end day does not. */
	assert_int_equal(start(db, f->t, home, "2025-06-29", &bob, 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that home already has a tenancy for part of that period");
	assert_int_equal(start(db, f->t, home, "2021-01-01", &bob, 1), DB_CONSTRAINT);
	assert_int_equal(start(db, f->t, home, "2025-06-30", &bob, 1), DB_OK);
	assert_int_equal(tenancy_current_for_home(db, &board, home, f->t), DB_OK);
	assert_string_equal(f->t->signatories[0].name, "Bob Next");
	int64_t n;
	assert_int_equal(tenancy_count_current(db, &board, &n), DB_OK);
	assert_int_equal(n, 1);
}

static void signatories_must_be_members_throughout(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t late = add_member(db, "Lee Late", "2024-01-01");
	int64_t gone = add_member(db, "Gwen Gone", "2019-01-01");
	int64_t home = add_home(db, "H-001");
	assert_int_equal(member_cease(db, &board, gone, "2020-12-31", "moved away", 1), DB_OK);

	int64_t stranger = 999;
	assert_int_equal(start(db, f->t, home, "2021-04-05", &stranger, 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "only a member may hold a tenancy: a signatory is not"
			    " on the register of members");
	int64_t with_gone[] = { ann, gone };
	/* Refused naming the person and why, in words, dates as people read them. */
	assert_int_equal(start(db, f->t, home, "2021-04-05", with_gone, 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "Gwen Gone (no. 3) ceased to be a member on"
			    " 31/12/2020: only a member may hold a tenancy");
	int64_t with_late[] = { late, ann };
	assert_int_equal(start(db, f->t, home, "2021-04-05", with_late, 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "Lee Late (no. 2) was admitted on 01/01/2024, after the"
			    " tenancy starts (05/04/2021): a signatory is a member for the whole"
			    " tenancy");
	/* Admitted on the day it starts is a member for the whole of it. */
	int64_t on_the_day = add_member(db, "Dee Sameday", "2021-04-05");
	assert_int_equal(start(db, f->t, home, "2021-04-05", &on_the_day, 1), DB_OK);
	assert_int_equal(tenancy_end(db, &board, f->t->id, "2021-04-06", "", f->t->version), DB_OK);
	home = add_home(db, "H-002");
	/* The failed tenancy was rolled back whole: the home is still vacant. */
	assert_int_equal(tenancy_current_for_home(db, &board, home, f->t), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "that home has no current tenancy");

	assert_int_equal(start(db, f->t, home, "2021-04-05", NULL, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a tenancy needs at least one signatory, a member");
	int64_t seven[7] = { ann, ann, ann, ann, ann, ann, ann };
	assert_int_equal(start(db, f->t, home, "2021-04-05", seven, 7), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a tenancy has at most 6 signatories");
	assert_int_equal(start(db, f->t, home, "2021-04-05", seven, 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the same member is named twice as a signatory");

	assert_int_equal(start(db, f->t, home, "2026-02-29", &ann, 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a tenancy's start is a real date");
	assert_int_equal(start(db, f->t, 999, "2021-04-05", &ann, 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "there is no such home");
	memset(f->t, 0, sizeof *f->t);
	f->t->home_id = home;
	strcpy(f->t->start_date, "2021-04-05");
	strcpy(f->t->kind, "freehold");
	assert_int_equal(tenancy_create(db, &board, f->t, &ann, 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a tenancy is assured, secure, a licence or other");

	struct home h;
	assert_int_equal(home_get(db, &board, home, &h), DB_OK);
	h.in_use = 0;
	assert_int_equal(home_update(db, &board, &h), DB_OK);
	assert_int_equal(start(db, f->t, home, "2021-04-05", &ann, 1), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "out of use"));
	int64_t n;
	assert_int_equal(tenancy_count_current(db, &board, &n), DB_OK);
	assert_int_equal(n, 0);
}

static void ending_a_tenancy(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	struct actor other = { 9, ROLE_BOARD, 0, "Second Director" };
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t home = add_home(db, "H-001");
	assert_int_equal(start(db, f->t, home, "2021-04-05", &ann, 1), DB_OK);
	int64_t id = f->t->id;
	struct tenancy_occupant o = { 0 };
	o.tenancy_id = id;
	strcpy(o.name, "Sam Child");
	strcpy(o.from_date, "2022-03-01");
	assert_int_equal(tenancy_occupant_add(db, &board, &o), DB_OK);

	assert_int_equal(tenancy_end(db, &board, id, "2021-04-05", "", 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a tenancy must end after it starts");
	assert_int_equal(tenancy_end(db, &board, id, "2020-01-01", "", 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a tenancy must end after it starts");
	assert_int_equal(tenancy_end(db, &board, id, "2026-02-29", "", 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a tenancy's end is a real date");
	assert_int_equal(tenancy_end(db, &board, id, "2026-11-23", "", 1), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "a day still to come (2026-11-23)"));
	assert_int_equal(tenancy_end(db, &board, 999, "2026-11-22", "", 1), DB_NOTFOUND);

	/* Someone else changed it meanwhile. */
	struct tenancy_occupant o2 = { 0 };
	o2.tenancy_id = id;
	strcpy(o2.name, "Pat Lodger");
	strcpy(o2.from_date, "2023-01-01");
	strcpy(o2.to_date, "2023-06-30");
	assert_int_equal(tenancy_occupant_add(db, &other, &o2), DB_OK);
	assert_int_equal(tenancy_end(db, &other, id, "2026-11-22", "transfer", 1), DB_OK);
	assert_int_equal(tenancy_end(db, &board, id, "2026-10-01", "moved", 1), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "this tenancy was changed by Second Director"));
	assert_int_equal(tenancy_end(db, &board, id, "2026-10-01", "moved", 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this tenancy already ended on 2026-11-22");

	assert_int_equal(tenancy_get(db, &board, id, f->t), DB_OK);
	assert_string_equal(f->t->end_date, "2026-11-22");
	assert_string_equal(f->t->end_reason, "transfer");
	assert_int_equal(f->t->version, 2);
	/* The occupant still living there left with the tenancy; the lodger's
	 * own date stands. */
	assert_int_equal(f->t->noccupants, 2);
	assert_string_equal(f->t->occupants[0].to_date, "2026-11-22");
	assert_int_equal(f->t->occupants[0].version, 2);
	assert_string_equal(f->t->occupants[1].to_date, "2023-06-30");
	assert_int_equal(tenancy_current_for_home(db, &board, home, f->t), DB_NOTFOUND);
	assert_int_equal(tenancy_for_member(db, &board, ann, f->t), DB_NOTFOUND);
	int64_t n;
	assert_int_equal(tenancy_count_current(db, &board, &n), DB_OK);
	assert_int_equal(n, 0);
}

/* Only members hold a tenancy: a signatory's membership cannot end while
 * their tenancy runs on; on the day it ends, or after, it can. */
static void a_tenant_ceases_only_when_the_tenancy_ends(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t home = add_home(db, "H-001");
	assert_int_equal(start(db, f->t, home, "2021-04-05", &ann, 1), DB_OK);
	assert_int_equal(member_cease(db, &board, ann, "2026-01-01", "left", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "they hold the tenancy of H-001, and only members may"
			    " hold a tenancy: end the tenancy first, then their membership");
	assert_int_equal(tenancy_end(db, &board, f->t->id, "2026-06-30", "moved", 1), DB_OK);
	assert_int_equal(member_cease(db, &board, ann, "2026-06-29", "left", 1), DB_INVALID);
	assert_int_equal(member_cease(db, &board, ann, "2026-06-30", "left", 1), DB_OK);
	struct member m;
	assert_int_equal(member_get(db, &board, ann, &m), DB_OK);
	assert_string_equal(m.ceased_on, "2026-06-30");
	/* Nor is their entry dated after the tenancy began. */
	strcpy(m.entered_on, "2021-05-01");
	assert_int_equal(member_update(db, &board, &m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "they signed the tenancy of H-001 from 05/04/2021:"
			    " they were entered on the register by then");
}

static void occupants_come_and_go(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t home = add_home(db, "H-001");
	assert_int_equal(start(db, f->t, home, "2021-04-05", &ann, 1), DB_OK);
	int64_t id = f->t->id;
	struct tenancy_occupant o = { 0 };
	o.tenancy_id = id;
	strcpy(o.name, "Sam Child");
	strcpy(o.relationship, "son");
	strcpy(o.date_of_birth, "2015-07-01");
	strcpy(o.from_date, "2021-04-05");
	assert_int_equal(tenancy_occupant_add(db, &board, &o), DB_OK);
	assert_true(o.id > 0);
	assert_int_equal(o.version, 1);

	struct tenancy_occupant bad = o;
	strcpy(bad.from_date, "2021-04-04");
	assert_int_equal(tenancy_occupant_add(db, &board, &bad), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "an occupant cannot move in before the tenancy starts (2021-04-05)");
	bad = o;
	strcpy(bad.name, " ");
	assert_int_equal(tenancy_occupant_add(db, &board, &bad), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an occupant's name is 1 to 100 characters");
	bad = o;
	strcpy(bad.to_date, "2021-04-04");
	assert_int_equal(tenancy_occupant_add(db, &board, &bad), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an occupant cannot leave before they arrived");
	bad = o;
	bad.tenancy_id = 999;
	assert_int_equal(tenancy_occupant_add(db, &board, &bad), DB_INVALID);
	assert_string_equal(db_errmsg(db), "there is no such tenancy");

	assert_int_equal(tenancy_occupant_end(db, &board, o.id, "2021-04-01", 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an occupant cannot leave before they arrived");
	assert_int_equal(tenancy_occupant_end(db, &board, o.id, "2025-09-01", 1), DB_OK);
	assert_int_equal(tenancy_occupant_end(db, &board, o.id, "2025-09-02", 1), DB_CONFLICT);
	assert_int_equal(tenancy_occupant_end(db, &board, o.id, "2025-09-02", 2), DB_INVALID);
	assert_string_equal(db_errmsg(db), "this occupant already left on 2025-09-01");
	assert_int_equal(tenancy_occupant_end(db, &board, 999, "2025-09-02", 1), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such occupant");

	/* More than fit: the first 12 come back, with the total. */
	for (int i = 0; i < 12; i++) {
		struct tenancy_occupant more = { 0 };
		more.tenancy_id = id;
		snprintf(more.name, sizeof more.name, "Guest %02d", i);
		strcpy(more.from_date, "2022-01-01");
		assert_int_equal(tenancy_occupant_add(db, &board, &more), DB_OK);
	}
	assert_int_equal(tenancy_get(db, &board, id, f->t), DB_OK);
	assert_int_equal(f->t->noccupants, TENANCY_MAX_OCCUPANTS);
	assert_int_equal(f->t->occupants_total, 13);
	assert_string_equal(f->t->occupants[0].name, "Sam Child");
	assert_string_equal(f->t->occupants[0].relationship, "son");
	assert_string_equal(f->t->occupants[0].date_of_birth, "2015-07-01");
	assert_string_equal(f->t->occupants[0].to_date, "2025-09-01");
	assert_string_equal(f->t->occupants[11].name, "Guest 10");
}

static void every_role_gets_what_it_may(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t bob = add_member(db, "Bob Other", "2020-01-01");
	int64_t h1 = add_home(db, "H-001");
	int64_t h2 = add_home(db, "H-002");
	struct tenancy *t = f->t;
	memset(t, 0, sizeof *t);
	t->home_id = h1;
	strcpy(t->start_date, "2021-04-05");
	strcpy(t->notes, "rent arrears plan agreed");
	assert_int_equal(tenancy_create(db, &board, t, &ann, 1), DB_OK);
	int64_t mine = t->id;
	struct tenancy_occupant o = { 0 };
	o.tenancy_id = mine;
	strcpy(o.name, "Sam Child");
	strcpy(o.date_of_birth, "2015-07-01");
	strcpy(o.from_date, "2021-04-05");
	assert_int_equal(tenancy_occupant_add(db, &board, &o), DB_OK);
	assert_int_equal(start(db, t, h2, "2021-04-05", &bob, 1), DB_OK);
	int64_t theirs = t->id;

	struct actor volunteer = test_volunteer(0);
	struct actor member = test_member(ann);

	/* A volunteer sees who lives where, not the notes or dates of birth. */
	assert_int_equal(tenancy_get(db, &volunteer, mine, t), DB_OK);
	assert_string_equal(t->signatories[0].name, "Ann Tenant");
	assert_string_equal(t->occupants[0].name, "Sam Child");
	assert_string_equal(t->occupants[0].date_of_birth, "");
	assert_string_equal(t->notes, "");
	/* The member sees all of their own, and nothing of others'. */
	assert_int_equal(tenancy_get(db, &member, mine, t), DB_OK);
	assert_string_equal(t->occupants[0].date_of_birth, "2015-07-01");
	assert_string_equal(t->notes, "rent arrears plan agreed");
	assert_int_equal(tenancy_get(db, &member, theirs, t), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such tenancy");
	assert_int_equal(tenancy_current_for_home(db, &member, h2, t), DB_NOTFOUND);
	assert_int_equal(tenancy_current_for_home(db, &member, h1, t), DB_OK);
	assert_int_equal(tenancy_for_member(db, &member, ann, t), DB_OK);
	assert_int_equal(t->id, mine);
	assert_int_equal(tenancy_for_member(db, &member, bob, t), DB_NOTFOUND);
	assert_int_equal(tenancy_for_member(db, &volunteer, bob, t), DB_OK);
	assert_int_equal(t->id, theirs);
	assert_int_equal(tenancy_get(db, NULL, mine, t), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see tenancies");

	/* Only the board writes. */
	assert_int_equal(tenancy_end(db, &volunteer, mine, "2026-01-01", "", 1), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change tenancies");
	assert_int_equal(tenancy_end(db, &member, mine, "2026-01-01", "", 1), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change tenancies");
	assert_int_equal(tenancy_end(db, NULL, mine, "2026-01-01", "", 1), DB_DENIED);
	assert_int_equal(tenancy_occupant_add(db, &volunteer, &o), DB_DENIED);
	assert_int_equal(tenancy_occupant_end(db, &member, o.id, "2026-01-01", 1), DB_DENIED);
	int64_t h3 = add_home(db, "H-003");
	memset(t, 0, sizeof *t);
	t->home_id = h3;
	strcpy(t->start_date, "2021-04-05");
	assert_int_equal(tenancy_create(db, &volunteer, t, &ann, 1), DB_DENIED);
	assert_int_equal(tenancy_create(db, &member, t, &ann, 1), DB_DENIED);

	/* Lists and counts. */
	struct tenancy_row rows[5];
	int n;
	assert_int_equal(tenancy_page(db, &member, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_FIRST,
				      NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, mine);
	assert_int_equal(tenancy_page(db, &volunteer, TENANCIES_ALL, 0, TENANCY_BY_START,
				      PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(tenancy_page(db, NULL, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_FIRST,
				      NULL, rows, 5, &n), DB_DENIED);
	int64_t count;
	assert_int_equal(tenancy_count_current(db, &volunteer, &count), DB_OK);
	assert_int_equal(count, 2);
	assert_int_equal(tenancy_count_current(db, &member, &count), DB_DENIED);
}

static void pages_walk_both_ways(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t homes[5], people[20];
	char name[32], ref[16], day[32];
	for (int i = 0; i < 5; i++) {
		snprintf(ref, sizeof ref, "H-%03d", i);
		homes[i] = add_home(db, ref);
	}
	for (int i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "Person %02d", i);
		people[i] = add_member(db, name, "2000-01-01");
	}
	/* Four tenancies a home, one after another; the last stays current.
	 * Start dates interleave across homes. */
	int k = 0;
	for (int round = 0; round < 4; round++) {
		for (int i = 0; i < 5; i++, k++) {
			snprintf(day, sizeof day, "20%02d-0%d-01", 10 + round * 3, i + 1);
			assert_int_equal(start(db, f->t, homes[i], day, &people[k], 1), DB_OK);
			if (round < 3) {
				snprintf(day, sizeof day, "20%02d-0%d-01", 12 + round * 3, i + 1);
				assert_int_equal(tenancy_end(db, &board, f->t->id, day, "", 1), DB_OK);
			}
		}
	}
	struct tenancy_row rows[6];
	struct page_key key;
	int n;
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_FIRST,
				      NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].start_date, "2010-01-01");
	assert_string_equal(rows[0].tenants, "Person 00");
	assert_string_equal(rows[0].end_date, "2012-01-01");
	assert_string_equal(rows[5].start_date, "2013-01-01");
	tenancy_row_key(&rows[5], TENANCY_BY_START, &key);
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_AFTER,
				      &key, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].start_date, "2013-02-01");
	tenancy_row_key(&rows[0], TENANCY_BY_START, &key);
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_BEFORE,
				      &key, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[5].start_date, "2013-01-01");
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, TENANCY_BY_START, PAGE_LAST,
				      NULL, rows, 6, &n), DB_OK);
	assert_string_equal(rows[5].start_date, "2019-05-01");
	assert_string_equal(rows[5].end_date, "");

	/* Current ones only; former ones only. */
	assert_int_equal(tenancy_page(db, &board, TENANCIES_CURRENT, 0, TENANCY_BY_START,
				      PAGE_FIRST, NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++)
		assert_string_equal(rows[i].end_date, "");
	assert_int_equal(tenancy_page(db, &board, TENANCIES_FORMER, 0, TENANCY_BY_START,
				      PAGE_LAST, NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[5].start_date, "2016-05-01");

	/* By home: each home's history together, oldest first. */
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, TENANCY_BY_HOME, PAGE_FIRST,
				      NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_int_equal(rows[3].home_id, homes[0]);
	assert_string_equal(rows[3].start_date, "2019-01-01");
	assert_int_equal(rows[4].home_id, homes[1]);
	assert_string_equal(rows[4].home_ref, "H-001");
	tenancy_row_key(&rows[5], TENANCY_BY_HOME, &key);
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, TENANCY_BY_HOME, PAGE_AFTER,
				      &key, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_int_equal(rows[0].home_id, homes[1]);
	assert_string_equal(rows[0].start_date, "2016-02-01");
	tenancy_row_key(&rows[0], TENANCY_BY_HOME, &key);
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, TENANCY_BY_HOME, PAGE_BEFORE,
				      &key, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[5].start_date, "2013-02-01");
	/* One home's history. */
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, homes[2], TENANCY_BY_HOME,
				      PAGE_FIRST, NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_string_equal(rows[3].tenants, "Person 17");
	assert_int_equal(tenancy_page(db, &board, TENANCIES_ALL, 0, 7, PAGE_FIRST, NULL, rows, 6, &n),
			 DB_INVALID);
}

/* tenancy_start: the tenancy and its occupants in one transaction; an
 * occupant refused takes the tenancy with them, and the home stays void. */
static void start_with_occupants_all_or_nothing(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	int64_t ann = add_member(db, "Ann Tenant", "2020-01-01");
	int64_t home = add_home(db, "H-001");
	struct tenancy_occupant occ[2];
	memset(occ, 0, sizeof occ);
	strcpy(occ[0].name, "Sam Tenant");
	strcpy(occ[0].relationship, "son");
	strcpy(occ[1].name, "   ");     /* no name: the schema refuses it */
	memset(f->t, 0, sizeof *f->t);
	f->t->home_id = home;
	strcpy(f->t->start_date, "2026-11-02");
	assert_int_equal(tenancy_start(db, &board, f->t, &ann, 1, occ, 2), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an occupant's name is 1 to 100 characters");
	assert_int_equal(tenancy_current_for_home(db, &board, home, f->t), DB_NOTFOUND);

	strcpy(occ[1].name, "Jo Lodger");
	strcpy(occ[1].from_date, "2026-11-09");
	memset(f->t, 0, sizeof *f->t);
	f->t->home_id = home;
	strcpy(f->t->start_date, "2026-11-02");
	assert_int_equal(tenancy_start(db, &board, f->t, &ann, 1, occ, 2), DB_OK);
	assert_int_equal(f->t->nsignatories, 1);
	assert_int_equal(f->t->occupants_total, 2);
	assert_string_equal(f->t->occupants[0].name, "Sam Tenant");
	assert_string_equal(f->t->occupants[0].from_date, "2026-11-02");   /* the start */
	assert_string_equal(f->t->occupants[1].from_date, "2026-11-09");
	struct actor volunteer = test_volunteer(0);
	assert_int_equal(tenancy_start(db, &volunteer, f->t, &ann, 1, NULL, 0), DB_DENIED);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_with_signatories_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(overlapping_tenancies_are_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(signatories_must_be_members_throughout, setup, teardown),
		cmocka_unit_test_setup_teardown(start_with_occupants_all_or_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(ending_a_tenancy, setup, teardown),
		cmocka_unit_test_setup_teardown(a_tenant_ceases_only_when_the_tenancy_ends, setup,
						teardown),
		cmocka_unit_test_setup_teardown(occupants_come_and_go, setup, teardown),
		cmocka_unit_test_setup_teardown(every_role_gets_what_it_may, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
