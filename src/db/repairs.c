/*
 * src/db/repairs.c: repairs, their events, the list and RP02. Shaped like
 * members.c. The rules (moves, targets, Right to Repair) are the pure
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

/* The repairs a member may see: their current home's since their tenancy
 * began (reported on its first local day or later: not an earlier
 * tenant's), and those they reported. P is the parameter holding the
 * member's id. SQLite's 'localtime' is the zone in force (zone_set). */
#define MEMBER_SEES(P) \
	"(r.reported_by_member = " P " OR EXISTS (SELECT 1" \
	" FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id" \
	" WHERE s.member_id = " P " AND t.end_date IS NULL AND t.home_id = r.home_id" \
	" AND date(r.reported_at, 'localtime') >= t.start_date))"

static const char SQL_HOME_EXISTS[] = "SELECT 1 FROM homes WHERE id = ?1";
static const char SQL_MEMBER_HOME[] =
	"SELECT 1 FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id"
	" WHERE s.member_id = ?1 AND t.home_id = ?2 AND t.end_date IS NULL";
static const char SQL_INSERT[] =
	"INSERT INTO repairs (uuid, home_id, reported_by_member, reported_at, title,"
	" description, location, priority, rtr_defect, rtr_days, damp_hazard, cost_pence,"
	" target_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
/* The user id is kept only when that user exists (the command line has none). */
static const char SQL_LAST_EVENT_AT[] =
	"SELECT max(at) FROM repair_events WHERE repair_id = ?1";
static const char SQL_EVENT[] =
	"INSERT INTO repair_events (repair_id, at, user_id, actor, from_status, to_status, note)"
	" VALUES (?1, ?2, (SELECT id FROM users WHERE id = ?3), ?4, ?5, ?6, ?7)";
/* A whole repair: the columns it shares with a list row first
 * (SHARED_FIELDS, as SEL below has them), then its own (FULL_FIELDS), as
 * the readers take them. */
static const char SQL_GET[] =
	"SELECT r.id, r.home_id, h.ref, r.title, r.priority_rank, r.status, r.target_at,"
	" r.uuid, coalesce(r.reported_by_member, 0), coalesce(m.name, ''), r.reported_at,"
	" r.description, r.location, coalesce(r.rtr_defect, ''), coalesce(r.rtr_days, 0),"
	" coalesce(r.damp_hazard, ''), coalesce(r.investigated_on, ''),"
	" coalesce(r.summary_sent_on, ''), coalesce(r.contractor_id, 0), coalesce(c.name, ''),"
	" r.cost_pence, coalesce(r.completed_at, ''), coalesce(r.closed_at, ''), r.reopened,"
	" r.version"
	" FROM repairs r JOIN homes h ON h.id = r.home_id"
	" LEFT JOIN members m ON m.id = r.reported_by_member"
	" LEFT JOIN contractors c ON c.id = r.contractor_id"
	" WHERE r.id = ?1 AND (?2 IS NULL OR " MEMBER_SEES("?2") ")";
static const char SQL_VISIBLE[] =
	"SELECT 1 FROM repairs r WHERE r.id = ?1 AND (?2 IS NULL OR " MEMBER_SEES("?2") ")";
/* What a move or an edit starts from. */
static const char SQL_STATE[] =
	"SELECT status, version, reported_at, priority_rank, coalesce(rtr_days, 0),"
	" coalesce(damp_hazard, ''), cost_pence, target_at, coalesce(contractor_id, 0),"
	" completed_at, closed_at, reopened FROM repairs WHERE id = ?1";
static const char SQL_MOVE[] =
	"UPDATE repairs SET status = ?3, contractor_id = ?4, completed_at = ?5, closed_at = ?6,"
	" reopened = ?7, version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_UPDATE[] =
	"UPDATE repairs SET title = ?3, description = ?4, location = ?5, priority = ?6,"
	" rtr_defect = ?7, rtr_days = ?8, damp_hazard = ?9, investigated_on = ?10,"
	" summary_sent_on = ?11, cost_pence = ?12, target_at = ?13, version = version + 1"
	" WHERE id = ?1 AND version = ?2";
