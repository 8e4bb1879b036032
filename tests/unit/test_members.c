/* tests/unit/test_members.c: the register of members (src/db/members.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/members.h"
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

static int64_t add(struct db *db, const char *name, const char *entered)
{
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, name);
	strcpy(m.address, "1 Alder Street, Rochdale");
	strcpy(m.entered_on, entered);
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

static void create_and_read_back(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member m = { 0 }, got;
	strcpy(m.name, "Zoë Ó Súilleabháin");
	strcpy(m.address, "3 Birch Row");
	strcpy(m.email, "zoe@example.org");
	strcpy(m.email_purpose, "notices of meetings");
	strcpy(m.entered_on, "2024-05-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	assert_true(m.id > 0);
	assert_int_equal(m.member_no, 1);
	assert_int_equal(strlen(m.uuid), 36);
	assert_int_equal(member_get(db, &board, m.id, &got), DB_OK);
	assert_string_equal(got.name, "Zoë Ó Súilleabháin");
	assert_string_equal(got.sort_name, "súilleabháin, zoë ó");
	assert_string_equal(got.email_purpose, "notices of meetings");
	assert_int_equal(got.version, 1);
	assert_int_equal(member_get_by_no(db, &board, 1, &got), DB_OK);
	assert_int_equal(got.id, m.id);
}

static void bad_input_is_refused_in_words(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, "Ann Example");
	strcpy(m.address, "4 Birch Row");
	strcpy(m.entered_on, "2026-02-29");  /* not a leap year */
	assert_int_equal(member_create(db, &board, &m), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "date entered on the register"));

	strcpy(m.entered_on, "2026-02-28");
	memset(m.name, 'x', 101);
	m.name[101] = '\0';
	assert_int_equal(member_create(db, &board, &m), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "1 to 100 characters"));

	strcpy(m.name, "Ann Example");
	strcpy(m.email, "not-an-address");
	strcpy(m.email_purpose, "meetings");
	assert_int_equal(member_create(db, &board, &m), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "name@example.org"));

	/* Nothing half-saved. */
	int64_t all, current;
	assert_int_equal(member_count(db, &all, &current), DB_OK);
	assert_int_equal(all, 0);

	/* A number another holds: their name, and the number free. */
	add(db, "Łukasz Wróbel", "2023-01-09");
	strcpy(m.email, "");
	strcpy(m.email_purpose, "");
	m.member_no = 1;
	assert_int_equal(member_create(db, &board, &m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "member number 1 is already Łukasz Wróbel's; the next"
			    " free number is 2");
}

static void update_conflict_names_who(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = add(db, "Łukasz Wróbel", "2023-01-09");
	struct member a, b;
	assert_int_equal(member_get(db, &board, id, &a), DB_OK);
	assert_int_equal(member_get(db, &board, id, &b), DB_OK);
	strcpy(a.phone, "01706 000000");
	assert_int_equal(member_update(db, &board, &a), DB_OK);
	assert_int_equal(a.version, 2);
	strcpy(b.phone, "07700 900000");
	assert_int_equal(member_update(db, &board, &b), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "test board"));
	assert_int_equal(member_get(db, &board, id, &b), DB_OK);
	assert_string_equal(b.phone, "01706 000000");
}

static void members_cannot_be_deleted_only_ceased(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t id = add(db, "李小龍", "2022-03-01");
	assert_int_equal(member_cease(db, &board, id, "2021-01-01", "moved", 1), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "cannot cease before"));
	assert_int_equal(member_cease(db, &board, id, "2025-06-30", "moved away", 1), DB_OK);
	int64_t all, current;
	assert_int_equal(member_count(db, &all, &current), DB_OK);
	assert_int_equal(all, 1);
	assert_int_equal(current, 0);
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	char name[32];
	for (int i = 0; i < 25; i++) {
		snprintf(name, sizeof name, "Person %02d Surname%02d", i, 24 - i);
		add(db, name, "2020-01-01");
	}
	struct member_row rows[10];
	struct page_key key;
	int n;
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NAME, NULL,
				     PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].sort_name, "surname00, person 24");
	member_row_key(&rows[9], MEMBER_BY_NAME, &key);
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NAME, NULL,
				     PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].sort_name, "surname10, person 14");
	member_row_key(&rows[0], MEMBER_BY_NAME, &key);
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NAME, NULL,
				     PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[9].sort_name, "surname09, person 15");
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NUMBER, NULL,
				     PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(rows[9].member_no, 25);
	assert_int_equal(rows[0].member_no, 16);
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NUMBER, "surname07",
				     PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].name, "Person 17 Surname07");
}

static void search_quotes_are_harmless(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	add(db, "Zoë Ó Súilleabháin", "2020-01-01");
	struct member_row rows[5];
	int n;
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NUMBER, "\"zoe OR",
				     PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 0);
	/* remove_diacritics: "zoe" finds "Zoë". */
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NUMBER, "zoe suil",
				     PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 1);
}

