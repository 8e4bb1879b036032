/*
 * src/ui/screen_user_edit.c: the forms of the user accounts list (board
 * only), bound to struct user by their tables.
 *
 *  - A new account: username, display name, role, member (a reference
 *    field: a member no. or part of a name, the match's name beside it).
 *    Saving checks what the screen can know first (the username's shape
 *    and that it is free, a member for the member role), then asks the
 *    password on the bottom line, twice, without showing a character, and
 *    only then adds the account (user_create: one transaction with its
 *    audit row). So there is never an account without a password, and a
 *    refusal keeps everything typed.
 *  - A role change: role and member, saved by user_set_role; the data
 *    layer's refusal (the last active board account) is shown in its words.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "form.h"
#include "pwask.h"
#include "refs.h"
#include "user_forms.h"

/* In the order of the choices. */
static const char *const roles[] = { "board", "volunteer", "member", NULL };
static const int role_values[] = { ROLE_BOARD, ROLE_VOLUNTEER, ROLE_MEMBER };

_Static_assert(sizeof(enum role) == sizeof(int), "a choice is bound to an int");

#define ROLE_HELP \
	"Left/Right or Space to choose. board: everything, user accounts too;" \
	" volunteer: repairs, homes and who lives there; member: their own records."
#define MEMBER_HELP \
	"Their member no., or part of their name: Enter finds them. Required for the" \
	" member role: a member sees only their own records."

/* A member's account needs its member. 0, or -1 with the message beside
 * the field. */
static int member_needed(struct form_view *f, int field, const struct user *u)
{
	if (u->role != ROLE_MEMBER || u->member_id > 0)
		return 0;
	form_set_error(f, field, "a member's account needs their member no. from the register");
	return -1;
}

/* ", member no. 42" or "". */
static void member_words(struct form_view *f, int field, const struct user *u, char *buf,
			 size_t n)
{
	if (u->member_id > 0)
		snprintf(buf, n, ", member no. %s", form_text(f, field));
	else
		buf[0] = '\0';
}

/* ---- a new account --------------------------------------------------------- */

enum { N_USERNAME, N_DISPLAY, N_ROLE, N_MEMBER, N_COUNT };

static const struct form_spec new_fields[N_COUNT] = {
	[N_USERNAME] = {
		.label = "Username", .kind = FORM_TEXT, .required = 1,
		.max_chars = USER_NAME_MAX, .width = USER_NAME_MAX + 2,
		FORM_AT(struct user, username),
		.help = "What they type to log in: 2 to 32 letters, digits, dots, dashes"
			" or underscores, like ann or a.patel.",
	},
	[N_DISPLAY] = {
		.label = "Display name", .kind = FORM_TEXT, .required = 1,
		.max_chars = USER_DISPLAY_MAX, FORM_AT(struct user, display_name),
		.help = "Their name as the screens and the audit trail show it.",
	},
	[N_ROLE] = {
		.label = "Role", .kind = FORM_CHOICE, .required = 1, .choices = roles,
		.values = role_values, FORM_AT(struct user, role), .help = ROLE_HELP,
	},
	[N_MEMBER] = {
		.label = "Member", .kind = FORM_REF, .ref = &ref_member,
		FORM_AT(struct user, member_id), .help = MEMBER_HELP,
	},
};

struct user_new {
	struct form_view *form;
	struct pwask *pw;
	struct user u;    /* what was checked when the form was saved */
};

static int username_shaped(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > USER_NAME_MAX)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '.' && *s != '_' && *s != '-')
			return 0;
	return 1;
}

/* Everything but the password; 0 when the form may go on to it. */
static int new_check(struct screen *s)
{
	struct user_new *e = s->priv;
	struct form_view *f = e->form;
	struct app *app = s->app;
	memset(&e->u, 0, sizeof e->u);
	form_store(f, &e->u);
	if (!username_shaped(e->u.username)) {
		form_set_error(f, N_USERNAME,
			       "a username is 2 to 32 letters, digits, dots, dashes or underscores");
		return -1;
	}
	struct user *u = malloc(sizeof *u);
	if (!u) {
		form_message(f, STYLE_ERROR, "Not saved: out of memory");
		return -1;
	}
	int rc = user_get_by_name(app->db, &app->who, e->u.username, u);
	free(u);
	if (rc == DB_OK) {
		form_set_error(f, N_USERNAME, "that username is taken: choose another");
		return -1;
	}
	if (rc != DB_NOTFOUND) {
		form_message(f, STYLE_ERROR, "%s", db_errmsg(app->db));
		return -1;
	}
	return member_needed(f, N_MEMBER, &e->u);
}

