/*
 * src/cli/demo_gen.h: private to `coopdesk demo` (src/cli/demo*.c).
 *
 * The demo co-op is made in two steps. First a plan (demo_plan.c): homes,
 * members and tenancies as small structs of indexes and day numbers, drawn
 * from seeded generators, with nothing written. Then the plan is played
 * through the data layer's API in the order things happened
 * (demo_people.c: homes, members, tenancies and the rent, week by week),
 * and the rest is added on top of it: officers and meetings
 * (demo_meetings.c), decisions, participation, complaints and the like
 * (demo_office.c), and repairs (demo_repairs.c, streamed: one repair in
 * memory at a time). demo_util.c has what they share; demo.c is the
 * command, and holds the one transaction around it all.
 *
 * Days are day numbers (date.h: days since 1970-01-01); NO_DAY is none.
 */
#ifndef COOPDESK_DEMO_GEN_H
#define COOPDESK_DEMO_GEN_H

#include <stdint.h>
#include <stdio.h>

#include "coopdesk/date.h"
#include "coopdesk/db.h"

#define NO_DAY INT32_MIN

/* A small seeded generator (xorshift64*), one per part of the co-op so that
 * the people stay the same whatever else changes. */
struct demo_rng {
	uint64_t s;
};
void rng_seed(struct demo_rng *r, uint64_t seed, uint64_t stream);
uint64_t rng_next(struct demo_rng *r);
/* 0 .. n-1 (n >= 1). */
int64_t rng_below(struct demo_rng *r, int64_t n);
/* lo .. hi, both included. */
int64_t rng_range(struct demo_rng *r, int64_t lo, int64_t hi);
/* 1 with a chance of `per_mille` in a thousand. */
int rng_chance(struct demo_rng *r, int per_mille);

struct demo_config {
	int64_t homes, members, repairs;
	uint64_t seed;
	int rent_weeks;          /* 0: the whole history; else the last N weeks only */
	int progress;            /* print progress to stderr */
	int through_api;         /* each repair's every step through the API (slow) */
};

enum home_kind { KIND_HOUSE, KIND_FLAT, KIND_MAISONETTE, KIND_BUNGALOW, KIND_BEDSIT };

struct demo_home {
	int64_t id;
	int32_t rent0;           /* weekly pence when the co-op was founded */
	int32_t street;          /* index: < 6 the six streets, else generated */
	int32_t number;          /* house or flat number */
	int32_t ten[2];          /* its tenancies, oldest first; -1 none */
	uint8_t kind;            /* enum home_kind */
	uint8_t bedrooms;
};

enum pay_how { PAY_WEEKLY, PAY_FOUR_WEEKLY, PAY_UC };
enum pay_habit { HABIT_GOOD, HABIT_MISSES, HABIT_SHORT, HABIT_CREDIT, HABIT_LEAVES_ARREARS };

struct demo_tenancy {
	int64_t id, version;
	int32_t home;
	int32_t start, end;      /* end NO_DAY while current */
	int32_t sig[2];          /* member indexes */
	int32_t adjust_day;      /* a goodwill credit on this Monday; NO_DAY none */
	uint16_t miss_mask;      /* HABIT_MISSES: weeks (0 = this week) not paid */
	int16_t delta;           /* pence a week paid over (+) or under (-) */
	uint8_t nsig;
	uint8_t how;             /* enum pay_how */
	uint8_t habit;           /* enum pay_habit */
	uint8_t payday;          /* 0 Monday .. 4 Friday */
	uint8_t how_word;        /* index into demo_pay_weekly */
	uint8_t noccupants;
	uint8_t kind;            /* 0 assured, 1 licence */
};

struct demo_member {
	int64_t id;
	int32_t entered, ceased; /* ceased NO_DAY while a member */
	int32_t born;            /* NO_DAY when not given */
	int32_t home;            /* whose address: a home index */
	int32_t tenancy;         /* a tenancy they sign, or -1 */
	int16_t given, family;   /* indexes into demo_given, demo_family */
	int16_t whole;           /* index into demo_whole_names, or -1 */
	uint8_t email, phone;    /* 0: none; else which form (1-based) */
	uint8_t former_tenant;
};

