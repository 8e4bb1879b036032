/*
 * coopdesk/users.h: user accounts, passwords and logging in.
 *
 * An account has a role (board, volunteer, member; coopdesk/access.h says
 * what each may do); a member's account is linked to their entry in the
 * register. Accounts are disabled, never deleted: the audit trail names
 * them. The password hash never leaves the data layer.
 *
 * Who may do what here:
 *   - the board (and the command line, ROLE_SYSTEM) manage every account;
 *   - anyone may see their own account and change their own password,
 *     giving their current one (a board member too, for their own);
 *   - nobody may disable or demote the last active board account, so the
 *     co-op can never lock itself out of managing users.
 *
 * Logging in and lockout (user_login) -- the design, and why:
 *   A refused login never says whether the username exists. Unknown
 *   username, wrong password, disabled account, and an account locked in
 *   the database all get the same words, "that username and password do
 *   not match", after the same yescrypt work (password_verify checks
 *   against a dummy hash when there is no account).
 *
 *   Failed attempts on a real account are counted in users.failed_logins;
 *   at the setting login_max_failures the account is locked until
 *   lockout_minutes later (users.locked_until). While locked, even the
 *   right password is refused. The count is cleared only by a successful
 *   login, by the board setting a new password, or by user_enable; until
 *   then each further failure after the lock ends locks it again.
 *
 *   The message "too many failed attempts: this account is locked until
 *   HH:MM" is driven by a second count kept per terminal (a TEMP table of
 *   the connection, gone when it closes), keyed by the name as typed and
 *   kept for every name, existing or not. So after the same attempts on
 *   the same terminal, an unknown name shows exactly what a real one
 *   shows: the same lock message at the same attempt, with the same time.
 *   While that terminal lock lasts, every attempt for the name gets the
 *   lock message and no password is checked.
 *
 *   Rejected alternative: revealing the lock only to the right password.
 *   That makes the lock an oracle: during it, a guesser would learn which
 *   guess was right, and the lock would slow nobody down.
 *
 *   Known limits: the terminal count and the database count can differ
 *   (failures on another terminal, a restart): then a real account may
 *   be locked while this terminal still answers with the plain message,
 *   and the time shown is this terminal's. A failed attempt on a real
 *   account also writes its count (one small transaction), so it takes
 *   slightly longer than one on an unknown name.
 *
 * Times (locked_until, last_login_at, created_at) are UTC instants
 * "2026-03-01T10:00:00Z" from coopdesk/clock.h: the system's clock, or the
 * environment variable COOPDESK_NOW when it holds an instant like that
 * (tests). The lock message shows local time, and the date too when the
 * lock ends on another day.
 */
#ifndef COOPDESK_USERS_H
#define COOPDESK_USERS_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/db.h"

#define USER_NAME_MAX 32         /* username: letters, digits, . _ - */
#define USER_DISPLAY_MAX 80      /* display name, characters */
#define USER_INSTANT_LEN 32      /* "2026-03-01T10:00:00Z" and room to spare */

/* The words of every refused login that is not a lock. */
#define USER_LOGIN_REFUSED "that username and password do not match"

/* The words when a password could not be checked at all (password_verify
 * gave -1: the machine had no memory for the work just then). Short enough
 * for the status line of an 80-column terminal, where the lock screen
 * shows it. */
#define USER_PASSWORD_UNCHECKED "the password could not be checked (the computer is" \
	" short of memory): try again"

/* One account (also one row of the list: it is small). */
struct user {
	int64_t id;
	char uuid[37];
	char username[USER_NAME_MAX * 4 + 1];
	char display_name[USER_DISPLAY_MAX * 4 + 1];
	enum role role;               /* ROLE_BOARD, ROLE_VOLUNTEER or ROLE_MEMBER */
	int64_t member_id;            /* linked member; 0 for none */
	int64_t member_no;            /* that member's number; 0 for none */
	int64_t failed_logins;        /* failed attempts since the last success */
	char locked_until[USER_INSTANT_LEN];  /* "" when never locked */
	int locked;                   /* 1 while locked_until is after now */
	int disabled;                 /* 1: may not log in */
	char last_login_at[USER_INSTANT_LEN]; /* "" for never */
	char created_at[USER_INSTANT_LEN];
	int64_t version;              /* raised by every change but a login's */
};