static const char SQL_CONTRACTOR[] = "SELECT in_use FROM contractors WHERE id = ?1";

#define SHARED_FIELDS(X) \
	X(INT64, id) X(INT64, home_id) X(TEXT, home_ref) X(TEXT, title) X(PRIORITY, priority) \
	X(STATUS, status) X(TEXT, target_at)
#define FULL_FIELDS(X) \
	X(TEXT, uuid) X(INT64, reported_by_member) X(TEXT, reported_by_name) \
	X(TEXT, reported_at) X(TEXT, description) X(TEXT, location) X(TEXT, rtr_defect) \
	X(INT, rtr_days) X(DAMP, damp_hazard) X(TEXT, investigated_on) \
	X(TEXT, summary_sent_on) X(INT64, contractor_id) X(TEXT, contractor_name) \
	X(COST, cost_pence) X(TEXT, completed_at) X(TEXT, closed_at) X(INT, reopened) \
	X(INT64, version)
/* What a move or an edit starts from: SQL_STATE's columns. */
#define STATE_FIELDS(X) \
	X(STATUS, status) X(INT64, version) X(TEXT, reported_at) X(PRIORITY, priority) \
	X(INT, rtr_days) X(DAMP, damp) X(COST, cost_pence) X(TEXT, target_at) \
	X(INT64, contractor_id) X(TEXT, completed_at) X(TEXT, closed_at) X(INT, reopened)
/* priority_rank is enum repair_priority's value. */
#define DB_COL_PRIORITY(field) r->field = (enum repair_priority)sqlite3_column_int(st, col++);
#define DB_COL_STATUS(field) \
	r->field = repair_status_parse((const char *)sqlite3_column_text(st, col++));
#define DB_COL_DAMP(field) \
	r->field = (enum repair_damp)repair_damp_parse((const char *)sqlite3_column_text(st, col++));
/* A cost may be not known (NULL). */
#define DB_COL_COST(field) \
	{ \
		r->has_cost = sqlite3_column_type(st, col) != SQLITE_NULL; \
		r->field = sqlite3_column_int64(st, col++); \
	}
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

/*
 * The list. Parameters: ?1 one status or NULL, ?2 open only, ?3 overdue
 * only, ?4 home or NULL, ?5 member or NULL, ?6 FTS query of the repairs'
 * words or NULL, ?7 now, ?8 today, ?9 the key's sort value, ?10 the key's
 * id, ?11 the page size; and for a search, ?12 the FTS query of homes
 * (reference, address, postcode) or NULL, ?13 that of members' names or
 * NULL, ?14 a repair's number typed as its reference or NULL, ?15 how a
 * repair is tested against the search: 0 no search, 1 its row (its
 * words, home and reporter), 2 its number among those found (below).
 *
 * Every filter is a bound parameter; what differs between statements is
 * the sort, the direction and the "scope", the part of the table a page is
 * drawn from, chosen so that an index serves it:
 *   all     the sort's index (repairs_by_target, ...) or the rowid;
 *   open    the partial indexes WHERE is_open (few rows on a big co-op);
 *   home    repairs_by_home: a home has few repairs, sorted in memory;
 *   member  the member's repairs (their home's and reported), likewise;
 *   search  the full-text index first, when it matches few (see
 *           SEARCH_SORT_MAX: the matches are sorted), or for the newest
 *           first of all repairs (its rowids come in order); otherwise
 *           "all" or "open" with the search as a filter;
 *   found   a search that finds homes or members too (or a repair by its
 *           reference): the repairs found, when they are few (FIND_SORT_MAX),
 *           read and sorted; otherwise "all" or "open" walking the sort's
 *           index, testing each repair's number against those found while
 *           they are not too many to gather (FIND_SET_MAX: the test needs
 *           only the index), else its row (then they are at least 1 in 50).
 * Keys on a sort column with few values (status, priority) would make a
 * plain (col, id) > (?, ?) scan every row of the key's value before it:
 * the page after a key is instead "the rest of the key's value" UNION ALL
 * "the values after it", which SQLite merges straight from the index.
 */
