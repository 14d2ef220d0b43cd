# Re-runs: batch and render record what each stem's outputs were made from
# (.STEM.planctl.json), skip a stem whose record matches and whose outputs are intact, render
# it again after any change (input, option, deleted or edited output, --force, a killed run),
# remove the outputs a stem no longer produces and those of a school that now fails, and never
# remove a file planctl did not write.
source "$(dirname "$0")/lib/common.bash"
write_fixtures
PY=/usr/bin/python3
export CI=true
mkdir plans
"$PY" "$SRC/bench/gen_plans.py" --schools 3 --tasks 8 --activities 6 --out plans 2>/dev/null
opts=(-o out --format md,txt,xlsx --as-of 2020-12-31)
hidden() { find out -name '.*.planctl.json' | sort | tr '\n' ' '; }

run batch plans "${opts[@]}"
expect_code 0
err_has "[1/3] rendered plans/school-001.yaml → school-001.* (5 files)"
[[ $(hidden) == "out/.school-001.planctl.json out/.school-002.planctl.json out/.school-003.planctl.json " ]] ||
  fail "records: $(hidden)"
"$PY" - out/.school-001.planctl.json plans/school-001.yaml <<'PY' || fail "record content"
import json, sys, hashlib
r = json.load(open(sys.argv[1]))
assert list(r) == ["record", "input", "input_sha256", "planctl", "as_of", "formats",
                   "keep_punctuation", "outputs", "summary"], list(r)
# The school's summary row, so that a re-run need not read an unchanged plan again.
s = r["summary"]
assert s["code"] == "school-001" and s["tasks"] == 8 and sum(s["states"]) == 8, s
assert s["activities"] == 6 and s["last_activity"] <= "2020-12-31", s
assert r["input"] == "plans/school-001.yaml" and r["as_of"] == "2020-12-31"
assert r["input_sha256"] == hashlib.sha256(open(sys.argv[2], "rb").read()).hexdigest()
assert r["formats"] == ["md", "txt", "xlsx"] and r["planctl"] == "0.1.0"
assert sorted(r["outputs"]) == ["school-001.plan.md", "school-001.plan.txt", "school-001.report.md",
                                "school-001.report.txt", "school-001.tasks.xlsx"], r["outputs"]
for name, h in r["outputs"].items():
    assert h == hashlib.sha256(open("out/" + name, "rb").read()).hexdigest(), name
PY
cp out/district-summary.xlsx first-summary.xlsx
echo "a district's own notes" >out/notes.txt   # a foreign file: never touched
echo "foreign" >out/school-009.plan.md          # planctl never wrote it

# Unchanged: nothing rendered, the summary still written.
stamp() { stat -c %Y.%i out/school-00$1.plan.md; }
before=$(stamp 1)
sleep 1
run batch plans "${opts[@]}"
expect_code 0
err_has "[1/3] unchanged plans/school-001.yaml → school-001.* (5 files)"
grep -qE '^batch: 3 rendered \(3 unchanged\), 0 failed, in ' "$T/stderr" || fail "final line"
[[ $(stamp 1) == "$before" ]] || fail "an unchanged school was written again"
# Its summary row came from the record: the same summary bytes as the first run's.
cmp -s out/district-summary.xlsx first-summary.xlsx || fail "the summary differs on a re-run"

# A changed input re-renders that school alone.
sed -i 's/^  title: \(.*\)$/  title: \1（修订）/' plans/school-002.yaml
run batch plans "${opts[@]}"
err_has "[1/3] unchanged plans/school-001.yaml"
err_has "[2/3] rendered plans/school-002.yaml → school-002.* (5 files)"
err_has "[3/3] unchanged plans/school-003.yaml"
grep -qF "（修订）" out/school-002.plan.md || fail "school-002 not rendered again"

# A changed option (as-of date, formats, punctuation) re-renders every school.
run batch plans -o out --format md,txt,xlsx --as-of 2021-01-31
grep -qE '^batch: 3 rendered, 0 failed' "$T/stderr" || fail "--as-of change did not render all"
run batch plans -o out --format md,txt,xlsx --as-of 2021-01-31 --keep-punctuation
grep -qE '^batch: 3 rendered, 0 failed' "$T/stderr" || fail "--keep-punctuation did not render all"
# --force renders everything.
run batch plans "${opts[@]}"
run batch plans "${opts[@]}" --force
grep -qE '^batch: 3 rendered, 0 failed' "$T/stderr" || fail "--force did not render all"

# A deleted or edited output makes its school render again.
rm out/school-001.plan.txt
echo "edited" >>out/school-003.plan.md
run batch plans "${opts[@]}"
err_has "[1/3] rendered plans/school-001.yaml"
err_has "[2/3] unchanged plans/school-002.yaml"
err_has "[3/3] rendered plans/school-003.yaml"
[[ -s out/school-001.plan.txt ]] || fail "deleted output not written again"
! grep -q '^edited$' out/school-003.plan.md || fail "edited output kept"
# A corrupt or foreign-version record means "render".
echo '{broken' >out/.school-001.planctl.json
sed -i 's/"record": [0-9]*/"record": 99/' out/.school-002.planctl.json
run batch plans "${opts[@]}"
err_has "[1/3] rendered plans/school-001.yaml"
err_has "[2/3] rendered plans/school-002.yaml"
err_has "[3/3] unchanged plans/school-003.yaml"
# A record written by another planctl version means "render" too.
sed -i 's/"planctl": "[^"]*"/"planctl": "0.0.1"/' out/.school-003.planctl.json
run batch plans "${opts[@]}"
err_has "[2/3] unchanged plans/school-002.yaml"
err_has "[3/3] rendered plans/school-003.yaml"

