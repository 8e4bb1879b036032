/*
 * src/ui/list_screen.h: the one list screen, configured by a static
 * descriptor (struct ldesc): its columns (title, width or flexible, the
 * screen width below which the column hides, a cell function that also
 * says the cell's style), its sorts, filters and search, what Enter opens,
 * and its own actions (new, edit, a board's "disable"...), each with who
 * may use it. The generic screen draws the title, the position, the
 * headings and the rows; types the search; cycles sorts and filters
 * keeping the selected record; shows the "not allowed" state in the data
 * layer's words; builds the hints and the help from the keys actually
 * bound; and reads the list again around the selected record when it
 * comes back to the top or another terminal changes the data.
 *
 * A descriptor's functions get the screen (struct lscreen), whose fields
 * they may read: the sort and filter chosen, the search, the app.
 */
#ifndef COOPDESK_UI_LIST_SCREEN_H
#define COOPDESK_UI_LIST_SCREEN_H

#include "coopdesk/access.h"
#include "list.h"
#include "prompt.h"
#include "pwask.h"
#include "ui.h"

struct lscreen;

/* A column. The screen gives each column its width (a fixed one, or a
 * share of what is left for the flexible ones) and draws the cell in it,
 * less a column of space. */
struct lcol {
	const char *title;
	int width;         /* columns, the gap after it included; 0: flexible */
	int min_cols;      /* shown only on a screen at least this wide (0: always) */
	int right;         /* 1: right-aligned (numbers, money) */
	/* The cell's text for a row into buf; returns its style, or -1 for the
	 * row's own (ldesc.row_style). The text is shown inert. */
	int (*cell)(const struct lscreen *ls, const void *row, char *buf, size_t n);
};

/* An action of the list's own: new, edit, or one only this list has. */
struct lact {
	enum action action;
	const char *label;   /* the hint's word; NULL: the action's own */
	/* Or a word that depends on the selected row (NULL: label). */
	const char *(*label_of)(const struct lscreen *ls, const void *row);
	const char *help;    /* the help's sentence; NULL: the action's own */
	/* May the person logged in use it here? NULL: anyone who sees the list.
	 * An action may have several entries: the first allowed is the one. */
	int (*allowed)(const struct lscreen *ls);
	/* Does it; `row` is the selected row (NULL when the list is empty,
	 * unless needs_row, when it is not called then). */
	void (*run)(struct lscreen *ls, const void *row);
	int needs_row;
	int unhinted;        /* 1: left out of the status line (another key says it) */
	const char *refused; /* said when someone not allowed presses its key */
	/* A y/n question to ask first, in words (into buf); run on y. */
	void (*confirm)(const struct lscreen *ls, const void *row, char *buf, size_t n);
	/* A password to ask first, hidden, for the account named into buf:
	 * returns 1 to ask the current one before the new one, 0 not; run
	 * when both new entries match (ls_password_* read them). */
	int (*password)(const struct lscreen *ls, const void *row, char *buf, size_t n);
	/* A line to type first (a date, say): its label into label, and what
	 * stands typed already into text. On Enter run is called, reads the
	 * line with ls_answer and may keep asking with ls_ask_again. */
	void (*ask)(const struct lscreen *ls, const void *row, char *label, size_t ln, char *text,
		    size_t tn);
};

struct ldesc {
	const char *name;             /* "Repairs": help title, default title */
	int area;                     /* top-bar area (0..4) */
	enum area access;             /* the records it shows: not readable, not shown */
	int whole;                    /* 1: only for those who read all of them (the
	                               * audit trail, user accounts), not their own */
	size_t row_size;
	const struct lcol *cols;
	int ncols;
	const char *const *sorts;     /* names, "newest first"; NULL: one order */
	int nsorts;
	const char *const *filters;   /* names, "open repairs": f cycles them */
	int nfilters;
	const char *filter_help;      /* the help's sentence for f (NULL: the names) */
	/* Searching: the help's words for what it matches (NULL: no search), and
	 * how many characters a search needs before it runs. */
	const char *search_help;
	int search_min;
	/* Lines under the title that the screen fills (draw_extra). */
	int extra_lines;

