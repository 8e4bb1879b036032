/*
 * src/ui/screen_member_subs.c: the sub-lists of a member's entry
 * (screen_member.c), each paged from the database: their share
 * operations, their participation, their other property (loans,
 * deposits); and who may see each, by the role table.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/decisions.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/shares.h"
#include "coopdesk/zone.h"
#include "form_text.h"
#include "member_record.h"

int member_own(const struct rscreen *rs)
{
	return ((const struct member *)rs->rec)->id == rs->app->who.member_id;
}

int member_may(const struct rscreen *rs, enum area area, enum access_op op)
{
	enum access_level l = access_level(&rs->app->who, area, op);
	return l == ACCESS_ALL || (l == ACCESS_OWN && member_own(rs));
}

static int sees_shares(const struct rscreen *rs) { return member_may(rs, AREA_SHARES, OP_READ); }
static int sees_year(const struct rscreen *rs) { return member_may(rs, AREA_PARTICIPATION, OP_READ); }

/* ---- sub-lists ------------------------------------------------------------------ */

static int ops_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		    void *r, int max, int *n)
{
	return share_op_page(rs->app->db, &rs->app->who, rs->id, dir, key, r, max, n);
}

static void op_key(const void *row, struct page_key *key) { share_op_row_key(row, key); }

static int op_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct share_op_row *o = row;
	char day[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	(void)rs;
	zone_format(o->op_date, day, sizeof day);
	if (o->reverses_op_no)
		snprintf(buf, n, "no. %-5lld %s  reversal of no. %lld, %+lld share", (long long)o->op_no,
			 day, (long long)o->reverses_op_no, (long long)o->shares);
	else
		snprintf(buf, n, "no. %-5lld %s  %s, %+lld share, %s", (long long)o->op_no, day,
			 share_op_kind_name(o->kind), (long long)o->shares,
			 money_format(o->amount_pence, money, sizeof money));
	if (o->note[0]) {   /* drawn by text_fit, which makes it inert */
		size_t used = strlen(buf);
		snprintf(buf + used, n - used, ": %s", o->note);
	}
	return -1;
}

static int part_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		     void *r, int max, int *n)
{
	return participation_page(rs->app->db, &rs->app->who, rs->id, dir, key, r, max, n);
}

static void part_key(const void *row, struct page_key *key) { participation_row_key(row, key); }

static int part_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct participation *p = row;
	char day[ZONE_TIME_BUFSZ], t[16];
	(void)rs;
	snprintf(buf, n, "%s  %-12s %6s  %s", zone_format(p->on_date, day, sizeof day),
		 participation_kind_name(p->kind), ftext_hours_format(p->minutes, t, sizeof t),
		 p->note);
	return -1;
}

static int prop_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		     void *r, int max, int *n)
{
	return property_page(rs->app->db, &rs->app->who, rs->id, dir, key, r, max, n);
}

static void prop_key(const void *row, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = ((const struct member_property *)row)->id;
}

static int prop_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct member_property *p = row;
	char from[ZONE_TIME_BUFSZ], to[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	(void)rs;
	snprintf(buf, n, "%s %s from %s%s%s: %s", property_kind_name(p->kind),
		 money_format(p->amount_pence, money, sizeof money),
		 zone_format(p->from_date, from, sizeof from), p->to_date[0] ? " to " : "",
		 p->to_date[0] ? zone_format(p->to_date, to, sizeof to) : "", p->description);
	return p->to_date[0] ? STYLE_DIM : -1;
}

const struct rsub member_subs[MEMBER_SUBS] = {
	[SUB_OPS] = { .title = "Share operations", .row_size = sizeof(struct share_op_row),
		      .fetch = ops_page, .key_of = op_key, .line = op_line,
		      .empty = "No share operations.", .allowed = sees_shares },
	[SUB_PARTICIPATION] = { .title = "Participation", .row_size = sizeof(struct participation),
				.fetch = part_page, .key_of = part_key, .line = part_line,
				.empty = "No time given recorded.", .allowed = sees_year },
	[SUB_PROPERTY] = { .title = "Other property", .row_size = sizeof(struct member_property),
			   .fetch = prop_page, .key_of = prop_key, .line = prop_line,
			   .empty = "No loans or deposits.", .allowed = sees_shares },
};

