/* tests/unit/test_meeting_rules.c: quorum, notice, outcomes, the
 * amalgamation window (src/core/meeting_rules.c). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/meeting_rules.h"

static struct date D(int y, int m, int d)
{
	struct date x = { y, m, d };
	return x;
}

/* The defaults of the settings table, passed in as a caller would. */
static struct outcome_rules defaults(void)
{
	struct outcome_rules r = {
		.special_num = 2, .special_den = 3,
		.amalgamation_num = AMALGAMATION_MAJORITY_NUM,
		.amalgamation_den = AMALGAMATION_MAJORITY_DEN,
		.chair_casting_vote = 1,
	};
	return r;
}

static enum motion_outcome outcome(enum resolution_type type, int confirming, int quorate,
				   int64_t f, int64_t a, int64_t abst, enum casting_vote c,
				   const struct outcome_rules *r)
{
	struct vote_tally t = { f, a, abst };
	enum motion_outcome o = OUTCOME_NONE;
	char why[200];
	assert_int_equal(rule_motion_outcome(type, confirming, quorate, &t, c, r, &o, why, sizeof why), 0);
	assert_string_equal(why, "");
	return o;
}

static void quorum_is_the_greater_rounded_up(void **state)
{
	(void)state;
	assert_int_equal(rule_quorum(120, 5, 10), 12);   /* 10% of 120 beats 5 */
	assert_int_equal(rule_quorum(121, 5, 10), 13);   /* 12.1 rounds up */
	assert_int_equal(rule_quorum(129, 5, 10), 13);
	assert_int_equal(rule_quorum(130, 5, 10), 13);
	assert_int_equal(rule_quorum(131, 5, 10), 14);
	assert_int_equal(rule_quorum(30, 5, 10), 5);     /* 3 is less than 5 */
	assert_int_equal(rule_quorum(50, 5, 10), 5);
	assert_int_equal(rule_quorum(51, 5, 10), 6);     /* 5.1 rounds up to 6 */
	assert_int_equal(rule_quorum(0, 5, 10), 5);
	assert_int_equal(rule_quorum(120, 3, 25), 30);   /* other rule numbers */
	assert_int_equal(rule_quorum(13500, 5, 10), 1350);
	assert_int_equal(rule_quorum(-4, -1, -10), 0);
}

static void notice_in_clear_days(void **state)
{
	(void)state;
	char warning[300];
	int clear = -99;
	/* 1 March for 16 March: the 2nd to the 15th, 14 clear days. */
	assert_int_equal(rule_notice_check(D(2026, 3, 1), D(2026, 3, 16), 14, &clear,
					   warning, sizeof warning), 0);
	assert_int_equal(clear, 14);
	assert_string_equal(warning, "");
	/* 2 March is a day short, and says so in a sentence. */
	assert_int_equal(rule_notice_check(D(2026, 3, 2), D(2026, 3, 16), 14, &clear,
					   warning, sizeof warning), 1);
	assert_int_equal(clear, 13);
	assert_string_equal(warning,
			    "short notice: only 13 clear days between the notice (2 March 2026)"
			    " and the meeting (16 March 2026); the rules ask for 14");
	/* Another co-op's rule: 21 days. */
	assert_int_equal(rule_notice_check(D(2026, 3, 1), D(2026, 3, 16), 21, &clear,
					   warning, sizeof warning), 1);
	assert_non_null(strstr(warning, "the rules ask for 21"));
	/* Notice on the day before: no clear days, said as 0. */
	assert_int_equal(rule_notice_check(D(2026, 3, 15), D(2026, 3, 16), 14, &clear,
					   warning, sizeof warning), 1);
	assert_non_null(strstr(warning, "only 0 clear days"));
	/* Across a leap day. */
	assert_int_equal(rule_notice_check(D(2028, 2, 14), D(2028, 3, 1), 14, &clear, NULL, 0), 0);
	assert_int_equal(clear, 15);
	/* A date that does not exist. */
	assert_int_equal(rule_notice_check(D(2026, 2, 29), D(2026, 3, 16), 14, &clear,
					   warning, sizeof warning), -1);
	assert_non_null(strstr(warning, "real dates"));
	assert_true(rule_notice_applies(MEETING_AGM));
	assert_true(rule_notice_applies(MEETING_GENERAL));
	assert_true(rule_notice_applies(MEETING_SPECIAL));
	assert_false(rule_notice_applies(MEETING_BOARD));
}

