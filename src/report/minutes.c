/*
 * src/report/minutes.c: the minutes of a meeting (report_minutes), made
 * from what was recorded: attendance and the quorum at the start, each
 * motion with its proposer and seconder, presence and quorum at its vote,
 * its result with the arithmetic that gives the outcome, each erratum set
 * beside the result it corrects, the minutes as written, and the board's
 * decisions taken at the meeting with their actions.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/zone.h"
#include "meeting_doc.h"

#define RESULTS_MAX 32
#define ROLL_PAGE 64

static const struct table_col att_cols[] = {
	{ "No.", "member_no", 8, TABLE_RIGHT },
	{ "Member", "name", 0, TABLE_LEFT },
	{ "At start", "present_at_start", 8, TABLE_LEFT },
	{ "Arrived", "arrived_at", 7, TABLE_LEFT },
	{ "Left", "left_at", 5, TABLE_LEFT },
	{ "Proxy for", "proxy_for", 9, TABLE_RIGHT },
};

static int is_board(const struct actor *who)
{
	return access_level(who, AREA_MEETINGS, OP_READ) == ACCESS_ALL;
}

/* The attendance register, growing the buffer until it holds everyone. */
static int load_attendance(struct db *db, const struct actor *who, int64_t id,
			   struct attendance_row **rows, int *n)
{
	int max = 128, rc;
	*rows = NULL;
	for (;;) {
		struct attendance_row *r = realloc(*rows, (size_t)max * sizeof *r);
		if (!r)
			return db_note_error(db, DB_IO, "out of memory");
		*rows = r;
		if ((rc = attendance_list(db, who, id, r, max, n)) || *n < max)
			return rc;
		max *= 2;
	}
}

static void attendance(struct db *db, const struct actor *who, const struct meeting *m,
		       const struct report_opts *o, FILE *out, const struct attendance_row *rows,
		       int n)
{
	int arrived = 0, left = 0;
	report_section(out, o, "Attendance");
	for (int i = 0; i < n; i++) {
		arrived += !rows[i].present_at_start;
		left += rows[i].left_at[0] != '\0';
	}
	if (m->present_at_start < 0)
		mdoc_para(out, o, "The meeting was not opened, so nobody was counted at the start.");
	else if (m->quorum_needed > 0)
		mdoc_para(out, o, "%lld member%s present at the start; the quorum was %lld: %s.",
			  (long long)m->present_at_start, m->present_at_start == 1 ? " was" : "s were",
			  (long long)m->quorum_needed,
			  m->present_at_start >= m->quorum_needed ? "quorate" : "not quorate");
	else
		mdoc_para(out, o, "%lld member%s present at the start (a board meeting: no members'"
			  " quorum).", (long long)m->present_at_start,
			  m->present_at_start == 1 ? " was" : "s were");
	if (!is_board(who)) {
		if (n)
			mdoc_para(out, o, "You were %s. The names of those present are in the board's copy.",
				  rows[0].present_at_start ? "present at the start" : "present");
		else
			mdoc_para(out, o, "The names of those present are in the board's copy.");
		return;
	}
	mdoc_para(out, o, "%d recorded in the attendance register: %d present at the start, %d"
		  " arrived later, %d left before the end.", n, n - arrived, arrived, left);
	if (!n)
		return;
	struct table t;
	table_begin(&t, out, o, att_cols, (int)(sizeof att_cols / sizeof att_cols[0]));
	for (int i = 0; i < n; i++) {
		table_int(&t, rows[i].member_no);
		table_text(&t, rows[i].name);
		table_word(&t, rows[i].present_at_start ? "yes" : "no");
		table_word(&t, rows[i].arrived_at);
		table_word(&t, rows[i].left_at);
		if (rows[i].proxy_for) {
			struct member *mb = malloc(sizeof *mb);
			if (mb && member_get(db, who, rows[i].proxy_for, mb) == DB_OK)
				table_int(&t, mb->member_no);
			else
				table_word(&t, "?");
			free(mb);
		} else {
			table_word(&t, "");
		}
		table_end_row(&t);
	}
	table_end(&t);
	if (o->format != REPORT_CSV)
		fputc('\n', out);
}

