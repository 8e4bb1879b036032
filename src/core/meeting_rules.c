/*
 * src/core/meeting_rules.c: quorum, notice, outcomes and the amalgamation
 * window. Pure arithmetic on numbers the caller reads from the settings.
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/meeting_rules.h"

static void say(char *buf, size_t n, const char *msg)
{
	if (buf && n)
		snprintf(buf, n, "%s", msg);
}

/* "2 March 2026", for sentences. */
static void long_date(struct date d, char *buf, size_t n)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"
	};
	if (!date_valid(d))
		snprintf(buf, n, "(no date)");
	else
		snprintf(buf, n, "%d %s %d", d.d, months[d.m - 1], d.y);
}

int64_t rule_quorum(int64_t members, int64_t min_members, int64_t percent)
{
	if (members < 0)
		members = 0;
	if (min_members < 0)
		min_members = 0;
	if (percent < 0)
		percent = 0;
	int64_t by_share = (members * percent + 99) / 100;
	return by_share > min_members ? by_share : min_members;
}

int rule_notice_applies(enum meeting_kind kind)
{
	return kind != MEETING_BOARD;
}

int rule_notice_check(struct date given, struct date meeting, int required, int *clear,
		      char *warning, size_t n)
{
	char g[40], m[40];
	say(warning, n, "");
	if (!date_valid(given) || !date_valid(meeting)) {
		say(warning, n, "the dates of the notice and of the meeting must be real dates");
		return -1;
	}
	int c = date_clear_days(given, meeting);
	if (clear)
		*clear = c;
	if (c >= required)
		return 0;
	if (warning && n) {
		long_date(given, g, sizeof g);
		long_date(meeting, m, sizeof m);
		snprintf(warning, n,
			 "short notice: only %d clear day%s between the notice (%s) and the meeting (%s);"
			 " the rules ask for %d",
			 c < 0 ? 0 : c, c == 1 ? "" : "s", g, m, required);
	}
	return 1;
}

/* for >= num/den of (for + against), and something was cast. */
static int reaches(const struct vote_tally *t, int64_t num, int64_t den)
{
	int64_t cast = t->votes_for + t->votes_against;
	return cast > 0 && t->votes_for * den >= num * cast;
}

int rule_motion_outcome(enum resolution_type type, int confirming, int quorate,
			const struct vote_tally *t, enum casting_vote casting,
			const struct outcome_rules *r, enum motion_outcome *out,
			char *why, size_t n)
{
	say(why, n, "");
	if (!t || !r || !out) {
		say(why, n, "no votes or rules were given");
		return -1;
	}
	if (t->votes_for < 0 || t->votes_against < 0 || t->abstentions < 0) {
		say(why, n, "a count of votes cannot be below 0");
		return -1;
	}
	if ((unsigned)type > RESOLUTION_AMALGAMATION) {
		say(why, n, "a resolution is ordinary, special or amalgamation/transfer");
		return -1;
	}
	int ordinary = type == RESOLUTION_ORDINARY;
	int tied = t->votes_for == t->votes_against;
	if (casting != CASTING_NONE) {
		if (casting != CASTING_FOR && casting != CASTING_AGAINST) {
			say(why, n, "a casting vote is for or against");
			return -1;
		}
		if (!ordinary) {
			say(why, n, "the chair's casting vote applies only to an ordinary resolution");
			return -1;
		}
		if (!r->chair_casting_vote) {
			say(why, n, "the co-op's rules give the chair no casting vote");
			return -1;
		}
		if (!tied) {
			say(why, n, "the chair's casting vote is used only when the votes are tied");
			return -1;
		}
	}
	if (!quorate) {
		*out = OUTCOME_NOT_QUORATE;
		return 0;
	}
	if (ordinary || confirming) {
		if (t->votes_for > t->votes_against)
			*out = OUTCOME_CARRIED;
		else if (tied && casting == CASTING_FOR)
			*out = OUTCOME_CARRIED;
		else
			*out = OUTCOME_LOST;
		return 0;
	}
	int64_t num = type == RESOLUTION_SPECIAL ? r->special_num : r->amalgamation_num;
	int64_t den = type == RESOLUTION_SPECIAL ? r->special_den : r->amalgamation_den;
	if (den <= 0 || num <= 0 || num > den) {
		say(why, n, "the majority needed must be a fraction such as 2/3 or 3/4");
		return -1;
	}
	*out = reaches(t, num, den) ? OUTCOME_CARRIED : OUTCOME_LOST;
	return 0;
}

struct date rule_add_months(struct date d, int months)
{
	struct date none = { 0, 0, 0 };
	if (!date_valid(d))
		return none;
	int64_t index = (int64_t)d.y * 12 + (d.m - 1) + months;
	if (index < 0)
		return none;
	struct date r = { (int)(index / 12), (int)(index % 12) + 1, d.d };
	int last = date_days_in_month(r.y, r.m);
	if (r.d > last)
		r.d = last;
	return date_valid(r) ? r : none;
}

int rule_confirmation_window(struct date first, int min_days, int max_months,
			     struct date *from, struct date *to)
{
	struct date a = date_add_days(first, min_days);
	struct date b = rule_add_months(first, max_months);
	if (!date_valid(first) || !date_valid(a) || !date_valid(b))
		return -1;
	if (from)
		*from = a;
	if (to)
		*to = b;
	return 0;
}

