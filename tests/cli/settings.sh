#!/bin/sh
# coopdesk settings list|get|set: every rule with its range and source; a
# change within range is kept and audited; one out of range, of the wrong
# kind, or of a setting that does not exist is refused in words, changing
# nothing.
. "$(dirname "$0")/lib.sh"

DB="$TMP/coop.db"
printf 'secret-pass-123\n' | "$BIN" --db "$DB" init > /dev/null 2>&1 || not_ok "init failed"
q() { sqlite3 "$DB" "$1"; }

expect "settings --help exits 0" 0 "$BIN" settings --help
contains "and names the three" "$TMP/out" "settings set KEY VALUE"
expect "settings with nothing is a usage error" 2 "$BIN" --db "$DB" settings
contains "asking which" "$TMP/err" "list, get, set or reset?"

expect "settings list" 0 "$BIN" --db "$DB" settings list
listed=$(grep -c '^[a-z_0-9]* = ' "$TMP/out")
[ "$listed" = "$(q "SELECT count(*) FROM settings")" ] \
	&& ok "lists every setting ($listed)" || not_ok "listed $listed"
contains "each with its range" "$TMP/out" "min_member_age = 18"
contains "what it is for and its source" "$TMP/out" "SI 1994/133"

expect "get one" 0 "$BIN" --db "$DB" settings get min_member_age
[ "$(cat "$TMP/out")" = 18 ] && ok "prints its value alone" || not_ok "printed: $(cat "$TMP/out")"

expect "set one in range" 0 "$BIN" --db "$DB" settings set min_member_age 16
contains "says what it was and is" "$TMP/out" "min_member_age was 18; now 16"
[ "$(q "SELECT value FROM settings WHERE key = 'min_member_age'")" = 16 ] \
	&& ok "and it is kept" || not_ok "not kept"
[ "$(q "SELECT actor FROM audit WHERE table_name = 'settings' ORDER BY id DESC LIMIT 1")" \
	= "coopdesk settings" ] && ok "audited as the command line's" || not_ok "not audited"

expect "a value out of range is refused" 1 "$BIN" --db "$DB" settings set min_member_age 200
contains "in words, with the range" "$TMP/err" "(16 to 25)"
expect "a value of the wrong kind is refused" 1 "$BIN" --db "$DB" settings set min_member_age 2.5
expect "a setting that does not exist is refused" 1 "$BIN" --db "$DB" settings set no_such 1
contains "naming where to look" "$TMP/err" "there is no such setting ('coopdesk settings list' names them)"
[ "$(q "SELECT value FROM settings WHERE key = 'min_member_age'")" = 16 ] \
	&& ok "nothing changed by the refusals" || not_ok "a refusal changed it"

# Each setting's lawful default (schema 12): listed, and put back by reset.
expect "settings list again" 0 "$BIN" --db "$DB" settings list
contains "list shows the default beside the range" "$TMP/out" "integer (16 to 25), default 18"
expect "reset puts the default back" 0 "$BIN" --db "$DB" settings reset min_member_age
contains "saying what it was" "$TMP/out" "min_member_age was 16; now 18 (its default)"
[ "$(q "SELECT value FROM settings WHERE key = 'min_member_age'")" = 18 ] \
	&& ok "the default is in force" || not_ok "reset did not put 18 back"
[ "$(q "SELECT json_extract(after, '$.value') FROM audit WHERE table_name = 'settings'
	ORDER BY id DESC LIMIT 1")" = 18 ] && ok "the reset is audited" || not_ok "no audit row for the reset"
expect "the co-op's own name has no default" 1 "$BIN" --db "$DB" settings reset coop_name
contains "in words" "$TMP/err" "this setting has no default: it is the co-op's own"
finish
