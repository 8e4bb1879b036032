/*
 * src/ui/app.c: the terminal's set-up and tear-down, the one loop, the top
 * bar and the status line, and the stack of screens.
 */
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "coopdesk/access.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "meetings_area.h"
#include "prompt.h"
#include "ui.h"

volatile sig_atomic_t ui_signal;
static struct db *signal_db;


const struct area_def ui_areas[AREA_COUNT_UI] = {
	{ "Home", "Home", ACT_AREA_HOME, screen_home_new },
	{ "Tenancies", "Tenancies", ACT_AREA_TENANCIES, screen_homes_new },
	{ "Members & shares", "Members", ACT_AREA_MEMBERS, screen_members_new },
	{ "Repairs", "Repairs", ACT_AREA_REPAIRS, screen_repairs_new },
	{ "Meetings", "Meetings", ACT_AREA_MEETINGS, screen_meetings_new },
};

/* Only sets a flag and stops the running query: the loop does the rest
 * (roll back, restore the terminal, exit), outside the handler. */
static void on_signal(int sig)
{
	ui_signal = sig;
	db_interrupt(signal_db);
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	/* Kiosk: no suspending to a shell with ^Z. */
	signal(SIGTSTP, SIG_IGN);
}

void app_message(struct app *app, int style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_style = style;
	app->status_dirty = 1;
}

struct screen *app_top(struct app *app)
{
	return app->depth > 0 ? app->stack[app->depth - 1] : NULL;
}

static void screen_layout(struct app *app, struct screen *s)
{
	int rows, cols;
	getmaxyx(app->body, rows, cols);
	if (s->ops->layout)
		s->ops->layout(s, rows, cols);
	s->dirty = 1;
}

void app_push(struct app *app, struct screen *s)
{
	if (!s)
		return;
	if (app->depth == (int)(sizeof app->stack / sizeof app->stack[0])) {
		char back[KEY_NAME_MAX];
		s->ops->destroy(s);
		ui_key(app, app_top(app), ACT_BACK, back, sizeof back);
		app_message(app, STYLE_ERROR, "too many screens open: go back (%s) first",
			    back[0] ? back : "Esc");
		return;
	}
	app->stack[app->depth++] = s;
	screen_layout(app, s);
	app->top_dirty = app->status_dirty = 1;
}

/* The screen on top reads what it shows again (a child closed, another
 * terminal changed the data). */
static void resume_top(struct app *app)
{
	struct screen *top = app_top(app);
	if (top && top->ops->resume) {
		top->ops->resume(top);
		top->dirty = 1;
		app->status_dirty = 1;
	}
}

void app_pop(struct app *app)
{
	if (app->depth <= 1)
		return; /* the area's own screen stays */
	struct screen *s = app->stack[--app->depth];
	s->ops->destroy(s);
	struct screen *top = app_top(app);
	screen_layout(app, top);
	resume_top(app);
	app->top_dirty = app->status_dirty = 1;
}

void app_set_area(struct app *app, int area)
{
	while (app->depth > 0) {
		struct screen *s = app->stack[--app->depth];
		s->ops->destroy(s);
	}
	if (area < 0 || area >= AREA_COUNT_UI)
		area = 0;
	struct screen *s = ui_areas[area].open(app);
	if (!s) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		s = screen_placeholder_new(app, area, "this area (it could not be opened)");
	}
	app_push(app, s);
	app->message[0] = '\0';
}

/* ---- which actions work where, and their keys ---------------------------- */

/* While keys are typed, a global action works only from a key that
 * cannot be typed (F1, ^X); these never work then. */
static int typed_away(enum action a)
{
	return a == ACT_QUIT || a == ACT_BACK || (a >= ACT_AREA_HOME && a <= ACT_AREA_MEETINGS);
}

int ui_typing(struct app *app, struct screen *s)
{
	if (app->go && app->go->active)
		return 1;
	if (!s)
		return 0;
	return s->ops->typing ? s->ops->typing(s) : s->ops->scope == 'F';
}

int ui_acts(struct app *app, struct screen *s, enum action a)
{
	if (a <= ACT_NONE || a >= ACT_COUNT)
		return 0;
	char scope = action_table[a].scope;
	if (scope == 'G') {
		if (!app->logged_in)
			return a == ACT_HELP;
		if (app->go && app->go->active)
			return a == ACT_HELP || a == ACT_LOCK || a == ACT_REDRAW || a == ACT_LOGOUT;
		if (typed_away(a) && ui_typing(app, s))
			return 0;
	}
	if (!s)
		return scope == 'G';
	if (s->ops->acts)
		return s->ops->acts(s, a);
	return scope == 'G' || scope == s->ops->scope;
}

