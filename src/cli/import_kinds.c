/*
 * src/cli/import_kinds.c: each register coopdesk import fills: its columns
 * (with the other names a spreadsheet may give them; doc/import.md lists
 * the same) and how a row is checked and written. Writing goes through the
 * registers' own functions (share_admit, home_create and rent_rate_set,
 * tenancy_create and tenancy_end, rent_post and rent_record, repair_report,
 * contractor_create), so an imported row is refused, checked and audited
 * exactly as one typed on a screen.
 *
 * A row's cells are all checked before anything is written, so one row
 * can report several problems; what the registers refuse is reported
 * under the row's key column.
 */
#include <stdlib.h>
#include <string.h>

#include "coopdesk/contractors.h"
#include "coopdesk/homes.h"
#include "coopdesk/import.h"
#include "coopdesk/members.h"
#include "coopdesk/rent.h"
#include "coopdesk/repair_rules.h"
#include "coopdesk/repairs.h"
#include "coopdesk/shares.h"
#include "coopdesk/tenancies.h"
#include "coopdesk/text.h"
#include "import_int.h"

#define N(a) ((int)(sizeof a / sizeof a[0]))

/* What an email address is kept for when the sheet does not say. */
#define DEFAULT_EMAIL_PURPOSE "co-op business (imported)"

/* A date not after today: the registers refuse later ones, said here with
 * the column. */
static int not_future(struct imp *im, int col, const char *iso, const char *what)
{
	char today[DATE_BUFSZ], uk[DATE_BUFSZ];
	struct date t = date_today(), d;
	date_format_iso(t, today, sizeof today);
	if (iso[0] && strcmp(iso, today) > 0) {
		date_parse(iso, &d);
		imp_fault(im, col, "%s %s is after today", what, date_format_uk(d, uk, sizeof uk));
		return -1;
	}
	return 0;
}

/* ---- members ------------------------------------------------------------ */

enum { M_NO, M_NAME, M_ADDRESS, M_POSTCODE, M_EMAIL, M_PURPOSE, M_PHONE, M_BORN, M_JOINED,
       M_NOTES };
static const struct imp_col member_cols[] = {
	[M_NO] = { "Member No", "member number|membership no|membership number|no|number|"
			       "member id|membership", 0 },
	[M_NAME] = { "Name", "full name|member name", 1 },
	[M_ADDRESS] = { "Address", "postal address|home address|address 1", 1 },
	[M_POSTCODE] = { "Postcode", "post code|postal code|zip", 0 },
	[M_EMAIL] = { "Email", "email address|e-mail", 0 },
	[M_PURPOSE] = { "Email Purpose", "email for|email use|email given for", 0 },
	[M_PHONE] = { "Phone", "telephone|tel|mobile|phone number", 0 },
	[M_BORN] = { "Date of Birth", "dob|born|birth date|birthday", 0 },
	[M_JOINED] = { "Joined", "entered on|date joined|joined on|admitted|admitted on|"
				 "date admitted|entered|membership date", 1 },
	[M_NOTES] = { "Notes", "note|comments|comment", 0 },
};

