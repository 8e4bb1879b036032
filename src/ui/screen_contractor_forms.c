/*
 * src/ui/screen_contractor_forms.c: adding a contractor and editing one
 * (name, trade, phone, email), each a descriptor for the form screen. The
 * schema's limits refuse, in words beside the field, an empty or long
 * name and so on; what was typed stays.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/contractors.h"
#include "contractors_ui.h"
#include "form.h"

enum { C_NAME, C_TRADE, C_PHONE, C_EMAIL, C_COUNT };

static const struct form_spec fields[C_COUNT] = {
	[C_NAME] = {
		.label = "Name", .kind = FORM_TEXT, .required = 1, .max_chars = CONTRACTOR_NAME_MAX,
		FORM_AT(struct contractor, name),
		.help = "The firm or the person: \"Pennine Plumbing & Heating\".",
	},
	[C_TRADE] = {
		.label = "Trade", .kind = FORM_TEXT, .max_chars = CONTRACTOR_TRADE_MAX,
		FORM_AT(struct contractor, trade),
		.help = "What they do: plumbing, roofing, electrical, general.",
	},
	[C_PHONE] = {
		.label = "Phone", .kind = FORM_TEXT, .max_chars = CONTRACTOR_PHONE_MAX,
		FORM_AT(struct contractor, phone),
	},
	[C_EMAIL] = {
		.label = "Email", .kind = FORM_TEXT, .max_chars = CONTRACTOR_EMAIL_MAX,
		FORM_AT(struct contractor, email),
	},
};

static const struct ferr errs[] = {
	{ "name", C_NAME }, { "trade", C_TRADE }, { "phone", C_PHONE }, { "email", C_EMAIL },
};

static int add_save(struct fscreen *fs)
{
	struct contractor *c = fs->rec;
	c->id = 0;
	int rc = contractor_create(fs->app->db, &fs->app->who, c);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Added %s", c->name);
	return rc;
}

static int edit_save(struct fscreen *fs)
{
	struct contractor *c = fs->rec;
	int rc = contractor_update(fs->app->db, &fs->app->who, c);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Saved %s", c->name);
	return rc;
}

static const struct fdesc add_form = {
	.name = "A new contractor",
	.area = 3,
	.spec = fields,
	.n = C_COUNT,
	.rec_size = sizeof(struct contractor),
	.save = add_save,
	.errs = errs,
	.nerrs = (int)(sizeof errs / sizeof errs[0]),
};

static const struct fdesc edit_form = {
	.name = "A contractor",
	.area = 3,
	.spec = fields,
	.n = C_COUNT,
	.rec_size = sizeof(struct contractor),
	.save = edit_save,
	.errs = errs,
	.nerrs = (int)(sizeof errs / sizeof errs[0]),
};

struct screen *screen_contractor_add_new(struct app *app)
{
	return form_screen_new(app, &add_form, "Add a contractor", NULL, NULL, 0);
}

struct screen *screen_contractor_edit_new(struct app *app, const struct contractor *c)
{
	char title[CONTRACTOR_NAME_MAX * 4 + 16];
	snprintf(title, sizeof title, "Edit %s", c->name);
	return form_screen_new(app, &edit_form, title, c, NULL, 0);
}
