#!/usr/bin/python3
"""Reads every rendered task workbook back with openpyxl and checks it against the plan.

For each examples/*.yaml and tests/data/hostile-workbook.yaml this runs
`$PLANCTL render FILE --format xlsx --as-of 2020-12-31 -o DIR`, computes from the YAML
(read with python3-yaml, every scalar as its source text) what each sheet must hold, and
compares: sheet names, one row per task and per activity, every cell value and type, the
merged group ranges, date cells and their formats, that only the 统计 totals are formulas,
the drop-down and the state colours, fonts, print settings, the chart. It also checks that
two renders are byte-identical and that an over-long text is cut with a warning.

Debian's /usr/bin/python3 (python3-openpyxl, python3-yaml); exit 125 skips.
"""

import datetime
import glob
import os
import subprocess
import sys
import tempfile
import zipfile

try:
    import openpyxl
    import yaml
except ImportError as error:  # pragma: no cover
    print(f"skip: {error}")
    sys.exit(125)

AS_OF = datetime.date(2020, 12, 31)
STATES = ["已完成", "进行中", "逾期", "未开始", "长期"]
KEYWORDS = ["全年", "长期", "每学期", "每月", "每周"]
TASK_KEYS = ["id", "lead", "owner", "support", "start", "due", "months", "deliverables", "status"]
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
MONTH_FORMAT = 'yyyy"年"m"月"'
FACES = {"宋体", "黑体"}
CUT_MARK = "…（已截断）"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def equal(actual, expected, where):
    return check(actual == expected, f"{where}: expected {expected!r}, got {actual!r}")


# ---------------------------------------------------------------- the plan, as planctl reads it


def load_plan(path):
    with open(path, encoding="utf-8-sig") as f:
        # BaseLoader keeps every scalar as its source text, as the plan format says.
        return yaml.load(f, Loader=yaml.BaseLoader)


def present(value):
    return value is not None and value != ""


def as_list(value):
    if not present(value):
        return []
    return value if isinstance(value, list) else [value]


def parse_day_or_month(text):
    """('date', date) for YYYY-MM-DD, ('month', date of the 1st) for YYYY-MM, else None."""
    if not isinstance(text, str):
        return None
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return ("date", datetime.date(int(parts[0]), int(parts[1]), int(parts[2])))
        if len(parts) == 2:
            return ("month", datetime.date(int(parts[0]), int(parts[1]), 1))
    except ValueError:
        return None
    return None


def last_day(kind_date):
    kind, day = kind_date
    if kind == "date":
        return day
    following = datetime.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - datetime.timedelta(days=1)


def is_chinese(ch):
    cp = ord(ch)
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2FA1F
            or 0xF900 <= cp <= 0xFAFF or cp == 0x3007 or 0x3000 <= cp <= 0x303F
            or 0xFF00 <= cp <= 0xFFEF or cp in (0x201C, 0x201D, 0x2018, 0x2019, 0x2026,
                                                 0x2014, 0x00B7))


BLANK = " \t\u3000"


def split_paragraphs(raw):
    """layout::split_paragraphs: blank lines split paragraphs, lines are trimmed of spaces,
    tabs and ideographic spaces, single breaks are removed (a space only between two
    non-Chinese characters)."""
    paragraphs, current = [], ""
    for line in raw.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        piece = line.strip(BLANK)
        if piece == "":
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if current and not is_chinese(current[-1]) and not is_chinese(piece[0]):
            current += " "
        current += piece
    if current:
        paragraphs.append(current)
    return paragraphs


def join_lines(raw):
    out = ""
    for piece in split_paragraphs(raw):
        if out and not is_chinese(out[-1]) and not is_chinese(piece[0]):
            out += " "
        out += piece
    return out


def heading(raw):
    """A title as the documents' headings word it: one line, no closing 。."""
    text = join_lines(raw)
    while text.rstrip(BLANK).endswith("。"):
        text = text.rstrip(BLANK)[:-1]
    return text.rstrip(BLANK)


def join_paragraphs(raw):
    return "\n".join(split_paragraphs(raw))


