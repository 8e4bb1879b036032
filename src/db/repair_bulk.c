/*
 * src/db/repair_bulk.c: repairs written many at a time, each with its whole
 * life (coopdesk/repair_bulk.h): the statements of repairs.c, in the
 * caller's transaction, with the rules and the bank holidays read once.
 *
 * A repair's life is walked on copies in TEMP tables (db_audit_copy_make):
 * the repair is inserted there as repair_report inserts it, then each event
 * and move and the office's edit are made there by repairs.c's own
 * statements. The copies have no indexes, no search and no counts; their
 * audit triggers are generated from the real tables' columns, so each step
 * makes the audit row it would make there, in the same order; the rows
 * wait in a TEMP table of their own until the batch is put, so a step
 * writes no page of the main file. The audit rows, and then the repairs
 * and their events, go into the real tables in their final
 * state, BATCH repairs at a time, by one INSERT ... SELECT each, with those
 * tables' audit triggers skipped for those two statements
 * (audit_context.unaudited, schema 14: their steps are in the trail
 * already); the search index and the counts take them as they are. So a
 * repair's sixteen indexes are written once, not once a step (six steps
 * on average), and the result is the one the API gives (tests/cli/demo.sh
 * compares the two, audit trail included). The ids are the ones the real
 * tables would give, worked out once a batch: nothing else writes repairs
 * or events, nor the trail, between repair_bulk_begin and
 * repair_bulk_finish.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/repair_bulk.h"
#include "coopdesk/settings.h"
#include "coopdesk/zone.h"
#include "dbint.h"
#include "repair_sql.h"

/* The ids the next repair and event take in the real tables: as an INSERT
 * there would choose them (repairs' AUTOINCREMENT never reuses one). */
static const char SQL_NEXT_IDS[] =
	"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'repairs'), 0),"
	" coalesce((SELECT max(id) FROM repairs), 0)) + 1,"
	" coalesce((SELECT max(id) FROM repair_events), 0) + 1";
static const char SQL_ROW_CLEAR[] = "DELETE FROM temp.repair_bulk_row";
static const char SQL_EVENTS_CLEAR[] = "DELETE FROM temp.repair_bulk_event";
static const char SQL_ROW_INSERT[] =
	"INSERT INTO temp.repair_bulk_row (id, " REPAIR_SQL_INSERT_COLS ") VALUES (?16, "
	REPAIR_SQL_INSERT_ARGS ")";
static const char SQL_EVENT_INSERT[] =
	"INSERT INTO temp.repair_bulk_event (id, " REPAIR_SQL_EVENT_COLS ") VALUES (?8, "
	REPAIR_SQL_EVENT_ARGS ")";
static const char SQL_ROW_MOVE[] = "UPDATE temp.repair_bulk_row " REPAIR_SQL_MOVE_SET;
static const char SQL_ROW_EDIT[] = "UPDATE temp.repair_bulk_row " REPAIR_SQL_UPDATE_SET;
/* The columns REPAIR_SQL_MOVE_SET and REPAIR_SQL_UPDATE_SET set: the copy's
 * audit trigger looks at these alone, and refuses to set any other. */
static const char *const CHANGING[] = {
	"status", "contractor_id", "completed_at", "closed_at", "reopened", "version", "title",
	"description", "location", "priority", "rtr_defect", "rtr_days", "damp_hazard",
	"investigated_on", "summary_sent_on", "cost_pence", "target_at", "safety_done_on", NULL
};
/* ?1: the table whose audit triggers skip the next statement, or NULL. */
static const char SQL_UNAUDITED[] = "UPDATE audit_context SET unaudited = ?1 WHERE id = 1";
static const char SQL_ROW_PUT[] =
	"INSERT INTO main.repairs SELECT * FROM temp.repair_bulk_row ORDER BY id";
static const char SQL_EVENTS_PUT[] =
	"INSERT INTO main.repair_events SELECT * FROM temp.repair_bulk_event ORDER BY id";

struct repair_bulk {
	struct db *db;
	const struct actor *who;
	struct repair_rules rules;
	struct holidays h;
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	int64_t next_repair, next_event;   /* the ids the next ones take */
	int pending;                       /* repairs in the copy, not yet put */
};

