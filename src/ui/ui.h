/*
 * src/ui/ui.h: private to the terminal interface.
 *
 * One loop (app.c): read a key with a timeout -> map it to an action ->
 * the screen on top handles it and marks what is dirty -> each dirty window
 * is drawn and wnoutrefresh'd -> one doupdate(). Screens are files with an
 * ops table (struct screen_ops), pushed on a stack: the areas sit at the
 * bottom, a record opened from a list goes on top, Esc pops it.
 */
#ifndef COOPDESK_UI_H
#define COOPDESK_UI_H

#include <signal.h>
#include <stdint.h>

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <ncursesw/curses.h>
#include <ncursesw/panel.h>

#include "coopdesk/db.h"
#include "coopdesk/keys.h"
#include "coopdesk/report.h"
#include "coopdesk/ui.h"
#include "actions.h"

struct prompt;

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24
#define UI_STATUS_MAX 256

/* The semantic colours (colors.c): screens ask for a meaning, never a
 * colour, so monochrome and NO_COLOR work everywhere. */
enum ui_style {
	STYLE_NORMAL,
	STYLE_HEADER,      /* the top bar */
	STYLE_TAB_ACTIVE,  /* the current area in the top bar */
	STYLE_STATUS,      /* the bottom line */
	STYLE_TITLE,       /* a screen's title */
	STYLE_COLUMN,      /* column headings */
	STYLE_SELECTED,    /* the selected row */
	STYLE_OVERDUE,     /* past its target */
	STYLE_EMERGENCY,   /* emergency priority */
	STYLE_DIM,         /* closed, cancelled, former */
	STYLE_ERROR,       /* a message about something wrong */
	STYLE_OK,          /* a message that something worked */
	STYLE_KEY,         /* a key name in the help or status line */
	STYLE_COUNT
};

struct app;
struct screen;

/* What a screen is: its ops (tig's view ops), filled with designated
 * initialisers. Only name, draw, handle and destroy are required. */
struct screen_ops {
	const char *name;     /* for the help screen's title */
	char scope;           /* 'L' list, 'F' form, 'H' Home: the actions it takes
	                       * when it has no acts op */
	/* Lays out for the body window's new size. */
	void (*layout)(struct screen *s, int rows, int cols);
	/* Draws the body; called only when the screen is dirty. Leaves the
	 * terminal's cursor on the selected row, the field or the prompt. */
	void (*draw)(struct screen *s, WINDOW *w);
	/* Handles an action (and the raw key, for text input). Returns 1 if
	 * handled, 0 to let the app try its global actions. */
	int (*handle)(struct screen *s, enum action a, int32_t key);
	/* Whether action a does something here, for the person logged in: the
	 * help lists those, the hints offer them, and a key bound to several
	 * actions does the one that acts here. Global actions too (a form
	 * says no to those on keys it types). NULL: its scope's and all the
	 * global ones. */
	int (*acts)(struct screen *s, enum action a);
	/* 1 while keys are typed as text here (a form's field, a prompt):
	 * letters are not actions then. NULL: scope 'F' types, others don't. */
	int (*typing)(struct screen *s);
	/* The screen is on top again (a screen above it closed), or another
	 * terminal changed the database: read what it shows again, keeping
	 * the selection. NULL: nothing to read. */
	void (*resume)(struct screen *s);
	/* The keys that matter here, for the status line ("Enter open  s sort"),
	 * made with ui_hints from the bindings in force. */
	const char *(*hint)(struct screen *s);
	/* The help's sentence for action a on this screen, when it says more
	 * than the table's (NULL: the table's). */
	const char *(*describe)(struct screen *s, enum action a);
	/* Why action a does nothing here for this person, in words ("only the
	 * board may open the audit trail"), when a key bound to it is pressed;
	 * NULL: the plain "does nothing here". */
	const char *(*why_not)(struct screen *s, enum action a);
	/* A mouse click at (y, x) in the body, twice for a double click. */
	void (*click)(struct screen *s, int y, int x, int twice);
	/* Frees the screen. */
	void (*destroy)(struct screen *s);
};

struct screen {
	const struct screen_ops *ops;
	struct app *app;
	int area;             /* which top-bar area it belongs to (0..4) */
	int dirty;
	void *priv;
};

/* The areas of the top bar, in order: one table (areas.c). */
#define AREA_COUNT_UI 5
struct area_def {
	const char *name;          /* "Members & shares" */
	const char *short_name;    /* "Members", for a narrow top bar */
	enum action action;        /* the key that goes there (ACT_AREA_...) */
	struct screen *(*open)(struct app *app);
};
extern const struct area_def ui_areas[AREA_COUNT_UI];

enum ui_input_kind { INPUT_TERMINAL, INPUT_SCRIPT };

#define KEYS_PROBLEMS_MAX 16

