#!/bin/sh
# Builds each libFuzzer target in tests/fuzz/ with clang and replays its
# corpus (tests/fuzz/corpus/NAME/, NAME without the fuzz_ prefix), printing
# "ok - ..." or "not ok - ..." per check; exits non-zero on any failure.
#
#   sh tests/fuzz/run.sh                   replay the corpora (CI does this)
#   FUZZ_SECONDS=60 sh tests/fuzz/run.sh   then fuzz each target that long;
#                                          new inputs go to $BUILD/fuzz/new-NAME/,
#                                          a crash to $BUILD/fuzz/crash-NAME-*
#
# Needs clang with libFuzzer: Debian packages clang and libclang-rt-dev (the
# runtime is only a Recommends of clang, and tools/deps.sh skips those).
set -u
cd "$(dirname "$0")/../.." || exit 1
out=${BUILD:-build/out}/fuzz
CC_FUZZ=${CC_FUZZ:-clang}
FLAGS="-std=c17 -g -O1 -Wall -Wextra -Wpedantic -Wshadow -Wformat=2 \
 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
 -fno-omit-frame-pointer -Iinclude -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE"
SRC="src/core/keys.c src/core/script.c src/core/text.c src/core/json_flat.c
 src/core/date.c src/core/clock.c src/core/zone.c src/core/money.c src/core/ref.c
 src/core/rent_calc.c src/core/csv_read.c src/core/bank_match.c src/core/bank_index.c"
failed=0

mkdir -p "$out" || exit 1
probe="$out/probe.c"
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }' \
	> "$probe"
if ! command -v "$CC_FUZZ" >/dev/null 2>&1 ||
	! "$CC_FUZZ" -fsanitize=fuzzer,address,undefined -o "$out/probe" "$probe" >/dev/null 2>&1; then
	echo "not ok - clang with libFuzzer is needed (apt-get install clang libclang-rt-dev)"
	exit 1
fi

for target in tests/fuzz/fuzz_*.c; do
	name=$(basename "$target" .c)
	corpus=tests/fuzz/corpus/${name#fuzz_}
	bin=$out/$name
	log=$out/$name.log
	# The key-to-action table is the interface's own (it only needs
	# curses' header): that target takes it, with stubs for the rest.
	extra=
	[ "$name" = fuzz_bindings ] && extra=src/ui/bindings.c
	# shellcheck disable=SC2086
	if ! "$CC_FUZZ" $FLAGS -o "$bin" "$target" $SRC $extra > "$log" 2>&1; then
		echo "not ok - $name builds"
		sed 's/^/    /' "$log" | head -20
		failed=$((failed + 1))
		continue
	fi
	if [ ! -d "$corpus" ] || [ -z "$(ls -A "$corpus")" ]; then
		echo "not ok - $name corpus: $corpus is empty"
		failed=$((failed + 1))
		continue
	fi
	count=$(ls "$corpus" | wc -l | tr -d ' ')
	# Given files rather than a folder, libFuzzer runs each once and stops.
	if "$bin" "$corpus"/* > "$log" 2>&1; then
		echo "ok - $name corpus ($count inputs)"
	else
		echo "not ok - $name corpus"
		grep -v '^Running:\|^Executed' "$log" | sed 's/^/    /' | head -30
		failed=$((failed + 1))
		continue
	fi
	secs=${FUZZ_SECONDS:-0}
	[ "$secs" -gt 0 ] 2>/dev/null || continue
	new=$out/new-$name
	mkdir -p "$new"
	# A target's own dictionary (tests/fuzz/NAME.dict), else the keys'.
	dict=tests/fuzz/${name#fuzz_}.dict
	[ -f "$dict" ] || dict=tests/fuzz/keys.dict
	if "$bin" -max_total_time="$secs" -max_len=4096 -print_final_stats=1 \
		-dict="$dict" -artifact_prefix="$out/crash-$name-" \
		"$new" "$corpus" > "$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		echo "ok - $name fuzzed for $secs seconds (${runs:-?} runs)"
	else
		echo "not ok - $name fuzzing found a crash (see $log)"
		grep -A 15 'ERROR\|check failed' "$log" | sed 's/^/    /' | head -30
		failed=$((failed + 1))
	fi
done
[ "$failed" -eq 0 ]
