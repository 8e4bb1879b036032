/*
 * src/ui/screen_users.c: the user accounts, for the board (opened with u
 * on Home). A virtual list over user_page in username order, disabled
 * accounts included; anyone else sees only the data layer's refusal.
 *
 *   n  a new account (screen_user_edit.c: a form, then the password)
 *   p  a new password for the selected account, typed twice on the bottom
 *      line and never shown; for one's own account the current password
 *      is asked first, as the data layer requires
 *   r  its role and member link (a small form; also e and Enter)
 *   d  disable it, or enable it again (which also clears a lockout),
 *      after a y/n question
 *
 * Every change is one call to coopdesk/users.h: one transaction with its
 * audit row. The data layer's refusals (the last active board account
 * among them) are shown in its words. Changing one's own role, or
 * disabling one's own account, logs out: the session keeps the role it
 * logged in with, and must not outlive the change.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopdesk/access.h"
#include "coopdesk/clock.h"
#include "coopdesk/members.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "list.h"

/* In screen_user_edit.c; declared here rather than in ui.h, which only
 * the list's constructor needs. */
typedef void (*users_done_fn)(void *ctx, int64_t id);
struct screen *screen_user_new_new(struct app *app, users_done_fn done, void *ctx);
struct screen *screen_user_role_new(struct app *app, int64_t id, users_done_fn done, void *ctx);
struct pwask;
enum pwask_result { PWASK_TYPING, PWASK_DONE, PWASK_CANCELLED };
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

/* A row: the account and its member's number (read once per page). */
struct user_line {
	struct user u;
	int64_t member_no;
};

#define NOTE_MAX 512

enum mode { MODE_LIST, MODE_CONFIRM, MODE_PASSWORD };

struct users_view {
	struct app *app;
	struct screen *self;
	struct list list;
	int denied;
	char denied_msg[256];
	int width;
	enum mode mode;
	struct pwask *pw;
	/* The account a question or the password is about. */
	int64_t target;
	int target_disabled;
	char target_name[USER_NAME_MAX * 4 + 1];
	char target_display[USER_DISPLAY_MAX * 4 + 1];
	char note[NOTE_MAX];       /* under the list: what happened, or why not */
	int note_style;
	char hint[160];
};

/* ---- the list's source ----------------------------------------------------- */

static int fetch(void *ctx, enum page_dir dir, const struct page_key *key,
		 void *rows, int max, int *n)
{
	struct users_view *v = ctx;
	struct user_line *out = rows;
	struct user *got = max > 0 ? calloc((size_t)max, sizeof *got) : NULL;
	if (max > 0 && !got) {
		*n = 0;
		return DB_ERROR;
	}
	int rc = user_page(v->app->db, &v->app->who, dir, key, got, max, n);
	struct member *m = malloc(sizeof *m);
	for (int i = 0; rc == DB_OK && i < *n; i++) {
		out[i].u = got[i];
		out[i].member_no = 0;
		if (m && got[i].member_id > 0 &&
		    member_get(v->app->db, &v->app->who, got[i].member_id, m) == DB_OK)
			out[i].member_no = m->member_no;
	}
	free(m);
	free(got);
	return rc;
}

static void key_of(void *ctx, const void *row, struct page_key *key)
{
	(void)ctx;
	user_row_key(&((const struct user_line *)row)->u, key);
}

/* The columns: username, display name (the rest), role, member no.,
 * disabled, locked until, last login. */
enum { COL_USER = 11, COL_ROLE = 10, COL_MEMBER = 7, COL_DISABLED = 9, COL_LOCKED = 13,
       COL_LAST = 14 };

static int name_width(int width)
{
	int w = width - 2 - COL_USER - COL_ROLE - COL_MEMBER - COL_DISABLED - COL_LOCKED - COL_LAST;
	return w < 4 ? 4 : w;
}

/* An instant in local time: "22/11/26 15:04"; `short_today` gives only
 * "15:04" when it is today, and "23/11 09:00" another day. "" when it is
 * not an instant. */
