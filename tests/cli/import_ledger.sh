# planctl import LEDGER.xlsx --into plan.yaml (docs/import.md, "The activity ledger from Excel"): the rows a
# school adds to the workbook's 活动台账 in Excel (a date cell, a date text, a list of tasks by
# title and id) become activities of the plan file, written into its text so that its comments
# and layout stay; unusable rows are named by cell; rows already there are skipped, so importing
# again is safe; a sheet of its own with the columns in another order works too.
source "$(dirname "$0")/lib/common.bash"

cp "$EXAMPLES/pingan-no2-2020.yaml" plan.yaml

# entries_end FILE: the line of FILE's last `activities` entry (its last indented line before
# the next top-level key), after which import writes what it adds, so that the expected diffs
# below do not depend on the example's length.
entries_end() {
  awk '/^activities:/ { on = 1; next } on && /^[^ #]/ { exit } on && /^ +[^ ]/ { last = NR }
       END { print last }' "$1"
}
cp -r "$EXAMPLES/photos" photos # validate reads the photos the example names
mkdir out
run render plan.yaml -o out
expect_code 0
cp plan.yaml before.yaml

# What a clerk does in Excel: five rows below planctl's, one row left blank between.
(/usr/bin/python3 - "$T/out/pingan-no2.tasks.xlsx" "$T/ledger.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["活动台账"]
last = ws.max_row
def row(r, values):
    for col, value in values.items():
        cell = ws[f"{col}{r}"]
        cell.value = value
        if isinstance(value, datetime.datetime):
            cell.number_format = 'yyyy"年"m"月"d"日"'
row(last + 1, {"A": last - 2, "B": datetime.datetime(2020, 6, 5), "D": "开展防溺水安全教育",
               "E": "开展“法治进校园”活动", "I": 120, "J": "学校报告厅",
               "K": "讲解防溺水“六不准”。\n观看安全教育片。", "L": "照片、签到表"})
row(last + 3, {"B": "2020年6月12日", "D": "召开家长会", "E": "law-edu、创建法治校园",
               "G": "德育处", "H": "七年级家长", "I": "45人"})
row(last + 4, {"B": "2020-13-45", "D": "日期写错的活动"})
row(last + 5, {"B": "2020/6/20", "D": "关联任务写错的活动", "E": "不存在的任务"})
row(last + 6, {"B": datetime.datetime(2020, 6, 26), "C": datetime.datetime(2020, 6, 25),
               "D": "结束早于开始的活动"})
wb.save(sys.argv[2])
print(last)
PY
) >last_row
# The rows planctl wrote (the example's activities, below the header on row 3), and the rows
# of the ones filled in above.
last=$(cat last_row)
written=$((last - 3))
[[ $written -eq $(grep -c "^  - date:" before.yaml) ]] || fail "the workbook does not hold one row an activity"
bad_date=$((last + 4)) bad_task=$((last + 5)) bad_end=$((last + 6))
# The example separates its entries by a blank line: the added block comes after the one that
# follows its last entry, and ends with one.
end=$(($(entries_end before.yaml) + 1))

run import ledger.xlsx --into plan.yaml
expect_code 1
expect_err "ledger.xlsx:$bad_date:2: error: 活动台账!B$bad_date: \"2020-13-45\" is not a date; write it as 2020-03-13 or 2020年3月13日, or make the cell a date
ledger.xlsx:$bad_task:5: error: 活动台账!E$bad_task: \"不存在的任务\" is neither the id nor the title of a task in plan.yaml; write a task's id or its title as the plan file has it
ledger.xlsx:$bad_end:3: error: 活动台账!C$bad_end: the end date 2020-06-25 is before the date 2020-06-26"
expect_out "活动台账 (header on row 3): $((written + 5)) rows; 2 added, $written already in plan.yaml, 3 not usable (fix them and import again: rows already added are skipped)
wrote plan.yaml"

# Only the two rows were added, at the end of the activities, indented as the file's entries.
diff before.yaml plan.yaml | sed "s/ *$//" >added.diff || true
cat >expected.diff <<DIFF
${end}a$((end + 1)),$((end + 19))
>   # 由 planctl import 从 ledger.xlsx 的“活动台账”导入
>   - date: 2020-06-05
>     title: 开展防溺水安全教育
>     task: law-edu
>     count: 120
>     place: 学校报告厅
>     summary: |
>       讲解防溺水“六不准”。
>
>       观看安全教育片。
>     evidence: [照片, 签到表]
>
>   - date: 2020-06-12
>     title: 召开家长会
>     task: [law-edu, anti-cult]
>     host: 德育处
>     participants: 七年级家长
>     count: 45
>
DIFF
diff -u expected.diff added.diff || fail "the added activities differ (above)"

run validate plan.yaml
expect_code 0

# Again: nothing new, the file is left alone, the same rows are named.
cp plan.yaml once.yaml
run import ledger.xlsx --into plan.yaml
expect_code 1
out_has "活动台账 (header on row 3): $((written + 5)) rows; 0 added, $((written + 2)) already in plan.yaml, 3 not usable"
out_has "plan.yaml is unchanged"
cmp once.yaml plan.yaml || fail "a second import changed the file"

