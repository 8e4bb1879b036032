/*
 * src/cli/common.c: what every command shares.
 */
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

void cli_remove_db(const char *path)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char buf[PATH_MAX + 16];
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(buf, sizeof buf, "%s%s", path, suffix[i]);
		unlink(buf);
	}
}

int cli_building(const char *path, char *tmp, size_t n)
{
	/* Files left building by a run that was killed: its process is gone. */
	char pattern[PATH_MAX + 32];
	glob_t found;
	snprintf(pattern, sizeof pattern, "%s.making-*", path);
	if (glob(pattern, GLOB_NOSORT, NULL, &found) == 0) {
		for (size_t i = 0; i < found.gl_pathc; i++) {
			const char *dash = strrchr(found.gl_pathv[i], '-');
			char *end;
			long pid = strtol(dash + 1, &end, 10);
			if (*end == '\0' && pid > 0 && kill((pid_t)pid, 0) != 0 && errno == ESRCH)
				cli_remove_db(found.gl_pathv[i]);
		}
		globfree(&found);
	}
	if ((size_t)snprintf(tmp, n, "%s.making-%ld", path, (long)getpid()) >= n)
		return -1;
	cli_remove_db(tmp);
	return 0;
}

int cli_put_in_place(const struct cli_ctx *ctx, const char *prog, const char *tmp,
		     const char *path)
{
	if (link(tmp, path) != 0) {
		fprintf(ctx->err, "%s: cannot make %s: %s; nothing was made\n", prog, path,
			errno == EEXIST ? "it appeared meanwhile" : strerror(errno));
		cli_remove_db(tmp);
		return -1;
	}
	unlink(tmp);
	char copy[PATH_MAX];
	snprintf(copy, sizeof copy, "%s", path);
	int fd = open(dirname(copy), O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
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
	if (ctx->read_only && (flags & DB_OPEN_CREATE)) {
		fprintf(ctx->err, "coopdesk: --read-only opens a co-op for viewing;"
			" it cannot make one\n");
		*out = NULL;
		return DB_INVALID;
	}
	if (ctx->read_only)
		flags |= DB_OPEN_READONLY;
	int rc = db_open(path, flags, out, err, sizeof err);
	if (rc) {
		if (flags & DB_OPEN_CREATE)
			fprintf(ctx->err, "coopdesk: the co-op could not be made: %s\n", err);
		else
			fprintf(ctx->err, "coopdesk: %s\n", err);
		return rc;
	}
	if (db_damaged(*out))
		fprintf(ctx->err, "coopdesk: warning: %s\n", db_damaged(*out));
	/* Everything shown from here on is in the co-op's own zone. */
	char said[CLI_INERT_BUFSZ(512)];
	if (setting_zone_apply(*out) == DB_INVALID)
		fprintf(ctx->err, "coopdesk: warning: %s; times are shown in %s\n",
			cli_inert(db_errmsg(*out), said, sizeof said),
			zone_name()[0] ? zone_name() : "this machine's zone");
	return rc;
}
