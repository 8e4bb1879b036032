/*
 * coopdesk/csv.h: comma-separated values as RFC 4180 has them, for
 * spreadsheets and for other programs. Pure: this writes bytes through a
 * function the caller gives (into a buffer here, to a FILE * in the report
 * layer) and does no I/O of its own.
 *
 * The rules every file we write keeps:
 *  - A cell holding a comma, a double quote, a CR or an LF is put in double
 *    quotes, and each double quote in it is doubled: `say "hi"` is written
 *    `"say ""hi"""`. Other cells are written as they are.
 *  - Each row, the header row too, ends with CR LF.
 *  - The text is UTF-8. A file may begin with the UTF-8 byte-order mark
 *    (csv_bom), which is how a spreadsheet knows it is UTF-8 and shows
 *    "Łukasz" rather than mojibake ("Å" and a stray byte); the commands write it
 *    unless told --no-bom (for programs, which mostly do not want it).
 *  - Formula cells are made safe. A spreadsheet runs a cell beginning with
 *    = + - @ (or a tab or CR, which some of them skip before looking) as a
 *    formula: a name typed as "=HYPERLINK(...)" would become a live link
 *    in the treasurer's spreadsheet ("CSV injection"). A TEXT cell
 *    beginning with one of those characters is written with a single quote
 *    ' in front ("'=HYPERLINK(...)"), which spreadsheets show as text and
 *    do not run. So a program reading our CSV back should drop a leading '
 *    from a text cell whose next character is one of = + - @ tab CR.
 *    Numbers, amounts and dates that this module formats itself
 *    (csv_int, csv_amount, csv_date) are not text cells and never get the
 *    quote: a negative amount stays "-3.00".
 *  - Dates are ISO 8601 ("2026-11-22"); amounts are pounds with two
 *    decimals, no pound sign and no thousands separator ("1234.56",
 *    "-3.00").
 */
#ifndef COOPDESK_CSV_H
#define COOPDESK_CSV_H

#include <stddef.h>
#include <stdint.h>

#define CSV_BOM "\xEF\xBB\xBF"   /* the UTF-8 byte-order mark, U+FEFF */
#define CSV_EOL "\r\n"

/* 1 if a text cell s must be quoted (it holds a comma, a double quote, a
 * CR or an LF), else 0. NULL is "". */
int csv_needs_quotes(const char *s);

/* 1 if a spreadsheet would run text cell s as a formula (it begins with
 * = + - @, tab or CR), so that it is written with ' in front. NULL is "". */
int csv_is_formula(const char *s);

/* Writes s as one text cell (quoted as needed, made formula-safe, no comma
 * or line end) into out (n bytes), always NUL-terminated when n > 0.
 * Returns the length of the whole cell, without its NUL, as snprintf
 * does: when that is n or more, out was too small and holds "" (never half
 * a cell). NULL s is "". */
size_t csv_cell(const char *s, char *out, size_t n);

/* Where a writer's bytes go: called with each piece, in order. */
typedef void csv_put_fn(const char *bytes, size_t n, void *arg);

/* A writer of rows: put the cells of a row in order, then end the row.
 * Commas between cells and the CR LF at the end are the writer's. */
struct csv_writer {
	csv_put_fn *put;
	void *arg;
	int cells;             /* cells written in the current row */
};

void csv_writer_init(struct csv_writer *w, csv_put_fn *put, void *arg);

/* The byte-order mark: call it first, before any row, or not at all. */
void csv_bom(struct csv_writer *w);

/* A text cell: quoted as needed, formula-safe. NULL is an empty cell. */
void csv_text(struct csv_writer *w, const char *s);

/* A whole number of our own ("42", "-1"): never prefixed. */
void csv_int(struct csv_writer *w, int64_t v);

/* An amount in pence as pounds with two decimals ("1234.56", "-3.00"). */
void csv_amount(struct csv_writer *w, int64_t pence);

/* A date as ISO 8601: `date` is ISO or anything date_parse reads, written
 * as "2026-11-22"; "" (or NULL) is an empty cell. Something that is not a
 * date is written as a text cell, as it is (formula-safe), not dropped. */
void csv_date(struct csv_writer *w, const char *date);

/* Ends the row with CR LF. */
void csv_end_row(struct csv_writer *w);

/* Writing into a caller's buffer: a csv_put_fn for csv_writer_init with a
 * struct csv_buf as its arg. The buffer stays NUL-terminated; when a piece
 * does not fit, `overflow` is set and nothing more is added. */
struct csv_buf {
	char *buf;
	size_t size;           /* bytes at buf */
	size_t len;            /* bytes written, before the NUL */
	int overflow;
};
void csv_buf_init(struct csv_buf *b, char *buf, size_t size);
void csv_put_buf(const char *bytes, size_t n, void *arg);

#endif
