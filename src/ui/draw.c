/*
 * src/ui/draw.c: putting text on screen by display columns, so that
 * "李小龍" (6 columns) and "Zoë" (3) line up in a table.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/text.h"
#include "form_text.h"
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

char *ui_join(char *buf, size_t n, ...)
{
	va_list ap;
	size_t used = 0;
	if (n == 0)
		return buf;
	buf[0] = '\0';
	va_start(ap, n);
	for (const char *part = va_arg(ap, const char *); part; part = va_arg(ap, const char *)) {
		if (used + 1 >= n)
			continue;
		text_copy(buf + used, n - used, part);
		used += strlen(buf + used);
	}
	va_end(ap);
	return buf;
}

/* Writes text in up to `lines` lines of `width` columns from (y, x),
 * breaking at spaces; what does not fit ends in "…". */
void draw_wrapped(WINDOW *w, int y, int x, int width, int lines, const char *s)
{
	int n;
	struct ftext_line *l = ftext_wrap(s, width, &n);
	if (!l)
		return;
	for (int i = 0; i < lines && i < n; i++) {
		size_t end = l[i].hard ? l[i].end - 1 : l[i].end;
		if (i == lines - 1)
			end = strlen(s);
		size_t len = end - l[i].start;
		char *part = malloc(len + 1);
		if (!part)
			break;
		memcpy(part, s + l[i].start, len);
		part[len] = '\0';
		text_trim(part);
		draw_text(w, y + i, x, text_width(part) < width ? text_width(part) : width, part);
		free(part);
	}
	free(l);
}

