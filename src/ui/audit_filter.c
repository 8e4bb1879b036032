/*
 * src/ui/audit_filter.c: the audit trail's words and filters
 * (audit_filter.h).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/date.h"
#include "coopdesk/members.h"
#include "coopdesk/ref.h"
#include "coopdesk/text.h"
#include "audit_filter.h"
#include "list_screen.h"

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
	{ "rent_entry_details", "rent account entry's method or reversal" },
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
void audit_what(const char *table, int64_t id, char *buf, size_t n)
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

const char *audit_action_words(const char *action)
{
	return strcmp(action, "insert") == 0 ? "added"
	     : strcmp(action, "update") == 0 ? "changed"
	     : strcmp(action, "delete") == 0 ? "removed" : action;
}

/* ---- filters ----------------------------------------------------------- */

static void forget(struct audit_filters *v, char which)
{
	int j = 0;
	for (int i = 0; i < v->norder; i++)
		if (v->order[i] != which)
			v->order[j++] = v->order[i];
	v->norder = j;
}

static void remember(struct audit_filters *v, char which)
{
	forget(v, which);
	v->order[v->norder++] = which;
}

static void clear_filter(struct audit_filters *v, char which)
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

int audit_take_off_last(struct audit_filters *v)
{
	if (v->norder == 0)
		return 0;
	clear_filter(v, v->order[v->norder - 1]);
	return 1;
}

int audit_take_user(struct app *app, struct audit_filters *v, const char *typed, char *why,
		    size_t n)
{
	if (!typed[0]) {
		clear_filter(v, 'u');
		return 1;
	}
	struct user u;
	int rc = user_get_by_name(app->db, &app->who, typed, &u);
	if (rc == DB_NOTFOUND) {
		snprintf(why, n, "There is no user called '%s'. Tab goes through the usernames.", typed);
		return 0;
	}
	if (rc) {
		snprintf(why, n, "%s", db_errmsg(app->db));
		return 0;
	}
	v->filter.user_id = u.id;
	text_copy(v->user_label, sizeof v->user_label, u.username);
	remember(v, 'u');
	return 1;
}

void audit_next_user(struct app *app, const char *typed, char *buf, size_t n)
{
	struct user u;
	struct page_key key;
	int got = 0;
	memset(&key, 0, sizeof key);
	text_copy(key.text, sizeof key.text, typed);
	int rc = typed[0] ? user_page(app->db, &app->who, PAGE_AFTER, &key, &u, 1, &got) : DB_OK;
	if (rc == DB_OK && got == 0)
		rc = user_page(app->db, &app->who, PAGE_FIRST, NULL, &u, 1, &got);
	if (rc == DB_OK && got == 1)
		text_copy(buf, n, u.username);
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

/* "member no. 42": the member's record. */
static int take_member(struct app *app, struct audit_filters *v, const char *num,
		       const char *typed, char *why, size_t n)
{
	if (!all_digits(num) || strlen(num) > 18) {
		snprintf(why, n, "A member number is a whole number, as in member no. 42.");
		return 0;
	}
	struct member *m = malloc(sizeof *m);
	long long no = atoll(num);
	int rc = m ? member_get_by_no(app->db, &app->who, no, m) : DB_ERROR;
	int64_t id = m ? m->id : 0;
	free(m);
	if (rc == DB_NOTFOUND) {
		snprintf(why, n, "There is no member no. %lld.", no);
		return 0;
	}
	if (rc) {
		snprintf(why, n, "%s", db_errmsg(app->db));
		return 0;
	}
	snprintf(v->filter.table_name, sizeof v->filter.table_name, "members");
	v->filter.row_id = id;
	snprintf(v->record_label, sizeof v->record_label, "member no. %lld", no);
	text_copy(v->record_typed, sizeof v->record_typed, typed);
	remember(v, 'r');
	return 1;
}

int audit_take_record(struct app *app, struct audit_filters *v, const char *typed, char *why,
		      size_t n)
{
	static const char example[] = "type R-000123, member no. 42, or the kind of record and"
				      " its number: repair 123";
	if (!typed[0]) {
		clear_filter(v, 'r');
		return 1;
	}
	char s[AUDIT_TYPED_MAX];
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
			snprintf(why, n, "'%s' is not a record: %s", typed, example);
			return 0;
		}
		*num++ = '\0';
		text_trim(s);
		size_t len = strlen(s);
		if (len > 0 && s[len - 1] == '.')
			s[--len] = '\0';
		/* "member no. 42", "member no 42", "no. 42": a member's number. */
		if (strcmp(s, "member no") == 0 || strcmp(s, "member number") == 0 ||
		    strcmp(s, "no") == 0)
			return take_member(app, v, num, typed, why, n);
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0] && !table; i++)
			if (strcmp(s, kinds[i].table) == 0 || strcmp(s, kinds[i].word) == 0)
				table = kinds[i].table;
		if (!table) {
			snprintf(why, n, "'%s' is not a kind of record here: %s", s, example);
			return 0;
		}
		if (all_digits(num) && strlen(num) <= 18)
			id = atoll(num);
		else if (strcmp(table, "repairs") != 0 || ref_parse(num, 'R', &id) != REF_OK)
			id = 0;
		if (id <= 0) {
			snprintf(why, n, "'%s' is not a record's number: %s", num, example);
			return 0;
		}
	}
	snprintf(v->filter.table_name, sizeof v->filter.table_name, "%s", table);
	v->filter.row_id = id;
	audit_what(table, id, v->record_label, sizeof v->record_label);
	text_copy(v->record_typed, sizeof v->record_typed, typed);
	remember(v, 'r');
	return 1;
}

