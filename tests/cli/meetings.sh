#!/bin/sh
# coopdesk report minutes|notice and coopdesk export of meetings, attendance,
# motions, votes, decisions and actions on the demo co-op: the minutes of
# every meeting held against counts made here with the sqlite3 shell
# (attendance, motions, results, errata, roll-call votes), each outcome
# against a hand computation from domain.md's table, a meeting found by its
# date, refusals in words, and the exports' header rows, row counts, byte-
# order mark and CR LF line ends (RFC 4180).
. "$(dirname "$0")/lib.sh"

q() { sqlite3 "$DB" "$1"; }
same() {
	if [ "$2" = "$3" ]; then ok "$1 ($2)"; else not_ok "$1 (got '$2', wanted '$3')"; fi
}
CR=$(printf '\r')
uk() { echo "$1" | awk -F- '{ print $3 "/" $2 "/" $1 }'; }

DB="$TMP/demo.db"
"$BIN" demo "$DB" --seed 1 > /dev/null 2>&1 || not_ok "the demo co-op was not made"

expect "report --help names the notice and the minutes" 0 "$BIN" report --help
contains "with MEETING" "$TMP/out" "report notice|minutes MEETING"

# ---- the minutes of every meeting held, against sqlite3 -------------------
held=$(q "SELECT id FROM meetings WHERE status = 'held' ORDER BY id")
[ -n "$held" ] || not_ok "the demo has meetings held"
for m in $held; do
	M="$TMP/minutes$m.txt"
	"$BIN" --db "$DB" report minutes "$m" --width 1000 > "$M" 2> "$TMP/err" ||
		{ not_ok "minutes of meeting $m written"; sed 's/^/#   /' "$TMP/err"; continue; }
	att=$(q "SELECT count(*) FROM attendance WHERE meeting_id = $m")
	start=$(q "SELECT count(*) FROM attendance WHERE meeting_id = $m AND present_at_start = 1")
	contains "meeting $m: the attendance register counted" "$M" \
		"$att recorded in the attendance register: $start present at the start"
	rows=$(awk '/^ *No\.  Member/ { on = 1; next } on && /^-/ { next } on && /^ *[0-9]+  / { n++ }
		on && /^$/ { on = 0 } END { print n + 0 }' "$M")
	same "meeting $m: a row for each attendance record" "$rows" "$att"
	same "meeting $m: each motion once" "$(grep -c '^Motion [0-9]*: ' "$M")" \
		"$(q "SELECT count(*) FROM motions WHERE meeting_id = $m")"
	same "meeting $m: a result for each motion with one" "$(grep -c '^Result: ' "$M")" \
		"$(q "SELECT count(DISTINCT r.motion_id) FROM motion_results r JOIN motions o
			ON o.id = r.motion_id WHERE o.meeting_id = $m")"
	same "meeting $m: each erratum, beside a corrected result" \
		"$(grep -c '^Erratum recorded .*, correcting the result above: ' "$M")/$(grep -c '^Corrected result: ' "$M")" \
		"$(q "SELECT count(*) || '/' || count(*) FROM motion_results r JOIN motions o
			ON o.id = r.motion_id WHERE o.meeting_id = $m AND r.corrects_id IS NOT NULL")"
	same "meeting $m: the roll-call votes" \
		"$(sed -n 's/^Voted by roll call, \([0-9]*\) votes* recorded:$/\1/p' "$M" | awk '{ s += $1 } END { print s + 0 }')" \
		"$(q "SELECT count(*) FROM votes v JOIN motions o ON o.id = v.motion_id WHERE o.meeting_id = $m")"
done

# ---- every outcome, computed by hand from domain.md -------------------------
# The result on record (the newest: an erratum stands in) with its counts:
# ordinary, or a confirmation: more for than against, a tie carried only on
# the chair's casting vote for; special: for >= num/den of votes cast;
# amalgamation: 2/3 of votes cast. Its sentence in the minutes must end so.
num=$(q "SELECT value FROM settings WHERE key = 'special_majority_num'")
den=$(q "SELECT value FROM settings WHERE key = 'special_majority_den'")
q "SELECT o.meeting_id, o.motion_no, o.resolution, o.confirms_id IS NOT NULL, r.votes_for,
	r.votes_against, coalesce(r.casting_vote, '-'), r.outcome
	FROM motions o JOIN motion_results r ON r.id = (SELECT max(id) FROM motion_results
	WHERE motion_id = o.id) ORDER BY o.id" | tr '|' ' ' > "$TMP/results"
checked=0
while read -r m no res conf f a cast outcome; do
	case $outcome in withdrawn|not_quorate) continue ;; esac
	cast_n=$((f + a))
	if [ "$res" = ordinary ] || [ "$conf" = 1 ]; then
		if [ "$f" -gt "$a" ] || { [ "$f" -eq "$a" ] && [ "$cast" = for ]; }; then
			hand=carried; else hand=lost; fi
	elif [ "$res" = special ]; then
		if [ "$cast_n" -gt 0 ] && [ $((f * den)) -ge $((num * cast_n)) ]; then
			hand=carried; else hand=lost; fi
	else
		if [ "$cast_n" -gt 0 ] && [ $((f * 3)) -ge $((2 * cast_n)) ]; then
			hand=carried; else hand=lost; fi
	fi
	same "meeting $m motion $no ($res $f-$a): the outcome by hand" "$outcome" "$hand"
	line=$(awk -v no="$no" '/^Motion [0-9]+: / { split($2, x, ":"); cur = x[1] }
		cur == no && /^(Result|Corrected result): / { last = $0 } END { print last }' \
		"$TMP/minutes$m.txt")
	if [ "$res" != ordinary ] && [ "$conf" = 0 ]; then how="$f of $cast_n votes cast is"
	elif [ "$f" -eq "$a" ]; then how="a tie"
	else how="more for than against"; fi
	case $line in
	*"$f for, $a against"*"$how"*": $hand.") ok "meeting $m motion $no: the minutes give the arithmetic and $hand" ;;
	*) not_ok "meeting $m motion $no: the minutes say '$line', wanted $f-$a and $hand" ;;
	esac
	checked=$((checked + 1))
