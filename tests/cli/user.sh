#!/bin/sh
# coopdesk user and the first board user made by init: adding, listing,
# passwords (stored only as yescrypt hashes, never as typed), disabling and
# enabling, changing roles, the last board account kept, refusals in
# words, and an audit row naming "coopdesk user" for every write. At the
# end, in tmux when there is one, the password prompt on a real terminal:
# no echo, asked twice, echo back after Ctrl-C, SIGTERM and Ctrl-Z.
. "$(dirname "$0")/../e2e/lib.sh"
export LANG=C.UTF-8 TZ=UTC

DB="$TMP/coop.db"
sql() { sqlite3 "$DB" "$1"; }
# audited ACTION USERNAME: how many audit rows of ACTION on that account
# name "coopdesk user" as the actor.
audited() {
	sql "SELECT count(*) FROM audit a JOIN users u ON u.id = a.row_id
	      WHERE a.table_name = 'users' AND a.action = '$1' AND u.username = '$2'
	        AND a.actor = 'coopdesk user'"
}
# same NAME GOT WANT
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', wanted '$3')"; fi; }
# login_works NAME USER PASSWORD: the interface, headless, lets USER in.
login_works() {
	printf '%s<Enter>%s<Enter>\n:dump %s\n' "$2" "$3" "$TMP/login.txt" > "$TMP/login.script"
	rm -f "$TMP/login.txt"
	"$BIN" --db "$DB" --script "$TMP/login.script" --headless --size 80x24 \
		> "$TMP/login.out" 2>&1 < /dev/null
	if [ -f "$TMP/login.txt" ] && ! grep -q "do not match" "$TMP/login.txt" &&
	   grep -q "1 Home" "$TMP/login.txt"; then ok "$1"; else
		not_ok "$1"
		sed 's/^/#   /' "$TMP/login.txt" "$TMP/login.out" 2>/dev/null | head -24
	fi
}
# login_refused NAME USER PASSWORD
login_refused() {
	printf '%s<Enter>%s<Enter>\n:dump %s\n' "$2" "$3" "$TMP/login.txt" > "$TMP/login.script"
	rm -f "$TMP/login.txt"
	"$BIN" --db "$DB" --script "$TMP/login.script" --headless --size 80x24 \
		> "$TMP/login.out" 2>&1 < /dev/null
	contains "$1" "$TMP/login.txt" "do not match"
}

# ---- init and its first board user ---------------------------------------------
expect "init --help exits 0" 0 "$BIN" init --help
contains "init --help tells scripts how to give the password" "$TMP/out" "printf 'secret-pass\\n' |"
expect "init with no password on stdin fails" 1 "$BIN" --db "$DB" init --name "Alder Street" < /dev/null
contains "and says why" "$TMP/err" "no password given for the first board user"
[ -e "$DB" ] && not_ok "and leaves no file behind" || ok "and leaves no file behind"
printf 'short\n' > "$TMP/pw"
expect "init with too short a password fails" 1 "$BIN" --db "$DB" init < "$TMP/pw"
contains "with the reason" "$TMP/err" "a password needs at least 8 characters"
[ -e "$DB" ] && not_ok "and leaves no file behind (2)" || ok "and leaves no file behind (2)"
printf 'board-pass-1\n' > "$TMP/pw"
expect "init with a bad username fails" 1 "$BIN" --db "$DB" init --user "no spaces" < "$TMP/pw"
contains "in the schema's words" "$TMP/err" "a username is 2 to 32 letters"
[ -e "$DB" ] && not_ok "and removes the new file" || ok "and removes the new file"
printf 'board-pass-1\nthis line is not read\n' > "$TMP/pw"
expect "init reads one line of stdin for the password" 0 "$BIN" --db "$DB" init --name "Alder Street" < "$TMP/pw"
contains "and names the first board user" "$TMP/out" "first board user is board"
same "the first board user is a board account" \
	"$(sql "SELECT username || '|' || display_name || '|' || role FROM users")" "board|Board|board"
same "made by coopdesk init, in the trail" \
	"$(sql "SELECT actor FROM audit WHERE table_name = 'users' AND action = 'insert'")" "coopdesk init"
login_works "the first board user can log in with that password" board board-pass-1