def ends_in_terminal(text):
    text = text.rstrip(BLANK).rstrip("”’」』）\"'")
    return bool(text) and text[-1] in "。！？；…!?;"


def close_sentence(text):
    """layout::close_sentence: `。` added unless terminal, closing commas dropped first."""
    if not text or ends_in_terminal(text):
        return text
    return text.rstrip(BLANK + "，,、") + "。"


NUMERALS = "零一二三四五六七八九"


def chinese_numeral(n):
    if n < 10:
        return NUMERALS[n]
    if n < 20:
        return "十" + (NUMERALS[n % 10] if n % 10 else "")
    return NUMERALS[n // 10] + "十" + (NUMERALS[n % 10] if n % 10 else "")


def join_points(points):
    out, n = "", 0
    for point in points:
        text = join_lines(point)
        if not text:
            continue
        n += 1
        out += chinese_numeral(n) + "是" + close_sentence(text)
    return out


def number_style_is_heading(style):
    return "一" in style


def flatten_tasks(plan):
    """Tasks in document order, each with its group item (plan-format.md, groups)."""
    numbering = plan.get("numbering")
    headings = ([number_style_is_heading(s) for s in numbering] if present(numbering)
                else [True, True, False, False])
    tasks = []

    def walk(items, chain):
        depth = len(chain) + 1
        heading = headings[min(depth, len(headings)) - 1]
        for item in as_list(items):
            frame = chain + [(item, heading)]
            if any(key in item for key in TASK_KEYS):
                group = frame[0][0]
                for candidate, is_heading in reversed(frame):
                    if is_heading:
                        group = candidate
                        break
                tasks.append({"item": item, "group": group})
            walk(item.get("items"), frame)

    walk(plan["sections"], [])
    return tasks


def resolve(entries, ref):
    for entry in entries:
        if entry.get("id") == ref:
            return entry["name"]
    for entry in entries:
        if entry.get("name") == ref:
            return entry["name"]
    return ref


class Expected:
    """What the workbook of one plan must hold."""

    def __init__(self, data):
        self.data = data
        plan = data["plan"]
        self.plan = plan
        departments = data.get("departments")
        people = data.get("people")
        self.department = ((lambda ref: resolve(as_list(departments), ref)) if "departments" in data
                           else (lambda ref: ref))
        self.person = ((lambda ref: resolve(as_list(people), ref)) if "people" in data
                       else (lambda ref: ref))
        year = int(plan["year"])
        period = plan.get("period")
        if present(period):
            self.period = (datetime.date.fromisoformat(period["start"]),
                           datetime.date.fromisoformat(period["end"]))
        else:
            self.period = (datetime.date(year, 1, 1), datetime.date(year, 12, 31))
        self.tasks = flatten_tasks(plan)
        activities = as_list(data.get("activities"))
        for index, activity in enumerate(activities):
            activity["_index"] = index
            activity["_date"] = datetime.date.fromisoformat(activity["date"])
            activity["_end"] = (datetime.date.fromisoformat(activity["end"])
                                if present(activity.get("end")) else None)
            activity["_tasks"] = as_list(activity.get("task"))
        ordered = sorted(activities, key=lambda a: (a["_date"], a["_index"]))
        # Activities after the as-of date are left out of every sheet and named in the subtitle.
        self.activities = [a for a in ordered if a["_date"] <= AS_OF]
        self.later = [a for a in ordered if a["_date"] > AS_OF]
        self.by_id = {}
        for position, task in enumerate(self.tasks):
            task_id = task["item"].get("id")
            if present(task_id) and task_id not in self.by_id:
                self.by_id[task_id] = position

    # -- per task
    def naming(self, task):
        task_id = task["item"].get("id")
        if not present(task_id):
            return []
        return [a for a in self.activities if task_id in a["_tasks"]]

    def state(self, task):
        item = task["item"]
        status = item.get("status")
        due = parse_day_or_month(item.get("due"))
        if status == "已完成":
            return "已完成"
        if due and last_day(due) < AS_OF:
            return "逾期"
        if item.get("due") in KEYWORDS:
            return "长期"
        if status == "进行中" or any(a["_date"] <= AS_OF for a in self.naming(task)):
            return "进行中"
        return "未开始"

    def subtitle(self):
        text = f"截至{AS_OF.year}年{AS_OF.month}月{AS_OF.day}日"
        if self.later:
            first = self.later[0]["_date"]
            text += f"（{first.year}年{first.month}月{first.day}日起的{len(self.later)}项活动未列入）"
        return text

    def measures(self, item):
        paragraphs = split_paragraphs(item["text"]) if present(item.get("text")) else []
        points = join_points(as_list(item.get("points")))
        if points and paragraphs:
            paragraphs[-1] += points
        elif points:
            paragraphs.append(points)
        return "\n".join(paragraphs)

    def lead(self, item):
        return self.department(item["lead"]) if present(item.get("lead")) else ""

    def title(self, what):
        title = join_lines(self.plan["title"])
        for suffix in ("计划", "安排", "要点", "方案"):
            if title.endswith(suffix):
                title = title[: -len(suffix)]
                break
        name = self.data["school"]["name"]
        short = self.data["school"].get("short_name")
        named = (name and name in title) or (present(short) and short in title)
        return ("" if named else name) + title + what

    def months(self):
        out, year, month = [], self.period[0].year, self.period[0].month
        while (year, month) <= (self.period[1].year, self.period[1].month) and len(out) < 120:
            out.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return out

    def planned(self, item, months):
        numbers = as_list(item.get("months"))
        if numbers:
            return [m in [int(n) for n in numbers] for _, m in months]
        start = parse_day_or_month(item.get("start"))
        due = parse_day_or_month(item.get("due"))
        if not start and not due:
            return [False] * len(months)
        first = start[1] if start else self.period[0]
        last = last_day(due) if due else self.period[1]
        return [(first.year, first.month) <= ym <= (last.year, last.month) for ym in months]

    def ticked(self, task, months):
        flags = [False] * len(months)
        for activity in self.naming(task):
            first = activity["_date"]
            last = activity["_end"] if activity["_end"] and activity["_end"] >= first else first
            for i, ym in enumerate(months):
                if (first.year, first.month) <= ym <= (last.year, last.month):
                    flags[i] = True
        return flags

    def departments(self):
        rows = {}
        order = []
        lists = as_list(self.data.get("departments")) if "departments" in self.data else []
        rank_of_task = []
        for position, task in enumerate(self.tasks):
            lead = task["item"].get("lead")
            if not present(lead):
                key = (2, 0)
                name = "未指定"
            else:
                rank = next((i for i, d in enumerate(lists) if d.get("id") == lead), None)
                if rank is None:
                    rank = next((i for i, d in enumerate(lists) if d.get("name") == lead), None)
                if rank is not None:
                    key, name = (0, rank), lists[rank]["name"]
                else:
                    if ("text", lead) not in order:
                        order.append(("text", lead))
                    key, name = (1, order.index(("text", lead))), lead
            rank_of_task.append(key)
            row = rows.setdefault(key, {"name": name, "tasks": 0, "states": [0] * 5,
                                        "activities": 0, "participants": 0})
            row["tasks"] += 1
            row["states"][STATES.index(self.state(task))] += 1
        for activity in self.activities:
            keys = {rank_of_task[self.by_id[t]] for t in activity["_tasks"] if t in self.by_id}
            if not keys:
                keys = {(3, 0)}
                rows.setdefault((3, 0), {"name": "其他工作（未关联任务）", "tasks": None,
                                         "states": [None] * 5, "activities": 0,
                                         "participants": 0})
            for key in keys:
                rows[key]["activities"] += 1
                if present(activity.get("count")):
                    rows[key]["participants"] += int(activity["count"])
        return [rows[key] for key in sorted(rows)]


# ---------------------------------------------------------------- checks on the workbook

def column_letter(index):
    return openpyxl.utils.get_column_letter(index)


def none_if_empty(text):
    return text if text else None


def check_frame(ws, sheet, title, subtitle, headers, rows, freeze="A4"):
    """The title, subtitle and header rows, fonts, print setup of one sheet."""
    last = column_letter(len(headers))
    equal(ws["A1"].value, title, f"{sheet}!A1 title")
    equal(ws["A2"].value, subtitle, f"{sheet}!A2 subtitle")
    equal([c.value for c in ws[3]][: len(headers)], headers, f"{sheet} header row")
    check(all(c.font.b for c in ws[3][: len(headers)]), f"{sheet}: header row not bold")
    merged = {str(r) for r in ws.merged_cells.ranges}
    check(f"A1:{last}1" in merged and f"A2:{last}2" in merged, f"{sheet}: title rows not merged")
    equal(ws.freeze_panes, freeze, f"{sheet} frozen panes")
    equal(ws.auto_filter.ref, f"A3:{last}{3 + rows}", f"{sheet} autofilter")
    equal(ws.page_setup.orientation, "landscape", f"{sheet} orientation")
    equal(str(ws.page_setup.paperSize), "9", f"{sheet} paper size (A4)")
    check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
          f"{sheet}: not fitted to page")
    check(ws.page_setup.fitToWidth in (None, 1, "1"), f"{sheet}: fitToWidth {ws.page_setup.fitToWidth}")
    equal(str(ws.page_setup.fitToHeight), "0", f"{sheet} fitToHeight (any number of pages)")
    equal(ws.print_title_rows, "$3:$3", f"{sheet} print title rows")
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is not None:
                check(cell.font.name in FACES,
                      f"{sheet}!{cell.coordinate}: font {cell.font.name!r} is not a Chinese face")
    for index, header in enumerate(headers, start=1):
        width = ws.column_dimensions[column_letter(index)].width
        need = sum(2 if ord(ch) > 0x2E80 else 1 for ch in header)
        check(width is not None and width >= need, f"{sheet}: column {header} too narrow ({width})")
    for row in ws.iter_rows(min_row=4, max_row=3 + rows):
        for cell in row:
            if isinstance(cell.value, str):
                check(cell.alignment.wrap_text, f"{sheet}!{cell.coordinate}: text not wrapped")


