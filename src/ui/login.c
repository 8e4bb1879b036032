/*
 * src/ui/login.c: the session. The login screen at start, the idle lock
 * (after the setting idle_lock_minutes without a key, or at once on ^X),
 * which covers the screen and keeps everything behind it, and logging out,
 * which returns to the login screen.
 *
 * Passwords are never shown, not even as stars, and are wiped from memory
 * once checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "ui.h"

#define FIELD_MAX 200

double session_now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void wipe(void *p, size_t n)
{
	volatile unsigned char *v = p;
	while (n--)
		*v++ = 0;
}

/* Appends a typed key to a UTF-8 buffer; Backspace deletes the last
 * character. Returns 1 if the key was text or Backspace. */
static int edit_key(char *buf, size_t size, int32_t key)
{
	size_t len = strlen(buf);
	if (key == CDK_BACKSPACE) {
		while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
			len--;
		if (len > 0)
			len--;
		buf[len] = '\0';
		return 1;
	}
	if (key < ' ' || key >= KEY_CD_BASE || key == 127)
		return 0;
	char ch[8];
	if (key == ' ')
		snprintf(ch, sizeof ch, " ");
	else if (!key_format(key, ch, sizeof ch) || (ch[0] == '<' && ch[1]))
		return 1; /* not a plain character: ignore it */
	if (key == '<')
		snprintf(ch, sizeof ch, "<");
	if (key == '^')
		snprintf(ch, sizeof ch, "^");
	if (len + strlen(ch) < size && text_chars(buf) < FIELD_MAX)
		memcpy(buf + len, ch, strlen(ch) + 1);
	return 1;
}

/* ---- the login screen -------------------------------------------------- */

struct login {
	char username[FIELD_MAX * 4 + 1];
	char password[FIELD_MAX * 4 + 1];
	int field;            /* 0 username, 1 password */
	char message[256];
};

static void login_draw(struct screen *s, WINDOW *w)
{
	struct login *l = s->priv;
	int cols = getmaxx(w);
	int x = cols > 60 ? (cols - 56) / 2 : 2;
	style_on(w, STYLE_TITLE);
	draw_text(w, 2, x, 56, s->app->coop_name);
	style_off(w, STYLE_TITLE);
	draw_text(w, 4, x, 56, "Log in to coopdesk");
	draw_text(w, 6, x, 10, "Username");
	draw_text(w, 8, x, 10, "Password");
	for (int f = 0; f < 2; f++) {
		style_on(w, f == l->field ? STYLE_SELECTED : STYLE_COLUMN);
		draw_fill(w, 6 + 2 * f, x + 11, 30);
		if (f == 0)
			draw_text(w, 6, x + 12, 28, l->username);
		style_off(w, STYLE_SELECTED);
	}
	draw_text(w, 10, x, 56, "Tab moves between the fields; Enter logs in.");
	draw_text(w, 11, x, 56, "The password is not shown as you type it.");
	draw_text(w, 12, x, 56, "Esc on this screen leaves coopdesk.");
	if (db_read_only(s->app->db) && !l->message[0]) {
		char ro[1024];
		snprintf(ro, sizeof ro, "Read-only: %s, so changes cannot be saved.",
			 db_read_only(s->app->db));
		style_on(w, STYLE_ERROR);
		draw_wrapped(w, 14, x, cols - x - 1, 2, ro);
		style_off(w, STYLE_ERROR);
	}
	if (l->message[0]) {
		style_on(w, STYLE_ERROR);
		draw_wrapped(w, 14, x, cols - x - 1, 3, l->message);
		style_off(w, STYLE_ERROR);
	}
	/* The cursor in the field being typed (after the name; at the start of
	 * the password, which shows nothing). */
	int at = text_width(l->username);
	wmove(w, 6 + 2 * l->field, x + 12 + (l->field == 0 ? (at < 28 ? at : 28) : 0));
}

static void try_login(struct screen *s)
{
	struct login *l = s->priv;
	struct app *app = s->app;
	struct actor who;
	char name[sizeof app->who_name];
	text_trim(l->username);
	if (!l->username[0]) {
		snprintf(l->message, sizeof l->message, "type your username first");
		l->field = 0;
		return;
	}
	int rc = user_login(app->db, l->username, l->password, &who, name, sizeof name);
	wipe(l->password, sizeof l->password);
	if (rc != DB_OK) {
		snprintf(l->message, sizeof l->message, "%s", db_errmsg(app->db));
		l->field = 1;
		return;
	}
	char username[sizeof app->username];
	snprintf(username, sizeof username, "%.63s", l->username);
	snprintf(app->who_name, sizeof app->who_name, "%s", name);
	who.name = app->who_name;
	session_start(app, &who, username); /* destroys this screen */
}

static int login_handle(struct screen *s, enum action a, int32_t key)
{
	struct login *l = s->priv;
	(void)a;
	s->dirty = 1;
	if (key == CDK_ESC) {
		s->app->quit = 1;
		return 1;
	}
	if (key == CDK_TAB || key == CDK_DOWN || key == CDK_BACKTAB || key == CDK_UP) {
		l->field = !l->field;
		return 1;
	}
	if (key == CDK_ENTER) {
		if (l->field == 0)
			l->field = 1;
		else
			try_login(s);
		return 1;
	}
	if (key == CDK_F1)
		return 0; /* the help still works here */
	edit_key(l->field ? l->password : l->username,
		 l->field ? sizeof l->password : sizeof l->username, key);
	return 1; /* every other key belongs to the fields */
}

