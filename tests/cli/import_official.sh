# planctl import reads the official-document parts of a text (plan-format.md "Official-document
# elements") into their keys: the letterhead, the document number (its year's brackets made
# 〔〕), the signer, the recipients line ending in ：, the 附注 after the date, the 抄送 and 印发
# lines; the file validates and renders the document's lines back.
source "$(dirname "$0")/lib/common.bash"

# A notice as a clerk types it, the year of the number in square brackets.
cat >notice.txt <<'TXT'
平安区教育局文件
平教[2020]12号
关于开展2020年民族团结进步创建工作的通知
各中小学、各幼儿园：
为做好2020年民族团结进步创建工作，现将有关事项通知如下。
一、工作目标
全面完成创建任务。
二、工作措施
（一）加强宣传
（二）落实责任
平安区教育局
2020年4月9日
（联系人：张慧君，电话：0972-8612345）
抄送：海东市教育局，平安区人民政府。
平安区教育局办公室　　　　2020年4月10日印发
TXT
run import notice.txt -o notice.yaml
expect_code 0
expect_out "wrote notice.yaml"
sed -n '/^plan:/,/^  basis/p' notice.yaml >plan-keys.txt
cat >expected.txt <<'YAML'
plan:
  title: 关于开展2020年民族团结进步创建工作的通知
  year: 2020
  issuer: 平安区教育局
  date: 2020-04-09
  letterhead: 平安区教育局文件
  doc_number: 平教〔2020〕12号
  recipients:
    - 各中小学
    - 各幼儿园
  note: 联系人：张慧君，电话：0972-8612345
  copy_to:
    - 海东市教育局
    - 平安区人民政府
  printed_by: 平安区教育局办公室
  printed_date: 2020-04-10
  basis: 为做好2020年民族团结进步创建工作，现将有关事项通知如下。
YAML
diff -u expected.txt plan-keys.txt || fail "the official keys differ (above)"
grep -q "未导入" notice.yaml && fail "a part of the notice was left as a comment"
run validate notice.yaml
expect_code 0
mkdir out
run render notice.yaml -o out --format txt
expect_code 0
# The rendered lines are the notice's, the number with 〔〕 (spaces of the layout aside).
sed 's/\[2020\]/〔2020〕/' notice.txt | tr -d ' 　' >want.txt
grep -v '^[ 　]*$' out/*.plan.txt | tr -d ' 　' >got.txt
diff -u want.txt got.txt || fail "the rendered notice differs from its source (above)"

# A report sent up: the organisation's name as its mark (no 文件), the signer beside the number,
# one recipient; the same date printed as signed (printed_date is then left to its default).
cat >report.txt <<'TXT'
中共平安区教育工作委员会
平教工〔2022〕15号　　　签发人：刘莹
关于意识形态工作的情况报告
中共平安区委员会：
现将有关情况报告如下：
一、主要做法
建立工作机制。
中共平安区教育工作委员会
2022年10月28日
抄送：区委宣传部
中共平安区教育工作委员会办公室　2022年10月28日印发
TXT
run import report.txt -o report.yaml
expect_code 0
sed -n '/^plan:/,/^  basis/p' report.yaml >plan-keys.txt
cat >expected.txt <<'YAML'
plan:
  title: 关于意识形态工作的情况报告
  year: 2022
  issuer: 中共平安区教育工作委员会
  date: 2022-10-28
  letterhead: 中共平安区教育工作委员会
  doc_number: 平教工〔2022〕15号
  signer: 刘莹
  recipients: 中共平安区委员会
  copy_to: 区委宣传部
  printed_by: 中共平安区教育工作委员会办公室
  basis: 现将有关情况报告如下：
YAML
diff -u expected.txt plan-keys.txt || fail "the report's official keys differ (above)"
run validate report.yaml
expect_code 0

# What would not validate stays a comment: a signer without a document number, a printing date
# before the signing date.
cat >odd.txt <<'TXT'
签发人：刘莹
2020年工作要点
一、工作目标
全面完成任务。
学校
2020年4月9日
学校办公室　2020年4月1日印发
TXT
run import odd.txt -o odd.yaml
expect_code 0
grep -qF "# 未导入（原文第1行，公文要素：签发人）：签发人：刘莹" odd.yaml || fail "the signer is not a comment"
grep -qF "# 未导入（原文第7行，公文版记：印发机关和印发日期）：学校办公室　2020年4月1日印发" odd.yaml ||
  fail "the printed-by line is not a comment"
grep -qE "^  (signer|printed_by|printed_date):" odd.yaml && fail "a key that would not validate was written"
run validate odd.yaml
expect_code 0
echo "ok"