static int member_row(struct imp *im)
{
	static struct member m;
	int bad = 0;
	int64_t no = 0, id;
	memset(&m, 0, sizeof m);
	if (imp_has(im, M_NO)) {
		if (imp_int(im, M_NO, 1, 999999999, 0, 1, &no))
			bad++;
		else {
			char key[32];
			long first;
			snprintf(key, sizeof key, "%lld", (long long)no);
			if ((first = imp_seen(im, key)) != 0) {
				imp_fault(im, M_NO, "member no. %lld is also on line %ld", (long long)no, first);
				bad++;
			} else if (import_member_id(im->db, no, &id) == DB_OK) {
				struct member old;
				member_get(im->db, &im->who, id, &old);
				imp_fault(im, M_NO, "member no. %lld is already on the register (%s)",
					  (long long)no, old.name);
				bad++;
			}
		}
	}
	m.member_no = no;
	bad += imp_text(im, M_NAME, m.name, sizeof m.name, MEMBER_NAME_MAX, 1) != 0;
	bad += imp_text(im, M_ADDRESS, m.address, sizeof m.address, MEMBER_ADDRESS_MAX, 1) != 0;
	bad += imp_text(im, M_POSTCODE, m.postcode, sizeof m.postcode, 10, 0) != 0;
	bad += imp_text(im, M_EMAIL, m.email, sizeof m.email, MEMBER_EMAIL_MAX, 0) != 0;
	bad += imp_text(im, M_PURPOSE, m.email_purpose, sizeof m.email_purpose, MEMBER_PURPOSE_MAX,
			0) != 0;
	bad += imp_text(im, M_PHONE, m.phone, sizeof m.phone, 30, 0) != 0;
	bad += imp_text(im, M_NOTES, m.notes, sizeof m.notes, MEMBER_NOTES_MAX, 0) != 0;
	if (imp_date(im, M_BORN, m.date_of_birth, 0) || not_future(im, M_BORN, m.date_of_birth,
								    "the date of birth"))
		bad++;
	if (imp_date(im, M_JOINED, m.entered_on, 1) ||
	    not_future(im, M_JOINED, m.entered_on, "the date joined"))
		bad++;
	if (m.email[0] && !strchr(m.email, '@')) {
		imp_fault(im, M_EMAIL, "\"%s\" is not an email address (name@example.org)", m.email);
		bad++;
	}
	if (m.email_purpose[0] && !m.email[0]) {
		imp_fault(im, M_PURPOSE, "says what the email address is for, but there is none");
		bad++;
	}
	if (m.email[0] && !m.email_purpose[0])
		snprintf(m.email_purpose, sizeof m.email_purpose, "%s", DEFAULT_EMAIL_PURPOSE);
	if (bad)
		return 0;
	/* Admitted with their one share, dated the day they joined. */
	if (share_admit(im->db, &im->who, &m, m.entered_on) != DB_OK) {
		const char *msg = db_errmsg(im->db);
		imp_fault(im, strstr(msg, "age") || strstr(msg, "born") ? M_BORN : M_NAME, "%s", msg);
		return 0;
	}
	return 1;
}

/* ---- homes --------------------------------------------------------------- */

enum { H_REF, H_ADDRESS, H_STREET, H_POSTCODE, H_KIND, H_BEDROOMS, H_RENT, H_PERIOD, H_FROM,
       H_NOTES };
static const struct imp_col home_cols[] = {
	[H_REF] = { "Home", "home ref|home reference|ref|reference|property|property ref|unit|"
			    "home id|flat|house", 1 },
	[H_ADDRESS] = { "Address", "postal address|full address", 1 },
	[H_STREET] = { "Street", "road", 0 },
	[H_POSTCODE] = { "Postcode", "post code|postal code", 0 },
	[H_KIND] = { "Type", "kind|home type|property type", 0 },
	[H_BEDROOMS] = { "Bedrooms", "beds|bedroom|no of bedrooms|number of bedrooms", 0 },
	[H_RENT] = { "Rent", "weekly rent|rent amount|rent per week|rent pw", 0 },
	[H_PERIOD] = { "Rent Period", "period|rent frequency|frequency", 0 },
	[H_FROM] = { "Rent From", "rent effective|effective from|rent since|rent start", 0 },
	[H_NOTES] = { "Notes", "note|comments|comment", 0 },
};

