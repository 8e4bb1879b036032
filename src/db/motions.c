/*
 * src/db/motions.c: motions, presence at votes, votes and results. The
 * outcome is meeting_rules' arithmetic on the settings' numbers; results
 * are append-only (the schema's triggers refuse UPDATE and DELETE).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/motions.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "dbint.h"

/* What the writes need to know of a motion and its meeting. */
static const char SQL_CTX[] =
	"SELECT m.meeting_id, g.kind, g.held_on, g.status, g.minutes_published,"
	" coalesce(g.quorum_needed, 0), m.resolution, coalesce(m.confirms_id, 0), m.motion_no,"
	" coalesce((SELECT r.id FROM motion_results r WHERE r.motion_id = m.id"
	"           ORDER BY r.id DESC LIMIT 1), 0),"
	" coalesce((SELECT r.outcome FROM motion_results r WHERE r.motion_id = m.id"
	"           ORDER BY r.id DESC LIMIT 1), '')"
	" FROM motions m JOIN meetings g ON g.id = m.meeting_id WHERE m.id = ?1";
static const char SQL_MEETING[] =
	"SELECT kind, held_on, status, minutes_published FROM meetings WHERE id = ?1";
static const char SQL_NEXT_NO[] =
	"SELECT coalesce(max(motion_no), 0) + 1 FROM motions WHERE meeting_id = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO motions (uuid, meeting_id, motion_no, title, text, resolution, proposer_id,"
	" seconder_id, confirms_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
/* A whole motion: the list row's columns first (SHARED_FIELDS), then its
 * own (FULL_FIELDS), as the readers take them. */
static const char SQL_GET[] =
	"SELECT m.id, m.motion_no, m.title, m.resolution, coalesce(m.confirms_id, 0), m.uuid,"
	" m.meeting_id, m.text, coalesce(m.proposer_id, 0), coalesce(m.seconder_id, 0),"
	" m.version FROM motions m JOIN meetings g ON g.id = m.meeting_id"
	" WHERE m.id = ?1 AND (?2 = 0 OR g.minutes_published = 1)";
#define SHARED_FIELDS(X) \
	X(INT64, id) X(INT64, motion_no) X(TEXT, title) X(RESOLUTION, resolution) \
	X(INT64, confirms_id)
#define FULL_FIELDS(X) \
	X(TEXT, uuid) X(INT64, meeting_id) X(TEXT, text) X(INT64, proposer_id) \
	X(INT64, seconder_id) X(INT64, version)
#define DB_COL_RESOLUTION(field) \
	r->field = (enum resolution_type)rule_resolution_parse( \
		(const char *)sqlite3_column_text(st, col++));
#define DB_COL_OUTCOME(field) r->field = outcome_of(st, col++);
#define NO_MOTION "there is no such motion"
/* SHARED_FIELDS, then the outcome on record. */
static const char SQL_LIST[] =
	"SELECT m.id, m.motion_no, m.title, m.resolution, coalesce(m.confirms_id, 0),"
	" coalesce((SELECT r.outcome FROM motion_results r WHERE r.motion_id = m.id"
	"           ORDER BY r.id DESC LIMIT 1), '')"
	" FROM motions m WHERE m.meeting_id = ?1 ORDER BY m.motion_no LIMIT ?2";
/* The same, a page at a time by number: ?3 the key's number, ?2 the size. */
#define PAGE_COLS \
	"SELECT m.id, m.motion_no, m.title, m.resolution, coalesce(m.confirms_id, 0)," \
	" coalesce((SELECT r.outcome FROM motion_results r WHERE r.motion_id = m.id" \
	"           ORDER BY r.id DESC LIMIT 1), '')" \
	" FROM motions m WHERE m.meeting_id = ?1"
static const char *const SQL_PAGE[4] = {
	[PAGE_FIRST] = PAGE_COLS " ORDER BY m.motion_no LIMIT ?2",
	[PAGE_LAST] = PAGE_COLS " ORDER BY m.motion_no DESC LIMIT ?2",
	[PAGE_AFTER] = PAGE_COLS " AND m.motion_no > ?3 ORDER BY m.motion_no LIMIT ?2",
	[PAGE_BEFORE] = PAGE_COLS " AND m.motion_no < ?3 ORDER BY m.motion_no DESC LIMIT ?2",
};
/* A motion by its meeting's kind, year and number (AGM-2026/3); two rows
 * at most, to tell an ambiguous reference. */
