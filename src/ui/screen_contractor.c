/*
 * src/ui/screen_contractor.c: one contractor, described for the record
 * screen: name, trade, phone, email, whether in use, and the repairs
 * assigned to them as a sub-list (newest first; Enter opens one). e edits
 * it, u sets it out of use or in use again.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/repairs.h"
#include "contractors_ui.h"
#include "record.h"

static int load(struct rscreen *rs)
{
	return contractor_get(rs->app->db, &rs->app->who, rs->id, rs->rec);
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct contractor *c = rs->rec;
	snprintf(buf, n, "Contractor %s", c->name);
}

static void rows(struct rscreen *rs)
{
	const struct contractor *c = rs->rec;
	record_row(rs, "Name", c->name, -1);
	record_row(rs, "Trade", c->trade, -1);
	record_row(rs, "Phone", c->phone, -1);
	record_row(rs, "Email", c->email, -1);
	record_row(rs, "In use", c->in_use ? "yes: repairs may be assigned to them"
					   : "no: no new repair is assigned to them",
		   c->in_use ? -1 : STYLE_DIM);
}

static int repairs_page(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
			void *rows, int max, int *n)
{
	struct repair_filter f;
	memset(&f, 0, sizeof f);
	f.which = REPAIRS_ALL;
	f.contractor_id = rs->id;
	return repair_page(rs->app->db, &rs->app->who, &f, REPAIR_NEWEST, dir, key, rows, max, n);
}

static void repair_key(const void *row, struct page_key *key)
{
	repair_row_key(row, REPAIR_NEWEST, key);
}

static int repair_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct repair_row *r = row;
	char ref[REF_BUFSZ];
	(void)rs;
	snprintf(buf, n, "%s  %-9s %-11s %s%s", ref_format('R', r->id, ref, sizeof ref),
		 r->home_ref, repair_status_label(r->status), r->overdue ? "! " : "", r->title);
	return r->overdue ? STYLE_OVERDUE : repair_status_is_open(r->status) ? -1 : STYLE_DIM;
}

static struct screen *open_repair(struct rscreen *rs, const void *row)
{
	return screen_repair_new(rs->app, ((const struct repair_row *)row)->id);
}

static const struct rsub subs[] = {
	{
		.title = "Repairs assigned to them",
		.row_size = sizeof(struct repair_row),
		.fetch = repairs_page,
		.key_of = repair_key,
		.line = repair_line,
		.open = open_repair,
		.empty = "No repairs.",
	},
};

static int office(const struct rscreen *rs)
{
	return access_level(&rs->app->who, AREA_REPAIRS, OP_WRITE) == ACCESS_ALL;
}

static void edit(struct rscreen *rs)
{
	app_push(rs->app, screen_contractor_edit_new(rs->app, rs->rec));
}

static void toggle(struct rscreen *rs)
{
	if (contractor_toggle(rs->app, rs->id))
		app_message(rs->app, STYLE_ERROR, "%s", db_errmsg(rs->app->db));
	record_reload(rs);
}

static const char *use_word(const struct rscreen *rs)
{
	return ((const struct contractor *)rs->rec)->in_use ? "out of use" : "in use";
}

static const struct ract actions[] = {
	{ .action = ACT_EDIT, .help = "Edit this contractor's name, trade, phone and email",
	  .allowed = office, .run = edit,
	  .refused = "Only the board and volunteers edit contractors" },
	{ .action = ACT_IN_USE, .label_of = use_word, .allowed = office, .run = toggle,
	  .refused = "Only the board and volunteers set a contractor in or out of use" },
};

static const struct rdesc contractor_record = {
	.name = "A contractor",
	.area = 3,
	.rec_size = sizeof(struct contractor),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = subs,
	.nsubs = 1,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
};

struct screen *screen_contractor_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &contractor_record, id);
}

int contractor_toggle(struct app *app, int64_t id)
{
	struct contractor c;
	int rc = contractor_get(app->db, &app->who, id, &c);
	return rc ? rc : contractor_set_in_use(app->db, &app->who, id, c.version, !c.in_use);
}