static int home_row(struct imp *im)
{
	static struct home h;
	int bad = 0, given = 0;
	int64_t beds = 1, rent = 0, id;
	enum rent_period period = RENT_WEEKLY;
	char from[11];
	memset(&h, 0, sizeof h);
	if (imp_text(im, H_REF, h.ref, sizeof h.ref, HOME_REF_MAX, 1) == 0) {
		long first = imp_seen(im, h.ref);
		if (first) {
			imp_fault(im, H_REF, "home %s is also on line %ld", h.ref, first);
			bad++;
		} else if (import_home_id(im->db, h.ref, &id) == DB_OK) {
			imp_fault(im, H_REF, "home %s is already in the co-op's homes", h.ref);
			bad++;
		}
	} else
		bad++;
	bad += imp_text(im, H_ADDRESS, h.address, sizeof h.address, HOME_ADDRESS_MAX, 1) != 0;
	bad += imp_text(im, H_STREET, h.street, sizeof h.street, HOME_STREET_MAX, 0) != 0;
	bad += imp_text(im, H_POSTCODE, h.postcode, sizeof h.postcode, HOME_POSTCODE_MAX, 0) != 0;
	bad += imp_text(im, H_NOTES, h.notes, sizeof h.notes, HOME_NOTES_MAX, 0) != 0;
	const char *kind = imp_cell(im, H_KIND);
	if (*kind) {
		static const char *const kinds[] = { "house", "flat", "maisonette", "bungalow",
						     "bedsit" };
		int ok = 0;
		for (int i = 0; i < N(kinds); i++)
			if (strcasecmp(kind, kinds[i]) == 0) {
				snprintf(h.kind, sizeof h.kind, "%s", kinds[i]);
				ok = 1;
			}
		if (!ok) {
			imp_fault(im, H_KIND, "\"%s\" is not a kind of home: house, flat, maisonette,"
				  " bungalow or bedsit", kind);
			bad++;
		}
	}
	bad += imp_int(im, H_BEDROOMS, 0, 12, 1, 0, &beds) != 0;
	h.bedrooms = (int)beds;
	bad += imp_money(im, H_RENT, 0, &given, &rent) != 0;
	if (given && (rent < 0 || rent > 999999)) {
		imp_fault(im, H_RENT, "a rent is £0.00 or more, and less than £10,000 a period");
		bad++;
	}
	const char *p = imp_cell(im, H_PERIOD);
	if (*p && rent_period_parse(p, &period) != 0) {
		char low[32];
		snprintf(low, sizeof low, "%s", p);
		text_lower(low);
		if (strcmp(low, "week") == 0 || strcmp(low, "pw") == 0)
			period = RENT_WEEKLY;
		else if (strcmp(low, "month") == 0 || strcmp(low, "pcm") == 0)
			period = RENT_MONTHLY;
		else if (strcmp(low, "four weekly") == 0 || strcmp(low, "4-weekly") == 0 ||
			 strcmp(low, "4 weekly") == 0)
			period = RENT_FOUR_WEEKLY;
		else {
			imp_fault(im, H_PERIOD, "\"%s\" is not a rent period: weekly, four-weekly or"
				  " monthly", p);
			bad++;
		}
	}
	if (imp_date(im, H_FROM, from, 0))
		bad++;
	else if (given && !from[0]) {
		imp_fault(im, H_FROM, "is empty; a rent needs the date it is charged from");
		bad++;
	} else if (!given && from[0]) {
		imp_fault(im, H_RENT, "is empty, but a date to charge it from is given");
		bad++;
	}
	if (bad)
		return 0;
	if (home_create(im->db, &im->who, &h) != DB_OK) {
		imp_refused(im, H_REF);
		return 0;
	}
	if (given && rent_rate_set(im->db, &im->who, h.id, from, period, rent) != DB_OK) {
		imp_refused(im, H_RENT);
		return 0;
	}
	return 1;
}

/* ---- tenancies ----------------------------------------------------------- */

