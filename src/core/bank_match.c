/*
 * src/core/bank_match.c: which tenancy a bank statement's line pays
 * (coopdesk/bank_match.h). Text is normalised into words of capitals and
 * digits; a home's reference is looked for among the line's words (or
 * words in a row run together), a signatory's name by their surname, with
 * their first name or its initial.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/bank_match.h"
#include "bank_match_int.h"

/* U+00C0..U+00FF as a bank prints them; "" is a separator (× ÷). */
static const char *const latin1[64] = {
	"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "SS",
	"A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
	"D", "N", "O", "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "Y",
};
/* U+0100..U+017F (Latin Extended-A), one plain letter each. */
static const char latin_ext_a[] =
	"AAAAAACCCCCCCCDD" "DDEEEEEEEEEEGGGG" "GGGGHHHHIIIIIIII" "IIIIJJKKKLLLLLLL"
	"LLLNNNNNNNNNOOOO" "OOOORRRRRRSSSSSS" "SSTTTTTTUUUUUUUU" "UUUUWWYYYZZZZZZS";

/* The length of the valid UTF-8 character at s (1..4), or 0 if invalid. */
static int utf8_len(const unsigned char *s)
{
	unsigned c = s[0];
	int n = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
		: c >= 0xF0 && c <= 0xF4 ? 4 : 0;
	for (int i = 1; i < n; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if (n == 3 && ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0)))
		return 0;
	if (n == 4 && ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] >= 0x90)))
		return 0;
	return n;
}

/* Appends one character of a word; a new word starts after a separator. */
static void put(struct words *w, int *in_word, int *pos, const char *bytes, int n)
{
	if (*pos + n + 1 >= (int)sizeof w->buf)
		return;
	if (!*in_word) {
		if (w->n == MAX_WORDS)
			return;
		if (*pos > 0)
			w->buf[(*pos)++] = ' ';
		w->start[w->n] = *pos;
		w->len[w->n++] = 0;
		*in_word = 1;
	}
	memcpy(w->buf + *pos, bytes, (size_t)n);
	*pos += n;
	w->len[w->n - 1] += n;
}

/* Drops the leading zeros of each run of digits in the last word. */
static void drop_zeros(struct words *w, int *pos)
{
	if (w->n == 0)
		return;
	char *s = w->buf + w->start[w->n - 1];
	int len = w->len[w->n - 1], out = 0;
	for (int i = 0; i < len; i++) {
		int run_start = (i == 0 || s[i - 1] < '0' || s[i - 1] > '9');
		if (run_start && s[i] == '0' && i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '9') {
			/* skip this zero: more digits follow in the same run */
			while (i + 1 < len && s[i] == '0' && s[i + 1] >= '0' && s[i + 1] <= '9')
				i++;
		}
		s[out++] = s[i];
	}
	*pos -= len - out;
	w->len[w->n - 1] = out;
	s[out] = '\0';
}

int bank_words_of(const char *s, struct words *w)
{
	const unsigned char *p = (const unsigned char *)s;
	int in_word = 0, pos = 0;
	w->n = 0;
	w->buf[0] = '\0';
	while (*p) {
		int n = utf8_len(p);
		if (n == 0)
			return -1;
		char one[2] = { 0, 0 };
		const char *put_bytes = NULL;
		int put_n = 0, drop = 0;
		if (n == 1) {
			unsigned c = *p;
			if (c >= 'a' && c <= 'z')
				one[0] = (char)(c - 'a' + 'A');
			else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
				one[0] = (char)c;
			else if (c == '\'' || c == '`')
				drop = 1;
			if (one[0])
				put_bytes = one, put_n = 1;
		} else if (n == 2 && (p[0] == 0xC3)) {
			put_bytes = latin1[p[1] - 0x80];
			put_n = (int)strlen(put_bytes);
		} else if (n == 2 && (p[0] == 0xC4 || p[0] == 0xC5)) {
			one[0] = latin_ext_a[(p[0] - 0xC4) * 64 + (p[1] - 0x80)];
			put_bytes = one, put_n = 1;
		} else if (n == 3 && p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x98 || p[2] == 0x99)) {
			drop = 1;      /* ‘ ’ */
		} else if (n == 2 && p[0] == 0xC2) {
			;              /* Latin-1 signs and spaces: a separator */
		} else if (n == 3 && p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81)) {
			;              /* general punctuation and spaces */
		} else if (n == 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
			;              /* ideographic space */
		} else {
			put_bytes = (const char *)p, put_n = n;   /* another script: kept */
		}
		if (put_n > 0) {
			put(w, &in_word, &pos, put_bytes, put_n);
		} else if (!drop && in_word) {
			drop_zeros(w, &pos);
			in_word = 0;
		}
		p += n;
	}
	if (in_word)
		drop_zeros(w, &pos);
	w->buf[pos] = '\0';
	return 0;
}

