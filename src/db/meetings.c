/*
 * src/db/meetings.c: meetings, attendance, notice and quorum. The rule
 * arithmetic is core/meeting_rules.c's; the numbers come from settings.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/meetings.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* A whole meeting: the list row's columns first (ROW_FIELDS), then the
 * rest (FULL_FIELDS); the readers below take them in this order. */
#define FULL_COLS \
	"id, kind, title, held_on, starts_at, status, minutes_published, uuid, place," \
	" coalesce(notice_given_on, ''), coalesce(chair_member_id, 0), coalesce(quorum_needed, 0)," \
	" coalesce(present_at_start, -1), agenda, vote_by = 'roll_call', version"
#define ROW_FIELDS(X) \
	X(INT64, id) X(KIND, kind) X(TEXT, title) X(TEXT, held_on) X(TEXT, starts_at) \
	X(STATUS, status) X(INT, minutes_published)
#define FULL_FIELDS(X) \
	X(TEXT, uuid) X(TEXT, place) X(TEXT, notice_given_on) X(INT64, chair_member_id) \
	X(INT64, quorum_needed) X(INT64, present_at_start) X(TEXT, agenda) X(INT, roll_call) \
	X(INT64, version)
/* The list's own columns after ROW_FIELDS: notice, quorum, motions and
 * their outcomes (the newest result of each: an erratum stands). */
#define LIST_FIELDS(X) \
	X(TEXT, notice_given_on) X(INT64, quorum_needed) X(INT64, present_at_start) \
	X(INT64, motions) X(INT64, carried) X(INT64, lost) X(INT64, withdrawn) \
	X(INT64, not_quorate)
#define DB_COL_KIND(field) \
	r->field = (enum meeting_kind)rule_meeting_kind_parse((const char *)sqlite3_column_text(st, col++));
#define DB_COL_STATUS(field) r->field = status_parse((const char *)sqlite3_column_text(st, col++));
#define NO_MEETING "there is no such meeting"

/* ?2 = 1 keeps only meetings with published minutes (members, volunteers),
 * and of the board's only when ?3 = 1 (publish_board_meetings). */
#define SEEN(flag, board) \
	" (" flag " = 0 OR (minutes_published = 1 AND (kind <> 'board' OR " board " = 1)))"
static const char SQL_GET[] =
	"SELECT " FULL_COLS " FROM meetings WHERE id = ?1 AND" SEEN("?2", "?3");
static const char SQL_INSERT[] =
	"INSERT INTO meetings (uuid, kind, title, held_on, starts_at, place, notice_given_on,"
	" chair_member_id, agenda, vote_by)"
	" VALUES (?1, ?2, ?3, ?4, coalesce(?5, '19:00'), ?6, ?7, ?8, ?9, ?10)";
static const char SQL_UPDATE[] =
	"UPDATE meetings SET kind = ?2, title = ?3, held_on = ?4, starts_at = coalesce(?5, '19:00'),"
	" place = ?6, notice_given_on = ?7, chair_member_id = ?8, agenda = ?9, vote_by = ?10,"
	" version = version + 1 WHERE id = ?1";
static const char SQL_STATE[] =
	"SELECT version, status, minutes_published, held_on, kind, length(trim(minutes))"
	" FROM meetings WHERE id = ?1";
static const char SQL_CANCEL[] =
	"UPDATE meetings SET status = 'cancelled', version = version + 1 WHERE id = ?1";
static const char SQL_OPEN[] =
	"UPDATE meetings SET status = 'held', quorum_needed = ?2, present_at_start = ?3,"
	" version = version + 1 WHERE id = ?1";
static const char SQL_MINUTES_GET[] =
	"SELECT minutes FROM meetings WHERE id = ?1 AND" SEEN("?2", "?3");
static const char SQL_MINUTES_SET[] =
	"UPDATE meetings SET minutes = ?2, version = version + 1 WHERE id = ?1";
