# Shared by tests/windows/*.sh (run by tests/windows/run.sh): the Linux build and planctl.exe
# under Wine, run on the same inputs from the same folder so that relative paths read alike.
: "${PLANCTL:?the Linux planctl}" "${PLANCTL_EXE:?planctl.exe}" "${PLANCTL_SOURCE_DIR:?}"
: "${WINEPREFIX:?}"
export WINEDEBUG=-all
# The same documents on every system: the same day for task states and document dates.
export SOURCE_DATE_EPOCH=1609459200 # 2021-01-01
as_of=2021-06-30
# The formats planctl.exe writes (built without the PDF writer): both builds are asked for them.
formats=md,txt,docx,xlsx
work=$(mktemp -d "${TMPDIR:-/tmp}/planctl-win.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*"; status=1; }
ok() { echo "ok   $*"; }
# planctl.exe with the given arguments; standard input as given to this function.
win() { wine "$PLANCTL_EXE" "$@"; }
# Runs the same command with both builds in folders $work/lin and $work/win (copies of
# $work/in), capturing stdout, stderr and the exit status into $work/{lin,win}.{out,err,rc}.
both() {
  for side in lin win; do
    rm -rf "${work:?}/$side" && cp -r "$work/in" "$work/$side"
    if [ $side = lin ]; then
      (cd "$work/$side" && "$PLANCTL" "$@" </dev/null >"$work/$side.out" 2>"$work/$side.err"; echo $? >"$work/$side.rc")
    else
      (cd "$work/$side" && win "$@" </dev/null >"$work/$side.out" 2>"$work/$side.err"; echo $? >"$work/$side.rc")
    fi
  done
}
# Compares the last both(): messages, exit status and every file, byte for byte; paths
# aside: Windows joins each folder named after WHAT to a file name with a backslash (written
# \\ in JSON), in messages and in the re-run records' "input". Times ("用时 0.46 秒") aside.
same() {
  local what=$1 d f
  shift
  for d in "$@"; do
    sed -i "s|$d\\\\\\\\|$d/|g; s|$d\\\\|$d/|g" "$work/win.out" "$work/win.err"
    find "$work/win" -name '.*.planctl.json' -exec sed -i "s|$d\\\\\\\\|$d/|g" {} +
  done
  for f in "$work"/{lin,win}.{out,err}; do
    sed -i -E 's/(用时|in) [0-9.]+ (秒|s)/\1 T \2/' "$f"
  done
  if cmp -s "$work/lin.out" "$work/win.out" && cmp -s "$work/lin.err" "$work/win.err" &&
    cmp -s "$work/lin.rc" "$work/win.rc" && diff -r "$work/lin" "$work/win" >/dev/null; then
    ok "$what (exit $(cat "$work/lin.rc"))"
  else
    fail "$what: planctl.exe differs from the Linux build"
    diff -u "$work/lin.out" "$work/win.out" | head -20
    diff -u "$work/lin.err" "$work/win.err" | head -20
    echo "exit: linux $(cat "$work/lin.rc"), windows $(cat "$work/win.rc")"
    diff -r "$work/lin" "$work/win" | head -20
  fi
}
