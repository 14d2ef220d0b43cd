# A real JSON Schema validator (python3-jsonschema) as the oracle of `planctl schema`: it
# accepts every example and every tests/invalid file that planctl accepts, and rejects every
# file planctl rejects for a reason the schema states (a key, a type, a list's length, a value's
# pattern). YAML is read as planctl reads it, by the YAML 1.2 core schema (`0123` is a number,
# `yes` and `2020-09-01` are texts, an empty value is null).
source "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3
$PY -c 'import jsonschema, yaml' || fail "python3-jsonschema and python3-yaml are needed (scripts/install-deps.sh)"

run schema
expect_code 0
cp "$T/stdout" "$T/schema.json"

files=("$SRC"/examples/*.yaml "$SRC"/tests/invalid/load/*.yaml "$SRC"/tests/invalid/check/*.yaml)
((${#files[@]} > 60)) || fail "only ${#files[@]} files matched"
# Empty values, which planctl reads as absent: the schema allows null wherever planctl does.
cat >"$T/empty-values.yaml" <<'YAML'
version: 1
school: {name: 二中, short_name:, code:, district: ~, profile:}
departments:
people:
plan:
  title: 计划
  year: 2020
  period:
  issuer: 二中
  date: 2020-01-01
  basis:
  numbering:
  attachments:
  sections:
    - title: 一
      text:
      points:
      items:
      id: a
      lead:
      owner:
      start:
      due:
      months:
      status:
activities:
  - {date: 2020-03-01, title: 会, end:, task:, host:, participants:, count:, place:, summary:}
report: {title:, issuer:, date:, opening:, overview:, groups:, achievements:, problems:, next_steps:, headings:}
YAML
run validate "$T/empty-values.yaml"
expect_code 0
files+=("$T/empty-values.yaml")
printf '%s\n' "${files[@]}" >"$T/files"

$PY - "$T/schema.json" "$T/files" "$PLANCTL" <<'PY' || fail "the schema and planctl disagree"
import json, re, subprocess, sys
import jsonschema, yaml

class Core(yaml.SafeLoader):
    """YAML 1.2 core schema: only these plain scalars are typed; everything else is a text."""
Core.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+0123456789."),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    Core.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern), list(first))
def core_int(loader, node):
    v = loader.construct_scalar(node)
    return int(v, 8 if v.startswith("0o") else 16 if v.startswith("0x") else 10)
Core.add_constructor("tag:yaml.org,2002:int", core_int)

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
# Rules whose findings the schema states too: a file planctl rejects only with these must fail
# the schema as well. Left out: what JSON Schema cannot say (a day that does not exist, a text
# of spaces, a numbering style written twice in two spellings).
stated = {"unknown-key", "missing-key", "type", "empty-list", "too-many-entries", "date",
          "due", "status", "numbering", "school-code", "year-range", "month-number", "version",
          "id"}
beyond = ("not a real calendar date", "has no value", "is blank", "more than once", "twice")
problems, accepted, rejected = [], 0, 0
for path in open(sys.argv[2], encoding="utf-8").read().split():
    run = subprocess.run([sys.argv[3], "validate", "-f", "json", path], capture_output=True,
                         text=True)
    found = [d for f in json.loads(run.stdout)["files"] for d in f["diagnostics"]]
    errors_found = [d for d in found if d["severity"] == "error"]
    try:
        doc = yaml.load(open(path, encoding="utf-8-sig"), Loader=Core)
    except Exception as e:
        if not errors_found:
            problems.append(f"{path}: planctl accepts it, PyYAML cannot read it: {e}")
        continue
    errors = [e.message for e in validator.iter_errors(doc)]
    if not errors_found:
        accepted += 1
        if errors:
            problems.append(f"{path}: planctl accepts it, the schema says: {errors[:3]}")
    elif all(d["rule"] in stated and not any(b in d["message"] for b in beyond)
             for d in errors_found):
        rejected += 1
        if not errors:
            problems.append(f"{path}: planctl rejects it ({errors_found[0]['message']}), "
                            "the schema accepts it")
for p in problems:
    print(p)
print(f"schema oracle: {accepted} accepted and {rejected} rejected by both")
sys.exit(1 if problems or accepted < 10 or rejected < 10 else 0)
PY
echo "schema oracle: ok"
