/*
 * coopdesk/cli.h: the non-interactive commands (coopdesk init, demo, check,
 * user, report, export). Each takes the arguments after the command name
 * (argv[0] is the command) and the database path chosen by --db or the
 * default, and returns the process exit status: 0 success, 1 failure, 2
 * usage error.
 */
#ifndef COOPDESK_CLI_H
#define COOPDESK_CLI_H

#include <stdio.h>

#include "coopdesk/db.h"

struct cli_ctx {
	const char *db_path;   /* from --db, or NULL for the default */
	FILE *out;             /* normally stdout */
	FILE *err;             /* normally stderr */
};

int cmd_init(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_demo(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_check(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_user(const struct cli_ctx *ctx, int argc, char **argv);
/* coopdesk report register|shares|officers|participation|shareholding and
 * coopdesk export members|shares|officers|participation (src/cli/report.c). */
int cmd_report(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_export(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_backup(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_restore(const struct cli_ctx *ctx, int argc, char **argv);
int cmd_settings(const struct cli_ctx *ctx, int argc, char **argv);
/* coopdesk rent post --through DATE (src/cli/rent.c). */
int cmd_rent(const struct cli_ctx *ctx, int argc, char **argv);
/* coopdesk import members|homes|tenancies|rent|repairs|contractors FILE
 * [--dry-run] (src/cli/import.c, doc/import.md). */
int cmd_import(const struct cli_ctx *ctx, int argc, char **argv);
/* Hidden: prints the role table (access_level) as doc/security.md shows it. */
int cmd_roles(const struct cli_ctx *ctx, int argc, char **argv);

/* Resolves the database path: ctx->db_path, else the default. Returns 0,
 * or -1 after printing why to ctx->err. */
int cli_db_path(const struct cli_ctx *ctx, char *buf, size_t n);

/* A new co-op is built in a file beside its place and renamed into it only
 * when whole, so an interrupted init or demo leaves nothing at `path`.
 * cli_building names that file (`path`.making-PID), first removing any
 * such file whose process is gone (killed, it could not tidy up);
 * cli_put_in_place links it to `path` (never over a file that appeared
 * meanwhile) and removes its name, 0; or says why after `prog` on
 * ctx->err, removes it, -1. cli_remove_db removes a database file and the
 * files SQLite keeps beside it. */
int cli_building(const char *path, char *tmp, size_t n);
int cli_put_in_place(const struct cli_ctx *ctx, const char *prog, const char *tmp,
		     const char *path);
void cli_remove_db(const char *path);

/* Opens the database for a command, printing the reason on failure, and
 * puts the co-op's time zone in force (setting_zone_apply; a warning on
 * ctx->err when this machine lacks it, the open still succeeds). */
int cli_open(const struct cli_ctx *ctx, const char *path, int flags, struct db **out);

/* Room for any text of n bytes made inert by cli_inert. */
#define CLI_INERT_BUFSZ(n) (3 * (n) + 1)

/* Database text (names, messages that quote them) made inert for printing
 * (text_inert: controls and direction-changing marks as U+FFFD) into buf;
 * returns buf. n = CLI_INERT_BUFSZ(strlen(s)) never cuts it short. */
const char *cli_inert(const char *s, char *buf, size_t n);

/* Room for any password cli_read_password accepts, its NUL, and a byte
 * more to notice one that is too long. */
#define CLI_PASSWORD_BUF 1024

/* Reads a new password for `whose` ("ann", "the first board user") into
 * buf (n bytes; CLI_PASSWORD_BUF is enough). When stdin is a terminal it
 * asks on /dev/tty with echo off (restored on every path, signals too),
 * twice to confirm, and checks it with password_acceptable, saying why
 * and asking again, at most 3 tries. When stdin is not a terminal
 * (scripts, tests) it reads one line from stdin, with no confirmation,
 * and checks it the same way. `prog` ("coopdesk user") starts each
 * message. Returns 0, or 1 after saying why on ctx->err. The caller wipes
 * buf (explicit_bzero) once done with it. */
int cli_read_password(const struct cli_ctx *ctx, const char *prog, const char *whose,
		      char *buf, size_t n);

#endif
