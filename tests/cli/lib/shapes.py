"""Writes one plan file of each shape docs/security.md bounds ("Worst cases, measured"), sized
to a target number of bytes, so that tests/cli/limits_shapes.sh and bench/shapes.sh measure the
same inputs at different sizes.

usage: shapes.py FOLDER BYTES [SHAPE...]   (every shape when none is named)

Each file is at most BYTES long (the repeated part stops before passing it); its name is
SHAPE.yaml. The hostile shapes are the reproducers of issue #19."""
import os
import sys

HEAD = ("version: 1\nschool:\n  name: 一中\n{extra}plan:\n  title: 计划\n  year: 2020\n"
        "{period}  issuer: 一中\n  date: 2020-01-01\n")


def head(extra="", period=""):
    return HEAD.format(extra=extra, period=period)


def fill(start, unit, budget, tail=""):
    """`start`, then `unit(i)` for i = 0, 1, … while the text stays within `budget` bytes
    (`tail` included); returns the text and the number of units."""
    parts = [start]
    size = len(start.encode()) + len(tail.encode())
    i = 0
    while True:
        u = unit(i)
        n = len(u.encode())
        if size + n > budget:
            break
        parts.append(u)
        size += n
        i += 1
    parts.append(tail)
    return "".join(parts), i


