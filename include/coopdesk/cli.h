/*
 * coopdesk/cli.h: the non-interactive commands (coopdesk init, demo, check,
 * user). Each takes the arguments after the command name (argv[0] is the
 * command) and the database path chosen by --db or the default, and
 * returns the process exit status: 0 success, 1 failure, 2 usage error.
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

/* Resolves the database path: ctx->db_path, else the default. Returns 0,
 * or -1 after printing why to ctx->err. */
int cli_db_path(const struct cli_ctx *ctx, char *buf, size_t n);

/* Opens the database for a command, printing the reason on failure. */
int cli_open(const struct cli_ctx *ctx, const char *path, int flags, struct db **out);

#endif
