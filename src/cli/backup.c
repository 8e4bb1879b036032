/*
 * src/cli/backup.c: coopdesk backup FILE and coopdesk restore FILE.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/backup.h"
#include "coopdesk/cli.h"

static const char backup_usage[] =
	"usage: coopdesk [--db FILE] backup BACKUP\n"
	"Copies the co-op into BACKUP (a new file), safely while others use it: the\n"
	"copy is one private file, checked whole before it is called done.\n"
	"Exit status: 0 done, 1 not done (the reason is given), 2 usage.\n";

static const char restore_usage[] =
	"usage: coopdesk [--db FILE] restore BACKUP\n"
	"Puts BACKUP in place of the co-op. Refused, changing nothing, when BACKUP is\n"
	"not a coopdesk database, is from a newer coopdesk, is damaged or fails the\n"
	"co-op's checks, or while the co-op is open at another terminal. The file it\n"
	"replaces is kept beside it, named FILE.before-restore-YYYYMMDDTHHMMSSZ (UTC).\n"
	"Exit status: 0 done, 1 not done (the reason is given), 2 usage.\n";

/* The one argument both take, and --db; 0, or the exit status. */
static int one_file(const struct cli_ctx *ctx, int argc, char **argv, const char *name,
		    const char *usage, struct cli_ctx *local, const char **file)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	*local = *ctx;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local->db_path = optarg; break;
		case 'h': fputs(usage, ctx->out); return -1;
		default: fputs(usage, ctx->err); return 2;
		}
	}
	if (optind + 1 != argc) {
		fprintf(ctx->err, "coopdesk %s: %s\n%s", name,
			optind == argc ? "which file? give the backup's name" : "one file only",
			usage);
		return 2;
	}
	*file = argv[optind];
	return 0;
}

static void said(const struct cli_ctx *ctx, const char *name, const char *err)
{
	char shown[CLI_INERT_BUFSZ(1024)];
	fprintf(ctx->err, "coopdesk %s: %s\n", name, cli_inert(err, shown, sizeof shown));
}

int cmd_backup(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_ctx local;
	const char *file;
	int rc = one_file(ctx, argc, argv, "backup", backup_usage, &local, &file);
	if (rc)
		return rc < 0 ? 0 : rc;
	char path[PATH_MAX], err[1024];
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	int64_t bytes = 0;
	rc = db_backup(db, file, &bytes, err, sizeof err);
	db_close(db);
	if (rc) {
		said(ctx, "backup", err);
		return 1;
	}
	fprintf(ctx->out, "Backed up %s to %s (%lld KiB, checked whole)\n", path, file,
		(long long)((bytes + 1023) / 1024));
	return 0;
}

int cmd_restore(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_ctx local;
	const char *file;
	int rc = one_file(ctx, argc, argv, "restore", restore_usage, &local, &file);
	if (rc)
		return rc < 0 ? 0 : rc;
	char path[PATH_MAX], err[1024], aside[PATH_MAX + 64];
	if (ctx->read_only) {
		fprintf(ctx->err, "coopdesk restore: --read-only opens the co-op for viewing;"
			" it cannot be restored so; nothing was changed\n");
		return 1;
	}
	if (cli_db_path(&local, path, sizeof path) != 0)
		return 1;
	if (db_restore(file, path, aside, sizeof aside, err, sizeof err)) {
		said(ctx, "restore", err);
		fprintf(ctx->err, "coopdesk restore: nothing was changed\n");
		return 1;
	}
	fprintf(ctx->out, "Restored %s from %s\n", path, file);
	if (aside[0])
		fprintf(ctx->out, "The co-op as it was is kept as %s\n", aside);
	return 0;
}
