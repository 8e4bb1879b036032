/*
 * src/db/repairs.c: repairs and their events: reporting, reading one,
 * moving and editing (the list and its search are repair_list.c; counts
 * and RP02 repair_measures.c). Shaped like members.c. The rules (moves, targets, Right to Repair) are the pure
 * functions of src/core/repair_rules.c; this file feeds them the settings
 * and bank holidays, and keeps every write in one transaction with its
 * event.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/clock.h"
#include "coopdesk/repairs.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"
#include "repair_sql.h"
#define SQL_UPDATE repair_sql_update
#define SQL_MOVE repair_sql_move
#define SQL_EVENT repair_sql_event
#define SQL_INSERT repair_sql_insert

static const char SQL_HOME_EXISTS[] = "SELECT 1 FROM homes WHERE id = ?1";
static const char SQL_MEMBER_HOME[] =
	"SELECT 1 FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id"
	" WHERE s.member_id = ?1 AND t.home_id = ?2 AND t.end_date IS NULL";
const char repair_sql_insert[] =
	"INSERT INTO repairs (" REPAIR_SQL_INSERT_COLS ") VALUES (" REPAIR_SQL_INSERT_ARGS ")";
static const char SQL_LAST_EVENT_AT[] =
	"SELECT max(at) FROM repair_events WHERE repair_id = ?1";
const char repair_sql_event[] =
	"INSERT INTO repair_events (" REPAIR_SQL_EVENT_COLS ") VALUES (" REPAIR_SQL_EVENT_ARGS ")";
/* A whole repair: the columns it shares with a list row first
 * (SHARED_FIELDS, as the list's SEL has them), then its own (FULL_FIELDS), as
 * the readers take them. */
static const char SQL_GET[] =
	"SELECT r.id, r.home_id, h.ref, r.title, r.priority_rank, r.status, r.target_at,"
	" r.uuid, coalesce(r.reported_by_member, 0), coalesce(m.name, ''), r.reported_at,"
	" r.description, r.location, coalesce(r.rtr_defect, ''), coalesce(r.rtr_days, 0),"
	" coalesce(r.damp_hazard, ''), coalesce(r.investigated_on, ''),"
	" coalesce(r.summary_sent_on, ''), coalesce(r.contractor_id, 0), coalesce(c.name, ''),"
	" r.cost_pence, coalesce(r.completed_at, ''), coalesce(r.closed_at, ''), r.reopened,"
	" r.version, coalesce(r.reported_how, ''), coalesce(r.category, ''),"
	" coalesce(r.safety_done_on, ''), coalesce(r.rtr_second_on, ''),"
	" coalesce(r.rtr_second_contractor_id, 0), coalesce(c2.name, ''),"
	" coalesce(r.rtr_comp_settled, ''), coalesce(r.rtr_comp_pence, 0),"
	" coalesce(r.rtr_comp_on, ''), coalesce(r.satisfaction, '')"
	" FROM repairs r JOIN homes h ON h.id = r.home_id"
	" LEFT JOIN members m ON m.id = r.reported_by_member"
	" LEFT JOIN contractors c ON c.id = r.contractor_id"
	" LEFT JOIN contractors c2 ON c2.id = r.rtr_second_contractor_id"
	" WHERE r.id = ?1 AND (?2 IS NULL OR " MEMBER_SEES("?2") ")";
static const char SQL_VISIBLE[] =
	"SELECT 1 FROM repairs r WHERE r.id = ?1 AND (?2 IS NULL OR " MEMBER_SEES("?2") ")";
/* What a move or an edit starts from. */
static const char SQL_STATE[] =
	"SELECT status, version, reported_at, priority_rank, coalesce(rtr_days, 0),"
	" coalesce(damp_hazard, ''), cost_pence, target_at, coalesce(contractor_id, 0),"
	" completed_at, closed_at, reopened FROM repairs WHERE id = ?1";
const char repair_sql_move[] = "UPDATE repairs " REPAIR_SQL_MOVE_SET;
const char repair_sql_update[] = "UPDATE repairs " REPAIR_SQL_UPDATE_SET;
const char repair_sql_update_words[] = "UPDATE repairs " REPAIR_SQL_UPDATE_WORDS_SET;
static const char SQL_SATISFACTION[] =
	"UPDATE repairs SET satisfaction = ?2 WHERE id = ?1";
static const char SQL_CONTRACTOR[] = "SELECT in_use FROM contractors WHERE id = ?1";

