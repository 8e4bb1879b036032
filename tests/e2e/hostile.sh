#!/bin/sh
# Hostile text reaches the terminal inert: a member's name, a repair's
# title and description, and a meeting's and a decision's text holding a
# screen-clearing escape, an OSC 52 clipboard write, a bell, a right-to-left
# override and a byte that is not UTF-8, written into the file by another
# program. Everything coopdesk sends the terminal is recorded (tmux
# pipe-pane): none of those bytes is in it, and the pane shows U+FFFD in
# their place.
. "$(dirname "$0")/lib.sh"
export COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
DB="$TMP/demo.db"
"$BIN" demo "$DB" --seed 1 > "$TMP/demo.log" 2>&1 || { not_ok "the demo co-op"; finish; }
BAD="' || char(27) || '[2J' || char(27) || ']52;c;aGk=' || char(7) || char(8238) || 'rev'
	|| CAST(X'FF' AS TEXT) || '"
sqlite3 "$DB" "UPDATE members SET name = 'Aaron$BAD Hostile', sort_name = 'aaaa'
	WHERE member_no = 1;
	UPDATE repairs SET title = 'Tap$BAD drips', description = 'Leak$BAD'
	WHERE id = (SELECT max(id) FROM repairs);
	UPDATE decisions SET title = 'Decided$BAD' WHERE id = (SELECT max(id) FROM decisions)" ||
	not_ok "the hostile text is written"

start 100 30 "$BIN" --db "$DB"
$T pipe-pane -o -t main "cat > '$TMP/raw.out'"
wait_for "Log in to coopdesk" || true
keys board Enter board-demo-1 Enter
see "the board logs in" "Home"
keys 3
see "the register lists the hostile name inert" "Aaron$(printf '\357\277\275')[2J"
keys Enter
see "the member's record shows it inert" "Aaron$(printf '\357\277\275')[2J"
keys Escape 4
see "the repairs list shows the title inert" "Tap$(printf '\357\277\275')"
keys Enter
see "the repair's record shows the description inert" "Leak$(printf '\357\277\275')[2J"
keys Escape Escape q
$T pipe-pane -t main
contains "the terminal's output was recorded" "$TMP/raw.out" "Aaron"
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')
lacks "no OSC 52 clipboard write reached the terminal" "$TMP/raw.out" "$ESC]52"
lacks "no right-to-left override reached the terminal" "$TMP/raw.out" "$RLO"
lacks "no bell reached the terminal" "$TMP/raw.out" "$(printf '\007')"
if LC_ALL=C grep -q "$(printf '\377')" "$TMP/raw.out"; then
	not_ok "a byte that is not UTF-8 reached the terminal"
else ok "no byte that is not UTF-8 reached the terminal"; fi
# The escape's own text is on screen, after the replacement, never run.
grep -qF "$ESC[2J]" "$TMP/raw.out" && not_ok "the clearing escape ran" || ok "the clearing escape never ran as text"
finish
