/*
 * src/report/meeting_csv.c: the CSV exports of meetings, attendance,
 * motions, votes, decisions and actions (report_meeting_export), each
 * every row by its id, paged from the data layer so that memory does not
 * grow with the co-op.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "meeting_doc.h"

#define PAGE 64
#define COLS(a) a, (int)(sizeof a / sizeof a[0])

static const struct table_col meeting_cols[] = {
	{ "", "meeting_no", 0, TABLE_LEFT }, { "", "kind", 0, TABLE_LEFT },
	{ "", "title", 0, TABLE_LEFT }, { "", "held_on", 0, TABLE_LEFT },
	{ "", "starts_at", 0, TABLE_LEFT }, { "", "place", 0, TABLE_LEFT },
	{ "", "notice_given_on", 0, TABLE_LEFT }, { "", "status", 0, TABLE_LEFT },
	{ "", "quorum_needed", 0, TABLE_LEFT }, { "", "present_at_start", 0, TABLE_LEFT },
	{ "", "minutes_published", 0, TABLE_LEFT },
};
static const struct table_col attendance_cols[] = {
	{ "", "meeting_no", 0, TABLE_LEFT }, { "", "held_on", 0, TABLE_LEFT },
	{ "", "member_no", 0, TABLE_LEFT }, { "", "name", 0, TABLE_LEFT },
	{ "", "present_at_start", 0, TABLE_LEFT }, { "", "arrived_at", 0, TABLE_LEFT },
	{ "", "left_at", 0, TABLE_LEFT }, { "", "proxy_for_member_no", 0, TABLE_LEFT },
};
static const struct table_col motion_cols[] = {
	{ "", "meeting_no", 0, TABLE_LEFT }, { "", "held_on", 0, TABLE_LEFT },
	{ "", "motion_no", 0, TABLE_LEFT }, { "", "title", 0, TABLE_LEFT },
	{ "", "resolution", 0, TABLE_LEFT }, { "", "proposer_no", 0, TABLE_LEFT },
	{ "", "seconder_no", 0, TABLE_LEFT }, { "", "confirms_motion_id", 0, TABLE_LEFT },
	{ "", "votes_for", 0, TABLE_LEFT }, { "", "votes_against", 0, TABLE_LEFT },
	{ "", "abstentions", 0, TABLE_LEFT }, { "", "casting_vote", 0, TABLE_LEFT },
	{ "", "outcome", 0, TABLE_LEFT }, { "", "errata", 0, TABLE_LEFT },
	{ "", "motion_id", 0, TABLE_LEFT },
};
static const struct table_col vote_cols[] = {
	{ "", "meeting_no", 0, TABLE_LEFT }, { "", "motion_no", 0, TABLE_LEFT },
	{ "", "motion_id", 0, TABLE_LEFT }, { "", "member_no", 0, TABLE_LEFT },
	{ "", "name", 0, TABLE_LEFT }, { "", "vote", 0, TABLE_LEFT },
	{ "", "by_proxy_member_no", 0, TABLE_LEFT },
};
static const struct table_col decision_cols[] = {
	{ "", "decision", 0, TABLE_LEFT }, { "", "decided_on", 0, TABLE_LEFT },
	{ "", "meeting_no", 0, TABLE_LEFT }, { "", "title", 0, TABLE_LEFT },
	{ "", "text", 0, TABLE_LEFT }, { "", "open_actions", 0, TABLE_LEFT },
};
static const struct table_col action_cols[] = {
	{ "", "decision", 0, TABLE_LEFT }, { "", "action_id", 0, TABLE_LEFT },
	{ "", "description", 0, TABLE_LEFT }, { "", "owner_member_id", 0, TABLE_LEFT },
	{ "", "owner_name", 0, TABLE_LEFT }, { "", "due_on", 0, TABLE_LEFT },
	{ "", "done_on", 0, TABLE_LEFT },
};

static void int_or_empty(struct table *t, int64_t v)
{
	if (v)
		table_int(t, v);
	else
		table_word(t, "");
}

static int meetings(struct db *db, const struct actor *who, struct table *t)
{
	struct meeting_row rows[PAGE];
	struct meeting m;
	struct page_key key;
	int n, rc = meeting_page(db, who, MEETINGS_OLDEST_FIRST, PAGE_FIRST, NULL, rows, PAGE, &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n && !rc; i++) {
			if ((rc = meeting_get(db, who, rows[i].id, &m)))
				break;
			table_int(t, m.id);
			table_word(t, rule_meeting_kind_word(m.kind));
			table_text(t, m.title);
			table_date(t, m.held_on);
			table_word(t, m.starts_at);
			table_text(t, m.place);
			table_date(t, m.notice_given_on);
			table_word(t, meeting_status_name(m.status));
			int_or_empty(t, m.quorum_needed);
			if (m.present_at_start >= 0)
				table_int(t, m.present_at_start);
			else
				table_word(t, "");
			table_int(t, m.minutes_published);
			table_end_row(t);
		}
		if (rc || n < PAGE)
			break;
		meeting_row_key(&rows[n - 1], &key);
		rc = meeting_page(db, who, MEETINGS_OLDEST_FIRST, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	return rc;
}

static int attendance(struct db *db, const struct actor *who, struct table *t)
{
	struct attendance_export *rows = malloc(PAGE * sizeof *rows);
	int64_t after = 0;
	int n = 0, rc = rows ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	while (!rc && !(rc = attendance_export_page(db, who, after, rows, PAGE, &n)) && n) {
		for (int i = 0; i < n; i++) {
			const struct attendance_export *r = &rows[i];
			after = r->id;
			table_int(t, r->meeting_id);
			table_date(t, r->held_on);
			table_int(t, r->member_no);
			table_text(t, r->name);
			table_int(t, r->present_at_start);
			table_word(t, r->arrived_at);
			table_word(t, r->left_at);
			int_or_empty(t, r->proxy_for_no);
			table_end_row(t);
		}
		if (n < PAGE)
			break;
	}
	free(rows);
	return rc;
}

static int motions(struct db *db, const struct actor *who, struct table *t)
{
	struct motion_export *rows = malloc(PAGE * sizeof *rows);
	int64_t after = 0;
	int n = 0, rc = rows ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	while (!rc && !(rc = motion_export_page(db, who, after, rows, PAGE, &n)) && n) {
		for (int i = 0; i < n; i++) {
			const struct motion_export *r = &rows[i];
			after = r->id;
			table_int(t, r->meeting_id);
			table_date(t, r->held_on);
			table_int(t, r->motion_no);
			table_text(t, r->title);
			table_word(t, rule_resolution_word(r->resolution));
			int_or_empty(t, r->proposer_no);
			int_or_empty(t, r->seconder_no);
			int_or_empty(t, r->confirms_id);
			if (r->has_result && r->outcome != OUTCOME_WITHDRAWN) {
				table_int(t, r->tally.votes_for);
				table_int(t, r->tally.votes_against);
				table_int(t, r->tally.abstentions);
			} else {
				table_word(t, "");
				table_word(t, "");
				table_word(t, "");
			}
			table_word(t, r->casting == CASTING_FOR ? "for"
				      : r->casting == CASTING_AGAINST ? "against" : "");
			table_word(t, rule_outcome_word(r->outcome));
			table_int(t, r->errata);
			table_int(t, r->id);
			table_end_row(t);
		}
		if (n < PAGE)
			break;
	}
	free(rows);
	return rc;
}

static int votes(struct db *db, const struct actor *who, struct table *t)
{
	static const char *const words[] = { "for", "against", "abstain" };
	struct vote_export *rows = malloc(PAGE * sizeof *rows);
	int64_t after = 0;
	int n = 0, rc = rows ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	while (!rc && !(rc = vote_export_page(db, who, after, rows, PAGE, &n)) && n) {
		for (int i = 0; i < n; i++) {
			const struct vote_export *r = &rows[i];
			after = r->id;
			table_int(t, r->meeting_id);
			table_int(t, r->motion_no);
			table_int(t, r->motion_id);
			table_int(t, r->member_no);
			table_text(t, r->name);
			table_word(t, words[r->vote]);
			int_or_empty(t, r->by_proxy_no);
			table_end_row(t);
		}
		if (n < PAGE)
			break;
	}
	free(rows);
	return rc;
}

static int decisions(struct db *db, const struct actor *who, struct table *t)
{
	struct decision_row rows[PAGE];
	struct decision *d = malloc(sizeof *d);
	struct page_key key;
	char ref[32];
	int n = 0, rc = d ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	if (!rc)
		rc = decision_page(db, who, DECISIONS_OLDEST_FIRST, PAGE_FIRST, NULL, rows, PAGE, &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n && !rc; i++) {
			if ((rc = decision_get(db, who, rows[i].id, d)))
				break;
			decision_ref(d->year, d->number, ref, sizeof ref);
			table_word(t, ref);
			table_date(t, d->decided_on);
			int_or_empty(t, d->meeting_id);
			table_text(t, d->title);
			table_text(t, d->text);
			table_int(t, rows[i].open_actions);
			table_end_row(t);
		}
		if (rc || n < PAGE)
			break;
		decision_row_key(&rows[n - 1], &key);
		rc = decision_page(db, who, DECISIONS_OLDEST_FIRST, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	free(d);
	return rc;
}

static int actions(struct db *db, const struct actor *who, struct table *t)
{
	struct action_row *rows = malloc(PAGE * sizeof *rows);
	int64_t after = 0;
	char ref[32];
	int n = 0, rc = rows ? DB_OK : db_note_error(db, DB_IO, "out of memory");
	while (!rc && !(rc = action_export_page(db, who, after, rows, PAGE, &n)) && n) {
		for (int i = 0; i < n; i++) {
			const struct action_row *r = &rows[i];
			after = r->id;
			decision_ref(r->year, r->number, ref, sizeof ref);
			table_word(t, ref);
			table_int(t, r->id);
			table_text(t, r->description);
			int_or_empty(t, r->owner_member);
			table_text(t, r->owner_name);
			table_date(t, r->due_on);
			table_date(t, r->done_on);
			table_end_row(t);
		}
		if (n < PAGE)
			break;
	}
	free(rows);
	return rc;
}

static const struct {
	const char *name;
	const struct table_col *cols;
	int ncols;
	enum area area;
	int (*rows)(struct db *, const struct actor *, struct table *);
} exports[] = {
	{ "meetings", COLS(meeting_cols), AREA_MEETINGS, meetings },
	{ "attendance", COLS(attendance_cols), AREA_MEETINGS, attendance },
	{ "motions", COLS(motion_cols), AREA_MEETINGS, motions },
	{ "votes", COLS(vote_cols), AREA_MEETINGS, votes },
	{ "decisions", COLS(decision_cols), AREA_DECISIONS, decisions },
	{ "actions", COLS(action_cols), AREA_DECISIONS, actions },
};

int report_meeting_export(struct db *db, const struct actor *who, const char *what,
			  const struct report_opts *o, FILE *out)
{
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	if (o->format != REPORT_CSV)
		return db_note_error(db, DB_INVALID, "an export is csv");
	for (size_t i = 0; i < sizeof exports / sizeof exports[0]; i++) {
		if (strcmp(what, exports[i].name) != 0)
			continue;
		/* Refused before anything is written: the board's alone. */
		if (access_level(who, exports[i].area, OP_READ) != ACCESS_ALL)
			return db_note_error(db, DB_DENIED, "the export of %s is the board's", what);
		struct table t;
		table_begin(&t, out, o, exports[i].cols, exports[i].ncols);
		rc = exports[i].rows(db, who, &t);
		int failed = table_end(&t);
		return rc ? rc : report_finish(db, out, failed);
	}
	return db_note_error(db, DB_INVALID, "there is no export '%s'", what);
}
