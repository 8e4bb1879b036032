/* libFuzzer target for references typed in the go-to prompt and the
 * reference fields (src/core/ref.c: "R-000123", "r123", "123", and as
 * the go-to prompt reads them: "member no. 42", "#42", "R 123").
 *
 * The first byte is the prefix letter asked for, the rest what was typed.
 * A reference that parses names a positive number; written back it reads
 * back the same, in upper and lower case; a refusal leaves the number
 * alone and has words. A number from the next eight bytes, formatted,
 * reads back. */
#include <ctype.h>

#include "coopdesk/ref.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	char prefix = (char)data[0];
	char *s = fuzz_text(data + 1, size - 1);
	int64_t n = -5, back;
	char buf[REF_BUFSZ];

	int rc = ref_parse(s, prefix, &n);
	fuzz_check_words(ref_strerror(rc), 200);
	if (rc == REF_OK) {
		CHECK(isalpha((unsigned char)prefix));
		CHECK(n > 0);
		ref_format(prefix, n, buf, sizeof buf);
		CHECK(buf[0] == toupper((unsigned char)prefix) && buf[1] == '-');
		CHECK(ref_parse(buf, prefix, &back) == REF_OK && back == n);
		buf[0] = (char)tolower((unsigned char)buf[0]);
		CHECK(ref_parse(buf, prefix, &back) == REF_OK && back == n);
	} else {
		CHECK(n == -5);
	}
	/* As typed in the go-to prompt: a member's number, a repair's
	 * reference. What is read is positive and reads back from the way the
	 * screens write it; what is refused leaves the number alone. */
	int64_t no = -7, id = -7;
	if (ref_member_number(s, &no)) {
		CHECK(no > 0);
		snprintf(buf, sizeof buf, "no. %lld", (long long)no);
		CHECK(ref_member_number(buf, &back) && back == no);
		snprintf(buf, sizeof buf, "#%lld", (long long)no);
		CHECK(ref_member_number(buf, &back) && back == no);
	} else {
		CHECK(no == -7);
	}
	if (ref_repair_typed(s, &id)) {
		CHECK(id > 0);
		CHECK(ref_parse(s, 'R', &back) == REF_OK && back == id);
		ref_format('R', id, buf, sizeof buf);
		CHECK(ref_repair_typed(buf, &back) && back == id);
		CHECK(!ref_member_number(s, &back));   /* one or the other */
	} else {
		CHECK(id == -7);
	}
	if (size >= 9) {
		int64_t v;
		memcpy(&v, data + 1, sizeof v);
		ref_format('R', v, buf, sizeof buf);
		if (v > 0)
			CHECK(ref_parse(buf, 'R', &back) == REF_OK && back == v);
		else
			CHECK(buf[0] == '\0');
	}
	free(s);
	return 0;
}
