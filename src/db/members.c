/*
 * src/db/members.c: the register of members. The model for the other
 * aggregates: statements as static strings (prepared once, by address),
 * values always bound, every write one transaction, keyset pages.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"

/* A whole member: the list row's columns first (ROW_FIELDS), then the
 * rest (FULL_FIELDS); the readers below take them in this order. */
#define FULL_COLS \
	"id, member_no, name, sort_name, address, postcode, entered_on, coalesce(ceased_on, '')," \
	" uuid, coalesce(email, ''), coalesce(email_purpose, ''), coalesce(phone, '')," \
	" coalesce(date_of_birth, ''), coalesce(ceased_reason, ''), notes, version"
#define ROW_FIELDS(X) \
	X(INT64, id) X(INT64, member_no) X(TEXT, name) X(TEXT, sort_name) X(TEXT, address) \
	X(TEXT, postcode) X(TEXT, entered_on) X(TEXT, ceased_on)
#define FULL_FIELDS(X) \
	X(TEXT, uuid) X(TEXT, email) X(TEXT, email_purpose) X(TEXT, phone) \
	X(TEXT, date_of_birth) X(TEXT, ceased_reason) X(TEXT, notes) X(INT64, version)
#define NO_MEMBER "there is no such member"

static const char SQL_GET[] = "SELECT " FULL_COLS " FROM members WHERE id = ?1";
static const char SQL_GET_BY_NO[] = "SELECT " FULL_COLS " FROM members WHERE member_no = ?1";
static const char SQL_NEXT_NO[] = "SELECT coalesce(max(member_no), 0) + 1 FROM members";
static const char SQL_NO_HOLDER[] =
	"SELECT name, (SELECT coalesce(max(member_no), 0) + 1 FROM members)"
	" FROM members WHERE member_no = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO members (uuid, member_no, name, sort_name, address, postcode, email,"
	" email_purpose, phone, date_of_birth, entered_on, notes)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char SQL_UPDATE[] =
	"UPDATE members SET name = ?3, sort_name = ?4, address = ?5, postcode = ?6,"
	" email = ?7, email_purpose = ?8, phone = ?9, date_of_birth = ?10,"
	" entered_on = ?11, notes = ?12, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_CONTACT[] =
	"UPDATE members SET address = ?3, postcode = ?4, email = ?5, email_purpose = ?6,"
	" phone = ?7, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_CEASE[] =
	"UPDATE members SET ceased_on = ?3, ceased_reason = ?4, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_EXISTS[] = "SELECT version FROM members WHERE id = ?1";
/* A member's offices end with their membership, on the same day. */
static const char SQL_END_OFFICES[] =
	"UPDATE officers SET ceased_on = ?2, version = version + 1"
	" WHERE member_id = ?1 AND ceased_on IS NULL AND became_on <= ?2";
/* The first share operation and the first tenancy signed, for the date
 * entered on the register (member_update). */
static const char SQL_FIRST_SHARE[] =
	"SELECT min(o.op_date) FROM share_ops o WHERE o.member_id = ?1 AND " SHARE_OP_STANDS("o");
static const char SQL_FIRST_TENANCY[] =
	"SELECT t.start_date, h.ref FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id"
	" JOIN homes h ON h.id = t.home_id WHERE s.member_id = ?1 ORDER BY t.start_date LIMIT 1";
/* A tenancy the member signs that runs past ?2 (only members hold one). */
static const char SQL_TENANCY_HELD[] =
	"SELECT h.ref FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id"
	" JOIN homes h ON h.id = t.home_id"
	" WHERE s.member_id = ?1 AND coalesce(t.end_date, '9999-12-31') > ?2"
	" ORDER BY t.start_date LIMIT 1";
static const char SQL_COUNTS[] =
	"SELECT (SELECT n FROM row_counts WHERE name = 'members'),"
	"       (SELECT n FROM row_counts WHERE name = 'members_current')";

/* The list: ?1 which (0 all, 1 current, 2 former), ?2 FTS query or NULL,
 * ?3 the key's sort value, ?4 the key's id, ?5 the page size, ?6 a member
 * number typed as the search or NULL. The columns are ROW_FIELDS, then
 * the shares held now (the member's share operations, by their index) and
 * the current tenancy's home (by the signatories' index). */
