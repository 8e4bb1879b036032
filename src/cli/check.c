/*
 * src/cli/check.c: coopdesk check: exit 0 only when every check holds.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>

#include "coopdesk/check.h"
#include "coopdesk/cli.h"

static const char check_usage[] =
	"usage: coopdesk [--db FILE] check [--quiet]\n"
	"Checks the database file and the co-op's rules; names each broken one.\n"
	"Exit status: 0 all hold, 1 something is broken, 2 usage.\n";

struct check_out {
	FILE *out;
	int quiet;
	const char *last;
};

static void print_finding(const char *name, const char *problem, int warning, void *arg)
{
	struct check_out *o = arg;
	if (!problem) {
		if (!o->quiet)
			fprintf(o->out, "ok      %s\n", name);
		return;
	}
	/* A problem quotes names from the database: shown inert. */
	char shown[CLI_INERT_BUFSZ(1024)];
	if (o->last != name)
		fprintf(o->out, "%s %s\n", warning ? "WARNING" : "BROKEN ", name);
	fprintf(o->out, "          %s\n", cli_inert(problem, shown, sizeof shown));
	o->last = name;
}

int cmd_check(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx local = *ctx;
	struct check_out o = { ctx->out, 0, NULL };
	int c;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local.db_path = optarg; break;
		case 'q': o.quiet = 1; break;
		case 'h': fputs(check_usage, ctx->out); return 0;
		default: fputs(check_usage, ctx->err); return 2;
		}
	}
	if (optind < argc) {
		fprintf(ctx->err, "coopdesk check: unexpected '%s'\n%s", argv[optind], check_usage);
		return 2;
	}
	char path[PATH_MAX];
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	int failures = 0;
	int rc = db_check(db, print_finding, &o, &failures);
	if (rc) {
		char said[CLI_INERT_BUFSZ(512)];
		fprintf(ctx->err, "coopdesk check: %s\n", cli_inert(db_errmsg(db), said, sizeof said));
		db_close(db);
		return 1;
	}
	db_close(db);
	if (failures)
		fprintf(ctx->out, "%d problem%s found in %s\n", failures, failures == 1 ? "" : "s", path);
	else
		fprintf(ctx->out, "All checks hold for %s\n", path);
	return failures ? 1 : 0;
}
