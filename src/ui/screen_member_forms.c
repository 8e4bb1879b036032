/*
 * src/ui/screen_member_forms.c: the forms on a member's entry, each a
 * descriptor for the form screen (form.h), bound to struct member:
 *
 *   admit    (board) a new member and their share, in one transaction
 *            (share_admit); the next free member number offered, editable
 *   edit     (board) every field of the entry but the number (member_update)
 *   contact  (the member themselves) their address, email and phone
 *            (member_update_contact)
 *
 * The data layer decides and says what is wrong (an age under the
 * co-op's minimum, a date to come, a number taken, an email without @);
 * its words go beside the field they name, and the rest of the form stays.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/settings.h"
#include "coopdesk/shares.h"
#include "form.h"

/* ---- the fields ------------------------------------------------------------ */

#define F_NO { \
	.label = "Member no.", .kind = FORM_INTEGER, .required = 1, .min = 1, .max = 9999999, \
	FORM_AT(struct member, member_no), \
	.help = "Their number on the register: the next free one is offered." }
#define F_NAME { \
	.label = "Name", .kind = FORM_TEXT, .required = 1, .max_chars = MEMBER_NAME_MAX, \
	FORM_AT(struct member, name), .help = "Their full name, as the register shows it." }
#define F_ADDRESS { \
	.label = "Address", .kind = FORM_TEXT, .required = 1, .max_chars = MEMBER_ADDRESS_MAX, \
	FORM_AT(struct member, address), \
	.help = "Their postal address, without the postcode (the register's address)." }
#define F_POSTCODE { \
	.label = "Postcode", .kind = FORM_TEXT, .max_chars = 10, .width = 12, \
	FORM_AT(struct member, postcode) }
#define F_EMAIL { \
	.label = "Email", .kind = FORM_TEXT, .max_chars = MEMBER_EMAIL_MAX, \
	FORM_AT(struct member, email), \
	.help = "Optional: name@example.org. If given, say below what it was given for." }
#define F_PURPOSE { \
	.label = "Email is for", .kind = FORM_TEXT, .max_chars = MEMBER_PURPOSE_MAX, \
	FORM_AT(struct member, email_purpose), \
	.help = "What the email address was given for: notices of meetings, rent statements..." }
#define F_PHONE { \
	.label = "Phone", .kind = FORM_TEXT, .max_chars = 30, .width = 32, \
	FORM_AT(struct member, phone), .help = "Optional. Only the board and the member see it." }
#define F_BORN { \
	.label = "Date of birth", .kind = FORM_DATE, FORM_AT(struct member, date_of_birth), \
	.help = "Optional, dd/mm/yyyy. A member must be at least the co-op's minimum age" \
		" (18 unless the board has set another) to hold a share." }
#define F_NOTES { \
	.label = "Notes", .kind = FORM_MULTILINE, .max_chars = MEMBER_NOTES_MAX, .rows = 2, \
	FORM_AT(struct member, notes), .help = "Only the board and the member see these." }

/* Refusals by their words, the fields they name, for the forms with the
 * contact fields in this order from `first`. Before any "name": an email's
 * message says name@example.org. */
#define ERR_CONTACT(first) \
	{ "given for", (first) + 3 }, { "email", (first) + 2 }, { "postcode", (first) + 1 }, \
	{ "postal address", (first) }, { "phone", (first) + 4 }

/* ---- admit ----------------------------------------------------------------- */

enum { A_NO, A_NAME, A_ADDRESS, A_POSTCODE, A_EMAIL, A_PURPOSE, A_PHONE, A_BORN, A_ON,
       A_NOTES, A_COUNT };

static const struct form_spec admit_fields[A_COUNT] = {
	[A_NO] = F_NO, [A_NAME] = F_NAME, [A_ADDRESS] = F_ADDRESS, [A_POSTCODE] = F_POSTCODE,
	[A_EMAIL] = F_EMAIL, [A_PURPOSE] = F_PURPOSE, [A_PHONE] = F_PHONE, [A_BORN] = F_BORN,
	[A_ON] = {
		.label = "Admitted on", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct member, entered_on),
		.help = "The day they were admitted: entered on the register and issued their"
			" share. Not a day still to come.",
	},
	[A_NOTES] = F_NOTES,
};

static const struct ferr admit_errs[] = {
	{ "member number", A_NO }, { "born", A_BORN }, { "or over", A_BORN },
	{ "date of birth", A_BORN }, { "admission", A_ON }, { "entered on the register", A_ON },
	ERR_CONTACT(A_ADDRESS), { "name", A_NAME },
};

static int admit_save(struct fscreen *fs)
{
	struct member *m = fs->rec;
	char on[ISO_DATE_LEN], value[MONEY_BUFSZ];
	int64_t pence = 0;
	memcpy(on, m->entered_on, sizeof on);
	m->id = 0;
	m->sort_name[0] = '\0';
	int rc = share_admit(fs->app->db, &fs->app->who, m, on);
	if (rc != DB_OK)
		return rc;
	if (setting_int(fs->app->db, "share_value", &pence) == DB_OK)
		money_format(pence, value, sizeof value);
	else
		snprintf(value, sizeof value, "share");
	snprintf(fs->done, sizeof fs->done, "Admitted %s as member no. %lld, and issued their %s share",
		 m->name, (long long)m->member_no, value);
	return DB_OK;
}

