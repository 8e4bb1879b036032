/*
 * src/db/users.c: user accounts, passwords, logging in and lockout.
 * coopdesk/users.h explains the lockout design; the code follows it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coopdesk/clock.h"
#include "coopdesk/password.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "dbint.h"

/* An account, with its member's number joined in (0 for none): a list of
 * accounts needs no member read per row. */
#define COLS \
	"u.id, u.uuid, u.username, u.display_name, u.role, coalesce(u.member_id, 0)," \
	" u.failed_logins, coalesce(u.locked_until, ''), u.disabled," \
	" coalesce(u.last_login_at, ''), u.created_at, u.version, coalesce(m.member_no, 0)" \
	" FROM users u LEFT JOIN members m ON m.id = u.member_id"

static const char SQL_GET[] = "SELECT " COLS " WHERE u.id = ?1";
static const char SQL_GET_BY_NAME[] = "SELECT " COLS " WHERE u.username = ?1";
static const char SQL_INSERT[] =
	"INSERT INTO users (uuid, username, display_name, role, member_id, password_hash,"
	" created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_HASH[] = "SELECT password_hash FROM users WHERE id = ?1";
/* ?3: the hash the current password was checked against, or NULL. */
static const char SQL_SET_PASSWORD[] =
	"UPDATE users SET password_hash = ?2, failed_logins = 0, locked_until = NULL,"
	" version = version + 1 WHERE id = ?1 AND (?3 IS NULL OR password_hash = ?3)";
static const char SQL_SET_ROLE[] =
	"UPDATE users SET role = ?2, member_id = ?3, version = version + 1 WHERE id = ?1";
static const char SQL_DISABLE[] =
	"UPDATE users SET disabled = 1, version = version + 1 WHERE id = ?1";
static const char SQL_ENABLE[] =
	"UPDATE users SET disabled = 0, failed_logins = 0, locked_until = NULL,"
	" version = version + 1 WHERE id = ?1";
static const char SQL_ACTIVE_BOARDS[] =
	"SELECT count(*) FROM users WHERE role = 'board' AND disabled = 0";

/* The list: ?1 only this id (NULL: all), ?2 the key's username, ?3 page size.
 * username is UNIQUE COLLATE NOCASE: its index serves the order. */
#define PAGE_COLS "SELECT " COLS " WHERE (?1 IS NULL OR u.id = ?1)"
static const char *const SQL_PAGE[4] = {
	[PAGE_FIRST] = PAGE_COLS " ORDER BY u.username LIMIT ?3",
	[PAGE_LAST] = PAGE_COLS " ORDER BY u.username DESC LIMIT ?3",
	[PAGE_AFTER] = PAGE_COLS " AND u.username > ?2 ORDER BY u.username LIMIT ?3",
	[PAGE_BEFORE] = PAGE_COLS " AND u.username < ?2 ORDER BY u.username DESC LIMIT ?3",
};

/* Logging in. */
static const char SQL_LOGIN_FIND[] =
	"SELECT id, password_hash, role, coalesce(member_id, 0), display_name, disabled,"
	" coalesce(locked_until, '') FROM users WHERE username = ?1";
static const char SQL_LOGIN_OK[] =
	"UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ?2"
	" WHERE id = ?1";
/* ?2 login_max_failures, ?3 the instant a lock made now would end. */
static const char SQL_LOGIN_FAILED[] =
	"UPDATE users SET failed_logins = failed_logins + 1,"
	" locked_until = CASE WHEN failed_logins + 1 >= ?2 THEN ?3 ELSE locked_until END"
	" WHERE id = ?1";

/* The terminal's own count of failures per typed name (see users.h): a
 * TEMP table, private to this connection, never audited, gone on close. */
static const char SQL_MEM_CREATE[] =
	"CREATE TEMP TABLE IF NOT EXISTS login_memory ("
	" name TEXT PRIMARY KEY COLLATE NOCASE, failures INTEGER NOT NULL,"
	" locked_until TEXT, last_at TEXT NOT NULL) STRICT";
static const char SQL_MEM_PRUNE[] = "DELETE FROM temp.login_memory WHERE last_at < ?1";
static const char SQL_MEM_GET[] =
	"SELECT coalesce(locked_until, '') FROM temp.login_memory WHERE name = ?1";
