/*
 * src/ui/screen_motion_votes.c: recording the vote on a motion (board).
 *
 *   counts    for, against, abstained from a show of hands, or withdrawn;
 *             the chair's casting vote on a tie. A count above the members
 *             present at the vote is refused beside the field
 *   roll call each member present at the vote named with their vote, one
 *             field each (the meeting's setting says which of the two)
 *   erratum   new counts and a note: a new result naming the one it
 *             corrects, which stays (a result is never edited)
 *
 * The meeting is opened first when it has not been, so its quorum at the
 * start is on record. Saved, the outcome is said with its arithmetic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/zone.h"
#include "form.h"
#include "meetings_area.h"

struct counts {
	int64_t motion_id;
	int64_t corrects_id;
	int withdrawn;
	int64_t votes_for, votes_against, abstentions;
	int casting;
	char note[RESULT_NOTE_MAX * 4 + 1];
};

static const char *const put[] = { "put to the vote", "withdrawn", NULL };
static const char *const castings[] = { "none", "for", "against", NULL };

enum { C_PUT, C_FOR, C_AGAINST, C_ABSTAIN, C_CASTING, C_NOTE, C_COUNT };

#define COUNT_FIELD(lab, member, words) { \
	.label = lab, .kind = FORM_INTEGER, .min = 0, .max = 1000000, .width = 8, \
	FORM_AT(struct counts, member), .help = words }

static const struct form_spec count_fields[C_COUNT] = {
	[C_PUT] = { .label = "The motion was", .kind = FORM_CHOICE, .required = 1, .choices = put,
		    FORM_AT(struct counts, withdrawn),
		    .help = "Put to the vote, or withdrawn before it (the counts are not used)." },
	[C_FOR] = COUNT_FIELD("For", votes_for, "Votes for (empty: none)."),
	[C_AGAINST] = COUNT_FIELD("Against", votes_against, "Votes against (empty: none)."),
	[C_ABSTAIN] = COUNT_FIELD("Abstained", abstentions,
				  "Members present who abstained: recorded, not counted as votes cast."),
	[C_CASTING] = { .label = "Casting vote", .kind = FORM_CHOICE, .required = 1,
			.choices = castings, FORM_AT(struct counts, casting),
			.help = "The chair's, only on a tied ordinary resolution where the rules give"
				" one." },
	[C_NOTE] = { .label = "What was wrong", .kind = FORM_TEXT, .required = 1,
		     .max_chars = RESULT_NOTE_MAX, FORM_AT(struct counts, note),
		     .help = "Why the result is corrected: the minutes show it beside both." },
};

static const struct ferr count_errs[] = {
	{ "counted but only", C_FOR }, { "casting", C_CASTING }, { "erratum", C_NOTE },
	{ "no votes", C_FOR },
};

/* "Motion AGM-2026/3 carried: 20 for, ..." into buf. */
static void outcome_said(struct app *app, int64_t motion_id, const struct motion_result *r,
			 char *buf, size_t n)
{
	struct motion mo;
	struct meeting m;
	char ref[40] = "", words[400];
	if (motion_get(app->db, &app->who, motion_id, &mo) != DB_OK) {
		snprintf(buf, n, "Recorded: %s", rule_outcome_name(r->outcome));
		return;
	}
	if (meeting_get(app->db, &app->who, mo.meeting_id, &m) == DB_OK)
		meeting_motion_ref(m.kind, m.held_on, mo.motion_no, ref, sizeof ref);
	meeting_result_words(app, &mo, r, words, sizeof words);
	snprintf(buf, n, "Motion %s %s. %s", ref, rule_outcome_name(r->outcome), words);
}

