# planctl validate --format gitlab|sarif, the GitHub job summary, and control characters in
# every CI format escaped as the text format escapes them. (The SARIF output is also checked
# against the SARIF 2.1.0 schema by a real validator in tests/cli/npm_schemas.sh.)
source "$(dirname "$0")/lib/common.bash"
write_fixtures
PY=/usr/bin/python3
[[ -x $PY ]] || { echo "no $PY; skipping" >&2; exit 125; }

# GitLab Code Quality: one issue per finding, the exact documented shape.
run validate --format gitlab bad.yaml warn.yaml missing.yaml
expect_code 2
$PY - "$T/stdout" <<'PY' || fail "GitLab Code Quality shape"
import json, sys, hashlib
issues = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(issues) == 5, len(issues)
for i in issues:
    assert list(i) == ["type", "check_name", "description", "categories", "severity",
                       "fingerprint", "location"], list(i)
    assert i["type"] == "issue"
i = issues[0]
assert i["check_name"] == "unknown-key"
assert i["description"] == 'unknown key "nmae" in "school" (did you mean "name"?) [unknown-key]', i
assert (i["severity"], i["categories"]) == ("major", ["Bug Risk"]), i
assert i["location"] == {"path": "bad.yaml", "lines": {"begin": 4}}, i
msg = 'unknown key "nmae" in "school" (did you mean "name"?)'
assert i["fingerprint"] == hashlib.sha256(
    ("bad.yaml\0unknown-key\0" + msg + "\0" + "0").encode()).hexdigest(), i["fingerprint"]
# A file that cannot be read goes on line 1.
assert issues[3]["location"] == {"path": "missing.yaml", "lines": {"begin": 1}}, issues[3]
warn = issues[4]
assert (warn["severity"], warn["categories"], warn["location"]["lines"]["begin"]) == \
    ("minor", ["Style"], 9), warn
assert len({i["fingerprint"] for i in issues}) == 5
PY
# The fingerprint stays when lines are added above the finding.
cp "$T/stdout" before.json
{ echo "# a comment"; cat bad.yaml; } >moved.yaml && mv moved.yaml bad.yaml
run validate --format gitlab bad.yaml warn.yaml missing.yaml
$PY - before.json "$T/stdout" <<'PY' || fail "fingerprints moved with the lines"
import json, sys
a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:])
assert [i["fingerprint"] for i in a] == [i["fingerprint"] for i in b]
assert b[0]["location"]["lines"]["begin"] == 5
PY
# No findings: an empty list, as GitLab wants.
run validate --format gitlab "$EXAMPLES/minimal.yaml"
expect_code 0
expect_out "[]"

# SARIF: every rule in the driver, results with ruleId, ruleIndex, level, message, region.
run validate --format sarif bad.yaml warn.yaml missing.yaml
expect_code 2
"$PLANCTL" rules --format json >rules.json
$PY - "$T/stdout" rules.json <<'PY' || fail "SARIF shape"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
rules = [r["rule"] for r in json.load(open(sys.argv[2]))["rules"]]
assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
run, = log["runs"]
driver = run["tool"]["driver"]
assert driver["name"] == "planctl" and driver["version"] == "0.1.0", driver
assert [r["id"] for r in driver["rules"]] == rules
assert run["columnKind"] == "unicodeCodePoints"
res = run["results"]
assert len(res) == 5
r = res[0]
assert r["ruleId"] == "unknown-key" and rules[r["ruleIndex"]] == "unknown-key"
assert r["level"] == "error"
assert r["message"]["text"] == 'unknown key "nmae" in "school" (did you mean "name"?)', r
loc = r["locations"][0]["physicalLocation"]
assert loc["artifactLocation"] == {"uri": "bad.yaml", "uriBaseId": "%SRCROOT%"}, loc
assert loc["region"] == {"startLine": 5, "startColumn": 3}, loc
# A finding without a position has no region.
assert "region" not in res[3]["locations"][0]["physicalLocation"], res[3]
assert res[4]["level"] == "warning" and res[4]["ruleId"] == "heading-full-stop"
for r in res:
    assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
PY
# Names that are not plain URIs are percent-encoded.
mkdir -p "学校 a"
cp warn.yaml "学校 a/x#1.yaml"
run validate --format sarif "学校 a"
$PY -c 'import json,sys; l=json.load(sys.stdin)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]; assert l["uri"]=="%E5%AD%A6%E6%A0%A1%20a/x%231.yaml", l' <"$T/stdout" ||
  fail "SARIF URI not percent-encoded"

# GitHub Actions job summary: appended (never overwritten) when GITHUB_STEP_SUMMARY is set.
printf 'earlier step\n' >summary.md
GITHUB_STEP_SUMMARY="$T/summary.md" run validate bad.yaml warn.yaml "$EXAMPLES/minimal.yaml" "a|b"
expect_code 2
[[ "$(cat summary.md)" == "earlier step
### planctl validate

❌ 4 files checked: 4 errors, 1 warning (2 files fail, 1 could not be read)

| File | Errors | Warnings |
|---|---:|---:|
| a\|b | 1 | 0 |
| bad.yaml | 3 | 0 |
| warn.yaml | 0 | 1 |
| 1 other file without findings | 0 | 0 |
| **4 files** | **4** | **1** |" ]] || { cat summary.md >&2; fail "job summary"; }
rm summary.md
GITHUB_STEP_SUMMARY="$T/summary.md" run validate --lang zh "$EXAMPLES/minimal.yaml"
expect_code 0
grep -qxF "✅ 已检查 1 个文件：没有发现问题" summary.md || fail "no zh summary line"
grep -qxF "| **共 1 个文件** | **0** | **0** |" summary.md || { cat summary.md >&2; fail "zh totals"; }
# Without the variable nothing is written; an unwritable summary is a warning only.
GITHUB_STEP_SUMMARY="$T/nofolder/s.md" run validate "$EXAMPLES/minimal.yaml"
expect_code 0
err_has "planctl: warning: cannot append to GITHUB_STEP_SUMMARY \"$T/nofolder/s.md\""

# An ESC (and a newline) in a file name never reaches a CI log or report raw.
bad=$'e\e[31mvil\nx.yaml'
cp bad.yaml "$bad"
for f in github json junit gitlab sarif; do
  run validate --format "$f" "$bad"
  expect_code 1
  ! grep -q $'\e' "$T/stdout" || fail "--format $f printed a raw ESC"
  case $f in
  json | gitlab) want='e\\x1B[31mvil\\nx.yaml' ;; # the text's backslashes, JSON-escaped
  sarif) want='e%5Cx1B%5B31mvil%5Cnx.yaml' ;;     # the same text as a URI
  *) want='e\x1B[31mvil\nx.yaml' ;;
  esac
  grep -qF "$want" "$T/stdout" || fail "--format $f does not escape as text does"
done
run validate --format github "$bad"
out_has '::error file=e\x1B[31mvil\nx.yaml,line=5,col=3,title=unknown-key::unknown key "nmae"'
echo "ci formats: ok"
