/* uuid.h: the public identity of every record, a random (version 4) UUID
 * in its 36-character text form.  Prefixed cd_ so as not to clash with
 * libuuid's own uuid_* names. */
#ifndef COOPDESK_UUID_H
#define COOPDESK_UUID_H

/* 36 characters and the NUL. */
#define CD_UUID_LEN 37

/* Writes a new random UUID in lower case, e.g.
 * "3f2b8c1e-9a4d-4e7f-b2c6-0d1e2f3a4b5c", into out.  Cannot fail. */
void cd_uuid_new(char out[CD_UUID_LEN]);

/* 1 if s is a UUID in text form: exactly 36 characters, hyphens at
 * offsets 8, 13, 18 and 23, hexadecimal digits elsewhere (either case;
 * the program itself stores lower case).  0 otherwise, NULL included. */
int cd_uuid_valid(const char *s);

#endif