static struct screen *admitted(struct fscreen *fs)
{
	return screen_member_new(fs->app, ((const struct member *)fs->rec)->id);
}

static const struct fdesc admit_form = {
	.name = "Admit a member",
	.area = 2,
	.spec = admit_fields,
	.n = A_COUNT,
	.rec_size = sizeof(struct member),
	.save = admit_save,
	.errs = admit_errs,
	.nerrs = (int)(sizeof admit_errs / sizeof admit_errs[0]),
	.then = admitted,
};

struct screen *screen_member_admit_new(struct app *app)
{
	struct member m = { 0 }; /* copied by the form */
	char title[160], value[MONEY_BUFSZ];
	int64_t pence = 0, age = 0;
	if (member_next_no(app->db, &app->who, &m.member_no) != DB_OK ||
	    setting_int(app->db, "share_value", &pence) != DB_OK ||
	    setting_int(app->db, "min_member_age", &age) != DB_OK) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		return NULL;
	}
	date_format_iso(date_today(), m.entered_on, sizeof m.entered_on);
	snprintf(title, sizeof title, "Admit a member (%lld or over): their %s share is issued"
		 " the same day", (long long)age, money_format(pence, value, sizeof value));
	return form_screen_new(app, &admit_form, title, &m, NULL, 0);
}

/* ---- edit (board) ------------------------------------------------------------ */

enum { E_NAME, E_ADDRESS, E_POSTCODE, E_EMAIL, E_PURPOSE, E_PHONE, E_BORN, E_ENTERED,
       E_NOTES, E_COUNT };

static const struct form_spec edit_fields[E_COUNT] = {
	[E_NAME] = F_NAME, [E_ADDRESS] = F_ADDRESS, [E_POSTCODE] = F_POSTCODE,
	[E_EMAIL] = F_EMAIL, [E_PURPOSE] = F_PURPOSE, [E_PHONE] = F_PHONE, [E_BORN] = F_BORN,
	[E_ENTERED] = {
		.label = "Entered", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct member, entered_on),
		.help = "The day they were entered on the register (their admission).",
	},
	[E_NOTES] = F_NOTES,
};

static const struct ferr edit_errs[] = {
	{ "born", E_BORN }, { "date of birth", E_BORN }, { "entered on the register", E_ENTERED },
	{ "cease before", E_ENTERED }, ERR_CONTACT(E_ADDRESS), { "name", E_NAME },
};

static int edit_save(struct fscreen *fs)
{
	struct member *m = fs->rec;
	int rc = member_update(fs->app->db, &fs->app->who, m);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Saved the entry of member no. %lld, %s",
			 (long long)m->member_no, m->name);
	return rc;
}

static const struct fdesc edit_form = {
	.name = "A member's entry",
	.area = 2,
	.spec = edit_fields,
	.n = E_COUNT,
	.rec_size = sizeof(struct member),
	.save = edit_save,
	.errs = edit_errs,
	.nerrs = (int)(sizeof edit_errs / sizeof edit_errs[0]),
};

/* ---- contact details (the member) --------------------------------------------- */

enum { C_ADDRESS, C_POSTCODE, C_EMAIL, C_PURPOSE, C_PHONE, C_COUNT };

static const struct form_spec contact_fields[C_COUNT] = {
	[C_ADDRESS] = F_ADDRESS, [C_POSTCODE] = F_POSTCODE, [C_EMAIL] = F_EMAIL,
	[C_PURPOSE] = F_PURPOSE, [C_PHONE] = F_PHONE,
};

static const struct ferr contact_errs[] = { ERR_CONTACT(C_ADDRESS) };

static int contact_save(struct fscreen *fs)
{
	int rc = member_update_contact(fs->app->db, &fs->app->who, fs->rec);
	if (rc == DB_OK)
		snprintf(fs->done, sizeof fs->done, "Saved your contact details");
	return rc;
}

static const struct fdesc contact_form = {
	.name = "Your contact details",
	.area = 2,
	.spec = contact_fields,
	.n = C_COUNT,
	.rec_size = sizeof(struct member),
	.save = contact_save,
	.errs = contact_errs,
	.nerrs = (int)(sizeof contact_errs / sizeof contact_errs[0]),
};

/* The board edits the whole entry; a member their own contact details. */
struct screen *screen_member_edit_new(struct app *app, const struct member *m)
{
	char title[MEMBER_NAME_MAX * 4 + 64];
	if (access_level(&app->who, AREA_REGISTER, OP_WRITE) == ACCESS_ALL) {
		snprintf(title, sizeof title, "Member no. %lld, %s", (long long)m->member_no, m->name);
		return form_screen_new(app, &edit_form, title, m, NULL, 0);
	}
	return form_screen_new(app, &contact_form,
			       "Your contact details: what you change here is recorded", m, NULL, 0);
}
