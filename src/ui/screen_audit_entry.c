/*
 * src/ui/screen_audit_entry.c: one entry of the audit trail, described for
 * the record screen: who, when (local time), which record, what was done,
 * and the record itself: for a change, each field that changed as
 * "old → new"; for a record added or removed, every field it had. Values
 * wrap to the width and scroll. Read-only, like the trail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/json_flat.h"
#include "coopdesk/money.h"
#include "coopdesk/zone.h"
#include "audit_filter.h"
#include "record.h"

#define ARROW " \xe2\x86\x92 "   /* " → " */
/* A value can be as long as the entry's JSON; these buffers take any. */
#define VALUE_BUF (AUDIT_JSON_MAX + 64)

struct entry_state {
	char what[160];
	struct json_flat before, after;
	int before_rc, after_rc;
};

/* ---- values in words --------------------------------------------------- */

static int ends_with(const char *s, const char *tail)
{
	size_t a = strlen(s), b = strlen(tail);
	return a >= b && strcmp(s + a - b, tail) == 0;
}

/* A field's name in words: "reported_at" -> "reported at"; "amount_pence"
 * -> "amount" (its value is shown as money). */
static void label_of(const char *name, char *buf, size_t n)
{
	snprintf(buf, n, "%s", name);
	if (ends_with(buf, "_pence") && strlen(buf) > 6)
		buf[strlen(buf) - 6] = '\0';
	for (char *p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
}

/* A field's value in words: instants in local time, dates as dd/mm/yyyy,
 * pence as money. */
static void value_of(const struct json_flat_field *f, char *buf, size_t n)
{
	if (!f) {
		snprintf(buf, n, "(not recorded)");
		return;
	}
	switch (f->type) {
	case JSON_FLAT_NULL:
		snprintf(buf, n, "(none)");
		return;
	case JSON_FLAT_STRING:
		if (!f->value[0])
			snprintf(buf, n, "(blank)");
		else
			zone_format(f->value, buf, n);
		return;
	case JSON_FLAT_NUMBER:
		if (ends_with(f->name, "_pence") && strspn(f->value, "-0123456789") == strlen(f->value) &&
		    strlen(f->value) < 19) {
			money_format(atoll(f->value), buf, n);
			return;
		}
		snprintf(buf, n, "%s", f->value);
		return;
	default:
		snprintf(buf, n, "%s", f->value);
		return;
	}
}

static int same(const struct json_flat_field *a, const struct json_flat_field *b)
{
	return a && b && a->type == b->type && strcmp(a->value, b->value) == 0;
}

/* ---- the rows ------------------------------------------------------------------ */

static void all_fields(struct rscreen *rs, const struct json_flat *j, char *value)
{
	char label[256];
	for (size_t i = 0; i < j->n; i++) {
		label_of(j->fields[i].name, label, sizeof label);
		value_of(&j->fields[i], value, VALUE_BUF);
		record_row(rs, label, value, -1);
	}
}

static void one_change(struct rscreen *rs, const char *name, const struct json_flat_field *was,
		       const struct json_flat_field *now, char *old, char *new_value)
{
	char label[256];
	label_of(name, label, sizeof label);
	value_of(was, old, VALUE_BUF);
	value_of(now, new_value, VALUE_BUF);
	size_t used = strlen(old);
	snprintf(old + used, VALUE_BUF - used, ARROW "%s", new_value);
	record_row(rs, label, old, -1);
}

static void changes(struct rscreen *rs, char *old, char *now)
{
	struct entry_state *st = rs->priv;
	const struct json_flat *b = &st->before, *a = &st->after;
	int changed = 0, unchanged = 0;
	for (size_t i = 0; i < a->n; i++) {
		const struct json_flat_field *was = json_flat_get(b, a->fields[i].name);
		if (same(was, &a->fields[i])) {
			unchanged++;
			continue;
		}
		/* A field in the record before that was cut off is not known. */
		if (!was && st->before_rc != JSON_FLAT_OK)
			continue;
		one_change(rs, a->fields[i].name, was, &a->fields[i], old, now);
		changed++;
	}
	for (size_t i = 0; i < b->n; i++) {
		if (json_flat_get(a, b->fields[i].name) || st->after_rc != JSON_FLAT_OK)
			continue;
		one_change(rs, b->fields[i].name, &b->fields[i], NULL, old, now);
		changed++;
	}
	if (!changed)
		record_row(rs, "", "No field changed: the record was saved as it was.", STYLE_DIM);
	else if (unchanged) {
		snprintf(old, VALUE_BUF, "%d other field%s did not change.", unchanged,
			 unchanged == 1 ? "" : "s");
		record_row(rs, "", old, STYLE_DIM);
	}
}

/* Says what could not be read of one side, and shows its text as it is. */
static void trouble(struct rscreen *rs, const char *side, int rc, int cut, const char *raw)
{
	char note[256];
	if (rc == JSON_FLAT_OK && !cut)
		return;
	if (rc == JSON_FLAT_CUT || cut) {
		snprintf(note, sizeof note, "The record %s was too long to keep whole here: "
			 "only its first fields are shown.", side);
		record_row(rs, "", note, STYLE_DIM);
		return;
	}
	snprintf(note, sizeof note, "The record %s could not be read (%s); as it was kept:", side,
		 json_flat_strerror(rc));
	record_row(rs, "", note, STYLE_ERROR);
	record_row(rs, "", raw, STYLE_DIM);
}

static const char *done_words(const char *action)
{
	return audit_action_words(action);
}

static void rows(struct rscreen *rs)
{
	const struct audit_entry *e = rs->rec;
	struct entry_state *st = rs->priv;
	const char *action = e->row.action;
	char when[ZONE_TIME_BUFSZ];
	char *a = malloc(VALUE_BUF), *b = malloc(VALUE_BUF);
	if (!a || !b) {
		free(a);
		free(b);
		record_row(rs, "", "Out of memory: the entry cannot be shown.", STYLE_ERROR);
		return;
	}
	record_row(rs, "When", zone_format(e->row.at, when, sizeof when), -1);
	record_row(rs, "Who", e->row.actor, -1);
	record_row(rs, "What", st->what, -1);
	record_row(rs, "Action", done_words(action), -1);
	if (strcmp(action, "update") == 0) {
		record_row(rs, "", "What changed:", STYLE_TITLE);
		changes(rs, a, b);
		trouble(rs, "before", st->before_rc, e->before_cut, e->before);
		trouble(rs, "after", st->after_rc, e->after_cut, e->after);
	} else if (strcmp(action, "insert") == 0) {
		record_row(rs, "", "The record as it was added:", STYLE_TITLE);
		all_fields(rs, &st->after, a);
		trouble(rs, "as added", st->after_rc, e->after_cut, e->after);
	} else {
		record_row(rs, "", "The record as it was removed:", STYLE_TITLE);
		all_fields(rs, &st->before, a);
		trouble(rs, "as removed", st->before_rc, e->before_cut, e->before);
	}
	free(a);
	free(b);
}

/* For a member, their number; for a home, its reference: what people
 * call the record, when the entry holds it. */
static void add_known_name(struct entry_state *st, const struct audit_entry *e)
{
	const struct json_flat *j = st->after.n ? &st->after : &st->before;
	const struct json_flat_field *f = NULL;
	const char *before = "";
	if (strcmp(e->row.table_name, "members") == 0) {
		f = json_flat_get(j, "member_no");
		before = "member no. ";
	} else if (strcmp(e->row.table_name, "homes") == 0) {
		f = json_flat_get(j, "ref");
	}
	if (f && f->type != JSON_FLAT_NULL) {
		size_t used = strlen(st->what);
		snprintf(st->what + used, sizeof st->what - used, " (%s%s)", before, f->value);
	}
}

static int load(struct rscreen *rs)
{
	struct audit_entry *e = rs->rec;
	struct entry_state *st = rs->priv;
	int rc = audit_get(rs->app->db, &rs->app->who, rs->id, e);
	if (rc)
		return rc;
	json_flat_free(&st->before);
	json_flat_free(&st->after);
	st->before_rc = e->before[0] ? json_flat_parse(e->before, strlen(e->before), &st->before, NULL)
				     : JSON_FLAT_OK;
	st->after_rc = e->after[0] ? json_flat_parse(e->after, strlen(e->after), &st->after, NULL)
				   : JSON_FLAT_OK;
	audit_what(e->row.table_name, e->row.row_id, st->what, sizeof st->what);
	add_known_name(st, e);
	return DB_OK;
}

static void title(struct rscreen *rs, char *buf, size_t n)
{
	const struct audit_entry *e = rs->rec;
	struct entry_state *st = rs->priv;
	snprintf(buf, n, "Audit trail entry %lld: %s %s", (long long)e->row.id, st->what,
		 done_words(e->row.action));
}

static void fini(void *priv)
{
	struct entry_state *st = priv;
	json_flat_free(&st->before);
	json_flat_free(&st->after);
}

static const char *why_not(struct rscreen *rs, enum action a)
{
	(void)rs;
	return a == ACT_EDIT ? "The audit trail cannot be changed: it is the record of what was done"
			     : NULL;
}

static const struct rdesc entry_record = {
	.name = "Audit trail entry",
	.area = 0,
	.rec_size = sizeof(struct audit_entry),
	.load = load,
	.title = title,
	.rows = rows,
	.why_not = why_not,
	.priv_size = sizeof(struct entry_state),
	.fini = fini,
};

struct screen *screen_audit_entry_new(struct app *app, int64_t id)
{
	return record_screen_new(app, &entry_record, id);
}
