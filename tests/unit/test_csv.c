/* tests/unit/test_csv.c: src/core/csv.c. What is written is read back by a
 * small RFC 4180 reader of the test's own (read_csv), so a round trip
 * checks the quoting rather than our idea of it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "coopdesk/csv.h"

#define MAX_CELLS 16
#define CELL_MAX 256

/* A file read back: rows of cells. */
struct parsed {
	int rows;
	int cells[8];
	char cell[8][MAX_CELLS][CELL_MAX];
	int bom;
};

/* Reads RFC 4180 text: rows end with CR LF; a quoted cell may hold
 * commas, CR, LF and doubled quotes. Returns 0, or -1 on text that is not
 * well-formed (a quote inside an unquoted cell, a bare LF ending a row, a
 * row without its CR LF). */
static int read_csv(const char *s, struct parsed *p)
{
	memset(p, 0, sizeof *p);
	if (strncmp(s, CSV_BOM, 3) == 0) {
		p->bom = 1;
		s += 3;
	}
	while (*s) {
		int row = p->rows++, c = 0;
		for (;;) {
			char *out = p->cell[row][c];
			size_t len = 0;
			if (*s == '"') {
				s++;
				for (;;) {
					if (!*s)
						return -1;
					if (*s == '"' && s[1] == '"') {
						out[len++] = '"';
						s += 2;
					} else if (*s == '"') {
						s++;
						break;
					} else {
						out[len++] = *s++;
					}
				}
			} else {
				while (*s && *s != ',' && *s != '\r' && *s != '\n') {
					if (*s == '"')
						return -1;
					out[len++] = *s++;
				}
			}
			out[len] = '\0';
			c++;
			if (*s == ',') {
				s++;
				continue;
			}
			if (s[0] == '\r' && s[1] == '\n') {
				s += 2;
				break;
			}
			return -1;
		}
		p->cells[row] = c;
	}
	return 0;
}

static void put_all(struct csv_writer *w, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		csv_text(w, cells[i]);
	csv_end_row(w);
}

static void cells_quoted_only_when_needed(void **state)
{
	(void)state;
	char out[64];
	assert_int_equal(csv_cell("plain", out, sizeof out), 5);
	assert_string_equal(out, "plain");
	csv_cell("1 Mill Lane, Rochdale", out, sizeof out);
	assert_string_equal(out, "\"1 Mill Lane, Rochdale\"");
	csv_cell("say \"hi\"", out, sizeof out);
	assert_string_equal(out, "\"say \"\"hi\"\"\"");
	csv_cell("two\nlines", out, sizeof out);
	assert_string_equal(out, "\"two\nlines\"");
	csv_cell("cr\rhere", out, sizeof out);
	assert_string_equal(out, "\"cr\rhere\"");
	csv_cell("", out, sizeof out);
	assert_string_equal(out, "");
	csv_cell(NULL, out, sizeof out);
	assert_string_equal(out, "");
	csv_cell("O'Brien; semi colons and spaces ", out, sizeof out);
	assert_string_equal(out, "O'Brien; semi colons and spaces ");
	assert_int_equal(csv_needs_quotes("a,b"), 1);
	assert_int_equal(csv_needs_quotes("ab"), 0);
}

static void a_cell_too_big_for_the_buffer_is_not_half_written(void **state)
{
	(void)state;
	char out[8];
	memset(out, 'x', sizeof out);
	/* "a,b,c,d" needs quotes: 9 bytes, 10 with the NUL. */
	assert_int_equal(csv_cell("a,b,c,d", out, sizeof out), 9);
	assert_string_equal(out, "");
	char fits[10];
	assert_int_equal(csv_cell("a,b,c,d", fits, sizeof fits), 9);
	assert_string_equal(fits, "\"a,b,c,d\"");
	assert_int_equal(csv_cell("a,b,c,d", NULL, 0), 9);
}

