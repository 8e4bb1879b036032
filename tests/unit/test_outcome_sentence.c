/* tests/unit/test_outcome_sentence.c: the arithmetic of a vote in words
 * (src/core/outcome_sentence.c), for each resolution type, each checked
 * by hand against domain.md's table. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/meeting_rules.h"

static struct outcome_rules rules(int64_t num, int64_t den, int casting)
{
	struct outcome_rules r = {
		.special_num = num, .special_den = den,
		.amalgamation_num = AMALGAMATION_MAJORITY_NUM,
		.amalgamation_den = AMALGAMATION_MAJORITY_DEN,
		.chair_casting_vote = casting,
	};
	return r;
}

/* The sentence for a vote, checking that the outcome it gives is `want`. */
static const char *say(enum resolution_type type, int confirming, int quorate, int64_t f,
		       int64_t a, int64_t abst, enum casting_vote c, const struct outcome_rules *r,
		       enum motion_outcome want)
{
	static char buf[300];
	struct vote_tally t = { f, a, abst };
	enum motion_outcome o = OUTCOME_NONE;
	assert_int_equal(rule_outcome_sentence(type, confirming, quorate, &t, c, r, &o, buf,
					       sizeof buf), 0);
	assert_int_equal(o, want);
	return buf;
}

static void ordinary(void **state)
{
	(void)state;
	struct outcome_rules r = rules(2, 3, 1), none = rules(2, 3, 0);
	assert_string_equal(say(RESOLUTION_ORDINARY, 0, 1, 12, 8, 3, CASTING_NONE, &r, OUTCOME_CARRIED),
			    "12 for, 8 against, 3 abstained: more for than against: carried");
	assert_string_equal(say(RESOLUTION_ORDINARY, 0, 1, 8, 12, 0, CASTING_NONE, &r, OUTCOME_LOST),
			    "8 for, 12 against: not more for than against: lost");
	/* 10-10: the chair's casting vote decides, where the rules give one. */
	assert_string_equal(say(RESOLUTION_ORDINARY, 0, 1, 10, 10, 0, CASTING_FOR, &r, OUTCOME_CARRIED),
			    "10 for, 10 against: a tie, decided by the chair's casting vote for: carried");
	assert_string_equal(say(RESOLUTION_ORDINARY, 0, 1, 10, 10, 0, CASTING_AGAINST, &r, OUTCOME_LOST),
			    "10 for, 10 against: a tie, decided by the chair's casting vote against: lost");
	assert_string_equal(say(RESOLUTION_ORDINARY, 0, 1, 10, 10, 2, CASTING_NONE, &none, OUTCOME_LOST),
			    "10 for, 10 against, 2 abstained: a tie, and no casting vote, so not more"
			    " for than against: lost");
	/* A casting vote the rules do not give is refused, with the reason. */
	char buf[200];
	struct vote_tally t = { 10, 10, 0 };
	assert_int_equal(rule_outcome_sentence(RESOLUTION_ORDINARY, 0, 1, &t, CASTING_FOR, &none, NULL,
					       buf, sizeof buf), -1);
	assert_string_equal(buf, "the co-op's rules give the chair no casting vote");
}

static void special_two_thirds(void **state)
{
	(void)state;
	struct outcome_rules r = rules(2, 3, 1);
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 1, 20, 10, 0, CASTING_NONE, &r, OUTCOME_CARRIED),
			    "20 for, 10 against: 20 of 30 votes cast is 66.7%, at least two thirds: carried");
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 1, 19, 10, 0, CASTING_NONE, &r, OUTCOME_LOST),
			    "19 for, 10 against: 19 of 29 votes cast is 65.5%, less than two thirds: lost");
	/* Abstentions are named and not counted as votes cast. */
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 1, 20, 10, 5, CASTING_NONE, &r, OUTCOME_CARRIED),
			    "20 for, 10 against, 5 abstained: 20 of 30 votes cast is 66.7%, at least two"
			    " thirds: carried");
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 1, 19, 10, 40, CASTING_NONE, &r, OUTCOME_LOST),
			    "19 for, 10 against, 40 abstained: 19 of 29 votes cast is 65.5%, less than"
			    " two thirds: lost");
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 1, 0, 0, 7, CASTING_NONE, &r, OUTCOME_LOST),
			    "0 for, 0 against, 7 abstained: no votes were cast, and two thirds of none is"
			    " not reached: lost");
}

static void special_three_quarters(void **state)
{
	(void)state;
	struct outcome_rules r = rules(3, 4, 1);
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 1, 30, 10, 0, CASTING_NONE, &r, OUTCOME_CARRIED),
			    "30 for, 10 against: 30 of 40 votes cast is 75.0%, at least three quarters:"
			    " carried");
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 1, 29, 10, 0, CASTING_NONE, &r, OUTCOME_LOST),
			    "29 for, 10 against: 29 of 39 votes cast is 74.4%, less than three quarters:"
			    " lost");
}

static void amalgamation_and_quorum(void **state)
{
	(void)state;
	struct outcome_rules r = rules(3, 4, 1);
	/* The Act's two thirds, whatever the co-op's special majority. */
	assert_string_equal(say(RESOLUTION_AMALGAMATION, 0, 1, 20, 10, 0, CASTING_NONE, &r,
				OUTCOME_CARRIED),
			    "20 for, 10 against: 20 of 30 votes cast is 66.7%, at least two thirds (the"
			    " Act s.111): carried");
	assert_string_equal(say(RESOLUTION_AMALGAMATION, 1, 1, 11, 10, 0, CASTING_NONE, &r,
				OUTCOME_CARRIED),
			    "11 for, 10 against: more for than against, and a simple majority confirms:"
			    " carried");
	assert_string_equal(say(RESOLUTION_SPECIAL, 0, 0, 20, 1, 0, CASTING_NONE, &r,
				OUTCOME_NOT_QUORATE),
			    "20 for, 1 against: not quorate at the vote, so no decision");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ordinary),
		cmocka_unit_test(special_two_thirds),
		cmocka_unit_test(special_three_quarters),
		cmocka_unit_test(amalgamation_and_quorum),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
