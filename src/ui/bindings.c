/*
 * src/ui/bindings.c: which key does what. The defaults come from the
 * ACTIONS table; the keys file ($XDG_CONFIG_HOME/coopdesk/keys, format in
 * doc/keys.md) replaces an action's keys line by line. A bad line is
 * reported with its number and the rest still applies.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"

const struct action_info action_table[ACT_COUNT] = {
	[ACT_NONE] = { "none", "", 'G', "", "" },
#define X(id, name, keys, scope, hint, help) [ACT_##id] = { name, keys, scope, hint, help },
	ACTIONS(X)
#undef X
};

#define MAX_BINDINGS 256

struct binding {
	int32_t key;
	enum action action;
};

static struct binding table[MAX_BINDINGS];
static int nbind;

static void add_binding(int32_t key, enum action a)
{
	/* A key means one thing per scope: a later binding replaces it. */
	char scope = action_table[a].scope;
	for (int i = 0; i < nbind; i++)
		if (table[i].key == key && action_table[table[i].action].scope == scope) {
			table[i].action = a;
			return;
		}
	if (nbind < MAX_BINDINGS)
		table[nbind++] = (struct binding){ key, a };
}

static void remove_action(enum action a)
{
	int j = 0;
	for (int i = 0; i < nbind; i++)
		if (table[i].action != a)
			table[j++] = table[i];
	nbind = j;
}

static enum action action_by_name(const char *name)
{
	for (int a = 1; a < ACT_COUNT; a++)
		if (strcmp(action_table[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}

static void add_defaults(void)
{
	nbind = 0;
	for (int a = 1; a < ACT_COUNT; a++) {
		const char *p = action_table[a].keys;
		while (*p) {
			int32_t key;
			const char *end;
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			if (key_parse(p, &key, &end) != 0)
				break; /* the table is ours: a test checks every entry parses */
			add_binding(key, (enum action)a);
			p = end;
		}
	}
}

struct report_ctx {
	struct app *app;
	const char *path;
	int errors;
};

/* Every bad line is kept (the help lists them all); the status line says
 * how many and names the first. */
static void report_line(int line, const char *message, void *arg)
{
	struct report_ctx *r = arg;
	struct app *app = r->app;
	if (app->nkeys_problems < KEYS_PROBLEMS_MAX) {
		struct keys_problem *p = &app->keys_problems[app->nkeys_problems++];
		p->line = line;
		snprintf(p->text, sizeof p->text, "%s", message);
	}
	r->errors++;
}

static void report_summary(struct report_ctx *r)
{
	struct app *app = r->app;
	if (r->errors == 0)
		return;
	if (r->errors == 1) {
		app_message(app, STYLE_ERROR, "%s line %d: %s (the other lines apply)", r->path,
			    app->keys_problems[0].line, app->keys_problems[0].text);
		return;
	}
	char lines[96] = "";
	size_t used = 0;
	for (int i = 0; i < app->nkeys_problems && used < sizeof lines; i++) {
		int no = app->keys_problems[i].line;
		used += (size_t)snprintf(lines + used, sizeof lines - used, "%s%d",
					 i == 0 ? "" : i == app->nkeys_problems - 1 ? " and " : ", ", no);
	}
	app_message(app, STYLE_ERROR, "%s: lines %s%s are wrong and left out (the help lists why;"
		    " the other lines apply)", r->path, lines,
		    r->errors > app->nkeys_problems ? " and more" : "");
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 4096 > cap) {
			char *grown = realloc(buf, cap = cap ? cap * 2 : 8192);
			if (!grown || cap > (1u << 20)) {
				free(grown ? grown : buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

int bindings_init(struct app *app)
{
	char path[1024];
	const char *file = app->opt->keys_file;
	int asked = file != NULL;
	add_defaults();
	app->nkeys_problems = 0;
	if (!file) {
		const char *xdg = getenv("XDG_CONFIG_HOME");
		const char *home = getenv("HOME");
		if (xdg && *xdg == '/')
			snprintf(path, sizeof path, "%s/coopdesk/keys", xdg);
		else if (home && *home)
			snprintf(path, sizeof path, "%s/.config/coopdesk/keys", home);
		else
			return 0;
		file = path;
	}
	size_t len = 0;
	errno = 0;
	char *text = read_file(file, &len);
	if (!text) {
		/* The usual place may well have no file; one asked for by name must.
		 * Said on the status line, and whole in the help. */
		if (asked || errno != ENOENT) {
			struct keys_problem *p = &app->keys_problems[app->nkeys_problems++];
			p->line = 0;
			snprintf(p->text, sizeof p->text, "%s", errno ? strerror(errno) : "too large");
			app_message(app, STYLE_ERROR, "cannot read the keys file %s: %s; the usual"
				    " keys apply", file, p->text);
		}
		return asked ? 1 : 0;
	}
	struct key_binding found[MAX_BINDINGS];
	int n = 0;
	struct report_ctx r = { app, file, 0 };
	keyconf_parse(text, found, MAX_BINDINGS, &n, report_line, &r);
	free(text);
	/* Each action named in the file loses its defaults, once. */
	char replaced[ACT_COUNT] = { 0 };
	for (int i = 0; i < n; i++) {
		enum action a = action_by_name(found[i].action);
		if (a == ACT_NONE) {
			char msg[96];
			snprintf(msg, sizeof msg, "there is no action '%.32s' (see the help screen)",
				 found[i].action);
			report_line(found[i].line, msg, &r);
			continue;
		}
		if (!replaced[a]) {
			remove_action(a);
			replaced[a] = 1;
		}
		add_binding(found[i].key, a);
	}
	/* In line order, whichever check found them. */
	for (int i = 1; i < app->nkeys_problems; i++)
		for (int j = i; j > 0 && app->keys_problems[j].line < app->keys_problems[j - 1].line;
		     j--) {
			struct keys_problem tmp = app->keys_problems[j];
			app->keys_problems[j] = app->keys_problems[j - 1];
			app->keys_problems[j - 1] = tmp;
		}
	report_summary(&r);
	return r.errors;
}

enum action bindings_lookup(struct app *app, struct screen *s, int32_t key)
{
	enum action global = ACT_NONE;
	for (int i = 0; i < nbind; i++) {
		if (table[i].key != key)
			continue;
		enum action a = table[i].action;
		if (!ui_acts(app, s, a))
			continue;
		if (action_table[a].scope != 'G')
			return a;
		if (global == ACT_NONE)
			global = a;
	}
	return global;
}

int bindings_of(enum action a, int32_t *keys, int max)
{
	int n = 0;
	for (int i = 0; i < nbind && n < max; i++)
		if (table[i].action == a)
			keys[n++] = table[i].key;
	return n;
}

const char *bindings_keys(enum action a, char *buf, size_t n)
{
	size_t used = 0;
	buf[0] = '\0';
	for (int i = 0; i < nbind; i++) {
		if (table[i].action != a)
			continue;
		char name[32];
		key_format(table[i].key, name, sizeof name);
		int w = snprintf(buf + used, n - used, "%s%s", used ? " " : "", name);
		if (w < 0 || (size_t)w >= n - used)
			break;
		used += (size_t)w;
	}
	return buf;
}
