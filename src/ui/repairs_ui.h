/*
 * src/ui/repairs_ui.h: private to the Repairs list's files: its own state
 * (the contractor it is narrowed to) and the actions that live beside it
 * in screen_repairs_docs.c: the contractor filter, the overdue report,
 * RP02 and the contractors.
 */
#ifndef COOPDESK_UI_REPAIRS_UI_H
#define COOPDESK_UI_REPAIRS_UI_H

#include "coopdesk/contractors.h"
#include "list_screen.h"

struct repairs_state {
	int64_t contractor_id;                     /* 0: any contractor's */
	char contractor[CONTRACTOR_NAME_MAX * 4 + 1];
};

/* The board and volunteers: who sees every repair. */
int repairs_office(const struct lscreen *ls);
/* "Repairs: open repairs of Pennine Plumbing, by target date". */
void repairs_title(struct lscreen *ls, char *buf, size_t n);
void repairs_ask_contractor(const struct lscreen *ls, const void *row, char *label, size_t ln,
			    char *text, size_t tn);
void repairs_by_contractor(struct lscreen *ls, const void *row);
void repairs_overdue_report(struct lscreen *ls, const void *row);
void repairs_ask_period(const struct lscreen *ls, const void *row, char *label, size_t ln,
			char *text, size_t tn);
void repairs_rp02(struct lscreen *ls, const void *row);
void repairs_contractors(struct lscreen *ls, const void *row);

#endif
