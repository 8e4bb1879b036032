#!/bin/sh
# The crash loop (issue 14, doc/reliability.md "Crashes"): real coopdesk
# writes of every kind, made THROUGH THE PROGRAM (the screens in headless
# script mode, and the commands that write), each run killed with SIGKILL
# at a random moment. After every kill:
#   - `coopdesk check` passes on the database left behind;
#   - every write the program reported as saved is there, whole: the
#     screens report through COOPDESK_COMMIT_LOG (src/db/commit_log.c: one
#     JSON line per audit row, written after COMMIT), checked row by row and
#     value by value (tests/torture/verify.sh); the commands report by their
#     exit status, checked against the database with sqlite3;
#   - per kind, the records of that kind in the database (sqlite3) are at
#     least as many as were reported saved, and no write is half there.
#
#   sh tests/torture/crash.sh [KILLS]   KILLS per kind (default 3; make check 2, make torture 40)
#   SEED=N      the random moments (printed; the same SEED replays them)
#   KINDS="admit pay"   only these kinds
#
# The moment of each kill is drawn, per run, from a seeded generator: from
# 80% of the time a run takes to start and log in to 85% of the time a
# whole run of that kind took unkilled (measured first, which also proves
# the run makes its writes): never a fixed sleep. A run that ends before
# its moment is not counted as a kill and is run again, up to 4 times KILLS,
# with the window made 30% shorter each time (the load may have fallen).
# Prints per kind: kills, writes checked, lost writes, check failures.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/verify.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
KILLS=${1:-3}
SEED=${SEED:-$(date +%s)}
ALL_KINDS="admit cease correct start end rent pay review repair attend vote decision restore import"
KINDS=${KINDS:-$ALL_KINDS}
echo "# crash loop: SEED=$SEED, $KILLS kills per kind (replay: SEED=$SEED sh $0 $KILLS)"

BOARD='board<Enter>board-demo-1<Enter>'
VOLUNTEER='volunteer<Enter>volunteer-demo-1<Enter>'
BS10='<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>'

# ---- the co-op every run starts from: the demo, a meeting arranged, 30 present ----
BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "crash: the demo co-op"
	finish
fi
set -- $(sqlite3 "$BASE" "SELECT member_no FROM members WHERE ceased_on IS NULL
	AND entered_on <= '2026-11-22' ORDER BY member_no LIMIT 40")
PRESENT=$(echo "$@" | cut -d' ' -f1-30)
LATER=$(echo "$@" | cut -d' ' -f31-40)
{
	echo "$BOARD"
	echo "5n<Left><Tab>Crash test meeting<Tab>22/11/2026<Tab><Tab>Community room<Tab>${BS10}01/11/2026<Tab><Tab>1. Apologies"
	echo "^S"
	echo "<Esc>5<Enter>"
	echo "n"
	for no in $PRESENT; do echo "$no^S"; done
} > "$TMP/prep.script"
"$BIN" --db "$BASE" --script "$TMP/prep.script" --headless --size 120x40 > "$TMP/prep.out" 2>&1
MID=$(sqlite3 "$BASE" "SELECT id FROM meetings WHERE title = 'Crash test meeting'")
if [ -z "$MID" ] || [ "$(sqlite3 "$BASE" "SELECT count(*) FROM attendance WHERE meeting_id = $MID")" != 30 ]; then
	not_ok "crash: the meeting arranged with 30 present for the attendance and vote runs"
	finish
fi
# Two backups to restore, told apart by the co-op's name.
for x in A B; do
	cp "$BASE" "$TMP/mark$x.db"
	"$BIN" --db "$TMP/mark$x.db" settings set coop_name "Restored $x" > /dev/null &&
		"$BIN" --db "$TMP/mark$x.db" backup "$TMP/$x.bak" > /dev/null ||
		{ not_ok "crash: the backups to restore"; finish; }
done
# Two files of 300 members each to import.
for f in 1 2; do
	{
		echo "Member No,Name,Address,Postcode,Email,Phone,Date of Birth,Date Joined,Notes"
		awk -v f=$f 'BEGIN { for (i = 1; i <= 300; i++) { n = (f - 1) * 300 + i
			printf "%d,Imported Member %d,\"%d Import Road, Leeds\",LS6 2AB,,,14/03/1970,01/11/2026,\n",
			1000 + n, n, n } }'
	} > "$TMP/members$f.csv"
