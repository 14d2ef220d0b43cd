#!/usr/bin/python3
"""Writes realistic plan files for benchmarks and tests, deterministically.

The same arguments always give the same bytes (Python's random.Random with a fixed seed; no
clock, no environment). The words come from the seed documents in ../shared/seeds (a district
plan, school reports, a 工作要点) and the examples/ plans: department and person names, task
titles built from their verbs and objects, sentences of their texts, activity kinds, places
and evidence. Every file validates with no finding.

  bench/gen_plans.py --schools 200 --tasks 60 --activities 120 --out /tmp/plans
  bench/gen_plans.py --schools 1 --tasks 2000 --activities 10000 --out /tmp/big
"""

import argparse
import os
import random
import sys

# Department id, name, and the title of its head.
DEPARTMENTS = [
    ("party", "党支部", "党支部书记"),
    ("office", "校办公室", "校办公室主任"),
    ("moral", "德育处", "德育处主任"),
    ("academic", "教务处", "教务处主任"),
    ("political", "政教处", "政教处主任"),
    ("general", "总务处", "总务处主任"),
    ("league", "团委", "团委书记"),
    ("union", "工会", "工会主席"),
    ("pe", "体育组", "体育组组长"),
    ("research", "教科室", "教科室主任"),
    ("safety", "安全办", "安全办主任"),
    ("grade7", "七年级组", "七年级组组长"),
    ("grade8", "八年级组", "八年级组组长"),
    ("grade9", "九年级组", "九年级组组长"),
    ("care", "关工委", "关工委主任"),
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐韩冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文冶祁"
GIVEN = [
    "子涛", "永红", "蕾", "慧君", "海燕", "明", "玉梅", "成林", "永福", "秀兰", "永成", "建国",
    "丽华", "志强", "晓燕", "文斌", "春梅", "国庆", "红霞", "德明", "雪莲", "卫东", "玉兰", "振华",
    "静", "海军", "桂芳", "学军", "艳", "小平", "金花", "世杰", "光明", "淑珍", "建华", "万里",
]

PLACES = ["东", "西", "南", "北", "新", "安", "平", "和", "兴", "华", "阳", "川", "河", "山", "源", "宁"]
PLACE_TAILS = ["镇", "乡", "街道", "区", "县"]
SCHOOL_KINDS = [("中学", "中"), ("第一中学", "一中"), ("第二中学", "二中"), ("中心学校", "中心校"),
                ("小学", "小"), ("实验学校", "实验学校"), ("九年制学校", "九年制学校")]
CITIES = ["海东市平安区", "海东市乐都区", "西宁市城东区", "西宁市城北区", "海东市互助县", "海东市民和县"]

THEMES = [
    "民族团结进步创建", "关心下一代", "意识形态", "教育教学质量提升", "师德师风建设",
    "校园安全", "德育", "党建",
]

# Heading titles of `一、` sections that hold tasks: an action and what it brings.
SECTION_ACTIONS = [
    "提高政治站位", "明确主体责任", "落实重点工作", "深化教育引导", "加强队伍建设", "强化安全管理",
    "夯实“三基”工作", "深化教育教学改革", "健全工作机制", "坚持立德树人", "加强宣传引导",
    "抓好常规管理", "推进家校共育", "强化督导考核",
]
SECTION_RESULTS = [
    "扎实推进关工委优质化建设", "形成创建工作强大合力", "推动创建工作加快发展",
    "构筑各民族共有精神家园", "打造高素质教师队伍", "确保校园安全稳定", "强化中小学思政建设",
    "全面提升教育教学质量", "确保各项工作落到实处", "培养德智体美劳全面发展的学生",
    "营造良好育人氛围", "提升学校管理水平",
]
# `（一）` group titles.
GROUP_TITLES = [
    "全力以赴“迎国检”，确保创建工作顺利、有效推进", "抓好领导班子建设", "加强思想政治教育",
    "开展主题教育活动", "规范办学行为", "加强教学常规管理", "推进课堂教学改革", "做好控辍保学工作",
    "加强心理健康教育", "强化校园安全防范", "加强档案资料管理", "推进校园文化建设",
    "加强家校沟通合作", "落实教师培训计划", "完善考核评价机制", "做好后勤保障工作",
    "加强阵地建设", "开展结对帮扶活动",
]
TASK_VERBS = ["加强", "深化", "落实", "开展", "推进", "完善", "健全", "抓好", "规范", "提升", "强化",
              "组织", "实施", "做好", "深入开展", "进一步规范", "持续推进"]
TASK_OBJECTS = [
    "民族团结进步教育", "师德师风建设", "校园安全管理", "教学常规管理", "家校共育工作",
    "课后服务工作", "心理健康教育", "关工委优质化建设", "社会主义核心价值观教育", "档案资料整理",
    "教师业务培训", "校园文化建设", "劳动教育", "阅读推广活动", "疫情防控常态化工作", "控辍保学工作",
    "党风廉政建设", "学生资助工作", "体育艺术活动", "爱国主义教育", "“四爱三有”主题教育活动",
    "“两学一做”学习教育", "意识形态阵地管理", "网络舆情监测", "校园周边环境整治", "食品安全管理",
    "班主任队伍建设", "青年教师培养", "教研组建设", "学生行为习惯养成教育", "经典诵读活动",
    "法治宣传教育", "禁毒教育", "防溺水安全教育", "消防应急疏散演练", "“精准脱贫攻坚行动计划”",
]
# Sentences of task texts, with full-width punctuation as the documents were issued.
SENTENCES = [
    "成立领导小组，做到分工明确，责任到人。",
    "做到创建工作与教学工作同安排、同检查、同落实，把创建工作放在心上、抓在手上，落在实处。",
    "推动创建工作落实，形成一级抓一级、层层抓落实的工作格局。",
    "按照创建民族团结“九个一标准”，制定切实可行的计划并结合本校实际，创建出自己的特点。",
    "进一步完善创建资料，使各类文件、影像档案资料、主题活动、宣传折页等资料规范、齐全、统一。",
    "着力加强教育教学管理，严管重教，强化队伍建设，全面提升教育教学质量。",
    "充分发挥课堂教学主渠道作用，用好德育教材，讲好思政课。",
    "充分发挥校园的文化育人功能，开展丰富多彩的主题班会、固定党团日等活动。",
    "围绕学校管理、支教送教、资源共享、师生结对、捐资助学等重点领域，开展对口帮扶活动。",
    "学校建立完善保学机制，对返校复学的学生由教职员工采取多包一或一包一方式进行保学。",
    "要进一步规范学校办学行为，加强师德师风教育，确保返校复学学生不因学校原因而再次辍学。",
    "坚持学以致用，切实把学习成果转化为推动工作创新发展的具体举措。",
    "适时对工作团队和骨干人员进行培训，在学习培训中提高他们的思想素质和业务能力。",
    "结合本校实际，制定五年行动计划，并细化目标任务，逐年有序落实，分阶段考核。",
    "牢牢把握正确的政治方向，严守政治纪律和政治规矩，严守组织纪律和宣传纪律。",
    "建立党务政务公开制度，依托公开栏、学校网站等形式，及时公开学校重大决策和相关信息。",
    "每学期召开一次专题会议，把党的政治建设摆在首位。",
    "利用LED电子屏、广播、文化墙、黑板报、手抄报等形式大力宣传。",
    "引导广大青少年了解“团结统一、爱好和平、勤劳勇敢、自强不息”的伟大民族精神。",
    "以学促做、知行合一，争做“四有”好老师，强化师德师风，发挥党员先锋模范作用。",
    "把民族团结进步教育贯穿于教育教学全过程，做到有教材、进课堂、入头脑。",
    "每周安排1个课时，引导各族学生从小牢固树立正确的祖国观、民族观、文化观、历史观。",
    "定期开展安全隐患排查，建立台账，限期整改，确保师生生命财产安全。",
    "加强与家长的沟通联系，通过家长会、家访、家长学校等形式形成教育合力。",
    "组织教师参加各级各类培训，不断提高教师的专业素养和育人能力。",
    "完善教学质量监测和评价机制，及时分析问题，改进教学。",
    "开展“一对一”结对帮扶，关注留守儿童和困难学生的学习和生活。",
    "把各项任务纳入处室和教职工年度考核，由校办公室每月通报任务进度。",
]
DELIVERABLES = ["会议记录", "照片", "签到表", "工作方案", "总结材料", "活动简报", "获奖证书", "培训记录",
                "检查记录", "整改台账", "宣传资料", "学习笔记", "影像资料", "责任分工表", "考核细则"]
ACTIVITY_FORMS = [
    "召开{}推进会", "开展{}专题学习", "组织{}专题培训", "举办{}知识竞赛", "开展{}主题班会",
    "召开{}工作会议", "开展{}督导检查", "组织{}经验交流会", "开展{}宣传月活动", "举办{}专题讲座",
]
ACTIVITY_TOPICS = [
    "民族团结进步", "师德师风", "校园安全", "教学常规", "家校共育", "心理健康", "关工委", "意识形态",
    "劳动教育", "读书", "疫情防控", "控辍保学", "党风廉政", "学生资助", "法治教育", "禁毒", "防溺水",
    "消防安全", "爱国主义教育", "社会主义核心价值观",
]
PARTICIPANTS = ["全体教职工", "全体党员", "七年级学生", "八年级学生", "九年级学生", "各班班主任",
                "家长代表", "教研组长", "全校师生", "学生代表", "行政人员", "青年教师"]
VENUES = ["学校报告厅", "会议室", "操场", "各班教室", "图书馆", "多功能厅", "校史馆", "录播教室"]
SUMMARIES = [
    "对本学期工作进行动员部署，明确任务分工和时间节点。",
    "学习了上级有关文件精神，结合学校实际提出了具体要求。",
    "通过案例分析和互动交流，提高了参会人员的认识和能力。",
    "检查组查阅了档案资料，实地查看了校园，对发现的问题提出了整改意见。",
    "各班按照统一安排开展活动，学生积极参与，效果良好。",
    "活动结束后收集整理了照片和文字资料，及时归档。",
    "邀请了区教育局有关同志现场指导，参会人员深受启发。",
    "评选出优秀作品若干件，并在校园橱窗展出。",
]
ACHIEVEMENTS = [
    "顺利通过区教育局对档案资料的检查，各类资料分类规范、齐全统一。",
    "学校被评为区级“平安校园”。",
    "全年未发生校园安全责任事故，返校复学学生无一再次辍学。",
    "教师在市、区各类教学比赛中获奖十余人次。",
    "表彰先进集体5个、先进个人20名，涌现出一批先进典型。",
    "学生在区中小学生运动会上获得团体总分第三名。",
]
PROBLEMS = [
    ("工作常态化还不够", "部分教师把工作看成阶段性任务，活动集中在检查前后，平时的渗透还不够经常。"),
    ("档案资料整理不够及时", "影像资料和活动记录由各处室分散保存，归档滞后。"),
    ("课程落实不够扎实", "个别班级的专题教育课被其他学科挤占，教案质量参差不齐。"),
    ("家校沟通不够顺畅", "部分家长对学校工作参与不多，家长学校的作用发挥不够。"),
]
NEXT_STEPS = [
    ("健全长效机制", "把各项任务纳入处室和教职工年度考核，做到常抓不懈。"),
    ("规范档案管理", "落实专人负责，活动结束后一周内完成资料归档。"),
    ("上好专题教育课", "开齐开足专题教育课，教务处每月检查落实。"),
    ("加强队伍建设", "组织教师参加各级培训，推广优秀教案和典型经验。"),
]
RECURRING = ["全年", "长期", "每学期", "每月", "每周"]


def days_in_month(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def day_number(year, month, day):
    """Days since 0001-01-01, for date arithmetic without the datetime module's locale."""
    n = day - 1
    for m in range(1, month):
        n += days_in_month(year, m)
    y = year - 1
    return n + y * 365 + y // 4 - y // 100 + y // 400


def from_day_number(n):
    year = 1 + n // 366
    while day_number(year + 1, 1, 1) <= n:
        year += 1
    month = 1
    while day_number(year, month, 1) + days_in_month(year, month) <= n:
        month += 1
    return year, month, n - day_number(year, month, 1) + 1


def iso(d):
    return "%04d-%02d-%02d" % d


class School:
    """One generated plan file."""

    def __init__(self, rng, index, tasks, activities):
        self.rng = rng
        self.index = index
        self.task_count = tasks
        self.activity_count = activities
        self.lines = []

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    def sample(self, seq, k):
        return self.rng.sample(seq, min(k, len(seq)))

    def emit(self, line=""):
        self.lines.append(line)

    def block(self, indent, key, text):
        """A `key: |` block, wrapped at about 40 characters as the examples are written."""
        pad = " " * indent
        self.emit("%s%s: |" % (pad, key))
        line = ""
        for sentence in text:
            line += sentence
            if len(line) >= 40:
                self.emit(pad + "  " + line)
                line = ""
        if line:
            self.emit(pad + "  " + line)

    def person_name(self, used):
        while True:
            name = self.pick(SURNAMES) + self.pick(GIVEN)
            if name not in used:
                used.add(name)
                return name

    def generate(self):
        rng = self.rng
        place = self.pick(PLACES) + self.pick(PLACES) + self.pick(PLACE_TAILS)
        kind, short_kind = self.pick(SCHOOL_KINDS)
        city = self.pick(CITIES)
        theme = self.pick(THEMES)
        year = 2020
        # A third of the schools plan by school year, the others by calendar year.
        school_year = rng.random() < 0.33
        if school_year:
            start, end = (year, 9, 1), (year + 1, 7, 15)
        else:
            start, end = (year, 1, 1), (year, 12, 31)
        self.start_n, self.end_n = day_number(*start), day_number(*end)
        name = "%s%s%s" % (city, place, kind)
        short = place[:2] + short_kind
        code = "school-%03d" % self.index

        self.emit("# Generated by bench/gen_plans.py (school %d); not a real school." % self.index)
        self.emit("version: 1")
        self.emit("")
        self.emit("school:")
        self.emit("  name: " + name)
        self.emit("  short_name: " + short)
        self.emit("  code: " + code)
        self.emit("  district: " + city)
        self.emit("  profile:")
        students = rng.randrange(300, 3000)
        self.emit("    - {label: 在校学生, value: %d, unit: 人}" % students)
        self.emit("    - {label: 教学班, value: %d, unit: 个}" % rng.randrange(8, 60))
        staff = rng.randrange(30, 250)
        self.emit("    - {label: 教职工, value: %d, unit: 人}" % staff)
        # Who 全体/全校 participants are, for counts the profile agrees with (count-vs-profile).
        self.heads = {"全体教职工": staff, "全校师生": students + staff}
        self.emit("")

        departments = self.sample(DEPARTMENTS, rng.randrange(8, len(DEPARTMENTS) + 1))
        used = set()
        people = []
        for dep_id, dep_name, head_title in departments:
            people.append(("p-" + dep_id, self.person_name(used), head_title, dep_id))
        for i in range(rng.randrange(2, 6)):
            dep = self.pick(departments)
            people.append(("t%d" % i, self.person_name(used), "教师", dep[0]))
        self.departments = departments
        self.people = people
        self.emit("departments:")
        for dep_id, dep_name, _ in departments:
            self.emit("  - {id: %s, name: %s, head: p-%s}" % (dep_id, dep_name, dep_id))
        self.emit("")
        self.emit("people:")
        for pid, pname, title, dep in people:
            self.emit("  - {id: %s, name: %s, title: %s, department: %s}" % (pid, pname, title, dep))
        self.emit("")

        title = "%d年%s工作%s" % (year, theme, self.pick(["计划", "安排", "要点"]))
        if school_year:
            title = "%d—%d学年%s工作计划" % (year, year + 1, theme)
        self.emit("plan:")
        self.emit("  title: " + title)
        self.emit("  year: %d" % year)
        if school_year:
            self.emit("  period: {start: %s, end: %s}" % (iso(start), iso(end)))
        self.emit("  issuer: %s党支部" % short)
        sign = from_day_number(self.start_n + rng.randrange(5, 40))
        self.emit("  date: " + iso(sign))
        self.emit("  basis: |")
        self.emit("    根据上级有关文件精神，结合学校实际，")
        self.emit("    现就我校%s%s工作安排如下：" % ("本学年" if school_year else "%d年" % year, theme))
        self.emit("  sections:")
        self.emit("    - title: 总体要求")
        self.block(6, "text", self.sample(SENTENCES, 3))
        self.emit("    - title: 工作目标")
        self.block(6, "text", self.sample(SENTENCES, 2))
        self.task_ids = []
        self.task_dues = {}  # task id → (index of its due line, last day of due or None, status)
        self.activity_dates = {}  # task id → day numbers of the activities naming it
        self.all_activity_dates = []
        self.write_tasks()
        self.emit("    - title: 保障措施")
        self.block(6, "text", self.sample(SENTENCES, 2))
        self.emit("")
        self.write_activities()
        self.write_report()
        self.mark_done()
        return "\n".join(self.lines) + "\n"

    def mark_done(self):
        """`status: 已完成` for a task past due whose activities came by its due date, as a
        clerk marks done work (else planctl warns, task-done-not-marked). Uses no random
        numbers, so every other line is what it was."""
        if not self.all_activity_dates:
            return
        latest = max(self.all_activity_dates)  # the report's date: the latest activity
        for task_id, (line, due_last, has_status) in sorted(self.task_dues.items(),
                                                            key=lambda t: -t[1][0]):
            dates = self.activity_dates.get(task_id, [])
            if has_status or due_last is None or not due_last < latest:
                continue
            if any(d <= due_last for d in dates):
                self.lines.insert(line + 1, " " * 12 + "status: 已完成")

    def write_tasks(self):
        rng = self.rng
        n = self.task_count
        sections = max(1, min(8, n // 8))
        per_section = [n // sections + (1 if i < n % sections else 0) for i in range(sections)]
        for s, count in enumerate(per_section):
            self.emit("    - title: %s，%s" % (self.pick(SECTION_ACTIONS), self.pick(SECTION_RESULTS)))
            self.emit("      items:")
            groups = max(1, (count + 4) // 5)
            per_group = [count // groups + (1 if i < count % groups else 0) for i in range(groups)]
            for g, tasks in enumerate(per_group):
                self.emit("        - title: " + self.pick(GROUP_TITLES))
                if tasks == 0:
                    self.block(10, "text", self.sample(SENTENCES, 2))
                    continue
                self.emit("          items:")
                for _ in range(tasks):
                    self.write_task()

    def when(self, lo, hi, month_only):
        d = from_day_number(self.rng.randrange(lo, hi + 1))
        return ("%04d-%02d" % d[:2]) if month_only else iso(d)

    def write_task(self):
        rng = self.rng
        pad = " " * 12
        task_id = "t%d" % (len(self.task_ids) + 1)
        self.task_ids.append(task_id)
        self.emit("          - title: %s%s" % (self.pick(TASK_VERBS), self.pick(TASK_OBJECTS)))
        self.emit(pad + "id: " + task_id)
        lead = self.pick(self.departments)
        self.emit(pad + "lead: " + lead[0])
        owners = self.sample(self.people, rng.randrange(1, 3))
        if len(owners) == 1:
            self.emit(pad + "owner: " + owners[0][0])
        else:
            self.emit(pad + "owner: [%s]" % ", ".join(p[0] for p in owners))
        if rng.random() < 0.7:
            support = [d for d in self.sample(self.departments, rng.randrange(1, 4)) if d != lead]
            if support:
                self.emit(pad + "support: [%s]" % ", ".join(d[0] for d in support))
        # Start in the first half of the period; due after it, or recurring.
        span = self.end_n - self.start_n
        start_n = self.start_n + rng.randrange(0, span // 2)
        month_only = rng.random() < 0.4
        start = self.when(self.start_n, start_n, month_only)
        self.emit(pad + "start: " + start)
        due_last = None
        if rng.random() < 0.25:
            self.emit(pad + "due: " + self.pick(RECURRING))
        else:
            # After the start's month, so that a month start is never after the due date.
            due_lo = day_number(*from_day_number(start_n)[:2], 1) + 31
            due = self.when(min(due_lo, self.end_n), self.end_n, rng.random() < 0.3)
            self.emit(pad + "due: " + due)
            y, m = int(due[:4]), int(due[5:7])
            due_last = day_number(y, m, int(due[8:]) if len(due) > 7 else days_in_month(y, m))
        due_line = len(self.lines) - 1
        r = rng.random()
        self.task_dues[task_id] = (due_line, due_last, r < 0.5)
        if r < 0.3:
            self.emit(pad + "status: 已完成")
        elif r < 0.5:
            self.emit(pad + "status: 进行中")
        self.emit(pad + "deliverables: [%s]" % ", ".join(self.sample(DELIVERABLES, rng.randrange(1, 4))))
        if rng.random() < 0.3:
            self.emit(pad + "points:")
            for sentence in self.sample(SENTENCES, rng.randrange(2, 4)):
                self.emit(pad + "  - " + sentence.rstrip("。"))
        else:
            self.block(12, "text", self.sample(SENTENCES, rng.randrange(1, 4)))

    def write_activities(self):
        rng = self.rng
        if self.activity_count == 0:
            return
        self.emit("activities:")
        span = self.end_n - self.start_n
        for i in range(self.activity_count):
            date_n = self.start_n + rng.randrange(0, span + 1)
            self.emit("  - date: " + iso(from_day_number(date_n)))
            if rng.random() < 0.1 and date_n + 3 <= self.end_n:
                self.emit("    end: " + iso(from_day_number(date_n + rng.randrange(1, 4))))
            self.emit("    title: " + self.pick(ACTIVITY_FORMS).format(self.pick(ACTIVITY_TOPICS)))
            r = rng.random()
            named = []
            if r < 0.85:
                named = [self.pick(self.task_ids)]
                self.emit("    task: " + named[0])
            elif r < 0.95:
                named = self.sample(self.task_ids, 2)
                self.emit("    task: [%s]" % ", ".join(named))
            self.all_activity_dates.append(date_n)
            for task_id in named:
                self.activity_dates.setdefault(task_id, []).append(date_n)
            host = self.pick(self.people)
            self.emit("    host: %s%s主持" % (host[2], host[1]))
            who = self.pick(PARTICIPANTS)
            self.emit("    participants: " + who)
            count = rng.randrange(10, 400)
            if who in self.heads:
                # Everyone, less a few absent: a count the profile agrees with.
                count = self.heads[who] - count % max(1, self.heads[who] // 10)
            self.emit("    count: %d" % count)
            self.emit("    place: " + self.pick(VENUES))
            self.emit("    summary: " + "".join(self.sample(SUMMARIES, rng.randrange(1, 3))))
            self.emit("    evidence: [%s]" % ", ".join(self.sample(DELIVERABLES, rng.randrange(1, 4))))
        self.emit("")

    def write_report(self):
        rng = self.rng
        self.emit("report:")
        self.block(2, "overview", self.sample(SENTENCES, 2))
        self.emit("  achievements:")
        for a in self.sample(ACHIEVEMENTS, rng.randrange(3, 6)):
            self.emit("    - " + a)
        for key, items in (("problems", PROBLEMS), ("next_steps", NEXT_STEPS)):
            self.emit("  %s:" % key)
            for title, text in self.sample(items, rng.randrange(2, 4)):
                self.emit("    - title: " + title)
                self.emit("      text: " + text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--schools", type=int, default=1, help="number of files (default 1)")
    parser.add_argument("--tasks", type=int, default=60, help="tasks per school (default 60)")
    parser.add_argument("--activities", type=int, default=120,
                        help="activities per school (default 120)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--first", type=int, default=1, help="number of the first school")
    parser.add_argument("--out", required=True, help="folder to write school-NNN.yaml into")
    args = parser.parse_args()
    if args.tasks < 1 or args.activities < 0 or args.schools < 0:
        parser.error("--tasks must be at least 1, --activities and --schools at least 0")
    os.makedirs(args.out, exist_ok=True)
    total = 0
    for i in range(args.first, args.first + args.schools):
        # Each school has its own stream, so school 7 is the same whatever --schools says.
        rng = random.Random(args.seed * 1000003 + i)
        text = School(rng, i, args.tasks, args.activities).generate()
        path = os.path.join(args.out, "school-%03d.yaml" % i)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    print("wrote %d files, %.1f KB in all, to %s" % (args.schools, total / 1024, args.out),
          file=sys.stderr)


if __name__ == "__main__":
    main()
