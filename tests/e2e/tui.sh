#!/bin/sh
# The real binary in a real terminal (tmux): start, navigate, resize below
# and above the minimum, and leave on SIGTERM and SIGHUP with the database
# intact.
. "$(dirname "$0")/lib.sh"
DB="$TMP/coop.db"
"$BIN" --db "$DB" init --name "E2E Co-op" > /dev/null || { not_ok "init"; finish; }

start 80 24 "$BIN" --db "$DB"
see "it starts on Home" "Repairs past their target"
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
keys q
see "q quits with status 0" "exited with 0"

start 80 24 "$BIN" --db "$DB"
see "it starts again" "Repairs past their target"
kill -TERM "$(app_pid)"
see "SIGTERM ends it with status 143" "exited with 143"
expect "the database checks out after SIGTERM" 0 "$BIN" --db "$DB" check

start 80 24 "$BIN" --db "$DB"
see "and again" "Repairs past their target"
kill -HUP "$(app_pid)"
see "SIGHUP ends it with status 129" "exited with 129"
expect "the database checks out after SIGHUP" 0 "$BIN" --db "$DB" check

start 80 24 env TERM=dumb "$BIN" --db "$DB"
see "a terminal that cannot move the cursor is refused in words" "cannot move the cursor"
start 80 24 env -u TERM "$BIN" --db "$DB"
see "no TERM at all is refused in words" "TERM is not set"
finish
