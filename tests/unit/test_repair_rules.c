/* tests/unit/test_repair_rules.c: the pure rules of repairs
 * (src/core/repair_rules.c): moves, targets, Right to Repair, instants. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "coopdesk/repair_rules.h"
#include "coopdesk/zone.h"

/* The schema's defaults, as the settings table holds them. */
static const struct repair_rules rules = {
	.emergency_hours = 24, .urgent_days = 5, .routine_days = 28, .planned_days = 90,
	.damp_emergency_hours = 24, .damp_investigate_days = 10,
	.damp_summary_days = 3, .damp_safety_days = 5,
	.rtr_max_cost = 25000, .rtr_comp_base = 1000, .rtr_comp_per_day = 200,
	.rtr_comp_cap = 5000,
};

/* England & Wales, Christmas 2026 to New Year 2027. */
static int32_t hol_days[3];
static struct holidays hols = { hol_days, 3 };

static int32_t day(const char *iso)
{
	struct date d;
	assert_int_equal(date_parse(iso, &d), DATE_OK);
	return date_to_days(d);
}

static int setup_holidays(void **state)
{
	hol_days[0] = day("2026-12-25");
	hol_days[1] = day("2026-12-28");   /* Boxing Day, substitute */
	hol_days[2] = day("2027-01-01");
	return 0;
}

static const char *target(enum repair_priority p, int rtr_days, int has_cost, int64_t cost,
			  enum repair_damp damp, const char *reported)
{
	static char out[REPAIR_INSTANT_LEN];
	struct repair_target_in in = { reported, p, rtr_days, has_cost, cost, damp };
	assert_int_equal(repair_target(&rules, &hols, &in, out), 0);
	return out;
}

#define FRI "2026-12-18T16:30:00Z"

static void every_allowed_move_and_no_other(void **state)
{
	static const int allowed[][2] = {
		{ REPAIR_REPORTED, REPAIR_TRIAGED }, { REPAIR_REPORTED, REPAIR_CANCELLED },
		{ REPAIR_TRIAGED, REPAIR_ASSIGNED }, { REPAIR_TRIAGED, REPAIR_CANCELLED },
		{ REPAIR_ASSIGNED, REPAIR_IN_PROGRESS }, { REPAIR_ASSIGNED, REPAIR_ASSIGNED },
		{ REPAIR_ASSIGNED, REPAIR_CANCELLED },
		{ REPAIR_IN_PROGRESS, REPAIR_COMPLETED }, { REPAIR_IN_PROGRESS, REPAIR_CANCELLED },
		{ REPAIR_COMPLETED, REPAIR_CLOSED }, { REPAIR_COMPLETED, REPAIR_REPORTED },
		{ REPAIR_COMPLETED, REPAIR_TRIAGED },
		{ REPAIR_CLOSED, REPAIR_REPORTED }, { REPAIR_CLOSED, REPAIR_TRIAGED },
	};
	int n_allowed = 0;
	for (int from = 0; from < REPAIR_STATUS_COUNT; from++) {
		for (int to = 0; to < REPAIR_STATUS_COUNT; to++) {
			int want = 0;
			for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
				if (allowed[i][0] == from && allowed[i][1] == to)
					want = 1;
			const char *why = repair_move_refusal(from, to);
			if (want) {
				assert_null(why);
				n_allowed++;
			} else {
				assert_non_null(why);
				assert_true(strlen(why) > 10);
			}
		}
	}
	assert_int_equal(n_allowed, 14);
	assert_string_equal(repair_move_refusal(REPAIR_REPORTED, REPAIR_ASSIGNED),
			    "a reported repair is triaged next (or cancelled)");
	assert_non_null(strstr(repair_move_refusal(REPAIR_CANCELLED, REPAIR_REPORTED),
			       "report it again"));
	assert_non_null(strstr(repair_move_refusal(REPAIR_CLOSED, REPAIR_CANCELLED),
			       "only be reopened"));
	assert_string_equal(repair_move_refusal(REPAIR_NO_STATUS, REPAIR_TRIAGED),
			    "that is not a status a repair can have");
	assert_true(repair_move_reopens(REPAIR_CLOSED, REPAIR_TRIAGED));
	assert_true(repair_move_reopens(REPAIR_COMPLETED, REPAIR_REPORTED));
	assert_false(repair_move_reopens(REPAIR_TRIAGED, REPAIR_REPORTED));
	assert_false(repair_move_reopens(REPAIR_COMPLETED, REPAIR_CLOSED));
}

