# Every input a fuzz target ever failed on (tests/fuzz-regressions/TARGET/NAME), run through
# the binary: validate reads it (and render when the target rendered it, import when it
# imported it) without crashing, exiting 0 or 1 only. The loader's own property for fuzz_yaml_diff inputs (both YAML parsers
# build the same tree) is checked by tests/unit/load/test_load_yaml_fast.cpp on the same files.
# Under the ASan build (scripts/ci-asan.sh) any memory error or leak fails this test too.
source "$(dirname "$0")/lib/common.bash"
export SOURCE_DATE_EPOCH=1609372800

shopt -s nullglob
inputs=("$SRC"/tests/fuzz-regressions/*/*)
((${#inputs[@]} > 0)) || fail "no fuzz regression inputs in $SRC/tests/fuzz-regressions"
for input in "${inputs[@]}"; do
  name="${input#"$SRC"/tests/fuzz-regressions/}"
  for cmd in validate "validate --format json" status; do
    # shellcheck disable=SC2086
    run $cmd "$input"
    [[ "$CODE" == 0 || "$CODE" == 1 ]] || fail "$name: planctl $cmd: exit $CODE"
  done
  if [[ "$name" == fuzz_import/* ]]; then
    # A document: imported as text and as Markdown, the plan file written reads back as YAML.
    for ext in txt md; do
      cp "$input" "doc.$ext"
      run import "doc.$ext" -o "doc-$ext.yaml" --force
      [[ "$CODE" == 0 || "$CODE" == 1 ]] || fail "$name: planctl import as .$ext: exit $CODE"
      run validate "doc-$ext.yaml"
      [[ "$CODE" == 0 || "$CODE" == 1 ]] || fail "$name: validate of its .$ext import: exit $CODE"
      ! grep -q "yaml-syntax" "$T/stdout" "$T/stderr" || fail "$name: its .$ext import is not YAML"
    done
  fi
  if [[ "$name" == fuzz_render/* || "$name" == fuzz_yaml_diff/* ]]; then
    mkdir -p "out/$name"
    run render -o "out/$name" "$input"
    [[ "$CODE" == 0 || "$CODE" == 1 ]] || fail "$name: planctl render: exit $CODE"
    if [[ "$CODE" == 1 ]]; then
      [[ -z "$(ls -A "out/$name")" ]] || fail "$name: files written for a file with errors"
    fi
  fi
done
echo "safety_fuzz_regressions: ${#inputs[@]} inputs"
