/*
 * src/report/meeting_common.c: what the notice and the minutes share
 * (meeting_doc.h): the meeting read and checked for the reader, its date
 * in words, database text made inert inside our sentences, the rules a
 * vote is counted by.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/settings.h"
#include "coopdesk/text.h"
#include "meeting_doc.h"

static const char *const weekdays[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
};

void mdoc_day(const char *iso, char *buf, size_t n)
{
	struct date d;
	char uk[DATE_BUFSZ];
	if (!iso || !iso[0] || date_parse(iso, &d) != DATE_OK) {
		snprintf(buf, n, "%s", "(no date)");
		return;
	}
	int w = date_weekday(d);
	snprintf(buf, n, "%s %s", w >= 0 ? weekdays[w] : "", date_format_uk(d, uk, sizeof uk));
}

char *mdoc_inert(const char *s, char *buf, size_t n)
{
	text_inert(s ? s : "", buf, n);
	return buf;
}

void mdoc_para(FILE *out, const struct report_opts *o, const char *fmt, ...)
{
	char line[MDOC_LINE];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	report_para(out, o, line, 0);
}

int mdoc_meeting(struct db *db, const struct actor *who, int64_t id,
		 const struct report_opts *o, struct meeting *m)
{
	int rc = report_check_opts(db, o);
	if (rc)
		return rc;
	if (o->format == REPORT_CSV)
		return db_note_error(db, DB_INVALID,
				     "a meeting's notice and minutes are documents: text or md, not csv");
	if ((rc = meeting_get(db, who, id, m)))
		return rc;
	if (!meeting_minutes_readable(db, who, m))
		return db_note_error(db, DB_NOTFOUND, "there is no such meeting");
	return DB_OK;
}

int mdoc_rules(struct db *db, struct outcome_rules *r)
{
	int64_t num = 2, den = 3, casting = 0;
	int rc = setting_int(db, "special_majority_num", &num);
	if (!rc)
		rc = setting_int(db, "special_majority_den", &den);
	if (!rc)
		rc = setting_int(db, "chair_casting_vote", &casting);
	r->special_num = num;
	r->special_den = den;
	r->amalgamation_num = AMALGAMATION_MAJORITY_NUM;
	r->amalgamation_den = AMALGAMATION_MAJORITY_DEN;
	r->chair_casting_vote = casting == 1;
	return rc;
}

const char *mdoc_resolution(enum resolution_type t)
{
	switch (t) {
	case RESOLUTION_SPECIAL: return "a special resolution";
	case RESOLUTION_AMALGAMATION: return "an amalgamation or transfer (the Act s.111)";
	default: return "an ordinary resolution";
	}
}

int mdoc_motions(struct db *db, const struct actor *who, int64_t meeting_id,
		 struct motion_row **rows, int *n)
{
	int max = 64, rc;
	*rows = NULL;
	for (;;) {
		struct motion_row *r = realloc(*rows, (size_t)max * sizeof *r);
		if (!r) {
			free(*rows);
			*rows = NULL;
			return db_note_error(db, DB_IO, "out of memory");
		}
		*rows = r;
		if ((rc = motion_list(db, who, meeting_id, r, max, n)) || *n < max)
			return rc;
		max *= 2;
	}
}
