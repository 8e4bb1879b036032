#!/bin/sh
# Several terminals on one co-op (issue 14, doc/reliability.md "Several
# terminals"): 8 sessions at the screens (headless scripts) and 8 writers at
# the command line, all at once on one database, each making CYCLES rounds
# of mixed writes:
#   a session: a rent payment, a board decision, a repair logged and
#     triaged (4 writes a round), reported through COOPDESK_COMMIT_LOG;
#   a writer: the co-op's address set, a user account added, the rent posted
#     (3 writes a round), reported by each command's exit status.
# Checked: every write attempted was reported saved (a busy database that a
# wait would have cleared is never an error), every write reported is in
# the database (sqlite3 counts per terminal), no rent charged twice,
# `coopdesk check` passes. Meanwhile PAIRS pairs of people edit one repair
# each: the one who saves second is told who saved meanwhile and when, and
# the first one's change stands: never a silent overwrite.
#
#   sh tests/torture/terminals.sh [CYCLES [PAIRS]]   (default 10 and 2)
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/verify.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
CYCLES=${1:-10}
PAIRS=${2:-2}
SESSIONS=8
WRITERS=8
BS10='<BS><BS><BS><BS><BS><BS><BS><BS><BS><BS>'
echo "# terminals: $SESSIONS sessions x $((4 * CYCLES)) writes, $WRITERS writers x $((3 * CYCLES)) writes, $PAIRS conflicts"

DB="$TMP/coop.db"
if ! "$BIN" demo "$DB" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "terminals: the demo co-op"
	finish
fi
VOLUNTEER_NAME=$(sqlite3 "$DB" "SELECT display_name FROM users WHERE username = 'volunteer'")

# ---- the sessions' scripts ----------------------------------------------------------
s=1
while [ $s -le $SESSIONS ]; do
	{
		echo "board<Enter>board-demo-1<Enter>"
		i=1
		while [ $i -le "$CYCLES" ]; do
			echo "1R<Enter>n"
			echo "<Tab><Tab>1.00<Tab><Tab>T$s-$i<Tab>terminals"
			echo "^S"
			echo ":dump $TMP/s$s-$i-pay.txt"
			echo "1d"
			echo "n"
			echo "${BS10}20/11/2026<Tab>T$s decision $i<Tab><Tab>terminals"
			echo "^S"
			echo ":dump $TMP/s$s-$i-decision.txt"
			echo "14n"
			echo "ALD-0$((1 + i % 8))<Enter><Tab><Tab>p<Tab>T$s tap $i<Tab>u"
			echo "^S"
			echo ":dump $TMP/s$s-$i-repair.txt"
			echo "t^S"
			echo ":dump $TMP/s$s-$i-triage.txt"
			i=$((i + 1))
		done
		echo ":dump $TMP/session$s.end"
	} > "$TMP/session$s.script"
	s=$((s + 1))
done

# ---- the conflicts: A opens a repair's form, B saves it meanwhile, A saves -------------
p=1
while [ $p -le "$PAIRS" ]; do
	ref=$(printf 'R-%06d' $((p + 1)))
	# A :wait gives up after 10 s; six in a row wait up to a minute for a
	# slow other side (under valgrind, 20 terminals on 2 cores), and cost
	# nothing once the file is there.
	waits() { for i in 1 2 3 4 5 6; do echo ":wait $1"; done; }
	cat > "$TMP/pair$p-a.script" <<EOF
board<Enter>board-demo-1<Enter>
^G$ref<Enter>e
<Tab><End> (A)
:dump $TMP/pair$p-a-open.txt
$(waits "$TMP/pair$p-b-saved.txt")
^S
:dump $TMP/pair$p-a-saved.txt
EOF
	cat > "$TMP/pair$p-b.script" <<EOF
volunteer<Enter>volunteer-demo-1<Enter>
$(waits "$TMP/pair$p-a-open.txt")
^G$ref<Enter>e
<Tab><End> (B)
^S
:dump $TMP/pair$p-b-saved.txt
EOF
	p=$((p + 1))
done

