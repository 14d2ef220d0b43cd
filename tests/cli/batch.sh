# planctl batch: a folder of generated schools and one broken file. The good files are all
# rendered, the broken one is listed in the summary's 问题清单 and on standard error, the exit
# code is 1; in CI the per-file lines come in input order whatever the number of threads.
source "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3
"$PY" -c 'import openpyxl' 2>/dev/null || { echo "openpyxl is missing; skipping" >&2; exit 125; }
write_fixtures

mkdir -p plans/sub plans/.github/workflows
"$PY" "$SRC/bench/gen_plans.py" --schools 4 --tasks 12 --activities 20 --out plans 2>/dev/null
cp "$T/bad.yaml" plans/sub/broken.yaml
# Hidden folders (a CI workflow) and other files are not plan files.
printf 'name: ci\non: push\n' >plans/.github/workflows/plans.yml
printf 'notes\n' >plans/README.md

export CI=true
run batch plans -o out -j 2 --as-of 2020-12-31
expect_code 1
out_empty
for i in 1 2 3 4; do
  grep -qxF "[$i/5] rendered plans/school-00$i.yaml → school-00$i.* (9 files)" "$T/stderr" ||
    fail "no CI line for school $i"
done
grep -qxF "[5/5] failed   plans/sub/broken.yaml (3 errors)" "$T/stderr" || fail "no line for the broken file"
# The broken file's findings, as validate prints them.
err_has 'plans/sub/broken.yaml:4:3: error: unknown key "nmae" in "school" (did you mean "name"?) [unknown-key]'
err_has "summary: out/district-summary.xlsx"
grep -qE '^batch: 4 rendered, 1 failed, in [0-9]+\.[0-9]{2} s$' "$T/stderr" || fail "no final line"
[[ "$(tail -n 1 "$T/stderr")" == batch:* ]] || fail "the final line is not last"
! grep -q $'\r' "$T/stderr" || fail "a progress bar was drawn in CI"
grep '^\[' "$T/stderr" >lines-j2.txt

# Every output of every good school, nothing for the broken one, no temporary files.
for i in 1 2 3 4; do
  for f in plan.md plan.txt plan.docx report.md report.txt report.docx tasks.xlsx; do
    [[ -s out/school-00$i.$f ]] || fail "out/school-00$i.$f is missing"
  done
done
[[ $(ls out | wc -l) == 37 ]] || fail "out holds $(ls out | wc -l) files, not 4 × 9 + 1"
# Besides them only the re-run records of the good schools (docs/cli.md, "Re-runs").
[[ "$(ls -A out | grep '^\.' | tr '\n' ' ')" == ".school-001.planctl.json .school-002.planctl.json .school-003.planctl.json .school-004.planctl.json " ]] ||
  fail "hidden files in out: $(ls -A out | grep '^\.' | tr '\n' ' ')"
! ls out | grep -q broken || fail "the broken file has outputs"

# Each school's outputs are those of `render`.
run render plans/school-002.yaml -o "$T" --as-of 2020-12-31
expect_code 0
cmp -s out/school-002.plan.md school-002.plan.md || fail "batch and render differ (plan.md)"
cmp -s out/school-002.tasks.xlsx school-002.tasks.xlsx || fail "batch and render differ (xlsx)"

# The summary, read by a real reader.
"$PY" - out/district-summary.xlsx <<'PY' || fail "district-summary.xlsx is not as expected"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["汇总", "问题清单"], wb.sheetnames
ws = wb["汇总"]
header = [c.value for c in ws[3]]
assert header == ["学校", "代码", "计划标题", "任务数", "已完成", "进行中", "逾期", "未开始",
                  "长期", "活动数", "最近活动日期", "校验结果", "文件"], header
assert ws.freeze_panes == "A4", ws.freeze_panes
assert ws.auto_filter.ref == "A3:M8", ws.auto_filter.ref
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=4, max_row=8)]
files = [r[12] for r in rows]
assert files == ["plans/school-001.yaml", "plans/school-002.yaml", "plans/school-003.yaml",
                 "plans/school-004.yaml", "plans/sub/broken.yaml"], files
for r in rows[:4]:
    assert r[1].startswith("school-00") and r[3] == 12 and sum(r[4:9]) == 12, r
    assert r[9] == 20 and r[10] is not None and r[11] == "通过", r
broken = rows[4]
assert broken[0] == "一中" and broken[3] is None and broken[11] == "3个错误", broken
total = [c.value for c in ws[9]]
assert total[0] == "合计" and total[3] == "=SUM(D4:D8)", total
for r in ws.iter_rows(min_row=4, max_row=8):
    for c in r:
        assert not (isinstance(c.value, str) and c.value.startswith("=")), c.value
