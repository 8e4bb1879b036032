/*
 * coopdesk/access.h: what each role may do (domain.md "People and roles").
 *
 * The data layer asks access_level() at the top of every call; the UI may ask
 * it too, to hide what would be refused, but the refusal is the data layer's.
 * The table in src/db/access.c is the one doc/security.md describes.
 */
#ifndef COOPDESK_ACCESS_H
#define COOPDESK_ACCESS_H

#include "coopdesk/db.h"

/* The areas of the co-op's records. */
enum area {
	AREA_REGISTER,   /* register of members without share/property entries */
	AREA_SHARES,     /* share register, other property (loans, deposits) */
	AREA_OFFICERS,   /* register of officers */
	AREA_HOMES,      /* homes and their rent rates */
	AREA_TENANCIES,  /* tenancies, signatories, occupants */
	AREA_RENT,       /* rent ledger and balances */
	AREA_REPAIRS,    /* repairs, their events, contractors */
	AREA_MEETINGS,   /* meetings, attendance, motions, votes, results */
	AREA_DECISIONS,  /* board decisions and their actions */
	AREA_PARTICIPATION,
	AREA_COMPLAINTS,
	AREA_USERS,      /* user accounts */
	AREA_AUDIT,      /* the audit trail */
	AREA_SETTINGS,   /* the co-op's rule numbers and bank holidays */
	AREA_COUNT
};

enum access_op { OP_READ, OP_WRITE };

/* How much of an area a role reaches: none, only the actor's own records
 * (their member entry, their tenancy and home, their repairs), or all. */
enum access_level { ACCESS_NONE = 0, ACCESS_OWN, ACCESS_ALL };

/* The level for this actor, area and operation. A NULL actor has none. */
enum access_level access_level(const struct actor *who, enum area a, enum access_op op);

/* Human names, for messages and the role table in doc/security.md. */
const char *access_area_name(enum area a);
const char *access_role_name(enum role r);

/* Parses "board", "volunteer", "member"; returns ROLE_NONE otherwise. */
enum role access_role_parse(const char *s);

/* "May this user open this?", asked before showing a screen: DB_OK when the
 * role reaches the area for `op` at all (its own records or all of them:
 * access_level tells which), else DB_DENIED with the sentence a refused
 * call gives, in db_errmsg(db) ("a member may not see board decisions").
 * It reads and writes nothing in the database and opens no transaction;
 * on DB_OK the handle's last message is left as it was. Finer refusals
 * within an area (only the board adds accounts) are the calls' own. */
int db_may(struct db *db, const struct actor *who, enum area a, enum access_op op);

#endif
