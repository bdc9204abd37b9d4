#!/usr/bin/env bash
# The second README command: install what is missing, build, and run every test through CTest, with a
# throwaway PostgreSQL cluster for the central store's PostgreSQL tests (stopped and removed afterwards).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
if pg_dir=$("$root/scripts/pg-test-cluster.sh" start); then
  trap '"$root/scripts/pg-test-cluster.sh" stop "$pg_dir"' EXIT
  export LOTSTATION_TEST_PG="postgresql:///postgres?host=$pg_dir&user=postgres"
else
  echo "test.sh: PostgreSQL could not be started; its tests fail under CI (CI=true) and skip otherwise" >&2
fi
cd "${LOTSTATION_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j "$(nproc)" --timeout 600
