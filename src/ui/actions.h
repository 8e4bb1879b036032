/*
 * src/ui/actions.h: every action a key can do, in one X-macro that also
 * carries its name (for the keys file), its default keys (in the key-name
 * syntax of coopdesk/keys.h, space-separated), its scope, the word the
 * status line shows after its key ("s sort") and its help text. The enum,
 * the default bindings, the hints and the help screen are all generated
 * from this one table, so neither can disagree with the keys.
 *
 * Scopes group the actions for the keys file (a key means one thing per
 * scope): G global, H Home, L lists and records, F forms, U the user
 * accounts list, M the Members area's registers (on its lists, with L's
 * keys: none of them may share one), R a repair's record (its moves, with
 * L's keys that act on a record: none of them may share one), P the
 * Repairs area's lists (likewise), T the Tenancies area's homes (the
 * same: no key of L's). Which actions work on a screen, for
 * this person, is the screen's to say (struct screen_ops.acts): the help
 * and the hints list those, and a key does the first of its actions that
 * works there.
 */
#ifndef COOPDESK_UI_ACTIONS_H
#define COOPDESK_UI_ACTIONS_H

#define ACTIONS(X) \
	X(HELP,        "help",        "? <F1>",        'G', "help",     "Show the keys for this screen") \
	X(QUIT,        "quit",        "q",             'G', "log out",  "Log out; the next person gets the login screen") \
	X(LOGOUT,      "logout",      "^D",            'G', "log out",  "Log out (Esc on the login screen leaves coopdesk)") \
	X(BACK,        "back",        "<Esc> <Left>",  'G', "back",     "Go back to the previous screen; from an area's first screen, Home") \
	X(AREA_HOME,   "home",        "1",             'G', "Home",     "Go to Home: the summary") \
	X(AREA_TENANCIES, "tenancies", "2",            'G', "Tenancies", "Go to Tenancies: homes, tenants and rent") \
	X(AREA_MEMBERS, "members",    "3",             'G', "Members",  "Go to Members & shares: the registers") \
	X(AREA_REPAIRS, "repairs",    "4",             'G', "Repairs",  "Go to Repairs") \
	X(AREA_MEETINGS, "meetings",  "5",             'G', "Meetings", "Go to Meetings: motions, votes, decisions") \
	X(GOTO,        "goto",        "^G",            'G', "go to",    "Go to a record by its reference: R-000123, WEA-10, member no. 42") \
	X(REDRAW,      "redraw",      "^L",            'G', "redraw",   "Read this screen again and draw it whole") \
	X(LOCK,        "lock",        "^X",            'G', "lock",     "Lock the screen now; your password unlocks it") \
	X(AUDIT,       "audit",       "a",             'H', "audit trail", "Audit trail: every change, who and when") \
	X(USERS,       "users",       "u",             'H', "user accounts", "User accounts: add, passwords, roles") \
	X(PASSWORD,    "password",    "p",             'H', "your password", "Change your own password (your current one is asked first)") \
	X(UP,          "up",          "<Up> k",        'L', "up",       "Move up one row") \
	X(DOWN,        "down",        "<Down> j",      'L', "down",     "Move down one row") \
	X(PAGE_UP,     "page-up",     "<PgUp> b",      'L', "page up",  "Move up one screenful") \
	X(PAGE_DOWN,   "page-down",   "<PgDn> <Space>", 'L', "page down", "Move down one screenful") \
	X(FIRST,       "first",       "<Home> g",      'L', "first",    "Go to the first row") \
	X(LAST,        "last",        "<End> G",       'L', "last",     "Go to the last row") \
	X(OPEN,        "open",        "<Enter> <Right>", 'L', "open",   "Open the selected record") \
	X(NEXT_PANE,   "next-pane",   "<Tab>",         'L', "next part", "Move between the parts of a record (its details, its history)") \
	X(SEARCH,      "search",      "/",             'L', "search",   "Search: type, Enter to keep, Esc to clear") \
	X(SORT,        "sort",        "s",             'L', "sort",     "Sort by the next column") \
	X(FILTER,      "filter",      "f",             'L', "filter",   "Show the next set of rows (filter)") \
	X(NEW,         "new",         "n",             'L', "new",      "Add a new record here") \
	X(EDIT,        "edit",        "e",             'L', "edit",     "Edit the selected record") \
	X(CEASE,       "cease",       "c",             'L', "cease",    "Record that a membership or an office ended") \
	X(REVERSE,     "reverse",     "r",             'L', "reverse",  "Correct a share operation with a reversal that names it") \
	X(HOURS,       "hours",       "h",             'L', "hours",    "Record participation: volunteer hours, a committee, training") \
	X(GO_HOME,     "go-home",     "t",             'L', "their home", "Go to the home of their tenancy") \
	X(PRINT,       "print",       "p",             'L', "print",    "Show this as a document, to read or save for printing") \
	X(POST_RENT,   "post-rent",   "P",             'L', "post charges", "Post the rent charges due up to a day, for every tenancy (the board)") \
	X(RENT,        "rent",        "R",             'H', "rent",     "Rent: your own rent statement; the board's arrears list") \
	X(VOTE,        "vote",        "v",             'L', "vote",     "Record the vote on the selected motion: counts, or a roll call of those present") \
	X(MINUTES,     "minutes",     "M",             'L', "write minutes", "Write the minutes of this meeting, and publish them when agreed (the board)") \
	X(NOTICE,      "notice",      "N",             'L', "notice",   "The notice of this meeting, to read or print") \
	X(ERRATUM,     "erratum",     "x",             'L', "erratum",  "Correct a recorded result with an erratum that names it: a result is never edited") \
	X(OFFICERS,    "officers",    "o",             'M', "officers", "The register of officers") \
	X(SHARE_REGISTER, "share-register", "w",       'M', "share register", "The share register: every operation, with running totals") \
	X(PARTICIPATION, "participation", "y",         'M', "participation", "This year's participation: meetings attended and hours, each member") \
	X(INSPECTION,  "inspection",  "i",             'M', "inspection copy", "The register for inspection (s.103): names, addresses and dates, no shares") \
	X(MINE,        "mine",        "m",             'M', "my shareholding", "Your own shareholding: your share, when it was issued, what was paid") \
	X(TRIAGE,      "triage",      "t",             'R', "triage",   "Triage the repair: looked at, its priority right") \
	X(ASSIGN,      "assign",      "a",             'R', "assign",   "Assign the repair to a contractor (or to another one)") \
	X(START_WORK,  "start-work",  "w",             'R', "work started", "Record that the contractor has started the work") \
	X(COMPLETE,    "complete",    "d",             'R', "done",     "Record that the repair is done (completed)") \
	X(CLOSE_REPAIR, "close",      "c",             'R', "close",    "Close a completed repair") \
	X(CANCEL_REPAIR, "cancel-repair", "x",         'R', "cancel",   "Cancel a repair still to be done, saying why") \
	X(REOPEN,      "reopen",      "o",             'R', "reopen",   "Reopen a completed or closed repair, saying why (reopenings are counted)") \
	X(NOTE,        "note",        "n",             'R', "note",     "Add a note to the repair's history") \
	X(SECOND_CONTRACTOR, "second-contractor", "s", 'R', "second contractor", "Right to Repair: record the tenant's request for a second contractor (the board)") \
	X(SCHEDULE,    "rtr-schedule", "r",            'R', "schedule", "The Right to Repair schedule of defects and their targets (the board edits it)") \
	X(COMPENSATION, "compensation", "m",           'R', "compensation", "Right to Repair: record the compensation as paid or set against rent arrears (the board)") \
	X(CONTRACTORS, "contractors", "C",             'P', "contractors", "Contractors: the firms repairs are assigned to") \
	X(BY_CONTRACTOR, "by-contractor", "w",         'P', "by contractor", "Show only one contractor's repairs (type part of the name; empty for all)") \
	X(RP02,        "rp02",        "m",             'P', "RP02",     "RP02: the share of repairs completed within target in a period you give") \
	X(IN_USE,      "in-use",      "u",             'P', "in use",   "Set the selected contractor out of use, or in use again") \
	X(RENT_CHANGE, "rent-change", "R",             'T', "rent change", "A new rent for this home from a day you give; the rents before it are kept") \
	X(RENT_ACCOUNT, "rent-account", "a",           'T', "rent account", "The rent account of this home's current tenancy: every charge and payment, the balance") \
	X(RENT_REVIEW, "rent-review", "v",             'T', "rent review", "The rent review: one new rent for every home listed, as a percentage or an amount, previewed before it is saved") \
	X(SET_PASSWORD, "set-password", "p",           'U', "password", "Set a new password for the selected account") \
	X(SET_ROLE,    "set-role",    "r",             'U', "role",     "Change the selected account's role or member") \
	X(DISABLE,     "disable",     "d",             'U', "disable",  "Disable or enable the selected account") \
	X(SUBJECT_ACCESS, "subject-access", "A",      'L', "subject access", "The member's whole record for a subject access request (UK GDPR), to read or save (the board)") \
	X(DONE,        "done",        "d",             'L', "done",     "Record that the selected action was done, on a day you give") \
	X(DECISIONS,   "decisions",   "d",             'H', "decisions", "The board's decisions, numbered per year, with their actions") \
	X(ACTIONS,     "actions",     "o",             'H', "actions", "The board's open actions, soonest due first, the overdue marked") \
	X(SETTINGS,    "settings",    "s",             'H', "settings", "The co-op's settings: every rule number with its default, source and range (the board)") \
	X(NEXT_FIELD,  "next-field",  "<Tab> <Down>",  'F', "next",     "Go to the next field") \
	X(PREV_FIELD,  "prev-field",  "<BackTab> <Up>", 'F', "previous", "Go to the previous field") \
	X(SAVE,        "save",        "^S <F2>",       'F', "save",     "Save the form") \
	X(CANCEL,      "cancel",      "<Esc>",         'F', "leave",    "Leave the form (asks before losing changes)")

enum action {
	ACT_NONE = 0,
#define X(id, name, keys, scope, hint, help) ACT_##id,
	ACTIONS(X)
#undef X
	ACT_COUNT
};

struct action_info {
	const char *name;
	const char *keys;
	char scope;
	const char *hint;
	const char *help;
};

extern const struct action_info action_table[ACT_COUNT];

#endif