const char *ui_key(struct app *app, struct screen *s, enum action a, char *buf, size_t n)
{
	int32_t keys[16];
	int k = bindings_of(a, keys, 16);
	int typing = ui_typing(app, s);
	buf[0] = '\0';
	for (int i = 0; i < k; i++) {
		if (typing && ui_typeable(keys[i]))
			continue;
		if (bindings_lookup(app, s, keys[i]) != a)
			continue;
		ui_key_name(keys[i], buf, n);
		break;
	}
	return buf;
}

const char *ui_key_name(int32_t key, char *buf, size_t n)
{
	/* For people, not for the keys file: "Enter", not "<Enter>"; a
	 * character as itself. */
	char name[KEY_NAME_MAX];
	key_format(key, name, sizeof name);
	size_t len = strlen(name);
	if (key > ' ' && key < KEY_CD_BASE && key != 0x7F) {
		buf[0] = '\0';
		ui_text_put(buf, n, key, 1);
	} else if (len > 2 && name[0] == '<' && name[len - 1] == '>')
		snprintf(buf, n, "%.*s", (int)(len - 2), name + 1);
	else
		snprintf(buf, n, "%s", name);
	return buf;
}

void ui_hint_add(struct app *app, struct screen *s, char *buf, size_t n, enum action a,
		 const char *label)
{
	char key[KEY_NAME_MAX];
	if (!ui_acts(app, s, a) || !ui_key(app, s, a, key, sizeof key)[0])
		return;
	size_t used = strlen(buf);
	snprintf(buf + used, n - used, "%s%s %s", used ? "  " : "", key,
		 label ? label : action_table[a].hint);
}

const char *ui_hints(struct app *app, struct screen *s, char *buf, size_t n,
		     const enum action *acts)
{
	buf[0] = '\0';
	for (; *acts != ACT_NONE; acts++)
		ui_hint_add(app, s, buf, n, *acts, NULL);
	return buf;
}

/* ---- windows and layout ----------------------------------------------- */

static void make_windows(struct app *app)
{
	if (app->top) delwin(app->top);
	if (app->body) delwin(app->body);
	if (app->status) delwin(app->status);
	app->top = app->body = app->status = NULL;
	getmaxyx(stdscr, app->rows, app->cols);
	app->too_small = app->rows < UI_MIN_ROWS || app->cols < UI_MIN_COLS;
	int body_rows = app->rows > 2 ? app->rows - 2 : 1;
	app->top = newwin(1, app->cols, 0, 0);
	app->body = newwin(body_rows, app->cols, 1, 0);
	app->status = newwin(1, app->cols, app->rows > 1 ? app->rows - 1 : 0, 0);
	keypad(app->status, TRUE);
	for (int i = 0; i < app->depth; i++)
		screen_layout(app, app->stack[i]);
	app->all_dirty = 1;
}

/* Where each area's tab was drawn, for a click on the top bar. */
static int tab_from[AREA_COUNT_UI], tab_to[AREA_COUNT_UI];

