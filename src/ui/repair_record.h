/*
 * src/ui/repair_record.h: the actions of a repair's record
 * (screen_repair_moves.c), for its descriptor (screen_repair.c): edit, the
 * moves of its workflow, a note, and the Right to Repair steps; and why a
 * key for one of them does nothing now.
 */
#ifndef COOPDESK_UI_REPAIR_RECORD_H
#define COOPDESK_UI_REPAIR_RECORD_H

#include "coopdesk/repair_rules.h"
#include "record.h"

extern const struct ract repair_record_acts[];
#define REPAIR_RECORD_NACTS 13
const char *repair_record_why_not(struct rscreen *rs, enum action a);

/* The forms of the moves (screen_repair_move_forms.c): for repair r (as
 * read: its version), the move to `to` (REPAIR_NO_STATUS for the Right to
 * Repair steps), titled by the move or by `what` (NULL: the move). */
enum repair_form {
	REPAIR_FORM_MOVE, REPAIR_FORM_ASSIGN, REPAIR_FORM_CLOSE, REPAIR_FORM_SECOND,
	REPAIR_FORM_SETTLE
};
struct repair;
struct screen *repair_move_form_new(struct app *app, const struct repair *r,
				    enum repair_form kind, enum repair_status to, const char *what);

#endif
