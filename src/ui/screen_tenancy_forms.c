/*
 * src/ui/screen_tenancy_forms.c: the board starts a tenancy of a void home
 * and ends one, each a descriptor for the form screen.
 *
 * Starting: the day, the kind, up to three signatories chosen with the
 * member reference field (each must be a member for the whole tenancy: a
 * refusal names the person and why, beside their field), and the other
 * occupants, one a line ("Sam Tenant, son"), all saved in one transaction
 * (tenancy_start). Ending: the day and the reason (tenancy_end); the rent
 * account stays as it is, arrears and all, on the former tenant's account.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/homes.h"
#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "form.h"
#include "refs.h"

#define SIGNERS 3
#define OCCUPANTS_CHARS 1500

static const char *const kinds[] = { "assured", "secure", "licence", "other", NULL };

struct start_rec {
	char start_date[ISO_DATE_LEN];
	int kind;
	int64_t signer[SIGNERS];
	char occupants[OCCUPANTS_CHARS * 4 + 1];
};

enum { S_START, S_KIND, S_SIGN1, S_SIGN2, S_SIGN3, S_OCCUPANTS, S_COUNT };

#define SIGNER_FIELD(n, req, words) { \
	.label = "Signatory " #n, .kind = FORM_REF, .required = req, .ref = &ref_member, \
	FORM_AT(struct start_rec, signer[n - 1]), .help = words }

static const struct form_spec start_fields[S_COUNT] = {
	[S_START] = {
		.label = "Starts on", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct start_rec, start_date),
		.help = "The first day of the tenancy, dd/mm/yyyy.",
	},
	[S_KIND] = {
		.label = "Kind", .kind = FORM_CHOICE, .required = 1, .choices = kinds,
		FORM_AT(struct start_rec, kind),
		.help = "The tenancy agreement's kind: assured, secure, a licence or other.",
	},
	[S_SIGN1] = SIGNER_FIELD(1, 1, "A member who signs the tenancy: a member no. or part of a"
				 " name; Enter finds them."),
	[S_SIGN2] = SIGNER_FIELD(2, 0, "Another member who signs (a joint tenancy), or empty."),
	[S_SIGN3] = SIGNER_FIELD(3, 0, "A third member who signs, or empty."),
	[S_OCCUPANTS] = {
		.label = "Other occupants", .kind = FORM_MULTILINE, .max_chars = OCCUPANTS_CHARS,
		.rows = 3, FORM_AT(struct start_rec, occupants),
		.help = "Who else lives there, one a line: a name, then a comma and how they are"
			" related (\"Sam Tenant, son\").",
	},
};

static const struct ferr start_errs[] = {
	{ "occupant", S_OCCUPANTS }, { "relationship", S_OCCUPANTS },
	{ "signator", S_SIGN1 }, { "member", S_SIGN1 }, { "kind", S_KIND },
	{ "assured", S_KIND }, { "", S_START },
};

/* The occupants typed, one a line: "name" or "name, relationship". A line
 * too long for its parts is refused beside the field. */
static int read_occupants(struct fscreen *fs, const char *text, struct tenancy_occupant *out,
			  int *n)
{
	*n = 0;
	const char *p = text;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p);
		char line[OCCUPANTS_CHARS * 4 + 1];
		snprintf(line, sizeof line, "%.*s", (int)len, p);
		p += len + (eol ? 1 : 0);
		char *comma = strchr(line, ',');
		if (comma)
			*comma++ = '\0';
		text_trim(line);
		if (comma)
			text_trim(comma);
		if (!line[0] && !(comma && *comma))
			continue;
		if (*n == TENANCY_MAX_OCCUPANTS) {
			form_set_error(fs->form, S_OCCUPANTS, "At most 12 other occupants here");
			return -1;
		}
		struct tenancy_occupant *o = &out[(*n)++];
		memset(o, 0, sizeof *o);
		if (text_copy(o->name, sizeof o->name, line) < 0 ||
		    text_copy(o->relationship, sizeof o->relationship,
			      comma ? comma : "") < 0) {
			form_set_error(fs->form, S_OCCUPANTS, "A name or relationship is too long");
			return -1;
		}
	}
	return 0;
}

