# The hostile plan (tests/hostile/hostile.yaml): every text carries path traversal, XML,
# Markdown, HTML, spreadsheet formula prefixes, bidi overrides, zero-width characters or emoji.
# It validates clean, and every output carries each text verbatim and inert, proved against
# the same plan with plain words in place of the hostile texts (tests/hostile/check_outputs.py)
# and against the golden files in tests/hostile/expected/ (PLANCTL_REGENERATE=1 rewrites them).
source "$(dirname "$0")/lib/common.bash"
export SOURCE_DATE_EPOCH=1609372800 # 2020-12-31
PY=/usr/bin/python3
HOSTILE="$SRC/tests/hostile"
command -v cmark-gfm >/dev/null || { echo "cmark-gfm is missing" >&2; exit 125; }
$PY -c 'import docx, openpyxl, yaml' 2>/dev/null || { echo "python3-docx/openpyxl/yaml missing" >&2; exit 125; }

mkdir -p hostile benign
cp "$HOSTILE/hostile.yaml" hostile/hostile.yaml
$PY "$HOSTILE/check_outputs.py" benign hostile/hostile.yaml benign/hostile.yaml

for f in hostile/hostile.yaml benign/hostile.yaml; do
  run validate --strict "$f"
  expect_code 0
  out_empty
done

# Names come from the input's file name only: the school name starts with ../../etc/passwd.
# (.hostile.planctl.json: the re-run record, docs/cli.md "Re-runs".)
names='.hostile.planctl.json hostile.plan.docx hostile.plan.md hostile.plan.pdf hostile.plan.txt hostile.report.docx hostile.report.md hostile.report.pdf hostile.report.txt hostile.tasks.xlsx '
for mode in keep default; do
  opts=(--format md,txt,docx,pdf,xlsx)
  [[ "$mode" == keep ]] && opts+=(--keep-punctuation)
  mkdir "h-$mode" "b-$mode"
  run render "${opts[@]}" -o "h-$mode" hostile/hostile.yaml
  expect_code 0
  [[ "$(ls -A "h-$mode" | sort | tr '\n' ' ')" == "$names" ]] || fail "unexpected outputs: $(ls -A "h-$mode")"
  [[ -z "$(find "$T" -newer hostile/hostile.yaml -name 'passwd*')" ]] || fail "a file named from the school"
  run render "${opts[@]}" -o "b-$mode" benign/hostile.yaml
  expect_code 0
done

# As written (--keep-punctuation): verbatim and inert, and the golden files.
set +e
$PY "$HOSTILE/check_outputs.py" check hostile/hostile.yaml h-keep b-keep "$HOSTILE/expected" >"$T/stdout" 2>"$T/stderr"
CODE=$?
set -e
cat "$T/stdout"
expect_code 0
# The default render turns ASCII punctuation that the layout puts next to Chinese into its
# full-width form (`@SUM(1)` + `。`): inert all the same.
set +e
$PY "$HOSTILE/check_outputs.py" check --inert-only hostile/hostile.yaml h-default b-default >"$T/stdout" 2>"$T/stderr"
CODE=$?
set -e
cat "$T/stdout"
expect_code 0
# Characters XML 1.0 has no place for (the noncharacters U+FFFE and U+FFFF) pass the loader:
# the text outputs keep them, the .docx drops them and the .xlsx shows U+FFFD, and every XML
# part stays well-formed (Word and Excel refuse a file that is not).
mkdir nonchar
printf 'version: 1\nschool:\n  name: "一中\xef\xbf\xbf"\ndepartments:\n  - {id: d, name: "教务处\xef\xbf\xbe"}\nplan:\n  title: "计划\xef\xbf\xbf"\n  year: 2020\n  issuer: 一中\n  date: 2020-01-01\n  sections:\n    - title: "总则\xef\xbf\xbe"\n      id: t1\n      lead: d\n      text: "a\xc2\x80b\xef\xbf\xbfc"\n' >nonchar/nonchar.yaml
run render --keep-punctuation --format md,txt,docx,pdf,xlsx -o nonchar nonchar/nonchar.yaml
expect_code 0
grep -qF $'计划\xef\xbf\xbf' nonchar/nonchar.plan.txt || fail "the .txt lost U+FFFF"
grep -qF $'a\xc2\x80b\xef\xbf\xbfc' nonchar/nonchar.plan.md || fail "the .md lost U+0080 or U+FFFF"
set +e
$PY - nonchar/nonchar.plan.docx nonchar/nonchar.tasks.xlsx >"$T/stdout" 2>"$T/stderr" <<'PY'
import sys, zipfile, xml.dom.minidom
import docx, openpyxl
for path in sys.argv[1:]:
    with zipfile.ZipFile(path) as z:
        for part in z.namelist():
            if part.endswith((".xml", ".rels")):
                xml.dom.minidom.parseString(z.read(part))  # raises when ill-formed
texts = [p.text for p in docx.Document(sys.argv[1]).paragraphs]
assert "计划" in texts and "a\x80bc" in texts, texts
cells = [c.value for row in openpyxl.load_workbook(sys.argv[2])["任务分工"].iter_rows() for c in row]
assert "总则\ufffd" in cells and "教务处\ufffd" in cells, cells
print("noncharacters: well-formed docx and xlsx")
PY
CODE=$?
set -e
expect_code 0
cat "$T/stdout"
echo "safety_hostile: ok"