#define OVERDUE REPAIR_OVERDUE_SQL("r", "?7", "?8")
#define SEL \
	"SELECT r.id, r.home_id, (SELECT h.ref FROM homes h WHERE h.id = r.home_id), r.title," \
	" r.priority_rank, r.status, r.target_at, " OVERDUE ", r.reopened," \
	" (SELECT m.name FROM members m WHERE m.id = r.reported_by_member)"
#define FILTER \
	" (?1 IS NULL OR r.status = ?1) AND (?2 = 0 OR r.is_open) AND (?3 = 0 OR " OVERDUE ")" \
	" AND (?4 IS NULL OR r.home_id = ?4) AND (?5 IS NULL OR " MEMBER_SEES("?5") ")"
/* What a search finds besides the repairs' own words: members whose name
 * matches (?13), and homes whose reference, address or postcode matches
 * (?12) or where such a member holds the current tenancy. Then the
 * repairs it finds, each once or more, from covering indexes (no repair's
 * row is read): the one named by its reference, those whose words match,
 * those of the homes found, those the members found reported. */
#define WITH_OTHERS \
	"WITH members_found(id) AS (SELECT rowid FROM members_fts" \
	" WHERE ?13 IS NOT NULL AND members_fts.name MATCH ?13)," \
	" homes_found(id) AS (SELECT rowid FROM homes_fts WHERE ?12 IS NOT NULL AND homes_fts MATCH ?12" \
	" UNION SELECT t.home_id FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id" \
	" WHERE t.end_date IS NULL AND s.member_id IN members_found),"
#define FOUND_IDS \
	"SELECT ?14 WHERE ?14 IS NOT NULL" \
	" UNION ALL SELECT rowid FROM repairs_fts WHERE ?6 IS NOT NULL AND repairs_fts MATCH ?6" \
	" UNION ALL SELECT x.id FROM repairs x WHERE x.home_id IN homes_found" \
	" UNION ALL SELECT x.id FROM repairs x WHERE x.reported_by_member IN members_found"
/* The numbers found are gathered once per page read, and only when a
 * statement asks for them (?15 = 2, or the "found" scope). */
#define WITH_FOUND WITH_OTHERS " found(id) AS MATERIALIZED (" FOUND_IDS ") "
#define FIND_FILTER \
	" AND (?15 = 0 OR (?15 = 2 AND r.id IN found)" \
	" OR (?15 = 1 AND (r.id = ?14" \
	" OR (?6 IS NOT NULL AND r.id IN (SELECT rowid FROM repairs_fts WHERE repairs_fts MATCH ?6))" \
	" OR (?12 IS NOT NULL AND r.home_id IN homes_found)" \
	" OR (?13 IS NOT NULL AND r.reported_by_member IN members_found))))"
#define FROM_ALL " FROM repairs r WHERE" FILTER FIND_FILTER
#define FROM_OPEN " FROM repairs r WHERE r.is_open AND" FILTER FIND_FILTER
#define FROM_HOME " FROM repairs r WHERE r.home_id = ?4 AND" FILTER FIND_FILTER
#define FROM_MEMBER \
	" FROM (SELECT id FROM repairs WHERE reported_by_member = ?5 UNION" \
	" SELECT x.id FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id" \
	" JOIN repairs x ON x.home_id = t.home_id WHERE s.member_id = ?5 AND t.end_date IS NULL" \
	" AND date(x.reported_at, 'localtime') >= t.start_date)" \
	" AS m CROSS JOIN repairs r ON r.id = m.id WHERE" FILTER FIND_FILTER