#define FULL_FIELDS(X) \
	X(TEXT, uuid) X(INT64, reported_by_member) X(TEXT, reported_by_name) \
	X(TEXT, reported_at) X(TEXT, description) X(TEXT, location) X(TEXT, rtr_defect) \
	X(INT, rtr_days) X(DAMP, damp_hazard) X(TEXT, investigated_on) \
	X(TEXT, summary_sent_on) X(INT64, contractor_id) X(TEXT, contractor_name) \
	X(COST, cost_pence) X(TEXT, completed_at) X(TEXT, closed_at) X(INT, reopened) \
	X(INT64, version) X(HOW, reported_how) X(CATEGORY, category) X(TEXT, safety_done_on) \
	X(TEXT, rtr_second_on) X(INT64, rtr_second_contractor_id) \
	X(TEXT, rtr_second_contractor_name) X(TEXT, rtr_comp_settled) \
	X(INT64, rtr_comp_paid_pence) X(TEXT, rtr_comp_on) X(TEXT, satisfaction)
/* What a move or an edit starts from: SQL_STATE's columns. */
#define STATE_FIELDS(X) \
	X(STATUS, status) X(INT64, version) X(TEXT, reported_at) X(PRIORITY, priority) \
	X(INT, rtr_days) X(DAMP, damp) X(COST, cost_pence) X(TEXT, target_at) \
	X(INT64, contractor_id) X(TEXT, completed_at) X(TEXT, closed_at) X(INT, reopened)
#define NO_REPAIR "there is no such repair"

#define EVENT_COLS \
	"SELECT id, repair_id, at, actor, coalesce(from_status, ''), to_status, note" \
	" FROM repair_events WHERE repair_id = ?1"
static const char SQL_EVENT_COUNT[] = "SELECT count(*) FROM repair_events WHERE repair_id = ?1";
static const char *const SQL_EVENTS[4] = {
	[PAGE_FIRST] = EVENT_COLS " ORDER BY id LIMIT ?3",
	[PAGE_LAST] = EVENT_COLS " ORDER BY id DESC LIMIT ?3",
	[PAGE_AFTER] = EVENT_COLS " AND id > ?2 ORDER BY id LIMIT ?3",
	[PAGE_BEFORE] = EVENT_COLS " AND id < ?2 ORDER BY id DESC LIMIT ?3",
};

/* ---- the clock, the rules ----------------------------------------------- */

void repair_now(char now[REPAIR_INSTANT_LEN], char today[REPAIR_DATE_LEN])
{
	char buf[CLOCK_ISO_LEN + 8];
	struct date d;
	int secs;
	clock_now_iso(buf, sizeof buf);
	if (repair_instant_parse(buf, &d, &secs) == 0)
		repair_instant_format(d, secs, now);
	else
		snprintf(now, REPAIR_INSTANT_LEN, "%.20s", buf);
	date_format_iso(date_today(), today, REPAIR_DATE_LEN);
}

static int rules_read(struct db *db, struct repair_rules *rules);

/* The rules are read once for the connection and kept while the settings
 * cannot have changed: no other connection committed (PRAGMA data_version)
 * and this one neither wrote a setting nor rolled back. */
int repair_rules_load(struct db *db, struct repair_rules *rules)
{
	int64_t dv;
	int rc = db_data_version(db, &dv);
	if (rc)
		return rc;
	if (db->rules_cache.ok && db->rules_cache.data_version == dv &&
	    db->rules_cache.settings_gen == db->settings_gen) {
		*rules = db->rules_cache.rules;
		return DB_OK;
	}
	db->rules_cache.ok = 0;
	int64_t gen = db->settings_gen;
	if ((rc = rules_read(db, rules)))
		return rc;
	db->rules_cache.rules = *rules;
	db->rules_cache.data_version = dv;
	db->rules_cache.settings_gen = gen;
	db->rules_cache.ok = 1;
	return DB_OK;
}

static int rules_read(struct db *db, struct repair_rules *rules)
{
	static const struct { const char *key; size_t off; int wide; } map[] = {
#define INT_SETTING(k, f) { k, offsetof(struct repair_rules, f), 0 }
#define MONEY_SETTING(k, f) { k, offsetof(struct repair_rules, f), 1 }
		INT_SETTING("repair_emergency_hours", emergency_hours),
		INT_SETTING("repair_urgent_days", urgent_days),
		INT_SETTING("repair_routine_days", routine_days),
		INT_SETTING("repair_planned_days", planned_days),
		INT_SETTING("damp_emergency_hours", damp_emergency_hours),
		INT_SETTING("damp_investigate_days", damp_investigate_days),
		INT_SETTING("damp_summary_days", damp_summary_days),
		INT_SETTING("damp_safety_days", damp_safety_days),
		MONEY_SETTING("rtr_max_cost", rtr_max_cost),
		MONEY_SETTING("rtr_comp_base", rtr_comp_base),
		MONEY_SETTING("rtr_comp_per_day", rtr_comp_per_day),
		MONEY_SETTING("rtr_comp_cap", rtr_comp_cap),
#undef INT_SETTING
#undef MONEY_SETTING
	};
	memset(rules, 0, sizeof *rules);
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++) {
		int64_t v;
		int rc = setting_int(db, map[i].key, &v);
		if (rc)
			return rc;
		char *field = (char *)rules + map[i].off;
		if (map[i].wide) {
			memcpy(field, &v, sizeof v);
		} else {
			int n = v < 0 ? 0 : v > 100000 ? 100000 : (int)v;
			memcpy(field, &n, sizeof n);
		}
	}
	int64_t on;
	int rc = setting_int(db, "scheme_right_to_repair", &on);
	if (rc)
		return rc;
	rules->rtr_off = !on;
	if ((rc = setting_int(db, "scheme_awaab", &on)))
		return rc;
	rules->awaab_off = !on;
	return DB_OK;
}

