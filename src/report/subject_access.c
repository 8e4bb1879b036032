/*
 * src/report/subject_access.c: a member's whole record for a subject
 * access request (report_subject_access), from the sections the data
 * layer reads (coopdesk/subject_access.h): as JSON for a program, or as a
 * document to read or print, each section a heading and each row its
 * fields one a line ("Entered on      01/04/2019"), long values wrapped.
 * Streamed: a long rent account or audit trail takes the memory of a row.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/clock.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/subject_access.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "table.h"

#define LABEL_COLS 18

struct writer {
	FILE *out;
	const struct report_opts *o;
	int json;
	int width;
	int first_section;
};

/* ---- JSON ---------------------------------------------------------------- */

/* s as a JSON string: quotes, backslashes and every control character
 * escaped, the rest (UTF-8) as it is. */
static void json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", out);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
}

static int json_begin(void *ctx, enum sa_section s)
{
	struct writer *w = ctx;
	fputs(",\n  ", w->out);
	json_string(w->out, subject_access_section_name(s));
	fputs(": [", w->out);
	w->first_section = 1;
	return DB_OK;
}

static int json_row(void *ctx, enum sa_section s, const struct sa_value *v, int n)
{
	(void)s;
	struct writer *w = ctx;
	fputs(w->first_section ? "\n    {" : ",\n    {", w->out);
	w->first_section = 0;
	for (int i = 0; i < n; i++) {
		fputs(i ? ", " : "", w->out);
		json_string(w->out, v[i].name);
		fputs(": ", w->out);
		if (!v[i].text)
			fputs("null", w->out);
		else if (v[i].is_int)
			fputs(v[i].text, w->out);
		else
			json_string(w->out, v[i].text);
	}
	fputc('}', w->out);
	return DB_OK;
}

static int json_end(void *ctx, enum sa_section s, int64_t rows)
{
	(void)s;
	struct writer *w = ctx;
	fputs(rows ? "\n  ]" : "]", w->out);
	return DB_OK;
}

/* ---- the document -------------------------------------------------------- */

