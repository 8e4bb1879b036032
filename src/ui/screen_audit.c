/*
 * src/ui/screen_audit.c: the audit trail, for the board: every change,
 * newest first, as a virtual list over audit_page (a page at a time, by
 * key). f (the filter key) narrows it by who made the change, by one
 * record, or by a range of dates, each typed on the bottom line; the line
 * under the title says which filters are on, and Esc takes them off one
 * at a time, the last one set first. Enter opens an entry
 * (screen_audit_entry.c). Nothing here changes anything: the trail is the
 * record of what was done.
 *
 * A record is typed as a repair's reference (R-000123), a member's number
 * (member no. 42), or the kind of record and its number as the list shows
 * them (repair 123, member 7, tenancy 12; the database's own table name,
 * "repairs 123", works too).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/audit.h"
#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/ref.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "list.h"

/* In screen_audit_entry.c; declared here rather than in ui.h, which only
 * the list's constructor needs. */
struct screen *screen_audit_entry_new(struct app *app, int64_t id, const char *what);

#define INPUT_MAX 100   /* characters typed at a prompt */
#define WHAT_LEN 96

enum prompt { PROMPT_NONE, PROMPT_CHOOSE, PROMPT_USER, PROMPT_RECORD, PROMPT_FROM, PROMPT_TO };

struct audit_list {
	struct app *app;
	struct list list;
	struct audit_filter filter;
	int denied;                 /* the data layer refused: only its words show */
	char denied_msg[256];
	/* The filters on, in the order they were set ('u', 'r', 'd'). */
	char order[3];
	int norder;
	char user_label[USER_NAME_MAX * 4 + 1];
	char record_label[WHAT_LEN];
	char record_typed[INPUT_MAX * 4 + 1];
	enum prompt prompt;
	char input[INPUT_MAX * 4 + 1];
	char from_typed[INPUT_MAX * 4 + 1];  /* the From date, while To is asked */
	char error[INPUT_MAX * 4 + 256];  /* why the typed text was not taken */
	int width;
	char hint[128];
};

/* ---- the kinds of record, in words ---------------------------------------- */

static const struct {
	const char *table, *word;
} kinds[] = {
	{ "attendance", "attendance" },
	{ "bank_holidays", "bank holiday" },
	{ "complaints", "complaint" },
	{ "contractors", "contractor" },
	{ "decision_actions", "board action" },
	{ "decisions", "decision" },
	{ "homes", "home" },
	{ "meetings", "meeting" },
	{ "member_property", "member's property" },
	{ "members", "member" },
	{ "motion_results", "motion result" },
	{ "motions", "motion" },
	{ "officers", "officer" },
	{ "participation", "participation" },
	{ "rent_ledger", "rent account entry" },
	{ "rent_rates", "rent rate" },
	{ "repair_events", "repair event" },
	{ "repairs", "repair" },
	{ "settings", "setting" },
	{ "share_ops", "share register entry" },
	{ "subject_access_requests", "subject access request" },
	{ "tenancies", "tenancy" },
	{ "tenancy_occupants", "occupant" },
	{ "tenancy_signatories", "tenancy signatory" },
	{ "users", "user account" },
	{ "vote_presence", "presence at a vote" },
	{ "votes", "vote" },
};

/* "repairs", 123 -> "repair R-000123"; "members", 7 -> "member 7"; a table
 * not in the list above reads as its name with spaces. */
static void what_of(const char *table, int64_t id, char *buf, size_t n)
{
	const char *word = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(kinds[i].table, table) == 0)
			word = kinds[i].word;
	char plain[AUDIT_TABLE_LEN];
	if (!word) {
		snprintf(plain, sizeof plain, "%s", table);
		for (char *p = plain; *p; p++)
			if (*p == '_')
				*p = ' ';
		word = plain;
	}
	if (strcmp(table, "repairs") == 0 && id > 0) {
		char ref[REF_BUFSZ];
		snprintf(buf, n, "%s %s", word, ref_format('R', id, ref, sizeof ref));
	} else {
		snprintf(buf, n, "%s %lld", word, (long long)id);
	}
}

static const char *action_words(const char *action)
{
	return strcmp(action, "insert") == 0 ? "added"
	     : strcmp(action, "update") == 0 ? "changed"
	     : strcmp(action, "delete") == 0 ? "removed" : action;
}

