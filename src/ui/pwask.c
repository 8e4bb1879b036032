/*
 * src/ui/pwask.c: asking for a password (pwask.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "prompt.h"
#include "pwask.h"

/* One more character than a password may have, so that a long one is
 * refused in password_acceptable's words rather than cut short. */
#define PW_CHARS (PASSWORD_MAX_CHARS + 1)

enum pw_step { PW_OFF, PW_CURRENT, PW_NEW, PW_AGAIN };

struct pwask {
	enum pw_step step;
	int want_current;
	char username[USER_NAME_MAX * 4 + 1];
	char current[PW_CHARS * 4 + 1];
	char first[PW_CHARS * 4 + 1];
	char again[PW_CHARS * 4 + 1];
	char message[320];
};

static void wipe(void *buf, size_t n)
{
	volatile unsigned char *v = buf;
	while (n--)
		*v++ = 0;
}

static void wipe_typed(struct pwask *p)
{
	wipe(p->current, sizeof p->current);
	wipe(p->first, sizeof p->first);
	wipe(p->again, sizeof p->again);
}

struct pwask *pwask_new(void)
{
	return calloc(1, sizeof(struct pwask));
}

void pwask_free(struct pwask *p)
{
	if (!p)
		return;
	wipe(p, sizeof *p);
	free(p);
}

void pwask_start(struct pwask *p, const char *username, int want_current)
{
	wipe_typed(p);
	text_copy(p->username, sizeof p->username, username);
	p->want_current = want_current;
	p->step = want_current ? PW_CURRENT : PW_NEW;
	p->message[0] = '\0';
}

void pwask_stop(struct pwask *p)
{
	wipe_typed(p);
	p->step = PW_OFF;
	p->message[0] = '\0';
}

int pwask_active(const struct pwask *p)
{
	return p && p->step != PW_OFF;
}

const char *pwask_current(const struct pwask *p)
{
	return p->want_current ? p->current : NULL;
}

const char *pwask_password(const struct pwask *p)
{
	return p->first;
}

void pwask_retry(struct pwask *p, const char *why, int from_current)
{
	wipe_typed(p);
	p->step = from_current && p->want_current ? PW_CURRENT : PW_NEW;
	snprintf(p->message, sizeof p->message, "%s", why);
	if (p->message[0])
		p->message[0] = (char)toupper((unsigned char)p->message[0]);
}

/* Enter: on to the next step; PWASK_DONE when both new entries match and
 * the rules allow the password. */
static enum pwask_result enter(struct pwask *p)
{
	char why[200];
	switch (p->step) {
	case PW_CURRENT:
		p->step = PW_NEW;
		return PWASK_TYPING;
	case PW_NEW:
		if (!password_acceptable(p->first, why, sizeof why)) {
			wipe(p->first, sizeof p->first);
			snprintf(p->message, sizeof p->message, "Not taken: %s. Type another.", why);
			return PWASK_TYPING;
		}
		p->step = PW_AGAIN;
		return PWASK_TYPING;
	case PW_AGAIN:
		if (strcmp(p->first, p->again) != 0) {
			wipe(p->first, sizeof p->first);
			wipe(p->again, sizeof p->again);
			p->step = PW_NEW;
			snprintf(p->message, sizeof p->message,
				 "The two passwords were not the same: type the new one again.");
			return PWASK_TYPING;
		}
		wipe(p->again, sizeof p->again);
		return PWASK_DONE;
	default:
		return PWASK_CANCELLED;
	}
}

enum pwask_result pwask_key(struct pwask *p, struct app *app, int32_t key)
{
	char *buf = p->step == PW_CURRENT ? p->current : p->step == PW_NEW ? p->first : p->again;
	(void)app;
	if (key == CDK_ESC) {
		pwask_stop(p);
		return PWASK_CANCELLED;
	}
	if (key == CDK_ENTER) {
		p->message[0] = '\0';
		return enter(p);
	}
	if (key == CDK_BACKSPACE) {
		ui_text_chop(buf);
		return PWASK_TYPING;
	}
	if (key >= ' ' && key < KEY_CD_BASE && key != 0x7F && !(key >= 0x80 && key < 0xA0) &&
	    !(key >= 0xD800 && key < 0xE000)) {
		p->message[0] = '\0';
		ui_text_put(buf, sizeof p->first, key, PW_CHARS);
	}
	return PWASK_TYPING; /* other keys do nothing while typing */
}

void pwask_draw(const struct pwask *p, WINDOW *w, int rows, int cols)
{
	char line[USER_NAME_MAX * 4 + 128];
	draw_fill(w, rows - 2, 0, cols);
	draw_fill(w, rows - 1, 0, cols);
	if (p->message[0]) {
		style_on(w, STYLE_ERROR);
		draw_text(w, rows - 2, 1, cols - 2, p->message);
		style_off(w, STYLE_ERROR);
	}
	switch (p->step) {
	case PW_CURRENT:
		snprintf(line, sizeof line, "Your current password (not shown): ");
		break;
	case PW_NEW:
		snprintf(line, sizeof line, "New password for %s (not shown): ", p->username);
		break;
	case PW_AGAIN:
		snprintf(line, sizeof line, "The new password for %s again: ", p->username);
		break;
	default:
		return;
	}
	int lw = text_width(line);
	if (lw > cols - 2)
		lw = cols - 2;
	style_on(w, STYLE_TITLE);
	draw_text(w, rows - 1, 1, lw, line);
	style_off(w, STYLE_TITLE);
	wmove(w, rows - 1, 1 + lw < cols - 1 ? 1 + lw : cols - 1);
}

const char *pwask_hint(const struct pwask *p)
{
	(void)p;
	return "type the password (nothing is shown)  Enter next  Esc cancel";
}

enum pwask_result pwask_own_key(struct pwask *p, struct app *app, int32_t key, char *note,
				size_t n, int *note_style)
{
	enum pwask_result r = pwask_key(p, app, key);
	if (r == PWASK_CANCELLED) {
		*note_style = STYLE_STATUS;
		snprintf(note, n, "Your password was not changed");
		return r;
	}
	if (r != PWASK_DONE)
		return r;
	int rc = user_set_password(app->db, &app->who, app->who.user_id, pwask_current(p),
				   pwask_password(p));
	if (rc == DB_DENIED || rc == DB_INVALID) {
		/* A wrong current password, or a new one the rules refuse: ask again. */
		pwask_retry(p, db_errmsg(app->db), rc == DB_DENIED);
		return PWASK_TYPING;
	}
	pwask_stop(p);
	*note_style = rc == DB_OK ? STYLE_OK : STYLE_ERROR;
	snprintf(note, n, "%s", rc == DB_OK ? "Your password is changed: use the new one from now on"
					    : db_errmsg(app->db));
	return r;
}
