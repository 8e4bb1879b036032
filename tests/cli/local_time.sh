#!/bin/sh
# Local time on the command line: the co-op's zone (the time_zone setting,
# Europe/London by default) whatever the machine's TZ (tests run in UTC),
# summer time included, shown as dd/mm/yyyy HH:MM; a warning in words
# when this machine's tz database lacks the zone.
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 TZ=UTC

DB="$TMP/coop.db"
sql() { sqlite3 "$DB" "$1"; }
# same NAME GOT WANT
same() { if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1 (got '$2', wanted '$3')"; fi; }

printf 'board-pass-1\n' > "$TMP/pw"
expect "init" 0 "$BIN" --db "$DB" init --name "Alder Street" < "$TMP/pw"
lacks "no warning where tzdata is installed" "$TMP/err" "warning"
same "the zone defaults to Europe/London" "$(sql "SELECT value FROM settings WHERE key = 'time_zone'")" \
	"Europe/London"
same "the mouse is off by default" "$(sql "SELECT value || kind FROM settings WHERE key = 'mouse'")" \
	"0boolean"

# A summer night: 23:30 UTC is 00:30 the next day in London.
sql "UPDATE users SET last_login_at = '2026-06-30T23:30:00Z' WHERE username = 'board'"
expect "user list" 0 "$BIN" --db "$DB" user list
same "a summer instant is shown in British Summer Time" \
	"$(grep '^board ' "$TMP/out" | tr -s ' ' | cut -d' ' -f7-8)" "01/07/2026 00:30"
sql "UPDATE users SET last_login_at = '2026-01-15T23:30:00.250Z' WHERE username = 'board'"
expect "user list (winter)" 0 "$BIN" --db "$DB" user list
same "a winter instant is shown in GMT" \
	"$(grep '^board ' "$TMP/out" | tr -s ' ' | cut -d' ' -f7-8)" "15/01/2026 23:30"

# The co-op's own zone is put in force when a command opens it.
sql "UPDATE settings SET value = 'America/New_York' WHERE key = 'time_zone'"
expect "user list in another zone" 0 "$BIN" --db "$DB" user list
same "the co-op's zone is the one in force" \
	"$(grep '^board ' "$TMP/out" | tr -s ' ' | cut -d' ' -f7-8)" "15/01/2026 18:30"
sql "UPDATE settings SET value = 'Atlantis/Lost' WHERE key = 'time_zone'"
expect "a zone this machine lacks still opens" 0 "$BIN" --db "$DB" user list
contains "with a warning in words" "$TMP/err" \
	"warning: the co-op's time zone, Atlantis/Lost, is not one this machine knows (install tzdata"
contains "saying which zone is shown instead" "$TMP/err" "times are shown in Europe/London"
same "in the default zone" "$(grep '^board ' "$TMP/out" | tr -s ' ' | cut -d' ' -f7-8)" \
	"15/01/2026 23:30"
sql "UPDATE settings SET value = 'Europe/London' WHERE key = 'time_zone'"

# Without the tz database: the program says so at once, in words.
TZDIR="$TMP/no-zoneinfo" expect "a machine without tzdata still runs" 0 "$BIN" --version
contains "and warns at start" "$TMP/err" "time zone database has no Europe/London (install tzdata)"

# check names dates as people read them.
sql "INSERT INTO homes (uuid, ref, address) VALUES ('00000000-0000-4000-8000-000000000001', 'H-01', '1 Mill Lane');
     INSERT INTO tenancies (uuid, home_id, start_date) VALUES ('00000000-0000-4000-8000-000000000003', 1, '2024-07-01');"
expect "check finds the tenancy without a signatory" 1 "$BIN" --db "$DB" check
contains "and gives its date as dd/mm/yyyy" "$TMP/out" "tenancy of H-01 from 01/07/2024 has no signatory"

# demo says its dates as people read them.
COOPDESK_TODAY=2026-11-22 expect "a small demo" 0 "$BIN" demo "$TMP/demo.db" --homes 2 --members 5 --repairs 3
contains "with today as dd/mm/yyyy" "$TMP/out" ", today 22/11/2026."
lacks "and no ISO date" "$TMP/out" "2026-11-22"

finish
