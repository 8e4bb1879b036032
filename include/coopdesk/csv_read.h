/*
 * coopdesk/csv_read.h: reading comma-separated values (RFC 4180) as a
 * spreadsheet writes them, one record at a time, for the import commands
 * (members, homes, ... and bank statements). Pure: no database, no
 * terminal; the only I/O is fread on a FILE * the caller opened.
 *
 * What the reader accepts:
 *  - Fields separated by commas; a record ends with CR LF, LF, or a lone CR
 *    (old spreadsheets); the last record may lack a line end.
 *  - A field in double quotes may hold commas, line ends and doubled
 *    double quotes ("say ""hi""" is `say "hi"`). A CR LF inside a quoted
 *    field is kept as one LF, so a two-line address reads the same from
 *    any spreadsheet. A double quote inside an UNquoted field is kept as it
 *    is (`12" pipe`).
 *  - A UTF-8 byte-order mark at the very start is skipped.
 *  - Blank lines are records with one empty field (csv_record_blank says
 *    so); the reader does not drop them, the caller decides.
 *
 * What it reports, each as one bad record with words, the physical line the
 * problem is on and the field (1-based) it is in, WITHOUT stopping: the
 * next call reads on from the next record, so a caller can list every
 * problem of a file in one run.
 *  - bytes that are not UTF-8 (never passed on, never "repaired");
 *  - a NUL byte;
 *  - text after a closing quote (`"ab"c`);
 *  - a quote still open at the end of the file;
 *  - a field, a record or a number of fields over the limits (struct
 *    csv_limits; the words say what the limit is).
 * A read error on the FILE * is reported once and then the reader is at
 * its end.
 *
 * Line numbers count physical lines from 1, as an editor shows them: a
 * record whose quoted field spans lines 4 to 6 is "line 4", and the line
 * of the next record is 7.
 *
 * Typical use:
 *
 *	struct csv_reader *r = csv_reader_file(fp, NULL);
 *	struct csv_record rec;
 *	int rc;
 *	while ((rc = csv_read(r, &rec)) != CSV_EOF) {
 *		if (rc == CSV_BAD) {
 *			printf("%s:%ld: %s\n", name, rec.err_line, rec.err);
 *			continue;
 *		}
 *		... rec.field[0] .. rec.field[rec.nfields - 1], rec.line ...
 *	}
 *	csv_reader_free(r);
 *
 * The strings in a record belong to the reader and stay valid until the
 * next csv_read or csv_reader_free: copy what you keep.
 *
 * Also here, for the cells of an imported sheet: header names compared as
 * a person means them (csv_header_norm, csv_header_is), dates (ISO or
 * dd/mm/yyyy, as date_parse) and money as a spreadsheet writes it
 * ("£1,234.56", "-12.50", "(12.50)") into integer pence.
 */
#ifndef COOPDESK_CSV_READ_H
#define COOPDESK_CSV_READ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "coopdesk/date.h"

/* Limits; a zero member means the default shown. A record's size counts
 * its fields' bytes and one byte for each comma between them. */
struct csv_limits {
	size_t max_field;   /* bytes in one field (default 65536) */
	size_t max_fields;  /* fields in one record (default 1000) */
	size_t max_record;  /* bytes in one record, all fields (default 1 MiB) */
};

#define CSV_DEFAULT_MAX_FIELD  ((size_t)65536)
#define CSV_DEFAULT_MAX_FIELDS ((size_t)1000)
#define CSV_DEFAULT_MAX_RECORD ((size_t)1048576)

/* What csv_read returns. */
enum csv_status {
	CSV_EOF = 0,     /* no more records; rec is untouched */
	CSV_RECORD = 1,  /* a good record in rec */
	CSV_BAD = 2,     /* a bad record: rec.err, rec.err_line, rec.err_field */
	CSV_NOMEM = 3    /* out of memory; the reader is at its end */
};

/* One record. On CSV_BAD the fields read so far are there too (possibly
 * cut short), for a caller that wants to show them; never trust them. */
struct csv_record {
	size_t nfields;
	char **field;        /* nfields NUL-terminated UTF-8 strings */
	size_t *len;         /* their lengths in bytes */
	long line;           /* the physical line the record starts on */
	/* For CSV_BAD only (else "" / 0): */
	const char *err;     /* the problem in words, e.g. "not valid UTF-8
	                      * (byte 0xE9 in field 2); save the file as
	                      * CSV UTF-8" */
	long err_line;       /* the physical line the problem is on */
	size_t err_field;    /* 1-based field it is in, 0 if none */
};

struct csv_reader;

/* A reader over fp (opened by the caller, not closed by the reader) or over
 * a buffer of n bytes (not copied: keep it alive while reading). lim may
 * be NULL for the defaults. NULL when out of memory. */
struct csv_reader *csv_reader_file(FILE *fp, const struct csv_limits *lim);
struct csv_reader *csv_reader_buf(const char *buf, size_t n, const struct csv_limits *lim);

/* Reads the next record into *rec; returns an enum csv_status. */
int csv_read(struct csv_reader *r, struct csv_record *rec);

/* 1 if the file began with a UTF-8 byte-order mark (known after the first
 * csv_read), else 0. */
int csv_reader_had_bom(const struct csv_reader *r);

void csv_reader_free(struct csv_reader *r);

/* 1 if every field of rec is empty or only spaces (a blank line, or a
 * spreadsheet's row of empty cells ",,,"), else 0. */
int csv_record_blank(const struct csv_record *rec);

/*
 * Header names. A spreadsheet's "Member No", "member_no", "MEMBER NO." and
 * "Member number" should all find the same column: csv_header_norm writes
 * name folded to lower case with everything but ASCII letters and digits
 * dropped ("Member No." -> "memberno", "E-mail" -> "email"; non-ASCII
 * letters are kept as they are). out gets at most n - 1 bytes and a NUL.
 */
void csv_header_norm(const char *name, char *out, size_t n);

/* 1 if the header cell `name` is one of `aliases`, a list separated by '|'
 * of names compared after csv_header_norm on both sides
 * ("member no|member number|no|number"), else 0. */
int csv_header_is(const char *name, const char *aliases);

/*
 * Dates in a cell: anything date_parse reads (ISO "2026-02-28", or day
 * first "28/02/2026", "28-02-2026", "28.02.2026"), also with a midnight
 * time after it as some spreadsheets add ("28/02/2026 00:00",
 * "2026-02-28 00:00:00"). Returns DATE_OK and sets *out, or a date_err
 * (date_strerror / date_explain give the words); an empty cell is
 * DATE_EMPTY.
 */
int csv_parse_date(const char *s, struct date *out);

/*
 * Money in a cell, into pence: whatever money_parse reads ("£1,234.56",
 * "-12.50", "-£3", "1234") and the accountant's negative in brackets
 * "(12.50)" / "(£1,234.56)" (which is -1250 / -123456), with spaces around.
 * Returns MONEY_OK and sets *pence, or a money_err (money_strerror gives the
 * words); an empty cell is MONEY_EMPTY.
 */
int csv_parse_money(const char *s, int64_t *pence);

#endif
