# What aliases carry counts against the limits (docs/security.md, "Aliases"): files that are
# small as written but repeat a long text or title through aliases are refused while parsing,
# at the alias that passes the limit, quickly and in little memory; ordinary uses of aliases
# (an owner, a phrase repeated) still pass. The files are generated here and never committed.
source "$(dirname "$0")/lib/common.bash"

command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time is missing (package time)" >&2; exit 125; }

# Before this limit, the first file took 13.7 s and 2.9 GB to validate; refused at the alias it
# takes a few hundredths of a second. A sanitizer build (ASan, Debug) is ten to fifty times
# slower and its allocator keeps more: its bounds are looser, as in limits.sh.
max_seconds=1
max_mb=64
if planctl_is_sanitized; then
  max_seconds=20
  max_mb=1024 # ASan keeps up to 256 MB of freed memory in quarantine
fi

/usr/bin/python3 - "$T" <<'PY'
import os, sys
d = sys.argv[1]
head = "version: 1\nschool:\n  name: 一中\nplan:\n  title: 计划\n  year: 2020\n  issuer: 一中\n  date: 2020-01-01\n"

def write(name, text):
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text)

# A first section whose text (49,000 characters) is anchored, then N sections using it.
def text_sections(n):
    body = head + "  sections:\n    - title: 总则\n      text: &t \"" + "甲" * 49000 + "\"\n"
    return body + "".join(f"    - {{title: 节{i}, text: *t}}\n" for i in range(n))

write("text-20000.yaml", text_sections(20000))  # 816 KB
write("text-2000.yaml", text_sections(2000))    # 212 KB
# A section whose title is 9,000 characters, anchored, and 5,000 aliases of the section.
write("title-5000.yaml", head + "  sections:\n    - &s {title: " + "题" * 9000 + "}\n" +
      "    - *s\n" * 5000)
# Ordinary uses: an owner and a phrase repeated on every one of 2,000 tasks, and a section
# repeated a few times.
body = head.replace("plan:\n", "people:\n  - {id: p, name: 王一}\nplan:\n") + "  sections:\n"
body += "    - title: &phrase 加强教学常规管理，提高课堂教学效率\n      owner: &o p\n"
body += "    - &sec {title: 安全工作, text: 开展安全教育，落实安全责任。}\n"
for i in range(2000):
    body += f"    - {{title: 任务{i}, owner: *o, text: *phrase}}\n"
body += "    - *sec\n" * 3
write("ordinary.yaml", body)
PY

# measure LABEL WANT_CODE ARGS...: runs planctl under /usr/bin/time; checks the exit code and
# the time and memory bounds; prints the figures.
measure() {
  local label="$1" want="$2"
  shift 2
  set +e
  /usr/bin/time -f 'time: %e %U %S %M' -o "$T/time" "$PLANCTL" "$@" >"$T/stdout" 2>"$T/stderr" </dev/null
  CODE=$?
  set -e
  [[ "$CODE" == "$want" ]] || fail "$label: planctl $*: expected exit $want"
  local wall user sys kb cpu
  read -r _ wall user sys kb < <(grep '^time: ' "$T/time")
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "$label: planctl $*: exit $CODE, $cpu s CPU ($wall s wall), $((kb / 1024)) MB"
  # CPU time, not wall time: the machine running the suite is often busy with other jobs.
  awk -v s="$cpu" -v m="$max_seconds" 'BEGIN { exit !(s <= m) }' ||
    fail "$label: $cpu s of CPU is over $max_seconds s"
  ((kb / 1024 <= max_mb)) || fail "$label: $((kb / 1024)) MB is over $max_mb MB"
}

# The 816,045-byte file may become 10 × 816,045 + 1 MiB = 9,209,026 bytes with its aliases
# written out; each *t carries 147,001 bytes (49,000 characters of 3 bytes, and its node), so
# the 58th alias passes it: section 节57, on line 69 (the sections start on line 12).
measure "20,000 aliases of a 49,000-character text" 1 validate text-20000.yaml
expect_out "text-20000.yaml:69:26: error: with its aliases written out the file would be larger than 8.8 MiB by here (*t repeats 143.6 KiB each time; aliases may make a file at most 10 times its size plus 1 MiB, and 16 MiB in all); write a long value once and use aliases for short ones such as an owner [limit-aliases]"
expect_err "1 file checked: 1 error, 0 warnings (1 file fails)"

mkdir out
measure "2,000 aliases of a 49,000-character text" 1 render -o out text-2000.yaml
err_has "text-2000.yaml:"
err_has "[limit-aliases]"
[[ -z "$(ls -A out)" ]] || fail "render wrote into out/ for a file over the alias limit"

measure "5,000 aliases of a section titled with 9,000 characters" 1 render -o out title-5000.yaml
err_has "title-5000.yaml:"
err_has "[limit-aliases]"
[[ -z "$(ls -A out)" ]] || fail "render wrote into out/ for a file over the alias limit"
measure "5,000 aliases of a section titled with 9,000 characters" 1 validate --lang zh title-5000.yaml
out_has "别名展开后的文件将超过"

# status and batch read through the same loader.
mkdir worst
ln text-20000.yaml title-5000.yaml worst/
measure "both files above" 1 status worst/text-20000.yaml worst/title-5000.yaml
measure "both files above" 1 batch -j 2 -o batch-out worst
[[ "$(grep -c '\[limit-aliases\]' "$T/stderr")" == 2 ]] || fail "batch: not two [limit-aliases] findings"

# An owner, a phrase and a section repeated by alias pass.
measure "2,000 tasks repeating an owner and a phrase" 0 validate ordinary.yaml
measure "2,000 tasks repeating an owner and a phrase" 0 render -o out ordinary.yaml

# A finding about a value that came through an alias is reported where the alias is, with a
# note at the anchor, for the loader's rules and the checks alike, in every format.
cat >note.yaml <<'YAML'
version: 1
school:
  name: 一中
people:
  - {id: p, name: 王一}
plan:
  title: 计划
  year: 2020
  issuer: 一中
  date: 2020-01-01
  sections:
    - {title: 一, id: a, owner: &who 王二, due: &when 2020-13}
    - {title: 二, id: b, owner: *who, due: *when}
YAML
run validate --lang en note.yaml
expect_code 1
expect_out 'note.yaml:12:32: error: unknown person "王二" in "owner" (did you mean "王一"?) [unknown-person]
note.yaml:12:46: error: "due" is not a real calendar date: "2020-13" [date]
note.yaml:13:32: error: unknown person "王二" in "owner" (did you mean "王一"?) [unknown-person]
note.yaml:12:32: note: the value comes from the anchor &who here
note.yaml:13:43: error: "due" is not a real calendar date: "2020-13" [date]
note.yaml:12:46: note: the value comes from the anchor &when here'
run validate --format json note.yaml
/usr/bin/python3 - "$T/stdout" <<'PY' || fail "JSON notes"
import json, sys
doc = json.load(open(sys.argv[1]))
items = doc["files"][0]["diagnostics"]
at_alias = [d for d in items if d["line"] == 13]
assert at_alias and all(d["notes"][0]["line"] == 12 for d in at_alias), at_alias
assert all("notes" not in d for d in items if d["line"] == 12), items
PY
