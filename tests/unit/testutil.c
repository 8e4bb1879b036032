/* tests/unit/testutil.c: helpers shared by the unit tests. */
#define _GNU_SOURCE /* RTLD_NEXT */
#include <crypt.h>
#include <dlfcn.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

struct db *test_db_new(void)
{
	struct db *db = NULL;
	char err[600];
	int rc = db_open(":memory:", DB_OPEN_CREATE, &db, err, sizeof err);
	if (rc)
		fail_msg("db_open(:memory:): %s", err);
	return db;
}

struct db *test_db_file(char *path)
{
	const char *tmp = getenv("TMPDIR");
	snprintf(path, 64, "%s/coopdesk-test-XXXXXX", tmp && strlen(tmp) < 30 ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		fail_msg("mkstemp failed");
	close(fd);
	unlink(path);
	struct db *db = NULL;
	char err[600];
	if (db_open(path, DB_OPEN_CREATE, &db, err, sizeof err))
		fail_msg("db_open(%s): %s", path, err);
	return db;
}

void test_db_unlink(const char *path)
{
	char buf[128];
	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
}

struct actor test_board(void)
{
	struct actor a = { 1, ROLE_BOARD, 0, "test board" };
	return a;
}

struct actor test_volunteer(int64_t member_id)
{
	struct actor a = { 2, ROLE_VOLUNTEER, member_id, "test volunteer" };
	return a;
}

struct actor test_member(int64_t member_id)
{
	struct actor a = { 3, ROLE_MEMBER, member_id, "test member" };
	return a;
}

int test_crypt_fails;

/* Stands in for libcrypt's crypt_rn in every test binary (a definition in
 * the program wins over the shared library's): the real one, unless a
 * test has set test_crypt_fails, which then fails as libcrypt does. */
char *crypt_rn(const char *phrase, const char *setting, void *data, int size)
{
	typedef char *(*crypt_fn)(const char *, const char *, void *, int);
	static crypt_fn real;
	if (test_crypt_fails) {
		errno = test_crypt_fails;
		return NULL;
	}
	if (!real) {
		void *sym = dlsym(RTLD_NEXT, "crypt_rn");
		if (!sym)
			fail_msg("libcrypt's crypt_rn not found: %s", dlerror());
		memcpy(&real, &sym, sizeof real); /* object to function pointer */
	}
	return real(phrase, setting, data, size);
}