# Rows planctl wrote that the school edited in Excel (the same date and title, other cells
# changed) update their activity in place: only the keys of the changed cells, the rest of the
# entry as it was written; a cell emptied removes its key. -o - writes the file to standard
# output, and the notes name it so.
/usr/bin/python3 - "$T/ledger.xlsx" "$T/edited.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["活动台账"]
rows = {ws[f"D{r}"].value: r for r in range(4, ws.max_row + 1)}
r = rows["召开创建民族团结进步动员大会"]
ws[f"I{r}"] = 180
ws[f"J{r}"] = "学校体育馆"
ws[f"L{r}"] = ws[f"L{r}"].value + "、新闻稿"
r = rows["成立创建工作领导小组"]
ws[f"J{r}"] = None
ws[f"C{r}"] = datetime.datetime(2020, 4, 17)
ws[f"C{r}"].number_format = "yyyy-mm-dd"
wb.save(sys.argv[2])
PY
read -r meeting_row group_row < <(/usr/bin/python3 - "$T/edited.xlsx" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["活动台账"]
rows = {ws[f"D{r}"].value: r for r in range(4, ws.max_row + 1)}
print(rows["召开创建民族团结进步动员大会"], rows["成立创建工作领导小组"])
PY
)
# The entries in the file: the `- date:` line before each title, and their keys' lines.
entry_of() { grep -n -B1 "^    title: $1\$" once.yaml | head -1 | cut -d- -f1; }
key_in() { awk -v from="$1" -v key="$2" 'NR > from && /^  - / { exit } NR > from && $1 == key":" { print NR; exit }' once.yaml; }
meeting=$(entry_of 召开创建民族团结进步动员大会)
group=$(entry_of 成立创建工作领导小组)
count_at=$(key_in "$meeting" count) place_at=$(key_in "$meeting" place)
evidence_at=$(key_in "$meeting" evidence) gone_at=$(key_in "$group" place)
group_last=$(key_in "$group" evidence)
[[ -n $count_at && -n $place_at && -n $evidence_at && -n $gone_at && -n $group_last ]] ||
  fail "the example's entries are not where the test looks for them"
run import edited.xlsx --into plan.yaml -o -
expect_code 1
err_has "<stdout>:$meeting: note: activity updated from 活动台账 row $meeting_row, which changes its count, place, evidence"
err_has "<stdout>:$group: note: activity updated from 活动台账 row $group_row, which changes its end, place"
err_has "活动台账 (header on row 3): $((written + 5)) rows; 0 added, 2 updated, $written already in plan.yaml, 3 not usable"
cp stdout updated.yaml
cmp once.yaml plan.yaml || fail "-o - changed plan.yaml"
diff once.yaml updated.yaml | sed "s/ *$//" >updated.diff || true
cat >expected.diff <<DIFF
${count_at},${place_at}c${count_at},${place_at}
<     count: 176
<     place: 学校报告厅
---
>     count: 180
>     place: 学校体育馆
${evidence_at}c${evidence_at}
<     evidence: [会议记录, 签到表, 照片]
---
>     evidence: [会议记录, 签到表, 照片, 新闻稿]
${gone_at}d$((gone_at - 1))
$(sed -n "${gone_at}p" once.yaml | sed 's/^/< /')
${group_last}a${group_last}
>     end: 2020-04-17
DIFF
diff -u expected.diff updated.diff || fail "the updated activities differ (above)"
run validate updated.yaml
expect_code 0
# The workbook of the updated file, brought back again, changes nothing more.
run import edited.xlsx --into updated.yaml
out_has "0 added, $((written + 2)) already in updated.yaml, 3 not usable"
out_has "updated.yaml is unchanged"

# A sheet of the school's own: named 台账, columns in another order, extra columns, the header
# on the first row, a date as a plain number (Excel's serial day), written to -o.
/usr/bin/python3 - "$T/own.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.Workbook()
wb.active.title = "说明"
wb.active["A1"] = "本表登记学校活动"
ws = wb.create_sheet("台账")
ws.append(["备注", "活动名称", "人 数", "日期", "关联任务", "地点"])
ws.append(["", "组织教师政治学习", 60, 44021, "开展\"两学一做\"活动", "会议室"])
ws.append(["已上报", "开展法治讲座", "很多", datetime.datetime(2020, 7, 9), "law-edu", ""])
wb.save(sys.argv[1])
PY
run import own.xlsx --into before.yaml -o own.yaml
expect_code 1
expect_err "own.xlsx:3:3: error: 台账!C3: \"很多\" is not a number of people (a whole number)"
expect_out "台账 (header on row 1): 2 rows; 1 added, 1 not usable (fix it and import again: rows already added are skipped)
wrote own.yaml"
diff before.yaml own.yaml | sed "s/ *$//" >own.diff || true
cat >expected.diff <<DIFF
${end}a$((end + 1)),$((end + 7))
>   # 由 planctl import 从 own.xlsx 的“台账”导入
>   - date: 2020-07-09
>     title: 组织教师政治学习
>     task: two-learn
>     count: 60
>     place: 会议室
>
DIFF
diff -u expected.diff own.diff || fail "the activity from 台账 differs (above)"
run import own.xlsx --into before.yaml -o own.yaml
expect_code 2
err_has "\"own.yaml\" already exists; use --force"