/* ---- the list's source ------------------------------------------------- */

static int fetch(void *ctx, enum page_dir dir, const struct page_key *key,
		 void *rows, int max, int *n)
{
	struct audit_list *v = ctx;
	return audit_page(v->app->db, &v->app->who, &v->filter, dir, key, rows, max, n);
}

static void key_of(void *ctx, const void *row, struct page_key *key)
{
	(void)ctx;
	audit_row_key(row, key);
}

enum { COL_WHEN = 18, COL_WHO = 22, COL_ACTION = 9 };

/* "2026-11-22T15:04:05.123Z" -> "22/11/2026 15:04" */
static void when_of(const char *iso, char *buf, size_t n)
{
	if (strlen(iso) >= 16)
		snprintf(buf, n, "%.2s/%.2s/%.4s %.5s", iso + 8, iso + 5, iso, iso + 11);
	else
		snprintf(buf, n, "%s", iso);
}

static void draw_row(void *ctx, WINDOW *w, int y, int width, const void *row, int selected)
{
	const struct audit_row *r = row;
	char when[32], what[WHAT_LEN];
	(void)ctx;
	(void)selected;
	when_of(r->at, when, sizeof when);
	what_of(r->table_name, r->row_id, what, sizeof what);
	int x = 1;
	draw_text(w, y, x, COL_WHEN - 2, when);
	x += COL_WHEN;
	draw_text(w, y, x, COL_WHO - 1, r->actor);
	x += COL_WHO;
	int what_w = width - x - COL_ACTION - 1;
	draw_text(w, y, x, what_w - 1, what);
	draw_text(w, y, x + what_w, COL_ACTION, action_words(r->action));
}

static const struct list_source source = {
	.row_size = sizeof(struct audit_row),
	.fetch = fetch,
	.key_of = key_of,
	.draw_row = draw_row,
	.count = NULL, /* counting a filtered trail would mean reading it all */
};

/* ---- filters ----------------------------------------------------------- */

static void reload(struct audit_list *v)
{
	if (!v->denied)
		list_reload(&v->list);
}

static void forget(struct audit_list *v, char which)
{
	int j = 0;
	for (int i = 0; i < v->norder; i++)
		if (v->order[i] != which)
			v->order[j++] = v->order[i];
	v->norder = j;
}

static void remember(struct audit_list *v, char which)
{
	forget(v, which);
	v->order[v->norder++] = which;
}

static void clear_filter(struct audit_list *v, char which)
{
	switch (which) {
	case 'u':
		v->filter.user_id = 0;
		v->user_label[0] = '\0';
		break;
	case 'r':
		v->filter.table_name[0] = '\0';
		v->filter.row_id = 0;
		v->record_label[0] = v->record_typed[0] = '\0';
		break;
	default:
		v->filter.from[0] = v->filter.to[0] = '\0';
		break;
	}
	forget(v, which);
}

/* Sets v->error and returns 0 when the text is not taken. */
static int take_user(struct audit_list *v, const char *typed)
{
	if (!typed[0]) {
		clear_filter(v, 'u');
		return 1;
	}
	struct user u;
	int rc = user_get_by_name(v->app->db, &v->app->who, typed, &u);
	if (rc == DB_NOTFOUND) {
		snprintf(v->error, sizeof v->error, "There is no user called '%s'. Tab goes through the usernames.", typed);
		return 0;
	}
	if (rc) {
		snprintf(v->error, sizeof v->error, "%s", db_errmsg(v->app->db));
		return 0;
	}
	v->filter.user_id = u.id;
	snprintf(v->user_label, sizeof v->user_label, "%s", u.username);
	remember(v, 'u');
	return 1;
}

/* Tab at the user prompt: the next username after what is typed, in
 * order, round to the first after the last. */
