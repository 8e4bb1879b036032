/* Unit tests for src/core/script.c: the scripted mode's file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "coopdesk/keys.h"
#include "coopdesk/script.h"

/* Parses the NUL-terminated text, which must be good. */
static struct script_step *good(const char *text, size_t *n)
{
	struct script_step *steps = NULL;
	char err[256] = "untouched";

	if (script_parse(text, strlen(text), &steps, n, err, sizeof err) != 0)
		fail_msg("script refused: %s", err);
	assert_non_null(steps);
	assert_string_equal(err, "");
	return steps;
}

/* Parses len bytes that must be refused; returns the message. */
static const char *refused(const char *text, size_t len)
{
	static char err[256];
	struct script_step *steps = (struct script_step *)1;
	size_t n = 99;

	err[0] = '\0';
	if (script_parse(text, len, &steps, &n, err, sizeof err) != -1)
		fail_msg("script accepted: %.*s", (int)len, text);
	assert_null(steps);
	assert_int_equal(n, 0);
	return err;
}

#define REFUSED(lit) refused(lit, sizeof lit - 1)

static void test_each_step(void **state)
{
	size_t n;
	struct script_step *s = good(
		"# a comment\n"
		"\n"
		"q\n"
		":dump out/screen 1.txt\n"
		":resize 60x20\n"
		":sleep 250\n"
		":quit\n", &n);
	(void)state;
	assert_int_equal(n, 5);
	assert_int_equal(s[0].kind, STEP_KEY);
	assert_int_equal(s[0].key, 'q');
	assert_int_equal(s[0].line, 3);
	assert_int_equal(s[1].kind, STEP_DUMP);
	assert_string_equal(s[1].path, "out/screen 1.txt");
	assert_int_equal(s[1].line, 4);
	assert_int_equal(s[2].kind, STEP_RESIZE);
	assert_int_equal(s[2].cols, 60);
	assert_int_equal(s[2].rows, 20);
	assert_int_equal(s[2].line, 5);
	assert_int_equal(s[3].kind, STEP_SLEEP);
	assert_int_equal(s[3].ms, 250);
	assert_int_equal(s[4].kind, STEP_QUIT);
	assert_int_equal(s[4].line, 7);
	free(s);
}

static void test_command_edges(void **state)
{
	size_t n;
	struct script_step *s = good(
		":dump   spaced.txt   \n"
		":dump \xC3\xA9t\xC3\xA9.txt\n"
		":resize 1x1\n"
		":resize 1000x1000\n"
		":sleep 0\n"
		":sleep 10000\n"
		":sleep 00010\n"
		":quit   \n", &n);
	(void)state;
	assert_int_equal(n, 8);
	assert_string_equal(s[0].path, "spaced.txt");
	assert_string_equal(s[1].path, "été.txt");
	assert_int_equal(s[2].cols, 1);
	assert_int_equal(s[3].rows, 1000);
	assert_int_equal(s[4].ms, 0);
	assert_int_equal(s[5].ms, 10000);
	assert_int_equal(s[6].ms, 10);
	assert_int_equal(s[7].kind, STEP_QUIT);
	free(s);
	/* A path of 255 bytes fits; 256 does not. */
	char text[300] = ":dump ";
	memset(text + 6, 'a', 255);
	text[261] = '\0';
	s = good(text, &n);
	assert_int_equal(strlen(s[0].path), 255);
	free(s);
	memset(text + 6, 'a', 256);
	text[262] = '\0';
	assert_string_equal(refused(text, strlen(text)),
	                    "line 1: the file name after :dump is longer than 255 bytes");
}