static void draw_top(struct app *app)
{
	WINDOW *w = app->top;
	style_on(w, STYLE_HEADER);
	draw_fill(w, 0, 0, app->cols);
	/* The co-op's name comes first and whole when it can; then who is in;
	 * the areas take their short names before either is cut. */
	char tabs[AREA_COUNT_UI][64];
	const char *who = app->who.name ? app->who.name : "";
	char who_ro[160];
	if (db_read_only(app->db)) { /* said all the time, not only on Home */
		snprintf(who_ro, sizeof who_ro, "read-only: %s", who);
		who = who_ro;
	}
	int name_full = text_width(app->coop_name), who_full = text_width(who);
	int who_min = who_full < 12 ? who_full : 12;
	int tabs_w = 0, room = 0;
	struct screen *top = app_top(app);
	for (int pass = 0; pass < 2; pass++) {
		tabs_w = 0;
		for (int i = 0; i < AREA_COUNT_UI && app->logged_in; i++) {
			char key[KEY_NAME_MAX];
			ui_key(app, top, ui_areas[i].action, key, sizeof key);
			snprintf(tabs[i], sizeof tabs[i], "%s%s%s", key, key[0] ? " " : "",
				 pass ? ui_areas[i].short_name : ui_areas[i].name);
			tabs_w += text_width(tabs[i]) + 2;
		}
		room = app->cols - tabs_w - 2;
		if (room >= name_full + (who_full ? who_min + 2 : 0))
			break;
	}
	if (!app->logged_in)
		who_full = who_min = 0;
	int name_w = name_full;
	if (name_w > room - (who_min ? who_min + 2 : 0))
		name_w = room - (who_min ? who_min + 2 : 0);
	int who_w = room - (name_w > 0 ? name_w : 0) - 2;
	if (who_w > who_full)
		who_w = who_full;
	int x = 1;
	if (name_w > 0) {
		draw_text(w, 0, x, name_w, app->coop_name);
		x += name_w + 1;
	}
	for (int i = 0; i < AREA_COUNT_UI && app->logged_in; i++) {
		int tw = text_width(tabs[i]) + 2;
		if (top && top->area == i)
			style_on(w, STYLE_TAB_ACTIVE);
		mvwaddch(w, 0, x, ' ');
		draw_text(w, 0, x + 1, tw - 2, tabs[i]);
		mvwaddch(w, 0, x + tw - 1, ' ');
		style_on(w, STYLE_HEADER);
		tab_from[i] = x;
		tab_to[i] = x + tw;
		x += tw;
	}
	if (who_w > 0)
		draw_text(w, 0, app->cols - who_w - 1, who_w, who);
	style_off(w, STYLE_HEADER);
	wnoutrefresh(w);
}

/* The bottom line: a message, the go-to prompt, or the keys that matter
 * here, every key name from the bindings in force. */
static void draw_status(struct app *app)
{
	WINDOW *w = app->status;
	struct screen *top = app_top(app);
	if (app->go && app->go->active) {
		style_on(w, STYLE_STATUS);
		draw_fill(w, 0, 0, app->cols);
		style_off(w, STYLE_STATUS);
		prompt_draw(app->go, w, 0, app->cols);
		wnoutrefresh(w);
		return;
	}
	int style = app->message[0] ? app->message_style : STYLE_STATUS;
	style_on(w, (enum ui_style)style);
	draw_fill(w, 0, 0, app->cols);
	if (app->message[0]) {
		draw_text(w, 0, 1, app->cols - 2, app->message);
	} else if (app->locked) {
		/* The lock's own keys: nothing else works while it is up. */
		draw_text(w, 0, 1, app->cols - 2,
			  "type your password (nothing is shown)  Enter unlock  Esc log out");
	} else {
		/* The screen's keys, then help and quit, which a narrow
		 * terminal never cuts off: the screen's are cut instead. */
		char line[768], tail[128] = "";
		snprintf(line, sizeof line, "%s", top && top->ops->hint ? top->ops->hint(top) : "");
		ui_hint_add(app, top, tail, sizeof tail, ACT_HELP, NULL);
		ui_hint_add(app, top, tail, sizeof tail, ACT_QUIT, NULL);
		int room = app->cols - 2, twide = text_width(tail);
		if (!line[0] || text_width(line) + 2 + twide <= room) {
			size_t used = strlen(line);
			snprintf(line + used, sizeof line - used, "%s%s", used && tail[0] ? "  " : "",
				 tail);
			draw_text(w, 0, 1, room, line);
		} else {
			draw_text(w, 0, 1, room - twide - 2, line);
			draw_text(w, 0, 1 + room - twide, twide, tail);
		}
	}
	style_off(w, (enum ui_style)style);
	wnoutrefresh(w);
}

static void draw_too_small(struct app *app)
{
	erase();
	mvprintw(0, 0, "coopdesk needs a terminal of at least %dx%d;", UI_MIN_COLS, UI_MIN_ROWS);
	mvprintw(1, 0, "this one is %dx%d. Make it bigger to carry on.", app->cols, app->rows);
	wnoutrefresh(stdscr);
}

