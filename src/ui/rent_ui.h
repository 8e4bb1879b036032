/*
 * src/ui/rent_ui.h: the rent screens (issue 9): a tenancy's rent account,
 * and the board's arrears list. Other screens (a home's record, Home)
 * open them through these.
 */
#ifndef COOPDESK_UI_RENT_UI_H
#define COOPDESK_UI_RENT_UI_H

#include <stdint.h>

#include "ui.h"

/* The rent account of tenancy `tenancy_id`: the tenancy's details, its
 * balance and arrears (money and weeks of rent), and its ledger as a
 * sub-list with the running balance. The board records payments,
 * adjustments and refunds, reverses a row, and posts the charges due; the
 * statement (the rent book) is a key away. A member may open only their
 * own (another's says there is no such tenancy). */
struct screen *screen_rent_account_new(struct app *app, int64_t tenancy_id);

/* The board's arrears list: tenancies whose balance is above zero, with
 * the amount, the weeks of rent it makes and the oldest unpaid charge;
 * current, former or all tenancies (f), sortable (s); Enter opens the rent
 * account. */
struct screen *screen_arrears_new(struct app *app);

/* The rent statement of a tenancy as a document on screen (from the
 * start of the tenancy to today). */
struct screen *screen_rent_statement_new(struct app *app, int64_t tenancy_id);

#endif
