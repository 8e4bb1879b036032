#!/bin/sh
# Repairs logged and driven to the end, through the real program on the
# demo co-op (issue 10): a volunteer logs a repair (an unknown home first,
# refused beside the field with the form kept), the target shown before
# saving; assigns it (the contractor by the reference field), starts,
# completes and closes it, one key a move; moves not allowed say why; a
# member logs one for their own home and has no other to choose.
# `coopdesk check` passes after each. The keys a practised volunteer
# types to log a repair are counted (KEYS below).
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the repair workflow tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi

play() {
	cp "$BASE" "$TMP/$1.db"
	if ! (cd "$TMP" && "$BIN" --db "$TMP/$1.db" --script "$TMP/$1.script" --headless \
		--size "${2:-80x24}") > "$TMP/$1.out" 2>&1; then
		not_ok "$1: the script ran to its end"
		sed 's/^/#   /' "$TMP/$1.out" | head -10
	fi
}
sql() { sqlite3 "$TMP/$1.db" "$2"; }
checked() {
	if "$BIN" --db "$TMP/$1.db" check > "$TMP/$1.check" 2>&1; then
		ok "$1: coopdesk check passes afterwards"
	else
		not_ok "$1: coopdesk check fails afterwards"
		sed 's/^/#   /' "$TMP/$1.check" | head -10
	fi
}
beside() {
	if grep -A1 "^  $3  " "$2" | tail -n 1 | grep -qF "$4"; then
		ok "$1"
	else
		not_ok "$1 (no '$4' under $3 in $(basename "$2"))"
		sed 's/^/#   /' "$2"
	fi
}
# matches NAME FILE REGEX: a line of FILE matches the extended REGEX.
matches() {
	if grep -qE -- "$3" "$2"; then ok "$1"; else
		not_ok "$1 (nothing like '$3' in $(basename "$2"))"
		sed 's/^/#   /' "$2" | head -24
	fi
}
same() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', wanted '$3')"; fi
}

VOLUNTEER='volunteer<Enter>volunteer-demo-1<Enter>'
MEMBER='member<Enter>member-demo-1<Enter>'
last=$(sqlite3 "$BASE" "SELECT max(id) FROM repairs")
next=$(printf 'R-%06d' $((last + 1)))

# ---- a volunteer logs a repair: an unknown home first --------------------------------
# The practised logging, from the repairs list (each key counted):
#   n                      1   log a repair
#   ALD-05 <Enter>         7   the home by its reference (Enter takes it, on to the next field)
#   <Tab><Tab>             2   past "reported by" and "how" (phone)
#   p                      1   category: plumbing
#   <Tab>                  1
#   Kitchen tap drips     17   the title
#   <Tab> u                2   priority: urgent
#   ^S                     1   save
KEYS=32
cat > "$TMP/log.script" <<EOF
$VOLUNTEER
4n
Nowhere<Enter>
:dump $TMP/log0.txt
<BS><BS><BS><BS><BS><BS><BS>ALD-05<Enter><Tab><Tab>p<Tab>Kitchen tap drips<Tab>u
:dump $TMP/log1.txt
^S
:dump $TMP/log2.txt
^L
:dump $TMP/log2b.txt
c
:dump $TMP/log3.txt
t^S
a
Pennine<Enter>job 4411^S
:dump $TMP/log4.txt
w^S
d^S
cs^S
:dump $TMP/log5.txt
o
:dump $TMP/log6.txt
EOF
play log
beside "an unknown home is refused beside the field" "$TMP/log0.txt" "Home" \
	"no home's reference or address, and no tenant's name, has 'Nowhere'"
contains "the target is shown before saving, from the local day" "$TMP/log1.txt" \
	"Target: 27/11/2026"
contains "the rest of the form was kept and filled in" "$TMP/log1.txt" \
	"Title              Kitchen tap drips"
