/*
 * coopdesk/homes.h: the co-op's homes and their rent rates (domain.md
 * "Homes, tenancies and rent").
 *
 * Who sees what: the board and volunteers see every home and its rates; a
 * member sees only the homes of tenancies they hold or held as a signatory,
 * and asking for any other answers DB_NOTFOUND, as if it did not exist.
 * Only the board writes.
 *
 * Rent is set per home with effective-dated rates: a change is a new rate
 * from a later date, never an edit. Tenancies are in coopdesk/tenancies.h,
 * the rent account in coopdesk/rent.h.
 *
 * Buffers are sized for UTF-8: a limit of N characters needs up to 4N bytes.
 */
#ifndef COOPDESK_HOMES_H
#define COOPDESK_HOMES_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/members.h"
#include "coopdesk/rent_calc.h"

#define HOME_REF_MAX 20          /* characters; the schema holds the same limits */
#define HOME_ADDRESS_MAX 300
#define HOME_STREET_MAX 100
#define HOME_POSTCODE_MAX 10
#define HOME_NOTES_MAX 2000
#define HOME_KIND_LEN 16         /* "house", "flat", "maisonette", "bungalow", "bedsit" */
/* The current signatories' names joined with ", " (TENANCY_MAX_SIGNATORIES
 * of them at most). */
#define HOME_TENANTS_LEN (6 * (MEMBER_NAME_MAX * 4 + 2) + 1)

/* One whole home. */
struct home {
	int64_t id;
	char uuid[37];
	char ref[HOME_REF_MAX * 4 + 1];         /* the co-op's own: "H-012", "4B" */
	char address[HOME_ADDRESS_MAX * 4 + 1]; /* full postal address */
	char street[HOME_STREET_MAX * 4 + 1];   /* for sorting and grouping */
	char postcode[HOME_POSTCODE_MAX * 4 + 1];
	char kind[HOME_KIND_LEN];
	int bedrooms;                           /* 0 (bedsit) to 12 */
	int in_use;                             /* 0: out of use (works, sold) */
	char notes[HOME_NOTES_MAX * 4 + 1];
	int64_t version;
};

/* A row of the homes list: small, with who lives there and the rent now. */
struct home_row {
	int64_t id;
	char ref[HOME_REF_MAX * 4 + 1];
	char address[HOME_ADDRESS_MAX * 4 + 1];
	char street[HOME_STREET_MAX * 4 + 1];
	char postcode[HOME_POSTCODE_MAX * 4 + 1];
	char kind[HOME_KIND_LEN];
	int bedrooms;
	int in_use;
	int64_t tenancy_id;                 /* the current tenancy; 0 when vacant */
	char tenants[HOME_TENANTS_LEN];     /* its signatories, "" when vacant */
	int has_rent;                       /* a rate is in force today */
	enum rent_period rent_period;       /* that rate: its period, */
	int64_t rent_pence;                 /* its amount a period, */
	int64_t weekly_rent;                /* and its weekly equivalent */
	int64_t uc_monthly;                 /* its Universal Credit monthly equivalent
	                                     * (with the setting rent_free_weeks) */
	int64_t open_repairs;               /* repairs not closed or cancelled */
};

enum home_sort { HOME_BY_REF, HOME_BY_STREET };
/* Occupied is "let" (a current tenancy), vacant is "void" (in use, no
 * current tenancy), unavailable is out of use (works, sold) with no
 * current tenancy. */
enum home_which { HOMES_ALL, HOMES_OCCUPIED, HOMES_VACANT, HOMES_UNAVAILABLE };

/* A home's status as a list shows it. A home out of use that still has a
 * current tenancy counts as let: the tenancy is what matters to the
 * tenant. */
enum home_status { HOME_LET, HOME_VOID, HOME_UNAVAILABLE };
enum home_status home_row_status(const struct home_row *r);
/* "let", "void", "unavailable"; "?" outside the enum. */
const char *home_status_label(enum home_status s);

/* Adds a home. ref and address are required; kind "" means "house". The
 * home is created in use (in_use 1, whatever h->in_use says). On success
 * h->id, uuid and version are filled in. Board only. DB_CONSTRAINT with
 * the schema's sentence: a reference already used or too long, an address
 * empty or too long, an unknown kind, bedrooms outside 0..12. */
int home_create(struct db *db, const struct actor *who, struct home *h);

/* Reads one home by id, or by its reference. DB_NOTFOUND if none (or not
 * one this member may see). */
int home_get(struct db *db, const struct actor *who, int64_t id, struct home *h);
int home_get_by_ref(struct db *db, const struct actor *who, const char *ref, struct home *h);

/* Saves changes to a home (every field but id and uuid, in_use included).
 * A home with a current tenancy cannot be put out of use (DB_INVALID).
 * h->version must be the version read; if another terminal saved since,
 * DB_CONFLICT says who and when, and nothing is saved. On success
 * h->version is the new version. Board only. */
int home_update(struct db *db, const struct actor *who, struct home *h);