#define ROW_COLS \
	"SELECT id, member_no, name, sort_name, address, postcode, entered_on," \
	" coalesce(ceased_on, '')," \
	" (SELECT coalesce(sum(o.shares), 0) FROM share_ops o WHERE o.member_id = members.id)," \
	" coalesce((SELECT h.ref FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id" \
	"  JOIN homes h ON h.id = t.home_id WHERE s.member_id = members.id AND t.end_date IS NULL" \
	"  LIMIT 1), '') FROM members"
#define FILTER \
	" WHERE (?1 = 0 OR (?1 = 1) = (ceased_on IS NULL))" \
	" AND (?2 IS NULL OR id IN (SELECT rowid FROM members_fts WHERE members_fts MATCH ?2)" \
	" OR member_no = ?6)"

static const char *const SQL_PAGE[2][4] = {
	[MEMBER_BY_NUMBER] = {
		[PAGE_FIRST] = ROW_COLS FILTER " ORDER BY member_no LIMIT ?5",
		[PAGE_LAST] = ROW_COLS FILTER " ORDER BY member_no DESC LIMIT ?5",
		[PAGE_AFTER] = ROW_COLS FILTER " AND member_no > ?3 ORDER BY member_no LIMIT ?5",
		[PAGE_BEFORE] = ROW_COLS FILTER " AND member_no < ?3 ORDER BY member_no DESC LIMIT ?5",
	},
	[MEMBER_BY_NAME] = {
		[PAGE_FIRST] = ROW_COLS FILTER " ORDER BY sort_name, id LIMIT ?5",
		[PAGE_LAST] = ROW_COLS FILTER " ORDER BY sort_name DESC, id DESC LIMIT ?5",
		[PAGE_AFTER] = ROW_COLS FILTER
			" AND (sort_name, id) > (?3, ?4) ORDER BY sort_name, id LIMIT ?5",
		[PAGE_BEFORE] = ROW_COLS FILTER
			" AND (sort_name, id) < (?3, ?4) ORDER BY sort_name DESC, id DESC LIMIT ?5",
	},
};

void member_sort_name(const char *name, char *buf, size_t n)
{
	char tmp[MEMBER_NAME_MAX * 4 + 1];
	text_copy(tmp, sizeof tmp, name ? name : "");
	text_trim(tmp);
	char *last = strrchr(tmp, ' ');
	if (last && last[1]) {
		*last = '\0';
		snprintf(buf, n, "%s, %s", last + 1, tmp);
	} else {
		snprintf(buf, n, "%s", tmp);
	}
	text_lower(buf);
}

static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct member_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
}

/* A list row: a register row, then what the page adds, shown only to
 * those who may see it (ctx: the actor). */
static void read_list_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	const struct actor *who = ctx;
	struct member_row *r = row;
	read_row(st, row, NULL);
	int own = who && who->member_id == r->id;
	r->shares_held = own || access_level(who, AREA_SHARES, OP_READ) == ACCESS_ALL
			 ? sqlite3_column_int64(st, 8) : -1;
	if (own || access_level(who, AREA_TENANCIES, OP_READ) == ACCESS_ALL)
		db_col_text(st, 9, r->home_ref, sizeof r->home_ref);
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct member *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	ROW_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

/* Blanks what the register does not show, for those who may see only it. */
static void redact(const struct actor *who, struct member *m)
{
	if (access_level(who, AREA_SHARES, OP_READ) == ACCESS_ALL)
		return;
	if (who && who->member_id == m->id)
		return;
	m->phone[0] = '\0';
	m->date_of_birth[0] = '\0';
	m->notes[0] = '\0';
	m->ceased_reason[0] = '\0';
}

static int get_by(struct db *db, const struct actor *who, const char *sql, int64_t key,
		  struct member *m)
{
	int rc = db_access_check(db, who, AREA_REGISTER, OP_READ, NULL);
	if (rc || (rc = db_get(db, sql, key, read_full, m, NULL, NO_MEMBER)))
		return rc;
	redact(who, m);
	return DB_OK;
}

int member_get(struct db *db, const struct actor *who, int64_t id, struct member *m)
{
	return get_by(db, who, SQL_GET, id, m);
}

