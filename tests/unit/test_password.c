/* tests/unit/test_password.c: yescrypt hashing, checking, and the rules a
 * new password must pass (src/core/password.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <locale.h>
#include <string.h>

#include "coopdesk/password.h"
#include "testutil.h"

static void hash_then_verify(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("correct horse battery", h, sizeof h), 0);
	assert_memory_equal(h, "$y$", 3);         /* yescrypt */
	assert_non_null(strchr(h + 3, '$'));
	assert_null(strstr(h, "correct"));
	assert_int_equal(password_verify("correct horse battery", h), 1);
	assert_int_equal(password_verify("correct horse batterY", h), 0);
	assert_int_equal(password_verify("correct horse battery ", h), 0);
	assert_int_equal(password_verify("correct horse batter", h), 0);
	assert_int_equal(password_verify("", h), 0);
	assert_int_equal(password_verify(NULL, h), 0);
}

static void each_hash_has_its_own_salt(void **state)
{
	(void)state;
	char a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("same password", a, sizeof a), 0);
	assert_int_equal(password_hash("same password", b, sizeof b), 0);
	assert_string_not_equal(a, b);
	assert_int_equal(password_verify("same password", a), 1);
	assert_int_equal(password_verify("same password", b), 1);
}

static void utf8_passwords(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("Zoë's pässwörd 李小龍", h, sizeof h), 0);
	assert_int_equal(password_verify("Zoë's pässwörd 李小龍", h), 1);
	/* The same letters, decomposed (e + combining diaeresis), are other bytes. */
	assert_int_equal(password_verify("Zoe\xcc\x88's pässwörd 李小龍", h), 0);
}

static void unusable_hashes_match_nothing(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("a fine password", h, sizeof h), 0);
	assert_int_equal(password_verify("a fine password", ""), 0);
	assert_int_equal(password_verify("a fine password", NULL), 0);
	assert_int_equal(password_verify("", ""), 0);
	assert_int_equal(password_verify("a fine password", "*"), 0);
	assert_int_equal(password_verify("a fine password", "!locked"), 0);
	assert_int_equal(password_verify("a fine password", "$y$"), 0);
	assert_int_equal(password_verify("a fine password", "a fine password"), 0);
	/* One character of the hash changed, or cut short: no match. */
	char bad[PASSWORD_HASH_MAX];
	strcpy(bad, h);
	size_t len = strlen(bad);
	bad[len - 1] = bad[len - 1] == 'A' ? 'B' : 'A';
	assert_int_equal(password_verify("a fine password", bad), 0);
	strcpy(bad, h);
	bad[len - 1] = '\0';
	assert_int_equal(password_verify("a fine password", bad), 0);
	/* The setting alone (method, cost, salt) is not the hash. */
	strcpy(bad, h);
	*strrchr(bad, '$') = '\0';
	assert_int_equal(password_verify("a fine password", bad), 0);
}

/* libcrypt with no memory for yescrypt gives no answer about the password:
 * -1, for a real hash and for an account with none alike. libcrypt says
 * EINVAL then, as it does for an unusable hash, which is still a plain no
 * when there is memory. */
static void no_memory_is_no_answer(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX];
	assert_int_equal(password_hash("a fine password", h, sizeof h), 0);
	test_crypt_fails = EINVAL;
	assert_int_equal(password_verify("a fine password", h), -1);
	assert_int_equal(password_verify("not the password", h), -1);
	assert_int_equal(password_verify("a fine password", ""), -1);
	assert_int_equal(password_verify("a fine password", NULL), -1);
	assert_int_equal(password_verify("a fine password", "$y$jKT$abc$"), -1);
	assert_int_equal(password_hash("a fine password", h, sizeof h), -1);
	assert_string_equal(h, "");
	test_crypt_fails = 0;
	assert_int_equal(password_verify("a fine password", "$y$jKT$abc$"), 0);
	assert_int_equal(password_hash("a fine password", h, sizeof h), 0);
	assert_int_equal(password_verify("a fine password", h), 1);
}

