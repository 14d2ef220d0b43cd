#!/usr/bin/python3
"""Every total of every workbook equals the rows it sums, read back with openpyxl.

Renders each examples/*.yaml with `$PLANCTL render --format xlsx --as-of 2020-12-31`, and
batch-renders them all for district-summary.xlsx. For every formula cell (only totals are
formulas) it evaluates the formula itself from the cells it names (`=SUM(range)`,
`=COUNT(range)`, on its own sheet or on another) and checks that the value stored with the
formula is that figure. Then, independently of the formulas, it checks what the totals mean:
统计's 活动次数 total is the number of rows of 活动台账 (an activity that names tasks of two
departments counts once) and its 参加人次 total the sum of 活动台账's 人数; every department row
counts at most all the activities; 任务分工's per-task 活动次数 never exceed the ledger; and
no ledger row is dated after the as-of date.

Debian's /usr/bin/python3 (python3-openpyxl); exit 125 skips.
"""

import datetime
import glob
import os
import re
import subprocess
import sys
import tempfile

try:
    import openpyxl
    from openpyxl.utils import range_boundaries
except ImportError as error:  # pragma: no cover
    print(f"skip: {error}")
    sys.exit(125)

AS_OF = datetime.date(2020, 12, 31)
FORMULA = re.compile(r"^=(SUM|COUNT)\((?:'([^']+)'!)?([A-Z]+[0-9]+:[A-Z]+[0-9]+)\)$")

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def cells(ws, ref):
    min_col, min_row, max_col, max_row = range_boundaries(ref)
    for row in ws.iter_rows(min_row=min_row, max_row=max_row, min_col=min_col, max_col=max_col):
        for cell in row:
            yield cell.value


def evaluate(wb, sheet, formula, where):
    match = FORMULA.match(formula)
    if not check(match, f"{where}: a formula this test cannot read: {formula}"):
        return None
    function, other, ref = match.groups()
    ws = wb[other] if other else wb[sheet]
    numbers = [v for v in cells(ws, ref) if isinstance(v, (int, float)) and not isinstance(v, bool)]
    return sum(numbers) if function == "SUM" else len(numbers)


def check_formulas(path):
    """Each formula's stored value equals the figure its own range gives; returns the values."""
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    found = {}
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    where = f"{os.path.basename(path)} {ws.title}!{cell.coordinate}"
                    figure = evaluate(formulas, ws.title, cell.value, where)
                    stored = values[ws.title][cell.coordinate].value
                    check(figure == stored,
                          f"{where}: {cell.value} gives {figure}, the cell stores {stored}")
                    found[(ws.title, cell.coordinate)] = stored
    return formulas, found


def check_task_workbook(path):
    wb, found = check_formulas(path)
    name = os.path.basename(path)
    ledger = wb["活动台账"]
    rows = [r for r in ledger.iter_rows(min_row=4, values_only=True) if r[0] is not None]
    for r in rows:
        check(r[1].date() <= AS_OF, f"{name} 活动台账: {r[3]} dated {r[1]:%Y-%m-%d} after the as-of date")
    counted = len(rows)
    people = sum(r[8] for r in rows if isinstance(r[8], int))

    stats = wb["统计"]
    total_row = next(r for r in range(4, stats.max_row + 1) if stats.cell(r, 1).value == "合计")
    check(found.get(("统计", f"H{total_row}"), stats.cell(total_row, 8).value) == counted,
          f"{name} 统计 活动次数 total: expected the {counted} ledger rows, got "
          f"{found.get(('统计', f'H{total_row}'), stats.cell(total_row, 8).value)}")
    check(found.get(("统计", f"I{total_row}"), stats.cell(total_row, 9).value) == people,
          f"{name} 统计 参加人次 total: expected the ledger's {people}, got "
          f"{found.get(('统计', f'I{total_row}'), stats.cell(total_row, 9).value)}")
    linked = 0
    for r in range(4, total_row):
        activities = stats.cell(r, 8).value or 0
        check(activities <= counted, f"{name} 统计 row {r}: {activities} activities of {counted}")
        if stats.cell(r, 1).value == "其他工作（未关联任务）":
            linked = activities
    unlinked = sum(1 for r in rows if not r[4])
    check(linked == unlinked,
          f"{name} 统计: {unlinked} ledger rows name no task, the row says {linked}")
    for c in range(2, 8):
        cached = found.get(("统计", f"{openpyxl.utils.get_column_letter(c)}{total_row}"))
        summed = sum(stats.cell(r, c).value or 0 for r in range(4, total_row))
        if cached is not None:
            check(cached == summed, f"{name} 统计 column {c} total {cached} vs rows {summed}")

    tasks = wb["任务分工"]
    for r in range(4, tasks.max_row + 1):
        value = tasks.cell(r, 12).value
        if isinstance(value, int):
            check(value <= counted, f"{name} 任务分工 row {r}: {value} activities of {counted}")


def check_summary(path):
    wb, found = check_formulas(path)
    ws = wb["汇总"]
    total_row = next((r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "合计"), None)
    check(total_row is not None and found, "district-summary.xlsx: a total row of formulas")


def main():
    planctl = os.environ.get("PLANCTL")
    source_dir = os.environ.get("PLANCTL_SOURCE_DIR",
                                os.path.dirname(os.path.dirname(os.path.dirname(
                                    os.path.abspath(__file__)))))
    if not planctl or not os.access(planctl, os.X_OK):
        print("skip: $PLANCTL is not an executable planctl")
        return 125
    examples = sorted(glob.glob(os.path.join(source_dir, "examples", "*.yaml")))
    with tempfile.TemporaryDirectory() as tmp:
        for source in examples:
            out = os.path.join(tmp, os.path.basename(source))
            os.makedirs(out)
            result = subprocess.run([planctl, "render", source, "--format", "xlsx", "--as-of",
                                     AS_OF.isoformat(), "-o", out],
                                    capture_output=True, text=True, timeout=120)
            if not check(result.returncode == 0, f"{source}: render failed: {result.stderr}"):
                continue
            for path in glob.glob(os.path.join(out, "*.tasks.xlsx")):
                check_task_workbook(path)
        batch = os.path.join(tmp, "batch")
        result = subprocess.run([planctl, "batch", *examples, "--format", "xlsx", "--as-of",
                                 AS_OF.isoformat(), "-o", batch],
                                capture_output=True, text=True, timeout=300)
        summary = os.path.join(batch, "district-summary.xlsx")
        if check(os.path.exists(summary), f"batch wrote no summary: {result.stderr}"):
            check_summary(summary)
    for failure in failures[:40]:
        print("FAIL:", failure)
    if len(failures) > 40:
        print(f"... and {len(failures) - 40} more")
    print(f"{len(examples)} examples, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
