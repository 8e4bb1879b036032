/* tests/unit/test_officers.c: the register of officers (src/db/officers.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/members.h"
#include "coopdesk/officers.h"
#include "testutil.h"

#define assert_words(db, words) assert_non_null(strstr(db_errmsg(db), (words)))

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

static int64_t add_member(struct db *db, const char *name)
{
	struct actor board = test_board();
	struct member m = { 0 };
	snprintf(m.name, sizeof m.name, "%s", name);
	strcpy(m.address, "7 Rowan Close, Rochdale");
	strcpy(m.entered_on, "2019-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

static void fill(struct officer *o, const char *name, enum officer_office office,
		 const char *became)
{
	memset(o, 0, sizeof *o);
	snprintf(o->name, sizeof o->name, "%s", name);
	strcpy(o->address, "2 Hazel Lane, Rochdale");
	o->office = office;
	snprintf(o->became_on, sizeof o->became_on, "%s", became);
}

static int64_t add(struct db *db, const char *name, enum officer_office office,
		   const char *became, const char *ceased)
{
	struct actor board = test_board();
	struct officer o;
	fill(&o, name, office, became);
	if (ceased)
		strcpy(o.ceased_on, ceased);
	assert_int_equal(officer_create(db, &board, &o), DB_OK);
	return o.id;
}

static void create_and_read_back(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t mid = add_member(db, "Zoë Ó Súilleabháin");
	struct officer o = { .member_id = mid, .office = OFFICE_VICE_CHAIR }, got;
	strcpy(o.became_on, "01/04/2025");
	assert_int_equal(officer_create(db, &board, &o), DB_OK);
	assert_true(o.id > 0);
	assert_int_equal(strlen(o.uuid), 36);
	assert_int_equal(o.version, 1);
	assert_string_equal(o.became_on, "2025-04-01");
	/* Name and address come from the member's entry when left empty. */
	assert_int_equal(officer_get(db, &board, o.id, &got), DB_OK);
	assert_string_equal(got.name, "Zoë Ó Súilleabháin");
	assert_string_equal(got.address, "7 Rowan Close, Rochdale");
	assert_int_equal(got.member_id, mid);
	assert_int_equal(got.office, OFFICE_VICE_CHAIR);
	assert_string_equal(officer_office_name(got.office), "vice-chair");
	assert_string_equal(got.became_on, "2025-04-01");
	assert_string_equal(got.ceased_on, "");
	assert_string_equal(got.uuid, o.uuid);

	/* An officer need not be a member (a co-opted secretary, say). */
	fill(&o, "Sam Secretary", OFFICE_SECRETARY, "2024-09-01");
	assert_int_equal(officer_create(db, &board, &o), DB_OK);
	assert_int_equal(officer_get(db, &board, o.id, &got), DB_OK);
	assert_int_equal(got.member_id, 0);
	assert_string_equal(got.address, "2 Hazel Lane, Rochdale");

	assert_int_equal(officer_get(db, &board, 999, &got), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such officer");
}

static void office_names_read_both_ways(void **state)
{
	(void)state;
	for (int i = 0; i < OFFICE_COUNT; i++)
		assert_int_equal(officer_office_parse(officer_office_name((enum officer_office)i)), i);
	assert_int_equal(officer_office_parse("vice_chair"), OFFICE_VICE_CHAIR);
	assert_int_equal(officer_office_parse("treasurer"), OFFICE_TREASURER);
	assert_int_equal(officer_office_parse("president"), -1);
	assert_int_equal(officer_office_parse(NULL), -1);
	assert_string_equal(officer_office_name(OFFICE_COUNT), "?");
}

