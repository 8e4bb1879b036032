/*
 * src/db/complaints.c: complaints (two stages, deadlines in working days)
 * and subject access requests (due in calendar months).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/complaints.h"
#include "coopdesk/meeting_rules.h"   /* rule_add_months */
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

#define DATES \
	"received_on, stage, coalesce(acknowledged_on, ''), coalesce(stage1_reply_on, '')," \
	" coalesce(escalated_on, ''), coalesce(stage2_reply_on, ''), coalesce(closed_on, '')"
/* A whole complaint: what a list row shows first (SHARED_FIELDS and
 * DATES), then the rest (FULL_FIELDS), as the readers take them. */
static const char SQL_GET[] =
	"SELECT id, coalesce(member_id, 0), subject, " DATES ", uuid, coalesce(home_id, 0),"
	" details, version FROM complaints WHERE id = ?1";
#define SHARED_FIELDS(X) X(INT64, id) X(INT64, member_id) X(TEXT, subject)
#define FULL_FIELDS(X) X(TEXT, uuid) X(INT64, home_id) X(TEXT, details) X(INT64, version)
#define NO_COMPLAINT "there is no such complaint"
static const char SQL_INSERT[] =
	"INSERT INTO complaints (uuid, member_id, home_id, received_on, subject, details)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
static const char SQL_UPDATE[] =
	"UPDATE complaints SET member_id = ?3, home_id = ?4, subject = ?5, details = ?6,"
	" version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_VERSION[] = "SELECT version FROM complaints WHERE id = ?1";

enum step { STEP_ACK, STEP_STAGE1, STEP_ESCALATE, STEP_STAGE2, STEP_CLOSE };
static const char *const SQL_STEP[] = {
	[STEP_ACK] = "UPDATE complaints SET acknowledged_on = ?2, version = version + 1 WHERE id = ?1",
	[STEP_STAGE1] = "UPDATE complaints SET stage1_reply_on = ?2, version = version + 1 WHERE id = ?1",
	[STEP_ESCALATE] = ("UPDATE complaints SET escalated_on = ?2, stage = 2,"
			   " version = version + 1 WHERE id = ?1"),
	[STEP_STAGE2] = "UPDATE complaints SET stage2_reply_on = ?2, version = version + 1 WHERE id = ?1",
	[STEP_CLOSE] = "UPDATE complaints SET closed_on = ?2, version = version + 1 WHERE id = ?1",
};

/* The list: ?1 member (0 for all), ?2 open only, ?3 key date, ?4 key id, ?5
 * size. SHARED_FIELDS and DATES. */
#define C_ROW \
	"SELECT id, coalesce(member_id, 0), subject, " DATES " FROM complaints" \
	" WHERE (?1 = 0 OR member_id = ?1) AND (?2 = 0 OR closed_on IS NULL)"
#define C_ASC " ORDER BY received_on, id LIMIT ?5"
#define C_DESC " ORDER BY received_on DESC, id DESC LIMIT ?5"
static const char *const SQL_PAGE[2][4] = {
	[COMPLAINTS_NEWEST_FIRST] = {
		[PAGE_FIRST] = C_ROW C_DESC,
		[PAGE_LAST] = C_ROW C_ASC,
		[PAGE_AFTER] = C_ROW " AND (received_on, id) < (?3, ?4)" C_DESC,
		[PAGE_BEFORE] = C_ROW " AND (received_on, id) > (?3, ?4)" C_ASC,
	},
	[COMPLAINTS_OLDEST_FIRST] = {
		[PAGE_FIRST] = C_ROW C_ASC,
		[PAGE_LAST] = C_ROW C_DESC,
		[PAGE_AFTER] = C_ROW " AND (received_on, id) > (?3, ?4)" C_ASC,
		[PAGE_BEFORE] = C_ROW " AND (received_on, id) < (?3, ?4)" C_DESC,
	},
};

#define SAR_COLS \
	"SELECT id, member_id, received_on, coalesce(completed_on, ''), note, version" \
	" FROM subject_access_requests"
static const char SQL_SAR_GET[] = SAR_COLS " WHERE id = ?1";
static const char SQL_SAR_INSERT[] =
	"INSERT INTO subject_access_requests (member_id, received_on, note) VALUES (?1, ?2, ?3)";
static const char SQL_SAR_DONE[] =
	"UPDATE subject_access_requests SET completed_on = ?2, version = version + 1 WHERE id = ?1";