/* The named votes, by choice: "For: Ann Lee (3), Bo Chan (7)." */
static int roll_call(struct db *db, const struct actor *who, int64_t motion_id,
		     const struct report_opts *o, FILE *out)
{
	static const char *const heads[] = { "For", "Against", "Abstained" };
	struct vote_row *rows = malloc(ROLL_PAGE * sizeof *rows);
	char *line = malloc(MDOC_LINE * 4);
	char name[MDOC_INERT(rows->name)];
	int rc = rows && line ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	for (int choice = VOTE_FOR; choice <= VOTE_ABSTAIN && !rc; choice++) {
		int64_t after = 0, count = 0;
		int n;
		size_t at = (size_t)snprintf(line, MDOC_LINE * 4, "%s: ", heads[choice]);
		do {
			if ((rc = motion_roll_call_page(db, who, motion_id, after, rows, ROLL_PAGE, &n)))
				break;
			for (int i = 0; i < n; i++) {
				after = rows[i].member_no;
				if ((int)rows[i].vote != choice)
					continue;
				if (at + 200 >= MDOC_LINE * 4)
					continue;   /* the paragraph is full: counted below */
				at += (size_t)snprintf(line + at, MDOC_LINE * 4 - at, "%s%s (%lld%s)",
						       count ? ", " : "",
						       mdoc_inert(rows[i].name, name, sizeof name),
						       (long long)rows[i].member_no,
						       rows[i].by_proxy_id ? ", by proxy" : "");
				count++;
			}
		} while (!rc && n == ROLL_PAGE);
		if (!rc) {
			snprintf(line + at, MDOC_LINE * 4 - at, "%s.", count ? "" : "none");
			report_para(out, o, line, 0);
		}
	}
	free(line);
	free(rows);
	return rc;
}

/* One result: the arithmetic, and a word where the rules as they stand
 * now would give another outcome than the one recorded. */
static void result_para(const struct motion *mo, const struct motion_result *r,
			const struct outcome_rules *rules, const char *lead,
			const struct report_opts *o, FILE *out)
{
	char sentence[400];
	enum motion_outcome now = OUTCOME_NONE;
	if (r->outcome == OUTCOME_WITHDRAWN) {
		mdoc_para(out, o, "%s withdrawn before the vote.", lead);
		return;
	}
	if (rule_outcome_sentence(mo->resolution, mo->confirms_id != 0,
				  r->outcome != OUTCOME_NOT_QUORATE, &r->tally, r->casting, rules,
				  &now, sentence, sizeof sentence)) {
		mdoc_para(out, o, "%s %lld for, %lld against, %lld abstained: %s.", lead,
			  (long long)r->tally.votes_for, (long long)r->tally.votes_against,
			  (long long)r->tally.abstentions, rule_outcome_name(r->outcome));
		return;
	}
	mdoc_para(out, o, "%s %s.", lead, sentence);
	if (now != r->outcome)
		mdoc_para(out, o, "It was recorded as %s; the co-op's rules as they stand now give %s.",
			  rule_outcome_name(r->outcome), rule_outcome_name(now));
}

