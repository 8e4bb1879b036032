/*
 * src/ui/screen_meeting.c: one meeting, described for the record screen
 * (record.h): its details with the notice in clear days and the quorum as
 * it stands (read again with every change, so it is live while attendance
 * is taken), then its attendance and its motions, each a virtual list.
 *
 * The board: e changes the details (on an attendance line: that member
 * left, or holds a proxy); n marks a member present (in the attendance)
 * or tables a motion; on a motion, v records its vote and x an erratum.
 * Enter on a motion opens it, with the arithmetic of its outcome.
 * Members and volunteers read; they change nothing. The two lists are
 * screen_meeting_subs.c's.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/settings.h"
#include "coopdesk/zone.h"
#include "meetings_area.h"
#include "record.h"


struct mextra {
	struct meeting_quorum now;
	int now_ok;
	int64_t required;       /* clear days of notice the rules ask for */
	int64_t proxies;        /* the setting proxies_allowed */
};

#define MEETING(rs) ((const struct meeting *)(rs)->rec)

static int load(struct rscreen *rs)
{
	struct mextra *x = rs->priv;
	int rc = meeting_get(rs->app->db, &rs->app->who, rs->id, rs->rec);
	if (rc)
		return rc;
	x->now_ok = meeting_quorum_now(rs->app->db, &rs->app->who, rs->id, &x->now) == DB_OK;
	x->required = 14;
	x->proxies = 0;
	setting_int(rs->app->db, "notice_clear_days", &x->required);
	setting_int(rs->app->db, "proxies_allowed", &x->proxies);
	return DB_OK;
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct meeting *m = MEETING(rs);
	char day[ZONE_TIME_BUFSZ];
	snprintf(buf, n, "%s %s  %s", meeting_kind_short(m->kind),
		 zone_format(m->held_on, day, sizeof day), m->title);
}

/* "given 24/11/2026: 15 clear days (the rules ask for 14)", or the warning. */
static int notice_words(const struct rscreen *rs, char *buf, size_t n)
{
	const struct meeting *m = MEETING(rs);
	const struct mextra *x = rs->priv;
	struct date given, held;
	char day[ZONE_TIME_BUFSZ];
	if (!rule_notice_applies(m->kind)) {
		snprintf(buf, n, "%s%s(a board meeting: no notice in clear days is needed)",
			 m->notice_given_on[0] ? zone_format(m->notice_given_on, day, sizeof day) : "",
			 m->notice_given_on[0] ? " " : "");
		return -1;
	}
	if (!m->notice_given_on[0] || date_parse(m->notice_given_on, &given) != DATE_OK ||
	    date_parse(m->held_on, &held) != DATE_OK) {
		snprintf(buf, n, "! no notice is recorded; the rules ask for %lld clear days",
			 (long long)x->required);
		return STYLE_OVERDUE;
	}
	int clear = 0;
	char warning[200];
	int is_short = rule_notice_check(given, held, (int)x->required, &clear, warning,
					 sizeof warning) != 0;
	zone_format(m->notice_given_on, day, sizeof day);
	if (is_short)
		snprintf(buf, n, "given %s: ! %s", day, warning);
	else
		snprintf(buf, n, "given %s: %d clear days (the rules ask for %lld)", day, clear,
			 (long long)x->required);
	return is_short ? STYLE_OVERDUE : -1;
}

static void rows(struct rscreen *rs)
{
	const struct meeting *m = MEETING(rs);
	const struct mextra *x = rs->priv;
	char buf[600], day[ZONE_TIME_BUFSZ];
	record_row(rs, "Kind", rule_meeting_kind_name(m->kind), -1);
	snprintf(buf, sizeof buf, "%s at %s", zone_format(m->held_on, day, sizeof day), m->starts_at);
	record_row(rs, "When", buf, -1);
	record_row(rs, "Place", m->place, -1);
	int style = notice_words(rs, buf, sizeof buf);
	record_row(rs, "Notice", buf, style);
	record_row(rs, "Status", meeting_status_name(m->status),
		   m->status == MEETING_CANCELLED ? STYLE_DIM : -1);
	/* As it stands: while the meeting is to come or under way (its day),
	 * not once it is history. */
	char today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	if (x->now_ok && m->status != MEETING_CANCELLED && strcmp(m->held_on, today) >= 0) {
		if (x->now.applies)
			snprintf(buf, sizeof buf, "%lld present now; %lld needed (of %lld members on the"
				 " register that day): %s", (long long)x->now.present,
				 (long long)x->now.needed, (long long)x->now.members,
				 x->now.quorate ? "quorate" : "! not quorate");
		else
			snprintf(buf, sizeof buf, "%lld present now (a board meeting: no member quorum)",
				 (long long)x->now.present);
		record_row(rs, "Quorum", buf, x->now.quorate ? -1 : STYLE_OVERDUE);
	}
	if (m->status == MEETING_HELD && m->present_at_start >= 0) {
		if (m->quorum_needed > 0)
			snprintf(buf, sizeof buf, "%lld present, %lld needed: %s",
				 (long long)m->present_at_start, (long long)m->quorum_needed,
				 m->present_at_start >= m->quorum_needed ? "quorate" : "not quorate");
		else
			snprintf(buf, sizeof buf, "%lld present", (long long)m->present_at_start);
		record_row(rs, "At the start", buf, -1);
	}
	if (rule_notice_applies(m->kind))
		record_row(rs, "Votes", m->roll_call ? "by roll call of those present"
						    : "by count: for, against, abstained", -1);
	if (meetings_board(rs->app))
		record_row(rs, "Proxies", x->proxies ? "allowed: each recorded with who holds it"
						     : "not allowed by the co-op's rules", -1);
	record_row(rs, "Minutes", m->minutes_published ? "published" : "not published", -1);
	record_row(rs, "Agenda", m->agenda, -1);
}