static void local_time(const char *iso, int short_today, char *buf, size_t n)
{
	time_t t, now = clock_now();
	struct tm tm, today;
	buf[0] = '\0';
	if (!iso[0] || clock_parse_iso(iso, &t) != 0 || !localtime_r(&t, &tm) ||
	    !localtime_r(&now, &today))
		return;
	if (short_today && tm.tm_year == today.tm_year && tm.tm_yday == today.tm_yday)
		snprintf(buf, n, "%02d:%02d", tm.tm_hour, tm.tm_min);
	else if (short_today)
		snprintf(buf, n, "%02d/%02d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_hour,
			 tm.tm_min);
	else
		snprintf(buf, n, "%02d/%02d/%02d %02d:%02d", tm.tm_mday, tm.tm_mon + 1,
			 (tm.tm_year + 1900) % 100, tm.tm_hour, tm.tm_min);
}

static void draw_columns(WINDOW *w, int y, int width, const char *cells[7])
{
	int nw = name_width(width);
	int x = 1;
	draw_text(w, y, x, COL_USER - 1, cells[0]);
	x += COL_USER;
	draw_text(w, y, x, nw - 1, cells[1]);
	x += nw;
	draw_text(w, y, x, COL_ROLE - 1, cells[2]);
	x += COL_ROLE;
	draw_text(w, y, x, COL_MEMBER - 1, cells[3]);
	x += COL_MEMBER;
	draw_text(w, y, x, COL_DISABLED - 1, cells[4]);
	x += COL_DISABLED;
	draw_text(w, y, x, COL_LOCKED - 1, cells[5]);
	x += COL_LOCKED;
	draw_text(w, y, x, COL_LAST, cells[6]);
}

static void draw_row(void *ctx, WINDOW *w, int y, int width, const void *row, int selected)
{
	const struct user_line *r = row;
	char member[24] = "", locked[64] = "", last[64];
	(void)ctx;
	if (r->member_no > 0)
		snprintf(member, sizeof member, "%lld", (long long)r->member_no);
	else if (r->u.member_id > 0)
		snprintf(member, sizeof member, "?");
	if (r->u.locked)
		local_time(r->u.locked_until, 1, locked, sizeof locked);
	local_time(r->u.last_login_at, 0, last, sizeof last);
	const char *cells[7] = {
		r->u.username, r->u.display_name, access_role_name(r->u.role), member,
		r->u.disabled ? "yes" : "", locked, last[0] ? last : "never",
	};
	if (r->u.disabled && !selected)
		style_on(w, STYLE_DIM);
	draw_columns(w, y, width, cells);
	if (r->u.disabled && !selected)
		style_off(w, STYLE_DIM);
}

static const struct list_source source = {
	.row_size = sizeof(struct user_line),
	.fetch = fetch,
	.key_of = key_of,
	.draw_row = draw_row,
	.count = NULL,
};

/* ---- reading again, keeping the selection ----------------------------------- */

static int64_t selected_id(struct users_view *v)
{
	const struct user_line *r = list_selected(&v->list);
	return r ? r->u.id : 0;
}

/* Reads the list again and moves back to account `id` (the accounts are
 * few: walking down to it costs little). */
static void reload_at(struct users_view *v, int64_t id)
{
	if (v->denied)
		return;
	list_reload(&v->list);
	for (int i = 0; id > 0 && i < 100000; i++) {
		int64_t at = selected_id(v);
		if (at == id || at == 0)
			break;
		int sel = v->list.sel, top = v->list.top;
		int64_t pos = v->list.pos;
		list_handle(&v->list, ACT_DOWN);
		if (v->list.sel == sel && v->list.top == top && v->list.pos == pos)
			break; /* the last row: it is gone */
		if (selected_id(v) == at)
			break;
	}
}

