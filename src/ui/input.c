/*
 * src/ui/input.c: where keys come from (the keyboard, or a script for
 * tests and benchmarks) and the screen dump that scripts ask for.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "coopdesk/script.h"
#include "ui.h"

/* curses' key codes to ours (coopdesk/keys.h), so the rest of the program,
 * the keys file and scripts all speak one language. */
static int32_t from_curses(int rc, wint_t wc)
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
		case STEP_SLEEP: {
			struct timespec ts = { s->ms / 1000, (long)(s->ms % 1000) * 1000000L };
			nanosleep(&ts, NULL);
			break;
		}
		case STEP_QUIT:
			app->quit = 1;
			return CDK_NONE;
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
	int32_t key = from_curses(rc, wc);
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