/* ---- actions ---------------------------------------------------------------- */

static int board(const struct rscreen *rs)
{
	return meetings_board(rs->app) && MEETING(rs)->status != MEETING_CANCELLED &&
	       !MEETING(rs)->minutes_published;
}

static int general(const struct rscreen *rs)
{
	return rule_notice_applies(MEETING(rs)->kind);
}

static const void *selected(const struct rscreen *rs, int sub)
{
	return rs->focus == sub + 1 ? record_sub_selected((struct rscreen *)rs, sub) : NULL;
}

/* On an attendance line of a member still present, e records that they
 * left or a proxy they hold; elsewhere it changes the meeting's details. */
static const struct attendance_row *present_at(const struct rscreen *rs)
{
	const struct attendance_row *a = selected(rs, SUB_ATTENDANCE);
	return a && !a->left_at[0] ? a : NULL;
}

static int may_edit(const struct rscreen *rs)
{
	return board(rs);
}

static const char *edit_word(const struct rscreen *rs)
{
	return present_at(rs) ? "left/proxy" : NULL;
}

static void edit(struct rscreen *rs)
{
	if (present_at(rs))
		app_push(rs->app, screen_attendance_edit_new(rs->app, rs->rec, present_at(rs)));
	else
		app_push(rs->app, screen_meeting_form_new(rs->app, rs->rec));
}

static int may_new(const struct rscreen *rs)
{
	return board(rs) && (rs->focus == SUB_ATTENDANCE + 1 || general(rs));
}

static const char *new_word(const struct rscreen *rs)
{
	return rs->focus == SUB_ATTENDANCE + 1 || !general(rs) ? "mark present" : "motion";
}

static void add(struct rscreen *rs)
{
	if (rs->focus == SUB_ATTENDANCE + 1 || !general(rs))
		app_push(rs->app, screen_attendance_new(rs->app, rs->rec));
	else
		app_push(rs->app, screen_motion_form_new(rs->app, rs->rec));
}

static int may_vote(const struct rscreen *rs)
{
	const struct motion_row *r = selected(rs, SUB_MOTIONS);
	return board(rs) && r && r->outcome == OUTCOME_NONE;
}

static void vote(struct rscreen *rs)
{
	const struct motion_row *r = selected(rs, SUB_MOTIONS);
	struct screen *s = screen_motion_vote_new(rs->app, r->id);
	if (s)
		app_push(rs->app, s);
	else
		record_reload(rs);
}

static int may_erratum(const struct rscreen *rs)
{
	const struct motion_row *r = selected(rs, SUB_MOTIONS);
	return board(rs) && r && r->outcome != OUTCOME_NONE;
}

static void erratum(struct rscreen *rs)
{
	const struct motion_row *r = selected(rs, SUB_MOTIONS);
	struct screen *s = screen_motion_erratum_new(rs->app, r->id);
	if (s)
		app_push(rs->app, s);
}

static const struct ract acts[] = {
	{ .action = ACT_EDIT, .label_of = edit_word, .allowed = may_edit, .run = edit,
	  .help = "Change the meeting's details; on an attendance line, record that the member"
		  " left, or the proxy they hold" },
	{ .action = ACT_NEW, .label_of = new_word, .allowed = may_new, .run = add,
	  .help = "Mark a member present (in the attendance), or table a motion" },
	{ .action = ACT_VOTE, .allowed = may_vote, .run = vote },
	{ .action = ACT_ERRATUM, .allowed = may_erratum, .run = erratum },
	{ .action = ACT_PRINT, .label_of = meeting_print_word, .run = meeting_print,
	  .help = "The minutes of a meeting held, or the notice of one to come, to read or print" },
	{ .action = ACT_NOTICE, .run = meeting_notice, .unhinted = 1 },
	{ .action = ACT_MINUTES, .allowed = meeting_may_write_minutes, .run = meeting_write_minutes,
	  .refused = "Only the board writes the minutes, of a meeting held, until they are"
		     " published" },
};

static const char *why_not(struct rscreen *rs, enum action a)
{
	char key[KEY_NAME_MAX];
	const struct meeting *m = MEETING(rs);
	if (a != ACT_EDIT && a != ACT_NEW && a != ACT_VOTE && a != ACT_ERRATUM)
		return NULL;
	if (!meetings_board(rs->app))
		return "Only the board changes meetings: you may read this one";
	if (m->status == MEETING_CANCELLED)
		return "This meeting was cancelled: nothing more is recorded at it";
	if (m->minutes_published)
		return "The minutes of this meeting are published: nothing in it is changed now";
	if (a == ACT_VOTE || a == ACT_ERRATUM) {
		const struct motion_row *r = selected(rs, SUB_MOTIONS);
		if (r && a == ACT_VOTE)
			return "This motion's result is recorded and is never edited: record an erratum";
		if (r)
			return "No result of this motion is recorded yet: record its vote first";
		snprintf(rs->scratch, sizeof rs->scratch, "Go to the motions (%s) and select one first",
			 ui_key(rs->app, rs->self, ACT_NEXT_PANE, key, sizeof key));
		return rs->scratch;
	}
	return "Motions are put to general meetings; the board records its own decisions";
}

static const struct rdesc meeting_record = {
	.name = "A meeting",
	.area = 4,
	.rec_size = sizeof(struct meeting),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = meeting_subs,
	.nsubs = MEETING_SUBS,
	.acts = acts,
	.nacts = (int)(sizeof acts / sizeof acts[0]),
	.why_not = why_not,
	.priv_size = sizeof(struct mextra),
};

struct screen *screen_meeting_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &meeting_record, id);
}