static void next_user(struct audit_list *v)
{
	struct user u;
	struct page_key key;
	int n = 0;
	memset(&key, 0, sizeof key);
	text_copy(key.text, sizeof key.text, v->input);
	int rc = v->input[0] ? user_page(v->app->db, &v->app->who, PAGE_AFTER, &key, &u, 1, &n)
			     : DB_OK;
	if (rc == DB_OK && n == 0)
		rc = user_page(v->app->db, &v->app->who, PAGE_FIRST, NULL, &u, 1, &n);
	if (rc)
		snprintf(v->error, sizeof v->error, "%s", db_errmsg(v->app->db));
	else if (n == 1)
		snprintf(v->input, sizeof v->input, "%s", u.username);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

static int take_record(struct audit_list *v, const char *typed)
{
	static const char example[] = "type R-000123, member no. 42, or the kind of record and its number: repair 123";
	if (!typed[0]) {
		clear_filter(v, 'r');
		return 1;
	}
	char s[INPUT_MAX * 4 + 1];
	/* Lower case, and one space wherever there were several. */
	size_t o = 0;
	for (const char *p = typed; *p && o + 1 < sizeof s; p++)
		if (*p != ' ' || (o > 0 && s[o - 1] != ' '))
			s[o++] = *p;
	s[o] = '\0';
	text_lower(s);
	const char *table = NULL;
	int64_t id = 0;

	/* A repair's reference on its own. */
	if (s[0] == 'r' && ref_parse(s, 'R', &id) == REF_OK) {
		table = "repairs";
	} else {
		/* Otherwise: words, then a number (the last word). */
		char *num = strrchr(s, ' ');
		if (!num) {
			snprintf(v->error, sizeof v->error, "'%s' is not a record: %s", typed, example);
			return 0;
		}
		*num++ = '\0';
		text_trim(s);
		size_t len = strlen(s);
		if (len > 0 && s[len - 1] == '.')
			s[--len] = '\0';
		/* "member no. 42", "member no 42", "no. 42": a member's number. */
		if (strcmp(s, "member no") == 0 || strcmp(s, "member number") == 0 ||
		    strcmp(s, "no") == 0) {
			if (!all_digits(num) || strlen(num) > 18) {
				snprintf(v->error, sizeof v->error,
					 "A member number is a whole number, as in member no. 42.");
				return 0;
			}
			struct member m;
			long long no = atoll(num);
			int rc = member_get_by_no(v->app->db, &v->app->who, no, &m);
			if (rc == DB_NOTFOUND) {
				snprintf(v->error, sizeof v->error, "There is no member no. %lld.", no);
				return 0;
			}
			if (rc) {
				snprintf(v->error, sizeof v->error, "%s", db_errmsg(v->app->db));
				return 0;
			}
			snprintf(v->filter.table_name, sizeof v->filter.table_name, "members");
			v->filter.row_id = m.id;
			snprintf(v->record_label, sizeof v->record_label, "member no. %lld", no);
			snprintf(v->record_typed, sizeof v->record_typed, "%s", typed);
			remember(v, 'r');
			return 1;
		}
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && !table; i++)
			if (strcmp(s, kinds[i].table) == 0 || strcmp(s, kinds[i].word) == 0)
				table = kinds[i].table;
		if (!table) {
			snprintf(v->error, sizeof v->error, "'%s' is not a kind of record here: %s", s,
				 example);
			return 0;
		}
		if (all_digits(num) && strlen(num) <= 18)
			id = atoll(num);
		else if (strcmp(table, "repairs") != 0 || ref_parse(num, 'R', &id) != REF_OK)
			id = 0;
		if (id <= 0) {
			snprintf(v->error, sizeof v->error,
				 "'%s' is not a record's number: %s", num, example);
			return 0;
		}
	}
	snprintf(v->filter.table_name, sizeof v->filter.table_name, "%s", table);
	v->filter.row_id = id;
	what_of(table, id, v->record_label, sizeof v->record_label);
	snprintf(v->record_typed, sizeof v->record_typed, "%s", typed);
	remember(v, 'r');
	return 1;
}

/* A typed date: "" for none, else into `iso`; 0 with v->error set when it
 * is not a date. */
static int read_day(struct audit_list *v, const char *typed, const char *which, char *iso,
		    size_t n)
{
	struct date d;
	iso[0] = '\0';
	if (!typed[0])
		return 1;
	char why[200];
	if (date_explain(typed, why, sizeof why) != DATE_OK) {
		snprintf(v->error, sizeof v->error, "%s: %s", which, why);
		return 0;
	}
	date_parse(typed, &d);
	date_format_iso(d, iso, n);
	return 1;
}