def check_no_formulas(wb, allowed):
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    check((ws.title, cell.coordinate) in allowed,
                          f"{ws.title}!{cell.coordinate} holds a formula {cell.value!r}")


def check_text_cell(cell, expected, where):
    if equal(cell.value, none_if_empty(expected), where) and expected:
        equal(cell.data_type, "s", f"{where} type")


def check_when(cell, value, where):
    parsed = parse_day_or_month(value) if present(value) else None
    if parsed:
        kind, day = parsed
        equal(cell.value, datetime.datetime(day.year, day.month, day.day), where)
        equal(cell.number_format, DATE_FORMAT if kind == "date" else MONTH_FORMAT,
              f"{where} number format")
    elif present(value):
        check_text_cell(cell, value, where)
    else:
        equal(cell.value, None, where)


def group_runs(expected):
    runs, start = [], 0
    tasks = expected.tasks
    for i in range(1, len(tasks) + 1):
        if i == len(tasks) or tasks[i]["group"] is not tasks[start]["group"]:
            runs.append((start, i - 1))
            start = i
    return runs


def check_tasks_sheet(wb, expected):
    ws = wb["任务分工"]
    headers = ["序号", "工作类别", "工作任务", "主要措施", "牵头部门", "责任人", "配合部门",
               "开始时间", "完成时限", "进度", "佐证材料", "活动次数"]
    n = len(expected.tasks)
    check_frame(ws, "任务分工", expected.title("任务分工表"), expected.subtitle(), headers, n)
    equal(ws.max_row, 3 + n, "任务分工 rows (one per task)")
    for i, task in enumerate(expected.tasks):
        r = 4 + i
        item = task["item"]
        where = f"任务分工 row {r}"
        equal(ws.cell(r, 1).value, i + 1, f"{where} 序号")
        check_text_cell(ws.cell(r, 3), heading(item["title"]), f"{where} 工作任务")
        check_text_cell(ws.cell(r, 4), expected.measures(item), f"{where} 主要措施")
        check_text_cell(ws.cell(r, 5), expected.lead(item), f"{where} 牵头部门")
        check_text_cell(ws.cell(r, 6), "、".join(expected.person(p) for p in as_list(item.get("owner"))),
                        f"{where} 责任人")
        check_text_cell(ws.cell(r, 7),
                        "、".join(expected.department(d) for d in as_list(item.get("support"))),
                        f"{where} 配合部门")
        check_when(ws.cell(r, 8), item.get("start"), f"{where} 开始时间")
        check_when(ws.cell(r, 9), item.get("due"), f"{where} 完成时限")
        check_text_cell(ws.cell(r, 10), expected.state(task), f"{where} 进度")
        check_text_cell(ws.cell(r, 11), "、".join(as_list(item.get("deliverables"))),
                        f"{where} 佐证材料")
        equal(ws.cell(r, 12).value, len(expected.naming(task)), f"{where} 活动次数")
    check_group_column(ws, "任务分工", expected, merged_runs=False)
    if n:
        validations = ws.data_validations.dataValidation
        if equal(len(validations), 1, "任务分工 data validations"):
            dv = validations[0]
            equal(dv.type, "list", "任务分工 validation type")
            equal(dv.formula1, '"已完成,进行中,逾期,未开始,长期"', "任务分工 validation list")
            equal(str(dv.sqref), f"J4:J{3 + n}", "任务分工 validation range")
        colours = {}
        for cf in ws.conditional_formatting:
            equal(str(cf.sqref), f"J4:J{3 + n}", "任务分工 conditional format range")
            for rule in cf.rules:
                equal((rule.type, rule.operator), ("cellIs", "equal"), "conditional rule")
                colours[rule.formula[0]] = rule.dxf.fill.bgColor.rgb
        equal(colours, {'"已完成"': "FFC6EFCE", '"逾期"': "FFFFC7CE", '"进行中"': "FFFFEB9C"},
              "任务分工 state colours")


