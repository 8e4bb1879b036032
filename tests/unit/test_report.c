/* tests/unit/test_report.c: the documents of src/report/ in their three
 * formats, on a small co-op made through the data layer. Today is
 * 2026-11-22 and now 14:05 UTC (COOPDESK_TODAY, COOPDESK_NOW, set in
 * main), which is 14:05 in London in November. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coopdesk/decisions.h"
#include "coopdesk/meetings.h"
#include "coopdesk/members.h"
#include "coopdesk/officers.h"
#include "coopdesk/report.h"
#include "coopdesk/settings.h"
#include "coopdesk/shares.h"
#include "coopdesk/text.h"
#include "coopdesk/zone.h"
#include "testutil.h"

#define BOM "\xEF\xBB\xBF"
#define FORMULA_NAME "=cmd|' /C calc'!A0"
#define LONG_ADDRESS \
	"The Old Weavers' Cottage at the far end of the lane behind the mill, past the" \
	" allotments, Rochdale"

struct fixture {
	struct db *db;
	char path[64];
	int64_t lukasz, formula, ben, zoe;
};

static void set(struct db *db, const char *key, const char *value)
{
	struct actor board = test_board();
	struct setting s;
	assert_int_equal(setting_get(db, key, &s), DB_OK);
	assert_int_equal(setting_set(db, &board, key, value, s.version), DB_OK);
}

static int64_t admit(struct db *db, const char *name, const char *address, const char *postcode,
		     const char *email, const char *on)
{
	struct actor board = test_board();
	struct member m;
	memset(&m, 0, sizeof m);
	snprintf(m.name, sizeof m.name, "%s", name);
	snprintf(m.address, sizeof m.address, "%s", address);
	snprintf(m.postcode, sizeof m.postcode, "%s", postcode);
	if (email) {
		snprintf(m.email, sizeof m.email, "%s", email);
		strcpy(m.email_purpose, "notices of general meetings");
	}
	assert_int_equal(share_admit(db, &board, &m, on), DB_OK);
	return m.id;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct actor board = test_board();
	f->db = test_db_file(f->path);
	struct db *db = f->db;
	set(db, "coop_name", "Alder & Co | Housing");
	f->lukasz = admit(db, "Łukasz Wróbel", "3 Birch Row, Rochdale", "OL11 1AB",
			  "lukasz@example.org", "2020-01-01");
	f->formula = admit(db, FORMULA_NAME, "Flat 2 | *Star* House, Rochdale", "OL11 1AC", NULL,
			   "2021-01-01");
	f->ben = admit(db, "Ben Left", "9 Alder Street, Rochdale", "OL11 1AA", NULL, "2021-06-01");
	f->zoe = admit(db, "Zoë Ó Súilleabháin", LONG_ADDRESS, "OL12 9ZZ", NULL, "2022-01-01");
	struct member_property p = { .member_id = f->lukasz, .kind = PROPERTY_LOAN,
				     .amount_pence = 50000 };
	strcpy(p.description, "Loan towards the solar panels");
	strcpy(p.from_date, "2021-06-01");
	assert_int_equal(property_add(db, &board, &p), DB_OK);
	struct member m;
	assert_int_equal(member_get(db, &board, f->ben, &m), DB_OK);
	assert_int_equal(share_cease(db, &board, f->ben, "2022-06-30", "left", m.version), DB_OK);
	/* Zoë's issue reversed (op 6) and made again (op 7). */
	struct share_op_row ops[2];
	int n;
	assert_int_equal(share_op_page(db, &board, f->zoe, PAGE_FIRST, NULL, ops, 2, &n), DB_OK);
	assert_int_equal(share_reverse(db, &board, ops[0].id, "2022-01-02", "in error", NULL), DB_OK);
	assert_int_equal(share_issue(db, &board, f->zoe, "2022-01-03", "again", NULL), DB_OK);

	struct officer o = { .member_id = f->lukasz, .office = OFFICE_CHAIR };
	strcpy(o.became_on, "2020-02-01");
	assert_int_equal(officer_create(db, &board, &o), DB_OK);
	struct officer sec = { .office = OFFICE_SECRETARY };
	strcpy(sec.name, "Sam Secretary");
	strcpy(sec.address, "1 Mill Lane, Rochdale");
	strcpy(sec.became_on, "2020-02-01");
	strcpy(sec.ceased_on, "2023-03-31");
	assert_int_equal(officer_create(db, &board, &sec), DB_OK);

	struct meeting agm = { .kind = MEETING_AGM };
	strcpy(agm.title, "Annual general meeting");
	strcpy(agm.held_on, "2026-03-16");
	assert_int_equal(meeting_create(db, &board, &agm), DB_OK);
	assert_int_equal(attendance_record(db, &board, agm.id, f->lukasz, ATTENDANCE_AT_START, NULL),
			 DB_OK);
	assert_int_equal(meeting_open(db, &board, agm.id, NULL), DB_OK);
	struct participation part = { .member_id = f->zoe, .kind = PARTICIPATION_VOLUNTEERING,
				      .minutes = 150 };
	strcpy(part.on_date, "2026-05-02");
	assert_int_equal(participation_add(db, &board, &part), DB_OK);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	db_close(f->db);
	test_db_unlink(f->path);
	free(f);
	return 0;
}