static void bad_input_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct officer o;
	fill(&o, "Ann Example", OFFICE_CHAIR, "2026-02-29");
	assert_int_equal(officer_create(db, &board, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "the date they became an officer: 2026-02-29: February 2026 has 28 days");
	fill(&o, "Ann Example", OFFICE_CHAIR, "");
	assert_int_equal(officer_create(db, &board, &o), DB_INVALID);
	assert_words(db, "no date given");
	fill(&o, "Ann Example", OFFICE_CHAIR, "2025-01-01");
	strcpy(o.ceased_on, "soon");
	assert_int_equal(officer_create(db, &board, &o), DB_INVALID);
	assert_words(db, "the date they ceased to be an officer: soon: not a date");
	strcpy(o.ceased_on, "2024-12-31");
	assert_int_equal(officer_create(db, &board, &o), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an officer cannot cease before they became one");
	fill(&o, "Ann Example", (enum officer_office)42, "2025-01-01");
	assert_int_equal(officer_create(db, &board, &o), DB_INVALID);
	assert_words(db, "an office is chair, vice-chair");
	fill(&o, "", OFFICE_CHAIR, "2025-01-01");
	assert_int_equal(officer_create(db, &board, &o), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an officer's name is 1 to 100 characters");
	memset(o.name, 'x', 101);
	o.name[101] = '\0';
	assert_int_equal(officer_create(db, &board, &o), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an officer's name is 1 to 100 characters");
	fill(&o, "Ann Example", OFFICE_CHAIR, "2025-01-01");
	o.address[0] = '\0';
	assert_int_equal(officer_create(db, &board, &o), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an officer's address is 1 to 300 characters");
	fill(&o, "Ann Example", OFFICE_CHAIR, "2025-01-01");
	o.member_id = 999;
	assert_int_equal(officer_create(db, &board, &o), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such member");

	struct officer_row rows[5];
	int n;
	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_FIRST, NULL, rows, 5, &n),
			 DB_OK);
	assert_int_equal(n, 0);
}

static void update_conflict_names_who(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor other = { 9, ROLE_BOARD, 0, "Olu Other" };
	int64_t id = add(db, "Łukasz Wróbel", OFFICE_DIRECTOR, "2023-01-09", NULL);
	struct officer a, b;
	assert_int_equal(officer_get(db, &board, id, &a), DB_OK);
	assert_int_equal(officer_get(db, &board, id, &b), DB_OK);
	a.office = OFFICE_TREASURER;
	strcpy(a.address, "9 Elm Court");
	assert_int_equal(officer_update(db, &other, &a), DB_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.name, "Someone Else");
	assert_int_equal(officer_update(db, &board, &b), DB_CONFLICT);
	assert_words(db, "this officer was changed by Olu Other");
	assert_int_equal(officer_get(db, &board, id, &b), DB_OK);
	assert_int_equal(b.office, OFFICE_TREASURER);
	assert_string_equal(b.address, "9 Elm Court");
	assert_string_equal(b.name, "Łukasz Wróbel");

	/* A wrong date of ceasing is put right, or taken away. */
	strcpy(b.ceased_on, "2025-05-05");
	assert_int_equal(officer_update(db, &board, &b), DB_OK);
	b.ceased_on[0] = '\0';
	assert_int_equal(officer_update(db, &board, &b), DB_OK);
	assert_int_equal(b.version, 4);
	assert_int_equal(officer_get(db, &board, id, &a), DB_OK);
	assert_string_equal(a.ceased_on, "");

	strcpy(b.became_on, "2023-02-30");
	assert_int_equal(officer_update(db, &board, &b), DB_INVALID);
	assert_words(db, "February 2023 has 28 days");
	b.id = 999;
	strcpy(b.became_on, "2023-02-28");
	assert_int_equal(officer_update(db, &board, &b), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such officer");
}

static void officers_cease_and_stay_on_the_register(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = add(db, "Ann Example", OFFICE_CHAIR, "2022-10-01", NULL);
	assert_int_equal(officer_cease(db, &board, id, "2022-09-30", 1), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "an officer cannot cease before they became one");
	assert_int_equal(officer_cease(db, &board, id, "", 1), DB_INVALID);
	assert_words(db, "no date given");
	assert_int_equal(officer_cease(db, &board, 999, "2024-10-01", 1), DB_NOTFOUND);
	assert_int_equal(officer_cease(db, &board, id, "2024-10-01", 5), DB_CONFLICT);
	assert_words(db, "test board");
	assert_int_equal(officer_cease(db, &board, id, "2026-11-23", 1), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date they ceased to be an officer cannot be in the"
			    " future (today is 22/11/2026)");
	assert_int_equal(officer_cease(db, &board, id, "30/09/2024", 1), DB_OK);
	struct officer o;
	assert_int_equal(officer_get(db, &board, id, &o), DB_OK);
	assert_string_equal(o.ceased_on, "2024-09-30");
	assert_int_equal(o.version, 2);

	struct officer_row rows[5];
	int n;
	assert_int_equal(officer_page(db, &board, OFFICERS_CURRENT, PAGE_FIRST, NULL, rows, 5, &n),
			 DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(officer_page(db, &board, OFFICERS_FORMER, PAGE_FIRST, NULL, rows, 5, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].ceased_on, "2024-09-30");
}

/* A member's office ends with their membership; a former member is not
 * appointed; the register records no day to come. */
static void a_members_office_ends_with_their_membership(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, "Ann Member");
	strcpy(m.address, "1 Alder Street, Rochdale");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	struct officer o;
	fill(&o, "", OFFICE_CHAIR, "2023-01-01");
	o.address[0] = '\0';
	o.member_id = m.id;
	strcpy(o.became_on, "2026-11-23");
	assert_int_equal(officer_create(db, &board, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date they became an officer cannot be in the"
			    " future (today is 22/11/2026)");
	strcpy(o.became_on, "2023-01-01");
	assert_int_equal(officer_create(db, &board, &o), DB_OK);
	assert_string_equal(o.name, "Ann Member");
	int64_t chair = o.id;
	/* Another office held already over: it keeps its own date. */
	fill(&o, "", OFFICE_SECRETARY, "2021-01-01");
	o.member_id = m.id;
	strcpy(o.ceased_on, "2022-01-01");
	assert_int_equal(officer_create(db, &board, &o), DB_OK);
	int64_t secretary = o.id;

	assert_int_equal(member_cease(db, &board, m.id, "2026-06-30", "moved away", 1), DB_OK);
	assert_int_equal(officer_get(db, &board, chair, &o), DB_OK);
	assert_string_equal(o.ceased_on, "2026-06-30");
	assert_int_equal(officer_get(db, &board, secretary, &o), DB_OK);
	assert_string_equal(o.ceased_on, "2022-01-01");
	fill(&o, "", OFFICE_DIRECTOR, "2026-07-01");
	o.member_id = m.id;
	assert_int_equal(officer_create(db, &board, &o), DB_INVALID);
	assert_string_equal(db_errmsg(db), "they ceased to be a member on 30/06/2026: a member's"
			    " office ends with their membership");
}

static void pages_by_office_then_date(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32], day[16];
	/* 12 directors over the years, plus one of each other office. */
	for (int i = 0; i < 12; i++) {
		snprintf(name, sizeof name, "Director %02d", i);
		snprintf(day, sizeof day, "%04d-06-01", 2025 - i);
		add(db, name, OFFICE_DIRECTOR, day, i >= 6 ? "2025-12-01" : NULL);
	}
	add(db, "Chair Person", OFFICE_CHAIR, "2024-01-01", NULL);
	add(db, "Treasurer Person", OFFICE_TREASURER, "2024-01-01", NULL);
	add(db, "Old Treasurer", OFFICE_TREASURER, "2020-01-01", "2023-12-31");
	add(db, "Vice Person", OFFICE_VICE_CHAIR, "2024-01-01", NULL);
	add(db, "Same Day", OFFICE_DIRECTOR, "2020-06-01", NULL); /* ties with Director 05 */

	struct officer_row rows[6];
	struct page_key key;
	int n;
	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_FIRST, NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].name, "Chair Person");
	assert_string_equal(rows[1].name, "Director 11");  /* 2014 */
	assert_string_equal(rows[5].name, "Director 07");  /* 2018 */
	officer_row_key(&rows[5], &key);
	assert_string_equal(key.text, "director");
	assert_int_equal(key.num, 20180601);
	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_AFTER, &key, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].name, "Director 06");
	assert_string_equal(rows[1].name, "Director 05");
	assert_string_equal(rows[2].name, "Same Day");     /* same day, later id */
	assert_string_equal(rows[5].name, "Director 02");
	officer_row_key(&rows[0], &key);
	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_BEFORE, &key, rows, 6, &n),
			 DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[0].name, "Chair Person");
	assert_string_equal(rows[5].name, "Director 07");
	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_LAST, NULL, rows, 6, &n), DB_OK);
	assert_int_equal(n, 6);
	assert_string_equal(rows[2].name, "Director 00");
	assert_string_equal(rows[3].name, "Old Treasurer");
	assert_string_equal(rows[4].name, "Treasurer Person");
	assert_string_equal(rows[5].name, "Vice Person");
	assert_int_equal(rows[5].office, OFFICE_VICE_CHAIR);
	officer_row_key(&rows[5], &key);
	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_AFTER, &key, rows, 6, &n), DB_OK);
	assert_int_equal(n, 0);

	assert_int_equal(officer_page(db, &board, OFFICERS_CURRENT, PAGE_FIRST, NULL, rows, 6, &n),
			 DB_OK);
	assert_string_equal(rows[1].name, "Director 05");
	assert_int_equal(officer_page(db, &board, OFFICERS_FORMER, PAGE_LAST, NULL, rows, 6, &n),
			 DB_OK);
	assert_string_equal(rows[5].name, "Old Treasurer");
	assert_string_equal(rows[4].name, "Director 06");

	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_BEFORE, NULL, rows, 6, &n),
			 DB_INVALID);
	assert_int_equal(officer_page(db, &board, (enum officer_which)5, PAGE_FIRST, NULL, rows, 6,
				      &n), DB_INVALID);
}

