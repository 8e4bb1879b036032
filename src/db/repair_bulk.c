/*
 * src/db/repair_bulk.c: repairs written many at a time, each with its whole
 * life (coopdesk/repair_bulk.h): as repairs.c writes them, in the caller's
 * transaction, with the rules and the bank holidays read once.
 *
 * A repair's life is walked in C, with repairs.c's rules (the checks, the
 * moves allowed, the targets), on copies in TEMP tables
 * (db_audit_copy_make): the repair is inserted there as repair_report
 * inserts it (the same columns, bound the same way), and so is each event;
 * its last state is put there once it has moved on. Each step writes the
 * audit row the real table's trigger would, in the same order: the insert's
 * whole row as the copy holds it, an event's whole row, and a move's or
 * the office's edit's changed columns, in the table's order, before and
 * after (audit_step; the JSON is SQLite's json_object's form, audit_json.c).
 * The copies have no triggers, indexes, search or counts (a trigger firing
 * on a copy cost more than the row it wrote: a demo repair took 1.11 M
 * instructions so, 0.82 M now); the audit rows wait in a TEMP table
 * of their own until the batch is put, so a step writes no page of the main
 * file. The audit rows, and then the repairs and their events, go into the
 * real tables in their final state, BATCH repairs at a time, by one
 * INSERT ... SELECT each, with those tables' audit triggers skipped for
 * those two statements (audit_context.unaudited, schema 14: their steps are
 * in the trail already); the search index and the counts take them as they
 * are. So a repair's sixteen indexes are written once, not once a step (six
 * steps on average), and the result is the one the API gives
 * (tests/cli/demo.sh compares the two, audit trail included, byte for
 * byte). The ids are the ones the real tables would give, worked out once a
 * batch: nothing else writes repairs or events, nor the trail, between
 * repair_bulk_begin and repair_bulk_finish.
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
/* An event as the API inserts it (REPAIR_SQL_EVENT_COLS), the user's id
 * as its subquery finds it, once for the bulk (SQL_USER); ?1 to ?8 in
 * EVENT_COLUMNS' order. */
static const char SQL_EVENT_INSERT[] =
	"INSERT INTO temp.repair_bulk_event (id, repair_id, at, user_id, actor, from_status,"
	" to_status, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char SQL_USER[] = "SELECT id FROM users WHERE id = ?1";
/* The repair as its copy holds it, just inserted: its insert's audit row
 * is the whole row, every column (as the table's trigger takes them). */
static const char SQL_ROW_READ[] = "SELECT * FROM temp.repair_bulk_row WHERE id = ?1";

/* A value as a statement of repairs.c binds it: db_bind_text,
 * db_bind_text_or_null, sqlite3_bind_int64, db_bind_id_or_null. */
static void text(struct db_value *v, const char *s)
{
	*v = (struct db_value){ .type = SQLITE_TEXT, .s = s ? s : "" };
}

static void text_or_null(struct db_value *v, const char *s)
{
	*v = s && *s ? (struct db_value){ .type = SQLITE_TEXT, .s = s }
		     : (struct db_value){ .type = SQLITE_NULL };
}

static void integer(struct db_value *v, int64_t i)
{
	*v = (struct db_value){ .type = SQLITE_INTEGER, .i = i };
}

static void id_or_null(struct db_value *v, int64_t id)
{
	*v = id > 0 ? (struct db_value){ .type = SQLITE_INTEGER, .i = id }
		    : (struct db_value){ .type = SQLITE_NULL };
}

/* Binds V, which must last until the statement is reset. */
static void bind_value(sqlite3_stmt *st, int idx, const struct db_value *v)
{
	if (v->type == SQLITE_INTEGER)
		sqlite3_bind_int64(st, idx, v->i);
	else if (v->type == SQLITE_TEXT)
		sqlite3_bind_text(st, idx, v->s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, idx);
}

/* The columns a move (REPAIR_SQL_MOVE_SET) or the office's edit
 * (REPAIR_SQL_UPDATE_SET) may change, and each one's value in a repair R
 * as those statements bind it. */