/* One page of homes in `sort` order, after/before `key` (NULL for
 * PAGE_FIRST/PAGE_LAST). `which`: all, occupied (a current tenancy),
 * vacant (in use, no current tenancy) or unavailable (out of use, no
 * current tenancy). `search` (NULL or "" for none) keeps homes whose
 * reference, address or postcode has words starting with those typed, or
 * whose current tenancy has a signatory whose name has them. Each row
 * counts the home's open repairs. Rows come back in display order; *n is how many (at most
 * `max`). The rent shown is the rate in force today (date_today). A member
 * sees only their own homes. HOME_BY_STREET orders by street, then
 * address; its key names a home by id, so a page after a row stays right
 * when rows around it change. */
int home_page(struct db *db, const struct actor *who, enum home_which which,
	      enum home_sort sort, const char *search, enum page_dir dir,
	      const struct page_key *key, struct home_row *rows, int max, int *n);

/* The paging key of a row in the given sort. */
void home_row_key(const struct home_row *r, enum home_sort sort, struct page_key *key);

/* How many homes there are (kept by triggers, so cheap); for a member, how
 * many homes they may see. */
int home_count(struct db *db, const struct actor *who, int64_t *n);

/* ---- rent rates --------------------------------------------------------- */

/* One rent rate of a home, in force from effective_from until the next. */
struct rent_rate {
	int64_t id;
	int64_t home_id;
	char effective_from[ISO_DATE_LEN];
	enum rent_period period;
	int64_t amount_pence;               /* a period */
	char recorded_at[21];               /* "2026-11-22T14:05:00Z" */
};

/* Sets a home's rent from `effective_from` (ISO): a new rate, since a rate
 * is never edited. Board only. DB_INVALID: no such home, a bad period, a
 * date before the start of the home's latest rate (history is never
 * rewritten; the message gives that start as dd/mm/yyyy), or
 * a date on or before a charge the rent run has already posted for the
 * home (those charges stay as they are: correct them with an adjustment).
 * DB_CONSTRAINT with the schema's sentence: not a real date, an amount
 * below £0.00 or of £10,000 or more, a rate from that date already. */
int rent_rate_set(struct db *db, const struct actor *who, int64_t home_id,
		  const char *effective_from, enum rent_period period, int64_t amount_pence);

/* The rate in force for a home on `date` (ISO): the latest from on or
 * before it. DB_NOTFOUND when no rent was set by then. */
int rent_rate_on(struct db *db, const struct actor *who, int64_t home_id,
		 const char *date, struct rent_rate *r);

/* A home's rates, oldest first: at most `max` into rows, *n how many; the
 * oldest ones are left out when there are more (the newest always fit).
 * DB_NOTFOUND when no such home (or not one this member may see). */
int rent_rate_list(struct db *db, const struct actor *who, int64_t home_id,
		   struct rent_rate *rows, int max, int *n);

/* One page of a home's rates, newest first, keyed by the date (PAGE_LAST
 * is the oldest). DB_NOTFOUND when not this member's home. */
int rent_rate_page(struct db *db, const struct actor *who, int64_t home_id, enum page_dir dir,
		   const struct page_key *key, struct rent_rate *rows, int max, int *n);
void rent_rate_key(const struct rent_rate *r, struct page_key *key);

/* The Universal Credit monthly equivalent of a rent (rent_uc_monthly) with
 * the co-op's setting rent_free_weeks (0 when it cannot be read). Returns
 * 0, or -1 as rent_uc_monthly. */
int home_uc_monthly(struct db *db, enum rent_period period, int64_t amount, int64_t *monthly);

/* ---- the rent review (src/db/rent_review.c) ----------------------------- */

/* A home in a rent review: its latest rate (the one a new rate follows)
 * and the new rent the change gives it. */
struct rent_review_row {
	int64_t home_id;
	char ref[HOME_REF_MAX * 4 + 1];
	char address[HOME_ADDRESS_MAX * 4 + 1];
	int has_rent;                       /* 0: no rent set, the home is left out */
	char old_from[ISO_DATE_LEN];
	enum rent_period period;            /* kept by the new rate */
	int64_t old_pence;
	int64_t new_pence;
	int ok;                             /* 1: the new rate may be set */
	char problem[200];                  /* else why not, in words */
};

/* One page of a review's preview: the homes of `which` (as home_page) by
 * reference after `after_ref` (NULL or "" for the first page), each with
 * its new rent from `from` (ISO) under `c`, rounded as rent_calc.h says.
 * Board only. DB_INVALID: `from` not a real date. */
int rent_review_page(struct db *db, const struct actor *who, enum home_which which,
		     const char *from, const struct rent_change *c, const char *after_ref,
		     struct rent_review_row *rows, int max, int *n);

/* Saves the review: for every home of `which` with a rent, a new rate from
 * `from` of the same period (rent_rate_set), all in one transaction:
 * either every home gets its new rent or none does. Homes with no rent
 * are left out. *count (may be NULL) gets how many rents were set. Board
 * only. DB_INVALID: `from` not a real date, no home with a rent, or a home
 * refused (its reference first, then why: a rent from that day or later is
 * set already, a new rent below £0.00 or of £10,000 or more, charges
 * already posted past that day). */
int rent_review_apply(struct db *db, const struct actor *who, enum home_which which,
		      const char *from, const struct rent_change *c, int64_t *count);

#endif
