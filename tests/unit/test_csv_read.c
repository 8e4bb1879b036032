/* Unit tests for src/core/csv_read.c: the CSV reader, header names, dates
 * and money in imported cells. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/csv_read.h"
#include "coopdesk/money.h"

/* Reads all of text (n bytes) and writes what was read, one line per
 * record: "L<line>:" then each field in [brackets], or "L<line>:BAD@<err
 * line>/<field>:<words>" for a bad record. */
static char *read_all(const char *text, size_t n, const struct csv_limits *lim, int use_file)
{
	static char out[8192];
	struct csv_record rec;
	struct csv_reader *r;
	FILE *fp = NULL;
	size_t len = 0;
	int rc;
	if (use_file) {
		fp = tmpfile();
		assert_non_null(fp);
		assert_int_equal(fwrite(text, 1, n, fp), n);
		rewind(fp);
		r = csv_reader_file(fp, lim);
	} else
		r = csv_reader_buf(text, n, lim);
	assert_non_null(r);
	out[0] = '\0';
	while ((rc = csv_read(r, &rec)) != CSV_EOF) {
		assert_true(rc == CSV_RECORD || rc == CSV_BAD);
		len += (size_t)snprintf(out + len, sizeof out - len, "L%ld:", rec.line);
		if (rc == CSV_BAD)
			len += (size_t)snprintf(out + len, sizeof out - len, "BAD@%ld/%zu:%s", rec.err_line,
			                        rec.err_field, rec.err);
		else
			for (size_t i = 0; i < rec.nfields; i++) {
				assert_int_equal(strlen(rec.field[i]), rec.len[i]);
				len += (size_t)snprintf(out + len, sizeof out - len, "[%s]", rec.field[i]);
			}
		len += (size_t)snprintf(out + len, sizeof out - len, "\n");
		assert_true(len < sizeof out);
	}
	csv_reader_free(r);
	if (fp)
		fclose(fp);
	return out;
}

/* The same text through a buffer and through a FILE * reads the same. */
static void expect(const char *text, size_t n, const char *want)
{
	char *got = read_all(text, n, NULL, 0);
	if (strcmp(got, want) != 0)
		fail_msg("buffer read gave\n%s\nexpected\n%s", got, want);
	got = read_all(text, n, NULL, 1);
	if (strcmp(got, want) != 0)
		fail_msg("file read gave\n%s\nexpected\n%s", got, want);
}
#define EXPECT(text, want) expect(text, sizeof text - 1, want)

static void test_plain(void **state)
{
	(void)state;
	EXPECT("a,b,c\n1,2,3\n", "L1:[a][b][c]\nL2:[1][2][3]\n");
	EXPECT("a,b\n1,2", "L1:[a][b]\nL2:[1][2]\n"); /* no line end at the end */
	EXPECT("", "");
	EXPECT("a,,\n", "L1:[a][][]\n");
	EXPECT("a\n\nb\n", "L1:[a]\nL2:[]\nL3:[b]\n");
}

static void test_bom(void **state)
{
	struct csv_reader *r;
	struct csv_record rec;
	(void)state;
	EXPECT("\xEF\xBB\xBFMember No,Name\r\n1,Ann\r\n", "L1:[Member No][Name]\nL2:[1][Ann]\n");
	EXPECT("\xEF\xBB\xBF", "");
	/* A mark anywhere but the start is text (U+FEFF), kept. */
	EXPECT("a,\xEF\xBB\xBF" "b\n", "L1:[a][\xEF\xBB\xBF" "b]\n");
	r = csv_reader_buf("\xEF\xBB\xBFx\n", 5, NULL);
	assert_int_equal(csv_read(r, &rec), CSV_RECORD);
	assert_int_equal(csv_reader_had_bom(r), 1);
	csv_reader_free(r);
	r = csv_reader_buf("x\n", 2, NULL);
	assert_int_equal(csv_read(r, &rec), CSV_RECORD);
	assert_int_equal(csv_reader_had_bom(r), 0);
	csv_reader_free(r);
}

static void test_line_ends(void **state)
{
	(void)state;
	EXPECT("a,b\r\nc,d\r\n", "L1:[a][b]\nL2:[c][d]\n");
	EXPECT("a,b\rc,d\r", "L1:[a][b]\nL2:[c][d]\n");
	EXPECT("a\r\n\r\nb", "L1:[a]\nL2:[]\nL3:[b]\n");
}

static void test_quoted(void **state)
{
	(void)state;
	EXPECT("\"Smith, Ann\",\"say \"\"hi\"\"\"\n", "L1:[Smith, Ann][say \"hi\"]\n");
	EXPECT("\"\",\"\"\"\"\n", "L1:[][\"]\n");
	EXPECT("12\" pipe,x\n", "L1:[12\" pipe][x]\n");
	/* Embedded line ends: CR LF inside becomes LF; the next record's line
	 * is the physical line it starts on. */
	EXPECT("\"1 High St\r\nLeeds\",x\r\nnext,y\r\n",
	       "L1:[1 High St\nLeeds][x]\nL3:[next][y]\n");
	EXPECT("\"a\n\nb\",\"c\nd\"\ne\n", "L1:[a\n\nb][c\nd]\nL5:[e]\n");
	EXPECT("\"x\"", "L1:[x]\n");
}

