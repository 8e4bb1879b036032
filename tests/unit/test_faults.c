/* tests/unit/test_faults.c: every register's representative write under
 * injected faults, as SQLite's own tests do it (its malloc and I/O error
 * loops): for N = 1, 2, 3, ... the Nth memory allocation (or the Nth read,
 * write, sync or truncate of a file) made during the write fails, once,
 * until the write finishes without reaching N. At each N:
 *   - the write either fails with a message in words (db_errmsg, from
 *     src/db/errors.c: never SQLite's own words alone) and saved nothing
 *     (every table exactly as before, read through a second connection), or
 *     succeeded whole (every table's rows as a write without faults leaves
 *     them);
 *   - the file passes integrity_check and coopdesk's own checks (db_check);
 *   - the same write, faults off, then succeeds on the same connection.
 * A full disk is simulated by the same shim file system: any write that
 * would make a file bigger fails as ENOSPC does (SQLITE_FULL); every write
 * kind fails with "the disk is full", saves nothing, and succeeds once
 * space is freed; a backup to a full disk fails the same way, leaving no
 * half-made copy.
 *
 * Today is 2026-11-22 throughout. Set FAULTS_VERBOSE=1 to print the number
 * of faults injected per write (doc/reliability.md gives the figures). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <fcntl.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coopdesk/backup.h"
#include "coopdesk/check.h"
#include "coopdesk/decisions.h"
#include "coopdesk/homes.h"
#include "coopdesk/meetings.h"
#include "coopdesk/members.h"
#include "coopdesk/motions.h"
#include "coopdesk/rent.h"
#include "coopdesk/repairs.h"
#include "coopdesk/settings.h"
#include "coopdesk/shares.h"
#include "coopdesk/tenancies.h"
#include "testutil.h"

/* ---- the faults -------------------------------------------------------- */

enum fault_kind { FAULT_NONE, FAULT_MALLOC, FAULT_IO, FAULT_FULL };

static struct {
	enum fault_kind kind;
	long target;   /* the step that fails (FAULT_MALLOC, FAULT_IO) */
	long count;    /* steps seen since armed */
	long fired;    /* faults injected since armed */
} F;

static void arm(enum fault_kind kind, long target)
{
	F.kind = kind;
	F.target = target;
	F.count = 0;
	F.fired = 0;
}

static void disarm(void)
{
	F.kind = FAULT_NONE;
}

/* One more step of this kind: 1 when it is the one to fail. */
static int step_fails(enum fault_kind kind)
{
	if (F.kind != kind)
		return 0;
	if (++F.count != F.target)
		return 0;
	F.fired++;
	return 1;
}

static sqlite3_mem_methods real_mem;

static void *fault_malloc(int n)
{
	return step_fails(FAULT_MALLOC) ? NULL : real_mem.xMalloc(n);
}

static void *fault_realloc(void *p, int n)
{
	return step_fails(FAULT_MALLOC) ? NULL : real_mem.xRealloc(p, n);
}

/* The shim file system: the default one, with faults. */
static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;

struct shim_file {
	sqlite3_file base;
	sqlite3_file *real;   /* the real file, right after this struct */
};

#define REAL(f) (((struct shim_file *)(f))->real)

static int shim_close(sqlite3_file *f)
{
	return REAL(f)->pMethods->xClose(REAL(f));
}

static int shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
	if (step_fails(FAULT_IO))
		return SQLITE_IOERR_READ;
	return REAL(f)->pMethods->xRead(REAL(f), buf, n, off);
}

static int shim_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
	if (step_fails(FAULT_IO))
		return SQLITE_IOERR_WRITE;
	if (F.kind == FAULT_FULL) {
		sqlite3_int64 size = 0;
		REAL(f)->pMethods->xFileSize(REAL(f), &size);
		if (off + n > size) {
			F.fired++;
			return SQLITE_FULL;
		}
	}
	return REAL(f)->pMethods->xWrite(REAL(f), buf, n, off);
}

