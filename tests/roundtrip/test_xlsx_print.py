#!/usr/bin/python3
"""任务分工 and 活动台账 as LibreOffice prints them: legible, nothing clipped, every row named.

Renders every examples/*.yaml with `--format xlsx --as-of 2020-12-31`, converts all the
workbooks to PDF in ONE LibreOffice call (own profile, tests/fonts/fonts.conf: Noto Serif CJK
SC for 宋体, as docs/workbook.md), and on the printed pages of 任务分工 and of 活动台账 (from
the sheet's title to the next sheet's) checks, against the cells read back with openpyxl:

- the text is printed at 10 pt or more: every font size the page's content stream sets (the
  `Tf` operators; LibreOffice writes the size after its fit-to-width scaling) is at least 10;
- no cell is clipped: the table's grid is taken from the border lines the page draws, every
  word pdftotext finds lies inside one cell of it (none crosses a border), and the words of
  each cell, joined, are exactly the cell's text (dates and numbers as shown);
- every page repeats the header row, every row is printed once, in order, and each page's
  first row of 任务分工 shows its 工作类别.

Prints pages and effective sizes per example (docs/workbook.md quotes them). Exit 125 skips
when LibreOffice or poppler-utils is missing (never in CI: PLANCTL_NO_SKIP)."""

import datetime
import html
import re
import shutil
import subprocess
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

AS_OF = "2020-12-31"
SHEETS = ("任务分工", "活动台账")  # the first two sheets, printed in this order
HEADER_ROW = 3  # 1-based row of the column headers
MIN_PT = 10.0
SLACK = 0.6  # points a word's box may reach past a border (glyph boxes overhang a little)


def pdf_pages(path):
    """Per page: (font sizes set, horizontal segments, vertical segments, page height), read
    from the uncompressed object table LibreOffice writes (no object streams)."""
    data = path.read_bytes()
    objects = {int(m.group(1)): m.group(2)
               for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}

    def leaves(body):
        out = []
        kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S).group(1)
        for ref in re.findall(rb"(\d+) 0 R", kids):
            kid = objects[int(ref)]
            out += leaves(kid) if re.search(rb"/Type\s*/Pages", kid) else [kid]
        return out

    root = next(b for b in objects.values()
                if re.search(rb"/Type\s*/Pages", b) and b"/Parent" not in b)
    pages = []
    for page in leaves(root):
        height = float(re.search(rb"/MediaBox\s*\[\s*\S+\s+\S+\s+\S+\s+(\S+)\s*\]", page).group(1))
        body = objects[int(re.search(rb"/Contents\s+(\d+) 0 R", page).group(1))]
        start = body.index(b"stream") + len(b"stream")
        start += 2 if body[start:start + 2] == b"\r\n" else 1
        raw = body[start:body.rindex(b"endstream")]
        content = zlib.decompress(raw) if b"FlateDecode" in body[:start] else raw
        sizes = [float(s) for s in re.findall(rb"([\d.]+) Tf", content)]
        horizontal, vertical = [], []
        for m in re.finditer(rb"([\d.]+) ([\d.]+) m\s+([\d.]+) ([\d.]+) l S", content):
            x1, y1, x2, y2 = (float(v) for v in m.groups())
            if abs(y1 - y2) < 0.01:
                horizontal.append((height - y1, min(x1, x2), max(x1, x2)))
            elif abs(x1 - x2) < 0.01:
                vertical.append((x1, height - max(y1, y2), height - min(y1, y2)))
        pages.append((sizes, horizontal, vertical))
    return pages


def pdf_words(path):
    """Per page: the words pdftotext finds, as (x0, y0, x1, y1, text), y from the top."""
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", out, re.S):
        pages.append([(float(a), float(b), float(c), float(d), html.unescape(t))
                      for a, b, c, d, t in re.findall(
                          r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                          r'yMax="([\d.]+)">(.*?)</word>', page)])
    return pages


def coordinates(values):
    """Distinct coordinates, sorted, merging those within half a point (double lines)."""
    out = []
    for v in sorted(values):
        if not out or v - out[-1] > 0.5:
            out.append(v)
    return out


def grid_cells(horizontal, vertical, words):
    """(rows of cell texts, words crossing a border) of the page's table."""
    ys = coordinates(y for y, _, _ in horizontal)
    xs = coordinates(x for x, _, _ in vertical)
    if len(ys) < 2 or len(xs) < 2:
        return [], []
    cells = [[[] for _ in range(len(xs) - 1)] for _ in range(len(ys) - 1)]
    crossing = []
    for x0, y0, x1, y1, text in words:
        cy, cx = (y0 + y1) / 2, (x0 + x1) / 2
        if not (ys[0] < cy < ys[-1] and xs[0] < cx < xs[-1]):
            continue  # title, subtitle, footer
        for y, left, right in horizontal:
            if left < x1 and x0 < right and y0 + SLACK < y < y1 - SLACK:
                crossing.append(f"{text!r} crosses the border at y={y:.1f}")
        for x, top, bottom in vertical:
            if top < y1 and y0 < bottom and x0 + SLACK < x < x1 - SLACK:
                crossing.append(f"{text!r} crosses the border at x={x:.1f}")
        r = next(i for i in range(len(ys) - 1) if ys[i] < cy < ys[i + 1])
        c = next(i for i in range(len(xs) - 1) if xs[i] < cx < xs[i + 1])
        cells[r][c].append((round(y0, 1), x0, text))
    rows = [["".join(t for _, _, t in sorted(cell)) for cell in row] for row in cells]
    return rows, crossing


