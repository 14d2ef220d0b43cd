# Every example with activities gives exactly its golden bulletins, byte for byte
# (tests/golden/bulletin/<example>/: `--bulletin all --format md,txt`, the photos beside the
# Markdown included; regenerate on purpose with tests/golden/bulletin/regenerate.sh). Each story
# opens 本报讯, and no generated phrase is used more than twice in one bulletin.
source "$(dirname "$0")/lib/common.bash"
golden="$PLANCTL_TEST_DATA_DIR/golden/bulletin"
checked=0
for example in "$EXAMPLES"/*.yaml; do
  name=$(basename "$example" .yaml)
  grep -q '^activities:' "$example" || continue
  [[ -d "$golden/$name" ]] || fail "no golden bulletins in tests/golden/bulletin/$name (run tests/golden/bulletin/regenerate.sh)"
  mkdir "$T/$name"
  run render "$example" -o "$T/$name" --bulletin all --format md,txt
  expect_code 0
  diff -r -u "$golden/$name" "$T/$name" ||
    fail "$name: bulletins differ from tests/golden/bulletin/$name (intended? run tests/golden/bulletin/regenerate.sh)"
  checked=$((checked + 1))
done
(( checked >= 4 )) || fail "only $checked examples with activities"
/usr/bin/python3 - "$golden" "$EXAMPLES" <<'PY' || fail "a bulletin repeats a stock phrase or lacks 本报讯"
import collections, glob, re, sys
for path in glob.glob(sys.argv[1] + "/*/*.bulletin-*.txt"):
    # The author's own words (a host, the participants) repeat as the ledger repeats them.
    source = open(sys.argv[2] + "/" + path.split("/")[-2] + ".yaml", encoding="utf-8").read()
    stories = [l.strip("\u3000") for l in open(path, encoding="utf-8") if l.startswith("\u3000\u3000本报讯 ")]
    assert stories, path
    # The generated clauses are those of the first paragraph between the title's sentence and
    # the summary: count every clause of the stories' second sentences.
    uses = collections.Counter()
    for s in stories:
        sentences = s.split("。")
        if len(sentences) > 2:
            for clause in re.split("[，；：]", sentences[1]):
                if len(clause) >= 4 and clause not in source:
                    uses[clause] += 1
    assert all(n <= 2 for n in uses.values()), (path, uses.most_common(3))
PY
echo "ok: $checked examples' bulletins"