static const char SQL_PUBLISH[] =
	"UPDATE meetings SET minutes_published = 1, version = version + 1 WHERE id = ?1";

static const char SQL_MEMBERS_ON[] =
	"SELECT count(*) FROM members WHERE entered_on <= ?1 AND (ceased_on IS NULL OR ceased_on > ?1)";
static const char SQL_MEMBER_ON[] =
	"SELECT name, entered_on <= ?2 AND (ceased_on IS NULL OR ceased_on > ?2)"
	" FROM members WHERE id = ?1";

static const char SQL_ATT_FIND[] =
	"SELECT left_at IS NOT NULL, coalesce(proxy_for, 0) FROM attendance"
	" WHERE meeting_id = ?1 AND member_id = ?2";
static const char SQL_ATT_INSERT[] =
	"INSERT INTO attendance (meeting_id, member_id, present_at_start, arrived_at)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char SQL_ATT_LEFT[] =
	"UPDATE attendance SET left_at = ?3 WHERE meeting_id = ?1 AND member_id = ?2";
static const char SQL_ATT_PROXY[] =
	"UPDATE attendance SET proxy_for = ?3 WHERE meeting_id = ?1 AND member_id = ?2";
static const char SQL_PROXY_HELD[] =
	"SELECT count(*) FROM attendance WHERE meeting_id = ?1 AND proxy_for = ?2 AND member_id <> ?3";
static const char SQL_PRESENT_NOW[] =
	"SELECT count(*) FROM attendance WHERE meeting_id = ?1 AND left_at IS NULL";
static const char SQL_AT_START[] =
	"SELECT count(*) FROM attendance WHERE meeting_id = ?1 AND present_at_start = 1";
static const char SQL_ATT_LIST[] =
	"SELECT a.member_id, m.member_no, m.name, a.present_at_start, coalesce(a.arrived_at, ''),"
	" coalesce(a.left_at, ''), coalesce(a.proxy_for, 0)"
	" FROM attendance a JOIN members m ON m.id = a.member_id"
	" WHERE a.meeting_id = ?1 AND (?2 = 0 OR a.member_id = ?2) ORDER BY m.member_no LIMIT ?3";
/* The same a page at a time by member number: ?3 the size, ?4 the key's number. */
#define ATT_COLS \
	"SELECT a.member_id, m.member_no, m.name, a.present_at_start, coalesce(a.arrived_at, '')," \
	" coalesce(a.left_at, ''), coalesce(a.proxy_for, 0)" \
	" FROM attendance a JOIN members m ON m.id = a.member_id" \
	" WHERE a.meeting_id = ?1 AND (?2 = 0 OR a.member_id = ?2)"
static const char *const SQL_ATT_PAGE[4] = {
	[PAGE_FIRST] = ATT_COLS " ORDER BY m.member_no LIMIT ?3",
	[PAGE_LAST] = ATT_COLS " ORDER BY m.member_no DESC LIMIT ?3",
	[PAGE_AFTER] = ATT_COLS " AND m.member_no > ?4 ORDER BY m.member_no LIMIT ?3",
	[PAGE_BEFORE] = ATT_COLS " AND m.member_no < ?4 ORDER BY m.member_no DESC LIMIT ?3",
};

/* The list: ?1 = 1 for published only (members, volunteers), ?5 = 1 to
 * show those of the board's too; ?2 the key's date (or ordering number),
 * ?3 its id, ?4 the size, ?6 today. The columns are ROW_FIELDS then
 * LIST_FIELDS. Meetings are few (a handful a year), so the upcoming-first
 * order, which no index can serve, sorts them by an ordering number:
 * from today on, yyyymmdd; before today, 200000000 less it (newest first,
 * after every upcoming one). */