static void ordinary_needs_more_for_than_against(void **state)
{
	(void)state;
	struct outcome_rules r = defaults();
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 11, 10, 0, CASTING_NONE, &r), OUTCOME_CARRIED);
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 10, 11, 0, CASTING_NONE, &r), OUTCOME_LOST);
	/* Abstentions are not counted: 2 for, 1 against, 40 abstaining carries. */
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 2, 1, 40, CASTING_NONE, &r), OUTCOME_CARRIED);
	/* A tie with no casting vote is lost. */
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 10, 10, 3, CASTING_NONE, &r), OUTCOME_LOST);
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 0, 0, 5, CASTING_NONE, &r), OUTCOME_LOST);
	/* Not quorate, whatever the counts. */
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 0, 30, 0, 0, CASTING_NONE, &r), OUTCOME_NOT_QUORATE);
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 0, 30, 0, 0, CASTING_NONE, &r), OUTCOME_NOT_QUORATE);
}

static void casting_vote_on_and_off(void **state)
{
	(void)state;
	struct outcome_rules r = defaults();
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 10, 10, 0, CASTING_FOR, &r), OUTCOME_CARRIED);
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 10, 10, 0, CASTING_AGAINST, &r), OUTCOME_LOST);

	struct vote_tally t = { 11, 10, 0 };
	enum motion_outcome o = OUTCOME_NONE;
	char why[200];
	/* Only on a tie. */
	assert_int_equal(rule_motion_outcome(RESOLUTION_ORDINARY, 0, 1, &t, CASTING_FOR, &r, &o,
					     why, sizeof why), -1);
	assert_string_equal(why, "the chair's casting vote is used only when the votes are tied");
	/* Only on an ordinary resolution. */
	t.votes_for = 10;
	assert_int_equal(rule_motion_outcome(RESOLUTION_SPECIAL, 0, 1, &t, CASTING_FOR, &r, &o,
					     why, sizeof why), -1);
	assert_string_equal(why, "the chair's casting vote applies only to an ordinary resolution");
	/* Only when the rules give one. */
	r.chair_casting_vote = 0;
	assert_int_equal(rule_motion_outcome(RESOLUTION_ORDINARY, 0, 1, &t, CASTING_FOR, &r, &o,
					     why, sizeof why), -1);
	assert_string_equal(why, "the co-op's rules give the chair no casting vote");
	assert_int_equal(o, OUTCOME_NONE);
	assert_int_equal(outcome(RESOLUTION_ORDINARY, 0, 1, 10, 10, 0, CASTING_NONE, &r), OUTCOME_LOST);
	t.votes_for = -1;
	assert_int_equal(rule_motion_outcome(RESOLUTION_ORDINARY, 0, 1, &t, CASTING_NONE, &r, &o,
					     why, sizeof why), -1);
	assert_non_null(strstr(why, "below 0"));
}

static void special_at_the_boundary(void **state)
{
	(void)state;
	struct outcome_rules r = defaults();
	/* 2/3: 20 of 30 votes cast is exactly two-thirds. */
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 20, 10, 0, CASTING_NONE, &r), OUTCOME_CARRIED);
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 19, 10, 0, CASTING_NONE, &r), OUTCOME_LOST);
	/* Abstentions are not votes cast. */
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 20, 10, 50, CASTING_NONE, &r), OUTCOME_CARRIED);
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 0, 0, 9, CASTING_NONE, &r), OUTCOME_LOST);
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 1, 0, 0, CASTING_NONE, &r), OUTCOME_CARRIED);
	/* 3/4 when the co-op's rules say so: 30 of 40 carries, 29 of 39 does not. */
	r.special_num = 3;
	r.special_den = 4;
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 30, 10, 0, CASTING_NONE, &r), OUTCOME_CARRIED);
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 29, 10, 0, CASTING_NONE, &r), OUTCOME_LOST);
	assert_int_equal(outcome(RESOLUTION_SPECIAL, 0, 1, 20, 10, 0, CASTING_NONE, &r), OUTCOME_LOST);
	/* A fraction that is not one. */
	r.special_num = 4;
	r.special_den = 3;
	struct vote_tally t = { 20, 10, 0 };
	enum motion_outcome o;
	char why[200];
	assert_int_equal(rule_motion_outcome(RESOLUTION_SPECIAL, 0, 1, &t, CASTING_NONE, &r, &o,
					     why, sizeof why), -1);
	assert_non_null(strstr(why, "2/3 or 3/4"));
}

