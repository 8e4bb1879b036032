/*
 * src/db/meeting_docs.c: the reads the meeting documents and exports need
 * beyond meetings.c and motions.c (coopdesk/meeting_docs.h). Read only:
 * nothing here writes.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/meeting_docs.h"
#include "coopdesk/settings.h"
#include "dbint.h"

#define NO_MEETING "there is no such meeting"

/* ?2 = 1 keeps only meetings with published minutes. */
static const char SQL_ON_DAY[] =
	"SELECT id FROM meetings WHERE held_on = ?1 AND (?2 = 0 OR minutes_published = 1)"
	" ORDER BY id LIMIT 8";
static const char SQL_MOTION_MINUTES[] =
	"SELECT coalesce(p.member_no, 0), coalesce(p.name, ''), coalesce(s.member_no, 0),"
	" coalesce(s.name, ''),"
	" (SELECT count(*) FROM vote_presence v WHERE v.motion_id = m.id),"
	" (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.meeting_id"
	"  AND a.left_at IS NULL),"
	" (SELECT count(*) FROM votes v WHERE v.motion_id = m.id),"
	" coalesce(c.meeting_id, 0), coalesce(c.motion_no, 0), g.minutes_published"
	" FROM motions m JOIN meetings g ON g.id = m.meeting_id"
	" LEFT JOIN members p ON p.id = m.proposer_id LEFT JOIN members s ON s.id = m.seconder_id"
	" LEFT JOIN motions c ON c.id = m.confirms_id WHERE m.id = ?1";
static const char SQL_ROLL_CALL[] =
	"SELECT v.member_id, m.member_no, m.name, v.vote, coalesce(v.by_proxy_id, 0)"
	" FROM votes v JOIN members m ON m.id = v.member_id JOIN motions o ON o.id = v.motion_id"
	" JOIN meetings g ON g.id = o.meeting_id"
	" WHERE v.motion_id = ?1 AND m.member_no > ?2 AND (?4 = 0 OR g.minutes_published = 1)"
	" ORDER BY m.member_no LIMIT ?3";
static const char SQL_ATTENDANCE_EXPORT[] =
	"SELECT a.id, a.meeting_id, g.held_on, m.member_no, m.name, a.present_at_start,"
	" coalesce(a.arrived_at, ''), coalesce(a.left_at, ''), coalesce(p.member_no, 0)"
	" FROM attendance a JOIN meetings g ON g.id = a.meeting_id"
	" JOIN members m ON m.id = a.member_id LEFT JOIN members p ON p.id = a.proxy_for"
	" WHERE a.id > ?1 ORDER BY a.id LIMIT ?2";
/* The result on record is the newest; errata are those after the first. */
static const char SQL_MOTION_EXPORT[] =
	"SELECT m.id, m.meeting_id, g.held_on, m.motion_no, m.title, m.resolution,"
	" coalesce(p.member_no, 0), coalesce(s.member_no, 0), coalesce(m.confirms_id, 0),"
	" r.id IS NOT NULL, coalesce(r.votes_for, 0), coalesce(r.votes_against, 0),"
	" coalesce(r.abstentions, 0), coalesce(r.casting_vote, ''), coalesce(r.outcome, ''),"
	" (SELECT max(count(*) - 1, 0) FROM motion_results x WHERE x.motion_id = m.id)"
	" FROM motions m JOIN meetings g ON g.id = m.meeting_id"
	" LEFT JOIN members p ON p.id = m.proposer_id LEFT JOIN members s ON s.id = m.seconder_id"
	" LEFT JOIN motion_results r ON r.id = (SELECT max(y.id) FROM motion_results y"
	"                                       WHERE y.motion_id = m.id)"
	" WHERE m.id > ?1 ORDER BY m.id LIMIT ?2";
static const char SQL_VOTE_EXPORT[] =
	"SELECT v.id, v.motion_id, o.meeting_id, o.motion_no, m.member_no,"
	" coalesce(p.member_no, 0), m.name, v.vote"
	" FROM votes v JOIN motions o ON o.id = v.motion_id JOIN members m ON m.id = v.member_id"
	" LEFT JOIN members p ON p.id = v.by_proxy_id WHERE v.id > ?1 ORDER BY v.id LIMIT ?2";
static const char SQL_ACTION_EXPORT[] =
	"SELECT a.id, a.decision_id, d.year, d.number, a.description, coalesce(a.owner_member, 0),"
	" coalesce(m.name, ''), coalesce(a.due_on, ''), coalesce(a.done_on, '')"
	" FROM decision_actions a JOIN decisions d ON d.id = a.decision_id"
	" LEFT JOIN members m ON m.id = a.owner_member WHERE a.id > ?1 ORDER BY a.id LIMIT ?2";
