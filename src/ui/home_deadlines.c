/*
 * src/ui/home_deadlines.c: the board's yearly deadlines for Home, counted
 * from the financial year end (the settings financial_year_end, agm_months,
 * annual_return_months; coopdesk/deadlines.h): the next AGM, unless one
 * was held since the last year end, and the annual return (the Act s.89),
 * each shown from 60 days before it is due, in the warning style once
 * past. The co-op records no filing of the return, so a return past due
 * is shown until the next year end. And Home's keys to the board's
 * decisions and open actions.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/deadlines.h"
#include "coopdesk/meeting_docs.h"
#include "coopdesk/settings.h"
#include "meetings_ui.h"

#define WARN_DAYS 60

static void one(struct home_line *l, const char *label, const struct deadline *d)
{
	snprintf(l->label, sizeof l->label, "%s", label);
	deadline_words(d, l->value, sizeof l->value);
	l->style = d->overdue ? STYLE_OVERDUE : STYLE_NORMAL;
}

int home_deadlines(struct app *app, struct home_line *out, int max)
{
	char fy[SETTING_VALUE_MAX * 4 + 1], iso[ISO_DATE_LEN], held[ISO_DATE_LEN];
	int64_t agm_months = 6, return_months = 7;
	struct date end, today = date_today();
	struct deadline d;
	int n = 0;
	if (setting_text(app->db, "financial_year_end", fy, sizeof fy) != DB_OK ||
	    date_parse(fy, &end) != DATE_OK)
		return 0;
	setting_int(app->db, "agm_months", &agm_months);
	setting_int(app->db, "annual_return_months", &return_months);
	struct date e = deadline_year_end(end, today);
	if (!date_valid(e))
		return 0;
	/* An AGM held since the last year end answers for it: the next is a
	 * year on. */
	date_format_iso(e, iso, sizeof iso);
	struct date agm_from = e;
	if (meeting_agm_held_after(app->db, &app->who, iso, held) == DB_OK && held[0])
		agm_from = rule_add_months(e, 12);
	if (n < max && deadline_after(agm_from, (int)agm_months, today, WARN_DAYS, &d) == 0 &&
	    d.shown)
		one(&out[n++], "Next AGM", &d);
	if (n < max && deadline_after(e, (int)return_months, today, WARN_DAYS, &d) == 0 && d.shown)
		one(&out[n++], "Annual return (s.89)", &d);
	return n;
}

int home_board_keys(struct app *app, struct screen *s, char *buf, size_t n)
{
	char d[KEY_NAME_MAX], o[KEY_NAME_MAX];
	if (!ui_key(app, s, ACT_DECISIONS, d, sizeof d)[0] ||
	    !ui_key(app, s, ACT_ACTIONS, o, sizeof o)[0])
		return 0;
	snprintf(buf, n, "%s: the board's decisions; %s: their open actions.", d, o);
	return 1;
}

struct screen *home_board_open(struct app *app, enum action a)
{
	return a == ACT_DECISIONS ? screen_decisions_new(app) : screen_actions_new(app);
}

const char *home_board_why_not(enum action a)
{
	return a == ACT_DECISIONS || a == ACT_ACTIONS ? "Decisions and their actions are the board's"
						       : NULL;
}