static const char *login_hint(struct screen *s)
{
	(void)s;
	return "Tab next field  Enter log in  Esc leave";
}

static void login_destroy(struct screen *s)
{
	struct login *l = s->priv;
	wipe(l, sizeof *l);
	free(l);
	free(s);
}

static const struct screen_ops login_ops = {
	.name = "Log in",
	.scope = 'F',
	.draw = login_draw,
	.handle = login_handle,
	.hint = login_hint,
	.destroy = login_destroy,
};

struct screen *screen_login_new(struct app *app)
{
	struct screen *s = calloc(1, sizeof *s);
	struct login *l = calloc(1, sizeof *l);
	if (!s || !l) {
		free(s);
		free(l);
		return NULL;
	}
	s->ops = &login_ops;
	s->app = app;
	s->area = -1;
	s->priv = l;
	return s;
}

/* ---- the session ------------------------------------------------------- */

static void clear_stack(struct app *app)
{
	while (app->depth > 0) {
		struct screen *s = app->stack[--app->depth];
		s->ops->destroy(s);
	}
}

void session_start(struct app *app, const struct actor *who, const char *username)
{
	app->who = *who;
	app->who.name = app->who_name;
	snprintf(app->username, sizeof app->username, "%s", username);
	app->logged_in = 1;
	app->locked = 0;
	int64_t minutes = 5;
	setting_int(app->db, "idle_lock_minutes", &minutes);
	app->idle_seconds = (int)minutes * 60;
	/* Tests shorten the lock: the setting's least is a minute. */
	const char *env = getenv("COOPDESK_IDLE_LOCK_SECONDS");
	if (env && atoi(env) > 0)
		app->idle_seconds = atoi(env);
	app->last_key_ms = session_now_ms();
	clear_stack(app);
	app_set_area(app, 0);
	app->all_dirty = 1;
}

void session_logout(struct app *app)
{
	clear_stack(app);
	memset(&app->who, 0, sizeof app->who);
	wipe(app->who_name, sizeof app->who_name);
	app->username[0] = '\0';
	app->logged_in = 0;
	app->locked = 0;
	if (app->help_open)
		help_toggle(app);
	app_push(app, screen_login_new(app));
	app->all_dirty = 1;
	app_message(app, STYLE_OK, "logged out");
}

void session_lock(struct app *app)
{
	if (!app->logged_in || app->locked)
		return;
	app->locked = 1;
	app->lock_pw[0] = '\0';
	if (app->help_open)
		help_toggle(app);
	app->message[0] = '\0';
	app->all_dirty = 1;
}

void session_lock_draw(struct app *app)
{
	WINDOW *w = app->body;
	int cols = getmaxx(w), rows = getmaxy(w);
	werase(w);
	int x = cols > 64 ? (cols - 60) / 2 : 2, y = rows / 2 - 4;
	if (y < 1)
		y = 1;
	char line[512];
	style_on(w, STYLE_TITLE);
	draw_text(w, y, x, 60, "This screen is locked.");
	style_off(w, STYLE_TITLE);
	snprintf(line, sizeof line, "%s is logged in. Type the password and press Enter", app->who_name);
	draw_text(w, y + 2, x, cols - x - 1, line);
	draw_text(w, y + 3, x, cols - x - 1, "to carry on where you left off.");
	draw_text(w, y + 5, x, cols - x - 1, "Esc logs out instead; anything not saved is lost.");
	style_on(w, STYLE_SELECTED);
	draw_fill(w, y + 7, x, 30);
	style_off(w, STYLE_SELECTED);
	wmove(w, y + 7, x);
	wnoutrefresh(w);
}

void session_lock_key(struct app *app, int32_t key)
{
	app->status_dirty = 1;
	if (key == CDK_ESC) {
		wipe(app->lock_pw, sizeof app->lock_pw);
		session_logout(app);
		return;
	}
	if (key != CDK_ENTER) {
		edit_key(app->lock_pw, sizeof app->lock_pw, key);
		return;
	}
	struct actor who;
	char name[sizeof app->who_name];
	int rc = user_login(app->db, app->username, app->lock_pw, &who, name, sizeof name);
	wipe(app->lock_pw, sizeof app->lock_pw);
	if (rc != DB_OK || who.user_id != app->who.user_id) {
		app_message(app, STYLE_ERROR, "%s", rc ? db_errmsg(app->db) : "that is another account");
		return;
	}
	if (who.role != app->who.role || who.member_id != app->who.member_id) {
		/* The account was changed meanwhile on another terminal: start
		 * again with what it may do now. */
		session_logout(app);
		app_message(app, STYLE_STATUS, "this account was changed meanwhile: log in again");
		return;
	}
	app->locked = 0;
	app->last_key_ms = session_now_ms();
	app->all_dirty = 1;
	app_message(app, STYLE_OK, "welcome back");
}
