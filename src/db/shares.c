/*
 * src/db/shares.c: the share register (share_ops, share_holdings) and
 * members' other property (member_property). Operations are appended,
 * never edited: the schema's triggers refuse UPDATE and DELETE, number the
 * operations in sequence and keep every holding at 0 or 1; this file
 * checks what they cannot (dates against today, age, who may see what).
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/settings.h"
#include "coopdesk/shares.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

static const char SQL_NEXT_OP_NO[] = "SELECT coalesce(max(op_no), 0) + 1 FROM share_ops";
static const char SQL_INSERT_OP[] =
	"INSERT INTO share_ops (uuid, op_no, member_id, kind, shares, amount_pence, op_date,"
	" reverses_id, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
static const char SQL_MEMBER[] =
	"SELECT entered_on, coalesce(ceased_on, ''), coalesce(date_of_birth, '')"
	" FROM members WHERE id = ?1";
static const char SQL_HOLDING[] =
	"SELECT shares, paid_pence FROM share_holdings WHERE member_id = ?1";
static const char SQL_REINSTATE[] =
	"UPDATE members SET ceased_on = NULL, ceased_reason = NULL, version = version + 1"
	" WHERE id = ?1 AND ceased_on IS NOT NULL";

/* An operation: the columns it shares with a list row first (OP_FIELDS),
 * then its own (OP_FULL_FIELDS), as the readers take them. */
#define OP_SHARED_COLS \
	"o.id, o.op_no, o.member_id, o.kind, o.shares, o.amount_pence, o.op_date," \
	" coalesce((SELECT r.op_no FROM share_ops r WHERE r.id = o.reverses_id), 0)"
#define OP_FIELDS(X) \
	X(INT64, id) X(INT64, op_no) X(INT64, member_id) X(OP_KIND, kind) X(INT64, shares) \
	X(INT64, amount_pence) X(TEXT, op_date) X(INT64, reverses_op_no)
#define OP_FULL_FIELDS(X) \
	X(TEXT, uuid) X(INT64, reverses_id) X(INT64, reversed_by_id) X(INT64, reversed_by_op_no) \
	X(TEXT, note) X(TEXT, recorded_at)
#define DB_COL_OP_KIND(field) \
	r->field = (enum share_op_kind)kind_index(op_kinds, 3, \
						  (const char *)sqlite3_column_text(st, col++));
static const char SQL_OP_GET[] =
	"SELECT " OP_SHARED_COLS ", o.uuid, coalesce(o.reverses_id, 0),"
	" coalesce((SELECT min(b.id) FROM share_ops b"
	"            WHERE b.member_id = o.member_id AND b.reverses_id = o.id), 0),"
	" coalesce((SELECT min(b.op_no) FROM share_ops b"
	"            WHERE b.member_id = o.member_id AND b.reverses_id = o.id), 0),"
	" o.note, o.recorded_at"
	" FROM share_ops o WHERE o.id = ?1";

/* The list: ?1 the member (the per-member strings only), ?2 the key's
 * op_no, ?3 the page size. Per member there are a handful of operations,
 * so sorting them by op_no after the index lookup costs nothing. */
#define OP_ROW \
	"SELECT " OP_SHARED_COLS ", m.member_no, m.name, o.note" \
	" FROM share_ops o JOIN members m ON m.id = o.member_id"

static const char *const SQL_OP_PAGE[2][4] = {
	[0] = { /* every member's */
		[PAGE_FIRST] = OP_ROW " ORDER BY o.op_no LIMIT ?3",
		[PAGE_LAST] = OP_ROW " ORDER BY o.op_no DESC LIMIT ?3",
		[PAGE_AFTER] = OP_ROW " WHERE o.op_no > ?2 ORDER BY o.op_no LIMIT ?3",
		[PAGE_BEFORE] = OP_ROW " WHERE o.op_no < ?2 ORDER BY o.op_no DESC LIMIT ?3",
	},
	[1] = { /* one member's */
		[PAGE_FIRST] = OP_ROW " WHERE o.member_id = ?1 ORDER BY o.op_no LIMIT ?3",
		[PAGE_LAST] = OP_ROW " WHERE o.member_id = ?1 ORDER BY o.op_no DESC LIMIT ?3",
		[PAGE_AFTER] = OP_ROW
			" WHERE o.member_id = ?1 AND o.op_no > ?2 ORDER BY o.op_no LIMIT ?3",
		[PAGE_BEFORE] = OP_ROW
			" WHERE o.member_id = ?1 AND o.op_no < ?2 ORDER BY o.op_no DESC LIMIT ?3",
	},
};