/* After a form has changed account `id`. */
static void changed(void *ctx, int64_t id)
{
	struct users_view *v = ctx;
	v->note[0] = '\0';
	reload_at(v, id);
}

/* ---- drawing ---------------------------------------------------------------- */

static void layout(struct screen *s, int rows, int cols)
{
	struct users_view *v = s->priv;
	v->width = cols;
	/* Title, a line of words and the headings above; a line for what
	 * happened and one for a question or the password below. */
	list_resize(&v->list, rows - 5);
}

/* Text in up to `lines` lines of `width` columns from line y, broken at
 * spaces; the last line ends in "…" when the rest does not fit. */
static void draw_wrapped(WINDOW *w, int y, int width, int lines, const char *text)
{
	char part[NOTE_MAX];
	const char *p = text;
	for (int line = 0; line < lines && *p; line++) {
		size_t cut = strlen(p);
		text_copy(part, sizeof part, p);
		if (line < lines - 1 && text_width(part) > width) {
			/* The longest run of whole words that fits. */
			cut = 0;
			for (size_t i = 1; p[i]; i++) {
				if (p[i] != ' ')
					continue;
				part[i] = '\0';
				if (text_width(part) > width) {
					if (cut == 0)
						cut = i; /* one long word: clipped */
					break;
				}
				cut = i;
				part[i] = p[i];
			}
			if (cut == 0)
				cut = strlen(p);
			part[cut] = '\0';
		}
		draw_text(w, y + line, 1, width, part);
		p += cut;
		while (*p == ' ')
			p++;
	}
}

static void draw(struct screen *s, WINDOW *w)
{
	struct users_view *v = s->priv;
	int rows = getmaxy(w);
	if (v->denied) {
		draw_text(w, 1, 2, v->width - 4, v->denied_msg);
		return;
	}
	char pos[64];
	list_position(&v->list, pos, sizeof pos);
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, v->width - 24, "User accounts");
	style_off(w, STYLE_TITLE);
	int pw = text_width(pos);
	draw_text(w, 0, v->width - pw - 1, pw, pos);
	draw_text(w, 1, 1, v->width - 2,
		  "Accounts are disabled, never deleted. Times are local.");
	style_on(w, STYLE_COLUMN);
	draw_fill(w, 2, 0, v->width);
	const char *heads[7] = {
		"Username", "Display name", "Role", "Member", "Disabled", "Locked until",
		"Last login",
	};
	draw_columns(w, 2, v->width, heads);
	style_off(w, STYLE_COLUMN);
	list_draw(&v->list, w, 3, 0, v->width);

	if (v->mode == MODE_PASSWORD) {
		pwask_draw(v->pw, w, rows, v->width);
		return;
	}
	if (v->note[0]) {
		/* The bottom line too, when no question needs it. */
		style_on(w, (enum ui_style)v->note_style);
		draw_wrapped(w, rows - 2, v->width - 2, v->mode == MODE_CONFIRM ? 1 : 2, v->note);
		style_off(w, (enum ui_style)v->note_style);
	}
	if (v->mode == MODE_CONFIRM) {
		char q[USER_NAME_MAX * 4 + USER_DISPLAY_MAX * 4 + 128];
		int own = v->target == v->app->who.user_id;
		if (v->target_disabled)
			snprintf(q, sizeof q, "Enable %s (%s)? They can log in again. y/n",
				 v->target_name, v->target_display);
		else if (own)
			snprintf(q, sizeof q, "Disable your own account, %s? You are logged out. y/n",
				 v->target_name);
		else
			snprintf(q, sizeof q, "Disable %s (%s)? They can no longer log in. y/n",
				 v->target_name, v->target_display);
		style_on(w, STYLE_TITLE);
		draw_text(w, rows - 1, 1, v->width - 2, q);
		style_off(w, STYLE_TITLE);
	}
}

/* ---- the changes ------------------------------------------------------------- */

static void note(struct users_view *v, int style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void note(struct users_view *v, int style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v->note, sizeof v->note, fmt, ap);
	va_end(ap);
	v->note_style = style;
}

