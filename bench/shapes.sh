#!/usr/bin/env bash
# The full-size sweep of tests/cli/limits_shapes.sh: every shape of tests/cli/lib/shapes.py at
# SIZE bytes (default just under 16 MiB, the largest legal file), run through validate, render
# and status under /usr/bin/time, printed as the Markdown table of docs/security.md ("Worst
# cases, measured"): CPU seconds (user + system), wall seconds, peak MB, output bytes and
# findings bytes. Nothing is checked here; the bounds are the test's.
#
#   PLANCTL=build/planctl bash bench/shapes.sh              every shape at 16 MiB (minutes)
#   PLANCTL=build/planctl bash bench/shapes.sh 6000000 monthly-long-period   one shape, 6 MB
set -euo pipefail

SRC=$(cd "$(dirname "$0")/.." && pwd)
PLANCTL=${PLANCTL:-$SRC/build/planctl}
SIZE=${1:-$((16 * 1024 * 1024 - 1024))}
shift || true
T=$(mktemp -d "${TMPDIR:-/tmp}/planctl-shapes.XXXXXX")
trap 'rm -rf "$T"' EXIT
/usr/bin/python3 "$SRC/tests/cli/lib/shapes.py" "$T" "$SIZE" "$@"

echo "| shape | file bytes | command | exit | cpu s | wall s | peak MB | output bytes | findings bytes |"
echo "|---|---|---|---|---|---|---|---|---|"
for file in "$T"/*.yaml; do
  shape=$(basename "$file" .yaml)
  for cmd in validate render status; do
    rm -rf "$T/out" && mkdir "$T/out"
    args=("$cmd")
    [[ $cmd == render ]] && args+=(-o "$T/out")
    [[ $cmd == status ]] && args+=(--as-of 2020-06-01)
    set +e
    /usr/bin/time -f '%U %S %e %M' -o "$T/time" "$PLANCTL" "${args[@]}" "$file" >"$T/stdout" 2>"$T/stderr" </dev/null
    code=$?
    set -e
    read -r user sys wall kb < <(tail -n 1 "$T/time")
    printf '| %s | %s | %s | %s | %.2f | %s | %d | %s | %s |\n' "$shape" "$(stat -c %s "$file")" "$cmd" \
      "$code" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$wall" $((kb / 1024)) \
      "$(du -sb "$T/out" | cut -f1)" $(($(stat -c %s "$T/stdout") + $(stat -c %s "$T/stderr")))
  done
done