done
# Members with no home (ceased by `cease`, given one by `start`).
FREE=$(sqlite3 "$BASE" "SELECT m.member_no FROM members m WHERE m.ceased_on IS NULL AND NOT EXISTS
	(SELECT 1 FROM tenancy_signatories s JOIN tenancies t ON t.id = s.tenancy_id
	 WHERE s.member_id = m.id AND t.end_date IS NULL) ORDER BY m.member_no")
VOIDS=$(sqlite3 "$BASE" "SELECT h.ref FROM homes h WHERE h.in_use = 1 AND NOT EXISTS
	(SELECT 1 FROM tenancies t WHERE t.home_id = h.id AND t.end_date IS NULL) ORDER BY h.ref LIMIT 2")
LET=$(sqlite3 "$BASE" "SELECT h.ref FROM homes h JOIN tenancies t ON t.home_id = h.id
	AND t.end_date IS NULL ORDER BY h.ref LIMIT 6")
# Former members whose share was forfeited (`correct` reverses that).
FORMER=$(sqlite3 "$BASE" "SELECT member_no FROM members m WHERE ceased_on IS NOT NULL AND
	(SELECT kind FROM share_ops o WHERE o.member_id = m.id ORDER BY op_no DESC LIMIT 1) = 'forfeit'
	ORDER BY member_no LIMIT 6")
set -- $FREE
CEASE1=$1 CEASE2=$2
set -- $(echo "$FREE" | tail -n 2)
START_NO1=$1 START_NO2=$2
if [ -z "$CEASE2" ] || [ -z "$START_NO2" ] || [ "$(echo "$VOIDS" | wc -l)" -lt 2 ]; then
	not_ok "crash: the demo has two members without a home and two void homes"
	finish
fi

# ---- each kind: its run, what it reports, and what sqlite3 finds -----------------------
# kind_script KIND: writes $TMP/KIND.script (screens) or $TMP/KIND.sh (a command loop).
kind_script() {
	case $1 in
	admit)
		{
			echo "$BOARD"
			for n in 1 2 3 4 5 6 7 8 9 10; do
				[ $n = 1 ] && echo "3n" || echo "<Esc>n"
				echo "<Tab>Crash Member $n<Tab>1 Elm Road<Tab>OL11 9ZZ<Tab>c$n@example.org<Tab>notices<Tab><Tab>21/11/1990<Tab>"
				echo "^S"
			done
		} ;;
	cease)
		{
			echo "$BOARD"
			for no in $CEASE1 $CEASE2; do
				echo "^Gmember no. $no<Enter>"
				echo "c"
				echo "<Tab><Right><Right><Right><Tab>crash test"
				echo "^S"
			done
		} ;;
	correct)
		{
			echo "$BOARD"
			for no in $FORMER; do
				echo "^Gmember no. $no<Enter>"
				echo "<Down><End>r"
				echo "<Tab>crash test"
				echo "^S"
			done
		} ;;
	start)
		{
			echo "$BOARD"
			set -- $VOIDS
			echo "^G$1<Enter>"
			echo "n"
			echo "<Tab><Tab>$START_NO1<Enter>"
			echo "^S"
			echo "^G$2<Enter>"
			echo "n"
			echo "<Tab><Tab>$START_NO2<Enter>"
			echo "^S"
		} ;;
	end)
		{
			echo "$BOARD"
			for ref in $LET; do
				echo "^G$ref<Enter>"
				echo "c"
				echo "<End>${BS10}21/11/2026<Tab>crash test"
				echo "^S"
			done
		} ;;
	pay)
		{
			echo "$BOARD"
			echo "R<Enter>"
			for n in 1 2 3 4 5 6 7 8 9 10; do
				echo "n"
				echo "<Tab><Tab>$n.00<Tab><Tab>CRASH-$n<Tab>crash test"
				echo "^S"
			done
		} ;;
	review)
		{
			echo "$BOARD"
			echo "2v"
			echo "06/04/2027<Tab>5%"
			echo "^S"
			echo "v"
		} ;;
	repair)
		{
			echo "$VOLUNTEER"
			echo "4n"
			echo "ALD-05<Enter><Tab><Tab>p<Tab>Crash tap one<Tab>u"
			echo "^S"
			echo "t^S"
			echo "a"
			echo "Pennine<Enter>job 1^S"
			echo "w^S"
			echo "<Esc><Esc>4n"
			echo "ALD-06<Enter><Tab><Tab>p<Tab>Crash tap two<Tab>u"
			echo "^S"
			echo "t^S"
		} ;;
	attend)
		{
			echo "$BOARD"
			echo "5<Enter>"
			echo "n"
			for no in $LATER; do echo "$no^S"; done
		} ;;
	vote)
		{
			echo "$BOARD"
			for n in 1 2; do
				[ $n = 1 ] && echo "5<Enter><Tab>n" || echo "<Esc><Esc><Esc>5<Enter><Tab>n"
				echo "Crash motion $n<Tab>That the crash test passes.<Tab><Tab>$(echo "$PRESENT" | cut -d' ' -f1)<Tab>$(echo "$PRESENT" | cut -d' ' -f2)"
				echo "^S"
				echo "<End>v"
				echo "<Tab><BS>2$n<Tab><BS>5<Tab><BS>3"
				echo "^S"
			done
		} ;;
	decision)
		{
			echo "$BOARD"
			echo "d"
			for n in 1 2 3 4 5 6 7 8; do
				[ $n = 1 ] && echo "n" || echo "<Esc>n"
				echo "${BS10}20/11/2026<Tab>Crash decision $n<Tab><Tab>crash test"
				echo "^S"
			done
		} ;;
	# The commands: each one that exits 0 is a write reported saved.
	rent)
		cat <<EOF
