/*
 * src/ui/screen_home.c: Home, the summary a person sees first. Every figure
 * is cheap on a large co-op (coopdesk/summary.h). Everyone may change
 * their own password from here; the board opens the audit trail and the
 * user accounts. Every key named comes from the bindings in force.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/clock.h"
#include "coopdesk/date.h"
#include "coopdesk/money.h"
#include "coopdesk/summary.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "meetings_ui.h"
#include "pwask.h"
#include "rent_ui.h"
#include "ui.h"

struct home {
	struct summary sum;
	int ok;
	struct pwask *pw;
	char note[320];
	int note_style;
	char hint[256];
};

static void home_load(struct screen *s)
{
	struct home *h = s->priv;
	char now[CLOCK_ISO_LEN], today[DATE_BUFSZ];
	clock_now_iso(now, sizeof now);
	date_format_iso(date_today(), today, sizeof today);
	h->ok = summary_get(s->app->db, &s->app->who, now, today, &h->sum) == DB_OK;
	if (!h->ok)
		app_message(s->app, STYLE_ERROR, "%s", db_errmsg(s->app->db));
}

static int board(const struct screen *s)
{
	return s->app->who.role == ROLE_BOARD;
}

/* "2 Tenancies, 3 Members & shares, 4 Repairs, 5 Meetings": the areas
 * with the keys that go there now. */
static void areas_words(struct screen *s, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 1; i < AREA_COUNT_UI && used < n; i++) {
		char key[KEY_NAME_MAX];
		if (!ui_key(s->app, s, ui_areas[i].action, key, sizeof key)[0])
			continue;
		used += (size_t)snprintf(buf + used, n - used, "%s%s %s", used ? ", " : "", key,
					 ui_areas[i].name);
	}
}

static void home_draw(struct screen *s, WINDOW *w)
{
	struct home *h = s->priv;
	const struct summary *m = &h->sum;
	int cols = getmaxx(w), rows = getmaxy(w);
	char v[1024], money[MONEY_BUFSZ];
	int y = 1;
	style_on(w, STYLE_TITLE);
	draw_text(w, y, 2, cols - 4, "Home");
	style_off(w, STYLE_TITLE);
	y += 2;
	home_warnings(s->app, w, &y);
	if (h->ok) {
		if (m->own)
			home_own_account(m, w, &y);
		snprintf(v, sizeof v, "%lld (%lld on the register in all)",
			 (long long)m->members_current, (long long)m->members_all);
		home_line_draw(w, y++, "Members", v, STYLE_NORMAL);
		snprintf(v, sizeof v, "%lld, %lld let", (long long)m->homes,
			 (long long)m->tenancies_current);
		home_line_draw(w, y++, "Homes", v, STYLE_NORMAL);
		/* The co-op's repairs for those who handle them (board, volunteers). */
		if (access_level(&s->app->who, AREA_REPAIRS, OP_READ) == ACCESS_ALL) {
			snprintf(v, sizeof v, "%lld open of %lld", (long long)m->repairs_open,
				 (long long)m->repairs_all);
			home_line_draw(w, y++, "Repairs", v, STYLE_NORMAL);
			snprintf(v, sizeof v, "%lld", (long long)m->repairs_overdue);
			home_line_draw(w, y++, "Repairs past their target", v,
			     m->repairs_overdue ? STYLE_OVERDUE : STYLE_NORMAL);
		}
		if (m->has_rent) {
			money_format(m->arrears_pence, money, sizeof money);
			snprintf(v, sizeof v, "%s owed on %lld tenancies", money,
				 (long long)m->arrears_tenancies);
			home_line_draw(w, y++, "Rent arrears", v,
			     m->arrears_pence > 0 ? STYLE_OVERDUE : STYLE_NORMAL);
			snprintf(v, sizeof v, "%lld", (long long)m->actions_overdue);
			home_line_draw(w, y++, "Board actions past due", v,
			     m->actions_overdue ? STYLE_OVERDUE : STYLE_NORMAL);
		}
		if (m->next_meeting_on[0]) {
			struct date d;
			char uk[DATE_BUFSZ];
			if (date_parse(m->next_meeting_on, &d) == DATE_OK)
				date_format_uk(d, uk, sizeof uk);
			else
				text_copy(uk, sizeof uk, m->next_meeting_on);
			snprintf(v, sizeof v, "%s, %s", uk, m->next_meeting_title);
		} else {
			snprintf(v, sizeof v, "none planned");
		}
		home_line_draw(w, y++, "Next meeting", v, STYLE_NORMAL);
		struct home_line dl[3];
		for (int i = 0, nd = board(s) ? home_deadlines(s->app, dl, 3) : 0; i < nd; i++)
			home_line_draw(w, y++, dl[i].label, dl[i].value, (enum ui_style)dl[i].style);
		y++;
	}
	char areas[256], key[KEY_NAME_MAX];
	areas_words(s, areas, sizeof areas);
	if (areas[0]) {
		snprintf(v, sizeof v, "The other areas: %s.", areas);
		draw_text(w, y++, 4, cols - 6, v);
	}
	if (board(s) && home_board_keys(s->app, s, v, sizeof v))
		draw_text(w, y++, 4, cols - 6, v);
	if (ui_key(s->app, s, ACT_HELP, key, sizeof key)[0]) {
		snprintf(v, sizeof v, "%s shows every key of every screen.", key);
		draw_text(w, y++, 4, cols - 6, v);
	}
	if (h->note[0]) {
		style_on(w, (enum ui_style)h->note_style);
		draw_text(w, rows - 2, 1, cols - 2, h->note);
		style_off(w, (enum ui_style)h->note_style);
	}
	if (pwask_active(h->pw))
		pwask_draw(h->pw, w, rows, cols);
	else
		wmove(w, 1, 2);
}

