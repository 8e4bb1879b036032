/*
 * src/ui/audit_filter.h: the audit trail's words and filters, shared by
 * its list (screen_audit.c) and an entry's screen (screen_audit_entry.c):
 * what each kind of record is called, and the filters a person types
 * (by user, by one record, by dates), read into struct audit_filter.
 */
#ifndef COOPDESK_UI_AUDIT_FILTER_H
#define COOPDESK_UI_AUDIT_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/audit.h"
#include "coopdesk/users.h"
#include "ui.h"

#define AUDIT_WHAT_LEN 96
#define AUDIT_TYPED_MAX (200 * 4 + 1)

/* "repairs", 123 -> "repair R-000123"; "members", 7 -> "member 7"; a table
 * not known reads as its name with spaces. */
void audit_what(const char *table, int64_t id, char *buf, size_t n);
/* insert, update, delete -> added, changed, removed. */
const char *audit_action_words(const char *action);

/* The filters on, and the order they were set in ('u', 'r', 'd'). */
struct audit_filters {
	struct audit_filter filter;
	char order[3];
	int norder;
	char user_label[USER_NAME_MAX * 4 + 1];
	char record_label[AUDIT_WHAT_LEN];
	char record_typed[AUDIT_TYPED_MAX];
};

/* Each takes what was typed ("" takes the filter off): 1 when taken, 0
 * with the reason in why. */
int audit_take_user(struct app *app, struct audit_filters *v, const char *typed, char *why,
		    size_t n);
int audit_take_record(struct app *app, struct audit_filters *v, const char *typed, char *why,
		      size_t n);
int audit_take_dates(struct audit_filters *v, const char *from, const char *to, char *why,
		     size_t n);
/* A typed day checked alone (the From prompt): 1, or 0 with why. */
int audit_check_day(const char *typed, const char *which, char *why, size_t n);
/* Takes off the filter set last; 0 when none was on. */
int audit_take_off_last(struct audit_filters *v);
/* The next username after `typed`, round to the first (Tab at the user
 * prompt), into buf. */
void audit_next_user(struct app *app, const char *typed, char *buf, size_t n);
/* The filter's typed value as the prompt starts with it: 'u', 'r', 'f', 't'. */
void audit_typed(const struct audit_filters *v, char which, char *buf, size_t n);
/* The line under the title: which filters are on; `fkey` is the filter key. */
void audit_describe(const struct audit_filters *v, const char *fkey, char *buf, size_t n);

/* ---- the filters, asked on the bottom line of the list (screen_audit.c) ---- */

struct lscreen;

enum audit_step {
	AUDIT_ASK_NONE, AUDIT_ASK_CHOOSE, AUDIT_ASK_USER, AUDIT_ASK_RECORD, AUDIT_ASK_FROM,
	AUDIT_ASK_TO
};

/* The list's own state (ls->priv). */
struct audit_state {
	struct audit_filters fl;
	enum audit_step step;
	char from_typed[AUDIT_TYPED_MAX];
};

/* The list's own actions: f (which filter?), / (a record), Esc (take the
 * last filter off, when one is on). */
void audit_choose_filter(struct lscreen *ls, const void *row);
void audit_ask_record(struct lscreen *ls, const void *row);
int audit_any_filter(const struct lscreen *ls);
void audit_take_off(struct lscreen *ls, const void *row);
/* Its hooks while a filter is asked (ldesc handle, hint, typing, draw_foot). */
int audit_prompt_key(struct lscreen *ls, enum action a, int32_t key);
const char *audit_prompt_hint(struct lscreen *ls);
int audit_prompt_typing(struct lscreen *ls);
int audit_prompt_draw(struct lscreen *ls, WINDOW *w, int rows, int width);

#endif
