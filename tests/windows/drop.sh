#!/usr/bin/env bash
# Drag-and-drop mode under Wine: plan files and a folder given to planctl.exe with no command
# are rendered next to each file, a Chinese summary is printed, and a key (piped in) closes it.
set -uo pipefail
source "$(dirname "$0")/lib.bash"
d="$work/桌面/德育处"
mkdir -p "$d" "$work/桌面/各校"
cp "$PLANCTL_SOURCE_DIR/examples/minimal.yaml" "$d/工作计划.yaml"
cp "$PLANCTL_SOURCE_DIR/examples/school-year-2020.yaml" "$work/桌面/各校/一校.yaml"
cp "$PLANCTL_SOURCE_DIR/examples/minimal.yaml" "$work/桌面/各校/二校.yaml"
cd "$work/桌面"
printf 'x' | win 德育处/工作计划.yaml 各校 >"$work/out" 2>"$work/err"
rc=$?
cat "$work/out"
[ $rc -eq 0 ] && ok "exit 0" || fail "exit $rc"
[ -f 德育处/工作计划.plan.docx ] && ok "written next to the dropped file" ||
  fail "德育处/工作计划.plan.docx not written"
for s in 一校 二校; do
  ls 各校 | grep -q "\.plan\.docx$" || fail "nothing written in 各校"
done
grep -q '已生成' "$work/out" && grep -q '按任意键关闭此窗口' "$work/out" && ok "Chinese summary" ||
  fail "no Chinese summary"
# The same documents as `planctl render` writes on Linux.
mkdir "$work/lin"
(cd "$work/lin" && "$PLANCTL" render "$d/工作计划.yaml" -o . >/dev/null 2>&1)
for f in "$work/lin"/*.plan.md "$work/lin"/*.plan.txt; do
  cmp -s "$f" "德育处/$(basename "$f")" || fail "$(basename "$f") differs from the Linux build's"
done
# A plan with an error: nothing written, the finding in Chinese, exit 1.
printf 'format: 1\nschool: {name: 某校}\n' >坏计划.yaml
printf 'x' | win 坏计划.yaml >"$work/out" 2>&1
rc=$?
[ $rc -eq 1 ] && ok "a plan with errors: exit 1" || fail "a plan with errors: exit $rc"
grep -q '未生成' "$work/out" && grep -q '坏计划.yaml:' "$work/out" && ok "findings shown" ||
  { fail "no findings shown"; cat "$work/out"; }
ls | grep -q '^坏计划\.plan' && fail "outputs written for a plan with errors"
# Not a plan file: the usual unknown-command error, no waiting.
win 说明.txt </dev/null >"$work/out" 2>&1
rc=$?
[ $rc -eq 2 ] && ok "a non-plan argument is an unknown command (exit 2)" || fail "non-plan: exit $rc"
exit $status