/* The register's running totals: shares held and paid-up capital, summed
 * over the operations with op_no in (?1, ?2]. What an operation adds to
 * the capital is share_holdings' own rule (the schema's view): an issue
 * pays in its amount, a reversal of an issue takes it back, a forfeit
 * and its reversal leave it (the money stays with the co-op). */
#define PAID_DELTA \
	"CASE WHEN kind = 'issue' THEN amount_pence" \
	" WHEN kind = 'reversal' AND shares = -1 THEN -amount_pence ELSE 0 END"
static const char SQL_OP_TOTALS[] =
	"SELECT coalesce(sum(shares), 0), coalesce(sum(" PAID_DELTA "), 0)"
	" FROM share_ops WHERE op_no > ?1 AND op_no <= ?2";
/* The totals after the last operation, kept by a trigger (schema 15). */
static const char SQL_END_TOTALS[] =
	"SELECT coalesce((SELECT max(op_no) FROM share_ops), 0),"
	" (SELECT n FROM row_counts WHERE name = 'share_ops_shares'),"
	" (SELECT n FROM row_counts WHERE name = 'share_ops_paid')";

#define PROP_COLS \
	"SELECT id, uuid, member_id, kind, description, amount_pence, from_date," \
	" coalesce(to_date, ''), version FROM member_property"

static const char SQL_PROP_GET[] = PROP_COLS " WHERE id = ?1";
static const char SQL_PROP_INSERT[] =
	"INSERT INTO member_property (uuid, member_id, kind, description, amount_pence,"
	" from_date, to_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_PROP_END[] =
	"UPDATE member_property SET to_date = ?3, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_PROP_EXISTS[] = "SELECT version FROM member_property WHERE id = ?1";
#define NO_PROPERTY "there is no such record of property"
#define NO_SHARE_OP "there is no such share operation"

/* ?1 the member (per-member strings), ?2 the key's id, ?3 the page size. */
static const char *const SQL_PROP_PAGE[2][4] = {
	[0] = {
		[PAGE_FIRST] = PROP_COLS " ORDER BY id LIMIT ?3",
		[PAGE_LAST] = PROP_COLS " ORDER BY id DESC LIMIT ?3",
		[PAGE_AFTER] = PROP_COLS " WHERE id > ?2 ORDER BY id LIMIT ?3",
		[PAGE_BEFORE] = PROP_COLS " WHERE id < ?2 ORDER BY id DESC LIMIT ?3",
	},
	[1] = {
		[PAGE_FIRST] = PROP_COLS " WHERE member_id = ?1 ORDER BY id LIMIT ?3",
		[PAGE_LAST] = PROP_COLS " WHERE member_id = ?1 ORDER BY id DESC LIMIT ?3",
		[PAGE_AFTER] = PROP_COLS " WHERE member_id = ?1 AND id > ?2 ORDER BY id LIMIT ?3",
		[PAGE_BEFORE] = PROP_COLS
			" WHERE member_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3",
	},
};

static const char *const op_kinds[] = {
	[SHARE_ISSUE] = "issue", [SHARE_FORFEIT] = "forfeit", [SHARE_REVERSAL] = "reversal",
};
static const char *const property_kinds[] = {
	[PROPERTY_LOAN] = "loan", [PROPERTY_DEPOSIT] = "deposit", [PROPERTY_OTHER] = "other",
};

const char *share_op_kind_name(enum share_op_kind kind)
{
	return (unsigned)kind <= SHARE_REVERSAL ? op_kinds[kind] : "?";
}

const char *property_kind_name(enum property_kind kind)
{
	return (unsigned)kind <= PROPERTY_OTHER ? property_kinds[kind] : "?";
}

static int kind_index(const char *const *names, int count, const char *s)
{
	for (int i = 0; i < count; i++)
		if (s && strcmp(s, names[i]) == 0)
			return i;
	return 0;
}

/* ---- helpers ------------------------------------------------------------ */

/* Reads a date given to a write into `out` as ISO. `what` names it in the
 * message ("the date of admission"); `not_future` refuses a day after
 * today (date_today honours COOPDESK_TODAY). */