/* What happens on a day, played in the order of (day, kind, index). */
enum event_kind { EV_END, EV_CEASE, EV_ADMIT, EV_START };
struct demo_event {
	int32_t day;
	int32_t index;
	uint8_t kind;
};

/* The demo's meetings, oldest first; the last is still to come. */
enum { MT_GM, MT_BOARD1, MT_AGM1, MT_SGM, MT_BOARD2, MT_AGM2, MT_NEXT, MT_COUNT };

struct demo_counts {
	int64_t charges, payments, adjustments, refunds;
	int64_t occupants, joint;
	int64_t repairs_by_status[8];
	int64_t overdue, reopened, damp, rtr, emergencies;
	int64_t meetings, meetings_held, motions, votes, decisions, actions, actions_overdue;
	int64_t participation, officers, complaints, sars, properties;
};

struct demo {
	struct db *db;
	struct actor who;
	struct repair_bulk *bulk;   /* the repairs' bulk path (repair_bulk.h) */
	FILE *err;
	struct demo_config cfg;
	struct demo_rng people, rent, repairs, meetings;
	/* Dates. */
	int32_t today, founded, rent_from;
	int64_t now;             /* seconds since 1970 (UTC): the latest a thing may be dated */
	double started;          /* when generation began (CLOCK_MONOTONIC seconds) */
	char today_iso[DATE_BUFSZ];
	/* The plan. */
	struct demo_home *homes;
	int64_t nhomes;
	int32_t nstreets, per_street;
	struct demo_member *members;
	int64_t nmembers;
	struct demo_tenancy *tens;
	int64_t ntens;
	struct demo_event *events;
	int64_t nevents;
	int next_whole;          /* the next of demo_whole_names to give */
	/* Who the demo's users are (member indexes), and officers. */
	int32_t user_board, user_volunteer, user_member;
	int32_t chair, secretary, treasurer, directors[6];
	int ndirectors;
	int32_t director_new, director_left, treasurer_new;
	int64_t contractor_ids[6];
	int64_t meeting_ids[MT_COUNT];
	struct demo_counts n;
	char errbuf[1200];       /* what failed, in words, for the command to print */
};

/* Records the first failure: what was being done, and the database's words.
 * Returns rc. */
int demo_fail(struct demo *d, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Seconds since some fixed point, for timings. */
double demo_seconds(void);

/* Prints a progress line to stderr when cfg.progress is on. */
void demo_progress(struct demo *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Day numbers, dates and instants. */
void demo_iso(int32_t day, char out[11]);   /* ISO_DATE_LEN */
int32_t demo_monday_on_or_before(int32_t day);
/* A day `years` years and `days` days before `day`. */
int32_t demo_years_before(int32_t day, int years, int days);
void demo_instant(int64_t secs, char out[21]);

/* A member's name and address, written into the buffers. */
void demo_member_name(const struct demo_member *m, char *buf, size_t n);
void demo_home_address(const struct demo *d, int32_t home, char *buf, size_t n,
		       char *postcode, size_t pn);
void demo_home_ref(const struct demo *d, int32_t home, char *buf, size_t n);
const char *demo_home_street(const struct demo *d, int32_t home, char *buf, size_t n);

/* The tenancy (index) of a home on a day, or -1 when it stood empty. */
int32_t demo_tenancy_on(const struct demo *d, int32_t home, int32_t day);

/* Is member `i` on the register at the end of `day`? */
int demo_member_on(const struct demo *d, int64_t i, int32_t day);

/* The day of meeting k (MT_...). */
int32_t demo_meeting_day(const struct demo *d, int k);

/* Is member i on the board on `day`? */
int demo_on_board(const struct demo *d, int32_t i, int32_t day);

/* The weekly rent of a home in force on `day` (pence). */
int64_t demo_rent_on(const struct demo *d, const struct demo_home *h, int32_t day);

/* The steps. Each returns 0, or a db status after demo_fail. */
int demo_plan(struct demo *d);
void demo_plan_free(struct demo *d);
int demo_homes(struct demo *d);
int demo_timeline(struct demo *d);
int demo_officers(struct demo *d);
int demo_meetings(struct demo *d);
int demo_decisions(struct demo *d);
int demo_office(struct demo *d);
int demo_repairs(struct demo *d);

#endif
