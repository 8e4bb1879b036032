/* Unit tests for src/core/keys.c: key names and the key bindings file.
 * Nothing here depends on the locale. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "coopdesk/keys.h"
#include "coopdesk/text.h"

/* Parses all of s as one key; fails the test if it does not. */
static int32_t one(const char *s)
{
	const char *end = NULL;
	int32_t k = -7;

	if (key_parse(s, &k, &end) != 0)
		fail_msg("\"%s\" did not parse", s);
	if (end != s + strlen(s))
		fail_msg("\"%s\" parsed only %td bytes", s, end - s);
	return k;
}

/* 1 if s fails to parse as a key, leaving the key alone. */
static int bad(const char *s)
{
	int32_t k = -7;
	const char *end = NULL;

	return key_parse(s, &k, &end) == -1 && k == -7 && end != NULL;
}

static void test_named_keys(void **state)
{
	static const struct {
		const char *name;
		int32_t key;
	} cases[] = {
		{ "<Up>", CDK_UP }, { "<Down>", CDK_DOWN }, { "<Left>", CDK_LEFT },
		{ "<Right>", CDK_RIGHT }, { "<PgUp>", CDK_PGUP }, { "<PgDn>", CDK_PGDN },
		{ "<Home>", CDK_HOME }, { "<End>", CDK_END }, { "<Enter>", CDK_ENTER },
		{ "<Esc>", CDK_ESC }, { "<Tab>", CDK_TAB }, { "<BackTab>", CDK_BACKTAB },
		{ "<Backspace>", CDK_BACKSPACE }, { "<Del>", CDK_DELETE },
		{ "<Ins>", CDK_INSERT }, { "<F1>", CDK_F1 }, { "<F2>", CDK_F2 },
		{ "<F9>", CDK_F9 }, { "<F10>", CDK_F10 }, { "<F11>", CDK_F11 },
		{ "<F12>", CDK_F12 }, { "<Space>", ' ' }, { "<lt>", '<' },
		{ "<Caret>", '^' },
	};
	char buf[KEY_NAME_MAX];
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(one(cases[i].name), cases[i].key);
		assert_non_null(key_format(cases[i].key, buf, sizeof buf));
		assert_string_equal(buf, cases[i].name);
	}
	/* The names come in order after the base, with the F keys together. */
	assert_int_equal(CDK_UP, 0x110000);
	assert_int_equal(CDK_F12 - CDK_F1, 11);
	assert_int_equal(CDK_NONE, CDK_MOUSE + 1);
}

static void test_other_spellings(void **state)
{
	(void)state;
	assert_int_equal(one("<PageUp>"), CDK_PGUP);
	assert_int_equal(one("<PageDown>"), CDK_PGDN);
	assert_int_equal(one("<Return>"), CDK_ENTER);
	assert_int_equal(one("<Escape>"), CDK_ESC);
	assert_int_equal(one("<S-Tab>"), CDK_BACKTAB);
	assert_int_equal(one("<BS>"), CDK_BACKSPACE);
	assert_int_equal(one("<Delete>"), CDK_DELETE);
	assert_int_equal(one("<Insert>"), CDK_INSERT);
	assert_int_equal(one("<Hash>"), '#');
	assert_int_equal(one("<colon>"), ':');
	assert_int_equal(one(" "), ' ');
}

static void test_case_insensitive(void **state)
{
	(void)state;
	assert_int_equal(one("<up>"), CDK_UP);
	assert_int_equal(one("<UP>"), CDK_UP);
	assert_int_equal(one("<pGdN>"), CDK_PGDN);
	assert_int_equal(one("<f1>"), CDK_F1);
	assert_int_equal(one("<F12>"), CDK_F12);
	assert_int_equal(one("<LT>"), '<');
	assert_int_equal(one("<space>"), ' ');
	assert_int_equal(one("<backtab>"), CDK_BACKTAB);
	assert_int_equal(one("^x"), 24);
	assert_int_equal(one("^X"), 24);
	assert_int_equal(one("<C-x>"), 24);
	assert_int_equal(one("<c-X>"), 24);
	/* A character key keeps its case. */
	assert_int_equal(one("q"), 'q');
	assert_int_equal(one("Q"), 'Q');
}