static int day_arg(struct db *db, const char *s, const char *what, int not_future,
		   char out[ISO_DATE_LEN])
{
	char why[160];
	struct date d;
	if (date_explain(s, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "%s: %s", what, why);
	date_parse(s, &d);
	date_format_iso(d, out, ISO_DATE_LEN);
	if (not_future) {
		struct date today = date_today();
		char t[DATE_BUFSZ];
		if (date_cmp(d, today) > 0)
			return db_set_error(db, DB_INVALID, "%s cannot be in the future (today is %s)",
					    what, date_format_uk(today, t, sizeof t));
	}
	return DB_OK;
}

/* Which member's records an actor may see: 0 all, else their own; -1 none. */
static int64_t own_scope(const struct actor *who, enum access_level level)
{
	if (level == ACCESS_ALL)
		return 0;
	return who && who->member_id > 0 ? who->member_id : -1;
}

static int no_member(struct db *db)
{
	return db_set_error(db, DB_NOTFOUND, "there is no such member");
}

/* The member's dates: entered, ceased ("" if current), birth ("" if not
 * given). DB_NOTFOUND if there is no such member. */
struct member_dates {
	char entered[ISO_DATE_LEN], ceased[ISO_DATE_LEN], born[ISO_DATE_LEN];
};

static int member_dates(struct db *db, int64_t member_id, struct member_dates *md)
{
	sqlite3_stmt *st = db_prep(db, SQL_MEMBER);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return no_member(db);
	if (rc)
		return rc;
	db_col_text(st, 0, md->entered, sizeof md->entered);
	db_col_text(st, 1, md->ceased, sizeof md->ceased);
	db_col_text(st, 2, md->born, sizeof md->born);
	db_reset(st);
	return DB_OK;
}

static int read_holding(struct db *db, int64_t member_id, int64_t *shares, int64_t *paid)
{
	sqlite3_stmt *st = db_prep(db, SQL_HOLDING);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return no_member(db);
	if (rc)
		return rc;
	*shares = sqlite3_column_int64(st, 0);
	*paid = sqlite3_column_int64(st, 1);
	db_reset(st);
	return DB_OK;
}

static int share_value(struct db *db, int64_t *value)
{
	int rc = setting_int(db, "share_value", value);
	if (rc)
		return rc;
	if (*value <= 0)
		return db_set_error(db, DB_INVALID, "the setting 'share_value' must be more than £0.00");
	return DB_OK;
}

/* Appends an operation with the next number. Inside a transaction: the
 * number is read under the write lock, so no other terminal can take it. */
static int insert_op(struct db *db, int64_t member_id, enum share_op_kind kind, int64_t shares,
		     int64_t amount, const char *on, int64_t reverses_id, const char *note,
		     int64_t *id)
{
	sqlite3_stmt *st = db_prep(db, SQL_NEXT_OP_NO);
	int rc;
	if (!st)
		return db_status(db);
	if ((rc = db_step_row(db, st)))
		return rc;
	int64_t op_no = sqlite3_column_int64(st, 0);
	db_reset(st);
	char uuid[37];
	db_new_uuid(uuid);
	if (!(st = db_prep(db, SQL_INSERT_OP)))
		return db_status(db);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, op_no);
	sqlite3_bind_int64(st, 3, member_id);
	sqlite3_bind_text(st, 4, op_kinds[kind], -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, shares);
	sqlite3_bind_int64(st, 6, amount);
	db_bind_text(st, 7, on);
	db_bind_id_or_null(st, 8, reverses_id);
	db_bind_text(st, 9, note);
	if ((rc = db_step_done(db, st)))
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(db->conn);
	return DB_OK;
}

static void read_op(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct share_op *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	OP_FIELDS(DB_COL)
	OP_FULL_FIELDS(DB_COL)
}

static void read_op_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct share_op_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	OP_FIELDS(DB_COL)
	DB_COL(INT64, member_no)
	DB_COL(TEXT, member_name)
	DB_COL(TEXT, note)
}

static int get_op(struct db *db, int64_t op_id, struct share_op *o)
{
	return db_get(db, SQL_OP_GET, op_id, read_op, o, NULL, NO_SHARE_OP);
}

/* ---- the share register: writes ---------------------------------------- */

