/*
 * src/cli/demo.c: coopdesk demo [FILE] [--scale N] [--seed N] [--homes H]
 * [--members M] [--repairs R]: a new database holding a made-up co-op to
 * explore, made entirely through the data layer's API in one transaction
 * (see demo_gen.h for how), and the users to log in as.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "coopdesk/cli.h"
#include "coopdesk/clock.h"
#include "coopdesk/homes.h"
#include "coopdesk/members.h"
#include "coopdesk/money.h"
#include "coopdesk/rent.h"
#include "coopdesk/repairs.h"
#include "coopdesk/settings.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/text.h"
#include "coopdesk/users.h"
#include "coopdesk/zone.h"
#include "demo_gen.h"

static const char demo_usage[] =
	"usage: coopdesk [--db FILE] demo [FILE] [--scale N] [--seed N]\n"
	"                [--homes H] [--members M] [--repairs R]\n"
	"Makes a new database holding a made-up co-op to explore: homes, members,\n"
	"tenancies, two years of rent, repairs, meetings and decisions, and three\n"
	"users to log in as (their passwords are printed at the end). FILE, else\n"
	"--db, else the usual place; an existing file is never overwritten.\n"
	"\n"
	"  --seed N      another co-op: the same seed makes the same co-op (default 1)\n"
	"  --scale N     N times the size, for trying it large: 60N homes,\n"
	"                90+120(N-1) members, 300+3000(N-1) repairs (default 1;\n"
	"                --scale 333 is about 20,000 homes, 40,000 members and\n"
	"                1,000,000 repairs)\n"
	"  --homes H, --members M, --repairs R\n"
	"                exact counts, overriding --scale\n"
	"  --progress    say how far it has got, on the way (always, when large)\n"
	"  --through-api each repair written step by step as the estate office\n"
	"                would (slower; the same co-op: for tests)\n";

/* The demo's users: one of each role, with passwords to remember. */
static const struct {
	const char *username, *password;
	enum role role;
} demo_users[] = {
	{ "board", "board-demo-1", ROLE_BOARD },
	{ "volunteer", "volunteer-demo-1", ROLE_VOLUNTEER },
	{ "member", "member-demo-1", ROLE_MEMBER },
};

double demo_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A count from the command line: digits only, from lo to hi. */
static int parse_count(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
	if (!s || !*s)
		return -1;
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	errno = 0;
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v < (unsigned long long)lo || v > (unsigned long long)hi)
		return -1;
	*out = (int64_t)v;
	return 0;
}

static volatile sig_atomic_t interrupted;
static struct db *running;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
	db_interrupt(running);
}

/* ---- dates ---------------------------------------------------------------- */

static void set_dates(struct demo *d)
{
	struct date t = date_today();
	d->today = date_to_days(t);
	demo_iso(d->today, d->today_iso);
	/* Founded two years and three months ago, on a Monday. */
	struct date f = t;
	f.y -= 2;
	f.m -= 3;
	if (f.m < 1) {
		f.m += 12;
		f.y--;
	}
	if (f.d > date_days_in_month(f.y, f.m))
		f.d = date_days_in_month(f.y, f.m);
	d->founded = demo_monday_on_or_before(date_to_days(f));
	d->rent_from = d->founded;
	if (d->cfg.rent_weeks > 0) {
		int32_t from = demo_monday_on_or_before(d->today - 7 * (d->cfg.rent_weeks - 1));
		if (from > d->rent_from)
			d->rent_from = from;
	}
	/* Now: the clock's, unless today is set to an earlier day (COOPDESK_TODAY);
	 * today ends with its local day. */
	int64_t now = (int64_t)clock_now();
	int64_t end_of_today = (int64_t)zone_day_start(date_add_days(t, 1)) - 1;
	d->now = now < end_of_today ? now : (int64_t)d->today * 86400 + 17 * 3600;
	if (d->now < (int64_t)d->today * 86400 + 60)
		d->now = (int64_t)d->today * 86400 + 60;
}

/* ---- the whole co-op ------------------------------------------------------- */

