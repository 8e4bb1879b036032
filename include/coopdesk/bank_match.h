/*
 * coopdesk/bank_match.h: which tenancy a line of a bank statement pays
 * (issue 12, `coopdesk import payments`). Pure: no I/O, no SQL.
 *
 * A line is matched by the home's reference as the rent account shows it
 * ("12A", "H-012") found in the line's reference or description, or by a
 * signatory's name ("A SMITH", "SMITH ANN", "ANN SMITH"). The text is
 * compared normalised: letters folded to capitals (common accented Latin
 * letters to their plain ones, as banks print them), apostrophes dropped
 * ("O'Brien" is OBRIEN), every other sign a space, leading zeros of a
 * number dropped ("H-012" and "H12" are the same reference), and a
 * reference may be written in pieces ("12 A" is 12A).
 *
 * Only credits are matched; a debit or a line of nothing is left alone.
 * A tenancy can be paid only on or after the day it starts; of a home's
 * tenancies, the one in force on the line's day is preferred, else the
 * latest one ended before it (a former tenant paying arrears).
 *
 * The outcome is MATCHED only when exactly one tenancy fits; when two or
 * more fit equally well it is AMBIGUOUS (never posted), and the reason
 * says which, in words.
 */
#ifndef COOPDESK_BANK_MATCH_H
#define COOPDESK_BANK_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/date.h"

#ifndef ISO_DATE_LEN
#define ISO_DATE_LEN 11          /* as coopdesk/members.h */
#endif

#define BANK_TEXT_MAX 512        /* bytes of a line's reference text, with its NUL */
#define BANK_REF_MAX 84          /* bytes of a home's reference, with its NUL */
#define BANK_NAMES_MAX 2432      /* bytes of a tenancy's names (6 of 100 characters), with its NUL */
#define BANK_WHY_MAX 400         /* bytes of a reason, with its NUL */

/* One line of a statement, parsed. */
struct bank_line {
	int line_no;                      /* the file's line, for messages */
	char date[ISO_DATE_LEN];          /* ISO */
	int64_t amount_pence;             /* + paid in (credit), - paid out (debit) */
	char text[BANK_TEXT_MAX];         /* the reference and description, as given */
};

/* A tenancy a line may pay. */
struct bank_candidate {
	int64_t tenancy_id;
	char ref[BANK_REF_MAX];           /* the home's reference */
	char names[BANK_NAMES_MAX];       /* signatories' names joined with ", " */
	char start_date[ISO_DATE_LEN];
	char end_date[ISO_DATE_LEN];      /* "" while current */
};

enum bank_outcome {
	BANK_MATCHED,       /* one tenancy: cand is its index */
	BANK_UNMATCHED,     /* no tenancy fits */
	BANK_AMBIGUOUS,     /* two or more fit equally: not posted */
	BANK_DEBIT,         /* paid out, or nothing: ignored */
};

enum bank_by { BANK_BY_NONE, BANK_BY_REF, BANK_BY_NAME, BANK_BY_REF_AND_NAME };

struct bank_match {
	enum bank_outcome outcome;
	enum bank_by by;
	int cand;                         /* the candidate's index when matched, else -1 */
	char why[BANK_WHY_MAX];           /* in words: how it matched, or why not */
};

/* Matches line `l` against the `n` candidates `c` (any order) into *m.
 * Never fails; a line whose text is empty, or not valid UTF-8, is
 * UNMATCHED. */
void bank_match_line(const struct bank_line *l, const struct bank_candidate *c, int n,
		     struct bank_match *m);

/* The same over a whole statement: bank_match_line compares a line with
 * every tenancy, which on a co-op of 20,000 homes and a statement of a
 * million lines is 20 billion comparisons. An index, made once, finds the
 * few tenancies a line can be about (its words that are a home's
 * reference, or run together make one, and those that are a signatory's
 * surname); only those are compared in full, in the order of c, so the
 * outcome, the tenancy and the reason are bank_match_line's own.
 * bank_index_new returns NULL when out of memory; c must outlive it. */
struct bank_index;
struct bank_index *bank_index_new(const struct bank_candidate *c, int n);
void bank_index_free(struct bank_index *ix);
void bank_match_indexed(struct bank_index *ix, const struct bank_line *l, struct bank_match *m);

/* The reference normalised as the matcher compares it ("h-012" -> "H12"),
 * into out (n bytes; cut short at a character's end). Returns out. Used to
 * find a candidate by an --assign given on the command line. */
char *bank_ref_key(const char *ref, char *out, size_t n);

/* The outcome's word: "matched", "unmatched", "ambiguous", "debit". */
const char *bank_outcome_name(enum bank_outcome o);

#endif