static void names_round_trip(void **state)
{
	for (int s = 0; s < REPAIR_STATUS_COUNT; s++) {
		assert_int_equal(repair_status_parse(repair_status_name(s)), s);
		assert_int_equal(repair_status_parse(repair_status_label(s)), s);
	}
	assert_string_equal(repair_status_name(REPAIR_IN_PROGRESS), "in_progress");
	assert_string_equal(repair_status_label(REPAIR_IN_PROGRESS), "in progress");
	assert_int_equal(repair_status_parse("done"), REPAIR_NO_STATUS);
	assert_string_equal(repair_status_name(REPAIR_NO_STATUS), "");
	for (int p = REPAIR_EMERGENCY; p <= REPAIR_PLANNED; p++)
		assert_int_equal(repair_priority_parse(repair_priority_name(p)), p);
	assert_int_equal(repair_priority_parse("soonish"), REPAIR_PRIORITY_NONE);
	assert_string_equal(repair_priority_name(REPAIR_PRIORITY_NONE), "");
	assert_int_equal(repair_damp_parse(""), REPAIR_DAMP_NONE);
	assert_int_equal(repair_damp_parse("significant"), REPAIR_DAMP_SIGNIFICANT);
	assert_int_equal(repair_damp_parse("mild"), -1);
	assert_true(repair_status_is_open(REPAIR_IN_PROGRESS));
	assert_false(repair_status_is_open(REPAIR_COMPLETED));
	assert_false(repair_status_is_open(REPAIR_CANCELLED));
}

static void priority_targets_skip_weekends_and_bank_holidays(void **state)
{
	/* Friday 18 December 2026: 28 working days skip the weekends, 25 and
	 * 28 December and 1 January. */
	assert_string_equal(target(REPAIR_ROUTINE, 0, 0, 0, REPAIR_DAMP_NONE, FRI), "2027-02-01");
	assert_string_equal(target(REPAIR_URGENT, 0, 0, 0, REPAIR_DAMP_NONE, FRI), "2026-12-29");
	/* Without the holidays, 28 working days is two days sooner. */
	struct repair_target_in in = { FRI, REPAIR_ROUTINE, 0, 0, 0, REPAIR_DAMP_NONE };
	char out[REPAIR_INSTANT_LEN];
	assert_int_equal(repair_target(&rules, NULL, &in, out), 0);
	assert_string_equal(out, "2027-01-27");
	/* Planned: 90 working days. */
	assert_string_equal(target(REPAIR_PLANNED, 0, 0, 0, REPAIR_DAMP_NONE, "2026-11-23T09:00:00Z"),
			    "2027-04-01");
}

static void emergency_is_24_hours_even_over_a_holiday(void **state)
{
	assert_string_equal(target(REPAIR_EMERGENCY, 0, 0, 0, REPAIR_DAMP_NONE, "2026-12-24T20:15:00Z"),
			    "2026-12-25T20:15:00Z");
	assert_string_equal(target(REPAIR_EMERGENCY, 0, 0, 0, REPAIR_DAMP_NONE, "2026-12-31T23:59:59Z"),
			    "2027-01-01T23:59:59Z");
	/* The number is the setting's, not a literal. */
	struct repair_rules r = rules;
	r.emergency_hours = 4;
	struct repair_target_in in = { FRI, REPAIR_EMERGENCY, 0, 0, 0, REPAIR_DAMP_NONE };
	char out[REPAIR_INSTANT_LEN];
	assert_int_equal(repair_target(&r, &hols, &in, out), 0);
	assert_string_equal(out, "2026-12-18T20:30:00Z");
}

