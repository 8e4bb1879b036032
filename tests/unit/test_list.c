/* tests/unit/test_list.c: the virtual list (src/ui/list.c) over a source of
 * 1,000 rows held in memory, paged as the data layer pages: both ways, to
 * the ends, across a resize, and reading again around the selected row
 * when rows come and go. The list never holds more than three screenfuls. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/ui/list.h"

#define ROWS_MAX 2000

/* The source: values in ascending order, some of them gone. */
struct source {
	int present[ROWS_MAX + 2];
	int fetches;
	int most_asked;
};

struct row {
	int64_t v;
};

static int src_fetch(void *ctx, enum page_dir dir, const struct page_key *key, void *rows,
		     int max, int *n)
{
	struct source *s = ctx;
	struct row *out = rows;
	*n = 0;
	s->fetches++;
	if (max > s->most_asked)
		s->most_asked = max;
	int forward = dir == PAGE_FIRST || dir == PAGE_AFTER;
	int64_t from = dir == PAGE_FIRST ? 1 : dir == PAGE_LAST ? ROWS_MAX
		     : dir == PAGE_AFTER ? key->id + 1 : key->id - 1;
	for (int64_t v = from; v >= 1 && v <= ROWS_MAX && *n < max; v += forward ? 1 : -1)
		if (s->present[v])
			out[(*n)++].v = v;
	if (!forward) /* back to display order, as db_page_end does */
		for (int i = 0, j = *n - 1; i < j; i++, j--) {
			struct row t = out[i];
			out[i] = out[j];
			out[j] = t;
		}
	return 0;
}

static void src_key(void *ctx, const void *row, struct page_key *key)
{
	(void)ctx;
	memset(key, 0, sizeof *key);
	key->id = ((const struct row *)row)->v;
}

static int64_t src_count(void *ctx)
{
	struct source *s = ctx;
	int64_t n = 0;
	for (int v = 1; v <= ROWS_MAX; v++)
		n += s->present[v];
	return n;
}

static const struct list_source source = {
	.row_size = sizeof(struct row),
	.fetch = src_fetch,
	.key_of = src_key,
	.count = src_count,
};

static struct source *thousand(void)
{
	struct source *s = calloc(1, sizeof *s);
	for (int v = 1; v <= 1000; v++)
		s->present[v] = 1;
	return s;
}

static int64_t selected(struct list *l)
{
	const struct row *r = list_selected(l);
	return r ? r->v : -1;
}

/* The list's invariants, after every move. */
static void check(struct list *l)
{
	assert_true(l->n <= l->cap);
	assert_int_equal(l->cap, 3 * l->height);
	assert_true(l->sel >= 0 && l->sel < l->n);
	assert_true(l->top <= l->sel && l->sel < l->top + l->height);
}

static void down_and_up_one_at_a_time(void **state)
{
	(void)state;
	struct app app;
	struct list l;
	struct source *s = thousand();
	char pos[64], want[64];
	memset(&app, 0, sizeof app);
	assert_int_equal(list_init(&l, &app, &source, s), 0);
	list_resize(&l, 20);
	assert_int_equal(list_reload(&l), 0);
	for (int i = 1; i <= 1000; i++) {
		check(&l);
		assert_int_equal(selected(&l), i);
		if (i < 1000)
			snprintf(want, sizeof want, "row %d of 1,000", i);
		else
			snprintf(want, sizeof want, "row 1,000 of 1,000");
		assert_string_equal(list_position(&l, pos, sizeof pos), want);
		list_handle(&l, ACT_DOWN);
	}
	assert_int_equal(selected(&l), 1000); /* the end holds */
	for (int i = 1000; i >= 1; i--) {
		check(&l);
		assert_int_equal(selected(&l), i);
		list_handle(&l, ACT_UP);
	}
	assert_int_equal(selected(&l), 1);
	/* Never more asked for than the rows it holds. */
	assert_true(s->most_asked <= 60);
	list_free(&l);
	free(s);
}