#define FROM_SEARCH \
	" FROM repairs_fts CROSS JOIN repairs r ON r.id = repairs_fts.rowid" \
	" WHERE repairs_fts MATCH ?6 AND" FILTER
#define FROM_FOUND \
	" FROM (SELECT DISTINCT id FROM found) AS m CROSS JOIN repairs r ON r.id = m.id WHERE" FILTER

/* W: what comes before the SELECT (WITH_FOUND, or nothing). ID: the
 * repair number as the driving table has it (the full-text index hands
 * out its rowids in order, and takes a range on them). */
#define ID_PAGES(W, S, ID) { \
	[PAGE_FIRST] = W SEL S " ORDER BY " ID " DESC LIMIT ?11", \
	[PAGE_LAST] = W SEL S " ORDER BY " ID " LIMIT ?11", \
	[PAGE_AFTER] = W SEL S " AND " ID " < ?10 ORDER BY " ID " DESC LIMIT ?11", \
	[PAGE_BEFORE] = W SEL S " AND " ID " > ?10 ORDER BY " ID " LIMIT ?11", }
/* C: the sort column; P: its position in SEL (ORDER BY of a compound). */
#define COL_PAGES(W, S, C, P) { \
	[PAGE_FIRST] = W SEL S " ORDER BY " C ", r.id LIMIT ?11", \
	[PAGE_LAST] = W SEL S " ORDER BY " C " DESC, r.id DESC LIMIT ?11", \
	[PAGE_AFTER] = W SEL S " AND " C " = ?9 AND r.id > ?10 UNION ALL " \
		SEL S " AND " C " > ?9 ORDER BY " P ", 1 LIMIT ?11", \
	[PAGE_BEFORE] = W SEL S " AND " C " = ?9 AND r.id < ?10 UNION ALL " \
		SEL S " AND " C " < ?9 ORDER BY " P " DESC, 1 DESC LIMIT ?11", }
#define SORTS(W, S, ID) { \
	[REPAIR_NEWEST] = ID_PAGES(W, S, ID), \
	[REPAIR_BY_TARGET] = COL_PAGES(W, S, "r.target_at", "7"), \
	[REPAIR_BY_PRIORITY] = COL_PAGES(W, S, "r.priority_rank", "5"), \
	[REPAIR_BY_STATUS] = COL_PAGES(W, S, "r.status", "6"), \
	[REPAIR_BY_HOME] = COL_PAGES(W, S, "r.home_id", "2"), }

enum scope { SCOPE_ALL, SCOPE_OPEN, SCOPE_HOME, SCOPE_MEMBER, SCOPE_SEARCH, SCOPE_FOUND,
	     SCOPE_COUNT };
#define SORT_COUNT (REPAIR_BY_HOME + 1)
static const char *const SQL_PAGE[SCOPE_COUNT][SORT_COUNT][4] = {
	[SCOPE_ALL] = SORTS(WITH_FOUND, FROM_ALL, "r.id"),
	[SCOPE_OPEN] = SORTS(WITH_FOUND, FROM_OPEN, "r.id"),
	[SCOPE_HOME] = SORTS(WITH_FOUND, FROM_HOME, "r.id"),
	[SCOPE_MEMBER] = SORTS(WITH_FOUND, FROM_MEMBER, "r.id"),
	[SCOPE_SEARCH] = SORTS("", FROM_SEARCH, "repairs_fts.rowid"),
	[SCOPE_FOUND] = SORTS(WITH_FOUND, FROM_FOUND, "r.id"),
};

/* A search that finds homes or members: up to FIND_SORT_MAX repairs found
 * are read and sorted (each costs a read of its row); up to FIND_SET_MAX
 * are gathered by number and the sort's index walked, testing numbers
 * only; more, and each repair's row is tested (at least 1 in 50 match). */
