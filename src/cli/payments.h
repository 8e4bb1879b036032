/*
 * src/cli/payments.h: private to `coopdesk import payments` (payments.c,
 * the command; payments_read.c, reading the bank's export).
 */
#ifndef COOPDESK_CLI_PAYMENTS_H
#define COOPDESK_CLI_PAYMENTS_H

#include <stdio.h>

#include "coopdesk/bank.h"
#include "coopdesk/bank_match.h"

/* One line of the statement as read, with what becomes of it. */
struct pay_line {
	struct bank_line l;        /* line_no, ISO date, pence (+ in), squeezed text */
	int occurrence;            /* among the statement's identical lines, from 1 */
	struct bank_match m;
	int64_t posted_entry;      /* posted by an earlier import: its ledger row, else 0 */
	int assigned;              /* the tenancy came from --assign */
};

/* A statement read whole: its lines, or its problems. */
struct pay_statement {
	struct pay_line *lines;
	int n, room;
	int problems;              /* how many were written to `err` */
};

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