static int settings(struct demo *d)
{
	struct { const char *key, *value; } want[3] = {
		{ "coop_name", "Alder Street Housing Co-operative" },
		{ "society_number", "31742R" },
		{ "financial_year_end", NULL },
	};
	char fye[DATE_BUFSZ];
	struct date t = date_from_days(d->today);
	snprintf(fye, sizeof fye, "%04d-03-31", t.m > 3 ? t.y + 1 : t.y);
	want[2].value = fye;
	for (int i = 0; i < 3; i++) {
		struct setting s;
		int rc = setting_get(d->db, want[i].key, &s);
		if (!rc)
			rc = setting_set(d->db, &d->who, want[i].key, want[i].value, s.version);
		if (rc)
			return demo_fail(d, rc, "setting %s", want[i].key);
	}
	return DB_OK;
}

static int users(struct demo *d, int64_t ids[3])
{
	int32_t who[3] = { d->user_board, d->user_volunteer, d->user_member };
	for (int i = 0; i < 3; i++) {
		char display[MEMBER_NAME_MAX * 4 + 1];
		int64_t member = who[i] >= 0 ? d->members[who[i]].id : 0;
		if (who[i] >= 0)
			demo_member_name(&d->members[who[i]], display, sizeof display);
		else
			snprintf(display, sizeof display, "Demo %s", demo_users[i].username);
		int rc = user_create(d->db, &d->who, demo_users[i].username, display,
				     demo_users[i].role, member, demo_users[i].password, &ids[i]);
		if (rc)
			return demo_fail(d, rc, "adding the user %s", demo_users[i].username);
	}
	return DB_OK;
}

static int build(struct demo *d, int64_t user_ids[3])
{
	int rc;
	demo_progress(d, "planning %lld homes, %lld members and %lld repairs",
		      (long long)d->cfg.homes, (long long)d->cfg.members, (long long)d->cfg.repairs);
	if ((rc = demo_plan(d)))
		return rc;
	/* One transaction for the whole co-op: give it room in memory, and its
	 * journal in memory too (a new file, under a name of its own until it
	 * is whole), so each page is written once, not to the WAL and again
	 * by the checkpoint; the file is put back in WAL mode once saved. */
	if ((rc = db_build_journal(d->db, 1)) || (rc = db_bulk_cache(d->db, 64)) ||
	    (rc = db_begin(d->db, &d->who)))
		return demo_fail(d, rc, "starting the transaction");
	if (!(rc = settings(d)) && !(rc = demo_homes(d))) {
		demo_progress(d, "homes done; members, tenancies and rent from the founding");
		rc = demo_timeline(d);
	}
	if (!rc && !(rc = demo_officers(d)) && !(rc = demo_meetings(d)) &&
	    !(rc = demo_decisions(d)) && !(rc = demo_office(d))) {
		demo_progress(d, "people, rent and meetings done (%.1f s); now the repairs",
			      demo_seconds() - d->started);
		rc = demo_repairs(d);
	}
	if (!rc)
		rc = users(d, user_ids);
	if (rc) {
		db_rollback(d->db);
		return rc;
	}
	demo_progress(d, "committing");
	if ((rc = db_commit(d->db)))
		return demo_fail(d, rc, "saving the demo co-op");
	if ((rc = db_build_journal(d->db, 0)))
		return demo_fail(d, rc, "saving the demo co-op");
	return DB_OK;
}

/* ---- what was made ---------------------------------------------------------- */

