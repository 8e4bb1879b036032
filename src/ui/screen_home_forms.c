/*
 * src/ui/screen_home_forms.c: the board records that a void home is out of
 * use (works, sale: "unavailable" in the homes list) or back in use, with
 * a note why, as a descriptor for the form screen (home_update; a change
 * another terminal saved meanwhile is refused naming who). A let home is
 * not offered it: its tenancy must end first.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/homes.h"
#include "form.h"

static const char *const states[] = { "in use (void)", "unavailable", NULL };
static const int state_values[] = { 1, 0 };

enum { U_STATE, U_NOTES, U_COUNT };

static const struct form_spec use_fields[U_COUNT] = {
	[U_STATE] = {
		.label = "Status", .kind = FORM_CHOICE, .required = 1, .choices = states,
		.values = state_values, FORM_AT(struct home, in_use),
		.help = "Unavailable: out of use (major works, sale), not to be let until back in use.",
	},
	[U_NOTES] = {
		.label = "Notes: why, until", .kind = FORM_MULTILINE, .max_chars = HOME_NOTES_MAX, .rows = 4,
		FORM_AT(struct home, notes),
		.help = "Why, and until when: \"new roof, back in use by 1 March\".",
	},
};

static const struct ferr use_errs[] = { { "notes", U_NOTES }, { "", U_STATE } };

static int use_save(struct fscreen *fs)
{
	struct home *h = fs->rec;
	int rc = home_update(fs->app->db, &fs->app->who, h);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "%s is %s", h->ref,
			 h->in_use ? "in use: void, ready to let" : "unavailable: out of use");
	return rc;
}

static const struct fdesc use_form = {
	.name = "A home's use",
	.area = 1,
	.spec = use_fields,
	.n = U_COUNT,
	.rec_size = sizeof(struct home),
	.save = use_save,
	.errs = use_errs,
	.nerrs = (int)(sizeof use_errs / sizeof use_errs[0]),
};

struct screen *screen_home_use_new(struct app *app, const struct home *h)
{
	char title[HOME_REF_MAX * 4 + HOME_ADDRESS_MAX * 4 + 32];
	snprintf(title, sizeof title, "In use or unavailable: %s, %s", h->ref, h->address);
	return form_screen_new(app, &use_form, title, h, NULL, 0);
}
