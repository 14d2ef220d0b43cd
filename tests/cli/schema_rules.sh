# planctl schema prints the embedded JSON Schema; planctl rules lists every rule.
source "$(dirname "$0")/lib/common.bash"
PY=/usr/bin/python3
[[ -x $PY ]] || { echo "no $PY; skipping" >&2; exit 125; }

run schema
expect_code 0
$PY -c 'import json,sys; json.load(sys.stdin)' <"$T/stdout" || fail "schema is not valid JSON"
cmp -s "$T/stdout" "$SRC/schemas/plan.schema.json" || fail "schema differs from schemas/plan.schema.json"

run rules
expect_code 0
out_matches '^unknown-key +error +'
out_matches '^heading-full-stop +warning +'
out_matches '^internal-error +error +'
rules=$(wc -l <"$T/stdout")
run rules --format json
$PY - "$T/stdout" "$rules" <<'PY' || fail "rules JSON"
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["version"] == 1
rules = doc["rules"]
assert len(rules) == int(sys.argv[2])
ids = [r["rule"] for r in rules]
assert len(ids) == len(set(ids)), "duplicate rule ids"
for r in rules:
    assert list(r) == ["rule", "severity", "description"] and r["severity"] in ("error", "warning")
    assert r["description"], r
PY
run rules --format markdown
expect_code 0
[[ "$(head -2 "$T/stdout")" == $'| rule | severity | description |\n|---|---|---|' ]] || fail "markdown header"
[[ "$(($(wc -l <"$T/stdout") - 2))" == "$rules" ]] || fail "markdown rows"

# Every rule id that validate can print is listed by rules.
run rules
ids=$(awk '{print $1}' "$T/stdout")
for f in "$SRC"/tests/invalid/*/*.yaml; do
  run validate "$f"
  for id in $(grep -oE '\[[a-z0-9-]+\]$' "$T/stdout" | tr -d '[]' | sort -u); do
    grep -qxF "$id" <<<"$ids" || fail "rule $id (from $f) is not listed by planctl rules"
  done
done
echo "schema and rules: ok"