def shown(cell):
    """A cell's text as printed, without white space (pdftotext splits lines and words)."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if "d" in cell.number_format.replace('"日"', ""):
            return f"{value.year}年{value.month}月{value.day}日"
        return f"{value.year}年{value.month}月"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "".join(str(value).split())


def check(name, xlsx, pdf, index=0):
    """(findings, pages, smallest size on them) of the workbook's sheet number `index`."""
    import openpyxl
    book = openpyxl.load_workbook(xlsx)
    sheet = book.worksheets[index]
    name = f"{name} {sheet.title}"
    # The sheets print in order: a sheet's pages run from its title to the next sheet's.
    title = "".join(str(sheet["A1"].value).split())
    next_title = "".join(str(book.worksheets[index + 1]["A1"].value).split())
    header = [shown(c) for c in sheet[HEADER_ROW]]
    rows = [[shown(c) for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    rows = [row for row in rows if any(row)]
    findings, printed, smallest, pages = [], [], None, 0
    started = False
    for number, ((sizes, horizontal, vertical), words) in enumerate(
            zip(pdf_pages(pdf), pdf_words(pdf)), 1):
        text = "".join(w[4] for w in words)
        started = started or title in text
        if not started:
            continue
        if next_title in text:
            break
        table, crossing = grid_cells(horizontal, vertical, words)
        pages += 1
        where = f"{name} page {number}"
        findings += [f"{where}: {c}" for c in crossing]
        if not table or table[0] != header:
            findings.append(f"{where}: the header row is printed {table[:1]}, not {header}")
            continue
        if sizes:
            smallest = min(sizes) if smallest is None else min(smallest, min(sizes))
            if min(sizes) < MIN_PT:
                findings.append(f"{where}: text at {min(sizes):.2f} pt, under {MIN_PT} pt")
        if index == 0 and len(table) > 1 and not table[1][1]:
            want = rows[int(table[1][0]) - 1][1] if table[1][0].isdigit() else "?"
            if want:
                findings.append(f"{where}: the first row shows no 工作类别 ({want!r})")
        for line in table[1:]:
            if not line[0].isdigit() or not 1 <= int(line[0]) <= len(rows):
                findings.append(f"{where}: a row with 序号 {line[0]!r}")
                continue
            want = rows[int(line[0]) - 1]
            printed.append(int(line[0]))
            for column, (got, expected) in enumerate(zip(line, want)):
                if got != expected:
                    findings.append(f"{where} row {line[0]} {header[column]}: printed "
                                    f"{got!r}, the cell holds {expected!r}")
    if printed != list(range(1, len(rows) + 1)):
        findings.append(f"{name}: rows printed {printed}, not 1..{len(rows)} once each")
    return findings, pages, smallest


def main():
    planctl, source, tests = common.environment()
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            common.skip(f"{tool} is not installed (scripts/install-deps.sh)")
    env = common.libreoffice_env(tests)
    errors = []
    with common.TempDir() as tmp:
        books = {}
        for example in sorted((source / "examples").glob("*.yaml")):
            folder = tmp / "out" / example.stem
            folder.mkdir(parents=True)
            proc = subprocess.run([str(planctl), "render", str(example), "-o", str(folder),
                                   "--format", "xlsx", "--as-of", AS_OF],
                                  capture_output=True, text=True)
            if proc.returncode != 0:
                errors.append(f"{example.name}: render exited {proc.returncode}: {proc.stderr}")
                continue
            for xlsx in folder.glob("*.xlsx"):
                flat = tmp / "xlsx" / f"{example.stem}.xlsx"
                flat.parent.mkdir(exist_ok=True)
                shutil.copy(xlsx, flat)
                books[example.stem] = flat
        if len(books) < 2:
            errors.append(f"only {len(books)} workbooks rendered")
        else:
            errors += common.convert(books.values(), tmp / "pdf", tmp, env)
        for name, xlsx in sorted(books.items()):
            pdf = tmp / "pdf" / f"{name}.pdf"
            if not pdf.is_file():
                errors.append(f"{name}: LibreOffice wrote no PDF")
                continue
            for index, sheet in enumerate(SHEETS):
                findings, pages, smallest = check(name, xlsx, pdf, index)
                if pages == 0:
                    findings.append(f"{name}: no printed page of {sheet}")
                errors += findings
                size = f"{smallest:.2f} pt" if smallest is not None else "no text"
                print(f"{'FAIL' if findings else 'ok'} {name}: {sheet} on {pages} pages, "
                      f"smallest text {size}")
        for name in ("pingan-no2-2020", "guangongwei-2020"):
            if name not in books:
                errors.append(f"examples/{name}.yaml was not checked")
    for error in errors[:60]:
        print("FAIL:", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