#define FIND_SORT_MAX 1000
#define FIND_SET_MAX 20000
static const char SQL_FOUND_COUNT[] =
	WITH_OTHERS " found(id) AS NOT MATERIALIZED (" FOUND_IDS ")"
	" SELECT count(*) FROM (SELECT 1 FROM found LIMIT ?1)";
/* Whether the typed words find any home or member at all (?1). */
static const char SQL_FINDS_OTHERS[] =
	"SELECT EXISTS (SELECT 1 FROM homes_fts WHERE homes_fts MATCH ?1)"
	" OR EXISTS (SELECT 1 FROM members_fts WHERE members_fts.name MATCH ?1)";
/* The home whose reference is exactly what was typed, in any case: ?1 the
 * typed text as one FTS phrase, ?2 the text. */
static const char SQL_HOME_REF[] =
	"SELECT h.id FROM homes_fts JOIN homes h ON h.id = homes_fts.rowid"
	" WHERE homes_fts.ref MATCH ?1 AND h.ref = ?2 COLLATE NOCASE LIMIT 1";

/* A search sorted other than by number: up to this many matches are read
 * and sorted; more, and the sort's index is walked instead, testing each
 * repair against the matches (then at least 1 in 500 of a million match,
 * so a page is found after a few thousand index entries). */
#define SEARCH_SORT_MAX 2000
static const char SQL_MATCHES[] =
	"SELECT count(*) FROM (SELECT 1 FROM repairs_fts WHERE repairs_fts MATCH ?1 LIMIT ?2)";

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

int repair_rules_load(struct db *db, struct repair_rules *rules)
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
	return DB_OK;
}

/* The local date of an instant ("" stays ""; a date stays that date). */
static void local_date(const char *instant, char out[REPAIR_DATE_LEN])
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
	local_date(from, day);
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
static int clean_date(struct db *db, char *field, const char *what)
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
static int check_damp_dates(struct db *db, const char *reported_at, const struct repair *r)
{
	char reported_on[REPAIR_DATE_LEN], now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	char shown[ZONE_TIME_BUFSZ];
	int rc;
	local_date(reported_at, reported_on);
	repair_now(now, today);
	if ((rc = check_milestone(db, r->investigated_on, "the date investigated", reported_on,
				  today)) ||
	    (rc = check_milestone(db, r->summary_sent_on, "the date the summary was sent",
				  reported_on, today)))
		return rc;
	if (r->summary_sent_on[0] && !r->investigated_on[0])
		return db_set_error(db, DB_INVALID, "a written summary follows the investigation:"
				    " give the date investigated first");
	if (r->summary_sent_on[0] && strcmp(r->summary_sent_on, r->investigated_on) < 0)
		return db_set_error(db, DB_INVALID, "the summary cannot have been sent before the"
				    " investigation (%s)",
				    zone_format(r->investigated_on, shown, sizeof shown));
	return DB_OK;
}

/* Checks the enumerations and the text every write of the "in" fields
 * shares: the summary, location and defect are one line each. */
static int check_fields(struct db *db, const struct repair *r)
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
	if (r->rtr_days != 0 && r->rtr_days != 1 && r->rtr_days != 3 && r->rtr_days != 7)
		return db_set_error(db, DB_INVALID,
				    "a Right to Repair target is 1, 3 or 7 working days");
	return DB_OK;
}

/* The level for a read, and the member to restrict to (0 for all). */
static int read_scope(struct db *db, const struct actor *who, int64_t *member)
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

static int add_event(struct db *db, const struct actor *who, int64_t id, const char *at,
		     enum repair_status from, enum repair_status to, const char *note)
{
	sqlite3_stmt *st = db_prep(db, SQL_EVENT);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, at);
	sqlite3_bind_int64(st, 3, who ? who->user_id : 0);
	db_bind_text(st, 4, who && who->name ? who->name : "unknown");
	db_bind_text_or_null(st, 5, repair_status_name(from));
	db_bind_text(st, 6, repair_status_name(to));
	db_bind_text(st, 7, note);
	return db_step_done(db, st);
}