static int motion_part(struct db *db, const struct actor *who, const struct meeting *m,
		       const struct motion_row *row, const struct outcome_rules *rules,
		       const struct report_opts *o, FILE *out)
{
	struct motion *mo = malloc(sizeof *mo);
	struct motion_minutes *mm = malloc(sizeof *mm);
	struct motion_result *res = malloc(RESULTS_MAX * sizeof *res);
	char *line = malloc(MDOC_LINE);
	int n = 0, rc = mo && mm && res && line ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	if (rc || (rc = motion_get(db, who, row->id, mo)) ||
	    (rc = motion_minutes_get(db, who, row->id, mm)))
		goto done;
	rc = motion_result_history(db, who, row->id, res, RESULTS_MAX, &n);
	if (rc == DB_NOTFOUND)
		n = 0, rc = DB_OK;
	if (rc)
		goto done;
	char title[MDOC_INERT(mo->title)], pro[MDOC_INERT(mm->proposer)], sec[MDOC_INERT(mm->seconder)];
	snprintf(line, MDOC_LINE, "Motion %lld: %s", (long long)mo->motion_no,
		 mdoc_inert(mo->title, title, sizeof title));
	report_section(out, o, line);
	mdoc_para(out, o, "Put as %s.", mdoc_resolution(mo->resolution));
	if (mm->confirms_no)
		mdoc_para(out, o, "It confirms motion %lld of meeting %lld.", (long long)mm->confirms_no,
			  (long long)mm->confirms_meeting);
	report_para(out, o, mo->text, 1);
	if (mm->proposer_no)
		mdoc_para(out, o, "Proposed by %s (member no. %lld), seconded by %s (member no. %lld).",
			  mdoc_inert(mm->proposer, pro, sizeof pro), (long long)mm->proposer_no,
			  mdoc_inert(mm->seconder, sec, sizeof sec), (long long)mm->seconder_no);
	if (!n) {
		mdoc_para(out, o, "No result is recorded.");
		goto done;
	}
	if (res[0].outcome != OUTCOME_WITHDRAWN) {
		if (!mm->presence_recorded)
			mdoc_para(out, o, "Presence at the vote was not recorded member by member;"
				  " the vote was counted as %s when its result was recorded.",
				  res[0].outcome == OUTCOME_NOT_QUORATE ? "not quorate" : "quorate");
		else if (m->quorum_needed > 0)
			mdoc_para(out, o, "Present at the vote: %lld; the quorum was %lld: %s.",
				  (long long)mm->present_at_vote, (long long)m->quorum_needed,
				  mm->present_at_vote >= m->quorum_needed ? "quorate" : "not quorate");
		else
			mdoc_para(out, o, "Present at the vote: %lld.", (long long)mm->present_at_vote);
	}
	result_para(mo, &res[0], rules, "Result:", o, out);
	if (mm->votes_recorded > 0) {
		if (meeting_roll_calls_shown(db, who)) {
			mdoc_para(out, o, "Voted by roll call, %lld vote%s recorded:",
				  (long long)mm->votes_recorded, mm->votes_recorded == 1 ? "" : "s");
			if ((rc = roll_call(db, who, row->id, o, out)))
				goto done;
		} else {
			mdoc_para(out, o, "Voted by roll call (%lld votes recorded); how each member voted"
				  " is not published.", (long long)mm->votes_recorded);
		}
	}
	for (int i = 1; i < n; i++) {
		char when[ZONE_TIME_BUFSZ], note[MDOC_INERT(res[i].note)];
		mdoc_para(out, o, "Erratum recorded %s, correcting the result above: %s",
			  zone_format(res[i].recorded_at, when, sizeof when),
			  mdoc_inert(res[i].note, note, sizeof note));
		result_para(mo, &res[i], rules, "Corrected result:", o, out);
	}
done:
	free(line);
	free(res);
	free(mm);
	free(mo);
	return rc;
}

static int decisions_part(struct db *db, const struct actor *who, int64_t meeting_id,
			  const struct report_opts *o, FILE *out)
{
	struct decision_row rows[16];
	struct decision *d = malloc(sizeof *d);
	struct action_row *acts = malloc(64 * sizeof *acts);
	int64_t after = 0;
	int n, shown = 0, rc = d && acts ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	while (!rc && !(rc = decision_meeting_page(db, who, meeting_id, after, rows, 16, &n)) && n) {
		for (int i = 0; i < n && !rc; i++) {
			char ref[32], title[MDOC_INERT(d->title)], day[DATE_BUFSZ], owner[MDOC_INERT(acts->owner_name)];
			char desc[MDOC_INERT(acts->description)], due[DATE_BUFSZ], done[DATE_BUFSZ];
			int na = 0;
			after = rows[i].id;
			if ((rc = decision_get(db, who, rows[i].id, d)) ||
			    (rc = decision_action_list(db, who, rows[i].id, acts, 64, &na)))
				break;
			if (!shown++)
				report_section(out, o, "Decisions");
			decision_ref(d->year, d->number, ref, sizeof ref);
			mdoc_para(out, o, "Decision %s: %s (decided %s).", ref,
				  mdoc_inert(d->title, title, sizeof title),
				  zone_format(d->decided_on, day, sizeof day));
			if (d->text[0])
				report_para(out, o, d->text, 1);
			for (int k = 0; k < na; k++)
				mdoc_para(out, o, "Action: %s; %s%s; %s%s; %s%s.",
					  mdoc_inert(acts[k].description, desc, sizeof desc),
					  acts[k].owner_name[0] ? "for " : "nobody named",
					  mdoc_inert(acts[k].owner_name, owner, sizeof owner),
					  acts[k].due_on[0] ? "due " : "no date due",
					  zone_format(acts[k].due_on, due, sizeof due),
					  acts[k].done_on[0] ? "done " : "open",
					  zone_format(acts[k].done_on, done, sizeof done));
		}
		if (n < 16)
			break;
	}
	free(acts);
	free(d);
	return rc;
}