def check_group_column(ws, sheet, expected, merged_runs=True):
    """The group's title on the first row of each run of one group; with merged_runs the run
    is merged, else (任务分工, so that a printed page never starts on a nameless row) every
    row of it holds the title and nothing is merged."""
    merged = {str(r) for r in ws.merged_cells.ranges}
    group_merges = {m for m in merged if m.startswith("B")}
    wanted = set()
    for start, end in group_runs(expected):
        title = heading(expected.tasks[start]["group"]["title"])
        for i in range(start, end + 1 if not merged_runs else start + 1):
            check_text_cell(ws.cell(4 + i, 2), title, f"{sheet} row {4 + i} 工作类别")
        if end > start and merged_runs:
            wanted.add(f"B{4 + start}:B{4 + end}")
    equal(group_merges, wanted, f"{sheet} merged group ranges")


def check_ledger_sheet(wb, expected):
    ws = wb["活动台账"]
    headers = ["序号", "日期", "结束日期", "活动名称", "关联任务", "工作类别", "组织/主持", "参加对象",
               "人数", "地点", "内容摘要", "佐证材料"]
    n = len(expected.activities)
    check_frame(ws, "活动台账", expected.title("活动台账"), expected.subtitle(), headers, n)
    equal(ws.max_row, 3 + n, "活动台账 rows (one per activity)")
    for i, activity in enumerate(expected.activities):
        r = 4 + i
        where = f"活动台账 row {r}"
        equal(ws.cell(r, 1).value, i + 1, f"{where} 序号")
        check_when(ws.cell(r, 2), activity["date"], f"{where} 日期")
        check_when(ws.cell(r, 3), activity.get("end"), f"{where} 结束日期")
        check_text_cell(ws.cell(r, 4), heading(activity["title"]), f"{where} 活动名称")
        names = [heading(expected.tasks[expected.by_id[t]]["item"]["title"]) if t in expected.by_id
                 else t
                 for t in activity["_tasks"]]
        check_text_cell(ws.cell(r, 5), "、".join(names), f"{where} 关联任务")
        first = activity["_tasks"][0] if activity["_tasks"] else None
        group = (heading(expected.tasks[expected.by_id[first]]["group"]["title"])
                 if first in expected.by_id else "其他工作")
        check_text_cell(ws.cell(r, 6), group, f"{where} 工作类别")
        check_text_cell(ws.cell(r, 7), activity.get("host") or "", f"{where} 组织/主持")
        check_text_cell(ws.cell(r, 8), join_lines(activity.get("participants") or ""),
                        f"{where} 参加对象")
        count = activity.get("count")
        equal(ws.cell(r, 9).value, int(count) if present(count) else None, f"{where} 人数")
        check_text_cell(ws.cell(r, 10), activity.get("place") or "", f"{where} 地点")
        summary = join_paragraphs(activity["summary"]) if present(activity.get("summary")) else ""
        check_text_cell(ws.cell(r, 11), summary, f"{where} 内容摘要")
        check_text_cell(ws.cell(r, 12), "、".join(as_list(activity.get("evidence"))),
                        f"{where} 佐证材料")


