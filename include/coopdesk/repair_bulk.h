/*
 * coopdesk/repair_bulk.h: repairs written many at a time, each with its
 * whole life at once: the way the demo makes a large co-op. A repair made
 * so is written by the same statements as repair_report, repair_move_at
 * and repair_update, one after the other in the caller's transaction, on
 * copies of the repair and its events whose audit triggers are the real
 * tables' own; the repair and its events then go into the real tables once,
 * in their last state (src/db/repair_bulk.c). The result is the API's: the
 * same row, the same events, the same audit rows in the same order, the
 * same search entries and counts (tests/cli/demo.sh compares them). What it
 * leaves out is the API's work per call: the access check, a savepoint,
 * reading the repair back, re-reading the settings and the bank holidays,
 * and writing the repair's sixteen indexes again at every step; the checks
 * of the moves themselves are made in memory (repair_move_refusal, times
 * in order, a contractor for an assigned repair, a completion time for a
 * completed one).
 */
#ifndef COOPDESK_REPAIR_BULK_H
#define COOPDESK_REPAIR_BULK_H

#include "coopdesk/repairs.h"

struct repair_bulk;

/* One move of a repair's life: to `to` at `at` (an instant, UTC), with a
 * note, assigned to `contractor_id` when `to` is REPAIR_ASSIGNED. */
struct repair_bulk_move {
	enum repair_status to;
	char at[REPAIR_INSTANT_LEN];
	const char *note;
	int64_t contractor_id;
};

/* Starts a bulk load inside the caller's transaction (db_begin): the
 * office's access is checked once, the settings and the bank holidays
 * from `from_day` (ISO) read once. DB_OK and *out, or a refusal. */
int repair_bulk_begin(struct db *db, const struct actor *who, const char *from_day,
		      struct repair_bulk **out);

/* Writes one repair: reported as repair_report would (r's "in" fields,
 * reported_at given), then each move in order as repair_move_at would, then,
 * when `after` is not NULL, its "in" fields as repair_update would (the
 * cost, the damp dates; not the priority). Fills r->id, ref, status,
 * version, target_at, and r's "in" fields from `after`.
 * Refused in words, as those would refuse; part of the repair may then be
 * written already, so the caller rolls its transaction back (the bulk path
 * takes no savepoint of its own). The repair reaches the repairs table by
 * repair_bulk_finish at the latest. */
int repair_bulk_add(struct repair_bulk *b, struct repair *r, const struct repair_bulk_move *moves,
		    int nmoves, const struct repair *after);

/* Puts the repairs into the real tables every N added (N from 1; the
 * default, 16384, suits a large load: see repair_bulk.c). Tests take a
 * small N to cross the batches' edges. */
void repair_bulk_batch(struct repair_bulk *b, int n);

/* Puts the last repairs added into the real tables: until then (and
 * between batches) some are held in the load's TEMP copies, their audit
 * rows with them, so nothing else may write repairs or their events, nor
 * anything audited, between repair_bulk_begin and this.
 * DB_OK, or the caller rolls back. */
int repair_bulk_finish(struct repair_bulk *b);

/* Ends the load (frees it; the transaction is the caller's; repairs added
 * since the last repair_bulk_finish are dropped). NULL is fine. */
void repair_bulk_end(struct repair_bulk *b);

#endif