static void right_to_repair_wins_when_tighter(void **state)
{
	assert_string_equal(target(REPAIR_ROUTINE, 1, 0, 0, REPAIR_DAMP_NONE, FRI), "2026-12-21");
	assert_string_equal(target(REPAIR_ROUTINE, 3, 0, 0, REPAIR_DAMP_NONE, FRI), "2026-12-23");
	assert_string_equal(target(REPAIR_ROUTINE, 7, 0, 0, REPAIR_DAMP_NONE, FRI), "2026-12-31");
	/* Urgent (29 Dec) is tighter than 7 days (31 Dec). */
	assert_string_equal(target(REPAIR_URGENT, 7, 0, 0, REPAIR_DAMP_NONE, FRI), "2026-12-29");
	/* An emergency's hours beat a day's target. */
	assert_string_equal(target(REPAIR_EMERGENCY, 1, 0, 0, REPAIR_DAMP_NONE, FRI),
			    "2026-12-19T16:30:00Z");
	/* A cost at the limit still qualifies; over it, the Right to Repair is lost. */
	assert_string_equal(target(REPAIR_ROUTINE, 1, 1, 25000, REPAIR_DAMP_NONE, FRI), "2026-12-21");
	assert_string_equal(target(REPAIR_ROUTINE, 1, 1, 25001, REPAIR_DAMP_NONE, FRI), "2027-02-01");
	assert_true(repair_rtr_qualifies(&rules, 3, 0, 0));
	assert_false(repair_rtr_qualifies(&rules, 2, 0, 0));
	assert_false(repair_rtr_qualifies(&rules, 0, 0, 0));
	assert_false(repair_rtr_qualifies(&rules, 7, 1, 30000));

	struct repair_target_in in = { FRI, REPAIR_ROUTINE, 3, 0, 0, REPAIR_DAMP_NONE };
	char due[REPAIR_DATE_LEN];
	assert_int_equal(repair_rtr_due(&rules, &hols, &in, due), 0);
	assert_string_equal(due, "2026-12-23");
	in.has_cost = 1;
	in.cost_pence = 99999;
	assert_int_equal(repair_rtr_due(&rules, &hols, &in, due), 0);
	assert_string_equal(due, "");
}

static void damp_and_mould_targets(void **state)
{
	assert_string_equal(target(REPAIR_ROUTINE, 0, 0, 0, REPAIR_DAMP_SIGNIFICANT, FRI), "2027-01-06");
	assert_string_equal(target(REPAIR_PLANNED, 0, 0, 0, REPAIR_DAMP_EMERGENCY, FRI),
			    "2026-12-19T16:30:00Z");
	/* Urgent's 5 days beat the 10 to investigate. */
	assert_string_equal(target(REPAIR_URGENT, 0, 0, 0, REPAIR_DAMP_SIGNIFICANT, FRI), "2026-12-29");
	char summary[REPAIR_DATE_LEN], safety[REPAIR_DATE_LEN];
	assert_int_equal(repair_damp_due(&rules, &hols, "2026-12-23", summary, safety), 0);
	assert_string_equal(summary, "2026-12-30");
	assert_string_equal(safety, "2027-01-04");
	assert_int_equal(repair_damp_due(&rules, &hols, "2026-02-30", summary, safety), -1);
	assert_string_equal(summary, "");
}

static void compensation_is_capped(void **state)
{
	assert_int_equal(repair_rtr_compensation(&rules, -3), 0);
	assert_int_equal(repair_rtr_compensation(&rules, 0), 0);
	assert_int_equal(repair_rtr_compensation(&rules, 1), 1200);
	assert_int_equal(repair_rtr_compensation(&rules, 5), 2000);
	assert_int_equal(repair_rtr_compensation(&rules, 19), 4800);
	assert_int_equal(repair_rtr_compensation(&rules, 20), 5000);
	assert_int_equal(repair_rtr_compensation(&rules, 365), 5000);
	struct repair_rules r = rules;
	r.rtr_comp_cap = 10000;
	assert_int_equal(repair_rtr_compensation(&r, 30), 7000);
}

