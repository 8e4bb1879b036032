/*
 * src/cli/import_int.h: between the import command (import.c: the file,
 * its header, the faults, the transaction) and the kinds of register it
 * fills (import_kinds.c: each kind's columns and how a row becomes a
 * record through the registers' own functions).
 */
#ifndef COOPDESK_IMPORT_INT_H
#define COOPDESK_IMPORT_INT_H

#include <stdint.h>
#include <stdio.h>

#include "coopdesk/cli.h"
#include "coopdesk/csv_read.h"
#include "coopdesk/db.h"

/* A column of a kind: its name in doc/import.md and the messages, the
 * other names a spreadsheet may give it ('|' between, compared as
 * csv_header_is does), and whether a file must have it. */
struct imp_col {
	const char *name;
	const char *aliases;
	int required;
};

#define IMP_MAX_COLS 16

struct imp;

struct imp_kind {
	const char *name;          /* "members": the command's word, the imports.kind */
	const char *noun;          /* "member", for counts */
	const char *nouns;         /* "members" */
	const struct imp_col *cols;
	int ncols;
	int key;                   /* the column a row's refusal is reported under */
	/* Checks one row and, when it is good, writes it with the registers'
	 * functions (in the import's transaction). Reports each problem with
	 * imp_fault; returns 1 when the row was written, else 0. */
	int (*row)(struct imp *im);
	/* Frees what row kept between rows (may be NULL). */
	void (*done)(struct imp *im);
};

extern const struct imp_kind imp_kinds[];
extern const int imp_nkinds;

struct imp {
	const struct cli_ctx *ctx;
	const char *file;
	const struct imp_kind *kind;
	struct db *db;
	struct actor who;
	int at[IMP_MAX_COLS];      /* the file's column for each kind column; -1 none */
	char *head[IMP_MAX_COLS];  /* the header's own words for each, for messages */
	const struct csv_record *rec;
	long line;
	int64_t faults, rows, added;
	void *state;               /* the kind's own, across rows */
	void *seen;                /* imp_seen's table */
};

/* The cell of kind column `col` in the current row, spaces around dropped
 * (in place); "" when the file has no such column or the row is short. */
const char *imp_cell(struct imp *im, int col);

/* 1 if the file has column `col`. */
int imp_has(const struct imp *im, int col);

/* Reports a problem of the current row in column `col` (-1: the row as a
 * whole, under the kind's key column): "FILE:LINE: Column: words". */
void imp_fault(struct imp *im, int col, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The refusal of the last data-layer call, as imp_fault. */
void imp_refused(struct imp *im, int col);

/* Cell helpers: each reports its own fault and returns -1, else 0.
 * imp_text copies the cell into out (n bytes), refusing more than `max`
 * characters and, when `required`, an empty cell. imp_date writes ISO
 * ("" when empty and not required). imp_int reads a whole number within
 * lo..hi (an empty cell is `dflt` unless required). imp_money reads pence. */
int imp_text(struct imp *im, int col, char *out, size_t n, size_t max, int required);
int imp_date(struct imp *im, int col, char out[11], int required);
int imp_int(struct imp *im, int col, int64_t lo, int64_t hi, int64_t dflt, int required,
	    int64_t *v);
int imp_money(struct imp *im, int col, int required, int *given, int64_t *pence);

/* Remembers the line of a key in the file (member numbers, home references)
 * and says whether an earlier line had it: that line, or 0. */
long imp_seen(struct imp *im, const char *key);

#endif