static void draw(struct app *app)
{
	if (app->too_small) {
		draw_too_small(app);
		doupdate();
		return;
	}
	if (app->all_dirty) {
		touchwin(stdscr);
		wnoutrefresh(stdscr);
		app->top_dirty = app->status_dirty = 1;
		struct screen *top = app_top(app);
		if (top)
			top->dirty = 1;
	}
	if (app->top_dirty)
		draw_top(app);
	struct screen *top = app_top(app);
	if (app->locked) {
		session_lock_draw(app);
		app->status_dirty = 1;
		if (top)
			top->dirty = 1; /* redrawn whole once unlocked */
	} else if (top && top->dirty) {
		werase(app->body);
		wmove(app->body, 0, 0);
		top->ops->draw(top, app->body);
		wnoutrefresh(app->body);
		top->dirty = 0;
	}
	if (app->status_dirty || (app->go && app->go->active))
		draw_status(app);
	/* The terminal's cursor ends where the last window refreshed left it:
	 * on the help, the go-to prompt, or where the screen put it (the
	 * selected row, the field, the prompt). */
	if (app->help_open && !app->locked)
		help_draw(app);
	else if (!(app->go && app->go->active))
		wnoutrefresh(app->body);
	doupdate();
	app->top_dirty = app->status_dirty = app->all_dirty = 0;
}

/* ---- the loop ---------------------------------------------------------- */

/* A key that arrived inside a bracketed paste: text only. A line break
 * becomes a space; any other key that is not text is dropped. */
static int32_t pasted(int32_t key)
{
	if (key == CDK_ENTER || key == CDK_TAB)
		return ' ';
	return ui_typeable(key) ? key : CDK_NONE;
}

static void handle_mouse(struct app *app, struct screen *top)
{
	if (app->mouse_wheel) {
		enum action a = app->mouse_wheel < 0 ? ACT_UP : ACT_DOWN;
		for (int i = 0; i < 3 && top && ui_acts(app, top, a); i++)
			top->ops->handle(top, a, CDK_NONE);
		return;
	}
	if (app->mouse_y == 0) {
		/* The top bar: a click on an area goes there. */
		for (int i = 0; i < AREA_COUNT_UI && app->logged_in; i++)
			if (app->mouse_x >= tab_from[i] && app->mouse_x < tab_to[i])
				app_set_area(app, i);
		return;
	}
	if (top && top->ops->click && app->mouse_y <= getmaxy(app->body)) {
		top->ops->click(top, app->mouse_y - 1, app->mouse_x, app->mouse_twice);
		top->dirty = 1;
		app->status_dirty = 1;
	}
}

/* A key that does nothing here: the screen may say why (a refusal for
 * this role, in words); otherwise a plain word and where the keys are. */
static void does_nothing(struct app *app, struct screen *top, int32_t key)
{
	char name[KEY_NAME_MAX], help[KEY_NAME_MAX];
	for (int a = 1; top && top->ops->why_not && a < ACT_COUNT; a++) {
		int32_t keys[16];
		int k = bindings_of((enum action)a, keys, 16);
		for (int i = 0; i < k; i++) {
			const char *why = keys[i] == key ? top->ops->why_not(top, (enum action)a) : NULL;
			if (why) {
				app_message(app, STYLE_ERROR, "%s", why);
				return;
			}
		}
	}
	ui_key_name(key, name, sizeof name);
	ui_key(app, top, ACT_HELP, help, sizeof help);
	app_message(app, STYLE_STATUS, "%s does nothing here%s%s%s", name,
		    help[0] ? ": press " : "", help, help[0] ? " for the keys" : "");
}

