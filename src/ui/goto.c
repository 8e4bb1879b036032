/*
 * src/ui/goto.c: the go-to key: from any screen, a reference typed on the
 * status line (R-000123, WEA-10, member no. 42) opens that record, within
 * what the person logged in may see (refs.h). A reference that names
 * nothing is said so on the same line, and what was typed stays.
 */
#include <ctype.h>
#include <stdio.h>

#include "prompt.h"
#include "refs.h"
#include "ui.h"

#define GOTO_LABEL "Go to (R-000123, WEA-10, member no. 42): "

void goto_start(struct app *app)
{
	prompt_start(app->go, PROMPT_TEXT, GOTO_LABEL, NULL);
	app->status_dirty = 1;
}

void goto_key(struct app *app, int32_t key)
{
	app->status_dirty = 1;
	if (prompt_key(app->go, app, key) != PROMPT_DONE)
		return;
	char why[256], label[320];
	struct screen *s = refs_open(app, app->go->text, why, sizeof why);
	if (!s) {
		/* Said on the prompt's own line: the status line is one line. */
		snprintf(label, sizeof label, "%s. Go to: ", why);
		label[0] = (char)toupper((unsigned char)label[0]);
		char typed[sizeof app->go->text];
		snprintf(typed, sizeof typed, "%s", app->go->text);
		prompt_start(app->go, PROMPT_TEXT, label, typed);
		return;
	}
	prompt_stop(app->go);
	app_push(app, s);
}