static void test_unterminated(void **state)
{
	(void)state;
	EXPECT("a,b\n1,\"open\nstill\n",
	       "L1:[a][b]\nL2:BAD@2/2:field 2 opens a quote on line 2 that is never closed (the file "
	       "ends inside it)\n");
}

static void test_after_quote(void **state)
{
	(void)state;
	/* Reported, and the reader goes on with the next record. */
	EXPECT("\"ab\"c,d\nok\n",
	       "L1:BAD@1/1:field 1 has text after its closing quote (a quote inside a quoted field is "
	       "written twice: \"\")\nL2:[ok]\n");
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	/* Latin-1 é (0xE9) as a spreadsheet saves "CSV" without UTF-8. */
	EXPECT("name\nRen\xE9\nAnn\n",
	       "L1:[name]\nL2:BAD@2/1:field 1 is not valid UTF-8 (byte 0xE9); save the sheet as "
	       "\"CSV UTF-8\"\nL3:[Ann]\n");
	EXPECT("x,\xC3\n",
	       "L1:BAD@1/2:field 2 is not valid UTF-8 (byte 0xC3); save the sheet as "
	       "\"CSV UTF-8\"\n");
	EXPECT("\xFF\n", "L1:BAD@1/1:field 1 is not valid UTF-8 (byte 0xFF); save the sheet as "
	                 "\"CSV UTF-8\"\n");
	/* Overlong "/" and a surrogate are refused too. */
	EXPECT("\xC0\xAF\n", "L1:BAD@1/1:field 1 is not valid UTF-8 (byte 0xC0); save the sheet as "
	                     "\"CSV UTF-8\"\n");
	EXPECT("\xE0\x80\xAF\n", "L1:BAD@1/1:field 1 is not valid UTF-8 (byte 0xE0); save the sheet as "
	                         "\"CSV UTF-8\"\n");
	EXPECT("\xF4\x90\x80\x80\n", "L1:BAD@1/1:field 1 is not valid UTF-8 (byte 0xF4); save the sheet "
	                             "as \"CSV UTF-8\"\n");
	EXPECT("Ren\xE9" "e\n", "L1:BAD@1/1:field 1 is not valid UTF-8 (byte 0xE9); save the sheet "
	                       "as \"CSV UTF-8\"\n");
	EXPECT("\xED\xA0\x80\n", "L1:BAD@1/1:field 1 is not valid UTF-8 (byte 0xED); save the "
	                         "sheet as \"CSV UTF-8\"\n");
	/* The line named is the one the byte is on, inside a quoted field. */
	EXPECT("\"a\nb\nc\xFE\"\n",
	       "L1:BAD@3/1:field 1 is not valid UTF-8 (byte 0xFE); save the sheet as \"CSV UTF-8\"\n");
	/* Good UTF-8 of every length passes. */
	EXPECT("\xC5\x81ukasz,\xE2\x82\xAC,\xF0\x9F\x8F\xA0\n",
	       "L1:[\xC5\x81ukasz][\xE2\x82\xAC][\xF0\x9F\x8F\xA0]\n");
}

static void test_nul(void **state)
{
	static const char text[] = "a\0b\nc\n";
	(void)state;
	expect(text, sizeof text - 1,
	       "L1:BAD@1/1:a NUL byte (a zero byte, never found in text) in field 1\nL2:[c]\n");
}

static void test_limits(void **state)
{
	struct csv_limits lim = {.max_field = 4, .max_fields = 3, .max_record = 11};
	(void)state;
	assert_string_equal(read_all("abcd,e\nabcde\nok\n", 16, &lim, 0),
	                    "L1:[abcd][e]\nL2:BAD@2/1:field 1 is longer than 4 bytes (the limit)\nL3:[ok]\n");
	assert_string_equal(read_all("a,b,c,d\nok\n", 11, &lim, 1),
	                    "L1:BAD@1/4:more than 3 fields in one record (the limit)\nL2:[ok]\n");
	assert_string_equal(read_all("abc,abc,abc\nabcd,abcd,abc\n", 26, &lim, 0),
	                    "L1:[abc][abc][abc]\nL2:BAD@2/3:the record is longer than 11 bytes (the "
	                    "limit)\n");
}

/* A file longer than the reader's chunk, with a record across the seam. */
static void test_long_file(void **state)
{
	size_t n = 200000, k = 0;
	char *text = malloc(n + 100);
	FILE *fp = tmpfile();
	struct csv_reader *r;
	struct csv_record rec;
	long records = 0;
	(void)state;
	assert_non_null(text);
	while (k < n)
		k += (size_t)sprintf(text + k, "\"%07zu\nx\",\xC5\x81\r\n", k);
	fwrite(text, 1, k, fp);
	rewind(fp);
	r = csv_reader_file(fp, NULL);
	while (csv_read(r, &rec) == CSV_RECORD) {
		assert_int_equal(rec.nfields, 2);
		assert_int_equal(rec.line, records * 2 + 1);
		assert_string_equal(rec.field[1], "\xC5\x81");
		records++;
	}
	assert_int_equal(records, k / 16);
	csv_reader_free(r);
	fclose(fp);
	free(text);
}