/* Repairs walked on the copies before they are put into the real tables:
 * some 1 MiB of TEMP rows, and the put's fixed cost shared a thousandfold. */
enum { BATCH = 1024 };

/* Runs SQL, with ?1 TEXT when it is not NULL. */
static int step(struct db *db, const char *sql, const char *text)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	db_bind_text_or_null(st, 1, text);
	return db_step_done(db, st);
}

int repair_bulk_begin(struct db *db, const struct actor *who, const char *from_day,
		      struct repair_bulk **out)
{
	enum access_level level;
	*out = NULL;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_WRITE, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the office may write repairs in bulk");
	if (!db_in_transaction(db))
		return db_set_error(db, DB_ERROR, "repairs are written in bulk inside a transaction");
	struct repair_bulk *b = calloc(1, sizeof *b);
	if (!b)
		return db_set_error(db, DB_ERROR, "out of memory");
	b->db = db;
	b->who = who;
	repair_now(b->now, b->today);
	if ((rc = db_audit_copy_make(db, "repairs", "repair_bulk_row", CHANGING)) ||
	    (rc = db_audit_copy_make(db, "repair_events", "repair_bulk_event", NULL)) ||
	    (rc = step(db, SQL_ROW_CLEAR, NULL)) || (rc = step(db, SQL_EVENTS_CLEAR, NULL)) ||
	    (rc = repair_rules_load(db, &b->rules)) ||
	    (rc = holidays_load(db, from_day, "2999-12-31", &b->h))) {
		repair_bulk_end(b);
		return rc;
	}
	*out = b;
	return DB_OK;
}

void repair_bulk_end(struct repair_bulk *b)
{
	if (!b)
		return;
	free((void *)b->h.days);
	free(b);
}

/* The target repair_report and repair_update work out. */
static int target(struct repair_bulk *b, const struct repair *r, char out[REPAIR_INSTANT_LEN])
{
	struct repair_target_in in = { r->reported_at, r->priority, r->rtr_days,
				       r->has_cost, r->cost_pence, r->damp_hazard };
	if (repair_target(&b->rules, &b->h, &in, out))
		return db_set_error(b->db, DB_INVALID, "no target can be worked out for that repair");
	return DB_OK;
}

/* An event of the repair, as repair_add_event adds it, into the copy. */
static int event(struct repair_bulk *b, int64_t id, const char *at, enum repair_status from,
		 enum repair_status to, const char *note)
{
	sqlite3_stmt *st = db_prep(b->db, SQL_EVENT_INSERT);
	if (!st)
		return db_status(b->db);
	repair_bind_event(st, b->who, id, at, from, to, note);
	sqlite3_bind_int64(st, 8, b->next_event++);
	return db_step_done(b->db, st);
}

static int insert(struct repair_bulk *b, struct repair *r)
{
	struct db *db = b->db;
	int rc;
	if (r->rtr_defect_id > 0)
		return db_set_error(db, DB_INVALID, "the bulk path takes the defect's words, not its"
				    " number");
	if (b->rules.rtr_off) {
		r->rtr_days = 0;
		r->rtr_defect[0] = '\0';
	}
	if (r->category == REPAIR_DAMP_MOULD && r->damp_hazard == REPAIR_DAMP_NONE)
		r->damp_hazard = REPAIR_DAMP_SIGNIFICANT;
	struct date d;
	int secs;
	if (repair_instant_parse(r->reported_at, &d, &secs))
		return db_set_error(db, DB_INVALID, "the time reported must be like 2026-11-22T09:30:00Z");
	repair_instant_format(d, secs, r->reported_at);
	if (strcmp(r->reported_at, b->now) > 0)
		return db_set_error(db, DB_INVALID, "a repair cannot be reported in the future");
	if ((rc = target(b, r, r->target_at)))
		return rc;
	sqlite3_stmt *st;
	if (!b->pending) {
		if (!(st = db_prep(db, SQL_NEXT_IDS)))
			return db_status(db);
		if ((rc = db_step_row(db, st)) != DB_OK) {
			db_reset(st);
			return rc == DB_NOTFOUND ? db_set_error(db, DB_ERROR, "no next repair number")
						 : rc;
		}
		b->next_repair = sqlite3_column_int64(st, 0);
		b->next_event = sqlite3_column_int64(st, 1);
		db_reset(st);
	}
	r->id = b->next_repair++;
	if (!(st = db_prep(db, SQL_ROW_INSERT)))
		return db_status(db);
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
	sqlite3_bind_int64(st, 16, r->id);
	if ((rc = db_step_done(db, st)))
		return rc;
	r->status = REPAIR_REPORTED;
	r->version = 1;
	r->reopened = 0;
	r->contractor_id = 0;
	r->completed_at[0] = r->closed_at[0] = '\0';
	ref_format('R', r->id, r->ref, sizeof r->ref);
	return event(b, r->id, r->reported_at, REPAIR_NO_STATUS, REPAIR_REPORTED, "");
}

