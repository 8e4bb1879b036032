/*
 * src/cli/payments.c: coopdesk import payments FILE.csv: rent paid into
 * the co-op's bank, from the bank's CSV export. Each line paid in is
 * matched to a tenancy (coopdesk/bank_match.h); what would be posted, what
 * was posted by an earlier import, what is not matched and what is paid
 * out are shown, and nothing is posted until the treasurer says yes (or
 * --yes). Posting is one transaction through the rent ledger's payment
 * path; each line is remembered by its fingerprint (coopdesk/bank.h), so
 * an overlapping statement never posts a line twice.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopdesk/cli.h"
#include "coopdesk/money.h"
#include "payments.h"

static const char pay_usage[] =
	"usage: coopdesk [--db FILE] import payments FILE.csv [OPTIONS]\n"
	"Posts the rent paid into the co-op's bank, from the bank's CSV export. Each\n"
	"line paid in is matched to a tenancy by its home's reference (\"RENT 12A\") or\n"
	"a tenant's name; the matches, the lines not matched, the lines posted by an\n"
	"earlier import and the lines paid out are shown, and nothing is posted until\n"
	"you say yes. A line is never posted twice, whichever statements overlap.\n"
	"\n"
	"The columns, by the names in the file's first line (unless given, the usual\n"
	"names are looked for: Date, Amount or Paid in and Paid out, Description):\n"
	"  --date-column NAME        the date of each line\n"
	"  --date-format FORMAT      dd/mm/yyyy (the default; ISO dates are read too),\n"
	"                            yyyy-mm-dd or mm/dd/yyyy\n"
	"  --amount-column NAME      one column of amounts: paid in positive, paid out\n"
	"                            negative, (12.50) or 12.50 DR paid out\n"
	"  --credit-column NAME      the paid in column (with --debit-column)\n"
	"  --debit-column NAME       the paid out column\n"
	"  --cr-dr-column NAME       a column saying CR (paid in) or DR (paid out), for\n"
	"                            --amount-column\n"
	"  --reference-column NAME   the payment's reference or description\n"
	"  --profile NAME            the columns saved under NAME\n"
	"  --save-profile NAME       save the columns used under NAME, for next time\n"
	"Posting:\n"
	"  --assign LINE=HOME        post the file's line LINE to home HOME's tenancy\n"
	"                            (the one in force on the line's date); #N names\n"
	"                            tenancy N. Give it once for each line.\n"
	"  --dry-run                 show what would be posted; write nothing\n"
	"  --yes                     post without asking (for scripts)\n"
	"Exit status: 0 done (or nothing to do, or not confirmed), 1 the file has\n"
	"problems (each is listed with its line; nothing is posted) or posting was\n"
	"refused, 2 usage.\n";

#define MAX_ASSIGN 200

struct assign {
	long line;
	char home[BANK_REF_MAX];
	int64_t tenancy;      /* #N */
	int used;
};

static int usage(const struct cli_ctx *ctx, const char *why, const char *what)
{
	char said[CLI_INERT_BUFSZ(256)];
	fprintf(ctx->err, "coopdesk import payments: %s%s\n%s", why,
		what ? cli_inert(what, said, sizeof said) : "", pay_usage);
	return 2;
}

static int set_col(char *dst, size_t n, const char *v)
{
	if (strlen(v) >= n || !v[0])
		return -1;
	snprintf(dst, n, "%s", v);
	return 0;
}

static int parse_assign(const char *v, struct assign *a)
{
	char *end;
	memset(a, 0, sizeof *a);
	a->line = strtol(v, &end, 10);
	if (end == v || *end != '=' || a->line < 1 || !end[1] || strlen(end + 1) >= sizeof a->home)
		return -1;
	snprintf(a->home, sizeof a->home, "%s", end + 1);
	if (a->home[0] == '#') {
		char *e2;
		a->tenancy = strtoll(a->home + 1, &e2, 10);
		if (e2 == a->home + 1 || *e2 || a->tenancy < 1)
			return -1;
	}
	return 0;
}

/* The tenancy of `a` for line l: by number, or the home's in force on the
 * day (else its latest before it). -1 with the reason in why. */
