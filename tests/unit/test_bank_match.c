/* Unit tests for src/core/bank_match.c: which tenancy a bank line pays. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "coopdesk/bank_match.h"

/* A small co-op: homes 12A, H-003, 7 and 1B, with a former tenancy of 12A. */
static const struct bank_candidate coop[] = {
	{ 1, "12A", "Ann Smith", "2020-01-06", "" },
	{ 2, "H-003", "Bob Jones, Carol Jones", "2021-03-01", "" },
	{ 3, "7", "Zoë Ó Súilleabháin", "2022-05-02", "" },
	{ 4, "12A", "Dan Brown", "2015-01-05", "2020-01-06" },
	{ 5, "1B", "Ed Smith", "2019-09-02", "" },
	{ 6, "9", "Fay O'Brien", "2026-12-01", "" },
};
#define NCOOP ((int)(sizeof coop / sizeof coop[0]))

static struct bank_match match_on(const char *date, int64_t pence, const char *text)
{
	struct bank_line l = { .line_no = 2, .amount_pence = pence };
	struct bank_match m;
	snprintf(l.date, sizeof l.date, "%s", date);
	snprintf(l.text, sizeof l.text, "%s", text);
	bank_match_line(&l, coop, NCOOP, &m);
	/* The index a statement's import uses must say exactly the same. */
	struct bank_index *ix = bank_index_new(coop, NCOOP);
	assert_non_null(ix);
	struct bank_match mi;
	bank_match_indexed(ix, &l, &mi);
	bank_match_indexed(ix, &l, &mi);     /* and again: the index keeps nothing of a line */
	bank_index_free(ix);
	assert_int_equal(mi.outcome, m.outcome);
	assert_int_equal(mi.by, m.by);
	assert_int_equal(mi.cand, m.cand);
	assert_string_equal(mi.why, m.why);
	return m;
}

static struct bank_match match(const char *text)
{
	return match_on("2026-11-20", 45000, text);
}

static void expect_tenancy(const char *text, int64_t tenancy, enum bank_by by, const char *why)
{
	struct bank_match m = match(text);
	if (m.outcome != BANK_MATCHED)
		fail_msg("'%s': %s (%s)", text, bank_outcome_name(m.outcome), m.why);
	assert_int_equal(coop[m.cand].tenancy_id, tenancy);
	assert_int_equal(m.by, by);
	assert_string_equal(m.why, why);
}

static void a_reference_matches_however_it_is_written(void **state)
{
	(void)state;
	expect_tenancy("RENT 12A", 1, BANK_BY_REF, "by the reference 12A");
	expect_tenancy("rent 12a", 1, BANK_BY_REF, "by the reference 12A");
	expect_tenancy("RENT-12 A/NOV", 1, BANK_BY_REF, "by the reference 12A");
	expect_tenancy("H003 RENT", 2, BANK_BY_REF, "by the reference H-003");
	expect_tenancy("h-3", 2, BANK_BY_REF, "by the reference H-003");
	expect_tenancy("REF: H 003", 2, BANK_BY_REF, "by the reference H-003");
	expect_tenancy("FLAT 7 STO", 3, BANK_BY_REF, "by the reference 7");
}

static void a_reference_inside_a_longer_word_does_not_match(void **state)
{
	(void)state;
	struct bank_match m = match("INV 112A3 PAYMENT");
	assert_int_equal(m.outcome, BANK_UNMATCHED);
	assert_string_equal(m.why, "no home's reference and no tenant's name is in it");
	m = match("FLAT 77");
	assert_int_equal(m.outcome, BANK_UNMATCHED);
}

static void reference_and_name_together(void **state)
{
	(void)state;
	expect_tenancy("RENT 12A SMITH", 1, BANK_BY_REF_AND_NAME, "by the reference 12A and the name SMITH");
	expect_tenancy("B JONES H-003", 2, BANK_BY_REF_AND_NAME,
		       "by the reference H-003 and the name BOB JONES");
}

static void a_name_alone_matches_when_only_one_tenancy_has_it(void **state)
{
	(void)state;
	expect_tenancy("MR B JONES", 2, BANK_BY_NAME, "by the name BOB JONES");
	expect_tenancy("JONES CAROL SO", 2, BANK_BY_NAME, "by the name CAROL JONES");
	expect_tenancy("FROM ANN SMITH", 1, BANK_BY_NAME, "by the name ANN SMITH");
	expect_tenancy("A SMITH", 1, BANK_BY_NAME, "by the name ANN SMITH");
	expect_tenancy("JONES", 2, BANK_BY_NAME, "by the surname JONES only");
	/* Accents as a bank drops them; an apostrophe joins. */
	expect_tenancy("Z O SUILLEABHAIN", 3, BANK_BY_NAME, "by the name ZOE O SUILLEABHAIN");
	expect_tenancy("Ó Súilleabháin", 3, BANK_BY_NAME, "by the surname SUILLEABHAIN only");
}