static const char SQL_BY_REF[] =
	"SELECT m.id FROM motions m JOIN meetings g ON g.id = m.meeting_id"
	" WHERE g.kind = ?1 AND g.held_on BETWEEN ?2 || '-01-01' AND ?2 || '-12-31'"
	" AND m.motion_no = ?3 AND (?4 = 0 OR g.minutes_published = 1)"
	" AND (?5 = 0 OR m.resolution = 'amalgamation') ORDER BY m.id LIMIT 2";

static const char SQL_PRESENCE_HAS[] =
	"SELECT 1 FROM vote_presence WHERE motion_id = ?1 AND member_id = ?2";
static const char SQL_PRESENCE_ADD[] =
	"INSERT INTO vote_presence (motion_id, member_id) VALUES (?1, ?2)";
static const char SQL_PRESENCE_FILL[] =
	"INSERT INTO vote_presence (motion_id, member_id)"
	" SELECT ?1, a.member_id FROM attendance a WHERE a.meeting_id = ?2 AND a.left_at IS NULL"
	" AND NOT EXISTS (SELECT 1 FROM vote_presence p WHERE p.motion_id = ?1"
	"                 AND p.member_id = a.member_id) ORDER BY a.member_id";
static const char SQL_PRESENCE_COUNT[] =
	"SELECT count(*) FROM vote_presence WHERE motion_id = ?1";
static const char SQL_PRESENT_NOW[] =
	"SELECT count(*) FROM attendance WHERE meeting_id = ?1 AND left_at IS NULL";
/* Proxies held by those present at the vote (recorded, or else at the meeting). */
static const char SQL_PROXIES_AT_VOTE[] =
	"SELECT count(*) FROM attendance a WHERE a.meeting_id = ?1 AND a.proxy_for IS NOT NULL"
	" AND (a.member_id IN (SELECT member_id FROM vote_presence WHERE motion_id = ?2)"
	"      OR (a.left_at IS NULL"
	"          AND NOT EXISTS (SELECT 1 FROM vote_presence WHERE motion_id = ?2)))";

static const char SQL_VOTE_HAS[] = "SELECT 1 FROM votes WHERE motion_id = ?1 AND member_id = ?2";
static const char SQL_VOTE_INSERT[] =
	"INSERT INTO votes (motion_id, member_id, vote, by_proxy_id) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_VOTE_COUNT[] =
	"SELECT coalesce(sum(vote = 'for'), 0), coalesce(sum(vote = 'against'), 0),"
	" coalesce(sum(vote = 'abstain'), 0) FROM votes WHERE motion_id = ?1";
static const char SQL_VOTES_LIST[] =
	"SELECT v.member_id, m.member_no, m.name, v.vote, coalesce(v.by_proxy_id, 0)"
	" FROM votes v JOIN members m ON m.id = v.member_id"
	" WHERE v.motion_id = ?1 AND (?2 = 0 OR v.member_id = ?2) ORDER BY m.member_no LIMIT ?3";
/* The same a page at a time by member number: ?3 the size, ?4 the key's. */
#define VOTE_COLS \
	"SELECT v.member_id, m.member_no, m.name, v.vote, coalesce(v.by_proxy_id, 0)" \
	" FROM votes v JOIN members m ON m.id = v.member_id" \
	" WHERE v.motion_id = ?1 AND (?2 = 0 OR v.member_id = ?2)"
static const char *const SQL_VOTES_PAGE[4] = {
	[PAGE_FIRST] = VOTE_COLS " ORDER BY m.member_no LIMIT ?3",
	[PAGE_LAST] = VOTE_COLS " ORDER BY m.member_no DESC LIMIT ?3",
	[PAGE_AFTER] = VOTE_COLS " AND m.member_no > ?4 ORDER BY m.member_no LIMIT ?3",
	[PAGE_BEFORE] = VOTE_COLS " AND m.member_no < ?4 ORDER BY m.member_no DESC LIMIT ?3",
};

#define RESULT_COLS \
	"SELECT id, motion_id, votes_for, votes_against, abstentions, coalesce(casting_vote, '')," \
	" outcome, coalesce(corrects_id, 0), note, recorded_at FROM motion_results"
static const char SQL_RESULT_LATEST[] =
	RESULT_COLS " WHERE motion_id = ?1 ORDER BY id DESC LIMIT 1";
