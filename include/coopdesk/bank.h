/*
 * coopdesk/bank.h: rent paid by bank, from the bank's statement (schema
 * 10; `coopdesk import payments`, issue 12). The matching itself is
 * coopdesk/bank_match.h; this is what the database keeps:
 *
 *  - every statement line posted, by its fingerprint (date, amount, text,
 *    and which of a statement's identical lines it is), so that a line of
 *    two overlapping statements is posted once;
 *  - the profiles: how a bank's export is read, saved under a name.
 *
 * Board only, every function (the rent area's writers): anyone else gets
 * DB_DENIED with the words. Every write is one transaction and audited.
 */
#ifndef COOPDESK_BANK_H
#define COOPDESK_BANK_H

#include <stdint.h>

#include "coopdesk/bank_match.h"
#include "coopdesk/db.h"

#define BANK_PROFILE_NAME_MAX 40     /* characters; the schema holds the same */
#define BANK_COLUMN_MAX 100
#define BANK_LINE_TEXT_MAX 500       /* characters of a line's text kept */
#define BANK_DATE_FORMAT_LEN 12

/* How a bank's export is read. Either amount_column (signed: paid in
 * positive, unless crdr_column says CR/DR), or credit_column and
 * debit_column (paid in, paid out; debit may be "" for none). */
struct bank_profile {
	char name[BANK_PROFILE_NAME_MAX * 4 + 1];
	char date_column[BANK_COLUMN_MAX * 4 + 1];
	char date_format[BANK_DATE_FORMAT_LEN];   /* "dd/mm/yyyy", "yyyy-mm-dd", "mm/dd/yyyy" */
	char amount_column[BANK_COLUMN_MAX * 4 + 1];
	char credit_column[BANK_COLUMN_MAX * 4 + 1];
	char debit_column[BANK_COLUMN_MAX * 4 + 1];
	char crdr_column[BANK_COLUMN_MAX * 4 + 1];
	char reference_column[BANK_COLUMN_MAX * 4 + 1];
};

/* The profile called `name` into *p. DB_NOTFOUND: "there is no bank
 * profile called NAME". */
int bank_profile_get(struct db *db, const struct actor *who, const char *name,
		     struct bank_profile *p);

/* Saves *p under p->name: a new profile, or the named one changed.
 * DB_CONSTRAINT with the schema's words: a name or column too long or
 * empty, an unknown date format, both an amount column and paid in/out
 * columns. DB_INVALID: control characters in a name. */
int bank_profile_save(struct db *db, const struct actor *who, const struct bank_profile *p);

/* Every tenancy, former ones too, as the matcher takes them: the home's
 * reference, the signatories' names, the dates. *out is the caller's to
 * free(); *n how many. (All of them: a line may pay any. A co-op has
 * hundreds, not millions.) */
int bank_candidates(struct db *db, const struct actor *who, struct bank_candidate **out, int *n);

/* The fingerprint of one statement line. `text` as the bank wrote it,
 * spaces squeezed (at most BANK_LINE_TEXT_MAX characters); `occurrence`
 * counts the lines of one statement identical in date, amount and text
 * (from 1). */
struct bank_print {
	char date[ISO_DATE_LEN];
	int64_t amount_pence;
	const char *text;
	int occurrence;
};

/* Was that line posted by an earlier import? DB_OK and *entry_id the
 * payment it became; DB_NOTFOUND if not. */
int bank_line_posted(struct db *db, const struct actor *who, const struct bank_print *f,
		     int64_t *entry_id);

/* One line to post: a payment of f.amount_pence to tenancy_id, dated
 * f.date, by bank transfer, its reference the line's text (cut to the
 * ledger's 40 characters), its description naming the statement's file
 * and line. */
struct bank_posting {
	struct bank_print f;
	int64_t tenancy_id;
	int file_line;
};

/* Posts the n lines in ONE transaction through the rent ledger's payment
 * path (rent_record) and records each line's fingerprint: all of them, or
 * none. `file_name` (its last part is kept) names the statement. *failed
 * (may be NULL) gets the index of the line refused, -1 if none. Errors:
 * those of rent_record (a date to come, an amount of £1,000,000 or more,
 * a tenancy that is gone), and DB_CONSTRAINT "that bank line was posted
 * already" when another import posted it meanwhile. */
int bank_post(struct db *db, const struct actor *who, const char *file_name,
	      const struct bank_posting *p, int n, int *failed);

#endif
