"""Every .docx that planctl renders from examples/*.yaml, converted to PDF by LibreOffice in
headless mode and measured: the conversion succeeds, the page count is what 22 lines of 28
characters give for the golden text, every page holds 22 lines on a 579-twip pitch (a page
before a heading may end up to three lines early: the heading keeps with what follows), full
lines hold 28 characters (one that ends before a number or an opening mark, which LibreOffice
keeps with its neighbours, may be up to four short), the title is centred and the page numbers `— N —` sit right on odd
pages and left on even ones.

Fonts: tests/fonts/metrics.conf (through FONTCONFIG_FILE) maps the document's faces to free
Debian faces whose ideographs are one em wide, as 仿宋_GB2312's are, so the counts are those
Word and WPS give with the real fonts. LibreOffice runs with a private profile."""

import collections
import math
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

PT_PER_TWIP = 1 / 20
PAGE_HEIGHT = 16838 * PT_PER_TWIP
LEFT = 1587 * PT_PER_TWIP
RIGHT = (11906 - 1474) * PT_PER_TWIP
TYPE_BOTTOM = (16838 - 1984) * PT_PER_TWIP
PITCH = 579 * PT_PER_TWIP
BODY_HALVES = 56   # 28 characters
TITLE_HALVES = 40  # 2号 (22 pt) characters in the 156 mm line: 20
NS = "{http://www.w3.org/1999/xhtml}"
PUNCTUATION = set("，。、；：？！”’）》」』〕】…—·")
# What a line may not end before: a number (digits stay together and with the marks that hold
# to them, `《2021`, `》1860`) or an opening mark. A line followed by one of these within its
# first three characters may end up to four characters short.
KEPT_TOGETHER = re.compile(r"^.{0,2}[0-9A-Za-z《“‘（「『〔【]")
HEADING = re.compile(r"^(（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、)")


def forced_short(line, following):
    """Whether `line` ended early because the start of `following` (the next line of the same
    paragraph) is kept together (KEPT_TOGETHER)."""
    return following is not None and abs(following["x0"] - LEFT) < 2 and \
        KEPT_TOGETHER.match(following["text"]) is not None


def halves(text):
    return sum(1 if (0x20 <= ord(c) < 0x7F or 0xFF61 <= ord(c) <= 0xFF9F) else 2
               for c in text if not c.isspace())


