#!/usr/bin/env bash
# Makes the photos of the examples (examples/photos/): drawn by planctl's own test tool
# (tests/tools/make_photo.cpp), no third-party images. Each example with activities has two:
# a landscape JPEG stored as a camera stores an upright shot (EXIF orientation 1) and a portrait
# one stored sideways with EXIF orientation 6, which planctl turns upright.
# Usage: scripts/make-example-photos.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
maker=$build/tests/planctl_make_photo
[ -x "$maker" ] || { echo "build planctl_make_photo first (cmake --build $build --target planctl_make_photo)" >&2; exit 2; }
mkdir -p "$root/examples/photos"
for name in pingan-no2-2020 guangongwei-2020 school-year-2020 annotated; do
  "$maker" jpeg 320 240 1 "$root/examples/photos/$name-1.jpg"
  "$maker" jpeg 240 320 6 "$root/examples/photos/$name-2.jpg"
done
ls -l "$root/examples/photos"