# ---- the command-line writers -------------------------------------------------------------
cat > "$TMP/writer.sh" <<EOF
# writer.sh W: CYCLES rounds of three writes; "ok KIND" or "failed KIND: words" each.
w=\$1
i=1
while [ \$i -le $CYCLES ]; do
	if "$BIN" --db "$DB" settings set coop_address "W\$w address \$i" > /dev/null 2> "$TMP/w\$w.err"
	then echo "ok address"; else echo "failed address: \$(cat "$TMP/w\$w.err")"; fi
	if printf 'pass-word-\$w-\$i\n' | "$BIN" --db "$DB" user add "w\${w}u\$i" --role volunteer \
		--name "Writer \$w user \$i" > /dev/null 2> "$TMP/w\$w.err"
	then echo "ok user"; else echo "failed user: \$(cat "$TMP/w\$w.err")"; fi
	d=\$(date -u -d "2026-11-22 + \$((i % 28 + 1)) days" +%Y-%m-%d) # the run posts at most 31 days ahead
	if "$BIN" --db "$DB" rent post --through \$d > /dev/null 2> "$TMP/w\$w.err"
	then echo "ok rent"; else echo "failed rent: \$(cat "$TMP/w\$w.err")"; fi
	i=\$((i + 1))
done
EOF

# ---- all at once ------------------------------------------------------------------------------
t0=$(date +%s)
pids=""
s=1
while [ $s -le $SESSIONS ]; do
	COOPDESK_COMMIT_LOG="$TMP/session$s.log" "$BIN" --db "$DB" --script "$TMP/session$s.script" \
		--headless --size 120x40 > "$TMP/session$s.out" 2>&1 &
	pids="$pids $!"
	w=$s
	sh "$TMP/writer.sh" $w > "$TMP/writer$w.out" 2>&1 &
	pids="$pids $!"
	s=$((s + 1))
done
p=1
while [ $p -le "$PAIRS" ]; do
	"$BIN" --db "$DB" --script "$TMP/pair$p-a.script" --headless --size 120x40 > "$TMP/pair$p-a.out" 2>&1 &
	pids="$pids $!"
	"$BIN" --db "$DB" --script "$TMP/pair$p-b.script" --headless --size 120x40 > "$TMP/pair$p-b.out" 2>&1 &
	pids="$pids $!"
	p=$((p + 1))
done
status=0
for pid in $pids; do wait "$pid" || status=1; done
echo "# all $((SESSIONS + WRITERS + 2 * PAIRS)) terminals done in $(($(date +%s) - t0)) s"
[ $status = 0 ] && ok "terminals: every session and writer ran to its end" ||
	not_ok "terminals: a session or writer ended with an error"

# ---- the sessions: attempted = reported = in the database --------------------------------------
sq() { sqlite3 -readonly "$DB" "$1"; }
bad=0 reported_all=0
s=1
while [ $s -le $SESSIONS ]; do
	log="$TMP/session$s.log"
	confirmed_json "$log" "$log.json"
	rep=$(sqlite3 -readonly -separator ' ' "$DB" "SELECT
		sum(t = 'rent_ledger' AND k = 'payment'), sum(t = 'decisions'),
		sum(t = 'repairs' AND a = 'insert'), sum(t = 'repair_events' AND s = 'triaged')
		FROM (SELECT json_extract(value, '\$.t') AS t, json_extract(value, '\$.a') AS a,
		json_extract(value, '\$.after.kind') AS k, json_extract(value, '\$.after.to_status') AS s
		FROM json_each(readfile('$log.json')))")
	have=$(sqlite3 -readonly -separator ' ' "$DB" "SELECT
		(SELECT count(*) FROM rent_ledger WHERE reference LIKE 'T$s-%' AND kind = 'payment'),
		(SELECT count(*) FROM decisions WHERE title LIKE 'T$s decision %'),
		(SELECT count(*) FROM repairs WHERE title LIKE 'T$s tap %'),
		(SELECT count(*) FROM repair_events e JOIN repairs r ON r.id = e.repair_id
		  WHERE r.title LIKE 'T$s tap %' AND e.to_status = 'triaged')")
	want="$CYCLES $CYCLES $CYCLES $CYCLES"
	if [ "$rep" != "$want" ] || [ "$have" != "$want" ]; then
		bad=$((bad + 1))
		echo "# session $s: attempted $want, reported $rep, in the database $have (payments decisions repairs triages)"
		# The bottom line after each save that did not say it was saved.
		for f in "$TMP/s$s"-*.txt; do
			last=$(grep -v '^ *$' "$f" | tail -n 1)
			case $last in
			*"payment of"*"recorded"* | *"Recorded decision"* | *"Logged R-"* | *" is triaged"*) ;;
			*)
				echo "#   $(basename "$f"):"
				grep -v '^ *$' "$f" | tail -n 4 | sed 's/^/#     /'
				break ;;
			esac
		done
	fi
	set -- $rep
	reported_all=$((reported_all + $1 + $2 + $3 + $4))
	v=$(verify_log "$DB" "$log")
	case $v in *" 0 0") ;; *) bad=$((bad + 1)); echo "# session $s: reported rows not whole: $v" ;; esac
	s=$((s + 1))
