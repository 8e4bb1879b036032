/*
 * src/ui/form.h: the form widget. A screen describes its fields in a static
 * array of struct form_spec; the widget lays them out in the screen's body
 * (labels on the left, fields on the right, a line under each field for
 * what is wrong with it, the current field's help at the bottom), takes
 * the keys, checks each field when the person leaves it and again on save,
 * and asks before Esc throws changes away. The screen only sets the values
 * when it opens, and reads them back when form_key says FORM_SAVE.
 *
 * Fields, their places, pages, the current field and the moves between
 * fields are ncurses' form library's (new_field, new_form, set_current_field,
 * REQ_NEXT_FIELD, field hooks). The text of each field is kept here, as
 * UTF-8, and edited here: the library's own editing gets wide characters
 * such as 李 wrong (End lands inside the text, a scrolling field fills with
 * NULs, a multi-line field drops what follows a wide character), so the
 * library is given only what each field shows.
 *
 * Values survive a re-layout (form_layout after KEY_RESIZE): the FORM is
 * freed and built again around the same text, cursor and current field.
 */
#ifndef COOPDESK_UI_FORM_H
#define COOPDESK_UI_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/date.h"
#include "ui.h"

struct ref_kind;

enum form_kind {
	FORM_TEXT,       /* one line of text */
	FORM_MULTILINE,  /* lines of text; Enter starts a new line */
	FORM_DATE,       /* dd/mm/yyyy (ISO accepted); read back as ISO */
	FORM_MONEY,      /* 12.50 or £1,234.56; read back as pence */
	FORM_INTEGER,    /* a whole number */
	FORM_HOURS,      /* time given: 2, 1.5 or 1:30 (hours and minutes); read back as
	                  * minutes, shown as 1:30 */
	FORM_CHOICE,     /* one of `choices`: Left/Right or Space cycle, a letter jumps */
	FORM_REF         /* a record (`ref`: a member, a home, a contractor) by its number,
	                  * reference or part of its name; several matches are offered in a
	                  * pick list, and the chosen one's name stands beside the field */
};

struct form_spec {
	const char *label;
	enum form_kind kind;
	int required;                 /* empty is refused with "required" */
	int max_chars;                /* text: at most this many characters; 0: 200
	                               * (2000 multi-line); typing stops there */
	int width;                    /* columns; 0: as wide as suits the kind */
	int rows;                     /* multi-line: at least this many rows (0: 3);
	                               * it grows into the room left over */
	const char *const *choices;   /* choice: NULL-terminated words */
	const char *help;             /* a sentence shown while in the field */
	int64_t min, max;             /* integer, money in pence, hours in minutes: the range
	                               * allowed, when min < max */
	const struct ref_kind *ref;   /* FORM_REF: which records (refs.h) */
	/* Where the value lives in the record the form edits, for form_load
	 * and form_store: set with FORM_AT (and FORM_HAS for money that may be
	 * unknown). By kind, the member is: text and multi-line, a char array;
	 * a date, a char array holding ISO; money, integer and hours (in
	 * minutes), an int64_t (the
	 * "there is an amount" flag an int); a choice, an int, each choice's
	 * value in `values` (NULL: its index); a reference, the record's id,
	 * an int64_t (0 for none). */
	int bound;
	size_t off, size;
	int has_bound;
	size_t has_off;
	const int *values;
};

#define FORM_AT(type, member) \
	.bound = 1, .off = offsetof(type, member), .size = sizeof(((type *)0)->member)
#define FORM_HAS(type, member) .has_bound = 1, .has_off = offsetof(type, member)

/* What form_key did with a key. */
enum form_result {
	FORM_UNHANDLED = 0, /* not the form's: let the app try its global actions */
	FORM_HANDLED,       /* used; the screen should be drawn again */
	FORM_SAVE,          /* ^S with every field good: the screen saves now */
	FORM_LEAVE          /* Esc, with nothing changed or the loss confirmed */
};

struct form_view;

/* A form of n fields described by spec (kept, not copied: make it static),
 * empty, with the first field current. NULL when out of memory. Lay it out
 * with form_layout before drawing. Free with form_free. */
struct form_view *form_new(struct app *app, const struct form_spec *spec, int n);
void form_free(struct form_view *f);

/* The line at the top of the form ("Edit R-000123"). */
void form_set_title(struct form_view *f, const char *title);

/* Setting values, as text or from the stored forms. Text longer than the
 * field allows is kept whole (and reported when checked). A choice that is
 * not one of the field's words is kept too, and refused when checked. */
void form_set(struct form_view *f, int i, const char *text);
void form_set_date(struct form_view *f, int i, const char *iso);          /* "" for none */
void form_set_money(struct form_view *f, int i, int has, int64_t pence);  /* has 0: none */
void form_set_choice(struct form_view *f, int i, int index);

/* Every bound field from the record `rec` (FORM_AT), then marks the form
 * clean; and back: the bound fields into `rec` (after FORM_SAVE, when
 * every field is good). Fields not bound are left alone both ways. */
void form_load(struct form_view *f, const void *rec);
void form_store(struct form_view *f, void *rec);

