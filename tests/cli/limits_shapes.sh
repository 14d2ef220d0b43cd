# Costs proportional to the input (docs/security.md, "Worst cases, measured"; issue #19): every
# shape of tests/cli/lib/shapes.py, the largest legal ones and the hostile reproducers, is
# written here at two sizes and run through validate, render, status and batch -j 2. Each run
# must stay within the bounds below, and the cost must grow with the size no faster than
# linearly: a quadratic step shows as a large run costing far more than four small ones. The
# full-size sweep (16 MiB files) is bench/shapes.sh.
source "$(dirname "$0")/lib/common.bash"

command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time is missing (package time)" >&2; exit 125; }

# Sizes in bytes; the large one is four times the small one. The bounds are the issue's for a
# 16 MiB file, so at these sizes they hold with room; the growth check is what catches a
# square. A sanitizer build (ASan, Debug) is ten to fifty times slower and uses two to three
# times the memory: smaller files, no time bound, memory bounds doubled.
small=60000
large=240000
validate_mb=256
render_mb=512
max_cpu=2
sanitized=no
if planctl_is_sanitized; then
  sanitized=yes
  small=15000
  large=60000
  validate_mb=512
  render_mb=1024
  max_cpu=0 # not checked
  # ASan keeps 256 MB of freed memory per process in quarantine by default: with the PDF's
  # faces and pages, batch -j 2 of every shape peaked at 1,174 MB, 433 MB with 16 MB of
  # quarantine (what fuzz/run.sh uses). The memory is then planctl's, not ASan's bookkeeping.
  export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=16"
fi
findings_max=$((256 * 1024))

mkdir small large
/usr/bin/python3 "$SRC/tests/cli/lib/shapes.py" small "$small"
/usr/bin/python3 "$SRC/tests/cli/lib/shapes.py" large "$large"
shapes=$(cd large && ls *.yaml | sed 's/\.yaml$//')
[[ $(wc -w <<<"$shapes") -ge 11 ]] || fail "shapes.py wrote $(wc -w <<<"$shapes") shapes"

report="$T/report.md"
printf '| shape | command | size | exit | cpu s | peak MB | output bytes | findings bytes |\n|---|---|---|---|---|---|---|---|\n' >"$report"

# measure SIZE FILE MAX_MB ARGS...: runs planctl under /usr/bin/time; sets CPU (user + system
# seconds), MB (peak resident), OUT (bytes written into out/) and FINDINGS (the findings:
# validate's standard output and error, the other commands' standard error), and checks them
# against the bounds, the outputs' for FILE's bytes (or MEASURE_BYTES when set).
measure() {
  local size="$1" file="$2" max_mb="$3"
  shift 3
  rm -rf out && mkdir out
  set +e
  /usr/bin/time -f '%U %S %M' -o "$T/time" "$PLANCTL" "$@" >"$T/stdout" 2>"$T/stderr" </dev/null
  CODE=$?
  set -e
  ((CODE <= 1)) || fail "planctl $*: exit $CODE"
  local user sys kb
  read -r user sys kb < <(tail -n 1 "$T/time")
  CPU=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  MB=$((kb / 1024))
  OUT=$(du -sb out | cut -f1)
  FINDINGS=$(stat -c %s "$T/stderr")
  [[ $1 == validate ]] && FINDINGS=$((FINDINGS + $(stat -c %s "$T/stdout")))
  local bytes
  bytes=${MEASURE_BYTES:-$(stat -c %s "$file")}
  printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$(basename "$file" .yaml)" "$1" "$size" \
    "$CODE" "$CPU" "$MB" "$OUT" "$FINDINGS" >>"$report"
  ((MB <= max_mb)) || fail "planctl $*: peak $MB MB is over $max_mb MB"
  if [[ "$max_cpu" != 0 ]]; then
    awk -v c="$CPU" -v m="$max_cpu" 'BEGIN { exit !(c <= m) }' || fail "planctl $*: $CPU s is over $max_cpu s"
  fi
  ((OUT <= 32 * bytes + 1024 * 1024)) || fail "planctl $*: $OUT bytes of outputs for a $bytes-byte file"
  ((FINDINGS <= findings_max)) || fail "planctl $*: $FINDINGS bytes of findings"
}

# grows LABEL SMALL LARGE FLOOR: LARGE (measured on a four times larger file) is at most
# four times SMALL, with a factor 2 of slack and FLOOR for what does not grow (start-up, the
# binary's own pages, timer noise).
grows() {
  awk -v s="$2" -v l="$3" -v f="$4" 'BEGIN { exit !(l <= 8 * s + f) }' ||
    fail "$1 grows faster than the file: $2 at $small bytes, $3 at $large bytes"
}

for shape in $shapes; do
  for cmd in validate render; do
    max_mb=$validate_mb
    [[ $cmd == render ]] && max_mb=$render_mb
    args=("$cmd")
    [[ $cmd == render ]] && args+=(-o out)
    measure small "small/$shape.yaml" "$max_mb" "${args[@]}" "small/$shape.yaml"
    cpu_small=$CPU mb_small=$MB out_small=$OUT
    measure large "large/$shape.yaml" "$max_mb" "${args[@]}" "large/$shape.yaml"
    grows "$cmd $shape: cpu seconds" "$cpu_small" "$CPU" 0.5
    grows "$cmd $shape: peak MB" "$mb_small" "$MB" 24
    grows "$cmd $shape: output bytes" "$out_small" "$OUT" 65536
  done
done

# Every report format stays within the findings bound, with source lines too.
for shape in $shapes; do
  for format in "--color always" "--format json" "--format github" "--format junit"; do
    # shellcheck disable=SC2086
    measure large "large/$shape.yaml" "$validate_mb" validate $format "large/$shape.yaml"
  done
done

# status reads one shape at a time (its bound is per file); batch sees every shape at once.
for shape in $shapes; do
  measure large "large/$shape.yaml" "$validate_mb" status -j 1 --as-of 2020-06-01 "large/$shape.yaml"
done
# The CPU bound is per file: the batch of every shape gets it once per file.
n_shapes=$(wc -w <<<"$shapes")
if [[ "$max_cpu" != 0 ]]; then max_cpu=$((max_cpu * n_shapes)); fi
# Its outputs are held to the bound of all the files it reads.
MEASURE_BYTES=$(cat large/*.yaml | wc -c) measure large large/small-nodes.yaml "$render_mb" batch -j 2 -o out large

# The reproducers of issue #19 say what is wrong in few lines: a name shared by thousands
# of departments is one finding, each repeat a warning, and no line quotes a long value.
run validate large/ambiguous-departments.yaml
expect_code 1
[[ $(grep -c '\[ambiguous-reference\]' "$T/stdout") == 1 ]] || fail "ambiguous-reference not reported once"
out_matches '^large/ambiguous-departments.yaml:[0-9]+:[0-9]+: warning: "X" is listed again in "support" \(first on line [0-9]+\); it counts once, remove the repeat \[duplicate-reference\]$'
out_matches 'is the name of [0-9,]+ departments \(lines 5, 6, 7, 8, 9 and [0-9]+ more\); use the id instead: "e0", "e1", "e2", "e3", "e4", …'
run validate large/repeated-task-refs.yaml
out_has '[duplicate-reference]'
awk 'length($0) > 1000 { exit 1 }' "$T/stdout" || fail "a finding line is over 1,000 bytes"

cat "$report"
if [[ -n "${PLANCTL_LIMITS_REPORT:-}" ]]; then
  cp "$report" "$PLANCTL_LIMITS_REPORT"
fi
