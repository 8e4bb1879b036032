/*
 * src/ui/refs.c: records named as people name them (refs.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/contractors.h"
#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/ref.h"
#include "coopdesk/repairs.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/text.h"
#include "refs.h"

/* ---- members --------------------------------------------------------------- */

static void member_match(const struct member_row *r, struct ref_match *out)
{
	out->id = r->id;
	snprintf(out->shown, sizeof out->shown, "%lld", (long long)r->member_no);
	ui_join(out->label, sizeof out->label, r->name, r->address[0] ? ", " : "", r->address,
		r->ceased_on[0] ? " (former member)" : "", NULL);
}

static int member_get_match(struct app *app, int64_t id, struct ref_match *out)
{
	struct member *m = malloc(sizeof *m);
	if (!m)
		return DB_ERROR;
	int rc = member_get(app->db, &app->who, id, m);
	if (rc == DB_OK) {
		struct member_row r;
		memset(&r, 0, sizeof r);
		r.id = m->id;
		r.member_no = m->member_no;
		text_copy(r.name, sizeof r.name, m->name);
		text_copy(r.address, sizeof r.address, m->address);
		text_copy(r.ceased_on, sizeof r.ceased_on, m->ceased_on);
		member_match(&r, out);
	}
	free(m);
	return rc;
}

static int member_find(struct app *app, const char *typed, struct ref_match *out, int max, int *n,
		       char *why, size_t whylen)
{
	int64_t no;
	*n = 0;
	snprintf(why, whylen, "no member's name or address has '%.40s': type a member no. or"
		 " part of a name", typed);
	if (ref_member_number(typed, &no)) {
		snprintf(why, whylen, "there is no member no. %lld on the register", (long long)no);
		struct member *m = malloc(sizeof *m);
		if (!m)
			return DB_ERROR;
		int rc = member_get_by_no(app->db, &app->who, no, m);
		int64_t id = m->id;
		free(m);
		if (rc == DB_NOTFOUND)
			return DB_OK;
		if (rc == DB_OK && (rc = member_get_match(app, id, out)) == DB_OK)
			*n = 1;
		return rc;
	}
	struct member_row *rows = calloc((size_t)max, sizeof *rows);
	if (!rows)
		return DB_ERROR;
	int got = 0;
	int rc = member_page(app->db, &app->who, MEMBERS_ALL, MEMBER_BY_NAME, typed, PAGE_FIRST,
			     NULL, rows, max, &got);
	for (int i = 0; rc == DB_OK && i < got; i++)
		member_match(&rows[i], &out[(*n)++]);
	free(rows);
	return rc;
}

const struct ref_kind ref_member = {
	"member", "a member no. or part of a name or address", member_find, member_get_match,
};

/* ---- homes ------------------------------------------------------------------ */

static void home_match(int64_t id, const char *ref, const char *address, const char *tenants,
		       struct ref_match *out)
{
	out->id = id;
	text_copy(out->shown, sizeof out->shown, ref);
	ui_join(out->label, sizeof out->label, address, tenants[0] ? " (" : "", tenants,
		tenants[0] ? ")" : "", NULL);
}

static int home_get_match(struct app *app, int64_t id, struct ref_match *out)
{
	struct home *h = malloc(sizeof *h);
	if (!h)
		return DB_ERROR;
	int rc = home_get(app->db, &app->who, id, h);
	if (rc == DB_OK)
		home_match(h->id, h->ref, h->address, "", out);
	free(h);
	return rc;
}

/* A home by its reference as typed, or in capitals ("wea-10"). */
static int home_by_ref(struct app *app, const char *typed, int64_t *id)
{
	struct home *h = malloc(sizeof *h);
	char upper[HOME_REF_MAX * 4 + 1];
	if (!h)
		return DB_ERROR;
	int rc = home_get_by_ref(app->db, &app->who, typed, h);
	if (rc == DB_NOTFOUND && text_copy(upper, sizeof upper, typed) == 0) {
		for (char *p = upper; *p; p++)
			*p = (char)toupper((unsigned char)*p);
		rc = home_get_by_ref(app->db, &app->who, upper, h);
	}
	*id = h->id;
	free(h);
	return rc;
}

/* The homes of the current members whose names match: a home found by
 * its tenant's name ("Okafor"), when no reference or address matched. */
static int home_by_tenant(struct app *app, const char *typed, struct ref_match *out, int max,
			  int *n, char *why, size_t whylen)
{
	struct member_row *rows = calloc((size_t)max, sizeof *rows);
	struct tenancy *t = malloc(sizeof *t);
	int got = 0, rc = DB_ERROR;
	if (rows && t)
		rc = member_page(app->db, &app->who, MEMBERS_CURRENT, MEMBER_BY_NAME, typed,
				 PAGE_FIRST, NULL, rows, max, &got);
	if (rc == DB_DENIED)
		rc = DB_OK;   /* who may not look through members finds homes by reference */
	for (int i = 0; rc == DB_OK && i < got && *n < max; i++) {
		if (tenancy_for_member(app->db, &app->who, rows[i].id, t) != DB_OK)
			continue;
		int seen = 0;
		for (int k = 0; k < *n; k++)
			seen |= out[k].id == t->home_id;
		if (!seen && home_get_match(app, t->home_id, &out[*n]) == DB_OK)
			(*n)++;
	}
	free(rows);
	free(t);
	if (rc == DB_OK && *n == 0)
		snprintf(why, whylen, "no home's reference or address, and no tenant's name, has"
			 " '%.40s'", typed);
	return rc;
}

