/* Unit tests for src/core/text.c.  Widths need a UTF-8 locale. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <string.h>

#include "coopdesk/text.h"

#define ZOE_COMPOSED "Zo\xC3\xAB"       /* Zoë with U+00EB */
#define ZOE_DECOMPOSED "Zoe\xCC\x88"    /* Zoë with e + U+0308 */
#define IRISH "Zoë Ó Súilleabháin"
#define POLISH "Łukasz Wróbel"
#define CHINESE "李小龍"
#define REPL "\xEF\xBF\xBD"

static int setup_locale(void **state)
{
	(void)state;
	if (setlocale(LC_ALL, "C.UTF-8") == NULL && setlocale(LC_ALL, "C.utf8") == NULL)
		return -1; /* every test fails rather than pass on the wrong widths */
	return 0;
}

static void test_valid_utf8(void **state)
{
	static const char *const good[] = {
		"", "plain ASCII", ZOE_COMPOSED, ZOE_DECOMPOSED, IRISH, POLISH, CHINESE,
		"\xF0\x9F\x98\x80",     /* U+1F600, four bytes */
		"\xF4\x8F\xBF\xBF",     /* U+10FFFF, the last code point */
		"\xED\x9F\xBF",         /* U+D7FF, just below the surrogates */
		"\xEE\x80\x80",         /* U+E000, just above them */
		"\xC2\x80",             /* U+0080, the first two-byte one */
	};
	static const char *const bad[] = {
		"\xC3",             /* cut short */
		"a\xC3",            /* cut short at the end */
		"\xE6\x9D",         /* cut short, three-byte */
		"\x80",             /* a lone continuation byte */
		"abc\xBF",          /* and at the end */
		"\xC0\xAF",         /* overlong '/' */
		"\xC1\xBF",         /* overlong */
		"\xE0\x80\xAF",     /* overlong, three bytes */
		"\xF0\x80\x80\xAF", /* overlong, four bytes */
		"\xED\xA0\x80",     /* U+D800, a surrogate */
		"\xED\xBF\xBF",     /* U+DFFF */
		"\xF4\x90\x80\x80", /* above U+10FFFF */
		"\xF5\x80\x80\x80",
		"\xFE",
		"\xFF",
		"a\xC3(b",          /* a lead byte followed by ASCII */
		"Zo\xEB",           /* Latin-1, not UTF-8 */
	};
	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		if (!text_valid_utf8(good[i]))
			fail_msg("good string %zu called invalid", i);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (text_valid_utf8(bad[i]))
			fail_msg("bad string %zu called valid", i);
	assert_true(text_valid_utf8(NULL));
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width(""), 0);
	assert_int_equal(text_width(NULL), 0);
	assert_int_equal(text_width("abc"), 3);
	assert_int_equal(text_width(ZOE_COMPOSED), 3);
	assert_int_equal(text_width(ZOE_DECOMPOSED), 3);
	assert_int_equal(text_width(IRISH), 18);
	assert_int_equal(text_width(POLISH), 13);
	assert_int_equal(text_width(CHINESE), 6);
	assert_int_equal(text_width("李a"), 3);
	assert_int_equal(text_width("\xF0\x9F\x98\x80"), 2);
	/* Odd bytes and unprintables take one column each. */
	assert_int_equal(text_width("a\xFF" "b"), 3);
	assert_int_equal(text_width("a\xC3"), 2);
	assert_int_equal(text_width("a\tb"), 3);
	assert_int_equal(text_width("\x1b[1m"), 4);
}

static void test_chars(void **state)
{
	(void)state;
	assert_int_equal(text_chars(""), 0);
	assert_int_equal(text_chars(NULL), 0);
	assert_int_equal(text_chars("abc"), 3);
	assert_int_equal(text_chars(CHINESE), 3);
	assert_int_equal(text_chars(ZOE_COMPOSED), 3);
	assert_int_equal(text_chars(ZOE_DECOMPOSED), 4);
	assert_int_equal(text_chars(IRISH), 18);
	assert_int_equal(text_chars(POLISH), 13);
	assert_int_equal(text_chars("\xF0\x9F\x98\x80"), 1);
	assert_int_equal(text_chars("a\xFF" "b"), 3);
	assert_int_equal(text_chars("\xE6\x9D"), 2);
}

/* Fits s into cols and checks the text, the return value and that the
 * result really is cols wide. */
