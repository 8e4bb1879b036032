/*
 * src/cli/import.c: coopdesk import KIND FILE.csv [--dry-run]: a register
 * brought in from a spreadsheet, all or nothing (doc/import.md).
 *
 * The file is read whole and its SHA-256 taken first: the same file
 * imported as the same kind before is refused before anything else. Then
 * its header is matched to the kind's columns (import_kinds.c), and every
 * row is checked and written, in ONE transaction, through the registers'
 * own functions (each in its own savepoint, so a refused row leaves
 * nothing and the rest go on being checked against the database and the
 * rows before it). Every problem is reported as "FILE:LINE: Column: what
 * is wrong"; when there was any, or with --dry-run, the transaction is
 * rolled back and nothing at all is written. Otherwise the import is noted
 * (schema 9, imports) and committed.
 */
#include <errno.h>
#include <getopt.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopdesk/date.h"
#include "coopdesk/import.h"
#include "coopdesk/money.h"
#include "coopdesk/sha256.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "import_int.h"

static const char import_usage[] =
	"usage: coopdesk [--db FILE] import members|homes|tenancies|rent|repairs|contractors\n"
	"                FILE.csv [--dry-run]\n"
	"Brings a register in from a spreadsheet saved as CSV (UTF-8; doc/import.md\n"
	"lists each kind's columns and the other names they may have). All or nothing:\n"
	"every problem in the file is listed as FILE:LINE: column: what is wrong, and\n"
	"then nothing is imported. The same file is never imported twice.\n"
	"  --dry-run    check everything and say what would be imported; write nothing\n"
	"  --db FILE    the co-op's database\n"
	"Exit status: 0 imported (or would be, with --dry-run), 1 refused (every\n"
	"problem is listed), 2 usage.\n";

/* Faults printed in full; beyond these only counted. */
#define MAX_SHOWN 500
/* A register's spreadsheet, however big, is far below this. */
#define MAX_FILE ((size_t)512 << 20)

static int usage(const struct cli_ctx *ctx, const char *why, const char *what)
{
	char said[CLI_INERT_BUFSZ(256)];
	fprintf(ctx->err, "coopdesk import: %s%s\n%s", why,
		what ? cli_inert(what, said, sizeof said) : "", import_usage);
	return 2;
}

/* ---- faults ------------------------------------------------------------ */