char *bank_ref_key(const char *ref, char *out, size_t n)
{
	static struct words w;   /* no threads; kept off the stack for the fuzzer */
	size_t used = 0;
	if (n == 0)
		return out;
	out[0] = '\0';
	if (!ref || bank_words_of(ref, &w) != 0)
		return out;
	for (int i = 0; i < w.n; i++) {
		if (used + (size_t)w.len[i] + 1 > n)
			break;
		memcpy(out + used, w.buf + w.start[i], (size_t)w.len[i]);
		used += (size_t)w.len[i];
	}
	out[used] = '\0';
	return out;
}

/* 1 if key is one of the words, or words in a row run together. */
static int has_key(const struct words *w, const char *key)
{
	size_t klen = strlen(key);
	if (klen == 0)
		return 0;
	for (int i = 0; i < w->n; i++) {
		size_t at = 0;
		for (int j = i; j < w->n; j++) {
			size_t l = (size_t)w->len[j];
			if (at + l > klen || memcmp(key + at, w->buf + w->start[j], l) != 0)
				break;
			at += l;
			if (at == klen)
				return 1;
		}
	}
	return 0;
}

static int has_word(const struct words *w, const char *s, int len)
{
	for (int i = 0; i < w->n; i++)
		if (w->len[i] == len && memcmp(w->buf + w->start[i], s, (size_t)len) == 0)
			return 1;
	return 0;
}

/* How well one person's name (normalised into nw) is in the text:
 * 3 every part of it, 2 the surname and the first name's initial alone,
 * 1 the surname only (at least 2 letters), 0 not at all. */
static int name_level(const struct words *text, const struct words *nw)
{
	if (nw->n == 0)
		return 0;
	int last = nw->n - 1;
	const char *sur = nw->buf + nw->start[last];
	if (nw->len[last] < 2 || !has_word(text, sur, nw->len[last]))
		return 0;
	if (nw->n == 1)
		return 1;
	int all = 1;
	for (int i = 0; i < last && all; i++)
		all = has_word(text, nw->buf + nw->start[i], nw->len[i]);
	if (all)
		return 3;
	const char *first = nw->buf + nw->start[0];
	if ((unsigned char)first[0] < 0x80 && has_word(text, first, 1))
		return 2;
	return 1;
}

/* Copies len bytes of src into dst (n bytes), cut short at a character's
 * end when there is no room. */
static void copy_cut(char *dst, size_t n, const char *src, size_t len)
{
	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(dst, src, len);
	dst[len] = '\0';
}

/* The best level among a tenancy's names ("Ann Smith, Bob Smith"); the
 * name that reached it (its surname for level 1) into said. */
static int names_level(const struct words *text, const char *names, char *said, size_t n)
{
	static struct words nw;
	char one[BANK_NAMES_MAX];
	int best = 0;
	const char *p = names;
	said[0] = '\0';
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		if (len >= sizeof one)
			len = sizeof one - 1;
		memcpy(one, p, len);
		one[len] = '\0';
		if (bank_words_of(one, &nw) == 0) {
			int l = name_level(text, &nw);
			if (l > best) {
				best = l;
				if (l == 1)
					copy_cut(said, n, nw.buf + nw.start[nw.n - 1],
						 (size_t)nw.len[nw.n - 1]);
				else
					copy_cut(said, n, nw.buf, strlen(nw.buf));
			}
		}
		p = comma ? comma + 1 : p + len;
	}
	return best;
}

struct fit {
	int ref;          /* the reference is in the text */
	int name;         /* name_level */
	int eligible;     /* started on or before the line's day */
	int current;      /* in force on the line's day */
	char key[BANK_REF_MAX];
	char said[BANK_WHY_MAX / 4];
};

static int later_end(const struct bank_candidate *a, const struct bank_candidate *b)
{
	return strcmp(a->end_date, b->end_date) > 0;
}