static void expect_fit(const char *s, int cols, const char *want)
{
	char out[128];
	int used;

	memset(out, 'x', sizeof out);
	used = text_fit(s, cols, out, sizeof out);
	if (strcmp(out, want) != 0)
		fail_msg("text_fit(\"%s\", %d) gave \"%s\", expected \"%s\"", s ? s : "(null)", cols, out,
		         want);
	assert_int_equal(used, cols < 0 ? 0 : cols);
	assert_int_equal(text_width(out), used);
	assert_true(text_valid_utf8(out));
}

static void test_fit_ascii(void **state)
{
	(void)state;
	expect_fit("abc", 5, "abc  ");
	expect_fit("abcd", 4, "abcd");
	expect_fit("abcdef", 4, "abc…");
	expect_fit("abcdef", 1, "…");
	expect_fit("ab", 1, "…");
	expect_fit("a", 1, "a");
	expect_fit("", 3, "   ");
	expect_fit(NULL, 2, "  ");
	expect_fit("abc", 0, "");
	expect_fit("abc", -4, "");
}

static void test_fit_wide(void **state)
{
	(void)state;
	expect_fit(CHINESE, 6, CHINESE);
	expect_fit(CHINESE, 8, CHINESE "  ");
	expect_fit(CHINESE, 5, "李小…");
	/* At an even edge the wide character would straddle the ellipsis
	 * column, so it is left out and a space pads. */
	expect_fit(CHINESE, 4, "李… ");
	expect_fit(CHINESE, 3, "李…");
	expect_fit(CHINESE, 2, "… ");
	expect_fit(CHINESE, 1, "…");
	expect_fit("a" CHINESE, 4, "a李…");
	expect_fit("a" CHINESE, 5, "a李… ");
	expect_fit(CHINESE "abc", 7, "李小龍…");
	expect_fit("ab" CHINESE, 3, "ab…");
	expect_fit("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 3, "\xF0\x9F\x98\x80…");
}

static void test_fit_accents(void **state)
{
	(void)state;
	expect_fit(IRISH, 18, IRISH);
	expect_fit(IRISH, 20, IRISH "  ");
	expect_fit(IRISH, 10, "Zoë Ó Súi…");
	expect_fit(POLISH, 8, "Łukasz …");
	expect_fit(POLISH, 13, POLISH);
	expect_fit(ZOE_COMPOSED, 3, ZOE_COMPOSED);
	expect_fit(ZOE_DECOMPOSED, 3, ZOE_DECOMPOSED);
	expect_fit(ZOE_DECOMPOSED " Ó", 4, ZOE_DECOMPOSED "…"); /* the mark stays with its e */
	expect_fit(ZOE_DECOMPOSED " Ó", 3, "Zo…");
}

static void test_fit_odd_bytes(void **state)
{
	(void)state;
	/* Nothing raw reaches the terminal: escapes and bad bytes become U+FFFD. */
	expect_fit("a\x1b[2Jb", 6, "a" REPL "[2Jb");
	expect_fit("a\xFF" "b", 4, "a" REPL "b ");
	expect_fit("a\tb", 3, "a" REPL "b");
	expect_fit("a\xFF" "bcd", 3, "a" REPL "…");
}

#define RLO "\xE2\x80\xAE"   /* U+202E RIGHT-TO-LEFT OVERRIDE */
#define LRE "\xE2\x80\xAA"   /* U+202A */
#define LRI "\xE2\x81\xA6"   /* U+2066 */
#define PDI "\xE2\x81\xA9"   /* U+2069 */
#define CSI_C1 "\xC2\x9B"     /* U+009B, the C1 form of ESC [ */

static void test_fit_direction_marks(void **state)
{
	(void)state;
	/* The overrides and isolates would reorder what follows them: each is
	 * shown as one replacement character in one column. */
	expect_fit("ab" RLO "cd", 5, "ab" REPL "cd");
	expect_fit(LRE "x" PDI, 4, REPL "x" REPL " ");
	expect_fit(LRI "x", 2, REPL "x");
	expect_fit("a" CSI_C1 "2J", 4, "a" REPL "2J");
	assert_int_equal(text_width("ab" RLO "cd"), 5);
	/* Their neighbours are left alone: U+2029 and U+206A are not marks. */
	assert_int_equal(text_is_direction_mark(0x202E), 1);
	assert_int_equal(text_is_direction_mark(0x202A), 1);
	assert_int_equal(text_is_direction_mark(0x2066), 1);
	assert_int_equal(text_is_direction_mark(0x2069), 1);
	assert_int_equal(text_is_direction_mark(0x2029), 0);
	assert_int_equal(text_is_direction_mark(0x202F), 0);
	assert_int_equal(text_is_direction_mark(0x2065), 0);
	assert_int_equal(text_is_direction_mark(0x206A), 0);
}

static void expect_inert(const char *s, const char *want)
{
	char out[128];
	memset(out, 'x', sizeof out);
	text_inert(s, out, sizeof out);
	if (strcmp(out, want) != 0)
		fail_msg("text_inert(\"%s\") gave \"%s\", expected \"%s\"", s ? s : "(null)", out, want);
	assert_true(text_valid_utf8(out));
}

static void test_inert(void **state)
{
	char out[8];
	(void)state;
	expect_inert("Ann\x1b[31mRed", "Ann" REPL "[31mRed");
	expect_inert("ab" RLO "cd", "ab" REPL "cd");
	expect_inert("a\tb\nc\rd\x7f", "a" REPL "b" REPL "c" REPL "d" REPL);
	expect_inert("a" CSI_C1 "b", "a" REPL "b");
	expect_inert("Zo\xEB", "Zo" REPL);
	expect_inert(IRISH, IRISH);
	expect_inert(CHINESE, CHINESE);
	expect_inert("", "");
	expect_inert(NULL, "");
	/* Nothing is clipped for width; a short buffer cuts at a character. */
	expect_inert("a very long line that is wider than any column", "a very long line that is wider than any column");
	text_inert("ab" RLO, out, 5);
	assert_string_equal(out, "ab");
	text_inert(CHINESE, out, 7);
	assert_string_equal(out, "李小");
	out[0] = 'x';
	text_inert("abc", out, 0);
	assert_int_equal(out[0], 'x');
	text_inert("abc", NULL, 4);
	/* The locale does not matter: the same in C as in C.UTF-8. */
	setlocale(LC_ALL, "C");
	expect_inert("Zo\xC3\xAB\x1b" RLO, "Zo\xC3\xAB" REPL REPL);
	setlocale(LC_ALL, "C.UTF-8");
}

static void test_name_problem(void **state)
{
	(void)state;
	static const char *const fine[] = {
		"Ann Red", IRISH, POLISH, CHINESE, ZOE_DECOMPOSED, "", "O'Neill-Smith, Flat 2/3",
		"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D",   /* Hebrew, right to left by itself */
	};
	static const char *const bad[] = {
		"Ann\x1b[31mRed", "ab" RLO "cd", LRE "x", LRI "x", "x" PDI, "a\tb", "a\nb",
		"a\rb", "a\x7f", "a" CSI_C1, "\x01",
	};
	for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
		assert_null(text_name_problem(fine[i]));
		assert_null(text_lines_problem(fine[i]));
	}
	assert_null(text_name_problem(NULL));
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *why = text_name_problem(bad[i]);
		if (!why)
			fail_msg("one-line text %zu accepted", i);
		assert_string_equal(why, "cannot contain control characters (such as escape, tab or"
				    " a new line) or direction-changing marks");
	}
	assert_string_equal(text_name_problem("Zo\xEB"), "is not valid UTF-8 text");
	/* Several lines: new lines and tabs, nothing else of the kind. */
	assert_null(text_lines_problem("Leak under the sink.\n\tWorse at night."));
	assert_non_null(text_lines_problem("a\rb"));
	assert_non_null(text_lines_problem("a\x1b[2Jb"));
	assert_non_null(text_lines_problem("a\n" RLO "b"));
	assert_non_null(text_lines_problem("a" CSI_C1));
	assert_string_equal(text_lines_problem("a" RLO), "cannot contain control characters (such as"
			    " escape) other than new lines and tabs, or direction-changing marks");
	assert_string_equal(text_lines_problem("\xFF"), "is not valid UTF-8 text");
}