# Outputs of a format not asked for this time are left alone (outputs.md), and stay in the
# record: a later run that asks for .txt again and no longer produces one removes it.
run batch plans -o out --format md,xlsx --as-of 2020-12-31
err_has "[1/3] rendered plans/school-001.yaml → school-001.* (3 files)"
[[ -s out/school-001.plan.txt && -s out/school-001.report.txt ]] || fail ".txt outputs removed"
"$PY" - out/.school-001.planctl.json <<'PY' || fail "record after --format md,xlsx"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["formats"] == ["md", "xlsx"], r["formats"]
assert sorted(r["outputs"]) == ["school-001.plan.md", "school-001.plan.txt", "school-001.report.md",
                                "school-001.report.txt", "school-001.tasks.xlsx"], r["outputs"]
PY
run render -o out --format md,xlsx --as-of 2020-12-31 plans/school-001.yaml
expect_code 0
expect_err "planctl: out/school-001.* is up to date (--force renders it again)"
expect_out "out/school-001.plan.md
out/school-001.report.md
out/school-001.tasks.xlsx"
# The activities removed: the report is no longer produced. Its .md goes; its .txt, edited
# since planctl wrote it, stays with a warning (never remove what planctl did not write).
run render -o out --format md,txt,xlsx --as-of 2020-12-31 plans/school-001.yaml
expect_code 0
[[ -s out/school-001.report.txt ]] || fail "no report.txt"
echo "my note" >>out/school-001.report.txt
"$PY" - plans/school-001.yaml <<'PY'
import sys, yaml
p = sys.argv[1]
d = yaml.safe_load(open(p, encoding="utf-8"))
d.pop("activities", None); d.pop("report", None)
yaml.safe_dump(d, open(p, "w", encoding="utf-8"), allow_unicode=True, sort_keys=False)
PY
run render -o out --format md,txt,xlsx --as-of 2020-12-31 plans/school-001.yaml
expect_code 0
expect_err "planctl: removed out/school-001.report.md (no longer produced)
planctl: warning: out/school-001.report.txt is no longer produced but was changed since planctl wrote it; it was not removed"
[[ ! -e out/school-001.report.md && -s out/school-001.plan.md ]] || fail "stale report kept"
grep -qx "my note" out/school-001.report.txt || fail "the edited report was removed"
rm out/school-001.report.txt

# A school that now fails loses its outputs; a file edited since stays; foreign files stay.
cp out/school-002.plan.md keep.md
echo "my edit" >>out/school-003.tasks.xlsx
cp "$T/bad.yaml" plans/school-002.yaml
printf 'version: 1\nschool: {name: x, code: school-003}\nplan: [' >plans/school-003.yaml
run batch plans -o out --format md,xlsx --as-of 2020-12-31
expect_code 1
err_has "[2/3] failed   plans/school-002.yaml (3 errors, 5 old outputs removed)"
grep -qF "[3/3] failed   plans/school-003.yaml (" "$T/stderr" || fail "no line for school-003"
err_has "plans/school-003.yaml: warning: out/school-003.tasks.xlsx was changed since planctl wrote it; it was not removed"
for f in school-002.plan.md school-002.plan.txt school-002.report.md school-002.tasks.xlsx school-003.plan.md; do
  [[ ! -e out/$f ]] || fail "out/$f of a failing school kept"
done
[[ -e out/school-003.tasks.xlsx ]] || fail "an edited output was removed"
[[ ! -e out/.school-002.planctl.json ]] || fail "the failing school's record kept"
[[ $(cat out/notes.txt) == "a district's own notes" && $(cat out/school-009.plan.md) == foreign ]] ||
  fail "a foreign file was touched"

# A killed run (kill -9 midway), then a re-run: the folder is as a fresh run makes it.
rm -rf plans out fresh
mkdir plans
"$PY" "$SRC/bench/gen_plans.py" --schools 12 --tasks 20 --activities 30 --out plans 2>/dev/null
# Kill once some schools are staged and before all are committed: retried (a fast machine may finish
# first), and the test fails if no kill ever landed midway.
landed=0
for _ in 1 2 3 4 5; do
  rm -rf out
  "$PLANCTL" batch plans -o out --as-of 2020-12-31 -j 2 >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 400); do
    # Outputs are staged under temporary names and committed once every school is through.
    [[ $(find out -name '.planctl-*.tmp' 2>/dev/null | wc -l) -ge 6 ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  records=$(find out -name '.*.planctl.json' 2>/dev/null | wc -l)
  if ((records < 12)) && [[ ! -e out/district-summary.xlsx ]]; then
    landed=1
    break
  fi
done
((landed)) || fail "kill -9 never landed before the batch finished"
run batch plans -o out --as-of 2020-12-31
expect_code 0
# The schools without a current record are rendered again, the others not.
grep -qE "^batch: 12 rendered \($records unchanged\), 0 failed|^batch: 12 rendered, 0 failed" "$T/stderr" ||
  fail "after a kill with $records records: $(tail -1 "$T/stderr")"
((records == 0)) || grep -qE "^batch: 12 rendered \($records unchanged\)" "$T/stderr" ||
  fail "after a kill with $records records: $(tail -1 "$T/stderr")"
echo "kill -9 landed with $records of 12 records written; the next run rendered the rest"
run batch plans -o fresh --as-of 2020-12-31
expect_code 0
# The same files and records (only the killed run's recent temporary files besides).
listing() { (cd "$1" && ls -A | grep -v '^\.planctl-.*\.tmp$'); }
diff <(listing out) <(listing fresh) || fail "the re-run after a kill lists other files"
for f in $(listing fresh); do
  cmp -s "fresh/$f" "out/$f" || fail "out/$f differs from a fresh run"
done
echo "rerun: ok"
