/* coopdesk/sha256.h: SHA-256 (FIPS 180-4), to know a file imported before
 * by its bytes. Pure. */
#ifndef COOPDESK_SHA256_H
#define COOPDESK_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t h[8];
	uint64_t bytes;
	unsigned char block[64];
	size_t used;
};

void sha256_init(struct sha256 *s);
void sha256_add(struct sha256 *s, const void *data, size_t n);
/* Writes the digest as 64 lower-case hex digits and a NUL into hex. */
void sha256_hex(struct sha256 *s, char hex[65]);

#endif