static const char SQL_RESULT_HISTORY[] =
	RESULT_COLS " WHERE motion_id = ?1 ORDER BY id LIMIT ?2";
static const char SQL_RESULT_INSERT[] =
	"INSERT INTO motion_results (motion_id, votes_for, votes_against, abstentions, casting_vote,"
	" outcome, corrects_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static const char *const vote_words[] = { "for", "against", "abstain" };

struct mctx {
	int64_t meeting_id;
	enum meeting_kind kind;
	char held_on[ISO_DATE_LEN];
	char status[12];
	int published;
	int64_t quorum_needed;
	enum resolution_type resolution;
	int64_t confirms_id;
	int64_t motion_no;
	int64_t latest_result;
	enum motion_outcome outcome;
};

/* The outcome in column `col` ('' for none). */
static enum motion_outcome outcome_of(sqlite3_stmt *st, int col)
{
	int o = rule_outcome_parse((const char *)sqlite3_column_text(st, col));
	return o < 0 ? OUTCOME_NONE : (enum motion_outcome)o;
}

static void read_ctx(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct mctx *c = row;
	memset(c, 0, sizeof *c);
	c->meeting_id = sqlite3_column_int64(st, 0);
	c->kind = (enum meeting_kind)rule_meeting_kind_parse((const char *)sqlite3_column_text(st, 1));
	db_col_text(st, 2, c->held_on, sizeof c->held_on);
	db_col_text(st, 3, c->status, sizeof c->status);
	c->published = sqlite3_column_int(st, 4);
	c->quorum_needed = sqlite3_column_int64(st, 5);
	c->resolution = (enum resolution_type)rule_resolution_parse((const char *)sqlite3_column_text(st, 6));
	c->confirms_id = sqlite3_column_int64(st, 7);
	c->motion_no = sqlite3_column_int64(st, 8);
	c->latest_result = sqlite3_column_int64(st, 9);
	c->outcome = outcome_of(st, 10);
}

static int load_ctx(struct db *db, int64_t motion_id, struct mctx *c)
{
	return db_get(db, SQL_CTX, motion_id, read_ctx, c, NULL, NO_MOTION);
}

/* Reads one count (or any integer) from a statement binding ?1 and ?2. */
static int one_int(struct db *db, const char *sql, int64_t a, int64_t b, int64_t *out)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int64(st, 2, b);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*out = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}


static int exists(struct db *db, const char *sql, int64_t a, int64_t b)
{
	int64_t one;
	return one_int(db, sql, a, b, &one);
}

/* DB_OK when the confirmation `m` may confirm motion m->confirms_id. */
static int check_confirmation(struct db *db, const struct motion *m, const char *held_on)
{
	if (m->resolution != RESOLUTION_AMALGAMATION)
		return db_set_error(db, DB_INVALID,
				    "a confirmation is itself an amalgamation or transfer resolution");
	struct mctx first;
	int rc = load_ctx(db, m->confirms_id, &first);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_INVALID, "the motion to be confirmed does not exist");
	if (rc)
		return rc;
	if (first.resolution != RESOLUTION_AMALGAMATION || first.confirms_id)
		return db_set_error(db, DB_INVALID,
				    "only an amalgamation or transfer first passed at an earlier meeting"
				    " is confirmed at a second one");
	if (first.outcome != OUTCOME_CARRIED)
		return db_set_error(db, DB_INVALID,
				    "motion %lld has not been carried, so there is nothing to confirm",
				    (long long)first.motion_no);
	int64_t min_days, max_months;
	if ((rc = setting_int(db, "amalgamation_confirm_min_days", &min_days)) ||
	    (rc = setting_int(db, "amalgamation_confirm_max_months", &max_months)))
		return rc;
	struct date a, b;
	char why[300];
	if (date_parse(first.held_on, &a) || date_parse(held_on, &b))
		return db_set_error(db, DB_INVALID, "the dates of the two meetings must be real dates");
	if (rule_confirmation_check(a, b, (int)min_days, (int)max_months, why, sizeof why))
		return db_set_error(db, DB_INVALID, "%s", why);
	return DB_OK;
}

