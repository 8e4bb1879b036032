/*
 * src/core/bank_match_int.h: what bank_match.c shares with bank_index.c,
 * the matcher's index of a co-op's tenancies. Not for other modules.
 */
#ifndef COOPDESK_BANK_MATCH_INT_H
#define COOPDESK_BANK_MATCH_INT_H

#include "coopdesk/bank_match.h"

#define MAX_WORDS 512           /* a normalised text of 1024 bytes has at most 512 */

/* A text normalised into words (capitals and digits), each at
 * buf + start[i], len[i] bytes, separated by spaces. */
struct words {
	char buf[BANK_NAMES_MAX * 2];
	int start[MAX_WORDS];
	int len[MAX_WORDS];
	int n;
};

/* Splits s into normalised words. 0, or -1 when s is not valid UTF-8. */
int bank_words_of(const char *s, struct words *w);

/* Says in m a line that is paid out, empty or not valid UTF-8, and returns
 * 0; else returns 1 with the line's words in *text and m UNMATCHED, for
 * bank_match_among. */
int bank_line_words(const struct bank_line *l, struct words *text, struct bank_match *m);

/* Matches the line (its words `text`) against the n candidates c, every
 * one compared in full: bank_match_line's work after bank_line_words. */
void bank_match_among(const struct bank_line *l, const struct words *text,
		      const struct bank_candidate *c, int n, struct bank_match *m);

#endif
