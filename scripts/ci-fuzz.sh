#!/usr/bin/env bash
# CI: a short fuzz run. Builds the libFuzzer targets with the `fuzz` preset (clang, ASan and
# UBSan) and runs each from the seed corpus alone (examples, tests/invalid, the hostile plan,
# the kept regressions and fuzz/seeds/: anchors and aliases on every kind of value, the largest
# outputs and findings a file under 64 KB can ask for) for a fixed number of inputs with a
# fixed seed, 10 to 30 s each on the 2-core machine: a count, not a time, so that a slower
# machine runs the same amount and the run that passed before landing is, nearly input for
# input, the run CI makes. Any crash, sanitizer report, leak, disagreement of the two YAML
# parsers, 10 s input, 256 MB of memory (a thousandfold amplification of a 64 KB input) or an
# input past its target's bound on what it may produce (fuzz/*.cpp) fails the run; the input is
# left in build-fuzz/artifacts-*/.
# FUZZ_SCALE=N multiplies the inputs (a longer run: FUZZ_SCALE=10).
# The long runs and how to reproduce a finding are in docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${FUZZ_SCALE:-1}"
build="${PLANCTL_FUZZ_BUILD_DIR:-build-fuzz}"
start=$(date +%s)

cmake --preset fuzz -B "$build" >/dev/null
# Only the fuzz targets: the rest of the tree is built and tested by scripts/test.sh.
cmake --build "$build" --target fuzz_load fuzz_render fuzz_yaml_diff fuzz_import -j "${JOBS:-2}"

status=0
# Inputs per target: 10 to 30 s each (executions per second measured on the 2-core machine).
for run in fuzz_load:1000 fuzz_render:600 fuzz_yaml_diff:40000 fuzz_import:3000; do
  target="${run%:*}"
  runs=$((${run#*:} * scale))
  corpus="$(mktemp -d "${TMPDIR:-/tmp}/planctl-ci-fuzz.XXXXXX")"
  log="$build/ci-$target.log"
  echo "ci-fuzz: $target, $runs inputs"
  if FUZZ_RUNS="$runs" FUZZ_FLAGS="-seed=1 ${FUZZ_FLAGS:-}" FUZZ_CORPUS_DIR="$corpus" \
    bash fuzz/run.sh "$target" 0 "$build" >"$log" 2>&1; then
    grep -E '^stat::number_of_executed_units|^Done' "$log" || true
  else
    status=1
    echo "ci-fuzz: $target FAILED; the end of its log ($log):"
    tail -n 60 "$log"
  fi
  rm -rf "$corpus"
done
echo "ci-fuzz: finished in $(($(date +%s) - start)) s"
exit "$status"
