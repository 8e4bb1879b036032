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
#include "ui.h"

volatile sig_atomic_t ui_signal;
static struct db *signal_db;

static const char *const area_names[5] = {
	"Home", "Tenancies", "Members & shares", "Repairs", "Meetings",
};
/* On a narrow terminal the areas' short names leave room for who is in. */
static const char *const area_short[5] = {
	"Home", "Tenancies", "Members", "Repairs", "Meetings",
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
		s->ops->destroy(s);
		app_message(app, STYLE_ERROR, "too many screens open: press Esc to go back");
		return;
	}
	app->stack[app->depth++] = s;
	screen_layout(app, s);
	app->top_dirty = app->status_dirty = 1;
}

void app_pop(struct app *app)
{
	if (app->depth <= 1)
		return; /* the area's own screen stays */
	struct screen *s = app->stack[--app->depth];
	s->ops->destroy(s);
	struct screen *top = app_top(app);
	screen_layout(app, top);
	app->top_dirty = app->status_dirty = 1;
}

void app_set_area(struct app *app, int area)
{
	while (app->depth > 0) {
		struct screen *s = app->stack[--app->depth];
		s->ops->destroy(s);
	}
	struct screen *s;
	switch (area) {
	case 3: s = screen_repairs_new(app); break;
	case 1: s = screen_placeholder_new(app, 1, "homes, tenancies and rent accounts"); break;
	case 2: s = screen_placeholder_new(app, 2, "the register of members and the share register"); break;
	case 4: s = screen_placeholder_new(app, 4, "meetings, motions, votes and board decisions"); break;
	default: s = screen_home_new(app); break;
	}
	if (!s) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		s = screen_placeholder_new(app, area, "this area (it could not be opened)");
	}
	app_push(app, s);
	app->message[0] = '\0';
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

static void draw_top(struct app *app)
{
	WINDOW *w = app->top;
	style_on(w, STYLE_HEADER);
	draw_fill(w, 0, 0, app->cols);
	/* The areas take what they need; the co-op's name and who is logged in
	 * share the rest, the name clipped first. */
	char tabs[5][40], who[128];
	int tabs_w = 0;
	for (int pass = 0; pass < 2; pass++) {
		tabs_w = 0;
		for (int i = 0; i < 5; i++) {
			snprintf(tabs[i], sizeof tabs[i], "%d %s", i + 1,
				 pass ? area_short[i] : area_names[i]);
			tabs_w += text_width(tabs[i]) + 2;
		}
		if (app->cols - tabs_w >= 40)
			break;
	}
	snprintf(who, sizeof who, "%s", app->who.name ? app->who.name : "");
	int who_w = text_width(who);
	int room = app->cols - (app->logged_in ? tabs_w : 0) - 2;
	if (who_w > room / 2)
		who_w = room / 2;
	int name_w = room - who_w - 2;
	if (name_w > text_width(app->coop_name))
		name_w = text_width(app->coop_name);
	int x = 1;
	if (name_w > 0) {
		draw_text(w, 0, x, name_w, app->coop_name);
		x += name_w + 1;
	}
	struct screen *top = app_top(app);
	for (int i = 0; i < 5 && app->logged_in; i++) {
		int tw = text_width(tabs[i]) + 2;
		if (top && top->area == i)
			style_on(w, STYLE_TAB_ACTIVE);
		mvwaddch(w, 0, x, ' ');
		draw_text(w, 0, x + 1, tw - 2, tabs[i]);
		mvwaddch(w, 0, x + tw - 1, ' ');
		style_on(w, STYLE_HEADER);
		x += tw;
	}
	if (who_w > 0 && app->logged_in)
		draw_text(w, 0, app->cols - who_w - 1, who_w, who);
	style_off(w, STYLE_HEADER);
	wnoutrefresh(w);
}

static void draw_status(struct app *app)
{
	WINDOW *w = app->status;
	int style = app->message[0] ? app->message_style : STYLE_STATUS;
	style_on(w, (enum ui_style)style);
	draw_fill(w, 0, 0, app->cols);
	if (app->message[0]) {
		draw_text(w, 0, 1, app->cols - 2, app->message);
	} else {
		struct screen *top = app_top(app);
		char help[32], line[512];
		bindings_keys(ACT_HELP, help, sizeof help);
		/* In a form, letters are typed: only named keys are offered. */
		if (top && top->ops->scope == 'F')
			snprintf(line, sizeof line, "%s  F1 help",
				 top->ops->hint ? top->ops->hint(top) : "");
		else
			snprintf(line, sizeof line, "%s  %s help  q log out",
				 top && top->ops->hint ? top->ops->hint(top) : "", help);
		draw_text(w, 0, 1, app->cols - 2, line);
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
		if (top)
			top->dirty = 1; /* redrawn whole once unlocked */
	} else if (top && top->dirty) {
		werase(app->body);
		top->ops->draw(top, app->body);
		wnoutrefresh(app->body);
		top->dirty = 0;
	}
	if (app->status_dirty)
		draw_status(app);
	if (app->help_open && !app->locked)
		help_draw(app);
	else if (!app->too_small)
		wnoutrefresh(app->body); /* the cursor ends where the body left it */
	doupdate();
	app->top_dirty = app->status_dirty = app->all_dirty = 0;
}

/* ---- the loop ---------------------------------------------------------- */

static void handle_key(struct app *app, int32_t key)
{
	struct screen *top = app_top(app);
	if (key == CDK_RESIZE) {
		make_windows(app);
		return;
	}
	if (app->too_small)
		return; /* nothing to act on until the terminal grows */
	app->last_key_ms = session_now_ms();
	if (app->locked) {
		session_lock_key(app, key);
		return;
	}
	enum action a = bindings_lookup(top ? top->ops->extra_scope : 0,
					top ? top->ops->scope : 'G', key);
	if (app->help_open) {
		if (help_handle(app, a))
			return;
	}
	/* A message stays until the next key. */
	if (app->message[0]) {
		app->message[0] = '\0';
		app->status_dirty = 1;
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
		app_pop(app);
		break;
	case ACT_AREA_HOME: case ACT_AREA_TENANCIES: case ACT_AREA_MEMBERS:
	case ACT_AREA_REPAIRS: case ACT_AREA_MEETINGS:
		if (app->logged_in)
			app_set_area(app, (int)(a - ACT_AREA_HOME));
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		app->all_dirty = 1;
		break;
	case ACT_LOCK:
		session_lock(app);
		break;
	default:
		if (key != CDK_NONE && a == ACT_NONE) {
			char name[32];
			key_format(key, name, sizeof name);
			app_message(app, STYLE_STATUS, "%s does nothing here: press ? for the keys", name);
		}
		break;
	}
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
	curs_set(0);
	style_init(app);
	return 0;
}

static void stop_terminal(struct app *app)
{
	if (app->term) {
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
	if (start_terminal(&app) != 0) {
		free(app.steps);
		return 1;
	}
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
			    session_now_ms() - app.last_key_ms > app.idle_seconds * 1000.0) {
				session_lock(&app);
				draw(&app);
			}
			continue;
		}
		int was_in = app.logged_in;
		clock_gettime(CLOCK_MONOTONIC, &t0);
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