static void test_control_keys(void **state)
{
	char buf[KEY_NAME_MAX], name[8];
	(void)state;
	assert_int_equal(one("^A"), 1);
	assert_int_equal(one("^Q"), 17);
	assert_int_equal(one("^Z"), 26);
	assert_int_equal(one("^["), 27);
	assert_int_equal(one("^\\"), 28);
	assert_int_equal(one("^]"), 29);
	assert_int_equal(one("^^"), 30);
	assert_int_equal(one("^_"), 31);
	assert_int_equal(one("<C-[>"), 27);
	assert_int_equal(one("<C-_>"), 31);
	for (char c = 'a'; c <= 'z'; c++) {
		snprintf(name, sizeof name, "<C-%c>", c);
		assert_int_equal(one(name), c - 'a' + 1);
		snprintf(name, sizeof name, "^%c", c - 'a' + 'A');
		assert_int_equal(one(name), c - 'a' + 1);
	}
	assert_string_equal(key_format(24, buf, sizeof buf), "^X");
	assert_string_equal(key_format(1, buf, sizeof buf), "^A");
	assert_string_equal(key_format(27, buf, sizeof buf), "^[");
	assert_string_equal(key_format(30, buf, sizeof buf), "^^");
	assert_string_equal(key_format(9, buf, sizeof buf), "^I");
	/* ^@ would be NUL and ^? DEL: neither is a key. */
	assert_true(bad("^@"));
	assert_true(bad("^?"));
	assert_true(bad("^1"));
	assert_true(bad("^"));
	assert_true(bad("^ "));
	assert_true(bad("<C-@>"));
	assert_true(bad("<C-1>"));
	assert_true(bad("<C-xy>"));
}

static void test_multibyte(void **state)
{
	char buf[KEY_NAME_MAX];
	const char *end;
	int32_t k;
	(void)state;
	assert_int_equal(one("é"), 0xE9);
	assert_int_equal(one("Ł"), 0x141);
	assert_int_equal(one("李"), 0x674E);
	assert_int_equal(one("€"), 0x20AC);
	assert_int_equal(one("\xF0\x9F\x98\x80"), 0x1F600);
	assert_int_equal(one("\xF4\x8F\xBF\xBF"), 0x10FFFF);
	assert_int_equal(one("\xC2\xA0"), 0xA0); /* no-break space */
	assert_string_equal(key_format(0xE9, buf, sizeof buf), "é");
	assert_string_equal(key_format(0x674E, buf, sizeof buf), "李");
	assert_string_equal(key_format(0x1F600, buf, sizeof buf), "\xF0\x9F\x98\x80");
	/* One character at a time, leaving end after it. */
	const char *s = "éa";
	assert_int_equal(key_parse(s, &k, &end), 0);
	assert_int_equal(k, 0xE9);
	assert_ptr_equal(end, s + 2);
	/* Not UTF-8: cut short, overlong, surrogate, too high, stray bytes. */
	assert_true(bad("\xC3"));
	assert_true(bad("\xE6\x9D"));
	assert_true(bad("\xC0\xAF"));
	assert_true(bad("\xE0\x80\xAF"));
	assert_true(bad("\xED\xA0\x80"));
	assert_true(bad("\xF4\x90\x80\x80"));
	assert_true(bad("\x80"));
	assert_true(bad("\xFF"));
	assert_true(bad("\xEB" "o"));  /* Latin-1 ë */
	/* A length limit that cuts a character short. */
	assert_int_equal(key_parse_len("é", 1, &k, &end), -1);
	/* C1 controls are UTF-8 but not keys. */
	assert_true(bad("\xC2\x85"));
	assert_true(bad("\xC2\x9F"));
}

static void test_bad_names(void **state)
{
	int32_t k = 5;
	const char *end = NULL, *s;
	(void)state;
	assert_true(bad(""));
	assert_true(bad("<"));
	assert_true(bad("<Up"));
	assert_true(bad("<>"));
	assert_true(bad("<Dwn>"));
	assert_true(bad("<F0>"));
	assert_true(bad("<F13>"));
	assert_true(bad("<F01>"));
	assert_true(bad("<F1x>"));
	assert_true(bad("< Up>"));
	assert_true(bad("<Resize>"));
	assert_true(bad("<None>"));
	assert_true(bad("<Upx>"));
	assert_true(bad("\t"));
	assert_true(bad("\r"));
	assert_true(bad("\x1B"));
	assert_true(bad("\x7F"));
	assert_int_equal(key_parse(NULL, &k, &end), -1);
	assert_int_equal(key_parse("q", NULL, &end), -1);
	assert_int_equal(k, 5);
	/* end moves past the bad name so that it can be quoted. */
	s = "<Dwn>x";
	assert_int_equal(key_parse(s, &k, &end), -1);
	assert_ptr_equal(end, s + 5);
	s = "^1x";
	assert_int_equal(key_parse(s, &k, &end), -1);
	assert_ptr_equal(end, s + 2);
	/* end may be NULL. */
	assert_int_equal(key_parse("q", &k, NULL), 0);
	assert_int_equal(k, 'q');
	/* A NUL within the length is an error, not the end. */
	assert_int_equal(key_parse_len("\0q", 2, &k, &end), -1);
}