static const struct screen_ops ops, typing_ops;

/* A question or the password takes every key, letters included: the
 * screen then counts as a form, so that the status line does not offer
 * "q log out" while q would be typed. */
static void set_mode(struct users_view *v, enum mode m)
{
	v->mode = m;
	v->self->ops = m == MODE_LIST ? &ops : &typing_ops;
	v->app->status_dirty = 1;
}

/* Remembers the selected account as the one a question is about; 0 when
 * the list is empty. */
static int take_target(struct users_view *v)
{
	const struct user_line *r = list_selected(&v->list);
	if (!r)
		return 0;
	v->target = r->u.id;
	v->target_disabled = r->u.disabled;
	text_copy(v->target_name, sizeof v->target_name, r->u.username);
	text_copy(v->target_display, sizeof v->target_display, r->u.display_name);
	return 1;
}

static void toggle(struct screen *s)
{
	struct users_view *v = s->priv;
	struct app *app = s->app;
	int enable = v->target_disabled;
	int rc = enable ? user_enable(app->db, &app->who, v->target)
			: user_disable(app->db, &app->who, v->target);
	if (rc != DB_OK) {
		note(v, STYLE_ERROR, "%s", db_errmsg(app->db));
		return;
	}
	if (!enable && v->target == app->who.user_id) {
		char name[sizeof v->target_name];
		text_copy(name, sizeof name, v->target_name);
		session_logout(app); /* frees s */
		app_message(app, STYLE_OK, "Disabled %s, your own account: you are logged out", name);
		return;
	}
	if (enable)
		note(v, STYLE_OK, "Enabled %s: it can log in again (any lockout is cleared)",
		     v->target_name);
	else
		note(v, STYLE_OK, "Disabled %s: it can no longer log in", v->target_name);
	reload_at(v, v->target);
}

static void set_password(struct users_view *v)
{
	struct app *app = v->app;
	int rc = user_set_password(app->db, &app->who, v->target, pwask_current(v->pw),
				   pwask_password(v->pw));
	if (rc == DB_DENIED && pwask_current(v->pw)) {
		pwask_retry(v->pw, db_errmsg(app->db), 1);
		return;
	}
	if (rc == DB_INVALID) {
		pwask_retry(v->pw, db_errmsg(app->db), 0);
		return;
	}
	pwask_stop(v->pw);
	set_mode(v, MODE_LIST);
	if (rc != DB_OK) {
		note(v, STYLE_ERROR, "%s", db_errmsg(app->db));
		return;
	}
	note(v, STYLE_OK, "Set a new password for %s%s", v->target_name,
	     v->target == app->who.user_id ? "" : "; any lockout on it is cleared");
	reload_at(v, v->target);
}

/* ---- keys -------------------------------------------------------------------- */

