#!/usr/bin/env bash
# Makes the page image of docs/bulletin.md from planctl's own PDF: the pingan example's June
# 2020 bulletin rendered by the built planctl, its first page drawn by poppler's pdftoppm.
# Usage: scripts/make-bulletin-image.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
planctl=$build/planctl
[ -x "$planctl" ] || { echo "build planctl first (cmake --build $build)" >&2; exit 2; }
command -v pdftoppm >/dev/null || { echo "pdftoppm (poppler-utils) is needed" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
SOURCE_DATE_EPOCH=0 "$planctl" render "$root/examples/pingan-no2-2020.yaml" --bulletin 2020-06 \
  --format pdf -o "$tmp" >/dev/null
pdftoppm -r 60 -f 1 -l 1 -png -singlefile "$tmp/pingan-no2.bulletin-2020-06.pdf" "$tmp/page"
cp "$tmp/page.png" "$root/docs/images/bulletin-pingan-2020-06-page1.png"
echo "docs/images/bulletin-pingan-2020-06-page1.png"