enum { T_HOME, T_TENANTS, T_START, T_KIND, T_END, T_REASON, T_NOTES };
static const struct imp_col tenancy_cols[] = {
	[T_HOME] = { "Home", "home ref|home reference|ref|property|property ref|unit|flat|house", 1 },
	[T_TENANTS] = { "Member No", "member nos|member numbers|member number|tenants|tenant|"
				     "signatories|signatory|members|tenant member no|tenant no", 1 },
	[T_START] = { "Start", "start date|tenancy start|started|from|begins|tenancy date", 1 },
	[T_KIND] = { "Type", "kind|tenancy type", 0 },
	[T_END] = { "End", "end date|ended|to|tenancy end", 0 },
	[T_REASON] = { "End Reason", "reason|reason ended|why ended", 0 },
	[T_NOTES] = { "Notes", "note|comments|comment", 0 },
};

static int tenancy_row(struct imp *im)
{
	static struct tenancy t;
	int64_t ids[TENANCY_MAX_SIGNATORIES];
	int n = 0, bad = 0;
	char reason[TENANCY_REASON_MAX * 4 + 1];
	memset(&t, 0, sizeof t);
	if (imp_text(im, T_HOME, t.home_ref, sizeof t.home_ref, HOME_REF_MAX, 1) == 0) {
		if (import_home_id(im->db, t.home_ref, &t.home_id) != DB_OK) {
			imp_fault(im, T_HOME, "there is no home %s (import the homes first)", t.home_ref);
			bad++;
		}
	} else
		bad++;
	/* Member numbers, separated by ; / & + or spaces ("12; 14", "12 & 14"). */
	char list[256];
	if (imp_text(im, T_TENANTS, list, sizeof list, 200, 1) == 0) {
		char *save = NULL;
		for (char *w = strtok_r(list, ";/&+ ,", &save); w; w = strtok_r(NULL, ";/&+ ,", &save)) {
			char *end;
			long long no = strtoll(w, &end, 10);
			int64_t id;
			if (*end || no <= 0) {
				imp_fault(im, T_TENANTS, "\"%s\" is not a member number", w);
				bad++;
			} else if (import_member_id(im->db, no, &id) != DB_OK) {
				imp_fault(im, T_TENANTS, "there is no member no. %lld on the register"
					  " (import the members first)", no);
				bad++;
			} else if (n == TENANCY_MAX_SIGNATORIES) {
				imp_fault(im, T_TENANTS, "a tenancy has at most %d tenants",
					  TENANCY_MAX_SIGNATORIES);
				bad++;
				break;
			} else
				ids[n++] = id;
		}
		if (n == 0 && !bad) {
			imp_fault(im, T_TENANTS, "names no member");
			bad++;
		}
	} else
		bad++;
	if (imp_date(im, T_START, t.start_date, 1) ||
	    not_future(im, T_START, t.start_date, "the start"))
		bad++;
	if (imp_date(im, T_END, t.end_date, 0) || not_future(im, T_END, t.end_date, "the end"))
		bad++;
	bad += imp_text(im, T_REASON, reason, sizeof reason, TENANCY_REASON_MAX, 0) != 0;
	bad += imp_text(im, T_NOTES, t.notes, sizeof t.notes, TENANCY_NOTES_MAX, 0) != 0;
	const char *kind = imp_cell(im, T_KIND);
	if (*kind) {
		static const char *const kinds[] = { "assured", "secure", "licence", "other" };
		int ok = 0;
		for (int i = 0; i < N(kinds); i++)
			if (strcasecmp(kind, kinds[i]) == 0 || (i == 2 && strcasecmp(kind, "license") == 0)) {
				snprintf(t.kind, sizeof t.kind, "%s", kinds[i]);
				ok = 1;
			}
		if (!ok) {
			imp_fault(im, T_KIND, "\"%s\" is not a kind of tenancy: assured, secure, licence"
				  " or other", kind);
			bad++;
		}
	}
	if (t.end_date[0] && t.start_date[0] && strcmp(t.end_date, t.start_date) <= 0) {
		imp_fault(im, T_END, "a tenancy must end after it starts");
		bad++;
	}
	if (bad)
		return 0;
	char end[11];
	snprintf(end, sizeof end, "%s", t.end_date);
	t.end_date[0] = '\0';
	if (tenancy_create(im->db, &im->who, &t, ids, n) != DB_OK) {
		const char *msg = db_errmsg(im->db);
		imp_fault(im, strstr(msg, "member") ? T_TENANTS : strstr(msg, "period") ? T_START : T_HOME,
			  "%s", msg);
		return 0;
	}
	if (end[0] && tenancy_end(im->db, &im->who, t.id, end, reason, t.version) != DB_OK) {
		imp_refused(im, T_END);
		return 0;
	}
	return 1;
}

