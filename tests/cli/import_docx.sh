# planctl import of .docx written by other programs (docs/import.md): Word's automatic
# numbering (numbering.xml, built here as Word writes it), typed numbers (python-docx), and a
# text document saved as .docx by LibreOffice each import to the plan file the same text gives
# as .txt, which validates and renders the source text back; hostile packages get a clear error.
source "$(dirname "$0")/lib/common.bash"

# The document as a clerk types it.
cat >"$T/plan.txt" <<'TXT'
2020年工作要点
根据上级要求，现将工作要点安排如下：
一、总体要求
深入学习，提高站位。
二、工作任务
（一）明确责任
1.营造氛围。一是宣传，二是培训。
（1）细化方案
（2）落实到人
2.规范档案
（二）落实保障
三、组织保障
加强领导。
市第二中学
2020年4月9日
TXT

# The same document three ways. Word: every label is automatic numbering (one list, four
# levels: 一、 （一） 1. （1）), 三、 comes from the Heading 1 style's list, a table row and a
# text box are not part of the plan, and the signature is one paragraph with a line break.
/usr/bin/python3 - "$T" <<'PY'
import sys, zipfile
d = sys.argv[1]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def p(text, num=None, lvl=0, style=None):
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        ppr += f'<w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{num}"/></w:numPr>'
    runs = "".join(f'<w:r><w:t xml:space="preserve">{t}</w:t></w:r>' if i == 0 else
                   f'<w:r><w:br/><w:t>{t}</w:t></w:r>' for i, t in enumerate(text.split("\n")))
    return f'<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>'
body = "".join([
    p("2020年工作要点"),
    p("根据上级要求，现将工作要点安排如下："),
    p("总体要求", 5, 0),
    p("深入学习，提高站位。"),
    p(""),
    p("工作任务", 5, 0),
    p("明确责任", 5, 1),
    p("营造氛围。一是宣传，二是培训。", 5, 2),
    p("细化方案", 5, 3),
    p("落实到人", 5, 3),
    '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc>'
    '<w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    p("规范档案", 5, 2),
    p("落实保障", 5, 1),
    p("组织保障", style="Heading1"),
    '<w:p><w:r><w:t>加强领导。</w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
    '<v:textbox><w:txbxContent><w:p><w:r><w:t>内部资料</w:t></w:r></w:p></w:txbxContent>'
    '</v:textbox></v:shape></w:pict></w:r></w:p>',
    p("市第二中学\n2020年4月9日"),
])
document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>'
levels = [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."), ("decimal", "（%4）")]
lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/></w:lvl>'
               for i, (f, t) in enumerate(levels))
numbering = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering {W}>'
             f'<w:abstractNum w:abstractNumId="3">{lvls}</w:abstractNum>'
             '<w:num w:numId="5"><w:abstractNumId w:val="3"/></w:num></w:numbering>')
styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W}>'
          '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/>'
          '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style></w:styles>')
types = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
def package(name, parts):
    with zipfile.ZipFile(f"{d}/{name}", "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
base = {"[Content_Types].xml": types, "_rels/.rels": rels}
package("auto.docx", {**base, "word/document.xml": document, "word/numbering.xml": numbering,
                      "word/styles.xml": styles})

# python-docx: the typed text, one paragraph a line.
import docx
doc = docx.Document()
for line in open(f"{d}/plan.txt", encoding="utf-8").read().splitlines():
    doc.add_paragraph(line)
doc.save(f"{d}/typed.docx")

# Hostile packages.
package("bomb.docx", {**base, "word/document.xml": " " * (40 << 20)})
laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9)) + "]>"
package("laughs.docx", {**base, "word/document.xml":
        f'<?xml version="1.0"?>{laughs}<w:document {W}><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>'})
package("external.docx", {**base, "word/document.xml":
        f'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>'})