/* The local date of an instant ("" stays ""; a date stays that date). */
void repair_local_date(const char *instant, char out[REPAIR_DATE_LEN])
{
	struct date d;
	if (zone_date(instant, &d) == 0)
		date_format_iso(d, out, REPAIR_DATE_LEN);
	else
		snprintf(out, REPAIR_DATE_LEN, "%.10s", instant);
}

/* The rules and the bank holidays from the local day of `from` (an
 * instant) on. The caller frees h->days. */
static int load_calendar(struct db *db, const char *from, struct repair_rules *rules,
			 struct holidays *h)
{
	char day[REPAIR_DATE_LEN];
	repair_local_date(from, day);
	int rc = repair_rules_load(db, rules);
	return rc ? rc : holidays_load(db, day, "2999-12-31", h);
}

static void free_calendar(struct holidays *h)
{
	free((void *)h->days);
	h->days = NULL;
	h->n = 0;
}

/* ---- small helpers ------------------------------------------------------- */

static int blank(const char *s)
{
	for (; s && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Checks and rewrites an optional date field as ISO; "" stays "". */
int repair_clean_date(struct db *db, char *field, const char *what)
{
	struct date d;
	char why[128];
	if (!*field)
		return DB_OK;
	if (date_explain(field, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "%s: %s", what, why);
	date_parse(field, &d);
	date_format_iso(d, field, REPAIR_DATE_LEN);
	return DB_OK;
}

/* One damp and mould milestone (an ISO date, "" for none) lies between
 * the local day the repair was reported and today. */
static int check_milestone(struct db *db, const char *day, const char *what,
			   const char *reported_on, const char *today)
{
	char shown[ZONE_TIME_BUFSZ];
	if (!*day)
		return DB_OK;
	if (strcmp(day, reported_on) < 0)
		return db_set_error(db, DB_INVALID, "%s cannot be before the repair was reported (%s)",
				    what, zone_format(reported_on, shown, sizeof shown));
	if (strcmp(day, today) > 0)
		return db_set_error(db, DB_INVALID, "%s cannot be in the future (today is %s)",
				    what, zone_format(today, shown, sizeof shown));
	return DB_OK;
}

/* The damp and mould dates of an edit (already ISO, clean_date): each on
 * or after the local reporting date and not after today, and the summary
 * sent on or after the investigation it sums up. */
int repair_check_damp_dates(struct db *db, const char *reported_at, const struct repair *r)
{
	char reported_on[REPAIR_DATE_LEN], now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	char shown[ZONE_TIME_BUFSZ];
	int rc;
	repair_local_date(reported_at, reported_on);
	repair_now(now, today);
	if ((rc = check_milestone(db, r->investigated_on, "the date investigated", reported_on,
				  today)) ||
	    (rc = check_milestone(db, r->summary_sent_on, "the date the summary was sent",
				  reported_on, today)) ||
	    (rc = check_milestone(db, r->safety_done_on, "the date of the safety work",
				  reported_on, today)))
		return rc;
	if (r->summary_sent_on[0] && !r->investigated_on[0])
		return db_set_error(db, DB_INVALID, "a written summary follows the investigation:"
				    " give the date investigated first");
	if (r->safety_done_on[0] && r->investigated_on[0] &&
	    strcmp(r->safety_done_on, r->investigated_on) < 0)
		return db_set_error(db, DB_INVALID, "the safety work cannot have been done before"
				    " the investigation (%s)",
				    zone_format(r->investigated_on, shown, sizeof shown));
	if (r->summary_sent_on[0] && strcmp(r->summary_sent_on, r->investigated_on) < 0)
		return db_set_error(db, DB_INVALID, "the summary cannot have been sent before the"
				    " investigation (%s)",
				    zone_format(r->investigated_on, shown, sizeof shown));
	return DB_OK;
}

/* Checks the enumerations and the text every write of the "in" fields
 * shares: the summary, location and defect are one line each. */
int repair_check_fields(struct db *db, const struct repair *r)
{
	int rc;
	if ((rc = db_check_line(db, "a repair's summary", r->title)) ||
	    (rc = db_check_lines(db, "a repair's description", r->description)) ||
	    (rc = db_check_line(db, "a location", r->location)) ||
	    (rc = db_check_line(db, "a Right to Repair defect", r->rtr_defect)))
		return rc;
	if (r->priority < REPAIR_EMERGENCY || r->priority > REPAIR_PLANNED)
		return db_set_error(db, DB_INVALID,
				    "a priority is emergency, urgent, routine or planned");
	if (r->damp_hazard < REPAIR_DAMP_NONE || r->damp_hazard > REPAIR_DAMP_SIGNIFICANT)
		return db_set_error(db, DB_INVALID,
				    "a damp or mould hazard is emergency or significant");
	if ((int)r->reported_how < 0 || r->reported_how >= REPAIR_HOW_COUNT)
		return db_set_error(db, DB_INVALID, "a repair is reported by phone, in person,"
				    " by email or at an inspection");
	if ((int)r->category < 0 || r->category >= REPAIR_CATEGORY_COUNT)
		return db_set_error(db, DB_INVALID, "a repair's category is one of the list");
	if (r->rtr_days != 0 && r->rtr_days != 1 && r->rtr_days != 3 && r->rtr_days != 7)
		return db_set_error(db, DB_INVALID,
				    "a Right to Repair target is 1, 3 or 7 working days");
	return DB_OK;
}

int repair_read_scope(struct db *db, const struct actor *who, int64_t *member)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_READ, &level);
	*member = (rc == DB_OK && level == ACCESS_OWN) ? who->member_id : 0;
	return rc;
}

/* Moves, edits and notes are the estate office's: a member only reports. */
static int office_only(struct db *db, const struct actor *who, const char *doing)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_WRITE, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "a %s may report a repair but not %s it",
				    access_role_name(who->role), doing);
	return DB_OK;
}