int report_minutes(struct db *db, const struct actor *who, int64_t meeting_id,
		   const struct report_opts *o, FILE *out)
{
	struct meeting m;
	struct outcome_rules rules;
	struct motion_row *rows = NULL;
	struct attendance_row *att = NULL;
	char *written = NULL;
	int n = 0, na = 0;
	int rc = mdoc_meeting(db, who, meeting_id, o, &m);
	if (rc)
		return rc;
	if (m.status != MEETING_HELD)
		return db_note_error(db, DB_INVALID, "meeting %lld %s, so it has no minutes",
				     (long long)meeting_id, m.status == MEETING_CANCELLED
				     ? "was cancelled" : "has not been held yet");
	size_t wn = MEETING_MINUTES_MAX * 4 + 1;
	if (!(written = malloc(wn)))
		return db_note_error(db, DB_IO, "out of memory");
	if ((rc = mdoc_motions(db, who, meeting_id, &rows, &n)) ||
	    (rc = load_attendance(db, who, meeting_id, &att, &na)) ||
	    (rc = meeting_minutes_get(db, who, meeting_id, written, wn)))
		goto done;
	mdoc_rules(db, &rules);

	char coop[REPORT_COOP_MAX], title[160], produced[64], day[40], copy[120];
	char place[MDOC_INERT(m.place)], chair[MEMBER_NAME_MAX * 4 + 1], chair_s[MDOC_INERT(chair)];
	int64_t chair_no = 0;
	char mtitle[MDOC_INERT(m.title)];
	char held[MDOC_LINE];
	const char *lines[] = { mdoc_inert(m.title, mtitle, sizeof mtitle), held, copy, produced };
	report_coop_name(db, coop, sizeof coop);
	mdoc_day(m.held_on, day, sizeof day);
	snprintf(title, sizeof title, "Minutes of the %s of %s", rule_meeting_kind_name(m.kind),
		 day);
	snprintf(copy, sizeof copy, "%s", !is_board(who) ? "Members' copy."
		 : m.minutes_published ? "Board's copy; the minutes are published to members."
		 : "Board's copy; the minutes are not yet published to members.");
	report_produced(produced, sizeof produced);
	if ((rc = meeting_chair(db, who, meeting_id, &chair_no, chair, sizeof chair)))
		goto done;
	snprintf(held, sizeof held, "Held on %s at %s%s%s.%s%s%s", day, m.starts_at,
		 m.place[0] ? ", at " : "", mdoc_inert(m.place, place, sizeof place),
		 chair_no ? " Chair: " : "", chair_no ? mdoc_inert(chair, chair_s, sizeof chair_s) : "",
		 chair_no ? "." : "");
	report_heading(out, o, coop, title, lines, 4);
	if (m.notice_given_on[0]) {
		char given[40];
		mdoc_day(m.notice_given_on, given, sizeof given);
		mdoc_para(out, o, "Notice of the meeting was given on %s.", given);
	}
	attendance(db, who, &m, o, out, att, na);

	report_section(out, o, "Motions");
	if (!n)
		mdoc_para(out, o, "No motions were put to this meeting.");
	for (int i = 0; i < n && !rc; i++)
		rc = motion_part(db, who, &m, &rows[i], &rules, o, out);
	if (rc)
		goto done;
	if (written[0]) {
		report_section(out, o, "The minutes as written");
		report_para(out, o, written, 1);
	}
	if (db_may(db, who, AREA_DECISIONS, OP_READ) == DB_OK &&
	    (rc = decisions_part(db, who, meeting_id, o, out)))
		goto done;
	rc = report_finish(db, out, 0);
done:
	free(written);
	free(att);
	free(rows);
	return rc;
}
