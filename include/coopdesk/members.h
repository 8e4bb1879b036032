/*
 * coopdesk/members.h: the register of members (the Act s.30(2)).
 *
 * Former members stay on the register with the date they ceased; nothing
 * here deletes a member. Shares are in coopdesk/shares.h.
 *
 * Buffers are sized for UTF-8: a limit of N characters needs up to 4N bytes.
 */
#ifndef COOPDESK_MEMBERS_H
#define COOPDESK_MEMBERS_H

#include <stdint.h>

#include "coopdesk/db.h"

#define MEMBER_NAME_MAX 100     /* characters; the schema holds the same limits */
#define MEMBER_ADDRESS_MAX 300
#define MEMBER_EMAIL_MAX 254
#define MEMBER_PURPOSE_MAX 200
#define MEMBER_NOTES_MAX 2000
#define ISO_DATE_LEN 11         /* "2026-11-22" and its NUL; "" means none */

/* One whole entry. Fields a role may not see come back empty (see
 * member_get). */
struct member {
	int64_t id;
	char uuid[37];
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	char sort_name[MEMBER_NAME_MAX * 4 + 1];  /* "" on create: derived from name */
	char address[MEMBER_ADDRESS_MAX * 4 + 1];
	char postcode[41];
	char email[MEMBER_EMAIL_MAX * 4 + 1];
	char email_purpose[MEMBER_PURPOSE_MAX * 4 + 1];
	char phone[121];
	char date_of_birth[ISO_DATE_LEN];
	char entered_on[ISO_DATE_LEN];
	char ceased_on[ISO_DATE_LEN];
	char ceased_reason[MEMBER_PURPOSE_MAX * 4 + 1];
	char notes[MEMBER_NOTES_MAX * 4 + 1];
	int64_t version;
};

/* A row of the register list: small, so that a page costs little. */
struct member_row {
	int64_t id;
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	char sort_name[MEMBER_NAME_MAX * 4 + 1];
	char address[MEMBER_ADDRESS_MAX * 4 + 1];
	char postcode[41];
	char entered_on[ISO_DATE_LEN];
	char ceased_on[ISO_DATE_LEN];
	/* Filled by member_page only: */
	int64_t shares_held;      /* shares held now; -1 when this actor may not see them */
	char home_ref[81];        /* their current tenancy's home, "" none or not theirs to see */
};

enum member_sort { MEMBER_BY_NUMBER, MEMBER_BY_NAME };
enum member_which { MEMBERS_ALL, MEMBERS_CURRENT, MEMBERS_FORMER };

/* Adds a member to the register. On input, member_no 0 takes the next free
 * number and an empty sort_name is made from the name ("Wróbel, Łukasz" for
 * "Łukasz Wróbel": the last word first). entered_on is required. On success
 * m->id, uuid, member_no, sort_name and version are filled in. Board only.
 * This does not issue the share: shares.h's share_admit does both. */
int member_create(struct db *db, const struct actor *who, struct member *m);

/* Reads one member by id. A board member, or the member themselves, sees
 * everything; others see the register's fields only (the Act s.103):
 * phone, date of birth and notes come back empty. DB_NOTFOUND if none. */
int member_get(struct db *db, const struct actor *who, int64_t id, struct member *m);

/* The same, by member number. */
int member_get_by_no(struct db *db, const struct actor *who, int64_t member_no,
		     struct member *m);

/* Saves changes to a member. m->version must be the version read; if
 * another terminal saved since, DB_CONFLICT says who and when, and nothing
 * is saved. On success m->version is the new version. Board only. */
int member_update(struct db *db, const struct actor *who, struct member *m);

/* A member's own contact details: the postal address, postcode, email,
 * what the email was given for, and phone, from m (by m->id, at
 * m->version; the other fields are left as they are). The member
 * themselves may correct them (whatever their role), and the board
 * anyone's; it is audited like any change. DB_NOTFOUND for another
 * member's (as if there were none), DB_CONFLICT as member_update; on
 * success m->version is the new version. */
int member_update_contact(struct db *db, const struct actor *who, struct member *m);

/* The member number member_create would give next (the highest plus
 * one). Board only. */
int member_next_no(struct db *db, const struct actor *who, int64_t *no);

