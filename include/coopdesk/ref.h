/* ref.h: readable references that people say and type, such as repair
 * R-000123: a letter, a hyphen and at least six digits. */
#ifndef COOPDESK_REF_H
#define COOPDESK_REF_H

#include <stddef.h>
#include <stdint.h>

/* Enough for any positive int64_t with its letter and hyphen. */
#define REF_BUFSZ 24

enum ref_err {
	REF_OK = 0,
	REF_EMPTY,  /* nothing but spaces */
	REF_SYNTAX, /* not a reference at all */
	REF_PREFIX, /* a reference, but with another letter */
	REF_RANGE   /* zero, or too large */
};

/* Writes the reference for n, e.g. 'R', 123 -> "R-000123" (six digits at
 * least, more when n needs them), into buf (len bytes; REF_BUFSZ is
 * enough).  A lower-case prefix is written in upper case.  Returns buf.
 * If prefix is not a letter, n is not positive or len is too small, buf
 * gets "" rather than something misleading; NULL buf or len 0: nothing. */
char *ref_format(char prefix, int64_t n, char *buf, size_t len);

/* Parses a reference with the given letter, ignoring surrounding spaces
 * and the letter's case: "R-000123", "r123", "R123" and "123" all give 123.
 * Stores the number in *n and returns REF_OK, or returns a ref_err and
 * leaves *n alone: REF_PREFIX for another letter ("X-000123"), REF_RANGE
 * for 0 or a number above INT64_MAX, REF_SYNTAX for anything else
 * (negative numbers, a NULL n, a prefix that is not a letter).  NULL s
 * counts as empty. */
int ref_parse(const char *s, char prefix, int64_t *n);

/* What people type in the go-to prompt (^G) and a member field, read
 * without the database. A member's number: "42", "no. 42", "#42",
 * "member 42", "member no. 42", "Member Number 42" (any case, spaces
 * around): 1 with it in *no (positive), else 0 and *no alone.
 * A repair's reference as typed: "R-000123", "r123", " R-42" (spaces
 * before; what ref_parse reads, with the R): 1 with it in *id, else 0 and
 * *id alone ("123" alone is not a repair: it is a member's number). */
int ref_member_number(const char *typed, int64_t *no);
int ref_repair_typed(const char *typed, int64_t *id);

/* A plain-English message for a ref_err; static, never NULL. */
const char *ref_strerror(int err);

#endif
