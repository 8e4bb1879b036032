/*
 * src/ui/decision_forms.h: private to the board's decisions screens
 * (screen_decisions.c, screen_decision.c, screen_decision_forms.c).
 */
#ifndef COOPDESK_UI_DECISION_FORMS_H
#define COOPDESK_UI_DECISION_FORMS_H

#include <stdint.h>

#include "coopdesk/decisions.h"
#include "meetings_ui.h"

/* One decision with its actions (screen_decision.c). */
struct screen *screen_decision_new(struct app *app, int64_t id);

/* 1 when an open action's due day has passed (today: date_today). */
int action_overdue(const struct action_row *a);

/* The forms (screen_decision_forms.c): record a decision, then open it;
 * edit one's title, meeting and text; add an action; record that an
 * action was done (NULL, after saying why, when it is done already). */
struct screen *screen_decision_add_new(struct app *app);
struct screen *screen_decision_edit_new(struct app *app, const struct decision *d);
struct screen *screen_action_add_new(struct app *app, const struct decision *d);
struct screen *screen_action_done_new(struct app *app, int64_t action_id);

#endif
