"""The two official-document examples, rendered by the real planctl and read back with
python-docx (no LibreOffice: their pages are measured by test_signoff_pages.py): every part
of GB/T 9704 §7.2–7.4 is in its place with its exact text and style — the 版头 (the red mark,
the number centred or on the left with 签发人 on the right, the red rule), the title lines,
主送, the body, the sealed sign-off, 附注, the attachment page with the task table (a real
table, its header row repeated, on a landscape section) and the 版记 in a section of its own
that starts on an even page with no page number. The .docx paragraphs are the lines of the
text output, in order. Run by ctest with Debian's /usr/bin/python3 (python3-docx)."""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

try:
    import docx
    from docx.enum.section import WD_ORIENT, WD_SECTION_START
    from docx.oxml.ns import qn
except ImportError:
    common.skip("python3-docx is not installed (scripts/install-deps.sh)")

IDEOGRAPHIC_SPACE = "\u3000"

ISSUED = {
    "example": "guangongwei-2020-issued",
    "docx": "pingan-guangongwei-issued.plan.docx",
    "head": [("Letterhead", "平安区教育局关工委文件"), ("Normal", ""),
             ("Document Number", "平教关〔2020〕2号"), ("Normal", ""),
             ("Title", "2020年平安区教育局关工委工作要点"), ("Normal", ""),
             ("Recipients", "各中小学关工委、各幼儿园关工委：")],
    "tail": [("Attachment Note", "附件：2020年平安区教育局关工委工作任务分工表"), ("Normal", ""),
             ("Signature", "平安区教育局关心下一代工作委员会"), ("Signature", "2020年3月6日"),
             ("Note", "（联系人：李春梅，电话：0972-8612345）"), ("Normal", ""),
             ("Attachment Label", "附件"), ("Normal", ""),
             ("Attachment Title", "2020年平安区教育局关工委工作任务分工表"), ("Normal", ""),
             ("Imprint", "抄送：海东市教育局关工委，平安区关工委。"),
             ("Imprint", "平安区教育局关工委办公室\t2020年3月9日印发")],
    "table": {
        "rows": 16,
        "header": ["序号", "工作类别", "工作任务", "牵头部门", "责任人", "配合部门", "完成时限"],
        "first": ["1", "提高政治站位，扎实推进关工委优质化建设",
                  "要深入学习党的十九届四中全会精神和习近平总书记关于做好关心下一代工作重要指示精神，"
                  "贯彻落实中共中央、国务院《新时代爱国主义教育实施纲要》、全国教育大会和全省教育大会精神",
                  "关工委办公室", "孙德明", "各校关工委", "全年"],
        "second": ["2", "", "要重点抓好关工委领导班子建设", "关工委办公室", "孙德明", "", "2020年6月"],
        "last": ["15", "", "加强舆论宣传", "关工委办公室", "李春梅", "区退离休教师协会", "每月"],
    },
    # (orientation, start) of each section: the body, the attachment, the 版记.
    "sections": [(WD_ORIENT.PORTRAIT, WD_SECTION_START.NEW_PAGE),
                 (WD_ORIENT.LANDSCAPE, WD_SECTION_START.NEW_PAGE),
                 (WD_ORIENT.PORTRAIT, WD_SECTION_START.EVEN_PAGE)],
    "centred_number": True,
}