#define ROW_COLS \
	"SELECT id, kind, title, held_on, starts_at, status, minutes_published," \
	" coalesce(notice_given_on, ''), coalesce(quorum_needed, 0), coalesce(present_at_start, -1)," \
	" (SELECT count(*) FROM motions o WHERE o.meeting_id = g.id)," \
	" " OUTCOMES("carried") ", " OUTCOMES("lost") ", " OUTCOMES("withdrawn") "," \
	" " OUTCOMES("not_quorate") " FROM meetings g WHERE" SEEN("?1", "?5")
#define OUTCOMES(word) \
	"(SELECT count(*) FROM motions o WHERE o.meeting_id = g.id AND (SELECT r.outcome" \
	" FROM motion_results r WHERE r.motion_id = o.id ORDER BY r.id DESC LIMIT 1) = '" word "')"
#define ASC " ORDER BY held_on, id LIMIT ?4"
#define DESC " ORDER BY held_on DESC, id DESC LIMIT ?4"
#define ORDNO \
	"(CASE WHEN held_on >= ?6 THEN CAST(replace(held_on, '-', '') AS INTEGER)" \
	" ELSE 200000000 - CAST(replace(held_on, '-', '') AS INTEGER) END)"
#define UASC " ORDER BY " ORDNO ", id LIMIT ?4"
#define UDESC " ORDER BY " ORDNO " DESC, id DESC LIMIT ?4"

static const char *const SQL_PAGE[3][4] = {
	[MEETINGS_NEWEST_FIRST] = {
		[PAGE_FIRST] = ROW_COLS DESC,
		[PAGE_LAST] = ROW_COLS ASC,
		[PAGE_AFTER] = ROW_COLS " AND (held_on, id) < (?2, ?3)" DESC,
		[PAGE_BEFORE] = ROW_COLS " AND (held_on, id) > (?2, ?3)" ASC,
	},
	[MEETINGS_OLDEST_FIRST] = {
		[PAGE_FIRST] = ROW_COLS ASC,
		[PAGE_LAST] = ROW_COLS DESC,
		[PAGE_AFTER] = ROW_COLS " AND (held_on, id) > (?2, ?3)" ASC,
		[PAGE_BEFORE] = ROW_COLS " AND (held_on, id) < (?2, ?3)" DESC,
	},
	[MEETINGS_UPCOMING_FIRST] = {
		[PAGE_FIRST] = ROW_COLS UASC,
		[PAGE_LAST] = ROW_COLS UDESC,
		[PAGE_AFTER] = ROW_COLS " AND (" ORDNO ", id) > (?2, ?3)" UASC,
		[PAGE_BEFORE] = ROW_COLS " AND (" ORDNO ", id) < (?2, ?3)" UDESC,
	},
};

static const char *const status_words[] = { "planned", "held", "cancelled" };

static enum meeting_status status_parse(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (s && strcmp(s, status_words[i]) == 0)
			return (enum meeting_status)i;
	return MEETING_PLANNED;
}

const char *meeting_status_name(enum meeting_status s)
{
	return (unsigned)s < 3 ? status_words[s] : "";
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct meeting_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
	LIST_FIELDS(DB_COL)
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct meeting *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

/* What a write needs to know of a meeting before it changes it. */
struct mstate {
	int64_t version;
	enum meeting_status status;
	int published;
	char held_on[ISO_DATE_LEN];
	enum meeting_kind kind;
	int64_t minutes_len;
};

static void read_state(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct mstate *s = row;
	s->version = sqlite3_column_int64(st, 0);
	s->status = status_parse((const char *)sqlite3_column_text(st, 1));
	s->published = sqlite3_column_int(st, 2);
	db_col_text(st, 3, s->held_on, sizeof s->held_on);
	s->kind = (enum meeting_kind)rule_meeting_kind_parse((const char *)sqlite3_column_text(st, 4));
	s->minutes_len = sqlite3_column_int64(st, 5);
}

static int load_state(struct db *db, int64_t id, struct mstate *s)
{
	return db_get(db, SQL_STATE, id, read_state, s, NULL, NO_MEETING);
}

/* Loads the state and checks the version the person saw. */
static int load_current(struct db *db, int64_t id, int64_t version, struct mstate *s)
{
	int rc = load_state(db, id, s);
	if (rc)
		return rc;
	if (s->version != version)
		return db_conflict(db, "meetings", id, "this meeting");
	return DB_OK;
}

/* 1 when members may read the board's meetings (publish_board_meetings). */
static int board_shown(struct db *db, int *out)
{
	int64_t v = 0;
	int rc = setting_int(db, "publish_board_meetings", &v);
	*out = v != 0;
	return rc;
}

int meeting_get(struct db *db, const struct actor *who, int64_t id, struct meeting *m)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	int board;
	if ((rc = board_shown(db, &board)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_GET);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, level != ACCESS_ALL);
	sqlite3_bind_int(st, 3, board);
	return db_read_one(db, st, read_full, m, NULL, NO_MEETING);
}

