/*
 * coopdesk/migrations.h: the schema migrations, sql/NNNN_name.sql, embedded
 * in the binary by tools/embed-sql.sh (generated into build/.../gen/).
 */
#ifndef COOPDESK_MIGRATIONS_H
#define COOPDESK_MIGRATIONS_H

struct migration {
	int version;       /* NNNN of the file name; user_version after it */
	const char *name;  /* the file name without .sql */
	const char *sql;   /* the whole file */
};

extern const struct migration migrations[];
extern const int migration_count;

#endif