static void summary(struct demo *d, FILE *out, const char *path, double secs,
		    const int64_t user_ids[3])
{
	int64_t members = 0, current = 0, homes = 0, let = 0, repairs = 0, open = 0;
	int64_t arrears_n = 0, arrears_sum = 0;
	member_count(d->db, &members, &current);
	home_count(d->db, &d->who, &homes);
	tenancy_count_current(d->db, &d->who, &let);
	repair_count(d->db, &repairs, &open);
	rent_arrears_total(d->db, &d->who, &arrears_n, &arrears_sum);
	char owed[MONEY_BUFSZ];
	money_format(arrears_sum, owed, sizeof owed);
	const int64_t *s = d->n.repairs_by_status;
	char founded[DATE_BUFSZ], today[DATE_BUFSZ];
	date_format_uk(date_from_days(d->founded), founded, sizeof founded);
	date_format_uk(date_from_days(d->today), today, sizeof today);
	fprintf(out, "Made the demo co-op \"Alder Street Housing Co-operative\" in %s\n"
		"(seed %" PRIu64 ", %.1f seconds): founded %s, today %s.\n\n",
		path, d->cfg.seed, secs, founded, today);
	fprintf(out, "  homes         %8lld  %lld let, %lld empty, on %d streets\n",
		(long long)homes, (long long)let, (long long)(homes - let), (int)d->nstreets);
	fprintf(out, "  members       %8lld  %lld current, %lld former\n", (long long)members,
		(long long)current, (long long)(members - current));
	fprintf(out, "  tenancies     %8lld  %lld current, %lld joint, %lld occupants\n",
		(long long)d->ntens, (long long)let, (long long)d->n.joint,
		(long long)d->n.occupants);
	fprintf(out, "  rent entries  %8lld  %lld charges, %lld payments; %lld accounts in "
		"arrears owe %s\n", (long long)(d->n.charges + d->n.payments + d->n.adjustments +
						 d->n.refunds),
		(long long)d->n.charges, (long long)d->n.payments, (long long)arrears_n, owed);
	fprintf(out, "  repairs       %8lld  %lld open (%lld overdue), %lld completed, %lld closed,"
		" %lld cancelled\n", (long long)repairs, (long long)open, (long long)d->n.overdue,
		(long long)s[REPAIR_COMPLETED], (long long)s[REPAIR_CLOSED],
		(long long)s[REPAIR_CANCELLED]);
	fprintf(out, "                          %lld emergencies, %lld Right to Repair, %lld damp "
		"and mould, %lld reopenings\n", (long long)d->n.emergencies, (long long)d->n.rtr,
		(long long)d->n.damp, (long long)d->n.reopened);
	fprintf(out, "  meetings      %8lld  %lld held, %lld motions, %lld votes recorded\n",
		(long long)d->n.meetings, (long long)d->n.meetings_held, (long long)d->n.motions,
		(long long)d->n.votes);
	fprintf(out, "  decisions     %8lld  %lld actions, %lld of them overdue\n",
		(long long)d->n.decisions, (long long)d->n.actions, (long long)d->n.actions_overdue);
	fprintf(out, "  also                    %lld officers, 6 contractors, %lld complaints, "
		"%lld participation records\n\n", (long long)d->n.officers,
		(long long)d->n.complaints, (long long)d->n.participation);

	fprintf(out, "Log in as:\n\n  %-10s  %-17s  %-10s  %s\n", "username", "password", "role",
		"who");
	for (int i = 0; i < 3; i++) {
		struct user u;
		char who[USER_DISPLAY_MAX * 4 * 3 + 1] = "";
		if (user_get(d->db, &d->who, user_ids[i], &u) == 0)
			text_inert(u.display_name, who, sizeof who);
		fprintf(out, "  %-10s  %-17s  %-10s  %s\n", demo_users[i].username,
			demo_users[i].password, demo_users[i].username, who);
	}
	fprintf(out, "\nOpen it with: coopdesk --db %s\n", path);
}

/* ---- the command -------------------------------------------------------------- */

