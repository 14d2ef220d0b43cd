#!/usr/bin/python3
"""No stock phrase more than twice in a report (docs/report.md).

Renders the report text of every examples/*.yaml and of 50 schools written by
bench/gen_plans.py (20 tasks, 40 activities each) and splits each report body into clauses
(the text between ，。；：). A clause of four characters or more that is not a date and does
not occur in the plan file itself (so it is the writer's wording, not the author's) may
appear at most twice in one report.

Debian's /usr/bin/python3; exit 125 skips.
"""

import collections
import glob
import os
import re
import subprocess
import sys
import tempfile

SPLIT = re.compile("[，。；：]")
DATE = re.compile(r"^[0-9年月日至、—]+$")


def phrases(report_text, source_text):
    counts = collections.Counter()
    for line in report_text.splitlines():
        for clause in SPLIT.split(line.strip("\u3000 ")):
            if len(clause) < 4 or DATE.match(clause) or clause in source_text:
                continue
            counts[clause] += 1
    return counts


def main():
    planctl = os.environ.get("PLANCTL")
    source_dir = os.environ.get("PLANCTL_SOURCE_DIR",
                                os.path.dirname(os.path.dirname(os.path.dirname(
                                    os.path.abspath(__file__)))))
    if not planctl or not os.access(planctl, os.X_OK):
        print("skip: $PLANCTL is not an executable planctl")
        return 125
    failures = []
    reports = 0
    with tempfile.TemporaryDirectory() as tmp:
        generated = os.path.join(tmp, "generated")
        subprocess.run([sys.executable, os.path.join(source_dir, "bench", "gen_plans.py"),
                        "--schools", "50", "--tasks", "20", "--activities", "40", "--out",
                        generated], check=True, capture_output=True, timeout=120)
        sources = sorted(glob.glob(os.path.join(source_dir, "examples", "*.yaml")))
        sources += sorted(glob.glob(os.path.join(generated, "*.yaml")))
        out = os.path.join(tmp, "out")
        os.makedirs(out)
        for source in sources:
            folder = os.path.join(out, os.path.basename(source))
            os.makedirs(folder)
            result = subprocess.run([planctl, "render", source, "--format", "txt", "-o", folder],
                                    capture_output=True, text=True, timeout=120)
            if result.returncode != 0:
                failures.append(f"{source}: render failed: {result.stderr}")
                continue
            with open(source, encoding="utf-8") as f:
                source_text = f.read()
            for path in glob.glob(os.path.join(folder, "*.report.txt")):
                reports += 1
                with open(path, encoding="utf-8") as f:
                    counts = phrases(f.read(), source_text)
                for clause, n in sorted(counts.items()):
                    if n > 2:
                        failures.append(f"{os.path.basename(source)}: “{clause}” {n} times")
    for failure in failures[:40]:
        print("FAIL:", failure)
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more")
    print(f"{reports} reports, {len(failures)} stock phrases used more than twice")
    if reports < 50:
        print("FAIL: fewer than 50 reports were checked")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