static int move(struct repair_bulk *b, struct repair *r, const struct repair_bulk_move *m,
		char last[REPAIR_INSTANT_LEN])
{
	struct db *db = b->db;
	char when[REPAIR_INSTANT_LEN];
	struct date d;
	int secs, rc;
	if (repair_instant_parse(m->at, &d, &secs))
		return db_set_error(db, DB_INVALID, "the time of a move must be like 2026-11-22T09:30:00Z");
	repair_instant_format(d, secs, when);
	if (strcmp(when, b->now) > 0)
		return db_set_error(db, DB_INVALID, "a move cannot be dated in the future");
	const char *refusal = repair_move_refusal(r->status, m->to);
	if (refusal)
		return db_set_error(db, DB_INVALID, "%s", refusal);
	int reopens = repair_move_reopens(r->status, m->to);
	if (m->to == REPAIR_ASSIGNED && m->contractor_id <= 0)
		return db_set_error(db, DB_INVALID, "choose the contractor to assign the repair to");
	if ((rc = db_check_lines(db, "a note", m->note)))
		return rc;
	if ((m->to == REPAIR_CANCELLED || reopens) && (!m->note || !m->note[strspn(m->note, " \t\r\n")]))
		return db_set_error(db, DB_INVALID, "say why the repair is %s",
				    reopens ? "reopened" : "cancelled");
	if (strcmp(when, last) < 0)
		return db_set_error(db, DB_INVALID, "a move cannot be dated before the repair's last"
				    " change");
	if (m->to == REPAIR_ASSIGNED)
		r->contractor_id = m->contractor_id;
	if (m->to == REPAIR_COMPLETED)
		memcpy(r->completed_at, when, sizeof when);
	if (m->to == REPAIR_CLOSED || m->to == REPAIR_CANCELLED)
		memcpy(r->closed_at, when, sizeof when);
	if (reopens) {
		r->completed_at[0] = r->closed_at[0] = '\0';
		r->reopened++;
	}
	/* The copy has none of the table's constraints: the two a move can
	 * break, in their words, so that no step the API would refuse is
	 * taken here (the last state meets them all again on the table). */
	if ((m->to == REPAIR_ASSIGNED || m->to == REPAIR_IN_PROGRESS) && r->contractor_id <= 0)
		return db_set_error(db, DB_INVALID, "an assigned repair names its contractor");
	if ((m->to == REPAIR_COMPLETED || m->to == REPAIR_CLOSED) && !r->completed_at[0])
		return db_set_error(db, DB_INVALID, "a completed repair has its completion time");
	sqlite3_stmt *st = db_prep(db, SQL_ROW_MOVE);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, r->id);
	sqlite3_bind_int64(st, 2, r->version);
	db_bind_text(st, 3, repair_status_name(m->to));
	db_bind_id_or_null(st, 4, r->contractor_id);
	db_bind_text_or_null(st, 5, r->completed_at);
	db_bind_text_or_null(st, 6, r->closed_at);
	sqlite3_bind_int(st, 7, r->reopened);
	if ((rc = db_step_done(db, st)))
		return rc;
	if (sqlite3_changes(db->conn) != 1)
		return db_set_error(db, DB_CONFLICT, "repair %s changed while it was written", r->ref);
	if ((rc = event(b, r->id, when, r->status, m->to, m->note)))
		return rc;
	r->status = m->to;
	r->version++;
	memcpy(last, when, REPAIR_INSTANT_LEN);
	return DB_OK;
}

