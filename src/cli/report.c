/*
 * src/cli/report.c: coopdesk report register|shares|officers|participation|
 * shareholding|arrears|rent-statement and coopdesk export
 * members|shares|officers|participation|homes|tenancies|rent:
 * the documents of src/report/ printed or exported from the command line.
 *
 * The person at the command line holds the database file, so they act with
 * the command line's full access (actor_system): the board's copy of
 * everything. A document goes to standard output, or with -o FILE to a
 * file made private (0600: registers hold people's details) that appears
 * whole or not at all: it is written beside FILE under another name and
 * renamed over FILE only once complete, so a refusal or a full disk
 * leaves no half-written register behind and any old FILE as it was.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopdesk/cli.h"
#include "coopdesk/date.h"
#include "coopdesk/meeting_docs.h"
#include "coopdesk/members.h"
#include "coopdesk/report.h"
#include "coopdesk/tenancies.h"

static const char report_usage[] =
	"usage: coopdesk [--db FILE] report register [--as-at DATE] [--inspection] [OPTIONS]\n"
	"       coopdesk [--db FILE] report shares [OPTIONS]\n"
	"       coopdesk [--db FILE] report officers [--current] [OPTIONS]\n"
	"       coopdesk [--db FILE] report participation [--year YYYY] [OPTIONS]\n"
	"       coopdesk [--db FILE] report shareholding MEMBER_NO [OPTIONS]\n"
	"       coopdesk [--db FILE] report right-to-repair|awaab [--from DATE] [--to DATE] [OPTIONS]\n"
	"       coopdesk [--db FILE] report overdue|rp02 [--from DATE] [--to DATE] [OPTIONS]\n"
	"       coopdesk [--db FILE] report arrears [--as-at DATE] [OPTIONS]\n"
	"       coopdesk [--db FILE] report rent-statement HOME-OR-TENANCY [--from DATE]\n"
	"                [--to DATE] [OPTIONS]\n"
	"       coopdesk [--db FILE] report notice|minutes MEETING [--format text|md] [-o FILE]\n"
	"Prints one of the co-op's documents (doc/reports.md):\n"
	"  register       the register of members as it stood at the end of DATE (default\n"
	"                 today): everyone on it that day, former members too; with\n"
	"                 --inspection the copy any member may inspect (the Act s.103),\n"
	"                 without shares and other property\n"
	"  shares         the share register: every operation with running totals\n"
	"  officers       the register of officers; --current: those in office now\n"
	"  participation  each member's general meetings and hours in a year (default\n"
	"                 this one) against the co-op's expectation\n"
	"  shareholding   one member's shareholding, as they see it themselves\n"
	"  right-to-repair  the Right to Repair repairs reported from DATE to DATE:\n"
	"                 targets met, second contractors, compensation\n"
	"  awaab          the damp and mould repairs reported from DATE to DATE: each\n"
	"                 clock of Awaab's Law, running, met or breached\n"
	"  overdue        the open repairs past their target, with working days late\n"
	"  rp02           repairs completed from --from (default 1 April) to --to\n"
	"                 (default today) within target: emergency and non-emergency\n"
	"  arrears        the rent accounts in arrears at the end of DATE (default today),\n"
	"                 current tenancies, then former tenants\n"
	"  rent-statement the rent book of a tenancy (its number) or of a home's latest\n"
	"                 tenancy (its reference, H-001): from its start, or --from DATE,\n"
	"                 to today, or --to DATE\n"
	"  notice         the notice of a meeting: when and where, the agenda, each motion\n"
	"  minutes        the minutes of a meeting: attendance, quorum, each motion with\n"
	"                 its votes, outcome and arithmetic, errata, decisions\n"
	"                 (MEETING: its number in the meetings list, or its date)\n"
	"OPTIONS:\n"
	"  --format FORMAT  text (default), md (Markdown) or csv\n"
	"  --no-bom         csv: no UTF-8 byte-order mark (for programs)\n"
	"  --width N        text: fit N columns (default 80)\n"
	"  -o, --output FILE  write to FILE (made private, 0600) instead of standard output\n"
	"DATE is 31/12/2025 or 2025-12-31. Exit status: 0 written, 1 refused or not\n"
	"written (the reason is given), 2 usage.\n";

static const char export_usage[] =
	"usage: coopdesk [--db FILE] export members|shares|officers|participation\n"
	"                [--format csv] [--no-bom] [-o FILE]\n"
	"       coopdesk [--db FILE] export repairs [--events] [--from DATE] [--to DATE]\n"
	"       coopdesk [--db FILE] export homes|tenancies|rent [--from DATE] [--to DATE]\n"
	"       coopdesk [--db FILE] export contractors [--format csv] [--no-bom] [-o FILE]\n"
	"       coopdesk [--db FILE] export meetings|attendance|motions|votes|decisions|actions\n"
	"                [--format csv] [--no-bom] [-o FILE]\n"
	"       coopdesk [--db FILE] export member MEMBER_NO [--format json|text] (export member --help)\n"
	"       coopdesk [--db FILE] export all DIR [--no-bom] [--force] (export all --help)\n"
	"Exports a register as CSV (RFC 4180): UTF-8 with a byte-order mark unless\n"
	"--no-bom, a header row, ISO dates, amounts in pounds with two decimals:\n"
	"  members        the register of members today, with shares and property\n"
	"  shares         the share register, every operation, with running totals\n"
	"  officers       the register of officers, former officers too\n"
	"  participation  this year's participation, member by member\n"
	"  repairs        every repair reported from --from to --to (both optional),\n"
	"                 one a row; with --events every move and note recorded then\n"
	"  homes          every home, with its rent now and its current tenants\n"
	"  tenancies      every tenancy, with its signatories and balance\n"
	"  rent           every rent account row (--from/--to: those dated then), with\n"
	"                 its home, tenancy and signatories, for the accountant\n"
	"  meetings, attendance, motions, votes, decisions, actions: every one recorded\n"
	"  contractors    every contractor, those out of use too, with phone and email\n"
	"A text cell a spreadsheet would run as a formula (=, +, -, @) starts with '.\n"
	"-o FILE writes FILE (made private, 0600) instead of standard output.\n"
	"Exit status: 0 written, 1 refused or not written, 2 usage.\n";

struct report_args {
	const char *prog;      /* "coopdesk report" */
	const char *usage;
	const char *what, *as_at, *output, *which;
	const char *meeting;   /* notice, minutes: the number or date given */
	const char *from, *to;  /* a period: rp02, right-to-repair, awaab, rent, the repairs export */
	int events;
	int is_export;
	int inspection, current, year;
	int64_t member_no;
	struct report_opts o;
};

