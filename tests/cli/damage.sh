#!/bin/sh
# The database file made and opened safely, when things go wrong: damage
# seen as the co-op opens is a warning to the board (on Home) and on the
# command line, in a small co-op (checked whole) and a big one (the ends
# of its main tables); a full disk while making a co-op or saving says the
# disk is full (never "cannot rollback - no transaction is active") and
# leaves nothing half-made.
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
WARNING="the database file is damaged: run 'coopdesk check' and restore from a backup"

BASE="$TMP/base.db"
if ! "$BIN" demo "$BASE" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the damage tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi
printf 'secret-pass-123\n' > "$TMP/pw"
"$BIN" --db "$TMP/small.db" init < "$TMP/pw" > /dev/null 2>&1

# spoil FILE TABLE: overwrites the header of TABLE's first page (its root)
# with bytes no b-tree page has.
spoil() {
	root=$(sqlite3 "$1" "SELECT rootpage FROM sqlite_schema WHERE name = '$2'")
	size=$(sqlite3 "$1" "PRAGMA page_size")
	printf '\377\377\377\377\377\377\377\377' |
		dd of="$1" bs=1 seek=$(((root - 1) * size)) conv=notrunc 2> /dev/null
}
# home NAME DB LOGIN: Home after LOGIN, dumped to $TMP/NAME.txt.
home() {
	printf '%s\n:dump %s\n' "$3" "$TMP/$1.txt" > "$TMP/$1.script"
	"$BIN" --db "$2" --script "$TMP/$1.script" --headless --size 100x30 > "$TMP/$1.out" 2>&1 ||
		{ not_ok "$1: the script ran to its end"; sed 's/^/#   /' "$TMP/$1.out" | head; }
}

# ---- damage -----------------------------------------------------------------
home whole "$BASE" 'board<Enter>board-demo-1<Enter>'
lacks "a sound co-op: no warning on Home" "$TMP/whole.txt" "damaged"
expect "nor on the command line" 0 "$BIN" --db "$BASE" settings get coop_name
lacks "(stderr)" "$TMP/err" "damaged"

pages=$(sqlite3 "$BASE" "PRAGMA page_count")
[ "$pages" -gt 1024 ] && ok "the demo co-op is big enough ($pages pages) to be looked at by its ends" ||
	not_ok "the demo co-op has only $pages pages: the big co-op's look is not tested"
cp "$BASE" "$TMP/big.db"
spoil "$TMP/big.db" repairs
home bigboard "$TMP/big.db" 'board<Enter>board-demo-1<Enter>'
contains "a damaged big co-op: the board is warned on Home" "$TMP/bigboard.txt" "Warning: $WARNING"
home bigmember "$TMP/big.db" 'member<Enter>member-demo-1<Enter>'
contains "(a member logs in)" "$TMP/bigmember.txt" "Hannah Kacz"
lacks "a member is not: it is the board's to act on" "$TMP/bigmember.txt" "damaged"
expect "a command still runs" 0 "$BIN" --db "$TMP/big.db" settings get coop_name
contains "with the warning on stderr" "$TMP/err" "coopdesk: warning: $WARNING"
expect "check finds the damage" 1 "$BIN" --db "$TMP/big.db" check

spoil "$TMP/small.db" audit
expect "a damaged small co-op (checked whole): the command line warns" 0 \
	"$BIN" --db "$TMP/small.db" settings get coop_name
contains "in words" "$TMP/err" "coopdesk: warning: $WARNING"

# A file cut short (a copy that stopped part way) is not opened at all.
head -c $(( $(stat -c %s "$BASE") - 4096 )) "$BASE" > "$TMP/short.db"
expect "a file cut short is refused" 1 "$BIN" --db "$TMP/short.db" settings get coop_name
contains "as damaged, in words" "$TMP/err" \
	"the database file is damaged or not a database (run 'coopdesk check', restore a backup)"

# ---- a full disk --------------------------------------------------------------
# tests/helpers/enospc.c: writes to the files named fail with ENOSPC once
# so many bytes have been written to them.
CC=${CC:-cc}
if ! $CC -shared -fPIC -o "$TMP/enospc.so" "$(dirname "$0")/../helpers/enospc.c" -ldl \
	2> "$TMP/cc.err"; then
	not_ok "the full-disk helper builds"
	sed 's/^/#   /' "$TMP/cc.err"
	finish
