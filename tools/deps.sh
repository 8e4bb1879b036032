#!/bin/sh
# Installs the build and test dependencies with apt-get, through sudo when not
# root, and does nothing when they are all here already.
set -eu
need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v cc >/dev/null 2>&1 || need="$need build-essential"
command -v make >/dev/null 2>&1 || need="$need make"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
have_pc ncursesw && have_pc formw && have_pc panelw || need="$need libncurses-dev"
have_pc sqlite3 || need="$need libsqlite3-dev"
have_pc uuid || need="$need uuid-dev"
have_pc libxcrypt || need="$need libcrypt-dev"
have_pc cmocka || need="$need libcmocka-dev"
command -v sqlite3 >/dev/null 2>&1 || need="$need sqlite3"
command -v tmux >/dev/null 2>&1 || need="$need tmux"
# The fuzz targets' corpora are replayed by `make check`: clang with its
# libFuzzer runtime (only a Recommends of clang, so named here).
command -v clang >/dev/null 2>&1 || need="$need clang"
f=$(clang -print-file-name=libclang_rt.fuzzer-$(uname -m).a 2>/dev/null || true)
[ -n "$f" ] && [ -f "$f" ] || need="$need libclang-rt-dev"
command -v pgrep >/dev/null 2>&1 || need="$need procps"
# The manual is checked by rendering it (tests/cli/manual.sh).
command -v groff >/dev/null 2>&1 || need="$need groff-base"
command -v man >/dev/null 2>&1 || need="$need man-db"
# Local time comes from the system's tz database (coopdesk/zone.h).
[ -f "${TZDIR:-/usr/share/zoneinfo}/Europe/London" ] || need="$need tzdata"
[ -n "$need" ] || exit 0
echo "make deps: installing$need"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $need