def check_months_sheet(wb, expected):
    ws = wb["月度安排"]
    months = expected.months()
    headers = ["序号", "工作类别", "工作任务", "牵头部门"] + [f"{y}年{m}月" for y, m in months]
    n = len(expected.tasks)
    check_frame(ws, "月度安排", expected.title("月度安排表"), expected.subtitle(), headers, n, freeze="D4")
    for i, task in enumerate(expected.tasks):
        r = 4 + i
        item = task["item"]
        where = f"月度安排 row {r}"
        equal(ws.cell(r, 1).value, i + 1, f"{where} 序号")
        check_text_cell(ws.cell(r, 3), heading(item["title"]), f"{where} 工作任务")
        check_text_cell(ws.cell(r, 4), expected.lead(item), f"{where} 牵头部门")
        planned = expected.planned(item, months)
        ticked = expected.ticked(task, months)
        for m, (y, mo) in enumerate(months):
            cell = ws.cell(r, 5 + m)
            equal(cell.value, "✓" if ticked[m] else None, f"{where} {y}年{mo}月 tick")
            shaded = cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb == "FFBDD7EE"
            equal(shaded, planned[m], f"{where} {y}年{mo}月 shading")
    check_group_column(ws, "月度安排", expected)
    note = ws.cell(5 + n, 1).value
    check(note is not None and note.startswith("注："), "月度安排: the legend below the table")


