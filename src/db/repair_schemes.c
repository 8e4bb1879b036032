/*
 * src/db/repair_schemes.c: the schemes that may bind repairs
 * (coopdesk/repair_schemes.h): the Right to Repair schedule, what a
 * repair being logged makes of it (repair_apply_schemes, repair_preview),
 * the second contractor and compensation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/repair_schemes.h"
#include "coopdesk/settings.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "dbint.h"
#include "repair_sql.h"

#define NO_DEFECT "there is no such defect in the Right to Repair schedule"

static const char SQL_DEFECT_GET[] =
	"SELECT id, defect, days, coalesce(summer_days, 0), in_use, version"
	" FROM rtr_defects WHERE id = ?1";
#define DEFECT_FIELDS(X) \
	X(INT64, id) X(TEXT, defect) X(INT, days) X(INT, summer_days) X(INT, in_use) \
	X(INT64, version)
static const char SQL_DEFECT_EXISTS[] = "SELECT version FROM rtr_defects WHERE id = ?1";
static const char SQL_DEFECT_INSERT[] =
	"INSERT INTO rtr_defects (defect, days, summer_days, in_use) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_DEFECT_UPDATE[] =
	"UPDATE rtr_defects SET defect = ?3, days = ?4, summer_days = ?5, in_use = ?6,"
	" version = version + 1 WHERE id = ?1 AND version = ?2";
/* ?1 in use only, ?2 key defect, ?3 key id, ?4 page size, ?5 the text
 * searched for or NULL. The schedule is short: the search reads it all. */
#define DEFECT_COLS \
	"SELECT id, defect, days, coalesce(summer_days, 0), in_use, version FROM rtr_defects" \
	" WHERE (?1 = 0 OR in_use) AND (?5 IS NULL OR instr(lower(defect), lower(?5)) > 0)"
static const char *const SQL_DEFECT_PAGE[4] = {
	[PAGE_FIRST] = DEFECT_COLS " ORDER BY defect, id LIMIT ?4",
	[PAGE_LAST] = DEFECT_COLS " ORDER BY defect DESC, id DESC LIMIT ?4",
	[PAGE_AFTER] = DEFECT_COLS " AND (defect, id) > (?2, ?3) ORDER BY defect, id LIMIT ?4",
	[PAGE_BEFORE] = DEFECT_COLS
	" AND (defect, id) < (?2, ?3) ORDER BY defect DESC, id DESC LIMIT ?4",
};
static const char SQL_SECOND[] =
	"UPDATE repairs SET rtr_second_on = ?3, rtr_second_contractor_id = ?4, contractor_id = ?4,"
	" status = 'assigned', version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_SETTLE[] =
	"UPDATE repairs SET rtr_comp_settled = ?3, rtr_comp_pence = ?4, rtr_comp_on = ?5,"
	" version = version + 1 WHERE id = ?1 AND version = ?2";
static const char SQL_REPAIR_EXISTS[] = "SELECT version FROM repairs WHERE id = ?1";
static const char SQL_EVENT2[] =
	"INSERT INTO repair_events (repair_id, at, user_id, actor, from_status, to_status, note)"
	" VALUES (?1, ?2, (SELECT id FROM users WHERE id = ?3), ?4, ?5, ?6, ?7)";
/* ?1 the first instant, ?2 the last (a day either side, in UTC: the local
 * days are checked exactly by date(..., 'localtime')), ?3 ?4 the local
 * days, ?5 ?6 the key, ?7 the page size. Each served by its partial index. */
#define SCHEME_PAGE(COND) \
	"SELECT id, reported_at FROM repairs WHERE " COND " AND reported_at >= ?1" \
	" AND reported_at < ?2 AND date(reported_at, 'localtime') BETWEEN ?3 AND ?4" \
	" AND (reported_at, id) > (?5, ?6) ORDER BY reported_at, id LIMIT ?7"
static const char *const SQL_SCHEME_PAGE[2] = {
	SCHEME_PAGE("rtr_days IS NOT NULL"), SCHEME_PAGE("damp_hazard IS NOT NULL"),
};
static const char SQL_CONTRACTOR_IN_USE[] = "SELECT in_use FROM contractors WHERE id = ?1";

static void read_defect(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct rtr_defect *r = row;
	int col = 0;
	(void)ctx;
	memset(r, 0, sizeof *r);
	DEFECT_FIELDS(DB_COL)
}

