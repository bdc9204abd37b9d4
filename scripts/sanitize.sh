#!/usr/bin/env bash
# Builds the whole project and its tests with AddressSanitizer and UndefinedBehaviorSanitizer (g++,
# -DLOTSTATION_SANITIZE=ON) into its own build directory and runs the complete CTest suite there. Any memory
# error, leak or undefined behaviour fails the test that hit it. Prints how long the build and the tests took.
#
#   scripts/sanitize.sh [extra ctest arguments, e.g. -R storage]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${LOTSTATION_SANITIZE_BUILD_DIR:-$root/build-sanitize}"
jobs="${LOTSTATION_JOBS:-$(nproc)}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1:fast_unwind_on_malloc=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/hardening/sanitizer/lsan.supp:print_suppressions=0}"

start=$(date +%s)
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLOTSTATION_SANITIZE=ON >/dev/null
cmake --build "$build" -j "$jobs"
built=$(date +%s)
cd "$build"
status=0
ctest --output-on-failure -j "$jobs" --timeout 900 "$@" || status=$?
done_at=$(date +%s)
echo "sanitize: build $((built - start)) s, tests $((done_at - built)) s, total $((done_at - start)) s"
exit "$status"
