/* tests/unit/test_import.c: the record of imports (schema 9, src/db/
 * import.c), the look-ups the import command checks rows with, and the
 * SHA-256 it knows a file by (src/core/sha256.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/contractors.h"
#include "coopdesk/homes.h"
#include "coopdesk/import.h"
#include "coopdesk/members.h"
#include "coopdesk/sha256.h"
#include "coopdesk/tenancies.h"
#include "testutil.h"

static const char *digest(const char *s, size_t n)
{
	static char hex[65];
	struct sha256 h;
	sha256_init(&h);
	sha256_add(&h, s, n);
	sha256_hex(&h, hex);
	return hex;
}

/* FIPS 180-4's examples, and a message fed in pieces across blocks. */
static void sha256_known_answers(void **state)
{
	(void)state;
	assert_string_equal(digest("", 0),
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(digest("abc", 3),
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_string_equal(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56),
			    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	struct sha256 h;
	char hex[65], a[1000];
	memset(a, 'a', sizeof a);
	sha256_init(&h);
	for (int i = 0; i < 1000; i++)
		sha256_add(&h, a, sizeof a); /* a million 'a's */
	sha256_hex(&h, hex);
	assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static const char HASH1[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

static void an_import_is_recorded_once_and_audited(void **state)
{
	struct db *db = test_db_new();
	struct actor who = actor_system("coopdesk import members");
	struct import_done d;
	(void)state;
	assert_int_equal(import_find(db, &who, "members", HASH1, &d), DB_NOTFOUND);
	int64_t audits = audit_count_for(db, "imports", 0);
	assert_int_equal(import_note(db, &who, "members", "members.csv", HASH1, 20, "ann"), DB_OK);
	assert_int_equal(audit_count_for(db, "imports", 0), audits + 1);
	assert_int_equal(import_find(db, &who, "members", HASH1, &d), DB_OK);
	assert_string_equal(d.kind, "members");
	assert_string_equal(d.file_name, "members.csv");
	assert_int_equal(d.rows, 20);
	assert_string_equal(d.actor, "coopdesk import members");
	assert_string_equal(d.login, "ann");
	assert_int_equal(strlen(d.imported_at), 20);
	/* The same bytes as another kind are another import. */
	assert_int_equal(import_find(db, &who, "homes", HASH1, &d), DB_NOTFOUND);
	/* The same file as the same kind: refused by the schema. */
	assert_int_equal(import_note(db, &who, "members", "again.csv", HASH1, 20, ""), DB_CONSTRAINT);
	/* Not a hash, not a kind. */
	assert_int_equal(import_note(db, &who, "members", "x.csv", "ABC", 1, ""), DB_CONSTRAINT);
	assert_int_equal(import_note(db, &who, "shares", "x.csv",
				     "1111111111111111111111111111111111111111111111111111111111111111",
				     1, ""), DB_CONSTRAINT);
	assert_int_equal(audit_count_for(db, "imports", 0), audits + 1);
	/* Only the board (and the command line) import. */
	struct actor vol = test_volunteer(0);
	assert_int_equal(import_find(db, &vol, "members", HASH1, &d), DB_DENIED);
	assert_int_equal(import_note(db, &vol, "homes", "h.csv", HASH1, 1, ""), DB_DENIED);
	db_close(db);
}

/* The record is never edited or deleted (schema 9's triggers). */
static void the_record_of_imports_is_never_edited(void **state)
{
	char path[64];
	struct db *db = test_db_file(path);
	struct actor who = actor_system("coopdesk import homes");
	sqlite3 *c;
	char *err = NULL;
	(void)state;
	assert_int_equal(import_note(db, &who, "homes", "homes.csv", HASH1, 12, ""), DB_OK);
	db_close(db);
	assert_int_equal(sqlite3_open(path, &c), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(c, "UPDATE imports SET rows = 0", NULL, NULL, &err), SQLITE_OK);
	assert_non_null(strstr(err, "never edited"));
	sqlite3_free(err);
	err = NULL;
	assert_int_not_equal(sqlite3_exec(c, "DELETE FROM imports", NULL, NULL, &err), SQLITE_OK);
	assert_non_null(strstr(err, "never deleted"));
	sqlite3_free(err);
	sqlite3_close(c);
	test_db_unlink(path);
}

static void look_ups_find_members_homes_contractors_and_tenancies(void **state)
{
	struct db *db = test_db_new();
	struct actor board = test_board();
	struct member m;
	struct home h;
	struct tenancy *t = calloc(1, sizeof *t);
	int64_t id = 0;
	(void)state;
	memset(&m, 0, sizeof m);
	m.member_no = 7;
	strcpy(m.name, "Łukasz Wróbel");
	strcpy(m.address, "3 Rowan Court");
	strcpy(m.entered_on, "2016-01-03");
	assert_int_equal(member_create(db, &board, &m), DB_OK);
	memset(&h, 0, sizeof h);
	strcpy(h.ref, "H-03");
	strcpy(h.address, "3 Rowan Court");
	assert_int_equal(home_create(db, &board, &h), DB_OK);
	assert_int_equal(import_member_id(db, 7, &id), DB_OK);
	assert_int_equal(id, m.id);
	assert_int_equal(import_member_id(db, 8, &id), DB_NOTFOUND);
	assert_int_equal(import_home_id(db, "H-03", &id), DB_OK);
	assert_int_equal(id, h.id);
	assert_int_equal(import_home_id(db, "h-03", &id), DB_NOTFOUND);
	t->home_id = h.id;
	strcpy(t->start_date, "2016-01-03");
	assert_int_equal(tenancy_create(db, &board, t, &m.id, 1), DB_OK);
	assert_int_equal(tenancy_end(db, &board, t->id, "2020-06-30", "", t->version), DB_OK);
	assert_int_equal(import_tenancy_on(db, h.id, "2016-01-03", &id), DB_OK);
	assert_int_equal(id, t->id);
	assert_int_equal(import_tenancy_on(db, h.id, "2020-06-30", &id), DB_OK);
	assert_int_equal(import_tenancy_on(db, h.id, "2016-01-02", &id), DB_NOTFOUND);
	assert_int_equal(import_tenancy_on(db, h.id, "2020-07-01", &id), DB_NOTFOUND);
	assert_int_equal(import_contractor_id(db, "Kirkstall Electrical", &id), DB_NOTFOUND);
	struct contractor c;
	memset(&c, 0, sizeof c);
	strcpy(c.name, "Kirkstall Electrical");
	assert_int_equal(contractor_create(db, &board, &c), DB_OK);
	assert_int_equal(import_contractor_id(db, " kirkstall ELECTRICAL ", &id), DB_OK);
	assert_int_equal(id, c.id);
	free(t);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_known_answers),
		cmocka_unit_test(an_import_is_recorded_once_and_audited),
		cmocka_unit_test(the_record_of_imports_is_never_edited),
		cmocka_unit_test(look_ups_find_members_homes_contractors_and_tenancies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
