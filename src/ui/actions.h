/*
 * src/ui/actions.h: every action a key can do, in one X-macro that also
 * carries its name (for the keys file), its default keys (in the key-name
 * syntax of coopdesk/keys.h, space-separated) and its help text. The
 * enum, the default bindings and the help screen are all generated from
 * this one table, so the help can never disagree with the keys.
 *
 * Scopes: G global (every screen), H Home, L lists, F forms, U the user
 * accounts list (a list's keys and its own).
 */
#ifndef COOPDESK_UI_ACTIONS_H
#define COOPDESK_UI_ACTIONS_H

#define ACTIONS(X) \
	X(HELP,        "help",        "? <F1>",        'G', "Show the keys for this screen") \
	X(QUIT,        "quit",        "q",             'G', "Log out; the next person gets the login screen") \
	X(LOGOUT,      "logout",      "^D",            'G', "Log out (Esc on the login screen leaves coopdesk)") \
	X(BACK,        "back",        "<Esc> <Left>",  'G', "Go back to the previous screen") \
	X(AREA_HOME,   "home",        "1",             'G', "Go to Home: the summary") \
	X(AREA_TENANCIES, "tenancies", "2",            'G', "Go to Tenancies: homes, tenants and rent") \
	X(AREA_MEMBERS, "members",    "3",             'G', "Go to Members & shares: the registers") \
	X(AREA_REPAIRS, "repairs",    "4",             'G', "Go to Repairs") \
	X(AREA_MEETINGS, "meetings",  "5",             'G', "Go to Meetings: motions, votes, decisions") \
	X(REDRAW,      "redraw",      "^L",            'G', "Draw the whole screen again") \
	X(LOCK,        "lock",        "^X",            'G', "Lock the screen now; your password unlocks it") \
	X(AUDIT,       "audit",       "a",             'H', "Audit trail: every change, who and when (board)") \
	X(USERS,       "users",       "u",             'H', "User accounts: add, passwords, roles (board)") \
	X(UP,          "up",          "<Up> k",        'L', "Move up one row") \
	X(DOWN,        "down",        "<Down> j",      'L', "Move down one row") \
	X(PAGE_UP,     "page-up",     "<PgUp> b",      'L', "Move up one screenful") \
	X(PAGE_DOWN,   "page-down",   "<PgDn> <Space>", 'L', "Move down one screenful") \
	X(FIRST,       "first",       "<Home> g",      'L', "Go to the first row") \
	X(LAST,        "last",        "<End> G",       'L', "Go to the last row") \
	X(OPEN,        "open",        "<Enter> <Right>", 'L', "Open the selected record") \
	X(SEARCH,      "search",      "/",             'L', "Search: type words, Enter to keep, Esc to clear") \
	X(SORT,        "sort",        "s",             'L', "Sort by the next column") \
	X(FILTER,      "filter",      "f",             'L', "Filter the list (Repairs: open, overdue or all in turn; audit trail: by user, record or dates)") \
	X(EDIT,        "edit",        "e",             'L', "Edit the selected record") \
	X(NEW_USER,    "new-user",    "n",             'U', "Add a user account (asks for its password)") \
	X(SET_PASSWORD, "set-password", "p",           'U', "Set a new password for the selected account") \
	X(SET_ROLE,    "set-role",    "r",             'U', "Change the selected account's role or member") \
	X(DISABLE,     "disable",     "d",             'U', "Disable or enable the selected account") \
	X(NEXT_FIELD,  "next-field",  "<Tab> <Down>",  'F', "Go to the next field") \
	X(PREV_FIELD,  "prev-field",  "<BackTab> <Up>", 'F', "Go to the previous field") \
	X(SAVE,        "save",        "^S <F2>",       'F', "Save the form") \
	X(CANCEL,      "cancel",      "<Esc>",         'F', "Leave the form (asks before losing changes)")

enum action {
	ACT_NONE = 0,
#define X(id, name, keys, scope, help) ACT_##id,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

struct action_info {
	const char *name;
	const char *keys;
	char scope;
	const char *help;
};

extern const struct action_info action_table[ACT_COUNT];

#endif