static void formula_cells_are_made_safe(void **state)
{
	(void)state;
	char out[64];
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0" },
		{ "=1+2", "'=1+2" },
		{ "+44 1706 123456", "'+44 1706 123456" },
		{ "-2", "'-2" },
		{ "@SUM(A1:A9)", "'@SUM(A1:A9)" },
		{ "\t=1", "'\t=1" },
		{ "\r=1", "\"'\r=1\"" },
		{ "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
		{ "a=b", "a=b" },
		{ " =1", " =1" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		csv_cell(cases[i].in, out, sizeof out);
		assert_string_equal(out, cases[i].out);
	}
	assert_int_equal(csv_is_formula("=x"), 1);
	assert_int_equal(csv_is_formula("x="), 0);
	assert_int_equal(csv_is_formula(""), 0);
	assert_int_equal(csv_is_formula(NULL), 0);
}

static void our_own_numbers_amounts_and_dates_are_not_prefixed(void **state)
{
	(void)state;
	char buf[256];
	struct csv_buf b;
	struct csv_writer w;
	csv_buf_init(&b, buf, sizeof buf);
	csv_writer_init(&w, csv_put_buf, &b);
	csv_int(&w, -1);
	csv_int(&w, 42);
	csv_amount(&w, -300);
	csv_amount(&w, 123456);
	csv_amount(&w, 5);
	csv_amount(&w, 0);
	csv_date(&w, "2026-11-22");
	csv_date(&w, "22/11/2026");
	csv_date(&w, "");
	csv_date(&w, "=not a date");
	csv_end_row(&w);
	assert_false(b.overflow);
	assert_string_equal(buf, "-1,42,-3.00,1234.56,0.05,0.00,2026-11-22,2026-11-22,,'=not a date\r\n");
}

static void rows_end_with_crlf_and_round_trip(void **state)
{
	(void)state;
	char buf[1024];
	struct csv_buf b;
	struct csv_writer w;
	struct parsed p;
	static const char *const header[] = { "member_no", "name", "address", "note" };
	static const char *const row1[] = { "7", "Łukasz Wróbel", "3 Birch Row, Rochdale",
					    "first line\r\nsecond line" };
	static const char *const row2[] = { "8", "李小龍", "", "she said \"no\", twice" };
	static const char *const row3[] = { "9", "=cmd|' /C calc'!A0", "@x", "\n" };
	csv_buf_init(&b, buf, sizeof buf);
	csv_writer_init(&w, csv_put_buf, &b);
	csv_bom(&w);
	put_all(&w, header, 4);
	put_all(&w, row1, 4);
	put_all(&w, row2, 4);
	put_all(&w, row3, 4);
	assert_false(b.overflow);
	static const char first[] = CSV_BOM "member_no,name,address,note\r\n";
	assert_memory_equal(buf, first, sizeof first - 1);
	/* Every row ends CR LF; no LF stands alone outside quotes. */
	assert_int_equal(buf[b.len - 2], '\r');
	assert_int_equal(buf[b.len - 1], '\n');

	assert_int_equal(read_csv(buf, &p), 0);
	assert_true(p.bom);
	assert_int_equal(p.rows, 4);
	for (int r = 0; r < 4; r++)
		assert_int_equal(p.cells[r], 4);
	const char *const *rows[] = { header, row1, row2 };
	for (int r = 0; r < 3; r++)
		for (int c = 0; c < 4; c++)
			assert_string_equal(p.cell[r][c], rows[r][c]);
	assert_string_equal(p.cell[1][1], "Łukasz Wróbel");
	assert_string_equal(p.cell[1][3], "first line\r\nsecond line");
	/* Formula cells come back with their quote mark, as text. */
	assert_string_equal(p.cell[3][1], "'=cmd|' /C calc'!A0");
	assert_string_equal(p.cell[3][2], "'@x");
	assert_string_equal(p.cell[3][3], "\n");
}

static void no_bom_unless_asked(void **state)
{
	(void)state;
	char buf[64];
	struct csv_buf b;
	struct csv_writer w;
	struct parsed p;
	csv_buf_init(&b, buf, sizeof buf);
	csv_writer_init(&w, csv_put_buf, &b);
	csv_text(&w, "Łukasz");
	csv_end_row(&w);
	assert_string_equal(buf, "Łukasz\r\n");
	assert_int_equal(read_csv(buf, &p), 0);
	assert_false(p.bom);
	assert_string_equal(p.cell[0][0], "Łukasz");
}

static void a_full_buffer_overflows_cleanly(void **state)
{
	(void)state;
	char buf[8];
	struct csv_buf b;
	struct csv_writer w;
	csv_buf_init(&b, buf, sizeof buf);
	csv_writer_init(&w, csv_put_buf, &b);
	csv_text(&w, "abc");
	csv_text(&w, "defghij");
	csv_end_row(&w);
	assert_true(b.overflow);
	assert_string_equal(buf, "abc,");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_quoted_only_when_needed),
		cmocka_unit_test(a_cell_too_big_for_the_buffer_is_not_half_written),
		cmocka_unit_test(formula_cells_are_made_safe),
		cmocka_unit_test(our_own_numbers_amounts_and_dates_are_not_prefixed),
		cmocka_unit_test(rows_end_with_crlf_and_round_trip),
		cmocka_unit_test(no_bom_unless_asked),
		cmocka_unit_test(a_full_buffer_overflows_cleanly),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