static void test_keys_lines(void **state)
{
	size_t n;
	struct script_step *s = good("/Zoë<Enter>^X<lt>a<C-q> <Space>#:x<F12>\n", &n);
	const int32_t want[] = { '/', 'Z', 'o', 0xEB, CDK_ENTER, 24, '<', 'a', 17, ' ', ' ',
	                         '#', ':', 'x', CDK_F12 };
	(void)state;
	assert_int_equal(n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < n; i++) {
		assert_int_equal(s[i].kind, STEP_KEY);
		assert_int_equal(s[i].key, want[i]);
		assert_int_equal(s[i].line, 1);
	}
	free(s);
	/* The line's end is no key; trailing spaces are keys; a line of
	 * spaces types them; # or : after the first character are keys. */
	s = good("ab\nc  \n   \n #\nq:quit\n", &n);
	assert_int_equal(n, 2 + 3 + 3 + 2 + 6);
	assert_int_equal(s[2].key, 'c');
	assert_int_equal(s[3].key, ' ');
	assert_int_equal(s[4].key, ' ');
	assert_int_equal(s[4].line, 2);
	assert_int_equal(s[5].line, 3);
	assert_int_equal(s[8].key, ' ');
	assert_int_equal(s[9].key, '#');
	assert_int_equal(s[9].line, 4);
	assert_int_equal(s[11].key, ':');
	assert_int_equal(s[15].key, 't');
	free(s);
	/* # and : can start a keys line by name. */
	s = good("<Hash>x\n<Colon>q\n", &n);
	assert_int_equal(n, 4);
	assert_int_equal(s[0].key, '#');
	assert_int_equal(s[2].key, ':');
	assert_int_equal(s[2].line, 2);
	free(s);
	/* Wide characters are one key each. */
	s = good("李小龍", &n);
	assert_int_equal(n, 3);
	assert_int_equal(s[2].key, 0x9F8D);
	free(s);
}

static void test_empty_and_line_ends(void **state)
{
	struct script_step *s = NULL;
	size_t n = 7;
	char err[64];
	(void)state;
	/* Empty: no steps, but still an array to free. */
	assert_int_equal(script_parse("", 0, &s, &n, err, sizeof err), 0);
	assert_non_null(s);
	assert_int_equal(n, 0);
	free(s);
	assert_int_equal(script_parse(NULL, 0, &s, &n, NULL, 0), 0);
	assert_int_equal(n, 0);
	free(s);
	s = good("# only a comment\n\n\n", &n);
	assert_int_equal(n, 0);
	free(s);
	/* No newline at the end. */
	s = good("ab\n:quit", &n);
	assert_int_equal(n, 3);
	assert_int_equal(s[2].kind, STEP_QUIT);
	assert_int_equal(s[2].line, 2);
	free(s);
	/* CRLF is a line end, and \r never becomes a key or part of a path. */
	s = good("# hi\r\nab\r\n\r\n:dump x.txt\r\n:resize 80x24\r\n<Enter>\r\n", &n);
	assert_int_equal(n, 5);
	assert_int_equal(s[0].key, 'a');
	assert_int_equal(s[1].key, 'b');
	assert_int_equal(s[1].line, 2);
	assert_string_equal(s[2].path, "x.txt");
	assert_int_equal(s[2].line, 4);
	assert_int_equal(s[3].cols, 80);
	assert_int_equal(s[3].rows, 24);
	assert_int_equal(s[4].key, CDK_ENTER);
	assert_int_equal(s[4].line, 6);
	free(s);
	/* A lone \r inside a line is an error, named. */
	assert_string_equal(REFUSED("ab\rcd\n"),
	                    "line 1: a carriage return cannot be typed as it is: write <Enter>");
}