static int start_save(struct fscreen *fs)
{
	struct start_rec *r = fs->rec;
	struct tenancy t = { 0 };
	struct tenancy_occupant occ[TENANCY_MAX_OCCUPANTS];
	int64_t ids[SIGNERS];
	int n = 0, nocc;
	memcpy(&t.home_id, fs->ctx, sizeof t.home_id);
	text_copy(t.start_date, sizeof t.start_date, r->start_date);
	text_copy(t.kind, sizeof t.kind, kinds[r->kind]);
	for (int i = 0; i < SIGNERS; i++)
		if (r->signer[i])
			ids[n++] = r->signer[i];
	if (read_occupants(fs, r->occupants, occ, &nocc))
		return FORM_STAY;
	int rc = tenancy_start(fs->app->db, &fs->app->who, &t, ids, n, occ, nocc);
	if (rc == DB_OK) {
		char day[ZONE_TIME_BUFSZ];
		snprintf(fs->done, sizeof fs->done, "The tenancy of %s starts on %s: %d signator%s,"
			 " %d other occupant%s", t.home_ref, zone_format(t.start_date, day, sizeof day),
			 t.nsignatories, t.nsignatories == 1 ? "y" : "ies", nocc, nocc == 1 ? "" : "s");
		return DB_OK;
	}
	/* A signatory refused is named by number: the words go beside their field. */
	const char *msg = db_errmsg(fs->app->db);
	for (int i = 0; i < SIGNERS; i++) {
		char pat[48];
		snprintf(pat, sizeof pat, "(no. %s)", form_text(fs->form, S_SIGN1 + i));
		if (r->signer[i] && strstr(msg, pat)) {
			form_message(fs->form, STYLE_ERROR, "%s", msg);
			form_set_error(fs->form, S_SIGN1 + i, msg);
			return FORM_STAY;
		}
	}
	return rc;
}

static const struct fdesc start_form = {
	.name = "Start a tenancy",
	.area = 1,
	.spec = start_fields,
	.n = S_COUNT,
	.rec_size = sizeof(struct start_rec),
	.save = start_save,
	.errs = start_errs,
	.nerrs = (int)(sizeof start_errs / sizeof start_errs[0]),
};

struct screen *screen_tenancy_start_new(struct app *app, const struct home *h)
{
	struct start_rec r = { 0 };
	char title[HOME_REF_MAX * 4 + HOME_ADDRESS_MAX * 4 + 32];
	date_format_iso(date_today(), r.start_date, sizeof r.start_date);
	snprintf(title, sizeof title, "Start a tenancy of %s, %s", h->ref, h->address);
	return form_screen_new(app, &start_form, title, &r, &h->id, sizeof h->id);
}

/* ---- ending ---------------------------------------------------------------------- */

struct end_rec {
	char end_date[ISO_DATE_LEN];
	char reason[TENANCY_REASON_MAX * 4 + 1];
};

static const struct form_spec end_fields[] = {
	{
		.label = "Ends on", .kind = FORM_DATE, .required = 1,
		FORM_AT(struct end_rec, end_date),
		.help = "The tenancy's last day, dd/mm/yyyy: after it started, not after today.",
	},
	{
		.label = "Reason", .kind = FORM_TEXT, .max_chars = TENANCY_REASON_MAX,
		FORM_AT(struct end_rec, reason),
		.help = "Why it ended: \"moved away\", \"transferred to H-012\", \"died\".",
	},
};

static const struct ferr end_errs[] = { { "reason", 1 }, { "", 0 } };

/* What the ending screen carries: the tenancy and its version. */
struct end_ctx {
	int64_t id, version;
};

static int end_save(struct fscreen *fs)
{
	struct end_rec *r = fs->rec;
	struct end_ctx c;
	memcpy(&c, fs->ctx, sizeof c);
	int rc = tenancy_end(fs->app->db, &fs->app->who, c.id, r->end_date, r->reason, c.version);
	if (rc)
		return rc;
	char day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	int64_t balance = 0;
	size_t used = (size_t)snprintf(fs->done, sizeof fs->done, "The tenancy ended on %s",
				       zone_format(r->end_date, day, sizeof day));
	/* Arrears stay on the former tenant's account: say what stands there. */
	if (rent_balance(fs->app->db, &fs->app->who, c.id, &balance, NULL) == DB_OK && balance &&
	    used < sizeof fs->done)
		snprintf(fs->done + used, sizeof fs->done - used, "; %s %s %s on their rent account",
			 balance > 0 ? "arrears of" : "a credit of",
			 money_format(balance > 0 ? balance : -balance, money, sizeof money),
			 balance > 0 ? "stay" : "stays");
	return DB_OK;
}

static const struct fdesc end_form = {
	.name = "End a tenancy",
	.area = 1,
	.spec = end_fields,
	.n = 2,
	.rec_size = sizeof(struct end_rec),
	.save = end_save,
	.errs = end_errs,
	.nerrs = (int)(sizeof end_errs / sizeof end_errs[0]),
};

struct screen *screen_tenancy_end_new(struct app *app, const struct tenancy *t)
{
	struct end_rec r = { 0 };
	struct end_ctx c = { t->id, t->version };
	char title[HOME_REF_MAX * 4 + HOME_TENANTS_LEN + 64], day[ZONE_TIME_BUFSZ];
	size_t used = (size_t)snprintf(title, sizeof title, "End the tenancy of %s from %s:",
				       t->home_ref, zone_format(t->start_date, day, sizeof day));
	for (int i = 0; i < t->nsignatories && used < sizeof title; i++)
		used += (size_t)snprintf(title + used, sizeof title - used, "%s %s", i ? "," : "",
					 t->signatories[i].name);
	date_format_iso(date_today(), r.end_date, sizeof r.end_date);
	return form_screen_new(app, &end_form, title, &r, &c, sizeof c);
}
