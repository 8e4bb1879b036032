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
#include "coopdesk/ui.h"
#include "actions.h"

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

struct screen_ops {
	const char *name;     /* for the help screen's title */
	char scope;           /* 'L' list, 'F' form, 'H' Home: which actions apply */
	char extra_scope;     /* a screen's own actions, tried first (0: none) */
	/* Lays out for the body window's new size. */
	void (*layout)(struct screen *s, int rows, int cols);
	/* Draws the body; called only when the screen is dirty. */
	void (*draw)(struct screen *s, WINDOW *w);
	/* Handles an action (and the raw key, for text input). Returns 1 if
	 * handled, 0 to let the app try its global actions. */
	int (*handle)(struct screen *s, enum action a, int32_t key);
	/* The keys that matter here, for the status line ("Enter open  / search"). */
	const char *(*hint)(struct screen *s);
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

enum ui_input_kind { INPUT_TERMINAL, INPUT_SCRIPT };

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

	int quit;
	int use_color;

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
void app_pop(struct app *app);
void app_set_area(struct app *app, int area);
struct screen *app_top(struct app *app);
void app_message(struct app *app, int style, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* colors.c */
void style_init(struct app *app);
attr_t style_attr(enum ui_style s);
void style_on(WINDOW *w, enum ui_style s);
void style_off(WINDOW *w, enum ui_style s);

/* bindings.c: key -> action: the screen's own scope `extra` (0 none)
 * first, then `scope`, then the global actions. */
int bindings_init(struct app *app);
enum action bindings_lookup(char extra, char scope, int32_t key);
/* The keys bound to an action, as text ("<Down> j"), into buf. */
const char *bindings_keys(enum action a, char *buf, size_t n);

/* input.c: the next key, or CDK_NONE after `timeout_ms` without one. */
int32_t input_next(struct app *app, int timeout_ms);
int input_script_load(struct app *app, const char *path);
/* Writes what is on screen as text to `path` (screen dumps for tests). */
int ui_dump(struct app *app, const char *path);

/* draw.c: text helpers that measure in display columns. */
void draw_text(WINDOW *w, int y, int x, int width, const char *s);
void draw_fill(WINDOW *w, int y, int x, int width);

/* help.c */
void help_toggle(struct app *app);
void help_draw(struct app *app);
int help_handle(struct app *app, enum action a);

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
struct screen *screen_placeholder_new(struct app *app, int area, const char *what);
struct screen *screen_audit_new(struct app *app); /* the audit trail, board only */
struct screen *screen_users_new(struct app *app); /* user accounts, board only */

#endif