static int crypt_as_it_is(void **state)
{
	(void)state;
	test_crypt_fails = 0; /* for the next test, if this one failed */
	return 0;
}

static void small_buffers_are_refused(void **state)
{
	(void)state;
	char h[20] = "leftover";
	assert_int_equal(password_hash("a fine password", h, sizeof h), -1);
	assert_string_equal(h, "");
	assert_int_equal(password_hash("a fine password", NULL, 0), -1);
}

static void acceptable_passwords(void **state)
{
	(void)state;
	char why[100] = "leftover";
	assert_int_equal(password_acceptable("abcdefgh", why, sizeof why), 1);
	assert_string_equal(why, "");
	assert_int_equal(password_acceptable("aaaaaaab", why, sizeof why), 1);
	/* Eight characters of two bytes each. */
	assert_int_equal(password_acceptable("éééééééè", why, sizeof why), 1);
	char longest[PASSWORD_MAX_CHARS + 1];
	memset(longest, 'x', PASSWORD_MAX_CHARS);
	longest[0] = 'y';
	longest[PASSWORD_MAX_CHARS] = '\0';
	assert_int_equal(password_acceptable(longest, why, sizeof why), 1);
	assert_int_equal(password_acceptable("a fine password", NULL, 0), 1);
}

static void unacceptable_passwords_say_why(void **state)
{
	(void)state;
	char why[100];
	assert_int_equal(password_acceptable("abcdefg", why, sizeof why), 0);
	assert_string_equal(why, "a password needs at least 8 characters");
	/* Characters, not bytes: four two-byte letters are four. */
	assert_int_equal(password_acceptable("éèêë", why, sizeof why), 0);
	assert_string_equal(why, "a password needs at least 8 characters");
	assert_int_equal(password_acceptable("", why, sizeof why), 0);
	assert_string_equal(why, "a password is needed");
	assert_int_equal(password_acceptable(NULL, why, sizeof why), 0);
	assert_string_equal(why, "a password is needed");
	assert_int_equal(password_acceptable("aaaaaaaaaaaa", why, sizeof why), 0);
	assert_string_equal(why, "a password cannot be one character repeated");
	assert_int_equal(password_acceptable("éééééééééé", why, sizeof why), 0);
	assert_string_equal(why, "a password cannot be one character repeated");
	assert_int_equal(password_acceptable("        ", why, sizeof why), 0);
	assert_string_equal(why, "a password cannot be one character repeated");
	char longer[PASSWORD_MAX_CHARS + 2];
	memset(longer, 'x', PASSWORD_MAX_CHARS + 1);
	longer[0] = 'y';
	longer[PASSWORD_MAX_CHARS + 1] = '\0';
	assert_int_equal(password_acceptable(longer, why, sizeof why), 0);
	assert_string_equal(why, "a password can have at most 200 characters");
	assert_int_equal(password_acceptable("abc\xff\xfe" "defgh", why, sizeof why), 0);
	assert_non_null(strstr(why, "not UTF-8"));
	/* A small `why` is cut, never overrun. */
	char tiny[8];
	assert_int_equal(password_acceptable("abc", tiny, sizeof tiny), 0);
	assert_string_equal(tiny, "a passw");
	assert_int_equal(password_acceptable("abc", NULL, 0), 0);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_then_verify),
		cmocka_unit_test(each_hash_has_its_own_salt),
		cmocka_unit_test(utf8_passwords),
		cmocka_unit_test(unusable_hashes_match_nothing),
		cmocka_unit_test_teardown(no_memory_is_no_answer, crypt_as_it_is),
		cmocka_unit_test(small_buffers_are_refused),
		cmocka_unit_test(acceptable_passwords),
		cmocka_unit_test(unacceptable_passwords_say_why),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