static const char SQL_OVERDUE[] =
	"SELECT count(*) FROM decision_actions WHERE done_on IS NULL AND due_on < ?1";
static const char SQL_AGM_AFTER[] =
	"SELECT held_on FROM meetings WHERE kind = 'agm' AND status = 'held' AND held_on > ?1"
	" ORDER BY held_on LIMIT 1";

static const char SQL_DECISIONS_OF[] =
	"SELECT d.id, d.year, d.number, d.decided_on, d.title,"
	" (SELECT count(*) FROM decision_actions a WHERE a.decision_id = d.id AND a.done_on IS NULL)"
	" FROM decisions d WHERE d.meeting_id = ?1 AND d.id > ?2 ORDER BY d.id LIMIT ?3";
static const char SQL_CHAIR[] =
	"SELECT coalesce(c.member_no, 0), coalesce(c.name, ''), g.minutes_published"
	" FROM meetings g LEFT JOIN members c ON c.id = g.chair_member_id WHERE g.id = ?1";

static const char SQL_ACTION_READ[] =
	"SELECT id, decision_id, description, coalesce(owner_member, 0), coalesce(due_on, ''),"
	" coalesce(done_on, ''), version FROM decision_actions WHERE id = ?1";

static int setting_on(struct db *db, const char *key)
{
	int64_t v = 0;
	/* A database before schema 8 has no such setting: off. */
	return setting_int(db, key, &v) == DB_OK && v == 1;
}

int meeting_minutes_readable(struct db *db, const struct actor *who, const struct meeting *m)
{
	if (access_level(who, AREA_MEETINGS, OP_READ) == ACCESS_ALL)
		return 1;
	if (m->kind != MEETING_BOARD)
		return 1;
	return setting_on(db, "publish_board_meetings");
}

int meeting_find(struct db *db, const struct actor *who, const char *spec, int64_t *id)
{
	enum access_level level;
	struct date d;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	*id = 0;
	size_t len = spec ? strlen(spec) : 0;
	if (len > 0 && len <= 12 && strspn(spec, "0123456789") == len) {
		struct meeting m;
		int64_t want = 0;
		for (const char *p = spec; *p; p++)
			want = want * 10 + (*p - '0');
		if ((rc = meeting_get(db, who, want, &m)) == DB_OK) {
			*id = want;
			return DB_OK;
		}
		if (rc == DB_NOTFOUND)
			return db_set_error(db, DB_NOTFOUND, "there is no meeting number %s", spec);
		return rc;
	}
	if (date_parse(spec, &d) != DATE_OK)
		return db_set_error(db, DB_INVALID,
				    "a meeting is given by its number or its date (31/12/2026)");
	char iso[ISO_DATE_LEN], uk[DATE_BUFSZ], nos[120] = "";
	date_format_iso(d, iso, sizeof iso);
	date_format_uk(d, uk, sizeof uk);
	sqlite3_stmt *st = db_prep(db, SQL_ON_DAY);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, iso);
	sqlite3_bind_int(st, 2, level != ACCESS_ALL);
	int found = 0;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		int64_t one = sqlite3_column_int64(st, 0);
		size_t at = strlen(nos);
		snprintf(nos + at, sizeof nos - at, "%s%lld", found ? " and " : "", (long long)one);
		if (!found++)
			*id = one;
	}
	db_reset(st);
	if (rc != DB_NOTFOUND)
		return rc;
	if (!found)
		return db_set_error(db, DB_NOTFOUND, "there is no meeting on %s", uk);
	if (found > 1) {
		*id = 0;
		return db_set_error(db, DB_INVALID,
				    "%d meetings were held on %s (numbers %s): give the number", found,
				    uk, nos);
	}
	return DB_OK;
}

int motion_minutes_get(struct db *db, const struct actor *who, int64_t motion_id,
		       struct motion_minutes *out)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, SQL_MOTION_MINUTES);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	if ((rc = db_step_row(db, st)) == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such motion");
	if (rc)
		return rc;
	if (level != ACCESS_ALL && !sqlite3_column_int(st, 9)) {
		db_reset(st);
		return db_set_error(db, DB_NOTFOUND, "there is no such motion");
	}
	out->proposer_no = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, out->proposer, sizeof out->proposer);
	out->seconder_no = sqlite3_column_int64(st, 2);
	db_col_text(st, 3, out->seconder, sizeof out->seconder);
	int64_t recorded = sqlite3_column_int64(st, 4);
	out->presence_recorded = recorded > 0;
	out->present_at_vote = recorded > 0 ? recorded : sqlite3_column_int64(st, 5);
	out->votes_recorded = sqlite3_column_int64(st, 6);
	out->confirms_meeting = sqlite3_column_int64(st, 7);
	out->confirms_no = sqlite3_column_int64(st, 8);
	db_reset(st);
	return DB_OK;
}

