/*
 * coopdesk/import.h: what the import commands (coopdesk import, src/cli/
 * import.c) need of the database beyond the registers' own functions, which
 * do the writing (share_admit, home_create, tenancy_create, rent_post,
 * repair_report, contractor_create), so that an imported row is checked
 * and audited exactly as one typed on a screen.
 *
 * The record of imports (schema 9, table imports): each import written is
 * noted with its file's SHA-256, so the same file is never imported twice.
 */
#ifndef COOPDESK_IMPORT_H
#define COOPDESK_IMPORT_H

#include <stdint.h>

#include "coopdesk/db.h"

#define IMPORT_LOGIN_MAX 64

/* A past import. */
struct import_done {
	int64_t id;
	char kind[16];
	char file_name[4097];
	int64_t rows;
	char actor[321];
	char login[IMPORT_LOGIN_MAX + 1];
	char imported_at[21];        /* "2026-11-22T14:05:00Z" (UTC) */
};

/* The import of `kind` of the file whose SHA-256 is `sha256` (64 lower-case
 * hex digits), into *out: DB_OK, or DB_NOTFOUND when there was none. Board
 * (and the command line) only. */
int import_find(struct db *db, const struct actor *who, const char *kind, const char *sha256,
		struct import_done *out);

/* Notes an import of `rows` rows of `kind` from `file_name` (its SHA-256),
 * by `who` and the person logged in as `login` ("" unknown): in the
 * caller's transaction when one is open. DB_CONSTRAINT when the same file
 * was imported as that kind before. Board only. */
int import_note(struct db *db, const struct actor *who, const char *kind, const char *file_name,
		const char *sha256, int64_t rows, const char *login);

/* Light look-ups for checking a file's rows (no access check: the caller
 * holds the board's or the command line's access). Each returns DB_OK with
 * the id, or DB_NOTFOUND. */
int import_member_id(struct db *db, int64_t member_no, int64_t *id);
int import_home_id(struct db *db, const char *ref, int64_t *id);
/* A contractor by name, ignoring case and spaces around. */
int import_contractor_id(struct db *db, const char *name, int64_t *id);
/* The tenancy of home `home_id` on `date` (ISO): started on or before it and
 * not ended before it. */
int import_tenancy_on(struct db *db, int64_t home_id, const char *date, int64_t *id);

#endif
