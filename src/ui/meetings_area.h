/*
 * src/ui/meetings_area.h: the Meetings area's screens and what they share
 * (screen_meetings.c the list, screen_meeting.c a meeting's record,
 * screen_meeting_forms.c arranging a meeting, attendance and motions,
 * screen_motion.c a motion with its result, screen_motion_votes.c
 * recording a vote).
 */
#ifndef COOPDESK_UI_MEETINGS_AREA_H
#define COOPDESK_UI_MEETINGS_AREA_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/meetings.h"
#include "coopdesk/motions.h"
#include "record.h"
#include "ui.h"

/* The Meetings area: meetings upcoming first, then past. */
struct screen *screen_meetings_new(struct app *app);
/* One meeting: its details, attendance and motions. */
struct screen *screen_meeting_new(struct app *app, int64_t id);
/* One motion: its text, proposer, seconder, result and errata. */
struct screen *screen_motion_new(struct app *app, int64_t id);

/* The meeting record's two lists (screen_meeting_subs.c). */
enum { SUB_ATTENDANCE, SUB_MOTIONS, MEETING_SUBS };
extern const struct rsub meeting_subs[MEETING_SUBS];

/* Forms (board). Arrange a meeting (m NULL) or change one. */
struct screen *screen_meeting_form_new(struct app *app, const struct meeting *m);
/* Mark a member present at meeting m. */
struct screen *screen_attendance_new(struct app *app, const struct meeting *m);
/* A member present leaves, or holds a proxy (when the settings allow). */
struct screen *screen_attendance_edit_new(struct app *app, const struct meeting *m,
					  const struct attendance_row *a);
/* Table a motion at meeting m. */
struct screen *screen_motion_form_new(struct app *app, const struct meeting *m);
/* Record the result of a motion: by counts, or by roll call of those
 * present (as the meeting takes its votes); an erratum (counts and a note)
 * that names the result it corrects. Each opens the meeting first when it
 * has not been (its quorum then known); NULL with the reason said when
 * that is refused. */
struct screen *screen_motion_vote_new(struct app *app, int64_t motion_id);
struct screen *screen_motion_erratum_new(struct app *app, int64_t motion_id);
/* The roll call's own screen (screen_motion_roll.c), titled. */
struct screen *screen_motion_roll_call_new(struct app *app, const struct meeting *m,
					   int64_t motion_id, const char *title);

/* Words shared by the screens. */
/* "AGM-2026/3": the meeting's kind, its year, the motion's number. */
void meeting_motion_ref(enum meeting_kind kind, const char *held_on, int64_t motion_no,
			char *buf, size_t n);
/* And back: 0 with the parts of "AGM-2026/3" (any case), -1 if it is not
 * one. */
int meeting_motion_ref_parse(const char *s, enum meeting_kind *kind, int *year, int64_t *no);
/* "AGM", "GM", "SGM", "Board". */
const char *meeting_kind_short(enum meeting_kind kind);
/* The board writes meetings. */
int meetings_board(const struct app *app);
/* A result with its arithmetic: "carried: 20 for, 10 against..." */
void meeting_result_words(struct app *app, const struct motion *mo,
			  const struct motion_result *r, char *buf, size_t n);

/* screen_meeting_minutes.c: the board writes and publishes the minutes;
 * p shows the minutes of a meeting held (the notice of one to come), N the
 * notice, each a document (meetings_ui.h). */
struct rscreen;
struct screen *screen_meeting_minutes_new(struct app *app, const struct meeting *m);
const char *meeting_print_word(const struct rscreen *rs);
void meeting_print(struct rscreen *rs);
void meeting_notice(struct rscreen *rs);
int meeting_may_write_minutes(const struct rscreen *rs);
void meeting_write_minutes(struct rscreen *rs);

#endif
