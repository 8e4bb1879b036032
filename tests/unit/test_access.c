/* tests/unit/test_access.c: the role table (src/db/access.c), cell by cell,
 * against a table of its own written out below, so that a change to either
 * shows here; and refusals through the data layer, in words. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/audit.h"
#include "coopdesk/members.h"
#include "coopdesk/settings.h"
#include "coopdesk/users.h"
#include "testutil.h"

/* What each role reaches: two letters per area, read then write:
 * N none, O only their own records, A all. domain.md "People and roles". */
static const struct {
	enum area area;
	const char *member, *volunteer, *board, *system;
} expected[] = {
	{ AREA_REGISTER,      "AN", "AN", "AA", "AA" },  /* the register without shares (s.103) */
	{ AREA_SHARES,        "ON", "ON", "AA", "AA" },  /* own shareholding only */
	{ AREA_OFFICERS,      "AN", "AN", "AA", "AA" },
	{ AREA_HOMES,         "ON", "AN", "AA", "AA" },  /* volunteers see homes */
	{ AREA_TENANCIES,     "ON", "AN", "AA", "AA" },  /* ... and who lives there */
	{ AREA_RENT,          "ON", "ON", "AA", "AA" },  /* not rent balances */
	{ AREA_REPAIRS,       "OO", "AA", "AA", "AA" },  /* report for own home; log, progress */
	{ AREA_MEETINGS,      "ON", "ON", "AA", "AA" },  /* published minutes and outcomes */
	{ AREA_DECISIONS,     "NN", "NN", "AA", "AA" },
	{ AREA_PARTICIPATION, "ON", "OO", "AA", "AA" },  /* a volunteer logs their own hours */
	{ AREA_COMPLAINTS,    "OO", "OO", "AA", "AA" },
	{ AREA_USERS,         "OO", "OO", "AA", "AA" },  /* own account: password */
	{ AREA_AUDIT,         "NN", "NN", "AN", "AN" },  /* nobody writes the trail */
	{ AREA_SETTINGS,      "AN", "AN", "AA", "AA" },
};

static enum access_level level_of(char c)
{
	switch (c) {
	case 'O': return ACCESS_OWN;
	case 'A': return ACCESS_ALL;
	default: return ACCESS_NONE;
	}
}

static const char *const level_names[] = { "none", "own", "all" };

static void check_cell(const struct actor *who, const char *label, enum area a,
		       const char *cells)
{
	for (int op = OP_READ; op <= OP_WRITE; op++) {
		enum access_level want = level_of(cells[op]);
		enum access_level got = access_level(who, a, (enum access_op)op);
		if (got != want)
			fail_msg("%s, %s, %s: expected %s, access.c gives %s", label,
				 access_area_name(a), op == OP_READ ? "read" : "write",
				 level_names[want], level_names[got]);
	}
}

static void every_cell_of_the_role_table(void **state)
{
	(void)state;
	struct actor member = test_member(5), volunteer = test_volunteer(0);
	struct actor board = test_board(), sys = actor_system(NULL);
	assert_int_equal(sizeof expected / sizeof expected[0], AREA_COUNT);
	for (size_t i = 0; i < AREA_COUNT; i++) {
		assert_int_equal(expected[i].area, (enum area)i);
		check_cell(&member, "member", expected[i].area, expected[i].member);
		check_cell(&volunteer, "volunteer", expected[i].area, expected[i].volunteer);
		check_cell(&board, "board", expected[i].area, expected[i].board);
		check_cell(&sys, "command line", expected[i].area, expected[i].system);
	}
}

/* A member with no linked member entry has no "own" records: every O is N. */
static void an_unlinked_member_has_no_own_records(void **state)
{
	(void)state;
	struct actor member = test_member(0);
	for (size_t i = 0; i < AREA_COUNT; i++) {
		char cells[3];
		for (int op = 0; op < 2; op++)
			cells[op] = expected[i].member[op] == 'O' ? 'N' : expected[i].member[op];
		cells[2] = '\0';
		check_cell(&member, "unlinked member", expected[i].area, cells);
	}
	/* A volunteer's "own" needs no link: it is their account, their complaints. */
	struct actor volunteer = test_volunteer(0);
	assert_int_equal(access_level(&volunteer, AREA_USERS, OP_WRITE), ACCESS_OWN);
}