static void test_blank(void **state)
{
	struct csv_reader *r = csv_reader_buf(",, ,\n,x\n", 8, NULL);
	struct csv_record rec;
	(void)state;
	assert_int_equal(csv_read(r, &rec), CSV_RECORD);
	assert_int_equal(csv_record_blank(&rec), 1);
	assert_int_equal(csv_read(r, &rec), CSV_RECORD);
	assert_int_equal(csv_record_blank(&rec), 0);
	assert_int_equal(csv_read(r, &rec), CSV_EOF);
	csv_reader_free(r);
}

static void test_header(void **state)
{
	char b[32];
	(void)state;
	csv_header_norm("Member No.", b, sizeof b);
	assert_string_equal(b, "memberno");
	csv_header_norm(" member_no ", b, sizeof b);
	assert_string_equal(b, "memberno");
	csv_header_norm("E-mail", b, sizeof b);
	assert_string_equal(b, "email");
	csv_header_norm("Café", b, sizeof b);
	assert_string_equal(b, "café");
	csv_header_norm("abcdef", b, 4);
	assert_string_equal(b, "abc");
	assert_true(csv_header_is("Member No", "member no|member number|no"));
	assert_true(csv_header_is("member_no", "member no|member number|no"));
	assert_true(csv_header_is("No.", "member no|member number|no"));
	assert_true(csv_header_is("MEMBER NUMBER", "member no|member number|no"));
	assert_false(csv_header_is("Member", "member no|member number|no"));
	assert_false(csv_header_is("", "member no|"));
	assert_false(csv_header_is("--", "member no|"));
	assert_false(csv_header_is("Name", ""));
}

static void test_dates(void **state)
{
	struct date d;
	(void)state;
	assert_int_equal(csv_parse_date("2026-02-28", &d), DATE_OK);
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20260228);
	assert_int_equal(csv_parse_date(" 05/01/2026 ", &d), DATE_OK);
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 20260105);
	assert_int_equal(csv_parse_date("05/01/2026 00:00", &d), DATE_OK);
	assert_int_equal(d.m, 1);
	assert_int_equal(csv_parse_date("2026-01-05 00:00:00", &d), DATE_OK);
	assert_int_equal(d.d, 5);
	assert_int_equal(csv_parse_date("", &d), DATE_EMPTY);
	assert_int_equal(csv_parse_date("31/02/2026", &d), DATE_BAD_DAY);
	assert_int_equal(csv_parse_date("13/13/2026", &d), DATE_BAD_MONTH);
	assert_int_equal(csv_parse_date("05/01/26", &d), DATE_SYNTAX);
	assert_int_equal(csv_parse_date("05/01/2026 09:30", &d), DATE_SYNTAX);
	assert_int_equal(csv_parse_date("next Tuesday", &d), DATE_SYNTAX);
}

static void test_money(void **state)
{
	static const struct {
		const char *in;
		int rc;
		int64_t pence;
	} cases[] = {
		{"£1,234.56", MONEY_OK, 123456},
		{"-12.50", MONEY_OK, -1250},
		{"(12.50)", MONEY_OK, -1250},
		{" (£1,234.56) ", MONEY_OK, -123456},
		{"-£3", MONEY_OK, -300},
		{"95", MONEY_OK, 9500},
		{"", MONEY_EMPTY, 0},
		{"()", MONEY_SYNTAX, 0},
		{"(-3)", MONEY_SYNTAX, 0},
		{"(3", MONEY_SYNTAX, 0},
		{"3)", MONEY_SYNTAX, 0},
		{"((3))", MONEY_SYNTAX, 0},
		{"12.345", MONEY_TOO_MANY_DECIMALS, 0},
		{"twelve", MONEY_SYNTAX, 0},
		{"1,23", MONEY_SYNTAX, 0},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int64_t v = 4242;
		int rc = csv_parse_money(cases[i].in, &v);
		if (rc != cases[i].rc || (rc == MONEY_OK && v != cases[i].pence) ||
		    (rc != MONEY_OK && v != 4242))
			fail_msg("csv_parse_money(\"%s\") gave %d, %lld", cases[i].in, rc, (long long)v);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),        cmocka_unit_test(test_bom),
		cmocka_unit_test(test_line_ends),    cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_unterminated), cmocka_unit_test(test_after_quote),
		cmocka_unit_test(test_invalid_utf8), cmocka_unit_test(test_nul),
		cmocka_unit_test(test_limits),       cmocka_unit_test(test_long_file),
		cmocka_unit_test(test_blank),        cmocka_unit_test(test_header),
		cmocka_unit_test(test_dates),        cmocka_unit_test(test_money),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
