#!/usr/bin/env bash
# The first README command: install what is missing, build, and start the station on its embedded defaults.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
exec "${LOTSTATION_BUILD_DIR:-$root/build}/station/lotstation" "${@:---demo}"
