# planctl batch on a terminal: a progress bar with counts and elapsed time, redrawn in place on
# standard error, and no per-file lines; with CI set, per-file lines even on a terminal.
source "$(dirname "$0")/lib/common.bash"
command -v script >/dev/null || { echo "no script(1) to make a terminal; skipping" >&2; exit 125; }
PY=/usr/bin/python3
[[ -x $PY ]] || { echo "no /usr/bin/python3; skipping" >&2; exit 125; }
"$PY" "$SRC/bench/gen_plans.py" --schools 3 --tasks 6 --activities 4 --out plans 2>/dev/null

# script(1) runs the command on a pseudo-terminal; standard error alone goes to the terminal.
on_terminal() {
  set +e
  script -qec "$1" /dev/null >"$T/tty" </dev/null
  CODE=$?
  set -e
}

unset CI
on_terminal "'$PLANCTL' batch plans -o out -j 2 --as-of 2020-12-31 --format md 2>/dev/tty >/dev/null"
expect_code 0
grep -qF $'\r\033[Kwriting   [' "$T/tty" || fail "no bar while writing: $(cat -v "$T/tty")"
grep -qE 'rendering \[#{24}\] 3/3, 0 failed, [0-9]+\.[0-9]{2} s' "$T/tty" ||
  fail "no full bar after rendering: $(cat -v "$T/tty")"
grep -qE 'batch: 3 rendered, 0 failed, in [0-9]+\.[0-9]{2} s' "$T/tty" || fail "no final line"
! grep -qF '[1/3]' "$T/tty" || fail "per-file lines on a terminal"
[[ -s out/school-003.plan.md ]] || fail "nothing rendered"

# A fresh folder: into out, the schools would be up to date and not rendered again.
on_terminal "CI=true '$PLANCTL' batch plans -o out-ci --as-of 2020-12-31 --format md 2>/dev/tty >/dev/null"
expect_code 0
grep -qF '[3/3] rendered plans/school-003.yaml → school-003.* (2 files)' "$T/tty" ||
  fail "no per-file lines with CI set: $(cat -v "$T/tty")"
! grep -qF '[####' "$T/tty" || fail "a bar with CI set"
echo "batch progress: ok"
