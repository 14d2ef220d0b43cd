#!/usr/bin/env bash
# Quick start, step 2: build (if needed) and run the whole test suite under ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/CMakeCache.txt ] || cmake --preset default >/dev/null
cmake --build --preset default
ctest --preset default "$@"
