/*
 * coopdesk/repair_bulk.h: repairs written many at a time, each with its
 * whole life at once: the way the demo makes a large co-op. A repair made
 * so is written by the same statements as repair_report, repair_move_at
 * and repair_update, one after the other in the caller's transaction, so
 * the same triggers fire: the same row, the same events, the same audit
 * rows and search entries. What it leaves out is their work per call: the
 * access check, a savepoint, reading the repair back, re-reading the
 * settings and the bank holidays; the checks of the moves themselves are
 * made in memory (repair_move_refusal, times in order).
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
 * takes no savepoint of its own). */
int repair_bulk_add(struct repair_bulk *b, struct repair *r, const struct repair_bulk_move *moves,
		    int nmoves, const struct repair *after);

/* Ends the load (frees it; the transaction is the caller's). NULL is fine. */
void repair_bulk_end(struct repair_bulk *b);

#endif