def long_texts(b):
    # Titles and texts at their limits (10,000 and 49,000 characters), each a task; in a file
    # too small for a few of those, shorter ones, so that every size holds several.
    title = min(10000, b // 60)
    text = min(49000, b // 12)
    return fill(head(extra="departments:\n  - {id: d, name: 教务处}\n") + "  sections:\n",
                lambda i: f"    - title: {'题' * title}\n      id: t{i}\n      lead: d\n"
                          f"      due: 2020-06-30\n      text: {'文' * text}\n", b)[0]


def small_nodes(b):
    # The most tasks a file can hold: ids, an owner, a due month and two deliverables each.
    return fill(head(extra="people:\n  - {id: p, name: 王一}\n") + "  sections:\n",
                lambda i: f"    - title: 任务{i}\n      id: t{i}\n      owner: p\n"
                          f"      due: 2020-06\n      deliverables: [记录, 照片]\n", b)[0]


def monthly_long_period(b):
    # Monthly tasks over ten years: every task fills the 120 columns of 月度安排.
    return fill(head(period="  period: {start: 2020-01-01, end: 2029-12-31}\n") + "  sections:\n",
                lambda i: f"    - {{title: 任务{i}, id: t{i}, due: 每月}}\n", b)[0]


def many_activities(b):
    # Activities, each naming one of ten tasks, with the fields the report uses.
    tasks = "".join(f"    - {{title: 任务{i}, id: t{i}, due: 2020-12}}\n" for i in range(10))
    return fill(head() + "  sections:\n" + tasks + "activities:\n",
                lambda i: f"  - {{date: 2020-{i % 12 + 1:02}-01, title: 活动{i}, task: t{i % 10}, "
                          f"host: 教务处, count: 30, place: 教室, summary: 开展活动{i}}}\n", b)[0]


def many_references(b):
    # Tasks that each name 40 different owners and 20 supporting departments.
    people = "".join(f"  - {{id: p{i}, name: 人{i}}}\n" for i in range(40))
    depts = "".join(f"  - {{id: d{i}, name: 部门{i}}}\n" for i in range(20))
    owners = ", ".join(f"p{i}" for i in range(40))
    support = ", ".join(f"d{i}" for i in range(20))
    return fill(head(extra="departments:\n" + depts + "people:\n" + people) + "  sections:\n",
                lambda i: f"    - {{title: 任务{i}, id: t{i}, lead: d{i % 20}, owner: [{owners}], "
                          f"support: [{support}], due: 2020-12}}\n", b)[0]


def departments_people(b):
    # As many departments and people as fit in half the file each, every one referenced once.
    n = max(1, b // 160)
    depts = "".join(f"  - {{id: d{i}, name: 部门{i}, head: p{i}}}\n" for i in range(n))
    people = "".join(f"  - {{id: p{i}, name: 人{i}, department: d{i}}}\n" for i in range(n))
    return (head(extra="departments:\n" + depts + "people:\n" + people) +
            "  sections:\n    - {title: 任务, id: t, lead: d0, owner: p0, due: 2020-12}\n")


def ambiguous(kind):
    # K entries with the same name and one reference listing that name K times (issue #19,
    # item 2): K = 8,000 is 223 KB.
    def make(b):
        k = max(2, b // 29)
        key, ref = ("departments", "support") if kind == "department" else ("people", "owner")
        entries = "".join(f"  - {{id: e{i}, name: X}}\n" for i in range(k))
        return (head(extra=f"{key}:\n{entries}") + "  sections:\n    - title: 任务\n      id: t\n"
                f"      {ref}: [" + ", ".join(["X"] * k) + "]\n      due: 2020-12\n")
    return make


def repeated_task_refs(b):
    # A task whose title is 10,000 characters and activities each naming it 100 times (issue
    # #19, item 3): 200 activities are 100 KB.
    refs = ", ".join(["t"] * 100)
    return fill(head() + f"  sections:\n    - {{title: {'题' * 10000}, id: t, due: 2020-12}}\n"
                "activities:\n",
                lambda i: f"  - {{date: 2020-03-01, title: 活动{i}, task: [{refs}]}}\n", b)[0]


def repeated_owner(b):
    # A person with a name of up to 10,000 characters (a quarter of the file at most, so that a
    # small file still holds tasks), named 100 times by name in each task's owner list.
    name = "名" * min(10000, b // 12)
    refs = ", ".join(["p"] * 100)
    return fill(head(extra=f"people:\n  - {{id: p, name: {name}}}\n") + "  sections:\n",
                lambda i: f"    - {{title: 任务{i}, id: t{i}, owner: [{refs}], due: 2020-12}}\n", b)[0]


def alias_values(b):
    # A 10,000-character value anchored once and aliased into lead, owner, start, due, status
    # and id of every task, and into the task and fields of activities (issue #19, item 4).
    v = "值" * 10000
    start = (head(extra=f"x-value: &v {v}\n") + "  sections:\n")
    def unit(i):
        return (f"    - {{title: 任务{i}, id: *v, lead: *v, owner: *v, start: *v, due: *v, "
                f"status: *v}}\n")
    body, n = fill(start, unit, b * 2 // 3)
    acts, _ = fill("activities:\n",
                   lambda i: "  - {date: 2020-03-01, title: *v, task: *v, host: *v, place: *v}\n",
                   b - len(body.encode()))
    return body + acts


def task_table_names(b):
    # A department and a person of up to 2,000 characters each, named by a one-letter id in
    # every row of the task table (an attachment with content: tasks): the table repeats what a
    # reference brings, one row per task. The names take a tenth of the file at every size (a
    # fixed 12 KB of names would be most of a 15 KB file and little of a 60 KB one, and the
    # number of rows would then grow faster than the file).
    n = max(100, min(2000, b // 60))
    extra = (f"departments:\n  - {{id: d, name: {'部' * n}}}\n"
             f"people:\n  - {{id: p, name: {'名' * n}, department: d}}\n")
    start = (head(extra=extra) + "  attachments:\n    - {title: 工作任务分工表, content: tasks}\n"
             "  sections:\n    - title: 主要工作\n      items:\n")
    return fill(start, lambda i: f"        - {{title: 任{i}, id: t{i}, lead: d, owner: p, support: d, "
                "due: 2020-06}\n", b)[0]


def findings_at_aliases(b):
    # Findings at aliases of a 300-character value, seven on each line of 160 wide characters
    # and more: 200 findings listed, each with a note at the anchor and two source lines.
    start = head(extra=f"x-value: &v {'值' * 300}  # {'注' * 200}\n") + "  sections:\n"
    return fill(start, lambda i: f"    - {{title: 任务{i}{'　' * 160}, id: *v, lead: *v, owner: *v, "
                "support: *v, start: *v, due: *v, status: *v}\n", b)[0]


SHAPES = {
    "long-texts": long_texts,
    "small-nodes": small_nodes,
    "monthly-long-period": monthly_long_period,
    "many-activities": many_activities,
    "many-references": many_references,
    "departments-people": departments_people,
    "ambiguous-departments": ambiguous("department"),
    "ambiguous-people": ambiguous("person"),
    "repeated-task-refs": repeated_task_refs,
    "repeated-owner": repeated_owner,
    "alias-values": alias_values,
    "task-table-names": task_table_names,
    "findings-at-aliases": findings_at_aliases,
}

if __name__ == "__main__":
    folder, size = sys.argv[1], int(sys.argv[2])
    for name in sys.argv[3:] or SHAPES:
        with open(os.path.join(folder, name + ".yaml"), "w", encoding="utf-8") as f:
            f.write(SHAPES[name](size))
