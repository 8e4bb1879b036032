/*
 * src/db/repair_list.c: the repairs list, a page at a time, and its
 * search (references, homes, names and the repairs' own words). Shaped
 * like members.c; the plan for each kind of page is the comment below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/ref.h"
#include "coopdesk/repairs.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "dbint.h"
#include "repair_sql.h"

/*
 * The list. Parameters: ?1 one status or NULL, ?2 open only, ?3 overdue
 * only, ?4 home or NULL, ?5 member or NULL, ?6 FTS query of the repairs'
 * words or NULL, ?7 now, ?8 today, ?9 the key's sort value, ?10 the key's
 * id, ?11 the page size; and for a search, ?12 the FTS query of homes
 * (reference, address, postcode) or NULL, ?13 that of members' names or
 * NULL, ?14 a repair's number typed as its reference or NULL, ?15 how a
 * repair is tested against the search: 0 no search, 1 its row (its
 * words, home and reporter), 2 its number among those found (below);
 * and the narrowing filters: ?16 a priority's name or NULL, ?17 a
 * contractor or NULL, ?18 Right to Repair defects only, ?19 damp and
 * mould only. These test each entry the scope's index hands over, first
 * of all: the open repairs' index by target holds their columns and the
 * status (sql/0007), so an entry that does not match is passed over without
 * reading its repair (the rarest, emergencies, are 1 in 17 of the open
 * repairs of the bench co-op). Overdue repairs are all below now (as
 * text, a date is below any instant of its day), tested on the index
 * likewise before the rule itself.
 *
 * Every filter is a bound parameter; what differs between statements is
 * the sort, the direction and the "scope", the part of the table a page is
 * drawn from, chosen so that an index serves it:
 *   all     the sort's index (repairs_by_target, ...) or the rowid;
 *   open    the partial indexes WHERE is_open (few rows on a big co-op);
 *   home    repairs_by_home: a home has few repairs, sorted in memory;
 *   status  one finished status (completed, closed, cancelled) by number
 *           or target: repairs_by_status and repairs_by_status_target
 *           (sql/0007), as walking the sort's index for the 1 in 100
 *           completed read a million rows; other sorts walk theirs;
 *   contractor  one contractor's repairs, newest first (a contractor's
 *           record): repairs_by_contractor, as one who did a
 *           few repairs would otherwise cost a walk of every repair;
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
	" (SELECT m.name FROM members m WHERE m.id = r.reported_by_member), r.rtr_days," \
	" r.damp_hazard"
#define FILTER \
	" (?16 IS NULL OR r.priority = ?16) AND (?17 IS NULL OR r.contractor_id = ?17)" \
	" AND (?18 = 0 OR r.rtr_days IS NOT NULL) AND (?19 = 0 OR r.damp_hazard IS NOT NULL)" \
	" AND (?3 = 0 OR r.target_at < ?7)" \
	" AND (?1 IS NULL OR r.status = ?1) AND (?2 = 0 OR r.is_open) AND (?3 = 0 OR " OVERDUE ")" \
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
#define FROM_STATUS " FROM repairs r WHERE r.status = ?1 AND" FILTER FIND_FILTER
#define FROM_CONTRACTOR " FROM repairs r WHERE r.contractor_id = ?17 AND" FILTER FIND_FILTER
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
	     SCOPE_STATUS, SCOPE_CONTRACTOR, SCOPE_COUNT };
#define SORT_COUNT (REPAIR_BY_HOME + 1)
static const char *const SQL_PAGE[SCOPE_COUNT][SORT_COUNT][4] = {
	[SCOPE_ALL] = SORTS(WITH_FOUND, FROM_ALL, "r.id"),
	[SCOPE_OPEN] = SORTS(WITH_FOUND, FROM_OPEN, "r.id"),
	[SCOPE_HOME] = SORTS(WITH_FOUND, FROM_HOME, "r.id"),
	[SCOPE_MEMBER] = SORTS(WITH_FOUND, FROM_MEMBER, "r.id"),
	[SCOPE_SEARCH] = SORTS("", FROM_SEARCH, "repairs_fts.rowid"),
	[SCOPE_FOUND] = SORTS(WITH_FOUND, FROM_FOUND, "r.id"),
	[SCOPE_STATUS] = SORTS(WITH_FOUND, FROM_STATUS, "r.id"),
	[SCOPE_CONTRACTOR] = SORTS(WITH_FOUND, FROM_CONTRACTOR, "r.id"),
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
	DB_COL(INT, rtr_days)
	DB_COL(DAMP, damp_hazard)
}

/* Each overdue row's working days past its target, counted with the bank
 * holidays (read only when a row on the page is overdue). */
static int days_late(struct db *db, struct repair_row *rows, int n, const char *today)
{
	int any = 0;
	for (int i = 0; i < n; i++)
		any |= rows[i].overdue;
	if (!any)
		return DB_OK;
	struct holidays h;
	int rc = holidays_load(db, "1900-01-01", "2999-12-31", &h);
	if (rc)
		return rc;
	for (int i = 0; i < n; i++)
		if (rows[i].overdue)
			rows[i].days_late = repair_working_days_late(rows[i].target_at, today, &h);
	free((void *)h.days);
	return DB_OK;
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
	int rc = repair_read_scope(db, who, &member);
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
			 : (status && !fd.on && (sort == REPAIR_NEWEST || sort == REPAIR_BY_TARGET ||
						 sort == REPAIR_BY_STATUS)) ? SCOPE_STATUS
			 : (f->contractor_id > 0 && !fd.on && sort == REPAIR_NEWEST) ? SCOPE_CONTRACTOR
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
	if (f->priority != REPAIR_PRIORITY_NONE)
		sqlite3_bind_text(st, 16, repair_priority_name(f->priority), -1, SQLITE_STATIC);
	db_bind_id_or_null(st, 17, f->contractor_id);
	sqlite3_bind_int(st, 18, f->rtr_only ? 1 : 0);
	sqlite3_bind_int(st, 19, f->damp_only ? 1 : 0);
	if ((rc = db_page_read(db, st, dir, rows, max, sizeof *rows, read_row, NULL, n)))
		return rc;
	return days_late(db, rows, *n, today);
}

