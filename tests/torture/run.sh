#!/bin/sh
# make torture: the long forms of the crash loop and of several terminals
# (doc/reliability.md). KILLS per write kind (default 40: 560 kills over
# the 14 kinds), CYCLES per terminal (default 50: 200 writes per screen
# session, 150 per command-line writer), PAIRS conflicts (default 10).
# Its output is kept in $BUILD/tests/torture.log; it ends with the figures.
set -u
log=${BUILD:-build/out}/tests/torture.log
mkdir -p "$(dirname "$log")"
export COOPDESK_BIN="${COOPDESK_BIN:-$(pwd)/coopdesk}"
status=0
{
	echo "# make torture, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	sh tests/torture/crash.sh "${KILLS:-40}" || status=1
	sh tests/torture/terminals.sh "${CYCLES:-50}" "${PAIRS:-10}" || status=1
} 2>&1 | tee "$log"
grep -q '^not ok' "$log" && status=1
echo "torture: $(grep -c '^ok' "$log") passed, $(grep -c '^not ok' "$log") failed (log: $log)"
exit $status
