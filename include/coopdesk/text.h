/* text.h: UTF-8 strings for a terminal: validity, display width, clipping
 * to a column count, trimming and bounded copying.
 *
 * Widths come from mbrtowc() and wcwidth() in the current locale, so the
 * program must call setlocale(LC_ALL, "") first (tests: "C.UTF-8").  In a
 * UTF-8 locale "李小龍" is 6 columns and "Zoë" 3, composed or not
 * (combining marks take no column).  Bytes that are not valid in the
 * locale's encoding, and characters that cannot be printed (controls such
 * as tab or escape), count as one column each: text_fit shows each of them
 * as one U+FFFD replacement character, so nothing raw reaches the screen.
 * So do the bidirectional embeddings, overrides and isolates (U+202A to
 * U+202E, U+2066 to U+2069), which would otherwise reorder what the
 * terminal shows after them ("Trojan Source").
 *
 * Text is inert everywhere it is shown: text_fit for the screen,
 * text_inert for a command's output; and names refuse those characters
 * when they are saved (text_name_problem, text_lines_problem). */
#ifndef COOPDESK_TEXT_H
#define COOPDESK_TEXT_H

#include <stddef.h>

/* 1 if s is well-formed UTF-8 (no overlong forms, no surrogates, nothing
 * above U+10FFFF), else 0.  NULL counts as valid (empty). */
int text_valid_utf8(const char *s);

/* Display columns s takes in a terminal (see above for odd bytes).
 * NULL is 0. */
int text_width(const char *s);

/* Number of code points in s; each byte of a malformed sequence counts as
 * one.  NULL is 0. */
size_t text_chars(const char *s);

/* Copies s into out (outlen bytes), clipped to at most cols display
 * columns and then padded with spaces to exactly cols.  A multi-byte or
 * wide character is never split: one that would straddle the edge is left
 * out.  When s does not fit, the copy ends with "…" (one column) before
 * the padding.  Zero-width combining marks stay with their base character.
 * Returns the columns written, which is cols whenever outlen is large
 * enough (3 * strlen(s) + cols + 4 bytes always is); if outlen is too
 * small the result is cut short at a character boundary, still
 * NUL-terminated, and the return value is less than cols.  cols <= 0 gives
 * "" and 0; NULL s is "".  Nothing is written when out is NULL or outlen
 * is 0 (returns 0). */
int text_fit(const char *s, int cols, char *out, size_t outlen);

/* Copies s into out (n bytes) with every control character (C0, DEL, C1:
 * tab and new line too), every direction-changing mark (see above) and
 * every byte that is not well-formed UTF-8 replaced by U+FFFD, whatever
 * the locale, for printing database text on a command's output.  Nothing
 * is clipped: 3 * strlen(s) + 1 bytes always suffice; if n is too small
 * the copy is cut at a character boundary.  NULL s is "".  Nothing is
 * written when out is NULL or n is 0. */
void text_inert(const char *s, char *out, size_t n);

/* 1 for a code point that changes the direction of the text after it:
 * the embeddings, overrides and isolates U+202A..U+202E, U+2066..U+2069. */
int text_is_direction_mark(unsigned long cp);

/* Is byte C printable ASCII: one character, one column and inert in every
 * locale? The text functions' fast path (most of any register is). */
static inline int text_plain_ascii(char c)
{
	return (unsigned char)c >= 0x20 && (unsigned char)c < 0x7f;
}

/* Whether s may be saved as one line of text (a name, an address, a
 * title, a phone number): NULL when it may, else the rest of a sentence
 * whose subject is the field, as in "a member's name " + problem:
 * "cannot contain control characters (such as escape, tab or a new line)
 * or direction-changing marks", or "is not valid UTF-8 text".  Every C0
 * and C1 control, DEL and the direction-changing marks are refused.
 * Static text; NULL s is fine. */
const char *text_name_problem(const char *s);

/* The same for text of several lines (a description, notes): new lines
 * and tabs are allowed, every other control and the marks are not. */
const char *text_lines_problem(const char *s);

/* Strips leading and trailing ASCII white space from s in place.  NULL is
 * ignored. */
void text_trim(char *s);

/* Copies src into dst (n bytes), NUL-terminated, cutting if need be
 * before a UTF-8 sequence rather than inside it.  Returns 0 if all of src
 * fitted, -1 if it was truncated (or dst is NULL or n is 0).  NULL src
 * is "". */
int text_copy(char *dst, size_t n, const char *src);

/* Lower-cases UTF-8 text in place ("Ó SÚILLEABHÁIN" -> "ó súilleabháin"),
 * for sort keys. Needs a UTF-8 locale for letters past ASCII (otherwise
 * only ASCII letters change). A lower-case letter that would need more
 * bytes than its capital is left as it is, so the text never grows. */
void text_lower(char *s);

#endif