static int counts_save(struct fscreen *fs)
{
	struct counts *c = fs->rec;
	struct app *app = fs->app;
	struct motion_result_input in = {
		.withdrawn = c->withdrawn,
		.tally = { c->votes_for, c->votes_against, c->abstentions },
		.casting = (enum casting_vote)c->casting,
		.corrects_id = c->corrects_id,
		.note = c->corrects_id ? c->note : NULL,
	};
	struct motion_result r;
	int rc = motion_record_result(app->db, &app->who, c->motion_id, &in, &r);
	if (rc == DB_OK)
		outcome_said(app, c->motion_id, &r, fs->done, sizeof fs->done);
	return rc;
}

static const struct fdesc counts_form = {
	.name = "Record a vote", .area = 4, .spec = count_fields, .n = C_NOTE,
	.rec_size = sizeof(struct counts), .save = counts_save, .errs = count_errs,
	.nerrs = (int)(sizeof count_errs / sizeof count_errs[0]),
};

static const struct fdesc erratum_form = {
	.name = "Record an erratum", .area = 4, .spec = count_fields, .n = C_COUNT,
	.rec_size = sizeof(struct counts), .save = counts_save, .errs = count_errs,
	.nerrs = (int)(sizeof count_errs / sizeof count_errs[0]),
};

/* The motion, its meeting (opened now if it was not), and the title of
 * a form about it; 0, or -1 with the reason said. */
static int prepare(struct app *app, int64_t motion_id, struct motion *mo, struct meeting *m,
		   char *title, size_t n, const char *what)
{
	char ref[40];
	struct meeting_quorum q;
	if (motion_get(app->db, &app->who, motion_id, mo) ||
	    meeting_get(app->db, &app->who, mo->meeting_id, m)) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		return -1;
	}
	if (m->status == MEETING_PLANNED) {
		if (meeting_open(app->db, &app->who, m->id, &q) ||
		    meeting_get(app->db, &app->who, m->id, m)) {
			app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
			return -1;
		}
	}
	if (meeting_quorum_now(app->db, &app->who, m->id, &q) != DB_OK)
		q.present = 0;
	meeting_motion_ref(m->kind, m->held_on, mo->motion_no, ref, sizeof ref);
	snprintf(title, n, "%s on motion %s, %s (%s): %lld present%s", what, ref, mo->title,
		 mo->resolution == RESOLUTION_ORDINARY ? "ordinary"
		 : mo->resolution == RESOLUTION_SPECIAL ? "special" : "s.111",
		 (long long)q.present, q.applies ? (q.quorate ? ", quorate" : ", not quorate") : "");
	return 0;
}

struct screen *screen_motion_erratum_new(struct app *app, int64_t motion_id)
{
	struct motion *mo = malloc(sizeof *mo);
	struct meeting m;
	struct motion_result r;
	char title[MOTION_TITLE_MAX * 4 + 160];
	struct screen *s = NULL;
	if (!mo)
		return NULL;
	if (!prepare(app, motion_id, mo, &m, title, sizeof title, "Erratum")) {
		if (motion_result_get(app->db, &app->who, motion_id, &r) != DB_OK) {
			app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		} else {
			struct counts c = { .motion_id = motion_id, .corrects_id = r.id,
					    .withdrawn = r.outcome == OUTCOME_WITHDRAWN,
					    .votes_for = r.tally.votes_for,
					    .votes_against = r.tally.votes_against,
					    .abstentions = r.tally.abstentions, .casting = r.casting };
			s = form_screen_new(app, &erratum_form, title, &c, NULL, 0);
		}
	}
	free(mo);
	return s;
}

struct screen *screen_motion_vote_new(struct app *app, int64_t motion_id)
{
	struct motion *mo = malloc(sizeof *mo);
	struct meeting m;
	char title[MOTION_TITLE_MAX * 4 + 160];
	struct screen *s = NULL;
	if (!mo)
		return NULL;
	if (!prepare(app, motion_id, mo, &m, title, sizeof title, "The vote")) {
		struct counts c = { .motion_id = motion_id };
		s = m.roll_call ? screen_motion_roll_call_new(app, &m, motion_id, title)
				: form_screen_new(app, &counts_form, title, &c, NULL, 0);
	}
	free(mo);
	return s;
}
