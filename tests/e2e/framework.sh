#!/bin/sh
# The screen framework in a real terminal (tmux): a repair saved at a
# second terminal appears at the first within two seconds without a key;
# a paste from the terminal (bracketed) is typed as text, its Esc and y
# answering nothing; the lock has keys of its own; the cursor sits on the
# selected row. Every wait polls the pane; none is a fixed sleep.
. "$(dirname "$0")/lib.sh"
export COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
DB="$TMP/coop.db"
printf 'board-pass-1\n' | "$BIN" --db "$DB" init --name "E2E Co-op" > /dev/null || { not_ok "init"; finish; }
sqlite3 "$DB" "INSERT INTO homes (uuid, ref, address) VALUES
 ('00000000-0000-4000-8000-000000000001', 'H-01', '1 Mill Lane');
INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at)
VALUES ('00000000-0000-4000-8000-000000000011', 1, '2026-11-05T09:00:00Z',
  'Boiler makes a banging noise', 'routine', '2026-12-02'),
 ('00000000-0000-4000-8000-000000000012', 1, '2026-11-06T09:00:00Z',
  'Gutter overflowing', 'routine', '2026-12-03');"

# A second terminal on the same tmux server: its own session.
other() { $T send-keys -t other "$@"; }
other_screen() { $T capture-pane -p -t other 2>/dev/null; }
other_wait() {
	tries=200
	while [ $tries -gt 0 ]; do
		other_screen | grep -qF -- "$1" && return 0
		sleep 0.05
		tries=$((tries - 1))
	done
	echo "# the second terminal never showed '$1':"
	other_screen | sed 's/^/#   /'
	return 1
}

# ---- another terminal's save appears without a key ---------------------------
start 120 30 "$BIN" --db "$DB"
wait_for "Log in to coopdesk" || true
keys board Enter board-pass-1 Enter
wait_for "Repairs past their target" || true
keys 4
see "the first terminal shows the repairs" "Boiler makes a banging noise"
keys Down
$T -f /dev/null new-session -d -x 120 -y 30 -s other "env LANG=C.UTF-8 $BIN --db $DB; sleep 30"
other_wait "Log in to coopdesk" || true
other board Enter board-pass-1 Enter
other_wait "Repairs past their target" || true
other 4 Enter e
other_wait "Edit repair R-000002" || true
other End " NOW CLEARED"
other_wait "NOW CLEARED" || true
other C-s
if other_wait "Saved R-000002"; then
	# Two seconds from the save, and not a key pressed at the first.
	see "the save at the second terminal shows at the first within 2 s" \
		"Gutter overflowing NOW CLEARED" 2
	screen | grep -q '^>R-000001' && ok "and the first terminal's selection stayed put" \
		|| not_ok "the selection moved: $(screen | grep '^>')"
else
	not_ok "the second terminal saved the repair"
fi
$T kill-session -t other 2>/dev/null

# ---- the terminal's own paste is text ----------------------------------------------
keys Up e
see "the edit form is open" "Edit repair R-000002"
keys End
printf ' pasted\033q y' | $T load-buffer -
$T paste-buffer -p -t main
see "a bracketed paste is typed, its Esc and y included, as text" "NOW CLEARED pasted"
screen | grep -q "Leave without saving" && not_ok "a pasted Esc asked to leave" \
	|| ok "the pasted Esc left nothing asked"
keys Escape
see "a typed Esc asks" "Leave without saving your changes? y/n"
printf 'y' | $T load-buffer -
$T paste-buffer -p -t main
see "a pasted y answers nothing: the question stands" "Leave without saving your changes? y/n"
keys n
see "n carries on editing" "Nothing was lost"
keys Escape y
see "a typed y leaves" "Repairs: open repairs"
got=$(sqlite3 "$DB" "SELECT title FROM repairs WHERE id = 2")
[ "$got" = "Gutter overflowing NOW CLEARED" ] && ok "nothing pasted was saved" \
	|| not_ok "the title after the paste is '$got'"

# ---- the cursor sits on the selected row -------------------------------------------
keys Down
wait_for ">R-000001" > /dev/null || true
pos=$($T display-message -p -t main '#{cursor_y}')
line=$(screen | grep -n '^>R-000001' | cut -d: -f1)
[ -n "$line" ] && [ "$pos" -eq $((line - 1)) ] && ok "the terminal's cursor is on the selected row" \
	|| not_ok "the cursor is on line $pos, the selected row on line $line"

# ---- the lock's own keys ---------------------------------------------------------------
keys C-x
see "^X locks the screen" "This screen is locked"
see "the status line gives the lock's own keys" "Enter unlock  Esc log out"
keys board-pass-1 Enter
see "the password unlocks it" "Repairs: open repairs"
finish
