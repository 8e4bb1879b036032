/*
 * src/ui/member_record.h: what the files of a member's entry share
 * (screen_member.c, screen_member_subs.c).
 */
#ifndef COOPDESK_UI_MEMBER_RECORD_H
#define COOPDESK_UI_MEMBER_RECORD_H

#include "coopdesk/access.h"
#include "record.h"

enum { SUB_OPS, SUB_PARTICIPATION, SUB_PROPERTY, MEMBER_SUBS };

/* The sub-lists, in that order. */
extern const struct rsub member_subs[MEMBER_SUBS];

/* Is the entry the logged-in person's own? May they do op on the area
 * for it (all of them, or their own and this is theirs)? */
int member_own(const struct rscreen *rs);
int member_may(const struct rscreen *rs, enum area area, enum access_op op);

/* The member's whole record for a subject access request, as a document
 * (src/report/subject_access.c; screen_members_docs.c): the board only. */
int member_may_subject_access(const struct rscreen *rs);
void member_subject_access(struct rscreen *rs);

#endif
