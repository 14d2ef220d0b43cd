# Shared helpers for tests/cli/*.sh: run the built planctl and assert on its exit code and
# output. Each test script sources this file; $PLANCTL is the binary under test.
set -euo pipefail

if [[ -z "${PLANCTL:-}" || ! -x "$PLANCTL" ]]; then
  echo "PLANCTL is not set to the built binary; skipping" >&2
  exit 125
fi
SRC="${PLANCTL_SOURCE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}"
EXAMPLES="$SRC/examples"
export LC_ALL=C.UTF-8
unset NO_COLOR LANG LC_MESSAGES

source "$(dirname "${BASH_SOURCE[0]}")/tmpdir.bash"
test_tmpdir T
cd "$T"

fail() {
  echo "FAIL: $*" >&2
  echo "--- exit code: ${CODE:-?}" >&2
  echo "--- stdout:" >&2
  cat "$T/stdout" >&2 2>/dev/null || true
  echo "--- stderr:" >&2
  cat "$T/stderr" >&2 2>/dev/null || true
  exit 1
}

# run ARGS...: runs planctl; sets CODE, and leaves its output in $T/stdout and $T/stderr.
run() {
  set +e
  "$PLANCTL" "$@" >"$T/stdout" 2>"$T/stderr" </dev/null
  CODE=$?
  set -e
}

# run_stdin FILE ARGS...: as run, with FILE on standard input.
run_stdin() {
  local input="$1"
  shift
  set +e
  "$PLANCTL" "$@" >"$T/stdout" 2>"$T/stderr" <"$input"
  CODE=$?
  set -e
}

# True when $PLANCTL is a sanitizer build (ASan): resource tests loosen their bounds for it.
planctl_is_sanitized() { [[ "$(nm "$PLANCTL" 2>/dev/null | grep -c '__asan_init')" != 0 ]]; }

expect_code() { [[ "$CODE" == "$1" ]] || fail "expected exit code $1, got $CODE"; }
# expect_out TEXT / expect_err TEXT: the whole stream equals TEXT (a final newline added).
expect_out() { [[ "$(cat "$T/stdout")" == "$1" ]] || fail "stdout is not: $1"; }
expect_err() { [[ "$(cat "$T/stderr")" == "$1" ]] || fail "stderr is not: $1"; }
# out_has / err_has TEXT: the stream contains the fixed string TEXT.
out_has() { grep -qF -- "$1" "$T/stdout" || fail "stdout lacks: $1"; }
err_has() { grep -qF -- "$1" "$T/stderr" || fail "stderr lacks: $1"; }
out_lacks() { ! grep -qF -- "$1" "$T/stdout" || fail "stdout has: $1"; }
out_empty() { [[ ! -s "$T/stdout" ]] || fail "stdout is not empty"; }
# out_matches REGEX: some line of stdout matches the extended regular expression.
out_matches() { grep -qE -- "$1" "$T/stdout" || fail "no stdout line matches: $1"; }

# Small plan files used by several tests.
write_fixtures() {
  cat >"$T/bad.yaml" <<'YAML'
version: 1
school:
  name: 一中
  nmae: x
plan:
  title: 计划
  year: 2020
  issuer: 一中
  date: 2020-02-30
  sections: [{title: 总则, deu: 2020-05}]
YAML
  cat >"$T/warn.yaml" <<'YAML'
version: 1
school: {name: 一中}
plan:
  title: 计划
  year: 2020
  issuer: 一中
  date: 2020-01-01
  sections:
    - title: 总则。
YAML
  {
    printf 'version: 1\nschool:\n  name: 一中\n'
    for i in $(seq 1 12); do printf '  a%d: 1\n' "$i"; done
    printf 'plan:\n  title: 计划\n  year: 2020\n  issuer: 一中\n  date: 2020-01-01\n'
    printf '  sections:\n    - title: 总则。\n'
  } >"$T/many.yaml"
}
