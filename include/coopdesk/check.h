/*
 * coopdesk/check.h: checks a database end to end: SQLite's own integrity
 * and foreign keys, then the co-op's invariants (domain.md) that no single
 * constraint can hold, and that the audit trail's protections are intact.
 */
#ifndef COOPDESK_CHECK_H
#define COOPDESK_CHECK_H

#include "coopdesk/db.h"

/* Called once per check: `name` says what was checked; `problem` is NULL
 * when it held, else one sentence naming what is broken (called once per
 * broken record, up to a limit per check). `warning` is nonzero for
 * findings that do not make the check fail (fewer than 3 members). */
typedef void (*check_report_fn)(const char *name, const char *problem, int warning, void *arg);

/* Runs every check. *failures is the number of problems found (warnings
 * not counted). Returns DB_OK when the checks could run, whatever they
 * found; an error status if the database could not be read. */
int db_check(struct db *db, check_report_fn report, void *arg, int *failures);

#endif
