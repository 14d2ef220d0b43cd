#!/usr/bin/env bash
# Rewrites the golden Markdown and text in tests/golden/text/<example>/ from every
# examples/*.yaml with the built planctl (PLANCTL, default build/planctl). Run it on purpose after a deliberate change
# to the layout or the writers, then review `git diff tests/golden/text` line by line before
# committing (docs/layout.md, Golden files).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
planctl=${PLANCTL:-$root/build/planctl}
if [ ! -x "$planctl" ]; then
  echo "regenerate: no planctl at $planctl (build first, or set PLANCTL)" >&2
  exit 2
fi

# The same environment as the tests (tests/CMakeLists.txt), so outputs never depend on the
# day or the locale they were made in.
export SOURCE_DATE_EPOCH=1609372800 LC_ALL=C.UTF-8

failed=0
for example in "$root"/examples/*.yaml; do
  name=$(basename "$example" .yaml)
  out="$here/$name"
  rm -rf "$out"
  mkdir -p "$out"
  if ! "$planctl" render "$example" -o "$out" --format md,txt >/dev/null; then
    echo "regenerate: $example does not render; fix it and run again" >&2
    rm -rf "$out"
    failed=1
    continue
  fi
  # The re-run record (docs/cli.md) is not a golden output.
  rm -f "$out"/.*.planctl.json
  echo "regenerate: $name: $(cd "$out" && ls | tr '\n' ' ')"
done

# Outputs of examples that no longer exist would otherwise linger unnoticed. Only this
# folder is touched: tests/golden/ has other writers' goldens beside it.
for dir in "$here"/*/; do
  name=$(basename "$dir")
  if [ ! -f "$root/examples/$name.yaml" ]; then
    rm -rf "$dir"
    echo "regenerate: removed $name (no such example)"
  fi
done
exit $failed