static int shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
	if (step_fails(FAULT_IO))
		return SQLITE_IOERR_TRUNCATE;
	return REAL(f)->pMethods->xTruncate(REAL(f), size);
}

static int shim_sync(sqlite3_file *f, int flags)
{
	if (step_fails(FAULT_IO))
		return SQLITE_IOERR_FSYNC;
	return REAL(f)->pMethods->xSync(REAL(f), flags);
}

static int shim_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), size);
}

static int shim_lock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xLock(REAL(f), lock);
}

static int shim_unlock(sqlite3_file *f, int lock)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), lock);
}

static int shim_check_lock(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}

static int shim_file_control(sqlite3_file *f, int op, void *arg)
{
	/* A disk that is full cannot grow a file ahead of time either. */
	if (op == SQLITE_FCNTL_SIZE_HINT && F.kind == FAULT_FULL)
		return SQLITE_OK;
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}

static int shim_sector_size(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}

static int shim_device(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}

static int shim_shm_map(sqlite3_file *f, int pg, int sz, int extend, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, extend, pp);
}

static int shim_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}

static void shim_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}

static int shim_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}

static const sqlite3_io_methods shim_io = {
	2, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
	shim_lock, shim_unlock, shim_check_lock, shim_file_control, shim_sector_size,
	shim_device, shim_shm_map, shim_shm_lock, shim_shm_barrier, shim_shm_unmap,
	NULL, NULL,
};

static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
	struct shim_file *s = (struct shim_file *)f;
	s->real = (sqlite3_file *)(s + 1);
	f->pMethods = NULL;
	int rc = real_vfs->xOpen(real_vfs, name, s->real, flags, out);
	if (s->real->pMethods)
		f->pMethods = &shim_io;
	return rc;
}

static void faults_install(void)
{
	assert_int_equal(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem), SQLITE_OK);
	sqlite3_mem_methods m = real_mem;
	m.xMalloc = fault_malloc;
	m.xRealloc = fault_realloc;
	assert_int_equal(sqlite3_config(SQLITE_CONFIG_MALLOC, &m), SQLITE_OK);
	/* Lookaside slots would hide allocations from the wrapper. */
	assert_int_equal(sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0), SQLITE_OK);
	assert_int_equal(sqlite3_initialize(), SQLITE_OK);
	real_vfs = sqlite3_vfs_find(NULL);
	assert_non_null(real_vfs);
	shim_vfs = *real_vfs;
	shim_vfs.zName = "faulty";
	shim_vfs.szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile;
	shim_vfs.xOpen = shim_open;
	assert_int_equal(sqlite3_vfs_register(&shim_vfs, 1), SQLITE_OK);
}

/* ---- the database's state ---------------------------------------------- */

#define MAX_TABLES 96

/* Every table's rows, as a hash of their values, and how many; read
 * through a connection of its own, so it is what is in the file. */
struct state {
	int ntables;
	char name[MAX_TABLES][64];
	int64_t rows[MAX_TABLES];
	uint64_t hash[MAX_TABLES];
};

static void hash_bytes(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		*h = (*h ^ b[i]) * 0x100000001b3u;
}

