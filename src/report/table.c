/*
 * src/report/table.c: a document's heading and its table, in text,
 * Markdown or CSV (table.h).
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "coopdesk/clock.h"
#include "coopdesk/money.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "table.h"

#define DEFAULT_WIDTH 80
#define MIN_WIDTH 40

/* ---- formats ---------------------------------------------------------- */

int report_format_parse(const char *s, enum report_format *out)
{
	static const struct {
		const char *name;
		enum report_format f;
	} names[] = {
		{ "text", REPORT_TEXT }, { "txt", REPORT_TEXT }, { "md", REPORT_MD },
		{ "markdown", REPORT_MD }, { "csv", REPORT_CSV },
	};
	for (size_t i = 0; s && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].f;
			return 0;
		}
	return -1;
}

int report_check_opts(struct db *db, const struct report_opts *o)
{
	if (!o || (o->format != REPORT_TEXT && o->format != REPORT_MD && o->format != REPORT_CSV))
		return db_note_error(db, DB_INVALID, "a report is written as text, md or csv");
	if (o->width < 0)
		return db_note_error(db, DB_INVALID, "a report's width is a number of columns");
	return DB_OK;
}

int report_finish(struct db *db, FILE *out, int table_failed)
{
	if (table_failed)
		return db_note_error(db, DB_ERROR, "out of memory while writing the report");
	if (fflush(out) != 0 || ferror(out))
		return db_note_error(db, DB_IO, "the report could not be written (%s)",
				     strerror(errno ? errno : EIO));
	return DB_OK;
}

/* ---- the heading ------------------------------------------------------- */

static void wrap_line(const char **s, int width, size_t *len, int *cols);

static int text_width_of(const struct report_opts *o)
{
	int width = o->width > 0 ? o->width : DEFAULT_WIDTH;
	return width < MIN_WIDTH ? MIN_WIDTH : width;
}

/* A paragraph of text wrapped to the page's width. */
static void put_wrapped(FILE *out, const char *s, int width)
{
	do {
		const char *start = s;
		size_t len;
		int cols;
		wrap_line(&s, width, &len, &cols);
		fwrite(start, 1, len, out);
		fputc('\n', out);
	} while (*s);
}

void report_coop_name(struct db *db, char *buf, size_t n)
{
	if (setting_text(db, "coop_name", buf, n) != DB_OK || !buf[0])
		snprintf(buf, n, "%s", "The co-operative");
}

void report_produced(char *buf, size_t n)
{
	char when[ZONE_TIME_BUFSZ];
	snprintf(buf, n, "Produced %s.", zone_format_time(clock_now(), when, sizeof when));
}

/* Text for a Markdown table cell or heading, from text already inert:
 * the characters Markdown would read as markup are escaped with a
 * backslash (CommonMark allows it before any ASCII punctuation), so a
 * name is shown as it is and a | never splits a cell. */
