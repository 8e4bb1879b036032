/*
 * coopdesk/clock.h: what time it is, as the program sees it. Instants are
 * ISO 8601 UTC text, "2026-11-22T15:04:05Z", as the database stores them.
 * Tests fix the clock with COOPDESK_NOW (an instant like that); dates use
 * date_today() in coopdesk/date.h, which honours COOPDESK_TODAY.
 */
#ifndef COOPDESK_CLOCK_H
#define COOPDESK_CLOCK_H

#include <stddef.h>
#include <time.h>

#define CLOCK_ISO_LEN 21   /* "2026-11-22T15:04:05Z" and its NUL */

/* Parses "YYYY-MM-DDTHH:MM:SSZ" (also with a space for the T, and with
 * fractions of a second, which are dropped). Returns 0, or -1 if it is not
 * such an instant. */
int clock_parse_iso(const char *s, time_t *out);

/* Writes t as "YYYY-MM-DDTHH:MM:SSZ" into buf (at least CLOCK_ISO_LEN). */
char *clock_format_iso(time_t t, char *buf, size_t n);

/* Now: COOPDESK_NOW when it holds a valid instant, else the system clock. */
time_t clock_now(void);

/* Now as ISO text into buf (at least CLOCK_ISO_LEN). */
char *clock_now_iso(char *buf, size_t n);

#endif