int meeting_roll_calls_shown(struct db *db, const struct actor *who)
{
	if (access_level(who, AREA_MEETINGS, OP_READ) == ACCESS_ALL)
		return 1;
	return access_level(who, AREA_MEETINGS, OP_READ) != ACCESS_NONE &&
	       setting_on(db, "publish_roll_calls");
}

static void read_vote(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct vote_row *r = row;
	(void)ctx;
	memset(r, 0, sizeof *r);
	r->member_id = sqlite3_column_int64(st, 0);
	r->member_no = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, r->name, sizeof r->name);
	const char *w = (const char *)sqlite3_column_text(st, 3);
	r->vote = w && strcmp(w, "for") == 0 ? VOTE_FOR
		: w && strcmp(w, "against") == 0 ? VOTE_AGAINST : VOTE_ABSTAIN;
	r->by_proxy_id = sqlite3_column_int64(st, 4);
}

int motion_roll_call_page(struct db *db, const struct actor *who, int64_t motion_id,
			  int64_t after_no, struct vote_row *rows, int max, int *n)
{
	enum access_level level;
	*n = 0;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	if (!meeting_roll_calls_shown(db, who))
		return db_set_error(db, DB_DENIED,
				    "how each member voted is for the board, unless the co-op publishes"
				    " roll calls");
	sqlite3_stmt *st = db_prep(db, SQL_ROLL_CALL);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int64(st, 2, after_no);
	sqlite3_bind_int(st, 3, max);
	sqlite3_bind_int(st, 4, level != ACCESS_ALL);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_vote, NULL, n);
}

/* The start of every export page: the board only, then the statement with
 * ?1 the key after which and ?2 the size. */
static sqlite3_stmt *export_stmt(struct db *db, const struct actor *who, enum area area,
				 const char *sql, int64_t after, int max, int *rc)
{
	enum access_level level;
	if ((*rc = db_access_check(db, who, area, OP_READ, &level)))
		return NULL;
	if (level != ACCESS_ALL) {
		*rc = db_set_error(db, DB_DENIED, "the exports of meetings and decisions are the board's");
		return NULL;
	}
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st) {
		*rc = db_status(db);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max);
	return st;
}

static void read_attendance(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct attendance_export *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id) DB_COL(INT64, meeting_id) DB_COL(TEXT, held_on)
	DB_COL(INT64, member_no) DB_COL(TEXT, name) DB_COL(INT, present_at_start)
	DB_COL(TEXT, arrived_at) DB_COL(TEXT, left_at) DB_COL(INT64, proxy_for_no)
}

int attendance_export_page(struct db *db, const struct actor *who, int64_t after,
			   struct attendance_export *rows, int max, int *n)
{
	int rc;
	*n = 0;
	sqlite3_stmt *st = export_stmt(db, who, AREA_MEETINGS, SQL_ATTENDANCE_EXPORT, after, max, &rc);
	return st ? db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_attendance,
				 NULL, n) : rc;
}

static void read_motion(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct motion_export *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id) DB_COL(INT64, meeting_id) DB_COL(TEXT, held_on)
	DB_COL(INT64, motion_no) DB_COL(TEXT, title)
	r->resolution = (enum resolution_type)rule_resolution_parse(
		(const char *)sqlite3_column_text(st, col++));
	DB_COL(INT64, proposer_no) DB_COL(INT64, seconder_no) DB_COL(INT64, confirms_id)
	DB_COL(INT, has_result)
	r->tally.votes_for = sqlite3_column_int64(st, col++);
	r->tally.votes_against = sqlite3_column_int64(st, col++);
	r->tally.abstentions = sqlite3_column_int64(st, col++);
	const char *c = (const char *)sqlite3_column_text(st, col++);
	r->casting = c && strcmp(c, "for") == 0 ? CASTING_FOR
		   : c && strcmp(c, "against") == 0 ? CASTING_AGAINST : CASTING_NONE;
	int o = rule_outcome_parse((const char *)sqlite3_column_text(st, col++));
	r->outcome = o < 0 ? OUTCOME_NONE : (enum motion_outcome)o;
	DB_COL(INT64, errata)
}

