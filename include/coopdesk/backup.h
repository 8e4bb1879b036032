/*
 * coopdesk/backup.h: a copy of the co-op taken safely while others use it,
 * and a copy put back only when it is whole, coopdesk's, and nobody has the
 * co-op open.
 *
 * A backup goes through SQLite's online backup API into a temporary file
 * beside the one asked for, is checked (integrity_check) and only then
 * renamed into place: an interrupted backup leaves no file that looks done.
 * A restore checks the copy the same way and with the co-op's own checks
 * (check.h), keeps the file it replaces aside, named with the time, and
 * renames the checked copy into place.
 */
#ifndef COOPDESK_BACKUP_H
#define COOPDESK_BACKUP_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/db.h"

/* Copies the open co-op `db` into `dest`, which must not exist yet. The
 * copy is one file (no journal beside it), private (0600), and passed
 * SQLite's integrity check. *bytes, if given, is its size. On failure
 * nothing is left at `dest` and err says why in words. */
int db_backup(struct db *db, const char *dest, int64_t *bytes, char *err, size_t errlen);

/* Is the co-op at `path` open in another program (a coopdesk at another
 * terminal, say)? 1 yes, 0 no (or no such file), -1 could not tell (err
 * says why). Asks the lock every SQLite connection holds on the file's
 * shared memory while it is open, so an idle terminal counts too. */
int db_in_use(const char *path, char *err, size_t errlen);

/* Puts the backup `src` in place of the co-op at `path` (which need not
 * exist). Refused in words (DB_NOTOURS, DB_INVALID, DB_BUSY, DB_IO) when
 * `src` is not an SQLite file, not coopdesk's, from a newer coopdesk,
 * damaged, or fails the co-op's checks, or when the co-op is open
 * elsewhere; nothing is changed then. The file replaced is renamed to
 * `path`.before-restore-YYYYMMDDTHHMMSSZ (UTC), given in `aside` ("" when
 * there was none). An older backup is brought up to this schema first. */
int db_restore(const char *src, const char *path, char *aside, size_t asidelen,
	       char *err, size_t errlen);

#endif