static void handle_key(struct app *app, int32_t key)
{
	struct screen *top = app_top(app);
	if (key == CDK_RESIZE) {
		make_windows(app);
		return;
	}
	if (key == CDK_PASTE_BEGIN || key == CDK_PASTE_END) {
		app->pasting = key == CDK_PASTE_BEGIN;
		return;
	}
	if (app->too_small)
		return; /* nothing to act on until the terminal grows */
	app->last_key_ms = session_now_ms();
	if (app->pasting) {
		key = pasted(key);
		/* Pasted text goes where text is typed, and nowhere else. */
		if (key == CDK_NONE || (!app->locked && !ui_typing(app, top)))
			return;
	}
	if (app->locked) {
		session_lock_key(app, key);
		return;
	}
	if (key == CDK_MOUSE) {
		if (app->help_open)
			help_toggle(app);
		else
			handle_mouse(app, top);
		return;
	}
	if (app->help_open) {
		help_key(app, key);
		return;
	}
	enum action a = app->pasting ? ACT_NONE : bindings_lookup(app, top, key);
	/* A message stays until the next key. */
	if (app->message[0]) {
		app->message[0] = '\0';
		app->status_dirty = 1;
	}
	if (app->go && app->go->active && a != ACT_LOCK && a != ACT_HELP && a != ACT_REDRAW &&
	    a != ACT_LOGOUT) {
		goto_key(app, key);
		return;
	}
	if (top && top->ops->handle(top, a, key))
		return;
	switch (a) {
	case ACT_HELP:
		help_toggle(app);
		break;
	case ACT_LOGOUT:
	case ACT_QUIT:
		/* At a shared terminal, leaving means logging out: the next
		 * person finds the login screen, never someone else's session. */
		if (app->logged_in)
			session_logout(app);
		else
			app->quit = 1;
		break;
	case ACT_BACK:
		/* From an area's first screen, Home; from Home, nowhere. */
		if (app->depth > 1)
			app_pop(app);
		else if (top && top->area != 0 && app->logged_in)
			app_set_area(app, 0);
		break;
	case ACT_AREA_HOME: case ACT_AREA_TENANCIES: case ACT_AREA_MEMBERS:
	case ACT_AREA_REPAIRS: case ACT_AREA_MEETINGS:
		if (app->logged_in)
			app_set_area(app, (int)(a - ACT_AREA_HOME));
		break;
	case ACT_GOTO:
		goto_start(app);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		app->all_dirty = 1;
		resume_top(app);
		break;
	case ACT_LOCK:
		session_lock(app);
		break;
	default:
		if (key != CDK_NONE && a == ACT_NONE && !app->pasting)
			does_nothing(app, top, key);
		break;
	}
}

/* Another terminal may have changed what is on screen: PRAGMA
 * data_version moves when another connection commits. The version is
 * taken before each key is handled (poll_before), so that a commit made
 * while the screen reads, or just after, still counts as new; and it is
 * asked at most twice a second while nobody types. */
static void poll_before(struct app *app)
{
	int64_t v;
	if (db_data_version(app->db, &v) == DB_OK)
		app->data_version = v;
}

static void poll_changes(struct app *app)
{
	double now = session_now_ms();
	if (!app->logged_in || app->locked || now - app->polled_ms < 500)
		return;
	app->polled_ms = now;
	int64_t v = 0;
	if (db_data_version(app->db, &v) != DB_OK || v == app->data_version)
		return;
	app->data_version = v; /* before the screen reads again */
	resume_top(app);
}

static int start_terminal(struct app *app)
{
	const struct ui_options *opt = app->opt;
	if (opt->headless) {
		/* Draw into curses' own idea of the screen and nowhere else. */
		app->devnull = fopen("/dev/null", "r+");
		if (!app->devnull) {
			fprintf(stderr, "coopdesk: cannot open /dev/null\n");
			return -1;
		}
		const char *term = getenv("TERM");
		if (!term || !*term || strcmp(term, "dumb") == 0)
			term = "xterm-256color";
		app->term = newterm(term, app->devnull, app->devnull);
		if (!app->term) {
			fprintf(stderr, "coopdesk: the terminal type '%s' is unknown here\n", term);
			return -1;
		}
		resizeterm(opt->rows > 0 ? opt->rows : UI_MIN_ROWS, opt->cols > 0 ? opt->cols : UI_MIN_COLS);
	} else {
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, "coopdesk: the terminal interface needs a terminal"
				" (for scripts, use --script FILE --headless)\n");
			return -1;
		}
		const char *term = getenv("TERM");
		if (!term || !*term) {
			fprintf(stderr, "coopdesk: TERM is not set, so the terminal cannot be driven;"
				" try TERM=xterm-256color\n");
			return -1;
		}
		app->term = newterm(term, stdout, stdin);
		if (!app->term) {
			fprintf(stderr, "coopdesk: the terminal type '%s' is unknown here;"
				" try TERM=xterm-256color\n", term);
			return -1;
		}
		if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
			endwin();
			delscreen(app->term);
			app->term = NULL;
			fprintf(stderr, "coopdesk: the terminal type '%s' cannot move the cursor;"
				" try TERM=xterm-256color\n", term);
			return -1;
		}
	}
	set_term(app->term);
	set_escdelay(25);
	cbreak();
	noecho();
	nonl();
	raw(); /* ^C, ^Z, ^S reach us as keys, never as job control */
	/* The cursor stays visible: it marks the selected row, the field or
	 * the prompt, where screen readers and braille displays follow it. */
	curs_set(1);
	style_init(app);
	input_start(app);
	return 0;
}