/* Both passwords typed and matching: add the account. */
static void new_create(struct screen *s)
{
	struct user_new *e = s->priv;
	struct app *app = s->app;
	int64_t id = 0;
	int rc = user_create(app->db, &app->who, e->u.username, e->u.display_name, e->u.role,
			     e->u.member_id, pwask_password(e->pw), &id);
	if (rc == DB_INVALID && !password_acceptable(pwask_password(e->pw), NULL, 0)) {
		pwask_retry(e->pw, db_errmsg(app->db), 0);
		return;
	}
	pwask_stop(e->pw);
	if (rc != DB_OK) {
		form_message(e->form, STYLE_ERROR, "%s", db_errmsg(app->db));
		app_message(app, STYLE_ERROR, "Not saved: nothing you typed was lost");
		return;
	}
	char msg[1024], member[96];
	member_words(e->form, N_MEMBER, &e->u, member, sizeof member);
	snprintf(msg, sizeof msg, "Added %s (%s), %s%s: they can log in now", e->u.username,
		 e->u.display_name, access_role_name(e->u.role), member);
	app_pop(app); /* frees s; the list below reads itself again */
	app_message(app, STYLE_OK, "%s", msg);
}

static void new_draw(struct screen *s, WINDOW *w)
{
	struct user_new *e = s->priv;
	form_draw(e->form, w);
	if (pwask_active(e->pw))
		pwask_draw(e->pw, w, getmaxy(w), getmaxx(w));
}

static int new_handle(struct screen *s, enum action a, int32_t key)
{
	struct user_new *e = s->priv;
	s->dirty = 1;
	if (pwask_active(e->pw)) {
		s->app->status_dirty = 1;
		/* The lock and a redraw still work; the typed password goes first. */
		if (a == ACT_LOCK || a == ACT_REDRAW || a == ACT_HELP || a == ACT_LOGOUT) {
			if (a == ACT_LOCK || a == ACT_LOGOUT)
				pwask_stop(e->pw);
			return 0;
		}
		switch (pwask_key(e->pw, s->app, key)) {
		case PWASK_DONE:
			new_create(s); /* may free s */
			break;
		case PWASK_CANCELLED:
			app_message(s->app, STYLE_STATUS,
				    "No account was added: it needs a password. Save again to set one.");
			break;
		default:
			break;
		}
		return 1;
	}
	switch (form_key(e->form, a, key)) {
	case FORM_UNHANDLED:
		return 0;
	case FORM_LEAVE:
		app_pop(s->app); /* frees s */
		return 1;
	case FORM_SAVE:
		if (new_check(s) != 0) {
			app_message(s->app, STYLE_ERROR, "Not saved: see the message under the field");
			return 1;
		}
		pwask_start(e->pw, e->u.username, 0);
		s->app->status_dirty = 1;
		return 1;
	case FORM_HANDLED:
		break;
	}
	return 1;
}

static const char *new_hint(struct screen *s)
{
	struct user_new *e = s->priv;
	return pwask_active(e->pw) ? pwask_hint(e->pw) : form_hint(e->form);
}

static void new_destroy(struct screen *s)
{
	struct user_new *e = s->priv;
	form_free(e->form);
	pwask_free(e->pw);
	free(e);
	free(s);
}

static const struct screen_ops new_ops = {
	.name = "New user account",
	.scope = 'F',
	.layout = form_screen_layout,
	.draw = new_draw,
	.handle = new_handle,
	.hint = new_hint,
	.destroy = new_destroy,
};

