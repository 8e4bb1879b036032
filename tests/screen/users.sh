#!/bin/sh
# The user accounts screen (board only, u on Home), driven through the real
# program with scripts: a volunteer's account added through the screen and
# its password set on the bottom line without being shown; that volunteer
# logging in in a second run and finding no u screen; a password reset
# (and one's own, which asks the current password); disable and enable;
# the last active board account refused in the data layer's words; a
# member's account without a member no. refused in words with what was
# typed kept; a role change; no password on any dump; and an audit row,
# naming the board member, for each change.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
unset NO_COLOR

BASE="$TMP/base.db"
if ! printf 'board-pass-1\n' | "$BIN" --db "$BASE" init --name "Users Co-op" > "$TMP/out" 2>&1; then
	not_ok "init a database for the users tests"
	sed 's/^/#   /' "$TMP/out"
	finish
fi
sqlite3 "$BASE" "
INSERT INTO members (id, uuid, member_no, name, sort_name, address, entered_on)
 VALUES (7, '00000000-0000-4000-8000-000000000021', 42, 'Tom Reed', 'reed, tom',
  '1 Mill Lane', '2026-01-10');"

BOARD_LOGIN='board<Enter>board-pass-1<Enter>'
# Every password typed in these tests: none may appear on any dump.
PASSWORDS="vic-secret-pass vic-second-pass board-pass-1 board-new-pass tom-secret-pass short1 mismatch-pass-9"

# run DB NAME: plays $TMP/NAME.script headless at 80x24 on the database DB
# (a file name in $TMP); its dumps land in $TMP.
run() {
	if ! "$BIN" --db "$TMP/$1" --script "$TMP/$2.script" --headless --size 80x24 \
		> "$TMP/$2.out" 2>&1; then
		not_ok "$2: the script ran to its end"
		sed 's/^/#   /' "$TMP/$2.out" | head -10
	fi
}
# fresh NAME: a copy of the base database as NAME.db.
fresh() { cp "$BASE" "$TMP/$1.db"; }
sql() { sqlite3 "$TMP/$1" "$2"; }
# flat FILE: the dump on one line, runs of spaces as one, so that a
# sentence wrapped over two lines can be found whole.
flat() { tr '\n' ' ' < "$1" | tr -s ' ' > "$1.flat"; }
# audits DB WHERE: how many audit rows on users match WHERE.
audits() { sql "$1" "SELECT count(*) FROM audit WHERE table_name = 'users' AND $2"; }

# ---- a volunteer's account, added through the screen ---------------------------
fresh flow
cat > "$TMP/add.script" <<EOF
$BOARD_LOGIN
:dump $TMP/add0.txt
u
:dump $TMP/add1.txt
n
vic<Tab>Vic Volunteer<Tab><Tab>^S
:dump $TMP/add2.txt
short1<Enter>
:dump $TMP/add3.txt
vic-secret-pass<Enter>
:dump $TMP/add4.txt
mismatch-pass-9<Enter>
:dump $TMP/add5.txt
vic-secret-pass
:dump $TMP/add6.txt
<Enter>vic-secret-pass<Enter>
:dump $TMP/add7.txt
EOF
run flow.db add
contains "Home tells the board about u" "$TMP/add0.txt" "u user accounts"
contains "u opens the user accounts" "$TMP/add1.txt" "User accounts"
contains "with the columns" "$TMP/add1.txt" \
	"Username   Display name     Role      Member Status          Last login"
contains "the board account is listed with its last login, local time" "$TMP/add1.txt" \
	"board      Board            board                            22/11/2026 12:00"
contains "n opens the new account form" "$TMP/add2.txt" "New user account"
contains "saving it asks the password on the bottom line" "$TMP/add2.txt" \
	"New password for vic (not shown):"
contains "with what was typed still on the form" "$TMP/add2.txt" "Display name  Vic Volunteer"
contains "a short password is refused in the rules' words" "$TMP/add3.txt" \
	"Not taken: a password needs at least 8 characters. Type another."
contains "then it is asked again to confirm" "$TMP/add4.txt" "The new password for vic again:"
contains "two different entries are refused" "$TMP/add5.txt" \
	"The two passwords were not the same: type the new one again."
contains "and the first is asked again" "$TMP/add5.txt" "New password for vic (not shown):"
contains "while typing, nothing of it is shown" "$TMP/add6.txt" "New password for vic (not shown):"
contains "once both match, the account is added" "$TMP/add7.txt" \
	"Added vic (Vic Volunteer), volunteer: they can log in now"
