#!/bin/sh
# The real binary in a real terminal (tmux): start, navigate, resize below
# and above the minimum, and leave on SIGTERM and SIGHUP with the database
# intact.
. "$(dirname "$0")/lib.sh"
DB="$TMP/coop.db"
printf 'board-pass-1\n' | "$BIN" --db "$DB" init --name "E2E Co-op" > /dev/null || { not_ok "init"; finish; }
sqlite3 "$DB" "INSERT INTO homes (uuid, ref, address) VALUES
 ('00000000-0000-4000-8000-000000000001', 'H-01', '1 Mill Lane');
INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at)
VALUES ('00000000-0000-4000-8000-000000000011', 1, '2026-01-05T09:00:00Z',
  'Boiler makes a banging noise', 'routine', '2026-02-02');"

# edit_then SIGNAL STATUS: log in, open the repair's form, type into the
# title, then the signal: the program ends with 128 + the signal's number,
# the half-typed title is not saved, and the database checks out.
edit_then() {
	start 80 24 "$BIN" --db "$DB"
	wait_for "Log in to coopdesk" || true
	keys board Enter board-pass-1 Enter
	wait_for "Repairs past their target" || true
	keys 4
	wait_for "Boiler makes" || true
	keys e
	see "the edit form is open before SIG$1" "Edit repair R-000001"
	keys End " half typed"
	see "the title is being typed" "half typed"
	kill -"$1" "$(app_pid)"
	see "SIG$1 mid-edit ends it with status $2" "exited with $2"
	got=$(sqlite3 "$DB" "SELECT title FROM repairs WHERE id = 1")
	[ "$got" = "Boiler makes a banging noise" ] && ok "nothing half-typed was saved after SIG$1" \
		|| not_ok "the title after SIG$1 is '$got'"
	expect "the database checks out after SIG$1" 0 "$BIN" --db "$DB" check
}

start 80 24 "$BIN" --db "$DB"
see "it starts at the login screen" "Log in to coopdesk"
keys board Enter wrong-password Enter
see "a wrong password is refused in words" "that username and password do not match"
keys board-pass-1 Enter
see "the right one opens Home" "Repairs past their target"
see "the top bar names the co-op" "E2E Co-op"
keys 4
see "4 goes to Repairs" "Repairs: open repairs"
keys '?'
see "? shows the keys" "Keys: Repairs"
keys Escape
keys f
see "f filters to overdue" "Repairs: overdue repairs"
$T resize-window -t main -x 60 -y 20
see "below 80x24 it asks for a bigger terminal" "at least 80x24"
$T resize-window -t main -x 100 -y 30
see "it carries on when the terminal grows" "Repairs: overdue repairs"
keys 1
see "1 goes back Home" "Repairs past their target"
keys C-x
see "^X locks the screen" "This screen is locked"
keys board-pass-1 Enter
see "the password unlocks it where it was" "Repairs past their target"
keys q
see "q logs out to the login screen" "Log in to coopdesk"
keys Escape
see "Esc on the login screen leaves with status 0" "exited with 0"

edit_then TERM 143
edit_then HUP 129

# The idle lock (shortened for the test) covers a half-typed form and keeps it.
start 80 24 env COOPDESK_IDLE_LOCK_SECONDS=2 "$BIN" --db "$DB"
wait_for "Log in to coopdesk" || true
keys board Enter board-pass-1 Enter
wait_for "Repairs past their target" || true
keys 4
wait_for "Boiler makes" || true
keys e
wait_for "Edit repair R-000001" || true
keys End " kept behind the lock"
see "typing into the form" "kept behind the lock"
see "after the idle time the screen locks" "This screen is locked" 15
keys wrong-password Enter
see "a wrong password does not unlock it" "that username and password do not match"
keys board-pass-1 Enter
see "the password unlocks it, the typing still there" "banging noise kept behind the lock"

# Five wrong passwords lock the account; the message comes only then.
start 80 24 "$BIN" --db "$DB"
wait_for "Log in to coopdesk" || true
keys board Enter
for i in 1 2 3 4 5; do keys nope-nope-nope Enter; done
see "after five failures the account is locked" "this account is locked until"
keys board-pass-1 Enter
see "and even the right password waits" "this account is locked until"
expect "the lock shows at the command line" 0 "$BIN" --db "$DB" user list
contains "user list says until when" "$TMP/out" "until"
printf 'board-pass-1\n' | "$BIN" --db "$DB" user passwd board > /dev/null 2>&1

# Colours: on by default, off with NO_COLOR or --color=never (what reaches
# the terminal, escape sequences and all).
colours() { $T capture-pane -e -p -t main | grep -c '\[[0-9;]*3[0-7]m\|\[[0-9;]*4[0-7]m'; }
# colour_check NAME WANT: once the login screen is drawn (nothing drawn
# proves nothing), colours are there (WANT some) or not (none).
colour_check() {
	if ! wait_for "Log in to coopdesk" > /dev/null; then
		not_ok "$1 (nothing was drawn)"
	elif [ "$2" = some ] && [ "$(colours)" -gt 0 ]; then ok "$1"
	elif [ "$2" = none ] && [ "$(colours)" -eq 0 ] &&
	     $T capture-pane -e -p -t main | grep -q '\[[0-9;]*7m'; then ok "$1"
	else not_ok "$1 ($(colours) coloured cells)"; fi
}
start 80 24 env TERM=xterm-256color "$BIN" --db "$DB"
colour_check "colours by default" some
start 80 24 env TERM=xterm-256color NO_COLOR=1 "$BIN" --db "$DB"
colour_check "no colours with NO_COLOR, reverse video instead" none
start 80 24 env TERM=xterm-256color "$BIN" --db "$DB" --color=never
colour_check "no colours with --color=never, reverse video instead" none
start 80 24 env TERM=xterm-256color NO_COLOR=1 "$BIN" --db "$DB" --color=always
colour_check "--color=always beats NO_COLOR" some

start 80 24 env TERM=dumb "$BIN" --db "$DB"
see "a terminal that cannot move the cursor is refused in words" "cannot move the cursor"
start 80 24 env -u TERM "$BIN" --db "$DB"
see "no TERM at all is refused in words" "TERM is not set"
finish
