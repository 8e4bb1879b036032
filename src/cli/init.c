/*
 * src/cli/init.c: coopdesk init [--name NAME]: a new, empty co-op.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "coopdesk/cli.h"
#include "coopdesk/settings.h"

static const char init_usage[] =
	"usage: coopdesk [--db FILE] init [--name NAME]\n"
	"Makes a new, empty co-op database (default $XDG_DATA_HOME/coopdesk/coop.db).\n";

int cmd_init(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL;
	struct cli_ctx local = *ctx;
	int c;
	while ((c = getopt_long(argc, argv, "n:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'd': local.db_path = optarg; break;
		case 'h': fputs(init_usage, ctx->out); return 0;
		default: fputs(init_usage, ctx->err); return 2;
		}
	}
	if (optind < argc) {
		fprintf(ctx->err, "coopdesk init: unexpected '%s'\n%s", argv[optind], init_usage);
		return 2;
	}
	char path[PATH_MAX];
	if (cli_db_path(&local, path, sizeof path) != 0)
		return 1;
	if (access(path, F_OK) == 0) {
		fprintf(ctx->err, "coopdesk init: %s already exists; nothing was changed\n", path);
		return 1;
	}
	struct db *db;
	if (cli_open(&local, path, DB_OPEN_CREATE, &db))
		return 1;
	struct actor who = actor_system("coopdesk init");
	if (name) {
		struct setting s;
		int rc = setting_get(db, "coop_name", &s);
		if (!rc)
			rc = setting_set(db, &who, "coop_name", name, s.version);
		if (rc) {
			fprintf(ctx->err, "coopdesk init: %s\n", db_errmsg(db));
			db_close(db);
			unlink(path);
			return 1;
		}
	}
	fprintf(ctx->out, "Made a new co-op database at %s\n", path);
	db_close(db);
	return 0;
}
