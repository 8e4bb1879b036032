#!/bin/sh
# Text is inert on the command line: database text a command prints has
# its control characters and direction-changing marks shown as U+FFFD,
# never raw; names with them are refused on save, and init --name refuses
# an empty name, or one with them, making nothing.
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 TZ=UTC

DB="$TMP/coop.db"
sql() { sqlite3 "$DB" "$1"; }
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')
REPL=$(printf '\357\277\275')
printf 'board-pass-1\n' > "$TMP/pw"

# ---- init --name ---------------------------------------------------------------------
expect "init --name '' is refused" 1 "$BIN" --db "$DB" init --name "" < "$TMP/pw"
contains "in words" "$TMP/err" "the co-op's name cannot be empty; nothing was made"
[ -e "$DB" ] && not_ok "and makes no file" || ok "and makes no file"
expect "init --name of spaces is refused" 1 "$BIN" --db "$DB" init --name "   " < "$TMP/pw"
contains "in words (spaces)" "$TMP/err" "the co-op's name cannot be empty"
[ -e "$DB" ] && not_ok "and makes no file (spaces)" || ok "and makes no file (spaces)"
expect "init --name with an escape is refused" 1 "$BIN" --db "$DB" init --name "Alder${ESC}[2J Street" < "$TMP/pw"
contains "in words (escape)" "$TMP/err" \
	"the co-op's name cannot contain control characters (such as escape, tab or a new line) or direction-changing marks"
lacks "without echoing the escape" "$TMP/err" "$ESC"
[ -e "$DB" ] && not_ok "and makes no file (escape)" || ok "and makes no file (escape)"
expect "init --name with a direction override is refused" 1 "$BIN" --db "$DB" init --name "Alder ${RLO}teertS" < "$TMP/pw"
contains "in words (override)" "$TMP/err" "direction-changing marks"
[ -e "$DB" ] && not_ok "and makes no file (override)" || ok "and makes no file (override)"
expect "init --name with a tab is refused" 1 "$BIN" --db "$DB" init --name "$(printf 'Alder\tStreet')" < "$TMP/pw"
[ -e "$DB" ] && not_ok "and makes no file (tab)" || ok "and makes no file (tab)"
expect "init with a good name" 0 "$BIN" --db "$DB" init --name "Zoë's Co-op" < "$TMP/pw"

# ---- names refused on save, in words, never echoed raw -----------------------------
printf 'ann-pass-123\n' > "$TMP/pw2"
expect "user add with an escape in the name is refused" 1 \
	"$BIN" --db "$DB" user add ann --role volunteer --name "Ann${ESC}[31mRed" < "$TMP/pw2"
contains "in words" "$TMP/err" "a display name cannot contain control characters"
lacks "without the escape" "$TMP/err" "$ESC"
lacks "without the escape on stdout" "$TMP/out" "$ESC"
expect "user add with an override is refused" 1 \
	"$BIN" --db "$DB" user add ann --role volunteer --name "Ann ${RLO}deR" < "$TMP/pw2"
lacks "without the override" "$TMP/err" "$RLO"
[ "$(sql "SELECT count(*) FROM users WHERE username = 'ann'")" = 0 ] &&
	ok "no account was made" || not_ok "an account was made"

# ---- what another program wrote is shown inert ------------------------------------
sql "UPDATE users SET display_name = 'Board${ESC}[2J${RLO}draoB' WHERE username = 'board'"
expect "user list" 0 "$BIN" --db "$DB" user list
lacks "user list shows no raw escape" "$TMP/out" "$ESC"
lacks "user list shows no raw override" "$TMP/out" "$RLO"
contains "but a replacement character for each" "$TMP/out" "Board${REPL}[2J${REPL}draoB"
expect "user disable (another board user first)" 0 "$BIN" --db "$DB" user add ann --role board < "$TMP/pw2"
expect "user disable" 0 "$BIN" --db "$DB" user disable board
lacks "user disable shows no raw escape" "$TMP/out" "$ESC"

sql "INSERT INTO members (uuid, member_no, name, sort_name, address, entered_on)
     VALUES ('00000000-0000-4000-8000-000000000002', 7, 'Ann${ESC}]0;pwned${ESC}\\ ${RLO}x', 'ann', '1 Mill Lane', '2020-01-01')"
expect "check names the member without a share" 1 "$BIN" --db "$DB" check
contains "by number" "$TMP/out" "member no. 7 (Ann${REPL}]0;pwned${REPL}\\ ${REPL}x)"
lacks "check shows no raw escape" "$TMP/out" "$ESC"
lacks "check shows no raw override" "$TMP/out" "$RLO"

finish
