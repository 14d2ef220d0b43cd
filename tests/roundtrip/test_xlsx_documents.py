#!/usr/bin/python3
"""The workbook says what the documents say: for every examples/*.yaml and
tests/data/workbook-wording.yaml (the wording the two once disagreed on), the texts of the
task workbook's cells (read with openpyxl) equal the paragraphs of the plan and report .docx
(read with python-docx) that the same render wrote.

- 任务分工: for each task row, the plan document has, in order, the item's heading or run-in
  paragraph whose title is 工作任务, and its body paragraphs are the lines of 主要措施 (for a
  run-in item the first line is the text after the title).
- 活动台账: under the report's 主要做法, the （n） heading of each 工作类别 holds that
  group's activities: 活动名称 and 参加对象 are in its paragraphs as the cells write them,
  and each line of 内容摘要 is one of its paragraphs or ends one (the report words and
  merges the sentences around them: docs/report.md).

Debian's /usr/bin/python3 (python3-openpyxl, python3-docx).
"""

import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

try:
    import docx
    import openpyxl
except ImportError as error:  # pragma: no cover
    common.skip(f"python3-docx and python3-openpyxl are needed: {error}")

# `一、` `（一）` `1.` `（1）` at the start of a heading or run-in paragraph.
NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.|（\d+）)")
CLOSING = "，,、 　"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def blocks_of(path):
    """The body of a .docx as (kind, head, text): heading (head = number + title), run-in
    (head = the styled run: number + title + closing mark; text = the rest) or paragraph."""
    blocks = []
    for paragraph in docx.Document(str(path)).paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        runs = paragraph.runs
        if style.startswith("Heading"):
            blocks.append(("heading", paragraph.text, ""))
        elif (runs and runs[0].style is not None
              and runs[0].style.name.replace(" ", "").lower().startswith("run-inheading")):
            blocks.append(("run_in", runs[0].text, "".join(r.text for r in runs[1:])))
        elif style.replace(" ", "") == "BodyText":
            blocks.append(("paragraph", "", paragraph.text))
    return blocks


def bare_title(head):
    """A heading or run-in head without its number and closing mark, as a cell names it."""
    title = NUMBER.sub("", head, count=1)
    while title and (title[-1] in CLOSING or title.endswith("。")):
        title = title[:-1]
    return title


def cell_lines(value):
    return value.split("\n") if value else []


def check_tasks(example, blocks, ws):
    cursor = 0
    for r in range(4, ws.max_row + 1):
        title, measures = ws.cell(r, 3).value or "", ws.cell(r, 4).value
        where = f"{example} 任务分工 row {r} ({title})"
        lines = cell_lines(measures)
        wanted = title.rstrip(CLOSING)
        found = next((i for i in range(cursor, len(blocks))
                      if blocks[i][0] != "paragraph" and bare_title(blocks[i][1]) == wanted), None)
        if not check(found is not None, f"{where}: no heading or run-in item titled so in the plan"):
            continue
        kind, _, text = blocks[found]
        body = []
        if kind == "run_in":
            body.append(text)
        following = found + 1
        while following < len(blocks) and blocks[following][0] == "paragraph":
            body.append(blocks[following][2])
            following += 1
        if kind == "run_in" and not text:
            body = body[1:]
        check(body[: len(lines)] == lines and (len(body) == len(lines) or not lines),
              f"{where}: 主要措施 {lines!r} but the plan document says {body!r}")
        cursor = following


def practice_groups(blocks):
    """{group title: [paragraphs]} for each （n） heading of the report, in order."""
    groups, current = {}, None
    for kind, head, text in blocks:
        if kind == "heading" and head.startswith("（"):
            current = groups.setdefault(bare_title(head), [])
        elif kind == "heading":
            current = None
        elif kind == "paragraph" and current is not None:
            current.append(text)
    return groups


def check_activities(example, blocks, ws):
    # The report tells activities in varied sentences, merges those of one day or one title
    # and opens a group with a lead (docs/report.md), so the ledger's texts are looked for
    # in the group's paragraphs, not paragraph by paragraph.
    groups = practice_groups(blocks)
    for r in range(4, ws.max_row + 1):
        title = ws.cell(r, 4).value or ""
        group = (ws.cell(r, 6).value or "").rstrip(CLOSING)
        participants = ws.cell(r, 8).value or ""
        lines = cell_lines(ws.cell(r, 11).value)
        where = f"{example} 活动台账 row {r} ({title})"
        if not check(group in groups, f"{where}: 工作类别 {group!r} is no （n） heading of the "
                                      f"report ({list(groups)!r})"):
            continue
        paragraphs = groups[group]
        check(any(title in p for p in paragraphs),
              f"{where}: 活动名称 in no paragraph under {group!r}: {paragraphs!r}")
        check(any(participants in p for p in paragraphs),
              f"{where}: 参加对象 {participants!r} in no paragraph under {group!r}")
        for line in lines:
            check(any(p == line or p.endswith(line) for p in paragraphs),
                  f"{where}: 内容摘要 line {line!r} is no paragraph (nor a paragraph's end) "
                  f"under {group!r}: {paragraphs!r}")


def main():
    planctl, source, _ = common.environment()
    examples = sorted((source / "examples").glob("*.yaml"))
    check(bool(examples), f"no examples under {source / 'examples'}")
    with tempfile.TemporaryDirectory(prefix="planctl-xlsx-docs-") as tmp:
        # As of a late date, so that the ledger lists every activity the report tells of.
        rendered = {}
        plans = examples + [source / "tests" / "data" / "workbook-wording.yaml"]
        for plan in plans:
            folder = Path(tmp) / plan.stem
            folder.mkdir()
            proc = subprocess.run([str(planctl), "render", str(plan), "-o", str(folder),
                                   "--format", "docx,xlsx", "--as-of", "2099-12-31"],
                                  capture_output=True, text=True)
            if check(proc.returncode == 0, f"{plan.name}: render exited {proc.returncode}: "
                                           f"{proc.stderr}"):
                rendered[plan.stem] = folder
        tasks = activities = 0
        for example, folder in sorted(rendered.items()):
            books = list(folder.glob("*.tasks.xlsx"))
            plans = list(folder.glob("*.plan.docx"))
            if not check(len(books) == 1 and len(plans) == 1, f"{example}: outputs {books} {plans}"):
                continue
            workbook = openpyxl.load_workbook(books[0])
            check_tasks(example, blocks_of(plans[0]), workbook["任务分工"])
            tasks += max(0, workbook["任务分工"].max_row - 3)
            ledger = workbook["活动台账"]
            reports = list(folder.glob("*.report.docx"))
            if ledger.max_row > 3 and check(len(reports) == 1, f"{example}: no report"):
                check_activities(example, blocks_of(reports[0]), ledger)
                activities += ledger.max_row - 3
    if failures:
        print("\n".join(failures[:40]))
        print(f"{len(failures)} failure(s)")
        return 1
    print(f"ok: {len(rendered)} plans, {tasks} task rows and {activities} activity rows agree "
          f"with the documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
