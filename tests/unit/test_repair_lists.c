/* tests/unit/test_repair_lists.c: the repairs list's filters (priority,
 * contractor, Right to Repair, damp and mould, each status) against an
 * oracle in every sort and both directions; working days late on the
 * list's rows (a weekend and the Christmas bank holidays); the export's
 * pages; and the repairs documents: RP02 on a worked set counted by hand,
 * the overdue report, and the schemes each says were on.
 *
 * The clock is fixed at Tuesday 29 December 2026, 12:00 UTC; 25 and 28
 * December are bank holidays (schema 1's table). */
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

#include "coopdesk/contractors.h"
#include "coopdesk/members.h"
#include "coopdesk/repair_export.h"
#include "coopdesk/repairs.h"
#include "coopdesk/report.h"
#include "coopdesk/settings.h"
#include "coopdesk/zone.h"
#include "testutil.h"

struct fx {
	struct db *db;
	char path[64];
	int64_t alice;
	int64_t plumber, roofer;
};

static void raw_exec(struct fx *f, const char *sql)
{
	sqlite3 *c;
	assert_int_equal(sqlite3_open(f->path, &c), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(c, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("fixture: %s", err);
	sqlite3_close(c);
}

static int64_t contractor(struct db *db, const char *name)
{
	struct actor board = test_board();
	struct contractor c = { 0 };
	strcpy(c.name, name);
	assert_int_equal(contractor_create(db, &board, &c), DB_OK);
	return c.id;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct actor board = test_board();
	setenv("COOPDESK_NOW", "2026-12-29T12:00:00Z", 1);
	setenv("COOPDESK_TODAY", "2026-12-29", 1);
	f->db = test_db_file(f->path);
	struct member m = { 0 };
	strcpy(m.name, "Alice Tenant");
	strcpy(m.address, "Rochdale");
	strcpy(m.entered_on, "2020-01-01");
	assert_int_equal(member_create(f->db, &board, &m), DB_OK);
	f->alice = m.id;
	raw_exec(f, "INSERT INTO homes (id, uuid, ref, address) VALUES"
		    " (1, '00000000-0000-0000-0000-000000000001', 'H-001', '1 Alder Street'),"
		    " (2, '00000000-0000-0000-0000-000000000002', 'H-002', '2 Alder Street'),"
		    " (3, '00000000-0000-0000-0000-000000000003', 'H-003', '3 Alder Street');");
	f->plumber = contractor(f->db, "Pennine Plumbing");
	f->roofer = contractor(f->db, "Spotland Roofing");
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

static int64_t report(struct fx *f, int64_t home, const char *title, enum repair_priority p,
		      int rtr_days, enum repair_damp damp, const char *at)
{
	struct actor board = test_board();
	struct repair r = { 0 };
	r.home_id = home;
	snprintf(r.title, sizeof r.title, "%s", title);
	r.priority = p;
	r.rtr_days = rtr_days;
	r.damp_hazard = damp;
	snprintf(r.reported_at, sizeof r.reported_at, "%s", at);
	if (repair_report(f->db, &board, &r))
		fail_msg("report: %s", db_errmsg(f->db));
	return r.id;
}

static void move(struct fx *f, int64_t id, enum repair_status to, int64_t contractor_id,
		 const char *at)
{
	struct actor board = test_board();
	struct repair r;
	assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
	int rc = repair_move_at(f->db, &board, id, r.version, to,
				to == REPAIR_CANCELLED ? "not needed" : "", contractor_id, at);
	if (rc)
		fail_msg("move to %s: %s", repair_status_name(to), db_errmsg(f->db));
}

static void complete(struct fx *f, int64_t id, int64_t who_did, const char *at)
{
	move(f, id, REPAIR_TRIAGED, 0, at);
	move(f, id, REPAIR_ASSIGNED, who_did, at);
	move(f, id, REPAIR_IN_PROGRESS, 0, at);
	move(f, id, REPAIR_COMPLETED, 0, at);
}

/* ---- working days late ----------------------------------------------------------- */

static void rows_carry_working_days_late(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	/* Urgent (5 working days) reported Thursday 17 December: due Thursday
	 * 24th. On Tuesday 29th it is 1 working day late: Friday 25th and
	 * Monday 28th are bank holidays, the 26th and 27th a weekend. */
	int64_t a = report(f, 1, "Due Christmas Eve", REPAIR_URGENT, 0, 0, "2026-12-17T10:00:00Z");
	/* Reported Thursday 10th: due Thursday 17th; late 18, 21-24, 29: 6. */
	int64_t b = report(f, 1, "Due the 17th", REPAIR_URGENT, 0, 0, "2026-12-10T10:00:00Z");
	/* An emergency reported 09:00 on the 24th, due 09:00 on the 25th (a
	 * holiday): late by the 29th alone. */
	int64_t c = report(f, 2, "Emergency", REPAIR_EMERGENCY, 0, 0, "2026-12-24T09:00:00Z");
	/* Not yet due; and one due but done. */
	int64_t d = report(f, 2, "Routine", REPAIR_ROUTINE, 0, 0, "2026-12-21T10:00:00Z");
	int64_t e = report(f, 3, "Done late", REPAIR_URGENT, 0, 0, "2026-12-10T10:00:00Z");
	complete(f, e, f->plumber, "2026-12-22T10:00:00Z");
	struct repair_row rows[8];
	int n;
	struct repair_filter all = { .which = REPAIRS_ALL };
	assert_int_equal(repair_page(f->db, &board, &all, REPAIR_NEWEST, PAGE_FIRST, NULL, rows, 8,
				     &n), DB_OK);
	assert_int_equal(n, 5);
	for (int i = 0; i < n; i++) {
		int want = rows[i].id == a ? 1 : rows[i].id == b ? 6 : rows[i].id == c ? 1 : 0;
		if (rows[i].days_late != want)
			fail_msg("R%lld: %d working days late, not %d", (long long)rows[i].id,
				 rows[i].days_late, want);
		assert_int_equal(rows[i].overdue, rows[i].id == a || rows[i].id == b ||
				 rows[i].id == c);
	}
	(void)d;
	/* A bank holiday the board adds moves the count. */
	assert_int_equal(holiday_add(f->db, &board, "2026-12-29", "A day off"), DB_OK);
	struct repair_filter od = { .overdue = 1 };
	assert_int_equal(repair_page(f->db, &board, &od, REPAIR_BY_TARGET, PAGE_FIRST, NULL, rows, 8,
				     &n), DB_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].id, b);
	assert_int_equal(rows[0].days_late, 5);
	assert_int_equal(rows[1].id, a);
	assert_int_equal(rows[1].days_late, 0);
}

/* ---- the filters, against an oracle ---------------------------------------------------- */

struct expect {
	int64_t id, home_id, contractor_id;
	char target[REPAIR_INSTANT_LEN];
	int rank, rtr, damp, open;
	const char *status;
	enum repair_status st;
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

static void walk(struct fx *f, const struct repair_filter *flt, enum repair_sort sort,
		 const int64_t *want, int nwant, int size)
{
	struct actor board = test_board();
	static struct repair_row rows[64];
	struct page_key key;
	int n, seen = 0;
	assert_int_equal(repair_page(f->db, &board, flt, sort, PAGE_FIRST, NULL, rows, size, &n),
			 DB_OK);
	while (n > 0) {
		for (int i = 0; i < n; i++, seen++) {
			assert_true(seen < nwant);
			assert_int_equal(rows[i].id, want[seen]);
		}
		repair_row_key(&rows[n - 1], sort, &key);
		assert_int_equal(repair_page(f->db, &board, flt, sort, PAGE_AFTER, &key, rows, size,
					     &n), DB_OK);
	}
	assert_int_equal(seen, nwant);
	assert_int_equal(repair_page(f->db, &board, flt, sort, PAGE_LAST, NULL, rows, size, &n),
			 DB_OK);
	while (n > 0) {
		for (int i = n - 1; i >= 0; i--) {
			assert_true(seen > 0);
			assert_int_equal(rows[i].id, want[--seen]);
		}
		repair_row_key(&rows[0], sort, &key);
		assert_int_equal(repair_page(f->db, &board, flt, sort, PAGE_BEFORE, &key, rows, size,
					     &n), DB_OK);
	}
	assert_int_equal(seen, 0);
}

/* Whether a repair belongs in the list under the filter. */
static int wanted(const struct expect *e, const struct repair_filter *flt)
{
	if (flt->which == REPAIRS_OPEN && !e->open)
		return 0;
	if (flt->which == REPAIRS_STATUS && e->st != flt->status)
		return 0;
	if (flt->priority && e->rank != (int)flt->priority)
		return 0;
	if (flt->contractor_id && e->contractor_id != flt->contractor_id)
		return 0;
	if (flt->rtr_only && !e->rtr)
		return 0;
	if (flt->damp_only && !e->damp)
		return 0;
	return 1;
}

static void filters_page_both_ways_in_every_sort(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	struct expect e[48];
	int ne = 0;
	for (int i = 0; i < 42; i++) {
		char title[40], at[32];
		snprintf(title, sizeof title, "Repair %02d", i);
		snprintf(at, sizeof at, "2026-11-%02dT%02d:00:00Z", 2 + i % 19, 8 + i % 9);
		int rtr = i % 4 == 1 ? (i % 3 == 0 ? 1 : 7) : 0;
		enum repair_damp damp = i % 5 == 2 ? REPAIR_DAMP_SIGNIFICANT
				      : i % 11 == 3 ? REPAIR_DAMP_EMERGENCY : REPAIR_DAMP_NONE;
		int64_t id = report(f, 1 + i % 3, title, (enum repair_priority)(1 + i % 4), rtr, damp,
				    at);
		int64_t who_does = i % 2 ? f->plumber : f->roofer;
		if (i % 6 == 1) {
			move(f, id, REPAIR_TRIAGED, 0, NULL);
			move(f, id, REPAIR_ASSIGNED, who_does, NULL);
		}
		if (i % 6 == 2)
			complete(f, id, who_does, NULL);
		if (i % 6 == 3) {
			complete(f, id, who_does, NULL);
			move(f, id, REPAIR_CLOSED, 0, NULL);
		}
		if (i % 7 == 4 && i % 6 != 2 && i % 6 != 3)
			move(f, id, REPAIR_CANCELLED, 0, NULL);
		struct repair r;
		assert_int_equal(repair_get(f->db, &board, id, &r), DB_OK);
		e[ne] = (struct expect){ .id = id, .home_id = r.home_id,
					 .contractor_id = r.contractor_id, .rank = r.priority,
					 .rtr = r.rtr_days != 0, .damp = r.damp_hazard != 0,
					 .open = repair_status_is_open(r.status),
					 .status = repair_status_name(r.status), .st = r.status };
		strcpy(e[ne].target, r.target_at);
		ne++;
	}
	const struct repair_filter filters[] = {
		{ .which = REPAIRS_OPEN, .priority = REPAIR_EMERGENCY },
		{ .which = REPAIRS_OPEN, .priority = REPAIR_ROUTINE },
		{ .which = REPAIRS_ALL, .priority = REPAIR_URGENT },
		{ .which = REPAIRS_OPEN },
		{ .which = REPAIRS_ALL, .rtr_only = 1 },
		{ .which = REPAIRS_OPEN, .rtr_only = 1 },
		{ .which = REPAIRS_ALL, .damp_only = 1 },
		{ .which = REPAIRS_OPEN, .damp_only = 1 },
		{ .which = REPAIRS_STATUS, .status = REPAIR_COMPLETED },
		{ .which = REPAIRS_STATUS, .status = REPAIR_CLOSED },
		{ .which = REPAIRS_STATUS, .status = REPAIR_CANCELLED },
		{ .which = REPAIRS_STATUS, .status = REPAIR_ASSIGNED },
		{ .which = REPAIRS_STATUS, .status = REPAIR_COMPLETED, .damp_only = 1 },
		{ .which = REPAIRS_ALL, .priority = REPAIR_PLANNED, .damp_only = 1 },
	};
	int nf = (int)(sizeof filters / sizeof filters[0]);
	static const enum repair_sort sorts[] = { REPAIR_NEWEST, REPAIR_BY_TARGET, REPAIR_BY_PRIORITY,
						  REPAIR_BY_STATUS, REPAIR_BY_HOME };
	for (int s = 0; s < 5; s++) {
		cmp_sort = sorts[s];
		qsort(e, (size_t)ne, sizeof e[0], cmp_expect);
		for (int k = 0; k < nf + 2; k++) {
			struct repair_filter flt = k < nf ? filters[k]
					      : (struct repair_filter){ .which = REPAIRS_ALL };
			if (k == nf)
				flt.contractor_id = f->plumber;
			if (k == nf + 1) {
				flt.which = REPAIRS_STATUS;
				flt.status = REPAIR_COMPLETED;
				flt.contractor_id = f->roofer;
			}
			int64_t want[48];
			int nw = 0;
			for (int i = 0; i < ne; i++)
				if (wanted(&e[i], &flt))
					want[nw++] = e[i].id;
			/* Each filter keeps some and leaves out some. */
			if (nw == 0 || nw == ne)
				fail_msg("filter %d keeps %d of %d: not a test", k, nw, ne);
			for (int size = 1; size <= 16; size += 5)
				walk(f, &flt, sorts[s], want, nw, size);
		}
	}
}

/* ---- the export's pages ---------------------------------------------------------------- */

static void export_pages_by_number_within_the_period(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board(), alice = test_member(f->alice);
	/* 23:30 UTC on 30 June is 1 July in London: in July's period. */
	int64_t a = report(f, 1, "June", REPAIR_ROUTINE, 0, 0, "2026-06-30T22:30:00Z");
	int64_t b = report(f, 1, "July, by the clock", REPAIR_ROUTINE, 0, 0, "2026-06-30T23:30:00Z");
	int64_t c = report(f, 2, "Late July", REPAIR_URGENT, 7, 0, "2026-07-31T22:59:00Z");
	int64_t d = report(f, 2, "August", REPAIR_URGENT, 0, 0, "2026-07-31T23:00:00Z");
	complete(f, c, f->roofer, "2026-08-03T09:00:00Z");
	struct repair_export_row rows[4];
	int n;
	assert_int_equal(repair_export_page(f->db, &board, "2026-07-01", "31/07/2026", 0, rows, 1,
					    &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, b);
	assert_int_equal(repair_export_page(f->db, &board, "2026-07-01", "31/07/2026", rows[0].id,
					    rows, 1, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].id, c);
	assert_string_equal(rows[0].contractor, "Spotland Roofing");
	assert_int_equal(rows[0].rtr_days, 7);
	assert_int_equal(rows[0].within_target, 1);
	assert_int_equal(repair_export_page(f->db, &board, "2026-07-01", "31/07/2026", rows[0].id,
					    rows, 1, &n), DB_OK);
	assert_int_equal(n, 0);
	assert_int_equal(repair_export_page(f->db, &board, NULL, NULL, 0, rows, 4, &n), DB_OK);
	assert_int_equal(n, 4);
	assert_int_equal(rows[0].id, a);
	assert_int_equal(rows[3].id, d);
	assert_int_equal(rows[3].within_target, -1);
	/* The events of the period. */
	struct repair_export_event ev[8];
	assert_int_equal(repair_export_events(f->db, &board, "2026-08-01", "", 0, ev, 8, &n), DB_OK);
	/* d's report (1 August in London) and c's four moves on the 3rd. */
	assert_int_equal(n, 5);
	assert_int_equal(ev[0].repair_id, d);
	assert_int_equal(ev[0].from_status, REPAIR_NO_STATUS);
	assert_int_equal(ev[1].repair_id, c);
	assert_int_equal(ev[1].from_status, REPAIR_REPORTED);
	assert_int_equal(ev[4].to_status, REPAIR_COMPLETED);
	/* d is due Friday 7 August (reported on the 1st in London): done at
	 * 00:30 on the 8th there, though still the 7th in UTC, it is late. */
	complete(f, d, f->plumber, "2026-08-07T23:30:00Z");
	assert_int_equal(repair_export_page(f->db, &board, NULL, NULL, c, rows, 4, &n), DB_OK);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].target_at, "2026-08-07");
	assert_int_equal(rows[0].within_target, 0);
	/* Refusals, in words. */
	assert_int_equal(repair_export_page(f->db, &alice, NULL, NULL, 0, rows, 4, &n), DB_DENIED);
	assert_int_equal(repair_export_page(f->db, &board, "2026-08-01", "2026-07-01", 0, rows, 4,
					    &n), DB_INVALID);
	assert_string_equal(db_errmsg(f->db), "the period ends before it starts");
	assert_int_equal(repair_export_events(f->db, &board, "2026-02-30", NULL, 0, ev, 4, &n),
			 DB_INVALID);
	assert_non_null(strstr(db_errmsg(f->db), "February 2026 has 28 days"));
}

/* ---- the documents --------------------------------------------------------------------- */

struct doc {
	char *text;
	size_t len;
	int rc;
};

static struct doc rp02_doc(struct db *db, const struct actor *who, const char *from,
			   const char *to, enum report_format format)
{
	struct doc d = { NULL, 0, 0 };
	struct report_opts o = { format, 1, 0 };
	FILE *out = open_memstream(&d.text, &d.len);
	d.rc = report_rp02(db, who, from, to, &o, out);
	fclose(out);
	return d;
}

#define has(d, s) \
	do { \
		if (!strstr((d).text, (s))) \
			fprintf(stderr, "----\n%s\n----\n", (d).text); \
		assert_non_null(strstr((d).text, (s))); \
	} while (0)

/* A worked set, counted by hand: in November 2026, emergencies completed
 * 3 (2 within 24 hours), others 4 (urgent in 5 working days: 1 of 2;
 * routine in 28: 2 of 2); one completed in October and one in December
 * fall outside; an open emergency and a cancelled one count nowhere. */
static void rp02_on_a_worked_set(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board(), alice = test_member(f->alice);
	const char *mon = "2026-11-02T09:00:00Z";
	complete(f, report(f, 1, "E1", REPAIR_EMERGENCY, 0, 0, mon), f->plumber,
		 "2026-11-03T08:00:00Z");
	complete(f, report(f, 1, "E2", REPAIR_EMERGENCY, 0, 0, mon), f->plumber,
		 "2026-11-03T09:00:00Z");
	complete(f, report(f, 1, "E3 late", REPAIR_EMERGENCY, 0, 0, mon), f->plumber,
		 "2026-11-03T09:00:01Z");
	/* Urgent from Monday 2nd: due Monday 9th, done by its end or not. */
	complete(f, report(f, 2, "U1", REPAIR_URGENT, 0, 0, mon), f->roofer,
		 "2026-11-09T23:59:00Z");
	complete(f, report(f, 2, "U2 late", REPAIR_URGENT, 0, 0, mon), f->roofer,
		 "2026-11-10T00:00:00Z");
	complete(f, report(f, 3, "R1", REPAIR_ROUTINE, 0, 0, mon), f->roofer,
		 "2026-11-20T10:00:00Z");
	/* Reported Tuesday 27 October: 28 working days is Friday 4 December. */
	complete(f, report(f, 3, "R2", REPAIR_ROUTINE, 0, 0, "2026-10-27T09:00:00Z"), f->roofer,
		 "2026-11-30T23:59:59Z");
	complete(f, report(f, 3, "October", REPAIR_ROUTINE, 0, 0, "2026-10-01T09:00:00Z"),
		 f->roofer, "2026-10-31T23:59:59Z");
	complete(f, report(f, 3, "December", REPAIR_EMERGENCY, 0, 0, "2026-11-30T23:00:00Z"),
		 f->roofer, "2026-12-01T00:00:00Z");
	report(f, 1, "Open", REPAIR_EMERGENCY, 0, 0, mon);
	move(f, report(f, 1, "Cancelled", REPAIR_EMERGENCY, 0, 0, mon), REPAIR_CANCELLED, 0, NULL);

	struct rp02 m;
	assert_int_equal(repair_rp02(f->db, &board, "2026-11-01", "2026-11-30", &m), DB_OK);
	assert_int_equal(m.emergency_completed, 3);
	assert_int_equal(m.emergency_in_target, 2);
	assert_int_equal(m.other_completed, 4);
	assert_int_equal(m.other_in_target, 3);

	struct doc d = rp02_doc(f->db, &board, "01/11/2026", "2026-11-30", REPORT_CSV);
	assert_int_equal(d.rc, DB_OK);
	assert_string_equal(d.text, "repairs,completed,within_target,share_percent\r\n"
				    "emergency,3,2,66.7\r\n"
				    "non-emergency,4,3,75.0\r\n");
	free(d.text);
	d = rp02_doc(f->db, &board, "2026-11-01", "2026-11-30", REPORT_TEXT);
	assert_int_equal(d.rc, DB_OK);
	has(d, "RP02: repairs completed within target");
	has(d, "Repairs completed from 01/11/2026 to 30/11/2026");
	has(d, "66.7%");
	has(d, "75.0%");
	has(d, "Schemes: Right to Repair on; Awaab's Law on.");   /* schema 4's defaults */
	free(d.text);
	/* A period with nothing completed: no share, and says so. */
	d = rp02_doc(f->db, &board, "2026-06-01", "2026-06-30", REPORT_MD);
	assert_int_equal(d.rc, DB_OK);
	has(d, "No repair was completed in the period.");
	free(d.text);
	/* The schemes on and off as set; and said "not set" for a database
	 * that has no such setting. */
	raw_exec(f, "UPDATE settings SET value = '0' WHERE key = 'scheme_awaab'");
	d = rp02_doc(f->db, &board, "2026-11-01", "2026-11-30", REPORT_TEXT);
	has(d, "Schemes: Right to Repair on; Awaab's Law off.");
	free(d.text);
	raw_exec(f, "DELETE FROM settings WHERE key IN ('scheme_awaab', 'scheme_right_to_repair')");
	d = rp02_doc(f->db, &board, "2026-11-01", "2026-11-30", REPORT_TEXT);
	has(d, "Schemes: Right to Repair not set; Awaab's Law not set.");
	free(d.text);
	/* Refusals write nothing. */
	d = rp02_doc(f->db, &alice, "2026-11-01", "2026-11-30", REPORT_TEXT);
	assert_int_equal(d.rc, DB_DENIED);
	assert_int_equal(d.len, 0);
	free(d.text);
	d = rp02_doc(f->db, &board, "2026-11-30", "2026-11-01", REPORT_TEXT);
	assert_int_equal(d.rc, DB_INVALID);
	assert_int_equal(d.len, 0);
	assert_string_equal(db_errmsg(f->db), "the period ends before it starts");
	free(d.text);
}

static void overdue_report_lists_and_counts(void **state)
{
	struct fx *f = *state;
	struct actor board = test_board();
	report(f, 1, "Due Christmas Eve", REPAIR_URGENT, 0, 0, "2026-12-17T10:00:00Z");
	report(f, 2, "=HYPERLINK(\"x\")", REPAIR_URGENT, 7, REPAIR_DAMP_SIGNIFICANT,
	       "2026-12-10T10:00:00Z");
	report(f, 2, "Not due", REPAIR_ROUTINE, 0, 0, "2026-12-21T10:00:00Z");
	struct doc d = { NULL, 0, 0 };
	struct report_opts o = { REPORT_CSV, 1, 0 };
	FILE *out = open_memstream(&d.text, &d.len);
	assert_int_equal(report_overdue(f->db, &board, &o, out), DB_OK);
	fclose(out);
	assert_string_equal(d.text,
		"repair,home,priority,status,target,working_days_late,right_to_repair_days,"
		"damp_hazard,summary\r\n"
		"R-000002,H-002,urgent,reported,2026-12-17,6,7,significant,\"'=HYPERLINK(\"\"x\"\")\"\r\n"
		"R-000001,H-001,urgent,reported,2026-12-24,1,,,Due Christmas Eve\r\n");
	free(d.text);
	o.format = REPORT_TEXT;
	out = open_memstream(&d.text, &d.len);
	assert_int_equal(report_overdue(f->db, &board, &o, out), DB_OK);
	fclose(out);
	has(d, "2 open repairs past the target: 0 emergency, 2 urgent, 0 routine, 0 planned.");
	has(d, "Schemes: Right to Repair on; Awaab's Law on.");
	has(d, "17/12/2026");
	free(d.text);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (zone_set("Europe/London") != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(rows_carry_working_days_late, setup, teardown),
		cmocka_unit_test_setup_teardown(filters_page_both_ways_in_every_sort, setup, teardown),
		cmocka_unit_test_setup_teardown(export_pages_by_number_within_the_period, setup,
						teardown),
		cmocka_unit_test_setup_teardown(rp02_on_a_worked_set, setup, teardown),
		cmocka_unit_test_setup_teardown(overdue_report_lists_and_counts, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
