#!/bin/sh
# The keys file: a bad line is reported with its number when coopdesk
# starts, and every other line still applies; the help shows the new keys.
. "$(dirname "$0")/../cli/lib.sh"
export LANG=C.UTF-8 TZ=UTC
DB="$TMP/coop.db"
printf 'board-pass-1\n' | "$BIN" --db "$DB" init --name "Keys Co-op" > /dev/null 2>&1 \
	|| { not_ok "init"; finish; }
cat > "$TMP/keys" <<'KEYS'
# Repairs on r as well as 4; a bad line; help on h too.
bind repairs 4 r
bind frobnicate x
bind help ? h
KEYS
cat > "$TMP/script" <<SCRIPT
:dump $TMP/1.txt
board<Enter>board-pass-1<Enter>
r
:dump $TMP/2.txt
h
:dump $TMP/3.txt
SCRIPT
expect "coopdesk runs with a keys file that has a bad line" 0 \
	"$BIN" --db "$DB" --keys "$TMP/keys" --script "$TMP/script" --headless
contains "the bad line is named with its number" "$TMP/1.txt" "line 3: there is no action 'frobnicate'"
contains "the other lines still apply: r opens Repairs" "$TMP/2.txt" "Repairs: open repairs"
contains "h opens the help" "$TMP/3.txt" "Keys: Repairs"
contains "and the help shows the keys in force" "$TMP/3.txt" "? h"
finish
