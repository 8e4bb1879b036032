#!/bin/sh
# The real screens, driven by scripts in headless mode on the seeded demo
# co-op with a fixed clock, compared line by line with the expected screen
# text in tests/screen/expected/CASE/N.txt. A misaligned column or a broken
# layout after a resize changes the text, and the test fails with a diff.
# UPDATE_EXPECTED=1 writes the expected files instead (read the diff!).
. "$(dirname "$0")/../cli/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
export LANG=C.UTF-8 TZ=UTC COOPDESK_TODAY=2026-11-22 COOPDESK_NOW=2026-11-22T12:00:00Z
unset NO_COLOR

DB="$TMP/demo.db"
if ! "$BIN" demo "$DB" --seed 1 > "$TMP/demo.log" 2>&1; then
	not_ok "the demo co-op for the screen tests"
	sed 's/^/#   /' "$TMP/demo.log"
	finish
fi

for script in "$HERE"/cases/*.script; do
	name=$(basename "$script" .script)
	out="$TMP/$name"
	mkdir -p "$out"
	if ! (cd "$out" && "$BIN" --db "$DB" --script "$script" --headless --size 80x24 \
			> "$TMP/$name.log" 2>&1); then
		not_ok "$name: the script ran"
		sed 's/^/#   /' "$TMP/$name.log"
		continue
	fi
	want="$HERE/expected/$name"
	if [ "${UPDATE_EXPECTED:-}" = 1 ]; then
		rm -rf "$want"
		mkdir -p "$want"
		cp "$out"/*.txt "$want"/
		ok "$name: expected screens written"
		continue
	fi
	for dump in "$want"/*.txt; do
		n=$(basename "$dump")
		if [ ! -f "$out/$n" ]; then
			not_ok "$name/$n: the screen was not dumped"
		elif diff -u "$dump" "$out/$n" > "$TMP/diff" 2>&1; then
			ok "$name/$n"
		else
			not_ok "$name/$n differs from the expected screen"
			sed 's/^/#   /' "$TMP/diff" | head -40
		fi
	done
done
finish
