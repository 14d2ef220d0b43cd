# validate, status, render and batch take folders alike (recursive, *.yaml and *.yml, sorted,
# hidden folders and the output folder left out) and `-` for standard input.
source "$(dirname "$0")/lib/common.bash"
write_fixtures

mkdir -p plans/b plans/a/deep plans/.github/workflows plans/out
cp "$EXAMPLES/minimal.yaml" plans/b/z.yaml
cp "$EXAMPLES/minimal.yaml" plans/a/deep/y.yml
cp "$T/warn.yaml" plans/a/w.yaml
cp "$T/bad.yaml" plans/.github/workflows/hidden.yaml # hidden folder: not a plan
cp "$T/bad.yaml" plans/.hidden.yaml                  # hidden file: not a plan
cp "$T/bad.yaml" plans/out/old.yaml                  # inside the output folder (render -o)
printf 'notes\n' >plans/README.md
cp "$T/bad.yaml" plans/notes.txt

# validate: every plan file below the folder, in path order, one summary.
run validate plans/a plans/b
expect_code 0
expect_out "plans/a/w.yaml:9:14: warning: heading \"总则。\" ends in \"。\", which is removed when rendered; delete it [heading-full-stop]"
expect_err "3 files checked: 0 errors, 1 warning"
run validate plans
expect_code 1 # plans/out/old.yaml is a plan file for validate
out_has "plans/out/old.yaml:4:3: error"
out_lacks hidden
expect_err "4 files checked: 3 errors, 1 warning (1 file fails)"
# A file named on the command line is taken whatever its name or folder; repeats count once.
run validate plans/.hidden.yaml plans/b plans/b/z.yaml
expect_code 1
expect_err "2 files checked: 3 errors, 0 warnings (1 file fails)"
# The JSON report lists the files in the same order.
run validate --format json plans/a plans/b
expect_code 0
[[ "$(python3 -c 'import json,sys; print(" ".join(f["file"] for f in json.load(sys.stdin)["files"]))' <"$T/stdout")" == \
  "plans/a/deep/y.yml plans/a/w.yaml plans/b/z.yaml" ]] || fail "the JSON report's files are not in path order"

# A folder without plan files warns; nothing at all to check is a usage error.
mkdir -p empty/.git
cp "$T/warn.yaml" empty/.git/x.yaml
run validate empty
expect_code 2
expect_err 'planctl: warning: no .yaml or .yml files in "empty"
planctl: error: no plan files to work on'
run validate empty plans/b
expect_code 0
expect_err 'planctl: warning: no .yaml or .yml files in "empty"
1 file checked: no problems found'
run validate --lang zh empty
expect_code 2
expect_err 'planctl: 警告：文件夹“empty”中没有 .yaml 或 .yml 文件
planctl: 错误：没有要处理的计划文件'
# A missing path is an unreadable file, as before.
run validate nosuch
expect_code 2
out_has "nosuch: error: cannot read the file"

# status: a folder, and standard input.
run status --as-of 2020-12-31 plans/a
expect_code 0
[[ "$(grep -c '^plans/a/' "$T/stdout")" == 2 ]] || fail "status did not show both plans of plans/a"
run_stdin "$EXAMPLES/minimal.yaml" status --as-of 2020-12-31 -
expect_code 0
out_has "<stdin>: "

# render: a folder whose output folder lies inside it; the outputs' folder is not read.
run render -o plans/out --format md --as-of 2020-12-31 plans
expect_code 0
expect_out "plans/out/y.plan.md
plans/out/w.plan.md
plans/out/z.plan.md"
# The same output folder reached by another path is left out too.
run render -o ./plans/out/ --format md --as-of 2020-12-31 plans
expect_code 0
out_has "plans/out/z.plan.md"
run_stdin "$EXAMPLES/minimal.yaml" render -o plans/out --format md --as-of 2020-12-31 -
expect_code 0
expect_out "plans/out/stdin.plan.md"
cmp -s plans/out/stdin.plan.md plans/out/z.plan.md || fail "render - differs from render FILE"

# batch: the same listing.
rm -f plans/out/*.md
CI=true run batch plans -o plans/out --format md --as-of 2020-12-31
expect_code 0
err_has "[1/3] rendered plans/a/deep/y.yml → y.* (1 file)"
err_has "[2/3] rendered plans/a/w.yaml → w.* (1 file, 1 warning)"
err_has "[3/3] rendered plans/b/z.yaml → z.* (1 file)"
echo "folders: ok"
