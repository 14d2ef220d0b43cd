#!/usr/bin/env bash
# Copies the seed corpus of the fuzz targets into DIR (created if missing): the examples, every
# invalid file of tests/invalid/, the hostile plan, the kept fuzzing regressions and the seeds
# of fuzz/seeds/ (anchors and aliases on every kind of value). libFuzzer
# adds what it finds to DIR, so a long run starts from the seeds and keeps its own corpus.
# Usage: fuzz/seed-corpus.sh DIR
set -euo pipefail
src="$(cd "$(dirname "$0")/.." && pwd)"
dir="${1:?usage: seed-corpus.sh DIR}"
mkdir -p "$dir"
shopt -s nullglob globstar
for f in "$src"/examples/*.yaml "$src"/tests/invalid/**/*.yaml "$src"/tests/hostile/*.yaml \
         "$src"/tests/fuzz-regressions/*/* "$src"/fuzz/seeds/*.yaml; do
  # Names from the path, so a seed never overwrites another with the same file name.
  rel="${f#"$src"/}"
  cp "$f" "$dir/seed-${rel//\//_}"
done
echo "seed-corpus: $(ls "$dir" | wc -l) files in $dir"
