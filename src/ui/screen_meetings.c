/*
 * src/ui/screen_meetings.c: the Meetings area (5), the meetings as a list
 * described for the generic list screen: date, kind, title, the notice
 * given (clear days), whether the meeting was quorate, and its motions
 * with their outcomes; upcoming meetings first (soonest first), then past
 * ones (newest first), paged from the database. Members and volunteers
 * see the meetings whose minutes are published (meeting_page decides).
 *
 *   n  arrange a meeting (board)
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "coopdesk/access.h"
#include "coopdesk/date.h"
#include "coopdesk/meeting_rules.h"
#include "coopdesk/settings.h"
#include "coopdesk/zone.h"
#include "list_screen.h"
#include "meetings_area.h"

#define ROW(r) ((const struct meeting_row *)(r))

/* The clear days the rules ask for, read once per screen. */
struct mlist {
	int64_t required;
	int read;
};

static int64_t required_days(const struct lscreen *ls)
{
	struct mlist *p = ls->priv;
	if (!p->read) {
		p->required = 14;
		setting_int(ls->app->db, "notice_clear_days", &p->required);
		p->read = 1;
	}
	return p->required;
}

/* ---- cells ------------------------------------------------------------------ */

static int cell_date(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	char day[ZONE_TIME_BUFSZ];
	char today[DATE_BUFSZ];
	(void)ls;
	date_format_iso(date_today(), today, sizeof today);
	snprintf(buf, n, "%s", zone_format(ROW(row)->held_on, day, sizeof day));
	return strcmp(ROW(row)->held_on, today) >= 0 ? STYLE_TITLE : -1;
}

static int cell_kind(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", meeting_kind_short(ROW(row)->kind));
	return -1;
}

/* The number `coopdesk report minutes|notice` takes. */
static int cell_number(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%lld", (long long)ROW(row)->id);
	return -1;
}

static int cell_title(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s%s", ROW(row)->title,
		 ROW(row)->status == MEETING_CANCELLED ? " (cancelled)" : "");
	return -1;
}

/* "15 days", "! 13 days" (short, in words as well as colour), "none". */
static int cell_notice(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct meeting_row *r = row;
	struct date given, held;
	if (!rule_notice_applies(r->kind)) {
		snprintf(buf, n, "-");
		return -1;
	}
	if (!r->notice_given_on[0] || date_parse(r->notice_given_on, &given) != DATE_OK ||
	    date_parse(r->held_on, &held) != DATE_OK) {
		snprintf(buf, n, "! none");
		return STYLE_OVERDUE;
	}
	int clear = 0;
	int is_short = rule_notice_check(given, held, (int)required_days(ls), &clear, NULL, 0) != 0;
	snprintf(buf, n, "%s%d day%s", is_short ? "! " : "", clear, clear == 1 ? "" : "s");
	return is_short ? STYLE_OVERDUE : -1;
}

/* "yes 6/5", "no 3/5", "-" before it is opened. */
static int cell_quorate(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct meeting_row *r = row;
	(void)ls;
	if (r->present_at_start < 0 || r->status != MEETING_HELD) {
		snprintf(buf, n, "-");
		return -1;
	}
	if (!rule_notice_applies(r->kind)) {
		snprintf(buf, n, "%lld present", (long long)r->present_at_start);
		return -1;
	}
	int ok = r->present_at_start >= r->quorum_needed;
	snprintf(buf, n, "%s %lld/%lld", ok ? "yes" : "no", (long long)r->present_at_start,
		 (long long)r->quorum_needed);
	return ok ? -1 : STYLE_OVERDUE;
}

/* "2 carried, 1 lost"; "-" for none; "2 to vote". */
static int cell_motions(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	const struct meeting_row *r = row;
	(void)ls;
	if (!r->motions) {
		snprintf(buf, n, "-");
		return -1;
	}
	int64_t counts[5] = { r->carried, r->lost, r->withdrawn, r->not_quorate, 0 };
	counts[4] = r->motions - r->carried - r->lost - r->withdrawn - r->not_quorate;
	static const char *const words[5] = { "carried", "lost", "withdrawn", "not quorate",
					      "to vote" };
	size_t used = 0;
	const char *sep = "";
	buf[0] = '\0';
	for (int i = 0; i < 5 && used < n; i++) {
		if (!counts[i])
			continue;
		used += (size_t)snprintf(buf + used, n - used, "%s%lld %s", sep, (long long)counts[i],
					 words[i]);
		sep = ", ";
	}
	return -1;
}