static void test_errors(void **state)
{
	(void)state;
	assert_string_equal(REFUSED("q\n<Dwn>\n"),
	                    "line 2: <Dwn> is not a key name (write <lt> for a < key)");
	assert_string_equal(REFUSED("\n\na<Up\n"),
	                    "line 3: <Up has no closing > (write <lt> for a < key)");
	assert_string_equal(REFUSED("2^3\n"),
	                    "line 1: ^3 is not a control key: ^ takes a letter or one of "
	                    "[ \\ ] ^ _ (write <Caret> for a ^ key)");
	assert_string_equal(REFUSED("a\tb"),
	                    "line 1: a tab character cannot be typed as it is: write <Tab>");
	assert_string_equal(REFUSED("ok\nZo\xEB\n"), "line 2: byte 0xEB is not valid UTF-8");
	assert_string_equal(REFUSED("a\0b\n"), "line 1: a NUL byte is not a key name");
	assert_string_equal(REFUSED(":dump\n"),
	                    "line 1: :dump needs a file name, such as :dump screen.txt");
	assert_string_equal(REFUSED(":dump a\tb\n"),
	                    "line 1: the file name after :dump has a control character in it");
	assert_string_equal(REFUSED(":dump a\0b\n"),
	                    "line 1: the file name after :dump has a control character in it");
	assert_string_equal(REFUSED(":dump \xFF.txt\n"),
	                    "line 1: the file name after :dump is not valid UTF-8");
	const char *size = "line 1: :resize needs a size as COLSxROWS, such as :resize 80x24";
	assert_string_equal(REFUSED(":resize\n"), size);
	assert_string_equal(REFUSED(":resize 80\n"), size);
	assert_string_equal(REFUSED(":resize 80x\n"), size);
	assert_string_equal(REFUSED(":resize 80X24\n"), size);
	assert_string_equal(REFUSED(":resize 80 x 24\n"), size);
	assert_string_equal(REFUSED(":resize -80x24\n"), size);
	assert_string_equal(REFUSED(":resize 80x24x2\n"), size);
	const char *range = "line 1: the size after :resize must be from 1x1 to 1000x1000";
	assert_string_equal(REFUSED(":resize 0x24\n"), range);
	assert_string_equal(REFUSED(":resize 80x0\n"), range);
	assert_string_equal(REFUSED(":resize 1001x24\n"), range);
	assert_string_equal(REFUSED(":resize 99999999999999999999x24\n"), range);
	const char *ms = "line 1: :sleep needs a number of milliseconds, such as :sleep 100";
	assert_string_equal(REFUSED(":sleep\n"), ms);
	assert_string_equal(REFUSED(":sleep -5\n"), ms);
	assert_string_equal(REFUSED(":sleep 1.5\n"), ms);
	assert_string_equal(REFUSED(":sleep 10ms\n"), ms);
	assert_string_equal(REFUSED(":sleep 10001\n"),
	                    "line 1: :sleep is at most 10000 milliseconds");
	assert_string_equal(REFUSED(":sleep 99999999999999999999999\n"),
	                    "line 1: :sleep is at most 10000 milliseconds");
	assert_string_equal(REFUSED(":quit now\n"), "line 1: :quit takes nothing after it");
	assert_string_equal(REFUSED("# x\n:save\n"),
	                    "line 2: unknown command :save (the commands are :dump, "
	                    ":resize, :sleep, :wait, :paste, :click, :dblclick, "
	                    ":wheel and :quit)");
	assert_string_equal(REFUSED(":Quit\n"),
	                    "line 1: unknown command :Quit (the commands are :dump, "
	                    ":resize, :sleep, :wait, :paste, :click, :dblclick, "
	                    ":wheel and :quit)");
	assert_string_equal(REFUSED(":\n"),
	                    "line 1: a : on its own is not a command (the commands are "
	                    ":dump, :resize, :sleep, :wait, :paste, :click, :dblclick, "
	                    ":wheel and :quit)");
	/* Odd bytes in a command's name are not echoed raw. */
	assert_string_equal(REFUSED(":\x1B[2J\n"),
	                    "line 1: unknown command :?[2J (the commands are :dump, "
	                    ":resize, :sleep, :wait, :paste, :click, :dblclick, "
	                    ":wheel and :quit)");
	/* The first bad line is the one named; good lines before it do not run. */
	assert_string_equal(REFUSED(":quit\n:nope\n<Bad>\n"),
	                    "line 2: unknown command :nope (the commands are :dump, "
	                    ":resize, :sleep, :wait, :paste, :click, :dblclick, "
	                    ":wheel and :quit)");
}

