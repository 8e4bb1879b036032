/*
 * src/cli/rent.c: coopdesk rent post --through DATE: posts every rent
 * charge due up to DATE (the rent run, coopdesk/rent.h) and says what it
 * posted. Running it again posts nothing twice.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/cli.h"
#include "coopdesk/date.h"
#include "coopdesk/rent.h"

static const char rent_usage[] =
	"usage: coopdesk [--db FILE] rent post --through DATE\n"
	"Posts every rent charge that falls due up to and including DATE (31/12/2026\n"
	"or 2026-12-31; at most 31 days ahead, rent being due in advance): each\n"
	"tenancy's charges from its start or its last charge, at the rent in force on\n"
	"each day, leaving out the co-op's rent-free weeks. Charges already posted\n"
	"are never posted again. Says how many charges it posted, to how many\n"
	"tenancies, and their total.\n"
	"Exit status: 0 done, 1 refused (the reason is given), 2 usage.\n";

static int usage(const struct cli_ctx *ctx, const char *why, const char *what)
{
	char said[CLI_INERT_BUFSZ(256)];
	fprintf(ctx->err, "coopdesk rent: %s%s\n%s", why, what ? cli_inert(what, said, sizeof said)
								: "", rent_usage);
	return 2;
}

int cmd_rent(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "through", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx local = *ctx;
	const char *through = NULL;
	int c;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local.db_path = optarg; break;
		case 't': through = optarg; break;
		case 'h': fputs(rent_usage, ctx->out); return 0;
		case ':': return usage(ctx, "a value is needed after ", argv[optind - 1]);
		default: return usage(ctx, "there is no option ", argv[optind - 1]);
		}
	}
	if (optind >= argc || strcmp(argv[optind], "post") != 0)
		return usage(ctx, optind < argc ? "there is no rent command " : "which rent command?",
			     optind < argc ? argv[optind] : NULL);
	if (optind + 1 < argc)
		return usage(ctx, "unexpected ", argv[optind + 1]);
	if (!through)
		return usage(ctx, "up to which day? give --through DATE", NULL);
	char why[160], iso[DATE_BUFSZ];
	struct date d;
	if (date_explain(through, why, sizeof why) != DATE_OK || date_parse(through, &d) != DATE_OK)
		return usage(ctx, "--through ", why);
	date_format_iso(d, iso, sizeof iso);

	char path[4096], said[CLI_INERT_BUFSZ(512)], words[256];
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	struct actor who = actor_system("coopdesk rent post");
	struct rent_run_result r;
	int rc = rent_charge_run_summary(db, &who, iso, &r);
	if (rc)
		fprintf(ctx->err, "coopdesk rent: %s\n", cli_inert(db_errmsg(db), said, sizeof said));
	else
		fprintf(ctx->out, "%s\n", rent_run_words(&r, iso, words, sizeof words));
	db_close(db);
	return rc ? 1 : 0;
}
