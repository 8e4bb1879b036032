/*
 * src/cli/common.c: what every command shares.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/cli.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"

int cli_db_path(const struct cli_ctx *ctx, char *buf, size_t n)
{
	if (ctx->db_path) {
		if (strlen(ctx->db_path) >= n) {
			fprintf(ctx->err, "coopdesk: the database path is too long\n");
			return -1;
		}
		strcpy(buf, ctx->db_path);
		return 0;
	}
	if (db_default_path(buf, n) != 0) {
		fprintf(ctx->err, "coopdesk: cannot work out where the data lives"
			" (set HOME or XDG_DATA_HOME, or give --db FILE)\n");
		return -1;
	}
	return 0;
}

const char *cli_inert(const char *s, char *buf, size_t n)
{
	text_inert(s, buf, n);
	return buf;
}

int cli_open(const struct cli_ctx *ctx, const char *path, int flags, struct db **out)
{
	char err[600];
	int rc = db_open(path, flags, out, err, sizeof err);
	if (rc) {
		fprintf(ctx->err, "coopdesk: %s\n", err);
		return rc;
	}
	/* Everything shown from here on is in the co-op's own zone. */
	char said[CLI_INERT_BUFSZ(512)];
	if (setting_zone_apply(*out) == DB_INVALID)
		fprintf(ctx->err, "coopdesk: warning: %s; times are shown in %s\n",
			cli_inert(db_errmsg(*out), said, sizeof said),
			zone_name()[0] ? zone_name() : "this machine's zone");
	return rc;
}