/* Binds ?2..?8, the fields create and update share. */
static void bind_fields(sqlite3_stmt *st, const struct meeting *m)
{
	db_bind_text(st, 2, rule_meeting_kind_word(m->kind));
	db_bind_text(st, 3, m->title);
	db_bind_text(st, 4, m->held_on);
	db_bind_text_or_null(st, 5, m->starts_at);
	db_bind_text(st, 6, m->place);
	db_bind_text_or_null(st, 7, m->notice_given_on);
	db_bind_id_or_null(st, 8, m->chair_member_id);
	db_bind_text(st, 9, m->agenda);
	db_bind_text(st, 10, m->roll_call ? "roll_call" : "count");
}

int meeting_create(struct db *db, const struct actor *who, struct meeting *m)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	char uuid[37];
	db_new_uuid(uuid);
	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	bind_fields(st, m);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	m->id = id;
	memcpy(m->uuid, uuid, sizeof uuid);
	if (!m->starts_at[0])
		text_copy(m->starts_at, sizeof m->starts_at, "19:00");
	m->status = MEETING_PLANNED;
	m->quorum_needed = 0;
	m->present_at_start = -1;
	m->minutes_published = 0;
	m->version = 1;
	return DB_OK;
}

int meeting_update(struct db *db, const struct actor *who, struct meeting *m)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	struct mstate s;
	if ((rc = load_current(db, m->id, m->version, &s)))
		return db_abort(db, rc);
	if (s.status == MEETING_CANCELLED)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"this meeting was cancelled; arrange a new meeting instead"));
	sqlite3_stmt *st = db_prep(db, SQL_UPDATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, m->id);
	bind_fields(st, m);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	m->version++;
	if (!m->starts_at[0])
		text_copy(m->starts_at, sizeof m->starts_at, "19:00");
	return DB_OK;
}

/* Runs a one-row UPDATE by id (?1) inside the caller's transaction. */
static int update_by_id(struct db *db, const char *sql, int64_t id)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	return db_step_done(db, st);
}

int meeting_cancel(struct db *db, const struct actor *who, int64_t id, int64_t version)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	struct mstate s;
	if ((rc = load_current(db, id, version, &s)))
		return db_abort(db, rc);
	if (s.status == MEETING_HELD)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"this meeting has been held and cannot be cancelled"));
	if (s.status == MEETING_CANCELLED)
		return db_abort(db, db_set_error(db, DB_INVALID, "this meeting is already cancelled"));
	if ((rc = update_by_id(db, SQL_CANCEL, id)))
		return db_abort(db, rc);
	return db_commit(db);
}

/* yyyymmdd of an ISO date, 0 if it is not one. */
static int64_t date_number(const char *iso)
{
	struct date d;
	if (date_parse(iso, &d) != DATE_OK)
		return 0;
	return (int64_t)d.y * 10000 + d.m * 100 + d.d;
}

/* The ordering number of the upcoming-first order (ORDNO above). */
static int64_t upcoming_order(const char *held_on)
{
	char today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	int64_t n = date_number(held_on);
	return strcmp(held_on, today) >= 0 ? n : 200000000 - n;
}

