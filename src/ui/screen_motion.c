/*
 * src/ui/screen_motion.c: one motion, described for the record screen:
 * its number, meeting, resolution type (an s.111 resolution with the
 * window for its confirming meeting), proposer and seconder, its words,
 * and its outcome with the arithmetic; then every result recorded (the
 * first and its errata, each naming what it corrects) and, for a roll
 * call, the votes (a member sees their own unless roll calls are
 * published). The board records the vote (v) or an erratum (x) here too.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "meetings_area.h"
#include "record.h"
#include "refs.h"

#define HISTORY_MAX 64

struct mox {
	struct meeting m;
	int meeting_ok;
	struct motion_result result;
	int has_result;
};

#define MOTION(rs) ((const struct motion *)(rs)->rec)

static int load(struct rscreen *rs)
{
	struct mox *x = rs->priv;
	int rc = motion_get(rs->app->db, &rs->app->who, rs->id, rs->rec);
	if (rc)
		return rc;
	x->meeting_ok = meeting_get(rs->app->db, &rs->app->who, MOTION(rs)->meeting_id, &x->m) == DB_OK;
	x->has_result = motion_result_get(rs->app->db, &rs->app->who, rs->id, &x->result) == DB_OK;
	return DB_OK;
}

static void ref_of(const struct rscreen *rs, char *buf, size_t n)
{
	const struct mox *x = rs->priv;
	if (x->meeting_ok)
		meeting_motion_ref(x->m.kind, x->m.held_on, MOTION(rs)->motion_no, buf, n);
	else
		snprintf(buf, n, "no. %lld", (long long)MOTION(rs)->motion_no);
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	char ref[40];
	ref_of(rs, ref, sizeof ref);
	snprintf(buf, n, "Motion %s  %s", ref, MOTION(rs)->title);
}

static void member_words(struct rscreen *rs, int64_t id, char *buf, size_t n)
{
	struct ref_match who;
	if (id > 0 && ref_member.get(rs->app, id, &who) == DB_OK)
		snprintf(buf, n, "no. %s %s", who.shown, who.label);
	else
		snprintf(buf, n, "-");
}

static void rows(struct rscreen *rs)
{
	const struct motion *mo = MOTION(rs);
	const struct mox *x = rs->priv;
	char buf[600], day[ZONE_TIME_BUFSZ], a[ZONE_TIME_BUFSZ], b[ZONE_TIME_BUFSZ];
	if (x->meeting_ok) {
		snprintf(buf, sizeof buf, "%s, %s", x->m.title, zone_format(x->m.held_on, day, sizeof day));
		record_row(rs, "Meeting", buf, -1);
	}
	static const char *const types[] = { "ordinary resolution", "special resolution",
					     "amalgamation or transfer (s.111)" };
	snprintf(buf, sizeof buf, "%s", (unsigned)mo->resolution < 3 ? types[mo->resolution] : "?");
	if (mo->resolution == RESOLUTION_AMALGAMATION && mo->confirms_id)
		snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
			 ": the confirmation, by simple majority, of one passed at an earlier meeting");
	struct date held, from, to;
	int64_t min_days = 14, max_months = 1;
	if (mo->resolution == RESOLUTION_AMALGAMATION && !mo->confirms_id && x->meeting_ok &&
	    date_parse(x->m.held_on, &held) == DATE_OK) {
		setting_int(rs->app->db, "amalgamation_confirm_min_days", &min_days);
		setting_int(rs->app->db, "amalgamation_confirm_max_months", &max_months);
		if (!rule_confirmation_window(held, (int)min_days, (int)max_months, &from, &to)) {
			char fi[DATE_BUFSZ], ti[DATE_BUFSZ];
			date_format_iso(from, fi, sizeof fi);
			date_format_iso(to, ti, sizeof ti);
			snprintf(buf + strlen(buf), sizeof buf - strlen(buf),
				 ": two thirds of votes cast, then confirmed at a second meeting"
				 " from %s to %s", zone_format(fi, a, sizeof a), zone_format(ti, b, sizeof b));
		}
	}
	record_row(rs, "Resolution", buf, -1);
	member_words(rs, mo->proposer_id, buf, sizeof buf);
	record_row(rs, "Proposer", buf, -1);
	member_words(rs, mo->seconder_id, buf, sizeof buf);
	record_row(rs, "Seconder", buf, -1);
	if (x->has_result) {
		char words[400];
		meeting_result_words(rs->app, mo, &x->result, words, sizeof words);
		snprintf(buf, sizeof buf, "%s%s", words,
			 x->result.corrects_id ? " (as corrected by an erratum)" : "");
		record_row(rs, "Outcome", buf, -1);
	} else {
		record_row(rs, "Outcome", "not yet voted", STYLE_DIM);
	}
	record_row(rs, "Motion", mo->text, -1);
}

/* ---- results (a handful: the first and its errata, paged here) and votes ---- */

