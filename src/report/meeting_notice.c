/*
 * src/report/meeting_notice.c: the notice of a meeting (report_notice),
 * what is sent to members before it: the co-op's name, the kind of
 * meeting, its day, time and place, the agenda (its motions, in number
 * order), each motion's text with its resolution type and what carries
 * it, and the day the notice was given with its clear days.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/settings.h"
#include "meeting_doc.h"

/* What carries a motion of type t, in words, from the co-op's rules. */
static void carried_when(enum resolution_type t, int confirming, const struct outcome_rules *r,
			 char *buf, size_t n)
{
	if (confirming)
		snprintf(buf, n, "confirmed by more votes for than against");
	else if (t == RESOLUTION_ORDINARY)
		snprintf(buf, n, "carried by more votes for than against%s",
			 r->chair_casting_vote ? " (on a tie, the chair has a casting vote)" : "");
	else if (t == RESOLUTION_SPECIAL)
		snprintf(buf, n, "carried when at least %lld/%lld of the votes cast are for it",
			 (long long)r->special_num, (long long)r->special_den);
	else
		snprintf(buf, n, "carried when at least two thirds of the votes cast are for it,"
			 " then confirmed by a simple majority at a second meeting");
}

static void notice_line(struct db *db, const struct meeting *m, char *buf, size_t n)
{
	char given[40];
	int64_t required = 14;
	if (!m->notice_given_on[0]) {
		snprintf(buf, n, "No date of notice is recorded for this meeting.");
		return;
	}
	mdoc_day(m->notice_given_on, given, sizeof given);
	if (!rule_notice_applies(m->kind)) {
		snprintf(buf, n, "This notice was given on %s.", given);
		return;
	}
	struct date g, d;
	int clear = 0;
	setting_int(db, "notice_clear_days", &required);
	date_parse(m->notice_given_on, &g);
	date_parse(m->held_on, &d);
	int shortn = rule_notice_check(g, d, (int)required, &clear, NULL, 0) == 1;
	if (shortn)
		snprintf(buf, n, "This notice was given on %s: %d clear day%s before the meeting;"
			 " the rules ask for %lld (short notice).", given, clear, clear == 1 ? "" : "s",
			 (long long)required);
	else
		snprintf(buf, n, "This notice was given on %s: %d clear day%s before the meeting"
			 " (the rules ask for %lld).", given, clear, clear == 1 ? "" : "s",
			 (long long)required);
}

int report_notice(struct db *db, const struct actor *who, int64_t meeting_id,
		  const struct report_opts *o, FILE *out)
{
	struct meeting m;
	struct outcome_rules rules;
	struct motion_row *rows = NULL;
	int n = 0;
	int rc = mdoc_meeting(db, who, meeting_id, o, &m);
	if (rc || (rc = mdoc_motions(db, who, meeting_id, &rows, &n)))
		return rc;
	struct motion *mo = malloc(sizeof *mo);
	struct motion_minutes *mm = malloc(sizeof *mm);
	char *line = malloc(MDOC_LINE);
	if (!mo || !mm || !line) {
		rc = db_note_error(db, DB_IO, "out of memory");
		goto done;
	}
	mdoc_rules(db, &rules);

	char coop[REPORT_COOP_MAX], title[160], produced[64], day[40];
	char place[MDOC_INERT(m.place)], name[MDOC_INERT(m.title)];
	char mtitle[MDOC_INERT(m.title)];
	char when[MDOC_LINE];
	const char *lines[] = { mdoc_inert(m.title, mtitle, sizeof mtitle), when, produced };
	report_coop_name(db, coop, sizeof coop);
	snprintf(title, sizeof title, "Notice of %s %s", m.kind == MEETING_AGM ? "the" : "a",
		 rule_meeting_kind_name(m.kind));
	report_produced(produced, sizeof produced);
	mdoc_day(m.held_on, day, sizeof day);
	snprintf(when, sizeof when, "The %s will be held on %s at %s%s%s.",
		 rule_meeting_kind_name(m.kind), day, m.starts_at, m.place[0] ? ", at " : "",
		 mdoc_inert(m.place, place, sizeof place));
	report_heading(out, o, coop, title, lines, 3);
	if (m.status == MEETING_CANCELLED)
		mdoc_para(out, o, "This meeting has been cancelled.");

	report_section(out, o, "Agenda");
	if (!n)
		mdoc_para(out, o, "No motions have been put to this meeting yet.");
	for (int i = 0; i < n; i++)
		mdoc_para(out, o, "%lld. %s (%s)", (long long)rows[i].motion_no,
			  mdoc_inert(rows[i].title, name, sizeof name),
			  mdoc_resolution(rows[i].resolution));

	for (int i = 0; i < n && !rc; i++) {
		char how[200], pro[MDOC_INERT(mm->proposer)], sec[MDOC_INERT(mm->seconder)];
		if ((rc = motion_get(db, who, rows[i].id, mo)) ||
		    (rc = motion_minutes_get(db, who, rows[i].id, mm)))
			break;
		snprintf(line, MDOC_LINE, "Motion %lld: %s", (long long)mo->motion_no,
			 mdoc_inert(mo->title, name, sizeof name));
		report_section(out, o, line);
		carried_when(mo->resolution, mo->confirms_id != 0, &rules, how, sizeof how);
		mdoc_para(out, o, "Put as %s: %s.", mdoc_resolution(mo->resolution), how);
		if (mm->confirms_no)
			mdoc_para(out, o, "It confirms motion %lld of meeting %lld.",
				  (long long)mm->confirms_no, (long long)mm->confirms_meeting);
		report_para(out, o, mo->text, 1);
		if (mm->proposer_no)
			mdoc_para(out, o, "Proposed by %s (member no. %lld), seconded by %s (member no. %lld).",
				  mdoc_inert(mm->proposer, pro, sizeof pro), (long long)mm->proposer_no,
				  mdoc_inert(mm->seconder, sec, sizeof sec), (long long)mm->seconder_no);
	}
	if (!rc) {
		report_section(out, o, "Notice");
		notice_line(db, &m, line, MDOC_LINE);
		report_para(out, o, line, 0);
		rc = report_finish(db, out, 0);
	}
done:
	free(line);
	free(mm);
	free(mo);
	free(rows);
	return rc;
}
