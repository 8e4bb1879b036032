/* tests/fuzz/fuzz_common.h: what the libFuzzer targets share: a check
 * that aborts (libFuzzer keeps the input), the input as a C string, and the
 * test of a message a person will read. */
#ifndef COOPDESK_FUZZ_COMMON_H
#define COOPDESK_FUZZ_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
			        #cond);                                              \
			abort();                                                     \
		}                                                                    \
	} while (0)

/* The input with a NUL after it (the parsers take C strings, so a NUL
 * inside ends the text, as it would in a field). Free it. */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
	char *t = malloc(size + 1);
	CHECK(t != NULL);
	memcpy(t, data, size);
	t[size] = '\0';
	return t;
}

/* A message for the status line: some words, printable, one line, short. */
static inline void fuzz_check_words(const char *msg, size_t max)
{
	size_t len = strlen(msg);
	CHECK(len > 0 && len < max);
	for (size_t i = 0; i < len; i++)
		CHECK((unsigned char)msg[i] >= 0x20 && msg[i] != 0x7F);
}

#endif