for d in 2026-11-29 2026-12-06 2026-12-13 2026-12-20 2026-12-27 2027-01-03; do
	"$BIN" --db "\$1" rent post --through \$d > /dev/null 2>&1 && echo \$d >> "\$2"
done
EOF
		;;
	import)
		cat <<EOF
for f in members1 members2; do
	"$BIN" --db "\$1" import members "$TMP/\$f.csv" > /dev/null 2>&1 && echo \$f >> "\$2"
done
EOF
		;;
	restore)
		cat <<EOF
for x in A B A B; do
	"$BIN" --db "\$1" restore "$TMP/\$x.bak" > /dev/null 2>&1 && echo \$x >> "\$2"
done
EOF
		;;
	esac
}

is_command() { case $1 in rent | restore | import) return 0 ;; esac; return 1; }

# kind_sql KIND: "C|Q|H": reported writes of the kind (over the reported rows, table c),
# records of the kind in the database, and half-saved records (must be 0).
kind_sql() {
	case $1 in
	admit) echo "t = 'members' AND a = 'insert'|SELECT count(*) FROM members WHERE name LIKE 'Crash Member %'|SELECT count(*) FROM members m WHERE name LIKE 'Crash Member %' AND NOT EXISTS (SELECT 1 FROM share_ops o WHERE o.member_id = m.id AND o.kind = 'issue')" ;;
	cease) echo "t = 'members' AND a = 'update' AND json_extract(after, '\$.ceased_on') IS NOT NULL|SELECT count(*) FROM members WHERE member_no IN ($CEASE1, $CEASE2) AND ceased_on IS NOT NULL|SELECT count(*) FROM members m WHERE member_no IN ($CEASE1, $CEASE2) AND ceased_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM share_ops o WHERE o.member_id = m.id AND o.kind = 'forfeit' AND o.op_date = m.ceased_on)" ;;
	correct) echo "t = 'share_ops' AND a = 'insert' AND json_extract(after, '\$.kind') = 'reversal'|SELECT count(*) FROM share_ops WHERE kind = 'reversal'|SELECT 0" ;;
	start) echo "t = 'tenancies' AND a = 'insert'|SELECT count(*) FROM tenancies|SELECT count(*) FROM tenancies t WHERE NOT EXISTS (SELECT 1 FROM tenancy_signatories s WHERE s.tenancy_id = t.id)" ;;
	end) echo "t = 'tenancies' AND a = 'update' AND json_extract(after, '\$.end_date') IS NOT NULL|SELECT count(*) FROM tenancies WHERE end_reason = 'crash test'|SELECT count(*) FROM tenancies WHERE end_reason = 'crash test' AND end_date IS NOT '2026-11-21'" ;;
	pay) echo "t = 'rent_ledger' AND a = 'insert' AND json_extract(after, '\$.kind') = 'payment'|SELECT count(*) FROM rent_ledger WHERE reference LIKE 'CRASH-%'|SELECT count(*) FROM rent_ledger l WHERE reference LIKE 'CRASH-%' AND NOT EXISTS (SELECT 1 FROM rent_entry_details d WHERE d.entry_id = l.id)" ;;
	review) echo "t = 'rent_rates' AND a = 'insert'|SELECT count(*) FROM rent_rates WHERE effective_from = '2027-04-06'|SELECT count(*) NOT IN (0, (SELECT count(DISTINCT home_id) FROM rent_rates WHERE effective_from < '2027-04-06')) FROM rent_rates WHERE effective_from = '2027-04-06'" ;;
	repair) echo "(t = 'repairs' AND a = 'insert') OR (t = 'repair_events' AND a = 'insert')|SELECT (SELECT count(*) FROM repairs WHERE title LIKE 'Crash tap%') + (SELECT count(*) FROM repair_events e JOIN repairs r ON r.id = e.repair_id WHERE r.title LIKE 'Crash tap%')|SELECT count(*) FROM repairs r WHERE title LIKE 'Crash tap%' AND r.status IS NOT (SELECT e.to_status FROM repair_events e WHERE e.repair_id = r.id ORDER BY e.id DESC LIMIT 1)" ;;
	attend) echo "t = 'attendance' AND a = 'insert'|SELECT count(*) FROM attendance WHERE meeting_id = $MID|SELECT 0" ;;
	vote) echo "t = 'motion_results' AND a = 'insert'|SELECT count(*) FROM motion_results|SELECT count(*) FROM motion_results r JOIN motions m ON m.id = r.motion_id JOIN meetings g ON g.id = m.meeting_id WHERE g.status <> 'held'" ;;
	decision) echo "t = 'decisions' AND a = 'insert'|SELECT count(*) FROM decisions WHERE title LIKE 'Crash decision %'|SELECT 0" ;;
	esac
}