static int add_write(struct db *db, struct motion *m)
{
	sqlite3_stmt *st = db_prep(db, SQL_MEETING);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, m->meeting_id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such meeting");
	if (rc)
		return rc;
	int kind = rule_meeting_kind_parse((const char *)sqlite3_column_text(st, 0));
	char held_on[ISO_DATE_LEN], status[12];
	db_col_text(st, 1, held_on, sizeof held_on);
	db_col_text(st, 2, status, sizeof status);
	db_reset(st);
	if (kind == MEETING_BOARD)
		return db_set_error(db, DB_INVALID,
				    "motions are put to general meetings; record the board's own"
				    " decisions as board decisions");
	if (strcmp(status, "cancelled") == 0)
		return db_set_error(db, DB_INVALID, "this meeting was cancelled");
	if (m->proposer_id <= 0 || m->seconder_id <= 0)
		return db_set_error(db, DB_INVALID, "a motion needs a proposer and a seconder");
	if (m->motion_no <= 0 && (rc = one_int(db, SQL_NEXT_NO, m->meeting_id, 0, &m->motion_no)))
		return rc;
	db_new_uuid(m->uuid);
	if (!(st = db_prep(db, SQL_INSERT)))
		return db_status(db);
	sqlite3_bind_text(st, 1, m->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, m->meeting_id);
	sqlite3_bind_int64(st, 3, m->motion_no);
	db_bind_text(st, 4, m->title);
	db_bind_text(st, 5, m->text);
	db_bind_text(st, 6, rule_resolution_word(m->resolution));
	db_bind_id_or_null(st, 7, m->proposer_id);
	db_bind_id_or_null(st, 8, m->seconder_id);
	db_bind_id_or_null(st, 9, m->confirms_id);
	if ((rc = db_step_done(db, st)))
		return rc;
	m->id = sqlite3_last_insert_rowid(db->conn);
	/* The database's own sentences (title, text, seconder) come first. */
	if ((rc = db_attendance_find(db, m->meeting_id, m->proposer_id, NULL, NULL)) == DB_NOTFOUND)
		return db_set_error(db, DB_INVALID, "the proposer must be present at the meeting");
	if (rc)
		return rc;
	if ((rc = db_attendance_find(db, m->meeting_id, m->seconder_id, NULL, NULL)) == DB_NOTFOUND)
		return db_set_error(db, DB_INVALID, "the seconder must be present at the meeting");
	if (rc)
		return rc;
	if (m->confirms_id > 0)
		return check_confirmation(db, m, held_on);
	return DB_OK;
}

int motion_add(struct db *db, const struct actor *who, struct motion *m)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	int64_t asked_no = m->motion_no;
	if ((rc = add_write(db, m)))
		db_abort(db, rc);
	else
		rc = db_commit(db);
	if (rc) {
		/* Nothing was saved: leave the record as it was given. */
		m->id = 0;
		m->motion_no = asked_no;
		m->uuid[0] = '\0';
		return rc;
	}
	m->version = 1;
	return DB_OK;
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct motion *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct motion_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	DB_COL(OUTCOME, outcome)
}

int motion_get(struct db *db, const struct actor *who, int64_t id, struct motion *m)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_GET);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, level != ACCESS_ALL);
	return db_read_one(db, st, read_full, m, NULL, NO_MOTION);
}

/* Members and volunteers read only what belongs to published meetings. */
static int visible_meeting(struct db *db, enum access_level level, int64_t meeting_id)
{
	sqlite3_stmt *st = db_prep(db, SQL_MEETING);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such meeting");
	if (rc)
		return rc;
	int published = sqlite3_column_int(st, 3);
	db_reset(st);
	if (level != ACCESS_ALL && !published)
		return db_set_error(db, DB_NOTFOUND, "there is no such meeting");
	return DB_OK;
}

int motion_list(struct db *db, const struct actor *who, int64_t meeting_id,
		struct motion_row *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc || (rc = visible_meeting(db, level, meeting_id)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_LIST);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int(st, 2, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_row, NULL, n);
}

int motion_page(struct db *db, const struct actor *who, int64_t meeting_id, enum page_dir dir,
		const struct page_key *key, struct motion_row *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "motion_page", 0, dir, key, max)) ||
	    (rc = visible_meeting(db, level, meeting_id)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int(st, 2, max);
	if (key)
		sqlite3_bind_int64(st, 3, key->num);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}

