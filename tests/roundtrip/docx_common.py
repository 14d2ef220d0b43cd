"""Shared helpers for the .docx round-trip tests: render every example with the real planctl
binary and find the golden DOCX-ready text that each rendered document must match."""

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SKIP = 125


def skip(reason):
    print(f"SKIP: {reason}")
    sys.exit(SKIP)


def environment():
    """(planctl, source dir, tests dir) from the ctest environment; skips when it is absent."""
    planctl = os.environ.get("PLANCTL")
    source = os.environ.get("PLANCTL_SOURCE_DIR")
    tests = os.environ.get("PLANCTL_TEST_DATA_DIR")
    if not planctl or not source or not tests:
        skip("PLANCTL, PLANCTL_SOURCE_DIR and PLANCTL_TEST_DATA_DIR are set by ctest")
    if not os.access(planctl, os.X_OK):
        skip(f"no planctl binary at {planctl}")
    return Path(planctl), Path(source), Path(tests)


def render_examples(planctl, source, out_dir, formats="docx,txt"):
    """Renders every examples/*.yaml into out_dir/<example>/; returns {example: folder}.
    A render that fails is a test failure, not a skip."""
    rendered = {}
    failures = []
    for example in sorted((source / "examples").glob("*.yaml")):
        folder = out_dir / example.stem
        folder.mkdir(parents=True)
        proc = subprocess.run(
            [str(planctl), "render", str(example), "-o", str(folder), "--format", formats],
            capture_output=True, text=True)
        if proc.returncode != 0:
            failures.append(f"{example.name}: render exited {proc.returncode}\n{proc.stderr}")
            continue
        rendered[example.stem] = folder
    return rendered, failures


def is_official(example):
    """Whether examples/<example>.yaml is an official document (a `letterhead`, `doc_number`
    or 版记 key in `plan`): its .docx has the 版头, attachment pages and the 版记 section, which
    test_official_documents.py and test_signoff_pages.py check instead of the one-section
    page that test_docx_read.py and test_docx_pdf.py measure."""
    text = Path(example).read_text(encoding="utf-8")
    return re.search(r"^  (letterhead|doc_number|printed_by|copy_to):", text, re.M) is not None


def golden_text(tests, example, docx_path, rendered_folder):
    """(text, where it came from) for a rendered .docx: the golden DOCX-ready text
    tests/golden/text/<example>/<stem>.txt. Only while no text goldens exist at all does the
    .txt rendered next to the .docx stand in; a golden tree that lacks this file is an error
    (None), so that a missing golden is never silently replaced."""
    name = docx_path.with_suffix(".txt").name
    root = tests / "golden" / "text"
    golden = root / example / name
    if golden.is_file():
        return golden.read_text(encoding="utf-8"), str(golden.relative_to(tests))
    if root.is_dir():
        return None, f"golden/text/{example}/{name} is missing (tests/golden/regenerate.sh)"
    rendered = rendered_folder / name
    return rendered.read_text(encoding="utf-8"), f"{name} rendered alongside"


def libreoffice_env(tests, conf="fonts.conf"):
    """The environment of every LibreOffice conversion in the tests: the project's fontconfig
    file tests/fonts/<conf> (free CJK faces under the GB/T 9704 names), a fixed
    SOURCE_DATE_EPOCH and a UTF-8 locale."""
    return dict(os.environ, FONTCONFIG_FILE=str(tests / "fonts" / conf),
                SOURCE_DATE_EPOCH="1609372800", LC_ALL="C.UTF-8")


def convert(files, out_dir, tmp, env, to="pdf", timeout=600):
    """Converts files with one headless LibreOffice under its own profile in tmp (two
    conversions that share the default profile hang or hand work to each other); returns
    the errors as strings, none when soffice exited 0. timeout=None waits as long as it
    takes."""
    try:
        proc = subprocess.run(
            ["soffice", f"-env:UserInstallation=file://{tmp}/lo", "--headless",
             "--convert-to", to, "--outdir", str(out_dir)] + [str(f) for f in files],
            capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [f"soffice took more than {timeout} s"]
    if proc.returncode != 0:
        return [f"soffice exited {proc.returncode}: {proc.stderr}"]
    return []


class TempDir:
    def __enter__(self):
        self.path = Path(tempfile.mkdtemp(prefix="planctl-docx-"))
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(self.path, ignore_errors=True)