static void everyone_reads_only_the_board_writes(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t mid = add_member(db, "Ann Example");
	int64_t id = add(db, "Chair Person", OFFICE_CHAIR, "2024-01-01", NULL);
	struct actor vol = test_volunteer(mid), mem = test_member(mid), other = test_member(mid + 1);
	const struct actor *readers[] = { &board, &vol, &mem, &other };
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
		struct officer o;
		struct officer_row rows[3];
		int n;
		assert_int_equal(officer_get(db, readers[i], id, &o), DB_OK);
		assert_string_equal(o.name, "Chair Person");
		assert_int_equal(officer_page(db, readers[i], OFFICERS_ALL, PAGE_FIRST, NULL, rows, 3,
					      &n), DB_OK);
		assert_int_equal(n, 1);
	}
	struct officer o;
	struct officer_row rows[3];
	int n;
	assert_int_equal(officer_get(db, NULL, id, &o), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see the register of officers");
	assert_int_equal(officer_page(db, NULL, OFFICERS_ALL, PAGE_FIRST, NULL, rows, 3, &n),
			 DB_DENIED);

	const struct { const struct actor *who; const char *msg; } writers[] = {
		{ &vol, "a volunteer may not change the register of officers" },
		{ &mem, "a member may not change the register of officers" },
		{ NULL, "someone not logged in may not change the register of officers" },
	};
	for (size_t i = 0; i < sizeof writers / sizeof writers[0]; i++) {
		fill(&o, "Val Unteer", OFFICE_DIRECTOR, "2025-01-01");
		assert_int_equal(officer_create(db, writers[i].who, &o), DB_DENIED);
		assert_string_equal(db_errmsg(db), writers[i].msg);
		assert_int_equal(officer_get(db, &board, id, &o), DB_OK);
		strcpy(o.name, "Changed");
		assert_int_equal(officer_update(db, writers[i].who, &o), DB_DENIED);
		assert_string_equal(db_errmsg(db), writers[i].msg);
		assert_int_equal(officer_cease(db, writers[i].who, id, "2025-01-01", 1), DB_DENIED);
		assert_string_equal(db_errmsg(db), writers[i].msg);
	}
	assert_int_equal(officer_get(db, &board, id, &o), DB_OK);
	assert_string_equal(o.name, "Chair Person");
	assert_int_equal(o.version, 1);
	assert_int_equal(officer_page(db, &board, OFFICERS_ALL, PAGE_FIRST, NULL, rows, 3, &n), DB_OK);
	assert_int_equal(n, 1);
}