static void bad_input_gives_no_target(void **state)
{
	char out[REPAIR_INSTANT_LEN] = "x";
	struct repair_target_in in = { "2026-02-30T10:00:00Z", REPAIR_ROUTINE, 0, 0, 0, 0 };
	assert_int_equal(repair_target(&rules, &hols, &in, out), -1);
	assert_string_equal(out, "");
	in.reported_at = FRI;
	in.priority = REPAIR_PRIORITY_NONE;
	assert_int_equal(repair_target(&rules, &hols, &in, out), -1);
	in.priority = 9;
	assert_int_equal(repair_target(&rules, &hols, &in, out), -1);
	in.priority = REPAIR_ROUTINE;
	in.rtr_days = 2;
	assert_int_equal(repair_target(&rules, &hols, &in, out), -1);
	in.rtr_days = 0;
	in.damp = 3;
	assert_int_equal(repair_target(&rules, &hols, &in, out), -1);
	in.damp = REPAIR_DAMP_NONE;
	assert_int_equal(repair_target(&rules, &hols, &in, out), 0);
}

static void instants_parse_and_print(void **state)
{
	struct date d;
	int secs;
	char out[REPAIR_INSTANT_LEN];
	assert_int_equal(repair_instant_parse("2026-11-22T09:30:05Z", &d, &secs), 0);
	assert_int_equal(secs, 9 * 3600 + 30 * 60 + 5);
	repair_instant_format(d, secs, out);
	assert_string_equal(out, "2026-11-22T09:30:05Z");
	assert_int_equal(repair_instant_parse("2026-11-22T09:30", &d, &secs), 0);
	repair_instant_format(d, secs, out);
	assert_string_equal(out, "2026-11-22T09:30:00Z");
	assert_int_equal(repair_instant_parse("2026-11-22 23:59:59.123Z", NULL, NULL), 0);
	assert_int_equal(repair_instant_parse("2026-11-22", NULL, NULL), -1);
	assert_int_equal(repair_instant_parse("2026-11-22T24:00:00Z", NULL, NULL), -1);
	assert_int_equal(repair_instant_parse("2026-02-29T10:00:00Z", NULL, NULL), -1);
	assert_int_equal(repair_instant_parse("2026-11-22T10:00:00Zjunk", NULL, NULL), -1);
	assert_int_equal(repair_instant_parse(NULL, NULL, NULL), -1);
}

/* domain.md "Time": a repair reported at 00:30 on a summer night is
 * reported on that local day, not the UTC day before. */
static void working_days_count_from_the_local_day_of_the_report(void **state)
{
	char due[REPAIR_DATE_LEN];
	assert_int_equal(zone_set("Europe/London"), 0);
	/* 23:30 UTC on Tuesday 30 June is 00:30 on Wednesday 1 July in London. */
	const char *night = "2026-06-30T23:30:00Z";
	assert_string_equal(target(REPAIR_URGENT, 0, 0, 0, REPAIR_DAMP_NONE, night), "2026-07-08");
	assert_string_equal(target(REPAIR_ROUTINE, 1, 0, 0, REPAIR_DAMP_NONE, night), "2026-07-02");
	assert_string_equal(target(REPAIR_PLANNED, 0, 0, 0, REPAIR_DAMP_SIGNIFICANT, night),
			    "2026-07-15");
	/* Hours are hours, whatever the zone. */
	assert_string_equal(target(REPAIR_EMERGENCY, 0, 0, 0, REPAIR_DAMP_NONE, night),
			    "2026-07-01T23:30:00Z");
	struct repair_target_in in = { night, REPAIR_ROUTINE, 3, 0, 0, REPAIR_DAMP_NONE };
	assert_int_equal(repair_rtr_due(&rules, &hols, &in, due), 0);
	assert_string_equal(due, "2026-07-06");
	/* Winter: London is on UTC, and 23:30 is still that day. */
	const char *winter = "2026-01-15T23:30:00Z";   /* a Thursday */
	assert_string_equal(target(REPAIR_URGENT, 0, 0, 0, REPAIR_DAMP_NONE, winter), "2026-01-22");
	in.reported_at = winter;
	assert_int_equal(repair_rtr_due(&rules, &hols, &in, due), 0);
	assert_string_equal(due, "2026-01-20");
	/* A date target ends with its local day: reported at 00:15 on Tuesday
	 * 30 June in London, one working day is Wednesday 1 July, over at
	 * 22:59:59 UTC; 48 hours is 23:15 UTC that day, an hour later. */
	struct repair_rules slow = rules;
	slow.damp_emergency_hours = 48;
	char out[REPAIR_INSTANT_LEN];
	struct repair_target_in both = { "2026-06-29T23:15:00Z", REPAIR_ROUTINE, 1, 0, 0,
					 REPAIR_DAMP_EMERGENCY };
	assert_int_equal(repair_target(&slow, &hols, &both, out), 0);
	assert_string_equal(out, "2026-07-01");
	slow.damp_emergency_hours = 47;
	assert_int_equal(repair_target(&slow, &hols, &both, out), 0);
	assert_string_equal(out, "2026-07-01T22:15:00Z");
	assert_int_equal(zone_set("UTC"), 0);
}

