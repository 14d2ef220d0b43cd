"""planctl's own PDF read back with poppler (pdfinfo, pdffonts, pdftotext -bbox-layout,
pdfdetach), over every example and a generated district sample: A4, title and author, every
font embedded as a subset, the text equal to the DOCX-ready text's (whitespace and page
numbers aside), at most 22 lines a page inside the 156 × 225 mm type area (13 inside the
243 × 138 mm type area of an A4 landscape page, which only a table's pages may be; the bureau
example's task table is on landscape pages, docs/pdf.md), no line against the
Chinese breaking rules, no page holding only the sign-off, page numbers `— N —` 7 mm under the
type area (odd pages right, even pages left, one character in), the plan file attached, and the
same bytes on a second run (outputs.md "PDF", docs/pdf.md)."""

import re
from collections import Counter
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docx_common import environment, render_examples  # noqa: E402

MM = 72 / 25.4
LEFT, TOP = 28 * MM, 37 * MM
RIGHT, BOTTOM = LEFT + 156 * MM, TOP + 225 * MM
CELL = 156 * MM / 28
# An A4 landscape page (a task table wider than the type area): the same margins, turned.
L_RIGHT, L_BOTTOM = LEFT + (297 - 28 - 26) * MM, TOP + (210 - 37 - 35) * MM
L_LINES = 13
TOL = 1.0  # points: glyph boxes poppler reports around the cells

NO_START = "，。、；：？！）》」』”’…—"
NO_END = "（《「『“‘"