/* ---- reporting ------------------------------------------------------------ */

int repair_report(struct db *db, const struct actor *who, struct repair *r)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_WRITE, &level);
	if (rc || (rc = check_fields(db, r)))
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
	if ((rc = load_calendar(db, r->reported_at, &rules, &h)))
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
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	r->id = sqlite3_last_insert_rowid(db->conn);
	if ((rc = add_event(db, who, r->id, r->reported_at, REPAIR_NO_STATUS, REPAIR_REPORTED, "")))
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

/* Fills the fields worked out on reading. */
static int derive(struct db *db, struct repair *r)
{
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	repair_now(now, today);
	r->overdue = repair_status_is_open(r->status) &&
		     repair_target_passed(r->target_at, now, today);
	if (!r->rtr_days && r->damp_hazard != REPAIR_DAMP_SIGNIFICANT)
		return DB_OK;
	struct repair_rules rules;
	struct holidays h = { 0 };
	int rc = load_calendar(db, r->reported_at, &rules, &h);
	if (rc)
		return rc;
	struct repair_target_in in = { r->reported_at, r->priority, r->rtr_days,
				       r->has_cost, r->cost_pence, r->damp_hazard };
	if (r->rtr_days && repair_rtr_due(&rules, &h, &in, r->rtr_due) == 0 && r->rtr_due[0] &&
	    r->status != REPAIR_CANCELLED) {
		char end[REPAIR_DATE_LEN];
		local_date(r->completed_at[0] ? r->completed_at : today, end);
		r->rtr_compensation_pence =
			repair_rtr_compensation(&rules, days_between(r->rtr_due, end));
	}
	if (r->damp_hazard == REPAIR_DAMP_SIGNIFICANT && r->investigated_on[0])
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
	int rc = read_scope(db, who, &member);
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
	if ((rc = add_event(db, who, id, when, s.status, to, note)))
		return db_abort(db, rc);
	return db_commit(db);
}

int repair_update(struct db *db, const struct actor *who, struct repair *r)
{
	int rc = office_only(db, who, "edit");
	if (rc || (rc = check_fields(db, r)) ||
	    (rc = clean_date(db, r->investigated_on, "the date investigated")) ||
	    (rc = clean_date(db, r->summary_sent_on, "the date the summary was sent")))
		return rc;
	if ((rc = db_begin(db, who)))
		return rc;
	struct state s;
	if ((rc = read_state(db, r->id, r->version, &s)) ||
	    (rc = check_damp_dates(db, s.reported_at, r)))
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
	sqlite3_stmt *st = db_prep(db, SQL_UPDATE);
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
		if ((rc = add_event(db, who, r->id, now, s.status, s.status, note)))
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
	    (rc = add_event(db, who, id, now, s.status, s.status, note)))
		return db_abort(db, rc);
	return db_commit(db);
}

/* ---- lists ------------------------------------------------------------------ */

void repair_row_key(const struct repair_row *r, enum repair_sort sort, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = r->id;
	switch (sort) {
	case REPAIR_BY_TARGET:
		text_copy(key->text, sizeof key->text, r->target_at);
		break;
	case REPAIR_BY_STATUS:
		text_copy(key->text, sizeof key->text, repair_status_name(r->status));
		break;
	case REPAIR_BY_PRIORITY:
		key->num = r->priority;
		break;
	case REPAIR_BY_HOME:
		key->num = r->home_id;
		break;
	default:
		break;
	}
}

/* A list row: SEL's columns. */
static void read_row(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct repair_row *r = row;
	int col = 0;
	memset(r, 0, sizeof *r);
	SHARED_FIELDS(DB_COL)
	DB_COL(INT, overdue)
	DB_COL(INT, reopened)
	DB_COL(TEXT, reported_by)
}