# ---- usage ------------------------------------------------------------------------
expect "user --help exits 0" 0 "$BIN" user --help
contains "on stdout, with every subcommand" "$TMP/out" "user disable USERNAME"
contains "and says no current password is asked" "$TMP/out" "no current password is asked"
expect "user with nothing is a usage error" 2 "$BIN" --db "$DB" user
expect "an unknown subcommand is a usage error" 2 "$BIN" --db "$DB" user frob ann
contains "named" "$TMP/err" "there is no 'user frob'"
expect "user add without --role is a usage error" 2 "$BIN" --db "$DB" user add ann < /dev/null
contains "in words" "$TMP/err" "needs --role"
expect "a bad role is a usage error" 2 "$BIN" --db "$DB" user add ann --role admin < /dev/null
contains "in words" "$TMP/err" "--role takes board, volunteer or member"
expect "a member's account without --member is refused" 2 "$BIN" --db "$DB" user add tom --role member < /dev/null
contains "in words" "$TMP/err" "a member's account must be linked to their entry in the register"
expect "--member takes a number" 2 "$BIN" --db "$DB" user add tom --role member --member x1 < /dev/null
expect "user passwd without a name is a usage error" 2 "$BIN" --db "$DB" user passwd < /dev/null
expect "--name belongs to add" 2 "$BIN" --db "$DB" user disable board --name X < /dev/null

# ---- add and list --------------------------------------------------------------------
printf 'ann-pass-1\n' > "$TMP/pw"
expect "user add, password on stdin" 0 "$BIN" --db "$DB" user add ann --role volunteer \
	--name "Ann Ó Súilleabháin" < "$TMP/pw"
contains "says what it did" "$TMP/out" "Added ann (Ann Ó Súilleabháin), volunteer."
same "the add is audited, naming coopdesk user" "$(audited insert ann)" 1
login_works "ann can log in" ann ann-pass-1
expect "a taken username is refused before a password is asked" 1 "$BIN" --db "$DB" user add ANN --role board < /dev/null
contains "in words" "$TMP/err" "that username is taken"
printf 'bad-pass-1\n' > "$TMP/pw"
expect "a bad username is refused" 1 "$BIN" --db "$DB" user add "a b" --role volunteer < "$TMP/pw"
contains "in the schema's words" "$TMP/err" "a username is 2 to 32 letters, digits, dots, dashes or underscores"
printf 'short\n' > "$TMP/pw"
expect "too short a password is refused" 1 "$BIN" --db "$DB" user add bea --role volunteer < "$TMP/pw"
contains "with the reason" "$TMP/err" "a password needs at least 8 characters"
printf 'aaaaaaaaaa\n' > "$TMP/pw"
expect "one character repeated is refused" 1 "$BIN" --db "$DB" user add bea --role volunteer < "$TMP/pw"
contains "with the reason" "$TMP/err" "one character repeated"
expect "no password at all is refused" 1 "$BIN" --db "$DB" user add bea --role volunteer < /dev/null
contains "in words" "$TMP/err" "no password given for bea"
same "nothing was added by the refusals" "$(sql "SELECT count(*) FROM users")" 2

sql "INSERT INTO members (uuid, member_no, name, sort_name, address, entered_on)
     VALUES ('00000000-0000-4000-8000-000000000001', 7, 'Tom Reed', 'reed, tom',
             '7 Mill Lane', '2026-01-01')"
printf 'tom-pass-1\n' > "$TMP/pw"
expect "a member number that is not on the register is refused" 1 "$BIN" --db "$DB" user add tom --role member --member 8 < "$TMP/pw"
contains "in words" "$TMP/err" "there is no member number 8 in the register"
expect "a member's account linked by member number" 0 "$BIN" --db "$DB" user add tom --role member --member 7 --name "Tom Reed" < "$TMP/pw"
same "linked to the member's entry" "$(sql "SELECT member_id FROM users WHERE username = 'tom'")" 1

expect "user list" 0 "$BIN" --db "$DB" user list
cat "$TMP/out" > "$TMP/list"
contains "has a heading" "$TMP/list" "username"
contains "shows the display name" "$TMP/list" "Ann Ó Súilleabháin"
contains "has a member number column" "$TMP/list" "member no."
lacks "shows no hash" "$TMP/list" '$y$'
lacks "shows no password" "$TMP/list" "pass-1"
# Aligned: the role column starts at the same column on every line (the
# names here are one column a character, so wc -m counts columns).
starts=$(while IFS= read -r line; do
	printf '%s' "$line" | sed -E 's/ (role|board|volunteer|member) .*//' | wc -m
done < "$TMP/list" | sort -u | wc -l | tr -d ' ')
same "the columns line up (role starts at one column)" "$starts" 1
same "one line a user and the heading" "$(wc -l < "$TMP/list" | tr -d ' ')" 4
tomline=$(grep '^tom ' "$TMP/list" | tr -s ' ')
same "tom's line" "$tomline" "tom Tom Reed member 7 no - never"

# ---- passwd --------------------------------------------------------------------------
printf 'new-secret-9\n' > "$TMP/pw"
expect "user passwd sets a new password without the current one" 0 "$BIN" --db "$DB" user passwd ann < "$TMP/pw"
contains "and says so" "$TMP/out" "Set a new password for ann"
hash=$(sql "SELECT password_hash FROM users WHERE username = 'ann'")
case "$hash" in '$y$'*) ok "the stored password is a yescrypt hash" ;; *) not_ok "hash is '$hash'" ;; esac
if grep -qaF "new-secret-9" "$DB" "$DB-wal" 2>/dev/null; then
	not_ok "the password appears in the database or its WAL"