static int home_acts(struct screen *s, enum action a)
{
	struct home *h = s->priv;
	if (pwask_active(h->pw))
		return a == ACT_HELP || a == ACT_LOCK || a == ACT_REDRAW || a == ACT_LOGOUT;
	switch (a) {
	case ACT_AUDIT:
	case ACT_USERS:
	case ACT_DECISIONS:
	case ACT_ACTIONS:
	case ACT_SETTINGS:
		return board(s);
	case ACT_PASSWORD:
		return s->app->who.user_id > 0;
	case ACT_RENT: /* the board's arrears; a tenant's own statement */
		return h->ok && (board(s) || (h->sum.has_own_rent && h->sum.own_tenancy_id));
	default:
		return action_table[a].scope == 'G';
	}
}

static int home_typing(struct screen *s)
{
	struct home *h = s->priv;
	return pwask_active(h->pw);
}

static int home_handle(struct screen *s, enum action a, int32_t key)
{
	struct home *h = s->priv;
	s->dirty = 1;
	if (pwask_active(h->pw)) {
		s->app->status_dirty = 1;
		if (a == ACT_LOCK || a == ACT_REDRAW || a == ACT_HELP || a == ACT_LOGOUT) {
			if (a == ACT_LOCK || a == ACT_LOGOUT)
				pwask_stop(h->pw);
			return 0;
		}
		pwask_own_key(h->pw, s->app, key, h->note, sizeof h->note, &h->note_style);
		return 1;
	}
	h->note[0] = '\0';
	if (!home_acts(s, a))
		return 0;
	switch (a) {
	case ACT_AUDIT:
		app_push(s->app, screen_audit_new(s->app));
		return 1;
	case ACT_USERS:
		app_push(s->app, screen_users_new(s->app));
		return 1;
	case ACT_RENT:
		app_push(s->app, board(s) ? screen_arrears_new(s->app)
			 : screen_rent_statement_new(s->app, h->sum.own_tenancy_id));
		return 1;
	case ACT_DECISIONS:
	case ACT_ACTIONS:
	case ACT_SETTINGS:
		app_push(s->app, home_board_open(s->app, a));
		return 1;
	case ACT_PASSWORD:
		pwask_start(h->pw, s->app->username[0] ? s->app->username : "you", 1);
		s->app->status_dirty = 1;
		return 1;
	default:
		return 0;
	}
}

static const char *home_why_not(struct screen *s, enum action a)
{
	if (board(s))
		return NULL;
	return a == ACT_AUDIT ? "Only the board may open the audit trail"
	     : a == ACT_USERS ? "Only the board may open user accounts"
	     : a == ACT_RENT ? "You hold no tenancy with a rent account" : home_board_why_not(a);
}

static const char *home_hint(struct screen *s)
{
	struct home *h = s->priv;
	if (pwask_active(h->pw))
		return pwask_hint(h->pw);
	/* A tenant's own rent statement; the board's line is full already (its
	 * arrears key is in the help). */
	static const enum action mine[] = { ACT_PASSWORD, ACT_AUDIT, ACT_USERS, ACT_GOTO, ACT_NONE };
	static const enum action tenant[] = { ACT_PASSWORD, ACT_RENT, ACT_GOTO, ACT_NONE };
	return ui_hints(s->app, s, h->hint, sizeof h->hint, board(s) ? mine : tenant);
}

static void home_resume(struct screen *s)
{
	home_load(s);
}

static void home_destroy(struct screen *s)
{
	struct home *h = s->priv;
	pwask_free(h->pw);
	free(h);
	free(s);
}

static const struct screen_ops home_ops = {
	.name = "Home",
	.scope = 'H',
	.draw = home_draw,
	.handle = home_handle,
	.acts = home_acts,
	.typing = home_typing,
	.resume = home_resume,
	.hint = home_hint,
	.why_not = home_why_not,
	.destroy = home_destroy,
};

struct screen *screen_home_new(struct app *app)
{
	struct screen *s = calloc(1, sizeof *s);
	struct home *h = calloc(1, sizeof *h);
	struct pwask *pw = pwask_new();
	if (!s || !h || !pw) {
		free(s);
		free(h);
		pwask_free(pw);
		return NULL;
	}
	h->pw = pw;
	s->ops = &home_ops;
	s->app = app;
	s->area = 0;
	s->priv = h;
	home_load(s);
	return s;
}