static int results(struct rscreen *rs, enum page_dir dir, const struct page_key *key, void *out,
		   int max, int *n)
{
	struct motion_result all[HISTORY_MAX];
	int got = 0;
	*n = 0;
	int rc = motion_result_history(rs->app->db, &rs->app->who, rs->id, all, HISTORY_MAX, &got);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	struct motion_result *rows = out;
	int forward = dir == PAGE_FIRST || dir == PAGE_AFTER;
	int start = 0, end = got;
	if (dir == PAGE_AFTER)
		while (start < got && all[start].id <= key->id)
			start++;
	if (dir == PAGE_BEFORE)
		while (end > 0 && all[end - 1].id >= key->id)
			end--;
	if (!forward && end - start > max)
		start = end - max;
	for (int i = start; i < end && *n < max; i++)
		rows[(*n)++] = all[i];
	return DB_OK;
}

static void result_key(const void *row, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = ((const struct motion_result *)row)->id;
}

static int result_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct motion_result *r = row;
	char words[400], when[ZONE_TIME_BUFSZ];
	meeting_result_words(rs->app, MOTION(rs), r, words, sizeof words);
	zone_format(r->recorded_at, when, sizeof when);
	if (r->corrects_id)
		snprintf(buf, n, "%s  erratum (result %lld corrects result %lld: %s): %s", when,
			 (long long)r->id, (long long)r->corrects_id, r->note, words);
	else
		snprintf(buf, n, "%s  result %lld: %s", when, (long long)r->id, words);
	const struct mox *x = rs->priv;
	return x->has_result && x->result.id != r->id ? STYLE_DIM : -1;
}

static const char *const vote_words[] = { "for", "against", "abstain" };

static int votes(struct rscreen *rs, enum page_dir dir, const struct page_key *key, void *out,
		 int max, int *n)
{
	return motion_votes_page(rs->app->db, &rs->app->who, rs->id, dir, key, out, max, n);
}

static void vote_key(const void *row, struct page_key *key)
{
	vote_row_key(row, key);
}

static int vote_line(struct rscreen *rs, const void *row, char *buf, size_t n)
{
	const struct vote_row *v = row;
	char name[28 * 4 + 8];
	(void)rs;
	text_fit(v->name, 28, name, sizeof name);
	snprintf(buf, n, "no. %-5lld %s %s%s", (long long)v->member_no, name,
		 (unsigned)v->vote < 3 ? vote_words[v->vote] : "?", v->by_proxy_id ? " (by proxy)" : "");
	return -1;
}

static const struct rsub subs[] = {
	{ .title = "Results", .row_size = sizeof(struct motion_result), .fetch = results,
	  .key_of = result_key, .line = result_line, .empty = "No result recorded yet." },
	{ .title = "Votes named", .row_size = sizeof(struct vote_row), .fetch = votes,
	  .key_of = vote_key, .line = vote_line, .empty = "No individual votes recorded." },
};

/* ---- actions ---------------------------------------------------------------- */

static int board(const struct rscreen *rs)
{
	const struct mox *x = rs->priv;
	return meetings_board(rs->app) && x->meeting_ok && !x->m.minutes_published &&
	       x->m.status != MEETING_CANCELLED;
}

static int may_vote(const struct rscreen *rs)
{
	return board(rs) && !((const struct mox *)rs->priv)->has_result;
}

static int may_erratum(const struct rscreen *rs)
{
	return board(rs) && ((const struct mox *)rs->priv)->has_result;
}

static void vote(struct rscreen *rs)
{
	struct screen *s = screen_motion_vote_new(rs->app, rs->id);
	if (s)
		app_push(rs->app, s);
	else
		record_reload(rs);
}

static void erratum(struct rscreen *rs)
{
	struct screen *s = screen_motion_erratum_new(rs->app, rs->id);
	if (s)
		app_push(rs->app, s);
}

static const struct ract acts[] = {
	{ .action = ACT_VOTE, .allowed = may_vote, .run = vote },
	{ .action = ACT_ERRATUM, .allowed = may_erratum, .run = erratum },
};

static const char *why_not(struct rscreen *rs, enum action a)
{
	if (a != ACT_VOTE && a != ACT_ERRATUM)
		return NULL;
	if (!meetings_board(rs->app))
		return "Only the board records votes: you may read this motion";
	if (!board(rs))
		return ((const struct mox *)rs->priv)->m.minutes_published
			? "The minutes of this meeting are published: nothing is changed now"
			: "This meeting was cancelled: nothing is recorded at it";
	return a == ACT_VOTE ? "This motion's result is recorded and is never edited: record an erratum"
			     : "No result of this motion is recorded yet: record its vote first";
}

static const struct rdesc motion_record = {
	.name = "A motion",
	.area = 4,
	.rec_size = sizeof(struct motion),
	.load = load,
	.title = title,
	.rows = rows,
	.subs = subs,
	.nsubs = 2,
	.acts = acts,
	.nacts = 2,
	.why_not = why_not,
	.priv_size = sizeof(struct mox),
};

struct screen *screen_motion_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &motion_record, id);
}