# counts KIND DB LOG: "C Q H" for a screen kind.
counts() {
	IFS='|' read -r _c _q _h <<EOF
$(kind_sql "$1")
EOF
	confirmed_json "$3" "$3.json"
	sqlite3 -readonly -separator ' ' "$2" "
	CREATE TEMP TABLE c AS SELECT json_extract(value, '\$.t') AS t,
		json_extract(value, '\$.a') AS a, json_extract(value, '\$.after') AS after
		FROM json_each(readfile('$3.json'));
	SELECT (SELECT count(*) FROM c WHERE $_c), ($_q), ($_h);"
}

# run_kind KIND DB LOG CLILOG: one run, in the background; its pid in $!.
run_kind() {
	if is_command "$1"; then
		COOPDESK_COMMIT_LOG=$3 sh "$TMP/$1.sh" "$2" "$4" > /dev/null 2>&1 &
	else
		COOPDESK_COMMIT_LOG=$3 "$BIN" --db "$2" --script "$TMP/$1.script" \
			--headless --size 120x40 > /dev/null 2>&1 &
	fi
}

# kill_run PID: SIGKILL to the run: a command loop is stopped first (so it
# starts nothing more), its coopdesk killed, then the loop. Waits for it;
# returns 0 when SIGKILL ended it, 1 when it had ended by itself.
kill_run() {
	kill -STOP "$1" 2> /dev/null
	pkill -KILL -P "$1" 2> /dev/null
	kill -KILL "$1" 2> /dev/null
	{ wait "$1"; } 2> /dev/null
	[ $? -eq 137 ]
}

now_us() { echo $(( $(date +%s%N) / 1000 )); }