static void stop_terminal(struct app *app)
{
	if (app->term) {
		input_stop(app);
		endwin();
		delscreen(app->term);
		app->term = NULL;
	}
	if (app->devnull) {
		fclose(app->devnull);
		app->devnull = NULL;
	}
}

static double elapsed_ms(const struct timespec *a, const struct timespec *b)
{
	return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* VmHWM from /proc/self/status: the most memory this process has held. */
static long peak_rss_kib(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kib = -1;
	while (f && fgets(line, sizeof line, f))
		if (sscanf(line, "VmHWM: %ld kB", &kib) == 1)
			break;
	if (f)
		fclose(f);
	return kib;
}

/* Resets VmHWM to the current RSS (Linux: clear_refs 5), for timings. */
static void reset_peak_rss(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");
	if (f) {
		fputs("5", f);
		fclose(f);
	}
}

int ui_run(const struct ui_options *opt, struct db *db, const struct actor *who)
{
	struct app app;
	memset(&app, 0, sizeof app);
	app.db = db;
	app.opt = opt;
	signal_db = db;
	if (setting_text(db, "coop_name", app.coop_name, sizeof app.coop_name) != DB_OK)
		snprintf(app.coop_name, sizeof app.coop_name, "coopdesk");
	if (opt->script && input_script_load(&app, opt->script) != 0)
		return 1;
	int64_t mouse = 0;
	app.mouse = opt->mouse || (setting_int(db, "mouse", &mouse) == DB_OK && mouse == 1);
	if (start_terminal(&app) != 0) {
		free(app.steps);
		return 1;
	}
	struct prompt go;
	memset(&go, 0, sizeof go);
	app.go = &go;
	install_signals();
	make_windows(&app);
	bindings_init(&app);
	char keep[UI_STATUS_MAX];
	snprintf(keep, sizeof keep, "%s", app.message); /* a keys-file complaint */
	if (who) {
		snprintf(app.who_name, sizeof app.who_name, "%s", who->name ? who->name : "");
		session_start(&app, who, "");
	} else {
		app_push(&app, screen_login_new(&app));
	}
	if (keep[0])
		app_message(&app, STYLE_ERROR, "%s", keep);

	/* COOPDESK_TIMINGS=FILE: how long each key took to handle and draw,
	 * and the peak memory at the end, for `make bench`. */
	const char *timings_path = getenv("COOPDESK_TIMINGS");
	FILE *timings = timings_path && *timings_path ? fopen(timings_path, "w") : NULL;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	draw(&app);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (timings)
		fprintf(timings, "start %.3f\n", elapsed_ms(&t0, &t1));
	while (!app.quit && !ui_signal) {
		int32_t key = input_next(&app, 250);
		if (ui_signal)
			break;
		if (key == CDK_NONE) {
			if (app.logged_in && !app.locked && app.idle_seconds > 0 &&
			    session_now_ms() - app.last_key_ms > app.idle_seconds * 1000.0)
				session_lock(&app);
			poll_changes(&app);
			draw(&app);
			continue;
		}
		int was_in = app.logged_in;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		poll_before(&app);
		handle_key(&app, key);
		draw(&app);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (timings && !was_in && app.logged_in) {
			/* yescrypt borrows ~16 MiB to check a password and gives it
			 * back: note that peak, then measure the session's own. */
			fprintf(timings, "login_peak_rss_kib %ld\n", peak_rss_kib());
			reset_peak_rss();
		}
		if (timings) {
			char name[KEY_NAME_MAX];
			fprintf(timings, "key %s %.3f\n", key_format(key, name, sizeof name) ? name : "?",
				elapsed_ms(&t0, &t1));
		}
	}
	if (timings) {
		fprintf(timings, "peak_rss_kib %ld\n", peak_rss_kib());
		fclose(timings);
	}
	int sig = ui_signal;
	/* Whatever was half-done is not saved: roll it back before leaving. */
	if (db_in_transaction(db))
		db_rollback(db);
	while (app.depth > 0) {
		struct screen *s = app.stack[--app.depth];
		s->ops->destroy(s);
	}
	if (app.help_panel)
		del_panel(app.help_panel);
	if (app.help_win)
		delwin(app.help_win);
	delwin(app.top);
	delwin(app.body);
	delwin(app.status);
	stop_terminal(&app);
	free(app.steps);
	signal_db = NULL;
	return sig ? 128 + sig : 0;
}
