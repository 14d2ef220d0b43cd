#!/usr/bin/python3
"""The Python peer of `planctl batch`: what a district would write instead of planctl.

Reads every plan file of a folder with PyYAML (the C loader), checks the references a clerk
gets wrong (unknown department, person or task), renders each school's plan and report as
Markdown and text (Jinja2 templates) and as Word (python-docx), its task workbook (XlsxWriter),
and one district summary workbook, on N processes. The same outputs per school as planctl
(7 files), with the usual libraries and no tuning: a yardstick for bench/run.sh, not a product.

  bench/peer/render_plans.py IN_DIR OUT_DIR [--jobs 2] [--as-of 2020-12-31]
"""

import argparse
import datetime
import multiprocessing
import os
import sys

import docx
import jinja2
import xlsxwriter
import yaml

PLAN_MD = jinja2.Template("""# {{ plan.title }}

{{ plan.basis or "" }}
{% for s in sections %}
## {{ loop.index }}. {{ s.title }}
{% if s.text %}
{{ s.text }}
{% endif %}{% for t in s.tasks %}
- **{{ t.title }}** ({{ t.lead_name }}; {{ t.owners }}; {{ t.start or "" }}–{{ t.due or "" }})
  {{ t.text or "" }}
{% endfor %}{% endfor %}
{{ plan.issuer }}
{{ plan.date }}
""")

PLAN_TXT = jinja2.Template("""{{ plan.title }}

{{ plan.basis or "" }}
{% for s in sections %}
{{ loop.index }}. {{ s.title }}
{% if s.text %}{{ s.text }}
{% endif %}{% for t in s.tasks %}  {{ loop.index }}) {{ t.title }}：{{ t.lead_name }}负责，{{ t.owners }}。{{ t.text or "" }}
{% endfor %}{% endfor %}
{{ plan.issuer }}
{{ plan.date }}
""")

REPORT_MD = jinja2.Template("""# {{ title }}

{{ report.overview or "" }}
{% for g in groups %}
## {{ loop.index }}. {{ g.title }}
{% for a in g.activities %}- {{ a.date }} {{ a.title }}（{{ a.place or "" }}，{{ a.count or "" }}人次）{{ a.summary or "" }}
{% endfor %}{% endfor %}
## 主要成绩
{% for x in report.achievements or [] %}- {{ x }}
{% endfor %}
## 存在问题
{% for p in report.problems or [] %}- {{ p.title }}：{{ p.text }}
{% endfor %}
## 下一步打算
{% for p in report.next_steps or [] %}- {{ p.title }}：{{ p.text }}
{% endfor %}""")


def walk(items, tasks, depth=0):
    """Tasks below `items` (groups nest), in document order."""
    for item in items or []:
        if "items" in item:
            walk(item["items"], tasks, depth + 1)
        else:
            tasks.append(item)


def as_list(v):
    return v if isinstance(v, list) else ([] if v is None else [v])


def state_of(task, activities_by_task, as_of):
    if task.get("status") == "已完成":
        return "已完成"
    due = task.get("due")
    if isinstance(due, datetime.date) and due < as_of:
        return "逾期"
    if activities_by_task.get(task.get("id")):
        return "进行中"
    return "未开始" if due else "长期"


