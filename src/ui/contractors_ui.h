/*
 * src/ui/contractors_ui.h: private to the contractors' screens: the list
 * (screen_contractors.c), the record (screen_contractor.c) and the forms
 * (screen_contractor_forms.c).
 */
#ifndef COOPDESK_UI_CONTRACTORS_UI_H
#define COOPDESK_UI_CONTRACTORS_UI_H

#include "coopdesk/contractors.h"
#include "list_screen.h"

struct screen *screen_contractor_new(struct app *app, int64_t id);
struct screen *screen_contractor_add_new(struct app *app);
struct screen *screen_contractor_edit_new(struct app *app, const struct contractor *c);
/* Sets contractor `id` out of use, or in use again, as read now: a db
 * status, its words in db_errmsg. */
int contractor_toggle(struct app *app, int64_t id);

#endif