/* As repair_update: r's "in" fields from `e`, with the target worked out
 * afresh when what it depends on changed. */
static int edit(struct repair_bulk *b, struct repair *r, const struct repair *e)
{
	struct db *db = b->db;
	int rc;
	int retarget = r->priority != e->priority || r->rtr_days != e->rtr_days ||
		       r->damp_hazard != e->damp_hazard || !!r->has_cost != !!e->has_cost ||
		       (e->has_cost && r->cost_pence != e->cost_pence);
	if (r->priority != e->priority)
		return db_set_error(db, DB_INVALID, "the bulk path does not change a priority (it"
				    " would be an event of its own)");
	memcpy(r->title, e->title, sizeof r->title);
	memcpy(r->description, e->description, sizeof r->description);
	memcpy(r->location, e->location, sizeof r->location);
	memcpy(r->rtr_defect, e->rtr_defect, sizeof r->rtr_defect);
	memcpy(r->investigated_on, e->investigated_on, sizeof r->investigated_on);
	memcpy(r->summary_sent_on, e->summary_sent_on, sizeof r->summary_sent_on);
	memcpy(r->safety_done_on, e->safety_done_on, sizeof r->safety_done_on);
	r->rtr_days = e->rtr_days;
	r->damp_hazard = e->damp_hazard;
	r->has_cost = e->has_cost;
	r->cost_pence = e->cost_pence;
	if ((rc = repair_check_fields(db, r)) ||
	    (rc = repair_clean_date(db, r->investigated_on, "the date investigated")) ||
	    (rc = repair_clean_date(db, r->summary_sent_on, "the date the summary was sent")) ||
	    (rc = repair_clean_date(db, r->safety_done_on, "the date of the safety work")) ||
	    (rc = repair_check_damp_dates(db, r->reported_at, r)))
		return rc;
	if (retarget && (rc = target(b, r, r->target_at)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_ROW_EDIT);
	if (!st)
		return db_status(db);
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
	db_bind_text(st, 13, r->target_at);
	if ((rc = db_step_done(db, st)))
		return rc;
	if (sqlite3_changes(db->conn) != 1)
		return db_set_error(db, DB_CONFLICT, "repair %s changed while it was written", r->ref);
	r->version++;
	return DB_OK;
}

/* Puts the walked repairs' audit rows into the trail, then the repairs and
 * their events into the real tables, unaudited for these two statements
 * alone (their steps are in the trail), audited again whatever happened;
 * empties the copies. */
static int flush(struct repair_bulk *b)
{
	struct db *db = b->db;
	int rc;
	if (!b->pending)
		return DB_OK;
	if (!(rc = db_audit_copy_flush(db)) && !(rc = step(db, SQL_UNAUDITED, "repairs")) &&
	    !(rc = step(db, SQL_ROW_PUT, NULL)) && !(rc = step(db, SQL_UNAUDITED, "repair_events")))
		rc = step(db, SQL_EVENTS_PUT, NULL);
	int again = step(db, SQL_UNAUDITED, NULL);
	if (!rc && !(rc = again) && !(rc = step(db, SQL_ROW_CLEAR, NULL)))
		rc = step(db, SQL_EVENTS_CLEAR, NULL);
	b->pending = 0;
	return rc;
}

int repair_bulk_add(struct repair_bulk *b, struct repair *r, const struct repair_bulk_move *moves,
		    int nmoves, const struct repair *after)
{
	struct db *db = b->db;
	int rc;
	if ((rc = repair_check_fields(db, r)) || (rc = insert(b, r)))
		return rc;
	char last[REPAIR_INSTANT_LEN];
	memcpy(last, r->reported_at, sizeof last);
	for (int i = 0; i < nmoves; i++)
		if ((rc = move(b, r, &moves[i], last)))
			return rc;
	if (after && (rc = edit(b, r, after)))
		return rc;
	return ++b->pending >= BATCH ? flush(b) : DB_OK;
}

int repair_bulk_finish(struct repair_bulk *b)
{
	return flush(b);
}