static int assigned_cand(const struct assign *a, const struct pay_line *l,
			 const struct bank_candidate *c, int n, char *why, size_t wn)
{
	char key[BANK_REF_MAX], k2[BANK_REF_MAX];
	int best = -1, home = 0;
	bank_ref_key(a->home, key, sizeof key);
	for (int i = 0; i < n; i++) {
		if (a->tenancy ? c[i].tenancy_id != a->tenancy
			       : strcmp(bank_ref_key(c[i].ref, k2, sizeof k2), key) != 0)
			continue;
		home = 1;
		if (strcmp(c[i].start_date, l->date) > 0)
			continue;
		if (best < 0 || strcmp(c[i].start_date, c[best].start_date) > 0)
			best = i;
	}
	if (best < 0)
		snprintf(why, wn, home ? "%s has no tenancy started by the line's date"
			 : "there is no home (or tenancy) %s", a->home);
	return best;
}

static void money(int64_t pence, char *buf)
{
	money_format(pence, buf, MONEY_BUFSZ);
}

static void show_line(const struct cli_ctx *ctx, const struct pay_line *p, const char *tail)
{
	char d[DATE_BUFSZ], m[MONEY_BUFSZ], t1[CLI_INERT_BUFSZ(BANK_TEXT_MAX)];
	char t2[CLI_INERT_BUFSZ(BANK_WHY_MAX + BANK_NAMES_MAX + 200)];
	struct date dd;
	date_parse(p->date, &dd);
	date_format_uk(dd, d, sizeof d);
	money(p->amount_pence < 0 ? -p->amount_pence : p->amount_pence, m);
	fprintf(ctx->out, "  line %-4d %s %10s  \"%s\"%s%s\n", p->line_no, d, m,
		cli_inert(p->text, t1, sizeof t1), tail[0] ? ": " : "",
		cli_inert(tail, t2, sizeof t2));
}

struct tally {
	int post, posted, unmatched, ambiguous, debits;
	int64_t post_pence;
};

static void report(const struct cli_ctx *ctx, const char *path, const struct pay_statement *s,
		   const struct bank_candidate *c, struct tally *t)
{
	char said[CLI_INERT_BUFSZ(1024)], m[MONEY_BUFSZ], tail[BANK_WHY_MAX + BANK_NAMES_MAX + 200];
	memset(t, 0, sizeof *t);
	for (int i = 0; i < s->n; i++) {
		const struct pay_line *p = &s->lines[i];
		if (p->posted_entry)
			t->posted++;
		else if (p->outcome == BANK_MATCHED)
			t->post++, t->post_pence += p->amount_pence;
		else if (p->outcome == BANK_UNMATCHED)
			t->unmatched++;
		else if (p->outcome == BANK_AMBIGUOUS)
			t->ambiguous++;
		else
			t->debits++;
	}
	money(t->post_pence, m);
	fprintf(ctx->out, "%s: %d lines: %d to post (%s), %d posted before, %d not matched,"
		" %d ambiguous, %d paid out or nothing (left alone).\n",
		cli_inert(path, said, sizeof said), s->n, t->post, m, t->posted, t->unmatched,
		t->ambiguous, t->debits);
	static const char *const heads[] = {
		"To post (home, tenancy, tenants; how it matched):",
		"Posted by an earlier import (not posted again):",
		"Not matched (not posted):",
		"Ambiguous (not posted):",
		"Paid out, or nothing paid in (left alone):",
	};
	for (int part = 0; part < 5; part++) {
		int shown = 0;
		for (int i = 0; i < s->n; i++) {
			const struct pay_line *p = &s->lines[i];
			int which = p->posted_entry ? 1 : p->outcome == BANK_MATCHED ? 0
				: p->outcome == BANK_UNMATCHED ? 2 : p->outcome == BANK_AMBIGUOUS ? 3 : 4;
			if (which != part)
				continue;
			if (!shown++)
				fprintf(ctx->out, "\n%s\n", heads[part]);
			if (part == 0) {
				const struct bank_candidate *k = &c[p->cand];
				snprintf(tail, sizeof tail, "%s, tenancy %lld, %s; %s", k->ref,
					 (long long)k->tenancy_id, k->names[0] ? k->names : "no tenants",
					 p->why);
			} else if (part == 1) {
				snprintf(tail, sizeof tail, "rent account row %lld",
					 (long long)p->posted_entry);
			} else {
				snprintf(tail, sizeof tail, "%s", p->why);
			}
			show_line(ctx, p, tail);
		}
	}
	if (t->unmatched + t->ambiguous > 0) {
		int first = 0;
		for (int i = 0; i < s->n && !first; i++)
			if (!s->lines[i].posted_entry && (s->lines[i].outcome == BANK_UNMATCHED ||
							  s->lines[i].outcome == BANK_AMBIGUOUS))
				first = s->lines[i].line_no;
		fprintf(ctx->out, "\nThe lines not matched are not posted. To post one, say whose"
			" it is: --assign LINE=HOME\n(for example --assign %d=%s, the tenancy of that"
			" home on the line's date; #N\nfor tenancy N), or record it by hand on the"
			" rent account. Importing this\nstatement again later posts only what was not"
			" posted before.\n", first, cli_inert(c ? c[0].ref : "12A", said, sizeof said));
	}
}