static int exists(struct db *db, const char *sql, int64_t a, int64_t b)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, a);
	db_bind_id_or_null(st, 2, b);
	int rc = db_step_row(db, st);
	db_reset(st);
	return rc;
}

/* Binds an event's ?1 to ?7 (REPAIR_SQL_EVENT_ARGS). */
static void repair_bind_event(sqlite3_stmt *st, const struct actor *who, int64_t id,
			      const char *at, enum repair_status from, enum repair_status to,
			      const char *note)
{
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, at);
	sqlite3_bind_int64(st, 3, who ? who->user_id : 0);
	db_bind_text(st, 4, who && who->name ? who->name : "unknown");
	db_bind_text_or_null(st, 5, repair_status_name(from));
	db_bind_text(st, 6, repair_status_name(to));
	db_bind_text(st, 7, note);
}

int repair_add_event(struct db *db, const struct actor *who, int64_t id, const char *at,
		     enum repair_status from, enum repair_status to, const char *note)
{
	sqlite3_stmt *st = db_prep(db, SQL_EVENT);
	if (!st)
		return db_status(db);
	repair_bind_event(st, who, id, at, from, to, note);
	return db_step_done(db, st);
}

/* ---- reporting ------------------------------------------------------------ */

int repair_report(struct db *db, const struct actor *who, struct repair *r)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_WRITE, &level);
	if (rc == DB_OK && level == ACCESS_OWN)
		r->priority = REPAIR_ROUTINE;   /* a tenant's report: the office triages it */
	if (rc || (rc = repair_check_fields(db, r)))
		return rc;
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	repair_now(now, today);
	if (level == ACCESS_OWN)
		r->reported_at[0] = '\0';   /* a member's report is made now */
	if (!r->reported_at[0]) {
		memcpy(r->reported_at, now, sizeof now);
	} else {
		struct date d;
		int secs;
		if (repair_instant_parse(r->reported_at, &d, &secs))
			return db_set_error(db, DB_INVALID,
					    "the time reported must be like 2026-11-22T09:30:00Z");
		repair_instant_format(d, secs, r->reported_at);
		if (strcmp(r->reported_at, now) > 0)
			return db_set_error(db, DB_INVALID, "a repair cannot be reported in the future");
	}
	if (level == ACCESS_OWN) {
		/* A tenant reports; the office triages: the priority and the
		 * targets that follow from it are not theirs to set. */
		r->reported_by_member = who->member_id;
		r->priority = REPAIR_ROUTINE;
		r->rtr_days = 0;
		r->rtr_defect[0] = '\0';
		r->damp_hazard = REPAIR_DAMP_NONE;
		r->rtr_defect_id = 0;
		r->has_cost = 0;
	}
	if ((rc = db_begin(db, who)))
		return rc;
	if (level == ACCESS_OWN) {
		rc = exists(db, SQL_MEMBER_HOME, who->member_id, r->home_id);
		if (rc == DB_NOTFOUND)
			rc = db_set_error(db, DB_DENIED, "a member may report a repair only for"
					  " the home where they hold the tenancy");
	} else {
		rc = exists(db, SQL_HOME_EXISTS, r->home_id, 0);
		if (rc == DB_NOTFOUND)
			rc = db_set_error(db, DB_NOTFOUND, "there is no such home");
	}
	if (rc)
		return db_abort(db, rc);

	struct repair_rules rules;
	struct holidays h = { 0 };
	char day[REPAIR_DATE_LEN];
	repair_local_date(r->reported_at, day);
	if ((rc = repair_apply_schemes(db, r, &rules)) ||
	    (rc = holidays_load(db, day, "2999-12-31", &h)))
		return db_abort(db, rc);
	struct repair_target_in in = { r->reported_at, r->priority, r->rtr_days,
				       r->has_cost, r->cost_pence, r->damp_hazard };
	int bad = repair_target(&rules, &h, &in, r->target_at);
	free_calendar(&h);
	if (bad)
		return db_abort(db, db_set_error(db, DB_INVALID,
						 "no target can be worked out for that repair"));

	sqlite3_stmt *st = db_prep(db, SQL_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	db_new_uuid(r->uuid);
	sqlite3_bind_text(st, 1, r->uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, r->home_id);
	db_bind_id_or_null(st, 3, r->reported_by_member);
	db_bind_text(st, 4, r->reported_at);
	db_bind_text(st, 5, r->title);
	db_bind_text(st, 6, r->description);
	db_bind_text(st, 7, r->location);
	db_bind_text(st, 8, repair_priority_name(r->priority));
	db_bind_text_or_null(st, 9, r->rtr_defect);
	db_bind_id_or_null(st, 10, r->rtr_days);
	db_bind_text_or_null(st, 11, repair_damp_name(r->damp_hazard));
	if (r->has_cost)
		sqlite3_bind_int64(st, 12, r->cost_pence);
	db_bind_text(st, 13, r->target_at);
	db_bind_text_or_null(st, 14, repair_how_name(r->reported_how));
	db_bind_text_or_null(st, 15, repair_category_name(r->category));
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	r->id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = repair_add_event(db, who, r->id, r->reported_at, REPAIR_NO_STATUS, REPAIR_REPORTED, "")))
		return db_abort(db, rc);
	if ((rc = db_commit(db)))
		return rc;
	ref_format('R', r->id, r->ref, sizeof r->ref);
	r->status = REPAIR_REPORTED;
	r->reopened = 0;
	r->version = 1;
	return DB_OK;
}