/* Whether a search matches more than SEARCH_SORT_MAX repairs. */
static int count_matches(struct db *db, const char *fts, int *many)
{
	sqlite3_stmt *st = db_prep(db, SQL_MATCHES);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, fts, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 2, SEARCH_SORT_MAX + 1);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*many = sqlite3_column_int(st, 0) > SEARCH_SORT_MAX;
	db_reset(st);
	return DB_OK;
}

/* What a typed search looks for (the list's parameters ?6, ?12..?15). */
struct find {
	int on;                 /* ?15: 0 no search, 1 test rows, 2 test numbers */
	char words[512];        /* ?6: the FTS query of the typed words, "" none */
	int others;             /* the words find homes or members (?12, ?13) */
	int64_t ref_id;         /* ?14: a repair typed by its reference, 0 none */
	int64_t home_id;        /* a home typed by its reference, 0 none */
};

/* The home whose reference is exactly `typed` (any case), or 0. */
static int home_by_ref(struct db *db, const char *typed, int64_t *home_id)
{
	char phrase[3 * REPAIR_HOME_REF_MAX * 4 + 3];
	size_t o = 0;
	*home_id = 0;
	if (strlen(typed) > REPAIR_HOME_REF_MAX * 4)
		return DB_OK;
	phrase[o++] = '"';
	for (const char *p = typed; *p; p++) {
		if (*p == '"')
			phrase[o++] = '"';
		phrase[o++] = *p;
	}
	phrase[o++] = '"';
	phrase[o] = '\0';
	sqlite3_stmt *st = db_prep(db, SQL_HOME_REF);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, phrase, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, typed, -1, SQLITE_TRANSIENT);
	int rc = db_step_row(db, st);
	if (rc == DB_NOTFOUND)
		return DB_OK;
	if (rc)
		return rc;
	*home_id = sqlite3_column_int64(st, 0);
	db_reset(st);
	return DB_OK;
}

/* Reads a typed search: a repair's reference ("R-000300", "r300") finds
 * that repair; a home's reference ("WEA-10", any case) that home's
 * repairs; anything else the repairs whose words match, and those of the
 * homes and members whose reference, address, postcode or name match. */
static int find_plan(struct db *db, const char *typed, struct find *fd)
{
	char text[256];
	memset(fd, 0, sizeof *fd);
	text_copy(text, sizeof text, typed);
	text_trim(text);
	if (!text[0])
		return DB_OK;
	int64_t id;
	if ((text[0] == 'R' || text[0] == 'r') && ref_parse(text, 'R', &id) == REF_OK) {
		fd->ref_id = id;
		fd->on = 1;
		return DB_OK;
	}
	int rc = home_by_ref(db, text, &fd->home_id);
	if (rc || fd->home_id)
		return rc;
	if (db_fts_query(typed, fd->words, sizeof fd->words) != 0) {
		fd->words[0] = '\0';
		return DB_OK;   /* nothing searchable: no search */
	}
	fd->on = 1;
	sqlite3_stmt *st = db_prep(db, SQL_FINDS_OTHERS);
	if (!st)
		return db_status(db);
	sqlite3_bind_text(st, 1, fd->words, -1, SQLITE_TRANSIENT);
	if ((rc = db_step_row(db, st)))
		return rc;
	fd->others = sqlite3_column_int(st, 0);
	db_reset(st);
	return DB_OK;
}

/* Binds what the search looks for, in the list's numbering. */
static void bind_find(sqlite3_stmt *st, const struct find *fd)
{
	if (fd->words[0])
		sqlite3_bind_text(st, 6, fd->words, -1, SQLITE_TRANSIENT);
	if (fd->others) {
		sqlite3_bind_text(st, 12, fd->words, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 13, fd->words, -1, SQLITE_TRANSIENT);
	}
	db_bind_id_or_null(st, 14, fd->ref_id);
	sqlite3_bind_int(st, 15, fd->on);
}

