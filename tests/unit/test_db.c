/* tests/unit/test_db.c: the connection and the helpers every aggregate
 * shares (src/db/db.c, src/db/util.c): the statement cache, a page read,
 * a read of one record, the lost-update check, the data version. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "../../src/db/dbint.h"
#include "coopdesk/contractors.h"
#include "coopdesk/settings.h"
#include "coopdesk/users.h"
#include "testutil.h"

static int setup(void **state)
{
	*state = test_db_new();
	return 0;
}

static int teardown(void **state)
{
	db_close(*state);
	return 0;
}

/* Far more distinct statements than the cache's first table holds: each is
 * prepared once, and asking again gives the same statement back. */
#define MANY_STATEMENTS (DB_STMT_SLOTS_FIRST * 6)
static char many_sql[MANY_STATEMENTS][32];

static void the_statement_cache_grows(void **state)
{
	struct db *db = *state;
	static sqlite3_stmt *first[MANY_STATEMENTS];
	size_t before = db->nstmts;   /* opening the database prepared a few */
	for (int i = 0; i < MANY_STATEMENTS; i++) {
		snprintf(many_sql[i], sizeof many_sql[i], "SELECT %d", i);
		first[i] = db_prep(db, many_sql[i]);
		if (!first[i])
			fail_msg("statement %d: %s", i, db_errmsg(db));
	}
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS);
	assert_true(db->nslots >= 2 * db->nstmts);
	for (int i = MANY_STATEMENTS - 1; i >= 0; i--) {
		sqlite3_stmt *st = db_prep(db, many_sql[i]);
		assert_ptr_equal(st, first[i]);
		assert_int_equal(db_step_row(db, st), DB_OK);
		assert_int_equal(sqlite3_column_int(st, 0), i);
		db_reset(st);
	}
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS);
	/* The same text at another address is another statement. */
	static char again[32];
	memcpy(again, many_sql[7], sizeof again);
	assert_ptr_not_equal(db_prep(db, again), first[7]);
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS + 1);
	/* A wrong statement is refused in words and takes no slot. */
	static const char wrong[] = "SELEC 1";
	assert_null(db_prep(db, wrong));
	assert_int_equal(db_status(db), DB_ERROR);
	assert_non_null(strstr(db_errmsg(db), "syntax error"));
	assert_int_equal(db->nstmts, before + MANY_STATEMENTS + 1);
}

/* A scratch table of ten rows, "one" to "ten", for the page and get helpers. */
static const char *const words[] = {
	"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"
};

static void scratch(struct db *db)
{
	static const char insert[] = "INSERT INTO scratch (id, word) VALUES (?1, ?2)";
	assert_int_equal(db_exec(db, "CREATE TEMP TABLE scratch (id INTEGER PRIMARY KEY, word TEXT)"),
			 DB_OK);
	for (int i = 0; i < 10; i++) {
		sqlite3_stmt *st = db_prep(db, insert);
		assert_non_null(st);
		sqlite3_bind_int(st, 1, i + 1);
		db_bind_text(st, 2, words[i]);
		assert_int_equal(db_step_done(db, st), DB_OK);
	}
}

struct word {
	int64_t id;
	char text[24];
};

/* ctx: a prefix, to show that it reaches the reader. */
static void read_word(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct word *r = row;
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	snprintf(r->text, sizeof r->text, "%s%s", ctx ? (const char *)ctx : "",
		 (const char *)sqlite3_column_text(st, 1));
}

static const char *const SCRATCH_PAGE[4] = {
	[PAGE_FIRST] = "SELECT id, word FROM scratch ORDER BY id LIMIT ?2",
	[PAGE_LAST] = "SELECT id, word FROM scratch ORDER BY id DESC LIMIT ?2",
	[PAGE_AFTER] = "SELECT id, word FROM scratch WHERE id > ?1 ORDER BY id LIMIT ?2",
	[PAGE_BEFORE] = "SELECT id, word FROM scratch WHERE id < ?1 ORDER BY id DESC LIMIT ?2",
};

