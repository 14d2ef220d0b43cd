# planctl render: output names, formats, atomic all-or-nothing writing, refusal on errors.
source "$(dirname "$0")/lib/common.bash"
write_fixtures
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1609372800 # 2020-12-31

no_temps() { [[ -z "$(ls -A "$1" | grep '^\.planctl-')" ]] || fail "temporary files left in $1"; }
sorted_ls() { ls -A "$1" | sort | tr '\n' ' '; }

# Every output of a file with a report, and of one without; one line per written file.
mkdir out
run render -o out "$EXAMPLES/pingan-no2-2020.yaml" "$EXAMPLES/minimal.yaml"
expect_code 0
expect_out "out/minimal.plan.md
out/minimal.plan.txt
out/minimal.plan.docx
out/minimal.plan.pdf
out/minimal.tasks.xlsx
out/pingan-no2.plan.md
out/pingan-no2.plan.txt
out/pingan-no2.plan.docx
out/pingan-no2.plan.pdf
out/pingan-no2.report.md
out/pingan-no2.report.txt
out/pingan-no2.report.docx
out/pingan-no2.report.pdf
out/pingan-no2.tasks.xlsx"
# Standard error holds at most the one warning a run that names the PDF's stand-in fonts
# (docs/pdf.md "Fonts"; on a machine without the GB/T 9704 faces, as CI).
if [[ -s "$T/stderr" ]]; then
  [[ "$(wc -l <"$T/stderr")" == 1 ]] &&
    grep -qx 'planctl: warning: the GB/T 9704 fonts are not all installed; the PDF uses .*' "$T/stderr" ||
    fail "stderr is not only the fonts warning"
fi
no_temps out
grep -q '^　　一、总体要求$' out/pingan-no2.plan.txt || fail "plan text"
grep -q '2020年创建民族团结进步先进区工作总结' out/pingan-no2.report.md || fail "report title"
for f in out/*.docx out/*.xlsx; do
  $PY -c 'import sys, zipfile; assert zipfile.ZipFile(sys.argv[1]).testzip() is None' "$f" ||
    fail "$f is not a zip package"
done

# The same input and SOURCE_DATE_EPOCH give the same bytes.
mkdir again
run render -o again "$EXAMPLES/pingan-no2-2020.yaml" "$EXAMPLES/minimal.yaml"
for f in out/*; do cmp -s "$f" "again/${f#out/}" || fail "$f differs between runs"; done

# Without -o: the current folder, bare names; --format picks a subset.
mkdir here && cd here
run render --format txt,md "$EXAMPLES/minimal.yaml"
expect_code 0
expect_out $'minimal.plan.md\nminimal.plan.txt'
[[ "$(sorted_ls .)" == ".minimal.planctl.json minimal.plan.md minimal.plan.txt " ]] || fail "unexpected files: $(sorted_ls .)"
run render -f xlsx -f docx "$EXAMPLES/minimal.yaml"
expect_out $'minimal.plan.docx\nminimal.tasks.xlsx'
cd "$T"

# A file with errors: its diagnostics, exit 1, and nothing written at all, even for the
# valid file beside it; earlier outputs stay as they were.
cp -a out before
run render -o out bad.yaml "$EXAMPLES/minimal.yaml"
expect_code 1
out_empty
grep -qE '^bad\.yaml:4:3: error: unknown key "nmae" .* \[unknown-key\]$' "$T/stderr" || fail "diagnostics"
err_has "2 files checked: 3 errors, 0 warnings (1 file fails)"
err_has "planctl: nothing was written: 1 file does not pass the checks"
for f in before/*; do cmp -s "$f" "out/${f#before/}" || fail "${f#before/} was changed"; done
[[ "$(sorted_ls out)" == "$(sorted_ls before)" ]] || fail "files added to out"

# Warnings are printed and rendering goes on.
mkdir w
run render -o w -f md warn.yaml
expect_code 0
expect_out "w/warn.plan.md"
grep -qE '^warn\.yaml:9:14: warning: .* \[heading-full-stop\]$' "$T/stderr" || fail "warning not shown"

# An unreadable input: exit 2, nothing written.
mkdir u
run render -o u missing.yaml "$EXAMPLES/minimal.yaml"
expect_code 2
[[ -z "$(ls -A u)" ]] || fail "files written despite an unreadable input"

# Two inputs with the same stem: refused before anything is written.
mkdir -p a b clash
cp "$EXAMPLES/minimal.yaml" a/plan.yaml
cp "$EXAMPLES/minimal.yaml" b/plan.yaml
run render -o clash a/plan.yaml b/plan.yaml
expect_code 2
expect_err 'planctl: error: "a/plan.yaml" and "b/plan.yaml" would both write the outputs named "plan.*"; give each school its own school.code'
[[ -z "$(ls -A clash)" ]] || fail "files written despite the clash"

# The output folder must exist and be a folder.
run render -o nowhere "$EXAMPLES/minimal.yaml"
expect_code 2
expect_err 'planctl: error: the output folder "nowhere" does not exist'
run render -o bad.yaml "$EXAMPLES/minimal.yaml"
expect_code 2
expect_err 'planctl: error: the output folder "bad.yaml" is not a folder'

# An output that cannot be written (a folder in the way) fails the run before any rename:
# earlier outputs untouched, no temporary files.
mkdir blocked
cp before/minimal.plan.md blocked/
mkdir blocked/minimal.plan.txt
run render -o blocked -f md,txt "$EXAMPLES/minimal.yaml"
expect_code 2
err_has "a folder has that name; nothing was written"
cmp -s blocked/minimal.plan.md before/minimal.plan.md || fail "minimal.plan.md was changed"
no_temps blocked

# A symlink planted at an output name is replaced, never written through.
mkdir s
echo precious >victim.txt
ln -s "$T/victim.txt" s/minimal.plan.md
run render -o s -f md "$EXAMPLES/minimal.yaml"
expect_code 0
[[ "$(cat victim.txt)" == precious ]] || fail "the symlink was followed"
[[ ! -L s/minimal.plan.md ]] || fail "the symlink is still there"

# --as-of must be a real date; the default honours SOURCE_DATE_EPOCH.
run render -o out --as-of 2020-02-30 "$EXAMPLES/minimal.yaml"
expect_code 2
expect_err 'planctl: error: --as-of "2020-02-30" is not a date; write YYYY-MM-DD, e.g. 2020-12-31'
mkdir d1 d2
run render -o d1 -f xlsx "$EXAMPLES/pingan-no2-2020.yaml"
run render -o d2 -f xlsx --as-of 2020-12-31 "$EXAMPLES/pingan-no2-2020.yaml"
cmp -s d1/pingan-no2.tasks.xlsx d2/pingan-no2.tasks.xlsx || fail "--as-of default is not SOURCE_DATE_EPOCH"
run render --format odt "$EXAMPLES/minimal.yaml"
expect_code 2
err_has 'unknown format "odt"; use one of md, txt, docx, pdf, xlsx'
# --format pdf writes the PDF alone (tests/roundtrip/test_pdf_read.py reads it back).
mkdir p
run render -o p --format pdf "$EXAMPLES/minimal.yaml"
expect_code 0
expect_out 'p/minimal.plan.pdf'
[ "$(head -c 5 p/minimal.plan.pdf)" = "%PDF-" ] || fail "minimal.plan.pdf is not a PDF"
echo "render: ok"
