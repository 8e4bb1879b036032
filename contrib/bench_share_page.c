/*
 * contrib/bench_share_page.c: how long share_op_page takes to read a page
 * of the share register, running totals included, at the start, in the
 * middle and at the end of a big register, and one member's operations.
 * contrib/bench-share-register.sh makes the register and runs this.
 *
 *	bench_share_page DB [PAGE]     (PAGE rows a page, default 50)
 *
 * Each case is read 21 times; the median, fastest and slowest are shown,
 * twice: straight after reading the first page (a jump: the totals are
 * summed from there, so the cost grows with the distance), and then the
 * page after it (scrolling on: the totals go on from the page before).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "coopdesk/db.h"
#include "coopdesk/shares.h"

#define RUNS 21
#define PAGE_MAX 200

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
	struct db *db;
	char err[600];
	int page = argc > 2 ? atoi(argv[2]) : 50;
	if (argc < 2 || page < 1 || page > PAGE_MAX) {
		fprintf(stderr, "usage: bench_share_page DB [PAGE (1 to %d)]\n", PAGE_MAX);
		return 2;
	}
	if (db_open(argv[1], DB_OPEN_READONLY, &db, err, sizeof err)) {
		fprintf(stderr, "bench_share_page: %s\n", err);
		return 1;
	}
	struct actor who = actor_system("bench");
	struct share_op_row rows[PAGE_MAX], last;
	int n;
	if (share_op_page(db, &who, 0, PAGE_LAST, NULL, &last, 1, &n) || n != 1) {
		fprintf(stderr, "bench_share_page: the register is empty or unreadable: %s\n",
			db_errmsg(db));
		return 1;
	}
	int64_t ops = last.op_no;
	const struct {
		const char *name;
		enum page_dir dir;
		int64_t key, member;
	} cases[] = {
		{ "the first page", PAGE_FIRST, 0, 0 },
		{ "after the middle operation", PAGE_AFTER, ops / 2, 0 },
		{ "before the middle operation", PAGE_BEFORE, ops / 2, 0 },
		{ "the last page", PAGE_LAST, 0, 0 },
		{ "the last operation's member, all theirs", PAGE_FIRST, 0, last.member_id },
	};
	printf("share_op_page on %lld operations, %d rows a page, medians of %d (fastest to slowest)\n",
	       (long long)ops, page, RUNS);
	printf("  %-42s %-22s %-24s %s\n", "", "rows", "jumped to from page 1",
	       "then the next page");
	for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		double jump[RUNS], next[RUNS];
		int got = 0;
		int64_t from = 0;
		for (int r = 0; r < RUNS; r++) {
			struct page_key key = { .num = cases[c].key };
			if (share_op_page(db, &who, 0, PAGE_FIRST, NULL, rows, page, &n))
				goto failed;
			double t0 = seconds();
			if (share_op_page(db, &who, cases[c].member, cases[c].dir,
					  cases[c].key ? &key : NULL, rows, page, &n))
				goto failed;
			double t1 = seconds();
			got = n;
			from = n ? rows[0].op_no : 0;
			/* On in the same direction: after the last row, or before the first. */
			int back = cases[c].dir == PAGE_LAST || cases[c].dir == PAGE_BEFORE;
			if (n)
				share_op_row_key(&rows[back ? 0 : n - 1], &key);
			double t2 = seconds();
			if (n && share_op_page(db, &who, cases[c].member, back ? PAGE_BEFORE : PAGE_AFTER,
					       &key, rows, page, &n))
				goto failed;
			double t3 = seconds();
			jump[r] = t1 - t0;
			next[r] = t3 - t2;
		}
		qsort(jump, RUNS, sizeof jump[0], by_value);
		qsort(next, RUNS, sizeof next[0], by_value);
		char rowsdesc[32];
		snprintf(rowsdesc, sizeof rowsdesc, "%d from op %lld", got, (long long)from);
		printf("  %-42s %-22s %6.2f ms (%.2f-%.2f)  %6.2f ms (%.2f-%.2f)\n", cases[c].name,
		       rowsdesc, jump[RUNS / 2] * 1e3, jump[0] * 1e3, jump[RUNS - 1] * 1e3,
		       next[RUNS / 2] * 1e3, next[0] * 1e3, next[RUNS - 1] * 1e3);
	}
	db_close(db);
	return 0;
failed:
	fprintf(stderr, "bench_share_page: %s\n", db_errmsg(db));
	db_close(db);
	return 1;
}