#define S_ROW SAR_COLS " WHERE (?1 = 0 OR member_id = ?1) AND (?2 = 0 OR completed_on IS NULL)"
static const char *const SQL_SAR_PAGE[2][4] = {
	[COMPLAINTS_NEWEST_FIRST] = {
		[PAGE_FIRST] = S_ROW C_DESC,
		[PAGE_LAST] = S_ROW C_ASC,
		[PAGE_AFTER] = S_ROW " AND (received_on, id) < (?3, ?4)" C_DESC,
		[PAGE_BEFORE] = S_ROW " AND (received_on, id) > (?3, ?4)" C_ASC,
	},
	[COMPLAINTS_OLDEST_FIRST] = {
		[PAGE_FIRST] = S_ROW C_ASC,
		[PAGE_LAST] = S_ROW C_DESC,
		[PAGE_AFTER] = S_ROW " AND (received_on, id) > (?3, ?4)" C_ASC,
		[PAGE_BEFORE] = S_ROW " AND (received_on, id) < (?3, ?4)" C_DESC,
	},
};

const char *complaint_next_name(enum complaint_next n)
{
	static const char *const names[] = {
		"acknowledge", "reply at stage 1", "escalate or close", "reply at stage 2",
		"close", "closed"
	};
	return (unsigned)n <= COMPLAINT_NEXT_NONE ? names[n] : "";
}

/* The numbers a deadline needs, read once per call. */
struct clock {
	int64_t ack_days, stage1_days, stage2_days, sar_months;
	struct holidays h;
	char today[DATE_BUFSZ];
};

static int clock_load(struct db *db, struct clock *k)
{
	memset(k, 0, sizeof *k);
	date_format_iso(date_today(), k->today, sizeof k->today);
	int rc;
	if ((rc = setting_int(db, "complaint_ack_days", &k->ack_days)) ||
	    (rc = setting_int(db, "complaint_stage1_days", &k->stage1_days)) ||
	    (rc = setting_int(db, "complaint_stage2_days", &k->stage2_days)) ||
	    (rc = setting_int(db, "subject_access_months", &k->sar_months)))
		return rc;
	return holidays_load(db, "1900-01-01", "2999-12-31", &k->h);
}

static void clock_free(struct clock *k)
{
	free((void *)k->h.days);
	k->h.days = NULL;
}

/* `from` plus n working days, as ISO into out; "" when from is "". */
static void add_working(const struct clock *k, const char *from, int64_t n, char *out, size_t len)
{
	struct date d;
	out[0] = '\0';
	if (from[0] && date_parse(from, &d) == DATE_OK)
		date_format_iso(date_add_working_days(d, (int)n, &k->h), out, len);
}

struct cdates {
	char received[ISO_DATE_LEN];
	int stage;
	char ack[ISO_DATE_LEN], stage1[ISO_DATE_LEN], escalated[ISO_DATE_LEN];
	char stage2[ISO_DATE_LEN], closed[ISO_DATE_LEN];
};

/* Reads DATES from column `col` on. */
static void read_dates(sqlite3_stmt *st, int col, struct cdates *d)
{
	db_col_text(st, col, d->received, sizeof d->received);
	d->stage = sqlite3_column_int(st, col + 1);
	db_col_text(st, col + 2, d->ack, sizeof d->ack);
	db_col_text(st, col + 3, d->stage1, sizeof d->stage1);
	db_col_text(st, col + 4, d->escalated, sizeof d->escalated);
	db_col_text(st, col + 5, d->stage2, sizeof d->stage2);
	db_col_text(st, col + 6, d->closed, sizeof d->closed);
}

struct deadlines {
	char ack_due[ISO_DATE_LEN], stage1_due[ISO_DATE_LEN], stage2_due[ISO_DATE_LEN];
	enum complaint_next next;
	char next_due[ISO_DATE_LEN];
	int overdue;
};