int member_get_by_no(struct db *db, const struct actor *who, int64_t member_no,
		     struct member *m)
{
	return get_by(db, who, SQL_GET_BY_NO, member_no, m);
}

/* Binds ?3..?12, the fields create and update share. */
static void bind_fields(sqlite3_stmt *st, const struct member *m, const char *sort_name)
{
	db_bind_text(st, 3, m->name);
	db_bind_text(st, 4, sort_name);
	db_bind_text(st, 5, m->address);
	db_bind_text(st, 6, m->postcode);
	db_bind_text_or_null(st, 7, m->email);
	db_bind_text_or_null(st, 8, m->email_purpose);
	db_bind_text_or_null(st, 9, m->phone);
	db_bind_text_or_null(st, 10, m->date_of_birth);
	db_bind_text(st, 11, m->entered_on);
	db_bind_text(st, 12, m->notes);
}

/* The register's text as people type it: one line each, notes several. */
int db_member_age_check(struct db *db, const char *born, const char *on)
{
	struct date b, d;
	if (!born || !*born || date_parse(born, &b) != DATE_OK || date_parse(on, &d) != DATE_OK)
		return DB_OK;
	int64_t min;
	int rc = setting_int(db, "min_member_age", &min);
	if (rc)
		return rc;
	int age = date_age_on(b, d);
	char shown[2][ZONE_TIME_BUFSZ];
	if (age >= 0 && age < min)
		return db_set_error(db, DB_INVALID,
				    "a member must be %lld or over: born %s, they are %d on %s",
				    (long long)min, zone_format(born, shown[0], sizeof shown[0]), age,
				    zone_format(on, shown[1], sizeof shown[1]));
	return DB_OK;
}

/* An email address is kept with what it was given for (s.30(2)). */
static int check_email(struct db *db, const struct member *m)
{
	if (m->email[0] && !m->email_purpose[0])
		return db_set_error(db, DB_CONSTRAINT,
				    "say what the email address was given for (at most 200 characters)");
	return DB_OK;
}

static int check_text(struct db *db, const struct member *m)
{
	int rc;
	if ((rc = db_check_line(db, "a member's name", m->name)) ||
	    (rc = db_check_line(db, "a sort name", m->sort_name)) ||
	    (rc = db_check_line(db, "a postal address", m->address)) ||
	    (rc = db_check_line(db, "a postcode", m->postcode)) ||
	    (rc = db_check_line(db, "an email address", m->email)) ||
	    (rc = db_check_line(db, "what the email address was given for", m->email_purpose)) ||
	    (rc = db_check_line(db, "a phone number", m->phone)) ||
	    (rc = db_check_lines(db, "notes", m->notes)) || (rc = check_email(db, m)))
		return rc;
	return DB_OK;
}

/* A number another holds is refused naming them, with the next free
 * number: whoever typed it can correct it at once. */
static int number_free(struct db *db, int64_t no)
{
	sqlite3_stmt *st = db_prep(db, SQL_NO_HOLDER);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, no);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	rc = db_set_error(db, DB_INVALID, "member number %lld is already %s's; the next free"
			  " number is %lld", (long long)no, (const char *)sqlite3_column_text(st, 0),
			  (long long)sqlite3_column_int64(st, 1));
	db_reset(st);
	return rc;
}

