/*
 * coopdesk/settings.h: the co-op's rule numbers (domain.md, every number a
 * default the board may change) and the bank-holiday table.
 */
#ifndef COOPDESK_SETTINGS_H
#define COOPDESK_SETTINGS_H

#include <stdint.h>

#include "coopdesk/date.h"
#include "coopdesk/db.h"

#define SETTING_KEY_MAX 40
#define SETTING_VALUE_MAX 200

struct setting {
	char key[SETTING_KEY_MAX + 1];
	char value[SETTING_VALUE_MAX * 4 + 1];
	char kind[12];            /* integer, money, text, boolean, date */
	int64_t min_value, max_value;
	int has_min, has_max;
	char description[512];
	char source[128];
	int64_t version;
	/* The rule's lawful default (schema 12); has_default 0 for what is the
	 * co-op's own (its name, its address). */
	char default_value[SETTING_VALUE_MAX * 4 + 1];
	int has_default;
};

/* Reads one setting as an integer (integer, money, boolean kinds). Returns
 * DB_NOTFOUND for an unknown key, DB_INVALID when it is not a number. */
int setting_int(struct db *db, const char *key, int64_t *out);

/* Reads one setting's text into buf. */
int setting_text(struct db *db, const char *key, char *buf, size_t n);

/* Reads the whole record (for the settings screen). */
int setting_get(struct db *db, const char *key, struct setting *out);

/* Changes a setting (board only). `version` is the version the person saw;
 * a newer one in the database gives DB_CONFLICT. The database checks the
 * kind and range and refuses with a sentence (DB_CONSTRAINT); a number
 * setting's value that is not all digits ("2.5", which the schema's check
 * would let by) is refused here in the same words and status. This
 * function refuses with DB_INVALID a value holding control characters or
 * direction-changing marks (text_name_problem), an empty coop_name, and a
 * time_zone the tz database on this machine does not know ("Atlantis/Lost
 * is not a time zone this machine knows (see /usr/share/zoneinfo)"). A new
 * time_zone is not put in force here: call setting_zone_apply. */
int setting_set(struct db *db, const struct actor *who, const char *key,
		const char *value, int64_t version);

/* Puts the setting back to its default (setting_set's checks and
 * refusals, `version` as read); DB_INVALID, in words, for a setting that
 * has none. */
int setting_reset(struct db *db, const struct actor *who, const char *key, int64_t version);
/* As setting_set, for a command that has shown nothing first (coopdesk
 * settings set): the setting is read and written in one transaction, so a
 * change another terminal made a moment before is simply replaced, as the
 * command asked, never refused as a conflict. *was gets the value it had. */
int setting_set_now(struct db *db, const struct actor *who, const char *key,
		    const char *value, struct setting *was);

/* Puts the co-op's time_zone setting in force for the whole process
 * (zone_set: every local date and time shown, "today"). Called whenever a
 * command or the interface opens a co-op (cli_open). DB_OK when it is in
 * force; DB_INVALID, in words, when this machine's tz database lacks it
 * (the zone in force is kept); DB_NOTFOUND when the database has no such
 * setting (opened read-only before schema 2). */
int setting_zone_apply(struct db *db);

/* Page through the settings in key order. */
int setting_page(struct db *db, const struct actor *who, enum page_dir dir,
		 const struct page_key *key, struct setting *rows, int max, int *n);

/* Loads the bank holidays between two dates (inclusive, ISO) into a sorted
 * array of day numbers that the caller frees with free(h->days). */
int holidays_load(struct db *db, const char *from, const char *to, struct holidays *h);

/* Adds or removes a bank holiday (board only). */
int holiday_add(struct db *db, const struct actor *who, const char *day, const char *name);
int holiday_remove(struct db *db, const struct actor *who, const char *day);

#endif
