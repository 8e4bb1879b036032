/*
 * src/ui/screen_motion_roll.c: a roll call (board): one field for each
 * member present at the meeting and not recorded as having left, each to
 * be given for, against or abstain (and, where the rules allow proxies,
 * one for each absent member whose proxy is held, cast by its holder),
 * and the chair's casting vote. The
 * fields are made for the members present, so the form's table is this
 * screen's own (freed with it). Saved, motion_roll_call records every
 * vote and the result from them in one transaction, and the outcome is
 * said with its arithmetic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "form.h"
#include "meetings_area.h"
#include "refs.h"

#define ROLL_MAX 2000          /* members present at one vote, at most */
#define ROLL_PAGE 100

static const char *const choices[] = { "for", "against", "abstain", NULL };
static const char *const castings[] = { "none", "for", "against", NULL };

struct roll {
	struct form_view *form;   /* first: the form_screen_* ops read it */
	struct app *app;
	int64_t motion_id;
	int n;                    /* members; field n is the casting vote */
	struct form_spec *spec;
	char (*labels)[160];
	int64_t *ids;
	int64_t *by;              /* the proxy holder of a proxy's vote; 0 in person */
	struct screen_ops ops;
};

static void roll_save(struct screen *s)
{
	struct roll *r = s->priv;
	struct app *app = s->app;
	struct roll_vote *v = calloc((size_t)r->n, sizeof *v);
	if (!v) {
		app_message(app, STYLE_ERROR, "out of memory: nothing was recorded");
		return;
	}
	for (int i = 0; i < r->n; i++) {
		v[i].member_id = r->ids[i];
		v[i].vote = (enum vote_choice)form_choice(r->form, i);
		v[i].by_proxy_id = r->by[i];
	}
	int casting = form_choice(r->form, r->n);
	struct motion_result res;
	int rc = motion_roll_call(app->db, &app->who, r->motion_id, v, r->n,
				  casting < 0 ? CASTING_NONE : (enum casting_vote)casting, &res);
	free(v);
	if (rc) {
		const char *msg = db_errmsg(app->db);
		if (strstr(msg, "casting"))
			form_set_error(r->form, r->n, msg);
		else
			form_message(r->form, STYLE_ERROR, "%s", msg);
		app_message(app, STYLE_ERROR, "Not saved: nothing you chose was lost");
		return;
	}
	struct motion mo;
	char words[400] = "";
	if (motion_get(app->db, &app->who, r->motion_id, &mo) == DB_OK)
		meeting_result_words(app, &mo, &res, words, sizeof words);
	app_pop(app); /* frees s */
	app_message(app, STYLE_OK, "Roll call recorded: %s. %s", rule_outcome_name(res.outcome),
		    words);
}

static int roll_handle(struct screen *s, enum action a, int32_t key)
{
	return form_screen_handle(s, a, key, roll_save);
}

static void roll_destroy(struct screen *s)
{
	struct roll *r = s->priv;
	form_free(r->form);
	free(r->spec);
	free(r->labels);
	free(r->ids);
	free(r->by);
	free(r);
	free(s);
}

/* Adds a line to the roll call: `id` voting, in person (by 0) or by the
 * proxy that `by` holds. */
static void roll_add(struct roll *r, int64_t id, int64_t by, const char *label)
{
	if (r->n >= ROLL_MAX)
		return;
	r->ids[r->n] = id;
	r->by[r->n] = by;
	snprintf(r->labels[r->n], sizeof r->labels[0], "%s", label);
	r->n++;
}

/* Those present now, by member number, a page at a time; after each, the
 * absent member whose proxy they hold. */
static int present(struct app *app, struct roll *r, int64_t meeting_id)
{
	struct attendance_row rows[ROLL_PAGE];
	struct page_key key;
	struct ref_match absent;
	char label[sizeof r->labels[0]];
	int n, rc = attendance_page(app->db, &app->who, meeting_id, PAGE_FIRST, NULL, rows,
				    ROLL_PAGE, &n);
	while (rc == DB_OK && n > 0) {
		for (int i = 0; i < n; i++) {
			if (rows[i].left_at[0])
				continue;
			snprintf(label, sizeof label, "No. %lld %.50s", (long long)rows[i].member_no,
				 rows[i].name);
			roll_add(r, rows[i].member_id, 0, label);
			if (rows[i].proxy_for <= 0 ||
			    ref_member.get(app, rows[i].proxy_for, &absent) != DB_OK)
				continue;
			absent.label[strcspn(absent.label, ",")] = '\0'; /* the name, not the address */
			snprintf(label, sizeof label, "Proxy: no. %s %.40s, held by no. %lld",
				 absent.shown, absent.label, (long long)rows[i].member_no);
			roll_add(r, rows[i].proxy_for, rows[i].member_id, label);
		}
		attendance_row_key(&rows[n - 1], &key);
		rc = attendance_page(app->db, &app->who, meeting_id, PAGE_AFTER, &key, rows,
				     ROLL_PAGE, &n);
	}
	return rc;
}

struct screen *screen_motion_roll_call_new(struct app *app, const struct meeting *m,
					   int64_t motion_id, const char *title)
{
	struct screen *s = calloc(1, sizeof *s);
	struct roll *r = calloc(1, sizeof *r);
	if (r) {
		r->spec = calloc(ROLL_MAX + 1, sizeof *r->spec);
		r->labels = calloc(ROLL_MAX, sizeof *r->labels);
		r->ids = calloc(ROLL_MAX, sizeof *r->ids);
		r->by = calloc(ROLL_MAX, sizeof *r->by);
	}
	if (!s || !r || !r->spec || !r->labels || !r->ids || !r->by) {
		app_message(app, STYLE_ERROR, "out of memory: the roll call could not be opened");
		goto fail;
	}
	r->app = app;
	r->motion_id = motion_id;
	if (present(app, r, m->id)) {
		app_message(app, STYLE_ERROR, "%s", db_errmsg(app->db));
		goto fail;
	}
	if (!r->n) {
		app_message(app, STYLE_ERROR, "Nobody is recorded as present: mark the members"
			    " present first");
		goto fail;
	}
	for (int i = 0; i < r->n; i++)
		r->spec[i] = (struct form_spec){ .label = r->labels[i], .kind = FORM_CHOICE,
						 .required = 1, .choices = choices,
						 .help = "Their vote: for, against or abstain." };
	r->spec[r->n] = (struct form_spec){ .label = "Casting vote", .kind = FORM_CHOICE,
					    .required = 1, .choices = castings,
					    .help = "The chair's, only on a tied ordinary resolution"
						    " where the rules give one." };
	if (!(r->form = form_new(app, r->spec, r->n + 1)))
		goto fail;
	form_set_title(r->form, title);
	for (int i = 0; i < r->n; i++)
		form_set_choice(r->form, i, -1);
	form_set_choice(r->form, r->n, 0);
	form_mark_clean(r->form);
	r->ops = (struct screen_ops){
		.name = "A roll call",
		.scope = 'F',
		.layout = form_screen_layout,
		.draw = form_screen_draw,
		.handle = roll_handle,
		.hint = form_screen_hint,
		.destroy = roll_destroy,
	};
	s->ops = &r->ops;
	s->app = app;
	s->area = 4;
	s->priv = r;
	return s;
fail:
	if (r) {
		free(r->spec);
		free(r->labels);
		free(r->ids);
		free(r->by);
	}
	free(r);
	free(s);
	return NULL;
}
