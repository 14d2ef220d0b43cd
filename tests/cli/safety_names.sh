# Safe outputs (docs/security.md, "Outputs"): output names come only from the checked
# school.code or the input's file name, never escape the output folder (also not through a
# symlink planted in it), and a missing or read-only output folder is a clear error (exit 2).
source "$(dirname "$0")/lib/common.bash"
export SOURCE_DATE_EPOCH=1609372800

listing() { ls -A "$1" | sort | tr '\n' ' '; }
outside() { find "$T" -maxdepth 1 -newer "$T/stamp" ! -name stdout ! -name stderr ! -name time -printf '%f '; }

plan() { # plan CODE_LINE: a valid plan with the given school.code line (or none)
  printf 'version: 1\nschool:\n  name: 一中\n%s\nplan:\n  title: 计划\n  year: 2020\n  issuer: 一中\n  date: 2020-01-01\n  sections:\n    - title: 总则\n' "$1"
}

# 1. school.code that would leave the folder is refused by the loader, before any output:
# validate names the rule, render exits 1 and writes nothing anywhere.
mkdir out
for code in '../x' '../../etc/passwd' 'a/b' '/abs' '.' '..' '.hidden' 'a b' 'x\y' 'ü' \
  "$(printf 'a%.0s' {1..65})"; do
  plan "  code: \"${code//\\/\\\\}\"" >bad-code.yaml
  run validate bad-code.yaml
  expect_code 1
  out_matches '^bad-code\.yaml:4:9: error: .*\[school-code\]$'
  touch stamp
  sleep 0.01
  run render -o out bad-code.yaml
  expect_code 1
  [[ -z "$(ls -A out)" ]] || fail "code \"$code\": render wrote $(listing out)"
  [[ -z "$(outside)" ]] || fail "code \"$code\": render wrote $(outside)"
done
# A code at its limits is the stem as written.
plan "  code: $(printf 'Z%.0s' {1..64})" >long-code.yaml
run render -o out -f md long-code.yaml
expect_code 0
expect_out "out/$(printf 'Z%.0s' {1..64}).plan.md"
rm -f out/* out/.*.planctl.json # the outputs and their re-run record

# 2. Without a code, the stem is the input's file name without its extension, whatever the
# folder it was given with, and nothing else of the file's text names anything.
mkdir -p in/sub
plan "" >'in/sub/<x>&amp; $(id) 学校.yaml'
run render -o out -f md,xlsx 'in/sub/<x>&amp; $(id) 学校.yaml'
expect_code 0
expect_out 'out/<x>&amp; $(id) 学校.plan.md
out/<x>&amp; $(id) 学校.tasks.xlsx'
[[ "$(listing out)" == '.<x>&amp; $(id) 学校.planctl.json <x>&amp; $(id) 学校.plan.md <x>&amp; $(id) 学校.tasks.xlsx ' ]] ||
  fail "unexpected files: $(listing out)"
rm -f out/* out/.*.planctl.json # the outputs and their re-run record
# A file name that cannot name an output (a control character in it) is refused, exit 2.
plan "" >$'new\nline.yaml'
run render -o out $'new\nline.yaml'
expect_code 2
err_has 'contains a control character'
[[ -z "$(ls -A out)" ]] || fail "files written for a name with a newline"
# A name that is only an extension still names files inside the folder.
plan "" >.yaml
run render -o out -f md .yaml
expect_code 0
expect_out "out/.yaml.plan.md"
rm -f out/.yaml.plan.md out/..yaml.planctl.json
# Standard input is named stdin.
plan "" >in.yaml
run_stdin in.yaml render -o out -f md -
expect_code 0
expect_out "out/stdin.plan.md"
rm -f out/* out/.*.planctl.json # the outputs and their re-run record

# 3. A symlink planted at a final name, pointing outside the folder (to a file, to a missing
# file, to a folder), is replaced by the output; the target is never written.
mkdir s victim-dir
echo precious >victim.txt
ln -s "$T/victim.txt" s/in.plan.md
ln -s "$T/created-through-link.txt" s/in.plan.txt
ln -s "$T/victim-dir" s/in.plan.docx
ln -s ../victim.txt s/in.tasks.xlsx
run render -o s in.yaml
expect_code 0
[[ "$(cat victim.txt)" == precious ]] || fail "the symlink was followed: victim.txt changed"
[[ ! -e created-through-link.txt ]] || fail "a file was created through a dangling symlink"
[[ -z "$(ls -A victim-dir)" ]] || fail "a file was written into the linked folder"
for f in s/in.plan.md s/in.plan.txt s/in.plan.docx s/in.tasks.xlsx; do
  [[ -f "$f" && ! -L "$f" ]] || fail "$f is not a plain file"
done
grep -q '总则' s/in.plan.md || fail "s/in.plan.md is not the plan"

# 4. The output folder: missing, a file, read-only. Exit 2, one clear line, nothing written.
run render -o nowhere in.yaml
expect_code 2
expect_err 'planctl: error: the output folder "nowhere" does not exist'
run render -o in.yaml/x in.yaml
expect_code 2
expect_err 'planctl: error: the output folder "in.yaml/x" does not exist'
run render -o in.yaml in.yaml
expect_code 2
expect_err 'planctl: error: the output folder "in.yaml" is not a folder'
run validate --format json --output nowhere/report.json in.yaml
expect_code 2
err_has 'the output folder "nowhere" does not exist'

mkdir ro
readonly_how=""
if [[ "$(id -u)" == 0 ]]; then
  # root writes through permission bits; a read-only mount stops it.
  if mount -t tmpfs -o ro,size=64k tmpfs ro 2>/dev/null; then readonly_how=mount; fi
else
  chmod 555 ro
  readonly_how=chmod
fi
if [[ -n "$readonly_how" ]]; then
  run render -o ro in.yaml
  code="$CODE"
  cp "$T/stderr" "$T/err.ro"
  run validate --format json --output ro/report.json in.yaml
  vcode="$CODE"
  listed=$(ls -A ro)
  if [[ "$readonly_how" == mount ]]; then umount ro; else chmod 755 ro; fi
  CODE="$code"
  cp "$T/err.ro" "$T/stderr"
  expect_code 2
  grep -qE '^planctl: error: the output folder "ro" is not writable: (Read-only file system|Permission denied)$' "$T/stderr" ||
    fail "no clear message for a read-only folder"
  [[ "$vcode" == 2 ]] || fail "validate --output into a read-only folder: exit $vcode"
  [[ -z "$listed" ]] || fail "files written into a read-only folder: $listed"
else
  echo "read-only folder: cannot be made here (root without mount); skipped"
fi
echo "safety_names: ok (read-only folder by ${readonly_how:-nothing})"