void meeting_row_key(const struct meeting_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	key->num = upcoming_order(r->held_on);
	text_copy(key->text, sizeof key->text, r->held_on);
}

int meeting_page(struct db *db, const struct actor *who, enum meeting_order order,
		 enum page_dir dir, const struct page_key *key, struct meeting_row *rows,
		 int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "meeting_page", (unsigned)order > MEETINGS_UPCOMING_FIRST,
				     dir, key, max)))
		return rc;
	int board;
	if ((rc = board_shown(db, &board)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[order][dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, level != ACCESS_ALL);
	if (key && order == MEETINGS_UPCOMING_FIRST)
		sqlite3_bind_int64(st, 2, key->num);
	else if (key)
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
	if (key)
		sqlite3_bind_int64(st, 3, key->id);
	sqlite3_bind_int(st, 4, max);
	sqlite3_bind_int(st, 5, board);
	char today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	db_bind_text(st, 6, today);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}

int meeting_notice_check(struct db *db, const struct actor *who, const struct meeting *m,
			 struct meeting_notice *out)
{
	memset(out, 0, sizeof *out);
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc)
		return rc;
	struct date held, given;
	if (date_parse(m->held_on, &held) != DATE_OK || strlen(m->held_on) != 10)
		return db_set_error(db, DB_INVALID, "a meeting's date is a real date");
	int64_t required;
	if ((rc = setting_int(db, "notice_clear_days", &required)))
		return rc;
	out->required = (int)required;
	out->applies = rule_notice_applies(m->kind);
	if (!out->applies)
		return DB_OK;
	if (!m->notice_given_on[0]) {
		out->is_short = 1;
		snprintf(out->warning, sizeof out->warning,
			 "no notice of this meeting is recorded; the rules ask for %d clear days",
			 out->required);
		return DB_OK;
	}
	if (date_parse(m->notice_given_on, &given) != DATE_OK || strlen(m->notice_given_on) != 10)
		return db_set_error(db, DB_INVALID,
				    "notice is given on a real date, on or before the meeting");
	int r = rule_notice_check(given, held, out->required, &out->clear_days,
				  out->warning, sizeof out->warning);
	if (r < 0)
		return db_set_error(db, DB_INVALID, "%s", out->warning);
	out->is_short = r;
	return DB_OK;
}

/* "HH:MM" with a real hour and minute. */
static int valid_time(const char *s)
{
	if (strlen(s) != 5 || s[2] != ':')
		return 0;
	for (int i = 0; i < 5; i++)
		if (i != 2 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6';
}

/* DB_OK when `member_id` was a member on `on`; else a sentence. */
static int member_on(struct db *db, int64_t member_id, const char *on)
{
	sqlite3_stmt *st = db_prep(db, SQL_MEMBER_ON);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	db_bind_text(st, 2, on);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such member");
	if (rc)
		return rc;
	char name[MEMBER_NAME_MAX * 4 + 1];
	db_col_text(st, 0, name, sizeof name);
	int ok = sqlite3_column_int(st, 1);
	db_reset(st);
	char shown[ZONE_TIME_BUFSZ];
	if (!ok)
		return db_set_error(db, DB_INVALID, "%s was not a member on %s, the day of the meeting",
				    name, zone_format(on, shown, sizeof shown));
	return DB_OK;
}

int db_attendance_find(struct db *db, int64_t meeting_id, int64_t member_id, int *left,
			   int64_t *proxy)
{
	sqlite3_stmt *st = db_prep(db, SQL_ATT_FIND);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, member_id);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	if (left)
		*left = sqlite3_column_int(st, 0);
	if (proxy)
		*proxy = sqlite3_column_int64(st, 1);
	db_reset(st);
	return DB_OK;
}