done < "$TMP/results"
[ "$checked" -ge 5 ] && ok "outcomes checked by hand ($checked)" || not_ok "too few outcomes checked ($checked)"

# ---- a meeting by its date; refusals -----------------------------------------
agm=$(q "SELECT id FROM meetings WHERE kind = 'agm' AND status = 'held' ORDER BY held_on DESC LIMIT 1")
agm_day=$(uk "$(q "SELECT held_on FROM meetings WHERE id = $agm")")
expect "minutes by the meeting's date" 0 "$BIN" --db "$DB" report minutes "$agm_day" --width 1000
# The same but for the minute each was produced in (a busy machine may
# cross one between the two runs).
if cmp -s "$TMP/out" "$TMP/minutes$agm.txt" ||
	diff "$TMP/out" "$TMP/minutes$agm.txt" | grep -v '^[<>] Produced \|^---$\|^[0-9]*c[0-9]*$' |
	{ ! grep -q .; }; then ok "are the same minutes as by its number"
else not_ok "the minutes by date differ from those by number"; fi
expect "minutes in Markdown" 0 "$BIN" --db "$DB" report minutes "$agm" --format md
contains "with a section for attendance" "$TMP/out" "### Attendance"
contains "and a table of it" "$TMP/out" "| No. | Member | At start | Arrived | Left | Proxy for |"
planned=$(q "SELECT id FROM meetings WHERE status = 'planned' LIMIT 1")
expect "a meeting not held has no minutes" 1 "$BIN" --db "$DB" report minutes "$planned"
contains "said in words" "$TMP/err" "meeting $planned has not been held yet, so it has no minutes"
expect "but its notice is there" 0 "$BIN" --db "$DB" report notice "$planned" --width 1000
clear=$(q "SELECT CAST(julianday(held_on) - julianday(notice_given_on) - 1 AS INTEGER)
	FROM meetings WHERE id = $planned")
contains "with the clear days counted" "$TMP/out" "$clear clear days before the meeting (the rules ask for 14)."
contains "its date" "$TMP/out" "$(uk "$(q "SELECT held_on FROM meetings WHERE id = $planned")") at 19:00"
expect "no meeting of that number" 1 "$BIN" --db "$DB" report minutes 999
contains "said in words" "$TMP/err" "there is no meeting number 999"
expect "a day with no meeting" 1 "$BIN" --db "$DB" report notice 01/01/2000
contains "said in words" "$TMP/err" "there is no meeting on 01/01/2000"
expect "minutes are not CSV" 2 "$BIN" --db "$DB" report minutes "$agm" --format csv
contains "said in words" "$TMP/err" "the minutes is a document: --format text or md"
expect "which meeting?" 2 "$BIN" --db "$DB" report minutes
contains "asked in words" "$TMP/err" "which meeting? give its number or its date"

# ---- the exports -------------------------------------------------------------
# header WHAT HEADER TABLE: the header row, then one row per record.
header() {
	expect "export $1" 0 "$BIN" --db "$DB" export "$1" --no-bom
	same "export $1: its header row" "$(head -n 1 "$TMP/out" | tr -d '\r')" "$2"
	same "export $1: a row for each" "$(($(grep -c "$CR$" "$TMP/out") - 1))" "$(q "SELECT count(*) FROM $3")"
}
header meetings "meeting_no,kind,title,held_on,starts_at,place,notice_given_on,status,quorum_needed,present_at_start,minutes_published" meetings
header attendance "meeting_no,held_on,member_no,name,present_at_start,arrived_at,left_at,proxy_for_member_no" attendance
header motions "meeting_no,held_on,motion_no,title,resolution,proposer_no,seconder_no,confirms_motion_id,votes_for,votes_against,abstentions,casting_vote,outcome,errata,motion_id" motions
header votes "meeting_no,motion_no,motion_id,member_no,name,vote,by_proxy_member_no" votes
header decisions "decision,decided_on,meeting_no,title,text,open_actions" decisions
header actions "decision,action_id,description,owner_member_id,owner_name,due_on,done_on" decision_actions
expect "an export has the byte-order mark by default" 0 "$BIN" --db "$DB" export votes
same "the first three bytes" "$(head -c 3 "$TMP/out" | od -An -tx1 | tr -d ' ')" "efbbbf"
same "and every line ends CR LF" "$(grep -vc "$CR$" "$TMP/out")" "0"
same "the votes for, in the export and in sqlite3" "$(grep -c ',for,' "$TMP/out")" \
	"$(q "SELECT count(*) FROM votes WHERE vote = 'for'")"
expect "an export of meetings is CSV only" 2 "$BIN" --db "$DB" export meetings --format md
finish