int motion_export_page(struct db *db, const struct actor *who, int64_t after,
		       struct motion_export *rows, int max, int *n)
{
	int rc;
	*n = 0;
	sqlite3_stmt *st = export_stmt(db, who, AREA_MEETINGS, SQL_MOTION_EXPORT, after, max, &rc);
	return st ? db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_motion, NULL, n)
		  : rc;
}

static void read_vote_export(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct vote_export *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id) DB_COL(INT64, motion_id) DB_COL(INT64, meeting_id)
	DB_COL(INT64, motion_no) DB_COL(INT64, member_no) DB_COL(INT64, by_proxy_no)
	DB_COL(TEXT, name)
	const char *w = (const char *)sqlite3_column_text(st, col++);
	r->vote = w && strcmp(w, "for") == 0 ? VOTE_FOR
		: w && strcmp(w, "against") == 0 ? VOTE_AGAINST : VOTE_ABSTAIN;
}

int vote_export_page(struct db *db, const struct actor *who, int64_t after,
		     struct vote_export *rows, int max, int *n)
{
	int rc;
	*n = 0;
	sqlite3_stmt *st = export_stmt(db, who, AREA_MEETINGS, SQL_VOTE_EXPORT, after, max, &rc);
	return st ? db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_vote_export,
				 NULL, n) : rc;
}

static void read_action(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct action_row *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id) DB_COL(INT64, decision_id) DB_COL(INT, year) DB_COL(INT64, number)
	DB_COL(TEXT, description) DB_COL(INT64, owner_member) DB_COL(TEXT, owner_name)
	DB_COL(TEXT, due_on) DB_COL(TEXT, done_on)
}

int action_export_page(struct db *db, const struct actor *who, int64_t after,
		       struct action_row *rows, int max, int *n)
{
	int rc;
	*n = 0;
	sqlite3_stmt *st = export_stmt(db, who, AREA_DECISIONS, SQL_ACTION_EXPORT, after, max, &rc);
	return st ? db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_action, NULL, n)
		  : rc;
}

int action_overdue_count(struct db *db, const struct actor *who, int64_t *count)
{
	*count = 0;
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_READ, NULL);
	if (rc)
		return rc;
	char today[ISO_DATE_LEN];
	date_format_iso(date_today(), today, sizeof today);
	sqlite3_stmt *st = db_prep(db, SQL_OVERDUE);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, today);
	if ((rc = db_step_row(db, st)))
		return rc;
	*count = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

int meeting_agm_held_after(struct db *db, const struct actor *who, const char *after,
			   char on[ISO_DATE_LEN])
{
	on[0] = '\0';
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "the co-op's deadlines are the board's");
	sqlite3_stmt *st = db_prep(db, SQL_AGM_AFTER);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, after);
	rc = db_step_row(db, st);
	if (rc == DB_OK) {
		db_col_text(st, 0, on, ISO_DATE_LEN);
		db_reset(st);
	}
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

static void read_decision(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct decision_row *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id) DB_COL(INT, year) DB_COL(INT64, number) DB_COL(TEXT, decided_on)
	DB_COL(TEXT, title) DB_COL(INT64, open_actions)
}

int decision_meeting_page(struct db *db, const struct actor *who, int64_t meeting_id,
			  int64_t after, struct decision_row *rows, int max, int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_READ, NULL);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_DECISIONS_OF);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_decision, NULL, n);
}

int meeting_chair(struct db *db, const struct actor *who, int64_t meeting_id, int64_t *no,
		  char *name, size_t n)
{
	enum access_level level;
	*no = 0;
	if (n)
		name[0] = '\0';
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_CHAIR);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	if ((rc = db_step_row(db, st)) == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, NO_MEETING);
	if (rc)
		return rc;
	int hidden = level != ACCESS_ALL && !sqlite3_column_int(st, 2);
	if (!hidden) {
		*no = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, name, n);
	}
	db_reset(st);
	return hidden ? db_set_error(db, DB_NOTFOUND, NO_MEETING) : DB_OK;
}

static void read_one_action(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct decision_action *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id) DB_COL(INT64, decision_id) DB_COL(TEXT, description)
	DB_COL(INT64, owner_member) DB_COL(TEXT, due_on) DB_COL(TEXT, done_on) DB_COL(INT64, version)
}

int decision_action_read(struct db *db, const struct actor *who, int64_t id,
			 struct decision_action *a)
{
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_READ, NULL);
	if (rc)
		return rc;
	return db_get(db, SQL_ACTION_READ, id, read_one_action, a, NULL, "there is no such action");
}