static void an_ambiguous_name_is_not_matched(void **state)
{
	(void)state;
	struct bank_match m = match("SMITH RENT");
	assert_int_equal(m.outcome, BANK_AMBIGUOUS);
	assert_int_equal(m.cand, -1);
	assert_string_equal(m.why, "the name SMITH fits 2 tenancies: 12A (tenancy 1) and 1B (tenancy 5)");
	/* The initial tells them apart. */
	expect_tenancy("E SMITH", 5, BANK_BY_NAME, "by the name ED SMITH");
}

static void two_references_are_ambiguous_unless_a_name_decides(void **state)
{
	(void)state;
	struct bank_match m = match("12A AND 1B");
	assert_int_equal(m.outcome, BANK_AMBIGUOUS);
	assert_string_equal(m.why, "the references of 2 homes are in it: 12A (tenancy 1) and 1B (tenancy 5)");
	expect_tenancy("12A 1B ED SMITH", 5, BANK_BY_REF_AND_NAME, "by the reference 1B and the name ED SMITH");
}

static void a_reference_and_another_tenants_name_are_ambiguous(void **state)
{
	(void)state;
	struct bank_match m = match("RENT 12A JONES");
	assert_int_equal(m.outcome, BANK_AMBIGUOUS);
	assert_string_equal(m.why, "the reference is home 12A's but the name JONES is of home H-003 (tenancy 2)");
}

static void the_tenancy_in_force_on_the_day_is_chosen(void **state)
{
	(void)state;
	struct bank_match m = match_on("2019-06-01", 45000, "RENT 12A");
	assert_int_equal(m.outcome, BANK_MATCHED);
	assert_int_equal(coop[m.cand].tenancy_id, 4);
	m = match_on("2020-01-06", 45000, "RENT 12A");   /* the day one ends and the next starts */
	assert_int_equal(coop[m.cand].tenancy_id, 1);
	/* A former tenant pays arrears by name. */
	m = match_on("2026-11-20", 45000, "D BROWN ARREARS");
	assert_int_equal(m.outcome, BANK_MATCHED);
	assert_int_equal(coop[m.cand].tenancy_id, 4);
	/* Before a tenancy starts nobody pays it. */
	m = match_on("2026-11-20", 45000, "RENT 9");
	assert_int_equal(m.outcome, BANK_UNMATCHED);
	assert_string_equal(m.why, "the reference is home 9's, but its tenancy starts on 01/12/2026,"
			    " after the payment");
	m = match_on("2026-12-02", 45000, "F OBRIEN");
	assert_int_equal(m.outcome, BANK_MATCHED);
	assert_string_equal(m.why, "by the name FAY OBRIEN");
}

static void debits_and_empty_lines(void **state)
{
	(void)state;
	struct bank_match m = match_on("2026-11-20", -2500, "RENT 12A");
	assert_int_equal(m.outcome, BANK_DEBIT);
	assert_string_equal(m.why, "paid out");
	m = match_on("2026-11-20", 0, "RENT 12A");
	assert_int_equal(m.outcome, BANK_DEBIT);
	assert_string_equal(m.why, "nothing paid in");
	m = match(" -- ");
	assert_int_equal(m.outcome, BANK_UNMATCHED);
	assert_string_equal(m.why, "it has no reference or description");
	m = match("RENT 12A \xff");
	assert_int_equal(m.outcome, BANK_UNMATCHED);
	assert_string_equal(m.why, "its text is not valid UTF-8");
	struct bank_line l = { .amount_pence = 100, .date = "2026-11-20", .text = "12A" };
	bank_match_line(&l, coop, 0, &m);
	assert_int_equal(m.outcome, BANK_UNMATCHED);
}

static void reference_keys(void **state)
{
	(void)state;
	char k[BANK_REF_MAX], small[4];
	assert_string_equal(bank_ref_key("h-012", k, sizeof k), "H12");
	assert_string_equal(bank_ref_key("Flat 10/2", k, sizeof k), "FLAT102");
	assert_string_equal(bank_ref_key("00", k, sizeof k), "0");
	assert_string_equal(bank_ref_key("Łódź 4", k, sizeof k), "LODZ4");
	assert_string_equal(bank_ref_key("", k, sizeof k), "");
	assert_string_equal(bank_ref_key("ABCDEF", small, sizeof small), "");
	assert_string_equal(bank_ref_key("AB C", small, sizeof small), "ABC");
	assert_string_equal(bank_outcome_name(BANK_AMBIGUOUS), "ambiguous");
}

