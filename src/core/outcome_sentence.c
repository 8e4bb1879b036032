/*
 * src/core/outcome_sentence.c: the arithmetic of a vote in words, so that
 * a reader of the minutes can check the outcome by hand. The outcome
 * itself is rule_motion_outcome's; this file only says how it follows.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/meeting_rules.h"

/* "two thirds", "three quarters", "a half", else "5/8". */
static void fraction_name(int64_t num, int64_t den, char *buf, size_t n)
{
	if (num * 3 == den * 2)
		snprintf(buf, n, "two thirds");
	else if (num * 4 == den * 3)
		snprintf(buf, n, "three quarters");
	else if (num * 2 == den)
		snprintf(buf, n, "a half");
	else
		snprintf(buf, n, "%" PRId64 "/%" PRId64, num, den);
}

/* "20 for, 10 against, 5 abstained" */
static void counts(const struct vote_tally *t, char *buf, size_t n)
{
	int k = snprintf(buf, n, "%" PRId64 " for, %" PRId64 " against", t->votes_for,
			 t->votes_against);
	if (t->abstentions > 0 && k > 0 && (size_t)k < n)
		snprintf(buf + k, n - (size_t)k, ", %" PRId64 " abstained", t->abstentions);
}

/* for / cast as a percentage with one decimal, rounded half up: "66.7". */
static void percent(int64_t part, int64_t whole, char *buf, size_t n)
{
	int64_t tenths = whole > 0 ? (part * 2000 + whole) / (2 * whole) : 0;
	snprintf(buf, n, "%" PRId64 ".%" PRId64, tenths / 10, tenths % 10);
}

int rule_outcome_sentence(enum resolution_type type, int confirming, int quorate,
			  const struct vote_tally *t, enum casting_vote casting,
			  const struct outcome_rules *r, enum motion_outcome *out,
			  char *buf, size_t n)
{
	enum motion_outcome o;
	char why[200], c[120], how[200];
	if (!buf || !n)
		return -1;
	buf[0] = '\0';
	if (rule_motion_outcome(type, confirming, quorate, t, casting, r, &o, why, sizeof why)) {
		snprintf(buf, n, "%s", why);
		return -1;
	}
	if (out)
		*out = o;
	counts(t, c, sizeof c);
	int64_t cast = t->votes_for + t->votes_against;
	if (o == OUTCOME_NOT_QUORATE) {
		snprintf(how, sizeof how, "not quorate at the vote, so no decision");
	} else if (type == RESOLUTION_ORDINARY || confirming) {
		const char *what = confirming ? "a simple majority confirms" : "";
		if (cast == 0)
			snprintf(how, sizeof how, "no votes were cast: %s", rule_outcome_name(o));
		else if (t->votes_for > t->votes_against)
			snprintf(how, sizeof how, "more for than against%s%s: %s",
				 *what ? ", and " : "", what, rule_outcome_name(o));
		else if (t->votes_for < t->votes_against)
			snprintf(how, sizeof how, "not more for than against: %s",
				 rule_outcome_name(o));
		else if (casting == CASTING_FOR || casting == CASTING_AGAINST)
			snprintf(how, sizeof how, "a tie, decided by the chair's casting vote %s: %s",
				 casting == CASTING_FOR ? "for" : "against", rule_outcome_name(o));
		else
			snprintf(how, sizeof how, "a tie, and no casting vote, so not more for than"
				 " against: %s", rule_outcome_name(o));
	} else {
		int64_t num = type == RESOLUTION_SPECIAL ? r->special_num : r->amalgamation_num;
		int64_t den = type == RESOLUTION_SPECIAL ? r->special_den : r->amalgamation_den;
		char frac[40], pct[32];
		fraction_name(num, den, frac, sizeof frac);
		if (cast == 0) {
			snprintf(how, sizeof how, "no votes were cast, and %s of none is not reached: %s",
				 frac, rule_outcome_name(o));
		} else {
			percent(t->votes_for, cast, pct, sizeof pct);
			snprintf(how, sizeof how, "%" PRId64 " of %" PRId64 " votes cast is %s%%, %s %s%s: %s",
				 t->votes_for, cast, pct,
				 o == OUTCOME_CARRIED ? "at least" : "less than", frac,
				 type == RESOLUTION_AMALGAMATION ? " (the Act s.111)" : "",
				 rule_outcome_name(o));
		}
	}
	snprintf(buf, n, "%s: %s", c, how);
	return 0;
}
