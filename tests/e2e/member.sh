#!/bin/sh
# A tenant-member at the shared terminal, in a real terminal (tmux), on the
# seeded demo co-op: whatever keys they press, no screen shows another
# member's share, rent balance or repairs. The register of members they
# may inspect (the Act s.103) shows others' names and addresses, and no
# share or home but their own.
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
for k in 2 5; do keys "$k"; wait_for "are being built" > /dev/null || true; grab; done
# The register: every current member's row; a share and a home on their own only.
keys 3
see "the register of members opens" "Members: current members"
screen > "$TMP/register.txt"
rows=$(grep -cE '^[> ] +[0-9]+ ' "$TMP/register.txt")
held=$(grep -E '^[> ] +[0-9]+ .* 1 [A-Z]{3}-[0-9]{2} *$' "$TMP/register.txt")
[ "$rows" -gt 10 ] && [ "$(echo "$held" | grep -c .)" = 1 ] && echo "$held" | grep -q " $own *$" \
	&& ok "the register shows $rows members, a share and a home on their own row only" \
	|| not_ok "the register's shares and homes: $held"
keys Enter
see "another member's entry opens" "Not shown to your role."
screen > "$TMP/other.txt"
grep -qE '^  (Shares held|Home) ' "$TMP/other.txt" && not_ok "another member's entry shows a holding or a home" \
	|| ok "another member's entry shows no holding, no home"
keys Escape w
see "the share register is refused in words" "Only the board sees the share register"
keys Escape
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
