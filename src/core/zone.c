/*
 * src/core/zone.c: the co-op's local time (coopdesk/zone.h). The C library
 * already reads the tz database and knows every summer-time rule; the zone
 * is handed to it through TZ, set here for the process, so localtime_r
 * (and date_today) answer in the co-op's zone whatever the machine's is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coopdesk/clock.h"
#include "coopdesk/zone.h"

static char current[ZONE_NAME_MAX + 1];

static int well_formed(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	if (n == 0 || n > ZONE_NAME_MAX || name[0] == '/' || strstr(name, ".."))
		return 0;
	for (const char *p = name; *p; p++) {
		char c = *p;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '_' || c == '+' || c == '-' || c == '/'))
			return 0;
	}
	return 1;
}

int zone_known(const char *name)
{
	if (!well_formed(name))
		return 0;
	const char *dir = getenv("TZDIR");
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
	return access(path, R_OK) == 0;
}

int zone_set(const char *name)
{
	if (!zone_known(name))
		return -1;
	/* The leading ':' asks the C library for the file by that name. */
	char tz[ZONE_NAME_MAX + 2];
	snprintf(tz, sizeof tz, ":%s", name);
	if (setenv("TZ", tz, 1) != 0)
		return -1;
	tzset();
	snprintf(current, sizeof current, "%s", name);
	return 0;
}

const char *zone_name(void)
{
	return current;
}

struct date zone_date_of(time_t t)
{
	struct tm tm;
	struct date d = { 0, 0, 0 };
	if (localtime_r(&t, &tm)) {
		d.y = tm.tm_year + 1900;
		d.m = tm.tm_mon + 1;
		d.d = tm.tm_mday;
	}
	return d;
}

int zone_date(const char *iso, struct date *out)
{
	time_t t;
	if (!iso)
		return -1;
	if (clock_parse_iso(iso, &t) == 0) {
		*out = zone_date_of(t);
		return 0;
	}
	if (strlen(iso) == 10 && iso[4] == '-' && date_parse(iso, out) == DATE_OK)
		return 0;
	return -1;
}

time_t zone_day_start(struct date d)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = d.y - 1900;
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_isdst = -1;   /* whichever is in force that day */
	return mktime(&tm);
}

char *zone_format_time(time_t t, char *buf, size_t n)
{
	struct tm tm;
	if (n == 0)
		return buf;
	if (!localtime_r(&t, &tm)) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, n, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1,
		 tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
	return buf;
}

char *zone_format(const char *iso, char *buf, size_t n)
{
	time_t t;
	struct date d;
	if (n == 0)
		return buf;
	if (iso && clock_parse_iso(iso, &t) == 0)
		return zone_format_time(t, buf, n);
	if (iso && strlen(iso) == 10 && iso[4] == '-' && date_parse(iso, &d) == DATE_OK)
		return date_format_uk(d, buf, n);
	snprintf(buf, n, "%s", iso ? iso : "");
	return buf;
}