/* Of the set `in` (candidate indexes), keeps per home the tenancy in force
 * on the day, else the latest ended; returns how many are kept. */
static int prefer_current(const struct bank_candidate *c, const struct fit *f, int *in, int n)
{
	int kept = 0;
	for (int i = 0; i < n; i++) {
		int a = in[i], keep = 1;
		for (int j = 0; j < n && keep; j++) {
			int b = in[j];
			if (a == b || strcmp(f[a].key, f[b].key) != 0)
				continue;
			if (f[b].current && !f[a].current)
				keep = 0;
			else if (!f[a].current && !f[b].current && later_end(&c[b], &c[a]))
				keep = 0;
		}
		if (keep)
			in[kept++] = a;
	}
	return kept;
}

static void list_tenancies(const struct bank_candidate *c, const int *set, int n, char *out,
			   size_t size)
{
	size_t used = strlen(out);
	for (int i = 0; i < n && used < size; i++) {
		if (i == 3) {
			snprintf(out + used, size - used, " and %d more", n - 3);
			return;
		}
		used += (size_t)snprintf(out + used, size - used, "%s%s (tenancy %lld)",
					 i == 0 ? "" : i == n - 1 ? " and " : ", ", c[set[i]].ref,
					 (long long)c[set[i]].tenancy_id);
	}
}

static void ref_or_name(const struct bank_line *l, const struct bank_candidate *c, struct fit *f,
			int n, int *set, struct bank_match *m)
{
	int nr = 0, top = 0;
	for (int i = 0; i < n; i++)
		if (f[i].eligible && f[i].ref)
			set[nr++] = i;
	nr = prefer_current(c, f, set, nr);
	if (nr == 1) {
		int t = set[0], other = 0;
		for (int i = 0; i < n; i++)
			if (f[i].eligible && f[i].name > other && strcmp(f[i].key, f[t].key) != 0)
				other = f[i].name;
		if (f[t].name == 0 && other > 0) {
			int s2[1] = { 0 }, k = 0;
			for (int i = 0; i < n && k == 0; i++)
				if (f[i].eligible && f[i].name == other && strcmp(f[i].key, f[t].key) != 0)
					s2[k++] = i;
			m->outcome = BANK_AMBIGUOUS;
			snprintf(m->why, sizeof m->why, "the reference is home %s's but the name %s is"
				 " of home %s (tenancy %lld)", c[t].ref, f[s2[0]].said, c[s2[0]].ref,
				 (long long)c[s2[0]].tenancy_id);
			return;
		}
		m->outcome = BANK_MATCHED;
		m->cand = t;
		m->by = f[t].name ? BANK_BY_REF_AND_NAME : BANK_BY_REF;
		if (f[t].name)
			snprintf(m->why, sizeof m->why, "by the reference %s and the name %s", c[t].ref,
				 f[t].said);
		else
			snprintf(m->why, sizeof m->why, "by the reference %s", c[t].ref);
		return;
	}
	if (nr > 1) {
		for (int i = 0; i < nr; i++)
			if (f[set[i]].name > top)
				top = f[set[i]].name;
		int k = 0, pick = -1;
		for (int i = 0; i < nr; i++)
			if (top > 0 && f[set[i]].name == top)
				k++, pick = set[i];
		if (k == 1) {
			m->outcome = BANK_MATCHED;
			m->cand = pick;
			m->by = BANK_BY_REF_AND_NAME;
			snprintf(m->why, sizeof m->why, "by the reference %s and the name %s",
				 c[pick].ref, f[pick].said);
			return;
		}
		m->outcome = BANK_AMBIGUOUS;
		snprintf(m->why, sizeof m->why, "the references of %d homes are in it: ", nr);
		list_tenancies(c, set, nr, m->why, sizeof m->why);
		return;
	}
	/* No reference: the names. */
	for (int i = 0; i < n; i++)
		if (f[i].eligible && f[i].name > top)
			top = f[i].name;
	int k = 0;
	for (int i = 0; i < n && top > 0; i++)
		if (f[i].eligible && f[i].name == top)
			set[k++] = i;
	/* The same person's former and present tenancies: the present one. */
	int cur = 0;
	for (int i = 0; i < k; i++)
		cur += f[set[i]].current;
	if (cur > 0 && cur < k) {
		int kept = 0;
		for (int i = 0; i < k; i++)
			if (f[set[i]].current)
				set[kept++] = set[i];
		k = kept;
	} else if (cur == 0 && k > 1) {
		int latest = set[0];
		for (int i = 1; i < k; i++)
			if (later_end(&c[set[i]], &c[latest]))
				latest = set[i];
		int kept = 0;
		for (int i = 0; i < k; i++)
			if (strcmp(c[set[i]].end_date, c[latest].end_date) == 0)
				set[kept++] = set[i];
		k = kept;
	}
	if (k == 1) {
		m->outcome = BANK_MATCHED;
		m->cand = set[0];
		m->by = BANK_BY_NAME;
		snprintf(m->why, sizeof m->why, top == 1 ? "by the surname %s only" : "by the name %s",
			 f[set[0]].said);
		return;
	}
	if (k > 1) {
		m->outcome = BANK_AMBIGUOUS;
		snprintf(m->why, sizeof m->why, "the name %s fits %d tenancies: ", f[set[0]].said, k);
		list_tenancies(c, set, k, m->why, sizeof m->why);
		return;
	}
	m->outcome = BANK_UNMATCHED;
	for (int i = 0; i < n; i++) {
		if (f[i].ref && !f[i].eligible) {
			struct date d;
			char uk[DATE_BUFSZ] = "";
			if (date_parse(c[i].start_date, &d) == DATE_OK)
				date_format_uk(d, uk, sizeof uk);
			snprintf(m->why, sizeof m->why, "the reference is home %s's, but its tenancy"
				 " starts on %s, after the payment", c[i].ref, uk);
			return;
		}
	}
	(void)l;
	snprintf(m->why, sizeof m->why, "no home's reference and no tenant's name is in it");
}