/* ---- rent ---------------------------------------------------------------- */

enum { R_HOME, R_DATE, R_KIND, R_AMOUNT, R_METHOD, R_DESCRIPTION, R_REFERENCE };
static const struct imp_col rent_cols[] = {
	[R_HOME] = { "Home", "home ref|home reference|ref|property|property ref|unit|flat|house", 1 },
	[R_DATE] = { "Date", "entry date|date paid|paid on|transaction date", 1 },
	[R_KIND] = { "Type", "kind|entry type|entry|transaction type", 1 },
	[R_AMOUNT] = { "Amount", "sum|value|amount £|amount gbp", 1 },
	[R_METHOD] = { "Method", "paid by|payment method|how paid", 0 },
	[R_DESCRIPTION] = { "Description", "details|detail|narrative|memo", 0 },
	[R_REFERENCE] = { "Reference", "ref no|payment reference|receipt|receipt no", 0 },
};

static int rent_row(struct imp *im)
{
	struct rent_new e;
	int bad = 0, given = 0, kind = -1;
	int64_t home = 0;
	char ref[HOME_REF_MAX * 4 + 1];
	memset(&e, 0, sizeof e);
	if (imp_text(im, R_HOME, ref, sizeof ref, HOME_REF_MAX, 1) == 0) {
		if (import_home_id(im->db, ref, &home) != DB_OK) {
			imp_fault(im, R_HOME, "there is no home %s (import the homes first)", ref);
			bad++;
		}
	} else
		bad++;
	if (imp_date(im, R_DATE, e.entry_date, 1) || not_future(im, R_DATE, e.entry_date, "the date"))
		bad++;
	const char *k = imp_cell(im, R_KIND);
	static const char *const kinds[] = { "charge", "payment", "adjustment", "refund" };
	for (int i = 0; i < N(kinds); i++)
		if (strcasecmp(k, kinds[i]) == 0)
			kind = i;
	if (kind < 0 && (strcasecmp(k, "rent") == 0 || strcasecmp(k, "rent due") == 0))
		kind = RENT_CHARGE;
	if (kind < 0 && (strcasecmp(k, "paid") == 0 || strcasecmp(k, "receipt") == 0))
		kind = RENT_PAYMENT;
	if (kind < 0) {
		imp_fault(im, R_KIND, *k ? "\"%s\" is not charge, payment, adjustment or refund"
				       : "is empty; say charge, payment, adjustment or refund%s", k);
		bad++;
	}
	if (imp_money(im, R_AMOUNT, 1, &given, &e.amount_pence))
		bad++;
	else if (e.amount_pence == 0) {
		imp_fault(im, R_AMOUNT, "is £0.00; an entry moves some money");
		bad++;
	} else if (kind == RENT_PAYMENT) {
		/* Sheets write a payment as the money paid: stored as less owed. */
		if (e.amount_pence < 0) {
			imp_fault(im, R_AMOUNT, "a payment is written as the amount paid, more than £0.00");
			bad++;
		}
		e.amount_pence = -e.amount_pence;
	} else if ((kind == RENT_CHARGE || kind == RENT_REFUND) && e.amount_pence < 0) {
		imp_fault(im, R_AMOUNT, "a %s is more than £0.00", kinds[kind]);
		bad++;
	}
	bad += imp_text(im, R_DESCRIPTION, e.description, sizeof e.description,
			RENT_DESCRIPTION_MAX, 0) != 0;
	bad += imp_text(im, R_REFERENCE, e.reference, sizeof e.reference, RENT_REFERENCE_MAX, 0) != 0;
	const char *method = imp_cell(im, R_METHOD);
	if (*method) {
		int ok = 0;
		for (int i = 0; rent_methods[i]; i++)
			if (strcasecmp(method, rent_methods[i]) == 0) {
				snprintf(e.method, sizeof e.method, "%s", rent_methods[i]);
				ok = 1;
			}
		if (!ok) {
			imp_fault(im, R_METHOD, "\"%s\" is not a way of paying: cash, cheque, bank"
				  " transfer, standing order, direct debit, card, Universal Credit,"
				  " housing benefit or other", method);
			bad++;
		} else if (kind == RENT_CHARGE || kind == RENT_ADJUSTMENT) {
			imp_fault(im, R_METHOD, "only a payment or a refund is paid by some method");
			bad++;
		}
	}
	if (!bad && import_tenancy_on(im->db, home, e.entry_date, &e.tenancy_id) != DB_OK) {
		char uk[DATE_BUFSZ];
		struct date d;
		date_parse(e.entry_date, &d);
		imp_fault(im, R_HOME, "home %s had no tenancy on %s (import the tenancies first)", ref,
			  date_format_uk(d, uk, sizeof uk));
		bad++;
	}
	if (bad)
		return 0;
	e.kind = (enum rent_entry_kind)kind;
	int rc = kind == RENT_CHARGE
		? rent_post(im->db, &im->who, e.tenancy_id, e.entry_date, RENT_CHARGE, e.amount_pence,
			    e.description, e.reference)
		: rent_record(im->db, &im->who, &e, NULL);
	if (rc != DB_OK) {
		imp_refused(im, R_AMOUNT);
		return 0;
	}
	return 1;
}

