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
#include "pwask.h"
#include "user_forms.h"

/* What a question or the password is about. */
struct users_state {
	struct pwask *pw;
	int64_t target;
	int target_disabled;
	char target_name[USER_NAME_MAX * 4 + 1];
};

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

static int64_t id_of(const void *row)
{
	return ((const struct user *)row)->id;
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

static void take_target(struct lscreen *ls, const struct user *u)
{
	struct users_state *st = ls->priv;
	st->target = u->id;
	st->target_disabled = u->disabled;
	text_copy(st->target_name, sizeof st->target_name, u->username);
}

static void toggle(struct lscreen *ls)
{
	struct users_state *st = ls->priv;
	struct app *app = ls->app;
	int enable = st->target_disabled;
	int rc = enable ? user_enable(app->db, &app->who, st->target)
			: user_disable(app->db, &app->who, st->target);
	if (rc != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(app->db));
		return;
	}
	if (!enable && st->target == app->who.user_id) {
		char name[sizeof st->target_name];
		text_copy(name, sizeof name, st->target_name);
		session_logout(app); /* frees this screen */
		app_message(app, STYLE_OK, "Disabled %s, your own account: you are logged out", name);
		return;
	}
	if (enable)
		ls_note(ls, STYLE_OK, "Enabled %s: it can log in again (any lockout is cleared)",
			st->target_name);
	else
		ls_note(ls, STYLE_OK, "Disabled %s: it can no longer log in", st->target_name);
	ls_reload(ls);
}

static void set_password(struct lscreen *ls)
{
	struct users_state *st = ls->priv;
	struct app *app = ls->app;
	int rc = user_set_password(app->db, &app->who, st->target, pwask_current(st->pw),
				   pwask_password(st->pw));
	if (rc == DB_DENIED && pwask_current(st->pw)) {
		pwask_retry(st->pw, db_errmsg(app->db), 1);
		return;
	}
	if (rc == DB_INVALID) {
		pwask_retry(st->pw, db_errmsg(app->db), 0);
		return;
	}
	pwask_stop(st->pw);
	if (rc != DB_OK) {
		ls_note(ls, STYLE_ERROR, "%s", db_errmsg(app->db));
		return;
	}
	ls_note(ls, STYLE_OK, "Set a new password for %s%s", st->target_name,
		st->target == app->who.user_id ? "" : "; any lockout on it is cleared");
	ls_reload(ls);
}

/* The password and the y/n question take the keys while they are up. */
static int own_keys(struct lscreen *ls, enum action a, int32_t key)
{
	struct users_state *st = ls->priv;
	if (pwask_active(st->pw)) {
		if (a == ACT_LOCK || a == ACT_REDRAW || a == ACT_HELP || a == ACT_LOGOUT) {
			if (a == ACT_LOCK || a == ACT_LOGOUT)
				pwask_stop(st->pw);
			return 0;
		}
		switch (pwask_key(st->pw, ls->app, key)) {
		case PWASK_DONE:
			set_password(ls);
			break;
		case PWASK_CANCELLED:
			ls_note(ls, STYLE_STATUS, "The password of %s was not changed", st->target_name);
			break;
		default:
			break;
		}
		ls->app->status_dirty = 1;
		return 1;
	}
	if (ls->ask.active) {
		if (a == ACT_LOCK || a == ACT_HELP || a == ACT_REDRAW)
			return 0;
		if (prompt_key(&ls->ask, ls->app, key) == PROMPT_TYPING)
			return 1;
		ls->app->status_dirty = 1;
		if (ls->ask.answer)
			toggle(ls); /* may log out, freeing this screen */
		else
			ls_note(ls, STYLE_STATUS, "Nothing was changed");
		return 1;
	}
	return 0;
}

static const char *own_hint(struct lscreen *ls)
{
	struct users_state *st = ls->priv;
	return pwask_active(st->pw) ? pwask_hint(st->pw) : NULL;
}

static int own_typing(struct lscreen *ls)
{
	struct users_state *st = ls->priv;
	return pwask_active(st->pw);
}

static int draw_foot(struct lscreen *ls, WINDOW *w, int rows, int width)
{
	struct users_state *st = ls->priv;
	if (!pwask_active(st->pw))
		return 0;
	pwask_draw(st->pw, w, rows, width);
	return 1;
}

/* ---- actions ------------------------------------------------------------------------ */

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_USERS, OP_WRITE) == ACCESS_ALL;
}

static void add(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_user_new_new(ls->app));
}

static void password(struct lscreen *ls, const void *row)
{
	struct users_state *st = ls->priv;
	take_target(ls, row);
	pwask_start(st->pw, st->target_name, st->target == ls->app->who.user_id);
}

static struct screen *role(struct lscreen *ls, const void *row)
{
	return screen_user_role_new(ls->app, id_of(row));
}

static void role_form(struct lscreen *ls, const void *row)
{
	app_push(ls->app, role(ls, row));
}

static void disable(struct lscreen *ls, const void *row)
{
	const struct user *u = row;
	struct users_state *st = ls->priv;
	char q[USER_NAME_MAX * 4 + USER_DISPLAY_MAX * 4 + 128];
	take_target(ls, u);
	if (u->disabled)
		snprintf(q, sizeof q, "Enable %s (%s)? They can log in again. y/n ", u->username,
			 u->display_name);
	else if (u->id == ls->app->who.user_id)
		snprintf(q, sizeof q, "Disable your own account, %s? You are logged out. y/n ",
			 u->username);
	else
		snprintf(q, sizeof q, "Disable %s (%s)? They can no longer log in. y/n ", u->username,
			 u->display_name);
	(void)st;
	prompt_start(&ls->ask, PROMPT_YESNO, q, NULL);
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
	{ .action = ACT_SET_PASSWORD, .allowed = board, .run = password, .needs_row = 1 },
	{ .action = ACT_SET_ROLE, .allowed = board, .run = role_form, .needs_row = 1, .unhinted = 1 },
	{ .action = ACT_DISABLE, .label_of = disable_word, .allowed = board, .run = disable,
	  .needs_row = 1 },
};

static void *init(struct lscreen *ls)
{
	struct users_state *st = calloc(1, sizeof *st);
	(void)ls;
	if (st && !(st->pw = pwask_new())) {
		free(st);
		st = NULL;
	}
	return st;
}

static void fini(void *priv)
{
	struct users_state *st = priv;
	if (st)
		pwask_free(st->pw);
	free(st);
}

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
	.draw_foot = draw_foot,
	.handle = own_keys,
	.hint = own_hint,
	.typing = own_typing,
	.init = init,
	.fini = fini,
};

struct screen *screen_users_new(struct app *app)
{
	return list_screen_new(app, &users_list);
}
