/*
 * coopdesk/summary.h: the figures on the Home screen. Each is cheap on a
 * large co-op: counts kept by triggers, or index ranges.
 */
#ifndef COOPDESK_SUMMARY_H
#define COOPDESK_SUMMARY_H

#include <stdint.h>

#include "coopdesk/db.h"

struct summary {
	int64_t members_current, members_all;
	int64_t homes, tenancies_current;
	int64_t repairs_all, repairs_open, repairs_overdue;
	int has_rent;                 /* the actor may see rent figures */
	int64_t arrears_tenancies;    /* current tenancies owing */
	int64_t arrears_pence;        /* what they owe in all */
	char next_meeting_title[401];
	char next_meeting_on[11];     /* "" when none is planned */
	int64_t actions_overdue;      /* board actions past their due date */

	/* A tenant-member's own account (filled when the actor is linked to a
	 * member and sees only their own records). */
	int own;                      /* these fields are filled */
	int64_t own_member_no;
	int64_t own_shares, own_paid_pence;
	char own_home_ref[81];        /* "" when they hold no current tenancy */
	int has_own_rent;
	int64_t own_tenancy_id;       /* their current tenancy (with has_own_rent) */
	int64_t own_balance_pence;    /* positive: owed */
	int64_t own_repairs_open;
};

/* Fills the summary for what `who` may see (figures the role may not see
 * are left 0 / has_rent 0). `now` is the ISO instant that counts as now,
 * `today` the local ISO date: repairs_overdue counts what the repairs
 * list's overdue filter shows (a target date is past once today is after
 * it; a repair due today is not yet overdue). */
int summary_get(struct db *db, const struct actor *who, const char *now,
		const char *today, struct summary *out);

#endif
