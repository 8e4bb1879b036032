/*
 * tests/unit/test_repair_flow.c: logging a repair and the schemes that may
 * bind it (issue 10): the Right to Repair schedule and its seasons, the
 * schemes switched off, targets from the local reporting day across
 * weekends, bank holidays and the year end, the second contractor and the
 * compensation that follows only when they miss too, settled as paid or
 * against rent arrears.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "coopdesk/contractors.h"
#include "coopdesk/members.h"
#include "coopdesk/rent.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/repairs.h"
#include "coopdesk/report.h"
#include "coopdesk/settings.h"
#include "coopdesk/zone.h"
#include "testutil.h"

struct fx {
	struct db *db;
	char path[64];
	int64_t alice;
	int64_t first, second;     /* contractors */
	int64_t heating;           /* the heating defect of the schedule */
};

static void when(const char *now)
{
	char today[11];
	snprintf(today, sizeof today, "%.10s", now);
	setenv("COOPDESK_NOW", now, 1);
	setenv("COOPDESK_TODAY", today, 1);
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

static int set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	return setting_set(db, &board, key, value, s.version);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct actor board = test_board();
	when("2026-11-22T10:00:00Z");
	f->db = test_db_file(f->path);
	struct member m = { 0 };
	strcpy(m.name, "Alice Tenant");
	strcpy(m.address, "1 Alder Street");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(f->db, &board, &m), DB_OK);
	f->alice = m.id;
	char sql[512];
	snprintf(sql, sizeof sql,
		 "INSERT INTO homes (id, uuid, ref, address) VALUES"
		 " (1, '00000000-0000-0000-0000-000000000001', 'H-001', '1 Alder Street');"
		 "INSERT INTO tenancies (id, uuid, home_id, start_date) VALUES"
		 " (1, '00000000-0000-0000-0000-000000000011', 1, '2021-07-01');"
		 "INSERT INTO tenancy_signatories (tenancy_id, member_id) VALUES (1, %lld);",
		 (long long)f->alice);
	raw_exec(f, sql);
	struct contractor c = { 0 };
	strcpy(c.name, "Pennine Plumbing");
	assert_int_equal(contractor_create(f->db, &board, &c), DB_OK);
	f->first = c.id;
	strcpy(c.name, "Second Fix Ltd");
	assert_int_equal(contractor_create(f->db, &board, &c), DB_OK);
	f->second = c.id;
	f->heating = raw_int(f, "SELECT id FROM rtr_defects WHERE defect LIKE '%space or water heating'");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	db_close(f->db);
	test_db_unlink(f->path);
	free(f);
	return 0;
}

static int64_t log_repair(struct fx *f, enum repair_priority p, int64_t defect, const char *at,
			  char target[REPAIR_INSTANT_LEN])
{
	struct actor board = test_board();
	struct repair *r = calloc(1, sizeof *r);
	r->home_id = 1;
	strcpy(r->title, "Something wrong");
	r->priority = p;
	r->rtr_defect_id = defect;
	r->reported_how = REPAIR_BY_PHONE;
	r->category = REPAIR_PLUMBING;
	strcpy(r->reported_at, at);
	if (repair_report(f->db, &board, r) != DB_OK)
		fail_msg("report: %s", db_errmsg(f->db));
	if (target)
		strcpy(target, r->target_at);
	int64_t id = r->id;
	free(r);
	return id;
}

static int64_t version_of(struct fx *f, int64_t id)
{
	struct actor board = test_board();
	struct repair *r = calloc(1, sizeof *r);
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	int64_t v = r->version;
	free(r);
	return v;
}

static void move(struct fx *f, int64_t id, enum repair_status to)
{
	struct actor board = test_board();
	if (repair_move(f->db, &board, id, version_of(f, id), to, "", f->first))
		fail_msg("move to %s: %s", repair_status_name(to), db_errmsg(f->db));
}

/* ---- targets ---------------------------------------------------------------- */