int share_admit(struct db *db, const struct actor *who, struct member *m, const char *on)
{
	char day[ISO_DATE_LEN], entered[ISO_DATE_LEN];
	int rc = db_access_check(db, who, AREA_SHARES, OP_WRITE, NULL);
	if (rc || (rc = day_arg(db, on, "the date of admission", 1, day)))
		return rc;
	if (m->entered_on[0]) {
		if ((rc = day_arg(db, m->entered_on, "the date entered on the register", 0, entered)))
			return rc;
		char shown[2][ZONE_TIME_BUFSZ];
		if (strcmp(entered, day) != 0)
			return db_set_error(db, DB_INVALID,
					    "a member is entered on the register on the day their share"
					    " is issued: %s is not %s",
					    zone_format(entered, shown[0], sizeof shown[0]),
					    zone_format(day, shown[1], sizeof shown[1]));
	}
	/* What member_create fills in, to put back if anything fails. */
	int64_t old_no = m->member_no;
	int had_sort = m->sort_name[0] != '\0';
	char old_entered[ISO_DATE_LEN];
	memcpy(old_entered, m->entered_on, sizeof old_entered);

	int64_t value;
	int depth = db->depth;
	if ((rc = db_begin(db, who)))
		return rc;
	if ((rc = db_member_age_check(db, m->date_of_birth, day)) || (rc = share_value(db, &value)))
		return db_abort(db, rc);
	memcpy(m->entered_on, day, sizeof m->entered_on);
	if ((rc = member_create(db, who, m)) ||
	    (rc = insert_op(db, m->id, SHARE_ISSUE, 1, value, day, 0, "", NULL)) ||
	    (rc = db_commit(db))) {
		if (db->depth > depth) /* not already rolled back by a failed commit */
			db_rollback(db);
		m->id = 0;
		m->uuid[0] = '\0';
		m->version = 0;
		m->member_no = old_no;
		if (!had_sort)
			m->sort_name[0] = '\0';
		memcpy(m->entered_on, old_entered, sizeof m->entered_on);
		return rc;
	}
	return DB_OK;
}

int share_issue(struct db *db, const struct actor *who, int64_t member_id, const char *on,
		const char *note, int64_t *op_id)
{
	char day[ISO_DATE_LEN];
	int rc = db_access_check(db, who, AREA_SHARES, OP_WRITE, NULL);
	if (rc || (rc = day_arg(db, on, "the date of the share issue", 1, day)) ||
	    (rc = db_begin(db, who)))
		return rc;
	struct member_dates md;
	int64_t value;
	char shown[ZONE_TIME_BUFSZ];
	if ((rc = member_dates(db, member_id, &md)) || (rc = share_value(db, &value)))
		return db_abort(db, rc);
	if (md.ceased[0])
		return db_abort(db, db_set_error(db, DB_INVALID,
			"a former member (ceased %s) cannot be issued a share",
			zone_format(md.ceased, shown, sizeof shown)));
	if (strcmp(day, md.entered) < 0)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"a share cannot be issued before the member was entered on the register (%s)",
			zone_format(md.entered, shown, sizeof shown)));
	if ((rc = db_member_age_check(db, md.born, day)) ||
	    (rc = insert_op(db, member_id, SHARE_ISSUE, 1, value, day, 0, note, op_id)))
		return db_abort(db, rc);
	return db_commit(db);
}

int share_cease(struct db *db, const struct actor *who, int64_t member_id, const char *on,
		const char *reason, int64_t version)
{
	char day[ISO_DATE_LEN];
	int rc = db_access_check(db, who, AREA_SHARES, OP_WRITE, NULL);
	if (rc || (rc = day_arg(db, on, "the date membership ended", 1, day)) ||
	    (rc = db_begin(db, who)))
		return rc;
	int64_t shares, paid, value;
	if ((rc = read_holding(db, member_id, &shares, &paid)) || (rc = share_value(db, &value)))
		return db_abort(db, rc);
	if (shares < 1)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"this member holds no share to forfeit"));
	/* The forfeit cancels what was paid on the share held. */
	int64_t amount = paid > 0 ? paid : value;
	if ((rc = member_cease(db, who, member_id, day, reason, version)) ||
	    (rc = insert_op(db, member_id, SHARE_FORFEIT, -1, amount, day, 0,
			    reason ? reason : "", NULL)))
		return db_abort(db, rc);
	return db_commit(db);
}