static void targets_pass_at_the_end_of_their_day(void **state)
{
	const char *now = "2026-11-22T12:00:00Z", *today = "2026-11-22";
	assert_false(repair_target_passed("2026-11-22", now, today));
	assert_true(repair_target_passed("2026-11-21", now, today));
	assert_true(repair_target_passed("2026-11-22T11:59:59Z", now, today));
	assert_false(repair_target_passed("2026-11-22T12:00:00Z", now, today));
	assert_false(repair_target_passed("", now, today));
}

/* Working days late: after the target's local day up to today, weekends
 * and the bank holidays (25 and 28 December 2026, 1 January 2027) left out. */
static void working_days_late_skip_weekends_and_bank_holidays(void **state)
{
	(void)state;
	/* Due Friday 18 December: the weekend adds nothing, Monday is the first. */
	assert_int_equal(repair_working_days_late("2026-12-18", "2026-12-18", &hols), 0);
	assert_int_equal(repair_working_days_late("2026-12-18", "2026-12-19", &hols), 0);
	assert_int_equal(repair_working_days_late("2026-12-18", "2026-12-20", &hols), 0);
	assert_int_equal(repair_working_days_late("2026-12-18", "2026-12-21", &hols), 1);
	/* Through Christmas: 21-24 (4), 25 holiday, weekend, 28 holiday, 29-31 (3),
	 * 1 January holiday, weekend, 4 January (1). */
	assert_int_equal(repair_working_days_late("2026-12-18", "2026-12-24", &hols), 4);
	assert_int_equal(repair_working_days_late("2026-12-18", "2026-12-28", &hols), 4);
	assert_int_equal(repair_working_days_late("2026-12-18", "2027-01-04", &hols), 8);
	/* Without the holidays the same span is 11 working days. */
	assert_int_equal(repair_working_days_late("2026-12-18", "2027-01-04", NULL), 11);
	/* An emergency's instant counts from its local day: 23:30 UTC on
	 * Thursday 24 December is still the 24th in London in winter. */
	assert_int_equal(zone_set("Europe/London"), 0);
	assert_int_equal(repair_working_days_late("2026-12-24T23:30:00Z", "2026-12-29", &hols), 1);
	/* In summer 23:30 UTC is the next day: Friday 3 July, not Thursday. */
	assert_int_equal(repair_working_days_late("2026-07-02T23:30:00Z", "2026-07-06", &hols), 1);
	assert_int_equal(repair_working_days_late("2026-07-02T22:30:00Z", "2026-07-06", &hols), 2);
	assert_int_equal(zone_set("UTC"), 0);
	/* Not yet due, or nothing to read. */
	assert_int_equal(repair_working_days_late("2026-12-30", "2026-12-21", &hols), 0);
	assert_int_equal(repair_working_days_late("", "2026-12-21", &hols), 0);
	assert_int_equal(repair_working_days_late("soon", "2026-12-21", &hols), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_allowed_move_and_no_other),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(priority_targets_skip_weekends_and_bank_holidays),
		cmocka_unit_test(emergency_is_24_hours_even_over_a_holiday),
		cmocka_unit_test(right_to_repair_wins_when_tighter),
		cmocka_unit_test(damp_and_mould_targets),
		cmocka_unit_test(compensation_is_capped),
		cmocka_unit_test(bad_input_gives_no_target),
		cmocka_unit_test(instants_parse_and_print),
		cmocka_unit_test(working_days_count_from_the_local_day_of_the_report),
		cmocka_unit_test(targets_pass_at_the_end_of_their_day),
		cmocka_unit_test(working_days_late_skip_weekends_and_bank_holidays),
	};
	return cmocka_run_group_tests(tests, setup_holidays, NULL);
}
