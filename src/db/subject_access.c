/*
 * src/db/subject_access.c: one member's whole record, section by section
 * (coopdesk/subject_access.h). Each section is one statement bound with
 * the member's id (?1); the column names are the JSON names and the
 * document's labels, so a section says once what it holds.
 */
#include <string.h>

#include "coopdesk/subject_access.h"
#include "dbint.h"

/* Their tenancies: the ones they signed. */
#define THEIR_TENANCIES "SELECT tenancy_id FROM tenancy_signatories WHERE member_id = ?1"
/* The repairs that are about them: reported by them, or on a home while
 * they held its tenancy (the local day it was reported within the
 * tenancy's dates). */
#define THEIR_REPAIRS \
	"SELECT r.id FROM repairs r WHERE r.reported_by_member = ?1" \
	" UNION SELECT r.id FROM repairs r JOIN tenancies t ON t.home_id = r.home_id" \
	" JOIN tenancy_signatories s ON s.tenancy_id = t.id AND s.member_id = ?1" \
	" WHERE substr(r.reported_at, 1, 10) >= t.start_date" \
	" AND (t.end_date IS NULL OR substr(r.reported_at, 1, 10) <= t.end_date)"

static const char SQL_EXISTS[] = "SELECT id FROM members WHERE id = ?1";