/* Applies --assign; -1 after saying what is wrong. */
static int apply_assign(const struct cli_ctx *ctx, struct pay_statement *s, struct assign *as,
			int nas, const struct bank_candidate *c, int nc)
{
	char why[200], said[CLI_INERT_BUFSZ(200)];
	int bad = 0;
	for (int a = 0; a < nas; a++) {
		struct pay_line *p = NULL;
		for (int i = 0; i < s->n; i++)
			if (s->lines[i].line_no == as[a].line)
				p = &s->lines[i];
		if (!p)
			snprintf(why, sizeof why, "the file has no line %ld with a payment on it",
				 as[a].line);
		else if (p->outcome == BANK_DEBIT)
			snprintf(why, sizeof why, "line %ld is paid out, not paid in", as[a].line);
		else if (p->posted_entry)
			snprintf(why, sizeof why, "line %ld was posted by an earlier import (rent"
				 " account row %lld)", as[a].line, (long long)p->posted_entry);
		else {
			int k = assigned_cand(&as[a], p, c, nc, why, sizeof why);
			if (k >= 0) {
				p->outcome = BANK_MATCHED;
				p->cand = k;
				p->by = BANK_BY_NONE;
				p->assigned = 1;
				p->why = "as --assign says";
				continue;
			}
		}
		fprintf(ctx->err, "coopdesk import payments: --assign %ld=%s: %s\n", as[a].line,
			cli_inert(as[a].home, said, sizeof said), why);
		bad = 1;
	}
	return bad ? -1 : 0;
}

static int ask(const struct cli_ctx *ctx, const struct tally *t)
{
	char m[MONEY_BUFSZ], line[64];
	money(t->post_pence, m);
	fprintf(ctx->out, "\nPost these %d payments, %s in all? [y/N] ", t->post, m);
	fflush(ctx->out);
	if (!fgets(line, sizeof line, stdin))
		return 0;
	return line[0] == 'y' || line[0] == 'Y';
}

/* The options: columns into *p (over a profile's), the rest into o. */
struct opts {
	const char *file, *profile, *save_profile;
	int dry_run, yes;
	struct assign as[MAX_ASSIGN];
	int nas;
	struct bank_profile given;
};

