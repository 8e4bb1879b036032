/*
 * src/ui/screen_member.c: a member's entry in the register (the Act
 * s.30(2)), described for the record screen: every field of the entry,
 * their holding, their home, this year's participation; and as sub-lists
 * their share operations, their participation and their other property.
 * What a role may not see (another member's shares, property, phone, date
 * of birth, home) the data layer leaves out and the screen does not ask.
 *
 *   e  edit: the board the whole entry; a member their own contact details
 *   c  cease (board): refused, with the way to the home, while they hold
 *      a tenancy; on their other property, the item selected ended
 *   n  other property they hold (board): a loan, a deposit
 *   r  reverse the share operation selected (board): operations are never
 *      edited
 *   h  time given (board; a volunteer their own)
 *   t  their home;  p  the shareholding, as a document
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/decisions.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/shares.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/zone.h"
#include "form_text.h"
#include "member_record.h"

struct member_extra {
	int has_holding, has_year;
	int64_t shares, paid_pence, home_id;
	struct participation_year year;
	char home[HOME_REF_MAX * 4 + HOME_ADDRESS_MAX * 4 + 8];
	char home_ref[HOME_REF_MAX * 4 + 1];
};

static int sees_shares(const struct rscreen *rs) { return member_may(rs, AREA_SHARES, OP_READ); }
static int sees_home(const struct rscreen *rs) { return member_may(rs, AREA_TENANCIES, OP_READ); }
static int sees_year(const struct rscreen *rs) { return member_may(rs, AREA_PARTICIPATION, OP_READ); }

static int load(struct rscreen *rs)
{
	struct member *m = rs->rec;
	struct member_extra *x = rs->priv;
	struct app *app = rs->app;
	int rc = member_get(app->db, &app->who, rs->id, m);
	if (rc)
		return rc;
	x->has_holding = sees_shares(rs) &&
			 share_holding(app->db, &app->who, m->id, &x->shares, &x->paid_pence) == DB_OK;
	x->has_year = sees_year(rs) && participation_year(app->db, &app->who, m->id,
							  date_today().y, &x->year) == DB_OK;
	x->home[0] = '\0';
	x->home_id = 0;
	struct tenancy *t = sees_home(rs) ? malloc(sizeof *t) : NULL;
	if (t && tenancy_for_member(app->db, &app->who, m->id, t) == DB_OK) {
		snprintf(x->home, sizeof x->home, "%s, %s", t->home_ref, t->home_address);
		x->home_id = t->home_id;
		snprintf(x->home_ref, sizeof x->home_ref, "%s", t->home_ref);
	}
	free(t);
	return DB_OK;
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct member *m = rs->rec;
	snprintf(buf, n, "Member no. %lld  %s%s", (long long)m->member_no, m->name,
		 m->ceased_on[0] ? "  (former member)" : "");
}

/* "2 general meetings attended of 3 expected; 12:30 hours given of 10". */
static void this_year(const struct participation_year *y, char *buf, size_t n)
{
	char t[16], e[16];
	int k = snprintf(buf, n, "%lld general meeting%s attended", (long long)y->meetings_attended,
			 y->meetings_attended == 1 ? "" : "s");
	if (y->meetings_expected)
		k += snprintf(buf + k, n - (size_t)k, " of %lld expected",
			      (long long)y->meetings_expected);
	if (y->minutes_given || y->minutes_expected)
		k += snprintf(buf + k, n - (size_t)k, "; %s hours given",
			      ftext_hours_format(y->minutes_given, t, sizeof t));
	else
		k += snprintf(buf + k, n - (size_t)k, "; no time given recorded");
	if (y->minutes_expected)
		snprintf(buf + k, n - (size_t)k, " of %s expected",
			 ftext_hours_format(y->minutes_expected, e, sizeof e));
}