static const char *const SQL_SECTION[SA_COUNT] = {
	[SA_MEMBER] =
	"SELECT member_no, name, address, postcode, email, email_purpose, phone,"
	" date_of_birth, entered_on, ceased_on, ceased_reason, notes, uuid"
	" FROM members WHERE id = ?1",
	[SA_PROPERTY] =
	"SELECT kind, description, amount_pence, from_date, to_date FROM member_property"
	" WHERE member_id = ?1 ORDER BY id",
	[SA_OFFICES] =
	"SELECT office, name, address, became_on, ceased_on FROM officers"
	" WHERE member_id = ?1 ORDER BY became_on, id",
	[SA_SHARES] =
	"SELECT o.op_no, o.kind, o.shares, o.amount_pence, o.op_date,"
	" (SELECT r.op_no FROM share_ops r WHERE r.id = o.reverses_id) AS reverses_op_no,"
	" o.note, o.recorded_at FROM share_ops o WHERE o.member_id = ?1 ORDER BY o.op_no",
	[SA_TENANCIES] =
	"SELECT t.id AS tenancy_no, h.ref AS home, h.address AS home_address, t.kind,"
	" t.start_date, t.end_date, t.end_reason, t.notes FROM tenancies t"
	" JOIN homes h ON h.id = t.home_id WHERE t.id IN (" THEIR_TENANCIES ")"
	" ORDER BY t.start_date, t.id",
	[SA_OCCUPANTS] =
	"SELECT tenancy_id AS tenancy_no, name, relationship, date_of_birth, from_date,"
	" to_date FROM tenancy_occupants WHERE tenancy_id IN (" THEIR_TENANCIES ")"
	" ORDER BY tenancy_id, id",
	[SA_RENT] =
	"SELECT tenancy_id AS tenancy_no, entry_date, kind, amount_pence, balance_pence,"
	" description, reference, recorded_at FROM rent_ledger"
	" WHERE tenancy_id IN (" THEIR_TENANCIES ") ORDER BY tenancy_id, id",
	[SA_REPAIRS] =
	"SELECT printf('R-%06d', r.id) AS repair, h.ref AS home,"
	" (r.reported_by_member IS ?1) AS reported_by_them, r.reported_at, r.title,"
	" r.description, r.location, r.priority, r.status, r.target_at, r.completed_at,"
	" r.closed_at, r.reopened FROM repairs r JOIN homes h ON h.id = r.home_id"
	" WHERE r.id IN (" THEIR_REPAIRS ") ORDER BY r.id",
	[SA_REPAIR_EVENTS] =
	"SELECT printf('R-%06d', repair_id) AS repair, at, actor AS by_whom, from_status,"
	" to_status, note FROM repair_events WHERE repair_id IN (" THEIR_REPAIRS ")"
	" ORDER BY repair_id, id",
	[SA_ATTENDANCE] =
	"SELECT m.held_on AS meeting_on, m.title AS meeting, m.kind, a.present_at_start,"
	" a.arrived_at, a.left_at, (a.proxy_for IS NOT NULL) AS held_a_proxy"
	" FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.member_id = ?1"
	" ORDER BY m.held_on, m.id",
	[SA_VOTES] =
	"SELECT m.held_on AS meeting_on, m.title AS meeting, n.motion_no, n.title AS motion,"
	" v.vote, (v.by_proxy_id IS NOT NULL) AS by_proxy FROM votes v"
	" JOIN motions n ON n.id = v.motion_id JOIN meetings m ON m.id = n.meeting_id"
	" WHERE v.member_id = ?1 ORDER BY m.held_on, n.motion_no",
	[SA_PARTICIPATION] =
	"SELECT p.on_date, p.kind, p.minutes, m.title AS meeting, p.note FROM participation p"
	" LEFT JOIN meetings m ON m.id = p.meeting_id WHERE p.member_id = ?1"
	" ORDER BY p.on_date, p.id",
	[SA_COMPLAINTS] =
	"SELECT received_on, subject, details, stage, acknowledged_on, stage1_reply_on,"
	" escalated_on, stage2_reply_on, closed_on FROM complaints WHERE member_id = ?1"
	" ORDER BY received_on, id",
	[SA_REQUESTS] =
	"SELECT received_on, completed_on AS answered_on, note FROM subject_access_requests"
	" WHERE member_id = ?1 ORDER BY received_on, id",
	[SA_USER] =
	"SELECT username, display_name, role, disabled, failed_logins, locked_until,"
	" last_login_at, created_at FROM users WHERE member_id = ?1 ORDER BY id",
	/* Every audit entry about a row above; a user account's without its
	 * password hash (before and after are JSON objects of the row). */
	[SA_AUDIT] =
	"WITH about(t, id) AS ("
	" VALUES ('members', ?1)"
	" UNION ALL SELECT 'member_property', id FROM member_property WHERE member_id = ?1"
	" UNION ALL SELECT 'officers', id FROM officers WHERE member_id = ?1"
	" UNION ALL SELECT 'share_ops', id FROM share_ops WHERE member_id = ?1"
	" UNION ALL SELECT 'tenancy_signatories', id FROM tenancy_signatories WHERE member_id = ?1"
	" UNION ALL SELECT 'tenancies', tenancy_id FROM tenancy_signatories WHERE member_id = ?1"
	" UNION ALL SELECT 'tenancy_occupants', id FROM tenancy_occupants"
	"  WHERE tenancy_id IN (" THEIR_TENANCIES ")"
	" UNION ALL SELECT 'rent_ledger', id FROM rent_ledger WHERE tenancy_id IN (" THEIR_TENANCIES ")"
	" UNION ALL SELECT 'repairs', id FROM (" THEIR_REPAIRS ")"
	" UNION ALL SELECT 'attendance', id FROM attendance WHERE member_id = ?1"
	" UNION ALL SELECT 'votes', id FROM votes WHERE member_id = ?1"
	" UNION ALL SELECT 'vote_presence', id FROM vote_presence WHERE member_id = ?1"
	" UNION ALL SELECT 'participation', id FROM participation WHERE member_id = ?1"
	" UNION ALL SELECT 'complaints', id FROM complaints WHERE member_id = ?1"
	" UNION ALL SELECT 'subject_access_requests', id FROM subject_access_requests"
	"  WHERE member_id = ?1"
	" UNION ALL SELECT 'users', id FROM users WHERE member_id = ?1)"
	" SELECT a.id AS entry, a.at, a.actor AS by_whom, a.table_name AS record, a.row_id,"
	" a.action,"
	" CASE WHEN a.table_name = 'users' THEN json_remove(a.before, '$.password_hash')"
	"  ELSE a.before END AS before,"
	" CASE WHEN a.table_name = 'users' THEN json_remove(a.after, '$.password_hash')"
	"  ELSE a.after END AS after"
	" FROM about JOIN audit a ON a.table_name = about.t AND a.row_id = about.id"
	" ORDER BY a.id",
};

