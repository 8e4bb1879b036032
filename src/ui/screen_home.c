/*
 * src/ui/screen_home.c: Home, the summary a person sees first. Every figure
 * is cheap on a large co-op (coopdesk/summary.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/clock.h"
#include "coopdesk/date.h"
#include "coopdesk/money.h"
#include "coopdesk/summary.h"
#include "ui.h"

struct home {
	struct summary sum;
	int ok;
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

static void line(WINDOW *w, int y, const char *label, const char *value, enum ui_style vs)
{
	draw_text(w, y, 4, 34, label);
	style_on(w, vs);
	draw_text(w, y, 38, 38, value);
	style_off(w, vs);
}

static void home_draw(struct screen *s, WINDOW *w)
{
	struct home *h = s->priv;
	const struct summary *m = &h->sum;
	char v[512], money[MONEY_BUFSZ];
	int y = 1;
	style_on(w, STYLE_TITLE);
	draw_text(w, y, 2, 60, "Home");
	style_off(w, STYLE_TITLE);
	y += 2;
	if (!h->ok)
		return;
	if (m->own) {
		/* A tenant-member sees their own account first. */
		snprintf(v, sizeof v, "no. %lld", (long long)m->own_member_no);
		line(w, y++, "Your membership", v, STYLE_NORMAL);
		money_format(m->own_paid_pence, money, sizeof money);
		snprintf(v, sizeof v, "%lld (%s paid)", (long long)m->own_shares, money);
		line(w, y++, "Your share", v, STYLE_NORMAL);
		line(w, y++, "Your home", m->own_home_ref[0] ? m->own_home_ref : "no current tenancy",
		     STYLE_NORMAL);
		if (m->has_own_rent) {
			money_format(m->own_balance_pence < 0 ? -m->own_balance_pence
							      : m->own_balance_pence, money, sizeof money);
			snprintf(v, sizeof v, "%s %s", money,
				 m->own_balance_pence > 0 ? "owed" : m->own_balance_pence < 0
				 ? "in credit" : "(nothing owed)");
			line(w, y++, "Your rent account", v,
			     m->own_balance_pence > 0 ? STYLE_OVERDUE : STYLE_NORMAL);
		}
		snprintf(v, sizeof v, "%lld open", (long long)m->own_repairs_open);
		line(w, y++, "Your repairs", v, STYLE_NORMAL);
		y++;
	}
	snprintf(v, sizeof v, "%lld (%lld on the register in all)",
		 (long long)m->members_current, (long long)m->members_all);
	line(w, y++, "Members", v, STYLE_NORMAL);
	snprintf(v, sizeof v, "%lld, %lld let", (long long)m->homes, (long long)m->tenancies_current);
	line(w, y++, "Homes", v, STYLE_NORMAL);
	/* The co-op's repairs for those who handle them (board, volunteers). */
	int all_repairs = access_level(&s->app->who, AREA_REPAIRS, OP_READ) == ACCESS_ALL;
	if (all_repairs) {
		snprintf(v, sizeof v, "%lld open of %lld", (long long)m->repairs_open,
			 (long long)m->repairs_all);
		line(w, y++, "Repairs", v, STYLE_NORMAL);
	}
	if (all_repairs) {
		snprintf(v, sizeof v, "%lld", (long long)m->repairs_overdue);
		line(w, y++, "Repairs past their target", v,
		     m->repairs_overdue ? STYLE_OVERDUE : STYLE_NORMAL);
	}
	if (m->has_rent) {
		money_format(m->arrears_pence, money, sizeof money);
		snprintf(v, sizeof v, "%s owed on %lld tenancies", money,
			 (long long)m->arrears_tenancies);
		line(w, y++, "Rent arrears", v, m->arrears_pence > 0 ? STYLE_OVERDUE : STYLE_NORMAL);
		snprintf(v, sizeof v, "%lld", (long long)m->actions_overdue);
		line(w, y++, "Board actions past due", v,
		     m->actions_overdue ? STYLE_OVERDUE : STYLE_NORMAL);
	}
	if (m->next_meeting_on[0]) {
		struct date d;
		char uk[DATE_BUFSZ];
		if (date_parse(m->next_meeting_on, &d) == DATE_OK)
			date_format_uk(d, uk, sizeof uk);
		else
			snprintf(uk, sizeof uk, "%s", m->next_meeting_on);
		snprintf(v, sizeof v, "%s, %s", uk, m->next_meeting_title);
	} else {
		snprintf(v, sizeof v, "none planned");
	}
	line(w, y++, "Next meeting", v, STYLE_NORMAL);
	y++;
	draw_text(w, y, 4, 72, "Press a digit to go to an area: 2 Tenancies, 3 Members & shares,");
	draw_text(w, y + 1, 4, 72, "4 Repairs, 5 Meetings.  ? shows every key.");
	if (s->app->who.role == ROLE_BOARD)
		draw_text(w, y + 2, 4, 72, "a opens the audit trail (who changed what, when); u user accounts.");
}

