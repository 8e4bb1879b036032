/*
 * src/cli/user.c: coopdesk user add|passwd|role|disable|enable|list, the
 * machine administrator's tool for accounts, and the hidden coopdesk
 * roles, which prints the role table for tests/cli/security_doc.sh.
 *
 * The person at the command line holds the database file, so they act
 * with the command line's full access (ROLE_SYSTEM), named "coopdesk
 * user" in the audit trail, and no current password is asked. Every
 * refusal is the data layer's, in its words (doc/security.md).
 */
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/cli.h"
#include "coopdesk/members.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "coopdesk/zone.h"

#define PROG "coopdesk user"

static const char user_usage[] =
	"usage: coopdesk [--db FILE] user add USERNAME --role ROLE [--name \"Display Name\"]"
	" [--member NO]\n"
	"       coopdesk [--db FILE] user passwd USERNAME\n"
	"       coopdesk [--db FILE] user role USERNAME --role ROLE [--member NO]\n"
	"       coopdesk [--db FILE] user disable USERNAME\n"
	"       coopdesk [--db FILE] user enable USERNAME\n"
	"       coopdesk [--db FILE] user list\n"
	"Manages the co-op's user accounts. ROLE is board, volunteer or member; a\n"
	"member's account needs --member NO, their number in the register.\n"
	"Passwords are typed twice at the terminal without echo; when standard input\n"
	"is not a terminal, one line is read from it instead:\n"
	"    printf 'secret-pass\\n' | coopdesk user passwd ann\n"
	"Whoever runs this holds the database file, so no current password is asked.\n"
	"enable also clears a lockout after failed logins. Accounts are never deleted.\n";

struct user_args {
	const char *sub, *username, *name;
	enum role role;
	int64_t member_no;
	int has_role, has_name, has_member;
};