static int take_dates(struct audit_list *v, const char *from_typed, const char *to_typed)
{
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	if (!read_day(v, from_typed, "From", from, sizeof from) ||
	    !read_day(v, to_typed, "To", to, sizeof to))
		return 0;
	if (from[0] && to[0] && strcmp(from, to) > 0) {
		snprintf(v->error, sizeof v->error,
			 "The to date comes before the from date: type the earlier date first");
		return 0;
	}
	if (!from[0] && !to[0]) {
		clear_filter(v, 'd');
		return 1;
	}
	snprintf(v->filter.from, sizeof v->filter.from, "%s", from);
	snprintf(v->filter.to, sizeof v->filter.to, "%s", to);
	remember(v, 'd');
	return 1;
}

/* An ISO day as dd/mm/yyyy, "" for "". */
static void uk_day(const char *iso, char *buf, size_t n)
{
	struct date d;
	if (iso[0] && date_parse(iso, &d) == DATE_OK)
		date_format_uk(d, buf, n);
	else
		snprintf(buf, n, "%s", iso);
}

/* The line under the title: which filters are on. */
static void describe_filters(struct audit_list *v, char *buf, size_t n)
{
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	if (v->norder == 0) {
		snprintf(buf, n, "Every change. f filters by user, record or dates.");
		return;
	}
	size_t used = (size_t)snprintf(buf, n, "Only changes");
	for (int i = 0; i < v->norder && used < n; i++) {
		const char *sep = i == 0 ? " " : i == v->norder - 1 ? " and " : ", ";
		switch (v->order[i]) {
		case 'u':
			used += (size_t)snprintf(buf + used, n - used, "%sby %s", sep, v->user_label);
			break;
		case 'r':
			used += (size_t)snprintf(buf + used, n - used, "%sto %s", sep, v->record_label);
			break;
		default:
			uk_day(v->filter.from, from, sizeof from);
			uk_day(v->filter.to, to, sizeof to);
			if (from[0] && to[0])
				used += (size_t)snprintf(buf + used, n - used, "%sfrom %s to %s", sep, from, to);
			else if (from[0])
				used += (size_t)snprintf(buf + used, n - used, "%sfrom %s on", sep, from);
			else
				used += (size_t)snprintf(buf + used, n - used, "%sup to %s", sep, to);
			break;
		}
	}
	if (used < n)
		snprintf(buf + used, n - used, ".");
}

/* ---- drawing ----------------------------------------------------------- */

static void layout(struct screen *s, int rows, int cols)
{
	struct audit_list *v = s->priv;
	v->width = cols;
	/* Title, filters and headings above; a line for what is wrong and the
	 * prompt line below. */
	list_resize(&v->list, rows - 5);
}

static const char *prompt_label(const struct audit_list *v, char *buf, size_t n)
{
	switch (v->prompt) {
	case PROMPT_USER:
		return "User (Tab: the next username): ";
	case PROMPT_RECORD:
		return "Record (R-000123, member no. 42, repair 123): ";
	case PROMPT_FROM:
		return "From (dd/mm/yyyy; empty: from the start): ";
	case PROMPT_TO:
		snprintf(buf, n, "From %s  to (dd/mm/yyyy; empty: up to now): ",
			 v->from_typed[0] ? v->from_typed : "the start");
		return buf;
	default:
		return "";
	}
}

static void draw(struct screen *s, WINDOW *w)
{
	struct audit_list *v = s->priv;
	int rows = getmaxy(w);
	if (v->denied) {
		draw_text(w, 1, 2, v->width - 4, v->denied_msg);
		return;
	}
	char title[64], pos[64], line[1024];
	list_position(&v->list, pos, sizeof pos);
	snprintf(title, sizeof title, "Audit trail: newest first");
	style_on(w, STYLE_TITLE);
	draw_text(w, 0, 1, v->width - 24, title);
	style_off(w, STYLE_TITLE);
	int pw = text_width(pos);
	draw_text(w, 0, v->width - pw - 1, pw, pos);
	describe_filters(v, line, sizeof line);
	draw_text(w, 1, 1, v->width - 2, line);

	style_on(w, STYLE_COLUMN);
	draw_fill(w, 2, 0, v->width);
	int x = 1;
	draw_text(w, 2, x, COL_WHEN - 2, "When (UTC)");
	x += COL_WHEN;
	draw_text(w, 2, x, COL_WHO - 1, "Who");
	x += COL_WHO;
	int what_w = v->width - x - COL_ACTION - 1;
	draw_text(w, 2, x, what_w - 1, "What");
	draw_text(w, 2, x + what_w, COL_ACTION, "Action");
	style_off(w, STYLE_COLUMN);

	list_draw(&v->list, w, 3, 0, v->width);
	if (v->list.n == 0)
		draw_text(w, 4, 2, v->width - 4, v->norder
			  ? "No change matches these filters. Esc takes the last one off."
			  : "Nothing has been changed yet.");
	if (v->error[0]) {
		style_on(w, STYLE_ERROR);
		draw_text(w, rows - 2, 1, v->width - 2, v->error);
		style_off(w, STYLE_ERROR);
	}
	if (v->prompt == PROMPT_CHOOSE) {
		draw_text(w, rows - 1, 1, v->width - 2,
			  "Filter by:  u user   r record   d dates   (Esc: none)");
	} else if (v->prompt != PROMPT_NONE) {
		char label[INPUT_MAX * 4 + 64];
		snprintf(line, sizeof line, "%s%s_", prompt_label(v, label, sizeof label), v->input);
		draw_text(w, rows - 1, 1, v->width - 2, line);
	}
}

