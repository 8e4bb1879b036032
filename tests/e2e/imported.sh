#!/bin/sh
# A co-op made with `coopdesk init` and filled from the example spreadsheets
# (contrib/examples/) is usable at once, in a real terminal (tmux): the
# board logs in, Home counts its members and homes, the register lists the
# members as the sheet had them (Łukasz Wróbel's name intact), with their
# shares and homes; the rent run then posts their rent and check passes.
. "$(dirname "$0")/lib.sh"
EX="$(cd "$(dirname "$0")/../../contrib/examples" && pwd)"
DB="$TMP/coop.db"
printf 'import-e2e-pass-1\n' | "$BIN" --db "$DB" init --name "Rowan & Alder" > /dev/null 2>&1 \
	|| not_ok "init"
for kind in members homes tenancies rent repairs contractors; do
	"$BIN" --db "$DB" import "$kind" "$EX/$kind.csv" > "$TMP/import.log" 2>&1 \
		|| { not_ok "import $kind"; sed 's/^/#   /' "$TMP/import.log"; }
done
start 100 30 "$BIN" --db "$DB"
wait_for "Log in to coopdesk" || true
keys board Enter import-e2e-pass-1 Enter
see "the board logs in to Home" "Members "
see "Home counts the imported members" "20 (20 on the register in all)"
see "and the homes, 11 let" "12, 11 let"
keys 3
see "the register opens with every imported member" "row 1 of 20"
see "a name beyond ASCII as the sheet had it" "Łukasz Wróbel"
screen > "$TMP/register.txt"
grep -qE '^ +6 Łukasz Wróbel .* 03/01/2016 +1 H-03 *$' "$TMP/register.txt" \
	&& ok "member 6: joined 03/01/2016, one share, home H-03" \
	|| { not_ok "member 6's row"; sed 's/^/#   /' "$TMP/register.txt"; }
keys q
wait_for "Log in to coopdesk" > /dev/null || true
keys Escape
see "logged out, coopdesk leaves cleanly" "exited with 0"
"$BIN" --db "$DB" rent post --through "$(date +%Y-%m-%d)" > "$TMP/rent.txt" 2>&1 \
	&& grep -q "to 11 tenancies" "$TMP/rent.txt" && ok "the rent run charges the 11 tenancies" \
	|| { not_ok "the rent run"; sed 's/^/#   /' "$TMP/rent.txt"; }
"$BIN" --db "$DB" check > /dev/null 2>&1 && ok "check passes after the rent run" || not_ok "check"
finish