int member_create(struct db *db, const struct actor *who, struct member *m)
{
	int rc = db_access_check(db, who, AREA_REGISTER, OP_WRITE, NULL);
	if (rc || (rc = check_text(db, m)) || (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st;
	if (m->member_no <= 0) {
		if (!(st = db_prep(db, SQL_NEXT_NO)) || (rc = db_step_row(db, st)))
			return db_abort(db, st ? rc : db_status(db));
		m->member_no = sqlite3_column_int64(st, 0);
		db_reset(st);
	}
	if (!m->sort_name[0])
		member_sort_name(m->name, m->sort_name, sizeof m->sort_name);
	db_new_uuid(m->uuid);
	if (!(st = db_prep(db, SQL_INSERT)))
		return db_abort(db, db_status(db));
	sqlite3_bind_text(st, 1, m->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, m->member_no);
	bind_fields(st, m, m->sort_name);
	if ((rc = db_step_done(db, st))) {
		/* The schema checks the entry's fields first, then the number:
		 * a number taken is said again with its holder. */
		if (rc == DB_CONSTRAINT && strstr(db_errmsg(db), "member number"))
			rc = number_free(db, m->member_no) ? DB_INVALID : rc;
		return db_abort(db, rc);
	}
	m->id = sqlite3_last_insert_rowid(db->conn);
	m->version = 1;
	return db_commit(db);
}

/* The first ISO date column of a one-row statement for member `id` into
 * out ("" when there is none), and the second, if asked, into also. */
static int first_of(struct db *db, const char *sql, int64_t id, char out[ISO_DATE_LEN],
		    char *also, size_t also_n)
{
	sqlite3_stmt *st = db_prep(db, sql);
	out[0] = '\0';
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	db_col_text(st, 0, out, ISO_DATE_LEN);
	if (also)
		db_col_text(st, 1, also, also_n);
	db_reset(st);
	return DB_OK;
}

/* What an edit may not make of the date entered on the register: a day to
 * come, a day after their share was issued or a tenancy they sign began,
 * or a day they were under the co-op's minimum age. A date that is not
 * one is left for the register to refuse. */
static int check_entered(struct db *db, const struct member *m)
{
	struct date d;
	char on[ISO_DATE_LEN], first[ISO_DATE_LEN], home[HOME_REF_MAX * 4 + 1];
	char shown[2][ZONE_TIME_BUFSZ];
	if (date_parse(m->entered_on, &d) != DATE_OK)
		return DB_OK;
	date_format_iso(d, on, sizeof on);
	if (date_cmp(d, date_today()) > 0)
		return db_set_error(db, DB_INVALID, "the date entered on the register cannot be in"
				    " the future (today is %s)",
				    date_format_uk(date_today(), shown[0], sizeof shown[0]));
	int rc = first_of(db, SQL_FIRST_SHARE, m->id, first, NULL, 0);
	if (rc)
		return rc;
	if (first[0] && strcmp(on, first) > 0)
		return db_set_error(db, DB_INVALID, "their share was issued on %s: they were entered on"
				    " the register that day or before",
				    zone_format(first, shown[0], sizeof shown[0]));
	if ((rc = first_of(db, SQL_FIRST_TENANCY, m->id, first, home, sizeof home)))
		return rc;
	if (first[0] && strcmp(on, first) > 0)
		return db_set_error(db, DB_INVALID, "they signed the tenancy of %s from %s: they were"
				    " entered on the register by then", home,
				    zone_format(first, shown[1], sizeof shown[1]));
	return db_member_age_check(db, m->date_of_birth, on);
}

int member_update(struct db *db, const struct actor *who, struct member *m)
{
	int rc = db_access_check(db, who, AREA_REGISTER, OP_WRITE, NULL);
	if (rc || (rc = check_text(db, m)) || (rc = db_begin(db, who)))
		return rc;
	char sort_name[sizeof m->sort_name];
	if (m->sort_name[0])
		text_copy(sort_name, sizeof sort_name, m->sort_name);
	else
		member_sort_name(m->name, sort_name, sizeof sort_name);
	if ((rc = check_entered(db, m)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_UPDATE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_int64(st, 2, m->version);
	bind_fields(st, m, sort_name);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "members", m->id, "this member", NO_MEMBER)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	m->version++;
	text_copy(m->sort_name, sizeof m->sort_name, sort_name);
	return DB_OK;
}

/* Only members hold a tenancy (Housing Act 1985 s.5(2)): refuses to end
 * the membership of a signatory to a tenancy running past `on`. */
static int tenancy_held(struct db *db, int64_t id, const char *on)
{
	sqlite3_stmt *st = db_prep(db, SQL_TENANCY_HELD);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, on);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	char home[HOME_REF_MAX * 4 + 1];
	db_col_text(st, 0, home, sizeof home);
	db_reset(st);
	return db_set_error(db, DB_INVALID,
			    "they hold the tenancy of %s, and only members may hold a tenancy:"
			    " end the tenancy first, then their membership", home);
}

int member_cease(struct db *db, const struct actor *who, int64_t id,
		 const char *ceased_on, const char *reason, int64_t version)
{
	int rc = db_access_check(db, who, AREA_REGISTER, OP_WRITE, NULL);
	if (rc || (rc = db_check_line(db, "a reason for ceasing", reason)) ||
	    (rc = db_begin(db, who)))
		return rc;
	if ((rc = tenancy_held(db, id, ceased_on)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_CEASE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, ceased_on);
	db_bind_text_or_null(st, 4, reason);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "members", id, "this member", NO_MEMBER)))
		return db_abort(db, rc);
	if (!(st = db_prep(db, SQL_END_OFFICES)))
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, ceased_on);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

