/*
 * src/db/decisions.c: board decisions numbered per year, their actions,
 * and members' participation.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/decisions.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* A whole decision: the columns it shares with a list row first
 * (SHARED_FIELDS), then its own (FULL_FIELDS), as the readers take them. */
#define FULL_COLS \
	"id, year, number, decided_on, title, uuid, coalesce(meeting_id, 0), text, version"
#define SHARED_FIELDS(X) \
	X(INT64, id) X(INT, year) X(INT64, number) X(TEXT, decided_on) X(TEXT, title)
#define FULL_FIELDS(X) X(TEXT, uuid) X(INT64, meeting_id) X(TEXT, text) X(INT64, version)
#define NO_DECISION "there is no such decision"

static const char SQL_GET[] = "SELECT " FULL_COLS " FROM decisions WHERE id = ?1";
static const char SQL_NEXT_NO[] =
	"SELECT coalesce(max(number), 0) + 1 FROM decisions WHERE year = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO decisions (uuid, year, number, meeting_id, decided_on, title, text)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_UPDATE[] =
	"UPDATE decisions SET meeting_id = ?3, title = ?4, text = ?5, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_VERSION[] = "SELECT version FROM decisions WHERE id = ?1";

/* SHARED_FIELDS, then the open actions. */
#define ROW_COLS \
	"SELECT d.id, d.year, d.number, d.decided_on, d.title," \
	" (SELECT count(*) FROM decision_actions a WHERE a.decision_id = d.id AND a.done_on IS NULL)" \
	" FROM decisions d"
#define D_ASC " ORDER BY d.decided_on, d.id LIMIT ?3"
#define D_DESC " ORDER BY d.decided_on DESC, d.id DESC LIMIT ?3"

static const char *const SQL_PAGE[2][4] = {
	[DECISIONS_NEWEST_FIRST] = {
		[PAGE_FIRST] = ROW_COLS D_DESC,
		[PAGE_LAST] = ROW_COLS D_ASC,
		[PAGE_AFTER] = ROW_COLS " WHERE (d.decided_on, d.id) < (?1, ?2)" D_DESC,
		[PAGE_BEFORE] = ROW_COLS " WHERE (d.decided_on, d.id) > (?1, ?2)" D_ASC,
	},
	[DECISIONS_OLDEST_FIRST] = {
		[PAGE_FIRST] = ROW_COLS D_ASC,
		[PAGE_LAST] = ROW_COLS D_DESC,
		[PAGE_AFTER] = ROW_COLS " WHERE (d.decided_on, d.id) > (?1, ?2)" D_ASC,
		[PAGE_BEFORE] = ROW_COLS " WHERE (d.decided_on, d.id) < (?1, ?2)" D_DESC,
	},
};

static const char SQL_ACTION_INSERT[] =
	"INSERT INTO decision_actions (decision_id, description, owner_member, due_on)"
	" VALUES (?1, ?2, ?3, ?4)";
static const char SQL_ACTION_STATE[] =
	"SELECT a.version, a.done_on IS NOT NULL, d.decided_on FROM decision_actions a"
	" JOIN decisions d ON d.id = a.decision_id WHERE a.id = ?1";
static const char SQL_ACTION_DONE[] =
	"UPDATE decision_actions SET done_on = ?2, version = version + 1 WHERE id = ?1";

#define ACTION_COLS \
	"SELECT a.id, a.decision_id, d.year, d.number, a.description, coalesce(a.owner_member, 0)," \
	" coalesce(m.name, ''), coalesce(a.due_on, ''), coalesce(a.done_on, '')" \
	" FROM decision_actions a JOIN decisions d ON d.id = a.decision_id" \
	" LEFT JOIN members m ON m.id = a.owner_member"
static const char SQL_ACTION_LIST[] =
	ACTION_COLS " WHERE a.decision_id = ?1 ORDER BY a.id LIMIT ?2";