#define CHANGING(X) \
	X(status, text(v, repair_status_name(r->status))) \
	X(contractor_id, id_or_null(v, r->contractor_id)) \
	X(completed_at, text_or_null(v, r->completed_at)) \
	X(closed_at, text_or_null(v, r->closed_at)) \
	X(reopened, integer(v, r->reopened)) \
	X(version, integer(v, r->version)) \
	X(title, text(v, r->title)) \
	X(description, text(v, r->description)) \
	X(location, text(v, r->location)) \
	X(priority, text(v, repair_priority_name(r->priority))) \
	X(rtr_defect, text_or_null(v, r->rtr_defect)) \
	X(rtr_days, id_or_null(v, r->rtr_days)) \
	X(damp_hazard, text_or_null(v, repair_damp_name(r->damp_hazard))) \
	X(investigated_on, text_or_null(v, r->investigated_on)) \
	X(summary_sent_on, text_or_null(v, r->summary_sent_on)) \
	X(cost_pence, r->has_cost ? integer(v, r->cost_pence) : id_or_null(v, 0)) \
	X(target_at, text(v, r->target_at)) \
	X(safety_done_on, text_or_null(v, r->safety_done_on))
#define AS_ENUM(name, how) COL_##name,
#define AS_NAME(name, how) #name,
#define AS_CASE(name, how) \
	case COL_##name: \
		how; \
		break;
#define AS_SET(name, how) #name " = ?, "
enum { CHANGING(AS_ENUM) NCHANGING };
static const char *const CHANGING_NAMES[] = { CHANGING(AS_NAME) };

static void changing_value(const struct repair *r, int col, struct db_value *v)
{
	switch (col) {
	CHANGING(AS_CASE)
	}
}

/* A repair's last state, put into its copy once it has moved on: ?1 to
 * ?18 in CHANGING's order, then the id. (The last assignment, of a column
 * no step changes, only ends the list.) */
static const char SQL_ROW_LAST[] =
	"UPDATE temp.repair_bulk_row SET " CHANGING(AS_SET) "home_id = home_id WHERE id = ?";

/* An event's columns, and each one's value in an event E. */
struct event_row {
	int64_t id, repair_id, user_id;
	const char *at, *actor, *from, *to, *note;
};
#define EVENT_COLUMNS(X) \
	X(id, integer(v, e->id)) \
	X(repair_id, integer(v, e->repair_id)) \
	X(at, text(v, e->at)) \
	X(user_id, id_or_null(v, e->user_id)) \
	X(actor, text(v, e->actor)) \
	X(from_status, text_or_null(v, e->from)) \
	X(to_status, text(v, e->to)) \
	X(note, text(v, e->note))
enum { EVENT_COLUMNS(AS_ENUM) NEVENT };
static const char *const EVENT_NAMES[] = { EVENT_COLUMNS(AS_NAME) };

static void event_value(const struct event_row *e, int col, struct db_value *v)
{
	switch (col) {
	EVENT_COLUMNS(AS_CASE)
	}
}

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
	int batch;                         /* put every `batch` repairs */
	int64_t user_id;                   /* the events' user: 0 not one of the users */
	/* The columns in the tables' order, as their triggers take them:
	 * CHANGING's of repairs, and every one of the events'. */
	int changing_order[NCHANGING], event_order[NEVENT];
	struct db_value was[NCHANGING];    /* the CHANGING values before a step */
	char *was_text;                    /* their text */
	size_t was_cap;
	struct db_json before, after;      /* a step's audit JSON */
};

/* Repairs walked on the copies before they are put into the real tables:
 * some 70 MiB of TEMP rows. Each put of repairs keeps a statement journal
 * (the search index, a virtual table, calls for one) of every page it
 * changes that was there before, and the uuid and home indexes are
 * changed at random places, so a bigger batch copies fewer pages a
 * repair. 1,000,000 repairs at 20,000 homes, their put alone: 57.8 s at
 * 8,192 a batch, 47.1 s at 16,384 (the whole demo 163 s and 147 s, its
 * peak RSS 177 and 230 MiB). At 4,000 homes and 200,000 repairs: 9.2 s at
 * 1,024 a batch, 5.5 s at 8,192. */