/* A typed date: "" for none, else into `iso`; 0 with why when it is not
 * a date. */
static int read_day(const char *typed, const char *which, char *iso, size_t isolen, char *why,
		    size_t n)
{
	struct date d;
	char words[200];
	iso[0] = '\0';
	if (!typed[0])
		return 1;
	if (date_explain(typed, words, sizeof words) != DATE_OK) {
		snprintf(why, n, "%s: %s", which, words);
		return 0;
	}
	date_parse(typed, &d);
	date_format_iso(d, iso, isolen);
	return 1;
}

int audit_check_day(const char *typed, const char *which, char *why, size_t n)
{
	char iso[DATE_BUFSZ];
	return read_day(typed, which, iso, sizeof iso, why, n);
}

int audit_take_dates(struct audit_filters *v, const char *from_typed, const char *to_typed,
		     char *why, size_t n)
{
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	if (!read_day(from_typed, "From", from, sizeof from, why, n) ||
	    !read_day(to_typed, "To", to, sizeof to, why, n))
		return 0;
	if (from[0] && to[0] && strcmp(from, to) > 0) {
		snprintf(why, n, "The to date comes before the from date: type the earlier date first");
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

void audit_typed(const struct audit_filters *v, char which, char *buf, size_t n)
{
	switch (which) {
	case 'u': text_copy(buf, n, v->user_label); break;
	case 'r': text_copy(buf, n, v->record_typed); break;
	case 'f': uk_day(v->filter.from, buf, n); break;
	default: uk_day(v->filter.to, buf, n); break;
	}
}

void audit_describe(const struct audit_filters *v, const char *fkey, char *buf, size_t n)
{
	char from[DATE_BUFSZ], to[DATE_BUFSZ];
	if (v->norder == 0) {
		snprintf(buf, n, "Nothing here can be changed.%s%s%s", fkey[0] ? " " : "",
			 fkey, fkey[0] ? " filters by user, record or dates." : "");
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

/* ---- the filters, asked on the bottom line ------------------------------------------ */

static void ask(struct lscreen *ls, enum audit_step step)
{
	struct audit_state *st = ls->priv;
	char typed[AUDIT_TYPED_MAX], label[AUDIT_TYPED_MAX + 64];
	st->step = step;
	switch (step) {
	case AUDIT_ASK_USER:
		audit_typed(&st->fl, 'u', typed, sizeof typed);
		prompt_start(&ls->ask, PROMPT_TEXT, "User (Tab: the next username): ", typed);
		break;
	case AUDIT_ASK_RECORD:
		audit_typed(&st->fl, 'r', typed, sizeof typed);
		prompt_start(&ls->ask, PROMPT_TEXT, "Record (R-000123, member no. 42, repair 123): ",
			     typed);
		break;
	case AUDIT_ASK_FROM:
		audit_typed(&st->fl, 'f', typed, sizeof typed);
		prompt_start(&ls->ask, PROMPT_TEXT, "From (dd/mm/yyyy; empty: from the start): ", typed);
		break;
	case AUDIT_ASK_TO:
		audit_typed(&st->fl, 't', typed, sizeof typed);
		snprintf(label, sizeof label, "From %s  to (dd/mm/yyyy; empty: up to now): ",
			 st->from_typed[0] ? st->from_typed : "the start");
		prompt_start(&ls->ask, PROMPT_TEXT, label, typed);
		break;
	default:
		prompt_stop(&ls->ask);
		break;
	}
}

/* Enter at a prompt: take what was typed, or say why not and keep it. */
static void enter(struct lscreen *ls)
{
	struct audit_state *st = ls->priv;
	char typed[sizeof ls->ask.text], why[512];
	text_copy(typed, sizeof typed, ls->ask.text);
	text_trim(typed);
	int taken = 0;
	switch (st->step) {
	case AUDIT_ASK_USER:
		taken = audit_take_user(ls->app, &st->fl, typed, why, sizeof why);
		break;
	case AUDIT_ASK_RECORD:
		taken = audit_take_record(ls->app, &st->fl, typed, why, sizeof why);
		break;
	case AUDIT_ASK_FROM:
		if (!audit_check_day(typed, "From", why, sizeof why))
			break;
		text_copy(st->from_typed, sizeof st->from_typed, typed);
		ask(ls, AUDIT_ASK_TO);
		return;
	case AUDIT_ASK_TO:
		taken = audit_take_dates(&st->fl, st->from_typed, typed, why, sizeof why);
		break;
	default:
		return;
	}
	if (!taken) {
		prompt_error(&ls->ask, "%s", why);
		return;
	}
	ask(ls, AUDIT_ASK_NONE);
	ls_reload_first(ls);
}

int audit_prompt_key(struct lscreen *ls, enum action a, int32_t key)
{
	struct audit_state *st = ls->priv;
	if (st->step == AUDIT_ASK_NONE)
		return 0;
	if (a == ACT_LOCK || a == ACT_HELP || a == ACT_REDRAW || a == ACT_LOGOUT)
		return 0;
	ls->app->status_dirty = 1;
	if (st->step == AUDIT_ASK_CHOOSE) {
		st->step = AUDIT_ASK_NONE;
		switch (key) {
		case 'u': case 'U': ask(ls, AUDIT_ASK_USER); break;
		case 'r': case 'R': ask(ls, AUDIT_ASK_RECORD); break;
		case 'd': case 'D': ask(ls, AUDIT_ASK_FROM); break;
		default: break; /* Esc or anything else: no filter */
		}
		return 1;
	}
	if (key == CDK_TAB && st->step == AUDIT_ASK_USER) {
		char next[USER_NAME_MAX * 4 + 1] = "";
		audit_next_user(ls->app, ls->ask.text, next, sizeof next);
		if (next[0])
			text_copy(ls->ask.text, sizeof ls->ask.text, next);
		return 1;
	}
	switch (prompt_key(&ls->ask, ls->app, key)) {
	case PROMPT_DONE:
		enter(ls);
		break;
	case PROMPT_CANCEL:
		st->step = AUDIT_ASK_NONE;
		break;
	default:
		break;
	}
	return 1;
}

const char *audit_prompt_hint(struct lscreen *ls)
{
	struct audit_state *st = ls->priv;
	switch (st->step) {
	case AUDIT_ASK_NONE:
		return NULL;
	case AUDIT_ASK_CHOOSE:
		return "u user  r record  d dates  Esc none";
	case AUDIT_ASK_USER:
		return "type a username  Tab next  Enter apply  Esc cancel";
	default:
		return "type  Enter apply (empty: no filter)  Esc cancel";
	}
}

int audit_prompt_typing(struct lscreen *ls)
{
	struct audit_state *st = ls->priv;
	return st->step != AUDIT_ASK_NONE && st->step != AUDIT_ASK_CHOOSE;
}

int audit_prompt_draw(struct lscreen *ls, WINDOW *w, int rows, int width)
{
	struct audit_state *st = ls->priv;
	if (st->step != AUDIT_ASK_CHOOSE)
		return 0;
	draw_fill(w, rows - 1, 0, width);
	draw_text(w, rows - 1, 1, width - 2, "Filter by:  u user   r record   d dates   (Esc: none)");
	wmove(w, rows - 1, 1);
	return 1;
}

void audit_choose_filter(struct lscreen *ls, const void *row)
{
	struct audit_state *st = ls->priv;
	(void)row;
	st->step = AUDIT_ASK_CHOOSE;
}

void audit_ask_record(struct lscreen *ls, const void *row)
{
	(void)row;
	ask(ls, AUDIT_ASK_RECORD);
}

/* Esc takes the filters off, the last one set first, before it goes back. */
int audit_any_filter(const struct lscreen *ls)
{
	const struct audit_state *st = ls->priv;
	return st->fl.norder > 0;
}

void audit_take_off(struct lscreen *ls, const void *row)
{
	struct audit_state *st = ls->priv;
	(void)row;
	audit_take_off_last(&st->fl);
	ls_reload(ls);
}

