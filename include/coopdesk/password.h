/*
 * coopdesk/password.h: passwords, hashed with yescrypt (libcrypt).
 *
 * Only the hash is ever stored. A hash carries its own method, cost and
 * salt ("$y$j9T$salt$hash"), so a stored hash keeps working if the default
 * cost is raised later. No SQL here: coopdesk/users.h stores the hashes.
 */
#ifndef COOPDESK_PASSWORD_H
#define COOPDESK_PASSWORD_H

#include <stddef.h>

/* Room for any hash password_hash writes (libcrypt's CRYPT_OUTPUT_SIZE). */
#define PASSWORD_HASH_MAX 384

/* The fewest and most characters (code points) a password may have. */
#define PASSWORD_MIN_CHARS 8
#define PASSWORD_MAX_CHARS 200

/* Hashes `plain` with yescrypt and a fresh random salt into out (n bytes;
 * PASSWORD_HASH_MAX is always enough). Returns 0, or -1 when libcrypt
 * fails (no randomness, out of memory) or the hash does not fit; then out
 * is "". Does not judge the password: see password_acceptable. The
 * working copy of the password inside libcrypt is wiped before return. */
int password_hash(const char *plain, char *out, size_t n);

/* 1 if `plain` is the password that `hash` was made from, 0 if not, and
 * -1 if it could not be told just now: libcrypt had no memory (or other
 * means) for the work, as a dummy check at the default cost shows. -1
 * says nothing about the password: the caller says so in words and counts
 * no failed attempt. The hash of `plain` is compared with `hash` in time
 * that does not depend on where they differ. A hash that is empty or not
 * a usable crypt hash (an account with no password) matches nothing, but
 * the same yescrypt work is still done, so that neither the time taken
 * nor a -1 tells a missing account from a wrong password. NULL counts as
 * "". */
int password_verify(const char *plain, const char *hash);

/* 1 if `plain` may be used as a password, else 0 with the reason in `why`
 * (n bytes; may be NULL) in plain words, e.g. "a password needs at least 8
 * characters". The rules: valid UTF-8, PASSWORD_MIN_CHARS to
 * PASSWORD_MAX_CHARS characters, and not one character repeated. */
int password_acceptable(const char *plain, char *why, size_t n);

#endif