static void test_sequence(void **state)
{
	const char *s = "ab<Down>^X<lt>é <F10>", *p = s;
	const int32_t want[] = { 'a', 'b', CDK_DOWN, 24, '<', 0xE9, ' ', CDK_F10 };
	int32_t k;
	size_t i = 0;
	(void)state;
	while (*p != '\0') {
		assert_true(i < sizeof want / sizeof want[0]);
		assert_int_equal(key_parse(p, &k, &p), 0);
		assert_int_equal(k, want[i++]);
	}
	assert_int_equal(i, sizeof want / sizeof want[0]);
}

/* Every key's name reads back as the key, and only keys have names. */
static void test_round_trip(void **state)
{
	char buf[KEY_NAME_MAX];
	const char *end;
	int32_t k, key;
	long keys = 0;
	(void)state;
	for (key = -2; key <= CDK_NONE + 2; key++) {
		const char *name = key_format(key, buf, sizeof buf);
		if (!key_valid(key)) {
			if (name != NULL)
				fail_msg("%ld is not a key but is called \"%s\"", (long)key, name);
			assert_string_equal(buf, "");
			continue;
		}
		if (name == NULL)
			fail_msg("key %ld has no name", (long)key);
		if (key_parse(name, &k, &end) != 0 || k != key || *end != '\0')
			fail_msg("key %ld's name \"%s\" does not read back", (long)key, name);
		if (!text_valid_utf8(name))
			fail_msg("key %ld's name is not UTF-8", (long)key);
		keys++;
	}
	/* 31 controls, 95 printable ASCII, Unicode from U+00A0 without the
	 * surrogates, and 27 named keys. */
	assert_int_equal(keys, 31 + 95 + (0x110000 - 0xA0 - 0x800) + 27);
	assert_false(key_valid(0));
	assert_false(key_valid(0x7F));
	assert_false(key_valid(0x85));
	assert_false(key_valid(0xD800));
	assert_false(key_valid(CDK_RESIZE));
	assert_false(key_valid(CDK_PASTE_BEGIN));
	assert_false(key_valid(CDK_PASTE_END));
	assert_false(key_valid(CDK_MOUSE));
	assert_false(key_valid(CDK_NONE));
	assert_false(key_valid(-1));
	assert_false(key_valid(INT32_MAX));
}

static void test_name_buffer(void **state)
{
	char buf[KEY_NAME_MAX];
	(void)state;
	assert_string_equal(key_format(CDK_BACKSPACE, buf, 12), "<Backspace>");
	assert_null(key_format(CDK_BACKSPACE, buf, 11));
	assert_string_equal(buf, "");
	assert_null(key_format('q', buf, 1));
	assert_null(key_format('q', NULL, 10));
	assert_null(key_format(0x674E, buf, 3));
	assert_string_equal(key_format(0x674E, buf, 4), "李");
}

static void test_parse_error_words(void **state)
{
	char msg[200];
	(void)state;
	key_parse_error("<Dwn>", 5, msg, sizeof msg);
	assert_string_equal(msg, "<Dwn> is not a key name (write <lt> for a < key)");
	key_parse_error("<Up", 3, msg, sizeof msg);
	assert_string_equal(msg, "<Up has no closing > (write <lt> for a < key)");
	key_parse_error("^1", 2, msg, sizeof msg);
	assert_non_null(strstr(msg, "^1 is not a control key"));
	assert_non_null(strstr(msg, "<Caret>"));
	key_parse_error("^\xC3\xA9", 3, msg, sizeof msg);
	assert_non_null(strstr(msg, "^\xC3\xA9 is not a control key"));
	key_parse_error("^\xFF", 2, msg, sizeof msg);
	assert_non_null(strstr(msg, "^? is not a control key"));
	key_parse_error("^", 1, msg, sizeof msg);
	assert_non_null(strstr(msg, "<Caret>"));
	key_parse_error("\t", 1, msg, sizeof msg);
	assert_string_equal(msg, "a tab character cannot be typed as it is: write <Tab>");
	key_parse_error("\x01", 1, msg, sizeof msg);
	assert_string_equal(msg, "control character 0x01 cannot be typed as it is: write ^A");
	key_parse_error("\xFFq", 2, msg, sizeof msg);
	assert_string_equal(msg, "byte 0xFF is not valid UTF-8");
	key_parse_error("\xC2\x85", 2, msg, sizeof msg);
	assert_string_equal(msg, "U+0085 is a control character, not a key");
	key_parse_error("\0", 1, msg, sizeof msg);
	assert_string_equal(msg, "a NUL byte is not a key name");
	key_parse_error("", 0, msg, sizeof msg);
	assert_string_equal(msg, "a key name is missing");
	key_parse_error("q", 1, msg, sizeof msg);
	assert_string_equal(msg, "");
	/* Quoted text is made safe to show. */
	key_parse_error("<\x1B[2J>", 7, msg, sizeof msg);
	assert_string_equal(msg, "<?[2J> is not a key name (write <lt> for a < key)");
	key_parse_error("<\xFF\xFE>", 4, msg, sizeof msg);
	assert_string_equal(msg, "<?" "?> is not a key name (write <lt> for a < key)");
	/* A short buffer is cut, still terminated. */
	key_parse_error("<Dwn>", 5, msg, 6);
	assert_string_equal(msg, "<Dwn>");
}