/* The meeting must exist and not be cancelled; its state goes in *s. */
static int open_for_attendance(struct db *db, int64_t meeting_id, struct mstate *s)
{
	int rc = load_state(db, meeting_id, s);
	if (rc)
		return rc;
	if (s->status == MEETING_CANCELLED)
		return db_set_error(db, DB_INVALID, "this meeting was cancelled; nobody attended it");
	if (s->published)
		return db_set_error(db, DB_INVALID,
				    "the minutes of this meeting are published; its attendance is not changed");
	return DB_OK;
}

static int attendance_write(struct db *db, int64_t meeting_id, int64_t member_id,
			    enum attendance_event ev, const char *at)
{
	struct mstate s;
	int rc = open_for_attendance(db, meeting_id, &s);
	if (rc)
		return rc;
	if (at && *at && !valid_time(at))
		return db_set_error(db, DB_INVALID, "a time is like 19:40");
	if ((unsigned)ev > ATTENDANCE_LEFT)
		return db_set_error(db, DB_INVALID, "attendance is at the start, arrived later or left");
	if ((rc = member_on(db, member_id, s.held_on)))
		return rc;
	int left = 0;
	rc = db_attendance_find(db, meeting_id, member_id, &left, NULL);
	if (rc && rc != DB_NOTFOUND)
		return rc;
	int recorded = rc == DB_OK;
	sqlite3_stmt *st;
	if (ev == ATTENDANCE_LEFT) {
		if (!recorded)
			return db_set_error(db, DB_INVALID,
					    "that member is not recorded as present, so cannot have left");
		if (left)
			return db_set_error(db, DB_INVALID, "that member is already recorded as having left");
		if (!(st = db_prep(db, SQL_ATT_LEFT)))
			return db_status(db);
		sqlite3_bind_int64(st, 1, meeting_id);
		sqlite3_bind_int64(st, 2, member_id);
		db_bind_text(st, 3, at);
		return db_step_done(db, st);
	}
	if (recorded)
		return db_set_error(db, DB_INVALID,
				    "that member is already recorded as present at this meeting");
	if (!(st = db_prep(db, SQL_ATT_INSERT)))
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, member_id);
	sqlite3_bind_int(st, 3, ev == ATTENDANCE_AT_START);
	if (ev == ATTENDANCE_ARRIVED)
		db_bind_text_or_null(st, 4, at);
	return db_step_done(db, st);
}

int attendance_record(struct db *db, const struct actor *who, int64_t meeting_id,
		      int64_t member_id, enum attendance_event ev, const char *at)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = attendance_write(db, meeting_id, member_id, ev, at)))
		return db_abort(db, rc);
	return db_commit(db);
}

static int proxy_write(struct db *db, int64_t meeting_id, int64_t member_id, int64_t proxy_for)
{
	struct mstate s;
	int rc = open_for_attendance(db, meeting_id, &s);
	if (rc)
		return rc;
	int left = 0;
	rc = db_attendance_find(db, meeting_id, member_id, &left, NULL);
	if (rc == DB_NOTFOUND || (rc == DB_OK && left))
		return db_set_error(db, DB_INVALID,
				    "only a member present at the meeting may hold a proxy");
	if (rc)
		return rc;
	sqlite3_stmt *st;
	if (proxy_for > 0) {
		int64_t allowed = 0;
		if ((rc = setting_int(db, "proxies_allowed", &allowed)))
			return rc;
		if (!allowed)
			return db_set_error(db, DB_INVALID,
					    "the co-op's rules do not allow voting by proxy");
		if (proxy_for == member_id)
			return db_set_error(db, DB_INVALID, "a member cannot hold their own proxy");
		if ((rc = member_on(db, proxy_for, s.held_on)))
			return rc;
		rc = db_attendance_find(db, meeting_id, proxy_for, &left, NULL);
		if (rc == DB_OK)
			return db_set_error(db, DB_INVALID,
					    "that member attended this meeting, so votes in person");
		if (rc != DB_NOTFOUND)
			return rc;
		if (!(st = db_prep(db, SQL_PROXY_HELD)))
			return db_status(db);
		sqlite3_bind_int64(st, 1, meeting_id);
		sqlite3_bind_int64(st, 2, proxy_for);
		sqlite3_bind_int64(st, 3, member_id);
		if ((rc = db_step_row(db, st)))
			return rc;
		int64_t held = sqlite3_column_int64(st, 0);
		db_reset(st);
		if (held)
			return db_set_error(db, DB_INVALID,
					    "that member's proxy is already held by someone else");
	}
	if (!(st = db_prep(db, SQL_ATT_PROXY)))
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, member_id);
	db_bind_id_or_null(st, 3, proxy_for);
	return db_step_done(db, st);
}

