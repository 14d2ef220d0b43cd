#!/usr/bin/env bash
# init and status under Wine: the same starter file and the same status tables.
set -uo pipefail
source "$(dirname "$0")/lib.bash"
mkdir -p "$work/in/新学期"
both init 新学期/计划.yaml
same "init 新学期/计划.yaml"
cp "$PLANCTL_SOURCE_DIR"/examples/*.yaml "$work/in/新学期/"
rm -f "$work/in/新学期/starter.yaml"
for format in text json; do
  both status --as-of "$as_of" --format "$format" 新学期
  same "status --format $format"
done
both init 新学期/school-year-2020.yaml
same "init refuses an existing file"
exit $status