# judge KIND DB LOG CLILOG REF: after a run (killed or not): sets lost, checked,
# checkfail, half; prints why when something is wrong.
judge() {
	lost=0 half=0 checkfail=0 checked=0
	if ! "$BIN" --db "$2" check > "$TMP/check.out" 2>&1; then
		checkfail=1
		echo "# $1: coopdesk check fails after the kill:"
		grep -v '^ok' "$TMP/check.out" | sed 's/^/#   /' | head -5
	fi
	[ -f "$2" ] || return 0
	set -- "$@" $(verify_log "$2" "$3")
	# $6 TX, $7 ROWS, $8 LOST, $9 WRONG
	checked=$6
	if [ "$8" != 0 ] || [ "$9" != 0 ]; then
		lost=$(($8 + $9))
		echo "# $1: of $7 audit rows reported saved, $8 are missing or differ and $9 values are not in their rows"
	fi
	case $1 in
	rent)
		c=$(grep -c . "$4" 2>/dev/null || true)
		checked=$((checked + c))
		if [ "${c:-0}" -gt 0 ]; then
			d=$(tail -n 1 "$4")
			q="SELECT count(*) FROM rent_ledger WHERE kind = 'charge' AND entry_date <= '$d'"
			got=$(sqlite3 -readonly "$2" "$q") want=$(sqlite3 -readonly "$5" "$q")
			if [ "$got" != "$want" ]; then
				lost=$((lost + 1))
				echo "# rent: posted through $d (reported), $got charges up to then, wanted $want"
			fi
		fi ;;
	import)
		# All or nothing: 300 members a file, each with the share issued.
		c=$(grep -c . "$4" 2>/dev/null || true)
		checked=$((checked + c))
		got=$(sqlite3 -readonly "$2" "SELECT count(*) FROM members m WHERE name LIKE 'Imported Member %'
			AND EXISTS (SELECT 1 FROM share_ops o WHERE o.member_id = m.id AND o.kind = 'issue')")
		all=$(sqlite3 -readonly "$2" "SELECT count(*) FROM members WHERE name LIKE 'Imported Member %'")
		if [ "$got" -lt $((300 * c)) ]; then
			lost=$((lost + 1))
			echo "# import: $c files reported imported, $got members of them in the database"
		fi
		case $all in 0 | 300 | 600) [ "$got" = "$all" ] || half=1 ;; *) half=1 ;; esac
		[ "$half" = 0 ] || echo "# import: $all imported members ($got with their share): a file half imported" ;;
	restore)
		c=$(grep -c . "$4" 2>/dev/null || true)
		checked=$((checked + c))
		name=$(sqlite3 -readonly "$2" "SELECT value FROM settings WHERE key = 'coop_name'")
		# The co-op is the last backup reported restored, or the one being
		# restored when killed; never anything between.
		[ -f "$4" ] || : > "$4"
		case $(tr -d '\n' < "$4") in
		"") allowed="Alder Street Housing Co-operative|Restored A" ;;
		A | ABA) allowed="Restored A|Restored B" ;;
		AB | ABAB) allowed="Restored B|Restored A" ;;
		esac
		case "|$allowed|" in
		*"|$name|"*) ;;
		*)
			lost=$((lost + 1))
			echo "# restore: reported $(tr -d '\n' < "$4"), the co-op is now '$name'" ;;
		esac ;;
	*)
		set -- $(counts "$1" "$2" "$3") "$1"
		# $1 C reported, $2 Q now, $3 half, $4 kind
		if [ $(($2 - Q0)) -lt "$1" ]; then
			lost=$((lost + $1 - ($2 - Q0)))
			echo "# $4: $1 reported saved, $(($2 - Q0)) in the database"
		fi
		if [ "$3" != 0 ]; then
			half=$3
			echo "# $4: $3 half-saved"
		fi ;;
	esac
}