int attendance_set_proxy(struct db *db, const struct actor *who, int64_t meeting_id,
			 int64_t member_id, int64_t proxy_for)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = proxy_write(db, meeting_id, member_id, proxy_for)))
		return db_abort(db, rc);
	return db_commit(db);
}

static void read_attendance(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct attendance_row *r = row;
	memset(r, 0, sizeof *r);
	r->member_id = sqlite3_column_int64(st, 0);
	r->member_no = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, r->name, sizeof r->name);
	r->present_at_start = sqlite3_column_int(st, 3);
	db_col_text(st, 4, r->arrived_at, sizeof r->arrived_at);
	db_col_text(st, 5, r->left_at, sizeof r->left_at);
	r->proxy_for = sqlite3_column_int64(st, 6);
}

int attendance_list(struct db *db, const struct actor *who, int64_t meeting_id,
		    struct attendance_row *rows, int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	struct meeting m;
	if ((rc = meeting_get(db, who, meeting_id, &m)))
		return rc;
	int64_t only = 0;
	if (level != ACCESS_ALL) {
		only = who->member_id;
		if (only <= 0)
			return DB_OK;
	}
	sqlite3_stmt *st = db_prep(db, SQL_ATT_LIST);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, only);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_attendance, NULL, n);
}

int attendance_page(struct db *db, const struct actor *who, int64_t meeting_id,
		    enum page_dir dir, const struct page_key *key, struct attendance_row *rows,
		    int max, int *n)
{
	*n = 0;
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "attendance_page", 0, dir, key, max)))
		return rc;
	struct meeting m;
	if ((rc = meeting_get(db, who, meeting_id, &m)))
		return rc;
	int64_t only = 0;
	if (level != ACCESS_ALL && (only = who->member_id) <= 0)
		return DB_OK;
	sqlite3_stmt *st = db_prep(db, SQL_ATT_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 2, only);
	sqlite3_bind_int(st, 3, max);
	if (key)
		sqlite3_bind_int64(st, 4, key->num);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_attendance, NULL, n);
}

void attendance_row_key(const struct attendance_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->member_id;
	key->num = r->member_no;
}

static int count_one(struct db *db, const char *sql, const char *text, int64_t id, int64_t *out)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	if (text)
		db_bind_text(st, 1, text);
	else
		sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*out = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

static int open_write(struct db *db, int64_t id, struct meeting_quorum *q)
{
	struct mstate s;
	int rc = load_state(db, id, &s);
	if (rc)
		return rc;
	if (s.status == MEETING_CANCELLED)
		return db_set_error(db, DB_INVALID, "this meeting was cancelled and cannot be opened");
	if (s.published)
		return db_set_error(db, DB_INVALID,
				    "the minutes of this meeting are published; its quorum is not worked out again");
	char today[DATE_BUFSZ];
	date_format_iso(date_today(), today, sizeof today);
	char shown[ZONE_TIME_BUFSZ];
	if (strcmp(s.held_on, today) > 0)
		return db_set_error(db, DB_INVALID,
				    "this meeting is on %s; it cannot be opened before that day",
				    zone_format(s.held_on, shown, sizeof shown));
	q->applies = rule_notice_applies(s.kind);
	if ((rc = count_one(db, SQL_MEMBERS_ON, s.held_on, 0, &q->members)) ||
	    (rc = count_one(db, SQL_AT_START, NULL, id, &q->present)))
		return rc;
	if (q->applies) {
		int64_t min_members, percent;
		if ((rc = setting_int(db, "quorum_min_members", &min_members)) ||
		    (rc = setting_int(db, "quorum_percent", &percent)))
			return rc;
		q->needed = rule_quorum(q->members, min_members, percent);
	}
	q->quorate = q->present >= q->needed;
	sqlite3_stmt *st = db_prep(db, SQL_OPEN);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_id_or_null(st, 2, q->needed);
	sqlite3_bind_int64(st, 3, q->present);
	return db_step_done(db, st);
}