static int home_handle(struct screen *s, enum action a, int32_t key)
{
	(void)key;
	/* The board's own doors from Home; the screens themselves ask the data
	 * layer, which refuses anyone else in words. */
	if (a == ACT_AUDIT || a == ACT_USERS) {
		if (s->app->who.role != ROLE_BOARD) {
			app_message(s->app, STYLE_ERROR, "only the board may open %s",
				    a == ACT_AUDIT ? "the audit trail" : "user accounts");
			return 1;
		}
		app_push(s->app, a == ACT_AUDIT ? screen_audit_new(s->app) : screen_users_new(s->app));
		return 1;
	}
	if (a == ACT_REDRAW) {
		home_load(s);
		s->dirty = 1;
	}
	return 0;
}

static const char *home_hint(struct screen *s)
{
	return s->app->who.role == ROLE_BOARD ? "1-5 areas  a audit trail  u user accounts" : "1-5 areas";
}

static void home_destroy(struct screen *s)
{
	free(s->priv);
	free(s);
}

static const struct screen_ops home_ops = {
	.name = "Home",
	.scope = 'H',
	.draw = home_draw,
	.handle = home_handle,
	.hint = home_hint,
	.destroy = home_destroy,
};

struct screen *screen_home_new(struct app *app)
{
	struct screen *s = calloc(1, sizeof *s);
	struct home *h = calloc(1, sizeof *h);
	if (!s || !h) {
		free(s);
		free(h);
		return NULL;
	}
	s->ops = &home_ops;
	s->app = app;
	s->area = 0;
	s->priv = h;
	home_load(s);
	return s;
}

/* ---- the areas still to come ------------------------------------------- */

struct placeholder {
	char what[128];
};

static void placeholder_draw(struct screen *s, WINDOW *w)
{
	struct placeholder *p = s->priv;
	char text[256];
	snprintf(text, sizeof text, "The screens for %s are being built.", p->what);
	draw_text(w, 2, 4, 74, text);
	draw_text(w, 4, 4, 74, "Home (1) and Repairs (4) work now.");
}

static int placeholder_handle(struct screen *s, enum action a, int32_t key)
{
	(void)s; (void)a; (void)key;
	return 0;
}

static const struct screen_ops placeholder_ops = {
	.name = "Coming soon",
	.scope = 'G',
	.draw = placeholder_draw,
	.handle = placeholder_handle,
	.destroy = home_destroy,
};

struct screen *screen_placeholder_new(struct app *app, int area, const char *what)
{
	struct screen *s = calloc(1, sizeof *s);
	struct placeholder *p = calloc(1, sizeof *p);
	if (!s || !p) {
		free(s);
		free(p);
		return NULL;
	}
	snprintf(p->what, sizeof p->what, "%s", what);
	s->ops = &placeholder_ops;
	s->app = app;
	s->area = area;
	s->priv = p;
	return s;
}
