/*
 * src/ui/user_forms.h: the forms of the user accounts list
 * (screen_user_edit.c), for the board.
 */
#ifndef COOPDESK_UI_USER_FORMS_H
#define COOPDESK_UI_USER_FORMS_H

#include <stdint.h>

#include "ui.h"

/* A new account: username, display name, role and member (a reference
 * field); after the form, the password, twice, never shown. */
struct screen *screen_user_new_new(struct app *app);

/* The role and member link of account `id`. */
struct screen *screen_user_role_new(struct app *app, int64_t id);

#endif
