# planctl init: writes the starter plan, which validates with no finding; never overwrites
# without --force.
source "$(dirname "$0")/lib/common.bash"

run init
expect_code 0
expect_out "wrote plan.yaml; edit it, then run: planctl render plan.yaml"
cmp -s plan.yaml "$EXAMPLES/starter.yaml" || fail "plan.yaml is not the starter"
run validate --strict plan.yaml
expect_code 0
out_empty

# The starter is Chinese text with full-width punctuation and explains each key.
grep -q '，' plan.yaml && grep -q '。' plan.yaml || fail "no full-width punctuation"
for key in version school name short_name code district profile departments people plan \
  title year period issuer date basis sections text points items id lead owner support start \
  due deliverables status attachments activities task host participants count place summary \
  evidence report overview achievements problems next_steps; do
  grep -qE "^[ -]*(\{)?$key:.*#|^ *# *$key:|[{ ,]$key:.*#" plan.yaml || fail "key $key has no comment"
done

# An existing file is refused (exit 2, unchanged) unless --force.
echo "mine" >plan.yaml
run init
expect_code 2
expect_err 'planctl: error: "plan.yaml" already exists; use --force to overwrite it, or give another file name'
[[ "$(cat plan.yaml)" == mine ]] || fail "plan.yaml was overwritten"
run init --force
expect_code 0
cmp -s plan.yaml "$EXAMPLES/starter.yaml" || fail "--force did not overwrite"

# A symlink at the name is an existing file too; --force replaces the link, not its target.
echo "target" >target.yaml
ln -s target.yaml link.yaml
run init link.yaml
expect_code 2
run init --force link.yaml
expect_code 0
[[ "$(cat target.yaml)" == target ]] || fail "the symlink was followed"
[[ ! -L link.yaml ]] || fail "the symlink is still there"

# Another folder; a missing folder; a folder as FILE.
mkdir sub
run init sub/school.yaml
expect_code 0
expect_out "wrote sub/school.yaml; edit it, then run: planctl render sub/school.yaml"
run init nowhere/school.yaml
expect_code 2
expect_err 'planctl: error: the output folder "nowhere" does not exist'
run init sub
expect_code 2
expect_err 'planctl: error: "sub" is a folder; give a file name such as sub/plan.yaml'
[[ -z "$(ls -A . sub | grep '^\.planctl-')" ]] || fail "temporary files left behind"
echo "init: ok"
