/* tests/unit/test_repairs.c: repairs, their events, the list and RP02
 * (src/db/repairs.c). The clock is fixed: COOPDESK_NOW 2026-11-22T10:00:00Z
 * (a Sunday), COOPDESK_TODAY 2026-11-22.
 *
 * Homes and tenancies are written straight into the database file by a
 * second SQLite connection (the fixture), so that these tests depend only
 * on the members and repairs APIs. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/check.h"
#include "coopdesk/contractors.h"
#include "coopdesk/members.h"
#include "coopdesk/repair_bulk.h"
#include "coopdesk/repairs.h"
#include "coopdesk/settings.h"
#include "coopdesk/summary.h"
#include "coopdesk/zone.h"
#include "testutil.h"
#include "../../src/db/dbint.h"

#define NOW "2026-11-22T10:00:00Z"

struct fx {
	struct db *db;
	char path[64];
	int64_t alice, bob;        /* alice lives in home 1 (and once in 3), bob in 2 */
	int64_t plumber, retired;  /* contractors: in use, not in use */
};

static int64_t add_member(struct db *db, const char *name)
{
	struct actor board = test_board();
	struct member m = { 0 };
	strcpy(m.name, name);
	strcpy(m.address, "Rochdale");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	return m.id;
}

static void raw_exec(struct fx *f, const char *sql)
{
	sqlite3 *c;
	assert_int_equal(sqlite3_open(f->path, &c), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(c, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("fixture: %s", err);
	sqlite3_close(c);
}

static int64_t raw_int(struct fx *f, const char *sql)
{
	sqlite3 *c;
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_open(f->path, &c), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(c, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(c);
	return v;
}

/* SQL read on the fixture's own connection: its TEMP tables, its open
 * transaction. An int, or the text into OUT when OUT is not NULL. */
static int64_t own_read(struct fx *f, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(f->db->conn, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	if (out)
		snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct actor board = test_board();
	f->db = test_db_file(f->path);
	f->alice = add_member(f->db, "Alice Tenant");
	f->bob = add_member(f->db, "Bob Neighbour");
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "INSERT INTO homes (id, uuid, ref, address) VALUES"
		 " (1, '00000000-0000-0000-0000-000000000001', 'H-001', '1 Alder Street'),"
		 " (2, '00000000-0000-0000-0000-000000000002', 'H-002', '2 Alder Street'),"
		 " (3, '00000000-0000-0000-0000-000000000003', 'H-003', '3 Alder Street');"
		 "INSERT INTO tenancies (id, uuid, home_id, start_date, end_date) VALUES"
		 " (1, '00000000-0000-0000-0000-000000000011', 1, '2021-07-01', NULL),"
		 " (2, '00000000-0000-0000-0000-000000000012', 2, '2021-01-01', NULL),"
		 " (3, '00000000-0000-0000-0000-000000000013', 3, '2020-06-01', '2021-06-01');"
		 "INSERT INTO tenancy_signatories (tenancy_id, member_id) VALUES"
		 " (1, %lld), (2, %lld), (3, %lld);",
		 (long long)f->alice, (long long)f->bob, (long long)f->alice);
	raw_exec(f, sql);
	struct contractor c = { 0 };
	strcpy(c.name, "Pennine Plumbing");
	assert_int_equal(contractor_create(f->db, &board, &c), DB_OK);
	f->plumber = c.id;
	strcpy(c.name, "Gone Bust Ltd");
	assert_int_equal(contractor_create(f->db, &board, &c), DB_OK);
	f->retired = c.id;
	assert_int_equal(contractor_set_in_use(f->db, &board, c.id, 1, 0), DB_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	setenv("COOPDESK_NOW", NOW, 1);
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	db_close(f->db);
	test_db_unlink(f->path);
	free(f);
	return 0;
}

/* Reports a repair; returns its id. `at` NULL for now. */
static int64_t report(struct fx *f, const struct actor *who, int64_t home, const char *title,
		      enum repair_priority p, const char *at)
{
	struct repair r = { 0 };
	r.home_id = home;
	snprintf(r.title, sizeof r.title, "%s", title);
	r.priority = p;
	if (at)
		snprintf(r.reported_at, sizeof r.reported_at, "%s", at);
	assert_int_equal(repair_report(f->db, who, &r), DB_OK);
	return r.id;
}

static int64_t version_of(struct fx *f, int64_t id)
{
	struct actor board = test_board();
	struct repair r;
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	return r.version;
}

static void move(struct fx *f, int64_t id, enum repair_status to, const char *note,
		 const char *at)
{
	struct actor board = test_board();
	int rc = repair_move_at(f->db, &board, id, version_of(f, id), to, note,
				to == REPAIR_ASSIGNED ? f->plumber : 0, at);
	if (rc)
		fail_msg("move to %s: %s", repair_status_name(to), db_errmsg(f->db));
}

/* Takes an open repair through to completed at `at`. */
static void complete(struct fx *f, int64_t id, const char *at)
{
	move(f, id, REPAIR_TRIAGED, "", at);
	move(f, id, REPAIR_ASSIGNED, "", at);
	move(f, id, REPAIR_IN_PROGRESS, "", at);
	move(f, id, REPAIR_COMPLETED, "done", at);
}

static int events(struct fx *f, int64_t id, struct repair_event *ev, int max)
{
	struct actor board = test_board();
	int n;
	assert_int_equal(repair_events_page(f->db, &board, id, PAGE_FIRST, NULL, ev, max, &n), DB_OK);
	return n;
}

/* ---- reporting and targets ------------------------------------------------ */

static void report_sets_target_event_counts_and_audit(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t audit0 = raw_int(f, "SELECT max(id) FROM audit");
	struct repair r = { 0 }, got;
	r.home_id = 1;
	strcpy(r.title, "Kitchen tap drips");
	strcpy(r.description, "Cold tap drips all night");
	strcpy(r.location, "kitchen");
	r.priority = REPAIR_ROUTINE;
	r.reported_by_member = f->alice;
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	assert_string_equal(r.ref, "R-000001");
	assert_string_equal(r.reported_at, NOW);
	/* Sunday 22 Nov + 28 working days, over Christmas and New Year. */
	assert_string_equal(r.target_at, "2027-01-04");
	assert_int_equal(r.version, 1);
	assert_int_equal(r.status, REPAIR_REPORTED);

	assert_int_equal(repair_get(f->db, &board, r.id, &got), DB_OK);
	assert_string_equal(got.title, "Kitchen tap drips");
	assert_string_equal(got.home_ref, "H-001");
	assert_string_equal(got.reported_by_name, "Alice Tenant");
	assert_string_equal(got.location, "kitchen");
	assert_int_equal(got.priority, REPAIR_ROUTINE);
	assert_int_equal(got.has_cost, 0);
	assert_int_equal(got.overdue, 0);
	assert_string_equal(got.ref, "R-000001");

	struct repair_event ev[4];
	assert_int_equal(events(f, r.id, ev, 4), 1);
	assert_int_equal(ev[0].from_status, REPAIR_NO_STATUS);
	assert_int_equal(ev[0].to_status, REPAIR_REPORTED);
	assert_string_equal(ev[0].actor, "test board");
	assert_string_equal(ev[0].at, NOW);

	int64_t all, open;
	assert_int_equal(repair_count(f->db, &all, &open), DB_OK);
	assert_int_equal(all, 1);
	assert_int_equal(open, 1);
	/* Exactly the repair and its event, both naming the actor. */
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld", (long long)audit0);
	assert_int_equal(raw_int(f, sql), 2);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld AND actor = 'test board'"
		 " AND action = 'insert' AND table_name IN ('repairs', 'repair_events')",
		 (long long)audit0);
	assert_int_equal(raw_int(f, sql), 2);
}

static void targets_follow_settings_weekends_and_bank_holidays(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair r;
	const char *fri = "2026-12-18T16:30:00Z";
	setenv("COOPDESK_NOW", "2026-12-18T17:00:00Z", 1);   /* back in teardown */
	int64_t id = report(f, &board, 1, "Routine", REPAIR_ROUTINE, fri);
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_string_equal(r.target_at, "2027-02-01");
	id = report(f, &board, 1, "Emergency", REPAIR_EMERGENCY, fri);
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-12-19T16:30:00Z");

	static const struct { int days; const char *due; } rtr[] = {
		{ 1, "2026-12-21" }, { 3, "2026-12-23" }, { 7, "2026-12-31" },
	};
	for (int i = 0; i < 3; i++) {
		memset(&r, 0, sizeof r);
		r.home_id = 2;
		strcpy(r.title, "Right to Repair");
		strcpy(r.rtr_defect, "total loss of water");
		r.rtr_days = rtr[i].days;
		r.priority = REPAIR_ROUTINE;
		strcpy(r.reported_at, fri);
		assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
		assert_string_equal(r.target_at, rtr[i].due);
	}

	/* The board changes the urgent target: new reports follow it. */
	struct setting s;
	assert_int_equal(setting_get(f->db, "repair_urgent_days", &s), DB_OK);
	assert_int_equal(setting_set(f->db, &board, "repair_urgent_days", "2", s.version), DB_OK);
	setenv("COOPDESK_NOW", NOW, 1);
	id = report(f, &board, 1, "Urgent", REPAIR_URGENT, NULL);
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-11-24");
}

static void bad_input_is_refused_in_words(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair r = { 0 };
	r.home_id = 1;
	r.priority = REPAIR_ROUTINE;
	strcpy(r.title, "  ");
	assert_int_equal(repair_report(f->db, &board, &r), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "a repair's summary is 1 to 80 characters");
	memset(r.title, 'x', 81);
	r.title[81] = '\0';
	assert_int_equal(repair_report(f->db, &board, &r), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "a repair's summary is 1 to 80 characters");
	strcpy(r.title, "Ok");
	r.priority = REPAIR_PRIORITY_NONE;
	assert_int_equal(repair_report(f->db, &board, &r), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a priority is emergency, urgent, routine or planned");
	r.priority = 7;
	assert_int_equal(repair_report(f->db, &board, &r), DB_INVALID);
	r.priority = REPAIR_URGENT;
	r.rtr_days = 2;
	assert_int_equal(repair_report(f->db, &board, &r), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a Right to Repair target is 1, 3 or 7 working days");
	r.rtr_days = 0;
	r.damp_hazard = 5;
	assert_int_equal(repair_report(f->db, &board, &r), DB_INVALID);
	r.damp_hazard = REPAIR_DAMP_NONE;
	r.home_id = 99;
	assert_int_equal(repair_report(f->db, &board, &r), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no such home");
	r.home_id = 1;
	strcpy(r.reported_at, "yesterday");
	assert_int_equal(repair_report(f->db, &board, &r), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "like 2026-11-22T09:30:00Z"));
	strcpy(r.reported_at, "2026-11-23T09:00:00Z");
	assert_int_equal(repair_report(f->db, &board, &r), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a repair cannot be reported in the future");
	r.reported_at[0] = '\0';
	memset(r.location, 'k', 61);
	assert_int_equal(repair_report(f->db, &board, &r), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "a location is at most 60 characters");

	/* Nothing half-saved: no repair, no event. */
	int64_t all, open;
	assert_int_equal(repair_count(f->db, &all, &open), DB_OK);
	assert_int_equal(all, 0);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM repair_events"), 0);
}

/* ---- moves -------------------------------------------------------------------- */

static void every_move_writes_its_event(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor volunteer = test_volunteer(0);
	int64_t id = report(f, &board, 1, "Boiler", REPAIR_URGENT, "2026-11-16T09:00:00Z");
	static const struct { enum repair_status to; const char *note; } path[] = {
		{ REPAIR_TRIAGED, "checked by phone" }, { REPAIR_ASSIGNED, "" },
		{ REPAIR_IN_PROGRESS, "" }, { REPAIR_COMPLETED, "new valve" },
		{ REPAIR_CLOSED, "tenant satisfied" },
	};
	int64_t version = 1;
	struct repair r;
	int64_t all, open;
	for (size_t i = 0; i < sizeof path / sizeof path[0]; i++) {
		int64_t audit0 = raw_int(f, "SELECT max(id) FROM audit");
		assert_int_equal(repair_move(f->db, &volunteer, id, version++, path[i].to, path[i].note,
					     path[i].to == REPAIR_ASSIGNED ? f->plumber : 0), DB_OK);
		assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
		assert_int_equal(r.status, path[i].to);
		assert_int_equal(r.version, version);
		char sql[160];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld"
			 " AND actor = 'test volunteer'", (long long)audit0);
		assert_int_equal(raw_int(f, sql), 2);
	}
	assert_string_equal(r.contractor_name, "Pennine Plumbing");
	assert_string_equal(r.completed_at, NOW);
	assert_string_equal(r.closed_at, NOW);
	assert_int_equal(repair_count(f->db, &all, &open), DB_OK);
	assert_int_equal(open, 0);

	struct repair_event ev[12];
	assert_int_equal(events(f, id, ev, 12), 6);
	for (int i = 1; i < 6; i++) {
		assert_int_equal(ev[i].from_status, i == 1 ? REPAIR_REPORTED : path[i - 2].to);
		assert_int_equal(ev[i].to_status, path[i - 1].to);
		assert_string_equal(ev[i].note, path[i - 1].note);
		assert_string_equal(ev[i].actor, "test volunteer");
		assert_string_equal(ev[i].at, NOW);
	}

	/* Reopened: counted, finished times cleared, open again. */
	assert_int_equal(repair_move(f->db, &board, id, version, REPAIR_TRIAGED, "", 0), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "say why the repair is reopened");
	assert_int_equal(repair_move(f->db, &board, id, version++, REPAIR_TRIAGED, "drips again", 0),
			 DB_OK);
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_int_equal(r.reopened, 1);
	assert_string_equal(r.completed_at, "");
	assert_string_equal(r.closed_at, "");
	assert_string_equal(r.target_at, "2026-11-23");
	assert_int_equal(repair_count(f->db, &all, &open), DB_OK);
	assert_int_equal(open, 1);
	move(f, id, REPAIR_ASSIGNED, "", NULL);
	move(f, id, REPAIR_IN_PROGRESS, "", NULL);
	move(f, id, REPAIR_COMPLETED, "", NULL);
	move(f, id, REPAIR_REPORTED, "still drips", NULL);
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_int_equal(r.reopened, 2);
	assert_int_equal(r.status, REPAIR_REPORTED);
	assert_int_equal(events(f, id, ev, 12), 11);
	assert_int_equal(ev[10].from_status, REPAIR_COMPLETED);
	assert_int_equal(ev[10].to_status, REPAIR_REPORTED);
	assert_string_equal(ev[10].note, "still drips");

	/* Another contractor for an assigned repair; then cancel with a reason. */
	move(f, id, REPAIR_TRIAGED, "", NULL);
	move(f, id, REPAIR_ASSIGNED, "", NULL);
	version = version_of(f, id);
	assert_int_equal(repair_move(f->db, &board, id, version, REPAIR_ASSIGNED, "", f->plumber),
			 DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the repair is already assigned to that contractor");
	assert_int_equal(repair_move(f->db, &board, id, version, REPAIR_CANCELLED, " ", 0), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "say why the repair is cancelled");
	assert_int_equal(repair_move(f->db, &board, id, version, REPAIR_CANCELLED, "duplicate", 0), DB_OK);
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_string_equal(r.closed_at, NOW);
	assert_int_equal(repair_move(f->db, &board, id, r.version, REPAIR_REPORTED, "again", 0),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "report it again as a new repair"));
}

static void refused_moves_change_nothing(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t id = report(f, &board, 2, "Door lock", REPAIR_URGENT, NULL);
	int64_t events0 = raw_int(f, "SELECT count(*) FROM repair_events");
	int64_t audit0 = raw_int(f, "SELECT count(*) FROM audit");
	assert_int_equal(repair_move(f->db, &board, id, 1, REPAIR_ASSIGNED, "", f->plumber), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a reported repair is triaged next (or cancelled)");
	assert_int_equal(repair_move(f->db, &board, id, 1, REPAIR_COMPLETED, "", 0), DB_INVALID);
	assert_int_equal(repair_move(f->db, &board, id, 1, (enum repair_status)42, "", 0), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "that is not a status a repair can have");
	assert_int_equal(repair_move(f->db, &board, id, 1, REPAIR_TRIAGED, "", 0), DB_OK);
	assert_int_equal(repair_move(f->db, &board, id, 2, REPAIR_ASSIGNED, "", 0), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "choose the contractor to assign the repair to");
	assert_int_equal(repair_move(f->db, &board, id, 2, REPAIR_ASSIGNED, "", f->retired), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "that contractor is marked not in use");
	assert_int_equal(repair_move(f->db, &board, id, 2, REPAIR_ASSIGNED, "", 999), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no such contractor");
	assert_int_equal(repair_move(f->db, &board, 999, 1, REPAIR_TRIAGED, "", 0), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no such repair");
	assert_int_equal(repair_move_at(f->db, &board, id, 2, REPAIR_CANCELLED, "x", 0,
					"2026-11-01T00:00:00Z"), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a move cannot be dated before the repair was reported");
	assert_int_equal(repair_move_at(f->db, &board, id, 2, REPAIR_CANCELLED, "x", 0, "noon"),
			 DB_INVALID);
	char note[2100];
	memset(note, 'n', 2001);
	note[2001] = '\0';
	assert_int_equal(repair_move(f->db, &board, id, 2, REPAIR_CANCELLED, note, 0), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "a note is at most 2000 characters");
	/* Only the one allowed move left its event and audit rows. */
	assert_int_equal(raw_int(f, "SELECT count(*) FROM repair_events"), events0 + 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit"), audit0 + 2);
	assert_int_equal(version_of(f, id), 2);
}

static void version_conflict_names_who(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor volunteer = test_volunteer(0);
	int64_t id = report(f, &board, 1, "Window", REPAIR_ROUTINE, NULL);
	struct repair mine, theirs;
	assert_int_equal(repair_get(f->db, &board, id, &mine), DB_OK);
	assert_int_equal(repair_get(f->db, &volunteer, id, &theirs), DB_OK);
	assert_int_equal(repair_move(f->db, &volunteer, id, theirs.version, REPAIR_TRIAGED, "", 0), DB_OK);
	assert_int_equal(repair_move(f->db, &board, id, mine.version, REPAIR_TRIAGED, "", 0),
			 DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(f->db), "this repair was changed by test volunteer"));
	strcpy(mine.title, "Window will not shut");
	assert_int_equal(repair_update(f->db, &board, &mine), DB_CONFLICT);
	assert_non_null(strstr(db_errmsg(f->db), "test volunteer"));
	assert_int_equal(repair_get(f->db, &board, id, &mine), DB_OK);
	assert_string_equal(mine.title, "Window");
	assert_int_equal(mine.status, REPAIR_TRIAGED);
	mine.id = 555;
	assert_int_equal(repair_update(f->db, &board, &mine), DB_NOTFOUND);

	/* When: the co-op's local time, as people read it. A change stamped
	 * 23:30 UTC on a summer night was made at 00:30 the next day. */
	assert_int_equal(repair_get(f->db, &board, id, &mine), DB_OK);
	assert_int_equal(repair_note(f->db, &volunteer, id, "seen"), DB_OK);
	assert_int_equal(repair_move(f->db, &volunteer, id, mine.version, REPAIR_CANCELLED,
				     "not needed", 0), DB_OK);
	char sql[256];
	snprintf(sql, sizeof sql, "INSERT INTO audit (at, actor, table_name, row_id, action)"
		 " VALUES ('2026-06-30T23:30:00.125Z', 'Night Owl', 'repairs', %lld, 'update')",
		 (long long)id);
	raw_exec(f, sql);
	strcpy(mine.title, "Window will not shut");
	assert_int_equal(repair_update(f->db, &board, &mine), DB_CONFLICT);
	assert_string_equal(db_errmsg(f->db), "this repair was changed by Night Owl at 01/07/2026 00:30"
			    " since you opened it; your changes are still on screen");
	raw_exec(f, "INSERT INTO audit (at, actor, table_name, row_id, action)"
		 " SELECT '2026-01-15T23:30:00Z', 'Winter Owl', 'repairs', max(id), 'update' FROM repairs");
	assert_int_equal(repair_update(f->db, &board, &mine), DB_CONFLICT);
	assert_string_equal(db_errmsg(f->db), "this repair was changed by Winter Owl at 15/01/2026 23:30"
			    " since you opened it; your changes are still on screen");
}

/* ---- edits, notes, derived fields ------------------------------------------ */

static void update_recomputes_target_and_notes_priority(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t id = report(f, &board, 1, "Damp wall", REPAIR_ROUTINE, NULL);
	struct repair r;
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_string_equal(r.target_at, "2027-01-04");
	strcpy(r.title, "Damp wall in back bedroom");
	r.priority = REPAIR_URGENT;
	assert_int_equal(repair_update(f->db, &board, &r), DB_OK);
	assert_int_equal(r.version, 2);
	assert_string_equal(r.target_at, "2026-11-27");
	struct repair_event ev[4];
	assert_int_equal(events(f, id, ev, 4), 2);
	assert_string_equal(ev[1].note, "priority changed from routine to urgent; target now 27/11/2026");
	assert_int_equal(ev[1].from_status, REPAIR_REPORTED);
	assert_int_equal(ev[1].to_status, REPAIR_REPORTED);

	/* Damp: a significant hazard has 10 working days to investigate; the
	 * summary and safety work follow from the investigation. */
	r.priority = REPAIR_PLANNED;
	r.damp_hazard = REPAIR_DAMP_SIGNIFICANT;
	strcpy(r.investigated_on, "22/11/2026");
	assert_int_equal(repair_update(f->db, &board, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-12-04");
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	assert_string_equal(r.investigated_on, "2026-11-22");
	assert_string_equal(r.damp_summary_due, "2026-11-25");
	assert_string_equal(r.damp_safety_due, "2026-11-27");
	assert_string_equal(r.title, "Damp wall in back bedroom");

	/* Bad edits change nothing. */
	strcpy(r.summary_sent_on, "2026-02-30");
	assert_int_equal(repair_update(f->db, &board, &r), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "the date the summary was sent"));
	r.summary_sent_on[0] = '\0';
	r.priority = REPAIR_PRIORITY_NONE;
	assert_int_equal(repair_update(f->db, &board, &r), DB_INVALID);
	r.priority = REPAIR_PLANNED;
	r.has_cost = 1;
	r.cost_pence = -5;
	assert_int_equal(repair_update(f->db, &board, &r), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "a repair's cost is £0.00 or more");
	r.title[0] = '\0';
	r.cost_pence = 100;
	assert_int_equal(repair_update(f->db, &board, &r), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "a repair's summary is 1 to 80 characters");
	struct repair again;
	assert_int_equal(repair_get(f->db, &board, id, &again), DB_OK);
	assert_int_equal(again.version, r.version);
	assert_int_equal(again.has_cost, 0);

	/* A note: an event, no new version. */
	assert_int_equal(repair_note(f->db, &board, id, "tenant away until Friday"), DB_OK);
	assert_int_equal(repair_note(f->db, &board, id, ""), DB_INVALID);
	assert_int_equal(repair_note(f->db, &board, 999, "x"), DB_NOTFOUND);
	assert_int_equal(events(f, id, ev, 4), 4);
	assert_string_equal(ev[2].note, "priority changed from urgent to planned; target now 04/12/2026");
	assert_string_equal(ev[3].note, "tenant away until Friday");
	assert_int_equal(version_of(f, id), again.version);
}

/* The damp and mould milestones lie between the local day the repair was
 * reported and today, and the summary follows the investigation. */
static void damp_dates_lie_between_the_report_and_today(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair r = { 0 };
	r.home_id = 1;
	strcpy(r.title, "Black mould in the bedroom");
	r.priority = REPAIR_URGENT;
	r.damp_hazard = REPAIR_DAMP_SIGNIFICANT;
	strcpy(r.reported_at, "2026-06-30T23:30:00Z");   /* 00:30 on 1 July in London */
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	int64_t audits = raw_int(f, "SELECT count(*) FROM audit");

	static const struct { const char *investigated, *sent, *why; } bad[] = {
		{ "2000-01-01", "", "the date investigated cannot be before the repair was reported (01/07/2026)" },
		{ "2026-06-30", "", "the date investigated cannot be before the repair was reported (01/07/2026)" },
		{ "2030-01-01", "", "the date investigated cannot be in the future (today is 22/11/2026)" },
		{ "23/11/2026", "", "the date investigated cannot be in the future (today is 22/11/2026)" },
		{ "2026-07-03", "2000-01-01", "the date the summary was sent cannot be before the repair was reported (01/07/2026)" },
		{ "2026-07-03", "2030-01-01", "the date the summary was sent cannot be in the future (today is 22/11/2026)" },
		{ "2026-07-03", "2026-07-02", "the summary cannot have been sent before the investigation (03/07/2026)" },
		{ "", "2026-07-06", "a written summary follows the investigation: give the date investigated first" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		strcpy(r.investigated_on, bad[i].investigated);
		strcpy(r.summary_sent_on, bad[i].sent);
		assert_int_equal(repair_update(f->db, &board, &r), DB_INVALID);
		assert_string_equal(db_errmsg(f->db), bad[i].why);
	}
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit"), audits);
	assert_int_equal(version_of(f, r.id), 1);

	/* The first local day, the same day twice, and today are all fine. */
	strcpy(r.investigated_on, "01/07/2026");
	strcpy(r.summary_sent_on, "2026-07-01");
	assert_int_equal(repair_update(f->db, &board, &r), DB_OK);
	strcpy(r.investigated_on, "2026-07-03");
	strcpy(r.summary_sent_on, "2026-11-22");
	assert_int_equal(repair_update(f->db, &board, &r), DB_OK);
	struct repair got;
	assert_int_equal(repair_get(f->db, &board, r.id, &got), DB_OK);
	assert_string_equal(got.investigated_on, "2026-07-03");
	assert_string_equal(got.summary_sent_on, "2026-11-22");
	assert_string_equal(got.damp_summary_due, "2026-07-08");
	assert_int_equal(got.version, 3);
}

static void right_to_repair_compensation_on_reading(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair r = { 0 };
	r.home_id = 1;
	strcpy(r.title, "No water at all");
	r.priority = REPAIR_ROUTINE;
	r.rtr_days = 1;
	strcpy(r.reported_at, "2026-11-02T09:00:00Z");   /* Monday */
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	int64_t late = r.id;
	assert_string_equal(r.target_at, "2026-11-03");
	r.id = 0;
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	int64_t done = r.id;
	complete(f, done, "2026-11-05T12:00:00Z");

	/* Missed, but no compensation until a second contractor misses too
	 * (test_repair_flow.c counts it when one does). */
	assert_int_equal(repair_get(f->db, &board, late, &r), DB_OK);
	assert_string_equal(r.rtr_due, "2026-11-03");
	assert_int_equal(r.overdue, 1);
	assert_int_equal(r.rtr_compensation_pence, 0);
	assert_int_equal(repair_get(f->db, &board, done, &r), DB_OK);
	assert_int_equal(r.overdue, 0);
	assert_int_equal(r.rtr_compensation_pence, 0);

	/* Over the cost limit it no longer qualifies: the routine target returns. */
	assert_int_equal(repair_get(f->db, &board, late, &r), DB_OK);
	r.has_cost = 1;
	r.cost_pence = 30000;
	assert_int_equal(repair_update(f->db, &board, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-12-10");
	assert_int_equal(repair_get(f->db, &board, late, &r), DB_OK);
	assert_string_equal(r.rtr_due, "");
	assert_int_equal(r.rtr_compensation_pence, 0);
	assert_int_equal(r.cost_pence, 30000);
}

/* ---- who may do what ---------------------------------------------------------- */

static void roles_allowed_and_refused(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor volunteer = test_volunteer(0);
	struct actor alice = test_member(f->alice);
	struct actor unlinked = test_member(0);
	struct actor nobody = { 9, ROLE_NONE, 0, "nobody" };
	struct repair r = { 0 };

	/* A member reports for their own home only, as themselves. */
	int64_t own = report(f, &alice, 1, "Loose bannister", REPAIR_URGENT, "2026-11-01T09:00:00Z");
	assert_int_equal(repair_get(f->db, &board, own, &r), DB_OK);
	assert_int_equal(r.reported_by_member, f->alice);
	assert_string_equal(r.reported_at, NOW);   /* a member cannot back-date */
	assert_int_equal(r.priority, REPAIR_ROUTINE); /* nor triage their own report */
	r.id = 0;
	r.home_id = 2;
	assert_int_equal(repair_report(f->db, &alice, &r), DB_DENIED);
	assert_string_equal(db_errmsg(f->db),
			    "a member may report a repair only for the home where they hold the tenancy");
	r.home_id = 3;   /* her former home */
	assert_int_equal(repair_report(f->db, &alice, &r), DB_DENIED);
	r.home_id = 1;
	assert_int_equal(repair_report(f->db, &unlinked, &r), DB_DENIED);
	assert_int_equal(repair_report(f->db, &nobody, &r), DB_DENIED);

	int64_t bobs = report(f, &volunteer, 2, "Bob's gutter", REPAIR_ROUTINE, NULL);
	int64_t old_home = report(f, &board, 3, "Old home, not hers", REPAIR_ROUTINE, NULL);
	memset(&r, 0, sizeof r);
	r.home_id = 3;
	r.reported_by_member = f->alice;
	strcpy(r.title, "Reported by her when she lived there");
	r.priority = REPAIR_PLANNED;
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	int64_t hers_elsewhere = r.id;
	int64_t home_fixed = report(f, &board, 1, "Her home, reported by the office",
				    REPAIR_ROUTINE, NULL);
	/* Her home before her tenancy began (2021-07-01): an earlier tenant's. */
	int64_t before_her = report(f, &board, 1, "The tenant before hers", REPAIR_ROUTINE,
				    "2021-03-01T10:00:00Z");

	/* Reading: her home's repairs and hers; others' do not exist. */
	assert_int_equal(repair_get(f->db, &alice, own, &r), DB_OK);
	assert_int_equal(repair_get(f->db, &alice, home_fixed, &r), DB_OK);
	assert_int_equal(repair_get(f->db, &alice, hers_elsewhere, &r), DB_OK);
	assert_int_equal(repair_get(f->db, &alice, bobs, &r), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no such repair");
	assert_int_equal(repair_get(f->db, &alice, old_home, &r), DB_NOTFOUND);
	assert_int_equal(repair_get(f->db, &alice, before_her, &r), DB_NOTFOUND);
	struct repair_event ev[4];
	int n;
	assert_int_equal(repair_events_page(f->db, &alice, bobs, PAGE_FIRST, NULL, ev, 4, &n),
			 DB_NOTFOUND);
	assert_int_equal(repair_events_page(f->db, &alice, own, PAGE_FIRST, NULL, ev, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	int64_t count;
	assert_int_equal(repair_event_count(f->db, &alice, own, &count), DB_OK);
	assert_int_equal(count, 1);
	assert_int_equal(repair_event_count(f->db, &alice, bobs, &count), DB_NOTFOUND);
	assert_int_equal(repair_get(f->db, &nobody, own, &r), DB_DENIED);

	/* The list: only hers, whatever the filter asks. */
	struct repair_row rows[10];
	struct repair_filter all = { .which = REPAIRS_ALL };
	assert_int_equal(repair_page(f->db, &alice, &all, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 10, &n),
			 DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].id, home_fixed);
	assert_int_equal(rows[1].id, hers_elsewhere);
	assert_int_equal(rows[2].id, own);
	struct repair_filter bob_filter = { .which = REPAIRS_ALL, .member_id = f->bob };
	assert_int_equal(repair_page(f->db, &alice, &bob_filter, REPAIR_NEWEST, PAGE_FIRST, NULL,
				     rows, 10, &n), DB_OK);
	assert_int_equal(n, 3);
	struct repair_filter bob_home = { .which = REPAIRS_ALL, .home_id = 2 };
	assert_int_equal(repair_page(f->db, &alice, &bob_home, REPAIR_BY_TARGET, PAGE_FIRST, NULL,
				     rows, 10, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(repair_page(f->db, &nobody, &all, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 10, &n),
			 DB_DENIED);
	/* The board asks for a member's repairs. */
	assert_int_equal(repair_page(f->db, &board, &bob_filter, REPAIR_NEWEST, PAGE_FIRST, NULL,
				     rows, 10, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, bobs);
	assert_string_equal(rows[0].home_ref, "H-002");

	/* A member cannot move, edit or annotate, even their own. */
	assert_int_equal(repair_move(f->db, &alice, own, 1, REPAIR_CANCELLED, "fixed it myself", 0),
			 DB_DENIED);
	assert_string_equal(db_errmsg(f->db), "a member may report a repair but not move it");
	assert_int_equal(repair_get(f->db, &alice, own, &r), DB_OK);
	assert_int_equal(repair_update(f->db, &alice, &r), DB_DENIED);
	assert_string_equal(db_errmsg(f->db), "a member may report a repair but not edit it");
	assert_int_equal(repair_note(f->db, &alice, own, "hello"), DB_DENIED);
	struct rp02 m;
	assert_int_equal(repair_rp02(f->db, &alice, "2026-01-01", "2026-12-31", &m), DB_DENIED);
	assert_int_equal(repair_move(f->db, &nobody, own, 1, REPAIR_TRIAGED, "", 0), DB_DENIED);

	/* Volunteers do all of it. */
	assert_int_equal(repair_move(f->db, &volunteer, own, 1, REPAIR_TRIAGED, "", 0), DB_OK);
	assert_int_equal(repair_get(f->db, &volunteer, own, &r), DB_OK);
	r.priority = REPAIR_EMERGENCY;
	assert_int_equal(repair_update(f->db, &volunteer, &r), DB_OK);
	assert_int_equal(repair_note(f->db, &volunteer, own, "made safe"), DB_OK);
	assert_int_equal(repair_rp02(f->db, &volunteer, "2026-01-01", "2026-12-31", &m), DB_OK);
}

/* ---- the list ------------------------------------------------------------------ */

struct expect {
	int64_t id, home_id;
	char target[REPAIR_INSTANT_LEN];
	int rank;
	const char *status;
	int open;
};

static enum repair_sort cmp_sort;

static int cmp_expect(const void *pa, const void *pb)
{
	const struct expect *a = pa, *b = pb;
	int c = 0;
	switch (cmp_sort) {
	case REPAIR_NEWEST: return a->id < b->id ? 1 : -1;
	case REPAIR_BY_TARGET: c = strcmp(a->target, b->target); break;
	case REPAIR_BY_PRIORITY: c = a->rank - b->rank; break;
	case REPAIR_BY_STATUS: c = strcmp(a->status, b->status); break;
	case REPAIR_BY_HOME: c = (int)(a->home_id - b->home_id); break;
	}
	return c ? c : (a->id < b->id ? -1 : 1);
}

/* Walks the whole list forwards and backwards in pages of `size` and
 * checks both against `want` (in order). */
static void walk(struct fx *f, const struct actor *who, const struct repair_filter *flt,
		 enum repair_sort sort, const int64_t *want, int nwant, int size)
{
	static struct repair_row rows[64];
	assert_true(size <= 64);
	struct page_key key;
	int n, seen = 0;
	assert_int_equal(repair_page(f->db, who, flt, sort, PAGE_FIRST, NULL, rows, size, &n), DB_OK);
	while (n > 0) {
		for (int i = 0; i < n; i++, seen++) {
			assert_true(seen < nwant);
			assert_int_equal(rows[i].id, want[seen]);
		}
		repair_row_key(&rows[n - 1], sort, &key);
		assert_int_equal(repair_page(f->db, who, flt, sort, PAGE_AFTER, &key, rows, size, &n),
				 DB_OK);
	}
	assert_int_equal(seen, nwant);
	assert_int_equal(repair_page(f->db, who, flt, sort, PAGE_LAST, NULL, rows, size, &n), DB_OK);
	while (n > 0) {
		for (int i = n - 1; i >= 0; i--) {
			assert_true(seen > 0);
			assert_int_equal(rows[i].id, want[--seen]);
		}
		repair_row_key(&rows[0], sort, &key);
		assert_int_equal(repair_page(f->db, who, flt, sort, PAGE_BEFORE, &key, rows, size, &n),
				 DB_OK);
	}
	assert_int_equal(seen, 0);
}

static void pages_walk_both_ways_in_every_sort(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct expect e[40];
	int ne = 0;
	for (int i = 0; i < 34; i++) {
		char title[40], at[32];
		snprintf(title, sizeof title, "Repair %02d", i);
		snprintf(at, sizeof at, "2026-11-%02dT%02d:00:00Z", 2 + i % 19, 8 + i % 9);
		int64_t id = report(f, &board, 1 + i % 3, title, (enum repair_priority)(1 + i % 4), at);
		if (i % 5 == 1)
			move(f, id, REPAIR_TRIAGED, "", NULL);
		if (i % 5 == 2)
			complete(f, id, NULL);
		if (i % 7 == 3 && i % 5 != 2)
			move(f, id, REPAIR_CANCELLED, "not needed", NULL);
		struct repair r;
		assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
		e[ne].id = id;
		e[ne].home_id = r.home_id;
		strcpy(e[ne].target, r.target_at);
		e[ne].rank = r.priority;
		e[ne].status = repair_status_name(r.status);
		e[ne].open = repair_status_is_open(r.status);
		ne++;
	}
	static const enum repair_sort sorts[] = { REPAIR_NEWEST, REPAIR_BY_TARGET, REPAIR_BY_PRIORITY,
						  REPAIR_BY_STATUS, REPAIR_BY_HOME };
	for (int s = 0; s < 5; s++) {
		cmp_sort = sorts[s];
		qsort(e, (size_t)ne, sizeof e[0], cmp_expect);
		int64_t all[40], open[40], triaged[40], home2[40];
		int nall = 0, nopen = 0, ntriaged = 0, nhome2 = 0;
		for (int i = 0; i < ne; i++) {
			all[nall++] = e[i].id;
			if (e[i].open)
				open[nopen++] = e[i].id;
			if (strcmp(e[i].status, "triaged") == 0)
				triaged[ntriaged++] = e[i].id;
			if (e[i].home_id == 2)
				home2[nhome2++] = e[i].id;
		}
		struct repair_filter fa = { .which = REPAIRS_ALL };
		struct repair_filter fs = { .which = REPAIRS_STATUS, .status = REPAIR_TRIAGED };
		struct repair_filter fh = { .which = REPAIRS_ALL, .home_id = 2 };
		for (int size = 1; size <= 16; size += 5) {
			walk(f, &board, &fa, sorts[s], all, nall, size);
			walk(f, &board, NULL, sorts[s], open, nopen, size);
			walk(f, &board, &fs, sorts[s], triaged, ntriaged, size);
			walk(f, &board, &fh, sorts[s], home2, nhome2, size);
		}
		assert_true(nopen > 5 && nopen < nall && ntriaged > 2 && nhome2 > 5);
	}
	struct repair_row rows[2];
	int n;
	assert_int_equal(repair_page(f->db, &board, NULL, REPAIR_NEWEST, PAGE_AFTER, NULL, rows, 2, &n),
			 DB_INVALID);
	assert_int_equal(repair_page(f->db, &board, NULL, (enum repair_sort)9, PAGE_FIRST, NULL, rows,
				     2, &n), DB_INVALID);
}

static void search_finds_words_and_pages(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor alice = test_member(f->alice);
	struct repair r = { 0 };
	r.home_id = 1;
	r.priority = REPAIR_ROUTINE;
	strcpy(r.title, "Boiler not firing");
	strcpy(r.location, "kitchen");
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	int64_t boiler1 = r.id;
	report(f, &board, 2, "Leaking tap", REPAIR_ROUTINE, NULL);
	int64_t boiler2 = report(f, &board, 2, "Boiler pressure low", REPAIR_URGENT, NULL);
	int64_t window = report(f, &board, 3, "Window won't close", REPAIR_ROUTINE, NULL);
	memset(&r, 0, sizeof r);
	r.home_id = 3;
	r.priority = REPAIR_PLANNED;
	strcpy(r.title, "Mould in bathroom");
	strcpy(r.description, "Black mould behind the boiler cupboard");
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	int64_t mould = r.id;

	int64_t want[] = { mould, boiler2, boiler1 };
	struct repair_filter fb = { .which = REPAIRS_ALL, .search = "boil" };
	walk(f, &board, &fb, REPAIR_NEWEST, want, 3, 2);
	int64_t by_priority[] = { boiler2, boiler1, mould };
	walk(f, &board, &fb, REPAIR_BY_PRIORITY, by_priority, 3, 1);

	struct repair_row rows[8];
	int n;
	struct repair_filter fk = { .search = "boiler kitchen" };
	assert_int_equal(repair_page(f->db, &board, &fk, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, boiler1);
	struct repair_filter fq = { .search = "\"boiler OR" };
	assert_int_equal(repair_page(f->db, &board, &fq, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 0);
	struct repair_filter fe = { .search = "   " };
	assert_int_equal(repair_page(f->db, &board, &fe, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 5);
	/* Searching within a member's own and within a home. */
	assert_int_equal(repair_page(f->db, &alice, &fb, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, boiler1);
	struct repair_filter fh = { .which = REPAIRS_ALL, .home_id = 3, .search = "boiler" };
	assert_int_equal(repair_page(f->db, &board, &fh, REPAIR_BY_TARGET, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, mould);
	/* Cancelled ones leave the open list, and an edit re-indexes the words. */
	move(f, boiler2, REPAIR_CANCELLED, "duplicate of the other", NULL);
	struct repair_filter fo = { .search = "boiler" };
	assert_int_equal(repair_page(f->db, &board, &fo, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(repair_get(f->db, &board, window, &r), DB_OK);
	strcpy(r.title, "Sash window stuck");
	assert_int_equal(repair_update(f->db, &board, &r), DB_OK);
	struct repair_filter fw = { .search = "won't" };
	assert_int_equal(repair_page(f->db, &board, &fw, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 0);
	struct repair_filter fs = { .search = "sash" };
	assert_int_equal(repair_page(f->db, &board, &fs, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, window);
}

/* Over 2000 matches, a search sorted other than by number walks the sort's
 * index instead of sorting the matches: the pages must be the same. */
static void search_with_many_matches_pages_the_same(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	static struct expect e[2100];
	int ne = 0;
	assert_int_equal(db_begin(f->db, &board), DB_OK);
	for (int i = 0; i < 2060; i++) {
		char title[40], at[32];
		snprintf(title, sizeof title, "%s %d", i % 40 == 0 ? "Gutter" : "Boiler", i);
		snprintf(at, sizeof at, "2026-%02d-%02dT09:%02d:00Z", 1 + i % 10, 1 + i % 28, i % 60);
		struct repair r = { 0 };
		r.home_id = 1 + i % 3;
		strcpy(r.title, title);
		strcpy(r.reported_at, at);
		r.priority = (enum repair_priority)(1 + i % 4);
		assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
		if (i % 3 == 0)
			assert_int_equal(repair_move(f->db, &board, r.id, 1, REPAIR_CANCELLED, "no", 0), DB_OK);
		if (i % 40 == 0)
			continue;
		e[ne].id = r.id;
		e[ne].home_id = r.home_id;
		strcpy(e[ne].target, r.target_at);
		e[ne].rank = r.priority;
		e[ne].status = i % 3 == 0 ? "cancelled" : "reported";
		e[ne].open = i % 3 != 0;
		ne++;
	}
	assert_int_equal(db_commit(f->db), DB_OK);
	static const enum repair_sort sorts[] = { REPAIR_NEWEST, REPAIR_BY_TARGET, REPAIR_BY_STATUS };
	static int64_t all[2100], open[2100];
	for (int s = 0; s < 3; s++) {
		cmp_sort = sorts[s];
		qsort(e, (size_t)ne, sizeof e[0], cmp_expect);
		int nall = 0, nopen = 0;
		for (int i = 0; i < ne; i++) {
			all[nall++] = e[i].id;
			if (e[i].open)
				open[nopen++] = e[i].id;
		}
		assert_true(nall > 2000);
		struct repair_filter fa = { .which = REPAIRS_ALL, .search = "boil" };
		struct repair_filter fo = { .search = "boiler" };
		walk(f, &board, &fa, sorts[s], all, nall, 16);
		walk(f, &board, &fo, sorts[s], open, nopen, 16);
	}
}

/* The expectation of a repair, as the list would sort it. */
static struct expect expect_of(struct fx *f, int64_t id)
{
	struct actor board = test_board();
	struct repair r;
	struct expect e;
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	memset(&e, 0, sizeof e);
	e.id = id;
	e.home_id = r.home_id;
	strcpy(e.target, r.target_at);
	e.rank = r.priority;
	e.status = repair_status_name(r.status);
	e.open = repair_status_is_open(r.status);
	return e;
}

/* Walks `flt` in every sort, both ways, in pages of 1, 4 and 16, against
 * the repairs of `e` whose ids are in `in` (n of them), open ones only
 * when `open_only`. */
static void walk_set(struct fx *f, const struct actor *who, const struct repair_filter *flt,
		     struct expect *e, int ne, const int64_t *in, int n, int open_only)
{
	static const enum repair_sort sorts[] = { REPAIR_NEWEST, REPAIR_BY_TARGET,
						  REPAIR_BY_PRIORITY, REPAIR_BY_STATUS,
						  REPAIR_BY_HOME };
	int64_t want[64];
	for (int s = 0; s < 5; s++) {
		cmp_sort = sorts[s];
		qsort(e, (size_t)ne, sizeof e[0], cmp_expect);
		int nwant = 0;
		for (int i = 0; i < ne; i++)
			for (int j = 0; j < n; j++)
				if (e[i].id == in[j] && (!open_only || e[i].open))
					want[nwant++] = e[i].id;
		for (int size = 1; size <= 16; size *= 4)
			walk(f, who, flt, sorts[s], want, nwant, size);
	}
}

/* A search finds a repair by its reference, a home's repairs by the
 * home's reference, and by names and addresses: the repairs of the homes
 * whose address matches and of the homes where a member whose name
 * matches holds the current tenancy, and the repairs that member
 * reported; as well as by the repairs' own words. */
static void search_finds_references_names_and_addresses(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor alice = test_member(f->alice);
	raw_exec(f, "UPDATE homes SET postcode = 'OL16 1AB' WHERE id = 3");
	struct repair r = { 0 };
	int64_t id[8];
	static const struct { int64_t home; const char *title; int who; } made[] = {
		{ 1, "Leaking tap", 1 },        /* 1: Alice's home, reported by her */
		{ 1, "Broken gate", 0 },        /* 2: Alice's home */
		{ 2, "Damp wall", 2 },          /* 3: Bob's home, reported by him */
		{ 2, "Fence by Alice's", 0 },   /* 4: Bob's home, her name in its words */
		{ 3, "Cracked window", 1 },     /* 5: her former home, reported by her */
		{ 3, "Loose slate", 0 },        /* 6: her former home */
		{ 2, "Loose slate", 1 },        /* 7: Bob's home, reported by her */
		{ 1, "Gutter", 0 },             /* 8: Alice's home, cancelled below */
	};
	struct expect e[8];
	for (int i = 0; i < 8; i++) {
		memset(&r, 0, sizeof r);
		r.home_id = made[i].home;
		strcpy(r.title, made[i].title);
		r.priority = (enum repair_priority)(1 + i % 4);
		r.reported_by_member = made[i].who == 1 ? f->alice : made[i].who == 2 ? f->bob : 0;
		snprintf(r.reported_at, sizeof r.reported_at, "2026-11-%02dT09:00:00Z", 10 - i);
		assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
		id[i] = r.id;
	}
	move(f, id[7], REPAIR_CANCELLED, "duplicate", NULL);
	move(f, id[2], REPAIR_TRIAGED, "", NULL);
	for (int i = 0; i < 8; i++)
		e[i] = expect_of(f, id[i]);

	struct repair_filter q = { .which = REPAIRS_ALL };
	int64_t by_alice[] = { id[0], id[1], id[3], id[4], id[6], id[7] };
	q.search = "Alice";
	walk_set(f, &board, &q, e, 8, by_alice, 6, 0);
	q.search = "alic";
	walk_set(f, &board, &q, e, 8, by_alice, 6, 0);
	struct repair_filter open = { .search = "Alice" };
	walk_set(f, &board, &open, e, 8, by_alice, 6, 1);
	int64_t by_bob[] = { id[2], id[3], id[6] };
	q.search = "Bob";
	walk_set(f, &board, &q, e, 8, by_bob, 3, 0);
	q.search = "2 alder";            /* part of an address */
	walk_set(f, &board, &q, e, 8, by_bob, 3, 0);
	q.search = "h-002";              /* a home's reference, any case */
	walk_set(f, &board, &q, e, 8, by_bob, 3, 0);
	q.search = "  H-002 ";
	walk_set(f, &board, &q, e, 8, by_bob, 3, 0);
	int64_t former[] = { id[4], id[5] };
	q.search = "OL16";               /* a postcode */
	walk_set(f, &board, &q, e, 8, former, 2, 0);
	q.search = "ol16 1ab";
	walk_set(f, &board, &q, e, 8, former, 2, 0);
	int64_t slates[] = { id[5], id[6] };
	q.search = "slate";              /* the repairs' own words, as before */
	walk_set(f, &board, &q, e, 8, slates, 2, 0);
	/* Part of a reference is words: every home's H-00... */
	q.search = "H-00";
	walk_set(f, &board, &q, e, 8, id, 8, 0);
	/* A repair's reference, however it is typed. */
	char ref[5][24];
	snprintf(ref[0], sizeof ref[0], "R-%06lld", (long long)id[4]);
	snprintf(ref[1], sizeof ref[1], "r%lld", (long long)id[4]);
	snprintf(ref[2], sizeof ref[2], "R-%lld", (long long)id[4]);
	snprintf(ref[3], sizeof ref[3], "R%lld", (long long)id[4]);
	snprintf(ref[4], sizeof ref[4], " r-%06lld ", (long long)id[4]);
	for (int k = 0; k < 5; k++) {
		q.search = ref[k];
		walk_set(f, &board, &q, e, 8, &id[4], 1, 0);
	}
	q.search = "R-999999";
	walk_set(f, &board, &q, e, 8, NULL, 0, 0);
	q.search = "Nobody";
	walk_set(f, &board, &q, e, 8, NULL, 0, 0);

	/* With a home chosen, only that home's; another home's reference finds
	 * nothing there. */
	struct repair_filter home2 = { .which = REPAIRS_ALL, .home_id = 2, .search = "Alice" };
	int64_t alice_at_2[] = { id[3], id[6] };
	walk_set(f, &board, &home2, e, 8, alice_at_2, 2, 0);
	home2.search = "H-001";
	walk_set(f, &board, &home2, e, 8, NULL, 0, 0);
	home2.search = "H-002";
	walk_set(f, &board, &home2, e, 8, by_bob, 3, 0);

	/* A member still sees only their own: her home's since her tenancy and
	 * those she reported. */
	q.search = "Bob";
	walk_set(f, &alice, &q, e, 8, &id[6], 1, 0);
	q.search = "OL16";
	walk_set(f, &alice, &q, e, 8, &id[4], 1, 0);
	q.search = "H-003";
	walk_set(f, &alice, &q, e, 8, &id[4], 1, 0);
	snprintf(ref[0], sizeof ref[0], "R-%06lld", (long long)id[5]);
	q.search = ref[0];               /* not hers: as if it did not exist */
	walk_set(f, &alice, &q, e, 8, NULL, 0, 0);
	int64_t hers[] = { id[0], id[1], id[4], id[6], id[7] };
	q.search = "Alice";
	walk_set(f, &alice, &q, e, 8, hers, 5, 0);
}

/* A name that finds many repairs: past FIND_SORT_MAX the sort's index is
 * walked testing the numbers found, past FIND_SET_MAX (counting a repair
 * once for each way it is found) testing each repair's row. The pages
 * must be the same as the oracle's either way. */
static void search_by_name_with_many_matches_pages_the_same(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t hannah = add_member(f->db, "Hannah Weaver");
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO homes (id, uuid, ref, address) VALUES"
		 " (4, '00000000-0000-0000-0000-000000000004', 'WEA-10', '10 Weaver Street');"
		 "INSERT INTO tenancies (id, uuid, home_id, start_date) VALUES"
		 " (4, '00000000-0000-0000-0000-000000000014', 4, '2022-01-01');"
		 "INSERT INTO tenancy_signatories (tenancy_id, member_id) VALUES (4, %lld);",
		 (long long)hannah);
	raw_exec(f, sql);
	static struct expect e[8200];
	int ne = 0, nfound = 0;
	/* Rounds: 1500 repairs of her home (numbers walk), then 6600 that
	 * she reported there with her name in the title (found three ways
	 * each: past 20,000, rows walk); a few elsewhere, not found. */
	static const int upto[2] = { 1500, 8100 };
	for (int round = 0; round < 2; round++) {
		assert_int_equal(db_begin(f->db, &board), DB_OK);
		for (int i = round ? upto[0] : 0; i < upto[round]; i++) {
			struct repair r = { 0 };
			int elsewhere = i % 50 == 7;
			r.home_id = elsewhere ? 2 : 4;
			if (round && !elsewhere) {
				r.reported_by_member = hannah;
				snprintf(r.title, sizeof r.title, "Hannah's job %d", i);
			} else {
				snprintf(r.title, sizeof r.title, "Job %d", i);
			}
			char at[32];
			snprintf(at, sizeof at, "2026-%02d-%02dT%02d:%02d:00Z", 1 + i % 10, 1 + i % 28,
				 8 + i % 10, i % 60);
			strcpy(r.reported_at, at);
			r.priority = (enum repair_priority)(1 + i % 4);
			assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
			if (i % 3 == 0)
				assert_int_equal(repair_move(f->db, &board, r.id, 1, REPAIR_CANCELLED,
							     "no", 0), DB_OK);
			e[ne].id = r.id;
			e[ne].home_id = r.home_id;
			strcpy(e[ne].target, r.target_at);
			e[ne].rank = r.priority;
			e[ne].status = i % 3 == 0 ? "cancelled" : "reported";
			e[ne].open = i % 3 != 0;
			nfound += !elsewhere;
			ne++;
		}
		assert_int_equal(db_commit(f->db), DB_OK);
		/* Every sort once; the second round, big, in pages of 64 and two
		 * sorts (one a compound of two walks, one plain) to stay quick;
		 * the open repairs (another index) in those two. */
		static const enum repair_sort sorts[] = { REPAIR_BY_STATUS, REPAIR_BY_TARGET,
							  REPAIR_NEWEST, REPAIR_BY_HOME,
							  REPAIR_BY_PRIORITY };
		static int64_t all[8200], open[8200];
		for (int s = 0; s < (round ? 2 : 5); s++) {
			cmp_sort = sorts[s];
			qsort(e, (size_t)ne, sizeof e[0], cmp_expect);
			int nall = 0, nopen = 0;
			for (int i = 0; i < ne; i++) {
				if (e[i].home_id != 4)
					continue;
				all[nall++] = e[i].id;
				if (e[i].open)
					open[nopen++] = e[i].id;
			}
			assert_int_equal(nall, nfound);
			struct repair_filter fa = { .which = REPAIRS_ALL, .search = "Hannah" };
			struct repair_filter fo = { .search = "weaver" };
			walk(f, &board, &fa, sorts[s], all, nall, round ? 64 : 16);
			if (s == 1 || (!round && s == 0))
				walk(f, &board, &fo, sorts[s], open, nopen, round ? 64 : 16);
		}
	}
}

static void overdue_is_open_and_past_target(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t a = report(f, &board, 1, "Old routine", REPAIR_ROUTINE, "2026-10-01T09:00:00Z");
	int64_t b = report(f, &board, 1, "Emergency past", REPAIR_EMERGENCY, "2026-11-21T09:00:00Z");
	int64_t c = report(f, &board, 2, "Emergency due", REPAIR_EMERGENCY, "2026-11-21T11:00:00Z");
	int64_t d = report(f, &board, 2, "New routine", REPAIR_ROUTINE, NULL);
	int64_t e = report(f, &board, 3, "Old but done", REPAIR_ROUTINE, "2026-10-01T09:00:00Z");
	complete(f, e, "2026-11-20T09:00:00Z");
	struct repair_row rows[8];
	int n;
	struct repair_filter fo = { .overdue = 1 };
	assert_int_equal(repair_page(f->db, &board, &fo, REPAIR_BY_TARGET, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, a);
	assert_string_equal(rows[0].target_at, "2026-11-10");
	assert_int_equal(rows[1].id, b);
	assert_string_equal(rows[1].target_at, "2026-11-22T09:00:00Z");
	assert_int_equal(rows[0].overdue && rows[1].overdue, 1);
	struct repair_filter fa = { .which = REPAIRS_ALL };
	assert_int_equal(repair_page(f->db, &board, &fa, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++)
		assert_int_equal(rows[i].overdue, rows[i].id == a || rows[i].id == b);
	struct repair r;
	assert_int_equal(repair_get(f->db, &board, c, &r), DB_OK);
	assert_int_equal(r.overdue, 0);
	assert_int_equal(repair_get(f->db, &board, b, &r), DB_OK);
	assert_int_equal(r.overdue, 1);
	assert_int_equal(repair_get(f->db, &board, d, &r), DB_OK);
	assert_int_equal(r.overdue, 0);
}

/* domain.md "Time": the day a repair counts from is its local reporting
 * date; a target date is met if done by the end of that local day. The
 * tests run in TZ=UTC with Europe/London in force (main). */
static void the_local_day_counts(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor alice = test_member(f->alice);
	/* 23:30 UTC on Tuesday 30 June is 00:30 on Wednesday 1 July. */
	struct repair r;
	int64_t night = report(f, &board, 2, "Summer night", REPAIR_URGENT, "2026-06-30T23:30:00Z");
	assert_int_equal(repair_get(f->db, &board, night, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-07-08");
	int64_t winter = report(f, &board, 2, "Winter night", REPAIR_URGENT, "2026-01-15T23:30:00Z");
	assert_int_equal(repair_get(f->db, &board, winter, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-01-22");

	/* Alice's tenancy of home 1 began on 1 July 2021: a report at 00:30
	 * that day is hers to see, one at 23:59 the night before is not. */
	int64_t first_day = report(f, &board, 1, "First night", REPAIR_ROUTINE, "2021-06-30T23:30:00Z");
	int64_t day_before = report(f, &board, 1, "Night before", REPAIR_ROUTINE, "2021-06-30T22:59:00Z");
	assert_int_equal(repair_get(f->db, &alice, first_day, &r), DB_OK);
	assert_int_equal(repair_get(f->db, &alice, day_before, &r), DB_NOTFOUND);
	struct repair_row rows[8];
	int n;
	struct repair_filter all = { .which = REPAIRS_ALL };
	assert_int_equal(repair_page(f->db, &alice, &all, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, first_day);
	struct summary sum;
	assert_int_equal(summary_get(f->db, &alice, NOW, "2026-11-22", &sum), DB_OK);
	assert_int_equal(sum.own_repairs_open, 1);

	/* Right to Repair: one working day from Monday 6 July is Tuesday the
	 * 7th; completed at 00:30 on the 8th in London is a day late. */
	memset(&r, 0, sizeof r);
	r.home_id = 2;
	strcpy(r.title, "No water");
	r.priority = REPAIR_ROUTINE;
	r.rtr_days = 1;
	strcpy(r.reported_at, "2026-07-06T09:00:00Z");
	assert_int_equal(repair_report(f->db, &board, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-07-07");
	complete(f, r.id, "2026-07-07T23:30:00Z");
	assert_int_equal(repair_get(f->db, &board, r.id, &r), DB_OK);
	assert_string_equal(r.rtr_due, "2026-07-07");
	assert_int_equal(r.rtr_compensation_pence, 0);   /* no second contractor was asked for */

	/* RP02 by local days: that completion falls on 8 July, late. */
	struct rp02 m;
	assert_int_equal(repair_rp02(f->db, &board, "2026-07-01", "2026-07-07", &m), DB_OK);
	assert_int_equal(m.other_completed, 0);
	assert_int_equal(repair_rp02(f->db, &board, "2026-07-08", "2026-07-31", &m), DB_OK);
	assert_int_equal(m.other_completed, 1);
	assert_int_equal(m.other_in_target, 0);
	/* And one completed at 23:30 UTC on 31 July is August's. */
	int64_t aug = report(f, &board, 3, "Late July", REPAIR_URGENT, "2026-07-27T09:00:00Z");
	complete(f, aug, "2026-07-31T23:30:00Z");
	assert_int_equal(repair_rp02(f->db, &board, "2026-07-08", "2026-07-31", &m), DB_OK);
	assert_int_equal(m.other_completed, 1);
	assert_int_equal(repair_rp02(f->db, &board, "2026-08-01", "2026-08-01", &m), DB_OK);
	assert_int_equal(m.other_completed, 1);
	assert_int_equal(m.other_in_target, 1);   /* due 3 August */
}

/* A target date is met if the repair is done by the end of that day: due
 * today is not yet past its target. Home's count and the list's OVERDUE
 * (column and filter) and a repair's own flag say the same. */
static void home_and_the_list_agree_on_overdue(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	setenv("COOPDESK_TODAY", "2026-11-20", 1);   /* a Friday */
	setenv("COOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	int64_t due_today = report(f, &board, 1, "Due today", REPAIR_URGENT, "2026-11-13T09:00:00Z");
	int64_t due_yesterday = report(f, &board, 1, "Due yesterday", REPAIR_URGENT,
				       "2026-11-12T09:00:00Z");
	int64_t hour_ago = report(f, &board, 2, "Due an hour ago", REPAIR_EMERGENCY,
				  "2026-11-19T11:00:00Z");
	int64_t in_an_hour = report(f, &board, 2, "Due in an hour", REPAIR_EMERGENCY,
				    "2026-11-19T13:00:00Z");
	struct repair r;
	assert_int_equal(repair_get(f->db, &board, due_today, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-11-20");
	assert_int_equal(r.overdue, 0);
	assert_int_equal(repair_get(f->db, &board, due_yesterday, &r), DB_OK);
	assert_int_equal(r.overdue, 1);
	assert_int_equal(repair_get(f->db, &board, in_an_hour, &r), DB_OK);
	assert_int_equal(r.overdue, 0);

	struct repair_row rows[8];
	int n;
	struct repair_filter fo = { .overdue = 1 };
	assert_int_equal(repair_page(f->db, &board, &fo, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(rows[0].id, hour_ago);
	assert_int_equal(rows[1].id, due_yesterday);
	struct summary sum;
	assert_int_equal(summary_get(f->db, &board, "2026-11-20T12:00:00Z", "2026-11-20", &sum), DB_OK);
	assert_int_equal(sum.repairs_overdue, n);
	/* At midnight the day is over: due today becomes overdue for both. */
	assert_int_equal(summary_get(f->db, &board, "2026-11-21T00:00:00Z", "2026-11-21", &sum), DB_OK);
	assert_int_equal(sum.repairs_overdue, 4);
	/* Just after local midnight in a zone ahead of UTC, the local date runs
	 * ahead of the UTC instant: every target before the earlier of the two
	 * is past, and between them the rule decides, for Home as for the list.
	 * An emergency due at 23:45 UTC is not past at 23:30 UTC, though it
	 * falls before the local date; yesterday's date target is. */
	int64_t later = report(f, &board, 2, "Due at quarter to midnight", REPAIR_EMERGENCY,
			       "2026-11-18T23:45:00Z");
	assert_int_equal(zone_set("Europe/Paris"), 0);
	setenv("COOPDESK_NOW", "2026-11-19T23:30:00Z", 1);
	assert_int_equal(repair_get(f->db, &board, later, &r), DB_OK);
	assert_string_equal(r.target_at, "2026-11-19T23:45:00Z");
	assert_int_equal(r.overdue, 0);
	assert_int_equal(repair_page(f->db, &board, &fo, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8, &n),
			 DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, due_yesterday);
	assert_int_equal(summary_get(f->db, &board, "2026-11-19T23:30:00Z", "2026-11-20", &sum), DB_OK);
	assert_int_equal(zone_set("UTC"), 0);
	assert_int_equal(sum.repairs_overdue, n);
}

static void events_page_both_ways(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t id = report(f, &board, 1, "Many events", REPAIR_ROUTINE, NULL);
	complete(f, id, NULL);
	move(f, id, REPAIR_CLOSED, "", NULL);
	struct repair_event ev[4];
	struct page_key key;
	int n;
	assert_int_equal(repair_events_page(f->db, &board, id, PAGE_FIRST, NULL, ev, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(ev[0].to_status, REPAIR_REPORTED);
	assert_int_equal(ev[3].to_status, REPAIR_IN_PROGRESS);
	repair_event_key(&ev[3], &key);
	assert_int_equal(repair_events_page(f->db, &board, id, PAGE_AFTER, &key, ev, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(ev[1].to_status, REPAIR_CLOSED);
	assert_int_equal(repair_events_page(f->db, &board, id, PAGE_LAST, NULL, ev, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(ev[0].to_status, REPAIR_ASSIGNED);
	assert_int_equal(ev[3].to_status, REPAIR_CLOSED);
	repair_event_key(&ev[0], &key);
	assert_int_equal(repair_events_page(f->db, &board, id, PAGE_BEFORE, &key, ev, 4, &n), DB_OK);
	assert_int_equal(n, 2);
	assert_int_equal(ev[0].to_status, REPAIR_REPORTED);
	assert_int_equal(ev[1].to_status, REPAIR_TRIAGED);
	assert_int_equal(repair_events_page(f->db, &board, 999, PAGE_FIRST, NULL, ev, 4, &n),
			 DB_NOTFOUND);
	int64_t count;
	assert_int_equal(repair_event_count(f->db, &board, id, &count), DB_OK);
	assert_int_equal(count, 6);
	assert_int_equal(repair_event_count(f->db, &board, 999, &count), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "there is no such repair");
}

/* ---- the bulk path (src/db/repair_bulk.c) ------------------------------------ */

/* The words of the last refusal bulk_one met. */
static char bulk_why[512];

/* One repair's whole life in bulk, in its own transaction: its status;
 * the words of a refusal in bulk_why. */
static int bulk_one(struct fx *f, const struct repair_bulk_move *moves, int n,
		    const struct repair *after, struct repair *r)
{
	struct actor board = test_board();
	struct repair_bulk *b = NULL;
	memset(r, 0, sizeof *r);
	r->home_id = 1;
	strcpy(r->title, "Bath panel loose");
	r->priority = REPAIR_ROUTINE;
	strcpy(r->reported_at, "2026-11-02T09:00:00Z");
	assert_int_equal(db_begin(f->db, &board), DB_OK);
	assert_int_equal(repair_bulk_begin(f->db, &board, "2026-01-01", &b), DB_OK);
	int rc = repair_bulk_add(b, r, moves, n, after);
	if (!rc)
		rc = repair_bulk_finish(b);
	repair_bulk_end(b);
	snprintf(bulk_why, sizeof bulk_why, "%s", rc ? db_errmsg(f->db) : "");
	if (rc)
		db_rollback(f->db);
	else
		assert_int_equal(db_commit(f->db), DB_OK);
	return rc;
}

static void bulk_repairs_are_whole_or_refused_in_words(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t audit0 = raw_int(f, "SELECT max(id) FROM audit");
	struct repair_bulk_move life[] = {
		{ REPAIR_TRIAGED, "2026-11-02T10:00:00Z", "", 0 },
		{ REPAIR_ASSIGNED, "2026-11-03T10:00:00Z", "", f->plumber },
		{ REPAIR_IN_PROGRESS, "2026-11-04T10:00:00Z", "", 0 },
		{ REPAIR_COMPLETED, "2026-11-05T10:00:00Z", "done", 0 },
		{ REPAIR_CLOSED, "2026-11-06T10:00:00Z", "", 0 },
	};
	struct repair r, after, got;
	memset(&after, 0, sizeof after);
	after.home_id = 1;
	strcpy(after.title, "Bath panel loose");
	after.priority = REPAIR_ROUTINE;
	after.has_cost = 1;
	after.cost_pence = 4200;
	assert_int_equal(bulk_one(f, life, 5, &after, &r), DB_OK);
	assert_int_equal(repair_get(f->db, &board, r.id, &got), DB_OK);
	assert_int_equal(got.status, REPAIR_CLOSED);
	assert_int_equal(got.version, 7);
	assert_int_equal(got.cost_pence, 4200);
	assert_int_equal(got.contractor_id, f->plumber);
	assert_string_equal(got.completed_at, "2026-11-05T10:00:00Z");
	struct repair_event ev[8];
	assert_int_equal(events(f, r.id, ev, 8), 6);
	/* Its trail as the API leaves it: the insert, six events and six
	 * updates (five moves and the cost), none for the put itself. */
	char sql[256];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld AND table_name ="
		 " 'repairs' AND row_id = %lld", (long long)audit0, (long long)r.id);
	assert_int_equal(raw_int(f, sql), 7);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld AND table_name ="
		 " 'repair_events'", (long long)audit0);
	assert_int_equal(raw_int(f, sql), 6);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld AND action = 'update'"
		 " AND after = '{\"cost_pence\":4200,\"version\":7}'", (long long)audit0);
	assert_int_equal(raw_int(f, sql), 1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_context WHERE unaudited IS NULL"), 1);

	/* Refused, in words, and nothing of it written. */
	int64_t repairs0 = raw_int(f, "SELECT count(*) FROM repairs");
	int64_t audit1 = raw_int(f, "SELECT max(id) FROM audit");
	struct repair_bulk_move no_contractor[] = {
		{ REPAIR_TRIAGED, "2026-11-02T10:00:00Z", "", 0 },
		{ REPAIR_ASSIGNED, "2026-11-03T10:00:00Z", "", 0 },
	};
	assert_int_equal(bulk_one(f, no_contractor, 2, NULL, &r), DB_INVALID);
	assert_string_equal(bulk_why, "choose the contractor to assign the repair to");
	struct repair_bulk_move backwards[] = {
		{ REPAIR_TRIAGED, "2026-11-04T10:00:00Z", "", 0 },
		{ REPAIR_ASSIGNED, "2026-11-03T10:00:00Z", "", f->plumber },
	};
	assert_int_equal(bulk_one(f, backwards, 2, NULL, &r), DB_INVALID);
	assert_string_equal(bulk_why, "a move cannot be dated before the repair's last change");
	struct repair_bulk_move cancelled_silently[] = {
		{ REPAIR_CANCELLED, "2026-11-03T10:00:00Z", "", 0 },
	};
	assert_int_equal(bulk_one(f, cancelled_silently, 1, NULL, &r), DB_INVALID);
	assert_string_equal(bulk_why, "say why the repair is cancelled");
	assert_int_equal(raw_int(f, "SELECT count(*) FROM repairs"), repairs0);
	assert_int_equal(raw_int(f, "SELECT max(id) FROM audit"), audit1);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit_context WHERE unaudited IS NULL"), 1);
}

/* The copies' audit rows wait for the batch's put, and go into the trail
 * in the order made, before the rows; a load started again (after one that
 * was ended unfinished, in the same transaction) starts with none waiting. */
static void bulk_audit_rows_wait_for_the_put(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair_bulk_move life[] = {
		{ REPAIR_TRIAGED, "2026-11-02T10:00:00Z", "", 0 },
		{ REPAIR_ASSIGNED, "2026-11-03T10:00:00Z", "", f->plumber },
	};
	struct repair r;
	memset(&r, 0, sizeof r);
	r.home_id = 1;
	strcpy(r.title, "Tap drips");
	r.priority = REPAIR_ROUTINE;
	strcpy(r.reported_at, "2026-11-02T09:00:00Z");
	int64_t audit0 = raw_int(f, "SELECT max(id) FROM audit");
	struct repair_bulk *b = NULL;
	assert_int_equal(db_begin(f->db, &board), DB_OK);
	assert_int_equal(repair_bulk_begin(f->db, &board, "2026-01-01", &b), DB_OK);
	/* The copies have no triggers: a trigger's firing costs more than the
	 * row it writes, and the bulk path writes its steps' audit rows itself. */
	assert_int_equal(own_read(f, "SELECT count(*) FROM sqlite_temp_schema WHERE type ="
				  " 'trigger'", NULL, 0), 0);
	assert_int_equal(repair_bulk_add(b, &r, life, 2, NULL), DB_OK);
	/* The insert, two moves, three events: waiting, none in the trail. */
	assert_int_equal(own_read(f, "SELECT count(*) FROM temp.audit_bulk", NULL, 0), 6);
	assert_int_equal(own_read(f, "SELECT max(id) FROM audit", NULL, 0), audit0);
	repair_bulk_end(b);
	strcpy(r.title, "Tap drips again");
	r.id = 0;
	assert_int_equal(repair_bulk_begin(f->db, &board, "2026-01-01", &b), DB_OK);
	assert_int_equal(own_read(f, "SELECT count(*) FROM temp.audit_bulk", NULL, 0), 0);
	assert_int_equal(repair_bulk_add(b, &r, life, 2, NULL), DB_OK);
	assert_int_equal(repair_bulk_finish(b), DB_OK);
	repair_bulk_end(b);
	assert_int_equal(db_commit(f->db), DB_OK);
	assert_int_equal(own_read(f, "SELECT count(*) FROM temp.audit_bulk", NULL, 0), 0);
	char sql[320];
	snprintf(sql, sizeof sql, "SELECT group_concat(table_name || ':' || action, ' ') FROM"
		 " (SELECT * FROM audit WHERE id > %lld ORDER BY id)", (long long)audit0);
	char got[256];
	own_read(f, sql, got, sizeof got);
	assert_string_equal(got, "repairs:insert repair_events:insert repairs:update"
			    " repair_events:insert repairs:update repair_events:insert");
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld AND table_name ="
		 " 'repairs' AND after LIKE '%%Tap drips again%%'", (long long)audit0);
	assert_int_equal(raw_int(f, sql), 1);
}

/* The JSON of the last update of repair ID in the trail, before and after. */
static void last_update_json(struct fx *f, int64_t id, char *before, char *after, size_t n)
{
	static const char *const cols[2] = { "before", "after" };
	char *out[2] = { before, after };
	for (int i = 0; i < 2; i++) {
		char sql[256];
		snprintf(sql, sizeof sql, "SELECT %s FROM audit WHERE table_name = 'repairs' AND"
			 " row_id = %lld AND action = 'update' ORDER BY id DESC LIMIT 1", cols[i],
			 (long long)id);
		own_read(f, sql, out[i], n);
	}
}

/* The bulk path writes an update's JSON itself (audit_step,
 * src/db/repair_bulk.c, with src/db/audit_json.c): byte for byte the
 * API's, whatever the text holds, numbers and a value set to nothing
 * included. */
static void bulk_update_json_is_the_apis(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	static const char awkward[] = "He said \"it's \\ broken\"\n\tŁukasz: 50% €9 😀 <b>";
	struct repair e;
	memset(&e, 0, sizeof e);
	e.home_id = 1;
	strcpy(e.title, "Bath panel loose");
	e.priority = REPAIR_ROUTINE;
	strcpy(e.description, awkward);
	strcpy(e.location, "Flat 2 \"B\" \\ rear");
	e.has_cost = 1;
	e.cost_pence = 4200;

	struct repair r;
	assert_int_equal(bulk_one(f, NULL, 0, &e, &r), DB_OK);
	char bulk_before[1024], bulk_after[1024], api_before[1024], api_after[1024];
	last_update_json(f, r.id, bulk_before, bulk_after, sizeof bulk_before);

	int64_t id = report(f, &board, 1, "Bath panel loose", REPAIR_ROUTINE,
			    "2026-11-02T09:00:00Z");
	struct repair a;
	assert_int_equal(repair_get(f->db, &board, id, &a), DB_OK);
	strcpy(a.description, awkward);
	strcpy(a.location, e.location);
	a.has_cost = 1;
	a.cost_pence = 4200;
	assert_int_equal(repair_update(f->db, &board, &a), DB_OK);
	last_update_json(f, id, api_before, api_after, sizeof api_before);
	assert_string_equal(bulk_before, api_before);
	assert_string_equal(bulk_after, api_after);
	assert_non_null(strstr(bulk_after, "\"cost_pence\":4200"));
	assert_non_null(strstr(bulk_after, "\\\"it's \\\\ broken\\\"\\n\\t"));

	/* The cost was nothing before: null, as the API writes it. */
	assert_non_null(strstr(bulk_before, "\"cost_pence\":null"));
}

/* The bulk path writes an event's whole row itself: a column of the
 * events it does not know stops the load in words, before anything is
 * written, rather than leave the column out of the trail. */
static void bulk_refuses_an_event_column_it_does_not_write(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	raw_exec(f, "ALTER TABLE repair_events ADD COLUMN weather TEXT");
	struct repair_bulk *b = NULL;
	assert_int_equal(db_begin(f->db, &board), DB_OK);
	assert_int_equal(repair_bulk_begin(f->db, &board, "2026-01-01", &b), DB_ERROR);
	assert_null(b);
	assert_string_equal(db_errmsg(f->db), "the bulk path does not write repair_events.weather");
	db_rollback(f->db);
}

/* check's reporter: counts the problems naming the audit switch. */
static void count_switch(const char *name, const char *problem, int warning, void *arg)
{
	(void)name;
	(void)warning;
	if (problem && strstr(problem, "changes to repairs are not audited: audit_context.unaudited"))
		++*(int *)arg;
}

/* The switch the bulk path sets for its two puts: while it names a table,
 * that table's changes leave no audit row and every other table's do; and
 * left set, check fails. */
static void the_audit_switch_skips_one_table_only(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	int64_t id = report(f, &board, 1, "Gutter blocked", REPAIR_ROUTINE, NULL);
	raw_exec(f, "UPDATE audit_context SET unaudited = 'repairs'");
	int64_t audit0 = raw_int(f, "SELECT max(id) FROM audit");
	move(f, id, REPAIR_TRIAGED, "", NULL);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE id > (SELECT max(id) - 1"
				    " FROM audit) AND table_name = 'repair_events'"), 1);
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE id > %lld AND table_name ="
		 " 'repairs'", (long long)audit0);
	assert_int_equal(raw_int(f, sql), 0);
	int failures, named = 0;
	assert_int_equal(db_check(f->db, count_switch, &named, &failures), DB_OK);
	assert_int_equal(named, 1);
	raw_exec(f, "UPDATE audit_context SET unaudited = NULL");
	move(f, id, REPAIR_CANCELLED, "a duplicate", NULL);
	assert_int_equal(raw_int(f, sql), 1);
	named = 0;
	assert_int_equal(db_check(f->db, count_switch, &named, &failures), DB_OK);
	assert_int_equal(named, 0);
}

static void rp02_counts_completions_in_target(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	const char *mon = "2026-11-02T09:00:00Z";
	/* Moves are recorded after the fact, never ahead of now. */
	setenv("COOPDESK_NOW", "2026-12-31T12:00:00Z", 1);
	complete(f, report(f, &board, 1, "E in time", REPAIR_EMERGENCY, mon), "2026-11-03T08:59:59Z");
	complete(f, report(f, &board, 1, "E late", REPAIR_EMERGENCY, mon), "2026-11-03T09:00:01Z");
	complete(f, report(f, &board, 2, "U in time", REPAIR_URGENT, mon), "2026-11-09T17:00:00Z");
	complete(f, report(f, &board, 2, "U late", REPAIR_URGENT, mon), "2026-11-10T08:00:00Z");
	complete(f, report(f, &board, 3, "R in December", REPAIR_ROUTINE, mon), "2026-12-01T09:00:00Z");
	complete(f, report(f, &board, 3, "R in October", REPAIR_ROUTINE, "2026-10-01T09:00:00Z"),
		 "2026-10-31T23:00:00Z");
	report(f, &board, 3, "Still open", REPAIR_EMERGENCY, mon);
	struct rp02 m;
	assert_int_equal(repair_rp02(f->db, &board, "2026-11-01", "2026-11-30", &m), DB_OK);
	assert_int_equal(m.emergency_completed, 2);
	assert_int_equal(m.emergency_in_target, 1);
	assert_int_equal(m.other_completed, 2);
	assert_int_equal(m.other_in_target, 1);
	assert_int_equal(repair_rp02(f->db, &board, "01/11/2026", "2026-12-01", &m), DB_OK);
	assert_int_equal(m.other_completed, 3);
	assert_int_equal(m.other_in_target, 2);
	assert_int_equal(repair_rp02(f->db, &board, "2026-10-01", "2026-12-31", &m), DB_OK);
	assert_int_equal(m.other_completed, 4);
	assert_int_equal(m.other_in_target, 3);
	assert_int_equal(repair_rp02(f->db, &board, "2026-11-30", "2026-11-01", &m), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the period ends before it starts");
	assert_int_equal(repair_rp02(f->db, &board, "2026-02-30", "2026-11-01", &m), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "February 2026 has 28 days"));

	/* History runs forward: not after now, not before the last change. */
	int64_t id = report(f, &board, 2, "Dated moves", REPAIR_ROUTINE, mon);
	assert_int_equal(repair_move_at(f->db, &board, id, version_of(f, id), REPAIR_TRIAGED, "",
					0, "2027-01-01T09:00:00Z"), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a move cannot be dated in the future");
	assert_int_equal(repair_move_at(f->db, &board, id, version_of(f, id), REPAIR_TRIAGED, "",
					0, "2026-11-05T09:00:00Z"), DB_OK);
	assert_int_equal(repair_move_at(f->db, &board, id, version_of(f, id), REPAIR_CANCELLED,
					"duplicate", 0, "2026-11-04T09:00:00Z"), DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "before the repair's last change"));
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	/* The co-op's zone, as a command puts it in force; tests run in TZ=UTC. */
	if (zone_set("Europe/London") != 0)
		return 1;
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	setenv("COOPDESK_NOW", NOW, 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(report_sets_target_event_counts_and_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(targets_follow_settings_weekends_and_bank_holidays, setup, teardown),
		cmocka_unit_test_setup_teardown(bad_input_is_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(every_move_writes_its_event, setup, teardown),
		cmocka_unit_test_setup_teardown(refused_moves_change_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(version_conflict_names_who, setup, teardown),
		cmocka_unit_test_setup_teardown(update_recomputes_target_and_notes_priority, setup, teardown),
		cmocka_unit_test_setup_teardown(damp_dates_lie_between_the_report_and_today, setup, teardown),
		cmocka_unit_test_setup_teardown(right_to_repair_compensation_on_reading, setup, teardown),
		cmocka_unit_test_setup_teardown(roles_allowed_and_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(pages_walk_both_ways_in_every_sort, setup, teardown),
		cmocka_unit_test_setup_teardown(search_finds_words_and_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(search_with_many_matches_pages_the_same, setup, teardown),
		cmocka_unit_test_setup_teardown(search_finds_references_names_and_addresses, setup, teardown),
		cmocka_unit_test_setup_teardown(search_by_name_with_many_matches_pages_the_same, setup, teardown),
		cmocka_unit_test_setup_teardown(overdue_is_open_and_past_target, setup, teardown),
		cmocka_unit_test_setup_teardown(the_local_day_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(home_and_the_list_agree_on_overdue, setup, teardown),
		cmocka_unit_test_setup_teardown(events_page_both_ways, setup, teardown),
		cmocka_unit_test_setup_teardown(rp02_counts_completions_in_target, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_repairs_are_whole_or_refused_in_words, setup, teardown),
		cmocka_unit_test_setup_teardown(the_audit_switch_skips_one_table_only, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_update_json_is_the_apis, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_audit_rows_wait_for_the_put, setup, teardown),
		cmocka_unit_test_setup_teardown(bulk_refuses_an_event_column_it_does_not_write, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
