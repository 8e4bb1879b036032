/*
 * src/ui/screen_user_edit.c: the forms of the Users screen (board only),
 * and the hidden password prompt they share with it.
 *
 *  - A new account: username, display name, role, member no. Saving checks
 *    what the screen can know first (the username's shape and that it is
 *    free, a member's number for the member role and that the register has
 *    it), then asks the password on the bottom line, twice, without showing
 *    a character, and only then adds the account (user_create: one
 *    transaction with its audit row). So there is never an account without
 *    a password, and a refusal keeps everything typed.
 *  - A role change: role and member no., saved by user_set_role; the data
 *    layer's refusal (the last active board account) is shown in its words.
 *
 * The password prompt (struct pwask) reads keys into a buffer and shows
 * nothing of them; it checks password_acceptable after the first entry,
 * then asks again to confirm. Its buffers are wiped as soon as they have
 * been used, and when the prompt stops for any reason.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/members.h"
#include "coopdesk/password.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "form.h"

/* ---- the hidden password prompt ------------------------------------------ */

/* One more character than a password may have, so that a long one is
 * refused in password_acceptable's words rather than cut short. */
#define PW_CHARS (PASSWORD_MAX_CHARS + 1)

enum pw_step { PW_OFF, PW_CURRENT, PW_NEW, PW_AGAIN };
enum pwask_result { PWASK_TYPING, PWASK_DONE, PWASK_CANCELLED };

struct pwask {
	enum pw_step step;
	int want_current;
	char username[USER_NAME_MAX * 4 + 1];
	char current[PW_CHARS * 4 + 1];
	char first[PW_CHARS * 4 + 1];
	char again[PW_CHARS * 4 + 1];
	char message[320];
};

/* The prompt's functions, used by screen_users.c too (declared there). */
struct pwask *pwask_new(void);
void pwask_free(struct pwask *p);
void pwask_start(struct pwask *p, const char *username, int want_current);
void pwask_stop(struct pwask *p);
int pwask_active(const struct pwask *p);
int pwask_key(struct pwask *p, int32_t key);
const char *pwask_current(const struct pwask *p);
const char *pwask_password(const struct pwask *p);
void pwask_retry(struct pwask *p, const char *why, int from_current);
void pwask_draw(const struct pwask *p, WINDOW *w, int rows, int cols);
const char *pwask_hint(const struct pwask *p);

static void wipe(void *buf, size_t n)
{
	volatile unsigned char *v = buf;
	while (n--)
		*v++ = 0;
}

struct pwask *pwask_new(void)
{
	return calloc(1, sizeof(struct pwask));
}

void pwask_free(struct pwask *p)
{
	if (!p)
		return;
	wipe(p, sizeof *p);
	free(p);
}

static void wipe_typed(struct pwask *p)
{
	wipe(p->current, sizeof p->current);
	wipe(p->first, sizeof p->first);
	wipe(p->again, sizeof p->again);
}

void pwask_start(struct pwask *p, const char *username, int want_current)
{
	wipe_typed(p);
	text_copy(p->username, sizeof p->username, username);
	p->want_current = want_current;
	p->step = want_current ? PW_CURRENT : PW_NEW;
	p->message[0] = '\0';
}

void pwask_stop(struct pwask *p)
{
	wipe_typed(p);
	p->step = PW_OFF;
	p->message[0] = '\0';
}

int pwask_active(const struct pwask *p)
{
	return p && p->step != PW_OFF;
}

const char *pwask_current(const struct pwask *p)
{
	return p->want_current ? p->current : NULL;
}

const char *pwask_password(const struct pwask *p)
{
	return p->first;
}

/* The data layer refused what was typed: say why and ask again, from the
 * current password or from the new one. */
void pwask_retry(struct pwask *p, const char *why, int from_current)
{
	wipe_typed(p);
	p->step = from_current && p->want_current ? PW_CURRENT : PW_NEW;
	snprintf(p->message, sizeof p->message, "%s", why);
	if (p->message[0])
		p->message[0] = (char)toupper((unsigned char)p->message[0]);
}

/* Appends code point cp as UTF-8 to buf (size bytes), up to PW_CHARS
 * characters. */
static void put_char(char *buf, size_t size, int32_t cp)
{
	char u[5] = { 0 };
	if (cp < 0x80) {
		u[0] = (char)cp;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
	}
	size_t len = strlen(buf);
	if (text_chars(buf) < PW_CHARS && len + strlen(u) < size)
		memcpy(buf + len, u, strlen(u) + 1);
	wipe(u, sizeof u);
}

static void chop(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		s[--n] = '\0';
	if (n > 0)
		s[--n] = '\0';
}

