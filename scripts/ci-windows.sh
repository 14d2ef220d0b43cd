#!/usr/bin/env bash
# CI: planctl.exe cross-built from scratch (scripts/build-windows.sh: the libraries from
# Debian's source packages, the executable, the zip and the installer), then the Windows
# tests under Wine against the Linux build that scripts/setup.sh left in build/
# (tests/windows/run.sh). Measured on the 2-core machine: docs/windows.md.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
bash scripts/build-windows.sh
echo "ci-windows: built in $(($(date +%s) - start)) s"
ls -l dist/
bash tests/windows/run.sh build-windows/planctl.exe build/planctl
echo "ci-windows: $(($(date +%s) - start)) s in all"
