#!/usr/bin/env bash
# Rewrites the golden .docx parts in tests/golden/docx/<example>/<document>/ from the built
# planctl (PLANCTL, default build/planctl): each package is unzipped part by part, and
# entries.txt records the entry order and dates. Run it on purpose after a deliberate change to
# the .docx writer, then review `git diff tests/golden/docx` before committing (docs/docx.md).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
planctl=${PLANCTL:-$root/build/planctl}
if [ ! -x "$planctl" ]; then
  echo "regenerate: no planctl at $planctl (build first, or set PLANCTL)" >&2
  exit 2
fi
export SOURCE_DATE_EPOCH=1609372800 LC_ALL=C.UTF-8

# The flagship plan transcribed from seed 000, with its report, and the two official documents
# (版头, 版记, the attachment table, 签发人).
examples=(pingan-no2-2020 guangongwei-2020-issued jiaogongwei-2022-report)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for example in "${examples[@]}"; do
  "$planctl" render "$root/examples/$example.yaml" -o "$tmp" --format docx >/dev/null
  rm -rf "${here:?}/$example"
  for docx in "$tmp"/*.docx; do
    document=$(basename "$docx" .docx)
    document=${document##*.} # plan or report
    out="$here/$example/$document"
    mkdir -p "$out"
    /usr/bin/python3 - "$docx" "$out" <<'PY'
import sys, zipfile, pathlib
docx, out = sys.argv[1], pathlib.Path(sys.argv[2])
with zipfile.ZipFile(docx) as z:
    lines = []
    for info in z.infolist():
        lines.append("%s %04d-%02d-%02d %02d:%02d:%02d" % ((info.filename,) + info.date_time))
        target = out / info.filename
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(z.read(info))
    (out / "entries.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
PY
    echo "regenerate: $example/$document: $(find "$out" -type f | wc -l) files"
  done
  rm -f "$tmp"/*.docx
done
