/* tests/unit/testutil.h: helpers shared by the unit tests. */
#ifndef COOPDESK_TESTUTIL_H
#define COOPDESK_TESTUTIL_H

#include "coopdesk/db.h"

/* A fresh, migrated in-memory database; fails the test if it cannot. */
struct db *test_db_new(void);

/* A fresh database in a temporary file (for tests that reopen it); the
 * path is written to `path` (at least 64 bytes). Remove with test_db_unlink. */
struct db *test_db_file(char *path);
void test_db_unlink(const char *path);

/* Actors for each role; member/volunteer are linked to `member_id`. */
struct actor test_board(void);
struct actor test_volunteer(int64_t member_id);
struct actor test_member(int64_t member_id);

/* When nonzero, libcrypt's crypt_rn fails in this test binary, with this
 * errno, as it does when yescrypt has no memory (libcrypt says EINVAL). */
extern int test_crypt_fails;

#endif