/* How many repairs a search finds, counting up to FIND_SET_MAX + 1. */
static int count_found(struct db *db, const struct find *fd, int *count)
{
	sqlite3_stmt *st = db_prep(db, SQL_FOUND_COUNT);
	if (!st)
		return db_status(db);
	bind_find(st, fd);
	sqlite3_bind_int(st, 1, FIND_SET_MAX + 1);
	int rc = db_step_row(db, st);
	if (rc)
		return rc;
	*count = sqlite3_column_int(st, 0);
	db_reset(st);
	return DB_OK;
}

int repair_page(struct db *db, const struct actor *who, const struct repair_filter *f,
		enum repair_sort sort, enum page_dir dir, const struct page_key *key,
		struct repair_row *rows, int max, int *n)
{
	static const struct repair_filter open_repairs = { 0 };
	*n = 0;
	int64_t member;
	int rc = read_scope(db, who, &member);
	if (rc)
		return rc;
	if (!f)
		f = &open_repairs;
	if ((rc = db_page_args(db, "repair_page", (unsigned)sort >= SORT_COUNT ||
			       (unsigned)f->which > REPAIRS_STATUS ||
			       (f->which == REPAIRS_STATUS &&
				(unsigned)f->status >= REPAIR_STATUS_COUNT), dir, key, max)))
		return rc;
	if (!member)
		member = f->member_id;
	struct find fd;
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	if (f->search && *f->search && (rc = find_plan(db, f->search, &fd)))
		return rc;
	if (!f->search || !*f->search)
		memset(&fd, 0, sizeof fd);
	int64_t home = f->home_id;
	if (fd.home_id) {
		if (home > 0 && home != fd.home_id)
			return DB_OK;   /* another home than the one asked for */
		home = fd.home_id;
	}
	int open = f->which == REPAIRS_OPEN || f->overdue;
	const char *status = f->which == REPAIRS_STATUS ? repair_status_name(f->status) : NULL;
	enum scope scope = member > 0 ? SCOPE_MEMBER
			 : home > 0 ? SCOPE_HOME
			 : (open || (status && repair_status_is_open(f->status))) ? SCOPE_OPEN
			 : SCOPE_ALL;
	if (fd.on && (fd.others || fd.ref_id) && (scope == SCOPE_ALL || scope == SCOPE_OPEN)) {
		int found = 0;
		if ((rc = count_found(db, &fd, &found)))
			return rc;
		if (found <= FIND_SORT_MAX)
			scope = SCOPE_FOUND;
		else if (found <= FIND_SET_MAX)
			fd.on = 2;
	} else if (fd.on && (scope == SCOPE_ALL || scope == SCOPE_OPEN)) {
		int many = 0;
		if (!(sort == REPAIR_NEWEST && scope == SCOPE_ALL) &&
		    (rc = count_matches(db, fd.words, &many)))
			return rc;
		if (!many)
			scope = SCOPE_SEARCH;
	}
	repair_now(now, today);

	sqlite3_stmt *st = db_prep(db, SQL_PAGE[scope][sort][dir]);
	if (!st)
		return db_status(db);
	db_bind_text_or_null(st, 1, status);
	/* The open scope's index holds only open repairs: asking again would
	 * read each repair's row (is_open is worked out from its status). */
	sqlite3_bind_int(st, 2, open && scope != SCOPE_OPEN);
	sqlite3_bind_int(st, 3, f->overdue ? 1 : 0);
	db_bind_id_or_null(st, 4, home);
	db_bind_id_or_null(st, 5, member);
	bind_find(st, &fd);
	sqlite3_bind_text(st, 7, now, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 8, today, -1, SQLITE_TRANSIENT);
	if (key) {
		if (sort == REPAIR_BY_TARGET || sort == REPAIR_BY_STATUS)
			sqlite3_bind_text(st, 9, key->text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, 9, key->num);
		sqlite3_bind_int64(st, 10, key->id);
	}
	sqlite3_bind_int(st, 11, max);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n);
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
	int rc = read_scope(db, who, &member);
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
	int rc = read_scope(db, who, &member);
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