int meeting_quorum_now(struct db *db, const struct actor *who, int64_t id,
		       struct meeting_quorum *q)
{
	memset(q, 0, sizeof *q);
	struct meeting m;
	int rc = meeting_get(db, who, id, &m);
	if (rc)
		return rc;
	q->applies = rule_notice_applies(m.kind);
	if ((rc = count_one(db, SQL_MEMBERS_ON, m.held_on, 0, &q->members)) ||
	    (rc = count_one(db, SQL_PRESENT_NOW, NULL, id, &q->present)))
		return rc;
	if (q->applies) {
		int64_t min_members, percent;
		if ((rc = setting_int(db, "quorum_min_members", &min_members)) ||
		    (rc = setting_int(db, "quorum_percent", &percent)))
			return rc;
		q->needed = rule_quorum(q->members, min_members, percent);
	}
	q->quorate = q->present >= q->needed;
	return DB_OK;
}

int meeting_open(struct db *db, const struct actor *who, int64_t id, struct meeting_quorum *q)
{
	struct meeting_quorum local;
	if (!q)
		q = &local;
	memset(q, 0, sizeof *q);
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = open_write(db, id, q)))
		return db_abort(db, rc);
	return db_commit(db);
}

int meeting_minutes_get(struct db *db, const struct actor *who, int64_t id, char *buf, size_t n)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_READ, &level);
	if (rc)
		return rc;
	int board;
	if ((rc = board_shown(db, &board)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_MINUTES_GET);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, level != ACCESS_ALL);
	sqlite3_bind_int(st, 3, board);
	rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such meeting");
	if (rc)
		return rc;
	const unsigned char *t = sqlite3_column_text(st, 0);
	size_t len = (size_t)sqlite3_column_bytes(st, 0);
	if (len + 1 > n) {
		db_reset(st);
		return db_set_error(db, DB_INVALID, "the minutes are too long for the space given");
	}
	memcpy(buf, t ? (const char *)t : "", len);
	buf[len] = '\0';
	db_reset(st);
	return DB_OK;
}

int meeting_minutes_set(struct db *db, const struct actor *who, int64_t id,
			const char *minutes, int64_t version)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	struct mstate s;
	if ((rc = load_current(db, id, version, &s)))
		return db_abort(db, rc);
	if (s.published)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"the minutes are published and are not changed; record a correction at the next meeting"));
	sqlite3_stmt *st = db_prep(db, SQL_MINUTES_SET);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, minutes);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

int meeting_publish_minutes(struct db *db, const struct actor *who, int64_t id, int64_t version)
{
	int rc = db_access_check(db, who, AREA_MEETINGS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	struct mstate s;
	if ((rc = load_current(db, id, version, &s)))
		return db_abort(db, rc);
	if (s.published)
		return db_abort(db, db_set_error(db, DB_INVALID, "the minutes are already published"));
	if (s.status != MEETING_HELD)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"only the minutes of a meeting that was held can be published"));
	if (s.minutes_len == 0)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"there are no minutes to publish; write them first"));
	if ((rc = update_by_id(db, SQL_PUBLISH, id)))
		return db_abort(db, rc);
	return db_commit(db);
}