static void pages_and_ends(void **state)
{
	(void)state;
	struct app app;
	struct list l;
	struct source *s = thousand();
	char pos[64];
	memset(&app, 0, sizeof app);
	assert_int_equal(list_init(&l, &app, &source, s), 0);
	list_resize(&l, 20);
	list_reload(&l);
	for (int i = 0; i < 10; i++)
		list_handle(&l, ACT_PAGE_DOWN);
	check(&l);
	assert_int_equal(selected(&l), 201);
	list_handle(&l, ACT_LAST);
	check(&l);
	assert_int_equal(selected(&l), 1000);
	assert_string_equal(list_position(&l, pos, sizeof pos), "row 1,000 of 1,000");
	for (int i = 0; i < 3; i++)
		list_handle(&l, ACT_PAGE_UP);
	check(&l);
	assert_int_equal(selected(&l), 940);
	assert_string_equal(list_position(&l, pos, sizeof pos), "row 940 of 1,000");
	for (int i = 0; i < 100; i++)
		list_handle(&l, ACT_PAGE_UP);
	assert_int_equal(selected(&l), 1);
	assert_string_equal(list_position(&l, pos, sizeof pos), "row 1 of 1,000");
	list_handle(&l, ACT_LAST);
	list_handle(&l, ACT_FIRST);
	assert_int_equal(selected(&l), 1);
	list_free(&l);
	free(s);
}

static void a_resize_keeps_the_selection(void **state)
{
	(void)state;
	struct app app;
	struct list l;
	struct source *s = thousand();
	memset(&app, 0, sizeof app);
	assert_int_equal(list_init(&l, &app, &source, s), 0);
	list_resize(&l, 20);
	list_reload(&l);
	for (int i = 0; i < 517; i++)
		list_handle(&l, ACT_DOWN);
	assert_int_equal(selected(&l), 518);
	list_resize(&l, 7);
	check(&l);
	assert_int_equal(selected(&l), 518);
	list_resize(&l, 40);
	check(&l);
	assert_int_equal(selected(&l), 518);
	/* And it still moves both ways from there. */
	for (int i = 0; i < 100; i++)
		list_handle(&l, ACT_DOWN);
	assert_int_equal(selected(&l), 618);
	for (int i = 0; i < 200; i++)
		list_handle(&l, ACT_UP);
	assert_int_equal(selected(&l), 418);
	list_free(&l);
	free(s);
}

static void reading_again_keeps_the_record(void **state)
{
	(void)state;
	struct app app;
	struct list l;
	struct source *s = thousand();
	memset(&app, 0, sizeof app);
	assert_int_equal(list_init(&l, &app, &source, s), 0);
	list_resize(&l, 20);
	list_reload(&l);
	for (int i = 0; i < 499; i++)
		list_handle(&l, ACT_DOWN);
	assert_int_equal(selected(&l), 500);
	int line = l.sel - l.top;
	/* Rows before it come and go: it stays selected, on the same line. */
	s->present[10] = s->present[11] = 0;
	s->present[1500] = 1;
	assert_int_equal(list_reload_keep(&l), 0);
	check(&l);
	assert_int_equal(selected(&l), 500);
	assert_int_equal(l.sel - l.top, line);
	/* It goes: the row that took its place is selected. */
	s->present[500] = 0;
	assert_int_equal(list_reload_keep(&l), 0);
	check(&l);
	assert_int_equal(selected(&l), 501);
	list_handle(&l, ACT_UP);
	assert_int_equal(selected(&l), 499);
	/* Near the start: the position is known again. */
	char pos[64];
	list_handle(&l, ACT_FIRST);
	list_handle(&l, ACT_DOWN);
	assert_int_equal(list_reload_keep(&l), 0);
	assert_int_equal(selected(&l), 2);
	assert_string_equal(list_position(&l, pos, sizeof pos), "row 2 of 998");
	list_free(&l);
	free(s);
}

static int64_t no_count(void *ctx)
{
	(void)ctx;
	return -1;
}

static void unknown_counts(void **state)
{
	(void)state;
	struct app app;
	struct list l;
	struct source *s = thousand();
	struct list_source uncounted = source;
	char pos[64];
	uncounted.count = no_count;
	memset(&app, 0, sizeof app);
	assert_int_equal(list_init(&l, &app, &uncounted, s), 0);
	list_resize(&l, 20);
	list_reload(&l);
	list_handle(&l, ACT_DOWN);
	assert_string_equal(list_position(&l, pos, sizeof pos), "row 2 of many");
	/* A list held whole is counted for nothing. */
	for (int v = 31; v <= 1000; v++)
		s->present[v] = 0;
	list_reload(&l);
	assert_string_equal(list_position(&l, pos, sizeof pos), "row 1 of 30");
	for (int v = 1; v <= 1000; v++)
		s->present[v] = 0;
	list_reload(&l);
	assert_null(list_selected(&l));
	assert_string_equal(list_position(&l, pos, sizeof pos), "no rows");
	list_free(&l);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(down_and_up_one_at_a_time),
		cmocka_unit_test(pages_and_ends),
		cmocka_unit_test(a_resize_keeps_the_selection),
		cmocka_unit_test(reading_again_keeps_the_record),
		cmocka_unit_test(unknown_counts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