/* Open actions: ?1 the key's due date ("" for none), ?2 its id, ?3 the size. */
#define OPEN " WHERE a.done_on IS NULL"
#define A_ASC " ORDER BY a.due_on, a.id LIMIT ?3"
#define A_DESC " ORDER BY a.due_on DESC, a.id DESC LIMIT ?3"
static const char *const SQL_OPEN_PAGE[4] = {
	[PAGE_FIRST] = ACTION_COLS OPEN A_ASC,
	[PAGE_LAST] = ACTION_COLS OPEN A_DESC,
	[PAGE_AFTER] = ACTION_COLS OPEN " AND (coalesce(a.due_on, ''), a.id) > (?1, ?2)" A_ASC,
	[PAGE_BEFORE] = ACTION_COLS OPEN " AND (coalesce(a.due_on, ''), a.id) < (?1, ?2)" A_DESC,
};

static const char SQL_MEETING_DATE[] = "SELECT held_on FROM meetings WHERE id = ?1";
static const char SQL_PART_INSERT[] =
	"INSERT INTO participation (member_id, kind, on_date, minutes, meeting_id, note)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
#define PART_COLS \
	"SELECT id, member_id, kind, on_date, minutes, coalesce(meeting_id, 0), note" \
	" FROM participation WHERE member_id = ?1"
#define P_ASC " ORDER BY on_date, id LIMIT ?4"
#define P_DESC " ORDER BY on_date DESC, id DESC LIMIT ?4"
static const char *const SQL_PART_PAGE[4] = {
	[PAGE_FIRST] = PART_COLS P_DESC,
	[PAGE_LAST] = PART_COLS P_ASC,
	[PAGE_AFTER] = PART_COLS " AND (on_date, id) < (?2, ?3)" P_DESC,
	[PAGE_BEFORE] = PART_COLS " AND (on_date, id) > (?2, ?3)" P_ASC,
};
static const char SQL_PART_YEAR[] =
	"SELECT (SELECT count(*) FROM meetings g"
	"         WHERE g.kind <> 'board' AND g.status = 'held' AND g.held_on BETWEEN ?2 AND ?3"
	"           AND (EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = g.id AND a.member_id = ?1)"
	"             OR EXISTS (SELECT 1 FROM participation p WHERE p.meeting_id = g.id"
	"                        AND p.member_id = ?1))),"
	" (SELECT coalesce(sum(minutes), 0) FROM participation"
	"   WHERE member_id = ?1 AND on_date BETWEEN ?2 AND ?3)";

static const char SQL_MEMBER_SPAN[] =
	"SELECT entered_on, coalesce(ceased_on, '') FROM members WHERE id = ?1";

static const char *const kind_words[] = {
	"meeting", "volunteering", "committee", "training", "other"
};

const char *participation_kind_name(enum participation_kind kind)
{
	return (unsigned)kind < sizeof kind_words / sizeof kind_words[0] ? kind_words[kind] : "?";
}

/* The year of an ISO date, or -1 when it is not shaped like one. */
static int iso_year(const char *s)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		y = y * 10 + (s[i] - '0');
	}
	return y;
}

/* 1 when s is a real ISO date ("2026-02-30" is not); else 0 with a
 * sentence naming `what` set on the handle. */
static int real_date(struct db *db, const char *s, const char *what)
{
	char why[120];
	if (iso_year(s) >= 0 && date_explain(s, why, sizeof why) == DATE_OK)
		return 1;
	if (iso_year(s) < 0)
		db_set_error(db, DB_INVALID, "%s must be a date like 2026-11-22", what);
	else
		db_set_error(db, DB_INVALID, "%s must be a real date (%s)", what, why);
	return 0;
}

static void today_iso(char *buf, size_t n)
{
	date_format_iso(date_today(), buf, n);
}

void decision_ref(int year, int64_t number, char *buf, size_t n)
{
	snprintf(buf, n, "%d/%lld", year, (long long)number);
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct decision *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct decision_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	DB_COL(INT64, open_actions)
}

