/*
 * coopdesk/subject_access.h: everything the co-op holds about one member,
 * for a UK GDPR subject access request (domain.md "Other duties"): read
 * section by section, row by row, for src/report/subject_access.c to write
 * as a document or as JSON.
 *
 * The sections, in order (subject_access_section_name/_title):
 *   member         their entry in the register of members
 *   property       other property they hold (loans, deposits)
 *   offices        offices they held (the register of officers)
 *   shares         their share operations
 *   tenancies      the tenancies they signed, with the home
 *   occupants      the others listed as living in those tenancies' homes
 *   rent           the rent accounts of those tenancies: every row
 *   repairs        repairs they reported, and repairs on a home while
 *                  they held its tenancy
 *   repair_events  those repairs' histories
 *   attendance     meetings they attended
 *   votes          votes they cast at a roll call
 *   participation  their participation (meetings, hours)
 *   complaints     complaints they made
 *   requests       their subject access requests
 *   user_account   their login account: never its password hash
 *   audit          the audit trail's entries about every row above (a
 *                  user account's entries without its password hash)
 * Another member's name or details never appear: a co-signatory of their
 * tenancy, the member who reported a repair on their home, or whose
 * proxy they held, is not named.
 *
 * Board only (it reads the audit trail): DB_DENIED for anyone else.
 */
#ifndef COOPDESK_SUBJECT_ACCESS_H
#define COOPDESK_SUBJECT_ACCESS_H

#include <stdint.h>

#include "coopdesk/db.h"

enum sa_section {
	SA_MEMBER, SA_PROPERTY, SA_OFFICES, SA_SHARES, SA_TENANCIES, SA_OCCUPANTS, SA_RENT,
	SA_REPAIRS, SA_REPAIR_EVENTS, SA_ATTENDANCE, SA_VOTES, SA_PARTICIPATION,
	SA_COMPLAINTS, SA_REQUESTS, SA_USER, SA_AUDIT, SA_COUNT
};

/* A value as read: its text (NULL for none), and whether it is a whole
 * number (a count, pence, a number; columns named *_pence hold pence). */
struct sa_value {
	const char *name;
	const char *text;
	int is_int;
};

struct sa_reader {
	/* A section begins; then its rows; then it ends with how many. Each
	 * returns 0 to go on, or a db status to stop with. */
	int (*begin)(void *ctx, enum sa_section s);
	int (*row)(void *ctx, enum sa_section s, const struct sa_value *v, int n);
	int (*end)(void *ctx, enum sa_section s, int64_t rows);
};

/* The section's JSON name ("repair_events") and its title ("Repairs:
 * their histories"). */
const char *subject_access_section_name(enum sa_section s);
const char *subject_access_section_title(enum sa_section s);

/* Checks that `who` may read member `member_id`'s whole record and that
 * the member exists: DB_OK, DB_DENIED or DB_NOTFOUND in words. */
int subject_access_check(struct db *db, const struct actor *who, int64_t member_id);

/* Reads every section in order through r (subject_access_check first).
 * Each section's statement streams its rows: memory does not grow with a
 * long rent account or audit trail. */
int subject_access_read(struct db *db, const struct actor *who, int64_t member_id,
			const struct sa_reader *r, void *ctx);

#endif