static void writes_leave_audit_rows_naming_the_actor(void **state)
{
	struct db *db = *state;
	struct actor bea = { 7, ROLE_BOARD, 0, "Bea Board" };
	struct actor cal = { 8, ROLE_BOARD, 0, "Cal Chair" };
	struct officer o;
	fill(&o, "Ann Example", OFFICE_SECRETARY, "2024-01-01");
	assert_int_equal(officer_create(db, &bea, &o), DB_OK);
	strcpy(o.address, "3 Ash Grove");
	assert_int_equal(officer_update(db, &cal, &o), DB_OK);
	o.version = 1;
	assert_int_equal(officer_update(db, &bea, &o), DB_CONFLICT);   /* leaves nothing */
	assert_int_equal(officer_cease(db, &bea, o.id, "2025-01-01", 2), DB_OK);

	struct audit_filter f = { .row_id = o.id };
	strcpy(f.table_name, "officers");
	struct audit_row rows[10];
	int n;
	assert_int_equal(audit_page(db, &bea, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_string_equal(rows[2].action, "insert");
	assert_string_equal(rows[2].actor, "Bea Board");
	assert_int_equal(rows[2].user_id, 7);
	assert_string_equal(rows[1].action, "update");
	assert_string_equal(rows[1].actor, "Cal Chair");
	assert_int_equal(rows[1].user_id, 8);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[0].actor, "Bea Board");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_read_back, setup, teardown),
		cmocka_unit_test(office_names_read_both_ways),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(update_conflict_names_who, setup, teardown),
		cmocka_unit_test_setup_teardown(officers_cease_and_stay_on_the_register, setup, teardown),
		cmocka_unit_test_setup_teardown(a_members_office_ends_with_their_membership, setup,
						teardown),
		cmocka_unit_test_setup_teardown(pages_by_office_then_date, setup, teardown),
		cmocka_unit_test_setup_teardown(everyone_reads_only_the_board_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(writes_leave_audit_rows_naming_the_actor, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