static int home_find(struct app *app, const char *typed, struct ref_match *out, int max, int *n,
		     char *why, size_t whylen)
{
	int64_t id;
	*n = 0;
	snprintf(why, whylen, "no home's reference or address has '%.40s'", typed);
	int rc = home_by_ref(app, typed, &id);
	if (rc == DB_OK) {
		if ((rc = home_get_match(app, id, out)) == DB_OK)
			*n = 1;
		return rc;
	}
	if (rc != DB_NOTFOUND)
		return rc;
	struct home_row *rows = calloc((size_t)max, sizeof *rows);
	if (!rows)
		return DB_ERROR;
	int got = 0;
	rc = home_page(app->db, &app->who, HOMES_ALL, HOME_BY_REF, typed, PAGE_FIRST, NULL, rows,
		       max, &got);
	for (int i = 0; rc == DB_OK && i < got; i++)
		home_match(rows[i].id, rows[i].ref, rows[i].address, rows[i].tenants, &out[(*n)++]);
	free(rows);
	return rc == DB_OK && *n == 0 ? home_by_tenant(app, typed, out, max, n, why, whylen) : rc;
}

const struct ref_kind ref_home = {
	"home", "a home's reference (WEA-10) or part of its address", home_find, home_get_match,
};

/* ---- contractors --------------------------------------------------------------- */

static void contractor_match(int64_t id, const char *name, const char *trade,
			     struct ref_match *out)
{
	out->id = id;
	text_copy(out->shown, sizeof out->shown, name);
	ui_join(out->label, sizeof out->label, name, trade[0] ? " (" : "", trade,
		trade[0] ? ")" : "", NULL);
}

static int contractor_get_match(struct app *app, int64_t id, struct ref_match *out)
{
	struct contractor *c = malloc(sizeof *c);
	if (!c)
		return DB_ERROR;
	int rc = contractor_get(app->db, &app->who, id, c);
	if (rc == DB_OK)
		contractor_match(c->id, c->name, c->trade, out);
	free(c);
	return rc;
}

static int contractor_find(struct app *app, const char *typed, struct ref_match *out, int max,
			   int *n, char *why, size_t whylen)
{
	snprintf(why, whylen, "no contractor in use has '%.40s' in their name or trade", typed);
	struct contractor_row *rows = calloc((size_t)max, sizeof *rows);
	*n = 0;
	if (!rows)
		return DB_ERROR;
	int got = 0;
	int rc = contractor_page(app->db, &app->who, 1, typed, PAGE_FIRST, NULL, rows, max, &got);
	for (int i = 0; rc == DB_OK && i < got; i++)
		contractor_match(rows[i].id, rows[i].name, rows[i].trade, &out[(*n)++]);
	free(rows);
	return rc;
}

const struct ref_kind ref_contractor = {
	"contractor", "part of a contractor's name or trade", contractor_find, contractor_get_match,
};

/* ---- going to a record ----------------------------------------------------------- */

struct screen *refs_open(struct app *app, const char *typed, char *why, size_t n)
{
	char t[128];
	int64_t id, no;
	text_copy(t, sizeof t, typed);
	text_trim(t);
	if (!t[0]) {
		snprintf(why, n, "type a reference: R-000123, WEA-10 or member no. 42");
		return NULL;
	}
	if (ref_repair_typed(t, &id)) {
		struct repair *r = malloc(sizeof *r);
		int rc = r ? repair_get(app->db, &app->who, id, r) : DB_ERROR;
		free(r);
		if (rc == DB_OK)
			return screen_repair_new(app, id);
		char ref[REF_BUFSZ];
		if (rc == DB_NOTFOUND)
			snprintf(why, n, "no repair %s that you may see",
				 ref_format('R', id, ref, sizeof ref));
		else
			snprintf(why, n, "%s", db_errmsg(app->db));
		return NULL;
	}
	if (ref_member_number(t, &no)) {
		struct member *m = malloc(sizeof *m);
		int rc = m ? member_get_by_no(app->db, &app->who, no, m) : DB_ERROR;
		id = m ? m->id : 0;
		free(m);
		if (rc == DB_OK)
			return screen_member_new(app, id);
		if (rc == DB_NOTFOUND)
			snprintf(why, n, "no member no. %lld on the register", (long long)no);
		else
			snprintf(why, n, "%s", db_errmsg(app->db));
		return NULL;
	}
	int rc = home_by_ref(app, t, &id);
	if (rc == DB_OK)
		return screen_home_record_new(app, id);
	if (rc != DB_NOTFOUND) {
		snprintf(why, n, "%s", db_errmsg(app->db));
		return NULL;
	}
	char shown[48];
	text_copy(shown, sizeof shown, t);
	snprintf(why, n, "nothing you may see is called '%s'", shown);
	return NULL;
}