int rule_confirmation_check(struct date first, struct date second, int min_days,
			    int max_months, char *why, size_t n)
{
	struct date from, to;
	say(why, n, "");
	if (rule_confirmation_window(first, min_days, max_months, &from, &to) || !date_valid(second)) {
		say(why, n, "the dates of the two meetings must be real dates");
		return -1;
	}
	if (date_cmp(second, from) >= 0 && date_cmp(second, to) <= 0)
		return 0;
	if (why && n) {
		char f[40], a[40], b[40];
		long_date(first, f, sizeof f);
		long_date(from, a, sizeof a);
		long_date(to, b, sizeof b);
		snprintf(why, n,
			 "an amalgamation or transfer passed on %s must be confirmed at a meeting"
			 " from %s to %s (%d days to %d month%s later)",
			 f, a, b, min_days, max_months, max_months == 1 ? "" : "s");
	}
	return -1;
}

static const char *const kind_words[] = { "agm", "general", "special", "board" };
static const char *const kind_names[] = {
	"annual general meeting", "general meeting", "special general meeting", "board meeting"
};
static const char *const resolution_words[] = { "ordinary", "special", "amalgamation" };
static const char *const outcome_words[] = { "", "carried", "lost", "withdrawn", "not_quorate" };
static const char *const outcome_names[] = { "no result yet", "carried", "lost", "withdrawn", "not quorate" };

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static int find_word(const char *const *words, int n, const char *s, int from)
{
	if (!s)
		return -1;
	for (int i = from; i < n; i++)
		if (strcmp(words[i], s) == 0)
			return i;
	return -1;
}

const char *rule_meeting_kind_word(enum meeting_kind k)
{
	return (unsigned)k < (unsigned)COUNT(kind_words) ? kind_words[k] : "";
}

int rule_meeting_kind_parse(const char *s)
{
	return find_word(kind_words, COUNT(kind_words), s, 0);
}

const char *rule_resolution_word(enum resolution_type t)
{
	return (unsigned)t < (unsigned)COUNT(resolution_words) ? resolution_words[t] : "";
}

int rule_resolution_parse(const char *s)
{
	return find_word(resolution_words, COUNT(resolution_words), s, 0);
}

const char *rule_outcome_word(enum motion_outcome o)
{
	return (unsigned)o < (unsigned)COUNT(outcome_words) ? outcome_words[o] : "";
}

int rule_outcome_parse(const char *s)
{
	return find_word(outcome_words, COUNT(outcome_words), s, 1);
}

const char *rule_meeting_kind_name(enum meeting_kind k)
{
	return (unsigned)k < (unsigned)COUNT(kind_names) ? kind_names[k] : "meeting";
}

const char *rule_outcome_name(enum motion_outcome o)
{
	return (unsigned)o < (unsigned)COUNT(outcome_names) ? outcome_names[o] : "";
}

/* "two thirds", "three quarters", else "5/8". */
static void fraction_words(int64_t num, int64_t den, char *buf, size_t n)
{
	if (num == 2 && den == 3)
		snprintf(buf, n, "two thirds");
	else if (num == 3 && den == 4)
		snprintf(buf, n, "three quarters");
	else if (num == 1 && den == 2)
		snprintf(buf, n, "one half");
	else
		snprintf(buf, n, "%lld/%lld", (long long)num, (long long)den);
}

void rule_outcome_explain(enum resolution_type type, int confirming, const struct vote_tally *t,
			  enum casting_vote casting, const struct outcome_rules *r,
			  enum motion_outcome outcome, char *buf, size_t n)
{
	if (!buf || !n)
		return;
	buf[0] = '\0';
	if (outcome == OUTCOME_WITHDRAWN) {
		snprintf(buf, n, "withdrawn before the vote");
		return;
	}
	if (!t || !r)
		return;
	char counts[120];
	int len = snprintf(counts, sizeof counts, "%lld for, %lld against",
			   (long long)t->votes_for, (long long)t->votes_against);
	if (t->abstentions && len > 0 && (size_t)len < sizeof counts)
		snprintf(counts + len, sizeof counts - (size_t)len, ", %lld abstained",
			 (long long)t->abstentions);
	const char *word = rule_outcome_name(outcome);
	if (outcome == OUTCOME_NOT_QUORATE) {
		snprintf(buf, n, "%s: fewer members were present at the vote than the quorum: %s",
			 counts, word);
		return;
	}
	if (type == RESOLUTION_ORDINARY || confirming) {
		const char *what = type == RESOLUTION_ORDINARY ? "" : "confirmation by simple majority; ";
		if (t->votes_for != t->votes_against)
			snprintf(buf, n, "%s: %s%s for than against: %s", counts, what,
				 t->votes_for > t->votes_against ? "more" : "fewer", word);
		else if (casting != CASTING_NONE)
			snprintf(buf, n, "%s: %sa tie, and the chair's casting vote %s: %s", counts,
				 what, casting == CASTING_FOR ? "for" : "against", word);
		else
			snprintf(buf, n, "%s: %sa tie, with no casting vote: %s", counts, what, word);
		return;
	}
	int64_t num = type == RESOLUTION_SPECIAL ? r->special_num : r->amalgamation_num;
	int64_t den = type == RESOLUTION_SPECIAL ? r->special_den : r->amalgamation_den;
	char frac[40];
	fraction_words(num, den, frac, sizeof frac);
	int64_t cast = t->votes_for + t->votes_against;
	if (cast <= 0) {
		snprintf(buf, n, "%s: no votes cast, so not %s of them: %s", counts, frac, word);
		return;
	}
	/* The share in tenths of a per cent, rounded half up: 20 of 30 is 66.7. */
	int64_t tenths = (t->votes_for * 2000 + cast) / (2 * cast);
	snprintf(buf, n, "%s: %lld of %lld votes cast is %lld.%lld%%, %s %s: %s", counts,
		 (long long)t->votes_for, (long long)cast, (long long)(tenths / 10),
		 (long long)(tenths % 10), reaches(t, num, den) ? "at least" : "less than", frac,
		 word);
}