static int board_only(struct db *db, const struct actor *who, const char *doing)
{
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_WRITE, NULL);
	if (rc)
		return rc;
	if (who->role != ROLE_BOARD && who->role != ROLE_SYSTEM)
		return db_set_error(db, DB_DENIED, "only the board may %s", doing);
	return DB_OK;
}

/* ---- the schedule ----------------------------------------------------------- */

int rtr_defect_page(struct db *db, const struct actor *who, int in_use_only, const char *search,
		    enum page_dir dir, const struct page_key *key, struct rtr_defect *rows,
		    int max, int *n)
{
	*n = 0;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_READ, NULL);
	if (rc || (rc = db_page_args(db, "rtr_defect_page", 0, dir, key, max)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_DEFECT_PAGE[dir]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int(st, 1, in_use_only ? 1 : 0);
	if (key) {
		sqlite3_bind_text(st, 2, key->text, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, key->id);
	}
	sqlite3_bind_int(st, 4, max);
	db_bind_text_or_null(st, 5, search);
	return db_page_read(db, st, dir, rows, max, sizeof *rows, read_defect, NULL, n);
}

void rtr_defect_key(const struct rtr_defect *d, struct page_key *key)
{
	memset(key, 0, sizeof *key);
	key->id = d->id;
	text_copy(key->text, sizeof key->text, d->defect);
}

int rtr_defect_get(struct db *db, const struct actor *who, int64_t id, struct rtr_defect *d)
{
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_READ, NULL);
	return rc ? rc : db_get(db, SQL_DEFECT_GET, id, read_defect, d, NULL, NO_DEFECT);
}

int rtr_defect_save(struct db *db, const struct actor *who, struct rtr_defect *d)
{
	int rc = board_only(db, who, "change the Right to Repair schedule");
	if (rc || (rc = db_check_line(db, "a defect", d->defect)))
		return rc;
	if ((rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, d->id ? SQL_DEFECT_UPDATE : SQL_DEFECT_INSERT);
	if (!st)
		return db_abort(db, db_status(db));
	int o = d->id ? 2 : 0;
	if (d->id) {
		sqlite3_bind_int64(st, 1, d->id);
		sqlite3_bind_int64(st, 2, d->version);
	}
	db_bind_text(st, o + 1, d->defect);
	sqlite3_bind_int(st, o + 2, d->days);
	db_bind_id_or_null(st, o + 3, d->summer_days);
	sqlite3_bind_int(st, o + 4, d->in_use ? 1 : 0);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	if (d->id) {
		if ((rc = db_updated(db, SQL_DEFECT_EXISTS, "rtr_defects", d->id, "this defect",
				     NO_DEFECT)))
			return db_abort(db, rc);
		d->version++;
	} else {
		d->id = sqlite3_last_insert_rowid(db->conn);
		d->version = 1;
	}
	return db_commit(db);
}

/* ---- a repair being logged ----------------------------------------------------- */

int repair_apply_schemes(struct db *db, struct repair *r, struct repair_rules *rules)
{
	int rc = repair_rules_load(db, rules);
	if (rc)
		return rc;
	if (r->rtr_defect_id > 0 && !rules->rtr_off) {
		struct rtr_defect d;
		if ((rc = db_get(db, SQL_DEFECT_GET, r->rtr_defect_id, read_defect, &d, NULL,
				 NO_DEFECT)))
			return rc;
		if (!d.in_use)
			return db_set_error(db, DB_NOTFOUND, "that defect is no longer in the Right to"
					    " Repair schedule");
		char day[REPAIR_DATE_LEN];
		repair_local_date(r->reported_at, day);
		r->rtr_days = repair_rtr_season_days(d.days, d.summer_days, day);
		text_copy(r->rtr_defect, sizeof r->rtr_defect, d.defect);
	}
	if (rules->rtr_off) {
		r->rtr_days = 0;
		r->rtr_defect[0] = '\0';
	}
	if (r->category == REPAIR_DAMP_MOULD && r->damp_hazard == REPAIR_DAMP_NONE)
		r->damp_hazard = REPAIR_DAMP_SIGNIFICANT;
	return DB_OK;
}

int repair_preview(struct db *db, const struct actor *who, const struct repair *in,
		   struct repair_preview *out)
{
	enum access_level level;
	memset(out, 0, sizeof *out);
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_WRITE, &level);
	if (rc)
		return rc;
	struct repair *r = malloc(sizeof *r);
	if (!r)
		return db_set_error(db, DB_ERROR, "out of memory");
	*r = *in;
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	repair_now(now, today);
	if (!r->reported_at[0] || level == ACCESS_OWN)
		memcpy(r->reported_at, now, sizeof now);
	if (level == ACCESS_OWN) {
		r->priority = REPAIR_ROUTINE;
		r->rtr_defect_id = 0;
		r->rtr_days = 0;
		r->damp_hazard = REPAIR_DAMP_NONE;
		r->has_cost = 0;
	}
	struct repair_rules rules;
	struct holidays h = { 0 };
	char day[REPAIR_DATE_LEN];
	repair_local_date(r->reported_at, day);
	if ((rc = repair_apply_schemes(db, r, &rules)) ||
	    (rc = holidays_load(db, day, "2999-12-31", &h))) {
		free(r);
		return rc;
	}
	out->rtr_on = !rules.rtr_off;
	out->awaab_on = !rules.awaab_off;
	out->rtr_max_cost = rules.rtr_max_cost;
	text_copy(out->rtr_defect, sizeof out->rtr_defect, r->rtr_defect);
	if (r->rtr_days) {
		if (repair_rtr_qualifies(&rules, r->rtr_days, r->has_cost, r->cost_pence))
			out->rtr_days = r->rtr_days;
		else
			out->rtr_out_by_cost = 1;
	}
	if (out->awaab_on && r->damp_hazard != REPAIR_DAMP_NONE) {
		struct repair_target_in damp = { r->reported_at, REPAIR_PLANNED, 0, 0, 0,
						 r->damp_hazard };
		out->damp = r->damp_hazard;
		repair_target(&rules, &h, &damp, out->damp_due);
	}
	struct repair_target_in t = { r->reported_at, r->priority, r->rtr_days, r->has_cost,
				      r->cost_pence, r->damp_hazard };
	int bad = repair_target(&rules, &h, &t, out->target_at);
	free((void *)h.days);
	free(r);
	if (bad)
		return db_set_error(db, DB_INVALID, "choose the priority to see the target");
	return DB_OK;
}