void member_row_key(const struct member_row *r, enum member_sort sort, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	key->num = r->member_no;
	if (sort == MEMBER_BY_NAME)
		text_copy(key->text, sizeof key->text, r->sort_name);
}

int member_page(struct db *db, const struct actor *who, enum member_which which,
		enum member_sort sort, const char *search, enum page_dir dir,
		const struct page_key *key, struct member_row *rows, int max, int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_REGISTER, OP_READ, NULL);
	if (rc || (rc = db_page_args(db, "member_page", (unsigned)sort > MEMBER_BY_NAME, dir, key,
				     max)))
		return rc;
	char fts[512];
	int has_search = search && *search && db_fts_query(search, fts, sizeof fts) == 0;
	/* A number on its own is a member number too ("42", "no. 42" reads as
	 * words "no" and "42": only the number alone is taken as one). */
	int64_t no = 0;
	for (const char *p = search ? search : ""; *p == ' ' || (*p >= '0' && *p <= '9'); p++)
		if (*p != ' ' && no < INT64_MAX / 10 - 10)
			no = no * 10 + (*p - '0');
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[sort][dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, (int)which);
	if (has_search)
		sqlite3_bind_text(st, 2, fts, -1, SQLITE_TRANSIENT);
	if (no > 0 && search && strspn(search, " 0123456789") == strlen(search))
		sqlite3_bind_int64(st, 6, no);
	if (key) {
		if (sort == MEMBER_BY_NAME)
			sqlite3_bind_text(st, 3, key->text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, 3, key->num);
		sqlite3_bind_int64(st, 4, key->id);
	}
	sqlite3_bind_int(st, 5, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_list_row, who, n);
}

int member_count(struct db *db, int64_t *all, int64_t *current)
{
	sqlite3_stmt *st = db_prep(db, SQL_COUNTS);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*all = sqlite3_column_int64(st, 0);
	*current = sqlite3_column_int64(st, 1);
	db_reset(st);
	return DB_OK;
}

int member_update_contact(struct db *db, const struct actor *who, struct member *m)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REGISTER, OP_READ, NULL);
	if (rc)
		return rc;
	level = access_level(who, AREA_REGISTER, OP_WRITE);
	if (level != ACCESS_ALL && (!who || who->member_id <= 0 || who->member_id != m->id))
		return db_set_error(db, DB_NOTFOUND, NO_MEMBER);
	if ((rc = db_check_line(db, "a postal address", m->address)) ||
	    (rc = db_check_line(db, "a postcode", m->postcode)) ||
	    (rc = db_check_line(db, "an email address", m->email)) ||
	    (rc = db_check_line(db, "what the email address was given for", m->email_purpose)) ||
	    (rc = db_check_line(db, "a phone number", m->phone)) || (rc = check_email(db, m)) ||
	    (rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_CONTACT);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, m->id);
	sqlite3_bind_int64(st, 2, m->version);
	db_bind_text(st, 3, m->address);
	db_bind_text(st, 4, m->postcode);
	db_bind_text_or_null(st, 5, m->email);
	db_bind_text_or_null(st, 6, m->email_purpose);
	db_bind_text_or_null(st, 7, m->phone);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_EXISTS, "members", m->id, "your details", NO_MEMBER)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	m->version++;
	return DB_OK;
}

int member_next_no(struct db *db, const struct actor *who, int64_t *no)
{
	int rc = db_access_check(db, who, AREA_REGISTER, OP_WRITE, NULL);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_NEXT_NO);
	if (!st)
		return db_status(db);
	if ((rc = db_step_row(db, st)))
		return rc;
	*no = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}
