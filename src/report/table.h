/*
 * src/report/table.h: private to src/report/. What every document shares:
 * its heading, and a table written row by row in any of the three formats
 * (coopdesk/report.h), so that a document says once what its columns are
 * and what goes in them.
 *
 * A table is streamed: column widths come from the page width, not from
 * the data, so a register of any size is written in the memory of one row.
 *
 *	struct table t;
 *	table_begin(&t, out, o, cols, n);     // the header row
 *	table_int(&t, no); table_text(&t, name); ... table_end_row(&t);
 *	rc = table_end(&t);
 */
#ifndef COOPDESK_REPORT_TABLE_H
#define COOPDESK_REPORT_TABLE_H

#include <stdint.h>
#include <stdio.h>

#include "coopdesk/csv.h"
#include "coopdesk/report.h"
#include "coopdesk/settings.h"

#define TABLE_MAX_COLS 20
#define TABLE_FLEX_MIN 12   /* the narrowest a flexible text column gets */
#define TABLE_GAP 2         /* spaces between text columns */

enum table_align { TABLE_LEFT, TABLE_RIGHT };

/* What a cell holds, for CSV: text (quoted and made formula-safe as need
 * be), or a number, amount or date of our own making (never prefixed). */
enum table_cell { TABLE_CELL_TEXT, TABLE_CELL_INT, TABLE_CELL_AMOUNT, TABLE_CELL_DATE };

struct table_col {
	const char *title;     /* the text and Markdown header */
	const char *csv;       /* the CSV header, lower_snake_case */
	int width;             /* text: columns it takes; 0: shares what is left */
	enum table_align align;
};

struct table {
	FILE *out;
	enum report_format format;
	const struct table_col *cols;
	int ncols;
	int width[TABLE_MAX_COLS];      /* text: each column's width */
	char *cell[TABLE_MAX_COLS];     /* the row being made: its cells' text */
	size_t len[TABLE_MAX_COLS], cap[TABLE_MAX_COLS];
	enum table_cell kind[TABLE_MAX_COLS];
	int64_t num[TABLE_MAX_COLS];    /* a number's or an amount's value */
	int at;                         /* cells begun in this row */
	struct csv_writer csv;
	int no_memory;
};

/* Starts a table: works out the text widths from o->width and writes the
 * header row (in CSV, after the byte-order mark unless o->no_bom). */
void table_begin(struct table *t, FILE *out, const struct report_opts *o,
		 const struct table_col *cols, int ncols);

/* The next cell. table_text takes text from the database (made inert);
 * table_word our own words ("issue", "yes"); table_int a number;
 * table_signed a change (+1, -1; a plain number in CSV); table_amount
 * pence (£1,234.56, or 1234.56 in CSV); table_date an ISO date
 * (dd/mm/yyyy, or ISO in CSV; "" empty). */
void table_text(struct table *t, const char *s);
void table_word(struct table *t, const char *s);
void table_int(struct table *t, int64_t v);
void table_signed(struct table *t, int64_t v);
void table_amount(struct table *t, int64_t pence);
void table_date(struct table *t, const char *iso);

/* Adds a line to the text cell just begun: in text it goes under the one
 * before (and wraps by itself), in Markdown after a <br>, in CSV after a
 * new line in the same cell. `from_db`: text from the database (made
 * inert); else our own words. */
void table_line(struct table *t, const char *s, int from_db);

/* Whether `s` (text from the database) would fit on one line of the cell
 * just begun: in text, within its column's width; always in the other
 * formats, which do not wrap. For keeping "OL11 1AA" whole by giving it a
 * line of its own when the address and it together would wrap. */
int table_fits(const struct table *t, const char *s);

/* Ends the row: in text, writes its cells side by side, each wrapped to
 * its column. A row missing cells has them empty. */
void table_end_row(struct table *t);

/* Frees what the table held. Returns 0, or -1 when memory ran out
 * somewhere (then a cell may have been cut short). */
int table_end(struct table *t);

/* The heading of a document, for text and Markdown (CSV has none): the
 * co-op's name (from the database, made inert), the document's title, and
 * each of `lines` (our own words, and numbers) as a paragraph. */
void report_heading(FILE *out, const struct report_opts *o, const char *coop,
		    const char *title, const char *const *lines, int nlines);

/* A paragraph after a table, for text and Markdown (nothing in CSV). */
void report_note(FILE *out, const struct report_opts *o, const char *line);

/* A section's title in a document of paragraphs (the minutes): text
 * underlined, Markdown a level-3 heading, then a blank line; nothing in
 * CSV. */
void report_section(FILE *out, const struct report_opts *o, const char *title);

/* A paragraph: wrapped to the page in text, escaped in Markdown; each of
 * its lines (at new lines) kept as a line, then a blank line. `from_db`:
 * text from the database (made inert); else our own words. Nothing in
 * CSV. */
void report_para(FILE *out, const struct report_opts *o, const char *s, int from_db);

/* The co-op's name (the setting coop_name) into buf, REPORT_COOP_MAX
 * bytes being enough. */
#define REPORT_COOP_MAX (SETTING_VALUE_MAX * 4 + 1)
void report_coop_name(struct db *db, char *buf, size_t n);

/* "Produced 22/11/2026 14:05" (now, local time) into buf. */
void report_produced(char *buf, size_t n);

/* Checks the options: DB_OK, or DB_INVALID in words on the handle. */
int report_check_opts(struct db *db, const struct report_opts *o);

/* After the document: flushes `out`; DB_OK, or DB_IO in words when it
 * could not be written (or memory ran out: `table_failed`). */
int report_finish(struct db *db, FILE *out, int table_failed);

#endif
