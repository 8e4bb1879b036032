/*
 * src/ui/input.c: where keys come from (the keyboard, or a script for
 * tests and benchmarks) and the screen dump that scripts ask for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "coopdesk/script.h"
#include "ui.h"

/* The codes curses gives the start and end of a bracketed paste (taught
 * with define_key in input_start). */
#define KEY_PASTE_BEGIN (KEY_MAX + 1)
#define KEY_PASTE_END (KEY_MAX + 2)

/* curses' key codes to ours (coopdesk/keys.h), so the rest of the program,
 * the keys file and scripts all speak one language. */
static int32_t from_curses(struct app *app, int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP: return CDK_UP;
		case KEY_DOWN: return CDK_DOWN;
		case KEY_LEFT: return CDK_LEFT;
		case KEY_RIGHT: return CDK_RIGHT;
		case KEY_PPAGE: return CDK_PGUP;
		case KEY_NPAGE: return CDK_PGDN;
		case KEY_HOME: return CDK_HOME;
		case KEY_END: return CDK_END;
		case KEY_ENTER: return CDK_ENTER;
		case KEY_BTAB: return CDK_BACKTAB;
		case KEY_BACKSPACE: return CDK_BACKSPACE;
		case KEY_DC: return CDK_DELETE;
		case KEY_IC: return CDK_INSERT;
		case KEY_RESIZE: return CDK_RESIZE;
		case KEY_PASTE_BEGIN: return CDK_PASTE_BEGIN;
		case KEY_PASTE_END: return CDK_PASTE_END;
		case KEY_MOUSE: {
			MEVENT ev;
			if (getmouse(&ev) != OK)
				return CDK_NONE;
			app->mouse_y = ev.y;
			app->mouse_x = ev.x;
			app->mouse_twice = (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0;
			app->mouse_wheel = (ev.bstate & BUTTON4_PRESSED) ? -1
					 : (ev.bstate & BUTTON5_PRESSED) ? 1 : 0;
			if (!app->mouse_wheel && !(ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)))
				return CDK_NONE;
			return CDK_MOUSE;
		}
		default:
			if (wc >= KEY_F(1) && wc <= KEY_F(12))
				return CDK_F1 + (int32_t)(wc - KEY_F(1));
			return CDK_NONE;
		}
	}
	switch (wc) {
	case '\n': case '\r': return CDK_ENTER;
	case 27: return CDK_ESC;
	case '\t': return CDK_TAB;
	case 127: case 8: return CDK_BACKSPACE;
	default: return (int32_t)wc;
	}
}

void input_start(struct app *app)
{
	/* Bracketed paste: the terminal marks pasted text, so that a pasted
	 * Esc or y is typed as text and never answers a question. */
	define_key("\033[200~", KEY_PASTE_BEGIN);
	define_key("\033[201~", KEY_PASTE_END);
	if (!app->opt->headless) {
		fputs("\033[?2004h", stdout);
		fflush(stdout);
	}
	/* The mouse only when asked for (--mouse, or the mouse setting):
	 * otherwise the terminal keeps it, and its wheel sends arrow keys,
	 * which only ever move. */
	if (app->mouse) {
		mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
			  NULL);
		mouseinterval(300);
	}
}

void input_stop(struct app *app)
{
	if (app->mouse)
		mousemask(0, NULL);
	if (!app->opt->headless) {
		fputs("\033[?2004l", stdout);
		fflush(stdout);
	}
}

int input_script_load(struct app *app, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "coopdesk: cannot read the script %s: %s\n", path, strerror(errno));
		return -1;
	}
	size_t cap = 1 << 16, n = 0, got;
	char *text = malloc(cap);
	while (text && (got = fread(text + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			char *grown = cap < (16u << 20) ? realloc(text, cap *= 2) : NULL;
			if (!grown) {
				free(text);
				text = NULL;
			}
			text = grown;
		}
	}
	fclose(f);
	if (!text) {
		fprintf(stderr, "coopdesk: the script %s is too large\n", path);
		return -1;
	}
	char err[256];
	int rc = script_parse(text, n, &app->steps, &app->nsteps, err, sizeof err);
	free(text);
	if (rc != 0) {
		fprintf(stderr, "coopdesk: %s: %s\n", path, err);
		return -1;
	}
	app->step = 0;
	return 0;
}