else ok "the password appears nowhere in the database or its WAL"; fi
if grep -qaF "ann-pass-1" "$DB" "$DB-wal" 2>/dev/null; then
	not_ok "the old password appears in the database or its WAL"
else ok "nor does the old one"; fi
same "the change is audited, naming coopdesk user" "$(audited update ann)" 1
trail=$(sql "SELECT after FROM audit WHERE table_name = 'users' AND action = 'update' ORDER BY id DESC LIMIT 1")
case "$trail" in *"$hash"*) not_ok "the whole hash is in the audit trail" ;; *) ok "the whole hash is not in the audit trail" ;; esac
login_works "ann logs in with the new password" ann new-secret-9
login_refused "and no longer with the old one" ann ann-pass-1
printf 'short\n' > "$TMP/pw"
expect "passwd refuses a short password" 1 "$BIN" --db "$DB" user passwd ann < "$TMP/pw"
contains "with the reason" "$TMP/err" "a password needs at least 8 characters"
expect "passwd for nobody is refused" 1 "$BIN" --db "$DB" user passwd nobody < /dev/null
contains "in the data layer's words" "$TMP/err" "there is no such user account"

# ---- disable, enable, role, the last board account ------------------------------------------
expect "disabling the last board account is refused" 1 "$BIN" --db "$DB" user disable board
contains "and the person is told why" "$TMP/err" "board is the last active board account"
expect "demoting the last board account is refused" 1 "$BIN" --db "$DB" user role board --role volunteer
contains "and the person is told why (demote)" "$TMP/err" "last active board account"
expect "user disable" 0 "$BIN" --db "$DB" user disable ann
contains "says so" "$TMP/out" "Disabled ann"
same "the disable is audited" "$(audited update ann)" 2
login_refused "a disabled account cannot log in" ann new-secret-9
"$BIN" --db "$DB" user list > "$TMP/list" 2>&1
same "the list shows it disabled" "$(grep '^ann ' "$TMP/list" | tr -s ' ' | cut -d' ' -f5-7)" "volunteer - yes"
expect "disabling it again changes nothing" 0 "$BIN" --db "$DB" user disable ann
contains "and says so" "$TMP/out" "already disabled"
same "and writes no audit row" "$(audited update ann)" 2
expect "user enable" 0 "$BIN" --db "$DB" user enable ann
same "the enable is audited" "$(audited update ann)" 3
login_works "an enabled account logs in again" ann new-secret-9
expect "user role makes ann board" 0 "$BIN" --db "$DB" user role ann --role board
same "the role change is audited" "$(audited update ann)" 4
expect "now the first board account may be disabled" 0 "$BIN" --db "$DB" user disable board
expect "and ann, the last one left, may not" 1 "$BIN" --db "$DB" user disable ann
contains "in words" "$TMP/err" "ann is the last active board account"
expect "user enable board" 0 "$BIN" --db "$DB" user enable board
expect "enable of nobody is refused" 1 "$BIN" --db "$DB" user enable nobody
contains "in words" "$TMP/err" "there is no such user account"

# A lockout, shown in the list and cleared by enable.
: > "$TMP/lock.script"
for i in 1 2 3 4 5; do printf 'tom<Enter>wrong-pass-%s<Enter>\n' "$i" >> "$TMP/lock.script"; done
COOPDESK_NOW=2026-03-01T10:00:00Z "$BIN" --db "$DB" --script "$TMP/lock.script" --headless \
	--size 80x24 > /dev/null 2>&1 < /dev/null
COOPDESK_NOW=2026-03-01T10:01:00Z "$BIN" --db "$DB" user list > "$TMP/list" 2>&1
same "the list shows when a locked account unlocks" \
	"$(grep '^tom ' "$TMP/list" | tr -s ' ' | cut -d' ' -f7-8)" "01/03/2026 10:15"
COOPDESK_NOW=2026-03-01T10:01:00Z expect "enable clears a lockout" 0 "$BIN" --db "$DB" user enable tom
contains "and says so" "$TMP/out" "cleared its lockout"
same "the failures are forgotten" "$(sql "SELECT failed_logins || coalesce(locked_until, '-') FROM users WHERE username = 'tom'")" "0-"

same "every write by coopdesk user is in the trail under that name" \
	"$(sql "SELECT count(*) FROM audit WHERE table_name = 'users' AND actor = 'coopdesk user'")" 9
"$BIN" --db "$DB" check > "$TMP/check" 2>&1
contains "check: every table's changes are still audited" "$TMP/check" "ok      every table's changes are audited"
contains "check: the trail has no gaps" "$TMP/check" "ok      the audit trail has no gaps"

