/* Unit tests for src/core/json_flat.c. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/json_flat.h"

static int parse(const char *text, struct json_flat *j, size_t *at)
{
	return json_flat_parse(text, strlen(text), j, at);
}

static void expect_field(const struct json_flat *j, size_t i, const char *name,
			 enum json_flat_type type, const char *value)
{
	assert_true(i < j->n);
	assert_string_equal(j->fields[i].name, name);
	assert_int_equal(j->fields[i].type, type);
	assert_string_equal(j->fields[i].value, value);
}

static void test_audit_row(void **state)
{
	(void)state;
	struct json_flat j = JSON_FLAT_INIT;
	size_t at = 99;
	/* The shape SQLite's json_object gives the audit trail. */
	const char *text = "{\"id\":12,\"uuid\":\"0b6f\",\"title\":\"Boiler \\\"bangs\\\"\","
			   "\"cost_pence\":-1250,\"ratio\":0.5e-3,\"note\":null,"
			   "\"closed\":true,\"rtr\":false,\"empty\":\"\"}";
	assert_int_equal(parse(text, &j, &at), JSON_FLAT_OK);
	assert_int_equal(at, strlen(text));
	assert_int_equal(j.n, 9);
	expect_field(&j, 0, "id", JSON_FLAT_NUMBER, "12");
	expect_field(&j, 1, "uuid", JSON_FLAT_STRING, "0b6f");
	expect_field(&j, 2, "title", JSON_FLAT_STRING, "Boiler \"bangs\"");
	expect_field(&j, 3, "cost_pence", JSON_FLAT_NUMBER, "-1250");
	expect_field(&j, 4, "ratio", JSON_FLAT_NUMBER, "0.5e-3");
	expect_field(&j, 5, "note", JSON_FLAT_NULL, "null");
	expect_field(&j, 6, "closed", JSON_FLAT_TRUE, "true");
	expect_field(&j, 7, "rtr", JSON_FLAT_FALSE, "false");
	expect_field(&j, 8, "empty", JSON_FLAT_STRING, "");
	assert_ptr_equal(json_flat_get(&j, "note"), &j.fields[5]);
	assert_null(json_flat_get(&j, "nope"));
	assert_null(json_flat_get(&j, NULL));
	json_flat_free(&j);
	assert_null(j.fields);
	assert_int_equal(j.n, 0);
}

static void test_empty_object_and_space(void **state)
{
	(void)state;
	struct json_flat j = JSON_FLAT_INIT;
	assert_int_equal(parse("{}", &j, NULL), JSON_FLAT_OK);
	assert_int_equal(j.n, 0);
	assert_int_equal(parse(" \t\r\n{ \"a\" :\n1 , \"b\"\t:\"x\" }\n ", &j, NULL), JSON_FLAT_OK);
	assert_int_equal(j.n, 2);
	expect_field(&j, 0, "a", JSON_FLAT_NUMBER, "1");
	expect_field(&j, 1, "b", JSON_FLAT_STRING, "x");
	json_flat_free(&j);
}

static void test_escapes(void **state)
{
	(void)state;
	struct json_flat j = JSON_FLAT_INIT;
	assert_int_equal(parse("{\"s\":\"a\\/b\\\\c\\n\\t\\r\\b\\f\"}", &j, NULL), JSON_FLAT_OK);
	expect_field(&j, 0, "s", JSON_FLAT_STRING, "a/b\\c\n\t\r\b\f");
	/* \u escapes: one, two and three bytes, and a surrogate pair. */
	assert_int_equal(parse("{\"s\":\"\\u0041\\u00eb\\u20AC\\ud83d\\ude00\"}", &j, NULL),
			 JSON_FLAT_OK);
	expect_field(&j, 0, "s", JSON_FLAT_STRING, "A\xc3\xab\xe2\x82\xac\xf0\x9f\x98\x80");
	/* NUL and lone surrogates become U+FFFD, so strings stay whole. */
	assert_int_equal(parse("{\"s\":\"a\\u0000b\\udc00c\\ud800\\u0041\"}", &j, NULL),
			 JSON_FLAT_OK);
	expect_field(&j, 0, "s", JSON_FLAT_STRING,
		     "a\xef\xbf\xbd" "b\xef\xbf\xbd" "c\xef\xbf\xbd" "A");
	/* Escapes in names too; raw UTF-8 is kept as it is. */
	assert_int_equal(parse("{\"n\\u00e4me\":\"Zo\xc3\xab \xe6\x9d\x8e\"}", &j, NULL),
			 JSON_FLAT_OK);
	expect_field(&j, 0, "n\xc3\xa4me", JSON_FLAT_STRING, "Zo\xc3\xab \xe6\x9d\x8e");
	json_flat_free(&j);
}