/* A document written into memory: its text (free it) and length. */
struct doc {
	char *text;
	size_t len;
	int rc;
};

enum which { REGISTER, SHARES, OFFICERS, PARTICIPATION, SHAREHOLDING };

static struct doc write_doc(struct db *db, const struct actor *who, enum which w,
			    enum report_format format, int no_bom, int width, const char *as_at,
			    int flag, int64_t member)
{
	struct doc d = { NULL, 0, 0 };
	struct report_opts o = { format, no_bom, width };
	FILE *out = open_memstream(&d.text, &d.len);
	assert_non_null(out);
	switch (w) {
	case REGISTER: d.rc = report_register(db, who, as_at, flag, &o, out); break;
	case SHARES: d.rc = report_share_register(db, who, &o, out); break;
	case OFFICERS: d.rc = report_officers(db, who, flag, &o, out); break;
	case PARTICIPATION: d.rc = report_participation(db, who, flag, &o, out); break;
	case SHAREHOLDING: d.rc = report_shareholding(db, who, member, &o, out); break;
	}
	fclose(out);
	return d;
}

/* On a failure, the document is shown. */
#define has(d, s) \
	do { \
		if (!strstr((d).text, (s))) \
			fprintf(stderr, "----\n%s\n----\n", (d).text); \
		assert_non_null(strstr((d).text, (s))); \
	} while (0)
#define lacks(d, s) assert_null(strstr((d).text, (s)))

/* Every line of a text document fits `width` columns. */
static void fits(const struct doc *d, int width)
{
	char *copy = strdup(d->text), *save = NULL;
	for (char *line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (text_width(line) > width)
			fail_msg("wider than %d: '%s'", width, line);
		assert_true(line[strlen(line) - 1] != ' ');
	}
	free(copy);
}

/* ---- the register of members -------------------------------------------- */

static void register_board_copy_as_text(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct doc d = write_doc(f->db, &board, REGISTER, REPORT_TEXT, 0, 0, "30/06/2022", 0, 0);
	assert_int_equal(d.rc, DB_OK);
	assert_memory_equal(d.text, "Alder & Co | Housing\nRegister of members as at 30/06/2022\n",
			    57);
	has(d, "4 entries: 3 members on 30/06/2022, 1 former member.");
	has(d, "Produced 22/11/2026 14:05.");
	lacks(d, "Inspection copy");
	has(d, " No.  Member, postal address, email");
	has(d, "Shares     Paid");
	has(d, "   1  Łukasz Wróbel");
	has(d, "      3 Birch Row, Rochdale OL11 1AB");
	/* Too long for one line together: what it is for goes under it. */
	has(d, "      lukasz@example.org\n      (for notices of general meetings)\n");
	has(d, "      Other property: loan £500.00");
	/* Ben ceased that day: his date, no share, his £1 kept. */
	has(d, "Ben Left                           01/06/2021  30/06/2022       0    £1.00");
	has(d, "Totals: 3 shares held, £4.00 paid; other property held: loans £500.00,");
	fits(&d, 80);
	free(d.text);

	/* Before anyone joined; and today, "" meaning today. */
	d = write_doc(f->db, &board, REGISTER, REPORT_TEXT, 0, 0, "2019-12-31", 0, 0);
	has(d, "0 entries: 0 members on 31/12/2019, 0 former members.");
	free(d.text);
	d = write_doc(f->db, &board, REGISTER, REPORT_TEXT, 0, 0, "", 0, 0);
	has(d, "Register of members as at 22/11/2026");
	free(d.text);
}

