/*
 * src/ui/screen_meeting_subs.c: the lists on a meeting's record
 * (screen_meeting.c): its attendance by member number (at the start or
 * arrived, when they left, a proxy held) and its motions by number, each
 * with its outcome and the arithmetic, both paged from the database.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/text.h"
#include "meetings_area.h"
#include "record.h"
#include "refs.h"

#define MEETING(rs) ((const struct meeting *)(rs)->rec)

/* ---- attendance ------------------------------------------------------------- */

static int att_fetch(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		     void *rows, int max, int *n)
{
	return attendance_page(rs->app->db, &rs->app->who, rs->id, dir, key, rows, max, n);
}

static void att_key(const void *row, struct page_key *key)
{
	attendance_row_key(row, key);
}

static int att_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct attendance_row *a = row;
	char name[24 * 4 + 8];
	text_fit(a->name, 24, name, sizeof name);
	size_t used = (size_t)snprintf(buf, n, "no. %-5lld %s %s", (long long)a->member_no, name,
				       a->present_at_start ? "at the start" : "arrived");
	if (!a->present_at_start && a->arrived_at[0] && used < n)
		used += (size_t)snprintf(buf + used, n - used, " %s", a->arrived_at);
	if (a->left_at[0] && used < n)
		used += (size_t)snprintf(buf + used, n - used, "; left %s", a->left_at);
	if (a->proxy_for > 0 && used < n) {
		struct ref_match who;
		if (ref_member.get(rs->app, a->proxy_for, &who) == DB_OK)
			snprintf(buf + used, n - used, "; holds the proxy of no. %s %s", who.shown,
				 who.label);
		else
			snprintf(buf + used, n - used, "; holds a proxy");
	}
	return a->left_at[0] ? STYLE_DIM : -1;
}

/* ---- motions ---------------------------------------------------------------- */

static int mo_fetch(struct rscreen *rs, enum page_dir dir, const struct page_key *key,
		    void *rows, int max, int *n)
{
	return motion_page(rs->app->db, &rs->app->who, rs->id, dir, key, rows, max, n);
}

static void mo_key(const void *row, struct page_key *key)
{
	motion_row_key(row, key);
}

static const char *const resolution_short[] = { "ordinary", "special", "s.111" };

static int mo_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct motion_row *r = row;
	const struct meeting *m = MEETING(rs);
	char ref[40], words[400] = "";
	meeting_motion_ref(m->kind, m->held_on, r->motion_no, ref, sizeof ref);
	if (r->outcome != OUTCOME_NONE) {
		struct motion mo = { .resolution = r->resolution, .confirms_id = r->confirms_id };
		struct motion_result res;
		if (motion_result_get(rs->app->db, &rs->app->who, r->id, &res) == DB_OK)
			meeting_result_words(rs->app, &mo, &res, words, sizeof words);
	}
	snprintf(buf, n, "%-12s %-8s %s: %s", ref,
		 (unsigned)r->resolution < 3 ? resolution_short[r->resolution] : "?", r->title,
		 r->outcome == OUTCOME_NONE ? "not yet voted" : words);
	return r->outcome == OUTCOME_LOST || r->outcome == OUTCOME_NOT_QUORATE ? STYLE_DIM : -1;
}

static struct screen *mo_open(struct rscreen *rs, const void *row)
{
	return screen_motion_new(rs->app, ((const struct motion_row *)row)->id);
}

const struct rsub meeting_subs[MEETING_SUBS] = {
	[SUB_ATTENDANCE] = {
		.title = "Attendance",
		.row_size = sizeof(struct attendance_row),
		.fetch = att_fetch,
		.key_of = att_key,
		.line = att_line,
		.empty = "Nobody is recorded as present yet.",
	},
	[SUB_MOTIONS] = {
		.title = "Motions",
		.row_size = sizeof(struct motion_row),
		.fetch = mo_fetch,
		.key_of = mo_key,
		.line = mo_line,
		.open = mo_open,
		.empty = "No motions yet.",
	},
};
