/*
 * src/ui/form_screen.c: the screen ops of a screen that is one form
 * (form.h): the repair form, the user forms; and the form screen made
 * from a descriptor (struct fdesc), which most forms are.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* What the screen does with what the form did with a key. */
static int act_on(struct screen *s, enum form_result r, void (*save)(struct screen *s))
{
	switch (r) {
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

int form_screen_handle(struct screen *s, enum action a, int32_t key,
		       void (*save)(struct screen *s))
{
	return act_on(s, form_key(screen_form(s), a, key), save);
}

/* ---- from a descriptor ---------------------------------------------------- */

/* The field a refusal's words name, or -1. */
static int field_named(const struct fdesc *d, const char *msg)
{
	for (int i = 0; i < d->nerrs; i++)
		if (strstr(msg, d->errs[i].words))
			return d->errs[i].field;
	return -1;
}

static void fs_save(struct screen *s)
{
	struct fscreen *fs = s->priv;
	struct app *app = s->app;
	form_store(fs->form, fs->rec);
	fs->done[0] = '\0';
	int rc = fs->d->save(fs);
	if (rc == DB_OK) {
		char done[sizeof fs->done];
		memcpy(done, fs->done, sizeof done);
		struct screen *next = fs->d->then ? fs->d->then(fs) : NULL;
		app_pop(app); /* frees s; the screen below reads itself again */
		if (next)
			app_push(app, next);
		app_message(app, STYLE_OK, "%s", done[0] ? done : "Saved");
		return;
	}
	if (rc == FORM_QUIET)
		return;
	if (rc != FORM_STAY) {
		const char *msg = db_errmsg(app->db);
		int field = field_named(fs->d, msg);
		if (field >= 0)
			form_set_error(fs->form, field, msg);
		else
			form_message(fs->form, STYLE_ERROR, "%s", msg);
	}
	app_message(app, STYLE_ERROR, "Not saved: nothing you typed was lost");
}

static int fs_handle(struct screen *s, enum action a, int32_t key)
{
	struct fscreen *fs = s->priv;
	enum form_result r = form_key(fs->form, a, key);
	/* Only after a key the form took as typing or moving: saving or
	 * leaving may free the screen. */
	if (r == FORM_HANDLED && fs->d->changed)
		fs->d->changed(fs);
	return act_on(s, r, fs_save);
}

static void fs_destroy(struct screen *s)
{
	struct fscreen *fs = s->priv;
	form_free(fs->form);
	free(fs->rec);
	free(fs);
	free(s);
}

struct screen *form_screen_new(struct app *app, const struct fdesc *d, const char *title,
			       const void *rec, const void *ctx, size_t ctx_size)
{
	static const struct screen_ops ops = {
		.scope = 'F',
		.layout = form_screen_layout,
		.draw = form_screen_draw,
		.handle = fs_handle,
		.hint = form_screen_hint,
		.destroy = fs_destroy,
	};
	struct screen *s = calloc(1, sizeof *s);
	struct fscreen *fs = calloc(1, sizeof *fs);
	void *copy = calloc(1, d->rec_size);
	struct form_view *f = form_new(app, d->spec, d->n);
	if (!s || !fs || !copy || !f || ctx_size > sizeof fs->ctx) {
		free(s);
		free(fs);
		free(copy);
		form_free(f);
		app_message(app, STYLE_ERROR, "out of memory: the form could not be opened");
		return NULL;
	}
	if (rec)
		memcpy(copy, rec, d->rec_size);
	if (ctx_size)
		memcpy(fs->ctx, ctx, ctx_size);
	form_set_title(f, title);
	form_load(f, copy);
	fs->form = f;
	fs->app = app;
	fs->d = d;
	fs->rec = copy;
	fs->ops = ops; /* named for this form, for the help */
	fs->ops.name = d->name;
	s->ops = &fs->ops;
	s->app = app;
	s->area = d->area;
	s->priv = fs;
	if (d->changed)
		d->changed(fs);
	return s;
}