static void register_text_fits_the_width_asked(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	const int widths[] = { 60, 80, 132 };
	for (int i = 0; i < 3; i++) {
		for (int inspection = 0; inspection < 2; inspection++) {
			struct doc d = write_doc(f->db, &board, REGISTER, REPORT_TEXT, 0, widths[i], "",
						 inspection, 0);
			assert_int_equal(d.rc, DB_OK);
			fits(&d, widths[i]);
			/* The long address is all there, wrapped at spaces. */
			has(d, "Rochdale");
			has(d, "allotments,");
			free(d.text);
		}
	}
	struct doc d = write_doc(f->db, &board, REGISTER, REPORT_TEXT, 0, 200, "", 0, 0);
	has(d, LONG_ADDRESS " OL12 9ZZ\n");
	free(d.text);
	/* Narrower than its columns need (59 for the board's copy), the
	 * table keeps to what it needs; the heading wraps to 40 at least. */
	d = write_doc(f->db, &board, REGISTER, REPORT_TEXT, 0, 20, "", 0, 0);
	fits(&d, 59);
	has(d, "Totals: 3 shares held, £4.00 paid;\nother property held: loans £500.00,\n");
	free(d.text);
}

static void the_inspection_copy_has_no_shares_or_property(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct actor member = test_member(f->lukasz);
	struct actor volunteer = test_volunteer(f->zoe);
	const enum report_format formats[] = { REPORT_TEXT, REPORT_MD, REPORT_CSV };
	/* The board asks for it; a member and a volunteer get it even when
	 * they ask for the board's copy. */
	const struct {
		const struct actor *who;
		int ask;
	} asks[] = { { &board, 1 }, { &member, 0 }, { &member, 1 }, { &volunteer, 0 } };
	for (size_t a = 0; a < sizeof asks / sizeof asks[0]; a++) {
		for (int fm = 0; fm < 3; fm++) {
			struct doc d = write_doc(f->db, asks[a].who, REGISTER, formats[fm], 0, 0,
						 "2026-11-22", asks[a].ask, 0);
			assert_int_equal(d.rc, DB_OK);
			lacks(d, "Shares");
			lacks(d, ",shares");
			lacks(d, "Paid");
			lacks(d, "paid");
			lacks(d, "500");
			lacks(d, "oan");
			lacks(d, "Totals");
			has(d, "Łukasz Wróbel");
			has(d, "lukasz@example.org");
			if (formats[fm] != REPORT_CSV)
				has(d, "Inspection copy (the Act s.103)");
			else
				has(d, "member_no,name,address,postcode,email,email_purpose,entered_on,"
				       "ceased_on\r\n");
			free(d.text);
		}
	}
}