static int add_write(struct db *db, struct decision *d, int year)
{
	sqlite3_stmt *st = db_prep(db, SQL_NEXT_NO);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, year);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	int64_t number = sqlite3_column_int64(st, 0);
	db_reset(st);
	char uuid[37];
	db_new_uuid(uuid);
	if (!(st = db_prep(db, SQL_INSERT)))
		return db_status(db);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, number);
	db_bind_id_or_null(st, 4, d->meeting_id);
	db_bind_text(st, 5, d->decided_on);
	db_bind_text(st, 6, d->title);
	db_bind_text(st, 7, d->text);
	if ((rc = db_step_done(db, st)))
		return rc;
	d->id = sqlite3_last_insert_rowid(db->conn);
	memcpy(d->uuid, uuid, sizeof uuid);
	d->year = year;
	d->number = number;
	d->version = 1;
	return DB_OK;
}

int decision_add(struct db *db, const struct actor *who, struct decision *d)
{
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_WRITE, NULL);
	if (rc)
		return rc;
	int year = iso_year(d->decided_on);
	if (year < 0)
		return db_set_error(db, DB_INVALID, "a decision's date is a real date");
	char today[DATE_BUFSZ];
	today_iso(today, sizeof today);
	if (strcmp(d->decided_on, today) > 0)
		return db_set_error(db, DB_INVALID, "a decision cannot be dated in the future");
	if ((rc = db_begin(db, who)))
		return rc;
	struct decision saved = *d;
	if ((rc = add_write(db, &saved, year)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	*d = saved;
	return DB_OK;
}

int decision_get(struct db *db, const struct actor *who, int64_t id, struct decision *d)
{
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_READ, NULL);
	return rc ? rc : db_get(db, SQL_GET, id, read_full, d, NULL, NO_DECISION);
}

int decision_update(struct db *db, const struct actor *who, struct decision *d)
{
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_UPDATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, d->id);
	sqlite3_bind_int64(st, 2, d->version);
	db_bind_id_or_null(st, 3, d->meeting_id);
	db_bind_text(st, 4, d->title);
	db_bind_text(st, 5, d->text);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_VERSION, "decisions", d->id, "this decision", NO_DECISION)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	d->version++;
	return DB_OK;
}

void decision_row_key(const struct decision_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->decided_on);
}

int decision_page(struct db *db, const struct actor *who, enum decision_order order,
		  enum page_dir dir, const struct page_key *key, struct decision_row *rows,
		  int max, int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_READ, NULL);
	if (rc || (rc = db_page_args(db, "decision_page", (unsigned)order > DECISIONS_OLDEST_FIRST,
				     dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[order][dir]);
	if (!st)
		return db_status(db);
	if (key) {
		sqlite3_bind_text(st, 1, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, key->id);
	}
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
}

int decision_action_add(struct db *db, const struct actor *who, struct decision_action *a)
{
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_WRITE, NULL);
	if (rc)
		return rc;
	if (a->due_on[0] && !real_date(db, a->due_on, "an action's due date"))
		return DB_INVALID;
	if ((rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_ACTION_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, a->decision_id);
	db_bind_text(st, 2, a->description);
	db_bind_id_or_null(st, 3, a->owner_member);
	db_bind_text_or_null(st, 4, a->due_on);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	a->id = id;
	a->done_on[0] = '\0';
	a->version = 1;
	return DB_OK;
}

static int complete_write(struct db *db, int64_t id, const char *done_on, int64_t version)
{
	sqlite3_stmt *st = db_prep(db, SQL_ACTION_STATE);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such action");
	if (rc)
		return rc;
	int64_t current = sqlite3_column_int64(st, 0);
	int done = sqlite3_column_int(st, 1);
	char decided_on[ISO_DATE_LEN], today[DATE_BUFSZ];
	db_col_text(st, 2, decided_on, sizeof decided_on);
	db_reset(st);
	if (current != version)
		return db_conflict(db, "decision_actions", id, "this action");
	if (done)
		return db_set_error(db, DB_INVALID, "this action is already done");
	if (!real_date(db, done_on, "the date an action was done"))
		return DB_INVALID;
	today_iso(today, sizeof today);
	char shown[ZONE_TIME_BUFSZ];
	if (strcmp(done_on, decided_on) < 0)
		return db_set_error(db, DB_INVALID,
				    "an action cannot be done before its decision was made (%s)",
				    zone_format(decided_on, shown, sizeof shown));
	if (strcmp(done_on, today) > 0)
		return db_set_error(db, DB_INVALID, "an action cannot be done in the future");
	if (!(st = db_prep(db, SQL_ACTION_DONE)))
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, done_on);
	return db_step_done(db, st);
}