static int read_opts(const struct cli_ctx *ctx, struct cli_ctx *local, int argc, char **argv,
		     struct opts *o)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "date-column", required_argument, NULL, 'D' },
		{ "date-format", required_argument, NULL, 'F' },
		{ "amount-column", required_argument, NULL, 'A' },
		{ "credit-column", required_argument, NULL, 'C' },
		{ "debit-column", required_argument, NULL, 'B' },
		{ "cr-dr-column", required_argument, NULL, 'R' },
		{ "reference-column", required_argument, NULL, 'E' },
		{ "profile", required_argument, NULL, 'p' },
		{ "save-profile", required_argument, NULL, 's' },
		{ "assign", required_argument, NULL, 'a' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "yes", no_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct bank_profile *g = &o->given;
	int c, bad = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local->db_path = optarg; break;
		case 'D': bad = set_col(g->date_column, BANK_COLUMN_MAX + 1, optarg); break;
		case 'A': bad = set_col(g->amount_column, BANK_COLUMN_MAX + 1, optarg); break;
		case 'C': bad = set_col(g->credit_column, BANK_COLUMN_MAX + 1, optarg); break;
		case 'B': bad = set_col(g->debit_column, BANK_COLUMN_MAX + 1, optarg); break;
		case 'R': bad = set_col(g->crdr_column, BANK_COLUMN_MAX + 1, optarg); break;
		case 'E': bad = set_col(g->reference_column, BANK_COLUMN_MAX + 1, optarg); break;
		case 'F':
			if (strcmp(optarg, "dd/mm/yyyy") && strcmp(optarg, "yyyy-mm-dd") &&
			    strcmp(optarg, "mm/dd/yyyy"))
				return usage(ctx, "--date-format is dd/mm/yyyy, yyyy-mm-dd or mm/dd/yyyy,"
					     " not ", optarg);
			snprintf(g->date_format, sizeof g->date_format, "%s", optarg);
			break;
		case 'p': o->profile = optarg; break;
		case 's': o->save_profile = optarg; break;
		case 'n': o->dry_run = 1; break;
		case 'y': o->yes = 1; break;
		case 'a':
			if (o->nas == MAX_ASSIGN)
				return usage(ctx, "too many --assign (at most 200): ", optarg);
			if (parse_assign(optarg, &o->as[o->nas]) != 0)
				return usage(ctx, "--assign takes LINE=HOME (14=12A) or LINE=#TENANCY,"
					     " not ", optarg);
			o->nas++;
			break;
		case 'h': fputs(pay_usage, ctx->out); return 0;
		case ':': return usage(ctx, "a value is needed after ", argv[optind - 1]);
		default: return usage(ctx, "there is no option ", argv[optind - 1]);
		}
		if (bad)
			return usage(ctx, "a column's name is 1 to 100 characters: ", optarg);
	}
	if (optind >= argc)
		return usage(ctx, "which file? give the bank's CSV export", NULL);
	o->file = argv[optind];
	if (optind + 1 < argc)
		return usage(ctx, "unexpected ", argv[optind + 1]);
	if (g->amount_column[0] && (g->credit_column[0] || g->debit_column[0]))
		return usage(ctx, "give --amount-column, or --credit-column and --debit-column,"
			     " not both", NULL);
	if (g->crdr_column[0] && (g->credit_column[0] || g->debit_column[0]))
		return usage(ctx, "--cr-dr-column goes with --amount-column", NULL);
	if (o->dry_run && o->yes)
		return usage(ctx, "--dry-run posts nothing; --yes posts: give one", NULL);
	return -1;
}

/* The profile's columns, then the options over them. */
static void merge_profile(struct bank_profile *p, const struct bank_profile *g)
{
	if (g->amount_column[0] || g->credit_column[0] || g->debit_column[0]) {
		p->amount_column[0] = p->credit_column[0] = p->debit_column[0] = '\0';
		p->crdr_column[0] = '\0';
	}
#define OVER(f) if (g->f[0]) snprintf(p->f, sizeof p->f, "%s", g->f);
	OVER(date_column) OVER(date_format) OVER(amount_column) OVER(credit_column)
	OVER(debit_column) OVER(crdr_column) OVER(reference_column)
#undef OVER
	if (!p->date_format[0])
		snprintf(p->date_format, sizeof p->date_format, "dd/mm/yyyy");
}

