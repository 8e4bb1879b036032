/*
 * src/ui/home_record.h: what the files of a home's record share
 * (screen_home_record.c, screen_home_subs.c).
 */
#ifndef COOPDESK_UI_HOME_RECORD_H
#define COOPDESK_UI_HOME_RECORD_H

#include "record.h"

enum { SUB_RENTS, SUB_TENANCIES, SUB_REPAIRS, HOME_SUBS };

/* The sub-lists, in that order: its rents (effective-dated, newest first),
 * its tenancies (newest first) and its repairs (Enter opens one). */
extern const struct rsub home_subs[HOME_SUBS];

#endif