int motion_find_by_ref(struct db *db, const struct actor *who, enum meeting_kind kind, int year,
		       int64_t motion_no, int amalgamation_only, int64_t *id)
{
	*id = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_BY_REF);
	if (!st)
		return db_status(db);
	char y[16];
	snprintf(y, sizeof y, "%04d", year);
	db_bind_text(st, 1, rule_meeting_kind_word(kind));
	db_bind_text(st, 2, y);
	sqlite3_bind_int64(st, 3, motion_no);
	sqlite3_bind_int(st, 4, level != ACCESS_ALL);
	sqlite3_bind_int(st, 5, amalgamation_only != 0);
	int found = 0;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		if (found++)
			break;
		*id = sqlite3_column_int64(st, 0);
	}
	db_reset(st);
	if (rc != DB_OK && rc != DB_NOTFOUND)
		return rc;
	if (!found)
		return db_set_error(db, DB_NOTFOUND, "there is no %smotion %lld at a %s in %d",
				    amalgamation_only ? "amalgamation or transfer " : "",
				    (long long)motion_no, rule_meeting_kind_name(kind), year);
	if (found > 1) {
		*id = 0;
		return db_set_error(db, DB_INVALID,
				    "more than one %s in %d has a motion %lld; open the motion from"
				    " its meeting instead", rule_meeting_kind_name(kind), year,
				    (long long)motion_no);
	}
	return DB_OK;
}

void motion_row_key(const struct motion_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	key->num = r->motion_no;
}

/* Loads a motion that may still take presence and votes. */
static int open_for_votes(struct db *db, int64_t motion_id, struct mctx *c)
{
	int rc = load_ctx(db, motion_id, c);
	if (rc)
		return rc;
	if (c->latest_result)
		return db_set_error(db, DB_INVALID,
				    "the result of motion %lld is recorded; nothing more can be added to the vote",
				    (long long)c->motion_no);
	if (strcmp(c->status, "held") != 0)
		return db_set_error(db, DB_INVALID,
				    "open the meeting first: votes are taken at a meeting that is being held");
	return DB_OK;
}

static int presence_write(struct db *db, int64_t motion_id, int64_t member_id)
{
	struct mctx c;
	int left = 0;
	int rc = open_for_votes(db, motion_id, &c);
	if (rc)
		return rc;
	rc = db_attendance_find(db, c.meeting_id, member_id, &left, NULL);
	if (rc == DB_NOTFOUND || (rc == DB_OK && left))
		return db_set_error(db, DB_INVALID,
				    "only a member present at the meeting can be present at a vote");
	if (rc)
		return rc;
	if ((rc = exists(db, SQL_PRESENCE_HAS, motion_id, member_id)) == DB_OK)
		return db_set_error(db, DB_INVALID, "that member is already recorded present at this vote");
	if (rc != DB_NOTFOUND)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PRESENCE_ADD);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int64(st, 2, member_id);
	return db_step_done(db, st);
}

int motion_presence_add(struct db *db, const struct actor *who, int64_t motion_id,
			int64_t member_id)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = presence_write(db, motion_id, member_id)))
		return db_abort(db, rc);
	return db_commit(db);
}

int motion_presence_from_attendance(struct db *db, const struct actor *who,
				    int64_t motion_id, int64_t *added)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	struct mctx c;
	if ((rc = open_for_votes(db, motion_id, &c)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_PRESENCE_FILL);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int64(st, 2, c.meeting_id);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t n = sqlite3_changes(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	if (added)
		*added = n;
	return DB_OK;
}

int motion_presence_count(struct db *db, const struct actor *who, int64_t motion_id,
			  int64_t *count)
{
	*count = 0;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc)
		return rc;
	struct mctx c;
	if ((rc = load_ctx(db, motion_id, &c)))
		return rc;
	return one_int(db, SQL_PRESENCE_COUNT, motion_id, 0, count);
}

