#!/usr/bin/python3
"""Proves that the outputs of tests/hostile/hostile.yaml carry its hostile texts verbatim and
inert. Run by tests/cli/safety_hostile.sh with Debian's python3 (python3-docx, -openpyxl, -yaml).

  check_outputs.py benign HOSTILE_YAML BENIGN_YAML
      writes the same plan with every paragraph of every double-quoted text (the hostile
      ones) replaced by a plain placeholder word, Hx001x, Hx002x, ...
  check_outputs.py check [--inert-only] HOSTILE_YAML HOSTILE_DIR BENIGN_DIR [EXPECTED_DIR]
      compares the outputs of both plans, rendered with the same options; --inert-only
      skips the comparisons of text (for renders that normalise punctuation).

The benign outputs say where each text lands. With every placeholder replaced by its hostile
text, the hostile outputs must read the same (white space aside where the layout pads or
joins lines), and be built of the same elements:
- .md: cmark-gfm with GitHub's extensions and raw HTML let through gives the same HTML
  elements from both plans (no hostile text became markup) and the same text;
- .txt: the same text;
- .docx: every XML part well-formed; the same paragraphs and tables in word/document.xml;
  python-docx reads the same text, paragraph by paragraph;
- .xlsx: every XML part well-formed; the same cells with the same types (so no hostile text
  became a formula or a number) and the same values.
With EXPECTED_DIR, the .md and .txt bytes and a dump of the .docx paragraphs and .xlsx cells
are also compared with the golden files there (PLANCTL_REGENERATE=1 rewrites them).
"""

import html.parser
import json
import os
import re
import subprocess
import sys
import xml.dom.minidom
import zipfile

import docx
import openpyxl
import yaml

QUOTED = re.compile(r'"(?:[^"\\\n]|\\.)*"')
PLACEHOLDER = re.compile(r"Hx\d{3}x")
failures = []
verbatim = True


def check(condition, message):
    if not condition:
        failures.append(message)
    return condition


def quote(text):
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted one


def placeholders(source):
    """The benign file's text and the hostile paragraph of every placeholder."""
    table = {}

    def replace(match):
        paragraphs = yaml.safe_load(match.group(0)).split("\n\n")
        words = []
        for paragraph in paragraphs:
            word = f"Hx{len(table) + 1:03d}x"
            table[word] = paragraph
            words.append(word)
        return quote("\n\n".join(words))

    return QUOTED.sub(replace, source), table


def substitute(text, table):
    return PLACEHOLDER.sub(lambda m: table[m.group(0)], text)


def flat(text):
    """White space runs as one space: the layout pads signatures and joins lines."""
    return re.sub(r"\s+", " ", text).strip()