static void test_fit_small_buffer(void **state)
{
	char out[16];
	(void)state;
	/* Room for one wide character only: cut at its end, not inside the next. */
	memset(out, 'x', sizeof out);
	assert_int_equal(text_fit(CHINESE, 6, out, 5), 2);
	assert_string_equal(out, "李");
	/* Room for the text but not all the padding. */
	assert_int_equal(text_fit("ab", 6, out, 5), 4);
	assert_string_equal(out, "ab  ");
	/* Room for the text but not the ellipsis. */
	assert_int_equal(text_fit("abcdef", 4, out, 5), 3);
	assert_string_equal(out, "abc");
	assert_int_equal(text_fit("abc", 3, out, 1), 0);
	assert_string_equal(out, "");
	out[0] = 'x';
	assert_int_equal(text_fit("abc", 3, out, 0), 0);
	assert_int_equal(out[0], 'x');
	assert_int_equal(text_fit("abc", 3, NULL, 10), 0);
}

static void expect_trim(const char *in, const char *want)
{
	char buf[64];
	strcpy(buf, in);
	text_trim(buf);
	assert_string_equal(buf, want);
}

static void test_trim(void **state)
{
	(void)state;
	expect_trim("  hi  ", "hi");
	expect_trim("\t\n x y \r\n", "x y");
	expect_trim("none", "none");
	expect_trim("", "");
	expect_trim("   ", "");
	expect_trim("  " ZOE_COMPOSED "  ", ZOE_COMPOSED);
	expect_trim("\v\fa\f", "a");
	/* A no-break space is not ASCII white space and stays. */
	expect_trim("\xC2\xA0" "a ", "\xC2\xA0" "a");
	text_trim(NULL);
}

