/*
 * src/ui/screen_settings_form.c: the form that changes one setting. Its
 * title names the setting, the values it may take and its default; the
 * foot says what it is for and where it comes from. A value out of range
 * or not of the setting's kind is refused beside the field, in the data
 * layer's words with the range, and what was typed stays; a change
 * another terminal made meanwhile is refused saying who and when.
 */
#include <stdio.h>
#include <string.h>

#include "form.h"
#include "settings_ui.h"

enum { S_VALUE, S_COUNT };

static const struct form_spec fields[S_COUNT] = {
	[S_VALUE] = {
		.label = "Value", .kind = FORM_TEXT, .required = 1, .max_chars = SETTING_VALUE_MAX,
		FORM_AT(struct setting, value),
		.help = "A number as digits (money in pence; yes 1, no 0), a date as 2026-03-31.",
	},
};

static int save(struct fscreen *fs)
{
	struct setting *s = fs->rec;
	struct setting was;
	char range[96];
	int rc = setting_get(fs->app->db, s->key, &was);
	if (!rc)
		rc = setting_set(fs->app->db, &fs->app->who, s->key, s->value, s->version);
	if (rc == DB_OK) {
		snprintf(fs->done, sizeof fs->done, "%s was %.200s; now %.200s", s->key, was.value,
			 s->value);
		return DB_OK;
	}
	if (rc == DB_CONSTRAINT || rc == DB_INVALID) {
		/* The range beside the words, where the setting has one. */
		setting_range_words(s, range, sizeof range);
		char msg[700];
		if (strcmp(s->kind, "text") == 0)
			snprintf(msg, sizeof msg, "%s", db_errmsg(fs->app->db));
		else
			snprintf(msg, sizeof msg, "%s (allowed: %s)", db_errmsg(fs->app->db), range);
		form_set_error(fs->form, S_VALUE, msg);
		return FORM_STAY;
	}
	return rc;
}

/* What the setting is for, at the foot, always. */
static void changed(struct fscreen *fs)
{
	const struct setting *s = fs->rec;
	form_message(fs->form, STYLE_NORMAL, "%s. Source: %s.", s->description,
		     s->source[0] ? s->source : "none named");
}

static const struct fdesc edit_form = {
	.name = "A setting",
	.area = 0,
	.spec = fields,
	.n = S_COUNT,
	.rec_size = sizeof(struct setting),
	.save = save,
	.changed = changed,
};

struct screen *screen_setting_edit_new(struct app *app, const struct setting *s)
{
	char title[SETTING_KEY_MAX + 256], range[96], dflt[SETTING_VALUE_MAX * 4 + 1] = "";
	setting_range_words(s, range, sizeof range);
	if (s->has_default)
		setting_value_words(s, s->default_value, dflt, sizeof dflt);
	snprintf(title, sizeof title, "Change %s: %s; default %.60s", s->key, range,
		 s->has_default ? dflt : "none (the co-op's own)");
	return form_screen_new(app, &edit_form, title, s, NULL, 0);
}