static void amalgamation_and_its_confirmation(void **state)
{
	(void)state;
	struct outcome_rules r = defaults();
	r.special_num = 3;   /* the co-op's special majority does not change the Act's */
	r.special_den = 4;
	assert_int_equal(outcome(RESOLUTION_AMALGAMATION, 0, 1, 20, 10, 4, CASTING_NONE, &r), OUTCOME_CARRIED);
	assert_int_equal(outcome(RESOLUTION_AMALGAMATION, 0, 1, 19, 10, 0, CASTING_NONE, &r), OUTCOME_LOST);
	/* Confirmation: a simple majority. */
	assert_int_equal(outcome(RESOLUTION_AMALGAMATION, 1, 1, 16, 15, 0, CASTING_NONE, &r), OUTCOME_CARRIED);
	assert_int_equal(outcome(RESOLUTION_AMALGAMATION, 1, 1, 15, 15, 0, CASTING_NONE, &r), OUTCOME_LOST);
	assert_int_equal(outcome(RESOLUTION_AMALGAMATION, 1, 0, 16, 15, 0, CASTING_NONE, &r), OUTCOME_NOT_QUORATE);
}

static void confirmation_window(void **state)
{
	(void)state;
	char why[300];
	struct date from, to;
	assert_int_equal(rule_confirmation_window(D(2026, 1, 10), 14, 1, &from, &to), 0);
	assert_int_equal(date_cmp(from, D(2026, 1, 24)), 0);
	assert_int_equal(date_cmp(to, D(2026, 2, 10)), 0);
	assert_int_equal(rule_confirmation_check(D(2026, 1, 10), D(2026, 1, 24), 14, 1, why, sizeof why), 0);
	assert_int_equal(rule_confirmation_check(D(2026, 1, 10), D(2026, 2, 10), 14, 1, why, sizeof why), 0);
	assert_int_equal(rule_confirmation_check(D(2026, 1, 10), D(2026, 1, 23), 14, 1, why, sizeof why), -1);
	assert_string_equal(why,
			    "an amalgamation or transfer passed on 10 January 2026 must be confirmed at a"
			    " meeting from 24 January 2026 to 10 February 2026 (14 days to 1 month later)");
	assert_int_equal(rule_confirmation_check(D(2026, 1, 10), D(2026, 2, 11), 14, 1, why, sizeof why), -1);
	/* 31 January + 1 month is the last day of February. */
	assert_int_equal(rule_confirmation_window(D(2026, 1, 31), 14, 1, NULL, &to), 0);
	assert_int_equal(date_cmp(to, D(2026, 2, 28)), 0);
	assert_int_equal(rule_confirmation_window(D(2028, 1, 31), 14, 1, NULL, &to), 0);
	assert_int_equal(date_cmp(to, D(2028, 2, 29)), 0);
	/* Other rule numbers: 21 days to 2 months. */
	assert_int_equal(rule_confirmation_check(D(2026, 1, 10), D(2026, 3, 10), 21, 2, why, sizeof why), 0);
	assert_int_equal(rule_confirmation_check(D(2026, 1, 10), D(2026, 1, 30), 21, 2, why, sizeof why), -1);
	assert_non_null(strstr(why, "2 months later"));
	assert_int_equal(rule_confirmation_check(D(2026, 2, 30), D(2026, 3, 20), 14, 1, why, sizeof why), -1);
	assert_non_null(strstr(why, "real dates"));
}

static void add_months_keeps_to_the_month(void **state)
{
	(void)state;
	assert_int_equal(date_cmp(rule_add_months(D(2026, 9, 3), 1), D(2026, 10, 3)), 0);
	assert_int_equal(date_cmp(rule_add_months(D(2026, 12, 15), 1), D(2027, 1, 15)), 0);
	assert_int_equal(date_cmp(rule_add_months(D(2026, 3, 31), 1), D(2026, 4, 30)), 0);
	assert_int_equal(date_cmp(rule_add_months(D(2026, 3, 31), -1), D(2026, 2, 28)), 0);
	assert_int_equal(date_cmp(rule_add_months(D(2026, 1, 31), 3), D(2026, 4, 30)), 0);
	assert_false(date_valid(rule_add_months(D(2026, 2, 29), 1)));
	assert_false(date_valid(rule_add_months(D(2999, 12, 1), 1)));
}

