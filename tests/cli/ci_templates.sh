#!/usr/bin/env bash
# The CI templates of examples/ci/ and the pre-commit hook of .pre-commit-hooks.yaml:
# 1. each parses as YAML (Debian's /usr/bin/python3 with python3-yaml) and passes yamllint's
#    default rules;
# 2. the GitHub workflow has the structure GitHub requires (on, jobs, runs-on, steps, one of
#    uses/run per step, needs naming jobs) and the GitLab file uses only GitLab CI keywords;
# 3. pre-commit accepts the hook manifest and the example config, and the hook really runs:
#    it passes a valid plan and fails a broken one with FILE:LINE:COL;
# 4. the shell in every step passes shellcheck, and runs: the validate steps of both
#    templates on a throw-away git repository with a simulated push and pull request (the
#    annotations, JUnit and code-quality reports are checked), and their render steps.
set -euo pipefail

: "${PLANCTL:?set PLANCTL to the built binary}"
src=${PLANCTL_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
py=/usr/bin/python3
if ! "$py" -c 'import yaml' 2>/dev/null; then
  echo "skip: $py cannot import yaml (Debian package python3-yaml)"
  exit 125
fi

github=$src/examples/ci/github-plans.yml
gitlab=$src/examples/ci/gitlab-ci.yml
precommit_config=$src/examples/ci/pre-commit-config.yaml
hooks=$src/.pre-commit-hooks.yaml

failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

source "$(dirname "$0")/lib/tmpdir.bash"
test_tmpdir work
export HOME=$work/home # git config --global in the steps writes here
mkdir -p "$HOME" "$work/bin"
ln -s "$PLANCTL" "$work/bin/planctl"
export PATH=$work/bin:$PATH
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.invalid
export GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid

# ---- 1. YAML, yamllint ------------------------------------------------------------------

for f in "$github" "$gitlab" "$precommit_config" "$hooks"; do
  "$py" -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1], encoding="utf-8"))' "$f" ||
    fail "$f does not parse as YAML"
done
if command -v yamllint >/dev/null; then
  yamllint --strict -d '{extends: default}' "$github" "$gitlab" "$precommit_config" "$hooks" ||
    fail "yamllint finds problems in the templates"
else
  echo "note: yamllint is not installed; lint skipped"
fi

# ---- 2. structure -----------------------------------------------------------------------

"$py" - "$github" "$gitlab" <<'EOF' || fail "template structure (see above)"
import re, sys, yaml

problems = []
def check(ok, message):
    if not ok:
        problems.append(message)

# GitHub Actions: https://docs.github.com/actions/reference/workflow-syntax-for-github-actions
wf = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
# YAML 1.1 reads the key `on` as true.
if True in wf:
    wf["on"] = wf.pop(True)
top = {"name", "run-name", "on", "permissions", "env", "defaults", "concurrency", "jobs"}
check(set(wf) <= top, f"github: unknown top-level keys {set(wf) - top}")
check("on" in wf and "jobs" in wf, "github: a workflow needs `on` and `jobs`")
events = {"push", "pull_request", "pull_request_target", "workflow_dispatch", "schedule",
          "workflow_call", "merge_group", "release", "workflow_run"}
on = wf.get("on") or {}
on_events = set(on) if isinstance(on, dict) else set([on] if isinstance(on, str) else on)
check(on_events and on_events <= events, f"github: unknown events {on_events - events}")
job_keys = {"name", "permissions", "needs", "if", "runs-on", "environment", "concurrency",
            "outputs", "env", "defaults", "steps", "timeout-minutes", "strategy",
            "continue-on-error", "container", "services", "uses", "with", "secrets"}
step_keys = {"id", "if", "name", "uses", "run", "shell", "with", "env", "continue-on-error",
             "timeout-minutes", "working-directory"}
jobs = wf.get("jobs") or {}
check(isinstance(jobs, dict) and jobs, "github: `jobs` must be a non-empty mapping")
for job_id, job in jobs.items():
    where = f"github: job {job_id}"
    check(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_-]*", job_id), f"{where}: invalid job id")
    check(set(job) <= job_keys, f"{where}: unknown keys {set(job) - job_keys}")
    check("runs-on" in job, f"{where}: needs `runs-on`")
    needs = job.get("needs", [])
    for n in [needs] if isinstance(needs, str) else needs:
        check(n in jobs and n != job_id, f"{where}: needs unknown job {n}")
    steps = job.get("steps")
    check(isinstance(steps, list) and steps, f"{where}: needs a list of steps")
    for i, step in enumerate(steps or []):
        s = f"{where} step {i + 1}"
        check(isinstance(step, dict), f"{s}: must be a mapping")
        check(set(step) <= step_keys, f"{s}: unknown keys {set(step) - step_keys}")
        check(("uses" in step) != ("run" in step), f"{s}: needs exactly one of uses/run")
        if "uses" in step:
            check(re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+|\./.+|docker://.+", step["uses"]),
                  f"{s}: `uses` must be owner/repo@ref")
        check("with" not in step or "uses" in step, f"{s}: `with` goes with `uses`")