ws = wb["问题清单"]
assert [c.value for c in ws[3]] == ["文件", "行", "列", "级别", "规则", "说明"]
problems = [[c.value for c in r] for r in ws.iter_rows(min_row=4) if r[0].value]
assert len(problems) == 3, problems
assert all(p[0] == "plans/sub/broken.yaml" and p[3] == "错误" for p in problems), problems
assert problems[0][1:3] == [4, 3] and problems[0][4] == "unknown-key", problems[0]
assert "nmae" in problems[0][5], problems[0]
assert ws.freeze_panes == "A4" and ws.auto_filter.ref == "A3:F6", (ws.freeze_panes, ws.auto_filter.ref)
PY

# One thread gives the same lines and the same summary bytes.
cp out/district-summary.xlsx summary-j2.xlsx
# (A fresh folder: into out, every school would be up to date and not rendered again.)
run batch plans -o out-j1 -j 1 --as-of 2020-12-31
expect_code 1
grep '^\[' "$T/stderr" >lines-j1.txt
cmp -s lines-j1.txt lines-j2.txt || fail "the CI lines depend on the number of threads"
cmp -s out-j1/district-summary.xlsx summary-j2.xlsx || fail "the summary depends on the number of threads"

# One pass per school: its outputs are staged under temporary names and renamed into place
# once every school is through (docs/cli.md, "planctl batch"); none is left behind.
! ls -A out out-j1 | grep -q '^\.planctl-' || fail "temporary files were left behind"

# Files given one by one, in any order, and in Chinese.
run batch plans/school-003.yaml plans/school-001.yaml -o out2 --as-of 2020-12-31 --lang zh
expect_code 0
grep -qxF "[1/2] 已生成 plans/school-001.yaml → school-001.*（9个文件）" "$T/stderr" ||
  fail "no Chinese CI line"
grep -qE '^batch：已生成 2 个，失败 0 个，用时 [0-9]+\.[0-9]{2} 秒$' "$T/stderr" ||
  fail "no Chinese final line"
[[ -d out2 && -s out2/district-summary.xlsx ]] || fail "-o was not created"

# --format picks each school's outputs; the summary is always written.
run batch plans/school-001.yaml -o out3 --format md --as-of 2020-12-31
expect_code 0
[[ "$(ls out3 | tr '\n' ' ')" == "district-summary.xlsx school-001.plan.md school-001.report.md " ]] ||
  fail "--format md wrote: $(ls out3)"

# Usage errors.
run batch plans -o plans/school-001.yaml
expect_code 2
err_has "is not a folder"
mkdir empty
run batch empty -o out4
expect_code 2
err_has 'no .yaml or .yml files in "empty"'
err_has "no plan files to work on"
[[ ! -e out4 ]] || fail "out4 was created for nothing"
run batch plans -o out -j 0
expect_code 2

# A file that cannot be read fails alone.
run batch plans/school-001.yaml missing.yaml -o out5 --as-of 2020-12-31
expect_code 2
err_has "missing.yaml: error: cannot read the file"
[[ -s out5/school-001.plan.md ]] || fail "the readable file was not rendered"
# A school whose outputs cannot be written (a folder in the way) fails alone, with an
# output-failed finding in the summary; the others are written.
mkdir -p out6/school-002.plan.md
run batch plans/school-001.yaml plans/school-002.yaml plans/school-003.yaml -o out6 --as-of 2020-12-31
expect_code 2
grep -qxF "[2/3] failed   plans/school-002.yaml (1 error)" "$T/stderr" || fail "no failed line for school 2"
err_has "plans/school-002.yaml: error: cannot write the outputs of this file:"
err_has "[output-failed]"
[[ -s out6/school-001.plan.md && -s out6/school-003.tasks.xlsx ]] || fail "the other schools were not written"
[[ ! -e out6/school-002.plan.txt ]] || fail "school 2 was partly written"
! ls -A out6 | grep -q '^\.planctl-' || fail "temporary files were left behind"
"$PY" - out6/district-summary.xlsx <<'PY' || fail "the output failure is not in the summary"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = [[c.value for c in r] for r in wb["汇总"].iter_rows(min_row=4, max_row=6)]
assert rows[1][11] == "1个错误" and rows[1][3] is None, rows[1]
assert rows[0][11] == "通过" and rows[0][3] == 12, rows[0]
problems = [[c.value for c in r] for r in wb["问题清单"].iter_rows(min_row=4) if r[0].value]
assert [p[4] for p in problems] == ["output-failed"], problems
assert problems[0][0] == "plans/school-002.yaml" and problems[0][1] is None, problems
PY
echo "batch: ok"