int share_reverse(struct db *db, const struct actor *who, int64_t op_id, const char *on,
		  const char *note, int64_t *rev_id)
{
	char day[ISO_DATE_LEN];
	int rc = db_access_check(db, who, AREA_SHARES, OP_WRITE, NULL);
	if (rc || (rc = day_arg(db, on, "the date of the reversal", 1, day)) ||
	    (rc = db_begin(db, who)))
		return rc;
	struct share_op o;
	char shown[ZONE_TIME_BUFSZ];
	if ((rc = get_op(db, op_id, &o)))
		return db_abort(db, rc);
	if (o.kind == SHARE_REVERSAL)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"a reversal cannot itself be reversed: record the issue or forfeit again instead"));
	if (o.reversed_by_id)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"share operation %lld was already reversed by operation %lld",
			(long long)o.op_no, (long long)o.reversed_by_op_no));
	if (strcmp(day, o.op_date) < 0)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"a reversal cannot be dated before the operation it corrects (%s)",
			zone_format(o.op_date, shown, sizeof shown)));
	if ((rc = insert_op(db, o.member_id, SHARE_REVERSAL, -o.shares, o.amount_pence, day,
			    o.id, note, rev_id)))
		return db_abort(db, rc);
	if (o.kind == SHARE_FORFEIT) {
		/* The forfeit undone, the membership it ended goes on. */
		sqlite3_stmt *st = db_prep(db, SQL_REINSTATE);
		if (!st)
			return db_abort(db, db_status(db));
		sqlite3_bind_int64(st, 1, o.member_id);
		if ((rc = db_step_done(db, st)))
			return db_abort(db, rc);
	}
	return db_commit(db);
}

/* The issue `o`, now reversed, admitted its member if they were entered on
 * the register that day: their entry moves to the new issue's day. */
static int move_entry(struct db *db, const struct actor *who, const struct share_op *o,
		      const char *issue_on)
{
	char day[ISO_DATE_LEN];
	struct member m;
	int rc = day_arg(db, issue_on, "the date of the share issue", 1, day);
	if (rc || (rc = member_get(db, who, o->member_id, &m)))
		return rc;
	if (strcmp(m.entered_on, o->op_date) != 0 || strcmp(m.entered_on, day) == 0)
		return DB_OK;
	snprintf(m.entered_on, sizeof m.entered_on, "%s", day);
	return member_update(db, who, &m);
}

int share_reissue(struct db *db, const struct actor *who, int64_t op_id, const char *on,
		  const char *issue_on, const char *note, int64_t *rev_id, int64_t *issue_id)
{
	struct share_op o;
	int rc = db_access_check(db, who, AREA_SHARES, OP_WRITE, NULL);
	if (rc || (rc = db_begin(db, who)))
		return rc;
	if ((rc = get_op(db, op_id, &o)))
		return db_abort(db, rc);
	if (o.kind != SHARE_ISSUE)
		return db_abort(db, db_set_error(db, DB_INVALID,
			"share operation %lld is a %s, not an issue: reverse it on its own",
			(long long)o.op_no, share_op_kind_name(o.kind)));
	if ((rc = share_reverse(db, who, op_id, on, note, rev_id)) ||
	    (rc = move_entry(db, who, &o, issue_on)) ||
	    (rc = share_issue(db, who, o.member_id, issue_on, note, issue_id)))
		return db_abort(db, rc);
	return db_commit(db);
}

/* ---- the share register: reads ----------------------------------------- */

int share_holding(struct db *db, const struct actor *who, int64_t member_id,
		  int64_t *shares, int64_t *paid_pence)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_SHARES, OP_READ, &level);
	if (rc)
		return rc;
	int64_t scope = own_scope(who, level);
	if (scope != 0 && scope != member_id)
		return no_member(db);
	return read_holding(db, member_id, shares, paid_pence);
}

int share_op_get(struct db *db, const struct actor *who, int64_t op_id, struct share_op *out)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_SHARES, OP_READ, &level);
	if (rc || (rc = get_op(db, op_id, out)))
		return rc;
	int64_t scope = own_scope(who, level);
	if (scope != 0 && scope != out->member_id) {
		memset(out, 0, sizeof *out);
		return db_set_error(db, DB_NOTFOUND, NO_SHARE_OP);
	}
	return DB_OK;
}

void share_op_row_key(const struct share_op_row *r, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	key->num = r->op_no;
}

/* Which member a list is of, for this actor: 0 all; DB_NOTFOUND for
 * another's when they see only their own. */
