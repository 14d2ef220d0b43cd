# planctl validate --format json|github|junit|text, --output, --color, --lang.
source "$(dirname "$0")/lib/common.bash"
write_fixtures
PY=/usr/bin/python3
[[ -x $PY ]] || { echo "no $PY; skipping" >&2; exit 125; }

# JSON: the documented stable shape, and only JSON on stdout.
run validate --format json bad.yaml warn.yaml missing.yaml
expect_code 2
expect_err "3 files checked: 4 errors, 1 warning (2 files fail, 1 could not be read)"
$PY - "$T/stdout" <<'PY' || fail "JSON shape"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert list(doc) == ["version", "strict", "files", "summary"], list(doc)
assert doc["version"] == 1 and doc["strict"] is False
files = doc["files"]
assert [f["file"] for f in files] == ["bad.yaml", "missing.yaml", "warn.yaml"]
assert [f["status"] for f in files] == ["invalid", "unreadable", "valid"]
for f in files:
    assert list(f) == ["file", "status", "errors", "warnings", "diagnostics"], list(f)
    for d in f["diagnostics"]:
        assert list(d) == ["file", "line", "column", "severity", "rule", "message"], list(d)
        assert d["file"] == f["file"]
d = files[0]["diagnostics"][0]
assert (d["line"], d["column"], d["severity"], d["rule"]) == (4, 3, "error", "unknown-key"), d
assert d["message"].startswith('unknown key "nmae"'), d
assert files[1]["diagnostics"][0]["line"] == 0 and files[1]["diagnostics"][0]["column"] == 0
assert files[2]["diagnostics"][0]["severity"] == "warning"
assert doc["summary"] == {"files": 3, "valid": 1, "invalid": 2, "unreadable": 1,
                          "internal_errors": 0, "errors": 4, "warnings": 1}, doc["summary"]
PY
run validate --format json --strict warn.yaml
expect_code 1
$PY -c 'import json,sys; d=json.load(sys.stdin); assert d["strict"] and d["files"][0]["status"]=="invalid"' <"$T/stdout" ||
  fail "strict JSON"

# GitHub: annotations with escaped properties, at most 10 errors + 10 warnings, a notice,
# then the full text log.
run validate --format github many.yaml
expect_code 1
[[ "$(grep -c '^::error ' "$T/stdout")" == 10 ]] || fail "expected 10 ::error annotations"
[[ "$(grep -c '^::warning ' "$T/stdout")" == 1 ]] || fail "expected 1 ::warning annotation"
out_has '::error file=many.yaml,line=4,col=3,title=unknown-key::unknown key "a1" in "school"'
out_has '::warning file=many.yaml,line=22,col=14,title=heading-full-stop::'
out_has '::notice::+2 more findings not annotated (GitHub shows at most 10 errors and 10 warnings per step); see the full log'
[[ "$(grep -c '^many\.yaml:[0-9]*:[0-9]*: ' "$T/stdout")" == 13 ]] || fail "full text log missing"
cp bad.yaml 'a,b:c%.yaml'
run validate -f github 'a,b:c%.yaml'
out_has '::error file=a%2Cb%3Ac%25.yaml,line=4,col=3,title=unknown-key::'
run validate -f github missing.yaml
expect_code 2
out_matches '^::error file=missing\.yaml,title=file-unreadable::'

# JUnit: well-formed XML, one testsuite and one testcase per file, deterministic.
run validate --format junit bad.yaml warn.yaml missing.yaml
expect_code 2
$PY - "$T/stdout" <<'PY' || fail "JUnit shape"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "1", "1")
suites = root.findall("testsuite")
assert [s.get("name") for s in suites] == ["bad.yaml", "missing.yaml", "warn.yaml"]
for s in suites:
    assert len(s.findall("testcase")) == 1
bad, missing, warn = [s.find("testcase") for s in suites]
f = bad.find("failure")
assert f is not None and f.get("message") == "3 errors, 0 warnings", f
assert f.text.count("\n") == 3 and "bad.yaml:4:3: error: unknown key" in f.text
assert missing.find("error").get("type") == "unreadable"
assert warn.find("failure") is None and "heading-full-stop" in warn.find("system-out").text
PY
cp "$T/stdout" first.xml
run validate --format junit bad.yaml warn.yaml missing.yaml
cmp -s "$T/stdout" first.xml || fail "JUnit output differs between runs"

# --output: the report goes to the file (atomically, through the output sink), the text to
# the console.
run validate --format junit --output report.xml bad.yaml
expect_code 1
out_matches '^bad\.yaml:4:3: error: '
$PY -c 'import xml.etree.ElementTree as ET; ET.parse("report.xml")' || fail "report.xml"
[[ -z "$(ls -A | grep '^\.planctl-')" ]] || fail "temporary files left behind"
run validate -f json -o report.json "$EXAMPLES/minimal.yaml"
expect_code 0
out_empty
$PY -c 'import json; json.load(open("report.json"))' || fail "report.json"
run validate -f json -o no/such/dir/report.json bad.yaml
expect_code 2
err_has 'planctl: error: the output folder "no/such/dir" does not exist'

# Text on a terminal (or --color always): colours, the source line and a caret under the
# column, counted in terminal cells (总则 is four cells wide).
run validate --color always bad.yaml
expect_code 1
out_has $'\e[1;31merror:\e[0m'
out_has '  10 |   sections: [{title: 总则, deu: 2020-05}]'
caret="     | $(printf '%*s' 27 '')"$'\e[1;32m^\e[0m'
grep -qxF -- "$caret" "$T/stdout" || fail "caret not under column 26 of line 10"
run validate --color never bad.yaml
out_lacks $'\e['
# An option given twice takes its last value.
run validate --color never --color always bad.yaml
expect_code 1
out_has $'\e[1;31merror:\e[0m'

# --lang zh: Chinese messages and summary; rule ids unchanged.
run validate --lang zh bad.yaml
expect_code 1
out_matches '^bad\.yaml:4:3: error: .* \[unknown-key\]$'
expect_err "已检查 1 个文件：3 个错误，0 个警告（1 个文件未通过）"
LANG=zh_CN.UTF-8 LC_ALL= run validate "$EXAMPLES/minimal.yaml"
expect_err "已检查 1 个文件：没有发现问题"
echo "validate formats: ok"