REPORT = {
    "example": "jiaogongwei-2022-report",
    "docx": "pingan-jiaogongwei-2022.plan.docx",
    "head": [("Letterhead", "中共海东市平安区教育工作委员会"), ("Normal", ""),
             ("Document Number", "平教工〔2022〕15号\t签发人：刘莹"), ("Normal", ""),
             ("Title", "中共平安区教育工委"), ("Title", "关于防范化解意识形态领域重大风险工作的"),
             ("Title", "情况报告"), ("Normal", ""),
             ("Recipients", "中共海东市平安区委员会："),
             ("Body Text", "现将我区教育系统2022年防范化解意识形态领域重大风险工作情况报告如下："),
             ("Heading 1", "一、建立健全意识形态工作机制")],
    "tail": [("Heading 2", "（四）不断加强阵地建设"),
             ("Body Text", "继续开展社会主义核心价值观宣传教育活动，努力打造校园宣传社会主义先进文化的主阵地。"),
             ("Normal", ""),
             ("Signature", "中共海东市平安区教育工作委员会"), ("Signature", "2022年10月28日"),
             ("Note", "（联系人：区教育工委办公室王丽，电话：0972-8612301）"), ("Normal", ""),
             ("Imprint", "抄送：区委宣传部。"),
             ("Imprint", "中共海东市平安区教育工作委员会办公室\t2022年10月31日印发")],
    "table": None,
    "sections": [(WD_ORIENT.PORTRAIT, WD_SECTION_START.NEW_PAGE),
                 (WD_ORIENT.PORTRAIT, WD_SECTION_START.EVEN_PAGE)],
    "centred_number": False,
}


def property_of(paragraph, path):
    """The first element at `path` under the paragraph's own pPr, else under its style's."""
    found = paragraph._p.xpath(f"./w:pPr/{path}")
    if not found:
        found = paragraph.style.element.xpath(f"./w:pPr/{path}")
    return found[0] if found else None


def collapsed(items, empty):
    """`items` with each run of `empty` entries cut to one."""
    out = []
    for item in items:
        if not (item == empty and out and out[-1] == empty):
            out.append(item)
    return out


