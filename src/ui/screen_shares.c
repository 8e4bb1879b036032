/*
 * src/ui/screen_shares.c: the share register (the Act s.30(2)), for the
 * board: every operation in the order recorded (issue, forfeit,
 * reversal), its number, day, member, the share it adds or takes, and the
 * whole register's running totals after it (shares held, paid-up
 * capital), paged from the database. Enter opens the member's entry.
 *
 *   r  correct the selected operation with a reversal that names it; an
 *      operation is never edited, and e says so
 *   p  the register as a document, to read or print
 */
#include <stdio.h>
#include <string.h>

#include "coopdesk/access.h"
#include "coopdesk/money.h"
#include "coopdesk/shares.h"
#include "coopdesk/zone.h"
#include "list_screen.h"

#define ROW(r) ((const struct share_op_row *)(r))

static int cell_no(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%lld", (long long)ROW(row)->op_no);
	return -1;
}

static int cell_date(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	zone_format(ROW(row)->op_date, buf, n);
	return -1;
}

static int cell_member(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%lld %s", (long long)ROW(row)->member_no, ROW(row)->member_name);
	return -1;
}

static int cell_kind(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	if (ROW(row)->reverses_op_no)
		snprintf(buf, n, "reverses %lld", (long long)ROW(row)->reverses_op_no);
	else
		snprintf(buf, n, "%s", share_op_kind_name(ROW(row)->kind));
	return ROW(row)->reverses_op_no ? STYLE_OVERDUE : -1;
}

static int cell_note(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%s", ROW(row)->note);   /* drawn inert by text_fit */
	return -1;
}

static int cell_shares(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%+lld", (long long)ROW(row)->shares);
	return -1;
}

static int cell_amount(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	money_format(ROW(row)->amount_pence, buf, n);
	return -1;
}

static int cell_total(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	snprintf(buf, n, "%lld", (long long)ROW(row)->total_shares);
	return -1;
}

static int cell_capital(const struct lscreen *ls, const void *row, char *buf, size_t n)
{
	(void)ls;
	money_format(ROW(row)->total_paid_pence, buf, n);
	return -1;
}

static const struct lcol columns[] = {
	{ "No.", 7, 0, 1, cell_no },
	{ "Date", 12, 0, 0, cell_date },
	{ "Member", 0, 0, 0, cell_member },
	{ "Operation", 13, 0, 0, cell_kind },
	{ "Share", 6, 0, 1, cell_shares },
	{ "Amount", 9, 90, 1, cell_amount },
	{ "Held", 7, 0, 1, cell_total },
	{ "Paid-up", 12, 0, 1, cell_capital },
	{ "Note", 0, 120, 0, cell_note },
};

static int fetch(struct lscreen *ls, enum page_dir dir, const struct page_key *key, void *rows,
		 int max, int *n)
{
	return share_op_page(ls->app->db, &ls->app->who, 0, dir, key, rows, max, n);
}

static void key_of(const struct lscreen *ls, const void *row, struct page_key *key)
{
	(void)ls;
	share_op_row_key(row, key);
}

static struct screen *open(struct lscreen *ls, const void *row)
{
	return screen_member_new(ls->app, ROW(row)->member_id);
}

static void draw_extra(struct lscreen *ls, WINDOW *w, int y, int width)
{
	(void)ls;
	draw_text(w, y, 1, width - 2, "Held and Paid-up: the whole register's totals after each"
		  " operation. Operations are never edited.");
}

static int board(const struct lscreen *ls)
{
	return access_level(&ls->app->who, AREA_SHARES, OP_WRITE) == ACCESS_ALL;
}

static void reverse(struct lscreen *ls, const void *row)
{
	if (ROW(row)->kind == SHARE_REVERSAL) {
		ls_note(ls, STYLE_ERROR, "%s", share_reversal_stands);
		return;
	}
	app_push(ls->app, screen_share_reverse_new(ls->app, row));
}

static int write_register(struct app *app, const void *ctx, const struct report_opts *o,
			  FILE *out)
{
	(void)ctx;
	return report_share_register(app->db, &app->who, o, out);
}

static void print(struct lscreen *ls, const void *row)
{
	(void)row;
	app_push(ls->app, screen_document_new(ls->app, "Share register", write_register, NULL, 0));
}

static const char *why_not(struct lscreen *ls, enum action a)
{
	char key[KEY_NAME_MAX];
	if (a != ACT_EDIT)
		return NULL;
	snprintf(ls->scratch, sizeof ls->scratch, "A share operation is never edited: a mistake"
		 " is corrected by a reversal that names it (%s)",
		 ui_key(ls->app, ls->self, ACT_REVERSE, key, sizeof key));
	return ls->scratch;
}

static const struct lact actions[] = {
	{ .action = ACT_REVERSE, .allowed = board, .run = reverse, .needs_row = 1 },
	{ .action = ACT_PRINT, .run = print },
};

static const struct ldesc shares_list = {
	.name = "Share register",
	.area = 2,
	.access = AREA_SHARES,
	.whole = 1,
	.row_size = sizeof(struct share_op_row),
	.cols = columns,
	.ncols = (int)(sizeof columns / sizeof columns[0]),
	.extra_lines = 1,
	.fetch = fetch,
	.key_of = key_of,
	.open = open,
	.open_label = "member",
	.acts = actions,
	.nacts = (int)(sizeof actions / sizeof actions[0]),
	.draw_extra = draw_extra,
	.why_not = why_not,
};

struct screen *screen_shares_new(struct app *app)
{
	return list_screen_new(app, &shares_list);
}
