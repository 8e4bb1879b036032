/*
 * src/ui/screen_meeting_docs.c: the notice and the minutes of a meeting in
 * the document viewer, each written by src/report/ (report_notice,
 * report_minutes) as the command line prints it. What the person may read
 * is the report's rule: a member asking for the minutes of a meeting not
 * published to them sees the refusal in words.
 */
#include <stdio.h>

#include "coopdesk/report.h"
#include "meetings_ui.h"

struct meeting_ask {
	int64_t id;
};

static int write_notice(struct app *app, const void *ctx, const struct report_opts *o, FILE *out)
{
	const struct meeting_ask *a = ctx;
	return report_notice(app->db, &app->who, a->id, o, out);
}

static int write_minutes(struct app *app, const void *ctx, const struct report_opts *o,
			 FILE *out)
{
	const struct meeting_ask *a = ctx;
	return report_minutes(app->db, &app->who, a->id, o, out);
}

struct screen *screen_notice_new(struct app *app, int64_t meeting_id)
{
	struct meeting_ask a = { meeting_id };
	char title[64];
	snprintf(title, sizeof title, "Notice of meeting %lld", (long long)meeting_id);
	return screen_document_new(app, title, write_notice, &a, sizeof a);
}

struct screen *screen_minutes_new(struct app *app, int64_t meeting_id)
{
	struct meeting_ask a = { meeting_id };
	char title[64];
	snprintf(title, sizeof title, "Minutes of meeting %lld", (long long)meeting_id);
	return screen_document_new(app, title, write_minutes, &a, sizeof a);
}
