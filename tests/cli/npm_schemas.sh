# The schema and the SARIF output checked by real tools from the npm registry (pinned in
# tests/npm/package-lock.json, set up by scripts/install-npm-tools.sh, which
# scripts/install-deps.sh runs): ajv over every example, test and generated file that planctl
# accepts; yaml-language-server, driven over stdio as VS Code drives it, on a file with the
# project's modeline; and `--format sarif` against the SARIF 2.1.0 schema that
# @microsoft/sarif-multitool ships. Missing tools fail this test: it never skips.
source "$(dirname "$0")/lib/common.bash"
write_fixtures
tools=$("$SRC/scripts/install-npm-tools.sh" --print-dir)
[[ -f $tools/.complete ]] ||
  fail "the npm tools are not set up in $tools: run scripts/install-npm-tools.sh"
command -v node >/dev/null || fail "node is missing: run scripts/install-deps.sh"
export NODE_PATH=$tools/node_modules
ajv() { node "$SRC/tests/npm/ajv_check.js" "$@"; }
"$PLANCTL" schema >plan.schema.json

# 1. ajv accepts every file planctl accepts: the examples, the test files that pass, generated
#    schools and `planctl init`'s starter. (Fuzz regressions and hostile files are left out:
#    they test the parsers, not the schema.)
mkdir gen
/usr/bin/python3 "$SRC/bench/gen_plans.py" --schools 3 --tasks 12 --activities 20 --out gen 2>/dev/null
run init gen/starter.yaml
expect_code 0
# As Notepad saves it (BOM, CRLF) with empty optional values, which planctl reads as absent.
printf '\xef\xbb\xbfversion: 1\r\nschool:\r\n  name: 一中\r\n  code:\r\nplan:\r\n  title: 计划\r\n  year: 2020\r\n  issuer: 一中\r\n  date: 2020-02-20\r\n  basis:\r\n  sections:\r\n    - title: 指导思想\r\n      items:\r\n        - title: 任务\r\n          status:\r\n' >gen/notepad-bom-crlf.yaml
run validate gen/notepad-bom-crlf.yaml
expect_code 0
# One validate run over every candidate, its JSON report saying which pass.
find "$SRC/examples" "$SRC/tests" gen -name '*.yaml' -not -path '*/fuzz-regressions/*' \
  -not -path '*/hostile/*' -print0 | sort -z >candidates
mapfile -d '' candidates <candidates
"$PLANCTL" validate --format json "${candidates[@]}" >report.json 2>/dev/null || true
mapfile -t accepted < <(/usr/bin/python3 -c 'import json, sys
for f in json.load(open(sys.argv[1]))["files"]:
    if f["status"] == "valid":
        print(f["file"])' report.json)
((${#accepted[@]} >= 15)) || fail "only ${#accepted[@]} accepted files found"
[[ " ${accepted[*]} " == *" gen/notepad-bom-crlf.yaml "* ]] || fail "the Notepad file is not among the accepted"
ajv plan.schema.json "${accepted[@]}" >ajv.txt || { cat ajv.txt >&2; fail "ajv rejects files planctl accepts"; }
grep -qx "ajv: ${#accepted[@]} of ${#accepted[@]} files valid" ajv.txt || fail "ajv: $(cat ajv.txt)"
# ajv really checks: a file with an unknown key is rejected by both.
if ajv plan.schema.json bad.yaml >ajv.txt; then fail "ajv accepts bad.yaml"; fi
grep -qF "bad.yaml: rejected: /school must NOT have additional properties" ajv.txt ||
  fail "ajv on bad.yaml: $(cat ajv.txt)"

# 2. yaml-language-server: the modeline finds the schema; an unknown key is flagged and the
#    plan's keys are offered.
cat >lsp.yaml <<'YAML'
# yaml-language-server: $schema=plan.schema.json
version: 1
school:
  name: 一中
  nmae: x
plan:
  title: 计划
  
YAML
node "$SRC/tests/npm/lsp_check.js" "$tools/node_modules/yaml-language-server/bin/yaml-language-server" \
  lsp.yaml 7 2 >lsp.txt || { cat lsp.txt >&2; fail "yaml-language-server did not answer"; }
grep -qx "diagnostic 4:2 Property nmae is not allowed." lsp.txt || { cat lsp.txt >&2; fail "no diagnostic for nmae"; }
# Every key of `plan` except the one already written, and nothing else.
want=$(node -e 'const s=require("./plan.schema.json"); console.log(Object.keys(s.definitions.plan.properties).filter(k=>k!=="title").sort().join(" "))')
got=$(sed -n 's/^completion //p' lsp.txt | sort | tr '\n' ' ' | sed 's/ $//')
[[ $got == "$want" ]] || fail "completions under plan: are \"$got\", expected \"$want\""
[[ $want == *sections* && $want == *year* ]] || fail "the schema's plan keys look wrong: $want"

# 3. SARIF: the output with findings of every kind passes the SARIF 2.1.0 schema.
sarif_schema=$tools/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json
[[ -f $sarif_schema ]] || fail "the multitool's SARIF schema is missing: $sarif_schema"
mkdir -p "学校 a"
cp warn.yaml "学校 a/w#1.yaml"
run validate --format sarif bad.yaml "学校 a" missing.yaml "$T/bad.yaml"
expect_code 2
cp "$T/stdout" report.sarif
ajv "$sarif_schema" report.sarif >ajv.txt || { cat ajv.txt >&2; fail "the SARIF output fails the SARIF 2.1.0 schema"; }
run validate --format sarif "$EXAMPLES/minimal.yaml"
cp "$T/stdout" clean.sarif
ajv "$sarif_schema" clean.sarif >ajv.txt || { cat ajv.txt >&2; fail "the clean SARIF output fails the schema"; }
# The validator really checks: a region on line 0 is rejected.
/usr/bin/python3 -c 'import json, sys
log = json.load(open(sys.argv[1]))
log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
json.dump(log, open(sys.argv[2], "w"))' report.sarif broken.sarif
if ajv "$sarif_schema" broken.sarif >ajv.txt; then fail "ajv accepts a SARIF region on line 0"; fi
echo "npm schemas: ok"