static void work_out(const struct clock *k, const struct cdates *d, struct deadlines *out)
{
	memset(out, 0, sizeof *out);
	add_working(k, d->received, k->ack_days, out->ack_due, sizeof out->ack_due);
	add_working(k, d->ack[0] ? d->ack : out->ack_due, k->stage1_days,
		    out->stage1_due, sizeof out->stage1_due);
	add_working(k, d->escalated, k->stage2_days, out->stage2_due, sizeof out->stage2_due);
	const char *due = "";
	if (d->closed[0])
		out->next = COMPLAINT_NEXT_NONE;
	else if (d->stage == 2 && d->stage2[0])
		out->next = COMPLAINT_NEXT_CLOSE;
	else if (d->stage == 2)
		out->next = COMPLAINT_NEXT_STAGE2, due = out->stage2_due;
	else if (d->stage1[0])
		out->next = COMPLAINT_NEXT_DECIDE;
	else if (d->ack[0])
		out->next = COMPLAINT_NEXT_STAGE1, due = out->stage1_due;
	else
		out->next = COMPLAINT_NEXT_ACK, due = out->ack_due;
	text_copy(out->next_due, sizeof out->next_due, due);
	out->overdue = due[0] && strcmp(due, k->today) < 0;
}

/* A day someone typed: "" or NULL is today; otherwise a real date, made
 * ISO, not after today. `what` names it in the message. */
static int check_day(struct db *db, const struct clock *k, const char *on, const char *what,
		     char *out, size_t n)
{
	if (!on || !*on) {
		text_copy(out, n, k->today);
		return DB_OK;
	}
	struct date d;
	char why[120];
	if (date_explain(on, why, sizeof why) != DATE_OK || date_parse(on, &d) != DATE_OK)
		return db_set_error(db, DB_INVALID, "%s must be a real date (%s)", what, why);
	date_format_iso(d, out, n);
	if (strcmp(out, k->today) > 0)
		return db_set_error(db, DB_INVALID, "%s cannot be in the future", what);
	return DB_OK;
}

/* A member or volunteer acts for themselves only. */
static int own_id(struct db *db, const struct actor *who, enum access_level level, int64_t *id)
{
	*id = 0;
	if (level == ACCESS_ALL)
		return DB_OK;
	if (!who || who->member_id <= 0)
		return db_set_error(db, DB_DENIED,
				    "this account is not linked to a member of the register");
	*id = who->member_id;
	return DB_OK;
}

/* Where a complaint stands, from its DATES (the next seven columns) and
 * the clock. Sets the fields a complaint and a list row share, in either
 * struct. */
#define READ_STANDING(st, clock, r, d, dl) \
	do { \
		memset(&d, 0, sizeof d); \
		read_dates(st, col, &d); \
		col += 7; \
		work_out(clock, &d, &dl); \
		memcpy(r->received_on, d.received, sizeof d.received); \
		r->stage = d.stage; \
		r->next = dl.next; \
		memcpy(r->next_due, dl.next_due, sizeof dl.next_due); \
		r->overdue = dl.overdue; \
	} while (0)

/* ctx: the clock (struct clock). */
static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct complaint_row *r = row;
	struct cdates d;
	struct deadlines dl;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	READ_STANDING(st, ctx, r, d, dl);
}

/* ctx: the clock (struct clock). */
static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct complaint *r = row;
	struct cdates d;
	struct deadlines dl;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	READ_STANDING(st, ctx, r, d, dl);
	memcpy(r->acknowledged_on, d.ack, sizeof d.ack);
	memcpy(r->stage1_reply_on, d.stage1, sizeof d.stage1);
	memcpy(r->escalated_on, d.escalated, sizeof d.escalated);
	memcpy(r->stage2_reply_on, d.stage2, sizeof d.stage2);
	memcpy(r->closed_on, d.closed, sizeof d.closed);
	memcpy(r->ack_due, dl.ack_due, sizeof dl.ack_due);
	memcpy(r->stage1_due, dl.stage1_due, sizeof dl.stage1_due);
	memcpy(r->stage2_due, dl.stage2_due, sizeof dl.stage2_due);
	FULL_FIELDS(DB_COL)
}

/* Reads a complaint this actor may see (member_only > 0: theirs only). */
static int read_complaint(struct db *db, int64_t id, int64_t member_only, struct complaint *c)
{
	struct clock k;
	int rc = clock_load(db, &k);
	if (rc)
		return rc;
	rc = db_get(db, SQL_GET, id, read_full, c, &k, NULL);
	clock_free(&k);
	if (rc == DB_OK && member_only > 0 && c->member_id != member_only)
		rc = DB_NOTFOUND;
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, NO_COMPLAINT);
	return rc;
}

