/*
 * src/ui/form_screen.c: the screen ops of a screen that is one form
 * (form.h): the repair form, the user forms.
 */
#include "form.h"

static struct form_view *screen_form(struct screen *s)
{
	return *(struct form_view **)s->priv;
}

void form_screen_layout(struct screen *s, int rows, int cols)
{
	form_layout(screen_form(s), rows, cols);
}

void form_screen_draw(struct screen *s, WINDOW *w)
{
	form_draw(screen_form(s), w);
}

const char *form_screen_hint(struct screen *s)
{
	return form_hint(screen_form(s));
}

int form_screen_handle(struct screen *s, enum action a, int32_t key,
		       void (*save)(struct screen *s))
{
	switch (form_key(screen_form(s), a, key)) {
	case FORM_UNHANDLED:
		return 0;
	case FORM_LEAVE:
		app_pop(s->app); /* frees s */
		return 1;
	case FORM_SAVE:
		s->dirty = 1;
		save(s); /* may free s */
		return 1;
	case FORM_HANDLED:
		break;
	}
	s->dirty = 1;
	return 1;
}