/* Adds an account. Board or command line only. role is ROLE_BOARD,
 * ROLE_VOLUNTEER or ROLE_MEMBER; a member's account needs member_id (the
 * member's id in the register), others may have one or 0. The password
 * must pass password_acceptable. On success *id (may be NULL) is the new
 * account's id. Errors: DB_DENIED; DB_INVALID with the reason (role,
 * password, missing member link); DB_CONSTRAINT from the schema (username
 * taken or badly formed, display name length, no such member). */
int user_create(struct db *db, const struct actor *who, const char *username,
		const char *display_name, enum role role, int64_t member_id,
		const char *password, int64_t *id);

/* Reads one account by id, or by username (case does not matter), with
 * its member's number. The board sees every account, others only their
 * own: anyone else's is DB_NOTFOUND, as if it did not exist. */
int user_get(struct db *db, const struct actor *who, int64_t id, struct user *u);
int user_get_by_name(struct db *db, const struct actor *who, const char *username,
		     struct user *u);

/* One page of accounts in username order (case ignored), after/before
 * `key` (NULL for PAGE_FIRST/PAGE_LAST; user_row_key makes one). Rows
 * come back in display order; *n is how many (at most max). Each carries
 * its member's number (->member_no), read in the same query. Disabled
 * accounts are included (see ->disabled). Non-board users see only their
 * own account. */
int user_page(struct db *db, const struct actor *who, enum page_dir dir,
	      const struct page_key *key, struct user *rows, int max, int *n);

/* The paging key of a row. */
void user_row_key(const struct user *u, struct page_key *key);

/* Sets a new password on account `id`. Changing one's own password needs
 * `current`, the password in use now (DB_DENIED "your current password is
 * not right" otherwise); the board may set anyone else's without it
 * (current may then be NULL), and doing so also clears a lockout. Users
 * other than the board may change only their own (DB_DENIED). The new
 * password must pass password_acceptable (DB_INVALID with the reason). */
int user_set_password(struct db *db, const struct actor *who, int64_t id,
		      const char *current, const char *new_password);

/* Changes an account's role and member link (member_id 0 for none; a
 * member's account needs one). Board only. Refuses (DB_INVALID) to demote
 * the last active board account. */
int user_set_role(struct db *db, const struct actor *who, int64_t id, enum role role,
		  int64_t member_id);

/* Disables an account (it may no longer log in; it stays on the list and
 * in the trail) or enables it again. Enabling also clears a lockout, and
 * is how the board unlocks a locked account. Board only. Disabling the
 * last active board account is refused (DB_INVALID). Disabling a disabled
 * account, or enabling an enabled one, is DB_OK and changes nothing. */
int user_disable(struct db *db, const struct actor *who, int64_t id);
int user_enable(struct db *db, const struct actor *who, int64_t id);

/* Logs in. On success returns DB_OK with *out the acting user (role,
 * user_id, member_id) whose name points at display_name_buf (n bytes),
 * which gets the account's display name: keep the buffer alive as long as
 * the actor. The failure count is cleared and last_login_at set. On
 * refusal returns DB_DENIED with USER_LOGIN_REFUSED or the lock message
 * (see the design above), *out zeroed and the buffer "". When the
 * password could not be checked at all: DB_BUSY with
 * USER_PASSWORD_UNCHECKED, for any username, and no failure counted. The
 * writes a login makes are recorded in the trail with the actor "login"
 * and the account's user id. Other statuses are failures of the database. */
int user_login(struct db *db, const char *username, const char *password,
	       struct actor *out, char *display_name_buf, size_t n);

#endif
