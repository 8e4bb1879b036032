/*
 * src/ui/prompt.c: one-line questions (prompt.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <wctype.h>

#include "coopdesk/text.h"
#include "prompt.h"

static void wipe(void *buf, size_t n)
{
	volatile unsigned char *v = buf;
	while (n--)
		*v++ = 0;
}

int ui_typeable(int32_t key)
{
	return key >= ' ' && key < KEY_CD_BASE && key != 0x7F && !(key >= 0x80 && key < 0xA0) &&
	       !(key >= 0xD800 && key < 0xE000) && iswprint((wint_t)key);
}

int ui_text_put(char *buf, size_t size, int32_t cp, size_t max_chars)
{
	char u[4];
	size_t k;
	if (cp < 0x80) {
		u[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		k = 4;
	}
	size_t len = strlen(buf);
	int added = text_chars(buf) < max_chars && len + k < size;
	if (added) {
		memcpy(buf + len, u, k);
		buf[len + k] = '\0';
	}
	wipe(u, sizeof u);
	return added;
}

void ui_text_chop(char *buf)
{
	size_t n = strlen(buf);
	while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
		buf[--n] = '\0';
	if (n > 0)
		buf[--n] = '\0';
}

void prompt_start(struct prompt *p, enum prompt_kind kind, const char *label, const char *text)
{
	prompt_stop(p);
	p->kind = kind;
	p->active = 1;
	text_copy(p->label, sizeof p->label, label);
	if (text && kind == PROMPT_TEXT)
		text_copy(p->text, sizeof p->text, text);
}

void prompt_stop(struct prompt *p)
{
	wipe(p->text, sizeof p->text);
	p->error[0] = '\0';
	p->active = 0;
	p->answer = 0;
}

void prompt_error(struct prompt *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->error, sizeof p->error, fmt, ap);
	va_end(ap);
}

enum prompt_result prompt_key(struct prompt *p, struct app *app, int32_t key)
{
	if (p->kind == PROMPT_YESNO) {
		if (app->pasting)
			return PROMPT_TYPING; /* pasted text answers no question */
		if (key == 'y' || key == 'Y' || key == 'n' || key == 'N') {
			p->answer = key == 'y' || key == 'Y';
			p->active = 0;
			return PROMPT_DONE;
		}
		if (key == CDK_ESC) {
			p->answer = 0;
			p->active = 0;
			return PROMPT_CANCEL;
		}
		return PROMPT_TYPING; /* the question stands */
	}
	if (key == CDK_ESC) {
		prompt_stop(p);
		return PROMPT_CANCEL;
	}
	if (key == CDK_ENTER) {
		p->error[0] = '\0';
		return PROMPT_DONE;
	}
	if (key == CDK_BACKSPACE) {
		ui_text_chop(p->text);
		p->error[0] = '\0';
		return PROMPT_TYPING;
	}
	if (ui_typeable(key) || (p->kind == PROMPT_HIDDEN && key >= ' ' && key < KEY_CD_BASE &&
				 key != 0x7F && !(key >= 0x80 && key < 0xA0))) {
		ui_text_put(p->text, sizeof p->text, key, PROMPT_CHARS);
		p->error[0] = '\0';
	}
	return PROMPT_TYPING;
}

void prompt_draw(const struct prompt *p, WINDOW *w, int y, int width)
{
	if (!p->active || width < 4)
		return;
	if (p->error[0] && y > 0) {
		draw_fill(w, y - 1, 0, width);
		style_on(w, STYLE_ERROR);
		draw_text(w, y - 1, 1, width - 2, p->error);
		style_off(w, STYLE_ERROR);
	}
	draw_fill(w, y, 0, width);
	style_on(w, STYLE_TITLE);
	int lw = text_width(p->label);
	if (lw > width - 12)
		lw = width - 12 > 0 ? width - 12 : 0;
	draw_text(w, y, 1, lw, p->label);
	style_off(w, STYLE_TITLE);
	int x = 1 + lw;
	if (p->kind == PROMPT_TEXT) {
		/* The end of a long text, so what is being typed shows. */
		const char *t = p->text;
		int room = width - x - 2;
		while (*t && text_width(t) > room) {
			t++;
			while ((*t & 0xC0) == 0x80)
				t++;
		}
		draw_text(w, y, x, text_width(t), t);
		x += text_width(t);
	}
	wmove(w, y, x < width - 1 ? x : width - 1);
}

const char *prompt_hint(const struct prompt *p)
{
	switch (p->kind) {
	case PROMPT_YESNO:
		return "y yes  n no";
	case PROMPT_HIDDEN:
		return "type (nothing is shown)  Enter next  Esc cancel";
	default:
		return "type  Enter apply  Esc cancel";
	}
}