int cmd_demo(const struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "scale", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "homes", required_argument, NULL, 'H' },
		{ "members", required_argument, NULL, 'M' },
		{ "repairs", required_argument, NULL, 'R' },
		{ "db", required_argument, NULL, 'd' },
		{ "through-api", no_argument, NULL, 'A' },
		{ "progress", no_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli_ctx local = *ctx;
	int64_t scale = 1, seed = 1, homes = -1, members = -1, repairs = -1;
	int c, through_api = 0, progress = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		const char *bad = NULL;
		switch (c) {
		case 's': if (parse_count(optarg, 1, 10000, &scale)) bad = "--scale takes a whole number from 1 to 10000"; break;
		case 'S': if (parse_count(optarg, 0, INT64_MAX, &seed)) bad = "--seed takes a whole number"; break;
		case 'H': if (parse_count(optarg, 2, 2000000, &homes)) bad = "--homes takes a whole number from 2 to 2000000"; break;
		case 'M': if (parse_count(optarg, 5, 4000000, &members)) bad = "--members takes a whole number from 5 to 4000000"; break;
		case 'R': if (parse_count(optarg, 0, 100000000, &repairs)) bad = "--repairs takes a whole number from 0 to 100000000"; break;
		case 'd': local.db_path = optarg; break;
		case 'A': through_api = 1; break;
		case 'P': progress = 1; break;
		case 'h': fputs(demo_usage, ctx->out); return 0;
		default: fputs(demo_usage, ctx->err); return 2;
		}
		if (bad) {
			fprintf(ctx->err, "coopdesk demo: %s\n%s", bad, demo_usage);
			return 2;
		}
	}
	if (optind < argc)
		local.db_path = argv[optind++];
	if (optind < argc) {
		fprintf(ctx->err, "coopdesk demo: unexpected '%s'\n%s", argv[optind], demo_usage);
		return 2;
	}
	char path[PATH_MAX];
	if (cli_db_path(&local, path, sizeof path) != 0)
		return 1;
	if (access(path, F_OK) == 0) {
		fprintf(ctx->err, "coopdesk demo: %s already exists; nothing was changed"
			" (give another FILE, or remove it first)\n", path);
		return 1;
	}

	static struct demo d;
	memset(&d, 0, sizeof d);
	d.err = ctx->err;
	d.who = actor_system("coopdesk demo");
	d.cfg.seed = (uint64_t)seed;
	d.cfg.homes = homes > 0 ? homes : 60 * scale;
	d.cfg.members = members > 0 ? members : 90 + 120 * (scale - 1);
	d.cfg.repairs = repairs >= 0 ? repairs : 300 + 3000 * (scale - 1);
	/* Two years of weekly rent for every tenancy is for a co-op of the usual
	 * size; a big one gets the last weeks only. */
	d.cfg.rent_weeks = d.cfg.homes <= 2000 ? 0 : (int)(200000 / d.cfg.homes) + 4;
	d.cfg.progress = progress || d.cfg.repairs >= 100000 || d.cfg.homes > 2000;
	d.cfg.through_api = through_api;
	rng_seed(&d.people, d.cfg.seed, 1);
	rng_seed(&d.rent, d.cfg.seed, 2);
	rng_seed(&d.repairs, d.cfg.seed, 3);
	rng_seed(&d.meetings, d.cfg.seed, 4);
	set_dates(&d);

	char tmp[PATH_MAX + 32];
	if (cli_building(path, tmp, sizeof tmp) != 0 || cli_open(&local, tmp, DB_OPEN_CREATE, &d.db)) {
		cli_remove_db(tmp);
		return 1;
	}
	d.started = demo_seconds();
	running = d.db;
	struct sigaction sa, old_int, old_term;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	int64_t user_ids[3] = { 0, 0, 0 };
	int rc = build(&d, user_ids);
	if (!rc && !interrupted)
		rc = db_checkpoint(d.db); /* all of it in the file, or say why */
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	double secs = demo_seconds() - d.started;
	if (rc) {
		char said[CLI_INERT_BUFSZ(sizeof d.errbuf)];
		fprintf(ctx->err, "coopdesk demo: %s\n", interrupted ? "interrupted; nothing was kept"
			: cli_inert(d.errbuf[0] ? d.errbuf : db_errmsg(d.db), said, sizeof said));
		db_close(d.db);
		running = NULL;
		cli_remove_db(tmp);
		demo_plan_free(&d);
		return 1;
	}
	/* What was made is read before the file is closed, and said once it
	 * is in place. */
	char *said = NULL;
	size_t said_len = 0;
	FILE *mem = open_memstream(&said, &said_len);
	if (mem) {
		summary(&d, mem, path, secs, user_ids);
		fclose(mem);
	}
	db_close(d.db);
	running = NULL;
	demo_plan_free(&d);
	if (cli_put_in_place(ctx, "coopdesk demo", tmp, path) != 0) {
		free(said);
		return 1;
	}
	fputs(said ? said : "", ctx->out);
	free(said);
	return 0;
}