	/* The rows: a page in the screen's order (see list_source). */
	int (*fetch)(struct lscreen *ls, enum page_dir dir, const struct page_key *key,
		     void *rows, int max, int *n);
	void (*key_of)(const struct lscreen *ls, const void *row, struct page_key *key);
	/* How many rows in all, when that is cheap; -1 otherwise. NULL: -1. */
	int64_t (*count)(struct lscreen *ls);
	/* A row's style (STYLE_DIM for closed...); NULL: normal. */
	int (*row_style)(const void *row);
	/* Enter: the record's screen (NULL: nothing opens), and the hint's word
	 * for it (NULL: "open"). */
	struct screen *(*open)(struct lscreen *ls, const void *row);
	const char *open_label;
	const struct lact *acts;
	int nacts;

	/* Optional hooks. */
	void (*title)(struct lscreen *ls, char *buf, size_t n); /* NULL: name, filter, sort */
	const char *(*empty)(struct lscreen *ls);  /* the words for an empty list */
	void (*draw_extra)(struct lscreen *ls, WINDOW *w, int y, int width);
	/* The bottom two lines, for its own prompt: 1 if it drew them (and put
	 * the cursor there). */
	int (*draw_foot)(struct lscreen *ls, WINDOW *w, int rows, int width);
	/* Keys first, for a screen's own prompts; 1 if taken. */
	int (*handle)(struct lscreen *ls, enum action a, int32_t key);
	const char *(*hint)(struct lscreen *ls);   /* while its own prompt is up */
	int (*typing)(struct lscreen *ls);         /* its own prompt takes text */
	/* Why a key bound to action a does nothing here (NULL: plain words). */
	const char *(*why_not)(struct lscreen *ls, enum action a);
	/* A screen's own state: its size (0: none), made zeroed with the screen
	 * as ls->priv and freed with it. */
	size_t priv_size;
};

struct lscreen {
	struct app *app;
	struct screen *self;
	const struct ldesc *d;
	struct screen_ops ops;           /* the generic ops, named for this list */
	struct list_source src;
	struct list list;
	int sort, filter;
	struct prompt search;            /* typing a search */
	char query[PROMPT_CHARS * 4 + 1]; /* the search applied, "" none */
	struct prompt ask;               /* a question of the screen's own */
	struct pwask *pw;                /* a password being asked (lact.password) */
	const struct lact *asking;       /* the action a question or password is for */
	void *asked_row;                 /* a copy of the row it is about */
	int width, rows;
	int denied;
	char denied_msg[256];
	char note[512];                  /* under the list until the next key */
	int note_style;
	void *priv;
	char hint[320];
	char said[320];                  /* the help's sentence (describe) */
	char scratch[512];               /* words a descriptor's function returns */
};

/* A list screen for the descriptor (kept, not copied: make it static). */
struct screen *list_screen_new(struct app *app, const struct ldesc *d);

/* Reads the list again, keeping the selected record; or from its first
 * row (a narrower filter, like a search, starts at the top). */
void ls_reload(struct lscreen *ls);
void ls_reload_first(struct lscreen *ls);
/* The selected row, or NULL. */
const void *ls_selected(struct lscreen *ls);
/* While an action's password is asked (lact.password), and when it is
 * done: what was typed (the current one NULL when not asked), and asking
 * again with the reason, from the current password or the new one. */
const char *ls_password_current(struct lscreen *ls);
const char *ls_password_new(struct lscreen *ls);
void ls_password_retry(struct lscreen *ls, const char *why, int from_current);
/* The password was taken (or refused for good): the asking stops. */
void ls_password_done(struct lscreen *ls);
/* While an action's line is asked (lact.ask): what was typed, without the
 * spaces around it; and asking again with the reason (what was typed stays). */
const char *ls_answer(struct lscreen *ls);
void ls_ask_again(struct lscreen *ls, const char *why);
/* A line under the list until the next key. */
void ls_note(struct lscreen *ls, int style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