static const char SQL_MEM_FAILED[] =
	"INSERT INTO temp.login_memory (name, failures, locked_until, last_at)"
	" VALUES (?1, 1, CASE WHEN 1 >= ?2 THEN ?3 END, ?4)"
	" ON CONFLICT (name) DO UPDATE SET failures = failures + 1,"
	"  locked_until = CASE WHEN failures + 1 >= ?2 THEN ?3 ELSE locked_until END,"
	"  last_at = ?4"
	" RETURNING coalesce(locked_until, '')";
static const char SQL_MEM_FORGET[] = "DELETE FROM temp.login_memory WHERE name = ?1";

/* ---- reading accounts --------------------------------------------------- */

/* ctx: now, as an ISO instant (whether a lock still holds). */
static void read_user(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct user *u = row;
	const char *now_iso = ctx;
	char role[16];
	memset(u, 0, sizeof *u);
	u->id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, u->uuid, sizeof u->uuid);
	db_col_text(st, 2, u->username, sizeof u->username);
	db_col_text(st, 3, u->display_name, sizeof u->display_name);
	db_col_text(st, 4, role, sizeof role);
	u->role = access_role_parse(role);
	u->member_id = sqlite3_column_int64(st, 5);
	u->failed_logins = sqlite3_column_int64(st, 6);
	db_col_text(st, 7, u->locked_until, sizeof u->locked_until);
	u->locked = u->locked_until[0] && strcmp(u->locked_until, now_iso) > 0;
	u->disabled = sqlite3_column_int(st, 8) != 0;
	db_col_text(st, 9, u->last_login_at, sizeof u->last_login_at);
	db_col_text(st, 10, u->created_at, sizeof u->created_at);
	u->version = sqlite3_column_int64(st, 11);
	u->member_no = sqlite3_column_int64(st, 12);
}

#define NO_USER "there is no such user account"

static int no_such_user(struct db *db)
{
	return db_set_error(db, DB_NOTFOUND, NO_USER);
}

/* Reads by id (name NULL) or by name, with no access check. */
static int fetch(struct db *db, int64_t id, const char *name, struct user *u)
{
	sqlite3_stmt *st = db_prep(db, name ? SQL_GET_BY_NAME : SQL_GET);
	if (!st)
		return db_status(db);
	if (name)
		db_bind_text(st, 1, name);
	else
		sqlite3_bind_int64(st, 1, id);
	char now_iso[USER_INSTANT_LEN];
	clock_format_iso(clock_now(), now_iso, sizeof now_iso);
	return db_read_one(db, st, read_user, u, now_iso, NO_USER);
}

static int get_checked(struct db *db, const struct actor *who, int64_t id, const char *name,
		       struct user *u)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_USERS, OP_READ, &level);
	if (rc || (rc = fetch(db, id, name, u)))
		return rc;
	if (level != ACCESS_ALL && u->id != who->user_id) {
		memset(u, 0, sizeof *u);
		return no_such_user(db);
	}
	return DB_OK;
}

int user_get(struct db *db, const struct actor *who, int64_t id, struct user *u)
{
	return get_checked(db, who, id, NULL, u);
}

int user_get_by_name(struct db *db, const struct actor *who, const char *username,
		     struct user *u)
{
	return get_checked(db, who, 0, username ? username : "", u);
}

void user_row_key(const struct user *u, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = u->id;
	text_copy(key->text, sizeof key->text, u->username);
}

int user_page(struct db *db, const struct actor *who, enum page_dir dir,
	      const struct page_key *key, struct user *rows, int max, int *n)
{
	enum access_level level;
	*n = 0;
	int rc = db_access_check(db, who, AREA_USERS, OP_READ, &level);
	if (rc || (rc = db_page_args(db, "user_page", 0, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PAGE[dir]);
	if (!st)
		return db_status(db);
	if (level != ACCESS_ALL)
		sqlite3_bind_int64(st, 1, who->user_id > 0 ? who->user_id : -1);
	if (key)
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 3, max);
	char now_iso[USER_INSTANT_LEN];
	clock_format_iso(clock_now(), now_iso, sizeof now_iso);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_user, now_iso, n);
}

/* ---- managing accounts -------------------------------------------------- */

/* Refuses anyone who may not manage every account, in words. */
static int need_board(struct db *db, const struct actor *who, const char *what)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_USERS, OP_WRITE, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the board may %s", what);
	return DB_OK;
}

static const char *role_text(enum role r)
{
	switch (r) {
	case ROLE_BOARD: return "board";
	case ROLE_VOLUNTEER: return "volunteer";
	case ROLE_MEMBER: return "member";
	default: return NULL;
	}
}