static void words_both_ways(void **state)
{
	(void)state;
	assert_string_equal(rule_meeting_kind_word(MEETING_AGM), "agm");
	assert_int_equal(rule_meeting_kind_parse("board"), MEETING_BOARD);
	assert_int_equal(rule_meeting_kind_parse("party"), -1);
	assert_int_equal(rule_meeting_kind_parse(NULL), -1);
	assert_string_equal(rule_resolution_word(RESOLUTION_AMALGAMATION), "amalgamation");
	assert_int_equal(rule_resolution_parse("special"), RESOLUTION_SPECIAL);
	assert_string_equal(rule_outcome_word(OUTCOME_NOT_QUORATE), "not_quorate");
	assert_int_equal(rule_outcome_parse("withdrawn"), OUTCOME_WITHDRAWN);
	assert_int_equal(rule_outcome_parse(""), -1);
	assert_string_equal(rule_outcome_name(OUTCOME_NOT_QUORATE), "not quorate");
	assert_string_equal(rule_meeting_kind_name(MEETING_SPECIAL), "special general meeting");
	assert_string_equal(rule_meeting_kind_word((enum meeting_kind)9), "");
}

/* The arithmetic shown beside an outcome, as a person would check it. */
static void explain(enum resolution_type type, int confirming, int64_t f, int64_t a, int64_t abst,
		    enum casting_vote c, const struct outcome_rules *r, const char *want)
{
	struct vote_tally t = { f, a, abst };
	enum motion_outcome o = outcome(type, confirming, 1, f, a, abst, c, r);
	char buf[300];
	rule_outcome_explain(type, confirming, &t, c, r, o, buf, sizeof buf);
	assert_string_equal(buf, want);
}

static void outcomes_explained_with_their_arithmetic(void **state)
{
	(void)state;
	struct outcome_rules r = defaults();
	explain(RESOLUTION_SPECIAL, 0, 20, 10, 5, CASTING_NONE, &r,
		"20 for, 10 against, 5 abstained: 20 of 30 votes cast is 66.7%, at least two thirds: carried");
	explain(RESOLUTION_SPECIAL, 0, 19, 10, 0, CASTING_NONE, &r,
		"19 for, 10 against: 19 of 29 votes cast is 65.5%, less than two thirds: lost");
	explain(RESOLUTION_ORDINARY, 0, 10, 10, 2, CASTING_FOR, &r,
		"10 for, 10 against, 2 abstained: a tie, and the chair's casting vote for: carried");
	explain(RESOLUTION_ORDINARY, 0, 12, 9, 0, CASTING_NONE, &r,
		"12 for, 9 against: more for than against: carried");
	explain(RESOLUTION_AMALGAMATION, 1, 7, 8, 0, CASTING_NONE, &r,
		"7 for, 8 against: confirmation by simple majority; fewer for than against: lost");
	r.chair_casting_vote = 0;
	explain(RESOLUTION_ORDINARY, 0, 10, 10, 0, CASTING_NONE, &r,
		"10 for, 10 against: a tie, with no casting vote: lost");
	r.special_num = 3;
	r.special_den = 4;
	explain(RESOLUTION_SPECIAL, 0, 30, 10, 0, CASTING_NONE, &r,
		"30 for, 10 against: 30 of 40 votes cast is 75.0%, at least three quarters: carried");
	explain(RESOLUTION_SPECIAL, 0, 29, 10, 0, CASTING_NONE, &r,
		"29 for, 10 against: 29 of 39 votes cast is 74.4%, less than three quarters: lost");
	struct vote_tally t = { 3, 1, 0 };
	char buf[200];
	rule_outcome_explain(RESOLUTION_SPECIAL, 0, &t, CASTING_NONE, &r, OUTCOME_NOT_QUORATE, buf,
			     sizeof buf);
	assert_string_equal(buf, "3 for, 1 against: fewer members were present at the vote than"
			    " the quorum: not quorate");
	rule_outcome_explain(RESOLUTION_SPECIAL, 0, &t, CASTING_NONE, &r, OUTCOME_WITHDRAWN, buf,
			     sizeof buf);
	assert_string_equal(buf, "withdrawn before the vote");
	/* The quorum at the sizes the issue names: 5 members or 10%, rounded up. */
	assert_int_equal(rule_quorum(49, 5, 10), 5);
	assert_int_equal(rule_quorum(80, 5, 10), 8);
}

int main(void)
{
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(quorum_is_the_greater_rounded_up),
		cmocka_unit_test(notice_in_clear_days),
		cmocka_unit_test(ordinary_needs_more_for_than_against),
		cmocka_unit_test(casting_vote_on_and_off),
		cmocka_unit_test(special_at_the_boundary),
		cmocka_unit_test(amalgamation_and_its_confirmation),
		cmocka_unit_test(confirmation_window),
		cmocka_unit_test(add_months_keeps_to_the_month),
		cmocka_unit_test(words_both_ways),
		cmocka_unit_test(outcomes_explained_with_their_arithmetic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
