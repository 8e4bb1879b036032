/*
 * src/ui/user_forms.h: the forms of the user accounts list
 * (screen_user_edit.c), for the board.
 */
#ifndef COOPDESK_UI_USER_FORMS_H
#define COOPDESK_UI_USER_FORMS_H

#include <stdint.h>

#include "coopdesk/users.h"
#include "form.h"
#include "ui.h"

/* The roles a form offers, in order, and their values. */
extern const char *const user_roles[];
extern const int user_role_values[];

#define ROLE_HELP \
	"Left/Right or Space to choose. board: everything, user accounts too;" \
	" volunteer: repairs, homes and who lives there; member: their own records."
#define MEMBER_HELP \
	"Their member no., or part of their name: Enter finds them. Required for the" \
	" member role: a member sees only their own records."

/* A member's account needs its member: 0, or -1 with the message beside
 * the field. */
int user_member_needed(struct form_view *f, int field, const struct user *u);
/* ", member no. 42" (from the field's text) or "". */
void user_member_words(struct form_view *f, int field, const struct user *u, char *buf, size_t n);

/* A new account: username, display name, role and member (a reference
 * field); after the form, the password, twice, never shown. */
struct screen *screen_user_new_new(struct app *app);

/* The role and member link of account `id`. */
struct screen *screen_user_role_new(struct app *app, int64_t id);

#endif
