/*
 * src/cli/payments_read.c: reading a bank's CSV export for `coopdesk
 * import payments` (payments.h): its header, the columns of the profile
 * (or their usual names), and each line's date, amount and text. Every
 * problem is listed with its line; the caller posts nothing when there is
 * one.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coopdesk/cli.h"
#include "coopdesk/csv_read.h"
#include "coopdesk/money.h"
#include "coopdesk/text.h"
#include "payments.h"

/* The usual names of each column, for a profile that leaves one empty. */
static const char DATE_NAMES[] = "date|transaction date|posting date|posted|value date|booking date";
static const char AMOUNT_NAMES[] = "amount|value|amount gbp|amount (gbp)";
static const char CREDIT_NAMES[] = "paid in|money in|credit|credits|credit amount|in|receipts";
static const char DEBIT_NAMES[] = "paid out|money out|debit|debits|debit amount|out|payments";
static const char CRDR_NAMES[] = "cr/dr|dr/cr|credit/debit|debit/credit|credit or debit";
static const char REF_NAMES[] =
	"description|reference|details|narrative|transaction description|memo|payee|particulars";

enum { C_DATE, C_AMOUNT, C_CREDIT, C_DEBIT, C_CRDR, C_REF, C_COUNT };

struct cols {
	long at[C_COUNT];            /* field index, -1 none */
	const char *said[C_COUNT];   /* the header's own words */
};

static const char *const col_words[C_COUNT] = {
	"date", "amount", "paid in", "paid out", "CR/DR", "reference",
};

/* The index of the header cell named `want` (its aliases when want is ""),
 * -1 if none. */
static long find_col(const struct csv_record *h, const char *want, const char *aliases)
{
	for (size_t i = 0; i < h->nfields; i++)
		if (want[0] ? csv_header_is(h->field[i], want) : csv_header_is(h->field[i], aliases))
			return (long)i;
	return -1;
}

static void print_headers(FILE *err, const struct csv_record *h)
{
	char said[CLI_INERT_BUFSZ(256)];
	fprintf(err, "  its columns are:");
	for (size_t i = 0; i < h->nfields && i < 40; i++) {
		char cut[257];
		snprintf(cut, sizeof cut, "%s", h->field[i]);
		fprintf(err, "%s \"%s\"", i ? "," : "", cli_inert(cut, said, sizeof said));
	}
	fputc('\n', err);
}

/* Works out the columns from the header; fills in p's empty names with
 * the header's own words. -1 after saying what is missing. */
static int columns(const char *path, struct csv_record *h, struct bank_profile *p, FILE *err,
		   struct cols *c)
{
	char said[CLI_INERT_BUFSZ(1024)];
	int bad = 0;
	c->at[C_DATE] = find_col(h, p->date_column, DATE_NAMES);
	c->at[C_REF] = find_col(h, p->reference_column, REF_NAMES);
	c->at[C_CRDR] = -1;
	if (p->amount_column[0] || (!p->credit_column[0] && find_col(h, "", CREDIT_NAMES) < 0)) {
		c->at[C_AMOUNT] = find_col(h, p->amount_column, AMOUNT_NAMES);
		c->at[C_CREDIT] = c->at[C_DEBIT] = -1;
		c->at[C_CRDR] = find_col(h, p->crdr_column, CRDR_NAMES);
	} else {
		c->at[C_AMOUNT] = -1;
		c->at[C_CREDIT] = find_col(h, p->credit_column, CREDIT_NAMES);
		c->at[C_DEBIT] = find_col(h, p->debit_column, p->debit_column[0] ? "" : DEBIT_NAMES);
		if (p->debit_column[0] == '\0' && c->at[C_DEBIT] < 0)
			c->at[C_DEBIT] = -1;     /* a bank that lists money in only */
	}
	const struct { int col; char *name; const char *option; int needed; } want[] = {
		{ C_DATE, p->date_column, "--date-column", 1 },
		{ C_REF, p->reference_column, "--reference-column", 1 },
		{ C_AMOUNT, p->amount_column, "--amount-column", c->at[C_CREDIT] < 0 },
		{ C_CREDIT, p->credit_column, "--credit-column", p->credit_column[0] != '\0' },
		{ C_DEBIT, p->debit_column, "--debit-column", p->debit_column[0] != '\0' },
		{ C_CRDR, p->crdr_column, "--cr-dr-column", p->crdr_column[0] != '\0' },
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		long at = c->at[want[i].col];
		if (at >= 0) {
			/* The header's own words, kept (the record's are the reader's). */
			snprintf(want[i].name, sizeof p->date_column, "%s", h->field[at]);
			c->said[want[i].col] = want[i].name;
			continue;
		}
		c->said[want[i].col] = col_words[want[i].col];
		if (!want[i].needed)
			continue;
		if (want[i].name[0])
			fprintf(err, "coopdesk import payments: %s has no column called \"%s\"\n",
				cli_inert(path, said, sizeof said), want[i].name);
		else
			fprintf(err, "coopdesk import payments: %s: which column holds the %s? name it"
				" with %s\n", cli_inert(path, said, sizeof said), col_words[want[i].col],
				want[i].option);
		bad = 1;
	}
	if (bad)
		print_headers(err, h);
	return bad ? -1 : 0;
}