def check_stats_sheet(wb, expected, path):
    ws = wb["统计"]
    headers = ["牵头部门", "牵头任务", "已完成", "进行中", "逾期", "未开始", "长期", "活动次数", "参加人次"]
    rows = expected.departments()
    n = len(rows)
    check_frame(ws, "统计", expected.title("任务进度统计表"), expected.subtitle(), headers, n)
    for i, row in enumerate(rows):
        r = 4 + i
        values = [row["name"], row["tasks"], *row["states"], row["activities"], row["participants"]]
        equal([c.value for c in ws[r]][:9], values, f"统计 row {r}")
    total = 4 + n
    equal(ws.cell(total, 1).value, "合计", "统计 total label")
    allowed = set()
    for c in range(2, 8):
        letter = column_letter(c)
        if n:
            equal(ws.cell(total, c).value, f"=SUM({letter}4:{letter}{3 + n})", f"统计 total {letter}")
            allowed.add(("统计", f"{letter}{total}"))
        else:
            equal(ws.cell(total, c).value, 0, f"统计 total {letter}")
    # The activity totals count the ledger's rows, each activity once.
    a = len(expected.activities)
    for c, formula in ((8, f"=COUNT('活动台账'!A4:A{3 + a})"), (9, f"=SUM('活动台账'!I4:I{3 + a})")):
        if a:
            equal(ws.cell(total, c).value, formula, f"统计 total {column_letter(c)}")
            allowed.add(("统计", f"{column_letter(c)}{total}"))
        else:
            equal(ws.cell(total, c).value, 0, f"统计 total {column_letter(c)}")
    charted = sum(1 for row in rows if row["tasks"] is not None)
    with zipfile.ZipFile(path) as package:
        # Deflated at level 1 (src/workbook/xlsx_io.cpp): bits 1-2 of the flags say 6, "super
        # fast". Level 6 (0) would mean planctl's replacement for minizip's open is not called.
        for info in package.infolist():
            equal((info.compress_type, info.flag_bits & 6), (zipfile.ZIP_DEFLATED, 6),
                  f"{info.filename}: compression method and level flags")
        charts = [name for name in package.namelist() if name.startswith("xl/charts/chart")]
        if charted:
            if equal(len(charts), 1, "统计 charts"):
                chart = package.read(charts[0]).decode("utf-8")
                check('<c:barDir val="bar"/>' in chart and '<c:grouping val="stacked"/>' in chart,
                      "统计: the chart is not a stacked bar chart")
                equal(chart.count("<c:ser>"), 5, "统计 chart series (one per state)")
        else:
            equal(charts, [], "统计 charts without departments")
    return allowed