package("broken.docx", {**base, "word/document.xml": f'<w:document {W}><w:body><w:p>'})
package("nodoc.docx", base)
open(f"{d}/old.docx", "wb").write(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
open(f"{d}/cut.docx", "wb").write(open(f"{d}/typed.docx", "rb").read()[:300])
PY

# Each import must give the plan file the .txt gives, apart from the line naming its source and
# the comments that keep what Word's document holds besides the plan (checked below).
run import "$T/plan.txt" -o from-txt.yaml
expect_code 0
body() { sed -n '3,$p' "$1" | grep -v '^ *# 未导入（原文第[0-9]*行，\(表格中的一行\|文本框中的文字\)）'; }
for kind in auto typed; do
  run import "$T/$kind.docx" -o "from-$kind.yaml"
  expect_code 0
  [[ "$(body "from-$kind.yaml")" == "$(body from-txt.yaml)" ]] ||
    { diff <(body from-txt.yaml) <(body "from-$kind.yaml") >&2; fail "$kind.docx imports differently from plan.txt"; }
done
# What Word's document holds besides the plan is listed, with its paragraph number.
run import "$T/auto.docx" -o - --force
# (Paragraphs are counted as Word counts them: the empty one and the table's two count too.)
err_has "auto.docx:12: warning: not placed (a row of a table), kept as a comment: 序号｜任务"
err_has "auto.docx:16: warning: not placed (text in a text box), kept as a comment: 内部资料"
grep -qF "# 未导入（原文第12行，表格中的一行）：序号｜任务" from-auto.yaml || fail "no comment for the table row"

# The plan file validates and renders the source's lines back (a run-in item gains its full stop).
run validate from-auto.yaml
expect_code 0
mkdir out
run render from-auto.yaml -o out --format txt
expect_code 0
/usr/bin/python3 - "$T/plan.txt" out/from-auto.plan.txt <<'PY' || fail "the rendered text does not give the source's lines back"
import sys
src = [l.strip().rstrip("。") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
out = [l.strip().replace("　", "").rstrip("。") for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
missing = [l for l in src if l not in out]
if missing or [l for l in out if l in src] != src:
    print("missing:", missing, file=sys.stderr)
    sys.exit(1)
PY

# LibreOffice saves the text as .docx (its own profile: conversions must not share one).
if command -v soffice >/dev/null; then
  mkdir lo
  soffice -env:UserInstallation="file://$T/lo-profile" --headless --convert-to docx:"MS Word 2007 XML" \
    --outdir lo "$T/plan.txt" >/dev/null 2>&1 || fail "LibreOffice could not convert plan.txt"
  run import lo/plan.docx -o from-lo.yaml
  expect_code 0
  [[ "$(body from-lo.yaml)" == "$(body from-txt.yaml)" ]] ||
    { diff <(body from-txt.yaml) <(body from-lo.yaml) >&2; fail "LibreOffice's .docx imports differently"; }
else
  [[ -z "${PLANCTL_NO_SKIP:-}" ]] || fail "soffice is missing"
  echo "LibreOffice is missing: its .docx is not checked"
fi

# A .docx planctl wrote carries its plan file: imported unchanged (also after LibreOffice saved it
# again), it gives that file back byte for byte; edited, its text is imported, with a warning.
cp "$EXAMPLES/pingan-no2-2020.yaml" plan-source.yaml
mkdir written
run render plan-source.yaml -o written --format docx
expect_code 0
run import written/pingan-no2.plan.docx -o carried.yaml
expect_code 0
expect_out "wrote carried.yaml: the plan file written/pingan-no2.plan.docx was made from (planctl wrote the document and its text is unchanged)"
cmp -s plan-source.yaml carried.yaml || fail "the carried plan file is not the source"
# edit_docx IN OUT OLD NEW: IN with the first OLD of its document.xml replaced by NEW, as a clerk
# would type it in Word.
edit_docx() {
  /usr/bin/python3 - "$@" <<'PY'
import sys, zipfile
src_path, out_path, old, new = sys.argv[1:5]
with zipfile.ZipFile(src_path) as src, zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as out:
    for item in src.infolist():
        data = src.read(item)
        if item.filename == "word/document.xml":
            data = data.replace(old.encode(), new.encode(), 1)
        out.writestr(item, data)
PY
}
edit_docx written/pingan-no2.plan.docx edited.docx 总体要求 总体目标
run import edited.docx -o edited.yaml
expect_code 0
err_has "edited.docx: warning: the document was changed since planctl wrote it, so its text is imported; the task fields, departments, people, activities and report of the plan file it carries are kept where the titles still match"
grep -qF "    - title: 总体目标" edited.yaml || fail "the edited text was not imported"
# Everything but the edit is carried: the plan differs by the edit alone, the report not at all.
mkdir before after
run render plan-source.yaml -o before --format txt --as-of 2020-12-31
expect_code 0
run render edited.yaml -o after --format txt --as-of 2020-12-31
expect_code 0
[[ "$(diff before/pingan-no2.plan.txt after/pingan-no2.plan.txt)" == "4c4
< 　　一、总体要求
---
> 　　一、总体目标" ]] || fail "the edited plan differs by more than the edit: $(diff before/pingan-no2.plan.txt after/pingan-no2.plan.txt | head)"
cmp -s before/pingan-no2.report.txt after/pingan-no2.report.txt || fail "the report changed: the ledger was not carried"
# A task renamed in Word keeps its text; the command names the task whose fields it could not
# carry, and the activities that named it are errors of the written file.
edit_docx written/pingan-no2.plan.docx renamed.docx 校内外营造浓厚的宣传氛围 营造宣传氛围
run import renamed.docx -o renamed.yaml
expect_code 1
err_has 'renamed.docx: warning: the task "校内外营造浓厚的宣传氛围" of the plan file it carries is not in the document any more (renamed or removed); its id, owners and dates were not carried over'
out_has "the written file has 2 errors; run: planctl validate renamed.yaml"
if command -v soffice >/dev/null; then
  soffice -env:UserInstallation="file://$T/lo-profile" --headless --convert-to docx:"MS Word 2007 XML" \
    --outdir resaved written/pingan-no2.plan.docx >/dev/null 2>&1 || fail "LibreOffice could not save the .docx"
  run import resaved/pingan-no2.plan.docx -o resaved.yaml
  expect_code 0
  cmp -s plan-source.yaml resaved.yaml || fail "LibreOffice's copy does not give back the plan file"
fi

# Hostile packages: each a clear error, nothing written.
refuse() {
  run import "$T/$1" -o "$1.yaml"
  expect_code 2
  expect_err "planctl: error: $2"
  [[ ! -e "$1.yaml" ]] || fail "$1: a refused import wrote a file"
}
refuse bomb.docx "the .docx part word/document.xml inflates to more than 32 MiB; a plan's text is far smaller, so this is not a document planctl can import"
refuse laughs.docx "the .docx part word/document.xml declares a DOCTYPE, which Word never writes; planctl does not read it"
refuse external.docx "the .docx part word/document.xml declares a DOCTYPE, which Word never writes; planctl does not read it"
refuse broken.docx "the .docx part word/document.xml is not well-formed XML (line 1: no element found); open the document in Word and save it again"
refuse nodoc.docx "the file is a zip package without word/document.xml, so not a Word document; open it in Word or WPS and save it as .docx"
refuse old.docx "the file is an old Word document (.doc) named .docx; open it in Word or WPS, save it as .docx (Word 文档), and import that"
refuse cut.docx "the file is not a .docx (not a zip package); open it in Word or WPS and save it as .docx (Word 文档)"
echo "import docx: ok"