/* ---- second contractor, compensation ------------------------------------------ */

static int note_event(struct db *db, const struct actor *who, int64_t id,
		      enum repair_status from, enum repair_status to, const char *note)
{
	char now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	repair_now(now, today);
	sqlite3_stmt *st = db_prep(db, SQL_EVENT2);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, now);
	sqlite3_bind_int64(st, 3, who->user_id);
	db_bind_text(st, 4, who->name ? who->name : "unknown");
	db_bind_text(st, 5, repair_status_name(from));
	db_bind_text(st, 6, repair_status_name(to));
	db_bind_text(st, 7, note);
	return db_step_done(db, st);
}

/* A day a person gave: ISO, not in the future, not before `not_before`. */
static int check_day(struct db *db, char *on, const char *what, const char *not_before)
{
	struct date d;
	char why[128], shown[ZONE_TIME_BUFSZ], now[REPAIR_INSTANT_LEN], today[REPAIR_DATE_LEN];
	if (!on || !*on)
		return db_set_error(db, DB_INVALID, "give the day %s", what);
	if (date_explain(on, why, sizeof why) != DATE_OK)
		return db_set_error(db, DB_INVALID, "the day %s: %s", what, why);
	date_parse(on, &d);
	date_format_iso(d, on, REPAIR_DATE_LEN);
	repair_now(now, today);
	if (strcmp(on, today) > 0)
		return db_set_error(db, DB_INVALID, "the day %s cannot be in the future (today is %s)",
				    what, zone_format(today, shown, sizeof shown));
	if (not_before && strcmp(on, not_before) < 0)
		return db_set_error(db, DB_INVALID, "the day %s cannot be before %s", what,
				    zone_format(not_before, shown, sizeof shown));
	return DB_OK;
}

