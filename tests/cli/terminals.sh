#!/bin/sh
# Several terminals' short form (doc/reliability.md "Several terminals"): 8
# screen sessions and 8 command-line writers at once, 20 and 15 writes each,
# and 2 people editing one repair; `make torture` runs the long form.
exec sh "$(dirname "$0")/../torture/terminals.sh" "${TERMINALS_CYCLES:-5}" 2
