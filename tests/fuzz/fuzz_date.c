/* libFuzzer target for dates as people type them (src/core/date.c), the
 * strict ISO dates of the data layer (rent_iso_date) and instants
 * (zone_date, zone_format).
 *
 * A date that parses is a real day of 1900..2999; written back in either
 * form it reads back the same; date_explain agrees with date_parse and
 * explains a refusal in words; every strict ISO date is also a date; a
 * day number from the first four bytes round-trips when it is valid. */
#include "coopdesk/date.h"
#include "coopdesk/rent_calc.h"
#include "coopdesk/zone.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_text(data, size);
	struct date d = { -1, -1, -1 }, again, iso;
	char buf[DATE_BUFSZ], why[200], shown[ZONE_TIME_BUFSZ];

	int rc = date_parse(s, &d);
	CHECK(rc >= DATE_OK && rc <= DATE_RANGE);
	fuzz_check_words(date_strerror(rc), 200);
	why[0] = 'x';
	CHECK(date_explain(s, why, sizeof why) == rc);
	CHECK(strlen(why) < sizeof why);
	if (rc == DATE_OK) {
		CHECK(why[0] == '\0');
		CHECK(date_valid(d));
		CHECK(date_to_days(d) != DATE_NO_DAY);
		CHECK(date_weekday(d) >= 0 && date_weekday(d) <= 6);
		date_format_iso(d, buf, sizeof buf);
		CHECK(strlen(buf) == 10);
		CHECK(date_parse(buf, &again) == DATE_OK && date_cmp(again, d) == 0);
		CHECK(rent_iso_date(buf, &iso) == 0 && date_cmp(iso, d) == 0);
		date_format_uk(d, buf, sizeof buf);
		CHECK(date_parse(buf, &again) == DATE_OK && date_cmp(again, d) == 0);
	} else {
		CHECK(d.y == -1 && d.m == -1 && d.d == -1); /* left alone */
		CHECK(why[0] != '\0');
	}
	/* The data layer's strict form is a subset of what people may type. */
	if (rent_iso_date(s, &iso) == 0) {
		CHECK(date_valid(iso));
		CHECK(date_parse(s, &again) == DATE_OK && date_cmp(again, iso) == 0);
	}
	/* An instant: its local date is a real day; shown, it fits. */
	if (zone_date(s, &iso) == 0)
		CHECK(iso.y >= 1 && iso.m >= 1 && iso.m <= 12 && iso.d >= 1 && iso.d <= 31);
	zone_format(s, shown, sizeof shown);
	CHECK(strlen(shown) < sizeof shown);
	if (size >= 4) {
		int32_t days;
		memcpy(&days, data, sizeof days);
		struct date f = date_from_days(days);
		if (date_valid(f)) {
			CHECK(date_to_days(f) == days);
			struct date g = date_add_days(f, 1);
			CHECK(!date_valid(g) || date_to_days(g) == days + 1);
		}
	}
	free(s);
	return 0;
}
