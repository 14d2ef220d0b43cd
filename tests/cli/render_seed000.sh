#!/usr/bin/env bash
# The plan text of the example transcribed from seed 000 reads as the real document does,
# line for line and with the same numbers, apart from punctuation width and spacing (the
# seed's half-width punctuation is extraction damage). tests/data/seed000.txt holds the
# seed's body, basis to date; the seed has no title line of its own.
set -uo pipefail
: "${PLANCTL:?}" "${PLANCTL_SOURCE_DIR:?}" "${PLANCTL_TEST_DATA_DIR:?}"

source "$(dirname "$0")/lib/tmpdir.bash"
test_tmpdir tmp

if ! "$PLANCTL" render "$PLANCTL_SOURCE_DIR/examples/pingan-no2-2020.yaml" -o "$tmp" \
  --format txt >"$tmp/log" 2>&1; then
  echo "FAIL: render failed"
  cat "$tmp/log"
  exit 1
fi

# Full-width punctuation to ASCII, then no spaces of any width, then no empty lines.
normalise() {
  sed -e 's/，/,/g; s/；/;/g; s/：/:/g; s/（/(/g; s/）/)/g; s/？/?/g; s/！/!/g' \
    -e 's/[[:space:]]//g; s/\xe3\x80\x80//g' "$1" | grep -v '^$'
}

# The rendered title is line 1; the seed's title only survives in its web page's wrapper.
tail -n +2 "$tmp/pingan-no2.plan.txt" >"$tmp/body.txt"
normalise "$tmp/body.txt" >"$tmp/rendered"
normalise "$PLANCTL_TEST_DATA_DIR/data/seed000.txt" >"$tmp/seed"

if ! diff -u "$tmp/seed" "$tmp/rendered"; then
  echo "FAIL: the rendered plan does not read as seed 000 (- seed, + rendered)"
  exit 1
fi
echo "ok: $(wc -l <"$tmp/seed") lines read as seed 000"