static int check_role(struct db *db, enum role role, int64_t member_id)
{
	if (!role_text(role))
		return db_set_error(db, DB_INVALID, "a user's role is board, volunteer or member");
	if (role == ROLE_MEMBER && member_id <= 0)
		return db_set_error(db, DB_INVALID,
				    "a member's account must be linked to their entry in the register");
	return DB_OK;
}

/* Checks a new password and hashes it (before any transaction: yescrypt
 * is slow on purpose, and the write lock should not wait for it). */
static int new_hash(struct db *db, const char *password, char *hash, size_t n)
{
	char why[160];
	if (!password_acceptable(password, why, sizeof why))
		return db_set_error(db, DB_INVALID, "%s", why);
	if (password_hash(password, hash, n) != 0)
		return db_set_error(db, DB_ERROR, "the password could not be hashed"
				    " (the system's libcrypt failed)");
	return DB_OK;
}

int user_create(struct db *db, const struct actor *who, const char *username,
		const char *display_name, enum role role, int64_t member_id,
		const char *password, int64_t *id)
{
	char hash[PASSWORD_HASH_MAX], display[USER_DISPLAY_MAX * 4 + 8];
	char uuid[37], now_iso[USER_INSTANT_LEN];
	int rc = need_board(db, who, "add user accounts");
	if (rc || (rc = check_role(db, role, member_id)) ||
	    (rc = new_hash(db, password, hash, sizeof hash)))
		return rc;
	text_copy(display, sizeof display, display_name ? display_name : "");
	text_trim(display);
	if ((rc = db_check_line(db, "a display name", display)))
		return rc;
	clock_format_iso(clock_now(), now_iso, sizeof now_iso);
	db_new_uuid(uuid);
	if ((rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 2, username);
	db_bind_text(st, 3, display);
	sqlite3_bind_text(st, 4, role_text(role), -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 5, member_id);
	sqlite3_bind_text(st, 6, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 7, now_iso, -1, SQLITE_TRANSIENT);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	int64_t new_id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = db_commit(db)))
		return rc;
	if (id)
		*id = new_id;
	return DB_OK;
}

/* Inside a transaction: refuses a change that would leave no active board
 * account (`u` as it is now; the change makes it board or not, disabled
 * or not). */
static int keeps_a_board(struct db *db, const struct user *u, int stays_board, int stays_enabled)
{
	if (u->role != ROLE_BOARD || u->disabled || (stays_board && stays_enabled))
		return DB_OK;
	sqlite3_stmt *st = db_prep(db, SQL_ACTIVE_BOARDS);
	if (!st)
		return db_status(db);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	int64_t boards = sqlite3_column_int64(st, 0);
	db_reset(st);
	if (boards <= 1)
		return db_set_error(db, DB_INVALID,
				    "%s is the last active board account: add or enable another"
				    " board account first, so that someone can still manage users",
				    u->username);
	return DB_OK;
}

/* Forgets this terminal's failure count for a name (after an unlock). */
static int memory_forget(struct db *db, const char *name);

int user_set_password(struct db *db, const struct actor *who, int64_t id,
		      const char *current, const char *new_password)
{
	enum access_level level;
	char hash[PASSWORD_HASH_MAX], old_hash[PASSWORD_HASH_MAX] = "";
	int rc = db_access_check(db, who, AREA_USERS, OP_WRITE, &level);
	if (rc)
		return rc;
	int own = who->user_id > 0 && who->user_id == id;
	if (!own && level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "you may change only your own password");
	struct user u;
	if ((rc = fetch(db, id, NULL, &u)))
		return rc;
	if (own) {
		sqlite3_stmt *st = db_prep(db, SQL_HASH);
		if (!st)
			return db_status(db);
		sqlite3_bind_int64(st, 1, id);
		if ((rc = db_step_row(db, st)))
			return rc == DB_NOTFOUND ? no_such_user(db) : rc;
		db_col_text(st, 0, old_hash, sizeof old_hash);
		db_reset(st);
		int right = password_verify(current, old_hash);
		if (right < 0)
			return db_set_error(db, DB_BUSY, USER_PASSWORD_UNCHECKED);
		if (!right)
			return db_set_error(db, DB_DENIED, "your current password is not right");
	}
	if ((rc = new_hash(db, new_password, hash, sizeof hash)))
		return rc;
	if ((rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_SET_PASSWORD);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_TRANSIENT);
	if (own)
		sqlite3_bind_text(st, 3, old_hash, -1, SQLITE_TRANSIENT);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	if (sqlite3_changes(db->conn) == 0)
		return db_abort(db, db_set_error(db, DB_CONFLICT,
				    "the password was changed meanwhile on another terminal;"
				    " nothing was saved"));
	if ((rc = db_commit(db)))
		return rc;
	memory_forget(db, u.username);
	return DB_OK;
}