static int list_scope(struct db *db, const struct actor *who, enum access_level level,
		      int64_t member_id, int64_t *out)
{
	int64_t scope = own_scope(who, level);
	if (scope == 0) {
		*out = member_id > 0 ? member_id : 0;
		return DB_OK;
	}
	if (scope < 0 || (member_id != 0 && member_id != scope))
		return no_member(db);
	*out = scope;
	return DB_OK;
}

/* The two lists of a member's (or everyone's) records read alike (`fn`
 * names which): ?1 the member, ?2 the key's sort value (`after`, from
 * `key`), ?3 the page size, of sql[per member][dir]. */
static int register_page(struct db *db, const struct actor *who, const char *fn,
			 const char *const sql[2][4], int64_t member_id, enum page_dir dir,
			 const struct page_key *key, int64_t after, void *rows, size_t size,
			 db_row_reader *read, int max, int *n)
{
	enum access_level level;
	int64_t scope = 0;
	*n = 0;
	int rc = db_access_check(db, who, AREA_SHARES, OP_READ, &level);
	if (rc || (rc = db_page_args(db, fn, 0, dir, key, max)) ||
	    (rc = list_scope(db, who, level, member_id, &scope)))
		return rc;
	sqlite3_stmt *st = db_prep(db, sql[scope != 0][dir]);
	if (!st)
		return db_status(db);
	if (scope)
		sqlite3_bind_int64(st, 1, scope);
	if (key)
		sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, dir, rows, max, size, read, NULL, n);
}

/* Adds the operations with op_no in (from, to] to *shares and *paid. */
static int add_range(struct db *db, int64_t from, int64_t to, int sign, int64_t *shares,
		     int64_t *paid)
{
	sqlite3_stmt *st = db_prep(db, SQL_OP_TOTALS);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*shares += sign * sqlite3_column_int64(st, 0);
	*paid += sign * sqlite3_column_int64(st, 1);
	db_reset(st);
	return DB_OK;
}

/* Fills the rows' running totals (rows in op_no order, as a page comes
 * back). The first row's are summed from the nearest point known: the
 * totals the connection last worked out (db->share_totals), the register's
 * end (kept by a trigger, schema 15), or its start, forwards or backwards;
 * each row after it adds its own stretch since the one before (one
 * operation on the whole register's page, several on one member's). So
 * paging through the register in either direction, or jumping to either
 * end, costs a page's worth of operations; a jump into the middle costs
 * the operations jumped over. Committed operations are never edited or
 * deleted, so a sum up to an op_no never changes once that op_no is
 * committed: the totals are remembered only outside a transaction (what
 * one sees may yet be rolled back). */
static int fill_totals(struct db *db, struct share_op_row *rows, int n)
{
	int64_t at = db->share_totals.op_no, shares = 0, paid = 0;
	int rc;
	if (at > 0) {
		shares = db->share_totals.shares;
		paid = db->share_totals.paid_pence;
	}
	/* A jump: from the register's end instead, when that is nearer. */
	int64_t first = n > 0 ? rows[0].op_no : at;
	if (first - at > 2 * n || at - first > 2 * n) {
		sqlite3_stmt *st = db_prep(db, SQL_END_TOTALS);
		if (!st)
			return db_status(db);
		if ((rc = db_step_row(db, st)))
			return rc == DB_NOTFOUND ? db_set_error(db, DB_ERROR, "no register totals") : rc;
		int64_t end = sqlite3_column_int64(st, 0);
		/* Kept totals that are not there (a damaged file) are not used. */
		if (sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    sqlite3_column_type(st, 2) != SQLITE_NULL &&
		    end - first < (first > at ? first - at : at - first)) {
			at = end;
			shares = sqlite3_column_int64(st, 1);
			paid = sqlite3_column_int64(st, 2);
		}
		db_reset(st);
	}
	for (int i = 0; i < n; i++) {
		int64_t op = rows[i].op_no;
		rc = op >= at ? add_range(db, at, op, 1, &shares, &paid)
			      : add_range(db, op, at, -1, &shares, &paid);
		if (rc)
			return rc;
		rows[i].total_shares = shares;
		rows[i].total_paid_pence = paid;
		at = op;
	}
	if (n > 0 && db->depth == 0) {
		db->share_totals.op_no = at;
		db->share_totals.shares = shares;
		db->share_totals.paid_pence = paid;
	}
	return DB_OK;
}