struct app {
	struct db *db;
	struct actor who;
	char coop_name[256];
	const struct ui_options *opt;

	/* Windows: top bar, body, status line. */
	WINDOW *top, *body, *status;
	int rows, cols;
	int too_small;        /* below the minimum: a plain message instead */
	int top_dirty, status_dirty, all_dirty;

	struct screen *stack[16];
	int depth;

	char message[UI_STATUS_MAX];
	int message_style;

	int help_open;        /* the help overlay (help.c) */
	int help_scroll;
	PANEL *help_panel;
	WINDOW *help_win;

	/* What was wrong in the keys file, every line (bindings.c). */
	struct keys_problem {
		int line;
		char text[150];
	} keys_problems[KEYS_PROBLEMS_MAX];
	int nkeys_problems;

	/* The go-to prompt on the status line (goto.c). */
	struct prompt *go;

	int quit;
	int use_color;
	int mouse;            /* clicks and the wheel are taken */
	int mouse_y, mouse_x, mouse_twice, mouse_wheel; /* the last CDK_MOUSE */
	int pasting;          /* between CDK_PASTE_BEGIN and CDK_PASTE_END */

	/* Another terminal's changes (PRAGMA data_version), polled. */
	int64_t data_version;
	double polled_ms;

	/* The session (login.c): who is logged in, the idle lock. */
	int logged_in;
	int locked;
	char who_name[256];      /* the display name app->who.name points at */
	char username[64];
	double last_key_ms;      /* monotonic time of the last key */
	int idle_seconds;        /* lock after this long without a key */
	char lock_pw[256];
	int lock_pw_len;

	/* Input (input.c). */
	struct script_step *steps;
	size_t nsteps, step;
	FILE *devnull;
	SCREEN *term;
};

/* The signal flag: set by the handler, read by the loop. */
extern volatile sig_atomic_t ui_signal;