int complaint_get(struct db *db, const struct actor *who, int64_t id, struct complaint *c)
{
	enum access_level level;
	int64_t mine;
	int rc = db_access_check(db, who, AREA_COMPLAINTS, OP_READ, &level);
	if (rc || (rc = own_id(db, who, level, &mine)))
		return rc;
	struct complaint got;
	if ((rc = read_complaint(db, id, mine, &got)))
		return rc;
	*c = got;
	return DB_OK;
}

static int create_write(struct db *db, const struct actor *who, enum access_level level,
			struct complaint *c)
{
	struct clock k;
	int rc = clock_load(db, &k);
	if (rc)
		return rc;
	int64_t mine;
	char received[DATE_BUFSZ];
	if ((rc = own_id(db, who, level, &mine)) ||
	    (rc = check_day(db, &k, mine ? NULL : c->received_on, "the date it was received",
			    received, sizeof received))) {
		clock_free(&k);
		return rc;
	}
	clock_free(&k);
	char uuid[37];
	db_new_uuid(uuid);
	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	db_bind_id_or_null(st, 2, mine ? mine : c->member_id);
	db_bind_id_or_null(st, 3, mine ? 0 : c->home_id);
	db_bind_text(st, 4, received);
	db_bind_text(st, 5, c->subject);
	db_bind_text(st, 6, c->details);
	if ((rc = db_step_done(db, st)))
		return rc;
	c->id = sqlite3_last_insert_rowid(db->conn);
	return DB_OK;
}

int complaint_create(struct db *db, const struct actor *who, struct complaint *c)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_COMPLAINTS, OP_WRITE, &level);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = create_write(db, who, level, c)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	return read_complaint(db, c->id, 0, c);
}

/* The board alone moves a complaint on. */
static int board_only(struct db *db, const struct actor *who)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_COMPLAINTS, OP_WRITE, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the board may handle complaints");
	return DB_OK;
}

int complaint_update(struct db *db, const struct actor *who, struct complaint *c)
{
	int rc = board_only(db, who);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_UPDATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int64(st, 2, c->version);
	db_bind_id_or_null(st, 3, c->member_id);
	db_bind_id_or_null(st, 4, c->home_id);
	db_bind_text(st, 5, c->subject);
	db_bind_text(st, 6, c->details);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_VERSION, "complaints", c->id, "this complaint", NO_COMPLAINT)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	c->version++;
	return DB_OK;
}

/* Why step `s` cannot follow where complaint `c` stands; NULL if it can.
 * *after is the date the step must not come before. */
static const char *refusal(enum step s, const struct complaint *c, const char **after)
{
	*after = c->received_on;
	if (c->closed_on[0])
		return "this complaint is closed";
	switch (s) {
	case STEP_ACK:
		if (c->acknowledged_on[0])
			return "this complaint has already been acknowledged";
		return NULL;
	case STEP_STAGE1:
		if (!c->acknowledged_on[0])
			return "acknowledge the complaint before replying at stage 1";
		if (c->stage1_reply_on[0])
			return "the stage 1 reply has already been sent";
		*after = c->acknowledged_on;
		return NULL;
	case STEP_ESCALATE:
		if (c->stage == 2)
			return "a complaint has exactly two stages and this one is at stage 2 already;"
			       " after the stage 2 reply the complainant may go to the Housing Ombudsman";
		if (!c->stage1_reply_on[0])
			return "a complaint is escalated to stage 2 only after the stage 1 reply";
		*after = c->stage1_reply_on;
		return NULL;
	case STEP_STAGE2:
		if (c->stage != 2)
			return "escalate the complaint to stage 2 before replying at stage 2";
		if (c->stage2_reply_on[0])
			return "the stage 2 reply has already been sent";
		*after = c->escalated_on;
		return NULL;
	case STEP_CLOSE: {
		const char *dates[] = { c->acknowledged_on, c->stage1_reply_on, c->escalated_on,
					c->stage2_reply_on };
		for (int i = 0; i < 4; i++)
			if (strcmp(dates[i], *after) > 0)
				*after = dates[i];
		return NULL;
	}
	}
	return "that is not a step of a complaint";
}