static void targets_cross_weekends_bank_holidays_and_the_year_end(void **state)
{
	struct fx *f = *state;
	char t[REPAIR_INSTANT_LEN];
	when("2027-06-01T10:00:00Z");
	/* Urgent (5 working days), reported Thursday 24 December 2026: the
	 * 25th, 28th (Boxing Day's substitute) and 1 January are holidays. */
	log_repair(f, REPAIR_URGENT, 0, "2026-12-24T10:00:00Z", t);
	assert_string_equal(t, "2027-01-05");
	/* Emergency: 24 hours, whatever the calendar. */
	log_repair(f, REPAIR_EMERGENCY, 0, "2026-12-24T20:15:00Z", t);
	assert_string_equal(t, "2026-12-25T20:15:00Z");
	/* 00:30 BST on Wednesday 1 July is 23:30 UTC on the 30th: counted from
	 * the 1st, so 5 working days end on Wednesday the 8th (not the 7th). */
	log_repair(f, REPAIR_URGENT, 0, "2026-06-30T23:30:00Z", t);
	assert_string_equal(t, "2026-07-08");
	/* A Friday report skips the weekend. */
	log_repair(f, REPAIR_ROUTINE, 0, "2026-11-20T10:00:00Z", t);
	assert_string_equal(t, "2027-01-04");   /* 25th, 28th, 1st */
}

static void heating_follows_the_season_of_the_local_day(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair *r = calloc(1, sizeof *r);
	char t[REPAIR_INSTANT_LEN];
	when("2027-06-01T10:00:00Z");
	/* Thursday 30 April 2026 (winter: 1 day) and Friday 1 May (summer: 3). */
	int64_t apr = log_repair(f, REPAIR_PLANNED, f->heating, "2026-04-30T12:00:00Z", t);
	assert_string_equal(t, "2026-05-01");
	assert_int_equal(repair_get(f->db, &board, apr, r), DB_OK);
	assert_int_equal(r->rtr_days, 1);
	assert_string_equal(r->rtr_defect, "total or partial loss of space or water heating");
	int64_t may = log_repair(f, REPAIR_PLANNED, f->heating, "2026-05-01T12:00:00Z", t);
	assert_string_equal(t, "2026-05-07");   /* Mon 4 May is a bank holiday */
	assert_int_equal(repair_get(f->db, &board, may, r), DB_OK);
	assert_int_equal(r->rtr_days, 3);
	/* 00:30 BST on 1 May is 23:30 UTC on 30 April: summer, by the local day. */
	int64_t night = log_repair(f, REPAIR_PLANNED, f->heating, "2026-04-30T23:30:00Z", t);
	assert_int_equal(repair_get(f->db, &board, night, r), DB_OK);
	assert_int_equal(r->rtr_days, 3);
	/* 31 October is summer, 1 November winter. */
	log_repair(f, REPAIR_PLANNED, f->heating, "2026-10-30T12:00:00Z", t);
	assert_string_equal(t, "2026-11-04");
	log_repair(f, REPAIR_PLANNED, f->heating, "2026-11-02T12:00:00Z", t);
	assert_string_equal(t, "2026-11-03");
	assert_int_equal(repair_rtr_season_days(1, 3, "2026-10-31"), 3);
	assert_int_equal(repair_rtr_season_days(1, 3, "2026-11-01"), 1);
	assert_int_equal(repair_rtr_season_days(1, 3, "2026-04-30"), 1);
	assert_int_equal(repair_rtr_season_days(1, 3, "2026-05-01"), 3);
	assert_int_equal(repair_rtr_season_days(7, 0, "2026-05-01"), 7);
	free(r);
}

