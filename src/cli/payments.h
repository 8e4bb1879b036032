/*
 * src/cli/payments.h: private to `coopdesk import payments` (payments.c,
 * the command; payments_read.c, reading the bank's export).
 */
#ifndef COOPDESK_CLI_PAYMENTS_H
#define COOPDESK_CLI_PAYMENTS_H

#include <stdio.h>

#include "coopdesk/bank.h"
#include "coopdesk/bank_match.h"

/* One line of the statement as read, with what becomes of it. Its words
 * are kept once, at their length, in the statement's store, not in fixed
 * buffers: 72 bytes a line, and its words at their length (a million-line
 * statement took 1.1 GiB in buffers; the whole import now peaks at 258 MiB). */
struct pay_line {
	int line_no;               /* the file's line, for messages */
	char date[ISO_DATE_LEN];   /* ISO */
	int64_t amount_pence;      /* + paid in, - paid out */
	const char *text;          /* the reference, squeezed (the store's) */
	int occurrence;            /* among the statement's identical lines, from 1 */
	enum bank_outcome outcome; /* what bank_match said, or --assign */
	enum bank_by by;
	int cand;                  /* the candidate's index when matched, else -1 */
	const char *why;           /* in words (the store's, or a literal) */
	int64_t posted_entry;      /* posted by an earlier import: its ledger row, else 0 */
	int assigned;              /* the tenancy came from --assign */
};

/* Where the lines' words are kept: blocks that never move, so the
 * lines can point into them. */
struct pay_block;

/* A statement read whole: its lines, or its problems. */
struct pay_statement {
	struct pay_line *lines;
	int n, room;
	int problems;              /* how many were written to `err` */
	struct pay_block *store;   /* the newest block; each links the one before */
};

/* A copy of `text` in s's store, or NULL when out of memory. */
const char *pay_keep(struct pay_statement *s, const char *text);

/* Line l as bank_match takes it, its text copied into out's buffer. */
void pay_bank_line(const struct pay_line *l, struct bank_line *out);

/* Reads the bank's export at `path` with the columns of `p` (an empty
 * column name is looked for by its usual names: "Date", "Paid in",
 * "Description"...), into s. Every problem of the file is written to
 * `err` as "FILE:LINE: column: what is wrong", counted in s->problems.
 * `today` (ISO): a line paid in after it is a problem. Returns 0 when the
 * file could be read at all (problems or not), -1 after saying why it
 * could not (no such file, no header, a column missing). */
int pay_read(const char *path, struct bank_profile *p, const char *today, FILE *err,
	     struct pay_statement *s);

void pay_statement_free(struct pay_statement *s);

#endif
