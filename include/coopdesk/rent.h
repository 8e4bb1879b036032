/*
 * coopdesk/rent.h: the rent account of each tenancy (domain.md "Homes,
 * tenancies and rent"; the tenant's statement is the rent book the
 * Landlord and Tenant Act 1985 s.4 requires).
 *
 * The account is a ledger: charges, payments, adjustments and refunds,
 * appended and never edited; a mistake is corrected by an adjustment.
 * Positive amounts are owed by the tenant (charges, refunds), negative ones
 * reduce what is owed (payments); an adjustment may be either. Each row
 * carries the running balance after it, worked out inside the transaction
 * that writes it, in the order rows are written (by id). A balance above
 * zero is arrears, below zero credit. Former tenants' accounts stay, with
 * their arrears, for as long as the database does.
 *
 * Who sees what: the board sees every account and is the only one to
 * write. A member (a volunteer too: volunteers are members) sees only the
 * accounts of tenancies they hold or held as a signatory; asking for any
 * other answers DB_NOTFOUND. The arrears list is the board's.
 *
 * Money is int64_t pence. The charge schedule and rent-free weeks are
 * described in coopdesk/rent_calc.h; rates are set in coopdesk/homes.h.
 */
#ifndef COOPDESK_RENT_H
#define COOPDESK_RENT_H

#include <stdint.h>

#include "coopdesk/db.h"
#include "coopdesk/homes.h"
#include "coopdesk/rent_calc.h"
#include "coopdesk/tenancies.h"

#define RENT_DESCRIPTION_MAX 200    /* characters; the schema holds the same */
#define RENT_REFERENCE_MAX 40
/* The reference on the charges the rent run posts. It marks how far each
 * tenancy has been charged, so nobody else may use it. */
#define RENT_RUN_REFERENCE "rent run"
/* How far ahead of today the run may charge (rent is due in advance). */
#define RENT_RUN_MAX_AHEAD_DAYS 31

#define RENT_METHOD_LEN 24

/* How a payment or a refund was made: the schema's words (schema 6), a
 * NULL-terminated list in the order a form offers them. */
extern const char *const rent_methods[];

/* 1 if s is one of rent_methods, else 0. */
int rent_method_valid(const char *s);

enum rent_entry_kind { RENT_CHARGE, RENT_PAYMENT, RENT_ADJUSTMENT, RENT_REFUND };

/* The schema's word: "charge", "payment", "adjustment", "refund"; NULL
 * for a value outside the enum. */
const char *rent_entry_kind_name(enum rent_entry_kind k);

/* One row of a rent account. */
struct rent_entry {
	int64_t id;
	int64_t tenancy_id;
	char entry_date[ISO_DATE_LEN];
	enum rent_entry_kind kind;
	int64_t amount_pence;        /* + owed, - paid */
	int64_t balance_pence;       /* the balance after this row */
	char description[RENT_DESCRIPTION_MAX * 4 + 1];
	char reference[RENT_REFERENCE_MAX * 4 + 1];
	char recorded_at[21];        /* "2026-11-22T14:05:00Z" */
	char method[RENT_METHOD_LEN]; /* a payment's or refund's: "cash"...; "" none */
	int64_t reverses_id;         /* a reversal: the row it puts right; 0 none */
	int64_t reversed_by;         /* the reversal that put this row right; 0 none */
};

/* Appends a row to a tenancy's account, dated `entry_date` (ISO, not after
 * today), with the balance after it. A payment's amount is negative
 * (£50.00 paid is -5000), a charge's or refund's positive. `description`
 * and `reference` may be NULL or empty. Board only.
 * DB_NOTFOUND: no such tenancy. DB_INVALID: a kind outside the enum, an
 * amount of £1,000,000 or more either way, a date still to come, the
 * reference kept for the rent run. DB_CONSTRAINT with the schema's
 * sentence: not a real date, an amount of zero, a sign that does not match
 * the kind, a description or reference too long. */
int rent_post(struct db *db, const struct actor *who, int64_t tenancy_id,
	      const char *entry_date, enum rent_entry_kind kind, int64_t amount_pence,
	      const char *description, const char *reference);

/* A row to record with rent_record: a payment (amount negative), an
 * adjustment (either way) or a refund (positive), as rent_post, with how a
 * payment or refund was made (`method`: one of rent_methods, "" for none;
 * an adjustment has none). */