contains "saved, the new repair's record opens" "$TMP/log2.txt" "Repair $next  Kitchen tap drips"
contains "saying its target" "$TMP/log2.txt" "Logged $next at ALD-05: target 27/11/2026"
contains "the record offers only the moves allowed" "$TMP/log2b.txt" "t triage  x cancel"
lacks "and not closing" "$TMP/log2b.txt" "c close"
contains "closing a repair never completed says why" "$TMP/log3.txt" \
	"a reported repair is triaged next (or cancelled)"
matches "assigned to the contractor chosen by the reference field" "$TMP/log4.txt" \
	"^  Contractor +Pennine Plumbing & Heating"
contains "the history names the contractor" "$TMP/log4.txt" \
	"Aisling Ní Bhriain: assigned: to Pennine Plumbing"
matches "closed, after work started and completed" "$TMP/log5.txt" "^  Status +closed"
matches "the tenant's satisfaction asked on closing is shown" "$TMP/log5.txt" "^  Tenant +satisfied"
got=$(sql log "SELECT note FROM repair_events WHERE repair_id = $((last + 1)) AND to_status = 'assigned'")
same "and keeps the note" "$got" "to Pennine Plumbing & Heating: job 4411"
contains "a closed repair may be reopened, asking why" "$TMP/log6.txt" "$next: closed to reported"
got=$(sql log "SELECT h.ref || '|' || r.title || '|' || r.priority || '|' || r.category || '|'
	|| r.reported_how || '|' || r.target_at || '|' || r.status || '|' || c.name || '|' || r.satisfaction
	FROM repairs r JOIN homes h ON h.id = r.home_id JOIN contractors c ON c.id = r.contractor_id
	WHERE r.id = $((last + 1))")
same "the repair as saved" "$got" \
	"ALD-05|Kitchen tap drips|urgent|plumbing|phone|2026-11-27|closed|Pennine Plumbing & Heating|satisfied"
got=$(sql log "SELECT group_concat(coalesce(from_status, '-') || '>' || to_status || '@' || actor, ' ')
	FROM (SELECT * FROM repair_events WHERE repair_id = $((last + 1)) ORDER BY id)")
same "each move an event with who" "$got" "->reported@Aisling Ní Bhriain reported>triaged@Aisling Ní Bhriain triaged>assigned@Aisling Ní Bhriain assigned>in_progress@Aisling Ní Bhriain in_progress>completed@Aisling Ní Bhriain completed>closed@Aisling Ní Bhriain"
checked log
ok "a practised volunteer logs a repair in $KEYS keys"

# ---- reopening a cancelled repair is refused, in words ---------------------------------
cancelled=$(sqlite3 "$BASE" "SELECT printf('R-%06d', min(id)) FROM repairs WHERE status = 'cancelled'")
cat > "$TMP/cancelled.script" <<EOF
$VOLUNTEER
^G$cancelled<Enter>
o
:dump $TMP/cancelled0.txt
EOF
play cancelled
contains "reopening a cancelled repair says why" "$TMP/cancelled0.txt" \
	"a cancelled repair is not reopened: log it again if it still needs doing"
checked cancelled

# ---- a member logs one for their own home, and no other ------------------------------------
cat > "$TMP/member.script" <<EOF
$MEMBER
4n
:dump $TMP/member0.txt
p<Tab>Bathroom tap drips
^S
:dump $TMP/member1.txt
EOF
play member
contains "the member's form names their own home" "$TMP/member0.txt" \
	"Report a repair at your home, ALD-02 2 Alder Street, Rochdale"
if grep -qE '^  Home ' "$TMP/member0.txt"; then not_ok "and has no home to choose"
else ok "and has no home to choose"; fi
lacks "nor a priority, which the office sets" "$TMP/member0.txt" "Priority"
contains "saved, the member sees their repair" "$TMP/member1.txt" "Bathroom tap drips"
got=$(sql member "SELECT h.ref || '|' || r.priority || '|' || r.reported_how || '|' || m.name
	FROM repairs r JOIN homes h ON h.id = r.home_id JOIN members m ON m.id = r.reported_by_member
	WHERE r.title = 'Bathroom tap drips'")
same "logged for their home, reported by them, in person" "$got" "ALD-02|routine|in_person|Hannah Kaczmarek"
checked member
finish