static void nobody_reaches_nothing(void **state)
{
	(void)state;
	struct actor none = { 9, ROLE_NONE, 1, "nobody" };
	struct actor odd = { 9, (enum role)42, 1, "odd" };
	struct actor board = test_board();
	for (int a = 0; a < AREA_COUNT; a++)
		for (int op = OP_READ; op <= OP_WRITE; op++) {
			assert_int_equal(access_level(NULL, (enum area)a, (enum access_op)op),
					 ACCESS_NONE);
			assert_int_equal(access_level(&none, (enum area)a, (enum access_op)op),
					 ACCESS_NONE);
			assert_int_equal(access_level(&odd, (enum area)a, (enum access_op)op),
					 ACCESS_NONE);
		}
	/* Out of range areas and operations are nothing, even for the board. */
	assert_int_equal(access_level(&board, AREA_COUNT, OP_READ), ACCESS_NONE);
	assert_int_equal(access_level(&board, (enum area)-1, OP_READ), ACCESS_NONE);
	assert_int_equal(access_level(&board, AREA_REGISTER, (enum access_op)2), ACCESS_NONE);
}

static void names_and_parsing(void **state)
{
	(void)state;
	for (int a = 0; a < AREA_COUNT; a++) {
		const char *name = access_area_name((enum area)a);
		assert_non_null(name);
		assert_true(strlen(name) > 2);
		for (int b = 0; b < a; b++)
			assert_string_not_equal(name, access_area_name((enum area)b));
	}
	assert_string_equal(access_area_name(AREA_AUDIT), "the audit trail");
	assert_string_equal(access_area_name(AREA_COUNT), "that");
	assert_string_equal(access_role_name(ROLE_MEMBER), "member");
	assert_string_equal(access_role_name(ROLE_VOLUNTEER), "volunteer");
	assert_string_equal(access_role_name(ROLE_BOARD), "board");
	assert_string_equal(access_role_name(ROLE_SYSTEM), "command line");
	assert_string_equal(access_role_name(ROLE_NONE), "nobody");
	assert_int_equal(access_role_parse("board"), ROLE_BOARD);
	assert_int_equal(access_role_parse("volunteer"), ROLE_VOLUNTEER);
	assert_int_equal(access_role_parse("member"), ROLE_MEMBER);
	assert_int_equal(access_role_parse("Board"), ROLE_NONE);
	assert_int_equal(access_role_parse("command line"), ROLE_NONE);
	assert_int_equal(access_role_parse(""), ROLE_NONE);
	assert_int_equal(access_role_parse(NULL), ROLE_NONE);
}

/* ---- refusals through the data layer ------------------------------------ */

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

