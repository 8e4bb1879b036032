/*
 * coopdesk/meeting_rules.h: the arithmetic of general meetings (domain.md
 * "General meetings, motions, decisions"): quorum, clear days of notice,
 * the outcome of a motion, the window for confirming an amalgamation.
 *
 * Pure: no I/O, no SQL. Every rule number (quorum minimum and percentage,
 * clear days, the special majority, the chair's casting vote, the
 * confirmation window) is passed in by the caller, who reads it from the
 * settings table; nothing here assumes the defaults.
 */
#ifndef COOPDESK_MEETING_RULES_H
#define COOPDESK_MEETING_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "coopdesk/date.h"

/* The majority for an amalgamation or transfer at its first meeting is the
 * Act's own (s.111: not less than two-thirds of the members voting), not a
 * rule of the co-op; named here so that no caller writes the literal. */
#define AMALGAMATION_MAJORITY_NUM 2
#define AMALGAMATION_MAJORITY_DEN 3

enum meeting_kind { MEETING_AGM, MEETING_GENERAL, MEETING_SPECIAL, MEETING_BOARD };

enum resolution_type { RESOLUTION_ORDINARY, RESOLUTION_SPECIAL, RESOLUTION_AMALGAMATION };

/* OUTCOME_NONE is "no result recorded yet"; never a result itself. */
enum motion_outcome {
	OUTCOME_NONE = 0,
	OUTCOME_CARRIED,
	OUTCOME_LOST,
	OUTCOME_WITHDRAWN,
	OUTCOME_NOT_QUORATE
};

enum casting_vote { CASTING_NONE = 0, CASTING_FOR, CASTING_AGAINST };

/* Votes counted for one motion. Abstentions are recorded, never counted
 * as votes cast. */
struct vote_tally {
	int64_t votes_for;
	int64_t votes_against;
	int64_t abstentions;
};

/* The co-op's rule numbers that decide an outcome. */
struct outcome_rules {
	int64_t special_num;        /* special resolution: for >= num/den of votes cast */
	int64_t special_den;
	int64_t amalgamation_num;   /* amalgamation, first meeting (the Act: 2/3) */
	int64_t amalgamation_den;
	int chair_casting_vote;     /* 1: the chair may break a tie on an ordinary resolution */
};

/* Quorum: the greater of `min_members` and `percent`% of `members`, the
 * percentage rounded up (10% of 121 is 13). Negative inputs count as 0. */
int64_t rule_quorum(int64_t members, int64_t min_members, int64_t percent);

/* Whether a meeting of this kind needs notice in clear days (general
 * meetings do; board meetings are exempt). */
int rule_notice_applies(enum meeting_kind kind);

/* Checks notice given on `given` for a meeting on `meeting` against
 * `required` clear days (days strictly between the two). *clear gets the
 * clear days given. Returns 0 when enough, 1 when short (then `warning`,
 * if not NULL, holds a sentence fit for the status bar), -1 when either
 * date is invalid (warning says so). */
int rule_notice_check(struct date given, struct date meeting, int required, int *clear,
		      char *warning, size_t n);

/* The outcome of a vote on a motion of `type`; `confirming` is 1 for the
 * second-meeting confirmation of an amalgamation or transfer (a simple
 * majority). A meeting that is not quorate at the vote gives
 * OUTCOME_NOT_QUORATE whatever the counts. Ordinary: more for than against
 * carries; on a tie the chair's casting vote decides when the rules allow
 * it, else the motion is lost. Special: carried when for >= num/den of
 * votes cast (and at least one was cast). Returns 0 with *out set, or -1
 * with `why` (NULL allowed) saying what is wrong: a casting vote where
 * there is no tie, on a resolution that is not ordinary, or where the
 * rules give the chair none; a fraction that is not one. */
int rule_motion_outcome(enum resolution_type type, int confirming, int quorate,
			const struct vote_tally *t, enum casting_vote casting,
			const struct outcome_rules *r, enum motion_outcome *out,
			char *why, size_t n);

/* The outcome recorded for a vote, with its arithmetic, in words for a
 * person to check by hand, into buf: "20 for, 10 against, 5 abstained: 20
 * of 30 votes cast is 66.7%, at least two thirds: carried"; an ordinary
 * tie names the chair's casting vote or its absence. `outcome` is the one
 * recorded (rule_motion_outcome's); `r` gives the fraction named. */
void rule_outcome_explain(enum resolution_type type, int confirming, const struct vote_tally *t,
			  enum casting_vote casting, const struct outcome_rules *r,
			  enum motion_outcome outcome, char *buf, size_t n);

/* `d` moved by `months` calendar months; a day the target month lacks
 * becomes its last day (31 January + 1 month = 28 or 29 February). An
 * invalid result gives {0, 0, 0}. */
struct date rule_add_months(struct date d, int months);

/* The window for confirming an amalgamation or transfer first passed on
 * `first`: from `min_days` days after it to `max_months` months after it,
 * both ends included. Returns 0 and fills *from and *to (either may be
 * NULL); -1 for an invalid date. */
int rule_confirmation_window(struct date first, int min_days, int max_months,
			     struct date *from, struct date *to);

/* 0 when `second` falls in the window after `first`; else -1 with `why`
 * naming the window's dates. */
int rule_confirmation_check(struct date first, struct date second, int min_days,
			    int max_months, char *why, size_t n);

/* Names for the schema's words and back. The _parse functions return -1
 * for a word they do not know. */
const char *rule_meeting_kind_word(enum meeting_kind k);      /* "agm", "general", ... */
int rule_meeting_kind_parse(const char *s);
const char *rule_resolution_word(enum resolution_type t);     /* "ordinary", ... */
int rule_resolution_parse(const char *s);
const char *rule_outcome_word(enum motion_outcome o);         /* "carried", "not_quorate" */
int rule_outcome_parse(const char *s);

/* Human names: "annual general meeting", "not quorate", ... */
const char *rule_meeting_kind_name(enum meeting_kind k);
const char *rule_outcome_name(enum motion_outcome o);

/* The arithmetic of a vote, as one sentence for the minutes and the
 * screens (src/core/outcome_sentence.c), ending with the outcome the
 * rules give, which goes into *out (may be NULL):
 *   "20 for, 10 against, 5 abstained: 20 of 30 votes cast is 66.7%,
 *    at least two thirds: carried"
 *   "10 for, 10 against: a tie, decided by the chair's casting vote for:
 *    carried"
 * Abstentions are named only when there were some. `quorate` 0 gives
 * "...: not quorate at the vote, so no decision". Arguments are as for
 * rule_motion_outcome; -1 (and its reason in buf) where that refuses. */
int rule_outcome_sentence(enum resolution_type type, int confirming, int quorate,
			  const struct vote_tally *t, enum casting_vote casting,
			  const struct outcome_rules *r, enum motion_outcome *out,
			  char *buf, size_t n);

#endif