static int32_t script_next(struct app *app)
{
	while (app->step < app->nsteps) {
		const struct script_step *s = &app->steps[app->step++];
		switch (s->kind) {
		case STEP_KEY:
			return s->key;
		case STEP_DUMP:
			if (ui_dump(app, s->path) != 0)
				app_message(app, STYLE_ERROR, "script line %d: cannot write %s",
					    s->line, s->path);
			break;
		case STEP_RESIZE:
			resizeterm(s->rows, s->cols);
			return CDK_RESIZE;
		case STEP_WAIT: {
			/* A handshake: the test creates the file when it is done. */
			struct timespec ts = { 0, 10 * 1000000L };
			for (int i = 0; i < 1000 && access(s->path, F_OK) != 0; i++)
				nanosleep(&ts, NULL);
			break;
		}
		case STEP_SLEEP: {
			struct timespec ts = { s->ms / 1000, (long)(s->ms % 1000) * 1000000L };
			nanosleep(&ts, NULL);
			break;
		}
		case STEP_QUIT:
			app->quit = 1;
			return CDK_NONE;
		case STEP_MOUSE:
			app->mouse_y = s->rows;
			app->mouse_x = s->cols;
			app->mouse_twice = s->mouse == 2;
			app->mouse_wheel = s->mouse == 3 ? -1 : s->mouse == 4 ? 1 : 0;
			if (!app->mouse)
				break; /* the mouse is off: the click goes nowhere */
			return CDK_MOUSE;
		}
	}
	app->quit = 1; /* the script has ended */
	return CDK_NONE;
}

int32_t input_next(struct app *app, int timeout_ms)
{
	if (app->steps)
		return script_next(app);
	wint_t wc;
	wtimeout(app->status, timeout_ms);
	int rc = wget_wch(app->status, &wc);
	if (rc == ERR)
		return CDK_NONE;
	int32_t key = from_curses(app, rc, wc);
	/* Alt-x arrives as Esc then x: keep Esc meaning Esc (ESCDELAY is short). */
	return key;
}

/* The line-drawing characters curses keeps in the alternate character
 * set, as plain text for a dump. */
static wchar_t plain_acs(wchar_t c)
{
	switch (c) {
	case 'q': return L'-';
	case 'x': return L'|';
	case 'l': case 'k': case 'm': case 'j':
	case 't': case 'u': case 'v': case 'w': case 'n': return L'+';
	default: return c;
	}
}

int ui_dump(struct app *app, const char *path)
{
	(void)app;
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	char out[4096 * 4];
	for (int y = 0; y < LINES; y++) {
		size_t len = 0;
		for (int x = 0; x < COLS && len + 16 < sizeof out; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1];
			attr_t attrs;
			short pair;
			if (mvwin_wch(curscr, y, x, &cell) == ERR ||
			    getcchar(&cell, wch, &attrs, &pair, NULL) == ERR)
				continue;
			if (attrs & A_ALTCHARSET)
				wch[0] = plain_acs(wch[0]);
			for (int i = 0; wch[i]; i++) {
				mbstate_t st;
				memset(&st, 0, sizeof st);
				size_t k = wcrtomb(out + len, wch[i], &st);
				if (k != (size_t)-1)
					len += k;
			}
			/* A wide character fills the next cell too. */
			int cw = wcwidth(wch[0]);
			if (cw > 1)
				x += cw - 1;
		}
		while (len > 0 && out[len - 1] == ' ')
			len--;
		out[len] = '\0';
		fprintf(f, "%s\n", out);
	}
	return fclose(f) == 0 ? 0 : -1;
}
