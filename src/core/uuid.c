/* uuid.c: random UUIDs from libuuid, and a syntax check for ones read in. */
#include "coopdesk/uuid.h"

#include <uuid.h>

void cd_uuid_new(char out[CD_UUID_LEN])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int cd_uuid_valid(const char *s)
{
	int i;

	if (s == NULL)
		return 0;
	for (i = 0; i < CD_UUID_LEN - 1; i++) {
		int hyphen = i == 8 || i == 13 || i == 18 || i == 23;
		if (hyphen ? s[i] != '-' : !is_hex(s[i]))
			return 0; /* also stops at an early NUL */
	}
	return s[i] == '\0';
}