static int run(const struct cli_ctx *ctx, struct db *db, struct opts *o)
{
	struct actor who = actor_system("coopdesk import payments");
	struct bank_profile p;
	struct pay_statement s;
	struct bank_candidate *c = NULL;
	struct bank_index *ix = NULL;
	struct tally t;
	char said[CLI_INERT_BUFSZ(1024)], today[DATE_BUFSZ], m[MONEY_BUFSZ];
	int nc = 0, rc, result = 1;
	memset(&p, 0, sizeof p);
	memset(&s, 0, sizeof s);
	if (o->profile && bank_profile_get(db, &who, o->profile, &p)) {
		fprintf(ctx->err, "coopdesk import payments: %s\n", cli_inert(db_errmsg(db), said, sizeof said));
		return 1;
	}
	merge_profile(&p, &o->given);
	date_format_iso(date_today(), today, sizeof today);
	if (pay_read(o->file, &p, today, ctx->err, &s) != 0)
		goto out;
	if (s.problems) {
		fprintf(ctx->err, "coopdesk import payments: %s has %d problem%s (listed above):"
			" nothing was posted\n", cli_inert(o->file, said, sizeof said), s.problems,
			s.problems == 1 ? "" : "s");
		goto out;
	}
	if ((rc = bank_candidates(db, &who, &c, &nc)))
		goto db_error;
	if (!(ix = bank_index_new(c, nc))) {
		fprintf(ctx->err, "coopdesk import payments: out of memory indexing %d tenancies:"
			" nothing was posted\n", nc);
		goto out;
	}
	for (int i = 0; i < s.n; i++) {
		struct pay_line *l = &s.lines[i];
		struct bank_line bl;
		struct bank_match bm;
		pay_bank_line(l, &bl);
		bank_match_indexed(ix, &bl, &bm);
		l->outcome = bm.outcome;
		l->by = bm.by;
		l->cand = bm.cand;
		if (!(l->why = pay_keep(&s, bm.why))) {
			fprintf(ctx->err, "coopdesk import payments: out of memory: nothing was posted\n");
			goto out;
		}
		if (l->outcome == BANK_DEBIT)
			continue;
		struct bank_print f = { .amount_pence = l->amount_pence, .text = l->text,
					.occurrence = l->occurrence };
		snprintf(f.date, sizeof f.date, "%s", l->date);
		rc = bank_line_posted(db, &who, &f, &l->posted_entry);
		if (rc && rc != DB_NOTFOUND)
			goto db_error;
	}
	if (apply_assign(ctx, &s, o->as, o->nas, c, nc) != 0) {
		fprintf(ctx->err, "coopdesk import payments: nothing was posted\n");
		goto out;
	}
	report(ctx, o->file, &s, c, &t);
	if (o->save_profile && !o->dry_run) {
		snprintf(p.name, sizeof p.name, "%s", o->save_profile);
		if (p.amount_column[0])
			p.credit_column[0] = p.debit_column[0] = '\0';
		if ((rc = bank_profile_save(db, &who, &p)))
			goto db_error;
		fprintf(ctx->out, "\nThe columns are saved as the profile \"%s\": next time give"
			" --profile \"%s\".\n", cli_inert(p.name, said, sizeof said), p.name);
	}
	if (o->dry_run) {
		fprintf(ctx->out, "\nDry run: nothing was posted%s.\n",
			o->save_profile ? " and no profile saved" : "");
		result = 0;
		goto out;
	}
	if (t.post == 0) {
		fprintf(ctx->out, "\nNothing to post.\n");
		result = 0;
		goto out;
	}
	if (!o->yes) {
		if (!isatty(STDIN_FILENO)) {
			fprintf(ctx->err, "coopdesk import payments: nothing was posted: say --yes to"
				" post without being asked, or run it at a terminal\n");
			goto out;
		}
		if (!ask(ctx, &t)) {
			fprintf(ctx->out, "Nothing was posted.\n");
			result = 0;
			goto out;
		}
	}
	struct bank_posting *bp = calloc((size_t)t.post, sizeof *bp);
	int k = 0, failed = -1;
	if (!bp) {
		fprintf(ctx->err, "coopdesk import payments: out of memory\n");
		goto out;
	}
	for (int i = 0; i < s.n; i++) {
		const struct pay_line *l = &s.lines[i];
		if (l->posted_entry || l->outcome != BANK_MATCHED)
			continue;
		bp[k].tenancy_id = c[l->cand].tenancy_id;
		bp[k].file_line = l->line_no;
		snprintf(bp[k].f.date, sizeof bp[k].f.date, "%s", l->date);
		bp[k].f.amount_pence = l->amount_pence;
		bp[k].f.text = l->text;
		bp[k].f.occurrence = l->occurrence;
		k++;
	}
	rc = bank_post(db, &who, o->file, bp, k, &failed);
	if (rc) {
		fprintf(ctx->err, "coopdesk import payments: %s:%d: %s: nothing was posted\n",
			cli_inert(o->file, said, sizeof said), failed >= 0 ? bp[failed].file_line : 0,
			cli_inert(db_errmsg(db), said, sizeof said));
		free(bp);
		goto out;
	}
	free(bp);
	money(t.post_pence, m);
	fprintf(ctx->out, "Posted %d payment%s, %s in all.\n", k, k == 1 ? "" : "s", m);
	result = 0;
	goto out;
db_error:
	fprintf(ctx->err, "coopdesk import payments: %s\n", cli_inert(db_errmsg(db), said, sizeof said));
out:
	bank_index_free(ix);
	free(c);
	pay_statement_free(&s);
	return result;
}

int cmd_import_payments(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct opts *o = calloc(1, sizeof *o);
	struct cli_ctx local = *ctx;
	if (!o) {
		fprintf(ctx->err, "coopdesk import payments: out of memory\n");
		return 1;
	}
	int rc = read_opts(ctx, &local, argc, argv, o);
	if (rc < 0) {
		char path[4096];
		struct db *db;
		rc = 1;
		if (cli_db_path(&local, path, sizeof path) == 0 && cli_open(&local, path, 0, &db) == 0) {
			rc = run(ctx, db, o);
			db_close(db);
		}
	}
	free(o);
	return rc;
}