static void the_preview_says_what_saving_would(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair r = { 0 };
	struct repair_preview p;
	when("2026-12-24T10:00:00Z");
	r.home_id = 1;
	r.priority = REPAIR_ROUTINE;
	r.rtr_defect_id = f->heating;
	assert_int_equal(repair_preview(f->db, &board, &r, &p), DB_OK);
	assert_int_equal(p.rtr_days, 1);
	assert_int_equal(p.rtr_out_by_cost, 0);
	assert_string_equal(p.target_at, "2026-12-29");
	/* An estimate over £250 takes it out of the scheme. */
	r.has_cost = 1;
	r.cost_pence = 25001;
	assert_int_equal(repair_preview(f->db, &board, &r, &p), DB_OK);
	assert_int_equal(p.rtr_days, 0);
	assert_int_equal(p.rtr_out_by_cost, 1);
	assert_int_equal(p.rtr_max_cost, 25000);
	assert_string_equal(p.target_at, "2027-02-05");
	r.cost_pence = 25000;
	assert_int_equal(repair_preview(f->db, &board, &r, &p), DB_OK);
	assert_int_equal(p.rtr_days, 1);
	/* Damp and mould starts Awaab's clock: 10 working days to investigate. */
	memset(&r, 0, sizeof r);
	r.home_id = 1;
	r.priority = REPAIR_PLANNED;
	r.category = REPAIR_DAMP_MOULD;
	assert_int_equal(repair_preview(f->db, &board, &r, &p), DB_OK);
	assert_int_equal(p.damp, REPAIR_DAMP_SIGNIFICANT);
	assert_string_equal(p.damp_due, "2027-01-12");
	assert_string_equal(p.target_at, "2027-01-12");
	r.damp_hazard = REPAIR_DAMP_EMERGENCY;
	assert_int_equal(repair_preview(f->db, &board, &r, &p), DB_OK);
	assert_string_equal(p.damp_due, "2026-12-25T10:00:00Z");
	/* No priority yet: no target, said in words. */
	r.priority = REPAIR_PRIORITY_NONE;
	assert_int_equal(repair_preview(f->db, &board, &r, &p), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "choose the priority to see the target");
}

static void a_scheme_switched_off_stands_aside(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair *r = calloc(1, sizeof *r);
	char t[REPAIR_INSTANT_LEN];
	assert_int_equal(set(f->db, "scheme_right_to_repair", "0"), DB_OK);
	int64_t id = log_repair(f, REPAIR_ROUTINE, f->heating, "2026-11-02T09:00:00Z", t);
	assert_string_equal(t, "2026-12-10");     /* routine: the defect stands aside */
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	assert_int_equal(r->rtr_on, 0);
	assert_int_equal(r->rtr_days, 0);
	assert_string_equal(r->rtr_defect, "");
	assert_int_equal(repair_rtr_second(f->db, &board, id, r->version, "2026-11-20", f->second),
			 DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "Right to Repair does not bind the co-op (the setting"
			    " scheme_right_to_repair is off)");
	assert_int_equal(set(f->db, "scheme_right_to_repair", "1"), DB_OK);

	assert_int_equal(set(f->db, "scheme_awaab", "0"), DB_OK);
	memset(r, 0, sizeof *r);
	r->home_id = 1;
	strcpy(r->title, "Black mould in the bedroom");
	r->priority = REPAIR_ROUTINE;
	r->category = REPAIR_DAMP_MOULD;
	strcpy(r->reported_at, "2026-11-02T09:00:00Z");
	assert_int_equal(repair_report(f->db, &board, r), DB_OK);
	assert_string_equal(r->target_at, "2026-12-10");
	assert_int_equal(repair_get(f->db, &board, r->id, r), DB_OK);
	assert_int_equal(r->awaab_on, 0);
	assert_string_equal(r->damp_investigate_due, "");
	assert_int_equal(set(f->db, "scheme_awaab", "1"), DB_OK);
	assert_int_equal(repair_get(f->db, &board, r->id, r), DB_OK);
	assert_int_equal(r->awaab_on, 1);
	assert_string_equal(r->damp_investigate_due, "2026-11-16");
	assert_int_equal(set(f->db, "scheme_awaab", "2"), DB_CONSTRAINT);
	free(r);
}

/* ---- the second contractor and compensation ---------------------------------------- */

/* A 1-day Right to Repair repair reported Monday 1 February 2027 (due the
 * 2nd), the second contractor asked for on the 3rd (due the 4th), done
 * `late` days after that. Returns the compensation read back. */