static void rows(struct rscreen *rs)
{
	const struct member *m = rs->rec;
	const struct member_extra *x = rs->priv;
	char buf[2048], day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	record_row(rs, "Name", m->name, -1);
	ui_join(buf, sizeof buf, m->address, m->postcode[0] ? ", " : "", m->postcode, NULL);
	record_row(rs, "Address", buf, -1);
	if (m->email[0]) {
		ui_join(buf, sizeof buf, m->email, m->email_purpose[0] ? " (for " : "",
			m->email_purpose, m->email_purpose[0] ? ")" : "", NULL);
		record_row(rs, "Email", buf, -1);
	}
	if (m->phone[0])
		record_row(rs, "Phone", m->phone, -1);
	if (m->date_of_birth[0])
		record_row(rs, "Date of birth", zone_format(m->date_of_birth, day, sizeof day), -1);
	record_row(rs, "Entered", zone_format(m->entered_on, day, sizeof day), -1);
	if (m->ceased_on[0]) {
		ui_join(buf, sizeof buf, zone_format(m->ceased_on, day, sizeof day),
			m->ceased_reason[0] ? ": " : "", m->ceased_reason, NULL);
		record_row(rs, "Ceased", buf, STYLE_DIM);
	}
	if (x->has_holding) {
		money_format(x->paid_pence, money, sizeof money);
		if (x->shares == 0 && x->paid_pence > 0)
			snprintf(buf, sizeof buf, "none (the %s paid was forfeited)", money);
		else
			snprintf(buf, sizeof buf, "%lld (%s paid)", (long long)x->shares, money);
		record_row(rs, "Shares held", buf, -1);
	}
	if (sees_home(rs))
		record_row(rs, "Home", x->home[0] ? x->home : "no current tenancy", -1);
	if (x->has_year) {
		this_year(&x->year, buf, sizeof buf);
		record_row(rs, "This year", buf, x->year.meets_expectation ? -1 : STYLE_OVERDUE);
	}
	if (m->notes[0])
		record_row(rs, "Notes", m->notes, -1);
}

/* ---- actions ----------------------------------------------------------------------- */

static int board(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_SHARES, OP_WRITE) == ACCESS_ALL;
}

static int current(const struct rscreen *rs)
{
	return !((const struct member *)rs->rec)->ceased_on[0];
}

static int may_edit(const struct rscreen *rs)
{
	return board(rs) || (member_own(rs) && current(rs));
}

static void edit(struct rscreen *rs) { app_push(rs->app, screen_member_edit_new(rs->app, rs->rec)); }

/* On their other property, c ends the item selected; elsewhere their membership. */
static const struct member_property *property_at(const struct rscreen *rs)
{
	const struct member_property *p = record_sub_selected((struct rscreen *)rs, SUB_PROPERTY);
	return p && !p->to_date[0] ? p : NULL;
}

static int may_cease(const struct rscreen *rs)
{
	return board(rs) && (rs->focus == SUB_PROPERTY + 1 ? property_at(rs) != NULL : current(rs));
}

static const char *cease_word(const struct rscreen *rs)
{
	return rs->focus == SUB_PROPERTY + 1 ? "end property" : NULL;
}

static void cease(struct rscreen *rs)
{
	const struct member_extra *x = rs->priv;
	char key[KEY_NAME_MAX];
	if (rs->focus == SUB_PROPERTY + 1) {
		app_push(rs->app, screen_property_end_new(rs->app, property_at(rs)));
		return;
	}
	if (x->home_id) {
		ui_key(rs->app, rs->self, ACT_GO_HOME, key, sizeof key);
		app_message(rs->app, STYLE_ERROR, "Their tenancy of %s ends first, then"
			    " membership (%s: the home)", x->home_ref, key);
		return;
	}
	app_push(rs->app, screen_member_cease_new(rs->app, rs->rec));
}

static int may_property(const struct rscreen *rs) { return board(rs) && current(rs); }

static void property(struct rscreen *rs) { app_push(rs->app, screen_property_new(rs->app, rs->rec)); }

static int may_reverse(const struct rscreen *rs)
{
	return board(rs) && record_sub_selected((struct rscreen *)rs, SUB_OPS) != NULL;
}