/* ---- reading one ------------------------------------------------------------ */

/* Days from date a to date b (ISO), calendar days. */
static int days_between(const char *a, const char *b)
{
	struct date x, y;
	if (date_parse(a, &x) != DATE_OK || date_parse(b, &y) != DATE_OK)
		return 0;
	return (int)(date_to_days(y) - date_to_days(x));
}

/* Fills the fields worked out on reading. Right to Repair compensation is
 * due only when the tenant asked for a second contractor and the second
 * period ran out too (domain.md "Repairs"): counted from the second
 * deadline to the day it was done, or today. */
static int derive(struct db *db, struct repair *r)
{
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	repair_now(now, today);
	r->overdue = repair_status_is_open(r->status) &&
		     repair_target_passed(r->target_at, now, today);
	struct repair_rules rules;
	struct holidays h = { 0 };
	int rc = repair_rules_load(db, &rules);
	if (rc)
		return rc;
	r->rtr_on = !rules.rtr_off;
	r->awaab_on = !rules.awaab_off;
	if (!(r->rtr_on && r->rtr_days) && !(r->awaab_on && r->damp_hazard != REPAIR_DAMP_NONE))
		return DB_OK;
	if ((rc = load_calendar(db, r->reported_at, &rules, &h)))
		return rc;
	struct repair_target_in in = { r->reported_at, r->priority, r->rtr_days,
				       r->has_cost, r->cost_pence, r->damp_hazard };
	if (r->rtr_on && r->rtr_days && repair_rtr_due(&rules, &h, &in, r->rtr_due) == 0 &&
	    r->rtr_due[0] && r->rtr_second_on[0] &&
	    repair_rtr_second_due(&h, r->rtr_days, r->rtr_second_on, r->rtr_second_due) == 0 &&
	    r->status != REPAIR_CANCELLED) {
		char end[REPAIR_DATE_LEN];
		repair_local_date(r->completed_at[0] ? r->completed_at : today, end);
		r->rtr_compensation_pence =
			repair_rtr_compensation(&rules, days_between(r->rtr_second_due, end));
	}
	if (r->awaab_on && r->damp_hazard != REPAIR_DAMP_NONE) {
		/* The damp clock alone: a planned repair's target is never
		 * tighter than the hazard's. */
		struct repair_target_in damp = { r->reported_at, REPAIR_PLANNED, 0, 0, 0,
						 r->damp_hazard };
		repair_target(&rules, &h, &damp, r->damp_investigate_due);
	}
	if (r->awaab_on && r->damp_hazard == REPAIR_DAMP_SIGNIFICANT && r->investigated_on[0])
		repair_damp_due(&rules, &h, r->investigated_on, r->damp_summary_due,
				r->damp_safety_due);
	free_calendar(&h);
	return DB_OK;
}