static int64_t second_misses_by(struct fx *f, int late, int ask)
{
	struct actor board = test_board();
	struct repair *r = calloc(1, sizeof *r);
	when("2027-02-01T09:00:00Z");
	int64_t id = log_repair(f, REPAIR_ROUTINE, 0, "2027-02-01T09:00:00Z", NULL);
	raw_exec(f, "UPDATE repairs SET rtr_days = 1, target_at = '2027-02-02'"
		 " WHERE id = (SELECT max(id) FROM repairs)");
	move(f, id, REPAIR_TRIAGED);
	move(f, id, REPAIR_ASSIGNED);
	when("2027-02-03T09:00:00Z");
	if (ask && repair_rtr_second(f->db, &board, id, version_of(f, id), "2027-02-03", f->second))
		fail_msg("second: %s", db_errmsg(f->db));
	char now[32];
	snprintf(now, sizeof now, "2027-%02d-%02dT12:00:00Z", late + 4 > 28 ? 3 : 2,
		 late + 4 > 28 ? late + 4 - 28 : late + 4);
	when(now);
	move(f, id, REPAIR_IN_PROGRESS);
	move(f, id, REPAIR_COMPLETED);
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	if (ask)
		assert_string_equal(r->rtr_second_due, "2027-02-04");
	int64_t due = r->rtr_compensation_pence;
	free(r);
	return due;
}

static void compensation_only_when_the_second_contractor_misses(void **state)
{
	struct fx *f = *state;
	assert_int_equal(second_misses_by(f, 0, 1), 0);
	assert_int_equal(second_misses_by(f, 1, 1), 1200);
	assert_int_equal(second_misses_by(f, 20, 1), 5000);
	assert_int_equal(second_misses_by(f, 30, 1), 5000);
	assert_int_equal(second_misses_by(f, 30, 0), 0);   /* no second contractor: none */
	/* The rule alone, with the co-op's numbers. */
	struct repair_rules rules;
	assert_int_equal(repair_rules_load(f->db, &rules), DB_OK);
	assert_int_equal(repair_rtr_compensation(&rules, 0), 0);
	assert_int_equal(repair_rtr_compensation(&rules, 1), 1200);
	assert_int_equal(repair_rtr_compensation(&rules, 20), 5000);
	assert_int_equal(repair_rtr_compensation(&rules, 30), 5000);
	char due[REPAIR_DATE_LEN];
	assert_int_equal(repair_rtr_second_due(NULL, 7, "2027-02-03", due), 0);
	assert_string_equal(due, "2027-02-12");
	assert_int_equal(repair_rtr_second_due(NULL, 2, "2027-02-03", due), -1);
}

static void second_contractor_refusals(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor vol = test_volunteer(f->alice);
	when("2027-02-01T09:00:00Z");
	int64_t id = log_repair(f, REPAIR_ROUTINE, f->heating, "2027-02-01T09:00:00Z", NULL);
	move(f, id, REPAIR_TRIAGED);
	move(f, id, REPAIR_ASSIGNED);
	int64_t v = version_of(f, id);
	assert_int_equal(repair_rtr_second(f->db, &board, id, v, "2027-02-01", f->second),
			 DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the first contractor has until the end of"
			    " 02/02/2027: a second may be asked for only after that");
	when("2027-02-03T09:00:00Z");
	assert_int_equal(repair_rtr_second(f->db, &vol, id, v, "2027-02-03", f->second), DB_DENIED);
	assert_string_equal(db_errmsg(f->db), "only the board may record a request for a second"
			    " contractor");
	assert_int_equal(repair_rtr_second(f->db, &board, id, v, "2027-02-04", f->second),
			 DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the day the tenant asked cannot be in the future"
			    " (today is 03/02/2027)");
	assert_int_equal(repair_rtr_second(f->db, &board, id, v, "2027-02-03", f->first),
			 DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the second contractor must be another one than the"
			    " first");
	assert_int_equal(repair_rtr_second(f->db, &board, id, v, "2027-02-03", f->second), DB_OK);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM repair_events WHERE note LIKE"
				 " 'Right to Repair: the tenant asked on 03/02/2027%'"), 1);
	assert_int_equal(repair_rtr_second(f->db, &board, id, version_of(f, id), "2027-02-03",
					   f->second), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a second contractor was already asked for on"
			    " 03/02/2027");
	/* Settling: not before the repair is done. */
	when("2027-02-10T09:00:00Z");
	assert_int_equal(repair_rtr_settle(f->db, &board, id, version_of(f, id), "rent",
					   "2027-02-10"), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "settle the compensation once the repair is"
			    " completed: until then it still grows");
}