fi
# full BYTES COMMAND...: COMMAND with the disk under $TMP/full full after BYTES.
full() {
	bytes=$1
	shift
	env ENOSPC_MATCH="$TMP/full/" ENOSPC_AFTER="$bytes" LD_PRELOAD="$TMP/enospc.so" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" "$@"
}
for bytes in 0 100000 1000000 1600000 1900000; do
	rm -rf "$TMP/full"
	mkdir "$TMP/full"
	full "$bytes" "$BIN" --db "$TMP/full/coop.db" init < "$TMP/pw" > "$TMP/out" 2> "$TMP/err"
	rc=$?
	if [ $rc = 1 ] && grep -qF "the disk is full" "$TMP/err" &&
	   ! grep -q "rollback\|transaction" "$TMP/err" && [ -z "$(ls "$TMP/full")" ]; then
		ok "init on a disk full after $bytes bytes: the disk is full, nothing left"
	else
		not_ok "init on a disk full after $bytes bytes (exit $rc; left: $(ls "$TMP/full" | tr '\n' ' '))"
		sed 's/^/#   /' "$TMP/err"
	fi
done
rm -rf "$TMP/full"
mkdir "$TMP/full"
full 4000000 "$BIN" demo "$TMP/full/demo.db" --seed 1 > "$TMP/out" 2> "$TMP/err"
[ $? = 1 ] && ok "demo on a full disk fails" || not_ok "demo on a full disk did not fail"
contains "saying the disk is full" "$TMP/err" "the disk is full"
[ -z "$(ls "$TMP/full")" ] && ok "and leaves nothing" || not_ok "demo left: $(ls "$TMP/full")"

# A save: the journal cannot grow (only the -wal full), then nothing at all.
cp "$BASE" "$TMP/full/coop.db"
before=$(sqlite3 "$TMP/full/coop.db" "SELECT value FROM settings WHERE key = 'quorum_percent'")
for match in coop.db-wal coop.db; do
	env ENOSPC_MATCH="$TMP/full/$match" ENOSPC_AFTER=0 LD_PRELOAD="$TMP/enospc.so" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		"$BIN" --db "$TMP/full/coop.db" settings set quorum_percent 31 > "$TMP/out" 2> "$TMP/err"
	[ $? = 1 ] && ok "a save on a full disk ($match) is refused" ||
		not_ok "a save on a full disk ($match) did not fail"
	contains "saying the disk is full" "$TMP/err" "the disk is full; nothing was saved"
	expect "the co-op still passes check" 0 "$BIN" --db "$TMP/full/coop.db" check
	[ "$(sqlite3 "$TMP/full/coop.db" "SELECT value FROM settings WHERE key = 'quorum_percent'")" = "$before" ] &&
		ok "and holds the value it had" || not_ok "the setting changed on a full disk"
done

# An import on a full disk: refused in words, nothing of the sheet kept (no
# member, no record of the import), and the same sheet imports once there
# is room again.
EX="$(cd "$(dirname "$0")/../../contrib/examples" && pwd)"
"$BIN" --db "$TMP/full/imp.db" init --name "Full Disk Co-op" < "$TMP/pw" > /dev/null 2>&1 ||
	not_ok "init of the co-op to import into"
imported() { sqlite3 "$TMP/full/imp.db" "SELECT count(*) FROM members; SELECT count(*) FROM imports" |
	tr '\n' ' '; }
for match in imp.db-wal imp.db; do
	env ENOSPC_MATCH="$TMP/full/$match" ENOSPC_AFTER=0 LD_PRELOAD="$TMP/enospc.so" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
		"$BIN" --db "$TMP/full/imp.db" import members "$EX/members.csv" > "$TMP/out" 2> "$TMP/err"
	[ $? = 1 ] && ok "an import on a full disk ($match) is refused" ||
		not_ok "an import on a full disk ($match) did not fail"
	contains "saying the disk is full" "$TMP/err" "the disk is full"
	[ "$(imported)" = "0 0 " ] && ok "and keeps nothing of the sheet" ||
		not_ok "a full disk's import left: $(imported)"
	expect "the co-op still passes check" 0 "$BIN" --db "$TMP/full/imp.db" check
done
expect "with room again the sheet imports" 0 "$BIN" --db "$TMP/full/imp.db" import members "$EX/members.csv"
[ "$(imported)" = "20 1 " ] && ok "all 20 members, once" || not_ok "after room was made: $(imported)"
finish