static void read_full(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct repair *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	FULL_FIELDS(DB_COL)
}

int repair_get(struct db *db, const struct actor *who, int64_t id, struct repair *r)
{
	int64_t member;
	int rc = repair_read_scope(db, who, &member);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_GET);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_id_or_null(st, 2, member);
	if ((rc = db_read_one(db, st, read_full, r, NULL, NO_REPAIR)))
		return rc;
	ref_format('R', r->id, r->ref, sizeof r->ref);
	return derive(db, r);
}

/* ---- moving and editing ------------------------------------------------- */

struct state {
	enum repair_status status;
	int64_t version;
	char reported_at[REPAIR_INSTANT_LEN];
	enum repair_priority priority;
	int rtr_days;
	enum repair_damp damp;
	int has_cost;
	int64_t cost_pence;
	char target_at[REPAIR_INSTANT_LEN];
	int64_t contractor_id;
	char completed_at[REPAIR_INSTANT_LEN];
	char closed_at[REPAIR_INSTANT_LEN];
	int reopened;
};

static void read_state_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct state *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	STATE_FIELDS(DB_COL)
}

/* Reads where a repair stands, inside the write's transaction; checks
 * that it exists and is still at `version`. */
static int read_state(struct db *db, int64_t id, int64_t version, struct state *s)
{
	int rc = db_get(db, SQL_STATE, id, read_state_row, s, NULL, NO_REPAIR);
	if (rc)
		return rc;
	if (version >= 0 && s->version != version)
		return db_conflict(db, "repairs", id, "this repair");
	return DB_OK;
}

/* The contractor a repair is being assigned to. */
static int check_contractor(struct db *db, const struct state *s, int64_t contractor_id)
{
	if (contractor_id <= 0)
		return db_set_error(db, DB_INVALID, "choose the contractor to assign the repair to");
	if (s->status == REPAIR_ASSIGNED && s->contractor_id == contractor_id)
		return db_set_error(db, DB_INVALID, "the repair is already assigned to that contractor");
	sqlite3_stmt *st = db_prep(db, SQL_CONTRACTOR);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, contractor_id);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such contractor");
	if (rc)
		return rc;
	int in_use = sqlite3_column_int(st, 0);
	db_reset(st);
	if (!in_use)
		return db_set_error(db, DB_INVALID, "that contractor is marked not in use");
	return DB_OK;
}

int repair_move(struct db *db, const struct actor *who, int64_t id, int64_t version,
		enum repair_status to, const char *note, int64_t contractor_id)
{
	return repair_move_at(db, who, id, version, to, note, contractor_id, NULL);
}

/* History runs forward: a move recorded after the fact may not be dated
 * before the repair's last event. */
static int check_after_last_event(struct db *db, int64_t id, const char *when)
{
	sqlite3_stmt *st = db_prep(db, SQL_LAST_EVENT_AT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st);
	if (rc)
		return rc == DB_NOTFOUND ? DB_OK : rc;
	char last[REPAIR_INSTANT_LEN];
	db_col_text(st, 0, last, sizeof last);
	db_reset(st);
	char shown[ZONE_TIME_BUFSZ];
	if (last[0] && strcmp(when, last) < 0)
		return db_set_error(db, DB_INVALID,
				    "a move cannot be dated before the repair's last change (%s)",
				    zone_format(last, shown, sizeof shown));
	return DB_OK;
}

