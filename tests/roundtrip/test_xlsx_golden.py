"""The .xlsx parts of the task workbook, byte for byte: planctl renders each golden example as
of 2020-12-31 twice, the two packages must be identical files, and every part must equal its
unzipped golden copy in tests/golden/xlsx/<example>/, in the same entry order (entries.txt).
Ignored: the zip container's compressed bytes and entry dates, and the dcterms:created and
dcterms:modified values in docProps/core.xml (docs/workbook.md). Regenerate on purpose with
tests/golden/xlsx/regenerate.sh."""

import difflib
import re
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

# Golden example → the plan file it is rendered from (relative to the source folder).
EXAMPLES = {
    "pingan-no2-2020": "examples/pingan-no2-2020.yaml",
    "hostile-workbook": "tests/data/hostile-workbook.yaml",
}
CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def comparable(name, data):
    """The part as compared: core.xml with its dates blanked, everything else as is."""
    return CORE_DATES.sub(rb"\1\2", data) if name == "docProps/core.xml" else data


def first_difference(want, got, name):
    diff = difflib.unified_diff(want.decode("utf-8", "replace").splitlines(),
                                got.decode("utf-8", "replace").splitlines(),
                                f"golden/{name}", f"rendered/{name}", lineterm="", n=1)
    return "\n".join(list(diff)[:12])


def main():
    planctl, source, tests = common.environment()
    errors = []
    checked = 0
    with common.TempDir() as tmp:
        for example, plan in EXAMPLES.items():
            golden = tests / "golden" / "xlsx" / example
            if not golden.is_dir():
                errors.append(f"{example}: no golden parts in tests/golden/xlsx/{example} "
                              "(tests/golden/xlsx/regenerate.sh)")
                continue
            packages = []
            for run in ("a", "b"):
                out = tmp / example / run
                out.mkdir(parents=True)
                proc = subprocess.run([str(planctl), "render", str(source / plan), "-o", str(out),
                                       "--format", "xlsx", "--as-of", "2020-12-31"],
                                      capture_output=True, text=True)
                found = sorted(out.glob("*.xlsx"))
                if proc.returncode != 0 or len(found) != 1:
                    errors.append(f"{example}: render exited {proc.returncode}, wrote "
                                  f"{[p.name for p in found]}: {proc.stderr}")
                    break
                packages.append(found[0])
            if len(packages) != 2:
                continue
            label = f"{example}/{packages[0].name}"
            if packages[0].read_bytes() != packages[1].read_bytes():
                errors.append(f"{label}: two renders are not byte-identical")
            before = len(errors)
            with zipfile.ZipFile(packages[0]) as z:
                names = "".join(i.filename + "\n" for i in z.infolist())
                want = (golden / "entries.txt").read_text(encoding="utf-8")
                if names != want:
                    errors.append(f"{label}: entries differ:\n" + first_difference(
                        want.encode(), names.encode(), "entries.txt"))
                for info in z.infolist():
                    part = golden / info.filename
                    got = comparable(info.filename, z.read(info))
                    expected = comparable(info.filename, part.read_bytes()) \
                        if part.is_file() else b""
                    if got != expected:
                        errors.append(f"{label}: {info.filename} differs from the golden copy:\n"
                                      f"{first_difference(expected, got, info.filename)}")
            checked += 1
            print(("ok   " if len(errors) == before else "FAIL ") + label)
    for e in errors:
        print("FAIL", e)
    failed = len({e.split(":")[0] for e in errors})
    print(f"{max(0, checked - failed)} passed, {failed} failed")
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