struct rent_new {
	int64_t tenancy_id;
	char entry_date[ISO_DATE_LEN];
	enum rent_entry_kind kind;
	int64_t amount_pence;
	char method[RENT_METHOD_LEN];
	char description[RENT_DESCRIPTION_MAX * 4 + 1];
	char reference[RENT_REFERENCE_MAX * 4 + 1];
};

/* Appends the row `e` as rent_post does (the same refusals), with its
 * method; a charge is the rent run's alone (DB_INVALID). *id (may be NULL)
 * gets the new row's id. Board only. DB_INVALID also: a method that is not
 * one of rent_methods, a method on an adjustment. */
int rent_record(struct db *db, const struct actor *who, const struct rent_new *e, int64_t *id);

/* Puts ledger row `entry_id` right with a reversal: an adjustment of the
 * same account for its amount the other way, dated `on` (ISO; on or after
 * the row's date, not after today), described "Reverses entry N: " and
 * `why` (required: what was wrong). The row stays as it was. *id (may be
 * NULL) gets the reversal's id. Board only. DB_NOTFOUND: no such row.
 * DB_INVALID, in words: the row was reversed already (naming the
 * reversal), the row is itself a reversal, a date before the row's or
 * still to come, no reason given. */
int rent_reverse(struct db *db, const struct actor *who, int64_t entry_id, const char *on,
		 const char *why, int64_t *id);

/* One ledger row by id, with its method and reversal links. DB_NOTFOUND:
 * none, or not the member's own. */
int rent_entry_get(struct db *db, const struct actor *who, int64_t entry_id,
		   struct rent_entry *e);

/* The balance of a tenancy's account from the rows dated before `before`
 * (ISO): the opening balance of a statement from that day; the arrears as
 * at day D are the balance before D + 1. */
int rent_balance_before(struct db *db, const struct actor *who, int64_t tenancy_id,
			const char *before, int64_t *balance);

/* One page of a tenancy's rows dated from..to (ISO, both included; "" for
 * no bound) in date order (then the order written), keyed by (date, id):
 * the rows of a rent statement. `balance_pence` is the ledger's own
 * running balance, in the order written: a statement works out its own in
 * date order. DB_NOTFOUND: no such tenancy (or not the member's own). */
int rent_dated_page(struct db *db, const struct actor *who, int64_t tenancy_id,
		    const char *from, const char *to, enum page_dir dir,
		    const struct page_key *key, struct rent_entry *rows, int max, int *n);
void rent_dated_key(const struct rent_entry *e, struct page_key *key);

/* The date of the oldest charge (or other row that adds to what is owed)
 * still unpaid on `as_at` (ISO) when the balance that day is `balance`:
 * payments settle the oldest first, so the unpaid ones are the newest
 * rows that add up to the balance. "" when the balance is 0 or less. */
int rent_oldest_unpaid(struct db *db, const struct actor *who, int64_t tenancy_id,
		       const char *as_at, int64_t balance, char out[ISO_DATE_LEN]);

/* A ledger row with whose it is, for the accountant's export. */
struct rent_export_row {
	struct rent_entry e;
	char home_ref[HOME_REF_MAX * 4 + 1];
	char tenants[HOME_TENANTS_LEN];
};

/* One page of every account's rows dated from..to (ISO, "" no bound), in
 * date order then the order written, keyed by (date, id) as
 * rent_dated_key. Board only (DB_DENIED). */
int rent_export_page(struct db *db, const struct actor *who, const char *from, const char *to,
		     enum page_dir dir, const struct page_key *key,
		     struct rent_export_row *rows, int max, int *n);

/* What a rent run posted. */
struct rent_run_result {
	int64_t charges;       /* rows posted */
	int64_t tenancies;     /* accounts charged */
	int64_t total_pence;   /* their sum */
};

/* rent_charge_run, saying what it posted. */
int rent_charge_run_summary(struct db *db, const struct actor *who, const char *up_to,
			    struct rent_run_result *r);

/* What a run posted, in words, for the screen and the command line:
 * "Posted 53 weekly charges to 2 tenancies, £4,687.00 in all, up to
 * 22/11/2026." or "Nothing to post: every tenancy is charged up to
 * 22/11/2026." Returns buf. */
char *rent_run_words(const struct rent_run_result *r, const char *up_to, char *buf, size_t n);

/* A tenancy's balance now (0 with no rows) and its weekly rent: the weekly
 * equivalent of the rate in force today, or, for a former tenancy, on its
 * last day (0 when no rate was set). weekly_rent may be NULL. Arrears in
 * weeks: money_weeks_x100(balance, weekly) (money.h). */