static int usage_error(const struct cli_ctx *ctx, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int usage_error(const struct cli_ctx *ctx, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(ctx->err, PROG ": ");
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fprintf(ctx->err, "\n%s", user_usage);
	return 2;
}

/* Says the data layer's sentence, inert: it may quote names. */
static void fail_words(const struct cli_ctx *ctx, struct db *db)
{
	char said[CLI_INERT_BUFSZ(512)];
	fprintf(ctx->err, PROG ": %s\n", cli_inert(db_errmsg(db), said, sizeof said));
}

/* Says the data layer's sentence (after `username`, when given) and
 * closes the database. */
static int fail(const struct cli_ctx *ctx, struct db *db, const char *username)
{
	char said[CLI_INERT_BUFSZ(512)], name[CLI_INERT_BUFSZ(128)];
	if (username)
		fprintf(ctx->err, PROG ": %s: %s\n", cli_inert(username, name, sizeof name),
			cli_inert(db_errmsg(db), said, sizeof said));
	else
		fprintf(ctx->err, PROG ": %s\n", cli_inert(db_errmsg(db), said, sizeof said));
	db_close(db);
	return 1;
}

/* "2026-07-01T10:00:00Z" as the co-op's local "01/07/2026 11:00" into
 * buf; `none` when empty. */
static void local_time(const char *iso, const char *none, char *buf, size_t n)
{
	if (!iso[0])
		snprintf(buf, n, "%s", none);
	else
		zone_format(iso, buf, n);
}

/* The member id of member number `no`, or 0 after saying why. */
static int64_t member_id_of(const struct cli_ctx *ctx, struct db *db, const struct actor *who,
			    int64_t no)
{
	struct member *m = malloc(sizeof *m);
	if (!m) {
		fprintf(ctx->err, PROG ": out of memory\n");
		return 0;
	}
	int64_t id = 0;
	int rc = member_get_by_no(db, who, no, m);
	if (rc == DB_NOTFOUND)
		fprintf(ctx->err, PROG ": there is no member number %lld in the register\n",
			(long long)no);
	else if (rc)
		fail_words(ctx, db);
	else
		id = m->id;
	free(m);
	return id;
}

static int do_add(const struct cli_ctx *ctx, struct db *db, const struct actor *who,
		  const struct user_args *a)
{
	struct user u;
	int64_t member_id = 0;
	if (a->has_member && !(member_id = member_id_of(ctx, db, who, a->member_no))) {
		db_close(db);
		return 1;
	}
	/* Taken names are refused before the password is asked for. */
	char name[CLI_INERT_BUFSZ(USER_DISPLAY_MAX * 4)];
	if (user_get_by_name(db, who, a->username, &u) == DB_OK) {
		fprintf(ctx->err, PROG ": that username is taken: %s\n",
			cli_inert(a->username, name, sizeof name));
		db_close(db);
		return 1;
	}
	char pw[CLI_PASSWORD_BUF];
	if (cli_read_password(ctx, PROG, a->username, pw, sizeof pw)) {
		db_close(db);
		return 1;
	}
	const char *display = a->has_name ? a->name : a->username;
	int rc = user_create(db, who, a->username, display, a->role, member_id, pw, NULL);
	explicit_bzero(pw, sizeof pw);
	if (rc)
		return fail(ctx, db, NULL);
	fprintf(ctx->out, "Added %s (%s), %s", a->username, cli_inert(display, name, sizeof name),
		access_role_name(a->role));
	if (a->has_member)
		fprintf(ctx->out, ", member no. %lld", (long long)a->member_no);
	fprintf(ctx->out, ".\n");
	db_close(db);
	return 0;
}

static int do_passwd(const struct cli_ctx *ctx, struct db *db, const struct actor *who,
		     const struct user *u)
{
	char pw[CLI_PASSWORD_BUF];
	if (cli_read_password(ctx, PROG, u->username, pw, sizeof pw)) {
		db_close(db);
		return 1;
	}
	int rc = user_set_password(db, who, u->id, NULL, pw);
	explicit_bzero(pw, sizeof pw);
	if (rc)
		return fail(ctx, db, NULL);
	fprintf(ctx->out, "Set a new password for %s%s.\n", u->username,
		u->failed_logins || u->locked_until[0] ? " and cleared its lockout" : "");
	db_close(db);
	return 0;
}

static int do_role(const struct cli_ctx *ctx, struct db *db, const struct actor *who,
		   const struct user *u, const struct user_args *a)
{
	int64_t member_id = 0;
	if (a->has_member && !(member_id = member_id_of(ctx, db, who, a->member_no))) {
		db_close(db);
		return 1;
	}
	if (user_set_role(db, who, u->id, a->role, member_id))
		return fail(ctx, db, NULL);
	fprintf(ctx->out, "%s is now %s", u->username, access_role_name(a->role));
	if (a->has_member)
		fprintf(ctx->out, ", member no. %lld", (long long)a->member_no);
	fprintf(ctx->out, ".\n");
	db_close(db);
	return 0;
}

static int do_able(const struct cli_ctx *ctx, struct db *db, const struct actor *who,
		   const struct user *u, int disable)
{
	int rc = disable ? user_disable(db, who, u->id) : user_enable(db, who, u->id);
	if (rc)
		return fail(ctx, db, NULL);
	if (disable)
		fprintf(ctx->out, u->disabled ? "%s was already disabled.\n"
					      : "Disabled %s: it can no longer log in.\n",
			u->username);
	else if (u->disabled)
		fprintf(ctx->out, "Enabled %s: it can log in again.\n", u->username);
	else if (u->failed_logins || u->locked_until[0])
		fprintf(ctx->out, "%s was enabled already; cleared its lockout.\n", u->username);
	else
		fprintf(ctx->out, "%s was already enabled.\n", u->username);
	db_close(db);
	return 0;
}

/* ---- user list ----------------------------------------------------------- */

enum { COL_USER, COL_NAME, COL_ROLE, COL_MEMBER, COL_DISABLED, COL_LOCKED, COL_LOGIN, NCOL };

static const char *const headings[NCOL] = {
	"username", "display name", "role", "member no.", "disabled", "locked until",
	"last login",
};

/* One line of the list, each cell padded to its column's width (the last
 * one not padded). */
static void print_line(FILE *out, const char *const cell[NCOL], const int width[NCOL])
{
	char buf[USER_DISPLAY_MAX * 4 * 3 + 64];
	for (int c = 0; c < NCOL; c++) {
		if (c == NCOL - 1) {
			text_fit(cell[c], text_width(cell[c]), buf, sizeof buf);
			fprintf(out, "%s\n", buf);
		} else {
			text_fit(cell[c], width[c], buf, sizeof buf);
			fprintf(out, "%s  ", buf);
		}
	}
}

struct list_cells {
	char member[24], disabled[8], locked[40], login[40];
};

static void cells_of(const struct user *u, struct list_cells *lc, const char *cell[NCOL])
{
	if (u->member_no > 0)
		snprintf(lc->member, sizeof lc->member, "%lld", (long long)u->member_no);
	else
		snprintf(lc->member, sizeof lc->member, "-");
	snprintf(lc->disabled, sizeof lc->disabled, "%s", u->disabled ? "yes" : "no");
	local_time(u->locked ? u->locked_until : "", "-", lc->locked, sizeof lc->locked);
	local_time(u->last_login_at, "never", lc->login, sizeof lc->login);
	cell[COL_USER] = u->username;
	cell[COL_NAME] = u->display_name;
	cell[COL_ROLE] = access_role_name(u->role);
	cell[COL_MEMBER] = lc->member;
	cell[COL_DISABLED] = lc->disabled;
	cell[COL_LOCKED] = lc->locked;
	cell[COL_LOGIN] = lc->login;
}

static int do_list(const struct cli_ctx *ctx, struct db *db, const struct actor *who)
{
	struct user *all = NULL, page[64];
	size_t count = 0;
	struct page_key key;
	enum page_dir dir = PAGE_FIRST;
	int n, rc = DB_OK;
	/* Every account first: the columns' widths need them all. */
	while (!(rc = user_page(db, who, dir, dir == PAGE_FIRST ? NULL : &key, page, 64, &n)) &&
	       n > 0) {
		struct user *grown = realloc(all, (count + (size_t)n) * sizeof *all);
		if (!grown) {
			rc = DB_ERROR;
			break;
		}
		all = grown;
		memcpy(all + count, page, (size_t)n * sizeof *page);
		count += (size_t)n;
		user_row_key(&page[n - 1], &key);
		dir = PAGE_AFTER;
	}
	if (rc) {
		if (rc == DB_ERROR && !all)
			fprintf(ctx->err, PROG ": out of memory\n");
		else
			fail_words(ctx, db);
		free(all);
		db_close(db);
		return 1;
	}
	int width[NCOL];
	const char *cell[NCOL];
	struct list_cells lc;
	for (int c = 0; c < NCOL; c++)
		width[c] = text_width(headings[c]);
	for (size_t i = 0; i < count; i++) {
		cells_of(&all[i], &lc, cell);
		for (int c = 0; c < NCOL; c++)
			if (text_width(cell[c]) > width[c])
				width[c] = text_width(cell[c]);
	}
	print_line(ctx->out, headings, width);
	for (size_t i = 0; i < count; i++) {
		cells_of(&all[i], &lc, cell);
		print_line(ctx->out, cell, width);
	}
	if (count == 0)
		fprintf(ctx->out, "(no user accounts yet: coopdesk user add)\n");
	free(all);
	db_close(db);
	return 0;
}

/* ---- the command --------------------------------------------------------- */

/* Reads the options and words; returns 0, or 2 after a usage message. */
static int parse(const struct cli_ctx *ctx, struct cli_ctx *local, int argc, char **argv,
		 struct user_args *a, int *help)
{
	static const struct option opts[] = {
		{ "role", required_argument, NULL, 'r' },
		{ "name", required_argument, NULL, 'n' },
		{ "member", required_argument, NULL, 'm' },
		{ "db", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	memset(a, 0, sizeof *a);
	*help = 0;
	while ((c = getopt_long(argc, argv, "r:n:m:h", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			a->has_role = 1;
			if ((a->role = access_role_parse(optarg)) == ROLE_NONE)
				return usage_error(ctx, "--role takes board, volunteer or member,"
						   " not '%s'", optarg);
			break;
		case 'n':
			a->has_name = 1;
			a->name = optarg;
			break;
		case 'm': {
			char *end;
			long long no = strtoll(optarg, &end, 10);
			if (!*optarg || *end || no <= 0 || no == LLONG_MAX)
				return usage_error(ctx, "--member takes a member number, not '%s'",
						   optarg);
			a->has_member = 1;
			a->member_no = no;
			break;
		}
		case 'd': local->db_path = optarg; break;
		case 'h': *help = 1; return 0;
		default: fputs(user_usage, ctx->err); return 2;
		}
	}
	/* argv[0] is "user"; what getopt left are the words. */
	int words = argc - optind;
	if (words < 1)
		return usage_error(ctx, "which: add, passwd, role, disable, enable or list?");
	a->sub = argv[optind];
	int is_list = strcmp(a->sub, "list") == 0;
	int is_add = strcmp(a->sub, "add") == 0, is_role = strcmp(a->sub, "role") == 0;
	if (!is_list && !is_add && !is_role && strcmp(a->sub, "passwd") != 0 &&
	    strcmp(a->sub, "disable") != 0 && strcmp(a->sub, "enable") != 0)
		return usage_error(ctx, "there is no 'user %s'", a->sub);
	if (words > (is_list ? 1 : 2))
		return usage_error(ctx, "unexpected '%s'", argv[optind + (is_list ? 1 : 2)]);
	if (!is_list && words < 2)
		return usage_error(ctx, "user %s needs a USERNAME", a->sub);
	a->username = is_list ? NULL : argv[optind + 1];
	if (a->has_name && !is_add)
		return usage_error(ctx, "--name goes with user add, not user %s", a->sub);
	if ((a->has_role || a->has_member) && !is_add && !is_role)
		return usage_error(ctx, "--role and --member go with user add and user role,"
				   " not user %s", a->sub);
	if ((is_add || is_role) && !a->has_role)
		return usage_error(ctx, "user %s needs --role board, volunteer or member", a->sub);
	if ((is_add || is_role) && a->role == ROLE_MEMBER && !a->has_member)
		return usage_error(ctx, "a member's account must be linked to their entry in the"
				   " register: give --member NO, their member number");
	return 0;
}

int cmd_user(const struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_ctx local = *ctx;
	struct user_args a;
	int help, rc = parse(ctx, &local, argc, argv, &a, &help);
	if (rc)
		return rc;
	if (help) {
		fputs(user_usage, ctx->out);
		return 0;
	}
	char path[PATH_MAX];
	struct db *db;
	if (cli_db_path(&local, path, sizeof path) != 0 || cli_open(&local, path, 0, &db))
		return 1;
	struct actor who = actor_system(PROG);
	if (strcmp(a.sub, "list") == 0)
		return do_list(ctx, db, &who);
	if (strcmp(a.sub, "add") == 0)
		return do_add(ctx, db, &who, &a);
	struct user u;
	if (user_get_by_name(db, &who, a.username, &u))
		return fail(ctx, db, a.username);
	if (strcmp(a.sub, "passwd") == 0)
		return do_passwd(ctx, db, &who, &u);
	if (strcmp(a.sub, "role") == 0)
		return do_role(ctx, db, &who, &u, &a);
	return do_able(ctx, db, &who, &u, strcmp(a.sub, "disable") == 0);
}

/* ---- coopdesk roles (hidden) --------------------------------------------- */

static const char *const level_words[] = { "none", "own", "all" };

int cmd_roles(const struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc > 1) {
		int help = strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0;
		fputs("usage: coopdesk roles\n"
		      "Prints the role table, as doc/security.md shows it.\n",
		      help ? ctx->out : ctx->err);
		return help ? 0 : 2;
	}
	/* A member is linked to an entry: "own" means something for them. */
	const struct actor roles[3] = {
		{ 1, ROLE_MEMBER, 1, "member" },
		{ 2, ROLE_VOLUNTEER, 0, "volunteer" },
		{ 3, ROLE_BOARD, 0, "board" },
	};
	int w = (int)strlen("area");
	for (int a = 0; a < AREA_COUNT; a++)
		if ((int)strlen(access_area_name((enum area)a)) > w)
			w = (int)strlen(access_area_name((enum area)a));
	static const char *const ops[2] = { "read", "write" };
	fprintf(ctx->out, "| %-*s |", w, "area");
	for (int r = 0; r < 3; r++)
		for (int op = 0; op < 2; op++)
			fprintf(ctx->out, " %s %s |", roles[r].name, ops[op]);
	fprintf(ctx->out, "\n|%.*s|", w + 2, "------------------------------------------------");
	for (int r = 0; r < 3; r++)
		for (int op = 0; op < 2; op++)
			fprintf(ctx->out, "%.*s|", (int)(strlen(roles[r].name) + strlen(ops[op]) + 3),
				"------------------");
	fputc('\n', ctx->out);
	for (int a = 0; a < AREA_COUNT; a++) {
		fprintf(ctx->out, "| %-*s |", w, access_area_name((enum area)a));
		for (int r = 0; r < 3; r++)
			for (int op = 0; op < 2; op++)
				fprintf(ctx->out, " %-*s |",
					(int)(strlen(roles[r].name) + strlen(ops[op]) + 1),
					level_words[access_level(&roles[r], (enum area)a,
								 (enum access_op)op)]);
		fputc('\n', ctx->out);
	}
	return 0;
}
