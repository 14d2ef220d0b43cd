# planctl import: what it writes, what it says, and how it refuses what it cannot read
# (docs/import.md, docs/cli.md).
source "$(dirname "$0")/lib/common.bash"

# A plan with every part, a page number and web-page debris after the signature.
cat >"$T/plan.txt" <<'TXT'
2020年工作安排

根据上级要求，现安排如下：
一、总体要求
深入学习。
二、工作任务
(一)明确责任
1.营造氛围。一是宣传。
- 2 -
2、规范档案
附件：1.行事历
2.名单
市第二中学
2020年4月9日
相关文章:
TXT
run import "$T/plan.txt"
expect_code 0
expect_out "wrote plan.yaml"
expect_err "$T/plan.txt:9: warning: not placed (a page number), kept as a comment: - 2 -
$T/plan.txt:15: warning: not placed (web-page debris), kept as a comment: 相关文章:"
[[ "$(sed -n '3,$p' plan.yaml)" == "version: 1

school:
  name: 市第二中学  # 由落款推断，请改为学校全称

plan:
  title: 2020年工作安排
  year: 2020
  issuer: 市第二中学
  date: 2020-04-09
  basis: 根据上级要求，现安排如下：
  sections:
    - title: 总体要求
      text: 深入学习。
    - title: 工作任务
      items:
        - title: 明确责任
          items:
            - title: 营造氛围
              text: 一是宣传。
              # 未导入（原文第9行，页码）：- 2 -
            - title: 规范档案
  attachments:
    - 行事历
    - 名单
  # 未导入（原文第15行，网页残留）：相关文章:" ]] || fail "plan.yaml is not as expected: $(cat plan.yaml)"
run validate plan.yaml
expect_code 0

# An existing output is never overwritten without --force; -o - writes to standard output.
run import "$T/plan.txt"
expect_code 2
expect_err 'planctl: error: "plan.yaml" already exists; use --force to overwrite it, or give another name with -o'
run import "$T/plan.txt" --force
expect_code 0
run import "$T/plan.txt" -o -
expect_code 0
out_has "  title: 2020年工作安排"
err_has "plan.txt:9: warning: not placed (a page number)"

# No signature: placeholders and what to fill in; --issuer and --date supply it.
printf '2020年工作要点\n一、提高站位\n1.深入学习\n' >"$T/points.txt"
run import "$T/points.txt" -o points.yaml
expect_code 0
out_has "fill in the placeholders marked 待填写: school.name and plan.issuer (or import again with --issuer); plan.date (or import again with --date YYYY-MM-DD)"
grep -qF "  issuer: 待填写落款单位  # 待填写：文档中没有找到落款" points.yaml || fail "no issuer placeholder"
grep -qF "  date: 2020-12-31  # 待填写：文档中没有找到成文日期，暂填导入当天" points.yaml || fail "no date placeholder"
grep -qF "  numbering: [一、, 1.]" points.yaml || fail "no numbering for the skipped level"
run import "$T/points.txt" -o points2.yaml --issuer 关工委 --date 2020-03-06 --numbering '一、,1.,（1）'
expect_code 0
expect_out "wrote points2.yaml"
grep -qF "  issuer: 关工委" points2.yaml || fail "--issuer not used"
grep -qF "  date: 2020-03-06" points2.yaml || fail "--date not used"
grep -qF "  numbering: [一、, 1., （1）]" points2.yaml || fail "--numbering not used"

# Bad options.
run import "$T/points.txt" --date 2020-13-01 -o x.yaml
expect_code 2
expect_err 'planctl: error: --date "2020-13-01" is not a date; write it as YYYY-MM-DD'
run import "$T/points.txt" --numbering '一、,A' -o x.yaml
expect_code 2
err_has "is not a list of one to four of 一、 （一） 1. （1）"

# Formats it cannot read (a PDF only for the plan file it carries: tests/cli/import_pdf.sh).
for ext in doc wps; do
  printf 'x' >"$T/old.$ext"
  run import "$T/old.$ext"
  expect_code 2
  expect_err "planctl: error: planctl cannot read .$ext files; open it in Word or WPS, save it as .docx (Word 文档), and import the .docx"
done
run import "$T/missing.txt"
expect_code 2
expect_err 'planctl: error: cannot read "'"$T"'/missing.txt": no such file'

# Hostile input: byte soup, a 100 MB text (refused after reading 32 MiB), deep numbering.
printf '标题\n\xff\xfe\xfd\x80\x81\n' >"$T/soup.txt"
run import "$T/soup.txt"
expect_code 2
expect_err "planctl: error: line 2 is neither UTF-8 nor GB18030 text; save the document as UTF-8 text or .docx"
truncate -s 100M "$T/big.txt" # sparse: costs no disk and no time to make
run import "$T/big.txt" -o big.yaml
expect_code 2
expect_err "planctl: error: \"$T/big.txt\" is larger than 32 MiB; planctl imports documents up to that size (a plan file may hold at most 16 MiB)"
[[ ! -e big.yaml ]] || fail "a refused import wrote big.yaml"
rm -f "$T/big.txt"
{
  echo 深层编号
  for i in $(seq 1 300); do printf '一、甲%d\n（一）乙\n1.丙\n（1）丁\n(2)戊\n' "$i"; done
} >"$T/deep.txt"
run import "$T/deep.txt" -o deep.yaml --issuer 学校 --date 2020-01-01
expect_code 0
run validate deep.yaml
expect_code 0
echo "import: ok"
