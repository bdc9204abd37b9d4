#!/usr/bin/env bash
# Installs the npm package the labels tests render our ZPL with (tests/labels/zpl_renderer, pinned by its
# package-lock.json) into that folder. Does nothing when it is already there.
set -euo pipefail
dir="$(cd "$(dirname "$0")/.." && pwd)/tests/labels/zpl_renderer"
[ -f "$dir/node_modules/zpl-renderer-js/package.json" ] && exit 0
echo "Installing the ZPL renderer for the labels tests (npm ci in $dir)"
cd "$dir" && npm ci --no-audit --no-fund --loglevel=error