static void put_md(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\|`*_[]<>&~#!", *s))
			fputc('\\', out);
		fputc(*s, out);
	}
}

/* Database text made inert into a new string (free it); NULL without
 * memory. */
static char *inert(const char *s)
{
	size_t n = 3 * strlen(s ? s : "") + 1;
	char *buf = malloc(n);
	if (buf)
		text_inert(s, buf, n);
	return buf;
}

void report_heading(FILE *out, const struct report_opts *o, const char *coop,
		    const char *title, const char *const *lines, int nlines)
{
	char *name = inert(coop);
	if (o->format == REPORT_CSV) {
		free(name);
		return;
	}
	if (o->format == REPORT_MD) {
		fputs("# ", out);
		put_md(out, name ? name : "");
		fputs("\n\n## ", out);
		put_md(out, title);
		fputs("\n\n", out);
		for (int i = 0; i < nlines; i++) {
			put_md(out, lines[i]);
			fputs("\n\n", out);
		}
	} else {
		int width = text_width_of(o);
		put_wrapped(out, name ? name : "", width);
		put_wrapped(out, title, width);
		fputc('\n', out);
		for (int i = 0; i < nlines; i++)
			put_wrapped(out, lines[i], width);
		if (nlines)
			fputc('\n', out);
	}
	free(name);
}

void report_note(FILE *out, const struct report_opts *o, const char *line)
{
	if (o->format == REPORT_CSV)
		return;
	fputc('\n', out);
	if (o->format == REPORT_MD) {
		put_md(out, line);
		fputc('\n', out);
	} else {
		put_wrapped(out, line, text_width_of(o));
	}
}

void report_section(FILE *out, const struct report_opts *o, const char *title)
{
	if (o->format == REPORT_CSV)
		return;
	if (o->format == REPORT_MD) {
		fputs("### ", out);
		put_md(out, title);
		fputs("\n\n", out);
		return;
	}
	put_wrapped(out, title, text_width_of(o));
	for (int i = text_width(title); i > 0; i--)
		fputc('-', out);
	fputs("\n\n", out);
}

void report_para(FILE *out, const struct report_opts *o, const char *s, int from_db)
{
	if (o->format == REPORT_CSV)
		return;
	const char *p = s ? s : "";
	do {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = malloc(len + 1), *shown = NULL;
		if (!line)
			return;
		memcpy(line, p, len);
		line[len] = '\0';
		if (from_db)
			shown = inert(line);
		const char *text = from_db ? (shown ? shown : "") : line;
		if (o->format == REPORT_MD) {
			put_md(out, text);
			fputs(nl ? "  \n" : "\n", out);
		} else {
			put_wrapped(out, text, text_width_of(o));
		}
		free(shown);
		free(line);
		p = nl ? nl + 1 : p + len;
	} while (*p);
	fputc('\n', out);
}

/* ---- cells ------------------------------------------------------------- */

static void put_file(const char *bytes, size_t n, void *arg)
{
	fwrite(bytes, 1, n, (FILE *)arg);
}

/* Appends n bytes to the cell of column c. */
static void cell_add(struct table *t, int c, const char *s, size_t n)
{
	if (t->len[c] + n + 1 > t->cap[c]) {
		size_t cap = t->cap[c] ? t->cap[c] : 64;
		while (t->len[c] + n + 1 > cap)
			cap *= 2;
		char *p = realloc(t->cell[c], cap);
		if (!p) {
			t->no_memory = 1;
			return;
		}
		t->cell[c] = p;
		t->cap[c] = cap;
	}
	memcpy(t->cell[c] + t->len[c], s, n);
	t->len[c] += n;
	t->cell[c][t->len[c]] = '\0';
}

/* Begins the next cell of the row with its kind, its number (for CSV)
 * and its text as shown (ISO for a date in CSV). A cell past the row's
 * last column is a document's bug: it is dropped rather than written out
 * of place. */
static void put_cell(struct table *t, enum table_cell kind, int64_t num, const char *s)
{
	if (t->at >= t->ncols)
		return;
	int c = t->at++;
	t->kind[c] = kind;
	t->num[c] = num;
	t->len[c] = 0;
	cell_add(t, c, s, strlen(s));
}

void table_text(struct table *t, const char *s)
{
	char *safe = inert(s);
	if (!safe)
		t->no_memory = 1;
	put_cell(t, TABLE_CELL_TEXT, 0, safe ? safe : "");
	free(safe);
}

void table_word(struct table *t, const char *s)
{
	put_cell(t, TABLE_CELL_TEXT, 0, s);
}

void table_int(struct table *t, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%" PRId64, v);
	put_cell(t, TABLE_CELL_INT, v, buf);
}

void table_signed(struct table *t, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%+" PRId64, v);
	put_cell(t, TABLE_CELL_INT, v, buf);
}

void table_amount(struct table *t, int64_t pence)
{
	char buf[MONEY_BUFSZ];
	money_format(pence, buf, sizeof buf);
	put_cell(t, TABLE_CELL_AMOUNT, pence, buf);
}

void table_date(struct table *t, const char *iso)
{
	char shown[ZONE_TIME_BUFSZ];
	if (t->format == REPORT_CSV)
		put_cell(t, TABLE_CELL_DATE, 0, iso ? iso : "");
	else
		put_cell(t, TABLE_CELL_TEXT, 0, zone_format(iso ? iso : "", shown, sizeof shown));
}

void table_line(struct table *t, const char *s, int from_db)
{
	if (t->at == 0)
		return;
	int c = t->at - 1;
	char *safe = from_db ? inert(s) : NULL;
	const char *line = from_db ? safe : s;
	if (!line) {
		t->no_memory = 1;
		return;
	}
	if (t->len[c])
		cell_add(t, c, "\n", 1);
	cell_add(t, c, line, strlen(line));
	free(safe);
}

int table_fits(const struct table *t, const char *s)
{
	if (t->format != REPORT_TEXT || t->at == 0)
		return 1;
	char *safe = inert(s);
	int fits = safe && text_width(safe) <= t->width[t->at - 1];
	free(safe);
	return fits;
}

/* ---- text layout ------------------------------------------------------- */

/* The bytes and columns of the character at s (inert text: no controls);
 * a byte that does not decode in this locale is one column. */
static size_t char_at(const char *s, int *cols)
{
	mbstate_t st;
	wchar_t wc;
	/* Printable ASCII: one byte, one column, without the locale's work. */
	if (text_plain_ascii(*s)) {
		*cols = 1;
		return 1;
	}
	memset(&st, 0, sizeof st);
	size_t r = mbrtowc(&wc, s, strnlen(s, MB_LEN_MAX), &st);
	if (r == (size_t)-1 || r == (size_t)-2 || r == 0) {
		*cols = 1;
		return 1;
	}
	int w = wcwidth(wc);
	*cols = w < 0 ? 1 : w;
	return r;
}

/* The next line of text starting at *s (up to a new line) that fits
 * `width` columns: it breaks after the last space that lets it fit, or
 * cuts a word too long for the column. Sets *len (bytes to show) and
 * *cols, and moves *s past it and the spaces after it. */
static void wrap_line(const char **s, int width, size_t *len, int *cols)
{
	const char *p = *s, *brk = NULL;
	int used = 0, brk_cols = 0;
	while (*p && *p != '\n') {
		int w;
		size_t n = char_at(p, &w);
		if (used + w > width && p > *s)
			break;
		used += w;
		p += n;
		if (p[-1] == ' ') {
			brk = p;
			brk_cols = used;
		}
	}
	const char *end = p;
	if (*p && *p != '\n' && brk) {
		end = brk;
		used = brk_cols;
	}
	/* Spaces at the end of a line are not shown. */
	const char *shown = end;
	while (shown > *s && shown[-1] == ' ') {
		shown--;
		used--;
	}
	*len = (size_t)(shown - *s);
	*cols = used;
	while (*end == ' ')
		end++;
	if (*end == '\n' && end == p)
		end++;
	*s = end;
}

/* Spaces owed before the next thing written on a line: paid only when
 * something follows, so no line ends in spaces. */
static void pay(FILE *out, int *owed)
{
	for (; *owed > 0; (*owed)--)
		fputc(' ', out);
}

static void text_row(struct table *t, const char *const *cells)
{
	const char *at[TABLE_MAX_COLS];
	for (int c = 0; c < t->ncols; c++)
		at[c] = cells[c] ? cells[c] : "";
	int first = 1;
	for (;;) {
		int more = 0;
		for (int c = 0; c < t->ncols; c++)
			if (*at[c])
				more = 1;
		if (!more && !first)
			break;
		int owed = 0;
		for (int c = 0; c < t->ncols; c++) {
			size_t len = 0;
			int cols = 0;
			const char *start = at[c];
			/* A number is never cut: too wide, it pushes on. */
			if (*at[c])
				wrap_line(&at[c], t->cols[c].align == TABLE_RIGHT ? INT_MAX / 2
										  : t->width[c],
					  &len, &cols);
			int pad = t->width[c] - cols;
			if (pad < 0)
				pad = 0;
			if (c)
				owed += TABLE_GAP;
			if (t->cols[c].align == TABLE_RIGHT) {
				owed += pad;
				if (len) {
					pay(t->out, &owed);
					fwrite(start, 1, len, t->out);
				}
			} else {
				if (len) {
					pay(t->out, &owed);
					fwrite(start, 1, len, t->out);
				}
				owed += pad;
			}
		}
		fputc('\n', t->out);
		first = 0;
	}
}

static void text_widths(struct table *t, int total)
{
	int fixed = TABLE_GAP * (t->ncols - 1), flex = 0;
	for (int c = 0; c < t->ncols; c++) {
		t->width[c] = t->cols[c].width;
		if (t->width[c] > 0)
			fixed += t->width[c];
		else
			flex++;
	}
	int left = total - fixed;
	for (int c = 0, seen = 0; c < t->ncols; c++) {
		if (t->cols[c].width > 0)
			continue;
		/* The last flexible column takes what division leaves over. */
		int w = ++seen == flex ? left - (left / flex) * (flex - 1) : left / flex;
		t->width[c] = w < TABLE_FLEX_MIN ? TABLE_FLEX_MIN : w;
	}
}

/* ---- the table ---------------------------------------------------------- */

void table_begin(struct table *t, FILE *out, const struct report_opts *o,
		 const struct table_col *cols, int ncols)
{
	memset(t, 0, sizeof *t);
	t->out = out;
	t->format = o->format;
	t->cols = cols;
	t->ncols = ncols > TABLE_MAX_COLS ? TABLE_MAX_COLS : ncols;
	if (t->format == REPORT_CSV) {
		csv_writer_init(&t->csv, put_file, out);
		if (!o->no_bom)
			csv_bom(&t->csv);
		for (int c = 0; c < t->ncols; c++)
			csv_text(&t->csv, cols[c].csv);
		csv_end_row(&t->csv);
		return;
	}
	if (t->format == REPORT_MD) {
		fputc('|', out);
		for (int c = 0; c < t->ncols; c++) {
			fputc(' ', out);
			put_md(out, cols[c].title);
			fputs(" |", out);
		}
		fputs("\n|", out);
		for (int c = 0; c < t->ncols; c++)
			fputs(cols[c].align == TABLE_RIGHT ? " --: |" : " --- |", out);
		fputc('\n', out);
		return;
	}
	text_widths(t, text_width_of(o));
	const char *titles[TABLE_MAX_COLS];
	char *rules[TABLE_MAX_COLS];
	for (int c = 0; c < t->ncols; c++) {
		titles[c] = cols[c].title;
		rules[c] = malloc((size_t)t->width[c] + 1);
		if (rules[c]) {
			memset(rules[c], '-', (size_t)t->width[c]);
			rules[c][t->width[c]] = '\0';
		}
	}
	text_row(t, titles);
	text_row(t, (const char *const *)rules);
	for (int c = 0; c < t->ncols; c++)
		free(rules[c]);
}

void table_end_row(struct table *t)
{
	if (t->format == REPORT_CSV) {
		for (int c = 0; c < t->ncols; c++) {
			const char *text = c < t->at && t->cell[c] ? t->cell[c] : "";
			switch (c < t->at ? t->kind[c] : TABLE_CELL_TEXT) {
			case TABLE_CELL_INT: csv_int(&t->csv, t->num[c]); break;
			case TABLE_CELL_AMOUNT: csv_amount(&t->csv, t->num[c]); break;
			case TABLE_CELL_DATE: csv_date(&t->csv, text); break;
			default: csv_text(&t->csv, text); break;
			}
		}
		csv_end_row(&t->csv);
		t->at = 0;
		return;
	}
	const char *cells[TABLE_MAX_COLS];
	for (int c = 0; c < t->ncols; c++)
		cells[c] = c < t->at && t->cell[c] ? t->cell[c] : "";
	if (t->format == REPORT_MD) {
		fputc('|', t->out);
		for (int c = 0; c < t->ncols; c++) {
			fputc(' ', t->out);
			for (const char *p = cells[c]; *p;) {
				const char *nl = strchr(p, '\n');
				size_t n = nl ? (size_t)(nl - p) : strlen(p);
				char *line = malloc(n + 1);
				if (!line) {
					t->no_memory = 1;
					break;
				}
				memcpy(line, p, n);
				line[n] = '\0';
				put_md(t->out, line);
				free(line);
				if (!nl)
					break;
				fputs("<br>", t->out);
				p = nl + 1;
			}
			fputs(" |", t->out);
		}
		fputc('\n', t->out);
	} else {
		text_row(t, cells);
	}
	t->at = 0;
}

int table_end(struct table *t)
{
	for (int c = 0; c < TABLE_MAX_COLS; c++) {
		free(t->cell[c]);
		t->cell[c] = NULL;
	}
	return t->no_memory ? -1 : 0;
}
