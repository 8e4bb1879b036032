/*
 * src/core/clock.c: instants as ISO text, and a clock tests can fix.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/clock.h"
#include "coopdesk/date.h"

static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int clock_parse_iso(const char *s, time_t *out)
{
	int y, mo, d, h, mi, se;
	if (!s || strlen(s) < 20)
		return -1;
	if (digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' ||
	    digits(s + 8, 2, &d) || (s[10] != 'T' && s[10] != ' ') ||
	    digits(s + 11, 2, &h) || s[13] != ':' || digits(s + 14, 2, &mi) ||
	    s[16] != ':' || digits(s + 17, 2, &se))
		return -1;
	const char *p = s + 19;
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			;
	if (strcmp(p, "Z") != 0)
		return -1;
	struct date dt = { y, mo, d };
	if (!date_valid(dt) || h > 23 || mi > 59 || se > 60)
		return -1;
	*out = (time_t)date_to_days(dt) * 86400 + h * 3600 + mi * 60 + se;
	return 0;
}

char *clock_format_iso(time_t t, char *buf, size_t n)
{
	int64_t days = (int64_t)(t >= 0 ? t / 86400 : (t - 86399) / 86400);
	int64_t secs = (int64_t)t - days * 86400;
	struct date d = date_from_days((int32_t)days);
	snprintf(buf, n, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.y, d.m, d.d,
		 (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
	return buf;
}

time_t clock_now(void)
{
	time_t t;
	if (clock_parse_iso(getenv("COOPDESK_NOW"), &t) == 0)
		return t;
	return time(NULL);
}

char *clock_now_iso(char *buf, size_t n)
{
	return clock_format_iso(clock_now(), buf, n);
}
