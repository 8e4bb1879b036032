/*
 * src/core/password.c: yescrypt hashing and checking through libcrypt.
 */
#include <crypt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/password.h"
#include "coopdesk/text.h"

_Static_assert(PASSWORD_HASH_MAX >= CRYPT_OUTPUT_SIZE,
	       "PASSWORD_HASH_MAX must hold any crypt output");

/* yescrypt at libcrypt's default cost. */
static const char METHOD[] = "$y$";

/* Runs crypt_rn into a heap scratch area (struct crypt_data is ~32 KiB:
 * too big for a small stack) and copies the result out. Returns 0, or -1
 * when crypt fails or the result does not fit. The scratch area, which
 * held the password, is wiped.
 *
 * libcrypt fails the same way (EINVAL) for a setting it cannot use and
 * for want of memory: yescrypt maps megabytes of its own for each check,
 * which a machine short of memory refuses. password_verify tells the two
 * apart by the dummy work below. */
static int crypt_into(const char *plain, const char *setting, char *out, size_t n)
{
	struct crypt_data *data = calloc(1, sizeof *data);
	if (!data)
		return -1;
	const char *res = crypt_rn(plain, setting, data, (int)sizeof *data);
	int rc = -1;
	if (res && res[0] != '*') {
		size_t len = strlen(res);
		if (len < n) {
			memcpy(out, res, len + 1);
			rc = 0;
		}
	}
	explicit_bzero(data, sizeof *data);
	free(data);
	return rc;
}

int password_hash(const char *plain, char *out, size_t n)
{
	char salt[CRYPT_GENSALT_OUTPUT_SIZE];
	if (!out || n == 0)
		return -1;
	out[0] = '\0';
	/* NULL random bytes: libcrypt takes them from the system. */
	if (!crypt_gensalt_rn(METHOD, 0, NULL, 0, salt, (int)sizeof salt))
		return -1;
	if (crypt_into(plain ? plain : "", salt, out, n) != 0) {
		out[0] = '\0';
		return -1;
	}
	return 0;
}

/* Equal strings, in time that depends only on the length of `b` (the
 * stored hash, which is no secret): no early exit at the first difference. */
static int same_text(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	volatile unsigned char diff = (unsigned char)(la != lb);
	for (size_t i = 0; i < lb; i++) {
		unsigned char ca = i < la ? (unsigned char)a[i] : 0;
		diff |= (unsigned char)(ca ^ (unsigned char)b[i]);
	}
	return diff == 0;
}

/* The same work as checking a real password, for accounts that have none.
 * Its setting is one libcrypt made, at the default cost, so it fails only
 * for want of memory (or other means): then -1, else 0. */
static int dummy_work(const char *plain)
{
	static const char rbytes[16] = "coopdesk-dummy-s";
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	char out[PASSWORD_HASH_MAX];
	int rc = -1;
	if (crypt_gensalt_rn(METHOD, 0, rbytes, (int)sizeof rbytes, setting,
			     (int)sizeof setting))
		rc = crypt_into(plain, setting, out, sizeof out);
	explicit_bzero(out, sizeof out);
	return rc;
}

int password_verify(const char *plain, const char *hash)
{
	char got[PASSWORD_HASH_MAX];
	if (!plain)
		plain = "";
	/* A hash that fails: either it is unusable (then the dummy, the same
	 * work, succeeds: no match) or there was no memory for the work (then
	 * the dummy fails too: no answer). */
	if (!hash || hash[0] != '$' || crypt_into(plain, hash, got, sizeof got) != 0)
		return dummy_work(plain) ? -1 : 0;
	int ok = same_text(got, hash);
	explicit_bzero(got, sizeof got);
	return ok;
}

/* The first code point of s as its bytes' length (1 for a malformed byte). */
static size_t char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	for (size_t i = 1; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return len;
}

static int refuse(char *why, size_t n, const char *msg)
{
	if (why && n > 0)
		snprintf(why, n, "%s", msg);
	return 0;
}

int password_acceptable(const char *plain, char *why, size_t n)
{
	if (why && n > 0)
		why[0] = '\0';
	if (!plain || !*plain)
		return refuse(why, n, "a password is needed");
	if (!text_valid_utf8(plain))
		return refuse(why, n, "a password must be ordinary text (the terminal sent"
			      " something that is not UTF-8)");
	size_t chars = text_chars(plain);
	if (chars < PASSWORD_MIN_CHARS) {
		char msg[96];
		snprintf(msg, sizeof msg, "a password needs at least %d characters",
			 PASSWORD_MIN_CHARS);
		return refuse(why, n, msg);
	}
	if (chars > PASSWORD_MAX_CHARS) {
		char msg[96];
		snprintf(msg, sizeof msg, "a password can have at most %d characters",
			 PASSWORD_MAX_CHARS);
		return refuse(why, n, msg);
	}
	size_t first = char_len(plain);
	int all_same = 1;
	for (const char *p = plain + first; *p; p += first)
		if (strncmp(p, plain, first) != 0) {
			all_same = 0;
			break;
		}
	if (all_same)
		return refuse(why, n, "a password cannot be one character repeated");
	return 1;
}
