# Safe outputs (docs/security.md, "Outputs"): whatever stops a render midway (an output that
# cannot be written, a full disk, a file-size limit, a killed process), no final name ever
# holds a partial file, the previous outputs stay as they were, and no temporary file is left
# behind (except after kill -9, which leaves only hidden .planctl-*.tmp files).
source "$(dirname "$0")/lib/common.bash"
export SOURCE_DATE_EPOCH=1609372800 # 2020-12-31: the same input gives the same bytes

temps() { find "$1" -maxdepth 1 -name '.planctl-*' -printf '%f\n' | sort; }
no_temps() { [[ -z "$(temps "$1")" ]] || fail "temporary files left in $1: $(temps "$1")"; }
# snapshot DIR: the name and checksum of every file in DIR, one per line.
snapshot() { (cd "$1" && find . -mindepth 1 -maxdepth 1 -printf '%f %y\n' | sort | while read -r f y; do
  if [[ "$y" == f ]]; then echo "$f $(sha256sum <"$f" | cut -c1-16)"; else echo "$f $y"; fi
done); }
same_as() { [[ "$(snapshot "$1")" == "$2" ]] || { diff <(echo "$2") <(snapshot "$1") >&2 || true; fail "$1 changed"; }; }

# school.yaml: a plan with a report and tasks, named from the file (its code removed);
# next/school.yaml: the same school a year on, so every output differs from the first.
mkdir next
sed '/^  code:/d' "$EXAMPLES/pingan-no2-2020.yaml" >school.yaml
sed -e 's/2020年/2021年/g' school.yaml >next/school.yaml
cmp -s school.yaml next/school.yaml && fail "next/school.yaml is the same as school.yaml"

# 1. An output impossible to write (a folder squatting on the workbook's final name, the last
# output written): exit 2 before any rename, the earlier outputs keep their old bytes.
mkdir out
run render -o out school.yaml
expect_code 0
[[ "$(wc -l <stdout)" == 9 ]] || fail "expected 9 outputs (md, txt, docx, pdf of plan and report; xlsx)"
rm out/school.tasks.xlsx
mkdir out/school.tasks.xlsx
before=$(snapshot out)
run render -o out next/school.yaml
expect_code 2
err_has 'cannot write "out/school.tasks.xlsx": a folder has that name; nothing was written'
out_empty
same_as out "$before"
no_temps out