static void say(struct imp *im, long line, const char *column, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
static void say(struct imp *im, long line, const char *column, const char *fmt, va_list ap)
{
	char words[1024], shown[CLI_INERT_BUFSZ(1024)], file[CLI_INERT_BUFSZ(512)],
		col[CLI_INERT_BUFSZ(256)];
	im->faults++;
	if (im->faults > MAX_SHOWN)
		return;
	vsnprintf(words, sizeof words, fmt, ap);
	fprintf(im->ctx->err, "%s:%ld: %s: %s\n", cli_inert(im->file, file, sizeof file), line,
		cli_inert(column, col, sizeof col), cli_inert(words, shown, sizeof shown));
}

static void fault_at(struct imp *im, long line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void fault_at(struct imp *im, long line, const char *column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(im, line, column, fmt, ap);
	va_end(ap);
}

static const char *col_name(const struct imp *im, int col)
{
	if (col < 0)
		col = im->kind->key;
	return im->head[col] ? im->head[col] : im->kind->cols[col].name;
}

void imp_fault(struct imp *im, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	say(im, im->line, col_name(im, col), fmt, ap);
	va_end(ap);
}

void imp_refused(struct imp *im, int col)
{
	imp_fault(im, col, "%s", db_errmsg(im->db));
}

/* ---- cells --------------------------------------------------------------- */

int imp_has(const struct imp *im, int col)
{
	return im->at[col] >= 0;
}

const char *imp_cell(struct imp *im, int col)
{
	int at = im->at[col];
	if (at < 0 || (size_t)at >= im->rec->nfields)
		return "";
	char *s = im->rec->field[at];
	text_trim(s);
	return s;
}

int imp_text(struct imp *im, int col, char *out, size_t n, size_t max, int required)
{
	const char *s = imp_cell(im, col);
	if (!*s && required) {
		imp_fault(im, col, "is empty; it is needed");
		return -1;
	}
	if (text_chars(s) > max || strlen(s) >= n) {
		imp_fault(im, col, "is %zu characters long; at most %zu are allowed", text_chars(s), max);
		return -1;
	}
	memcpy(out, s, strlen(s) + 1);
	return 0;
}

int imp_date(struct imp *im, int col, char out[11], int required)
{
	const char *s = imp_cell(im, col);
	struct date d;
	out[0] = '\0';
	if (!*s) {
		if (!required)
			return 0;
		imp_fault(im, col, "is empty; a date is needed (dd/mm/yyyy or yyyy-mm-dd)");
		return -1;
	}
	int rc = csv_parse_date(s, &d);
	if (rc != DATE_OK) {
		char why[160];
		date_explain(s, why, sizeof why);
		if (rc == DATE_SYNTAX)
			imp_fault(im, col, "\"%s\" is not a date (dd/mm/yyyy or yyyy-mm-dd)", s);
		else
			imp_fault(im, col, "%s", why);
		return -1;
	}
	date_format_iso(d, out, 11);
	return 0;
}

int imp_int(struct imp *im, int col, int64_t lo, int64_t hi, int64_t dflt, int required,
	    int64_t *v)
{
	const char *s = imp_cell(im, col);
	char *end;
	if (!*s) {
		if (required) {
			imp_fault(im, col, "is empty; a number is needed");
			return -1;
		}
		*v = dflt;
		return 0;
	}
	errno = 0;
	long long n = strtoll(s, &end, 10);
	if (*end || errno || end == s || *s == '+' || n < lo || n > hi) {
		imp_fault(im, col, "\"%s\" is not a whole number from %lld to %lld", s, (long long)lo,
			  (long long)hi);
		return -1;
	}
	*v = n;
	return 0;
}

int imp_money(struct imp *im, int col, int required, int *given, int64_t *pence)
{
	const char *s = imp_cell(im, col);
	*given = 0;
	if (!*s) {
		if (!required)
			return 0;
		imp_fault(im, col, "is empty; an amount is needed (such as £95.00)");
		return -1;
	}
	int rc = csv_parse_money(s, pence);
	if (rc != MONEY_OK) {
		imp_fault(im, col, "\"%s\" is not an amount of money (such as £1,234.56, -12.50 or (12.50)): %s",
			  s, money_strerror(rc));
		return -1;
	}
	*given = 1;
	return 0;
}

/* ---- keys seen in the file: a small open-addressing table --------------- */

struct seen_tab {
	size_t cap, n;
	char **key;
	long *line;
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

static int seen_grow(struct seen_tab *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	char **key = calloc(cap, sizeof *key);
	long *line = calloc(cap, sizeof *line);
	if (!key || !line) {
		free(key);
		free(line);
		return -1;
	}
	for (size_t i = 0; i < t->cap; i++) {
		if (!t->key[i])
			continue;
		size_t j = hash(t->key[i]) & (cap - 1);
		while (key[j])
			j = (j + 1) & (cap - 1);
		key[j] = t->key[i];
		line[j] = t->line[i];
	}
	free(t->key);
	free(t->line);
	t->key = key;
	t->line = line;
	t->cap = cap;
	return 0;
}

long imp_seen(struct imp *im, const char *key)
{
	struct seen_tab *t = im->seen;
	if (!t && !(t = im->seen = calloc(1, sizeof *t)))
		return 0;
	if ((t->n + 1) * 2 > t->cap && seen_grow(t) != 0)
		return 0;
	size_t j = hash(key) & (t->cap - 1);
	while (t->key[j]) {
		if (strcmp(t->key[j], key) == 0)
			return t->line[j];
		j = (j + 1) & (t->cap - 1);
	}
	if (!(t->key[j] = strdup(key)))
		return 0;
	t->line[j] = im->line;
	t->n++;
	return 0;
}

static void seen_free(struct imp *im)
{
	struct seen_tab *t = im->seen;
	if (!t)
		return;
	for (size_t i = 0; i < t->cap; i++)
		free(t->key[i]);
	free(t->key);
	free(t->line);
	free(t);
	im->seen = NULL;
}

/* ---- the file ------------------------------------------------------------ */

/* Reads the whole file into *buf (*len bytes). 0, or -1 after saying why. */
static int slurp(const struct cli_ctx *ctx, const char *path, char **buf, size_t *len)
{
	char said[CLI_INERT_BUFSZ(512)];
	FILE *fp = fopen(path, "rb");
	size_t cap = 1 << 16, n = 0;
	char *b = NULL;
	if (!fp) {
		fprintf(ctx->err, "coopdesk import: cannot open %s: %s\n",
			cli_inert(path, said, sizeof said), strerror(errno));
		return -1;
	}
	for (;;) {
		if (n == cap || !b) {
			char *nb = n + 1 > MAX_FILE ? NULL : realloc(b, cap *= 2);
			if (!nb) {
				fprintf(ctx->err, "coopdesk import: %s is too big to import (over 512 MiB)\n",
					cli_inert(path, said, sizeof said));
				free(b);
				fclose(fp);
				return -1;
			}
			b = nb;
		}
		size_t got = fread(b + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		fprintf(ctx->err, "coopdesk import: cannot read %s\n", cli_inert(path, said, sizeof said));
		free(b);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	*buf = b;
	*len = n;
	return 0;
}

/* Matches the header row to the kind's columns. Returns the number of
 * faults found (missing required columns, a column given twice). */
static int map_header(struct imp *im, const struct csv_record *h)
{
	const struct imp_kind *k = im->kind;
	int bad = 0;
	for (int c = 0; c < k->ncols; c++)
		im->at[c] = -1;
	for (size_t i = 0; i < h->nfields; i++) {
		int found = -1;
		for (int c = 0; c < k->ncols && found < 0; c++)
			if (csv_header_is(h->field[i], k->cols[c].name) ||
			    csv_header_is(h->field[i], k->cols[c].aliases))
				found = c;
		if (found < 0) {
			char said[CLI_INERT_BUFSZ(200)];
			char cut[200];
			snprintf(cut, sizeof cut, "%s", h->field[i]);
			if (h->field[i][0])
				fprintf(im->ctx->err, "coopdesk import: note: column \"%s\" is not one of"
					" the %s columns; it is left out (doc/import.md)\n",
					cli_inert(cut, said, sizeof said), k->name);
			continue;
		}
		if (im->at[found] >= 0) {
			fault_at(im, h->line, h->field[i],
				 "a second column for %s (the first is column %d, \"%s\")",
				 k->cols[found].name, im->at[found] + 1, im->head[found]);
			bad++;
			continue;
		}
		im->at[found] = (int)i;
		im->head[found] = strdup(h->field[i]);
	}
	for (int c = 0; c < k->ncols; c++)
		if (k->cols[c].required && im->at[c] < 0) {
			fault_at(im, h->line, k->cols[c].name,
				 "the column is missing: the header row needs \"%s\" (or one of: %s)",
				 k->cols[c].name, k->cols[c].aliases);
			bad++;
		}
	return bad;
}

static const char *login_name(void)
{
	const char *s = getenv("LOGNAME");
	if (!s || !*s)
		s = getenv("USER");
	if (!s || !*s) {
		struct passwd *pw = getpwuid(getuid());
		s = pw ? pw->pw_name : "";
	}
	return s;
}

/* Reads every row, checking and writing each. */
static void rows(struct imp *im, struct csv_reader *r)
{
	struct csv_record rec;
	int rc;
	while ((rc = csv_read(r, &rec)) != CSV_EOF) {
		if (rc == CSV_NOMEM) {
			fault_at(im, rec.line, "-", "out of memory");
			return;
		}
		im->rec = &rec;
		im->line = rec.line;
		if (rc == CSV_BAD) {
			const char *col = "-";
			for (int c = 0; c < im->kind->ncols; c++)
				if (rec.err_field && im->at[c] == (int)rec.err_field - 1)
					col = im->head[c];
			fault_at(im, rec.err_line, col, "%s", rec.err);
			im->rows++;
			continue;
		}
		if (csv_record_blank(&rec))
			continue;
		im->rows++;
		if (im->kind->row(im))
			im->added++;
	}
}

static void words_of_done(const struct import_done *d, char *out, size_t n)
{
	char when[64];
	zone_format(d->imported_at, when, sizeof when);
	snprintf(out, n, "on %s by %s%s%s (%lld rows, as %s)", when,
		 d->login[0] ? d->login : d->actor, d->login[0] ? " with " : "",
		 d->login[0] ? d->actor : "", (long long)d->rows, d->file_name);
}

static int run(const struct cli_ctx *ctx, const struct imp_kind *kind, const char *file,
	       int dry_run)
{
	char path[4096], said[CLI_INERT_BUFSZ(512)], hex[65], actor[64];
	char *buf = NULL;
	size_t len = 0;
	struct imp im;
	memset(&im, 0, sizeof im);
	im.ctx = ctx;
	im.file = file;
	im.kind = kind;
	snprintf(actor, sizeof actor, "coopdesk import %s", kind->name);
	im.who = actor_system(actor);

	if (slurp(ctx, file, &buf, &len))
		return 1;
	struct sha256 sh;
	sha256_init(&sh);
	sha256_add(&sh, buf, len);
	sha256_hex(&sh, hex);

	if (cli_db_path(ctx, path, sizeof path) != 0 || cli_open(ctx, path, 0, &im.db)) {
		free(buf);
		return 1;
	}
	struct import_done done;
	int rc = import_find(im.db, &im.who, kind->name, hex, &done);
	if (rc == DB_OK) {
		char when[5000], shown[CLI_INERT_BUFSZ(5000)];
		words_of_done(&done, when, sizeof when);
		fprintf(ctx->err, "coopdesk import: %s was imported as %s already, %s; nothing was"
			" imported again\n", cli_inert(file, said, sizeof said), kind->name,
			cli_inert(when, shown, sizeof shown));
		db_close(im.db);
		free(buf);
		return 1;
	}
	if (rc != DB_NOTFOUND) {
		fprintf(ctx->err, "coopdesk import: %s\n", cli_inert(db_errmsg(im.db), said, sizeof said));
		db_close(im.db);
		free(buf);
		return 1;
	}

	struct csv_reader *r = csv_reader_buf(buf, len, NULL);
	struct csv_record h;
	int hrc = CSV_EOF;
	if (!r) {
		fprintf(ctx->err, "coopdesk import: out of memory\n");
		db_close(im.db);
		free(buf);
		return 1;
	}
	while ((hrc = csv_read(r, &h)) == CSV_RECORD && csv_record_blank(&h))
		;
	if (hrc == CSV_EOF)
		fault_at(&im, 1, "-", "the file is empty: it needs a header row naming the columns,"
			 " then a row for each of the %s", kind->nouns);
	else if (hrc != CSV_RECORD)
		fault_at(&im, hrc == CSV_BAD ? h.err_line : 1, "header",
			 "%s", hrc == CSV_BAD ? h.err : "out of memory");
	else if (map_header(&im, &h) == 0) {
		if ((rc = db_bulk_cache(im.db, 64)) != DB_OK || (rc = db_begin(im.db, &im.who)) != DB_OK) {
			fault_at(&im, 0, "-", "%s", db_errmsg(im.db));
		} else {
			rows(&im, r);
			if (im.faults == 0 && im.added == 0)
				fault_at(&im, h.line, "-", "there are no rows of %s under the header",
					 kind->nouns);
			if (im.faults == 0 && !dry_run &&
			    import_note(im.db, &im.who, kind->name, file, hex, im.added, login_name()))
				fault_at(&im, 0, "-", "%s", db_errmsg(im.db));
			if (im.faults == 0 && !dry_run) {
				if (db_commit(im.db) != DB_OK)
					fault_at(&im, 0, "-", "%s", db_errmsg(im.db));
			} else
				db_rollback(im.db);
		}
	}
	csv_reader_free(r);
	if (kind->done)
		kind->done(&im);
	seen_free(&im);
	for (int c = 0; c < IMP_MAX_COLS; c++)
		free(im.head[c]);
	db_close(im.db);
	free(buf);

	cli_inert(file, said, sizeof said);
	if (im.faults) {
		if (im.faults > MAX_SHOWN)
			fprintf(ctx->err, "%s: ... and %lld more problems not shown\n", said,
				(long long)(im.faults - MAX_SHOWN));
		fprintf(ctx->err, "coopdesk import: %s: %lld problem%s in %lld row%s; nothing was imported\n",
			said, (long long)im.faults, im.faults == 1 ? "" : "s", (long long)im.rows,
			im.rows == 1 ? "" : "s");
		return 1;
	}
	if (dry_run)
		fprintf(ctx->out, "%s: would import %lld %s (a dry run: nothing was written)\n", said,
			(long long)im.added, im.added == 1 ? kind->noun : kind->nouns);
	else
		fprintf(ctx->out, "%s: imported %lld %s\n", said, (long long)im.added,
			im.added == 1 ? kind->noun : kind->nouns);
	return 0;
}

int cmd_import(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx local = *ctx;
	int dry_run = 0, c;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local.db_path = optarg; break;
		case 'n': dry_run = 1; break;
		case 'h': fputs(import_usage, ctx->out); return 0;
		case ':': return usage(ctx, "a value is needed after ", argv[optind - 1]);
		default: return usage(ctx, "there is no option ", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage(ctx, "what kind of register? members, homes, tenancies, rent, repairs"
			     " or contractors", NULL);
	const struct imp_kind *kind = NULL;
	for (int i = 0; i < imp_nkinds; i++)
		if (strcmp(argv[optind], imp_kinds[i].name) == 0)
			kind = &imp_kinds[i];
	if (!kind)
		return usage(ctx, "there is nothing to import called ", argv[optind]);
	if (optind + 1 >= argc)
		return usage(ctx, "which file? give the CSV file after ", argv[optind]);
	if (optind + 2 < argc)
		return usage(ctx, "unexpected ", argv[optind + 2]);
	return run(&local, kind, argv[optind + 1], dry_run);
}
