#!/usr/bin/env bash
# CI: the whole test suite (unit, CLI and round-trip tests) built with AddressSanitizer and
# UndefinedBehaviorSanitizer (the `asan` preset: Debug, PLANCTL_SANITIZE=ON). Any sanitizer
# report, leak included, fails the test that triggered it (the preset's ASAN_OPTIONS and
# UBSAN_OPTIONS halt on the first error). PLANCTL_ASAN_BUILD_DIR picks another build folder.
set -euo pipefail
cd "$(dirname "$0")/.."
build="${PLANCTL_ASAN_BUILD_DIR:-build-asan}"
start=$(date +%s)

cmake --preset asan -B "$build" >/dev/null
cmake --build "$build" -j "${JOBS:-2}"
ctest --preset asan --test-dir "$build"
echo "ci-asan: finished in $(($(date +%s) - start)) s"
