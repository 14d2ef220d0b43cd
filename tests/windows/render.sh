#!/usr/bin/env bash
# render under Wine into a Chinese-named folder: every output (.md .txt .docx .xlsx and the
# re-run record) byte-identical to the Linux build's for the same input and --as-of; a second
# run finds them up to date. Both are asked for the formats planctl.exe writes (it has no PDF
# writer, docs/windows.md), which the Linux build's default set goes beyond.
set -uo pipefail
source "$(dirname "$0")/lib.bash"
mkdir -p "$work/in/计划" "$work/in/输出 文件夹"
cp "$PLANCTL_SOURCE_DIR"/examples/*.yaml "$work/in/计划/"
cp "$PLANCTL_SOURCE_DIR/examples/minimal.yaml" "$work/in/计划/某某小学.yaml"
both render --as-of "$as_of" --format "$formats" -o "输出 文件夹" 计划
same "render $(ls "$work/in/计划" | wc -l) plans into 输出 文件夹/"
ls "$work/win/输出 文件夹" | grep -q '^某某小学.plan.docx$' || fail "某某小学.plan.docx not written"
# Re-run in the folder the first run wrote: nothing to do, on both.
for side in lin win; do rm -rf "${work:?}/in" && cp -r "$work/$side" "$work/in.$side"; done
rm -rf "$work/in" && mv "$work/in.win" "$work/in"
both render --as-of "$as_of" --format "$formats" -o "输出 文件夹" 计划
same "re-run: outputs up to date"
exit $status