/* A co-op of 400 tenancies sharing surnames, and 4,000 lines made of its
 * references written in pieces, names, initials and noise: the index
 * finds what comparing every tenancy finds, line by line. */
static void the_index_agrees_with_comparing_every_tenancy(void **state)
{
	(void)state;
	enum { N = 400, LINES = 4000 };
	static const char *const first[] = { "Ann", "Bob", "Zoë", "Łukasz", "Siobhán", "Kofi" };
	static const char *const sur[] = { "Smith", "Jones", "Ó Súilleabháin", "Wróbel", "O'Brien",
					   "Mensah", "Price", "Li" };
	static const char *const noise[] = { "RENT", "PAYMENT", "FROM", "STO", "12", "A", "B",
					     "H", "0", "-", "FLAT", "REF" };
	static struct bank_candidate c[N];
	unsigned seed = 12345;
#define NEXT(k) ((seed = seed * 1103515245u + 12345u) >> 16) % (k)
	for (int i = 0; i < N; i++) {
		c[i].tenancy_id = i + 1;
		snprintf(c[i].ref, sizeof c[i].ref, i % 3 ? "H-%03d" : "%dA", i % 150 + 1);
		unsigned f1 = NEXT(6), s1 = NEXT(8), f2 = NEXT(6), s2 = NEXT(8);
		snprintf(c[i].names, sizeof c[i].names, "%s %s%s%s %s", first[f1], sur[s1],
			 i % 4 ? "" : ", ", i % 4 ? "" : first[f2], i % 4 ? "" : sur[s2]);
		snprintf(c[i].start_date, sizeof c[i].start_date, "20%02d-01-0%d", 10 + i % 17, 1 + i % 9);
		snprintf(c[i].end_date, sizeof c[i].end_date, "%s", i % 5 ? "" : "2026-06-01");
	}
	struct bank_index *ix = bank_index_new(c, N);
	assert_non_null(ix);
	int matched = 0, ambiguous = 0;
	for (int k = 0; k < LINES; k++) {
		struct bank_line l = { .line_no = k + 2, .amount_pence = k % 50 ? 10000 : -500 };
		snprintf(l.date, sizeof l.date, "20%02d-0%d-15", 12 + k % 15, 1 + k % 9);
		size_t at = 0;
		for (int w = 0, words = 1 + (int)NEXT(4); w < words && at < 200; w++) {
			int i = (int)NEXT(N);
			switch (NEXT(5)) {
			case 0: at += (size_t)snprintf(l.text + at, 40, "%s ", c[i].ref); break;
			case 1: at += (size_t)snprintf(l.text + at, 40, "H%d ", i % 150 + 1); break;
			case 2: at += (size_t)snprintf(l.text + at, 40, "%s ", sur[NEXT(8)]); break;
			case 3: {
				unsigned f = NEXT(6), u = NEXT(8);
				at += (size_t)snprintf(l.text + at, 40, "%c %s ", first[f][0], sur[u]);
				break;
			}
			default: at += (size_t)snprintf(l.text + at, 40, "%s ", noise[NEXT(12)]); break;
			}
		}
		struct bank_match m, mi;
		bank_match_line(&l, c, N, &m);
		bank_match_indexed(ix, &l, &mi);
		if (mi.outcome != m.outcome || mi.cand != m.cand || mi.by != m.by ||
		    strcmp(mi.why, m.why) != 0)
			fail_msg("line \"%s\" on %s: indexed %s %d \"%s\", every tenancy %s %d \"%s\"",
				 l.text, l.date, bank_outcome_name(mi.outcome), mi.cand, mi.why,
				 bank_outcome_name(m.outcome), m.cand, m.why);
		matched += m.outcome == BANK_MATCHED;
		ambiguous += m.outcome == BANK_AMBIGUOUS;
	}
#undef NEXT
	bank_index_free(ix);
	/* The lines are varied enough to say something: both kinds occur. */
	assert_true(matched > 200);
	assert_true(ambiguous > 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_reference_matches_however_it_is_written),
		cmocka_unit_test(a_reference_inside_a_longer_word_does_not_match),
		cmocka_unit_test(reference_and_name_together),
		cmocka_unit_test(a_name_alone_matches_when_only_one_tenancy_has_it),
		cmocka_unit_test(an_ambiguous_name_is_not_matched),
		cmocka_unit_test(two_references_are_ambiguous_unless_a_name_decides),
		cmocka_unit_test(a_reference_and_another_tenants_name_are_ambiguous),
		cmocka_unit_test(the_tenancy_in_force_on_the_day_is_chosen),
		cmocka_unit_test(debits_and_empty_lines),
		cmocka_unit_test(reference_keys),
		cmocka_unit_test(the_index_agrees_with_comparing_every_tenancy),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
