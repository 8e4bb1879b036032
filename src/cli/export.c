/*
 * src/cli/export.c: coopdesk export member NO (a UK GDPR subject access
 * request: the member's whole record as JSON or text, the request logged
 * and answered) and coopdesk export all DIR (every register as CSV, one
 * file each, for an accountant or a move to another system). The other
 * exports are src/cli/report.c's; export all writes each of them through
 * cli_export_write, so every file is what `coopdesk export NAME` writes.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopdesk/cli.h"
#include "coopdesk/complaints.h"
#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/report.h"
#include "coopdesk/zone.h"

static const char member_usage[] =
	"usage: coopdesk [--db FILE] export member MEMBER_NO [--format json|text]\n"
	"                [--width N] [-o FILE] [--answered[=DATE]]\n"
	"       coopdesk [--db FILE] export member MEMBER_NO --request [--received DATE]\n"
	"A subject access request (UK GDPR): everything the co-op holds about one\n"
	"member - the register entry, shares, tenancies and rent accounts, repairs,\n"
	"meetings, participation, complaints, the login account (never its password)\n"
	"and the audit trail's entries about them - as JSON (--format json) or as a\n"
	"document to read or print (text, the default).\n"
	"  --request         log the member's request, received today (or --received\n"
	"                    DATE); it is due a calendar month later, and Home shows it\n"
	"                    under the deadlines until it is answered; nothing is written\n"
	"  --answered[=DATE] write the record, then record the member's open request\n"
	"                    answered today (or on DATE)\n"
	"  -o, --output FILE write to FILE (made private, 0600) instead of standard output\n"
	"DATE is 31/12/2025 or 2025-12-31. Exit status: 0 done, 1 refused or not\n"
	"written (the reason is given), 2 usage.\n";

static const char all_usage[] =
	"usage: coopdesk [--db FILE] export all DIR [--no-bom] [--force]\n"
	"Writes every register as CSV into DIR (made if need be), one file each, as\n"
	"coopdesk export NAME writes it: members.csv, shares.csv, officers.csv,\n"
	"participation.csv, homes.csv, tenancies.csv, rent.csv, repairs.csv,\n"
	"repair_events.csv, contractors.csv, meetings.csv, attendance.csv, motions.csv,\n"
	"votes.csv, decisions.csv, actions.csv; and says each file and its rows.\n"
	"  --no-bom   no UTF-8 byte-order mark (for programs)\n"
	"  --force    replace files already there (refused otherwise, before anything\n"
	"             is written)\n"
	"Exit status: 0 written, 1 refused or not written, 2 usage.\n";

static int usage(const struct cli_ctx *ctx, const char *prog, const char *text, const char *why,
		 const char *what)
{
	char said[CLI_INERT_BUFSZ(256)];
	fprintf(ctx->err, "%s: %s%s\n%s", prog, why, what ? cli_inert(what, said, sizeof said) : "",
		text);
	return 2;
}

static int say(const struct cli_ctx *ctx, const char *prog, struct db *db)
{
	char said[CLI_INERT_BUFSZ(512)];
	fprintf(ctx->err, "%s: %s\n", prog, cli_inert(db_errmsg(db), said, sizeof said));
	return 1;
}

/* The member's oldest request still open into *s: DB_OK, DB_NOTFOUND. */
static int open_request(struct db *db, const struct actor *who, int64_t member_id,
			struct subject_access *s)
{
	enum { PAGE = 16 };
	struct subject_access *rows = malloc(PAGE * sizeof *rows);
	struct page_key key;
	int n, rc;
	if (!rows)
		return DB_ERROR;
	rc = sar_page(db, who, COMPLAINTS_OLDEST_FIRST, 1, PAGE_FIRST, NULL, rows, PAGE, &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			if (rows[i].member_id == member_id) {
				*s = rows[i];
				free(rows);
				return DB_OK;
			}
		}
		if (n < PAGE)
			break;
		sar_row_key(&rows[n - 1], &key);
		rc = sar_page(db, who, COMPLAINTS_OLDEST_FIRST, 1, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	free(rows);
	return rc ? rc : DB_NOTFOUND;
}

int cmd_export_member(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const char prog[] = "coopdesk export member";
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "width", required_argument, NULL, 'w' },
		{ "output", required_argument, NULL, 'o' },
		{ "request", no_argument, NULL, 'r' },
		{ "received", required_argument, NULL, 'R' },
		{ "answered", optional_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx local = *ctx;
	struct report_opts o = { .format = REPORT_TEXT };
	const char *output = NULL, *received = NULL, *answered = NULL;
	int json = 0, request = 0, answer = 0, c;
	char why[160];
	optind = 0;
	while ((c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local.db_path = optarg; break;
		case 'o': output = optarg; break;
		case 'r': request = 1; break;
		case 'R': request = 1; received = optarg; break;
		case 'a': answer = 1; answered = optarg; break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") != 0)
				return usage(ctx, prog, member_usage, "--format takes json or text, not ",
					     optarg);
			break;
		case 'w':
			o.width = atoi(optarg);
			if (o.width < 40 || o.width > 1000 || strspn(optarg, "0123456789") != strlen(optarg))
				return usage(ctx, prog, member_usage,
					     "--width takes a number of columns from 40 to 1000, not ",
					     optarg);
			break;
		case 'h': fputs(member_usage, ctx->out); return 0;
		case ':': return usage(ctx, prog, member_usage, "an option needs a value: ",
				       argv[optind - 1]);
		default: return usage(ctx, prog, member_usage, "there is no option ", argv[optind - 1]);
		}
	}
	/* argv[optind] is "member", then the number. */
	if (argc - optind != 2)
		return usage(ctx, prog, member_usage, "give one member number", NULL);
	const char *no = argv[optind + 1];
	if (!*no || strlen(no) > 12 || strspn(no, "0123456789") != strlen(no) || atoll(no) < 1)
		return usage(ctx, prog, member_usage, "a member number is a whole number, not ", no);
	if (request && answer)
		return usage(ctx, prog, member_usage, "--request logs a request; --answered answers"
			     " one: one at a time", NULL);
	if (request && (output || json || o.width))
		return usage(ctx, prog, member_usage, "--request only logs the request: write the"
			     " record when answering it", NULL);
	if (received && date_explain(received, why, sizeof why) != DATE_OK)
		return usage(ctx, prog, member_usage, "--received ", why);
	if (answered && date_explain(answered, why, sizeof why) != DATE_OK)
		return usage(ctx, prog, member_usage, "--answered ", why);

	char path[PATH_MAX], tmp[PATH_MAX + 8], due[32];
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	struct actor who = actor_system("coopdesk export");
	struct member *m = malloc(sizeof *m);
	struct subject_access s;
	memset(&s, 0, sizeof s);
	int rc = m ? member_get_by_no(db, &who, atoll(no), m) : DB_ERROR;
	if (rc == DB_NOTFOUND) {
		fprintf(ctx->err, "%s: there is no member number %s in the register\n", prog, no);
		goto out;
	}
	if (rc)
		goto fail;
	if (request) {
		s.member_id = m->id;
		if (received)
			snprintf(s.received_on, sizeof s.received_on, "%s", received);
		if ((rc = sar_add(db, &who, &s)))
			goto fail;
		fprintf(ctx->out, "Subject access request from member no. %s logged, received %s:"
			" due by %s.\n", no, zone_format(s.received_on, tmp, sizeof tmp),
			zone_format(s.due_on, due, sizeof due));
		goto out;
	}
	if (answer && (rc = open_request(db, &who, m->id, &s))) {
		if (rc == DB_NOTFOUND)
			fprintf(ctx->err, "%s: member no. %s has no open subject access request (log"
				" one with --request)\n", prog, no);
		else
			say(ctx, prog, db);
		goto out;
	}
	FILE *f = cli_output_open(ctx, prog, output, tmp, sizeof tmp);
	if (!f) {
		rc = 1;
		goto out;
	}
	rc = report_subject_access(db, &who, m->id, json, &o, f);
	if (rc)
		say(ctx, prog, db);
	if (cli_output_close(ctx, prog, output, f, tmp, rc == 0) && !rc)
		rc = 1;
	if (!rc && answer) {
		if ((rc = sar_complete(db, &who, s.id, answered ? answered : "", s.version)))
			goto fail;
		fprintf(ctx->err, "The request received %s is recorded as answered.\n",
			zone_format(s.received_on, due, sizeof due));
	}
	goto out;
fail:
	say(ctx, prog, db);
out:
	free(m);
	db_close(db);
	return rc ? 1 : 0;
}

/* ---- export all ------------------------------------------------------------ */

static const char *const registers[] = {
	"members", "shares", "officers", "participation", "homes", "tenancies", "rent",
	"repairs", "repair_events", "contractors", "meetings", "attendance", "motions", "votes",
	"decisions", "actions",
};
#define NREG ((int)(sizeof registers / sizeof registers[0]))

/* Records in a CSV file after its header (RFC 4180: a new line inside
 * quotes is part of a field), or -1 when it cannot be read. */
static long long csv_rows(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	long long lines = 0;
	int quoted = 0, c, last = '\n';
	while ((c = getc(f)) != EOF) {
		if (c == '"')
			quoted = !quoted;
		else if (c == '\n' && !quoted)
			lines++;
		last = c;
	}
	fclose(f);
	if (last != '\n')
		lines++;
	return lines > 0 ? lines - 1 : 0;
}

int cmd_export_all(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const char prog[] = "coopdesk export all";
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "no-bom", no_argument, NULL, 'b' },
		{ "force", no_argument, NULL, 'F' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx local = *ctx;
	struct report_opts o = { .format = REPORT_CSV };
	int force = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local.db_path = optarg; break;
		case 'b': o.no_bom = 1; break;
		case 'F': force = 1; break;
		case 'h': fputs(all_usage, ctx->out); return 0;
		default: return usage(ctx, prog, all_usage, "there is no option ", argv[optind - 1]);
		}
	}
	if (argc - optind != 2)
		return usage(ctx, prog, all_usage, "give the folder to write into", NULL);
	const char *dir = argv[optind + 1];
	char said[CLI_INERT_BUFSZ(PATH_MAX)], file[PATH_MAX], tmp[PATH_MAX + 8], path[PATH_MAX];
	struct stat st;
	/* Made with its parents, as mkdir -p; private, as the files are. */
	snprintf(file, sizeof file, "%s", dir);
	for (char *p = file + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(file, 0700) != 0 && errno != EEXIST)
			break;
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		fprintf(ctx->err, "%s: cannot make the folder %s: %s\n", prog,
			cli_inert(dir, said, sizeof said), strerror(errno));
		return 1;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(ctx->err, "%s: %s is not a folder\n", prog, cli_inert(dir, said, sizeof said));
		return 1;
	}
	/* Refused whole, before anything is written, when a file is there. */
	int there = 0;
	for (int i = 0; i < NREG && !force; i++) {
		snprintf(file, sizeof file, "%s/%s.csv", dir, registers[i]);
		if (access(file, F_OK) == 0) {
			fprintf(ctx->err, "%s: %s is there already (--force replaces it)\n", prog,
				cli_inert(file, said, sizeof said));
			there = 1;
		}
	}
	if (there)
		return 1;
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	struct actor who = actor_system(prog);
	int failed = 0;
	for (int i = 0; i < NREG && !failed; i++) {
		snprintf(file, sizeof file, "%s/%s.csv", dir, registers[i]);
		FILE *f = cli_output_open(ctx, prog, file, tmp, sizeof tmp);
		if (!f) {
			failed = 1;
			break;
		}
		int rc = cli_export_write(ctx, db, &who, registers[i], &o, f);
		if (rc > 0)
			say(ctx, prog, db);
		if (cli_output_close(ctx, prog, file, f, tmp, rc == 0) || rc) {
			failed = 1;
			break;
		}
		fprintf(ctx->out, "%s: %lld rows\n", cli_inert(file, said, sizeof said),
			csv_rows(file));
	}
	db_close(db);
	if (failed)
		fprintf(ctx->err, "%s: stopped; the files listed above were written whole\n", prog);
	return failed;
}