static int vote_write(struct db *db, int64_t motion_id, int64_t member_id, enum vote_choice v,
		      int64_t by_proxy_id)
{
	struct mctx c;
	int rc = open_for_votes(db, motion_id, &c);
	if (rc)
		return rc;
	if ((unsigned)v > VOTE_ABSTAIN)
		return db_set_error(db, DB_INVALID, "a vote is for, against or abstain");
	if (by_proxy_id > 0) {
		int64_t allowed = 0, holds = 0;
		if ((rc = setting_int(db, "proxies_allowed", &allowed)))
			return rc;
		if (!allowed)
			return db_set_error(db, DB_INVALID, "the co-op's rules do not allow voting by proxy");
		rc = exists(db, SQL_PRESENCE_HAS, motion_id, by_proxy_id);
		if (rc == DB_NOTFOUND)
			return db_set_error(db, DB_INVALID,
					    "a proxy is cast by a member present at the vote");
		if (rc)
			return rc;
		rc = db_attendance_find(db, c.meeting_id, by_proxy_id, NULL, &holds);
		if (rc && rc != DB_NOTFOUND)
			return rc;
		if (holds != member_id)
			return db_set_error(db, DB_INVALID,
					    "that member does not hold this member's proxy at this meeting");
	} else {
		rc = exists(db, SQL_PRESENCE_HAS, motion_id, member_id);
		if (rc == DB_NOTFOUND)
			return db_set_error(db, DB_INVALID,
					    "only members present at the vote may vote;"
					    " record them as present at it first");
		if (rc)
			return rc;
	}
	if ((rc = exists(db, SQL_VOTE_HAS, motion_id, member_id)) == DB_OK)
		return db_set_error(db, DB_INVALID,
				    "that member has already voted on this motion: one member, one vote");
	if (rc != DB_NOTFOUND)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_VOTE_INSERT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int64(st, 2, member_id);
	db_bind_text(st, 3, vote_words[v]);
	db_bind_id_or_null(st, 4, by_proxy_id);
	return db_step_done(db, st);
}

int motion_vote(struct db *db, const struct actor *who, int64_t motion_id, int64_t member_id,
		enum vote_choice v, int64_t by_proxy_id)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = vote_write(db, motion_id, member_id, v, by_proxy_id)))
		return db_abort(db, rc);
	return db_commit(db);
}

static void read_vote(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct vote_row *r = row;
	memset(r, 0, sizeof *r);
	r->member_id = sqlite3_column_int64(st, 0);
	r->member_no = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, r->name, sizeof r->name);
	const char *w = (const char *)sqlite3_column_text(st, 3);
	r->vote = w && strcmp(w, "for") == 0 ? VOTE_FOR
		: w && strcmp(w, "against") == 0 ? VOTE_AGAINST : VOTE_ABSTAIN;
	r->by_proxy_id = sqlite3_column_int64(st, 4);
}

/* Whose votes this actor sees: 0 for all (the board; anyone when roll
 * calls are published), else their own member id; -1 for none. */
static int votes_seen(struct db *db, const struct actor *who, int64_t motion_id, int64_t *only)
{
	*only = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	struct mctx c;
	if ((rc = load_ctx(db, motion_id, &c)))
		return rc;
	int64_t roll_calls = 0;
	if (level != ACCESS_ALL) {
		if (!c.published)
			return db_set_error(db, DB_NOTFOUND, NO_MOTION);
		if ((rc = setting_int(db, "publish_roll_calls", &roll_calls)))
			return rc;
		if (!roll_calls)
			*only = who->member_id > 0 ? who->member_id : -1;
	}
	return DB_OK;
}

int motion_votes_list(struct db *db, const struct actor *who, int64_t motion_id,
		      struct vote_row *rows, int max, int *n)
{
	*n = 0;
	int64_t only;
	int rc = votes_seen(db, who, motion_id, &only);
	if (rc || only < 0)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_VOTES_LIST);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int64(st, 2, only);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_vote, NULL, n);
}

int motion_votes_page(struct db *db, const struct actor *who, int64_t motion_id,
		      enum page_dir dir, const struct page_key *key, struct vote_row *rows, int max,
		      int *n)
{
	*n = 0;
	int64_t only;
	int rc = db_page_args(db, "motion_votes_page", 0, dir, key, max);
	if (rc || (rc = votes_seen(db, who, motion_id, &only)) || only < 0)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_VOTES_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int64(st, 2, only);
	sqlite3_bind_int(st, 3, max);
	if (key)
		sqlite3_bind_int64(st, 4, key->num);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_vote, NULL, n);
}

void vote_row_key(const struct vote_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->member_id;
	key->num = r->member_no;
}

static int count_votes(struct db *db, int64_t motion_id, struct vote_tally *t)
{
	sqlite3_stmt *st = db_prep(db, SQL_VOTE_COUNT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	t->votes_for = sqlite3_column_int64(st, 0);
	t->votes_against = sqlite3_column_int64(st, 1);
	t->abstentions = sqlite3_column_int64(st, 2);
	db_reset(st);
	return DB_OK;
}

int motion_vote_count(struct db *db, const struct actor *who, int64_t motion_id,
		      struct vote_tally *t)
{
	memset(t, 0, sizeof *t);
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc)
		return rc;
	struct mctx c;
	if ((rc = load_ctx(db, motion_id, &c)))
		return rc;
	return count_votes(db, motion_id, t);
}