static void test_duplicates_kept_in_order(void **state)
{
	(void)state;
	struct json_flat j = JSON_FLAT_INIT;
	assert_int_equal(parse("{\"b\":1,\"a\":2,\"b\":3}", &j, NULL), JSON_FLAT_OK);
	assert_int_equal(j.n, 3);
	expect_field(&j, 0, "b", JSON_FLAT_NUMBER, "1");
	expect_field(&j, 2, "b", JSON_FLAT_NUMBER, "3");
	assert_ptr_equal(json_flat_get(&j, "b"), &j.fields[0]);
	json_flat_free(&j);
}

struct bad {
	const char *in;
	int err;
	size_t at;
};

static void test_refused(void **state)
{
	(void)state;
	static const struct bad bad[] = {
		{ "", JSON_FLAT_EMPTY, 0 },
		{ "  \n", JSON_FLAT_EMPTY, 3 },
		{ "[1]", JSON_FLAT_NOT_OBJECT, 0 },
		{ "null", JSON_FLAT_NOT_OBJECT, 0 },
		{ "{\"a\":{}}", JSON_FLAT_NESTED, 5 },
		{ "{\"a\":[1]}", JSON_FLAT_NESTED, 5 },
		{ "{a:1}", JSON_FLAT_SYNTAX, 1 },
		{ "{\"a\" 1}", JSON_FLAT_SYNTAX, 5 },
		{ "{\"a\":1,}", JSON_FLAT_SYNTAX, 7 },
		{ "{\"a\":1 \"b\":2}", JSON_FLAT_SYNTAX, 7 },
		{ "{\"a\":01}", JSON_FLAT_SYNTAX, 6 },
		{ "{\"a\":1.}", JSON_FLAT_SYNTAX, 7 },
		{ "{\"a\":.5}", JSON_FLAT_SYNTAX, 5 },
		{ "{\"a\":1e}", JSON_FLAT_SYNTAX, 7 },
		{ "{\"a\":+1}", JSON_FLAT_SYNTAX, 5 },
		{ "{\"a\":-}", JSON_FLAT_SYNTAX, 6 },
		{ "{\"a\":tru}", JSON_FLAT_SYNTAX, 8 },
		{ "{\"a\":nil}", JSON_FLAT_SYNTAX, 6 },
		{ "{\"a\":'x'}", JSON_FLAT_SYNTAX, 5 },
		{ "{\"a\":\"\\x\"}", JSON_FLAT_SYNTAX, 6 },
		{ "{\"a\":\"\\u12G4\"}", JSON_FLAT_SYNTAX, 6 },
		{ "{\"a\":\"tab\there\"}", JSON_FLAT_SYNTAX, 9 },
		{ "{\"a\":1}x", JSON_FLAT_SYNTAX, 7 },
		{ "{\"a\":1}{}", JSON_FLAT_SYNTAX, 7 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct json_flat j = JSON_FLAT_INIT;
		size_t at = 12345;
		int rc = parse(bad[i].in, &j, &at);
		if (rc != bad[i].err || at != bad[i].at)
			fail_msg("'%s': got %d at %zu, wanted %d at %zu", bad[i].in, rc, at,
				 bad[i].err, bad[i].at);
		json_flat_free(&j);
	}
}

/* A NUL inside the given length is refused, not taken as the end. */
static void test_nul_inside(void **state)
{
	(void)state;
	struct json_flat j = JSON_FLAT_INIT;
	static const char text[] = "{\"a\":\"x\0y\"}";
	size_t at;
	assert_int_equal(json_flat_parse(text, sizeof text - 1, &j, &at), JSON_FLAT_SYNTAX);
	assert_int_equal(at, 7);
	assert_int_equal(json_flat_parse(text, 0, &j, &at), JSON_FLAT_EMPTY);
	assert_int_equal(json_flat_parse(NULL, 5, &j, &at), JSON_FLAT_EMPTY);
	json_flat_free(&j);
}

/* A text cut anywhere keeps the fields read whole before the cut. */
static void test_cut_keeps_whole_fields(void **state)
{
	(void)state;
	const char *text = "{\"a\":\"one\",\"b\":22,\"c\":\"\\u00e9t\\u00e9\",\"d\":true}";
	size_t len = strlen(text);
	/* Where each field's closing ',' or '}' is: only then is it whole. */
	const char *ends[] = { ",\"b\"", ",\"c\"", ",\"d\"", "}" };
	size_t end_at[4];
	for (int i = 0; i < 4; i++)
		end_at[i] = (size_t)(strstr(text, ends[i]) - text);
	for (size_t cut = 1; cut < len; cut++) {
		struct json_flat j = JSON_FLAT_INIT;
		size_t at;
		int rc = json_flat_parse(text, cut, &j, &at);
		assert_int_equal(rc, JSON_FLAT_CUT);
		assert_int_equal(at, cut);
		size_t whole = 0;
		while (whole < 4 && end_at[whole] < cut)
			whole++;
		assert_int_equal(j.n, whole);
		if (whole >= 1)
			expect_field(&j, 0, "a", JSON_FLAT_STRING, "one");
		if (whole >= 2)
			expect_field(&j, 1, "b", JSON_FLAT_NUMBER, "22");
		if (whole >= 3)
			expect_field(&j, 2, "c", JSON_FLAT_STRING, "\xc3\xa9t\xc3\xa9");
		json_flat_free(&j);
	}
	/* A number at the very end may have lost digits: it is not kept. */
	struct json_flat j = JSON_FLAT_INIT;
	assert_int_equal(parse("{\"a\":1,\"b\":12", &j, NULL), JSON_FLAT_CUT);
	assert_int_equal(j.n, 1);
	json_flat_free(&j);
}

static void test_errors_keep_earlier_fields(void **state)
{
	(void)state;
	struct json_flat j = JSON_FLAT_INIT;
	assert_int_equal(parse("{\"a\":1,\"b\":[2]}", &j, NULL), JSON_FLAT_NESTED);
	assert_int_equal(j.n, 1);
	expect_field(&j, 0, "a", JSON_FLAT_NUMBER, "1");
	/* A second parse replaces the first. */
	assert_int_equal(parse("{\"z\":null}", &j, NULL), JSON_FLAT_OK);
	assert_int_equal(j.n, 1);
	expect_field(&j, 0, "z", JSON_FLAT_NULL, "null");
	json_flat_free(&j);
	json_flat_free(&j); /* twice is harmless */
	json_flat_free(NULL);
}

/* Many fields: the array grows, every string stays where it was put. */
static void test_many_fields(void **state)
{
	(void)state;
	size_t cap = 200000, used = 0;
	char *text = malloc(cap);
	assert_non_null(text);
	text[used++] = '{';
	for (int i = 0; i < 5000; i++)
		used += (size_t)snprintf(text + used, cap - used, "%s\"f%d\":\"v%d\"", i ? "," : "", i, i);
	text[used++] = '}';
	struct json_flat j = JSON_FLAT_INIT;
	assert_int_equal(json_flat_parse(text, used, &j, NULL), JSON_FLAT_OK);
	assert_int_equal(j.n, 5000);
	char name[16], value[16];
	for (int i = 0; i < 5000; i += 499) {
		snprintf(name, sizeof name, "f%d", i);
		snprintf(value, sizeof value, "v%d", i);
		expect_field(&j, (size_t)i, name, JSON_FLAT_STRING, value);
	}
	json_flat_free(&j);
	free(text);
}

static void test_messages(void **state)
{
	(void)state;
	for (int e = JSON_FLAT_OK; e <= JSON_FLAT_NOMEM; e++) {
		const char *m = json_flat_strerror(e);
		assert_non_null(m);
		assert_true(strlen(m) > 0);
	}
	assert_string_equal(json_flat_strerror(JSON_FLAT_CUT), "it was cut short before its end");
	assert_string_equal(json_flat_strerror(999), "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_audit_row),
		cmocka_unit_test(test_empty_object_and_space),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_duplicates_kept_in_order),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_nul_inside),
		cmocka_unit_test(test_cut_keeps_whole_fields),
		cmocka_unit_test(test_errors_keep_earlier_fields),
		cmocka_unit_test(test_many_fields),
		cmocka_unit_test(test_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
