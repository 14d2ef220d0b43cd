#!/usr/bin/env bash
# Rewrites the golden .xlsx parts in tests/golden/xlsx/<example>/ from the built planctl
# (PLANCTL, default build/planctl): the task workbook, rendered as of 2020-12-31, unzipped part
# by part, and entries.txt with the entry order. Run it on purpose after a deliberate change to
# the workbook, then review `git diff tests/golden/xlsx` before committing (docs/workbook.md).
# tests/roundtrip/test_xlsx_golden.py compares; it ignores the dates in docProps/core.xml.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
planctl=${PLANCTL:-$root/build/planctl}
if [ ! -x "$planctl" ]; then
  echo "regenerate: no planctl at $planctl (build first, or set PLANCTL)" >&2
  exit 2
fi
export SOURCE_DATE_EPOCH=1609372800 LC_ALL=C.UTF-8

# The flagship plan of seed 000 and the workbook's own hostile cases (formulas, escapes,
# controls, a cut cell).
examples=("$root/examples/pingan-no2-2020.yaml" "$root/tests/data/hostile-workbook.yaml")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for example in "${examples[@]}"; do
  name=$(basename "$example" .yaml)
  if ! "$planctl" render "$example" -o "$tmp" --format xlsx --as-of 2020-12-31 >/dev/null 2>&1; then
    echo "regenerate: rendering $example failed" >&2
    exit 1
  fi
  out="$here/$name"
  rm -rf "${out:?}"
  mkdir -p "$out"
  /usr/bin/python3 - "$tmp"/*.xlsx "$out" <<'PY'
import sys, zipfile, pathlib
xlsx, out = sys.argv[1], pathlib.Path(sys.argv[2])
with zipfile.ZipFile(xlsx) as z:
    for info in z.infolist():
        target = out / info.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(z.read(info))
    (out / "entries.txt").write_text("".join(i.filename + "\n" for i in z.infolist()),
                                     encoding="utf-8")
PY
  echo "regenerate: $name: $(find "$out" -type f | wc -l) files"
  rm -f "$tmp"/*.xlsx
done
