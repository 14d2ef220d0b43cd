#!/usr/bin/env bash
# Every example renders to exactly its golden Markdown and DOCX-ready text, byte for byte
# (tests/golden/text/<example>/; regenerate on purpose with tests/golden/regenerate.sh).
set -uo pipefail
: "${PLANCTL:?}" "${PLANCTL_SOURCE_DIR:?}" "${PLANCTL_TEST_DATA_DIR:?}"

golden="$PLANCTL_TEST_DATA_DIR/golden/text"
source "$(dirname "$0")/lib/tmpdir.bash"
test_tmpdir tmp
status=0

for example in "$PLANCTL_SOURCE_DIR"/examples/*.yaml; do
  name=$(basename "$example" .yaml)
  if [ ! -d "$golden/$name" ]; then
    echo "FAIL $name: no golden outputs in tests/golden/text/$name (run tests/golden/regenerate.sh)"
    status=1
    continue
  fi
  mkdir "$tmp/$name"
  if ! "$PLANCTL" render "$example" -o "$tmp/$name" --format md,txt >"$tmp/$name.log" 2>&1; then
    echo "FAIL $name: render failed"
    cat "$tmp/$name.log"
    status=1
    continue
  fi
  # Beside the outputs, exactly one re-run record (docs/cli.md, "Re-runs"), naming every
  # output with its SHA-256; it holds planctl's version, so it is checked here, not golden.
  records=$(cd "$tmp/$name" && find . -mindepth 1 -maxdepth 1 -name '.*' -printf '%f\n')
  if [[ "$records" == *$'\n'* || ! "$records" =~ ^\.[^/]+\.planctl\.json$ ]] ||
    ! /usr/bin/python3 - "$tmp/$name" "$records" <<'PY'; then
import hashlib, json, os, sys
folder, record = sys.argv[1], sys.argv[2]
outputs = json.load(open(os.path.join(folder, record), encoding="utf-8"))["outputs"]
files = sorted(f for f in os.listdir(folder) if f != record)
assert sorted(outputs) == files, (sorted(outputs), files)
for f in files:
    assert outputs[f] == hashlib.sha256(open(os.path.join(folder, f), "rb").read()).hexdigest(), f
PY
    echo "FAIL $name: the hidden files are not one re-run record of every output: $records"
    status=1
  fi
  # diff -r reports changed bytes, and files that appear or disappear (the record aside).
  if diff -r -u -x '.*.planctl.json' "$golden/$name" "$tmp/$name"; then
    echo "ok   $name: $(cd "$tmp/$name" && ls | tr '\n' ' ')"
  else
    echo "FAIL $name: output differs from tests/golden/text/$name (intended? run tests/golden/regenerate.sh)"
    status=1
  fi
done

# What a Markdown viewer shows: GitHub's own renderer must find only the markup planctl
# writes (one title, headings, paragraphs, bold run-in titles, line breaks, the task table of
# an attachment with content) and close every bold run, whatever the user wrote.
if command -v cmark-gfm >/dev/null 2>&1; then
  for md in "$tmp"/*/*.md; do
    html=$(cmark-gfm -e autolink -e table -e strikethrough -e tasklist -e tagfilter "$md")
    tags=$(grep -oE '<[a-z][a-z0-9]*' <<<"$html" | sort -u | tr '\n' ' ')
    stray=$(grep -oE '<[a-z][a-z0-9]*' <<<"$html" | grep -vxE '<(h1|h2|h3|p|strong|br|table|thead|tbody|tr|th|td)' | sort -u)
    bold_lines=$(grep -c '^\*\*' "$md")
    strong=$(grep -o '<strong>' <<<"$html" | wc -l)
    h1=$(grep -o '<h1>' <<<"$html" | wc -l)
    if [ -n "$stray" ] || [ "$strong" -ne "$bold_lines" ] || [ "$h1" -ne 1 ] ||
      grep -q '\*\*' <<<"$html"; then
      echo "FAIL ${md#"$tmp"/}: renders with tags $tags; $strong bold runs for $bold_lines run-in titles"
      status=1
    fi
  done
else
  echo "note: cmark-gfm not installed (scripts/install-deps.sh); Markdown rendering not checked"
fi

for dir in "$golden"/*/; do
  name=$(basename "$dir")
  if [ ! -f "$PLANCTL_SOURCE_DIR/examples/$name.yaml" ]; then
    echo "FAIL $name: golden outputs for an example that does not exist"
    status=1
  fi
done
exit $status
