#!/usr/bin/env bash
# Configures and builds into ./build: Release (-O2, no debug info) unless LOTSTATION_BUILD_TYPE says otherwise
# (RelWithDebInfo for a debugger).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build="${LOTSTATION_BUILD_DIR:-$root/build}"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE="${LOTSTATION_BUILD_TYPE:-Release}" >/dev/null
cmake --build "$build" -j "$(nproc)"
