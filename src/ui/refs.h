/*
 * src/ui/refs.h: records named the way people name them: a member by
 * their number ("42", "member no. 42") or part of their name or address;
 * a home by its reference ("WEA-10") or part of its address; a contractor
 * by part of their name or trade; a repair by its reference (R-000123).
 * The form's reference fields and the go-to key both use these, and the
 * data layer keeps each within what the person logged in may see.
 */
#ifndef COOPDESK_UI_REFS_H
#define COOPDESK_UI_REFS_H

#include <stdint.h>

#include "ui.h"

#define REF_MATCHES_MAX 12

/* One record a typed reference matched. */
struct ref_match {
	int64_t id;
	char shown[64];       /* what stands in the field: "42", "WEA-10", a name */
	char label[320];      /* the name beside it: "Hannah Okafor, 3 Weaver Row" */
};

struct ref_kind {
	const char *what;     /* "member", "home", "contractor" */
	const char *example;  /* for messages: "a member no. or part of a name" */
	/* The records `typed` names, at most max of them, into out (*n). A
	 * number or a reference that names one record exactly gives that one
	 * alone; when none matches, why (n bytes) says so in words. A db
	 * status; its words in db_errmsg. */
	int (*find)(struct app *app, const char *typed, struct ref_match *out, int max, int *n,
		    char *why, size_t whylen);
	/* The record with this id (a field loaded from a record). */
	int (*get)(struct app *app, int64_t id, struct ref_match *out);
};

extern const struct ref_kind ref_member, ref_home, ref_contractor;

/* The screen of the record `typed` names exactly (R-000123, WEA-10,
 * member no. 42), or NULL with the reason in why. */
struct screen *refs_open(struct app *app, const char *typed, char *why, size_t n);

#endif