text = open(sys.argv[1], encoding="utf-8").read()
check(text.count("${{") == text.count("}}"), "github: unbalanced ${{ }}")

# GitLab CI: https://docs.gitlab.com/ee/ci/yaml/
ci = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
global_keys = {"default", "include", "stages", "variables", "workflow",
               # Global forms GitLab still accepts (deprecated in favour of `default`).
               "image", "services", "cache", "before_script", "after_script"}
job_keys = {"after_script", "allow_failure", "artifacts", "before_script", "cache", "coverage",
            "dast_configuration", "dependencies", "environment", "except", "extends", "hooks",
            "identity", "id_tokens", "image", "inherit", "interruptible",
            "manual_confirmation", "needs", "only", "pages", "parallel", "release",
            "resource_group", "retry", "rules", "run", "script", "secrets", "services",
            "stage", "tags", "timeout", "trigger", "variables", "when"}
artifact_keys = {"paths", "exclude", "expire_in", "expose_as", "name", "public", "access",
                 "reports", "untracked", "when"}
report_keys = {"accessibility", "annotations", "api_fuzzing", "browser_performance",
               "coverage_report", "codequality", "container_scanning", "coverage_fuzzing",
               "cyclonedx", "dast", "dependency_scanning", "dotenv", "junit",
               "license_scanning", "load_performance", "metrics", "requirements",
               "repository_xray", "sast", "secret_detection", "terraform"}
rule_keys = {"if", "changes", "exists", "allow_failure", "needs", "variables", "when",
             "interruptible"}
whens = {"on_success", "on_failure", "always", "never", "manual", "delayed"}
stages = ci.get("stages", [".pre", "build", "test", "deploy", ".post"])
for key, value in ci.items():
    if key in global_keys:
        continue
    where = f"gitlab: job {key}"
    check(isinstance(value, dict), f"gitlab: unknown global keyword {key}")
    if not isinstance(value, dict):
        continue
    check(set(value) <= job_keys, f"{where}: unknown keywords {set(value) - job_keys}")
    merged = {}
    parents = value.get("extends", [])
    for p in [parents] if isinstance(parents, str) else parents:
        check(p in ci, f"{where}: extends unknown {p}")
        merged.update(ci.get(p, {}))
    merged.update(value)
    if not key.startswith("."):
        check("script" in merged or "trigger" in merged, f"{where}: needs `script`")
        check(merged.get("stage", "test") in stages, f"{where}: stage not in `stages`")
    for script_key in ("script", "before_script", "after_script"):
        s = value.get(script_key, [])
        check(isinstance(s, (str, list)) and all(isinstance(x, str) for x in
              ([s] if isinstance(s, str) else s)), f"{where}: {script_key} must be strings")
    art = value.get("artifacts", {})
    check(set(art) <= artifact_keys, f"{where}: unknown artifacts keys {set(art) - artifact_keys}")
    check(art.get("when", "on_success") in {"on_success", "on_failure", "always"},
          f"{where}: bad artifacts:when")
    rep = art.get("reports", {})
    check(set(rep) <= report_keys, f"{where}: unknown reports {set(rep) - report_keys}")
    for rule in value.get("rules", []):
        check(set(rule) <= rule_keys, f"{where}: unknown rules keys {set(rule) - rule_keys}")
        check(rule.get("when", "on_success") in whens, f"{where}: bad rules:when")
wfl = ci.get("workflow", {})
check(set(wfl) <= {"name", "rules", "auto_cancel"}, "gitlab: unknown workflow keys")
for rule in wfl.get("rules", []):
    check(set(rule) <= rule_keys | {"auto_cancel"}, "gitlab: unknown workflow:rules keys")
    check(rule.get("when", "always") in whens, "gitlab: bad workflow:rules:when")

