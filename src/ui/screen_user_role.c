/*
 * src/ui/screen_user_role.c: an account's role and member link (board
 * only), a form bound to struct user by its table, saved by user_set_role;
 * the data layer's refusal (the last active board account) is shown in
 * its words, and what was chosen stays on the form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "form.h"
#include "refs.h"
#include "user_forms.h"

/* ---- a change of role -------------------------------------------------------- */

enum { R_ROLE, R_MEMBER, R_COUNT };

static const struct form_spec role_fields[R_COUNT] = {
	[R_ROLE] = {
		.label = "Role", .kind = FORM_CHOICE, .required = 1, .choices = user_roles,
		.values = user_role_values, FORM_AT(struct user, role), .help = ROLE_HELP,
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
	if (user_member_needed(f, R_MEMBER, &u) != 0) {
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
	user_member_words(f, R_MEMBER, &u, member, sizeof member);
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