static void refusals_say_who_and_what(void **state)
{
	struct db *db = *state;
	struct actor board = test_board(), volunteer = test_volunteer(0);
	struct actor member = test_member(1), unlinked = test_member(0);
	struct member m = { 0 };
	strcpy(m.name, "Ann Example");
	strcpy(m.address, "1 Alder Street");
	strcpy(m.entered_on, "2024-01-01");

	assert_int_equal(member_create(db, &volunteer, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change the register of members");
	assert_int_equal(member_create(db, &member, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change the register of members");
	assert_int_equal(member_create(db, NULL, &m), DB_DENIED);
	assert_string_equal(db_errmsg(db),
			    "someone not logged in may not change the register of members");
	assert_int_equal(member_create(db, &board, &m), DB_OK);

	/* Reading the register is open to every logged-in role (s.103). */
	struct member got;
	assert_int_equal(member_get(db, &member, m.id, &got), DB_OK);
	assert_int_equal(member_get(db, &volunteer, m.id, &got), DB_OK);
	assert_int_equal(member_get(db, NULL, m.id, &got), DB_DENIED);
	assert_string_equal(db_errmsg(db),
			    "someone not logged in may not see the register of members");

	/* The trail: nobody but the board, and the message names the role. */
	struct audit_row rows[2];
	int n;
	assert_int_equal(audit_page(db, &volunteer, NULL, PAGE_FIRST, NULL, rows, 2, &n),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not see the audit trail");
	assert_int_equal(audit_page(db, &member, NULL, PAGE_FIRST, NULL, rows, 2, &n), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see the audit trail");
	assert_int_equal(audit_page(db, &board, NULL, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);

	/* Settings: everyone reads, the board changes. */
	struct setting s;
	assert_int_equal(setting_get(db, "lockout_minutes", &s), DB_OK);
	assert_int_equal(setting_set(db, &volunteer, "lockout_minutes", "30", s.version),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change settings");
	assert_int_equal(setting_set(db, &member, "lockout_minutes", "30", s.version), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change settings");

	/* Accounts: "own" is not "all". */
	int64_t id;
	assert_int_equal(user_create(db, &volunteer, "xy", "X Y", ROLE_VOLUNTEER, 0,
				     "long enough pw", &id), DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may add user accounts");
	assert_int_equal(user_create(db, &unlinked, "xy", "X Y", ROLE_VOLUNTEER, 0,
				     "long enough pw", &id), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not change user accounts");
	struct user rows_u[2];
	assert_int_equal(user_page(db, &unlinked, PAGE_FIRST, NULL, rows_u, 2, &n), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see user accounts");

	/* The command line reaches everything but writing the trail. */
	struct actor sys = actor_system(NULL);
	assert_int_equal(audit_page(db, &sys, NULL, PAGE_FIRST, NULL, rows, 2, &n), DB_OK);
	assert_int_equal(user_create(db, &sys, "xy", "X Y", ROLE_VOLUNTEER, 0, "long enough pw",
				     &id), DB_OK);
}

/* The sentence a refusal gives, made here from the parts. */
static void refusal(const struct actor *who, enum area a, enum access_op op, char *buf,
		    size_t n)
{
	enum role r = who ? who->role : ROLE_NONE;
	snprintf(buf, n, "%s may not %s %s",
		 r == ROLE_BOARD ? "a board member" : r == ROLE_VOLUNTEER ? "a volunteer"
		 : r == ROLE_MEMBER ? "a member" : "someone not logged in",
		 op == OP_READ ? "see" : "change", access_area_name(a));
}

/* The newest entry of the trail, to show that nothing was written. */
static int64_t newest_audit(struct db *db)
{
	struct actor sys = actor_system(NULL);
	struct audit_row row;
	int n;
	assert_int_equal(audit_page(db, &sys, NULL, PAGE_FIRST, NULL, &row, 1, &n), DB_OK);
	return n ? row.id : 0;
}

/* db_may answers for every role, area and operation as the table says, in
 * the words of a refused call, and touches nothing. */
static void may_this_user_open_this(void **state)
{
	struct db *db = *state;
	struct actor board = test_board(), volunteer = test_volunteer(0);
	struct actor member = test_member(1), unlinked = test_member(0);
	struct actor sys = actor_system(NULL), none = { 9, ROLE_NONE, 1, "nobody" };
	const struct {
		const struct actor *who;
		const char *label;
		int column;      /* expected[]'s: 0 member ... 3 command line */
		int unlinked;    /* "own" is nothing */
		int nobody;      /* nothing at all */
	} roles[] = {
		{ &member, "member", 0, 0, 0 }, { &unlinked, "unlinked member", 0, 1, 0 },
		{ &volunteer, "volunteer", 1, 0, 0 }, { &board, "board", 2, 0, 0 },
		{ &sys, "command line", 3, 0, 0 }, { NULL, "no actor", 0, 0, 1 },
		{ &none, "no role", 0, 0, 1 },
	};
	int64_t audit_before = newest_audit(db);
	struct setting s;
	const char *before = "there is no setting 'none'";
	for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++) {
		for (int a = 0; a < AREA_COUNT; a++) {
			const char *cells[] = { expected[a].member, expected[a].volunteer,
						expected[a].board, expected[a].system };
			for (int op = OP_READ; op <= OP_WRITE; op++) {
				char cell = cells[roles[r].column][op], want[160];
				int allowed = !roles[r].nobody && cell != 'N' &&
					      !(roles[r].unlinked && cell == 'O');
				assert_int_equal(setting_get(db, "none", &s), DB_NOTFOUND);
				int rc = db_may(db, roles[r].who, (enum area)a, (enum access_op)op);
				if (rc != (allowed ? DB_OK : DB_DENIED))
					fail_msg("%s, %s, %s: db_may gave %d", roles[r].label,
						 access_area_name((enum area)a),
						 op ? "write" : "read", rc);
				refusal(roles[r].who, (enum area)a, (enum access_op)op, want,
					sizeof want);
				assert_string_equal(db_errmsg(db), allowed ? before : want);
				assert_false(db_in_transaction(db));
			}
		}
	}
	assert_int_equal(newest_audit(db), audit_before);

	/* The words, as the screens will show them. */
	assert_int_equal(db_may(db, &member, AREA_DECISIONS, OP_READ), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see board decisions");
	assert_int_equal(db_may(db, &volunteer, AREA_REGISTER, OP_WRITE), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a volunteer may not change the register of members");
	assert_int_equal(db_may(db, &board, AREA_AUDIT, OP_WRITE), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a board member may not change the audit trail");
	assert_int_equal(db_may(db, NULL, AREA_REPAIRS, OP_READ), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see repairs");
	assert_int_equal(db_may(db, &unlinked, AREA_USERS, OP_READ), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see user accounts");
	/* The same words as the call it stands in for. */
	struct user u[1];
	int n;
	assert_int_equal(user_page(db, &unlinked, PAGE_FIRST, NULL, u, 1, &n), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see user accounts");
	assert_int_equal(db_may(db, &member, AREA_USERS, OP_WRITE), DB_OK);
	assert_int_equal(db_may(db, &volunteer, AREA_REPAIRS, OP_WRITE), DB_OK);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_cell_of_the_role_table),
		cmocka_unit_test(an_unlinked_member_has_no_own_records),
		cmocka_unit_test(nobody_reaches_nothing),
		cmocka_unit_test(names_and_parsing),
		cmocka_unit_test_setup_teardown(refusals_say_who_and_what, setup, teardown),
		cmocka_unit_test_setup_teardown(may_this_user_open_this, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
