/*
 * src/ui/repair_record.h: the actions of a repair's record
 * (screen_repair_moves.c), for its descriptor (screen_repair.c): edit, the
 * moves of its workflow, a note, and the Right to Repair steps; and why a
 * key for one of them does nothing now.
 */
#ifndef COOPDESK_UI_REPAIR_RECORD_H
#define COOPDESK_UI_REPAIR_RECORD_H

#include "record.h"

extern const struct ract repair_record_acts[];
#define REPAIR_RECORD_NACTS 12
const char *repair_record_why_not(struct rscreen *rs, enum action a);

#endif