int repair_rtr_second(struct db *db, const struct actor *who, int64_t id, int64_t version,
		      const char *on_in, int64_t contractor_id)
{
	int rc = board_only(db, who, "record a request for a second contractor");
	if (rc)
		return rc;
	char on[REPAIR_DATE_LEN], shown[ZONE_TIME_BUFSZ];
	text_copy(on, sizeof on, on_in ? on_in : "");
	struct repair *r = malloc(sizeof *r);
	if (!r)
		return db_set_error(db, DB_ERROR, "out of memory");
	int began = (rc = db_begin(db, who)) == DB_OK;
	if (began && (rc = repair_get(db, who, id, r)) == DB_OK) {
		if (r->version != version)
			rc = db_conflict(db, "repairs", id, "this repair");
		else if (!r->rtr_on)
			rc = db_set_error(db, DB_INVALID, "Right to Repair does not bind the co-op"
					  " (the setting scheme_right_to_repair is off)");
		else if (!r->rtr_due[0])
			rc = db_set_error(db, DB_INVALID, "this repair does not qualify for Right to"
					  " Repair");
		else if (!repair_status_is_open(r->status))
			rc = db_set_error(db, DB_INVALID, "a second contractor is for a repair still"
					  " to be done: this one is %s",
					  repair_status_label(r->status));
		else if (r->rtr_second_on[0])
			rc = db_set_error(db, DB_INVALID, "a second contractor was already asked for on"
					  " %s", zone_format(r->rtr_second_on, shown, sizeof shown));
		else if ((rc = check_day(db, on, "the tenant asked", NULL)) == DB_OK &&
			 strcmp(on, r->rtr_due) <= 0)
			rc = db_set_error(db, DB_INVALID, "the first contractor has until the end of"
					  " %s: a second may be asked for only after that",
					  zone_format(r->rtr_due, shown, sizeof shown));
	}
	if (rc == DB_OK) {
		if (contractor_id <= 0)
			rc = db_set_error(db, DB_INVALID, "choose the second contractor");
		else if (contractor_id == r->contractor_id)
			rc = db_set_error(db, DB_INVALID, "the second contractor must be another one"
					  " than the first");
	}
	if (rc == DB_OK) {
		sqlite3_stmt *st = db_prep(db, SQL_CONTRACTOR_IN_USE);
		if (!st) {
			rc = db_status(db);
		} else {
			sqlite3_bind_int64(st, 1, contractor_id);
			rc = db_step_row(db, st);
			if (rc == DB_NOTFOUND)
				rc = db_set_error(db, DB_NOTFOUND, "there is no such contractor");
			else if (rc == DB_OK && !sqlite3_column_int(st, 0))
				rc = db_set_error(db, DB_INVALID, "that contractor is marked not in use");
			db_reset(st);
		}
	}
	if (rc == DB_OK) {
		sqlite3_stmt *st = db_prep(db, SQL_SECOND);
		if (!st)
			rc = db_status(db);
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, version);
			db_bind_text(st, 3, on);
			sqlite3_bind_int64(st, 4, contractor_id);
			rc = db_step_done(db, st);
		}
		if (rc == DB_OK)
			rc = db_updated(db, SQL_REPAIR_EXISTS, "repairs", id, "this repair",
					"there is no such repair");
	}
	if (rc == DB_OK) {
		char note[160];
		snprintf(note, sizeof note, "Right to Repair: the tenant asked on %s for a second"
			 " contractor", zone_format(on, shown, sizeof shown));
		rc = note_event(db, who, id, r->status, REPAIR_ASSIGNED, note);
	}
	free(r);
	if (rc)
		return began ? db_abort(db, rc) : rc;
	return db_commit(db);
}