for p in problems:
    print("  " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
EOF

# Scripts out of the templates: every `run:` of the workflow and every script of GitLab,
# as `NAME<TAB>base64(script)` lines; steps that install software are left out of the runs.
"$py" - "$github" "$gitlab" "$work/scripts" <<'EOF'
import os, sys, yaml
out = sys.argv[3]
os.makedirs(out)
wf = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
for job_id, job in wf["jobs"].items():
    for i, step in enumerate(job["steps"]):
        if "run" in step:
            name = f"github.{job_id}.{i + 1:02d}.{step.get('name', '').replace(' ', '-')}"
            open(f"{out}/{name}.sh", "w", encoding="utf-8").write(step["run"])
ci = yaml.safe_load(open(sys.argv[2], encoding="utf-8"))
for job_id, job in ci.items():
    if isinstance(job, dict) and ("script" in job or "before_script" in job):
        for part in ("before_script", "script"):
            if part in job:
                lines = job[part] if isinstance(job[part], list) else [job[part]]
                open(f"{out}/gitlab.{job_id.lstrip('.')}.{part}.sh", "w",
                     encoding="utf-8").write("\n".join(lines) + "\n")
EOF

if command -v shellcheck >/dev/null; then
  for s in "$work"/scripts/*.sh; do
    # SC2148: the shell comes from the template (bash), not from a #! line.
    shellcheck -s bash -e SC2148 "$s" || fail "shellcheck: $(basename "$s")"
  done
else
  echo "note: shellcheck is not installed; step scripts not linted"
fi

# ---- 3. pre-commit ----------------------------------------------------------------------

if command -v pre-commit >/dev/null; then
  export PRE_COMMIT_HOME=$work/pre-commit-cache
  pre-commit validate-manifest "$hooks" || fail "pre-commit rejects .pre-commit-hooks.yaml"
  pre-commit validate-config "$precommit_config" || fail "pre-commit rejects the example config"

  # The hooks repository: planctl's manifest alone, committed.
  hooks_repo=$work/hooks-repo
  git init -q "$hooks_repo"
  cp "$hooks" "$hooks_repo/.pre-commit-hooks.yaml"
  git -C "$hooks_repo" add .pre-commit-hooks.yaml
  git -C "$hooks_repo" commit -qm hooks
  rev=$(git -C "$hooks_repo" rev-parse HEAD)

  # A district repository using the example config, pointed at that repository.
  district=$work/precommit-district
  git init -q "$district"
  mkdir -p "$district/schools"
  sed -e "s|repo: .*|repo: $hooks_repo|" -e "s|rev: .*|rev: $rev|" "$precommit_config" \
    >"$district/.pre-commit-config.yaml"
  cp "$src/examples/minimal.yaml" "$district/schools/good.yaml"
  git -C "$district" add .
  if ! out=$(cd "$district" && pre-commit run --all-files 2>&1); then
    fail "pre-commit fails on a valid plan: $out"
  fi
  sed 's/^  title: /  titel: /' "$src/examples/minimal.yaml" >"$district/schools/bad.yaml"
  git -C "$district" add schools/bad.yaml
  if out=$(cd "$district" && pre-commit run --all-files 2>&1); then
    fail "pre-commit passes a broken plan: $out"
  elif ! grep -qE '^schools/bad\.yaml:[0-9]+:[0-9]+: error: .*titel' <<<"$out"; then
    fail "pre-commit output lacks FILE:LINE:COL for the broken plan: $out"
  fi
else
  echo "note: pre-commit is not installed; hook not run"
fi

# ---- 4. the steps, run ------------------------------------------------------------------

# A district repository: a valid plan, then a commit that adds a broken one.
repo=$work/district
git init -q -b main "$repo"
mkdir -p "$repo/schools"
cp "$src/examples/minimal.yaml" "$repo/schools/good.yaml"
echo "not a plan: [" >"$repo/notes.yml" # outside PLAN_DIR: never checked
git -C "$repo" add . && git -C "$repo" commit -qm "a valid plan"
first=$(git -C "$repo" rev-parse HEAD)
sed 's/^  title: /  titel: /' "$src/examples/minimal.yaml" >"$repo/schools/bad.yaml"
git -C "$repo" add . && git -C "$repo" commit -qm "a broken plan"
git -C "$repo" update-ref refs/remotes/origin/main "$first"

# run_step SCRIPT [VAR=VALUE...]: runs a step's script in the repository as GitHub and
# GitLab run it (bash -eo pipefail), with the template's own variables.
run_step() {
  local script=$1
  shift
  (cd "$repo" && env PLAN_DIR=schools PLANCTL_DEB_URL= GITHUB_WORKSPACE="$repo" \
    RUNNER_TEMP="$work/runner-temp" "$@" bash --noprofile --norc -eo pipefail "$script")
}
mkdir -p "$work/runner-temp"
list=$(ls "$work"/scripts/github.validate.*List*.sh)
validate=$(ls "$work"/scripts/github.validate.*Validate.sh)

# GitHub, push: only the changed (broken) file is checked, with annotations on its lines.
run_step "$list" GITHUB_EVENT_NAME=push BEFORE="$first" >/dev/null
[[ $(tr '\0' ' ' <"$work/runner-temp/plans") == "schools/bad.yaml " ]] ||
  fail "github push: changed plans are \"$(tr '\0' ' ' <"$work/runner-temp/plans")\""
status=0
out=$(run_step "$validate" GITHUB_EVENT_NAME=push 2>&1) || status=$?
[[ $status == 1 ]] || fail "github validate of a broken plan exits $status, expected 1"
grep -qE '^::error file=schools/bad\.yaml,line=[0-9]+,col=[0-9]+,title=[a-z-]+::' <<<"$out" ||
  fail "github validate prints no annotation for schools/bad.yaml: $out"
grep -q 'good.yaml' <<<"$out" && fail "github validate checked an unchanged plan"

# GitHub, pull request: the same file, found from the base branch.
run_step "$list" GITHUB_EVENT_NAME=pull_request BASE_REF=main >/dev/null
[[ $(tr '\0' ' ' <"$work/runner-temp/plans") == "schools/bad.yaml " ]] ||
  fail "github pull_request: changed plans are \"$(tr '\0' ' ' <"$work/runner-temp/plans")\""

# GitHub, a new branch (no commit before): every plan, and none outside PLAN_DIR.
run_step "$list" GITHUB_EVENT_NAME=push BEFORE=0000000000000000000000000000000000000000 \
  >/dev/null
[[ $(tr '\0' ' ' <"$work/runner-temp/plans") == "schools/bad.yaml schools/good.yaml " ]] ||
  fail "github new branch: plans are \"$(tr '\0' ' ' <"$work/runner-temp/plans")\""

# GitHub, nothing changed: the check passes.
run_step "$list" GITHUB_EVENT_NAME=push BEFORE="$(git -C "$repo" rev-parse HEAD)" >/dev/null
run_step "$validate" GITHUB_EVENT_NAME=push >/dev/null || fail "github: no change must pass"

# GitLab, push: JUnit and code-quality reports for the broken file; the job fails.
gitlab_validate=$work/scripts/gitlab.validate-plans.script.sh
status=0
out=$(run_step "$gitlab_validate" CI_PIPELINE_SOURCE=push CI_COMMIT_BEFORE_SHA="$first" 2>&1) ||
  status=$?
[[ $status == 1 ]] || fail "gitlab validate of a broken plan exits $status, expected 1: $out"
grep -qE '^schools/bad\.yaml:[0-9]+:[0-9]+: error:' <<<"$out" ||
  fail "gitlab validate log lacks FILE:LINE:COL: $out"
"$py" - "$repo/planctl-junit.xml" "$repo/gl-code-quality-report.json" <<'EOF' ||
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.findall(".//testcase")
failed = [c for c in cases if c.find("failure") is not None or c.find("error") is not None]
assert failed, "the JUnit report has no failed test case"
assert all("bad.yaml" in (c.get("name", "") + c.get("classname", "")) or
           "bad.yaml" in ET.tostring(c, encoding="unicode") for c in failed), "wrong file failed"
report = json.load(open(sys.argv[2], encoding="utf-8"))
assert isinstance(report, list) and report, "the code-quality report is empty"
for issue in report:
    for key in ("description", "check_name", "fingerprint", "severity", "location"):
        assert isinstance(issue.get(key), (str, dict)) and issue[key], f"no {key}: {issue}"
    assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}, issue
    assert issue["location"]["path"] == "schools/bad.yaml", issue
    assert isinstance(issue["location"]["lines"]["begin"], int), issue
    assert issue["location"]["lines"]["begin"] >= 1, issue
assert len({i["fingerprint"] for i in report}) == len(report), "fingerprints repeat"
assert any(i["severity"] == "major" for i in report), "an error must be major"
EOF
  fail "gitlab reports (see above)"

# GitLab, nothing changed: empty reports that still parse.
rm -f "$repo/planctl-junit.xml" "$repo/gl-code-quality-report.json"
run_step "$gitlab_validate" CI_PIPELINE_SOURCE=push \
  CI_COMMIT_BEFORE_SHA="$(git -C "$repo" rev-parse HEAD)" >/dev/null ||
  fail "gitlab: no change must pass"
"$py" -c 'import json, sys, xml.etree.ElementTree as ET
ET.parse(sys.argv[1]); assert json.load(open(sys.argv[2])) == []' \
  "$repo/planctl-junit.xml" "$repo/gl-code-quality-report.json" ||
  fail "gitlab: the empty reports do not parse"

# Render, both templates: on a valid tree, every plan's documents land in out/.
git -C "$repo" rm -q schools/bad.yaml
cp "$src/examples/minimal.yaml" "$repo/schools/second.yml"
for render in "$work"/scripts/github.render.*Render.sh "$work"/scripts/gitlab.render-documents.script.sh; do
  rm -rf "$repo/out"
  run_step "$render" >/dev/null 2>&1 || fail "$(basename "$render") fails on valid plans"
  for f in good.plan.docx good.tasks.xlsx second.plan.docx second.plan.md; do
    [[ -s $repo/out/$f ]] || fail "$(basename "$render") did not write out/$f"
  done
done

if ((failures > 0)); then
  echo "ci_templates: $failures failure(s)" >&2
  exit 1
fi
echo "ci_templates: ok"