# ---- the prompt on a real terminal (tmux) ------------------------------------------------
if ! command -v tmux > /dev/null 2>&1; then
	ok "# SKIP no tmux: the terminal prompt is not tested"
	finish
fi
# $TMP/tty.sh ARGS...: runs coopdesk, then shows its status and whether the
# terminal echoes.
cat > "$TMP/tty.sh" <<EOF
echo \$\$ > "$TMP/tty.pid"
"$BIN" --db "$DB" "\$@"
echo "status \$?"
stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo | sed 's/^/stty /'
EOF
# The script's one child: coopdesk (under make check VALGRIND=1, valgrind
# running it, which hands each signal on to it).
coopdesk_pid() { pgrep -P "$(cat "$TMP/tty.pid")" | head -1; }
pane_echo() { stty -a -F "$($T display-message -p -t main '#{pane_tty}')" | tr ' ;' '\n\n' | grep -x -e echo -e -echo; }

start 100 24 sh "$TMP/tty.sh" user passwd ann
see "the terminal asks for the new password" "New password for ann:"
keys 'tty-pass-77' Enter
see "then for it again" "Type it again:"
keys 'tty-pass-78' Enter
see "two that differ are refused, and it asks again" "the two passwords differ; try again"
keys 'short' Enter
see "a short one is refused with the reason" "a password needs at least 8 characters; try again"
keys 'tty-pass-77' Enter 'tty-pass-77' Enter
see "the third try sets it" "Set a new password for ann"
see "and exits 0" "status 0"
see "with echo on again" "stty echo"
if screen | grep -qF "tty-pass-7"; then not_ok "the typed password was echoed"; else
	ok "the typed password was never echoed"; fi
$T kill-session -t main
login_works "the password typed at the terminal works" ann tty-pass-77

start 100 24 sh "$TMP/tty.sh" user passwd ann
see "asked again" "New password for ann:"
[ "$(pane_echo)" = "-echo" ] && ok "echo is off while the password is typed" || not_ok "echo: $(pane_echo)"
kill -INT "$(coopdesk_pid)"
see "Ctrl-C (SIGINT) ends it with status 130" "status 130"
see "and echo is back on" "stty echo"
$T kill-session -t main

start 100 24 sh "$TMP/tty.sh" user passwd ann
see "asked once more" "New password for ann:"
kill -TERM "$(coopdesk_pid)"
see "SIGTERM ends it with status 143" "status 143"
see "and echo is back on (SIGTERM)" "stty echo"
$T kill-session -t main

start 100 24 sh "$TMP/tty.sh" user passwd ann
see "and once more" "New password for ann:"
pid=$(coopdesk_pid)
kill -TSTP "$pid"
tries=100
while [ "$tries" -gt 0 ] && [ "$(ps -o stat= -p "$pid" | cut -c1)" != T ]; do sleep 0.05; tries=$((tries - 1)); done
[ "$(pane_echo)" = "echo" ] && ok "Ctrl-Z (SIGTSTP) turns echo back on while stopped" || not_ok "stopped, echo: $(pane_echo)"
kill -CONT "$pid"
tries=100
while [ "$tries" -gt 0 ] && [ "$(pane_echo)" != "-echo" ]; do sleep 0.05; tries=$((tries - 1)); done
[ "$(pane_echo)" = "-echo" ] && ok "and off again when continued" || not_ok "continued, echo: $(pane_echo)"
keys 'tty-pass-99' Enter 'tty-pass-99' Enter
see "and the prompt carries on" "status 0"
$T kill-session -t main

rm -f "$TMP/new.db"
cat > "$TMP/init.sh" <<EOF
"$BIN" --db "$TMP/new.db" init --name "Terminal Co-op" --user chair --user-name "The Chair"
echo "status \$?"
EOF
start 100 24 sh "$TMP/init.sh"
see "init asks for the first board user's password" "New password for the first board user:"
keys 'chair-pass-1' Enter 'chair-pass-1' Enter
see "and makes the co-op" "status 0"
same "with that board user" "$(sqlite3 "$TMP/new.db" "SELECT username || '|' || display_name || '|' || role FROM users")" \
	"chair|The Chair|board"
$T kill-session -t main

rm -f "$TMP/new.db"
cat > "$TMP/init.sh" <<EOF
echo \$\$ > "$TMP/tty.pid"
"$BIN" --db "$TMP/new.db" init
echo "status \$?"
EOF
start 100 24 sh "$TMP/init.sh"
see "init asks again" "New password for the first board user:"
kill -INT "$(coopdesk_pid)"
see "Ctrl-C at init's prompt ends it" "status 130"
[ -e "$TMP/new.db" ] && not_ok "and leaves a database behind" || ok "and leaves no database behind"
finish