/* app.c */
void app_push(struct app *app, struct screen *s);
/* Closes the screen on top; the one below resumes (reads again). */
void app_pop(struct app *app);
void app_set_area(struct app *app, int area);
struct screen *app_top(struct app *app);
void app_message(struct app *app, int style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Whether action a works on screen s for the person logged in. */
int ui_acts(struct app *app, struct screen *s, enum action a);
/* Whether s takes keys as text now. */
int ui_typing(struct app *app, struct screen *s);
/* The first key that does action a on screen s ("s", "<F1>"), into buf;
 * "" when no key does it there. */
const char *ui_key(struct app *app, struct screen *s, enum action a, char *buf, size_t n);
/* A key's name for people ("Enter", "^X", "<"), into buf. */
const char *ui_key_name(int32_t key, char *buf, size_t n);
/* Appends "KEY label" to the hint in buf (n bytes) for action a, when a
 * key does it on s; label NULL is the action's own word. */
void ui_hint_add(struct app *app, struct screen *s, char *buf, size_t n, enum action a,
		 const char *label);
/* The hint for the actions listed (ACT_NONE-terminated), into buf. */
const char *ui_hints(struct app *app, struct screen *s, char *buf, size_t n,
		     const enum action *acts);

/* colors.c */
void style_init(struct app *app);
attr_t style_attr(enum ui_style s);
void style_on(WINDOW *w, enum ui_style s);
void style_off(WINDOW *w, enum ui_style s);

/* bindings.c: key -> action. The defaults come from the ACTIONS table;
 * the keys file replaces an action's keys. */
int bindings_init(struct app *app);
/* The action key does on screen s (ACT_NONE: none): of the actions bound
 * to it, the first that acts there (ui_acts), a screen's own before a
 * global one. */
enum action bindings_lookup(struct app *app, struct screen *s, int32_t key);
/* The keys bound to an action, in binding order, into keys (up to max);
 * returns how many. */
int bindings_of(enum action a, int32_t *keys, int max);
/* The keys bound to an action, as text ("<Down> j"), into buf. */
const char *bindings_keys(enum action a, char *buf, size_t n);

/* input.c: the next key, or CDK_NONE after `timeout_ms` without one.
 * input_start asks the terminal for bracketed paste (and the mouse, when
 * app->mouse); input_stop gives them back. */
void input_start(struct app *app);
void input_stop(struct app *app);
int32_t input_next(struct app *app, int timeout_ms);
int input_script_load(struct app *app, const char *path);
/* Writes what is on screen as text to `path` (screen dumps for tests). */
int ui_dump(struct app *app, const char *path);

/* draw.c: text helpers that measure in display columns. */
void draw_text(WINDOW *w, int y, int x, int width, const char *s);
void draw_fill(WINDOW *w, int y, int x, int width);
/* Text in up to `lines` lines of `width` columns from (y, x), broken at
 * spaces; what does not fit ends in "…". */
void draw_wrapped(WINDOW *w, int y, int x, int width, int lines, const char *s);
/* The strings given (up to a NULL) one after the other into buf, cut
 * whole characters short when they do not fit. Returns buf. */
char *ui_join(char *buf, size_t n, ...) __attribute__((sentinel));

/* goto.c: the go-to prompt (ACT_GOTO), on the status line. */
void goto_start(struct app *app);
void goto_key(struct app *app, int32_t key);

/* help.c */
void help_toggle(struct app *app);
void help_draw(struct app *app);
/* A key while the help is open: always the help's (1). */
int help_key(struct app *app, int32_t key);
void help_footer(char *buf, size_t n, int scrolls);

/* login.c: the login screen, the idle lock, logging out. */
struct screen *screen_login_new(struct app *app);
void session_start(struct app *app, const struct actor *who, const char *username);
void session_logout(struct app *app);
void session_lock(struct app *app);
void session_lock_draw(struct app *app);
void session_lock_key(struct app *app, int32_t key);
double session_now_ms(void);

/* Screens. */
struct screen *screen_home_new(struct app *app);
struct screen *screen_repairs_new(struct app *app);
struct screen *screen_repair_new(struct app *app, int64_t id);
struct screen *screen_repair_edit_new(struct app *app, int64_t id);
struct screen *screen_repair_log_new(struct app *app);
struct screen *screen_rtr_schedule_new(struct app *app);
/* The contractors (screen_contractors.c), from the Repairs list. */
struct screen *screen_contractors_new(struct app *app);
struct screen *screen_placeholder_new(struct app *app, int area, const char *what);
struct screen *screen_audit_new(struct app *app); /* the audit trail, board only */
struct screen *screen_users_new(struct app *app); /* user accounts, board only */
/* One entry of the audit trail. */
struct screen *screen_audit_entry_new(struct app *app, int64_t id);
/* A document from src/report/ on screen (document.c): `write`
 * writes it in the format asked, with `ctx` (up to DOC_CTX_MAX bytes,
 * copied) saying which; the screen shows it as text for its width and
 * saves it to a file for printing. */
#define DOC_CTX_MAX 64
typedef int doc_writer(struct app *app, const void *ctx, const struct report_opts *o, FILE *out);
struct screen *screen_document_new(struct app *app, const char *title, doc_writer *write,
				   const void *ctx, size_t ctx_size);
/* Makes a document a preview that action a acts on (its hint's word
 * `label`, the help's `help`; kept, not copied): `run` gets the document's
 * context and may close screens, the document included. s NULL: nothing. */
typedef void doc_confirm(struct app *app, const void *ctx);
void document_confirm(struct screen *s, enum action a, const char *label, const char *help,
		      doc_confirm *run);
/* The Members area: the register of members (screen_members.c). */
struct screen *screen_members_new(struct app *app);
/* From it: the register of officers (screen_officers.c) and, for the
 * board, the share register (screen_shares.c). */
struct screen *screen_officers_new(struct app *app);
struct screen *screen_shares_new(struct app *app);
/* A member's entry in the register, and a home (for the go-to key). */
struct screen *screen_member_new(struct app *app, int64_t id);
/* The forms on a member's entry (screen_member_forms.c, screen_share_forms.c):
 * admit (board); edit, the board the whole entry and a member their own
 * contact details; cease, reverse an operation (board); time given
 * (board, a volunteer their own). */
struct member;
struct share_op_row;
struct screen *screen_member_admit_new(struct app *app);
struct screen *screen_member_edit_new(struct app *app, const struct member *m);
struct screen *screen_member_cease_new(struct app *app, const struct member *m);
struct screen *screen_share_reverse_new(struct app *app, const struct share_op_row *o);
/* What is said instead when the operation chosen is a reversal. */
extern const char share_reversal_stands[];
struct screen *screen_participation_new(struct app *app, const struct member *m);
/* Other property (board, screen_property_forms.c): recorded; ended. */
struct member_property;
struct screen *screen_property_new(struct app *app, const struct member *m);
struct screen *screen_property_end_new(struct app *app, const struct member_property *p);
struct screen *screen_home_record_new(struct app *app, int64_t id);
struct home;
struct tenancy;
/* The Tenancies area: the homes list, and the board's forms on a home
 * (screen_homes.c, screen_tenancy_forms.c, screen_rent_review_forms.c). */
struct screen *screen_homes_new(struct app *app);
struct screen *screen_tenancy_start_new(struct app *app, const struct home *h);
struct screen *screen_tenancy_end_new(struct app *app, const struct tenancy *t);
struct screen *screen_rent_change_new(struct app *app, const struct home *h);
/* The board: a void home out of use (unavailable) or back in use. */
struct screen *screen_home_use_new(struct app *app, const struct home *h);
/* `which` is an enum home_which; `what` names it ("let"). */
struct screen *screen_rent_review_new(struct app *app, int which, const char *what);

#endif
