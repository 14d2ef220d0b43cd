# planctl batch: two inputs that would write outputs with the same STEM are refused before
# anything is written (no output folder created, an existing one left as it was), even when
# other files are fine; a broken file does not count, since it writes nothing.
source "$(dirname "$0")/lib/common.bash"
write_fixtures
PY=/usr/bin/python3
[[ -x $PY ]] || { echo "no /usr/bin/python3; skipping" >&2; exit 125; }

mkdir -p plans/2025 plans/2026
"$PY" "$SRC/bench/gen_plans.py" --schools 2 --tasks 6 --activities 4 --out plans/2025 2>/dev/null
"$PY" "$SRC/bench/gen_plans.py" --schools 1 --first 2 --tasks 6 --activities 4 --out plans/2026 2>/dev/null
cp "$EXAMPLES/minimal.yaml" plans/2026/minimal.yaml

export CI=true
run batch plans -o out --as-of 2020-12-31
expect_code 2
err_has 'planctl: error: "plans/2025/school-002.yaml" and "plans/2026/school-002.yaml" would both write the outputs named "school-002.*"; give each school its own school.code'
err_has "planctl: nothing was written"
[[ ! -e out ]] || fail "the output folder was created"

mkdir out
echo keep >out/old.txt
run batch plans -o out --as-of 2020-12-31
expect_code 2
[[ "$(ls -A out)" == "old.txt" ]] || fail "something was written: $(ls -A out)"

# Without a code, the stem is the file name: two folders holding a.yaml clash too.
mkdir -p x y
cp "$EXAMPLES/minimal.yaml" x/a.yaml
cp "$EXAMPLES/minimal.yaml" y/a.yaml
run batch x y -o out
expect_code 2
err_has '"x/a.yaml" and "y/a.yaml" would both write the outputs named "a.*"'

# A file that fails its checks writes nothing, so its stem clashes with no one.
cp "$T/bad.yaml" y/a.yaml
run batch x y -o out --as-of 2020-12-31
expect_code 1
[[ -s out/a.plan.md ]] || fail "x/a.yaml was not rendered"
echo "batch stems: ok"