static void register_as_markdown(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct doc d = write_doc(f->db, &board, REGISTER, REPORT_MD, 0, 0, "2026-11-22", 0, 0);
	assert_int_equal(d.rc, DB_OK);
	has(d, "# Alder \\& Co \\| Housing\n\n## Register of members as at 22/11/2026\n\n");
	has(d, "| No. | Name | Postal address | Postcode | Email | Email given for | Entered |"
	       " Ceased | Shares | Paid | Loans | Deposits | Other property |\n");
	has(d, "| --: | --- | --- |");
	has(d, "| 1 | Łukasz Wróbel | 3 Birch Row, Rochdale | OL11 1AB | lukasz@example.org |"
	       " notices of general meetings | 01/01/2020 |  | 1 | £1.00 | £500.00 |  |  |\n");
	/* A | or * in the text cannot break the table or start emphasis. */
	has(d, "| 2 | =cmd\\|' /C calc'\\!A0 | Flat 2 \\| \\*Star\\* House, Rochdale |");
	free(d.text);
}

static void register_as_csv(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct doc d = write_doc(f->db, &board, REGISTER, REPORT_CSV, 0, 0, "2022-06-30", 0, 0);
	assert_int_equal(d.rc, DB_OK);
	static const char header[] = BOM "member_no,name,address,postcode,email,email_purpose,"
				     "entered_on,ceased_on,shares,paid,loans,deposits,"
				     "other_property\r\n";
	assert_memory_equal(d.text, header, sizeof header - 1);
	has(d, "\r\n1,Łukasz Wróbel,\"3 Birch Row, Rochdale\",OL11 1AB,lukasz@example.org,"
	       "notices of general meetings,2020-01-01,,1,1.00,500.00,0.00,0.00\r\n");
	/* The formula is text, made safe; our own numbers are not. */
	has(d, "\r\n2,'=cmd|' /C calc'!A0,\"Flat 2 | *Star* House, Rochdale\",OL11 1AC,,,"
	       "2021-01-01,,1,1.00,0.00,0.00,0.00\r\n");
	has(d, "\r\n3,Ben Left,\"9 Alder Street, Rochdale\",OL11 1AA,,,2021-06-01,2022-06-30,0,"
	       "1.00,");
	lacks(d, "Produced");
	/* Every line ends CR LF. */
	for (char *p = d.text; (p = strchr(p, '\n')); p++)
		assert_int_equal(p[-1], '\r');
	free(d.text);
	d = write_doc(f->db, &board, REGISTER, REPORT_CSV, 1, 0, "2022-06-30", 0, 0);
	assert_memory_equal(d.text, header + 3, sizeof header - 4);
	free(d.text);
}

static void database_text_is_inert_in_every_format(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	/* Text put in by hand, past the data layer's checks. */
	sqlite3 *c;
	assert_int_equal(sqlite3_open(f->path, &c), SQLITE_OK);
	assert_int_equal(sqlite3_exec(c, "UPDATE members SET name = 'Evil' || char(27) || '31m'"
				      " || char(8238) || 'red' WHERE member_no = 3", NULL, NULL,
				      NULL), SQLITE_OK);
	sqlite3_close(c);
	const enum report_format formats[] = { REPORT_TEXT, REPORT_MD, REPORT_CSV };
	for (int fm = 0; fm < 3; fm++) {
		struct doc d = write_doc(f->db, &board, REGISTER, formats[fm], 0, 0, "", 0, 0);
		assert_int_equal(d.rc, DB_OK);
		lacks(d, "\x1b");
		lacks(d, "\xE2\x80\xAE"); /* U+202E, right-to-left override */
		has(d, "Evil\xEF\xBF\xBD" "31m\xEF\xBF\xBDred");
		free(d.text);
		d = write_doc(f->db, &board, SHARES, formats[fm], 0, 0, NULL, 0, 0);
		lacks(d, "\x1b");
		has(d, "Evil\xEF\xBF\xBD");
		free(d.text);
	}
}

