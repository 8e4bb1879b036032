/*
 * src/ui/screen_users.c: the user accounts, for the board (u on Home),
 * described for the generic list screen: username order, disabled
 * accounts included; anyone else sees the data layer's refusal.
 *
 *   n  a new account (screen_user_edit.c: a form, then the password)
 *   p  a new password for the selected account, typed twice and never
 *      shown; for one's own the current password is asked first
 *   r  its role and member link (a small form; Enter too)
 *   d  disable it, or enable it again (which also clears a lockout),
 *      after a y/n question
 *
 * Every change is one call to coopdesk/users.h: one transaction with its
 * audit row; the data layer's refusals (the last active board account
 * among them) are shown in its words. Changing one's own role, or
 * disabling one's own account, logs out: the session keeps the role it
 * logged in with, and must not outlive the change.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/clock.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "coopdesk/zone.h"
#include "list_screen.h"
#include "user_forms.h"

/* ---- cells -------------------------------------------------------------------- */

static int cell_username(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ((const struct user *)row)->username);
	return -1;
}

static int cell_display(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ((const struct user *)row)->display_name);
	return -1;
}

static int cell_role(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", access_role_name(((const struct user *)row)->role));
	return -1;
}

static int cell_member(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct user *u = row;
	(void)ls;
	if (u->member_no > 0)
		snprintf(buf, n, "%lld", (long long)u->member_no);
	return -1;
}

/* Disabled, or locked out until a local time ("locked to 12:05": a
 * lockout lasts minutes, so the day only when it is not today). */
static int cell_status(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct user *u = row;
	char until[ZONE_TIME_BUFSZ], now[ZONE_TIME_BUFSZ];
	(void)ls;
	if (u->disabled) {
		snprintf(buf, n, "disabled");
		return -1;
	}
	if (!u->locked)
		return -1;
	zone_format(u->locked_until, until, sizeof until);
	zone_format_time(clock_now(), now, sizeof now);
	if (strncmp(until, now, 10) == 0)
		snprintf(buf, n, "locked to %.5s", until + 11);
	else
		snprintf(buf, n, "locked to %.5s", until);
	return STYLE_OVERDUE;
}

static int cell_last(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct user *u = row;
	(void)ls;
	if (u->last_login_at[0])
		zone_format(u->last_login_at, buf, n);
	else
		snprintf(buf, n, "never");
	return -1;
}

static const struct lcol columns[] = {
	{ "Username", 11, 0, 0, cell_username },
	{ "Display name", 0, 0, 0, cell_display },
	{ "Role", 10, 0, 0, cell_role },
	{ "Member", 7, 0, 1, cell_member },
	{ "Status", 16, 0, 0, cell_status },
	{ "Last login", 17, 0, 0, cell_last },
};

/* ---- rows ----------------------------------------------------------------------- */

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return user_page(ls->app->db, &ls->app->who, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	user_row_key(row, key);
}

static int row_style(const void *row)
{
	return ((const struct user *)row)->disabled ? STYLE_DIM : STYLE_NORMAL;
}

static void draw_extra(struct lscreen *ls, WINDOW *w, int y, int width)
{
	(void)ls;
	draw_text(w, y, 1, width - 2, "Accounts are disabled, never deleted. Times are local.");
}

/* ---- the changes ------------------------------------------------------------------ */

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_USERS, OP_WRITE) == ACCESS_ALL;
}

static void add(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_user_new_new(ls->app));
}

static struct screen *role(struct lscreen *ls, const void *row)
{
	return screen_user_role_new(ls->app, ((const struct user *)row)->id);
}

static void role_form(struct lscreen *ls, const void *row)
{
	app_push(ls->app, role(ls, row));
}

/* p: the account's new password, typed twice; one's own asks the current
 * one first, as the data layer requires. */
static int which_password(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct user *u = row;
	text_copy(buf, n, u->username);
	return u->id == ls->app->who.user_id;
}

static void set_password(struct lscreen *ls, const void *row)
{
	const struct user *u = row;
	struct app *app = ls->app;
	int rc = user_set_password(app->db, &app->who, u->id, ls_password_current(ls),
				   ls_password_new(ls));
	if (rc == DB_DENIED && ls_password_current(ls)) {
		ls_password_retry(ls, db_errmsg(app->db), 1);
		return;
	}
	if (rc == DB_INVALID) {
		ls_password_retry(ls, db_errmsg(app->db), 0);
		return;
	}
	ls_password_done(ls);
	if (rc != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(app->db));
		return;
	}
	ls_note(ls, STYLE_OK, "Set a new password for %s%s", u->username,
		u->id == app->who.user_id ? "" : "; any lockout on it is cleared");
	ls_reload(ls);
}

/* d: disable or enable, after a question. */
static void ask_disable(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct user *u = row;
	if (u->disabled)
		snprintf(buf, n, "Enable %s (%s)? They can log in again. y/n ", u->username,
			 u->display_name);
	else if (u->id == ls->app->who.user_id)
		snprintf(buf, n, "Disable your own account, %s? You are logged out. y/n ", u->username);
	else
		snprintf(buf, n, "Disable %s (%s)? They can no longer log in. y/n ", u->username,
			 u->display_name);
}

static void toggle(struct lscreen *ls, const void *row)
{
	const struct user *u = row;
	struct app *app = ls->app;
	char name[USER_NAME_MAX * 4 + 1];
	int enable = u->disabled;
	text_copy(name, sizeof name, u->username);
	int rc = enable ? user_enable(app->db, &app->who, u->id)
			: user_disable(app->db, &app->who, u->id);
	if (rc != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(app->db));
		return;
	}
	if (!enable && u->id == app->who.user_id) {
		session_logout(app); /* frees this screen */
		app_message(app, STYLE_OK, "Disabled %s, your own account: you are logged out", name);
		return;
	}
	if (enable)
		ls_note(ls, STYLE_OK, "Enabled %s: it can log in again (any lockout is cleared)", name);
	else
		ls_note(ls, STYLE_OK, "Disabled %s: it can no longer log in", name);
	ls_reload(ls);
}

/* d's word on the status line: what it would do to the selected account. */
static const char *disable_word(const struct lscreen *ls, const void *row)
{
	(void)ls;
	return row && ((const struct user *)row)->disabled ? "enable" : "disable";
}

static const struct lact actions[] = {
	{ .action = ACT_NEW, .help = "Add a user account (its password is asked after the form)",
	  .allowed = board, .run = add },
	{ .action = ACT_SET_PASSWORD, .allowed = board, .run = set_password, .needs_row = 1,
	  .password = which_password },
	{ .action = ACT_SET_ROLE, .allowed = board, .run = role_form, .needs_row = 1, .unhinted = 1 },
	{ .action = ACT_DISABLE, .label_of = disable_word, .allowed = board, .run = toggle,
	  .needs_row = 1, .confirm = ask_disable },
};

static const struct ldesc users_list = {
	.name = "User accounts",
	.area = 0,
	.access = AREA_USERS,
	.whole = 1,
	.row_size = sizeof(struct user),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.extra_lines = 1,
	.fetch = fetch,
	.key_of = key_of,
	.row_style = row_style,
	.open = role,
	.open_label = "role",
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.draw_extra = draw_extra,
};

struct screen *screen_users_new(struct app *app)
{
	return list_screen_new(app, &users_list);
}
