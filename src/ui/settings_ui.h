/*
 * src/ui/settings_ui.h: the co-op's settings, for the board
 * (screen_settings.c, the list; screen_settings_form.c, the edit form).
 */
#ifndef COOPDESK_UI_SETTINGS_UI_H
#define COOPDESK_UI_SETTINGS_UI_H

#include "coopdesk/settings.h"
#include "ui.h"

/* The settings list, from Home (board only). */
struct screen *screen_settings_new(struct app *app);
/* The form that edits one setting's value, over the record as read. */
struct screen *screen_setting_edit_new(struct app *app, const struct setting *s);
/* "0 to 100", "at least 1", "yes (1) or no (0)", "a date", "any text". */
void setting_range_words(const struct setting *s, char *buf, size_t n);
/* The value as a person reads it: £1.00 for money, yes/no, dd/mm/yyyy. */
void setting_value_words(const struct setting *s, const char *value, char *buf, size_t n);

#endif
