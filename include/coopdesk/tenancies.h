/*
 * coopdesk/tenancies.h: tenancies, their signatories and other occupants
 * (domain.md "Homes, tenancies and rent").
 *
 * Only members may hold a tenancy (Housing Act 1985 s.5(2)): every
 * signatory is a member for the whole of it. A home has at most one
 * current tenancy, and a home's tenancies never overlap; the schema's
 * triggers refuse both, and their sentences reach db_errmsg unchanged.
 * "Current" means no end date is recorded. A tenancy's end date is the day
 * it ends: the next one may start that same day.
 *
 * Who sees what: the board and volunteers see every tenancy; a member sees
 * only the tenancies they hold or held as a signatory, and asking for any
 * other answers DB_NOTFOUND. Volunteers do not see notes, the reason a
 * tenancy ended, or occupants' dates of birth (they come back empty). Only
 * the board writes.
 *
 * A tenancy read whole carries its signatories and occupants in fixed
 * arrays: at most TENANCY_MAX_SIGNATORIES signatories (creating one with
 * more is refused) and the first TENANCY_MAX_OCCUPANTS occupants
 * (occupants_total says how many there are in all).
 */
#ifndef COOPDESK_TENANCIES_H
#define COOPDESK_TENANCIES_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/homes.h"
#include "coopdesk/members.h"

#define TENANCY_MAX_SIGNATORIES 6
#define TENANCY_MAX_OCCUPANTS 12
#define TENANCY_KIND_LEN 16          /* "assured", "secure", "licence", "other" */
#define TENANCY_REASON_MAX 200       /* characters; the schema holds the same */
#define TENANCY_NOTES_MAX 2000
#define OCCUPANT_NAME_MAX 100
#define OCCUPANT_RELATIONSHIP_MAX 40

struct tenancy_signatory {
	int64_t member_id;
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	char ceased_on[ISO_DATE_LEN];    /* "" while a member */
};

struct tenancy_occupant {
	int64_t id;
	int64_t tenancy_id;
	char name[OCCUPANT_NAME_MAX * 4 + 1];
	char relationship[OCCUPANT_RELATIONSHIP_MAX * 4 + 1];  /* "daughter", "lodger" */
	char date_of_birth[ISO_DATE_LEN];                       /* "" if not given */
	char from_date[ISO_DATE_LEN];                           /* moved in */
	char to_date[ISO_DATE_LEN];                             /* "" while living there */
	int64_t version;
};

/* One whole tenancy. */
struct tenancy {
	int64_t id;
	char uuid[37];
	int64_t home_id;
	char home_ref[HOME_REF_MAX * 4 + 1];
	char home_address[HOME_ADDRESS_MAX * 4 + 1];
	char kind[TENANCY_KIND_LEN];       /* "" on create means "assured" */
	char start_date[ISO_DATE_LEN];
	char end_date[ISO_DATE_LEN];       /* "" while current */
	char end_reason[TENANCY_REASON_MAX * 4 + 1];
	char notes[TENANCY_NOTES_MAX * 4 + 1];
	int64_t version;
	int nsignatories;
	struct tenancy_signatory signatories[TENANCY_MAX_SIGNATORIES];
	int noccupants;                    /* how many are in occupants[] */
	int occupants_total;               /* how many the tenancy has */
	struct tenancy_occupant occupants[TENANCY_MAX_OCCUPANTS];
};

/* A row of the tenancies list. */
struct tenancy_row {
	int64_t id;
	int64_t home_id;
	char home_ref[HOME_REF_MAX * 4 + 1];
	char home_address[HOME_ADDRESS_MAX * 4 + 1];
	char kind[TENANCY_KIND_LEN];
	char start_date[ISO_DATE_LEN];
	char end_date[ISO_DATE_LEN];
	char tenants[HOME_TENANTS_LEN];    /* signatories' names, joined with ", " */
};

enum tenancy_sort { TENANCY_BY_START, TENANCY_BY_HOME };
enum tenancy_which { TENANCIES_ALL, TENANCIES_CURRENT, TENANCIES_FORMER };

