/*
 * src/ui/screen_user_new.c: a new user account (board only), a form bound
 * to struct user by its table: username, display name, role, member (a
 * reference field: a member no. or part of a name, the match's name beside
 * it). Saving checks what the screen can know first (the username's shape
 * and that it is free, a member for the member role), then asks the
 * password on the bottom line, twice, without showing a character, and
 * only then adds the account (user_create: one transaction with its audit
 * row). So there is never an account without a password, and a refusal
 * keeps everything typed.
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
		.label = "Role", .kind = FORM_CHOICE, .required = 1, .choices = user_roles,
		.values = user_role_values, FORM_AT(struct user, role), .help = ROLE_HELP,
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
	return user_member_needed(f, N_MEMBER, &e->u);
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
	user_member_words(e->form, N_MEMBER, &e->u, member, sizeof member);
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