struct screen *screen_user_new_new(struct app *app)
{
	struct screen *s = calloc(1, sizeof *s);
	struct user_new *e = calloc(1, sizeof *e);
	struct pwask *pw = pwask_new();
	struct form_view *f = form_new(app, new_fields, N_COUNT);
	if (!s || !e || !pw || !f) {
		free(s);
		free(e);
		pwask_free(pw);
		form_free(f);
		app_message(app, STYLE_ERROR, "out of memory: the form could not be opened");
		return NULL;
	}
	form_set_title(f, "New user account: the password is asked after saving");
	e->u.role = ROLE_VOLUNTEER;
	form_load(f, &e->u);
	e->form = f;
	e->pw = pw;
	s->ops = &new_ops;
	s->app = app;
	s->area = 0;
	s->priv = e;
	return s;
}

/* ---- a change of role -------------------------------------------------------- */

enum { R_ROLE, R_MEMBER, R_COUNT };

static const struct form_spec role_fields[R_COUNT] = {
	[R_ROLE] = {
		.label = "Role", .kind = FORM_CHOICE, .required = 1, .choices = roles,
		.values = role_values, FORM_AT(struct user, role), .help = ROLE_HELP,
	},
	[R_MEMBER] = {
		.label = "Member", .kind = FORM_REF, .ref = &ref_member,
		FORM_AT(struct user, member_id), .help = MEMBER_HELP " Empty: not linked.",
	},
};

struct user_role {
	struct form_view *form;
	struct user *was;
};

static void role_save(struct screen *s)
{
	struct user_role *e = s->priv;
	struct form_view *f = e->form;
	struct app *app = s->app;
	struct user u = *e->was;
	form_store(f, &u);
	if (member_needed(f, R_MEMBER, &u) != 0) {
		app_message(app, STYLE_ERROR, "Not saved: see the message under the field");
		return;
	}
	if (u.role == e->was->role && u.member_id == e->was->member_id) {
		app_pop(app); /* frees s */
		app_message(app, STYLE_STATUS, "Nothing was changed");
		return;
	}
	int rc = user_set_role(app->db, &app->who, u.id, u.role, u.member_id);
	if (rc != DB_OK) {
		form_message(f, STYLE_ERROR, "%s", db_errmsg(app->db));
		app_message(app, STYLE_ERROR, "Not saved: nothing you typed was lost");
		return;
	}
	char msg[1024], member[96];
	member_words(f, R_MEMBER, &u, member, sizeof member);
	snprintf(msg, sizeof msg, "%s is now %s%s", u.username, access_role_name(u.role), member);
	if (u.id == app->who.user_id) {
		/* The session acts with the role it logged in with: one's own
		 * new role starts at the next login. */
		session_logout(app); /* frees s */
		app_message(app, STYLE_OK, "%s: log in again to work with it", msg);
		return;
	}
	app_pop(app); /* frees s */
	app_message(app, STYLE_OK, "%s", msg);
}

static int role_handle(struct screen *s, enum action a, int32_t key)
{
	return form_screen_handle(s, a, key, role_save);
}

static void role_destroy(struct screen *s)
{
	struct user_role *e = s->priv;
	form_free(e->form);
	free(e->was);
	free(e);
	free(s);
}

static const struct screen_ops role_ops = {
	.name = "Change a user's role",
	.scope = 'F',
	.layout = form_screen_layout,
	.draw = form_screen_draw,
	.handle = role_handle,
	.hint = form_screen_hint,
	.destroy = role_destroy,
};

struct screen *screen_user_role_new(struct app *app, int64_t id)
{
	struct screen *s = calloc(1, sizeof *s);
	struct user_role *e = calloc(1, sizeof *e);
	struct user *u = calloc(1, sizeof *u);
	struct form_view *f = form_new(app, role_fields, R_COUNT);
	if (!s || !e || !u || !f) {
		free(s);
		free(e);
		free(u);
		form_free(f);
		app_message(app, STYLE_ERROR, "out of memory: the form could not be opened");
		return NULL;
	}
	if (user_get(app->db, &app->who, id, u) != DB_OK) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		free(s);
		free(e);
		free(u);
		form_free(f);
		return NULL;
	}
	char title[USER_NAME_MAX * 4 + USER_DISPLAY_MAX * 4 + 64];
	snprintf(title, sizeof title, "Role of %s (%s)", u->username, u->display_name);
	form_set_title(f, title);
	form_load(f, u);
	e->form = f;
	e->was = u;
	s->ops = &role_ops;
	s->app = app;
	s->area = 0;
	s->priv = e;
	return s;
}
