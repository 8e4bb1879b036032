#!/bin/sh
# Runs every test (each line says its seconds, to watch CI's time) and ends
# with one line: "N passed, N failed".
#  - each cmocka binary named on the command line, in TAP mode: one count per
#    test case; a binary that dies (crash, sanitizer) counts one failure more;
#  - each tests/cli/*.sh, tests/screen/*.sh and tests/e2e/*.sh script, and
#    tests/fuzz/run.sh (which replays the fuzz corpora), each of which
#    prints "ok - name" or "not ok - name" per check and exits non-zero on
#    any failure.
# Tests run TEST_JOBS at a time (by default one per processor: each test
# has its own files, databases and tmux server), the slowest of the last
# run first; a line is printed as each test ends. TEST_JOBS=1 runs them
# one after another. The whole output of every test, in the order named,
# is kept in $BUILD/tests/last-run.log.
set -u
tests_dir=${BUILD:-build/out}/tests

# sh tests/run.sh --one N TEST: runs one test, prints its line, and writes
# "PASSED FAILED" to $RUN_DIR/N.count and its output to $RUN_DIR/N.out.
if [ "${1:-}" = --one ]; then
	n=$2 t=$3 out=$RUN_DIR/$2.out
	t0=$(date +%s)
	case "$t" in
	*.sh) sh "$t" > "$out" 2>&1 ;;
	# shellcheck disable=SC2086
	*) $VG "$t" > "$out" 2>&1 ;;
	esac
	rc=$?
	secs=$(($(date +%s) - t0))
	case "$t" in *.sh) name=$t ;; *) name=$(basename "$t") ;; esac
	p=$(grep -c '^ok ' "$out")
	f=$(grep -c '^not ok ' "$out")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $rc" >> "$out"
	fi
	echo "$p $f" > "$RUN_DIR/$n.count"
	echo "$secs $t" > "$RUN_DIR/$n.time"
	# One write per test, so that lines of two tests do not interleave.
	if [ "$f" -ne 0 ]; then
		{ echo "FAIL $name ($p passed, $f failed; ${secs}s)"
		  grep -v '^ok ' "$out" | sed 's/^/    /' | head -40; } > "$out.line"
	else
		echo "ok   $name ($p; ${secs}s)" > "$out.line"
	fi
	cat "$out.line"
	exit 0
fi

mkdir -p "$tests_dir"
log=$tests_dir/last-run.log
times=$tests_dir/last-times
export LANG=C.UTF-8 TZ=UTC CMOCKA_MESSAGE_OUTPUT=TAP
# For SANITIZE=1: what LeakSanitizer should not blame on us (see the file).
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export COOPDESK_BIN="${COOPDESK_BIN:-$(pwd)/coopdesk}"
# make check SANITIZE=1, the second pass after the plain one, and
# VALGRIND=1, forty times slower: the kill and fault loops take fewer
# steps (tests/cli/crash.sh, interrupt.sh, test_faults), every other check
# is the same.
[ "${SANITIZE:-0}" = 1 ] && export COOPDESK_TEST_SHORTER=1
[ "${VALGRIND:-0}" = 1 ] && export COOPDESK_TEST_SHORTER=1

# VALGRIND=1 (make check VALGRIND=1): every binary of ours under valgrind's
# memcheck, the unit tests and the coopdesk the shell tests run (through
# a wrapper); an error or a definite leak is exit status 99, a failure.
# The fault loops step wider (tests/unit/test_faults.c), or they would
# take an hour. The fuzz targets are clang's ASan builds: not under it.
VG=
if [ "${VALGRIND:-0}" = 1 ]; then
	VG="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite
	    --errors-for-leak-kinds=definite --suppressions=$(pwd)/tests/valgrind.supp"
	VG=$(echo $VG)
	wrap=$(pwd)/$tests_dir/valgrind-coopdesk
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$VG" "$COOPDESK_BIN" > "$wrap"
	chmod +x "$wrap"
	export COOPDESK_BIN="$wrap" FAULTS_STRIDE=${FAULTS_STRIDE:-400}
fi
export VG

RUN_DIR=$(mktemp -d)
export RUN_DIR
trap 'rm -rf "$RUN_DIR"' EXIT
jobs=${TEST_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)}
case "$jobs" in '' | *[!0-9]* | 0) jobs=1 ;; esac

# Every test, numbered in the order named; then the slowest of the last run
# first (a test the last run did not have counts as slow).
n=0
for t in "$@" tests/cli/*.sh tests/screen/*.sh tests/e2e/*.sh tests/fuzz/run.sh; do
	[ -f "$t" ] || continue
	case "$t" in */lib.sh) continue ;; esac
	n=$((n + 1))
	secs=$(awk -v t="$t" '$2 == t { print $1 }' "$times" 2>/dev/null)
	echo "${secs:-9999} $n $t"
done > "$RUN_DIR/list"
sort -k1,1nr -k2,2n "$RUN_DIR/list" | cut -d' ' -f2- |
	xargs -n 2 -P "$jobs" sh "$0" --one

passed=0
failed=0
: > "$log"
: > "$RUN_DIR/times"
i=0
while [ "$i" -lt "$n" ]; do
	i=$((i + 1))
	if [ -f "$RUN_DIR/$i.count" ]; then
		read -r p f < "$RUN_DIR/$i.count"
		cat "$RUN_DIR/$i.time" >> "$RUN_DIR/times"
	else
		p=0 f=1
		echo "not ok - test $i of the list did not run" >> "$RUN_DIR/$i.out"
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	cat "$RUN_DIR/$i.out" >> "$log"
done
cp "$RUN_DIR/times" "$times"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