int rent_balance(struct db *db, const struct actor *who, int64_t tenancy_id,
		 int64_t *balance, int64_t *weekly_rent);

/* One page of a tenancy's account, oldest first (newest last), keyed by
 * row id: PAGE_LAST is the latest rows, PAGE_BEFORE walks back. *n is how
 * many rows (at most `max`). DB_NOTFOUND: no such tenancy (or not the
 * member's own). */
int rent_page(struct db *db, const struct actor *who, int64_t tenancy_id,
	      enum page_dir dir, const struct page_key *key,
	      struct rent_entry *rows, int max, int *n);

/* The paging key of a ledger row. */
void rent_entry_key(const struct rent_entry *e, struct page_key *key);

/* The rent run: posts, for every tenancy (current, or ended since it was
 * last charged), each charge that falls due from its start, or from the
 * day after the last charge the run posted, up to and including `up_to`
 * (ISO, at most RENT_RUN_MAX_AHEAD_DAYS after today) and before the day the
 * tenancy ended. Charges follow rent_calc.h: whole periods counted from the
 * tenancy's start, at the rate in force on each due date, leaving out the
 * rent-free weeks of the setting rent_free_weeks and periods with no rate
 * (so a rate set later for those days is charged by the next run). Each
 * charge is dated its due date and carries RENT_RUN_REFERENCE. Running it
 * again posts nothing new. All in one transaction. *posted (may be NULL)
 * gets the number of charges posted. Board only.
 * DB_INVALID: `up_to` not a real ISO date, or too far ahead. */
int rent_charge_run(struct db *db, const struct actor *who, const char *up_to,
		    int64_t *posted);

/* A row of the arrears list: a tenancy whose balance is above zero. */
struct rent_arrears_row {
	int64_t tenancy_id;
	int64_t home_id;
	char home_ref[HOME_REF_MAX * 4 + 1];
	char tenants[HOME_TENANTS_LEN];
	char start_date[ISO_DATE_LEN];
	char end_date[ISO_DATE_LEN];       /* "" while current: former tenants stay listed */
	int64_t balance_pence;
	int64_t weekly_rent;               /* as rent_balance; 0 when no rate */
	int64_t weeks_x100;                /* arrears in hundredths of weeks (0 if no rate) */
};

/* One page of the arrears list, largest balance first (ties: newest
 * tenancy first), keyed by (balance, tenancy id). `which` keeps current,
 * former or all tenancies. Board only (DB_DENIED for anyone else). */
int rent_arrears_page(struct db *db, const struct actor *who, enum tenancy_which which,
		      enum page_dir dir, const struct page_key *key,
		      struct rent_arrears_row *rows, int max, int *n);

/* The paging key of an arrears row. */
void rent_arrears_key(const struct rent_arrears_row *r, struct page_key *key);

/* The arrears list as at a day, in a sort: the balance of rows dated on
 * or before `as_at` (ISO; "" today), above zero; each row also gets the
 * oldest unpaid day (rent_oldest_unpaid). */
enum rent_arrears_sort { RENT_ARREARS_BY_AMOUNT, RENT_ARREARS_BY_HOME };
struct rent_arrears_query {
	enum tenancy_which which;
	enum rent_arrears_sort sort;
	char as_at[ISO_DATE_LEN];
};
struct rent_arrears_item {
	struct rent_arrears_row r;
	char oldest_unpaid[ISO_DATE_LEN];
};
/* By amount: largest first (ties: newest tenancy first); by home: the
 * home's reference, then the tenancy. Board only. DB_INVALID: a bad
 * sort, which or date. */
int rent_arrears_list(struct db *db, const struct actor *who, const struct rent_arrears_query *q,
		      enum page_dir dir, const struct page_key *key,
		      struct rent_arrears_item *rows, int max, int *n);
void rent_arrears_item_key(const struct rent_arrears_query *q, const struct rent_arrears_item *r,
			   struct page_key *key);
/* The whole list in one pass, in the same order, each row to `each` (a
 * nonzero return stops it and is returned): for a document, which would
 * otherwise work out every balance again for each page. */
int rent_arrears_each(struct db *db, const struct actor *who, const struct rent_arrears_query *q,
		      int (*each)(const struct rent_arrears_item *it, void *ctx), void *ctx);

/* Every account with arrears: how many and their sum. Board only. */
int rent_arrears_total(struct db *db, const struct actor *who, int64_t *count,
		       int64_t *total_pence);

#endif