int repair_move_at(struct db *db, const struct actor *who, int64_t id, int64_t version,
		   enum repair_status to, const char *note, int64_t contractor_id,
		   const char *at)
{
	int rc = office_only(db, who, "move");
	if (rc)
		return rc;
	char when[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN], now[REPAIR_INSTANT_LEN];
	repair_now(now, today);
	if (!at || !*at) {
		memcpy(when, now, sizeof when);
	} else {
		struct date d;
		int secs;
		if (repair_instant_parse(at, &d, &secs))
			return db_set_error(db, DB_INVALID,
					    "the time of a move must be like 2026-11-22T09:30:00Z");
		repair_instant_format(d, secs, when);
		if (strcmp(when, now) > 0)
			return db_set_error(db, DB_INVALID, "a move cannot be dated in the future");
	}
	if ((rc = db_begin(db, who)))
		return rc;
	struct state s;
	if ((rc = read_state(db, id, version, &s)))
		return db_abort(db, rc);
	const char *refusal = repair_move_refusal(s.status, to);
	if (refusal)
		return db_abort(db, db_set_error(db, DB_INVALID, "%s", refusal));
	int reopens = repair_move_reopens(s.status, to);
	if (to == REPAIR_ASSIGNED && (rc = check_contractor(db, &s, contractor_id)))
		return db_abort(db, rc);
	if ((rc = db_check_lines(db, "a note", note)))
		return db_abort(db, rc);
	if ((to == REPAIR_CANCELLED || reopens) && blank(note))
		return db_abort(db, db_set_error(db, DB_INVALID, "say why the repair is %s",
						 reopens ? "reopened" : "cancelled"));
	if (strcmp(when, s.reported_at) < 0)
		return db_abort(db, db_set_error(db, DB_INVALID,
						 "a move cannot be dated before the repair was reported"));
	if ((rc = check_after_last_event(db, id, when)))
		return db_abort(db, rc);

	if (to == REPAIR_ASSIGNED)
		s.contractor_id = contractor_id;
	if (to == REPAIR_COMPLETED)
		memcpy(s.completed_at, when, sizeof when);
	if (to == REPAIR_CLOSED || to == REPAIR_CANCELLED)
		memcpy(s.closed_at, when, sizeof when);
	if (reopens) {
		s.completed_at[0] = s.closed_at[0] = '\0';
		s.reopened++;
	}
	sqlite3_stmt *st = db_prep(db, SQL_MOVE);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, version);
	db_bind_text(st, 3, repair_status_name(to));
	db_bind_id_or_null(st, 4, s.contractor_id);
	db_bind_text_or_null(st, 5, s.completed_at);
	db_bind_text_or_null(st, 6, s.closed_at);
	sqlite3_bind_int(st, 7, s.reopened);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_STATE, "repairs", id, "this repair", NO_REPAIR)))
		return db_abort(db, rc);
	if ((rc = repair_add_event(db, who, id, when, s.status, to, note)))
		return db_abort(db, rc);
	return db_commit(db);
}

int repair_close(struct db *db, const struct actor *who, int64_t id, int64_t version,
		 const char *note, const char *satisfaction)
{
	const char *s = satisfaction && *satisfaction ? satisfaction : NULL;
	if (s && strcmp(s, "satisfied") != 0 && strcmp(s, "dissatisfied") != 0)
		return db_set_error(db, DB_INVALID, "the tenant was satisfied or not satisfied");
	int rc = db_begin(db, who);
	if (rc)
		return rc;
	if ((rc = repair_move(db, who, id, version, REPAIR_CLOSED, note, 0)))
		return db_abort(db, rc);
	sqlite3_stmt *st = db_prep(db, SQL_SATISFACTION);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, id);
	db_bind_text_or_null(st, 2, s);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