static const struct {
	const char *name, *title;
} sections[SA_COUNT] = {
	[SA_MEMBER] = { "member", "Entry in the register of members" },
	[SA_PROPERTY] = { "property", "Other property held in the co-op (loans, deposits)" },
	[SA_OFFICES] = { "offices", "Offices held (the register of officers)" },
	[SA_SHARES] = { "shares", "Share operations" },
	[SA_TENANCIES] = { "tenancies", "Tenancies" },
	[SA_OCCUPANTS] = { "occupants", "Others living in the home (listed on the tenancy)" },
	[SA_RENT] = { "rent", "Rent accounts: every charge, payment and adjustment" },
	[SA_REPAIRS] = { "repairs", "Repairs reported, or on the home while it was theirs" },
	[SA_REPAIR_EVENTS] = { "repair_events", "Those repairs' histories" },
	[SA_ATTENDANCE] = { "attendance", "Meetings attended" },
	[SA_VOTES] = { "votes", "Votes cast at a roll call" },
	[SA_PARTICIPATION] = { "participation", "Participation: meetings, volunteering, hours" },
	[SA_COMPLAINTS] = { "complaints", "Complaints made" },
	[SA_REQUESTS] = { "requests", "Subject access requests" },
	[SA_USER] = { "user_account", "Login account (the password is never stored or shown)" },
	[SA_AUDIT] = { "audit", "The audit trail's entries about all of the above" },
};

const char *subject_access_section_name(enum sa_section s)
{
	return s >= 0 && s < SA_COUNT ? sections[s].name : "";
}

const char *subject_access_section_title(enum sa_section s)
{
	return s >= 0 && s < SA_COUNT ? sections[s].title : "";
}

int subject_access_check(struct db *db, const struct actor *who, int64_t member_id)
{
	enum access_level level;
	int rc = db_access_check(db, who, AREA_AUDIT, OP_READ, &level);
	if (rc)
		return rc;
	if (level != ACCESS_ALL)
		return db_set_error(db, DB_DENIED, "only the board answers a subject access request");
	sqlite3_stmt *st = db_prep(db, SQL_EXISTS);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	rc = db_step_row(db, st);
	db_reset(st);
	if (rc == DB_NOTFOUND)
		return db_set_error(db, DB_NOTFOUND, "there is no such member");
	return rc;
}

#define MAX_COLS 16

static int read_section(struct db *db, enum sa_section s, int64_t member_id,
			const struct sa_reader *r, void *ctx)
{
	sqlite3_stmt *st = db_prep(db, SQL_SECTION[s]);
	if (!st)
		return db_status(db);
	sqlite3_bind_int64(st, 1, member_id);
	int rc = r->begin(ctx, s);
	int64_t rows = 0;
	struct sa_value v[MAX_COLS];
	int n = sqlite3_column_count(st);
	if (n > MAX_COLS)
		n = MAX_COLS;
	while (!rc && (rc = db_step_row(db, st)) == DB_OK) {
		for (int i = 0; i < n; i++) {
			int type = sqlite3_column_type(st, i);
			v[i].name = sqlite3_column_name(st, i);
			v[i].text = type == SQLITE_NULL ? NULL : (const char *)sqlite3_column_text(st, i);
			v[i].is_int = type == SQLITE_INTEGER;
		}
		rows++;
		rc = r->row(ctx, s, v, n);
	}
	db_reset(st);
	if (rc == DB_NOTFOUND)
		rc = r->end(ctx, s, rows);
	return rc;
}

int subject_access_read(struct db *db, const struct actor *who, int64_t member_id,
			const struct sa_reader *r, void *ctx)
{
	int rc = subject_access_check(db, who, member_id);
	for (int s = 0; !rc && s < SA_COUNT; s++)
		rc = read_section(db, (enum sa_section)s, member_id, r, ctx);
	return rc;
}