int share_op_page(struct db *db, const struct actor *who, int64_t member_id,
		  enum page_dir dir, const struct page_key *key,
		  struct share_op_row *rows, int max, int *n)
{
	int rc = register_page(db, who, "share_op_page", SQL_OP_PAGE, member_id, dir, key,
			       key ? key->num : 0, rows, sizeof *rows, read_op_row, max, n);
	if (rc || access_level(who, AREA_SHARES, OP_READ) != ACCESS_ALL)
		return rc;
	if ((rc = fill_totals(db, rows, *n)))
		*n = 0;
	return rc;
}

/* ---- other property ------------------------------------------------------ */

static void read_prop(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct member_property *p = row;
	char kind[16];
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, p->uuid, sizeof p->uuid);
	p->member_id = sqlite3_column_int64(st, 2);
	db_col_text(st, 3, kind, sizeof kind);
	p->kind = (enum property_kind)kind_index(property_kinds, 3, kind);
	db_col_text(st, 4, p->description, sizeof p->description);
	p->amount_pence = sqlite3_column_int64(st, 5);
	db_col_text(st, 6, p->from_date, sizeof p->from_date);
	db_col_text(st, 7, p->to_date, sizeof p->to_date);
	p->version = sqlite3_column_int64(st, 8);
}

static int no_property(struct db *db)
{
	return db_set_error(db, DB_NOTFOUND, NO_PROPERTY);
}

int property_add(struct db *db, const struct actor *who, struct member_property *p)
{
	char from[ISO_DATE_LEN], to[ISO_DATE_LEN] = "";
	int rc = db_access_check(db, who, AREA_SHARES, OP_WRITE, NULL);
	if (rc || (rc = day_arg(db, p->from_date, "the date the property was taken in", 1, from)))
		return rc;
	if (p->to_date[0] && (rc = day_arg(db, p->to_date, "the date the property ended", 1, to)))
		return rc;
	if ((unsigned)p->kind > PROPERTY_OTHER)
		return db_set_error(db, DB_INVALID, "other property is a loan, a deposit or other");
	char description[sizeof p->description];
	text_copy(description, sizeof description, p->description);
	text_trim(description);
	char uuid[37];
	struct member_dates md;
	if ((rc = db_begin(db, who)))
		return rc;
	if ((rc = member_dates(db, p->member_id, &md)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_PROP_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	db_new_uuid(uuid);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, p->member_id);
	sqlite3_bind_text(st, 3, property_kinds[p->kind], -1, SQLITE_STATIC);
	db_bind_text(st, 4, description);
	sqlite3_bind_int64(st, 5, p->amount_pence);
	db_bind_text(st, 6, from);
	db_bind_text_or_null(st, 7, to);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	p->id = id;
	memcpy(p->uuid, uuid, sizeof p->uuid);
	memcpy(p->from_date, from, sizeof p->from_date);
	memcpy(p->to_date, to, sizeof p->to_date);
	text_copy(p->description, sizeof p->description, description);
	p->version = 1;
	return DB_OK;
}

int property_get(struct db *db, const struct actor *who, int64_t id,
		 struct member_property *out)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_SHARES, OP_READ, &level);
	if (rc || (rc = db_get(db, SQL_PROP_GET, id, read_prop, out, NULL, NO_PROPERTY)))
		return rc;
	int64_t scope = own_scope(who, level);
	if (scope != 0 && scope != out->member_id) {
		memset(out, 0, sizeof *out);
		return no_property(db);
	}
	return DB_OK;
}

int property_end(struct db *db, const struct actor *who, int64_t id, const char *to_date,
		 int64_t version)
{
	char to[ISO_DATE_LEN];
	int rc = db_access_check(db, who, AREA_SHARES, OP_WRITE, NULL);
	if (rc || (rc = day_arg(db, to_date, "the date the property ended", 1, to)) ||
	    (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PROP_END);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, to);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_PROP_EXISTS, "member_property", id, "this property",
			     NO_PROPERTY)))
		return db_abort(db, rc);
	return db_commit(db);
}

int property_page(struct db *db, const struct actor *who, int64_t member_id,
		  enum page_dir dir, const struct page_key *key,
		  struct member_property *rows, int max, int *n)
{
	return register_page(db, who, "property_page", SQL_PROP_PAGE, member_id, dir, key,
			     key ? key->id : 0, rows, sizeof *rows, read_prop, max, n);
}