/* Columns that hold yes or no. */
static int yes_no(const char *name)
{
	static const char *const names[] = {
		"reported_by_them", "present_at_start", "held_a_proxy", "by_proxy", "disabled",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

static int ends_with(const char *s, const char *end)
{
	size_t a = strlen(s), b = strlen(end);
	return a >= b && strcmp(s + a - b, end) == 0;
}

/* "entered_on" -> "Entered on"; "amount_pence" -> "Amount". */
static void label_of(const char *name, char *buf, size_t n)
{
	size_t len = strlen(name);
	if (ends_with(name, "_pence"))
		len -= 6;
	if (len >= n)
		len = n - 1;
	for (size_t i = 0; i < len; i++)
		buf[i] = name[i] == '_' ? ' ' : name[i];
	buf[len] = '\0';
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
}

/* The value as a person reads it: dates and times local and dd/mm/yyyy,
 * pence as pounds, yes/no; into buf (malloc'd when long: *heap). */
static const char *shown(const struct sa_value *v, char *buf, size_t n, char **heap)
{
	*heap = NULL;
	if (!v->text || !v->text[0])
		return "";
	if (v->is_int && ends_with(v->name, "_pence"))
		return money_format(strtoll(v->text, NULL, 10), buf, n);
	if (v->is_int && yes_no(v->name))
		return strcmp(v->text, "0") ? "yes" : "no";
	size_t len = strlen(v->text);
	if (len >= 10 && v->text[4] == '-' && v->text[7] == '-' && len <= 25)
		return zone_format(v->text, buf, n);
	size_t need = 3 * len + 1;
	char *out = need > n ? (*heap = malloc(need)) : buf;
	if (!out)
		return "(out of memory)";
	text_inert(v->text, out, need > n ? need : n);
	return out;
}

/* Characters (not bytes) of UTF-8 s up to len bytes. */
static int chars(const char *s, size_t len)
{
	int c = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

/* "Label           value", the value wrapped at spaces (or cut) to the
 * page, its own new lines kept, each further line under the first. */
static void field(struct writer *w, const char *label, const char *value)
{
	int room = w->width - LABEL_COLS - 2;
	fprintf(w->out, "  %-*s", LABEL_COLS, label);
	const char *p = value;
	int first = 1;
	do {
		const char *nl = strchr(p, '\n');
		size_t line = nl ? (size_t)(nl - p) : strlen(p);
		size_t take = line;
		if (chars(p, line) > room) {
			/* The last space that keeps it within room, else cut at room. */
			size_t i = 0, cut = 0, space = 0;
			int c = 0;
			while (i < line && c < room) {
				if (p[i] == ' ')
					space = i;
				i++;
				while (i < line && ((unsigned char)p[i] & 0xc0) == 0x80)
					i++;
				c++;
			}
			cut = i;
			take = space > 0 ? space : cut;
		}
		if (!first)
			fprintf(w->out, "  %-*s", LABEL_COLS, "");
		fwrite(p, 1, take, w->out);
		fputc('\n', w->out);
		first = 0;
		p += take;
		if (*p == ' ' || (*p == '\n' && take == line))
			p++;
	} while (*p);
}

static int text_begin(void *ctx, enum sa_section s)
{
	struct writer *w = ctx;
	report_section(w->out, w->o, subject_access_section_title(s));
	return DB_OK;
}

static int text_row(void *ctx, enum sa_section s, const struct sa_value *v, int n)
{
	(void)s;
	struct writer *w = ctx;
	for (int i = 0; i < n; i++) {
		char label[64], buf[512], *heap;
		const char *val = shown(&v[i], buf, sizeof buf, &heap);
		if (!val[0])
			continue;
		label_of(v[i].name, label, sizeof label);
		field(w, label, val);
		free(heap);
	}
	fputc('\n', w->out);
	return DB_OK;
}

static int text_end(void *ctx, enum sa_section s, int64_t rows)
{
	(void)s;
	struct writer *w = ctx;
	if (!rows)
		fputs("  None.\n\n", w->out);
	return DB_OK;
}

int report_subject_access(struct db *db, const struct actor *who, int64_t member_id, int json,
			  const struct report_opts *o, FILE *out)
{
	struct member *m = malloc(sizeof *m);
	char coop[REPORT_COOP_MAX], now[CLOCK_ISO_LEN];
	if (!m)
		return db_note_error(db, DB_ERROR, "out of memory");
	int rc = subject_access_check(db, who, member_id);
	if (!rc)
		rc = member_get(db, who, member_id, m);
	if (rc) {
		free(m);
		return rc;
	}
	struct writer w = { .out = out, .o = o, .json = json,
			    .width = o->width >= 40 ? o->width : 80 };
	report_coop_name(db, coop, sizeof coop);
	if (json) {
		clock_now_iso(now, sizeof now);
		fputs("{\n  \"document\": \"subject access\",\n  \"coop\": ", out);
		json_string(out, coop);
		fprintf(out, ",\n  \"produced_at\": \"%s\",\n  \"member_no\": %lld", now,
			(long long)m->member_no);
		static const struct sa_reader jr = { json_begin, json_row, json_end };
		rc = subject_access_read(db, who, member_id, &jr, &w);
		fputs("\n}\n", out);
	} else {
		char title[sizeof m->name * 3 + 64], produced[64], name[3 * sizeof m->name + 1];
		text_inert(m->name, name, sizeof name);
		snprintf(title, sizeof title, "Subject access: member no. %lld, %s",
			 (long long)m->member_no, name);
		report_produced(produced, sizeof produced);
		const char *lines[] = {
			produced,
			"Everything the co-op holds about this member (UK GDPR art. 15): the"
			" register, shares, tenancies and rent, repairs, meetings, participation,"
			" complaints, the login account and the audit trail's entries about them.",
		};
		report_heading(out, o, coop, title, lines, 2);
		static const struct sa_reader tr = { text_begin, text_row, text_end };
		rc = subject_access_read(db, who, member_id, &tr, &w);
	}
	free(m);
	if (rc)
		return rc;
	return report_finish(db, out, 0);
}
