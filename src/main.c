/*
 * coopdesk: a fully mutual housing co-operative's registers, tenancies,
 * repairs and meetings, from one terminal.
 *
 * main() reads the options every command shares and dispatches to a command
 * (src/cli/) or, with none, to the terminal interface (src/ui/).
 */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/cli.h"
#include "coopdesk/ui.h"
#include "coopdesk/zone.h"

static const char usage_text[] =
	"usage: coopdesk [--db FILE] [COMMAND [ARGS]]\n"
	"\n"
	"With no command, opens the co-op in the terminal.\n"
	"\n"
	"Commands:\n"
	"  init [--name NAME]   make a new, empty co-op database\n"
	"  demo [FILE]          make a demo co-op to explore (default: --db or the usual place)\n"
	"  rent post --through DATE   post the rent charges due up to DATE (rent --help)\n"
	"  check                check the database and the co-op's rules; exit 0 when all hold\n"
	"  user add|passwd|role|disable|enable|list   manage user accounts (user --help)\n"
	"  report register|shares|officers|participation|shareholding|arrears|\n"
	"         rent-statement|overdue|rp02|right-to-repair|awaab\n"
	"                       print a register or document as text, md or csv (report --help)\n"
	"  report notice|minutes MEETING   a meeting's notice or minutes, text or md\n"
	"  export members|shares|officers|participation|homes|tenancies|rent|repairs|\n"
	"         meetings|attendance|motions|votes|decisions|actions\n"
	"                       export a register as CSV for a spreadsheet (export --help)\n"
	"  import members|homes|tenancies|rent|repairs|contractors FILE.csv [--dry-run]\n"
	"                       bring a register in from a spreadsheet, all or nothing\n"
	"                       (import --help, doc/import.md)\n"
	"  backup FILE          copy the co-op into FILE, safely while it is in use\n"
	"  restore FILE         put a backup back, keeping the co-op it replaces aside\n"
	"  settings list|get|set   the co-op's rules: see them, change one (settings --help)\n"
	"\n"
	"Options:\n"
	"  --db FILE            the co-op's database (default $XDG_DATA_HOME/coopdesk/coop.db)\n"
	"  --color WHEN         colour: auto (default; off when NO_COLOR is set), never, always\n"
	"  --keys FILE          key bindings (default $XDG_CONFIG_HOME/coopdesk/keys)\n"
	"  --mouse              take the mouse: a click selects, a double click opens,\n"
	"                       the wheel scrolls (also the co-op's mouse setting)\n"
	"  --script FILE        read keys from FILE instead of the keyboard (doc/testing.md)\n"
	"  --headless           draw to no terminal (with --script)\n"
	"  --size COLSxROWS     the headless screen's size (default 80x24)\n"
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
	{ "user", cmd_user },
	{ "report", cmd_report },
	{ "export", cmd_export },
	{ "backup", cmd_backup },
	{ "restore", cmd_restore },
	{ "settings", cmd_settings },
	{ "rent", cmd_rent },
	{ "import", cmd_import },
	{ "roles", cmd_roles }, /* hidden: the role table, for tests/cli/security_doc.sh */
};

/* No command: open the co-op in the terminal, at the login screen. */
static int run_interface(const struct cli_ctx *ctx, const struct ui_options *ui)
{
	char path[PATH_MAX];
	struct db *db;
	if (ui->headless && !ui->script) {
		fprintf(stderr, "coopdesk: --headless needs --script FILE\n");
		return 2;
	}
	if (cli_db_path(ctx, path, sizeof path) != 0 || cli_open(ctx, path, 0, &db))
		return 1;
	int rc = ui_run(ui, db, NULL);
	db_close(db);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "color", required_argument, NULL, 'c' },
		{ "colour", required_argument, NULL, 'c' },
		{ "keys", required_argument, NULL, 'k' },
		{ "mouse", no_argument, NULL, 'M' },
		{ "script", required_argument, NULL, 's' },
		{ "headless", no_argument, NULL, 'H' },
		{ "size", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx ctx = { NULL, stdout, stderr };
	struct ui_options ui = { UI_COLOR_AUTO, NULL, 0, 0, 0, NULL, 0 };
	int c;

	setlocale(LC_ALL, "");
	/* Local time is the co-op's, never the machine's: the default zone at
	 * once, the co-op's own setting when a command opens it (cli_open). */
	if (zone_set(ZONE_DEFAULT) != 0)
		fprintf(stderr, "coopdesk: warning: this machine's time zone database has no %s"
			" (install tzdata); times are shown in the machine's own zone\n",
			ZONE_DEFAULT);
	/* '+': stop at the command name; the command reads its own options. */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			ctx.db_path = optarg;
			break;
		case 'c':
			if (strcmp(optarg, "auto") == 0)
				ui.color = UI_COLOR_AUTO;
			else if (strcmp(optarg, "never") == 0)
				ui.color = UI_COLOR_NEVER;
			else if (strcmp(optarg, "always") == 0)
				ui.color = UI_COLOR_ALWAYS;
			else {
				fprintf(stderr, "coopdesk: --color takes auto, never or always\n");
				return 2;
			}
			break;
		case 'k':
			ui.keys_file = optarg;
			break;
		case 'M':
			ui.mouse = 1;
			break;
		case 's':
			ui.script = optarg;
			break;
		case 'H':
			ui.headless = 1;
			break;
		case 'S': {
			char x;
			if (sscanf(optarg, "%d%c%d", &ui.cols, &x, &ui.rows) != 3 || x != 'x' ||
			    ui.cols < 10 || ui.rows < 5 || ui.cols > 1000 || ui.rows > 1000) {
				fprintf(stderr, "coopdesk: --size takes COLSxROWS, like 80x24\n");
				return 2;
			}
			break;
		}
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
	if (optind >= argc)
		return run_interface(&ctx, &ui);
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
