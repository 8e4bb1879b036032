/*
 * src/ui/rent_forms.h: the forms of a rent account (screen_rent_forms.c),
 * the board's: a payment, adjustment or refund; a reversal of a row; and
 * posting the rent charges due (the rent run), which the arrears list
 * opens too.
 */
#ifndef COOPDESK_UI_RENT_FORMS_H
#define COOPDESK_UI_RENT_FORMS_H

#include <stdint.h>

#include "ui.h"

struct tenancy;
struct rent_entry;

struct screen *screen_rent_entry_new(struct app *app, int64_t tenancy_id, const struct tenancy *t);
struct screen *screen_rent_reverse_new(struct app *app, const struct rent_entry *e);
struct screen *screen_rent_post_new(struct app *app);

#endif