int user_set_role(struct db *db, const struct actor *who, int64_t id, enum role role,
		  int64_t member_id)
{
	int rc = need_board(db, who, "change a user's role");
	if (rc || (rc = check_role(db, role, member_id)) || (rc = db_begin(db, who)))
		return rc;
	struct user u;
	if ((rc = fetch(db, id, NULL, &u)))
		return db_abort(db, rc);
	if (u.role == role && u.member_id == (member_id > 0 ? member_id : 0))
		return db_commit(db);
	if ((rc = keeps_a_board(db, &u, role == ROLE_BOARD, 1)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_SET_ROLE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, role_text(role), -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 3, member_id);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

static int set_disabled(struct db *db, const struct actor *who, int64_t id, int disable)
{
	int rc = need_board(db, who, disable ? "disable user accounts" : "enable user accounts");
	if (rc || (rc = db_begin(db, who)))
		return rc;
	struct user u;
	if ((rc = fetch(db, id, NULL, &u)))
		return db_abort(db, rc);
	if (disable ? u.disabled
		    : (!u.disabled && u.failed_logins == 0 && !u.locked_until[0]))
		return db_commit(db);  /* nothing to change */
	if (disable && (rc = keeps_a_board(db, &u, 1, 0)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, disable ? SQL_DISABLE : SQL_ENABLE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	if (!disable)
		memory_forget(db, u.username);
	return DB_OK;
}

int user_disable(struct db *db, const struct actor *who, int64_t id)
{
	return set_disabled(db, who, id, 1);
}

int user_enable(struct db *db, const struct actor *who, int64_t id)
{
	return set_disabled(db, who, id, 0);
}

/* ---- logging in --------------------------------------------------------- */

static int memory_open(struct db *db)
{
	return db_exec(db, SQL_MEM_CREATE);
}

static int memory_forget(struct db *db, const char *name)
{
	int rc = memory_open(db);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_MEM_FORGET);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, name);
	return db_step_done(db, st);
}

/* This terminal's lock for `name`: its end into `until`, "" for none. */
static int memory_lock(struct db *db, const char *name, char *until, size_t n)
{
	until[0] = '\0';
	sqlite3_stmt *st = db_prep(db, SQL_MEM_GET);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, name);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	db_col_text(st, 0, until, n);
	db_reset(st);
	return DB_OK;
}

/* Counts a refused attempt on this terminal; `until` gets the lock's end
 * ("" when not locked, or an old lock's end). */
static int memory_failed(struct db *db, const char *name, int64_t max_failures,
			 const char *lock_iso, const char *now_iso, char *until, size_t n)
{
	until[0] = '\0';
	sqlite3_stmt *st = db_prep(db, SQL_MEM_FAILED);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, name);
	sqlite3_bind_int64(st, 2, max_failures);
	sqlite3_bind_text(st, 3, lock_iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, now_iso, -1, SQLITE_TRANSIENT);
	int rc = db_step_row(db, st);
	if (rc)
		return rc == DB_NOTFOUND ? DB_OK : rc;
	db_col_text(st, 0, until, n);
	db_reset(st);
	return DB_OK;
}

static int locked_message(struct db *db, const char *until_iso, time_t now)
{
	time_t until;
	struct tm end, today;
	char when[48] = "later";
	if (clock_parse_iso(until_iso, &until) == 0 && localtime_r(&until, &end) &&
	    localtime_r(&now, &today)) {
		if (end.tm_year == today.tm_year && end.tm_yday == today.tm_yday)
			strftime(when, sizeof when, "%H:%M", &end);
		else
			strftime(when, sizeof when, "%H:%M on %d/%m/%Y", &end);
	}
	return db_set_error(db, DB_DENIED,
			    "too many failed attempts: this account is locked until %s", when);
}

/* What user_login reads of an account. */
struct login_account {
	int64_t id, member_id;
	char hash[PASSWORD_HASH_MAX];
	char role[16];
	char display_name[USER_DISPLAY_MAX * 4 + 1];
	int disabled;
	char locked_until[USER_INSTANT_LEN];
};

static void read_login(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct login_account *a = row;
	a->id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, a->hash, sizeof a->hash);
	db_col_text(st, 2, a->role, sizeof a->role);
	a->member_id = sqlite3_column_int64(st, 3);
	db_col_text(st, 4, a->display_name, sizeof a->display_name);
	a->disabled = sqlite3_column_int(st, 5) != 0;
	db_col_text(st, 6, a->locked_until, sizeof a->locked_until);
}

