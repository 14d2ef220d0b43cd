# Resource bounds (docs/security.md, "Limits"): the worst inputs, generated here and never
# committed, fail with their own rule (or pass, for the largest legal file) through every entry
# point that reads a plan, within a stated time and memory. The measured figures are printed;
# with PLANCTL_LIMITS_REPORT=FILE they are also written to FILE as a Markdown table.
source "$(dirname "$0")/lib/common.bash"

command -v /usr/bin/time >/dev/null || { echo "/usr/bin/time is missing (package time)" >&2; exit 125; }

# Bounds every case must meet; they hold with a wide margin in the normal build (docs/security.md
# has the measured figures). The largest legal files are also held to issue #19's bounds: 256 MiB
# for validate and status, 512 MiB for render. A sanitizer
# build (Debug, ASan) is ten to fifty times slower: it checks the same rules and exit codes with
# looser bounds, and skips the largest legal files, whose cost says nothing about that build.
max_seconds=60
max_mb=1024
sanitized=no
if planctl_is_sanitized; then
  sanitized=yes
  max_seconds=120
  max_mb=2048
fi

/usr/bin/python3 - "$T" <<'PY'
import os, sys
d = sys.argv[1]
head = "version: 1\nschool:\n  name: 一中\nplan:\n  title: 计划\n  year: 2020\n  issuer: 一中\n  date: 2020-01-01\n"

def write(name, text):
    with open(os.path.join(d, name), "w", encoding="utf-8") as f:
        f.write(text)