def check_workbook(path, expected):
    wb = openpyxl.load_workbook(path)
    equal(wb.sheetnames, ["任务分工", "活动台账", "月度安排", "统计"], f"{path} sheet names")
    check_tasks_sheet(wb, expected)
    check_ledger_sheet(wb, expected)
    check_months_sheet(wb, expected)
    allowed = check_stats_sheet(wb, expected, path)
    check_no_formulas(wb, allowed)
    return wb


# ---------------------------------------------------------------- driving the binary

def render(planctl, source, out_dir):
    # Punctuation kept as written: the oracle below follows the layout's joining, points and
    # title rules, and test_xlsx_documents.py checks the converted punctuation against the
    # documents.
    result = subprocess.run([planctl, "render", source, "--format", "xlsx", "--as-of",
                             AS_OF.isoformat(), "--keep-punctuation", "-o", out_dir],
                            capture_output=True, text=True, timeout=120)
    check(result.returncode == 0,
          f"render {source}: exit {result.returncode}\n{result.stdout}{result.stderr}")
    written = [line for line in result.stdout.splitlines() if line.endswith(".tasks.xlsx")]
    return (written[0] if written else None), result


def stem_of(source, data):
    code = data["school"].get("code")
    return code if present(code) else os.path.splitext(os.path.basename(source))[0]


def main():
    planctl = os.environ.get("PLANCTL")
    source_dir = os.environ.get("PLANCTL_SOURCE_DIR",
                                os.path.dirname(os.path.dirname(os.path.dirname(
                                    os.path.abspath(__file__)))))
    if not planctl or not os.access(planctl, os.X_OK):
        print("skip: $PLANCTL is not an executable planctl")
        return 125
    sources = sorted(glob.glob(os.path.join(source_dir, "examples", "*.yaml")))
    hostile = os.path.join(source_dir, "tests", "data", "hostile-workbook.yaml")
    sources.append(hostile)

    with tempfile.TemporaryDirectory(prefix="planctl-xlsx-") as tmp:
        for number, source in enumerate(sources):
            data = load_plan(source)
            out_dir = os.path.join(tmp, f"out{number}")
            os.mkdir(out_dir)
            path, _ = render(planctl, source, out_dir)
            if not path:
                continue
            equal(os.path.basename(path), stem_of(source, data) + ".tasks.xlsx", f"{source} file name")
            # The workbook and its re-run record (docs/cli.md, "Re-runs"), nothing else.
            equal(sorted(os.listdir(out_dir)),
                  ["." + stem_of(source, data) + ".planctl.json", os.path.basename(path)],
                  f"{source}: files in the output folder")
            before = len(failures)
            check_workbook(path, Expected(data))
            # Byte-identical on a second render into another folder.
            again_dir = os.path.join(tmp, f"again{number}")
            os.mkdir(again_dir)
            again, _ = render(planctl, source, again_dir)
            if again:
                with open(path, "rb") as a, open(again, "rb") as b:
                    check(a.read() == b.read(), f"{source}: two renders differ")
            print(f"{'ok' if len(failures) == before else 'FAIL'} {os.path.basename(source)}")

        check_hostile(planctl, hostile, tmp)
        check_over_long(planctl, hostile, tmp)

    for failure in failures[:200]:
        print("FAIL:", failure)
    if len(failures) > 200:
        print(f"... and {len(failures) - 200} more")
    return 1 if failures else 0