static int step_write(struct db *db, enum step s, int64_t id, const char *on, int64_t version)
{
	struct complaint c;
	int rc = read_complaint(db, id, 0, &c);
	if (rc)
		return rc;
	if (c.version != version)
		return db_conflict(db, "complaints", id, "this complaint");
	const char *after;
	const char *why = refusal(s, &c, &after);
	if (why)
		return db_set_error(db, DB_INVALID, "%s", why);
	struct clock k;
	char day[DATE_BUFSZ];
	if ((rc = clock_load(db, &k)))
		return rc;
	rc = check_day(db, &k, on, "that date", day, sizeof day);
	clock_free(&k);
	if (rc)
		return rc;
	char shown[2][ZONE_TIME_BUFSZ];
	if (strcmp(day, after) < 0)
		return db_set_error(db, DB_INVALID,
				    "%s is before %s, the complaint's previous step",
				    zone_format(day, shown[0], sizeof shown[0]),
				    zone_format(after, shown[1], sizeof shown[1]));
	sqlite3_stmt *st = db_prep(db, SQL_STEP[s]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, day);
	return db_step_done(db, st);
}

static int step(struct db *db, const struct actor *who, enum step s, int64_t id, const char *on,
		int64_t version)
{
	int rc = board_only(db, who);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = step_write(db, s, id, on, version)))
		return db_abort(db, rc);
	return db_commit(db);
}

int complaint_acknowledge(struct db *db, const struct actor *who, int64_t id, const char *on,
			  int64_t version)
{
	return step(db, who, STEP_ACK, id, on, version);
}

int complaint_stage1_reply(struct db *db, const struct actor *who, int64_t id, const char *on,
			   int64_t version)
{
	return step(db, who, STEP_STAGE1, id, on, version);
}

int complaint_escalate(struct db *db, const struct actor *who, int64_t id, const char *on,
		       int64_t version)
{
	return step(db, who, STEP_ESCALATE, id, on, version);
}

int complaint_stage2_reply(struct db *db, const struct actor *who, int64_t id, const char *on,
			   int64_t version)
{
	return step(db, who, STEP_STAGE2, id, on, version);
}

int complaint_close(struct db *db, const struct actor *who, int64_t id, const char *on,
		    int64_t version)
{
	return step(db, who, STEP_CLOSE, id, on, version);
}

void complaint_row_key(const struct complaint_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->received_on);
}

/* The two lists (`fn` names which) read alike: checks, binds ?1..?5 of
 * `sql`, reads the page through `read` with the clock. */
static int read_page(struct db *db, const struct actor *who, const char *fn,
		     const char *const sql[2][4], enum complaint_order order, int open_only,
		     enum page_dir dir, const struct page_key *key, void *rows, size_t size,
		     db_row_reader *read, int max, int *n)
{
	enum access_level level;
	int64_t mine;
	struct clock k;
	*n = 0;
	int rc = db_access_check(db, who, AREA_COMPLAINTS, OP_READ, &level);
	if (rc || (rc = own_id(db, who, level, &mine)) ||
	    (rc = db_page_args(db, fn, (unsigned)order > COMPLAINTS_OLDEST_FIRST, dir, key, max)) ||
	    (rc = clock_load(db, &k)))
		return rc;
	sqlite3_stmt *st = db_prep(db, sql[order][dir]);
	if (!st) {
		clock_free(&k);
		return db_status(db);
	}
	sqlite3_bind_int64(st, 1, mine);
	sqlite3_bind_int(st, 2, open_only != 0);
	if (key) {
		sqlite3_bind_text(st, 3, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 4, key->id);
	}
	sqlite3_bind_int(st, 5, max);
	rc = db_page_read(db, st, dir, rows, max, size, read, &k, n);
	clock_free(&k);
	return rc;
}

int complaint_page(struct db *db, const struct actor *who, enum complaint_order order,
		   int open_only, enum page_dir dir, const struct page_key *key,
		   struct complaint_row *rows, int max, int *n)
{
	return read_page(db, who, "complaint_page", SQL_PAGE, order, open_only, dir, key, rows,
			 sizeof *rows, read_row, max, n);
}

/* ---- subject access requests ----------------------------------------- */

