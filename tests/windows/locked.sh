#!/usr/bin/env bash
# A document open in Word or WPS cannot be replaced on Windows: planctl.exe says to close it,
# exits 2, and leaves every output as it was (no half-written file, no temporary file).
set -uo pipefail
source "$(dirname "$0")/lib.bash"
x86_64-w64-mingw32-gcc -municode -O1 -o "$work/hold_open.exe" "$(dirname "$0")/hold_open.c" ||
  { echo "FAIL: cannot build hold_open.exe"; exit 1; }
mkdir -p "$work/办公室"
cp "$PLANCTL_SOURCE_DIR/examples/minimal.yaml" "$work/办公室/某某.yaml"
cd "$work/办公室"
win render --as-of "$as_of" 某某.yaml >/dev/null 2>&1 || fail "first render"
before=$(sha256sum -- * .[!.]* 2>/dev/null)
wine "$work/hold_open.exe" 某某.plan.docx release ready &
holder=$!
for _ in $(seq 100); do [ -f ready ] && break; sleep 0.1; done
[ -f ready ] || fail "hold_open.exe did not start"
rm -f ready
win render --as-of 2021-07-01 --force 某某.yaml >"$work/out" 2>&1
rc=$?
touch release
wait $holder
cat "$work/out"
[ $rc -eq 2 ] && ok "exit 2" || fail "exit $rc, not 2"
grep -q 'close 某某.plan.docx in Word or WPS and run again' "$work/out" && ok "the message names the document" ||
  fail "no 'close 某某.plan.docx in Word or WPS' message"
after=$(sha256sum -- * .[!.]* 2>/dev/null | grep -v ' release$')
[ "$before" = "$after" ] && ok "every output unchanged, no temporary file left" ||
  { fail "the outputs changed"; diff <(echo "$before") <(echo "$after"); }
exit $status
