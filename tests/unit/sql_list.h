/*
 * tests/unit/sql_list.h: the data layer's statements, as tools/sql-list.sh
 * lists them for tests/unit/test_sql.c. Each file of src/db/ is compiled
 * again for that test with its list appended (the statements are static),
 * so the test sees exactly the text the program prepares.
 */
#ifndef COOPDESK_SQL_LIST_H
#define COOPDESK_SQL_LIST_H

#include <stddef.h>

/* One declaration: `count` statements, the first at `first`, each `stride`
 * bytes after the one before (a table of pointers, or the .sql member of a
 * table of structs). A NULL name ends a file's list. */
struct sql_entry {
	const char *name;
	const char *const *first;
	size_t count;
	size_t stride;
};

struct sql_list {
	const char *file;
	const struct sql_entry *entries;
};

/* static const char SQL_X[] = "..." */
#define SQL_ONE(v) { #v, &(const char *const){ v }, 1, sizeof(const char *) }
/* static const char *const SQL_X[...]... = { ... }: any number of dimensions. */
#define SQL_MANY(v) \
	{ #v, (const char *const *)(const void *)(v), sizeof(v) / sizeof(const char *), \
	  sizeof(const char *) }
/* static const struct T SQL_X[] = { ... }, the statement in member .sql. */
#define SQL_STRUCTS(v) { #v, &(v)[0].sql, sizeof(v) / sizeof((v)[0]), sizeof((v)[0]) }

/* Every file's list, ending with NULL. */
extern const struct sql_list *const sql_lists[];

#endif