static void compensation_set_against_rent_arrears(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor vol = test_volunteer(f->alice);
	assert_int_equal(second_misses_by(f, 3, 1), 1600);
	int64_t id = raw_int(f, "SELECT max(id) FROM repairs");
	int64_t v = version_of(f, id);
	assert_int_equal(rent_post(f->db, &board, 1, "2027-02-01", RENT_CHARGE, 9000, "Rent", NULL),
			 DB_OK);
	assert_int_equal(repair_rtr_settle(f->db, &vol, id, v, "rent", "2027-02-07"), DB_DENIED);
	assert_int_equal(repair_rtr_settle(f->db, &board, id, v, "cash", "2027-02-07"), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "compensation is paid or set against rent arrears");
	assert_int_equal(repair_rtr_settle(f->db, &board, id, v, "rent", "2027-02-07"), DB_OK);
	int64_t balance = 0;
	assert_int_equal(rent_balance(f->db, &board, 1, &balance, NULL), DB_OK);
	assert_int_equal(balance, 9000 - 1600);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM rent_ledger WHERE kind = 'adjustment'"
				 " AND amount_pence = -1600"), 1);
	struct repair *r = calloc(1, sizeof *r);
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	assert_string_equal(r->rtr_comp_settled, "rent");
	assert_int_equal(r->rtr_comp_paid_pence, 1600);
	assert_string_equal(r->rtr_comp_on, "2027-02-07");
	assert_int_equal(repair_rtr_settle(f->db, &board, id, r->version, "paid", "2027-02-07"),
			 DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the compensation was already settled on 07/02/2027");
	free(r);
}

/* ---- the schedule --------------------------------------------------------------- */

static void the_schedule_is_seeded_and_the_board_edits_it(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor vol = test_volunteer(f->alice);
	struct rtr_defect rows[40], d;
	int n;
	assert_int_equal(rtr_defect_page(f->db, &vol, 1, NULL, PAGE_FIRST, NULL, rows, 40, &n), DB_OK);
	assert_int_equal(n, 19);
	assert_int_equal(rtr_defect_page(f->db, &vol, 1, "HEAT", PAGE_FIRST, NULL, rows, 40, &n),
			 DB_OK);
	assert_int_equal(n, 2);   /* the heating loss, and the pipe, tank or cistern leak */
	assert_int_equal(rtr_defect_get(f->db, &vol, f->heating, &d), DB_OK);
	assert_int_equal(d.days, 1);
	assert_int_equal(d.summer_days, 3);
	d.days = 3;
	assert_int_equal(rtr_defect_save(f->db, &vol, &d), DB_DENIED);
	assert_string_equal(db_errmsg(f->db), "only the board may change the Right to Repair schedule");
	d.days = 2;
	assert_int_equal(rtr_defect_save(f->db, &board, &d), DB_CONSTRAINT);
	assert_string_equal(db_errmsg(f->db), "a Right to Repair target is 1, 3 or 7 working days");
	d.days = 1;
	d.in_use = 0;
	assert_int_equal(rtr_defect_save(f->db, &board, &d), DB_OK);
	assert_int_equal(rtr_defect_page(f->db, &vol, 1, NULL, PAGE_FIRST, NULL, rows, 40, &n), DB_OK);
	assert_int_equal(n, 18);
	struct repair r = { 0 };
	r.home_id = 1;
	strcpy(r.title, "Cold");
	r.priority = REPAIR_ROUTINE;
	r.rtr_defect_id = f->heating;
	assert_int_equal(repair_report(f->db, &board, &r), DB_NOTFOUND);
	assert_string_equal(db_errmsg(f->db), "that defect is no longer in the Right to Repair schedule");
	struct rtr_defect added = { .days = 7 };
	strcpy(added.defect, "broken communal light");
	assert_int_equal(rtr_defect_save(f->db, &board, &added), DB_OK);
	assert_true(added.id > 0);
	assert_int_equal(raw_int(f, "SELECT count(*) FROM audit WHERE table_name = 'rtr_defects'"), 2);
}