/* ---- repairs ------------------------------------------------------------- */

enum { P_HOME, P_REPORTED, P_TITLE, P_PRIORITY, P_DESCRIPTION, P_LOCATION, P_BY };
static const struct imp_col repair_cols[] = {
	[P_HOME] = { "Home", "home ref|home reference|ref|property|property ref|unit|flat|house", 1 },
	[P_REPORTED] = { "Reported", "reported on|date reported|date|logged|logged on", 1 },
	[P_TITLE] = { "Repair", "summary|title|job|problem|fault|issue", 1 },
	[P_PRIORITY] = { "Priority", "urgency|category", 1 },
	[P_DESCRIPTION] = { "Description", "details|detail|notes|note", 0 },
	[P_LOCATION] = { "Location", "where|room", 0 },
	[P_BY] = { "Reported By", "reported by member|member no|member|reporter", 0 },
};

static int repair_row(struct imp *im)
{
	static struct repair r;
	int bad = 0;
	char day[11];
	int64_t by = 0;
	memset(&r, 0, sizeof r);
	if (imp_text(im, P_HOME, r.home_ref, sizeof r.home_ref, REPAIR_HOME_REF_MAX, 1) == 0) {
		if (import_home_id(im->db, r.home_ref, &r.home_id) != DB_OK) {
			imp_fault(im, P_HOME, "there is no home %s (import the homes first)", r.home_ref);
			bad++;
		}
	} else
		bad++;
	if (imp_date(im, P_REPORTED, day, 1) || not_future(im, P_REPORTED, day, "the date reported"))
		bad++;
	else
		snprintf(r.reported_at, sizeof r.reported_at, "%sT09:00:00Z", day);
	bad += imp_text(im, P_TITLE, r.title, sizeof r.title, REPAIR_TITLE_MAX, 1) != 0;
	bad += imp_text(im, P_DESCRIPTION, r.description, sizeof r.description,
			REPAIR_DESCRIPTION_MAX, 0) != 0;
	bad += imp_text(im, P_LOCATION, r.location, sizeof r.location, REPAIR_LOCATION_MAX, 0) != 0;
	const char *p = imp_cell(im, P_PRIORITY);
	char low[32];
	snprintf(low, sizeof low, "%s", p);
	text_lower(low);
	r.priority = repair_priority_parse(low);
	if (r.priority == REPAIR_PRIORITY_NONE) {
		imp_fault(im, P_PRIORITY, *p ? "\"%s\" is not a priority: emergency, urgent, routine or"
				       " planned" : "is empty; say emergency, urgent, routine or planned%s", p);
		bad++;
	}
	if (imp_int(im, P_BY, 1, 999999999, 0, 0, &by))
		bad++;
	else if (by && import_member_id(im->db, by, &r.reported_by_member) != DB_OK) {
		imp_fault(im, P_BY, "there is no member no. %lld on the register", (long long)by);
		bad++;
	}
	if (bad)
		return 0;
	if (repair_report(im->db, &im->who, &r) != DB_OK) {
		imp_refused(im, P_TITLE);
		return 0;
	}
	return 1;
}

