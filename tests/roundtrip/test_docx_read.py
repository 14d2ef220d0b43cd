"""Every .docx that planctl renders from examples/*.yaml, read back with python-docx: the
text of every paragraph equals the golden DOCX-ready text line by line, each paragraph has
the style its kind calls for, the page is A4 with the GB/T 9704 margins, the title, headings
and body name the right East Asian faces, and the signature sits where the text output puts
it. Run by ctest with Debian's /usr/bin/python3 (python3-docx)."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

try:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
except ImportError:
    common.skip("python3-docx is not installed (scripts/install-deps.sh)")

TWIPS = 635  # EMU per twip
CN = "一二三四五六七八九十百零"
HEADING1 = re.compile(f"^[{CN}]+、")
HEADING2 = re.compile(f"^（[{CN}]+）")
RUN_IN3 = re.compile(r"^\d+\.")
RUN_IN4 = re.compile(r"^（\d+）")
IDEOGRAPHIC_SPACE = "\u3000"

# The East Asian face and size (half-points) each paragraph style must resolve to.
EXPECTED_STYLES = {
    "Title": ("方正小标宋简体", 44),
    "Heading 1": ("黑体", 32),
    "Heading 2": ("楷体_GB2312", 32),
    "Body Text": ("仿宋_GB2312", 32),
    "Signature": ("仿宋_GB2312", 32),
    "Attachment Note": ("仿宋_GB2312", 32),
}
RUN_IN_STYLES = {
    "Run-in Heading 1": (HEADING1, "黑体", False),
    "Run-in Heading 2": (HEADING2, "楷体_GB2312", False),
    "Run-in Heading 3": (RUN_IN3, "仿宋_GB2312", True),
    "Run-in Heading 4": (RUN_IN4, "仿宋_GB2312", False),
}


def resolved(document, style, attribute):
    """The value of rPr/`attribute` (an xpath below w:rPr) along the style's basedOn chain,
    then in the document defaults."""
    while style is not None:
        found = style.element.xpath(f"./w:rPr/{attribute}")
        if found:
            return found[0]
        style = style.base_style
    found = document.styles.element.xpath(f"./w:docDefaults/w:rPrDefault/w:rPr/{attribute}")
    return found[0] if found else None


def east_asian_face(document, style):
    fonts = resolved(document, style, "w:rFonts")
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def size(document, style):
    sz = resolved(document, style, "w:sz")
    return None if sz is None else int(sz.get(qn("w:val")))


def is_bold(document, style):
    b = resolved(document, style, "w:b")
    return b is not None and b.get(qn("w:val")) in (None, "1", "true", "on")


def half_widths(text):
    """Width in half characters, counted as the text output counts it."""
    return sum(1 if (0x20 <= ord(c) < 0x7F or 0xFF61 <= ord(c) <= 0xFF9F) else 2 for c in text)


def check_document(path, text, text_source, errors):
    def fail(message):
        errors.append(f"{path.name}: {message}")

    document = docx.Document(str(path))
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    paragraphs = document.paragraphs

    # Text: one paragraph per line, in order; the text output's leading ideographic spaces
    # are indents in the .docx.
    if len(paragraphs) != len(lines):
        fail(f"{len(paragraphs)} paragraphs but {len(lines)} lines in {text_source}")
    for i, (p, line) in enumerate(zip(paragraphs, lines)):
        if p.text != line.lstrip(IDEOGRAPHIC_SPACE):
            fail(f"paragraph {i + 1}: {p.text!r} != line {i + 1} {line!r} of {text_source}")
            break

    # Page: A4 portrait, 37/35/28/26 mm, one section, odd and even footers with page numbers.
    if len(document.sections) != 1:
        fail(f"{len(document.sections)} sections")
    s = document.sections[0]
    page = (s.page_width, s.page_height, s.top_margin, s.bottom_margin, s.left_margin,
            s.right_margin)
    want = tuple(v * TWIPS for v in (11906, 16838, 2098, 1984, 1587, 1474))
    if page != want:
        fail(f"page {[v // TWIPS for v in page]} twips, want {[v // TWIPS for v in want]}")
    if not document.settings.odd_and_even_pages_header_footer:
        fail("odd and even footers are not enabled")
    for footer, align in ((s.footer, "right"), (s.even_page_footer, "left")):
        xml = footer._element.xml
        if "PAGE" not in xml or "— " not in xml or f'w:val="{align}"' not in xml:
            fail(f"the {align} footer lacks `— PAGE —` aligned {align}")
    grid = s._sectPr.xpath("./w:docGrid")
    if not grid or grid[0].get(qn("w:type")) != "lines" or grid[0].get(qn("w:linePitch")) != "579":
        fail("no line-only document grid of 579 twips")

    # Styles: faces and sizes; no theme fonts that would override them.
    styles_xml = document.styles.element.xml
    if "Theme=" in styles_xml:
        fail("styles.xml names theme fonts")
    for name, (face, half_points) in EXPECTED_STYLES.items():
        style = document.styles[name]
        got = (east_asian_face(document, style), size(document, style))
        if got != (face, half_points):
            fail(f"style {name!r} resolves to {got}, want {(face, half_points)}")
    for level, outline in (("Heading 1", "0"), ("Heading 2", "1")):
        lvl = document.styles[level].element.xpath("./w:pPr/w:outlineLvl")
        if not lvl or lvl[0].get(qn("w:val")) != outline:
            fail(f"style {level!r} has no outline level {outline}")

    # Each paragraph's style follows its kind.
    nonblank = [i for i, p in enumerate(paragraphs) if p.text]
    in_attachments = False
    for i, p in enumerate(paragraphs):
        style = p.style.name
        label = f"paragraph {i + 1} {p.text[:16]!r}"
        for run in p.runs:
            if run.element.xpath("./w:rPr/w:rFonts"):
                fail(f"{label}: direct fonts on a run hide the style's")
        if not p.text:
            if style != "Normal":
                fail(f"{label}: an empty line in style {style!r}")
            continue
        if i == 0:
            expected = "Title"
        elif nonblank[-2:] and i in nonblank[-2:]:
            expected = "Signature"
        elif p.text.startswith("附件：") or in_attachments:
            in_attachments = True
            expected = "Attachment Note"
        elif len(p.runs) == 1 and HEADING1.match(p.text):
            expected = "Heading 1"
        elif len(p.runs) == 1 and HEADING2.match(p.text):
            expected = "Heading 2"
        else:
            expected = "Body Text"
        if style != expected:
            fail(f"{label}: style {style!r}, want {expected!r}")
        if style == "Body Text" and p.runs and p.runs[0].style.name in RUN_IN_STYLES:
            number, face, bold = RUN_IN_STYLES[p.runs[0].style.name]
            run_style = p.runs[0].style
            if not number.match(p.runs[0].text) and not (len(p.runs) == 1):
                fail(f"{label}: run-in title {p.runs[0].text!r} is not numbered as its style")
            if east_asian_face(document, run_style) != face or is_bold(document, run_style) != bold:
                fail(f"{label}: run-in style {run_style.name!r} is not {face} (bold {bold})")

    # The signature starts where the text output starts it (the text rounds down to whole
    # characters, so it may be half a character further left): a line anchored on the left
    # by its left indent, a right-aligned one by its right indent and its width.
    for p, line in zip(paragraphs[-2:], lines[-2:]):
        if p.style.name != "Signature":
            continue
        fmt = p.paragraph_format
        if fmt.alignment == WD_ALIGN_PARAGRAPH.LEFT:
            start_docx = round((fmt.left_indent or 0) / TWIPS * 2 / 315)
        else:
            right = round((fmt.right_indent or 0) / TWIPS * 2 / 315)
            start_docx = 56 - right - half_widths(p.text)
        start_text = 2 * (len(line) - len(line.lstrip(IDEOGRAPHIC_SPACE)))
        if start_docx - start_text not in (0, 1):
            fail(f"signature {p.text!r} starts at {start_docx / 2} characters, "
                 f"the text output at {start_text / 2}")

    # Properties: the title and the issuer; dates from the document, not the clock.
    core = document.core_properties
    if core.title != paragraphs[0].text:
        fail(f"core title {core.title!r}")
    issuer = paragraphs[nonblank[-2]].text if len(nonblank) >= 2 else ""
    if core.author != issuer:
        fail(f"core author {core.author!r}, want the issuer {issuer!r}")
    date = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", paragraphs[nonblank[-1]].text)
    if date and core.created is not None:
        got = (core.created.year, core.created.month, core.created.day)
        if got != tuple(int(g) for g in date.groups()):
            fail(f"created {core.created} is not the signing date {date.group(0)}")


def main():
    planctl, source, tests = common.environment()
    errors = []
    checked = 0
    with common.TempDir() as tmp:
        rendered, failures = common.render_examples(planctl, source, tmp)
        errors += failures
        for example, folder in sorted(rendered.items()):
            if common.is_official(source / "examples" / f"{example}.yaml"):
                print(f"-    {example}: an official document, read by test_official_documents.py")
                continue
            docs = sorted(folder.glob("*.docx"))
            if not docs:
                errors.append(f"{example}: render --format docx wrote no .docx")
            for path in docs:
                text, text_source = common.golden_text(tests, example, path, folder)
                checked += 1
                if text is None:
                    errors.append(f"{path.name}: {text_source}")
                    continue
                before = len(errors)
                check_document(path, text, text_source, errors)
                status = "ok  " if len(errors) == before else "FAIL"
                print(f"{status} {example}/{path.name} ({len(docx.Document(str(path)).paragraphs)}"
                      f" paragraphs, text from {text_source})")
    for e in errors:
        print("FAIL", e)
    if checked == 0 and not errors:
        errors.append("no .docx was checked")
    print(f"{checked - len({e.split(':')[0] for e in errors})} passed, {len(errors)} failed")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