enum { BATCH = 16384 };

/* Runs SQL, with ?1 TEXT when it is not NULL. */
static int step(struct db *db, const char *sql, const char *text)
{
	sqlite3_stmt *st = db_prep(db, sql);
	if (!st)
		return db_status(db);
	db_bind_text_or_null(st, 1, text);
	return db_step_done(db, st);
}

/* The events' user_id, as REPAIR_SQL_EVENT_ARGS finds it: WHO's id when
 * that user exists, else 0 (none: the command line's). */
static int events_user(struct db *db, const struct actor *who, int64_t *id)
{
	*id = 0;
	sqlite3_stmt *st = db_prep(db, SQL_USER);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, who ? who->user_id : 0);
	int rc = db_step_row(db, st);
	if (rc == DB_OK)
		*id = sqlite3_column_int64(st, 0);
	db_reset(st);
	return rc == DB_NOTFOUND ? DB_OK : rc;
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
	b->batch = BATCH;
	repair_now(b->now, b->today);
	if ((rc = db_audit_copy_make(db, "repairs", "repair_bulk_row")) ||
	    (rc = db_audit_copy_make(db, "repair_events", "repair_bulk_event")) ||
	    (rc = db_audit_column_order(db, "repairs", CHANGING_NAMES, NCHANGING, 0, b->changing_order)) ||
	    (rc = db_audit_column_order(db, "repair_events", EVENT_NAMES, NEVENT, 1, b->event_order)) ||
	    (rc = events_user(db, who, &b->user_id)) ||
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
	free(b->was_text);
	db_json_free(&b->before);
	db_json_free(&b->after);
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

/* An event of the repair, as repair_add_event adds it, into the copy, and
 * its audit row, as the events' trigger writes it: the whole row. */
static int event(struct repair_bulk *b, int64_t id, const char *at, enum repair_status from,
		 enum repair_status to, const char *note)
{
	struct db *db = b->db;
	const struct actor *who = b->who;
	struct event_row e = { b->next_event, id, b->user_id, at,
			       who && who->name ? who->name : "unknown",
			       repair_status_name(from), repair_status_name(to), note };
	sqlite3_stmt *st = db_prep(db, SQL_EVENT_INSERT);
	if (!st)
		return db_status(db);
	struct db_value v[NEVENT];
	for (int c = 0; c < NEVENT; c++) {
		event_value(&e, c, &v[c]);
		bind_value(st, c + 1, &v[c]);
	}
	int rc = db_step_done(db, st);
	if (rc)
		return rc;
	db_json_open(&b->after);
	for (int k = 0; k < NEVENT; k++)
		db_json_value(&b->after, EVENT_NAMES[b->event_order[k]], &v[b->event_order[k]]);
	const char *json = db_json_close(&b->after);
	if (!json)
		return db_set_error(db, DB_ERROR, "out of memory");
	if ((rc = db_audit_copy_row(db, "repair_events", e.id, "insert", NULL, json)))
		return rc;
	b->next_event++;
	return DB_OK;
}

/* The audit row of repair ID's insert into its copy: the whole row, as it
 * is there (the columns the insert left out with their defaults). */
static int audit_insert(struct repair_bulk *b, int64_t id)
{
	struct db *db = b->db;
	sqlite3_stmt *st = db_prep(db, SQL_ROW_READ);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	int rc = db_step_row(db, st);
	int whole = rc == DB_OK && db_json_row(&b->after, st) == 0;
	db_reset(st);
	if (rc)
		return rc == DB_NOTFOUND ? db_set_error(db, DB_ERROR, "the repair is not in the bulk"
							" copy") : rc;
	const char *json = whole ? db_json_close(&b->after) : NULL;
	if (!json)
		return db_set_error(db, DB_ERROR, "a repair's row cannot be written to the trail"
				    " (out of memory, or a value JSON cannot hold)");
	return db_audit_copy_row(db, "repairs", id, "insert", NULL, json);
}

/* R's CHANGING values, kept in b->was, before a step. */
static int snapshot(struct repair_bulk *b, const struct repair *r)
{
	size_t need = 0;
	for (int c = 0; c < NCHANGING; c++) {
		changing_value(r, c, &b->was[c]);
		if (b->was[c].type == SQLITE_TEXT)
			need += strlen(b->was[c].s) + 1;
	}
	if (need > b->was_cap) {
		char *t = realloc(b->was_text, need);
		if (!t)
			return db_set_error(b->db, DB_ERROR, "out of memory");
		b->was_text = t;
		b->was_cap = need;
	}
	char *o = b->was_text;
	for (int c = 0; c < NCHANGING; c++)
		if (b->was[c].type == SQLITE_TEXT) {
			size_t n = strlen(b->was[c].s) + 1;
			memcpy(o, b->was[c].s, n);
			b->was[c].s = o;
			o += n;
		}
	return DB_OK;
}

/* The audit row of a step that made b->was into R, as the repairs'
 * trigger writes an update's: the columns that changed, in the table's
 * order, before and after. */
static int audit_step(struct repair_bulk *b, const struct repair *r)
{
	db_json_open(&b->before);
	db_json_open(&b->after);
	for (int k = 0; k < NCHANGING; k++) {
		int c = b->changing_order[k];
		struct db_value is;
		changing_value(r, c, &is);
		if (!db_value_same(&b->was[c], &is)) {
			db_json_value(&b->before, CHANGING_NAMES[c], &b->was[c]);
			db_json_value(&b->after, CHANGING_NAMES[c], &is);
		}
	}
	const char *before = db_json_close(&b->before), *after = db_json_close(&b->after);
	if (!before || !after)
		return db_set_error(b->db, DB_ERROR, "out of memory");
	return db_audit_copy_row(b->db, "repairs", r->id, "update", before, after);
}

/* The repair's last state into its copy, once its steps are in the trail. */
static int put_last(struct repair_bulk *b, const struct repair *r)
{
	sqlite3_stmt *st = db_prep(b->db, SQL_ROW_LAST);
	if (!st)
		return db_status(b->db);
	struct db_value v[NCHANGING];
	for (int c = 0; c < NCHANGING; c++) {
		changing_value(r, c, &v[c]);
		bind_value(st, c + 1, &v[c]);
	}
	sqlite3_bind_int64(st, NCHANGING + 1, r->id);
	int rc = db_step_done(b->db, st);
	if (!rc && sqlite3_changes(b->db->conn) != 1)
		rc = db_set_error(b->db, DB_ERROR, "repair %s is not in the bulk copy", r->ref);
	return rc;
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
	if ((rc = db_step_done(db, st)) || (rc = audit_insert(b, r->id)))
		return rc;
	/* R as the row now is, the columns the insert left to their defaults
	 * included: the first step's "before". */
	r->status = REPAIR_REPORTED;
	r->version = 1;
	r->reopened = 0;
	r->contractor_id = 0;
	r->completed_at[0] = r->closed_at[0] = '\0';
	r->investigated_on[0] = r->summary_sent_on[0] = r->safety_done_on[0] = '\0';
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
	if ((rc = snapshot(b, r)))
		return rc;
	enum repair_status from = r->status;
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
	r->status = m->to;
	r->version++;
	if ((rc = audit_step(b, r)) || (rc = event(b, r->id, when, from, m->to, m->note)))
		return rc;
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
	if ((rc = snapshot(b, r)))
		return rc;
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
	r->version++;
	return audit_step(b, r);
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
	if ((nmoves > 0 || after) && (rc = put_last(b, r)))
		return rc;
	return ++b->pending >= b->batch ? flush(b) : DB_OK;
}

void repair_bulk_batch(struct repair_bulk *b, int n)
{
	b->batch = n > 0 ? n : 1;
}

int repair_bulk_finish(struct repair_bulk *b)
{
	return flush(b);
}