static int password_key(struct screen *s, enum action a, int32_t key)
{
	struct users_view *v = s->priv;
	if (a == ACT_LOCK || a == ACT_REDRAW || key == CDK_F1) {
		if (a == ACT_LOCK) {
			pwask_stop(v->pw);
			set_mode(v, MODE_LIST);
		}
		return 0;
	}
	switch (pwask_key(v->pw, key)) {
	case PWASK_DONE:
		set_password(v);
		break;
	case PWASK_CANCELLED:
		set_mode(v, MODE_LIST);
		note(v, STYLE_STATUS, "The password of %s was not changed", v->target_name);
		break;
	default:
		break;
	}
	return 1;
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct users_view *v = s->priv;
	if (v->denied)
		return 0;
	s->dirty = s->app->status_dirty = 1;
	if (v->mode == MODE_PASSWORD)
		return password_key(s, a, key);
	if (v->mode == MODE_CONFIRM) {
		if (key == CDK_F1)
			return 0;
		set_mode(v, MODE_LIST);
		if (a == ACT_LOCK)
			return 0;
		if (key == 'y' || key == 'Y')
			toggle(s); /* may free s */
		else
			note(v, STYLE_STATUS, "Nothing was changed");
		return 1;
	}
	v->note[0] = '\0';
	if (list_handle(&v->list, a))
		return 1;
	switch (a) {
	case ACT_NEW_USER:
		app_push(s->app, screen_user_new_new(s->app, changed, v));
		return 1;
	case ACT_SET_PASSWORD:
		if (take_target(v)) {
			pwask_start(v->pw, v->target_name, v->target == s->app->who.user_id);
			set_mode(v, MODE_PASSWORD);
		}
		return 1;
	case ACT_SET_ROLE:
		a = ACT_EDIT;
		break;
	case ACT_DISABLE:
		if (take_target(v))
			set_mode(v, MODE_CONFIRM);
		return 1;
	default:
		break;
	}
	switch (a) {
	case ACT_EDIT:
	case ACT_OPEN:
		if (take_target(v))
			app_push(s->app, screen_user_role_new(s->app, v->target, changed, v));
		return 1;
	case ACT_SORT:
		app_message(s->app, STYLE_STATUS, "User accounts are always in username order");
		return 1;
	case ACT_REDRAW:
		reload_at(v, selected_id(v));
		return 0;
	default:
		return 0;
	}
}

static const char *hint(struct screen *s)
{
	struct users_view *v = s->priv;
	if (v->denied)
		return "Esc back";
	switch (v->mode) {
	case MODE_PASSWORD:
		return pwask_hint(v->pw);
	case MODE_CONFIRM:
		return "y yes  any other key: no";
	default:
		break;
	}
	const struct user_line *r = list_selected(&v->list);
	snprintf(v->hint, sizeof v->hint, "n new  p password  r role  d %s  Esc back",
		 r && r->u.disabled ? "enable" : "disable");
	return v->hint;
}

static void destroy(struct screen *s)
{
	struct users_view *v = s->priv;
	list_free(&v->list);
	pwask_free(v->pw);
	free(v);
	free(s);
}

static const struct screen_ops ops = {
	.name = "User accounts",
	.scope = 'L',
	.extra_scope = 'U',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.hint = hint,
	.destroy = destroy,
};

static const struct screen_ops typing_ops = {
	.name = "User accounts",
	.scope = 'F',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.hint = hint,
	.destroy = destroy,
};

/* The refusal for anyone but the board, in the data layer's words: adding
 * an account is asked for with a role that does not exist, which is
 * refused before anything is written, first of all for who is asking. */
static int refused(struct app *app, char *msg, size_t n)
{
	if (access_level(&app->who, AREA_USERS, OP_WRITE) == ACCESS_ALL)
		return 0;
	int rc = user_create(app->db, &app->who, "", "", ROLE_NONE, 0, "", NULL);
	snprintf(msg, n, "%s", rc == DB_DENIED ? db_errmsg(app->db)
						: "only the board may manage user accounts");
	msg[0] = (char)toupper((unsigned char)msg[0]);
	return 1;
}

struct screen *screen_users_new(struct app *app)
{
	struct screen *s = calloc(1, sizeof *s);
	struct users_view *v = calloc(1, sizeof *v);
	struct pwask *pw = pwask_new();
	if (!s || !v || !pw || list_init(&v->list, app, &source, v) != 0) {
		free(s);
		free(v);
		pwask_free(pw);
		app_message(app, STYLE_ERROR, "out of memory: the user accounts could not be shown");
		return NULL;
	}
	v->app = app;
	v->self = s;
	v->pw = pw;
	s->ops = &ops;
	s->app = app;
	s->area = 0;
	s->priv = v;
	v->denied = refused(app, v->denied_msg, sizeof v->denied_msg);
	int rows, cols;
	getmaxyx(app->body, rows, cols);
	layout(s, rows, cols);
	if (!v->denied)
		list_reload(&v->list);
	return s;
}
