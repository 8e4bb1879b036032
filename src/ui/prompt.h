/*
 * src/ui/prompt.h: a question on one line: text typed after a label
 * (a search, a go-to reference, a filter), a password that shows nothing
 * of what is typed, or a y/n question answered by one key. The terminal's
 * cursor sits at the end of what is typed, so screen readers follow it.
 *
 * Pasted text is text: while the app is in a bracketed paste, a y/n
 * question takes no answer, and Enter and Esc never reach a prompt (the
 * app turns a pasted line break into a space and drops the rest).
 */
#ifndef COOPDESK_UI_PROMPT_H
#define COOPDESK_UI_PROMPT_H

#include <stddef.h>
#include <stdint.h>

#include "ui.h"

#define PROMPT_CHARS 200   /* characters that may be typed */

enum prompt_kind { PROMPT_TEXT, PROMPT_HIDDEN, PROMPT_YESNO };
enum prompt_result {
	PROMPT_TYPING,  /* still asking */
	PROMPT_DONE,    /* Enter (or y / n for a question: see answer) */
	PROMPT_CANCEL   /* Esc: what was typed is gone */
};

struct prompt {
	enum prompt_kind kind;
	int active;
	int answer;                       /* y/n: 1 for yes */
	char label[256];
	char text[PROMPT_CHARS * 4 + 1];
	char error[256];                  /* why the last Enter was not taken */
};

/* Starts asking: `text` (may be NULL) is what stands typed already. */
void prompt_start(struct prompt *p, enum prompt_kind kind, const char *label, const char *text);
/* Stops asking and wipes what was typed. */
void prompt_stop(struct prompt *p);
/* A key while asking. Tab and other keys not for text do nothing. */
enum prompt_result prompt_key(struct prompt *p, struct app *app, int32_t key);
/* Keeps the prompt open with a reason under it (the text stays typed). */
void prompt_error(struct prompt *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Draws the label and the text on line y of w, the error (if any) on the
 * line above, and leaves the cursor after the text. */
void prompt_draw(const struct prompt *p, WINDOW *w, int y, int width);
/* The prompt's keys for the status line. */
const char *prompt_hint(const struct prompt *p);

/* UTF-8 in a fixed buffer, a character at a time: appends code point cp
 * when the text has fewer than max_chars characters and it fits in size
 * bytes (returns 1 if it was added), and deletes the last character. */
int ui_text_put(char *buf, size_t size, int32_t cp, size_t max_chars);
void ui_text_chop(char *buf);
/* 1 if the key is a character one can type into text. */
int ui_typeable(int32_t key);

#endif
