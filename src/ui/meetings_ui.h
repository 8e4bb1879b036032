/*
 * src/ui/meetings_ui.h: the Meetings area's documents and the board's
 * decisions and actions, for the area's screens to open.
 *
 *  - screen_notice_new: the notice of a meeting (report_notice) in the
 *    document viewer: what is sent to members before it.
 *  - screen_minutes_new: the minutes of a meeting (report_minutes):
 *    attendance, quorum, each motion with its votes, outcome and
 *    arithmetic, errata beside what they correct, decisions. A member or
 *    volunteer reads only what report_minutes lets them (the minutes of a
 *    general meeting once published).
 *  - screen_decisions_new: the board's decisions, numbered per year
 *    (2026/14), newest first; Enter opens one with its actions, `n`
 *    records a new one. Board only.
 *  - screen_actions_new: the board's open actions, soonest due first, the
 *    overdue marked. Board only.
 * Each returns NULL (after saying why on the status line) when the screen
 * cannot be made.
 */
#ifndef COOPDESK_UI_MEETINGS_UI_H
#define COOPDESK_UI_MEETINGS_UI_H

#include <stdint.h>

#include "ui.h"

struct app;
struct screen;

struct screen *screen_notice_new(struct app *app, int64_t meeting_id);
struct screen *screen_minutes_new(struct app *app, int64_t meeting_id);
struct screen *screen_decisions_new(struct app *app);
struct screen *screen_actions_new(struct app *app);

/* Home's lines for the board's yearly deadlines (home_deadlines.c): the
 * next AGM and the annual return, each from 60 days before it is due (in
 * the warning style once past), at most `max` into out; returns how many. */
struct home_line {
	char label[40];
	char value[200];
	int style;
};
int home_deadlines(struct app *app, struct home_line *out, int max);
/* The yearly ones alone (the AGM, the annual return); home_deadlines adds
 * the oldest open subject access request after them. */
int home_year_deadlines(struct app *app, struct home_line *out, int max);

/* One of Home's lines: its label, then its value in style vs (home_own.c). */
void home_line_draw(WINDOW *w, int y, const char *label, const char *value, enum ui_style vs);
/* A member's own account on Home, drawn from row *y; *y ends below it. */
struct summary;
void home_own_account(const struct summary *m, WINDOW *w, int *y);

/* Home's warnings, drawn from row *y (home_warnings.c): the co-op open for
 * viewing only (to everyone); damage seen as it opened and a failed daily
 * backup (to the board). *y ends below them. */
void home_warnings(struct app *app, WINDOW *w, int *y);

/* Home's keys to the board's decisions and open actions: the sentence
 * naming the keys in force into buf (1 when both are bound), the screen
 * each opens, and why they do nothing for anyone else. */
int home_board_keys(struct app *app, struct screen *s, char *buf, size_t n);
struct screen *home_board_open(struct app *app, enum action a);
const char *home_board_why_not(enum action a);

#endif