/* A reference field: the record with this id (0: none), its name beside
 * it; and the id chosen (0 when none is). */
void form_set_ref(struct form_view *f, int i, int64_t id);
int64_t form_ref(struct form_view *f, int i);

/* What is on screen now counts as unchanged (call after setting values). */
void form_mark_clean(struct form_view *f);
/* 1 if any field differs from what it was when last marked clean. */
int form_changed(const struct form_view *f);

/* Reading values back (after FORM_SAVE every field is good).
 * form_text: the text without the spaces around it (a multi-line field
 * keeps its inner lines); valid until the field changes. */
const char *form_text(struct form_view *f, int i);
/* 0 with the ISO date in iso ("" when empty), -1 when it is not a date. */
int form_date(struct form_view *f, int i, char iso[DATE_BUFSZ]);
/* 1 with *pence set, 0 when empty, -1 when it is not an amount. */
int form_money(struct form_view *f, int i, int64_t *pence);
/* 1 with *v set, 0 when empty, -1 when it is not a whole number. */
int form_integer(struct form_view *f, int i, int64_t *v);
/* The index of the chosen word, or -1 for none. */
int form_choice(struct form_view *f, int i);

/* Puts a message next to field i (a rule between fields, say) and makes it
 * current; "" or NULL clears the field's message without moving. */
void form_set_error(struct form_view *f, int i, const char *msg);
/* A message for the whole form, shown in full (wrapped) at its foot until
 * the next change or save: what the data layer said, for instance. */
void form_message(struct form_view *f, int style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Checks every field, as on save: -1 when all are good, else the first bad
 * field, which becomes current with its message next to it. */
int form_validate(struct form_view *f);

/* Lays the form out in a body of rows x cols (the screen's layout op). */
void form_layout(struct form_view *f, int rows, int cols);
/* Draws the form into the body window w and puts the cursor in the field. */
void form_draw(struct form_view *f, WINDOW *w);
/* Handles an action and its raw key (the screen's handle op). */
enum form_result form_key(struct form_view *f, enum action a, int32_t key);
/* The keys that matter now, for the status line. */
const char *form_hint(struct form_view *f);

/* A screen whose body is one form: its private data must begin with its
 * `struct form_view *`. These serve as its screen_ops. form_screen_handle
 * passes the key to the form; leaving pops the screen, saving calls
 * save(s), which may pop (and so free) the screen. */
void form_screen_layout(struct screen *s, int rows, int cols);
void form_screen_draw(struct screen *s, WINDOW *w);
const char *form_screen_hint(struct screen *s);
int form_screen_handle(struct screen *s, enum action a, int32_t key,
		       void (*save)(struct screen *s));

/* ---- a form screen from a descriptor (form_screen.c) ----------------------
 *
 * Most forms are this: fields bound to a record (FORM_AT), a title, and a
 * save that calls the data layer once. The descriptor says which; the
 * screen opens the form over a copy of the record, stores the fields into
 * it on ^S and calls save. A refusal in the data layer's words goes beside
 * the field whose words it names (`errs`), or at the foot; nothing typed
 * is lost. Saved, the screen closes and says fs->done. */

#define FORM_CTX_MAX 64

struct fscreen;

/* A refusal that names a field: when the data layer's message contains
 * `words`, it is put beside `field`. The first match wins. */
struct ferr {
	const char *words;
	int field;
};

struct fdesc {
	const char *name;               /* the help's title: "Admit a member" */
	int area;
	const struct form_spec *spec;
	int n;
	size_t rec_size;                /* the record the fields are bound to */
	/* Saves fs->rec (the record as opened, the fields stored over it):
	 * DB_OK to close saying fs->done; a db status to stay, its words put
	 * beside a field by `errs` or at the foot; FORM_STAY to stay with
	 * the messages save set itself (form_set_error, form_message). */
	int (*save)(struct fscreen *fs);
	const struct ferr *errs;
	int nerrs;
	/* Saved: a screen to open in the form's place (NULL: none), such as
	 * the record just added. */
	struct screen *(*then)(struct fscreen *fs);
	/* After each key the form took (and once on opening): a chance to
	 * say what the form's values come to, such as a target worked out
	 * before saving (NULL: nothing). */
	void (*changed)(struct fscreen *fs);
};

#define FORM_STAY (-1)
/* Stay, saying nothing: save opened a screen of its own above the form (a
 * preview), and the form waits under it with everything typed. */
#define FORM_QUIET (-2)

struct fscreen {
	struct form_view *form;         /* first: the form_screen_* ops read it */
	struct app *app;
	const struct fdesc *d;
	struct screen_ops ops;          /* the generic ops, named for this form */
	void *rec;
	unsigned char ctx[FORM_CTX_MAX]; /* the opener's: whose record it is... */
	char done[512];
};

/* The form of d over a copy of `rec` (NULL: zeroed), titled; `ctx` (up to
 * FORM_CTX_MAX bytes) is copied to fs->ctx. NULL, with the app's message
 * said, when out of memory. */
struct screen *form_screen_new(struct app *app, const struct fdesc *d, const char *title,
			       const void *rec, const void *ctx, size_t ctx_size);

#endif