/* The debit, empty and invalid cases, said in m; 1 when the line has
 * words to match, after them in *text. */
int bank_line_words(const struct bank_line *l, struct words *text, struct bank_match *m)
{
	memset(m, 0, sizeof *m);
	m->cand = -1;
	m->by = BANK_BY_NONE;
	if (l->amount_pence <= 0) {
		m->outcome = BANK_DEBIT;
		snprintf(m->why, sizeof m->why, l->amount_pence < 0 ? "paid out" : "nothing paid in");
		return 0;
	}
	m->outcome = BANK_UNMATCHED;
	if (bank_words_of(l->text, text) != 0) {
		snprintf(m->why, sizeof m->why, "its text is not valid UTF-8");
		return 0;
	}
	if (text->n == 0) {
		snprintf(m->why, sizeof m->why, "it has no reference or description");
		return 0;
	}
	return 1;
}

void bank_match_among(const struct bank_line *l, const struct words *text,
		      const struct bank_candidate *c, int n, struct bank_match *m)
{
	struct fit *f = n > 0 ? calloc((size_t)n, sizeof *f) : NULL;
	int *set = n > 0 ? calloc((size_t)n, sizeof *set) : NULL;
	if (n > 0 && (!f || !set)) {
		free(f);
		free(set);
		snprintf(m->why, sizeof m->why, "out of memory comparing it with the tenancies");
		return;
	}
	for (int i = 0; i < n; i++) {
		bank_ref_key(c[i].ref, f[i].key, sizeof f[i].key);
		f[i].ref = has_key(text, f[i].key);
		f[i].name = names_level(text, c[i].names, f[i].said, sizeof f[i].said);
		f[i].eligible = c[i].start_date[0] && strcmp(c[i].start_date, l->date) <= 0;
		f[i].current = f[i].eligible && (!c[i].end_date[0] || strcmp(l->date, c[i].end_date) < 0);
	}
	ref_or_name(l, c, f, n, set, m);
	free(f);
	free(set);
}

void bank_match_line(const struct bank_line *l, const struct bank_candidate *c, int n,
		     struct bank_match *m)
{
	static struct words text;
	if (bank_line_words(l, &text, m))
		bank_match_among(l, &text, c, n, m);
}

const char *bank_outcome_name(enum bank_outcome o)
{
	switch (o) {
	case BANK_MATCHED: return "matched";
	case BANK_UNMATCHED: return "unmatched";
	case BANK_AMBIGUOUS: return "ambiguous";
	case BANK_DEBIT: return "debit";
	}
	return "?";
}