# 2. A full disk. As root, a 64 KiB-page tmpfs holds the previous outputs of a small plan and
# then runs out of space at some point of a bigger plan's render (each size below fails at a
# different output). ENOSPC must end the run with exit 2, never a crash or exit 3.
disk_full_case() {
  local dir="$1" size="$2"
  mount -t tmpfs -o "size=$size" tmpfs "$dir" || return 1
  cp "$EXAMPLES/minimal.yaml" small.yaml
  run render -o "$dir" small.yaml
  if [[ "$CODE" != 0 ]]; then
    umount "$dir"
    fail "tmpfs of $size: the small plan does not fit"
  fi
  # The bigger plan under the same name, so its outputs replace the small plan's.
  cp next/school.yaml "$T/big/small.yaml"
  local snap
  snap=$(snapshot "$dir")
  run render -o "$dir" "$T/big/small.yaml"
  local code="$CODE" after leftover
  after=$(snapshot "$dir")
  leftover=$(temps "$dir")
  umount "$dir"
  if [[ "$code" == 0 ]]; then
    return 0 # everything fitted: nothing to check at this size
  fi
  [[ "$code" == 2 ]] || fail "full disk ($size): expected exit 2, got $code"
  grep -qF 'No space left on device' "$T/stderr" || fail "full disk ($size): no ENOSPC message"
  grep -qF 'nothing was written' "$T/stderr" || fail "full disk ($size): no 'nothing was written'"
  [[ "$after" == "$snap" ]] || fail "full disk ($size): the previous outputs changed"
  [[ -z "$leftover" ]] || fail "full disk ($size): temporary files left: $leftover"
  echo "full disk at $size: exit 2, $(grep -o 'cannot write "[^"]*"' "$T/stderr" | head -1)"
  failures=$((failures + 1))
}
mkdir -p disk big
failures=0
mounted=no
if [[ "$(id -u)" == 0 ]] && mount -t tmpfs -o size=64k tmpfs disk 2>/dev/null; then
  umount disk
  mounted=yes
  for size in 80k 96k 112k 128k 160k 192k 256k; do
    disk_full_case disk "$size"
  done
  ((failures >= 3)) || fail "only $failures of the tmpfs sizes ran out of space"
else
  echo "full disk: mounting a tmpfs is not allowed here; covered by the file-size limit below"
fi

# 3. A file-size limit (RLIMIT_FSIZE, no root needed): write() fails with EFBIG once a file
# passes the limit. SIGXFSZ is ignored so that the process sees the error instead of dying.
# The limits: 1 KiB (the first output fails), and just under the size of the plan's .docx and
# of the largest output (a later output fails, written by a library).
mkdir lim sizes
run render -o sizes next/school.yaml
expect_code 0
docx_kb=$((($(stat -c %s sizes/school.plan.docx) - 1) / 1024))
max_kb=$((($(stat -c %s sizes/* | sort -n | tail -1) - 1) / 1024))
run render -o lim school.yaml
expect_code 0
before=$(snapshot lim)
for kb in 1 "$docx_kb" "$max_kb"; do
  set +e
  (trap '' XFSZ; ulimit -f "$kb"; exec "$PLANCTL" render -o lim next/school.yaml) >"$T/stdout" 2>"$T/stderr" </dev/null
  CODE=$?
  set -e
  expect_code 2
  err_has 'File too large'
  err_has 'nothing was written'
  same_as lim "$before"
  no_temps lim
done

# 4. kill -9 in the middle of a big render: every final name holds either its old bytes or
# its complete new bytes, never a partial file; only hidden temporary files may remain.
/usr/bin/python3 - <<'PY'
parts = ["version: 1\nschool:\n  name: 一中\npeople:\n  - {id: p, name: 王一}\n",
         "plan:\n  title: 计划\n  year: 2020\n  issuer: 一中\n  date: 2020-01-01\n  sections:\n"]
for i in range(6000):
    parts.append(f"    - title: 任务{i}\n      id: t{i}\n      owner: p\n      due: 2020-06\n"
                 f"      text: {'内容' * 60}\n")
open("killme.yaml", "w", encoding="utf-8").write("".join(parts))
PY
# The complete new outputs, made elsewhere from the same relative input path, so that the
# re-run record (.killme.planctl.json, which names the input) is byte for byte the one a
# finished run into kill/ writes: the record too is either old or new, never partial.
mkdir -p full/kill kill
cp killme.yaml full/kill/killme.yaml
cd full
run render -o kill kill/killme.yaml
cd "$T"
expect_code 0
new=$(snapshot full/kill | grep -v '^killme.yaml ')
grep -q '^\.killme\.planctl\.json ' <<<"$new" || fail "no re-run record in the new outputs"
cp "$EXAMPLES/minimal.yaml" kill/killme.yaml
run render -o kill kill/killme.yaml
expect_code 0
old=$(snapshot kill | grep -v '^killme.yaml ')
cp killme.yaml kill/killme.yaml
kills=0
for delay in 0 0.05 0.2 0.5 1; do
  touch kill-stamp
  sleep 0.01
  "$PLANCTL" render -o kill kill/killme.yaml >/dev/null 2>&1 &
  pid=$!
  # Wait for the first temporary file (the outputs are being written), then a little more.
  for _ in $(seq 600); do
    [[ -n "$(find kill -maxdepth 1 -name '.planctl-*' -newer kill-stamp)" ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then kills=$((kills + 1)); fi
  wait "$pid" 2>/dev/null || true
  while read -r name sum; do
    [[ "$name" == .planctl-*.tmp ]] && continue
    [[ "$name" == killme.yaml ]] && continue
    grep -qxF "$name $sum" <<<"$old"$'\n'"$new" ||
      fail "kill after $delay s: $name is neither its old nor its new content"
  done < <(snapshot kill)
done
((kills > 0)) || fail "the render always finished before kill -9; make killme.yaml bigger"
left=$(temps kill | wc -l)
((left > 0)) || fail "no kill -9 landed while the outputs were being written"
echo "kill -9: $kills runs killed while writing; left behind: $left hidden temporary files"
# The next run succeeds. The temporary files of the killed runs stay while they are recent (a
# live run may still be writing them); once older than a day, the next run removes them.
leftovers=$(temps kill)
run render -o kill kill/killme.yaml
expect_code 0
[[ "$(snapshot kill | grep -v '^killme.yaml ' | grep -v '^\.planctl-')" == "$new" ]] ||
  fail "the run after the kills did not write the new outputs"
[[ "$(temps kill)" == "$leftovers" ]] || fail "recent temporary files were removed"
(cd kill && touch -d '25 hours ago' $leftovers)
run render -o kill -f md kill/killme.yaml
expect_code 0
no_temps kill
echo "safety_atomic: ok (tmpfs: $mounted, $failures full-disk failures)"