def norm(text):
    return re.sub(r"[\s\u3000]+", "", text)


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def bbox_pages(pdf):
    """[(width, height, [(xMin, yMin, xMax, yMax, text)])] per page."""
    xml = run("pdftotext", "-bbox-layout", str(pdf), "-")
    root = ET.fromstring(xml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    pages = []
    for page in root.iter("{http://www.w3.org/1999/xhtml}page"):
        lines = []
        for line in page.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [w.text or "" for w in line.findall("x:word", ns)]
            lines.append((float(line.get("xMin")), float(line.get("yMin")),
                          float(line.get("xMax")), float(line.get("yMax")), "".join(words)))
        pages.append((float(page.get("width")), float(page.get("height")), lines))
    return pages


def sign_off_lines(txt):
    """The signature's and note's lines of the DOCX-ready text (set far right, or 附注)."""
    out = set()
    for line in txt.split("\n"):
        if line.startswith("\u3000" * 6) and line.strip("\u3000 "):
            out.add(norm(line))
    return out


def check_pdf(pdf, txt_path, problems):
    name = pdf.name
    # poppler reads the file as written: no syntax error, no cross-reference table rebuilt
    # (planctl packs cairo's objects into object streams, docs/pdf.md).
    proc = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    if proc.stderr.strip():
        problems.append(f"{name}: pdfinfo complains: {proc.stderr.strip()[:300]}")
    if not re.search(r"^PDF version:\s+1\.5$", proc.stdout, re.M):
        problems.append(f"{name}: not PDF 1.5")
    info = proc.stdout
    if "595.276 x 841.89 pts (A4)" not in info:
        problems.append(f"{name}: not A4: {info}")
    for key in ("Title", "Author"):
        if not re.search(rf"^{key}:\s+\S", info, re.M):
            problems.append(f"{name}: no {key} in the document properties")
    fonts = run("pdffonts", str(pdf)).splitlines()[2:]
    if not fonts:
        problems.append(f"{name}: no fonts")
    for row in fonts:
        cols = row.split()
        # name type... emb sub uni object ID: emb/sub/uni are the 5th-3rd from the end
        emb, sub, uni = cols[-5], cols[-4], cols[-3]
        if (emb, sub, uni) != ("yes", "yes", "yes"):
            problems.append(f"{name}: font not embedded as a subset with ToUnicode: {row}")
    if "plan.yaml" not in run("pdfdetach", "-list", str(pdf)):
        problems.append(f"{name}: the plan file is not attached")

    txt = txt_path.read_text(encoding="utf-8")
    pages = bbox_pages(pdf)
    body_text = []
    numbered = 0
    signoff = sign_off_lines(txt)
    for index, (width, height, lines) in enumerate(pages, start=1):
        landscape = abs(width - 841.89) <= 0.5 and abs(height - 595.276) <= 0.5
        if landscape:
            right, bottom, most = L_RIGHT, L_BOTTOM, L_LINES
            if "\t" not in txt:
                problems.append(f"{name} page {index}: landscape in a document with no table")
        else:
            right, bottom, most = RIGHT, BOTTOM, 22
            if abs(width - 595.276) > 0.5 or abs(height - 841.89) > 0.5:
                problems.append(f"{name} page {index}: {width} x {height}, not A4")
        inside = [ln for ln in lines if ln[3] <= bottom + TOL]
        below = [ln for ln in lines if ln[1] > bottom]
        baselines = sorted({round(ln[3]) for ln in inside})
        if len(baselines) > most:
            problems.append(f"{name} page {index}: {len(baselines)} lines, more than {most}")
        for x0, y0, x1, y1, text in inside:
            if x0 < LEFT - TOL or x1 > right + TOL or y0 < TOP - 30:
                problems.append(f"{name} page {index}: line outside the type area "
                                f"({x0:.1f},{y0:.1f})-({x1:.1f},{y1:.1f}): {text}")
            if (x1 - x0) > 28 * CELL + TOL and not landscape:
                problems.append(f"{name} page {index}: line wider than 28 cells: {text}")
            if text and text[0] in NO_START:
                problems.append(f"{name} page {index}: line starts with {text[0]}: {text}")
            if text and text[-1] in NO_END:
                problems.append(f"{name} page {index}: line ends with {text[-1]}: {text}")
            body_text.append((index, y0, x0, text))
        texts = {norm(t) for *_, t in inside if norm(t)}
        if texts and texts <= signoff:
            problems.append(f"{name} page {index}: holds only the sign-off {sorted(texts)}")
        # The page number: `— N —`, 7 mm below the type area, one character in.
        if below:
            numbered += 1
            x0, y0, x1, y1, text = below[0]
            if norm(text) != f"—{index}—":
                problems.append(f"{name} page {index}: page number reads {text!r}")
            if abs(y0 - (bottom + 7 * MM)) > 6:  # the box top is the face ascent, not the dash
                problems.append(f"{name} page {index}: page number at y {y0:.1f}, "
                                f"not 7 mm below the type area ({bottom + 7 * MM:.1f})")
            if index % 2 == 1 and abs(x1 - (right - 14)) > 2:
                problems.append(f"{name} page {index}: odd page number ends at {x1:.1f}, "
                                f"not one character from the right ({right - 14:.1f})")
            if index % 2 == 0 and abs(x0 - (LEFT + 14)) > 2:
                problems.append(f"{name} page {index}: even page number starts at {x0:.1f}, "
                                f"not one character from the left ({LEFT + 14:.1f})")
    if numbered == 0:
        problems.append(f"{name}: no page numbers")
    # The words: pdftotext's reading order without page numbers equals the text output.
    plain = run("pdftotext", str(pdf), "-")
    plain = re.sub(r"—\s*\d+\s*—", "", plain)
    got, want = norm(plain), norm(txt)
    if got != want:
        # A ruled table reads column by column in places, and its header row is repeated on
        # every page: then the characters must agree, but for whole extra header rows.
        if "\t" in txt:
            header = next(Counter(norm(ln)) for ln in txt.split("\n") if "\t" in ln)
            extra = Counter(got) - Counter(want)
            repeats = max(extra.values(), default=0) // max(header.values())
            if not Counter(want) - Counter(got) and all(
                    extra[ch] == n * repeats for ch, n in header.items()) and sum(
                    extra.values()) == repeats * sum(header.values()):
                return
        i = next((k for k in range(min(len(got), len(want))) if got[k] != want[k]),
                 min(len(got), len(want)))
        problems.append(f"{name}: text differs from {txt_path.name} at {i}:\n"
                        f"  pdf {got[max(0, i - 20):i + 40]!r}\n  txt {want[max(0, i - 20):i + 40]!r}")


def page_size(pdf, n):
    """(width, height) in points of page `n`, as `pdfinfo -f N -l N` gives it."""
    info = run("pdfinfo", "-f", str(n), "-l", str(n), str(pdf))
    m = re.search(rf"^Page\s+{n} size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    return (float(m.group(1)), float(m.group(2))) if m else None


def check_landscape(pdf, txt, problems):
    """The pages from the attachment's `附件` label to the last holding the table's header row
    (every header cell) are A4 landscape; the others portrait."""
    header = [norm(c) for c in next(ln for ln in txt.split("\n") if "\t" in ln).split("\t")]
    texts = run("pdftotext", str(pdf), "-").split("\f")
    first = next((k for k, t in enumerate(texts, start=1)
                  if t.strip() and re.fullmatch(r"附件\d*", t.strip().split("\n")[0].strip())),
                 None)
    with_table = [k for k, t in enumerate(texts, start=1) if all(c in norm(t) for c in header)]
    if first is None or not with_table:
        problems.append(f"{pdf.name}: no attachment page with the task table")
        return
    wide = set(range(first, max(with_table) + 1))
    if len(wide) < 2:
        problems.append(f"{pdf.name}: the task table takes {len(wide)} page, expected it to run on")
    count = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", str(pdf)), re.M).group(1))
    for n in range(1, count + 1):
        size = page_size(pdf, n)
        want = (841.89, 595.276) if n in wide else (595.276, 841.89)
        if size is None or abs(size[0] - want[0]) > 0.5 or abs(size[1] - want[1]) > 0.5:
            problems.append(f"{pdf.name} page {n}: {size}, expected {want[0]} x {want[1]}")


def main():
    planctl, source, _ = environment()
    problems = []
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        rendered, failures = render_examples(planctl, source, out / "examples", "pdf,txt")
        problems += failures
        # A generated district sample: every school's plan and report.
        plans = out / "plans"
        subprocess.run([sys.executable, str(source / "bench" / "gen_plans.py"), "--schools", "3",
                        "--tasks", "30", "--activities", "40", "--out", str(plans)],
                       check=True, capture_output=True)
        district = out / "district"
        district.mkdir()
        proc = subprocess.run([str(planctl), "batch", str(plans), "-o", str(district),
                               "--format", "pdf,txt"], capture_output=True, text=True)
        if proc.returncode != 0:
            problems.append(f"batch exited {proc.returncode}: {proc.stderr}")
        folders = list(rendered.values()) + [district]
        for folder in folders:
            for pdf in sorted(folder.glob("*.pdf")):
                txt = pdf.with_suffix(".txt")
                if not txt.exists():
                    problems.append(f"{pdf.name}: no {txt.name} beside it")
                    continue
                check_pdf(pdf, txt, problems)
                checked += 1
        # The bureau example's task table is wider than the type area: its attachment pages
        # (from `附件` to the last page of the table) are A4 landscape, the others portrait.
        bureau = out / "examples" / "pingan-guangongwei-issued.plan.pdf"
        for folder in rendered.values():
            if (folder / bureau.name).exists():
                bureau = folder / bureau.name
        if bureau.exists():
            check_landscape(bureau, bureau.with_suffix(".txt").read_text(encoding="utf-8"),
                            problems)
        else:
            problems.append(f"no {bureau.name} among the examples' outputs")
        # The same bytes on a second run.
        example = source / "examples" / "pingan-no2-2020.yaml"
        again = out / "again"
        again.mkdir()
        subprocess.run([str(planctl), "render", str(example), "-o", str(again), "--format", "pdf"],
                       check=True, capture_output=True)
        first = rendered["pingan-no2-2020"] / "pingan-no2.plan.pdf"
        if first.read_bytes() != (again / "pingan-no2.plan.pdf").read_bytes():
            problems.append("two renders of pingan-no2-2020.yaml give different PDF bytes")
        # A document's bytes do not depend on the documents a thread wrote before it (each
        # thread keeps its faces, cut down to the glyphs used so far, from one to the next):
        # every school of a one-thread batch as rendered alone.
        serial = out / "serial"
        serial.mkdir()
        subprocess.run([str(planctl), "batch", str(plans), "-o", str(serial), "--format", "pdf",
                        "-j", "1"], check=True, capture_output=True)
        for plan in sorted(plans.glob("*.yaml")):
            alone = out / ("alone-" + plan.stem)
            alone.mkdir()
            subprocess.run([str(planctl), "render", str(plan), "-o", str(alone), "--format", "pdf"],
                           check=True, capture_output=True)
            for pdf in sorted(alone.glob("*.pdf")):
                for batch_dir in (serial, district):
                    other = batch_dir / pdf.name
                    if not other.exists() or other.read_bytes() != pdf.read_bytes():
                        problems.append(f"{pdf.name}: the batch in {batch_dir.name} wrote other "
                                        "bytes than a render of the school alone")
    if checked < 10:
        problems.append(f"only {checked} PDFs checked")
    for p in problems:
        print(p)
    print(f"{checked} PDFs checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
