/*
 * src/cli/init.c: coopdesk init [--name NAME] [--user NAME] [--user-name
 * "Display Name"]: a new, empty co-op with its first board user.
 *
 * The password is asked before the file is made, so that an interrupted
 * prompt leaves nothing behind; if the co-op's name or the user cannot be
 * saved, the new file is removed again.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "coopdesk/cli.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"

static const char init_usage[] =
	"usage: coopdesk [--db FILE] init [--name NAME] [--user USERNAME]\n"
	"                                 [--user-name \"Display Name\"]\n"
	"Makes a new, empty co-op database (default $XDG_DATA_HOME/coopdesk/coop.db)\n"
	"with its first board user: USERNAME (default \"board\"), shown as Display Name\n"
	"(default \"Board\"). Its password is typed twice at the terminal without echo;\n"
	"when standard input is not a terminal, one line is read from it instead, with\n"
	"no confirmation:\n"
	"    printf 'secret-pass\\n' | coopdesk init --name \"Alder Street Co-op\"\n";

int cmd_init(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "name", required_argument, NULL, 'n' },
		{ "user", required_argument, NULL, 'u' },
		{ "user-name", required_argument, NULL, 'U' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *name = NULL, *username = "board", *display = "Board";
	struct cli_ctx local = *ctx;
	int c;
	while ((c = getopt_long(argc, argv, "n:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n': name = optarg; break;
		case 'u': username = optarg; break;
		case 'U': display = optarg; break;
		case 'd': local.db_path = optarg; break;
		case 'h': fputs(init_usage, ctx->out); return 0;
		default: fputs(init_usage, ctx->err); return 2;
		}
	}
	if (optind < argc) {
		fprintf(ctx->err, "coopdesk init: unexpected '%s'\n%s", argv[optind], init_usage);
		return 2;
	}
	/* The name is checked before anything is asked or made (setting_set
	 * says the same, should it be reached). */
	if (name) {
		const char *p = name, *problem = text_name_problem(name);
		while (*p == ' ')
			p++;
		if (!*p || problem) {
			fprintf(ctx->err, "coopdesk init: the co-op's name %s; nothing was made\n",
				problem ? problem : "cannot be empty");
			return 1;
		}
	}
	char path[PATH_MAX];
	if (cli_db_path(&local, path, sizeof path) != 0)
		return 1;
	if (access(path, F_OK) == 0) {
		fprintf(ctx->err, "coopdesk init: %s already exists; nothing was changed\n", path);
		return 1;
	}
	char pw[CLI_PASSWORD_BUF];
	if (cli_read_password(ctx, "coopdesk init", "the first board user", pw, sizeof pw))
		return 1;
	struct db *db;
	char tmp[PATH_MAX + 32];
	if (cli_building(path, tmp, sizeof tmp) != 0 || cli_open(&local, tmp, DB_OPEN_CREATE, &db)) {
		explicit_bzero(pw, sizeof pw);
		cli_remove_db(tmp);
		return 1;
	}
	struct actor who = actor_system("coopdesk init");
	int rc = DB_OK;
	if (name) {
		struct setting s;
		rc = setting_get(db, "coop_name", &s);
		if (!rc)
			rc = setting_set(db, &who, "coop_name", name, s.version);
	}
	if (!rc)
		rc = user_create(db, &who, username, display, ROLE_BOARD, 0, pw, NULL);
	if (!rc)
		rc = db_checkpoint(db); /* all of it in the file, or say why */
	explicit_bzero(pw, sizeof pw);
	if (rc) {
		char said[CLI_INERT_BUFSZ(512)];
		/* A full disk's words already say nothing was saved. */
		fprintf(ctx->err, rc == DB_IO ? "coopdesk init: %s\n"
			: "coopdesk init: %s; nothing was made\n",
			cli_inert(db_errmsg(db), said, sizeof said));
		db_close(db);
		cli_remove_db(tmp);
		return 1;
	}
	db_close(db);
	if (cli_put_in_place(ctx, "coopdesk init", tmp, path) != 0)
		return 1;
	fprintf(ctx->out, "Made a new co-op database at %s\n", path);
	fprintf(ctx->out, "Its first board user is %s; log in with the password just given.\n",
		username);
	return 0;
}