/* One page through the helpers, as an X_page does it. */
static int scratch_page(struct db *db, enum page_dir dir, int64_t after, int max,
			struct word *rows, int *n)
{
	struct page_key key = { .id = after };
	*n = -1;
	int rc = db_page_args(db, "scratch_page", 0, dir, after ? &key : NULL, max);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SCRATCH_PAGE[dir]);
	assert_non_null(st);
	sqlite3_bind_int64(st, 1, after);
	sqlite3_bind_int(st, 2, max);
	rc = db_page_read(db, st, dir, rows, max, sizeof *rows, read_word, "w:", n);
	assert_int_equal(sqlite3_stmt_busy(st), 0);   /* reset: no read left open */
	return rc;
}

static void expect_ids(const struct word *rows, int n, int first, int count)
{
	assert_int_equal(n, count);
	for (int i = 0; i < n; i++) {
		char want[24];
		snprintf(want, sizeof want, "w:%s", words[first - 1 + i]);
		assert_int_equal(rows[i].id, first + i);
		assert_string_equal(rows[i].text, want);
	}
}

static void a_page_reads_both_ways_in_display_order(void **state)
{
	struct db *db = *state;
	struct word rows[12];
	int n;
	scratch(db);
	assert_int_equal(scratch_page(db, PAGE_FIRST, 0, 4, rows, &n), DB_OK);
	expect_ids(rows, n, 1, 4);
	assert_int_equal(scratch_page(db, PAGE_AFTER, 4, 4, rows, &n), DB_OK);
	expect_ids(rows, n, 5, 4);
	assert_int_equal(scratch_page(db, PAGE_LAST, 0, 4, rows, &n), DB_OK);
	expect_ids(rows, n, 7, 4);
	assert_int_equal(scratch_page(db, PAGE_BEFORE, 7, 4, rows, &n), DB_OK);
	expect_ids(rows, n, 3, 4);
	assert_int_equal(scratch_page(db, PAGE_BEFORE, 3, 4, rows, &n), DB_OK);
	expect_ids(rows, n, 1, 2);
	assert_int_equal(scratch_page(db, PAGE_FIRST, 0, 12, rows, &n), DB_OK);
	expect_ids(rows, n, 1, 10);
	assert_int_equal(scratch_page(db, PAGE_AFTER, 10, 4, rows, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(scratch_page(db, PAGE_FIRST, 0, 0, rows, &n), DB_OK);
	assert_int_equal(n, 0);
	/* The reader never writes past max, whatever the LIMIT says. */
	sqlite3_stmt *st = db_prep(db, SCRATCH_PAGE[PAGE_FIRST]);
	sqlite3_bind_int(st, 2, 10);
	memset(rows, 0x55, sizeof rows);
	assert_int_equal(db_page_read(db, st, PAGE_FIRST, rows, 3, sizeof *rows, read_word, NULL, &n),
			 DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[3].id, 0x5555555555555555);
	assert_int_equal(sqlite3_stmt_busy(st), 0);
}

static void bad_page_arguments_are_a_callers_bug(void **state)
{
	struct db *db = *state;
	struct page_key key = { .id = 1 };
	const char *said = "scratch_page: bad sort, filter, direction, size or key";
	assert_int_equal(db_page_args(db, "scratch_page", 0, PAGE_FIRST, NULL, 10), DB_OK);
	assert_int_equal(db_page_args(db, "scratch_page", 0, PAGE_LAST, NULL, 0), DB_OK);
	assert_int_equal(db_page_args(db, "scratch_page", 0, PAGE_BEFORE, &key, 10), DB_OK);
	assert_int_equal(db_page_args(db, "scratch_page", 0, PAGE_AFTER, NULL, 10), DB_INVALID);
	assert_string_equal(db_errmsg(db), said);
	assert_int_equal(db_page_args(db, "scratch_page", 0, PAGE_BEFORE, NULL, 10), DB_INVALID);
	assert_int_equal(db_page_args(db, "scratch_page", 0, (enum page_dir)4, &key, 10), DB_INVALID);
	assert_int_equal(db_page_args(db, "scratch_page", 0, (enum page_dir)-1, &key, 10),
			 DB_INVALID);
	assert_int_equal(db_page_args(db, "scratch_page", 0, PAGE_FIRST, NULL, -1), DB_INVALID);
	assert_int_equal(db_page_args(db, "scratch_page", 1, PAGE_FIRST, NULL, 10), DB_INVALID);
	assert_string_equal(db_errmsg(db), said);
}

static void a_record_is_read_or_not_found_in_words(void **state)
{
	struct db *db = *state;
	static const char get[] = "SELECT id, word FROM scratch WHERE id = ?1";
	struct word w;
	scratch(db);
	assert_int_equal(db_get(db, get, 3, read_word, &w, NULL, "there is no such word"), DB_OK);
	assert_int_equal(w.id, 3);
	assert_string_equal(w.text, "three");
	assert_int_equal(sqlite3_stmt_busy(db_prep(db, get)), 0);
	memset(&w, 0x55, sizeof w);
	assert_int_equal(db_get(db, get, 11, read_word, &w, NULL, "there is no such word"),
			 DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such word");
	assert_int_equal(w.id, 0x5555555555555555);   /* untouched */
	/* No sentence: the caller says it; the last message stays. */
	db_set_error(db, DB_INVALID, "an earlier message");
	assert_int_equal(db_get(db, get, 0, read_word, &w, NULL, NULL), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "an earlier message");
	/* A bound statement of the caller's own, with ctx. */
	static const char by_word[] = "SELECT id, word FROM scratch WHERE word = ?1";
	sqlite3_stmt *st = db_prep(db, by_word);
	db_bind_text(st, 1, "seven");
	assert_int_equal(db_read_one(db, st, read_word, &w, "w:", "none"), DB_OK);
	assert_string_equal(w.text, "w:seven");
	assert_int_equal(sqlite3_stmt_busy(st), 0);
}

static void a_lost_update_says_who_or_that_it_is_gone(void **state)
{
	struct db *db = *state;
	static const char rename[] =
		"UPDATE contractors SET name = ?3, version = version + 1 WHERE id = ?1 AND version = ?2";
	static const char exists[] = "SELECT 1 FROM contractors WHERE id = ?1";
	struct actor board = test_board();
	struct contractor c = { 0 };
	strcpy(c.name, "Calder Glazing");
	strcpy(c.trade, "glazing");
	assert_int_equal(contractor_create(db, &board, &c), DB_OK);
	for (int version = 2; version >= 1; version--) {
		sqlite3_stmt *st = db_prep(db, rename);
		sqlite3_bind_int64(st, 1, c.id);
		sqlite3_bind_int64(st, 2, version);
		db_bind_text(st, 3, "Calder Glass");
		assert_int_equal(db_step_done(db, st), DB_OK);
		int rc = db_updated(db, exists, "contractors", c.id, "this contractor",
				    "there is no such contractor");
		if (version == 2) {   /* stale: someone (the board, creating it) was first */
			assert_int_equal(rc, DB_CONFLICT);
			assert_non_null(strstr(db_errmsg(db),
					       "this contractor was changed by test board at "));
		} else {
			assert_int_equal(rc, DB_OK);
		}
	}
	sqlite3_stmt *st = db_prep(db, rename);
	sqlite3_bind_int64(st, 1, c.id + 1);
	sqlite3_bind_int64(st, 2, 1);
	assert_int_equal(db_step_done(db, st), DB_OK);
	assert_int_equal(db_updated(db, exists, "contractors", c.id + 1, "this contractor",
				    "there is no such contractor"), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such contractor");
}

/* A setting is found by its key: the trail knows it by its rowid. */
static void a_lost_update_of_a_setting_says_who(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, "min_member_age", &s), DB_OK);
	assert_int_equal(setting_set(db, &board, "min_member_age", "17", s.version), DB_OK);
	assert_int_equal(setting_set(db, &board, "min_member_age", "18", s.version), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(db), "that setting was changed by test board at "));
	assert_int_equal(setting_set(db, &board, "no_such_key", "1", 1), DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no setting 'no_such_key'");
	assert_int_equal(setting_get(db, "min_member_age", &s), DB_OK);
	assert_string_equal(s.value, "17");
}

/* Another terminal's commit moves this connection's data version; its own
 * changes do not. */
/* A write of any kind: one contractor, saved. */
static struct contractor add_contractor(struct db *db, const struct actor *who)
{
	struct contractor c = { 0 };
	strcpy(c.name, "Todmorden Tiling");
	assert_int_equal(contractor_create(db, who, &c), DB_OK);
	return c;
}

static void the_data_version_shows_another_terminals_change(void **state)
{
	(void)state;
	char path[64], err[600];
	struct db *here = test_db_file(path), *there = NULL;
	assert_int_equal(db_open(path, 0, &there, err, sizeof err), DB_OK);
	struct actor board = test_board();
	int64_t v0, v1, v2, v3, w0, w1;
	assert_int_equal(db_data_version(here, &v0), DB_OK);
	assert_int_equal(db_data_version(there, &w0), DB_OK);
	assert_int_equal(db_data_version(here, &v1), DB_OK);
	assert_true(v1 == v0);                           /* nothing happened */

	struct contractor c = add_contractor(there, &board);
	assert_int_equal(db_data_version(here, &v2), DB_OK);
	assert_true(v2 != v1);                           /* the other terminal's */
	assert_int_equal(db_data_version(there, &w1), DB_OK);
	assert_true(w1 == w0);                           /* not its own */

	strcpy(c.name, "Todmorden Tiles");
	assert_int_equal(contractor_update(here, &board, &c), DB_OK);
	assert_int_equal(db_data_version(here, &v3), DB_OK);
	assert_true(v3 == v2);
	assert_int_equal(db_data_version(there, &w1), DB_OK);
	assert_true(w1 != w0);
	/* A transaction rolled back changes nothing anywhere. */
	assert_int_equal(db_data_version(there, &w0), DB_OK);
	assert_int_equal(db_begin(here, &board), DB_OK);
	assert_int_equal(contractor_set_in_use(here, &board, c.id, c.version, 0), DB_OK);
	db_rollback(here);
	assert_int_equal(db_data_version(there, &w1), DB_OK);
	assert_true(w1 == w0);
	db_close(there);
	db_close(here);
	test_db_unlink(path);
}

/* SQLite runs without its mutexes and its count of memory in use (one
 * thread; library_once in db.c): after real work the count is still 0. */
static void sqlite_keeps_no_count_of_memory(void **state)
{
	struct db *db = *state;
	struct actor board = test_board();
	add_contractor(db, &board);
	assert_true(sqlite3_memory_used() == 0);
}

/* A new file built in one transaction (coopdesk demo): its journal in
 * memory while it is built, so no page goes to a WAL; then back in WAL
 * mode, as every co-op is, and a checkpoint works though a TEMP table is
 * there (the bulk path's copies; a checkpoint of every schema failed on
 * the TEMP one after main's mode changed). */
static void a_new_file_is_built_without_a_wal_and_ends_in_wal_mode(void **state)
{
	(void)state;
	char path[64], wal[80];
	struct db *db = test_db_file(path);
	struct actor board = test_board();
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_equal(db_checkpoint(db), DB_OK);
	assert_int_equal(db_build_journal(db, 1), DB_OK);
	assert_int_equal(db_exec(db, "CREATE TEMP TABLE copy (x)"), DB_OK);
	assert_int_equal(db_exec(db, "INSERT INTO temp.copy VALUES (1)"), DB_OK);
	assert_int_equal(db_begin(db, &board), DB_OK);
	add_contractor(db, &board);
	assert_int_equal(db_commit(db), DB_OK);
	FILE *f = fopen(wal, "rb");
	long wal_bytes = 0;
	if (f) {
		fseek(f, 0, SEEK_END);
		wal_bytes = ftell(f);
		fclose(f);
	}
	assert_int_equal(wal_bytes, 0);                  /* nothing went to a WAL */
	assert_int_equal(db_build_journal(db, 0), DB_OK);
	assert_int_equal(db_checkpoint(db), DB_OK);
	db_close(db);

	sqlite3 *raw;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM audit WHERE table_name ="
					    " 'contractors'", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1);  /* saved, and audited */
	sqlite3_finalize(st);
	sqlite3_close(raw);
	test_db_unlink(path);
}

/* Opened for viewing: reads work, login works and keeps nothing (no last
 * login, no failure count), every write is refused in words at db_begin. */
static void a_read_only_coop_reads_logs_in_and_saves_nothing(void **state)
{
	(void)state;
	char path[64], err[600], name[64];
	struct db *db = test_db_file(path);
	struct actor system = actor_system("test"), who;
	assert_null(db_read_only(db));
	assert_int_equal(user_create(db, &system, "ann", "Ann", ROLE_BOARD, 0,
				     "ann-pass-12345", NULL), DB_OK);
	db_close(db);
	assert_int_equal(db_open(path, DB_OPEN_READONLY, &db, err, sizeof err), DB_OK);
	assert_string_equal(db_read_only(db), "it was opened with --read-only");
	int64_t v0, v1;
	assert_int_equal(db_data_version(db, &v0), DB_OK);
	assert_int_equal(user_login(db, "ann", "wrong-pass-999", &who, name, sizeof name),
			 DB_DENIED);
	assert_int_equal(user_login(db, "ann", "ann-pass-12345", &who, name, sizeof name), DB_OK);
	assert_int_equal(who.role, ROLE_BOARD);
	struct user u;
	assert_int_equal(user_get_by_name(db, &system, "ann", &u), DB_OK);
	assert_int_equal(u.failed_logins, 0);
	assert_string_equal(u.last_login_at, "");
	struct setting st;
	assert_int_equal(setting_get(db, "quorum_percent", &st), DB_OK);
	assert_int_equal(setting_set(db, &who, "quorum_percent", "30", st.version), DB_IO);
	assert_string_equal(db_errmsg(db), "not saved: it was opened with --read-only, so changes"
			    " cannot be saved");
	assert_int_equal(db_begin(db, &who), DB_IO);
	assert_false(db_in_transaction(db));
	assert_int_equal(db_data_version(db, &v1), DB_OK);
	assert_true(v1 == v0);
	db_close(db);
	test_db_unlink(path);
}

/* The quick look at open: a sound file, whole or by its tables' ends, is
 * not called damaged. */
static void a_sound_file_is_not_called_damaged(void **state)
{
	(void)state;
	char path[64];
	struct db *db = test_db_file(path);
	assert_int_equal(db_quick_look(db, DB_QUICK_LOOK_PAGES), 0);
	assert_int_equal(db_quick_look(db, 0), 0); /* by the ends */
	assert_null(db_damaged(db));
	db_close(db);
	test_db_unlink(path);
}

static int64_t scratch_rows(struct db *db)
{
	static const char count[] = "SELECT count(*) FROM flat_scratch";
	sqlite3_stmt *st = db_prep(db, count);
	assert_non_null(st);
	assert_int_equal(db_step_row(db, st), DB_OK);
	int64_t n = sqlite3_column_int64(st, 0);
	db_reset(st);
	return n;
}

static void add_row(struct db *db, int v)
{
	static const char insert[] = "INSERT INTO flat_scratch (v) VALUES (?1)";
	sqlite3_stmt *st = db_prep(db, insert);
	assert_non_null(st);
	sqlite3_bind_int(st, 1, v);
	assert_int_equal(db_step_done(db, st), DB_OK);
}

/* db_begin_flat (the rent run's): inside a transaction it takes no
 * savepoint, yet its work is still all or nothing: kept when it commits,
 * and when it fails, the level around it is rolled back at its commit
 * rather than keep half of it; a savepoint around it that rolls back
 * undoes it and ends the matter. At the top it is a transaction. */
static void a_flat_level_is_all_or_nothing(void **state)
{
	struct db *db = *state;
	struct actor board = actor_system("test");
	assert_int_equal(db_exec(db, "CREATE TEMP TABLE flat_scratch (v INTEGER)"), DB_OK);

	/* At the top: its own transaction. */
	assert_int_equal(db_begin_flat(db, &board), DB_OK);
	assert_true(db_in_transaction(db));
	add_row(db, 1);
	assert_int_equal(db_commit(db), DB_OK);
	assert_false(db_in_transaction(db));
	assert_int_equal(scratch_rows(db), 1);

	/* Inside a transaction, committed: kept with it. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	assert_int_equal(db_begin_flat(db, &board), DB_OK);
	assert_int_equal(db->depth, 2);
	add_row(db, 2);
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(scratch_rows(db), 2);

	/* Inside a transaction, failed half way: the caller's commit keeps
	 * nothing, and says the failure's status. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	add_row(db, 3);
	assert_int_equal(db_begin_flat(db, &board), DB_OK);
	add_row(db, 4);
	assert_int_equal(db_abort(db, db_set_error(db, DB_INVALID, "half way")), DB_INVALID);
	assert_int_equal(db->depth, 1);
	assert_int_equal(db_commit(db), DB_INVALID);
	assert_false(db_in_transaction(db));
	assert_int_equal(scratch_rows(db), 2);
	/* The next transaction starts clean. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	add_row(db, 5);
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(scratch_rows(db), 3);

	/* Failed inside a savepoint that is rolled back: only that is lost. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	add_row(db, 6);
	assert_int_equal(db_begin(db, &board), DB_OK);
	assert_int_equal(db_begin_flat(db, &board), DB_OK);
	add_row(db, 7);
	db_rollback(db);
	db_rollback(db);
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(scratch_rows(db), 4);

	/* Failed inside a savepoint that tries to commit: that savepoint is
	 * rolled back instead; the rest is kept. */
	assert_int_equal(db_begin(db, &board), DB_OK);
	add_row(db, 8);
	assert_int_equal(db_begin(db, &board), DB_OK);
	assert_int_equal(db_begin_flat(db, &board), DB_OK);
	add_row(db, 9);
	db_set_error(db, DB_CONFLICT, "changed meanwhile");
	db_rollback(db);
	assert_int_equal(db_commit(db), DB_CONFLICT);
	assert_int_equal(db->depth, 1);
	assert_int_equal(db_commit(db), DB_OK);
	assert_int_equal(scratch_rows(db), 5);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(the_statement_cache_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(a_page_reads_both_ways_in_display_order, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_page_arguments_are_a_callers_bug, setup, teardown),
		cmocka_unit_test_setup_teardown(a_record_is_read_or_not_found_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(a_lost_update_says_who_or_that_it_is_gone, setup,
						teardown),
		cmocka_unit_test_setup_teardown(a_lost_update_of_a_setting_says_who, setup, teardown),
		cmocka_unit_test(the_data_version_shows_another_terminals_change),
		cmocka_unit_test(a_read_only_coop_reads_logs_in_and_saves_nothing),
		cmocka_unit_test(a_sound_file_is_not_called_damaged),
		cmocka_unit_test(a_new_file_is_built_without_a_wal_and_ends_in_wal_mode),
		cmocka_unit_test_setup_teardown(sqlite_keeps_no_count_of_memory, setup, teardown),
		cmocka_unit_test_setup_teardown(a_flat_level_is_all_or_nothing, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