int repair_rtr_settle(struct db *db, const struct actor *who, int64_t id, int64_t version,
		      const char *how, const char *on_in)
{
	int rc = board_only(db, who, "settle Right to Repair compensation");
	if (rc)
		return rc;
	int rent = how && strcmp(how, "rent") == 0;
	if (!how || (!rent && strcmp(how, "paid") != 0))
		return db_set_error(db, DB_INVALID, "compensation is paid or set against rent arrears");
	char on[REPAIR_DATE_LEN], shown[ZONE_TIME_BUFSZ], money[MONEY_BUFSZ];
	text_copy(on, sizeof on, on_in ? on_in : "");
	struct repair *r = malloc(sizeof *r);
	struct tenancy *t = malloc(sizeof *t);
	if (!r || !t) {
		free(r);
		free(t);
		return db_set_error(db, DB_ERROR, "out of memory");
	}
	int began = (rc = db_begin(db, who)) == DB_OK;
	if (began && (rc = repair_get(db, who, id, r)) == DB_OK) {
		if (r->version != version)
			rc = db_conflict(db, "repairs", id, "this repair");
		else if (!r->rtr_on)
			rc = db_set_error(db, DB_INVALID, "Right to Repair does not bind the co-op"
					  " (the setting scheme_right_to_repair is off)");
		else if (r->rtr_comp_settled[0])
			rc = db_set_error(db, DB_INVALID, "the compensation was already settled on %s",
					  zone_format(r->rtr_comp_on, shown, sizeof shown));
		else if (!r->rtr_second_on[0])
			rc = db_set_error(db, DB_INVALID, "no compensation is due: the tenant did not"
					  " ask for a second contractor");
		else if (r->rtr_compensation_pence <= 0)
			rc = db_set_error(db, DB_INVALID, "no compensation is due: the second"
					  " contractor has not missed the deadline");
		else if (r->status != REPAIR_COMPLETED && r->status != REPAIR_CLOSED)
			rc = db_set_error(db, DB_INVALID, "settle the compensation once the repair is"
					  " completed: until then it still grows");
		else
			rc = check_day(db, on, "it was settled", NULL);
	}
	if (rc == DB_OK && rent) {
		char what[120];
		snprintf(what, sizeof what, "Right to Repair compensation, repair %s", r->ref);
		rc = tenancy_current_for_home(db, who, r->home_id, t);
		if (rc == DB_NOTFOUND)
			rc = db_set_error(db, DB_INVALID, "the home has no current tenancy to set the"
					  " compensation against: record it as paid");
		if (rc == DB_OK)
			rc = rent_post(db, who, t->id, on, RENT_ADJUSTMENT, -r->rtr_compensation_pence,
				       what, r->ref);
	}
	if (rc == DB_OK) {
		sqlite3_stmt *st = db_prep(db, SQL_SETTLE);
		if (!st)
			rc = db_status(db);
		if (st) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, version);
			db_bind_text(st, 3, rent ? "rent" : "paid");
			sqlite3_bind_int64(st, 4, r->rtr_compensation_pence);
			db_bind_text(st, 5, on);
			rc = db_step_done(db, st);
		}
		if (rc == DB_OK)
			rc = db_updated(db, SQL_REPAIR_EXISTS, "repairs", id, "this repair",
					"there is no such repair");
	}
	if (rc == DB_OK) {
		char note[200];
		snprintf(note, sizeof note, "Right to Repair compensation of %s %s on %s",
			 money_format(r->rtr_compensation_pence, money, sizeof money),
			 rent ? "set against rent arrears" : "paid",
			 zone_format(on, shown, sizeof shown));
		rc = note_event(db, who, id, r->status, r->status, note);
	}
	free(r);
	free(t);
	if (rc)
		return began ? db_abort(db, rc) : rc;
	return db_commit(db);
}

/* The ISO date `d` moved by `days`, into out. */
static void shift(const char *d, int days, char out[REPAIR_DATE_LEN])
{
	struct date x;
	char iso[DATE_BUFSZ];
	date_parse(d, &x);
	snprintf(out, REPAIR_DATE_LEN, "%s", date_format_iso(date_add_days(x, days), iso, sizeof iso));
}

int repair_scheme_page(struct db *db, const struct actor *who, int damp, const char *from,
		       const char *to, const char *after_at, int64_t after_id, int64_t *ids,
		       char (*at)[REPAIR_INSTANT_LEN], int max, int *n)
{
	enum access_level level;
	char lo[REPAIR_DATE_LEN] = "1900-01-01", hi[REPAIR_DATE_LEN], now[REPAIR_INSTANT_LEN];
	char a[REPAIR_DATE_LEN], b[REPAIR_DATE_LEN], why[128];
	*n = 0;
	int rc = db_access_check(db, who, AREA_REPAIRS, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "a %s may not read the co-op's repair reports",
				    access_role_name(who->role));
	repair_now(now, hi);
	const char *ends[2] = { from, to };
	char *dest[2] = { lo, hi };
	for (int i = 0; i < 2; i++) {
		struct date d;
		if (!ends[i] || !*ends[i])
			continue;
		if (date_explain(ends[i], why, sizeof why) != DATE_OK)
			return db_set_error(db, DB_INVALID, "%s: %s", i ? "to" : "from", why);
		date_parse(ends[i], &d);
		date_format_iso(d, dest[i], REPAIR_DATE_LEN);
	}
	if (strcmp(lo, hi) > 0)
		return db_set_error(db, DB_INVALID, "the period ends before it begins");
	shift(lo, -1, a);
	shift(hi, 2, b);
	sqlite3_stmt *st = db_prep(db, SQL_SCHEME_PAGE[damp ? 1 : 0]);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, a);
	db_bind_text(st, 2, b);
	db_bind_text(st, 3, lo);
	db_bind_text(st, 4, hi);
	db_bind_text(st, 5, after_at ? after_at : "");
	sqlite3_bind_int64(st, 6, after_id);
	sqlite3_bind_int(st, 7, max);
	while ((rc = db_step_row(db, st)) == DB_OK) {
		ids[*n] = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, at[*n], REPAIR_INSTANT_LEN);
		++*n;
	}
	db_reset(st);
	return rc == DB_NOTFOUND ? DB_OK : rc;
}
