/*
 * src/ui/home_deadlines.c: the board's yearly deadlines for Home, counted
 * from the financial year end (the settings financial_year_end, agm_months,
 * annual_return_months; coopdesk/deadlines.h): the next AGM, unless one
 * was held since the last year end, and the annual return (the Act s.89),
 * each shown from 60 days before it is due, in the warning style once
 * past. The co-op records no filing of the return, so a return past due
 * is shown until the next year end. Then the oldest subject access
 * request not yet answered (UK GDPR: a calendar month), from the day it
 * is logged until it is answered, with how many more are open. And
 * Home's keys to the board's decisions and open actions.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/complaints.h"
#include "coopdesk/deadlines.h"
#include "coopdesk/meeting_docs.h"
#include "coopdesk/settings.h"
#include "meetings_ui.h"
#include "settings_ui.h"

#define WARN_DAYS 60

static void one(struct home_line *l, const char *label, const struct deadline *d)
{
	snprintf(l->label, sizeof l->label, "%s", label);
	deadline_words(d, l->value, sizeof l->value);
	l->style = d->overdue ? STYLE_OVERDUE : STYLE_NORMAL;
}

/* The oldest open subject access request into *l: 1, or 0 for none. */
static int subject_access_line(struct app *app, struct home_line *l)
{
	enum { PAGE = 8 };
	struct subject_access rows[PAGE];
	struct member m;
	struct deadline d;
	struct date today = date_today();
	int n = 0;
	if (sar_page(app->db, &app->who, COMPLAINTS_OLDEST_FIRST, 1, PAGE_FIRST, NULL, rows, PAGE,
		     &n) != DB_OK || n == 0 || date_parse(rows[0].due_on, &d.due) != DATE_OK)
		return 0;
	d.days_left = date_to_days(d.due) - date_to_days(today);
	d.overdue = d.days_left < 0;
	d.shown = 1;
	if (member_get(app->db, &app->who, rows[0].member_id, &m) == DB_OK)
		snprintf(l->label, sizeof l->label, "Subject access, no. %lld", (long long)m.member_no);
	else
		snprintf(l->label, sizeof l->label, "Subject access request");
	char words[160];
	deadline_words(&d, words, sizeof words);
	if (n > 1)
		snprintf(l->value, sizeof l->value, "%s (%s%d more open)", words,
			 n == PAGE ? "at least " : "", n - 1);
	else
		snprintf(l->value, sizeof l->value, "%s", words);
	l->style = d.overdue ? STYLE_OVERDUE : STYLE_NORMAL;
	return 1;
}

int home_deadlines(struct app *app, struct home_line *out, int max)
{
	int n = max > 0 ? home_year_deadlines(app, out, max - 1) : 0;
	if (n < max)
		n += subject_access_line(app, &out[n]);
	return n;
}

int home_year_deadlines(struct app *app, struct home_line *out, int max)
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
	char d[KEY_NAME_MAX], o[KEY_NAME_MAX], st[KEY_NAME_MAX];
	if (!ui_key(app, s, ACT_DECISIONS, d, sizeof d)[0] ||
	    !ui_key(app, s, ACT_ACTIONS, o, sizeof o)[0])
		return 0;
	if (ui_key(app, s, ACT_SETTINGS, st, sizeof st)[0])
		snprintf(buf, n, "%s: decisions; %s: open actions; %s: settings (the rules).", d, o,
			 st);
	else
		snprintf(buf, n, "%s: the board's decisions; %s: their open actions.", d, o);
	return 1;
}

struct screen *home_board_open(struct app *app, enum action a)
{
	return a == ACT_DECISIONS ? screen_decisions_new(app)
	     : a == ACT_SETTINGS ? screen_settings_new(app) : screen_actions_new(app);
}

const char *home_board_why_not(enum action a)
{
	return a == ACT_DECISIONS || a == ACT_ACTIONS ? "Decisions and their actions are the board's"
	     : a == ACT_SETTINGS ? "Only the board may open the co-op's settings" : NULL;
}