static void how_and_category_are_kept(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct repair *r = calloc(1, sizeof *r);
	int64_t id = log_repair(f, REPAIR_URGENT, 0, "2026-11-20T10:00:00Z", NULL);
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	assert_int_equal(r->reported_how, REPAIR_BY_PHONE);
	assert_int_equal(r->category, REPAIR_PLUMBING);
	assert_string_equal(repair_how_label(REPAIR_IN_PERSON), "in person");
	assert_string_equal(repair_category_label(REPAIR_DAMP_MOULD), "damp and mould");
	assert_int_equal(repair_category_parse("damp_mould"), REPAIR_DAMP_MOULD);
	assert_int_equal(repair_how_parse("fax"), -1);
	r->reported_how = (enum repair_how)9;
	r->id = 0;
	assert_int_equal(repair_report(f->db, &board, r), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "a repair is reported by phone, in person, by email or"
			    " at an inspection");
	/* Awaab's safety work: not before the investigation, not to come. */
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	r->damp_hazard = REPAIR_DAMP_SIGNIFICANT;
	strcpy(r->investigated_on, "2026-11-21");
	strcpy(r->safety_done_on, "2026-11-20");
	assert_int_equal(repair_update(f->db, &board, r), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the safety work cannot have been done before the"
			    " investigation (21/11/2026)");
	strcpy(r->safety_done_on, "2026-11-23");
	assert_int_equal(repair_update(f->db, &board, r), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the date of the safety work cannot be in the future"
			    " (today is 22/11/2026)");
	strcpy(r->safety_done_on, "2026-11-22");
	assert_int_equal(repair_update(f->db, &board, r), DB_OK);
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	assert_string_equal(r->safety_done_on, "2026-11-22");
	free(r);
}


/* ---- every refused move, in its words ------------------------------------------------ */

static void every_refused_move_says_why(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	static const char *const why[REPAIR_STATUS_COUNT] = {
		"a reported repair is triaged next (or cancelled)",
		"a triaged repair is assigned to a contractor next (or cancelled)",
		("an assigned repair is started (in progress) next, given to another contractor,"
		 " or cancelled"),
		"a repair in progress is completed next (or cancelled)",
		"a completed repair is closed next, or reopened (to reported or triaged)",
		"a closed repair can only be reopened (to reported or triaged)",
		"a cancelled repair cannot be moved on: report it again as a new repair",
	};
	/* The way to each status from reported. */
	static const enum repair_status path[] = { REPAIR_TRIAGED, REPAIR_ASSIGNED,
						   REPAIR_IN_PROGRESS, REPAIR_COMPLETED,
						   REPAIR_CLOSED };
	int refused = 0;
	for (int from = 0; from < REPAIR_STATUS_COUNT; from++) {
		int64_t id = log_repair(f, REPAIR_ROUTINE, 0, "2026-11-20T10:00:00Z", NULL);
		if (from == REPAIR_CANCELLED) {
			assert_int_equal(repair_move(f->db, &board, id, 1, REPAIR_CANCELLED, "duplicate",
						     0), DB_OK);
		} else {
			for (int k = 0; k < from; k++)
				move(f, id, path[k]);
		}
		for (int to = 0; to < REPAIR_STATUS_COUNT; to++) {
			if (!repair_move_refusal((enum repair_status)from, (enum repair_status)to))
				continue;
			int64_t v = version_of(f, id);
			assert_int_equal(repair_move(f->db, &board, id, v, (enum repair_status)to, "why",
						     f->first), DB_INVALID);
			assert_string_equal(db_errmsg(f->db), why[from]);
			assert_int_equal(version_of(f, id), v);
			refused++;
		}
	}
	assert_int_equal(refused, 49 - 14);
	/* Closing asks whether the tenant was satisfied, in one transaction. */
	int64_t id = log_repair(f, REPAIR_ROUTINE, 0, "2026-11-20T10:00:00Z", NULL);
	assert_int_equal(repair_close(f->db, &board, id, 1, "", "satisfied"), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), why[REPAIR_REPORTED]);
	for (int k = 0; k < 4; k++)
		move(f, id, path[k]);
	assert_int_equal(repair_close(f->db, &board, id, version_of(f, id), "", "delighted"),
			 DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the tenant was satisfied or not satisfied");
	struct actor member = test_member(f->alice);
	assert_int_equal(repair_close(f->db, &member, id, version_of(f, id), "", "satisfied"),
			 DB_DENIED);
	assert_int_equal(repair_close(f->db, &board, id, version_of(f, id), "", "dissatisfied"),
			 DB_OK);
	struct repair *r = calloc(1, sizeof *r);
	assert_int_equal(repair_get(f->db, &board, id, r), DB_OK);
	assert_int_equal(r->status, REPAIR_CLOSED);
	assert_string_equal(r->satisfaction, "dissatisfied");
	free(r);
}

