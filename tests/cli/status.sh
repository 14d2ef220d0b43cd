# planctl status: tasks by state, overdue tasks, tasks due soon, tasks no activity names and
# activities per group, as a terminal table (English and Chinese) and as JSON, exactly, for a
# small plan and for the seed-000 example at a fixed --as-of; a file with errors is not shown.
source "$(dirname "$0")/lib/common.bash"
write_fixtures

cat >small.yaml <<'YAML'
version: 1
school: {name: 第一中学, code: no1}
departments:
  - {id: moral, name: 德育处}
people:
  - {id: wang, name: 王明}
  - {id: li, name: 李红}
plan:
  title: 2020年工作计划
  year: 2020
  issuer: 第一中学
  date: 2020-02-01
  sections:
    - title: 德育工作
      items:
        - title: 开展主题班会
          id: class
          lead: moral
          owner: [wang, li]
          due: 2020-06-30
        - title: 家访
          id: visit
          due: 2020-12
        - title: 安全教育
          due: 每月
    - title: 教学工作
      items:
        - title: 期末考试
          id: exam
          lead: 德育处
          due: 2020-12-20
          status: 已完成
activities:
  - {date: 2020-07-10, title: 班会, task: class}
  - {date: 2020-12-01, title: 家访, task: [visit, class]}
  - {date: 2020-05-01, title: 清扫}
report:
  overview: 各项工作有序推进。
YAML

run status small.yaml --as-of 2020-12-15
expect_code 0
cat >expected.txt <<'TEXT'
small.yaml: 第一中学, 2020年工作计划
  as of 2020-12-15: 4 tasks: 已完成 1 · 进行中 1 · 逾期 1 · 未开始 0 · 长期 1; 3 activities

Overdue (1)
  TASK                    LEAD    OWNER       DUE          LATE
  一、（一）开展主题班会  德育处  王明、李红  2020-06-30  168 d

Due in the next 30 days (1)
  TASK            LEAD  OWNER  DUE      LEFT
  一、（二）家访  —     —      2020-12  16 d

Tasks no activity names (2)
  TASK                LEAD    OWNER  STATE
  一、（三）安全教育  —       —      长期
  二、（一）期末考试  德育处  —      已完成

Activities per group (5)
  GROUP                   TASKS  ACTIVITIES
  一、（一）开展主题班会      1           1
  一、（二）家访              1           1
  一、（三）安全教育          1           0
  二、（一）期末考试          1           0
  其他工作                    0           1
TEXT
cmp -s "$T/stdout" expected.txt || fail "text output differs: $(diff expected.txt "$T/stdout")"
[[ ! -s "$T/stderr" ]] || fail "stderr is not empty"

run status small.yaml --as-of 2020-12-15 --lang zh
expect_code 0
cat >expected.txt <<'TEXT'
small.yaml：第一中学《2020年工作计划》
  截至 2020-12-15，任务 4 项：已完成 1 · 进行中 1 · 逾期 1 · 未开始 0 · 长期 1；活动 3 次

逾期任务 (1)
  任务                    牵头部门  责任人      完成时限     逾期
  一、（一）开展主题班会  德育处    王明、李红  2020-06-30  168天

30天内到期 (1)
  任务            牵头部门  责任人  完成时限  剩余
  一、（二）家访  —         —       2020-12   16天

无活动记录的任务 (2)
  任务                牵头部门  责任人  进度
  一、（三）安全教育  —         —       长期
  二、（一）期末考试  德育处    —       已完成

各类别活动数 (5)
  工作类别                任务数  活动数
  一、（一）开展主题班会       1       1
  一、（二）家访               1       1
  一、（三）安全教育           1       0
  二、（一）期末考试           1       0
  其他工作                     0       1
TEXT
cmp -s "$T/stdout" expected.txt || fail "Chinese output differs: $(diff expected.txt "$T/stdout")"

