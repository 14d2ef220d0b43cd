# The key tables of docs/format.md list exactly the keys of the format's tables (as
# `planctl schema` prints them), with the same "required" column.
source "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3

run schema
expect_code 0
$PY - "$T/stdout" "$SRC/docs/format.md" <<'PY' || fail "docs/format.md and the format tables disagree"
import json, re, sys
schema = json.load(open(sys.argv[1], encoding="utf-8"))
defs = schema["definitions"]
def keys(body):
    return list(body["properties"]), set(body.get("required", []))
task_keys = ["id", "lead", "owner", "support", "start", "due", "months", "deliverables", "status"]
item_keys, item_required = keys(defs["item"])
# Which table documents which mapping: the section's heading, then the table's first header.
where = {
    ("The top level", "key"): keys(schema),
    ("`school`", "key"): keys(defs["school"]),
    ("`departments` and `people`", "key of a department"): keys(defs["department"]),
    ("`departments` and `people`", "key of a person"): keys(defs["person"]),
    ("`plan`", "key"): keys(defs["plan"]),
    ("Items and numbering", "key of an item"):
        ([k for k in item_keys if k not in task_keys], item_required),
    ("Tasks", "key"): (task_keys, set()),
    ("`activities`", "key"): keys(defs["activity"]),
    ("`activities`", "key of a photo"): keys(defs["photo"]),
    ("`bulletin`", "key"): keys(defs["bulletin"]),
    ("`report`", "key"): keys(defs["report"]),
}
assert set(task_keys) == set(item_keys) - {"title", "text", "points", "items"}
section, seen, problems = None, set(), []
lines = open(sys.argv[2], encoding="utf-8").read().split("\n")
i = 0
while i < len(lines):
    line = lines[i]
    if line.startswith("## "):
        section = line[3:].strip()
    m = re.match(r"^\| (key[^|]*) \|(.*)$", line)
    if m and (section, m.group(1).strip()) in where:
        header = [c.strip() for c in line.strip("|").split("|")]
        expected, required = where[(section, m.group(1).strip())]
        seen.add((section, m.group(1).strip()))
        rows, i = [], i + 2
        while i < len(lines) and lines[i].startswith("|"):
            cells = [c.strip() for c in lines[i].strip("|").split("|")]
            if re.fullmatch(r"`[a-z_]+`", cells[0]):
                rows.append(cells)
            i += 1
        listed = [r[0].strip("`") for r in rows]
        if listed != expected:
            problems.append(f"{section} / {m.group(1)}: the docs list {listed}, the format {expected}")
        if "required" in header:
            col = header.index("required")
            for r in rows:
                doc_required = r[col] == "yes"
                if doc_required != (r[0].strip("`") in required):
                    problems.append(f"{section}: {r[0]} is required={r[col]} in the docs")
        continue
    i += 1
for missing in set(where) - seen:
    problems.append(f"no table for {missing}")
for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
echo "format keys: ok"
