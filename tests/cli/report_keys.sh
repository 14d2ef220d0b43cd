# report.opening and report.groups: read into the report (docs/format.md, docs/report.md), and
# an entry naming no group is a warning at its file:line:col, in English and Chinese; the
# ledger's report-missing, group-without-activities, count-vs-profile and task-done-not-marked
# in Chinese
# (English: tests/invalid/check/).
source "$(dirname "$0")/lib/common.bash"

cat >groups.yaml <<'YAML'
version: 1
school:
  name: 海东市平安区第二中学
  short_name: 平安二中
plan:
  title: 2020年工作计划
  year: 2020
  issuer: 海东市平安区第二中学
  date: 2020-02-20
  sections:
    - title: 工作任务
      items:
        - title: 明确主体责任
          items:
            - {title: 召开动员大会, id: duty, due: 2020-04-30, status: 已完成}
        - title: 加强宣传教育
          items:
            - {title: 出黑板报, id: board, due: 2020-06-30, status: 已完成}
activities:
  - {date: 2020-04-13, title: 召开动员大会, task: duty, participants: 全体教职工, count: 176}
  - {date: 2020-05-11, title: 开展黑板报评比, task: board}
  - {date: 2020-05-20, title: 举办知识竞赛, task: board}
  - {date: 2020-07-01, title: 走访慰问老党员}
report:
  opening: |
    2020年，我校扎实开展各项工作。

    现将有关情况汇报如下：
  groups:
    - group: 明确主体责任
      heading: 压实主体责任
    - group: 加强宣传教育
      lead: 学校把宣传教育贯穿全年。
    - group: 其他工作
      heading: 其他方面
YAML

run validate groups.yaml
expect_code 0
out_empty
mkdir out
run render groups.yaml --format txt -o out
expect_code 0
expected='　　2020年，我校扎实开展各项工作。
　　现将有关情况汇报如下：
　　一、主要做法
　　（一）压实主体责任
　　4月13日，学校组织全体教职工176人召开动员大会。
　　（二）加强宣传教育
　　学校把宣传教育贯穿全年。
　　5月11日，开展黑板报评比。
　　5月20日，举办知识竞赛。
　　（三）其他方面
　　7月1日，走访慰问老党员。'
body=$(sed -n '3,13p' out/groups.report.txt)
[[ "$body" == "$expected" ]] || fail "report body is:
$body"

# A group that is neither a title, an id nor 其他工作: a warning with the closest name
# (the unit tests cover a group named by its id).
sed -e 's/- group: 加强宣传教育/- group: 加强宣传教肓/' -e 's/- group: 明确主体责任/- group: nothing-like-it/' \
  groups.yaml >typo.yaml
run validate typo.yaml
expect_code 0
expect_out 'typo.yaml:30:14: warning: "report.groups" names "nothing-like-it", which is not the title or id of a group of the plan; write a group'"'"'s title as in the plan, its id, or 其他工作 [report-group-unknown]
typo.yaml:32:14: warning: "report.groups" names "加强宣传教肓", which is not the title or id of a group of the plan (did you mean "加强宣传教育"?) [report-group-unknown]'
run validate --lang zh typo.yaml
expect_out 'typo.yaml:30:14: warning: "report.groups" 中的 "nothing-like-it" 不是计划中任何一组的标题或 id：请填写某组在计划中的标题原文、id 或“其他工作” [report-group-unknown]
typo.yaml:32:14: warning: "report.groups" 中的 "加强宣传教肓" 不是计划中任何一组的标题或 id（是否应为 "加强宣传教育"？） [report-group-unknown]'

# A misspelt key of an entry, and an entry without group, are the loader's errors.
sed -e 's/      heading: 压实主体责任/      headign: 压实主体责任/' -e 's/- group: 其他工作/- lead: 其他工作/' \
  groups.yaml >keys.yaml
run validate keys.yaml
expect_code 1
expect_out 'keys.yaml:31:7: error: unknown key "headign" in an entry of "report.groups" (did you mean "heading"?) [unknown-key]
keys.yaml:34:7: error: missing key "group" in an entry of "report.groups" [missing-key]'
run validate --lang zh keys.yaml
expect_out 'keys.yaml:31:7: error: “report.groups”的条目中有未知的键“headign”（是否应为“heading”？） [unknown-key]
keys.yaml:34:7: error: “report.groups”的条目缺少键“group” [missing-key]'
# A task the ledger shows done by its due date, without a status, in Chinese.
cp "$SRC/tests/invalid/check/task-done-not-marked.yaml" done.yaml
run validate --lang zh done.yaml
expect_code 0
expect_out 'done.yaml:14:16: warning: 任务“召开动员大会”应于 2020-04-30 完成，此前已有活动关联该任务，但未填写 "status"，进度将显示“逾期”；如已完成，请填写 "status: 已完成" [task-done-not-marked]
done.yaml:17:16: warning: 任务“出黑板报”应于 2020-06 完成，此前已有活动关联该任务，但未填写 "status"，进度将显示“逾期”；如已完成，请填写 "status: 已完成" [task-done-not-marked]'
cp "$SRC/tests/invalid/check/report-missing.yaml" "$SRC/tests/invalid/check/group-without-activities.yaml" .
run validate --lang zh report-missing.yaml group-without-activities.yaml
expect_code 0
expect_out 'group-without-activities.yaml:15:18: warning: “深化宣传教育”组有任务，但没有任何活动关联其中的任务，总结将略去该组；请在活动台账中补充相关活动，或为其任务填写 "status" [group-without-activities]
report-missing.yaml:12:5: warning: 文件有活动台账但没有 "report"：年终总结将只有“主要做法”；请添加 "report"，写明 overview、achievements、problems 和 next_steps [report-missing]'
cp "$SRC/tests/invalid/check/count-vs-profile.yaml" counts.yaml
run validate --lang zh counts.yaml
expect_code 0
expect_out 'counts.yaml:15:67: warning: "全体教职工" 指全体人员，但 89 人不到学校概况中 184 人（教职工）的一半，请写明实际参加人员或核对 "count" [count-vs-profile]
counts.yaml:16:64: warning: "全校师生" 共 2600 人，但学校概况中只有 2466 人（在校学生、教职工），请核对 "count" 或学校概况 [count-vs-profile]
counts.yaml:19:64: warning: "教职工" 共 200 人，但学校概况中只有 184 人（教职工），请核对 "count" 或学校概况 [count-vs-profile]'
echo "report keys: ok"