static void register_as_at_a_date(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct actor member = test_member(1);
	add(db, "First Member", "2020-01-01");
	int64_t b = add(db, "Second Member", "2021-01-01");
	assert_int_equal(member_cease(db, &board, b, "2022-06-30", "left", 1), DB_OK);
	struct register_row rows[3];
	int n = -1;
	assert_int_equal(register_as_at_page(db, &member, "2022-01-01", 0, PAGE_FIRST, NULL, rows, 3,
					     &n), DB_DENIED);
	assert_int_equal(n, 0);
	assert_non_null(strstr(db_errmsg(db), "board"));
}

static void writes_leave_audit_rows_naming_the_user(void **state)
{
	struct db *db = *state;
	struct actor volunteer = test_volunteer(0);
	struct member m = { 0 };
	strcpy(m.name, "Val Unteer");
	strcpy(m.address, "x");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &volunteer, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change the register of members");
}

/* A member corrects their own contact details; nobody else but the board
 * may, and nothing but those fields changes. */
static void own_contact_details(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add(db, "Ann Example", "2024-05-01");
	int64_t ben = add(db, "Ben Example", "2024-05-02");
	struct actor ann_self = test_member(ann);
	struct actor ann_vol = test_volunteer(ann);
	struct member m;
	assert_int_equal(member_get(db, &ann_self, ann, &m), DB_OK);
	strcpy(m.address, "2 Alder Street, Rochdale");
	strcpy(m.email, "ann@example.org");
	strcpy(m.email_purpose, "notices");
	strcpy(m.phone, "01632 960001");
	strcpy(m.name, "Not A Name Change");
	assert_int_equal(member_update_contact(db, &ann_self, &m), DB_OK);
	assert_int_equal(m.version, 2);
	assert_int_equal(member_get(db, &board, ann, &m), DB_OK);
	assert_string_equal(m.address, "2 Alder Street, Rochdale");
	assert_string_equal(m.phone, "01632 960001");
	assert_string_equal(m.name, "Ann Example");
	/* A volunteer is a member too: their own only. */
	assert_int_equal(member_update_contact(db, &ann_vol, &m), DB_OK);
	assert_int_equal(member_get(db, &board, ben, &m), DB_OK);
	strcpy(m.phone, "999");
	assert_int_equal(member_update_contact(db, &ann_self, &m), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such member");
	assert_int_equal(member_update_contact(db, &board, &m), DB_OK);
	/* A stale version is a conflict; text with an escape is refused. */
	m.version = 1;
	assert_int_equal(member_update_contact(db, &board, &m), DB_CONFLICT);
	assert_int_equal(member_get(db, &board, ben, &m), DB_OK);
	strcpy(m.address, "1 Alder\x1b[31m Street");
	assert_int_equal(member_update_contact(db, &board, &m), DB_INVALID);
	/* An email is kept with what it was given for, here as on the entry. */
	assert_int_equal(member_get(db, &board, ben, &m), DB_OK);
	strcpy(m.email, "ben@example.org");
	m.email_purpose[0] = '\0';
	assert_int_equal(member_update_contact(db, &board, &m), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db),
			    "say what the email address was given for (at most 200 characters)");
	assert_int_equal(member_update(db, &board, &m), DB_CONSTRAINT);
	int64_t no = 0;
	assert_int_equal(member_next_no(db, &board, &no), DB_OK);
	assert_int_equal(no, 3);
	assert_int_equal(member_next_no(db, &ann_self, &no), DB_DENIED);
}

/* The list shows the shares held and the home to those who may see them,
 * and a member number typed alone finds that member. */
static void list_rows_say_shares_and_home(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t ann = add(db, "Ann Example", "2024-05-01");
	add(db, "Ben Example", "2024-05-02");
	struct actor ann_self = test_member(ann);
	struct member_row rows[4];
	int n;
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NUMBER, NULL, PAGE_FIRST,
				     NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].shares_held, 0);     /* no share issued in this test */
	assert_int_equal(member_page(db, &ann_self, MEMBERS_ALL, MEMBER_BY_NUMBER, NULL, PAGE_FIRST,
				     NULL, rows, 4, &n), DB_OK);
	assert_int_equal(rows[0].shares_held, 0);     /* her own */
	assert_int_equal(rows[1].shares_held, -1);    /* not hers to see */
	assert_int_equal(member_page(db, &board, MEMBERS_ALL, MEMBER_BY_NAME, "2", PAGE_FIRST,
				     NULL, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].member_no, 2);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(update_conflict_names_who, setup, teardown),
		cmocka_unit_test_setup_teardown(members_cannot_be_deleted_only_ceased, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(search_quotes_are_harmless, setup, teardown),
		cmocka_unit_test_setup_teardown(register_as_at_a_date, setup, teardown),
		cmocka_unit_test_setup_teardown(writes_leave_audit_rows_naming_the_user, setup, teardown),
		cmocka_unit_test_setup_teardown(own_contact_details, setup, teardown),
		cmocka_unit_test_setup_teardown(list_rows_say_shares_and_home, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
