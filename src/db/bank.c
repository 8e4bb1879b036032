/*
 * src/db/bank.c: rent paid by bank (coopdesk/bank.h, schema 10): the
 * statement lines already posted, posting new ones through the rent
 * ledger's payment path, and the saved profiles of banks' exports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/bank.h"
#include "coopdesk/rent.h"
#include "dbint.h"

static const char SQL_CANDIDATES[] =
	"SELECT t.id, h.ref,"
	"       coalesce((SELECT group_concat(m.name, ', ') FROM"
	"                  (SELECT m.name FROM tenancy_signatories s"
	"                     JOIN members m ON m.id = s.member_id"
	"                    WHERE s.tenancy_id = t.id ORDER BY s.id) m), ''),"
	"       t.start_date, coalesce(t.end_date, '')"
	"  FROM tenancies t JOIN homes h ON h.id = t.home_id ORDER BY t.id";
static const char SQL_POSTED[] =
	"SELECT entry_id FROM bank_lines"
	" WHERE line_date = ?1 AND amount_pence = ?2 AND description = ?3 AND occurrence = ?4";
static const char SQL_INSERT_LINE[] =
	"INSERT INTO bank_lines (line_date, amount_pence, description, occurrence, entry_id,"
	" file_name, file_line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char SQL_PROFILE_GET[] =
	"SELECT name, date_column, date_format, amount_column, credit_column, debit_column,"
	"       crdr_column, reference_column FROM bank_profiles WHERE name = ?1";
static const char SQL_PROFILE_SAVE[] =
	"INSERT INTO bank_profiles (name, date_column, date_format, amount_column, credit_column,"
	"  debit_column, crdr_column, reference_column) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
	" ON CONFLICT (name) DO UPDATE SET date_column = excluded.date_column,"
	"  date_format = excluded.date_format, amount_column = excluded.amount_column,"
	"  credit_column = excluded.credit_column, debit_column = excluded.debit_column,"
	"  crdr_column = excluded.crdr_column, reference_column = excluded.reference_column,"
	"  version = version + 1";

/* The page cache while a statement is posted, as the rent run's. */
#define POST_CACHE_MIB 32

static int board(struct db *db, const struct actor *who)
{
	return db_access_check(db, who, AREA_RENT, OP_WRITE, NULL);
}

#define PROFILE_COLUMNS(X) \
	X(TEXT, name) X(TEXT, date_column) X(TEXT, date_format) X(TEXT, amount_column) \
	X(TEXT, credit_column) X(TEXT, debit_column) X(TEXT, crdr_column) X(TEXT, reference_column)

static void read_profile(sqlite3_stmt *st, void *row, const void *ctx)
{
	struct bank_profile *r = row;
	int col = 0;
	(void)ctx;
	PROFILE_COLUMNS(DB_COL)
}

int bank_profile_get(struct db *db, const struct actor *who, const char *name,
		     struct bank_profile *p)
{
	int rc = board(db, who);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PROFILE_GET);
	if (!st)
		return db_status(db);
	db_bind_text(st, 1, name);
	rc = db_read_one(db, st, read_profile, p, NULL, "there is no such bank profile");
	if (rc == DB_NOTFOUND)
		db_set_error(db, DB_NOTFOUND, "there is no bank profile called '%s': save one with"
			     " --save-profile", name);
	return rc;
}

int bank_profile_save(struct db *db, const struct actor *who, const struct bank_profile *p)
{
	int rc = board(db, who);
	if (rc)
		return rc;
	const char *const fields[] = { p->name, p->date_column, p->amount_column, p->credit_column,
				       p->debit_column, p->crdr_column, p->reference_column };
	const char *const said[] = { "a profile's name", "the date column", "the amount column",
				     "the paid in column", "the paid out column", "the CR/DR column",
				     "the reference column" };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if ((rc = db_check_line(db, said[i], fields[i])))
			return rc;
	if ((rc = db_begin(db, who)))
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_PROFILE_SAVE);
	if (!st)
		return db_abort(db, db_status(db));
	db_bind_text(st, 1, p->name);
	db_bind_text(st, 2, p->date_column);
	db_bind_text(st, 3, p->date_format);
	db_bind_text(st, 4, p->amount_column);
	db_bind_text(st, 5, p->credit_column);
	db_bind_text(st, 6, p->debit_column);
	db_bind_text(st, 7, p->crdr_column);
	db_bind_text(st, 8, p->reference_column);
	if ((rc = db_step_done(db, st)))
		return db_abort(db, rc);
	return db_commit(db);
}