def check_hostile(planctl, hostile, tmp):
    """Specific cells of the hostile plan hold exactly the hostile text, as strings."""
    before = len(failures)
    out_dir = os.path.join(tmp, "hostile")
    os.mkdir(out_dir)
    path, _ = render(planctl, hostile, out_dir)
    if not path:
        return
    wb = openpyxl.load_workbook(path)
    tasks = wb["任务分工"]
    school = "../../etc/passwd <a>&amp;</a> =cmd|' /C calc'!A0"
    check(tasks["A1"].value.startswith(school), "hostile: the school name in the title")
    expectations = {
        ("任务分工", "B4"): "+SUM(1,2)",
        ("任务分工", "C4"): "+SUM(1,2)",
        ("任务分工", "E4"): "=1+1",
        ("任务分工", "F4"): "-2+3、@A1",
        ("任务分工", "G4"): "<b>bold</b>、a&b",
        ("任务分工", "K4"): "=cmd|' /C calc'!A0、<![CDATA[x]]>",
        ("任务分工", "C5"): "<a>&</a>",
        ("任务分工", "E5"): "'quoted",
        # The title as the documents word it: the leading tab is trimmed, `=` stays text.
        ("任务分工", "C6"): "=tab first",
        ("任务分工", "C7"): "-不是公式",
        ("任务分工", "K7"): "_x0041_",
        ("活动台账", "D4"): "@SUM(1)",
        ("活动台账", "D5"): "=cmd|' /C calc'!A0",
        ("活动台账", "G5"): '=HYPERLINK("http://example.com")',
        ("活动台账", "J5"): "../../etc",
        ("活动台账", "K5"): "<a>&</a>\n=1+1",
        ("活动台账", "D6"): "_x0000_ not an escape",
    }
    for (sheet, ref), value in expectations.items():
        cell = wb[sheet][ref]
        equal(cell.value, value, f"hostile {sheet}!{ref}")
        equal(cell.data_type, "s", f"hostile {sheet}!{ref} type")
        check(cell.hyperlink is None, f"hostile {sheet}!{ref} became a link")
    equal(sorted(os.listdir(out_dir)), [".hostile.planctl.json", "hostile.tasks.xlsx"],
          "hostile: files in the output folder")
    # openpyxl does not decode `_xHHHH_` but Excel does: the package must hold the escape.
    with zipfile.ZipFile(path) as package:
        strings = package.read("xl/sharedStrings.xml").decode("utf-8")
    check("<t>_x005F_x0041_</t>" in strings, "hostile: _x0041_ is not escaped for Excel")
    check("<t>_x005F_x0000_ not an escape</t>" in strings, "hostile: _x0000_ is not escaped")
    print(f"{'ok' if len(failures) == before else 'FAIL'} hostile cells ({len(expectations)})")


def check_over_long(planctl, hostile, tmp):
    """A 主要措施 longer than Excel's cell limit is cut with the mark and a warning."""
    with open(hostile, encoding="utf-8") as f:
        text = f.read()
    long_text = "长" * 40000
    text = text.replace('          text: "=cmd|\' /C calc\'!A0"\n', f"          text: {long_text}\n")
    check(long_text in text, "over-long: the hostile plan's text line was not found")
    source = os.path.join(tmp, "long.yaml")
    with open(source, "w", encoding="utf-8") as f:
        f.write(text)
    before = len(failures)
    out_dir = os.path.join(tmp, "long")
    os.mkdir(out_dir)
    path, result = render(planctl, source, out_dir)
    if not path:
        return
    check("32,767" in result.stderr, f"over-long: no warning on stderr: {result.stderr!r}")
    cell = openpyxl.load_workbook(path)["任务分工"]["D4"]
    check(cell.value.endswith(CUT_MARK), "over-long: no cut mark")
    equal(len(cell.value), 32767, "over-long: cut length")
    equal(cell.value, "长" * (32767 - len(CUT_MARK)) + CUT_MARK, "over-long: cut text")
    print(f"{'ok' if len(failures) == before else 'FAIL'} over-long text cut with a warning")


if __name__ == "__main__":
    sys.exit(main())
