# render → import → render gives byte-identical .plan.txt and .plan.md, importing the .txt, the
# .md or the .docx that planctl wrote (the .docx without the plan file it carries, so that its
# text is what is imported): every example, and a sample of generated schools
# (IMPORT_SCHOOLS=200 runs all of bench/gen_plans.py's 200; docs/import.md). And the .docx as
# planctl wrote it imports to the very plan file it was made from, official documents included.
source "$(dirname "$0")/lib/common.bash"

SCHOOLS=${IMPORT_SCHOOLS:-6}
mkdir -p "$T/plans"
mkdir -p "$T/official"
for f in "$EXAMPLES"/*.yaml; do
  # A sealed signature, a title on several lines and an attachment page with the task table
  # come back from the .txt only (their placement, line breaks and table are not in the .md, and
  # the .docx reader neither measures where the signature stands nor reads tables): those
  # examples make the round trip through their .txt, below, and through the plan file their .docx
  # carries. The other official parts (版头, 签发人, 主送, 附注, 版记) come back from all three.
  if grep -qE '^  seal: true|^ +content: tasks|^  title: \|' "$f"; then
    cp "$f" "$T/official/"
    continue
  fi
  cp "$f" "$T/plans/"
done
/usr/bin/python3 "$SRC/bench/gen_plans.py" --schools 200 --tasks 30 --activities 5 --out "$T/gen" >/dev/null
# A fixed sample (every 200/SCHOOLS-th school), so that CI stays fast and any school can fail it.
step=$(( 200 / SCHOOLS ))
for ((i = 1; i <= 200; i += step)); do
  cp "$T/gen/school-$(printf %03d "$i").yaml" "$T/plans/"
done

# same_text NAME SOURCE DIR STEM: DIR/STEM.plan.txt and .plan.md, rendered from the file imported
# from SOURCE, are byte for byte the .plan.txt and .plan.md of $txt and $md.
same_text() {
  local name="$1" source="$2" dir="$3" stem="$4" ext
  for ext in txt md; do
    local want
    [[ $ext == txt ]] && want=$txt || want=$md
    cmp -s "$want" "$dir/$stem.plan.$ext" ||
      { diff "$want" "$dir/$stem.plan.$ext" | head -20 >&2; fail "$name: .plan.$ext differs after importing .plan.$source"; }
  done
}

# without_source IN OUT: the package IN without its customXml parts (the plan file it carries).
without_source() {
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as src, zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as out:
    for item in src.infolist():
        if not item.filename.startswith("customXml/"):
            out.writestr(item, src.read(item))
PY
}

official_checked=0
for f in "$T"/official/*.yaml; do
  name=$(basename "$f" .yaml)
  mkdir -p "$T/o/$name"
  run render "$f" -o "$T/o/$name" --format docx
  expect_code 0
  for docx in "$T/o/$name"/*.docx; do
    run import "$docx" -o "$T/o/$name/carried.yaml" --force
    expect_code 0
    cmp -s "$f" "$T/o/$name/carried.yaml" || fail "$name: $(basename "$docx") does not give back its plan file"
  done
  run render "$f" -o "$T/o/$name" --format md,txt
  expect_code 0
  txt=$(ls "$T/o/$name"/*.plan.txt)
  md=$(ls "$T/o/$name"/*.plan.md)
  run import "$txt" -o "$T/o/$name/imported.yaml"
  [[ $CODE == 0 ]] || fail "$name: import of .plan.txt exited $CODE"
  mkdir -p "$T/o/$name/again"
  run render "$T/o/$name/imported.yaml" -o "$T/o/$name/again" --format md,txt
  [[ $CODE == 0 ]] || fail "$name: render of the file imported from .plan.txt exited $CODE"
  same_text "$name" txt "$T/o/$name/again" imported
  official_checked=$((official_checked + 1))
done
(( official_checked >= 2 )) || fail "only $official_checked sealed documents made the round trip through their .txt"

checked=0
for plan in "$T"/plans/*.yaml; do
  name=$(basename "$plan" .yaml)
  mkdir -p "$T/a/$name"
  run render "$plan" -o "$T/a/$name" --format md,txt,docx
  expect_code 0
  txt=$(ls "$T/a/$name"/*.plan.txt)
  md=$(ls "$T/a/$name"/*.plan.md)
  docx=$(ls "$T/a/$name"/*.plan.docx)
  # The .docx as planctl wrote it gives back the plan file itself.
  run import "$docx" -o "$T/a/$name/carried.yaml"
  expect_code 0
  cmp -s "$plan" "$T/a/$name/carried.yaml" || fail "$name: the .docx does not give back its plan file"
  # Without the part that carries it, the .docx is imported by its text.
  without_source "$docx" "$T/a/$name/text-only.docx"
  docx="$T/a/$name/text-only.docx"
  for source in "$txt" "$md" "$docx"; do
    kind=${source##*.}
    run import "$source" -o "$T/a/$name/imported-$kind.yaml"
    [[ $CODE == 0 ]] || fail "$name: import of .plan.$kind exited $CODE"
    mkdir -p "$T/b/$name-$kind"
    run render "$T/a/$name/imported-$kind.yaml" -o "$T/b/$name-$kind" --format md,txt
    [[ $CODE == 0 ]] || fail "$name: render of the file imported from .plan.$kind exited $CODE"
    same_text "$name" "$kind" "$T/b/$name-$kind" "imported-$kind"
    checked=$((checked + 1))
  done
done
# Three sources for each plan copied above (the sample of schools, every 200/SCHOOLS-th, is one
# more than SCHOOLS when it does not divide 200).
planned=$(ls "$T"/plans/*.yaml | wc -l)
(( planned > SCHOOLS && checked == 3 * planned )) || fail "$checked round trips ran for $planned plans"
echo "import round trip: $checked documents byte-identical, and $official_checked sealed official documents through their .txt"
