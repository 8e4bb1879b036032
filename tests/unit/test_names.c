/* tests/unit/test_names.c: text people type is refused on save when it
 * holds control characters or direction-changing marks (text.h,
 * db_check_line): names, addresses, titles and other one-line text refuse
 * all of them; descriptions and notes allow new lines and tabs only. Each
 * aggregate that saves such text, in words, with DB_INVALID, and nothing
 * written to the audit trail. */
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
#include "coopdesk/contractors.h"
#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/repairs.h"
#include "coopdesk/users.h"
#include "testutil.h"

#define ESC_RED "\x1b[31m"
#define RLO "\xE2\x80\xAE"     /* U+202E */
#define PDI "\xE2\x81\xA9"     /* U+2069 */
#define ONE_LINE "cannot contain control characters (such as escape, tab or a new line)" \
	" or direction-changing marks"
#define LINES "cannot contain control characters (such as escape) other than new lines" \
	" and tabs, or direction-changing marks"

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

static int64_t audit_rows(struct db *db)
{
	return audit_count_for(db, "members", 0) + audit_count_for(db, "users", 0) +
	       audit_count_for(db, "contractors", 0) + audit_count_for(db, "homes", 0) +
	       audit_count_for(db, "repairs", 0) + audit_count_for(db, "repair_events", 0);
}

