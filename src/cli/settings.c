/*
 * src/cli/settings.c: coopdesk settings list|get KEY|set KEY VALUE: the
 * co-op's rule numbers from the command line, each change checked as the
 * data layer checks it (its kind, its range) and audited.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "coopdesk/cli.h"
#include "coopdesk/settings.h"

static const char settings_usage[] =
	"usage: coopdesk [--db FILE] settings list\n"
	"       coopdesk [--db FILE] settings get KEY\n"
	"       coopdesk [--db FILE] settings set KEY VALUE\n"
	"The co-op's rules as numbers and words: list shows each with its value, the\n"
	"values it may take, what it is for and where the rule comes from; get prints\n"
	"one value; set changes one, refusing in words a value out of its range or not\n"
	"of its kind (the change is audited, as the command line's).\n"
	"Exit status: 0 done, 1 refused or not found, 2 usage.\n";

#define PAGE 32

static void range_of(const struct setting *s, char *buf, size_t n)
{
	if (s->has_min && s->has_max)
		snprintf(buf, n, "%lld to %lld", (long long)s->min_value, (long long)s->max_value);
	else if (s->has_min)
		snprintf(buf, n, "at least %lld", (long long)s->min_value);
	else if (s->has_max)
		snprintf(buf, n, "at most %lld", (long long)s->max_value);
	else
		snprintf(buf, n, "any %s", s->kind);
}

static int list(const struct cli_ctx *ctx, struct db *db, const struct actor *who)
{
	struct setting rows[PAGE];
	struct page_key key;
	char shown[3][CLI_INERT_BUFSZ(sizeof rows[0].description)], range[64];
	int n, rc = setting_page(db, who, PAGE_FIRST, NULL, rows, PAGE, &n);
	while (!rc && n > 0) {
		for (int i = 0; i < n; i++) {
			const struct setting *s = &rows[i];
			range_of(s, range, sizeof range);
			fprintf(ctx->out, "%s = %s\n    %s (%s)\n    %s%s%s\n", s->key,
				cli_inert(s->value, shown[0], sizeof shown[0]), s->kind, range,
				cli_inert(s->description, shown[1], sizeof shown[1]),
				s->source[0] ? "; " : "",
				cli_inert(s->source, shown[2], sizeof shown[2]));
		}
		if (n < PAGE)
			break;
		memset(&key, 0, sizeof key);
		snprintf(key.text, sizeof key.text, "%.*s", (int)sizeof key.text - 1, rows[n - 1].key);
		rc = setting_page(db, who, PAGE_AFTER, &key, rows, PAGE, &n);
	}
	return rc == DB_NOTFOUND ? DB_OK : rc;
}

int cmd_settings(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx local = *ctx;
	int c;
	while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': local.db_path = optarg; break;
		case 'h': fputs(settings_usage, ctx->out); return 0;
		default: fputs(settings_usage, ctx->err); return 2;
		}
	}
	const char *verb = optind < argc ? argv[optind] : "";
	int want = !strcmp(verb, "list") ? 1 : !strcmp(verb, "get") ? 2 : !strcmp(verb, "set") ? 3 : 0;
	if (!want || argc - optind != want) {
		fprintf(ctx->err, "coopdesk settings: %s\n%s", !want ? "list, get or set?"
			: want == 2 ? "get takes one KEY" : want == 3 ? "set takes a KEY and a VALUE"
			: "list takes nothing more", settings_usage);
		return 2;
	}
	char path[PATH_MAX];
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	struct actor who = actor_system("coopdesk settings");
	struct setting s;
	char shown[CLI_INERT_BUFSZ(sizeof s.value)];
	int rc;
	if (want == 1) {
		rc = list(ctx, db, &who);
	} else if (!(rc = setting_get(db, argv[optind + 1], &s))) {
		if (want == 2)
			fprintf(ctx->out, "%s\n", cli_inert(s.value, shown, sizeof shown));
		else if (!(rc = setting_set(db, &who, s.key, argv[optind + 2], s.version)))
			fprintf(ctx->out, "%s was %s; now %s\n", s.key,
				cli_inert(s.value, shown, sizeof shown), argv[optind + 2]);
	}
	if (rc) {
		char said[CLI_INERT_BUFSZ(512)], range[64] = "";
		if (want == 3 && (rc == DB_INVALID || rc == DB_CONSTRAINT))
			range_of(&s, range, sizeof range);
		fprintf(ctx->err, "coopdesk settings: %s%s%s%s\n", rc == DB_NOTFOUND && want > 1
			? "there is no such setting ('coopdesk settings list' names them)"
			: cli_inert(db_errmsg(db), said, sizeof said), range[0] ? " (" : "",
			range, range[0] ? ")" : "");
	}
	db_close(db);
	return rc ? 1 : 0;
}
