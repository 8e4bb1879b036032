/*
 * coopdesk/officers.h: the register of officers (the Act s.30(3)): name,
 * address, office, the date they became an officer and the date they
 * ceased. Former officers stay on the register with the date they ceased;
 * nothing here deletes one. Everyone logged in may read it; only the board
 * writes.
 */
#ifndef COOPDESK_OFFICERS_H
#define COOPDESK_OFFICERS_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/members.h"

#define OFFICER_NAME_MAX 100       /* characters; the schema holds the same */
#define OFFICER_ADDRESS_MAX 300

/* In the order the register sorts them (the schema's own words). */
enum officer_office {
	OFFICE_CHAIR, OFFICE_DIRECTOR, OFFICE_OTHER, OFFICE_SECRETARY, OFFICE_TREASURER,
	OFFICE_VICE_CHAIR, OFFICE_COUNT
};

struct officer {
	int64_t id;
	char uuid[37];
	int64_t member_id;             /* their entry in the register of members; 0 if none */
	char name[OFFICER_NAME_MAX * 4 + 1];
	char address[OFFICER_ADDRESS_MAX * 4 + 1];
	enum officer_office office;
	char became_on[ISO_DATE_LEN];
	char ceased_on[ISO_DATE_LEN];  /* "" while in office */
	int64_t version;
};

/* A row of the list. */
struct officer_row {
	int64_t id;
	int64_t member_id;
	char name[OFFICER_NAME_MAX * 4 + 1];
	enum officer_office office;
	char became_on[ISO_DATE_LEN];
	char ceased_on[ISO_DATE_LEN];
};

enum officer_which { OFFICERS_ALL, OFFICERS_CURRENT, OFFICERS_FORMER };

/* For people: "chair", "vice-chair", "secretary", ... ("?" if unknown). */
const char *officer_office_name(enum officer_office office);

/* Reads "chair", "vice-chair" (or "vice_chair"), "secretary", "treasurer",
 * "director", "other"; returns -1 for anything else. */
int officer_office_parse(const char *s);

/* Enters an officer on the register. When o->member_id names a member, an
 * empty name or address is copied from their entry. became_on is required;
 * ceased_on may be "" (dates ISO, or anything date_parse reads; stored as
 * ISO). On success o->id, uuid, version and the dates (as ISO) are filled
 * in. Board only. DB_NOTFOUND: no such member. DB_INVALID: a bad date, a
 * day to come, an office not known, or a member who had ceased to be one
 * by the day they became an officer (a member's office ends with their
 * membership: members.h's member_cease). DB_CONSTRAINT: the schema's
 * sentence (name, address, dates). */
int officer_create(struct db *db, const struct actor *who, struct officer *o);

/* Reads one officer. DB_NOTFOUND if none. Anyone logged in. */
int officer_get(struct db *db, const struct actor *who, int64_t id, struct officer *o);

/* Saves every field of an officer, ceased_on included (so a wrong date of
 * ceasing can be put right; "" puts them back in office). o->version must be
 * the version read: DB_CONFLICT says who saved since, and nothing is saved.
 * On success o->version is the new version. Board only. Errors as create. */
int officer_update(struct db *db, const struct actor *who, struct officer *o);

/* Records that an officer ceased to hold office on `ceased_on`. `version`
 * as read. Board only. DB_NOTFOUND, DB_CONFLICT, DB_INVALID (a bad date),
 * DB_CONSTRAINT "an officer cannot cease before they became one". */
int officer_cease(struct db *db, const struct actor *who, int64_t id, const char *ceased_on,
		  int64_t version);

/* One page of the register, by office then the date they became one, after
 * or before `key` (NULL for PAGE_FIRST/PAGE_LAST). Rows come back in
 * display order; *n is how many (at most `max`). Anyone logged in. */
int officer_page(struct db *db, const struct actor *who, enum officer_which which,
		 enum page_dir dir, const struct page_key *key,
		 struct officer_row *rows, int max, int *n);

/* The paging key of a row: text the office, num the date as YYYYMMDD. */
void officer_row_key(const struct officer_row *r, struct page_key *key);

#endif