done
[ $bad = 0 ] && ok "terminals: $SESSIONS sessions: all $reported_all writes attempted were reported saved and are in the database" ||
	not_ok "terminals: $bad sessions lost or failed writes"

# ---- the writers -------------------------------------------------------------------------------
bad=0 failed=0 reported_cli=0
w=1
while [ $w -le $WRITERS ]; do
	f=$(grep -c '^failed' "$TMP/writer$w.out")
	failed=$((failed + f))
	[ "$f" = 0 ] || grep '^failed' "$TMP/writer$w.out" | head -3 | sed "s/^/# writer $w: /"
	oka=$(grep -c '^ok address' "$TMP/writer$w.out")
	oku=$(grep -c '^ok user' "$TMP/writer$w.out")
	okr=$(grep -c '^ok rent' "$TMP/writer$w.out")
	reported_cli=$((reported_cli + oka + oku + okr))
	hava=$(sq "SELECT count(*) FROM audit WHERE table_name = 'settings' AND action = 'update'
		AND json_extract(after, '\$.value') LIKE 'W$w address %'")
	havu=$(sq "SELECT count(*) FROM users WHERE username LIKE 'w${w}u%'")
	if [ "$hava" != "$oka" ] || [ "$havu" != "$oku" ]; then
		bad=$((bad + 1))
		echo "# writer $w: addresses reported $oka, saved $hava; users reported $oku, saved $havu"
	fi
	w=$((w + 1))
done
[ $failed = 0 ] && ok "terminals: no command failed for a busy database ($reported_cli command-line writes)" ||
	not_ok "terminals: $failed commands failed"
[ $bad = 0 ] && ok "terminals: every command-line write reported saved is in the database" ||
	not_ok "terminals: $bad writers lost writes"
dup=$(sq "SELECT count(*) FROM (SELECT 1 FROM rent_ledger WHERE kind = 'charge'
	GROUP BY tenancy_id, entry_date HAVING count(*) > 1)")
[ "$dup" = 0 ] && ok "terminals: 8 writers posting the rent at once charged no week twice" ||
	not_ok "terminals: $dup weeks charged twice"

# ---- the conflicts --------------------------------------------------------------------------
detected=0
p=1
while [ $p -le "$PAIRS" ]; do
	ref=$(printf 'R-%06d' $((p + 1)))
	if [ -f "$TMP/pair$p-a-saved.txt" ] &&
		tr '\n' ' ' < "$TMP/pair$p-a-saved.txt" | sed 's/  */ /g' |
		grep -q "this repair was changed by $VOLUNTEER_NAME at [0-9/]* [0-9:]* since you opened it"; then
		loc=$(sq "SELECT location FROM repairs WHERE id = $((p + 1))")
		case $loc in
		*" (B)") detected=$((detected + 1)) ;;
		*) echo "# $ref: the conflict was said, but the repair's location is now '$loc'" ;;
		esac
	else
		echo "# $ref: the second save did not say who changed it meanwhile:"
		tail -n 4 "$TMP/pair$p-a-saved.txt" 2> /dev/null | sed 's/^/#   /'
	fi
	p=$((p + 1))
done
[ $detected = "$PAIRS" ] &&
	ok "terminals: $detected of $PAIRS edits of one repair by two people: the second told who and when, the first's change kept" ||
	not_ok "terminals: only $detected of $PAIRS conflicts said and kept"

if "$BIN" --db "$DB" check > "$TMP/check.out" 2>&1; then
	ok "terminals: coopdesk check passes afterwards"
else
	not_ok "terminals: coopdesk check fails afterwards"
	grep -v '^ok' "$TMP/check.out" | sed 's/^/#   /' | head -5
fi
echo "# terminals figures: session writes $reported_all, command-line writes $reported_cli, conflicts detected $detected of $PAIRS, failed commands $failed"
finish
