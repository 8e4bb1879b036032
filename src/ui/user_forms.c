/*
 * src/ui/user_forms.c: what the two forms of the user accounts list share
 * (user_forms.h): the roles offered, and the rule that a member's account
 * names its member.
 */
#include <stdio.h>

#include "coopdesk/users.h"
#include "form.h"
#include "user_forms.h"

_Static_assert(sizeof(enum role) == sizeof(int), "a choice is bound to an int");

/* In the order of the choices. */
const char *const user_roles[] = { "board", "volunteer", "member", NULL };
const int user_role_values[] = { ROLE_BOARD, ROLE_VOLUNTEER, ROLE_MEMBER };

/* A member's account needs its member. 0, or -1 with the message beside
 * the field. */
int user_member_needed(struct form_view *f, int field, const struct user *u)
{
	if (u->role != ROLE_MEMBER || u->member_id > 0)
		return 0;
	form_set_error(f, field, "a member's account needs their member no. from the register");
	return -1;
}

/* ", member no. 42" or "". */
void user_member_words(struct form_view *f, int field, const struct user *u, char *buf,
		       size_t n)
{
	if (u->member_id > 0)
		snprintf(buf, n, ", member no. %s", form_text(f, field));
	else
		buf[0] = '\0';
}