def render_school(job):
    path, out_dir, as_of = job
    with open(path, "rb") as f:
        data = yaml.load(f, Loader=yaml.CSafeLoader)
    school, plan = data["school"], data["plan"]
    departments = {d["id"]: d["name"] for d in data.get("departments", [])}
    people = {p["id"]: p["name"] for p in data.get("people", [])}
    errors = []
    sections = []
    all_tasks = []
    for s in plan.get("sections", []):
        tasks = []
        walk(s.get("items"), tasks)
        for t in tasks:
            if t.get("lead") not in departments:
                errors.append(f"{path}: unknown department {t.get('lead')!r}")
            for o in as_list(t.get("owner")):
                if o not in people:
                    errors.append(f"{path}: unknown person {o!r}")
            t["lead_name"] = departments.get(t.get("lead"), "")
            t["owners"] = "、".join(people.get(o, o) for o in as_list(t.get("owner")))
        all_tasks += tasks
        sections.append({"title": s["title"], "text": s.get("text"), "tasks": tasks})
    ids = {t.get("id") for t in all_tasks}
    activities = data.get("activities", [])
    by_task = {}
    for a in activities:
        for tid in as_list(a.get("task")):
            if tid not in ids:
                errors.append(f"{path}: unknown task {tid!r}")
            by_task.setdefault(tid, []).append(a)
    stem = school.get("code") or os.path.splitext(os.path.basename(path))[0]
    row = {"file": path, "school": school["name"], "code": school.get("code", ""),
           "title": plan["title"], "errors": len(errors)}
    if errors:
        return row
    out = os.path.join(out_dir, stem)

    with open(out + ".plan.md", "w", encoding="utf-8") as f:
        f.write(PLAN_MD.render(plan=plan, sections=sections))
    with open(out + ".plan.txt", "w", encoding="utf-8") as f:
        f.write(PLAN_TXT.render(plan=plan, sections=sections))
    d = docx.Document()
    d.add_heading(plan["title"], 0)
    if plan.get("basis"):
        d.add_paragraph(plan["basis"])
    for i, s in enumerate(sections, 1):
        d.add_heading(f"{i}. {s['title']}", 1)
        if s["text"]:
            d.add_paragraph(s["text"])
        for t in s["tasks"]:
            p = d.add_paragraph(style="List Number")
            p.add_run(t["title"]).bold = True
            p.add_run(f"（{t['lead_name']}；{t['owners']}）{t.get('text') or ''}")
    d.add_paragraph(str(plan.get("issuer", "")))
    d.add_paragraph(str(plan.get("date", "")))
    d.save(out + ".plan.docx")

    report = data.get("report") or {}
    groups = []
    for s in sections:
        acts = [a for t in s["tasks"] for a in by_task.get(t.get("id"), [])
                if isinstance(a.get("date"), datetime.date) and a["date"] <= as_of]
        if acts:
            groups.append({"title": s["title"], "activities": sorted(acts, key=lambda a: a["date"])})
    title = plan["title"].replace("计划", "总结")
    text = REPORT_MD.render(title=title, report=report, groups=groups)
    with open(out + ".report.md", "w", encoding="utf-8") as f:
        f.write(text)
    with open(out + ".report.txt", "w", encoding="utf-8") as f:
        f.write(text.replace("# ", "").replace("**", ""))
    d = docx.Document()
    d.add_heading(title, 0)
    for line in text.splitlines()[1:]:
        if line.startswith("## "):
            d.add_heading(line[3:], 1)
        elif line.strip():
            d.add_paragraph(line.lstrip("- "))
    d.save(out + ".report.docx")

    wb = xlsxwriter.Workbook(out + ".tasks.xlsx")
    bold = wb.add_format({"bold": True, "border": 1})
    cell = wb.add_format({"text_wrap": True, "valign": "top", "border": 1})
    ws = wb.add_worksheet("任务")
    ws.freeze_panes(1, 0)
    header = ["序号", "任务", "牵头部门", "责任人", "开始", "完成时限", "进度", "活动次数", "说明"]
    ws.write_row(0, 0, header, bold)
    states = {}
    for r, t in enumerate(all_tasks, 1):
        state = state_of(t, by_task, as_of)
        states[state] = states.get(state, 0) + 1
        ws.write_row(r, 0, [r, t["title"], t["lead_name"], t["owners"], str(t.get("start") or ""),
                            str(t.get("due") or ""), state, len(by_task.get(t.get("id"), [])),
                            t.get("text") or ""], cell)
    ws.autofilter(0, 0, len(all_tasks), len(header) - 1)
    ws2 = wb.add_worksheet("活动台账")
    ws2.write_row(0, 0, ["日期", "活动", "任务", "主持", "参加", "人次", "地点", "简要情况"], bold)
    for r, a in enumerate(sorted(activities, key=lambda a: str(a.get("date"))), 1):
        ws2.write_row(r, 0, [str(a.get("date")), a.get("title", ""), "、".join(as_list(a.get("task"))),
                             a.get("host", ""), a.get("participants", ""), a.get("count", 0),
                             a.get("place", ""), a.get("summary", "")], cell)
    wb.close()
    row.update(tasks=len(all_tasks), activities=len(activities), states=states)
    return row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("output")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--as-of", default="2020-12-31")
    args = ap.parse_args()
    as_of = datetime.date.fromisoformat(args.as_of)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.input)
                   for f in fs if f.endswith((".yaml", ".yml")))
    os.makedirs(args.output, exist_ok=True)
    with multiprocessing.Pool(args.jobs) as pool:
        rows = pool.map(render_school, [(f, args.output, as_of) for f in files], chunksize=4)
    wb = xlsxwriter.Workbook(os.path.join(args.output, "district-summary.xlsx"))
    ws = wb.add_worksheet("汇总")
    ws.write_row(0, 0, ["学校", "代码", "计划标题", "任务数", "已完成", "进行中", "逾期", "未开始",
                        "长期", "活动数", "校验结果", "文件"])
    for r, row in enumerate(rows, 1):
        st = row.get("states", {})
        ws.write_row(r, 0, [row["school"], row["code"], row["title"], row.get("tasks"),
                            st.get("已完成", 0), st.get("进行中", 0), st.get("逾期", 0),
                            st.get("未开始", 0), st.get("长期", 0), row.get("activities"),
                            "通过" if not row["errors"] else f"{row['errors']}个错误", row["file"]])
    wb.close()
    failed = sum(1 for r in rows if r["errors"])
    print(f"peer: {len(rows) - failed} rendered, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