def check(case, folder, errors):
    def fail(message):
        errors.append(f"{case['example']}: {message}")

    path = folder / case["docx"]
    document = docx.Document(str(path))
    paragraphs = document.paragraphs
    # Runs of empty paragraphs count as one: the 版记's page is filled with empty lines
    # above it (docs/docx.md), where the text output has one blank line.
    got = collapsed([(p.style.name, p.text) for p in paragraphs], ("Normal", ""))

    # The parts, word for word, in their styles.
    head, tail = case["head"], case["tail"]
    if got[:len(head)] != head:
        fail(f"first paragraphs {got[:len(head)]}, want {head}")
    if got[-len(tail):] != tail:
        fail(f"last paragraphs {got[-len(tail):]}, want {tail}")

    # The text output has the same lines (the table's rows are its tab-separated lines; what
    # it pads with ideographic spaces, the .docx puts at a tab).
    text = (folder / case["docx"].replace(".docx", ".txt")).read_text(encoding="utf-8")
    lines = [line.replace(IDEOGRAPHIC_SPACE, "") for line in text.split("\n")
             if line.count("\t") != 6]
    if lines and lines[-1] == "":
        lines.pop()
    lines = collapsed(lines, "")
    texts = collapsed([p.text.replace("\t", "") for p in paragraphs], "")
    if texts != lines:
        first = next((i for i, (a, b) in enumerate(zip(texts, lines)) if a != b),
                     min(len(texts), len(lines)))
        fail(f"paragraph {first + 1} of {len(texts)} differs from line {first + 1} of "
             f"{len(lines)} of the text output: "
             f"{texts[first:first + 1]} != {lines[first:first + 1]}")

    # 版头: the mark in red; the number centred, or left with 签发人 at a right tab; the red
    # rule under the number.
    color = paragraphs[0].style.font.color.rgb
    if str(color) != "FF0000":
        fail(f"the letterhead's colour is {color}, not FF0000")
    number = paragraphs[2]
    jc = property_of(number, "w:jc")
    want = "center" if case["centred_number"] else "left"
    if jc is None or jc.get(qn("w:val")) != want:
        fail(f"the document number is aligned {None if jc is None else jc.get(qn('w:val'))}, "
             f"want {want}")
    if not case["centred_number"] and not number._p.xpath("./w:pPr/w:tabs/w:tab[@w:val='right']"):
        fail("no right tab for 签发人")
    rule = property_of(number, "w:pBdr/w:bottom")
    if rule is None or rule.get(qn("w:color")) != "FF0000":
        fail("no red rule under the document number")

    # A title the author broke: each line one line of the 579-twip grid.
    titles = [p for p in paragraphs if p.style.name == "Title"]
    if len(titles) > 1:
        for p in titles:
            spacing = p._p.xpath("./w:pPr/w:spacing")
            if not spacing or (spacing[0].get(qn("w:line")), spacing[0].get(qn("w:lineRule"))) \
                    != ("579", "exact"):
                fail(f"title line {p.text!r} is not exactly one 579-twip line")

    # The sections: orientation, how each starts; the 版记's without a page number.
    sections = [(s.orientation, s.start_type) for s in document.sections]
    if sections != case["sections"]:
        fail(f"sections {sections}, want {case['sections']}")
    last = document.sections[-1]
    for footer in (last.footer, last.even_page_footer):
        if footer.is_linked_to_previous or "PAGE" in footer._element.xml:
            fail("the 版记's section shows a page number")
    valign = last._sectPr.xpath("./w:vAlign")
    if not valign or valign[0].get(qn("w:val")) != "bottom":
        fail("the 版记's section is not aligned to the bottom of the page")
    imprint = [p for p in paragraphs if p.style.name == "Imprint"]
    top = imprint[0]._p.xpath("./w:pPr/w:pBdr/w:top") if imprint else []
    bottom = imprint[-1]._p.xpath("./w:pPr/w:pBdr/w:bottom") if imprint else []
    if not top or not bottom or top[0].get(qn("w:sz")) != bottom[0].get(qn("w:sz")):
        fail("the 版记 lacks its thick rules above the first line and under the last")

    # The task table: a real table with its header row repeated and no row split.
    want_table = case["table"]
    if not want_table:
        if document.tables:
            fail(f"{len(document.tables)} tables, want none")
        return
    if len(document.tables) != 1:
        fail(f"{len(document.tables)} tables, want 1")
        return
    table = document.tables[0]
    rows = [[c.text for c in row.cells] for row in table.rows]
    if len(rows) != want_table["rows"]:
        fail(f"{len(rows)} table rows, want {want_table['rows']}")
    for index, key in ((0, "header"), (1, "first"), (2, "second"), (-1, "last")):
        if rows[index] != want_table[key]:
            fail(f"table row {key}: {rows[index]}, want {want_table[key]}")
    if not table.rows[0]._tr.xpath("./w:trPr/w:tblHeader"):
        fail("the header row is not repeated on each page (w:tblHeader)")
    if any(not row._tr.xpath("./w:trPr/w:cantSplit") for row in table.rows):
        fail("a table row may split across pages")
    # Every header fits its column on one line: 4号 characters are 280 twips, bold a little
    # wider, and the cell margins 108 twips a side.
    widths = [int(col.get(qn("w:w"))) for col in table._tbl.xpath("./w:tblGrid/w:gridCol")]
    for title, width in zip(want_table["header"], widths):
        if width < len(title) * 280 + 216:
            fail(f"column {title} is {width} twips, too narrow for its header on one line")
    task = want_table["header"].index("工作任务")
    if widths[task] != max(widths):
        fail(f"the task column is not the widest: {dict(zip(want_table['header'], widths))}")


def main():
    planctl, source, tests = common.environment()
    errors = []
    with common.TempDir() as tmp:
        for case in (ISSUED, REPORT):
            example = source / "examples" / f"{case['example']}.yaml"
            folder = tmp / case["example"]
            folder.mkdir()
            proc = subprocess.run([str(planctl), "render", str(example), "-o", str(folder),
                                   "--format", "docx,txt"], capture_output=True, text=True)
            if proc.returncode != 0:
                errors.append(f"{example.name}: render exited {proc.returncode}: {proc.stderr}")
                continue
            before = len(errors)
            check(case, folder, errors)
            print(("ok   " if len(errors) == before else "FAIL ") + case["example"])
    for e in errors:
        print("FAIL", e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