contains "and listed" "$TMP/add7.txt" \
	"vic        Vic Volunteer    volunteer                        never"
got=$(sql flow.db "SELECT role || '|' || display_name || '|' || disabled || '|' ||
	(password_hash LIKE '\$y\$%') FROM users WHERE username = 'vic'")
[ "$got" = "volunteer|Vic Volunteer|0|1" ] && ok "vic is stored: role, name, a yescrypt hash" \
	|| not_ok "vic as stored: $got"
[ "$(audits flow.db "action = 'insert' AND actor = 'Board'")" = 1 ] \
	&& ok "adding vic wrote one audit row naming the board member" \
	|| not_ok "audit rows for adding vic: $(audits flow.db "action = 'insert'")"
grep -q 'vic-secret-pass' "$TMP/flow.db" "$TMP/flow.db-wal" 2>/dev/null \
	&& not_ok "the password is in the database file" || ok "the password is not in the file"

# ---- vic logs in, in a second run, and has no u screen ------------------------------
cat > "$TMP/vic.script" <<EOF
vic<Enter>vic-secret-pass<Enter>
:dump $TMP/vic1.txt
u
:dump $TMP/vic2.txt
a
:dump $TMP/vic3.txt
EOF
run flow.db vic
contains "vic logs in with the password set on the screen" "$TMP/vic1.txt" "Vic Volunt"
contains "and sees Home" "$TMP/vic1.txt" "Home"
lacks "a volunteer's Home offers no user accounts" "$TMP/vic1.txt" "user accounts"
contains "u is refused for a volunteer, in words" "$TMP/vic2.txt" "Only the board may open user accounts"
lacks "the Users screen does not open" "$TMP/vic2.txt" "Username"
lacks "nor the audit trail" "$TMP/vic3.txt" "Audit trail"

# ---- the board resets vic's password -------------------------------------------
before=$(audits flow.db "action = 'update' AND actor = 'Board'")
cat > "$TMP/reset.script" <<EOF
$BOARD_LOGIN
u
<Down>p
:dump $TMP/reset1.txt
vic-second-pass<Enter>vic-second-pass<Enter>
:dump $TMP/reset2.txt
<Up>p
:dump $TMP/reset3.txt
not-my-password<Enter>board-new-pass<Enter>board-new-pass<Enter>
:dump $TMP/reset4.txt
board-pass-1<Enter>board-new-pass<Enter>board-new-pass<Enter>
:dump $TMP/reset5.txt
EOF
run flow.db reset
contains "p asks a new password for the selected account" "$TMP/reset1.txt" \
	"New password for vic (not shown):"
lacks "while it is typed, q is a letter, not a way out" "$TMP/reset1.txt" "q log out"
contains "and sets it" "$TMP/reset2.txt" "Set a new password for vic; any lockout on it is cleared"
contains "one's own password asks the current one first" "$TMP/reset3.txt" \
	"Your current password (not shown):"
contains "a wrong current password is refused in the data layer's words" "$TMP/reset4.txt" \
	"Your current password is not right"
contains "and asked again" "$TMP/reset4.txt" "Your current password (not shown):"
contains "the right one lets the change through" "$TMP/reset5.txt" "Set a new password for board"
after=$(audits flow.db "action = 'update' AND actor = 'Board'")
[ $((after - before)) -eq 2 ] && ok "each password set wrote one audit row naming the board member" \
	|| not_ok "password changes wrote $((after - before)) audit rows"
cat > "$TMP/vic2.script" <<EOF
vic<Enter>vic-secret-pass<Enter>
:dump $TMP/vicold.txt
<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>vic-second-pass<Enter>
:dump $TMP/vicnew.txt
EOF
run flow.db vic2
contains "the old password no longer works" "$TMP/vicold.txt" "that username and password do not match"
contains "the new one does" "$TMP/vicnew.txt" "Vic Volunt"

# ---- disable and enable ----------------------------------------------------------
before=$(audits flow.db "action = 'update' AND actor = 'Board'")
cat > "$TMP/toggle.script" <<EOF
board<Enter>board-new-pass<Enter>
u
<Down>d
:dump $TMP/toggle1.txt
n
:dump $TMP/toggle2.txt
d
y
:dump $TMP/toggle3.txt
EOF
run flow.db toggle
contains "d asks before disabling" "$TMP/toggle1.txt" \
	"Disable vic (Vic Volunteer)? They can no longer log in. y/n"
contains "n changes nothing" "$TMP/toggle2.txt" "Nothing was changed"
contains "y disables" "$TMP/toggle3.txt" "Disabled vic: it can no longer log in"
contains "and the list says so" "$TMP/toggle3.txt" \
	"vic        Vic Volunteer    volunteer        disabled"
contains "and the bottom line offers enabling" "$TMP/toggle3.txt" "d enable"
[ "$(sql flow.db "SELECT disabled FROM users WHERE username = 'vic'")" = 1 ] \
	&& ok "vic is disabled in the file" || not_ok "vic is not disabled"
cat > "$TMP/vic3.script" <<EOF
vic<Enter>vic-second-pass<Enter>
:dump $TMP/vicoff.txt
EOF
run flow.db vic3
contains "a disabled account cannot log in" "$TMP/vicoff.txt" "that username and password do not match"
cat > "$TMP/enable.script" <<EOF
board<Enter>board-new-pass<Enter>
u
<Down>d
:dump $TMP/enable1.txt
y
:dump $TMP/enable2.txt
EOF
run flow.db enable
contains "d on a disabled account asks before enabling" "$TMP/enable1.txt" \
	"Enable vic (Vic Volunteer)? They can log in again. y/n"
contains "y enables" "$TMP/enable2.txt" "Enabled vic: it can log in again"
[ "$(sql flow.db "SELECT disabled FROM users WHERE username = 'vic'")" = 0 ] \
	&& ok "vic is enabled in the file" || not_ok "vic is still disabled"
after=$(audits flow.db "action = 'update' AND actor = 'Board'")
[ $((after - before)) -eq 2 ] && ok "disabling and enabling wrote an audit row each" \
	|| not_ok "disable and enable wrote $((after - before)) audit rows"
run flow.db vic3
contains "vic logs in again once enabled" "$TMP/vicoff.txt" "Vic Volunt"

# ---- the last active board account ----------------------------------------------
fresh last
before=$(sqlite3 "$BASE" "SELECT count(*) FROM audit WHERE table_name = 'users' AND actor <> 'login'")
cat > "$TMP/last.script" <<EOF
$BOARD_LOGIN
u
d
:dump $TMP/last1.txt
y
:dump $TMP/last2.txt
r
v^S
:dump $TMP/last3.txt
EOF
run last.db last
contains "disabling one's own account says what follows" "$TMP/last1.txt" \
	"Disable your own account, board? You are logged out. y/n"
flat "$TMP/last2.txt"
contains "the last board account cannot be disabled: the data layer's sentence" \
	"$TMP/last2.txt.flat" \
	"board is the last active board account: add or enable another board account first, so that someone can still manage users"
flat "$TMP/last3.txt"
contains "nor demoted, said on the role form" "$TMP/last3.txt.flat" \
	"board is the last active board account: add or enable another board account first"
grep -q 'Role  *volunteer' "$TMP/last3.txt" && ok "which stays open with the choice made" \
	|| not_ok "the role form lost the choice made (volunteer)"
got=$(sql last.db "SELECT role || '|' || disabled FROM users WHERE username = 'board'")
[ "$got" = "board|0" ] && ok "the board account is unchanged" || not_ok "the board account: $got"
[ "$(sql last.db "SELECT count(*) FROM audit WHERE table_name = 'users' AND actor <> 'login'")" = "$before" ] \
	&& ok "and no audit row was written for the refusals" || not_ok "a refusal left an audit row"

# ---- a member's account needs a member no. ------------------------------------------
fresh member
cat > "$TMP/member.script" <<EOF
$BOARD_LOGIN
u
n
tom<Tab>Tom Reed<Tab>m<Tab>^S
:dump $TMP/member1.txt
99^S
:dump $TMP/member2.txt
<BS><BS>42^S
:dump $TMP/member3.txt
tom-secret-pass<Enter>tom-secret-pass<Enter>
:dump $TMP/member4.txt
EOF
run member.db member
contains "a member's account without a member no. is refused in words" "$TMP/member1.txt" \
	"a member's account needs their member no. from the register"
contains "keeping the username typed" "$TMP/member1.txt" "Username      tom"
contains "and the display name" "$TMP/member1.txt" "Display name  Tom Reed"
grep -q 'Role  *member' "$TMP/member1.txt" && ok "and the role chosen" \
	|| not_ok "the role chosen (member) is gone"
lacks "and no password is asked" "$TMP/member1.txt" "New password"
contains "a member no. not in the register is named" "$TMP/member2.txt" \
	"there is no member no. 99 on the register"
contains "one that is goes on to the password" "$TMP/member3.txt" "New password for tom (not shown):"
contains "and the account is added, linked" "$TMP/member4.txt" \
	"Added tom (Tom Reed), member, member no. 42: they can log in now"
grep -q 'tom  *Tom Reed  *member  *42 ' "$TMP/member4.txt" && ok "the list shows the member no." \
	|| not_ok "the list does not show tom's member no. 42"
got=$(sql member.db "SELECT role || '|' || member_id FROM users WHERE username = 'tom'")
[ "$got" = "member|7" ] && ok "tom is linked to member no. 42 in the file" || not_ok "tom as stored: $got"

# ---- a role change, and a username already taken --------------------------------
cat > "$TMP/role.script" <<EOF
$BOARD_LOGIN
u
n
TOM<Tab>Another Tom<Tab>^S
:dump $TMP/role1.txt
<Esc>y
<Down>r
:dump $TMP/role2.txt
b<Tab><BS><BS>^S
:dump $TMP/role3.txt
EOF
run member.db role
contains "a username taken (in any case) is refused before the password" "$TMP/role1.txt" \
	"that username is taken: choose another"
contains "r opens the role form, filled in" "$TMP/role2.txt" "Member  42"
contains "with the member's name beside the number" "$TMP/role2.txt" "Tom Reed, 1 Mill Lane"
contains "with the account named" "$TMP/role2.txt" "Role of tom (Tom Reed)"
contains "saving says the new role" "$TMP/role3.txt" "tom is now board"
got=$(sql member.db "SELECT role || '|' || coalesce(member_id, 'none') FROM users WHERE username = 'tom'")
[ "$got" = "board|none" ] && ok "the role and the unlinking are stored" || not_ok "tom as stored: $got"
got=$(sql member.db "SELECT action || '|' || actor || '|' || json_extract(after, '\$.role')
	FROM audit WHERE table_name = 'users' ORDER BY id DESC LIMIT 1")
[ "$got" = "update|Board|board" ] && ok "the role change has its audit row" \
	|| not_ok "the last audit row: $got"

# ---- keys that do nothing here are not offered, and say so --------------------
cat > "$TMP/nokeys.script" <<EOF
$BOARD_LOGIN
u
:dump $TMP/nokeys1.txt
/
:dump $TMP/nokeys2.txt
f
:dump $TMP/nokeys3.txt
?
:dump $TMP/nokeys4.txt
EOF
run member.db nokeys
lacks "the list offers no search" "$TMP/nokeys1.txt" "/ search"
lacks "nor a filter" "$TMP/nokeys1.txt" "f filter"
contains "/ says it does nothing here" "$TMP/nokeys2.txt" "/ does nothing here"
contains "and so does f" "$TMP/nokeys3.txt" "f does nothing here"
lacks "the help lists no search" "$TMP/nokeys4.txt" "Search"
lacks "nor a filter" "$TMP/nokeys4.txt" "Filter"

# ---- Esc on the password prompt adds nothing ------------------------------------------
fresh esc
cat > "$TMP/esc.script" <<EOF
$BOARD_LOGIN
u
n
ann<Tab>Ann Patel<Tab>^S
vic-secret-pass<Esc>
:dump $TMP/esc1.txt
<Esc>y
:dump $TMP/esc2.txt
EOF
run esc.db esc
contains "Esc at the password adds nothing, and says so" "$TMP/esc1.txt" \
	"No account was added: it needs a password"
contains "the form stays, as typed" "$TMP/esc1.txt" "Display name  Ann Patel"
lacks "and leaving it shows no ann" "$TMP/esc2.txt" "Ann Patel"
[ "$(sql esc.db "SELECT count(*) FROM users WHERE username = 'ann'")" = 0 ] \
	&& ok "no account without a password" || not_ok "ann was added without a password"

# ---- no password on any dump ------------------------------------------------------
shown=""
for pw in $PASSWORDS; do
	for f in "$TMP"/*.txt; do
		grep -qF -- "$pw" "$f" && shown="$shown $pw:$(basename "$f")"
	done
done
[ -z "$shown" ] && ok "no password typed appears on any screen" || not_ok "passwords shown:$shown"
finish