def predicted_lines(text):
    """Line slots the golden text takes on a 22×28 page: the title at 20 characters a line,
    every other line (indent included, as the text output writes it) at 28, blank lines one."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    total = 0
    for i, line in enumerate(lines):
        per = TITLE_HALVES if i == 0 else BODY_HALVES
        total += max(1, math.ceil(halves(line.replace("\u3000", "一")) / per))
    return total, sum(1 for line in lines if not line.strip("\u3000"))


def pdf_pages(pdf):
    """Per page: (body lines, footer lines); a line is the words sharing a baseline."""
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    pages = []
    for page in root.iter(NS + "page"):
        rows = collections.defaultdict(list)
        for w in page.iter(NS + "word"):
            rows[round(float(w.get("yMax")))].append(w)
        body, footer = [], []
        for y in sorted(rows):
            words = sorted(rows[y], key=lambda w: float(w.get("xMin")))
            line = {"y": max(float(w.get("yMax")) for w in words),
                    "x0": float(words[0].get("xMin")), "x1": float(words[-1].get("xMax")),
                    "text": "".join(w.text or "" for w in words)}
            (footer if line["y"] > TYPE_BOTTOM + 2 else body).append(line)
        pages.append((body, footer))
    return pages


def check_pdf(name, pdf, text, errors, report):
    def fail(message):
        errors.append(f"{name}: {message}")

    pages = pdf_pages(pdf)
    slots, blanks = predicted_lines(text)
    expected = math.ceil(slots / 22)
    measured = sum(len(body) for body, _ in pages) + blanks
    lines = [line for body, _ in pages for line in body]
    forced = sum(1 for a, b in zip(lines, lines[1:]) if forced_short(a, b))
    after = {id(a): b for a, b in zip(lines, lines[1:])}  # the next line, across pages
    # Line breaking (no line starts with ，, punctuation may hang) moves a line now and then;
    # a line that ends early before a number or an opening mark may push one more.
    if abs(measured - slots) > max(3, slots // 30) + forced:
        fail(f"{measured} lines, but 22×28 gives {slots} for the text")
    near_boundary = min(slots % 22, 22 - slots % 22) <= 3
    if len(pages) != expected and not (near_boundary and abs(len(pages) - expected) == 1):
        fail(f"{len(pages)} pages, expected {expected} ({slots} lines of 22 a page)")

    full = collections.Counter()
    for number, (body, footer) in enumerate(pages, start=1):
        # Empty lines print nothing, so a full page shows 22 lines less those it holds. The
        # page before the last may end early: the end of the body goes over with the sign-off
        # (outputs.md "Keeping a page together"; test_signoff_pages.py).
        # A heading is kept with what follows it, so a page before one may end up to three
        # lines early.
        next_heading = number < len(pages) and pages[number][0] and \
            HEADING.match(pages[number][0][0]["text"]) is not None
        short_by = 3 if next_heading else 0
        if len(body) > 22 or (number < len(pages) - 1 and len(body) < 22 - blanks - short_by):
            fail(f"page {number} has {len(body)} lines")
        start = 1 if number == 1 else 0  # the 2号 title sits lower in its line
        for a, b in zip(body[start:], body[start + 1:]):
            gap = b["y"] - a["y"]
            if abs(gap / PITCH - round(gap / PITCH)) > 0.01:
                fail(f"page {number}: lines {gap:.2f} pt apart, not a multiple of {PITCH} pt")
                break
        for line in body:
            following = after.get(id(line))
            ends_at_margin = line["x1"] > RIGHT - 14
            continuation = abs(line["x0"] - LEFT) < 2
            if ends_at_margin and continuation and halves(line["text"]) % 2 == 0 and \
                    not re.search(r"[\x20-\x7e]", line["text"]):
                count = halves(line["text"]) // 2
                if count >= 24 and count < 27 and forced_short(line, following):
                    continue
                full[count] += 1
                hang = line["text"][-1] in PUNCTUATION
                if not (count == 28 or (count == 27) or (count == 29 and hang)):
                    fail(f"page {number}: a full line of {count} characters: {line['text']}")
        if len(footer) != 1 or footer[0]["text"] != f"—{number}—":
            fail(f"page {number}: footer {[f['text'] for f in footer]}, want —{number}—")
            continue
        f = footer[0]
        if number % 2 == 1 and abs(f["x1"] - (RIGHT - 14)) > 3:
            fail(f"page {number}: the page number ends at {f['x1']:.1f} pt, not one 4号 "
                 f"character from the right margin ({RIGHT - 14:.1f})")
        if number % 2 == 0 and abs(f["x0"] - (LEFT + 14)) > 3:
            fail(f"page {number}: the page number starts at {f['x0']:.1f} pt, not one 4号 "
                 f"character from the left margin ({LEFT + 14:.1f})")
    # A ratio says something only over a few lines.
    if sum(full.values()) >= 5 and full[28] < 0.8 * sum(full.values()):
        fail(f"full lines of ideographs and punctuation: {dict(full)}, mostly not 28")
    # The signature: each line starts or ends (whichever edge GB/T 9704 anchors it by; digits
    # may be set wider here) where the text output's padding puts it.
    text_lines = [line for line in text.split("\n") if line.strip("\u3000")]
    char = 315 * PT_PER_TWIP
    for line, printed in zip(text_lines[-2:], pages[-1][0][-2:]):
        pad = len(line) - len(line.lstrip("\u3000"))
        start = LEFT + pad * char
        end = start + halves(line.lstrip("\u3000")) / 2 * char
        if min(abs(printed["x0"] - start), abs(printed["x1"] - end)) > char / 2 + 1:
            fail(f"signature line {printed['text']!r} at {printed['x0']:.1f}–{printed['x1']:.1f} pt, "
                 f"the text output puts it at {start:.1f}–{end:.1f}")
    title = pages[0][0][0]
    if abs((title["x0"] + title["x1"]) / 2 - (LEFT + RIGHT) / 2) > 3:
        fail(f"the title is not centred: {title['x0']:.1f}–{title['x1']:.1f} pt")
    report.append(f"{name}: {len(pages)} pages (22×28 gives {slots} lines → {expected}), "
                  f"lines a page {[len(b) for b, _ in pages]}, full lines by characters "
                  f"{dict(sorted(full.items()))}")


def main():
    planctl, source, tests = common.environment()
    for tool in ("soffice", "pdftotext", "fc-match"):
        if shutil.which(tool) is None:
            common.skip(f"{tool} is not installed (scripts/install-deps.sh)")
    env = common.libreoffice_env(tests, "metrics.conf")
    for face in ("Noto Serif CJK SC", "Noto Sans CJK SC", "AR PL UKai CN"):
        got = subprocess.run(["fc-list", face, "family"], capture_output=True, text=True).stdout
        if not got.strip():
            common.skip(f"font {face} is not installed (scripts/install-deps.sh)")
    errors, report = [], []
    checked = 0
    with common.TempDir() as tmp:
        rendered, failures = common.render_examples(planctl, source, tmp / "out")
        errors += failures
        docx_dir = tmp / "docx"
        docx_dir.mkdir()
        texts = {}
        for example, folder in sorted(rendered.items()):
            if common.is_official(source / "examples" / f"{example}.yaml"):
                # Its 版记 page has no page number and its attachment pages a table:
                # test_signoff_pages.py measures its pages.
                print(f"-    {example}: an official document, measured by test_signoff_pages.py")
                continue
            for path in sorted(folder.glob("*.docx")):
                name = f"{example}--{path.stem}"
                shutil.copy(path, docx_dir / f"{name}.docx")
                text, text_source = common.golden_text(tests, example, path, folder)
                if text is None:
                    errors.append(f"{name}: {text_source}")
                    continue
                texts[name] = text
        if not texts:
            errors.append("no .docx to convert")
        else:
            errors += common.convert([docx_dir / f"{n}.docx" for n in sorted(texts)],
                                     tmp / "pdf", tmp, env, timeout=500)
        for name in sorted(texts):
            pdf = tmp / "pdf" / f"{name}.pdf"
            if not pdf.is_file():
                errors.append(f"{name}: LibreOffice wrote no PDF")
                continue
            before = len(errors)
            check_pdf(name, pdf, texts[name], errors, report)
            checked += 1
            print(("ok   " if len(errors) == before else "FAIL ") + report[-1])
    for e in errors:
        print("FAIL", e)
    failed = len({e.split(":")[0] for e in errors})
    print(f"{max(0, checked - failed)} passed, {failed} failed")
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
