"""The 工作简报 of the pingan example for June 2020 (four items, two photos: a landscape one and
a portrait one stored sideways with EXIF orientation 6) opened by real readers: its .docx
converted by LibreOffice (headless, its own profile) and planctl's own PDF, each read back with
poppler. Both show the masthead (name, 第5期, the 编印 line), every headline, story opening and
caption of the DOCX-ready text and its 报/送/发 lines, in order, and both photos upright: on the pages drawn by
pdftoppm each photo's box has its shape (one wider than high, one higher than wide) and the
sun the test photos show at the top left is in the top-left quarter of its box
(docs/bulletin.md, the issue's done-when)."""

import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

SKY, GRASS, SUN = (90, 160, 230), (60, 150, 60), (250, 210, 40)


def norm(text):
    return re.sub(r"[\s\u3000]+", "", text)


def near(c, ref, tol):
    return all(abs(a - b) <= tol for a, b in zip(c, ref))


def photo_boxes(ppm):
    """Each photo on a page drawn as binary PPM: the bounding box of its sky and grass pixels
    (photos are told apart by more than four rows between them that have none) and its sun's
    centroid."""
    data = ppm.read_bytes()
    magic, size, depth, pixels = data.split(b"\n", 3)
    assert magic == b"P6" and depth == b"255", magic
    w, h = map(int, size.split())
    rows = {}
    for y in range(h):
        for x in range(w):
            i = 3 * (y * w + x)
            c = pixels[i], pixels[i + 1], pixels[i + 2]
            if near(c, SKY, 40) or near(c, GRASS, 40):
                rows.setdefault(y, []).append((x, "photo"))
            elif near(c, SUN, 40):
                rows.setdefault(y, []).append((x, "sun"))
    boxes, current, gap = [], None, 0
    for y in range(h):
        if y not in rows:
            gap += 1
            if current and gap > 4:  # the blended rows where sky meets grass are no gap
                boxes.append(current)
                current = None
            continue
        gap = 0
        if current is None:
            current = {"x0": w, "x1": 0, "y0": y, "y1": y, "sun": []}
        for x, kind in rows[y]:
            current["x0"], current["x1"] = min(current["x0"], x), max(current["x1"], x)
            current["y1"] = y
            if kind == "sun":
                current["sun"].append((x, y))
    if current:
        boxes.append(current)
    return [b for b in boxes if b["y1"] - b["y0"] > 10 and b["sun"]]


def check_pdf(label, pdf, txt, tmp, failures):
    text = norm(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                               check=True).stdout)
    lines = [line for line in txt.split("\n") if line.strip("\u3000 ")]
    wanted = [lines[0], lines[1], "编印：", "2020年6月29日"]
    for line in lines[3:]:
        caption = re.fullmatch(r"【图：(.*)】", line)
        if caption:
            wanted.append(caption.group(1))
        elif re.fullmatch(r"\u3000[报送发]：.*", line):
            wanted.append(line.strip("\u3000"))  # the foot
        elif line.startswith("\u3000\u3000本报讯"):
            wanted.append(line.strip("\u3000")[:20])
        elif not line.startswith("\u3000") and not line.startswith("■"):
            wanted.append(line)  # a headline
    at = 0
    for piece in wanted:
        found = text.find(norm(piece), at)
        if found < 0:
            failures.append(f"{label}: {piece!r} is missing or out of order")
            continue
        at = found
    pages = tmp / f"{label}-page"
    subprocess.run(["pdftoppm", "-r", "40", str(pdf), str(pages)], check=True)
    boxes = []
    for ppm in sorted(tmp.glob(f"{label}-page*.ppm")):
        boxes.extend(photo_boxes(ppm))
    shapes = []
    for b in boxes:
        bw, bh = b["x1"] - b["x0"], b["y1"] - b["y0"]
        shapes.append("landscape" if bw > bh else "portrait")
        sx = sum(p[0] for p in b["sun"]) / len(b["sun"])
        sy = sum(p[1] for p in b["sun"]) / len(b["sun"])
        if not (sx < b["x0"] + bw / 2 and sy < b["y0"] + bh / 2):
            failures.append(f"{label}: a {shapes[-1]} photo is not upright (sun at {sx:.0f},"
                            f"{sy:.0f} in {b['x0']}..{b['x1']} × {b['y0']}..{b['y1']})")
    if shapes != ["landscape", "portrait"]:
        failures.append(f"{label}: photos {shapes}, expected a landscape then a portrait one")


def main():
    planctl, source, tests = common.environment()
    failures = []
    with common.TempDir() as tmp:
        out = tmp / "out"
        out.mkdir()
        subprocess.run([str(planctl), "render", str(source / "examples" / "pingan-no2-2020.yaml"),
                        "--bulletin", "2020-06", "--format", "txt,docx,pdf", "-o", str(out)],
                       check=True, capture_output=True)
        base = out / "pingan-no2.bulletin-2020-06"
        txt = Path(f"{base}.txt").read_text(encoding="utf-8")
        lo = tmp / "lo-out"
        lo.mkdir()
        errors = common.convert([Path(f"{base}.docx")], lo, tmp, common.libreoffice_env(tests))
        failures.extend(errors)
        if not errors:
            check_pdf("libreoffice", lo / "pingan-no2.bulletin-2020-06.pdf", txt, tmp, failures)
        check_pdf("planctl", Path(f"{base}.pdf"), txt, tmp, failures)
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