class HtmlReader(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []
        self.text = []
        self.attributes = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend(attrs)

    def handle_endtag(self, tag):
        self.tags.append("/" + tag)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        # The writer's own `<!-- -->` splits what GitHub would autolink (x@example.com).
        if data.strip():
            self.tags.append(f"<!--{data}-->")


def markdown_html(path):
    result = subprocess.run(
        ["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough", "-e", "autolink",
         "-e", "tagfilter", "-e", "tasklist", path],
        check=True, capture_output=True, text=True)
    reader = HtmlReader()
    reader.feed(result.stdout)
    reader.close()
    return result.stdout, reader


def check_markdown(name, hostile, benign, table):
    out, h = markdown_html(hostile)
    _, b = markdown_html(benign)
    check(h.tags == b.tags, f"{name}: hostile text became markup: {h.tags} != {b.tags}")
    lowered = out.lower()
    for bad in ("<script", "<img", "<a ", "<w:p", "<!-- c", "<table", "<del", "<em"):
        check(bad not in lowered, f"{name}: the HTML holds {bad!r}")
    for key, value in h.attributes:
        check("javascript" not in (value or "").lower(), f"{name}: attribute {key}={value!r}")
    check(not verbatim or flat("".join(h.text)) == flat(substitute("".join(b.text), table)),
          f"{name}: the HTML text is not the hostile text verbatim")


def check_text(name, hostile, benign, table):
    with open(hostile, encoding="utf-8") as f:
        h = f.read()
    with open(benign, encoding="utf-8") as f:
        b = f.read()
    check(not verbatim or flat(h) == flat(substitute(b, table)),
          f"{name}: not the hostile text verbatim")
    return h


def check_xml_parts(name, path):
    with zipfile.ZipFile(path) as z:
        check(z.testzip() is None, f"{name}: a zip entry is corrupt")
        for part in z.namelist():
            if part.endswith((".xml", ".rels")):
                try:
                    xml.dom.minidom.parseString(z.read(part))
                except Exception as error:  # noqa: BLE001 - any parser error fails the check
                    failures.append(f"{name}: {part} is not well-formed XML: {error}")


def block_elements(path):
    with zipfile.ZipFile(path) as z:
        dom = xml.dom.minidom.parseString(z.read("word/document.xml"))
    blocks = {"w:p", "w:tbl", "w:tr", "w:tc", "w:sectPr"}
    return [e.tagName for e in dom.getElementsByTagName("*") if e.tagName in blocks]


def docx_paragraphs(path):
    document = docx.Document(path)
    paragraphs = [p.text for p in document.paragraphs]
    for t in document.tables:
        paragraphs += [p.text for row in t.rows for cell in row.cells for p in cell.paragraphs]
    for s in document.sections:
        paragraphs += [p.text for part in (s.header, s.footer) for p in part.paragraphs]
    return paragraphs


def check_docx(name, hostile, benign, table):
    check_xml_parts(name, hostile)
    # Runs may split where the script changes (CJK and Latin faces): compare the blocks.
    check(block_elements(hostile) == block_elements(benign),
          f"{name}: hostile text changed the paragraphs or tables of the document")
    h = docx_paragraphs(hostile)
    b = [substitute(p, table) for p in docx_paragraphs(benign)]
    check(len(h) == len(b), f"{name}: {len(h)} paragraphs, the benign document has {len(b)}")
    for i, (x, y) in enumerate(zip(h, b)):
        check(not verbatim or flat(x) == flat(y), f"{name}: paragraph {i + 1} is {x!r}, expected {y!r}")
    return "".join(p + "\n" for p in h)


def xlsx_cells(path):
    book = openpyxl.load_workbook(path)
    return [(s.title, c.coordinate, c.data_type, c.value)
            for s in book.worksheets for row in s.iter_rows() for c in row if c.value is not None]


def check_xlsx(name, hostile, benign, table):
    check_xml_parts(name, hostile)
    h = xlsx_cells(hostile)
    b = [(s, c, t, substitute(v, table) if t == "s" else v) for s, c, t, v in xlsx_cells(benign)]
    check(len(h) == len(b), f"{name}: {len(h)} cells, the benign workbook has {len(b)}")
    for x, y in zip(h, b):
        check(x[:3] == y[:3] and (not verbatim or x == y), f"{name}: cell {x[0]}!{x[1]} is {x[2:]!r}, expected {y[2:]!r}")
    check(not any(t == "f" and not (s == "统计" and str(v).startswith(("=SUM(", "=COUNT("))) for s, c, t, v in h),
          f"{name}: a formula cell other than the 统计 totals")
    return "".join(f"{s}!{c}\t{t}\t{v!r}\n" for s, c, t, v in h)


def compare_golden(expected_dir, name, content):
    path = os.path.join(expected_dir, name)
    if os.environ.get("PLANCTL_REGENERATE") == "1":
        with open(path, "w", encoding="utf-8") as f:
            f.write(content)
        return
    if not check(os.path.exists(path), f"no golden file {path}"):
        return
    with open(path, encoding="utf-8") as f:
        check(f.read() == content, f"{name}: differs from {path} (PLANCTL_REGENERATE=1 rewrites)")


def run_check(source_path, hostile_dir, benign_dir, expected_dir):
    with open(source_path, encoding="utf-8") as f:
        _, table = placeholders(f.read())
    check(len(table) >= 40, f"only {len(table)} hostile texts")
    names = sorted(os.listdir(hostile_dir))
    check(names == sorted(os.listdir(benign_dir)), f"the outputs differ: {names}")
    shown = set()
    for name in names:
        hostile = os.path.join(hostile_dir, name)
        benign = os.path.join(benign_dir, name)
        if name.endswith(".md"):
            check_markdown(name, hostile, benign, table)
            with open(hostile, encoding="utf-8") as f:
                golden_name, content = name, f.read()
        elif name.endswith(".txt"):
            golden_name, content = name, check_text(name, hostile, benign, table)
        elif name.endswith(".docx"):
            golden_name, content = name + ".txt", check_docx(name, hostile, benign, table)
        elif name.endswith(".xlsx"):
            golden_name, content = name + ".txt", check_xlsx(name, hostile, benign, table)
        elif name.endswith(".pdf"):
            # planctl's PDF: no actions a reader would run, and hostile text is only text.
            for path in (hostile, benign):
                info = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
                check(info.returncode == 0 and re.search(r"^JavaScript:\s+no$", info.stdout, re.M),
                      f"{name}: pdfinfo: {info.stdout}{info.stderr}")
            continue
        elif name.startswith(".") and name.endswith(".planctl.json"):
            # The re-run record (docs/cli.md, "Re-runs"): names and hashes only, no plan text.
            with open(hostile, encoding="utf-8") as f:
                record = json.load(f)
            check(list(record) == ["record", "input", "input_sha256", "planctl", "as_of",
                                   "formats", "keep_punctuation", "outputs"],
                  f"{name}: keys {list(record)}")
            check(sorted(record["outputs"]) == [n for n in names if n != name],
                  f"{name}: the record does not name every output: {sorted(record['outputs'])}")
            continue
        else:
            failures.append(f"unexpected output {name}")
            continue
        if not name.endswith((".docx", ".xlsx")):
            with open(benign, encoding="utf-8") as f:
                shown.update(PLACEHOLDER.findall(f.read()))
        if expected_dir:
            compare_golden(expected_dir, golden_name, content)
    for f in failures:
        print("FAIL:", f)
    print(f"check_outputs: {len(names)} outputs, {len(table)} hostile texts, "
          f"{len(shown)} of them in the documents, {len(failures)} failures")
    return 1 if failures else 0


def main():
    if sys.argv[1] == "benign":
        with open(sys.argv[2], encoding="utf-8") as f:
            text, _ = placeholders(f.read())
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write(text)
        return 0
    args = sys.argv[2:]
    if args[0] == "--inert-only":
        global verbatim
        verbatim = False
        args = args[1:]
    return run_check(*args[:3], args[3] if len(args) > 3 else None)


if __name__ == "__main__":
    sys.exit(main())