/* ---- the reports ------------------------------------------------------------------ */

/* A report into a string (freed by the caller); its status in *rc. */
static char *written(struct fx *f, const struct actor *who, int awaab, enum report_format fmt,
		     const char *from, const char *to, int *rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct report_opts o = { .format = fmt, .no_bom = 1 };
	*rc = awaab ? report_awaab(f->db, who, from, to, &o, out)
		    : report_right_to_repair(f->db, who, from, to, &o, out);
	fclose(out);
	return buf;
}

static void the_scheme_reports_say_what_happened(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct actor vol = test_volunteer(f->alice);
	struct actor member = test_member(f->alice);
	int rc;
	/* Met: heating reported Monday 1 February 2027 (1 day), done the 2nd. */
	when("2027-02-01T09:00:00Z");
	int64_t met = log_repair(f, REPAIR_ROUTINE, f->heating, "2027-02-01T09:00:00Z", NULL);
	move(f, met, REPAIR_TRIAGED);
	move(f, met, REPAIR_ASSIGNED);
	when("2027-02-02T15:00:00Z");
	move(f, met, REPAIR_IN_PROGRESS);
	move(f, met, REPAIR_COMPLETED);
	/* Missed, a second contractor asked for, who was 3 days late: £16. */
	assert_int_equal(second_misses_by(f, 3, 1), 1600);
	int64_t late = raw_int(f, "SELECT max(id) FROM repairs");
	/* Damp and mould reported 1 February: investigate by the 15th. */
	when("2027-02-01T09:00:00Z");
	struct repair *r = calloc(1, sizeof *r);
	r->home_id = 1;
	strcpy(r->title, "Mould in the bedroom");
	r->priority = REPAIR_ROUTINE;
	r->category = REPAIR_DAMP_MOULD;
	assert_int_equal(repair_report(f->db, &board, r), DB_OK);
	int64_t damp = r->id;
	free(r);
	when("2027-02-20T09:00:00Z");

	char *text = written(f, &vol, 0, REPORT_TEXT, "01/02/2027", "28/02/2027", &rc);
	assert_int_equal(rc, DB_OK);
	assert_non_null(strstr(text, "Schemes in force: Right to Repair on, Awaab's Law on"));
	assert_non_null(strstr(text, "2 qualifying repairs: 1 met the target, 1 missed it, 0 still"));
	assert_non_null(strstr(text, "Compensation due £16.00; paid £0.00"));
	free(text);
	char *csv = written(f, &board, 0, REPORT_CSV, "2027-02-01", "2027-02-28", &rc);
	char want[400];
	snprintf(want, sizeof want, "R-%06lld,H-001,total or partial loss of space or water heating,"
		 "1,2027-02-02,2027-02-02,yes,,0.00,,right_to_repair=on awaab=on\r\n"
		 "R-%06lld,H-001,(not named),1,2027-02-02,2027-02-07,no,2027-02-03,16.00,,"
		 "right_to_repair=on awaab=on\r\n", (long long)met, (long long)late);
	assert_non_null(strstr(csv, want));
	free(csv);
	/* Outside the period: none. */
	text = written(f, &board, 0, REPORT_TEXT, "2027-01-01", "31/01/2027", &rc);
	assert_non_null(strstr(text, "0 qualifying repairs"));
	free(text);

	csv = written(f, &board, 1, REPORT_CSV, "2027-02-01", NULL, &rc);
	snprintf(want, sizeof want, "R-%06lld,H-001,significant,investigate,2027-02-15,,breached,"
		 "right_to_repair=on awaab=on\r\n", (long long)damp);
	assert_non_null(strstr(csv, want));
	free(csv);
	text = written(f, &board, 1, REPORT_TEXT, "2027-02-01", NULL, &rc);
	assert_non_null(strstr(text, "1 damp and mould repair: 0 clocks running, 1 breached"));
	free(text);

	/* A scheme switched off says so, and lists nothing. */
	assert_int_equal(set(f->db, "scheme_awaab", "0"), DB_OK);
	text = written(f, &board, 1, REPORT_TEXT, "2027-02-01", NULL, &rc);
	assert_int_equal(rc, DB_OK);
	assert_non_null(strstr(text, "Awaab's Law off"));
	assert_non_null(strstr(text, "Awaab's Law does not bind the co-op: there is nothing to"));
	assert_null(strstr(text, "investigate"));
	free(text);
	text = written(f, &board, 0, REPORT_TEXT, "2027-02-01", NULL, &rc);
	assert_non_null(strstr(text, "Right to Repair on, Awaab's Law off"));
	free(text);

	/* Refusals before anything is written. */
	text = written(f, &member, 0, REPORT_TEXT, NULL, NULL, &rc);
	assert_int_equal(rc, DB_DENIED);
	assert_string_equal(text, "");
	free(text);
	text = written(f, &board, 0, REPORT_TEXT, "2027-02-10", "2027-02-01", &rc);
	assert_int_equal(rc, DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the period ends before it begins");
	free(text);
}

/* The rules are read once for the connection and kept, but never stale:
 * a setting changed here, changed by another program, or changed inside
 * a transaction that is then rolled back is what the next read sees. */
static void the_rules_are_kept_until_a_setting_changes(void **state)
{
	struct fx *f = *state;
	struct repair_rules r;
	assert_int_equal(repair_rules_load(f->db, &r), DB_OK);
	int urgent = r.urgent_days;
	assert_int_equal(set(f->db, "repair_urgent_days", "9"), DB_OK);
	assert_int_equal(repair_rules_load(f->db, &r), DB_OK);
	assert_int_equal(r.urgent_days, 9);
	raw_exec(f, "UPDATE settings SET value = '4' WHERE key = 'repair_urgent_days'");
	assert_int_equal(repair_rules_load(f->db, &r), DB_OK);
	assert_int_equal(r.urgent_days, 4);
	struct actor board = actor_system("test");
	assert_int_equal(db_begin(f->db, &board), DB_OK);
	assert_int_equal(set(f->db, "repair_urgent_days", "11"), DB_OK);
	assert_int_equal(repair_rules_load(f->db, &r), DB_OK);
	assert_int_equal(r.urgent_days, 11);
	db_rollback(f->db);
	assert_int_equal(repair_rules_load(f->db, &r), DB_OK);
	assert_int_equal(r.urgent_days, 4);
	assert_true(urgent != 4 && urgent != 9 && urgent != 11);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (zone_set("Europe/London") != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(targets_cross_weekends_bank_holidays_and_the_year_end,
						setup, teardown),
		cmocka_unit_test_setup_teardown(heating_follows_the_season_of_the_local_day, setup,
						teardown),
		cmocka_unit_test_setup_teardown(the_preview_says_what_saving_would, setup, teardown),
		cmocka_unit_test_setup_teardown(a_scheme_switched_off_stands_aside, setup, teardown),
		cmocka_unit_test_setup_teardown(compensation_only_when_the_second_contractor_misses,
						setup, teardown),
		cmocka_unit_test_setup_teardown(second_contractor_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(compensation_set_against_rent_arrears, setup, teardown),
		cmocka_unit_test_setup_teardown(the_schedule_is_seeded_and_the_board_edits_it, setup,
						teardown),
		cmocka_unit_test_setup_teardown(how_and_category_are_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(every_refused_move_says_why, setup, teardown),
		cmocka_unit_test_setup_teardown(the_scheme_reports_say_what_happened, setup, teardown),
		cmocka_unit_test_setup_teardown(the_rules_are_kept_until_a_setting_changes, setup,
						teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
