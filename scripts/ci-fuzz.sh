#!/usr/bin/env bash
# CI: a short fuzz run. Builds the libFuzzer targets with the `fuzz` preset (clang, ASan and
# UBSan) and runs each for FUZZ_SECONDS (default 20; three targets, a minute in all) from the
# seed corpus alone (examples, tests/invalid, the hostile plan, the kept regressions). Any
# crash, sanitizer report, leak, disagreement of the two YAML parsers, 10 s input or 2 GB of
# memory fails the run; the input is left in build-fuzz/artifacts-*/.
# The long runs and how to reproduce a finding are in docs/security.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-20}"
build="${PLANCTL_FUZZ_BUILD_DIR:-build-fuzz}"
start=$(date +%s)

cmake --preset fuzz -B "$build" >/dev/null
# Only the fuzz targets: the rest of the tree is built and tested by scripts/test.sh.
cmake --build "$build" --target fuzz_load fuzz_render fuzz_yaml_diff -j "${JOBS:-2}"

status=0
for target in fuzz_load fuzz_render fuzz_yaml_diff; do
  corpus="$(mktemp -d "${TMPDIR:-/tmp}/planctl-ci-fuzz.XXXXXX")"
  log="$build/ci-$target.log"
  echo "ci-fuzz: $target for $seconds s"
  if FUZZ_CORPUS_DIR="$corpus" bash fuzz/run.sh "$target" "$seconds" "$build" >"$log" 2>&1; then
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
