#!/usr/bin/env bash
# Rewrites every golden file on purpose: the Markdown and text of every example
# (tests/golden/text/, docs/layout.md), the .docx parts (tests/golden/docx/, docs/docx.md) and
# the .xlsx parts (tests/golden/xlsx/, docs/workbook.md), the bulletins (tests/golden/bulletin/,
# docs/bulletin.md),
# with the built planctl (PLANCTL, default build/planctl). Review `git diff tests/golden`
# before committing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
status=0
for part in text docx xlsx bulletin; do
  if [ -f "$here/$part/regenerate.sh" ]; then
    bash "$here/$part/regenerate.sh" || status=$?
  fi
done
exit $status
