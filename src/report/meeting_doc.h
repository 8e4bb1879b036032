/*
 * src/report/meeting_doc.h: private to src/report/. What the notice of a
 * meeting (meeting_notice.c) and its minutes (minutes.c) share
 * (meeting_common.c).
 */
#ifndef COOPDESK_REPORT_MEETING_DOC_H
#define COOPDESK_REPORT_MEETING_DOC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "coopdesk/meeting_docs.h"
#include "coopdesk/meeting_rules.h"
#include "table.h"

/* A sentence of ours with database text in it: enough for a name, a
 * title and a place made inert (each up to 3 bytes a byte). */
#define MDOC_LINE 4096
#define MDOC_INERT(field) (3 * sizeof(field) + 1)

/* "Tuesday 29/09/2026" for an ISO date. */
void mdoc_day(const char *iso, char *buf, size_t n);

/* Database text made inert into buf; returns buf. */
char *mdoc_inert(const char *s, char *buf, size_t n);

/* A paragraph of our own words (printf-style); database text in it must
 * have gone through mdoc_inert. */
void mdoc_para(FILE *out, const struct report_opts *o, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The options checked (text or md only), then the meeting read, refusing
 * what the actor may not read (meeting_minutes_readable) as if it did
 * not exist. */
int mdoc_meeting(struct db *db, const struct actor *who, int64_t id,
		 const struct report_opts *o, struct meeting *m);

/* The co-op's rules for counting a vote, from the settings. */
int mdoc_rules(struct db *db, struct outcome_rules *r);

/* "a special resolution" and so on. */
const char *mdoc_resolution(enum resolution_type t);

/* All the motions of a meeting into *rows (free it), *n of them. */
int mdoc_motions(struct db *db, const struct actor *who, int64_t meeting_id,
		 struct motion_row **rows, int *n);

#endif
