"""The .docx parts of three examples, byte for byte (the flagship plan pingan-no2-2020 and the
two official documents): planctl renders each twice, the two packages must be identical
files, and every part of each must equal its unzipped golden copy in
tests/golden/docx/<example>/<document>/, with the same entry order and dates (entries.txt).
Ignored: only the zip container's compressed bytes, which depend on the zlib build
(docs/docx.md). Regenerate on purpose with tests/golden/docx/regenerate.sh."""

import difflib
import subprocess
import sys
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import docx_common as common  # noqa: E402

EXAMPLES = ["pingan-no2-2020", "guangongwei-2020-issued", "jiaogongwei-2022-report"]


def entries_text(z):
    return "".join("%s %04d-%02d-%02d %02d:%02d:%02d\n" % ((i.filename,) + i.date_time)
                   for i in z.infolist())


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
        for example in EXAMPLES:
            golden_root = tests / "golden" / "docx" / example
            outs = []
            for run in ("a", "b"):
                out = tmp / example / run
                out.mkdir(parents=True)
                proc = subprocess.run([str(planctl), "render", str(source / "examples" /
                                       f"{example}.yaml"), "-o", str(out), "--format", "docx"],
                                      capture_output=True, text=True)
                if proc.returncode != 0:
                    errors.append(f"{example}: render exited {proc.returncode}: {proc.stderr}")
                outs.append(out)
            if errors:
                break
            packages = sorted(outs[0].glob("*.docx"))
            documents = sorted(p.name for p in golden_root.iterdir() if p.is_dir()) \
                if golden_root.is_dir() else []
            if sorted(p.stem.rsplit(".", 1)[-1] for p in packages) != documents:
                errors.append(f"{example}: rendered {[p.name for p in packages]}, golden has "
                              f"{documents} (tests/golden/docx/regenerate.sh)")
            for package in packages:
                label = f"{example}/{package.name}"
                if package.read_bytes() != (outs[1] / package.name).read_bytes():
                    errors.append(f"{label}: two renders are not byte-identical")
                golden = golden_root / package.stem.rsplit(".", 1)[-1]
                if not golden.is_dir():
                    continue
                before = len(errors)
                with zipfile.ZipFile(package) as z:
                    want = (golden / "entries.txt").read_text(encoding="utf-8")
                    if entries_text(z) != want:
                        errors.append(f"{label}: entries differ:\n" + first_difference(
                            want.encode(), entries_text(z).encode(), "entries.txt"))
                    for info in z.infolist():
                        part = golden / info.filename
                        got = z.read(info)
                        expected = part.read_bytes() if part.is_file() else b""
                        if got != expected:
                            errors.append(f"{label}: {info.filename} differs from the golden "
                                          f"copy:\n{first_difference(expected, got, info.filename)}")
                checked += 1
                print(("ok   " if len(errors) == before else "FAIL ") + label)
    for e in errors:
        print("FAIL", e)
    failed = len({e.split(":")[0] for e in errors})
    print(f"{max(0, checked - failed)} passed, {failed} failed")
    return 1 if errors or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