static void read_result(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct motion_result *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->motion_id = sqlite3_column_int64(st, 1);
	r->tally.votes_for = sqlite3_column_int64(st, 2);
	r->tally.votes_against = sqlite3_column_int64(st, 3);
	r->tally.abstentions = sqlite3_column_int64(st, 4);
	const char *c = (const char *)sqlite3_column_text(st, 5);
	r->casting = c && strcmp(c, "for") == 0 ? CASTING_FOR
		   : c && strcmp(c, "against") == 0 ? CASTING_AGAINST : CASTING_NONE;
	r->outcome = outcome_of(st, 6);
	r->corrects_id = sqlite3_column_int64(st, 7);
	db_col_text(st, 8, r->note, sizeof r->note);
	db_col_text(st, 9, r->recorded_at, sizeof r->recorded_at);
}

/* Members present at the vote, and proxies they hold. */
static int presence_at_vote(struct db *db, const struct mctx *c, int64_t motion_id,
			    int64_t *present, int64_t *proxies)
{
	int rc = one_int(db, SQL_PRESENCE_COUNT, motion_id, 0, present);
	if (!rc && *present == 0)
		rc = one_int(db, SQL_PRESENT_NOW, c->meeting_id, 0, present);
	if (!rc)
		rc = one_int(db, SQL_PROXIES_AT_VOTE, c->meeting_id, motion_id, proxies);
	return rc;
}

/* The settings' numbers that decide an outcome. */
static int load_rules(struct db *db, struct outcome_rules *rules)
{
	memset(rules, 0, sizeof *rules);
	rules->amalgamation_num = AMALGAMATION_MAJORITY_NUM;
	rules->amalgamation_den = AMALGAMATION_MAJORITY_DEN;
	int64_t casting_allowed = 0;
	int rc;
	if ((rc = setting_int(db, "special_majority_num", &rules->special_num)) ||
	    (rc = setting_int(db, "special_majority_den", &rules->special_den)) ||
	    (rc = setting_int(db, "chair_casting_vote", &casting_allowed)))
		return rc;
	rules->chair_casting_vote = casting_allowed != 0;
	return DB_OK;
}

int motion_outcome_rules(struct db *db, const struct actor *who, struct outcome_rules *rules)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, NULL);
	return rc ? rc : load_rules(db, rules);
}

/* Works out the outcome of a vote into *r. */
static int decide(struct db *db, const struct mctx *c, int64_t motion_id,
		  const struct motion_result_input *in, struct motion_result *r)
{
	int rc;
	if (in->count_recorded_votes) {
		if ((rc = count_votes(db, motion_id, &r->tally)))
			return rc;
		if (r->tally.votes_for + r->tally.votes_against + r->tally.abstentions == 0)
			return db_set_error(db, DB_INVALID,
					    "no individual votes are recorded for this motion;"
					    " record them, or give the counts from the show of hands");
	} else {
		r->tally = in->tally;
	}
	int64_t present = 0, proxies = 0, allowed = 0;
	if ((rc = presence_at_vote(db, c, motion_id, &present, &proxies)) ||
	    (rc = setting_int(db, "proxies_allowed", &allowed)))
		return rc;
	if (!allowed)
		proxies = 0;
	int64_t counted = r->tally.votes_for + r->tally.votes_against + r->tally.abstentions;
	if (counted > present + proxies)
		return db_set_error(db, DB_INVALID,
				    "%lld votes were counted but only %lld member%s present at the vote",
				    (long long)counted, (long long)(present + proxies),
				    present + proxies == 1 ? " was" : "s were");
	struct outcome_rules rules;
	if ((rc = load_rules(db, &rules)))
		return rc;
	char why[200];
	r->casting = in->casting;
	if (rule_motion_outcome(c->resolution, c->confirms_id > 0, present >= c->quorum_needed,
				&r->tally, in->casting, &rules, &r->outcome, why, sizeof why))
		return db_set_error(db, DB_INVALID, "%s", why);
	return DB_OK;
}