static int login_find(struct db *db, const char *name, struct login_account *a)
{
	memset(a, 0, sizeof *a);
	sqlite3_stmt *st = db_prep(db, SQL_LOGIN_FIND);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, name);
	return db_read_one(db, st, read_login, a, NULL, NULL);
}

/* One write of a login, in its own transaction, recorded as "login". A
 * co-op open for viewing only (db_read_only) keeps neither the last login
 * nor the count of failures: this terminal's memory of failures (the temp
 * table) still locks a name out after too many. */
static int login_write(struct db *db, int64_t user_id, const char *sql, int64_t num,
		       const char *text)
{
	struct actor login = { user_id, ROLE_SYSTEM, 0, "login" };
	if (db_read_only(db))
		return DB_OK;
	int rc = db_begin(db, &login);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, user_id);
	if (sql == SQL_LOGIN_OK) {
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_int64(st, 2, num);
		sqlite3_bind_text(st, 3, text, -1, SQLITE_TRANSIENT);
	}
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

static int64_t setting_or(struct db *db, const char *key, int64_t fallback)
{
	int64_t v;
	return setting_int(db, key, &v) == DB_OK && v > 0 ? v : fallback;
}

int user_login(struct db *db, const char *username, const char *password,
	       struct actor *out, char *display_name_buf, size_t n)
{
	char name[USER_NAME_MAX * 4 + 1], now_iso[USER_INSTANT_LEN], lock_iso[USER_INSTANT_LEN];
	char until[USER_INSTANT_LEN];
	memset(out, 0, sizeof *out);
	if (display_name_buf && n)
		display_name_buf[0] = '\0';
	/* Names longer than any username are cut: they match no account. */
	text_copy(name, sizeof name, username ? username : "");
	time_t now = clock_now();
	int64_t max_failures = setting_or(db, "login_max_failures", 5);
	int64_t minutes = setting_or(db, "lockout_minutes", 15);
	clock_format_iso(now, now_iso, sizeof now_iso);
	clock_format_iso(now + (time_t)minutes * 60, lock_iso, sizeof lock_iso);

	int rc = memory_open(db);
	if (!rc) {
		char day_ago[USER_INSTANT_LEN];
		clock_format_iso(now - 24 * 60 * 60, day_ago, sizeof day_ago);
		sqlite3_stmt *st = db_prep(db, SQL_MEM_PRUNE);
		if (!st)
			return db_status(db);
		sqlite3_bind_text(st, 1, day_ago, -1, SQLITE_TRANSIENT);
		rc = db_step_done(db, st);
	}
	if (rc || (rc = memory_lock(db, name, until, sizeof until)))
		return rc;
	if (until[0] && strcmp(until, now_iso) > 0)
		return locked_message(db, until, now);

	struct login_account a;
	rc = login_find(db, name, &a);
	if (rc && rc != DB_NOTFOUND)
		return rc;
	int found = rc == DB_OK;
	/* Always one yescrypt check: "" checks against a dummy. */
	int right = password_verify(password, found ? a.hash : "");
	explicit_bzero(a.hash, sizeof a.hash);
	/* No answer about the password (the machine had no memory for
	 * yescrypt): not a failed attempt, and the same for every name. */
	if (right < 0)
		return db_set_error(db, DB_BUSY, USER_PASSWORD_UNCHECKED);
	int live = found && !a.disabled &&
		   !(a.locked_until[0] && strcmp(a.locked_until, now_iso) > 0);

	if (live && right) {
		if ((rc = login_write(db, a.id, SQL_LOGIN_OK, 0, now_iso)))
			return rc;
		if ((rc = memory_forget(db, name)))
			return rc;
		out->user_id = a.id;
		out->role = access_role_parse(a.role);
		out->member_id = a.member_id;
		if (display_name_buf && n) {
			text_copy(display_name_buf, n, a.display_name);
			out->name = display_name_buf;
		} else {
			out->name = "a user";
		}
		return DB_OK;
	}
	if (live && (rc = login_write(db, a.id, SQL_LOGIN_FAILED, max_failures, lock_iso)))
		return rc;
	if ((rc = memory_failed(db, name, max_failures, lock_iso, now_iso, until, sizeof until)))
		return rc;
	if (until[0] && strcmp(until, now_iso) > 0)
		return locked_message(db, until, now);
	return db_set_error(db, DB_DENIED, USER_LOGIN_REFUSED);
}
