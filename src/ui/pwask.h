/*
 * src/ui/pwask.h: asking for a password on the bottom lines of a screen,
 * showing nothing of what is typed: the current one first when changing
 * one's own, then the new one twice. The new one is checked with
 * password_acceptable after the first entry. Every buffer is wiped as soon
 * as it has been used, and whenever the asking stops.
 */
#ifndef COOPDESK_UI_PWASK_H
#define COOPDESK_UI_PWASK_H

#include <stdint.h>

#include "coopdesk/password.h"
#include "ui.h"

enum pwask_result { PWASK_TYPING, PWASK_DONE, PWASK_CANCELLED };

struct pwask;

struct pwask *pwask_new(void);
void pwask_free(struct pwask *p);
/* Starts asking for `username`'s new password; want_current asks for the
 * one in use first. */
void pwask_start(struct pwask *p, const char *username, int want_current);
void pwask_stop(struct pwask *p);
int pwask_active(const struct pwask *p);
/* Takes every key while asking. Esc cancels (and wipes). */
enum pwask_result pwask_key(struct pwask *p, struct app *app, int32_t key);
/* What was typed, after PWASK_DONE: the current password (NULL when not
 * asked) and the new one. */
const char *pwask_current(const struct pwask *p);
const char *pwask_password(const struct pwask *p);
/* The data layer refused: say why and ask again, from the current
 * password or from the new one. */
void pwask_retry(struct pwask *p, const char *why, int from_current);
/* The bottom two lines of w: what was wrong, and the question; the cursor
 * is left after the question. */
void pwask_draw(const struct pwask *p, WINDOW *w, int rows, int cols);
const char *pwask_hint(const struct pwask *p);

/* The person logged in changing their own password: a key while asking
 * (started with pwask_start(p, username, 1)); when both new entries are
 * typed, the change is saved (user_set_password) and note says how it
 * went, in note_style; a wrong current password or a refused new one is
 * asked again with the reason. */
enum pwask_result pwask_own_key(struct pwask *p, struct app *app, int32_t key, char *note,
				size_t n, int *note_style);

#endif
