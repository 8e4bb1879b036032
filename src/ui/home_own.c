/*
 * src/ui/home_own.c: Home's label-and-value lines, and a member's own
 * account on Home (their membership, share, home, rent account and
 * repairs), drawn for screen_home.c.
 */
#include <stdio.h>

#include "coopdesk/money.h"
#include "coopdesk/summary.h"
#include "meetings_ui.h"

#define LABEL_COLS 30

void home_line_draw(WINDOW *w, int y, const char *label, const char *value, enum ui_style vs)
{
	int cols = getmaxx(w);
	draw_text(w, y, 4, LABEL_COLS - 2, label);
	style_on(w, vs);
	draw_text(w, y, 4 + LABEL_COLS, cols - LABEL_COLS - 6, value);
	style_off(w, vs);
}

void home_own_account(const struct summary *m, WINDOW *w, int *y)
{
	char v[512], money[MONEY_BUFSZ];
	snprintf(v, sizeof v, "no. %lld", (long long)m->own_member_no);
	home_line_draw(w, (*y)++, "Your membership", v, STYLE_NORMAL);
	money_format(m->own_paid_pence, money, sizeof money);
	snprintf(v, sizeof v, "%lld (%s paid)", (long long)m->own_shares, money);
	home_line_draw(w, (*y)++, "Your share", v, STYLE_NORMAL);
	home_line_draw(w, (*y)++, "Your home", m->own_home_ref[0] ? m->own_home_ref : "no current tenancy",
	     STYLE_NORMAL);
	if (m->has_own_rent) {
		money_format(m->own_balance_pence < 0 ? -m->own_balance_pence : m->own_balance_pence,
			     money, sizeof money);
		snprintf(v, sizeof v, "%s %s", money,
			 m->own_balance_pence > 0 ? "owed" : m->own_balance_pence < 0
			 ? "in credit" : "(nothing owed)");
		home_line_draw(w, (*y)++, "Your rent account", v,
		     m->own_balance_pence > 0 ? STYLE_OVERDUE : STYLE_NORMAL);
	}
	snprintf(v, sizeof v, "%lld open", (long long)m->own_repairs_open);
	home_line_draw(w, (*y)++, "Your repairs", v, STYLE_NORMAL);
	(*y)++;
}
