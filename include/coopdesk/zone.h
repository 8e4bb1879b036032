/*
 * coopdesk/zone.h: the co-op's local time (domain.md "Time").
 *
 * Instants are stored in UTC ("2026-07-01T23:30:00Z"); every time and date a
 * person sees, "today", and the day a repair counts from are in the co-op's
 * zone, a setting (time_zone, default Europe/London, summer time included),
 * read from the system's tz database (tzdata). The machine's own TZ, which
 * may well be UTC, is never used: zone_set() puts the co-op's zone in force
 * for the whole process (localtime_r, date_today).
 */
#ifndef COOPDESK_ZONE_H
#define COOPDESK_ZONE_H

#include <stddef.h>
#include <time.h>

#include "coopdesk/date.h"

#define ZONE_DEFAULT "Europe/London"
#define ZONE_NAME_MAX 64
/* "01/07/2026 23:30" and its NUL, with room to spare. */
#define ZONE_TIME_BUFSZ 24

/* 1 if `name` is a zone of the tz database on this machine ("Europe/London",
 * "UTC"), else 0. Only names made of letters, digits and _ + - / are
 * looked up, and none with a "..". */
int zone_known(const char *name);

/* Puts `name` in force for every local time this process shows. Returns 0,
 * or -1 (nothing changed) when it is not a known zone. */
int zone_set(const char *name);

/* The zone in force: what zone_set last set, or "" before any. */
const char *zone_name(void);

/* The local date of instant t. */
struct date zone_date_of(time_t t);

/* The local date of an ISO instant ("2026-07-01T23:30:00Z", fractions of a
 * second allowed). A plain date ("2026-07-01") is that date. Returns 0, or
 * -1 when iso is neither (out is then left alone). */
int zone_date(const char *iso, struct date *out);

/* The instant local day d begins (its midnight, or the first moment after
 * it where a change of the clocks skips midnight); the day ends a second
 * before zone_day_start of the next day. (time_t)-1 for a date the C
 * library cannot place. */
time_t zone_day_start(struct date d);

/* t as the local "dd/mm/yyyy HH:MM" into buf (ZONE_TIME_BUFSZ is enough). */
char *zone_format_time(time_t t, char *buf, size_t n);

/* An ISO instant as the local "dd/mm/yyyy HH:MM"; a plain ISO date as
 * "dd/mm/yyyy"; "" stays ""; anything else is copied as it is. */
char *zone_format(const char *iso, char *buf, size_t n);

#endif
