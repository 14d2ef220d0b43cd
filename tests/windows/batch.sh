#!/usr/bin/env bash
# batch under Wine over twenty schools in Chinese-named files: the same outputs, district
# summary and messages as the Linux build, in the formats planctl.exe writes (no PDF).
set -uo pipefail
source "$(dirname "$0")/lib.bash"
mkdir -p "$work/gen" "$work/in/各校计划"
/usr/bin/python3 "$PLANCTL_SOURCE_DIR/bench/gen_plans.py" --schools 20 --tasks 12 --activities 20 \
  --out "$work/gen" >/dev/null
i=0
for f in "$work/gen"/*.yaml; do
  i=$((i + 1))
  cp "$f" "$work/in/各校计划/第$(printf %02d $i)学校.yaml"
done
[ "$i" -eq 20 ] || fail "the generator wrote $i plans, not 20"
both batch --as-of "$as_of" --format "$formats" --lang zh -j 2 -o 区汇总 各校计划
same "batch over $i schools into 区汇总/"
n=$(ls "$work/win/区汇总" | grep -c '\.plan\.docx$')
[ "$n" -eq 20 ] && ok "20 plans written" || fail "$n plans written, not 20"
exit $status