static void reverse(struct rscreen *rs)
{
	const struct share_op_row *o = record_sub_selected(rs, SUB_OPS);
	if (o->kind == SHARE_REVERSAL) {
		app_message(rs->app, STYLE_ERROR, "%s", share_reversal_stands);
		return;
	}
	app_push(rs->app, screen_share_reverse_new(rs->app, o));
}

static int may_hours(const struct rscreen *rs)
{
	return member_may(rs, AREA_PARTICIPATION, OP_WRITE);
}

static void hours(struct rscreen *rs) { app_push(rs->app, screen_participation_new(rs->app, rs->rec)); }

static int may_go_home(const struct rscreen *rs) { return ((struct member_extra *)rs->priv)->home_id != 0; }

static void go_home(struct rscreen *rs)
{
	app_push(rs->app, screen_home_record_new(rs->app, ((struct member_extra *)rs->priv)->home_id));
}

static int write_holding(struct app *app, const void *ctx, const struct report_opts *o, FILE *out)
{
	int64_t id;
	memcpy(&id, ctx, sizeof id);
	return report_shareholding(app->db, &app->who, id, o, out);
}

static void print(struct rscreen *rs)
{
	const struct member *m = rs->rec;
	char title[MEMBER_NAME_MAX * 4 + 64];
	snprintf(title, sizeof title, "Shareholding of member no. %lld, %s", (long long)m->member_no,
		 m->name);
	app_push(rs->app, screen_document_new(rs->app, title, write_holding, &m->id, sizeof m->id));
}

static const struct ract acts[] = {
	{ .action = ACT_EDIT, .allowed = may_edit, .run = edit,
	  .help = "Edit the entry (the board), or your own contact details" },
	{ .action = ACT_REVERSE, .allowed = may_reverse, .run = reverse,
	  .help = "Correct the selected share operation with a reversal that names it:"
		  " an operation is never edited" },
	{ .action = ACT_CEASE, .label_of = cease_word, .allowed = may_cease, .run = cease,
	  .help = "Record that their membership ended (their share is cancelled and forfeited);"
		  " on their other property, that the item selected ended" },
	{ .action = ACT_NEW, .label = "property", .allowed = may_property, .run = property,
	  .help = "Record other property they hold in the society: a loan, a deposit" },
	{ .action = ACT_HOURS, .allowed = may_hours, .run = hours },
	{ .action = ACT_GO_HOME, .allowed = may_go_home, .run = go_home },
	{ .action = ACT_PRINT, .label = "shareholding", .allowed = sees_shares, .run = print,
	  .help = "The shareholding as a document: to read, or save for printing" },
	{ .action = ACT_SUBJECT_ACCESS, .allowed = member_may_subject_access,
	  .run = member_subject_access },
};

static const char *why_not(struct rscreen *rs, enum action a)
{
	char key[KEY_NAME_MAX];
	if (a == ACT_REVERSE && board(rs)) {
		snprintf(rs->scratch, sizeof rs->scratch, "Go to the share operations (%s) and"
			 " select the one to correct first",
			 ui_key(rs->app, rs->self, ACT_NEXT_PANE, key, sizeof key));
		return rs->scratch;
	}
	if (a == ACT_CEASE && board(rs) && rs->focus == SUB_PROPERTY + 1)
		return "Select an item of their property that has not ended";
	if (a == ACT_CEASE && board(rs))
		return "Their membership has ended already: the date is on their entry";
	if ((a == ACT_CEASE || a == ACT_REVERSE) && !board(rs))
		return "Only the board ends memberships and corrects share operations";
	return NULL;
}

static const struct rdesc member_record = {
	.name = "A member",
	.area = 2,
	.rec_size = sizeof(struct member),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = member_subs,
	.nsubs = MEMBER_SUBS,
	.acts = acts,
	.nacts = (int)(sizeof acts / sizeof acts[0]),
	.why_not = why_not,
	.priv_size = sizeof(struct member_extra),
};

struct screen *screen_member_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &member_record, id);
}