static char *step_buf(struct pwask *p, size_t *size)
{
	*size = sizeof p->first;
	return p->step == PW_CURRENT ? p->current : p->step == PW_NEW ? p->first : p->again;
}

/* Enter: on to the next step; PWASK_DONE when both new entries match and
 * the rules allow the password. */
static int pwask_enter(struct pwask *p)
{
	char why[200];
	switch (p->step) {
	case PW_CURRENT:
		p->step = PW_NEW;
		return PWASK_TYPING;
	case PW_NEW:
		if (!password_acceptable(p->first, why, sizeof why)) {
			wipe(p->first, sizeof p->first);
			snprintf(p->message, sizeof p->message, "Not taken: %s. Type another.", why);
			return PWASK_TYPING;
		}
		p->step = PW_AGAIN;
		return PWASK_TYPING;
	case PW_AGAIN:
		if (strcmp(p->first, p->again) != 0) {
			wipe(p->first, sizeof p->first);
			wipe(p->again, sizeof p->again);
			p->step = PW_NEW;
			snprintf(p->message, sizeof p->message,
				 "The two passwords were not the same: type the new one again.");
			return PWASK_TYPING;
		}
		wipe(p->again, sizeof p->again);
		return PWASK_DONE;
	default:
		return PWASK_CANCELLED;
	}
}

/* Takes every key while the prompt is up. Esc cancels (and wipes). */
int pwask_key(struct pwask *p, int32_t key)
{
	size_t size;
	char *buf = step_buf(p, &size);
	if (key == CDK_ESC) {
		pwask_stop(p);
		return PWASK_CANCELLED;
	}
	if (key == CDK_ENTER) {
		p->message[0] = '\0';
		return pwask_enter(p);
	}
	if (key == CDK_BACKSPACE) {
		chop(buf);
		return PWASK_TYPING;
	}
	if (key >= ' ' && key < KEY_CD_BASE && key != 0x7F && !(key >= 0x80 && key < 0xA0) &&
	    !(key >= 0xD800 && key < 0xE000)) {
		p->message[0] = '\0';
		put_char(buf, size, key);
	}
	return PWASK_TYPING; /* other keys do nothing while typing */
}

/* The bottom two lines of the body: what was wrong, and the prompt with
 * nothing of what is typed. */
void pwask_draw(const struct pwask *p, WINDOW *w, int rows, int cols)
{
	char line[USER_NAME_MAX * 4 + 128];
	draw_fill(w, rows - 2, 0, cols);
	draw_fill(w, rows - 1, 0, cols);
	if (p->message[0]) {
		style_on(w, STYLE_ERROR);
		draw_text(w, rows - 2, 1, cols - 2, p->message);
		style_off(w, STYLE_ERROR);
	}
	switch (p->step) {
	case PW_CURRENT:
		snprintf(line, sizeof line, "Your current password (not shown): ");
		break;
	case PW_NEW:
		snprintf(line, sizeof line, "New password for %s (not shown): ", p->username);
		break;
	case PW_AGAIN:
		snprintf(line, sizeof line, "The new password for %s again: ", p->username);
		break;
	default:
		return;
	}
	style_on(w, STYLE_TITLE);
	draw_text(w, rows - 1, 1, cols - 2, line);
	style_off(w, STYLE_TITLE);
	curs_set(0);
}

const char *pwask_hint(const struct pwask *p)
{
	(void)p;
	return "type the password (nothing is shown)  Enter next  Esc cancel";
}

/* ---- what both forms check ------------------------------------------------ */

/* In the order of the choices. */
static const char *const roles[] = { "board", "volunteer", "member", NULL };

static enum role role_of(int index)
{
	return index == 0 ? ROLE_BOARD : index == 2 ? ROLE_MEMBER : ROLE_VOLUNTEER;
}

static int role_index(enum role r)
{
	return r == ROLE_BOARD ? 0 : r == ROLE_MEMBER ? 2 : 1;
}

#define ROLE_HELP \
	"Left/Right or Space to choose. board: everything, user accounts too;" \
	" volunteer: repairs, homes and who lives there; member: their own records."
#define MEMBER_HELP \
	"Their number in the register of members. Required for the member role:" \
	" a member sees only their own records."

/* The member's number (field `field`) to an id in *member_id (0 for none);
 * a member's account needs one. Returns 0, or -1 with the message next to
 * the field. */