static void refusals_write_nothing(void **state)
{
	struct fixture *f = *state;
	struct db *db = f->db;
	struct actor board = test_board();
	struct actor member = test_member(f->lukasz);
	struct actor volunteer = test_volunteer(f->zoe);
	struct doc d;

	d = write_doc(db, &board, REGISTER, REPORT_TEXT, 0, 0, "31/02/2026", 0, 0);
	assert_int_equal(d.rc, DB_INVALID);
	assert_string_equal(db_errmsg(db), "the date of the register: 31/02/2026: February 2026 has"
			    " 28 days");
	assert_int_equal(d.len, 0);
	free(d.text);
	d = write_doc(db, &board, REGISTER, REPORT_TEXT, 0, 0, "2026-11-23", 0, 0);
	assert_int_equal(d.rc, DB_INVALID);
	assert_int_equal(d.len, 0);
	free(d.text);
	d = write_doc(db, &board, REGISTER, (enum report_format)7, 0, 0, "", 0, 0);
	assert_int_equal(d.rc, DB_INVALID);
	assert_string_equal(db_errmsg(db), "a report is written as text, md or csv");
	assert_int_equal(d.len, 0);
	free(d.text);
	d = write_doc(db, NULL, REGISTER, REPORT_CSV, 0, 0, "", 1, 0);
	assert_int_equal(d.rc, DB_DENIED);
	assert_int_equal(d.len, 0);
	free(d.text);

	d = write_doc(db, &member, SHARES, REPORT_CSV, 0, 0, NULL, 0, 0);
	assert_int_equal(d.rc, DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may see the whole share register;"
			    " a member may see their own shareholding");
	assert_int_equal(d.len, 0);
	free(d.text);
	d = write_doc(db, &volunteer, PARTICIPATION, REPORT_TEXT, 0, 0, NULL, 2026, 0);
	assert_int_equal(d.rc, DB_DENIED);
	assert_string_equal(db_errmsg(db), "only the board may see everyone's participation");
	assert_int_equal(d.len, 0);
	free(d.text);
	d = write_doc(db, &board, PARTICIPATION, REPORT_TEXT, 0, 0, NULL, 2027, 0);
	assert_int_equal(d.rc, DB_INVALID);
	assert_int_equal(d.len, 0);
	free(d.text);
	/* Another member's shareholding is not there, for a member. */
	d = write_doc(db, &member, SHAREHOLDING, REPORT_TEXT, 0, 0, NULL, 0, f->zoe);
	assert_int_equal(d.rc, DB_NOTFOUND);
	assert_string_equal(db_errmsg(db), "there is no such member");
	assert_int_equal(d.len, 0);
	free(d.text);
	d = write_doc(db, &board, SHAREHOLDING, REPORT_TEXT, 0, 0, NULL, 0, 999);
	assert_int_equal(d.rc, DB_NOTFOUND);
	assert_int_equal(d.len, 0);
	free(d.text);
	d = write_doc(db, NULL, OFFICERS, REPORT_TEXT, 0, 0, NULL, 0, 0);
	assert_int_equal(d.rc, DB_DENIED);
	assert_int_equal(d.len, 0);
	free(d.text);
}

static void an_unwritable_file_is_a_failure_in_words(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct report_opts o = { REPORT_TEXT, 0, 0 };
	FILE *full = fopen("/dev/full", "w");
	if (!full)
		skip();
	setvbuf(full, NULL, _IONBF, 0);
	assert_int_equal(report_register(f->db, &board, "", 0, &o, full), DB_IO);
	assert_non_null(strstr(db_errmsg(f->db), "the report could not be written"));
	fclose(full);
}

/* ---- the share register --------------------------------------------------- */

