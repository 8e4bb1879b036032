/*
 * src/core/bank_index.c: the bank matcher's index of a co-op's tenancies
 * (coopdesk/bank_match.h). Each key, normalised as the matcher compares
 * text (a home's reference as one run of capitals and digits, a
 * signatory's surname of two or more letters), is kept in a hash table
 * with the tenancy it belongs to. A line's words, alone and run together,
 * are looked up, and the tenancies found are compared in full by
 * bank_match_among, in the order of the candidates, so the outcome is
 * bank_match_line's. A tenancy that no word of the line finds has neither
 * its reference nor a surname in it, and bank_match_line would pass it by.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/bank_match.h"
#include "bank_match_int.h"

struct slot {
	uint32_t hash;
	uint32_t at, len;        /* the key's bytes in the pool */
	int cand;                /* -1: empty */
};

struct bank_index {
	const struct bank_candidate *c;
	int n;
	struct slot *slots;
	size_t mask;             /* slots - 1; their number is a power of two */
	char *pool;
	size_t used, size;
	size_t longest;          /* the longest key's bytes */
	unsigned *stamp;         /* per tenancy: the last line that found it */
	unsigned line;
	int *found;              /* the tenancies this line found */
	struct bank_candidate *cc;   /* their copies, in the order of c */
	int cc_size;
	struct words text, name;
	char run[sizeof ((struct words *)0)->buf];
};

static uint32_t hash_of(const char *s, size_t n)
{
	uint32_t h = 2166136261u;          /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

/* Calls each(ix, key, len, i) for every key of tenancy i: its reference,
 * then each signatory's surname, split as bank_match.c's names_level
 * splits them. Returns the first non-zero, else 0. */
static int keys_of(struct bank_index *ix, int i,
		   int (*each)(struct bank_index *, const char *, size_t, int))
{
	char key[BANK_REF_MAX], one[BANK_NAMES_MAX];
	const struct bank_candidate *c = &ix->c[i];
	int rc;
	bank_ref_key(c->ref, key, sizeof key);
	if (key[0] && (rc = each(ix, key, strlen(key), i)))
		return rc;
	const char *p = c->names;
	while (*p) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		size_t cut = len >= sizeof one ? sizeof one - 1 : len;
		memcpy(one, p, cut);
		one[cut] = '\0';
		struct words *w = &ix->name;
		if (bank_words_of(one, w) == 0 && w->n > 0 && w->len[w->n - 1] >= 2 &&
		    (rc = each(ix, w->buf + w->start[w->n - 1], (size_t)w->len[w->n - 1], i)))
			return rc;
		p = comma ? comma + 1 : p + cut;
	}
	return 0;
}

static int count_key(struct bank_index *ix, const char *key, size_t len, int i)
{
	(void)key;
	(void)i;
	ix->used++;              /* the first pass counts keys here */
	ix->size += len;
	return 0;
}

static int add_key(struct bank_index *ix, const char *key, size_t len, int i)
{
	uint32_t h = hash_of(key, len);
	size_t s = h & ix->mask;
	for (; ix->slots[s].cand >= 0; s = (s + 1) & ix->mask) {
		const struct slot *o = &ix->slots[s];
		if (o->cand == i && o->hash == h && o->len == len &&
		    memcmp(ix->pool + o->at, key, len) == 0)
			return 0;        /* two of its names share a surname */
	}
	memcpy(ix->pool + ix->used, key, len);
	ix->slots[s] = (struct slot){ h, (uint32_t)ix->used, (uint32_t)len, i };
	ix->used += len;
	if (len > ix->longest)
		ix->longest = len;
	return 0;
}

void bank_index_free(struct bank_index *ix)
{
	if (!ix)
		return;
	free(ix->slots);
	free(ix->pool);
	free(ix->stamp);
	free(ix->found);
	free(ix->cc);
	free(ix);
}

struct bank_index *bank_index_new(const struct bank_candidate *c, int n)
{
	struct bank_index *ix = calloc(1, sizeof *ix);
	if (!ix)
		return NULL;
	ix->c = c;
	ix->n = n > 0 ? n : 0;
	for (int i = 0; i < ix->n; i++)
		keys_of(ix, i, count_key);
	size_t keys = ix->used, slots = 16;
	while (slots < 2 * keys)
		slots *= 2;
	ix->mask = slots - 1;
	ix->used = 0;
	if (ix->size > UINT32_MAX ||
	    !(ix->slots = malloc(slots * sizeof *ix->slots)) ||
	    !(ix->pool = malloc(ix->size + 1)) ||
	    !(ix->stamp = calloc((size_t)ix->n + 1, sizeof *ix->stamp)) ||
	    !(ix->found = malloc(((size_t)ix->n + 1) * sizeof *ix->found))) {
		bank_index_free(ix);
		return NULL;
	}
	for (size_t s = 0; s < slots; s++)
		ix->slots[s].cand = -1;
	for (int i = 0; i < ix->n; i++)
		keys_of(ix, i, add_key);
	return ix;
}

/* Marks the tenancies whose key is the `len` bytes at key. */
static int find(struct bank_index *ix, const char *key, size_t len, int nfound)
{
	uint32_t h = hash_of(key, len);
	for (size_t s = h & ix->mask; ix->slots[s].cand >= 0; s = (s + 1) & ix->mask) {
		const struct slot *o = &ix->slots[s];
		if (o->hash != h || o->len != len || memcmp(ix->pool + o->at, key, len) != 0 ||
		    ix->stamp[o->cand] == ix->line)
			continue;
		ix->stamp[o->cand] = ix->line;
		ix->found[nfound++] = o->cand;
	}
	return nfound;
}

static int by_index(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void bank_match_indexed(struct bank_index *ix, const struct bank_line *l, struct bank_match *m)
{
	if (!bank_line_words(l, &ix->text, m))
		return;
	if (++ix->line == 0) {       /* after 4 billion lines, start again */
		memset(ix->stamp, 0, (size_t)ix->n * sizeof *ix->stamp);
		ix->line = 1;
	}
	/* Each word, and the words after it run together, while they are no
	 * longer than the longest key: has_key's and has_word's matches. */
	const struct words *t = &ix->text;
	int nfound = 0;
	for (int i = 0; i < t->n; i++) {
		size_t at = 0;
		for (int j = i; j < t->n && at + (size_t)t->len[j] <= ix->longest; j++) {
			memcpy(ix->run + at, t->buf + t->start[j], (size_t)t->len[j]);
			at += (size_t)t->len[j];
			nfound = find(ix, ix->run, at, nfound);
		}
	}
	qsort(ix->found, (size_t)nfound, sizeof *ix->found, by_index);
	if (nfound > ix->cc_size) {
		struct bank_candidate *cc = realloc(ix->cc, (size_t)nfound * sizeof *cc);
		if (!cc) {
			snprintf(m->why, sizeof m->why, "out of memory comparing it with the tenancies");
			return;
		}
		ix->cc = cc;
		ix->cc_size = nfound;
	}
	for (int k = 0; k < nfound; k++)
		ix->cc[k] = ix->c[ix->found[k]];
	bank_match_among(l, t, ix->cc, nfound, m);
	if (m->cand >= 0)
		m->cand = ix->found[m->cand];
}
