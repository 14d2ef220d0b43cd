#!/usr/bin/env bash
# Rewrites the golden bulletins in tests/golden/bulletin/<example>/: `planctl render --bulletin
# all --format md,txt` of every example that has activities (docs/bulletin.md), the photos the
# Markdown shows included, with the built planctl (PLANCTL, default build/planctl). Run it on
# purpose after a deliberate change, then review `git diff tests/golden/bulletin`.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
planctl=${PLANCTL:-$root/build/planctl}
if [ ! -x "$planctl" ]; then
  echo "regenerate: no planctl at $planctl (build first, or set PLANCTL)" >&2
  exit 2
fi
export SOURCE_DATE_EPOCH=1609372800 LC_ALL=C.UTF-8

failed=0
for dir in "$here"/*/; do
  [ -d "$dir" ] && rm -rf "$dir"
done
for example in "$root"/examples/*.yaml; do
  name=$(basename "$example" .yaml)
  grep -q '^activities:' "$example" || continue
  out="$here/$name"
  mkdir -p "$out"
  if ! "$planctl" render "$example" -o "$out" --bulletin all --format md,txt >/dev/null 2>&1; then
    echo "regenerate: $example has no bulletin; fix it and run again" >&2
    rm -rf "$out"
    failed=1
    continue
  fi
  echo "regenerate: $name: $(cd "$out" && ls | wc -l) files"
done
exit $failed