/* Collects what keyconf_parse reports. */
struct reports {
	int n;
	int line[16];
	char msg[16][256];
};

static void collect(int line, const char *message, void *arg)
{
	struct reports *r = arg;

	if (r->n < 16) {
		r->line[r->n] = line;
		snprintf(r->msg[r->n], sizeof r->msg[r->n], "%s", message);
	}
	r->n++;
}

static void test_keyconf_good(void **state)
{
	static const char text[] =
		"# coopdesk keys\n"
		"\n"
		"bind quit q ^Q\n"
		"   bind down j <Down>   \n"
		"\tbind\tpage-down\t<Space> <PgDn>\n"
		"bind f2-edit <F2>\r\n"
		"   # indented comment\n"
		"bind find é\n"
		"bind x #\n"
		"bind up k";
	struct key_binding b[16];
	struct reports r = { 0 };
	int n = -1;
	(void)state;
	assert_int_equal(keyconf_parse(text, b, 16, &n, collect, &r), 0);
	assert_int_equal(r.n, 0);
	assert_int_equal(n, 10);
	assert_string_equal(b[0].action, "quit");
	assert_int_equal(b[0].key, 'q');
	assert_int_equal(b[0].line, 3);
	assert_string_equal(b[1].action, "quit");
	assert_int_equal(b[1].key, 17);
	assert_int_equal(b[1].line, 3);
	assert_string_equal(b[2].action, "down");
	assert_int_equal(b[2].key, 'j');
	assert_int_equal(b[3].key, CDK_DOWN);
	assert_int_equal(b[3].line, 4);
	assert_string_equal(b[4].action, "page-down");
	assert_int_equal(b[4].key, ' ');
	assert_int_equal(b[5].key, CDK_PGDN);
	assert_int_equal(b[5].line, 5);
	assert_string_equal(b[6].action, "f2-edit");
	assert_int_equal(b[6].key, CDK_F2);
	assert_int_equal(b[6].line, 6);
	assert_string_equal(b[7].action, "find");
	assert_int_equal(b[7].key, 0xE9);
	assert_int_equal(b[7].line, 8);
	assert_int_equal(b[8].key, '#');
	assert_string_equal(b[9].action, "up");
	assert_int_equal(b[9].key, 'k');
	assert_int_equal(b[9].line, 10);
	/* Nothing at all, and no report function. */
	assert_int_equal(keyconf_parse("", b, 16, &n, NULL, NULL), 0);
	assert_int_equal(n, 0);
	assert_int_equal(keyconf_parse(NULL, b, 16, &n, NULL, NULL), 0);
	assert_int_equal(n, 0);
	assert_int_equal(keyconf_parse("\n\n# x\n  \n", b, 16, &n, NULL, NULL), 0);
	assert_int_equal(n, 0);
	assert_int_equal(keyconf_parse("bind a b", b, 16, NULL, NULL, NULL), -1);
}

