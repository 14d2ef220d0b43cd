#!/usr/bin/env bash
# Quick start, step 1: install the Debian packages, build planctl, and render the bundled
# example into out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default
mkdir -p out
./build/planctl render examples/pingan-no2-2020.yaml -o out --as-of 2020-12-31