# A plan imported from a document has no tasks: the ledger names its items by title, and each
# item named gets an id (which makes it a task) written below its title; the document planctl
# renders from the file is the same as before.
run import "${PLANCTL_TEST_DATA_DIR:-$SRC/tests}/data/import/seed-000.txt" -o seed.yaml
expect_code 0
mkdir seed-out
run render seed.yaml -o seed-out --format txt,xlsx
expect_code 0
/usr/bin/python3 - "$T/seed-out/seed.tasks.xlsx" "$T/seed-ledger.xlsx" <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["活动台账"]
r = ws.max_row + 1
ws[f"B{r}"] = datetime.datetime(2020, 5, 8)
ws[f"D{r}"] = "召开创建工作动员大会"
ws[f"E{r}"] = "校内外营造浓厚的宣传氛围、总体要求"
ws[f"B{r + 1}"] = "2020年5月20日"
ws[f"D{r + 1}"] = "开展民族团结主题班会"
ws[f"E{r + 1}"] = "校内外营造浓厚的宣传氛围"
wb.save(sys.argv[2])
PY
cp seed.yaml seed-before.yaml
run import seed-ledger.xlsx --into seed.yaml
expect_code 0
expect_err "seed.yaml:17: note: id t1 added: activities name tasks by id, and the item the ledger names by its title had none (it is a task now)
seed.yaml:31: note: id t3-2-1 added: activities name tasks by id, and the item the ledger names by its title had none (it is a task now)"
expect_out "活动台账 (header on row 3): 2 rows; 2 added
wrote seed.yaml"
diff seed-before.yaml seed.yaml | sed "s/ *$//" >seed.diff || true
cat >expected.diff <<'DIFF'
16a17
>       id: t1
29a31
>               id: t3-2-1
96a99,107
>
> activities:
>   # 由 planctl import 从 seed-ledger.xlsx 的“活动台账”导入
>   - date: 2020-05-08
>     title: 召开创建工作动员大会
>     task: [t3-2-1, t1]
>   - date: 2020-05-20
>     title: 开展民族团结主题班会
>     task: t3-2-1
DIFF
diff -u expected.diff seed.diff || fail "the ids and activities added to the imported plan differ (above)"
run validate seed.yaml
expect_code 0
mkdir seed-after
run render seed.yaml -o seed-after --format txt
expect_code 0
cmp seed-out/seed.plan.txt seed-after/seed.plan.txt || fail "the plan document changed"

# What cannot be imported says so.
run import ledger.xlsx -o x.yaml
expect_code 2
expect_err "planctl: error: a workbook is an activity ledger, imported into a plan file: planctl import LEDGER.xlsx --into plan.yaml"
printf '一、总体要求\n' >doc.txt
run import doc.txt --into plan.yaml
expect_code 2
err_has "--into adds the rows of an activity ledger (.xlsx) to a plan file"
printf '\xD0\xCF\x11\xE0rest' >old.xlsx
run import old.xlsx --into plan.yaml
expect_code 2
expect_err "planctl: error: the file is an old Excel workbook (.xls) named .xlsx; open it in Excel or WPS, save it as .xlsx (Excel 工作簿), and import that"
run import ledger.xls --into plan.yaml
expect_code 2
err_has "planctl cannot read .xls files; open it in Excel or WPS, save it as .xlsx"
/usr/bin/python3 - "$T" <<'PY'
import sys, zipfile
d = sys.argv[1]
src = zipfile.ZipFile(d + "/ledger.xlsx")
def copy(name, replace):
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = replace.get(item.filename, src.read(item.filename))
            z.writestr(item.filename, data)
sheet = [n for n in src.namelist() if n.startswith("xl/worksheets/sheet")][1]
copy("bomb.xlsx", {"xl/styles.xml": b"<styleSheet>" + b" " * (33 << 20) + b"</styleSheet>"})
copy("doctype.xlsx", {sheet: b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'})
copy("broken.xlsx", {sheet: b"<worksheet><sheetData><row>"})
with zipfile.ZipFile(f"{d}/nosheet.xlsx", "w") as z:
    z.writestr("xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
PY
run import bomb.xlsx --into plan.yaml
expect_code 2
expect_err "planctl: error: the .xlsx part xl/styles.xml inflates to more than 32 MiB; a ledger is far smaller, so this is not a workbook planctl can import"
run import doctype.xlsx --into plan.yaml
expect_code 2
err_has "declares a DOCTYPE, which Excel never writes; planctl does not read it"
run import broken.xlsx --into plan.yaml
expect_code 2
err_has "is not well-formed XML (line 1: "
run import nosheet.xlsx --into plan.yaml
expect_code 2
expect_err "planctl: error: no sheet of the workbook (none) has a header row with 日期 and 活动名称, the columns of 活动台账; planctl reads the activity ledger its workbook has, filled in"
cmp once.yaml plan.yaml || fail "a refused import changed the file"
echo "ok"
