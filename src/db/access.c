/*
 * src/db/access.c: the role table (domain.md "People and roles"). This one
 * table decides every refusal; doc/security.md prints it and
 * tests/unit/test_access.c checks every cell.
 */
#include <string.h>

#include "dbint.h"

#define N ACCESS_NONE
#define O ACCESS_OWN
#define A ACCESS_ALL

/* [role][area] = { read, write } for member, volunteer, board. */
static const unsigned char table[3][AREA_COUNT][2] = {
	[0] = { /* member: their own records, the register without shares */
		[AREA_REGISTER]      = { A, N },
		[AREA_SHARES]        = { O, N },
		[AREA_OFFICERS]      = { A, N },
		[AREA_HOMES]         = { O, N },
		[AREA_TENANCIES]     = { O, N },
		[AREA_RENT]          = { O, N },
		[AREA_REPAIRS]       = { O, O },
		[AREA_MEETINGS]      = { O, N }, /* published minutes and outcomes */
		[AREA_DECISIONS]     = { N, N },
		[AREA_PARTICIPATION] = { O, N },
		[AREA_COMPLAINTS]    = { O, O },
		[AREA_USERS]         = { O, O }, /* their own account: password */
		[AREA_AUDIT]         = { N, N },
		[AREA_SETTINGS]      = { A, N },
	},
	[1] = { /* volunteer: homes, who lives there, repairs */
		[AREA_REGISTER]      = { A, N },
		[AREA_SHARES]        = { O, N },
		[AREA_OFFICERS]      = { A, N },
		[AREA_HOMES]         = { A, N },
		[AREA_TENANCIES]     = { A, N },
		[AREA_RENT]          = { O, N },
		[AREA_REPAIRS]       = { A, A },
		[AREA_MEETINGS]      = { O, N },
		[AREA_DECISIONS]     = { N, N },
		[AREA_PARTICIPATION] = { O, O }, /* their own hours */
		[AREA_COMPLAINTS]    = { O, O },
		[AREA_USERS]         = { O, O },
		[AREA_AUDIT]         = { N, N },
		[AREA_SETTINGS]      = { A, N },
	},
	[2] = { /* board: everything */
		[AREA_REGISTER]      = { A, A },
		[AREA_SHARES]        = { A, A },
		[AREA_OFFICERS]      = { A, A },
		[AREA_HOMES]         = { A, A },
		[AREA_TENANCIES]     = { A, A },
		[AREA_RENT]          = { A, A },
		[AREA_REPAIRS]       = { A, A },
		[AREA_MEETINGS]      = { A, A },
		[AREA_DECISIONS]     = { A, A },
		[AREA_PARTICIPATION] = { A, A },
		[AREA_COMPLAINTS]    = { A, A },
		[AREA_USERS]         = { A, A },
		[AREA_AUDIT]         = { A, N }, /* nobody writes the trail */
		[AREA_SETTINGS]      = { A, A },
	},
};

#undef N
#undef O
#undef A

enum access_level access_level(const struct actor *who, enum area a, enum access_op op)
{
	if (!who || (unsigned)a >= AREA_COUNT || (op != OP_READ && op != OP_WRITE))
		return ACCESS_NONE;
	switch (who->role) {
	case ROLE_SYSTEM:
		return (a == AREA_AUDIT && op == OP_WRITE) ? ACCESS_NONE : ACCESS_ALL;
	case ROLE_BOARD:
		return (enum access_level)table[2][a][op];
	case ROLE_VOLUNTEER:
		return (enum access_level)table[1][a][op];
	case ROLE_MEMBER:
		/* "Own" needs a linked member to be anything at all. */
		if (who->member_id <= 0 && table[0][a][op] == ACCESS_OWN)
			return ACCESS_NONE;
		return (enum access_level)table[0][a][op];
	default:
		return ACCESS_NONE;
	}
}

static const char *const area_names[AREA_COUNT] = {
	[AREA_REGISTER] = "the register of members",
	[AREA_SHARES] = "the share register",
	[AREA_OFFICERS] = "the register of officers",
	[AREA_HOMES] = "homes",
	[AREA_TENANCIES] = "tenancies",
	[AREA_RENT] = "rent accounts",
	[AREA_REPAIRS] = "repairs",
	[AREA_MEETINGS] = "meetings",
	[AREA_DECISIONS] = "board decisions",
	[AREA_PARTICIPATION] = "participation records",
	[AREA_COMPLAINTS] = "complaints",
	[AREA_USERS] = "user accounts",
	[AREA_AUDIT] = "the audit trail",
	[AREA_SETTINGS] = "settings",
};

const char *access_area_name(enum area a)
{
	return (unsigned)a < AREA_COUNT ? area_names[a] : "that";
}

const char *access_role_name(enum role r)
{
	switch (r) {
	case ROLE_MEMBER: return "member";
	case ROLE_VOLUNTEER: return "volunteer";
	case ROLE_BOARD: return "board";
	case ROLE_SYSTEM: return "command line";
	default: return "nobody";
	}
}

enum role access_role_parse(const char *s)
{
	if (!s)
		return ROLE_NONE;
	if (strcmp(s, "board") == 0)
		return ROLE_BOARD;
	if (strcmp(s, "volunteer") == 0)
		return ROLE_VOLUNTEER;
	if (strcmp(s, "member") == 0)
		return ROLE_MEMBER;
	return ROLE_NONE;
}

int db_access_check(struct db *db, const struct actor *who, enum area a,
		    enum access_op op, enum access_level *level)
{
	enum access_level l = access_level(who, a, op);
	if (level)
		*level = l;
	if (l != ACCESS_NONE)
		return DB_OK;
	enum role r = who ? who->role : ROLE_NONE;
	const char *as = r == ROLE_BOARD ? "a board member"
		       : r == ROLE_VOLUNTEER ? "a volunteer"
		       : r == ROLE_MEMBER ? "a member" : "someone not logged in";
	return db_set_error(db, DB_DENIED, "%s may not %s %s", as,
			    op == OP_READ ? "see" : "change", access_area_name(a));
}

int db_may(struct db *db, const struct actor *who, enum area a, enum access_op op)
{
	return db_access_check(db, who, a, op, NULL);
}