run status small.yaml --as-of 2020-12-15 --format json
expect_code 0
cat >expected.json <<'JSON'
{
  "version": 1,
  "as_of": "2020-12-15",
  "files": [
    {
      "file": "small.yaml",
      "valid": true,
      "errors": 0,
      "warnings": 0,
      "school": "第一中学",
      "code": "no1",
      "title": "2020年工作计划",
      "tasks": 4,
      "states": {
        "done": 1,
        "in_progress": 1,
        "overdue": 1,
        "not_started": 0,
        "ongoing": 1
      },
      "activities": 3,
      "overdue": [
        {
          "id": "class",
          "position": "一、（一）",
          "title": "开展主题班会",
          "lead": "德育处",
          "owners": [
            "王明",
            "李红"
          ],
          "state": "overdue",
          "due": "2020-06-30",
          "due_date": "2020-06-30",
          "days_late": 168
        }
      ],
      "due_soon": [
        {
          "id": "visit",
          "position": "一、（二）",
          "title": "家访",
          "lead": null,
          "owners": [],
          "state": "in_progress",
          "due": "2020-12",
          "due_date": "2020-12-31",
          "days_left": 16
        }
      ],
      "without_activity": [
        {
          "id": null,
          "position": "一、（三）",
          "title": "安全教育",
          "lead": null,
          "owners": [],
          "state": "ongoing",
          "due": "每月",
          "due_date": null
        },
        {
          "id": "exam",
          "position": "二、（一）",
          "title": "期末考试",
          "lead": "德育处",
          "owners": [],
          "state": "done",
          "due": "2020-12-20",
          "due_date": "2020-12-20"
        }
      ],
      "activities_by_group": [
        {
          "position": "一、（一）",
          "group": "开展主题班会",
          "tasks": 1,
          "activities": 1
        },
        {
          "position": "一、（二）",
          "group": "家访",
          "tasks": 1,
          "activities": 1
        },
        {
          "position": "一、（三）",
          "group": "安全教育",
          "tasks": 1,
          "activities": 0
        },
        {
          "position": "二、（一）",
          "group": "期末考试",
          "tasks": 1,
          "activities": 0
        },
        {
          "position": "",
          "group": "其他工作",
          "tasks": 0,
          "activities": 1
        }
      ]
    }
  ]
}
JSON
cmp -s "$T/stdout" expected.json || fail "JSON differs: $(diff expected.json "$T/stdout")"

# The seed-000 example at the end of its year.
cd "$SRC"
run status examples/pingan-no2-2020.yaml --as-of 2020-12-31
cd "$T"
expect_code 0
cat >expected.txt <<'TEXT'
examples/pingan-no2-2020.yaml: 海东市平安区第二中学, 2020年创建民族团结进步先进区工作安排
  as of 2020-12-31: 21 tasks: 已完成 6 · 进行中 3 · 逾期 2 · 未开始 0 · 长期 10; 25 activities

Overdue (2)
  TASK                                LEAD      OWNER   DUE      LATE
  三、（五）5.加强党建示范点建设      党支部    李永红  2020-10  61 d
  三、（二）3.进一步规范整理档案资料  校办公室  朱海燕  2020-11  31 d

Due in the next 30 days (2)
  TASK                                  LEAD    OWNER   DUE      LEFT
  三、（三）3.实施“精准脱贫攻坚行动计…  党支部  李永红  2020-12   0 d
  三、（四）3.开展社会主义核心价值观…   德育处  韩明    2020-12   0 d

Tasks no activity names (2)
  TASK                              LEAD    OWNER         STATE
  三、（六）3.创建法治校园          政教处  冶成林        长期
  三、（六）5.加强特殊人群管理工作  政教处  冶成林、韩明  长期

Activities per group (7)
  GROUP                                TASKS  ACTIVITIES
  三、（一）明确主体责任，形成创建工…      1           2
  三、（二）全力以赴“迎国检”，确保创…      3           3
  三、（三）落实重点工作，推动创建工…      4           3
  三、（四）深化教育引导，构筑各民族…      3           4
  三、（五）夯实“三基”工作，强化中小…      5           6
  三、（六）深化“平安建设”，促进育人…      5           4
  其他工作                                 0           3
TEXT
cmp -s "$T/stdout" expected.txt || fail "example output differs: $(diff expected.txt "$T/stdout")"

# Several files, in file-name order whatever the order given; a file with errors is listed
# but not shown, its findings on standard error, exit 1.
run status small.yaml bad.yaml --as-of 2020-12-15 -j 2
expect_code 1
[[ "$(head -n 2 "$T/stdout")" == "bad.yaml: 一中, 计划
  not shown: 3 errors (see the findings above)" ]] || fail "the failed file is not listed first"
out_has "small.yaml: 第一中学, 2020年工作计划"
err_has 'bad.yaml:4:3: error: unknown key "nmae" in "school"'
run status bad.yaml small.yaml --as-of 2020-12-15 --format json
expect_code 1
/usr/bin/python3 - "$T/stdout" <<'PY' || fail "JSON for a failed file is not as expected"
import json, sys
report = json.load(open(sys.argv[1]))
first, second = report["files"]
assert first == {"file": "bad.yaml", "valid": False, "errors": 3, "warnings": 0,
                 "school": "一中", "code": None, "title": "计划"}, first
assert second["file"] == "small.yaml" and second["valid"] is True
PY
# Warnings do not stop a file from being shown, and are not printed.
run status warn.yaml --as-of 2020-12-15
expect_code 0
out_has "warn.yaml: 一中, 计划"
[[ ! -s "$T/stderr" ]] || fail "warnings were printed"

run status missing.yaml
expect_code 2
err_has "missing.yaml: error: cannot read the file"
run status small.yaml --as-of 2020-13-01
expect_code 2
err_has '--as-of "2020-13-01" is not a date'
echo "status: ok"
