#!/bin/sh
# The keys file: every bad line is reported with its number when coopdesk
# starts (the status line names them, the help lists each), every other
# line still applies, and a --keys file that is not there says so. Then
# every action is bound to other keys, and no screen names an old key: the
# hints, the help, the top bar and the words on Home all follow the file.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
DB="$TMP/coop.db"
printf 'board-pass-1\n' | "$BIN" --db "$DB" init --name "Keys Co-op" > /dev/null 2>&1 \
	|| { not_ok "init"; finish; }
sqlite3 "$DB" "
INSERT INTO homes (uuid, ref, address) VALUES ('00000000-0000-4000-8000-000000000001', 'H-01', '1 Mill Lane');
INSERT INTO repairs (uuid, home_id, reported_at, title, priority, target_at, description, location)
 VALUES ('00000000-0000-4000-8000-000000000011', 1, '2026-01-05T09:00:00Z',
  'Boiler makes a banging noise', 'routine', '2026-02-02', 'It bangs.', 'kitchen');"

# ---- bad lines, every one of them ---------------------------------------------
cat > "$TMP/keys" <<'KEYS'
# Repairs on r as well as 4; three bad lines; help on h too.
bind repairs 4 r
bind frobnicate x
bind help ? h
bind sort <Sideways>
unbind quit
KEYS
cat > "$TMP/script" <<SCRIPT
:dump $TMP/1.txt
board<Enter>board-pass-1<Enter>
r
:dump $TMP/2.txt
h
:dump $TMP/3.txt
<PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn><PgDn>
:dump $TMP/4.txt
SCRIPT
expect "coopdesk runs with a keys file that has bad lines" 0 \
	"$BIN" --db "$DB" --keys "$TMP/keys" --script "$TMP/script" --headless
contains "the status line names every bad line by number" "$TMP/1.txt" "lines 3, 5 and 6 are wrong"
contains "the other lines still apply: r opens Repairs" "$TMP/2.txt" "Repairs: open repairs"
contains "h opens the help" "$TMP/3.txt" "Keys: Repairs"
contains "and the help shows the keys in force" "$TMP/4.txt" "? h  "
contains "the help lists the first bad line and why" "$TMP/3.txt" "line 3: there is no action 'frobnicate'"
contains "the second" "$TMP/3.txt" "line 5: <Sideways> is not a key name"
contains "and the third" "$TMP/3.txt" "line 6:"

# ---- a keys file asked for that is not there ------------------------------------
printf ':dump %s/missing.txt\n<F1>\n:dump %s/missing-help.txt\n' "$TMP" "$TMP" > "$TMP/missing.script"
expect "a missing --keys file does not stop coopdesk" 0 \
	"$BIN" --db "$DB" --keys "$TMP/no-such-keys" --script "$TMP/missing.script" \
	--headless --size 200x24
contains "and it says so, naming the file" "$TMP/missing.txt" \
	"cannot read the keys file $TMP/no-such-keys: No such file or directory; the usual keys apply"
contains "and the help says it whole" "$TMP/missing-help.txt" \
	"$TMP/no-such-keys: No such file or directory"

# ---- every action on other keys -------------------------------------------------
cat > "$TMP/all-keys" <<'KEYS'
bind help <F5>
bind quit Q
bind logout ^Q
bind back <F4>
bind home !
bind tenancies @
bind members #
bind repairs $
bind meetings %
bind goto ^O
bind redraw ^R
bind lock ^Y
bind audit A
bind users U
bind password P
bind up K
bind down J
bind page-up B
bind page-down M
bind first Y
bind last Z
bind open O
bind next-pane ^T
bind search \
bind sort o
bind filter v
bind new +
bind edit E
bind set-password W
bind set-role R
bind disable X
bind next-field ^N
bind prev-field ^P
bind save ^W
bind cancel <F9>
KEYS
cat > "$TMP/all.script" <<SCRIPT
:dump $TMP/all-login.txt
board<Enter>board-pass-1<Enter>
:dump $TMP/all-home.txt
<F5>
:dump $TMP/all-home-help.txt
<F5>\$
:dump $TMP/all-repairs.txt
<F5>
:dump $TMP/all-repairs-help.txt
<F5>O
:dump $TMP/all-repair.txt
E
:dump $TMP/all-form.txt
<F5>
:dump $TMP/all-form-help.txt
<F5><F9><F4><F4>U
:dump $TMP/all-users.txt
+
:dump $TMP/all-user-form.txt
<F9><F4>A
:dump $TMP/all-audit.txt
<F4>P
:dump $TMP/all-password.txt
SCRIPT
expect "coopdesk runs with every action on other keys" 0 \
	"$BIN" --db "$DB" --keys "$TMP/all-keys" --script "$TMP/all.script" --headless
contains "the hints take the new keys" "$TMP/all-repairs.txt" "O open  + new  E edit  \\ search  o sort  v filter  F5 help  Q log out"
contains "the top bar too" "$TMP/all-repairs.txt" "! Home  @ Tenancies"
contains "and Home's words" "$TMP/all-home.txt" "@ Tenancies, # Members & shares"
contains "and the form's" "$TMP/all-form.txt" "^N next  ^W save  F9 leave  F5 help"
contains "and the record's" "$TMP/all-repair.txt" "E edit"
contains "and the help's" "$TMP/all-repairs-help.txt" "o                  Sort by"
# No old key is named anywhere: each pair is a default key and its word.
# (The login screen's keys are fixed, so that anyone can log in whatever
# a keys file says: it is left out.)
for dump in "$TMP"/all-*.txt; do
	[ "$dump" = "$TMP/all-login.txt" ] && continue
	name=$(basename "$dump" .txt)
	stale=""
	for old in "Enter open" "e edit" "/ search" "s sort" "f filter" "? help" "q log out" \
		"n new" "p password" "r role" "d disable" "a audit" "u user" "^G go to" \
		"Tab next" "^S save" "Esc leave" "Esc back" "1 Home" "2 Tenancies" "? shows" \
		"? <F1>" "Esc or ?" "p your password" "Esc clear"; do
		grep -qF -- "$old" "$dump" && stale="$stale '$old'"
	done
	[ -z "$stale" ] && ok "$name names no old key" || not_ok "$name names old keys:$stale"
done
finish
