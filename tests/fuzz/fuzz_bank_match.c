/* libFuzzer target for the bank matcher (src/core/bank_match.c).
 *
 * The input is lines: the first is a bank line's text, each further one a
 * tenancy "REF|NAMES|START|END"; the first byte's low bit makes the line
 * paid out. Beyond not crashing: a debit is never matched; a match names
 * one of the candidates, anything else none; the reason is always said;
 * the index an import uses (bank_match_indexed) says exactly the same;
 * a normalised reference is capitals, digits and other scripts; and a line whose text is
 * one tenancy's own reference, with no other tenancy, is matched to it
 * (when that reference has anything to match and is valid UTF-8). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/bank_match.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, \
			        #cond);                                              \
			abort();                                                     \
		}                                                                    \
	} while (0)

#define MAX_CANDS 64

/* Copies the field [s, e) into dst (n bytes), cut short. */
static void field(char *dst, size_t n, const char *s, const char *e)
{
	size_t len = (size_t)(e - s);
	if (len >= n)
		len = n - 1;
	memcpy(dst, s, len);
	dst[len] = '\0';
}

static void check_match(const struct bank_line *l, const struct bank_candidate *c, int n,
			struct bank_match *m)
{
	bank_match_line(l, c, n, m);
	/* The index an import uses finds the same, in the same words. */
	struct bank_index *ix = bank_index_new(c, n);
	if (ix) {
		struct bank_match mi;
		bank_match_indexed(ix, l, &mi);
		bank_index_free(ix);
		CHECK(mi.outcome == m->outcome && mi.by == m->by && mi.cand == m->cand);
		CHECK(strcmp(mi.why, m->why) == 0);
	}
	CHECK(memchr(m->why, '\0', sizeof m->why) != NULL);
	CHECK(m->why[0] != '\0');
	if (l->amount_pence <= 0)
		CHECK(m->outcome == BANK_DEBIT);
	else
		CHECK(m->outcome != BANK_DEBIT);
	if (m->outcome == BANK_MATCHED)
		CHECK(m->cand >= 0 && m->cand < n);
	else
		CHECK(m->cand == -1);
}

/* 1 if s is valid UTF-8 (the matcher refuses anything else). */
static int valid_utf8(const unsigned char *s)
{
	while (*s) {
		unsigned c = *s;
		int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
			: c >= 0xF0 && c <= 0xF4 ? 4 : 0;
		if (!n)
			return 0;
		for (int i = 1; i < n; i++)
			if ((s[i] & 0xC0) != 0x80)
				return 0;
		if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) ||
		    (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90))
			return 0;
		s += n;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct bank_candidate c[MAX_CANDS];
	static struct bank_line l;
	static struct bank_match m;
	char *text = malloc(size + 1);
	CHECK(text != NULL);
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&l, 0, sizeof l);
	l.amount_pence = size > 0 && (data[0] & 1) ? -100 : 4500;
	snprintf(l.date, sizeof l.date, "2026-11-20");

	char *nl = strchr(text, '\n');
	field(l.text, sizeof l.text, text, nl ? nl : text + strlen(text));
	int n = 0;
	for (char *p = nl ? nl + 1 : NULL; p && n < MAX_CANDS; n++) {
		char *end = strchr(p, '\n');
		if (!end)
			end = p + strlen(p);
		const char *parts[4] = { p, "", "2000-01-01", "" };
		const char *ends[4] = { end, parts[1], parts[2] + 10, parts[3] };
		int k = 0;
		for (char *q = p; q < end && k < 3; q++) {
			if (*q == '|') {
				ends[k] = q;
				parts[++k] = q + 1;
				ends[k] = end;
			}
		}
		memset(&c[n], 0, sizeof c[n]);
		c[n].tenancy_id = n + 1;
		field(c[n].ref, sizeof c[n].ref, parts[0], ends[0]);
		field(c[n].names, sizeof c[n].names, parts[1], ends[1]);
		field(c[n].start_date, sizeof c[n].start_date, parts[2], ends[2]);
		field(c[n].end_date, sizeof c[n].end_date, parts[3], ends[3]);
		p = *end ? end + 1 : NULL;
	}
	check_match(&l, c, n, &m);

	/* A normalised reference is capitals, digits and other scripts only. */
	char k1[BANK_REF_MAX];
	bank_ref_key(l.text, k1, sizeof k1);
	for (const unsigned char *q = (const unsigned char *)k1; *q; q++)
		CHECK((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') || *q >= 0x80);

	/* A tenancy's own reference as the whole text matches it, alone. */
	if (n > 0) {
		struct bank_candidate one = c[0];
		snprintf(one.start_date, sizeof one.start_date, "2000-01-01");
		one.end_date[0] = '\0';
		one.names[0] = '\0';
		memset(&l, 0, sizeof l);
		l.amount_pence = 100;
		snprintf(l.date, sizeof l.date, "2026-11-20");
		snprintf(l.text, sizeof l.text, "%s", one.ref);
		check_match(&l, &one, 1, &m);
		bank_ref_key(one.ref, k1, sizeof k1);
		if (k1[0] && valid_utf8((const unsigned char *)one.ref))
			CHECK(m.outcome == BANK_MATCHED && m.cand == 0);
	}
	free(text);
	return 0;
}