int decision_action_complete(struct db *db, const struct actor *who, int64_t id,
			     const char *done_on, int64_t version)
{
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = complete_write(db, id, done_on, version)))
		return db_abort(db, rc);
	return db_commit(db);
}

static void read_action(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct action_row *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->decision_id = sqlite3_column_int64(st, 1);
	r->year = sqlite3_column_int(st, 2);
	r->number = sqlite3_column_int64(st, 3);
	db_col_text(st, 4, r->description, sizeof r->description);
	r->owner_member = sqlite3_column_int64(st, 5);
	db_col_text(st, 6, r->owner_name, sizeof r->owner_name);
	db_col_text(st, 7, r->due_on, sizeof r->due_on);
	db_col_text(st, 8, r->done_on, sizeof r->done_on);
}

int decision_action_list(struct db *db, const struct actor *who, int64_t decision_id,
			 struct action_row *rows, int max, int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_READ, NULL);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_ACTION_LIST);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, decision_id);
	sqlite3_bind_int(st, 2, max);
	return db_page_read(db, st, PAGE_FIRST, rows, max, sizeof *rows, read_action, NULL, n);
}

void action_row_key(const struct action_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->due_on);
}

int decision_action_page_open(struct db *db, const struct actor *who, enum page_dir dir,
			      const struct page_key *key, struct action_row *rows, int max,
			      int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_DECISIONS, OP_READ, NULL);
	if (rc || (rc = db_page_args(db, "decision_action_page_open", 0, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_OPEN_PAGE[dir]);
	if (!st)
		return db_status(db);
	if (key) {
		sqlite3_bind_text(st, 1, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, key->id);
	}
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_action, NULL, n);
}

/* Participation is a member's: on a day they were on the register. */
static int while_a_member(struct db *db, int64_t member_id, const char *on)
{
	char entered[ISO_DATE_LEN], ceased[ISO_DATE_LEN], shown[ZONE_TIME_BUFSZ];
	sqlite3_stmt *st = db_prep(db, SQL_MEMBER_SPAN);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such member");
	if (rc)
		return rc;
	db_col_text(st, 0, entered, sizeof entered);
	db_col_text(st, 1, ceased, sizeof ceased);
	db_reset(st);
	if (strcmp(on, entered) < 0)
		return db_set_error(db, DB_INVALID, "the date of participation is before they were"
				    " entered on the register (%s)",
				    zone_format(entered, shown, sizeof shown));
	if (ceased[0] && strcmp(on, ceased) > 0)
		return db_set_error(db, DB_INVALID, "the date of participation is after they ceased"
				    " to be a member (%s)", zone_format(ceased, shown, sizeof shown));
	return DB_OK;
}

