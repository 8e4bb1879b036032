/*
 * src/ui/members_area.h: what the Members area's list (screen_members.c)
 * takes from its documents (screen_members_docs.c).
 */
#ifndef COOPDESK_UI_MEMBERS_AREA_H
#define COOPDESK_UI_MEMBERS_AREA_H

#include <stddef.h>

struct lscreen;

/* May this person write the share register (the board)? And the opposite. */
int members_board(const struct lscreen *ls);
int members_not_board(const struct lscreen *ls);
/* Are they a member, with a shareholding of their own? */
int members_has_member(const struct lscreen *ls);

/* The register as at a day: the prompt, then the document (a day to come
 * or not a day is asked again); the inspection copy as it stands today. */
void members_ask_day(const struct lscreen *ls, const void *row, char *label, size_t ln,
		     char *text, size_t tn);
void members_print_at(struct lscreen *ls, const void *row);
void members_inspection_today(struct lscreen *ls, const void *row);
/* The person's own shareholding. */
void members_mine(struct lscreen *ls, const void *row);
/* Participation in a year: the prompt (this year offered), then the
 * document (not a year, or one to come, asked again). */
void members_ask_year(const struct lscreen *ls, const void *row, char *label, size_t ln,
		      char *text, size_t tn);
void members_participation(struct lscreen *ls, const void *row);

#endif
