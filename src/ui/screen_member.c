/*
 * src/ui/screen_member.c: a member's entry in the register (the Act
 * s.30(2)), described for the record screen, with their share operations
 * as a sub-list. What a role may not see (the share register, another
 * member's phone and date of birth) the data layer leaves out. The
 * Members area (the next issue) opens it from the register; the go-to key
 * opens it by member no. now.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/shares.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/zone.h"
#include "record.h"

struct member_extra {
	int has_holding;
	int sees_home;            /* the board and volunteers, or the member */
	int64_t shares, paid_pence;
	char home[HOME_REF_MAX * 4 + HOME_ADDRESS_MAX * 4 + 8];
};

static int sees_shares(const struct rscreen *rs)
{
	enum access_level l = access_level(&rs->app->who, AREA_SHARES, OP_READ);
	const struct member *m = rs->rec;
	return l == ACCESS_ALL || (l == ACCESS_OWN && m->id == rs->app->who.member_id);
}

static int load(struct rscreen *rs)
{
	struct member *m = rs->rec;
	struct member_extra *x = rs->priv;
	int rc = member_get(rs->app->db, &rs->app->who, rs->id, m);
	if (rc)
		return rc;
	x->has_holding = sees_shares(rs) &&
			 share_holding(rs->app->db, &rs->app->who, m->id, &x->shares,
				       &x->paid_pence) == DB_OK;
	x->home[0] = '\0';
	x->sees_home = access_level(&rs->app->who, AREA_TENANCIES, OP_READ) == ACCESS_ALL ||
		       m->id == rs->app->who.member_id;
	struct tenancy *t = x->sees_home ? malloc(sizeof *t) : NULL;
	if (t && tenancy_for_member(rs->app->db, &rs->app->who, m->id, t) == DB_OK)
		snprintf(x->home, sizeof x->home, "%s, %s", t->home_ref, t->home_address);
	free(t);
	return DB_OK;
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct member *m = rs->rec;
	snprintf(buf, n, "Member no. %lld  %s", (long long)m->member_no, m->name);
}

static void rows(struct rscreen *rs)
{
	const struct member *m = rs->rec;
	const struct member_extra *x = rs->priv;
	char buf[2048], day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	snprintf(buf, sizeof buf, "%lld", (long long)m->member_no);
	record_row(rs, "Member no.", buf, -1);
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
		snprintf(buf, sizeof buf, "%lld (%s paid)", (long long)x->shares, money);
		record_row(rs, "Shares held", buf, -1);
	}
	if (x->sees_home)
		record_row(rs, "Home", x->home[0] ? x->home : "no current tenancy", -1);
	if (m->notes[0])
		record_row(rs, "Notes", m->notes, -1);
}

static int ops_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		    void *rows, int max, int *n)
{
	return share_op_page(rs->app->db, &rs->app->who, rs->id, dir, key, rows, max, n);
}

static void op_key(const void *row, struct page_key *key)
{
	share_op_row_key(row, key);
}

static int op_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct share_op_row *o = row;
	char day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	(void)rs;
	money_format(o->amount_pence, money, sizeof money);
	if (o->reverses_op_no)
		snprintf(buf, n, "no. %-5lld %s  %s of no. %lld, %+lld share", (long long)o->op_no,
			 zone_format(o->op_date, day, sizeof day), share_op_kind_name(o->kind),
			 (long long)o->reverses_op_no, (long long)o->shares);
	else
		snprintf(buf, n, "no. %-5lld %s  %s, %+lld share, %s", (long long)o->op_no,
			 zone_format(o->op_date, day, sizeof day), share_op_kind_name(o->kind),
			 (long long)o->shares, money);
	return -1;
}

static const struct rsub subs[] = {
	{
		.title = "Share operations",
		.row_size = sizeof(struct share_op_row),
		.fetch = ops_page,
		.key_of = op_key,
		.line = op_line,
		.empty = "No share operations.",
		.allowed = sees_shares,
	},
};

static const struct rdesc member_record = {
	.name = "A member",
	.area = 2,
	.rec_size = sizeof(struct member),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = subs,
	.nsubs = 1,
	.priv_size = sizeof(struct member_extra),
};

struct screen *screen_member_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &member_record, id);
}
