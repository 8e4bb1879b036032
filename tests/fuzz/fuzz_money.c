/* libFuzzer target for amounts of money as people type them
 * (src/core/money.c) and the rent review's change ("3.5%", "-£2",
 * rent_change_parse in src/core/rent_calc.c), and rent periods.
 *
 * An amount that parses is within MONEY_MAX; written back for people
 * ("£1,234.56") and for files ("1234.56") it reads back the same; a
 * refusal leaves the value alone and has words. A change that parses is
 * in range, applies to a rent without going below £0.00, and a refusal
 * says why in words. */
#include "coopdesk/money.h"
#include "coopdesk/rent_calc.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_text(data, size);
	int64_t p = -7, back;
	char buf[MONEY_BUFSZ], why[200];

	int rc = money_parse(s, &p);
	fuzz_check_words(money_strerror(rc), 200);
	if (rc == MONEY_OK) {
		CHECK(p >= -MONEY_MAX && p <= MONEY_MAX);
		money_format(p, buf, sizeof buf);
		CHECK(money_parse(buf, &back) == MONEY_OK && back == p);
		money_format_plain(p, buf, sizeof buf);
		CHECK(money_parse(buf, &back) == MONEY_OK && back == p);
	} else {
		CHECK(p == -7);
	}

	struct rent_change c;
	why[0] = '\0';
	if (rent_change_parse(s, &c, why, sizeof why) == 0) {
		if (c.by_percent)
			CHECK(c.percent_x100 > -10000 && c.percent_x100 <= 10000);
		else
			CHECK(c.amount >= -MONEY_MAX && c.amount <= MONEY_MAX);
		char shown[64];
		rent_change_format(&c, shown, sizeof shown);
		fuzz_check_words(shown, sizeof shown);
		static const int64_t rents[] = { 0, 1, 9231, 100000, MONEY_MAX };
		for (size_t i = 0; i < sizeof rents / sizeof rents[0]; i++) {
			int64_t out = -1;
			if (rent_change_apply(rents[i], &c, &out) == 0)
				CHECK(out >= 0 && out <= MONEY_MAX);
		}
	} else {
		fuzz_check_words(why, sizeof why);
	}

	enum rent_period per = (enum rent_period)99;
	if (rent_period_parse(s, &per) == 0)
		CHECK(rent_period_name(per) != NULL);
	else
		CHECK(per == (enum rent_period)99);
	free(s);
	return 0;
}