static int usage_error(const struct cli_ctx *ctx, const struct report_args *a,
		       const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int usage_error(const struct cli_ctx *ctx, const struct report_args *a, const char *fmt,
		       ...)
{
	char said[CLI_INERT_BUFSZ(512)], raw[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(raw, sizeof raw, fmt, ap);
	va_end(ap);
	/* What was typed is quoted back: inert. */
	fprintf(ctx->err, "%s: %s\n%s", a->prog, cli_inert(raw, said, sizeof said), a->usage);
	return 2;
}

/* Digits only, from lo to hi, into *out; -1 otherwise. */
static int whole_number(const char *s, long long lo, long long hi, long long *out)
{
	if (!s || !*s || strlen(s) > 12)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	long long v = strtoll(s, NULL, 10);
	if (v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}

/* Reads the options and words after the command name. 0, or an exit
 * status (2 after a usage message; -1 for --help, already shown). */
static int parse_args(const struct cli_ctx *ctx, struct cli_ctx *local, int argc, char **argv,
		      struct report_args *a)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "as-at", required_argument, NULL, 'a' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "inspection", no_argument, NULL, 'i' },
		{ "current", no_argument, NULL, 'c' },
		{ "year", required_argument, NULL, 'y' },
		{ "from", required_argument, NULL, 'F' },
		{ "to", required_argument, NULL, 'T' },
		{ "format", required_argument, NULL, 'f' },
		{ "no-bom", no_argument, NULL, 'b' },
		{ "width", required_argument, NULL, 'w' },
		{ "output", required_argument, NULL, 'o' },
		{ "events", no_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	long long v;
	while ((c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local->db_path = optarg; break;
		case 'a': a->as_at = optarg; break;
		case 'F': a->from = optarg; break;
		case 'T': a->to = optarg; break;
		case 'i': a->inspection = 1; break;
		case 'c': a->current = 1; break;
		case 'b': a->o.no_bom = 1; break;
		case 'o': a->output = optarg; break;
		case 'e': a->events = 1; break;
		case 'y':
			if (whole_number(optarg, DATE_MIN_YEAR, DATE_MAX_YEAR, &v))
				return usage_error(ctx, a, "--year takes a year like 2026, not '%s'",
						   optarg);
			a->year = (int)v;
			break;
		case 'w':
			if (whole_number(optarg, 40, 1000, &v))
				return usage_error(ctx, a,
						   "--width takes a number of columns from 40 to"
						   " 1000, not '%s'", optarg);
			a->o.width = (int)v;
			break;
		case 'f':
			if (report_format_parse(optarg, &a->o.format))
				return usage_error(ctx, a, "--format takes text, md or csv, not '%s'",
						   optarg);
			break;
		case 'h':
			fputs(a->usage, ctx->out);
			return -1;
		case ':':
			return usage_error(ctx, a, "%s needs a value", argv[optind - 1]);
		default:
			if (optopt)
				return usage_error(ctx, a, "there is no option '-%c'", optopt);
			return usage_error(ctx, a, "there is no option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return usage_error(ctx, a, "which document?");
	a->what = argv[optind++];
	if (optind < argc && strcmp(a->what, "shareholding") == 0) {
		if (whole_number(argv[optind], 1, 999999999999LL, &v))
			return usage_error(ctx, a, "a member number is a whole number, not '%s'",
					   argv[optind]);
		a->member_no = v;
		optind++;
	}
	if (optind < argc && strcmp(a->what, "rent-statement") == 0)
		a->which = argv[optind++];
	if (optind < argc && (strcmp(a->what, "minutes") == 0 || strcmp(a->what, "notice") == 0))
		a->meeting = argv[optind++];
	if (optind < argc)
		return usage_error(ctx, a, "unexpected '%s'", argv[optind]);
	char why[160];
	if (a->as_at && date_explain(a->as_at, why, sizeof why) != DATE_OK)
		return usage_error(ctx, a, "--as-at %s", why);
	if (a->from && date_explain(a->from, why, sizeof why) != DATE_OK)
		return usage_error(ctx, a, "--from %s", why);
	if (a->to && date_explain(a->to, why, sizeof why) != DATE_OK)
		return usage_error(ctx, a, "--to %s", why);
	return 0;
}

/* Checks that the options given belong to the document asked for. */
static int options_fit(const struct cli_ctx *ctx, const struct report_args *a)
{
	int period = strcmp(a->what, "rp02") == 0 || strcmp(a->what, "repairs") == 0 ||
		     strcmp(a->what, "right-to-repair") == 0 || strcmp(a->what, "awaab") == 0 ||
		     strcmp(a->what, "rent") == 0 || strcmp(a->what, "rent-statement") == 0;
	if ((a->from || a->to) && !period)
		return usage_error(ctx, a, "--from and --to are for rp02, right-to-repair, awaab,"
				   " the rent statement and the repairs and rent exports");
	if (a->events && strcmp(a->what, "repairs") != 0)
		return usage_error(ctx, a, "--events is for the repairs export");
	if (a->is_export) {
		if (a->o.format != REPORT_CSV)
			return usage_error(ctx, a, "an export is CSV (--format csv); for text or"
					   " Markdown, see coopdesk report");
		if (a->as_at || a->inspection || a->current || a->year || a->o.width)
			return usage_error(ctx, a, "an export takes only --format csv, --no-bom"
					   " and -o FILE (and --from, --to for rent)");
		return 0;
	}
	int reg = strcmp(a->what, "register") == 0 || strcmp(a->what, "members") == 0;
	if (a->as_at && !reg && strcmp(a->what, "arrears") != 0)
		return usage_error(ctx, a, "--as-at is for the register and the arrears");
	if (strcmp(a->what, "rent-statement") == 0 && !a->which)
		return usage_error(ctx, a, "whose rent statement? give a home's reference or a"
				   " tenancy's number");
	if (strcmp(a->what, "rent-statement") == 0 && a->o.format == REPORT_CSV)
		return usage_error(ctx, a, "a rent statement is text or md; for the rows as CSV,"
				   " see coopdesk export rent");
	if (a->inspection && !reg)
		return usage_error(ctx, a, "--inspection is for the register");
	if (a->current && strcmp(a->what, "officers") != 0)
		return usage_error(ctx, a, "--current is for the officers");
	if (a->year && strcmp(a->what, "participation") != 0)
		return usage_error(ctx, a, "--year is for participation");
	return 0;
}

/* The output: standard output, or a private file beside a->output that
 * takes its name once complete (*tmp holds that name, "" for stdout). */
FILE *cli_output_open(const struct cli_ctx *ctx, const char *prog, const char *output, char *tmp,
		      size_t n)
{
	struct report_args args = { .prog = prog, .output = output }, *a = &args;
	tmp[0] = '\0';
	if (!a->output || strcmp(a->output, "-") == 0)
		return ctx->out;
	char said[CLI_INERT_BUFSZ(PATH_MAX)];
	if ((size_t)snprintf(tmp, n, "%s.XXXXXX", a->output) >= n) {
		fprintf(ctx->err, "%s: the file name is too long\n", a->prog);
		tmp[0] = '\0';
		return NULL;
	}
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		fprintf(ctx->err, "%s: cannot write %s: %s\n", a->prog,
			cli_inert(a->output, said, sizeof said), strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		tmp[0] = '\0';
	}
	return f;
}

/* Ends the output: the file renamed into place when all went well,
 * removed otherwise. Returns 0, or 1 after saying why. */
int cli_output_close(const struct cli_ctx *ctx, const char *prog, const char *output, FILE *f,
		     const char *tmp, int ok)
{
	struct report_args args = { .prog = prog, .output = output }, *a = &args;
	char said[CLI_INERT_BUFSZ(PATH_MAX)];
	if (!tmp[0])
		return ok ? 0 : 1;
	int closed = fclose(f) == 0;
	if (ok && closed && rename(tmp, a->output) == 0)
		return 0;
	if (ok)
		fprintf(ctx->err, "%s: cannot write %s: %s\n", a->prog,
			cli_inert(a->output, said, sizeof said), strerror(errno));
	unlink(tmp);
	return 1;
}

/* The member id of member number `no`; 0 after saying there is none. */
static int64_t member_of(const struct cli_ctx *ctx, const struct report_args *a, struct db *db,
			 const struct actor *who)
{
	struct member *m = malloc(sizeof *m);
	int64_t id = 0;
	char said[CLI_INERT_BUFSZ(512)];
	if (!m) {
		fprintf(ctx->err, "%s: out of memory\n", a->prog);
		return 0;
	}
	int rc = member_get_by_no(db, who, a->member_no, m);
	if (rc == DB_NOTFOUND)
		fprintf(ctx->err, "%s: there is no member number %lld in the register\n", a->prog,
			(long long)a->member_no);
	else if (rc)
		fprintf(ctx->err, "%s: %s\n", a->prog, cli_inert(db_errmsg(db), said, sizeof said));
	else
		id = m->id;
	free(m);
	return id;
}

/* The tenancy a->which names: a tenancy's number, or a home's reference
 * (its current tenancy, else its latest); 0 after saying there is none. */
static int64_t tenancy_of(const struct cli_ctx *ctx, const struct report_args *a, struct db *db,
			  const struct actor *who)
{
	char said[CLI_INERT_BUFSZ(512)];
	long long v;
	const char *s = a->which;
	if (strncmp(s, "tenancy ", 8) == 0)
		s += 8;
	if (whole_number(s, 1, 999999999999LL, &v) == 0) {
		struct tenancy *t = malloc(sizeof *t);
		int rc = t ? tenancy_get(db, who, v, t) : DB_ERROR;
		free(t);
		if (rc == DB_OK)
			return v;
		fprintf(ctx->err, "%s: there is no tenancy %lld\n", a->prog, v);
		return 0;
	}
	struct home h;
	struct tenancy_row row;
	int n = 0;
	if (home_get_by_ref(db, who, s, &h) != DB_OK) {
		fprintf(ctx->err, "%s: there is no home or tenancy '%s'\n", a->prog,
			cli_inert(s, said, sizeof said));
		return 0;
	}
	if (tenancy_page(db, who, TENANCIES_ALL, h.id, TENANCY_BY_START, PAGE_LAST, NULL, &row, 1,
			 &n) != DB_OK || n == 0) {
		fprintf(ctx->err, "%s: the home %s has had no tenancy\n", a->prog,
			cli_inert(s, said, sizeof said));
		return 0;
	}
	return row.id;
}

/* Writes the document named a->what (a report's name or an export's). */
static int write_document(const struct cli_ctx *ctx, const struct report_args *a, struct db *db,
			  const struct actor *who, FILE *out)
{
	const char *w = a->what;
	if (strcmp(w, "register") == 0 || strcmp(w, "members") == 0)
		return report_register(db, who, a->as_at, a->inspection, &a->o, out);
	if (strcmp(w, "shares") == 0)
		return report_share_register(db, who, &a->o, out);
	if (strcmp(w, "officers") == 0)
		return report_officers(db, who, a->current, &a->o, out);
	if (strcmp(w, "participation") == 0)
		return report_participation(db, who, a->year, &a->o, out);
	if (strcmp(w, "right-to-repair") == 0)
		return report_right_to_repair(db, who, a->from, a->to, &a->o, out);
	if (strcmp(w, "awaab") == 0)
		return report_awaab(db, who, a->from, a->to, &a->o, out);
	if (strcmp(w, "overdue") == 0)
		return report_overdue(db, who, &a->o, out);
	if (strcmp(w, "rp02") == 0)
		return report_rp02(db, who, a->from, a->to, &a->o, out);
	if (strcmp(w, "repairs") == 0)
		return report_repairs_export(db, who, a->from, a->to, a->events, &a->o, out);
	if (strcmp(w, "arrears") == 0)
		return report_arrears(db, who, a->as_at, &a->o, out);
	if (strcmp(w, "homes") == 0)
		return export_homes(db, who, &a->o, out);
	if (strcmp(w, "contractors") == 0)
		return report_contractors_export(db, who, &a->o, out);
	if (strcmp(w, "tenancies") == 0)
		return export_tenancies(db, who, &a->o, out);
	if (strcmp(w, "rent") == 0)
		return export_rent(db, who, a->from, a->to, &a->o, out);
	if (strcmp(w, "rent-statement") == 0) {
		int64_t t = tenancy_of(ctx, a, db, who);
		return t ? report_rent_statement(db, who, t, a->from, a->to, &a->o, out) : -1;
	}
	if (strcmp(w, "minutes") == 0 || strcmp(w, "notice") == 0) {
		int64_t id;
		int rc = meeting_find(db, who, a->meeting, &id);
		if (rc)
			return rc;
		return w[0] == 'm' ? report_minutes(db, who, id, &a->o, out)
				   : report_notice(db, who, id, &a->o, out);
	}
	if (a->is_export)
		return report_meeting_export(db, who, w, &a->o, out);
	int64_t id = member_of(ctx, a, db, who);
	if (!id)
		return -1;
	return report_shareholding(db, who, id, &a->o, out);
}

static int run(const struct cli_ctx *ctx, int argc, char **argv, struct report_args *a,
	       const char *const *names)
{
	struct cli_ctx local = *ctx;
	int rc = parse_args(ctx, &local, argc, argv, a);
	if (rc)
		return rc < 0 ? 0 : rc;
	int known = 0;
	for (const char *const *n = names; *n; n++)
		if (strcmp(a->what, *n) == 0)
			known = 1;
	if (!known)
		return usage_error(ctx, a, "there is no document '%s'", a->what);
	if ((rc = options_fit(ctx, a)))
		return rc;
	if (strcmp(a->what, "shareholding") == 0 && !a->member_no)
		return usage_error(ctx, a, "whose shareholding? give a member number");
	if ((strcmp(a->what, "minutes") == 0 || strcmp(a->what, "notice") == 0) && !a->meeting)
		return usage_error(ctx, a, "which meeting? give its number or its date");
	if (a->meeting && a->o.format == REPORT_CSV)
		return usage_error(ctx, a, "the %s is a document: --format text or md", a->what);

	char path[PATH_MAX], tmp[PATH_MAX + 8], said[CLI_INERT_BUFSZ(512)];
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	FILE *out = cli_output_open(ctx, a->prog, a->output, tmp, sizeof tmp);
	if (!out) {
		db_close(db);
		return 1;
	}
	struct actor who = actor_system(a->prog);
	rc = write_document(ctx, a, db, &who, out);
	if (rc > 0)
		fprintf(ctx->err, "%s: %s\n", a->prog, cli_inert(db_errmsg(db), said, sizeof said));
	db_close(db);
	return cli_output_close(ctx, a->prog, a->output, out, tmp, rc == 0);
}

int cmd_report(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const char *const names[] = {
		"register", "shares", "officers", "participation", "shareholding",
		"right-to-repair", "awaab", "overdue", "rp02", "arrears", "rent-statement", "notice",
		"minutes", NULL
	};
	struct report_args a = { .prog = "coopdesk report", .usage = report_usage };
	a.o.format = REPORT_TEXT;
	return run(ctx, argc, argv, &a, names);
}

int cli_export_write(const struct cli_ctx *ctx, struct db *db, const struct actor *who,
		     const char *what, const struct report_opts *o, FILE *out)
{
	struct report_args a = { .prog = "coopdesk export all", .usage = export_usage,
				 .is_export = 1, .o = *o };
	a.events = strcmp(what, "repair_events") == 0;
	a.what = a.events ? "repairs" : what;
	return write_document(ctx, &a, db, who, out);
}

int cmd_export(const struct cli_ctx *ctx, int argc, char **argv)
{
	/* member and all are coopdesk export's own commands (src/cli/export.c). */
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 || strcmp(argv[i], "-o") == 0 ||
		    strcmp(argv[i], "--output") == 0 || strcmp(argv[i], "--format") == 0 ||
		    strcmp(argv[i], "--from") == 0 || strcmp(argv[i], "--to") == 0) {
			i++;
			continue;
		}
		if (argv[i][0] == '-')
			continue;
		if (strcmp(argv[i], "member") == 0)
			return cmd_export_member(ctx, argc, argv);
		if (strcmp(argv[i], "all") == 0)
			return cmd_export_all(ctx, argc, argv);
		break;
	}
	static const char *const names[] = {
		"members", "shares", "officers", "participation", "repairs", "homes", "tenancies",
		"rent", "meetings", "attendance", "motions", "votes", "decisions", "actions",
		"contractors", NULL
	};
	struct report_args a = { .prog = "coopdesk export", .usage = export_usage, .is_export = 1 };
	a.o.format = REPORT_CSV;
	return run(ctx, argc, argv, &a, names);
}