static const struct lcol columns[] = {
	{ "No.", 5, 100, 0, cell_number },
	{ "Date", 12, 0, 0, cell_date },
	{ "Kind", 7, 0, 0, cell_kind },
	{ "Title", 0, 0, 0, cell_title },
	{ "Notice", 10, 0, 0, cell_notice },
	{ "Quorate", 10, 0, 0, cell_quorate },
	{ "Motions", 0, 0, 0, cell_motions },
};

/* ---- rows ------------------------------------------------------------------- */

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return meeting_page(ls->app->db, &ls->app->who, MEETINGS_UPCOMING_FIRST, dir, key, rows,
			    max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	meeting_row_key(row, key);
}

static int row_style(const void *row)
{
	return ROW(row)->status == MEETING_CANCELLED ? STYLE_DIM : STYLE_NORMAL;
}

static struct screen *open(struct lscreen *ls, const void *row)
{
	return screen_meeting_new(ls->app, ROW(row)->id);
}

static void title(struct lscreen *ls, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "Meetings: upcoming first, then past");
}

static const char *empty(struct lscreen *ls)
{
	if (meetings_board(ls->app))
		return "No meetings yet.";
	return "No meetings to read yet: members see a meeting once its minutes are published.";
}

/* ---- actions ---------------------------------------------------------------- */

static int board(const struct lscreen *ls)
{
	return meetings_board(ls->app);
}

static void arrange(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_meeting_form_new(ls->app, NULL));
}

static const struct lact actions[] = {
	{ .action = ACT_NEW, .label = "arrange", .allowed = board, .run = arrange,
	  .help = "Arrange a meeting: its kind, date, place, notice and agenda",
	  .refused = "Only the board arranges meetings" },
};

static const struct ldesc meetings_list = {
	.name = "Meetings",
	.area = 4,
	.access = AREA_MEETINGS,
	.row_size = sizeof(struct meeting_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.fetch = fetch,
	.key_of = key_of,
	.row_style = row_style,
	.open = open,
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.title = title,
	.empty = empty,
	.priv_size = sizeof(struct mlist),
};

struct screen *screen_meetings_new(struct app *app)
{
	return list_screen_new(app, &meetings_list);
}

/* ---- shared words ----------------------------------------------------------- */

const char *meeting_kind_short(enum meeting_kind kind)
{
	static const char *const words[] = { "AGM", "GM", "SGM", "Board" };
	return (unsigned)kind < 4 ? words[kind] : "?";
}

void meeting_motion_ref(enum meeting_kind kind, const char *held_on, int64_t motion_no,
			char *buf, size_t n)
{
	snprintf(buf, n, "%s-%.4s/%lld", meeting_kind_short(kind), held_on, (long long)motion_no);
}

int meeting_motion_ref_parse(const char *s, enum meeting_kind *kind, int *year, int64_t *no)
{
	char word[8];
	int y = 0, used = 0;
	long long n = 0;
	if (!s || sscanf(s, " %7[A-Za-z]-%4d/%lld %n", word, &y, &n, &used) != 3 || s[used] ||
	    y < 1900 || n <= 0)
		return -1;
	for (int k = MEETING_AGM; k <= MEETING_BOARD; k++)
		if (strcasecmp(word, meeting_kind_short((enum meeting_kind)k)) == 0) {
			*kind = (enum meeting_kind)k;
			*year = y;
			*no = n;
			return 0;
		}
	return -1;
}

int meetings_board(const struct app *app)
{
	return access_level(&app->who, AREA_MEETINGS, OP_WRITE) == ACCESS_ALL;
}

void meeting_result_words(struct app *app, const struct motion *mo,
			  const struct motion_result *r, char *buf, size_t n)
{
	struct outcome_rules rules;
	if (motion_outcome_rules(app->db, &app->who, &rules) != DB_OK) {
		snprintf(buf, n, "%s", rule_outcome_name(r->outcome));
		return;
	}
	rule_outcome_explain(mo->resolution, mo->confirms_id > 0, &r->tally, r->casting, &rules,
			     r->outcome, buf, n);
}