static int member_link(struct app *app, struct form_view *f, int field, enum role role,
		       int64_t *member_id)
{
	int64_t no = 0;
	char msg[256];
	*member_id = 0;
	int has = form_integer(f, field, &no);
	if (has <= 0) {
		if (role != ROLE_MEMBER)
			return 0;
		form_set_error(f, field, "a member's account needs their member no. from the register");
		return -1;
	}
	struct member *m = malloc(sizeof *m);
	if (!m) {
		form_set_error(f, field, "out of memory");
		return -1;
	}
	int rc = member_get_by_no(app->db, &app->who, no, m);
	int64_t id = m->id;
	free(m);
	if (rc == DB_NOTFOUND) {
		snprintf(msg, sizeof msg, "there is no member no. %lld in the register", (long long)no);
		form_set_error(f, field, msg);
		return -1;
	}
	if (rc) {
		form_set_error(f, field, db_errmsg(app->db));
		return -1;
	}
	*member_id = id;
	return 0;
}

/* The member's number for a member id, 0 when none or unreadable. */
static int64_t member_no_of(struct app *app, int64_t member_id)
{
	if (member_id <= 0)
		return 0;
	struct member *m = malloc(sizeof *m);
	int64_t no = 0;
	if (m && member_get(app->db, &app->who, member_id, m) == DB_OK)
		no = m->member_no;
	free(m);
	return no;
}

/* ", member no. 42" or "". */
static void member_words(int64_t no, char *buf, size_t n)
{
	if (no > 0)
		snprintf(buf, n, ", member no. %lld", (long long)no);
	else
		buf[0] = '\0';
}

/* ---- a new account --------------------------------------------------------- */

enum { N_USERNAME, N_DISPLAY, N_ROLE, N_MEMBER, N_COUNT };

static const struct form_spec new_fields[N_COUNT] = {
	[N_USERNAME] = {
		.label = "Username", .kind = FORM_TEXT, .required = 1,
		.max_chars = USER_NAME_MAX, .width = USER_NAME_MAX + 2,
		.help = "What they type to log in: 2 to 32 letters, digits, dots, dashes"
			" or underscores, like ann or a.patel.",
	},
	[N_DISPLAY] = {
		.label = "Display name", .kind = FORM_TEXT, .required = 1,
		.max_chars = USER_DISPLAY_MAX,
		.help = "Their name as the screens and the audit trail show it.",
	},
	[N_ROLE] = {
		.label = "Role", .kind = FORM_CHOICE, .required = 1, .choices = roles,
		.help = ROLE_HELP,
	},
	[N_MEMBER] = {
		.label = "Member no.", .kind = FORM_INTEGER, .min = 1, .max = INT32_MAX,
		.help = MEMBER_HELP,
	},
};

typedef void (*users_done_fn)(void *ctx, int64_t id);

struct user_new {
	struct form_view *form;
	struct pwask *pw;
	users_done_fn done;
	void *ctx;
	/* What was checked when the form was saved, for user_create. */
	char username[USER_NAME_MAX * 4 + 1];
	char display[USER_DISPLAY_MAX * 4 + 1];
	enum role role;
	int64_t member_id, member_no;
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
	const char *name = form_text(f, N_USERNAME);
	if (!username_shaped(name) || strlen(name) >= sizeof e->username) {
		form_set_error(f, N_USERNAME,
			       "a username is 2 to 32 letters, digits, dots, dashes or underscores");
		return -1;
	}
	struct user *u = malloc(sizeof *u);
	if (!u) {
		form_message(f, STYLE_ERROR, "Not saved: out of memory");
		return -1;
	}
	int rc = user_get_by_name(app->db, &app->who, name, u);
	free(u);
	if (rc == DB_OK) {
		form_set_error(f, N_USERNAME, "that username is taken: choose another");
		return -1;
	}
	if (rc != DB_NOTFOUND) {
		form_message(f, STYLE_ERROR, "%s", db_errmsg(app->db));
		return -1;
	}
	enum role role = role_of(form_choice(f, N_ROLE));
	int64_t member_id;
	if (member_link(app, f, N_MEMBER, role, &member_id) != 0)
		return -1;
	text_copy(e->username, sizeof e->username, name);
	text_copy(e->display, sizeof e->display, form_text(f, N_DISPLAY));
	e->role = role;
	e->member_id = member_id;
	e->member_no = 0;
	form_integer(f, N_MEMBER, &e->member_no);
	return 0;
}

/* Both passwords typed and matching: add the account. */
static void new_create(struct screen *s)
{
	struct user_new *e = s->priv;
	struct app *app = s->app;
	int64_t id = 0;
	int rc = user_create(app->db, &app->who, e->username, e->display, e->role,
			     e->member_id, pwask_password(e->pw), &id);
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
	char msg[1024], member[64];
	member_words(e->member_no, member, sizeof member);
	snprintf(msg, sizeof msg, "Added %s (%s), %s%s: they can log in now", e->username,
		 e->display, access_role_name(e->role), member);
	users_done_fn done = e->done;
	void *ctx = e->ctx;
	app_pop(app); /* frees s */
	if (done)
		done(ctx, id);
	app_message(app, STYLE_OK, "%s", msg);
}