# 50 MB: a valid head, then one comment line after another.
with open(os.path.join(d, "big.yaml"), "w", encoding="utf-8") as f:
    f.write(head + "  sections:\n    - title: 总则\n")
    line = "# " + "x" * 97 + "\n"
    f.write(line * (50 * 1000 * 1000 // len(line)))

# Alias bomb ("billion laughs"): nine levels of ten aliases each, 10^9 nodes expanded.
bomb = head + "  sections:\n    - title: 总则\nx-bomb:\n  l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n"
for i in range(1, 10):
    bomb += f"  l{i}: &l{i} [" + ", ".join([f"*l{i-1}"] * 10) + "]\n"
write("bomb.yaml", bomb)

# 10,000 levels of nesting, three ways: flow lists, flow mappings, block lists on one line.
n = 10000
write("deep-flow-list.yaml", head + "  sections:\n    - title: 总则\nx-deep: " + "[" * n + "]" * n + "\n")
write("deep-flow-map.yaml", head + "  sections:\n    - title: 总则\nx-deep: " + "{a: " * n + "b" + "}" * n + "\n")
write("deep-block-list.yaml", head + "  sections:\n    - title: 总则\nx-deep:\n  " + "- " * n + "x\n")

# Aliases to their own enclosing node: a list and a mapping.
write("self-alias-list.yaml", head + "  sections:\n    - title: 总则\nx-self: &s [a, *s]\n")
write("self-alias-map.yaml", head + "  sections:\n    - title: 总则\nx-self: &s {a: {b: *s}}\n")

# One text past its limit: a title of 10,001 characters, a text of 50,001.
write("long-title.yaml", head + "  sections:\n    - title: " + "长" * 10001 + "\n")
write("long-text.yaml", head + "  sections:\n    - title: 总则\n      text: " + "长" * 50001 + "\n")

# The largest legal file: just under 16 MiB of sections whose titles and texts are at their
# limits (10,000 and 50,000 characters), each a task with an owner, every one rendered.
limit = 16 * 1024 * 1024
body = head + "  sections:\n"
i = 0
while True:
    sec = (f"    - title: {'题' * 10000}\n      id: t{i}\n      lead: 教务处\n"
           f"      due: 2020-06-30\n      text: {'文' * 49000}\n")
    if len((body + sec).encode()) > limit - 200:
        break
    body += sec
    i += 1
# A last section whose text fills what is left.
rest = limit - 200 - len(body.encode()) - len("    - title: 末\n      text: \n".encode())
body += "    - title: 末\n      text: " + "文" * (rest // 3) + "\n"
write("max-texts.yaml", body)

# 16 MiB of small nodes (148,000 tasks, 1.9 million nodes): over limit-nodes.
parts = [head.replace("plan:\n", "people:\n  - {id: p, name: 王一}\nplan:\n"), "  sections:\n"]
size = sum(len(p.encode()) for p in parts)
i = 0
while True:
    item = (f"    - title: 任务{i}\n      id: t{i}\n      owner: p\n      due: 2020-06\n"
            f"      deliverables: [记录, 照片]\n")
    if size + len(item.encode()) > limit - 200:
        break
    parts.append(item)
    size += len(item.encode())
    i += 1
write("many-nodes.yaml", "".join(parts))

# The largest legal files of small nodes, just under 500,000 nodes: tasks with an owner, a due
# month and two deliverables (13 nodes each), and monthly tasks over ten years (7 nodes each),
# whose 月度安排 would have 120 cells a task.
write("max-nodes.yaml", "".join(parts[:2 + 38000]))
write("max-monthly.yaml",
      head.replace("  issuer:", "  period: {start: 2020-01-01, end: 2029-12-31}\n  issuer:") +
      "  sections:\n" +
      "".join(f"    - {{title: 任务{i}, id: t{i}, due: 每月}}\n" for i in range(71000)))
PY

for f in max-texts.yaml many-nodes.yaml; do
  bytes=$(stat -c %s "$f")
  ((bytes <= 16 * 1024 * 1024 && bytes > 16 * 1024 * 1024 - 64 * 1024)) ||
    fail "$f is $bytes bytes, not just under 16 MiB"
done
((($(stat -c %s big.yaml)) > 49 * 1000 * 1000)) || fail "big.yaml is not 50 MB"

report="$T/report.md"
printf '| input | command | exit | rule | wall s | peak MB |\n|---|---|---|---|---|---|\n' >"$report"

# measure LABEL EXPECTED_CODE RULE ARGS...: runs planctl under /usr/bin/time -v, checks the
# exit code and (when RULE is not -) that the rule id is reported, and records the figures.
measure() {
  local label="$1" want="$2" rule="$3"
  shift 3
  set +e
  /usr/bin/time -v -o "$T/time" "$PLANCTL" "$@" >"$T/stdout" 2>"$T/stderr" </dev/null
  CODE=$?
  set -e
  [[ "$CODE" == "$want" ]] || fail "$label: planctl $*: expected exit $want"
  if [[ "$rule" != - ]]; then
    # validate prints findings on standard output, render on standard error.
    grep -qF "[$rule]" "$T/stdout" "$T/stderr" || fail "$label: no [$rule] finding"
  fi
  local wall kb secs mb
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$T/time")
  kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
  secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }' <<<"$wall")
  mb=$(awk -v kb="$kb" 'BEGIN { printf "%.0f", kb / 1024 }')
  printf '| %s | %s | %s | %s | %s | %s |\n' "$label" "$1" "$CODE" "$rule" "$secs" "$mb" >>"$report"
  awk -v s="$secs" -v m="$max_seconds" 'BEGIN { exit !(s <= m) }' ||
    fail "$label: $secs s is over $max_seconds s"
  ((mb <= max_mb)) || fail "$label: $mb MB is over $max_mb MB"
  # The bounds of issue #19 for the largest legal files (MiB of peak memory, 1 MB = 1 MiB here).
  if [[ -n "${bound_mb:-}" && "$sanitized" == no ]]; then
    ((kb <= bound_mb * 1024)) || fail "$label: $((kb / 1024)) MiB is over $bound_mb MiB"
  fi
}

mkdir out
# validate, from a path and from standard input.
measure "50 MB file" 1 limit-size validate big.yaml
set +e
/usr/bin/time -v -o "$T/time" "$PLANCTL" validate - <big.yaml >"$T/stdout" 2>"$T/stderr"
CODE=$?
set -e
expect_code 1
out_has "[limit-size]"
kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$T/time")
((kb / 1024 <= max_mb)) || fail "50 MB on standard input: $((kb / 1024)) MB"
printf '| 50 MB file | validate - (stdin) | %s | limit-size | - | %s |\n' "$CODE" "$((kb / 1024))" >>"$report"

measure "alias bomb (10^9 nodes)" 1 limit-aliases validate bomb.yaml
measure "10,000 nested [ ] (flow list)" 1 limit-depth validate deep-flow-list.yaml
measure "10,000 nested { } (flow map)" 1 limit-depth validate deep-flow-map.yaml
measure "10,000 nested - (block list)" 1 limit-depth validate deep-block-list.yaml
measure "self-referencing alias (list)" 1 alias-cycle validate self-alias-list.yaml
measure "self-referencing alias (map)" 1 alias-cycle validate self-alias-map.yaml
measure "title of 10,001 characters" 1 limit-text validate long-title.yaml
measure "text of 50,001 characters" 1 limit-text validate long-text.yaml
measure "16 MiB of small nodes (1.9 million)" 1 limit-nodes validate many-nodes.yaml
if [[ "$sanitized" == no ]]; then
  bound_mb=256 measure "largest legal file, long texts" 0 - validate max-texts.yaml
  bound_mb=256 measure "largest legal file, small nodes (494,000)" 0 - validate max-nodes.yaml
  bound_mb=256 measure "largest legal file, monthly tasks over ten years" 0 - validate max-monthly.yaml
fi

# render reads through the same loader: the same rules, and nothing is written.
measure "50 MB file" 1 limit-size render -o out big.yaml
measure "alias bomb (10^9 nodes)" 1 limit-aliases render -o out bomb.yaml
measure "10,000 nested [ ] (flow list)" 1 limit-depth render -o out deep-flow-list.yaml
measure "self-referencing alias (map)" 1 alias-cycle render -o out self-alias-map.yaml
[[ -z "$(ls -A out)" ]] || fail "render wrote into out/ for a file over a limit"
# batch and status read through the same loader too: every file fails with its own rule.
mkdir worst
declare -A rule_of=([big.yaml]=limit-size [bomb.yaml]=limit-aliases [deep-flow-list.yaml]=limit-depth
  [deep-flow-map.yaml]=limit-depth [deep-block-list.yaml]=limit-depth [self-alias-list.yaml]=alias-cycle
  [self-alias-map.yaml]=alias-cycle [long-title.yaml]=limit-text [long-text.yaml]=limit-text)
for f in "${!rule_of[@]}"; do ln "$f" "worst/$f"; done
measure "the 9 files above" 1 - batch -j 2 -o batch-out worst
for f in "${!rule_of[@]}"; do
  grep -qE "^worst/$f(:[0-9]+:[0-9]+)?: error: .*\[${rule_of[$f]}\]\$" "$T/stderr" ||
    fail "batch: no [${rule_of[$f]}] finding for $f"
done
[[ "$(ls -A batch-out)" == district-summary.xlsx ]] || fail "batch wrote documents for failed files"
measure "the 9 files above" 1 - status worst/*.yaml
for f in "${!rule_of[@]}"; do
  grep -qE "^worst/$f(:[0-9]+:[0-9]+)?: error: .*\[${rule_of[$f]}\]\$" "$T/stderr" ||
    fail "status: no [${rule_of[$f]}] finding for $f"
done

if [[ "$sanitized" == no ]]; then
  bound_mb=512 measure "largest legal file, long texts" 0 - render -o out max-texts.yaml
  bound_mb=512 measure "largest legal file, small nodes (494,000)" 0 - render -o out max-nodes.yaml
  bound_mb=512 measure "largest legal file, monthly tasks over ten years" 0 - render -o out max-monthly.yaml
  [[ -s out/max-texts.plan.docx && -s out/max-nodes.tasks.xlsx && -s out/max-monthly.tasks.xlsx ]] ||
    fail "largest files not rendered"
  grep -qF 'only the first 8333 tasks are shown' "$T/stderr" || fail "no warning for the month cells cut"
  mkdir legal
  ln max-texts.yaml max-nodes.yaml legal/
  measure "both largest legal files" 0 - batch -j 2 -o batch-legal legal
  bound_mb=256 measure "largest legal file, small nodes (494,000)" 0 - status max-nodes.yaml
  bound_mb=256 measure "largest legal file, monthly tasks over ten years" 0 - status max-monthly.yaml
else
  echo "sanitizer build: the largest legal files are not measured"
fi

cat "$report"
if [[ -n "${PLANCTL_LIMITS_REPORT:-}" ]]; then
  cp "$report" "$PLANCTL_LIMITS_REPORT"
fi