static void members(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct member *m = calloc(1, sizeof *m);
	assert_non_null(m);
	int64_t before = audit_rows(db);
	strcpy(m->name, "Ann" ESC_RED "Red");
	strcpy(m->address, "1 Alder Street");
	strcpy(m->entered_on, "2024-01-01");
	assert_int_equal(member_create(db, &board, m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a member's name " ONE_LINE);
	strcpy(m->name, "Ann " RLO "deR");
	assert_int_equal(member_create(db, &board, m), DB_INVALID);
	strcpy(m->name, "Ann\tRed");
	assert_int_equal(member_create(db, &board, m), DB_INVALID);
	strcpy(m->name, "Zoë Ó Súilleabháin");
	strcpy(m->address, "1 Alder Street\nRochdale");
	assert_int_equal(member_create(db, &board, m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a postal address " ONE_LINE);
	strcpy(m->address, "1 Alder Street, Rochdale");
	strcpy(m->phone, "07700 900" PDI "123");
	assert_int_equal(member_create(db, &board, m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a phone number " ONE_LINE);
	m->phone[0] = '\0';
	strcpy(m->notes, "Prefers letters." ESC_RED);
	assert_int_equal(member_create(db, &board, m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "notes " LINES);
	assert_int_equal(audit_rows(db), before);

	/* Notes may run to several lines, and tabs. */
	strcpy(m->notes, "Prefers letters.\n\tNot on Fridays.");
	assert_int_equal(member_create(db, &board, m), DB_OK);
	strcpy(m->postcode, "OL16 " RLO "1AB");
	assert_int_equal(member_update(db, &board, m), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a postcode " ONE_LINE);
	m->postcode[0] = '\0';
	assert_int_equal(member_cease(db, &board, m->id, "2024-06-01", "moved\naway", m->version),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "a reason for ceasing " ONE_LINE);
	assert_int_equal(audit_rows(db), before + 1);
	free(m);
}

static void users(void **state)
{
	struct db *db = *state;
	struct actor sys = actor_system(NULL);
	int64_t id, before = audit_rows(db);
	assert_int_equal(user_create(db, &sys, "ann", "Ann" ESC_RED "Red", ROLE_VOLUNTEER, 0,
				     "ann-pass-123", &id), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a display name " ONE_LINE);
	assert_int_equal(user_create(db, &sys, "ann", "Ann " RLO "deR", ROLE_VOLUNTEER, 0,
				     "ann-pass-123", &id), DB_INVALID);
	assert_int_equal(audit_rows(db), before);
	/* Spaces, tabs or new lines around a name are trimmed, not refused. */
	assert_int_equal(user_create(db, &sys, "ann", " Ann Red\n", ROLE_VOLUNTEER, 0,
				     "ann-pass-123", &id), DB_OK);
	struct user u;
	assert_int_equal(user_get(db, &sys, id, &u), DB_OK);
	assert_string_equal(u.display_name, "Ann Red");
}

static void contractors_and_homes(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	int64_t before = audit_rows(db);
	struct contractor c = { 0 };
	strcpy(c.name, "Pennine\tPlumbing");
	assert_int_equal(contractor_create(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a contractor's name " ONE_LINE);
	strcpy(c.name, "Pennine Plumbing");
	strcpy(c.trade, "plumber" RLO);
	assert_int_equal(contractor_create(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a trade " ONE_LINE);
	strcpy(c.trade, "plumber");
	assert_int_equal(contractor_create(db, &board, &c), DB_OK);
	strcpy(c.email, "p@example.org" ESC_RED);
	assert_int_equal(contractor_update(db, &board, &c), DB_INVALID);
	assert_string_equal(db_errmsg(db), "an email address " ONE_LINE);

	struct home h = { 0 };
	strcpy(h.ref, "WEA-10" ESC_RED);
	strcpy(h.address, "10 Weaver Street");
	assert_int_equal(home_create(db, &board, &h), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a home's reference " ONE_LINE);
	strcpy(h.ref, "WEA-10");
	strcpy(h.address, "10 Weaver " RLO "Street");
	assert_int_equal(home_create(db, &board, &h), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a home's address " ONE_LINE);
	strcpy(h.address, "10 Weaver Street");
	strcpy(h.notes, "Boiler in the loft.\nKey with no. 12.");
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	strcpy(h.street, "Weaver\nStreet");
	assert_int_equal(home_update(db, &board, &h), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a street " ONE_LINE);
	assert_int_equal(audit_rows(db), before + 2);
}

static void repairs(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct home h = { 0 };
	strcpy(h.ref, "H-1");
	strcpy(h.address, "1 Mill Lane");
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	int64_t before = audit_rows(db);
	struct repair *r = calloc(1, sizeof *r);
	assert_non_null(r);
	r->home_id = h.id;
	r->priority = REPAIR_ROUTINE;
	strcpy(r->title, "Tap " RLO "spird");
	assert_int_equal(repair_report(db, &board, r), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a repair's summary " ONE_LINE);
	strcpy(r->title, "Tap drips");
	strcpy(r->location, "kitchen\t");
	assert_int_equal(repair_report(db, &board, r), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a location " ONE_LINE);
	strcpy(r->location, "kitchen");
	strcpy(r->description, "Drips all night." ESC_RED);
	assert_int_equal(repair_report(db, &board, r), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a repair's description " LINES);
	assert_int_equal(audit_rows(db), before);
	strcpy(r->description, "Drips all night.\n\tWorse when the heating is on.");
	assert_int_equal(repair_report(db, &board, r), DB_OK);

	strcpy(r->title, "Tap\ndrips");
	assert_int_equal(repair_update(db, &board, r), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a repair's summary " ONE_LINE);
	assert_int_equal(repair_note(db, &board, r->id, "rang" ESC_RED), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a note " LINES);
	assert_int_equal(repair_move(db, &board, r->id, r->version, REPAIR_CANCELLED,
				     "duplicate " RLO, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a note " LINES);
	assert_int_equal(repair_note(db, &board, r->id, "rang twice:\n\tno answer"), DB_OK);
	struct repair got;
	assert_int_equal(repair_get(db, &board, r->id, &got), DB_OK);
	assert_string_equal(got.title, "Tap drips");
	assert_int_equal(got.status, REPAIR_REPORTED);
	free(r);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	setenv("COOPDESK_NOW", "2026-11-22T10:00:00Z", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(members, setup, teardown),
		cmocka_unit_test_setup_teardown(users, setup, teardown),
		cmocka_unit_test_setup_teardown(contractors_and_homes, setup, teardown),
		cmocka_unit_test_setup_teardown(repairs, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