static int result_write(struct db *db, int64_t motion_id, const struct motion_result_input *in,
			struct motion_result *r)
{
	struct mctx c;
	int rc = load_ctx(db, motion_id, &c);
	if (rc)
		return rc;
	if (strcmp(c.status, "held") != 0)
		return db_set_error(db, DB_INVALID,
				    "open the meeting first (record who is present and open it),"
				    " so that its quorum is known");
	if (c.latest_result && in->corrects_id <= 0)
		return db_set_error(db, DB_INVALID,
				    "the result of motion %lld is already recorded and is never edited;"
				    " record an erratum that names it instead", (long long)c.motion_no);
	if (in->corrects_id > 0) {
		if (!c.latest_result)
			return db_set_error(db, DB_INVALID,
					    "there is no result of this motion to correct");
		if (in->corrects_id != c.latest_result)
			return db_set_error(db, DB_INVALID,
					    "an erratum corrects the newest result of this motion");
		if (!in->note || !*in->note)
			return db_set_error(db, DB_INVALID,
					    "an erratum needs a note saying what was wrong");
	}
	memset(r, 0, sizeof *r);
	r->motion_id = motion_id;
	r->corrects_id = in->corrects_id > 0 ? in->corrects_id : 0;
	if (in->withdrawn)
		r->outcome = OUTCOME_WITHDRAWN;
	else if ((rc = decide(db, &c, motion_id, in, r)))
		return rc;
	text_copy(r->note, sizeof r->note, in->note ? in->note : "");
	sqlite3_stmt *st = db_prep(db, SQL_RESULT_INSERT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int64(st, 2, r->tally.votes_for);
	sqlite3_bind_int64(st, 3, r->tally.votes_against);
	sqlite3_bind_int64(st, 4, r->tally.abstentions);
	if (r->casting != CASTING_NONE)
		db_bind_text(st, 5, r->casting == CASTING_FOR ? "for" : "against");
	db_bind_text(st, 6, rule_outcome_word(r->outcome));
	db_bind_id_or_null(st, 7, r->corrects_id);
	db_bind_text(st, 8, in->note);
	if ((rc = db_step_done(db, st)))
		return rc;
	r->id = sqlite3_last_insert_rowid(db->conn);
	return DB_OK;
}

int motion_record_result(struct db *db, const struct actor *who, int64_t motion_id,
			 const struct motion_result_input *in, struct motion_result *out)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc)
		return rc;
	if (!in)
		return db_set_error(db, DB_INVALID, "say what the result was");
	if ((rc = db_begin(db, who)))
		return rc;
	struct motion_result local;
	struct motion_result *r = out ? out : &local;
	if ((rc = result_write(db, motion_id, in, r)))
		return db_abort(db, rc);
	return db_commit(db);
}

int motion_roll_call(struct db *db, const struct actor *who, int64_t motion_id,
		     const struct roll_vote *votes, int n, enum casting_vote casting,
		     struct motion_result *out)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc)
		return rc;
	if (n <= 0 || !votes)
		return db_set_error(db, DB_INVALID, "a roll call names at least one member's vote");
	if ((rc = db_begin(db, who)))
		return rc;
	if ((rc = motion_presence_from_attendance(db, who, motion_id, NULL)))
		return db_abort(db, rc);
	for (int i = 0; i < n; i++)
		if ((rc = motion_vote(db, who, motion_id, votes[i].member_id, votes[i].vote,
				      votes[i].by_proxy_id)))
			return db_abort(db, rc);
	struct motion_result_input in = { .count_recorded_votes = 1, .casting = casting };
	struct motion_result local;
	if ((rc = result_write(db, motion_id, &in, out ? out : &local)))
		return db_abort(db, rc);
	return db_commit(db);
}

/* Loads the motion and checks that this actor may see its results. */
static int visible_results(struct db *db, const struct actor *who, int64_t motion_id)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	struct mctx c;
	if ((rc = load_ctx(db, motion_id, &c)))
		return rc;
	if (level != ACCESS_ALL && !c.published)
		return db_set_error(db, DB_NOTFOUND, NO_MOTION);
	return DB_OK;
}

int motion_result_get(struct db *db, const struct actor *who, int64_t motion_id,
		      struct motion_result *out)
{
	int rc = visible_results(db, who, motion_id);
	return rc ? rc : db_get(db, SQL_RESULT_LATEST, motion_id, read_result, out, NULL,
				"no result of this motion is recorded yet");
}

int motion_result_history(struct db *db, const struct actor *who, int64_t motion_id,
			  struct motion_result *rows, int max, int *n)
{
	*n = 0;
	int rc = visible_results(db, who, motion_id);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_RESULT_HISTORY);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, motion_id);
	sqlite3_bind_int(st, 2, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_result, NULL, n);
}
