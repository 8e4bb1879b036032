/*
 * src/ui/record.h: the one record screen, configured by a static
 * descriptor (struct rdesc): one record's label/value rows, each value
 * wrapped to the width so that a long description reads whole (scrolling
 * when it is longer than the screen), then its sub-lists (a repair's
 * history, a member's share operations, a home's repairs), each a virtual
 * list paged from the database, never a fixed array. Tab moves between
 * the parts; the list keys move in the part that has the cursor.
 *
 * Coming back to the top (an edit form above it closed) or another
 * terminal's change reads the record and its sub-lists again, keeping the
 * selected rows.
 */
#ifndef COOPDESK_UI_RECORD_H
#define COOPDESK_UI_RECORD_H

#include "list.h"
#include "ui.h"

#define RECORD_SUBS_MAX 3

struct rscreen;

/* A sub-list of the record. */
struct rsub {
	const char *title;            /* "History" */
	size_t row_size;
	int (*fetch)(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		     void *rows, int max, int *n);
	void (*key_of)(const void *row, struct page_key *key);
	/* How many rows in all, when that is cheap; NULL or -1: not known. */
	int64_t (*count)(struct rscreen *rs);
	/* The row as one line of text into buf; returns its style, -1 normal. */
	int (*line)(struct rscreen *rs, const void *row, char *buf, size_t n);
	/* Enter on a row (NULL: nothing opens). */
	struct screen *(*open)(struct rscreen *rs, const void *row);
	const char *empty;            /* "Nothing yet." */
	/* Whether this person may see it (NULL: yes); when not, its heading
	 * says so and nothing is read. */
	int (*allowed)(const struct rscreen *rs);
};

/* An action on the record (edit, a move...). */
struct ract {
	enum action action;
	const char *label;            /* the hint's word; NULL: the action's */
	/* Or a word that depends on where the cursor is (NULL: label). */
	const char *(*label_of)(const struct rscreen *rs);
	const char *help;             /* the help's sentence; NULL: the action's */
	int (*allowed)(const struct rscreen *rs);   /* NULL: anyone who sees it */
	void (*run)(struct rscreen *rs);
	const char *refused;          /* said when someone not allowed presses its key */
	int unhinted;                 /* 1: left out of the status line (the help has it) */
};

struct rdesc {
	const char *name;             /* the help's title: "A repair" */
	int area;
	size_t rec_size;              /* the record's struct: the screen holds one */
	/* Reads record rs->id into rs->rec: a db status (its words in db_errmsg). */
	int (*load)(struct rscreen *rs);
	void (*title)(struct rscreen *rs, char *buf, size_t n);
	/* Its rows: record_row() for each, in order. */
	void (*rows)(struct rscreen *rs);
	const struct rsub *subs;
	int nsubs;
	const struct ract *acts;
	int nacts;
	/* Why a key bound to action a does nothing here (NULL: plain words). */
	const char *(*why_not)(struct rscreen *rs, enum action a);
	/* A screen's own state beside the record: its size (0: none), made
	 * zeroed with the screen as rs->priv; fini (NULL: nothing) lets go of
	 * what it holds before it is freed. */
	size_t priv_size;
	void (*fini)(void *priv);
};

/* A detail line, wrapped: the label on the first line of its value. */
struct rline {
	const char *label;            /* points into the screen's copy, or "" */
	char *text;
	int style;
};

struct rsubstate {
	struct rscreen *rs;
	const struct rsub *sub;
	struct list_source src;
	struct list list;
	int y, height;                /* where it is drawn: heading at y */
	int hidden;                   /* not for this person's eyes */
};

struct rscreen {
	struct app *app;
	struct screen *self;
	const struct rdesc *d;
	struct screen_ops ops;
	int64_t id;
	void *rec;
	int ok;
	char error[256];
	void *priv;
	/* The details, wrapped to the width. */
	struct rline *lines;
	int nlines, cap;
	char **labels;                /* copies of the labels given */
	int nlabels;
	int width, rows;
	int detail_h, scroll;
	int focus;                    /* 0 the details, k the k-th sub-list */
	struct rsubstate subs[RECORD_SUBS_MAX];
	char hint[320];
	char scratch[1024];           /* for a descriptor's words */
};

/* The record screen for record `id` (make the descriptor static). The
 * record is read at once; if it cannot be, the screen says why. */
struct screen *record_screen_new(struct app *app, const struct rdesc *d, int64_t id);

/* Called by rdesc.rows: a label and its value (wrapped; line breaks kept;
 * "" shows as "-"); style -1 normal. */
void record_row(struct rscreen *rs, const char *label, const char *value, int style);

/* The row selected in sub-list k while it has the cursor; else NULL. */
const void *record_sub_selected(struct rscreen *rs, int k);

/* Reads the record and its sub-lists again. */
void record_reload(struct rscreen *rs);

#endif
