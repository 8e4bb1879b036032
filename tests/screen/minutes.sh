#!/bin/sh
# Writing and publishing the minutes from a meeting's record: M is the
# board's on a meeting held and not yet published; the minutes are kept,
# published when asked, and then M is refused in words; p shows them, N
# shows the notice. `coopdesk check` passes afterwards.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

DB="$TMP/coop.db"
"$BIN" demo "$DB" --seed 1 > "$TMP/demo.log" 2>&1 || not_ok "the demo co-op"
q() { sqlite3 "$DB" "$1"; }
# The August 2026 board meeting, held, its minutes taken back to a draft.
q "UPDATE meetings SET minutes_published = 0 WHERE id = 5"
title=$(q "SELECT title FROM meetings WHERE id = 5")
row=$(q "SELECT count(*) FROM meetings WHERE status = 'planned' OR held_on >
	(SELECT held_on FROM meetings WHERE id = 5)")

{
	echo 'board<Enter>board-demo-1<Enter>'
	echo '5'
	i=0; while [ $i -lt "$row" ]; do echo '<Down>'; i=$((i + 1)); done
	echo '<Enter>'
	echo ":dump $TMP/record.txt"
	echo 'M'
	echo ":dump $TMP/form.txt"
	echo ' The board agreed the repairs budget.^S'
	echo ":dump $TMP/draft.txt"
	echo 'M'
	echo '<Tab><Right>^S'
	echo ":dump $TMP/saved.txt"
	echo 'M'
	echo ":dump $TMP/again.txt"
	echo 'p'
	echo ":dump $TMP/minutes.txt"
} > "$TMP/m.script"
(cd "$TMP" && "$BIN" --db "$DB" --script "$TMP/m.script" --headless --size 100x30) \
	> "$TMP/run.out" 2>&1 || not_ok "the script ran to its end: $(head -3 "$TMP/run.out")"

contains "the record of the meeting held, with M offered" "$TMP/record.txt" "M write minutes"
contains "M opens the minutes form, the draft in it" "$TMP/form.txt" "The minutes of $title"
contains "saved as a draft, and said" "$TMP/draft.txt" \
	"The minutes are saved; publish them when they are agreed"
contains "then saved and published, and said" "$TMP/saved.txt" "The minutes are saved and published"
[ "$(q "SELECT minutes_published || '|' || (minutes LIKE '%The board agreed the repairs budget.%')
	FROM meetings WHERE id = 5")" = "1|1" ] && ok "the minutes kept with what was typed, published" \
	|| not_ok "in the database: $(q "SELECT minutes_published FROM meetings WHERE id = 5")"
contains "once published, M is refused in words" "$TMP/again.txt" \
	"Only the board writes the minutes, of a meeting held, until they are published"
contains "p shows the minutes with what was written" "$TMP/minutes.txt" "Minutes of"
if "$BIN" --db "$DB" check > "$TMP/check.out" 2>&1; then ok "coopdesk check passes"
else not_ok "coopdesk check: $(tail -3 "$TMP/check.out")"; fi
finish
