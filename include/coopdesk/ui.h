/*
 * coopdesk/ui.h: the terminal interface's entry point.
 */
#ifndef COOPDESK_UI_PUBLIC_H
#define COOPDESK_UI_PUBLIC_H

#include "coopdesk/db.h"

enum ui_color { UI_COLOR_AUTO, UI_COLOR_NEVER, UI_COLOR_ALWAYS };

struct ui_options {
	enum ui_color color;     /* NO_COLOR in the environment means never, unless ALWAYS */
	const char *script;      /* read keys from this file instead of the keyboard */
	int headless;            /* draw to no terminal (with a script) */
	int cols, rows;          /* headless size; 0 for 80x24 */
	const char *keys_file;   /* key bindings; NULL for $XDG_CONFIG_HOME/coopdesk/keys */
	int mouse;               /* take the mouse (also the co-op's mouse setting) */
	const char *backup_failed; /* why today's automatic backup failed, or NULL */
};

/* Runs the interface on an open database as `who` until the person quits,
 * a script ends, or a signal arrives. Returns the process exit status: 0,
 * 1 on an error (printed to stderr after the terminal is restored), or
 * 128 + the signal's number. With `who` NULL it starts at the login
 * screen; otherwise the session is `who`'s from the start. */
int ui_run(const struct ui_options *opt, struct db *db, const struct actor *who);

#endif