total_kills=0 total_checked=0 total_lost=0 total_fail=0
k=0
for kind in $KINDS; do
	k=$((k + 1))
	if is_command "$kind"; then kind_script "$kind" > "$TMP/$kind.sh"
	else kind_script "$kind" > "$TMP/$kind.script"; fi
	: > "$TMP/empty.log"
	is_command "$kind" || Q0=$(counts "$kind" "$BASE" "$TMP/empty.log" | cut -d" " -f2)
	# A whole run unkilled: its length, and proof that it writes.
	ref="$TMP/$kind.ref.db"
	cp "$BASE" "$ref"
	rm -f "$TMP/ref.log" "$TMP/ref.cli"
	t0=$(now_us)
	run_kind "$kind" "$ref" "$TMP/ref.log" "$TMP/ref.cli"
	wait $!
	span=$(($(now_us) - t0))
	# The time a run takes to start and log in, before its first write: the
	# kills fall from 80% of it to 95% of the whole run, mostly among the writes.
	lead=0
	if ! is_command "$kind"; then
		cp "$BASE" "$TMP/lead.db"
		head -n 1 "$TMP/$kind.script" > "$TMP/lead.script"
		t0=$(now_us)
		"$BIN" --db "$TMP/lead.db" --script "$TMP/lead.script" --headless > /dev/null 2>&1
		lead=$(($(now_us) - t0))
	fi
	judge "$kind" "$ref" "$TMP/ref.log" "$TMP/ref.cli" "$ref"
	if is_command "$kind"; then whole=$(grep -c . "$TMP/ref.cli" 2>/dev/null || true)
	else whole=$(counts "$kind" "$ref" "$TMP/ref.log" | cut -d' ' -f1); fi
	if [ "${whole:-0}" -lt 1 ] || [ $((lost + half + checkfail)) -ne 0 ]; then
		not_ok "crash: $kind: a whole run reports its writes ($whole) and keeps them"
		continue
	fi
	kills=0 runs=0 checked_k=0 lost_k=0 fail_k=0 half_k=0
	while [ $kills -lt "$KILLS" ] && [ $runs -lt $((4 * KILLS)) ]; do
		runs=$((runs + 1))
		run_seed=$((SEED + k * 100003 + runs))
		delay=$(awk -v s="$run_seed" -v t="$span" -v l="$lead" \
			'BEGIN { srand(s); a = l * 0.8; b = t * 0.85; if (b < a) b = a; printf "%d", a + rand() * (b - a) }')
		db="$TMP/$kind.db"
		rm -f "$db" "$db"-* "$TMP/run.log" "$TMP/run.cli" "$TMP"/*.before-restore-*
		cp "$BASE" "$db"
		run_kind "$kind" "$db" "$TMP/run.log" "$TMP/run.cli"
		pid=$!
		sleep "$(awk -v d="$delay" 'BEGIN { printf "%.6f", d / 1e6 }')"
		if kill_run "$pid"; then
			kills=$((kills + 1))
		else
			# It ended before its moment: the machine is quicker now than
			# when the whole run was timed. Aim earlier from now on.
			span=$((span * 7 / 10)) lead=$((lead * 7 / 10))
		fi
		judge "$kind" "$db" "$TMP/run.log" "$TMP/run.cli" "$ref"
		checked_k=$((checked_k + checked))
		lost_k=$((lost_k + lost))
		fail_k=$((fail_k + checkfail))
		half_k=$((half_k + half))
		if [ $((lost + checkfail + half)) -ne 0 ]; then
			echo "# replay: SEED=$SEED KINDS=$kind (run $runs, killed after ${delay}us of ${span}us)"
		fi
	done
	printf '# %-9s kills %4d  writes checked %5d  lost %d  half-saved %d  check failures %d\n' \
		"$kind" "$kills" "$checked_k" "$lost_k" "$half_k" "$fail_k"
	total_kills=$((total_kills + kills))
	total_checked=$((total_checked + checked_k))
	total_lost=$((total_lost + lost_k))
	total_fail=$((total_fail + fail_k + half_k))
	if [ $kills -lt "$KILLS" ]; then
		not_ok "crash: $kind: only $kills of $KILLS runs were killed before they ended"
	elif [ $((lost_k + fail_k + half_k)) -ne 0 ]; then
		not_ok "crash: $kind: $kills kills: $lost_k lost, $half_k half-saved, $fail_k check failures"
	else
		ok "crash: $kind: $kills kills, $checked_k writes reported saved all there, check passes"
	fi
done
echo "# total: kills $total_kills  writes checked $total_checked  lost $total_lost  check failures $total_fail"
finish
