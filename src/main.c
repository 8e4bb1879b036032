/*
 * coopdesk: a fully mutual housing co-operative's registers, tenancies,
 * repairs and meetings, from one terminal.
 *
 * main() reads the options every command shares and dispatches to a command
 * (src/cli/) or, with none, to the terminal interface (src/ui/).
 */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/cli.h"

static const char usage_text[] =
	"usage: coopdesk [--db FILE] [COMMAND [ARGS]]\n"
	"\n"
	"With no command, opens the co-op in the terminal.\n"
	"\n"
	"Commands:\n"
	"  init [--name NAME]   make a new, empty co-op database\n"
	"  demo [FILE]          make a demo co-op to explore (default: --db or the usual place)\n"
	"  check                check the database and the co-op's rules; exit 0 when all hold\n"
	"\n"
	"Options:\n"
	"  --db FILE            the co-op's database (default $XDG_DATA_HOME/coopdesk/coop.db)\n"
	"  -h, --help           show this help\n"
	"  -V, --version        show the version\n";

struct command {
	const char *name;
	int (*run)(const struct cli_ctx *ctx, int argc, char **argv);
};

static const struct command commands[] = {
	{ "init", cmd_init },
	{ "demo", cmd_demo },
	{ "check", cmd_check },
};

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx ctx = { NULL, stdout, stderr };
	int c;

	setlocale(LC_ALL, "");
	/* '+': stop at the command name; the command reads its own options. */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx.db_path = optarg;
			break;
		case 'h':
			fputs(usage_text, stdout);
			return 0;
		case 'V':
			printf("coopdesk %s\n", COOPDESK_VERSION);
			return 0;
		default:
			fputs(usage_text, stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "coopdesk: the terminal interface is not built yet;"
			" try 'coopdesk --help'\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (strcmp(argv[optind], commands[i].name) == 0) {
			char **cargv = argv + optind;
			int cargc = argc - optind;
			optind = 0; /* let the command's getopt_long start afresh */
			return commands[i].run(&ctx, cargc, cargv);
		}
	}
	fprintf(stderr, "coopdesk: there is no command '%s'\n\n%s", argv[optind], usage_text);
	return 2;
}