static void test_paste_and_mouse(void **state)
{
	(void)state;
	struct script_step *s = NULL;
	size_t n = 0;
	char err[200];
	const char text[] = ":paste Ann<Esc>y\n:click 5 10\n:dblclick 0 3\n:wheel down\n";
	assert_int_equal(script_parse(text, sizeof text - 1, &s, &n, err, sizeof err), 0);
	assert_int_equal(n, 10);
	assert_int_equal(s[0].key, CDK_PASTE_BEGIN);
	assert_int_equal(s[1].key, 'A');
	assert_int_equal(s[4].key, CDK_ESC);
	assert_int_equal(s[5].key, 'y');
	assert_int_equal(s[6].key, CDK_PASTE_END);
	free(s);
	const char clicks[] = ":click 5 10\n:dblclick 0 3\n:wheel down\n:wheel up\n";
	assert_int_equal(script_parse(clicks, sizeof clicks - 1, &s, &n, err, sizeof err), 0);
	assert_int_equal(n, 4);
	assert_int_equal(s[0].kind, STEP_MOUSE);
	assert_int_equal(s[0].rows, 5);
	assert_int_equal(s[0].cols, 10);
	assert_int_equal(s[0].mouse, 1);
	assert_int_equal(s[1].mouse, 2);
	assert_int_equal(s[2].mouse, 4);
	assert_int_equal(s[3].mouse, 3);
	free(s);
	assert_string_equal(REFUSED(":paste\n"),
	                    "line 1: :paste needs the keys that are pasted, such as :paste Ann<Esc>y");
	assert_string_equal(REFUSED(":click 5\n"),
	                    "line 1: a click needs the row and column, such as :click 5 10");
	assert_string_equal(REFUSED(":wheel sideways\n"), "line 1: :wheel takes up or down");
}

static void test_error_buffer(void **state)
{
	struct script_step *s = (struct script_step *)1;
	size_t n = 5;
	char err[12];
	(void)state;
	/* A short buffer is cut, still terminated; no buffer is fine too. */
	assert_int_equal(script_parse("<Bad>", 5, &s, &n, err, sizeof err), -1);
	assert_string_equal(err, "line 1: <Ba");
	assert_int_equal(script_parse("<Bad>", 5, &s, &n, NULL, 0), -1);
	assert_null(s);
	assert_int_equal(script_parse("x", 1, NULL, &n, err, sizeof err), -1);
	assert_int_equal(script_parse("x", 1, &s, NULL, err, sizeof err), -1);
	assert_int_equal(script_parse(NULL, 3, &s, &n, err, sizeof err), -1);
	assert_null(s);
}

static void test_limits(void **state)
{
	struct script_step *s = NULL;
	size_t n = 0, len = SCRIPT_MAX_STEPS + 1;
	char err[128];
	char *text = malloc(SCRIPT_MAX_BYTES + 1);
	(void)state;
	assert_non_null(text);
	/* Exactly the most steps is fine; one more is refused in words. */
	memset(text, 'x', len);
	assert_int_equal(script_parse(text, len - 1, &s, &n, err, sizeof err), 0);
	assert_int_equal(n, SCRIPT_MAX_STEPS);
	assert_int_equal(s[n - 1].key, 'x');
	free(s);
	assert_int_equal(script_parse(text, len, &s, &n, err, sizeof err), -1);
	assert_null(s);
	assert_string_equal(err, "line 1: the script has more than 1000000 steps, "
	                         "the most it may have");
	/* 16 MiB of comment is fine; a byte more is refused before reading. */
	memset(text, '#', SCRIPT_MAX_BYTES + 1);
	assert_int_equal(script_parse(text, SCRIPT_MAX_BYTES, &s, &n, err, sizeof err), 0);
	assert_int_equal(n, 0);
	free(s);
	assert_int_equal(script_parse(text, SCRIPT_MAX_BYTES + 1, &s, &n, err, sizeof err), -1);
	assert_string_equal(err, "the script is larger than 16 MiB, the most it may be");
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_step),
		cmocka_unit_test(test_command_edges),
		cmocka_unit_test(test_keys_lines),
		cmocka_unit_test(test_empty_and_line_ends),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_paste_and_mouse),
		cmocka_unit_test(test_error_buffer),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