int bank_candidates(struct db *db, const struct actor *who, struct bank_candidate **out, int *n)
{
	*out = NULL;
	*n = 0;
	int rc = board(db, who);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_CANDIDATES);
	if (!st)
		return db_status(db);
	struct bank_candidate *c = NULL;
	int have = 0, room = 0;
	while ((rc = db_step_row(db, st)) == DB_OK) {
		if (have == room) {
			int more = room ? room * 2 : 64;
			struct bank_candidate *bigger = realloc(c, (size_t)more * sizeof *c);
			if (!bigger) {
				db_reset(st);
				free(c);
				return db_set_error(db, DB_ERROR, "out of memory reading the tenancies");
			}
			c = bigger;
			room = more;
		}
		struct bank_candidate *r = &c[have++];
		r->tenancy_id = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, r->ref, sizeof r->ref);
		db_col_text(st, 2, r->names, sizeof r->names);
		db_col_text(st, 3, r->start_date, sizeof r->start_date);
		db_col_text(st, 4, r->end_date, sizeof r->end_date);
	}
	if (rc != DB_NOTFOUND) {
		free(c);
		return rc;
	}
	*out = c;
	*n = have;
	return DB_OK;
}

static void bind_print(sqlite3_stmt *st, const struct bank_print *f)
{
	db_bind_text(st, 1, f->date);
	sqlite3_bind_int64(st, 2, f->amount_pence);
	db_bind_text(st, 3, f->text);
	sqlite3_bind_int(st, 4, f->occurrence);
}

int bank_line_posted(struct db *db, const struct actor *who, const struct bank_print *f,
		     int64_t *entry_id)
{
	int rc = board(db, who);
	if (rc)
		return rc;
	sqlite3_stmt *st = db_prep(db, SQL_POSTED);
	if (!st)
		return db_status(db);
	bind_print(st, f);
	if ((rc = db_step_row(db, st)) == DB_OK) {
		*entry_id = sqlite3_column_int64(st, 0);
		db_reset(st);
	}
	return rc;
}

/* The first `max` characters of s into out (n bytes, never splitting a
 * character). */
static void first_chars(char *out, size_t n, const char *s, size_t max)
{
	size_t i = 0, chars = 0;
	while (s[i] && i + 1 < n) {
		size_t len = 1;
		while (((unsigned char)s[i + len] & 0xC0) == 0x80)
			len++;
		if (chars == max || i + len >= n)
			break;
		i += len;
		chars++;
	}
	memcpy(out, s, i);
	out[i] = '\0';
}

static int post_one(struct db *db, const struct actor *who, const char *file,
		    const struct bank_posting *p)
{
	struct rent_new e = { .tenancy_id = p->tenancy_id, .kind = RENT_PAYMENT,
			      .amount_pence = -p->f.amount_pence };
	char desc[2048];
	int64_t id;
	int rc;
	if (p->f.amount_pence <= 0)
		return db_set_error(db, DB_INVALID, "only money paid in is posted to a rent account");
	/* Posted by another import meanwhile: the schema's UNIQUE would say
	 * so in a column's words; this says it in the line's. */
	sqlite3_stmt *st = db_prep(db, SQL_POSTED);
	if (!st)
		return db_status(db);
	bind_print(st, &p->f);
	if ((rc = db_step_row(db, st)) == DB_OK) {
		db_reset(st);
		return db_set_error(db, DB_CONSTRAINT, "that bank line was posted already");
	}
	if (rc != DB_NOTFOUND)
		return rc;
	snprintf(e.entry_date, sizeof e.entry_date, "%s", p->f.date);
	snprintf(e.method, sizeof e.method, "bank transfer");
	first_chars(e.reference, sizeof e.reference, p->f.text, RENT_REFERENCE_MAX);
	if (strcmp(e.reference, RENT_RUN_REFERENCE) == 0)
		snprintf(e.reference, sizeof e.reference, "bank: %s", RENT_RUN_REFERENCE);
	snprintf(desc, sizeof desc, "Bank statement %s, line %d: %s", file, p->file_line, p->f.text);
	first_chars(e.description, sizeof e.description, desc, RENT_DESCRIPTION_MAX);
	if ((rc = rent_record(db, who, &e, &id)))
		return rc;
	st = db_prep(db, SQL_INSERT_LINE);
	if (!st)
		return db_status(db);
	bind_print(st, &p->f);
	sqlite3_bind_int64(st, 5, id);
	db_bind_text(st, 6, file);
	sqlite3_bind_int(st, 7, p->file_line);
	return db_step_done(db, st);
}

int bank_post(struct db *db, const struct actor *who, const char *file_name,
	      const struct bank_posting *p, int n, int *failed)
{
	if (failed)
		*failed = -1;
	int rc = board(db, who);
	if (rc)
		return rc;
	const char *slash = file_name ? strrchr(file_name, '/') : NULL;
	char file[256 * 4 + 1];
	first_chars(file, sizeof file, slash ? slash + 1 : file_name ? file_name : "", 255);
	/* A statement of a million lines is one transaction: with the
	 * interface's small cache its pages would go out to the WAL and be
	 * read back again and again, each line slower than the last. */
	int64_t cache;
	if ((rc = db_cache_enlarge(db, POST_CACHE_MIB, &cache)))
		return rc;
	if ((rc = db_begin(db, who))) {
		db_cache_restore(db, cache);
		return rc;
	}
	for (int i = 0; i < n && !rc; i++)
		if ((rc = post_one(db, who, file, &p[i])) && failed)
			*failed = i;
	rc = rc ? db_abort(db, rc) : db_commit(db);
	db_cache_restore(db, cache);
	return rc;
}
