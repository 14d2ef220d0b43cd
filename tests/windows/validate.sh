#!/usr/bin/env bash
# validate under Wine: the same findings as the Linux build, word for word, in every output
# format, for every example and every invalid file, from a Chinese-named folder.
set -uo pipefail
source "$(dirname "$0")/lib.bash"
dir="2021年材料/德育处"
mkdir -p "$work/in/$dir"
cp "$PLANCTL_SOURCE_DIR"/examples/*.yaml "$work/in/$dir/"
for f in "$PLANCTL_SOURCE_DIR"/tests/invalid/*/*.yaml; do
  cp "$f" "$work/in/$dir/invalid-$(basename "$f")"
done
n=$(ls "$work/in/$dir" | wc -l)
for format in text json junit sarif github; do
  both validate --format "$format" --lang zh "$dir"
  same "validate --format $format over $n files in $dir"
done
both validate --lang en "$dir/minimal.yaml"
same "validate one file (English)"
both validate --lang zh "$dir/invalid-$(basename "$(ls "$PLANCTL_SOURCE_DIR"/tests/invalid/check/*.yaml | head -1)")"
same "validate a file with an error (Chinese)"
exit $status
