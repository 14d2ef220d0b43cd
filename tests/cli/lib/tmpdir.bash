# The working folder of a CLI test, and the shell options every CLI test runs under; sourced by
# lib/common.bash and by the tests that do not use it.
# - failglob: a pattern that matches no file is an error that fails the test ("no match: …"),
#   never a loop over nothing that passes silently. A test that means to accept an empty match
#   says so with `shopt -s nullglob` around that line.
# - test_tmpdir: a fresh folder that is removed when the test passes or skips, and kept, with its
#   path printed, when the test fails, so that what it wrote can be looked at.
shopt -s failglob

# test_tmpdir VAR: makes a temporary folder, stores its path in VAR, and arranges the above.
test_tmpdir() {
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/planctl-cli.XXXXXX")"
  printf -v "$1" '%s' "$dir"
  PLANCTL_TEST_TMPDIR=$dir
  trap '_test_tmpdir_exit' EXIT
}

_test_tmpdir_exit() {
  local code=$?
  if [[ $code -eq 0 || $code -eq 125 ]]; then
    rm -rf "$PLANCTL_TEST_TMPDIR"
  else
    echo "test failed (exit $code); its folder is kept: $PLANCTL_TEST_TMPDIR" >&2
  fi
  return "$code"
}
