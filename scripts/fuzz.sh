#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang, AddressSanitizer and UndefinedBehaviorSanitizer into their
# own build directory, then runs each target in turn for SECONDS_PER_TARGET (default 60) on one core.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Each run starts from the committed seeds (fuzz/corpus/<target>/) plus what earlier runs found (kept in the
# build directory, not committed). A crash or a violated property stops that target and leaves its input in
# build-fuzz/crashes/<target>/; copy it to tests/hardening/regressions/<target>/ so that the regular test suite
# replays it from then on. The script exits non-zero when any target crashed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${LOTSTATION_FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(gs1 digital_link interpreter own_labels wedge quantity money dates csv label_template sync_request)
cxx="${CXX_FUZZ:-$(command -v clang++ || command -v clang++-14)}"
cc="${CC_FUZZ:-$(command -v clang || command -v clang-14)}"

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" \
  -DLOTSTATION_FUZZ=ON -DLOTSTATION_BUILD_TESTS=OFF -DLOTSTATION_BUILD_APP=OFF >/dev/null
cmake --build "$build" -j "${LOTSTATION_JOBS:-2}" --target "${targets[@]/#/fuzz_}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$root/tests/hardening/sanitizer/lsan.supp:print_suppressions=0}"
failed=()
printf '%-14s %12s %10s %8s %s\n' target executions exec/s corpus result
for target in "${targets[@]}"; do
  found="$build/corpus/$target"
  crashes="$build/crashes/$target"
  mkdir -p "$found" "$crashes"
  log="$build/fuzz-$target.log"
  status=ok
  "$build/fuzz/fuzz_$target" "$found" "$root/fuzz/corpus/$target" -max_total_time="$seconds" -max_len=4096 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" >"$log" 2>&1 || status=CRASH
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  corpus=$(find "$found" -type f | wc -l)
  printf '%-14s %12s %10s %8s %s\n' "$target" "${runs:-?}" "${speed:-?}" "$corpus" "$status"
  if [ "$status" != ok ]; then
    failed+=("$target")
    grep -E 'ERROR|property violated|exception escaped|SUMMARY|Test unit written' "$log" | head -5 | sed 's/^/    /'
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "crashed: ${failed[*]} (inputs in $build/crashes/; logs in $build/fuzz-*.log)"
  exit 1
fi