/* The bank's text made one clean line: controls and direction marks are
 * spaces, runs of spaces one, none at the ends; at most
 * BANK_LINE_TEXT_MAX characters. */
static void clean_text(const char *s, char *out, size_t n)
{
	size_t k = 0, chars = 0;
	int space = 1;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && chars < BANK_LINE_TEXT_MAX) {
		size_t len = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
		unsigned long cp = *p;
		if (len == 2 && p[1])
			cp = ((unsigned long)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
		else if (len == 3 && p[1] && p[2])
			cp = ((unsigned long)(p[0] & 0x0F) << 12) | ((unsigned long)(p[1] & 0x3F) << 6) |
			     (p[2] & 0x3F);
		int blank = cp == ' ' || cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
			    cp == 0xA0 || text_is_direction_mark(cp);
		if (blank) {
			if (!space && k + 1 < n)
				out[k++] = ' ';
			space = 1;
		} else if (k + len < n) {
			memcpy(out + k, p, len);
			k += len;
			space = 0;
		}
		chars++;
		for (size_t i = 0; i < len && *p; i++)
			p++;
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

static int parse_date(const char *cell, const char *format, char iso[ISO_DATE_LEN])
{
	struct date d;
	int rc;
	if (strcmp(format, "mm/dd/yyyy") == 0) {
		int m, day, y, used = 0;
		if (sscanf(cell, " %d/%d/%d%n", &m, &day, &y, &used) != 3 || cell[used] != '\0')
			return DATE_SYNTAX;
		char swapped[32];
		snprintf(swapped, sizeof swapped, "%d/%d/%d", day, m, y);
		rc = csv_parse_date(swapped, &d);
	} else {
		rc = csv_parse_date(cell, &d);
		if (rc == DATE_OK && strcmp(format, "yyyy-mm-dd") == 0 && !strchr(cell, '-'))
			rc = DATE_SYNTAX;
	}
	if (rc == DATE_OK)
		date_format_iso(d, iso, ISO_DATE_LEN);
	return rc;
}

/* An amount with the bank's CR/DR after it ("12.50 CR"): *sign -1 for DR,
 * +1 for CR, 0 for none; the rest parsed as money. */
static int parse_amount(const char *cell, int64_t *pence, int *sign)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", cell);
	size_t len = strlen(buf);
	while (len > 0 && buf[len - 1] == ' ')
		buf[--len] = '\0';
	*sign = 0;
	if (len >= 2 && (strcasecmp(buf + len - 2, "CR") == 0 || strcasecmp(buf + len - 2, "DR") == 0)) {
		*sign = (buf[len - 2] == 'D' || buf[len - 2] == 'd') ? -1 : 1;
		buf[len - 2] = '\0';
	}
	return csv_parse_money(buf, pence);
}

static int problem(FILE *err, const char *path, long line, const char *col, const char *what,
		   const char *cell)
{
	char p1[CLI_INERT_BUFSZ(1024)], p2[CLI_INERT_BUFSZ(128)], p3[CLI_INERT_BUFSZ(128)];
	char cut[128];
	snprintf(cut, sizeof cut, "%s", cell ? cell : "");
	fprintf(err, "%s:%ld: %s: %s%s%s%s\n", cli_inert(path, p1, sizeof p1), line,
		cli_inert(col, p3, sizeof p3), what, cell ? " (\"" : "",
		cell ? cli_inert(cut, p2, sizeof p2) : "", cell ? "\")" : "");
	return 1;
}

/* The amount of one record, paid in positive. 0, or 1 after a problem. */
static int amount_of(const char *path, const struct csv_record *r, const struct cols *c,
		     FILE *err, int64_t *out)
{
	int64_t v = 0;
	int sign = 0, rc;
	if (c->at[C_AMOUNT] >= 0) {
		const char *cell = r->field[c->at[C_AMOUNT]];
		if ((rc = parse_amount(cell, &v, &sign)) != MONEY_OK)
			return problem(err, path, r->line, c->said[C_AMOUNT], money_strerror(rc), cell);
		if (c->at[C_CRDR] >= 0) {
			const char *ind = r->field[c->at[C_CRDR]];
			char w[16];
			csv_header_norm(ind, w, sizeof w);
			if (strcmp(w, "cr") == 0 || strcmp(w, "c") == 0 || strcmp(w, "credit") == 0)
				sign = 1;
			else if (strcmp(w, "dr") == 0 || strcmp(w, "d") == 0 || strcmp(w, "debit") == 0)
				sign = -1;
			else
				return problem(err, path, r->line, c->said[C_CRDR],
					       "say CR (paid in) or DR (paid out)", ind);
		}
		if (sign)
			v = sign * (v < 0 ? -v : v);
	} else {
		const char *in = r->field[c->at[C_CREDIT]];
		const char *outc = c->at[C_DEBIT] >= 0 ? r->field[c->at[C_DEBIT]] : "";
		int64_t a = 0, b = 0;
		int ra = parse_amount(in, &a, &sign), rb = parse_amount(outc, &b, &sign);
		if (ra != MONEY_OK && ra != MONEY_EMPTY)
			return problem(err, path, r->line, c->said[C_CREDIT], money_strerror(ra), in);
		if (rb != MONEY_OK && rb != MONEY_EMPTY)
			return problem(err, path, r->line, c->said[C_DEBIT], money_strerror(rb), outc);
		if (ra == MONEY_EMPTY && rb == MONEY_EMPTY)
			return problem(err, path, r->line, c->said[C_CREDIT], c->at[C_DEBIT] >= 0
				       ? "no amount paid in or paid out" : "no amount", NULL);
		if (ra == MONEY_OK && rb == MONEY_OK && a != 0 && b != 0)
			return problem(err, path, r->line, c->said[C_CREDIT],
				       "an amount both paid in and paid out on one line", NULL);
		v = ra == MONEY_OK && a != 0 ? (a < 0 ? -a : a) : -(b < 0 ? -b : b);
	}
	if (v >= 100000000 || v <= -100000000)
		return problem(err, path, r->line, c->said[c->at[C_AMOUNT] >= 0 ? C_AMOUNT : C_CREDIT],
			       "an amount of £1,000,000 or more is not a rent payment", NULL);
	*out = v;
	return 0;
}

/* A block of the store: words end to end, NUL after each. */
struct pay_block {
	struct pay_block *before;
	size_t used, room;
	char words[];
};

enum { PAY_BLOCK_ROOM = 64 * 1024 };

const char *pay_keep(struct pay_statement *s, const char *text)
{
	size_t n = strlen(text) + 1;
	struct pay_block *b = s->store;
	if (!b || b->room - b->used < n) {
		size_t room = n > PAY_BLOCK_ROOM ? n : PAY_BLOCK_ROOM;
		if (!(b = malloc(sizeof *b + room)))
			return NULL;
		b->before = s->store;
		b->used = 0;
		b->room = room;
		s->store = b;
	}
	char *kept = b->words + b->used;
	memcpy(kept, text, n);
	b->used += n;
	return kept;
}

void pay_bank_line(const struct pay_line *l, struct bank_line *out)
{
	out->line_no = l->line_no;
	memcpy(out->date, l->date, sizeof out->date);
	out->amount_pence = l->amount_pence;
	snprintf(out->text, sizeof out->text, "%s", l->text);
}

static int add_line(struct pay_statement *s, const struct pay_line *l)
{
	if (s->n == s->room) {
		int more = s->room ? s->room * 2 : 64;
		struct pay_line *bigger = realloc(s->lines, (size_t)more * sizeof *bigger);
		if (!bigger)
			return -1;
		s->lines = bigger;
		s->room = more;
	}
	s->lines[s->n++] = *l;
	return 0;
}

/* One record into a line; 0, 1 after a problem, -1 out of memory. */
static int one_line(const char *path, const struct csv_record *r, const struct cols *c,
		    const struct bank_profile *p, const char *today, FILE *err,
		    struct pay_statement *s)
{
	struct pay_line pl;
	memset(&pl, 0, sizeof pl);
	pl.line_no = (int)r->line;
	pl.cand = -1;
	pl.why = "";
	long need = 0;
	for (int i = 0; i < C_COUNT; i++)
		if (c->at[i] >= need)
			need = c->at[i] + 1;
	if ((long)r->nfields < need)
		return problem(err, path, r->line, "line", "has fewer cells than the header", NULL);
	const char *dcell = r->field[c->at[C_DATE]];
	int rc = parse_date(dcell, p->date_format, pl.date);
	if (rc != DATE_OK) {
		char why[160];
		snprintf(why, sizeof why, "%s (written %s)", date_strerror(rc), p->date_format);
		return problem(err, path, r->line, c->said[C_DATE], why, dcell);
	}
	if (amount_of(path, r, c, err, &pl.amount_pence))
		return 1;
	if (pl.amount_pence > 0 && strcmp(pl.date, today) > 0)
		return problem(err, path, r->line, c->said[C_DATE],
			       "money paid in after today cannot be posted yet", dcell);
	char text[BANK_TEXT_MAX];
	clean_text(r->field[c->at[C_REF]], text, sizeof text);
	if (!(pl.text = pay_keep(s, text)))
		return -1;
	return add_line(s, &pl) ? -1 : 0;
}

/* Identical lines (date, amount, text) side by side, in the file's order. */
static int same_then_order(const void *a, const void *b)
{
	const struct pay_line *x = *(const struct pay_line *const *)a;
	const struct pay_line *y = *(const struct pay_line *const *)b;
	int d = strcmp(x->date, y->date);
	if (!d)
		d = (x->amount_pence > y->amount_pence) - (x->amount_pence < y->amount_pence);
	if (!d)
		d = strcmp(x->text, y->text);
	return d ? d : (x > y) - (x < y);
}

/* Numbers each line among the statement's identical ones, from 1 in the
 * file's order (sorted, not compared with every line before it: a year's
 * statement of a large co-op has a million lines). -1 out of memory. */
static int number_occurrences(struct pay_statement *s)
{
	if (s->n == 0)
		return 0;
	struct pay_line **by = malloc((size_t)s->n * sizeof *by);
	if (!by)
		return -1;
	for (int i = 0; i < s->n; i++)
		by[i] = &s->lines[i];
	qsort(by, (size_t)s->n, sizeof *by, same_then_order);
	for (int i = 0; i < s->n; i++) {
		const struct pay_line *o = i > 0 ? by[i - 1] : NULL;
		int same = o && o->amount_pence == by[i]->amount_pence &&
			   strcmp(o->date, by[i]->date) == 0 && strcmp(o->text, by[i]->text) == 0;
		by[i]->occurrence = same ? o->occurrence + 1 : 1;
	}
	free(by);
	return 0;
}

int pay_read(const char *path, struct bank_profile *p, const char *today, FILE *err,
	     struct pay_statement *s)
{
	char said[CLI_INERT_BUFSZ(1024)];
	memset(s, 0, sizeof s[0]);
	FILE *fp = fopen(path, "rb");
	if (!fp) {
		fprintf(err, "coopdesk import payments: cannot read %s: %s\n",
			cli_inert(path, said, sizeof said), strerror(errno));
		return -1;
	}
	struct csv_reader *r = csv_reader_file(fp, NULL);
	struct csv_record rec;
	struct cols c;
	int rc, have_header = 0, result = 0;
	if (!r) {
		fclose(fp);
		fprintf(err, "coopdesk import payments: out of memory\n");
		return -1;
	}
	while ((rc = csv_read(r, &rec)) != CSV_EOF) {
		if (rc == CSV_NOMEM) {
			fprintf(err, "coopdesk import payments: out of memory\n");
			result = -1;
			break;
		}
		if (rc == CSV_BAD) {
			char e[CLI_INERT_BUFSZ(512)];
			fprintf(err, "%s:%ld: %s\n", cli_inert(path, said, sizeof said), rec.err_line,
				cli_inert(rec.err, e, sizeof e));
			s->problems++;
			continue;
		}
		if (csv_record_blank(&rec))
			continue;
		if (!have_header) {
			if (columns(path, &rec, p, err, &c) != 0) {
				result = -1;
				break;
			}
			have_header = 1;
			continue;
		}
		int one = one_line(path, &rec, &c, p, today, err, s);
		if (one < 0) {
			fprintf(err, "coopdesk import payments: out of memory\n");
			result = -1;
			break;
		}
		s->problems += one;
	}
	csv_reader_free(r);
	if (result == 0 && number_occurrences(s) != 0) {
		fprintf(err, "coopdesk import payments: out of memory\n");
		result = -1;
	}
	if (ferror(fp) && result == 0) {
		fprintf(err, "coopdesk import payments: cannot read %s\n", cli_inert(path, said, sizeof said));
		result = -1;
	}
	fclose(fp);
	if (result == 0 && !have_header && s->problems == 0) {
		fprintf(err, "coopdesk import payments: %s is empty: a bank's export starts with a"
			" line of column names\n", cli_inert(path, said, sizeof said));
		result = -1;
	}
	return result;
}

void pay_statement_free(struct pay_statement *s)
{
	free(s->lines);
	while (s->store) {
		struct pay_block *before = s->store->before;
		free(s->store);
		s->store = before;
	}
	memset(s, 0, sizeof *s);
}
