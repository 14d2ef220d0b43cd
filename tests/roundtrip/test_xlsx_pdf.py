#!/usr/bin/python3
"""LibreOffice, a second real reader, opens rendered task workbooks and prints them to PDF.

Renders examples/pingan-no2-2020.yaml (the seed-000 plan) and tests/data/hostile-workbook.yaml
with `$PLANCTL render --format xlsx --as-of 2020-12-31`, converts each workbook with
`soffice --headless --convert-to pdf` under a private profile (-env:UserInstallation, so that
it never touches or waits on a user's profile) and tests/fonts/fonts.conf, and checks that the PDF has a page per sheet
at least and carries the sheets' titles and hostile texts as text. Exit 125 skips when
LibreOffice or poppler-utils is missing.
"""

import os
import shutil
import subprocess
import sys
import tempfile

AS_OF = "2020-12-31"


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=300, **kwargs)


def main():
    planctl = os.environ.get("PLANCTL")
    source_dir = os.environ.get("PLANCTL_SOURCE_DIR",
                                os.path.dirname(os.path.dirname(os.path.dirname(
                                    os.path.abspath(__file__)))))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not planctl or not os.access(planctl, os.X_OK):
        print("skip: $PLANCTL is not an executable planctl")
        return 125
    if not soffice or not shutil.which("pdftotext") or not shutil.which("pdfinfo"):
        print("skip: LibreOffice or poppler-utils is not installed")
        return 125

    cases = {
        os.path.join(source_dir, "examples", "pingan-no2-2020.yaml"): [
            "海东市平安区第二中学2020年创建民族团结进步先进区工作任务分工表",
            "工作任务分工表", "活动台账", "月度安排表", "任务进度统计表", "截至2020年12月31日",
            "校内外营造浓厚的宣传氛围", "各部门任务进度",
        ],
        os.path.join(source_dir, "tests", "data", "hostile-workbook.yaml"): [
            "=cmd|' /C calc'!A0", "+SUM(1,2)", "<a>&</a>", "'quoted", "_x0041_",
        ],
    }
    # The project's fontconfig file maps 宋体 and 黑体 to free CJK faces, as in docs/workbook.md.
    env = dict(os.environ)
    fonts_conf = os.path.join(source_dir, "tests", "fonts", "fonts.conf")
    if os.path.exists(fonts_conf):
        env["FONTCONFIG_FILE"] = fonts_conf
    failures = []
    with tempfile.TemporaryDirectory(prefix="planctl-xlsx-pdf-") as tmp:
        profile = "file://" + os.path.join(tmp, "lo-profile")
        for number, (source, needles) in enumerate(cases.items()):
            out_dir = os.path.join(tmp, f"out{number}")
            os.mkdir(out_dir)
            result = run([planctl, "render", source, "--format", "xlsx", "--as-of", AS_OF,
                          "-o", out_dir])
            if result.returncode != 0:
                failures.append(f"render {source}: exit {result.returncode}\n{result.stderr}")
                continue
            xlsx = [line for line in result.stdout.splitlines() if line.endswith(".xlsx")][0]
            pdf_dir = os.path.join(tmp, f"pdf{number}")
            os.mkdir(pdf_dir)
            result = run([soffice, f"-env:UserInstallation={profile}", "--headless",
                          "--convert-to", "pdf", "--outdir", pdf_dir, xlsx], env=env)
            pdf = os.path.join(pdf_dir, os.path.basename(xlsx)[: -len(".xlsx")] + ".pdf")
            if not os.path.exists(pdf):
                failures.append(f"LibreOffice did not convert {xlsx}: {result.stdout}{result.stderr}")
                continue
            info = run(["pdfinfo", pdf]).stdout
            pages = int(next(line.split()[-1] for line in info.splitlines()
                             if line.startswith("Pages:")))
            if pages < 4:
                failures.append(f"{pdf}: {pages} pages, fewer than the four sheets")
            # Joined without line breaks: a long title may wrap in the page's text.
            text = run(["pdftotext", "-layout", pdf, "-"]).stdout
            flat = "".join(text.split())
            for needle in needles:
                if "".join(needle.split()) not in flat:
                    failures.append(f"{os.path.basename(pdf)}: {needle!r} not in the PDF text")
            size = os.path.getsize(pdf)
            print(f"ok {os.path.basename(source)}: {pages} pages, {size} bytes"
                  if not failures else f"FAIL {os.path.basename(source)}")
    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