/* ---- keys -------------------------------------------------------------- */

/* Appends a typed character (a Unicode code point) as UTF-8. */
static void type_char(char *buf, size_t size, int32_t cp)
{
	char u[5] = { 0 };
	if (cp < 0x80) {
		u[0] = (char)cp;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
	} else {
		u[0] = (char)(0xF0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
	}
	if (text_chars(buf) < INPUT_MAX && strlen(buf) + strlen(u) < size)
		strcat(buf, u);
}

/* Deletes the last UTF-8 character. */
static void chop(char *s)
{
	size_t n = strlen(s);
	while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
		n--;
	if (n > 0)
		n--;
	s[n] = '\0';
}

static void ask(struct audit_list *v, enum prompt p)
{
	char buf[DATE_BUFSZ];
	v->prompt = p;
	v->error[0] = '\0';
	switch (p) {
	case PROMPT_USER:
		snprintf(v->input, sizeof v->input, "%s", v->user_label);
		break;
	case PROMPT_RECORD:
		snprintf(v->input, sizeof v->input, "%s", v->record_typed);
		break;
	case PROMPT_FROM:
		uk_day(v->filter.from, buf, sizeof buf);
		snprintf(v->input, sizeof v->input, "%s", buf);
		break;
	case PROMPT_TO:
		uk_day(v->filter.to, buf, sizeof buf);
		snprintf(v->input, sizeof v->input, "%s", buf);
		break;
	default:
		v->input[0] = '\0';
		break;
	}
}

/* Enter at a prompt: take what was typed, or say why not and keep it. */
static void enter(struct audit_list *v)
{
	char typed[sizeof v->input];
	snprintf(typed, sizeof typed, "%s", v->input);
	text_trim(typed);
	int taken = 0;
	v->error[0] = '\0';
	switch (v->prompt) {
	case PROMPT_USER:
		taken = take_user(v, typed);
		break;
	case PROMPT_RECORD:
		taken = take_record(v, typed);
		break;
	case PROMPT_FROM: {
		char iso[DATE_BUFSZ];
		if (read_day(v, typed, "From", iso, sizeof iso)) {
			snprintf(v->from_typed, sizeof v->from_typed, "%s", typed);
			ask(v, PROMPT_TO);
		}
		return;
	}
	case PROMPT_TO:
		taken = take_dates(v, v->from_typed, typed);
		break;
	default:
		return;
	}
	if (taken) {
		v->prompt = PROMPT_NONE;
		v->input[0] = '\0';
		reload(v);
	}
}

static int prompt_key(struct audit_list *v, int32_t key)
{
	if (v->prompt == PROMPT_CHOOSE) {
		v->prompt = PROMPT_NONE;
		switch (key) {
		case 'u': case 'U': ask(v, PROMPT_USER); break;
		case 'r': case 'R': ask(v, PROMPT_RECORD); break;
		case 'd': case 'D': ask(v, PROMPT_FROM); break;
		default: break; /* Esc or anything else: no filter */
		}
		return 1;
	}
	if (key == CDK_ESC) {
		v->prompt = PROMPT_NONE;
		v->input[0] = v->error[0] = '\0';
	} else if (key == CDK_ENTER) {
		enter(v);
	} else if (key == CDK_BACKSPACE) {
		chop(v->input);
		v->error[0] = '\0';
	} else if (key == CDK_TAB && v->prompt == PROMPT_USER) {
		v->error[0] = '\0';
		next_user(v);
	} else if (key >= ' ' && key < KEY_CD_BASE && key != 127) {
		type_char(v->input, sizeof v->input, key);
		v->error[0] = '\0';
	}
	return 1; /* other keys do nothing while typing */
}

static int handle(struct screen *s, enum action a, int32_t key)
{
	struct audit_list *v = s->priv;
	if (v->denied)
		return 0;
	/* The hint on the status line follows the prompt and the filters. */
	if (v->prompt != PROMPT_NONE) {
		s->dirty = s->app->status_dirty = 1;
		return prompt_key(v, key);
	}
	if (list_handle(&v->list, a)) {
		s->dirty = 1;
		return 1;
	}
	switch (a) {
	case ACT_FILTER:
		v->prompt = PROMPT_CHOOSE;
		v->error[0] = '\0';
		break;
	case ACT_SEARCH:
		ask(v, PROMPT_RECORD);
		break;
	case ACT_BACK:
		if (v->norder == 0)
			return 0;
		clear_filter(v, v->order[v->norder - 1]);
		reload(v);
		break;
	case ACT_OPEN: {
		const struct audit_row *row = list_selected(&v->list);
		if (row) {
			char what[WHAT_LEN];
			what_of(row->table_name, row->row_id, what, sizeof what);
			app_push(s->app, screen_audit_entry_new(s->app, row->id, what));
		}
		break;
	}
	case ACT_EDIT:
		app_message(s->app, STYLE_ERROR,
			    "The audit trail cannot be changed: it is the record of what was done");
		break;
	case ACT_SORT:
		app_message(s->app, STYLE_STATUS, "The audit trail is always newest first");
		break;
	case ACT_REDRAW:
		reload(v);
		return 0;
	default:
		return 0;
	}
	s->dirty = s->app->status_dirty = 1;
	return 1;
}

/* The first key bound to an action, for the hint ("f"). */
static const char *first_key(enum action a, char *buf, size_t n)
{
	bindings_keys(a, buf, n);
	char *sp = strchr(buf, ' ');
	if (sp)
		*sp = '\0';
	return buf;
}

static const char *hint(struct screen *s)
{
	struct audit_list *v = s->priv;
	char filter[32];
	if (v->denied)
		return "Esc back";
	switch (v->prompt) {
	case PROMPT_CHOOSE:
		return "u user  r record  d dates  Esc none";
	case PROMPT_USER:
		return "type a username  Tab next  Enter apply  Esc cancel";
	case PROMPT_NONE:
		break;
	default:
		return "type  Enter apply (empty: no filter)  Esc cancel";
	}
	first_key(ACT_FILTER, filter, sizeof filter);
	snprintf(v->hint, sizeof v->hint, "Enter open  %s%s%sEsc %s", filter,
		 filter[0] ? " filter" : "", filter[0] ? "  " : "",
		 v->norder ? "clear a filter" : "back");
	return v->hint;
}

static void destroy(struct screen *s)
{
	struct audit_list *v = s->priv;
	list_free(&v->list);
	free(v);
	free(s);
}

static const struct screen_ops ops = {
	.name = "Audit trail",
	.scope = 'L',
	.layout = layout,
	.draw = draw,
	.handle = handle,
	.hint = hint,
	.destroy = destroy,
};

struct screen *screen_audit_new(struct app *app)
{
	struct screen *s = calloc(1, sizeof *s);
	struct audit_list *v = calloc(1, sizeof *v);
	if (!s || !v || list_init(&v->list, app, &source, v) != 0) {
		free(s);
		free(v);
		return NULL;
	}
	v->app = app;
	s->ops = &ops;
	s->app = app;
	s->area = 0;
	s->priv = v;
	/* Asking for no rows checks only who may look. */
	struct audit_row none;
	int n = 0;
	if (audit_page(app->db, &app->who, NULL, PAGE_FIRST, NULL, &none, 0, &n) == DB_DENIED) {
		v->denied = 1;
		snprintf(v->denied_msg, sizeof v->denied_msg, "%s", db_errmsg(app->db));
		v->denied_msg[0] = (char)toupper((unsigned char)v->denied_msg[0]);
	}
	int rows, cols;
	getmaxyx(app->body, rows, cols);
	layout(s, rows, cols);
	reload(v);
	return s;
}