static void test_keyconf_bad_lines(void **state)
{
	static const char text[] =
		"bind quit q\n"                                  /* 1 good */
		"bnid down j\n"                                  /* 2 keyword */
		"bind\n"                                         /* 3 no action */
		"bind down\n"                                    /* 4 no key */
		"bind down <Dwn>\n"                              /* 5 bad key */
		"bind Down j\n"                                  /* 6 bad action */
		"bind a-very-long-action-name-that-goes-on k\n"  /* 7 too long */
		"bind up jk\n"                                   /* 8 two keys */
		"bind up k <Up\n"                                /* 9 bad, all left out */
		"bind up \xFF\n"                                 /* 10 not UTF-8 */
		"bind quit q # leave\n"                          /* 11 comment after */
		"bind down j\n";                                 /* 12 good */
	struct key_binding b[16];
	struct reports r = { 0 };
	int n = -1;
	(void)state;
	assert_int_equal(keyconf_parse(text, b, 16, &n, collect, &r), 10);
	assert_int_equal(r.n, 10);
	assert_int_equal(n, 2);
	assert_string_equal(b[0].action, "quit");
	assert_int_equal(b[0].line, 1);
	assert_string_equal(b[1].action, "down");
	assert_int_equal(b[1].key, 'j');
	assert_int_equal(b[1].line, 12);
	for (int i = 0; i < 10; i++)
		assert_int_equal(r.line[i], i + 2);
	assert_string_equal(r.msg[0], "unknown keyword bnid: a line reads bind ACTION KEY..., "
	                              "such as bind quit q");
	assert_string_equal(r.msg[1], "bind needs an action and a key, such as bind quit q");
	assert_string_equal(r.msg[2], "bind down needs at least one key");
	assert_string_equal(r.msg[3], "<Dwn> is not a key name (write <lt> for a < key)");
	assert_string_equal(r.msg[4], "Down is not an action name: use lower-case letters, "
	                              "digits and -");
	assert_string_equal(r.msg[5], "the action name a-very-long-action-name-\xE2\x80\xA6 "
	                              "is longer than 31 characters");
	assert_string_equal(r.msg[6], "jk is more than one key: write each key as a word "
	                              "of its own");
	assert_string_equal(r.msg[7], "<Up has no closing > (write <lt> for a < key)");
	assert_string_equal(r.msg[8], "byte 0xFF is not valid UTF-8");
	assert_string_equal(r.msg[9], "leave is more than one key: write each key as a word "
	                              "of its own (a # comment goes on a line of its own)");
}

static void test_keyconf_limits(void **state)
{
	struct key_binding b[3];
	struct reports r = { 0 };
	int n = -1;
	char text[200];
	(void)state;
	/* An action of exactly 31 characters is fine. */
	snprintf(text, sizeof text, "bind %s x\n", "abcdefghijklmnopqrstuvwxyz01234");
	assert_int_equal(keyconf_parse(text, b, 3, &n, collect, &r), 0);
	assert_int_equal(n, 1);
	assert_string_equal(b[0].action, "abcdefghijklmnopqrstuvwxyz01234");
	/* Room for three: the line that would make four is left out whole,
	 * and a later line that fits still applies. */
	r.n = 0;
	assert_int_equal(keyconf_parse("bind a x y\nbind b p q\nbind c z\n", b, 3, &n,
	                               collect, &r), 1);
	assert_int_equal(n, 3);
	assert_int_equal(r.n, 1);
	assert_int_equal(r.line[0], 2);
	assert_string_equal(r.msg[0], "too many key bindings: there can be 3 at most");
	assert_string_equal(b[2].action, "c");
	assert_int_equal(b[2].key, 'z');
	assert_int_equal(b[2].line, 3);
	/* No room at all. */
	r.n = 0;
	assert_int_equal(keyconf_parse("bind a x\n", NULL, 0, &n, collect, &r), 1);
	assert_int_equal(n, 0);
	assert_string_equal(r.msg[0], "too many key bindings: there can be 0 at most");
	/* A bad key is named even when there is no room. */
	r.n = 0;
	assert_int_equal(keyconf_parse("bind a <Nope>\n", NULL, 0, &n, collect, &r), 1);
	assert_string_equal(r.msg[0], "<Nope> is not a key name (write <lt> for a < key)");
	/* A control character in an action is quoted safely. */
	r.n = 0;
	assert_int_equal(keyconf_parse("bind a\x1B" "b x\n", b, 3, &n, collect, &r), 1);
	assert_string_equal(r.msg[0], "a?b is not an action name: use lower-case letters, "
	                              "digits and -");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_keys),
		cmocka_unit_test(test_other_spellings),
		cmocka_unit_test(test_case_insensitive),
		cmocka_unit_test(test_control_keys),
		cmocka_unit_test(test_multibyte),
		cmocka_unit_test(test_bad_names),
		cmocka_unit_test(test_sequence),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_name_buffer),
		cmocka_unit_test(test_parse_error_words),
		cmocka_unit_test(test_keyconf_good),
		cmocka_unit_test(test_keyconf_bad_lines),
		cmocka_unit_test(test_keyconf_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