static int participation_write(struct db *db, struct participation *p)
{
	int rc;
	char on_date[ISO_DATE_LEN], today[DATE_BUFSZ];
	text_copy(on_date, sizeof on_date, p->on_date);
	if (!on_date[0] && p->meeting_id > 0) {
		sqlite3_stmt *st = db_prep(db, SQL_MEETING_DATE);
		if (!st)
			return db_status(db);
		sqlite3_bind_int64(st, 1, p->meeting_id);
		if ((rc = db_step_row(db, st)) == DB_NOTFOUND)
			return db_set_error(db, DB_NOTFOUND, "there is no such meeting");
		if (rc)
			return rc;
		db_col_text(st, 0, on_date, sizeof on_date);
		db_reset(st);
	}
	if (!real_date(db, on_date, "the date of participation"))
		return DB_INVALID;
	today_iso(today, sizeof today);
	if (strcmp(on_date, today) > 0)
		return db_set_error(db, DB_INVALID, "participation cannot be recorded in the future");
	if ((rc = while_a_member(db, p->member_id, on_date)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PART_INSERT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, p->member_id);
	db_bind_text(st, 2, (unsigned)p->kind <= PARTICIPATION_OTHER ? kind_words[p->kind] : "");
	db_bind_text(st, 3, on_date);
	sqlite3_bind_int64(st, 4, p->minutes);
	db_bind_id_or_null(st, 5, p->meeting_id);
	db_bind_text(st, 6, p->note);
	if ((rc = db_step_done(db, st)))
		return rc;
	p->id = sqlite3_last_insert_rowid(db->conn);
	text_copy(p->on_date, sizeof p->on_date, on_date);
	return DB_OK;
}

int participation_add(struct db *db, const struct actor *who, struct participation *p)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_PARTICIPATION, OP_WRITE, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL && (who->member_id <= 0 || p->member_id != who->member_id))
		return db_set_error(db, DB_DENIED, "a %s may record only their own participation",
				    access_role_name(who->role));
	if ((rc = db_begin(db, who)))
		return rc;
	struct participation saved = *p;
	if ((rc = participation_write(db, &saved)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	*p = saved;
	return DB_OK;
}

/* A member or volunteer may see only their own records. */
static int own_member(struct db *db, const struct actor *who, int64_t member_id)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_PARTICIPATION, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL && (member_id <= 0 || who->member_id != member_id))
		return db_set_error(db, DB_NOTFOUND, "there is no such member");
	return DB_OK;
}

void participation_row_key(const struct participation *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->on_date);
}

static void read_participation(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct participation *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->member_id = sqlite3_column_int64(st, 1);
	const char *k = (const char *)sqlite3_column_text(st, 2);
	for (int i = 0; i <= PARTICIPATION_OTHER; i++)
		if (k && strcmp(k, kind_words[i]) == 0)
			r->kind = (enum participation_kind)i;
	db_col_text(st, 3, r->on_date, sizeof r->on_date);
	r->minutes = sqlite3_column_int64(st, 4);
	r->meeting_id = sqlite3_column_int64(st, 5);
	db_col_text(st, 6, r->note, sizeof r->note);
}

int participation_page(struct db *db, const struct actor *who, int64_t member_id,
		       enum page_dir dir, const struct page_key *key,
		       struct participation *rows, int max, int *n)
{
	*n = 0;
	int rc = own_member(db, who, member_id);
	if (rc || (rc = db_page_args(db, "participation_page", 0, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PART_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	if (key) {
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, key->id);
	}
	sqlite3_bind_int(st, 4, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_participation, NULL, n);
}

int db_participation_expectation(struct db *db, struct db_expectation *out)
{
	int64_t hours = 0;
	out->meetings = out->minutes = 0;
	int rc = setting_int(db, "meetings_expected_per_year", &out->meetings);
	if (rc || (rc = setting_int(db, "hours_expected_per_year", &hours)))
		return rc;
	out->minutes = hours * 60;
	return DB_OK;
}

int db_participation_met(const struct db_expectation *e, int64_t meetings, int64_t minutes,
			 int *meetings_met, int *hours_met)
{
	*meetings_met = meetings >= e->meetings;
	*hours_met = minutes >= e->minutes;
	return *meetings_met && *hours_met;
}

int participation_year(struct db *db, const struct actor *who, int64_t member_id, int year,
		       struct participation_year *out)
{
	memset(out, 0, sizeof *out);
	int rc = own_member(db, who, member_id);
	if (rc)
		return rc;
	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR)
		return db_set_error(db, DB_INVALID, "a year is between %d and %d",
				    DATE_MIN_YEAR, DATE_MAX_YEAR);
	char from[16], to[16];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	struct db_expectation e;
	if ((rc = db_participation_expectation(db, &e)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PART_YEAR);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	if ((rc = db_step_row(db, st)))
		return rc;
	out->meetings_attended = sqlite3_column_int64(st, 0);
	out->minutes_given = sqlite3_column_int64(st, 1);
	db_reset(st);
	out->meetings_expected = e.meetings;
	out->minutes_expected = e.minutes;
	out->meets_expectation = db_participation_met(&e, out->meetings_attended,
						      out->minutes_given, &out->meetings_met,
						      &out->hours_met);
	return DB_OK;
}
