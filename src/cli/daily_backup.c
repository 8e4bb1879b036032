/*
 * src/cli/daily_backup.c: the automatic daily backup, made on the first
 * start of the interface on each day (the co-op's zone) into
 * $XDG_DATA_HOME/coopdesk/backups/ with the same online backup and check
 * as `coopdesk backup`, the co-op's copies older than its backup_days
 * setting removed. Silent unless it fails. COOPDESK_DAILY_BACKUP=off turns
 * it off (a machine whose backups are made otherwise; the test suite).
 *
 * A copy is named STEM-HASH-YYYY-MM-DD.db: STEM is the database file's
 * name (coop for coop.db), HASH eight hex digits of its full path, so that
 * two co-ops, or two files both named coop.db, never share or prune each
 * other's copies. Today's copy there means today's backup is made: no note
 * is kept in the database, so the check costs one stat and no write.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopdesk/backup.h"
#include "coopdesk/cli.h"
#include "coopdesk/date.h"
#include "coopdesk/settings.h"

#define BACKUP_DAYS_DEFAULT 14

/* $XDG_DATA_HOME/coopdesk/backups (an absolute XDG_DATA_HOME), else
 * ~/.local/share/coopdesk/backups; -1 when neither can be worked out. */
int cli_backups_folder(char *buf, size_t n)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int len;
	if (xdg && *xdg == '/')
		len = snprintf(buf, n, "%s/coopdesk/backups", xdg);
	else if (home && *home)
		len = snprintf(buf, n, "%s/.local/share/coopdesk/backups", home);
	else
		return -1;
	return len < 0 || (size_t)len >= n ? -1 : 0;
}

/* mkdir -p, each folder made private (0700). */
static int make_folder(const char *path)
{
	char buf[PATH_MAX];
	if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
		return -1;
	for (char *p = buf + 1;; p++) {
		if (*p != '/' && *p)
			continue;
		char keep = *p;
		*p = '\0';
		struct stat st;
		if (mkdir(buf, 0700) != 0 && errno != EEXIST)
			return -1;
		if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return -1;
		}
		if (!keep)
			return 0;
		*p = keep;
	}
}

/* "coop-1a2b3c4d-" for /home/x/.local/share/coopdesk/coop.db. */
static void copy_prefix(const char *path, char *buf, size_t n)
{
	char real[PATH_MAX];
	const char *full = realpath(path, real) ? real : path;
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const char *p = full; *p; p++)
		h = (h ^ (unsigned char)*p) * 16777619u;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	size_t len = strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".db") == 0)
		len -= 3;
	if (len > 64)
		len = 64;
	char stem[65];
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)base[i];
		stem[i] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			  c == '.' || c == '_' ? (char)c : '_';
	}
	stem[len] = '\0';
	snprintf(buf, n, "%s-%08x-", stem, (unsigned)h);
}

/* Removes this co-op's copies dated before `oldest_kept` (ISO): 0, or -1
 * with why in words. */
static int prune(const char *folder, const char *prefix, const char *oldest_kept, char *why,
		 size_t n)
{
	DIR *d = opendir(folder);
	if (!d) {
		snprintf(why, n, "cannot read the folder %s: %s", folder, strerror(errno));
		return -1;
	}
	size_t plen = strlen(prefix);
	struct dirent *e;
	int rc = 0;
	while ((e = readdir(d))) {
		const char *name = e->d_name;
		struct date day;
		char iso[16];
		/* PREFIX + YYYY-MM-DD + .db, and nothing else of ours. */
		if (strncmp(name, prefix, plen) != 0 || strlen(name) != plen + 13 ||
		    strcmp(name + plen + 10, ".db") != 0)
			continue;
		snprintf(iso, sizeof iso, "%.10s", name + plen);
		if (date_parse(iso, &day) != DATE_OK || strcmp(iso, oldest_kept) >= 0)
			continue;
		char old[PATH_MAX + 300];
		snprintf(old, sizeof old, "%s/%s", folder, name);
		if (unlink(old) != 0 && errno != ENOENT && !rc) {
			snprintf(why, n, "cannot remove the old backup %s: %s", old, strerror(errno));
			rc = -1;
		}
	}
	closedir(d);
	return rc;
}

int cli_daily_backup(struct db *db, const char *path, char *why, size_t n)
{
	char folder[PATH_MAX], prefix[128], today[DATE_BUFSZ], oldest[DATE_BUFSZ];
	char dest[PATH_MAX + 300], err[600];
	why[0] = '\0';
	const char *off = getenv("COOPDESK_DAILY_BACKUP");
	if (db_read_only(db) || (off && strcmp(off, "off") == 0))
		return 0; /* viewing only: no copy of what may be an old file */
	if (cli_backups_folder(folder, sizeof folder) != 0) {
		snprintf(why, n, "there is nowhere to put it (set HOME or XDG_DATA_HOME)");
		return -1;
	}
	struct date day = date_today();
	date_format_iso(day, today, sizeof today);
	copy_prefix(path, prefix, sizeof prefix);
	snprintf(dest, sizeof dest, "%s/%s%s.db", folder, prefix, today);
	if (access(dest, F_OK) == 0)
		return 0;
	if (make_folder(folder) != 0) {
		snprintf(why, n, "cannot make the folder %s: %s", folder, strerror(errno));
		return -1;
	}
	if (db_backup(db, dest, NULL, err, sizeof err) != DB_OK) {
		snprintf(why, n, "%s (into %s)", err, folder);
		return -1;
	}
	int64_t days = BACKUP_DAYS_DEFAULT;
	if (setting_int(db, "backup_days", &days) != DB_OK || days < 1)
		days = BACKUP_DAYS_DEFAULT;
	date_format_iso(date_add_days(day, (int32_t)(1 - days)), oldest, sizeof oldest);
	return prune(folder, prefix, oldest, why, n);
}
