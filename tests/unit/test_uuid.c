/* Unit tests for src/core/uuid.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "coopdesk/uuid.h"

#define COUNT 2000

static void test_new_shape(void **state)
{
	char u[CD_UUID_LEN];
	(void)state;
	memset(u, 'x', sizeof u);
	cd_uuid_new(u);
	assert_int_equal(strlen(u), 36);
	assert_true(cd_uuid_valid(u));
	/* Random UUIDs are version 4, RFC 4122 variant. */
	assert_int_equal(u[14], '4');
	assert_non_null(strchr("89ab", u[19]));
	for (int i = 0; i < 36; i++)
		if (u[i] >= 'A' && u[i] <= 'F')
			fail_msg("upper case in %s", u);
}

static int cmp_uuid(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void test_new_unique(void **state)
{
	char(*all)[CD_UUID_LEN] = malloc(COUNT * sizeof *all);
	(void)state;
	assert_non_null(all);
	for (int i = 0; i < COUNT; i++) {
		cd_uuid_new(all[i]);
		assert_true(cd_uuid_valid(all[i]));
	}
	qsort(all, COUNT, sizeof *all, cmp_uuid);
	for (int i = 1; i < COUNT; i++)
		if (strcmp(all[i - 1], all[i]) == 0)
			fail_msg("duplicate UUID %s", all[i]);
	free(all);
}

static void test_valid(void **state)
{
	static const char *const good[] = {
		"3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5c",
		"00000000-0000-0000-0000-000000000000",
		"FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
		"3F2B8C1E-9a4d-4E7F-b2c6-0D1E2F3A4B5C",
	};
	static const char *const bad[] = {
		"",
		"3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5",   /* 35 */
		"3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5c0", /* 37 */
		"3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5c\n",
		" 3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5c",
		"3f2b8c1e9-a4d-4e7f-b2c6-0d1e2f3a4b5c",  /* hyphen moved */
		"3f2b8c1e-9a4d4-e7f-b2c6-0d1e2f3a4b5c",
		"3f2b8c1e-9a4d-4e7fb-2c6-0d1e2f3a4b5c",
		"3f2b8c1e-9a4d-4e7f-b2c60-d1e2f3a4b5c",
		"3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5-",
		"3f2b8c1g-9a4d-4e7f-b2c6-0d1e2f3a4b5c",  /* g */
		"3f2b8c1e_9a4d_4e7f_b2c6_0d1e2f3a4b5c",
		"{3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5c}",
		"3f2b8c1e9a4d4e7fb2c60d1e2f3a4b5c",
		"3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b\xC3\xA9",
	};
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!cd_uuid_valid(good[i]))
			fail_msg("\"%s\" called invalid", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (cd_uuid_valid(bad[i]))
			fail_msg("\"%s\" called valid", bad[i]);
	assert_false(cd_uuid_valid(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_shape),
		cmocka_unit_test(test_new_unique),
		cmocka_unit_test(test_valid),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