static void test_copy(void **state)
{
	char buf[16];
	(void)state;
	assert_int_equal(text_copy(buf, sizeof buf, "abc"), 0);
	assert_string_equal(buf, "abc");
	assert_int_equal(text_copy(buf, 4, "abc"), 0);
	assert_string_equal(buf, "abc");
	assert_int_equal(text_copy(buf, 3, "abc"), -1);
	assert_string_equal(buf, "ab");
	/* 李小龍 is nine bytes; never cut inside a character. */
	assert_int_equal(text_copy(buf, 10, CHINESE), 0);
	assert_string_equal(buf, CHINESE);
	assert_int_equal(text_copy(buf, 9, CHINESE), -1);
	assert_string_equal(buf, "李小");
	assert_int_equal(text_copy(buf, 7, CHINESE), -1);
	assert_string_equal(buf, "李小");
	assert_int_equal(text_copy(buf, 6, CHINESE), -1);
	assert_string_equal(buf, "李");
	assert_int_equal(text_copy(buf, 3, CHINESE), -1);
	assert_string_equal(buf, "");
	assert_int_equal(text_copy(buf, 1, "a"), -1);
	assert_string_equal(buf, "");
	assert_int_equal(text_copy(buf, 4, ZOE_DECOMPOSED), -1);
	assert_string_equal(buf, "Zoe");
	assert_int_equal(text_copy(buf, sizeof buf, NULL), 0);
	assert_string_equal(buf, "");
	/* Stray bytes are copied as they are. */
	assert_int_equal(text_copy(buf, sizeof buf, "a\xFF" "b"), 0);
	assert_string_equal(buf, "a\xFF" "b");
	buf[0] = 'x';
	assert_int_equal(text_copy(buf, 0, "abc"), -1);
	assert_int_equal(buf[0], 'x');
	assert_int_equal(text_copy(NULL, 5, "abc"), -1);
}

static void test_lower(void **state)
{
	(void)state;
	char a[] = "Ó SÚILLEABHÁIN, Zoë";
	text_lower(a);
	assert_string_equal(a, "ó súilleabháin, zoë");
	char b[] = "ŁUKASZ WRÓBEL 李小龍";
	text_lower(b);
	assert_string_equal(b, "łukasz wróbel 李小龍");
	char c[] = "AB\xff" "CD";
	text_lower(c);
	assert_string_equal(c, "ab\xff" "cd");
	text_lower(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_utf8),
		cmocka_unit_test(test_lower),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_chars),
		cmocka_unit_test(test_fit_ascii),
		cmocka_unit_test(test_fit_wide),
		cmocka_unit_test(test_fit_accents),
		cmocka_unit_test(test_fit_odd_bytes),
		cmocka_unit_test(test_fit_small_buffer),
		cmocka_unit_test(test_fit_direction_marks),
		cmocka_unit_test(test_inert),
		cmocka_unit_test(test_name_problem),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_copy),
	};
	return cmocka_run_group_tests(tests, setup_locale, NULL);
}
