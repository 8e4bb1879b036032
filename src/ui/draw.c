/*
 * src/ui/draw.c: putting text on screen by display columns, so that
 * "李小龍" (6 columns) and "Zoë" (3) line up in a table.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/text.h"
#include "ui.h"

void draw_text(WINDOW *w, int y, int x, int width, const char *s)
{
	if (width <= 0)
		return;
	/* text_fit's bound: 3 bytes per input byte plus the columns. */
	size_t len = strlen(s ? s : "");
	char small[1024];
	char *buf = small;
	size_t need = 3 * len + (size_t)width + 4;
	if (need > sizeof small && !(buf = malloc(need)))
		return;
	text_fit(s ? s : "", width, buf, buf == small ? sizeof small : need);
	mvwaddstr(w, y, x, buf);
	if (buf != small)
		free(buf);
}

void draw_fill(WINDOW *w, int y, int x, int width)
{
	if (width > 0)
		mvwhline(w, y, x, ' ', width);
}