/* ctx: the clock (struct clock). */
static void read_sar(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct subject_access *s = row;
	const struct clock *k = ctx;
	memset(s, 0, sizeof *s);
	s->id = sqlite3_column_int64(st, 0);
	s->member_id = sqlite3_column_int64(st, 1);
	db_col_text(st, 2, s->received_on, sizeof s->received_on);
	db_col_text(st, 3, s->completed_on, sizeof s->completed_on);
	db_col_text(st, 4, s->note, sizeof s->note);
	s->version = sqlite3_column_int64(st, 5);
	struct date d;
	if (date_parse(s->received_on, &d) == DATE_OK)
		date_format_iso(rule_add_months(d, (int)k->sar_months), s->due_on, sizeof s->due_on);
	s->overdue = !s->completed_on[0] && strcmp(s->due_on, k->today) < 0;
}

static int load_sar(struct db *db, int64_t id, int64_t member_only, struct subject_access *s)
{
	struct clock k;
	int rc = clock_load(db, &k);
	if (rc)
		return rc;
	rc = db_get(db, SQL_SAR_GET, id, read_sar, s, &k, NULL);
	clock_free(&k);
	if (rc == DB_OK && member_only > 0 && s->member_id != member_only)
		rc = DB_NOTFOUND;
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such subject access request");
	return rc;
}

int sar_get(struct db *db, const struct actor *who, int64_t id, struct subject_access *s)
{
	enum access_level level;
	int64_t mine;
	int rc = db_access_check(db, who, AREA_COMPLAINTS, OP_READ, &level);
	if (rc || (rc = own_id(db, who, level, &mine)))
		return rc;
	struct subject_access got;
	if ((rc = load_sar(db, id, mine, &got)))
		return rc;
	*s = got;
	return DB_OK;
}

static int sar_write(struct db *db, const struct actor *who, enum access_level level,
		     struct subject_access *s)
{
	struct clock k;
	int64_t mine;
	char received[DATE_BUFSZ];
	int rc = clock_load(db, &k);
	if (rc)
		return rc;
	rc = own_id(db, who, level, &mine);
	if (!rc)
		rc = check_day(db, &k, mine ? NULL : s->received_on, "the date it was received",
			       received, sizeof received);
	clock_free(&k);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_SAR_INSERT);
	if (!st)
		return db_status(db);
	db_bind_id_or_null(st, 1, mine ? mine : s->member_id);
	db_bind_text(st, 2, received);
	db_bind_text(st, 3, s->note);
	if ((rc = db_step_done(db, st)))
		return rc;
	s->id = sqlite3_last_insert_rowid(db->conn);
	return DB_OK;
}

int sar_add(struct db *db, const struct actor *who, struct subject_access *s)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_COMPLAINTS, OP_WRITE, &level);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = sar_write(db, who, level, s)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	return load_sar(db, s->id, 0, s);
}

static int sar_done_write(struct db *db, int64_t id, const char *on, int64_t version)
{
	struct subject_access s;
	int rc = load_sar(db, id, 0, &s);
	if (rc)
		return rc;
	if (s.version != version)
		return db_conflict(db, "subject_access_requests", id, "this request");
	char shown[ZONE_TIME_BUFSZ];
	if (s.completed_on[0])
		return db_set_error(db, DB_INVALID, "this request was already answered on %s",
				    zone_format(s.completed_on, shown, sizeof shown));
	struct clock k;
	char day[DATE_BUFSZ];
	if ((rc = clock_load(db, &k)))
		return rc;
	rc = check_day(db, &k, on, "the date it was answered", day, sizeof day);
	clock_free(&k);
	if (rc)
		return rc;
	if (strcmp(day, s.received_on) < 0)
		return db_set_error(db, DB_INVALID, "a request cannot be answered before it was received (%s)",
				    zone_format(s.received_on, shown, sizeof shown));
	sqlite3_stmt *st = db_prep(db, SQL_SAR_DONE);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, day);
	return db_step_done(db, st);
}

int sar_complete(struct db *db, const struct actor *who, int64_t id, const char *completed_on,
		 int64_t version)
{
	int rc = board_only(db, who);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = sar_done_write(db, id, completed_on, version)))
		return db_abort(db, rc);
	return db_commit(db);
}

void sar_row_key(const struct subject_access *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	text_copy(key->text, sizeof key->text, r->received_on);
}

int sar_page(struct db *db, const struct actor *who, enum complaint_order order, int open_only,
	     enum page_dir dir, const struct page_key *key, struct subject_access *rows,
	     int max, int *n)
{
	return read_page(db, who, "sar_page", SQL_SAR_PAGE, order, open_only, dir, key, rows,
			 sizeof *rows, read_sar, max, n);
}
