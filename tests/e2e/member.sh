#!/bin/sh
# A tenant-member at the shared terminal, in a real terminal (tmux), on the
# seeded demo co-op: whatever keys they press, no screen shows another
# member's share, rent balance or repairs.
. "$(dirname "$0")/lib.sh"
export COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
DB="$TMP/demo.db"
"$BIN" demo "$DB" --seed 1 > "$TMP/demo.log" 2>&1 || { not_ok "the demo co-op"; finish; }
# The member's own home, from the file, to tell theirs from others'.
own=$(sqlite3 "$DB" "SELECT h.ref FROM users u JOIN tenancy_signatories s ON s.member_id = u.member_id
	JOIN tenancies t ON t.id = s.tenancy_id AND t.end_date IS NULL JOIN homes h ON h.id = t.home_id
	WHERE u.username = 'member'")
others=$(sqlite3 "$DB" "SELECT ref FROM homes WHERE ref <> '$own'")
names=$(sqlite3 "$DB" "SELECT m.name FROM members m WHERE m.id NOT IN
	(SELECT member_id FROM users WHERE username = 'member')")

: > "$TMP/seen.txt"
grab() { screen >> "$TMP/seen.txt"; }

start 80 24 "$BIN" --db "$DB"
wait_for "Log in to coopdesk" || true
keys member Enter member-demo-1 Enter
see "the member logs in to their own Home" "Your share"
grab
for k in 2 3 5; do keys "$k"; wait_for "are being built" > /dev/null || true; grab; done
keys 1
wait_for "Your share" > /dev/null || true
keys a
see "the audit trail is refused" "Only the board may open the audit trail"
keys u
see "user accounts are refused" "Only the board may open user accounts"
keys 4
see "Repairs shows only their own" "Repairs:"
grab
keys f f
see "all of them: still only their own" "Repairs: all repairs"
grab
keys G; grab; keys g; grab
keys / t a p Enter
see "a search keeps to their own" "Search: tap"
grab
keys Escape Enter
see "a repair of theirs opens" "History"
grab
keys e
see "editing a repair is refused in words" "Only the board and volunteers edit repairs"
grab
keys Escape Escape s s s; grab

bad=""
for ref in $others; do
	grep -qF -- "$ref " "$TMP/seen.txt" && bad="$bad $ref"
done
[ -z "$bad" ] && ok "no other home's repairs on any screen ($own only)" \
	|| not_ok "other homes on screen:$bad"
leak=""
echo "$names" | while IFS= read -r n; do
	[ -n "$n" ] && grep -qF -- "$n" "$TMP/seen.txt" && echo "$n"
done > "$TMP/leaked.txt"
[ ! -s "$TMP/leaked.txt" ] && ok "no other member's name on any screen" \
	|| not_ok "names on screen: $(head -3 "$TMP/leaked.txt" | tr '\n' ',')"
lacks "no arrears figure for the co-op" "$TMP/seen.txt" "Rent arrears"
finish