/* ---- contractors --------------------------------------------------------- */

enum { C_NAME, C_TRADE, C_PHONE, C_EMAIL };
static const struct imp_col contractor_cols[] = {
	[C_NAME] = { "Name", "contractor|company|business|firm|contractor name", 1 },
	[C_TRADE] = { "Trade", "work|type of work|service|skill", 0 },
	[C_PHONE] = { "Phone", "telephone|tel|mobile|phone number", 0 },
	[C_EMAIL] = { "Email", "email address|e-mail", 0 },
};

static int contractor_row(struct imp *im)
{
	struct contractor c;
	int bad = 0;
	int64_t id;
	memset(&c, 0, sizeof c);
	if (imp_text(im, C_NAME, c.name, sizeof c.name, CONTRACTOR_NAME_MAX, 1) == 0) {
		char key[sizeof c.name];
		long first;
		snprintf(key, sizeof key, "%s", c.name);
		text_lower(key);
		if ((first = imp_seen(im, key)) != 0) {
			imp_fault(im, C_NAME, "%s is also on line %ld", c.name, first);
			bad++;
		} else if (import_contractor_id(im->db, c.name, &id) == DB_OK) {
			imp_fault(im, C_NAME, "there is a contractor called %s already", c.name);
			bad++;
		}
	} else
		bad++;
	bad += imp_text(im, C_TRADE, c.trade, sizeof c.trade, CONTRACTOR_TRADE_MAX, 0) != 0;
	bad += imp_text(im, C_PHONE, c.phone, sizeof c.phone, CONTRACTOR_PHONE_MAX, 0) != 0;
	bad += imp_text(im, C_EMAIL, c.email, sizeof c.email, CONTRACTOR_EMAIL_MAX, 0) != 0;
	if (c.email[0] && !strchr(c.email, '@')) {
		imp_fault(im, C_EMAIL, "\"%s\" is not an email address (name@example.org)", c.email);
		bad++;
	}
	if (bad)
		return 0;
	if (contractor_create(im->db, &im->who, &c) != DB_OK) {
		imp_refused(im, C_NAME);
		return 0;
	}
	return 1;
}

const struct imp_kind imp_kinds[] = {
	{ "members", "member", "members", member_cols, N(member_cols), M_NAME, member_row, NULL },
	{ "homes", "home", "homes", home_cols, N(home_cols), H_REF, home_row, NULL },
	{ "tenancies", "tenancy", "tenancies", tenancy_cols, N(tenancy_cols), T_HOME, tenancy_row,
	  NULL },
	{ "rent", "rent entry", "rent entries", rent_cols, N(rent_cols), R_HOME, rent_row, NULL },
	{ "repairs", "repair", "repairs", repair_cols, N(repair_cols), P_HOME, repair_row, NULL },
	{ "contractors", "contractor", "contractors", contractor_cols, N(contractor_cols), C_NAME,
	  contractor_row, NULL },
};
const int imp_nkinds = N(imp_kinds);