static void share_register_with_running_totals(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct doc d = write_doc(f->db, &board, SHARES, REPORT_TEXT, 0, 0, NULL, 0, 0);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Alder & Co | Housing\nShare register\n\n7 share operations, in the order recorded.");
	has(d, "    5  30/06/2022  forfeit    3 Ben Left");
	has(d, "    6  02/01/2022  reversal   4 Zoë Ó");
	has(d, "                   of no. 4");
	has(d, "in error");
	has(d, "After operation 7: 3 shares held, paid-up capital £4.00");
	fits(&d, 80);
	free(d.text);

	d = write_doc(f->db, &board, SHARES, REPORT_CSV, 1, 0, NULL, 0, 0);
	assert_int_equal(d.rc, DB_OK);
	static const char want[] =
		"op_no,op_date,kind,reverses_op_no,member_no,name,shares,amount,total_shares,"
		"total_paid,note\r\n"
		"1,2020-01-01,issue,,1,Łukasz Wróbel,1,1.00,1,1.00,\r\n"
		"2,2021-01-01,issue,,2,'=cmd|' /C calc'!A0,1,1.00,2,2.00,\r\n"
		"3,2021-06-01,issue,,3,Ben Left,1,1.00,3,3.00,\r\n"
		"4,2022-01-01,issue,,4,Zoë Ó Súilleabháin,1,1.00,4,4.00,\r\n"
		"5,2022-06-30,forfeit,,3,Ben Left,-1,1.00,3,4.00,left\r\n"
		"6,2022-01-02,reversal,4,4,Zoë Ó Súilleabháin,-1,1.00,2,3.00,in error\r\n"
		"7,2022-01-03,issue,,4,Zoë Ó Súilleabháin,1,1.00,3,4.00,again\r\n";
	assert_string_equal(d.text, want);
	free(d.text);

	d = write_doc(f->db, &board, SHARES, REPORT_MD, 0, 0, NULL, 0, 0);
	has(d, "| 6 | 02/01/2022 | reversal | 4 | 4 | Zoë Ó Súilleabháin | -1 | £1.00 | 2 | £3.00 | in error |\n");
	free(d.text);
}

/* ---- officers, participation, a shareholding --------------------------- */

static void officers_all_and_current(void **state)
{
	struct fixture *f = *state;
	struct actor member = test_member(f->formula);
	struct doc d = write_doc(f->db, &member, OFFICERS, REPORT_TEXT, 0, 0, NULL, 0, 0);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Register of officers\n\n2 entries: 1 in office, 1 former.");
	has(d, "Łukasz Wróbel");
	has(d, "3 Birch Row, Rochdale");
	has(d, "chair       01/02/2020\n");
	has(d, "Sam Secretary");
	has(d, "secretary   01/02/2020  31/03/2023\n");
	fits(&d, 80);
	free(d.text);
	d = write_doc(f->db, &member, OFFICERS, REPORT_CSV, 1, 0, NULL, 1, 0);
	assert_string_equal(d.text, "name,address,office,became_on,ceased_on\r\n"
			    "Łukasz Wróbel,\"3 Birch Row, Rochdale\",chair,2020-02-01,\r\n");
	free(d.text);
	d = write_doc(f->db, &member, OFFICERS, REPORT_MD, 0, 0, NULL, 1, 0);
	has(d, "## Officers in office on 22/11/2026\n\n1 officer in office.");
	free(d.text);
}

/* Łukasz went to the AGM and gave no time; Zoë missed it and gave 2.5
 * hours; the member with the formula for a name did neither. */