/* Starts a tenancy of t->home_id from t->start_date (ISO), of t->kind, with
 * t->notes, held by the members `signatories` (1 to
 * TENANCY_MAX_SIGNATORIES ids, each once), all in one transaction: nothing
 * is saved unless all is. On success t is read back whole (id, uuid,
 * version 1, signatories). Board only.
 * DB_INVALID: no signatory, too many, one named twice, a member or home
 * that does not exist. DB_CONSTRAINT with the schema's sentence: not a real
 * date, an unknown kind, an overlap with another tenancy of the home, or a
 * signatory who is not a member for the whole of it (entered on the
 * register after the start, or ceased). */
int tenancy_create(struct db *db, const struct actor *who, struct tenancy *t,
		   const int64_t *signatories, int nsignatories);

/* tenancy_create and then tenancy_occupant_add for each of `occupants`
 * (their tenancy_id is set; an empty from_date means the tenancy's start),
 * all in one transaction: either the tenancy starts with every occupant
 * listed, or nothing is saved. On success t is read back whole. Errors as
 * those two functions. */
int tenancy_start(struct db *db, const struct actor *who, struct tenancy *t,
		  const int64_t *signatories, int nsignatories,
		  const struct tenancy_occupant *occupants, int noccupants);

/* Reads one tenancy whole. DB_NOTFOUND if none (or not one this member may
 * see). */
int tenancy_get(struct db *db, const struct actor *who, int64_t id, struct tenancy *t);

/* The home's current tenancy, whole. DB_NOTFOUND when the home is vacant,
 * does not exist, or is not this member's. */
int tenancy_current_for_home(struct db *db, const struct actor *who, int64_t home_id,
			     struct tenancy *t);

/* The current tenancy a member holds as a signatory. A member may ask only
 * about themselves. DB_NOTFOUND when they hold none. */
int tenancy_for_member(struct db *db, const struct actor *who, int64_t member_id,
		       struct tenancy *t);

/* Ends a tenancy on `end_date` (ISO; after its start, not after today) for
 * `reason` (may be empty). `version` is the version read: DB_CONFLICT if it
 * moved on. Occupants still living there are recorded as leaving that day.
 * Rent charges already posted for days after the end stay on the account:
 * correct them with an adjustment (rent.h). Board only. DB_INVALID: already ended, a date still to come.
 * DB_CONSTRAINT: not a real date, on or before the start, a reason too long. */
int tenancy_end(struct db *db, const struct actor *who, int64_t id, const char *end_date,
		const char *reason, int64_t version);

/* Adds an occupant who is not a signatory (o->name, relationship,
 * date_of_birth, from_date; to_date may be empty) to tenancy `o->tenancy_id`.
 * On success o->id and version are set. Board only. DB_INVALID: no such
 * tenancy, a move-in date before the tenancy starts or after it ended.
 * DB_CONSTRAINT with the schema's sentence for the fields. */
int tenancy_occupant_add(struct db *db, const struct actor *who, struct tenancy_occupant *o);

/* Records that an occupant left on `to_date` (ISO). `version` as above.
 * Board only. DB_INVALID: already left. DB_CONSTRAINT: not a real date, or
 * before they moved in. */
int tenancy_occupant_end(struct db *db, const struct actor *who, int64_t occupant_id,
			 const char *to_date, int64_t version);

/* One page of tenancies: `which` current, former or all; `home_id` 0 for
 * every home, else that home's only; in `sort` order (by start date, or by
 * home, in the order homes were added, then start date; each served by an
 * index), after/before `key` (NULL for PAGE_FIRST and
 * PAGE_LAST). Rows come back in display order; *n is how many (at most
 * `max`). A member sees only their own. */
int tenancy_page(struct db *db, const struct actor *who, enum tenancy_which which,
		 int64_t home_id, enum tenancy_sort sort, enum page_dir dir,
		 const struct page_key *key, struct tenancy_row *rows, int max, int *n);

/* The paging key of a row in the given sort. */
void tenancy_row_key(const struct tenancy_row *r, enum tenancy_sort sort, struct page_key *key);

/* How many tenancies are current (kept by triggers). Board and volunteers
 * only: a member gets DB_DENIED. */
int tenancy_count_current(struct db *db, const struct actor *who, int64_t *n);

#endif