static void read_state(const char *path, struct state *s)
{
	sqlite3 *c = NULL;
	sqlite3_stmt *tables = NULL, *st = NULL;
	char sql[160];
	memset(s, 0, sizeof *s);
	assert_int_equal(sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(c, "SELECT name FROM sqlite_schema WHERE type = 'table'"
					     " ORDER BY name", -1, &tables, NULL), SQLITE_OK);
	while (sqlite3_step(tables) == SQLITE_ROW) {
		assert_true(s->ntables < MAX_TABLES);
		int i = s->ntables++;
		snprintf(s->name[i], sizeof s->name[i], "%s", sqlite3_column_text(tables, 0));
		snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", s->name[i]);
		assert_int_equal(sqlite3_prepare_v2(c, sql, -1, &st, NULL), SQLITE_OK);
		uint64_t h = 0xcbf29ce484222325u;
		while (sqlite3_step(st) == SQLITE_ROW) {
			s->rows[i]++;
			for (int col = 0; col < sqlite3_column_count(st); col++) {
				const void *b = sqlite3_column_blob(st, col);
				hash_bytes(&h, b ? b : "", (size_t)sqlite3_column_bytes(st, col));
				hash_bytes(&h, "|", 1);
			}
		}
		sqlite3_finalize(st);
		s->hash[i] = h;
	}
	sqlite3_finalize(tables);
	/* And the file is sound, page by page. */
	assert_int_equal(sqlite3_prepare_v2(c, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	if (strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0)
		fail_msg("integrity_check: %s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(c);
}

static int same_state(const struct state *a, const struct state *b)
{
	if (a->ntables != b->ntables)
		return 0;
	for (int i = 0; i < a->ntables; i++)
		if (strcmp(a->name[i], b->name[i]) || a->rows[i] != b->rows[i] ||
		    a->hash[i] != b->hash[i])
			return 0;
	return 1;
}

/* As many rows in every table (the values may differ: new uuids). */
static int same_rows(const struct state *a, const struct state *b)
{
	if (a->ntables != b->ntables)
		return 0;
	for (int i = 0; i < a->ntables; i++)
		if (strcmp(a->name[i], b->name[i]) || a->rows[i] != b->rows[i])
			return 0;
	return 1;
}

static void print_problem(const char *name, const char *problem, int warning, void *arg)
{
	(void)arg;
	if (problem && !warning)
		print_error("check: %s: %s\n", name, problem);
}

/* integrity_check, foreign keys and coopdesk's own rules all hold. */
static void assert_sound(struct db *db)
{
	int failures = -1;
	if (db_check(db, print_problem, NULL, &failures) != DB_OK)
		fail_msg("the check could not run: %s", db_errmsg(db));
	assert_int_equal(failures, 0);
}

/* ---- the co-op the writes are made on ---------------------------------- */

struct fx {
	int64_t member[6];    /* current members with a share each */
	int64_t home[3];      /* H-001 let to member[0]; H-002 and H-003 empty */
	int64_t tenancy;      /* of H-001 */
	int64_t repair;       /* reported on H-001 */
	int64_t repair_version;
	int64_t meeting;      /* a general meeting held today, opened */
	int64_t motion;
	int64_t member_version[6];
	int64_t setting_version;
};

static char fixture_path[64];
static struct fx fx;

static int64_t admit(struct db *db, const char *name)
{
	struct actor board = test_board();
	struct member m = { 0 };
	snprintf(m.name, sizeof m.name, "%s", name);
	strcpy(m.address, "1 Alder Street, Rochdale");
	if (share_admit(db, &board, &m, "2020-01-06"))
		fail_msg("admit %s: %s", name, db_errmsg(db));
	return m.id;
}

static void make_fixture(void)
{
	struct actor board = test_board();
	struct db *db = test_db_file(fixture_path);
	static const char *const names[6] = { "Ann Alder", "Ben Birch", "Cat Cedar",
					      "Dan Damson", "Eve Elm", "Fay Fir" };
	for (int i = 0; i < 6; i++)
		fx.member[i] = admit(db, names[i]);
	for (int i = 0; i < 3; i++) {
		struct home h = { 0 };
		snprintf(h.ref, sizeof h.ref, "H-00%d", i + 1);
		snprintf(h.address, sizeof h.address, "%d Alder Street, Rochdale", i + 1);
		assert_int_equal(home_create(db, &board, &h), DB_OK);
		fx.home[i] = h.id;
		assert_int_equal(rent_rate_set(db, &board, h.id, "2020-01-06", RENT_WEEKLY, 9500),
				 DB_OK);
	}
	struct tenancy *t = calloc(1, sizeof *t);
	t->home_id = fx.home[0];
	strcpy(t->start_date, "2020-01-06");
	assert_int_equal(tenancy_create(db, &board, t, &fx.member[0], 1), DB_OK);
	fx.tenancy = t->id;
	free(t);
	/* The rent is charged up to a month ago; the run test charges the rest. */
	assert_int_equal(rent_charge_run(db, &board, "2026-10-20", NULL), DB_OK);

	struct repair *r = calloc(1, sizeof *r);
	r->home_id = fx.home[0];
	strcpy(r->title, "Kitchen tap drips");
	strcpy(r->description, "The cold tap drips all night.");
	strcpy(r->location, "kitchen");
	r->priority = REPAIR_ROUTINE;
	r->reported_by_member = fx.member[0];
	assert_int_equal(repair_report(db, &board, r), DB_OK);
	fx.repair = r->id;
	fx.repair_version = r->version;
	free(r);

	struct meeting m = { 0 };
	m.kind = MEETING_GENERAL;
	strcpy(m.title, "General meeting");
	strcpy(m.held_on, "2026-11-22");
	assert_int_equal(meeting_create(db, &board, &m), DB_OK);
	fx.meeting = m.id;
	for (int i = 0; i < 4; i++)
		assert_int_equal(attendance_record(db, &board, m.id, fx.member[i],
						   ATTENDANCE_AT_START, NULL), DB_OK);
	assert_int_equal(meeting_open(db, &board, m.id, NULL), DB_OK);
	struct motion mo = { 0 };
	mo.meeting_id = m.id;
	strcpy(mo.title, "Paint the community room");
	strcpy(mo.text, "That the co-op paints the community room.");
	mo.resolution = RESOLUTION_ORDINARY;
	mo.proposer_id = fx.member[0];
	mo.seconder_id = fx.member[1];
	assert_int_equal(motion_add(db, &board, &mo), DB_OK);
	fx.motion = mo.id;
	assert_int_equal(motion_presence_add(db, &board, mo.id, fx.member[0]), DB_OK);

	for (int i = 0; i < 6; i++) {
		struct member got;
		assert_int_equal(member_get(db, &board, fx.member[i], &got), DB_OK);
		fx.member_version[i] = got.version;
	}
	struct setting s;
	assert_int_equal(setting_get(db, "repair_routine_days", &s), DB_OK);
	fx.setting_version = s.version;
	assert_sound(db);
	db_close(db);
}

/* ---- the writes, one per register -------------------------------------- */

static int w_admit(struct db *db)
{
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, "Gil Gorse");
	strcpy(m.address, "7 Alder Street, Rochdale");
	return share_admit(db, &board, &m, "2026-11-20");
}

static int w_share_cease(struct db *db)
{
	struct actor board = test_board();
	return share_cease(db, &board, fx.member[5], "2026-11-20", "moved away",
			   fx.member_version[5]);
}

static int w_tenancy_start(struct db *db)
{
	struct actor board = test_board();
	struct tenancy *t = calloc(1, sizeof *t);
	struct tenancy_occupant o = { 0 };
	int64_t who[2] = { fx.member[1], fx.member[2] };
	t->home_id = fx.home[1];
	strcpy(t->start_date, "2026-11-16");
	strcpy(o.name, "Hal Birch");
	strcpy(o.relationship, "son");
	int rc = tenancy_start(db, &board, t, who, 2, &o, 1);
	free(t);
	return rc;
}

static int w_rent_charge(struct db *db)
{
	struct actor board = test_board();
	return rent_charge_run(db, &board, "2026-11-22", NULL);
}

static int w_rent_payment(struct db *db)
{
	struct actor board = test_board();
	struct rent_new e = { 0 };
	e.tenancy_id = fx.tenancy;
	strcpy(e.entry_date, "2026-11-20");
	e.kind = RENT_PAYMENT;
	e.amount_pence = -9500;
	strcpy(e.method, "standing order");
	strcpy(e.description, "Rent");
	strcpy(e.reference, "SO 1234");
	return rent_record(db, &board, &e, NULL);
}

static int w_repair_log(struct db *db)
{
	struct actor board = test_board();
	struct repair *r = calloc(1, sizeof *r);
	r->home_id = fx.home[0];
	strcpy(r->title, "Back door sticks");
	strcpy(r->description, "The back door sticks in wet weather.");
	strcpy(r->location, "hall");
	r->priority = REPAIR_ROUTINE;
	r->reported_by_member = fx.member[0];
	int rc = repair_report(db, &board, r);
	free(r);
	return rc;
}

static int w_repair_move(struct db *db)
{
	struct actor board = test_board();
	return repair_move(db, &board, fx.repair, fx.repair_version, REPAIR_TRIAGED,
			   "seen by the office", 0);
}

static int w_attendance(struct db *db)
{
	struct actor board = test_board();
	return attendance_record(db, &board, fx.meeting, fx.member[4], ATTENDANCE_ARRIVED,
				 "19:20");
}

static int w_vote(struct db *db)
{
	struct actor board = test_board();
	return motion_vote(db, &board, fx.motion, fx.member[0], VOTE_FOR, 0);
}

static int w_decision(struct db *db)
{
	struct actor board = test_board();
	struct decision d = { 0 };
	strcpy(d.decided_on, "2026-11-20");
	strcpy(d.title, "New boiler contract");
	strcpy(d.text, "The board agreed to renew the boiler service contract.");
	return decision_add(db, &board, &d);
}

static int w_setting(struct db *db)
{
	struct actor board = test_board();
	return setting_set(db, &board, "repair_routine_days", "21", fx.setting_version);
}

struct write_kind {
	const char *name;
	int (*write)(struct db *db);
};

static const struct write_kind writes[] = {
	{ "member admitted", w_admit },
	{ "share forfeited (member ceases)", w_share_cease },
	{ "tenancy started", w_tenancy_start },
	{ "rent charged (rent run)", w_rent_charge },
	{ "rent payment recorded", w_rent_payment },
	{ "repair logged", w_repair_log },
	{ "repair moved", w_repair_move },
	{ "attendance recorded", w_attendance },
	{ "vote recorded", w_vote },
	{ "decision recorded", w_decision },
	{ "setting changed", w_setting },
};
#define NWRITES (sizeof writes / sizeof writes[0])

/* ---- the loops ---------------------------------------------------------- */

static void copy_file(const char *from, const char *to)
{
	char buf[65536];
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(in >= 0 && out >= 0);
	ssize_t n;
	while ((n = read(in, buf, sizeof buf)) > 0)
		assert_int_equal(write(out, buf, (size_t)n), n);
	close(in);
	close(out);
}

static char work_path[80];

static struct db *open_copy(void)
{
	struct db *db = NULL;
	char err[600];
	test_db_unlink(work_path);
	copy_file(fixture_path, work_path);
	if (db_open(work_path, 0, &db, err, sizeof err))
		fail_msg("db_open(%s): %s", work_path, err);
	return db;
}

/* A failure's words: one of the sentences of src/db/errors.c for a
 * machine that failed, in plain words, with nothing of SQLite's jargon. */
static void assert_words(struct db *db, int rc, enum fault_kind kind, const char *what, long n)
{
	const char *msg = db_errmsg(db);
	int ok;
	if (kind == FAULT_FULL)
		ok = rc == DB_IO && strcmp(msg, "the disk is full; nothing was saved") == 0;
	else if (kind == FAULT_MALLOC)
		ok = rc == DB_IO && strcmp(msg, "the computer ran out of memory; nothing was saved") == 0;
	else
		ok = rc == DB_IO && strstr(msg, "could not read or write the database file;"
					   " nothing was saved") != NULL;
	if (!ok)
		fail_msg("%s, fault at step %ld: status %d, message \"%s\"", what, n, rc, msg);
}

static const char *kind_name(enum fault_kind k)
{
	return k == FAULT_MALLOC ? "allocation" : k == FAULT_IO ? "I/O" : "disk full";
}

static long loops_total[3];
/* make check fails every 20th allocation (of a thousand or two a write
 * makes) and every 3rd read, write, sync or truncate; FAULTS_STRIDE=1
 * fails each one in turn (the long form: doc/reliability.md). */
static long malloc_stride = 20, io_stride = 3;

/* One write under faults of one kind at each step in turn. Returns the
 * number of faults injected. */
static long fault_loop(const struct write_kind *w, enum fault_kind kind)
{
	struct state before, after, ref, now;
	struct db *db;

	/* The write without faults: what "all of it" looks like. */
	db = open_copy();
	read_state(work_path, &before);
	if (w->write(db))
		fail_msg("%s without faults: %s", w->name, db_errmsg(db));
	assert_sound(db);
	db_close(db);
	read_state(work_path, &ref);
	assert_false(same_state(&before, &ref));

	long injected = 0, n, stride = kind == FAULT_MALLOC ? malloc_stride : io_stride;
	for (n = 1; n < 1000000; n += stride) {
		db = open_copy();
		arm(kind, n);
		int rc = w->write(db);
		long fired = F.fired;
		disarm();
		injected += fired;
		read_state(work_path, &after);
		if (rc == DB_OK) {
			if (!same_rows(&after, &ref))
				fail_msg("%s, %s fault at step %ld: saved, but not all of it",
					 w->name, kind_name(kind), n);
		} else {
			if (!fired)
				fail_msg("%s failed with no fault: %s", w->name, db_errmsg(db));
			assert_words(db, rc, kind, w->name, n);
			if (!same_state(&after, &before))
				fail_msg("%s, %s fault at step %ld: failed, yet changed the file",
					 w->name, kind_name(kind), n);
		}
		/* A file whose every row is as before passes coopdesk's checks as
		 * the fixture did (they read rows only) and read_state ran
		 * integrity_check on it: check it again only when it changed. */
		if (!same_state(&after, &before))
			assert_sound(db);
		if (rc != DB_OK) {
			/* Faults off: the same write now succeeds, whole. */
			if (w->write(db))
				fail_msg("%s after a %s fault at step %ld, faults off: %s", w->name,
					 kind_name(kind), n, db_errmsg(db));
			read_state(work_path, &now);
			if (!same_rows(&now, &ref))
				fail_msg("%s retried after a fault at step %ld: not all saved",
					 w->name, n);
		}
		db_close(db);
		if (!fired)
			break; /* the write ran to the end without reaching step n */
	}
	assert_true(n < 1000000); /* the write ended without a fault */
	test_db_unlink(work_path);
	if (getenv("FAULTS_VERBOSE"))
		fprintf(stderr, "# %-34s %-10s %5ld faults injected\n", w->name, kind_name(kind),
			injected);
	loops_total[kind - 1] += injected;
	return injected;
}

static void every_write_survives_failed_allocations(void **state)
{
	(void)state;
	for (size_t i = 0; i < NWRITES; i++)
		assert_true(fault_loop(&writes[i], FAULT_MALLOC) > 0);
}

static void every_write_survives_io_errors(void **state)
{
	(void)state;
	for (size_t i = 0; i < NWRITES; i++)
		assert_true(fault_loop(&writes[i], FAULT_IO) > 0);
}

/* A full disk: every write kind fails in words and saves nothing; freed,
 * the same connection saves it. */
static void every_write_fails_in_words_on_a_full_disk(void **state)
{
	(void)state;
	struct state before, after;
	for (size_t i = 0; i < NWRITES; i++) {
		struct db *db = open_copy();
		read_state(work_path, &before);
		arm(FAULT_FULL, 0);
		int rc = writes[i].write(db);
		long fired = F.fired;
		disarm();
		if (rc == DB_OK || !fired)
			fail_msg("%s on a full disk: saved (%ld refusals)", writes[i].name, fired);
		assert_words(db, rc, FAULT_FULL, writes[i].name, 0);
		read_state(work_path, &after);
		if (!same_state(&before, &after))
			fail_msg("%s on a full disk: changed the file", writes[i].name);
		loops_total[FAULT_FULL - 1] += fired;
		assert_sound(db);
		if (writes[i].write(db))
			fail_msg("%s once space is freed: %s", writes[i].name, db_errmsg(db));
		assert_sound(db);
		db_close(db);
	}
	test_db_unlink(work_path);
}

/* A backup to a full disk fails in words and leaves nothing at the place
 * asked for (nor its temporary file beside it); with space, it is made. */
static void a_backup_to_a_full_disk_fails_in_words(void **state)
{
	(void)state;
	char dest[96], err[600];
	struct db *db = open_copy();
	snprintf(dest, sizeof dest, "%s-backup", work_path);
	unlink(dest);
	arm(FAULT_FULL, 0);
	int rc = db_backup(db, dest, NULL, err, sizeof err);
	long fired = F.fired;
	disarm();
	assert_true(fired > 0);
	assert_int_equal(rc, DB_IO);
	if (!strstr(err, "the disk is full"))
		fail_msg("backup to a full disk: \"%s\"", err);
	assert_int_equal(access(dest, F_OK), -1);
	char dir[96];
	snprintf(dir, sizeof dir, "%s", work_path);
	*strrchr(dir, '/') = '\0';
	char cmd[256];
	snprintf(cmd, sizeof cmd, "ls %s | grep -c '%s-backup' > /dev/null", dir,
		 strrchr(work_path, '/') + 1);
	assert_int_not_equal(system(cmd), 0); /* no temporary file left */
	assert_int_equal(db_backup(db, dest, NULL, err, sizeof err), DB_OK);
	assert_int_equal(access(dest, F_OK), 0);
	db_close(db);
	unlink(dest);
	test_db_unlink(work_path);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	setenv("COOPDESK_NOW", "2026-11-22T12:00:00Z", 1);
	/* Thousands of small databases: in memory when the machine has a
	 * file system there (fsync is then free), else in TMPDIR or /tmp. */
	if (!getenv("TMPDIR") && access("/dev/shm", W_OK) == 0)
		setenv("TMPDIR", "/dev/shm", 1);
	faults_install();
	/* The sanitizers' second pass of make check (tests/run.sh): a third
	 * of the steps, the plain pass having taken them all. */
	if (getenv("COOPDESK_TEST_SHORTER")) {
		malloc_stride = 60;
		io_stride = 9;
	}
	if (getenv("FAULTS_STRIDE") && atol(getenv("FAULTS_STRIDE")) > 0)
		malloc_stride = io_stride = atol(getenv("FAULTS_STRIDE"));
	make_fixture();
	snprintf(work_path, sizeof work_path, "%s-work", fixture_path);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_write_survives_failed_allocations),
		cmocka_unit_test(every_write_survives_io_errors),
		cmocka_unit_test(every_write_fails_in_words_on_a_full_disk),
		cmocka_unit_test(a_backup_to_a_full_disk_fails_in_words),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	if (getenv("FAULTS_VERBOSE"))
		fprintf(stderr, "# in all: %ld allocation and %ld I/O faults (steps %ld and %ld"
			" apart), %ld disk-full refusals\n", loops_total[0], loops_total[1],
			malloc_stride, io_stride, loops_total[2]);
	test_db_unlink(fixture_path);
	return failed;
}