/* Records that membership ended on `ceased_on` (ISO) for `reason`. Does
 * not forfeit the share: shares.h's share_cease does both. Board only.
 * DB_INVALID while they sign a tenancy that runs past that day (only
 * members hold a tenancy): the message names the home. Any office they
 * hold on the register of officers ends the same day. */
int member_cease(struct db *db, const struct actor *who, int64_t id,
		 const char *ceased_on, const char *reason, int64_t version);

/* One page of the register, in `sort` order, after/before `key` (NULL for
 * PAGE_FIRST/PAGE_LAST). Rows come back in display order; *n is how many
 * (at most `max`). `search` (NULL or "" for none) keeps members whose name,
 * address or postcode has words starting with those typed, or whose
 * member number it is. Each row says the shares held now and the home of
 * the current tenancy, for those who may see them (the board: all; a
 * member or volunteer: shares only their own; homes the volunteers and
 * the member's own). */
int member_page(struct db *db, const struct actor *who, enum member_which which,
		enum member_sort sort, const char *search, enum page_dir dir,
		const struct page_key *key, struct member_row *rows, int max, int *n);

/* The paging key of a row in the given sort. */
void member_row_key(const struct member_row *r, enum member_sort sort, struct page_key *key);

/* Members counted cheaply (kept by triggers): all on the register, current. */
int member_count(struct db *db, int64_t *all, int64_t *current);

/* Makes a sort name from a display name into buf: the last word, a comma,
 * then the rest, lower-cased ASCII letters ("Ó Súilleabháin, Zoë" keeps
 * its accents). Exposed for tests. */
void member_sort_name(const char *name, char *buf, size_t n);

/* ---- The register as it stood on a day, whole (src/db/register.c) ----
 * For printing the register (the annual return, the auditor, an
 * inspection): every entry on the register at the end of a day, former
 * members too, with everything s.30(2) asks for. The board's copy adds the
 * shares held, the amount paid on them and other property held (loans,
 * deposits) on that day; the inspection copy (s.103), which anyone logged
 * in may have, leaves them out and never reads them. Names, addresses and
 * email addresses are as they are now: the register keeps no history of
 * them apart from the audit trail. */
struct register_row {
	int64_t id;
	int64_t member_no;
	char name[MEMBER_NAME_MAX * 4 + 1];
	char address[MEMBER_ADDRESS_MAX * 4 + 1];
	char postcode[41];
	char email[MEMBER_EMAIL_MAX * 4 + 1];          /* "" if none given */
	char email_purpose[MEMBER_PURPOSE_MAX * 4 + 1]; /* what it was given for */
	char entered_on[ISO_DATE_LEN];
	char ceased_on[ISO_DATE_LEN];  /* "" unless they ceased on or before the day */
	/* The board's copy only; 0 in the inspection copy. */
	int64_t shares;                /* held at the end of the day */
	int64_t paid_pence;            /* paid on them (shares.h's rule) */
	int64_t loan_pence;            /* other property held that day, by kind */
	int64_t deposit_pence;
	int64_t other_pence;
};

/* The register's size on the day: entries (everyone entered by the end of
 * it), members then (not ceased by the end of it: one who ceased that day
 * is a former member), former members; and in the board's copy the
 * totals of the share and property columns (0 in the inspection copy). */
struct register_totals {
	int64_t entries, members, former;
	int64_t shares, paid_pence, loan_pence, deposit_pence, other_pence;
};

/* `on` is the day (ISO, or anything date_parse reads), `inspection`
 * nonzero for the inspection copy. Anyone who may read the register may
 * have the inspection copy; the board's copy is for those who see the whole
 * share register (DB_DENIED, in words, for others). DB_INVALID, in words:
 * `on` is not a date, or is after today. */
int register_as_at_totals(struct db *db, const struct actor *who, const char *on,
			  int inspection, struct register_totals *out);

/* One page of the register on the day `on`, by member number, after or
 * before `key` (NULL for PAGE_FIRST/PAGE_LAST; register_row_key makes
 * one). Rows come back in display order; *n is how many (at most `max`).
 * Refusals as register_as_at_totals. */
int register_as_at_page(struct db *db, const struct actor *who, const char *on,
			int inspection, enum page_dir dir, const struct page_key *key,
			struct register_row *rows, int max, int *n);

/* The paging key of a row: num is the member number. */
void register_row_key(const struct register_row *r, struct page_key *key);

#endif
