/* tests/unit/test_users.c: user accounts, passwords, login and lockout
 * (src/db/users.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopdesk/audit.h"
#include "coopdesk/members.h"
#include "coopdesk/settings.h"
#include "coopdesk/users.h"
#include "testutil.h"

#define PW_ANN "ann's long secret"
#define PW_BOB "bob's long secret"
#define PW_VAL "val's long secret"
#define PW_MEG "meg's long secret"
#define LOCKED_1015 "too many failed attempts: this account is locked until 10:15"

/* A logged-in actor and the buffer its name points into. */
struct who {
	struct actor a;
	char name[USER_DISPLAY_MAX * 4 + 1];
};

static void at(const char *instant)
{
	assert_int_equal(setenv("COOPDESK_NOW", instant, 1), 0);
}

static int setup(void **state)
{
	at("2026-03-01T10:00:00Z");
	*state = test_db_new();
	return 0;
}

static int teardown(void **state)
{
	test_crypt_fails = 0; /* for the next test, if this one failed */
	db_close(*state);
	unsetenv("COOPDESK_NOW");
	return 0;
}

static int64_t add_member(struct db *db, const char *name)
{
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, name);
	strcpy(m.address, "1 Alder Street, Rochdale");
	strcpy(m.entered_on, "2024-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

static int64_t add_user(struct db *db, const char *username, const char *display,
			enum role role, int64_t member_id, const char *pw)
{
	struct actor sys = actor_system("setup");
	int64_t id = 0;
	int rc = user_create(db, &sys, username, display, role, member_id, pw, &id);
	if (rc)
		fail_msg("user_create(%s): %s", username, db_errmsg(db));
	assert_true(id > 0);
	return id;
}

static void login_as(struct db *db, const char *username, const char *pw, struct who *w)
{
	int rc = user_login(db, username, pw, &w->a, w->name, sizeof w->name);
	if (rc)
		fail_msg("user_login(%s): %s", username, db_errmsg(db));
}

/* Ann (board), Val (volunteer), Meg (member). */
struct cast {
	int64_t ann, val, meg, meg_member;
};

static struct cast cast(struct db *db)
{
	struct cast c;
	c.meg_member = add_member(db, "Meg Member");
	c.ann = add_user(db, "ann", "Ann Board", ROLE_BOARD, 0, PW_ANN);
	c.val = add_user(db, "val", "Val Unteer", ROLE_VOLUNTEER, 0, PW_VAL);
	c.meg = add_user(db, "meg", "Meg Member", ROLE_MEMBER, c.meg_member, PW_MEG);
	return c;
}

static void create_and_read_back(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct actor sys = actor_system(NULL);
	struct user u;
	assert_int_equal(user_get(db, &sys, c.meg, &u), DB_OK);
	assert_int_equal(u.id, c.meg);
	assert_string_equal(u.username, "meg");
	assert_string_equal(u.display_name, "Meg Member");
	assert_int_equal(u.role, ROLE_MEMBER);
	assert_int_equal(u.member_id, c.meg_member);
	assert_int_equal(strlen(u.uuid), 36);
	assert_string_equal(u.created_at, "2026-03-01T10:00:00Z");
	assert_string_equal(u.last_login_at, "");
	assert_string_equal(u.locked_until, "");
	assert_int_equal(u.locked, 0);
	assert_int_equal(u.disabled, 0);
	assert_int_equal(u.failed_logins, 0);
	assert_int_equal(u.version, 1);
	/* Usernames ignore case, for finding and for taking. */
	assert_int_equal(user_get_by_name(db, &sys, "MEG", &u), DB_OK);
	assert_int_equal(u.id, c.meg);
	int64_t id = 0;
	assert_int_equal(user_create(db, &sys, "Meg", "Another Meg", ROLE_VOLUNTEER, 0,
				     PW_MEG, &id), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "that username is taken");
	assert_int_equal(user_get(db, &sys, 9999, &u), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such user account");
	/* A board member (not only the command line) may add accounts. */
	struct who ann;
	login_as(db, "ann", PW_ANN, &ann);
	assert_int_equal(user_create(db, &ann.a, "bob", "  Bob Board  ", ROLE_BOARD, 0, PW_BOB,
				     &id), DB_OK);
	assert_int_equal(user_get(db, &ann.a, id, &u), DB_OK);
	assert_string_equal(u.display_name, "Bob Board");
}

static void create_refusals_in_words(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct actor sys = actor_system(NULL);
	struct who val, meg;
	int64_t id = -7;
	login_as(db, "val", PW_VAL, &val);
	login_as(db, "meg", PW_MEG, &meg);
	int64_t before = audit_count_for(db, "users", 0);

	assert_int_equal(user_create(db, &val.a, "x1", "X", ROLE_VOLUNTEER, 0, PW_BOB, &id),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may add user accounts");
	assert_int_equal(user_create(db, &meg.a, "x1", "X", ROLE_VOLUNTEER, 0, PW_BOB, &id),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may add user accounts");
	assert_int_equal(user_create(db, NULL, "x1", "X", ROLE_VOLUNTEER, 0, PW_BOB, &id),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not change user accounts");
	assert_int_equal(user_create(db, &sys, "x1", "X", ROLE_SYSTEM, 0, PW_BOB, &id),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "a user's role is board, volunteer or member");
	assert_int_equal(user_create(db, &sys, "x1", "X", ROLE_MEMBER, 0, PW_BOB, &id),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a member's account must be linked to their entry in the register");
	assert_int_equal(user_create(db, &sys, "x1", "X", ROLE_VOLUNTEER, 0, "short", &id),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "a password needs at least 8 characters");
	assert_int_equal(user_create(db, &sys, "x1", "X", ROLE_VOLUNTEER, 0, "zzzzzzzzzz", &id),
			 DB_INVALID);
	assert_string_equal(db_errmsg(db), "a password cannot be one character repeated");
	assert_int_equal(user_create(db, &sys, "has space", "X", ROLE_VOLUNTEER, 0, PW_BOB, &id),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db),
			    "a username is 2 to 32 letters, digits, dots, dashes or underscores");
	assert_int_equal(user_create(db, &sys, "x", "X", ROLE_VOLUNTEER, 0, PW_BOB, &id),
			 DB_CONSTRAINT);
	char long_name[100];
	memset(long_name, 'n', 81);
	long_name[81] = '\0';
	assert_int_equal(user_create(db, &sys, "x1", long_name, ROLE_VOLUNTEER, 0, PW_BOB, &id),
			 DB_CONSTRAINT);
	assert_string_equal(db_errmsg(db), "a display name is 1 to 80 characters");
	assert_int_equal(user_create(db, &sys, "x1", "   ", ROLE_VOLUNTEER, 0, PW_BOB, &id),
			 DB_CONSTRAINT);
	assert_int_equal(user_create(db, &sys, "x1", "X", ROLE_MEMBER, c.meg_member + 100,
				     PW_BOB, &id), DB_CONSTRAINT);
	assert_non_null(strstr(db_errmsg(db), "record that does not exist"));
	/* 80 characters of UTF-8 fit (length counts characters, not bytes). */
	char wide[400] = "";
	for (int i = 0; i < 80; i++)
		strcat(wide, "é");
	assert_int_equal(user_create(db, &sys, "x1", wide, ROLE_VOLUNTEER, 0, PW_BOB, &id), DB_OK);
	/* Nothing half-saved: the one account that was made is the one insert. */
	assert_int_equal(audit_count_for(db, "users", 0), before + 1);
}

static void others_see_only_their_own_account(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct who val, meg, ann;
	struct user u, rows[10];
	int n;
	login_as(db, "val", PW_VAL, &val);
	login_as(db, "meg", PW_MEG, &meg);
	login_as(db, "ann", PW_ANN, &ann);
	assert_int_equal(user_get(db, &val.a, c.val, &u), DB_OK);
	assert_string_equal(u.username, "val");
	assert_int_equal(user_get(db, &val.a, c.ann, &u), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such user account");
	assert_int_equal(u.id, 0);
	assert_int_equal(user_get_by_name(db, &meg.a, "ann", &u), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such user account");
	assert_int_equal(user_get_by_name(db, &meg.a, "meg", &u), DB_OK);
	assert_int_equal(user_page(db, &meg.a, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, c.meg);
	assert_int_equal(user_page(db, &ann.a, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(user_page(db, NULL, PAGE_FIRST, NULL, rows, 10, &n), DB_DENIED);
	assert_string_equal(db_errmsg(db), "someone not logged in may not see user accounts");
	assert_int_equal(n, 0);
	/* A member account with no member link reaches nothing at all. */
	struct actor loose = { c.meg, ROLE_MEMBER, 0, "loose" };
	assert_int_equal(user_get(db, &loose, c.meg, &u), DB_DENIED);
	assert_string_equal(db_errmsg(db), "a member may not see user accounts");
}

/* Each account carries its member's number, read with it (not a member
 * read per row of a list). */
static void the_members_number_comes_with_the_account(void **state)
{
	struct db *db = *state;
	struct actor board = test_board(), sys = actor_system(NULL);
	struct member m = { 0 };
	strcpy(m.name, "Nia Number");
	strcpy(m.address, "4 Alder Street, Rochdale");
	strcpy(m.entered_on, "2024-01-01");
	m.member_no = 42;
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	struct cast c = cast(db);    /* Meg's member number is 43 */
	int64_t nia = add_user(db, "nia", "Nia Number", ROLE_VOLUNTEER, m.id, PW_VAL);
	struct user u, rows[10];
	int n;
	assert_int_equal(user_get(db, &sys, nia, &u), DB_OK);
	assert_int_equal(u.member_id, m.id);
	assert_int_equal(u.member_no, 42);
	assert_int_equal(user_get_by_name(db, &sys, "MEG", &u), DB_OK);
	assert_int_equal(u.member_no, 43);
	assert_int_equal(user_get(db, &sys, c.ann, &u), DB_OK);
	assert_int_equal(u.member_no, 0);
	assert_int_equal(user_page(db, &sys, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 4);
	const char *names[] = { "ann", "meg", "nia", "val" };
	const int64_t numbers[] = { 0, 43, 42, 0 };
	for (int i = 0; i < n; i++) {
		assert_string_equal(rows[i].username, names[i]);
		assert_int_equal(rows[i].member_no, numbers[i]);
	}
	/* A new link shows the new number; no link, none. */
	assert_int_equal(user_set_role(db, &sys, c.val, ROLE_VOLUNTEER, c.meg_member), DB_OK);
	assert_int_equal(user_set_role(db, &sys, nia, ROLE_VOLUNTEER, 0), DB_OK);
	assert_int_equal(user_page(db, &sys, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(rows[2].member_no, 0);
	assert_int_equal(rows[3].member_no, 43);
}

static void pages_walk_both_ways(void **state)
{
	struct db *db = *state;
	struct actor sys = actor_system(NULL);
	char name[16], display[32];
	/* Mixed case: the order ignores it. */
	for (int i = 24; i >= 0; i--) {
		snprintf(name, sizeof name, i % 2 ? "User%02d" : "user%02d", i);
		snprintf(display, sizeof display, "Person %d", i);
		add_user(db, name, display, ROLE_VOLUNTEER, 0, PW_VAL);
	}
	struct user rows[10];
	struct page_key key;
	int n;
	assert_int_equal(user_page(db, &sys, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].username, "user00");
	assert_string_equal(rows[1].username, "User01");
	assert_string_equal(rows[9].username, "User09");
	user_row_key(&rows[9], &key);
	assert_int_equal(user_page(db, &sys, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].username, "user10");
	user_row_key(&rows[9], &key);
	assert_int_equal(user_page(db, &sys, PAGE_AFTER, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 5);
	assert_string_equal(rows[4].username, "user24");
	user_row_key(&rows[0], &key);
	assert_int_equal(user_page(db, &sys, PAGE_BEFORE, &key, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].username, "user10");
	assert_string_equal(rows[9].username, "User19");
	assert_int_equal(user_page(db, &sys, PAGE_LAST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 10);
	assert_string_equal(rows[0].username, "User15");
	assert_string_equal(rows[9].username, "user24");
	assert_int_equal(user_page(db, &sys, PAGE_AFTER, NULL, rows, 10, &n), DB_INVALID);
}

static void changing_passwords(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct who val, ann, meg;
	login_as(db, "val", PW_VAL, &val);
	login_as(db, "ann", PW_ANN, &ann);
	login_as(db, "meg", PW_MEG, &meg);

	/* One's own: the current password is needed, and must be right. */
	assert_int_equal(user_set_password(db, &val.a, c.val, "not it at all", "val's new secret"),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "your current password is not right");
	assert_int_equal(user_set_password(db, &val.a, c.val, NULL, "val's new secret"), DB_DENIED);
	assert_int_equal(user_set_password(db, &val.a, c.val, PW_VAL, "1111111111"), DB_INVALID);
	assert_string_equal(db_errmsg(db), "a password cannot be one character repeated");
	assert_int_equal(user_set_password(db, &val.a, c.val, PW_VAL, "val's new secret"), DB_OK);
	struct who again;
	assert_int_equal(user_login(db, "val", PW_VAL, &again.a, again.name, sizeof again.name),
			 DB_DENIED);
	login_as(db, "val", "val's new secret", &again);

	/* Someone else's: the board only, and without the current one. */
	assert_int_equal(user_set_password(db, &val.a, c.meg, NULL, "meg's new secret"), DB_DENIED);
	assert_string_equal(db_errmsg(db), "you may change only your own password");
	assert_int_equal(user_set_password(db, &meg.a, c.ann, PW_ANN, "ann's new secret"),
			 DB_DENIED);
	assert_string_equal(db_errmsg(db), "you may change only your own password");
	assert_int_equal(user_set_password(db, &ann.a, c.meg, NULL, "meg's new secret"), DB_OK);
	login_as(db, "meg", "meg's new secret", &again);
	/* A board member's own password needs their current one too. */
	assert_int_equal(user_set_password(db, &ann.a, c.ann, NULL, "ann's new secret"), DB_DENIED);
	assert_string_equal(db_errmsg(db), "your current password is not right");
	assert_int_equal(user_set_password(db, &ann.a, 9999, NULL, "ann's new secret"),
			 DB_NOTFOUND);
	struct actor sys = actor_system(NULL);
	assert_int_equal(user_set_password(db, &sys, c.ann, NULL, "ann's new secret"), DB_OK);
	login_as(db, "ann", "ann's new secret", &again);
}

static void the_last_board_account_stays(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct who ann, val;
	login_as(db, "ann", PW_ANN, &ann);
	login_as(db, "val", PW_VAL, &val);
	static const char last[] =
		"ann is the last active board account: add or enable another board account"
		" first, so that someone can still manage users";

	assert_int_equal(user_set_role(db, &ann.a, c.ann, ROLE_VOLUNTEER, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db), last);
	assert_int_equal(user_disable(db, &ann.a, c.ann), DB_INVALID);
	assert_string_equal(db_errmsg(db), last);
	/* The command line is held to it as well. */
	struct actor sys = actor_system(NULL);
	assert_int_equal(user_disable(db, &sys, c.ann), DB_INVALID);
	assert_string_equal(db_errmsg(db), last);
	/* A disabled board account does not count. */
	int64_t bob = add_user(db, "bob", "Bob Board", ROLE_BOARD, 0, PW_BOB);
	assert_int_equal(user_disable(db, &ann.a, bob), DB_OK);
	assert_int_equal(user_disable(db, &ann.a, c.ann), DB_INVALID);
	assert_int_equal(user_enable(db, &ann.a, bob), DB_OK);
	assert_int_equal(user_disable(db, &ann.a, c.ann), DB_OK);
	struct user u;
	assert_int_equal(user_get(db, &sys, c.ann, &u), DB_OK);
	assert_int_equal(u.disabled, 1);
	/* Now bob is the last. */
	assert_int_equal(user_set_role(db, &sys, bob, ROLE_MEMBER, c.meg_member), DB_INVALID);
	assert_non_null(strstr(db_errmsg(db), "bob is the last active board account"));
	/* Promote val; then bob may go. */
	assert_int_equal(user_set_role(db, &sys, c.val, ROLE_BOARD, 0), DB_OK);
	assert_int_equal(user_set_role(db, &sys, bob, ROLE_MEMBER, 0), DB_INVALID);
	assert_string_equal(db_errmsg(db),
			    "a member's account must be linked to their entry in the register");
	assert_int_equal(user_set_role(db, &sys, bob, ROLE_MEMBER, c.meg_member), DB_OK);
	assert_int_equal(user_get(db, &sys, bob, &u), DB_OK);
	assert_int_equal(u.role, ROLE_MEMBER);
	assert_int_equal(u.member_id, c.meg_member);
	/* val's actor still says volunteer: refused by role, in words. */
	assert_int_equal(user_set_role(db, &val.a, bob, ROLE_VOLUNTEER, 0), DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may change a user's role");
	assert_int_equal(user_disable(db, &val.a, bob), DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may disable user accounts");
	assert_int_equal(user_enable(db, &val.a, c.ann), DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may enable user accounts");
	assert_int_equal(user_set_role(db, &sys, 9999, ROLE_VOLUNTEER, 0), DB_NOTFOUND);
	assert_int_equal(user_disable(db, &sys, 9999), DB_NOTFOUND);
}

static void login_fills_the_actor(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct who meg;
	at("2026-03-01T10:05:00Z");
	assert_int_equal(user_login(db, "MEG", PW_MEG, &meg.a, meg.name, sizeof meg.name), DB_OK);
	assert_int_equal(meg.a.user_id, c.meg);
	assert_int_equal(meg.a.role, ROLE_MEMBER);
	assert_int_equal(meg.a.member_id, c.meg_member);
	assert_ptr_equal(meg.a.name, meg.name);
	assert_string_equal(meg.a.name, "Meg Member");
	struct actor sys = actor_system(NULL);
	struct user u;
	assert_int_equal(user_get(db, &sys, c.meg, &u), DB_OK);
	assert_string_equal(u.last_login_at, "2026-03-01T10:05:00Z");
	/* The login's write is in the trail as "login", with the account. */
	struct audit_filter f = { 0 };
	strcpy(f.table_name, "users");
	f.row_id = c.meg;
	struct audit_row rows[5];
	int n;
	assert_int_equal(audit_page(db, &sys, &f, PAGE_FIRST, NULL, rows, 5, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_string_equal(rows[0].actor, "login");
	assert_int_equal(rows[0].user_id, c.meg);
	assert_string_equal(rows[0].action, "update");
	assert_string_equal(rows[1].actor, "setup");
	assert_string_equal(rows[1].action, "insert");
}

/* Every refusal but a lock has the same words, and leaves no actor. */
static void refused_logins_all_look_alike(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct actor sys = actor_system(NULL);
	assert_int_equal(user_disable(db, &sys, c.val), DB_OK);
	const char *tries[][2] = {
		{ "nobody", PW_ANN },     /* no such user */
		{ "ann", "wrong one here" },  /* wrong password */
		{ "val", PW_VAL },        /* right password, disabled */
		{ "ann", "" },
		{ "", "" },
		{ NULL, NULL },
	};
	for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
		struct who w;
		memset(&w, 0x55, sizeof w);
		assert_int_equal(user_login(db, tries[i][0], tries[i][1], &w.a, w.name,
					    sizeof w.name), DB_DENIED);
		assert_string_equal(db_errmsg(db), "that username and password do not match");
		assert_int_equal(w.a.user_id, 0);
		assert_int_equal(w.a.role, ROLE_NONE);
		assert_null(w.a.name);
		assert_string_equal(w.name, "");
	}
	/* Enabled again, val may log in. */
	assert_int_equal(user_enable(db, &sys, c.val), DB_OK);
	struct who val;
	login_as(db, "val", PW_VAL, &val);
	assert_int_equal(val.a.role, ROLE_VOLUNTEER);
}

/* With no memory for yescrypt, a login is neither let in nor refused: it
 * says so in words, the same for every name, and counts no failure (the
 * lock screen checks through user_login too). A change of one's own
 * password says the same and changes nothing. */
static void an_unchecked_password_counts_nothing(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct actor sys = actor_system(NULL);
	const char *tries[][2] = {
		{ "ann", PW_ANN }, { "ann", "wrong one here" }, { "nobody", PW_ANN },
	};
	struct who ann;
	login_as(db, "ann", PW_ANN, &ann);
	test_crypt_fails = EINVAL;
	for (int round = 0; round < 6; round++)
		for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++) {
			struct who w;
			assert_int_equal(user_login(db, tries[i][0], tries[i][1], &w.a,
						    w.name, sizeof w.name), DB_BUSY);
			assert_string_equal(db_errmsg(db), USER_PASSWORD_UNCHECKED);
			assert_int_equal(w.a.user_id, 0);
		}
	assert_int_equal(user_set_password(db, &ann.a, c.ann, PW_ANN, "ann's new secret"),
			 DB_BUSY);
	assert_string_equal(db_errmsg(db), USER_PASSWORD_UNCHECKED);
	test_crypt_fails = 0;
	struct user u;
	assert_int_equal(user_get(db, &sys, c.ann, &u), DB_OK);
	assert_int_equal(u.failed_logins, 0);
	assert_int_equal(u.locked, 0);
	login_as(db, "ann", PW_ANN, &ann); /* not locked out, password unchanged */
	assert_int_equal(ann.a.user_id, c.ann);
}

static int attempt(struct db *db, const char *user, const char *pw, char *msg, size_t n)
{
	struct who w;
	int rc = user_login(db, user, pw, &w.a, w.name, sizeof w.name);
	snprintf(msg, n, "%s", rc ? db_errmsg(db) : "logged in");
	return rc;
}

static void lockout_after_failures(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct actor sys = actor_system(NULL);
	char msg[200];
	struct user u;
	for (int i = 1; i <= 4; i++) {
		assert_int_equal(attempt(db, "ann", "wrong password", msg, sizeof msg), DB_DENIED);
		assert_string_equal(msg, "that username and password do not match");
	}
	assert_int_equal(user_get(db, &sys, c.ann, &u), DB_OK);
	assert_int_equal(u.failed_logins, 4);
	assert_int_equal(u.locked, 0);
	/* The fifth (login_max_failures) locks for lockout_minutes. */
	assert_int_equal(attempt(db, "ann", "wrong password", msg, sizeof msg), DB_DENIED);
	assert_string_equal(msg, LOCKED_1015);
	assert_int_equal(user_get(db, &sys, c.ann, &u), DB_OK);
	assert_int_equal(u.failed_logins, 5);
	assert_string_equal(u.locked_until, "2026-03-01T10:15:00Z");
	assert_int_equal(u.locked, 1);
	/* While locked even the right password is refused, with the same words. */
	at("2026-03-01T10:14:59Z");
	assert_int_equal(attempt(db, "ann", PW_ANN, msg, sizeof msg), DB_DENIED);
	assert_string_equal(msg, LOCKED_1015);
	assert_int_equal(attempt(db, "ann", "wrong password", msg, sizeof msg), DB_DENIED);
	assert_string_equal(msg, LOCKED_1015);
	/* The count is not cleared by the lock ending: one more failure locks again. */
	at("2026-03-01T10:15:00Z");
	assert_int_equal(attempt(db, "ann", "wrong password", msg, sizeof msg), DB_DENIED);
	assert_string_equal(msg, "too many failed attempts: this account is locked until 10:30");
	at("2026-03-01T10:30:01Z");
	assert_int_equal(attempt(db, "ann", PW_ANN, msg, sizeof msg), DB_OK);
	assert_int_equal(user_get(db, &sys, c.ann, &u), DB_OK);
	assert_int_equal(u.failed_logins, 0);
	assert_string_equal(u.locked_until, "");
	assert_string_equal(u.last_login_at, "2026-03-01T10:30:01Z");
	/* Each counted failure is one row in the trail, by "login". */
	struct audit_filter f = { 0 };
	strcpy(f.table_name, "users");
	f.row_id = c.ann;
	struct audit_row rows[20];
	int n;
	assert_int_equal(audit_page(db, &sys, &f, PAGE_FIRST, NULL, rows, 20, &n), DB_OK);
	assert_int_equal(n, 1 + 6 + 1);  /* insert, six counted failures, the success */
	for (int i = 0; i < n - 1; i++) {
		assert_string_equal(rows[i].actor, "login");
		assert_int_equal(rows[i].user_id, c.ann);
	}
}

/* The same attempts on a real name and on a name nobody has give the same
 * answers, lock message and time included. */
static void an_unknown_name_locks_the_same_way(void **state)
{
	struct db *db = *state;
	cast(db);
	char real[10][200], ghost[10][200];
	int rc_real[10], rc_ghost[10];
	/* Five wrong, then the right one and a wrong one in the lock; after it
	 * ends, one more wrong one locks again, and the right one is refused. */
	const char *pw[10] = { "guess one!", "guess two!", "guess three", "guess four",
			       "guess five", PW_ANN, "guess six!", "guess 7!!", PW_ANN, PW_ANN };
	for (int i = 0; i < 10; i++) {
		at(i < 7 ? "2026-03-01T10:00:00Z" : "2026-03-01T10:16:00Z");
		rc_real[i] = attempt(db, "ann", pw[i], real[i], sizeof real[i]);
		rc_ghost[i] = attempt(db, "anne", pw[i], ghost[i], sizeof ghost[i]);
	}
	for (int i = 0; i < 10; i++) {
		assert_int_equal(rc_real[i], DB_DENIED);
		assert_int_equal(rc_ghost[i], DB_DENIED);
		assert_string_equal(real[i], ghost[i]);
	}
	assert_string_equal(real[3], "that username and password do not match");
	assert_string_equal(real[4], LOCKED_1015);
	assert_string_equal(real[5], LOCKED_1015);   /* the right password, in the lock */
	assert_string_equal(real[7], "too many failed attempts: this account is locked until 10:31");
	assert_string_equal(real[9], real[7]);
}

/* A lock made on another terminal refuses silently here: no word of it. */
static void a_lock_from_another_terminal(void **state)
{
	(void)state;
	char path[64], err[600], msg[200];
	struct db *one = test_db_file(path), *two = NULL;
	cast(one);
	assert_int_equal(db_open(path, 0, &two, err, sizeof err), DB_OK);
	for (int i = 0; i < 5; i++)
		attempt(one, "ann", "wrong password", msg, sizeof msg);
	assert_string_equal(msg, LOCKED_1015);
	assert_int_equal(attempt(two, "ann", PW_ANN, msg, sizeof msg), DB_DENIED);
	assert_string_equal(msg, "that username and password do not match");
	assert_int_equal(attempt(two, "anne", PW_ANN, msg, sizeof msg), DB_DENIED);
	assert_string_equal(msg, "that username and password do not match");
	/* The board unlocks it from the second terminal. */
	struct actor sys = actor_system(NULL);
	struct user u;
	assert_int_equal(user_get_by_name(two, &sys, "ann", &u), DB_OK);
	assert_int_equal(u.locked, 1);
	assert_int_equal(user_enable(two, &sys, u.id), DB_OK);
	assert_int_equal(attempt(two, "ann", PW_ANN, msg, sizeof msg), DB_OK);
	db_close(two);
	db_close(one);
	test_db_unlink(path);
}

static void the_board_unlocks(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct actor sys = actor_system(NULL);
	struct setting s;
	char msg[200];
	/* The settings decide: two failures, a lock of 60 minutes. */
	assert_int_equal(setting_get(db, "login_max_failures", &s), DB_OK);
	assert_int_equal(setting_set(db, &sys, "login_max_failures", "2", s.version), DB_OK);
	assert_int_equal(setting_get(db, "lockout_minutes", &s), DB_OK);
	assert_int_equal(setting_set(db, &sys, "lockout_minutes", "60", s.version), DB_OK);
	attempt(db, "val", "wrong password", msg, sizeof msg);
	assert_string_equal(msg, "that username and password do not match");
	attempt(db, "val", "wrong password", msg, sizeof msg);
	assert_string_equal(msg, "too many failed attempts: this account is locked until 11:00");
	/* Enabling clears the lock, on this terminal too. */
	assert_int_equal(user_enable(db, &sys, c.val), DB_OK);
	assert_int_equal(attempt(db, "val", PW_VAL, msg, sizeof msg), DB_OK);
	/* So does a new password set by the board. */
	attempt(db, "meg", "wrong password", msg, sizeof msg);
	attempt(db, "meg", "wrong password", msg, sizeof msg);
	assert_int_equal(attempt(db, "meg", PW_MEG, msg, sizeof msg), DB_DENIED);
	assert_int_equal(user_set_password(db, &sys, c.meg, NULL, "meg's fresh secret"), DB_OK);
	assert_int_equal(attempt(db, "meg", "meg's fresh secret", msg, sizeof msg), DB_OK);
	/* A lock that runs into the next day names the day. */
	assert_int_equal(setting_get(db, "lockout_minutes", &s), DB_OK);
	assert_int_equal(setting_set(db, &sys, "lockout_minutes", "1440", s.version), DB_OK);
	attempt(db, "ann", "wrong password", msg, sizeof msg);
	attempt(db, "ann", "wrong password", msg, sizeof msg);
	assert_string_equal(msg, "too many failed attempts: this account is locked until"
			    " 10:00 on 02/03/2026");
}

static void user_writes_are_audited_without_hashes(void **state)
{
	struct db *db = *state;
	struct cast c = cast(db);
	struct who ann;
	login_as(db, "ann", PW_ANN, &ann);
	int64_t before = audit_count_for(db, "users", c.val);
	assert_int_equal(before, 1);
	assert_int_equal(user_set_role(db, &ann.a, c.val, ROLE_BOARD, 0), DB_OK);
	assert_int_equal(user_set_role(db, &ann.a, c.val, ROLE_BOARD, 0), DB_OK); /* no change */
	assert_int_equal(user_disable(db, &ann.a, c.val), DB_OK);
	assert_int_equal(user_disable(db, &ann.a, c.val), DB_OK);                 /* no change */
	assert_int_equal(user_enable(db, &ann.a, c.val), DB_OK);
	assert_int_equal(user_set_password(db, &ann.a, c.val, NULL, "val's next secret"), DB_OK);
	assert_int_equal(audit_count_for(db, "users", c.val), before + 4);

	struct audit_filter f = { 0 };
	strcpy(f.table_name, "users");
	f.row_id = c.val;
	struct audit_row rows[10];
	int n;
	assert_int_equal(audit_page(db, &ann.a, &f, PAGE_FIRST, NULL, rows, 10, &n), DB_OK);
	assert_int_equal(n, 5);
	for (int i = 0; i < 4; i++) {
		assert_string_equal(rows[i].actor, "Ann Board");
		assert_int_equal(rows[i].user_id, c.ann);
		assert_string_equal(rows[i].action, "update");
	}
	struct audit_entry *e = malloc(sizeof *e);
	assert_non_null(e);
	assert_int_equal(audit_get(db, &ann.a, rows[0].id, e), DB_OK);  /* the password */
	assert_non_null(strstr(e->before, "\"password_hash\":\"(hidden, changed)\""));
	assert_non_null(strstr(e->after, "\"password_hash\":\"(hidden, changed)\""));
	assert_null(strstr(e->before, "$y$"));
	assert_null(strstr(e->after, "$y$"));
	assert_int_equal(audit_get(db, &ann.a, rows[1].id, e), DB_OK);  /* enable */
	assert_non_null(strstr(e->before, "\"disabled\":1"));
	assert_non_null(strstr(e->after, "\"disabled\":0"));
	/* An update keeps only the columns that changed. */
	assert_null(strstr(e->after, "password_hash"));
	assert_null(strstr(e->after, "username"));
	assert_int_equal(audit_get(db, &ann.a, rows[4].id, e), DB_OK);  /* insert */
	assert_string_equal(e->before, "");
	assert_non_null(strstr(e->after, "\"password_hash\":\"(hidden)\""));
	assert_null(strstr(e->after, "$y$"));
	free(e);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	tzset();
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(create_and_read_back, setup, teardown),
		cmocka_unit_test_setup_teardown(create_refusals_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(others_see_only_their_own_account, setup, teardown),
		cmocka_unit_test_setup_teardown(the_members_number_comes_with_the_account, setup,
						teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(changing_passwords, setup, teardown),
		cmocka_unit_test_setup_teardown(the_last_board_account_stays, setup, teardown),
		cmocka_unit_test_setup_teardown(login_fills_the_actor, setup, teardown),
		cmocka_unit_test_setup_teardown(refused_logins_all_look_alike, setup, teardown),
		cmocka_unit_test_setup_teardown(an_unchecked_password_counts_nothing, setup,
						teardown),
		cmocka_unit_test_setup_teardown(lockout_after_failures, setup, teardown),
		cmocka_unit_test_setup_teardown(an_unknown_name_locks_the_same_way, setup, teardown),
		cmocka_unit_test_setup_teardown(a_lock_from_another_terminal, setup, teardown),
		cmocka_unit_test_setup_teardown(the_board_unlocks, setup, teardown),
		cmocka_unit_test_setup_teardown(user_writes_are_audited_without_hashes, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