static void participation_against_the_expectation(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct doc d = write_doc(f->db, &board, PARTICIPATION, REPORT_TEXT, 0, 0, NULL, 0, 0);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Participation in 2026");
	has(d, "The co-op sets no expectation: the settings meetings_expected_per_year and\n"
	       "hours_expected_per_year are both 0.");
	has(d, "  No.  Member                    Meetings  Expected  Met    Hours  Expected  Met\n");
	has(d, "    1  Łukasz Wróbel                    1                    0.00\n");
	has(d, "3 members; 2.50 hours given in all.");
	fits(&d, 80);
	free(d.text);
	d = write_doc(f->db, &board, PARTICIPATION, REPORT_CSV, 1, 0, NULL, 2026, 0);
	assert_string_equal(d.text,
			    "member_no,name,meetings_attended,meetings_expected,meetings_met,"
			    "hours_given,hours_expected,hours_met,meets_expectation,minutes_given\r\n"
			    "1,Łukasz Wróbel,1,0,,0.00,0.00,,,0\r\n"
			    "2,'=cmd|' /C calc'!A0,0,0,,0.00,0.00,,,0\r\n"
			    "4,Zoë Ó Súilleabháin,0,0,,2.50,0.00,,,150\r\n");
	free(d.text);

	/* Meetings only, as before there were hours to expect. */
	set(f->db, "meetings_expected_per_year", "1");
	d = write_doc(f->db, &board, PARTICIPATION, REPORT_TEXT, 0, 0, NULL, 2026, 0);
	has(d, "The co-op expects each member to attend 1 general meeting a year, and sets no\n"
	       "hours (the setting hours_expected_per_year is 0).");
	has(d, "    1  Łukasz Wróbel                    1         1  yes     0.00\n");
	has(d, "    4  Zoë Ó Súilleabháin               0         1  no      2.50\n");
	has(d, "1 of 3 members attended at least 1; 2.50 hours given in all.");
	lacks(d, "Ben Left");
	fits(&d, 80);
	free(d.text);

	/* Both: Łukasz meets the meetings but not the hours, Zoë the hours but
	 * not the meetings, and nobody both. */
	set(f->db, "hours_expected_per_year", "2");
	d = write_doc(f->db, &board, PARTICIPATION, REPORT_TEXT, 0, 0, NULL, 2026, 0);
	has(d, "The co-op expects each member to attend 1 general meeting and to give 2 hours\n"
	       "of their time a year.");
	has(d, "    1  Łukasz Wróbel                    1         1  yes     0.00      2.00  no\n");
	has(d, "    4  Zoë Ó Súilleabháin               0         1  no      2.50      2.00  yes\n");
	has(d, "0 of 3 members met both: 1 attended at least 1, 1 gave at least 2 hours; 2.50\n"
	       "hours given in all.");
	fits(&d, 80);
	free(d.text);
	d = write_doc(f->db, &board, PARTICIPATION, REPORT_CSV, 1, 0, NULL, 2026, 0);
	assert_string_equal(d.text,
			    "member_no,name,meetings_attended,meetings_expected,meetings_met,"
			    "hours_given,hours_expected,hours_met,meets_expectation,minutes_given\r\n"
			    "1,Łukasz Wróbel,1,1,yes,0.00,2.00,no,no,0\r\n"
			    "2,'=cmd|' /C calc'!A0,0,1,no,0.00,2.00,no,no,0\r\n"
			    "4,Zoë Ó Súilleabháin,0,1,no,2.50,2.00,yes,no,150\r\n");
	free(d.text);
	d = write_doc(f->db, &board, PARTICIPATION, REPORT_MD, 0, 0, NULL, 2026, 0);
	has(d, "| No. | Name | Meetings attended | Meetings expected | Meetings met | Hours given |"
	       " Hours expected | Hours met | Both met |\n");
	has(d, "| 4 | Zoë Ó Súilleabháin | 0 | 1 | no | 2.50 | 2.00 | yes | no |\n");
	lacks(d, "150");
	free(d.text);

	/* Hours only: the meetings are not asked for, so Zoë meets it all. */
	set(f->db, "meetings_expected_per_year", "0");
	d = write_doc(f->db, &board, PARTICIPATION, REPORT_TEXT, 0, 0, NULL, 2026, 0);
	has(d, "The co-op expects each member to give 2 hours of their time a year, and sets no\n"
	       "number of general meetings (the setting meetings_expected_per_year is 0).");
	has(d, "    4  Zoë Ó Súilleabháin               0                    2.50      2.00  yes\n");
	has(d, "1 of 3 members gave at least 2 hours; 2.50 hours given in all.");
	free(d.text);
	d = write_doc(f->db, &board, PARTICIPATION, REPORT_CSV, 1, 0, NULL, 2026, 0);
	has(d, "4,Zoë Ó Súilleabháin,0,0,,2.50,2.00,yes,yes,150\r\n");
	free(d.text);
}

