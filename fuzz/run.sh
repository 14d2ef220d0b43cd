#!/usr/bin/env bash
# Runs one fuzz target of a `fuzz` preset build for SECONDS (default 60) on its corpus, seeded
# from the examples and tests (seed-corpus.sh). The corpus grows in BUILD/corpus-TARGET and
# kept across runs; a crash, leak, timeout or sanitizer report is written to
# BUILD/artifacts-TARGET/ and the script exits non-zero. FUZZ_CORPUS_DIR names another corpus
# folder (CI uses a fresh one, so that a run depends on the seeds only).
# Usage: fuzz/run.sh TARGET [SECONDS] [BUILD]   (TARGET: fuzz_load, fuzz_render, fuzz_yaml_diff or fuzz_import)
# Extra libFuzzer flags may be given in FUZZ_FLAGS, e.g. FUZZ_FLAGS="-jobs=2 -workers=2".
# FUZZ_RUNS=N runs N inputs instead of SECONDS: with FUZZ_FLAGS=-seed=1 a run is then the same
# on every machine (CI uses this, so that a short run cannot pass here and fail there).
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
target="${1:?usage: run.sh TARGET [SECONDS] [BUILD]}"
seconds="${2:-60}"
build="${3:-$src/build-fuzz}"
bin="$build/fuzz/$target"
[[ -x "$bin" ]] || { echo "run.sh: $bin is not built (cmake --preset fuzz && cmake --build --preset fuzz)" >&2; exit 2; }

seeds="$build/seeds-$target" # one per target, so that targets can run at once
rm -rf "$seeds"
bash "$src/fuzz/seed-corpus.sh" "$seeds" >/dev/null
if [[ $target == fuzz_import ]]; then
  # Documents to import, beside the plan files (which are text documents too).
  for f in "$src"/tests/data/import/*.txt; do cp "$f" "$seeds/seed-import-$(basename "$f")"; done
  # and an activity ledger (.xlsx) with a date cell, date texts, tasks and a bad row.
  cp "$src"/fuzz/seeds/*.xlsx "$seeds/"
fi
corpus="${FUZZ_CORPUS_DIR:-$build/corpus-$target}"
artifacts="$build/artifacts-$target"
mkdir -p "$corpus" "$artifacts"

# Leaks count as findings; a slow input (10 s) or 256 MB of memory is a finding too: a 64 KB
# input amplified a thousandfold (by aliases, references, a quoted value repeated) passes
# 256 MB where planctl's own bounds (docs/security.md) keep every input far below it. ASan's
# quarantine of freed memory (256 MB by default) would fill that alone, so it is kept small.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:quarantine_size_mb=16}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
if [[ -n ${FUZZ_RUNS:-} ]]; then
  length="-runs=$FUZZ_RUNS"
else
  length="-max_total_time=$seconds"
fi
# shellcheck disable=SC2086
"$bin" "$length" -rss_limit_mb=256 -timeout=10 -max_len=65536 \
  -dict="$src/fuzz/plan.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
  ${FUZZ_FLAGS:-} "$corpus" "$seeds"