static void new_draw(struct screen *s, WINDOW *w)
{
	struct user_new *e = s->priv;
	form_draw(e->form, w);
	if (pwask_active(e->pw))
		pwask_draw(e->pw, w, getmaxy(w), getmaxx(w));
}

/* While the password is asked, every key is the prompt's, but for the
 * lock and a redraw (the typed password is dropped before a lock). */
static int prompt_passes(enum action a)
{
	return a == ACT_LOCK || a == ACT_REDRAW;
}

static int new_handle(struct screen *s, enum action a, int32_t key)
{
	struct user_new *e = s->priv;
	s->dirty = 1;
	if (pwask_active(e->pw)) {
		s->app->status_dirty = 1;
		if (prompt_passes(a) || key == CDK_F1) {
			if (a == ACT_LOCK)
				pwask_stop(e->pw);
			return 0;
		}
		switch (pwask_key(e->pw, key)) {
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
		pwask_start(e->pw, e->username, 0);
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

/* The new-account form; done(ctx, id) is called once the account is added
 * (the Users list reads itself again). */
struct screen *screen_user_new_new(struct app *app, users_done_fn done, void *ctx);
struct screen *screen_user_new_new(struct app *app, users_done_fn done, void *ctx)
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
	form_set_choice(f, N_ROLE, role_index(ROLE_VOLUNTEER));
	form_mark_clean(f);
	e->form = f;
	e->pw = pw;
	e->done = done;
	e->ctx = ctx;
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
		.help = ROLE_HELP,
	},
	[R_MEMBER] = {
		.label = "Member no.", .kind = FORM_INTEGER, .min = 1, .max = INT32_MAX,
		.help = MEMBER_HELP " Empty: not linked.",
	},
};

struct user_role {
	struct form_view *form;
	struct user *was;
	users_done_fn done;
	void *ctx;
};

static void role_save(struct screen *s)
{
	struct user_role *e = s->priv;
	struct form_view *f = e->form;
	struct app *app = s->app;
	enum role role = role_of(form_choice(f, R_ROLE));
	int64_t member_id, member_no = 0;
	if (member_link(app, f, R_MEMBER, role, &member_id) != 0) {
		app_message(app, STYLE_ERROR, "Not saved: see the message under the field");
		return;
	}
	form_integer(f, R_MEMBER, &member_no);
	if (role == e->was->role && member_id == e->was->member_id) {
		app_pop(app); /* frees s */
		app_message(app, STYLE_STATUS, "Nothing was changed");
		return;
	}
	int rc = user_set_role(app->db, &app->who, e->was->id, role, member_id);
	if (rc != DB_OK) {
		form_message(f, STYLE_ERROR, "%s", db_errmsg(app->db));
		app_message(app, STYLE_ERROR, "Not saved: nothing you typed was lost");
		return;
	}
	char msg[1024], member[64];
	member_words(member_no, member, sizeof member);
	snprintf(msg, sizeof msg, "%s is now %s%s", e->was->username, access_role_name(role),
		 member);
	if (e->was->id == app->who.user_id) {
		/* The session acts with the role it logged in with: one's own
		 * new role starts at the next login. */
		session_logout(app); /* frees s */
		app_message(app, STYLE_OK, "%s: log in again to work with it", msg);
		return;
	}
	int64_t id = e->was->id;
	users_done_fn done = e->done;
	void *ctx = e->ctx;
	app_pop(app); /* frees s */
	if (done)
		done(ctx, id);
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

/* The role form for account `id`; done(ctx, id) once it is changed. */
struct screen *screen_user_role_new(struct app *app, int64_t id, users_done_fn done, void *ctx);
struct screen *screen_user_role_new(struct app *app, int64_t id, users_done_fn done, void *ctx)
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
	form_set_choice(f, R_ROLE, role_index(u->role));
	int64_t no = member_no_of(app, u->member_id);
	if (no > 0) {
		char buf[32];
		snprintf(buf, sizeof buf, "%lld", (long long)no);
		form_set(f, R_MEMBER, buf);
	}
	form_mark_clean(f);
	e->form = f;
	e->was = u;
	e->done = done;
	e->ctx = ctx;
	s->ops = &role_ops;
	s->app = app;
	s->area = 0;
	s->priv = e;
	return s;
}