static void a_members_own_shareholding(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	struct actor lukasz = test_member(f->lukasz);
	struct doc d = write_doc(f->db, &lukasz, SHAREHOLDING, REPORT_TEXT, 0, 0, NULL, 0,
				 f->lukasz);
	assert_int_equal(d.rc, DB_OK);
	has(d, "Shareholding of Łukasz Wróbel, member no. 1\n");
	has(d, "Membership: a member, entered on the register on 01/01/2020.\n");
	has(d, "Shares held: 1. Amount paid: £1.00.\n");
	has(d, "Share operations\n");
	has(d, "     1  01/01/2020  issue");
	has(d, "Other property held in the co-op\n");
	has(d, "loan      Loan towards the solar panels");
	lacks(d, "Zoë");
	fits(&d, 80);
	free(d.text);

	d = write_doc(f->db, &board, SHAREHOLDING, REPORT_TEXT, 0, 132, NULL, 0, f->ben);
	has(d, "Membership: a former member, entered on the register on 01/06/2021, ceased on"
	       " 30/06/2022 (left).");
	has(d, "Shares held: 0. Amount paid: £1.00.");
	has(d, "forfeit");
	lacks(d, "Other property");
	free(d.text);
	d = write_doc(f->db, &board, SHAREHOLDING, REPORT_CSV, 1, 0, NULL, 0, f->zoe);
	assert_string_equal(d.text,
			    "member_no,name,status,entered_on,ceased_on,op_no,op_date,kind,"
			    "reverses_op_no,shares,amount\r\n"
			    "4,Zoë Ó Súilleabháin,member,2022-01-01,,4,2022-01-01,issue,,1,1.00\r\n"
			    "4,Zoë Ó Súilleabháin,member,2022-01-01,,6,2022-01-02,reversal,4,-1,1.00\r\n"
			    "4,Zoë Ó Súilleabháin,member,2022-01-01,,7,2022-01-03,issue,,1,1.00\r\n");
	free(d.text);
	d = write_doc(f->db, &board, SHAREHOLDING, REPORT_MD, 0, 0, NULL, 0, f->zoe);
	has(d, "### Share operations\n\n| No. | Date | Operation | Shares | Amount |\n");
	has(d, "| 6 | 02/01/2022 | reversal of no. 4 | -1 | £1.00 |\n");
	free(d.text);
}

static void produced_in_local_time(void **state)
{
	struct fixture *f = *state;
	struct actor board = test_board();
	/* 23:30 UTC on 1 July is 00:30 on 2 July in London. */
	setenv("COOPDESK_NOW", "2026-07-01T23:30:00Z", 1);
	struct doc d = write_doc(f->db, &board, OFFICERS, REPORT_TEXT, 0, 0, NULL, 0, 0);
	setenv("COOPDESK_NOW", "2026-11-22T14:05:00Z", 1);
	has(d, "Produced 02/07/2026 00:30.");
	free(d.text);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	setenv("COOPDESK_TODAY", "2026-11-22", 1);
	setenv("COOPDESK_NOW", "2026-11-22T14:05:00Z", 1);
	if (zone_set("Europe/London") != 0)
		fprintf(stderr, "no Europe/London on this machine\n");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(register_board_copy_as_text, setup, teardown),
		cmocka_unit_test_setup_teardown(register_text_fits_the_width_asked, setup, teardown),
		cmocka_unit_test_setup_teardown(the_inspection_copy_has_no_shares_or_property, setup,
						teardown),
		cmocka_unit_test_setup_teardown(register_as_markdown, setup, teardown),
		cmocka_unit_test_setup_teardown(register_as_csv, setup, teardown),
		cmocka_unit_test_setup_teardown(database_text_is_inert_in_every_format, setup,
						teardown),
		cmocka_unit_test_setup_teardown(refusals_write_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(an_unwritable_file_is_a_failure_in_words, setup,
						teardown),
		cmocka_unit_test_setup_teardown(share_register_with_running_totals, setup, teardown),
		cmocka_unit_test_setup_teardown(officers_all_and_current, setup, teardown),
		cmocka_unit_test_setup_teardown(participation_against_the_expectation, setup,
						teardown),
		cmocka_unit_test_setup_teardown(a_members_own_shareholding, setup, teardown),
		cmocka_unit_test_setup_teardown(produced_in_local_time, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
