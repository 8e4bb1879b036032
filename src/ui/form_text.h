/*
 * src/ui/form_text.h: the form widget's text (form.c; the record screen
 * and the help wrap with it too): text as
 * UTF-8, by character and by display column, word-wrapped, and checked
 * against a field's spec. No curses here; widths come from wcwidth in the
 * current (UTF-8) locale.
 */
#ifndef COOPDESK_UI_FORM_TEXT_H
#define COOPDESK_UI_FORM_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "form.h"

/* Room for a field's message, with its NUL. */
#define FORM_ERR_MAX 256

/* The code point at s (which is not at its NUL); *len gets its bytes. A
 * byte that does not start good UTF-8 is one character, U+FFFD. */
uint32_t ftext_decode(const char *s, size_t *len);
/* Writes cp as UTF-8 into out; returns its bytes (1 to 4). */
int ftext_encode(uint32_t cp, char out[4]);

/* The byte offset of the next / previous character from `at` in t; a
 * combining mark goes with the character before it. */
size_t ftext_next(const char *t, size_t at);
size_t ftext_prev(const char *t, size_t at);

/* Display columns of t[from, to): a wide character 2, a combining mark 0,
 * anything unprintable 1; a '\n' none. */
int ftext_width(const char *t, size_t from, size_t to);

/* What t[from, to) shows in at most `cols` columns, up to a '\n', into out
 * (n bytes, NUL-terminated): whole characters only, '?' for any that
 * cannot be printed. */
void ftext_visible(const char *t, size_t from, size_t to, int cols, char *out, size_t n);

/* A line of word-wrapped text. */
struct ftext_line {
	size_t start;  /* its first byte */
	size_t end;    /* the next line's first byte (its '\n' or space included) */
	int hard;      /* it ends in '\n' */
};

/* Word-wraps t into lines of `cols` columns: a new array of *n lines (the
 * caller frees it; NULL when out of memory). A line breaks after its last
 * space; a word wider than the line is cut. When the text ends on a full
 * line, an empty line follows, so that a cursor at the end has a place. */
struct ftext_line *ftext_wrap(const char *t, int cols, int *n);
/* The line the byte offset `cur` is on. */
int ftext_line_of(const struct ftext_line *l, int n, size_t cur);
/* The furthest a cursor goes in line i: on its '\n', on the last
 * character of a wrapped line (its end is the next line's start), or the
 * end of the text. */
size_t ftext_line_last(const char *t, const struct ftext_line *l, int n, int i);

/* Characters a field holds at most: its max_chars, or 200 for text, 2000
 * for multi-line text and 40 for the rest. */
int ftext_limit(const struct form_spec *sp);
/* The index of `word` among sp's choices, or -1. */
int ftext_choice_index(const struct form_spec *sp, const char *word);
/* A whole number with an optional sign, and nothing else: 0 and *v, or -1. */
int ftext_integer(const char *s, int64_t *v);
/* Time given, as hours: "2", "1.5" (to the nearest minute) or "1:30";
 * 0 and *minutes, or -1. And minutes written back the one way, "1:30". */
int ftext_hours(const char *s, int64_t *minutes);
const char *ftext_hours_format(int64_t minutes, char *buf, size_t n);
/* Checks a value (already trimmed) against its field: 0 when good, else
 * -1 with the reason, in words fit to show next to the field, in why. */
int ftext_check(const struct form_spec *sp, const char *v, char *why, size_t n);

#endif