int repair_update(struct db *db, const struct actor *who, struct repair *r)
{
	int rc = office_only(db, who, "edit");
	if (rc || (rc = repair_check_fields(db, r)) ||
	    (rc = repair_clean_date(db, r->investigated_on, "the date investigated")) ||
	    (rc = repair_clean_date(db, r->summary_sent_on, "the date the summary was sent")) ||
	    (rc = repair_clean_date(db, r->safety_done_on, "the date of the safety work")))
		return rc;
	if ((rc = db_begin(db, who)))
		return rc;
	struct state s;
	if ((rc = read_state(db, r->id, r->version, &s)) ||
	    (rc = repair_check_damp_dates(db, s.reported_at, r)))
		return db_abort(db, rc);
	char target[REPAIR_INSTANT_LEN];
	memcpy(target, s.target_at, sizeof target);
	if (s.priority != r->priority || s.rtr_days != r->rtr_days || s.damp != r->damp_hazard ||
	    s.has_cost != !!r->has_cost || (r->has_cost && s.cost_pence != r->cost_pence)) {
		struct repair_rules rules;
		struct holidays h = { 0 };
		if ((rc = load_calendar(db, s.reported_at, &rules, &h)))
			return db_abort(db, rc);
		struct repair_target_in in = { s.reported_at, r->priority, r->rtr_days,
					       r->has_cost, r->cost_pence, r->damp_hazard };
		int bad = repair_target(&rules, &h, &in, target);
		free_calendar(&h);
		if (bad)
			return db_abort(db, db_set_error(db, DB_INVALID,
							 "no target can be worked out for that repair"));
	}
	/* Only what changed: the indexes are written when a column they hold
	 * changed, not on every edit of the words or the cost. */
	int indexed = s.priority != r->priority || s.rtr_days != r->rtr_days ||
		      s.damp != r->damp_hazard || strcmp(target, s.target_at) != 0;
	sqlite3_stmt *st = db_prep(db, indexed ? SQL_UPDATE : repair_sql_update_words);
	if (!st)
		return db_abort(db, db_status(db));
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->version);
	db_bind_text(st, 3, r->title);
	db_bind_text(st, 4, r->description);
	db_bind_text(st, 5, r->location);
	db_bind_text(st, 6, repair_priority_name(r->priority));
	db_bind_text_or_null(st, 7, r->rtr_defect);
	db_bind_id_or_null(st, 8, r->rtr_days);
	db_bind_text_or_null(st, 9, repair_damp_name(r->damp_hazard));
	db_bind_text_or_null(st, 10, r->investigated_on);
	db_bind_text_or_null(st, 11, r->summary_sent_on);
	db_bind_text_or_null(st, 14, r->safety_done_on);
	if (r->has_cost)
		sqlite3_bind_int64(st, 12, r->cost_pence);
	db_bind_text(st, 13, target);
	if ((rc = db_step_done(db, st)) ||
	    (rc = db_updated(db, SQL_STATE, "repairs", r->id, "this repair", NO_REPAIR)))
		return db_abort(db, rc);
	if (s.priority != r->priority) {
		char note[160], now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
		char shown[ZONE_TIME_BUFSZ];
		repair_now(now, today);
		snprintf(note, sizeof note, "priority changed from %s to %s; target now %s",
			 repair_priority_name(s.priority), repair_priority_name(r->priority),
			 zone_format(target, shown, sizeof shown));
		if ((rc = repair_add_event(db, who, r->id, now, s.status, s.status, note)))
			return db_abort(db, rc);
	}
	if ((rc = db_commit(db)))
		return rc;
	r->version++;
	memcpy(r->target_at, target, sizeof target);
	return DB_OK;
}

int repair_note(struct db *db, const struct actor *who, int64_t id, const char *note)
{
	int rc = office_only(db, who, "annotate");
	if (rc)
		return rc;
	if (blank(note))
		return db_set_error(db, DB_INVALID, "a note needs some words");
	if ((rc = db_check_lines(db, "a note", note)))
		return rc;
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	repair_now(now, today);
	if ((rc = db_begin(db, who)))
		return rc;
	struct state s;
	if ((rc = read_state(db, id, -1, &s)) ||
	    (rc = repair_add_event(db, who, id, now, s.status, s.status, note)))
		return db_abort(db, rc);
	return db_commit(db);
}

void repair_event_key(const struct repair_event *e, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = e->id;
}

static void read_event(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct repair_event *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	DB_COL(INT64, id)
	DB_COL(INT64, repair_id)
	DB_COL(TEXT, at)
	DB_COL(TEXT, actor)
	DB_COL(STATUS, from_status)
	DB_COL(STATUS, to_status)
	DB_COL(TEXT, note)
}

int repair_events_page(struct db *db, const struct actor *who, int64_t repair_id,
		       enum page_dir dir, const struct page_key *key,
		       struct repair_event *rows, int max, int *n)
{
	*n = 0;
	int64_t member;
	int rc = repair_read_scope(db, who, &member);
	if (rc)
		return rc;
	if ((rc = db_page_args(db, "repair_events_page", 0, dir, key, max)))
		return rc;
	rc = exists(db, SQL_VISIBLE, repair_id, member);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, NO_REPAIR);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_EVENTS[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, repair_id);
	if (key)
		sqlite3_bind_int64(st, 2, key->id);
	sqlite3_bind_int(st, 3, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_event, NULL, n);
}

int repair_event_count(struct db *db, const struct actor *who, int64_t repair_id, int64_t *n)
{
	int64_t member;
	*n = 0;
	int rc = repair_read_scope(db, who, &member);
	if (rc)
		return rc;
	rc = exists(db, SQL_VISIBLE, repair_id, member);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, NO_REPAIR);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_EVENT_COUNT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, repair_id);
	if ((rc = db_step_row(db, st)))
		return rc;
	*n = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}
